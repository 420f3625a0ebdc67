//! Cross-field rules whose JSON Schema asks only which cells are filled and what a few of them
//! hold (`anyOf` of `required`, `dependentRequired`, `if`/`then` on a pattern, `not`): compiled to
//! a test on the row's cells, so that a row needs no JSON object and a 400 KB boundary is not
//! copied to find out whether it is there. A schema using any other keyword stays with the
//! jsonschema validator. The test gives exactly the validator's answer on the row object
//! `check::rules` would build (a test below compares them on every built-in rule).

use serde_json::Value;

use crate::compile::{convert, Pattern, Typed};
use crate::standard::Table;

/// A condition on a row, as the row schema's keywords state it.
pub(crate) enum CellRule {
    Always(bool),
    /// Every one of these columns is in the row object (filled, or null for a nullable column).
    Required(Vec<usize>),
    All(Vec<CellRule>),
    Any(Vec<CellRule>),
    One(Vec<CellRule>),
    Not(Box<CellRule>),
    If {
        test: Box<CellRule>,
        then: Box<CellRule>,
        otherwise: Box<CellRule>,
    },
    /// A rule on one column only, decided by that cell alone: looked up once (360Giving's org-id
    /// rules name `Recipient Org:Identifier` three times each), the answers for an absent and a
    /// null cell worked out when compiling, and the rule for a filled cell simplified knowing
    /// that it is filled (its `required` always holds).
    OneColumn {
        column: usize,
        absent: bool,
        null: bool,
        filled: Box<CellRule>,
    },
    /// The column's value passes `test` when it is in the row object (`properties`).
    Value {
        column: usize,
        /// The kinds the column's cells convert to.
        kinds: Vec<crate::compile::Kind>,
        test: ValueTest,
    },
}

/// What a `properties` entry asks of one value.
pub(crate) enum ValueTest {
    /// `type: string`.
    IsText,
    /// `type: number`.
    IsNumber,
    /// `type: integer` (a number without a fraction, `1.0` too, as in JSON Schema).
    IsInteger,
    /// `pattern`: a text value matches (a value of another type passes, as in JSON Schema).
    /// Compiled as a column's pattern is (a byte table where the DFA is small): the `regex`
    /// crate's shared cache, taken by every checking thread in turn, had been a sixth of the
    /// 360Giving check.
    Pattern(Box<Pattern>),
    /// `const` with a text.
    Equals(String),
    /// `enum` of texts.
    OneOf(Vec<String>),
}

/// A cell as the row object holds it. A filled cell is converted only when a test asks what it
/// holds: `required` needs only to know it is there, and converting every cell a rule names had
/// been most of a rule's cost.
#[derive(Clone, Copy)]
pub(crate) enum Cell<'a> {
    /// Not in the object: the column is not in the file, or the cell is empty and not nullable.
    Absent,
    /// `null`: an empty cell of a nullable column.
    Null,
    /// A filled cell's trimmed text (converted to its column's kinds when a test asks).
    Filled(&'a str),
}

/// What a filled cell is in the row object.
enum Held<'a> {
    /// A JSON string.
    Text(&'a str),
    /// A JSON number.
    Number(f64),
    /// A boolean, object or array.
    Other,
}

/// Where a rule reads a row's cells: standard column `i`'s cell as the row object holds it.
/// A trait rather than a `dyn Fn`, so that [`CellRule::holds`] is compiled for each source and
/// its lookups are not calls through a pointer (360Giving's check: 1.2M of 193M instructions).
pub(crate) trait RowCells<'a> {
    fn cell(&self, column: usize) -> Cell<'a>;
}

/// One cell, whatever the column asked: the source of a rule on one column (`OneColumn`), and of
/// a row without the rule's columns.
pub(crate) struct OnlyCell<'a>(pub(crate) Cell<'a>);

impl<'a, F: Fn(usize) -> Cell<'a>> RowCells<'a> for F {
    #[inline(always)]
    fn cell(&self, column: usize) -> Cell<'a> {
        self(column)
    }
}

impl<'a> RowCells<'a> for OnlyCell<'a> {
    #[inline]
    fn cell(&self, _column: usize) -> Cell<'a> {
        self.0
    }
}

impl<'a> Cell<'a> {
    /// The cell as `check::rules::refill` puts it into the row object.
    pub(crate) fn of(trimmed: Option<&'a str>, missing: bool, nullable: bool) -> Cell<'a> {
        match trimmed {
            None => Cell::Absent,
            Some(_) if missing && nullable => Cell::Null,
            Some(_) if missing => Cell::Absent,
            Some(text) => Cell::Filled(text),
        }
    }
}

/// A filled cell's value, as `check::rules::refill` converts it.
fn held<'a>(text: &'a str, kinds: &[crate::compile::Kind]) -> Held<'a> {
    if kinds == [crate::compile::Kind::String] {
        return Held::Text(text);
    }
    match convert(text, kinds) {
        None | Some(Typed::Str(_)) => Held::Text(text),
        Some(Typed::Int(i)) => Held::Number(i as f64),
        Some(Typed::Num(n)) => Held::Number(n),
        Some(Typed::Bool(_)) => Held::Other,
        // JSON text the row object cannot hold as a value (`[1e400]`) is held as text.
        Some(Typed::Json(json)) => match serde_json::from_str::<Value>(json) {
            Ok(_) => Held::Other,
            Err(_) => Held::Text(text),
        },
    }
}

impl CellRule {
    /// Compiles a rule's `schema`, or `None` when it uses a keyword this test does not cover.
    pub(crate) fn compile_rule(schema: &Value, table: &Table) -> Option<CellRule> {
        let rule = CellRule::compile(schema, table)?;
        let mut columns = Vec::new();
        rule.columns(&mut columns);
        columns.sort_unstable();
        columns.dedup();
        Some(match columns[..] {
            [column] => CellRule::OneColumn {
                column,
                absent: rule.holds(&OnlyCell(Cell::Absent)),
                null: rule.holds(&OnlyCell(Cell::Null)),
                filled: Box::new(rule.when_filled()),
            },
            _ => rule,
        })
    }

    /// The rule simplified for a row whose cells it names are all filled: `required` holds, and
    /// what is left is folded (`allOf` of one test is that test, an `if` that always holds is its
    /// `then`...).
    fn when_filled(self) -> CellRule {
        let fold = |items: Vec<CellRule>, unit: bool| {
            // `unit` is the answer of an empty list (true for allOf, false for anyOf); an item
            // answering the other way decides the list.
            let mut kept = Vec::new();
            for item in items.into_iter().map(CellRule::when_filled) {
                match item {
                    CellRule::Always(answer) if answer == unit => {}
                    CellRule::Always(answer) => return CellRule::Always(answer),
                    other => kept.push(other),
                }
            }
            match kept.len() {
                0 => CellRule::Always(unit),
                1 => kept.pop().unwrap_or(CellRule::Always(unit)),
                _ if unit => CellRule::All(kept),
                _ => CellRule::Any(kept),
            }
        };
        match self {
            CellRule::Required(_) => CellRule::Always(true),
            CellRule::All(items) => fold(items, true),
            CellRule::Any(items) => fold(items, false),
            CellRule::One(items) => {
                CellRule::One(items.into_iter().map(CellRule::when_filled).collect())
            }
            CellRule::Not(item) => match item.when_filled() {
                CellRule::Always(answer) => CellRule::Always(!answer),
                other => CellRule::Not(Box::new(other)),
            },
            CellRule::If {
                test,
                then,
                otherwise,
            } => match (
                test.when_filled(),
                then.when_filled(),
                otherwise.when_filled(),
            ) {
                (CellRule::Always(true), then, _) => then,
                (CellRule::Always(false), _, otherwise) => otherwise,
                (test, then, otherwise) => CellRule::If {
                    test: Box::new(test),
                    then: Box::new(then),
                    otherwise: Box::new(otherwise),
                },
            },
            other => other,
        }
    }

    /// The columns the rule reads (with repeats).
    fn columns(&self, out: &mut Vec<usize>) {
        match self {
            CellRule::Always(_) => {}
            CellRule::Required(columns) => out.extend(columns),
            CellRule::All(items) | CellRule::Any(items) | CellRule::One(items) => {
                items.iter().for_each(|r| r.columns(out))
            }
            CellRule::Not(item) => item.columns(out),
            CellRule::If {
                test,
                then,
                otherwise,
            } => {
                test.columns(out);
                then.columns(out);
                otherwise.columns(out);
            }
            CellRule::OneColumn { column, .. } | CellRule::Value { column, .. } => {
                out.push(*column)
            }
        }
    }

    /// Compiles `schema`, or `None` when it uses a keyword this test does not cover.
    fn compile(schema: &Value, table: &Table) -> Option<CellRule> {
        let Value::Object(object) = schema else {
            return match schema {
                Value::Bool(b) => Some(CellRule::Always(*b)),
                _ => None,
            };
        };
        let column = |name: &str| table.columns.iter().position(|c| c.name.as_ref() == name);
        let mut parts = Vec::new();
        for (keyword, value) in object {
            match keyword.as_str() {
                // Words for people.
                "title" | "description" | "$comment" => {}
                "type" if value == "object" => {}
                "required" => {
                    let mut columns = Vec::new();
                    for name in value.as_array()? {
                        // A name no column has is never in the row object.
                        match column(name.as_str()?) {
                            Some(i) => columns.push(i),
                            None => return Some(CellRule::Always(false)),
                        }
                    }
                    parts.push(CellRule::Required(columns));
                }
                "anyOf" | "allOf" | "oneOf" => {
                    let items = value
                        .as_array()?
                        .iter()
                        .map(|s| CellRule::compile(s, table))
                        .collect::<Option<Vec<_>>>()?;
                    parts.push(match keyword.as_str() {
                        "anyOf" => CellRule::Any(items),
                        "allOf" => CellRule::All(items),
                        _ => CellRule::One(items),
                    });
                }
                "not" => parts.push(CellRule::Not(Box::new(CellRule::compile(value, table)?))),
                "if" => {
                    let branch = |name: &str| match object.get(name) {
                        Some(s) => CellRule::compile(s, table),
                        None => Some(CellRule::Always(true)),
                    };
                    parts.push(CellRule::If {
                        test: Box::new(CellRule::compile(value, table)?),
                        then: Box::new(branch("then")?),
                        otherwise: Box::new(branch("else")?),
                    });
                }
                // Read with `if`; alone they do nothing.
                "then" | "else" => {}
                "dependentRequired" => {
                    for (name, needed) in value.as_object()? {
                        let needed: Vec<&str> = needed
                            .as_array()?
                            .iter()
                            .map(Value::as_str)
                            .collect::<Option<_>>()?;
                        let Some(trigger) = column(name) else {
                            continue; // never present: the dependency never applies
                        };
                        let then =
                            match needed.iter().map(|n| column(n)).collect::<Option<Vec<_>>>() {
                                Some(columns) => CellRule::Required(columns),
                                None => CellRule::Always(false),
                            };
                        parts.push(CellRule::If {
                            test: Box::new(CellRule::Required(vec![trigger])),
                            then: Box::new(then),
                            otherwise: Box::new(CellRule::Always(true)),
                        });
                    }
                }
                "properties" => {
                    for (name, property) in value.as_object()? {
                        let Some(i) = column(name) else {
                            continue; // never present: nothing to test
                        };
                        let kinds = super::column::kinds_of(&table.columns[i].schema);
                        // A text column's cell is a string whenever it is in the row object
                        // (an empty cell of a column that cannot be null is left out).
                        let always_text = kinds == [crate::compile::Kind::String]
                            && !super::column::admits_null(&table.columns[i].schema);
                        for test in value_tests(property)? {
                            if always_text && matches!(test, ValueTest::IsText) {
                                continue;
                            }
                            parts.push(CellRule::Value {
                                column: i,
                                kinds: kinds.clone(),
                                test,
                            });
                        }
                    }
                }
                _ => return None,
            }
        }
        Some(match parts.len() {
            0 => CellRule::Always(true),
            1 => parts.pop()?,
            _ => CellRule::All(parts),
        })
    }

    /// Whether the row passes, `cells` giving each standard column's cell as the row object holds
    /// it.
    pub(crate) fn holds<'a>(&self, cells: &impl RowCells<'a>) -> bool {
        let cell = |i: usize| cells.cell(i);
        match self {
            CellRule::Always(answer) => *answer,
            CellRule::Required(columns) => {
                columns.iter().all(|&i| !matches!(cell(i), Cell::Absent))
            }
            CellRule::All(items) => items.iter().all(|r| r.holds(cells)),
            CellRule::Any(items) => items.iter().any(|r| r.holds(cells)),
            CellRule::One(items) => items.iter().filter(|r| r.holds(cells)).count() == 1,
            CellRule::Not(item) => !item.holds(cells),
            CellRule::OneColumn {
                column,
                absent,
                null,
                filled,
            } => match cell(*column) {
                Cell::Absent => *absent,
                Cell::Null => *null,
                one @ Cell::Filled(_) => filled.holds(&OnlyCell(one)),
            },
            CellRule::If {
                test,
                then,
                otherwise,
            } => {
                if test.holds(cells) {
                    then.holds(cells)
                } else {
                    otherwise.holds(cells)
                }
            }
            CellRule::Value {
                column,
                kinds,
                test,
            } => match cell(*column) {
                Cell::Absent => true,
                // `pattern` looks at strings only; the others want a string or a number.
                Cell::Null => matches!(test, ValueTest::Pattern(_)),
                Cell::Filled(text) => match held(text, kinds) {
                    Held::Text(text) => match test {
                        ValueTest::IsText => true,
                        ValueTest::IsNumber | ValueTest::IsInteger => false,
                        ValueTest::Pattern(pattern) => pattern.is_match(text),
                        ValueTest::Equals(wanted) => text == wanted,
                        ValueTest::OneOf(allowed) => allowed.iter().any(|a| a == text),
                    },
                    Held::Number(n) => match test {
                        ValueTest::IsNumber | ValueTest::Pattern(_) => true,
                        ValueTest::IsInteger => n.fract() == 0.0,
                        _ => false,
                    },
                    Held::Other => matches!(test, ValueTest::Pattern(_)),
                },
            },
        }
    }
}

/// The tests of one `properties` entry, or `None` for a keyword they do not cover.
fn value_tests(schema: &Value) -> Option<Vec<ValueTest>> {
    let mut tests = Vec::new();
    for (keyword, value) in schema.as_object()? {
        match keyword.as_str() {
            "title" | "description" | "$comment" => {}
            "type" if value == "string" => tests.push(ValueTest::IsText),
            "type" if value == "number" => tests.push(ValueTest::IsNumber),
            "type" if value == "integer" => tests.push(ValueTest::IsInteger),
            // Through the validator's own ECMA-to-Rust rewrite (`.` not matching line ends,
            // `\d` as ASCII digits, class-set syntax taken literally), so that both read it alike.
            "pattern" => {
                let rewritten = jsonschema_regex::to_rust_regex(value.as_str()?).ok()?;
                tests.push(ValueTest::Pattern(Box::new(Pattern::new(&rewritten).ok()?)));
            }
            "const" => tests.push(ValueTest::Equals(value.as_str()?.to_string())),
            "enum" => tests.push(ValueTest::OneOf(
                value
                    .as_array()?
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<_>>()?,
            )),
            _ => return None,
        }
    }
    Some(tests)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_built_in_rules_run_on_cells() {
        let mut fallback = Vec::new();
        for entry in crate::standard::builtin_standards() {
            let spec = format!("builtin:{}@{}", entry.id, entry.version);
            let standard = crate::standard::Standard::load(&spec).expect("built-in");
            for table in &standard.tables {
                for rule in &table.rules {
                    if let crate::standard::RuleTest::Schema(schema) = &rule.test {
                        if CellRule::compile_rule(schema, table).is_none() {
                            fallback.push(format!("{} {}", entry.id, rule.id));
                        }
                    }
                }
            }
        }
        assert_eq!(fallback, Vec::<String>::new());
    }

    #[test]
    fn a_rule_on_one_column_is_decided_by_its_cell_alone() {
        let standard = crate::standard::Standard::load("builtin:360giving").expect("built-in");
        let table = &standard.tables[0];
        let rule = table
            .rules
            .iter()
            .find(|r| r.id == "charity-identifier")
            .expect("the rule");
        let crate::standard::RuleTest::Schema(schema) = &rule.test else {
            panic!("a schema rule");
        };
        let Some(CellRule::OneColumn {
            absent,
            null,
            filled,
            ..
        }) = CellRule::compile_rule(schema, table)
        else {
            panic!("one column");
        };
        // No identifier: nothing to check. A filled one: `if` prefix `then` number, and nothing
        // left of `required` or of the `allOf` around it.
        assert!(absent && null);
        let CellRule::If {
            test, otherwise, ..
        } = *filled
        else {
            panic!("an if");
        };
        assert!(matches!(*test, CellRule::Value { .. }));
        assert!(matches!(*otherwise, CellRule::Always(true)));
    }
}

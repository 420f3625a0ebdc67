//! The JSON Schema path: rows as JSON objects, validated by the jsonschema crate, for the schema
//! keywords the compiled cell checks do not cover (and, in tests, for the whole schema).

use std::sync::Arc;

use crate::read::csv::Record;
use serde_json::{Map, Value};

use super::cells::{is_missing, trim};
use crate::compile::{convert, Cell, CompiledTable, CompiledTest, OnlyCell};
use crate::finding::{Code, Finding};
use crate::formats::date;
use crate::json_pointer;
use crate::schema::{self, FailureKind};
use crate::t;

/// The row as the JSON object the row schema describes: missing cells absent, other cells
/// converted to the column's type (kept as text where they do not convert).
pub fn row_object(
    record: &Record<'_>,
    table: &CompiledTable,
    standard_to_file: &[Option<usize>],
) -> Value {
    let mut object = Map::new();
    refill(&mut object, record, table, standard_to_file, None);
    Value::Object(object)
}

/// Refills `object` with a row's values (of the columns `keep` marks, when given), in place: a key the last
/// row had is kept and its value overwritten (a text value's buffer reused), so that rows of one
/// shape allocate nothing.
fn refill(
    object: &mut Map<String, Value>,
    record: &Record<'_>,
    table: &CompiledTable,
    standard_to_file: &[Option<usize>],
    keep: Option<&[bool]>,
) {
    for (i, (column, file_column)) in table.columns.iter().zip(standard_to_file).enumerate() {
        if keep.is_some_and(|keep| !keep[i]) {
            continue;
        }
        let trimmed = file_column.and_then(|f| record.get(f)).map(trim);
        let value = match trimmed {
            Some(t) if !is_missing(t, table) => Some(t),
            Some(_) if column.presence.nullable => {
                match object.get_mut(&*column.name) {
                    Some(slot) => *slot = Value::Null,
                    None => {
                        object.insert(column.name.to_string(), Value::Null);
                    }
                }
                continue;
            }
            _ => None,
        };
        let Some(text) = value else {
            object.remove(&*column.name);
            continue;
        };
        let typed = convert(text, &column.kinds);
        match (object.get_mut(&*column.name), typed) {
            (Some(Value::String(buffer)), None) => {
                buffer.clear();
                buffer.push_str(text);
            }
            (Some(slot), typed) => {
                *slot = typed.map_or_else(|| Value::String(text.to_string()), |t| t.to_json());
            }
            (None, typed) => {
                let fresh = typed.map_or_else(|| Value::String(text.to_string()), |t| t.to_json());
                object.insert(column.name.to_string(), fresh);
            }
        }
    }
}

thread_local! {
    /// The row object a thread last evaluated rules on, and the compiled table it was for:
    /// refilled in place for the next row instead of built again.
    static ROW_OBJECT: std::cell::RefCell<(u64, Value)> =
        std::cell::RefCell::new((0, Value::Object(Map::new())));
}

/// Validates one row and turns each error into a finding on the column it concerns.
#[allow(clippy::too_many_arguments)]
pub fn validate_row(
    validator: &schema::Validator,
    object: &Value,
    record: &Record<'_>,
    table: &CompiledTable,
    standard_to_file: &[Option<usize>],
    row: u64,
    line: u64,
    out: &mut Vec<Finding>,
) {
    for failure in validator.failures(object) {
        let schema_path = failure.schema_path.clone();
        // A failure inside a combinator or condition is that rule's failure, not a cell's.
        let rule_keyword = schema_path
            .split('/')
            .find(|segment| RULE_KEYWORDS.contains(segment));
        let code = if rule_keyword.is_some() {
            Code::Schema
        } else {
            failure.code()
        };
        let column_name = match &failure.kind {
            FailureKind::Required(property) => property.clone(),
            _ => failure
                .instance_path
                .split('/')
                .nth(1)
                .map(json_pointer::unescape),
        };
        let standard_index = column_name
            .as_deref()
            .and_then(|name| table.columns.iter().position(|c| &*c.name == name));
        let required = matches!(failure.kind, FailureKind::Required(_));
        let mut finding = match (code, &column_name) {
            (Code::Schema, Some(name)) if required => Finding::text(
                code,
                t!(
                    "rule-required-by-keyword",
                    column = name,
                    keyword = rule_keyword.unwrap_or("schema"),
                    path = &schema_path
                ),
            )
            .with_help_text(Some(t!("rule-required-help", column = name))),
            (Code::Required, Some(name)) => Finding::text(
                code,
                t!("rule-required", column = name, path = &schema_path),
            )
            .with_help_text(Some(t!("rule-required-help", column = name))),
            (_, Some(name)) => {
                let value = &*failure.instance;
                let shown = value
                    .as_str()
                    .map_or_else(|| value.to_string(), String::from);
                Finding::text(
                    code,
                    t!(
                        "rule-cell-breaks-rule",
                        value = shown,
                        column = name,
                        path = &schema_path,
                        reason = &failure.message
                    ),
                )
            }
            (_, None) => Finding::text(
                code,
                t!(
                    "rule-row-breaks-rule",
                    path = &schema_path,
                    reason = &failure.message
                ),
            ),
        };
        finding.row = Some(row);
        finding.line = Some(line);
        finding.schema_path = Some(schema_path);
        if let Some(i) = standard_index {
            finding = on_column(finding, i, record, table, standard_to_file);
        }
        out.push(finding);
    }
}

/// Places a finding on the standard's column `i`: its name, where the file has it, and the cell.
fn on_column(
    finding: Finding,
    i: usize,
    record: &Record<'_>,
    table: &CompiledTable,
    standard_to_file: &[Option<usize>],
) -> Finding {
    let name: Arc<str> = Arc::clone(&table.columns[i].name);
    let finding = finding.in_column(standard_to_file[i], &name);
    match standard_to_file[i].and_then(|f| record.get(f)) {
        Some(raw) => finding.with_value(raw),
        None => finding,
    }
}

/// The rules a file's rows are checked for (indices into the table's rules): those that can fail
/// on a row of it, worked out once a file instead of on every row. A rule whose columns the file
/// lacks altogether is reported once ([`rules_without_columns`]); a comparison or a point needs
/// both its cells, so without one of its columns it holds on every row. (The generated tree
/// preservation zones have no `point`, `uprn`, `address-text`, `start-date` or `end-date`: their
/// rows are checked for one of the table's three rules.)
pub fn rules_for_file(table: &CompiledTable, standard_to_file: &[Option<usize>]) -> Vec<usize> {
    let in_file = |i: &usize| standard_to_file[*i].is_some();
    table
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| {
            !absent_from_file(rule, standard_to_file)
                && match &rule.test {
                    CompiledTest::Compare { left, right, .. } => in_file(left) && in_file(right),
                    CompiledTest::Point { x, y, .. } => in_file(x) && in_file(y),
                    CompiledTest::Schema(_) | CompiledTest::Cells(_) => true,
                }
        })
        .map(|(i, _)| i)
        .collect()
}

/// The file's rules (`rules`, from [`rules_for_file`]) on one row: a `rule` finding for each that
/// fails, on the first of its columns the file has. Never inlined: inlined into the loop over a
/// row's cells, it had slowed that loop for tables without rules too (spend's check: 1.4% more
/// instructions).
#[inline(never)]
pub fn check_rules(
    record: &Record<'_>,
    table: &CompiledTable,
    standard_to_file: &[Option<usize>],
    rules: &[usize],
    (row, line): (u64, u64),
    out: &mut Vec<Finding>,
) {
    // `check_record` asks first; `check_record_full` does not.
    if rules.is_empty() {
        return;
    }
    // The row object is filled once, and only when a schema rule needs it.
    ROW_OBJECT.with_borrow_mut(|(owner, scratch)| {
        let mut filled = false;
        if *owner != table.id {
            *scratch = Value::Object(Map::new());
            *owner = table.id;
        }
        for rule in rules.iter().map(|&i| &table.rules[i]) {
            let finding = match &rule.test {
                CompiledTest::Schema(validator) => {
                    if !filled {
                        if let Value::Object(map) = scratch {
                            refill(
                                map,
                                record,
                                table,
                                standard_to_file,
                                Some(&table.rule_columns),
                            );
                        }
                        filled = true;
                    }
                    if validator.is_valid(scratch) {
                        continue;
                    }
                    // The rule's own words, as the standard's authors wrote them.
                    Finding::new(Code::Rule, rule.message.clone())
                }
                CompiledTest::Cells(test) => {
                    let cell = |i: usize| rule_cell(i, record, table, standard_to_file);
                    if test.holds(&cell) {
                        continue;
                    }
                    Finding::new(Code::Rule, rule.message.clone())
                }
                CompiledTest::Compare { left, op, right } => {
                    let cell = |i: usize| {
                        let raw = trim(standard_to_file[i].and_then(|f| record.get(f))?);
                        (!is_missing(raw, table)).then_some(raw)
                    };
                    let (Some(a), Some(b)) = (cell(*left), cell(*right)) else {
                        continue;
                    };
                    if date::order_as_written(a, b).is_some_and(|order| op.holds(order)) {
                        continue;
                    }
                    match compare(a, b) {
                        Some(ordering) if !op.holds(ordering) => Finding::text(
                            Code::Rule,
                            t!(
                                "rule-compared",
                                message = &rule.message,
                                left = a,
                                right = b
                            ),
                        ),
                        _ => continue,
                    }
                }
                CompiledTest::Point { x, y, within } => {
                    let number = |i: usize| {
                        let raw = trim(standard_to_file[i].and_then(|f| record.get(f))?);
                        let value =
                            (!is_missing(raw, table)).then(|| crate::compile::parse_f64(raw))??;
                        Some((raw, value))
                    };
                    // A cell that is not a number is its column's finding, not the point's.
                    let (Some((a_text, a)), Some((b_text, b))) = (number(*x), number(*y)) else {
                        continue;
                    };
                    let names = (&*table.columns[*x].name, &*table.columns[*y].name);
                    let Some(said) =
                        super::point::judge((a_text, b_text), (a, b), within, names, rule)
                    else {
                        continue;
                    };
                    out.push(place_rule(
                        said.finding(rule),
                        rule,
                        (record, table, standard_to_file),
                        row,
                        line,
                    ));
                    continue;
                }
            };
            out.push(place_rule(
                finding
                    .with_help(rule.help.clone())
                    .with_severity(rule.severity),
                rule,
                (record, table, standard_to_file),
                row,
                line,
            ));
        }
    });
}

/// Standard column `i`'s cell as a rule run on cells sees it.
#[inline]
fn rule_cell<'a>(
    i: usize,
    record: &Record<'a>,
    table: &'a CompiledTable,
    standard_to_file: &[Option<usize>],
) -> Cell<'a> {
    let column = &table.columns[i];
    let trimmed = standard_to_file[i].and_then(|f| record.get(f)).map(trim);
    let missing = trimmed.is_some_and(|t| is_missing(t, table));
    Cell::of(trimmed, missing, column.presence.nullable)
}

/// A rule's finding, placed at its row and on the first of its columns the file has.
fn place_rule(
    finding: Finding,
    rule: &crate::compile::CompiledRule,
    (record, table, standard_to_file): (&Record<'_>, &CompiledTable, &[Option<usize>]),
    row: u64,
    line: u64,
) -> Finding {
    let mut finding = finding
        .at_row(row, line)
        .with_schema_path(format!("rules/{}", rule.id));
    let located = rule
        .columns
        .iter()
        .find(|i| standard_to_file[**i].is_some())
        .or(rule.columns.first());
    if let Some(&i) = located {
        finding = on_column(finding, i, record, table, standard_to_file);
    }
    finding
}

/// How `a` orders against `b`: as numbers when both are plain numbers, as dates when both are
/// dates, compared only as far as both are precise (`2020` is neither before nor after
/// `2020-05-01`); otherwise not at all.
fn compare(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering::Equal;
    // Short plain decimals (most amounts and counts), read in one pass each.
    if let Some(x) = crate::compile::plain_decimal(a) {
        if let Some(y) = crate::compile::plain_decimal(b) {
            return x.partial_cmp(&y);
        }
    }
    if crate::compile::is_decimal(a) && crate::compile::is_decimal(b) {
        return crate::compile::parse_f64(a)?.partial_cmp(&crate::compile::parse_f64(b)?);
    }
    let (a, b) = (date::parse(a)?, date::parse(b)?);
    let ((ya, ma, da), (yb, mb, db)) = ((a.year, a.month, a.day), (b.year, b.month, b.day));
    let by_year = ya.cmp(&yb);
    if by_year != Equal {
        return Some(by_year);
    }
    let (Some(ma), Some(mb)) = (ma, mb) else {
        return Some(Equal);
    };
    if ma != mb {
        return Some(ma.cmp(&mb));
    }
    match (da, db) {
        (Some(da), Some(db)) => Some(da.cmp(&db)),
        _ => Some(Equal),
    }
}

/// Whether the file has none of the columns a rule concerns.
pub fn absent_from_file(
    rule: &crate::compile::CompiledRule,
    standard_to_file: &[Option<usize>],
) -> bool {
    !rule.columns.is_empty() && rule.columns.iter().all(|i| standard_to_file[*i].is_none())
}

/// One finding for each rule whose columns the file lacks altogether.
pub fn rules_without_columns(
    table: &CompiledTable,
    standard_to_file: &[Option<usize>],
) -> Vec<Finding> {
    table
        .rules
        .iter()
        // Without its columns a row is an empty object: report once if that fails the rule.
        .filter(|rule| {
            absent_from_file(rule, standard_to_file)
                && match &rule.test {
                    CompiledTest::Schema(v) => !v.is_valid(&Value::Object(Map::new())),
                    CompiledTest::Cells(test) => !test.holds(&OnlyCell(Cell::Absent)),
                    _ => false,
                }
        })
        .map(|rule| {
            let names = rule
                .columns
                .iter()
                .map(|i| format!("`{}`", table.columns[*i].name))
                .collect::<Vec<_>>()
                .join(", ");
            Finding::text(
                Code::Rule,
                t!(
                    "rule-columns-absent",
                    columns = names,
                    rule = &rule.id,
                    message = &rule.message
                ),
            )
            .with_help(rule.help.clone())
            .with_schema_path(format!("rules/{}", rule.id))
        })
        .collect()
}

/// Keywords whose failures are reported as `schema` findings naming the keyword.
const RULE_KEYWORDS: &[&str] = &[
    "if",
    "then",
    "else",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "dependentRequired",
    "dependentSchemas",
];

/// The order in which one cell's failures win when only one is reported, matching the compiled
/// checks' order.
pub fn priority(code: Code) -> u8 {
    match code {
        Code::Required => 0,
        Code::Type => 1,
        Code::Format => 2,
        Code::Pattern => 3,
        Code::Enum => 4,
        Code::Schema => 5,
        Code::Range => 6,
        Code::Length => 7,
        _ => 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::*;

    /// The cells joined into one line, with each cell's place in it: what a `Record` is made of.
    fn joined(texts: &[&str]) -> (String, Vec<(usize, usize)>) {
        let mut bounds = Vec::new();
        let mut at = 0;
        for text in texts {
            bounds.push((at, at + text.len()));
            at += text.len();
        }
        (texts.concat(), bounds)
    }

    #[test]
    fn rules_on_cells_answer_as_the_validator_does_on_the_row_object() {
        // Every schema rule of every built-in standard, on rows mixing absent columns, empty and
        // missing-value cells and values each rule tells apart.
        let pool = [
            "",
            " ",
            "NA",
            "GB-CHC-1234",
            "GB-COH-0001",
            "GB-XYZ-1",
            "360G-abc",
            "permissioned",
            "Permissioned",
            "not permissioned",
            "pending",
            "yes",
            "no",
            "Yes",
            "12",
            "3.5",
            "true",
            "POINT (1 2)",
            "abc",
            "2024-01-01",
            "100012345678",
        ];
        let mut next = crate::testing::numbers(0x2545_f491_4f6c_dd1du64);
        let mut compared = 0;
        // Every built-in standard, and one whose patterns read differently in Rust's regex and in
        // ECMA-262 unless rewritten (`.`, `[[:alpha:]]`, `\w`, `\d`).
        let mut specs: Vec<String> = crate::standard::builtin_standards()
            .iter()
            .map(|entry| format!("builtin:{}@{}", entry.id, entry.version))
            .collect();
        specs.push(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/fixtures/standards/rule-patterns/standard.json"
            )
            .to_string(),
        );
        for spec in specs {
            let standard = crate::standard::Standard::load(&spec).expect("loads");
            let entry = &standard;
            for table in &standard.tables {
                let compiled = crate::compile::compile(table).expect("compiles");
                for (rule, compiled_rule) in table.rules.iter().zip(&compiled.rules) {
                    let crate::standard::RuleTest::Schema(schema) = &rule.test else {
                        continue;
                    };
                    // A pattern with a class such as `\w` stays with the validator.
                    let CompiledTest::Cells(cells) = &compiled_rule.test else {
                        continue;
                    };
                    let validator = crate::schema::build(schema).expect("a validator");
                    for _ in 0..2000 {
                        let n = table.columns.len();
                        let texts: Vec<&str> = (0..n)
                            .map(|_| pool[(next() % pool.len() as u64) as usize])
                            .collect();
                        let (line, bounds) = joined(&texts);
                        let record = Record::new(&line, &bounds);
                        // A column in four is not in the file at all.
                        let standard_to_file: Vec<Option<usize>> = (0..n)
                            .map(|i| (!next().is_multiple_of(4)).then_some(i))
                            .collect();
                        let object = row_object(&record, &compiled, &standard_to_file);
                        let cell = |i: usize| {
                            let column = &compiled.columns[i];
                            let trimmed = standard_to_file[i]
                                .and_then(|f| record.get(f))
                                .map(str::trim);
                            let missing = trimmed.is_some_and(|t| is_missing(t, &compiled));
                            Cell::of(trimmed, missing, column.presence.nullable)
                        };
                        assert_eq!(
                            cells.holds(&cell),
                            validator.is_valid(&object),
                            "{} {} {}: {object}",
                            entry.id,
                            table.name,
                            rule.id
                        );
                        compared += 1;
                    }
                }
            }
        }
        // The 16 built-in schema rules and the fixture's five that run on cells.
        assert!(compared >= 2000 * 21, "{compared}");
    }

    #[test]
    fn rules_left_out_for_a_file_hold_on_every_row_of_it() {
        // Every built-in table, with columns left out of the file at random: the rules
        // `rules_for_file` leaves out find nothing on rows of dates, numbers and text.
        let pool = [
            "",
            "2024-01-01",
            "2023-12-31",
            "01/02/2024",
            "10",
            "9.5",
            "-1",
            "abc",
        ];
        let mut next = crate::testing::numbers(0x7275_6c65);
        let mut left_out = 0;
        for entry in crate::standard::builtin_standards() {
            let spec = format!("builtin:{}@{}", entry.id, entry.version);
            let standard = crate::standard::Standard::load(&spec).expect("loads");
            for table in &standard.tables {
                let compiled = crate::compile::compile(table).expect("compiles");
                let n = table.columns.len();
                for _ in 0..200 {
                    let standard_to_file: Vec<Option<usize>> = (0..n)
                        .map(|i| (!next().is_multiple_of(3)).then_some(i))
                        .collect();
                    let kept = rules_for_file(&compiled, &standard_to_file);
                    let others: Vec<usize> = (0..compiled.rules.len())
                        .filter(|i| {
                            !kept.contains(i)
                                && !absent_from_file(&compiled.rules[*i], &standard_to_file)
                        })
                        .collect();
                    left_out += others.len();
                    let texts: Vec<&str> = (0..n)
                        .map(|_| pool[(next() % pool.len() as u64) as usize])
                        .collect();
                    let (line, bounds) = joined(&texts);
                    let record = Record::new(&line, &bounds);
                    let mut found = Vec::new();
                    check_rules(
                        &record,
                        &compiled,
                        &standard_to_file,
                        &others,
                        (1, 2),
                        &mut found,
                    );
                    assert!(found.is_empty(), "{} {}: {found:?}", entry.id, table.name);
                }
            }
        }
        // Comparisons and points whose columns are partly in the file were drawn.
        assert!(left_out > 100, "{left_out}");
    }

    #[test]
    fn a_comparison_is_checked_only_with_both_its_columns() {
        let standard =
            crate::standard::Standard::load("builtin:tree-preservation-order").expect("loads");
        let table = &standard.tables[0];
        let compiled = crate::compile::compile(table).expect("compiles");
        let column = |name: &str| {
            table
                .columns
                .iter()
                .position(|c| &*c.name == name)
                .expect("a column")
        };
        let (start, end) = (column("start-date"), column("end-date"));
        let mut standard_to_file: Vec<Option<usize>> = (0..table.columns.len()).map(Some).collect();
        assert_eq!(rules_for_file(&compiled, &standard_to_file), vec![0]);
        standard_to_file[start] = None;
        assert!(rules_for_file(&compiled, &standard_to_file).is_empty());
        standard_to_file[end] = None;
        assert!(rules_for_file(&compiled, &standard_to_file).is_empty());
    }

    #[test]
    fn dates_and_numbers_compare_as_such() {
        assert_eq!(compare("2024-01-01", "2023-12-31"), Some(Greater));
        assert_eq!(compare("01/02/2024", "31/01/2024"), Some(Greater));
        assert_eq!(compare("2024-01-01", "31/12/2023"), Some(Greater));
        assert_eq!(compare("2020", "2020-05-01"), Some(Equal));
        assert_eq!(compare("2020-04", "2020-05-01"), Some(Less));
        assert_eq!(compare("2023-06-01T10:00:00Z", "2023-06-02"), Some(Less));
        assert_eq!(compare("10", "9.5"), Some(Greater));
        assert_eq!(compare("1000", "1500.5"), Some(Less));
        assert_eq!(compare("10", "2020-01-01"), None);
        assert_eq!(compare("soon", "2020-01-01"), None);
    }

    #[test]
    fn dates_ordered_as_written_order_as_read() {
        // Whenever both texts read as dates, the order from their bytes is the dates' order; a
        // rule skips reading the dates only when that order keeps it.
        let mut next = crate::testing::numbers(0x5eed_da7e);
        let mut compared_as_dates = 0;
        for _ in 0..20_000 {
            // Years near each other; months 0-13 and days 0-32, so that some do not exist.
            let mut date = || {
                let year = format!("202{}", next() % 3);
                let (month, day) = (next() % 14, next() % 33);
                match next() % 3 {
                    0 => year,
                    1 => format!("{year}-{month:02}"),
                    _ => format!("{year}-{month:02}-{day:02}"),
                }
            };
            let (a, b) = (date(), date());
            let written = date::order_as_written(&a, &b);
            assert!(written.is_some(), "{a} {b}");
            if let Some(read) = compare(&a, &b) {
                assert_eq!(written, Some(read), "{a} {b}");
                // Two bare years compare as numbers; the rest as dates.
                if a.len() > 4 || b.len() > 4 {
                    compared_as_dates += 1;
                }
            }
        }
        assert!(compared_as_dates > 5_000, "{compared_as_dates}");
        assert_eq!(date::order_as_written("2024-04", "2024-04-30"), Some(Equal));
        assert_eq!(
            date::order_as_written("2025-03-31", "2024-04"),
            Some(Greater)
        );
        assert_eq!(date::order_as_written("2024-04-01", "01/05/2024"), None);
        assert_eq!(
            date::order_as_written("2024-04-01T10:00", "2024-04-02"),
            None
        );
        assert_eq!(date::order_as_written("12", "2024"), None);
    }
}

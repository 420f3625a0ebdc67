//! One column's checks, compiled from its property in the row schema: presence, type, text rules
//! (format, pattern, length), allowed values, bounds, code list and the help its messages give.

use std::sync::Arc;

use serde_json::Value;

use super::string_set::StringSet;
use super::value::{Kind, Pattern};
use crate::formats::{self, ValueFormat};
use crate::standard::{CodeList, Column, StandardError, Table, ToleranceTest};

/// The checks for one column of the standard, compiled once, in named parts.
pub struct ColumnCheck {
    pub name: Arc<str>,
    pub presence: Presence,
    /// The JSON types a cell converts to, in the schema's order.
    pub kinds: Vec<Kind>,
    /// Whether any check needs a number's value (bounds, allowed values, a constant).
    pub needs_numeric_value: bool,
    pub text: TextRules,
    pub allowed: Option<Allowed>,
    pub constant: Option<Value>,
    pub bounds: Bounds,
    pub codelist: Option<CodelistCheck>,
    pub help: ColumnHelp,
    /// Set when the property uses keywords the compiled checks do not cover: then the JSON Schema
    /// validator checks this column's values and only conversion happens here.
    pub in_residual: bool,
    /// Forms that fail the format or pattern but are taken at a lower severity.
    pub tolerate: Vec<CompiledTolerance>,
}

/// A `tolerate` entry, its test compiled once.
pub struct CompiledTolerance {
    pub format: Option<&'static ValueFormat>,
    pub pattern: Option<Pattern>,
    pub phrase: String,
    pub why: String,
    pub severity: crate::finding::Severity,
}

impl CompiledTolerance {
    pub fn accepts(&self, text: &str) -> bool {
        self.format.is_some_and(|f| (f.check)(text))
            || self.pattern.as_ref().is_some_and(|p| p.is_match(text))
    }
}

/// Whether a cell must have a value, may be null, and must be unique.
#[derive(Clone, Copy, Debug)]
pub struct Presence {
    /// Listed in `required` and its type does not admit `null`: a missing cell is a `required` finding.
    pub required: bool,
    /// The type admits `null`: a missing cell is the value null (the row object holds `null`).
    pub nullable: bool,
    pub unique: bool,
}

/// Checks on a string value: its format, pattern and length in characters.
pub struct TextRules {
    pub format: Option<&'static ValueFormat>,
    pub pattern: Option<Pattern>,
    /// Every value the format accepts matches the pattern (an ISO date's usual pattern), so a
    /// value that passed the format needs no pattern walk.
    pub pattern_implied: bool,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
}

/// The allowed values (`enum`).
pub struct Allowed {
    pub values: Vec<Value>,
    /// Those that are strings, for "did you mean".
    pub text: Vec<String>,
    /// All of them as a set when they are all strings: one lookup per cell.
    pub(crate) set: Option<AllowedSet>,
}

/// An `enum` of strings as a set: most are a few dozen values, looked up with one comparison.
pub(crate) enum AllowedSet {
    Small(StringSet),
    Hashed(hashbrown::HashSet<Box<str>>),
}

impl AllowedSet {
    /// The strings `values` gives, as a one-probe set when that can be made, else a hash set.
    fn of<'a, I: Iterator<Item = &'a str>>(values: impl Fn() -> I) -> AllowedSet {
        match StringSet::new(values()) {
            Some(small) => AllowedSet::Small(small),
            None => AllowedSet::Hashed(values().map(Box::from).collect()),
        }
    }

    #[inline]
    pub(crate) fn contains(&self, text: &str) -> bool {
        match self {
            AllowedSet::Small(set) => set.contains(text),
            AllowedSet::Hashed(set) => set.contains(text),
        }
    }
}

/// `minimum` / `maximum` and their exclusive forms, the tighter of each pair.
#[derive(Clone, Copy, Debug, Default)]
pub struct Bounds {
    pub minimum: Option<Bound>,
    pub maximum: Option<Bound>,
}

/// A code list the column's values (or each of its `separator`-separated codes) must be in.
pub struct CodelistCheck {
    pub list: Arc<CodeList>,
    /// Declared as a foreign key: a miss is a `foreign-key` finding, not `codelist`.
    pub is_foreign_key: bool,
    pub separator: Option<String>,
    /// The list's codes as a one-probe set, as an `enum`'s are, when it is short enough (a general
    /// hash set and its comparison were a tenth of brownfield-land's check); a long list is looked
    /// up in its own set.
    exact: Option<StringSet>,
    /// The same for its codes folded, when the list matches so (`match: folded`).
    folded: Option<StringSet>,
}

impl CodelistCheck {
    fn new(list: &Arc<CodeList>, column: &Column) -> CodelistCheck {
        CodelistCheck {
            list: Arc::clone(list),
            is_foreign_key: column.codelist_is_foreign_key,
            separator: column.separator.clone(),
            exact: StringSet::new(list.codes.iter().map(|c| &**c)),
            folded: StringSet::new(list.folded.iter().map(String::as_str)),
        }
    }

    /// Whether `code` is on the list, as [`CodeList::contains`] tells.
    #[inline]
    pub fn contains(&self, code: &str) -> bool {
        let exact = match &self.exact {
            Some(set) => set.contains(code),
            None => self.list.codes.contains(code),
        };
        if exact || self.list.folded.is_empty() {
            return exact;
        }
        crate::suggest::with_folded(code, |folded| match &self.folded {
            Some(set) => set.contains(folded),
            None => self.list.folded.contains(folded),
        })
    }
}

/// What messages about the column can offer as help.
pub struct ColumnHelp {
    /// The schema's first example.
    pub example: Option<String>,
    /// The column's description, the help where a value breaks a pattern or a bound.
    pub description: Option<String>,
    /// What the pattern asks, in words.
    pub pattern_in_words: Option<String>,
}

/// A numeric bound: the limit and whether it is exclusive.
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    pub limit: f64,
    pub exclusive: bool,
}

/// Keywords a property may use that the compiled checks implement exactly; annotations included.
const COVERED_PROPERTY_KEYWORDS: &[&str] = &[
    "type",
    "format",
    "pattern",
    "enum",
    "const",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "title",
    "description",
    "examples",
    "$comment",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
];

pub(super) fn kinds_of(schema: &Value) -> Vec<Kind> {
    let names: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec!["string"],
    };
    let kinds: Vec<Kind> = names
        .iter()
        .filter_map(|t| match *t {
            "string" => Some(Kind::String),
            "integer" => Some(Kind::Integer),
            "number" => Some(Kind::Number),
            "boolean" => Some(Kind::Boolean),
            "object" => Some(Kind::Object),
            "array" => Some(Kind::Array),
            _ => None,
        })
        .collect();
    if kinds.is_empty() {
        vec![Kind::String]
    } else {
        kinds
    }
}

/// Whether the property's `type` lists `null`: then an empty cell is a value, not a missing one.
pub(super) fn admits_null(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "null"),
        _ => false,
    }
}

fn bound(schema: &Value, inclusive: &str, exclusive: &str, pick_max: bool) -> Option<Bound> {
    let a = schema
        .get(inclusive)
        .and_then(Value::as_f64)
        .map(|limit| Bound {
            limit,
            exclusive: false,
        });
    let b = schema
        .get(exclusive)
        .and_then(Value::as_f64)
        .map(|limit| Bound {
            limit,
            exclusive: true,
        });
    match (a, b) {
        (Some(a), Some(b)) => {
            // The tighter bound decides.
            let b_tighter = if pick_max {
                b.limit <= a.limit
            } else {
                b.limit >= a.limit
            };
            Some(if b_tighter { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

/// Compiles one column's property; `in_residual` when the property uses keywords the compiled
/// checks do not cover.
pub(super) fn compile_column(
    column: &Column,
    table: &Table,
    in_residual: bool,
) -> Result<ColumnCheck, StandardError> {
    let schema = &column.schema;
    let nullable = admits_null(schema);
    let allowed = compile_allowed(schema);
    let constant = schema.get("const").cloned();
    let bounds = Bounds {
        minimum: bound(schema, "minimum", "exclusiveMinimum", false),
        maximum: bound(schema, "maximum", "exclusiveMaximum", true),
    };
    Ok(ColumnCheck {
        name: Arc::clone(&column.name),
        presence: Presence {
            required: column.required && !nullable,
            nullable,
            unique: column.unique,
        },
        kinds: kinds_of(schema),
        needs_numeric_value: bounds.minimum.is_some()
            || bounds.maximum.is_some()
            || allowed.is_some()
            || constant.is_some(),
        text: compile_text_rules(column, table)?,
        allowed,
        constant,
        bounds,
        codelist: column
            .codelist
            .as_ref()
            .map(|list| CodelistCheck::new(list, column)),
        help: ColumnHelp {
            description: schema
                .get("description")
                .and_then(Value::as_str)
                .map(String::from),
            example: schema
                .get("examples")
                .and_then(Value::as_array)
                .and_then(|e| e.first())
                .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from)),
            pattern_in_words: column.pattern_in_words.clone(),
        },
        in_residual,
        tolerate: column
            .tolerate
            .iter()
            .map(|t| {
                let (format, pattern) = match &t.test {
                    ToleranceTest::Format(name) => (formats::lookup(name), None),
                    ToleranceTest::Pattern(p) => (
                        None,
                        Some(Pattern::new(p).map_err(|e| {
                            StandardError::new(format!(
                                "a tolerated pattern of column \"{}\" does not compile: {e}",
                                column.name
                            ))
                        })?),
                    ),
                };
                Ok(CompiledTolerance {
                    format,
                    pattern,
                    phrase: t.phrase.clone(),
                    why: t.why.clone(),
                    severity: t.severity,
                })
            })
            .collect::<Result<_, StandardError>>()?,
    })
}

/// Whether a property uses a keyword the compiled checks do not implement exactly.
pub(super) fn needs_schema(schema: &Value) -> bool {
    schema.as_object().is_none_or(|o| {
        o.keys()
            .any(|k| !COVERED_PROPERTY_KEYWORDS.contains(&k.as_str()))
    })
}

fn compile_text_rules(column: &Column, table: &Table) -> Result<TextRules, StandardError> {
    let schema = &column.schema;
    let pattern = match schema.get("pattern").and_then(Value::as_str) {
        Some(p) => Some(Pattern::new(p).map_err(|e| {
            StandardError::new(format!(
                "the pattern of column \"{}\" does not compile: {e}",
                column.name
            ))
            .at_pointer(&table.schema_name, &table.schema_text, "")
        })?),
        None => None,
    };
    let format = schema
        .get("format")
        .and_then(Value::as_str)
        .and_then(formats::lookup);
    let pattern_implied = match (format.and_then(|f| format_shape(f.name)), &pattern) {
        (Some(shape), Some(pattern)) => Pattern::new(shape).is_ok_and(|s| pattern.contains(&s)),
        _ => false,
    };
    Ok(TextRules {
        format,
        pattern,
        pattern_implied,
        min_length: schema.get("minLength").and_then(Value::as_u64),
        max_length: schema.get("maxLength").and_then(Value::as_u64),
    })
}

/// A pattern that every value a format accepts matches (a superset of the format), where one is
/// written down: a column's pattern that takes all of it adds nothing to the format.
fn format_shape(format: &str) -> Option<&'static str> {
    match format {
        // `formats::date::is_iso_date`: four digits, a month 01-12 and a day 01-31 (then the
        // calendar, which only narrows it).
        "date" => Some("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"),
        _ => None,
    }
}

fn compile_allowed(schema: &Value) -> Option<Allowed> {
    let values = schema.get("enum").and_then(Value::as_array)?.clone();
    let text = values
        .iter()
        .filter_map(Value::as_str)
        .map(String::from)
        .collect();
    let set = values
        .iter()
        .all(Value::is_string)
        .then(|| AllowedSet::of(|| values.iter().filter_map(Value::as_str)));
    Some(Allowed { values, text, set })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A format's shape must take every value the format accepts, or a pattern would be skipped
    /// wrongly: every year (in steps), month and day, out of range ones included.
    #[test]
    fn the_date_shape_takes_every_date_the_format_accepts() {
        let shape = Pattern::new(format_shape("date").expect("a shape")).expect("compiles");
        let format = formats::lookup("date").expect("the date format");
        let mut accepted = 0;
        for year in (0..=9999).step_by(37).chain([2000, 2024, 1900]) {
            for month in 0..=13 {
                for day in 0..=32 {
                    let value = format!("{year:04}-{month:02}-{day:02}");
                    if (format.check)(&value) {
                        accepted += 1;
                        assert!(shape.is_match(&value), "{value}");
                    }
                }
            }
        }
        assert!(accepted > 90_000, "{accepted}");
    }
}

//! Compilation of a table's row schema into per-column checks that run on the raw cell text, plus a
//! JSON Schema validator for whatever those checks do not cover (`if`/`then`, `oneOf`, ...).

use std::sync::Arc;

use regex::Regex;
use serde_json::{Map, Value};

use crate::finding::SeverityTable;
use crate::formats::{self, FormatCheck};
use crate::schema;
use crate::standard::{CodeList, RuleTest, StandardError, Table};

/// The JSON types a column can be converted to, in the order the schema lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Number,
    Boolean,
}

impl Kind {
    pub fn describe(self) -> &'static str {
        match self {
            Kind::String => "text",
            Kind::Integer => "a whole number",
            Kind::Number => "a number",
            Kind::Boolean => "true or false",
        }
    }
}

/// A cell converted to the column's type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Typed<'a> {
    Str(&'a str),
    Int(i64),
    Num(f64),
    Bool(bool),
}

impl Typed<'_> {
    pub fn to_json(self) -> Value {
        match self {
            Typed::Str(s) => Value::String(s.to_string()),
            Typed::Int(i) => Value::from(i),
            Typed::Num(n) => serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number),
            Typed::Bool(b) => Value::Bool(b),
        }
    }

    fn as_f64(self) -> Option<f64> {
        match self {
            Typed::Int(i) => Some(i as f64),
            Typed::Num(n) => Some(n),
            _ => None,
        }
    }

    /// Equality as JSON Schema defines it (`1` equals `1.0`).
    pub fn equals(self, value: &Value) -> bool {
        match (self, value) {
            (Typed::Str(s), Value::String(v)) => s == v,
            (Typed::Bool(b), Value::Bool(v)) => b == *v,
            (t, Value::Number(n)) => match (t.as_f64(), n.as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
            _ => false,
        }
    }
}

/// Whether the text is a JSON-style decimal: optional minus, digits, optional fraction and exponent.
pub fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == start {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp {
            return false;
        }
    }
    i == b.len()
}

/// Exact powers of ten: a decimal with at most 15 digits is its integer digits divided by one of
/// these, and that division is correctly rounded (Clinger's fast path), as `str::parse` would be.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The value of a short plain decimal (`-1234.56`: at most 15 digits, no exponent) in one pass;
/// `None` for anything else, which the general parser then handles.
fn plain_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0usize;
    let mut fraction: Option<usize> = None;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
            }
            b'.' if fraction.is_none() && i > 0 && i + 1 < digits.len() => {
                fraction = Some(digits.len() - i - 1)
            }
            _ => return None,
        }
    }
    if count == 0 || count > 15 {
        return None;
    }
    let value = mantissa as f64 / POWERS_OF_TEN[fraction.unwrap_or(0)];
    Some(if negative { -value } else { value })
}

/// Converts trimmed cell text to the first of `kinds` it parses as.
pub fn convert<'a>(text: &'a str, kinds: &[Kind]) -> Option<Typed<'a>> {
    for kind in kinds {
        match kind {
            Kind::String => return Some(Typed::Str(text)),
            Kind::Integer => {
                if is_decimal(text) {
                    if let Ok(i) = text.parse::<i64>() {
                        return Some(Typed::Int(i));
                    }
                    if let Ok(n) = text.parse::<f64>() {
                        if n.is_finite() && n.fract() == 0.0 {
                            return Some(Typed::Num(n));
                        }
                    }
                }
            }
            Kind::Number => {
                if let Some(n) = plain_decimal(text) {
                    return Some(Typed::Num(n));
                }
                if is_decimal(text) {
                    if let Ok(n) = text.parse::<f64>() {
                        if n.is_finite() {
                            return Some(Typed::Num(n));
                        }
                    }
                }
            }
            Kind::Boolean => {
                if text.eq_ignore_ascii_case("true") {
                    return Some(Typed::Bool(true));
                }
                if text.eq_ignore_ascii_case("false") {
                    return Some(Typed::Bool(false));
                }
            }
        }
    }
    None
}

/// A column's `pattern`, compiled once: a dense DFA where one of modest size exists, the `regex`
/// crate otherwise. Both read the same syntax with the same (Unicode) semantics, and JSON Schema's
/// unanchored search is kept: the pattern may match anywhere in the value.
pub struct Pattern {
    regex: Regex,
    /// The DFA and its start state for a search from the start of a value (computed once).
    dfa: Option<(
        regex_automata::dfa::dense::DFA<Vec<u32>>,
        regex_automata::util::primitives::StateID,
    )>,
}

impl Pattern {
    /// Largest DFA built for one pattern; larger ones (big Unicode classes) use `regex`.
    const DFA_LIMIT: usize = 1 << 20;

    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        let regex = Regex::new(pattern)?;
        let config = regex_automata::dfa::dense::Config::new()
            .dfa_size_limit(Some(Self::DFA_LIMIT))
            .determinize_size_limit(Some(Self::DFA_LIMIT));
        let dfa = regex_automata::dfa::dense::Builder::new()
            .configure(config)
            .build(pattern)
            .ok()
            .and_then(|dfa| {
                use regex_automata::dfa::Automaton;
                let start = dfa
                    .start_state(&regex_automata::util::start::Config::new())
                    .ok()?;
                Some((dfa, start))
            });
        Ok(Pattern { regex, dfa })
    }

    pub fn is_match(&self, text: &str) -> bool {
        use regex_automata::dfa::Automaton;
        if let Some((dfa, start)) = &self.dfa {
            // Walk the DFA byte by byte: values are short, so a search's set-up would cost more
            // than the walk. Match states come one byte late, which the end-of-input step settles.
            let mut state = *start;
            for &byte in text.as_bytes() {
                state = dfa.next_state(state, byte);
                if dfa.is_special_state(state) {
                    if dfa.is_match_state(state) {
                        return true;
                    }
                    if dfa.is_dead_state(state) {
                        return false;
                    }
                    if dfa.is_quit_state(state) {
                        // A byte the DFA cannot decide on (e.g. for Unicode word boundaries).
                        return self.regex.is_match(text);
                    }
                }
            }
            return dfa.is_match_state(dfa.next_eoi_state(state));
        }
        self.regex.is_match(text)
    }

    pub fn as_str(&self) -> &str {
        self.regex.as_str()
    }
}

/// A numeric bound: the limit and whether it is exclusive.
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    pub limit: f64,
    pub exclusive: bool,
}

/// The checks for one column of the standard, compiled once.
pub struct ColumnCheck {
    pub name: Arc<str>,
    /// Listed in `required` and its type does not admit `null`: a missing cell is a `required` finding.
    pub required: bool,
    /// The type admits `null`: a missing cell is the value null (the row object holds `null`).
    pub nullable: bool,
    pub unique: bool,
    pub kinds: Vec<Kind>,
    pub format: Option<(String, FormatCheck)>,
    pub pattern: Option<Pattern>,
    /// The allowed values and, for suggestions, those that are strings.
    pub allowed: Option<Vec<Value>>,
    pub allowed_text: Vec<String>,
    /// The allowed values as a set, when they are all strings: one lookup per cell.
    pub(crate) allowed_set: Option<hashbrown::HashSet<Box<str>>>,
    pub constant: Option<Value>,
    pub minimum: Option<Bound>,
    pub maximum: Option<Bound>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub codelist: Option<Arc<CodeList>>,
    pub codelist_is_foreign_key: bool,
    pub separator: Option<String>,
    /// The schema's first example, for help text.
    pub example: Option<String>,
    /// The column's description, the help where a value breaks a pattern or a bound.
    pub description: Option<String>,
    /// Whether any check needs a number's value (bounds, allowed values, a constant).
    pub needs_numeric_value: bool,
    /// Set when the property uses keywords the compiled checks do not cover: then the JSON Schema
    /// validator checks this column's values and only conversion happens here.
    pub in_residual: bool,
}

/// A table ready to check files against.
pub struct CompiledTable {
    pub columns: Vec<ColumnCheck>,
    pub missing_values: Vec<String>,
    /// A validator for the schema keywords the compiled checks do not cover; `None` when they cover all.
    pub(crate) residual: Option<schema::Validator>,
    pub severity: SeverityTable,
    /// The table's cross-field rules, each compiled once.
    pub(crate) rules: Vec<CompiledRule>,
    /// Which columns the rules' schemas name (by standard column index): only these go into the
    /// row object rules are evaluated on, so that a 400 KB boundary is not copied for nothing.
    pub(crate) rule_columns: Vec<bool>,
}

/// A cross-field rule ready to run on rows.
pub(crate) struct CompiledRule {
    pub id: String,
    pub message: String,
    pub help: Option<String>,
    pub columns: Vec<usize>,
    pub test: CompiledTest,
}

pub(crate) enum CompiledTest {
    /// Evaluated on the row object.
    Schema(schema::Validator),
    /// Evaluated on the two cells.
    Compare {
        left: usize,
        op: crate::standard::CompareOp,
        right: usize,
    },
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

/// Top-level keywords the compiled checks and the header checks cover.
const COVERED_ROOT_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "title",
    "description",
    "$comment",
    "examples",
    "type",
    "properties",
    "required",
    "additionalProperties",
];

/// Marks every column a schema names: keys of `properties` and `dependentRequired`, and the
/// strings of `required` and `dependentRequired` lists, at any depth.
fn mark_named_columns(schema: &Value, table: &Table, marks: &mut [bool]) {
    let mut mark = |name: &str| {
        if let Some(i) = table.columns.iter().position(|c| &*c.name == name) {
            marks[i] = true;
        }
    };
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match key.as_str() {
                    "properties" | "dependentRequired" | "dependentSchemas" => {
                        if let Some(props) = value.as_object() {
                            for (name, sub) in props {
                                mark(name);
                                if let Some(list) = sub.as_array() {
                                    list.iter().filter_map(Value::as_str).for_each(&mut mark);
                                }
                            }
                        }
                    }
                    "required" => {
                        if let Some(list) = value.as_array() {
                            list.iter().filter_map(Value::as_str).for_each(&mut mark);
                        }
                    }
                    _ => {}
                }
            }
            for value in map.values() {
                mark_named_columns(value, table, marks);
            }
        }
        Value::Array(items) => {
            for item in items {
                mark_named_columns(item, table, marks);
            }
        }
        _ => {}
    }
}

/// Builds a JSON Schema validator, turning its errors into diagnostics pointing into the schema.
pub(crate) fn build_validator(
    schema: &Value,
    table: &Table,
) -> Result<schema::Validator, StandardError> {
    schema::build(schema).map_err(|e| {
        let error = StandardError::new(format!("the row schema of table \"{}\" is not usable: {}", table.name, e.message))
            .help("conform reads JSON Schema draft 2020-12 and never fetches a $ref from the network; keep referenced definitions under $defs");
        // A reference that cannot be resolved is underlined where it is written.
        let reference = e.unresolved_ref.as_ref().map(|uri| format!("\"{uri}\""));
        let error = match &reference {
            Some(uri) => StandardError::new(format!(
                "the row schema of table \"{}\" refers to {uri}, and conform never fetches anything from the network",
                table.name
            ))
            .help("copy the referenced definitions into the schema under $defs and refer to them as \"#/$defs/NAME\""),
            None => error,
        };
        match reference.and_then(|r| table.schema_text.find(&r).map(|at| (at, r.len()))) {
            Some((at, len)) => error.at_span(&table.schema_name, &table.schema_text, at, len),
            None => {
                let pointer = format!("{}{}", table.schema_pointer, e.schema_path);
                error.at_pointer(&table.schema_name, &table.schema_text, &pointer)
            }
        }
    })
}

fn kinds_of(schema: &Value) -> Vec<Kind> {
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
fn admits_null(schema: &Value) -> bool {
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

/// Compiles `table` once for a run.
pub fn compile(table: &Table) -> Result<CompiledTable, StandardError> {
    let mut residual_properties = Map::new();
    let mut columns = Vec::with_capacity(table.columns.len());
    for column in &table.columns {
        let schema = &column.schema;
        let in_residual = schema.as_object().is_some_and(|o| {
            o.keys()
                .any(|k| !COVERED_PROPERTY_KEYWORDS.contains(&k.as_str()))
        }) || !schema.is_object();
        if in_residual {
            residual_properties.insert(column.name.to_string(), schema.clone());
        }
        let format = schema
            .get("format")
            .and_then(Value::as_str)
            .and_then(|name| formats::lookup(name).map(|check| (name.to_string(), check)));
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
        let allowed = schema.get("enum").and_then(Value::as_array).cloned();
        let allowed_text = allowed
            .iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect();
        let nullable = admits_null(schema);
        let allowed_set = allowed
            .as_ref()
            .filter(|values| values.iter().all(Value::is_string))
            .map(|values| {
                values
                    .iter()
                    .filter_map(Value::as_str)
                    .map(Box::from)
                    .collect()
            });
        columns.push(ColumnCheck {
            name: Arc::clone(&column.name),
            required: column.required && !nullable,
            nullable,
            unique: column.unique,
            kinds: kinds_of(schema),
            format,
            pattern,
            allowed,
            allowed_text,
            allowed_set,
            constant: schema.get("const").cloned(),
            minimum: bound(schema, "minimum", "exclusiveMinimum", false),
            maximum: bound(schema, "maximum", "exclusiveMaximum", true),
            min_length: schema.get("minLength").and_then(Value::as_u64),
            max_length: schema.get("maxLength").and_then(Value::as_u64),
            codelist: column.codelist.clone(),
            codelist_is_foreign_key: column.codelist_is_foreign_key,
            separator: column.separator.clone(),
            needs_numeric_value: true,
            description: schema
                .get("description")
                .and_then(Value::as_str)
                .map(String::from),
            example: schema
                .get("examples")
                .and_then(Value::as_array)
                .and_then(|e| e.first())
                .map(|v| v.as_str().map_or_else(|| v.to_string(), String::from)),
            in_residual,
        });
        let last = columns.len() - 1;
        let c = &mut columns[last];
        c.needs_numeric_value = c.minimum.is_some()
            || c.maximum.is_some()
            || c.allowed.is_some()
            || c.constant.is_some();
    }
    let mut residual = Map::new();
    if let Some(root) = table.schema.as_object() {
        for (key, value) in root {
            if !COVERED_ROOT_KEYWORDS.contains(&key.as_str()) {
                residual.insert(key.clone(), value.clone());
            }
        }
    }
    let has_rules = residual.keys().any(|k| k != "$defs") || !residual_properties.is_empty();
    // The whole schema is built once even when nothing is residual, so that an unusable schema
    // ($ref to a URL, bad keyword values) is reported before any file is read.
    build_validator(&table.schema, table)?;
    let residual = if has_rules {
        residual.insert("properties".into(), Value::Object(residual_properties));
        residual.insert(
            "$schema".into(),
            Value::String("https://json-schema.org/draft/2020-12/schema".into()),
        );
        Some(build_validator(&Value::Object(residual), table)?)
    } else {
        None
    };
    let rules = table
        .rules
        .iter()
        .map(|rule| {
            Ok(CompiledRule {
                id: rule.id.clone(),
                message: rule.message.clone(),
                help: rule.help.clone(),
                columns: rule.columns.clone(),
                test: match &rule.test {
                    RuleTest::Schema(schema) => {
                        CompiledTest::Schema(build_validator(schema, table)?)
                    }
                    RuleTest::Compare { left, op, right } => CompiledTest::Compare {
                        left: *left,
                        op: *op,
                        right: *right,
                    },
                },
            })
        })
        .collect::<Result<Vec<_>, StandardError>>()?;
    let mut rule_columns = vec![false; table.columns.len()];
    for rule in &table.rules {
        if let RuleTest::Schema(schema) = &rule.test {
            for i in &rule.columns {
                rule_columns[*i] = true;
            }
            mark_named_columns(schema, table, &mut rule_columns);
        }
    }
    Ok(CompiledTable {
        columns,
        missing_values: table.missing_values.clone(),
        residual,
        severity: table.severity.clone(),
        rules,
        rule_columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_see_only_the_columns_they_name() {
        let standard = crate::standard::Standard::load("brownfield-land-2017").expect("built-in");
        let table = &standard.tables[0];
        let compiled = compile(table).expect("compiles");
        let marked: Vec<&str> = table
            .columns
            .iter()
            .zip(&compiled.rule_columns)
            .filter(|(_, m)| **m)
            .map(|(c, _)| &*c.name)
            .collect();
        assert_eq!(
            marked,
            [
                "PlanningStatus",
                "PermissionType",
                "PermissionDate",
                "DevelopmentDescription",
                "NetDwellingsRangeFrom",
                "HazardousSubstances",
                "SiteInformation"
            ]
        );
    }

    #[test]
    fn compiled_patterns_agree_with_regex() {
        let patterns = [
            "^[0-9]{6,8}$",
            "^(E0[6-9]|E10|W06|S12|N09)[0-9]{6}$",
            "b$",
            "^a",
            "x",
            "",
            "^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$",
            r"\d+",
            r"^\w+$",
            r"\bword\b",
            "^£[0-9]+$",
            "(?i)^abc$",
        ];
        let inputs = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "123456",
            "12345",
            "123456789",
            "E06000060",
            "E0600006",
            "EX2 4QD",
            "GIR 0AA",
            "x",
            "axb",
            "٣٤",
            "word",
            "a word here",
            "swordfish",
            "£12",
            "ABC",
            "abcd",
            "é",
        ];
        for pattern in patterns {
            let compiled = Pattern::new(pattern).expect("compiles");
            let regex = Regex::new(pattern).expect("compiles");
            for input in inputs {
                assert_eq!(
                    compiled.is_match(input),
                    regex.is_match(input),
                    "{pattern:?} on {input:?}"
                );
            }
        }
    }

    #[test]
    fn decimals_are_plain() {
        for ok in ["0", "-12", "697.00", "1e3", "-0.5E-2"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in [
            "", "-", "1,496.00", "£12", "1.", ".5", "1.2.3", "inf", "NaN", "+5", "1e",
        ] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn plain_decimals_parse_exactly_as_the_standard_parser() {
        for text in [
            "0",
            "-0",
            "697.00",
            "1496.5",
            "-120.50",
            "0.1",
            "0.3",
            "123456789012345",
            "99999999999999.9",
            "5414.50",
            "007",
            "0.00000000000001",
        ] {
            assert_eq!(plain_decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in [
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "1e3",
            "1234567890123456",
            "+5",
            "1,000",
            " 1",
        ] {
            assert_eq!(plain_decimal(text), None, "{text}");
        }
        // Anything the fast path leaves is still a number through the general parser.
        assert_eq!(convert("1e3", &[Kind::Number]), Some(Typed::Num(1000.0)));
        for long in [
            "1234567890123456.5",
            "1.000000000000001",
            "0.000000000000001",
        ] {
            assert_eq!(plain_decimal(long), None);
            assert_eq!(
                convert(long, &[Kind::Number]),
                long.parse().ok().map(Typed::Num)
            );
        }
    }

    #[test]
    fn conversion_takes_the_first_type_that_parses() {
        assert_eq!(
            convert("12", &[Kind::Integer, Kind::String]),
            Some(Typed::Int(12))
        );
        assert_eq!(convert("1.5", &[Kind::Integer]), None);
        assert_eq!(
            convert("1.5", &[Kind::Integer, Kind::Number]),
            Some(Typed::Num(1.5))
        );
        assert_eq!(convert("TRUE", &[Kind::Boolean]), Some(Typed::Bool(true)));
        assert_eq!(convert("yes", &[Kind::Boolean]), None);
        assert_eq!(
            convert("x", &[Kind::Number, Kind::String]),
            Some(Typed::Str("x"))
        );
    }

    #[test]
    fn json_equality_ignores_number_representation() {
        assert!(Typed::Int(1).equals(&serde_json::json!(1.0)));
        assert!(!Typed::Str("1").equals(&serde_json::json!(1)));
    }
}

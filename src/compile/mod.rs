//! Compilation of a table's row schema into per-column checks that run on the raw cell text, plus a
//! JSON Schema validator for whatever those checks do not cover (`if`/`then`, `oneOf`, ...).

use serde_json::{Map, Value};

use crate::finding::SeverityTable;
use crate::schema;
use crate::standard::{RuleTest, StandardError, Table};

mod cell_rule;
mod column;
mod missing;
mod refs;
mod string_set;
mod value;

pub(crate) use cell_rule::{Cell, CellRule, OnlyCell};
pub use column::{
    Allowed, Bound, Bounds, CodelistCheck, ColumnCheck, ColumnHelp, Presence, TextRules,
};
pub use missing::MissingValues;
pub use value::{convert, is_decimal, parse_f64, plain_decimal, Kind, Pattern, Typed};

/// A table ready to check files against.
pub struct CompiledTable {
    /// Unique to this compilation in the process: what per-thread scratch space is kept for.
    pub(crate) id: u64,
    pub columns: Vec<ColumnCheck>,
    pub missing_values: MissingValues,
    /// A validator for the schema keywords the compiled checks do not cover; `None` when they cover all.
    pub(crate) residual: Option<schema::Validator>,
    pub severity: SeverityTable,
    /// The table's cross-field rules, each compiled once.
    pub(crate) rules: Vec<CompiledRule>,
    /// Which columns the rules' schemas name (by standard column index): only these go into the
    /// row object rules are evaluated on, so that a 400 KB boundary is not copied for nothing.
    pub(crate) rule_columns: Vec<bool>,
    /// The column sets (standard column indices) whose values the references between tables
    /// need from a file of this table: its foreign keys' columns, and the columns other tables'
    /// foreign keys refer to. The check keeps them, so that the references need not read the
    /// file again. Empty unless the caller checks references ([`CompiledTable::keep_reference_keys`]).
    pub(crate) reference_keys: Vec<Vec<usize>>,
}

impl CompiledTable {
    /// Asks the check of a file of table `t` of `standard` to keep the key values the
    /// references between the standard's tables will look up (see `reference_keys`).
    pub fn keep_reference_keys(&mut self, standard: &crate::standard::Standard, t: usize) {
        let Some(table) = standard.tables.get(t) else {
            return;
        };
        let mut wanted: Vec<Vec<usize>> = table
            .foreign_keys
            .iter()
            .map(|fk| fk.columns.clone())
            .collect();
        for fk in standard.tables.iter().flat_map(|t| &t.foreign_keys) {
            if fk.table != table.name {
                continue;
            }
            wanted.extend(fk.referenced_columns(table));
        }
        wanted.sort();
        wanted.dedup();
        self.reference_keys = wanted;
    }
}

/// A cross-field rule ready to run on rows.
pub(crate) struct CompiledRule {
    pub id: String,
    pub message: String,
    pub help: Option<String>,
    pub columns: Vec<usize>,
    pub test: CompiledTest,
    pub severity: crate::finding::Severity,
}

pub(crate) enum CompiledTest {
    /// Evaluated on the row object.
    Schema(schema::Validator),
    /// A schema that only asks which cells are filled and what a few hold: evaluated on the cells.
    Cells(CellRule),
    /// Evaluated on the two cells.
    Compare {
        left: usize,
        op: crate::standard::CompareOp,
        right: usize,
    },
    /// Evaluated on the two cells read as one point.
    Point {
        x: usize,
        y: usize,
        within: Vec<(f64, f64)>,
    },
}

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
        let remote = e
            .unresolved_ref
            .as_deref()
            .is_some_and(|uri| uri.contains("://"));
        let error = match &reference {
            Some(uri) if !remote => StandardError::new(format!(
                "the row schema of table \"{}\" refers to {uri}, another file; conform reads one schema per table and does not follow a $ref out of it",
                table.name
            ))
            .help("copy the definitions of that file into this schema under $defs and refer to them as \"#/$defs/NAME\""),
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

/// Compiles `table` once for a run.
pub fn compile(table: &Table) -> Result<CompiledTable, StandardError> {
    refs::refuse_loops(table)?;
    let mut residual_properties = Map::new();
    let mut columns = Vec::with_capacity(table.columns.len());
    for column in &table.columns {
        let in_residual = column::needs_schema(&column.schema);
        if in_residual {
            residual_properties.insert(column.name.to_string(), column.schema.clone());
        }
        columns.push(column::compile_column(column, table, in_residual)?);
    }
    static COMPILED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let rules = compile_rules(table)?;
    Ok(CompiledTable {
        id: COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        columns,
        missing_values: MissingValues::new(&table.missing_values),
        residual: compile_residual(table, residual_properties)?,
        severity: table.severity.clone(),
        rule_columns: rule_columns(table, &rules),
        reference_keys: Vec::new(),
        rules,
    })
}

/// A validator for the root keywords and properties the compiled checks do not cover.
fn compile_residual(
    table: &Table,
    residual_properties: Map<String, Value>,
) -> Result<Option<schema::Validator>, StandardError> {
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
    Ok(residual)
}

fn compile_rules(table: &Table) -> Result<Vec<CompiledRule>, StandardError> {
    table
        .rules
        .iter()
        .map(|rule| {
            Ok(CompiledRule {
                id: rule.id.clone(),
                message: rule.message.clone(),
                help: rule.help.clone(),
                columns: rule.columns.clone(),
                severity: rule.severity,
                test: match &rule.test {
                    RuleTest::Schema(schema) => {
                        // Built either way, so that a schema the validator refuses is refused.
                        let validator = build_validator(schema, table)?;
                        match CellRule::compile_rule(schema, table) {
                            Some(cells) => CompiledTest::Cells(cells),
                            None => CompiledTest::Schema(validator),
                        }
                    }
                    RuleTest::Compare { left, op, right } => CompiledTest::Compare {
                        left: *left,
                        op: *op,
                        right: *right,
                    },
                    RuleTest::Point { x, y, within } => CompiledTest::Point {
                        x: *x,
                        y: *y,
                        within: within.clone(),
                    },
                },
            })
        })
        .collect()
}

/// Keywords that reach properties without naming them.
const INDIRECT_KEYWORDS: &[&str] = &[
    "patternProperties",
    "propertyNames",
    "additionalProperties",
    "unevaluatedProperties",
    "minProperties",
    "maxProperties",
];

/// Whether `keyword` appears anywhere in the schema.
fn uses_keyword(schema: &Value, keywords: &[&str]) -> bool {
    match schema {
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| keywords.contains(&k.as_str()) || uses_keyword(v, keywords)),
        Value::Array(items) => items.iter().any(|v| uses_keyword(v, keywords)),
        _ => false,
    }
}

/// Which columns the schemas of the rules left to the validator name (a rule run on the cells
/// needs no row object).
fn rule_columns(table: &Table, compiled: &[CompiledRule]) -> Vec<bool> {
    let mut rule_columns = vec![false; table.columns.len()];
    for (rule, compiled) in table.rules.iter().zip(compiled) {
        if !matches!(compiled.test, CompiledTest::Schema(_)) {
            continue;
        }
        if let RuleTest::Schema(schema) = &rule.test {
            // A schema that picks properties by pattern or counts them sees every column.
            if uses_keyword(schema, INDIRECT_KEYWORDS) {
                return vec![true; table.columns.len()];
            }
            for i in &rule.columns {
                rule_columns[*i] = true;
            }
            mark_named_columns(schema, table, &mut rule_columns);
        }
    }
    rule_columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_see_only_the_columns_they_name() {
        // Rules run on the cells put nothing in the row object; a rule left to the validator
        // gets the columns it names, and one that picks properties by pattern gets them all.
        let marked = |spec: &str| -> Vec<String> {
            let standard = crate::standard::Standard::load(spec).expect("loads");
            let table = &standard.tables[0];
            let compiled = compile(table).expect("compiles");
            table
                .columns
                .iter()
                .zip(&compiled.rule_columns)
                .filter(|(_, m)| **m)
                .map(|(c, _)| c.name.to_string())
                .collect()
        };
        assert!(marked("360giving").is_empty());
        assert_eq!(
            marked(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/fixtures/standards/rule-patterns/standard.json"
            )),
            ["Code", "Name", "Note", "Count", "Data"]
        );
    }
}

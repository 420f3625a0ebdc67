//! The standard file as written (serde structures), and its resolution into checked types.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Deserialize;
use serde_json::Value;

use super::codelist;
use super::{
    apply_severity, Base, CodeList, Column, HeaderMatch, HeaderRules, Standard, StandardError,
    Table,
};
use crate::finding::{Code, Severity, SeverityTable};
use crate::json_pointer::escape;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStandard {
    #[allow(dead_code)]
    conform: u32,
    id: String,
    version: String,
    title: String,
    publisher: Option<String>,
    licence: Option<String>,
    source: Option<String>,
    description: Option<String>,
    /// Where each fact came from; documentation only.
    #[serde(default)]
    sources: Vec<Value>,
    #[serde(default, rename = "$schema")]
    _schema: Option<String>,
    #[serde(default, rename = "$comment")]
    _comment: Option<Value>,
    tables: indexmap::IndexMap<String, RawTable>,
    #[serde(default)]
    codelists: BTreeMap<String, RawCodeList>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(crate) struct RawTable {
    #[serde(default)]
    schema: Value,
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    header: RawHeader,
    missing_values: Option<Vec<String>>,
    #[serde(default)]
    columns: BTreeMap<String, RawColumn>,
    #[serde(default)]
    primary_key: Vec<String>,
    #[serde(default)]
    unique_keys: Vec<Vec<String>>,
    #[serde(default)]
    foreign_keys: Vec<RawForeignKey>,
    #[serde(default)]
    rows: RawRows,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default, rename = "$comment")]
    _comment: Option<Value>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    #[serde(rename = "match")]
    matching: Option<String>,
    order: Option<String>,
    extra: Option<String>,
    /// `all`: every column of the table must be in the header, optional or not.
    columns: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawColumn {
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    unique: bool,
    codelist: Option<String>,
    separator: Option<String>,
    #[serde(default)]
    tolerate: Vec<RawTolerance>,
    /// What the column's pattern asks, in words, for messages.
    #[serde(rename = "patternInWords")]
    pattern_in_words: Option<String>,
    #[serde(default, rename = "$comment")]
    _comment: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTolerance {
    format: Option<String>,
    pattern: Option<String>,
    #[serde(rename = "as")]
    phrase: String,
    why: String,
    source: Option<String>,
    severity: Option<String>,
    #[serde(default, rename = "$comment")]
    _comment: Option<Value>,
}

/// A cross-field rule: a JSON Schema every row must satisfy, or a comparison of two columns, with
/// a plain message for the rows that break it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    message: String,
    help: Option<String>,
    /// The columns the rule is about; the first present in the file locates the finding.
    #[serde(default)]
    columns: Vec<String>,
    schema: Option<Value>,
    compare: Option<RawCompare>,
    point: Option<RawPoint>,
    severity: Option<String>,
    source: Option<String>,
    #[serde(default, rename = "$comment")]
    _comment: Option<Value>,
}

/// Two number columns read as one point that must fall inside a ring of longitude, latitude
/// corners.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    x: String,
    y: String,
    within: Vec<(f64, f64)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompare {
    left: String,
    op: String,
    right: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForeignKey {
    columns: Vec<String>,
    reference: RawReference,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    table: Option<String>,
    codelist: Option<String>,
    #[serde(default)]
    columns: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRows {
    min: Option<u64>,
    max: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCodeList {
    pub path: String,
    pub column: String,
    pub title: Option<String>,
    pub source: Option<String>,
    #[serde(rename = "match")]
    pub matching: Option<String>,
    pub version: Option<String>,
    #[serde(default, rename = "licence")]
    _licence: Option<String>,
    #[serde(default, rename = "$comment")]
    _comment: Option<Value>,
}

pub(crate) fn resolve(
    raw: RawStandard,
    name: &str,
    text: &str,
    base: &Base,
    origin: String,
) -> Result<Standard, StandardError> {
    let mut codelists = BTreeMap::new();
    for (id, spec) in &raw.codelists {
        let list = codelist::load(id, spec, base).map_err(|message| {
            StandardError::new(message).at_pointer(
                name,
                text,
                &format!("/codelists/{}", escape(id)),
            )
        })?;
        codelists.insert(id.clone(), Arc::new(list));
    }
    let mut tables = Vec::new();
    for (table_name, mut raw_table) in raw.tables {
        let pointer = format!("/tables/{}", escape(&table_name));
        let schema_value = std::mem::take(&mut raw_table.schema);
        let inline = schema_value.is_object();
        let (schema_name, schema_text, schema) = match schema_value {
            Value::String(path) => {
                let (schema_name, schema_text) = base.read(&path).map_err(|message| {
                    StandardError::new(message).at_pointer(name, text, &format!("{pointer}/schema"))
                })?;
                let schema: Value = serde_json::from_str(&schema_text).map_err(|e| {
                    StandardError::new(super::error::not_json(&schema_name, &e))
                        .at_line_column(&schema_name, &schema_text, e.line(), e.column())
                })?;
                (schema_name, Arc::from(schema_text.as_str()), schema)
            }
            Value::Object(_) => (name.to_string(), Arc::from(text), schema_value),
            _ => {
                return Err(StandardError::new(format!(
                    "table \"{table_name}\" needs a \"schema\": a path to a JSON Schema file or an inline schema object"
                ))
                .at_pointer(name, text, &pointer))
            }
        };
        let mut table = table_from_schema(
            table_name,
            schema,
            schema_name,
            schema_text,
            raw_table,
            &codelists,
            &pointer,
        )
        .map_err(|e| e.locate_in(name, text, &pointer))?;
        if inline {
            table.schema_pointer = format!("{pointer}/schema");
        }
        tables.push(table);
    }
    if tables.is_empty() {
        return Err(
            StandardError::new("the standard has no tables").at_pointer(name, text, "/tables")
        );
    }
    check_references(&tables, name, text)?;
    Ok(Standard {
        id: raw.id,
        version: raw.version,
        title: raw.title,
        publisher: raw.publisher,
        licence: raw.licence,
        source: raw.source,
        description: raw.description,
        tables,
        sources: raw
            .sources
            .iter()
            .filter_map(|s| {
                Some((
                    s.get("fact")?.as_str()?.to_string(),
                    s.get("source")?.as_str()?.to_string(),
                ))
            })
            .collect(),
        codelists: codelists.values().cloned().collect(),
        origin,
        unchecked: Vec::new(),
        resources: Vec::new(),
        files: Vec::new(),
    })
}

/// Every key into another table names a table of the standard and columns it has.
fn check_references(tables: &[Table], name: &str, text: &str) -> Result<(), StandardError> {
    for table in tables {
        for (n, fk) in table.foreign_keys.iter().enumerate() {
            let pointer = format!("/tables/{}/foreignKeys/{n}/reference", escape(&table.name));
            let Some(target) = tables.iter().find(|t| t.name == fk.table) else {
                let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
                return Err(StandardError::new(format!(
                    "table \"{}\" refers to a table \"{}\", which the standard does not define; its tables are: {}",
                    table.name,
                    fk.table,
                    names.join(", ")
                ))
                .at_pointer(name, text, &format!("{pointer}/table")));
            };
            if let Some(missing) = fk
                .reference_columns
                .iter()
                .find(|c| !target.columns.iter().any(|t| &*t.name == c.as_str()))
            {
                return Err(StandardError::new(format!(
                    "table \"{}\" refers to column \"{missing}\" of table \"{}\", which has no such column",
                    table.name, fk.table
                ))
                .at_pointer(name, text, &format!("{pointer}/columns")));
            }
        }
    }
    Ok(())
}

/// Builds a table from its row schema and the table rules; `pointer` locates the rules in the
/// standard file (empty for a bare JSON Schema).
pub(crate) fn table_from_schema(
    name: String,
    schema: Value,
    schema_name: String,
    schema_text: Arc<str>,
    raw: RawTable,
    codelists: &BTreeMap<String, Arc<CodeList>>,
    pointer: &str,
) -> Result<Table, StandardError> {
    check_patterns(&schema, &schema_name, &schema_text)?;
    let mut columns = columns_from_schema(&schema);
    let rules = TableRules {
        pointer,
        names: columns.iter().map(|c| Arc::clone(&c.name)).collect(),
    };
    rules.apply_column_rules(&mut columns, raw.columns, codelists)?;
    rules.apply_codelist_keys(&mut columns, &raw.foreign_keys, codelists)?;
    let primary_key = rules.find_key(&raw.primary_key, "/primaryKey")?;
    let unique_keys = raw
        .unique_keys
        .iter()
        .enumerate()
        .map(|(n, key)| rules.find_key(key, &format!("/uniqueKeys/{n}")))
        .collect::<Result<Vec<_>, _>>()?;
    let table_rules = raw
        .rules
        .iter()
        .enumerate()
        .map(|(n, rule)| rules.rule(n, rule))
        .collect::<Result<Vec<_>, _>>()?;
    let foreign_keys = rules.table_foreign_keys(&raw.foreign_keys)?;
    let header = rules.header(&raw.header)?;
    let mut severity = SeverityTable::default();
    if let Some(extra) = &raw.header.extra {
        severity.set(Code::UnknownColumn, rules.extra_severity(extra)?);
    }
    apply_severity(&mut severity, &raw.severity)
        .map_err(|(code, message)| rules.error(message, &format!("/severity/{}", escape(&code))))?;
    if let (Some(min), Some(max)) = (raw.rows.min, raw.rows.max) {
        if min > max {
            return Err(rules.error(
                format!("rows.min ({min}) is greater than rows.max ({max})"),
                "/rows",
            ));
        }
    }
    Ok(Table {
        name,
        description: raw.description,
        title: raw.title.or_else(|| {
            schema
                .get("title")
                .and_then(Value::as_str)
                .map(String::from)
        }),
        schema,
        schema_name,
        schema_text,
        schema_pointer: String::new(),
        header,
        missing_values: raw.missing_values.unwrap_or_else(|| vec![String::new()]),
        columns,
        primary_key,
        unique_keys,
        row_min: Some(raw.rows.min.unwrap_or(1)),
        row_max: raw.rows.max,
        severity,
        rules: table_rules,
        foreign_keys,
    })
}

/// The columns the row schema defines: its properties in order, then any column `required`
/// names that has no property.
fn columns_from_schema(schema: &Value) -> Vec<Column> {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let column = |name: &str, schema: Value| Column {
        name: Arc::from(name),
        required: required.contains(&name),
        aliases: Vec::new(),
        unique: false,
        codelist: None,
        codelist_is_foreign_key: false,
        separator: None,
        schema,
        tolerate: Vec::new(),
        pattern_in_words: None,
    };
    let mut columns: Vec<Column> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|props| {
            props
                .iter()
                .map(|(name, sub)| column(name, sub.clone()))
                .collect()
        })
        .unwrap_or_default();
    for req in &required {
        if !columns.iter().any(|c| &*c.name == *req) {
            columns.push(column(req, Value::Object(Default::default())));
        }
    }
    columns
}

/// The table rules of a standard file read against the row schema's columns; every error points
/// at the rule in the file.
struct TableRules<'a> {
    pointer: &'a str,
    names: Vec<Arc<str>>,
}

impl TableRules<'_> {
    fn error(&self, message: String, suffix: &str) -> StandardError {
        StandardError::new(message).with_pending_pointer(format!("{}{suffix}", self.pointer))
    }

    fn index_of(&self, column: &str) -> Option<usize> {
        self.names.iter().position(|n| &**n == column)
    }

    /// The columns of a key, each a property of the row schema.
    fn find_key(&self, key: &[String], suffix: &str) -> Result<Vec<usize>, StandardError> {
        key.iter()
            .enumerate()
            .map(|(n, column)| {
                self.index_of(column).ok_or_else(|| {
                    self.error(
                        format!("key column \"{column}\" is not a property of the row schema"),
                        &format!("{suffix}/{n}"),
                    )
                })
            })
            .collect()
    }

    /// Aliases, `unique`, separators and code lists of `columns`.
    fn apply_column_rules(
        &self,
        columns: &mut [Column],
        raw: BTreeMap<String, RawColumn>,
        codelists: &BTreeMap<String, Arc<CodeList>>,
    ) -> Result<(), StandardError> {
        let mut rules: HashMap<usize, RawColumn> = HashMap::new();
        for (column, rule) in raw {
            let Some(i) = self.index_of(&column) else {
                return Err(self.error(
                    format!(
                        "\"{column}\" has column rules but is not a property of the row schema"
                    ),
                    &format!("/columns/{}", escape(&column)),
                ));
            };
            rules.insert(i, rule);
        }
        for (i, mut rule) in rules {
            let column = &mut columns[i];
            column.aliases = std::mem::take(&mut rule.aliases);
            column.unique = rule.unique;
            column.separator = rule.separator.take().filter(|s| !s.is_empty());
            column.pattern_in_words = rule.pattern_in_words.take();
            let at = format!("/columns/{}/tolerate", escape(&column.name));
            column.tolerate = rule
                .tolerate
                .iter()
                .enumerate()
                .map(|(n, t)| self.tolerance(t, &format!("{at}/{n}")))
                .collect::<Result<_, _>>()?;
            if let Some(id) = &rule.codelist {
                let list = codelists.get(id).ok_or_else(|| {
                    self.error(
                        format!("column \"{}\" names code list \"{id}\", which the standard does not define", column.name),
                        &format!("/columns/{}/codelist", escape(&column.name)),
                    )
                })?;
                column.codelist = Some(Arc::clone(list));
            }
        }
        Ok(())
    }

    /// One `tolerate` entry: a known format or a pattern that compiles, and a lower severity.
    fn tolerance(&self, raw: &RawTolerance, at: &str) -> Result<super::Tolerance, StandardError> {
        let test = match (&raw.format, &raw.pattern) {
            (Some(name), None) => super::ToleranceTest::Format(
                crate::formats::lookup(name)
                    .map(|f| f.name)
                    .ok_or_else(|| {
                        self.error(
                            format!("tolerate: format \"{name}\" is not one conform knows"),
                            &format!("{at}/format"),
                        )
                    })?,
            ),
            (None, Some(pattern)) => {
                if let Err(e) = regex::Regex::new(pattern) {
                    return Err(self.error(
                        format!("tolerate: the pattern does not compile: {e}"),
                        &format!("{at}/pattern"),
                    ));
                }
                super::ToleranceTest::Pattern(pattern.clone())
            }
            _ => {
                return Err(self.error(
                    "tolerate: give either a \"format\" or a \"pattern\"".into(),
                    at,
                ))
            }
        };
        let severity = match raw.severity.as_deref() {
            None | Some("warning") => Severity::Warning,
            Some("info") => Severity::Info,
            Some(other) => {
                return Err(self.error(
                    format!("tolerate: severity \"{other}\" must be warning or info (a tolerated form is not an error)"),
                    &format!("{at}/severity"),
                ))
            }
        };
        Ok(super::Tolerance {
            test,
            phrase: raw.phrase.clone(),
            why: raw.why.clone(),
            source: raw.source.clone(),
            severity,
        })
    }

    /// Foreign keys into code lists become the column's code list; each key names a table or a
    /// code list.
    fn apply_codelist_keys(
        &self,
        columns: &mut [Column],
        foreign_keys: &[RawForeignKey],
        codelists: &BTreeMap<String, Arc<CodeList>>,
    ) -> Result<(), StandardError> {
        for (n, fk) in foreign_keys.iter().enumerate() {
            self.find_key(&fk.columns, &format!("/foreignKeys/{n}/columns"))?;
            match (&fk.reference.codelist, &fk.reference.table) {
                (Some(id), None) => {
                    let list = codelists.get(id).ok_or_else(|| {
                        self.error(
                            format!("foreign key names code list \"{id}\", which the standard does not define"),
                            &format!("/foreignKeys/{n}/reference/codelist"),
                        )
                    })?;
                    if fk.columns.len() != 1 {
                        return Err(self.error(
                            "a foreign key to a code list has exactly one column".into(),
                            &format!("/foreignKeys/{n}/columns"),
                        ));
                    }
                    if let Some(i) = self.index_of(&fk.columns[0]) {
                        columns[i].codelist = Some(Arc::clone(list));
                        columns[i].codelist_is_foreign_key = true;
                    }
                }
                (None, Some(_)) => {}
                _ => {
                    return Err(self.error(
                        "a foreign key's reference names either a \"table\" or a \"codelist\""
                            .into(),
                        &format!("/foreignKeys/{n}/reference"),
                    ))
                }
            }
        }
        Ok(())
    }

    /// Rule `n`: a JSON Schema every row must meet, or a comparison of two columns.
    fn rule(&self, n: usize, rule: &RawRule) -> Result<super::Rule, StandardError> {
        let mut columns = self.find_key(&rule.columns, &format!("/rules/{n}/columns"))?;
        let test = match (&rule.schema, &rule.compare, &rule.point) {
            (None, None, Some(point)) => {
                let test = self.point(n, rule, point)?;
                if let (true, super::RuleTest::Point { x, y, .. }) = (columns.is_empty(), &test) {
                    columns = vec![*x, *y];
                }
                test
            }
            (Some(schema), None, None) if schema.is_object() => {
                if let Err(e) = crate::schema::build(schema) {
                    return Err(self.error(
                        format!("rule \"{}\" has an unusable schema: {}", rule.id, e.message),
                        &format!("/rules/{n}/schema"),
                    ));
                }
                super::RuleTest::Schema(schema.clone())
            }
            (None, Some(compare), None) => {
                let test = self.compare(n, rule, compare)?;
                if let (true, super::RuleTest::Compare { left, right, .. }) = (columns.is_empty(), &test) {
                    columns = vec![*left, *right];
                }
                test
            }
            _ => {
                return Err(self.error(
                    format!(
                        "rule \"{}\" needs one of a \"schema\" object (a JSON Schema each row must satisfy), a \"compare\" of two columns or a \"point\"",
                        rule.id
                    ),
                    &format!("/rules/{n}"),
                ))
            }
        };
        let severity = match rule.severity.as_deref() {
            None => Severity::Error,
            Some(text) => Severity::parse(text).ok_or_else(|| {
                self.error(
                    format!(
                        "rule \"{}\": severity \"{text}\" must be error, warning or info",
                        rule.id
                    ),
                    &format!("/rules/{n}/severity"),
                )
            })?,
        };
        Ok(super::Rule {
            id: rule.id.clone(),
            message: rule.message.clone(),
            help: rule.help.clone(),
            columns,
            test,
            severity,
            source: rule.source.clone(),
        })
    }

    fn point(
        &self,
        n: usize,
        rule: &RawRule,
        point: &RawPoint,
    ) -> Result<super::RuleTest, StandardError> {
        let column = |name: &str, key: &str| {
            self.index_of(name).ok_or_else(|| {
                self.error(
                    format!(
                        "rule \"{}\" reads \"{name}\", which is not a property of the row schema",
                        rule.id
                    ),
                    &format!("/rules/{n}/point/{key}"),
                )
            })
        };
        let (x, y) = (column(&point.x, "x")?, column(&point.y, "y")?);
        if point.within.len() < 3 {
            return Err(self.error(
                format!("rule \"{}\": `within` needs at least 3 corners", rule.id),
                &format!("/rules/{n}/point/within"),
            ));
        }
        Ok(super::RuleTest::Point {
            x,
            y,
            within: point.within.clone(),
        })
    }

    fn compare(
        &self,
        n: usize,
        rule: &RawRule,
        compare: &RawCompare,
    ) -> Result<super::RuleTest, StandardError> {
        let side = |name: &str, key: &str| {
            self.index_of(name).ok_or_else(|| {
                self.error(
                    format!("rule \"{}\" compares \"{name}\", which is not a property of the row schema", rule.id),
                    &format!("/rules/{n}/compare/{key}"),
                )
            })
        };
        let (left, right) = (side(&compare.left, "left")?, side(&compare.right, "right")?);
        let op = super::CompareOp::parse(&compare.op).ok_or_else(|| {
            self.error(
                format!(
                    "rule \"{}\": op \"{}\" must be <, <=, > or >=",
                    rule.id, compare.op
                ),
                &format!("/rules/{n}/compare/op"),
            )
        })?;
        Ok(super::RuleTest::Compare { left, op, right })
    }

    /// Foreign keys into other tables of the standard.
    fn table_foreign_keys(
        &self,
        foreign_keys: &[RawForeignKey],
    ) -> Result<Vec<super::ForeignKey>, StandardError> {
        let mut found = Vec::new();
        for (n, fk) in foreign_keys.iter().enumerate() {
            let Some(table) = &fk.reference.table else {
                continue;
            };
            let columns = self.find_key(&fk.columns, &format!("/foreignKeys/{n}/columns"))?;
            let reference_columns = if fk.reference.columns.is_empty() {
                fk.columns.clone()
            } else {
                fk.reference.columns.clone()
            };
            if reference_columns.len() != columns.len() {
                return Err(self.error(
                    "a foreign key names as many columns in the referenced table as it has".into(),
                    &format!("/foreignKeys/{n}/reference/columns"),
                ));
            }
            found.push(super::ForeignKey {
                columns,
                table: table.clone(),
                reference_columns,
            });
        }
        Ok(found)
    }

    /// How header names are matched and whether their order is fixed.
    fn header(&self, header: &RawHeader) -> Result<HeaderRules, StandardError> {
        let matching = match header.matching.as_deref() {
            None | Some("normalised") => HeaderMatch::Normalised,
            Some("exact") => HeaderMatch::Exact,
            Some("compact") => HeaderMatch::Compact,
            Some(other) => {
                return Err(self.error(
                    format!(
                        "header.match \"{other}\" must be \"exact\", \"normalised\" or \"compact\""
                    ),
                    "/header/match",
                ))
            }
        };
        let strict_order = match header.order.as_deref() {
            None | Some("any") => false,
            Some("strict") => true,
            Some(other) => {
                return Err(self.error(
                    format!("header.order \"{other}\" must be \"any\" or \"strict\""),
                    "/header/order",
                ))
            }
        };
        let all_columns = match header.columns.as_deref() {
            None | Some("required") => false,
            Some("all") => true,
            Some(other) => {
                return Err(self.error(
                    format!("header.columns \"{other}\" must be \"required\" or \"all\""),
                    "/header/columns",
                ))
            }
        };
        Ok(HeaderRules {
            matching,
            strict_order,
            all_columns,
        })
    }

    /// `header.extra`: the severity of unknown columns, or `off`.
    fn extra_severity(&self, extra: &str) -> Result<Option<Severity>, StandardError> {
        Severity::parse_override(extra).ok_or_else(|| {
            self.error(
                format!("header.extra \"{extra}\" must be error, warning, info or off"),
                "/header/extra",
            )
        })
    }
}

/// Every `pattern` in the schema must compile with the linear-time engine conform uses.
fn check_patterns(schema: &Value, name: &str, text: &str) -> Result<(), StandardError> {
    fn walk(value: &Value, pointer: &mut String, found: &mut Vec<(String, String, String)>) {
        match value {
            Value::Object(map) => {
                for (key, sub) in map {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape(key));
                    if key == "pattern" {
                        if let Value::String(p) = sub {
                            if let Err(e) = regex::Regex::new(p) {
                                found.push((pointer.clone(), p.clone(), e.to_string()));
                            }
                        }
                    } else {
                        walk(sub, pointer, found);
                    }
                    pointer.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, sub) in items.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push_str(&format!("/{i}"));
                    walk(sub, pointer, found);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(schema, &mut String::new(), &mut found);
    // A schema inlined in the standard file sits under its table; `locate` finds it by searching
    // from the schema's own root, so point at the pattern text itself.
    if let Some((pointer, pattern, error)) = found.into_iter().next() {
        let located =
            StandardError::new(format!("the pattern {pattern:?} does not compile")).help(format!(
            "conform uses the linear-time `regex` engine (no look-around or back-references): {}",
            error.lines().last().unwrap_or("")
        ));
        return Err(
            match text.find(&serde_json::to_string(&pattern).unwrap_or_default()) {
                Some(start) => located.at_span(
                    name,
                    text,
                    start,
                    serde_json::to_string(&pattern).map_or(0, |s| s.len()),
                ),
                None => located.at_pointer(name, text, &pointer),
            },
        );
    }
    Ok(())
}

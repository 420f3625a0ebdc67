//! Frictionless descriptors as standards: a Table Schema (v1, or the v2 profile) or a Data
//! Package is translated into a conform standard, so that it compiles to the same checks (same
//! codes, same speed) and `conform standards import` can write it out for a team to extend.
//!
//! Never a silent pass: a descriptor conform does not understand, or a field type or keyword it
//! does not know, stops with a diagnostic pointing at it; a keyword it knows but cannot check
//! exactly becomes a note that names what is not checked, shown in every report.
//! Sources: the Table Schema and Data Package specifications, v1 and v2 (specs.frictionlessdata.io,
//! datapackage.org).

use serde_json::{json, Map, Value};

use super::StandardError;

/// What a descriptor is, from its keys and profile.
pub fn is_table_schema(value: &Value) -> bool {
    value.get("fields").is_some_and(Value::is_array) || profile_says(value, "tableschema")
}

pub fn is_data_package(value: &Value) -> bool {
    value.get("resources").is_some_and(Value::is_array) || profile_says(value, "datapackage")
}

fn profile_says(value: &Value, what: &str) -> bool {
    ["$schema", "profile"].iter().any(|key| {
        value
            .get(*key)
            .and_then(Value::as_str)
            // The profile's own name: the last part of a URL (`.../2.0/tableschema.json`).
            .and_then(|p| p.rsplit('/').next())
            .is_some_and(|p| p.to_ascii_lowercase().replace('-', "").contains(what))
    })
}

/// A translated descriptor: the conform standard, the notes on what it cannot check, and for a
/// Data Package the data files of each resource (relative to the descriptor).
pub struct Translated {
    pub standard: Value,
    pub notes: Vec<String>,
    pub resource_paths: Vec<(String, Vec<String>)>,
}

/// Where an error is, for the diagnostic: a pointer into the descriptor.
pub struct Problem {
    pub message: String,
    pub pointer: String,
    pub help: Option<String>,
}

impl Problem {
    fn new(message: impl Into<String>, pointer: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            pointer: pointer.into(),
            help: None,
        }
    }

    fn help(mut self, help: &str) -> Problem {
        self.help = Some(help.into());
        self
    }

    pub fn into_error(self, name: &str, text: &str) -> StandardError {
        let error = StandardError::new(self.message).at_pointer(name, text, &self.pointer);
        match self.help {
            Some(help) => error.help(help),
            None => error,
        }
    }
}

const TABLE_SCHEMA_KEYS: &[&str] = &[
    "$schema",
    "profile",
    "fields",
    "missingValues",
    "primaryKey",
    "foreignKeys",
    "uniqueKeys",
    "fieldsMatch",
    "name",
    "title",
    "description",
    "homepage",
    "version",
    "$comment",
];
const FIELD_KEYS: &[&str] = &[
    "name",
    "type",
    "format",
    "title",
    "description",
    "example",
    "examples",
    "constraints",
    "rdfType",
    "trueValues",
    "falseValues",
    "decimalChar",
    "groupChar",
    "bareNumber",
    "missingValues",
    "categories",
    "categoriesOrdered",
    "delimiter",
    "itemType",
    "$comment",
];
const CONSTRAINT_KEYS: &[&str] = &[
    "required",
    "unique",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
    "enum",
    "jsonSchema",
];

/// Translates a Table Schema into a one-table standard named `id`.
pub fn table_schema(schema: &Value, id: &str) -> Result<Translated, Problem> {
    let mut notes = Vec::new();
    let table = table(schema, id, "", &mut notes)?;
    let title = schema.get("title").and_then(Value::as_str).unwrap_or(id);
    let mut tables = Map::new();
    tables.insert(id.to_string(), table);
    Ok(Translated {
        standard: json!({
            "conform": 1,
            "id": id,
            "version": schema.get("version").and_then(Value::as_str).unwrap_or("0"),
            "title": title,
            "tables": tables,
        }),
        notes,
        resource_paths: Vec::new(),
    })
}

/// Translates a Data Package: each tabular resource with an inline schema is a table, and the
/// foreign keys between resources are references between tables.
pub fn data_package(
    package: &Value,
    id: &str,
    read: &dyn Fn(&str) -> Result<Value, String>,
) -> Result<Translated, Problem> {
    let mut notes = Vec::new();
    let mut tables = Map::new();
    let mut resource_paths = Vec::new();
    let resources = package
        .get("resources")
        .and_then(Value::as_array)
        .ok_or_else(|| Problem::new("the data package has no \"resources\" list", ""))?;
    for (n, resource) in resources.iter().enumerate() {
        let at = format!("/resources/{n}");
        let name = resource
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| Problem::new("a resource has no \"name\"", &at))?;
        let schema = match resource.get("schema") {
            Some(Value::Object(_)) => resource["schema"].clone(),
            Some(Value::String(path)) => read(path).map_err(|e| {
                Problem::new(format!("resource `{name}`: {e}"), format!("{at}/schema"))
            })?,
            _ => {
                notes.push(format!(
                    "resource `{name}` has no table schema: its files are not checked"
                ));
                continue;
            }
        };
        let table = table(&schema, name, &format!("{at}/schema"), &mut notes)?;
        tables.insert(name.to_string(), table);
        let paths = match resource.get("path") {
            Some(Value::String(p)) => vec![p.clone()],
            Some(Value::Array(ps)) => ps
                .iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect(),
            _ => Vec::new(),
        };
        resource_paths.push((name.to_string(), paths));
    }
    if tables.is_empty() {
        return Err(Problem::new(
            "no resource of the data package has a table schema, so there is nothing to check",
            "/resources",
        ));
    }
    Ok(Translated {
        standard: json!({
            "conform": 1,
            "id": package.get("name").and_then(Value::as_str).unwrap_or(id),
            "version": package.get("version").and_then(Value::as_str).unwrap_or("0"),
            "title": package.get("title").and_then(Value::as_str).unwrap_or(id),
            "tables": tables,
        }),
        notes,
        resource_paths,
    })
}

/// One Table Schema as a conform table.
fn table(schema: &Value, name: &str, at: &str, notes: &mut Vec<String>) -> Result<Value, Problem> {
    let descriptor = schema
        .as_object()
        .ok_or_else(|| Problem::new("a table schema must be an object", at))?;
    for key in descriptor.keys() {
        if !TABLE_SCHEMA_KEYS.contains(&key.as_str()) {
            return Err(Problem::new(
                format!("the table schema has the key \"{key}\", which conform does not know"),
                format!("{at}/{}", crate::json_pointer::escape(key)),
            )
            .help("conform reads Table Schema v1 and v2; remove the key, or check its spelling"));
        }
    }
    let fields = descriptor
        .get("fields")
        .and_then(Value::as_array)
        .ok_or_else(|| Problem::new("the table schema has no \"fields\" list", at))?;
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut columns = Map::new();
    for (n, field) in fields.iter().enumerate() {
        let at = format!("{at}/fields/{n}");
        let name = field_name(field, &at)?;
        let translated = self::field(field, field_name(field, &at)?, &at, notes)?;
        if translated.required {
            required.push(Value::String(name.to_string()));
        }
        if translated.unique {
            columns.insert(name.to_string(), json!({ "unique": true }));
        }
        properties.insert(name.to_string(), translated.schema);
    }
    let mut table = Map::new();
    table.insert(
        "schema".into(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": properties,
            "required": required,
        }),
    );
    table.insert(
        "header".into(),
        header(descriptor.get("fieldsMatch"), &format!("{at}/fieldsMatch"))?,
    );
    table.insert(
        "missingValues".into(),
        missing_values(descriptor.get("missingValues")),
    );
    if !columns.is_empty() {
        table.insert("columns".into(), Value::Object(columns));
    }
    if let Some(key) = descriptor.get("primaryKey") {
        table.insert("primaryKey".into(), names(key));
    }
    if let Some(keys) = descriptor.get("uniqueKeys").and_then(Value::as_array) {
        table.insert(
            "uniqueKeys".into(),
            Value::Array(keys.iter().map(names).collect()),
        );
    }
    if let Some(keys) = descriptor.get("foreignKeys").and_then(Value::as_array) {
        table.insert(
            "foreignKeys".into(),
            foreign_keys(keys, name, &format!("{at}/foreignKeys"))?,
        );
    }
    table.insert("rows".into(), json!({ "min": 0 }));
    for key in ["title", "description"] {
        if let Some(v) = descriptor.get(key) {
            table.insert(key.into(), v.clone());
        }
    }
    Ok(Value::Object(table))
}

/// `missingValues`: strings, or (v2) objects with a `value`.
fn missing_values(value: Option<&Value>) -> Value {
    let Some(Value::Array(items)) = value else {
        return json!([""]);
    };
    Value::Array(
        items
            .iter()
            .filter_map(|v| match v {
                Value::String(_) => Some(v.clone()),
                Value::Object(o) => o.get("value").cloned(),
                _ => None,
            })
            .collect(),
    )
}

/// A field name or a list of them, as a list.
fn names(value: &Value) -> Value {
    match value {
        Value::String(s) => json!([s]),
        other => other.clone(),
    }
}

/// `fieldsMatch` (v2; v1 means `exact`): how the header must match the fields.
fn header(fields_match: Option<&Value>, at: &str) -> Result<Value, Problem> {
    // Table Schema v2: exact (v1's rule) = the fields, in order, and no others; equal = the
    // fields in any order; subset = every field, and others may follow; superset = only fields
    // of the schema, some may be absent; partial = at least one of them.
    let (order, extra, columns) = match fields_match.and_then(Value::as_str).unwrap_or("exact") {
        "exact" => ("strict", "error", "all"),
        "equal" => ("any", "error", "all"),
        "subset" => ("any", "off", "all"),
        "superset" => ("any", "error", "required"),
        "partial" => ("any", "off", "required"),
        other => {
            return Err(Problem::new(
                format!(
                    "fieldsMatch \"{other}\" is not one of exact, equal, subset, superset, partial"
                ),
                at,
            ))
        }
    };
    Ok(json!({ "match": "exact", "order": order, "extra": extra, "columns": columns }))
}

fn field_name<'v>(field: &'v Value, at: &str) -> Result<&'v str, Problem> {
    field
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| Problem::new("a field has no \"name\"", at))
}

/// Foreign keys; a reference to resource `""` (or none, in v2) is to the table itself.
fn foreign_keys(keys: &[Value], own: &str, at: &str) -> Result<Value, Problem> {
    let mut out = Vec::new();
    for (n, key) in keys.iter().enumerate() {
        let at = format!("{at}/{n}");
        let fields = names(
            key.get("fields")
                .ok_or_else(|| Problem::new("a foreign key has no \"fields\"", &at))?,
        );
        let reference = key
            .get("reference")
            .ok_or_else(|| Problem::new("a foreign key has no \"reference\"", &at))?;
        let table = match reference.get("resource").and_then(Value::as_str) {
            None | Some("") => own,
            Some(other) => other,
        };
        let reference_fields = names(reference.get("fields").unwrap_or(&fields));
        out.push(json!({
            "columns": fields,
            "reference": { "table": table, "columns": reference_fields },
        }));
    }
    Ok(Value::Array(out))
}

struct Field {
    schema: Value,
    required: bool,
    unique: bool,
}

/// One field as a JSON Schema property.
fn field(field: &Value, name: &str, at: &str, notes: &mut Vec<String>) -> Result<Field, Problem> {
    let object = field
        .as_object()
        .ok_or_else(|| Problem::new("a field must be an object", at))?;
    known_keys(
        object,
        FIELD_KEYS,
        &format!("field `{name}` has the key"),
        at,
    )?;
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("string");
    let format = object
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or("default");
    let mut schema = typed(object, kind, format, name, at, notes)?;
    if object.contains_key("missingValues") {
        notes.push(format!(
            "field `{name}`: its own missingValues are not applied (the table's are)"
        ));
    }
    if let Some(categories) = object.get("categories").and_then(Value::as_array) {
        schema["type"] = json!("string");
        schema["enum"] = categories_enum(categories);
    }
    let constraints = object
        .get("constraints")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let constraints_at = format!("{at}/constraints");
    let what = format!("field `{name}` has the constraint");
    known_keys(&constraints, CONSTRAINT_KEYS, &what, &constraints_at)?;
    for (key, value) in &constraints {
        let field = FieldContext {
            object,
            kind,
            name,
            at,
        };
        constrain(&mut schema, key, value, &field, notes)?;
    }
    let flag = |key: &str| {
        constraints
            .get(key)
            .and_then(Value::as_bool)
            .unwrap_or(false)
    };
    Ok(Field {
        schema,
        required: flag("required"),
        unique: flag("unique"),
    })
}

/// Stops at the first key not in `known`, pointing at it.
fn known_keys(
    object: &Map<String, Value>,
    known: &[&str],
    what: &str,
    at: &str,
) -> Result<(), Problem> {
    match object.keys().find(|k| !known.contains(&k.as_str())) {
        Some(key) => {
            let guess = crate::suggest::closest(key, known.iter().copied());
            let problem = Problem::new(
                format!("{what} \"{key}\", which conform does not know"),
                format!("{at}/{}", crate::json_pointer::escape(key)),
            );
            Err(match guess {
                Some(guess) => problem.help(&format!("did you mean \"{guess}\"?")),
                None => problem,
            })
        }
        None => Ok(()),
    }
}

/// v2 `categories`: values, or objects with a `value` (and a label), as allowed strings.
fn categories_enum(categories: &[Value]) -> Value {
    Value::Array(
        categories
            .iter()
            .filter_map(|c| match c {
                Value::Object(o) => o.get("value").cloned(),
                other => Some(other.clone()),
            })
            .map(|v| match v {
                Value::String(_) => v,
                other => Value::String(other.to_string()),
            })
            .collect(),
    )
}

/// The field a constraint belongs to.
struct FieldContext<'a> {
    object: &'a Map<String, Value>,
    kind: &'a str,
    name: &'a str,
    at: &'a str,
}

/// Applies one constraint to a field's schema, or notes that it is not checked.
fn constrain(
    schema: &mut Value,
    key: &str,
    value: &Value,
    field: &FieldContext<'_>,
    notes: &mut Vec<String>,
) -> Result<(), Problem> {
    let name = field.name;
    let numeric = schema
        .get("type")
        .is_some_and(|t| t == "number" || t == "integer");
    match key {
        "minLength" | "maxLength" => schema[key] = value.clone(),
        "pattern" => {
            let pattern = value.as_str().ok_or_else(|| {
                Problem::new("a pattern must be a string", format!("{}/constraints/pattern", field.at))
            })?;
            // Table Schema patterns match the whole value (XML Schema semantics).
            let anchored = format!("^(?:{pattern})$");
            match schema.get("pattern").and_then(Value::as_str).map(String::from) {
                // The type already has a pattern (a year, a geopoint): both must hold.
                Some(existing) => {
                    if let Some(o) = schema.as_object_mut() {
                        o.remove("pattern");
                    }
                    merge(schema, json!({ "allOf": [{ "pattern": existing }, { "pattern": anchored }] }));
                }
                None => schema["pattern"] = Value::String(anchored),
            }
        }
        "enum" if field.kind == "boolean" => schema["enum"] = boolean_enum(value, field.object),
        "enum" => schema["enum"] = value.clone(),
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" if numeric && value.is_number() => {
            schema[key] = value.clone();
        }
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => {
            let why = if matches!(field.kind, "number" | "integer") {
                "its numbers are written in a form conform checks as text"
            } else {
                "conform checks bounds of numbers only"
            };
            notes.push(format!(
                "field `{name}`: the constraint {key} {value} is not checked ({why})"
            ));
        }
        "jsonSchema" => notes.push(format!(
            "field `{name}`: its jsonSchema constraint is not checked (the cell is text, not a JSON value)"
        )),
        _ => {}
    }
    Ok(())
}

/// A boolean field's `enum` of typed values (`[true]`): the strings written for them.
fn boolean_enum(value: &Value, object: &Map<String, Value>) -> Value {
    let wanted: Vec<bool> = value
        .as_array()
        .map(|v| v.iter().filter_map(Value::as_bool).collect())
        .unwrap_or_default();
    let words = |key: &str, default: &[&str]| -> Vec<Value> {
        object
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_else(|| default.iter().map(|s| json!(s)).collect())
    };
    let mut allowed = Vec::new();
    if wanted.contains(&true) {
        allowed.extend(words("trueValues", &["true", "True", "TRUE", "1"]));
    }
    if wanted.contains(&false) {
        allowed.extend(words("falseValues", &["false", "False", "FALSE", "0"]));
    }
    Value::Array(allowed)
}

fn merge(schema: &mut Value, extra: Value) {
    if let (Some(target), Value::Object(extra)) = (schema.as_object_mut(), extra) {
        for (k, v) in extra {
            target.insert(k, v);
        }
    }
}

/// The JSON Schema of a field's type and format.
fn typed(
    field: &Map<String, Value>,
    kind: &str,
    format: &str,
    name: &str,
    at: &str,
    notes: &mut Vec<String>,
) -> Result<Value, Problem> {
    let unknown_format = || {
        Problem::new(
            format!("field `{name}`: format \"{format}\" is not a format of type {kind}"),
            format!("{at}/format"),
        )
    };
    let mut schema = match kind {
        "string" => match format {
            "default" => json!({ "type": "string" }),
            "email" => json!({ "type": "string", "format": "email" }),
            "uri" => json!({ "type": "string", "format": "uri" }),
            "uuid" => json!({ "type": "string", "format": "uuid" }),
            "binary" => json!({ "type": "string", "pattern": "^[A-Za-z0-9+/]*={0,2}$" }),
            other if other.starts_with("wkt") => json!({ "type": "string" }),
            _ => return Err(unknown_format()),
        },
        "number" | "integer" => number(field, kind, name, notes),
        "boolean" => {
            let list = |key: &str, default: &[&str]| -> Vec<Value> {
                field
                    .get(key)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_else(|| default.iter().map(|s| json!(s)).collect())
            };
            let mut values = list("trueValues", &["true", "True", "TRUE", "1"]);
            values.extend(list("falseValues", &["false", "False", "FALSE", "0"]));
            json!({ "type": "string", "enum": values })
        }
        "date" => match format {
            "default" => json!({ "type": "string", "format": "date" }),
            "any" => {
                notes.push(format!(
                    "field `{name}`: dates in any format are not checked"
                ));
                json!({ "type": "string" })
            }
            "%d/%m/%Y" => json!({ "type": "string", "format": "uk-date" }),
            pattern => json!({ "type": "string", "pattern": strftime(pattern, name, at, notes)? }),
        },
        "datetime" => match format {
            "default" => json!({ "type": "string", "format": "date-time" }),
            "any" => {
                notes.push(format!(
                    "field `{name}`: date-times in any format are not checked"
                ));
                json!({ "type": "string" })
            }
            pattern => json!({ "type": "string", "pattern": strftime(pattern, name, at, notes)? }),
        },
        "time" => match format {
            "default" => json!({ "type": "string", "format": "time" }),
            "any" => json!({ "type": "string" }),
            pattern => json!({ "type": "string", "pattern": strftime(pattern, name, at, notes)? }),
        },
        "year" => json!({ "type": "string", "pattern": "^-?[0-9]{4}$" }),
        "yearmonth" => json!({ "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" }),
        "duration" => {
            json!({ "type": "string", "pattern": "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?$" })
        }
        "geopoint" => {
            let n = "-?[0-9]+(\\.[0-9]+)?";
            let pattern = match format {
                "default" => format!("^{n}, ?{n}$"),
                "array" => format!("^\\[ *{n} *, *{n} *\\]$"),
                "object" => "^\\{.*\"lon\".*\"lat\".*\\}$|^\\{.*\"lat\".*\"lon\".*\\}$".to_string(),
                _ => return Err(unknown_format()),
            };
            json!({ "type": "string", "pattern": pattern })
        }
        "geojson" => json!({ "type": "string", "format": "geojson" }),
        "object" => json!({ "type": "string", "format": "json-object" }),
        "array" => json!({ "type": "string", "format": "json-array" }),
        "list" => {
            notes.push(format!(
                "field `{name}`: the items of a list are not checked one by one"
            ));
            json!({ "type": "string" })
        }
        "any" => json!({}),
        other => {
            const TYPES: &[&str] = &[
                "string",
                "number",
                "integer",
                "boolean",
                "object",
                "array",
                "list",
                "date",
                "time",
                "datetime",
                "year",
                "yearmonth",
                "duration",
                "geopoint",
                "geojson",
                "any",
            ];
            let help = match crate::suggest::closest(other, TYPES.iter().copied()) {
                Some(guess) => format!("did you mean \"{guess}\"?"),
                None => format!("the types are {}", TYPES.join(", ")),
            };
            return Err(Problem::new(
                format!("field `{name}` has type \"{other}\", which Table Schema does not define"),
                format!("{at}/type"),
            )
            .help(&help));
        }
    };
    for key in ["title", "description"] {
        if let Some(v) = field.get(key) {
            schema[key] = v.clone();
        }
    }
    if let Some(example) = field.get("example") {
        schema["examples"] = json!([example]);
    }
    Ok(schema)
}

/// A number or integer field: plain JSON numbers by default; with another decimal mark, group
/// separators or currency around it (`bareNumber: false`), a pattern, and its bounds noted as
/// unchecked.
fn number(field: &Map<String, Value>, kind: &str, name: &str, notes: &mut Vec<String>) -> Value {
    let decimal = field
        .get("decimalChar")
        .and_then(Value::as_str)
        .unwrap_or(".");
    let group = field.get("groupChar").and_then(Value::as_str);
    let bare = field
        .get("bareNumber")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    if decimal == "." && group.is_none() && bare {
        return json!({ "type": kind });
    }
    let escape = |s: &str| regex_syntax_escape(s);
    let digits = match group {
        Some(g) => format!("[0-9]{{1,3}}({}[0-9]{{3}})*|[0-9]+", escape(g)),
        None => "[0-9]+".to_string(),
    };
    let fraction = if kind == "integer" {
        String::new()
    } else {
        format!("({}[0-9]+)?", escape(decimal))
    };
    let affix = if bare { "" } else { "[^0-9]*" };
    notes.push(format!(
        "field `{name}`: numbers written with {} are checked for their form only",
        [
            (decimal != ".").then(|| format!("the decimal mark `{decimal}`")),
            group.map(|g| format!("the group mark `{g}`")),
            (!bare).then(|| "text around them".to_string())
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" and ")
    ));
    json!({ "type": "string", "pattern": format!("^{affix}-?({digits}){fraction}{affix}$") })
}

fn regex_syntax_escape(text: &str) -> String {
    regex::escape(text)
}

/// A strftime pattern (`%d/%m/%Y`) as a regular expression of its shape.
fn strftime(
    pattern: &str,
    name: &str,
    at: &str,
    notes: &mut Vec<String>,
) -> Result<String, Problem> {
    let mut out = String::from("^");
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push_str(&regex_syntax_escape(&c.to_string()));
            continue;
        }
        out.push_str(match chars.next() {
            Some('Y') => "[0-9]{4}",
            Some('y') => "[0-9]{2}",
            Some('m') => "(0[1-9]|1[0-2])",
            Some('d') => "(0[1-9]|[12][0-9]|3[01])",
            Some('H') => "([01][0-9]|2[0-3])",
            Some('M') => "[0-5][0-9]",
            Some('S') => "[0-5][0-9]",
            Some('f') => "[0-9]+",
            Some('z') => "([+-][0-9]{4}|Z)",
            Some('%') => "%",
            Some(other) => {
                return Err(Problem::new(
                    format!(
                        "field `{name}`: the date format code %{other} is not one conform reads"
                    ),
                    format!("{at}/format"),
                )
                .help("conform reads %Y %y %m %d %H %M %S %f %z"))
            }
            None => {
                return Err(Problem::new(
                    format!("field `{name}`: the date format ends with %"),
                    format!("{at}/format"),
                ))
            }
        });
    }
    out.push('$');
    notes.push(format!("field `{name}`: dates in the format {pattern} are checked for their form, not that the day exists"));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_schema_becomes_a_standard() {
        let schema = json!({
            "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
            "fields": [
                {"name": "id", "type": "integer", "constraints": {"required": true, "unique": true}},
                {"name": "code", "type": "string", "constraints": {"pattern": "E[0-9]{8}"}},
                {"name": "amount", "type": "number", "decimalChar": ",", "constraints": {"minimum": 0}},
                {"name": "paid", "type": "date", "format": "%d/%m/%Y"}
            ],
            "primaryKey": "id"
        });
        let t = table_schema(&schema, "spend").ok().expect("translates");
        let table = &t.standard["tables"]["spend"];
        assert_eq!(
            table["schema"]["properties"]["code"]["pattern"],
            "^(?:E[0-9]{8})$"
        );
        assert_eq!(table["schema"]["properties"]["paid"]["format"], "uk-date");
        assert_eq!(table["primaryKey"], json!(["id"]));
        assert_eq!(table["columns"]["id"]["unique"], true);
        assert_eq!(t.notes.len(), 2, "{:?}", t.notes);
        assert!(t.notes[0].contains("decimal mark `,`"));
        assert!(t.notes[1].contains("minimum 0 is not checked"));
    }

    #[test]
    fn keys_to_the_table_itself_and_categories() {
        let schema = json!({
            "fields": [
                {"name": "id"},
                {"name": "parent", "type": "string"},
                {"name": "kind", "type": "string", "categories": [{"value": "a", "label": "A"}, "b"]},
                {"name": "ok", "type": "boolean", "constraints": {"enum": [true]}}
            ],
            "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "id"}}],
            "missingValues": [{"value": "-", "label": "none"}],
            "fieldsMatch": "subset"
        });
        let t = table_schema(&schema, "tree").ok().expect("translates");
        let table = &t.standard["tables"]["tree"];
        assert_eq!(table["foreignKeys"][0]["reference"]["table"], "tree");
        assert_eq!(
            table["schema"]["properties"]["kind"]["enum"],
            json!(["a", "b"])
        );
        assert_eq!(
            table["schema"]["properties"]["ok"]["enum"],
            json!(["true", "True", "TRUE", "1"])
        );
        assert_eq!(table["missingValues"], json!(["-"]));
        assert_eq!(table["header"]["extra"], "off");
        assert_eq!(table["header"]["columns"], "all");
    }

    #[test]
    fn what_is_not_understood_stops_with_a_pointer() {
        let typo = json!({"fields": [{"name": "a", "type": "strng"}]});
        let problem = table_schema(&typo, "t").err().expect("an unknown type");
        assert_eq!(problem.pointer, "/fields/0/type");
        let key = json!({"fields": [{"name": "a", "constraints": {"requird": true}}]});
        assert_eq!(
            table_schema(&key, "t").err().expect("unknown").pointer,
            "/fields/0/constraints/requird"
        );
    }
}

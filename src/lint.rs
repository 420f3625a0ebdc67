//! `conform standards lint FILE`: a standard file checked against the meta-schema in
//! `schemas/standard.schema.json`, then loaded and compiled the way `check` would (patterns compile,
//! code lists load, keys and rules name real columns, row schemas are valid JSON Schema), with a
//! diagnostic that points into the file for each problem. Documentation gaps are warnings.

use serde_json::Value;

use crate::schema::{self, Failure, FailureKind};
use crate::standard::{builtin, Standard, StandardError};

/// What linting found: errors make the standard unusable; warnings are gaps in its documentation.
pub struct Lint {
    pub errors: Vec<StandardError>,
    pub warnings: Vec<StandardError>,
}

/// The standard file's name and text: a path, a folder with a `standard.json`, or a built-in id.
fn source(spec: &str) -> Result<(String, String), StandardError> {
    if let Some(file) = crate::standard::standard_file(spec) {
        return std::fs::read_to_string(&file)
            .map(|text| (file.display().to_string(), text))
            .map_err(|e| StandardError::new(format!("cannot read {}: {e}", file.display())));
    }
    let entry = builtin::entry(spec)?;
    let text = builtin::file(entry.path).unwrap_or_default();
    Ok((format!("builtin:{}", entry.path), text.to_string()))
}

/// The meta-schema, and its validator.
fn meta_schema() -> Result<(Value, schema::Validator), StandardError> {
    let text = builtin::file("standard.schema.json")
        .ok_or_else(|| StandardError::new("the meta-schema is not built in"))?;
    let schema: Value = serde_json::from_str(text)
        .map_err(|e| StandardError::new(format!("the meta-schema is not JSON: {e}")))?;
    let validator = schema::build(&schema).map_err(|e| {
        StandardError::new(format!("the meta-schema does not build: {}", e.message))
    })?;
    Ok((schema, validator))
}

/// A meta-schema error in words a standard's author can act on.
fn describe(error: &Failure<'_>) -> String {
    let at = error.instance_path.clone();
    let place = if at.is_empty() {
        "the standard".to_string()
    } else {
        format!("`{at}`")
    };
    match &error.kind {
        FailureKind::AdditionalProperties(unexpected) => format!(
            "{place} has {} the format does not define: {}",
            if unexpected.len() == 1 {
                "a key"
            } else {
                "keys"
            },
            unexpected
                .iter()
                .map(|k| format!("\"{k}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FailureKind::Required(Some(property)) => {
            format!("{place} lacks the required key \"{property}\"")
        }
        _ => format!("{place}: {}", error.message),
    }
}

/// A meta-schema error as a diagnostic: an unknown key is underlined itself, with the key it
/// probably means.
fn diagnose(error: &Failure<'_>, meta: &Value, name: &str, text: &str) -> StandardError {
    let pointer = error.instance_path.clone();
    let diagnostic = StandardError::new(describe(error));
    if let FailureKind::AdditionalProperties(unexpected) = &error.kind {
        if let (Some(key), Some((start, end))) = (
            unexpected.first(),
            crate::standard::locate::locate(text, &pointer),
        ) {
            let quoted = format!("\"{key}\"");
            if let Some(at) = text[start..end].find(&quoted) {
                // The keys allowed where this one stands, from the meta-schema beside the
                // `additionalProperties` that rejected it.
                let schema_path = error.schema_path.as_str();
                let known: Vec<&str> = schema_path
                    .strip_suffix("/additionalProperties")
                    .and_then(|parent| meta.pointer(&format!("{parent}/properties")))
                    .and_then(Value::as_object)
                    .map(|props| props.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let help = match crate::suggest::closest(key, known.iter().copied()) {
                    Some(guess) => format!("did you mean \"{guess}\"? The keys are listed in SPEC section 3 and schemas/standard.schema.json"),
                    None => "the keys are listed in SPEC section 3 and schemas/standard.schema.json".into(),
                };
                return diagnostic
                    .help(help)
                    .at_span(name, text, start + at, quoted.len());
            }
        }
    }
    diagnostic
        .help("the format is in SPEC section 3 and schemas/standard.schema.json")
        .at_pointer(name, text, &pointer)
}

/// Lints the standard `spec` names.
pub fn lint(spec: &str) -> Lint {
    let mut lint = Lint {
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let (name, text) = match source(spec) {
        Ok(found) => found,
        Err(e) => {
            lint.errors.push(e);
            return lint;
        }
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) => {
            lint.errors.push(
                StandardError::new(crate::standard::not_json(&name, &e)).at_line_column(
                    &name,
                    &text,
                    e.line(),
                    e.column(),
                ),
            );
            return lint;
        }
    };
    // A bare JSON Schema is a standard too; only standard files have the meta-schema to meet (and
    // a licence and source to give).
    let standard_file = value.get("conform").is_some() || value.get("tables").is_some();
    if standard_file {
        match meta_schema() {
            Ok((meta, validator)) => {
                for error in validator.failures(&value) {
                    lint.errors.push(diagnose(&error, &meta, &name, &text));
                }
            }
            Err(e) => lint.errors.push(e),
        }
    }
    if !lint.errors.is_empty() {
        return lint;
    }
    let standard = match Standard::load(spec) {
        Ok(standard) => standard,
        Err(e) => {
            lint.errors.push(e);
            return lint;
        }
    };
    for table in &standard.tables {
        if let Err(e) = crate::compile::compile(table) {
            lint.errors.push(e);
        }
    }
    warn_on_gaps(&standard, standard_file, &name, &text, &mut lint.warnings);
    lint
}

/// Columns nobody has described, and a standard without its licence or source.
fn warn_on_gaps(
    standard: &Standard,
    standard_file: bool,
    name: &str,
    text: &str,
    out: &mut Vec<StandardError>,
) {
    for (key, value) in [("licence", &standard.licence), ("source", &standard.source)] {
        if standard_file && value.is_none() {
            out.push(
                StandardError::new(format!("the standard gives no {key}"))
                    .help(format!("add \"{key}\" so that users know where it comes from and how they may use it"))
                    .at_pointer(name, text, ""),
            );
        }
    }
    for table in &standard.tables {
        let missing: Vec<&str> = table
            .columns
            .iter()
            .filter(|c| c.description().is_none())
            .map(|c| &*c.name)
            .collect();
        let undescribed: Vec<String> = missing.iter().map(|c| format!("`{c}`")).collect();
        if let Some(first) = missing.first() {
            let pointer = format!(
                "{}/properties/{}",
                table.schema_pointer,
                crate::json_pointer::escape(first)
            );
            out.push(
                StandardError::new(format!(
                    "table `{}`: {} of {} columns have no description: {}",
                    table.name,
                    undescribed.len(),
                    table.columns.len(),
                    undescribed.join(", ")
                ))
                .help("a description is what `standards show` and `standards docs` tell the people who fill the column in")
                .at_pointer(&table.schema_name, &table.schema_text, &pointer),
            );
        }
    }
}

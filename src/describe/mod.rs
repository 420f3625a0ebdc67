//! Standards described for people: the catalogue list, one standard's columns, and a CSV template
//! to start a file from.

pub mod page;

use std::fmt::Write as _;

use serde_json::Value;

pub use page::{html, markdown};

use crate::standard::{builtin_standards, Column, Standard, StandardError, Table};

/// Every built-in standard, one a line: id, version, title, publisher, tables.
pub fn list_text() -> Result<String, StandardError> {
    let mut rows = Vec::new();
    for entry in builtin_standards() {
        let standard = Standard::load(&format!("builtin:{}@{}", entry.id, entry.version))?;
        let tables: Vec<&str> = standard.tables.iter().map(|t| t.name.as_str()).collect();
        rows.push([
            standard.id.clone(),
            standard.version.clone(),
            standard.title.clone(),
            standard.publisher.clone().unwrap_or_default(),
            tables.join(", "),
        ]);
    }
    let headers = ["id", "version", "title", "publisher", "tables"];
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count().min(40));
        }
    }
    let mut out = String::new();
    let line = |cells: &[String], out: &mut String| {
        let shown: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let cut: String = if c.chars().count() > 40 {
                    c.chars().take(39).chain(std::iter::once('…')).collect()
                } else {
                    c.clone()
                };
                format!("{cut:<w$}")
            })
            .collect();
        let _ = writeln!(out, "{}", shown.join("  ").trim_end());
    };
    line(&headers.map(String::from), &mut out);
    for row in &rows {
        line(row, &mut out);
    }
    Ok(out)
}

/// The same list as JSON.
pub fn list_json() -> Result<String, StandardError> {
    let mut items = Vec::new();
    for entry in builtin_standards() {
        let standard = Standard::load(&format!("builtin:{}@{}", entry.id, entry.version))?;
        let mut item = catalogue_entry(&standard);
        item["tables"] = standard.tables.iter().map(|t| t.name.clone()).collect();
        items.push(item);
    }
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_default();
    text.push('\n');
    Ok(text)
}

/// A standard as JSON: what the catalogue says of it, and each table's columns, keys and row
/// bounds (the Python package's `conform.standard()` and the API's `/api/v1/standards/{id}`).
pub fn standard_json(standard: &Standard) -> Value {
    let tables: Vec<Value> = standard
        .tables
        .iter()
        .map(|table| {
            let names = |columns: &[usize]| -> Vec<String> {
                columns
                    .iter()
                    .map(|i| table.columns[*i].name.to_string())
                    .collect()
            };
            serde_json::json!({
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "columns": table.columns.iter().map(|c| serde_json::json!({
                    "name": &*c.name,
                    "required": c.required,
                    "unique": c.unique,
                    "aliases": c.aliases,
                })).collect::<Vec<_>>(),
                "primary_key": names(&table.primary_key),
                "unique_keys": table.unique_keys.iter().map(|k| names(k)).collect::<Vec<_>>(),
                "foreign_keys": table.foreign_keys.iter().map(|k| serde_json::json!({
                    "columns": names(&k.columns),
                    "table": k.table,
                    "reference_columns": k.reference_columns,
                })).collect::<Vec<_>>(),
                "missing_values": table.missing_values,
                "row_min": table.row_min,
                "row_max": table.row_max,
            })
        })
        .collect();
    let mut value = catalogue_entry(standard);
    value["tables"] = Value::Array(tables);
    value
}

/// What the catalogue says of a standard: id, version, title, publisher, licence, source.
pub fn catalogue_entry(standard: &Standard) -> Value {
    serde_json::json!({
        "id": standard.id,
        "version": standard.version,
        "title": standard.title,
        "publisher": standard.publisher,
        "licence": standard.licence,
        "source": standard.source,
    })
}

fn plain(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), String::from)
}

/// How much of a column the standard requires.
enum Requirement {
    /// Every row needs a value.
    Value,
    /// The header must have the column, but cells may be blank (a required column whose type
    /// admits null).
    Column,
    None,
}

fn requirement(column: &Column) -> Requirement {
    let nullable = match column.schema.get("type") {
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        Some(Value::String(t)) => t == "null",
        _ => false,
    };
    match (column.required, nullable) {
        (true, false) => Requirement::Value,
        (true, true) => Requirement::Column,
        (false, _) => Requirement::None,
    }
}

/// What a column accepts, in a few words: type, format, pattern, allowed values, bounds.
fn accepts(column: &Column) -> String {
    let schema = &column.schema;
    let mut parts = Vec::new();
    match schema.get("type") {
        Some(Value::String(t)) => parts.push(t.clone()),
        Some(Value::Array(ts)) => parts.push(ts.iter().map(plain).collect::<Vec<_>>().join(" or ")),
        _ => parts.push("text".into()),
    }
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        parts.push(format!("format {format}"));
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        parts.push(format!("pattern {pattern}"));
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        parts.push(format!(
            "one of: {}",
            values.iter().map(plain).collect::<Vec<_>>().join(" | ")
        ));
    }
    for (keyword, words) in [
        ("minimum", "at least"),
        ("maximum", "at most"),
        ("minLength", "min length"),
        ("maxLength", "max length"),
    ] {
        if let Some(limit) = schema.get(keyword) {
            parts.push(format!("{words} {limit}"));
        }
    }
    if let Some(list) = &column.codelist {
        parts.push(format!("code list {}", list.id));
    }
    if column.unique {
        parts.push("unique".into());
    }
    parts.join("; ")
}

/// Wraps `text` to `width` characters a line, each line after the first indented by `indent`
/// (beyond the width); a word longer than a line (a long pattern) is cut where it must be.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let indent_width = indent.chars().count();
    let options = textwrap::Options::new(width + indent_width)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    // A word too long for a line is cut into lines of its own, except a web address: one cut in
    // two can no longer be copied or clicked.
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let address = word.starts_with("https://") || word.starts_with("http://");
        if address || word.chars().count() <= width {
            words.push(word.to_string());
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        words.extend(
            chars
                .chunks(width.max(1))
                .map(|c| c.iter().collect::<String>()),
        );
    }
    let wrapped = textwrap::fill(&words.join(" "), options);
    wrapped.strip_prefix(indent).unwrap_or(&wrapped).to_string()
}

/// One standard's tables and columns, readable in an 80-column terminal.
pub fn show(standard: &Standard) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: {}",
        standard.id, standard.version, standard.title
    );
    for (label, value) in [
        ("publisher", &standard.publisher),
        ("licence", &standard.licence),
        ("source", &standard.source),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "  {label}: {}", wrap(value, 66, "             "));
        }
    }
    if let Some(description) = &standard.description {
        let _ = writeln!(out, "\n{}", wrap(description, 78, ""));
    }
    for table in &standard.tables {
        show_table(&mut out, table);
    }
    out
}

fn show_table(out: &mut String, table: &Table) {
    let title = table
        .title
        .as_deref()
        .map(|t| format!(": {t}"))
        .unwrap_or_default();
    let _ = writeln!(out, "\nTable `{}`{title}", table.name);
    if !table.primary_key.is_empty() {
        let names: Vec<&str> = table
            .primary_key
            .iter()
            .map(|i| &*table.columns[*i].name)
            .collect();
        let _ = writeln!(out, "  primary key: {}", names.join(", "));
    }
    for fk in &table.foreign_keys {
        let names: Vec<&str> = fk
            .columns
            .iter()
            .map(|i| &*table.columns[*i].name)
            .collect();
        let text = format!(
            "{} → table `{}` ({})",
            names.join(", "),
            fk.table,
            fk.reference_columns.join(", ")
        );
        let _ = writeln!(out, "  reference: {}", wrap(&text, 66, "    "));
    }
    for rule in &table.rules {
        let severity = match rule.severity {
            crate::finding::Severity::Error => String::new(),
            other => format!(" ({other})"),
        };
        let lead = format!("  rule {}{severity}:", rule.id);
        let width = lead.chars().count();
        if width <= 40 {
            let _ = writeln!(out, "{lead} {}", wrap(&rule.message, 77 - width, "    "));
        } else {
            let _ = writeln!(out, "{lead}\n    {}", wrap(&rule.message, 74, "    "));
        }
        if let Some(source) = &rule.source {
            let _ = writeln!(out, "    source: {}", wrap(source, 66, "            "));
        }
    }
    for column in &table.columns {
        let needed = match requirement(column) {
            Requirement::Value => "required",
            Requirement::Column => "required column, may be blank",
            Requirement::None => "optional",
        };
        let _ = writeln!(out, "\n  {} ({needed})", column.name);
        let _ = writeln!(
            out,
            "    accepts: {}",
            wrap(&accepts(column), 65, "             ")
        );
        if let Some(description) = column.description() {
            let _ = writeln!(out, "    {}", wrap(description, 74, "    "));
        }
        if let Some(example) = column
            .schema
            .get("examples")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
        {
            let _ = writeln!(
                out,
                "    example: {}",
                wrap(&plain(example), 65, "             ")
            );
        }
        if !column.aliases.is_empty() {
            let _ = writeln!(
                out,
                "    also read from: {}",
                wrap(&column.aliases.join(", "), 58, "                    ")
            );
        }
        for tolerance in &column.tolerate {
            let text = format!(
                "{} (a {}, not an error): {}",
                tolerance.phrase, tolerance.severity, tolerance.why
            );
            let _ = writeln!(
                out,
                "    also takes: {}",
                wrap(&text, 62, "                ")
            );
            if let Some(source) = &tolerance.source {
                let _ = writeln!(out, "      source: {}", wrap(source, 64, "              "));
            }
        }
    }
}

/// A CSV with the table's header row, and with `example` one row of the published examples.
/// A value for the example row: the standard's own first example; else one made from what the
/// column allows (its first allowed value or code; for a column that needs a value or a geometry,
/// its format's example); else, for a column that needs a value, a placeholder of its type.
fn example_value(column: &Column) -> String {
    let schema = &column.schema;
    let first = |key: &str| {
        schema
            .get(key)
            .and_then(Value::as_array)
            .and_then(|values| values.iter().find(|v| !v.is_null()))
            .map(plain)
    };
    if let Some(value) = first("examples").or_else(|| first("enum")) {
        return value;
    }
    if let Some(value) = schema.get("const") {
        return plain(value);
    }
    if let Some(list) = &column.codelist {
        // The smallest code, so that the row is the same on every run.
        if let Some(code) = list.codes.iter().min() {
            return code.to_string();
        }
    }
    let needed = matches!(requirement(column), Requirement::Value);
    let format = schema.get("format").and_then(Value::as_str);
    // An optional column stays empty (filling one can oblige another, as a UPRN obliges its
    // address), except a geometry: planning records need a boundary or a point.
    let geometry = format.is_some_and(|f| f.starts_with("wkt-"));
    if let Some(format) = format.and_then(crate::formats::lookup) {
        if needed || geometry {
            return format.example.to_string();
        }
    }
    if !needed {
        return String::new();
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let bound = ["minimum", "exclusiveMinimum"]
        .iter()
        .find_map(|key| schema.get(*key).and_then(Value::as_f64));
    if types.contains(&"integer") || types.contains(&"number") {
        let least = bound.map_or(1.0, |b| b.max(0.0).floor() + 1.0);
        return format!("{least}");
    }
    if types.contains(&"boolean") {
        return "true".into();
    }
    format!("example {}", column.name)
}

pub fn template(table: &Table, example: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(table.columns.iter().map(|c| c.name.as_bytes()));
    if example {
        let row: Vec<String> = table.columns.iter().map(example_value).collect();
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_lines_short() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        for line in wrap(text, 20, "  ").lines() {
            assert!(line.chars().count() <= 22, "{line}");
        }
    }

    #[test]
    fn long_words_are_cut_but_not_web_addresses() {
        let text = "a ^([a-z][a-z-]*:[A-Za-z0-9-]+|https?://opendatacommunities) b";
        for line in wrap(text, 20, "").lines() {
            assert!(line.chars().count() <= 20, "{line}");
        }
        assert_eq!(
            wrap(text, 20, "").replace(['\n', ' '], ""),
            text.replace(' ', "")
        );
        let address = "see https://www.planning.data.gov.uk/dataset/tree-preservation-zone now";
        assert!(wrap(address, 20, "")
            .lines()
            .any(|l| l == "https://www.planning.data.gov.uk/dataset/tree-preservation-zone"));
    }

    #[test]
    fn show_fits_eighty_columns_and_template_has_the_header() {
        for entry in builtin_standards() {
            let text = show(&Standard::load(&entry.id).expect("built-in"));
            // Only a web address, which cannot be broken, may run past 80 columns.
            for line in text
                .lines()
                .filter(|l| !l.contains("https://") && !l.contains("http://"))
            {
                assert!(line.chars().count() <= 80, "{}: too wide: {line}", entry.id);
            }
        }
        let standard = Standard::load("spend-over-500").expect("built-in");
        let text = show(&standard);
        assert!(text.contains("Net amount (required)"));
        let csv = template(&standard.tables[0], true);
        let mut lines = csv.lines();
        assert!(lines
            .next()
            .is_some_and(|h| h.starts_with("Body name,Body,Organisation code")));
        assert!(lines.next().is_some_and(|r| r.contains("E10000008")));
    }
}

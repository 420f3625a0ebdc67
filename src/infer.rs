//! `conform infer`: a draft standard from sample files. Each sample is read as a check reads it
//! (every format, encoding and title row), with a profile of the forms its values take; the
//! profiles of several files of one dataset are merged, so that more samples widen the draft.
//! Only rules every sample value keeps are proposed, so the samples conform to their draft; each
//! rule says in a `$comment` how many values it was inferred from, for a person to judge it.

use serde_json::{json, Map, Value};

use crate::check::{self, Options};
use crate::compile;
use crate::profile::{ColumnProfile, IdKind, Shapes};
use crate::run::{inputs, RunError, Watcher};
use crate::standard::no_standard;

/// What to draft from.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub paths: Vec<String>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub delimiter: Option<u8>,
    /// The sheet of each workbook (a name, or a number from 1).
    pub sheet: Option<String>,
}

/// A draft standard: the file's text, and a sentence on what was inferred.
pub struct Draft {
    pub text: String,
    pub summary: String,
}

/// A column of the samples, by its header name, with what its values were.
struct SampleColumn {
    name: String,
    profile: ColumnProfile,
    /// Files that have the column (a column some samples lack is not required).
    files: usize,
}

/// Fewest values, and most distinct ones, for a list of allowed values to be proposed.
const ENUM_MIN_VALUES: u64 = 10;
const ENUM_MAX_DISTINCT: usize = 12;

/// Drafts a standard from the request's files.
pub fn infer(request: &Request, watcher: &dyn Watcher) -> Result<Draft, RunError> {
    let files = inputs::collect(&request.paths, watcher)?;
    let none = no_standard()?;
    let table = &none.tables[0];
    let compiled = compile::compile(table)?;
    let options = Options {
        profile: true,
        profile_shapes: true,
        max_findings: Some(10_000),
        encoding: request.encoding,
        delimiter: request.delimiter,
        sheet: request.sheet.clone(),
        ..Options::default()
    };
    let mut columns: Vec<SampleColumn> = Vec::new();
    let mut rows = 0u64;
    let mut names = Vec::new();
    for input in &files {
        let report = check::check_file(input, &none.id, table, &compiled, &options)
            .map_err(|e| RunError::message(format!("cannot read {}: {e}", input.display_name())))?;
        let Some(profile) = report.profile.filter(|_| !report.header.is_empty()) else {
            let why = report
                .findings
                .first()
                .map(|f| f.message.clone())
                .unwrap_or_else(|| "it has no header row".to_string());
            return Err(RunError::message(format!(
                "cannot draft from {}: {why}",
                input.display_name()
            )));
        };
        rows += report.rows;
        names.push(input.display_name());
        for (name, column) in report.header.iter().zip(profile.columns) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            // Columns of several files are one when their names match as headers do (`Expense
            // Code` and `Expense code`); the first file's name is kept.
            let key = crate::suggest::fold(name).replace(' ', "");
            match columns
                .iter_mut()
                .find(|c| crate::suggest::fold(&c.name).replace(' ', "") == key)
            {
                Some(known) => {
                    known.profile.merge(&column);
                    known.files += 1;
                }
                None => columns.push(SampleColumn {
                    name: name.to_string(),
                    profile: column,
                    files: 1,
                }),
            }
        }
    }
    Ok(draft(&columns, rows, &names, files.len()))
}

/// The standard's id and table name: the first file's name in lower case and hyphens.
fn slug(file: &str) -> String {
    let name = file.rsplit(['/', '\\', '!']).next().unwrap_or(file);
    let stem = name.split('.').next().unwrap_or(name);
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "draft".to_string()
    } else {
        slug
    }
}

fn draft(columns: &[SampleColumn], rows: u64, names: &[String], files: usize) -> Draft {
    let id = slug(names.first().map(String::as_str).unwrap_or("draft"));
    let mut properties = Vec::new();
    let mut required = Vec::new();
    let mut counts = Counts::default();
    for column in columns {
        let (rule, is_required) = column_rule(column, rows, files, &mut counts);
        if is_required {
            required.push(column.name.clone());
        }
        properties.push((column.name.clone(), rule));
    }
    let key = primary_key(columns, rows, files);
    let from = format!(
        "{} {} of {}",
        crate::finding::thousands(rows),
        if rows == 1 { "row" } else { "rows" },
        names.join(", ")
    );
    let placeholders: std::collections::BTreeSet<&String> = columns
        .iter()
        .filter_map(|c| c.profile.shapes.as_ref())
        .flat_map(|s| s.placeholders.keys())
        .collect();
    let mut table = Map::new();
    table.insert(
        "title".into(),
        json!(format!("TODO: what one row of {id} is")),
    );
    table.insert(
        "description".into(),
        json!(format!("TODO: describe the table for the people who publish it. Drafted by `conform infer` from {from}.")),
    );
    table.insert(
        "header".into(),
        json!({"match": "normalised", "order": "any", "extra": "warning"}),
    );
    if !placeholders.is_empty() {
        // Words the samples write for "no value" are no value, not values of another form.
        let mut missing = vec![String::new()];
        missing.extend(placeholders.iter().map(|p| p.to_string()));
        table.insert("missingValues".into(), json!(missing));
    }
    if let Some((key, comment)) = &key {
        table.insert("primaryKey".into(), json!([key]));
        table.insert("$comment".into(), json!(comment));
    }
    table.insert(
        "schema".into(),
        json!({"type": "object", "required": required, "properties": "@@PROPERTIES@@"}),
    );
    let standard = json!({
        "conform": 1,
        "id": id,
        "version": "0.1-draft",
        "title": format!("TODO: a title for {id}"),
        "publisher": "TODO: who publishes the standard",
        "licence": "TODO: the licence of the standard, e.g. OGL-UK-3.0",
        "source": "https://TODO.invalid/where-the-standard-is-published",
        "description": format!("TODO: what this data is, who publishes it and why. Drafted by `conform infer` from {from}: each rule says in its $comment how many values it was inferred from; check each before publishing."),
        "tables": { id.clone(): Value::Object(table) },
    });
    let text = render(&standard, &properties);
    let summary = format!(
        "drafted {} columns from {from}: {} required, {} with a format, {} with a list of allowed values, {} numeric{}; titles and descriptions are left as TODO",
        columns.len(),
        required.len(),
        counts.formats,
        counts.enums,
        counts.numeric,
        key.map(|(k, _)| format!(", key `{k}`")).unwrap_or_default(),
    );
    Draft { text, summary }
}

#[derive(Default)]
struct Counts {
    formats: usize,
    enums: usize,
    numeric: usize,
}

/// The standard as text: pretty, with each column's rule on one line so that the draft reads
/// column by column, in the file's order.
fn render(standard: &Value, properties: &[(String, Value)]) -> String {
    let pretty = serde_json::to_string_pretty(standard).unwrap_or_default();
    let Some(at) = pretty.find("\"@@PROPERTIES@@\"") else {
        return pretty;
    };
    let line_start = pretty[..at].rfind('\n').map_or(0, |n| n + 1);
    let indent: String = pretty[line_start..]
        .chars()
        .take_while(|c| *c == ' ')
        .collect();
    let inner = format!("{indent}  ");
    let lines: Vec<String> = properties
        .iter()
        .map(|(name, rule)| {
            format!(
                "{inner}{}: {}",
                Value::String(name.clone()),
                serde_json::to_string(rule).unwrap_or_default()
            )
        })
        .collect();
    let block = if lines.is_empty() {
        "{}".to_string()
    } else {
        format!("{{\n{}\n{indent}}}", lines.join(",\n"))
    };
    let mut text = pretty.replacen("\"@@PROPERTIES@@\"", &block, 1);
    text.push('\n');
    text
}

/// The format a standard writes for an identifier.
fn format_of(kind: IdKind) -> &'static str {
    match kind {
        IdKind::Uprn => "uprn",
        IdKind::Usrn => "usrn",
        IdKind::Postcode => "uk-postcode",
        IdKind::GssCode => "gss-code",
        IdKind::CompanyNumber => "company-number",
        IdKind::CharityNumber => "charity-number",
        IdKind::OrgId => "org-id",
    }
}

/// One column's rule, and whether it is required. Only what every sample value keeps is a rule.
fn column_rule(
    column: &SampleColumn,
    rows: u64,
    files: usize,
    counts: &mut Counts,
) -> (Value, bool) {
    let p = &column.profile;
    let empty = Shapes::default();
    let shapes = p.shapes.as_deref().unwrap_or(&empty);
    let placeholders: u64 = shapes.placeholders.values().sum();
    // Cells that say "no value" are not values to infer from.
    let n = p.filled - placeholders.min(p.filled);
    let values = match n {
        1 => "1 value".to_string(),
        n => format!("{} values", crate::finding::thousands(n)),
    };
    let all = if n == 1 {
        "the one value is"
    } else {
        "all values are"
    };
    let mut rule = Map::new();
    rule.insert("type".into(), json!("string"));
    rule.insert(
        "description".into(),
        json!("TODO: what this column holds, for the people who fill it in"),
    );
    let mut said = Vec::new();
    if placeholders > 0 {
        let words: Vec<String> = shapes
            .placeholders
            .keys()
            .map(|w| format!("`{w}`"))
            .collect();
        said.push(format!(
            "{} {} no value ({}), read as empty",
            crate::finding::thousands(placeholders),
            if placeholders == 1 {
                "cell says"
            } else {
                "cells say"
            },
            words.join(", ")
        ));
    }
    if n == 0 {
        said.push(format!(
            "empty in all {} sample rows: nothing to infer",
            crate::finding::thousands(rows)
        ));
    } else if let Some((format, what)) = value_format(column, shapes, n) {
        rule.insert("format".into(), json!(format));
        said.push(format!("{all} {what}"));
        counts.formats += 1;
    } else if p.scientific > 0 {
        // Long numbers a spreadsheet rounded: no rule can tell what they were.
        said.push(format!(
            "{} written by a spreadsheet as 1.0E+11 (digits lost): no type inferred",
            crate::finding::thousands(p.scientific)
        ));
        add_length(&mut rule, shapes, n, &mut said);
    } else if shapes.zero_padded > 0 && shapes.integers == n {
        rule.insert("pattern".into(), json!("^[0-9]+$"));
        said.push(format!(
            "{all} digits, some with leading zeros (`0123`): codes, kept as text"
        ));
        add_length(&mut rule, shapes, n, &mut said);
    } else if shapes.integers == n {
        rule.insert("type".into(), json!("integer"));
        said.push(format!("{all} whole numbers"));
        add_range(&mut rule, shapes, &mut said, true);
        counts.numeric += 1;
    } else if shapes.numbers == n && shapes.zero_padded == 0 {
        rule.insert("type".into(), json!("number"));
        said.push(format!("{all} numbers"));
        add_range(&mut rule, shapes, &mut said, false);
        counts.numeric += 1;
    } else if let Some(distinct) = shapes
        .distinct
        .as_ref()
        .filter(|d| n >= ENUM_MIN_VALUES && d.len() <= ENUM_MAX_DISTINCT && n >= 3 * d.len() as u64)
    {
        let allowed: Vec<&String> = distinct.keys().collect();
        rule.insert("enum".into(), json!(allowed));
        said.push(if distinct.len() == 1 {
            format!("only this value occurs in {values}: is it the only one allowed?")
        } else {
            format!(
                "only these {} values occur in {values}: is the list complete?",
                distinct.len()
            )
        });
        counts.enums += 1;
    } else {
        add_length(&mut rule, shapes, n, &mut said);
    }
    let is_required = n > 0 && n == rows && column.files == files;
    if is_required && rows < 5 {
        said.push(format!(
            "never empty in only {} sample {}: is it required?",
            rows,
            if rows == 1 { "row" } else { "rows" }
        ));
    }
    if is_required {
        said.push("never empty".to_string());
    }
    rule.insert(
        "$comment".into(),
        json!(format!("inferred from {values}: {}", said.join("; "))),
    );
    (Value::Object(rule), is_required)
}

/// A format every value has: a date form, an identifier (by content, or by content and the
/// column's name for bare numbers), WKT, an email address or a URL.
fn value_format(
    column: &SampleColumn,
    shapes: &Shapes,
    n: u64,
) -> Option<(&'static str, &'static str)> {
    if shapes.iso_dates == n {
        return Some(("date", "ISO dates (YYYY-MM-DD)"));
    }
    if shapes.uk_dates == n {
        return Some(("uk-date", "UK dates (dd/mm/yyyy)"));
    }
    if shapes.date_times == n {
        return Some(("date-time", "ISO dates with a time"));
    }
    for kind in IdKind::ALL {
        if column.profile.count(kind) == n
            && (kind.shows_by_content() || kind.named_in(&column.name))
        {
            let what = match kind {
                IdKind::Uprn => "UPRNs",
                IdKind::Usrn => "USRNs",
                IdKind::Postcode => "UK postcodes",
                IdKind::GssCode => "GSS codes",
                IdKind::CompanyNumber => "company numbers",
                IdKind::CharityNumber => "charity numbers",
                IdKind::OrgId => "org-id identifiers",
            };
            return Some((format_of(kind), what));
        }
    }
    if shapes.wkt_points == n {
        return Some(("wkt-point", "WKT points"));
    }
    if shapes.wkt_areas == n {
        return Some(("wkt-multipolygon", "WKT polygons"));
    }
    if shapes.json_arrays == n {
        return Some(("json-array", "JSON arrays"));
    }
    if shapes.json_objects == n {
        return Some(("json-object", "JSON objects"));
    }
    if shapes.emails == n {
        return Some(("email", "email addresses"));
    }
    if shapes.uris == n {
        return Some(("uri", "web addresses"));
    }
    None
}

/// A floor of 0 when no whole number is negative (amounts with decimals get none: a refund or a
/// credit note is negative), and a ceiling a hundred times the largest value's order of
/// magnitude (a misplaced decimal point or a stray digit lands above it).
fn add_range(rule: &mut Map<String, Value>, shapes: &Shapes, said: &mut Vec<String>, whole: bool) {
    if let Some(smallest) = shapes.smallest.filter(|s| *s >= 0.0 && whole) {
        rule.insert("minimum".into(), json!(0));
        said.push(format!("none negative (smallest {})", number(smallest)));
    }
    if let Some(largest) = shapes.largest.filter(|l| *l > 0.0) {
        let ceiling = 10f64.powi(largest.log10().floor() as i32 + 2);
        rule.insert("maximum".into(), json!(ceiling as u64));
        said.push(format!(
            "largest {}, so at most {} (100 times its order of magnitude)",
            number(largest),
            number(ceiling)
        ));
    }
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A fixed length when every value has it (a code); else a generous ceiling.
fn add_length(rule: &mut Map<String, Value>, shapes: &Shapes, n: u64, said: &mut Vec<String>) {
    let longest = shapes.longest;
    if shapes.shortest == Some(longest) && n >= 5 && longest <= 20 {
        rule.insert("minLength".into(), json!(longest));
        rule.insert("maxLength".into(), json!(longest));
        said.push(format!("every value is {longest} characters long"));
    } else {
        let ceiling = (longest * 2).max(longest + 20).div_ceil(10) * 10;
        rule.insert("maxLength".into(), json!(ceiling));
        said.push(format!(
            "the longest is {longest} characters, so at most {ceiling}"
        ));
    }
}

/// A column never empty and never repeated, whose name says it identifies the row (`…ID`,
/// `Reference`, `… number`, `Code`); with a note naming the other unique columns.
fn primary_key(columns: &[SampleColumn], rows: u64, files: usize) -> Option<(String, String)> {
    if rows < 2 {
        return None;
    }
    let unique: Vec<&SampleColumn> = columns
        .iter()
        .filter(|c| c.files == files && c.profile.filled == rows)
        .filter(|c| c.profile.shapes.as_ref().is_some_and(|s| !s.repeats))
        .collect();
    let names_a_key = |name: &str| {
        let lower = name.to_lowercase();
        lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "id" | "ref"
                    | "reference"
                    | "number"
                    | "no"
                    | "code"
                    | "key"
                    | "identifier"
                    | "uprn"
            )
        }) || lower.ends_with("id")
    };
    let key = unique.iter().find(|c| names_a_key(&c.name))?;
    let others: Vec<&str> = unique
        .iter()
        .filter(|c| c.name != key.name)
        .map(|c| c.name.as_str())
        .collect();
    let mut comment = format!(
        "`{}` is never empty and never repeated in the {} sample rows, and its name says it identifies a row",
        key.name,
        crate::finding::thousands(rows)
    );
    if !others.is_empty() {
        comment.push_str(&format!(
            "; also unique in the samples: {}",
            others.join(", ")
        ));
    }
    Some((key.name.clone(), comment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_is_named_after_the_first_file() {
        assert_eq!(
            slug("data/Spend Over £500 - April 2025.csv"),
            "spend-over-500-april-2025"
        );
        assert_eq!(slug("archive.zip!grants.json"), "grants");
        assert_eq!(slug("£££.csv"), "draft");
    }
}

//! The inventory written out: for a person (`human`), for a spreadsheet (`csv`, one row a table;
//! `xlsx`, a sheet for each part), for a page (`markdown`) and for programs (`json`, schema
//! `docs/survey-v1.schema.json`).

use std::io::{self, Write};

use super::rollup::percent;
use super::{Survey, TableSurvey};
use crate::finding::thousands;

/// The formats a survey is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurveyFormat {
    Human,
    Csv,
    Json,
    Markdown,
    Xlsx,
}

impl SurveyFormat {
    pub const NAMES: &'static [&'static str] = &["human", "csv", "json", "markdown", "xlsx"];

    pub fn parse(name: &str) -> Option<SurveyFormat> {
        Some(match name {
            "human" => SurveyFormat::Human,
            "csv" => SurveyFormat::Csv,
            "json" => SurveyFormat::Json,
            "markdown" | "md" => SurveyFormat::Markdown,
            "xlsx" => SurveyFormat::Xlsx,
            _ => return None,
        })
    }
}

pub fn write(survey: &Survey, format: SurveyFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        SurveyFormat::Human => human(survey, out),
        SurveyFormat::Csv => csv(survey, out),
        SurveyFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, survey)?;
            writeln!(out)
        }
        SurveyFormat::Markdown => markdown(survey, out),
        SurveyFormat::Xlsx => out.write_all(&super::xlsx::workbook(survey)?),
    }
}

/// `12 KB`, `3.4 MB`: sizes as a file manager shows them.
fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// A column's name on one line: a header cell may hold line breaks (`Size\n(Hectares)`).
fn plain(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plain_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| plain(n))
        .collect::<Vec<_>>()
        .join(", ")
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// The opening line: how much was surveyed.
fn headline(survey: &Survey) -> String {
    let files: std::collections::BTreeSet<&str> =
        survey.tables.iter().map(|t| t.path.as_str()).collect();
    let mut line = format!(
        "Surveyed {} in {}",
        plural(survey.tables.len() as u64, "table", "tables"),
        plural(files.len() as u64, "file", "files")
    );
    if let Some(n) = survey.sample {
        line.push_str(&format!(
            " (a sample: the first {} of each table)",
            plural(n, "row", "rows")
        ));
    }
    let possible = survey
        .tables
        .iter()
        .filter(|t| t.matched.as_ref().is_some_and(|m| !m.confirmed))
        .count();
    if possible > 0 {
        line.push_str(&format!(
            "; {possible} {} a standard too poorly to count as its data",
            if possible == 1 { "fits" } else { "fit" }
        ));
    }
    let unmatched = survey.tables.iter().filter(|t| t.matched.is_none()).count();
    if unmatched > 0 {
        line.push_str(&format!(
            "; {} no built-in standard",
            if unmatched == 1 {
                "1 matches".to_string()
            } else {
                format!("{unmatched} match")
            }
        ));
    }
    line
}

/// The table's shape: `csv, windows-1252, 120 KB, 1,204 rows, 12 columns`.
fn shape(table: &TableSurvey) -> String {
    let mut parts = vec![table.format.clone()];
    parts.extend(table.encoding.clone());
    parts.extend(table.bytes.map(size));
    let rows = plural(table.rows, "row", "rows");
    parts.push(if table.sampled {
        format!("{rows} read (sample)")
    } else {
        rows
    });
    parts.push(plural(table.columns as u64, "column", "columns"));
    parts.join(", ")
}

fn matched_line(table: &TableSurvey) -> String {
    let Some(m) = &table.matched else {
        return "no built-in standard matches its header".to_string();
    };
    if !m.confirmed {
        return format!(
            "may be {} (table {}), but has only {} of its {} columns and {} of the required ones: not counted below (check it with --standard {} if it is)",
            m.standard,
            m.table,
            m.matched,
            m.described,
            percent(m.fit),
            m.standard
        );
    }
    let sureness = match m.sureness.as_str() {
        "by values" => "chosen by its values",
        other => other,
    };
    let mut line = format!(
        "matches {} (table {}, {} of its {} columns, {sureness}",
        m.standard, m.table, m.matched, m.described
    );
    if let Some(r) = &m.runner_up {
        line.push_str(&format!("; next best {}", r.standard));
    }
    line.push(')');
    line
}

fn conformance_line(table: &TableSurvey) -> Option<String> {
    table.matched.as_ref()?;
    let mut line = match (table.conforming_share, table.whole_file.first()) {
        (Some(_), Some(why)) if table.whole_file.len() == 1 => format!("no row conforms: {why}"),
        (Some(_), Some(_)) => format!(
            "no row conforms: {} errors concern the whole file (see below)",
            table.whole_file.len()
        ),
        (Some(share), None) => format!("{} of rows conform", percent(share)),
        (None, _) => "no rows".to_string(),
    };
    if table.errors == 0 {
        line.push_str("; no errors");
    } else {
        let codes: Vec<String> = table
            .errors_by_code
            .iter()
            .map(|(code, n)| format!("{code} {}", thousands(*n)))
            .collect();
        line.push_str(&format!(
            "; {} ({})",
            plural(table.errors, "error", "errors"),
            codes.join(", ")
        ));
    }
    if table.warnings > 0 {
        line.push_str(&format!(
            ", {}",
            plural(table.warnings, "warning", "warnings")
        ));
    }
    Some(line)
}

fn by_content_line(table: &TableSurvey) -> Option<String> {
    let found: Vec<String> = table
        .matched_columns
        .iter()
        .filter(|m| m.how == "by content")
        .map(|m| {
            format!(
                "`{}` holds what `{}` should",
                plain(&m.file_column),
                m.column
            )
        })
        .collect();
    (!found.is_empty()).then(|| {
        format!(
            "found by their values: {} (rename the header to match)",
            found.join(", ")
        )
    })
}

fn dates_line(table: &TableSurvey) -> Option<String> {
    let period = table.period()?;
    Some(format!(
        "dates: {} {} to {}",
        plain(&period.column),
        period.earliest,
        period.latest
    ))
}

/// Required columns the file has but does not always fill, emptiest first.
fn unfilled_line(table: &TableSurvey) -> Option<String> {
    let mut unfilled: Vec<_> = table
        .completeness
        .iter()
        .filter(|c| c.required && c.present && c.filled < table.rows)
        .collect();
    if unfilled.is_empty() {
        return None;
    }
    unfilled.sort_by_key(|c| c.filled);
    const SHOWN: usize = 4;
    let mut said: Vec<String> = unfilled
        .iter()
        .take(SHOWN)
        .map(|c| {
            format!(
                "{} ({} of {} rows)",
                plain(&c.column),
                thousands(c.filled),
                thousands(table.rows)
            )
        })
        .collect();
    if unfilled.len() > SHOWN {
        said.push(format!("{} more", unfilled.len() - SHOWN));
    }
    Some(format!(
        "required but not always filled: {}",
        said.join(", ")
    ))
}

fn identifiers_line(table: &TableSurvey) -> Option<String> {
    if table.identifiers.is_empty() {
        return None;
    }
    let ids: Vec<String> = table
        .identifiers
        .iter()
        .map(|id| {
            let mut said = if id.filled == 0 {
                format!("{} ({}, empty in every row", plain(&id.column), id.label)
            } else if id.filled < table.rows {
                format!(
                    "{} ({}, filled in {} of {} rows, {} of those valid",
                    plain(&id.column),
                    id.label,
                    thousands(id.filled),
                    thousands(table.rows),
                    percent(id.share)
                )
            } else {
                format!(
                    "{} ({}, {} valid",
                    plain(&id.column),
                    id.label,
                    percent(id.share)
                )
            };
            if id.scientific > 0 {
                said.push_str(&format!(
                    "; {} written by a spreadsheet as 1.0E+11, digits lost",
                    thousands(id.scientific)
                ));
            }
            said.push(')');
            said
        })
        .collect();
    Some(format!("identifiers: {}", ids.join(", ")))
}

fn human(survey: &Survey, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}\n", headline(survey))?;
    for table in &survey.tables {
        writeln!(out, "{}", table.place())?;
        if let Some(problem) = &table.problem {
            writeln!(out, "  cannot be read as a table: {problem}\n")?;
            continue;
        }
        writeln!(out, "  {}", shape(table))?;
        writeln!(out, "  {}", matched_line(table))?;
        let lines = [
            conformance_line(table),
            (!table.missing_required.is_empty())
                .then(|| format!("missing required: {}", plain_list(&table.missing_required))),
            by_content_line(table),
            unfilled_line(table),
            (table.matched.is_some() && !table.unknown_columns.is_empty()).then(|| {
                format!(
                    "columns not in the standard: {}",
                    plain_list(&table.unknown_columns)
                )
            }),
            dates_line(table),
            identifiers_line(table),
        ];
        for line in lines.into_iter().flatten() {
            writeln!(out, "  {line}")?;
        }
        writeln!(out)?;
    }
    if !survey.standards.is_empty() {
        writeln!(out, "By standard")?;
        for rollup in &survey.standards {
            writeln!(out, "  {}", rollup.summary)?;
        }
        writeln!(out)?;
    }
    if !survey.fixes.is_empty() {
        writeln!(out, "Fixes that would make the most rows conform")?;
        for (n, fix) in survey.fixes.iter().enumerate() {
            writeln!(out, "  {}. {}", n + 1, fix.summary)?;
            writeln!(out, "     {}", fix.help)?;
        }
        writeln!(out)?;
    }
    if !survey.skipped.is_empty() {
        writeln!(
            out,
            "Skipped {}",
            plural(survey.skipped.len() as u64, "file", "files")
        )?;
        for skipped in &survey.skipped {
            writeln!(out, "  {}: {}", skipped.path, skipped.reason)?;
        }
    }
    Ok(())
}

/// A cell of the one-row-a-table listing: CSV writes it as text, a workbook as its type.
pub(super) enum Cell {
    Text(String),
    Number(f64),
    /// A share from 0 to 1 (a percentage in a workbook).
    Share(f64),
    Empty,
}

impl Cell {
    fn text(self) -> String {
        match self {
            Cell::Text(text) => text,
            Cell::Number(n) | Cell::Share(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// The columns of the one-row-a-table listing (CSV, and the workbook's Tables sheet); lists are
/// joined with `; `.
pub(super) const TABLE_COLUMNS: [&str; 26] = [
    "path",
    "sheet",
    "format",
    "encoding",
    "bytes",
    "rows",
    "sampled",
    "columns",
    "standard",
    "version",
    "table",
    "score",
    "matched_columns",
    "described_columns",
    "sureness",
    "runner_up",
    "conforming_share",
    "errors",
    "warnings",
    "errors_by_code",
    "missing_required",
    "missing_optional",
    "unknown_columns",
    "period",
    "identifiers",
    "problem",
];

/// One table's row, in [`TABLE_COLUMNS`]' order.
pub(super) fn table_cells(t: &TableSurvey) -> [Cell; 26] {
    let m = t.matched.as_ref();
    let text = |value: Option<String>| value.map_or(Cell::Empty, Cell::Text);
    let number = |value: Option<f64>| value.map_or(Cell::Empty, Cell::Number);
    let list = |items: &[String]| {
        if items.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(items.join("; "))
        }
    };
    let codes: Vec<String> = t
        .errors_by_code
        .iter()
        .map(|(code, n)| format!("{code}={n}"))
        .collect();
    let ids: Vec<String> = t
        .identifiers
        .iter()
        .map(|id| format!("{}={}:{}", id.column.trim(), id.kind, id.share))
        .collect();
    let standard_cells = m.is_some();
    [
        Cell::Text(t.path.clone()),
        text(t.sheet.clone()),
        Cell::Text(t.format.clone()),
        text(t.encoding.clone()),
        number(t.bytes.map(|b| b as f64)),
        Cell::Number(t.rows as f64),
        Cell::Text(t.sampled.to_string()),
        Cell::Number(t.columns as f64),
        text(m.map(|m| m.standard.clone())),
        text(m.map(|m| m.version.clone())),
        text(m.map(|m| m.table.clone())),
        number(m.map(|m| m.score)),
        number(m.map(|m| m.matched as f64)),
        number(m.map(|m| m.described as f64)),
        text(m.map(|m| m.sureness.clone())),
        text(
            m.and_then(|m| m.runner_up.as_ref())
                .map(|r| r.standard.clone()),
        ),
        t.conforming_share.map_or(Cell::Empty, Cell::Share),
        number(standard_cells.then_some(t.errors as f64)),
        number(standard_cells.then_some(t.warnings as f64)),
        list(&codes),
        list(&t.missing_required),
        list(&t.missing_optional),
        list(&t.unknown_columns),
        text(
            t.period()
                .map(|p| format!("{}: {} to {}", plain(&p.column), p.earliest, p.latest)),
        ),
        list(&ids),
        text(t.problem.clone()),
    ]
}

fn csv(survey: &Survey, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(TABLE_COLUMNS)?;
    for t in &survey.tables {
        writer.write_record(table_cells(t).map(Cell::text))?;
    }
    writer.flush()
}

/// A Markdown table cell: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn markdown(survey: &Survey, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Data survey\n\n{}.\n", headline(survey))?;
    if !survey.standards.is_empty() {
        writeln!(out, "## By standard\n")?;
        for rollup in &survey.standards {
            writeln!(out, "- {}", cell(&rollup.summary))?;
        }
        writeln!(out)?;
    }
    if !survey.fixes.is_empty() {
        writeln!(out, "## Fixes that would make the most rows conform\n")?;
        for (n, fix) in survey.fixes.iter().enumerate() {
            writeln!(
                out,
                "{}. {}: {}",
                n + 1,
                cell(&fix.summary),
                cell(&fix.help)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Tables\n")?;
    writeln!(
        out,
        "| Table | Shape | Standard | Rows conforming | Errors | Missing required | Dates | Identifiers |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|")?;
    for t in &survey.tables {
        let standard = t
            .matched
            .as_ref()
            .map(|m| {
                if m.confirmed {
                    format!("{} ({}, {})", m.standard, m.table, m.sureness)
                } else {
                    format!("possibly {} ({}; fits poorly)", m.standard, m.table)
                }
            })
            .unwrap_or_else(|| "none".to_string());
        let conform = t.conforming_share.map(percent).unwrap_or_default();
        let errors = if t.matched.is_some() {
            thousands(t.errors)
        } else {
            String::new()
        };
        let dates = t
            .period()
            .map(|p| format!("{}: {} to {}", plain(&p.column), p.earliest, p.latest))
            .unwrap_or_default();
        let ids: Vec<String> = t
            .identifiers
            .iter()
            .map(|id| format!("{} ({})", plain(&id.column), percent(id.share)))
            .collect();
        let shape = match &t.problem {
            Some(problem) => format!("cannot be read: {problem}"),
            None => shape(t),
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&t.place()),
            cell(&shape),
            cell(&standard),
            conform,
            errors,
            cell(&plain_list(&t.missing_required)),
            dates,
            cell(&ids.join(", "))
        )?;
    }
    if !survey.skipped.is_empty() {
        writeln!(out, "\n## Skipped\n")?;
        for skipped in &survey.skipped {
            writeln!(
                out,
                "- `{}`: {}",
                cell(&skipped.path),
                cell(&skipped.reason)
            )?;
        }
    }
    Ok(())
}

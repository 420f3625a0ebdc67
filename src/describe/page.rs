//! A standard as a page a publisher can read (`conform standards docs`): the same content in
//! Markdown, for the repository, or in self-contained HTML, to put on an intranet.

use std::fmt::Write as _;

use serde_json::Value;

use super::{accepts, plain, requirement, Requirement};
use crate::standard::{Standard, Table};

/// What a page says about one table.
struct TablePage {
    heading: String,
    description: Option<String>,
    /// Keys, references and rules, one sentence each.
    notes: Vec<String>,
    /// Column, required, accepts, description, example.
    columns: Vec<[String; 5]>,
}

/// The page's content, before it is written in either form.
struct Page {
    title: String,
    facts: Vec<(&'static str, String)>,
    description: Option<String>,
    usage: String,
    tables: Vec<TablePage>,
    /// Id, title, number of codes, version, source.
    codelists: Vec<[String; 5]>,
    sources: Vec<(String, String)>,
}

fn column_names(table: &Table, columns: &[usize]) -> String {
    columns
        .iter()
        .map(|i| format!("`{}`", table.columns[*i].name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn table_page(table: &Table) -> TablePage {
    let mut notes = Vec::new();
    if !table.primary_key.is_empty() {
        notes.push(format!(
            "Primary key: {} (unique, never empty).",
            column_names(table, &table.primary_key)
        ));
    }
    for key in &table.unique_keys {
        notes.push(format!(
            "No two rows share the same {}.",
            column_names(table, key)
        ));
    }
    for fk in &table.foreign_keys {
        notes.push(format!(
            "{} must match {} of a row in the `{}` table; check the files together to check this.",
            column_names(table, &fk.columns),
            fk.reference_columns
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", "),
            fk.table
        ));
    }
    for rule in &table.rules {
        let mut note = format!(
            "Rule `{}` ({}); a row that breaks it is reported as: “{}”.",
            rule.id,
            rule.severity,
            rule.message.trim_end_matches('.')
        );
        if let Some(source) = &rule.source {
            let _ = write!(note, " Source: {}.", source.trim_end_matches('.'));
        }
        notes.push(note);
    }
    let columns = table
        .columns
        .iter()
        .map(|column| {
            let mut description = column.description().unwrap_or_default().to_string();
            if !column.aliases.is_empty() {
                let _ = write!(
                    description,
                    " Also read from: {}.",
                    column
                        .aliases
                        .iter()
                        .map(|a| format!("`{a}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            for tolerance in &column.tolerate {
                let _ = write!(
                    description,
                    " Also takes {} as a {}: {}.",
                    tolerance.phrase,
                    tolerance.severity,
                    tolerance.why.trim_end_matches('.')
                );
                if let Some(source) = &tolerance.source {
                    let _ = write!(description, " (Source: {}.)", source.trim_end_matches('.'));
                }
            }
            [
                column.name.to_string(),
                match requirement(column) {
                    Requirement::Value => "yes",
                    Requirement::Column => "column only; may be blank",
                    Requirement::None => "no",
                }
                .to_string(),
                accepts(column),
                description.trim().to_string(),
                column
                    .schema
                    .get("examples")
                    .and_then(Value::as_array)
                    .and_then(|e| e.first())
                    .map(plain)
                    .unwrap_or_default(),
            ]
        })
        .collect();
    TablePage {
        heading: match &table.title {
            Some(title) => format!("Table `{}`: {title}", table.name),
            None => format!("Table `{}`", table.name),
        },
        description: table.description.clone(),
        notes,
        columns,
    }
}

fn page(standard: &Standard) -> Page {
    let mut facts = vec![
        ("Id", format!("`{}`", standard.id)),
        ("Version", standard.version.clone()),
    ];
    for (label, value) in [
        ("Publisher", &standard.publisher),
        ("Licence", &standard.licence),
        ("Source", &standard.source),
    ] {
        if let Some(value) = value {
            facts.push((label, value.clone()));
        }
    }
    let several = standard.tables.len() > 1;
    Page {
        title: standard.title.clone(),
        facts,
        description: standard.description.clone(),
        usage: if several {
            format!("conform check FOLDER-OR-FILES --standard {}", standard.id)
        } else {
            format!("conform check FILE.csv --standard {}", standard.id)
        },
        tables: standard.tables.iter().map(table_page).collect(),
        codelists: standard
            .codelists
            .iter()
            .map(|list| {
                [
                    list.id.clone(),
                    list.title.clone().unwrap_or_default(),
                    list.codes.len().to_string(),
                    list.version.clone().unwrap_or_default(),
                    list.source.clone().unwrap_or_default(),
                ]
            })
            .collect(),
        sources: standard.sources.clone(),
    }
}

/// Text in a Markdown table cell: pipes escaped, no line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// A Markdown table whose rows start with a name, shown as code.
fn markdown_table<const N: usize>(out: &mut String, headers: [&str; N], rows: &[[String; N]]) {
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(N));
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    format!("`{}`", cell(c))
                } else {
                    cell(c)
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

/// The standard as Markdown.
pub fn markdown(standard: &Standard) -> String {
    let page = page(standard);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", page.title);
    let _ = writeln!(
        out,
        "<!-- Generated by `conform standards docs {}`; do not edit. -->\n",
        standard.id
    );
    for (label, value) in &page.facts {
        let _ = writeln!(out, "- **{label}:** {value}");
    }
    if let Some(description) = &page.description {
        let _ = writeln!(out, "\n{description}");
    }
    let _ = writeln!(
        out,
        "\nCheck a file against it:\n\n```console\n$ {}\n```",
        page.usage
    );
    for table in &page.tables {
        let _ = writeln!(out, "\n## {}\n", table.heading);
        if let Some(description) = &table.description {
            let _ = writeln!(out, "{description}\n");
        }
        for note in &table.notes {
            let _ = writeln!(out, "- {note}");
        }
        if !table.notes.is_empty() {
            out.push('\n');
        }
        markdown_table(
            &mut out,
            ["Column", "Required", "Accepts", "Description", "Example"],
            &table.columns,
        );
    }
    if !page.codelists.is_empty() {
        let _ = writeln!(out, "\n## Code lists\n");
        markdown_table(
            &mut out,
            ["Id", "Title", "Codes", "Version", "Source"],
            &page.codelists,
        );
    }
    if !page.sources.is_empty() {
        let _ = writeln!(out, "\n## Where the facts come from\n");
        for (fact, source) in &page.sources {
            let _ = writeln!(out, "- {fact}: {source}");
        }
    }
    out
}

/// Text made safe inside HTML element content and double-quoted attributes (the only kind the
/// pages write, so an apostrophe, common in Welsh, stays as it is).
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Backticked names in conform's prose become `<code>` in HTML.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in escape(text).split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// An HTML table whose rows start with a name, shown as code; the `prose` column may hold
/// backticked names.
fn html_table<const N: usize>(
    out: &mut String,
    headers: [&str; N],
    rows: &[[String; N]],
    prose: Option<usize>,
) {
    out.push_str("<table>\n<tr>");
    for header in headers {
        let _ = write!(out, "<th>{header}</th>");
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, text) in row.iter().enumerate() {
            let _ = match i {
                0 => write!(out, "<td><code>{}</code></td>", escape(text)),
                i if Some(i) == prose => write!(out, "<td>{}</td>", inline(text)),
                _ => write!(out, "<td>{}</td>", escape(text)),
            };
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// The standard as one self-contained HTML page (styles inline, nothing fetched).
pub fn html(standard: &Standard) -> String {
    let page = page(standard);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>",
        escape(&page.title)
    );
    out.push_str(
        "<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#0b0c0c}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}\
th{background:#f3f2f1}code{background:#f3f2f1;padding:0 .2rem;word-break:break-all}pre{background:#f3f2f1;padding:.6rem}</style>\n</head>\n<body>\n",
    );
    let _ = writeln!(out, "<h1>{}</h1>\n<ul>", escape(&page.title));
    for (label, value) in &page.facts {
        let _ = writeln!(out, "<li><strong>{label}:</strong> {}</li>", inline(value));
    }
    out.push_str("</ul>\n");
    if let Some(description) = &page.description {
        let _ = writeln!(out, "<p>{}</p>", inline(description));
    }
    let _ = writeln!(
        out,
        "<p>Check a file against it:</p>\n<pre>$ {}</pre>",
        escape(&page.usage)
    );
    for table in &page.tables {
        let _ = writeln!(out, "<h2>{}</h2>", inline(&table.heading));
        if let Some(description) = &table.description {
            let _ = writeln!(out, "<p>{}</p>", inline(description));
        }
        if !table.notes.is_empty() {
            out.push_str("<ul>\n");
            for note in &table.notes {
                let _ = writeln!(out, "<li>{}</li>", inline(note));
            }
            out.push_str("</ul>\n");
        }
        html_table(
            &mut out,
            ["Column", "Required", "Accepts", "Description", "Example"],
            &table.columns,
            Some(3),
        );
    }
    if !page.codelists.is_empty() {
        out.push_str("<h2>Code lists</h2>\n");
        html_table(
            &mut out,
            ["Id", "Title", "Codes", "Version", "Source"],
            &page.codelists,
            None,
        );
    }
    if !page.sources.is_empty() {
        out.push_str("<h2>Where the facts come from</h2>\n<ul>\n");
        for (fact, source) in &page.sources {
            let _ = writeln!(out, "<li>{}: {}</li>", inline(fact), inline(source));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_markdown_tables_keep_their_shape() {
        for entry in crate::standard::builtin_standards() {
            let md = markdown(&Standard::load(&entry.id).expect("built-in"));
            for line in md.lines().filter(|l| l.starts_with('|')) {
                // Six unescaped pipes make five cells, whatever the patterns hold, in the column
                // tables and the code-list tables alike.
                let pipes = line.replace("\\|", "").matches('|').count();
                assert_eq!(pipes, 6, "{}: {line}", entry.id);
            }
        }
        let standard = Standard::load("brownfield-land-2017").expect("built-in");
        let html = html(&standard);
        assert!(html.contains("<h2>Table <code>brownfield-land</code>"));
        assert!(!html.contains("<script"));
        assert!(html.contains("(http|https)://"));
    }
}

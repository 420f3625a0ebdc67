//! A Markdown summary for a pull-request comment, a CI job summary or a data-sharing email.

use std::fmt::Write as _;

use super::{groups, thousands, RunReport};
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::t;

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub fn render(run: &RunReport, max_examples: usize, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## conform: {}\n", cell(&run.title()));
    let _ = writeln!(
        out,
        "{} **{}**",
        if run.passes() { "✅" } else { "❌" },
        run.verdict(|s| format!("`{s}`"), lang)
    );
    let counts = t!(
        "report-counts",
        errors = run.total(Severity::Error),
        warnings = run.total(Severity::Warning)
    );
    let _ = writeln!(out, "\n{}.\n", counts.render(lang));
    let _ = writeln!(
        out,
        "| {} |\n|---|---:|---:|---:|---|",
        t!("report-md-files-heading").render(lang)
    );
    for file in &run.files {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            cell(&file.path),
            thousands(file.rows),
            thousands(file.errors() as u64),
            thousands(file.count(Severity::Warning) as u64),
            if run.file_passes(file) {
                format!("✅ {}", t!("report-md-conforms").render(lang))
            } else {
                format!("❌ {}", t!("report-md-fails").render(lang))
            }
        );
    }
    for file in run.files.iter().filter(|f| f.total_findings() > 0) {
        let mut groups = groups(file);
        // The worst and most frequent first.
        groups.sort_by(|a, b| b.severity.cmp(&a.severity).then(b.count().cmp(&a.count())));
        let _ = writeln!(out, "\n### `{}`\n", cell(&file.path));
        let _ = writeln!(
            out,
            "| {} |\n|---|---|---|---:|---|",
            t!("report-md-groups-heading").render(lang)
        );
        for group in &groups {
            let first = group.first();
            let place = match first.map(|f| (f.row, f.line)) {
                Some((Some(row), Some(line))) => format!(
                    "{}: ",
                    t!("report-md-place", row = row as i64, line = line as i64).render(lang)
                ),
                _ => String::new(),
            };
            let message = match (group.whole_column_message(lang), first) {
                (Some(said), _) if group.is_whole_column(file.rows) => said,
                (_, Some(first)) => first.message.clone(),
                (_, None) => t!("report-md-not-listed").render(lang),
            };
            let _ = writeln!(
                out,
                "| {} | [`{}`]({}#{}) | {} | {} | {}{} |",
                group.severity,
                group.code,
                super::ci::CODES_DOC,
                group.code,
                cell(group.column.unwrap_or("-")),
                thousands(group.count()),
                cell(&place),
                cell(&message)
            );
        }
        let shown: Vec<_> = groups
            .iter()
            .filter(|g| g.severity == Severity::Error)
            .take(max_examples)
            .collect();
        if !shown.is_empty() {
            let _ = writeln!(out, "\n**{}**\n", t!("report-md-how-to-fix").render(lang));
            for group in shown {
                let help = group
                    .first()
                    .and_then(|f| f.help.clone())
                    .unwrap_or_else(|| lang.get(&format!("fix-{}", group.code.as_str())));
                let _ = writeln!(out, "- `{}`: {}", group.code, cell(&help));
            }
        }
    }
    out
}

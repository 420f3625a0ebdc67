//! The human report: miette diagnostics with the record and the cell underlined, grouped by
//! (code, column), then a summary per file and a one-line verdict.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::snippet::{cell_span, place, records, window};
use super::{groups, rows_range, thousands, Group, RunReport};
use crate::check::FileReport;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::t;

/// How the human report is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    pub max_examples: usize,
    pub quiet: bool,
    pub lang: Lang,
}

/// The text of one record as it appears in the file, with its first line number.
pub struct Snippet {
    pub name: String,
    pub text: String,
    pub first_line: u64,
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::from(0..self.text.len()),
            self.first_line.saturating_sub(1) as usize,
            0,
            self.text.lines().count().max(1),
        )))
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    snippet: Option<Snippet>,
    span: Option<(usize, usize)>,
    lang: Lang,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, end) = self.span?;
        let label = match (&self.finding.column, self.finding.row) {
            (Some(column), _) => column.name.to_string(),
            (None, Some(row)) if self.finding.character.is_none() => {
                t!("report-label-row", row = row as i64).render(self.lang)
            }
            (None, _) => t!("report-label-here").render(self.lang),
        };
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(label),
            start..end.max(start),
        ))))
    }
}

/// The summary table of one file: a line a (code, column) group, with its count.
fn write_summary(out: &mut String, file: &FileReport, groups: &[Group<'_>], lang: Lang) {
    let _ = writeln!(
        out,
        "\n{}",
        t!("report-summary-for", path = file.path.as_str()).render(lang)
    );
    // A finding about the header, a whole row or the file has no one column to group under.
    let label = |group: &Group| -> String {
        let Some(first) = group.first() else {
            // Only counted beyond --max-findings: its column, or the file.
            return match group.column {
                Some(column) => column.chars().take(40).collect(),
                None => t!("report-place-file").render(lang),
            };
        };
        let fallback = if first.row.is_none() && first.line == Some(file.header_line) {
            t!("report-place-header")
        } else if first.row.is_some() {
            t!("report-place-row")
        } else {
            t!("report-place-file")
        };
        match group.column {
            Some(column) => column.chars().take(40).collect(),
            None => fallback.render(lang),
        }
    };
    let width = groups
        .iter()
        .map(|g| label(g).chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let headings = [
        t!("report-heading-severity").render(lang),
        t!("report-heading-code").render(lang),
        t!("report-heading-column").render(lang),
        t!("report-heading-count").render(lang),
    ];
    // The columns fit their headings, which are longer in Welsh.
    let severity_width = headings[0].chars().count().max(9);
    let width = width.max(headings[2].chars().count());
    let _ = writeln!(
        out,
        "  {:<severity_width$} {:<17} {:<width$} {:>9}",
        headings[0], headings[1], headings[2], headings[3]
    );
    for group in groups {
        let severity = group.severity;
        let column = label(group);
        let _ = writeln!(
            out,
            "  {:<severity_width$} {:<17} {:<width$} {:>9}",
            severity.as_str(),
            group.code.as_str(),
            column,
            thousands(group.count())
        );
    }
}

/// The record a finding is on, cut to a window around its cell, with the cell's span in the
/// window (the whole record for a finding about the row). The snippet's name is
/// `path:line:column`, the line and character column where the cell starts in the file.
fn snippet(
    finding: &Finding,
    path: &str,
    location: Option<String>,
    text: &str,
    line: u64,
    delimiter: u8,
) -> (Option<Snippet>, Option<(usize, usize)>) {
    let index = finding.column.as_ref().and_then(|c| c.index);
    let span = match (index, finding.character) {
        (Some(i), _) => Some(cell_span(text, delimiter, i)),
        // A place on the line, in characters: the span of that character.
        (None, Some(character)) => text
            .char_indices()
            .nth(character.saturating_sub(1) as usize)
            .map(|(at, c)| (at, at + c.len_utf8())),
        // A finding about the whole record (a blank row, a row of the wrong length): all of it.
        (None, None) if finding.row.is_some() => Some((0, text.len())),
        (None, None) => None,
    };
    let (cell_line, column) = match span {
        Some((start, _)) => {
            let (lines_before, column) = place(text, start);
            (line + lines_before, column)
        }
        None => (line, 1),
    };
    let (shown, span) = match span {
        Some(span) => {
            let (shown, span) = window(text, span);
            (shown, Some(span))
        }
        None => (window(text, (0, 0)).0, None),
    };
    let snippet = Snippet {
        name: match (location, finding.character) {
            // A JSON value: its own line and column in the file, and its pointer.
            (Some(location), Some(character)) => {
                format!(
                    "{path}:{}:{character} {location}",
                    finding.line.unwrap_or(line)
                )
            }
            (Some(location), None) => format!("{path} {location}"),
            (None, _) => format!("{path}:{cell_line}:{column}"),
        },
        text: shown,
        first_line: line,
    };
    (Some(snippet), span)
}

/// `--quiet`: a failing file in one line, with its counts by code; a passing file not at all.
fn render_file_quietly(out: &mut String, run: &RunReport, file: &FileReport, lang: Lang) {
    if run.file_passes(file) {
        return;
    }
    let mut by_code: Vec<(&str, u64)> = Vec::new();
    let listed = file.findings.iter().map(|f| (f.code, f.severity, 1));
    let counted = file
        .beyond
        .groups()
        .map(|(n, first)| (first.code, first.severity, n));
    for (code, _, n) in listed
        .chain(counted)
        .filter(|(_, severity, _)| *severity != Severity::Info)
    {
        match by_code.iter_mut().find(|(c, _)| *c == code.as_str()) {
            Some((_, count)) => *count += n,
            None => by_code.push((code.as_str(), n)),
        }
    }
    let codes: Vec<String> = by_code
        .iter()
        .map(|(code, count)| format!("{code} {}", thousands(*count)))
        .collect();
    let counts = t!(
        "report-counts",
        errors = file.errors(),
        warnings = file.count(Severity::Warning)
    );
    let line = t!(
        "report-quiet-line",
        path = file.path.as_str(),
        counts = counts,
        codes = codes.join(", ")
    );
    let _ = writeln!(out, "✗ {}", line.render(lang));
}

fn render_file<'a>(out: &mut String, run: &RunReport, file: &'a FileReport, style: Style) {
    let lang = style.lang;
    if style.quiet {
        render_file_quietly(out, run, file, lang);
        return;
    }
    let handler = GraphicalReportHandler::new_themed(if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    })
    .with_width(style.width)
    .without_primary_span_start()
    .with_links(false);
    let groups = groups(file);
    // A whole column failing the same way is said once, with one example.
    let examples = |g: &crate::report::Group<'_>| {
        if g.is_whole_column(file.rows) {
            style.max_examples.min(1)
        } else {
            style.max_examples
        }
    };
    // A group only counted beyond --max-findings shows the first of them.
    let listed = |g: &Group<'a>| -> Vec<&'a Finding> {
        g.findings
            .iter()
            .copied()
            .chain(g.example)
            .take(examples(g))
            .collect()
    };
    let shown: Vec<&Finding> = groups.iter().flat_map(listed).collect();
    let lines: BTreeSet<u64> = shown.iter().filter_map(|f| file.snippet_key(f)).collect();
    let texts = if style.quiet {
        Default::default()
    } else {
        records(file, &lines)
    };
    let delimiter = file.delimiter.unwrap_or(b',');

    let encoding = match (&file.encoding_label, &file.locator) {
        (Some(label), _) => label.clone(),
        (None, crate::read::table::Locator::Sheet { name, .. }) => {
            t!("report-format-sheet", format = file.format, sheet = name).render(lang)
        }
        (None, _) => file.format.to_string(),
    };
    let heading = t!(
        "report-file-heading",
        path = file.path.as_str(),
        rows = file.rows,
        columns = file.header.len(),
        encoding = encoding,
        table = file.table.as_str()
    );
    let _ = writeln!(out, "{}", heading.render(lang));
    if !style.quiet {
        for group in &groups {
            let whole = group.is_whole_column(file.rows);
            let examples = listed(group);
            for finding in &examples {
                let said;
                let finding = match group.whole_column_message(lang).filter(|_| whole) {
                    Some(message) => {
                        said = Finding {
                            message,
                            ..(*finding).clone()
                        };
                        &said
                    }
                    None => *finding,
                };
                let text = file.snippet_key(finding).and_then(|k| texts.get(&k));
                let (snippet, span) = match (finding.line, text) {
                    (Some(line), Some(text)) => {
                        let located = file.location(finding);
                        snippet(finding, &file.path, located, text, line, delimiter)
                    }
                    _ => (None, None),
                };
                let diagnostic = FindingDiagnostic {
                    finding,
                    snippet,
                    span,
                    lang,
                };
                let mut rendered = String::new();
                if handler.render_report(&mut rendered, &diagnostic).is_ok() {
                    if lang != Lang::En {
                        rendered = relabel_help(&rendered, &t!("report-help-label").render(lang));
                    }
                    out.push_str(&rendered);
                }
            }
            let rest = group.count().saturating_sub(examples.len() as u64);
            // With no examples asked for, the summary's counts say it; a whole column said so.
            if rest > 0 && style.max_examples > 0 && !whole {
                let column = group
                    .column
                    .map(|c| format!(" {}", t!("report-in-column", column = c).render(lang)))
                    .unwrap_or_default();
                let sheet = matches!(file.locator, crate::read::table::Locator::Sheet { .. });
                // The rows of the rest are known only when they are all listed.
                let listed = group.findings.get(style.max_examples..).unwrap_or(&[]);
                let range = match group.beyond {
                    0 => rows_range(listed, sheet, lang).unwrap_or_default(),
                    _ => String::new(),
                };
                let more = t!("report-more", count = rest, code = group.code.as_str());
                let _ = writeln!(out, "  … {}{column}{range}\n", more.render(lang));
            }
        }
    }
    if !groups.is_empty() {
        write_summary(out, file, &groups, lang);
    }
    if file.partial() {
        let note = t!(
            "report-not-listed",
            listed = file.findings.len(),
            beyond = file.beyond.total()
        );
        let _ = writeln!(out, "  ({})", note.render(lang));
    }
    let verdict = if run.file_passes(file) {
        t!(
            "report-file-conforms",
            errors = file.errors(),
            warnings = file.count(Severity::Warning),
            notes = file.count(Severity::Info)
        )
    } else {
        t!(
            "report-file-fails",
            errors = file.errors(),
            warnings = file.count(Severity::Warning),
            notes = file.count(Severity::Info)
        )
    };
    let mark = if run.file_passes(file) { "✓" } else { "✗" };
    let _ = writeln!(out, "{mark} {}\n", verdict.render(lang));
}

/// miette's own English label before a help line (`  help: `, coloured or not), in the report's
/// language.
fn relabel_help(rendered: &str, label: &str) -> String {
    let mut out = String::with_capacity(rendered.len() + 16);
    let mut done = false;
    for line in rendered.split_inclusive('\n') {
        // The line as shown: without the colour's escape sequences.
        let shown: String = strip_escapes(line);
        match line.find("help:") {
            Some(at) if !done && shown.trim_start().starts_with("help:") => {
                out.push_str(&line[..at]);
                out.push_str(label);
                out.push(':');
                out.push_str(&line[at + "help:".len()..]);
                done = true;
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// Text without its terminal escape sequences (`ESC [ ... m`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders the whole run.
pub fn render(run: &RunReport, style: Style) -> String {
    let mut out = String::new();
    for note in run.standards.iter().filter_map(|s| s.matched_note.as_ref()) {
        let _ = writeln!(out, "{note}\n");
    }
    for file in &run.files {
        render_file(&mut out, run, file, style);
    }
    let lang = style.lang;
    if !style.quiet && run.files.iter().any(|f| f.total_findings() > 0) {
        let _ = writeln!(out, "{}", t!("report-explain-hint").render(lang));
    }
    let counts = t!(
        "report-counts",
        errors = run.total(Severity::Error),
        warnings = run.total(Severity::Warning)
    );
    let _ = writeln!(
        out,
        "{} {} ({})",
        if run.passes() { "✓" } else { "✗" },
        run.verdict(str::to_string, lang),
        counts.render(lang),
    );
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_help_label_is_relabelled_with_or_without_colour() {
        let plain = "  × bad\n  help: fix it\n";
        assert_eq!(
            super::relabel_help(plain, "cymorth"),
            "  × bad\n  cymorth: fix it\n"
        );
        let coloured = "  × bad\n  \u{1b}[36mhelp:\u{1b}[0m fix it\n";
        assert_eq!(
            super::relabel_help(coloured, "cymorth"),
            "  × bad\n  \u{1b}[36mcymorth:\u{1b}[0m fix it\n"
        );
    }
}

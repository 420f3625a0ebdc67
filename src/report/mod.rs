//! Reports: the findings of a run rendered for people (human, markdown), programs (json, jsonl,
//! csv) and CI systems (sarif, junit, github).

pub mod ci;
pub mod flat;
#[cfg(feature = "cli")]
pub mod human;
pub mod json;
pub mod markdown;
pub mod output;
mod snippet;

use std::io::{self, Write};
use std::path::PathBuf;

use crate::check::FileReport;
use crate::finding::{Code, Finding, Severity};
use crate::i18n::Lang;
use crate::t;

/// Receives a run as it happens, in the spirit of ripgrep's `Sink`: `begin` once, `file` as each
/// file's report is complete (in report order), `finish` with the whole run. Formats that stream
/// write in `file`; whole-document formats write in `finish`.
pub trait Reporter {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn file(&mut self, _file: &FileReport) -> io::Result<()> {
        Ok(())
    }
    fn finish(&mut self, run: &RunReport) -> io::Result<()>;
}

macro_rules! formats {
    ($( $variant:ident = $name:literal: $about:literal; )*) => {
        /// The report formats (SPEC section 6).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Format { $( $variant, )* }

        impl Format {
            pub const ALL: &'static [Format] = &[ $( Format::$variant, )* ];

            pub fn name(self) -> &'static str {
                match self { $( Format::$variant => $name, )* }
            }

            /// One line on what the format is for.
            pub fn about(self) -> &'static str {
                match self { $( Format::$variant => $about, )* }
            }

            pub fn parse(text: &str) -> Option<Format> {
                match text { $( $name => Some(Format::$variant), )* _ => None }
            }
        }
    };
}

formats! {
    Human = "human": "Diagnostics with the cell underlined, a summary and a verdict.";
    Json = "json": "One JSON document (report_version 1, schema in docs/report-v1.schema.json).";
    Jsonl = "jsonl": "One JSON object a finding, a line, written as each file is checked.";
    Csv = "csv": "One CSV row a finding, for spreadsheets.";
    Sarif = "sarif": "SARIF 2.1.0, for code-scanning tools.";
    Junit = "junit": "JUnit XML: a test suite a file, a test case a (code, column) group.";
    Github = "github": "GitHub Actions annotations (and a summary in $GITHUB_STEP_SUMMARY).";
    Markdown = "markdown": "A Markdown summary for a pull request or an email.";
}

/// How reports are drawn, for the formats that have a choice.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Examples shown per (code, column) group.
    pub max_examples: usize,
    /// Colour in the human report.
    pub color: bool,
    /// Width the human report wraps at.
    pub width: usize,
    /// Only the summary and verdict in the human report.
    pub quiet: bool,
    /// Where the github format appends its Markdown summary (`$GITHUB_STEP_SUMMARY`).
    pub github_summary: Option<PathBuf>,
    /// The language of the human and Markdown reports' own words (the findings are localised
    /// by the run). The machine formats keep English field names and framing.
    pub lang: Lang,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            max_examples: 3,
            color: false,
            width: 100,
            quiet: false,
            github_summary: None,
            lang: Lang::En,
        }
    }
}

/// Several reporters fed by one run: each is told of every file and of the end, as if it were
/// the only one (`conform serve` renders the page and its downloads from one check).
pub struct Several<'w>(pub Vec<Box<dyn Reporter + 'w>>);

impl Reporter for Several<'_> {
    fn begin(&mut self) -> io::Result<()> {
        self.0.iter_mut().try_for_each(|r| r.begin())
    }
    fn file(&mut self, file: &FileReport) -> io::Result<()> {
        self.0.iter_mut().try_for_each(|r| r.file(file))
    }
    fn finish(&mut self, run: &RunReport) -> io::Result<()> {
        self.0.iter_mut().try_for_each(|r| r.finish(run))
    }
}

/// The reporter of a format, writing to `out`.
pub fn reporter<'w>(
    format: Format,
    out: Box<dyn Write + 'w>,
    options: &ReportOptions,
) -> Box<dyn Reporter + 'w> {
    let max_examples = options.max_examples;
    let lang = options.lang;
    match format {
        #[cfg(feature = "cli")]
        Format::Human => {
            let style = human::Style {
                color: options.color,
                width: options.width,
                max_examples,
                quiet: options.quiet,
                lang,
            };
            Document::text(out, move |run| human::render(run, style))
        }
        // Without the command line's terminal rendering, the human format is the Markdown one.
        #[cfg(not(feature = "cli"))]
        Format::Human => Document::text(out, move |run| markdown::render(run, max_examples, lang)),
        Format::Json => Document::boxed(out, json::write),
        Format::Jsonl => Box::new(flat::JsonlReporter { out }),
        Format::Csv => Box::new(flat::CsvReporter { out }),
        Format::Sarif => Document::boxed(out, ci::write_sarif),
        Format::Junit => Document::text(out, move |run| ci::junit(run, max_examples)),
        Format::Github => Box::new(ci::GithubReporter::new(out, options)),
        Format::Markdown => {
            Document::text(out, move |run| markdown::render(run, max_examples, lang))
        }
    }
}

/// A format written as one document when the run is over (its summary needs every file).
pub struct Document<'w, F> {
    out: Box<dyn Write + 'w>,
    render: F,
}

impl<'w, F: Fn(&RunReport, &mut dyn Write) -> io::Result<()> + 'w> Document<'w, F> {
    pub fn boxed(out: Box<dyn Write + 'w>, render: F) -> Box<dyn Reporter + 'w> {
        Box::new(Document { out, render })
    }
}

impl<'w> Document<'w, ()> {
    /// A document rendered whole as text before it is written (the human-sized formats).
    pub fn text(
        out: Box<dyn Write + 'w>,
        render: impl Fn(&RunReport) -> String + 'w,
    ) -> Box<dyn Reporter + 'w> {
        Document::boxed(out, move |run: &RunReport, out: &mut dyn Write| {
            out.write_all(render(run).as_bytes())
        })
    }
}

impl<F: Fn(&RunReport, &mut dyn Write) -> io::Result<()>> Reporter for Document<'_, F> {
    fn finish(&mut self, run: &RunReport) -> io::Result<()> {
        (self.render)(run, &mut self.out)?;
        self.out.flush()
    }
}

/// Pretty-printed JSON with a final newline, serialized through a buffer straight to `out`.
pub(crate) fn write_json(value: &impl serde::Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Which standard a run checked against.
#[derive(Clone, Debug)]
pub struct StandardInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    /// Set when conform chose the standard itself from the header.
    pub matched_note: Option<String>,
}

/// Everything one run found.
pub struct RunReport {
    /// The standards the files were checked against, each once, in the order first used.
    pub standards: Vec<StandardInfo>,
    pub files: Vec<FileReport>,
    pub strict: bool,
    /// Files that could not be read at all (their reasons go to standard error).
    pub unreadable: usize,
}

impl RunReport {
    /// Whether a file passes: no errors (and no warnings under `--strict`). A check cut short by
    /// `--max-findings` cannot vouch for the rows it did not read, so it does not pass.
    pub fn file_passes(&self, file: &FileReport) -> bool {
        file.errors() == 0 && !(self.strict && file.count(Severity::Warning) > 0)
    }

    pub fn passes(&self) -> bool {
        self.unreadable == 0 && self.files.iter().all(|f| self.file_passes(f))
    }

    /// Exit code 0 or 1 (2 is decided before a report exists).
    pub fn exit_code(&self) -> i32 {
        if self.passes() {
            0
        } else {
            1
        }
    }

    /// The one standard of the run, when there is one.
    pub fn single_standard(&self) -> Option<&StandardInfo> {
        match self.standards.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// "spend-over-500 2015.1", or "their standards" when files follow different ones (for the
    /// machine formats, which are in English).
    pub fn standard_label(&self) -> String {
        self.single_label()
            .unwrap_or_else(|| t!("report-their-standards").english())
    }

    /// "spend-over-500 2015.1", or `None` when files follow different ones.
    fn single_label(&self) -> Option<String> {
        match self.single_standard() {
            // A standard without a version of its own (a bare schema) is named alone.
            Some(s) if s.version.is_empty() || s.version == "0" => Some(s.id.clone()),
            Some(s) => Some(format!("{} {}", s.id, s.version)),
            None => None,
        }
    }

    /// The run's title: the standard's, or the ids of several.
    pub fn title(&self) -> String {
        match self.single_standard() {
            Some(s) => s.title.clone(),
            None => self
                .standards
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The verdict in words: "2 files conform to X" or "1 of 2 files does not conform to X",
    /// with the standard's label written by `standard`.
    pub fn verdict(&self, standard: impl Fn(&str) -> String, lang: Lang) -> String {
        if self.unreadable > 0 {
            // Nothing can be said of files that were not read.
            return t!("report-verdict-unreadable", files = self.unreadable).render(lang);
        }
        let failed = self.files.iter().filter(|f| !self.file_passes(f)).count();
        let standard = match self.single_label() {
            Some(label) => standard(&label),
            None => t!("report-their-standards").render(lang),
        };
        let files = self.files.len();
        if failed == 0 {
            t!("report-verdict-conform", files = files, standard = standard).render(lang)
        } else {
            t!(
                "report-verdict-fail",
                failed = failed,
                files = files,
                standard = standard
            )
            .render(lang)
        }
    }

    pub fn total(&self, severity: Severity) -> usize {
        self.files.iter().map(|f| f.count(severity)).sum()
    }

    /// Findings of the run, listed or counted beyond `--max-findings`.
    pub fn total_findings(&self) -> u64 {
        self.files.iter().map(FileReport::total_findings).sum()
    }
}

/// One (code, column) group: its findings in report order, and how many more were counted
/// beyond `--max-findings` (a group may have only those).
pub(crate) struct Group<'a> {
    pub code: Code,
    pub severity: Severity,
    pub column: Option<&'a str>,
    pub findings: Vec<&'a Finding>,
    pub beyond: u64,
    /// For a group with nothing listed, the first of its counted findings.
    pub example: Option<&'a Finding>,
}

impl Group<'_> {
    /// Its first finding, listed or (for a group only counted) kept as its example.
    pub fn first(&self) -> Option<&Finding> {
        self.findings.first().copied().or(self.example)
    }

    /// Its findings, listed or counted.
    pub fn count(&self) -> u64 {
        self.findings.len() as u64 + self.beyond
    }

    /// Whether every row of a file has this finding in this column (every `Organisation code` an
    /// ODC URI, every date ISO): then the human and Markdown reports say it once, at the column.
    pub fn is_whole_column(&self, rows: u64) -> bool {
        self.column.is_some()
            && !self.findings.is_empty()
            && self.count() >= 3
            && self.count() == rows
    }

    /// "every value in `Transaction date` (1,405 rows) is like this one: …", for a whole column.
    pub fn whole_column_message(&self, lang: Lang) -> Option<String> {
        let column = self.column?;
        let first = self.first()?;
        Some(
            t!(
                "report-whole-column",
                column = column,
                rows = self.count(),
                message = first.message.as_str()
            )
            .render(lang),
        )
    }
}

/// A file's findings by (code, severity, column), in the order first found, with the counts of
/// those beyond `--max-findings` (groups with only those come last, in code order).
pub(crate) fn groups(file: &FileReport) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    for finding in &file.findings {
        // Header and file findings group by code (and severity) alone: each names its own column.
        let column = finding.row.and(finding.column.as_ref()).map(|c| &*c.name);
        match groups.iter_mut().find(|g| {
            g.code == finding.code && g.severity == finding.severity && g.column == column
        }) {
            Some(group) => group.findings.push(finding),
            None => groups.push(Group {
                code: finding.code,
                severity: finding.severity,
                column,
                findings: vec![finding],
                beyond: 0,
                example: None,
            }),
        }
    }
    for (count, first) in file.beyond.groups() {
        let column = first.row.and(first.column.as_ref()).map(|c| &*c.name);
        match groups
            .iter_mut()
            .find(|g| g.code == first.code && g.severity == first.severity && g.column == column)
        {
            Some(group) => group.beyond += count,
            None => groups.push(Group {
                code: first.code,
                severity: first.severity,
                column,
                findings: Vec::new(),
                beyond: count,
                example: Some(first),
            }),
        }
    }
    groups
}

#[cfg(feature = "cli")]
/// " in rows 12–40": data rows, or for a worksheet the sheet's own row numbers, as a person
/// looking at the sheet sees them.
pub(crate) fn rows_range(findings: &[&Finding], sheet_rows: bool, lang: Lang) -> Option<String> {
    let rows: Vec<u64> = findings
        .iter()
        .filter_map(|f| if sheet_rows { f.row.and(f.line) } else { f.row })
        .collect();
    let (first, last) = (*rows.iter().min()?, *rows.iter().max()?);
    let text = match (sheet_rows, first == last) {
        (false, true) => t!("report-in-row", row = first),
        (false, false) => t!("report-in-rows", first = first, last = last),
        (true, true) => t!("report-in-sheet-row", row = first),
        (true, false) => t!("report-in-sheet-rows", first = first, last = last),
    };
    // Said after other words, so it starts with their space.
    Some(format!(" {}", text.render(lang)))
}

pub use crate::finding::thousands;

/// "1 error" / "2 errors".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(2338), "2,338");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}

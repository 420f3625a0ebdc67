//! Flat formats, one finding a line: JSON Lines and CSV (for spreadsheets).

use serde::Serialize;

use crate::check::FileReport;
use crate::finding::{Code, Finding, Severity};

/// One finding with the file it belongs to: a JSON Lines record and a CSV row.
#[derive(Serialize)]
struct FlatFinding<'a> {
    file: &'a str,
    row: Option<u64>,
    line: Option<u64>,
    column: Option<&'a str>,
    column_number: Option<usize>,
    code: Code,
    severity: Severity,
    value: Option<&'a str>,
    message: &'a str,
    help: Option<&'a str>,
}

fn flat<'a>(file: &'a FileReport, finding: &'a Finding) -> FlatFinding<'a> {
    FlatFinding {
        file: &file.path,
        row: finding.row,
        line: finding.line,
        column: finding.column.as_ref().map(|c| &*c.name),
        column_number: finding.column.as_ref().and_then(|c| c.index).map(|i| i + 1),
        code: finding.code,
        severity: finding.severity,
        value: finding.value.as_deref(),
        message: &finding.message,
        help: finding.help.as_deref(),
    }
}

/// The JSON Lines of one file's findings, in report order; written as each file is checked.
pub fn jsonl(file: &FileReport) -> String {
    let mut out = String::new();
    for finding in &file.findings {
        if let Ok(line) = serde_json::to_string(&flat(file, finding)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The CSV header row.
pub fn csv_header() -> String {
    "file,row,line,column,column_number,code,severity,value,message,help\n".to_string()
}

/// One file's findings as CSV rows (no header).
pub fn csv(file: &FileReport) -> String {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for finding in &file.findings {
        let _ = writer.serialize(flat(file, finding));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// JSON Lines, streamed: each file's findings as soon as the file is checked.
pub struct JsonlReporter<'w> {
    pub out: Box<dyn std::io::Write + 'w>,
}

impl super::Reporter for JsonlReporter<'_> {
    fn file(&mut self, file: &FileReport) -> std::io::Result<()> {
        self.out.write_all(jsonl(file).as_bytes())?;
        self.out.flush()
    }

    fn finish(&mut self, _run: &super::RunReport) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// CSV, streamed: the header row first, then each file's findings as it is checked.
pub struct CsvReporter<'w> {
    pub out: Box<dyn std::io::Write + 'w>,
}

impl super::Reporter for CsvReporter<'_> {
    fn begin(&mut self) -> std::io::Result<()> {
        self.out.write_all(csv_header().as_bytes())
    }

    fn file(&mut self, file: &FileReport) -> std::io::Result<()> {
        self.out.write_all(csv(file).as_bytes())?;
        self.out.flush()
    }

    fn finish(&mut self, _run: &super::RunReport) -> std::io::Result<()> {
        self.out.flush()
    }
}

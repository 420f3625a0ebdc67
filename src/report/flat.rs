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

/// Writes one file's findings as JSON Lines, in report order, through a buffer.
pub fn write_jsonl(file: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    for finding in &file.findings {
        serde_json::to_writer(&mut out, &flat(file, finding)).map_err(std::io::Error::from)?;
        std::io::Write::write_all(&mut out, b"\n")?;
    }
    std::io::Write::flush(&mut out)
}

/// The CSV header row.
pub const CSV_HEADER: &str =
    "file,row,line,column,column_number,code,severity,value,message,help\n";

/// Writes one file's findings as CSV rows (no header).
pub fn write_csv(file: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    for finding in &file.findings {
        writer
            .serialize(flat(file, finding))
            .map_err(std::io::Error::other)?;
    }
    writer.flush()
}

/// JSON Lines, streamed: each file's findings as soon as the file is checked.
pub struct JsonlReporter<'w> {
    pub out: Box<dyn std::io::Write + 'w>,
}

impl super::Reporter for JsonlReporter<'_> {
    fn file(&mut self, file: &FileReport) -> std::io::Result<()> {
        write_jsonl(file, &mut self.out)?;
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
        self.out.write_all(CSV_HEADER.as_bytes())
    }

    fn file(&mut self, file: &FileReport) -> std::io::Result<()> {
        write_csv(file, &mut self.out)?;
        self.out.flush()
    }

    fn finish(&mut self, _run: &super::RunReport) -> std::io::Result<()> {
        self.out.flush()
    }
}

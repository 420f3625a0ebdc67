//! The JSON report (SPEC section 6, `report_version` 1). Its schema is `docs/report-v1.schema.json`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::RunReport;
use crate::check::FileReport;
use crate::finding::{Code, Finding, Severity};

#[derive(Serialize)]
struct Report<'a> {
    report_version: u32,
    tool: Tool,
    /// The run's standard; null when files follow different standards (see each file's).
    standard: Option<Standard<'a>>,
    valid: bool,
    summary: Counts,
    /// What each code in the report means and how to fix it (`conform explain CODE` in full).
    codes: BTreeMap<&'static str, CodeDoc>,
    files: Vec<File<'a>>,
}

#[derive(Serialize)]
struct CodeDoc {
    title: &'static str,
    fix: &'static str,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Standard<'a> {
    id: &'a str,
    version: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize, Default)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
    by_code: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    standard: FileStandard<'a>,
    format: &'a str,
    encoding: Option<&'a str>,
    delimiter: Option<String>,
    rows: u64,
    columns: usize,
    table: &'a str,
    valid: bool,
    /// Findings were counted beyond `--max-findings` and are not listed (the counts are whole).
    partial: bool,
    /// How many.
    not_listed: u64,
    counts: Counts,
    findings: Findings<'a>,
}

/// A file's findings, made one at a time as they are written: a report of a million findings is
/// not held twice in memory.
struct Findings<'a> {
    file: &'a FileReport,
}

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let file = self.file;
        serializer.collect_seq(file.findings.iter().map(|f| JsonFinding {
            code: f.code,
            severity: f.severity,
            message: &f.message,
            help: f.help.as_deref(),
            row: f.row,
            line: f.line,
            column: f.column.as_ref().map(|c| Column {
                name: &c.name,
                number: c.index.map(|i| i + 1),
            }),
            value: f.value.as_deref(),
            pointer: match &file.locator {
                crate::read::table::Locator::Json { .. } => file.location(f),
                _ => pointer(f),
            },
            schema_path: f.schema_path.as_deref(),
            location: file.location(f),
        }))
    }
}

#[derive(Serialize)]
struct FileStandard<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct Column<'a> {
    name: &'a str,
    /// 1-based position in the file; absent for a column the file lacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<usize>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: Code,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    row: Option<u64>,
    line: Option<u64>,
    column: Option<Column<'a>>,
    value: Option<&'a str>,
    /// Where the value sits in the row objects the schema describes: `/ROW-INDEX/COLUMN`.
    pointer: Option<String>,
    schema_path: Option<&'a str>,
    /// `Sheet!C12`, a JSON pointer into the file, `line N`: for formats other than text.
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<String>,
}

/// A file's counts, of the findings listed and those counted beyond `--max-findings`.
fn counts(file: &FileReport) -> Counts {
    let mut counts = Counts::default();
    let listed = file.findings.iter().map(|f| (f.code, f.severity, 1));
    let counted = file
        .beyond
        .groups()
        .map(|(n, first)| (first.code, first.severity, n as usize));
    for (code, severity, n) in listed.chain(counted) {
        match severity {
            Severity::Error => counts.errors += n,
            Severity::Warning => counts.warnings += n,
            Severity::Info => counts.infos += n,
        }
        *counts.by_code.entry(code.as_str()).or_default() += n;
    }
    counts
}

fn pointer(finding: &Finding) -> Option<String> {
    let (row, column) = (finding.row?, finding.column.as_ref()?);
    let name = crate::json_pointer::escape(&column.name);
    let mut digits = itoa::Buffer::new();
    let index = digits.format(row.saturating_sub(1));
    let mut pointer = String::with_capacity(2 + index.len() + name.len());
    pointer.push('/');
    pointer.push_str(index);
    pointer.push('/');
    pointer.push_str(&name);
    Some(pointer)
}

/// Writes the report as pretty-printed JSON with a final newline.
pub fn write(run: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let files: Vec<File> = run
        .files
        .iter()
        .map(|file| File {
            path: &file.path,
            standard: FileStandard {
                id: &file.standard,
                version: &file.standard_version,
            },
            format: file.format,
            encoding: file.encoding_label.as_deref(),
            delimiter: file.delimiter.map(|d| (d as char).to_string()),
            rows: file.rows,
            columns: file.header.len(),
            table: &file.table,
            valid: run.file_passes(file),
            partial: file.partial(),
            not_listed: file.beyond.total(),
            counts: counts(file),
            findings: Findings { file },
        })
        .collect();
    let codes = run
        .files
        .iter()
        .flat_map(|f| {
            let counted = f.beyond.groups().map(|(_, first)| first.code);
            f.findings.iter().map(|f| f.code).chain(counted)
        })
        .map(|code| {
            let doc = code.doc();
            (
                code.as_str(),
                CodeDoc {
                    title: doc.title,
                    fix: doc.fix,
                },
            )
        })
        .collect();
    let report = Report {
        report_version: 1,
        tool: Tool {
            name: "conform",
            version: env!("CARGO_PKG_VERSION"),
        },
        standard: run.single_standard().map(|s| Standard {
            id: &s.id,
            version: &s.version,
            title: &s.title,
            note: s.matched_note.as_deref(),
        }),
        valid: run.passes(),
        summary: run
            .files
            .iter()
            .map(counts)
            .fold(Counts::default(), |mut all, file| {
                all.errors += file.errors;
                all.warnings += file.warnings;
                all.infos += file.infos;
                for (code, n) in file.by_code {
                    *all.by_code.entry(code).or_default() += n;
                }
                all
            }),
        codes,
        files,
    };
    super::write_json(&report, out)
}

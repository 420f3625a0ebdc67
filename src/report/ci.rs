//! Formats for CI systems: SARIF 2.1.0 (code scanning), JUnit XML (test reports) and GitHub
//! Actions workflow commands (annotations).

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use super::{groups, plural, snippet, RunReport};
use crate::check::FileReport;
use crate::finding::{Code, Finding, Severity};

/// Where the documentation of each code is published, for SARIF rules' help links.
pub const CODES_DOC: &str = "https://github.com/conform-data/conform/blob/main/docs/codes.md";

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A finding's SARIF region: the line and character column where its cell starts, read from the
/// record's text; the place a finding names on a line (an encoding error); else its line alone.
fn place(
    finding: &Finding,
    records: &HashMap<u64, String>,
    delimiter: u8,
) -> Option<(u64, Option<u64>)> {
    let line = finding.line?;
    let index = finding.column.as_ref().and_then(|c| c.index);
    let cell = index.zip(records.get(&line)).map(|(index, text)| {
        let (start, _) = snippet::cell_span(text, delimiter, index);
        snippet::place(text, start)
    });
    Some(match (cell, finding.character) {
        (Some((lines_before, column)), _) => (line + lines_before, Some(column as u64)),
        (None, character) => (line, character),
    })
}

fn region(finding: &Finding, records: &HashMap<u64, String>, delimiter: u8) -> Region {
    match place(finding, records, delimiter) {
        Some((line, column)) => Region {
            start_line: line,
            start_column: column,
        },
        None => Region {
            start_line: 1,
            start_column: None,
        },
    }
}

/// The records of a file that findings about a cell are on (text only: a workbook's regions are
/// its rows, without a character column).
fn cell_records(file: &FileReport) -> HashMap<u64, String> {
    if !matches!(file.locator, crate::read::table::Locator::Lines) {
        return HashMap::new();
    }
    let lines: BTreeSet<u64> = file
        .findings
        .iter()
        .filter(|f| f.column.as_ref().is_some_and(|c| c.index.is_some()))
        .filter_map(|f| f.line)
        .collect();
    snippet::records(file, &lines)
}

// The SARIF log as typed records, serialized straight to the output: a run of a million findings
// is written without first building it as a tree of JSON values (which took gigabytes).
#[derive(Serialize)]
struct SarifLog<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [SarifRun<'a>; 1],
}

#[derive(Serialize)]
struct SarifRun<'a> {
    tool: Tool,
    properties: Properties,
    results: Results<'a>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text<&'static str>,
    full_description: Text<String>,
    help: Text<String>,
    help_uri: String,
    default_configuration: Level,
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    standard: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text<std::borrow::Cow<'a, str>>,
    locations: [Location<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u64>,
}

/// The results of every file, made one at a time as they are written.
struct Results<'a> {
    run: &'a RunReport,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer
            .serialize_seq(Some(self.run.files.iter().map(|f| f.findings.len()).sum()))?;
        for file in &self.run.files {
            let records = cell_records(file);
            let delimiter = file.delimiter.unwrap_or(b',');
            let uri = uri(&file.path);
            for finding in &file.findings {
                let text = match &finding.help {
                    Some(help) => format!("{} ({help})", finding.message).into(),
                    None => finding.message.as_str().into(),
                };
                seq.serialize_element(&SarifResult {
                    rule_id: finding.code.as_str(),
                    rule_index: finding.code as usize,
                    level: sarif_level(finding.severity),
                    message: Text { text },
                    locations: [Location {
                        physical_location: PhysicalLocation {
                            artifact_location: ArtifactLocation { uri: &uri },
                            region: region(finding, &records, delimiter),
                        },
                    }],
                })?;
            }
        }
        seq.end()
    }
}

/// A SARIF 2.1.0 log: one run, each finding code a rule with its `conform explain` text.
pub fn write_sarif(run: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let rules = Code::ALL
        .iter()
        .map(|code| {
            let doc = code.doc();
            Rule {
                id: code.as_str(),
                name: pascal_case(code.as_str()),
                short_description: Text { text: doc.title },
                full_description: Text {
                    text: format!("{} {}", doc.what, doc.why),
                },
                help: Text {
                    text: format!("{} Example: {}", doc.fix, doc.example),
                },
                help_uri: format!("{CODES_DOC}#{}", code.as_str()),
                default_configuration: Level {
                    level: sarif_level(code.default_severity()),
                },
            }
        })
        .collect();
    let log = SarifLog {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [SarifRun {
            tool: Tool {
                driver: Driver {
                    name: "conform",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://github.com/conform-data/conform",
                    rules,
                },
            },
            properties: Properties {
                standard: run.standard_label(),
            },
            results: Results { run },
        }],
    };
    super::write_json(&log, out)
}

/// `missing-column` as `MissingColumn`: SARIF rule names are identifiers.
fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative path as a URI reference: forward slashes, spaces and other unsafe bytes escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// One line describing a finding's place and message, for text listings.
fn located(finding: &Finding) -> String {
    match (finding.row, finding.line) {
        (Some(row), Some(line)) => format!("row {row} (line {line}): {}", finding.message),
        (None, Some(line)) => format!("line {line}: {}", finding.message),
        _ => finding.message.clone(),
    }
}

/// JUnit XML: a test suite per file, a test case per (code, column) group; errors (and, with
/// `--strict`, warnings) are failures carrying the first examples and the count.
pub fn junit(run: &RunReport, max_examples: usize) -> String {
    let mut suites = String::new();
    let (mut total_tests, mut total_failures) = (0, 0);
    for file in &run.files {
        let groups = groups(file);
        let mut cases = String::new();
        let mut failures = 0;
        let fails = |severity: Severity| {
            severity == Severity::Error || (run.strict && severity == Severity::Warning)
        };
        for group in &groups {
            let name = match group.column {
                Some(column) => format!("{} in {column}", group.code),
                None => group.code.to_string(),
            };
            let mut detail = String::new();
            for finding in group.findings.iter().take(max_examples) {
                let _ = writeln!(detail, "{}", located(finding));
                if let Some(help) = &finding.help {
                    let _ = writeln!(detail, "  help: {help}");
                }
            }
            let shown = group.findings.len().min(max_examples) as u64;
            let rest = group.count().saturating_sub(shown);
            if rest > 0 {
                let _ = writeln!(detail, "... and {rest} more");
            }
            let summary = format!(
                "{} ({})",
                plural(group.count() as usize, "finding", "findings"),
                group.severity
            );
            let _ = write!(
                cases,
                "    <testcase classname=\"{}\" name=\"{}\">",
                xml(&file.path),
                xml(&name)
            );
            if fails(group.severity) {
                failures += 1;
                let _ = write!(
                    cases,
                    "\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    ",
                    group.code,
                    xml(&match group.first() {
                        Some(first) => format!("{summary}: {}", first.message),
                        None => summary.clone(),
                    }),
                    xml(&detail)
                );
            } else {
                let _ = write!(
                    cases,
                    "\n      <system-out>{}</system-out>\n    ",
                    xml(&format!("{summary}\n{detail}"))
                );
            }
            cases.push_str("</testcase>\n");
        }
        if groups.is_empty() {
            let _ = writeln!(
                cases,
                "    <testcase classname=\"{}\" name=\"conforms to {} {}\"/>",
                xml(&file.path),
                xml(&file.standard),
                xml(&file.standard_version)
            );
        }
        let tests = groups.len().max(1);
        total_tests += tests;
        total_failures += failures;
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
            xml(&file.path)
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"conform {}\" tests=\"{total_tests}\" failures=\"{total_failures}\">\n{suites}</testsuites>\n",
        xml(&run.standard_label())
    )
}

/// Escapes a workflow command's message (GitHub's rules: `%`, CR, LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property (as data, plus `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions annotations in report order, at most 10 a (code, column) group, then a line
/// for each group that had more, with the count.
pub fn github(file: &FileReport) -> String {
    const PER_GROUP: usize = 10;
    let command = |severity: Severity| match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut out = String::new();
    let groups = groups(file);
    let mut shown = vec![0usize; groups.len()];
    let records = cell_records(file);
    let delimiter = file.delimiter.unwrap_or(b',');
    for finding in &file.findings {
        let column = finding.row.and(finding.column.as_ref()).map(|c| &*c.name);
        let Some(group) = groups.iter().position(|g| {
            g.code == finding.code && g.severity == finding.severity && g.column == column
        }) else {
            continue;
        };
        shown[group] += 1;
        if shown[group] > PER_GROUP {
            continue;
        }
        let mut properties = format!("file={}", escape_property(&file.path));
        if let Some((line, column)) = place(finding, &records, delimiter) {
            let _ = write!(properties, ",line={line}");
            if let Some(column) = column {
                let _ = write!(properties, ",col={column}");
            }
        }
        let title = match column {
            Some(column) => format!("{} in {column}", finding.code),
            None => finding.code.to_string(),
        };
        let _ = write!(properties, ",title={}", escape_property(&title));
        let message = match &finding.help {
            Some(help) => format!("{}\nhelp: {help}", finding.message),
            None => finding.message.clone(),
        };
        let _ = writeln!(
            out,
            "::{} {properties}::{}",
            command(finding.severity),
            escape_data(&message)
        );
    }
    for group in groups
        .iter()
        .filter(|g| g.count() > g.findings.len().min(PER_GROUP) as u64)
    {
        let rest = group.count() - group.findings.len().min(PER_GROUP) as u64;
        let column = group.column.map(|c| format!(" in {c}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "::{} file={},title={}::{}",
            command(group.severity),
            escape_property(&file.path),
            escape_property(&format!("{}{column}", group.code)),
            escape_data(&format!(
                "... and {rest} more `{}` findings{column} (see the full report)",
                group.code
            ))
        );
    }
    out
}

/// GitHub annotations, streamed as each file is checked; at the end, the Markdown summary is
/// appended to the step summary file when there is one.
pub struct GithubReporter<'w> {
    out: Box<dyn std::io::Write + 'w>,
    summary: Option<std::path::PathBuf>,
    max_examples: usize,
    lang: crate::i18n::Lang,
}

impl<'w> GithubReporter<'w> {
    pub fn new(out: Box<dyn std::io::Write + 'w>, options: &super::ReportOptions) -> Self {
        GithubReporter {
            out,
            summary: options.github_summary.clone(),
            max_examples: options.max_examples,
            lang: options.lang,
        }
    }
}

impl super::Reporter for GithubReporter<'_> {
    fn file(&mut self, file: &FileReport) -> std::io::Result<()> {
        self.out.write_all(github(file).as_bytes())?;
        self.out.flush()
    }

    fn finish(&mut self, run: &RunReport) -> std::io::Result<()> {
        self.out.flush()?;
        let Some(path) = &self.summary else {
            return Ok(());
        };
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot append to GITHUB_STEP_SUMMARY: {e}"),
                )
            })?;
        std::io::Write::write_all(
            &mut file,
            super::markdown::render(run, self.max_examples, self.lang).as_bytes(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn xml_is_escaped_and_cleaned() {
        assert_eq!(
            xml("<a & \"b\">\u{1}"),
            "&lt;a &amp; &quot;b&quot;&gt;\u{fffd}"
        );
    }

    #[test]
    fn uris_escape_unsafe_bytes() {
        assert_eq!(uri("data/spend 2025/£.csv"), "data/spend%202025/%C2%A3.csv");
    }
}

//! Findings: the problems conform reports, each with a stable code and a severity.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::i18n::{Lang, Text};

mod codes;
pub use codes::{Code, CodeDoc};

/// How serious a finding is. Ordered so that `Error` is the greatest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// A severity override as standards and `conform.toml` write it: a level, or `off` to switch
    /// the code off (`Some(None)`); `None` when it is neither.
    pub fn parse_override(text: &str) -> Option<Option<Severity>> {
        match text {
            "off" => Some(None),
            other => Severity::parse(other).map(Some),
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The column a finding is about: its position in the file (when the file has it) and its name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ColumnRef {
    /// 0-based position in the file's header; `None` for a column the file lacks.
    pub index: Option<usize>,
    /// The name the standard gives the column (or the file's header text for an unknown column).
    pub name: Arc<str>,
}

/// One problem found in a file.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// Data row, 1-based (the first row after the header is row 1). `None` for file-level findings.
    pub row: Option<u64>,
    /// Physical line where the record starts, 1-based (the header is line 1).
    pub line: Option<u64>,
    pub column: Option<ColumnRef>,
    /// The offending value, exactly as it appears in the file.
    pub value: Option<Box<str>>,
    pub message: String,
    pub help: Option<String>,
    /// The JSON Schema keyword location behind the finding, where there is one.
    pub schema_path: Option<String>,
    /// The 1-based character on `line` a finding points at when it is about a place rather than a
    /// cell (the first byte that is not UTF-8).
    pub character: Option<u64>,
    /// The catalogue messages behind `message` and `help`, until [`Finding::render`] writes them
    /// in the report's language (a check renders the findings it keeps; those counted beyond
    /// `--max-findings` are never written out). `None` once rendered, and for words that are not
    /// conform's own (a rule's message written by a standard's authors).
    pub words: Option<Box<Words>>,
}

/// The catalogue messages behind a finding's words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub message: Option<Text>,
    pub help: Option<Text>,
}

impl Finding {
    pub fn new(code: Code, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            row: None,
            line: None,
            column: None,
            value: None,
            message: message.into(),
            help: None,
            schema_path: None,
            character: None,
            words: None,
        }
    }

    /// A finding whose message comes from the catalogue: written when the check renders the
    /// findings it keeps, in the report's language.
    pub fn text(code: Code, message: Text) -> Finding {
        let mut finding = Finding::new(code, String::new());
        finding.words = Some(Box::new(Words {
            message: Some(message),
            help: None,
        }));
        finding
    }

    /// The help from the catalogue (replacing any help set before).
    pub fn with_help_text(mut self, help: Option<Text>) -> Finding {
        self.set_help_text(help);
        self
    }

    /// Replaces the help with one from the catalogue, before the finding is written out.
    pub fn set_help_text(&mut self, help: Option<Text>) {
        self.help = None;
        self.words.get_or_insert_with(Default::default).help = help;
    }

    /// Writes the message and help from the catalogue in `lang` (once: the catalogue messages
    /// are dropped).
    pub fn render(&mut self, lang: Lang) {
        let Some(words) = self.words.take() else {
            return;
        };
        if let Some(message) = &words.message {
            self.message = message.render(lang);
        }
        if let Some(help) = &words.help {
            self.help = Some(help.render(lang));
        }
    }

    /// The message in `lang`, whether or not the finding is rendered yet.
    pub fn message_in(&self, lang: Lang) -> String {
        match self.words.as_ref().and_then(|w| w.message.as_ref()) {
            Some(message) => message.render(lang),
            None => self.message.clone(),
        }
    }

    pub fn at_row(mut self, row: u64, line: u64) -> Finding {
        self.row = Some(row);
        self.line = Some(line);
        self
    }

    pub fn at_line(mut self, line: u64) -> Finding {
        self.line = Some(line);
        self
    }

    pub fn in_column(mut self, index: Option<usize>, name: &Arc<str>) -> Finding {
        self.column = Some(ColumnRef {
            index,
            name: Arc::clone(name),
        });
        self
    }

    /// Records the cell's text; a very long cell (a boundary's WKT can be 400 KB) is cut short, as
    /// reports show values to be recognised, not copied back.
    pub fn with_value(mut self, value: &str) -> Finding {
        const MAX_BYTES: usize = 400;
        self.value = Some(if value.len() > MAX_BYTES {
            let mut cut = MAX_BYTES;
            while !value.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}…", &value[..cut]).into()
        } else {
            value.into()
        });
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    /// Help in words that are not the catalogue's (a standard's own description).
    pub fn with_help(mut self, help: Option<String>) -> Finding {
        self.help = help;
        if let Some(words) = self.words.as_mut() {
            words.help = None;
        }
        self
    }

    pub fn with_schema_path(mut self, path: impl Into<String>) -> Finding {
        self.schema_path = Some(path.into());
        self
    }

    /// The order reports use: file-level findings first, then by row, column and code.
    pub fn sort_key(&self) -> (u64, u64, usize, Code) {
        let row = self.row.unwrap_or(0);
        let line = self.line.unwrap_or(0);
        let column = self
            .column
            .as_ref()
            .and_then(|c| c.index)
            .unwrap_or(usize::MAX);
        (row, line, column, self.code)
    }
}

/// Findings beyond `--max-findings`: counted by the group a report shows them in (code,
/// severity, and column for a finding on a row), not kept, so that a report's counts and verdict
/// cover the whole file while its memory stays bounded (a group keeps its first finding, as the
/// example a report can show for a group it lists nothing of).
#[derive(Clone, Debug, Default)]
pub struct Beyond {
    groups: std::collections::BTreeMap<GroupKey, (u64, Box<Finding>)>,
}

/// A report's group: code, severity, and the column of a finding on a row.
type GroupKey = (Code, Severity, Option<Arc<str>>);

impl Beyond {
    /// Counts `finding` (and `more` like it) instead of keeping it.
    pub fn add(&mut self, finding: &Finding, more: u64) {
        let column = finding
            .row
            .and(finding.column.as_ref())
            .map(|c| Arc::clone(&c.name));
        self.groups
            .entry((finding.code, finding.severity, column))
            .or_insert_with(|| (0, Box::new(finding.clone())))
            .0 += 1 + more;
    }

    /// Counts every finding of `findings` after the first `keep`, and removes them.
    pub fn keep_first(&mut self, findings: &mut Vec<Finding>, keep: usize) {
        if findings.len() > keep {
            for finding in &findings[keep..] {
                self.add(finding, 0);
            }
            findings.truncate(keep);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn total(&self) -> u64 {
        self.groups.values().map(|(n, _)| n).sum()
    }

    pub fn count(&self, severity: Severity) -> u64 {
        self.groups
            .iter()
            .filter(|((_, s, _), _)| *s == severity)
            .map(|(_, (n, _))| n)
            .sum()
    }

    /// Each group: its count and its first finding, in code order.
    pub fn groups(&self) -> impl Iterator<Item = (u64, &Finding)> + '_ {
        self.groups.values().map(|(n, first)| (*n, &**first))
    }

    /// Adds the groups of `later` (counted from findings that come after every one counted so far)
    /// whose examples' rows count from `rows_before + 1`: a group already here keeps its example.
    pub fn absorb(&mut self, later: Beyond, rows_before: u64) {
        for (key, (count, mut first)) in later.groups {
            match self.groups.entry(key) {
                std::collections::btree_map::Entry::Occupied(mut group) => {
                    group.get_mut().0 += count
                }
                std::collections::btree_map::Entry::Vacant(group) => {
                    if let Some(row) = first.row.as_mut() {
                        *row += rows_before;
                    }
                    group.insert((count, first));
                }
            }
        }
    }

    /// Writes the groups' first findings in `lang`.
    pub fn render(&mut self, lang: Lang) {
        for (_, first) in self.groups.values_mut() {
            first.render(lang);
        }
    }
}

/// Severities a standard or the command line sets per code; `None` switches a code off.
#[derive(Clone, Debug)]
pub struct SeverityTable {
    levels: [Option<Severity>; Code::ALL.len()],
}

impl Default for SeverityTable {
    fn default() -> Self {
        let mut levels = [None; Code::ALL.len()];
        for (slot, code) in levels.iter_mut().zip(Code::ALL) {
            *slot = Some(code.default_severity());
        }
        SeverityTable { levels }
    }
}

impl SeverityTable {
    pub fn set(&mut self, code: Code, severity: Option<Severity>) {
        self.levels[code as usize] = severity;
    }

    pub fn get(&self, code: Code) -> Option<Severity> {
        self.levels[code as usize]
    }
}

/// `1234567` as `1,234,567`, for counts people read.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_names_round_trip() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(*code));
        }
        assert_eq!(Code::parse("no-such-code"), None);
    }

    #[test]
    fn severity_table_overrides_and_switches_off() {
        let mut table = SeverityTable::default();
        assert_eq!(table.get(Code::UnknownColumn), Some(Severity::Warning));
        table.set(Code::UnknownColumn, Some(Severity::Error));
        table.set(Code::Whitespace, None);
        assert_eq!(table.get(Code::UnknownColumn), Some(Severity::Error));
        assert_eq!(table.get(Code::Whitespace), None);
        assert_eq!(table.get(Code::Type), Some(Severity::Error));
    }
}

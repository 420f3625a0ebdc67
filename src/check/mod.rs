//! Checking one file against one table: header, then rows in parallel batches, then keys in row
//! order, then table-level counts.

mod cells;
mod entry_sort;
mod header;
mod keys;
mod parse;
mod pattern_help;
mod point;
mod references;
mod rules;
mod table;

use std::sync::mpsc;
use std::sync::Arc;

use csv::StringRecord;
use encoding_rs::Encoding;
use rayon::prelude::*;

use crate::compile::CompiledTable;
use crate::finding::{Beyond, Code, Finding, Severity};
use crate::read::csv::{Chunk, ChunkReader, ChunkRecords, Dialect, FaultKind, Record};
use crate::read::detect::Kind;
use crate::read::table::{Locator, RowBatch};
use crate::read::{self, Input, OpenError};
use crate::standard::Table;
use crate::t;
pub use cells::CellAt;
use header::plan_at;
pub use header::{columns_for, plan as plan_header, HeaderPlan, How as MatchedBy};
use parse::fault_finding;
pub use references::{check_references, Checked};
pub(crate) use table::kind_of;
use table::{cell_error, check_table, csv_line};

/// Which path checks the row schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaPath {
    /// Compiled per-cell checks, plus JSON Schema evaluation for what they do not cover.
    Compiled,
    /// Full JSON Schema evaluation of every row (slow; used to prove both paths agree).
    Full,
}

/// Told how many bytes of the file have been checked so far (for a progress bar).
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn(u64) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

/// How a run checks files.
#[derive(Clone, Debug)]
pub struct Options {
    pub progress: Option<Progress>,
    pub max_findings: Option<usize>,
    pub ignore: Vec<Code>,
    pub encoding: Option<&'static Encoding>,
    pub delimiter: Option<u8>,
    pub schema_path: SchemaPath,
    /// The sheet of a workbook to check (a name, or a number from 1).
    pub sheet: Option<String>,
    /// The format, instead of telling it from the content.
    pub input_format: Option<Kind>,
    /// Gather what each column holds (see [`crate::profile`]) into the report.
    pub profile: bool,
    /// With the profile, the forms of the values too (for drafting a standard).
    pub profile_shapes: bool,
    /// Read only the first this many rows (a sample); the report says so.
    pub max_rows: Option<u64>,
    /// The language the findings' messages and help are written in.
    pub lang: crate::i18n::Lang,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            progress: None,
            max_findings: None,
            ignore: Vec::new(),
            encoding: None,
            delimiter: None,
            schema_path: SchemaPath::Compiled,
            sheet: None,
            input_format: None,
            profile: false,
            profile_shapes: false,
            max_rows: None,
            lang: crate::i18n::Lang::En,
        }
    }
}

/// What checking one file found.
#[derive(Debug)]
pub struct FileReport {
    pub input: Input,
    pub path: String,
    pub format: &'static str,
    pub encoding: Option<&'static Encoding>,
    pub encoding_label: Option<String>,
    pub delimiter: Option<u8>,
    pub rows: u64,
    pub header: Vec<Arc<str>>,
    pub standard: String,
    /// The standard's version (set by whoever knows it; `check_file` is given the id only).
    pub standard_version: String,
    pub table: String,
    /// The findings kept, in report order: the first `--max-findings` of the run.
    pub findings: Vec<Finding>,
    /// The findings after those, counted and not kept.
    pub beyond: Beyond,
    /// Repeated key fingerprints to count in `beyond` when the check finishes: a finding like
    /// theirs, and how many.
    counted_keys: Vec<(Finding, u64)>,
    /// The key values kept for the references between tables (taken by them).
    kept_keys: Vec<keys::KeptKey>,
    /// True when only the first rows were read (`Options::max_rows`) and the file had more, or
    /// may have.
    pub sampled: bool,
    /// What each column holds, when asked for.
    pub profile: Option<crate::profile::Profile>,
    /// How the format says where a finding is (`Sheet!C12`, a JSON pointer).
    pub locator: Locator,
    /// The line (a sheet's row) of the header.
    pub header_line: u64,
    /// The rows findings are on, as CSV text, by row number, for formats a report cannot read
    /// back as text (many rows of a JSON file may start on one line).
    pub snippets: std::collections::BTreeMap<u64, String>,
}

impl FileReport {
    /// Findings of `severity`, kept or counted beyond `--max-findings`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
            + self.beyond.count(severity) as usize
    }

    /// Whether findings were counted beyond `--max-findings` and are not listed.
    pub fn partial(&self) -> bool {
        !self.beyond.is_empty()
    }

    /// Writes every finding kept (and each counted group's example) in `lang`.
    pub fn render(&mut self, lang: crate::i18n::Lang) {
        for finding in &mut self.findings {
            finding.render(lang);
        }
        self.beyond.render(lang);
    }

    /// Every finding, kept or counted.
    pub fn total_findings(&self) -> u64 {
        self.findings.len() as u64 + self.beyond.total()
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// What a finding's snippet is kept under: its line in text, its row in other formats.
    pub fn snippet_key(&self, finding: &Finding) -> Option<u64> {
        match self.locator {
            Locator::Lines => finding.line,
            // The header row is kept as row 0.
            _ => finding.row.or_else(|| {
                (finding.column.is_some() && finding.line == Some(self.header_line)).then_some(0)
            }),
        }
    }

    /// Where a finding is in the format's own terms (`Sheet!C12`, `/grants/3/Amount Awarded`,
    /// `line 7`); `None` for delimited text.
    pub fn location(&self, finding: &Finding) -> Option<String> {
        let column = finding.column.as_ref();
        let index = column.and_then(|c| c.index);
        // The key as the file writes it: the standard's name may differ (an alias).
        let name = index
            .and_then(|i| self.header.get(i))
            .map(|h| &**h)
            .or(column.map(|c| &*c.name));
        self.locator.locate(finding.row, finding.line, index, name)
    }
}

/// Applies the table's severities and the run's ignore list; drops what is switched off.
fn settle(findings: &mut Vec<Finding>, table: &CompiledTable, options: &Options) {
    findings.retain_mut(|finding| {
        if options.ignore.contains(&finding.code) {
            return false;
        }
        // A severity set on purpose (an optional column's missing-column is info) is kept.
        if finding.severity == finding.code.default_severity() {
            match table.severity.get(finding.code) {
                Some(level) => finding.severity = level,
                None => return false,
            }
        }
        true
    });
}

fn is_blank<'r>(mut cells: impl Iterator<Item = &'r str>) -> bool {
    cells.all(|cell| cells::trim(cell).is_empty())
}

/// Checks one record's shape and cells; returns whether the row is blank.
fn check_record(
    (row, line): (u64, u64),
    record: &Record<'_>,
    plan: &HeaderPlan,
    table: &CompiledTable,
    rules: &[usize],
    path: SchemaPath,
    out: &mut Vec<Finding>,
) -> bool {
    if is_blank(record.iter()) {
        out.push(
            Finding::text(Code::BlankRow, t!("check-blank-row"))
                .at_row(row, line)
                .with_help_text(Some(t!("check-blank-row-help"))),
        );
        return true;
    }
    let cells = record.len();
    if cells > plan.width {
        let extra: Vec<&str> = record.iter().skip(plan.width).collect();
        let all_empty = extra.iter().all(|c| c.trim().is_empty());
        let name: Arc<str> = Arc::from(format!("column {}", plan.width + 1));
        out.push(
            Finding::text(
                Code::ExtraCell,
                t!(
                    "check-extra-cell",
                    cells = cells as i64,
                    columns = plan.width as i64
                ),
            )
            .at_row(row, line)
            .in_column(Some(plan.width), &name)
            .with_value(&extra.join(","))
            .with_help_text(Some(if all_empty {
                t!("check-extra-cell-empty-help")
            } else {
                t!("check-extra-cell-help")
            })),
        );
    } else if cells < plan.width {
        let name = Arc::clone(&plan.names[cells]);
        out.push(
            Finding::text(
                Code::MissingCell,
                t!(
                    "check-missing-cell",
                    cells = cells as i64,
                    columns = plan.width as i64,
                    name = &name
                ),
            )
            .at_row(row, line)
            .in_column(Some(cells), &name)
            .with_help_text(Some(t!("check-missing-cell-help"))),
        );
    }
    let first = out.len();
    if path == SchemaPath::Compiled {
        for (column, file_column) in table.columns.iter().zip(&plan.standard_to_file) {
            let Some(file_column) = *file_column else {
                continue;
            };
            let Some(raw) = record.get(file_column) else {
                continue;
            };
            let at = CellAt {
                row,
                line,
                file_column,
            };
            cells::check_cell(raw, column, table, at, out);
        }
    }
    let rules_from = out.len();
    if !rules.is_empty() {
        rules::check_rules(
            record,
            table,
            &plan.standard_to_file,
            rules,
            (row, line),
            out,
        );
    }
    one_finding_per_cell(out, first, rules_from);
    let validator = match path {
        SchemaPath::Compiled => table.residual.as_ref(),
        SchemaPath::Full => None,
    };
    if let Some(validator) = validator {
        let found = schema_findings(validator, record, plan, table, row, line);
        // A cell the compiled checks already reported is not reported twice.
        let reported: Vec<Option<usize>> = out[first..]
            .iter()
            .filter(|f| f.code != Code::Whitespace)
            .map(|f| f.column.as_ref().and_then(|c| c.index))
            .collect();
        out.extend(found.into_iter().filter(|f| {
            let index = f.column.as_ref().and_then(|c| c.index);
            index.is_none() || !reported.contains(&index)
        }));
    }
    false
}

/// A rule finding placed on a cell that already has a finding as serious is dropped: the cell's
/// own finding says what is wrong with the value the rule read (a `SiteInformation` of plain text
/// is a pattern error, not also a rule error).
fn one_finding_per_cell(out: &mut Vec<Finding>, cells_from: usize, rules_from: usize) {
    if rules_from == out.len() || cells_from == rules_from {
        return;
    }
    let rule_findings = out.split_off(rules_from);
    let (cells, _) = out.split_at(rules_from);
    let cells = &cells[cells_from..];
    let kept: Vec<Finding> = rule_findings
        .into_iter()
        .filter(|rule| {
            let index = rule.column.as_ref().and_then(|c| c.index);
            !cells.iter().any(|cell| {
                cell.code != Code::Whitespace
                    && index.is_some()
                    && cell.column.as_ref().and_then(|c| c.index) == index
                    && cell.severity >= rule.severity
            })
        })
        .collect();
    out.extend(kept);
}

/// The row as a JSON object, through a JSON Schema validator.
fn schema_findings(
    validator: &crate::schema::Validator,
    record: &Record<'_>,
    plan: &HeaderPlan,
    table: &CompiledTable,
    row: u64,
    line: u64,
) -> Vec<Finding> {
    let object = rules::row_object(record, table, &plan.standard_to_file);
    let mut found = Vec::new();
    rules::validate_row(
        validator,
        &object,
        record,
        table,
        &plan.standard_to_file,
        row,
        line,
        &mut found,
    );
    found
}

/// Full JSON Schema evaluation of a row, one finding per cell (the highest in `rules::priority`).
#[allow(clippy::too_many_arguments)]
fn check_record_full(
    (row, line): (u64, u64),
    record: &Record<'_>,
    plan: &HeaderPlan,
    table: &CompiledTable,
    validator: &crate::schema::Validator,
    rules: &[usize],
    out: &mut Vec<Finding>,
) -> bool {
    if is_blank(record.iter()) {
        return true;
    }
    let mut found = schema_findings(validator, record, plan, table, row, line);
    rules::check_rules(
        record,
        table,
        &plan.standard_to_file,
        rules,
        (row, line),
        &mut found,
    );
    // A required column the file lacks is one `missing-column` finding, not one per row; cells a
    // short row lacks are one `missing-cell` finding.
    found.retain(|f| {
        let absent = f
            .column
            .as_ref()
            .is_some_and(|c| c.index.is_none_or(|i| i >= record.len()));
        !(f.code == Code::Required && absent)
    });
    found.sort_by_key(|f| {
        (
            f.column.as_ref().map(|c| c.name.clone()),
            rules::priority(f.code),
        )
    });
    found.dedup_by(|b, a| {
        a.column.is_some()
            && a.column.as_ref().map(|c| &c.name) == b.column.as_ref().map(|c| &c.name)
    });
    out.extend(found);
    false
}

/// What a worker found in one chunk: findings with rows numbered within the chunk, and the key
/// values for the sequential key checks.
struct ChunkResult {
    /// Bytes of text in the chunk, to estimate how many rows the file holds.
    bytes: usize,
    records: u64,
    last_line: Option<u64>,
    findings: Vec<Finding>,
    keys: keys::KeyValues,
    /// Rows with findings, as CSV text, for formats a report cannot read back.
    snippets: Vec<(u64, String)>,
    profile: Option<crate::profile::Profile>,
    /// Rows were left unread: the batch held more than it was asked to check.
    cut: bool,
    /// The findings counted on the checking thread, once `--max-findings` were kept before this
    /// chunk (rows counted from the chunk's first).
    counted: Option<Beyond>,
}

/// The in-order half of checking: row numbers, key sets, findings, the `--max-findings` stop.
struct Merger<'a, 'p> {
    report: &'a mut FileReport,
    keys: &'a mut keys::KeyChecks<'p>,
    last_line: &'a mut u64,
    compiled: &'a CompiledTable,
    options: &'a Options,
    /// The input's size, when known, to size the key sets once instead of growing them.
    input_bytes: Option<u64>,
    bytes_seen: u64,
    reserved: bool,
    /// The workers' sign that findings are only counted from now on.
    full: &'a std::sync::atomic::AtomicBool,
}

impl Merger<'_, '_> {
    /// Merges checked chunks in order; returns whether to stop (a second look at key values has
    /// seen every row it wanted).
    fn merge(&mut self, results: Vec<std::io::Result<ChunkResult>>) -> std::io::Result<bool> {
        for result in results {
            let mut result = result?;
            let report = &mut *self.report;
            let first_row = report.rows + 1;
            for finding in &mut result.findings {
                if let Some(row) = finding.row.as_mut() {
                    *row += report.rows;
                }
            }
            self.bytes_seen += result.bytes as u64;
            if self.keys.is_confirming() {
                // A second look at key values: its other findings were reported the first time.
                result.findings.clear();
            } else if let Some(progress) = &self.options.progress {
                (progress.0)(self.bytes_seen);
            }
            if !self.reserved && !result.keys.values.is_empty() {
                self.reserved = true;
                if let Some(total) = self.input_bytes.filter(|_| result.bytes > 0) {
                    let rows =
                        (total as f64 / result.bytes as f64 * result.records as f64) as usize;
                    self.keys.reserve(rows.min(100_000_000));
                }
            }
            if !result.keys.values.is_empty() {
                self.keys
                    .check(&result.keys, first_row, &mut result.findings);
                result.findings.sort_by_key(Finding::sort_key);
            }
            self.keys.give_back(std::mem::take(&mut result.keys));
            settle(&mut result.findings, self.compiled, self.options);
            report.rows += result.records;
            *self.last_line = result.last_line.unwrap_or(*self.last_line);
            for (row, text) in result.snippets {
                if report.snippets.len() < MAX_SNIPPETS {
                    // Rows of the chunk count from its first: `first_row` is the file's row 1.
                    report.snippets.insert(row + first_row - 1, text);
                }
            }
            let kept_before = report.findings.len();
            if self
                .options
                .max_findings
                .is_some_and(|max| kept_before + result.findings.len() > max)
            {
                // The limit falls in this chunk: the findings kept are the first in report order.
                result.findings.sort_by_key(Finding::sort_key);
            }
            if let Some(counted) = result.counted.take() {
                report.beyond.absorb(counted, first_row - 1);
            }
            report.findings.append(&mut result.findings);
            report.sampled |= result.cut;
            if let Some(profile) = result.profile {
                match report.profile.as_mut() {
                    Some(all) => all.merge(&profile),
                    None => report.profile = Some(profile),
                }
            }
            if let Some(max) = self.options.max_findings {
                // Past the limit, findings are counted, not kept: the check goes on to the end.
                report.beyond.keep_first(&mut report.findings, max);
                if report.findings.len() >= max {
                    self.full.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            // Only the findings kept are written out (most already were, by the workers).
            for finding in report.findings.iter_mut().skip(kept_before) {
                finding.render(self.options.lang);
            }
            if self.keys.confirmed_all(report.rows) {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Everything a worker needs to check chunks, shared by reference.
struct Worker<'a> {
    dialect: Dialect,
    plan: &'a HeaderPlan,
    compiled: &'a CompiledTable,
    key_plan: &'a keys::KeyPlan,
    /// The table's rules this file is checked for ([`rules::rules_for_file`]).
    rules: Vec<usize>,
    schema_path: SchemaPath,
    full_validator: Option<&'a crate::schema::Validator>,
    /// Only the key values are wanted (a second look at rows whose fingerprints matched).
    keys_only: bool,
    /// Gather a profile of the columns.
    profile: bool,
    /// With the forms of the values.
    profile_shapes: bool,
    /// The language findings are written in.
    lang: crate::i18n::Lang,
    /// What findings are ignored (for those counted on the checking threads).
    options: &'a Options,
    /// Set once `--max-findings` findings are kept: the findings of later chunks are only
    /// counted, so they are not written out.
    full: std::sync::atomic::AtomicBool,
}

/// Work for the checking threads: a chunk of text to parse, or rows a table reader made.
pub(crate) enum Batch {
    Text(Chunk),
    Rows(RowBatch),
}

/// Rows kept as snippets a file, for the human report of formats it cannot read back.
const MAX_SNIPPETS: usize = 1000;

impl Worker<'_> {
    /// Checks a batch's rows, at most `cap` of them.
    fn run(
        &self,
        batch: &Batch,
        parser: &mut csv_core::Reader,
        cap: u64,
    ) -> std::io::Result<ChunkResult> {
        let mut result = match batch {
            Batch::Text(chunk) => self.run_text(chunk, parser, cap)?,
            Batch::Rows(rows) => self.run_rows(rows, cap),
        };
        if self.keys_only {
            // A second look at key values: its other findings were reported the first time.
        } else if self.full.load(std::sync::atomic::Ordering::Relaxed) {
            // Every finding of this chunk is after the limit: counted here and let go on the
            // thread that made it (freeing memory another thread allocated costs that thread's
            // allocator a lock, which a file of a million findings felt).
            settle(&mut result.findings, self.compiled, self.options);
            let mut counted = Beyond::default();
            counted.keep_first(&mut result.findings, 0);
            result.counted = Some(counted);
        } else {
            // Written here, on the checking threads, while there is room for them in the report.
            for finding in &mut result.findings {
                finding.render(self.lang);
            }
        }
        Ok(result)
    }

    fn result(&self, bytes: usize) -> ChunkResult {
        ChunkResult {
            bytes,
            records: 0,
            last_line: None,
            findings: Vec::new(),
            keys: self.key_plan.buffer(),
            snippets: Vec::new(),
            counted: None,
            profile: (self.profile && !self.keys_only).then(|| {
                if self.profile_shapes {
                    crate::profile::Profile::with_shapes(self.plan.width)
                } else {
                    crate::profile::Profile::new(self.plan.width)
                }
            }),
            cut: false,
        }
    }

    /// Parses and checks one chunk. Rows in the findings count from 1 within the chunk.
    fn run_text(
        &self,
        chunk: &Chunk,
        parser: &mut csv_core::Reader,
        cap: u64,
    ) -> std::io::Result<ChunkResult> {
        let mut records = ChunkRecords::new(chunk, self.dialect, parser)?;
        let mut result = self.result(chunk.bytes.len());
        let mut faults = chunk.faults.iter().peekable();
        loop {
            if result.records >= cap {
                result.cut = records.next_record_spanning().is_some();
                return Ok(result);
            }
            let Some((line, next_line, record)) = records.next_record_spanning() else {
                break;
            };
            let mut readable = true;
            // Text after a closing quote leaves the cells in line when the row still has the
            // header's width; otherwise the quote has shifted them and their checks would only
            // echo it.
            let aligned = record.len() == self.plan.width;
            while let Some(fault) = faults.next_if(|f| f.line < next_line) {
                let trusted = matches!(fault.kind, FaultKind::TextAfterQuote { .. }) && aligned;
                readable &= trusted;
                result
                    .findings
                    .push(fault_finding(fault, result.records + 1, trusted));
            }
            if readable {
                self.check_one(&mut result, line, &record);
            } else {
                // The cause alone: its cells would only echo the broken quote.
                result.records += 1;
                result.last_line = Some(line);
            }
        }
        // A record too long to read stands alone in a chunk with no text.
        for fault in faults {
            if result.records >= cap {
                result.cut = true;
                break;
            }
            result.records += 1;
            result.last_line = Some(fault.line);
            result
                .findings
                .push(fault_finding(fault, result.records, false));
        }
        Ok(result)
    }

    /// Checks rows a table reader made; a cell holding a formula error is that error's finding
    /// alone.
    fn run_rows(&self, rows: &RowBatch, cap: u64) -> ChunkResult {
        let mut result = self.result(rows.bytes());
        result.cut = u64::try_from(rows.len()).is_ok_and(|n| n > cap);
        result.findings.extend(rows.findings.iter().cloned());
        let mut errors = rows.cell_errors.iter().peekable();
        let mut places = rows.places.iter().peekable();
        for i in 0..rows.len().min(usize::try_from(cap).unwrap_or(usize::MAX)) {
            let (line, record) = rows.record(i);
            let before = result.findings.len();
            self.check_one(&mut result, line, &record);
            let row = result.records;
            // A JSON value's own line and column, for the findings on it.
            while let Some((_, column, value_line, character)) = places.next_if(|p| p.0 == i) {
                for finding in &mut result.findings[before..] {
                    if finding.column.as_ref().and_then(|c| c.index) == Some(*column) {
                        finding.line = Some(*value_line);
                        finding.character = Some(*character);
                    }
                }
            }
            while let Some((_, column, error)) = errors.next_if(|(r, _, _)| *r == i) {
                result.findings.retain(|f| {
                    f.row != Some(row) || f.column.as_ref().and_then(|c| c.index) != Some(*column)
                });
                // Nor is it a key: `#N/A` twice is not a duplicate.
                for value in result.keys.values.iter_mut().rev() {
                    if value.record != row {
                        break;
                    }
                    if self.key_plan.uses_column(value.key as usize, *column) {
                        value.leave_out();
                    }
                }
                result
                    .findings
                    .push(cell_error(row, line, *column, error, self.plan));
            }
            if result.findings.len() > before && result.snippets.len() < MAX_SNIPPETS {
                result.snippets.push((row, csv_line(&record)));
            }
        }
        result
    }

    fn check_one(&self, result: &mut ChunkResult, line: u64, record: &Record<'_>) {
        result.records += 1;
        result.last_line = Some(line);
        let row = result.records;
        if let Some(profile) = result.profile.as_mut() {
            profile.observe(record);
        }
        let blank = if self.keys_only {
            is_blank(record.iter())
        } else {
            match self.full_validator {
                Some(v) => check_record_full(
                    (row, line),
                    record,
                    self.plan,
                    self.compiled,
                    v,
                    &self.rules,
                    &mut result.findings,
                ),
                None => check_record(
                    (row, line),
                    record,
                    self.plan,
                    self.compiled,
                    &self.rules,
                    self.schema_path,
                    &mut result.findings,
                ),
            }
        };
        if !blank && !self.key_plan.is_empty() {
            self.key_plan.extract(
                row,
                line,
                record,
                self.compiled,
                &mut result.keys,
                self.keys_only,
            );
        }
    }
}

/// Columns read at most: Excel's limit, far beyond any real standard's table.
const MAX_COLUMNS: usize = 16_384;

/// Bytes of text handed to a worker at a time.
const CHUNK_BYTES: usize = 512 << 10;

/// Checks `input` against `table`. I/O errors (the file cannot be read) are returned; everything
/// wrong with the contents becomes a finding.
///
/// A file that starts like UTF-8 is checked as it is read; should a chunk turn out not to be
/// UTF-8, the check starts again after a scan of the whole file has found its encoding. Valid
/// files, the common case, are read once.
pub fn check_file(
    input: &Input,
    standard_id: &str,
    table: &Table,
    compiled: &CompiledTable,
    options: &Options,
) -> std::io::Result<FileReport> {
    let mut report = check_any(input, standard_id, table, compiled, options)?;
    report.render(options.lang);
    Ok(report)
}

/// [`check_file`], with the findings it keeps still to be written out.
fn check_any(
    input: &Input,
    standard_id: &str,
    table: &Table,
    compiled: &CompiledTable,
    options: &Options,
) -> std::io::Result<FileReport> {
    let kind = match kind_of(input, options) {
        Ok(kind) => kind,
        Err(e) if input.is_compressed() => {
            let mut report = FileReport::new(input, standard_id, table);
            report.format = "gzip";
            report.findings.push(
                Finding::text(
                    Code::ParseError,
                    t!("check-damaged-compression", reason = e.to_string()),
                )
                .with_help_text(Some(t!("check-damaged-compression-help"))),
            );
            settle(&mut report.findings, compiled, options);
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    if kind != Kind::Text {
        return check_table(
            input,
            kind,
            standard_id,
            table,
            compiled,
            options,
            Pass::Check,
        );
    }
    match check_once(
        input,
        standard_id,
        table,
        compiled,
        options,
        true,
        Pass::Check,
    ) {
        Err(e) if read::NotUtf8::is(&e) => check_once(
            input,
            standard_id,
            table,
            compiled,
            options,
            false,
            Pass::Check,
        ),
        other => other,
    }
}

/// What a reading of a file is for: the check, or a second look at the rows whose key
/// fingerprints matched, to compare their values.
pub(crate) enum Pass {
    Check,
    Confirm(keys::Pending),
}

fn check_once(
    input: &Input,
    standard_id: &str,
    table: &Table,
    compiled: &CompiledTable,
    options: &Options,
    lazy: bool,
    pass: Pass,
) -> std::io::Result<FileReport> {
    let mut report = FileReport::new(input, standard_id, table);
    let Some(mut chunks) = open_csv(input, compiled, options, lazy, &mut report)? else {
        return Ok(report);
    };
    let mut header = StringRecord::new();
    let (header_line, titles) = chunks.header_under_titles(&mut header)?;
    if let (Some(title), Some(line)) = (titles.first(), header_line) {
        let first = title.line;
        let lines = match (titles.len(), title.numbering) {
            (1, true) => t!(
                "check-title-numbering",
                line = first as i64,
                text = cells::quote(&title.text)
            ),
            (1, false) => t!(
                "check-title-line",
                line = first as i64,
                text = cells::quote(&title.text)
            ),
            (n, _) => t!(
                "check-title-block",
                first = first as i64,
                last = (first + n as u64 - 1) as i64
            ),
        };
        report.findings.push(
            Finding::text(
                Code::Input,
                t!("check-title-rows", lines = lines, line = line as i64),
            )
            .at_line(first)
            .with_help_text(Some(t!("check-title-rows-help"))),
        );
    }
    if let Some(fault) = chunks.header_fault.take() {
        let mut finding = fault_finding(&fault, 0, true);
        finding.row = None;
        report.findings.push(finding);
        if header.is_empty() {
            settle(&mut report.findings, compiled, options);
            return Ok(report);
        }
    }
    if header_line.is_none() || is_blank(header.iter()) {
        report.findings.push(
            Finding::text(Code::EmptyFile, t!("check-no-header"))
                .with_help_text(Some(t!("check-no-header-help"))),
        );
        settle(&mut report.findings, compiled, options);
        return Ok(report);
    }
    let header_line = header_line.unwrap_or(1);
    report.header_line = header_line;
    if header.len() > MAX_COLUMNS {
        report.findings.push(
            Finding::text(
                Code::ParseError,
                t!(
                    "check-header-too-wide",
                    cells = header.len(),
                    max = MAX_COLUMNS
                ),
            )
            .at_line(header_line)
            .with_help_text(Some(t!("check-header-too-wide-help"))),
        );
        header.truncate(MAX_COLUMNS);
    }
    let plan = plan_for(&mut report, &header, header_line, table, compiled, options);
    let full_validator = full_validator(table, options)?;
    let key_plan = keys::KeyPlan::new(table, compiled, &plan.standard_to_file);
    let mut key_checks = keys::KeyChecks::for_pass(&key_plan, pass);
    let worker = Worker {
        dialect: chunks.dialect,
        plan: &plan,
        compiled,
        key_plan: &key_plan,
        rules: rules::rules_for_file(compiled, &plan.standard_to_file),
        schema_path: options.schema_path,
        full_validator: full_validator.as_ref(),
        keys_only: key_checks.is_confirming(),
        profile: options.profile,
        profile_shapes: options.profile_shapes,
        lang: options.lang,
        options,
        full: Default::default(),
    };
    let mut last_line = header_line;
    check_chunks(
        chunks,
        &worker,
        &mut report,
        &mut last_line,
        options,
        &mut key_checks,
    )?;
    let tail = key_findings(&mut key_checks, &mut report, compiled, options, |pending| {
        check_once(
            input,
            standard_id,
            table,
            compiled,
            options,
            lazy,
            Pass::Confirm(pending),
        )
    })?;
    if !key_checks.is_confirming() {
        finish(&mut report, tail, table, compiled, options);
        keep_keys(&mut report, &mut key_checks);
    }
    Ok(report)
}

/// The key findings once a file is read: duplicates of short values at once, those of
/// fingerprints after `second_look` has read the rows again.
/// On the second look itself, its findings replace the report's.
fn key_findings(
    keys: &mut keys::KeyChecks<'_>,
    report: &mut FileReport,
    compiled: &CompiledTable,
    options: &Options,
    second_look: impl FnOnce(keys::Pending) -> std::io::Result<FileReport>,
) -> std::io::Result<Vec<Finding>> {
    if keys.is_confirming() {
        report.findings = keys.confirmed();
        return Ok(Vec::new());
    }
    // A second reading only for codes that are reported (it stops after the last row it looks
    // for).
    let wanted = |code| !options.ignore.contains(&code) && compiled.severity.get(code).is_some();
    let (mut found, pending, counted) = keys.finish(wanted, options.max_findings);
    // Repeats of a fingerprint past the rows read again: counted once the findings kept are
    // known (so that a group's example is a repeat confirmed in full where there is one).
    report.counted_keys = counted;
    if let Some(pending) = pending {
        found.extend(second_look(pending)?.findings);
    }
    Ok(found)
}

/// Plans the header (on `line`) and records what it found in the report.
fn plan_for(
    report: &mut FileReport,
    header: &StringRecord,
    line: u64,
    table: &Table,
    compiled: &CompiledTable,
    options: &Options,
) -> HeaderPlan {
    let plan = plan_at(header, table, line);
    report.header = plan.names.clone();
    report.findings.extend(plan.findings.iter().cloned());
    report.findings.extend(rules::rules_without_columns(
        compiled,
        &plan.standard_to_file,
    ));
    settle(&mut report.findings, compiled, options);
    plan
}

/// The whole-file findings after the rows (row counts, and `tail`), then the report in order.
fn finish(
    report: &mut FileReport,
    mut tail: Vec<Finding>,
    table: &Table,
    compiled: &CompiledTable,
    options: &Options,
) {
    if !report.sampled {
        tail.extend(row_count_findings(report.rows, table));
    }
    settle(&mut tail, compiled, options);
    report.findings.append(&mut tail);
    report.findings.sort_by_key(Finding::sort_key);
    if let Some(max) = options.max_findings {
        report.beyond.keep_first(&mut report.findings, max);
    }
    for (like, count) in std::mem::take(&mut report.counted_keys) {
        let mut like = vec![like];
        settle(&mut like, compiled, options);
        if let Some(like) = like.first() {
            report.beyond.add(like, count - 1);
        }
    }
}

/// Hands the key values kept for the references to the report, when every row was read.
fn keep_keys(report: &mut FileReport, keys: &mut keys::KeyChecks<'_>) {
    let kept = keys.take_kept();
    if !report.sampled {
        report.kept_keys = kept;
    }
}

/// The validator of the whole row schema, when every row is to be evaluated by it.
fn full_validator(
    table: &Table,
    options: &Options,
) -> std::io::Result<Option<crate::schema::Validator>> {
    match options.schema_path {
        SchemaPath::Full => crate::compile::build_validator(&table.schema, table)
            .map(Some)
            .map_err(|e| std::io::Error::other(e.message)),
        SchemaPath::Compiled => Ok(None),
    }
}

impl FileReport {
    fn new(input: &Input, standard_id: &str, table: &Table) -> FileReport {
        FileReport {
            input: input.clone(),
            path: input.display_name(),
            format: "csv",
            encoding: None,
            encoding_label: None,
            delimiter: None,
            rows: 0,
            header: Vec::new(),
            standard: standard_id.to_string(),
            standard_version: String::new(),
            table: table.name.clone(),
            findings: Vec::new(),
            beyond: Beyond::default(),
            counted_keys: Vec::new(),
            kept_keys: Vec::new(),
            sampled: false,
            profile: None,
            locator: Locator::Lines,
            header_line: 1,
            snippets: std::collections::BTreeMap::new(),
        }
    }
}

/// Opens a file as CSV text: its encoding found (the whole file scanned unless `lazy`), its
/// delimiter sniffed. `None` when the file is not text, which is then the report's finding.
fn open_csv(
    input: &Input,
    compiled: &CompiledTable,
    options: &Options,
    lazy: bool,
    report: &mut FileReport,
) -> std::io::Result<Option<ChunkReader>> {
    let opened = if lazy {
        read::open_lazily(input, options.encoding)
    } else {
        read::open(input, options.encoding)
    };
    let opened = match opened {
        Ok(opened) => opened,
        Err(OpenError::Io(e)) => return Err(e),
        Err(OpenError::NotText(finding)) => {
            report.findings.push(*finding);
            settle(&mut report.findings, compiled, options);
            return Ok(None);
        }
    };
    report.encoding = Some(opened.encoding.encoding);
    report.encoding_label = Some(opened.encoding.label());
    report.findings.extend(opened.finding);
    let chunks = ChunkReader::new(opened.stream, options.delimiter, !opened.verified)?;
    report.delimiter = Some(chunks.dialect.delimiter);
    Ok(Some(chunks))
}

/// `empty-file` or `row-count` when the rows are fewer or more than the table allows.
fn row_count_findings(rows: u64, table: &Table) -> Vec<Finding> {
    let mut found = Vec::new();
    let min = table.row_min.unwrap_or(0);
    if rows == 0 && min > 0 {
        found.push(
            Finding::text(Code::EmptyFile, t!("check-no-rows"))
                .with_help_text(Some(t!("check-no-rows-help"))),
        );
    } else if rows < min {
        found.push(Finding::text(
            Code::RowCount,
            t!("check-too-few-rows", rows = rows as i64, min = min as i64),
        ));
    }
    if let Some(max) = table.row_max.filter(|max| rows > *max) {
        found.push(Finding::text(
            Code::RowCount,
            t!("check-too-many-rows", rows = rows as i64, max = max as i64),
        ));
    }
    found
}

/// Checks every chunk: one thread reads chunks, the pool parses and checks them in batches, and
/// the findings and keys of each batch are merged in order.
fn check_chunks(
    mut chunks: ChunkReader,
    worker: &Worker<'_>,
    report: &mut FileReport,
    last_line: &mut u64,
    options: &Options,
    key_checks: &mut keys::KeyChecks<'_>,
) -> std::io::Result<()> {
    // The size as stored: a compressed file's rows are then underestimated, which only costs a
    // key set a second allocation.
    let input_bytes = report.input.stored_size();
    let dialect = worker.dialect;
    // Chunks checked together: enough to keep every thread busy.
    let batch = 4 * rayon::current_num_threads().max(1);
    let failure = std::thread::scope(|scope| -> Option<std::io::Error> {
        let (chunk_tx, chunk_rx) = mpsc::sync_channel::<std::io::Result<Batch>>(batch);
        let producer = scope.spawn(move || loop {
            match chunks.next_chunk(CHUNK_BYTES) {
                Ok(Some(chunk)) => {
                    if chunk_tx.send(Ok(Batch::Text(chunk))).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let _ = chunk_tx.send(Err(e));
                    break;
                }
            }
        });
        let mut merger = Merger {
            report,
            keys: key_checks,
            last_line,
            compiled: worker.compiled,
            options,
            input_bytes,
            bytes_seen: 0,
            reserved: false,
            full: &worker.full,
        };
        let failure = pipeline(chunk_rx.into_iter(), batch, &mut merger, |pending, cap| {
            pending
                .par_iter()
                .map_init(
                    || dialect.pooled_parser(),
                    |parser, chunk| worker.run(chunk, parser, cap),
                )
                .collect()
        });
        // The producer only sends; should it have panicked, the channel closed and the
        // findings so far stand.
        let _ = producer.join();
        failure
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// A software pipeline: batch k+1 is parsed and checked in parallel while batch k's keys are
/// checked and its findings merged, in order, on one thread. Returns the first failure.
fn pipeline<I>(
    mut incoming: I,
    batch: usize,
    merger: &mut Merger<'_, '_>,
    check: impl Fn(&[Batch], u64) -> Vec<std::io::Result<ChunkResult>> + Sync,
) -> Option<std::io::Error>
where
    I: Iterator<Item = std::io::Result<Batch>>,
{
    if let Some(max) = merger.options.max_rows {
        return sample(incoming, max, merger, check);
    }
    let mut failure = None;
    let mut checked: Vec<std::io::Result<ChunkResult>> = Vec::new();
    loop {
        let mut pending = Vec::with_capacity(batch);
        if failure.is_none() {
            for chunk in incoming.by_ref().take(batch) {
                match chunk {
                    Ok(chunk) => pending.push(chunk),
                    Err(e) => {
                        failure = Some(e);
                        break;
                    }
                }
            }
        }
        if pending.is_empty() && checked.is_empty() {
            break;
        }
        let to_merge = std::mem::take(&mut checked);
        let (merged, results) =
            rayon::join(|| merger.merge(to_merge), || check(&pending, u64::MAX));
        match merged {
            Err(e) => return Some(e),
            Ok(true) => break,
            Ok(false) => {}
        }
        checked = results;
    }
    failure
}

/// The first `max` rows only: a batch at a time, each told how many rows are left, so that the
/// sample ends exactly on its last row and nothing after it is read.
fn sample<I>(
    incoming: I,
    max: u64,
    merger: &mut Merger<'_, '_>,
    check: impl Fn(&[Batch], u64) -> Vec<std::io::Result<ChunkResult>>,
) -> Option<std::io::Error>
where
    I: Iterator<Item = std::io::Result<Batch>>,
{
    for batch in incoming {
        let left = max.saturating_sub(merger.report.rows);
        if left == 0 {
            // A batch holds rows past the sample (or may: it could hold only an empty line).
            merger.report.sampled = true;
            break;
        }
        let batch = match batch {
            Ok(batch) => batch,
            Err(e) => return Some(e),
        };
        match merger.merge(check(std::slice::from_ref(&batch), left)) {
            Err(e) => return Some(e),
            Ok(true) => break,
            Ok(false) => {}
        }
    }
    None
}

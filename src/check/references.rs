//! Keys between tables: when the files of several tables of one standard are checked together,
//! each foreign key's values must appear in the referenced table's file(s). Runs after every file
//! has been checked, reading only the key columns again, so the single-file path stays untouched.

use std::collections::HashMap;

// Key sets hash with foldhash (hashbrown's default): several times faster than SipHash on
// short keys, and no hash-flooding concern for a file the user checks themselves.
use hashbrown::HashSet;
use std::sync::Arc;

use csv::StringRecord;

use super::cells::is_missing_value;
use super::{header, settle, FileReport, Options, CHUNK_BYTES};
use crate::compile::CompiledTable;
use crate::finding::{Code, Finding, Severity};
use crate::read::csv::{ChunkReader, ChunkRecords};
use crate::read::{self, OpenError};
use crate::standard::{ForeignKey, Standard, Table};
use crate::t;

/// One checked file, with the table it was checked against.
pub struct Checked<'a> {
    pub table: &'a Table,
    pub compiled: &'a CompiledTable,
    pub report: &'a mut FileReport,
}

/// A referenced table's key values, and the files they came from.
type Target = (HashSet<String>, Vec<String>);

const JOIN: char = '\u{1f}';

/// Where a checked file has the standard's `columns`, by the header the check read; `None` when
/// it lacks one.
fn key_columns(report: &FileReport, table: &Table, columns: &[usize]) -> Option<Vec<usize>> {
    let header: StringRecord = report.header.iter().map(|h| &**h).collect();
    let plan = header::plan(&header, table);
    columns.iter().map(|i| plan.standard_to_file[*i]).collect()
}

/// Reads a checked file again and hands `each` the row, line and key of every row whose key
/// cells are all filled (joined by U+001F, in a buffer reused from row to row). Text is read in
/// the encoding and with the delimiter the check found, without scanning it again.
fn for_each_key(
    report: &FileReport,
    table: &Table,
    file_columns: &[usize],
    options: &Options,
    each: &mut dyn FnMut(u64, u64, &str),
) -> std::io::Result<()> {
    let input = &report.input;
    let mut key = String::new();
    let mut row = 0;
    let kind = super::kind_of(input, options)?;
    if kind != crate::read::detect::Kind::Text {
        let Ok(source) = crate::read::table::open(input, kind, options.sheet.as_deref())? else {
            return Ok(());
        };
        for batch in source.batches {
            let batch = batch?;
            for i in 0..batch.len() {
                let (line, record) = batch.record(i);
                row += 1;
                if key_of(&record, file_columns, table, &mut key) {
                    each(row, line, &key);
                }
            }
        }
        return Ok(());
    }
    let stream = match report.encoding {
        Some(encoding) => read::reopen(input, encoding)?,
        None => match read::open(input, options.encoding) {
            Ok(opened) => opened.stream,
            Err(OpenError::Io(e)) => return Err(e),
            Err(OpenError::NotText(_)) => return Ok(()),
        },
    };
    let mut chunks = ChunkReader::new(stream, report.delimiter.or(options.delimiter), false)?;
    let mut header_record = StringRecord::new();
    if chunks.header_under_titles(&mut header_record)?.0.is_none() {
        return Ok(());
    }
    let mut parser = chunks.dialect.parser();
    while let Some(chunk) = chunks.next_chunk(CHUNK_BYTES)? {
        let mut records = ChunkRecords::new(&chunk, chunks.dialect, &mut parser)?;
        while let Some((line, record)) = records.next_record() {
            row += 1;
            if key_of(&record, file_columns, table, &mut key) {
                each(row, line, &key);
            }
        }
    }
    Ok(())
}

/// The cells of a key joined into `key`; false when one is missing.
fn key_of(
    record: &crate::read::csv::Record<'_>,
    file_columns: &[usize],
    table: &Table,
    key: &mut String,
) -> bool {
    key.clear();
    for (n, f) in file_columns.iter().enumerate() {
        let cell = record.get(*f).unwrap_or("").trim();
        if is_missing_value(cell, &table.missing_values) {
            return false;
        }
        if n > 0 {
            key.push(JOIN);
        }
        key.push_str(cell);
    }
    true
}

/// The values of the referenced columns in every file of the target table, with those files'
/// paths; `None` when no file of that table was checked.
fn read_target(
    files: &[Checked<'_>],
    target: &Table,
    fk: &ForeignKey,
    options: &Options,
) -> std::io::Result<Option<Target>> {
    let target_columns: Option<Vec<usize>> = fk
        .reference_columns
        .iter()
        .map(|name| target.columns.iter().position(|c| &*c.name == name))
        .collect();
    let mut set: HashSet<String> = HashSet::new();
    let mut paths = Vec::new();
    if let Some(target_columns) = target_columns {
        for file in files.iter().filter(|f| f.table.name == fk.table) {
            let Some(file_columns) = key_columns(file.report, target, &target_columns) else {
                continue;
            };
            for_each_key(
                file.report,
                target,
                &file_columns,
                options,
                &mut |_, _, key| {
                    if !set.contains(key) {
                        set.insert(key.to_string());
                    }
                },
            )?;
            paths.push(file.report.path.clone());
        }
    }
    Ok((!paths.is_empty()).then_some((set, paths)))
}

/// A reference no row of the target table has: row, line, file column and column name.
fn dangling(
    value: &str,
    shown: &str,
    (row, line, file_column, column): (u64, u64, usize, &Arc<str>),
    fk: &ForeignKey,
    paths: &[String],
) -> Finding {
    let shown_value = value.replace(JOIN, ", ");
    let target_columns: Vec<String> = fk
        .reference_columns
        .iter()
        .map(|c| format!("`{c}`"))
        .collect();
    Finding::text(
        Code::ForeignKey,
        t!(
            "ref-refers-to-nothing",
            value = &shown_value,
            columns = shown,
            table = &fk.table,
            files = paths.join(", "),
            target_columns = target_columns.join(", ")
        ),
    )
    .at_row(row, line)
    .in_column(Some(file_column), column)
    .with_value(&shown_value)
    .with_help_text(Some(t!("ref-refers-to-nothing-help", table = &fk.table)))
}

/// Suggestions compare a value with every key of the target: affordable for small tables only.
const MAX_KEYS_TO_SUGGEST_FROM: usize = 10_000;

/// Checks every foreign key between the tables of `files` (all of one standard). `budget` is
/// what is left of the run's `--max-findings`: the findings after it are counted, not listed.
pub fn check_references(
    standard: &Standard,
    files: &mut [Checked<'_>],
    options: &Options,
    budget: &mut Option<usize>,
) -> std::io::Result<()> {
    // The referenced values, read once per (table, columns).
    let mut targets: HashMap<(String, Vec<String>), Option<Target>> = HashMap::new();
    for n in 0..files.len() {
        let table = files[n].table;
        let mut found = Vec::new();
        // Each dangling value's place, foreign key and text: a suggestion is looked for once
        // the findings listed are known (it compares the value with every key of the target).
        let mut to_suggest: HashMap<(u64, usize), (usize, String)> = HashMap::new();
        for fk in &table.foreign_keys {
            let Some(target) = standard.table(&fk.table) else {
                continue;
            };
            let column_names: Vec<Arc<str>> = fk
                .columns
                .iter()
                .map(|i| Arc::clone(&table.columns[*i].name))
                .collect();
            let shown = column_names
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ");
            // A file without the key's columns has nothing to look up.
            let Some(file_columns) = key_columns(files[n].report, table, &fk.columns) else {
                continue;
            };
            let file_column = file_columns[0];
            let key = (fk.table.clone(), fk.reference_columns.clone());
            if !targets.contains_key(&key) {
                let read = read_target(files, target, fk, options)?;
                targets.insert(key.clone(), read);
            }
            let Some((set, paths)) = &targets[&key] else {
                let mut note = Finding::text(
                    Code::ForeignKey,
                    t!("ref-not-looked-up", columns = &shown, table = &fk.table),
                )
                .with_help_text(Some(t!(
                    "ref-not-looked-up-help",
                    standard = &standard.id,
                    table = fk.table.to_uppercase(),
                    path = &files[n].report.path
                )));
                note.severity = Severity::Info;
                let note = note.in_column(Some(file_column), &column_names[0]);
                found.push(note);
                continue;
            };
            let column = &column_names[0];
            let fk_number = table.foreign_keys.iter().position(|f| std::ptr::eq(f, fk));
            let suggest = set.len() <= MAX_KEYS_TO_SUGGEST_FROM;
            for_each_key(
                files[n].report,
                table,
                &file_columns,
                options,
                &mut |row, line, value| {
                    if !set.contains(value) {
                        let place = (row, line, file_column, column);
                        found.push(dangling(value, &shown, place, fk, paths));
                        if let (true, Some(fk_number)) = (suggest, fk_number) {
                            to_suggest.insert((row, file_column), (fk_number, value.to_string()));
                        }
                    }
                },
            )?;
        }
        if found.is_empty() {
            continue;
        }
        let file = &mut files[n];
        settle(&mut found, file.compiled, options);
        let before = file.report.findings.len();
        file.report.findings.append(&mut found);
        file.report.findings.sort_by_key(Finding::sort_key);
        if let Some(left) = budget.as_mut() {
            file.report
                .beyond
                .keep_first(&mut file.report.findings, before + *left);
            *left -= file.report.findings.len().saturating_sub(before);
        }
        for finding in &mut file.report.findings {
            let place = (finding.row, finding.column.as_ref().and_then(|c| c.index));
            let (Code::ForeignKey, (Some(row), Some(column))) = (finding.code, place) else {
                continue;
            };
            let Some((fk_number, value)) = to_suggest.remove(&(row, column)) else {
                continue;
            };
            let fk = &table.foreign_keys[fk_number];
            let key = (fk.table.clone(), fk.reference_columns.clone());
            let Some(Some((set, _))) = targets.get(&key) else {
                continue;
            };
            if let Some(guess) = crate::suggest::closest(&value, set.iter().map(String::as_str)) {
                finding.set_help_text(Some(t!(
                    "ref-refers-to-nothing-guess-help",
                    guess = guess.replace(JOIN, ", "),
                    table = &fk.table
                )));
            }
        }
        file.report.render(options.lang);
    }
    Ok(())
}

//! Keys between tables: when the files of several tables of one standard are checked together,
//! each foreign key's values must appear in the referenced table's file(s). Runs after every file
//! has been checked. The check keeps the key values the references need, as the sorted 16-byte
//! entries of the uniqueness checks (the value itself when short, else a fingerprint: a 64-bit
//! hash, the length and the last two bytes), so the references compare sorted lists and read a
//! file again only for the text of the values that refer to nothing. A value matched by
//! fingerprint alone is not read again: a false match, which would hide one missing reference,
//! takes about n·m/2⁶⁴ for n values against m (one in 18 million at a million each). Where a
//! file's values were not kept (more rows than an entry numbers), its key columns are read again
//! instead.

use std::collections::HashMap;

// Key sets hash with foldhash (hashbrown's default): several times faster than SipHash on
// short keys, and no hash-flooding concern for a file the user checks themselves.
use hashbrown::HashSet;
use std::sync::Arc;

use csv::StringRecord;

use super::cells::is_missing_value;
use super::keys::{self, KeptKey};
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
struct Target {
    values: Values,
    paths: Vec<String>,
    /// The values as text, to suggest a close one from (read when first wanted).
    texts: Option<HashSet<String>>,
}

/// The values of a referenced table's key.
enum Values {
    /// The value parts of the entries the check kept, sorted and distinct.
    Kept(Vec<u128>),
    /// The values, read from the files again.
    Read(HashSet<String>),
}

impl Values {
    fn contains(&self, value: &str) -> bool {
        match self {
            Values::Kept(values) => values
                .binary_search(&keys::value_of(value.as_bytes()))
                .is_ok(),
            Values::Read(set) => set.contains(value),
        }
    }

    fn len(&self) -> usize {
        match self {
            Values::Kept(values) => values.len(),
            Values::Read(set) => set.len(),
        }
    }
}

/// The entries a file's check kept for the key of `columns`, if it kept them.
fn kept_for<'k>(kept: &'k [KeptKey], columns: &[usize]) -> Option<&'k [u128]> {
    kept.iter()
        .find(|k| k.columns == columns)
        .map(|k| k.entries.as_slice())
}

const JOIN: char = '\u{1f}';

/// Where a checked file has the standard's `columns`, by the header the check read; `None` when
/// it lacks one.
fn key_columns(report: &FileReport, table: &Table, columns: &[usize]) -> Option<Vec<usize>> {
    let header: StringRecord = report.header.iter().map(|h| &**h).collect();
    let plan = header::plan(&header, table);
    columns.iter().map(|i| plan.standard_to_file[*i]).collect()
}

/// Reads a checked file again and hands `each` the row, line and key of every row whose key
/// cells are all filled (joined by U+001F, in a buffer reused from row to row), until `each`
/// says to stop. Text is read in the encoding and with the delimiter the check found, without
/// scanning it again.
fn for_each_key(
    (report, table, compiled): (&FileReport, &Table, &CompiledTable),
    file_columns: &[usize],
    options: &Options,
    each: &mut dyn FnMut(u64, u64, &str) -> bool,
) -> std::io::Result<()> {
    let input = &report.input;
    let mut key = String::new();
    let mut row = 0;
    let kind = super::kind_of(input, options)?;
    if kind != crate::read::detect::Kind::Text {
        let Ok(source) = crate::read::table::open(input, kind, options.sheet.as_deref())? else {
            return Ok(());
        };
        // Typed dates written as the check wrote them, so that a key reads the same.
        let header: StringRecord = report.header.iter().map(|h| &**h).collect();
        let plan = header::plan(&header, table);
        let uk_date_columns = super::table::uk_date_columns(compiled, &plan.standard_to_file);
        for batch in source.batches {
            let mut batch = batch?;
            if !uk_date_columns.is_empty() {
                batch.write_typed_dates_uk(&uk_date_columns);
            }
            for i in 0..batch.len() {
                let (line, record) = batch.record(i);
                row += 1;
                if key_of(&record, file_columns, table, &mut key) && !each(row, line, &key) {
                    return Ok(());
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
            if key_of(&record, file_columns, table, &mut key) && !each(row, line, &key) {
                return Ok(());
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
/// paths; `None` when no file of that table was checked. Taken from the entries the check kept
/// where every file has them; read again otherwise.
fn read_target(
    files: &[Checked<'_>],
    kept: &[Vec<KeptKey>],
    target: &Table,
    fk: &ForeignKey,
    options: &Options,
) -> std::io::Result<Option<Target>> {
    let Some(target_columns) = fk.referenced_columns(target) else {
        return Ok(None);
    };
    let mut paths = Vec::new();
    let mut found = Vec::new();
    for (n, file) in files.iter().enumerate() {
        if file.table.name != fk.table {
            continue;
        }
        if key_columns(file.report, target, &target_columns).is_none() {
            continue;
        }
        paths.push(file.report.path.clone());
        found.push(kept_for(&kept[n], &target_columns));
    }
    if paths.is_empty() {
        return Ok(None);
    }
    let values = if found.iter().all(Option::is_some) {
        let mut values: Vec<u128> = found
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| keys::value_bits(*entry))
            .collect();
        super::entry_sort::sort_entries(&mut values);
        values.dedup();
        Values::Kept(values)
    } else {
        Values::Read(read_texts(files, target, fk, &target_columns, options)?)
    };
    Ok(Some(Target {
        values,
        paths,
        texts: None,
    }))
}

/// The values of the referenced columns, read from every file of the target table again.
fn read_texts(
    files: &[Checked<'_>],
    target: &Table,
    fk: &ForeignKey,
    target_columns: &[usize],
    options: &Options,
) -> std::io::Result<HashSet<String>> {
    let mut set: HashSet<String> = HashSet::new();
    for file in files.iter().filter(|f| f.table.name == fk.table) {
        let Some(file_columns) = key_columns(file.report, target, target_columns) else {
            continue;
        };
        for_each_key(
            (file.report, target, file.compiled),
            &file_columns,
            options,
            &mut |_, _, key| {
                if !set.contains(key) {
                    set.insert(key.to_string());
                }
                true
            },
        )?;
    }
    Ok(set)
}

/// The value parts of the `entries` (sorted) that `values` (sorted, distinct) does not hold,
/// sorted and distinct, and the last row they are on.
fn missing_from(entries: &[u128], values: &[u128]) -> (Vec<u128>, u64) {
    let mut missing: Vec<u128> = Vec::new();
    let mut last_row = 0;
    let mut at = 0;
    for entry in entries {
        let value = keys::value_bits(*entry);
        while at < values.len() && values[at] < value {
            at += 1;
        }
        if values.get(at) != Some(&value) {
            if missing.last() != Some(&value) {
                missing.push(value);
            }
            last_row = last_row.max(u64::from(keys::row_of(*entry)));
        }
    }
    (missing, last_row)
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
    // The entries the check kept, taken from the reports (they are not wanted after this).
    let kept: Vec<Vec<KeptKey>> = files
        .iter_mut()
        .map(|f| std::mem::take(&mut f.report.kept_keys))
        .collect();
    // The referenced values, gathered once per (table, columns).
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
                let read = read_target(files, &kept, target, fk, options)?;
                targets.insert(key.clone(), read);
            }
            let Some(Target { values, paths, .. }) = &targets[&key] else {
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
            let suggest = values.len() <= MAX_KEYS_TO_SUGGEST_FROM;
            // With the entries of both sides kept, only values that refer to nothing are read
            // again (up to the last row one is on); otherwise every row's key is.
            let (missing, last_row) = match (values, kept_for(&kept[n], &fk.columns)) {
                (Values::Kept(values), Some(entries)) => {
                    let (missing, last_row) = missing_from(entries, values);
                    (Some(missing), last_row)
                }
                _ => (None, u64::MAX),
            };
            if missing.as_ref().is_some_and(Vec::is_empty) {
                continue;
            }
            for_each_key(
                (files[n].report, table, files[n].compiled),
                &file_columns,
                options,
                &mut |row, line, value| {
                    let refers_to_nothing = match &missing {
                        Some(missing) => missing
                            .binary_search(&keys::value_of(value.as_bytes()))
                            .is_ok(),
                        None => !values.contains(value),
                    };
                    if refers_to_nothing {
                        let place = (row, line, file_column, column);
                        found.push(dangling(value, &shown, place, fk, paths));
                        if let (true, Some(fk_number)) = (suggest, fk_number) {
                            to_suggest.insert((row, file_column), (fk_number, value.to_string()));
                        }
                    }
                    row < last_row
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
        // The listed findings a close value is looked for, by their place in the report.
        let mut wanted: Vec<(usize, usize, String)> = Vec::new();
        for (at, finding) in file.report.findings.iter().enumerate() {
            let place = (finding.row, finding.column.as_ref().and_then(|c| c.index));
            let (Code::ForeignKey, (Some(row), Some(column))) = (finding.code, place) else {
                continue;
            };
            if let Some((fk_number, value)) = to_suggest.remove(&(row, column)) {
                wanted.push((at, fk_number, value));
            }
        }
        for (at, fk_number, value) in wanted {
            let fk = &table.foreign_keys[fk_number];
            let key = (fk.table.clone(), fk.reference_columns.clone());
            let Some(Some(target)) = targets.get_mut(&key) else {
                continue;
            };
            let texts = match &target.values {
                Values::Read(set) => set,
                Values::Kept(_) => match &mut target.texts {
                    Some(texts) => &*texts,
                    texts @ None => {
                        let Some(target_table) = standard.table(&fk.table) else {
                            continue;
                        };
                        let Some(columns) = fk.referenced_columns(target_table) else {
                            continue;
                        };
                        &*texts.insert(read_texts(files, target_table, fk, &columns, options)?)
                    }
                },
            };
            if let Some(guess) = crate::suggest::closest(&value, texts.iter().map(String::as_str)) {
                files[n].report.findings[at].set_help_text(Some(t!(
                    "ref-refers-to-nothing-guess-help",
                    guess = guess.replace(JOIN, ", "),
                    table = &fk.table
                )));
            }
        }
        files[n].report.render(options.lang);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Input;
    use crate::standard::Standard;

    #[test]
    fn missing_values_are_found_by_merging_sorted_lists() {
        let entries = |values: &[(&[u8], u32)]| {
            let mut all: Vec<u128> = values
                .iter()
                .map(|(text, row)| keys::entry_of(keys::value_of(text), *row))
                .collect();
            all.sort_unstable();
            all
        };
        let mut targets: Vec<u128> = [&b"TPO1"[..], b"TPO2", b"a value longer than eleven bytes"]
            .iter()
            .map(|text| keys::value_of(text))
            .collect();
        targets.sort_unstable();
        let source = entries(&[
            (b"TPO1", 1),
            (b"TPO9", 2),
            (b"a value longer than eleven bytes", 3),
            (b"TPO9", 7),
            (b"a value longer thaN eleven bytes", 5),
        ]);
        let (missing, last_row) = missing_from(&source, &targets);
        let mut expected = vec![
            keys::value_of(b"TPO9"),
            keys::value_of(b"a value longer thaN eleven bytes"),
        ];
        expected.sort_unstable();
        assert_eq!(missing, expected);
        assert_eq!(last_row, 7);
        assert!(missing_from(&entries(&[(b"TPO2", 4)]), &targets)
            .0
            .is_empty());
    }

    /// The check keeps the entries the references need, and the references find from them what
    /// a second reading of every file finds.
    #[test]
    fn references_come_from_the_entries_the_check_kept() {
        let standard = Standard::load("tree-preservation-order").expect("built in");
        let dir = std::path::Path::new("fixtures/tree-preservation-order/invalid");
        let options = Options::default();
        let run = |keep: bool| {
            let mut compiled = Vec::new();
            let mut reports = Vec::new();
            for (t, table) in standard.tables.iter().enumerate() {
                let mut checks = crate::compile::compile(table).expect("compiles");
                if keep {
                    checks.keep_reference_keys(&standard, t);
                }
                let input = Input::Path(dir.join(format!("{}.csv", table.name)));
                let report =
                    crate::check::check_file(&input, &standard.id, table, &checks, &options)
                        .expect("reads");
                compiled.push(checks);
                reports.push(report);
            }
            let kept: Vec<usize> = reports.iter().map(|r| r.kept_keys.len()).collect();
            let mut files: Vec<Checked<'_>> = standard
                .tables
                .iter()
                .zip(&compiled)
                .zip(reports.iter_mut())
                .map(|((table, compiled), report)| Checked {
                    table,
                    compiled,
                    report,
                })
                .collect();
            check_references(&standard, &mut files, &options, &mut None).expect("reads");
            let found: Vec<String> = reports
                .iter()
                .flat_map(|r| &r.findings)
                .filter(|f| f.code == Code::ForeignKey)
                .map(|f| {
                    format!(
                        "{:?} {:?} {:?}",
                        f.row,
                        f.value,
                        f.message_in(crate::i18n::Lang::En)
                    )
                })
                .collect();
            (kept, found)
        };
        let (kept, found) = run(true);
        // The order's `reference` (referred to, and unique); each zone's and tree's order (its
        // foreign key) and `reference` (unique).
        assert!(kept.iter().all(|n| *n > 0), "{kept:?}");
        assert!(!found.is_empty());
        let (not_kept, read_again) = run(false);
        assert!(not_kept.iter().all(|n| *n == 0), "{not_kept:?}");
        assert_eq!(found, read_again);
    }
}

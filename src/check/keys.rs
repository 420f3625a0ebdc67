//! Uniqueness across rows: unique columns, the primary key and unique keys. Workers pull each
//! row's key values out of the records they parse; the merging thread turns each into a 16-byte
//! entry (the value itself when it is short, else a fingerprint, beside the row number), and the
//! entries are sorted once the file is read: equal entries are the duplicates, and the first of
//! them names the row where the value first appeared. Fingerprints can collide, so rows whose
//! fingerprints match are read a second time and their values compared: uniqueness stays exact.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Arc;

use crate::read::csv::Record;

use super::cells::{is_missing, trim};
use crate::compile::CompiledTable;
use crate::finding::{Code, Finding};
use crate::spares::Spares;
use crate::standard::Table;
use crate::t;

/// One key: which file columns make it, and how it is reported.
struct KeySpec {
    code: Code,
    /// (name, file column) of each part of the key.
    parts: Vec<(Arc<str>, usize)>,
    /// The standard's columns of the key, in order.
    columns: Vec<usize>,
    /// Whether a missing part is reported (primary keys whose columns the schema does not already
    /// require); otherwise rows with a missing part are left out of the key.
    report_missing: bool,
    /// Whether values may not repeat (false for a key only kept for references).
    unique: bool,
    /// Whether the entries are kept once the file is read, for the references between tables.
    kept: bool,
}

/// The entries of one key of a file, sorted, kept for the references between tables: the value
/// (or its fingerprint) and row of every row whose key cells are all filled.
#[derive(Debug)]
pub struct KeptKey {
    /// The standard's columns of the key.
    pub columns: Vec<usize>,
    pub entries: Vec<u128>,
}

/// The keys of a table that a file can be checked for (those whose columns are all in the file).
/// Key value buffers kept: more than the chunks in flight between the checkers and the merge.
const SPARE_BUFFERS: usize = 64;

pub struct KeyPlan {
    keys: Vec<KeySpec>,
    /// Buffers of key values the merge is done with, for the checking threads to fill again: a
    /// chunk's values come to a few hundred kilobytes, and fresh memory for every chunk cost a
    /// page fault each 4 KiB (a third of the faults of the spending benchmark).
    spares: Spares<KeyValues>,
}

/// A row's value for one key, pulled out by a worker. 48 bytes (80 with `usize` fields and an
/// `Option`): a chunk holds one for each key of each row, written by a checking thread and read
/// by the thread taking rows in order.
pub struct KeyValue {
    /// The value part of the row's entry (see [`value_of`]); 0 when a part is missing.
    pub value: u128,
    /// 1-based record number within its chunk.
    pub record: u64,
    pub line: u64,
    /// Where the joined value ends in the chunk's key text (kept only for a second reading,
    /// which compares values in full); it starts where the value before it ends.
    pub end: usize,
    pub key: u32,
    /// The part that is missing, [`KeyValue::COMPLETE`] or [`KeyValue::LEFT_OUT`].
    missing: u32,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<KeyValue>() == 48);

impl KeyValue {
    const COMPLETE: u32 = u32::MAX;
    const LEFT_OUT: u32 = u32::MAX - 1;

    /// The part that is missing, if one is.
    pub fn missing_part(&self) -> Option<usize> {
        (self.missing < Self::LEFT_OUT).then_some(self.missing as usize)
    }

    /// Whether the value is one to check: complete, and not left out.
    fn is_complete(&self) -> bool {
        self.missing == Self::COMPLETE
    }

    /// Leaves the value out of the key checks, finding nothing (a cell holding a spreadsheet's
    /// formula error: `#N/A` twice is not a duplicate). Kept in place rather than removed, so
    /// that each value's text still starts where the one before it ends.
    pub fn leave_out(&mut self) {
        self.missing = Self::LEFT_OUT;
    }
}

/// Key values of one chunk: their text in one buffer.
#[derive(Default)]
pub struct KeyValues {
    pub text: String,
    pub values: Vec<KeyValue>,
}

impl KeyPlan {
    /// The keys of `table` a file with these columns can be checked for, and the column sets of
    /// `compiled.reference_keys` it has, kept for the references between tables.
    pub fn new(
        table: &Table,
        compiled: &CompiledTable,
        standard_to_file: &[Option<usize>],
    ) -> KeyPlan {
        let parts_of = |columns: &[usize]| -> Option<Vec<(Arc<str>, usize)>> {
            columns
                .iter()
                .map(|i| standard_to_file[*i].map(|f| (Arc::clone(&table.columns[*i].name), f)))
                .collect()
        };
        let mut keys = Vec::new();
        if !table.primary_key.is_empty() {
            if let Some(parts) = parts_of(&table.primary_key) {
                let report_missing = table
                    .primary_key
                    .iter()
                    .any(|i| !table.columns[*i].required);
                keys.push(KeySpec {
                    code: Code::PrimaryKey,
                    parts,
                    columns: table.primary_key.clone(),
                    report_missing,
                    unique: true,
                    kept: false,
                });
            }
        }
        for (i, column) in table.columns.iter().enumerate() {
            if column.unique && table.primary_key != [i] {
                if let Some(parts) = parts_of(&[i]) {
                    keys.push(KeySpec {
                        code: Code::Unique,
                        parts,
                        columns: vec![i],
                        report_missing: false,
                        unique: true,
                        kept: false,
                    });
                }
            }
        }
        for key in &table.unique_keys {
            if let Some(parts) = parts_of(key) {
                keys.push(KeySpec {
                    code: Code::Unique,
                    parts,
                    columns: key.clone(),
                    report_missing: false,
                    unique: true,
                    kept: false,
                });
            }
        }
        // A key the references need that is already a unique one keeps that one's entries.
        for columns in &compiled.reference_keys {
            if let Some(spec) = keys.iter_mut().find(|k| &k.columns == columns) {
                spec.kept = true;
            } else if let Some(parts) = parts_of(columns) {
                keys.push(KeySpec {
                    code: Code::ForeignKey,
                    parts,
                    columns: columns.clone(),
                    report_missing: false,
                    unique: false,
                    kept: true,
                });
            }
        }
        KeyPlan {
            keys,
            spares: Spares::new(SPARE_BUFFERS),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// An empty buffer for a chunk's key values, reused when one is spare.
    pub fn buffer(&self) -> KeyValues {
        self.spares.take().unwrap_or_default()
    }

    /// Takes back a buffer whose values have been checked.
    pub fn give_back(&self, mut buffer: KeyValues) {
        // A table without keys never fills its buffers: nothing to keep.
        if buffer.values.capacity() == 0 {
            return;
        }
        buffer.text.clear();
        buffer.values.clear();
        self.spares.give_back(buffer);
    }

    /// Whether key `key` takes a part from `file_column`.
    pub fn uses_column(&self, key: usize, file_column: usize) -> bool {
        self.keys
            .get(key)
            .is_some_and(|spec| spec.parts.iter().any(|(_, f)| *f == file_column))
    }

    /// Pulls one record's key values into `out`: each value's entry part, and with `keep_text`
    /// its text too.
    pub fn extract(
        &self,
        record_number: u64,
        line: u64,
        record: &Record<'_>,
        table: &CompiledTable,
        out: &mut KeyValues,
        keep_text: bool,
    ) {
        for (key, spec) in self.keys.iter().enumerate() {
            let start = out.text.len();
            let mut missing_part = None;
            let mut value = 0;
            if let [(_, file_column)] = spec.parts[..] {
                // One column: its cell is the value, hashed where it lies.
                let cell = trim(record.get(file_column).unwrap_or(""));
                if is_missing(cell, table) {
                    missing_part = Some(0);
                } else {
                    value = value_of(cell.as_bytes());
                    if keep_text {
                        out.text.push_str(cell);
                    }
                }
            } else {
                for (n, (_, file_column)) in spec.parts.iter().enumerate() {
                    let cell = trim(record.get(*file_column).unwrap_or(""));
                    if is_missing(cell, table) {
                        missing_part = Some(n);
                        break;
                    }
                    if n > 0 {
                        out.text.push('\u{1f}');
                    }
                    out.text.push_str(cell);
                }
                if missing_part.is_none() {
                    value = value_of(&out.text.as_bytes()[start..]);
                }
                if missing_part.is_some() || !keep_text {
                    out.text.truncate(start);
                }
            }
            out.values.push(KeyValue {
                value,
                record: record_number,
                line,
                end: out.text.len(),
                // A table's keys and a key's parts are its columns, far fewer than 2^32.
                key: key as u32,
                missing: missing_part.map_or(KeyValue::COMPLETE, |part| part as u32),
            });
        }
    }
}

/// Bytes of a key value held as they are in an entry; longer values are fingerprinted.
const INLINE: usize = 11;
/// The first byte of a fingerprinted entry (an inline one holds its length there, at most 11).
const FINGERPRINTED: u8 = 0xFF;

/// A key value and its row as one number: the value (or its fingerprint) in the high 96 bits, the
/// row in the low 32, so that sorting puts equal values together, earliest row first. Made in two
/// halves: the value part ([`value_of`]) by a checking thread, the entry by the thread taking rows
/// in order.
pub fn entry_of(value: u128, row: u32) -> u128 {
    (value << 32) | u128::from(row)
}

#[cfg(test)]
fn entry(text: &[u8], row: u32) -> u128 {
    entry_of(value_of(text), row)
}

/// The value part of an entry for `text`, as [`value_bits`] gives it: what the references between
/// tables compare. Made by the checking threads, so that the thread taking rows in order only
/// adds the row.
pub fn value_of(text: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    if text.len() <= INLINE {
        bytes[4] = text.len() as u8;
        bytes[5..5 + text.len()].copy_from_slice(text);
    } else {
        // A fixed-seed hash (the same entries on every run, so the same order), then the length
        // (modulo 256) and the last two bytes, which cost nothing to add: two values must match
        // in all of them to be read again. One hash, not two: a second was half of a UUID key's
        // cost.
        let hash = foldhash::quality::FixedState::with_seed(0x636f_6e66).hash_one(text);
        bytes[4] = FINGERPRINTED;
        bytes[5..13].copy_from_slice(&hash.to_le_bytes());
        bytes[13] = text.len() as u8;
        bytes[14..16].copy_from_slice(&text[text.len() - 2..]);
    }
    u128::from_be_bytes(bytes)
}

/// The value part of an entry (its high 96 bits).
pub fn value_bits(entry: u128) -> u128 {
    entry >> 32
}

pub fn row_of(entry: u128) -> u32 {
    entry as u32
}

/// The text of an inline entry, or `None` for a fingerprint.
fn inline_text(entry: u128) -> Option<Vec<u8>> {
    let bytes = entry.to_be_bytes();
    let len = bytes[0] as usize;
    (len <= INLINE).then(|| bytes[1..1 + len].to_vec())
}

/// Row to line, for the rows that have keys, kept as runs where the line grows by the same step
/// for each row: one run for a file of one-line records (step 1, even when only some rows have a
/// key), or a JSON array on one line (step 0), one more for each record that spans lines. Lets an
/// entry hold a row without its line.
#[derive(Default)]
struct LineRuns {
    /// (first row, its line, lines per row, last row): the step is known once a run has two rows.
    runs: Vec<(u64, u64, Option<u64>, u64)>,
}

impl LineRuns {
    fn push(&mut self, row: u64, line: u64) {
        if let Some((first, first_line, step, last)) = self.runs.last_mut() {
            // A row already in the run (it has another key).
            if row <= *last {
                return;
            }
            let (rows, lines) = (row - *first, line.checked_sub(*first_line));
            let fits = match (*step, lines) {
                (Some(step), Some(lines)) => rows.checked_mul(step) == Some(lines),
                (None, Some(lines)) if lines % rows == 0 => {
                    *step = Some(lines / rows);
                    true
                }
                _ => false,
            };
            if fits {
                *last = row;
                return;
            }
        }
        self.runs.push((row, line, None, row));
    }

    fn line(&self, row: u64) -> u64 {
        let at = self.runs.partition_point(|run| run.0 <= row);
        match at.checked_sub(1).map(|i| self.runs[i]) {
            Some((first, line, step, _)) => line + (row - first) * step.unwrap_or(0),
            None => 0,
        }
    }
}

/// Rows whose fingerprints matched, to be read again: per key, groups of rows in order.
pub struct Pending {
    groups: Vec<(usize, Vec<u32>)>,
    /// Per key, every row of its groups, sorted, for the second reading to look up.
    wanted: Vec<Vec<u32>>,
}

enum Stage {
    /// The first reading: entries collected.
    Collecting {
        entries: Vec<Vec<u128>>,
        lines: LineRuns,
        /// Set when the file has more rows than an entry can number.
        overflowed: bool,
    },
    /// The second reading: the values and lines of the pending rows collected.
    Confirming {
        pending: Pending,
        values: HashMap<(usize, u32), (String, u64)>,
    },
}

/// The key sets of one file, filled in row order.
pub struct KeyChecks<'p> {
    plan: &'p KeyPlan,
    stage: Stage,
    /// The kept keys' sorted entries, once the file is read.
    kept: Vec<KeptKey>,
}

impl<'p> KeyChecks<'p> {
    /// Hands a checked chunk's buffer back to the plan, for the checking threads to reuse.
    pub fn give_back(&self, buffer: KeyValues) {
        self.plan.give_back(buffer);
    }

    pub fn new(plan: &'p KeyPlan) -> KeyChecks<'p> {
        KeyChecks {
            plan,
            stage: Stage::Collecting {
                entries: plan.keys.iter().map(|_| Vec::new()).collect(),
                lines: LineRuns::default(),
                overflowed: false,
            },
            kept: Vec::new(),
        }
    }

    /// For the second reading of a file: collects the values of the rows `pending` names.
    pub fn confirming(plan: &'p KeyPlan, pending: Pending) -> KeyChecks<'p> {
        KeyChecks {
            plan,
            stage: Stage::Confirming {
                pending,
                values: HashMap::new(),
            },
            kept: Vec::new(),
        }
    }

    /// The key sets for a first reading, or for the second look that `pass` asks for.
    pub fn for_pass(plan: &'p KeyPlan, pass: super::Pass) -> KeyChecks<'p> {
        match pass {
            super::Pass::Check => KeyChecks::new(plan),
            super::Pass::Confirm(pending) => KeyChecks::confirming(plan, pending),
        }
    }

    /// Whether the second reading has passed every row it looks for (`rows` read so far).
    pub fn confirmed_all(&self, rows: u64) -> bool {
        match &self.stage {
            Stage::Confirming { pending, .. } => pending
                .wanted
                .iter()
                .filter_map(|rows| rows.last())
                .all(|last| u64::from(*last) <= rows),
            Stage::Collecting { .. } => false,
        }
    }

    pub fn is_confirming(&self) -> bool {
        matches!(self.stage, Stage::Confirming { .. })
    }

    /// Makes room for about `rows` entries in every key set (an eighth more, for a file whose
    /// rows grow longer), so that they are not grown and copied again and again.
    pub fn reserve(&mut self, rows: usize) {
        if let Stage::Collecting { entries, .. } = &mut self.stage {
            for set in entries {
                set.reserve(rows + rows / 8);
            }
        }
    }

    /// Takes a chunk's key values; `first_row` is the data row number of its first record.
    /// Findings of empty key parts go to `out` at once; duplicates are found by `finish`.
    pub fn check(&mut self, values: &KeyValues, first_row: u64, out: &mut Vec<Finding>) {
        match &mut self.stage {
            Stage::Collecting {
                entries,
                lines,
                overflowed,
            } => {
                for value in &values.values {
                    let spec = &self.plan.keys[value.key as usize];
                    let row = first_row + value.record - 1;
                    if !value.is_complete() {
                        if let Some(part) = value.missing_part().filter(|_| spec.report_missing) {
                            out.push(missing_part(spec, part, row, value.line));
                        }
                        continue;
                    }
                    let Ok(numbered) = u32::try_from(row) else {
                        *overflowed = true;
                        continue;
                    };
                    entries[value.key as usize].push(entry_of(value.value, numbered));
                    lines.push(row, value.line);
                }
            }
            Stage::Confirming {
                pending,
                values: found,
            } => {
                let mut start = 0;
                for value in &values.values {
                    debug_assert!(start <= value.end, "key texts out of step");
                    let text = values.text.get(start..value.end).unwrap_or_default();
                    start = value.end;
                    if !value.is_complete() {
                        continue;
                    }
                    let row = first_row + value.record - 1;
                    let Ok(row) = u32::try_from(row) else {
                        continue;
                    };
                    let key = value.key as usize;
                    if pending.wanted[key].binary_search(&row).is_ok() {
                        found.insert((key, row), (text.to_string(), value.line));
                    }
                }
            }
        }
    }

    /// Sorts the entries: duplicates of short values become findings, and rows whose
    /// fingerprints match are returned to be read again (then `confirmed`), for the keys whose
    /// code `wanted` says is reported. With a `limit` of findings, a group keeps its first
    /// `limit + 2` rows, without holding the values of every row that repeats one key: the rows
    /// after those are returned as counts (a finding like theirs, and how many), to be counted
    /// beyond the limit as repeats of the same fingerprint.
    pub fn finish(
        &mut self,
        wanted: impl Fn(Code) -> bool,
        limit: Option<usize>,
    ) -> (Vec<Finding>, Option<Pending>, Vec<(Finding, u64)>) {
        let Stage::Collecting {
            entries,
            lines,
            overflowed,
        } = &mut self.stage
        else {
            return (Vec::new(), None, Vec::new());
        };
        let mut found = Vec::new();
        let mut counted = Vec::new();
        let mut groups: Vec<(usize, Vec<u32>)> = Vec::new();
        for (key, set) in entries.iter_mut().enumerate() {
            let spec = &self.plan.keys[key];
            let mut set = std::mem::take(set);
            super::entry_sort::sort_entries(&mut set);
            let runs = if spec.unique { set.as_slice() } else { &[] };
            for run in runs.chunk_by(|a, b| value_bits(*a) == value_bits(*b)) {
                let [first, rest @ ..] = run else { continue };
                if rest.is_empty() {
                    continue;
                }
                let Some(text) = inline_text(*first) else {
                    if wanted(spec.code) {
                        let kept = limit.map_or(run.len(), |limit| run.len().min(limit + 2));
                        groups.push((key, run[..kept].iter().map(|e| row_of(*e)).collect()));
                        if kept < run.len() {
                            let (name, index) = &spec.parts[0];
                            let row = u64::from(row_of(run[kept]));
                            let like =
                                Finding::text(spec.code, t!("key-repeats-counted", column = name))
                                    .at_row(row, lines.line(row))
                                    .in_column(Some(*index), name)
                                    .with_help_text(Some(t!("key-repeats-help")));
                            counted.push((like, (run.len() - kept) as u64));
                        }
                    }
                    continue;
                };
                let text = String::from_utf8_lossy(&text);
                let first_row = u64::from(row_of(*first));
                let earlier = (first_row, lines.line(first_row));
                for later in rest {
                    let row = u64::from(row_of(*later));
                    found.push(duplicate(spec, &text, row, lines.line(row), earlier));
                }
            }
            // Rows past the numbering are not in the set: the references read the file again.
            if spec.kept && !*overflowed {
                self.kept.push(KeptKey {
                    columns: spec.columns.clone(),
                    entries: set,
                });
            }
        }
        if *overflowed && self.plan.keys.iter().any(|k| k.unique) {
            found.push(Finding::text(
                Code::Unchecked,
                t!("key-checked-first-rows-only", rows = u64::from(u32::MAX)),
            ));
        }
        if groups.is_empty() {
            return (found, None, counted);
        }
        let mut wanted = vec![Vec::new(); self.plan.keys.len()];
        for (key, rows) in &groups {
            wanted[*key].extend_from_slice(rows);
        }
        for rows in &mut wanted {
            rows.sort_unstable();
            rows.dedup();
        }
        (found, Some(Pending { groups, wanted }), counted)
    }

    /// The kept keys' entries, sorted, once `finish` has run (none on a second reading).
    pub fn take_kept(&mut self) -> Vec<KeptKey> {
        std::mem::take(&mut self.kept)
    }

    /// After the second reading: the duplicates among rows whose fingerprints matched, their
    /// values compared in full.
    pub fn confirmed(&self) -> Vec<Finding> {
        let Stage::Confirming { pending, values } = &self.stage else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for (key, rows) in &pending.groups {
            let spec = &self.plan.keys[*key];
            // The first row of each distinct value in the group, in row order.
            let mut firsts: Vec<(&str, u64, u64)> = Vec::new();
            for row in rows {
                let Some((text, line)) = values.get(&(*key, *row)) else {
                    continue;
                };
                let row = u64::from(*row);
                match firsts.iter().find(|(t, _, _)| t == text) {
                    Some((_, first_row, first_line)) => {
                        found.push(duplicate(spec, text, row, *line, (*first_row, *first_line)));
                    }
                    None => firsts.push((text, row, *line)),
                }
            }
        }
        found
    }
}

fn missing_part(spec: &KeySpec, part: usize, row: u64, line: u64) -> Finding {
    let name = &spec.parts[part].0;
    Finding::text(
        Code::PrimaryKey,
        t!("key-primary-part-empty", column = name),
    )
    .at_row(row, line)
    .in_column(Some(spec.parts[part].1), name)
    .with_help_text(Some(t!("key-primary-part-empty-help")))
}

/// The finding for a value of `spec` in `row` that first appeared at `earlier` (row, line).
fn duplicate(spec: &KeySpec, text: &str, row: u64, line: u64, earlier: (u64, u64)) -> Finding {
    let first = &spec.parts[0];
    let shown = text.replace('\u{1f}', ", ");
    let what = if spec.parts.len() == 1 {
        t!("key-value-in-column", value = &shown, column = &first.0)
    } else {
        let names: Vec<&str> = spec.parts.iter().map(|(n, _)| &**n).collect();
        t!(
            "key-combination",
            columns = names.join(", "),
            values = &shown
        )
    };
    let kind = match (spec.code, spec.parts.len()) {
        (Code::PrimaryKey, _) => t!("key-primary-must-be-unique"),
        (_, 1) => t!("key-column-must-be-unique"),
        _ => t!("key-combination-must-be-unique"),
    };
    Finding::text(
        spec.code,
        t!(
            "key-repeats",
            what = what,
            first_row = earlier.0 as i64,
            first_line = earlier.1 as i64,
            kind = kind
        ),
    )
    .at_row(row, line)
    .in_column(Some(first.1), &first.0)
    .with_value(&shown)
    .with_help_text(Some(t!("key-repeats-help")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_sort_by_value_then_row() {
        let a = entry(b"5100087487", 9);
        let b = entry(b"5100087487", 3);
        let c = entry(b"5100087488", 1);
        let mut all = [a, c, b];
        all.sort_unstable();
        assert_eq!(all, [b, a, c]);
        assert_eq!(value_bits(a), value_bits(b));
        assert_eq!(row_of(a), 9);
        assert_eq!(inline_text(a).as_deref(), Some(&b"5100087487"[..]));
    }

    #[test]
    fn an_entry_is_length_value_then_row() {
        let mut expected = [0u8; 16];
        expected[0] = 3;
        expected[1..4].copy_from_slice(b"abc");
        expected[12..].copy_from_slice(&7u32.to_be_bytes());
        assert_eq!(entry(b"abc", 7).to_be_bytes(), expected);
        assert_eq!(value_bits(entry(b"abc", 7)), value_of(b"abc"));
        let long = entry(b"a value of more than eleven bytes", 7).to_be_bytes();
        assert_eq!(long[0], FINGERPRINTED);
        assert_eq!(long[12..], 7u32.to_be_bytes());
    }

    #[test]
    fn long_values_are_fingerprinted_and_told_from_short_ones() {
        let long = entry(b"GB-CHC-1234567-0001", 1);
        assert_eq!(inline_text(long), None);
        assert_eq!(
            value_bits(long),
            value_bits(entry(b"GB-CHC-1234567-0001", 2))
        );
        assert_ne!(
            value_bits(long),
            value_bits(entry(b"GB-CHC-1234568-0001", 1))
        );
        // An empty value and an 11-byte one are inline and distinct.
        assert_eq!(inline_text(entry(b"", 1)).as_deref(), Some(&b""[..]));
        assert_eq!(
            inline_text(entry(b"12345678901", 1)).as_deref(),
            Some(&b"12345678901"[..])
        );
    }

    #[test]
    fn line_runs_follow_records_that_span_lines() {
        let mut lines = LineRuns::default();
        // Rows 1-3 on lines 2-4, row 4 spans lines 5-7, rows 5-6 on lines 8-9; row 7 has no key.
        for (row, line) in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 8), (6, 9), (8, 11)] {
            lines.push(row, line);
        }
        let got: Vec<u64> = [1, 2, 3, 4, 5, 6, 8]
            .iter()
            .map(|r| lines.line(*r))
            .collect();
        assert_eq!(got, [2, 3, 4, 5, 8, 9, 11]);
        assert!(lines.runs.len() <= 3);
    }

    #[test]
    fn fingerprints_that_match_are_compared_in_full() {
        let plan = KeyPlan {
            keys: vec![KeySpec {
                code: Code::PrimaryKey,
                parts: vec![(Arc::from("Id"), 0)],
                columns: vec![0],
                report_missing: false,
                unique: true,
                kept: false,
            }],
            spares: Spares::new(SPARE_BUFFERS),
        };
        // As if rows 2, 5 and 9 had matching fingerprints: 2 and 9 hold one value, 5 another.
        let pending = Pending {
            groups: vec![(0, vec![2, 5, 9])],
            wanted: vec![vec![2, 5, 9]],
        };
        let mut keys = KeyChecks::confirming(&plan, pending);
        let mut values = KeyValues::default();
        for (record, text) in [
            "AAAAAAAAAAAAAAAA",
            "x",
            "AAAAAAAAAAAAAAAB",
            "y",
            "AAAAAAAAAAAAAAAA",
        ]
        .iter()
        .enumerate()
        {
            values.text.push_str(text);
            values.values.push(KeyValue {
                value: value_of(text.as_bytes()),
                record: record as u64 + 1,
                line: record as u64 + 10,
                end: values.text.len(),
                key: 0,
                missing: KeyValue::COMPLETE,
            });
        }
        // In a chunk starting at row 2, records 1, 4 and 8 are rows 2, 5 and 9; 10 and 20 are
        // rows nobody asked for.
        values.values[1].record = 10;
        values.values[2].record = 4;
        values.values[3].record = 20;
        values.values[4].record = 8;
        // A value left out (a formula error) keeps its text in place: the values after it are
        // still read from where it ends.
        values.values[3].leave_out();
        let mut out = Vec::new();
        keys.check(&values, 2, &mut out);
        assert!(out.is_empty());
        let found = keys.confirmed();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].row, Some(9));
        assert!(found[0]
            .message_in(crate::i18n::Lang::En)
            .contains("first appeared in row 2 (line 10)"));
    }

    #[test]
    fn a_row_with_two_keys_is_one_row_of_a_run() {
        let mut lines = LineRuns::default();
        for row in 1..=1000 {
            lines.push(row, row + 1);
            lines.push(row, row + 1);
        }
        assert_eq!(lines.runs.len(), 1);
        assert_eq!(lines.line(700), 701);
    }

    #[test]
    fn rows_without_keys_do_not_break_a_run() {
        let mut lines = LineRuns::default();
        // A unique column filled in one row in three, and a pretty-printed JSON array whose
        // objects take five lines, every other one with the key.
        for row in (3..3000).step_by(3) {
            lines.push(row, row + 1);
        }
        assert_eq!(lines.runs.len(), 1);
        assert_eq!(lines.line(2997), 2998);
        let mut json = LineRuns::default();
        for row in (1..1000).step_by(2) {
            json.push(row, 2 + (row - 1) * 5);
        }
        assert_eq!(json.runs.len(), 1);
        assert_eq!(json.line(999), 2 + 998 * 5);
    }

    #[test]
    fn line_runs_hold_rows_that_share_a_line() {
        let mut lines = LineRuns::default();
        for row in 1..=1000 {
            lines.push(row, 1);
        }
        assert_eq!(lines.line(500), 1);
        assert_eq!(lines.runs.len(), 1);
    }
}

//! Uniqueness across rows: unique columns, the primary key and unique keys. Workers pull each
//! row's key values out of the records they parse; the key sets are then filled in row order on one
//! thread, so that a duplicate always names the row where the value first appeared.

use std::sync::Arc;

use crate::read::csv::Record;
use hashbrown::{DefaultHashBuilder, HashTable};

use super::cells::is_missing;
use crate::compile::CompiledTable;
use crate::finding::{Code, Finding};
use crate::standard::Table;

/// One key: which file columns make it, and how it is reported.
struct KeySpec {
    code: Code,
    /// (name, file column) of each part of the key.
    parts: Vec<(Arc<str>, usize)>,
    /// Whether a missing part is reported (primary keys whose columns the schema does not already
    /// require); otherwise rows with a missing part are left out of the key.
    report_missing: bool,
}

/// The keys of a table that a file can be checked for (those whose columns are all in the file).
pub struct KeyPlan {
    keys: Vec<KeySpec>,
}

/// A row's value for one key, pulled out by a worker.
pub struct KeyValue {
    /// 1-based record number within its chunk.
    pub record: u64,
    pub line: u64,
    pub key: usize,
    /// The part that is missing, if one is.
    pub missing_part: Option<usize>,
    /// The joined value's range in the chunk's key text.
    pub start: usize,
    pub end: usize,
}

/// Key values of one chunk: their text in one buffer.
#[derive(Default)]
pub struct KeyValues {
    pub text: String,
    pub values: Vec<KeyValue>,
}

impl KeyPlan {
    pub fn new(table: &Table, standard_to_file: &[Option<usize>]) -> KeyPlan {
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
                    report_missing,
                });
            }
        }
        for (i, column) in table.columns.iter().enumerate() {
            if column.unique && table.primary_key != [i] {
                if let Some(parts) = parts_of(&[i]) {
                    keys.push(KeySpec {
                        code: Code::Unique,
                        parts,
                        report_missing: false,
                    });
                }
            }
        }
        for key in &table.unique_keys {
            if let Some(parts) = parts_of(key) {
                keys.push(KeySpec {
                    code: Code::Unique,
                    parts,
                    report_missing: false,
                });
            }
        }
        KeyPlan { keys }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether key `key` takes a part from `file_column`.
    pub fn uses_column(&self, key: usize, file_column: usize) -> bool {
        self.keys
            .get(key)
            .is_some_and(|spec| spec.parts.iter().any(|(_, f)| *f == file_column))
    }

    /// Pulls one record's key values into `out`.
    pub fn extract(
        &self,
        record_number: u64,
        line: u64,
        record: &Record<'_>,
        table: &CompiledTable,
        out: &mut KeyValues,
    ) {
        for (key, spec) in self.keys.iter().enumerate() {
            let start = out.text.len();
            let mut missing_part = None;
            for (n, (_, file_column)) in spec.parts.iter().enumerate() {
                let value = record.get(*file_column).unwrap_or("").trim();
                if is_missing(value, table) {
                    missing_part = Some(n);
                    break;
                }
                if n > 0 {
                    out.text.push('\u{1f}');
                }
                out.text.push_str(value);
            }
            if missing_part.is_some() {
                out.text.truncate(start);
            }
            out.values.push(KeyValue {
                record: record_number,
                line,
                key,
                missing_part,
                start,
                end: out.text.len(),
            });
        }
    }
}

/// Where a key value first appeared: its place in the arena (a 4-byte length, then the bytes),
/// and its row and line. 24 bytes a distinct value, plus the value itself.
struct Seen {
    start: u64,
    row: u64,
    line: u64,
}

/// The bytes of the value stored at `start` in an arena.
fn stored(arena: &[u8], start: u64) -> &[u8] {
    let start = start as usize;
    let mut len = [0u8; 4];
    len.copy_from_slice(&arena[start..start + 4]);
    let len = u32::from_le_bytes(len) as usize;
    &arena[start + 4..start + 4 + len]
}

/// The key sets of one file, filled in row order.
pub struct KeyChecks<'p> {
    plan: &'p KeyPlan,
    /// Every distinct key value, one after another; `seen` entries point into it.
    arenas: Vec<Vec<u8>>,
    seen: Vec<HashTable<Seen>>,
    hasher: DefaultHashBuilder,
}

impl<'p> KeyChecks<'p> {
    pub fn new(plan: &'p KeyPlan) -> KeyChecks<'p> {
        KeyChecks {
            plan,
            arenas: plan.keys.iter().map(|_| Vec::new()).collect(),
            seen: plan.keys.iter().map(|_| HashTable::new()).collect(),
            hasher: DefaultHashBuilder::default(),
        }
    }

    /// Makes room for about `rows` values in every key set, so that they are not grown (and
    /// rehashed) again and again.
    pub fn reserve(&mut self, rows: usize) {
        let hasher = &self.hasher;
        for (table, arena) in self.seen.iter_mut().zip(&self.arenas) {
            table.reserve(rows, |s| {
                std::hash::BuildHasher::hash_one(hasher, stored(arena, s.start))
            });
        }
    }

    /// Checks a chunk's key values; `first_row` is the data row number of its first record.
    pub fn check(&mut self, values: &KeyValues, first_row: u64, out: &mut Vec<Finding>) {
        for value in &values.values {
            let spec = &self.plan.keys[value.key];
            let row = first_row + value.record - 1;
            let first = &spec.parts[0];
            if let Some(part) = value.missing_part {
                if spec.report_missing {
                    let name = &spec.parts[part].0;
                    out.push(
                        Finding::new(
                            Code::PrimaryKey,
                            format!("`{name}` is empty, but it is part of the primary key"),
                        )
                        .at_row(row, value.line)
                        .in_column(Some(spec.parts[part].1), name)
                        .with_help(Some(
                            "every row needs a key value that identifies it".into(),
                        )),
                    );
                }
                continue;
            }
            let text = &values.text.as_bytes()[value.start..value.end];
            let hash = std::hash::BuildHasher::hash_one(&self.hasher, text);
            let arena = &mut self.arenas[value.key];
            let table = &mut self.seen[value.key];
            let found = table.find(hash, |s| stored(arena, s.start) == text);
            match found {
                Some(earlier) => {
                    let shown = values.text[value.start..value.end].replace('\u{1f}', ", ");
                    let what = if spec.parts.len() == 1 {
                        format!("`{shown}` in `{}`", first.0)
                    } else {
                        let names: Vec<&str> = spec.parts.iter().map(|(n, _)| &**n).collect();
                        format!("the combination ({}) = ({shown})", names.join(", "))
                    };
                    let kind = match (spec.code, spec.parts.len()) {
                        (Code::PrimaryKey, _) => "the primary key must be unique",
                        (_, 1) => "values in this column must be unique",
                        _ => "this combination must be unique",
                    };
                    out.push(
                        Finding::new(
                            spec.code,
                            format!(
                                "{what} repeats: it first appeared in row {} (line {}); {kind}",
                                earlier.row, earlier.line
                            ),
                        )
                        .at_row(row, value.line)
                        .in_column(Some(first.1), &first.0)
                        .with_value(&shown)
                        .with_help(Some(
                            "give each row its own value, or remove the duplicate row".into(),
                        )),
                    );
                }
                None => {
                    let start = arena.len() as u64;
                    // Key values longer than 4 GiB cannot be told apart beyond that; none exist.
                    let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
                    arena.extend_from_slice(&len.to_le_bytes());
                    arena.extend_from_slice(&text[..len as usize]);
                    let hasher = &self.hasher;
                    let arena = &self.arenas[value.key];
                    table.insert_unique(
                        hash,
                        Seen {
                            start,
                            row,
                            line: value.line,
                        },
                        |s| std::hash::BuildHasher::hash_one(hasher, stored(arena, s.start)),
                    );
                }
            }
        }
    }
}

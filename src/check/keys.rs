//! Uniqueness across rows: unique columns, the primary key and unique keys. Run in row order, so
//! that a duplicate always names the row where the value first appeared.

use std::collections::HashMap;
use std::sync::Arc;

use csv::StringRecord;

use super::cells::is_missing;
use crate::compile::CompiledTable;
use crate::finding::{Code, Finding};
use crate::standard::Table;

struct Key {
    code: Code,
    /// (name, file column) of each part of the key.
    parts: Vec<(Arc<str>, usize)>,
    /// Whether a missing part is reported (primary keys whose columns the schema does not already
    /// require); otherwise rows with a missing part are left out of the key.
    report_missing: bool,
    /// Each key value seen, with the row and line it first appeared on.
    seen: HashMap<Box<str>, (u64, u64)>,
}

/// The key checks of one file.
pub struct KeyChecks {
    keys: Vec<Key>,
    scratch: String,
}

impl KeyChecks {
    /// Sets up the keys whose columns are all in the file.
    pub fn new(table: &Table, standard_to_file: &[Option<usize>]) -> KeyChecks {
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
                keys.push(Key {
                    code: Code::PrimaryKey,
                    parts,
                    report_missing,
                    seen: HashMap::new(),
                });
            }
        }
        for (i, column) in table.columns.iter().enumerate() {
            if column.unique && table.primary_key != [i] {
                if let Some(parts) = parts_of(&[i]) {
                    keys.push(Key {
                        code: Code::Unique,
                        parts,
                        report_missing: false,
                        seen: HashMap::new(),
                    });
                }
            }
        }
        for key in &table.unique_keys {
            if let Some(parts) = parts_of(key) {
                keys.push(Key {
                    code: Code::Unique,
                    parts,
                    report_missing: false,
                    seen: HashMap::new(),
                });
            }
        }
        KeyChecks {
            keys,
            scratch: String::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Checks one row's keys.
    pub fn check(
        &mut self,
        row: u64,
        line: u64,
        record: &StringRecord,
        table: &CompiledTable,
        out: &mut Vec<Finding>,
    ) {
        for key in &mut self.keys {
            self.scratch.clear();
            let mut missing: Option<&Arc<str>> = None;
            for (n, (name, file_column)) in key.parts.iter().enumerate() {
                let value = record.get(*file_column).unwrap_or("").trim();
                if is_missing(value, table) {
                    missing = Some(name);
                    break;
                }
                if n > 0 {
                    self.scratch.push('\u{1f}');
                }
                self.scratch.push_str(value);
            }
            let first = &key.parts[0];
            if let Some(name) = missing {
                if key.report_missing {
                    out.push(
                        Finding::new(
                            Code::PrimaryKey,
                            format!("`{name}` is empty, but it is part of the primary key"),
                        )
                        .at_row(row, line)
                        .in_column(Some(first.1), &first.0)
                        .with_help(Some(
                            "every row needs a key value that identifies it".into(),
                        )),
                    );
                }
                continue;
            }
            match key.seen.get(self.scratch.as_str()) {
                Some(&(first_row, first_line)) => {
                    let shown = self.scratch.replace('\u{1f}', ", ");
                    let what = if key.parts.len() == 1 {
                        format!("`{shown}` in `{}`", first.0)
                    } else {
                        let names: Vec<&str> = key.parts.iter().map(|(n, _)| &**n).collect();
                        format!("the combination ({}) = ({shown})", names.join(", "))
                    };
                    let kind = if key.code == Code::PrimaryKey {
                        "the primary key"
                    } else {
                        "a unique key"
                    };
                    out.push(
                        Finding::new(
                            key.code,
                            format!("{what} repeats: it first appeared in row {first_row} (line {first_line}); {kind}"),
                        )
                        .at_row(row, line)
                        .in_column(Some(first.1), &first.0)
                        .with_value(&shown)
                        .with_help(Some("give each row its own value, or remove the duplicate row".into())),
                    );
                }
                None => {
                    key.seen
                        .insert(Box::from(self.scratch.as_str()), (row, line));
                }
            }
        }
    }
}

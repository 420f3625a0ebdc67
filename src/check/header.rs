//! Matching a file's header row to the table's columns.

use std::collections::HashSet;
use std::sync::Arc;

use csv::StringRecord;

use super::cells::quote;
use crate::finding::{Code, Finding, Severity};
use crate::i18n::Text;
use crate::standard::{HeaderMatch, Table};
use crate::suggest::{closest, fold};
use crate::t;

/// How the file's columns line up with the standard's.
pub struct HeaderPlan {
    /// For each standard column, the file column that holds it.
    pub standard_to_file: Vec<Option<usize>>,
    /// How many cells the header has.
    pub width: usize,
    /// The header's own text, for reports.
    pub names: Vec<Arc<str>>,
    pub findings: Vec<Finding>,
    /// For each standard column found, how its file column was matched to it.
    pub matched_by: Vec<Option<How>>,
}

/// How a file's column was matched to the standard's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The same name.
    Exact,
    /// The same letters and digits, ignoring case, spaces and punctuation.
    Normalised,
    /// One of the column's other names (an older or common name the standard lists).
    Alias,
}

impl How {
    pub fn name(self) -> &'static str {
        match self {
            How::Exact => "exact",
            How::Normalised => "normalised",
            How::Alias => "alias",
        }
    }
}

/// Letters and digits only, lower-cased: the comparison `header.match: compact` uses.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Matches `header` to `table`'s columns and reports what does not fit.
pub fn plan(header: &StringRecord, table: &Table) -> HeaderPlan {
    plan_at(header, table, 1)
}

/// For each of `table`'s columns, the index of the header cell that holds it, matched as a file's
/// header is (exact names, then the table's normalised names and aliases): for callers that hold
/// named columns rather than a file, such as a Spark DataFrame.
pub fn columns_for(header: &[&str], table: &Table) -> Vec<Option<usize>> {
    plan(&header.iter().collect(), table).standard_to_file
}

/// `plan` for a header on `line` (a sheet's header may be below a title block).
pub fn plan_at(header: &StringRecord, table: &Table, line: u64) -> HeaderPlan {
    let names: Vec<Arc<str>> = header.iter().map(short_name).collect();
    let mut matching = Matching::new(&names, table, line);
    matching.match_names(&names, table);
    matching.report_file_columns(&names, table);
    matching.report_absent(table);
    matching.report_nothing_matched(&names, table);
    if table.header.strict_order {
        matching.report_order(table);
    }
    let matched_by = matching
        .standard_to_file
        .iter()
        .map(|f| f.and_then(|f| matching.file_to_standard[f].map(|(_, how)| how)))
        .collect();
    HeaderPlan {
        matched_by,
        standard_to_file: matching.standard_to_file,
        width: names.len(),
        names,
        findings: matching.findings,
    }
}

/// The header matched so far, and what was found on the way.
struct Matching {
    standard_to_file: Vec<Option<usize>>,
    file_to_standard: Vec<Option<(usize, How)>>,
    /// Header cells that name a column an earlier cell already holds: reported once, not checked.
    duplicate: Vec<bool>,
    findings: Vec<Finding>,
    /// The header's line, where its findings are.
    line: u64,
}

impl Matching {
    fn new(names: &[Arc<str>], table: &Table, line: u64) -> Matching {
        Matching {
            standard_to_file: vec![None; table.columns.len()],
            file_to_standard: vec![None; names.len()],
            duplicate: vec![false; names.len()],
            findings: Vec::new(),
            line,
        }
    }

    /// Exact names first, so that an alias never takes a column another header names exactly.
    fn match_names(&mut self, names: &[Arc<str>], table: &Table) {
        let normalised = table.header.matching != HeaderMatch::Exact;
        let key = |text: &str| match table.header.matching {
            HeaderMatch::Compact => compact(text),
            // Case, spacing, `_` and `-` ignored, word gaps too: `Beneficiary Name` is
            // `BeneficiaryName` (the LGA's CamelCase names) and `beneficiary_name`.
            _ => fold(text).replace(' ', ""),
        };
        let folded: Vec<String> = names.iter().map(|n| key(n)).collect();
        let passes: &[How] = if normalised {
            &[How::Exact, How::Normalised, How::Alias]
        } else {
            &[How::Exact, How::Alias]
        };
        for how in passes {
            for (file_index, name) in names.iter().enumerate() {
                if self.file_to_standard[file_index].is_some()
                    || self.duplicate[file_index]
                    || name.trim().is_empty()
                {
                    continue;
                }
                let found = table.columns.iter().position(|column| match how {
                    How::Exact => *column.name == **name,
                    How::Normalised => key(&column.name) == folded[file_index],
                    How::Alias => column.aliases.iter().any(|alias| {
                        alias == &**name || (normalised && key(alias) == folded[file_index])
                    }),
                });
                if let Some(standard_index) = found {
                    self.take(names, table, file_index, standard_index, *how);
                }
            }
        }
    }

    /// Gives file column `file_index` to the standard's column, or reports it as a duplicate.
    fn take(
        &mut self,
        names: &[Arc<str>],
        table: &Table,
        file_index: usize,
        standard_index: usize,
        how: How,
    ) {
        let name = &names[file_index];
        let Some(first) = self.standard_to_file[standard_index] else {
            self.standard_to_file[standard_index] = Some(file_index);
            self.file_to_standard[file_index] = Some((standard_index, how));
            return;
        };
        let column = &table.columns[standard_index];
        self.duplicate[file_index] = true;
        let first_by_alias = self.file_to_standard[first].is_some_and(|(_, h)| h == How::Alias);
        if how == How::Alias && first_by_alias && names[first] != *name {
            // Two names the standard knows for one column (`Directorate` and `Service Area` for
            // `Department`): two levels of the same thing, not a mistake. The first is checked.
            let mut note = Finding::text(
                Code::UnknownColumn,
                t!(
                    "header-another-known-name",
                    column = quote(name),
                    standard = &column.name,
                    first = (first + 1) as i64,
                    first_name = &names[first]
                ),
            )
            .at_line(self.line)
            .in_column(Some(file_index), name)
            .with_value(name)
            .with_help_text(Some(t!(
                "header-another-known-name-help",
                name = name,
                standard = &column.name,
                first_name = &names[first]
            )));
            note.severity = Severity::Info;
            self.findings.push(note);
            return;
        }
        let message = if names[first] == *name {
            t!(
                "header-named-twice",
                column = quote(name),
                first = (first + 1) as i64,
                second = (file_index + 1) as i64
            )
        } else {
            t!(
                "header-both-read-as",
                first_name = &names[first],
                first = (first + 1) as i64,
                name = name,
                second = (file_index + 1) as i64,
                standard = &column.name
            )
        };
        self.findings.push(
            Finding::text(Code::DuplicateHeader, message)
                .at_line(self.line)
                .in_column(Some(file_index), name)
                .with_value(name)
                .with_help_text(Some(t!("header-only-first-checked-help"))),
        );
    }

    /// Blank, renamed and unknown header cells.
    fn report_file_columns(&mut self, names: &[Arc<str>], table: &Table) {
        let mut seen_unknown: HashSet<&str> = HashSet::new();
        for (file_index, name) in names.iter().enumerate() {
            if name.trim().is_empty() {
                self.findings.push(
                    Finding::text(
                        Code::BlankHeader,
                        t!("header-blank", number = (file_index + 1) as i64),
                    )
                    .at_line(self.line)
                    .in_column(Some(file_index), name)
                    .with_help_text(Some(t!("header-blank-help"))),
                );
                continue;
            }
            if self.duplicate[file_index] {
                continue;
            }
            match self.file_to_standard[file_index] {
                Some((standard_index, how @ (How::Normalised | How::Alias))) => {
                    let column = &table.columns[standard_index];
                    let why = if how == How::Alias {
                        t!("header-why-alias")
                    } else {
                        t!("header-why-normalised")
                    };
                    self.findings.push(
                        Finding::text(
                            Code::HeaderMismatch,
                            t!(
                                "header-read-as",
                                column = quote(name),
                                standard = &column.name,
                                why = why
                            ),
                        )
                        .at_line(self.line)
                        .in_column(Some(file_index), &column.name)
                        .with_value(name)
                        .with_help_text(Some(t!("header-read-as-help", standard = &column.name))),
                    );
                }
                Some(_) => {}
                None if !seen_unknown.insert(name) => {
                    self.findings.push(
                        Finding::text(
                            Code::DuplicateHeader,
                            t!("header-named-more-than-once", column = quote(name)),
                        )
                        .at_line(self.line)
                        .in_column(Some(file_index), name)
                        .with_value(name)
                        .with_help_text(Some(t!("header-rename-or-remove-help"))),
                    );
                }
                None => {
                    // Guessing costs an edit distance per column: a file with thousands of
                    // unknown columns is not a misspelling, so only the first ones get a guess.
                    let guess = if seen_unknown.len() <= 100 {
                        self.closest_unmatched(name, table)
                    } else {
                        None
                    };
                    self.findings
                        .push(unknown_column(file_index, name, guess, self.line));
                }
            }
        }
    }

    fn closest_unmatched<'t>(&self, name: &str, table: &'t Table) -> Option<&'t str> {
        let unmatched = table
            .columns
            .iter()
            .enumerate()
            .filter(|(i, _)| self.standard_to_file[*i].is_none())
            .map(|(_, c)| &*c.name);
        closest(name, unmatched)
    }

    /// Required columns the header lacks, each an error; optional ones together, a note.
    fn report_absent(&mut self, table: &Table) {
        let mut optional_absent: Vec<&str> = Vec::new();
        for (standard_index, column) in table.columns.iter().enumerate() {
            if self.standard_to_file[standard_index].is_some() {
                continue;
            }
            if !column.required && !table.header.all_columns {
                optional_absent.push(&column.name);
                continue;
            }
            let help = if column.aliases.is_empty() {
                t!("header-missing-help", column = &column.name)
            } else {
                let listed: Vec<String> = column.aliases.iter().map(|a| format!("`{a}`")).collect();
                t!(
                    "header-missing-help-aliases",
                    column = &column.name,
                    aliases = listed.join(", ")
                )
            };
            self.findings.push(
                Finding::text(
                    Code::MissingColumn,
                    t!("header-missing", column = &column.name),
                )
                .at_line(self.line)
                .in_column(None, &column.name)
                .with_help_text(Some(help)),
            );
        }
        if optional_absent.is_empty() {
            return;
        }
        // One note for all the optional columns: they are information, not problems.
        let listed: Vec<String> = optional_absent.iter().map(|n| format!("`{n}`")).collect();
        let mut finding = Finding::text(
            Code::MissingColumn,
            t!(
                "header-optional-absent",
                count = optional_absent.len() as i64,
                columns = listed.join(", ")
            ),
        )
        .at_line(self.line)
        .with_help_text(Some(t!("header-optional-absent-help")));
        finding.severity = Severity::Info;
        self.findings.push(finding);
    }

    /// A header with none of the table's columns: nothing would be checked, so the file cannot
    /// be said to conform, even when every column is optional.
    fn report_nothing_matched(&mut self, names: &[Arc<str>], table: &Table) {
        let required_missing = table.columns.iter().any(|c| c.required);
        if table.columns.is_empty()
            || self.standard_to_file.iter().any(Option::is_some)
            || required_missing
        {
            return;
        }
        let shown: Vec<String> = names.iter().take(5).map(|n| format!("`{n}`")).collect();
        self.findings.push(
            Finding::text(
                Code::MissingColumn,
                t!(
                    "header-nothing-matched",
                    columns = table.columns.len() as i64,
                    start = shown.join(", ")
                ),
            )
            .at_line(self.line)
            .with_help_text(Some(t!("header-nothing-matched-help"))),
        );
    }

    /// The first column out of the standard's order.
    fn report_order(&mut self, table: &Table) {
        let order: Vec<(usize, usize)> = self
            .file_to_standard
            .iter()
            .enumerate()
            .filter_map(|(f, s)| s.map(|(s, _)| (f, s)))
            .collect();
        let Some(pair) = order.windows(2).find(|w| w[1].1 < w[0].1) else {
            return;
        };
        let (file_index, standard_index) = pair[1];
        let column = &table.columns[standard_index];
        self.findings.push(
            Finding::text(
                Code::ColumnOrder,
                t!(
                    "header-order",
                    column = &column.name,
                    previous = &table.columns[pair[0].1].name
                ),
            )
            .at_line(self.line)
            .in_column(Some(file_index), &column.name)
            .with_help_text(Some(t!("header-order-help"))),
        );
    }
}

fn unknown_column(file_index: usize, name: &Arc<str>, guess: Option<&str>, line: u64) -> Finding {
    let help: Text = match guess {
        Some(guess) => t!("header-unknown-guess-help", guess = guess),
        None => t!("header-unknown-help"),
    };
    Finding::text(
        Code::UnknownColumn,
        t!("header-unknown", column = quote(name)),
    )
    .at_line(line)
    .in_column(Some(file_index), name)
    .with_value(name)
    .with_help_text(Some(help))
}

/// A header cell as a column name: cut short when it is longer than any real name (a file
/// with no line ends makes its whole text the header), so that no report echoes it whole.
fn short_name(cell: &str) -> Arc<str> {
    const MAX_BYTES: usize = 200;
    if cell.len() <= MAX_BYTES {
        return Arc::from(cell);
    }
    let mut cut = MAX_BYTES;
    while !cell.is_char_boundary(cut) {
        cut -= 1;
    }
    Arc::from(format!("{}…", &cell[..cut]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standard::Standard;

    fn codes(header: &[&str]) -> Vec<(Code, String)> {
        let standard = Standard::load("spend-over-500").expect("built-in");
        let plan = plan(&StringRecord::from(header.to_vec()), &standard.tables[0]);
        plan.findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| (f.code, f.value.as_deref().unwrap_or("").to_string()))
            .collect()
    }

    #[test]
    fn normalised_names_and_aliases_match_with_a_warning() {
        let found = codes(&[
            "Transaction date",
            "supplier_name",
            "Amount",
            "Irrecoverable VAT",
            "Department",
            "Procurement category",
        ]);
        assert_eq!(
            found,
            vec![
                (Code::HeaderMismatch, "supplier_name".to_string()),
                (Code::HeaderMismatch, "Amount".to_string()),
            ]
        );
    }

    #[test]
    fn columns_for_names_the_header_cell_of_each_standard_column() {
        let standard = Standard::load("spend-over-500").expect("built-in");
        let table = &standard.tables[0];
        let header = ["Amount", "Nonsense", "supplier_name", "Transaction date"];
        let found = columns_for(&header, table);
        let at = |name: &str| {
            let i = table.columns.iter().position(|c| &*c.name == name);
            found[i.expect("a column of the standard")]
        };
        assert_eq!(at("Transaction date"), Some(3));
        assert_eq!(at("Supplier name"), Some(2));
        assert_eq!(at("Net amount"), Some(0));
        assert_eq!(at("Department"), None);
        assert_eq!(found.len(), table.columns.len());
    }

    #[test]
    fn word_gaps_are_ignored_both_ways() {
        // LGA / iStandUK CamelCase names and spaced names match each other's columns and aliases.
        let found = codes(&[
            "TransactionDate",
            "Supplier Name",
            "NetAmount",
            "IrrecoverableVATAmount",
            "Department",
            "ProcurementCategory",
        ]);
        let missing: Vec<&(Code, String)> = found
            .iter()
            .filter(|(c, _)| *c == Code::MissingColumn || *c == Code::UnknownColumn)
            .collect();
        assert!(missing.is_empty(), "{found:?}");
    }

    #[test]
    fn a_second_alias_of_a_column_is_a_note_not_an_error() {
        let standard = Standard::load("spend-over-500").expect("built-in");
        let header = StringRecord::from(vec![
            "Transaction date",
            "Supplier name",
            "Net amount",
            "Irrecoverable VAT",
            "Directorate",
            "Service Area",
        ]);
        let plan = plan(&header, &standard.tables[0]);
        assert!(
            plan.findings
                .iter()
                .all(|f| f.code != Code::DuplicateHeader),
            "{:?}",
            plan.findings
        );
        let note = plan
            .findings
            .iter()
            .find(|f| f.value.as_deref() == Some("Service Area"))
            .expect("a note on the second name");
        assert_eq!(
            (note.code, note.severity),
            (Code::UnknownColumn, Severity::Info)
        );
    }

    #[test]
    fn unknown_blank_duplicate_and_missing() {
        let found = codes(&["Date", "Transaction date", "Suplier name", ""]);
        let kinds: Vec<Code> = found.iter().map(|(c, _)| *c).collect();
        assert!(kinds.contains(&Code::DuplicateHeader), "{found:?}");
        assert!(kinds.contains(&Code::UnknownColumn));
        assert!(kinds.contains(&Code::BlankHeader));
        assert!(kinds.contains(&Code::MissingColumn));
    }
}

//! Which table a file is, when the run is not told: its header scored against candidate tables.
//!
//! A header cell counts for a table it matches, divided among every candidate table it matches, so
//! that a column only one table has (`Merchant category`, `EndDate`) weighs more than one they all
//! share (`Transaction date`, `SiteReference`). A column whose schema says nothing of it (the 2017
//! columns today's brownfield standard merely accepts) is no evidence. To that is added the share
//! of the table's columns the file supplies (the tightest fit wins a tie), and a bonus when the
//! file's name holds the table's name whole (`…-purchase-card-….xls`).

use crate::check::{self, Options};
use crate::compile;
use crate::finding::{Code, Severity};
use crate::read::detect::Kind;
use crate::read::Input;
use crate::standard::{Column, Standard, Table};

/// One candidate's score, with what it is made of, for the note that says how sure the choice is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub total: f64,
    /// Columns of the table the header supplies (described columns only).
    pub matched: usize,
    /// Columns the table describes.
    pub described: usize,
    /// The file's name holds the table's name.
    pub named: bool,
}

/// How much a file's name holding the table's name counts: more than any share of columns, less
/// than a few columns of evidence.
const NAME_BONUS: f64 = 1.5;

/// Scores every candidate table (a standard and a table index) for `header`; `file_name` is the
/// file's own name, when it has one. The scores are in the candidates' order.
///
/// Scored twice: once with each header cell shared among all candidates, then again with it
/// shared only among the contenders (those within half of the best), so that a column that tells
/// the contenders apart (`EndDate` between the two brownfield standards) counts in full even when
/// unrelated tables also have it.
pub fn score_all(
    header: &csv::StringRecord,
    file_name: Option<&str>,
    candidates: &[(&Standard, usize)],
) -> Vec<Score> {
    let matches: Vec<Vec<usize>> = candidates
        .iter()
        .map(|(standard, t)| matched_file_columns(header, &standard.tables[*t]))
        .collect();
    let named = named_candidates(file_name, candidates);
    let everyone: Vec<bool> = vec![true; candidates.len()];
    let first = scores_among(header, candidates, &matches, &named, &everyone);
    let best = first.iter().map(|s| s.total).fold(0.0, f64::max);
    let contenders: Vec<bool> = first.iter().map(|s| s.total >= best / 2.0).collect();
    let second = scores_among(header, candidates, &matches, &named, &contenders);
    first
        .into_iter()
        .zip(second)
        .zip(&contenders)
        .map(|((first, second), &contender)| if contender { second } else { first })
        .collect()
}

/// Scores with each header cell's weight shared among the candidates `among` marks.
fn scores_among(
    header: &csv::StringRecord,
    candidates: &[(&Standard, usize)],
    matches: &[Vec<usize>],
    named: &[usize],
    among: &[bool],
) -> Vec<Score> {
    // How many candidates claim each header cell.
    let mut claims = vec![0usize; header.len()];
    for (columns, _) in matches.iter().zip(among).filter(|(_, a)| **a) {
        for &f in columns {
            claims[f] += 1;
        }
    }
    candidates
        .iter()
        .zip(matches)
        .enumerate()
        .map(|(n, ((standard, t), columns))| {
            let table = &standard.tables[*t];
            let described = table.columns.iter().filter(|c| is_described(c)).count();
            let evidence: f64 = columns.iter().map(|&f| 1.0 / claims[f].max(1) as f64).sum();
            let coverage = if described == 0 {
                0.0
            } else {
                columns.len() as f64 / described as f64
            };
            let bonus = if named.contains(&n) { NAME_BONUS } else { 0.0 };
            Score {
                total: evidence + coverage + bonus,
                matched: columns.len(),
                described,
                named: named.contains(&n),
            }
        })
        .collect()
}

/// The header cells that hold a described column of `table`.
fn matched_file_columns(header: &csv::StringRecord, table: &Table) -> Vec<usize> {
    let plan = check::plan_header(header, table);
    table
        .columns
        .iter()
        .zip(&plan.standard_to_file)
        .filter(|(column, _)| is_described(column))
        .filter_map(|(_, f)| *f)
        .collect()
}

/// Whether the schema says anything of a column beyond its name (a type, format, pattern...).
fn is_described(column: &Column) -> bool {
    const WORDS_ONLY: &[&str] = &["title", "description", "$comment", "examples"];
    column
        .schema
        .as_object()
        .is_some_and(|o| o.keys().any(|k| !WORDS_ONLY.contains(&k.as_str())))
        || column.codelist.is_some()
}

/// The candidates whose table name the file's name holds whole; only the longest such names, so
/// `…-article-4-direction-area.csv` is the area table, not the direction table.
fn named_candidates(file_name: Option<&str>, candidates: &[(&Standard, usize)]) -> Vec<usize> {
    let Some(name) = file_name else {
        return Vec::new();
    };
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix(".csv").unwrap_or(stem);
    let stem = crate::suggest::fold(stem);
    let words: Vec<&str> = stem.split(' ').collect();
    let named: Vec<(usize, usize)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(n, (standard, t))| {
            let table = crate::suggest::fold(&standard.tables[*t].name);
            names_table(&words, &table).then_some((n, table.len()))
        })
        .collect();
    let longest = named.iter().map(|(_, len)| *len).max().unwrap_or(0);
    named
        .into_iter()
        .filter(|(_, len)| *len == longest)
        .map(|(n, _)| n)
        .collect()
}

/// Whether a file name's words hold a table's name whole: its words in a row, each as written
/// or in a plural (`services_at_location` names `service_at_location`, and `location` too, but
/// the longer name wins).
pub fn names_table(words: &[&str], table: &str) -> bool {
    let table: Vec<&str> = table.split(' ').collect();
    let same = |word: &str, table_word: &str| {
        word == table_word
            || word
                .strip_prefix(table_word)
                .is_some_and(|rest| rest == "s" || rest == "es")
    };
    words.windows(table.len()).any(|window| {
        window
            .iter()
            .zip(&table)
            .all(|(word, table_word)| same(word, table_word))
    })
}

/// How near the best a header score must be for its table to be a close contender: the values
/// then decide, and without them the choice is said to be unsure.
pub const CLOSE: f64 = 1.0;

/// How much of a file is read to compare close candidates by their values.
const SAMPLE_BYTES: usize = 256 << 10;

/// What the values of a file's first rows said of candidates its header fits about equally.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueVerdict {
    /// The candidate (an index into the contenders given) whose forms the values fit best.
    pub best: usize,
    /// Each contender's fit, in their order.
    pub fits: Vec<ValueFit>,
    /// Rows the sample held.
    pub rows: u64,
    /// The sample was the whole file.
    pub whole: bool,
}

/// How a sample's values fit one table: filled cells of its columns that test their values (a
/// type, format, pattern, code list...), and how many of those failed the test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueFit {
    pub tested: usize,
    pub failed: usize,
}

impl std::fmt::Display for ValueFit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fit = self.tested.saturating_sub(self.failed) as u64;
        write!(
            f,
            "{} of {}",
            crate::finding::thousands(fit),
            crate::finding::thousands(self.tested as u64)
        )
    }
}

impl ValueFit {
    /// The share of tested values not in the table's forms: a share, because the header's score
    /// has already counted how many of the table's columns the file has.
    pub fn misfit(self) -> f64 {
        if self.tested == 0 {
            1.0
        } else {
            self.failed as f64 / self.tested as f64
        }
    }
}

/// How many fewer misfits, and how much smaller a share of the values, a table must have to be
/// chosen by them: a value or two in a handful of rows is not evidence.
const MISFIT_MARGIN: (usize, f64) = (3, 0.01);

/// Codes that say a value is not in its column's form (not that it is missing or out of order).
const VALUE_CODES: &[Code] = &[
    Code::Type,
    Code::Format,
    Code::Pattern,
    Code::Enum,
    Code::Range,
    Code::Length,
    Code::Codelist,
];

/// Checks the file's first rows against each contender and names the one whose columns' forms
/// the values fit best (a date column that holds dates, a code list the values come from), when
/// one fits clearly better than all the others. Whether cells are filled or rows keep rules is not
/// evidence of which table a file is. Text files only: a workbook's or JSON's header is its
/// whole evidence.
pub fn by_values(
    input: &Input,
    contenders: &[(&Standard, usize)],
    options: &Options,
) -> Option<ValueVerdict> {
    if check::kind_of(input, options).ok()? != Kind::Text {
        return None;
    }
    let mut head = input.head(SAMPLE_BYTES).ok()?;
    // UTF-16 cannot be cut at a byte; such files are rare enough to go by the header alone.
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let whole = head.len() < SAMPLE_BYTES;
    if !whole {
        // A row cut short would fail against every contender alike, but it is dropped.
        head.truncate(head.iter().rposition(|&b| b == b'\n')? + 1);
    }
    let bytes = std::sync::Arc::new(head);
    let sample = Input::Memory {
        name: input.display_name(),
        bytes: std::sync::Arc::clone(&bytes),
    };
    let options = Options {
        progress: None,
        max_findings: None,
        ..options.clone()
    };
    let mut fits = Vec::with_capacity(contenders.len());
    let mut rows = 0;
    // The same sample under every contender: its filled cells are counted once.
    let mut filled: Option<Vec<usize>> = None;
    for (standard, t) in contenders {
        let table = &standard.tables[*t];
        let compiled = compile::compile(table).ok()?;
        let report = check::check_file(&sample, &standard.id, table, &compiled, &options).ok()?;
        rows = report.rows;
        let filled = filled.get_or_insert_with(|| filled_cells(&bytes, &report));
        fits.push(value_fit(filled, &report, table));
    }
    let best = (0..fits.len()).min_by(|&a, &b| fits[a].misfit().total_cmp(&fits[b].misfit()))?;
    let clear = (0..fits.len()).filter(|&n| n != best).all(|n| {
        fits[n].failed >= fits[best].failed + MISFIT_MARGIN.0
            && fits[n].misfit() - fits[best].misfit() >= MISFIT_MARGIN.1
    });
    (clear && fits[best].tested > 0).then_some(ValueVerdict {
        best,
        fits,
        rows,
        whole,
    })
}

/// The filled cells of `table`'s tested columns in the sample, and the value findings on them.
fn value_fit(filled: &[usize], report: &check::FileReport, table: &Table) -> ValueFit {
    let header: csv::StringRecord = report.header.iter().map(|h| &**h).collect();
    let plan = check::plan_header(&header, table);
    let tested: Vec<usize> = table
        .columns
        .iter()
        .zip(&plan.standard_to_file)
        .filter(|(column, _)| tests_values(column))
        .filter_map(|(_, f)| *f)
        .collect();
    let failed = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && VALUE_CODES.contains(&f.code))
        .filter(|f| {
            f.column
                .as_ref()
                .and_then(|c| c.index)
                .is_some_and(|i| tested.contains(&i))
        })
        .count();
    ValueFit {
        tested: tested.iter().filter_map(|&f| filled.get(f)).sum(),
        failed,
    }
}

/// How many filled cells each column of the sample has below its header, read with the
/// delimiter the check found.
fn filled_cells(sample: &[u8], report: &check::FileReport) -> Vec<usize> {
    let mut filled = vec![0usize; report.header.len()];
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(report.delimiter.unwrap_or(b','))
        .has_headers(false)
        .flexible(true)
        .from_reader(sample);
    // Records up to the header (a title line above it included) are not values.
    let skip = report.header_line.max(1) as usize;
    for record in reader.byte_records().skip(skip).map_while(Result::ok) {
        for (count, cell) in filled.iter_mut().zip(record.iter()) {
            if !cell.trim_ascii().is_empty() {
                *count += 1;
            }
        }
    }
    filled
}

/// Whether a column's schema tests what its values look like, beyond being text.
fn tests_values(column: &Column) -> bool {
    const TESTS: &[&str] = &[
        "format",
        "pattern",
        "enum",
        "const",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
    ];
    let schema = column.schema.as_object();
    column.codelist.is_some()
        || schema.is_some_and(|o| TESTS.iter().any(|k| o.contains_key(*k)))
        || schema
            .and_then(|o| o.get("type"))
            .and_then(|t| t.as_str())
            .is_some_and(|t| matches!(t, "number" | "integer" | "boolean"))
}

/// How sure a choice is, from the best score and the best of the others.
pub fn sureness(best: f64, runner_up: Option<f64>) -> &'static str {
    match runner_up {
        None => "sure",
        Some(other) if best >= 2.0 * other || best - other >= 4.0 => "sure",
        Some(other) if best - other >= CLOSE => "fairly sure",
        Some(_) => "unsure",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> csv::StringRecord {
        csv::StringRecord::from(cells.to_vec())
    }

    #[test]
    fn a_file_name_holds_a_table_name_whole() {
        let words = |name: &'static str| name.split(' ').collect::<Vec<_>>();
        assert!(names_table(
            &words("services at location"),
            "service at location"
        ));
        assert!(names_table(&words("services at location"), "location"));
        assert!(names_table(&words("organizations"), "organization"));
        assert!(!names_table(
            &words("locations of services"),
            "service at location"
        ));
    }

    #[test]
    fn the_table_a_header_identifies_wins_over_one_that_shares_its_columns() {
        // Defect 8: under a neutral name, service_at_location's header went to `schedule`, which
        // has the same three columns among many more.
        let standard = Standard::load("open-referral-uk").expect("built in");
        let candidates: Vec<(&Standard, usize)> =
            (0..standard.tables.len()).map(|t| (&standard, t)).collect();
        let scores = score_all(
            &header(&["id", "service_id", "location_id"]),
            Some("export-3.csv"),
            &candidates,
        );
        let best = (0..scores.len())
            .max_by(|a, b| scores[*a].total.total_cmp(&scores[*b].total))
            .expect("tables");
        assert_eq!(standard.tables[best].name, "service_at_location");
    }

    #[test]
    fn sureness_reads_the_margin() {
        assert_eq!(sureness(10.0, None), "sure");
        assert_eq!(sureness(10.0, Some(4.0)), "sure");
        assert_eq!(sureness(6.0, Some(4.5)), "fairly sure");
        assert_eq!(sureness(6.0, Some(5.5)), "unsure");
    }
}

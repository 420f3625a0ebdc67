//! One table's line of the inventory: what it is, which standard it fits and how well, how full
//! its fields are, which dates it covers and which identifiers it holds.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::check::FileReport;
use crate::finding::{Code, Severity};
use crate::profile::{ColumnProfile, DateKey, IdKind};
use crate::read::Input;
use crate::run::plan::Ranking;
use crate::standard::{Standard, Table};

/// The standard a table was matched to, and how surely.
#[derive(Debug, Clone, Serialize)]
pub struct StandardMatch {
    pub standard: String,
    pub version: String,
    pub table: String,
    /// The header's score (see `run::detect`): columns matched, weighted by how few tables
    /// share them, plus the share of the table's columns present.
    pub score: f64,
    /// Columns of the table the header supplies, of those it describes.
    pub matched: usize,
    pub described: usize,
    /// `sure`, `fairly sure` or `unsure` by the header (how far ahead of the next best it is);
    /// `by values` when the first rows decided between headers that fit about equally.
    pub sureness: String,
    pub runner_up: Option<RunnerUp>,
    /// The file's name holds the table's name.
    pub named: bool,
    /// The share of the table's required columns the file has (by header or by content); of all
    /// its columns when none is required. How well the file fits, not how sure the choice is.
    pub fit: f64,
    /// The file fits the table well enough to count in the roll-up and the fixes: its name and
    /// two columns, three in four of its required columns, or half of them when the choice is
    /// clear; else it only may be this table.
    pub confirmed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunnerUp {
    pub standard: String,
    pub table: String,
    pub score: f64,
}

/// How the ranking placed the chosen table (built before the check, described after it), and
/// whether the runner-up is another version of the same standard.
pub struct Matched(StandardMatch, bool);

impl Matched {
    pub fn new(ranking: &Ranking, standards: &[Standard], t: usize, table: &Table) -> Matched {
        let s = ranking.candidates[ranking.best].0;
        // The table chosen by the file's name may not be the one the header scored best.
        let at = ranking
            .candidates
            .iter()
            .position(|&c| c == (s, t))
            .unwrap_or(ranking.best);
        let score = ranking.scores[at];
        let sibling = ranking.runner_up.is_some_and(|n| {
            let (other, mine) = (&standards[ranking.candidates[n].0].id, &standards[s].id);
            other.starts_with(mine.as_str()) || mine.starts_with(other.as_str())
        });
        let runner_up = ranking.runner_up.map(|n| {
            let (rs, rt) = ranking.candidates[n];
            RunnerUp {
                standard: standards[rs].id.clone(),
                table: standards[rs].tables[rt].name.clone(),
                score: rounded(ranking.scores[n].total),
            }
        });
        Matched(
            StandardMatch {
                standard: standards[s].id.clone(),
                version: standards[s].version.clone(),
                table: table.name.clone(),
                score: rounded(score.total),
                matched: score.matched,
                described: score.described,
                sureness: if ranking.by_values.is_some() {
                    "by values".to_string()
                } else {
                    ranking.sureness.to_string()
                },
                runner_up,
                named: score.named,
                fit: 0.0,
                confirmed: false,
            },
            sibling,
        )
    }
}

fn rounded(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A standard column found in the file, and how.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnMatch {
    pub column: String,
    /// The file's own name for it.
    pub file_column: String,
    /// `exact`, `normalised` (case, spaces, punctuation) or `alias` (another name the standard
    /// lists for it); `by content` when the header does not name it but the column's values are
    /// the standard column's dates or identifiers (a check still needs the header renamed).
    pub how: &'static str,
}

/// How full one of the standard's fields is.
#[derive(Debug, Clone, Serialize)]
pub struct FieldCompleteness {
    pub column: String,
    pub required: bool,
    /// The file has the column.
    pub present: bool,
    /// Rows with a value in it.
    pub filled: u64,
    /// `filled` as a share of the rows (0 to 1; 0 when the column is missing or there are no rows).
    pub share: f64,
}

/// The dates of a column that holds dates.
#[derive(Debug, Clone, Serialize)]
pub struct DateCoverage {
    pub column: String,
    pub earliest: String,
    pub latest: String,
    /// Cells read as dates.
    pub dates: u64,
    /// Months with at least one date.
    pub months: usize,
    /// The column whose dates say which period the table covers (the one with most dates).
    pub period: bool,
    #[serde(skip)]
    pub month_list: Vec<(u32, u32)>,
}

/// A column of identifiers that let the data be joined with other organisations' data.
#[derive(Debug, Clone, Serialize)]
pub struct IdentifierColumn {
    pub column: String,
    pub kind: &'static str,
    /// The kind as a person reads it (`GSS code`).
    #[serde(skip)]
    pub label: &'static str,
    pub filled: u64,
    /// Values in the identifier's published form.
    pub valid: u64,
    /// `valid` as a share of `filled`.
    pub share: f64,
    /// Values a spreadsheet wrote as `1.00032E+11`: long numbers whose last digits are lost
    /// and cannot be recovered from the file.
    pub scientific: u64,
}

/// Errors of one code in one column of a table: what a fix would clear.
#[derive(Debug, Clone)]
pub(crate) struct ErrorGroup {
    pub code: Code,
    pub column: Option<String>,
    /// Rows the errors are on; every row for an error about the whole file (a missing column).
    pub rows: u64,
    pub findings: u64,
    /// What the first such finding said to do.
    pub help: String,
}

/// One table of the inventory.
#[derive(Debug, Clone, Serialize)]
pub struct TableSurvey {
    pub path: String,
    pub sheet: Option<String>,
    pub format: String,
    pub encoding: Option<String>,
    /// Bytes as stored (compressed, for a compressed file).
    pub bytes: Option<u64>,
    pub rows: u64,
    /// Only the first rows were read (`--sample`).
    pub sampled: bool,
    pub columns: usize,
    /// `None`: no built-in standard matches the header.
    #[serde(rename = "match")]
    pub matched: Option<StandardMatch>,
    pub matched_columns: Vec<ColumnMatch>,
    pub missing_required: Vec<String>,
    pub missing_optional: Vec<String>,
    /// The file's columns the standard does not have.
    pub unknown_columns: Vec<String>,
    /// Rows with no error finding; none when the file has an error about the whole file (a
    /// required column missing).
    pub rows_without_errors: u64,
    /// `rows_without_errors` as a share of the rows; `None` without a standard or without rows.
    pub conforming_share: Option<f64>,
    pub errors: u64,
    pub warnings: u64,
    pub errors_by_code: BTreeMap<String, u64>,
    /// More findings than a survey keeps a table: those after the limit are counted (the counts
    /// are exact), but their rows are not known, so rows without errors is an upper bound.
    pub partial: bool,
    pub completeness: Vec<FieldCompleteness>,
    pub dates: Vec<DateCoverage>,
    pub identifiers: Vec<IdentifierColumn>,
    /// Why the table could not be read as one, when it could not.
    pub problem: Option<String>,
    #[serde(skip)]
    pub(crate) error_groups: Vec<ErrorGroup>,
    /// Errors about the whole file (a required column missing), which no row escapes.
    #[serde(skip)]
    pub(crate) whole_file: Vec<String>,
}

impl TableSurvey {
    /// The column whose dates give the table's period.
    pub fn period(&self) -> Option<&DateCoverage> {
        self.dates.iter().find(|d| d.period)
    }

    /// Where the table is: its path, and its sheet.
    pub fn place(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{} [{sheet}]", self.path),
            None => self.path.clone(),
        }
    }
}

/// Describes a checked table; `matched` is its standard and table, when one matched.
pub fn describe(
    input: &Input,
    report: &FileReport,
    matched: Option<(&Matched, &Standard, &Table)>,
) -> TableSurvey {
    let header: Vec<String> = report.header.iter().map(|h| h.to_string()).collect();
    let empty = ColumnProfile::default();
    let profile = |f: usize| {
        report
            .profile
            .as_ref()
            .and_then(|p| p.columns.get(f))
            .unwrap_or(&empty)
    };
    let mut survey = TableSurvey {
        path: input.display_name(),
        sheet: match input {
            Input::Sheet { sheet, .. } => Some(sheet.clone()),
            _ => None,
        },
        format: report.format.to_string(),
        encoding: report.encoding_label.clone(),
        bytes: input.stored_size(),
        rows: report.rows,
        sampled: report.sampled,
        columns: header.len(),
        matched: None,
        matched_columns: Vec::new(),
        missing_required: Vec::new(),
        missing_optional: Vec::new(),
        unknown_columns: Vec::new(),
        rows_without_errors: report.rows,
        conforming_share: None,
        errors: 0,
        warnings: 0,
        errors_by_code: BTreeMap::new(),
        partial: report.partial(),
        completeness: Vec::new(),
        dates: date_coverage(&header, &profile),
        identifiers: Vec::new(),
        problem: problem(report),
        error_groups: Vec::new(),
        whole_file: Vec::new(),
    };
    let mut id_formats: Vec<Option<IdKind>> = vec![None; header.len()];
    if let Some((matched, _, table)) = matched {
        let record: csv::StringRecord = header.iter().collect();
        let plan = crate::check::plan_header(&record, table);
        let mut used = vec![false; header.len()];
        for (c, column) in table.columns.iter().enumerate() {
            let file_column = plan.standard_to_file[c];
            let filled = file_column.map_or(0, |f| profile(f).filled);
            survey.completeness.push(FieldCompleteness {
                column: column.name.to_string(),
                required: column.required,
                present: file_column.is_some(),
                filled,
                share: share(filled, report.rows),
            });
            match (file_column, plan.matched_by[c]) {
                (Some(f), Some(how)) => {
                    used[f] = true;
                    id_formats[f] = column
                        .schema
                        .get("format")
                        .and_then(|v| v.as_str())
                        .and_then(IdKind::of_format);
                    survey.matched_columns.push(ColumnMatch {
                        column: column.name.to_string(),
                        file_column: header[f].clone(),
                        how: how.name(),
                    });
                }
                _ if column.required => survey.missing_required.push(column.name.to_string()),
                _ => survey.missing_optional.push(column.name.to_string()),
            }
        }
        let mut renames = Vec::new();
        for (c, f) in by_content(table, &plan.standard_to_file, &used, &profile) {
            used[f] = true;
            let name = table.columns[c].name.to_string();
            survey.missing_required.retain(|m| *m != name);
            survey.missing_optional.retain(|m| *m != name);
            renames.push((name.clone(), header[f].clone()));
            survey.matched_columns.push(ColumnMatch {
                column: name,
                file_column: header[f].clone(),
                how: "by content",
            });
        }
        let required = table.columns.iter().filter(|c| c.required).count();
        let mut m = matched.0.clone();
        m.fit = if required == 0 {
            share(
                survey.matched_columns.len() as u64,
                table.columns.len() as u64,
            )
        } else {
            share(
                (required - survey.missing_required.len()) as u64,
                required as u64,
            )
        };
        // Headers that fit two standards about equally ("unsure") must have three in four of
        // the required columns, unless the two are versions of one standard: registers that
        // share the planning entity columns (reference, name, dates) fit half of several.
        let versions = matched.1;
        m.confirmed = (m.named && survey.matched_columns.len() >= 2)
            || m.fit >= 0.75
            || (m.fit >= 0.5 && (m.sureness != "unsure" || versions));
        survey.matched = Some(m);
        survey.unknown_columns = header
            .iter()
            .zip(&used)
            .filter(|(name, used)| !**used && !name.trim().is_empty())
            .map(|(name, _)| name.trim().to_string())
            .collect();
        count_findings(&mut survey, report, &renames);
        choose_period(&mut survey.dates, table, &plan.standard_to_file, &header);
    }
    survey.identifiers = identifiers(&header, &id_formats, &profile);
    survey
}

/// The date column that gives a matched table's period: the first of the standard's required
/// columns (in the standard's order) that holds dates, so that files of one standard are
/// compared on the same column; failing that, the column with most dates.
fn choose_period(
    dates: &mut [DateCoverage],
    table: &Table,
    standard_to_file: &[Option<usize>],
    header: &[String],
) {
    let chosen = table
        .columns
        .iter()
        .zip(standard_to_file)
        .filter(|(column, _)| column.required)
        .filter_map(|(_, f)| header.get((*f)?))
        .find_map(|name| dates.iter().position(|d| d.column == *name));
    if let Some(chosen) = chosen {
        for (n, date) in dates.iter_mut().enumerate() {
            date.period = n == chosen;
        }
    }
}

/// What a standard column holds, when its values show it: dates, or an identifier.
#[derive(Clone, Copy, PartialEq)]
enum Content {
    Dates,
    Id(IdKind),
}

fn content_of(column: &crate::standard::Column) -> Option<Content> {
    // A code list of GSS codes (organisations) is a column of GSS codes.
    let gss_list = column.codelist.as_ref().is_some_and(|list| {
        let sample = list.sample(5);
        !sample.is_empty() && sample.iter().all(|c| crate::formats::ids::is_gss_code(c))
    });
    if gss_list {
        return Some(Content::Id(IdKind::GssCode));
    }
    let format = column.schema.get("format").and_then(|v| v.as_str())?;
    match format {
        "date" | "uk-date" | "date-time" => Some(Content::Dates),
        other => IdKind::of_format(other).map(Content::Id),
    }
}

/// Standard columns the header lacks, found by what an unmatched column holds: a column of
/// dates when the table lacks exactly one date column and the file has exactly one unmatched
/// column of dates; likewise a column of one identifier. Four in five filled values must fit.
pub(crate) fn by_content<'p>(
    table: &Table,
    standard_to_file: &[Option<usize>],
    used: &[bool],
    profile: &impl Fn(usize) -> &'p ColumnProfile,
) -> Vec<(usize, usize)> {
    let holds = |f: usize, content: Content| {
        let p = profile(f);
        let fitting = match content {
            Content::Dates => p.dated,
            Content::Id(kind) => p.count(kind),
        };
        fitting > 0 && fitting * 5 >= p.filled * 4
    };
    let missing: Vec<(usize, Content)> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(c, _)| standard_to_file[*c].is_none())
        .filter_map(|(c, column)| Some((c, content_of(column)?)))
        .collect();
    let mut found = Vec::new();
    for &(c, content) in &missing {
        if missing
            .iter()
            .filter(|(_, other)| *other == content)
            .count()
            > 1
        {
            continue;
        }
        let candidates: Vec<usize> = (0..used.len())
            .filter(|&f| !used[f] && holds(f, content))
            .collect();
        if let [f] = candidates.as_slice() {
            found.push((c, *f));
        }
    }
    found
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        rounded_share(part as f64 / whole as f64)
    }
}

/// A share to four places: enough for a percentage with two decimals, and stable in reports.
fn rounded_share(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Errors and warnings by code, rows without errors, and the groups of errors a fix would clear.
/// `renames` are the standard columns found by their values, with the file's name for them: the
/// fix for their `missing-column` is a new header, not a new column.
fn count_findings(survey: &mut TableSurvey, report: &FileReport, renames: &[(String, String)]) {
    let mut rows_with_errors = std::collections::HashSet::new();
    let mut groups: BTreeMap<(Code, Option<String>), ErrorGroup> = BTreeMap::new();
    for finding in &report.findings {
        match finding.severity {
            Severity::Warning => survey.warnings += 1,
            Severity::Error => {
                survey.errors += 1;
                *survey
                    .errors_by_code
                    .entry(finding.code.as_str().to_string())
                    .or_default() += 1;
                if let Some(row) = finding.row {
                    rows_with_errors.insert(row);
                }
                let column = finding.column.as_ref().map(|c| c.name.to_string());
                if finding.row.is_none() {
                    survey.whole_file.push(finding.message.clone());
                }
                let rename = renames
                    .iter()
                    .find(|(name, _)| {
                        finding.code == Code::MissingColumn && column.as_ref() == Some(name)
                    })
                    .map(|(name, file)| {
                        format!(
                            "rename the column `{}` to `{name}`: its values are {name}'s",
                            file.split_whitespace().collect::<Vec<_>>().join(" ")
                        )
                    });
                let group = groups
                    .entry((finding.code, column.clone()))
                    .or_insert_with(|| ErrorGroup {
                        code: finding.code,
                        column,
                        rows: 0,
                        findings: 0,
                        help: rename.unwrap_or_else(|| {
                            finding
                                .help
                                .clone()
                                .unwrap_or_else(|| finding.message.clone())
                        }),
                    });
                group.findings += 1;
                // An error about the whole file is an error of every row.
                group.rows += if finding.row.is_some() {
                    1
                } else {
                    report.rows
                };
            }
            Severity::Info => {}
        }
    }
    for (count, first) in report.beyond.groups() {
        let code = first.code;
        // Keyed as the findings listed are.
        let column = first.column.as_ref().map(|c| c.name.to_string());
        match first.severity {
            Severity::Warning => survey.warnings += count,
            Severity::Error => {
                survey.errors += count;
                *survey
                    .errors_by_code
                    .entry(code.as_str().to_string())
                    .or_default() += count;
                let group = groups
                    .entry((code, column.clone()))
                    .or_insert_with(|| ErrorGroup {
                        code,
                        column,
                        rows: 0,
                        findings: 0,
                        help: first.help.clone().unwrap_or_else(|| first.message.clone()),
                    });
                group.findings += count;
                group.rows += if first.row.is_some() {
                    count
                } else {
                    report.rows
                };
            }
            Severity::Info => {}
        }
    }
    // An error about the whole file (a required column missing) leaves no row conforming.
    let whole_file = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error && f.row.is_none());
    survey.rows_without_errors = if whole_file {
        0
    } else {
        report.rows.saturating_sub(rows_with_errors.len() as u64)
    };
    survey.conforming_share =
        (report.rows > 0).then(|| share(survey.rows_without_errors, report.rows));
    survey.error_groups = groups.into_values().collect();
}

/// A file that could not be read as a table says why in an error about the whole file.
fn problem(report: &FileReport) -> Option<String> {
    if report.rows > 0 || !report.header.is_empty() {
        return None;
    }
    report
        .findings
        .iter()
        .find(|f| f.severity == Severity::Error && f.row.is_none())
        .map(|f| f.message.clone())
}

/// Columns most of whose values are dates; the one with most dates gives the period.
fn date_coverage<'p>(
    header: &[String],
    profile: &impl Fn(usize) -> &'p ColumnProfile,
) -> Vec<DateCoverage> {
    let mut dates: Vec<DateCoverage> = header
        .iter()
        .enumerate()
        .filter_map(|(f, name)| {
            let p = profile(f);
            // Four in five filled cells read as dates: a column of dates with a few typos.
            if p.dated == 0 || p.dated * 5 < p.filled * 4 {
                return None;
            }
            let month_list = p.months();
            Some(DateCoverage {
                column: name.clone(),
                earliest: written(p.earliest?),
                latest: written(p.latest?),
                dates: p.dated,
                months: month_list.len(),
                period: false,
                month_list,
            })
        })
        .collect();
    let most = dates.iter().map(|d| d.dates).max().unwrap_or(0);
    if let Some(period) = dates.iter_mut().find(|d| d.dates == most) {
        period.period = true;
    }
    dates
}

fn written(key: DateKey) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        key / 10_000,
        key / 100 % 100,
        key % 100
    )
}

/// The identifier columns: those whose standard column has an identifier's format, those whose
/// values mostly are postcodes, GSS codes or org-ids, and those whose name says so (a bare number
/// is an identifier only when the column says which).
fn identifiers<'p>(
    header: &[String],
    formats: &[Option<IdKind>],
    profile: &impl Fn(usize) -> &'p ColumnProfile,
) -> Vec<IdentifierColumn> {
    let mut found = Vec::new();
    for (f, name) in header.iter().enumerate() {
        let p = profile(f);
        if p.filled == 0 {
            // An identifier column left empty is worth saying: the join it promises is not there.
            if let Some(kind) =
                formats[f].or_else(|| IdKind::ALL.into_iter().find(|k| k.named_in(name)))
            {
                found.push(IdentifierColumn {
                    column: name.clone(),
                    kind: kind.name(),
                    label: kind.label(),
                    filled: 0,
                    valid: 0,
                    share: 0.0,
                    scientific: 0,
                });
            }
            continue;
        }
        let by_content = IdKind::ALL
            .into_iter()
            .filter(|k| k.shows_by_content())
            .find(|k| p.count(*k) * 2 >= p.filled);
        let kind = formats[f]
            .or(by_content)
            .or_else(|| IdKind::ALL.into_iter().find(|k| k.named_in(name)));
        if let Some(kind) = kind {
            let valid = p.count(kind);
            found.push(IdentifierColumn {
                column: name.clone(),
                kind: kind.name(),
                label: kind.label(),
                filled: p.filled,
                valid,
                share: share(valid, p.filled),
                scientific: p.scientific,
            });
        }
    }
    found
}

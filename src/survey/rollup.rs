//! The inventory rolled up: one line for each standard's table (how many files, which period and
//! its gaps, how much conforms, which required field nobody fills), and the fixes that would clear
//! the most errors across every file.

use std::collections::BTreeMap;

use serde::Serialize;

use super::table::TableSurvey;
use crate::finding::thousands;

/// The tables matched to one standard's table, together.
#[derive(Debug, Serialize)]
pub struct StandardRollup {
    pub standard: String,
    pub table: String,
    pub tables: usize,
    /// Tables without a single error.
    pub conforming_tables: usize,
    pub rows: u64,
    pub rows_without_errors: u64,
    pub conforming_share: Option<f64>,
    pub errors_by_code: BTreeMap<String, u64>,
    /// The months the tables' dates cover, from their period columns.
    pub period: Option<Period>,
    /// Files released period by period (a month's spending a file) in one folder: the months
    /// the series covers and the months it lacks.
    pub series: Vec<Series>,
    /// Required columns no table fills in a single row.
    pub never_filled: Vec<String>,
    /// The roll-up in a sentence.
    pub summary: String,
}

/// The months a series of tables covers, and the months missing between its first and last.
#[derive(Debug, Serialize, PartialEq)]
pub struct Period {
    /// `YYYY-MM`.
    pub first: String,
    pub last: String,
    pub months: usize,
    pub missing: Vec<String>,
    /// `2019-04 to 2025-03, 2021-07 missing`.
    pub described: String,
}

/// Tables of one standard in one folder, each covering a month, a quarter or a year: a series
/// whose missing releases are worth naming.
#[derive(Debug, Serialize, PartialEq)]
pub struct Series {
    pub folder: String,
    /// `monthly`, `quarterly` or `yearly`, by the longest span one table covers.
    pub cadence: &'static str,
    pub tables: usize,
    pub period: Period,
    /// `monthly series in spend/: 2019-04 to 2025-03, 2021-07 missing`.
    pub described: String,
}

/// A change that would clear errors of one code in one column, in every table it occurs in.
#[derive(Debug, Serialize)]
pub struct Fix {
    pub standard: String,
    pub table: String,
    pub code: String,
    pub column: Option<String>,
    /// Rows the errors are on (every row, for a column that is missing).
    pub rows: u64,
    pub errors: u64,
    pub tables: usize,
    /// What the first such error said to do.
    pub help: String,
    pub summary: String,
}

/// Fixes listed at most.
const MAX_FIXES: usize = 10;

/// One roll-up for each standard's table the tables were matched to, in the order of ids. Only
/// tables that fit their table well (`confirmed`) count: a register that shares a few generic
/// columns with a standard is not that standard's data.
pub fn by_standard(tables: &[TableSurvey]) -> Vec<StandardRollup> {
    let mut groups: BTreeMap<(&str, &str), Vec<&TableSurvey>> = BTreeMap::new();
    for table in tables {
        if let Some(m) = table.matched.as_ref().filter(|m| m.confirmed) {
            groups
                .entry((m.standard.as_str(), m.table.as_str()))
                .or_default()
                .push(table);
        }
    }
    groups
        .into_iter()
        .map(|((standard, table), members)| rollup(standard, table, &members))
        .collect()
}

fn rollup(standard: &str, table: &str, members: &[&TableSurvey]) -> StandardRollup {
    let rows: u64 = members.iter().map(|t| t.rows).sum();
    let rows_without_errors: u64 = members.iter().map(|t| t.rows_without_errors).sum();
    let mut errors_by_code = BTreeMap::new();
    for member in members {
        for (code, n) in &member.errors_by_code {
            *errors_by_code.entry(code.clone()).or_insert(0) += n;
        }
    }
    // A required column filled nowhere: missing from every table, or present and always empty.
    let never_filled: Vec<String> = members
        .first()
        .map(|first| {
            first
                .completeness
                .iter()
                .filter(|c| c.required)
                .map(|c| c.column.clone())
                .filter(|column| {
                    members.iter().all(|t| {
                        t.completeness
                            .iter()
                            .all(|c| c.column != *column || c.filled == 0)
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let months: Vec<(u32, u32)> = {
        let mut all: Vec<(u32, u32)> = members
            .iter()
            .filter_map(|t| t.period())
            .flat_map(|d| d.month_list.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    // The span alone: months between dates of unrelated files are not gaps.
    let period = period_of(&months).map(|mut p| {
        p.missing.clear();
        p.described = if p.first == p.last {
            p.first.clone()
        } else {
            format!("{} to {}", p.first, p.last)
        };
        p
    });
    let series = series_of(members);
    let conforming_share = (rows > 0).then(|| {
        let share = rows_without_errors as f64 / rows as f64;
        (share * 10_000.0).round() / 10_000.0
    });
    let mut summary = format!(
        "{standard} ({table}): {} {}",
        members.len(),
        if members.len() == 1 {
            "table"
        } else {
            "tables"
        }
    );
    if let Some(period) = &period {
        summary.push_str(&format!(", dates {}", period.described));
    }
    for series in &series {
        summary.push_str(&format!("; {}", series.described));
    }
    if let Some(share) = conforming_share {
        summary.push_str(&format!(
            "; {} of {} {}",
            percent(share),
            thousands(rows),
            if rows == 1 {
                "row conforms"
            } else {
                "rows conform"
            }
        ));
    }
    if !never_filled.is_empty() {
        summary.push_str(&format!(
            "; required {} never filled: {}",
            if never_filled.len() == 1 {
                "field"
            } else {
                "fields"
            },
            never_filled.join(", ")
        ));
    }
    StandardRollup {
        standard: standard.to_string(),
        table: table.to_string(),
        tables: members.len(),
        conforming_tables: members.iter().filter(|t| t.errors == 0).count(),
        rows,
        rows_without_errors,
        conforming_share,
        errors_by_code,
        period,
        series,
        never_filled,
        summary,
    }
}

/// The folder a table's file is in (an archive's folder for its members).
fn folder_of(table: &TableSurvey) -> String {
    let file = table.path.split('!').next().unwrap_or(&table.path);
    std::path::Path::new(file)
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// The series among a standard's tables: two or more in one folder whose periods typically span a
/// year at most, and which together cover more months than they miss (files of unrelated years
/// are not a series with gaps).
fn series_of(members: &[&TableSurvey]) -> Vec<Series> {
    let mut by_folder: BTreeMap<String, Vec<&TableSurvey>> = BTreeMap::new();
    for member in members {
        by_folder.entry(folder_of(member)).or_default().push(member);
    }
    let span = |months: &[(u32, u32)]| match (months.first(), months.last()) {
        (Some(&(y1, m1)), Some(&(y2, m2))) => (y2 * 12 + m2) - (y1 * 12 + m1) + 1,
        _ => 0,
    };
    by_folder
        .into_iter()
        .filter_map(|(folder, tables)| {
            let periods: Vec<&[(u32, u32)]> = tables
                .iter()
                .filter_map(|t| t.period())
                .map(|p| p.month_list.as_slice())
                .collect();
            let mut spans: Vec<u32> = periods.iter().map(|p| span(p)).collect();
            spans.sort_unstable();
            // The middle span: a monthly file often holds a few dates of the month before.
            let typical = *spans.get(spans.len() / 2)?;
            if periods.len() < 2 || typical > 12 {
                return None;
            }
            let mut months: Vec<(u32, u32)> = periods.concat();
            months.sort_unstable();
            months.dedup();
            let period = period_of(&months)?;
            // Copies of one month's file are not a series; nor are files mostly gaps.
            if period.months < 2 || period.missing.len() > period.months {
                return None;
            }
            let cadence = match typical {
                1 => "monthly",
                2..=3 => "quarterly",
                _ => "yearly",
            };
            let shown = if folder.is_empty() { "." } else { &folder };
            Some(Series {
                described: format!("{cadence} series in {shown}: {}", period.described),
                folder,
                cadence,
                tables: periods.len(),
                period,
            })
        })
        .collect()
}

/// A share as a person reads it: `94%`, `99.5%`, and never `100%` for a share below one.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p >= 99.95 && share < 1.0 {
        return ">99.9%".to_string();
    }
    if p > 0.0 && p < 0.05 {
        return "<0.1%".to_string();
    }
    if (p - p.round()).abs() < 0.05 {
        format!("{}%", p.round())
    } else {
        format!("{p:.1}%")
    }
}

/// The span of months and the months missing inside it; `None` without months.
pub fn period_of(months: &[(u32, u32)]) -> Option<Period> {
    let (&first, &last) = (months.first()?, months.last()?);
    let index = |(y, m): (u32, u32)| y * 12 + m - 1;
    let name = |i: u32| format!("{:04}-{:02}", i / 12, i % 12 + 1);
    let have: std::collections::HashSet<u32> = months.iter().map(|&m| index(m)).collect();
    let missing: Vec<u32> = (index(first)..=index(last))
        .filter(|i| !have.contains(i))
        .collect();
    // Runs of missing months, each said once: `2021-07`, `2021-07 to 2021-09`.
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &i in &missing {
        match runs.last_mut() {
            Some(run) if run.1 + 1 == i => run.1 = i,
            _ => runs.push((i, i)),
        }
    }
    let mut described = if first == last {
        name(index(first))
    } else {
        format!("{} to {}", name(index(first)), name(index(last)))
    };
    if !runs.is_empty() {
        const SHOWN: usize = 5;
        let mut said: Vec<String> = runs
            .iter()
            .take(SHOWN)
            .map(|&(a, b)| {
                if a == b {
                    name(a)
                } else {
                    format!("{} to {}", name(a), name(b))
                }
            })
            .collect();
        if runs.len() > SHOWN {
            said.push(format!("{} more gaps", runs.len() - SHOWN));
        }
        described.push_str(&format!(", {} missing", said.join(", ")));
    }
    Some(Period {
        first: name(index(first)),
        last: name(index(last)),
        months: have.len(),
        missing: missing.into_iter().map(name).collect(),
        described,
    })
}

/// The fixes that would make the most rows conform, across every table that fits its standard.
pub fn fixes(tables: &[TableSurvey]) -> Vec<Fix> {
    type Key = (String, String, String, Option<String>);
    let mut all: BTreeMap<Key, Fix> = BTreeMap::new();
    for table in tables {
        let Some(m) = table.matched.as_ref().filter(|m| m.confirmed) else {
            continue;
        };
        for group in &table.error_groups {
            let key = (
                m.standard.clone(),
                m.table.clone(),
                group.code.as_str().to_string(),
                group.column.clone(),
            );
            let fix = all.entry(key).or_insert_with(|| Fix {
                standard: m.standard.clone(),
                table: m.table.clone(),
                code: group.code.as_str().to_string(),
                column: group.column.clone(),
                rows: 0,
                errors: 0,
                tables: 0,
                help: group.help.clone(),
                summary: String::new(),
            });
            fix.rows += group.rows;
            fix.errors += group.findings;
            fix.tables += 1;
        }
    }
    let mut fixes: Vec<Fix> = all.into_values().collect();
    // Most rows first; the map's order settles ties, so the list is the same on every run.
    fixes.sort_by(|a, b| b.rows.cmp(&a.rows).then(b.tables.cmp(&a.tables)));
    fixes.truncate(MAX_FIXES);
    for fix in &mut fixes {
        let place = match &fix.column {
            Some(column) => format!("`{column}` in {} ({})", fix.standard, fix.table),
            None => format!("{} ({})", fix.standard, fix.table),
        };
        if fix.code == "missing-column" {
            fix.summary = format!(
                "{place}: missing from {} {} ({} {})",
                fix.tables,
                if fix.tables == 1 { "table" } else { "tables" },
                thousands(fix.rows),
                if fix.rows == 1 { "row" } else { "rows" },
            );
            continue;
        }
        fix.summary = format!(
            "{place}: {} `{}` {} on {} {} in {} {}",
            thousands(fix.errors),
            fix.code,
            if fix.errors == 1 { "error" } else { "errors" },
            thousands(fix.rows),
            if fix.rows == 1 { "row" } else { "rows" },
            fix.tables,
            if fix.tables == 1 { "table" } else { "tables" },
        );
    }
    fixes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_names_its_missing_months_as_runs() {
        let months = [(2019, 4), (2019, 5), (2019, 7), (2019, 11), (2020, 1)];
        let period = period_of(&months).expect("months");
        assert_eq!(
            period.described,
            "2019-04 to 2020-01, 2019-06, 2019-08 to 2019-10, 2019-12 missing"
        );
        assert_eq!(period.months, 5);
        assert_eq!(period.missing.len(), 5);
        assert_eq!(period_of(&[(2021, 3)]).expect("one").described, "2021-03");
        assert!(period_of(&[]).is_none());
    }

    #[test]
    fn percentages_never_round_to_all_or_nothing() {
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.99999), ">99.9%");
        assert_eq!(percent(0.94), "94%");
        assert_eq!(percent(0.9412), "94.1%");
        assert_eq!(percent(0.0001), "<0.1%");
        assert_eq!(percent(0.0), "0%");
    }
}

//! The proposed mapping: the file checked against the table with a profile of its values, each
//! of the standard's columns matched to a file column (by name, alias or content), and the
//! transforms its findings call for; written as a commented TOML file for an officer to edit.

use std::collections::BTreeMap;

use super::transform::Transform;
use super::{target, Request};
use crate::check::{self, Options};
use crate::compile;
use crate::finding::{thousands, Code};
use crate::profile::{ColumnProfile, IdKind};
use crate::run::RunError;
use crate::standard::Column;

/// `1 value has spaces`, `3 values have spaces`.
fn values_have(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 value has {what}")
    } else {
        format!("{} values have {what}", thousands(n))
    }
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn format_of(column: &Column) -> Option<&str> {
    column.schema.get("format").and_then(|v| v.as_str())
}

fn is_numeric(column: &Column) -> bool {
    matches!(
        column.schema.get("type").and_then(|v| v.as_str()),
        Some("number" | "integer")
    )
}

/// The transforms one column needs, each with why: from the codes of its findings and the
/// forms of its values.
fn transforms_for(
    column: &Column,
    codes: &BTreeMap<Code, u64>,
    values: &[String],
    profile: &ColumnProfile,
) -> Vec<(Transform, String)> {
    let mut wanted = Vec::new();
    let count = |code: Code| codes.get(&code).copied().unwrap_or(0);
    if count(Code::Whitespace) > 0 {
        wanted.push((
            Transform::Trim,
            format!(
                "{} around them",
                values_have(count(Code::Whitespace), "spaces")
            ),
        ));
    }
    let misfits = count(Code::Format) + count(Code::Type) + count(Code::Pattern);
    let dated_wrong = values
        .iter()
        .filter(|v| crate::formats::date::read_calendar_date(v.trim()).is_some())
        .count();
    match format_of(column) {
        Some("uk-date") if misfits > 0 && dated_wrong > 0 => wanted.push((
            Transform::DateToUk,
            format!(
                "{} values are dates in another form (e.g. `{}`); the standard writes dd/mm/yyyy",
                thousands(misfits),
                values.first().map(String::as_str).unwrap_or_default()
            ),
        )),
        Some("date" | "partial-date" | "date-or-date-time") if misfits > 0 && dated_wrong > 0 => wanted.push((
            Transform::DateToIso,
            format!(
                "{} values are dates in another form (e.g. `{}`); the standard writes YYYY-MM-DD",
                thousands(misfits),
                values.first().map(String::as_str).unwrap_or_default()
            ),
        )),
        Some("uprn" | "usrn") if misfits > 0 || profile.scientific > 0 => wanted.push((
            Transform::PropertyNumber,
            format!(
                "{} values are not written as plain digits; any a spreadsheet rounded (1.00023E+11) are flagged, not guessed",
                thousands(misfits.max(profile.scientific))
            ),
        )),
        _ => {}
    }
    let money = values
        .iter()
        .filter(|v| v.contains(['£', ',', '(']))
        .count();
    if is_numeric(column) && count(Code::Type) > 0 && money > 0 {
        wanted.push((
            Transform::PlainNumber,
            format!(
                "{} values are written with £, commas or brackets (e.g. `{}`)",
                thousands(count(Code::Type)),
                values
                    .iter()
                    .find(|v| v.contains(['£', ',', '(']))
                    .map(String::as_str)
                    .unwrap_or_default()
            ),
        ));
    }
    let listed = count(Code::Codelist) + count(Code::Enum);
    if listed > 0 {
        let allowed = super::allowed_values(column);
        let fixable = values
            .iter()
            .filter(|v| Transform::CodeCase.apply(v, &allowed).is_ok())
            .count();
        if fixable > 0 {
            wanted.push((
                Transform::CodeCase,
                format!(
                    "{} values are not in the list as written; some are in another case or spacing (e.g. `{}`)",
                    thousands(listed),
                    values
                        .iter()
                        .find(|v| Transform::CodeCase.apply(v, &allowed).is_ok())
                        .map(String::as_str)
                        .unwrap_or_default()
                ),
            ));
        }
    }
    wanted
}

/// A column of the GSS code list the file lacks, taken from a column of local authorities'
/// names (`Name of Body`): every distinct name must be one conform can write as a code.
fn names_for_codes<'p>(
    column: &Column,
    header: &[String],
    profile: &impl Fn(usize) -> &'p ColumnProfile,
) -> Option<(usize, &'static str)> {
    let gss_list = column.codelist.as_ref().is_some_and(|list| {
        list.sample(5)
            .into_iter()
            .all(crate::formats::ids::is_gss_code)
    });
    if !gss_list {
        return None;
    }
    (0..header.len())
        .find(|&f| {
            profile(f)
                .shapes
                .as_ref()
                .and_then(|s| s.distinct.as_ref())
                .is_some_and(|names| {
                    !names.is_empty()
                        && names.keys().all(|n| {
                            !crate::formats::ids::is_gss_code(n)
                                && super::transform::gss_of(n).is_some()
                        })
                })
        })
        .map(|f| (f, "by names"))
}

/// The codes of the cell findings on each file column, and the first values that failed.
type FailedCells = (
    BTreeMap<usize, BTreeMap<Code, u64>>,
    BTreeMap<usize, Vec<String>>,
);

fn failed_cells(report: &check::FileReport) -> FailedCells {
    let mut codes: BTreeMap<usize, BTreeMap<Code, u64>> = BTreeMap::new();
    let mut values: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for finding in &report.findings {
        // Cell findings only: a header note's value is the header's name.
        let Some(f) = finding
            .column
            .as_ref()
            .and_then(|c| c.index)
            .filter(|_| finding.row.is_some())
        else {
            continue;
        };
        *codes.entry(f).or_default().entry(finding.code).or_insert(0) += 1;
        if let Some(value) = &finding.value {
            let kept = values.entry(f).or_default();
            if kept.len() < 200 {
                kept.push(value.to_string());
            }
        }
    }
    (codes, values)
}

/// The mapping line of one standard column found in the file column `f` (`from`), with the
/// transforms its values call for, each said why.
fn column_line(
    column: &Column,
    from: &str,
    how: &str,
    codes: &BTreeMap<usize, BTreeMap<Code, u64>>,
    values: &BTreeMap<usize, Vec<String>>,
    f: usize,
    p: &ColumnProfile,
) -> String {
    let how = match how {
        "by content" => "found by its values, not its name".to_string(),
        "by names" => {
            "its values are local authorities' names: each is written as its GSS code".to_string()
        }
        "exact" => "same name".to_string(),
        "alias" => "another name the standard accepts".to_string(),
        other => format!("{other} name"),
    };
    let none = Vec::new();
    let mut wanted = if how.starts_with("its values are local authorities") {
        vec![(
            Transform::OrganisationToGss,
            "names not in mySociety's list of UK local authorities are reported, not guessed"
                .to_string(),
        )]
    } else {
        Vec::new()
    };
    wanted.extend(transforms_for(
        column,
        codes.get(&f).unwrap_or(&BTreeMap::new()),
        values.get(&f).unwrap_or(&none),
        p,
    ));
    // A column found by its values was not checked as this column: its codes that are not
    // in their published form are counted here.
    if how.starts_with("found by its values")
        && column.codelist.is_some()
        && p.count(IdKind::GssCode) < p.filled
    {
        wanted.push((Transform::CodeCase, {
            let n = p.filled - p.count(IdKind::GssCode);
            format!(
                "{} of its codes {} not written as the code list writes them",
                thousands(n),
                if n == 1 { "is" } else { "are" }
            )
        }));
    }
    let mut comment = how;
    if IdKind::of_format(format_of(column).unwrap_or_default()).is_some() && p.scientific > 0 {
        comment.push_str(&format!(
            "; {} values were rounded by a spreadsheet and cannot be recovered",
            thousands(p.scientific)
        ));
    }
    if wanted.is_empty() {
        format!("{} = {}  # {comment}\n", quoted(&column.name), quoted(from))
    } else {
        let names: Vec<String> = wanted.iter().map(|(t, _)| quoted(t.name())).collect();
        let whys: Vec<&str> = wanted.iter().map(|(_, why)| why.as_str()).collect();
        format!(
            "{} = {{ from = {}, transforms = [{}] }}  # {comment}; {}\n",
            quoted(&column.name),
            quoted(from),
            names.join(", "),
            whys.join("; ")
        )
    }
}

/// The proposed mapping file's text.
pub fn propose(request: &Request) -> Result<String, RunError> {
    let target = target(request)?;
    let table = &target.standard.tables[target.table];
    let compiled = compile::compile(table)?;
    let options = Options {
        profile: true,
        profile_shapes: true,
        max_findings: Some(200_000),
        ..request.options()
    };
    let report = check::check_file(
        &target.input,
        &target.standard.id,
        table,
        &compiled,
        &options,
    )
    .map_err(|e| RunError::message(format!("cannot read {}: {e}", target.input.display_name())))?;
    let header: Vec<String> = report.header.iter().map(|h| h.to_string()).collect();
    let record: csv::StringRecord = header.iter().collect();
    let plan = check::plan_header(&record, table);
    let empty = ColumnProfile::default();
    let profile = |f: usize| {
        report
            .profile
            .as_ref()
            .and_then(|p| p.columns.get(f))
            .unwrap_or(&empty)
    };
    let mut used: Vec<bool> = vec![false; header.len()];
    for f in plan.standard_to_file.iter().flatten() {
        used[*f] = true;
    }
    let by_content =
        crate::survey::table::by_content(table, &plan.standard_to_file, &used, &profile);
    let (codes, values) = failed_cells(&report);
    let mut text = format!(
        "# How {} becomes {} (table {}): proposed by `conform map`.\n\
         # Each line takes one of the standard's columns from a column of the file, with the\n\
         # transforms its values need. Edit it, then write the file in the standard's shape:\n\
         #   conform map {} --standard {} --mapping THIS_FILE --output OUT.csv\n\
         # Only what is written here is done: nothing is guessed.\n\
         # Transforms: trim, date-to-uk, date-to-iso, plain-number, code-case, property-number,\n\
         # organisation-to-gss.\n\n\
         standard = {}\ntable = {}\n\n[columns]\n",
        target.input.display_name(),
        target.standard.id,
        table.name,
        target.input.display_name(),
        target.standard.id,
        quoted(&target.standard.id),
        quoted(&table.name),
    );
    for (c, column) in table.columns.iter().enumerate() {
        let found = plan.standard_to_file[c]
            .map(|f| (f, plan.matched_by[c].map_or("by name", |h| h.name())))
            .or_else(|| {
                by_content
                    .iter()
                    .find(|(bc, _)| *bc == c)
                    .map(|(_, f)| (*f, "by content"))
            });
        let found = found.or_else(|| names_for_codes(column, &header, &profile));
        let Some((f, how)) = found else {
            let need = if column.required {
                "required, and no column of the file holds it: add it to the export"
            } else {
                "optional; no column of the file holds it"
            };
            text.push_str(&format!("# {} = \"\"  # {need}\n", quoted(&column.name)));
            continue;
        };
        text.push_str(&column_line(
            column,
            &header[f],
            how,
            &codes,
            &values,
            f,
            profile(f),
        ));
    }
    let mut mapped: Vec<bool> = vec![false; header.len()];
    for f in plan.standard_to_file.iter().flatten() {
        mapped[*f] = true;
    }
    for (_, f) in &by_content {
        mapped[*f] = true;
    }
    let left: Vec<String> = header
        .iter()
        .zip(&mapped)
        .filter(|(h, m)| !**m && !h.trim().is_empty())
        .map(|(h, _)| quoted(h))
        .collect();
    if !left.is_empty() {
        text.push_str(&format!(
            "\n# Columns of the file the standard does not have (not written): {}\n",
            left.join(", ")
        ));
    }
    Ok(text)
}

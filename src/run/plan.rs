//! Planning a run: which standard and table each file is checked against. `--standard` applies to
//! every file; else a file in one of the configuration's datasets takes that dataset's standard;
//! else the built-in standard whose columns the header fits best.

use crate::t;
use std::path::Path;

use super::{detect, Request, RunError};
use crate::check::{self, Options};
use crate::config::Config;
use crate::finding::{Code, Severity};
use crate::read::{self, Input};
use crate::standard::{builtin_standards, Standard};

/// Files checked against one standard (and table, and severity overrides).
pub struct Group {
    pub standard: Standard,
    pub table: Option<String>,
    pub severity: Vec<(Code, Option<Severity>)>,
    pub inputs: Vec<Input>,
    /// Set when conform chose the standard from the header.
    pub matched_note: Option<crate::i18n::Text>,
    /// The table of each input, where the plan already knows it (a Data Package's resources).
    pub input_tables: Vec<String>,
}

/// Decides which standard checks which file.
pub fn groups(
    request: &Request,
    config: Option<&Config>,
    options: &Options,
    watcher: &dyn super::Watcher,
) -> Result<Vec<Group>, RunError> {
    // Every dataset's standard must load, used or not: a broken configuration fails early.
    if let (Some(config), None) = (config, &request.standard) {
        for dataset in 0..config.datasets.len() {
            load_dataset_standard(config, dataset, request)?;
        }
    }
    if request.paths.is_empty() && request.inputs.is_empty() {
        return config_groups(request, config);
    }
    if let Some(group) = data_package_group(request)? {
        return Ok(vec![group]);
    }
    let mut inputs = if request.paths.is_empty() {
        Vec::new()
    } else {
        super::inputs::collect(&request.paths, watcher)?
    };
    inputs.extend(request.inputs.iter().cloned());
    if let Some(spec) = &request.standard {
        let severity = config
            .and_then(|c| {
                let dataset = inputs.first()?.path().and_then(|p| c.dataset_for(p))?;
                Some(c.datasets[dataset].severity.clone())
            })
            .unwrap_or_default();
        return Ok(vec![Group {
            standard: Standard::load(spec)?,
            table: request.table.clone(),
            severity,
            inputs,
            matched_note: None,
            input_tables: Vec::new(),
        }]);
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut unmatched = Vec::new();
    for input in inputs {
        let dataset = config.and_then(|c| input.path().and_then(|p| c.dataset_for(p)));
        match (config, dataset) {
            (Some(config), Some(dataset)) => {
                add_to_dataset_group(&mut groups, config, dataset, input, request)?;
            }
            _ => unmatched.push(input),
        }
    }
    if !unmatched.is_empty() {
        let (standard, matched_note) = choose_standard(&unmatched, options)?;
        groups.push(Group {
            standard,
            table: request.table.clone(),
            severity: Vec::new(),
            inputs: unmatched,
            matched_note: Some(matched_note),
            input_tables: Vec::new(),
        });
    }
    Ok(groups)
}

/// `conform check datapackage.json`: the package is the standard, and its resources' files the
/// inputs, each checked against its resource's table.
fn data_package_group(request: &Request) -> Result<Option<Group>, RunError> {
    let [path] = request.paths.as_slice() else {
        return Ok(None);
    };
    let is_package = request.standard.is_none()
        && Path::new(path).is_file()
        && Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with("datapackage.json") || n.ends_with(".datapackage.json"));
    if !is_package {
        return Ok(None);
    }
    let standard = Standard::load(path)?;
    let mut inputs = Vec::new();
    let mut tables = Vec::new();
    for (table, paths) in &standard.resources {
        for file in paths {
            if !file.is_file() {
                return Err(RunError::message(format!(
                    "{path}: the data of resource `{table}` is {}, which does not exist",
                    file.display()
                )));
            }
            inputs.push(Input::Path(file.clone()));
            tables.push(table.clone());
        }
    }
    if inputs.is_empty() {
        return Err(RunError::message(format!(
            "{path}: no resource names a data file (\"path\") to check"
        )));
    }
    Ok(Some(Group {
        standard,
        table: request.table.clone(),
        severity: Vec::new(),
        inputs,
        matched_note: None,
        input_tables: tables,
    }))
}

/// Without paths: every file of every dataset of the configuration.
fn config_groups(request: &Request, config: Option<&Config>) -> Result<Vec<Group>, RunError> {
    let Some(config) = config else {
        return Err(RunError::message(
            "no files given, and no conform.toml here or in a parent folder; name the files to check",
        ));
    };
    let mut groups: Vec<Group> = Vec::new();
    for (dataset, path) in config.files() {
        // The same reading as files given by name: an archive is its members.
        let mut inputs = Vec::new();
        super::inputs::add_file(path, &mut inputs)?;
        for input in inputs {
            add_to_dataset_group(&mut groups, config, dataset, input, request)?;
        }
    }
    if groups.is_empty() {
        return Err(RunError::message(format!(
            "the datasets in {} match no files",
            config.path.display()
        )));
    }
    Ok(groups)
}

/// Puts a file of `dataset` with the files that share its standard, table and severity overrides
/// (a new group when none does yet).
fn add_to_dataset_group(
    groups: &mut Vec<Group>,
    config: &Config,
    dataset: usize,
    input: Input,
    request: &Request,
) -> Result<(), RunError> {
    let origin = dataset_origin(config, dataset);
    let table = request
        .table
        .clone()
        .or_else(|| config.datasets[dataset].table.clone());
    let severity = &config.datasets[dataset].severity;
    let same =
        |g: &&mut Group| g.standard.origin == origin && g.table == table && &g.severity == severity;
    if let Some(group) = groups.iter_mut().find(same) {
        group.inputs.push(input);
        return Ok(());
    }
    groups.push(Group {
        standard: load_dataset_standard(config, dataset, request)?,
        table,
        severity: severity.clone(),
        inputs: vec![input],
        matched_note: None,
        input_tables: Vec::new(),
    });
    Ok(())
}

/// How a dataset's standard will be known once loaded (its `origin`), to group files by standard.
fn dataset_origin(config: &Config, dataset: usize) -> String {
    let spec = &config.datasets[dataset].standard;
    if Path::new(spec).is_file() {
        spec.clone()
    } else {
        format!("builtin:{}", spec.split('@').next().unwrap_or(spec))
    }
}

/// Loads a dataset's standard; a failure points at the `standard` value in conform.toml.
fn load_dataset_standard(
    config: &Config,
    dataset: usize,
    request: &Request,
) -> Result<Standard, RunError> {
    let spec = request
        .standard
        .as_deref()
        .unwrap_or(&config.datasets[dataset].standard);
    Standard::load(spec).map_err(|e| {
        if e.location().is_some() {
            RunError::from(e)
        } else {
            RunError::from(config.standard_error(dataset, e.message))
        }
    })
}

/// The header row of a file, for choosing a standard or table by its columns.
pub fn header_of(input: &Input, options: &Options) -> Option<csv::StringRecord> {
    // A workbook's, JSON's or Parquet's header is read as a check would read it.
    let kind = check::kind_of(input, options).ok()?;
    if kind != crate::read::detect::Kind::Text {
        let source = read::table::open(input, kind, options.sheet.as_deref())
            .ok()?
            .ok()?;
        return Some(csv::StringRecord::from(source.header));
    }
    let read_header = |opened: read::Opened| {
        let mut reader =
            read::csv::ChunkReader::new(opened.stream, options.delimiter, !opened.verified).ok()?;
        let mut header = csv::StringRecord::new();
        reader.header_under_titles(&mut header).ok()?.0?;
        Some(header)
    };
    // The header alone rarely needs the whole file scanned; if it is not UTF-8, scan and retry.
    read::open_lazily(input, options.encoding)
        .ok()
        .and_then(read_header)
        .or_else(|| {
            read::open(input, options.encoding)
                .ok()
                .and_then(read_header)
        })
}

/// How candidate tables rank for a file: by its header, and by its values when the best headers
/// fit about equally (see [`super::detect`]).
#[derive(Debug, Clone)]
pub struct Ranking {
    /// Every table of every standard given: (standard, table), by index.
    pub candidates: Vec<(usize, usize)>,
    pub scores: Vec<detect::Score>,
    /// The chosen candidate.
    pub best: usize,
    /// The best plausible candidate of another standard.
    pub runner_up: Option<usize>,
    /// `sure`, `fairly sure` or `unsure`, by the header alone.
    pub sureness: &'static str,
    /// When the values decided: the close candidate of another standard they fitted less well,
    /// with each one's fit, and the rows the sample held.
    pub by_values: Option<ValuesDecided>,
}

#[derive(Debug, Clone, Copy)]
pub struct ValuesDecided {
    pub other: usize,
    pub mine: detect::ValueFit,
    pub theirs: detect::ValueFit,
    pub rows: u64,
    pub whole: bool,
}

/// Ranks every table of `standards` for a file with this header. `None` when none is
/// plausible: two of its columns, or one and the file's name.
pub fn rank(
    header: &csv::StringRecord,
    input: &Input,
    standards: &[Standard],
    options: &Options,
) -> Option<Ranking> {
    let candidates: Vec<(usize, usize)> = standards
        .iter()
        .enumerate()
        .flat_map(|(s, standard)| (0..standard.tables.len()).map(move |t| (s, t)))
        .collect();
    let scored: Vec<(&Standard, usize)> = candidates
        .iter()
        .map(|&(s, t)| (&standards[s], t))
        .collect();
    let scores = detect::score_all(header, input.file_name(), &scored);
    let plausible =
        |n: usize| scores[n].matched >= 2 || (scores[n].matched == 1 && scores[n].named);
    let mut best = (0..candidates.len())
        .filter(|&n| plausible(n))
        .max_by(|&a, &b| scores[a].total.total_cmp(&scores[b].total).then(b.cmp(&a)))?;
    let runner_up = |best: usize| {
        (0..candidates.len())
            .filter(|&n| candidates[n].0 != candidates[best].0 && plausible(n))
            .max_by(|&a, &b| scores[a].total.total_cmp(&scores[b].total))
    };
    let sureness = detect::sureness(scores[best].total, runner_up(best).map(|n| scores[n].total));
    let mut by_values = None;
    if sureness == "unsure" {
        // Headers that fit about equally: the values of the first rows decide, when they can.
        let close: Vec<usize> = (0..candidates.len())
            .filter(|&n| plausible(n) && scores[best].total - scores[n].total < detect::CLOSE)
            .collect();
        let contenders: Vec<(&Standard, usize)> = close.iter().map(|&n| scored[n]).collect();
        if let Some(verdict) = detect::by_values(input, &contenders, options) {
            let other = (0..close.len())
                .filter(|&n| candidates[close[n]].0 != candidates[close[verdict.best]].0)
                .min_by(|&a, &b| {
                    verdict.fits[a]
                        .misfit()
                        .total_cmp(&verdict.fits[b].misfit())
                });
            if let Some(other) = other {
                best = close[verdict.best];
                by_values = Some(ValuesDecided {
                    other: close[other],
                    mine: verdict.fits[verdict.best],
                    theirs: verdict.fits[other],
                    rows: verdict.rows,
                    whole: verdict.whole,
                });
            }
        }
    }
    Some(Ranking {
        runner_up: runner_up(best),
        candidates,
        scores,
        best,
        sureness,
        by_values,
    })
}

/// Every built-in standard, loaded.
pub fn builtins() -> Result<Vec<Standard>, RunError> {
    builtin_standards()
        .into_iter()
        .map(|entry| Standard::load(&format!("{}@{}", entry.id, entry.version)).map_err(Into::into))
        .collect()
}

/// The built-in standard whose table the first file's header fits best, with a note saying which
/// table, how many of its columns, and how sure the choice is.
fn choose_standard(
    inputs: &[Input],
    options: &Options,
) -> Result<(Standard, crate::i18n::Text), RunError> {
    let first = inputs.first();
    let header = first.and_then(|i| header_of(i, options)).ok_or_else(|| {
        RunError::message(format!(
            "no --standard given, and {} has no header row to choose one by (pass --standard)",
            first.map(Input::display_name).unwrap_or_default()
        ))
    })?;
    let mut standards = builtins()?;
    let ranking = first
        .and_then(|input| rank(&header, input, &standards, options))
        .ok_or_else(|| {
            RunError::message(
                "no --standard given, and no built-in standard matches the file's header; pass --standard ID or a path",
            )
        })?;
    let note = matched_note(&ranking, &standards);
    let chosen = standards.swap_remove(ranking.candidates[ranking.best].0);
    Ok((chosen, note))
}

/// "no standard given: matched spend-over-500 (table …, 14 of its 15 columns)", and how sure.
fn matched_note(ranking: &Ranking, standards: &[Standard]) -> crate::i18n::Text {
    let id = |n: usize| standards[ranking.candidates[n].0].id.as_str();
    let (s, t) = ranking.candidates[ranking.best];
    let standard = &standards[s];
    let score = ranking.scores[ranking.best];
    let other = ranking.runner_up.map(id).unwrap_or_default();
    let how_sure = match (ranking.by_values, ranking.sureness) {
        (Some(decided), _) => {
            let rows = if decided.whole {
                t!("plan-its-rows", rows = decided.rows)
            } else {
                t!("plan-its-first-rows", rows = decided.rows)
            };
            let fit = |fit: detect::ValueFit| {
                t!(
                    "plan-values-fit",
                    fit = fit.tested.saturating_sub(fit.failed),
                    tested = fit.tested
                )
            };
            t!(
                "plan-decided-by-values",
                other = id(decided.other),
                rows = rows,
                standard = standard.id.as_str(),
                mine = fit(decided.mine),
                theirs = fit(decided.theirs)
            )
        }
        (None, "sure") => t!("plan-sure"),
        (None, "fairly sure") => t!("plan-fairly-sure", other = other),
        (None, _) => t!(
            "plan-unsure",
            other = other,
            standard = standard.id.as_str()
        ),
    };
    t!(
        "plan-matched",
        standard = standard.id.as_str(),
        table = standard.tables[t].name.as_str(),
        matched = score.matched as i64,
        described = score.described as i64,
        how_sure = how_sure
    )
}

/// The table a file is checked against: `--table` (or the config's), the only table, the table
/// the file is named after (`organizations.csv`, `…-article-4-direction-area.csv`), or the table
/// its header identifies best (see [`super::detect`]).
pub fn choose_table(
    standard: &Standard,
    name: Option<&str>,
    input: &Input,
    options: &Options,
) -> Result<usize, RunError> {
    if let Some(name) = name {
        return standard
            .tables
            .iter()
            .position(|t| t.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = standard.tables.iter().map(|t| t.name.as_str()).collect();
                let guess = crate::suggest::closest(name, names.iter().copied())
                    .map(|guess| format!(" (did you mean `{guess}`?)"))
                    .unwrap_or_default();
                RunError::message(format!(
                    "the standard {} has no table `{name}`{guess}; its tables are: {}",
                    standard.id,
                    names.join(", ")
                ))
            });
    }
    if standard.tables.len() == 1 {
        return Ok(0);
    }
    if let Some(t) = table_named_in(standard, input) {
        return Ok(t);
    }
    let candidates: Vec<(&Standard, usize)> =
        (0..standard.tables.len()).map(|t| (standard, t)).collect();
    Ok(header_of(input, options)
        .and_then(|header| {
            let scores = detect::score_all(&header, None, &candidates);
            // The first of the best, so full ties go to the table the standard lists first.
            let best = (0..scores.len())
                .max_by(|&a, &b| scores[a].total.total_cmp(&scores[b].total).then(b.cmp(&a)))?;
            // Tables whose headers fit about equally: the first rows' values decide, when they can.
            let close: Vec<usize> = (0..scores.len())
                .filter(|&n| scores[best].total - scores[n].total < detect::CLOSE)
                .collect();
            if close.len() < 2 {
                return Some(best);
            }
            let contenders: Vec<(&Standard, usize)> =
                close.iter().map(|&n| candidates[n]).collect();
            Some(
                detect::by_values(input, &contenders, options)
                    .map_or(best, |verdict| close[verdict.best]),
            )
        })
        .unwrap_or(0))
}

/// The table whose name (or plural) is a word of the file's name; the longest such name wins,
/// so `…-article-4-direction-area.csv` is the area table, not the direction table.
fn table_named_in(standard: &Standard, input: &Input) -> Option<usize> {
    let name = input.file_name()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix(".csv").unwrap_or(stem);
    let stem = crate::suggest::fold(stem);
    let words: Vec<&str> = stem.split(' ').collect();
    standard
        .tables
        .iter()
        .enumerate()
        .filter(|(_, t)| detect::names_table(&words, &crate::suggest::fold(&t.name)))
        .max_by_key(|(_, t)| t.name.len())
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_after_a_table_is_that_table() {
        let standard = Standard::load("open-referral-uk").expect("built in");
        let table = |file: &str| {
            table_named_in(&standard, &Input::Path(file.into()))
                .map(|t| standard.tables[t].name.clone())
        };
        assert_eq!(
            table("data/services_at_location.csv").as_deref(),
            Some("service_at_location")
        );
        assert_eq!(table("services.csv").as_deref(), Some("service"));
    }
}

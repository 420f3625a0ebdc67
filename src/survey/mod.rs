//! `conform survey`: the data-mapping inventory of SPEC section 8. Every table in the paths given
//! (files, sheets, archive members) is matched to the built-in standard its header fits best,
//! checked against it with a profile of its columns, and described: shape, match, conformance,
//! completeness, date coverage and the identifiers that let it be joined. The tables are then
//! rolled up by standard, and the fixes that would make most rows conform are listed.
//!
//! Tables are surveyed in parallel, a file at a time each, and only their description is kept,
//! so memory does not grow with the files' sizes.

mod rollup;
pub(crate) mod table;
pub mod write;
mod xlsx;

use std::path::PathBuf;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::check::Options;
use crate::compile::{self, CompiledTable};
use crate::read::Input;
use crate::run::{inputs, plan, RunError, Watcher};
use crate::standard::Standard;

pub use rollup::{Fix, Period, StandardRollup};
pub use table::{ColumnMatch, DateCoverage, FieldCompleteness, IdentifierColumn, TableSurvey};

/// Findings kept a table while it is described: its counts are exact below this, and said to be
/// partial above it. A survey keeps no findings once a table is described.
const MAX_FINDINGS_A_TABLE: usize = 200_000;

/// What to survey and how.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// Files and folders (folders are walked, archives opened, workbooks read sheet by sheet).
    pub paths: Vec<String>,
    /// Read only the first this many rows of each table.
    pub sample: Option<u64>,
    /// Threads; `None` is one per core.
    pub jobs: Option<usize>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub delimiter: Option<u8>,
    /// The file the inventory will be written to, which must not be one of the inputs.
    pub output: Option<PathBuf>,
}

/// The inventory.
#[derive(Debug, Serialize)]
pub struct Survey {
    /// `1`: the version of this document's shape (schema `docs/survey-v1.schema.json`).
    pub survey_version: u32,
    pub tool: Tool,
    /// The rows read of each table, when the survey was a sample.
    pub sample: Option<u64>,
    pub tables: Vec<TableSurvey>,
    pub standards: Vec<StandardRollup>,
    /// The fixes that would clear the most errors, most first.
    pub fixes: Vec<Fix>,
    /// Files in the folders that are not tables, or could not be opened, with why.
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
    /// The file is a table (or an archive of them) that could not be read, rather than a file of
    /// another kind or an empty sheet.
    pub unreadable: bool,
}

impl Survey {
    /// Files that should have been surveyed and could not be read.
    pub fn unreadable(&self) -> impl Iterator<Item = &Skipped> {
        self.skipped.iter().filter(|s| s.unreadable)
    }
}

/// The built-in standards, and each table compiled once, when a file first needs it.
struct Catalogue {
    standards: Vec<Standard>,
    compiled: Vec<Vec<OnceLock<Result<CompiledTable, String>>>>,
    /// What a table no standard matches is read against.
    none: Standard,
    none_compiled: CompiledTable,
}

impl Catalogue {
    fn load() -> Result<Catalogue, RunError> {
        let standards = plan::builtins()?;
        let compiled = standards
            .iter()
            .map(|s| s.tables.iter().map(|_| OnceLock::new()).collect())
            .collect();
        let none = crate::standard::no_standard()?;
        let none_compiled = compile::compile(&none.tables[0])?;
        Ok(Catalogue {
            standards,
            compiled,
            none,
            none_compiled,
        })
    }

    fn compiled(&self, standard: usize, table: usize) -> Result<&CompiledTable, String> {
        self.compiled[standard][table]
            .get_or_init(|| {
                compile::compile(&self.standards[standard].tables[table]).map_err(|e| e.message)
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Surveys every table under the request's paths.
pub fn survey(request: &Request, watcher: &dyn Watcher) -> Result<Survey, RunError> {
    let mut skipped = Vec::new();
    let files = inputs::collect_all(&request.paths, watcher, &mut skipped)?;
    if files.is_empty() && skipped.is_empty() {
        return Err(RunError::message(format!(
            "there is nothing to survey in {}: no files",
            request.paths.join(", ")
        )));
    }
    // Files of other kinds are skipped; an archive that would not open is unreadable.
    let mut skipped: Vec<(String, String, bool)> = skipped
        .into_iter()
        .map(|(path, reason)| {
            let unreadable = !reason.starts_with("not a table");
            (path, reason, unreadable)
        })
        .collect();
    if let Some(target) = &request.output {
        let read: Vec<(&str, PathBuf)> = files
            .iter()
            .filter_map(|input| {
                let path = match input {
                    Input::Memory { name, .. } => {
                        PathBuf::from(name.split('!').next().unwrap_or(name))
                    }
                    other => other.path()?.to_path_buf(),
                };
                Some(("one of the files being surveyed", path))
            })
            .collect();
        inputs::refuse_overwrite("--output", target, &read)?;
    }
    let catalogue = Catalogue::load()?;
    let options = Options {
        max_findings: Some(MAX_FINDINGS_A_TABLE),
        encoding: request.encoding,
        delimiter: request.delimiter,
        profile: true,
        max_rows: request.sample,
        ..Options::default()
    };
    let jobs = request
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 256);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| RunError::message(format!("cannot start {jobs} threads: {e}")))?;
    let tables: Vec<Input> = pool.install(|| {
        files
            .par_iter()
            .map(tables_of)
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect()
    });
    watcher.planned(tables.len());
    let surveyed: Vec<Result<TableSurvey, (String, String, bool)>> = pool.install(|| {
        tables
            .par_iter()
            .map(|input| {
                watcher.started(input);
                let surveyed = survey_table(input, &catalogue, &options);
                watcher.finished(input);
                surveyed
            })
            .collect()
    });
    let mut tables = Vec::new();
    for result in surveyed {
        match result {
            Ok(table) => tables.push(table),
            Err(skip) => skipped.push(skip),
        }
    }
    skipped.sort();
    let standards = rollup::by_standard(&tables);
    let fixes = rollup::fixes(&tables);
    Ok(Survey {
        survey_version: 1,
        tool: Tool {
            name: "conform",
            version: env!("CARGO_PKG_VERSION"),
        },
        sample: request.sample,
        tables,
        standards,
        fixes,
        skipped: skipped
            .into_iter()
            .map(|(path, reason, unreadable)| Skipped {
                path,
                reason,
                unreadable,
            })
            .collect(),
    })
}

/// The tables of a file: itself, or each sheet of a workbook of several.
fn tables_of(input: &Input) -> Vec<Input> {
    match inputs::sheet_names(input) {
        Some(sheets) if sheets.len() > 1 => sheets
            .into_iter()
            .map(|sheet| Input::Sheet {
                book: Box::new(input.clone()),
                sheet,
            })
            .collect(),
        _ => vec![input.clone()],
    }
}

/// Matches one table to a standard, checks it and describes it. A table that cannot be read at
/// all, or an empty sheet, is skipped with the reason.
fn survey_table(
    input: &Input,
    catalogue: &Catalogue,
    options: &Options,
) -> Result<TableSurvey, (String, String, bool)> {
    let place = match input {
        Input::Sheet { sheet, .. } => format!("{} [{sheet}]", input.display_name()),
        _ => input.display_name(),
    };
    let skip = |reason: String| (place.clone(), reason, true);
    let header = plan::header_of(input, options);
    let ranking = header
        .as_ref()
        .and_then(|h| plan::rank(h, input, &catalogue.standards, options));
    let chosen = match &ranking {
        Some(ranking) => {
            let s = ranking.candidates[ranking.best].0;
            let standard = &catalogue.standards[s];
            let t = plan::choose_table(standard, None, input, options).unwrap_or(0);
            Some((s, t))
        }
        None => None,
    };
    let (standard, t, compiled) = match chosen {
        Some((s, t)) => (
            &catalogue.standards[s],
            t,
            catalogue.compiled(s, t).map_err(skip)?,
        ),
        None => (&catalogue.none, 0, &catalogue.none_compiled),
    };
    let table = &standard.tables[t];
    let report = crate::check::check_file(input, &standard.id, table, compiled, options)
        .map_err(|e| skip(format!("cannot be read: {e}")))?;
    if matches!(input, Input::Sheet { .. }) && report.header.is_empty() {
        return Err((place.clone(), "the sheet is empty".to_string(), false));
    }
    let matched = chosen.zip(ranking.as_ref()).map(|((_, t), ranking)| {
        table::Matched::new(ranking, &catalogue.standards, t, &standard.tables[t])
    });
    Ok(table::describe(
        input,
        &report,
        matched.as_ref().map(|m| (m, standard, table)),
    ))
}

//! `conform._native`: the run library for Python. Every check goes through `conform::run::run`,
//! the function the command line calls, so a file gives the same report here as there; the
//! Python side (`python/conform/`) wraps these functions in the package's documented API.

use std::sync::Arc;

use conform::finding::Code;
use conform::read::detect::Kind;
use conform::read::Input;
use conform::report::{self, Format, ReportOptions};
use conform::run::{self, ConfigSource, Request, RunError, Unwatched};
use conform::standard::Standard;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;

mod frame;

create_exception!(
    _native,
    ConformError,
    PyException,
    "A check that could not be made: a standard or option that cannot be used."
);

/// How a check is asked for, as Python passes it.
struct Asked {
    standard: Option<String>,
    table: Option<String>,
    sheet: Option<String>,
    input_format: Option<Kind>,
    ignore: Vec<Code>,
    max_findings: Option<usize>,
    strict: bool,
    jobs: Option<usize>,
    lang: conform::i18n::Lang,
}

impl Asked {
    #[allow(clippy::too_many_arguments)]
    fn new(
        standard: Option<String>,
        table: Option<String>,
        sheet: Option<String>,
        input_format: Option<&str>,
        ignore: Vec<String>,
        max_findings: Option<usize>,
        strict: bool,
        jobs: Option<usize>,
        lang: Option<&str>,
    ) -> PyResult<Asked> {
        let lang = match lang {
            None => conform::i18n::Lang::En,
            Some(text) => conform::i18n::Lang::parse(text).ok_or_else(|| {
                PyValueError::new_err(format!("lang={text:?}: use \"en\" or \"cy\" (Welsh)"))
            })?,
        };
        let input_format = input_format
            .map(|name| {
                Kind::parse(name).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "input_format={name:?}: use csv, xlsx, xlsb, xls, ods, json, jsonl, geojson, parquet or arrow"
                    ))
                })
            })
            .transpose()?;
        let ignore = ignore
            .iter()
            .map(|code| {
                Code::parse(code).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "ignore={code:?} is not a finding code (conform.codes() lists them)"
                    ))
                })
            })
            .collect::<PyResult<Vec<Code>>>()?;
        Ok(Asked {
            standard,
            table,
            sheet,
            input_format,
            ignore,
            max_findings: max_findings.filter(|n| *n > 0),
            strict,
            jobs,
            lang,
        })
    }

    fn request(self, paths: Vec<String>, inputs: Vec<Input>) -> Request {
        Request {
            paths,
            inputs,
            // A library call reads no conform.toml by chance: the caller says what it wants.
            config: ConfigSource::None,
            standard: self.standard,
            table: self.table,
            ignore: self.ignore,
            max_findings: self.max_findings,
            jobs: self.jobs,
            strict: self.strict,
            sheet: self.sheet,
            input_format: self.input_format,
            lang: self.lang,
            ..Request::default()
        }
    }
}

/// What a run gives Python: the exit code the command line would give, the report in the format
/// asked for, and the files that could not be read (name, reason).
type Ran = (i32, String, Vec<(String, String)>);

fn run_request(
    py: Python<'_>,
    request: Request,
    format: &str,
    max_examples: usize,
) -> PyResult<Ran> {
    let format = Format::parse(format).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        PyValueError::new_err(format!(
            "format={format:?}: use one of {}",
            names.join(", ")
        ))
    })?;
    let options = ReportOptions {
        max_examples,
        lang: request.lang,
        ..ReportOptions::default()
    };
    // The check runs without the interpreter lock: other Python threads go on meanwhile.
    let result = py.detach(move || {
        let mut text = Vec::new();
        let outcome = {
            let mut reporter = report::reporter(format, Box::new(&mut text), &options);
            run::run(&request, reporter.as_mut(), &Unwatched)
        };
        outcome.map(|outcome| {
            (
                outcome.exit_code(),
                String::from_utf8_lossy(&text).into_owned(),
                outcome.unreadable,
            )
        })
    });
    result.map_err(|e| match e {
        RunError::Standard(e) => ConformError::new_err(e.message),
        RunError::Message(m) => ConformError::new_err(m),
    })
}

/// Checks files (paths) or bytes, as `conform check` would, and returns (exit code, report,
/// unreadable files).
#[pyfunction]
#[pyo3(signature = (paths, data=None, name=None, standard=None, table=None, sheet=None,
    input_format=None, ignore=Vec::new(), max_findings=Some(run::DEFAULT_MAX_FINDINGS),
    strict=false, jobs=None, format="json", max_examples=3, lang=None))]
#[allow(clippy::too_many_arguments)]
fn check(
    py: Python<'_>,
    paths: Vec<String>,
    data: Option<Vec<u8>>,
    name: Option<String>,
    standard: Option<String>,
    table: Option<String>,
    sheet: Option<String>,
    input_format: Option<&str>,
    ignore: Vec<String>,
    max_findings: Option<usize>,
    strict: bool,
    jobs: Option<usize>,
    format: &str,
    max_examples: usize,
    lang: Option<&str>,
) -> PyResult<Ran> {
    let asked = Asked::new(
        standard,
        table,
        sheet,
        input_format,
        ignore,
        max_findings,
        strict,
        jobs,
        lang,
    )?;
    let inputs = data
        .map(|bytes| Input::Memory {
            name: name.unwrap_or_else(|| "<bytes>".into()),
            bytes: Arc::new(bytes),
        })
        .into_iter()
        .collect();
    run_request(py, asked.request(paths, inputs), format, max_examples)
}

/// Checks a frame that offers the Arrow C stream interface (`__arrow_c_stream__`: a pyarrow
/// Table or RecordBatchReader, a polars DataFrame, ...). Locations are row numbers from 1.
#[pyfunction]
#[pyo3(signature = (frame, name="<frame>".to_string(), standard=None, table=None,
    ignore=Vec::new(), max_findings=Some(run::DEFAULT_MAX_FINDINGS), strict=false, jobs=None,
    format="json", max_examples=3, lang=None))]
#[allow(clippy::too_many_arguments)]
fn check_stream(
    py: Python<'_>,
    frame: &Bound<'_, PyAny>,
    name: String,
    standard: Option<String>,
    table: Option<String>,
    ignore: Vec<String>,
    max_findings: Option<usize>,
    strict: bool,
    jobs: Option<usize>,
    format: &str,
    max_examples: usize,
    lang: Option<&str>,
) -> PyResult<Ran> {
    let mut asked = Asked::new(
        standard,
        table,
        None,
        None,
        ignore,
        max_findings,
        strict,
        jobs,
        lang,
    )?;
    asked.input_format = Some(Kind::Arrow);
    let input = Input::Frame {
        name,
        frame: Arc::new(frame::columns_of(frame)?),
    };
    run_request(
        py,
        asked.request(Vec::new(), vec![input]),
        format,
        max_examples,
    )
}

/// The catalogue of built-in standards as JSON, as `conform standards list --format json`.
#[pyfunction]
fn standards() -> PyResult<String> {
    conform::describe::list_json().map_err(|e| ConformError::new_err(e.message))
}

/// One standard (a built-in id, `id@version`, or a path) as JSON: what the catalogue says of it,
/// and each table's columns and keys.
#[pyfunction]
fn standard(spec: &str) -> PyResult<String> {
    let standard = Standard::load(spec).map_err(|e| ConformError::new_err(e.message))?;
    Ok(conform::describe::standard_json(&standard).to_string())
}

/// For each column of the standard's table (the first table when `table` is None), the index in
/// `columns` of the column that holds it, matched as a file's header is matched: exact names,
/// then normalised names and aliases. None for a column that is not there.
#[pyfunction]
#[pyo3(signature = (spec, table, columns))]
fn columns_for(
    spec: &str,
    table: Option<&str>,
    columns: Vec<String>,
) -> PyResult<Vec<Option<usize>>> {
    let standard = Standard::load(spec).map_err(|e| ConformError::new_err(e.message))?;
    let found = match table {
        None => standard.tables.first(),
        Some(name) => standard.tables.iter().find(|t| t.name == name),
    };
    let Some(table) = found else {
        return Err(ConformError::new_err(format!(
            "the standard {} has no table `{}`",
            standard.id,
            table.unwrap_or_default()
        )));
    };
    let header: Vec<&str> = columns.iter().map(String::as_str).collect();
    Ok(conform::check::columns_for(&header, table))
}

/// The finding codes, as (code, default severity, title).
#[pyfunction]
fn codes() -> Vec<(String, String, String)> {
    Code::ALL
        .iter()
        .map(|code| {
            (
                code.as_str().to_string(),
                code.default_severity().as_str().to_string(),
                code.doc().title.to_string(),
            )
        })
        .collect()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_stream, m)?)?;
    m.add_function(wrap_pyfunction!(standards, m)?)?;
    m.add_function(wrap_pyfunction!(standard, m)?)?;
    m.add_function(wrap_pyfunction!(codes, m)?)?;
    m.add_function(wrap_pyfunction!(columns_for, m)?)?;
    m.add("ConformError", m.py().get_type::<ConformError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

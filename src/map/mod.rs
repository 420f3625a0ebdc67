//! `conform map`: a local export turned into a standard's shape. Without a mapping file, a
//! proposal is written: which of the file's columns holds each of the standard's (by name, alias
//! or content) and which value transforms would fix the commonest findings, each line commented
//! so that an officer can edit it. With one, the file is rewritten in the standard's columns,
//! only the transforms named are applied (nothing is guessed), what changed and what could not be
//! changed is reported, and the result is checked.

mod propose;
pub(crate) mod rows;
pub mod transform;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use serde::Deserialize;

use crate::check::{self, Options};
use crate::compile;
use crate::finding::{thousands, Severity};
use crate::read::Input;
use crate::run::{inputs, plan, RunError};
use crate::standard::{Standard, Table};
pub use propose::propose;
use transform::Transform;

/// What to map, to what.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub file: String,
    /// A built-in id or a path.
    pub standard: String,
    pub table: Option<String>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub delimiter: Option<u8>,
    pub sheet: Option<String>,
}

impl Request {
    fn options(&self) -> Options {
        Options {
            encoding: self.encoding,
            delimiter: self.delimiter,
            sheet: self.sheet.clone(),
            ..Options::default()
        }
    }
}

/// The one input file, its standard and the table it maps to.
struct Target {
    input: Input,
    standard: Standard,
    table: usize,
}

fn target(request: &Request) -> Result<Target, RunError> {
    let mut files = inputs::collect(std::slice::from_ref(&request.file), &crate::run::Unwatched)?;
    if files.len() != 1 {
        return Err(RunError::message(format!(
            "{} holds {} data files: map one file at a time",
            request.file,
            files.len()
        )));
    }
    let input = files.remove(0);
    let standard = Standard::load(&request.standard)?;
    let table = plan::choose_table(
        &standard,
        request.table.as_deref(),
        &input,
        &request.options(),
    )?;
    Ok(Target {
        input,
        standard,
        table,
    })
}

/// A mapping file: for each of the standard's columns, the file's column that holds it and the
/// transforms its values need.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub standard: Option<String>,
    pub table: Option<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, ColumnSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ColumnSpec {
    From(String),
    Full {
        from: String,
        #[serde(default)]
        transforms: Vec<String>,
    },
}

/// One output column: the standard's name, the file column it comes from, its transforms and the
/// values a code-case transform may write.
struct Output {
    name: String,
    from: usize,
    transforms: Vec<Transform>,
    allowed: Vec<String>,
}

/// Cells a transform could not change: how many, and the first few (line, reason).
pub type Failures = (u64, Vec<(u64, String)>);

/// What applying a mapping did.
pub struct Applied {
    pub rows: u64,
    pub columns: usize,
    /// (column, transform) → cells changed.
    pub changed: BTreeMap<(String, &'static str), u64>,
    /// (column, transform) → cells it could not change, with the first few (line, reason).
    pub failed: BTreeMap<(String, &'static str), Failures>,
    /// The check of the file written.
    pub errors: usize,
    pub warnings: usize,
    pub errors_by_code: BTreeMap<String, usize>,
    pub standard: String,
    pub table: String,
}

/// Reads a mapping file and checks every name in it against the standard and the file.
fn read_mapping(
    path: &std::path::Path,
    target: &Target,
    header: &[String],
) -> Result<Vec<Output>, RunError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        RunError::message(format!("cannot read the mapping {}: {e}", path.display()))
    })?;
    let mapping: Mapping = toml::from_str(&text).map_err(|e| {
        let mut message = format!("the mapping {} is not valid: {e}", path.display());
        if message.contains("untagged enum") {
            message = format!(
                "the mapping {} is not valid: under [columns], each line is \"Standard column\" = \"File column\" or \"Standard column\" = {{ from = \"File column\", transforms = [\"trim\"] }}",
                path.display()
            );
        }
        RunError::message(message)
    })?;
    let table = &target.standard.tables[target.table];
    if let Some(id) = mapping
        .standard
        .as_deref()
        .filter(|id| *id != target.standard.id)
    {
        return Err(RunError::message(format!(
            "the mapping {} is for the standard {id}, not {}",
            path.display(),
            target.standard.id
        )));
    }
    if let Some(name) = mapping.table.as_deref().filter(|t| *t != table.name) {
        return Err(RunError::message(format!(
            "the mapping {} is for the table {name}, not {}",
            path.display(),
            table.name
        )));
    }
    let mut outputs = Vec::new();
    for column in &table.columns {
        let Some(spec) = mapping.columns.get(&*column.name) else {
            continue;
        };
        let (from, names) = match spec {
            ColumnSpec::From(from) => (from, &Vec::new()),
            ColumnSpec::Full { from, transforms } => (from, transforms),
        };
        let index = header.iter().position(|h| h.trim() == from.trim()).ok_or_else(|| {
            RunError::message(format!(
                "the mapping takes `{}` from `{from}`, but {} has no such column; its columns are: {}",
                column.name,
                target.input.display_name(),
                header.join(", ")
            ))
        })?;
        let mut transforms = Vec::new();
        for name in names {
            transforms.push(Transform::parse(name).ok_or_else(|| {
                let known: Vec<&str> = Transform::ALL.iter().map(|t| t.name()).collect();
                RunError::message(format!(
                    "the mapping asks for the transform `{name}` on `{}`; the transforms are: {}",
                    column.name,
                    known.join(", ")
                ))
            })?);
        }
        outputs.push(Output {
            name: column.name.to_string(),
            from: index,
            transforms,
            allowed: allowed_values(column),
        });
    }
    if let Some(unknown) = mapping
        .columns
        .keys()
        .find(|k| !table.columns.iter().any(|c| &*c.name == k.as_str()))
    {
        let names: Vec<&str> = table.columns.iter().map(|c| &*c.name).collect();
        return Err(RunError::message(format!(
            "the mapping names `{unknown}`, which is not a column of {} (table {}); its columns are: {}",
            target.standard.id,
            table.name,
            names.join(", ")
        )));
    }
    if outputs.is_empty() {
        return Err(RunError::message(format!(
            "the mapping {} maps no column",
            path.display()
        )));
    }
    Ok(outputs)
}

/// The values a column's code list or `enum` allows, for `code-case`.
fn allowed_values(column: &crate::standard::Column) -> Vec<String> {
    let mut allowed: Vec<String> = column
        .codelist
        .as_ref()
        .map(|list| list.codes.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default();
    if let Some(values) = column.schema.get("enum").and_then(|v| v.as_array()) {
        allowed.extend(values.iter().filter_map(|v| v.as_str()).map(str::to_string));
    }
    allowed.sort();
    allowed
}

/// Where the rows go: CSV text, or a workbook or Parquet columns built in memory.
enum Sink {
    Csv(Box<csv::Writer<crate::report::output::Output>>),
    Xlsx(Box<rust_xlsxwriter::Workbook>, u32),
    /// Each column's cells, as text (the standard's types are the check's to judge).
    Parquet(Vec<Vec<String>>),
}

/// The mapped columns as a Parquet file of text columns.
#[cfg(feature = "parquet")]
fn write_parquet(
    names: &[String],
    columns: Vec<Vec<String>>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use polars_core::prelude::{Column, DataFrame, NamedFrom, Series};
    let height = columns.first().map_or(0, Vec::len);
    let columns: Vec<Column> = names
        .iter()
        .zip(columns)
        .map(|(name, cells)| Column::from(Series::new(name.as_str().into(), cells)))
        .collect();
    let mut frame = DataFrame::new(height, columns).map_err(std::io::Error::other)?;
    polars_io::parquet::write::ParquetWriter::new(out)
        .finish(&mut frame)
        .map(|_| ())
        .map_err(std::io::Error::other)
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(
    _names: &[String],
    _columns: Vec<Vec<String>>,
    _out: &mut dyn Write,
) -> std::io::Result<()> {
    Err(std::io::Error::other(
        "this conform was built without Parquet (the `parquet` feature)",
    ))
}

impl Sink {
    /// A sink for `output`, by its extension, with the header row written.
    fn open(output: &std::path::Path, sheet: &str, names: &[&str]) -> std::io::Result<Sink> {
        let extension = output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        Ok(match extension.as_str() {
            "parquet" => Sink::Parquet(vec![Vec::new(); names.len()]),
            "xlsx" => {
                let mut book = rust_xlsxwriter::Workbook::new();
                let worksheet = book.add_worksheet();
                worksheet.set_name(sheet).map_err(std::io::Error::other)?;
                for (c, name) in names.iter().enumerate() {
                    worksheet
                        .write_string(0, c as u16, *name)
                        .map_err(std::io::Error::other)?;
                }
                Sink::Xlsx(Box::new(book), 1)
            }
            _ => {
                let file = crate::report::output::Output::open(Some(output))?;
                let mut writer = csv::Writer::from_writer(file);
                writer.write_record(names)?;
                Sink::Csv(Box::new(writer))
            }
        })
    }

    fn write(&mut self, cells: &[String]) -> std::io::Result<()> {
        match self {
            Sink::Csv(writer) => writer.write_record(cells)?,
            Sink::Xlsx(book, row) => {
                let sheet = book
                    .worksheet_from_index(0)
                    .map_err(std::io::Error::other)?;
                for (c, cell) in cells.iter().enumerate() {
                    sheet
                        .write_string(*row, c as u16, cell)
                        .map_err(std::io::Error::other)?;
                }
                *row += 1;
            }
            Sink::Parquet(columns) => {
                for (column, cell) in columns.iter_mut().zip(cells) {
                    column.push(cell.clone());
                }
            }
        }
        Ok(())
    }

    /// Writes what is held and moves the file into place.
    fn finish(self, output: &std::path::Path, names: &[String]) -> std::io::Result<()> {
        match self {
            Sink::Csv(writer) => writer
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|file| file.commit()),
            Sink::Parquet(columns) => {
                let mut file = crate::report::output::Output::open(Some(output))?;
                write_parquet(names, columns, &mut file).and_then(|()| file.commit())
            }
            Sink::Xlsx(mut book, _) => {
                let bytes = book.save_to_buffer().map_err(std::io::Error::other)?;
                let mut file = crate::report::output::Output::open(Some(output))?;
                file.write_all(&bytes).and_then(|()| file.commit())
            }
        }
    }
}

/// A mapping being applied: the output columns, where rows go, and what was done so far.
struct Applying {
    outputs: Vec<Output>,
    sink: Sink,
    applied: Applied,
    cells: Vec<String>,
}

impl Applying {
    /// Maps one row: each output cell taken from its column and put through its transforms in
    /// order; a transform that cannot change a cell leaves it as it was, and says why.
    fn row(&mut self, line: u64, record: &crate::read::csv::Record<'_>) -> std::io::Result<()> {
        if record.iter().all(|c| c.trim().is_empty()) {
            return Ok(());
        }
        self.cells.clear();
        for output in &self.outputs {
            let mut value = record.get(output.from).unwrap_or("").to_string();
            for transform in &output.transforms {
                let key = (output.name.clone(), transform.name());
                match transform.apply(&value, &output.allowed) {
                    Ok(changed) if changed != value.as_str() => {
                        let changed = changed.into_owned();
                        *self.applied.changed.entry(key).or_insert(0) += 1;
                        value = changed;
                    }
                    Ok(_) => {}
                    Err(why) => {
                        let failed = self.applied.failed.entry(key).or_insert((0, Vec::new()));
                        failed.0 += 1;
                        if failed.1.len() < 3 {
                            failed.1.push((line, why));
                        }
                    }
                }
            }
            self.cells.push(value);
        }
        self.applied.rows += 1;
        self.sink.write(&self.cells)
    }
}

/// Rewrites the file in the standard's shape by `mapping`, writes it to `output` (never over the
/// input, the mapping or a file of the standard), and checks what was written.
pub fn apply(
    request: &Request,
    mapping: &std::path::Path,
    output: &std::path::Path,
) -> Result<Applied, RunError> {
    let target = target(request)?;
    let mut read = vec![("the mapping", mapping.to_path_buf())];
    read.extend(
        target
            .standard
            .files
            .iter()
            .map(|f| ("a file of the standard", f.clone())),
    );
    if let Some(path) = target.input.path() {
        read.push(("the file being mapped", path.to_path_buf()));
    }
    inputs::refuse_overwrite("--output", output, &read)?;
    let extension = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !matches!(extension.as_str(), "xlsx" | "parquet" | "csv" | "txt" | "") {
        return Err(RunError::message(format!(
            "--output {}: conform map writes CSV (.csv), a workbook (.xlsx) or Parquet (.parquet), not .{extension}",
            output.display()
        )));
    }
    let table = &target.standard.tables[target.table];
    let io = |e: std::io::Error| {
        RunError::message(format!("cannot map {}: {e}", target.input.display_name()))
    };
    let applying = rows::read_rows(
        &target.input,
        &request.options(),
        |header| {
            let outputs = read_mapping(mapping, &target, header)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            let names: Vec<&str> = outputs.iter().map(|o| o.name.as_str()).collect();
            let sink = Sink::open(output, &table.name, &names)?;
            Ok(Applying {
                cells: Vec::with_capacity(outputs.len()),
                applied: Applied {
                    rows: 0,
                    columns: outputs.len(),
                    changed: BTreeMap::new(),
                    failed: BTreeMap::new(),
                    errors: 0,
                    warnings: 0,
                    errors_by_code: BTreeMap::new(),
                    standard: target.standard.id.clone(),
                    table: table.name.clone(),
                },
                outputs,
                sink,
            })
        },
        |applying, line, record| applying.row(line, record),
    )
    .map_err(io)?;
    let names: Vec<String> = applying.outputs.iter().map(|o| o.name.clone()).collect();
    let mut applied = applying.applied;
    applying.sink.finish(output, &names).map_err(io)?;
    check_written(output, &target.standard, table, &mut applied)?;
    Ok(applied)
}

/// Checks the file written against the table, and counts what the check found.
fn check_written(
    output: &std::path::Path,
    standard: &Standard,
    table: &Table,
    applied: &mut Applied,
) -> Result<(), RunError> {
    let compiled = compile::compile(table)?;
    let report = check::check_file(
        &Input::Path(PathBuf::from(output)),
        &standard.id,
        table,
        &compiled,
        &Options::default(),
    )
    .map_err(|e| RunError::message(format!("cannot check {}: {e}", output.display())))?;
    for finding in &report.findings {
        match finding.severity {
            Severity::Error => {
                applied.errors += 1;
                *applied
                    .errors_by_code
                    .entry(finding.code.as_str().to_string())
                    .or_insert(0) += 1;
            }
            Severity::Warning => applied.warnings += 1,
            Severity::Info => {}
        }
    }
    Ok(())
}

impl Applied {
    /// What was done, for the person who ran it.
    pub fn describe(&self, output: &std::path::Path) -> String {
        let mut text = format!(
            "wrote {}: {} rows, {} columns of {} (table {})\n",
            output.display(),
            thousands(self.rows),
            self.columns,
            self.standard,
            self.table
        );
        let mut keys: Vec<&(String, &'static str)> =
            self.changed.keys().chain(self.failed.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let (column, transform) = key;
            let changed = self.changed.get(key).copied().unwrap_or(0);
            text.push_str(&format!(
                "  {column}: {transform} changed {} {}",
                thousands(changed),
                if changed == 1 { "cell" } else { "cells" }
            ));
            if let Some((n, examples)) = self.failed.get(key) {
                let shown: Vec<String> = examples
                    .iter()
                    .map(|(line, why)| format!("line {line}: {why}"))
                    .collect();
                text.push_str(&format!(
                    "; {} could not be changed and {} as {} ({})",
                    thousands(*n),
                    if *n == 1 { "is written" } else { "are written" },
                    if *n == 1 { "it was" } else { "they were" },
                    shown.join("; ")
                ));
            }
            text.push('\n');
        }
        if self.errors == 0 {
            text.push_str(&format!(
                "✓ {} conforms to {} ({} warnings)\n",
                output.display(),
                self.standard,
                self.warnings
            ));
        } else {
            let codes: Vec<String> = self
                .errors_by_code
                .iter()
                .map(|(code, n)| format!("{code} {n}"))
                .collect();
            text.push_str(&format!(
                "✗ {} still has {} {} ({}), {} warnings: `conform check {} --standard {}` shows them\n",
                output.display(),
                thousands(self.errors as u64),
                if self.errors == 1 { "error" } else { "errors" },
                codes.join(", "),
                self.warnings,
                output.display(),
                self.standard
            ));
        }
        text
    }
}

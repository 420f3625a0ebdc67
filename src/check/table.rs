//! Checking a table that is not delimited text (a workbook's sheet, JSON, JSON Lines, GeoJSON,
//! Parquet): its reader's batches of rows go through the same pipeline as CSV chunks.

use std::sync::mpsc;
use std::sync::Arc;

use csv::StringRecord;
use rayon::prelude::*;

use super::{
    is_blank, keys, pipeline, settle, Batch, FileReport, HeaderPlan, Merger, Options, Pass, Worker,
};
use crate::compile::CompiledTable;
use crate::finding::{Code, Finding};
use crate::read::csv::{Dialect, Record};
use crate::read::detect::{self, Kind};
use crate::read::table::{self as table_reader, TableSource};
use crate::read::Input;
use crate::standard::Table;
use crate::t;

/// What the input is: `--input-format`, else its content (after gzip), with its name as a hint.
pub(crate) fn kind_of(input: &Input, options: &Options) -> std::io::Result<Kind> {
    if let Some(kind) = options.input_format {
        return Ok(kind);
    }
    if matches!(input, Input::Sheet { .. }) {
        return Ok(Kind::Xlsx);
    }
    #[cfg(feature = "parquet")]
    if matches!(input, Input::Frame { .. }) {
        return Ok(Kind::Arrow);
    }
    let named = input.file_name().and_then(detect::by_name);
    let head = input.head(8192)?;
    let kind = detect::by_content(&head, named);
    Ok(match (kind, named) {
        // The zip reader tells the workbook kinds apart; the name is a better guess for xlsb.
        (Kind::Xlsx, Some(Kind::Xlsb)) => Kind::Xlsb,
        (kind, _) => kind,
    })
}

/// Checks a table that is not delimited text: a workbook's sheet, JSON, JSON Lines, GeoJSON.
pub(super) fn check_table(
    input: &Input,
    kind: Kind,
    standard_id: &str,
    table: &Table,
    compiled: &CompiledTable,
    options: &Options,
    pass: Pass,
) -> std::io::Result<FileReport> {
    let mut report = FileReport::new(input, standard_id, table);
    report.format = kind.name();
    let named = input.file_name().and_then(detect::by_name);
    if let (Some(named), false) = (named, matches!(kind, Kind::Other(_))) {
        if named != kind && !(named.is_spreadsheet() && kind.is_spreadsheet()) {
            report.findings.push(
                Finding::text(
                    Code::Input,
                    t!(
                        "table-name-says-other-format",
                        named = named.name(),
                        kind = kind.name()
                    ),
                )
                .with_help_text(Some(t!("table-name-says-other-format-help"))),
            );
        }
    }
    let source = match kind {
        Kind::Other(what) => Err(Finding::text(
            Code::EncodingError,
            t!("table-not-a-table", what = what),
        )
        .with_help_text(Some(t!("table-not-a-table-help")))),
        _ => table_reader::open(input, kind, options.sheet.as_deref())?,
    };
    let source = match source {
        Ok(source) => source,
        Err(finding) => {
            report.findings.push(finding);
            settle(&mut report.findings, compiled, options);
            return Ok(report);
        }
    };
    let second_look = |pending| {
        check_table(
            input,
            kind,
            standard_id,
            table,
            compiled,
            options,
            Pass::Confirm(pending),
        )
    };
    check_source(
        source,
        &mut report,
        table,
        compiled,
        options,
        pass,
        second_look,
    )?;
    Ok(report)
}

fn check_source(
    source: TableSource,
    report: &mut FileReport,
    table: &Table,
    compiled: &CompiledTable,
    options: &Options,
    pass: Pass,
    second_look: impl FnOnce(keys::Pending) -> std::io::Result<FileReport>,
) -> std::io::Result<()> {
    if source.format == "geojson" {
        report.format = "geojson";
    }
    report.locator = source.locator;
    report.header_line = source.header_line;
    report.findings.extend(source.notes);
    let header = StringRecord::from(source.header);
    if is_blank(header.iter()) {
        report.findings.push(
            Finding::text(Code::EmptyFile, t!("table-no-columns"))
                .with_help_text(Some(t!("table-no-columns-help"))),
        );
        settle(&mut report.findings, compiled, options);
        return Ok(());
    }
    // Header findings are on the header's own line (a sheet's header may be below a title).
    let plan = super::plan_for(
        report,
        &header,
        source.header_line,
        table,
        compiled,
        options,
    );
    report.snippets.insert(0, header_line(&header));
    let uk_date_columns = uk_date_columns(compiled, &plan.standard_to_file);
    let batches = source.batches.map(move |batch| {
        batch.map(|mut rows| {
            if !uk_date_columns.is_empty() {
                rows.write_typed_dates_uk(&uk_date_columns);
            }
            Batch::Rows(rows)
        })
    });
    let full_validator = super::full_validator(table, options)?;
    let key_plan = keys::KeyPlan::new(table, compiled, &plan.standard_to_file);
    let mut key_checks = keys::KeyChecks::for_pass(&key_plan, pass);
    let worker = Worker {
        dialect: Dialect { delimiter: b',' },
        plan: &plan,
        compiled,
        key_plan: &key_plan,
        rules: super::rules::rules_for_file(compiled, &plan.standard_to_file),
        schema_path: options.schema_path,
        full_validator: full_validator.as_ref(),
        keys_only: key_checks.is_confirming(),
        profile: options.profile,
        profile_shapes: options.profile_shapes,
        lang: options.lang,
        options,
        full: Default::default(),
    };
    let mut last_line = source.header_line;
    let mut merger = Merger {
        report: &mut *report,
        keys: &mut key_checks,
        last_line: &mut last_line,
        compiled,
        options,
        input_bytes: None,
        bytes_seen: 0,
        reserved: false,
        full: &worker.full,
    };
    let threads = rayon::current_num_threads().max(1);
    let batch = 2 * threads;
    // One thread reads (a Parquet row group at a time) while the pool checks what it has read.
    // What the reader does in parallel (JSON rows, a row group's batches) runs on a pool of its
    // own, as many threads as the check's (`--jobs`), so that reading never waits on checking.
    let readers = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(std::io::Error::other)?;
    let failure = std::thread::scope(|scope| {
        let (batch_tx, batch_rx) = mpsc::sync_channel::<std::io::Result<Batch>>(batch + 2);
        scope.spawn(move || {
            readers.install(|| {
                for item in batches {
                    let failed = item.is_err();
                    if batch_tx.send(item).is_err() || failed {
                        break;
                    }
                }
            })
        });
        pipeline(batch_rx.into_iter(), batch, &mut merger, |pending, cap| {
            pending
                .par_iter()
                .map_init(
                    || worker.dialect.pooled_parser(),
                    |parser, batch| worker.run(batch, parser, cap),
                )
                .collect()
        })
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let tail = super::key_findings(&mut key_checks, report, compiled, options, second_look)?;
    if !key_checks.is_confirming() {
        super::finish(report, tail, table, compiled, options);
        super::keep_keys(report, &mut key_checks);
    }
    Ok(())
}

/// The file columns whose standard column asks for UK dates: a typed date cell in them is
/// written `dd/mm/yyyy` before it is checked (and before its key is taken).
pub(super) fn uk_date_columns(
    compiled: &CompiledTable,
    standard_to_file: &[Option<usize>],
) -> Vec<usize> {
    compiled
        .columns
        .iter()
        .zip(standard_to_file)
        .filter(|(c, _)| c.text.format.is_some_and(|f| f.name == "uk-date"))
        .filter_map(|(_, f)| *f)
        .collect()
}

/// A spreadsheet cell whose formula failed: its error is not a value to check.
pub(super) fn cell_error(
    row: u64,
    line: u64,
    column: usize,
    error: &str,
    plan: &HeaderPlan,
) -> Finding {
    let name = plan
        .names
        .get(column)
        .cloned()
        .unwrap_or_else(|| Arc::from(""));
    Finding::text(
        Code::CellError,
        t!("table-formula-error", column = &name, error = error),
    )
    .at_row(row, line)
    .in_column(Some(column), &name)
    .with_value(error)
    .with_help_text(Some(t!("table-formula-error-help")))
}

/// The header as CSV text, kept as row 0 so that header findings show the header.
fn header_line(header: &StringRecord) -> String {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(header.len());
    for cell in header.iter() {
        let start = text.len();
        text.push_str(cell);
        bounds.push((start, text.len()));
    }
    csv_line(&Record::new(&text, &bounds))
}

/// A row as one CSV line, for a snippet.
pub(super) fn csv_line(record: &Record<'_>) -> String {
    let mut line = String::new();
    for (i, cell) in record.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\"").replace(['\n', '\r'], " "));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line
}

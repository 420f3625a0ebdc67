//! Parquet and Arrow IPC files through polars: typed columns read as a CSV cell of the same value
//! would (dates as ISO dates, timestamps as ISO date-times, decimals exactly, whole floats
//! without `.0`, nulls missing). Locations are row numbers.

use std::io::{self, Cursor};

use polars::prelude::*;

use super::{unreadable, Batcher, Locator, TableSource, MAX_DOCUMENT_BYTES};
use crate::finding::Finding;
use crate::read::detect::Kind;
use crate::read::{Input, TooLarge};

/// How a column's text is mended after polars writes it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mend {
    None,
    /// `2025-04-29 10:00:00` → `2025-04-29T10:00:00`.
    DateTime,
    /// `1500.0` → `1500`.
    Float,
    /// A typed date: marked, so that a standard asking for UK dates sees it written that way.
    Date,
}

pub fn open(input: &Input, kind: Kind) -> io::Result<Result<TableSource, Finding>> {
    let bytes = match input.read_all(MAX_DOCUMENT_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) => {
            return Ok(Err(unreadable(format!(
                "the file is too large to read whole: {e}"
            ))));
        }
        Err(e) => return Err(e),
    };
    let frame = match kind {
        Kind::Parquet => ParquetReader::new(Cursor::new(bytes)).finish(),
        _ => IpcReader::new(Cursor::new(bytes.clone()))
            .finish()
            .or_else(|_| IpcStreamReader::new(Cursor::new(bytes)).finish()),
    };
    let frame = match frame {
        Ok(frame) => frame,
        Err(e) => {
            return Ok(Err(unreadable(format!(
                "the {} file cannot be read: {e}",
                kind.name()
            ))))
        }
    };
    Ok(table(&frame, kind).map_err(|f| *f))
}

fn table(frame: &DataFrame, kind: Kind) -> Result<TableSource, Box<Finding>> {
    let header: Vec<String> = frame
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let mut texts = Vec::with_capacity(frame.width());
    let mut mends = Vec::with_capacity(frame.width());
    for column in frame.columns() {
        let mend = match column.dtype() {
            DataType::Datetime(_, _) => Mend::DateTime,
            DataType::Float32 | DataType::Float64 => Mend::Float,
            DataType::Date => Mend::Date,
            _ => Mend::None,
        };
        let text = column.cast(&DataType::String).map_err(|e| {
            Box::new(unreadable(format!(
                "column `{}` has the type {}, which conform cannot read as values: {e}",
                column.name(),
                column.dtype()
            )))
        })?;
        texts.push(text);
        mends.push(mend);
    }
    let mut iterators = Vec::with_capacity(texts.len());
    for text in &texts {
        let strings = text
            .str()
            .map_err(|e| Box::new(unreadable(format!("a column cannot be read as text: {e}"))))?;
        iterators.push(strings.iter());
    }
    let mut batcher = Batcher::new();
    let mut cells: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(texts.len());
    for row in 0..frame.height() {
        cells.clear();
        let batch = batcher.current();
        let index = batch.len();
        for (column, (iterator, mend)) in iterators.iter_mut().zip(&mends).enumerate() {
            let value = iterator.next().flatten();
            let cell = value.unwrap_or("");
            cells.push(match mend {
                Mend::DateTime => std::borrow::Cow::Owned(cell.replacen(' ', "T", 1)),
                Mend::Float => std::borrow::Cow::Borrowed(cell.strip_suffix(".0").unwrap_or(cell)),
                Mend::Date => {
                    if value.is_some() {
                        batch.typed_dates.push((index, column));
                    }
                    std::borrow::Cow::Borrowed(cell)
                }
                Mend::None => std::borrow::Cow::Borrowed(cell),
            });
        }
        batch.push(row as u64 + 1, cells.iter().map(|c| c.as_ref()));
    }
    Ok(TableSource {
        format: kind.name(),
        header,
        header_line: 0,
        locator: Locator::Rows,
        notes: Vec::new(),
        batches: batcher.finish(),
    })
}

//! Parquet and Arrow IPC files through polars: typed columns read as a CSV cell of the same value
//! would (dates as ISO dates, timestamps as ISO date-times, decimals exactly, whole floats
//! without `.0`, nulls missing). Locations are row numbers.

use std::io::{self, Cursor};
use std::sync::Arc;

use polars_core::prelude::*;
use polars_io::prelude::*;
use rayon::prelude::*;

use super::{
    unreadable, BatchPool, Locator, RowBatch, TableSource, BATCH_ROWS, MAX_DOCUMENT_BYTES,
};
use crate::finding::Finding;
use crate::read::detect::Kind;
use crate::read::{too_large_text, Input, TooLarge};
use crate::t;

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

/// Most cells (rows × columns) of a Parquet row group read at once.
const MAX_CELLS_AT_ONCE: usize = 50_000_000;

pub fn open(input: &Input, kind: Kind) -> io::Result<Result<TableSource, Finding>> {
    if let Input::Frame { frame, .. } = input {
        return Ok(frame_source(Arc::clone(frame), kind).map_err(|f| *f));
    }
    let bytes = match input.read_all(MAX_DOCUMENT_BYTES) {
        Ok(bytes) => Arc::new(bytes),
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) => {
            return Ok(Err(unreadable(t!(
                "read-columnar-too-large",
                reason = too_large_text(&e)
            ))));
        }
        Err(e) => return Err(e),
    };
    let source = match kind {
        Kind::Parquet => parquet(bytes),
        _ => arrow(&bytes, kind),
    };
    Ok(source.map_err(|f| *f))
}

fn cannot_read(kind: Kind, e: impl std::fmt::Display) -> Box<Finding> {
    Box::new(unreadable(t!(
        "read-columnar-unreadable",
        format = kind.name(),
        error = e.to_string()
    )))
}

/// A row group (counted from 1) of more cells than are read at once.
fn too_many(group: usize, rows: usize, columns: usize) -> Box<Finding> {
    Box::new(unreadable(t!(
        "read-columnar-row-group-too-large",
        group = group as i64,
        rows = rows as i64,
        columns = columns as i64,
        max = MAX_CELLS_AT_ONCE as i64
    )))
}

/// An Arrow IPC file (or stream): its columns are decoded whole, then written out as text a
/// slice at a time.
fn arrow(bytes: &[u8], kind: Kind) -> Result<TableSource, Box<Finding>> {
    let frame = IpcReader::new(Cursor::new(bytes))
        .finish()
        .or_else(|_| IpcStreamReader::new(Cursor::new(bytes)).finish())
        .map_err(|e| cannot_read(kind, e))?;
    frame_source(Arc::new(frame), kind)
}

/// Columns in memory, read as text a slice at a time as the checker asks for rows: the text of
/// one slice is held, not the text of the whole frame. The first slice is written at once, so
/// that a column conform cannot read as text makes the file unreadable before any row is checked.
fn frame_source(frame: Arc<DataFrame>, kind: Kind) -> Result<TableSource, Box<Finding>> {
    let slice_rows = (SLICE_CELLS / frame.width().max(1)).max(1);
    let mut slices = FrameSlices {
        frame,
        slice_rows,
        offset: 0,
        pending: std::collections::VecDeque::new(),
        pool: BatchPool::default(),
    };
    let header = match slices.write_next() {
        Some(header) => header?,
        None => slices
            .frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect(),
    };
    Ok(TableSource {
        format: kind.name(),
        header,
        header_line: 0,
        locator: Locator::Rows,
        notes: Vec::new(),
        batches: Box::new(slices),
    })
}

/// Cells written as text at once from a frame in memory: a few batches' worth per slice.
const SLICE_CELLS: usize = 2_000_000;

/// The rows of a frame in memory, written as text one slice at a time.
struct FrameSlices {
    frame: Arc<DataFrame>,
    /// Rows written as text at once.
    slice_rows: usize,
    offset: usize,
    pending: std::collections::VecDeque<RowBatch>,
    pool: BatchPool,
}

impl FrameSlices {
    /// Writes the next slice's rows into `pending` and gives the header; `None` at the end.
    fn write_next(&mut self) -> Option<Result<Vec<String>, Box<Finding>>> {
        if self.offset >= self.frame.height() {
            return None;
        }
        // A slice shares the frame's buffers: only its text is new.
        let slice = self.frame.slice(self.offset as i64, self.slice_rows);
        let first_row = self.offset as u64;
        self.offset += slice.height().max(1);
        let written = super::guarded("Arrow reader", || batches(&slice, first_row, &self.pool))
            .unwrap_or_else(|message| Err(Box::new(unreadable(message))));
        Some(match written {
            Ok((header, batches)) => {
                self.pending.extend(batches);
                Ok(header)
            }
            Err(finding) => {
                // Nothing after a slice that cannot be written is read.
                self.offset = self.frame.height();
                Err(finding)
            }
        })
    }
}

impl Iterator for FrameSlices {
    type Item = io::Result<RowBatch>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.pending.is_empty() {
            if let Err(finding) = self.write_next()? {
                return Some(Err(io::Error::other(
                    finding.message_in(crate::i18n::Lang::En),
                )));
            }
        }
        self.pending.pop_front().map(Ok)
    }
}

/// A Parquet file, read a row group at a time as the checker asks for rows, so that memory holds
/// a row group or two, not the file.
fn parquet(bytes: Arc<Vec<u8>>) -> Result<TableSource, Box<Finding>> {
    let metadata = ParquetReader::new(Cursor::new(bytes.as_slice()))
        .get_metadata()
        .map_err(|e| cannot_read(Kind::Parquet, e))?
        .clone();
    let groups: Vec<usize> = metadata.row_groups.iter().map(|g| g.num_rows()).collect();
    let mut row_groups = RowGroups {
        bytes,
        metadata,
        groups,
        next: 0,
        offset: 0,
        pending: std::collections::VecDeque::new(),
        pool: BatchPool::default(),
    };
    // The first row group gives the header; a file without rows still has its columns.
    let header = match row_groups.read_next()? {
        Some(header) => header,
        None => {
            let frame = ParquetReader::new(Cursor::new(row_groups.bytes.as_slice()))
                .with_slice(Some((0, 0)))
                .finish()
                .map_err(|e| cannot_read(Kind::Parquet, e))?;
            frame
                .get_column_names()
                .iter()
                .map(|n| n.to_string())
                .collect()
        }
    };
    Ok(TableSource {
        format: "parquet",
        header,
        header_line: 0,
        locator: Locator::Rows,
        notes: Vec::new(),
        batches: Box::new(row_groups),
    })
}

/// The row groups of a Parquet file, read one at a time.
struct RowGroups {
    bytes: Arc<Vec<u8>>,
    metadata: polars_io::parquet::metadata::FileMetadataRef,
    groups: Vec<usize>,
    next: usize,
    offset: usize,
    pending: std::collections::VecDeque<RowBatch>,
    pool: BatchPool,
}

impl RowGroups {
    /// Reads the next row group into `pending`; returns its header, `None` at the end.
    fn read_next(&mut self) -> Result<Option<Vec<String>>, Box<Finding>> {
        let Some(&rows) = self.groups.get(self.next) else {
            return Ok(None);
        };
        let columns = self.metadata.schema().fields().len().max(1);
        if rows.saturating_mul(columns) > MAX_CELLS_AT_ONCE {
            return Err(too_many(self.next + 1, rows, columns));
        }
        let mut reader = ParquetReader::new(Cursor::new(self.bytes.as_slice()));
        reader.set_metadata(self.metadata.clone());
        let frame = reader
            .with_slice(Some((self.offset, rows)))
            .finish()
            .map_err(|e| cannot_read(Kind::Parquet, e))?;
        let (header, batches) = batches(&frame, self.offset as u64, &self.pool)?;
        self.pending.extend(batches);
        self.next += 1;
        self.offset += rows;
        Ok(Some(header))
    }
}

impl Iterator for RowGroups {
    type Item = io::Result<RowBatch>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.pending.is_empty() {
            let read = super::guarded("Parquet reader", || self.read_next())
                .unwrap_or_else(|message| Err(Box::new(unreadable(message))));
            match read {
                Ok(Some(_)) => {}
                Ok(None) => return None,
                Err(finding) => {
                    return Some(Err(io::Error::other(
                        finding.message_in(crate::i18n::Lang::En),
                    )))
                }
            }
        }
        self.pending.pop_front().map(Ok)
    }
}

/// A frame's column names, and its rows as batches numbered from `first_row + 1`.
#[allow(clippy::type_complexity)]
fn batches(
    frame: &DataFrame,
    first_row: u64,
    pool: &BatchPool,
) -> Result<(Vec<String>, Vec<RowBatch>), Box<Finding>> {
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
            Box::new(unreadable(t!(
                "read-columnar-column-type",
                column = column.name().to_string(),
                dtype = column.dtype().to_string(),
                error = e.to_string()
            )))
        })?;
        texts.push(text);
        mends.push(mend);
    }
    let mut strings = Vec::with_capacity(texts.len());
    for text in &texts {
        strings.push(text.str().map_err(|e| {
            Box::new(unreadable(t!(
                "read-columnar-not-text",
                error = e.to_string()
            )))
        })?);
    }
    // Each batch of rows is made on its own thread from its slice of the columns (turning the
    // columns' values into cells is most of the reading), and the batches are kept in order.
    let height = frame.height();
    let starts: Vec<usize> = (0..height).step_by(BATCH_ROWS).collect();
    let batches = starts
        .par_iter()
        .map(|&start| {
            let rows = BATCH_ROWS.min(height - start);
            let sliced: Vec<StringChunked> = strings
                .iter()
                .map(|column| column.slice(start as i64, rows))
                .collect();
            // Each column's values for these rows, read from its arrays directly (a null is
            // `None`), and the text they come to, so that the batch is sized once.
            let mut text_bytes = 0;
            let values: Vec<Vec<Option<&str>>> = sliced
                .iter()
                .map(|column| {
                    let mut values = Vec::with_capacity(rows);
                    for array in column.downcast_iter() {
                        text_bytes += array.total_bytes_len();
                        values.extend(array.iter());
                    }
                    values
                })
                .collect();
            let mut batch = pool.batch(rows, rows * values.len(), text_bytes);
            let mut cells: Vec<std::borrow::Cow<'_, str>> = Vec::with_capacity(values.len());
            for row in 0..rows {
                cells.clear();
                for (column, (values, mend)) in values.iter().zip(&mends).enumerate() {
                    let value = values.get(row).copied().flatten();
                    let cell = value.unwrap_or("");
                    cells.push(match mend {
                        Mend::DateTime => std::borrow::Cow::Owned(cell.replacen(' ', "T", 1)),
                        Mend::Float => {
                            std::borrow::Cow::Borrowed(cell.strip_suffix(".0").unwrap_or(cell))
                        }
                        Mend::Date => {
                            if value.is_some() {
                                batch.typed_dates.push((row, column));
                            }
                            std::borrow::Cow::Borrowed(cell)
                        }
                        Mend::None => std::borrow::Cow::Borrowed(cell),
                    });
                }
                let line = first_row + (start + row) as u64 + 1;
                batch.push(line, cells.iter().map(|c| c.as_ref()));
            }
            batch
        })
        .collect();
    Ok((header, batches))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(source: TableSource) -> Vec<(u64, Vec<String>)> {
        let mut rows = Vec::new();
        for batch in source.batches {
            let batch = batch.expect("a batch");
            for i in 0..batch.len() {
                let (line, record) = batch.record(i);
                rows.push((line, record.iter().map(str::to_string).collect()));
            }
        }
        rows
    }

    fn frame() -> DataFrame {
        let ids: Vec<i64> = (1..=10_000).collect();
        let amounts: Vec<Option<f64>> = (1..=10_000)
            .map(|i| (i % 7 != 0).then_some(i as f64 * 1.5))
            .collect();
        DataFrame::new(
            10_000,
            vec![
                Column::new("id".into(), ids),
                Column::new("amount".into(), amounts),
            ],
        )
        .expect("a frame")
    }

    #[test]
    fn a_frame_read_in_slices_gives_the_rows_read_whole() {
        let whole = frame_source(Arc::new(frame()), Kind::Arrow).expect("a source");
        assert_eq!(whole.header, ["id", "amount"]);
        let whole = rows_of(whole);
        let mut sliced = frame_source(Arc::new(frame()), Kind::Arrow).expect("a source");
        // Slices that end inside a batch and do not divide the rows.
        let slices = FrameSlices {
            frame: Arc::new(frame()),
            slice_rows: 997,
            offset: 0,
            pending: std::collections::VecDeque::new(),
            pool: BatchPool::default(),
        };
        sliced.batches = Box::new(slices);
        let sliced = rows_of(sliced);
        assert_eq!(sliced.len(), 10_000);
        assert_eq!(sliced, whole);
        assert_eq!(sliced[6], (7, vec!["7".to_string(), String::new()]));
        assert_eq!(
            sliced[9_999],
            (10_000, vec!["10000".to_string(), "15000".to_string()])
        );
    }
}

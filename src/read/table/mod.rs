//! Tables that are not delimited text: spreadsheets, JSON, JSON Lines and GeoJSON, read into
//! batches of text cells that the checker treats as it treats CSV records. Each keeps its own way
//! of saying where a cell is (`Sheet!C12`, a JSON pointer, a line).

#[cfg(feature = "parquet")]
mod columnar;
mod json;
mod sheet;
mod xls_extent;

pub(crate) use sheet::check_unpacked_size;

use std::io;

use super::csv::Record;
use super::detect::Kind;
use super::Input;
use crate::finding::Finding;
use crate::i18n::{Text, TextArg};
use crate::spares::Spares;
use crate::t;

/// Rows of one table, as text cells without a copy per cell: one text buffer and cell bounds.
#[derive(Default)]
pub struct RowBatch {
    text: String,
    bounds: Vec<(usize, usize)>,
    rows: Vec<RowSpan>,
    /// Cells that hold a spreadsheet formula error: (row in the batch, file column, error text).
    pub cell_errors: Vec<(usize, usize, &'static str)>,
    /// Findings the reader made about rows of this batch (rows counted from 1 in the batch).
    pub findings: Vec<Finding>,
    /// Cells that were typed dates (a workbook's date cells), written `YYYY-MM-DD`: (row in the
    /// batch, file column).
    pub typed_dates: Vec<(usize, usize)>,
    /// Where a JSON row's values are in the file: (row in the batch, file column, line,
    /// character column), in row order.
    pub places: Vec<(usize, usize, u64, u64)>,
    /// Where the batch's memory goes back when the checker is done with it.
    pool: Option<BatchPool>,
}

impl Drop for RowBatch {
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            pool.give_back(Buffers {
                text: std::mem::take(&mut self.text),
                bounds: std::mem::take(&mut self.bounds),
                rows: std::mem::take(&mut self.rows),
            });
        }
    }
}

/// The memory of batches the checker is done with, for a reader's next batches. A Parquet file
/// was read into fresh memory batch after batch, and the kernel's work of mapping it in was
/// a fifth of the read's time. The pool belongs to one reader and goes with it and its batches.
#[derive(Clone)]
pub(crate) struct BatchPool(Spares<Buffers>);

impl Default for BatchPool {
    fn default() -> BatchPool {
        /// More than the batches in flight between a reader and the checking threads.
        const KEPT: usize = 32;
        BatchPool(Spares::new(KEPT))
    }
}

pub(crate) struct Buffers {
    text: String,
    bounds: Vec<(usize, usize)>,
    rows: Vec<RowSpan>,
}

impl BatchPool {
    /// An empty batch with room for `rows` rows of `cells` cells in all, and `text` bytes, in
    /// memory a finished batch held when there is one.
    pub fn batch(&self, rows: usize, cells: usize, text: usize) -> RowBatch {
        let mut batch = RowBatch::default();
        if let Some(spare) = self.0.take() {
            batch.text = spare.text;
            batch.bounds = spare.bounds;
            batch.rows = spare.rows;
        }
        batch.text.reserve(text);
        batch.bounds.reserve(cells);
        batch.rows.reserve(rows);
        batch.pool = Some(self.clone());
        batch
    }

    fn give_back(&self, mut buffers: Buffers) {
        buffers.text.clear();
        buffers.bounds.clear();
        buffers.rows.clear();
        self.0.give_back(buffers);
    }
}

struct RowSpan {
    line: u64,
    start: usize,
    end: usize,
}

impl RowBatch {
    /// Adds a row that starts on `line` (a sheet's row number, a line of the file).
    pub fn push<'a>(&mut self, line: u64, cells: impl IntoIterator<Item = &'a str>) {
        let start = self.bounds.len();
        for cell in cells {
            let at = self.text.len();
            self.text.push_str(cell);
            self.bounds.push((at, self.text.len()));
        }
        self.rows.push(RowSpan {
            line,
            start,
            end: self.bounds.len(),
        });
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Rewrites the typed dates of `columns` as dd/mm/yyyy, for a standard that asks for UK dates:
    /// a date cell is a date, whatever way of writing it the standard asks of text.
    pub fn write_typed_dates_uk(&mut self, columns: &[usize]) {
        for &(row, column) in &self.typed_dates {
            if !columns.contains(&column) {
                continue;
            }
            let span = &self.rows[row];
            let Some(&(start, end)) = self
                .bounds
                .get(span.start + column)
                .filter(|_| span.start + column < span.end)
            else {
                continue;
            };
            let iso = &self.text[start..end];
            if iso.len() == 10 && crate::formats::is_iso_date(iso) {
                let uk = format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[..4]);
                self.text.replace_range(start..end, &uk);
            }
        }
    }

    /// Bytes of text held, for progress and sizing.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// Row `i`: its line and its cells.
    pub fn record(&self, i: usize) -> (u64, Record<'_>) {
        let span = &self.rows[i];
        (
            span.line,
            Record::new(&self.text, &self.bounds[span.start..span.end]),
        )
    }
}

/// How a format says where a finding is.
#[derive(Clone, Debug, Default)]
pub enum Locator {
    /// Delimited text: line and column.
    #[default]
    Lines,
    /// A worksheet: `Sheet!C12`, the line being the sheet's row number.
    Sheet { name: String, first_column: u32 },
    /// JSON: a pointer to the row's value (`/grants/3/Amount Awarded`), `prefix` leading to the
    /// array of rows.
    Json { prefix: String, geo: bool },
    /// JSON Lines: the line.
    JsonLines,
    /// Parquet and Arrow: the row number.
    Rows,
}

impl Locator {
    /// Where a cell (or row, or header cell) is, in the format's own terms; `None` for text,
    /// whose reports give line and column already.
    pub fn locate(
        &self,
        row: Option<u64>,
        line: Option<u64>,
        column: Option<usize>,
        name: Option<&str>,
    ) -> Option<String> {
        match self {
            Locator::Lines => None,
            Locator::Sheet {
                name: sheet,
                first_column,
            } => {
                let line = line?;
                let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_')
                    && !sheet.starts_with(|c: char| c.is_ascii_digit())
                    && !looks_like_a_cell(sheet);
                let sheet = if plain {
                    sheet.clone()
                } else {
                    format!("'{}'", sheet.replace('\'', "''"))
                };
                Some(match column {
                    Some(c) => {
                        format!("{sheet}!{}{line}", column_letters(*first_column + c as u32))
                    }
                    None => format!("{sheet}!{line}:{line}"),
                })
            }
            Locator::Json { prefix, geo } => {
                let row = row?;
                let mut pointer = format!("{prefix}/{}", row.saturating_sub(1));
                match name {
                    // A feature's geometry is its own member; its other columns its properties.
                    Some("geometry" | "point") if *geo => pointer.push_str("/geometry"),
                    Some(name) => {
                        if *geo {
                            pointer.push_str("/properties");
                        }
                        pointer.push('/');
                        pointer.push_str(&crate::json_pointer::escape(name));
                    }
                    None => {}
                }
                Some(pointer)
            }
            Locator::JsonLines => line.map(|l| format!("line {l}")),
            Locator::Rows => Some(match row {
                Some(row) => format!("row {row}"),
                None => "header".to_string(),
            }),
        }
    }
}

/// A sheet name Excel would take for a cell (`A1`, `XFD10`): it must be quoted.
fn looks_like_a_cell(name: &str) -> bool {
    let letters = name.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    (1..=3).contains(&letters)
        && name.len() > letters
        && name[letters..].chars().all(|c| c.is_ascii_digit())
}

/// `0` as `A`, `27` as `AB`: a spreadsheet's column letters.
pub fn column_letters(index: u32) -> String {
    let mut n = index as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A table ready to check.
pub struct TableSource {
    pub format: &'static str,
    pub header: Vec<String>,
    /// The header's line (a sheet's row number; 1 for JSON).
    pub header_line: u64,
    pub locator: Locator,
    /// Notes about how the table was found (a title block skipped, the sheet chosen).
    pub notes: Vec<Finding>,
    /// The rows, batch by batch, read as they are asked for where the format allows.
    pub batches: Box<dyn Iterator<Item = io::Result<RowBatch>> + Send>,
}

/// Rows a batch holds: enough to keep a worker busy, few enough to spread over threads.
const BATCH_ROWS: usize = 4096;

/// Most bytes a spreadsheet or JSON document may unpack to: they are read whole.
pub const MAX_DOCUMENT_BYTES: u64 = 1 << 30;

/// Reads `input` (of `kind`) as a table. A file that cannot be read as one gives a finding.
pub fn open(
    input: &Input,
    kind: Kind,
    sheet: Option<&str>,
) -> io::Result<Result<TableSource, Finding>> {
    match kind {
        Kind::Xlsx | Kind::Xlsb | Kind::Xls | Kind::Ods => {
            guarded("spreadsheet reader", || sheet::open(input, kind, sheet))
                .unwrap_or_else(|message| Ok(Err(unreadable(message))))
        }
        Kind::Json => json::open(input),
        Kind::JsonLines => json::open_lines(input),
        #[cfg(feature = "parquet")]
        Kind::Parquet | Kind::Arrow => {
            guarded("Parquet and Arrow reader", || columnar::open(input, kind))
                .unwrap_or_else(|message| Ok(Err(unreadable(message))))
        }
        _ => Ok(Err(unreadable(t!(
            "read-table-unsupported",
            format = kind.name()
        )))),
    }
}

/// Runs a reader of the field on a file: should it panic on a malformed file (it is not our code),
/// the panic becomes a message, so that the file is reported as damaged and the run goes on.
pub(crate) fn guarded<T>(reader: &str, read: impl FnOnce() -> T) -> Result<T, Text> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        t!(
            "read-reader-failed",
            reader = reader_text(reader),
            detail = detail
        )
    })
}

/// A reader's name in words for a finding (`spreadsheet reader`); a name this file does not
/// know is shown as it is.
fn reader_text(reader: &str) -> TextArg {
    match reader {
        "spreadsheet reader" => t!("read-reader-spreadsheet").into(),
        "Parquet and Arrow reader" => t!("read-reader-parquet-arrow").into(),
        "Arrow reader" => t!("read-reader-arrow").into(),
        "Parquet reader" => t!("read-reader-parquet").into(),
        other => other.into(),
    }
}

fn unreadable(message: Text) -> Finding {
    Finding::text(crate::finding::Code::ParseError, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch made from a finished one's memory holds its own rows only.
    #[test]
    fn a_batch_from_the_pool_starts_empty() {
        let pool = BatchPool::default();
        let mut first = pool.batch(2, 4, 16);
        first.push(2, ["a", "b"]);
        first.push(3, ["c", "d"]);
        first.findings.push(Finding::text(
            crate::finding::Code::ParseError,
            t!("read-json-too-deep"),
        ));
        let memory = first.text.as_ptr();
        drop(first);
        let mut second = pool.batch(1, 2, 8);
        assert_eq!(second.text.as_ptr(), memory, "the memory is reused");
        assert!(second.is_empty() && second.findings.is_empty() && second.bytes() == 0);
        second.push(7, ["x"]);
        let (line, record) = second.record(0);
        assert_eq!(line, 7);
        assert_eq!(record.iter().collect::<Vec<_>>(), ["x"]);
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn locations_in_each_format() {
        let sheet = Locator::Sheet {
            name: "Data".into(),
            first_column: 3,
        };
        assert_eq!(
            sheet.locate(Some(1), Some(12), Some(2), None).as_deref(),
            Some("Data!F12")
        );
        let spaced = Locator::Sheet {
            name: "Part 1".into(),
            first_column: 0,
        };
        assert_eq!(
            spaced.locate(Some(1), Some(2), Some(0), None).as_deref(),
            Some("'Part 1'!A2")
        );
        let json = Locator::Json {
            prefix: "/grants".into(),
            geo: false,
        };
        assert_eq!(
            json.locate(Some(4), Some(40), Some(1), Some("Amount Awarded"))
                .as_deref(),
            Some("/grants/3/Amount Awarded")
        );
        let geo = Locator::Json {
            prefix: "/features".into(),
            geo: true,
        };
        assert_eq!(
            geo.locate(Some(2), Some(9), Some(0), Some("name"))
                .as_deref(),
            Some("/features/1/properties/name")
        );
        assert_eq!(
            geo.locate(Some(2), Some(9), Some(3), Some("geometry"))
                .as_deref(),
            Some("/features/1/geometry")
        );
        let digits = Locator::Sheet {
            name: "2024".into(),
            first_column: 0,
        };
        assert_eq!(
            digits.locate(Some(1), Some(2), Some(0), None).as_deref(),
            Some("'2024'!A2")
        );
        assert_eq!(
            Locator::JsonLines
                .locate(Some(1), Some(7), None, None)
                .as_deref(),
            Some("line 7")
        );
    }
}

//! Workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine. Cells keep their value, not their
//! display text: a date cell is an ISO 8601 date (a date and time only when it has a time),
//! numbers print without a spurious `.0`, booleans as `true`/`false`, and formula errors are
//! findings. A title block above the header is found and skipped, with a note.

use std::collections::BTreeMap;
use std::io::{self, Cursor, Read, Seek};

use calamine::{Data, DataRef, Reader, SheetType};

use super::{
    unreadable, BatchPool, Locator, RowBatch, TableSource, BATCH_ROWS, MAX_DOCUMENT_BYTES,
};
use crate::finding::{Code, Finding};
use crate::i18n::{Text, TextArg};
use crate::read::detect::Kind;
use crate::read::{too_large_text, Input, TooLarge};
use crate::t;

/// One non-empty cell as read: text, a typed date (written `YYYY-MM-DD`), or a formula error.
enum Cell {
    Text(String),
    Date(String),
    Error(&'static str),
}

/// What a kept cell is.
#[derive(Clone, Copy, PartialEq, Debug)]
enum CellKind {
    Text,
    Date,
    /// A formula error, by its place in [`ERRORS`] (a byte, to keep a cell small).
    Error(u8),
}

/// A kept cell: its column and where its text is in the grid's one text buffer. Sixteen bytes a
/// cell, instead of a string of its own (a million-row sheet has fifteen million cells).
#[derive(Clone, Copy, Debug)]
struct Kept {
    column: u32,
    kind: CellKind,
    start: u32,
    end: u32,
}

/// The non-empty cells of a sheet by row, each row's cells by column, their text in one buffer.
#[derive(Default)]
struct Grid {
    rows: BTreeMap<u32, Vec<Kept>>,
    text: String,
}

impl Grid {
    fn add(&mut self, row: u32, column: u32, cell: Cell) -> Result<(), TextArg> {
        let (kind, text) = match &cell {
            Cell::Text(text) => (CellKind::Text, text.as_str()),
            Cell::Date(text) => (CellKind::Date, text.as_str()),
            Cell::Error(error) => {
                let index = ERRORS.iter().position(|e| e == error).unwrap_or(0);
                (CellKind::Error(index as u8), "")
            }
        };
        let start = self.text.len();
        self.text.push_str(text);
        let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(self.text.len())) else {
            return Err(t!("read-sheet-over-4gb").into());
        };
        self.rows.entry(row).or_default().push(Kept {
            column,
            kind,
            start,
            end,
        });
        Ok(())
    }
}

/// A kept cell's text (a formula error's is the error, such as `#N/A`).
fn text_of<'a>(text: &'a str, cell: &Kept) -> &'a str {
    match cell.kind {
        CellKind::Error(index) => ERRORS[usize::from(index)],
        _ => &text[cell.start as usize..cell.end as usize],
    }
}

/// Most cells read from one sheet: bounds memory whatever a workbook claims.
const MAX_CELLS: usize = 50_000_000;
/// Excel's own limits: cells beyond them are not part of any sheet a person can see.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;
/// Cells a row may hold beyond the header's last column (each an `extra-cell`): more are ignored.
const MAX_EXTRA_COLUMNS: usize = 64;
/// Most sheets looked at for the first that holds a table.
const MAX_SHEETS_SEARCHED: usize = 200;
/// Rows searched for the header under a title block.
const HEADER_SEARCH_ROWS: usize = 30;

pub fn open(
    input: &Input,
    kind: Kind,
    wanted: Option<&str>,
) -> io::Result<Result<TableSource, Finding>> {
    let bytes = match input.read_all(MAX_DOCUMENT_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) => {
            return Ok(Err(unreadable(t!(
                "read-workbook-too-large",
                reason = too_large_text(&e)
            ))));
        }
        Err(e) => return Err(e),
    };
    let sized = match kind {
        Kind::Xls => super::xls_extent::check(&bytes),
        _ => check_unpacked_size(Cursor::new(&bytes)),
    };
    if let Err(problem) = sized {
        return Ok(Err(
            unreadable(problem).with_help_text(Some(t!("read-workbook-damaged-help")))
        ));
    }
    let wanted = match (wanted, input) {
        (Some(sheet), _) => Some(sheet.to_string()),
        (None, Input::Sheet { sheet, .. }) => Some(sheet.clone()),
        _ => None,
    };
    let mut book = match Book::open(kind, bytes) {
        Ok(book) => book,
        Err(e) => return Ok(Err(unreadable(t!("read-workbook-unreadable", error = e)))),
    };
    // A sheet asked for by name or number that the workbook lacks is the user's mistake, not the
    // file's: the run stops and says which sheets there are.
    if let Some(sheet) = &wanted {
        let names = book.sheet_names();
        if let Err(message) = find_sheet(&names, sheet) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                message.english(),
            ));
        }
    }
    Ok(book.table(wanted.as_deref()).map_err(|f| *f))
}

/// A zip bomb is refused before anything is unpacked: the sizes its directory declares bound
/// what the zip reader will give out.
pub(crate) fn check_unpacked_size<R: Read + Seek>(reader: R) -> Result<(), Text> {
    let archive = zip::ZipArchive::new(reader)
        .map_err(|e| t!("read-workbook-not-zip", error = e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(entry) = archive.by_index_data(i) {
            total = total.saturating_add(entry.size());
        }
    }
    if total > 4 * MAX_DOCUMENT_BYTES {
        return Err(t!(
            "read-workbook-zip-bomb",
            megabytes = (total >> 20) as i64,
            limit = ((4 * MAX_DOCUMENT_BYTES) >> 20) as i64
        ));
    }
    Ok(())
}

/// Reads a sheet cell by cell through calamine's `worksheet_cells_reader`.
macro_rules! read_cells {
    ($book:expr, $name:expr, $add:expr) => {{
        let mut cells = $book
            .worksheet_cells_reader($name)
            .map_err(|e| e.to_string())?;
        while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
            let (row, column) = cell.get_position();
            if let Some(value) = from_ref(cell.get_value()) {
                $add(row, column, value)?;
            }
        }
    }};
}

enum Book {
    Xlsx(calamine::Xlsx<Cursor<Vec<u8>>>),
    Xlsb(calamine::Xlsb<Cursor<Vec<u8>>>),
    Xls(calamine::Xls<Cursor<Vec<u8>>>),
    Ods(calamine::Ods<Cursor<Vec<u8>>>),
}

impl Book {
    fn open(kind: Kind, bytes: Vec<u8>) -> Result<Book, String> {
        let cursor = Cursor::new(bytes);
        Ok(match kind {
            Kind::Xlsb => Book::Xlsb(calamine::Xlsb::new(cursor).map_err(|e| e.to_string())?),
            Kind::Xls => Book::Xls(calamine::Xls::new(cursor).map_err(|e| e.to_string())?),
            Kind::Ods => Book::Ods(calamine::Ods::new(cursor).map_err(|e| e.to_string())?),
            _ => Book::Xlsx(calamine::Xlsx::new(cursor).map_err(|e| e.to_string())?),
        })
    }

    /// The worksheets, in the workbook's order (chart sheets left out).
    fn sheet_names(&self) -> Vec<String> {
        let metadata = match self {
            Book::Xlsx(b) => b.sheets_metadata(),
            Book::Xlsb(b) => b.sheets_metadata(),
            Book::Xls(b) => b.sheets_metadata(),
            Book::Ods(b) => b.sheets_metadata(),
        };
        metadata
            .iter()
            .filter(|s| s.typ == SheetType::WorkSheet)
            .map(|s| s.name.clone())
            .collect()
    }

    /// The non-empty cells of a sheet. xlsx and xlsb are read cell by cell, so a sheet that
    /// claims a huge area costs only the cells it has.
    fn grid(&mut self, name: &str) -> Result<Grid, TextArg> {
        let mut grid = Grid::default();
        let mut count = 0usize;
        let mut add = |row: u32, column: u32, cell: Cell| -> Result<(), TextArg> {
            if row >= MAX_ROWS || column >= MAX_COLUMNS {
                return Ok(());
            }
            count += 1;
            if count > MAX_CELLS {
                return Err(t!("read-sheet-too-many-cells", max = MAX_CELLS as i64).into());
            }
            grid.add(row, column, cell)
        };
        match self {
            // The two cell readers are different types with the same methods.
            Book::Xlsx(book) => read_cells!(book, name, add),
            Book::Xlsb(book) => read_cells!(book, name, add),
            Book::Xls(book) => {
                let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
                add_range(&range, &mut add)?;
            }
            Book::Ods(book) => {
                let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
                add_range(&range, &mut add)?;
            }
        }
        for cells in grid.rows.values_mut() {
            cells.sort_by_key(|cell| cell.column);
        }
        Ok(grid)
    }

    /// The table of the sheet asked for, or of the first sheet that holds one.
    fn table(&mut self, wanted: Option<&str>) -> Result<TableSource, Box<Finding>> {
        let names = self.sheet_names();
        let chosen: Vec<String> = match wanted {
            Some(wanted) => vec![find_sheet(&names, wanted)
                .map_err(|message| Box::new(Finding::text(Code::EmptyFile, message)))?],
            None => names.iter().take(MAX_SHEETS_SEARCHED).cloned().collect(),
        };
        let mut notes = Vec::new();
        for (n, name) in chosen.iter().enumerate() {
            let grid = self
                .grid(name)
                .map_err(|e| unreadable(t!("read-sheet-unreadable", sheet = name, reason = e)))?;
            let Some(header_row) = find_header(&grid) else {
                if wanted.is_some() {
                    return Err(Box::new(
                        Finding::text(Code::EmptyFile, t!("read-sheet-no-header", sheet = name))
                            .with_help_text(Some(t!("read-sheet-no-header-help"))),
                    ));
                }
                continue;
            };
            if names.len() > 1 && wanted.is_none() {
                let sheets = names.len() as i64;
                notes.push(note(if n > 0 {
                    let skipped = names[..n]
                        .iter()
                        .map(|s| format!("`{s}`"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    t!(
                        "read-sheet-chosen-after",
                        sheets = sheets,
                        sheet = name,
                        skipped = skipped
                    )
                } else {
                    t!("read-sheet-chosen", sheets = sheets, sheet = name)
                }));
            }
            return Ok(build(name, grid, header_row, notes));
        }
        Err(Box::new(
            Finding::text(Code::EmptyFile, t!("read-workbook-no-table"))
                .with_help_text(Some(t!("read-workbook-no-table-help"))),
        ))
    }
}

fn note(message: Text) -> Finding {
    Finding::text(Code::Input, message)
}

/// A sheet by name (exactly, then ignoring case and surrounding spaces) or by number from 1;
/// otherwise what to write instead.
fn find_sheet(names: &[String], wanted: &str) -> Result<String, Text> {
    let loosely = |n: &&String| n.trim().eq_ignore_ascii_case(wanted.trim());
    if let Some(found) = names
        .iter()
        .find(|n| *n == wanted)
        .or_else(|| names.iter().find(loosely))
    {
        return Ok(found.clone());
    }
    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    if let Ok(number) = wanted.trim().parse::<usize>() {
        return match number.checked_sub(1).and_then(|i| names.get(i)) {
            Some(found) => Ok(found.clone()),
            None => Err(t!(
                "read-sheet-number-missing",
                wanted = wanted,
                count = names.len() as i64,
                sheets = listed.join(", ")
            )),
        };
    }
    let sheets = listed.join(", ");
    Err(
        match crate::suggest::closest(wanted, names.iter().map(String::as_str)) {
            Some(guess) => t!(
                "read-sheet-missing-guess",
                wanted = wanted,
                guess = guess,
                sheets = sheets
            ),
            None => t!("read-sheet-missing", wanted = wanted, sheets = sheets),
        },
    )
}

fn add_range(
    range: &calamine::Range<Data>,
    add: &mut impl FnMut(u32, u32, Cell) -> Result<(), TextArg>,
) -> Result<(), TextArg> {
    let Some((top, left)) = range.start() else {
        return Ok(());
    };
    for (row, column, value) in range.used_cells() {
        if let Some(cell) = from_data(value) {
            add(top + row as u32, left + column as u32, cell)?;
        }
    }
    Ok(())
}

fn from_ref(value: &DataRef<'_>) -> Option<Cell> {
    match value {
        DataRef::SharedString(s) => (!s.is_empty()).then(|| Cell::Text(s.to_string())),
        other => from_data(&Data::from(other.clone())),
    }
}

/// A cell's value as the text a CSV export of the same value would hold.
fn from_data(value: &Data) -> Option<Cell> {
    Some(Cell::Text(match value {
        Data::Empty => return None,
        Data::String(s) if s.is_empty() => return None,
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => return Some(date_cell(date_time(dt))),
        Data::DateTimeIso(s) => {
            return Some(date_cell(
                s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
            ))
        }
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Some(Cell::Error(error_text(e))),
    }))
}

/// A date cell: a date alone is marked as one, a date and time is text.
fn date_cell(text: String) -> Cell {
    if text.len() == 10 {
        Cell::Date(text)
    } else {
        Cell::Text(text)
    }
}

/// The formula errors a cell can hold, as Excel shows them.
const ERRORS: [&str; 8] = [
    "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#DATA!",
];

fn error_text(error: &calamine::CellErrorType) -> &'static str {
    use calamine::CellErrorType as E;
    ERRORS[match error {
        E::Div0 => 0,
        E::NA => 1,
        E::Name => 2,
        E::Null => 3,
        E::Num => 4,
        E::Ref => 5,
        E::Value => 6,
        E::GettingData => 7,
    }]
}

/// A number as written: whole numbers without `.0`.
fn number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// An Excel date cell as ISO 8601: a date, a date and time when it has a time, a time alone when
/// it has no date, a duration as `PT…`.
fn date_time(value: &calamine::ExcelDateTime) -> String {
    let serial = value.as_f64();
    if value.is_duration() {
        let ms = (serial * 86_400_000.0).round() as i64;
        let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
        return format!("PT{h}H{m}M{s}S");
    }
    let (y, mo, d, h, mi, s, ms) = value.to_ymd_hms_milli();
    let time = if ms == 0 {
        format!("{h:02}:{mi:02}:{s:02}")
    } else {
        format!("{h:02}:{mi:02}:{s:02}.{ms:03}")
    };
    if (0.0..1.0).contains(&serial) {
        time
    } else if serial.fract() == 0.0 {
        format!("{y:04}-{mo:02}-{d:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02}T{time}")
    }
}

/// The header: the first row near the top with two or more text cells and at least half as many
/// cells as the widest row there. Rows above it are a title block.
fn find_header(grid: &Grid) -> Option<u32> {
    let top: Vec<(u32, usize)> = grid
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .map(|(row, cells)| {
            (
                *row,
                cells
                    .iter()
                    .filter(|c| {
                        c.kind == CellKind::Text && !text_of(&grid.text, c).trim().is_empty()
                    })
                    .count(),
            )
        })
        .collect();
    let widest = top.iter().map(|(_, n)| *n).max()?;
    top.iter()
        .find(|(_, n)| *n >= 2 && n * 2 >= widest)
        .map(|(row, _)| *row)
}

fn build(name: &str, mut grid: Grid, header_row: u32, mut notes: Vec<Finding>) -> TableSource {
    let header_cells = grid.rows.get(&header_row).map_or(&[][..], Vec::as_slice);
    let first_column = header_cells.first().map_or(0, |c| c.column);
    let last_column = header_cells.last().map_or(0, |c| c.column);
    let width = (last_column - first_column + 1) as usize;
    let mut header = vec![String::new(); width];
    for cell in header_cells {
        if matches!(cell.kind, CellKind::Text | CellKind::Date) {
            header[(cell.column - first_column) as usize] = text_of(&grid.text, cell).to_string();
        }
    }
    let above = grid.rows.range(..header_row).count();
    if above > 0 {
        let header_number = i64::from(header_row) + 1;
        let mut finding = note(if above == 1 {
            t!("read-sheet-title-skipped-one", header = header_number)
        } else {
            t!(
                "read-sheet-title-skipped",
                rows = above as i64,
                header = header_number
            )
        });
        finding.line = Some(u64::from(header_row) + 1);
        notes.push(finding);
    }
    // The rows below the header become batches as the check asks for them, each row's cell
    // records let go once copied; the text buffer is held until the last batch.
    let rows = SheetRows {
        rows: grid.rows.split_off(&(header_row + 1)).into_iter(),
        text: grid.text,
        first_column,
        width,
        pool: BatchPool::default(),
    };
    TableSource {
        format: "sheet",
        header,
        header_line: u64::from(header_row) + 1,
        locator: Locator::Sheet {
            name: name.to_string(),
            first_column,
        },
        notes,
        batches: Box::new(rows),
    }
}

/// A sheet's rows below its header, made into batches of cells one batch at a time.
struct SheetRows {
    rows: std::collections::btree_map::IntoIter<u32, Vec<Kept>>,
    text: String,
    first_column: u32,
    width: usize,
    pool: BatchPool,
}

impl Iterator for SheetRows {
    type Item = io::Result<RowBatch>;

    fn next(&mut self) -> Option<Self::Item> {
        let (first_column, width) = (self.first_column, self.width);
        let text = self.text.as_str();
        let mut batch = self.pool.batch(0, 0, 0);
        for (row, row_cells) in self.rows.by_ref() {
            let row_width = row_cells
                .iter()
                .filter(|c| c.column >= first_column)
                .map(|c| (c.column - first_column + 1) as usize)
                .max()
                .unwrap_or(0)
                .min(width + MAX_EXTRA_COLUMNS)
                // Cells a row leaves empty at its end are empty, not missing: pad to the header.
                .max(width);
            let index = batch.len();
            let placed = || {
                row_cells
                    .iter()
                    .filter(|c| c.column >= first_column)
                    .map(|c| ((c.column - first_column) as usize, c))
            };
            for (at, cell) in placed().filter(|(at, _)| *at < row_width) {
                match cell.kind {
                    CellKind::Date => batch.typed_dates.push((index, at)),
                    CellKind::Error(error) => {
                        batch
                            .cell_errors
                            .push((index, at, ERRORS[usize::from(error)]));
                    }
                    CellKind::Text => {}
                }
            }
            let mut cells = placed().peekable();
            let texts = (0..row_width).map(|at| {
                // A damaged file may name one cell twice: the last one counts.
                let mut found = None;
                while let Some((_, cell)) = cells.next_if(|(column, _)| *column <= at) {
                    found = Some(cell);
                }
                found.map_or("", |cell| text_of(text, cell))
            });
            batch.push(u64::from(row) + 1, texts);
            if batch.len() >= BATCH_ROWS {
                break;
            }
        }
        (!batch.is_empty()).then_some(Ok(batch))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_read_as_values() {
        assert_eq!(number(1500.0), "1500");
        assert_eq!(number(1500.5), "1500.5");
        assert_eq!(number(-0.25), "-0.25");
        let date =
            calamine::ExcelDateTime::new(45776.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time(&date), "2025-04-29");
        let stamp =
            calamine::ExcelDateTime::new(45776.5, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time(&stamp), "2025-04-29T12:00:00");
    }

    #[test]
    fn a_kept_cell_is_small() {
        assert_eq!(std::mem::size_of::<Kept>(), 16);
    }

    #[test]
    fn the_header_is_found_under_a_title() {
        let mut grid = Grid::default();
        let cells = [
            (0, 3, Cell::Text("PART 1 OF THE REGISTER".into())),
            (1, 3, Cell::Text("A".into())),
            (1, 4, Cell::Text("B".into())),
            (1, 5, Cell::Text("C".into())),
            (2, 3, Cell::Text("1".into())),
            (2, 5, Cell::Error("#N/A")),
        ];
        for (row, column, cell) in cells {
            grid.add(row, column, cell).expect("small");
        }
        assert_eq!(find_header(&grid), Some(1));
        let mut table = build("Sheet1", grid, 1, Vec::new());
        assert_eq!(table.header, ["A", "B", "C"]);
        assert_eq!(table.header_line, 2);
        assert_eq!(table.notes.len(), 1);
        let batch = table.batches.next().expect("a batch").expect("read");
        let (line, record) = batch.record(0);
        assert_eq!(line, 3);
        assert_eq!(record.iter().collect::<Vec<_>>(), ["1", "", "#N/A"]);
        assert_eq!(batch.cell_errors, [(0, 2, "#N/A")]);
    }
}

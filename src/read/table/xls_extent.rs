//! The extent of each sheet of an .xls workbook, read from its record headers before calamine
//! parses it. calamine builds every sheet of an .xls as a dense grid spanning its farthest cells
//! (and reserves what a sheet's DIMENSIONS record claims) as soon as the workbook is opened; a
//! damaged or hostile file that names a cell at column 65,535 or a DIMENSIONS of four billion
//! rows makes it ask for hundreds of gigabytes, and a failed allocation aborts the process. So the
//! same records calamine reads are walked here first, cheaply, and such a workbook is refused.

use std::io::{Cursor, Read};

use crate::i18n::Text;
use crate::t;

/// The most cells conform lets calamine lay out for one workbook: a full .xls sheet (65,536 rows
/// by 256 columns) is 16.8 million, and each takes 32 to 40 bytes.
const MAX_GRID_CELLS: u64 = 25_000_000;

/// Refuses a workbook whose container is damaged or whose sheets would be laid out larger than
/// [`MAX_GRID_CELLS`]. A workbook stream this walk cannot follow is let through: calamine then
/// reports what is wrong with it.
pub(super) fn check(bytes: &[u8]) -> Result<(), Text> {
    let Some(stream) = workbook_stream(bytes)? else {
        return Ok(());
    };
    let Some(sheets) = sheet_offsets(&stream) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for offset in sheets {
        let Some(sheet) = stream.get(offset..) else {
            continue;
        };
        total = total.saturating_add(sheet_cells(sheet));
        if total > MAX_GRID_CELLS {
            return Err(t!(
                "read-xls-too-many-cells",
                millions = (MAX_GRID_CELLS / 1_000_000) as i64
            ));
        }
    }
    Ok(())
}

/// The Workbook stream of the compound file (named `Book` by Excel 5). A container whose
/// sector chains the cfb crate cannot follow is refused here: calamine follows a chain that
/// loops back on itself for ever, growing its buffer until the machine runs out of memory.
fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, Text> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| t!("read-xls-damaged", error = e.to_string()))?;
    let Some(name) = ["/Workbook", "/Book"]
        .into_iter()
        .find(|name| file.is_stream(name))
    else {
        return Ok(None);
    };
    let Ok(stream) = file.open_stream(name) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    // A stream is made of the file's own sectors: it cannot honestly be longer than the file.
    match stream.take(bytes.len() as u64).read_to_end(&mut out) {
        Ok(_) => Ok(Some(out)),
        Err(_) => Ok(None),
    }
}

/// One BIFF record: its type and data (CONTINUE records are their own records here, as only the
/// first bytes of cell records matter).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let header = rest.get(..4)?;
        let typ = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 2)
        .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Where each sheet starts (BOUNDSHEET records of the workbook globals), or `None` for an
/// encrypted workbook, whose records after FILEPASS cannot be read.
fn sheet_offsets(stream: &[u8]) -> Option<Vec<usize>> {
    let mut offsets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            0x0085 => offsets.extend(u32_at(data, 0).map(|p| p as usize)),
            0x002F => return None,
            0x000A => break,
            _ => {}
        }
    }
    Some(offsets)
}

/// The rectangle spanned by a set of cells.
#[derive(Default)]
struct Span {
    first: Option<(u32, u32)>,
    last: (u32, u32),
}

impl Span {
    fn add(&mut self, row: u32, column: u32) {
        let (r0, c0) = self.first.unwrap_or((row, column));
        self.first = Some((r0.min(row), c0.min(column)));
        self.last = (self.last.0.max(row), self.last.1.max(column));
    }

    fn cells(&self) -> u64 {
        self.first.map_or(0, |(r0, c0)| {
            u64::from(self.last.0 - r0 + 1) * u64::from(self.last.1 - c0 + 1)
        })
    }
}

/// The cells calamine would lay out for one sheet: its values' grid, its formulas' grid and what
/// its DIMENSIONS records make it reserve.
fn sheet_cells(sheet: &[u8]) -> u64 {
    let (mut values, mut formulas) = (Span::default(), Span::default());
    let mut reserved: u64 = 0;
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, data) in records(sheet) {
        // Embedded charts are substreams of their own, which calamine skips.
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let position = || Some((u16_at(data, 0)?, u16_at(data, 2)?));
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => reserved = reserved.saturating_add(dimensions(data)),
            // Number, Label, RString, BoolErr, Rk, LabelSst.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let Some((row, column)) = position() {
                    values.add(row, column);
                }
            }
            // MulRk: a run of cells from its first column to the last, named at its end.
            0x00BD => {
                let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                if let (Some((row, first)), Some(last)) = (position(), last) {
                    values.add(row, first);
                    values.add(row, last.max(first));
                }
            }
            0x0006 => {
                if let Some((row, column)) = position() {
                    values.add(row, column);
                    formulas.add(row, column);
                }
            }
            _ => {}
        }
    }
    values
        .cells()
        .saturating_add(formulas.cells())
        .saturating_add(reserved)
}

/// The cells a DIMENSIONS record makes calamine reserve (its reading of the record, MS-XLS 2.4.90).
fn dimensions(data: &[u8]) -> u64 {
    let read = match data.len() {
        10 => (|| {
            Some((
                u16_at(data, 0)?,
                u16_at(data, 2)?,
                u16_at(data, 4)?,
                u16_at(data, 6)?,
            ))
        })(),
        14 | 16 => (|| {
            Some((
                u32_at(data, 0)?,
                u32_at(data, 4)?,
                u16_at(data, 8)?,
                u16_at(data, 10)?,
            ))
        })(),
        _ => None,
    };
    let Some((first_row, last_row, mut first_column, last_column)) = read else {
        return 0;
    };
    if first_column > 0xFF || last_column < first_column {
        first_column = 0;
    }
    if last_row == 0 || last_column == 0 {
        return 1;
    }
    let rows = u64::from(last_row - 1).saturating_sub(u64::from(first_row)) + 1;
    let columns = u64::from(last_column - 1).saturating_sub(u64::from(first_column)) + 1;
    rows.saturating_mul(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn number(row: u16, column: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(column.to_le_bytes());
        data.extend([0u8; 10]);
        record(0x0203, &data)
    }

    #[test]
    fn a_sheet_spans_its_farthest_cells() {
        let mut sheet = record(0x0809, &[0; 16]);
        sheet.extend(number(0, 0));
        sheet.extend(number(99, 9));
        sheet.extend(record(0x000A, &[]));
        assert_eq!(sheet_cells(&sheet), 1000);
    }

    #[test]
    fn a_cell_at_a_far_corner_is_counted_not_allocated() {
        let mut sheet = record(0x0809, &[0; 16]);
        sheet.extend(number(0, 0));
        sheet.extend(number(65_535, 65_535));
        assert_eq!(sheet_cells(&sheet), 65_536 * 65_536);
    }

    #[test]
    fn charts_inside_a_sheet_are_skipped() {
        let mut sheet = record(0x0809, &[0; 16]);
        sheet.extend(number(0, 0));
        sheet.extend(record(0x0809, &[0; 16]));
        sheet.extend(number(60_000, 200));
        sheet.extend(record(0x000A, &[]));
        sheet.extend(number(1, 1));
        assert_eq!(sheet_cells(&sheet), 4);
    }

    #[test]
    fn dimensions_are_read_as_calamine_reads_them() {
        let mut data = 0u32.to_le_bytes().to_vec();
        data.extend(4_000_000_000u32.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        data.extend(200u16.to_le_bytes());
        data.extend([0, 0]);
        assert_eq!(dimensions(&data), 4_000_000_000 * 200);
        assert_eq!(dimensions(&[0; 10]), 1);
    }
}

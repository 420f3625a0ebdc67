//! The inventory as a workbook, for the person who answers the survey in a spreadsheet: a sheet
//! for the tables (the CSV's columns, typed), the roll-up by standard, the fixes, each table's
//! fields and identifiers, and what was skipped. Each sheet has a bold frozen header and a filter.

use std::io;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::write::{table_cells, Cell, TABLE_COLUMNS};
use super::Survey;

fn io_error(e: XlsxError) -> io::Error {
    io::Error::other(format!("cannot make the workbook: {e}"))
}

/// The workbook's bytes. The same survey gives the same bytes: the document's dates are fixed.
pub fn workbook(survey: &Survey) -> io::Result<Vec<u8>> {
    let mut book = Workbook::new();
    // A fixed creation date, so that two runs give byte-identical files.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(io_error)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("conform survey")
            .set_creation_datetime(&created),
    );
    let styles = Styles {
        bold: Format::new().set_bold(),
        share: Format::new().set_num_format("0.0%"),
    };
    tables_sheet(book.add_worksheet(), survey, &styles).map_err(io_error)?;
    standards_sheet(book.add_worksheet(), survey, &styles).map_err(io_error)?;
    fixes_sheet(book.add_worksheet(), survey, &styles).map_err(io_error)?;
    fields_sheet(book.add_worksheet(), survey, &styles).map_err(io_error)?;
    identifiers_sheet(book.add_worksheet(), survey, &styles).map_err(io_error)?;
    skipped_sheet(book.add_worksheet(), survey, &styles).map_err(io_error)?;
    book.save_to_buffer().map_err(io_error)
}

struct Styles {
    bold: Format,
    share: Format,
}

/// Names the sheet, writes its bold header, freezes it and filters below it.
fn start(
    sheet: &mut Worksheet,
    name: &str,
    header: &[&str],
    rows: usize,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    for (c, title) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *title, &styles.bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !header.is_empty() {
        sheet.autofilter(0, 0, rows as u32, (header.len() - 1) as u16)?;
    }
    Ok(())
}

fn put(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: Cell,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => sheet.write_string(row, col, text).map(|_| ()),
        Cell::Number(n) => sheet.write_number(row, col, n).map(|_| ()),
        Cell::Share(n) => sheet
            .write_number_with_format(row, col, n, &styles.share)
            .map(|_| ()),
        Cell::Empty => Ok(()),
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn number(n: u64) -> Cell {
    Cell::Number(n as f64)
}

fn tables_sheet(sheet: &mut Worksheet, survey: &Survey, styles: &Styles) -> Result<(), XlsxError> {
    start(sheet, "Tables", &TABLE_COLUMNS, survey.tables.len(), styles)?;
    for (r, table) in survey.tables.iter().enumerate() {
        for (c, cell) in table_cells(table).into_iter().enumerate() {
            put(sheet, r as u32 + 1, c as u16, cell, styles)?;
        }
    }
    sheet.autofit();
    Ok(())
}

fn standards_sheet(
    sheet: &mut Worksheet,
    survey: &Survey,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let header = [
        "standard",
        "table",
        "tables",
        "conforming_tables",
        "rows",
        "rows_without_errors",
        "conforming_share",
        "first_month",
        "last_month",
        "series",
        "never_filled",
        "summary",
    ];
    start(
        sheet,
        "By standard",
        &header,
        survey.standards.len(),
        styles,
    )?;
    for (r, rollup) in survey.standards.iter().enumerate() {
        let series: Vec<&str> = rollup.series.iter().map(|s| s.described.as_str()).collect();
        let cells = [
            text(&rollup.standard),
            text(&rollup.table),
            number(rollup.tables as u64),
            number(rollup.conforming_tables as u64),
            number(rollup.rows),
            number(rollup.rows_without_errors),
            rollup.conforming_share.map_or(Cell::Empty, Cell::Share),
            rollup
                .period
                .as_ref()
                .map_or(Cell::Empty, |p| text(&p.first)),
            rollup
                .period
                .as_ref()
                .map_or(Cell::Empty, |p| text(&p.last)),
            text(series.join("; ")),
            text(rollup.never_filled.join("; ")),
            text(&rollup.summary),
        ];
        for (c, cell) in cells.into_iter().enumerate() {
            put(sheet, r as u32 + 1, c as u16, cell, styles)?;
        }
    }
    sheet.autofit();
    Ok(())
}

fn fixes_sheet(sheet: &mut Worksheet, survey: &Survey, styles: &Styles) -> Result<(), XlsxError> {
    let header = [
        "standard", "table", "code", "column", "rows", "errors", "tables", "help",
    ];
    start(sheet, "Fixes", &header, survey.fixes.len(), styles)?;
    for (r, fix) in survey.fixes.iter().enumerate() {
        let cells = [
            text(&fix.standard),
            text(&fix.table),
            text(&fix.code),
            fix.column.as_ref().map_or(Cell::Empty, text),
            number(fix.rows),
            number(fix.errors),
            number(fix.tables as u64),
            text(&fix.help),
        ];
        for (c, cell) in cells.into_iter().enumerate() {
            put(sheet, r as u32 + 1, c as u16, cell, styles)?;
        }
    }
    sheet.autofit();
    Ok(())
}

/// Every standard field of every matched table: is it there, and how full.
fn fields_sheet(sheet: &mut Worksheet, survey: &Survey, styles: &Styles) -> Result<(), XlsxError> {
    let header = [
        "path", "sheet", "standard", "table", "column", "required", "present", "filled", "share",
    ];
    let rows: usize = survey.tables.iter().map(|t| t.completeness.len()).sum();
    start(sheet, "Fields", &header, rows, styles)?;
    let mut r = 1u32;
    for table in &survey.tables {
        let Some(m) = &table.matched else { continue };
        for field in &table.completeness {
            let cells = [
                text(&table.path),
                table.sheet.as_ref().map_or(Cell::Empty, text),
                text(&m.standard),
                text(&m.table),
                text(&field.column),
                text(if field.required { "yes" } else { "no" }),
                text(if field.present { "yes" } else { "no" }),
                number(field.filled),
                Cell::Share(field.share),
            ];
            for (c, cell) in cells.into_iter().enumerate() {
                put(sheet, r, c as u16, cell, styles)?;
            }
            r += 1;
        }
    }
    sheet.autofit();
    Ok(())
}

fn identifiers_sheet(
    sheet: &mut Worksheet,
    survey: &Survey,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let header = [
        "path", "sheet", "column", "kind", "filled", "valid", "share",
    ];
    let rows: usize = survey.tables.iter().map(|t| t.identifiers.len()).sum();
    start(sheet, "Identifiers", &header, rows, styles)?;
    let mut r = 1u32;
    for table in &survey.tables {
        for id in &table.identifiers {
            let cells = [
                text(&table.path),
                table.sheet.as_ref().map_or(Cell::Empty, text),
                text(id.column.trim()),
                text(id.label),
                number(id.filled),
                number(id.valid),
                Cell::Share(id.share),
            ];
            for (c, cell) in cells.into_iter().enumerate() {
                put(sheet, r, c as u16, cell, styles)?;
            }
            r += 1;
        }
    }
    sheet.autofit();
    Ok(())
}

fn skipped_sheet(sheet: &mut Worksheet, survey: &Survey, styles: &Styles) -> Result<(), XlsxError> {
    start(
        sheet,
        "Skipped",
        &["path", "reason"],
        survey.skipped.len(),
        styles,
    )?;
    for (r, skipped) in survey.skipped.iter().enumerate() {
        put(sheet, r as u32 + 1, 0, text(&skipped.path), styles)?;
        put(sheet, r as u32 + 1, 1, text(&skipped.reason), styles)?;
    }
    sheet.autofit();
    Ok(())
}

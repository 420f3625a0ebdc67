//! Findings for records the CSV reader could not read whole: broken quoting, records too long to
//! hold. Each is the cause alone, on the line where it is; the record's cells are not checked
//! when they cannot be trusted.

use crate::finding::{Code, Finding};
use crate::read::csv::{Fault, FaultKind, MAX_RECORD_BYTES};

/// The finding for `fault`, on data row `row`; `checked` says whether the row's cells were
/// still checked (they line up with the header).
pub fn fault_finding(fault: &Fault, row: u64, checked: bool) -> Finding {
    let line = fault.line;
    let (message, help) = match &fault.kind {
        FaultKind::TextAfterQuote { excerpt } if checked => (
            format!(
                "a quoted cell on line {line} has text after its closing quote (`{excerpt}`): the cell was read with that quote left out"
            ),
            "write a quote inside a quoted cell twice (\"\"), as in \"Tree Order 18/01\"\". Done\"",
        ),
        FaultKind::TextAfterQuote { excerpt } => (
            format!(
                "a quoted cell on line {line} has text after its closing quote (`{excerpt}`), which shifts the row's cells out of line with the header: its cells were not checked"
            ),
            "write a quote inside a quoted cell twice (\"\"), as in \"Tree Order 18/01\"\". Done\"",
        ),
        FaultKind::Unclosed => (
            format!(
                "a quote opens a cell on line {line} but nothing closes it: this row was read up to the end of line {line} and its cells were not checked"
            ),
            "close the quote at the end of the cell, or write a quote inside a cell twice (\"\")",
        ),
        FaultKind::TooLong { bytes, in_quotes: true } => (
            format!(
                "a quote opens a cell on line {line} and is not closed within {limit}: the {size} from there to the end of the file were not read",
                limit = size_in_words(MAX_RECORD_BYTES as u64),
                size = size_in_words(*bytes),
            ),
            "close the quote at the end of the cell, or write a quote inside a cell twice (\"\")",
        ),
        FaultKind::TooLong { bytes, in_quotes: false } => (
            format!(
                "the row starting on line {line} is {size} long, over conform's limit of {limit} for one row, and was not read",
                limit = size_in_words(MAX_RECORD_BYTES as u64),
                size = size_in_words(*bytes),
            ),
            "check that the file is CSV with line ends between its rows; a row this long is usually a file with no line ends or a cell holding a whole document",
        ),
    };
    let mut finding = Finding::new(Code::ParseError, message)
        .at_row(row, line)
        .with_help(Some(help.into()));
    finding.character = Some(fault.character);
    finding
}

/// `16 MiB`, `200.0 MB`: a byte count as a person reads it.
fn size_in_words(bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(size_in_words(16 << 20), "16 MiB");
        assert_eq!(size_in_words(200_000_000), "200.0 MB");
        assert_eq!(size_in_words(12), "12 bytes");
    }
}

//! Findings for records the CSV reader could not read whole: broken quoting, records too long to
//! hold. Each is the cause alone, on the line where it is; the record's cells are not checked
//! when they cannot be trusted.

use crate::finding::{Code, Finding};
use crate::i18n::Text;
use crate::read::csv::{Fault, FaultKind, MAX_RECORD_BYTES};
use crate::t;

/// The finding for `fault`, on data row `row`; `checked` says whether the row's cells were
/// still checked (they line up with the header).
pub fn fault_finding(fault: &Fault, row: u64, checked: bool) -> Finding {
    let line = fault.line as i64;
    let (message, help) = match &fault.kind {
        FaultKind::TextAfterQuote { excerpt } if checked => (
            t!("parse-text-after-quote", line = line, excerpt = &**excerpt),
            t!("parse-quote-twice-help"),
        ),
        FaultKind::TextAfterQuote { excerpt } => (
            t!(
                "parse-text-after-quote-unchecked",
                line = line,
                excerpt = &**excerpt
            ),
            t!("parse-quote-twice-help"),
        ),
        FaultKind::Unclosed => (
            t!("parse-unclosed-quote", line = line),
            t!("parse-close-quote-help"),
        ),
        FaultKind::TooLong {
            bytes,
            in_quotes: true,
        } => (
            t!(
                "parse-quote-too-long",
                line = line,
                limit = size_in_words(MAX_RECORD_BYTES as u64),
                size = size_in_words(*bytes)
            ),
            t!("parse-close-quote-help"),
        ),
        FaultKind::TooLong {
            bytes,
            in_quotes: false,
        } => (
            t!(
                "parse-row-too-long",
                line = line,
                size = size_in_words(*bytes),
                limit = size_in_words(MAX_RECORD_BYTES as u64)
            ),
            t!("parse-row-too-long-help"),
        ),
    };
    let mut finding = Finding::text(Code::ParseError, message)
        .at_row(row, fault.line)
        .with_help_text(Some(help));
    finding.character = Some(fault.character);
    finding
}

/// `16 MiB`, `200.0 MB`: a byte count as a person reads it.
fn size_in_words(bytes: u64) -> Text {
    const MIB: u64 = 1 << 20;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        t!("parse-size-mib", size = (bytes / MIB) as i64)
    } else if bytes >= 1_000_000 {
        t!("parse-size-mb", size = format!("{:.1}", bytes as f64 / 1e6))
    } else {
        t!("parse-size-bytes", size = bytes as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(size_in_words(16 << 20).english(), "16 MiB");
        assert_eq!(size_in_words(200_000_000).english(), "200.0 MB");
        assert_eq!(size_in_words(12).english(), "12 bytes");
    }
}

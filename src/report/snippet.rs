//! The records findings are on, read again from the file, with the offending cell's byte range
//! and its line and character column: for the human report's snippets and SARIF regions.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader};

use crate::check::FileReport;
use crate::read;

/// Longest record text shown; longer records are cut around the cell.
#[cfg(feature = "cli")]
const MAX_SHOWN: usize = 160;
const MAX_RECORD_LINES: usize = 8;
const MAX_RECORD_BYTES: usize = 64 * 1024;

/// Reads the records that start on `lines` (physical line numbers) from the file; for a format
/// that is not text, the rows kept while checking, `lines` being row numbers.
pub fn records(file: &FileReport, lines: &BTreeSet<u64>) -> HashMap<u64, String> {
    if !matches!(file.locator, crate::read::table::Locator::Lines) {
        // Rows of a workbook or JSON were kept as CSV text while they were checked.
        return lines
            .iter()
            .filter_map(|line| Some((*line, file.snippets.get(line)?.clone())))
            .collect();
    }
    let mut found = HashMap::new();
    let (Some(encoding), Some(&last)) = (file.encoding, lines.iter().next_back()) else {
        return found;
    };
    let Ok(stream) = read::reopen(&file.input, encoding) else {
        return found;
    };
    let mut reader = BufReader::new(stream);
    let mut line_number = 0u64;
    let mut buffer = Vec::new();
    let mut open: Option<(u64, String, usize)> = None; // (start line, text so far, lines so far)
    loop {
        buffer.clear();
        match read_line(&mut reader, &mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        line_number += 1;
        let text = String::from_utf8_lossy(&buffer);
        let text = text.trim_end_matches(['\n', '\r']);
        if let Some((start, mut record, count)) = open.take() {
            record.push('\n');
            record.push_str(text);
            if record.matches('"').count().is_multiple_of(2)
                || count + 1 >= MAX_RECORD_LINES
                || record.len() > MAX_RECORD_BYTES
            {
                found.insert(start, record);
            } else {
                open = Some((start, record, count + 1));
            }
        } else if lines.contains(&line_number) {
            if text.matches('"').count().is_multiple_of(2) {
                found.insert(line_number, text.to_string());
            } else {
                open = Some((line_number, text.to_string(), 1));
            }
        }
        if open.is_none() && line_number >= last {
            break;
        }
    }
    if let Some((start, record, _)) = open {
        found.insert(start, record);
    }
    found
}

/// Reads one line into `buffer`, without its end: a line ends at `\n`, `\r\n` or a lone `\r`
/// (old Mac files), as the reader of the data counts lines. Returns the bytes consumed.
fn read_line(reader: &mut impl BufRead, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut consumed = 0;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(consumed);
        }
        match memchr::memchr2(b'\n', b'\r', available) {
            Some(at) => {
                buffer.extend_from_slice(&available[..at]);
                let carriage_return = available[at] == b'\r';
                reader.consume(at + 1);
                consumed += at + 1;
                if carriage_return && reader.fill_buf()?.first() == Some(&b'\n') {
                    reader.consume(1);
                    consumed += 1;
                }
                return Ok(consumed);
            }
            None => {
                let len = available.len();
                buffer.extend_from_slice(available);
                reader.consume(len);
                consumed += len;
            }
        }
    }
}

/// The byte range of cell `index` in a record's text (quotes included), or the end of the text
/// when the record has fewer cells.
pub fn cell_span(text: &str, delimiter: u8, index: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut cell = 0;
    let mut start = 0;
    let mut in_quotes = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == delimiter && !in_quotes {
            if cell == index {
                return (start, i);
            }
            cell += 1;
            start = i + 1;
        }
    }
    if cell == index {
        (start, bytes.len())
    } else {
        (bytes.len(), bytes.len())
    }
}

/// Where byte `at` of a record's text is: lines after the record's first, and the 1-based
/// character column on its own line.
pub fn place(text: &str, at: usize) -> (u64, usize) {
    let before = &text[..at.min(text.len())];
    let lines = before.matches('\n').count() as u64;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (lines, before[line_start..].chars().count() + 1)
}

#[cfg(feature = "cli")]
/// Cuts a long single-line record down to a window around the span, keeping the span's place.
pub fn window(text: &str, span: (usize, usize)) -> (String, (usize, usize)) {
    if text.len() <= MAX_SHOWN || text.contains('\n') {
        return (text.to_string(), span);
    }
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let span_end = floor(span.1.min(span.0 + MAX_SHOWN / 2));
    let start = floor(span.0.saturating_sub(MAX_SHOWN / 3));
    let end = floor((span_end + MAX_SHOWN / 3).min(text.len()));
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let offset = shown.len();
    shown.push_str(&text[start..end]);
    if end < text.len() {
        shown.push('…');
    }
    (shown, (span.0 - start + offset, span_end - start + offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_any_line_break() {
        let mut reader = std::io::Cursor::new(&b"a,b\rc,d\r\ne\nf"[..]);
        let mut lines = Vec::new();
        let mut buffer = Vec::new();
        while read_line(&mut reader, &mut buffer).expect("reads") > 0 {
            lines.push(String::from_utf8_lossy(&buffer).into_owned());
            buffer.clear();
        }
        assert_eq!(lines, ["a,b", "c,d", "e", "f"]);
    }

    #[test]
    fn cell_spans_respect_quotes() {
        let text = r#"18,"Devon, County",29/04/2025,"1,496.00""#;
        assert_eq!(
            &text[cell_span(text, b',', 1).0..cell_span(text, b',', 1).1],
            "\"Devon, County\""
        );
        let (s, e) = cell_span(text, b',', 3);
        assert_eq!(&text[s..e], "\"1,496.00\"");
        assert_eq!(cell_span(text, b',', 9), (text.len(), text.len()));
    }

    #[test]
    fn places_count_characters_on_their_own_line() {
        assert_eq!(place("a,£b,c", 5), (0, 5));
        assert_eq!(place("1,\"two\nlines\",x", 14), (1, 8));
        assert_eq!(place("", 0), (0, 1));
    }

    #[test]
    #[cfg(feature = "cli")]
    fn long_lines_are_windowed_around_the_cell() {
        let text = format!("{},BAD,{}", "a".repeat(500), "b".repeat(500));
        let (shown, (s, e)) = window(&text, (501, 504));
        assert_eq!(&shown[s..e], "BAD");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert!(shown.len() < 200);
    }
}

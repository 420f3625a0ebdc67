//! The CSV chunker against itself and against the csv crate: whatever the chunk size, the same
//! records on the same lines, and the records the csv crate reads from the same text. A stray
//! quote must cost linear time (libFuzzer's -timeout catches a quadratic case).
#![no_main]

use conform::read::csv::{ChunkReader, ChunkRecords, FaultKind};
use conform::read::Utf8Stream;
use csv::StringRecord;
use libfuzzer_sys::fuzz_target;

/// The records with their lines, whether a quote was left unclosed, and the delimiter read by.
type Rows = (Vec<(u64, Vec<String>)>, bool, u8);

fn read(text: &[u8], size: usize) -> Option<Rows> {
    // As conform opens a file: a byte order mark at the very start is taken off by the stream.
    let bom = text.starts_with(b"\xEF\xBB\xBF");
    let stream = Utf8Stream::passthrough(Box::new(std::io::Cursor::new(text.to_vec())), bom);
    let mut reader = ChunkReader::new(stream, Some(b','), true).ok()?;
    let mut record = StringRecord::new();
    let mut rows = Vec::new();
    let mut unclosed = reader.header_fault.is_some();
    if let Some(line) = reader.header(&mut record).ok()? {
        rows.push((line, record.iter().map(String::from).collect()));
    }
    unclosed |= reader.header_fault.is_some();
    while let Some(chunk) = reader.next_chunk(size).ok()? {
        unclosed |= chunk
            .faults
            .iter()
            .any(|f| !matches!(f.kind, FaultKind::TextAfterQuote { .. }));
        let mut parser = reader.dialect.parser();
        let mut records = ChunkRecords::new(&chunk, reader.dialect, &mut parser).ok()?;
        while let Some((line, record)) = records.next_record() {
            rows.push((line, record.iter().map(String::from).collect()));
        }
    }
    Some((rows, unclosed, reader.dialect.delimiter))
}

fuzz_target!(|data: &[u8]| {
    let Some((&size, text)) = data.split_first() else {
        return;
    };
    if std::str::from_utf8(text).is_err() || text.contains(&0) {
        return;
    }
    let whole = read(text, 1 << 20);
    let small = read(text, 1 + usize::from(size));
    assert_eq!(whole, small, "chunk size {}", 1 + usize::from(size));
    // Unless a quote was left unclosed (conform then reads on from the next line, the csv crate
    // to the end), the records are the csv crate's, line ends made `\n` first as conform does.
    let Some((rows, false, delimiter)) = whole else {
        return;
    };
    let bom = text.starts_with(b"\xEF\xBB\xBF");
    let mut normalised = String::from_utf8_lossy(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    // The stream took off a mark at the very start (the csv crate would too).
    if bom {
        normalised.drain(..3);
    }
    // Excel's `sep=;` line names the delimiter and is not a record.
    // It is skipped even when the delimiter was given, as conform gives `,` here.
    // (After a byte order mark too.)
    let mark = if normalised.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let bytes = &normalised.as_bytes()[mark..];
    let named = bytes.get(4).copied().unwrap_or(b'"');
    if bytes.starts_with(b"sep=")
        && bytes.get(5) == Some(&b'\n')
        && (named.is_ascii_punctuation() || named == b'\t' || named == b' ')
        && named != b'"'
    {
        normalised.drain(..mark + 6);
    }
    // A line holding only a byte order mark before the header is a blank line to conform (the header is
    // looked for after it, and a mark there dropped too); the csv crate keeps the second mark.
    let leading = normalised
        .split('\n')
        .take_while(|l| l.is_empty() || *l == "\u{feff}");
    if leading.into_iter().any(|l| l == "\u{feff}") {
        return;
    }
    // A second byte order mark opening the header (after blank lines, or after the first mark)
    // is dropped by conform's header reader, and a quote after it then opens a cell, where the
    // chunker took it as text: a known difference, left out here.
    if normalised.trim_start_matches('\n').starts_with('\u{feff}') {
        return;
    }
    let theirs: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(normalised.as_bytes())
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(String::from).collect())
        .collect();
    let ours: Vec<Vec<String>> = rows.into_iter().map(|(_, r)| r).collect();
    let ours: Vec<Vec<String>> = ours
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()) || r.len() > 1)
        .collect();
    let theirs: Vec<Vec<String>> = theirs
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()) || r.len() > 1)
        .collect();
    assert_eq!(ours, theirs);
});

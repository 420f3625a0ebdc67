//! Every row of a table, in order, in any format `check` reads: for rewriting a file in a
//! standard's shape. (The check reads text in parallel chunks instead.)

use std::io;

use crate::check::{self, Options};
use crate::read::csv::{ChunkReader, ChunkRecords, Record};
use crate::read::detect::Kind;
use crate::read::{self, Input, OpenError};

/// Bytes of text read at a time.
const CHUNK_BYTES: usize = 1 << 20;

/// Reads `input`'s header, hands it to `start`, then each row (its line and cells) to `row`.
pub fn read_rows<T>(
    input: &Input,
    options: &Options,
    start: impl FnOnce(&[String]) -> io::Result<T>,
    mut row: impl FnMut(&mut T, u64, &Record<'_>) -> io::Result<()>,
) -> io::Result<T> {
    let kind = check::kind_of(input, options)?;
    if kind != Kind::Text {
        let source = read::table::open(input, kind, options.sheet.as_deref())?
            .map_err(|finding| io::Error::other(finding.message))?;
        let mut state = start(&source.header)?;
        for batch in source.batches {
            let batch = batch?;
            for i in 0..batch.len() {
                let (line, record) = batch.record(i);
                row(&mut state, line, &record)?;
            }
        }
        return Ok(state);
    }
    let opened = match read::open(input, options.encoding) {
        Ok(opened) => opened,
        Err(OpenError::Io(e)) => return Err(e),
        Err(OpenError::NotText(finding)) => return Err(io::Error::other(finding.message)),
    };
    let mut chunks = ChunkReader::new(opened.stream, options.delimiter, !opened.verified)?;
    let mut header = csv::StringRecord::new();
    chunks.header_under_titles(&mut header)?;
    let names: Vec<String> = header.iter().map(str::to_string).collect();
    let mut state = start(&names)?;
    let dialect = chunks.dialect;
    let mut parser = dialect.parser();
    while let Some(chunk) = chunks.next_chunk(CHUNK_BYTES)? {
        let mut records = ChunkRecords::new(&chunk, dialect, &mut parser)?;
        while let Some((line, record)) = records.next_record() {
            row(&mut state, line, &record)?;
        }
    }
    Ok(state)
}

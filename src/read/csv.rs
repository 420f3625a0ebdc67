//! CSV reading: delimiter sniffing, and records handed out in batches with their line numbers.

use std::io::{BufRead, BufReader, Read};

use csv::StringRecord;

use super::{is_plain_utf8, NotUtf8, Utf8Stream};

/// Delimiters conform recognises, in order of preference when the evidence is equal.
pub const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Picks the delimiter from a sample of the text: the candidate that appears (outside quotes) the
/// same non-zero number of times on the most lines.
pub fn sniff_delimiter(sample: &[u8]) -> u8 {
    let mut lines: Vec<[usize; 4]> = Vec::new();
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    for &byte in sample {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => {
                if counts.iter().any(|c| *c > 0) || !lines.is_empty() {
                    lines.push(counts);
                }
                counts = [0; 4];
                if lines.len() >= 50 {
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(i) = DELIMITERS.iter().position(|d| *d == byte) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    if lines.is_empty() {
        lines.push(counts);
    }
    let header = lines[0];
    let mut best = (0usize, 0usize, b',');
    for (i, delimiter) in DELIMITERS.iter().enumerate() {
        if header[i] == 0 {
            continue;
        }
        let agreeing = lines.iter().filter(|l| l[i] == header[i]).count();
        if (agreeing, header[i]) > (best.0, best.1) {
            best = (agreeing, header[i], *delimiter);
        }
    }
    best.2
}

/// Turns every line end (`\r\n`, lone `\r`) into `\n` before anything else sees the text, so that
/// line numbers count every kind of line end the same way.
struct LineEnds<R> {
    inner: R,
    /// A `\r` ended the last read: emit `\n` for it unless the next byte is that `\n`.
    pending_cr: bool,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.len() < 2 {
            return self.inner.read(buf);
        }
        loop {
            let n = if self.pending_cr {
                buf[0] = b'\n';
                let read = self.inner.read(&mut buf[1..])?;
                self.pending_cr = false;
                if read > 0 && buf[1] == b'\n' {
                    buf.copy_within(1..1 + read, 0);
                    read
                } else {
                    read + 1
                }
            } else {
                self.inner.read(buf)?
            };
            if n == 0 {
                return Ok(0);
            }
            let Some(first_cr) = memchr::memchr(b'\r', &buf[..n]) else {
                return Ok(n);
            };
            let mut write = first_cr;
            let mut i = first_cr;
            while i < n {
                let b = buf[i];
                if b == b'\r' {
                    if i + 1 == n {
                        self.pending_cr = true;
                        i += 1;
                        continue;
                    }
                    if buf[i + 1] != b'\n' {
                        buf[write] = b'\n';
                        write += 1;
                    }
                } else {
                    buf[write] = b;
                    write += 1;
                }
                i += 1;
            }
            if write > 0 {
                return Ok(write);
            }
            // Only a held `\r` came in: read on.
        }
    }
}

/// How the CSV text is to be read.
#[derive(Clone, Copy, Debug)]
pub struct Dialect {
    pub delimiter: u8,
}

impl Dialect {
    /// A csv reader over one chunk of whole records.
    pub fn reader<'a>(&self, bytes: &'a [u8]) -> csv::Reader<&'a [u8]> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(bytes)
    }
}

/// Whole records of text, cut where a line ends outside quotes, with the line they start on.
pub struct Chunk {
    pub bytes: Vec<u8>,
    /// The physical line of the chunk's first byte (1-based).
    pub first_line: u64,
    /// Where the buffer goes back when the chunk is done with.
    pool: BufferPool,
}

impl Drop for Chunk {
    fn drop(&mut self) {
        self.pool.give_back(std::mem::take(&mut self.bytes));
    }
}

/// Chunk buffers handed back by the workers, so that the reader reuses memory that is already
/// mapped instead of faulting in fresh pages for every chunk.
#[derive(Clone, Default)]
struct BufferPool(std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>);

impl BufferPool {
    const KEPT: usize = 64;

    fn give_back(&self, mut buffer: Vec<u8>) {
        if buffer.capacity() == 0 {
            return;
        }
        buffer.clear();
        if let Ok(mut pool) = self.0.lock() {
            if pool.len() < Self::KEPT {
                pool.push(buffer);
            }
        }
    }

    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_default()
    }
}

/// Splits the text into chunks of whole records without parsing them, so that parsing can happen
/// in parallel: only quotes and line ends are looked at, with memchr.
pub struct ChunkReader {
    source: LineEnds<BufReader<Box<dyn Read + Send>>>,
    pub dialect: Dialect,
    /// Bytes read but not yet handed out (the start of a record the last read cut).
    carry: Vec<u8>,
    /// Whether the carried bytes end inside a quoted cell (known when no cut was found).
    in_quotes: bool,
    line: u64,
    finished: bool,
    /// Set at the end when the text ends inside a quoted cell.
    pub unterminated: bool,
    /// Check that each chunk is UTF-8 (for text not read through before).
    verify: bool,
    pool: BufferPool,
}

impl ChunkReader {
    /// Wraps a UTF-8 stream, sniffing the delimiter unless one is given.
    pub fn new(
        stream: Utf8Stream,
        delimiter: Option<u8>,
        verify: bool,
    ) -> std::io::Result<ChunkReader> {
        let mut buffered: BufReader<Box<dyn Read + Send>> =
            BufReader::with_capacity(256 * 1024, Box::new(stream));
        let sample = buffered.fill_buf()?.to_vec();
        let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&sample));
        Ok(ChunkReader {
            source: LineEnds {
                inner: buffered,
                pending_cr: false,
            },
            dialect: Dialect { delimiter },
            carry: Vec::new(),
            in_quotes: false,
            line: 1,
            finished: false,
            unterminated: false,
            verify,
            pool: BufferPool::default(),
        })
    }

    /// The end (exclusive) of the last line end outside quotes in `carry`. `carry` always starts
    /// outside quotes (it starts at a cut), so a line end is outside quotes exactly when an even
    /// number of quote characters come before it: counted with SIMD, from the end backwards.
    fn last_boundary(&mut self) -> Option<usize> {
        let bytes = &self.carry;
        let count = |slice: &[u8]| memchr::memchr_iter(b'"', slice).count();
        let mut end = bytes.len();
        let mut quotes_before_end: Option<usize> = None;
        while let Some(newline) = memchr::memrchr(b'\n', &bytes[..end]) {
            let quotes = match quotes_before_end {
                None => count(&bytes[..newline]),
                Some(before_end) => before_end - count(&bytes[newline..end]),
            };
            if quotes % 2 == 0 {
                return Some(newline + 1);
            }
            quotes_before_end = Some(quotes);
            end = newline;
        }
        // No cut possible: whether the text so far ends inside quotes.
        self.in_quotes = count(bytes) % 2 == 1;
        None
    }

    /// The next chunk of about `size` bytes (more when one record is longer), or `None` at the end.
    pub fn next_chunk(&mut self, size: usize) -> std::io::Result<Option<Chunk>> {
        loop {
            if !self.finished && self.carry.len() < size {
                let start = self.carry.len();
                self.carry.resize(start + size, 0);
                let read = self.source.read(&mut self.carry[start..])?;
                self.carry.truncate(start + read);
                if read == 0 {
                    self.finished = true;
                }
                if self.carry.len() < size && !self.finished {
                    continue;
                }
            }
            if self.carry.is_empty() {
                return Ok(None);
            }
            let boundary = self.last_boundary();
            let cut = match boundary {
                Some(cut) => cut,
                None if self.finished => {
                    self.unterminated = memchr::memchr_iter(b'"', &self.carry).count() % 2 == 1;
                    self.carry.len()
                }
                None => {
                    // No line end outside quotes yet: one record is longer than `size`.
                    let start = self.carry.len();
                    self.carry.resize(start + size, 0);
                    let read = self.source.read(&mut self.carry[start..])?;
                    self.carry.truncate(start + read);
                    self.finished = read == 0;
                    continue;
                }
            };
            let mut rest = self.pool.take();
            rest.extend_from_slice(&self.carry[cut..]);
            self.carry.truncate(cut);
            let bytes = std::mem::replace(&mut self.carry, rest);
            return self.hand_out(bytes).map(Some);
        }
    }

    /// Hands out a chunk, checking it is UTF-8 where that is not known yet. Chunks end at line
    /// ends, which never fall inside a character, so each is checked on its own.
    fn hand_out(&mut self, bytes: Vec<u8>) -> std::io::Result<Chunk> {
        if self.verify && !is_plain_utf8(&bytes) {
            return Err(NotUtf8::error());
        }
        let first_line = self.line;
        self.line += memchr::memchr_iter(b'\n', &bytes).count() as u64;
        Ok(Chunk {
            bytes,
            first_line,
            pool: self.pool.clone(),
        })
    }

    /// The physical line the next chunk starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Reads the header: the first record, after any empty lines. Returns its line, or `None` for
    /// a file with no text.
    pub fn header(&mut self, record: &mut StringRecord) -> std::io::Result<Option<u64>> {
        loop {
            let Some(chunk) = self.next_record_chunk()? else {
                return Ok(None);
            };
            let skipped = chunk.bytes.iter().take_while(|b| **b == b'\n').count();
            if skipped == chunk.bytes.len() {
                continue;
            }
            let mut reader = self.dialect.reader(&chunk.bytes[skipped..]);
            if reader.read_record(record).map_err(std::io::Error::other)? {
                return Ok(Some(chunk.first_line + skipped as u64));
            }
        }
    }

    /// One record's bytes (the header's).
    fn next_record_chunk(&mut self) -> std::io::Result<Option<Chunk>> {
        loop {
            let boundary = self.last_boundary_from_start();
            if let Some(cut) = boundary {
                let rest = self.carry.split_off(cut);
                let bytes = std::mem::replace(&mut self.carry, rest);
                self.in_quotes = false;
                return self.hand_out(bytes).map(Some);
            }
            if self.finished {
                if self.carry.is_empty() {
                    return Ok(None);
                }
                self.unterminated = self.in_quotes;
                let bytes = std::mem::take(&mut self.carry);
                return self.hand_out(bytes).map(Some);
            }
            let start = self.carry.len();
            self.carry.resize(start + 64 * 1024, 0);
            let read = self.source.read(&mut self.carry[start..])?;
            self.carry.truncate(start + read);
            self.finished = read == 0;
        }
    }

    /// The end of the first line end outside quotes in `carry`.
    fn last_boundary_from_start(&mut self) -> Option<usize> {
        let mut in_quotes = false;
        for at in memchr::memchr2_iter(b'"', b'\n', &self.carry) {
            if self.carry[at] == b'"' {
                in_quotes = !in_quotes;
            } else if !in_quotes {
                return Some(at + 1);
            }
        }
        self.in_quotes = in_quotes;
        None
    }
}

/// Walks the records of one chunk, giving each its physical line. The csv crate's own line count
/// skips empty lines, so lines are counted here from the record positions.
pub struct ChunkRecords<'a> {
    bytes: &'a [u8],
    reader: csv::Reader<&'a [u8]>,
    line: u64,
    counted_to: usize,
}

impl<'a> ChunkRecords<'a> {
    pub fn new(chunk: &'a Chunk, dialect: Dialect) -> ChunkRecords<'a> {
        ChunkRecords {
            bytes: &chunk.bytes,
            reader: dialect.reader(&chunk.bytes),
            line: chunk.first_line,
            counted_to: 0,
        }
    }

    /// Reads the next record; returns its line, or `None` at the end of the chunk.
    pub fn next(&mut self, record: &mut StringRecord) -> Result<Option<u64>, csv::Error> {
        if !self.reader.read_record(record)? {
            return Ok(None);
        }
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        // Empty lines before the record are skipped by the parser; step over them here.
        while self.bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let start = start.min(self.bytes.len());
        if start > self.counted_to {
            self.line +=
                memchr::memchr_iter(b'\n', &self.bytes[self.counted_to..start]).count() as u64;
            self.counted_to = start;
        }
        Ok(Some(self.line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_common_delimiters() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a;b;c\n1;\"2;5\";3\n"), b';');
        assert_eq!(sniff_delimiter(b"a|b\n1|2\n"), b'|');
        assert_eq!(sniff_delimiter(b"name\nx\n"), b',');
    }

    fn read_all_in(text: &str, chunk_size: usize) -> Vec<(u64, Vec<String>)> {
        let stream = Utf8Stream::passthrough(
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
            false,
        );
        let mut reader = ChunkReader::new(stream, None, true).expect("reads");
        let mut record = StringRecord::new();
        let mut out = Vec::new();
        if let Some(line) = reader.header(&mut record).expect("reads") {
            out.push((line, record.iter().map(String::from).collect()));
        }
        while let Some(chunk) = reader.next_chunk(chunk_size).expect("reads") {
            let mut records = ChunkRecords::new(&chunk, reader.dialect);
            while let Some(line) = records.next(&mut record).expect("parses") {
                out.push((line, record.iter().map(String::from).collect()));
            }
        }
        out
    }

    /// Reads with chunks of every size from 1 byte up, which must all agree.
    fn read_all(text: &str) -> Vec<(u64, Vec<String>)> {
        let whole = read_all_in(text, 1 << 20);
        for size in 1..text.len() + 2 {
            assert_eq!(read_all_in(text, size), whole, "chunk size {size}");
        }
        whole
    }

    #[test]
    fn lines_count_physical_lines_after_multiline_cells() {
        let rows = read_all("a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n");
        assert_eq!(
            rows[1],
            (2, vec!["1".to_string(), "two\nlines".to_string()])
        );
        assert_eq!(rows[2].0, 4);
        let mixed = read_all("a,b\r\n1,2\n\r\n3,4\r5,6");
        assert_eq!(
            mixed.iter().map(|r| r.0).collect::<Vec<_>>(),
            vec![1, 2, 4, 5]
        );
        let blanks = read_all("\na,b\n\n\n1,\"x\n\ny\"\n\n2,3\n\n");
        assert_eq!(
            blanks.iter().map(|r| r.0).collect::<Vec<_>>(),
            vec![2, 5, 9]
        );
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let rows = read_all("a,b\r1,2\r3,4\r");
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![1, 2, 3]);
    }
}

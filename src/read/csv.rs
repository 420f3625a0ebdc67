//! CSV reading: delimiter sniffing, and records handed out in batches with their line numbers.

use std::io::{BufRead, BufReader, Read};

use csv::StringRecord;

use super::Utf8Stream;

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

/// Turns every line end (`\r\n`, lone `\r`) into `\n` before the CSV parser sees it: the csv
/// crate's line numbers lag by one after a `\r\n`, and do not count lone `\r` at all.
///
/// It also notes where empty lines outside quotes are: the csv crate skips them without counting
/// them, so the reader adds them back to its line numbers.
struct LineEnds<R> {
    inner: R,
    /// A `\r` ended the last read: emit `\n` for it unless the next byte is that `\n`.
    pending_cr: bool,
    blank_lines: BlankLines,
    /// Bytes handed out so far, the last of them, and whether they end inside quotes.
    offset: u64,
    last: u8,
    in_quotes: bool,
}

/// Byte offsets (in the normalised text) of empty lines the parser will skip.
#[derive(Clone, Default)]
struct BlankLines {
    offsets: std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<u64>>>,
    pushed: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R> LineEnds<R> {
    fn note_blank_lines(&mut self, bytes: &[u8]) {
        let mut last = self.last;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'"' {
                self.in_quotes = !self.in_quotes;
            } else if b == b'\n' && last == b'\n' && !self.in_quotes {
                if let Ok(mut offsets) = self.blank_lines.offsets.lock() {
                    offsets.push_back(self.offset + i as u64);
                    self.blank_lines
                        .pushed
                        .fetch_add(1, std::sync::atomic::Ordering::Release);
                }
            }
            last = b;
        }
        self.last = last;
        self.offset += bytes.len() as u64;
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.len() < 2 {
            return self.inner.read(buf);
        }
        loop {
            let (start, mut n) = if self.pending_cr {
                buf[0] = b'\n';
                let read = self.inner.read(&mut buf[1..])?;
                self.pending_cr = false;
                if read > 0 && buf[1] == b'\n' {
                    buf.copy_within(1..1 + read, 0);
                    (0, read)
                } else {
                    (0, read + 1)
                }
            } else {
                (0, self.inner.read(buf)?)
            };
            if n == 0 {
                return Ok(0);
            }
            if !buf[start..n].contains(&b'\r') {
                self.note_blank_lines(&buf[..n]);
                return Ok(n);
            }
            let mut write = 0;
            let mut i = 0;
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
            n = write;
            if n > 0 {
                self.note_blank_lines(&buf[..n]);
                return Ok(n);
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

type Source = BufReader<Box<dyn Read + Send>>;

/// Records with the lines they start on, read in batches whose buffers are reused.
pub struct CsvReader {
    reader: csv::Reader<Source>,
    pub dialect: Dialect,
    quotes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    blank_lines: BlankLines,
    blank_lines_taken: u64,
}

/// Shares the quote count of the stream inside the csv reader with whoever holds the reader.
struct Counted {
    stream: Utf8Stream,
    quotes: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.stream.read(buf)?;
        self.quotes
            .store(self.stream.quotes(), std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

impl CsvReader {
    /// Wraps a UTF-8 stream, sniffing the delimiter unless one is given.
    pub fn new(stream: Utf8Stream, delimiter: Option<u8>) -> std::io::Result<CsvReader> {
        let quotes = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let counted = Counted {
            stream,
            quotes: std::sync::Arc::clone(&quotes),
        };
        let mut buffered: BufReader<Box<dyn Read + Send>> =
            BufReader::with_capacity(256 * 1024, Box::new(counted));
        let sample = buffered.fill_buf()?.to_vec();
        let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&sample));
        let blank_lines = BlankLines::default();
        let source: Source = BufReader::with_capacity(
            256 * 1024,
            Box::new(LineEnds {
                inner: buffered,
                pending_cr: false,
                blank_lines: blank_lines.clone(),
                offset: 0,
                // An empty first line counts as blank too.
                last: b'\n',
                in_quotes: false,
            }),
        );
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(256 * 1024)
            .from_reader(source);
        Ok(CsvReader {
            reader,
            dialect: Dialect { delimiter },
            quotes,
            blank_lines,
            blank_lines_taken: 0,
        })
    }

    /// Reads the next record into `record`; returns the line it starts on, or `None` at the end.
    pub fn next(&mut self, record: &mut StringRecord) -> Result<Option<u64>, csv::Error> {
        if !self.reader.read_record(record)? {
            return Ok(None);
        }
        let Some(position) = record.position() else {
            return Ok(Some(0));
        };
        // The csv crate gives the position just after the previous record, before any empty lines
        // it skips; each skipped line is one `\n` byte here, so they sit at consecutive offsets.
        let mut skipped_here = 0;
        if self
            .blank_lines
            .pushed
            .load(std::sync::atomic::Ordering::Acquire)
            > self.blank_lines_taken
        {
            if let Ok(mut offsets) = self.blank_lines.offsets.lock() {
                while let Some(&offset) = offsets.front() {
                    if offset < position.byte() {
                        offsets.pop_front();
                    } else if offset == position.byte() + skipped_here {
                        offsets.pop_front();
                        skipped_here += 1;
                    } else {
                        break;
                    }
                    self.blank_lines_taken += 1;
                }
            }
        }
        Ok(Some(position.line() + skipped_here))
    }

    /// Quote characters read so far: odd at the end of the file means a quote never closed.
    pub fn quotes(&self) -> u64 {
        self.quotes.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// A run of records read together, checked in parallel, then reused.
pub struct Batch {
    /// The data row number of the first record (1-based).
    pub first_row: u64,
    pub records: Vec<StringRecord>,
    pub lines: Vec<u64>,
    pub len: usize,
}

impl Batch {
    pub fn new() -> Batch {
        Batch {
            first_row: 1,
            records: Vec::new(),
            lines: Vec::new(),
            len: 0,
        }
    }

    /// Fills the batch with up to `capacity` records; returns how many were read.
    pub fn fill(
        &mut self,
        reader: &mut CsvReader,
        first_row: u64,
        capacity: usize,
    ) -> Result<usize, csv::Error> {
        self.first_row = first_row;
        self.len = 0;
        while self.len < capacity {
            if self.records.len() == self.len {
                self.records.push(StringRecord::new());
                self.lines.push(0);
            }
            match reader.next(&mut self.records[self.len])? {
                Some(line) => {
                    self.lines[self.len] = line;
                    self.len += 1;
                }
                None => break,
            }
        }
        Ok(self.len)
    }

    pub fn iter(&self) -> impl Iterator<Item = (u64, u64, &StringRecord)> {
        (0..self.len).map(move |i| (self.first_row + i as u64, self.lines[i], &self.records[i]))
    }
}

impl Default for Batch {
    fn default() -> Self {
        Batch::new()
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

    fn read_all(text: &str) -> Vec<(u64, Vec<String>)> {
        let stream = Utf8Stream::passthrough(
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
            false,
        );
        let mut reader = CsvReader::new(stream, None).expect("reads");
        let mut record = StringRecord::new();
        let mut out = Vec::new();
        while let Some(line) = reader.next(&mut record).expect("parses") {
            out.push((line, record.iter().map(String::from).collect()));
        }
        out
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

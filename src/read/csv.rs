//! CSV reading: delimiter sniffing, and records handed out in batches with their line numbers.

use std::io::{BufRead, BufReader, Read};

use csv::StringRecord;

use super::structural::split_line;
use super::{is_plain_utf8, NotUtf8, Utf8Stream};
use crate::spares::Spares;

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
    /// The last read ended in a `\r`, already given out as `\n`: a `\n` that begins the next
    /// read is that line end's second half, and is dropped. (Holding the `\r` back instead would
    /// need a second byte of room, which a one-byte read does not have.)
    skip_lf: bool,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            let mut i = 0;
            if std::mem::take(&mut self.skip_lf) && buf[0] == b'\n' {
                i = 1;
            }
            // From one `\r` to the next, the text between moves down as one run: a file of
            // `\r\n` lines (most Windows exports) costs a search and a copy a line, not a step
            // a byte.
            let mut write = 0;
            loop {
                let next_cr = memchr::memchr(b'\r', &buf[i..n]).map_or(n, |at| i + at);
                if write != i {
                    buf.copy_within(i..next_cr, write);
                }
                write += next_cr - i;
                i = next_cr;
                if i == n {
                    break;
                }
                buf[write] = b'\n';
                write += 1;
                i += 1;
                if i == n {
                    self.skip_lf = true;
                    break;
                }
                if buf[i] == b'\n' {
                    i += 1;
                }
            }
            if write > 0 {
                return Ok(write);
            }
            // Only the `\n` of a `\r\n` split between reads came in: read on.
        }
    }
}

/// How the CSV text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: u8,
}

impl Dialect {
    /// The state machine for records with quotes, for [`ChunkRecords`].
    pub fn parser(&self) -> csv_core::Reader {
        csv_core::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .build()
    }

    /// A parser for this dialect that goes back to this thread's spares when dropped: the
    /// checking threads take one for every run of chunks, and building one (its state table)
    /// cost 1% of the spending benchmark's CPU.
    pub fn pooled_parser(&self) -> PooledParser {
        let spare = SPARE_PARSERS.with_borrow_mut(|spare| {
            let at = spare.iter().position(|(dialect, _)| dialect == self)?;
            Some(spare.swap_remove(at).1)
        });
        PooledParser {
            parser: Some(spare.unwrap_or_else(|| self.parser())),
            dialect: *self,
        }
    }

    /// A csv reader over one chunk of whole records.
    pub fn reader<'a>(&self, bytes: &'a [u8]) -> csv::Reader<&'a [u8]> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(bytes)
    }
}

thread_local! {
    static SPARE_PARSERS: std::cell::RefCell<Vec<(Dialect, csv_core::Reader)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// See [`Dialect::pooled_parser`]. Each chunk resets the parser before reading, so what one
/// chunk left in it does not reach the next.
pub struct PooledParser {
    parser: Option<csv_core::Reader>,
    dialect: Dialect,
}

impl std::ops::Deref for PooledParser {
    type Target = csv_core::Reader;
    fn deref(&self) -> &csv_core::Reader {
        self.parser
            .as_ref()
            .unwrap_or_else(|| unreachable!("taken only on drop"))
    }
}

impl std::ops::DerefMut for PooledParser {
    fn deref_mut(&mut self) -> &mut csv_core::Reader {
        self.parser
            .as_mut()
            .unwrap_or_else(|| unreachable!("taken only on drop"))
    }
}

impl Drop for PooledParser {
    fn drop(&mut self) {
        /// A thread rarely meets more than one dialect in a run.
        const KEPT: usize = 4;
        let (Some(parser), dialect) = (self.parser.take(), self.dialect) else {
            return;
        };
        // During the thread's own exit the spares may be gone already; the parser is then let go.
        let _ = SPARE_PARSERS.try_with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut() {
                if spare.len() < KEPT {
                    spare.push((dialect, parser));
                }
            }
        });
    }
}

/// Records longer than this are not read: their bytes are skipped (and counted) instead of held,
/// so that one endless line or unclosed quote cannot take the machine's memory. Far above any
/// real record: a large WKT boundary is a few MB.
pub const MAX_RECORD_BYTES: usize = 16 << 20;

/// A record whose quoting or size is wrong, found while the text is cut into chunks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The physical line (1-based) where it is.
    pub line: u64,
    /// The 1-based character on that line: the quote at fault, or the row's start.
    pub character: u64,
    pub kind: FaultKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// A quote closing a quoted cell is followed by more text (`"18/01". Done`). The cell is read
    /// as csv readers read it (Python's, frictionless, the csv crate): the quote dropped, the text
    /// kept. `excerpt` is a short piece of the text around it.
    TextAfterQuote { excerpt: String },
    /// A quoted cell that no later quote closes: the record is read up to the end of the line the
    /// quote is on, and the lines after it are read as records of their own.
    Unclosed,
    /// A record over [`MAX_RECORD_BYTES`], skipped unread. `in_quotes`: the text ended inside the
    /// quoted cell that made it so long.
    TooLong { bytes: u64, in_quotes: bool },
}

/// Whole records of text, cut where a line ends outside quotes, with the line they start on.
pub struct Chunk {
    pub bytes: Vec<u8>,
    /// The physical line of the chunk's first byte (1-based).
    pub first_line: u64,
    /// What was wrong with the records in it, in the order of their lines. A chunk with a
    /// [`FaultKind::TooLong`] fault holds no bytes: it stands for the record skipped.
    pub faults: Vec<Fault>,
    /// Where the buffer goes back when the chunk is done with, for the reader to fill again.
    spares: Spares<Vec<u8>>,
}

impl Drop for Chunk {
    fn drop(&mut self) {
        let bytes = std::mem::take(&mut self.bytes);
        // A chunk standing for a skipped record has no memory to give.
        if bytes.capacity() > 0 {
            self.spares.give_back(bytes);
        }
    }
}

/// Chunk buffers kept: more than the chunks in flight between the reader and the checkers.
const SPARE_CHUNKS: usize = 64;

/// Splits the text into chunks of whole records without parsing them, so that parsing can happen
/// in parallel. Only quotes and line ends are looked at (with memchr), by the rule every csv
/// reader follows: a quote opens a quoted cell only at the start of a cell, and inside one, any
/// quote that is not doubled closes it. A stray quote therefore costs one record, not the rest
/// of the file, and every byte is scanned a bounded number of times.
pub struct ChunkReader {
    source: LineEnds<BufReader<Box<dyn Read + Send>>>,
    pub dialect: Dialect,
    /// Bytes read but not yet handed out; always starts at the start of a record.
    carry: Vec<u8>,
    /// How much of `carry` holds text; the rest is memory kept for the next read (recycled
    /// buffers keep their length, so they are not zeroed again).
    filled: usize,
    /// How far into `carry` the quotes have been followed.
    scan: usize,
    /// The quote that opened the quoted cell `scan` is in, if it is in one.
    open_quote: Option<usize>,
    /// The end of the last line end outside quotes before `scan`: where a chunk can be cut.
    boundary: Option<usize>,
    /// Faults found in `carry`, at their offsets.
    faults: Vec<(usize, FaultKind)>,
    line: u64,
    finished: bool,
    /// Check that each chunk is UTF-8 (for text not read through before).
    verify: bool,
    /// Buffers of chunks the checkers are done with.
    spares: Spares<Vec<u8>>,
    /// What was wrong with the header record, if anything: a header too long to read is
    /// returned empty, with this saying why.
    pub header_fault: Option<Fault>,
}

/// A line above the header that is not the header: a title, or a row numbering the columns.
pub struct TitleLine {
    pub line: u64,
    pub text: String,
    pub numbering: bool,
}

/// A row that numbers the columns (`1,2,3,…` or `(a),(b),(c),…`), as some templates put above
/// their header.
fn is_numbering(record: &StringRecord) -> bool {
    let cells: Vec<&str> = record
        .iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let counted = cells
        .iter()
        .enumerate()
        .all(|(i, c)| *c == (i + 1).to_string());
    let lettered = cells.iter().enumerate().all(|(i, c)| {
        let letter = char::from(b'a' + (i % 26) as u8);
        c.trim_matches(|ch| ch == '(' || ch == ')') == letter.to_string()
    });
    cells.len() >= 3 && (counted || lettered)
}

impl ChunkReader {
    /// Wraps a UTF-8 stream, sniffing the delimiter unless one is given. A first line `sep=;`
    /// (Excel writes it to name the delimiter) names the delimiter and is not a record.
    pub fn new(
        stream: Utf8Stream,
        delimiter: Option<u8>,
        verify: bool,
    ) -> std::io::Result<ChunkReader> {
        let mut buffered: BufReader<Box<dyn Read + Send>> =
            BufReader::with_capacity(256 * 1024, Box::new(stream));
        let mut line = 1;
        let excel_separator = excel_separator_line(buffered.fill_buf()?);
        if let Some((separator, length)) = excel_separator {
            buffered.consume(length);
            line = 2;
            // An explicit --delimiter still wins.
            if delimiter.is_none() {
                return Self::with(buffered, separator, line, verify);
            }
        }
        let sample = buffered.fill_buf()?.to_vec();
        let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&sample));
        Self::with(buffered, delimiter, line, verify)
    }

    fn with(
        buffered: BufReader<Box<dyn Read + Send>>,
        delimiter: u8,
        line: u64,
        verify: bool,
    ) -> std::io::Result<ChunkReader> {
        Ok(ChunkReader {
            source: LineEnds {
                inner: buffered,
                skip_lf: false,
            },
            dialect: Dialect { delimiter },
            carry: Vec::new(),
            filled: 0,
            scan: 0,
            open_quote: None,
            boundary: None,
            faults: Vec::new(),
            line,
            finished: false,
            verify,
            spares: Spares::new(SPARE_CHUNKS),
            header_fault: None,
        })
    }

    /// Follows the quotes of `carry` from `scan` to the end of the text read, noting each line
    /// end outside quotes in `boundary` (with `first_only`, stopping at the first).
    fn advance(&mut self, first_only: bool) {
        let delimiter = self.dialect.delimiter;
        let bytes = &self.carry[..self.filled];
        loop {
            if self.open_quote.is_some() {
                let Some(quote) = memchr::memchr(b'"', &bytes[self.scan..]).map(|i| self.scan + i)
                else {
                    self.scan = bytes.len();
                    return;
                };
                let next = bytes.get(quote + 1).copied();
                match next {
                    // The byte after decides: wait for it, unless the text has ended.
                    None if !self.finished => {
                        self.scan = quote;
                        return;
                    }
                    Some(b'"') => {
                        self.scan = quote + 2;
                        continue;
                    }
                    Some(after) if after != delimiter && after != b'\n' => {
                        let excerpt = excerpt_around(bytes, quote);
                        self.faults
                            .push((quote, FaultKind::TextAfterQuote { excerpt }));
                    }
                    _ => {}
                }
                self.open_quote = None;
                self.scan = quote + 1;
                continue;
            }
            // Outside quotes: the next quote that starts a cell opens one; others are literal.
            let mut opening = None;
            let mut from = self.scan;
            while let Some(i) = memchr::memchr(b'"', &bytes[from..]) {
                let quote = from + i;
                if quote == 0 || bytes[quote - 1] == delimiter || bytes[quote - 1] == b'\n' {
                    opening = Some(quote);
                    break;
                }
                from = quote + 1;
            }
            let end = opening.unwrap_or(bytes.len());
            let stretch = &bytes[self.scan..end];
            if first_only {
                if let Some(i) = memchr::memchr(b'\n', stretch) {
                    self.scan += i + 1;
                    self.boundary = Some(self.scan);
                    return;
                }
            } else if let Some(i) = memchr::memrchr(b'\n', stretch) {
                self.boundary = Some(self.scan + i + 1);
            }
            match opening {
                Some(quote) => {
                    self.open_quote = Some(quote);
                    self.scan = quote + 1;
                }
                None => {
                    self.scan = end;
                    return;
                }
            }
        }
    }

    /// The next chunk of about `size` bytes (more when one record is longer), or `None` at the end.
    pub fn next_chunk(&mut self, size: usize) -> std::io::Result<Option<Chunk>> {
        self.next(size, false)
    }

    fn next(&mut self, size: usize, first_only: bool) -> std::io::Result<Option<Chunk>> {
        loop {
            if !self.finished && self.filled < size {
                let read = self.fill(size)?;
                if read == 0 {
                    self.finished = true;
                }
                if self.filled < size && !self.finished {
                    continue;
                }
            }
            if self.filled == 0 {
                return Ok(None);
            }
            self.advance(first_only);
            if let Some(cut) = self.boundary {
                return self.hand_out(cut, !first_only).map(Some);
            }
            // No line end outside quotes: the text starts with one record longer than `size`.
            if self.filled > MAX_RECORD_BYTES {
                return self.skip_long_record().map(Some);
            }
            if self.finished {
                if let Some(quote) = self.open_quote {
                    return self.hand_out_unclosed(quote, !first_only).map(Some);
                }
                let filled = self.filled;
                return self.hand_out(filled, !first_only).map(Some);
            }
            let read = self.fill(size)?;
            self.finished = read == 0;
        }
    }

    /// Hands out the first `cut` bytes with their faults; the rest stays for the next chunk,
    /// still to be scanned from where the scan got to. The header chunk is checked for UTF-8
    /// here, where that is not known yet; data chunks are checked by the workers that parse them
    /// ([`ChunkRecords::new`]). Chunks end at line ends, which never fall inside a character, so
    /// each can be checked on its own.
    fn hand_out(&mut self, cut: usize, data: bool) -> std::io::Result<Chunk> {
        let split = self.faults.partition_point(|(at, _)| *at < cut);
        let mut faults = Vec::new();
        let mut counted = (0, self.line);
        for (at, kind) in self.faults.drain(..split) {
            counted.1 += memchr::memchr_iter(b'\n', &self.carry[counted.0..at]).count() as u64;
            counted.0 = at;
            let line_start = memchr::memrchr(b'\n', &self.carry[..at]).map_or(0, |i| i + 1);
            let characters = self.carry[line_start..at]
                .iter()
                .filter(|b| (**b & 0xC0) != 0x80)
                .count();
            faults.push(Fault {
                line: counted.1,
                character: characters as u64 + 1,
                kind,
            });
        }
        for fault in &mut self.faults {
            fault.0 -= cut;
        }
        self.scan -= cut;
        self.open_quote = self.open_quote.map(|at| at.saturating_sub(cut));
        self.boundary = None;
        let bytes = self.cut(cut);
        if !data && self.verify && !is_plain_utf8(&bytes) {
            return Err(NotUtf8::error());
        }
        let first_line = self.line;
        self.line += memchr::memchr_iter(b'\n', &bytes).count() as u64;
        Ok(Chunk {
            bytes,
            first_line,
            faults,
            spares: self.spares.clone(),
        })
    }

    /// Hands out the record at the start of `carry`, whose quoted cell opened at `quote` is never
    /// closed, up to the end of the quote's line; the text after it is scanned again as records.
    fn hand_out_unclosed(&mut self, quote: usize, data: bool) -> std::io::Result<Chunk> {
        let bytes = &self.carry[..self.filled];
        let cut = memchr::memchr(b'\n', &bytes[quote..]).map_or(bytes.len(), |i| quote + i + 1);
        self.faults.retain(|(at, _)| *at < quote);
        self.faults.push((quote, FaultKind::Unclosed));
        self.open_quote = None;
        self.scan = cut;
        self.hand_out(cut, data)
    }

    /// Skips the record at the start of `carry`, longer than [`MAX_RECORD_BYTES`], without holding
    /// it: its bytes are followed (for its end and its lines) and let go as they come.
    fn skip_long_record(&mut self) -> std::io::Result<Chunk> {
        let first_line = self.line;
        let mut skipped = 0u64;
        self.faults.clear();
        loop {
            if let Some(cut) = self.boundary {
                skipped += cut as u64;
                let chunk = self.hand_out(cut, true)?;
                drop(chunk);
                break;
            }
            if self.finished {
                skipped += self.filled as u64;
                self.line += memchr::memchr_iter(b'\n', &self.carry[..self.filled]).count() as u64;
                self.filled = 0;
                self.scan = 0;
                break;
            }
            // Let go of all but the last byte, which the next quote may need to look back at.
            let keep = self.filled.min(self.scan).saturating_sub(1);
            skipped += keep as u64;
            self.line += memchr::memchr_iter(b'\n', &self.carry[..keep]).count() as u64;
            self.carry.copy_within(keep..self.filled, 0);
            self.filled -= keep;
            self.scan -= keep;
            self.open_quote = self.open_quote.map(|_| 0);
            self.faults.clear();
            let read = self.fill(1 << 20)?;
            self.finished = read == 0;
            self.advance(true);
        }
        let in_quotes = self.open_quote.take().is_some();
        self.faults.clear();
        Ok(Chunk {
            bytes: Vec::new(),
            first_line,
            faults: vec![Fault {
                line: first_line,
                character: 1,
                kind: FaultKind::TooLong {
                    bytes: skipped,
                    in_quotes,
                },
            }],
            spares: self.spares.clone(),
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
            let Some(chunk) = self.next(64 * 1024, true)? else {
                return Ok(None);
            };
            if let Some(fault) = chunk.faults.first() {
                self.header_fault = Some(fault.clone());
                if matches!(fault.kind, FaultKind::TooLong { .. }) {
                    record.clear();
                    return Ok(Some(chunk.first_line));
                }
            }
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

    /// The header, under any title lines above it: a first record of one or two filled cells
    /// (`Example Council spending over £500, April 2025,,,,`) followed by a record with at least
    /// three and twice as many is a title, and a row numbering the columns (`1,2,3,…`) is skipped
    /// too; the record below is the header (up to 5 such lines, as spreadsheets export them). Returns the header's line and each title line with
    /// its text.
    pub fn header_under_titles(
        &mut self,
        record: &mut StringRecord,
    ) -> std::io::Result<(Option<u64>, Vec<TitleLine>)> {
        let mut line = self.header(record)?;
        let mut titles = Vec::new();
        let filled = |r: &StringRecord| r.iter().filter(|c| !c.trim().is_empty()).count();
        let mut next = StringRecord::new();
        while let Some(at) = line {
            let here = filled(record);
            let numbering = is_numbering(record);
            if self.header_fault.is_some()
                || !((1..=2).contains(&here) || numbering)
                || titles.len() == 5
            {
                break;
            }
            let wanted = if numbering { 3 } else { 3.max(2 * here) };
            if !self.peek(&mut next)? || filled(&next) < wanted || is_numbering(&next) {
                break;
            }
            let text: Vec<&str> = record.iter().filter(|c| !c.trim().is_empty()).collect();
            titles.push(TitleLine {
                line: at,
                text: text.join(","),
                numbering,
            });
            line = self.header(record)?;
        }
        Ok((line, titles))
    }

    /// The record after the text handed out so far, parsed without taking it (at most 64 KiB
    /// ahead); `false` at the end or when it cannot be read.
    fn peek(&mut self, record: &mut StringRecord) -> std::io::Result<bool> {
        const AHEAD: usize = 64 * 1024;
        loop {
            let text = &self.carry[..self.filled];
            let skipped = text.iter().take_while(|b| **b == b'\n').count();
            let complete = memchr::memchr(b'\n', &text[skipped..]).is_some();
            if complete || self.finished || self.filled >= AHEAD {
                let mut reader = self.dialect.reader(&text[skipped..]);
                return Ok(reader.read_record(record).unwrap_or(false));
            }
            if self.fill(AHEAD - self.filled)? == 0 {
                self.finished = true;
            }
        }
    }

    /// Reads up to `want` more bytes after the text in `carry`; returns how many came.
    fn fill(&mut self, want: usize) -> std::io::Result<usize> {
        let end = self.filled + want;
        if self.carry.len() < end {
            self.carry.resize(end, 0);
        }
        let read = self.source.read(&mut self.carry[self.filled..end])?;
        self.filled += read;
        Ok(read)
    }

    /// Hands out the first `cut` bytes of text; the rest moves to a recycled buffer.
    fn cut(&mut self, cut: usize) -> Vec<u8> {
        let remainder = self.filled - cut;
        let mut rest = self.spares.take().unwrap_or_default();
        if rest.len() < remainder {
            rest.resize(remainder, 0);
        }
        rest[..remainder].copy_from_slice(&self.carry[cut..self.filled]);
        let mut bytes = std::mem::replace(&mut self.carry, rest);
        bytes.truncate(cut);
        self.filled = remainder;
        bytes
    }
}

/// Excel's first line `sep=;` names the delimiter: the delimiter and the line's length.
fn excel_separator_line(start: &[u8]) -> Option<(u8, usize)> {
    let rest = start
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(start)
        .strip_prefix(b"sep=")?;
    let separator = *rest.first()?;
    // A quote, a letter or a line end cannot separate cells: the line is then data.
    if !(separator.is_ascii_punctuation() || separator == b'\t' || separator == b' ')
        || separator == b'"'
    {
        return None;
    }
    let length = start.len() - rest.len() + 1;
    match rest.get(1..3) {
        Some(b"\r\n") => Some((separator, length + 2)),
        _ => match rest.get(1) {
            Some(b'\n' | b'\r') => Some((separator, length + 1)),
            _ => None,
        },
    }
}

/// A short, readable piece of the text around `at`, for a message.
fn excerpt_around(bytes: &[u8], at: usize) -> String {
    const SPAN: usize = 24;
    let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
    let start = at.saturating_sub(SPAN).max(line_start);
    let end = (at + SPAN).min(line_end);
    let text = String::from_utf8_lossy(&bytes[start..end]);
    let text = text.trim_matches('\u{FFFD}');
    format!(
        "{}{}{}",
        if start > line_start { "…" } else { "" },
        text,
        if end < line_end { "…" } else { "" }
    )
}

/// One record's cells, as views into the chunk's text (or into the parser's output, for a record
/// with quotes). No allocation per record.
pub struct Record<'a> {
    text: &'a str,
    bounds: &'a [(usize, usize)],
}

impl<'a> Record<'a> {
    /// A record whose cells are `bounds` (byte ranges) in `text`.
    pub fn new(text: &'a str, bounds: &'a [(usize, usize)]) -> Record<'a> {
        Record { text, bounds }
    }

    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&'a str> {
        let (start, end) = *self.bounds.get(index)?;
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.bounds.len()).filter_map(|i| self.get(i))
    }
}

/// Readies the parser for a new chunk. csv-core drops a byte order mark at the start of the
/// first input it reads after a reset; inside a file the mark is text (two exports joined), so
/// the parser reads once first: with no room for output it takes nothing and changes no state.
fn reset(parser: &mut csv_core::Reader) {
    parser.reset();
    let _ = parser.read_record(b"\n", &mut [], &mut []);
}

/// Walks the records of one chunk, giving each its physical line. A line whose quoted cells are
/// simply `"..."` is split in one pass over its structural bytes (`structural`); only records with
/// doubled quotes or line breaks inside cells go through the csv state machine.
pub struct ChunkRecords<'a> {
    text: &'a str,
    pos: usize,
    line: u64,
    delimiter: u8,
    /// Kept by the caller across chunks: building one costs more than many records.
    parser: &'a mut csv_core::Reader,
    output: Vec<u8>,
    ends: Vec<usize>,
    bounds: Vec<(usize, usize)>,
}

impl<'a> ChunkRecords<'a> {
    /// Fails when the chunk is not UTF-8 (or holds a NUL byte): the file is then read again with a
    /// scan of the whole file, which finds its encoding.
    pub fn new(
        chunk: &'a Chunk,
        dialect: Dialect,
        parser: &'a mut csv_core::Reader,
    ) -> std::io::Result<ChunkRecords<'a>> {
        let text = simdutf8::basic::from_utf8(&chunk.bytes).map_err(|_| NotUtf8::error())?;
        if memchr::memchr(0, &chunk.bytes).is_some() {
            return Err(NotUtf8::error());
        }
        reset(parser);
        Ok(ChunkRecords {
            text,
            pos: 0,
            line: chunk.first_line,
            delimiter: dialect.delimiter,
            parser,
            output: vec![0; 4096],
            ends: vec![0; 64],
            bounds: Vec::new(),
        })
    }

    /// The next record and the line it starts on, or `None` at the end of the chunk.
    pub fn next_record(&mut self) -> Option<(u64, Record<'_>)> {
        self.next_record_spanning()
            .map(|(line, _, record)| (line, record))
    }

    /// The next record, the line it starts on and the line after its end.
    pub fn next_record_spanning(&mut self) -> Option<(u64, u64, Record<'_>)> {
        let bytes = self.text.as_bytes();
        // Empty lines are not records (as in every CSV reader); they still count as lines.
        while bytes.get(self.pos) == Some(&b'\n') {
            self.pos += 1;
            self.line += 1;
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let line = self.line;
        let start = self.pos;
        self.bounds.clear();
        if let Some(line_end) = split_line(bytes, start, self.delimiter, &mut self.bounds) {
            self.pos = line_end + 1;
            self.line += 1;
            return Some((
                line,
                self.line,
                Record {
                    text: self.text,
                    bounds: &self.bounds,
                },
            ));
        }
        self.bounds.clear();
        let (consumed, written, fields) = self.parse_quoted(&bytes[start..]);
        self.line += memchr::memchr_iter(b'\n', &bytes[start..start + consumed]).count() as u64;
        self.pos = start + consumed;
        let mut previous = 0;
        for end in &self.ends[..fields] {
            self.bounds.push((previous, *end));
            previous = *end;
        }
        // Unquoting never splits a character, so the output is UTF-8 like the input.
        let text = simdutf8::basic::from_utf8(&self.output[..written]).unwrap_or_default();
        Some((
            line,
            self.line,
            Record {
                text,
                bounds: &self.bounds,
            },
        ))
    }

    /// Grows the buffer the parser ran out of; false when `result` is not such a request.
    fn grow(&mut self, result: &csv_core::ReadRecordResult) -> bool {
        match result {
            csv_core::ReadRecordResult::OutputFull => {
                let len = self.output.len();
                self.output.resize(len * 2, 0);
                true
            }
            csv_core::ReadRecordResult::OutputEndsFull => {
                let len = self.ends.len();
                self.ends.resize(len * 2, 0);
                true
            }
            _ => false,
        }
    }

    /// Parses the one record at the start of `input`: (bytes consumed, output bytes, fields).
    fn parse_quoted(&mut self, input: &[u8]) -> (usize, usize, usize) {
        use csv_core::ReadRecordResult;
        let (mut consumed, mut written, mut fields) = (0, 0, 0);
        // Once the input is used up inside the record (the file ends in it), empty input tells
        // the parser that the end has come.
        let mut at_end = false;
        loop {
            let rest = if at_end { &[][..] } else { &input[consumed..] };
            let (result, nin, nout, nend) = self.parser.read_record(
                rest,
                &mut self.output[written..],
                &mut self.ends[fields..],
            );
            consumed += nin;
            written += nout;
            fields += nend;
            if self.grow(&result) {
                continue;
            }
            match result {
                ReadRecordResult::InputEmpty if !at_end && consumed < input.len() => {}
                ReadRecordResult::InputEmpty if !at_end => at_end = true,
                _ => {
                    if at_end {
                        // The parser has seen the end: ready it for the next chunk.
                        reset(self.parser);
                    }
                    return (consumed, written, fields);
                }
            }
        }
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
            let mut parser = reader.dialect.parser();
            let mut records =
                ChunkRecords::new(&chunk, reader.dialect, &mut parser).expect("UTF-8");
            while let Some((line, record)) = records.next_record() {
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
    fn a_byte_order_mark_inside_the_file_is_text() {
        // Two exports joined: the second's mark is kept, whether its record has quotes or not.
        let rows = read_all("h,i\n1,2\n\u{feff}a,\"b\"\n\u{feff}c,d\n");
        assert_eq!(rows[2].1, ["\u{feff}a", "b"]);
        assert_eq!(rows[3].1, ["\u{feff}c", "d"]);
        // A quote right after the mark does not open a cell: the mark is the cell's first text.
        let rows = read_all("h\n1\n\u{feff}\"x\n");
        assert_eq!(rows[2].1, ["\u{feff}\"x"]);
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

    /// A reader handing out its text a few bytes at a time, the sizes drawn from `sizes`.
    struct Trickle<'a> {
        text: &'a [u8],
        sizes: Box<dyn FnMut() -> u64 + 'a>,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = (1 + (self.sizes)() as usize % 8)
                .min(buf.len())
                .min(self.text.len());
            buf[..n].copy_from_slice(&self.text[..n]);
            self.text = &self.text[n..];
            Ok(n)
        }
    }

    #[test]
    fn line_ends_become_newlines_whatever_the_reads() {
        let mut next = crate::testing::numbers(0x0d0a);
        for _ in 0..3_000 {
            let len = (next() % 60) as usize;
            let text: Vec<u8> = (0..len)
                .map(|_| b"ab\r\n\r"[(next() % 5) as usize])
                .collect();
            let expected = String::from_utf8_lossy(&text)
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            let buffer = 1 + (next() % 20) as usize;
            let mut line_ends = LineEnds {
                inner: Trickle {
                    text: &text,
                    sizes: Box::new(&mut next),
                },
                skip_lf: false,
            };
            let mut got = Vec::new();
            let mut buf = vec![0u8; buffer];
            loop {
                let n = line_ends.read(&mut buf).expect("reads");
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
            }
            assert_eq!(String::from_utf8_lossy(&got), expected, "{text:?}");
        }
    }

    /// The records the csv crate reads from the same text, with empty lines left out.
    fn csv_crate(text: &str) -> Vec<Vec<String>> {
        let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(normalised.as_bytes());
        reader
            .records()
            .map(|r| r.expect("parses").iter().map(String::from).collect())
            .collect()
    }

    #[test]
    fn the_fast_path_reads_what_the_csv_crate_reads() {
        // A deterministic mix of plain and quoted cells, empty lines and line breaks in cells.
        let pieces = [
            "a",
            "",
            "b c",
            "\"q\"",
            "\"x,y\"",
            "\"say \"\"hi\"\"\"",
            "\"two\nlines\"",
            "£5",
            " s ",
        ];
        let mut seed = 7u64;
        let mut text = String::from("h1,h2,h3\n");
        for _ in 0..300 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let cells = 1 + (seed >> 60) as usize % 4;
            let row: Vec<&str> = (0..cells)
                .map(|k| pieces[((seed >> (8 * k)) % pieces.len() as u64) as usize])
                .collect();
            text.push_str(&row.join(","));
            text.push_str(if seed.is_multiple_of(11) {
                "\n\n"
            } else if seed.is_multiple_of(7) {
                "\r\n"
            } else {
                "\n"
            });
        }
        let ours: Vec<Vec<String>> = read_all_in(&text, 1 << 20)
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        assert_eq!(ours, csv_crate(&text));
        for size in [1, 5, 17, 64, 333] {
            let ours: Vec<Vec<String>> = read_all_in(&text, size)
                .into_iter()
                .map(|(_, r)| r)
                .collect();
            assert_eq!(ours, csv_crate(&text), "chunk size {size}");
        }
    }

    /// The faults every chunk carried, read with chunks of `size` bytes.
    fn faults_in(text: &str, size: usize) -> Vec<Fault> {
        let stream = Utf8Stream::passthrough(
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
            false,
        );
        let mut reader = ChunkReader::new(stream, None, true).expect("reads");
        reader.header(&mut StringRecord::new()).expect("reads");
        let mut faults = Vec::new();
        while let Some(chunk) = reader.next_chunk(size).expect("reads") {
            faults.extend(chunk.faults.iter().cloned());
        }
        faults
    }

    fn row(line: u64, cells: &[&str]) -> (u64, Vec<String>) {
        (line, cells.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn an_unclosed_quote_costs_its_own_line_only() {
        let text = "a,b\n1,\"open\n2,3\n4,5";
        let rows = read_all(text);
        assert_eq!(
            rows[1..],
            [
                row(2, &["1", "open\n"]),
                row(3, &["2", "3"]),
                row(4, &["4", "5"])
            ]
        );
        for size in [1, 3, 100] {
            let faults = faults_in(text, size);
            assert_eq!(
                faults,
                [Fault {
                    line: 2,
                    character: 3,
                    kind: FaultKind::Unclosed
                }],
                "size {size}"
            );
        }
    }

    #[test]
    fn a_stray_quote_inside_a_quoted_cell_does_not_derail_later_records() {
        // Issue 11, defect 2: Python's csv module and frictionless read 3 rows of 2 cells.
        let text = "id,notes\n1,\"Tree Order 18/01\". Already done.\"\n2,\"line one\nline two\"\n3,plain\n";
        let rows = read_all(text);
        assert_eq!(
            rows[1..],
            [
                row(2, &["1", "Tree Order 18/01. Already done.\""]),
                row(3, &["2", "line one\nline two"]),
                row(5, &["3", "plain"]),
            ]
        );
        for size in [1, 7, 1000] {
            let faults = faults_in(text, size);
            assert_eq!(faults.len(), 1, "size {size}");
            assert_eq!(faults[0].line, 2);
            let FaultKind::TextAfterQuote { excerpt } = &faults[0].kind else {
                panic!("{faults:?}");
            };
            assert!(excerpt.contains("18/01\". Already"), "{excerpt}");
        }
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_a_character() {
        let text = "a,b\n1,12\" drainage pipe\n2,x\n";
        assert_eq!(
            read_all(text)[1..],
            [row(2, &["1", "12\" drainage pipe"]), row(3, &["2", "x"])]
        );
        assert!(faults_in(text, 4).is_empty());
    }

    #[test]
    fn excel_sep_line_names_the_delimiter() {
        let rows = read_all("sep=;\r\na;b\r\n1,5;2\r\n");
        assert_eq!(rows, [row(2, &["a", "b"]), row(3, &["1,5", "2"])]);
    }

    #[test]
    fn a_record_over_the_limit_is_skipped_and_counted() {
        let long = "x".repeat(MAX_RECORD_BYTES + (1 << 20));
        for quoted in [false, true] {
            let open = if quoted { "\"" } else { "" };
            let text = format!("a,b\n1,2\n{open}{long}\n3,4\n");
            let faults = faults_in(&text, 1 << 16);
            let expected_bytes = if quoted {
                long.len() + 6
            } else {
                long.len() + 1
            };
            assert_eq!(
                faults,
                [Fault {
                    line: 3,
                    character: 1,
                    kind: FaultKind::TooLong {
                        bytes: expected_bytes as u64,
                        in_quotes: quoted
                    },
                }]
            );
            let rows = read_all_in(&text, 1 << 16);
            let lines: Vec<u64> = rows.iter().map(|r| r.0).collect();
            assert_eq!(lines, if quoted { vec![1, 2] } else { vec![1, 2, 4] });
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let rows = read_all("a,b\r1,2\r3,4\r");
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![1, 2, 3]);
    }
}

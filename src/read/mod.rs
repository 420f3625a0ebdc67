//! Reading input: what a file is (by content), then for text its encoding over the whole file and a
//! UTF-8 stream for the CSV reader, and for other formats a table reader (`table`). gzip is taken
//! off transparently wherever a file is opened.

pub mod csv;
mod decode;
pub mod detect;
mod structural;
pub mod table;

use std::fs::File;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::finding::{Code, Finding};
use crate::i18n::Text;
use crate::t;
pub use decode::Utf8Stream;

/// What reading a frame's bytes says: a frame is columns, not a file (its reader takes the
/// columns themselves).
#[cfg(feature = "parquet")]
const NO_BYTES: &str = "a frame in memory has no bytes to read";

/// Where a file's bytes come from.
#[derive(Clone, Debug)]
pub enum Input {
    Path(PathBuf),
    /// Standard input, a pipe or a FIFO, copied once to a temporary file that has no name on
    /// disk (it goes when the last handle does, even if the run is killed), so that it can be
    /// read more than once without being held in memory.
    Spooled {
        name: String,
        file: std::sync::Arc<File>,
    },
    /// A file held in memory, such as a member of a zip archive (`archive.zip!member.csv`).
    Memory {
        name: String,
        bytes: std::sync::Arc<Vec<u8>>,
    },
    /// One sheet of a workbook, when a workbook's sheets are tables of one standard.
    Sheet {
        book: Box<Input>,
        sheet: String,
    },
    /// Columns already in memory (a Python frame, taken over through the Arrow C interface): read
    /// as an Arrow file's would be, a slice at a time, with no bytes behind them.
    #[cfg(feature = "parquet")]
    Frame {
        name: String,
        frame: std::sync::Arc<polars_core::frame::DataFrame>,
    },
}

impl Input {
    pub fn display_name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Spooled { name, .. } => name.clone(),
            Input::Memory { name, .. } => name.clone(),
            Input::Sheet { book, .. } => book.display_name(),
            #[cfg(feature = "parquet")]
            Input::Frame { name, .. } => name.clone(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Path(p) => Some(p),
            Input::Spooled { .. } | Input::Memory { .. } => None,
            Input::Sheet { book, .. } => book.path(),
            #[cfg(feature = "parquet")]
            Input::Frame { .. } => None,
        }
    }

    /// The file's own name (a member's name inside its archive), to match it to a table.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            Input::Path(p) => p.file_name()?.to_str(),
            Input::Spooled { name, .. } if name == "<stdin>" => None,
            Input::Spooled { name, .. } => Path::new(name).file_name()?.to_str(),
            Input::Memory { name, .. } => name.rsplit(['!', '/']).next(),
            Input::Sheet { sheet, .. } => Some(sheet),
            #[cfg(feature = "parquet")]
            Input::Frame { .. } => None,
        }
    }

    /// The size of the bytes as stored (compressed, for a gzip file).
    pub fn stored_size(&self) -> Option<u64> {
        match self {
            Input::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Input::Spooled { file, .. } => file.metadata().ok().map(|m| m.len()),
            Input::Memory { bytes, .. } => Some(bytes.len() as u64),
            Input::Sheet { book, .. } => book.stored_size(),
            #[cfg(feature = "parquet")]
            Input::Frame { frame, .. } => Some(frame.estimated_size() as u64),
        }
    }

    /// The bytes, with gzip taken off.
    pub fn open_raw(&self) -> io::Result<Box<dyn Read + Send>> {
        let stored: Box<dyn Read + Send> = match self {
            Input::Path(p) => Box::new(File::open(p)?),
            Input::Spooled { file, .. } => Box::new(SpoolReader {
                file: std::sync::Arc::clone(file),
                offset: 0,
            }),
            Input::Memory { bytes, .. } => {
                Box::new(Cursor::new(SharedBytes(std::sync::Arc::clone(bytes))))
            }
            Input::Sheet { book, .. } => return book.open_raw(),
            #[cfg(feature = "parquet")]
            Input::Frame { .. } => return Err(io::Error::other(NO_BYTES)),
        };
        let mut stored = io::BufReader::with_capacity(256 << 10, stored);
        let head = io::BufRead::fill_buf(&mut stored)?;
        Ok(if head.starts_with(&GZIP_MAGIC) {
            Box::new(flate2::read::MultiGzDecoder::new(stored))
        } else if head.starts_with(&ZSTD_MAGIC) {
            Box::new(ZstdFrames::new(stored)?)
        } else {
            Box::new(stored)
        })
    }

    /// Whether the stored bytes are compressed (gzip or zstd).
    pub fn is_compressed(&self) -> bool {
        let mut head = [0u8; 4];
        let read = match self {
            Input::Path(p) => File::open(p).and_then(|mut f| read_up_to(&mut f, &mut head)),
            Input::Spooled { file, .. } => read_up_to(
                &mut SpoolReader {
                    file: std::sync::Arc::clone(file),
                    offset: 0,
                },
                &mut head,
            ),
            Input::Memory { bytes, .. } => read_up_to(&mut &bytes[..], &mut head),
            Input::Sheet { book, .. } => return book.is_compressed(),
            #[cfg(feature = "parquet")]
            Input::Frame { .. } => return false,
        };
        read.is_ok_and(|n| n >= 2) && (head.starts_with(&GZIP_MAGIC) || head == ZSTD_MAGIC)
    }

    /// The first bytes of the content (decompressed), to tell what it is.
    pub fn head(&self, size: usize) -> io::Result<Vec<u8>> {
        let mut head = vec![0u8; size];
        let n = read_up_to(&mut self.open_raw()?, &mut head)?;
        head.truncate(n);
        Ok(head)
    }

    /// The whole content (decompressed), refusing more than `limit` bytes.
    pub fn read_all(&self, limit: u64) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.open_raw()?.take(limit + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(io::Error::new(io::ErrorKind::InvalidData, TooLarge(limit)));
        }
        Ok(bytes)
    }
}

impl Input {
    /// Copies a stream that can be read only once (standard input, a pipe) to a temporary file.
    pub fn spool(name: &str, stream: &mut dyn Read) -> io::Result<Input> {
        let file = nameless_temporary_file()?;
        io::copy(stream, &mut &file)?;
        Ok(Input::Spooled {
            name: name.to_string(),
            file: std::sync::Arc::new(file),
        })
    }
}

/// A temporary file only this process can read: created private, and (on Unix) its name removed
/// at once, so that nothing is left behind however the run ends.
pub(crate) fn nameless_temporary_file() -> io::Result<File> {
    let dir = std::env::temp_dir();
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for attempt in 0..100 {
        let path = dir.join(format!(
            ".conform-{}-{stamp}-{attempt}.spool",
            std::process::id()
        ));
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(file) => {
                #[cfg(unix)]
                std::fs::remove_file(&path)?;
                return Ok(file);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("cannot make a temporary file"))
}

/// Reads a spooled file from its start with an offset of its own, so that several readers (the
/// planner, the checker, a second pass) can share one handle.
struct SpoolReader {
    file: std::sync::Arc<File>,
    offset: u64,
}

impl Read for SpoolReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        let read = std::os::unix::fs::FileExt::read_at(&*self.file, buf, self.offset)?;
        #[cfg(windows)]
        let read = std::os::windows::fs::FileExt::seek_read(&*self.file, buf, self.offset)?;
        self.offset += read as u64;
        Ok(read)
    }
}

const GZIP_MAGIC: [u8; 2] = [0x1F, 0x8B];
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

/// A zstd stream of one frame or several (as `cat a.zst b.zst` makes), decoded as it is read.
struct ZstdFrames<R: io::BufRead> {
    decoder: Option<ruzstd::decoding::StreamingDecoder<R, ruzstd::decoding::FrameDecoder>>,
}

impl<R: io::BufRead> ZstdFrames<R> {
    fn new(source: R) -> io::Result<ZstdFrames<R>> {
        let decoder = ruzstd::decoding::StreamingDecoder::new(source)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        Ok(ZstdFrames {
            decoder: Some(decoder),
        })
    }
}

impl<R: io::BufRead> Read for ZstdFrames<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            let n = decoder.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // The frame is done: another may follow.
            let Some(decoder) = self.decoder.take() else {
                return Ok(0);
            };
            let mut source = decoder.into_inner();
            if io::BufRead::fill_buf(&mut source)?.is_empty() {
                return Ok(0);
            }
            self.decoder = Some(
                ruzstd::decoding::StreamingDecoder::new(source)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?,
            );
        }
    }
}

/// A file (or a decompressed member) larger than conform reads whole.
#[derive(Debug)]
pub struct TooLarge(pub u64);

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "it unpacks to more than {} MB", self.0 >> 20)
    }
}

impl std::error::Error for TooLarge {}

/// What a [`TooLarge`] error inside `error` says (`it unpacks to more than 1024 MB`), in words
/// for a finding.
pub fn too_large_text(error: &io::Error) -> Text {
    let limit = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<TooLarge>())
        .map_or(0, |large| large.0);
    t!("read-too-large", megabytes = (limit >> 20) as i64)
}

struct SharedBytes(std::sync::Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// The encoding a file was read with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextEncoding {
    pub encoding: &'static Encoding,
    pub bom: bool,
}

impl TextEncoding {
    pub fn label(&self) -> String {
        let name = self.encoding.name().to_ascii_lowercase();
        if self.bom {
            format!("{name} (with BOM)")
        } else {
            name
        }
    }
}

/// A file ready to parse: a UTF-8 stream, how it was decoded, and any `encoding` finding.
pub struct Opened {
    pub stream: Utf8Stream,
    pub encoding: TextEncoding,
    pub finding: Option<Finding>,
    /// False when the file is taken to be UTF-8 without having been read through first: the
    /// reader must then check each chunk and stop with [`NotUtf8`] if one is not.
    pub verified: bool,
}

/// The error a reader stops with when text taken to be UTF-8 is not: the file is then opened
/// again with a scan of the whole file, which finds out what it is.
#[derive(Debug)]
pub struct NotUtf8;

impl std::fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the text is not valid UTF-8")
    }
}

impl std::error::Error for NotUtf8 {}

impl NotUtf8 {
    pub fn error() -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, NotUtf8)
    }

    pub fn is(error: &io::Error) -> bool {
        error.get_ref().is_some_and(|inner| inner.is::<NotUtf8>())
    }
}

/// Whether text taken to be UTF-8 really is (and holds no NUL byte, the mark of binary data).
pub fn is_plain_utf8(bytes: &[u8]) -> bool {
    simdutf8::basic::from_utf8(bytes).is_ok() && memchr::memchr(0, bytes).is_none()
}

/// Why a file could not be opened as text.
pub enum OpenError {
    /// The file cannot be read at all (missing, permissions): exit code 2.
    Io(io::Error),
    /// The file is read but is not text in any supported encoding: an `encoding-error` finding.
    NotText(Box<Finding>),
}

impl From<io::Error> for OpenError {
    fn from(e: io::Error) -> Self {
        OpenError::Io(e)
    }
}

/// Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 text.
const UNDEFINED_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// Where a byte sits, as a person would look for it.
#[derive(Clone, Copy, Debug)]
struct BytePosition {
    line: u64,
    /// 1-based character column, counting the characters before it on its line.
    column: u64,
    byte: u8,
}

/// What a pass over the whole file found.
#[derive(Default)]
struct Scan {
    first_invalid_utf8: Option<BytePosition>,
    first_undefined_1252: Option<BytePosition>,
    first_nul: Option<BytePosition>,
}

/// Looks at every byte once: UTF-8 validity, NUL bytes, and bytes Windows-1252 does not define.
fn scan(mut reader: impl Read) -> io::Result<Scan> {
    let mut scan = Scan::default();
    let mut buffer = vec![0u8; 1024 * 1024];
    let mut carry = 0usize; // bytes of an incomplete UTF-8 sequence kept from the last chunk
    let mut line: u64 = 1;
    // The bytes of the current line so far (bounded), to turn an offset into a character column.
    let mut line_start: Vec<u8> = Vec::new();
    loop {
        let read = reader.read(&mut buffer[carry..])?;
        let end = carry + read;
        let at_eof = read == 0;
        let chunk = &buffer[..end];
        let mut valid_upto = end;
        if scan.first_invalid_utf8.is_none() {
            if let Err(e) = std::str::from_utf8(chunk) {
                match e.error_len() {
                    None if !at_eof => valid_upto = e.valid_up_to(),
                    _ => {
                        let at = e.valid_up_to();
                        scan.first_invalid_utf8 =
                            Some(position(chunk, at, line, &line_start, true));
                    }
                }
            }
        }
        if scan.first_nul.is_none() {
            if let Some(at) = memchr::memchr(0, &chunk[..valid_upto]) {
                scan.first_nul = Some(position(chunk, at, line, &line_start, false));
            }
        }
        if scan.first_invalid_utf8.is_some() && scan.first_undefined_1252.is_none() {
            if let Some(at) = chunk[..valid_upto]
                .iter()
                .position(|b| UNDEFINED_1252.contains(b))
            {
                scan.first_undefined_1252 = Some(position(chunk, at, line, &line_start, true));
            }
        }
        let processed = &chunk[..valid_upto];
        line += memchr::memchr_iter(b'\n', processed).count() as u64;
        match memchr::memrchr(b'\n', processed) {
            Some(nl) => {
                line_start.clear();
                line_start
                    .extend_from_slice(&processed[nl + 1..processed.len().min(nl + 1 + 4096)]);
            }
            None if line_start.len() < 4096 => {
                line_start.extend_from_slice(&processed[..processed.len().min(4096)]);
            }
            None => {}
        }
        if at_eof {
            break;
        }
        buffer.copy_within(valid_upto..end, 0);
        carry = end - valid_upto;
        if scan.first_undefined_1252.is_some() && scan.first_nul.is_some() {
            break;
        }
    }
    Ok(scan)
}

/// The line and character column of `chunk[at]`, given the line the chunk starts on and the bytes
/// of that line that came before the chunk.
fn position(
    chunk: &[u8],
    at: usize,
    first_line: u64,
    carried: &[u8],
    lenient: bool,
) -> BytePosition {
    let before = &chunk[..at];
    let newlines = before.iter().filter(|b| **b == b'\n').count() as u64;
    let line_bytes: Vec<u8> = match before.iter().rposition(|b| *b == b'\n') {
        Some(nl) => before[nl + 1..].to_vec(),
        None => [carried, before].concat(),
    };
    let characters = if lenient {
        WINDOWS_1252
            .decode_without_bom_handling(&line_bytes)
            .0
            .chars()
            .count()
    } else {
        String::from_utf8_lossy(&line_bytes).chars().count()
    };
    BytePosition {
        line: first_line + newlines,
        column: characters as u64 + 1,
        byte: chunk[at],
    }
}

/// What the first bytes say the file really is, when it is not text.
fn sniff_binary(head: &[u8]) -> Option<Text> {
    if head.starts_with(b"PK\x03\x04") {
        Some(t!("read-binary-zip"))
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(t!("read-binary-xls"))
    } else if head.starts_with(b"%PDF") {
        Some(t!("read-binary-pdf"))
    } else {
        None
    }
}

fn not_text(message: Text, help: Text, line: Option<u64>) -> OpenError {
    let mut finding = Finding::text(Code::EncodingError, message).with_help_text(Some(help));
    finding.line = line;
    OpenError::NotText(Box::new(finding))
}

/// Opens `input`, deciding its encoding from the whole file unless `forced`.
pub fn open(input: &Input, forced: Option<&'static Encoding>) -> Result<Opened, OpenError> {
    open_with(input, forced, false)
}

/// Opens `input` without reading it through first when it starts like UTF-8 text: most files are,
/// and the reader checks every chunk anyway (see [`Opened::verified`]).
pub fn open_lazily(input: &Input, forced: Option<&'static Encoding>) -> Result<Opened, OpenError> {
    open_with(input, forced, true)
}

fn open_with(
    input: &Input,
    forced: Option<&'static Encoding>,
    lazy: bool,
) -> Result<Opened, OpenError> {
    let mut head = [0u8; 4];
    let head_len = read_up_to(&mut input.open_raw()?, &mut head)?;
    let head = &head[..head_len];
    if let Some(encoding) = forced {
        let stream = Utf8Stream::decoding(input.open_raw()?, encoding);
        return Ok(Opened {
            stream,
            encoding: TextEncoding {
                encoding,
                bom: false,
            },
            finding: None,
            verified: true,
        });
    }
    if let Some(what) = sniff_binary(head) {
        return Err(not_text(
            t!("read-not-csv", what = what),
            t!("read-not-csv-help"),
            None,
        ));
    }
    // UTF-16, told by its byte order mark or, without one, by its zero bytes.
    let utf16 = if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        let encoding = if head[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        Some((encoding, true, t!("read-utf16-bom")))
    } else {
        utf16_without_bom(head).map(|encoding| (encoding, false, t!("read-utf16-no-bom")))
    };
    if let Some((encoding, bom, told_by)) = utf16 {
        let finding = Finding::text(
            Code::Encoding,
            t!("read-utf16", encoding = encoding.name(), told_by = told_by),
        )
        .with_help_text(Some(t!("read-utf16-help")));
        return Ok(Opened {
            stream: Utf8Stream::decoding(input.open_raw()?, encoding),
            encoding: TextEncoding { encoding, bom },
            finding: Some(finding),
            verified: true,
        });
    }
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    let as_utf8 = |verified: bool| -> Result<Opened, OpenError> {
        Ok(Opened {
            stream: Utf8Stream::passthrough(input.open_raw()?, bom),
            encoding: TextEncoding {
                encoding: UTF_8,
                bom,
            },
            finding: None,
            verified,
        })
    };
    if lazy {
        return as_utf8(false);
    }
    let scan = scan(input.open_raw()?)?;
    if let Some(nul) = scan.first_nul {
        return Err(not_text(
            t!(
                "read-nul-byte",
                line = nul.line as i64,
                column = nul.column as i64
            ),
            t!("read-nul-byte-help"),
            Some(nul.line),
        ));
    }
    let Some(invalid) = scan.first_invalid_utf8 else {
        return as_utf8(true);
    };
    if let Some(undefined) = scan.first_undefined_1252 {
        return Err(not_text(
            t!(
                "read-undefined-byte",
                line = undefined.line as i64,
                column = undefined.column as i64,
                byte = format!("{:02X}", undefined.byte)
            ),
            t!("read-undefined-byte-help"),
            Some(undefined.line),
        ));
    }
    let character = WINDOWS_1252
        .decode_without_bom_handling(&[invalid.byte])
        .0
        .into_owned();
    let mut finding = Finding::text(
        Code::Encoding,
        t!(
            "read-windows-1252",
            line = invalid.line as i64,
            column = invalid.column as i64,
            byte = format!("{:02X}", invalid.byte),
            character = &character
        ),
    )
    .with_help_text(Some(t!("read-windows-1252-help")))
    .with_value(&character);
    finding.line = Some(invalid.line);
    finding.character = Some(invalid.column);
    Ok(Opened {
        stream: Utf8Stream::decoding(input.open_raw()?, WINDOWS_1252),
        encoding: TextEncoding {
            encoding: WINDOWS_1252,
            bom: false,
        },
        finding: Some(finding),
        verified: true,
    })
}

fn read_up_to(reader: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// UTF-16 written without a byte order mark, told by its zero bytes: text that is mostly ASCII
/// has a zero as the high byte of nearly every character, so zeros fall on one side of each pair.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.chunks_exact(2).take(512);
    let (mut big_endian, mut little_endian, mut total) = (0usize, 0usize, 0usize);
    for pair in pairs {
        total += 1;
        match (pair[0], pair[1]) {
            (0, b) if b != 0 => big_endian += 1,
            (b, 0) if b != 0 => little_endian += 1,
            _ => {}
        }
    }
    // Two characters at least, and nine in ten of them ASCII in one byte order.
    if total < 2 {
        return None;
    }
    if big_endian * 10 >= total * 9 {
        Some(UTF_16BE)
    } else if little_endian * 10 >= total * 9 {
        Some(UTF_16LE)
    } else {
        None
    }
}

/// Resolves an `--encoding` name (any WHATWG label: utf-8, windows-1252, latin1, utf-16le...).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.as_bytes())
}

/// Opens `input` again with an encoding already decided, for reading parts of it back.
pub fn reopen(input: &Input, encoding: &'static Encoding) -> io::Result<Utf8Stream> {
    let raw = input.open_raw()?;
    Ok(if encoding == UTF_8 {
        Utf8Stream::passthrough(raw, true)
    } else {
        Utf8Stream::decoding(raw, encoding)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open_bytes(bytes: &[u8]) -> Result<Opened, OpenError> {
        open(
            &Input::Memory {
                name: "test.csv".into(),
                bytes: std::sync::Arc::new(bytes.to_vec()),
            },
            None,
        )
    }

    fn text(opened: Opened) -> String {
        let mut s = String::new();
        let mut stream = opened.stream;
        stream.read_to_string(&mut s).expect("decodes");
        s
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = open_bytes("a,b\n£1,2\n".as_bytes()).ok().expect("opens");
        assert!(plain.finding.is_none());
        assert_eq!(text(plain), "a,b\n£1,2\n");
        let bom = open_bytes(b"\xEF\xBB\xBFa,b\n").ok().expect("opens");
        assert!(bom.encoding.bom);
        assert_eq!(text(bom), "a,b\n");
    }

    #[test]
    fn windows_1252_is_read_and_reported_at_the_byte() {
        let opened = open_bytes(b"a,b\nx,y\nok,\xA3500\n").ok().expect("opens");
        let mut finding = opened.finding.clone().expect("an encoding finding");
        finding.render(crate::i18n::Lang::En);
        assert_eq!(finding.code, Code::Encoding);
        assert_eq!(finding.line, Some(3));
        assert!(finding.message.contains("column 4"), "{}", finding.message);
        assert!(finding.message.contains("0xA3") && finding.message.contains('£'));
        assert_eq!(text(opened), "a,b\nx,y\nok,£500\n");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "a,b\n1,2\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let opened = open_bytes(&bytes).ok().expect("opens");
        assert_eq!(
            opened.finding.as_ref().map(|f| f.code),
            Some(Code::Encoding)
        );
        assert_eq!(text(opened), "a,b\n1,2\n");
    }

    #[test]
    fn undefined_bytes_and_binaries_are_not_text() {
        for bytes in [
            &b"a,b\n\xA3,\x81\n"[..],
            b"PK\x03\x04rest",
            b"a,b\n1,\x00\n",
        ] {
            match open_bytes(bytes) {
                Err(OpenError::NotText(f)) => assert_eq!(f.code, Code::EncodingError),
                _ => panic!("{bytes:?} should not be text"),
            }
        }
    }

    #[test]
    fn a_multibyte_character_split_across_chunks_is_still_utf8() {
        let mut bytes = vec![b'a'; 256 * 1024 - 1];
        bytes.extend_from_slice("£\n".as_bytes());
        let scan = scan(&bytes[..]).expect("reads");
        assert!(scan.first_invalid_utf8.is_none());
    }
}

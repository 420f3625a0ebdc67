//! An upload in: the file as a multipart field `file` (the page's form) or as the raw body (an
//! API client), streamed chunk by chunk into a temporary file that has no name on disk, so that
//! memory holds a chunk, not the file, and nothing is left behind however the answer ends.

use std::io::{self, Read};

use crate::read::Input;

/// What a request carried: the file, and its other fields.
pub struct Upload {
    pub file: Option<Input>,
    pub fields: Vec<(String, String)>,
}

/// Why an upload was refused.
pub enum Refused {
    /// Larger than the limit (bytes).
    TooLarge(u64),
    /// Not a form or body conform can read.
    Malformed(String),
    /// The temporary file could not be written.
    Io(io::Error),
}

/// Most bytes a form field other than the file may hold.
const MAX_FIELD_BYTES: u64 = 4096;

/// Reads `body` as multipart/form-data with `boundary`. The body is read on this thread and
/// handed a chunk at a time (through a channel of a few chunks) to the parser on another, since
/// multer's stream must be `Send` and the server's request reader is not.
pub fn multipart(body: &mut dyn Read, boundary: &str, limit: u64) -> Result<Upload, Refused> {
    let (chunks, stream) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(4);
    std::thread::scope(|scope| {
        let parser = scope.spawn(move || parse_form(stream, boundary, limit));
        loop {
            let mut chunk = vec![0u8; 64 * 1024];
            let read = body.read(&mut chunk);
            let done = matches!(read, Ok(0) | Err(_));
            let item = read.map(|n| {
                chunk.truncate(n);
                chunk
            });
            // The parser stops early on a refusal: the rest of the body is not wanted.
            if (!done || item.is_err()) && chunks.send(item).is_err() {
                break;
            }
            if done {
                break;
            }
        }
        drop(chunks);
        parser
            .join()
            .unwrap_or_else(|_| Err(Refused::Malformed("the form could not be read".into())))
    })
}

fn parse_form(
    stream: std::sync::mpsc::Receiver<io::Result<Vec<u8>>>,
    boundary: &str,
    limit: u64,
) -> Result<Upload, Refused> {
    let constraints = multer::Constraints::new().size_limit(
        multer::SizeLimit::new()
            .whole_stream(limit.saturating_add(64 * 1024))
            .per_field(limit),
    );
    let stream = futures_util::stream::iter(stream);
    let mut form = multer::Multipart::with_constraints(stream, boundary, constraints);
    let mut upload = Upload {
        file: None,
        fields: Vec::new(),
    };
    pollster::block_on(async {
        while let Some(mut field) = form.next_field().await.map_err(refusal)? {
            let name = field.name().unwrap_or("").to_string();
            if name == "file" {
                if upload.file.is_some() {
                    return Err(Refused::Malformed(
                        "the form holds more than one file".into(),
                    ));
                }
                let shown = super::http::display_file_name(field.file_name().unwrap_or("upload"));
                let mut spool = Spool::new().map_err(Refused::Io)?;
                while let Some(chunk) = field.chunk().await.map_err(refusal)? {
                    spool.write(&chunk, limit)?;
                }
                if spool.written > 0 {
                    upload.file = Some(spool.into_input(&shown));
                }
            } else {
                let mut value = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(refusal)? {
                    value.extend_from_slice(&chunk);
                    if value.len() as u64 > MAX_FIELD_BYTES {
                        return Err(Refused::Malformed(format!(
                            "a form field is longer than {MAX_FIELD_BYTES} bytes"
                        )));
                    }
                }
                upload
                    .fields
                    .push((name, String::from_utf8_lossy(&value).into_owned()));
            }
        }
        Ok(upload)
    })
}

/// Reads `body` whole as the file (an API client's raw body), up to `limit` bytes.
pub fn raw(body: &mut dyn Read, name: &str, limit: u64) -> Result<Upload, Refused> {
    let mut spool = Spool::new().map_err(Refused::Io)?;
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        let n = body
            .read(&mut buffer)
            .map_err(|e| Refused::Malformed(format!("the upload broke off: {e}")))?;
        if n == 0 {
            break;
        }
        spool.write(&buffer[..n], limit)?;
    }
    let file = if spool.written == 0 {
        None
    } else {
        Some(spool.into_input(name))
    };
    Ok(Upload {
        file,
        fields: Vec::new(),
    })
}

fn refusal(error: multer::Error) -> Refused {
    match error {
        multer::Error::StreamSizeExceeded { limit }
        | multer::Error::FieldSizeExceeded { limit, .. } => Refused::TooLarge(limit),
        other => Refused::Malformed(format!("the form cannot be read: {other}")),
    }
}

/// The upload's bytes, written as they arrive to a temporary file without a name.
struct Spool {
    file: std::fs::File,
    written: u64,
}

impl Spool {
    fn new() -> io::Result<Spool> {
        Ok(Spool {
            file: crate::read::nameless_temporary_file()?,
            written: 0,
        })
    }

    fn write(&mut self, bytes: &[u8], limit: u64) -> Result<(), Refused> {
        self.written += bytes.len() as u64;
        if self.written > limit {
            return Err(Refused::TooLarge(limit));
        }
        io::Write::write_all(&mut self.file, bytes).map_err(Refused::Io)
    }

    fn into_input(self, name: &str) -> Input {
        Input::Spooled {
            name: name.to_string(),
            file: std::sync::Arc::new(self.file),
        }
    }
}

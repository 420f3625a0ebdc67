//! An upload in: the file as a multipart field `file` (the page's form) or as the raw body (an
//! API client), streamed chunk by chunk into a temporary file that has no name on disk, so that
//! memory holds a chunk, not the file, and nothing is left behind however the answer ends. A
//! client that stops sending is dropped after a pause, so that it holds nothing for long.

use std::io::{self, Write};
use std::time::Duration;

use bytes::Bytes;
use futures_util::Stream;
use http_body_util::BodyExt;
use hyper::body::Incoming;

use crate::read::Input;

/// What a request carried: the file, and its other fields.
pub struct Upload {
    pub file: Option<Input>,
    pub fields: Vec<(String, String)>,
}

/// The value of `name` among `fields` (a form's, a query's), trimmed; `None` when absent or empty.
pub fn field_of(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Why an upload was refused.
pub enum Refused {
    /// Larger than the limit (bytes).
    TooLarge(u64),
    /// Not a form or body conform can read.
    Malformed(String),
    /// The client stopped sending for longer than the server waits.
    Stalled,
    /// The temporary file could not be written.
    Io(io::Error),
}

/// Longest pause in an upload before the server gives up on it.
pub const IDLE: Duration = Duration::from_secs(60);
/// Most bytes a form field other than the file may hold, and most such fields.
const MAX_FIELD_BYTES: usize = 4096;
const MAX_FIELDS: usize = 32;

/// The body's bytes as a stream, each chunk awaited at most `IDLE`.
fn chunks(body: Incoming) -> impl Stream<Item = Result<Bytes, io::Error>> + Send {
    futures_util::stream::unfold(Some(body), |body| async move {
        let mut body = body?;
        loop {
            match tokio::time::timeout(IDLE, body.frame()).await {
                Err(_) => {
                    return Some((
                        Err(io::Error::new(
                            io::ErrorKind::TimedOut,
                            "the upload stalled",
                        )),
                        None,
                    ))
                }
                Ok(None) => return None,
                Ok(Some(Err(e))) => return Some((Err(io::Error::other(e)), None)),
                Ok(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        return Some((Ok(data), Some(body)));
                    }
                    // Trailers carry no data: read on.
                }
            }
        }
    })
}

/// Reads the body as multipart/form-data with `boundary`.
pub async fn multipart(body: Incoming, boundary: &str, limit: u64) -> Result<Upload, Refused> {
    let constraints = multer::Constraints::new().size_limit(
        multer::SizeLimit::new()
            .whole_stream(limit.saturating_add(MAX_FIELDS as u64 * MAX_FIELD_BYTES as u64 + 65536))
            .per_field(limit),
    );
    let mut form = multer::Multipart::with_constraints(chunks(body), boundary, constraints);
    let mut upload = Upload {
        file: None,
        fields: Vec::new(),
    };
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
            if upload.fields.len() >= MAX_FIELDS {
                return Err(Refused::Malformed(format!(
                    "the form has more than {MAX_FIELDS} fields"
                )));
            }
            let mut value = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(refusal)? {
                value.extend_from_slice(&chunk);
                if value.len() > MAX_FIELD_BYTES {
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
}

/// Reads the whole body as the file (an API client's raw body), up to `limit` bytes.
pub async fn raw(body: Incoming, name: &str, limit: u64) -> Result<Upload, Refused> {
    let mut spool = Spool::new().map_err(Refused::Io)?;
    let mut stream = std::pin::pin!(chunks(body));
    while let Some(chunk) = futures_util::StreamExt::next(&mut stream).await {
        let chunk = chunk.map_err(|e| match e.kind() {
            io::ErrorKind::TimedOut => Refused::Stalled,
            _ => Refused::Malformed(format!("the upload broke off: {e}")),
        })?;
        spool.write(&chunk, limit)?;
    }
    let file = (spool.written > 0).then(|| spool.into_input(name));
    Ok(Upload {
        file,
        fields: Vec::new(),
    })
}

fn refusal(error: multer::Error) -> Refused {
    match error {
        multer::Error::StreamSizeExceeded { limit }
        | multer::Error::FieldSizeExceeded { limit, .. } => Refused::TooLarge(limit),
        multer::Error::StreamReadFailed(e) if e.to_string().contains("stalled") => Refused::Stalled,
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
        self.file.write_all(bytes).map_err(Refused::Io)
    }

    fn into_input(self, name: &str) -> Input {
        Input::Spooled {
            name: name.to_string(),
            file: std::sync::Arc::new(self.file),
        }
    }
}

//! A reader that yields UTF-8: the file's bytes as they are, or decoded from another encoding.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding};

/// UTF-8 bytes from a file, whatever its encoding.
pub struct Utf8Stream {
    inner: Box<dyn Read + Send>,
    decoder: Option<Decoder>,
    skip_bom: bool,
    pending: Vec<u8>,
    pending_at: usize,
    raw: Vec<u8>,
    finished: bool,
}

impl Utf8Stream {
    pub fn passthrough(inner: Box<dyn Read + Send>, skip_bom: bool) -> Utf8Stream {
        Utf8Stream::new(inner, None, skip_bom)
    }

    pub fn decoding(inner: Box<dyn Read + Send>, encoding: &'static Encoding) -> Utf8Stream {
        // With BOM handling the decoder drops a BOM of its own encoding.
        Utf8Stream::new(inner, Some(encoding.new_decoder_with_bom_removal()), false)
    }

    fn new(inner: Box<dyn Read + Send>, decoder: Option<Decoder>, skip_bom: bool) -> Utf8Stream {
        Utf8Stream {
            inner,
            decoder,
            skip_bom,
            pending: Vec::new(),
            pending_at: 0,
            raw: vec![0; 64 * 1024],
            finished: false,
        }
    }

    fn read_decoded(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.pending_at < self.pending.len() {
                let n = out.len().min(self.pending.len() - self.pending_at);
                out[..n].copy_from_slice(&self.pending[self.pending_at..self.pending_at + n]);
                self.pending_at += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            let read = self.inner.read(&mut self.raw)?;
            let last = read == 0;
            self.pending.clear();
            self.pending_at = 0;
            let needed = decoder
                .max_utf8_buffer_length(read)
                .unwrap_or(read * 3 + 16);
            self.pending.resize(needed, 0);
            let (result, _, written, _) =
                decoder.decode_to_utf8(&self.raw[..read], &mut self.pending, last);
            debug_assert!(matches!(result, CoderResult::InputEmpty));
            self.pending.truncate(written);
            if last {
                self.finished = true;
            }
        }
    }
}

impl Read for Utf8Stream {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = if self.decoder.is_some() {
            self.read_decoded(out)?
        } else {
            let mut n = self.inner.read(out)?;
            if self.skip_bom && n > 0 {
                self.skip_bom = false;
                // The BOM is the first three bytes of the file; a short first read is read again.
                while n < 3 {
                    let more = self.inner.read(&mut out[n..])?;
                    if more == 0 {
                        break;
                    }
                    n += more;
                }
                if out[..n].starts_with(&[0xEF, 0xBB, 0xBF]) {
                    out.copy_within(3..n, 0);
                    n -= 3;
                }
            }
            n
        };
        Ok(n)
    }
}

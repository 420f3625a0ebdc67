//! Finding where a JSON pointer lands in a JSON text, so that diagnostics about a standard can
//! underline the very value that is wrong.

/// The byte range of the value at `pointer` (RFC 6901) in `text`, or of the deepest value that
/// exists on the way to it. `None` when the text is not JSON.
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(crate::json_pointer::unescape)
        .collect();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    let mut span = scanner.value_span()?;
    for segment in &segments {
        let mut inner = Scanner {
            bytes: text.as_bytes(),
            pos: span.0,
        };
        match inner.find_child(segment) {
            Some(child) => span = child,
            None => break,
        }
    }
    Some(span)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips one value and returns its span.
    fn value_span(&mut self) -> Option<(usize, usize)> {
        self.skip_ws();
        let start = self.pos;
        match self.peek()? {
            b'"' => self.skip_string()?,
            b'{' | b'[' => {
                let mut depth = 0usize;
                while let Some(c) = self.peek() {
                    match c {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some((start, self.pos));
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
                return None;
            }
            _ => {
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b'}' | b']') || c.is_ascii_whitespace() {
                        break;
                    }
                    self.pos += 1;
                }
            }
        }
        Some((start, self.pos))
    }

    fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'"' => return Some(()),
                _ => {}
            }
        }
        None
    }

    fn read_key(&mut self) -> Option<String> {
        let (start, end) = self.value_span()?;
        serde_json::from_slice::<String>(&self.bytes[start..end]).ok()
    }

    /// With the scanner on an object or array, the span of the member named `segment`.
    fn find_child(&mut self, segment: &str) -> Option<(usize, usize)> {
        self.skip_ws();
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key = self.read_key()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.pos += 1;
                    let span = self.value_span()?;
                    if key == segment {
                        return Some(span);
                    }
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            b'[' => {
                let wanted: usize = segment.parse().ok()?;
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    let span = self.value_span()?;
                    if index == wanted {
                        return Some(span);
                    }
                    index += 1;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn finds_nested_values() {
        let text = r#"{ "a": { "b/c": [1, "two", {"d": true}] }, "e": "x" }"#;
        let at = |p: &str| locate(text, p).map(|(s, e)| &text[s..e]);
        assert_eq!(at("/e"), Some("\"x\""));
        assert_eq!(at("/a/b~1c/1"), Some("\"two\""));
        assert_eq!(at("/a/b~1c/2/d"), Some("true"));
        // A pointer that goes nowhere lands on the deepest value that exists.
        assert_eq!(at("/a/nope"), Some(r#"{ "b/c": [1, "two", {"d": true}] }"#));
        assert_eq!(locate("", "/a"), None);
    }
}

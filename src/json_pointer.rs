//! JSON pointers (RFC 6901): a key as a pointer segment, and back.

use std::borrow::Cow;

/// `a/b~c` as `a~1b~0c`.
pub fn escape(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(segment)
    }
}

/// `a~1b~0c` as `a/b~c`.
pub fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_round_trip() {
        for key in ["plain", "a/b", "~", "a~1b", "Net amount (£)"] {
            assert_eq!(unescape(&escape(key)), key);
        }
        assert_eq!(escape("a/b~c"), "a~1b~0c");
    }
}

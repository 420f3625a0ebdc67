//! Web formats: email addresses, URIs and UUIDs.

use crate::i18n::Text;
use crate::t;

/// A practical email check: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(at) = b.iter().position(|&c| c == b'@') else {
        return false;
    };
    let domain = &b[at + 1..];
    at > 0
        && !domain.contains(&b'@')
        && !has_space(s)
        && domain.contains(&b'.')
        && !domain.starts_with(b".")
        && !domain.ends_with(b".")
}

/// Whether the text holds whitespace as `char::is_whitespace` defines it; the characters are
/// decoded only when there is one beyond ASCII.
fn has_space(s: &str) -> bool {
    let (space, wide) = ascii_scan(s, |c| matches!(c, b'\t'..=b'\r' | b' '));
    space || (wide && s.chars().any(|c| !c.is_ascii() && c.is_whitespace()))
}

/// Whether any byte of `s` passes `test`, and whether any is beyond ASCII: one pass with no
/// early exit, which the compiler turns into wide compares (addresses and URIs are in every row of
/// some standards).
#[inline]
fn ascii_scan(s: &str, test: impl Fn(u8) -> bool) -> (bool, bool) {
    let (mut found, mut wide) = (false, false);
    for &c in s.as_bytes() {
        found |= test(c);
        wide |= c >= 0x80;
    }
    (found, wide)
}

/// An absolute URI: a scheme, a colon and no spaces.
pub fn is_uri(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(colon) = b.iter().position(|&c| c == b':') else {
        return false;
    };
    let scheme = &b[..colon];
    scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme[1..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
        && colon + 1 < b.len()
        && !has_space_or_control(s)
}

/// Whether the text holds a space or a control character (Unicode's, as `char` defines them).
/// Addresses are long and nearly always ASCII: the bytes are looked at first, the characters only
/// when there is one beyond ASCII.
fn has_space_or_control(s: &str) -> bool {
    // Every ASCII space and control character is at or below the space, or is DEL.
    let (control, wide) = ascii_scan(s, |c| c <= b' ' || c == 0x7f);
    control
        || (wide
            && s.chars()
                .any(|c| !c.is_ascii() && (c.is_whitespace() || c.is_control())))
}

/// A UUID in its usual form: `8-4-4-4-12` hex digits. Open Referral UK's tables have several
/// in every row, so the 32 digits are tested eight at a time (four word tests, no branch a byte).
pub fn is_uuid(s: &str) -> bool {
    let Ok(b) = <&[u8; 36]>::try_from(s.as_bytes()) else {
        return false;
    };
    let eight = |at: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(word)
    };
    let four = |at: usize| {
        let mut word = [0u8; 4];
        word.copy_from_slice(&b[at..at + 4]);
        u64::from(u32::from_le_bytes(word))
    };
    b[8] == b'-'
        && b[13] == b'-'
        && b[18] == b'-'
        && b[23] == b'-'
        && all_hex_digits(eight(0))
        && all_hex_digits(four(9) | (four(14) << 32))
        && all_hex_digits(four(19) | (four(24) << 32))
        && all_hex_digits(eight(28))
}

/// Whether each of the eight bytes of `word` is an ASCII hex digit, all tested at once.
fn all_hex_digits(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // With every byte below 0x80, adding 0x80 - `low` to each byte cannot carry into the next,
    // and leaves its high bit set exactly where the byte is `low` or more.
    let at_least = |w: u64, low: u8| w.wrapping_add(ONES * u64::from(0x80 - low)) & HIGH;
    let between = |w: u64, low: u8, high: u8| at_least(w, low) & !at_least(w, high + 1);
    // Setting 0x20 lower-cases `A`-`F` and maps no other byte into `a`-`f`.
    let letters = word | (ONES * 0x20);
    word & HIGH == 0 && (between(word, b'0', b'9') | between(letters, b'a', b'f')) == HIGH
}

/// Help for a value that is not a URI.
pub fn uri_help(value: &str) -> Option<Text> {
    if value.contains("://") && value.trim().contains(char::is_whitespace) {
        return Some(t!(
            "format-uri-help-spaces",
            rewrite = t!("format-uri-help-write-each"),
        ));
    }
    Some(t!("format-uri-help-whole"))
}

/// A JSON object in a cell (Table Schema's `object` type).
pub fn is_json_object(s: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(s).is_ok_and(|v| v.is_object())
}

/// A JSON array in a cell (Table Schema's `array` type).
pub fn is_json_array(s: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(s).is_ok_and(|v| v.is_array())
}

/// A GeoJSON object in a cell: a JSON object whose `type` is one GeoJSON defines.
pub fn is_geojson(s: &str) -> bool {
    const TYPES: &[&str] = &[
        "Point",
        "MultiPoint",
        "LineString",
        "MultiLineString",
        "Polygon",
        "MultiPolygon",
        "GeometryCollection",
        "Feature",
        "FeatureCollection",
    ];
    serde_json::from_str::<serde_json::Value>(s).is_ok_and(|v| {
        v.get("type")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|t| TYPES.contains(&t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_controls_are_found_as_char_finds_them() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let text = format!("https://example.org/a{c}b");
            assert_eq!(
                has_space_or_control(&text),
                c.is_whitespace() || c.is_control(),
                "{:?}",
                c
            );
        }
    }

    /// The UUID test as first written, a byte at a time: the word test must agree with it.
    fn uuid_by_bytes(b: &[u8]) -> bool {
        b.len() == 36
            && b.iter().enumerate().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => *c == b'-',
                _ => c.is_ascii_hexdigit(),
            })
    }

    #[test]
    fn uuids_agree_with_the_byte_at_a_time_test_for_every_byte_in_every_place() {
        let valid = *b"123e4567-e89b-12d3-A456-426614174000";
        assert!(is_uuid(std::str::from_utf8(&valid).unwrap()));
        for place in 0..valid.len() {
            for byte in 0..=255u8 {
                let mut bytes = valid;
                bytes[place] = byte;
                let as_text = String::from_utf8_lossy(&bytes);
                assert_eq!(
                    is_uuid(&as_text),
                    uuid_by_bytes(as_text.as_bytes()),
                    "{as_text:?}"
                );
            }
        }
        for text in [
            "",
            "123e4567-e89b-12d3-a456-42661417400",
            "g23e4567-e89b-12d3-a456-426614174000",
        ] {
            assert_eq!(is_uuid(text), uuid_by_bytes(text.as_bytes()), "{text:?}");
        }
    }

    #[test]
    fn hex_digit_words_agree_with_the_byte_test() {
        for byte in 0..=255u8 {
            for place in 0..8 {
                let mut word = *b"0123abCF";
                word[place] = byte;
                assert_eq!(
                    all_hex_digits(u64::from_le_bytes(word)),
                    word.iter().all(u8::is_ascii_hexdigit),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn email_spaces_are_found_as_char_finds_them() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let text = format!("a{c}b@example.org");
            assert_eq!(has_space(&text), c.is_whitespace(), "{:?}", c);
        }
        assert!(is_email("officer@council.gov.uk"));
        for bad in [
            "@council.gov.uk",
            "a@b@c.uk",
            "a b@c.uk",
            "a@c",
            "a@.c",
            "a@c.",
            "a\u{2003}@c.uk",
        ] {
            assert!(!is_email(bad), "{bad:?}");
        }
    }
}

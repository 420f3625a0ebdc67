//! Web formats: email addresses, URIs and UUIDs.

use crate::i18n::Text;
use crate::t;

/// A practical email check: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// An absolute URI: a scheme, a colon and no spaces.
pub fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && !rest.is_empty()
        && !has_space_or_control(s)
}

/// Whether the text holds a space or a control character (Unicode's, as `char` defines them).
/// Addresses are long and nearly always ASCII: the bytes are looked at first, the characters only
/// when there is one beyond ASCII.
fn has_space_or_control(s: &str) -> bool {
    // Every ASCII space and control character is at or below the space, or is DEL.
    s.bytes().any(|b| b <= b' ' || b == 0x7f)
        || (!s.is_ascii()
            && s.chars()
                .any(|c| !c.is_ascii() && (c.is_whitespace() || c.is_control())))
}

pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
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
}

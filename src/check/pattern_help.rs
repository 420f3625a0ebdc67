//! Words for a value that breaks a column's pattern: the usual slips (a space beside a
//! separator, too many decimal places, the wrong case, a web address without its scheme) are
//! found by trying the repair and seeing whether the pattern then takes the value.

use crate::compile::Pattern;
use crate::i18n::Text;
use crate::t;

/// The repair that makes `value` match `pattern`, said as help; `None` when no usual slip explains
/// the failure.
pub fn repair(value: &str, pattern: &Pattern) -> Option<Text> {
    if let Some((fixed, separator)) = without_spaces_at_separators(value) {
        if pattern.is_match(&fixed) {
            return Some(t!(
                "pattern-spaces-beside-separator",
                separator = separator.to_string(),
                rewrite = t!("pattern-write", value = shown(&fixed)),
            ));
        }
    }
    if let Some((places, rounded)) = rounded_to_fit(value, pattern) {
        return Some(t!(
            "pattern-decimal-places",
            places = places as i64,
            rewrite = t!("pattern-write", value = rounded),
        ));
    }
    let lower = value.to_lowercase();
    if lower != value && pattern.is_match(&lower) {
        return Some(t!("pattern-lower-case", value = shown(&lower)));
    }
    let upper = value.to_uppercase();
    if upper != value && pattern.is_match(&upper) {
        return Some(t!("pattern-capitals", value = shown(&upper)));
    }
    if value.starts_with("www.") {
        let fixed = format!("https://{value}");
        if pattern.is_match(&fixed) {
            return Some(t!(
                "pattern-web-address",
                rewrite = t!("pattern-write", value = shown(&fixed))
            ));
        }
    }
    let joined: String = value.split_whitespace().collect();
    if joined != value && pattern.is_match(&joined) {
        return Some(t!(
            "pattern-remove-spaces",
            rewrite = t!("pattern-write", value = shown(&joined))
        ));
    }
    None
}

/// The value with the spaces around `|`, `;` or `,` taken out, and that separator.
fn without_spaces_at_separators(value: &str) -> Option<(String, char)> {
    ['|', ';', ','].into_iter().find_map(|separator| {
        let parts: Vec<&str> = value.split(separator).collect();
        if parts.len() < 2 || parts.iter().all(|p| p.trim() == *p) {
            return None;
        }
        let fixed = parts
            .iter()
            .map(|p| p.trim())
            .collect::<Vec<_>>()
            .join(&separator.to_string());
        Some((fixed, separator))
    })
}

/// A decimal with more places than the pattern takes, and the value rounded to the most it does.
fn rounded_to_fit(value: &str, pattern: &Pattern) -> Option<(usize, String)> {
    let (whole, fraction) = value.split_once('.')?;
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(plain(whole.trim_start_matches('-')) && plain(fraction)) || fraction.is_empty() {
        return None;
    }
    (0..fraction.len()).rev().find_map(|places| {
        let rounded = round_half_up(whole, fraction, places);
        pattern
            .is_match(&rounded)
            .then_some((fraction.len(), rounded))
    })
}

/// `whole.fraction` rounded to `places` decimal places, half up, in decimal (no binary error).
fn round_half_up(whole: &str, fraction: &str, places: usize) -> String {
    let (sign, whole) = match whole.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", whole),
    };
    let mut digits: Vec<u8> = whole.bytes().chain(fraction.bytes().take(places)).collect();
    if fraction.as_bytes().get(places).is_some_and(|d| *d >= b'5') {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - places;
    let text = String::from_utf8_lossy(&digits).into_owned();
    let (int, frac) = text.split_at(split);
    let int = if int.is_empty() { "0" } else { int };
    if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// A value in backticks, cut when long.
fn shown(value: &str) -> String {
    let cut: String = value.chars().take(80).collect();
    if cut.len() < value.len() {
        format!("`{cut}…`")
    } else {
        format!("`{cut}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help(value: &str, pattern: &str) -> Option<String> {
        repair(value, &Pattern::new(pattern).expect("compiles")).map(|text| text.english())
    }

    #[test]
    fn the_usual_slips_are_named_with_the_fix() {
        let urls = "^(https?://[^| ]+)(\\|https?://[^| ]+)*$";
        assert_eq!(
            help("https://a.org/1 | https://a.org/2", urls).as_deref(),
            Some("remove the spaces beside `|`: write `https://a.org/1|https://a.org/2`")
        );
        assert_eq!(
            help("www.a.org/plan", urls).as_deref(),
            Some("a web address starts with https:// (or http://): write `https://www.a.org/plan`")
        );
        let hectares = "^[0-9]*(\\.[0-9]{1,2})?$";
        assert_eq!(
            help("0.345", hectares).as_deref(),
            Some("it has 3 decimal places, more than the standard allows: write 0.35")
        );
        assert_eq!(
            help("1.2345", hectares).as_deref(),
            Some("it has 4 decimal places, more than the standard allows: write 1.23")
        );
        let flag = "^(yes|no)$";
        assert_eq!(
            help("Yes", flag).as_deref(),
            Some("write it in lower case: `yes`")
        );
        assert_eq!(help("see the file", urls), None);
        assert_eq!(round_half_up("9", "995", 2), "10.00");
        assert_eq!(round_half_up("-1", "25", 1), "-1.3");
        assert_eq!(round_half_up("", "5", 0), "1");
    }
}

//! Guessing the fix for a bad value: the corrected date, number, postcode or the allowed value it
//! was meant to be. Only used once a value has failed, so none of this is on the hot path.

use crate::formats::{is_iso_date, is_uk_date, is_uk_postcode, valid_ymd};

/// Splits `d/m/yyyy`, `d-m-yyyy` or `d.m.yyyy` into (day, month, year) when it is a real date.
fn day_month_year(value: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = value.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    valid_ymd(y, m, d).then_some((d, m, y))
}

/// Splits `yyyy/m/d` or `yyyy-m-d` (one-digit parts, or slashes) into a real date.
fn year_first(value: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = value.split(['/', '-', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    valid_ymd(y, m, d).then_some((y, m, d))
}

/// Help for a value that is not in the named format.
pub fn format_help(format: &str, value: &str) -> Option<String> {
    match format {
        "partial-date" if value.len() == 7 && value.as_bytes()[4] == b'-' => {
            Some("a year and month is written YYYY-MM with a month from 01 to 12".into())
        }
        "date" | "partial-date" | "date-or-date-time" => {
            if let Some((d, m, y)) = day_month_year(value) {
                return Some(format!(
                    "this looks like a UK date; write it as {y:04}-{m:02}-{d:02}"
                ));
            }
            if value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
                let fixed = format!("{}-{}-{}", &value[..4], &value[4..6], &value[6..]);
                if is_iso_date(&fixed) {
                    return Some(format!("add the hyphens: {fixed}"));
                }
            }
            if let Some((y, m, d)) = year_first(value) {
                return Some(format!("write it as {y:04}-{m:02}-{d:02}"));
            }
            let head = value.get(..10).filter(|h| is_iso_date(h) && has_time_after(value));
            if let Some(head) = head {
                return Some(format!("leave out the time: write {head}"));
            }
            date_problem(value, true)
        }
        "uk-date" => {
            if is_iso_date(value) {
                let (y, m, d) = (&value[0..4], &value[5..7], &value[8..10]);
                return Some(format!(
                    "this is an ISO date; this standard asks for dd/mm/yyyy: write it as {d}/{m}/{y}"
                ));
            }
            if let Some((d, m, y)) = day_month_year(value) {
                let fixed = format!("{d:02}/{m:02}/{y:04}");
                if is_uk_date(&fixed) {
                    return Some(format!(
                        "write it with two-digit day and month and slashes: {fixed}"
                    ));
                }
            }
            if let Some(head) = value
                .get(..10)
                .filter(|h| is_uk_date(h) && has_time_after(value))
            {
                return Some(format!("leave out the time: write {head}"));
            }
            date_problem(value, false)
        }
        "uk-postcode" => {
            let compact: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase();
            if compact.len() > 3 && compact.is_char_boundary(compact.len() - 3) {
                let fixed = format!(
                    "{} {}",
                    &compact[..compact.len() - 3],
                    &compact[compact.len() - 3..]
                );
                if is_uk_postcode(&fixed) && fixed != value {
                    return Some(format!("write it in capitals with one space: {fixed}"));
                }
            }
            Some("a postcode is an outward code, one space and an inward code of a digit and two letters (e.g. EX2 4QD)".into())
        }
        "gss-code" => {
            let upper = value.trim().to_uppercase().replace(['l', 'L'], "1");
            let upper = upper.replace('O', "0");
            if upper != value && crate::formats::is_gss_code(&upper) {
                return Some(format!("did you mean {upper}?"));
            }
            Some(format!(
                "a GSS code is 9 characters; this value has {}",
                value.chars().count()
            ))
        }
        "uri"
            if value.contains("://") && value.trim().contains(char::is_whitespace) =>
        {
            Some(
                "a web address cannot contain spaces: remove them, or write each as %20".into(),
            )
        }
        "uri" => Some("write the whole address, starting with https://".into()),
        "uprn" | "usrn" if value.contains(['E', 'e']) && value.contains('+') => Some(
            "a spreadsheet turned the number into scientific notation, losing digits: format the column as text and export again".into(),
        ),
        "wkt-multipolygon" => crate::wkt::check(value, crate::wkt::Want::Area)
            .err()
            .map(|p| p.message),
        "wkt-point" => crate::wkt::check(value, crate::wkt::Want::Point)
            .err()
            .map(|p| p.message),
        "company-number" => {
            let digits = value.trim();
            if !digits.is_empty() && digits.len() < 8 && digits.bytes().all(|b| b.is_ascii_digit())
            {
                return Some(format!(
                    "spreadsheets drop leading zeros: write it as {digits:0>8} and format the column as text"
                ));
            }
            None
        }
        _ => None,
    }
}

/// Whether a date's first ten characters are followed by a time (`T14:30`, ` 00:00:00`).
fn has_time_after(value: &str) -> bool {
    let rest = value.as_bytes().get(10..).unwrap_or_default();
    matches!(rest.first(), Some(b'T' | b't' | b' ')) && rest.get(1).is_some_and(u8::is_ascii_digit)
}

/// Explains a date that has the right shape but does not exist (month 13, 30 February).
fn date_problem(value: &str, iso: bool) -> Option<String> {
    let numbers: Vec<u32> = value
        .split(['/', '-'])
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    let [a, month, b] = numbers.as_slice() else {
        return None;
    };
    let day = if iso { *b } else { *a };
    if !(1..=12).contains(month) {
        return Some(format!("there is no month {month}"));
    }
    Some(format!(
        "this date does not exist: month {month} has no day {day}"
    ))
}

/// Help for a value that is not a plain number: the number it seems to mean.
pub fn number_help(value: &str) -> Option<String> {
    let mut text = value.trim().to_string();
    let mut negative = false;
    if text.starts_with('(') && text.ends_with(')') {
        negative = true;
        text = text[1..text.len() - 1].to_string();
    }
    let had_pound = text.contains('£');
    let had_comma = text.contains(',');
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '£' | ',' | ' ' | '\u{a0}'))
        .collect();
    let cleaned = if negative {
        format!("-{cleaned}")
    } else {
        cleaned
    };
    let plain = !cleaned.is_empty()
        && cleaned
            .trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
        && cleaned.matches('.').count() <= 1
        && cleaned
            .trim_start_matches('-')
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
    if !plain {
        if value.trim().eq_ignore_ascii_case("n/a") || value.trim() == "-" {
            return Some("leave the cell empty where there is no value".into());
        }
        if value.matches('.').count() > 1 {
            return Some("the number has more than one decimal point".into());
        }
        return None;
    }
    let mut reasons = Vec::new();
    if had_pound {
        reasons.push("no £ sign");
    }
    if had_comma {
        reasons.push("no thousands separators");
    }
    if negative {
        reasons.push("a minus sign rather than brackets for credits");
    }
    if reasons.is_empty() {
        return None;
    }
    Some(format!("write it as {cleaned} ({})", reasons.join(", ")))
}

/// The allowed value closest to `value`: the same but for case or spacing, or one or two edits away.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(value);
    let lower = value.to_lowercase();
    // (rank, candidate): an equal-when-folded candidate ranks 0, others by edit distance; ties go
    // to the smallest candidate, so that the answer does not depend on a set's iteration order.
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let rank = if fold(candidate) == folded {
            0
        } else {
            let distance = strsim::levenshtein(&lower, &candidate.to_lowercase());
            let limit = if candidate.chars().count() <= 4 { 1 } else { 2 };
            if distance > limit {
                continue;
            }
            distance + 1
        };
        if best.is_none_or(|b| (rank, candidate) < b) {
            best = Some((rank, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Case, spacing, `_` and `-` ignored: the comparison `header.match: normalised` uses.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.trim().chars() {
        if c.is_whitespace() || c == '_' || c == '-' {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rewritten_in_the_required_form() {
        assert_eq!(
            format_help("date", "2023-12-01 00:00:00").as_deref(),
            Some("leave out the time: write 2023-12-01")
        );
        assert_ne!(
            format_help("date", "1991-07-1899").as_deref(),
            Some("leave out the time: write 1991-07-18")
        );
        assert_eq!(
            format_help("date", "31/10/2025").as_deref(),
            Some("this looks like a UK date; write it as 2025-10-31")
        );
        assert_eq!(
            format_help("uk-date", "2025-04-29").as_deref(),
            Some("this is an ISO date; this standard asks for dd/mm/yyyy: write it as 29/04/2025")
        );
        assert_eq!(
            format_help("uk-date", "9/4/2025").as_deref(),
            Some("write it with two-digit day and month and slashes: 09/04/2025")
        );
        assert_eq!(
            format_help("date", "2025-02-30").as_deref(),
            Some("this date does not exist: month 2 has no day 30")
        );
        assert_eq!(
            format_help("date", "2025-13-01").as_deref(),
            Some("there is no month 13")
        );
    }

    #[test]
    fn numbers_lose_pounds_and_separators() {
        assert_eq!(
            number_help("£1,234.56").as_deref(),
            Some("write it as 1234.56 (no £ sign, no thousands separators)")
        );
        assert_eq!(
            number_help("(120.50)").as_deref(),
            Some("write it as -120.50 (a minus sign rather than brackets for credits)")
        );
        assert_eq!(
            number_help("N/A").as_deref(),
            Some("leave the cell empty where there is no value")
        );
        assert_eq!(
            number_help("1234.56.00").as_deref(),
            Some("the number has more than one decimal point")
        );
    }

    #[test]
    fn postcodes_and_codes() {
        assert_eq!(
            format_help("uk-postcode", "ex2 4qd").as_deref(),
            Some("write it in capitals with one space: EX2 4QD")
        );
        assert_eq!(
            format_help("gss-code", "E1000000l").as_deref(),
            Some("did you mean E10000001?")
        );
    }

    #[test]
    fn closest_is_the_same_whatever_the_order() {
        let mut codes = ["II", "I", "II*"];
        let first = closest("2", codes.iter().copied());
        codes.reverse();
        assert_eq!(closest("2", codes.iter().copied()), first);
        assert_eq!(first, Some("I"));
    }

    #[test]
    fn closest_allowed_value() {
        let allowed = ["Adult Social Care", "Housing", "Education"];
        assert_eq!(
            closest("adult social care", allowed),
            Some("Adult Social Care")
        );
        assert_eq!(closest("Housng", allowed), Some("Housing"));
        assert_eq!(closest("Parks", allowed), None);
    }

    #[test]
    fn folding_ignores_case_and_separators() {
        assert_eq!(fold("  Supplier_Name "), "supplier name");
        assert_eq!(fold("supplier - name"), "supplier name");
        assert_eq!(fold("Net amount"), fold("NET__AMOUNT"));
    }
}

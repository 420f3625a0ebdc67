//! Dates and times: the one date reader (ISO 8601 full or partial, with or without a time, and
//! the UK's dd/mm/yyyy), the format checks built on it, and the fixes offered for dates that fail.

use super::{digits, number};

/// A date to the precision it is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// Reads an ISO date (with or without a time after it), a partial ISO date (`YYYY-MM`, `YYYY`)
/// or a UK date (`dd/mm/yyyy`). Only dates that exist are read.
pub fn parse(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() >= 10 && text.is_char_boundary(10) && is_iso_date(&text[..10]) {
        return Some(Date {
            year: number(&b[..4]),
            month: Some(number(&b[5..7])),
            day: Some(number(&b[8..10])),
        });
    }
    if is_uk_date(text) {
        return Some(Date {
            year: number(&b[6..10]),
            month: Some(number(&b[3..5])),
            day: Some(number(&b[..2])),
        });
    }
    if is_partial_date(text) {
        return Some(Date {
            year: number(&b[..4]),
            month: (b.len() == 7).then(|| number(&b[5..7])),
            day: None,
        });
    }
    None
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// A real calendar date: month 1-12 and a day that exists in that month.
pub fn valid_ymd(year: u32, month: u32, day: u32) -> bool {
    day >= 1 && day <= days_in_month(year, month)
}

/// `YYYY-MM-DD` with a real calendar check (`2025-02-30` fails).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(&b[0..4])
        && digits(&b[5..7])
        && digits(&b[8..10])
        && valid_ymd(number(&b[0..4]), number(&b[5..7]), number(&b[8..10]))
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: planning.data.gov.uk accepts a month or a year where the day
/// is not known (its guidance on dates).
pub fn is_partial_date(s: &str) -> bool {
    let b = s.as_bytes();
    match b.len() {
        4 => digits(b),
        7 => {
            b[4] == b'-'
                && digits(&b[0..4])
                && digits(&b[5..7])
                && (1..=12).contains(&number(&b[5..7]))
        }
        _ => is_iso_date(s),
    }
}

/// A date, or a full date and time (360Giving's award date).
pub fn is_date_or_date_time(s: &str) -> bool {
    is_iso_date(s) || is_date_time(s)
}

/// `dd/mm/yyyy`, exactly 10 characters (HM Treasury and LGA guidance), with a real calendar check.
pub fn is_uk_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[2] == b'/'
        && b[5] == b'/'
        && digits(&b[0..2])
        && digits(&b[3..5])
        && digits(&b[6..10])
        && valid_ymd(number(&b[6..10]), number(&b[3..5]), number(&b[0..2]))
}

/// RFC 3339 `full-time`: `hh:mm:ss[.frac](Z|±hh:mm)`; a bare `hh:mm:ss` is accepted too, as
/// spreadsheets write it.
pub fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    if !(digits(&b[0..2]) && digits(&b[3..5]) && digits(&b[6..8])) {
        return false;
    }
    if number(&b[0..2]) > 23 || number(&b[3..5]) > 59 || number(&b[6..8]) > 60 {
        return false;
    }
    let mut rest = &b[8..];
    if let Some((b'.', frac)) = rest.split_first() {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        [] | [b'Z'] | [b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            digits(&[*h1, *h2, *m1, *m2]) && number(&[*h1, *h2]) <= 23 && number(&[*m1, *m2]) <= 59
        }
        _ => false,
    }
}

/// RFC 3339 date-time: a date, `T` (or a space), a time.
pub fn is_date_time(s: &str) -> bool {
    s.len() > 11
        && s.is_char_boundary(10)
        && is_iso_date(&s[..10])
        && matches!(s.as_bytes()[10], b'T' | b't' | b' ')
        && is_time(&s[11..])
}

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

/// Help for a value that is not an ISO date (`date`, `date-or-date-time`).
pub fn iso_date_help(value: &str) -> Option<String> {
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
    let head = value
        .get(..10)
        .filter(|h| is_iso_date(h) && has_time_after(value));
    if let Some(head) = head {
        return Some(format!("leave out the time: write {head}"));
    }
    date_problem(value, true)
}

/// Help for a value that is not a partial ISO date.
pub fn partial_date_help(value: &str) -> Option<String> {
    if value.len() == 7 && value.as_bytes()[4] == b'-' {
        return Some("a year and month is written YYYY-MM with a month from 01 to 12".into());
    }
    iso_date_help(value)
}

/// Help for a value that is not a UK date.
pub fn uk_date_help(value: &str) -> Option<String> {
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

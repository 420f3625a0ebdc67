//! Dates and times: the one date reader (ISO 8601 full or partial, with or without a time, and
//! the UK's dd/mm/yyyy), the format checks built on it, and the fixes offered for dates that fail.

use super::{digits, number};
use crate::i18n::Text;
use crate::t;

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

/// The order `compare` (a comparison rule) finds between two texts shaped as ISO dates (`YYYY`,
/// `YYYY-MM` or `YYYY-MM-DD`, the calendar not checked), from their bytes: the first part both
/// have that differs decides, as it does between dates; a bare `YYYY` read as a number orders the
/// same. When a text is no date, `compare` finds no order and the rule passes, so a rule that
/// holds on this order holds, and only a row that breaks it needs its dates read. `None` for
/// other texts.
#[inline]
pub fn order_as_written(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if !(iso_shaped(a) && iso_shaped(b)) {
        return None;
    }
    let common = a.len().min(b.len());
    Some(a[..common].cmp(&b[..common]))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` by shape alone: digits and hyphens in place, the calendar
/// not checked.
#[inline]
fn iso_shaped(b: &[u8]) -> bool {
    b.len() >= 4
        && digits(&b[..4])
        && match b.len() {
            4 => true,
            7 => b[4] == b'-' && digits(&b[5..7]),
            10 => b[4] == b'-' && b[7] == b'-' && digits(&b[5..7]) && digits(&b[8..10]),
            _ => false,
        }
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
        && iso_shaped(b)
        && valid_ymd(number(&b[0..4]), number(&b[5..7]), number(&b[8..10]))
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: planning.data.gov.uk accepts a month or a year where the day
/// is not known (its guidance on dates).
pub fn is_partial_date(s: &str) -> bool {
    let b = s.as_bytes();
    iso_shaped(b)
        && match b.len() {
            4 => true,
            7 => (1..=12).contains(&number(&b[5..7])),
            _ => valid_ymd(number(&b[0..4]), number(&b[5..7]), number(&b[8..10])),
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

/// A date as someone wrote it, read whatever the form, and what that form is called.
#[derive(Debug, PartialEq, Eq)]
struct Written {
    year: u32,
    month: u32,
    day: u32,
    form: Form,
    /// A time followed the date (`2018-09-03 00:00:00`, `21/12/2017 14:30`).
    time: bool,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Form {
    Iso,
    YearFirst,
    NoSeparators,
    DayFirst,
    TwoDigitYear,
    MonthInWords,
    MonthFirst,
    ExcelSerial,
}

impl Form {
    fn name(self) -> Text {
        match self {
            Form::Iso => t!("format-date-form-iso"),
            Form::YearFirst => t!("format-date-form-year-first"),
            Form::NoSeparators => t!("format-date-form-no-separators"),
            Form::DayFirst => t!("format-date-form-day-first"),
            Form::TwoDigitYear => t!("format-date-form-two-digit-year"),
            Form::MonthInWords => t!("format-date-form-month-in-words"),
            Form::MonthFirst => t!("format-date-form-month-first"),
            Form::ExcelSerial => t!("format-date-form-excel-serial"),
        }
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads the forms dates arrive in from spreadsheets and other systems: ISO, year-first with
/// slashes or dots, eight digits, day-first with any separator, a two-digit year, the month in
/// words (`21 Dec 2017`, `21-Dec-17`), a US month-first date when the day shows it, and an Excel
/// serial number; each with or without a time after it. Only dates that exist are read.
fn read_written(value: &str) -> Option<Written> {
    let value = value.trim();
    // A time is what follows a `T` or a space when it holds a colon.
    let (date, time) = match value.find(['T', 't', ' ']) {
        Some(at)
            if value[at + 1..].contains(':')
                && value[at + 1..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            (&value[..at], true)
        }
        _ => (value, false),
    };
    let (year, month, day, form) = read_date_part(date)?;
    valid_ymd(year, month, day).then_some(Written {
        year,
        month,
        day,
        form,
        time,
    })
}

fn read_date_part(date: &str) -> Option<(u32, u32, u32, Form)> {
    let number_of = |t: &str| -> Option<u32> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())?
    };
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| number_of(&date[r]);
        return Some((n(0..4)?, n(4..6)?, n(6..8)?, Form::NoSeparators));
    }
    if (4..=6).contains(&date.len()) && date.bytes().all(|b| b.is_ascii_digit()) {
        return excel_serial(date.parse().ok()?).map(|(y, m, d)| (y, m, d, Form::ExcelSerial));
    }
    let parts: Vec<&str> = date
        .split(['/', '-', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if let Some(month) = month_in_words(b) {
        let (day, year) = (number_of(a)?, number_of(c)?);
        return Some((full_year(year, c.len())?, month, day, Form::MonthInWords));
    }
    let (a_n, b_n, c_n) = (number_of(a)?, number_of(b)?, number_of(c)?);
    if a.len() == 4 {
        let form = if date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-' {
            Form::Iso
        } else {
            Form::YearFirst
        };
        return Some((a_n, b_n, c_n, form));
    }
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    let year = full_year(c_n, c.len())?;
    let form = if c.len() == 2 {
        Form::TwoDigitYear
    } else {
        Form::DayFirst
    };
    // Day first, as the UK writes it; month first only when the day first cannot be.
    if valid_ymd(year, b_n, a_n) {
        Some((year, b_n, a_n, form))
    } else if form == Form::DayFirst && valid_ymd(year, a_n, b_n) {
        Some((year, a_n, b_n, Form::MonthFirst))
    } else {
        Some((year, b_n, a_n, form))
    }
}

fn month_in_words(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    let prefix = word.get(..3)?;
    let n = MONTHS.iter().position(|m| *m == prefix)?;
    word.chars()
        .all(|c| c.is_ascii_alphabetic())
        .then_some(n as u32 + 1)
}

/// A year as written: four digits as they are; two digits as the nearer century (`17` is 2017,
/// `85` is 1985), which the help says it assumed.
fn full_year(year: u32, digits: usize) -> Option<u32> {
    match digits {
        4 => Some(year),
        2 if year < 70 => Some(2000 + year),
        2 => Some(1900 + year),
        _ => None,
    }
}

/// An Excel serial date (days since 30 December 1899) between 1900 and 2100.
fn excel_serial(serial: u32) -> Option<(u32, u32, u32)> {
    if !(1..=73_050).contains(&serial) {
        return None;
    }
    let (mut year, mut month, mut day) = (1899u32, 12u32, 30u32);
    let mut left = serial;
    while left > 0 {
        let step = left.min(days_in_month(year, month) - day + 1);
        left -= step;
        day += step;
        if day > days_in_month(year, month) {
            day = 1;
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
            }
        }
    }
    Some((year, month, day))
}

/// A calendar date read from any of the forms people write dates in (see `read_written`),
/// as (year, month, day). Excel serials and eight bare digits are left out: read by content
/// alone, a count or an order number would pass for one.
/// [`read_calendar_date`] without month-first dates: what a date may be rewritten from. A
/// `04/29/2025` read as 29 April would be right, but `03/04/2025` beside it would then be wrong.
pub fn read_day_first_date(value: &str) -> Option<(u32, u32, u32)> {
    let written = read_written(value)?;
    (!matches!(
        written.form,
        Form::ExcelSerial | Form::NoSeparators | Form::MonthFirst
    ))
    .then_some((written.year, written.month, written.day))
}

pub fn read_calendar_date(value: &str) -> Option<(u32, u32, u32)> {
    let written = read_written(value)?;
    (!matches!(written.form, Form::ExcelSerial | Form::NoSeparators)).then_some((
        written.year,
        written.month,
        written.day,
    ))
}

/// What a written date is and how to write it in the form asked (`target` writes the date). Where
/// the help says what the date is before the rewrite, the rewrite is its `rewrite` argument.
fn rewrite(value: &str, asked: Form, target: impl Fn(u32, u32, u32) -> String) -> Option<Text> {
    let written = read_written(value)?;
    let fixed = target(written.year, written.month, written.day);
    if written.time {
        return Some(t!(
            "format-date-help-time",
            rewrite = t!("format-date-help-write", fixed = fixed),
        ));
    }
    let write_it_as = |fixed: String| t!("format-date-help-write-as", fixed = fixed);
    Some(match written.form {
        form if form == asked => t!("format-date-help-exact", fixed = fixed),
        Form::TwoDigitYear => t!(
            "format-date-help-full-year",
            fixed = fixed,
            short = value
                .rsplit(['/', '-', '.', ' '])
                .next()
                .unwrap_or_default(),
            year = i64::from(written.year),
        ),
        Form::MonthFirst => t!(
            "format-date-help-looks-like",
            form = Form::MonthFirst.name(),
            rewrite = write_it_as(fixed),
        ),
        Form::ExcelSerial => t!(
            "format-date-help-excel",
            form = Form::ExcelSerial.name(),
            rewrite = write_it_as(fixed),
        ),
        form => t!(
            "format-date-help-form",
            form = form.name(),
            rewrite = write_it_as(fixed),
        ),
    })
}

/// Explains a date that has the right shape but does not exist (month 13, 30 February).
fn date_problem(value: &str, iso: bool) -> Option<Text> {
    let numbers: Vec<u32> = value
        .split(['/', '-'])
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    let [a, month, b] = numbers.as_slice() else {
        return None;
    };
    let day = if iso { *b } else { *a };
    if !(1..=12).contains(month) {
        return Some(t!("format-date-help-no-month", month = i64::from(*month)));
    }
    Some(t!(
        "format-date-help-no-day",
        month = i64::from(*month),
        day = i64::from(day),
    ))
}

/// Help for a value that is not an ISO date (`date`, `date-or-date-time`).
pub fn iso_date_help(value: &str) -> Option<Text> {
    rewrite(value, Form::Iso, |y, m, d| format!("{y:04}-{m:02}-{d:02}"))
        .or_else(|| date_problem(value, true))
}

/// Help for a value that is not a partial ISO date.
pub fn partial_date_help(value: &str) -> Option<Text> {
    if value.len() == 7 && value.as_bytes()[4] == b'-' {
        return Some(t!("format-date-help-year-month"));
    }
    iso_date_help(value)
}

/// Help for a value that is not a UK date.
pub fn uk_date_help(value: &str) -> Option<Text> {
    rewrite(value, Form::DayFirst, |y, m, d| {
        format!("{d:02}/{m:02}/{y:04}")
    })
    .or_else(|| date_problem(value, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_form_of_a_date_gets_its_rewrite() {
        let uk = |v: &str| uk_date_help(v).map(|t| t.english()).unwrap_or_default();
        let iso = |v: &str| iso_date_help(v).map(|t| t.english()).unwrap_or_default();
        assert_eq!(
            uk("2018-09-03 00:00:00"),
            "leave out the time: write 03/09/2018"
        );
        assert_eq!(
            uk("2017/12/21 00:00:00+00"),
            "leave out the time: write 21/12/2017"
        );
        assert_eq!(
            uk("2017/12/21"),
            "this is a year-first date; write it as 21/12/2017"
        );
        assert_eq!(uk("21-12-2017"), "write it exactly as 21/12/2017");
        assert_eq!(uk("9/4/2025"), "write it exactly as 09/04/2025");
        assert_eq!(
            uk("21 Dec 2017"),
            "this is a date with the month in words; write it as 21/12/2017"
        );
        assert_eq!(
            uk("21-Dec-17"),
            "this is a date with the month in words; write it as 21/12/2017"
        );
        assert_eq!(
            uk("12/21/2017"),
            "this looks like a US (month-first) date: write it as 21/12/2017"
        );
        assert_eq!(
            uk("21/12/17"),
            "write the year in full: 21/12/2017 (if 17 is 2017)"
        );
        assert_eq!(uk("43090"), "this is an Excel date serial number (a date cell saved as a number): write it as 21/12/2017");
        assert_eq!(
            uk("20171221"),
            "this is a date without separators; write it as 21/12/2017"
        );
        assert_eq!(
            uk("2017-12-21T10:00:00Z"),
            "leave out the time: write 21/12/2017"
        );
        assert_eq!(
            uk("31/04/2025"),
            "this date does not exist: month 4 has no day 31"
        );
        assert_eq!(
            iso("21/12/2017"),
            "this is a UK (day-first) date; write it as 2017-12-21"
        );
        assert_eq!(
            iso("2017/12/21 00:00:00+00"),
            "leave out the time: write 2017-12-21"
        );
        assert_eq!(iso("2025-13-01"), "there is no month 13");
        assert_eq!(
            read_written("5 Sept 2020").map(|w| (w.year, w.month, w.day)),
            Some((2020, 9, 5))
        );
        assert_eq!(read_written("soon"), None);
        assert_eq!(read_calendar_date("21-Dec-17"), Some((2017, 12, 21)));
        assert_eq!(
            read_calendar_date("2019-04-01T00:00:00"),
            Some((2019, 4, 1))
        );
        assert_eq!(read_calendar_date("43500"), None);
        assert_eq!(read_calendar_date("20190401"), None);
        assert_eq!(read_written("1/2/3/4"), None);
    }
}

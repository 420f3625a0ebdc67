//! Value formats for JSON Schema's `format` keyword: the UK public-sector identifiers of SPEC section 3
//! and the standard ones conform checks itself, so that the compiled checks and full JSON Schema
//! evaluation use the very same functions.

/// A format check: true when the text is in the format.
pub type FormatCheck = fn(&str) -> bool;

/// Every format conform knows, by the name a schema uses.
pub const FORMATS: &[(&str, FormatCheck)] = &[
    ("date", is_iso_date),
    ("partial-date", is_partial_date),
    ("date-or-date-time", is_date_or_date_time),
    ("wkt-multipolygon", crate::wkt::is_area),
    ("wkt-point", crate::wkt::is_point),
    ("date-time", is_date_time),
    ("time", is_time),
    ("email", is_email),
    ("uri", is_uri),
    ("uuid", is_uuid),
    ("uk-date", is_uk_date),
    ("uk-postcode", is_uk_postcode),
    ("gss-code", is_gss_code),
    ("uprn", is_uprn),
    ("usrn", is_usrn),
    ("company-number", is_company_number),
    ("charity-number", is_charity_number),
    ("org-id", is_org_id),
];

pub fn lookup(name: &str) -> Option<FormatCheck> {
    FORMATS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// A plain-English description of what a format expects, for messages.
pub fn describe(name: &str) -> &'static str {
    match name {
        "date" => "an ISO 8601 date written YYYY-MM-DD (e.g. 2025-10-31)",
        "partial-date" => "an ISO 8601 date YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known (e.g. 2025-10-31)",
        "date-or-date-time" => "an ISO 8601 date YYYY-MM-DD, or a date and time (e.g. 2025-10-31 or 2025-10-31T14:30:00Z)",
        "wkt-multipolygon" => "a boundary in WKT: POLYGON or MULTIPOLYGON (e.g. MULTIPOLYGON (((-0.1 51.5, ...))))",
        "wkt-point" => "a point in WKT: POINT (longitude latitude) (e.g. POINT (-0.681152 52.762892))",
        "date-time" => "an ISO 8601 date and time (e.g. 2025-10-31T14:30:00Z)",
        "time" => "a time written hh:mm:ss (e.g. 14:30:00)",
        "email" => "an email address (e.g. data@council.gov.uk)",
        "uri" => "a full web address starting with a scheme (e.g. https://www.example.gov.uk/page)",
        "uuid" => "a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)",
        "uk-date" => "a UK date written dd/mm/yyyy (e.g. 31/10/2025)",
        "uk-postcode" => "a UK postcode in capitals with one space (e.g. EX2 4QD)",
        "gss-code" => "an ONS GSS code: a letter and 8 digits (e.g. E10000008)",
        "uprn" => "a UPRN: a number of 1 to 12 digits (e.g. 100023336956)",
        "usrn" => "a USRN: a number of 1 to 8 digits (e.g. 21000123)",
        "company-number" => "a Companies House number: 8 digits, or 2 letters and 6 digits (e.g. 09506232, SC123456)",
        "charity-number" => "a charity number: 6 or 7 digits in England and Wales, SC and 6 digits in Scotland (e.g. 1090095, SC042386)",
        "org-id" => "an org-id.guide identifier: a list prefix and an id (e.g. GB-COH-09506232)",
        _ => "the required format",
    }
}

fn digits(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit)
}

fn number(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0u32, |n, b| n * 10 + u32::from(b.wrapping_sub(b'0')))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
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
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// UK postcode in its published form: upper case with one space, letters restricted as BS7666 v2.0
/// (Cabinet Office `PostCodeType`) restricts them; `GIR 0AA` is allowed.
pub fn is_uk_postcode(s: &str) -> bool {
    if s == "GIR 0AA" {
        return true;
    }
    let Some((outward, inward)) = s.split_once(' ') else {
        return false;
    };
    let i = inward.as_bytes();
    let inward_ok = i.len() == 3
        && i[0].is_ascii_digit()
        && i[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() && !b"CIKMOV".contains(c));
    if !inward_ok {
        return false;
    }
    let o = outward.as_bytes();
    let first = |c: u8| c.is_ascii_uppercase() && !b"QVX".contains(&c);
    let second = |c: u8| c.is_ascii_uppercase() && !b"IJZ".contains(&c);
    match o {
        // A9, A99
        [a, d] => first(*a) && d.is_ascii_digit(),
        [a, d1, d2] if d1.is_ascii_digit() => {
            first(*a) && (d2.is_ascii_digit() || b"ABCDEFGHJKSTUW".contains(d2))
        }
        // AA9
        [a, b, d] => first(*a) && second(*b) && d.is_ascii_digit(),
        // AA99, AA9A
        [a, b, d, x] => {
            first(*a)
                && second(*b)
                && d.is_ascii_digit()
                && (x.is_ascii_digit() || b"ABEHMNPRVWXY".contains(x))
        }
        _ => false,
    }
}

/// ONS GSS code: a country letter (E, W, S, N, K) and 8 digits.
pub fn is_gss_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 9 && b"EWSNK".contains(&b[0]) && digits(&b[1..])
}

/// UPRN: 1 to 12 digits, not zero.
pub fn is_uprn(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() <= 12 && digits(b) && b.iter().any(|c| *c != b'0')
}

/// USRN: 1 to 8 digits, not zero.
pub fn is_usrn(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() <= 8 && digits(b) && b.iter().any(|c| *c != b'0')
}

/// Companies House number: 8 digits, or a two-letter prefix and 6 digits (`SC123456`, `R0123456`).
pub fn is_company_number(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 8
        && (digits(b)
            || (b[0].is_ascii_uppercase()
                && (b[1].is_ascii_uppercase() || b[1] == b'0')
                && digits(&b[2..])))
}

/// Charity number: England and Wales 6 or 7 digits (with an optional `-N` subsidiary suffix),
/// Scotland `SC` and 6 digits, Northern Ireland 6 digits with an optional `NIC` prefix.
pub fn is_charity_number(s: &str) -> bool {
    if let Some(rest) = s.strip_prefix("SC") {
        return rest.len() == 6 && digits(rest.as_bytes());
    }
    if let Some(rest) = s.strip_prefix("NIC") {
        return rest.len() == 6 && digits(rest.as_bytes());
    }
    let (main, suffix) = match s.split_once('-') {
        Some((m, x)) => (m, Some(x)),
        None => (s, None),
    };
    matches!(main.len(), 6 | 7)
        && digits(main.as_bytes())
        && suffix.is_none_or(|x| x.len() <= 3 && digits(x.as_bytes()))
}

/// org-id.guide identifier: `CC-LIST-identifier`, e.g. `GB-COH-09506232`, `XI-IATI-1`.
pub fn is_org_id(s: &str) -> bool {
    let mut parts = s.splitn(3, '-');
    let (Some(country), Some(list), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    country.len() == 2
        && country.bytes().all(|c| c.is_ascii_uppercase())
        && !list.is_empty()
        && list
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !id.is_empty()
        && !id.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_check_the_calendar() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2025-02-29"));
        assert!(!is_iso_date("2025-02-30"));
        assert!(!is_iso_date("2025-13-01"));
        assert!(!is_iso_date("2025-1-01"));
        assert!(!is_iso_date("31/10/2025"));
        assert!(!is_iso_date("２０２５-01-01"));
    }

    #[test]
    fn uk_dates_are_ten_characters_with_a_real_day() {
        assert!(is_uk_date("29/04/2025"));
        assert!(is_uk_date("29/02/2024"));
        assert!(!is_uk_date("29/02/2025"));
        assert!(!is_uk_date("9/4/2025"));
        assert!(!is_uk_date("2025-04-29"));
        assert!(!is_uk_date("31/13/2025"));
    }

    #[test]
    fn times_and_date_times() {
        assert!(is_time("14:30:00"));
        assert!(is_time("14:30:00.25+01:00"));
        assert!(!is_time("24:00:00"));
        assert!(is_date_time("2025-10-31T14:30:00Z"));
        assert!(is_date_time("2023-12-01 00:00:00"));
        assert!(!is_date_time("2025-10-31"));
    }

    #[test]
    fn postcodes_follow_bs7666() {
        for ok in [
            "EX2 4QD", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "GIR 0AA",
        ] {
            assert!(is_uk_postcode(ok), "{ok}");
        }
        for bad in [
            "ex2 4qd",
            "EX24QD",
            "QX1 1AA",
            "EX2 4QC",
            "EX2",
            "EX2 4Q",
            "W1I 0AX",
            "EC1A 1BBB",
        ] {
            assert!(!is_uk_postcode(bad), "{bad}");
        }
    }

    #[test]
    fn identifiers() {
        assert!(is_gss_code("E06000060"));
        assert!(!is_gss_code("E0600006"));
        assert!(!is_gss_code("X06000060"));
        assert!(is_uprn("100023336956") && is_uprn("00021437334"));
        assert!(!is_uprn("0") && !is_uprn("1234567890123") && !is_uprn("12a"));
        assert!(is_usrn("21000123") && !is_usrn("210001234"));
        assert!(is_company_number("09506232") && is_company_number("SC123456"));
        assert!(is_company_number("R0123456") && !is_company_number("9506232"));
        assert!(is_charity_number("279417") && is_charity_number("1090095"));
        assert!(is_charity_number("SC042386") && is_charity_number("1090095-1"));
        assert!(!is_charity_number("12345") && !is_charity_number("SC42386"));
        assert!(is_org_id("GB-COH-09506232") && is_org_id("GB-LAE-WOT"));
        assert!(!is_org_id("GB-COH") && !is_org_id("gb-coh-1") && !is_org_id("GB-COH-1 2"));
    }

    #[test]
    fn emails_uris_uuids() {
        assert!(is_email("data@council.gov.uk"));
        assert!(!is_email("data@council") && !is_email("a b@c.uk") && !is_email("@c.uk"));
        assert!(is_uri("https://www.gov.uk/x") && is_uri("urn:isbn:123"));
        assert!(!is_uri("www.gov.uk") && !is_uri("https://a b"));
        assert!(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_uuid("123e4567e89b12d3a456426614174000"));
    }

    #[test]
    fn every_format_is_described() {
        for (name, _) in FORMATS {
            assert_ne!(describe(name), "the required format", "{name}");
        }
    }
}

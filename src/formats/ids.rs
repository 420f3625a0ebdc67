//! UK public-sector identifiers: postcodes, GSS codes, UPRNs and USRNs, company and charity
//! numbers, org-id.guide identifiers; each with the fix offered when a value fails.

use super::digits;
use crate::i18n::Text;
use crate::t;

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

/// Help for a value that is not a postcode: the same in capitals with one space, when that is one.
pub fn postcode_help(value: &str) -> Option<Text> {
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
            return Some(t!("format-postcode-help-capitals", fixed = fixed));
        }
    }
    Some(t!("format-postcode-help"))
}

/// Help for a value that is not a GSS code: the code it seems to be with letters read as digits.
pub fn gss_help(value: &str) -> Option<Text> {
    let upper = value.trim().to_uppercase().replace(['l', 'L'], "1");
    let upper = upper.replace('O', "0");
    if upper != value && is_gss_code(&upper) {
        return Some(t!("format-gss-help-did-you-mean", code = upper));
    }
    // Shown plainly, as before: `1234`, not `1,234`.
    Some(t!(
        "format-gss-help-length",
        characters = value.chars().count() as i64,
    ))
}

/// Help for a UPRN or USRN a spreadsheet wrote in scientific notation.
pub fn property_number_help(value: &str) -> Option<Text> {
    (value.contains(['E', 'e']) && value.contains('+'))
        .then(|| t!("format-property-number-help-scientific"))
}

/// Help for a company number that lost its leading zeros.
pub fn company_number_help(value: &str) -> Option<Text> {
    let digits = value.trim();
    (!digits.is_empty() && digits.len() < 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(
        || {
            t!(
                "format-company-number-help-zeros",
                rewrite = t!(
                    "format-company-number-help-write",
                    number = format!("{digits:0>8}"),
                ),
            )
        },
    )
}

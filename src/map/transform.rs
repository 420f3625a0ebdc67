//! The value transforms a mapping may name: each turns one cell into the standard's form, or
//! says why it cannot (and the cell is then written as it was, for the check to report).

use std::borrow::Cow;

use crate::formats::date;
use crate::suggest::fold;

/// A change to one column's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Transform {
    /// Spaces before and after the value removed.
    Trim,
    /// Any date form conform reads (ISO, `21-Dec-17`, `21.12.2017`...) written `dd/mm/yyyy`.
    DateToUk,
    /// Any date form written `YYYY-MM-DD`; an ISO date to a month or a year, or with a time, is
    /// kept as it is.
    DateToIso,
    /// `£1,496.00`, `1 496`, `(12.50)` written as plain numbers: `1496.00`, `1496`, `-12.50`.
    PlainNumber,
    /// A code written in another case or spacing (`e06000001`) written as the standard's list
    /// writes it.
    CodeCase,
    /// A UPRN or USRN written `100023336956.0` written as its digits; one a spreadsheet rounded
    /// (`1.00023E+11`) is flagged: its digits are lost.
    PropertyNumber,
    /// A UK local authority's name (`Devon County Council`, `Devon`) written as its GSS code,
    /// from mySociety's list of UK local authorities (official, short and other names).
    OrganisationToGss,
}

impl Transform {
    pub const ALL: [Transform; 7] = [
        Transform::Trim,
        Transform::DateToUk,
        Transform::DateToIso,
        Transform::PlainNumber,
        Transform::CodeCase,
        Transform::PropertyNumber,
        Transform::OrganisationToGss,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Transform::Trim => "trim",
            Transform::DateToUk => "date-to-uk",
            Transform::DateToIso => "date-to-iso",
            Transform::PlainNumber => "plain-number",
            Transform::CodeCase => "code-case",
            Transform::PropertyNumber => "property-number",
            Transform::OrganisationToGss => "organisation-to-gss",
        }
    }

    pub fn parse(name: &str) -> Option<Transform> {
        Transform::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The value in the standard's form; `Err` says why it cannot be made so.
    pub fn apply<'a>(self, value: &'a str, allowed: &[String]) -> Result<Cow<'a, str>, String> {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return Ok(Cow::Borrowed(value));
        }
        match self {
            Transform::Trim => Ok(Cow::Borrowed(trimmed)),
            // An ISO date already, to a month or a year (`1969-07`), or with a time, stays.
            Transform::DateToIso
                if date::is_partial_date(trimmed) || date::is_date_time(trimmed) =>
            {
                Ok(Cow::Borrowed(trimmed))
            }
            Transform::DateToUk | Transform::DateToIso => {
                let (y, m, d) = date::read_day_first_date(trimmed).ok_or_else(|| {
                    if date::read_calendar_date(trimmed).is_some() {
                        format!("`{trimmed}` reads only as a US (month-first) date: check the column's dates by hand")
                    } else {
                        format!("`{trimmed}` is not a date conform can read")
                    }
                })?;
                Ok(Cow::Owned(if self == Transform::DateToUk {
                    format!("{d:02}/{m:02}/{y:04}")
                } else {
                    format!("{y:04}-{m:02}-{d:02}")
                }))
            }
            Transform::PlainNumber => plain_number(trimmed).map(Cow::Owned),
            Transform::CodeCase => {
                if allowed.iter().any(|a| a == trimmed) {
                    return Ok(Cow::Borrowed(trimmed));
                }
                let folded = fold(trimmed).replace(' ', "");
                allowed
                    .iter()
                    .find(|a| fold(a).replace(' ', "") == folded)
                    .map(|a| Cow::Owned(a.clone()))
                    .ok_or_else(|| format!("`{trimmed}` is not in the list, in any case"))
            }
            Transform::PropertyNumber => property_number(trimmed).map(Cow::Owned),
            Transform::OrganisationToGss => {
                if crate::formats::ids::is_gss_code(trimmed) {
                    return Ok(Cow::Borrowed(trimmed));
                }
                gss_of(trimmed)
                    .map(|code| Cow::Owned(code.to_string()))
                    .ok_or_else(|| {
                        format!("`{trimmed}` is not the name of a UK local authority conform knows")
                    })
            }
        }
    }
}

/// Folded names of UK local authorities (official, short and other names) to their GSS codes;
/// a name two authorities share goes to the current one.
fn authorities() -> &'static std::collections::HashMap<String, String> {
    static NAMES: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = std::collections::HashMap::new();
        let Some(text) = crate::standard::builtin_file("codelists/uk-local-authorities.csv") else {
            return names;
        };
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let Ok(header) = reader.headers().cloned() else {
            return names;
        };
        let at = |name: &str| header.iter().position(|h| h == name);
        let (Some(official), Some(nice), Some(alt), Some(gss), Some(current)) = (
            at("official-name"),
            at("nice-name"),
            at("alt-names"),
            at("gss-code"),
            at("current-authority"),
        ) else {
            return names;
        };
        let mut rows: Vec<csv::StringRecord> = reader.records().flatten().collect();
        // Former authorities first, so that a current one's entry replaces theirs.
        rows.sort_by_key(|r| r.get(current) == Some("True"));
        for row in rows {
            let Some(code) = row.get(gss).filter(|c| !c.is_empty()) else {
                continue;
            };
            let listed = [row.get(official), row.get(nice)]
                .into_iter()
                .flatten()
                .chain(row.get(alt).unwrap_or_default().split(','));
            for name in listed.filter(|n| !n.trim().is_empty()) {
                names.insert(fold(name).replace(' ', ""), code.to_string());
            }
        }
        names
    })
}

/// The GSS code of a UK local authority, by any of its names.
pub fn gss_of(name: &str) -> Option<&'static str> {
    authorities()
        .get(&fold(name).replace(' ', ""))
        .map(String::as_str)
}

/// `£1,496.00` → `1496.00`; `(12.50)` → `-12.50`; `1 496` → `1496`. Commas and spaces are taken
/// out only where they group thousands: `1.496,00` or `12,5` (a decimal comma) is refused, not
/// read as another number.
fn plain_number(value: &str) -> Result<String, String> {
    let refuse = || {
        Err(format!("`{value}` is not an amount conform can read (a decimal comma, or digits grouped oddly?): write it by hand"))
    };
    let (negative, inner) = match value.strip_prefix('(').and_then(|v| v.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, value),
    };
    let (minus, inner) = match inner.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let inner = inner.strip_prefix('£').unwrap_or(inner).trim_start();
    let (whole, fraction) = match inner.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (inner, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return refuse();
    }
    let groups: Vec<&str> = whole.split([',', ' ', '\u{a0}']).collect();
    let grouped = groups.len() > 1;
    let well_grouped = !groups[0].is_empty()
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && (!grouped || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    if !well_grouped || (negative && minus) {
        return refuse();
    }
    let mut plain = String::new();
    if negative || minus {
        plain.push('-');
    }
    plain.push_str(&groups.concat());
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Ok(plain)
}

fn property_number(value: &str) -> Result<String, String> {
    if value.contains(['E', 'e']) && value.parse::<f64>().is_ok() {
        return Err(format!(
            "`{value}` was rounded by a spreadsheet: its last digits are lost and cannot be recovered; take the number from the source system"
        ));
    }
    let digits = value.strip_suffix(".0").unwrap_or(value);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits.to_string())
    } else {
        Err(format!("`{value}` is not a property number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_transform_writes_the_standard_form_or_says_why_not() {
        let none: &[String] = &[];
        let t = |t: Transform, v: &str| t.apply(v, none).map(|c| c.into_owned());
        assert_eq!(t(Transform::Trim, "  ACME LTD "), Ok("ACME LTD".into()));
        assert_eq!(
            t(Transform::DateToUk, "2019-04-01"),
            Ok("01/04/2019".into())
        );
        assert_eq!(t(Transform::DateToUk, "21-Dec-17"), Ok("21/12/2017".into()));
        assert_eq!(
            t(Transform::DateToIso, "01/04/2019"),
            Ok("2019-04-01".into())
        );
        assert!(t(Transform::DateToUk, "soon").is_err());
        assert_eq!(t(Transform::DateToIso, "1969-07"), Ok("1969-07".into()));
        assert_eq!(t(Transform::DateToIso, "1974"), Ok("1974".into()));
        assert_eq!(
            t(Transform::DateToIso, "2019-04-01T10:00:00Z"),
            Ok("2019-04-01T10:00:00Z".into())
        );
        assert_eq!(t(Transform::PlainNumber, "£1,496.00"), Ok("1496.00".into()));
        assert_eq!(t(Transform::PlainNumber, "(12.50)"), Ok("-12.50".into()));
        assert_eq!(t(Transform::PlainNumber, "-£3,000"), Ok("-3000".into()));
        assert!(t(Transform::PlainNumber, "twelve").is_err());
        for odd in ["1.496,00", "12,5", "1,50", "1,2,3", ".", "1.2.3"] {
            assert!(t(Transform::PlainNumber, odd).is_err(), "{odd}");
        }
        assert_eq!(t(Transform::PlainNumber, "1 496.50"), Ok("1496.50".into()));
        assert!(t(Transform::DateToUk, "04/29/2025").is_err_and(|why| why.contains("month-first")));
        assert_eq!(
            t(Transform::PropertyNumber, "100023336956.0"),
            Ok("100023336956".into())
        );
        assert!(t(Transform::PropertyNumber, "1.00023E+11")
            .is_err_and(|why| why.contains("cannot be recovered")));
        let allowed = vec!["E06000001".to_string(), "Adults".to_string()];
        assert_eq!(
            Transform::CodeCase
                .apply("e06000001", &allowed)
                .map(|c| c.into_owned()),
            Ok("E06000001".into())
        );
        assert!(Transform::CodeCase.apply("E99", &allowed).is_err());
        assert_eq!(
            t(Transform::OrganisationToGss, "Devon County Council"),
            Ok("E10000008".into())
        );
        assert_eq!(
            t(Transform::OrganisationToGss, "devon"),
            Ok("E10000008".into())
        );
        assert!(t(Transform::OrganisationToGss, "Not A Council").is_err());
        // An empty cell stays empty: whether it may be is the check's to say.
        assert_eq!(t(Transform::DateToUk, ""), Ok("".into()));
    }
}

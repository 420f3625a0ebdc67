//! Value formats for JSON Schema's `format` keyword: the UK public-sector identifiers of SPEC
//! section 3 and the standard ones conform checks itself. Each format is one entry: its check (the
//! very function both the compiled checks and full JSON Schema evaluation call), the description
//! messages give, and the fix offered for a value that fails.

pub mod date;
pub mod ids;
pub mod web;

pub use date::{
    is_date_or_date_time, is_date_time, is_iso_date, is_partial_date, is_time, is_uk_date,
    valid_ymd,
};
pub use ids::{
    is_charity_number, is_company_number, is_gss_code, is_org_id, is_uk_postcode, is_uprn, is_usrn,
};
pub use web::{is_email, is_geojson, is_json_array, is_json_object, is_uri, is_uuid};

use crate::i18n::Text;
use crate::t;

/// A format check: true when the text is in the format.
pub type FormatCheck = fn(&str) -> bool;

/// The fix offered for a value that is not in the format, when one can be guessed: conform's words,
/// from the catalogue. Where the help leads up to a rewrite ("this is a UK date; write it as
/// 2025-05-12"), the rewrite is its nested `rewrite` argument, from "write" on.
pub type FormatHelp = fn(&str) -> Option<Text>;

/// One value format.
pub struct ValueFormat {
    /// The name a schema's `format` uses.
    pub name: &'static str,
    pub check: FormatCheck,
    /// What the format expects, in plain English: for the standards' documentation pages and
    /// `describe`. Findings say it from the catalogue ([`describe_text`]), whose English is this.
    pub description: &'static str,
    /// The catalogue message of the description: `format-` and the name.
    pub message: &'static str,
    pub help: FormatHelp,
    /// A value in the format, for `standards template --example`.
    pub example: &'static str,
}

impl ValueFormat {
    /// What the format expects, as findings say it (in the report's language).
    pub fn text(&self) -> Text {
        Text::new(self.message, [])
    }
}

fn no_help(_: &str) -> Option<Text> {
    None
}

fn wkt_area_help(value: &str) -> Option<Text> {
    crate::wkt::check(value, crate::wkt::Want::Area)
        .err()
        .map(|p| p.message)
}

fn wkt_point_help(value: &str) -> Option<Text> {
    crate::wkt::check(value, crate::wkt::Want::Point)
        .err()
        .map(|p| p.message)
}

macro_rules! value_formats {
    ($( $name:literal => $check:expr, $help:expr, $message:literal,
        $description:literal, $example:literal; )*) => {
        /// Every format conform knows.
        pub const FORMATS: &[ValueFormat] = &[ $( ValueFormat {
            name: $name,
            check: $check,
            description: $description,
            message: $message,
            help: $help,
            example: $example,
        }, )* ];
    };
}

value_formats! {
    "date" => is_iso_date, date::iso_date_help, "format-date",
        "an ISO 8601 date written YYYY-MM-DD (e.g. 2025-10-31)", "2025-10-31";
    "partial-date" => is_partial_date, date::partial_date_help, "format-partial-date",
        "an ISO 8601 date YYYY-MM-DD, or YYYY-MM or YYYY where only the month or year is known (e.g. 2025-10-31)", "2025-10-31";
    "date-or-date-time" => is_date_or_date_time, date::iso_date_help, "format-date-or-date-time",
        "an ISO 8601 date YYYY-MM-DD, or a date and time (e.g. 2025-10-31 or 2025-10-31T14:30:00Z)", "2025-10-31";
    "wkt-multipolygon" => crate::wkt::is_area, wkt_area_help, "format-wkt-multipolygon",
        "a boundary in WKT: POLYGON or MULTIPOLYGON (e.g. MULTIPOLYGON (((-0.1 51.5, ...))))", "MULTIPOLYGON (((-0.1 51.5, -0.09 51.5, -0.09 51.51, -0.1 51.5)))";
    "wkt-point" => crate::wkt::is_point, wkt_point_help, "format-wkt-point",
        "a point in WKT: POINT (longitude latitude) (e.g. POINT (-0.681152 52.762892))", "POINT (-0.681152 52.762892)";
    "date-time" => is_date_time, no_help, "format-date-time",
        "an ISO 8601 date and time (e.g. 2025-10-31T14:30:00Z)", "2025-10-31T14:30:00Z";
    "time" => is_time, no_help, "format-time",
        "a time written hh:mm:ss (e.g. 14:30:00)", "14:30:00";
    "email" => is_email, no_help, "format-email",
        "an email address (e.g. data@council.gov.uk)", "data@council.gov.uk";
    "uri" => is_uri, web::uri_help, "format-uri",
        "a full web address starting with a scheme (e.g. https://www.example.gov.uk/page)", "https://www.example.gov.uk/page";
    "uuid" => is_uuid, no_help, "format-uuid",
        "a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)", "123e4567-e89b-12d3-a456-426614174000";
    "uk-date" => is_uk_date, date::uk_date_help, "format-uk-date",
        "a UK date written dd/mm/yyyy (e.g. 31/10/2025)", "31/10/2025";
    "uk-postcode" => is_uk_postcode, ids::postcode_help, "format-uk-postcode",
        "a UK postcode in capitals with one space (e.g. EX2 4QD)", "EX2 4QD";
    "gss-code" => is_gss_code, ids::gss_help, "format-gss-code",
        "an ONS GSS code: a letter and 8 digits (e.g. E10000008)", "E10000008";
    "uprn" => is_uprn, ids::property_number_help, "format-uprn",
        "a UPRN: a number of 1 to 12 digits (e.g. 100023336956)", "100023336956";
    "usrn" => is_usrn, ids::property_number_help, "format-usrn",
        "a USRN: a number of 1 to 8 digits (e.g. 21000123)", "21000123";
    "company-number" => is_company_number, ids::company_number_help, "format-company-number",
        "a Companies House number: 8 digits, or 2 letters and 6 digits (e.g. 09506232, SC123456)", "09506232";
    "charity-number" => is_charity_number, no_help, "format-charity-number",
        "a charity number: 6 or 7 digits in England and Wales, SC and 6 digits in Scotland (e.g. 1090095, SC042386)", "1090095";
    "org-id" => is_org_id, no_help, "format-org-id",
        "an org-id.guide identifier: a list prefix and an id (e.g. GB-COH-09506232)", "GB-COH-09506232";
    "json-object" => is_json_object, no_help, "format-json-object",
        "a JSON object (e.g. {\"name\": \"Old Town\"})", "{\"name\": \"Old Town\"}";
    "json-array" => is_json_array, no_help, "format-json-array",
        "a JSON array (e.g. [\"a\", \"b\"])", "[\"a\", \"b\"]";
    "geojson" => is_geojson, no_help, "format-geojson",
        "a GeoJSON object (e.g. {\"type\": \"Point\", \"coordinates\": [-0.1, 51.5]})", "{\"type\": \"Point\", \"coordinates\": [-0.1, 51.5]}";
}

pub fn lookup(name: &str) -> Option<&'static ValueFormat> {
    FORMATS.iter().find(|f| f.name == name)
}

/// A plain-English description of what a format expects, for documentation.
pub fn describe(name: &str) -> &'static str {
    lookup(name).map_or("the required format", |f| f.description)
}

/// What a format expects, as findings say it: [`describe`] from the catalogue.
pub fn describe_text(name: &str) -> Text {
    lookup(name).map_or_else(|| t!("format-required"), ValueFormat::text)
}

/// Help for a value that is not in the named format.
pub fn help(name: &str, value: &str) -> Option<Text> {
    lookup(name).and_then(|f| (f.help)(value))
}

fn digits(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit)
}

fn number(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0u32, |n, b| n * 10 + u32::from(b.wrapping_sub(b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_example_is_in_its_format() {
        for format in FORMATS {
            assert!((format.check)(format.example), "{}", format.name);
        }
    }

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
        for format in FORMATS {
            assert!(format.description.len() > 10, "{}", format.name);
            assert_eq!(describe(format.name), format.description);
        }
    }

    #[test]
    fn the_catalogue_describes_each_format_in_the_same_english() {
        // One source for the English words: the catalogue may not drift from the table, which
        // the documentation pages and `describe` use.
        use crate::i18n::Lang;
        for format in FORMATS {
            assert_eq!(format.message, format!("format-{}", format.name));
            assert_eq!(describe_text(format.name).english(), format.description);
            assert_eq!(Lang::En.get(format.message), format.description);
            let welsh = describe_text(format.name).render(Lang::Cy);
            assert!(
                !welsh.starts_with('[') && welsh != format.description,
                "{welsh}"
            );
        }
        assert_eq!(
            describe_text("no-such-format").english(),
            describe("no-such-format")
        );
    }
}

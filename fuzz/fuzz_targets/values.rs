//! Cell values through every value check: WKT geometries, dates, every named format and the
//! number and closest-value suggestions. Each is linear in the value and never panics.
#![no_main]

use conform::formats;
use conform::wkt::{self, Want};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = std::str::from_utf8(data) else {
        return;
    };
    for want in [Want::Area, Want::Point] {
        let _ = wkt::check(value, want);
    }
    let _ = formats::date::parse(value);
    let _ = formats::date::iso_date_help(value);
    let _ = formats::date::uk_date_help(value);
    for format in formats::FORMATS {
        let _ = (format.check)(value);
        let _ = formats::help(format.name, value);
    }
    let _ = conform::suggest::number_help(value);
    let _ = conform::suggest::closest(value, ["Revenue", "Capital", "E09000012"]);
});

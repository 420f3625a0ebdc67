//! Cell values through every value check: WKT geometries (the plain fast steps deciding as the
//! general ones do), dates, every named format, the conversion to each JSON type (the fast
//! decimal reader among them), folding, and the number and closest-value suggestions. Each is
//! linear in the value and never panics.
#![no_main]

use conform::compile::{convert, parse_f64, Kind};
use conform::formats;
use conform::wkt::{self, Want};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = std::str::from_utf8(data) else {
        return;
    };
    for want in [Want::Area, Want::Point] {
        let passes = wkt::check(value, want).is_ok();
        // A space before every comma changes nothing a WKT value means, and keeps the general
        // steps between positions instead of the plain ones: both must decide alike.
        let spaced = value.replace(',', " ,");
        assert_eq!(passes, wkt::check(&spaced, want).is_ok(), "{value:?}");
    }
    let _ = formats::date::parse(value);
    let _ = formats::date::iso_date_help(value);
    let _ = formats::date::uk_date_help(value);
    for format in formats::FORMATS {
        let _ = (format.check)(value);
        let _ = formats::help(format.name, value);
    }
    for kind in [
        Kind::Number,
        Kind::Integer,
        Kind::Boolean,
        Kind::Object,
        Kind::Array,
        Kind::String,
    ] {
        let _ = convert(value, &[kind]);
    }
    if let Some(n) = parse_f64(value) {
        // The one-pass reader gives exactly what the standard parser gives.
        assert_eq!(
            value.parse::<f64>().ok().map(f64::to_bits),
            Some(n.to_bits())
        );
    }
    let _ = conform::suggest::fold(value);
    let _ = conform::suggest::number_help(value);
    let _ = conform::suggest::closest(value, ["Revenue", "Capital", "E09000012"]);
});

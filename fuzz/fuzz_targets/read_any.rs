//! Any bytes, under any of the names conform reads by, checked against a built-in standard: a
//! finding or an error, never a panic, a hang or unbounded memory.
#![no_main]

use std::sync::{Arc, OnceLock};

use conform::check::{check_file, Options};
use conform::compile::{compile, CompiledTable};
use conform::read::Input;
use conform::standard::Standard;
use libfuzzer_sys::fuzz_target;

/// The name the input is read by, chosen by its first byte (seeds start with their index).
/// Parquet and Arrow are read only with the `parquet` feature (polars makes a long build).
const NAMES: &[&str] = &[
    "spend.csv",
    "spend.xlsx",
    "spend.xls",
    "spend.ods",
    "spend.json",
    "spend.jsonl",
    "spend.geojson",
    "spend.csv.gz",
    "spend.xlsb",
    "spend.zip",
    #[cfg(feature = "parquet")]
    "spend.parquet",
    #[cfg(feature = "parquet")]
    "spend.arrow",
];

fn standard() -> &'static (Standard, CompiledTable) {
    static STANDARD: OnceLock<(Standard, CompiledTable)> = OnceLock::new();
    STANDARD.get_or_init(|| {
        // A reader of the field that panics on a damaged file is caught by conform and reported;
        // libFuzzer's hook would count that as a crash. A panic that escapes still aborts (the
        // fuzz target's own catch), so real failures are still found.
        std::panic::set_hook(Box::new(|_| {}));
        let standard = Standard::load("spend-over-500").expect("built in");
        let compiled = compile(&standard.tables[0]).expect("compiles");
        (standard, compiled)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let (standard, compiled) = standard();
    let name = NAMES[usize::from(which) % NAMES.len()];
    let options = Options {
        max_findings: Some(10_000),
        ..Options::default()
    };
    let inputs = if name == "spend.zip" {
        // An archive is opened from a path, its members then read from memory.
        let path = std::env::temp_dir().join(format!("conform-fuzz-{}.zip", std::process::id()));
        if std::fs::write(&path, bytes).is_err() {
            return;
        }
        let mut members = Vec::new();
        let _ = conform::run::inputs::add_file(path, &mut members);
        members
    } else {
        vec![Input::Memory {
            name: name.to_string(),
            bytes: Arc::new(bytes.to_vec()),
        }]
    };
    for input in &inputs {
        let _ = check_file(input, &standard.id, &standard.tables[0], compiled, &options);
    }
});

//! The compiled per-cell checks and full JSON Schema evaluation give the same findings on every
//! fixture: the compiled path is an optimisation, never a different answer.

use std::collections::BTreeSet;
use std::path::PathBuf;

use conform::check::{check_file, Options, SchemaPath};
use conform::compile::compile;
use conform::finding::Code;
use conform::read::Input;
use conform::standard::Standard;

/// Codes that come from the row schema; the others (header, keys, code lists) are table checks.
const SCHEMA_CODES: &[Code] = &[
    Code::Required,
    Code::Type,
    Code::Format,
    Code::Pattern,
    Code::Enum,
    Code::Range,
    Code::Length,
    Code::Schema,
];

fn findings(
    path: &std::path::Path,
    standard: &Standard,
    schema_path: SchemaPath,
) -> BTreeSet<(u64, String, Code)> {
    let table = &standard.tables[0];
    let compiled = compile(table).expect("compiles");
    let options = Options {
        schema_path,
        ..Options::default()
    };
    let report = check_file(
        &Input::Path(path.to_path_buf()),
        &standard.id,
        table,
        &compiled,
        &options,
    )
    .expect("reads");
    report
        .findings
        .iter()
        .filter(|f| SCHEMA_CODES.contains(&f.code))
        .map(|f| {
            (
                f.row.unwrap_or(0),
                f.column
                    .as_ref()
                    .map(|c| c.name.to_string())
                    .unwrap_or_default(),
                f.code,
            )
        })
        .collect()
}

fn csv_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    files
}

#[test]
fn both_paths_agree_on_every_fixture() {
    let cases = [
        ("fixtures/checks/standard.json", "fixtures/checks"),
        ("spend-over-500", "fixtures/spend-over-500"),
        ("fixtures/types/rows.schema.json", "fixtures/types"),
        ("spend-over-500", "fixtures/corpus/spend-over-500"),
    ];
    let mut compared = 0;
    let mut nonempty = 0;
    for (standard, dir) in cases {
        let standard = Standard::load(standard).expect("loads");
        for file in csv_files(dir) {
            let fast = findings(&file, &standard, SchemaPath::Compiled);
            let full = findings(&file, &standard, SchemaPath::Full);
            assert_eq!(
                fast,
                full,
                "{}: compiled and full JSON Schema paths differ",
                file.display()
            );
            compared += 1;
            nonempty += usize::from(!fast.is_empty());
        }
    }
    assert!(compared >= 30, "only {compared} files compared");
    assert!(
        nonempty >= 12,
        "only {nonempty} files had schema findings to compare"
    );
}

//! `conform infer` (issue 10): a draft standard from samples lints clean, the samples conform to
//! it, and it catches the errors of the built-in standards' invalid fixtures (measured).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::run;

/// Drafts a standard from `samples` into `dir`; returns its path.
fn draft(samples: &[&str], dir: &Path) -> PathBuf {
    let target = dir.join("draft.json");
    let mut args = vec!["infer"];
    args.extend(samples);
    let out = target.to_str().expect("a UTF-8 path").to_string();
    args.extend(["--output", &out]);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "infer {samples:?}: {err}");
    assert!(err.contains("drafted"), "{err}");
    target
}

/// The cells (row, column) a check of `file` against `standard` finds errors in.
fn error_cells(file: &str, standard: &str) -> BTreeSet<(u64, String)> {
    let (_, out, err) = run(&["check", file, "--standard", standard, "--format", "json"]);
    let report: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let mut cells = BTreeSet::new();
    for file in report["files"].as_array().into_iter().flatten() {
        for finding in file["findings"].as_array().into_iter().flatten() {
            if finding["severity"] != "error" {
                continue;
            }
            if let (Some(row), Some(column)) =
                (finding["row"].as_u64(), finding["column"]["name"].as_str())
            {
                cells.insert((row, column.to_string()));
            }
        }
    }
    cells
}

/// Each built-in standard's valid fixture and the invalid fixture of the same table.
fn pairs() -> Vec<(String, String, String)> {
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir("fixtures").expect("fixtures").flatten() {
        let standard = entry.file_name().to_string_lossy().to_string();
        if !Path::new("schemas")
            .join(&standard)
            .join("standard.json")
            .exists()
        {
            continue;
        }
        let dir = entry.path();
        if dir.join("valid.csv").exists() {
            pairs.push((
                standard.clone(),
                format!("fixtures/{standard}/valid.csv"),
                format!("fixtures/{standard}/invalid.csv"),
            ));
        } else if let Ok(tables) = std::fs::read_dir(dir.join("valid")) {
            for table in tables.flatten() {
                let name = table.file_name().to_string_lossy().to_string();
                let invalid = format!("fixtures/{standard}/invalid/{name}");
                if Path::new(&invalid).exists() {
                    pairs.push((
                        standard.clone(),
                        format!("fixtures/{standard}/valid/{name}"),
                        invalid,
                    ));
                }
            }
        }
    }
    pairs.sort();
    pairs
}

#[test]
fn drafts_from_valid_fixtures_lint_clean_pass_them_and_catch_invalid_cells() {
    let pairs = pairs();
    assert!(pairs.len() >= 8, "{pairs:?}");
    let (mut caught, mut wanted) = (0, 0);
    for (standard, valid, invalid) in pairs.iter() {
        let dir = common::scratch();
        let draft = draft(&[valid], &dir);
        let draft = draft.to_str().expect("a UTF-8 path");
        let (code, out, err) = run(&["standards", "lint", draft]);
        assert_eq!(code, 0, "{valid}: {out}{err}");
        assert!(
            !err.contains("warning"),
            "{valid}: the draft lints with warnings: {err}"
        );
        let (code, out, err) = run(&["check", valid, "--standard", draft]);
        assert_eq!(code, 0, "{valid} fails its own draft: {out}{err}");
        let expected = error_cells(invalid, standard);
        let found = error_cells(invalid, draft);
        let hit = expected.intersection(&found).count();
        println!(
            "{invalid}: the draft finds {hit} of the {} cells the standard finds in error",
            expected.len()
        );
        caught += hit;
        wanted += expected.len();
    }
    println!("drafts from valid fixtures catch {caught} of {wanted} invalid cells");
    // A draft knows only what the valid rows show; it must still catch a good part.
    assert!(caught * 3 >= wanted, "{caught} of {wanted}");
}

#[test]
fn several_files_of_one_dataset_widen_the_draft() {
    let dir = common::scratch();
    let samples = [
        "fixtures/spend-over-500/valid.csv",
        "fixtures/corpus/spend-over-500/devon-cc-2025-04.csv",
    ];
    let draft = draft(&samples, &dir);
    let draft = draft.to_str().expect("a UTF-8 path");
    for sample in samples {
        let (code, out, err) = run(&["check", sample, "--standard", draft]);
        assert_eq!(code, 0, "{sample}: {out}{err}");
    }
    let text = std::fs::read_to_string(draft).expect("the draft");
    assert!(text.contains("\"format\":\"uk-date\""), "{text}");
}

#[test]
fn each_rule_says_how_many_values_it_was_inferred_from() {
    let (code, out, _) = run(&[
        "infer",
        "fixtures/corpus/spend-over-500/devon-cc-2025-04.csv",
    ]);
    assert_eq!(code, 0);
    let standard: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let table = standard["tables"]
        .as_object()
        .and_then(|t| t.values().next())
        .expect("a table");
    let properties = table["schema"]["properties"].as_object().expect("columns");
    assert!(!properties.is_empty());
    for (name, rule) in properties {
        let comment = rule["$comment"].as_str().unwrap_or_default();
        assert!(comment.starts_with("inferred from "), "{name}: {comment}");
        assert!(
            rule["description"]
                .as_str()
                .unwrap_or_default()
                .starts_with("TODO"),
            "{name}"
        );
    }
    // One column a line, in the file's order.
    let first = out.find("\"Name of Body\"").expect("Name of Body");
    let date = out.find("\"Date\"").expect("Date");
    assert!(first < date);
}

#[test]
fn a_draft_is_never_written_over_a_sample() {
    let sample = "fixtures/spend-over-500/valid.csv";
    let before = std::fs::read(sample).expect("the fixture");
    let (code, _, err) = run(&["infer", sample, "--output", sample]);
    assert_eq!(code, 2);
    assert!(err.contains("never writes over a file it reads"), "{err}");
    assert_eq!(std::fs::read(sample).expect("still there"), before);
}

#[test]
fn columns_named_alike_are_one_and_placeholders_are_no_value() {
    let dir = common::scratch();
    let first = dir.join("a.csv");
    let second = dir.join("b.csv");
    std::fs::write(
        &first,
        "Ref,Expense Code,End Date\nA1,ABCD,31/03/2017\nA2,ABCE,No Data\nA3,ABCF,01/04/2018\n",
    )
    .expect("a sample");
    std::fs::write(
        &second,
        "ref,Expense code,End date\nA4,ABCDEF,No Data\nA5,ABCDEG,02/05/2019\n",
    )
    .expect("a sample");
    let samples = [
        first.to_str().expect("path"),
        second.to_str().expect("path"),
    ];
    let draft = draft(&samples, &dir);
    let text = std::fs::read_to_string(&draft).expect("the draft");
    let standard: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let table = standard["tables"]
        .as_object()
        .and_then(|t| t.values().next())
        .expect("a table");
    let properties = table["schema"]["properties"].as_object().expect("columns");
    assert_eq!(properties.len(), 3, "{text}");
    assert_eq!(properties["End Date"]["format"], "uk-date", "{text}");
    assert_eq!(table["missingValues"], serde_json::json!(["", "No Data"]));
    for sample in samples {
        let (code, out, err) = run(&["check", sample, "--standard", draft.to_str().expect("path")]);
        assert_eq!(code, 0, "{sample}: {out}{err}");
    }
}

#[test]
fn nested_json_values_are_drafted_as_json_text() {
    let dir = common::scratch();
    let sample = dir.join("grants.jsonl");
    std::fs::write(
        &sample,
        "{\"id\": \"G-1\", \"plannedDates\": [{\"startDate\": \"2024-04-01\"}]}\n{\"id\": \"G-2\", \"plannedDates\": [{\"startDate\": \"2024-05-01\"}]}\n",
    )
    .expect("a sample");
    let path = sample.to_str().expect("path");
    let draft = draft(&[path], &dir);
    let text = std::fs::read_to_string(&draft).expect("the draft");
    assert!(text.contains(r#""plannedDates": {"type":"string","description":"TODO: what this column holds, for the people who fill it in","format":"json-array""#), "{text}");
    let (code, out, err) = run(&["check", path, "--standard", draft.to_str().expect("path")]);
    assert_eq!(code, 0, "{out}{err}");
}

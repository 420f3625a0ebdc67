//! The command line end to end: exit codes, a fixture per finding code, human and JSON snapshots.

mod common;

const CHECKS: &str = "fixtures/checks/standard.json";

use common::{conform, run};

#[test]
fn the_readme_example_passes() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/spend-over-500/valid.csv",
        "--standard",
        "spend-over-500",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("✓ 1 file conforms to spend-over-500 2015.1"),
        "{out}"
    );
}

#[test]
fn invalid_spend_fails_with_exit_1() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/spend-over-500/invalid.csv",
        "-s",
        "spend-over-500",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("spend_invalid_human", out);
}

#[test]
fn valid_fixture_has_no_findings() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/checks/valid.csv",
        "-s",
        CHECKS,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(report["files"][0]["findings"], serde_json::json!([]));
}

#[test]
fn each_fixture_triggers_its_code() {
    // The list comes from the codes themselves: a new code without a fixture fails here.
    for code in conform::finding::Code::ALL {
        let path = code.doc().fixture;
        let fixture = std::path::Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a fixture file name");
        let standard = code.doc().standard;
        let code = code.as_str();
        let (exit, out, err) = run(&["check", path, "-s", standard, "--format", "json"]);
        let report: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{path}: {e}\n{out}\n{err}"));
        let codes: Vec<&str> = report["files"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["code"].as_str())
            .collect();
        assert!(
            codes.contains(&code),
            "{path} should give `{code}`, gave {codes:?}"
        );
        let errors = report["summary"]["errors"].as_u64().unwrap_or(0);
        assert_eq!(exit, if errors > 0 { 1 } else { 0 }, "{path}");
        insta::assert_snapshot!(format!("json_{fixture}"), out);
        let (_, human, _) = run(&["check", path, "-s", standard]);
        insta::assert_snapshot!(format!("human_{fixture}"), human);
    }
}

#[test]
fn whitespace_alone_is_a_warning_and_strict_fails_it() {
    let (code, _, _) = run(&["check", "fixtures/checks/whitespace.csv", "-s", CHECKS]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&[
        "check",
        "fixtures/checks/whitespace.csv",
        "-s",
        CHECKS,
        "--strict",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn ignore_drops_a_code() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/checks/type.csv",
        "-s",
        CHECKS,
        "--ignore",
        "type",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("\"code\": \"type\""));
}

/// Findings beyond `--max-findings` are counted, not kept: the report lists the first ones and
/// its counts and verdict are those of the whole file.
#[test]
fn max_findings_lists_the_first_and_counts_the_rest() {
    let check = |limit: &[&str]| {
        let mut args = vec![
            "check",
            "fixtures/corpus/spend-over-500/devon-cc-2025-04.csv",
            "-s",
            "spend-over-500",
            "--format",
            "json",
        ];
        args.extend_from_slice(limit);
        let (code, out, _) = run(&args);
        let report: serde_json::Value = serde_json::from_str(&out).expect("json");
        (code, report)
    };
    let (code, report) = check(&["--max-findings", "5"]);
    assert_eq!(code, 1);
    let file = &report["files"][0];
    assert_eq!(file["partial"], true);
    assert_eq!(file["findings"].as_array().map(Vec::len), Some(5));
    assert_eq!(file["not_listed"], 158);
    // 0 lifts the limit; the default (a million a file) is far above this file's 163.
    for limit in [&["--max-findings", "0"][..], &[]] {
        let (whole_code, whole) = check(limit);
        assert_eq!(whole_code, code);
        assert_eq!(whole["files"][0]["partial"], false);
        assert_eq!(whole["files"][0]["not_listed"], 0);
        assert_eq!(
            whole["files"][0]["findings"].as_array().map(Vec::len),
            Some(163)
        );
        assert_eq!(whole["files"][0]["counts"], file["counts"]);
        assert_eq!(whole["summary"], report["summary"]);
    }
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(&[
        "check",
        "fixtures/checks/valid.csv",
        "-s",
        "no-such-standard",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("conform standards list"), "{err}");
    let (code, _, err) = run(&["check", "fixtures/checks/valid.csv", "-s", "spend-over-50"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("closest built-in ids are:\n  │ spend-over-500"),
        "{err}"
    );
    let (code, _, err) = run(&["check", "fixtures/no-such-file.csv", "-s", "spend-over-500"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file"), "{err}");
    let (code, _, _) = run(&[
        "check",
        "fixtures/checks/valid.csv",
        "-s",
        CHECKS,
        "--ignore",
        "nonsense",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn invalid_standards_point_into_the_file() {
    for (standard, expected) in [
        (
            "fixtures/standards/bad/unknown-key-column.json",
            "unknown-key-column.json:",
        ),
        ("fixtures/standards/bad/bad-regex.json", "bad-regex.json:"),
        (
            "fixtures/standards/bad/missing-codelist.json",
            "missing-codelist.json:",
        ),
        ("fixtures/standards/bad/not-json.json", "not-json.json:"),
        ("fixtures/standards/bad/remote-ref.json", "remote-ref.json"),
        ("fixtures/standards/bad/ref-loop.json", "ref-loop.json:11:"),
        (
            "fixtures/standards/bad/other-file-ref.json",
            "other-file-ref.json:10:",
        ),
        (
            "fixtures/standards/bad/unknown-reference.json",
            "unknown-reference.json:13:67",
        ),
    ] {
        let (code, out, err) = run(&["check", "fixtures/checks/valid.csv", "-s", standard]);
        assert_eq!(code, 2, "{standard}: {out}");
        assert!(err.contains(expected), "{standard}:\n{err}");
        insta::assert_snapshot!(
            format!(
                "standard_error_{}",
                standard.rsplit('/').next().unwrap_or(standard)
            ),
            err
        );
    }
}

#[test]
fn a_bare_json_schema_is_a_standard() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/checks/valid.csv",
        "-s",
        "fixtures/checks/grants.schema.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn the_standard_is_chosen_by_header_when_not_given() {
    let (code, out, _) = run(&["check", "fixtures/spend-over-500/valid.csv"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("no standard given: matched spend-over-500"),
        "{out}"
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let out = conform()
        .args(["check", "-", "-s", CHECKS, "--format", "json"])
        .write_stdin(std::fs::read("fixtures/checks/type.csv").expect("fixture"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"path\": \"<stdin>\""));
}

#[test]
fn folders_are_walked_in_order() {
    let (code, out, _) = run(&[
        "check",
        "fixtures/corpus/spend-over-500",
        "-s",
        "spend-over-500",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let paths: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths.len(), 4);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn output_is_written_whole_and_never_over_an_input() {
    let dir = common::scratch();
    let input = dir.join("data.csv");
    std::fs::copy("fixtures/checks/type.csv", &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let input_text = input.to_string_lossy().to_string();
    let (code, _, err) = run(&["check", &input_text, "-s", CHECKS, "--output", &input_text]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read(&input).expect("read"), before);
    let report = dir.join("report.json");
    let (code, _, _) = run(&[
        "check",
        &input_text,
        "-s",
        CHECKS,
        "--format",
        "json",
        "--output",
        &report.to_string_lossy(),
    ]);
    assert_eq!(code, 1);
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("json");
    assert_eq!(written["report_version"], 1);
}

#[test]
fn explain_documents_every_code() {
    let (code, out, _) = run(&["explain"]);
    assert_eq!(code, 0);
    for finding_code in conform::finding::Code::ALL {
        assert!(
            out.contains(&format!("  {finding_code} ")),
            "{finding_code} missing from `conform explain`"
        );
    }
    let (code, out, _) = run(&["explain", "type"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("explain_type", out);
    // As people type codes: any case, `_` for `-`.
    let (code, shouted, _) = run(&["explain", "TYPE"]);
    assert_eq!((code, &shouted), (0, &out));
    let (code, _, _) = run(&["explain", "Missing_Column"]);
    assert_eq!(code, 0);
    let (code, _, err) = run(&["explain", "typo"]);
    assert_eq!(code, 2);
    assert!(err.contains("Did you mean `type`?"), "{err}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let (_, plain, _) = run(&["check", "fixtures/checks/type.csv", "-s", CHECKS]);
    assert!(
        !plain.contains('\u{1b}'),
        "piped output has no colour codes"
    );
    let (_, coloured, _) = run(&[
        "check",
        "fixtures/checks/type.csv",
        "-s",
        CHECKS,
        "--color",
        "always",
    ]);
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn camel_case_names_match_spaced_columns_and_aliases() {
    // The LGA / iStandUK names (`PaymentDate`, `BeneficiaryName`, `IrrecoverableVATAmount`...)
    // are the standard's columns with the word gaps left out (issue: real-world fit, defect 1).
    let (code, out, _) = run(&[
        "check",
        "fixtures/spend-over-500/camel-case-header.csv",
        "-s",
        "spend-over-500",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(report["summary"]["by_code"]["header-mismatch"], 9, "{out}");
    assert!(report["summary"]["by_code"]
        .get("missing-column")
        .is_some_and(|n| n == 1));
}

/// `--lang cy` and `LANG=cy_GB…` give Welsh findings and reports; English is the default, and
/// an unknown language is a usage error.
#[test]
fn the_language_is_chosen_by_flag_or_environment() {
    let file = "fixtures/checks/codelist.csv";
    let standard = "fixtures/checks/standard.json";
    let (code, english, _) = run(&["check", file, "--standard", standard]);
    assert_eq!(code, 1);
    assert!(
        english.contains("is not in the code list `councils`"),
        "{english}"
    );
    let (code, welsh, _) = run(&["check", file, "--standard", standard, "--lang", "cy"]);
    assert_eq!(code, 1);
    assert!(
        welsh.contains("nid yw `E09000099` yn `Council` yn y rhestr godau"),
        "{welsh}"
    );
    assert!(welsh.contains("Crynodeb ar gyfer"), "{welsh}");
    let from_env = common::conform()
        .args(["check", file, "--standard", standard])
        .env("LANG", "cy_GB.UTF-8")
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&from_env.stdout), welsh);
    let (code, _, err) = run(&["check", file, "--standard", standard, "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("--lang fr: use en or cy"), "{err}");

    let (code, explained, _) = run(&["explain", "type", "--lang", "cy"]);
    assert_eq!(code, 0);
    assert!(
        explained.starts_with("type [error yn ddiofyn]"),
        "{explained}"
    );
    assert!(explained.contains("Beth mae'n ei olygu"), "{explained}");
    let (_, english, _) = run(&["explain", "type"]);
    assert!(english.contains("What it means"), "{english}");
}

//! Every report format on the same findings: snapshots, validity against each format's own rules
//! (SARIF schema, XML), and the same order and exit code whatever the format.

mod common;

const FORMATS: &[&str] = &[
    "human", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown",
];

/// Two real-looking files with findings of several codes, and one that conforms.
const FILES: &[&str] = &[
    "fixtures/spend-over-500/invalid.csv",
    "fixtures/spend-over-500/valid.csv",
];

fn run(format: &str, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check"];
    args.extend_from_slice(FILES);
    args.extend_from_slice(&["--standard", "spend-over-500", "--format", format]);
    args.extend_from_slice(extra);
    let output = common::conform()
        .args(&args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn snapshots_of_every_format() {
    for format in FORMATS {
        let (code, out) = run(format, &[]);
        assert_eq!(code, 1, "{format}");
        insta::assert_snapshot!(format!("format_{format}"), out);
    }
}

#[test]
fn sarif_matches_the_official_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").expect("schema"),
    )
    .expect("json");
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    for files in [
        &["fixtures/spend-over-500/invalid.csv"][..],
        &["fixtures/checks"][..],
    ] {
        let standard = if files[0].contains("checks") {
            "fixtures/checks/standard.json"
        } else {
            "spend-over-500"
        };
        let mut args = vec!["check"];
        args.extend_from_slice(files);
        args.extend_from_slice(&["--standard", standard, "--format", "sarif"]);
        let output = common::conform().args(&args).output().expect("runs");
        let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let results = log["runs"][0]["results"].as_array().expect("results");
        assert!(!results.is_empty());
        for result in results {
            let region = &result["locations"][0]["physicalLocation"]["region"];
            assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1));
        }
    }
}

#[test]
fn junit_is_well_formed_xml_with_a_suite_per_file() {
    let (_, out) = run("junit", &[]);
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), FILES.len());
    let failing = suites[0];
    assert!(failing.attribute("failures").is_some_and(|f| f != "0"));
    let failure = failing
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .expect("a failure");
    assert!(
        failure.text().is_some_and(|t| t.contains("row ")),
        "failures carry examples"
    );
    let passing = suites[1];
    assert_eq!(passing.attribute("failures"), Some("0"));
    // A conforming file has at least one case (its optional columns note, or a passing case).
    assert!(passing.descendants().any(|n| n.has_tag_name("testcase")));
}

#[test]
fn findings_come_in_the_same_order_in_every_listing_format() {
    let (_, json) = run("json", &[]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    let expected: Vec<(String, Option<u64>)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64(),
            )
        })
        .collect();
    let (_, jsonl) = run("jsonl", &[]);
    let from_jsonl: Vec<(String, Option<u64>)> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64(),
            )
        })
        .collect();
    assert_eq!(from_jsonl, expected);
    let (_, csv) = run("csv", &[]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let from_csv: Vec<(String, Option<u64>)> = reader
        .records()
        .map(|r| r.expect("a CSV row"))
        .map(|r| (r[5].to_string(), r[2].parse().ok()))
        .collect();
    assert_eq!(from_csv, expected);
    let (_, sarif) = run("sarif", &[]);
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("json");
    let from_sarif: Vec<(String, Option<u64>)> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or("").to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64(),
            )
        })
        .collect();
    let expected_lines: Vec<(String, Option<u64>)> = expected
        .iter()
        .map(|(c, l)| (c.clone(), Some(l.unwrap_or(1))))
        .collect();
    assert_eq!(from_sarif, expected_lines);
    let (_, github) = run("github", &[]);
    let from_github: Vec<String> = github
        .lines()
        .map(|l| {
            l.split("title=")
                .nth(1)
                .unwrap_or("")
                .split([' ', ':'])
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    let expected_codes: Vec<String> = expected.iter().map(|(c, _)| c.clone()).collect();
    assert_eq!(from_github, expected_codes);
}

#[test]
fn exit_codes_are_the_same_in_every_format() {
    for format in FORMATS {
        assert_eq!(run(format, &[]).0, 1, "{format}");
        assert_eq!(
            run(
                format,
                &["--ignore", "format", "--ignore", "type", "--ignore", "required"]
            )
            .0,
            0,
            "{format}"
        );
    }
}

#[test]
fn github_annotations_are_capped_per_group_and_the_summary_is_written() {
    let dir = common::scratch();
    let summary = dir.join("summary.md");
    let output = common::conform()
        .args([
            "check",
            "fixtures/corpus/spend-over-500/devon-cc-2025-04.csv",
            "-s",
            "spend-over-500",
            "--format",
            "github",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&output.stdout);
    let type_lines = out
        .lines()
        .filter(|l| l.contains("title=type in Net amount"))
        .count();
    assert_eq!(type_lines, 11, "10 annotations and one count line");
    assert!(
        out.contains("... and 144 more `type` findings in Net amount"),
        "{out}"
    );
    let written = std::fs::read_to_string(&summary).expect("summary appended");
    assert!(
        written.contains("| `fixtures/corpus/spend-over-500/devon-cc-2025-04.csv` | 237 |"),
        "{written}"
    );
}

#[test]
fn output_files_are_written_for_line_formats_too() {
    let dir = common::scratch();
    for format in ["jsonl", "csv", "sarif"] {
        let target = dir.join(format!("report.{format}"));
        let (code, stdout) = run(format, &["--output", &target.to_string_lossy()]);
        assert_eq!(code, 1);
        assert!(stdout.is_empty());
        let written = std::fs::read_to_string(&target).expect("report written");
        assert!(written.contains("format"), "{format}");
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left behind");
    }
}

#[test]
fn every_format_on_a_real_council_file() {
    let file = "fixtures/corpus/spend-over-500/devon-cc-2025-04.csv";
    for format in FORMATS {
        let output = common::conform()
            .args([
                "check",
                file,
                "--standard",
                "spend-over-500",
                "--format",
                format,
            ])
            .env_remove("GITHUB_STEP_SUMMARY")
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{format}");
        let text = String::from_utf8_lossy(&output.stdout);
        match *format {
            "json" | "sarif" => {
                serde_json::from_str::<serde_json::Value>(&text).expect("one JSON document");
            }
            "jsonl" => assert_eq!(text.lines().count(), 163, "one line a finding"),
            "csv" => assert_eq!(
                csv::Reader::from_reader(text.as_bytes()).records().count(),
                163
            ),
            "junit" => {
                roxmltree::Document::parse(&text).expect("XML");
            }
            "github" => assert!(text.lines().all(|l| l.starts_with("::"))),
            _ => assert!(text.contains("1,496.00")),
        }
    }
}

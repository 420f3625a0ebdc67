//! Real JSON reports validate against the published report schema, and output is the same byte
//! for byte whatever the thread count.

mod common;

fn conform(args: &[&str]) -> (i32, Vec<u8>) {
    let output = common::conform().args(args).output().expect("runs");
    (output.status.code().unwrap_or(-1), output.stdout)
}

#[test]
fn json_reports_match_the_published_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("docs/report-v1.schema.json").expect("schema"),
    )
    .expect("json");
    let validator = jsonschema::validator_for(&schema).expect("the report schema compiles");
    let runs: Vec<Vec<&str>> = vec![
        vec![
            "check",
            "fixtures/checks",
            "-s",
            "fixtures/checks/standard.json",
            "--format",
            "json",
        ],
        vec![
            "check",
            "fixtures/corpus/spend-over-500",
            "-s",
            "spend-over-500",
            "--format",
            "json",
        ],
        vec![
            "check",
            "fixtures/spend-over-500/valid.csv",
            "--format",
            "json",
        ],
        vec![
            "check",
            "fixtures/corpus/spend-over-500/devon-cc-2025-04.csv",
            "-s",
            "spend-over-500",
            "--max-findings",
            "3",
            "--format",
            "json",
        ],
        // Keys between tables, notes about unchecked references, rules, WKT.
        vec![
            "check",
            "fixtures/open-referral-uk/invalid",
            "-s",
            "open-referral-uk",
            "--format",
            "json",
        ],
        vec![
            "check",
            "fixtures/corpus/article-4-direction",
            "-s",
            "article-4-direction",
            "--format",
            "json",
        ],
    ];
    for args in runs {
        let (_, out) = conform(&args);
        let report: serde_json::Value = serde_json::from_slice(&out).expect("json");
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert!(report["files"].as_array().is_some_and(|f| !f.is_empty()));
    }
}

/// A spend file of `rows` rows with a sprinkling of every kind of error, for the thread tests.
fn generated_file(rows: usize) -> common::ScratchFile {
    let mut text = String::from("Body name,Organisation code,Transaction date,Supplier name,Transaction number,Net amount,Irrecoverable VAT,Department,Procurement category\n");
    for i in 0..rows {
        let date = if i % 997 == 0 {
            "2025-04-01".to_string()
        } else {
            format!("{:02}/04/2025", i % 28 + 1)
        };
        let amount = if i % 1301 == 0 {
            "\"1,200.00\"".to_string()
        } else {
            format!("{}.{:02}", i % 5000, i % 100)
        };
        let supplier = if i % 1777 == 0 {
            String::new()
        } else {
            format!("Supplier {}", i % 300)
        };
        let gss = if i % 2003 == 0 {
            "E1000008"
        } else {
            "E10000008"
        };
        text.push_str(&format!(
            "Devon County Council,{gss},{date},{supplier},{},{amount},0.00,Children's Services,Agency Supply Staff\n",
            i / 2
        ));
    }
    common::scratch_file(&format!("jobs-{rows}.csv"), text.as_bytes())
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let path = generated_file(30_000);
    let file = path.to_string_lossy().to_string();
    for format in ["json", "human"] {
        let (code1, one) = conform(&[
            "check",
            &file,
            "-s",
            "spend-over-500",
            "--format",
            format,
            "--jobs",
            "1",
        ]);
        let (code2, two) = conform(&[
            "check",
            &file,
            "-s",
            "spend-over-500",
            "--format",
            format,
            "--jobs",
            "2",
        ]);
        let (code4, four) = conform(&[
            "check",
            &file,
            "-s",
            "spend-over-500",
            "--format",
            format,
            "--jobs",
            "4",
        ]);
        assert_eq!((code1, code2, code4), (1, 1, 1));
        assert!(
            one == two && two == four,
            "{format} output differs between thread counts"
        );
        assert!(one.len() > 1000);
    }
    let (_, json) = conform(&[
        "check",
        &file,
        "-s",
        "spend-over-500",
        "--format",
        "json",
        "--jobs",
        "2",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&json).expect("json");
    let by_code = &report["files"][0]["counts"]["by_code"];
    // 0, 997, 1994, ... : one bad date per 997 rows, and so on for each kind.
    assert_eq!(by_code["format"], 31 + 15, "bad dates and bad GSS codes");
    assert_eq!(by_code["type"], 24);
    assert_eq!(by_code["required"], 17);
}

#[test]
fn several_tables_give_identical_output_whatever_the_thread_count() {
    for (folder, standard) in [
        ("fixtures/corpus/article-4-direction", "article-4-direction"),
        ("fixtures/corpus/open-referral-uk", "open-referral-uk"),
        ("fixtures/corpus/tree", "tree-preservation-order"),
    ] {
        let run = |jobs: &str| {
            conform(&[
                "check", folder, "-s", standard, "--format", "json", "--jobs", jobs,
            ])
        };
        let (one, four) = (run("1"), run("4"));
        assert_eq!(one, four, "{folder}: output differs between thread counts");
        assert!(one.1.len() > 1000);
    }
}

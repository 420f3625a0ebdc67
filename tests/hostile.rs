//! Issue 14's hostile inputs, one test an item: each failed before its fix.

mod common;

const VALID: &str = "fixtures/spend-over-500/valid.csv";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_walked_once_and_said() {
    let dir = common::scratch();
    std::fs::create_dir_all(dir.join("d/sub")).expect("folders");
    std::fs::copy(VALID, dir.join("d/valid.csv")).expect("copy");
    std::os::unix::fs::symlink("..", dir.join("d/sub/up")).expect("link");
    std::os::unix::fs::symlink("../d", dir.join("d/self")).expect("link");
    let output = common::conform()
        .current_dir(&dir)
        .args(["check", "d", "-s", "spend-over-500", "--format", "json"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["files"].as_array().map(Vec::len), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("note: skipped d/self: it is a link to"),
        "{stderr}"
    );
    assert!(stderr.contains("note: skipped d/sub/up"), "{stderr}");
}

/// A link to a file, or a file named twice, is checked once, and the skip is said.
#[cfg(unix)]
#[test]
fn a_file_reached_twice_is_checked_once() {
    let dir = common::scratch();
    std::fs::create_dir_all(dir.join("d")).expect("folder");
    std::fs::copy(VALID, dir.join("d/a.csv")).expect("copy");
    std::os::unix::fs::symlink("a.csv", dir.join("d/b.csv")).expect("link");
    let output = common::conform()
        .current_dir(&dir)
        .args([
            "check",
            "d",
            "./d/a.csv",
            "-s",
            "spend-over-500",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(
        report["files"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("note: skipped d/b.csv: it is the same file as d/a.csv"),
        "{stderr}"
    );
    assert!(stderr.contains("note: skipped ./d/a.csv"), "{stderr}");
}

#[test]
fn jobs_beyond_the_machine_are_clamped_with_a_note() {
    let output = common::conform()
        .args(["check", VALID, "-s", "spend-over-500", "--jobs", "100000"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stderr).contains("note: --jobs 100000 is more than this machine can use"));
}

/// A latin-1 spend file: `£` is one byte, not UTF-8.
fn latin1_spend() -> Vec<u8> {
    let mut bytes = std::fs::read(VALID).expect("fixture");
    bytes.extend_from_slice(b"Devon County Council,E10000008,Adult Care,Care \xA3 fees,Acme Care Ltd,2023-04-03,TX-9,250.00,0.00,Residential care\n");
    bytes
}

#[cfg(unix)]
#[test]
fn pipes_and_fifos_given_as_paths_are_read_whole_once() {
    // /dev/stdin, as `cat x | conform check /dev/stdin` gives it: no bytes lost, and non-UTF-8
    // text is found as such, not as an empty file.
    let output = common::conform()
        .args([
            "check",
            "/dev/stdin",
            "-s",
            "spend-over-500",
            "--format",
            "json",
        ])
        .write_stdin(latin1_spend())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let file = &report["files"][0];
    assert_eq!(file["rows"], 6, "{report}");
    assert!(
        file["header"][0] == "Body name" || file["columns"].as_u64() == Some(10),
        "{file}"
    );
    assert_eq!(file["encoding"], "windows-1252", "{file}");

    // A named FIFO: read as a stream, not waited on for ever.
    let dir = common::scratch();
    let fifo = dir.join("spend.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, std::fs::read(VALID).expect("fixture")))
    };
    let output = common::conform()
        .args([
            "check",
            &fifo.to_string_lossy(),
            "-s",
            "spend-over-500",
            "-q",
        ])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let _ = writer.join();
}

#[test]
fn standard_input_is_not_held_in_memory_but_read_like_a_file() {
    let output = common::conform()
        .args(["check", "-", "-s", "spend-over-500", "--format", "json"])
        .write_stdin(latin1_spend())
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["files"][0]["path"], "<stdin>");
    assert_eq!(report["files"][0]["rows"], 6);
    assert_eq!(report["files"][0]["encoding"], "windows-1252");
}

#[test]
fn quiet_is_failures_and_the_verdict_only() {
    let dir = common::scratch();
    for i in 0..50 {
        std::fs::copy(VALID, dir.join(format!("v{i:02}.csv"))).expect("copy");
    }
    std::fs::copy("fixtures/spend-over-500/invalid.csv", dir.join("x.csv")).expect("copy");
    let output = common::conform()
        .args([
            "check",
            &dir.to_string_lossy(),
            "-s",
            "spend-over-500",
            "--quiet",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("✗ ") && lines[0].contains("x.csv: 4 errors"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("✗ 1 of 51 files does not conform"),
        "{stdout}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_report_that_cannot_be_written_is_exit_2() {
    for file in [VALID, "fixtures/spend-over-500/invalid.csv"] {
        let full = std::fs::File::create("/dev/full").expect("/dev/full");
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("conform"))
            .args(["check", file, "-s", "spend-over-500"])
            .stdout(full)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{file}");
        assert!(text(&output.stderr).contains("cannot write the report"));
    }
}

const CONFIG: &str = "[[dataset]]\npaths = [\"*.csv\"]\nstandard = \"standard.json\"\n";

/// A copy of the checks standard (its schema and code lists beside it) and a data file, so that
/// a failure of the test cannot damage the fixtures.
fn checks_copy() -> common::Scratch {
    let dir = common::scratch();
    for file in [
        "standard.json",
        "grants.schema.json",
        "councils.csv",
        "regions.csv",
        "codelist.csv",
    ] {
        std::fs::copy(format!("fixtures/checks/{file}"), dir.join(file)).expect("copy");
    }
    std::fs::write(dir.join("conform.toml"), CONFIG).expect("config");
    dir
}

#[test]
fn no_report_is_written_over_a_file_the_run_reads() {
    let dir = checks_copy();
    for (target, what) in [
        ("standard.json", "a file of the standard"),
        ("grants.schema.json", "a file of the standard"),
        ("councils.csv", "a file of the standard"),
        ("codelist.csv", "one of the files being checked"),
    ] {
        let before = std::fs::read(dir.join(target)).expect("read");
        let output = common::conform()
            .current_dir(&dir)
            .args(["check", "codelist.csv", "-s", "standard.json", "-o", target])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{target}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.contains(&format!("--output {target} is {what}")),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read(dir.join(target)).expect("read"),
            before,
            "{target}"
        );
    }
    let output = common::conform()
        .current_dir(&dir)
        .args([
            "check",
            "codelist.csv",
            "-s",
            "standard.json",
            "--config",
            "conform.toml",
        ])
        .args(["-o", "conform.toml"])
        .output()
        .expect("runs");
    assert!(text(&output.stderr).contains("is the configuration file"));
    assert_eq!(
        std::fs::read_to_string(dir.join("conform.toml")).expect("read"),
        CONFIG
    );

    // GitHub's job summary pointed at an input gets nothing appended.
    let before = std::fs::read(dir.join("codelist.csv")).expect("read");
    let output = common::conform()
        .current_dir(&dir)
        .env("GITHUB_STEP_SUMMARY", dir.join("codelist.csv"))
        .args([
            "check",
            "codelist.csv",
            "-s",
            "standard.json",
            "--format",
            "github",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("GITHUB_STEP_SUMMARY"));
    assert_eq!(
        std::fs::read(dir.join("codelist.csv")).expect("read"),
        before
    );
}

#[cfg(unix)]
#[test]
fn a_report_to_a_device_or_a_link_keeps_it_what_it_is() {
    use std::os::unix::fs::FileTypeExt;
    let output = common::conform()
        .args(["check", VALID, "-s", "spend-over-500", "-o", "/dev/null"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let null = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(null.file_type().is_char_device(), "/dev/null was replaced");

    let dir = common::scratch();
    std::fs::write(dir.join("old.json"), "old").expect("write");
    std::os::unix::fs::symlink("old.json", dir.join("report.json")).expect("link");
    let output = common::conform()
        .args([
            "check",
            VALID,
            "-s",
            "spend-over-500",
            "--format",
            "json",
            "-o",
        ])
        .arg(dir.join("report.json"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let link = std::fs::symlink_metadata(dir.join("report.json")).expect("link");
    assert!(link.file_type().is_symlink());
    assert!(std::fs::read_to_string(dir.join("old.json"))
        .expect("read")
        .contains("\"valid\": true"));
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    let dir = common::scratch();
    let mut big = std::fs::read(VALID).expect("fixture");
    let rows: Vec<u8> = big.split(|b| *b == b'\n').nth(1).expect("a row").to_vec();
    while big.len() < 80 << 20 {
        big.extend_from_slice(&rows);
        big.push(b'\n');
    }
    std::fs::write(dir.join("big.csv"), &big).expect("write");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("conform"))
        .current_dir(&dir)
        .args([
            "check",
            "big.csv",
            "-s",
            "spend-over-500",
            "--format",
            "json",
            "-o",
            "r.json",
        ])
        .spawn()
        .expect("starts");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().expect("ends");
    assert!(!status.success());
    let left: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn diagnostics_on_a_minified_standard_show_a_window_of_its_one_line() {
    let mut standard: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("fixtures/standards/bad/bad-regex.json").expect("fixture"),
    )
    .expect("json");
    let filler: serde_json::Map<String, serde_json::Value> = (0..40_000)
        .map(|i| {
            (
                format!("Column {i:05}"),
                serde_json::json!({ "type": "string", "maxLength": 40 }),
            )
        })
        .collect();
    let properties = &mut standard["tables"]["t"]["schema"]["properties"];
    for (name, schema) in filler {
        properties[name] = schema;
    }
    let dir = common::scratch();
    let path = dir.join("minified.json");
    std::fs::write(&path, serde_json::to_string(&standard).expect("json")).expect("write");
    assert!(std::fs::metadata(&path).expect("written").len() > 1_000_000);
    // lint says the standard is unusable (1); check cannot run with it (2).
    for (args, exit) in [
        (vec!["standards", "lint"], 1),
        (vec!["check", VALID, "-s"], 2),
    ] {
        let output = common::conform()
            .args(&args)
            .arg(&path)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(exit), "{args:?}");
        let stderr = text(&output.stdout) + &text(&output.stderr);
        assert!(stderr.len() < 4_000, "{args:?}: {} bytes", stderr.len());
        assert!(stderr.contains("minified.json:1:"), "{stderr}");
        assert!(stderr.contains("(?<=x)"), "{stderr}");
    }
}

/// A file's findings beyond `--max-findings` still decide its verdict: its errors fail it, and
/// warnings alone do not.
#[test]
fn findings_beyond_max_findings_still_decide_the_verdict() {
    let dir = common::scratch();
    let header: Vec<String> = (0..10).map(|i| format!("Unknown {i}")).collect();
    std::fs::write(dir.join("header.csv"), header.join(",") + "\n").expect("write");
    let output = common::conform()
        .args([
            "check",
            "-s",
            "spend-over-500",
            "--format",
            "json",
            "--max-findings",
            "1",
        ])
        .arg(dir.join("header.csv"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["files"][0]["partial"], true, "{report}");
    assert_eq!(report["valid"], false);
    assert!(report["summary"]["errors"].as_u64() > Some(1), "{report}");

    // Whitespace warnings in every row, far past the limit: counted, and the file conforms.
    let mut rows = String::from("Amount\n");
    for n in 0..500 {
        rows.push_str(&format!(" {n}\n"));
    }
    std::fs::write(dir.join("warnings.csv"), rows).expect("write");
    std::fs::write(
        dir.join("amount.json"),
        r#"{"fields": [{"name": "Amount", "type": "integer"}]}"#,
    )
    .expect("write");
    let output = common::conform()
        .args(["check", "-s"])
        .arg(dir.join("amount.json"))
        .args(["--format", "json", "--max-findings", "3"])
        .arg(dir.join("warnings.csv"))
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert_eq!(report["summary"]["warnings"], 500, "{report}");
    assert_eq!(report["files"][0]["not_listed"], 497, "{report}");
}

/// `--max-findings` is one budget for the whole run: a folder of broken files cannot multiply
/// it. The first file keeps its findings; the second gets what is left and is partial.
#[test]
fn max_findings_is_one_budget_for_the_run() {
    let dir = common::scratch();
    for name in ["a.csv", "b.csv"] {
        std::fs::copy("fixtures/spend-over-500/invalid.csv", dir.join(name)).expect("copy");
    }
    let output = common::conform()
        .current_dir(&dir)
        .args(["check", "a.csv", "b.csv", "-s", "spend-over-500"])
        .args(["--format", "json", "--max-findings", "8"])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let kept: Vec<(usize, bool)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let findings = f["findings"].as_array().map_or(0, Vec::len);
            (findings, f["partial"].as_bool().unwrap_or(false))
        })
        .collect();
    assert_eq!(kept, [(6, false), (2, true)], "{report}");
    // The second file's counts are whole: the same file, the same counts.
    let files = report["files"].as_array().expect("files");
    assert_eq!(files[0]["counts"], files[1]["counts"], "{report}");
    assert_eq!(files[1]["not_listed"], 4, "{report}");
}

/// The references between a standard's tables are checked after its files, and what they find
/// is listed only as far as the run's budget goes: the rest is counted, and the counts are those
/// of an unlimited run.
#[test]
fn references_list_no_more_than_the_run_has_left() {
    let run = |limit: &str| {
        let output = common::conform()
            .args([
                "check",
                "fixtures/open-referral-uk/invalid",
                "-s",
                "open-referral-uk",
            ])
            .args(["--format", "json", "--max-findings", limit])
            .output()
            .expect("runs");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        report
    };
    let whole = run("0");
    for limit in ["1", "5", "8", "10"] {
        let report = run(limit);
        let listed: usize = report["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| f["findings"].as_array().map_or(0, Vec::len))
            .sum();
        let limit: usize = limit.parse().expect("a number");
        assert_eq!(listed, limit.min(11), "--max-findings {limit}: {report}");
        assert_eq!(
            report["summary"], whole["summary"],
            "--max-findings {limit}"
        );
        assert_eq!(report["valid"], whole["valid"]);
        // A finding listed says what it says in the unlimited run, suggestions included.
        for (file, whole_file) in report["files"]
            .as_array()
            .expect("files")
            .iter()
            .zip(whole["files"].as_array().expect("files"))
        {
            for finding in file["findings"].as_array().expect("findings") {
                let same = whole_file["findings"]
                    .as_array()
                    .expect("findings")
                    .iter()
                    .find(|f| {
                        f["code"] == finding["code"]
                            && f["row"] == finding["row"]
                            && f["column"] == finding["column"]
                    });
                assert_eq!(same, Some(finding), "--max-findings {limit}");
            }
        }
    }
}

/// A long key value repeated past the rows read again is counted, and a group of them that is
/// only counted still shows a real example, in every report that shows examples.
#[test]
fn repeated_long_keys_past_the_limit_are_counted_with_an_example() {
    let dir = common::scratch();
    std::fs::write(
        dir.join("keys.json"),
        r#"{"fields": [{"name": "Id", "type": "string"}, {"name": "Name", "type": "string"}],
            "primaryKey": ["Id"]}"#,
    )
    .expect("standard");
    let mut csv = String::from("Id,Name\nid1,a,extra\nid2,b,extra\n");
    for n in 3..=40 {
        csv.push_str(&format!("ORGANISATION-0001-GRANT,n{n}\n"));
    }
    std::fs::write(dir.join("items.csv"), &csv).expect("csv");
    let report = |format: &str| {
        let output = common::conform()
            .current_dir(&dir)
            .args([
                "check",
                "items.csv",
                "-s",
                "keys.json",
                "--max-findings",
                "2",
            ])
            .args(["--format", format])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let json: serde_json::Value = serde_json::from_str(&report("json")).expect("json");
    assert_eq!(json["summary"]["by_code"]["primary-key"], 37, "{json}");
    assert_eq!(json["files"][0]["not_listed"], 37, "{json}");
    let markdown = report("markdown");
    let line = markdown
        .lines()
        .find(|l| l.contains("[`primary-key`]"))
        .unwrap_or_default()
        .to_string();
    assert!(line.contains("| 37 |"), "{markdown}");
    assert!(line.contains("repeat"), "{markdown}");
    let human = report("human");
    assert!(
        human.contains("… and 36 more `primary-key` findings"),
        "{human}"
    );
}

/// A file of many chunks with a finding on every row and a small `--max-findings`: the chunks
/// checked after the limit count their findings on the checking threads. The counts, the groups'
/// examples and the listed findings are those of an unlimited run, on one thread or two.
#[test]
fn findings_counted_on_the_checking_threads_match_an_unlimited_run() {
    let dir = common::scratch();
    std::fs::write(
        dir.join("rows.json"),
        r#"{"fields": [
            {"name": "Id", "type": "integer"},
            {"name": "Code", "type": "string", "constraints": {"pattern": "^[A-Z]{3}$"}},
            {"name": "Note", "type": "string", "constraints": {"required": true}}]}"#,
    )
    .expect("standard");
    // About 6 MB: a dozen chunks. Every row's code is wrong; every 7th row's id is not a number.
    let mut csv = String::from("Id,Code,Note\n");
    for n in 1..=120_000 {
        let id = if n % 7 == 0 {
            format!("x{n}")
        } else {
            n.to_string()
        };
        // From row 100,005 on, every fifth note is missing: a code first met far past the limit,
        // so its example is made on a checking thread.
        let note = if n > 100_000 && n % 5 == 0 {
            ""
        } else {
            "a note long enough to fill the chunks"
        };
        csv.push_str(&format!("{id},code-{n},{note}\n"));
    }
    std::fs::write(dir.join("rows.csv"), &csv).expect("csv");
    let run = |args: &[&str]| {
        let output = common::conform()
            .current_dir(&dir)
            .args(["check", "rows.csv", "-s", "rows.json", "--format", "json"])
            .args(args)
            .output()
            .expect("runs");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        report
    };
    let whole = run(&["--max-findings", "0"]);
    let limited = run(&["--max-findings", "5", "--jobs", "2"]);
    assert_eq!(
        limited["summary"], whole["summary"],
        "{}",
        limited["summary"]
    );
    assert_eq!(
        whole["summary"]["by_code"]["pattern"].as_u64(),
        Some(120_000)
    );
    assert_eq!(
        whole["summary"]["by_code"]["type"].as_u64(),
        Some(120_000 / 7)
    );
    let listed = limited["files"][0]["findings"]
        .as_array()
        .expect("findings");
    assert_eq!(listed.len(), 5);
    assert_eq!(
        listed[..],
        whole["files"][0]["findings"].as_array().expect("findings")[..5]
    );
    assert_eq!(
        whole["summary"]["by_code"]["required"].as_u64(),
        Some(4_000)
    );
    assert_eq!(
        limited["files"][0]["not_listed"],
        120_000 + 120_000 / 7 + 4_000 - 5
    );
    let one_thread = run(&["--max-findings", "5", "--jobs", "1"]);
    assert_eq!(one_thread, limited);
    // The human report's groups give the first of each beyond the limit, as an unlimited run
    // lists it.
    // One thread checks four chunks at a time: row 100,005 is checked long after the limit.
    let report = |format: &str| {
        let output = common::conform()
            .current_dir(&dir)
            .args([
                "check",
                "rows.csv",
                "-s",
                "rows.json",
                "--max-findings",
                "5",
            ])
            .args(["--jobs", "1", "--format", format])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let human = report("human");
    assert!(
        human.contains("every value in `Code` (120,000 rows)"),
        "{human}"
    );
    assert!(
        human.contains("… and 17,141 more `type` findings in `Id`"),
        "{human}"
    );
    // The first missing note, met only on a checking thread after the limit, is the example,
    // on its own row and line.
    assert!(human.contains("rows.csv:100006:20"), "{human}");
    assert!(
        human.contains("… and 3,999 more `required` findings in `Note`"),
        "{human}"
    );
    let markdown = report("markdown");
    assert!(
        markdown.contains("| 4,000 | row 100005, line 100006:"),
        "{markdown}"
    );
}

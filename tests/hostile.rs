//! Issue 14's hostile inputs, one test an item: each failed before its fix.

mod common;

use std::path::PathBuf;

const VALID: &str = "fixtures/spend-over-500/valid.csv";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("conform-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_walked_once_and_said() {
    let dir = scratch("loop");
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
    let dir = scratch("fifo");
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
    let dir = scratch("quiet");
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
        lines[0].starts_with("✗ ") && lines[0].contains("x.csv: 5 errors"),
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

//! The pre-commit hook, shell completions and the man page work as shipped.

mod common;

use std::path::Path;
use std::process::Command as Process;

/// The value of `key:` in the hook definition (a flat YAML mapping).
/// conform's exit code and standard output.
fn run(args: &[&str]) -> (Option<i32>, String) {
    let output = common::conform().args(args).output().expect("runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn hook_field(yaml: &str, key: &str) -> String {
    yaml.lines()
        .map(str::trim_start)
        .map(|l| l.trim_start_matches("- "))
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(|v| v.trim().trim_matches('\'').trim_matches('"').to_string())
        .unwrap_or_else(|| panic!("the hook has no `{key}`"))
}

#[test]
fn the_pre_commit_hook_runs_as_pre_commit_would() {
    let yaml = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("hook file");
    assert_eq!(hook_field(&yaml, "id"), "conform");
    assert_eq!(hook_field(&yaml, "pass_filenames"), "true");
    let entry = hook_field(&yaml, "entry");
    let files = regex::Regex::new(&hook_field(&yaml, "files")).expect("files is a regex");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("conform"));
    let fixed: Vec<&str> = words.collect();

    // A data repository with a conform.toml and some staged files, as pre-commit sees it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = common::scratch();
    std::fs::create_dir_all(repo.join("spend")).expect("temp repo");
    std::fs::write(
        repo.join("conform.toml"),
        "[[dataset]]\npaths = [\"spend/*.csv\"]\nstandard = \"spend-over-500\"\n",
    )
    .expect("config");
    std::fs::write(repo.join("README.md"), "not data\n").expect("readme");
    let staged_all = ["README.md", "conform.toml", "spend/2025-04.csv"];
    let staged: Vec<&str> = staged_all
        .iter()
        .copied()
        .filter(|f| files.is_match(f))
        .collect();
    assert_eq!(
        staged,
        vec!["spend/2025-04.csv"],
        "only data files go to the hook"
    );

    for (fixture, expected) in [("valid.csv", 0), ("invalid.csv", 1)] {
        std::fs::copy(
            root.join("fixtures/spend-over-500").join(fixture),
            repo.join("spend/2025-04.csv"),
        )
        .expect("stage");
        let output = common::conform()
            .current_dir(&repo)
            .args(&fixed)
            .args(&staged)
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(expected),
            "{fixture}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = common::conform()
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("--standard") || text.contains("standard"),
            "{shell} completion names the options"
        );
    }
    let output = common::conform().arg("man").output().expect("runs");
    assert!(output.status.success());
    let page = String::from_utf8_lossy(&output.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH conform 1"),
        "{page}"
    );
    // One page holds every command: it names no conform-check(1) page that is not shipped.
    assert!(!page.contains("conform\\-check(1)"), "{page}");
    for section in ["CONFORM CHECK", "CONFORM STANDARDS LINT", "CONFORM EXPLAIN"] {
        assert!(page.contains(&format!(".SH \"{section}\"")), "{section}");
    }
    // For packagers: a page a command, each one the main page names.
    let scratch = common::scratch();
    let dir = scratch.join("man");
    let output = common::conform()
        .args(["man", "--dir"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(output.status.success());
    for page in [
        "conform.1",
        "conform-check.1",
        "conform-standards-lint.1",
        "conform-explain.1",
    ] {
        assert!(dir.join(page).is_file(), "{page}");
    }
    let main = std::fs::read_to_string(dir.join("conform.1")).expect("page");
    assert!(main.contains("conform\\-check(1)"));
    // The bash completion is valid bash.
    let bash = common::conform()
        .args(["completions", "bash"])
        .output()
        .expect("runs");
    let script = scratch.join("conform.bash");
    std::fs::write(&script, &bash.stdout).expect("script");
    let syntax = Process::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .expect("bash runs");
    assert!(syntax.success());
}

#[test]
fn no_progress_bar_when_output_is_not_a_terminal() {
    let output = common::conform()
        .args([
            "check",
            "fixtures/corpus/spend-over-500/devon-cc-2012-12.csv",
            "-s",
            "spend-over-500",
            "--quiet",
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('['),
        "stderr: {stderr}"
    );
}

#[test]
fn standards_can_be_listed_shown_and_templated() {
    let (code, list) = run(&["standards", "list"]);
    assert_eq!(code, Some(0));
    assert!(
        list.lines()
            .any(|l| l.starts_with("spend-over-500 ") && l.contains(" 2015.1 ")),
        "{list}"
    );
    let (_, json) = run(&["standards", "list", "--format", "json"]);
    let items: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(
        items
            .as_array()
            .is_some_and(|a| a.iter().any(|s| s["id"] == "spend-over-500")),
        "{json}"
    );
    let (code, show) = run(&["standards", "show", "spend-over-500"]);
    assert_eq!(code, Some(0));
    assert!(
        show.contains("  Transaction date (required)\n    accepts: string; format uk-date"),
        "{show}"
    );
    let (_, template) = run(&["standards", "template", "spend-over-500"]);
    // The template is a file the standard accepts the header of.
    let dir = common::scratch();
    let (_, with_example) = run(&["standards", "template", "spend-over-500", "--example"]);
    std::fs::write(dir.join("start.csv"), &with_example).expect("write");
    let output = common::conform()
        .args([
            "check",
            &dir.join("start.csv").to_string_lossy(),
            "-s",
            "spend-over-500",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let codes: Vec<&str> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(
        !codes
            .iter()
            .any(|c| c.ends_with("column") || *c == "header-mismatch"),
        "{codes:?}"
    );
    assert_eq!(template.lines().count(), 1);
    let (code, _) = run(&["standards", "show", "no-such-standard"]);
    assert_eq!(code, Some(2));
}

#[test]
fn standards_docs_write_markdown_and_html() {
    let (code, md) = run(&["standards", "docs", "open-referral-uk"]);
    assert_eq!(code, Some(0));
    assert!(md.starts_with("# Open Referral UK"), "{md}");
    assert!(md.contains("`organization_id` must match `id` of a row in the `organization` table"));
    let (code, html) = run(&["standards", "docs", "open-referral-uk", "--format", "html"]);
    assert_eq!(code, Some(0));
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    let (code, _) = run(&["standards", "docs", "open-referral-uk", "--format", "pdf"]);
    assert_eq!(code, Some(2));
}

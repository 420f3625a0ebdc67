//! conform.toml: a bare `conform check` checks every dataset it names, paths on the command line
//! are matched against it, and a bad configuration points into the TOML.

mod common;

use std::path::Path;

fn project(config: &str) -> common::Scratch {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = common::scratch();
    std::fs::create_dir_all(dir.join("data/spend")).expect("temp dir");
    std::fs::create_dir_all(dir.join("data/grants")).expect("temp dir");
    std::fs::create_dir_all(dir.join("standards")).expect("temp dir");
    for file in ["valid.csv", "invalid.csv"] {
        std::fs::copy(
            root.join("fixtures/spend-over-500").join(file),
            dir.join("data/spend").join(file),
        )
        .expect("copy");
    }
    std::fs::copy(
        root.join("fixtures/checks/whitespace.csv"),
        dir.join("data/grants/grants.csv"),
    )
    .expect("copy");
    for file in [
        "standard.json",
        "grants.schema.json",
        "councils.csv",
        "regions.csv",
    ] {
        std::fs::copy(
            root.join("fixtures/checks").join(file),
            dir.join("standards").join(file),
        )
        .expect("copy");
    }
    std::fs::write(dir.join("conform.toml"), config).expect("config");
    dir
}

const CONFIG: &str = r#"
[[dataset]]
paths = ["data/spend/*.csv"]
standard = "spend-over-500"

[[dataset]]
paths = ["data/grants/*.csv"]
standard = "standards/standard.json"
severity = { whitespace = "error" }
"#;

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    common::outcome(
        common::conform()
            .current_dir(dir)
            .args(args)
            .output()
            .expect("runs"),
    )
}

#[test]
fn a_bare_check_checks_every_dataset_with_its_standard() {
    let dir = project(CONFIG);
    let (code, out, err) = run(&dir, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        report["standard"],
        serde_json::Value::Null,
        "two standards in one run"
    );
    let files: Vec<(String, String, bool)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            (
                f["path"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                f["standard"]["id"].as_str().unwrap_or("").to_string(),
                f["valid"].as_bool().unwrap_or(true),
            )
        })
        .collect();
    assert_eq!(
        files,
        vec![
            (
                "invalid.csv".to_string(),
                "spend-over-500".to_string(),
                false
            ),
            ("valid.csv".to_string(), "spend-over-500".to_string(), true),
            ("grants.csv".to_string(), "checks".to_string(), false),
        ]
    );
    // The dataset's severity override made a warning an error.
    let grants = &report["files"][2];
    assert_eq!(grants["counts"]["errors"], 2);
}

#[test]
fn paths_given_are_matched_against_the_datasets() {
    let dir = project(CONFIG);
    let (code, out, err) = run(
        &dir,
        &["check", "data/grants/grants.csv", "--format", "json"],
    );
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(report["standard"]["id"], "checks");
    let (code, _, _) = run(&dir, &["check", "data/spend/valid.csv"]);
    assert_eq!(code, 0);
    let (code, _, err) = run(
        &dir,
        &[
            "check",
            "data/grants/grants.csv",
            "--config",
            "/no/such/conform.toml",
        ],
    );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn an_invalid_configuration_points_into_the_toml() {
    for (name, config, expected) in [
        ("code", "[[dataset]]\npaths = [\"data/*.csv\"]\nstandard = \"spend-over-500\"\nseverity = { nonsense = \"error\" }\n", "conform.toml:4:14"),
        ("standard", "[[dataset]]\npaths = [\"data/*.csv\"]\nstandard = \"spend-over-50\"\n", "conform.toml:3:12"),
        ("syntax", "[[dataset]\n", "conform.toml:1:"),
        ("key", "[[dataset]]\npaths = [\"data/*.csv\"]\nstandard = \"spend-over-500\"\ncolour = 1\n", "conform.toml:4:1"),
    ] {
        let dir = project(config);
        let (code, _, err) = run(&dir, &["check"]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("invalid configuration"), "{name}: {err}");
        assert!(err.contains(expected), "{name}: expected {expected} in\n{err}");
    }
}

#[test]
fn no_paths_and_no_configuration_is_a_usage_error() {
    let dir = common::scratch();
    let (code, _, err) = run(&dir, &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("conform.toml"), "{err}");
}

#[test]
fn a_dataset_of_several_tables_is_checked_as_one_directory() {
    let dir = project(
        "[[dataset]]\npaths = [\"data/directory/*.csv\"]\nstandard = \"open-referral-uk\"\n",
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("data/directory")).expect("folder");
    for file in [
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "service_at_location.csv",
    ] {
        std::fs::copy(
            root.join("fixtures/open-referral-uk/invalid").join(file),
            dir.join("data/directory").join(file),
        )
        .expect("copy");
    }
    let (code, out, err) = run(&dir, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let tables: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["table"].as_str())
        .collect();
    assert_eq!(
        tables,
        ["location", "organization", "service_at_location", "service"]
    );
    let references = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["findings"].as_array().into_iter().flatten())
        .filter(|f| f["code"] == "foreign-key" && f["severity"] == "error")
        .count();
    assert_eq!(references, 2, "{out}");
}

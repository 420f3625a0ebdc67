//! Real published council files through their standard: the finding counts per code are recorded
//! in a snapshot, so that any change in what conform reports on real data is seen and reviewed.

use assert_cmd::Command;

fn summary(standard: &str, folder: &str) -> String {
    let output = Command::cargo_bin("conform")
        .expect("the binary is built")
        .args(["check", folder, "--standard", standard, "--format", "json"])
        .output()
        .expect("runs");
    assert_ne!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let mut text = String::new();
    for file in report["files"].as_array().expect("files") {
        text.push_str(&format!(
            "{} rows={} errors={} warnings={} infos={}\n",
            file["path"].as_str().unwrap_or("?"),
            file["rows"],
            file["counts"]["errors"],
            file["counts"]["warnings"],
            file["counts"]["infos"],
        ));
        for (code, count) in file["counts"]["by_code"].as_object().expect("counts") {
            text.push_str(&format!("  {code}: {count}\n"));
        }
    }
    text
}

#[test]
fn spend_over_500_corpus() {
    insta::assert_snapshot!(summary("spend-over-500", "fixtures/corpus/spend-over-500"));
}

/// Each file of `folder` checked on its own (files of different councils are not one dataset).
fn summary_each(standard: &str, table: Option<&str>, folder: &str) -> String {
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "txt"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for path in paths {
        let mut args = vec![
            "check",
            path.to_str().expect("utf-8 path"),
            "--standard",
            standard,
        ];
        if let Some(table) = table {
            args.extend(["--table", table]);
        }
        args.extend(["--format", "json"]);
        let output = Command::cargo_bin("conform")
            .expect("the binary is built")
            .args(&args)
            .output()
            .expect("runs");
        assert_ne!(
            output.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        for file in report["files"].as_array().expect("files") {
            text.push_str(&format!(
                "{} table={} rows={} errors={} warnings={} infos={}\n",
                file["path"].as_str().unwrap_or("?"),
                file["table"].as_str().unwrap_or("?"),
                file["rows"],
                file["counts"]["errors"],
                file["counts"]["warnings"],
                file["counts"]["infos"],
            ));
            for (code, count) in file["counts"]["by_code"].as_object().expect("counts") {
                text.push_str(&format!("  {code}: {count}\n"));
            }
        }
    }
    text
}

#[test]
fn brownfield_land_2017_corpus() {
    insta::assert_snapshot!(summary_each(
        "brownfield-land-2017",
        None,
        "fixtures/corpus/brownfield-land"
    ));
}

#[test]
fn brownfield_land_corpus() {
    insta::assert_snapshot!(summary_each(
        "brownfield-land",
        None,
        "fixtures/corpus/brownfield-land"
    ));
}

#[test]
fn conservation_area_corpus() {
    insta::assert_snapshot!(summary_each(
        "conservation-area",
        Some("conservation-area"),
        "fixtures/corpus/conservation-area"
    ));
}

#[test]
fn conservation_area_document_corpus() {
    insta::assert_snapshot!(summary_each(
        "conservation-area",
        Some("conservation-area-document"),
        "fixtures/corpus/conservation-area-document"
    ));
}

#[test]
fn article_4_direction_corpus() {
    // Tables chosen by file name: `…-article-4-direction-area-…` and `…-article-4-direction-…`.
    insta::assert_snapshot!(summary_each(
        "article-4-direction",
        None,
        "fixtures/corpus/article-4-direction"
    ));
}

#[test]
fn tree_preservation_order_corpus() {
    insta::assert_snapshot!(summary_each(
        "tree-preservation-order",
        Some("tree-preservation-order"),
        "fixtures/corpus/tree-preservation-order"
    ));
}

#[test]
fn tree_corpus() {
    insta::assert_snapshot!(summary_each(
        "tree-preservation-order",
        Some("tree"),
        "fixtures/corpus/tree"
    ));
}

#[test]
fn listed_building_outline_corpus() {
    insta::assert_snapshot!(summary_each(
        "listed-building-outline",
        None,
        "fixtures/corpus/listed-building-outline"
    ));
}

/// The findings of one file, as (code, column) pairs.
fn findings(args: &[&str]) -> Vec<(String, String, String)> {
    let output = Command::cargo_bin("conform")
        .expect("the binary is built")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["column"]["name"].as_str().unwrap_or("").to_string(),
                f["value"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn has(found: &[(String, String, String)], code: &str, column: &str) -> bool {
    found.iter().any(|(c, col, _)| c == code && col == column)
}

/// The files Digital Land broke on purpose produce the findings their names describe.
#[test]
fn deliberately_broken_files_are_caught() {
    let dir = "fixtures/corpus";
    // "missing mandatory": SiteReference and SiteNameAddress removed, impossible dates.
    let f = findings(&[
        &format!("{dir}/brownfield-land/pe-opdc-missing-mandatory.csv"),
        "--standard",
        "brownfield-land-2017",
    ]);
    assert!(has(&f, "missing-column", "SiteReference"), "{f:?}");
    assert!(has(&f, "missing-column", "SiteNameAddress"), "{f:?}");
    assert!(
        f.iter()
            .any(|(c, col, v)| c == "format" && col == "FirstAddedDate" && v == "2017-15-15"),
        "{f:?}"
    );
    let f = findings(&[
        &format!("{dir}/listed-building-outline/pe-listed-building-outline-missing-mandatory.csv"),
        "--standard",
        "listed-building-outline",
    ]);
    for column in ["reference", "name", "listed-building", "geometry"] {
        assert!(has(&f, "missing-column", column), "{column}: {f:?}");
    }
    // "breaking errors": corrupted WKT and invalid dates.
    let f = findings(&[
        &format!("{dir}/conservation-area/pe-nottingham-conservation-area-breaking-errors.csv"),
        "--standard",
        "conservation-area",
        "--table",
        "conservation-area",
    ]);
    assert!(has(&f, "format", "geometry"), "{f:?}");
    assert!(has(&f, "format", "start-date"), "{f:?}");
    // "errors": no reference column.
    let f = findings(&[
        &format!("{dir}/conservation-area/submit-conservation-area-errors.csv"),
        "--standard",
        "conservation-area",
        "--table",
        "conservation-area",
    ]);
    assert!(has(&f, "missing-column", "reference"), "{f:?}");
    let f = findings(&[
        &format!("{dir}/article-4-direction/pe-newcastle-article-4-direction-area-errors.csv"),
        "--standard",
        "article-4-direction",
    ]);
    assert!(has(&f, "codelist", "permitted-development-rights"), "{f:?}");
    assert!(has(&f, "unique", "reference"), "{f:?}");
    // "invalid dates".
    for (file, table) in [
        (
            "conservation-area/pe-nottingham-conservation-area-invalid-dates.csv",
            "conservation-area",
        ),
        (
            "article-4-direction/pe-newcastle-article-4-direction-invalid-dates.csv",
            "article-4-direction",
        ),
        (
            "article-4-direction/pe-newcastle-article-4-direction-area-invalid-dates.csv",
            "article-4-direction-area",
        ),
    ] {
        let standard = if table.starts_with("article") {
            "article-4-direction"
        } else {
            "conservation-area"
        };
        let f = findings(&[
            &format!("{dir}/{file}"),
            "--standard",
            standard,
            "--table",
            table,
        ]);
        assert!(
            f.iter()
                .any(|(c, col, _)| c == "format" && col.ends_with("-date")),
            "{file}: {f:?}"
        );
    }
    let f = findings(&[
        &format!("{dir}/article-4-direction/pe-newcastle-article-4-direction-invalid-dates.csv"),
        "--standard",
        "article-4-direction",
    ]);
    assert!(
        f.iter().any(|(c, _, v)| c == "format" && v == "fake_date"),
        "{f:?}"
    );
    // Named for a missing column, a wrong column name, duplicates, a bad URL, a broken file.
    let f = findings(&[
        &format!(
            "{dir}/article-4-direction/pe-newcastle-article-4-direction-area-no-pdr-column.csv"
        ),
        "--standard",
        "article-4-direction",
    ]);
    assert!(
        has(&f, "missing-column", "permitted-development-rights"),
        "{f:?}"
    );
    let f = findings(&[
        &format!(
            "{dir}/article-4-direction/pe-stockport-article-4-direction-area-wrong-colname.csv"
        ),
        "--standard",
        "article-4-direction",
    ]);
    assert!(has(&f, "unknown-column", "geom"), "{f:?}");
    // Neither geometry nor point is in the file: the rule is reported once, for the file.
    assert!(has(&f, "rule", ""), "{f:?}");
    let f = findings(&[
        &format!("{dir}/tree-preservation-order/pe-stockport-tpo-wrong-colname.csv"),
        "--standard",
        "tree-preservation-order",
        "--table",
        "tree-preservation-order",
    ]);
    assert!(has(&f, "unknown-column", "notes123"), "{f:?}");
    let f = findings(&[
        &format!("{dir}/tree/pe-stockport-tree-duplicate-ref.csv"),
        "--standard",
        "tree-preservation-order",
        "--table",
        "tree",
    ]);
    assert!(has(&f, "unique", "reference"), "{f:?}");
    assert!(has(&f, "unknown-column", "name123212"), "{f:?}");
    let f = findings(&[
        &format!(
            "{dir}/conservation-area-document/pe-st-albans-conservation-area-document-bad-url.csv"
        ),
        "--standard",
        "conservation-area",
        "--table",
        "conservation-area-document",
    ]);
    assert!(
        f.iter().any(|(c, col, v)| c == "format"
            && col == "documentation-url"
            && v == "add when webpage has been created"),
        "{f:?}"
    );
    let f = findings(&[
        &format!("{dir}/listed-building-outline/pe-listed-building-outline-broken.csv"),
        "--standard",
        "listed-building-outline",
    ]);
    assert!(
        f.iter().any(|(c, _, v)| c == "format" && v == "50/30/2022"),
        "{f:?}"
    );
    assert!(has(&f, "format", "geometry"), "{f:?}");
    let f = findings(&[
        &format!(
            "{dir}/listed-building-outline/pe-camden-listed-building-outline-bad-date-geometry.csv"
        ),
        "--standard",
        "listed-building-outline",
    ]);
    assert!(
        has(&f, "format", "geometry") && has(&f, "format", "start-date"),
        "{f:?}"
    );
}

#[test]
fn open_referral_uk_corpus() {
    // One directory's files checked together: each file matched to its table by name, and the
    // keys between tables checked.
    insta::assert_snapshot!(summary(
        "open-referral-uk",
        "fixtures/corpus/open-referral-uk"
    ));
}

#[test]
fn procurement_card_corpus() {
    insta::assert_snapshot!(summary_each(
        "procurement-card",
        None,
        "fixtures/corpus/procurement-card"
    ));
}

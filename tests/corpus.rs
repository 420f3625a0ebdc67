//! Real published council files through their standard: the finding counts per code are recorded
//! in a snapshot, so that any change in what conform reports on real data is seen and reviewed.

mod common;

fn summary(standard: &str, folder: &str) -> String {
    let output = common::conform()
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
        let output = common::conform().args(&args).output().expect("runs");
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

/// The findings of one file checked on its own: (code, column, value).
fn findings(file: &str, standard: &str, table: Option<&str>) -> Vec<(String, String, String)> {
    let mut args = vec!["check", file, "--standard", standard, "--format", "json"];
    if let Some(table) = table {
        args.extend(["--table", table]);
    }
    let output = common::conform().args(&args).output().expect("runs");
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

/// A deliberately broken file and the findings its name promises: (code, column, value), where an
/// empty column is a finding about the whole file and an empty value matches any.
type Broken = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, &'static str, &'static str)],
);

const BROKEN: &[Broken] = &[
    // "missing mandatory": SiteReference and SiteNameAddress removed, impossible dates.
    (
        "brownfield-land/pe-opdc-missing-mandatory.csv",
        "brownfield-land-2017",
        None,
        &[
            ("missing-column", "SiteReference", ""),
            ("missing-column", "SiteNameAddress", ""),
            ("format", "FirstAddedDate", "2017-15-15"),
        ],
    ),
    (
        "listed-building-outline/pe-listed-building-outline-missing-mandatory.csv",
        "listed-building-outline",
        None,
        &[
            ("missing-column", "reference", ""),
            ("missing-column", "name", ""),
            ("missing-column", "listed-building", ""),
            ("missing-column", "geometry", ""),
        ],
    ),
    // "breaking errors" and "errors": corrupted WKT, invalid dates, no reference column, bad codes.
    (
        "conservation-area/pe-nottingham-conservation-area-breaking-errors.csv",
        "conservation-area",
        Some("conservation-area"),
        &[
            ("format", "geometry", ""),
            ("format", "start-date", "Not a valid date"),
        ],
    ),
    (
        "conservation-area/submit-conservation-area-errors.csv",
        "conservation-area",
        Some("conservation-area"),
        &[("missing-column", "reference", "")],
    ),
    (
        "article-4-direction/pe-newcastle-article-4-direction-area-errors.csv",
        "article-4-direction",
        None,
        &[
            ("codelist", "permitted-development-rights", "test"),
            ("unique", "reference", ""),
        ],
    ),
    // "invalid dates".
    (
        "conservation-area/pe-nottingham-conservation-area-invalid-dates.csv",
        "conservation-area",
        Some("conservation-area"),
        &[
            ("format", "start-date", "Not a valid date"),
            ("format", "entry-date", "invalid date"),
        ],
    ),
    (
        "article-4-direction/pe-newcastle-article-4-direction-invalid-dates.csv",
        "article-4-direction",
        None,
        &[
            ("format", "entry-date", "fake_date"),
            ("format", "start-date", "1991-07-1899"),
        ],
    ),
    (
        "article-4-direction/pe-newcastle-article-4-direction-area-invalid-dates.csv",
        "article-4-direction",
        None,
        &[("format", "start-date", "")],
    ),
    // A missing column, wrong column names, duplicates, a bad URL, broken and bad geometry.
    (
        "article-4-direction/pe-newcastle-article-4-direction-area-no-pdr-column.csv",
        "article-4-direction",
        None,
        &[("missing-column", "permitted-development-rights", "")],
    ),
    (
        "article-4-direction/pe-stockport-article-4-direction-area-wrong-colname.csv",
        "article-4-direction",
        None,
        &[
            ("unknown-column", "geom", ""),
            // Neither geometry nor point is in the file: the rule is reported once, for the file.
            ("rule", "", ""),
        ],
    ),
    (
        "tree-preservation-order/pe-stockport-tpo-wrong-colname.csv",
        "tree-preservation-order",
        Some("tree-preservation-order"),
        &[("unknown-column", "notes123", "")],
    ),
    (
        "tree/pe-stockport-tree-duplicate-ref.csv",
        "tree-preservation-order",
        Some("tree"),
        &[
            ("unique", "reference", ""),
            ("unknown-column", "name123212", ""),
        ],
    ),
    (
        "conservation-area-document/pe-st-albans-conservation-area-document-bad-url.csv",
        "conservation-area",
        Some("conservation-area-document"),
        &[(
            "format",
            "documentation-url",
            "add when webpage has been created",
        )],
    ),
    (
        "listed-building-outline/pe-listed-building-outline-broken.csv",
        "listed-building-outline",
        None,
        &[
            ("format", "start-date", "50/30/2022"),
            ("format", "geometry", ""),
        ],
    ),
    (
        "listed-building-outline/pe-camden-listed-building-outline-bad-date-geometry.csv",
        "listed-building-outline",
        None,
        &[
            ("format", "geometry", "POLYGON (())"),
            ("format", "start-date", ""),
        ],
    ),
];

/// The files Digital Land broke on purpose produce the findings their names describe.
#[test]
fn deliberately_broken_files_are_caught() {
    for (file, standard, table, expected) in BROKEN {
        let found = findings(&format!("fixtures/corpus/{file}"), standard, *table);
        for (code, column, value) in expected.iter() {
            assert!(
                found.iter().any(|(c, col, v)| c == code
                    && col == column
                    && (value.is_empty() || v == value)),
                "{file}: expected {code} in `{column}` {value:?}, found {found:?}"
            );
        }
    }
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

/// Real workbooks and GeoJSON as councils published them (`fixtures/corpus-formats/`): each
/// against its standard, the counts per code recorded.
#[test]
fn formats_corpus() {
    let mut text = String::new();
    for (file, standard) in [
        (
            "folkestone-hythe-brownfield-register-2017-11.xlsx",
            "brownfield-land-2017",
        ),
        (
            "oadby-wigston-brownfield-register-2019.xlsm",
            "brownfield-land-2017",
        ),
        (
            "wychavon-brownfield-register-2019-11.xls",
            "brownfield-land-2017",
        ),
        ("birmingham-purchase-card-2014-04.xls", "procurement-card"),
        (
            "leicester-conservation-areas-2020-09.geojson",
            "conservation-area",
        ),
        (
            "salford-conservation-areas-wfs-2020-09.geojson",
            "conservation-area",
        ),
    ] {
        text.push_str(&summary(
            standard,
            &format!("fixtures/corpus-formats/{file}"),
        ));
    }
    insta::assert_snapshot!(text);
}

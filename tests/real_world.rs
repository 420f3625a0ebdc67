//! Issue 11: what files from other councils showed. Each test reproduces one defect with a file
//! in `fixtures/real-world/` written in the shape of the real ones.

mod common;

use common::run;

/// One finding as the JSON report gives it: code, severity, column name and row.
#[derive(Debug, PartialEq)]
struct Found {
    code: String,
    severity: String,
    column: String,
    row: Option<u64>,
}

/// Checks `file` (with `--standard` when given) and returns the exit code and findings.
fn check(file: &str, standard: Option<&str>, extra: &[&str]) -> (i32, Vec<Found>, String) {
    let path = format!("fixtures/real-world/{file}");
    let mut args = vec!["check", path.as_str(), "--format", "json"];
    if let Some(standard) = standard {
        args.extend(["--standard", standard]);
    }
    args.extend(extra);
    let (code, out, err) = run(&args);
    let report: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let findings = report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| Found {
            code: text(&f["code"]),
            severity: text(&f["severity"]),
            column: text(&f["column"]["name"]),
            row: f["row"].as_u64(),
        })
        .collect();
    (code, findings, out)
}

fn codes(findings: &[Found]) -> Vec<(&str, &str, Option<u64>)> {
    findings
        .iter()
        .map(|f| (f.code.as_str(), f.column.as_str(), f.row))
        .collect()
}

#[test]
fn a_geography_uri_names_an_organisation_and_an_unknown_one_is_caught_by_the_code_list() {
    // Defect 3: the 2017 schema asks only for the Open Data Communities prefix; the pipeline
    // reads .../geography/administration/ua/E06000009 as Blackpool.
    let (code, found, out) = check(
        "brownfield-2017-geography-uri.csv",
        Some("brownfield-land-2017"),
        &[],
    );
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        codes(&found),
        [("codelist", "OrganisationURI", Some(3))],
        "{out}"
    );
}

#[test]
fn recipient_county_is_a_column_of_the_360giving_template() {
    // Defect 7: the template has had `Recipient Org:County` since ThreeSixtyGiving/standard
    // issue 89; every other address and location title of the grants sheet was checked too.
    let (code, found, out) = check("360giving-county.csv", Some("360giving"), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        found.iter().all(|f| f.code != "unknown-column"),
        "{found:?}"
    );
}

#[test]
fn names_accepted_in_a_card_file_are_accepted_in_a_spend_file() {
    // Defect 6: the two standards kept separate alias lists.
    let (code, found, out) = check("spend-card-style-names.csv", Some("spend-over-500"), &[]);
    assert_eq!(code, 0, "{out}");
    let unknown: Vec<_> = found
        .iter()
        .filter(|f| {
            f.code == "unknown-column" || f.code == "missing-column" && f.severity == "error"
        })
        .collect();
    assert!(unknown.is_empty(), "{unknown:?}");
}

#[test]
fn coordinates_are_read_as_the_pipeline_reads_them() {
    // Defect 4: eastings and northings, swapped pairs and Web Mercator metres are converted by
    // the planning.data.gov.uk pipeline; only a point outside England is wrong.
    let (code, found, out) = check("brownfield-coordinates.csv", Some("brownfield-land"), &[]);
    assert_eq!(code, 1, "{out}");
    let rules: Vec<_> = found
        .iter()
        .filter(|f| f.code != "missing-column")
        .map(|f| (f.code.as_str(), f.severity.as_str(), f.row))
        .collect();
    assert_eq!(
        rules,
        [
            ("rule", "warning", Some(2)),
            ("rule", "warning", Some(3)),
            ("rule", "warning", Some(4)),
            ("rule", "error", Some(5)),
        ],
        "{out}"
    );
    assert!(out.contains("look swapped"), "{out}");
    assert!(out.contains("OSGB36"), "{out}");
}

#[test]
fn one_cell_gets_one_finding_and_guidance_only_rules_are_warnings() {
    // Defect 10: a SiteInformation cell of plain text was a pattern error and a rule error.
    // Policy: the rule is the 2017 guidance's wording only, so it is a warning; a UK date in a
    // date column is read by the pipeline, so it is a warning too.
    let (code, found, out) = check(
        "brownfield-2017-site-information.csv",
        Some("brownfield-land-2017"),
        &[],
    );
    assert_eq!(code, 1, "{out}");
    let on_cell: Vec<_> = found
        .iter()
        .filter(|f| f.column == "SiteInformation")
        .map(|f| (f.code.as_str(), f.severity.as_str()))
        .collect();
    assert_eq!(on_cell, [("pattern", "error")], "{out}");
    let dates: Vec<_> = found
        .iter()
        .filter(|f| f.column == "FirstAddedDate")
        .map(|f| (f.code.as_str(), f.severity.as_str()))
        .collect();
    assert_eq!(dates, [("format", "warning")], "{out}");
}

#[test]
fn readable_forms_the_guidance_does_not_ask_for_are_warnings() {
    // Policy: an ISO date in a spend file and an Open Data Communities URI in its Organisation
    // code are unambiguous; a date with dashes day-first is not a form anyone publishes.
    let (code, found, out) = check(
        "spend-iso-dates-and-odc-uri.csv",
        Some("spend-over-500"),
        &[],
    );
    assert_eq!(code, 1, "{out}");
    let cells: Vec<_> = found
        .iter()
        .filter(|f| f.row.is_some())
        .map(|f| {
            (
                f.code.as_str(),
                f.severity.as_str(),
                f.column.as_str(),
                f.row,
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            ("format", "warning", "Organisation code", Some(1)),
            ("format", "warning", "Transaction date", Some(1)),
            ("format", "error", "Transaction date", Some(3)),
        ],
        "{out}"
    );
    let (_, out, _) = run(&["standards", "show", "spend-over-500"]);
    assert!(out.contains("also takes: an ISO date"), "{out}");
}

#[test]
fn an_hsds_url_column_is_read_as_the_organisation_website() {
    // Messages: HSDS 1.1's `url` is ORUK's `website`, not `uri` (the organisation's identifier).
    let (_, found, out) = check(
        "hsds-organization-url.csv",
        Some("open-referral-uk"),
        &["--table", "organization"],
    );
    assert!(
        found
            .iter()
            .any(|f| f.code == "header-mismatch" && f.column == "website"),
        "{out}"
    );
    assert!(found.iter().all(|f| f.code != "unknown-column"), "{out}");
}

#[test]
fn a_broken_pattern_is_said_in_words_with_the_fix() {
    // Messages: never a bare regular expression as the explanation.
    let (_, _, out) = check(
        "brownfield-2017-pattern-slips.csv",
        Some("brownfield-land-2017"),
        &[],
    );
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let said: Vec<(String, String)> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "pattern")
        .map(|f| {
            (
                f["message"].as_str().unwrap_or_default().to_string(),
                f["help"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(said.len(), 3, "{out}");
    for (message, _) in &said {
        assert!(
            !message.contains('^'),
            "a pattern in the message: {message}"
        );
    }
    let helps: Vec<&str> = said.iter().map(|(_, h)| h.as_str()).collect();
    assert!(
        helps
            .iter()
            .any(|h| h.starts_with("it has 3 decimal places") && h.contains("write 0.46")),
        "{helps:?}"
    );
    assert!(
        helps
            .iter()
            .any(|h| h.starts_with("remove the spaces beside `|`")),
        "{helps:?}"
    );
    assert!(
        helps
            .iter()
            .any(|h| h.contains("write `https://www.example.gov.uk/plan`")),
        "{helps:?}"
    );
}

#[test]
fn a_whole_column_failing_the_same_way_is_said_once() {
    // Messages: every date ISO is one statement at the column in the human and Markdown
    // reports; the JSON keeps every finding.
    let path = "fixtures/real-world/spend-all-iso-dates.csv";
    let (_, human, _) = run(&["check", path, "-s", "spend-over-500"]);
    assert_eq!(
        human
            .matches("every value in `Transaction date` (4 rows) is like this one")
            .count(),
        1,
        "{human}"
    );
    assert!(!human.contains("more `format` findings"), "{human}");
    let (_, markdown, _) = run(&[
        "check",
        path,
        "-s",
        "spend-over-500",
        "--format",
        "markdown",
    ]);
    assert!(
        markdown.contains("every value in `Transaction date` (4 rows)"),
        "{markdown}"
    );
    let (_, found, _) = check("spend-all-iso-dates.csv", Some("spend-over-500"), &[]);
    assert_eq!(found.iter().filter(|f| f.code == "format").count(), 4);
}

#[test]
fn a_title_line_above_the_header_is_named_and_the_rows_are_checked() {
    // Messages: a title above the header was read as the header (blank-header and
    // unknown-column findings, no row checked).
    let (_, found, out) = check("spend-title-line.csv", Some("spend-over-500"), &[]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(report["files"][0]["rows"], 3, "{out}");
    let input = report["files"][0]["findings"][0].clone();
    assert_eq!(input["code"], "input", "{out}");
    assert!(
        input["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("line 1 looks like a title")
                && m.contains("the header is on line 2")),
        "{out}"
    );
    assert!(
        found
            .iter()
            .all(|f| f.code != "blank-header" && f.code != "unknown-column"),
        "{out}"
    );
    // The cells are checked, on their own lines.
    assert!(
        found.iter().any(|f| f.code == "format" && f.row == Some(3)),
        "{out}"
    );
    // And without --standard, the file is still recognised.
    let (_, _, out) = check("spend-title-line.csv", None, &[]);
    assert!(out.contains("\"id\": \"spend-over-500\""), "{out}");
}

#[test]
fn when_headers_fit_two_standards_alike_the_values_decide() {
    // Defect 9: a register with the 2017 names in today's spelling fits both brownfield
    // standards' headers about equally; its rows say which it is.
    let (_, _, out) = check("brownfield-mixed-header.csv", None, &[]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let note = report["standard"]["note"].as_str().unwrap_or_default();
    assert!(
        note.starts_with("no standard given: matched brownfield-land (table brownfield-land")
            && note.contains("fits brownfield-land-2017 almost as well, but the values of its 3 rows fit brownfield-land better"),
        "{out}"
    );
    assert_eq!(report["standard"]["id"], "brownfield-land", "{out}");
}

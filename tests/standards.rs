//! Every built-in standard: its valid fixture passes, its invalid fixture gives the findings that
//! characterise the standard, and the standard file itself passes `conform standards lint`.

mod common;

fn check(path: &str, standard: &str) -> (i32, serde_json::Value) {
    let output = common::conform()
        .args(["check", path, "--standard", standard, "--format", "json"])
        .output()
        .expect("runs");
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{path}: {e}: {}", String::from_utf8_lossy(&output.stderr)));
    (output.status.code().unwrap_or(-1), report)
}

/// (file, code, column) of every finding of a run.
fn found(report: &serde_json::Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for file in report["files"].as_array().expect("files") {
        let name = file["path"]
            .as_str()
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string();
        for f in file["findings"].as_array().expect("findings") {
            out.push((
                name.clone(),
                f["code"].as_str().unwrap_or("").to_string(),
                f["column"]["name"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    out
}

/// (standard, valid path, invalid path, findings the invalid path must give: (file, code, column)).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const CASES: &[Case] = &[
    (
        "spend-over-500",
        "fixtures/spend-over-500/valid.csv",
        "fixtures/spend-over-500/invalid.csv",
        &[
            ("invalid.csv", "format", "Transaction date"),
            ("invalid.csv", "type", "Net amount"),
            ("invalid.csv", "required", "Supplier name"),
        ],
    ),
    (
        "procurement-card",
        "fixtures/procurement-card/valid.csv",
        "fixtures/procurement-card/invalid.csv",
        &[
            ("invalid.csv", "format", "Transaction date"),
            ("invalid.csv", "required", "Merchant category"),
            ("invalid.csv", "pattern", "Merchant category code"),
        ],
    ),
    (
        "brownfield-land-2017",
        "fixtures/brownfield-land-2017/valid.csv",
        "fixtures/brownfield-land-2017/invalid.csv",
        &[
            ("invalid.csv", "pattern", "OrganisationURI"),
            ("invalid.csv", "enum", "OwnershipStatus"),
            ("invalid.csv", "enum", "CoordinateReferenceSystem"),
            ("invalid.csv", "unique", "SiteReference"),
            ("invalid.csv", "rule", "PermissionType"),
            ("invalid.csv", "rule", "DevelopmentDescription"),
            ("invalid.csv", "format", "FirstAddedDate"),
            ("invalid.csv", "pattern", "Hectares"),
        ],
    ),
    (
        "brownfield-land",
        "fixtures/brownfield-land/valid.csv",
        "fixtures/brownfield-land/invalid.csv",
        &[
            ("invalid.csv", "rule", "GeoX"),
            ("invalid.csv", "codelist", "OwnershipStatus"),
            ("invalid.csv", "codelist", "PermissionType"),
            ("invalid.csv", "pattern", "Deliverable"),
            ("invalid.csv", "unique", "SiteReference"),
            ("invalid.csv", "format", "SiteplanURL"),
            ("invalid.csv", "rule", "PermissionType"),
        ],
    ),
    (
        "conservation-area",
        "fixtures/conservation-area/valid",
        "fixtures/conservation-area/invalid",
        &[
            ("conservation-area.csv", "format", "geometry"),
            ("conservation-area.csv", "rule", "geometry"),
            ("conservation-area.csv", "rule", "end-date"),
            ("conservation-area.csv", "unique", "reference"),
            (
                "conservation-area-document.csv",
                "foreign-key",
                "conservation-area",
            ),
            (
                "conservation-area-document.csv",
                "codelist",
                "document-type",
            ),
        ],
    ),
    (
        "article-4-direction",
        "fixtures/article-4-direction/valid",
        "fixtures/article-4-direction/invalid",
        &[
            ("article-4-direction.csv", "required", "document-url"),
            (
                "article-4-direction-area.csv",
                "foreign-key",
                "article-4-direction",
            ),
            (
                "article-4-direction-area.csv",
                "codelist",
                "permitted-development-rights",
            ),
            ("article-4-direction-area.csv", "format", "geometry"),
            ("article-4-direction-area.csv", "format", "entry-date"),
        ],
    ),
    (
        "tree-preservation-order",
        "fixtures/tree-preservation-order/valid",
        "fixtures/tree-preservation-order/invalid",
        &[
            (
                "tree-preservation-order.csv",
                "required",
                "documentation-url",
            ),
            ("tree.csv", "format", "point"),
            ("tree.csv", "foreign-key", "tree-preservation-order"),
            ("tree.csv", "rule", "point"),
            ("tree.csv", "rule", "address-text"),
            ("tree.csv", "unique", "reference"),
            (
                "tree-preservation-zone.csv",
                "codelist",
                "tree-preservation-zone-type",
            ),
        ],
    ),
    (
        "listed-building-outline",
        "fixtures/listed-building-outline/valid.csv",
        "fixtures/listed-building-outline/invalid.csv",
        &[
            ("invalid.csv", "required", "listed-building"),
            ("invalid.csv", "codelist", "listed-building-grade"),
            ("invalid.csv", "format", "geometry"),
            ("invalid.csv", "format", "start-date"),
        ],
    ),
    (
        "open-referral-uk",
        "fixtures/open-referral-uk/valid",
        "fixtures/open-referral-uk/invalid",
        &[
            ("services.csv", "foreign-key", "organization_id"),
            ("services.csv", "enum", "status"),
            ("services.csv", "primary-key", "id"),
            ("service_at_location.csv", "foreign-key", "location_id"),
            ("locations.csv", "format", "id"),
            ("organizations.csv", "format", "email"),
        ],
    ),
    (
        "360giving",
        "fixtures/360giving/valid.csv",
        "fixtures/360giving/invalid.csv",
        &[
            ("invalid.csv", "pattern", "Identifier"),
            ("invalid.csv", "type", "Amount Awarded"),
            ("invalid.csv", "format", "Recipient Org:Company Number"),
            ("invalid.csv", "codelist", "Currency"),
            ("invalid.csv", "rule", "Recipient Org:Identifier"),
            (
                "invalid.csv",
                "codelist",
                "Beneficiary Location:Geographic Code Type",
            ),
        ],
    ),
];

#[test]
fn every_built_in_standard_has_cases() {
    let output = common::conform()
        .args(["standards", "list", "--format", "json"])
        .output()
        .expect("runs");
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    for standard in list.as_array().expect("list") {
        let id = standard["id"].as_str().expect("id");
        assert!(
            CASES.iter().any(|c| c.0 == id),
            "no valid/invalid fixtures for {id}"
        );
    }
}

#[test]
fn valid_fixtures_conform() {
    for (standard, valid, _, _) in CASES {
        let (code, report) = check(valid, standard);
        assert_eq!(code, 0, "{standard}: {valid}: {:?}", found(&report));
        assert_eq!(report["summary"]["errors"], 0, "{standard}");
        assert_eq!(
            report["summary"]["warnings"],
            0,
            "{standard}: {:?}",
            found(&report)
        );
    }
}

#[test]
fn invalid_fixtures_give_their_findings() {
    for (standard, _, invalid, expected) in CASES {
        let (code, report) = check(invalid, standard);
        assert_eq!(code, 1, "{standard}");
        let found = found(&report);
        for (file, finding, column) in expected.iter() {
            assert!(
                found
                    .iter()
                    .any(|(f, c, col)| f == file && c == finding && col == column),
                "{standard}: expected {finding} in {file} `{column}`, found {found:?}"
            );
        }
    }
}

#[test]
fn every_built_in_standard_lints_clean() {
    for (standard, _, _, _) in CASES {
        let output = common::conform()
            .args(["standards", "lint", standard])
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{standard}:\n{text}");
        assert!(
            text.ends_with(&format!("✓ {standard}: a usable standard (0 warnings)\n")),
            "{standard}:\n{text}"
        );
    }
}

#[test]
fn lint_points_at_every_mistake_in_the_file() {
    let output = common::conform()
        .args([
            "standards",
            "lint",
            "fixtures/standards/bad/format-errors.json",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("format-errors.json:3:9]"), "{text}");
    assert!(text.contains("\"fuzzy\" is not one of"), "{text}");
    assert!(text.contains("format-errors.json:10:7]"), "{text}");
    assert!(text.contains("did you mean \"columns\"?"), "{text}");
    assert!(
        text.contains("✗ fixtures/standards/bad/format-errors.json: 3 errors"),
        "{text}"
    );
    // Problems only loading finds (a pattern that does not compile) are reported the same way.
    let output = common::conform()
        .args(["standards", "lint", "fixtures/standards/bad/bad-regex.json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("bad-regex.json:10:64]"));
}

#[test]
fn a_council_standard_can_use_the_built_in_code_lists() {
    let (code, report) = check(
        "fixtures/standards/builtin-codelist/contacts.csv",
        "fixtures/standards/builtin-codelist",
    );
    assert_eq!(code, 1);
    let found = found(&report);
    assert_eq!(
        found,
        vec![
            (
                "contacts.csv".to_string(),
                "codelist".to_string(),
                "Council code".to_string()
            ),
            (
                "contacts.csv".to_string(),
                "codelist".to_string(),
                "Council type".to_string()
            ),
        ]
    );
}

#[test]
fn a_rule_whose_columns_a_file_lacks_is_reported_once() {
    let (code, report) = check(
        "fixtures/corpus/article-4-direction/pe-stockport-article-4-direction-area-wrong-colname.csv",
        "article-4-direction",
    );
    assert_eq!(code, 1);
    let rules: Vec<&serde_json::Value> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "rule")
        .collect();
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert_eq!(
        rules[0]["message"],
        "the file has none of the columns `geometry`, `point`, so every row breaks the rule `point-or-geometry` (“this row has neither a boundary (`geometry`) nor a point (`point`); the record needs one of them”)"
    );
    assert!(rules[0]["row"].is_null());
}

#[test]
fn without_standard_each_valid_fixture_finds_its_own() {
    for (standard, valid, _, _) in CASES {
        if !valid.ends_with(".csv") {
            continue;
        }
        let output = common::conform()
            .args(["check", valid, "--format", "json"])
            .output()
            .expect("runs");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        assert_eq!(report["files"][0]["standard"]["id"], *standard, "{valid}");
    }
}

#[test]
fn grant_identifiers_follow_the_org_id_rules() {
    let (_, report) = check("fixtures/360giving/invalid.csv", "360giving");
    let rules: Vec<&str> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "rule")
        .filter_map(|f| f["schema_path"].as_str())
        .collect();
    assert_eq!(
        rules,
        [
            "rules/recipient-organisation-or-individual",
            "rules/charity-identifier",
            "rules/planned-end-not-before-start",
            "rules/known-gb-prefix"
        ]
    );
}

/// The example row `standards template --example` prints is a row the standard accepts, for
/// every table of every built-in standard: a template that fails its own check teaches nothing.
#[test]
fn every_template_example_row_conforms() {
    let dir = common::scratch();
    for (standard, _, _, _) in CASES {
        let text = std::fs::read_to_string(format!("schemas/{standard}/standard.json"))
            .expect("standard file");
        let file: serde_json::Value = serde_json::from_str(&text).expect("standard JSON");
        let tables = file["tables"].as_object().expect("tables");
        assert!(!tables.is_empty(), "{standard}");
        for table in tables.keys() {
            let output = common::conform()
                .args(["standards", "template", standard, "--table", table])
                .arg("--example")
                .output()
                .expect("runs");
            assert_eq!(output.status.code(), Some(0), "{standard}/{table}");
            let path = dir.join(format!("{standard}-{table}.csv"));
            std::fs::write(&path, &output.stdout).expect("write");
            let output = common::conform()
                .args(["check", "--standard", standard, "--table", table])
                .args(["--format", "jsonl", "--ignore", "foreign-key"])
                .arg(&path)
                .output()
                .expect("runs");
            let findings = String::from_utf8_lossy(&output.stdout);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{standard}/{table}:\n{}\n{findings}",
                String::from_utf8_lossy(&std::fs::read(&path).expect("read"))
            );
            assert!(findings.is_empty(), "{standard}/{table}:\n{findings}");
        }
    }
}

/// Spend and card files share most columns; a name or rule accepted for one and not the other
/// made a card file's `Purpose of Spend` unknown in a spend file (issue 11, defect 6). Their
/// descriptions may speak to each file; what is accepted must not differ.
#[test]
fn spend_and_card_files_accept_their_shared_columns_alike() {
    let read = |path: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(path).expect("built in")).expect("json")
    };
    let spend = read("schemas/spend-over-500/standard.json");
    let card = read("schemas/procurement-card/standard.json");
    let spend_schema = read("schemas/spend-over-500/spend.schema.json");
    let card_schema = read("schemas/procurement-card/card.schema.json");
    let spend_columns = spend["tables"]["spend"]["columns"]
        .as_object()
        .expect("columns");
    let card_columns = card["tables"]["card"]["columns"]
        .as_object()
        .expect("columns");
    let mut shared = 0;
    for (name, rules) in spend_columns {
        let Some(card_rules) = card_columns.get(name) else {
            continue;
        };
        shared += 1;
        assert_eq!(
            rules, card_rules,
            "column `{name}` differs between the standards"
        );
        let accepted = |schema: &serde_json::Value| {
            let mut property = schema["properties"][name.as_str()].clone();
            if let Some(map) = property.as_object_mut() {
                map.remove("description");
                map.remove("title");
            }
            property
        };
        assert_eq!(
            accepted(&spend_schema),
            accepted(&card_schema),
            "the schema of `{name}` differs between the standards"
        );
    }
    assert!(shared >= 14, "only {shared} shared columns");
}

/// A table name one letter off (a file's plural, say) is met with the table it likely means.
#[test]
fn a_table_that_is_not_there_is_met_with_the_nearest_name() {
    let output = common::conform()
        .args([
            "check",
            "fixtures/open-referral-uk/valid/locations.csv",
            "--standard",
            "open-referral-uk",
            "--table",
            "locations",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("has no table `locations` (did you mean `location`?); its tables are:"),
        "{stderr}"
    );
}

//! Every format conform reads: the same spending rows as a workbook, CSV, gzip, JSON, JSON Lines
//! and a zip archive give the same findings, each located in its format's terms; Frictionless
//! descriptors are standards; hostile files give a finding or exit 2, never a crash or a hang.

mod common;

use common::run;
use serde_json::Value;

fn check(args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = run(&all);
    let report =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{all:?}: {e}\n{out}\n{err}"));
    (code, report, err)
}

/// One string field (`code`, `message`, `location`...) of every finding of a file.
fn strings<'a>(file: &'a Value, key: &str) -> Vec<&'a str> {
    file["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f[key].as_str())
        .collect()
}

/// (code, row, column, value, location) of each finding that is not a note.
fn problems(file: &Value) -> Vec<(String, u64, String, String, String)> {
    file["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["row"].as_u64().unwrap_or(0),
                f["column"]["name"].as_str().unwrap_or("").to_string(),
                f["value"].as_str().unwrap_or("").to_string(),
                f["location"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn row(
    code: &str,
    row: u64,
    column: &str,
    value: &str,
    location: &str,
) -> (String, u64, String, String, String) {
    (
        code.into(),
        row,
        column.into(),
        value.into(),
        location.into(),
    )
}

#[test]
fn every_format_finds_the_same_problems_at_its_own_locations() {
    let date = |location: &str| row("format", 2, "Transaction date", "31/04/2025", location);
    let amount = |location: &str| row("type", 3, "Net amount", "£1,496.00", location);
    let cases: &[(&str, Vec<_>)] = &[
        ("spend.csv", vec![date(""), amount("")]),
        ("spend.csv.gz", vec![date(""), amount("")]),
        // Two zstd frames, as `cat a.zst b.zst` makes.
        ("spend.csv.zst", vec![date(""), amount("")]),
        (
            "spend.json",
            vec![
                date("/spend/1/Transaction date"),
                amount("/spend/2/Net amount"),
            ],
        ),
        ("spend.jsonl", vec![date("line 2"), amount("line 3")]),
        ("spend.ods", vec![date("Spend!C3"), amount("Spend!F4")]),
        ("spend.parquet", vec![date("row 2"), amount("row 3")]),
        ("spend.arrow", vec![date("row 2"), amount("row 3")]),
        (
            "spend-typed-dates.parquet",
            // Typed dates are dates whatever the standard's written form; a null is missing.
            vec![
                row("required", 2, "Transaction date", "", "row 2"),
                amount("row 3"),
            ],
        ),
        (
            "spend.xlsx",
            // Typed dates in rows 1 and 3 are dates; the text date in row 2 is checked as text.
            vec![
                row("cell-error", 1, "Supplier name", "#N/A", "Spend!D3"),
                date("Spend!C4"),
                amount("Spend!F5"),
            ],
        ),
    ];
    for (file, expected) in cases {
        let path = format!("fixtures/formats/{file}");
        let (code, report, err) = check(&[&path, "-s", "spend-over-500"]);
        assert_eq!(code, 1, "{file}: {err}");
        assert_eq!(&problems(&report["files"][0]), expected, "{file}");
    }
}

#[test]
fn a_workbook_says_which_sheet_and_rows_it_read() {
    let (_, report, _) = check(&["fixtures/formats/spend.xlsx", "-s", "spend-over-500"]);
    let file = &report["files"][0];
    assert_eq!(file["format"], "xlsx");
    let notes: Vec<&str> = file["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "input")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("checked `Spend`, the first that holds a table")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("1 row above the header (a title block) was skipped")),
        "{notes:?}"
    );
    // --sheet by number and by name; a sheet without a table, and one that does not exist.
    let (_, by_number, _) = check(&[
        "fixtures/formats/spend.xlsx",
        "-s",
        "spend-over-500",
        "--sheet",
        "2",
    ]);
    assert_eq!(problems(&by_number["files"][0]).len(), 3);
    let (_, notes_sheet, _) = check(&[
        "fixtures/formats/spend.xlsx",
        "-s",
        "spend-over-500",
        "--sheet",
        "Notes",
    ]);
    assert_eq!(notes_sheet["files"][0]["findings"][0]["code"], "empty-file");
    // A sheet the workbook lacks is the user's mistake: exit 2, with the sheets it has.
    let (code, _, err) = run(&[
        "check",
        "fixtures/formats/spend.xlsx",
        "-s",
        "spend-over-500",
        "--sheet",
        "Spnd",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Did you mean `Spend`? Its sheets are: `Notes`, `Spend`"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "check",
        "fixtures/formats/spend.xlsx",
        "-s",
        "spend-over-500",
        "--sheet",
        "9",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("the workbook has 2 sheets"), "{err}");
}

#[test]
fn a_zip_archive_is_checked_member_by_member() {
    let (code, report, _) = check(&["fixtures/formats/spend.zip", "-s", "spend-over-500"]);
    assert_eq!(code, 1);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "fixtures/formats/spend.zip!spend.csv",
            "fixtures/formats/spend.zip!spend.json"
        ]
    );
    assert_eq!(
        problems(&report["files"][1])[0].4,
        "/spend/1/Transaction date"
    );
}

#[test]
fn reports_of_every_format_are_the_same_whatever_the_thread_count() {
    for file in [
        "spend.xlsx",
        "spend.json",
        "spend.zip",
        "conservation-areas.geojson",
    ] {
        let path = format!("fixtures/formats/{file}");
        let one = run(&["check", &path, "--format", "json", "-j", "1"]).1;
        let four = run(&["check", &path, "--format", "json", "-j", "4"]).1;
        assert_eq!(one, four, "{file}");
    }
}

#[test]
fn geojson_geometry_is_checked_as_wkt() {
    let (code, report, _) = check(&[
        "fixtures/formats/conservation-areas.geojson",
        "-s",
        "conservation-area",
    ]);
    assert_eq!(code, 1);
    let file = &report["files"][0];
    assert_eq!(file["format"], "geojson");
    let found = problems(file);
    assert!(
        found
            .iter()
            .any(|(code, row, column, _, location)| code == "format"
                && *row == 2
                && column == "geometry"
                && location == "/features/1/geometry"),
        "{found:?}"
    );
}

#[test]
fn a_table_schema_finds_what_the_conform_standard_finds() {
    let keys = |standard: &str| -> Vec<(String, u64, String)> {
        let (code, report, err) = check(&["fixtures/formats/bench-spend-500.csv", "-s", standard]);
        assert_eq!(code, 1, "{err}");
        let mut found: Vec<_> = problems(&report["files"][0])
            .into_iter()
            .map(|(c, r, col, _, _)| (c, r, col))
            .collect();
        found.sort();
        found
    };
    let table_schema = keys("fixtures/formats/spend.tableschema.json");
    assert_eq!(table_schema.len(), 15, "{table_schema:?}");
    assert_eq!(table_schema, keys("fixtures/formats/spend.standard.json"));
    // And the conform standard it is read as, written out by `standards import`, finds it too.
    let (code, imported, err) = run(&[
        "standards",
        "import",
        "fixtures/formats/spend.tableschema.json",
    ]);
    assert_eq!(code, 0, "{err}");
    let path = temp("import.json", imported.as_bytes());
    assert_eq!(keys(&path.to_string_lossy()), table_schema);
}

#[test]
fn a_data_package_checks_its_resources_and_the_keys_between_them() {
    let (code, report, err) = check(&["fixtures/formats/datapackage/datapackage.json"]);
    assert_eq!(code, 1, "{err}");
    let files = report["files"].as_array().expect("files");
    assert_eq!(files[0]["table"], "councils");
    assert!(problems(&files[0]).is_empty());
    let codes: Vec<String> = problems(&files[1]).into_iter().map(|p| p.0).collect();
    assert_eq!(
        codes,
        ["foreign-key", "range", "format", "enum"],
        "{:?}",
        problems(&files[1])
    );
}

#[test]
fn what_a_descriptor_asks_that_conform_cannot_check_is_said() {
    let (code, report, _) = check(&[
        "fixtures/checks/unchecked.csv",
        "-s",
        "fixtures/checks/unchecked.tableschema.json",
    ]);
    assert_eq!(code, 0);
    let unchecked = report["summary"]["by_code"]["unchecked"].as_u64();
    assert_eq!(unchecked, Some(2));
    // A field type Table Schema does not define stops the run, pointing at it.
    let schema = temp(
        "typo.tableschema.json",
        br#"{"fields": [{"name": "Reference", "type": "strng"}]}"#,
    );
    let (code, _, err) = run(&[
        "check",
        "fixtures/checks/unchecked.csv",
        "-s",
        &schema.to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("type \"strng\", which Table Schema does not define"),
        "{err}"
    );
}

#[test]
fn a_file_with_none_of_the_columns_does_not_conform() {
    let (code, report, _) = check(&[
        "fixtures/formats/spend.csv",
        "-s",
        &optional_fields().to_string_lossy(),
    ]);
    assert_eq!(code, 1);
    let messages: Vec<&str> = strings(&report["files"][0], "message");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("so nothing was checked")),
        "{messages:?}"
    );
}

/// A Table Schema whose two fields are both optional.
fn optional_fields() -> common::ScratchFile {
    temp(
        "optional.tableschema.json",
        br#"{"fields": [{"name": "Reference"}, {"name": "Amount", "type": "number"}]}"#,
    )
}

use common::scratch_file as temp;

/// A workbook of `sheets` empty sheets and a last one with a table, written by hand.
fn many_sheets(sheets: usize) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for i in 1..=sheets {
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        book.push_str(&format!(
            r#"<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#));
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, options).expect("entry");
        zip.write_all(text.as_bytes()).expect("writes");
    };
    put("[Content_Types].xml", &types);
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put("xl/workbook.xml", &book);
    put("xl/_rels/workbook.xml.rels", &rels);
    for i in 1..=sheets {
        let data = if i == sheets {
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Reference</t></is></c><c r="B1" t="inlineStr"><is><t>Amount</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>P-1</t></is></c><c r="B2"><v>12</v></c></row>"#
        } else {
            ""
        };
        put(
            &format!("xl/worksheets/sheet{i}.xml"),
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#
            ),
        );
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn hostile_files_give_a_finding_or_exit_2_never_a_crash() {
    // A zip cut in half, and one whose directory claims 4 GB: exit 2, said plainly.
    let (code, _, err) = run(&[
        "check",
        "fixtures/formats/truncated.zip",
        "-s",
        "spend-over-500",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("the zip archive cannot be read"), "{err}");
    let (code, _, err) = run(&["check", "fixtures/formats/bomb.zip", "-s", "spend-over-500"]);
    assert_eq!(code, 2);
    assert!(err.contains("zip bomb"), "{err}");
    // JSON nested 100,000 deep: no table in it, said; not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (code, report, _) = check(&[
        &temp("deep.json", deep.as_bytes()).to_string_lossy(),
        "-s",
        "spend-over-500",
    ]);
    assert_eq!(code, 1);
    assert_eq!(report["files"][0]["findings"][0]["code"], "empty-file");
    // One row nested too deep among good rows: that row is a parse error; the others are read.
    let deep_row = format!(
        r#"[{{"Body name": "A"}}, {{"Body name": {}1{}}}, {{"Body name": "C"}}]"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let (code, report, _) = check(&[
        &temp("deep-row.json", deep_row.as_bytes()).to_string_lossy(),
        "-s",
        "spend-over-500",
    ]);
    assert_eq!(code, 1);
    assert_eq!(report["files"][0]["rows"], 3);
    let parse_errors: Vec<&Value> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "parse-error")
        .collect();
    assert_eq!(parse_errors.len(), 1, "{report}");
    assert_eq!(parse_errors[0]["row"], 2);
    // A workbook of 10,000 sheets: the empty ones are passed by, within the search limit.
    let book = temp("many.xlsx", &many_sheets(10_000));
    let (code, report, err) = check(&[
        &book.to_string_lossy(),
        "-s",
        &optional_fields().to_string_lossy(),
    ]);
    assert!(code == 1, "{err}");
    let first = report["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        first.contains("no sheet of the workbook holds a table"),
        "{first}"
    );
    let (code, report, _) = check(&[
        &book.to_string_lossy(),
        "-s",
        &optional_fields().to_string_lossy(),
        "--sheet",
        "S10000",
    ]);
    assert_eq!(code, 0, "{report}");
    // An .xls whose sector chain is broken (found by the fuzzer: calamine panicked on it).
    let (code, report, err) = check(&["fixtures/formats/damaged.xls", "-s", "spend-over-500"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(report["files"][0]["findings"][0]["code"], "parse-error");
    // An .xls naming a cell at column 65,535 (found by the fuzzer): calamine would lay the sheet
    // out as a 133 GB grid and abort the process; conform refuses it from its record headers.
    let (code, report, err) = check(&["fixtures/formats/far-corner.xls", "-s", "spend-over-500"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(report["files"][0]["findings"][0]["code"], "parse-error");
    let message = report["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap_or("");
    assert!(message.contains("more than 25 million cells"), "{message}");
    // An .xls whose sector chain loops (found by the fuzzer): calamine followed it for ever, to
    // 24 GB; the container is checked first and the file refused at once.
    let (code, report, err) =
        check(&["fixtures/formats/looping-chain.xls", "-s", "spend-over-500"]);
    assert_eq!(code, 1, "{err}");
    let message = report["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap_or("");
    assert!(
        message.contains("its container cannot be read"),
        "{message}"
    );
    let help = report["files"][0]["findings"][0]["help"]
        .as_str()
        .unwrap_or("");
    assert!(help.contains("save it again"), "{help}");
    // Parquet that is not Parquet, and a workbook that is not a workbook.
    for (name, bytes) in [
        ("broken.parquet", &b"PAR1 not really parquet"[..]),
        ("broken.xlsx", b"PK\x03\x04[Content_Types].xml xl/ garbage"),
    ] {
        let (code, report, err) =
            check(&[&temp(name, bytes).to_string_lossy(), "-s", "spend-over-500"]);
        assert_eq!(code, 1, "{name}: {err}");
        let codes: Vec<&str> = strings(&report["files"][0], "code");
        assert!(codes.contains(&"parse-error"), "{name}: {codes:?}");
    }
}

#[test]
fn a_workbook_of_several_tables_is_checked_sheet_by_sheet() {
    let findings = |report: &Value, table: &str| -> Vec<(String, u64, String)> {
        let file = report["files"]
            .as_array()
            .expect("files")
            .iter()
            .find(|f| f["table"] == table)
            .unwrap_or_else(|| panic!("no file of table {table}: {report}"));
        problems(file)
            .into_iter()
            .map(|(c, r, col, _, _)| (c, r, col))
            .collect()
    };
    let (_, book, _) = check(&[
        "fixtures/formats/conservation-areas.xlsx",
        "-s",
        "conservation-area",
    ]);
    let (_, folder, _) = check(&[
        "fixtures/conservation-area/invalid",
        "-s",
        "conservation-area",
    ]);
    for table in ["conservation-area", "conservation-area-document"] {
        assert_eq!(findings(&book, table), findings(&folder, table), "{table}");
    }
    let located: Vec<&str> = strings(&book["files"][0], "location");
    assert!(located.contains(&"'conservation-area'!C2"), "{located:?}");
}

#[test]
fn nested_json_is_validated_as_the_row_schema_says() {
    let (code, report, err) = check(&[
        "fixtures/formats/sites.json",
        "-s",
        "fixtures/formats/sites.schema.json",
    ]);
    assert_eq!(code, 1, "{err}");
    let found: Vec<(String, u64, String, String)> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["row"].as_u64().unwrap_or(0),
                f["location"].as_str().unwrap_or("").to_string(),
                f["schema_path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected = [
        (
            "type",
            2,
            "/1/location",
            "/properties/location/properties/lon/type",
        ),
        ("type", 2, "/1/tags", "/properties/tags/items/type"),
        ("type", 3, "/2/location", "/properties/location/type"),
    ];
    let expected: Vec<(String, u64, String, String)> = expected
        .iter()
        .map(|(c, r, l, s)| (c.to_string(), *r, l.to_string(), s.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn standard_input_is_read_as_what_it_is() {
    for (file, location) in [
        ("fixtures/formats/spend.json", "/spend/1/Transaction date"),
        ("fixtures/formats/spend.xlsx", "Spend!C4"),
        ("fixtures/formats/spend.csv.gz", ""),
    ] {
        let output = common::conform()
            .args(["check", "-", "-s", "spend-over-500", "--format", "json"])
            .write_stdin(std::fs::read(file).expect("fixture"))
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{file}");
        let report: Value = serde_json::from_slice(&output.stdout).expect("json");
        let found = problems(&report["files"][0]);
        assert!(
            found.iter().any(|p| p.0 == "format" && p.4 == location),
            "{file}: {found:?}"
        );
    }
    // --input-format overrides what the content says.
    let output = common::conform()
        .args([
            "check",
            "-",
            "-s",
            "spend-over-500",
            "--input-format",
            "csv",
            "--format",
            "json",
        ])
        .write_stdin(std::fs::read("fixtures/formats/spend.json").expect("fixture"))
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["files"][0]["format"], "csv");
}

#[test]
fn without_a_standard_every_format_is_matched_by_its_header() {
    for file in [
        "spend.xlsx",
        "spend.json",
        "spend.parquet",
        "spend.zip",
        "spend.csv.zst",
    ] {
        let path = format!("fixtures/formats/{file}");
        let (code, out, err) = run(&["check", &path, "--format", "json"]);
        assert_eq!(code, 1, "{file}: {err}");
        let report: Value = serde_json::from_str(&out).expect("json");
        assert_eq!(
            report["files"][0]["standard"]["id"], "spend-over-500",
            "{file}"
        );
    }
}

#[test]
fn a_json_value_is_located_at_its_own_line_and_column() {
    let (_, report, _) = check(&["fixtures/formats/spend.json", "-s", "spend-over-500"]);
    let finding = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "format")
        .expect("the bad date")
        .clone();
    // Line 18 is `      "Transaction date": "31/04/2025",`: the value starts at column 27.
    assert_eq!(finding["line"], 18);
    assert_eq!(finding["location"], "/spend/1/Transaction date");
    let (_, human, _) = run(&[
        "check",
        "fixtures/formats/spend.json",
        "-s",
        "spend-over-500",
    ]);
    assert!(
        human.contains("fixtures/formats/spend.json:18:27 /spend/1/Transaction date"),
        "{human}"
    );
    let (_, sarif, _) = run(&[
        "check",
        "fixtures/formats/spend.json",
        "-s",
        "spend-over-500",
        "--format",
        "sarif",
    ]);
    let sarif: Value = serde_json::from_str(&sarif).expect("sarif");
    let regions: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| &r["locations"][0]["physicalLocation"]["region"])
        .collect();
    assert!(
        regions
            .iter()
            .any(|r| r["startLine"] == 18 && r["startColumn"] == 27),
        "{regions:?}"
    );
}

/// A Table Schema pattern matches the whole value, so conform wraps it in `^(?:…)$`; a finding's
/// help leaves that out where the schema's own pattern is anchored already, and keeps it where it
/// says something the pattern alone does not.
#[test]
fn a_table_schema_pattern_is_shown_as_written() {
    let dir = common::scratch();
    std::fs::write(
        dir.join("codes.tableschema.json"),
        r#"{"fields": [
            {"name": "Code", "type": "string", "constraints": {"pattern": "^[A-Z]{3}$"}},
            {"name": "Ref", "type": "string", "constraints": {"pattern": "[0-9]{4}"}}]}"#,
    )
    .expect("schema");
    std::fs::write(
        dir.join("codes.csv"),
        "Code,Ref
abc,12345
",
    )
    .expect("csv");
    let schema = dir.join("codes.tableschema.json");
    let data = dir.join("codes.csv");
    let (_, report, _) = check(&[&data.to_string_lossy(), "-s", &schema.to_string_lossy()]);
    let help = |column: &str| -> String {
        report["files"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["code"] == "pattern" && f["column"]["name"] == column)
            .and_then(|f| f["help"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert!(help("Code").contains("`^[A-Z]{3}$`"), "{report}");
    assert!(!help("Code").contains("^(?:"), "{report}");
    assert!(help("Ref").contains("`^(?:[0-9]{4})$`"), "{report}");
}

//! The references between the tables of a standard, checked from the key values the check kept:
//! short values held as they are, long ones as fingerprints, keys of several columns, a table
//! spread over several files, and only the rows that refer to nothing read again.

mod common;

/// Schools, keyed by local authority and number; pupils refer to a school by both, and to a
/// trust by its (long) name, which is not the trusts' key.
const STANDARD: &str = r#"{
  "conform": 1, "id": "schools", "version": "1", "title": "Schools",
  "tables": {
    "trust": {
      "schema": {"type": "object", "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}}},
      "primaryKey": ["id"]
    },
    "school": {
      "schema": {"type": "object", "properties": {
        "la": {"type": "string"}, "number": {"type": "string"}, "name": {"type": "string"}}},
      "primaryKey": ["la", "number"]
    },
    "pupil": {
      "schema": {"type": "object", "properties": {
        "id": {"type": "string"}, "la": {"type": "string"}, "number": {"type": "string"},
        "trust": {"type": "string"}}},
      "primaryKey": ["id"],
      "foreignKeys": [
        {"columns": ["la", "number"], "reference": {"table": "school", "columns": ["la", "number"]}},
        {"columns": ["trust"], "reference": {"table": "trust", "columns": ["name"]}}
      ]
    }
  }
}"#;

fn write_files(dir: &std::path::Path, pupils: usize) -> Vec<(u64, &'static str, String)> {
    std::fs::write(dir.join("schools.standard.json"), STANDARD).expect("standard");
    std::fs::write(
        dir.join("trust.csv"),
        "id,name\nT1,Northern Lights Academy Trust\nT2,Riverside Learning Partnership\n",
    )
    .expect("trusts");
    // The school table in two files: a reference may be to a row of either.
    let mut first = String::from("la,number,name\n");
    let mut second = String::from("la,number,name\n");
    for n in 0..500 {
        let file = if n % 2 == 0 { &mut first } else { &mut second };
        file.push_str(&format!("{},{},School {n}\n", 300 + n % 5, 4000 + n));
    }
    std::fs::create_dir_all(dir.join("data")).expect("data folder");
    std::fs::write(dir.join("data/school-north.csv"), first).expect("schools");
    std::fs::write(dir.join("data/school-south.csv"), second).expect("schools");
    std::fs::copy(dir.join("trust.csv"), dir.join("data/trust.csv")).expect("trusts");
    let mut expected = Vec::new();
    let mut text = String::from("id,la,number,trust\n");
    for row in 1..=pupils as u64 {
        let n = row as usize % 500;
        let (mut la, mut number) = (format!("{}", 300 + n % 5), format!("{}", 4000 + n));
        let mut trust = "Northern Lights Academy Trust".to_string();
        if row % 97 == 0 {
            // Each part is a school's, but not together.
            la = format!("{}", 300 + (n + 1) % 5);
            expected.push((row, "la", format!("{la}, {number}")));
        } else if row % 211 == 0 {
            number = "9999".into();
            expected.push((row, "la", format!("{la}, {number}")));
        }
        if row % 150 == 0 {
            // A long value one letter from a real one: fingerprinted, and a close one suggested.
            trust = "Riverside Learning Partnershop".into();
            expected.push((row, "trust", trust.clone()));
        } else if row == 7 {
            trust = String::new();
        }
        text.push_str(&format!("P{row},{la},{number},{trust}\n"));
    }
    std::fs::write(dir.join("data/pupil.csv"), text).expect("pupils");
    expected.sort();
    expected
}

/// `conform check data -s schools.standard.json --format json` in `dir`, with `args`: stdout.
fn check_data(dir: &std::path::Path, args: &[&str]) -> Vec<u8> {
    let output = common::conform()
        .current_dir(dir)
        .args([
            "check",
            "data",
            "-s",
            "schools.standard.json",
            "--format",
            "json",
        ])
        .args(args)
        .output()
        .expect("runs");
    output.stdout
}

#[test]
fn references_are_found_from_the_values_the_check_kept() {
    let dir = common::scratch();
    let expected = write_files(&dir, 3000);
    let report: serde_json::Value = serde_json::from_slice(&check_data(&dir, &[])).expect("json");
    let pupils = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with("pupil.csv")))
        .expect("the pupils' report");
    let mut found: Vec<(u64, &str, String)> = pupils["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "foreign-key")
        .map(|f| {
            (
                f["row"].as_u64().expect("a row"),
                f["column"]["name"].as_str().expect("a column"),
                f["value"].as_str().expect("a value").to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(found, expected, "{pupils}");
    // The close trust name is suggested, from the trusts' file read for it.
    let trust = pupils["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["column"]["name"] == "trust")
        .expect("a trust finding");
    assert!(
        trust["help"]
            .as_str()
            .is_some_and(|h| h.contains("Riverside Learning Partnership")),
        "{trust}"
    );
    // The line of a finding is the line of its row.
    let first = pupils["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "foreign-key")
        .expect("a finding");
    assert_eq!(first["line"].as_u64(), first["row"].as_u64().map(|r| r + 1));
    // The schools' and trusts' files refer to nothing and pass.
    for file in report["files"].as_array().expect("files") {
        if !file["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("pupil.csv"))
        {
            assert_eq!(file["valid"], true, "{file}");
        }
    }
}

/// The same references whatever the thread count, and listed as far as `--max-findings` goes
/// with the rest counted.
#[test]
fn references_from_kept_values_are_the_same_on_one_thread_and_within_a_limit() {
    let dir = common::scratch();
    let expected = write_files(&dir, 20_000);
    let run = |args: &[&str]| check_data(&dir, args);
    let two = run(&["--jobs", "2"]);
    assert_eq!(two, run(&["--jobs", "1"]));
    let report: serde_json::Value = serde_json::from_slice(&two).expect("json");
    assert_eq!(
        report["summary"]["by_code"]["foreign-key"].as_u64(),
        Some(expected.len() as u64),
        "{}",
        report["summary"]
    );
    let limited: serde_json::Value =
        serde_json::from_slice(&run(&["--max-findings", "10"])).expect("json");
    assert_eq!(limited["summary"], report["summary"]);
}

/// Typed date cells of a workbook are keys as the check writes them (`dd/mm/yyyy` where the
/// standard asks for UK dates), on both sides of a reference, and in the finding.
#[test]
fn typed_dates_in_keys_read_alike_on_both_sides() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = common::scratch();
    std::fs::write(
        dir.join("visits.standard.json"),
        r#"{
  "conform": 1, "id": "visits", "version": "1", "title": "Visits",
  "tables": {
    "day": {
      "schema": {"type": "object", "properties": {
        "site": {"type": "string"}, "date": {"type": "string", "format": "uk-date"}}},
      "primaryKey": ["site", "date"]
    },
    "visit": {
      "schema": {"type": "object", "properties": {
        "id": {"type": "string"}, "site": {"type": "string"},
        "date": {"type": "string", "format": "uk-date"}}},
      "primaryKey": ["id"],
      "foreignKeys": [
        {"columns": ["site", "date"], "reference": {"table": "day", "columns": ["site", "date"]}}
      ]
    }
  }
}"#,
    )
    .expect("standard");
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let day = |d: u8| ExcelDateTime::from_ymd(2024, 3, d).expect("a date");
    {
        let sheet = workbook.add_worksheet().set_name("day").expect("name");
        sheet.write_string(0, 0, "site").expect("cell");
        sheet.write_string(0, 1, "date").expect("cell");
        for (row, d) in [(1, 1), (2, 3)] {
            sheet.write_string(row, 0, "North").expect("cell");
            sheet
                .write_datetime_with_format(row, 1, day(d), &date)
                .expect("cell");
        }
    }
    {
        let sheet = workbook.add_worksheet().set_name("visit").expect("name");
        for (column, name) in ["id", "site", "date"].iter().enumerate() {
            sheet.write_string(0, column as u16, *name).expect("cell");
        }
        for (row, d) in [(1, 1), (2, 2), (3, 3)] {
            sheet.write_string(row, 0, format!("V{row}")).expect("cell");
            sheet.write_string(row, 1, "North").expect("cell");
            sheet
                .write_datetime_with_format(row, 2, day(d), &date)
                .expect("cell");
        }
    }
    workbook.save(dir.join("visits.xlsx")).expect("workbook");
    let output = common::conform()
        .current_dir(&dir)
        .args([
            "check",
            "visits.xlsx",
            "-s",
            "visits.standard.json",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let found: Vec<(u64, String)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["findings"].as_array().cloned().unwrap_or_default())
        .filter(|f| f["code"] == "foreign-key")
        .map(|f| {
            (
                f["row"].as_u64().expect("a row"),
                f["value"].as_str().expect("a value").to_string(),
            )
        })
        .collect();
    assert_eq!(found, [(2, "North, 02/03/2024".to_string())], "{report}");
}

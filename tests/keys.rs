//! Uniqueness over files of many chunks: the findings match a plain model of the rule, for short
//! values (held whole) and long ones (fingerprinted, then compared on a second reading), with
//! records that span lines.

mod common;

use std::collections::HashMap;

const STANDARD: &str = r#"{ "conform": 1, "id": "keys", "version": "1", "title": "Keys",
  "publisher": "conform tests", "licence": "MIT",
  "tables": { "items": {
    "schema": { "type": "object", "properties": {
      "Id": { "type": "string" }, "Name": { "type": "string" }, "Note": { "type": "string" } } },
    "primaryKey": ["Id"], "uniqueKeys": [["Name", "Note"]] } } }"#;

/// Rows of (Id, Name, Note): ids short or long, some repeated, some notes over two lines.
fn rows(count: usize) -> Vec<[String; 3]> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|i| {
            let r = next();
            // One row in 500 reuses an earlier row's id.
            let n = if r % 500 == 0 && i > 0 {
                r as usize / 500 % i
            } else {
                i
            };
            let id = if n % 3 == 0 {
                format!("{n}")
            } else {
                format!("ORGANISATION-{n:08}-GRANT")
            };
            let note = if r % 97 == 0 {
                format!("first line\nsecond {}", r % 50)
            } else {
                format!("note {}", r % 100_000)
            };
            [id, format!("name {}", r % 1000), note]
        })
        .collect()
}

/// The findings the rule asks for: (row, message start), from maps of first appearances.
fn expected(rows: &[[String; 3]], lines: &[u64]) -> Vec<(u64, String)> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    let mut found = Vec::new();
    for (i, [id, name, note]) in rows.iter().enumerate() {
        let row = i as u64 + 1;
        match ids.get(id.as_str()) {
            Some(&first) => found.push((
                row,
                format!(
                    "`{id}` in `Id` repeats: it first appeared in row {} (line {})",
                    first + 1,
                    lines[first]
                ),
            )),
            None => {
                ids.insert(id, i);
            }
        }
        match pairs.get(&(name.as_str(), note.as_str())) {
            Some(&first) => found.push((
                row,
                format!(
                    "the combination (Name, Note) = ({name}, {note}) repeats: it first appeared in row {} (line {})",
                    first + 1,
                    lines[first]
                ),
            )),
            None => {
                pairs.insert((name, note), i);
            }
        }
    }
    found.sort();
    found
}

fn found(dir: &std::path::Path, file: &str) -> Vec<(u64, String)> {
    let output = common::conform()
        .current_dir(dir)
        .args([
            "check",
            file,
            "-s",
            "keys.json",
            "--format",
            "jsonl",
            "--jobs",
            "2",
        ])
        .output()
        .expect("runs");
    let mut found: Vec<(u64, String)> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("json line"))
        .filter(|f| f["code"] == "primary-key" || f["code"] == "unique")
        .map(|f| {
            let message = f["message"].as_str().unwrap_or_default();
            let cut = message.find("; ").unwrap_or(message.len());
            (f["row"].as_u64().unwrap_or(0), message[..cut].to_string())
        })
        .collect();
    found.sort();
    found
}

#[test]
fn duplicates_over_many_chunks_match_the_rule() {
    let dir = common::scratch();
    std::fs::write(dir.join("keys.json"), STANDARD).expect("standard");
    let rows = rows(60_000);
    let mut csv = String::from("Id,Name,Note\n");
    let mut lines = Vec::new();
    let mut line = 2;
    for [id, name, note] in &rows {
        lines.push(line);
        line += 1 + note.matches('\n').count() as u64;
        csv.push_str(&format!("{id},{name},\"{note}\"\n"));
    }
    std::fs::write(dir.join("items.csv"), &csv).expect("csv");
    let want = expected(&rows, &lines);
    assert!(
        want.len() > 100,
        "the data should repeat keys: {}",
        want.len()
    );
    assert_eq!(found(&dir, "items.csv"), want);

    // The same rows as JSON Lines, one row a line: lines are rows + 0.
    let jsonl: String = rows
        .iter()
        .map(|[id, name, note]| {
            serde_json::json!({ "Id": id, "Name": name, "Note": note }).to_string() + "\n"
        })
        .collect();
    std::fs::write(dir.join("items.jsonl"), jsonl).expect("jsonl");
    let lines: Vec<u64> = (1..=rows.len() as u64).collect();
    assert_eq!(found(&dir, "items.jsonl"), expected(&rows, &lines));
}

#[test]
fn a_partial_result_keeps_duplicates_of_long_values_as_of_short_ones() {
    let dir = common::scratch();
    std::fs::write(dir.join("keys.json"), STANDARD).expect("standard");
    // Row 2 repeats a long id (fingerprinted); rows 3-30 each have a cell too many, so that the
    // limit is reached while the file is read.
    let mut csv =
        String::from("Id,Name,Note\nORGANISATION-0001-GRANT,a,1\nORGANISATION-0001-GRANT,b,2\n");
    for n in 3..=30 {
        csv.push_str(&format!("id{n},n{n},{n},extra\n"));
    }
    std::fs::write(dir.join("items.csv"), &csv).expect("csv");
    let output = common::conform()
        .current_dir(&dir)
        .args([
            "check",
            "items.csv",
            "-s",
            "keys.json",
            "--format",
            "jsonl",
            "--max-findings",
            "3",
        ])
        .output()
        .expect("runs");
    let found: Vec<(u64, String)> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("json line"))
        .map(|f| {
            (
                f["row"].as_u64().unwrap_or(0),
                f["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let want: Vec<(u64, String)> = [(2, "primary-key"), (3, "extra-cell"), (4, "extra-cell")]
        .iter()
        .map(|(row, code)| (*row, code.to_string()))
        .collect();
    assert_eq!(found, want, "the first three findings in row order");
}

#[test]
fn formula_errors_in_a_key_are_not_duplicates_and_other_keys_still_count() {
    // `#N/A` in the unique `Reference` of rows 2 and 3, which also repeat (Recipient, Award date).
    let output = common::conform()
        .args([
            "check",
            "fixtures/checks/key-errors.xlsx",
            "--standard",
            "fixtures/checks/standard.json",
            "--format",
            "json",
            "--no-progress",
        ])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let found: Vec<(String, u64, String)> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_string(),
                f["row"].as_u64().unwrap_or_default(),
                f["column"]["name"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expected = [
        ("cell-error", 2, "Reference"),
        ("cell-error", 3, "Reference"),
        ("unique", 3, "Recipient"),
    ]
    .map(|(code, row, column)| (code.to_string(), row, column.to_string()));
    assert_eq!(found, expected);
}

//! Whatever arrives, conform does not panic or hang, and gives a clear finding or error with the
//! right exit code (SPEC section 10).

mod common;

use std::path::PathBuf;

const CHECKS: &str = "fixtures/checks/standard.json";
const HEADER: &str = "Id,Reference,Recipient,Award date,Amount,Category,Council,Region,Postcode,Schema version,Status,Closed date";

use common::scratch_file as temp;

/// Runs a check and returns the exit code and the JSON report (when there is one).
fn check(path: &std::path::Path, standard: &str) -> (i32, Option<serde_json::Value>, String) {
    let output = common::conform()
        .args([
            "check",
            &path.to_string_lossy(),
            "-s",
            standard,
            "--format",
            "json",
        ])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("runs");
    let report = serde_json::from_slice(&output.stdout).ok();
    (
        output.status.code().unwrap_or(-1),
        report,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["files"][0]["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(|x| x["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn empty_and_header_only_files() {
    for (name, bytes) in [
        ("empty.csv", &b""[..]),
        ("newlines.csv", b"\n\n\n"),
        ("header.csv", format!("{HEADER}\n").as_bytes()),
    ] {
        let (code, report, err) = check(&temp(name, bytes), CHECKS);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(
            codes(&report.expect("json")).contains(&"empty-file".to_string()),
            "{name}"
        );
    }
}

#[test]
fn broken_workbooks_archives_and_binaries_named_csv() {
    // Each is read as what its content is, and what is broken in it is said plainly.
    for (name, bytes, expected) in [
        (
            "old.csv",
            &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..],
            &["input", "parse-error"][..],
        ),
        (
            "packed.csv",
            b"\x1F\x8B\x08\x00\x00\x00\x00\x00",
            &["parse-error"],
        ),
        (
            "nul.csv",
            b"Id,Reference\n1,\x00\x00\x00\n",
            &["encoding-error"],
        ),
        ("scan.csv", b"%PDF-1.7 ...", &["encoding-error"]),
    ] {
        let (code, report, err) = check(&temp(name, bytes), CHECKS);
        assert_eq!(code, 1, "{name}: {err}");
        assert_eq!(codes(&report.expect("json")), expected, "{name}");
    }
    // An archive that cannot be opened stops the run: its members are unknown.
    let (code, _, err) = check(
        &temp("book.csv", b"PK\x03\x04\x14\x00\x06\x00rest of a zip"),
        CHECKS,
    );
    assert_eq!(code, 2);
    assert!(err.contains("the zip archive cannot be read"), "{err}");
}

#[test]
fn invalid_utf8_deep_in_a_large_file_is_found_at_its_line() {
    let mut text = format!("{HEADER}\n").into_bytes();
    for i in 1..=50_000 {
        text.extend_from_slice(
            format!(
                "{i},GR-{:04},Acme Trust,2025-04-01,10,Housing,E10000008,London,EX2 4QD,1,open,\n",
                i % 10000
            )
            .as_bytes(),
        );
    }
    text.extend_from_slice(
        b"50001,GR-0001,Caf\xE9,2025-04-01,10,Housing,E10000008,London,EX2 4QD,1,open,\n",
    );
    let (_, report, _) = check(&temp("late.csv", &text), CHECKS);
    let report = report.expect("json");
    let encoding = report["files"][0]["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|x| x["code"] == "encoding"))
        .expect("an encoding finding");
    assert_eq!(encoding["line"], 50_002);
    assert!(encoding["message"]
        .as_str()
        .is_some_and(|m| m.contains("column 18") && m.contains("é")));
}

#[test]
fn a_huge_cell_and_a_huge_header() {
    let cell = "x".repeat(20 * 1024 * 1024);
    let text = format!(
        "{HEADER}\n1,GR-0001,\"{cell}\",2025-04-01,10,Housing,E10000008,London,EX2 4QD,1,open,\n"
    );
    let (code, report, err) = check(&temp("huge-cell.csv", text.as_bytes()), CHECKS);
    assert_eq!(code, 1, "{err}");
    let report = report.expect("json");
    // A row over the 16 MiB limit is skipped, said once, and never echoed.
    let finding = &report["files"][0]["findings"][0];
    assert_eq!(finding["code"], "parse-error");
    assert_eq!(finding["line"], 2);
    assert!(finding["message"]
        .as_str()
        .is_some_and(|m| m.contains("over conform's limit of 16 MiB")));
    assert!(report.to_string().len() < 10_000);

    let wide: Vec<String> = (0..200_000).map(|i| format!("c{i}")).collect();
    let text = format!("{}\n{}\n", wide.join(","), vec!["1"; 200_000].join(","));
    let (code, report, err) = check(&temp("wide.csv", text.as_bytes()), CHECKS);
    assert_eq!(code, 1, "{err}");
    let report = report.expect("json");
    assert!(codes(&report).contains(&"missing-column".to_string()));
    // Excel's 16,384 columns are read; the rest are said to be left out.
    assert_eq!(report["files"][0]["columns"], 16_384);
    assert!(findings(&report).iter().any(|f| f["code"] == "parse-error"
        && f["message"]
            .as_str()
            .is_some_and(|m| m.contains("200,000 cells"))));
}

#[test]
fn an_unterminated_quote_is_a_parse_error_at_its_record() {
    let text = format!("{HEADER}\n1,GR-0001,Acme Trust,2025-04-01,10,Housing,E10000008,London,EX2 4QD,1,open,\n2,GR-0002,\"Never closed,2025-04-01\n3,GR-0003\n");
    let (code, report, _) = check(&temp("open-quote.csv", text.as_bytes()), CHECKS);
    assert_eq!(code, 1);
    let report = report.expect("json");
    let parse = report["files"][0]["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|x| x["code"] == "parse-error"))
        .expect("a parse error");
    assert_eq!(parse["line"], 3);
}

#[test]
fn a_ref_loop_in_a_standard_does_not_hang() {
    let standard = temp(
        "loop.schema.json",
        br##"{ "$defs": { "a": { "$ref": "#/$defs/b" }, "b": { "$ref": "#/$defs/a" } },
             "properties": { "Id": { "$ref": "#/$defs/a" } } }"##,
    );
    let data = temp("loop.csv", b"Id\n1\n");
    let (code, _, err) = check(&data, &standard.to_string_lossy());
    // Refused before any file is read, the loop named.
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("references that only lead to each other"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_directory_or_unreadable_path_is_exit_2() {
    let (code, _, err) = check(&PathBuf::from("fixtures/no/such.csv"), CHECKS);
    assert_eq!(code, 2, "{err}");
}

/// The findings of the first file of a report.
fn findings(report: &serde_json::Value) -> Vec<serde_json::Value> {
    report["files"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_stray_quote_costs_one_row_and_is_named_where_it_is() {
    // Issue 11, defect 2: csv readers (Python's, frictionless) read three rows of two cells.
    let row = "Housing,E10000008,London,EX2 4QD,1,open,";
    let text = format!(
        "{HEADER}\n1,GR-0001,\"Acme \"Trust\" Ltd\",2025-04-01,10,{row}\n2,GR-0002,\"Two\nlines\",2025-04-01,10,{row}\n3,GR-0003,Plain,2025-04-01,10,{row}\n"
    );
    let (code, report, err) = check(&temp("stray.csv", text.as_bytes()), CHECKS);
    assert_eq!(code, 1, "{err}");
    let report = report.expect("json");
    assert_eq!(report["files"][0]["rows"], 3);
    let found = findings(&report);
    let lines: Vec<_> = found
        .iter()
        .map(|f| (f["code"].clone(), f["line"].clone()))
        .collect();
    assert_eq!(
        lines,
        [(serde_json::json!("parse-error"), serde_json::json!(2))],
        "{found:?}"
    );
}

/// A quote that shifts the row's cells (a quoted cell that runs over a delimiter, then text
/// after its close) is the cause alone: the shifted cells are not checked and echoed.
#[test]
fn a_quote_that_shifts_cells_is_the_only_finding_of_its_row() {
    let row = "Housing,E10000008,London,EX2 4QD,1,open,";
    let text = format!(
        "{HEADER}\n1,GR-0001,\"Acme,2025-04-01\"x,10,{row}\n2,GR-0002,Plain,2025-04-01,10,{row}\n"
    );
    let (code, report, err) = check(&temp("shifted.csv", text.as_bytes()), CHECKS);
    assert_eq!(code, 1, "{err}");
    let report = report.expect("json");
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "parse-error");
    let message = found[0]["message"].as_str().unwrap_or("");
    assert!(message.contains("its cells were not checked"), "{message}");
}

#[test]
fn a_header_too_long_to_read_is_said_once() {
    let text = "x,".repeat(9 << 20);
    let (code, report, err) = check(&temp("long-header.csv", text.as_bytes()), CHECKS);
    assert_eq!(code, 1, "{err}");
    let report = report.expect("json");
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "parse-error");
    assert_eq!(found[0]["line"], 1);
    assert!(report.to_string().len() < 10_000);
}

#[test]
fn excel_sep_line_is_honoured() {
    let text = format!(
        "sep=;\n{}\n1;GR-0001;Acme Trust;2025-04-01;1500,50;Housing;E10000008;South West;EX2 4QD;1;open;\n",
        HEADER.replace(',', ";")
    );
    let (_, report, err) = check(&temp("sep.csv", text.as_bytes()), CHECKS);
    let report = report.expect("json");
    let found = findings(&report);
    // Only the decimal comma is wrong; the header is found on line 2.
    assert!(
        found
            .iter()
            .all(|f| f["line"] == 3 && f["column"]["name"] == "Amount"),
        "{err} {found:?}"
    );
}

/// UTF-16 with no byte order mark, in either byte order, is read as UTF-16 and said, not refused
/// as binary for its zero bytes.
#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let text = std::fs::read_to_string("fixtures/checks/valid.csv").expect("fixture");
    for (name, big_endian, label) in [("be.csv", true, "UTF-16BE"), ("le.csv", false, "UTF-16LE")] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect();
        let (code, report, err) = check(&temp(name, &bytes), CHECKS);
        let report = report.unwrap_or_else(|| panic!("{name}: {err}"));
        assert_eq!(code, 1, "{name}: {report}");
        assert_eq!(codes(&report), ["encoding"], "{name}");
        let message = report["files"][0]["findings"][0]["message"]
            .as_str()
            .unwrap_or("");
        assert!(message.contains(label), "{name}: {message}");
        assert_eq!(report["files"][0]["rows"], 3, "{name}");
    }
}

/// A row finding shows its record, labelled with its row, in the human report, whatever the
/// line ends (a file of lone carriage returns, as old Mac programs write, included).
#[test]
fn row_findings_show_their_record_even_with_carriage_returns() {
    let text = std::fs::read_to_string("fixtures/checks/valid.csv").expect("fixture");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(2, ",,,,,,,,,,,");
    for (name, end) in [("blank-lf.csv", "\n"), ("blank-cr.csv", "\r")] {
        let path = temp(name, (lines.join(end) + end).as_bytes());
        let output = common::conform()
            .args(["check", &path.to_string_lossy(), "-s", CHECKS])
            .output()
            .expect("runs");
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(out.contains(&format!("{name}:3:1]")), "{name}:\n{out}");
        assert!(out.contains("╰── row 2"), "{name}:\n{out}");
        assert!(out.contains(": 4 rows, 12 columns,"), "{name}:\n{out}");
    }
}

/// A standard nested deeper than serde_json reads is said to be too deep, not "not valid JSON".
#[test]
fn a_standard_nested_too_deep_is_said_so() {
    let mut schema = String::from(r#"{"type": "string"}"#);
    for _ in 0..130 {
        schema = format!(r#"{{"allOf": [{schema}]}}"#);
    }
    let text = format!(
        r#"{{"conform": 1, "id": "deep", "version": "1", "title": "Deep", "tables": {{"t": {{"schema": {{"type": "object", "properties": {{"A": {schema}}}}}}}}}}}"#
    );
    let path = temp("deep.standard.json", text.as_bytes());
    let (code, _, err) = common::run(&["standards", "lint", &path.to_string_lossy()]);
    assert_eq!(code, 1, "{err}");
    let (_, out, _) = common::run(&["standards", "lint", &path.to_string_lossy()]);
    let said = format!("{out}{err}");
    assert!(said.contains("more than 128 levels deep"), "{said}");
    assert!(!said.contains("not valid JSON"), "{said}");
}

/// JSON Lines rows that are valid syntax but cannot be read as values each get a finding at
/// their line, and nothing else is lost: a row nested 128 levels deep (one level within the limit
/// reads), a key with a lone surrogate, a value that is not UTF-8.
#[test]
fn json_lines_rows_that_cannot_be_read_are_said_so() {
    let standard = temp(
        "rows.standard.json",
        br#"{"conform": 1, "id": "rows", "version": "1", "title": "Rows", "tables": {"t": {"schema": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}}}}"#,
    );
    let nested = |levels: usize| {
        format!(
            r#"{{"a": "x", "b": {}{}}}"#,
            "[".repeat(levels),
            "]".repeat(levels)
        )
    };
    let mut text = Vec::new();
    text.extend_from_slice(br#"{"a": "ok", "b": "ok"}"#);
    text.push(b'\n');
    text.extend_from_slice(nested(127).as_bytes()); // 128 levels with the row: too deep
    text.push(b'\n');
    text.extend_from_slice(nested(126).as_bytes()); // 127 levels: read
    text.push(b'\n');
    text.extend_from_slice(br#"{"a\ud800": "x", "b": "y"}"#);
    text.push(b'\n');
    text.extend_from_slice(b"{\"a\": \"\xFF\", \"b\": \"y\"}\n");
    let file = temp("rows.jsonl", &text);
    let (code, out, err) = common::run(&[
        "check",
        &file.to_string_lossy(),
        "--standard",
        &standard.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("a JSON report");
    let findings = report["files"][0]["findings"].as_array().expect("findings");
    let unreadable: Vec<(u64, String)> = findings
        .iter()
        .filter(|f| f["code"] == "parse-error")
        .map(|f| {
            (
                f["line"].as_u64().unwrap_or(0),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(unreadable.len(), 3, "{unreadable:?}");
    assert_eq!(unreadable[0].0, 2, "{unreadable:?}");
    assert!(
        unreadable[0].1.contains("more than 128 levels deep"),
        "{unreadable:?}"
    );
    assert_eq!(unreadable[1].0, 4, "{unreadable:?}");
    assert_eq!(unreadable[2].0, 5, "{unreadable:?}");
    assert!(
        unreadable[1..]
            .iter()
            .all(|(_, m)| m.contains("cannot be read")),
        "{unreadable:?}"
    );
    assert_eq!(report["files"][0]["rows"], 5, "{out}");
}

/// SPEC section 10's list, case by case: each gets its finding or error and its exit code, with
/// no panic, within a minute. (Other tests in this file look at each case more closely.)
#[test]
fn spec_section_10_cases() {
    let big_cell = {
        let mut text = format!("{HEADER}\n1,GR-0001,").into_bytes();
        text.resize(text.len() + (100 << 20), b'x');
        text.extend_from_slice(b",2025-04-01,10,Housing,E10000008,London,EX2 4QD,1,open,\n");
        text
    };
    let million_columns = {
        let mut text = "c,".repeat(1_000_000).into_bytes();
        text.extend_from_slice(b"\n");
        text
    };
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut late_byte = format!("{HEADER}\n").into_bytes();
    for i in 1..=20_000 {
        late_byte.extend_from_slice(
            format!("{i},GR-0001,Acme,2025-04-01,10,Housing,E10000008,London,EX2 4QD,1,open,\n")
                .as_bytes(),
        );
    }
    late_byte.extend_from_slice(
        b"20001,GR-0001,Caf\xE9,2025-04-01,10,Housing,E10000008,London,EX2 4QD,1,open,\n",
    );
    let folder = common::scratch();
    let data = |name: &str, bytes: &[u8]| {
        let path = folder.join(name);
        std::fs::write(&path, bytes).expect("a scratch file");
        path.to_string_lossy().into_owned()
    };
    // (case, file, standard, exit code, words the report or error must hold)
    let cases: Vec<(&str, String, &str, i32, &str)> = vec![
        (
            "empty file",
            data("s10-empty.csv", b""),
            CHECKS,
            1,
            "empty-file",
        ),
        (
            "header only",
            data("s10-header.csv", format!("{HEADER}\n").as_bytes()),
            CHECKS,
            1,
            "empty-file",
        ),
        (
            "binary named .csv",
            data("s10-image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            CHECKS,
            1,
            "it is an image",
        ),
        (
            "compressed named .csv",
            data("s10-packed.csv", b"\x1F\x8B\x08\x00\x00\x00\x00\x00"),
            CHECKS,
            1,
            "parse-error",
        ),
        (
            "invalid UTF-8 late in a large file",
            data("s10-late.csv", &late_byte),
            CHECKS,
            1,
            "line 20002",
        ),
        (
            "a 100 MB cell",
            data("s10-cell.csv", &big_cell),
            CHECKS,
            1,
            "parse-error",
        ),
        (
            "an unterminated quote",
            data(
                "s10-quote.csv",
                format!("{HEADER}\n1,\"GR-0001,Acme\n").as_bytes(),
            ),
            CHECKS,
            1,
            "parse-error",
        ),
        (
            "a million columns",
            data("s10-wide.csv", &million_columns),
            CHECKS,
            1,
            "16,384",
        ),
        (
            "JSON nested 100,000 deep",
            data("s10-deep.json", deep_json.as_bytes()),
            CHECKS,
            1,
            "holds no table",
        ),
        (
            "a zip that expands to gigabytes",
            "fixtures/formats/bomb.zip".into(),
            "spend-over-500",
            2,
            "zip bomb",
        ),
        (
            "a standard with an invalid regex",
            "fixtures/checks/valid.csv".into(),
            "fixtures/standards/bad/bad-regex.json",
            2,
            "bad-regex.json",
        ),
        (
            "a $ref loop",
            "fixtures/checks/valid.csv".into(),
            "fixtures/standards/bad/ref-loop.json",
            2,
            "only lead to each other",
        ),
        (
            "a $ref to a URL",
            "fixtures/checks/valid.csv".into(),
            "fixtures/standards/bad/remote-ref.json",
            2,
            "never fetches",
        ),
        (
            "a missing code list",
            "fixtures/checks/valid.csv".into(),
            "fixtures/standards/bad/missing-codelist.json",
            2,
            "missing-codelist.json",
        ),
    ];
    for (case, path, standard, expected, words) in cases {
        let output = common::conform()
            .args(["check", &path, "-s", standard, "--format", "jsonl"])
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .expect("runs");
        let (code, out, err) = common::outcome(output);
        assert_eq!(code, expected, "{case}:\n{out}\n{err}");
        assert!(!err.contains("panicked"), "{case}: {err}");
        assert!(
            out.contains(words) || err.contains(words),
            "{case}: no `{words}` in\n{}\n{err}",
            out.chars().take(2000).collect::<String>()
        );
    }
}

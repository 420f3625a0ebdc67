//! Generated documentation is committed and must not go stale: `UPDATE_DOCS=1 cargo test --test
//! docs` writes it again.

#[test]
fn codes_page_is_current() {
    let expected = conform::explain::markdown();
    let path = "docs/codes.md";
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).expect("writes docs/codes.md");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/codes.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn standards_pages_are_current() {
    let list = conform::describe::list_json().expect("the catalogue loads");
    let list: serde_json::Value = serde_json::from_str(&list).expect("json");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    for item in list.as_array().expect("list") {
        let id = item["id"].as_str().expect("id");
        let standard = conform::standard::Standard::load(id).expect("built-in");
        let expected = conform::describe::markdown(&standard);
        let path = format!("docs/standards/{id}.md");
        if update {
            std::fs::create_dir_all("docs/standards").expect("folder");
            std::fs::write(&path, &expected).expect("writes the page");
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != expected {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn readme_code_table_is_current() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let expected = conform::explain::readme_table();
    let start = readme.find(conform::explain::README_TABLE_START);
    let end = readme.find(conform::explain::README_TABLE_END);
    let current = match (start, end) {
        (Some(s), Some(e)) => &readme[s..e + conform::explain::README_TABLE_END.len()],
        _ => readme
            .find("@@TABLE@@")
            .map(|at| &readme[at..at + "@@TABLE@@".len()])
            .unwrap_or(""),
    };
    if current != expected && std::env::var_os("UPDATE_DOCS").is_some() && !current.is_empty() {
        std::fs::write("README.md", readme.replacen(current, &expected, 1)).expect("writes");
        return;
    }
    assert!(
        current == expected,
        "README.md's code table is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn the_report_schema_lists_every_code() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("docs/report-v1.schema.json").expect("the report schema"),
    )
    .expect("json");
    let listed: Vec<&str> = schema["$defs"]["code"]["enum"]
        .as_array()
        .expect("an enum of codes")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    let codes: Vec<&str> = conform::finding::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        listed, codes,
        "docs/report-v1.schema.json must list the codes of src/finding/codes.rs, in order"
    );
}

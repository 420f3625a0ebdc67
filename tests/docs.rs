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

//! The README's console examples are real: each block without an ellipsis is run and compared.

mod common;

#[test]
fn readme_examples_are_true() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or("");
        let Some((command, expected)) = block.split_once('\n') else {
            continue;
        };
        let Some(args) = command.strip_prefix("$ conform ") else {
            continue;
        };
        if expected.contains("\n        ...") || expected.lines().any(|l| l.trim() == "...") {
            continue;
        }
        let output = common::conform()
            .args(args.split_whitespace())
            .env_remove("NO_COLOR")
            .output()
            .expect("runs");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            expected,
            "README example `{command}` is out of date"
        );
        checked += 1;
    }
    assert!(checked >= 2, "only {checked} README examples checked");
}

//! Real published council files through their standard: the finding counts per code are recorded
//! in a snapshot, so that any change in what conform reports on real data is seen and reviewed.

use assert_cmd::Command;

fn summary(standard: &str, folder: &str) -> String {
    let output = Command::cargo_bin("conform")
        .expect("the binary is built")
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

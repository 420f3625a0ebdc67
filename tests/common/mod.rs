//! The one way integration tests start conform: the built binary, with the environment that
//! changes its output (colour, width, CI summaries, the language) cleared.

#![allow(dead_code)]

use assert_cmd::Command;

/// The conform binary, ready for arguments.
pub fn conform() -> Command {
    let mut cmd = Command::cargo_bin("conform").expect("the binary is built");
    cmd.env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("CI")
        // `LANG=cy_GB` would make the reports Welsh.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

/// Exit code, standard output and standard error of a finished command.
pub fn outcome(output: std::process::Output) -> (i32, String, String) {
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs conform with `args`.
pub fn run(args: &[&str]) -> (i32, String, String) {
    outcome(conform().args(args).output().expect("runs"))
}

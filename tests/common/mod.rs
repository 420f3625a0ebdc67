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

/// A folder for one test's files, removed with everything in it when the value is dropped, pass
/// or fail. Tests once left their files behind in the system's temporary folder, a few hundred
/// megabytes a run, until the disk filled.
pub struct Scratch(tempfile::TempDir);

/// A new, empty scratch folder.
pub fn scratch() -> Scratch {
    Scratch(
        tempfile::Builder::new()
            .prefix("conform-test-")
            .tempdir()
            .expect("a scratch folder"),
    )
}

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::ffi::OsStr> for Scratch {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.path().as_os_str()
    }
}

/// One file written into a scratch folder of its own, which goes when the value is dropped.
pub struct ScratchFile {
    path: std::path::PathBuf,
    _folder: Scratch,
}

/// Writes `bytes` to a file named `name` in a new scratch folder.
pub fn scratch_file(name: &str, bytes: &[u8]) -> ScratchFile {
    let folder = scratch();
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("a scratch file");
    ScratchFile {
        path,
        _folder: folder,
    }
}

impl std::ops::Deref for ScratchFile {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.path
    }
}

impl AsRef<std::path::Path> for ScratchFile {
    fn as_ref(&self) -> &std::path::Path {
        &self.path
    }
}

impl AsRef<std::ffi::OsStr> for ScratchFile {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.path.as_os_str()
    }
}

//! A run through the library, with no process: a request in, findings out through a reporter of
//! our own.

use conform::check::FileReport;
use conform::finding::Code;
use conform::report::{Reporter, RunReport};
use conform::run::{self, ConfigSource, Request, RunError, Unwatched};

/// Keeps what it is told, in order.
#[derive(Default)]
struct Collect {
    events: Vec<String>,
    codes: Vec<(Code, Option<u64>)>,
}

impl Reporter for Collect {
    fn begin(&mut self) -> std::io::Result<()> {
        self.events.push("begin".into());
        Ok(())
    }

    fn file(&mut self, file: &FileReport) -> std::io::Result<()> {
        self.events.push(format!("file {}", file.path));
        self.codes
            .extend(file.findings.iter().map(|f| (f.code, f.row)));
        Ok(())
    }

    fn finish(&mut self, run: &RunReport) -> std::io::Result<()> {
        self.events.push(format!(
            "finish {} passes={}",
            run.files.len(),
            run.passes()
        ));
        Ok(())
    }
}

fn request(paths: &[&str], standard: &str) -> Request {
    Request {
        paths: paths.iter().map(|p| p.to_string()).collect(),
        standard: Some(standard.into()),
        config: ConfigSource::None,
        ..Request::default()
    }
}

#[test]
fn a_custom_reporter_receives_every_finding() {
    let mut reporter = Collect::default();
    let outcome = run::run(
        &request(
            &["fixtures/checks/type.csv"],
            "fixtures/checks/standard.json",
        ),
        &mut reporter,
        &Unwatched,
    )
    .expect("the run completes");
    assert_eq!(outcome.exit_code(), 1);
    assert_eq!(
        reporter.events,
        [
            "begin",
            "file fixtures/checks/type.csv",
            "finish 1 passes=false"
        ]
    );
    assert!(
        reporter
            .codes
            .iter()
            .any(|(code, row)| *code == Code::Type && row.is_some()),
        "{:?}",
        reporter.codes
    );
}

#[test]
fn a_valid_file_passes_and_several_files_arrive_in_order() {
    let mut reporter = Collect::default();
    let outcome = run::run(
        &request(
            &[
                "fixtures/spend-over-500/valid.csv",
                "fixtures/spend-over-500/invalid.csv",
            ],
            "spend-over-500",
        ),
        &mut reporter,
        &Unwatched,
    )
    .expect("the run completes");
    assert_eq!(outcome.exit_code(), 1);
    assert_eq!(reporter.events[1], "file fixtures/spend-over-500/valid.csv");
    assert_eq!(
        reporter.events[2],
        "file fixtures/spend-over-500/invalid.csv"
    );
}

#[test]
fn an_unusable_standard_is_an_error_not_a_report() {
    let mut reporter = Collect::default();
    let error = run::run(
        &request(&["fixtures/checks/type.csv"], "no-such-standard"),
        &mut reporter,
        &Unwatched,
    )
    .expect_err("an unknown standard stops the run");
    assert!(matches!(error, RunError::Standard(_)), "{error}");
    assert!(reporter.events.is_empty(), "{:?}", reporter.events);
}

#[test]
fn bytes_handed_over_in_memory_give_the_findings_of_the_file() {
    let path = "fixtures/checks/type.csv";
    let mut from_file = Collect::default();
    run::run(
        &request(&[path], "fixtures/checks/standard.json"),
        &mut from_file,
        &Unwatched,
    )
    .expect("the run completes");
    let bytes = std::fs::read(path).expect("the fixture is there");
    let mut from_memory = Collect::default();
    let outcome = run::run(
        &Request {
            inputs: vec![conform::read::Input::Memory {
                name: "type.csv".into(),
                bytes: std::sync::Arc::new(bytes),
            }],
            ..request(&[], "fixtures/checks/standard.json")
        },
        &mut from_memory,
        &Unwatched,
    )
    .expect("the run completes");
    assert_eq!(outcome.exit_code(), 1);
    assert_eq!(from_memory.events[1], "file type.csv");
    assert!(!from_file.codes.is_empty());
    assert_eq!(from_memory.codes, from_file.codes);
}

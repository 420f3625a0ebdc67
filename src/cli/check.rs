//! `conform check`: the arguments turned into the library's request, a reporter for the format,
//! progress bars on a terminal, and the outcome as an exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use conform::check;
use conform::finding::Code;
use conform::read::detect::Kind;
use conform::read::{self, Input};
use conform::report::{self, output::Output, Format, ReportOptions};
use conform::run::{self, ConfigSource, Request, Watcher};

use super::{CheckArgs, ColorChoice, Fatal};

pub(super) fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("use one of: {}", names.join(", "))
    })
}

/// `--encoding LABEL`, as encoding_rs names encodings.
pub(super) fn parse_encoding(
    label: Option<&str>,
) -> Result<Option<&'static encoding_rs::Encoding>, Fatal> {
    label
        .map(|label| {
            read::encoding_for_label(label).ok_or_else(|| {
                Fatal(format!(
                    "error: --encoding {label}: unknown encoding (try utf-8, windows-1252, utf-16le)"
                ))
            })
        })
        .transpose()
}

pub(super) fn parse_delimiter(text: &str) -> Result<u8, Fatal> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        other => Err(Fatal(format!(
            "error: --delimiter takes one character (or `tab`), not `{other}`"
        ))),
    }
}

/// The library's request from the command line's arguments.
fn request(args: &CheckArgs) -> Result<Request, Fatal> {
    let mut ignore = Vec::new();
    for name in &args.ignore {
        ignore.push(Code::parse(name).ok_or_else(|| {
            Fatal(format!(
                "error: --ignore {name}: not a finding code (`conform explain` lists them)"
            ))
        })?);
    }
    let encoding = super::check::parse_encoding(args.encoding.as_deref())?;
    Ok(Request {
        paths: args.paths.clone(),
        inputs: Vec::new(),
        config: match &args.config {
            Some(path) => ConfigSource::File(path.clone()),
            None => ConfigSource::Search,
        },
        standard: args.standard.clone(),
        table: args.table.clone(),
        ignore,
        encoding,
        delimiter: args.delimiter.as_deref().map(parse_delimiter).transpose()?,
        max_findings: (args.max_findings > 0).then_some(args.max_findings),
        jobs: args.jobs,
        strict: args.strict,
        output: args.output.clone(),
        also_written: github_summary()
            .map(|path| ("GITHUB_STEP_SUMMARY".to_string(), path))
            .into_iter()
            .collect(),
        sheet: args.sheet.clone(),
        input_format: match &args.input_format {
            Some(name) => Some(Kind::parse(name).ok_or_else(|| {
                Fatal(format!(
                    "error: --input-format {name}: use csv, xlsx, xlsb, xls, ods, json, jsonl, geojson, parquet or arrow"
                ))
            })?),
            None => None,
        },
        lang: super::parse_lang(args.lang.as_deref())?,
    })
}

pub(super) fn check_command(args: &CheckArgs) -> Result<i32, Fatal> {
    let request = request(args)?;
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let options = ReportOptions {
        max_examples: args.max_examples,
        color: match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
        width: if to_terminal { terminal_width() } else { 100 },
        quiet: args.quiet,
        github_summary: github_summary(),
        lang: request.lang,
    };
    let mut output = Output::open(args.output.as_deref())
        .map_err(|e| Fatal(format!("error: cannot write the report: {e}")))?;
    if let Some(temporary) = output.temporary() {
        super::interrupt::remove_on_interrupt(temporary);
    }
    let watcher = ProgressBars {
        shown: std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && !args.no_progress
            && !args.quiet,
        bar: std::sync::Mutex::new(None),
        quiet: args.quiet,
    };
    let outcome = {
        let mut reporter = report::reporter(args.format, Box::new(&mut output), &options);
        run::run(&request, reporter.as_mut(), &watcher)?
    };
    for (path, reason) in &outcome.unreadable {
        eprintln!("error: cannot read {path}: {reason}");
    }
    let committed = output.commit();
    super::interrupt::forget();
    committed.map_err(|e| Fatal(format!("error: cannot write the report: {e}")))?;
    Ok(outcome.exit_code())
}

/// The file GitHub Actions has a job's summary appended to.
fn github_summary() -> Option<PathBuf> {
    std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

/// Files smaller than this finish before a bar would help.
const PROGRESS_MIN_BYTES: u64 = 8 * 1024 * 1024;

/// Progress bars for long files, only when a person is watching: stderr is a terminal, the run
/// is not in CI (`CI` unset) and neither `--no-progress` nor `--quiet` was given.
struct ProgressBars {
    shown: bool,
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
    /// `--quiet`: notes are not printed either.
    quiet: bool,
}

impl Watcher for ProgressBars {
    fn started(&self, input: &Input) -> Option<check::Progress> {
        if !self.shown {
            return None;
        }
        let size = std::fs::metadata(input.path()?).ok()?.len();
        if size < PROGRESS_MIN_BYTES {
            return None;
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(size),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {bytes}/{total_bytes} {bytes_per_sec} {eta}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(input.display_name());
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar.clone());
        }
        Some(check::Progress(Arc::new(move |bytes| {
            bar.set_position(bytes)
        })))
    }

    fn finished(&self, _input: &Input) {
        if let Some(bar) = self.bar.lock().ok().and_then(|mut slot| slot.take()) {
            bar.finish_and_clear();
        }
    }

    fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("note: {message}");
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

//! `conform survey`: the arguments turned into a survey request, a progress bar over the tables on
//! a terminal, and the inventory written where it was asked for.

use std::io::IsTerminal;

use conform::read::Input;
use conform::run::Watcher;
use conform::survey::{self, write::SurveyFormat, Request};

use super::{Fatal, SurveyArgs};

pub(super) fn parse_survey_format(text: &str) -> Result<SurveyFormat, String> {
    SurveyFormat::parse(text)
        .ok_or_else(|| format!("use one of: {}", SurveyFormat::NAMES.join(", ")))
}

pub(super) fn survey_command(args: &SurveyArgs) -> Result<i32, Fatal> {
    let encoding = super::check::parse_encoding(args.encoding.as_deref())?;
    if args.sample == Some(0) {
        return Err(Fatal(
            "error: --sample 0 would read no rows: give the rows to read from each table, e.g. --sample 1000".into(),
        ));
    }
    if args.format == SurveyFormat::Xlsx && args.output.is_none() && std::io::stdout().is_terminal()
    {
        return Err(Fatal(
            "error: --format xlsx writes a workbook, not text: give it a file with --output survey.xlsx".into(),
        ));
    }
    let request = Request {
        paths: args.paths.clone(),
        sample: args.sample,
        jobs: args.jobs,
        encoding,
        delimiter: args
            .delimiter
            .as_deref()
            .map(super::check::parse_delimiter)
            .transpose()?,
        output: args.output.clone(),
    };
    let watcher = TableBar {
        bar: (std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && !args.no_progress)
            .then(|| {
                let bar = indicatif::ProgressBar::hidden();
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                if let Ok(style) = indicatif::ProgressStyle::with_template(
                    "surveying [{bar:40}] {pos}/{len} tables {elapsed}",
                ) {
                    bar.set_style(style.progress_chars("=> "));
                }
                bar
            }),
    };
    let surveyed = survey::survey(&request, &watcher)?;
    if let Some(bar) = &watcher.bar {
        bar.finish_and_clear();
    }
    super::write_output(args.output.as_deref(), "survey", |out| {
        survey::write::write(&surveyed, args.format, out)
    })?;
    // The survey is written either way; exit 2 says it is incomplete.
    let mut code = 0;
    for skipped in surveyed.unreadable() {
        eprintln!("error: cannot read {}: {}", skipped.path, skipped.reason);
        code = 2;
    }
    if surveyed.tables.is_empty() {
        eprintln!(
            "error: no tables found ({} skipped: see the list)",
            surveyed.skipped.len()
        );
        code = 2;
    }
    Ok(code)
}

/// A bar over the tables, on a terminal only.
struct TableBar {
    bar: Option<indicatif::ProgressBar>,
}

impl Watcher for TableBar {
    fn planned(&self, count: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(count as u64);
        }
    }

    fn finished(&self, _input: &Input) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn note(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("note: {message}")),
            None => eprintln!("note: {message}"),
        }
    }
}

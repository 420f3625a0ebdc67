//! The command line: argument parsing, running a command, exit codes (SPEC section 2). The work
//! itself is the library's: this file turns arguments into a request and an outcome into an exit
//! code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};

use conform::check;
use conform::explain;
use conform::finding::Code;
use conform::read::{self, Input};
use conform::report::{self, output::Output, Format, ReportOptions};
use conform::run::{self, ConfigSource, Request, RunError, Watcher, DEFAULT_MAX_FINDINGS};
use conform::standard::{Standard, StandardError};

/// Check UK public-sector datasets against shared data standards, and explain every problem plainly.
#[derive(Parser, Debug)]
#[command(name = "conform", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check files against a standard.
    Check(Box<CheckArgs>),
    /// Discover and read the built-in standards; lint a standard file.
    #[command(subcommand)]
    Standards(StandardsCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff), generated from these definitions.
    Man,
    /// Explain a finding code: what it means, why it matters, how to fix it.
    Explain {
        /// The code, e.g. `type` or `missing-column`; without it, every code is listed.
        code: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum StandardsCommand {
    /// List the built-in standards: id, version, title, publisher, tables.
    List {
        /// `text` (default) or `json`.
        #[arg(long, default_value = "text")]
        format: String,
    },
    /// Show a standard's tables and columns: type, required, allowed values, description, example.
    Show {
        /// A built-in id (`ID` or `ID@VERSION`) or a path to a standard.
        standard: String,
    },
    /// Check a standard file: the format (against schemas/standard.schema.json), patterns, code
    /// lists, keys, rules and row schemas. Exit 1 when it has errors.
    Lint {
        /// A path to a standard.json (or its folder), a JSON Schema file, or a built-in id.
        standard: String,
    },
    /// Write a standard's documentation as a page a publisher can read.
    Docs {
        /// A built-in id (`ID` or `ID@VERSION`) or a path to a standard.
        standard: String,
        /// `markdown` (default) or `html` (one self-contained page).
        #[arg(long, default_value = "markdown")]
        format: String,
    },
    /// Print a CSV with a table's header row, to start a file from.
    Template {
        /// A built-in id (`ID` or `ID@VERSION`) or a path to a standard.
        standard: String,
        /// The table (default: the first).
        #[arg(long)]
        table: Option<String>,
        /// Add one row of the published examples.
        #[arg(long)]
        example: bool,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check (folders are searched for .csv and .tsv files); `-` reads standard
    /// input. Without paths, every dataset of the configuration file (conform.toml) is checked.
    pub paths: Vec<String>,
    /// Configuration file (default: conform.toml in this folder or the nearest parent).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Standard to check against: a built-in id (`spend-over-500`, `ID@VERSION`) or a path to a
    /// standard.json or JSON Schema file. Without it, the built-in standard whose columns best
    /// match the file's header is used.
    #[arg(long, short = 's')]
    pub standard: Option<String>,
    /// Table of the standard to check against (default: the only table, else the table each file
    /// is named after, else the one its header matches best).
    #[arg(long)]
    pub table: Option<String>,
    /// Report format: human, json, jsonl, csv, sarif, junit, github or markdown.
    #[arg(long, default_value = "human", value_parser = parse_format)]
    pub format: Format,
    /// Write the report to this file (written whole, never over an input file).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Threads checking rows (default: one per core). Output is the same whatever the number.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Examples shown per (code, column) group in the human report; the rest are counted.
    #[arg(long, default_value_t = 3)]
    pub max_examples: usize,
    /// Stop after this many findings in a file; the report says it is partial. The default keeps
    /// memory bounded however broken a file is; 0 means no limit.
    #[arg(long, default_value_t = DEFAULT_MAX_FINDINGS)]
    pub max_findings: usize,
    /// Warnings fail the check too (exit 1).
    #[arg(long)]
    pub strict: bool,
    /// Leave out findings with this code (repeatable).
    #[arg(long, value_name = "CODE")]
    pub ignore: Vec<String>,
    /// Read files in this encoding instead of detecting it (utf-8, windows-1252, utf-16le, ...).
    #[arg(long)]
    pub encoding: Option<String>,
    /// Field delimiter instead of sniffing it (`,` `;` `|` or `tab`).
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Colour in the human report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Only the summary and verdict in the human report, no examples.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// No progress bar (one is shown on a terminal for files over 8 MB, never in CI or pipes).
    #[arg(long)]
    pub no_progress: bool,
}

/// A failure that stops the command before a report exists: exit code 2.
pub struct Fatal(pub String);

impl From<StandardError> for Fatal {
    fn from(e: StandardError) -> Self {
        Fatal(render_diagnostic(&e))
    }
}

impl From<RunError> for Fatal {
    fn from(e: RunError) -> Self {
        match e {
            RunError::Standard(e) => Fatal::from(e),
            RunError::Message(m) => Fatal(format!("error: {m}")),
        }
    }
}

/// Runs conform with these arguments and returns the exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Explain { code } => explain_command(code.as_deref()),
        Command::Completions { shell } => {
            let mut text = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "conform",
                &mut text,
            );
            write_stdout(&String::from_utf8_lossy(&text), 0)
        }
        Command::Standards(StandardsCommand::Lint { standard }) => lint_command(&standard),
        Command::Standards(command) => match standards_command(command) {
            Ok(text) => write_stdout(&text, 0),
            Err(Fatal(message)) => {
                eprintln!("{}", message.trim_end());
                2
            }
        },
        Command::Man => {
            let mut text = Vec::new();
            match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut text)
            {
                Ok(()) => write_stdout(&String::from_utf8_lossy(&text), 0),
                Err(e) => {
                    eprintln!("error: cannot render the man page: {e}");
                    2
                }
            }
        }
        Command::Check(args) => match check_command(&args) {
            Ok(code) => code,
            Err(Fatal(message)) => {
                eprintln!("{}", message.trim_end());
                2
            }
        },
    }
}

fn standards_command(command: StandardsCommand) -> Result<String, Fatal> {
    match command {
        StandardsCommand::List { format } => match format.as_str() {
            "json" => Ok(conform::describe::list_json()?),
            "text" => Ok(conform::describe::list_text()?),
            other => Err(Fatal(format!("error: --format {other}: use text or json"))),
        },
        StandardsCommand::Show { standard } => {
            Ok(conform::describe::show(&Standard::load(&standard)?))
        }
        StandardsCommand::Lint { .. } => Err(Fatal("error: lint is run on its own".into())),
        StandardsCommand::Docs { standard, format } => {
            let standard = Standard::load(&standard)?;
            match format.as_str() {
                "markdown" | "md" => Ok(conform::describe::markdown(&standard)),
                "html" => Ok(conform::describe::html(&standard)),
                other => Err(Fatal(format!(
                    "error: --format {other}: use markdown or html"
                ))),
            }
        }
        StandardsCommand::Template {
            standard,
            table,
            example,
        } => {
            let standard = Standard::load(&standard)?;
            let table = match &table {
                Some(name) => standard.table(name).ok_or_else(|| {
                    Fatal(format!(
                        "error: the standard {} has no table `{name}`",
                        standard.id
                    ))
                })?,
                None => &standard.tables[0],
            };
            Ok(conform::describe::template(table, example))
        }
    }
}

fn render_diagnostic(error: &StandardError) -> String {
    let mut rendered = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    if handler.render_report(&mut rendered, error).is_err() {
        rendered = error.message.clone();
    }
    rendered
}

fn lint_command(spec: &str) -> i32 {
    let lint = conform::lint::lint(spec);
    let mut out = String::new();
    for error in &lint.errors {
        out.push_str(&render_diagnostic(error));
        out.push('\n');
    }
    let warnings = lint.warnings.len();
    for warning in lint.warnings {
        out.push_str(&render_diagnostic(&warning.of_kind("lint warning")));
        out.push('\n');
    }
    let verdict = if lint.errors.is_empty() {
        format!(
            "✓ {spec}: a usable standard ({})\n",
            report::plural(warnings, "warning", "warnings")
        )
    } else {
        format!(
            "✗ {spec}: {}\n",
            report::plural(lint.errors.len(), "error", "errors")
        )
    };
    out.push_str(&verdict);
    write_stdout(&out, if lint.errors.is_empty() { 0 } else { 1 })
}

fn explain_command(code: Option<&str>) -> i32 {
    match code {
        None => write_stdout(&explain::listing(), 0),
        Some(name) => match Code::parse(name) {
            Some(code) => write_stdout(&explain::render(code), 0),
            None => {
                let guess = conform::suggest::closest(name, Code::ALL.iter().map(|c| c.as_str()));
                let hint = guess
                    .map(|g| format!(" Did you mean `{g}`?"))
                    .unwrap_or_default();
                eprintln!("error: `{name}` is not a finding code.{hint} `conform explain` lists them all.");
                2
            }
        },
    }
}

/// Prints to standard output; a closed pipe (`| head`) ends quietly with the same exit code.
fn write_stdout(text: &str, code: i32) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            2
        }
    }
}

fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("use one of: {}", names.join(", "))
    })
}

fn parse_delimiter(text: &str) -> Result<u8, Fatal> {
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
    let encoding = match &args.encoding {
        Some(label) => Some(read::encoding_for_label(label).ok_or_else(|| {
            Fatal(format!(
                "error: --encoding {label}: unknown encoding (try utf-8, windows-1252, utf-16le)"
            ))
        })?),
        None => None,
    };
    Ok(Request {
        paths: args.paths.clone(),
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
    })
}

fn check_command(args: &CheckArgs) -> Result<i32, Fatal> {
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
        github_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from),
    };
    let mut output = Output::open(args.output.as_deref())
        .map_err(|e| Fatal(format!("error: cannot write the report: {e}")))?;
    let watcher = ProgressBars {
        shown: std::io::stderr().is_terminal()
            && std::env::var_os("CI").is_none()
            && !args.no_progress
            && !args.quiet,
        bar: std::sync::Mutex::new(None),
    };
    let outcome = {
        let mut reporter = report::reporter(args.format, Box::new(&mut output), &options);
        run::run(&request, reporter.as_mut(), &watcher)?
    };
    for (path, reason) in &outcome.unreadable {
        eprintln!("error: cannot read {path}: {reason}");
    }
    output
        .commit()
        .map_err(|e| Fatal(format!("error: cannot write the report: {e}")))?;
    Ok(outcome.exit_code())
}

/// Files smaller than this finish before a bar would help.
const PROGRESS_MIN_BYTES: u64 = 8 * 1024 * 1024;

/// Progress bars for long files, only when a person is watching: stderr is a terminal, the run
/// is not in CI (`CI` unset) and neither `--no-progress` nor `--quiet` was given.
struct ProgressBars {
    shown: bool,
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
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
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

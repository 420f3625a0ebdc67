//! The command line: argument parsing, running a command, exit codes (SPEC section 2). The work
//! itself is the library's: this file turns arguments into a request and an outcome into an exit
//! code.

mod check;
mod infer;
mod interrupt;
mod map;
mod standards;
mod survey;

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use conform::report::Format;
use conform::run::{RunError, DEFAULT_MAX_FINDINGS};
use conform::standard::StandardError;

use check::{check_command, parse_format};
use infer::infer_command;
use map::map_command;
use standards::{explain_command, lint_command, render_diagnostic, standards_command};
use survey::{parse_survey_format, survey_command};

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
    /// Inventory a folder of exports: each table's format, size, rows and columns, the standard
    /// it fits and how well, how full its fields are, the dates it covers and the identifiers it
    /// holds; rolled up by standard, with the fixes that would clear most errors.
    Survey(SurveyArgs),
    /// Draft a standard from sample files: column types, UK formats (dates, postcodes, GSS
    /// codes, UPRNs...), allowed values, required columns, ranges, lengths and a key, each rule
    /// saying how many values it was inferred from. Several files of one dataset widen the draft.
    Infer(InferArgs),
    /// Turn a local export into a standard's shape. Without --mapping, propose a mapping file
    /// (columns matched by name, alias or content; the transforms the findings call for), to
    /// edit; with it, write the file in the standard's columns and check it.
    Map(MapArgs),
    /// Discover and read the built-in standards; lint a standard file.
    #[command(subcommand)]
    Standards(StandardsCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff), one page with a section for every command; with --dir, write
    /// conform.1 and a page for each command (conform-check.1, ...) into a folder.
    Man {
        /// Folder to write the pages into (created if missing), e.g. ~/.local/share/man/man1.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
    /// Serve a web page where anyone can check a file (GOV.UK styles, English and Welsh), and an
    /// HTTP API that returns the reports `check` writes. Loopback only unless --bind says otherwise.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Explain a finding code: what it means, why it matters, how to fix it.
    Explain {
        /// The code, e.g. `type` or `missing-column`; without it, every code is listed.
        code: Option<String>,
        /// `en` or `cy` (Welsh) [default: from LC_ALL, LC_MESSAGES or LANG, else English].
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
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
    /// Write the conform standard a Frictionless Table Schema or Data Package is read as, so that
    /// a team can extend it.
    Import {
        /// A Table Schema (`fields`) or Data Package (`resources`) descriptor.
        descriptor: String,
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
    /// Files or folders to check: CSV, TSV, Excel and OpenDocument workbooks, JSON, JSON Lines,
    /// GeoJSON, Parquet, Arrow, each possibly gzipped or zstd-compressed, zip archives of them
    /// (folders are searched for them), or a Data Package's datapackage.json;
    /// `-` reads standard input. Without paths, every dataset of the configuration file
    /// (conform.toml) is checked.
    pub paths: Vec<String>,
    /// Configuration file (default: conform.toml in this folder or the nearest parent).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Standard to check against: a built-in id (`spend-over-500`, `ID@VERSION`) or a path to a
    /// standard.json, a JSON Schema, a Frictionless Table Schema or a Data Package. Without it,
    /// the built-in standard whose columns best match the file's header is used.
    #[arg(long, short = 's')]
    pub standard: Option<String>,
    /// Table of the standard to check against (default: the only table, else the table each file
    /// is named after, else the one its header matches best).
    #[arg(long)]
    pub table: Option<String>,
    /// Report format: human, json, jsonl, csv, sarif, junit, github or markdown.
    #[arg(long, default_value = "human", value_parser = parse_format)]
    pub format: Format,
    /// Write the report to this file (written whole; never over a file the run reads).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Threads checking rows (default: one per core). Output is the same whatever the number.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Examples shown per (code, column) group in the human report; the rest are counted.
    #[arg(long, default_value_t = 3)]
    pub max_examples: usize,
    /// List at most this many findings in the whole run; those after it are counted, not listed. The
    /// default keeps memory bounded however broken the files are; 0 means no limit.
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
    /// The sheet of a workbook to check, by name or number from 1 (default: the first sheet that
    /// holds a table; for a standard of several tables, the sheets named after its tables).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Read every input as this format instead of telling it from the content: csv, xlsx, xlsb,
    /// xls, ods, json, jsonl, geojson, parquet or arrow.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// Field delimiter instead of sniffing it (`,` `;` `|` or `tab`).
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Colour in the human report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Only failures (a line a failing file, with its counts by code) and the verdict.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// No progress bar (one is shown on a terminal for files over 8 MB, never in CI or pipes).
    #[arg(long)]
    pub no_progress: bool,
    /// The language of the findings and of the human and Markdown reports: `en` or `cy`
    /// (Welsh) [default: from LC_ALL, LC_MESSAGES or LANG, else English].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[cfg(feature = "serve")]
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Port to listen on [default: 8765, or any free port if it is taken].
    #[arg(long)]
    pub port: Option<u16>,
    /// Address to listen on. The default serves this computer only; another address (0.0.0.0
    /// for every interface) serves your network: put it behind your organisation's proxy.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,
    /// A host name the server may be reached by (beside its address and, on loopback,
    /// localhost), as browsers send it in the Host header. Repeat for several.
    #[arg(long = "host", value_name = "NAME")]
    pub hosts: Vec<String>,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Largest file accepted (e.g. 200M, 1G).
    #[arg(long, default_value = "1G", value_name = "SIZE")]
    pub max_upload: String,
    /// Checks run at once [default: the number of cores].
    #[arg(long, value_name = "N")]
    pub max_checks: Option<usize>,
    /// Checks that may wait for one of those; more are told the server is busy [default: 64].
    #[arg(long, value_name = "N")]
    pub queue: Option<usize>,
    /// Seconds a check may take before its answer gives up.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    pub timeout: u64,
    /// The page's language when the browser asks for neither: `en` or `cy` (Welsh) [default:
    /// from LANG].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Args, Debug)]
pub struct SurveyArgs {
    /// Files or folders to survey (folders are walked; zip archives opened; workbooks read sheet
    /// by sheet). Files of other kinds are listed as skipped.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Output format: human, csv (one row a table), json (schema docs/survey-v1.schema.json),
    /// markdown or xlsx (a sheet for the tables, the roll-up, fixes, fields, identifiers).
    #[arg(long, default_value = "human", value_parser = parse_survey_format)]
    pub format: conform::survey::write::SurveyFormat,
    /// Write the survey to this file (written whole; never over a file it reads).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Read only the first N rows of each table: a quick first map (the survey says so).
    #[arg(long, value_name = "N")]
    pub sample: Option<u64>,
    /// Threads (default: one per core). Output is the same whatever the number.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Read files in this encoding instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Field delimiter instead of sniffing it (`,` `;` `|` or `tab`).
    #[arg(long)]
    pub delimiter: Option<String>,
    /// No progress bar (one is shown on a terminal, never in CI or pipes).
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Args, Debug)]
pub struct InferArgs {
    /// Sample files of one dataset (any format `check` reads), or folders of them.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Write the draft standard to this file (never over a sample).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// The sheet of each workbook, by name or number from 1 (default: the first that holds a
    /// table).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Read files in this encoding instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Field delimiter instead of sniffing it (`,` `;` `|` or `tab`).
    #[arg(long)]
    pub delimiter: Option<String>,
}

#[derive(Args, Debug)]
pub struct MapArgs {
    /// The file to map (any format `check` reads).
    pub file: String,
    /// The standard to map to: a built-in id or a path.
    #[arg(long, short = 's')]
    pub standard: String,
    /// The table of the standard (default: as `check` chooses it).
    #[arg(long)]
    pub table: Option<String>,
    /// A mapping file (TOML) to apply; without it, one is proposed on standard output.
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Where to write the mapped file: CSV, or a workbook or Parquet file by its extension
    /// (.xlsx, .parquet); never over an input.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Read the file in this encoding instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Field delimiter instead of sniffing it (`,` `;` `|` or `tab`).
    #[arg(long)]
    pub delimiter: Option<String>,
    /// The sheet of a workbook, by name or number from 1.
    #[arg(long)]
    pub sheet: Option<String>,
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
        Command::Explain { code, lang } => match parse_lang(lang.as_deref()) {
            Ok(lang) => explain_command(code.as_deref(), lang),
            Err(Fatal(message)) => {
                eprintln!("{message}");
                2
            }
        },
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
        Command::Man { dir: Some(dir) } => {
            let written = std::fs::create_dir_all(&dir).and_then(|()| {
                clap_mangen::generate_to(<Cli as clap::CommandFactory>::command(), &dir)
            });
            match written {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!(
                        "error: cannot write the man pages into {}: {e}",
                        dir.display()
                    );
                    2
                }
            }
        }
        Command::Man { dir: None } => {
            let mut text = Vec::new();
            match man_page(&mut text) {
                Ok(()) => write_stdout(&String::from_utf8_lossy(&text), 0),
                Err(e) => {
                    eprintln!("error: cannot render the man page: {e}");
                    2
                }
            }
        }
        Command::Map(args) => exit_code(map_command(&args)),
        Command::Infer(args) => exit_code(infer_command(&args)),
        Command::Survey(args) => exit_code(survey_command(&args)),
        Command::Check(args) => exit_code(check_command(&args)),
        #[cfg(feature = "serve")]
        Command::Serve(args) => exit_code(serve_command(&args)),
    }
}

#[cfg(feature = "serve")]
fn serve_command(args: &ServeArgs) -> Result<i32, Fatal> {
    use conform::serve;
    let max_upload = serve::parse_size(&args.max_upload).ok_or_else(|| {
        Fatal(format!(
            "error: --max-upload {}: write a size such as 200M or 1G",
            args.max_upload
        ))
    })?;
    let lang = parse_lang(args.lang.as_deref())?;
    let defaults = serve::Options::default();
    let options = serve::Options {
        bind: args.bind,
        port: args.port,
        max_upload,
        slots: args.max_checks.unwrap_or(defaults.slots).max(1),
        queue: args.queue.unwrap_or(defaults.queue),
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        lang,
        hosts: args.hosts.clone(),
    };
    let server = serve::Server::bind(&options).map_err(|e| Fatal(format!("error: {e}")))?;
    let url = server.url();
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: serving {} to the network, without TLS: anyone who can reach this machine \
             can upload files to it. Put it behind your organisation's HTTPS proxy.",
            args.bind
        );
    }
    println!("conform is serving {url} (Ctrl-C stops it)");
    if args.open {
        open_browser(&url);
    }
    server.run().map_err(|e| Fatal(format!("error: {e}")))?;
    Ok(0)
}

/// Opens `url` in the default browser; a failure only means the person opens it themselves.
#[cfg(feature = "serve")]
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!("note: could not open a browser; open {url} yourself");
    }
}

/// Writes a command's output to `--output` (whole, through a temporary file removed if the run is
/// interrupted) or to standard output; a failure names `what` was being written, and where.
fn write_output(
    target: Option<&std::path::Path>,
    what: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let to = target
        .map(|p| format!(" to {}", p.display()))
        .unwrap_or_default();
    let fail = |e: std::io::Error| Fatal(format!("error: cannot write the {what}{to}: {e}"));
    let mut output = conform::report::output::Output::open(target).map_err(fail)?;
    if let Some(temporary) = output.temporary() {
        interrupt::remove_on_interrupt(temporary);
    }
    let written = write(&mut output).and_then(|()| output.commit());
    interrupt::forget();
    written.map_err(fail)
}

/// The exit code of a command, its failure printed first (exit code 2).
fn exit_code(result: Result<i32, Fatal>) -> i32 {
    result.unwrap_or_else(|Fatal(message)| {
        eprintln!("{}", message.trim_end());
        2
    })
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

/// One manual page for the whole tool: the main page, then a section for each command and
/// subcommand (clap_mangen alone would name conform-check(1) and other pages not shipped).
fn man_page(out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut command = <Cli as clap::CommandFactory>::command();
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let children = |c: &clap::Command| -> Vec<clap::Command> {
        let mut all: Vec<clap::Command> = c.get_subcommands().cloned().collect();
        all.reverse();
        all
    };
    let mut pending = children(&command);
    while let Some(sub) = pending.pop() {
        if sub.get_name() == "help" {
            continue;
        }
        let name = sub.get_bin_name().unwrap_or(sub.get_name()).to_string();
        pending.extend(children(&sub));
        let page = clap_mangen::Man::new(sub);
        let mut body = Vec::new();
        page.render_synopsis_section(&mut body)?;
        page.render_description_section(&mut body)?;
        page.render_options_section(&mut body)?;
        // The command's own headings become subsections of its section.
        let body = String::from_utf8_lossy(&body).replace("\n.SH ", "\n.SS ");
        let body = body
            .strip_prefix(".SH ")
            .map_or(body.clone(), |rest| format!(".SS {rest}"));
        out.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        out.extend_from_slice(body.as_bytes());
    }
    man.render_version_section(out)
}

/// `--lang`: `en`, `cy` or a locale such as `cy_GB`; without it, the environment's language.
pub(crate) fn parse_lang(text: Option<&str>) -> Result<conform::i18n::Lang, Fatal> {
    match text {
        Some(text) => conform::i18n::Lang::parse(text)
            .ok_or_else(|| Fatal(format!("error: --lang {text}: use en or cy (Welsh)"))),
        None => Ok(conform::i18n::Lang::from_env()),
    }
}

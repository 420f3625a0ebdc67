//! The command line: argument parsing, running a command, exit codes (SPEC section 2).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::{self, Options};
use crate::compile;
use crate::config::{self, Config};
use crate::explain;
use crate::finding::{Code, Severity};
use crate::read::{self, Input};
use crate::report::{self, human, RunReport, StandardInfo};
use crate::standard::{builtin_standards, Standard, StandardError};

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
pub enum Format {
    /// Diagnostics with the cell underlined, a summary and a verdict.
    Human,
    /// One JSON document (report_version 1, schema in docs/report-v1.schema.json).
    Json,
    /// One JSON object a finding, a line, written as each file is checked.
    Jsonl,
    /// One CSV row a finding, for spreadsheets.
    Csv,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// JUnit XML: a test suite a file, a test case a (code, column) group.
    Junit,
    /// GitHub Actions annotations (and a summary in $GITHUB_STEP_SUMMARY).
    Github,
    /// A Markdown summary for a pull request or an email.
    Markdown,
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
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
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

/// Findings kept a file by default: about 250 MB of memory at the most.
pub const DEFAULT_MAX_FINDINGS: usize = 1_000_000;

/// A failure that stops the command before a report exists: exit code 2.
pub struct Fatal(pub String);

impl From<StandardError> for Fatal {
    fn from(e: StandardError) -> Self {
        Fatal(render_diagnostic(&e))
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
            "json" => Ok(crate::describe::list_json()?),
            "text" => Ok(crate::describe::list_text()?),
            other => Err(Fatal(format!("error: --format {other}: use text or json"))),
        },
        StandardsCommand::Show { standard } => {
            Ok(crate::describe::show(&Standard::load(&standard)?))
        }
        StandardsCommand::Lint { .. } => Err(Fatal("error: lint is run on its own".into())),
        StandardsCommand::Docs { standard, format } => {
            let standard = Standard::load(&standard)?;
            match format.as_str() {
                "markdown" | "md" => Ok(crate::describe::markdown(&standard)),
                "html" => Ok(crate::describe::html(&standard)),
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
            Ok(crate::describe::template(table, example))
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
    let lint = crate::standard::lint::lint(spec);
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
        None => {
            let mut text =
                String::from("Finding codes (`conform explain CODE` for one in full):\n\n");
            for code in Code::ALL {
                let doc = explain::doc(*code);
                text.push_str(&format!(
                    "  {:<17} {:<8} {}\n",
                    code.as_str(),
                    code.default_severity().as_str(),
                    doc.title
                ));
            }
            write_stdout(&text, 0)
        }
        Some(name) => match Code::parse(name) {
            Some(code) => write_stdout(&explain::render(code), 0),
            None => {
                let guess = crate::suggest::closest(name, Code::ALL.iter().map(|c| c.as_str()));
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

fn collect_inputs(paths: &[String]) -> Result<Vec<Input>, Fatal> {
    let mut inputs = Vec::new();
    for path in paths {
        if path == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Fatal(format!("error: cannot read standard input: {e}")))?;
            inputs.push(Input::Stdin(Arc::new(bytes)));
            continue;
        }
        let p = Path::new(path);
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)
                .map_err(|e| Fatal(format!("error: cannot read the folder {path}: {e}")))?;
            if found.is_empty() {
                return Err(Fatal(format!(
                    "error: the folder {path} holds no .csv or .tsv files"
                )));
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::Path));
        } else if p.exists() {
            inputs.push(Input::Path(p.to_path_buf()));
        } else {
            return Err(Fatal(format!("error: {path}: no such file or folder")));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("csv" | "tsv")
        ) {
            out.push(path);
        }
    }
    Ok(())
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

/// The header row of a file, for choosing a standard or table by its columns.
fn header_of(input: &Input, options: &Options) -> Option<csv::StringRecord> {
    let read_header = |opened: read::Opened| {
        let mut reader =
            read::csv::ChunkReader::new(opened.stream, options.delimiter, !opened.verified).ok()?;
        let mut header = csv::StringRecord::new();
        reader.header(&mut header).ok()??;
        Some(header)
    };
    // The header alone rarely needs the whole file scanned; if it is not UTF-8, scan and retry.
    read::open_lazily(input, options.encoding)
        .ok()
        .and_then(read_header)
        .or_else(|| {
            read::open(input, options.encoding)
                .ok()
                .and_then(read_header)
        })
}

/// How many of a table's columns a header supplies.
/// How well a header fits a table: most columns supplied first; on a tie, fewest required columns
/// left out, then fewest columns (the tightest fit: the 2017 brownfield register for a file with
/// its 28 columns, not today's standard that also accepts them).
type Fit = (usize, std::cmp::Reverse<usize>, std::cmp::Reverse<usize>);

fn fit(header: &csv::StringRecord, table: &crate::standard::Table) -> Fit {
    let plan = check::plan_header(header, table);
    let supplied = plan.standard_to_file.iter().filter(|f| f.is_some()).count();
    let missing = table
        .columns
        .iter()
        .zip(&plan.standard_to_file)
        .filter(|(c, f)| c.required && f.is_none())
        .count();
    (
        supplied,
        std::cmp::Reverse(missing),
        std::cmp::Reverse(table.columns.len()),
    )
}

fn choose_standard(
    inputs: &[Input],
    options: &Options,
) -> Result<(Standard, Option<String>), Fatal> {
    let header = inputs
        .first()
        .and_then(|i| header_of(i, options))
        .ok_or_else(|| {
            Fatal(
                "error: no --standard given, and the first file has no header row to choose one by"
                    .into(),
            )
        })?;
    let mut best: Option<(Fit, usize, Standard)> = None;
    for entry in builtin_standards() {
        let standard = Standard::load(&format!("{}@{}", entry.id, entry.version))?;
        let best_here = standard
            .tables
            .iter()
            .map(|table| (fit(&header, table), table.columns.len()))
            .reduce(|a, b| if b.0 > a.0 { b } else { a });
        if let Some((key, columns)) = best_here {
            if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
                best = Some((key, columns, standard));
            }
        }
    }
    match best {
        Some(((score, _, _), columns, standard)) if score >= 2 => {
            let note = format!(
                "no standard given: matched {} ({score} of {columns} columns); pass --standard to choose another",
                standard.id
            );
            Ok((standard, Some(note)))
        }
        _ => Err(Fatal(
            "error: no --standard given, and no built-in standard matches the file's header; pass --standard ID or a path".into(),
        )),
    }
}

/// The table a file is checked against: `--table` (or the config's), the only table, the table
/// the file is named after (`organizations.csv`, `…-article-4-direction-area.csv`), or the table
/// whose columns its header supplies most of.
fn choose_table(
    standard: &Standard,
    name: Option<&str>,
    input: &Input,
    options: &Options,
) -> Result<usize, Fatal> {
    if let Some(name) = name {
        return standard
            .tables
            .iter()
            .position(|t| t.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = standard.tables.iter().map(|t| t.name.as_str()).collect();
                Fatal(format!(
                    "error: the standard {} has no table `{name}`; its tables are: {}",
                    standard.id,
                    names.join(", ")
                ))
            });
    }
    if standard.tables.len() == 1 {
        return Ok(0);
    }
    if let Some(stem) = input
        .path()
        .and_then(|p| p.file_stem())
        .and_then(|s| s.to_str())
    {
        let stem = format!(" {} ", crate::suggest::fold(stem));
        let named = standard
            .tables
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                let table = crate::suggest::fold(&t.name);
                [
                    format!(" {table} "),
                    format!(" {table}s "),
                    format!(" {table}es "),
                ]
                .iter()
                .any(|n| stem.contains(n.as_str()))
            })
            .max_by_key(|(_, t)| t.name.len());
        if let Some((i, _)) = named {
            return Ok(i);
        }
    }
    let header = header_of(input, options);
    Ok(header
        .and_then(|h| {
            // The first of the best, so full ties go to the table the standard lists first.
            let fits: Vec<Fit> = standard.tables.iter().map(|t| fit(&h, t)).collect();
            let best = *fits.iter().max()?;
            fits.iter().position(|f| *f == best)
        })
        .unwrap_or(0))
}

fn check_command(args: &CheckArgs) -> Result<i32, Fatal> {
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
    let options = Options {
        max_findings: (args.max_findings > 0).then_some(args.max_findings),
        ignore,
        encoding,
        delimiter: args.delimiter.as_deref().map(parse_delimiter).transpose()?,
        ..Options::default()
    };
    let config = load_config(args)?;
    let groups = plan_groups(args, config.as_ref(), &options)?;
    if let Some(output) = &args.output {
        let inputs: Vec<Input> = groups
            .iter()
            .flat_map(|g| g.inputs.iter().cloned())
            .collect();
        refuse_overwrite(output, &inputs)?;
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Fatal(format!("error: cannot start {jobs} threads: {e}")))?;
    let mut sink = Sink::open(args.output.as_deref())
        .map_err(|e| Fatal(format!("error: cannot write the report: {e}")))?;
    // Line formats are written as each file is checked, so a long run shows its findings early.
    if args.format == Format::Csv {
        sink.write(&report::flat::csv_header());
    }
    let mut unreadable = false;
    let mut files = Vec::new();
    let mut standards: Vec<StandardInfo> = Vec::new();
    for group in &groups {
        let standard = &group.standard;
        if !standards
            .iter()
            .any(|s| s.id == standard.id && s.version == standard.version)
        {
            standards.push(StandardInfo {
                id: standard.id.clone(),
                version: standard.version.clone(),
                title: standard.title.clone(),
                matched_note: group.matched_note.clone(),
            });
        }
        // Each table is compiled once, when a file first needs it.
        let mut compiled: Vec<Option<compile::CompiledTable>> =
            standard.tables.iter().map(|_| None).collect();
        let mut checked_files: Vec<(usize, check::FileReport)> = Vec::new();
        for input in &group.inputs {
            let t = choose_table(standard, group.table.as_deref(), input, &options)?;
            let table = &standard.tables[t];
            if compiled[t].is_none() {
                let mut table_checks = compile::compile(table)?;
                for (code, level) in &group.severity {
                    table_checks.severity.set(*code, *level);
                }
                compiled[t] = Some(table_checks);
            }
            let Some(table_checks) = compiled[t].as_ref() else {
                continue;
            };
            let bar = progress_bar(args, input);
            let mut options = options.clone();
            if let Some(bar) = &bar {
                let bar = bar.clone();
                options.progress = Some(check::Progress(std::sync::Arc::new(move |bytes| {
                    bar.set_position(bytes)
                })));
            }
            let checked = pool
                .install(|| check::check_file(input, &standard.id, table, table_checks, &options));
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            match checked {
                Ok(mut file) => {
                    file.standard_version = standard.version.clone();
                    checked_files.push((t, file));
                }
                Err(e) => {
                    eprintln!("error: cannot read {}: {e}", input.display_name());
                    unreadable = true;
                }
            }
        }
        if standard.tables.iter().any(|t| !t.foreign_keys.is_empty()) {
            let mut together: Vec<check::Checked<'_>> = checked_files
                .iter_mut()
                .filter_map(|(t, report)| {
                    Some(check::Checked {
                        table: &standard.tables[*t],
                        compiled: compiled[*t].as_ref()?,
                        report,
                    })
                })
                .collect();
            check::check_references(standard, &mut together, &options)
                .map_err(|e| Fatal(format!("error: cannot read a file again for its keys: {e}")))?;
        }
        for (_, file) in checked_files {
            match args.format {
                Format::Jsonl => sink.write(&report::flat::jsonl(&file)),
                Format::Csv => sink.write(&report::flat::csv(&file)),
                Format::Github => sink.write(&report::ci::github(&file)),
                _ => {}
            }
            files.push(file);
        }
    }
    let run = RunReport {
        standards,
        files,
        strict: args.strict,
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    match args.format {
        Format::Json => sink.write(&report::json::render(&run)),
        Format::Human => sink.write(&human::render(
            &run,
            human::Style {
                color,
                width: if to_terminal { terminal_width() } else { 100 },
                max_examples: args.max_examples,
                quiet: args.quiet,
            },
        )),
        Format::Sarif => sink.write(&report::ci::sarif(&run)),
        Format::Junit => sink.write(&report::ci::junit(&run, args.max_examples)),
        Format::Markdown => sink.write(&report::markdown::render(&run, args.max_examples)),
        Format::Jsonl | Format::Csv | Format::Github => {}
    }
    if args.format == Format::Github {
        if let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
            append(
                Path::new(&summary),
                &report::markdown::render(&run, args.max_examples),
            )
            .map_err(|e| Fatal(format!("error: cannot append to GITHUB_STEP_SUMMARY: {e}")))?;
        }
    }
    let code = if unreadable { 2 } else { run.exit_code() };
    sink.finish()
        .map_err(|e| Fatal(format!("error: cannot write the report: {e}")))?;
    Ok(code)
}

/// Files checked against one standard (and table, and severity overrides).
struct Group {
    standard: Standard,
    table: Option<String>,
    severity: Vec<(Code, Option<Severity>)>,
    inputs: Vec<Input>,
    matched_note: Option<String>,
}

/// The configuration file: `--config`, else `conform.toml` here or in the nearest parent.
fn load_config(args: &CheckArgs) -> Result<Option<Config>, Fatal> {
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        None => config::find(Path::new(".")),
    };
    path.map(|p| config::load(&p).map_err(Fatal::from))
        .transpose()
}

/// Decides which standard checks which file: `--standard` for all; else the configuration's
/// datasets (all of them when no path is given); else the built-in standard the header matches.
fn plan_groups(
    args: &CheckArgs,
    config: Option<&Config>,
    options: &Options,
) -> Result<Vec<Group>, Fatal> {
    let severity = |config: Option<&Config>, dataset: Option<usize>| {
        dataset
            .and_then(|d| config.map(|c| c.datasets[d].severity.clone()))
            .unwrap_or_default()
    };
    // Every dataset's standard must load, used or not: a broken configuration fails early.
    if let (Some(config), None) = (config, &args.standard) {
        for dataset in 0..config.datasets.len() {
            load_dataset_standard(config, dataset, args)?;
        }
    }
    if args.paths.is_empty() {
        let Some(config) = config else {
            return Err(Fatal(
                "error: no files given, and no conform.toml here or in a parent folder; name the files to check".into(),
            ));
        };
        let mut groups: Vec<Group> = Vec::new();
        for (dataset, path) in config.files() {
            add_to_dataset_group(&mut groups, config, dataset, Input::Path(path), args)?;
        }
        if groups.is_empty() {
            return Err(Fatal(format!(
                "error: the datasets in {} match no files",
                config.path.display()
            )));
        }
        return Ok(groups);
    }
    let inputs = collect_inputs(&args.paths)?;
    if let Some(spec) = &args.standard {
        let dataset_severity = config.and_then(|c| {
            inputs
                .first()
                .and_then(|i| i.path())
                .and_then(|p| c.dataset_for(p))
        });
        return Ok(vec![Group {
            standard: Standard::load(spec)?,
            table: args.table.clone(),
            severity: severity(config, dataset_severity),
            inputs,
            matched_note: None,
        }]);
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut unmatched = Vec::new();
    for input in inputs {
        let dataset = config.and_then(|c| input.path().and_then(|p| c.dataset_for(p)));
        match (config, dataset) {
            (Some(config), Some(dataset)) => {
                add_to_dataset_group(&mut groups, config, dataset, input, args)?;
            }
            _ => unmatched.push(input),
        }
    }
    if !unmatched.is_empty() {
        let (standard, matched_note) = choose_standard(&unmatched, options)?;
        groups.push(Group {
            standard,
            table: args.table.clone(),
            severity: Vec::new(),
            inputs: unmatched,
            matched_note,
        });
    }
    Ok(groups)
}

/// Puts a file of `dataset` with the files that share its standard, table and severity overrides
/// (a new group when none does yet).
fn add_to_dataset_group(
    groups: &mut Vec<Group>,
    config: &Config,
    dataset: usize,
    input: Input,
    args: &CheckArgs,
) -> Result<(), Fatal> {
    let origin = dataset_origin(config, dataset);
    let table = args
        .table
        .clone()
        .or_else(|| config.datasets[dataset].table.clone());
    let severity = &config.datasets[dataset].severity;
    let same =
        |g: &&mut Group| g.standard.origin == origin && g.table == table && &g.severity == severity;
    if let Some(group) = groups.iter_mut().find(same) {
        group.inputs.push(input);
        return Ok(());
    }
    groups.push(Group {
        standard: load_dataset_standard(config, dataset, args)?,
        table,
        severity: severity.clone(),
        inputs: vec![input],
        matched_note: None,
    });
    Ok(())
}

/// How a dataset's standard will be known once loaded (its `origin`), to group files by standard.
fn dataset_origin(config: &Config, dataset: usize) -> String {
    let spec = &config.datasets[dataset].standard;
    if Path::new(spec).is_file() {
        spec.clone()
    } else {
        format!("builtin:{}", spec.split('@').next().unwrap_or(spec))
    }
}

/// Loads a dataset's standard; a failure points at the `standard` value in conform.toml.
fn load_dataset_standard(
    config: &Config,
    dataset: usize,
    args: &CheckArgs,
) -> Result<Standard, Fatal> {
    let spec = args
        .standard
        .as_deref()
        .unwrap_or(&config.datasets[dataset].standard);
    Standard::load(spec).map_err(|e| {
        if e.location().is_some() {
            Fatal::from(e)
        } else {
            Fatal::from(config.standard_error(dataset, e.message))
        }
    })
}

/// Files smaller than this finish before a bar would help.
const PROGRESS_MIN_BYTES: u64 = 8 * 1024 * 1024;

/// A progress bar for a long file, only when a person is watching: stderr is a terminal, the run
/// is not in CI (`CI` unset) and neither `--no-progress` nor `--quiet` was given.
fn progress_bar(args: &CheckArgs, input: &Input) -> Option<indicatif::ProgressBar> {
    let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !interactive || args.no_progress || args.quiet {
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
    Some(bar)
}

fn append(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// Where a report goes: standard output (a closed pipe ends writing quietly) or a temporary file
/// beside `--output`, moved into place when the report is complete.
enum Sink {
    Stdout {
        closed: bool,
    },
    File {
        file: std::io::BufWriter<std::fs::File>,
        temporary: PathBuf,
        target: PathBuf,
        failed: Option<std::io::Error>,
    },
}

impl Sink {
    fn open(output: Option<&Path>) -> std::io::Result<Sink> {
        let Some(target) = output else {
            return Ok(Sink::Stdout { closed: false });
        };
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("report");
        let temporary = dir.join(format!(".{name}.conform-{}.tmp", std::process::id()));
        let file = std::fs::File::create(&temporary)?;
        Ok(Sink::File {
            file: std::io::BufWriter::new(file),
            temporary,
            target: target.to_path_buf(),
            failed: None,
        })
    }

    fn write(&mut self, text: &str) {
        match self {
            Sink::Stdout { closed } => {
                if *closed {
                    return;
                }
                let mut stdout = std::io::stdout().lock();
                if let Err(e) = stdout
                    .write_all(text.as_bytes())
                    .and_then(|_| stdout.flush())
                {
                    if e.kind() != std::io::ErrorKind::BrokenPipe {
                        eprintln!("error: cannot write the report: {e}");
                    }
                    *closed = true;
                }
            }
            Sink::File { file, failed, .. } => {
                if failed.is_none() {
                    if let Err(e) = file.write_all(text.as_bytes()) {
                        *failed = Some(e);
                    }
                }
            }
        }
    }

    /// Moves a file report into place (or removes it when writing failed).
    fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Stdout { .. } => Ok(()),
            Sink::File {
                file,
                temporary,
                target,
                failed,
            } => {
                let result = match failed {
                    Some(e) => Err(e),
                    None => file
                        .into_inner()
                        .map_err(|e| e.into_error())
                        .and_then(|f| f.sync_all()),
                };
                match result.and_then(|_| std::fs::rename(&temporary, &target)) {
                    Ok(()) => Ok(()),
                    Err(e) => {
                        let _ = std::fs::remove_file(&temporary);
                        Err(e)
                    }
                }
            }
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn refuse_overwrite(output: &Path, inputs: &[Input]) -> Result<(), Fatal> {
    let target = std::fs::canonicalize(output).ok();
    for input in inputs {
        if let (Some(path), Some(target)) = (input.path(), &target) {
            if std::fs::canonicalize(path).ok().as_ref() == Some(target) {
                return Err(Fatal(format!(
                    "error: --output {} is one of the files being checked; conform never writes over an input",
                    output.display()
                )));
            }
        }
    }
    Ok(())
}

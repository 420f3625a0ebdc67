//! A run as a library: a plain request in, read → compile → check for every file, results handed
//! to a [`Reporter`]. The command line, and anything else that starts a check, calls [`run`].

mod detect;
pub mod inputs;
pub mod plan;

use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::check::{self, Options};
use crate::compile::{self, CompiledTable};
use crate::config::{self, Config};
use crate::finding::Code;
use crate::read::Input;
use crate::report::{Reporter, RunReport, StandardInfo};
use crate::standard::{Standard, StandardError};

/// Findings kept a file by default: about 250 MB of memory at the most.
pub const DEFAULT_MAX_FINDINGS: usize = 1_000_000;

/// Where the configuration file comes from.
#[derive(Clone, Debug, Default)]
pub enum ConfigSource {
    /// `conform.toml` in the working folder or its nearest parent, if there is one.
    #[default]
    Search,
    /// This file.
    File(PathBuf),
    /// No configuration file.
    None,
}

/// What to check and how: everything a run needs, with no command-line types.
#[derive(Clone, Debug)]
pub struct Request {
    /// Files or folders; `-` is standard input. Empty (and no `inputs`): every dataset of the
    /// configuration.
    pub paths: Vec<String>,
    /// Data handed over already read, such as bytes or a frame from the Python package
    /// ([`Input::Memory`]); checked after `paths`.
    pub inputs: Vec<Input>,
    pub config: ConfigSource,
    /// A built-in id (`ID` or `ID@VERSION`) or a path; `None` chooses by header.
    pub standard: Option<String>,
    pub table: Option<String>,
    /// Codes left out of the report.
    pub ignore: Vec<Code>,
    pub encoding: Option<&'static Encoding>,
    pub delimiter: Option<u8>,
    /// Findings kept a file; `None` is no limit.
    pub max_findings: Option<usize>,
    /// Threads checking rows; `None` is one per core.
    pub jobs: Option<usize>,
    /// Warnings fail the check too.
    pub strict: bool,
    /// The file the report will be written to, which must not be one of the inputs.
    pub output: Option<PathBuf>,
    /// Other files the caller writes after the run (a CI summary it appends to), refused in the
    /// same way.
    pub also_written: Vec<(String, PathBuf)>,
    /// The sheet of each workbook to check (a name, or a number from 1).
    pub sheet: Option<String>,
    /// The input format, instead of telling it from the content (needed for standard input in
    /// formats other than CSV only when its content is ambiguous).
    pub input_format: Option<crate::read::detect::Kind>,
    /// The language of the findings' messages and help.
    pub lang: crate::i18n::Lang,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            paths: Vec::new(),
            inputs: Vec::new(),
            config: ConfigSource::Search,
            standard: None,
            table: None,
            ignore: Vec::new(),
            encoding: None,
            delimiter: None,
            max_findings: Some(DEFAULT_MAX_FINDINGS),
            jobs: None,
            strict: false,
            output: None,
            also_written: Vec::new(),
            sheet: None,
            input_format: None,
            lang: crate::i18n::Lang::En,
        }
    }
}

/// Why a run stopped before a report could be made (exit code 2 on the command line).
#[derive(Debug)]
pub enum RunError {
    /// A standard or configuration that cannot be used, with its place in the file.
    Standard(StandardError),
    /// Anything else, in a sentence.
    Message(String),
}

impl RunError {
    pub fn message(text: impl Into<String>) -> RunError {
        RunError::Message(text.into())
    }
}

impl From<StandardError> for RunError {
    fn from(e: StandardError) -> Self {
        RunError::Standard(e)
    }
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Standard(e) => f.write_str(&e.message),
            RunError::Message(m) => f.write_str(m),
        }
    }
}

/// How a run ended.
#[derive(Debug)]
pub struct Outcome {
    /// Every file conforms (warnings allowed unless strict).
    pub passes: bool,
    /// Files that could not be read at all, with the reason.
    pub unreadable: Vec<(String, String)>,
}

impl Outcome {
    /// 0 every file conforms, 1 at least one does not, 2 a file could not be read.
    pub fn exit_code(&self) -> i32 {
        match (self.unreadable.is_empty(), self.passes) {
            (false, _) => 2,
            (true, true) => 0,
            (true, false) => 1,
        }
    }
}

/// Told when each file starts and ends, to show progress; the default shows nothing.
pub trait Watcher: Sync {
    /// A file is about to be checked; the progress callback, if any, is told bytes read.
    fn started(&self, _input: &Input) -> Option<check::Progress> {
        None
    }
    fn finished(&self, _input: &Input) {}
    /// How many files (or tables) the run will go through, once it knows.
    fn planned(&self, _count: usize) {}
    /// Something the person running the check should know that is not about a file's contents:
    /// a folder skipped because a link led back to it, a `jobs` count lowered.
    fn note(&self, _message: &str) {}
}

/// A watcher that watches nothing.
pub struct Unwatched;

impl Watcher for Unwatched {}

/// Checks every file of the request and hands each file's report, then the whole run, to the
/// reporter.
pub fn run(
    request: &Request,
    reporter: &mut dyn Reporter,
    watcher: &dyn Watcher,
) -> Result<Outcome, RunError> {
    let options = Options {
        max_findings: request.max_findings,
        ignore: request.ignore.clone(),
        encoding: request.encoding,
        delimiter: request.delimiter,
        sheet: request.sheet.clone(),
        input_format: request.input_format,
        lang: request.lang,
        ..Options::default()
    };
    let config = load_config(&request.config)?;
    let groups = plan::groups(request, config.as_ref(), &options, watcher)?;
    let written = request
        .output
        .iter()
        .map(|path| ("--output".to_string(), path.clone()))
        .chain(request.also_written.iter().cloned());
    for (name, target) in written {
        inputs::refuse_overwrite(&name, &target, &files_read(&groups, config.as_ref()))?;
    }
    let jobs = threads(request.jobs, watcher);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| RunError::message(format!("cannot start {jobs} threads: {e}")))?;
    let write_error =
        |e: std::io::Error| RunError::message(format!("cannot write the report: {e}"));
    reporter.begin().map_err(write_error)?;
    let mut run = RunReport {
        standards: Vec::new(),
        files: Vec::new(),
        strict: request.strict,
        unreadable: 0,
    };
    let mut unreadable = Vec::new();
    let mut budget = request.max_findings;
    for group in &groups {
        note_standard(&mut run.standards, group, request.lang);
        let checked =
            pool.install(|| check_group(group, &options, watcher, &mut unreadable, &mut budget))?;
        for file in checked {
            reporter.file(&file).map_err(write_error)?;
            run.files.push(file);
        }
    }
    run.unreadable = unreadable.len();
    reporter.finish(&run).map_err(write_error)?;
    Ok(Outcome {
        passes: run.passes(),
        unreadable,
    })
}

/// Every file the run reads, with what it is to the run: the data files, the standards and what
/// they are made of, the configuration.
fn files_read(groups: &[plan::Group], config: Option<&Config>) -> Vec<(&'static str, PathBuf)> {
    let mut read = Vec::new();
    for group in groups {
        for input in &group.inputs {
            if let Some(path) = input.path() {
                read.push(("one of the files being checked", path.to_path_buf()));
            } else if let Input::Memory { name, .. } = input {
                // A member of an archive: the archive is read.
                let archive = name.split('!').next().unwrap_or(name);
                read.push(("an archive being checked", PathBuf::from(archive)));
            }
        }
        for file in &group.standard.files {
            read.push(("a file of the standard", file.clone()));
        }
    }
    if let Some(config) = config {
        read.push(("the configuration file", config.path.clone()));
    }
    read
}

/// The threads to check with: the cores by default; a count asked for is kept within four
/// threads a core, since more only costs memory and start-up time (and, in the hundreds of
/// thousands, more threads than the system can make).
fn threads(asked: Option<usize>, watcher: &dyn Watcher) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let Some(asked) = asked else {
        return cores;
    };
    let most = 4 * cores;
    if asked > most {
        watcher.note(&format!(
            "--jobs {asked} is more than this machine can use: checking with {most} threads (4 for each of its {cores} cores)"
        ));
        return most;
    }
    asked.max(1)
}

/// Lists a group's standard in the run, once.
fn note_standard(standards: &mut Vec<StandardInfo>, group: &plan::Group, lang: crate::i18n::Lang) {
    let standard = &group.standard;
    if !standards
        .iter()
        .any(|s| s.id == standard.id && s.version == standard.version)
    {
        standards.push(StandardInfo {
            id: standard.id.clone(),
            version: standard.version.clone(),
            title: standard.title.clone(),
            matched_note: group.matched_note.as_ref().map(|note| note.render(lang)),
        });
    }
}

/// Checks the files of one group, then the references between them.
fn check_group(
    group: &plan::Group,
    options: &Options,
    watcher: &dyn Watcher,
    unreadable: &mut Vec<(String, String)>,
    budget: &mut Option<usize>,
) -> Result<Vec<check::FileReport>, RunError> {
    let standard = &group.standard;
    // Each table is compiled once, when a file first needs it.
    let mut compiled: Vec<Option<CompiledTable>> = standard.tables.iter().map(|_| None).collect();
    let mut checked: Vec<(usize, check::FileReport)> = Vec::new();
    let inputs = inputs::sheets_as_tables(&group.inputs, standard, options);
    for (n, input) in inputs.iter().enumerate() {
        let known = group
            .input_tables
            .get(n)
            .filter(|_| inputs.len() == group.inputs.len());
        let wanted = group.table.as_deref().or(known.map(String::as_str));
        let t = plan::choose_table(standard, wanted, input, options)?;
        let table = &standard.tables[t];
        if compiled[t].is_none() {
            compiled[t] = Some(compile_table(standard, t, group, inputs.len())?);
        }
        let Some(table_checks) = compiled[t].as_ref() else {
            continue;
        };
        let mut options = options.clone();
        options.progress = watcher.started(input);
        // One budget of findings for the whole run: what a file keeps, later files cannot.
        options.max_findings = *budget;
        let result = check::check_file(input, &standard.id, table, table_checks, &options);
        watcher.finished(input);
        match result {
            Ok(mut file) => {
                if let Some(left) = budget.as_mut() {
                    *left = left.saturating_sub(file.findings.len());
                }
                file.standard_version = standard.version.clone();
                note_unchecked(standard, &mut file, &options);
                checked.push((t, file));
            }
            Err(e) => unreadable.push((input.display_name(), e.to_string())),
        }
    }
    if standard.tables.iter().any(|t| !t.foreign_keys.is_empty()) {
        check_references(standard, &compiled, &mut checked, options, budget)?;
    }
    Ok(checked.into_iter().map(|(_, file)| file).collect())
}

/// What of the standard conform cannot check is said in the report of every file.
fn note_unchecked(standard: &Standard, file: &mut check::FileReport, options: &Options) {
    if options.ignore.contains(&Code::Unchecked) {
        return;
    }
    let notes = standard
        .unchecked
        .iter()
        .map(|note| crate::finding::Finding::new(Code::Unchecked, note.clone()));
    file.findings.splice(0..0, notes);
}

/// Table `t` compiled for a group of `files` files: the key values the references between
/// tables need are kept when there can be references to check (several files, or a table that
/// refers to itself).
fn compile_table(
    standard: &Standard,
    t: usize,
    group: &plan::Group,
    files: usize,
) -> Result<CompiledTable, RunError> {
    let mut table_checks = compile::compile(&standard.tables[t])?;
    let table = &standard.tables[t];
    let refers_to_itself = table.foreign_keys.iter().any(|fk| fk.table == table.name);
    let has_references = standard.tables.iter().any(|t| !t.foreign_keys.is_empty());
    if has_references && (files > 1 || refers_to_itself) {
        table_checks.keep_reference_keys(standard, t);
    }
    for (code, level) in &group.severity {
        table_checks.severity.set(*code, *level);
    }
    Ok(table_checks)
}

fn check_references(
    standard: &Standard,
    compiled: &[Option<CompiledTable>],
    checked: &mut [(usize, check::FileReport)],
    options: &Options,
    budget: &mut Option<usize>,
) -> Result<(), RunError> {
    let mut together: Vec<check::Checked<'_>> = checked
        .iter_mut()
        .filter_map(|(t, report)| {
            Some(check::Checked {
                table: &standard.tables[*t],
                compiled: compiled[*t].as_ref()?,
                report,
            })
        })
        .collect();
    check::check_references(standard, &mut together, options, budget)
        .map_err(|e| RunError::message(format!("cannot read a file again for its keys: {e}")))
}

/// The configuration file: the one named, else `conform.toml` here or in the nearest parent.
fn load_config(source: &ConfigSource) -> Result<Option<Config>, RunError> {
    let path = match source {
        ConfigSource::File(path) => Some(path.clone()),
        ConfigSource::Search => config::find(Path::new(".")),
        ConfigSource::None => None,
    };
    path.map(|p| config::load(&p).map_err(RunError::from))
        .transpose()
}

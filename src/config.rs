//! `conform.toml`: which standard each dataset follows (SPEC section 9), so that CI can run a bare
//! `conform check`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::finding::{Code, Severity};
use crate::standard::StandardError;

pub const FILE_NAME: &str = "conform.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    dataset: Vec<RawDataset>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    paths: Spanned<Vec<Spanned<String>>>,
    standard: Spanned<String>,
    table: Option<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// One `[[dataset]]`: files, and the standard they follow.
#[derive(Debug)]
pub struct Dataset {
    /// Glob patterns, relative to the configuration file's folder.
    pub patterns: Vec<glob::Pattern>,
    /// A built-in id (`ID` or `ID@VERSION`) or a path already resolved against the config's folder.
    pub standard: String,
    pub table: Option<String>,
    pub severity: Vec<(Code, Option<Severity>)>,
    /// Where the `standard` value is in the file, for diagnostics.
    pub standard_span: std::ops::Range<usize>,
}

/// A loaded configuration file.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    pub dir: PathBuf,
    pub text: String,
    pub datasets: Vec<Dataset>,
}

/// `conform.toml` in `start` or its nearest parent that has one.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

fn error(path: &Path, text: &str, span: std::ops::Range<usize>, message: String) -> StandardError {
    StandardError::new(message)
        .of_kind("invalid configuration")
        .at_span(
            &path.display().to_string(),
            text,
            span.start,
            span.end - span.start,
        )
}

/// Whether a `standard` value names a file rather than a built-in id.
fn is_path(standard: &str) -> bool {
    standard.contains('/') || standard.contains('\\') || standard.ends_with(".json")
}

pub fn load(path: &Path) -> Result<Config, StandardError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        StandardError::new(format!("cannot read {}: {e}", path.display()))
            .of_kind("invalid configuration")
    })?;
    let raw: RawConfig = toml::from_str(&text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        error(
            path,
            &text,
            span,
            format!(
                "{} is not a valid configuration: {}",
                path.display(),
                e.message()
            ),
        )
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut datasets = Vec::new();
    for dataset in raw.dataset {
        let mut patterns = Vec::new();
        if dataset.paths.get_ref().is_empty() {
            return Err(error(
                path,
                &text,
                dataset.paths.span(),
                "a dataset needs at least one path".into(),
            ));
        }
        for pattern in dataset.paths.get_ref() {
            let compiled = glob::Pattern::new(pattern.get_ref()).map_err(|e| {
                error(
                    path,
                    &text,
                    pattern.span(),
                    format!("`{}` is not a valid path pattern: {e}", pattern.get_ref()),
                )
            })?;
            patterns.push(compiled);
        }
        let mut severity = Vec::new();
        for (code, level) in &dataset.severity {
            let parsed = Code::parse(code.get_ref()).ok_or_else(|| {
                error(
                    path,
                    &text,
                    code.span(),
                    format!(
                        "`{}` is not a finding code (`conform explain` lists them)",
                        code.get_ref()
                    ),
                )
            })?;
            let written = level.get_ref();
            let level_parsed = Severity::parse_override(written).ok_or_else(|| {
                error(
                    path,
                    &text,
                    level.span(),
                    format!("severity `{written}` must be error, warning, info or off"),
                )
            })?;
            severity.push((parsed, level_parsed));
        }
        let standard = dataset.standard.get_ref();
        let resolved = if is_path(standard) {
            dir.join(standard).display().to_string()
        } else {
            standard.clone()
        };
        datasets.push(Dataset {
            patterns,
            standard: resolved,
            table: dataset.table.map(Spanned::into_inner),
            severity,
            standard_span: dataset.standard.span(),
        });
    }
    if datasets.is_empty() {
        return Err(error(
            path,
            &text,
            0..0,
            format!("{} has no [[dataset]] entries", path.display()),
        ));
    }
    Ok(Config {
        path: path.to_path_buf(),
        dir,
        text,
        datasets,
    })
}

impl Config {
    /// The files each dataset's patterns name, in order, each file once (the first dataset wins).
    pub fn files(&self) -> Vec<(usize, PathBuf)> {
        let mut seen = std::collections::HashSet::new();
        let mut files = Vec::new();
        for (index, dataset) in self.datasets.iter().enumerate() {
            for pattern in &dataset.patterns {
                let full = self.dir.join(pattern.as_str());
                let Ok(paths) = glob::glob(&full.to_string_lossy()) else {
                    continue;
                };
                let mut matched: Vec<PathBuf> = paths
                    .filter_map(Result::ok)
                    .filter(|p| p.is_file())
                    .collect();
                matched.sort();
                for path in matched {
                    if seen.insert(path.clone()) {
                        files.push((index, path));
                    }
                }
            }
        }
        files
    }

    /// The dataset a path on the command line belongs to.
    pub fn dataset_for(&self, path: &Path) -> Option<usize> {
        let absolute = std::fs::canonicalize(path).ok()?;
        let dir = std::fs::canonicalize(&self.dir).ok()?;
        let relative = absolute.strip_prefix(&dir).ok()?;
        self.datasets
            .iter()
            .position(|d| d.patterns.iter().any(|p| p.matches_path(relative)))
    }

    /// An error about a dataset's `standard` value, underlined in the file.
    pub fn standard_error(&self, dataset: usize, message: String) -> StandardError {
        error(
            &self.path,
            &self.text,
            self.datasets[dataset].standard_span.clone(),
            message,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A configuration file in a folder of its own, which goes when the folder is dropped.
    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).expect("writes");
        (dir, path)
    }

    #[test]
    fn loads_datasets_with_overrides() {
        let (_dir, path) = write("[[dataset]]\npaths = [\"data/*.csv\"]\nstandard = \"spend-over-500\"\nseverity = { unknown-column = \"error\", whitespace = \"off\" }\n",
        );
        let config = load(&path).expect("loads");
        assert_eq!(config.datasets[0].standard, "spend-over-500");
        assert_eq!(
            config.datasets[0].severity,
            vec![
                (Code::UnknownColumn, Some(Severity::Error)),
                (Code::Whitespace, None)
            ]
        );
    }

    #[test]
    fn errors_point_into_the_toml() {
        let (_dir, path) = write("[[dataset]]\npaths = [\"data/*.csv\"]\nstandard = \"spend-over-500\"\nseverity = { nonsense = \"error\" }\n");
        let err = load(&path).unwrap_err();
        assert!(err.message.contains("nonsense"), "{}", err.message);
        assert!(
            err.location().is_some_and(|l| l.ends_with(":4:14")),
            "{:?}",
            err.location()
        );
        let (_dir, path) = write("[[dataset]\npaths = 1\n");
        assert!(load(&path).unwrap_err().location().is_some());
    }
}

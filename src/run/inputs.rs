//! The files a run is given: paths, folders walked for data files, and standard input.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::RunError;
use crate::read::Input;

/// Turns the paths of a request into inputs: a folder gives every data file below it, in name
/// order; `-` is standard input, read whole (it cannot be read twice).
pub fn collect(paths: &[String]) -> Result<Vec<Input>, RunError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| RunError::message(format!("cannot read standard input: {e}")))?;
            inputs.push(Input::Stdin(Arc::new(bytes)));
            continue;
        }
        let p = Path::new(path);
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)
                .map_err(|e| RunError::message(format!("cannot read the folder {path}: {e}")))?;
            if found.is_empty() {
                return Err(RunError::message(format!(
                    "the folder {path} holds no .csv or .tsv files"
                )));
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::Path));
        } else if p.exists() {
            inputs.push(Input::Path(p.to_path_buf()));
        } else {
            return Err(RunError::message(format!("{path}: no such file or folder")));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_data_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a folder's file is one conform reads, by its name.
fn is_data_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("csv" | "tsv")
    )
}

/// Refuses a report path that is one of the inputs: conform never writes over an input.
pub fn refuse_overwrite(output: &Path, inputs: &[&Input]) -> Result<(), RunError> {
    let Ok(target) = std::fs::canonicalize(output) else {
        return Ok(());
    };
    for input in inputs {
        if let Some(path) = input.path() {
            if std::fs::canonicalize(path).ok().as_ref() == Some(&target) {
                return Err(RunError::message(format!(
                    "--output {} is one of the files being checked; conform never writes over an input",
                    output.display()
                )));
            }
        }
    }
    Ok(())
}

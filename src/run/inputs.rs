//! The files a run is given: paths, folders walked for data files, and standard input.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::RunError;
use crate::check::Options;
use crate::read::detect::{self, Kind};
use crate::read::Input;
use crate::standard::Standard;

/// Turns the paths of a request into inputs: a folder gives every data file below it, in name
/// order; `-` is standard input. Standard input, pipes and FIFOs can be read only once, so they
/// are first copied to a private temporary file (see [`Input::spool`]), which bounds memory.
pub fn collect(paths: &[String], watcher: &dyn super::Watcher) -> Result<Vec<Input>, RunError> {
    collect_with(paths, watcher, None)
}

/// What a folder held that is not read as a table, and why: a file of another kind, an archive
/// that cannot be opened.
pub type Skipped = Vec<(String, String)>;

/// [`collect`] for an inventory: files of other kinds in folders are listed in `skipped` instead
/// of passed over, and an archive that cannot be read is listed there instead of ending the run.
pub fn collect_all(
    paths: &[String],
    watcher: &dyn super::Watcher,
    skipped: &mut Skipped,
) -> Result<Vec<Input>, RunError> {
    collect_with(paths, watcher, Some(skipped))
}

fn collect_with(
    paths: &[String],
    watcher: &dyn super::Watcher,
    mut skipped: Option<&mut Skipped>,
) -> Result<Vec<Input>, RunError> {
    let mut inputs = Vec::new();
    // Each real file is checked once, however many names or links lead to it.
    let mut files = std::collections::HashMap::new();
    for path in paths {
        if path == "-" {
            let spooled = Input::spool("<stdin>", &mut std::io::stdin().lock())
                .map_err(|e| RunError::message(format!("cannot read standard input: {e}")))?;
            inputs.push(spooled);
            continue;
        }
        let p = Path::new(path);
        let metadata = std::fs::metadata(p);
        if metadata.as_ref().is_ok_and(|m| m.is_dir()) {
            let mut found = Vec::new();
            let mut seen = std::collections::HashSet::new();
            walk_once(p, &mut found, &mut seen, watcher, skipped.as_deref_mut())
                .map_err(|e| RunError::message(format!("cannot read the folder {path}: {e}")))?;
            if found.is_empty() && skipped.is_none() {
                return Err(RunError::message(format!(
                    "the folder {path} holds no data files (CSV, TSV, spreadsheets, JSON)"
                )));
            }
            found.sort();
            for file in found {
                add_once(
                    file,
                    &mut inputs,
                    &mut files,
                    watcher,
                    skipped.as_deref_mut(),
                )?;
            }
        } else if metadata.as_ref().is_ok_and(|m| !m.is_file()) {
            // A pipe, FIFO or `<(command)`: read once, as a stream.
            let spooled = std::fs::File::open(p)
                .and_then(|mut stream| Input::spool(path, &mut stream))
                .map_err(|e| RunError::message(format!("cannot read {path}: {e}")))?;
            inputs.push(spooled);
        } else if metadata.is_ok() {
            add_once(
                p.to_path_buf(),
                &mut inputs,
                &mut files,
                watcher,
                skipped.as_deref_mut(),
            )?;
        } else {
            return Err(RunError::message(format!("{path}: no such file or folder")));
        }
    }
    Ok(inputs)
}

/// Adds a file unless the same file was added already under another name (a link, `./a.csv`
/// and `a.csv`, a folder and a file in it), which is said.
fn add_once(
    path: PathBuf,
    inputs: &mut Vec<Input>,
    files: &mut std::collections::HashMap<PathBuf, PathBuf>,
    watcher: &dyn super::Watcher,
    skipped: Option<&mut Skipped>,
) -> Result<(), RunError> {
    let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if let Some(first) = files.get(&real) {
        watcher.note(&format!(
            "skipped {}: it is the same file as {}, already checked",
            path.display(),
            first.display()
        ));
        return Ok(());
    }
    files.insert(real, path.clone());
    match (add_file(path.clone(), inputs), skipped) {
        (Err(e), Some(skipped)) => {
            skipped.push((path.display().to_string(), e.to_string()));
            Ok(())
        }
        (result, _) => result,
    }
}

/// Walks each real folder once, whatever links lead to it again (a link to a parent would
/// otherwise walk for ever), and says which links it did not follow.
fn walk_once(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
    watcher: &dyn super::Watcher,
    mut skipped: Option<&mut Skipped>,
) -> std::io::Result<()> {
    let real = std::fs::canonicalize(dir)?;
    if !seen.insert(real.clone()) {
        watcher.note(&format!(
            "skipped {}: it is a link to {}, a folder already read",
            dir.display(),
            real.display()
        ));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    // In name order, so that which of two links to one folder is skipped does not change.
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.') || n.starts_with("~$") || n == "Thumbs.db");
        if path.is_dir() {
            walk_once(&path, out, seen, watcher, skipped.as_deref_mut())?;
        } else if is_data_file(&path) {
            out.push(path);
        } else if let (Some(skipped), false) = (skipped.as_deref_mut(), hidden) {
            skipped.push((
                path.display().to_string(),
                "not a table conform reads (CSV, TSV, spreadsheets, JSON, GeoJSON, Parquet, Arrow, zip)".to_string(),
            ));
        }
    }
    Ok(())
}

/// Whether a folder's file is one conform reads, by its name.
fn is_data_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(detect::is_data_file)
}

/// A file, or each data file inside it when it is a zip archive.
pub fn add_file(path: PathBuf, inputs: &mut Vec<Input>) -> Result<(), RunError> {
    let input = Input::Path(path);
    let head = input.head(64 << 10).unwrap_or_default();
    let named = input.file_name().and_then(detect::by_name);
    if detect::by_content(&head, named) != Kind::Zip {
        inputs.push(input);
        return Ok(());
    }
    let members = archive_members(&input).map_err(|e| {
        RunError::message(format!(
            "{}: the zip archive cannot be read: {e}",
            input.display_name()
        ))
    })?;
    if members.is_empty() {
        return Err(RunError::message(format!(
            "{}: the zip archive holds no data files (CSV, TSV, spreadsheets, JSON)",
            input.display_name()
        )));
    }
    inputs.extend(members);
    Ok(())
}

/// Most bytes one member of an archive may unpack to (members are held in memory), and all of
/// them together: a zip bomb is refused by what its directory declares, and the zip reader
/// refuses to give out more than that.
const MAX_MEMBER_BYTES: u64 = 1 << 30;
const MAX_ARCHIVE_BYTES: u64 = 4 << 30;
const MAX_MEMBERS: usize = 10_000;

/// The data files of a zip archive, named `archive.zip!member.csv`, in the archive's order.
fn archive_members(input: &Input) -> Result<Vec<Input>, String> {
    use std::io::Read;
    let Some(path) = input.path() else {
        return Ok(Vec::new());
    };
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    if archive.len() > MAX_MEMBERS {
        return Err(format!(
            "it holds {} files, more than conform opens ({MAX_MEMBERS})",
            archive.len()
        ));
    }
    let mut total: u64 = 0;
    let mut members = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = entry.name().map_err(|e| e.to_string())?.into_owned();
        if entry.is_dir() || !detect::is_data_file(&name) || name.starts_with("__MACOSX/") {
            continue;
        }
        if entry.encrypted() {
            return Err(format!("`{name}` is encrypted"));
        }
        let size = entry.size();
        total = total.saturating_add(size);
        if size > MAX_MEMBER_BYTES || total > MAX_ARCHIVE_BYTES {
            return Err(format!(
                "`{name}` unpacks to {} MB, more than conform reads from an archive ({} MB a file, {} MB in all): unzip it first, or it may be a zip bomb",
                size >> 20,
                MAX_MEMBER_BYTES >> 20,
                MAX_ARCHIVE_BYTES >> 20
            ));
        }
        let mut bytes = Vec::with_capacity(size.min(MAX_MEMBER_BYTES) as usize);
        (&mut entry)
            .take(MAX_MEMBER_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("`{name}`: {e}"))?;
        members.push(Input::Memory {
            name: format!("{}!{name}", input.display_name()),
            bytes: Arc::new(bytes),
        });
    }
    Ok(members)
}

/// For a standard of several tables, a workbook given without `--sheet` is checked sheet by
/// sheet, each sheet matched to a table by its name as files are.
pub fn sheets_as_tables(inputs: &[Input], standard: &Standard, options: &Options) -> Vec<Input> {
    if standard.tables.len() < 2 || options.sheet.is_some() {
        return inputs.to_vec();
    }
    let mut out = Vec::new();
    for input in inputs {
        let sheets = workbook_sheets(input, standard);
        if sheets.is_empty() {
            out.push(input.clone());
        } else {
            out.extend(sheets.into_iter().map(|sheet| Input::Sheet {
                book: Box::new(input.clone()),
                sheet,
            }));
        }
    }
    out
}

/// The sheets of a workbook named after tables of the standard.
fn workbook_sheets(input: &Input, standard: &Standard) -> Vec<String> {
    let Some(names) = sheet_names(input) else {
        return Vec::new();
    };
    let tables: Vec<String> = standard
        .tables
        .iter()
        .map(|t| crate::suggest::fold(&t.name))
        .collect();
    names
        .into_iter()
        .filter(|sheet| {
            let folded = crate::suggest::fold(sheet);
            tables
                .iter()
                .any(|t| folded == *t || folded == format!("{t}s") || folded == format!("{t}es"))
        })
        .collect()
}

/// The sheets of a workbook, in its order; `None` when the input is not a workbook that opens.
pub fn sheet_names(input: &Input) -> Option<Vec<String>> {
    let named = input.file_name().and_then(detect::by_name);
    let is_workbook = input
        .head(64 << 10)
        .is_ok_and(|head| detect::by_content(&head, named).is_spreadsheet());
    if !is_workbook {
        return None;
    }
    let bytes = input
        .read_all(crate::read::table::MAX_DOCUMENT_BYTES)
        .ok()?;
    // A bomb is refused before calamine unpacks anything; the check of the file says why.
    crate::read::table::check_unpacked_size(std::io::Cursor::new(&bytes)).ok()?;
    use calamine::Reader;
    crate::read::table::guarded("spreadsheet reader", || {
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.as_slice()))
            .map(|book| book.sheet_names())
    })
    .ok()?
    .ok()
}

/// Refuses a report path that is one of the inputs: conform never writes over an input.
pub fn refuse_overwrite(
    name: &str,
    target: &Path,
    read: &[(&str, PathBuf)],
) -> Result<(), RunError> {
    let Ok(target_real) = std::fs::canonicalize(target) else {
        return Ok(());
    };
    for (what, path) in read {
        if std::fs::canonicalize(path).ok().as_ref() == Some(&target_real) {
            return Err(RunError::message(format!(
                "{name} {} is {what}; conform never writes over a file it reads",
                target.display()
            )));
        }
    }
    Ok(())
}

//! The built-in catalogue: every file under `schemas/`, embedded at build time.

use super::{parse, Base, Standard, StandardError};

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The text of an embedded file, by its path below `schemas/`.
pub(crate) fn file(path: &str) -> Option<&'static str> {
    BUILTIN_FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, text)| *text)
}

/// Joins a relative path onto an embedded folder, resolving `..` segments.
pub(crate) fn join(dir: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// One built-in standard: its id, version and where its `standard.json` is embedded.
#[derive(Clone)]
pub struct BuiltinEntry {
    pub id: String,
    pub version: String,
    pub path: &'static str,
}

/// Every built-in standard, sorted by id then version.
pub fn builtin_standards() -> Vec<BuiltinEntry> {
    let mut entries: Vec<BuiltinEntry> = BUILTIN_FILES
        .iter()
        .filter(|(path, _)| path.ends_with("/standard.json"))
        .filter_map(|(path, text)| {
            let value: serde_json::Value = serde_json::from_str(text).ok()?;
            Some(BuiltinEntry {
                id: value.get("id")?.as_str()?.to_string(),
                version: value.get("version")?.as_str()?.to_string(),
                path,
            })
        })
        .collect();
    entries.sort_by(|a, b| (&a.id, &a.version).cmp(&(&b.id, &b.version)));
    entries
}

/// Loads `ID` (the newest version) or `ID@VERSION`.
pub(crate) fn load(spec: &str) -> Result<Standard, StandardError> {
    let entry = entry(spec)?;
    let text = file(entry.path).unwrap_or_default();
    let dir = entry.path.rsplit_once('/').map_or("", |(d, _)| d);
    parse(
        &format!("builtin:{}", entry.path),
        text,
        &Base::Builtin(dir.to_string()),
        format!("builtin:{}", entry.id),
        entry.id.clone(),
    )
}

/// The built-in standard `ID` (the newest version) or `ID@VERSION` names; an unknown one is an
/// error that lists the closest ids.
pub(crate) fn entry(spec: &str) -> Result<BuiltinEntry, StandardError> {
    let (id, version) = match spec.split_once('@') {
        Some((id, version)) => (id, Some(version)),
        None => (spec, None),
    };
    let entries = builtin_standards();
    let candidates: Vec<&BuiltinEntry> = entries.iter().filter(|e| e.id == id).collect();
    let entry = match version {
        Some(v) => candidates.iter().find(|e| e.version == v).copied(),
        None => candidates.last().copied(),
    };
    let Some(entry) = entry else {
        if let (Some(v), false) = (version, candidates.is_empty()) {
            let known: Vec<&str> = candidates.iter().map(|e| e.version.as_str()).collect();
            return Err(StandardError::new(format!(
                "the built-in standard {id} has no version {v}; it has {}",
                known.join(", ")
            )));
        }
        let mut ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        ids.dedup();
        ids.sort_by_key(|a| strsim::levenshtein(id, a));
        return Err(StandardError::new(format!(
            "\"{spec}\" is neither a file nor a built-in standard; the closest built-in ids are: {}",
            ids.iter().take(3).copied().collect::<Vec<_>>().join(", ")
        ))
        .help("`conform standards list` shows every built-in standard; a path to a standard.json or a JSON Schema file works too"));
    };
    Ok(entry.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_resolves_parent_segments() {
        assert_eq!(
            join("spend-over-500", "../codelists/a.csv"),
            "codelists/a.csv"
        );
        assert_eq!(
            join("spend-over-500", "spend.schema.json"),
            "spend-over-500/spend.schema.json"
        );
    }

    #[test]
    fn every_builtin_standard_loads() {
        let entries = builtin_standards();
        assert!(!entries.is_empty());
        for entry in entries {
            let spec = format!("{}@{}", entry.id, entry.version);
            if let Err(e) = load(&spec) {
                panic!("{spec}: {e} at {:?}", e.location());
            }
        }
    }
}

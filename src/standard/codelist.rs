//! Code lists: one column of a CSV file, read into a set of allowed codes.

use hashbrown::HashSet;

use super::raw::RawCodeList;
use super::{Base, CodeList};

pub(crate) fn load(id: &str, spec: &RawCodeList, base: &Base) -> Result<CodeList, String> {
    let (name, text) = base
        .read(&spec.path)
        .map_err(|e| format!("code list \"{id}\": {e}"))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("code list \"{id}\" ({name}) is not readable CSV: {e}"))?
        .clone();
    let Some(index) = headers.iter().position(|h| h == spec.column) else {
        return Err(format!(
            "code list \"{id}\" ({name}) has no column \"{}\"; its columns are: {}",
            spec.column,
            headers.iter().collect::<Vec<_>>().join(", ")
        ));
    };
    let mut codes = HashSet::new();
    // One record read into again and again, its one needed cell alone taken as text: every run
    // loads the standard's code lists (planning.data.gov.uk's organisations are 3,900 rows), and
    // a new record a row was most of that.
    let mut record = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| format!("code list \"{id}\" ({name}): {e}"))?
    {
        let Some(cell) = record.get(index) else {
            continue;
        };
        // The text is UTF-8 and cells end at ASCII delimiters, so a cell is too.
        let code = std::str::from_utf8(cell)
            .map_err(|e| format!("code list \"{id}\" ({name}): {e}"))?
            .trim();
        if !code.is_empty() {
            codes.insert(Box::from(code));
        }
    }
    if codes.is_empty() {
        return Err(format!(
            "code list \"{id}\" ({name}) has no codes in column \"{}\"",
            spec.column
        ));
    }
    let folded = match spec.matching.as_deref() {
        None | Some("exact") => HashSet::new(),
        Some("folded") => codes.iter().map(|c| crate::suggest::fold(c)).collect(),
        Some(other) => {
            return Err(format!(
                "code list \"{id}\": match \"{other}\" must be \"exact\" or \"folded\""
            ))
        }
    };
    Ok(CodeList {
        folded,
        id: id.to_string(),
        title: spec.title.clone(),
        source: spec.source.clone(),
        version: spec.version.clone(),
        codes,
    })
}

//! JSON documents (an array of objects; an object whose key holds the rows, as 360Giving's
//! `{"grants": [...]}`; a GeoJSON FeatureCollection) and JSON Lines, as tables: a row an object,
//! a column a top-level key. Nested objects and arrays are kept as compact JSON text. A GeoJSON
//! feature is a row of its properties plus its geometry written as WKT (`geometry` for areas,
//! `point` for points), which the planning standards check as they check WKT.

use std::io;

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::{
    unreadable, BatchPool, Locator, RowBatch, TableSource, BATCH_ROWS, MAX_DOCUMENT_BYTES,
};
use crate::finding::{Code, Finding};
use crate::i18n::Text;
use crate::read::{too_large_text, Input, TooLarge};
use crate::t;

/// Most distinct top-level keys read as columns (a spreadsheet's width): rows each with keys of
/// their own would otherwise make a table of rows × keys cells.
const MAX_KEYS: usize = 16_384;

fn read(input: &Input) -> io::Result<Result<Vec<u8>, Finding>> {
    match input.read_all(MAX_DOCUMENT_BYTES) {
        Ok(bytes) => Ok(Ok(bytes)),
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) => Ok(Err(unreadable(
            t!("read-json-too-large", reason = too_large_text(&e)),
        ))),
        Err(e) => Err(e),
    }
}

/// A finding at the place of a JSON syntax error, saying `message`.
fn syntax_error(e: &serde_json::Error, message: Text) -> Finding {
    let mut finding = Finding::text(Code::ParseError, message)
        .with_help_text(Some(t!("read-json-malformed-help")));
    finding.line = Some(e.line() as u64);
    finding.character = Some(e.column() as u64);
    finding
}

pub fn open(input: &Input) -> io::Result<Result<TableSource, Finding>> {
    let bytes = match read(input)? {
        Ok(bytes) => bytes,
        Err(finding) => return Ok(Err(finding)),
    };
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let text = &bytes[bom..];
    // The whole document is checked for syntax first without being built: a document is never
    // held as a tree of values, only its text and where each row is. serde_json refuses nesting
    // deeper than 128 levels, so hostile depth is an error, not a crash.
    if let Err(e) = serde_json::from_slice::<IgnoredAny>(text) {
        // One object a line, whose first line was too long to tell by: JSON Lines.
        if e.line() > 1 && first_line_is_an_object(text) {
            return open_lines(input);
        }
        return Ok(Err(syntax_error(
            &e,
            t!(
                "read-json-malformed",
                line = e.line() as i64,
                column = e.column() as i64,
                error = e.to_string()
            ),
        )));
    }
    let Some(found) = find_rows(text) else {
        return Ok(Err(Finding::text(
            Code::EmptyFile,
            t!("read-json-no-table"),
        )));
    };
    let elements = located(text, &found.elements, bom);
    let prefix = found
        .key
        .as_deref()
        .map(|k| format!("/{}", crate::json_pointer::escape(k)))
        .unwrap_or_default();
    let geo = found.geo;
    let kind = if geo {
        RowKind::Feature
    } else {
        RowKind::Object
    };
    let mut table = table_of(bytes, elements, kind, if geo { "geojson" } else { "json" });
    table.locator = Locator::Json { prefix, geo };
    Ok(Ok(table))
}

fn first_line_is_an_object(text: &[u8]) -> bool {
    let first = text.split(|b| *b == b'\n').next().unwrap_or(text);
    serde_json::from_slice::<Value>(first).is_ok_and(|v| v.is_object())
}

pub fn open_lines(input: &Input) -> io::Result<Result<TableSource, Finding>> {
    let bytes = match read(input)? {
        Ok(bytes) => bytes,
        Err(finding) => return Ok(Err(finding)),
    };
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut elements = Vec::new();
    let mut columns = Columns::default();
    let mut problems = Vec::new();
    // Lines are taken a block at a time: each line's syntax and keys are learnt in parallel
    // (reading JSON is most of the work), then taken in order, so the columns and notes are
    // the same whatever the threads.
    // A block is at most 16,384 lines and 8 MiB (the keys learnt are held a block at a time).
    const BLOCK_LINES: usize = 16_384;
    const BLOCK_BYTES: usize = 8 << 20;
    let mut lines = bytes[bom..].split(|b| *b == b'\n');
    let mut block: Vec<(usize, usize)> = Vec::with_capacity(BLOCK_LINES);
    let mut at = bom;
    let mut line_number = 0;
    loop {
        block.clear();
        let mut block_bytes = 0;
        while block.len() < BLOCK_LINES && (block.is_empty() || block_bytes < BLOCK_BYTES) {
            let Some(line) = lines.next() else { break };
            block.push((at, at + line.len()));
            at += line.len() + 1;
            block_bytes += line.len();
        }
        if block.is_empty() {
            break;
        }
        let learnt: Vec<Learnt<'_>> = block
            .par_iter()
            .map(|&(start, end)| Learnt::of(&bytes[start..end]))
            .collect();
        for (&(start, end), learnt) in block.iter().zip(learnt) {
            line_number += 1;
            match learnt {
                Learnt::Blank => {}
                // An object whose keys cannot be read (a lone surrogate in one) is still a row:
                // reading its values then says what is wrong with it.
                Learnt::Object(keys) => {
                    keys.into_iter()
                        .flat_map(|Keys(keys)| keys)
                        .for_each(|key| columns.add(key));
                    elements.push(Element {
                        start,
                        end,
                        line: line_number,
                        column: 1,
                    });
                }
                Learnt::NotObject => problems.push(
                    Finding::text(
                        Code::ParseError,
                        t!("read-jsonl-not-object", line = line_number as i64),
                    )
                    .at_line(line_number),
                ),
                Learnt::Invalid(e) => {
                    let message = t!(
                        "read-jsonl-invalid",
                        line = line_number as i64,
                        error = e.to_string()
                    );
                    problems.push(syntax_error(&e, message).at_line(line_number));
                }
            }
        }
    }
    let mut table = table_with(bytes, elements, RowKind::Line, "jsonl", columns);
    table.locator = Locator::JsonLines;
    table.notes.extend(problems);
    Ok(Ok(table))
}

/// What a line of JSON Lines is, learnt without building it (its values are read batch by batch).
enum Learnt<'a> {
    Blank,
    /// An object, with its keys when they can be read.
    Object(Option<Keys<'a>>),
    /// Valid JSON, but not an object.
    NotObject,
    Invalid(serde_json::Error),
}

impl<'a> Learnt<'a> {
    fn of(line: &'a [u8]) -> Learnt<'a> {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Learnt::Blank;
        }
        let object = line.trim_ascii_start().first() == Some(&b'{');
        let keys = if object {
            serde_json::from_slice::<Keys>(line).ok()
        } else {
            None
        };
        let syntax = match keys {
            Some(_) => Ok(IgnoredAny),
            None => serde_json::from_slice::<IgnoredAny>(line),
        };
        match syntax {
            Ok(_) if object => Learnt::Object(keys),
            Ok(_) => Learnt::NotObject,
            Err(e) => Learnt::Invalid(e),
        }
    }
}

/// One row's text in the file: its byte range, and the line and character column it starts at.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Element {
    start: usize,
    end: usize,
    line: u64,
    column: u64,
}

/// How a row's text becomes cells.
#[derive(Clone, Copy, PartialEq)]
enum RowKind {
    /// An element of a JSON array: an object (anything else is an empty row).
    Object,
    /// A GeoJSON feature: its properties and its geometry as WKT.
    Feature,
    /// A line of JSON Lines (its places are its line).
    Line,
}

/// The rows of a document: the array and the key that holds it (`None` for a top-level array).
struct FoundRows {
    key: Option<String>,
    geo: bool,
    /// Byte ranges of the array's elements in the text.
    elements: Vec<(usize, usize)>,
}

/// An object's key as the text has it: borrowed from the text unless it holds an escape, so that
/// reading a row's keys allocates nothing.
struct KeyText<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for KeyText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = KeyText<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Self::Value, E> {
                Ok(KeyText(Cow::Borrowed(key)))
            }
            fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
                Ok(KeyText(Cow::Owned(key.to_string())))
            }
            fn visit_string<E>(self, key: String) -> Result<Self::Value, E> {
                Ok(KeyText(Cow::Owned(key)))
            }
        }
        deserializer.deserialize_str(Visit)
    }
}

/// The members of an object in document order, their values left as text.
struct Members<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Self::Value, M::Error> {
                let mut members = Vec::new();
                while let Some(KeyText(key)) = map.next_key()? {
                    members.push((key, map.next_value::<&'a RawValue>()?));
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// The keys of an object in document order, its values skipped; nothing for another value.
struct Keys<'a>(Vec<Cow<'a, str>>);

impl<'de> Deserialize<'de> for Keys<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Keys<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Keys<'de>, M::Error> {
                let mut keys = Vec::new();
                while let Some(KeyText(key)) = map.next_key()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

/// The byte range of a raw value inside `text`, which it was read from.
fn span(text: &[u8], raw: &RawValue) -> (usize, usize) {
    let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
    (start, start + raw.get().len())
}

/// The elements of an array given as raw text, as ranges of `text`.
fn elements_of(text: &[u8], array: &RawValue) -> Option<Vec<(usize, usize)>> {
    let items: Vec<&RawValue> = serde_json::from_str(array.get()).ok()?;
    Some(items.iter().map(|raw| span(text, raw)).collect())
}

/// Where the rows are: a top-level array; the features of a FeatureCollection; else the first
/// member of the top-level object that is an array holding an object.
fn find_rows(text: &[u8]) -> Option<FoundRows> {
    let document: &RawValue = serde_json::from_slice(text).ok()?;
    let trimmed = document.get().trim_start();
    if trimmed.starts_with('[') {
        let elements = elements_of(text, document)?;
        // An array of arrays or numbers (however deep) is not a table of rows.
        if !elements.is_empty() && !elements.iter().any(|&(s, _)| text[s] == b'{') {
            return None;
        }
        return Some(FoundRows {
            key: None,
            geo: false,
            elements,
        });
    }
    let Members(members) = serde_json::from_str(document.get()).ok()?;
    let is_collection = members.iter().any(|(k, v)| {
        k == "type"
            && serde_json::from_str::<String>(v.get()).is_ok_and(|t| t == "FeatureCollection")
    });
    if is_collection {
        let (_, features) = members.iter().rev().find(|(k, _)| k == "features")?;
        return Some(FoundRows {
            key: Some("features".into()),
            geo: true,
            elements: elements_of(text, features)?,
        });
    }
    members.iter().find_map(|(key, value)| {
        if !value.get().starts_with('[') {
            return None;
        }
        let elements = elements_of(text, value)?;
        let holds_object = elements.iter().any(|&(s, _)| text[s] == b'{');
        holds_object.then(|| FoundRows {
            key: Some(key.to_string()),
            geo: false,
            elements,
        })
    })
}

/// The line and character column each element starts at, counted once through the text.
fn located(text: &[u8], elements: &[(usize, usize)], offset: usize) -> Vec<Element> {
    let (mut at, mut line, mut line_start) = (0usize, 1u64, 0usize);
    elements
        .iter()
        .map(|&(start, end)| {
            for newline in memchr::memchr_iter(b'\n', &text[at..start]) {
                line += 1;
                line_start = at + newline + 1;
            }
            at = start;
            Element {
                start: start + offset,
                end: end + offset,
                line,
                column: characters(&text[line_start..start]) + 1,
            }
        })
        .collect()
}

/// Characters in UTF-8 text: bytes that do not continue a character.
fn characters(text: &[u8]) -> u64 {
    text.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

/// Where the value of each top-level member of one object is: `found(key, line, character
/// column)`, counted from where the object starts. A key without escapes is passed as it is
/// written, without a copy.
fn member_places(text: &[u8], line: u64, column: u64, mut found: impl FnMut(&str, u64, u64)) {
    let (mut line, mut column) = (line, column.saturating_sub(1));
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut string_start, mut key, mut value_due) = (0usize, None, false);
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            line += 1;
            column = 0;
        } else if b & 0xC0 != 0x80 {
            column += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if depth == 1 && !value_due {
                    key = Some((string_start, i));
                }
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            continue;
        }
        if value_due && depth == 1 {
            value_due = false;
            if let Some((s, e)) = key.take() {
                let raw = &text[s..e];
                match std::str::from_utf8(raw) {
                    Ok(name) if !raw.contains(&b'\\') => found(name, line, column),
                    _ => {
                        if let Ok(name) = serde_json::from_slice::<String>(&text[s - 1..=e]) {
                            found(&name, line, column);
                        }
                    }
                }
            }
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b':' if depth == 1 => value_due = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

/// The keys a row gives as columns, in its order.
fn row_keys(text: &[u8], kind: RowKind) -> Vec<Cow<'_, str>> {
    if kind == RowKind::Feature {
        let feature: Value = serde_json::from_slice(text).unwrap_or_default();
        return feature_row_keys(&feature)
            .into_iter()
            .map(Cow::Owned)
            .collect();
    }
    serde_json::from_slice::<Keys>(text).map_or_else(|_| Vec::new(), |k| k.0)
}

/// A table of rows: columns are the top-level keys in the order they first appear (a first pass
/// that keeps only the keys); the rows are then read batch by batch, as the check asks for them.
fn table_of(
    bytes: Vec<u8>,
    elements: Vec<Element>,
    kind: RowKind,
    format: &'static str,
) -> TableSource {
    let mut columns = Columns::default();
    for element in &elements {
        for key in row_keys(&bytes[element.start..element.end], kind) {
            columns.add(key);
        }
    }
    table_with(bytes, elements, kind, format, columns)
}

/// A column's number by its key, looked up for every key of every row: foldhash rather than
/// SipHash, as for the code lists.
type KeyIndex = HashMap<String, usize, foldhash::fast::FixedState>;

/// The columns of a table: the keys of its rows in the order they first appear.
#[derive(Default)]
struct Columns {
    header: Vec<String>,
    index: KeyIndex,
    /// Keys beyond MAX_KEYS, not read.
    dropped: usize,
}

impl Columns {
    fn add(&mut self, key: Cow<'_, str>) {
        if self.index.contains_key(key.as_ref()) {
            return;
        }
        if self.header.len() >= MAX_KEYS {
            self.dropped += 1;
        } else {
            self.index.insert(key.to_string(), self.header.len());
            self.header.push(key.into_owned());
        }
    }
}

/// A table of rows whose columns are known.
fn table_with(
    bytes: Vec<u8>,
    elements: Vec<Element>,
    kind: RowKind,
    format: &'static str,
    columns: Columns,
) -> TableSource {
    let mut notes = Vec::new();
    if columns.dropped > 0 {
        notes.push(Finding::text(
            Code::Input,
            t!(
                "read-json-too-many-keys",
                max = MAX_KEYS as i64,
                dropped = columns.dropped as i64
            ),
        ));
    }
    let rows = Rows {
        bytes,
        elements: elements.into_iter(),
        index: columns.index,
        columns: columns.header.len(),
        kind,
        pool: BatchPool::default(),
    };
    TableSource {
        format,
        header: columns.header,
        header_line: 1,
        locator: Locator::Lines,
        notes,
        batches: Box::new(rows),
    }
}

/// The rows of a JSON table, made into batches of cells one batch at a time.
struct Rows {
    bytes: Vec<u8>,
    elements: std::vec::IntoIter<Element>,
    index: KeyIndex,
    columns: usize,
    kind: RowKind,
    pool: BatchPool,
}

impl Iterator for Rows {
    type Item = io::Result<RowBatch>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut batch = self.pool.batch(0, 0, 0);
        let elements: Vec<Element> = self.elements.by_ref().take(BATCH_ROWS).collect();
        // Each row's values are read in parallel (reading JSON is most of the work), then put in
        // the batch in order; a row holds only the cells it has until then.
        let read: Vec<(FilledCells<'_>, serde_json::Result<()>)> = elements
            .par_iter()
            .map(|element| self.row(&self.bytes[element.start..element.end]))
            .collect();
        let mut cells: Vec<Cow<'_, str>> = Vec::with_capacity(self.columns);
        for (element, (filled, read)) in elements.iter().zip(read) {
            let text = &self.bytes[element.start..element.end];
            cells.clear();
            cells.resize(self.columns, Cow::Borrowed(""));
            for (at, cell) in filled {
                cells[at] = cell;
            }
            // The document's syntax was checked whole, but not everything reading a value checks:
            // nesting deeper than 128 levels, text that is not UTF-8, a lone surrogate.
            if let Err(e) = read {
                let row = batch.len() as u64 + 1;
                let message = if e.to_string().contains("recursion limit") {
                    t!("read-json-too-deep")
                } else {
                    t!("read-json-row-unreadable", error = e.to_string())
                };
                let mut finding = Finding::text(Code::ParseError, message).at_line(element.line);
                finding.row = Some(row);
                batch.findings.push(finding);
                cells.iter_mut().for_each(|c| *c = Cow::Borrowed(""));
            }
            let row = batch.len();
            if self.kind != RowKind::Line {
                member_places(text, element.line, element.column, |key, line, column| {
                    if let Some(&at) = self.index.get(key) {
                        batch.places.push((row, at, line, column));
                    }
                });
            }
            batch.push(element.line, cells.iter().map(|c| c.as_ref()));
        }
        (!batch.is_empty()).then_some(Ok(batch))
    }
}

/// The cells of a row that have values: (column, text).
type FilledCells<'t> = Vec<(usize, Cow<'t, str>)>;

impl Rows {
    /// One row's cells that have values (column, text), from its JSON text.
    fn row<'t>(&self, text: &'t [u8]) -> (FilledCells<'t>, serde_json::Result<()>) {
        let mut cells = Vec::new();
        let read = match self.kind {
            RowKind::Feature => serde_json::from_slice(text).map(|f: Value| {
                for (key, value) in feature_row(&f) {
                    if let Some(&at) = self.index.get(&key) {
                        cells.push((at, Cow::Owned(cell_text(value))));
                    }
                }
            }),
            // Values straight from the text: a string without escapes is a view of it.
            _ if text.trim_ascii_start().first() == Some(&b'{') => {
                serde_json::from_slice::<Members>(text).and_then(|Members(members)| {
                    members.into_iter().try_for_each(|(key, value)| {
                        if let Some(&at) = self.index.get(key.as_ref()) {
                            cells.push((at, raw_cell_text(value)?));
                        }
                        Ok(())
                    })
                })
            }
            // Not an object: an empty row, if it can be read at all.
            _ => serde_json::from_slice::<Value>(text).map(|_| ()),
        };
        (cells, read)
    }
}

/// A value's cell text read from its JSON text, as [`cell_text`] gives it: a string without
/// escapes is its text between the quotes, borrowed; anything else is built as a value first,
/// which fails for a value nested deeper than serde_json builds.
fn raw_cell_text(raw: &RawValue) -> serde_json::Result<Cow<'_, str>> {
    let text = raw.get();
    Ok(match text.as_bytes().first() {
        Some(b'"') if !text.contains('\\') => Cow::Borrowed(&text[1..text.len() - 1]),
        Some(b'n') => Cow::Borrowed(""),
        Some(b't' | b'f') => Cow::Borrowed(text),
        // Built one level down, as it was when the whole row was built: the row's own object
        // counts towards serde_json's depth limit.
        Some(b'[' | b'{') => {
            let wrapped: [Value; 1] = serde_json::from_str(&format!("[{text}]"))?;
            let [value] = wrapped;
            Cow::Owned(cell_text(value))
        }
        _ => Cow::Owned(cell_text(serde_json::from_str::<Value>(text)?)),
    })
}

/// A value as a cell's text: strings as they are, numbers and booleans as JSON writes them,
/// null as an empty cell, objects and arrays as compact JSON.
fn cell_text(value: Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// The columns of a GeoJSON feature as [`feature_row`] makes them, without making its WKT.
fn feature_row_keys(feature: &Value) -> Vec<String> {
    let mut keys: Vec<String> = feature
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    if let Some(geometry) = feature.get("geometry").filter(|g| !g.is_null()) {
        let column = match geometry.get("type").and_then(Value::as_str) {
            Some("Point") => "point",
            _ => "geometry",
        };
        if !keys.iter().any(|k| k == column) {
            keys.push(column.to_string());
        }
    }
    keys
}

/// A GeoJSON feature as a row: its properties, then its geometry as WKT.
fn feature_row(feature: &Value) -> Map<String, Value> {
    let mut row = feature
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if let Some(geometry) = feature.get("geometry").filter(|g| !g.is_null()) {
        let column = match geometry.get("type").and_then(Value::as_str) {
            Some("Point") => "point",
            _ => "geometry",
        };
        if !row.contains_key(column) {
            let wkt = wkt_of(geometry).unwrap_or_else(|| geometry.to_string());
            row.insert(column.to_string(), Value::String(wkt));
        }
    }
    row
}

/// A GeoJSON geometry as WKT (`None` when it is malformed: its JSON text is then checked, and
/// fails, as the WKT would).
pub fn wkt_of(geometry: &Value) -> Option<String> {
    let kind = geometry.get("type")?.as_str()?;
    let coordinates = geometry.get("coordinates")?;
    let position = |p: &Value| -> Option<String> {
        let p = p.as_array()?;
        let x = p.first()?.as_f64()?;
        let y = p.get(1)?.as_f64()?;
        Some(format!("{x} {y}"))
    };
    let ring = |r: &Value| -> Option<String> {
        let points: Option<Vec<String>> = r.as_array()?.iter().map(position).collect();
        Some(format!("({})", points?.join(", ")))
    };
    let polygon = |p: &Value| -> Option<String> {
        let rings: Option<Vec<String>> = p.as_array()?.iter().map(ring).collect();
        Some(format!("({})", rings?.join(", ")))
    };
    Some(match kind {
        "Point" => format!("POINT ({})", position(coordinates)?),
        "Polygon" => format!("POLYGON {}", polygon(coordinates)?),
        "MultiPolygon" => {
            let polygons: Option<Vec<String>> =
                coordinates.as_array()?.iter().map(polygon).collect();
            format!("MULTIPOLYGON ({})", polygons?.join(", "))
        }
        "LineString" => format!("LINESTRING {}", ring(coordinates)?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows(text: &[u8]) -> (Option<String>, Vec<Element>) {
        let found = find_rows(text).expect("rows");
        (found.key, located(text, &found.elements, 0))
    }

    #[test]
    fn rows_start_on_their_lines() {
        let text = b"[\n  {\"a\": 1},\n  {\"a\": \"x,]\"},\n\n  {\"a\": [1, 2]}\n]";
        let (key, elements) = rows(text);
        assert_eq!(key, None);
        let lines: Vec<u64> = elements.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 5]);
        assert_eq!(elements[0].column, 3);
        let text =
            b"{\"meta\": [0],\n \"grants\": [\n {\"id\": 1},\n {\"id\": 2, \"\xC2\xA3\": 3}\n]}";
        let (key, elements) = rows(text);
        assert_eq!(key.as_deref(), Some("grants"));
        let lines: Vec<u64> = elements.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4]);
        let second = elements[1];
        let mut places = Vec::new();
        member_places(
            &text[second.start..second.end],
            second.line,
            second.column,
            |key, line, column| places.push((key.to_string(), line, column)),
        );
        assert_eq!(places, [("id".to_string(), 4, 9), ("£".to_string(), 4, 17)]);
        // An escaped key is read as its text.
        let mut places = Vec::new();
        member_places(br#"{"ab": 1}"#, 1, 1, |key, _, _| {
            places.push(key.to_string())
        });
        assert_eq!(places, ["ab"]);
    }

    #[test]
    fn a_feature_collection_is_found_whatever_its_member_order() {
        let text = br#"{"features": [{"type": "Feature", "properties": {"a": 1}, "geometry": null}], "type": "FeatureCollection"}"#;
        let found = find_rows(text).expect("rows");
        assert!(found.geo);
        assert_eq!(found.elements.len(), 1);
        assert_eq!(found.key.as_deref(), Some("features"));
    }

    #[test]
    fn geometry_becomes_wkt() {
        let point = json!({"type": "Point", "coordinates": [-0.1, 51.5]});
        assert_eq!(wkt_of(&point).as_deref(), Some("POINT (-0.1 51.5)"));
        let square = json!({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]});
        assert_eq!(
            wkt_of(&square).as_deref(),
            Some("POLYGON ((0 0, 1 0, 1 1, 0 0))")
        );
        assert_eq!(
            wkt_of(&json!({"type": "Polygon", "coordinates": "x"})),
            None
        );
    }

    #[test]
    fn values_become_cell_text() {
        assert_eq!(cell_text(json!(1500.5)), "1500.5");
        assert_eq!(cell_text(json!(null)), "");
        assert_eq!(cell_text(json!(true)), "true");
        assert_eq!(cell_text(json!([{"id": 1}])), "[{\"id\":1}]");
    }
}

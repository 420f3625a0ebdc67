//! JSON documents (an array of objects; an object whose key holds the rows, as 360Giving's
//! `{"grants": [...]}`; a GeoJSON FeatureCollection) and JSON Lines, as tables: a row an object,
//! a column a top-level key. Nested objects and arrays are kept as compact JSON text. A GeoJSON
//! feature is a row of its properties plus its geometry written as WKT (`geometry` for areas,
//! `point` for points), which the planning standards check as they check WKT.

use std::io;

use serde_json::{Map, Value};

use super::{unreadable, Batcher, Locator, TableSource, MAX_DOCUMENT_BYTES};
use crate::finding::{Code, Finding};
use crate::read::{Input, TooLarge};

/// Most distinct top-level keys read as columns (a spreadsheet's width): rows each with keys of
/// their own would otherwise make a table of rows × keys cells.
const MAX_KEYS: usize = 16_384;

fn read(input: &Input) -> io::Result<Result<Vec<u8>, Finding>> {
    match input.read_all(MAX_DOCUMENT_BYTES) {
        Ok(bytes) => Ok(Ok(bytes)),
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) => Ok(Err(unreadable(
            format!("the JSON is too large to read: {e}"),
        ))),
        Err(e) => Err(e),
    }
}

fn syntax_error(e: &serde_json::Error) -> Finding {
    let mut finding = Finding::new(
        Code::ParseError,
        format!("the JSON is malformed at line {}, column {}: {e}", e.line(), e.column()),
    )
    .with_help(Some("fix the JSON there (a missing comma or bracket, a stray quote); a JSON validator shows the same place".into()));
    finding.line = Some(e.line() as u64);
    finding.character = Some(e.column() as u64);
    finding
}

pub fn open(input: &Input) -> io::Result<Result<TableSource, Finding>> {
    let bytes = match read(input)? {
        Ok(bytes) => bytes,
        Err(finding) => return Ok(Err(finding)),
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    // serde_json refuses nesting deeper than 128 levels, so hostile depth is an error, not a crash.
    let document: Value = match serde_json::from_slice(text) {
        Ok(value) => value,
        // One object a line, whose first line was too long to tell by: JSON Lines.
        Err(e) if e.line() > 1 && first_line_is_an_object(text) => return open_lines(input),
        Err(e) => return Ok(Err(syntax_error(&e))),
    };
    let Some((key, rows)) = rows_of(&document) else {
        return Ok(Err(Finding::new(
            Code::EmptyFile,
            "the JSON holds no table: conform reads an array of objects, an object with one array of objects (such as {\"grants\": [...]}), or a GeoJSON FeatureCollection",
        )));
    };
    let geo = document.get("type").and_then(Value::as_str) == Some("FeatureCollection");
    let (lines, places) = element_places(text, key);
    let objects: Vec<Map<String, Value>> = rows
        .iter()
        .map(|row| {
            if geo {
                feature_row(row)
            } else {
                row.as_object().cloned().unwrap_or_default()
            }
        })
        .collect();
    let prefix = key
        .map(|k| format!("/{}", crate::json_pointer::escape(k)))
        .unwrap_or_default();
    let mut table = table_of(
        &objects,
        |i| lines.get(i).copied().unwrap_or(1),
        |i| places.get(i).map(Vec::as_slice).unwrap_or_default(),
        "json",
    );
    table.locator = Locator::Json { prefix, geo };
    if geo {
        table.format = "geojson";
    }
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
    let mut objects = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    for (n, line) in text.split(|b| *b == b'\n').enumerate() {
        let line_number = n as u64 + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Value>(line) {
            Ok(Value::Object(object)) => {
                objects.push(object);
                lines.push(line_number);
            }
            Ok(_) => problems.push(
                Finding::new(
                    Code::ParseError,
                    format!("line {line_number} is not a JSON object"),
                )
                .at_line(line_number),
            ),
            Err(e) => {
                let mut finding = syntax_error(&e).at_line(line_number);
                finding.message = format!("line {line_number} is not valid JSON: {e}");
                problems.push(finding);
            }
        }
    }
    let mut table = table_of(&objects, |i| lines[i], |_| &[], "jsonl");
    table.locator = Locator::JsonLines;
    table.notes.extend(problems);
    Ok(Ok(table))
}

/// The rows and the key that holds them (`None` for a top-level array).
fn rows_of(document: &Value) -> Option<(Option<&str>, &Vec<Value>)> {
    match document {
        Value::Array(rows) => Some((None, rows)),
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("FeatureCollection") {
                return map
                    .get("features")
                    .and_then(Value::as_array)
                    .map(|f| (Some("features"), f));
            }
            map.iter()
                .find(|(_, v)| v.as_array().is_some_and(|a| a.iter().any(Value::is_object)))
                .and_then(|(k, v)| Some((Some(k.as_str()), v.as_array()?)))
        }
        _ => None,
    }
}

/// A table of objects: columns are the top-level keys in the order they first appear.
fn table_of<'p>(
    objects: &[Map<String, Value>],
    line_of: impl Fn(usize) -> u64,
    places_of: impl Fn(usize) -> &'p [(String, u64, u64)],
    format: &'static str,
) -> TableSource {
    let mut header: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut dropped = 0usize;
    for object in objects {
        for key in object.keys() {
            if !index.contains_key(key) && header.len() >= MAX_KEYS {
                dropped += 1;
            } else if !index.contains_key(key) {
                index.insert(key.clone(), header.len());
                header.push(key.clone());
            }
        }
    }
    let mut batcher = Batcher::new();
    let mut cells: Vec<String> = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        cells.clear();
        cells.resize(header.len(), String::new());
        for (key, value) in object {
            if let Some(&at) = index.get(key) {
                cells[at] = cell_text(value);
            }
        }
        let batch = batcher.current();
        let row = batch.len();
        for (key, line, column) in places_of(i) {
            if let Some(&at) = index.get(key) {
                batch.places.push((row, at, *line, *column));
            }
        }
        batch.push(line_of(i), cells.iter().map(String::as_str));
    }
    let mut notes = Vec::new();
    if dropped > 0 {
        notes.push(Finding::new(
            Code::Input,
            format!("the rows have more than {MAX_KEYS} different keys: {dropped} keys beyond them were not read"),
        ));
    }
    TableSource {
        format,
        header,
        header_line: 1,
        locator: Locator::Lines,
        notes,
        batches: Box::new(batcher.finish().into_iter().map(Ok)),
    }
}

/// A value as a cell's text: strings as they are, numbers and booleans as JSON writes them,
/// null as an empty cell, objects and arrays as compact JSON.
fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
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

/// Where each element of the rows' array starts (its line), and where the value of each of its
/// top-level keys is (key, line, character column): the array at the top, or under `key` of the
/// top-level object. One pass over the text that follows strings and nesting.
#[allow(clippy::type_complexity)]
fn element_places(text: &[u8], key: Option<&str>) -> (Vec<u64>, Vec<Vec<(String, u64, u64)>>) {
    let target_depth = if key.is_some() { 2 } else { 1 };
    let mut lines = Vec::new();
    let mut places: Vec<Vec<(String, u64, u64)>> = Vec::new();
    let (mut line, mut column) = (1u64, 0u64);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut expecting_value = false;
    let mut in_target = key.is_none();
    let mut string_start = 0usize;
    let mut last_key: Option<(usize, usize)> = None;
    // Inside an element: the last string read at its depth, and whether a value is due.
    let mut member: Option<(usize, usize)> = None;
    let mut member_value_due = false;
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
                if depth == 1 {
                    last_key = Some((string_start, i));
                }
                if depth == target_depth + 1 {
                    member = Some((string_start, i));
                }
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            continue;
        }
        if expecting_value && in_target && depth == target_depth && b != b']' {
            lines.push(line);
            places.push(Vec::new());
        }
        expecting_value = false;
        if member_value_due && in_target && depth == target_depth + 1 {
            member_value_due = false;
            if let (Some((s, e)), Some(row)) = (member.take(), places.last_mut()) {
                if let Ok(name) = serde_json::from_slice::<String>(&text[s.saturating_sub(1)..=e]) {
                    row.push((name, line, column));
                }
            }
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b':' if depth == target_depth + 1 => member_value_due = true,
            b'[' | b'{' => {
                depth += 1;
                if b == b'[' && depth == target_depth {
                    if let (Some(key), Some((s, e))) = (key, last_key) {
                        in_target =
                            serde_json::from_slice::<String>(&text[s.saturating_sub(1)..=e])
                                .is_ok_and(|k| k == key);
                    }
                    expecting_value = true;
                }
            }
            b']' | b'}' => {
                if b == b']' && depth == target_depth && in_target && key.is_some() {
                    in_target = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' => expecting_value = depth == target_depth,
            _ => {}
        }
    }
    (lines, places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rows_start_on_their_lines() {
        let text = b"[\n  {\"a\": 1},\n  {\"a\": \"x,]\"},\n\n  {\"a\": [1, 2]}\n]";
        assert_eq!(element_places(text, None).0, [2, 3, 5]);
        let text =
            b"{\"meta\": [0],\n \"grants\": [\n {\"id\": 1},\n {\"id\": 2, \"\xC2\xA3\": 3}\n]}";
        let (lines, places) = element_places(text, Some("grants"));
        assert_eq!(lines, [3, 4]);
        assert_eq!(
            places[1],
            [("id".to_string(), 4, 9), ("£".to_string(), 4, 17)]
        );
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
        assert_eq!(cell_text(&json!(1500.5)), "1500.5");
        assert_eq!(cell_text(&json!(null)), "");
        assert_eq!(cell_text(&json!(true)), "true");
        assert_eq!(cell_text(&json!([{"id": 1}])), "[{\"id\":1}]");
    }
}

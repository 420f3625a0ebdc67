//! Data standards: the file format of SPEC section 3, loaded from a path or from the built-in
//! catalogue, checked for consistency, and turned into plain types the rest of conform uses.

pub(crate) mod builtin;
mod codelist;
mod error;
pub mod frictionless;

pub(crate) mod locate;
mod raw;

use std::collections::BTreeMap;

// Code lists are looked up once a cell: foldhash (hashbrown's default) rather than SipHash.
use hashbrown::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::finding::{Code, Severity, SeverityTable};
pub(crate) use builtin::file as builtin_file;
pub use builtin::{builtin_standards, BuiltinEntry};
pub use error::{not_json, StandardError};

/// A loaded, consistent standard.
#[derive(Debug)]
pub struct Standard {
    pub id: String,
    pub version: String,
    pub title: String,
    pub publisher: Option<String>,
    pub licence: Option<String>,
    pub source: Option<String>,
    pub description: Option<String>,
    pub tables: Vec<Table>,
    /// Where each fact of the standard came from: (fact, source), for its documentation.
    pub sources: Vec<(String, String)>,
    /// The code lists the standard defines.
    pub codelists: Vec<Arc<CodeList>>,
    /// Where it came from: `builtin:ID` or a file path.
    pub origin: String,
    /// What of the standard conform cannot check exactly (from a Frictionless descriptor):
    /// said in every report as `unchecked` findings, so that nothing passes silently.
    pub unchecked: Vec<String>,
    /// A Data Package's data files, by table: its own paths, relative to the working folder.
    pub resources: Vec<(String, Vec<PathBuf>)>,
    /// Every file the standard was read from (itself, its schemas, its code lists): inputs of
    /// the run, which a report must never be written over.
    pub files: Vec<PathBuf>,
}

/// How header cells are matched to the standard's column names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderMatch {
    Exact,
    Normalised,
    /// Only letters and digits count, case ignored (`Site Reference` = `SiteReference` =
    /// `site_reference`), as the planning.data.gov.uk pipeline matches column names.
    Compact,
}

#[derive(Debug)]
pub struct HeaderRules {
    pub matching: HeaderMatch,
    pub strict_order: bool,
    /// Every column must be in the header, optional ones too (Table Schema's `fieldsMatch`).
    pub all_columns: bool,
}

/// One table of a standard: the shape of one file.
#[derive(Debug)]
pub struct Table {
    pub name: String,
    pub description: Option<String>,
    pub title: Option<String>,
    /// The row schema. A `$ref` may point inside it (`#/$defs/...`), never to another file.
    pub schema: Value,
    /// Where the row schema's text came from, for diagnostics.
    pub schema_name: String,
    pub schema_text: Arc<str>,
    /// Where the row schema sits inside `schema_text` as a JSON pointer ("" for a schema file).
    pub schema_pointer: String,
    pub header: HeaderRules,
    pub missing_values: Vec<String>,
    pub columns: Vec<Column>,
    pub primary_key: Vec<usize>,
    pub unique_keys: Vec<Vec<usize>>,
    pub row_min: Option<u64>,
    pub row_max: Option<u64>,
    pub severity: SeverityTable,
    pub rules: Vec<Rule>,
    /// Keys into other tables of the standard, checked when their files are checked together.
    pub foreign_keys: Vec<ForeignKey>,
}

/// A cross-field rule (`rules` in the standard file): a row that breaks it gets a `rule` finding
/// with the rule's id and message.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub message: String,
    pub help: Option<String>,
    /// Indices of the columns the rule concerns.
    pub columns: Vec<usize>,
    pub test: RuleTest,
    /// The severity of its findings (error unless the standard says otherwise).
    pub severity: crate::finding::Severity,
    /// Where the rule comes from, as the standard says.
    pub source: Option<String>,
}

/// What a rule asks of a row.
#[derive(Debug)]
pub enum RuleTest {
    /// A JSON Schema the row object must satisfy (`if`/`then`, `anyOf`, `dependentRequired`...).
    Schema(Value),
    /// One column's value compared with another's, when both are given and comparable: numbers
    /// as numbers, dates (ISO, partial ISO or dd/mm/yyyy) as dates. JSON Schema cannot say this.
    Compare {
        left: usize,
        op: CompareOp,
        right: usize,
    },
    /// Two number columns read as one point (see [`crate::coordinates`]) that must fall inside
    /// a ring of longitude, latitude corners.
    Point {
        x: usize,
        y: usize,
        within: Vec<(f64, f64)>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl CompareOp {
    pub fn parse(text: &str) -> Option<CompareOp> {
        Some(match text {
            "<" => CompareOp::Less,
            "<=" => CompareOp::LessOrEqual,
            ">" => CompareOp::Greater,
            ">=" => CompareOp::GreaterOrEqual,
            _ => return None,
        })
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Less => "<",
            CompareOp::LessOrEqual => "<=",
            CompareOp::Greater => ">",
            CompareOp::GreaterOrEqual => ">=",
        }
    }

    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Less => ordering == Less,
            CompareOp::LessOrEqual => ordering != Greater,
            CompareOp::Greater => ordering == Greater,
            CompareOp::GreaterOrEqual => ordering != Less,
        }
    }
}

/// Values of `columns` must appear in `reference_columns` of the file(s) of table `table`.
#[derive(Debug, Clone)]
pub struct ForeignKey {
    pub columns: Vec<usize>,
    pub table: String,
    pub reference_columns: Vec<String>,
}

impl ForeignKey {
    /// Where the columns this key refers to are in `target` (its referenced table); `None` when
    /// one is not there.
    pub fn referenced_columns(&self, target: &Table) -> Option<Vec<usize>> {
        self.reference_columns
            .iter()
            .map(|name| target.columns.iter().position(|c| &*c.name == name))
            .collect()
    }
}

/// A column: its schema property plus the rules JSON Schema cannot say.
#[derive(Debug)]
pub struct Column {
    pub name: Arc<str>,
    pub required: bool,
    pub aliases: Vec<String>,
    pub unique: bool,
    pub codelist: Option<Arc<CodeList>>,
    /// Set when the code list comes from a `foreignKeys` entry: misses are `foreign-key` findings.
    pub codelist_is_foreign_key: bool,
    /// Splits a cell into several codes (planning.data.gov.uk lists such as `3D;3M;11B`).
    pub separator: Option<String>,
    /// The property's subschema (`{}` where the schema does not describe the column).
    pub schema: Value,
    /// Forms of value the standard does not ask for but takes at a lower severity (`tolerate`).
    pub tolerate: Vec<Tolerance>,
    /// What the pattern asks, in words (`patternInWords`), for messages.
    pub pattern_in_words: Option<String>,
}

/// A form of value that is readable and unambiguous but not the form asked for: a value that fails
/// the column's format or pattern and passes this test is reported at `severity` with `why`.
#[derive(Debug, Clone)]
pub struct Tolerance {
    pub test: ToleranceTest,
    /// What such a value is, as a phrase ("an ISO date (yyyy-mm-dd)").
    pub phrase: String,
    pub why: String,
    pub source: Option<String>,
    pub severity: crate::finding::Severity,
}

#[derive(Debug, Clone)]
pub enum ToleranceTest {
    /// A format conform knows, by name.
    Format(&'static str),
    Pattern(String),
}

impl Column {
    pub fn title(&self) -> Option<&str> {
        self.schema.get("title").and_then(Value::as_str)
    }

    pub fn description(&self) -> Option<&str> {
        self.schema.get("description").and_then(Value::as_str)
    }
}

/// Allowed codes, read from a CSV column.
#[derive(Debug)]
pub struct CodeList {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    /// Which release of the list this is (a version, date or commit), where its source gives one.
    pub version: Option<String>,
    pub codes: HashSet<Box<str>>,
    /// Codes compared with case, spaces, `-` and `_` ignored (`match: folded`), as the Digital Land
    /// pipeline matches category values; empty when codes match exactly.
    pub folded: HashSet<String>,
}

impl CodeList {
    pub fn contains(&self, value: &str) -> bool {
        if self.codes.contains(value) {
            return true;
        }
        if self.folded.is_empty() {
            return false;
        }
        crate::suggest::with_folded(value, |folded| self.folded.contains(folded))
    }

    /// The `n` smallest codes: a sample that is the same on every run, which the set's own order
    /// is not.
    pub fn sample(&self, n: usize) -> Vec<&str> {
        let mut codes: Vec<&str> = self.codes.iter().map(|c| &**c).collect();
        codes.sort_unstable();
        codes.truncate(n);
        codes
    }
}

impl Standard {
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// Loads `spec`: a path to a standard or JSON Schema file, or a built-in id (`ID` or
    /// `ID@VERSION`). `builtin:ID` names a built-in standard without looking at the file system
    /// first (the server's way: nothing a client sends is ever looked up as a path).
    pub fn load(spec: &str) -> Result<Standard, StandardError> {
        if let Some(id) = spec.strip_prefix("builtin:") {
            return builtin::load(id);
        }
        match standard_file(spec) {
            Some(path) => load_file(&path),
            None => builtin::load(spec),
        }
    }
}

/// A table with no columns, which any header fits: a file no standard matches is read against it
/// to count its rows and see what its columns hold.
pub fn no_standard() -> Result<Standard, StandardError> {
    parse(
        "(no standard)",
        r#"{"type": "object", "properties": {}}"#,
        &Base::Builtin(String::new()),
        "(no standard)".to_string(),
        "none".to_string(),
    )
}

/// The file `spec` names: itself, or the `standard.json` of a folder; `None` for a built-in id.
pub(crate) fn standard_file(spec: &str) -> Option<PathBuf> {
    let path = Path::new(spec);
    if path.is_file() {
        return Some(path.to_path_buf());
    }
    let inside = path.join("standard.json");
    (path.is_dir() && inside.is_file()).then_some(inside)
}

fn load_file(path: &Path) -> Result<Standard, StandardError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        StandardError::new(format!("cannot read the standard {}: {e}", path.display()))
    })?;
    let base = Base::dir(path.parent().map(Path::to_path_buf).unwrap_or_default());
    let name = path.display().to_string();
    let mut standard = parse(
        &name,
        &text,
        &base,
        path.display().to_string(),
        file_stem(path),
    )?;
    standard.files.push(path.to_path_buf());
    if let Base::Dir(_, read) = base {
        standard.files.extend(read.into_inner());
    }
    Ok(standard)
}

fn file_stem(path: &Path) -> String {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("table")
        .to_string();
    stem.trim_end_matches(".json")
        .trim_end_matches(".schema")
        .trim_end_matches(".tableschema")
        .trim_end_matches(".datapackage")
        .to_string()
}

/// Where the files a standard names (schemas, code lists) are found.
pub(crate) enum Base {
    /// A folder, and the files read from it so far.
    Dir(PathBuf, std::cell::RefCell<Vec<PathBuf>>),
    Builtin(String),
}

impl Base {
    pub(crate) fn dir(dir: PathBuf) -> Base {
        Base::Dir(dir, std::cell::RefCell::new(Vec::new()))
    }

    /// Reads a file named relative to the standard; returns its display name and text.
    fn read(&self, relative: &str) -> Result<(String, String), String> {
        // Any standard may use the code lists built into conform, as `builtin:codelists/NAME.csv`.
        if let Some(embedded) = relative.strip_prefix("builtin:") {
            return builtin::file(embedded)
                .map(|t| (relative.to_string(), t.to_string()))
                .ok_or_else(|| format!("the built-in file {embedded} does not exist"));
        }
        match self {
            Base::Dir(dir, read) => {
                let path = dir.join(relative);
                read.borrow_mut().push(path.clone());
                std::fs::read_to_string(&path)
                    .map(|t| (path.display().to_string(), t))
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))
            }
            Base::Builtin(dir) => {
                let joined = builtin::join(dir, relative);
                builtin::file(&joined)
                    .map(|t| (format!("builtin:{joined}"), t.to_string()))
                    .ok_or_else(|| format!("the built-in file {joined} does not exist"))
            }
        }
    }
}

/// Parses standard text; a JSON Schema without `"conform"` becomes a one-table standard.
pub(crate) fn parse(
    name: &str,
    text: &str,
    base: &Base,
    origin: String,
    fallback_id: String,
) -> Result<Standard, StandardError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        StandardError::new(error::not_json(name, &e)).at_line_column(
            name,
            text,
            e.line(),
            e.column(),
        )
    })?;
    if value.get("conform").is_none() {
        // Frictionless descriptors first: a Table Schema may carry a `$schema` too.
        if frictionless::is_data_package(&value) || frictionless::is_table_schema(&value) {
            return frictionless_standard(name, text, &value, base, origin, fallback_id);
        }
        if value.get("properties").is_some() || value.get("$schema").is_some() {
            return bare_schema(name, text, value, origin, fallback_id);
        }
        return Err(StandardError::new(format!(
            "{name} is neither a conform standard (no \"conform\": 1) nor a JSON Schema (no \"properties\")"
        ))
        .at_pointer(name, text, "")
        .help("a standard starts { \"conform\": 1, \"id\": ..., \"tables\": { ... } }; see `conform standards show spend-over-500` for an example"));
    }
    let raw: raw::RawStandard = serde_json::from_str(text).map_err(|e| {
        StandardError::new(format!("{name}: {e}")).at_line_column(name, text, e.line(), e.column())
    })?;
    raw::resolve(raw, name, text, base, origin)
}

/// A Table Schema or Data Package, translated into a conform standard and loaded as one.
fn frictionless_standard(
    name: &str,
    text: &str,
    value: &Value,
    base: &Base,
    origin: String,
    id: String,
) -> Result<Standard, StandardError> {
    let translated = if frictionless::is_data_package(value) {
        let read = |relative: &str| -> Result<Value, String> {
            let (schema_name, schema_text) = base.read(relative)?;
            serde_json::from_str(&schema_text).map_err(|e| error::not_json(&schema_name, &e))
        };
        frictionless::data_package(value, &id, &read)
    } else {
        frictionless::table_schema(value, &id)
    }
    .map_err(|problem| problem.into_error(name, text))?;
    let generated = serde_json::to_string_pretty(&translated.standard).unwrap_or_default();
    let generated_name = format!("{name} (read as a conform standard)");
    let raw: raw::RawStandard = serde_json::from_str(&generated).map_err(|e| {
        StandardError::new(format!("{name}: {e}")).at_line_column(name, text, e.line(), e.column())
    })?;
    let mut standard = raw::resolve(raw, &generated_name, &generated, base, origin)?;
    standard.unchecked = translated.notes;
    let dir = match base {
        Base::Dir(dir, _) => dir.clone(),
        Base::Builtin(_) => PathBuf::new(),
    };
    standard.resources = translated
        .resource_paths
        .into_iter()
        .map(|(table, paths)| (table, paths.iter().map(|p| dir.join(p)).collect()))
        .collect();
    Ok(standard)
}

/// The conform standard a Frictionless descriptor (or any standard) is read as, for
/// `conform standards import`.
pub fn import(spec: &str) -> Result<String, StandardError> {
    let path =
        standard_file(spec).ok_or_else(|| StandardError::new(format!("{spec}: no such file")))?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| StandardError::new(format!("cannot read {}: {e}", path.display())))?;
    let name = path.display().to_string();
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        StandardError::new(error::not_json(&name, &e)).at_line_column(
            &name,
            &text,
            e.line(),
            e.column(),
        )
    })?;
    let id = file_stem(&path);
    let translated = if frictionless::is_data_package(&value) {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let read = |relative: &str| -> Result<Value, String> {
            let text = std::fs::read_to_string(dir.join(relative)).map_err(|e| format!("cannot read {relative}: {e}"))?;
            serde_json::from_str(&text).map_err(|e| error::not_json(relative, &e))
        };
        frictionless::data_package(&value, &id, &read)
    } else if frictionless::is_table_schema(&value) {
        frictionless::table_schema(&value, &id)
    } else {
        return Err(StandardError::new(format!("{name} is not a Table Schema or Data Package"))
            .help("conform standards import reads Frictionless descriptors: a Table Schema (\"fields\") or a Data Package (\"resources\")"));
    }
    .map_err(|problem| problem.into_error(&name, &text))?;
    let mut standard = translated.standard;
    if !translated.notes.is_empty() {
        standard["$comment"] = Value::Array(
            translated
                .notes
                .iter()
                .map(|n| Value::String(format!("not checked: {n}")))
                .collect(),
        );
    }
    let mut out = serde_json::to_string_pretty(&standard).unwrap_or_default();
    out.push('\n');
    Ok(out)
}

fn bare_schema(
    name: &str,
    text: &str,
    schema: Value,
    origin: String,
    id: String,
) -> Result<Standard, StandardError> {
    let title = schema
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or(&id)
        .to_string();
    let table = raw::table_from_schema(
        id.clone(),
        schema,
        name.to_string(),
        Arc::from(text),
        raw::RawTable::default(),
        &BTreeMap::new(),
        "",
    )?;
    Ok(Standard {
        id,
        version: "0".into(),
        title,
        publisher: None,
        licence: None,
        source: None,
        description: None,
        tables: vec![table],
        sources: Vec::new(),
        codelists: Vec::new(),
        origin,
        unchecked: Vec::new(),
        resources: Vec::new(),
        files: Vec::new(),
    })
}

/// Applies `{ "code": "level" }` overrides, reporting the first bad entry as a pointer suffix.
pub(crate) fn apply_severity(
    table: &mut SeverityTable,
    overrides: &BTreeMap<String, String>,
) -> Result<(), (String, String)> {
    for (code, level) in overrides {
        let code_parsed = Code::parse(code).ok_or_else(|| {
            (
                code.clone(),
                format!("\"{code}\" is not a finding code (see `conform explain`)"),
            )
        })?;
        let level = Severity::parse_override(level).ok_or_else(|| {
            (
                code.clone(),
                format!("severity \"{level}\" for {code} must be error, warning, info or off"),
            )
        })?;
        table.set(code_parsed, level);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_spend_standard_loads() {
        let standard = Standard::load("spend-over-500").expect("built-in loads");
        assert_eq!(standard.id, "spend-over-500");
        let table = &standard.tables[0];
        assert!(table
            .columns
            .iter()
            .any(|c| &*c.name == "Net amount" && c.required));
    }

    #[test]
    fn unknown_builtin_suggests_the_closest() {
        let err = Standard::load("spend-over-50").unwrap_err();
        assert!(err.message.contains("spend-over-500"), "{}", err.message);
    }

    #[test]
    fn bad_json_points_at_the_position() {
        let err = parse(
            "s.json",
            "{\n  \"conform\": 1,\n  \"id\": \n}",
            &Base::dir(PathBuf::new()),
            "test".into(),
            "s".into(),
        )
        .unwrap_err();
        assert_eq!(err.location().as_deref(), Some("s.json:4:1"));
    }

    #[test]
    fn unknown_key_column_points_into_the_standard() {
        let text = r#"{ "conform": 1, "id": "t", "version": "1", "title": "T",
  "tables": { "t": {
    "schema": { "properties": { "a": { "type": "string" } } },
    "primaryKey": ["b"] } } }"#;
        let err = parse(
            "t.json",
            text,
            &Base::dir(PathBuf::new()),
            "t".into(),
            "t".into(),
        )
        .unwrap_err();
        assert!(err.message.contains("\"b\""), "{}", err.message);
        assert_eq!(err.location().as_deref(), Some("t.json:4:20"));
    }

    #[test]
    fn bad_regex_points_at_the_pattern() {
        let text = r#"{ "conform": 1, "id": "t", "version": "1", "title": "T",
  "tables": { "t": {
    "schema": { "properties": { "a": { "type": "string", "pattern": "(unclosed" } } } } } }"#;
        let err = parse(
            "t.json",
            text,
            &Base::dir(PathBuf::new()),
            "t".into(),
            "t".into(),
        )
        .unwrap_err();
        assert!(err.message.contains("pattern"), "{}", err.message);
        assert!(err.location().is_some_and(|l| l.starts_with("t.json:3:")));
    }

    #[test]
    fn missing_codelist_is_an_error() {
        let text = r#"{ "conform": 1, "id": "t", "version": "1", "title": "T",
  "tables": { "t": {
    "schema": { "properties": { "a": { "type": "string" } } },
    "columns": { "a": { "codelist": "nope" } } } } }"#;
        let err = parse(
            "t.json",
            text,
            &Base::dir(PathBuf::new()),
            "t".into(),
            "t".into(),
        )
        .unwrap_err();
        assert!(err.message.contains("nope"), "{}", err.message);
    }

    #[test]
    fn bare_json_schema_is_a_one_table_standard() {
        let text = r#"{ "$schema": "https://json-schema.org/draft/2020-12/schema",
            "properties": { "a": { "type": "integer" } }, "required": ["a"] }"#;
        let standard = parse(
            "rows.schema.json",
            text,
            &Base::dir(PathBuf::new()),
            "x".into(),
            "rows".into(),
        )
        .expect("loads");
        assert_eq!(standard.tables.len(), 1);
        assert!(standard.tables[0].columns[0].required);
    }
}

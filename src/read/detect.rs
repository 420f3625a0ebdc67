//! What a file is, by its content first and its name second: a file whose content is another
//! format than its name says is read as what it is, with a note saying so.

use std::path::Path;

use crate::i18n::Text;
use crate::t;

/// What [`Kind::Other`] content is, as its name reports give it.
const PDF: &str = "a PDF document";
const ZSTD: &str = "zstd-compressed data";
const IMAGE: &str = "an image";

/// The formats conform reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Delimited text: CSV, TSV (the delimiter is sniffed).
    Text,
    /// An Excel 2007+ workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// An Excel binary workbook (`.xlsb`).
    Xlsb,
    /// An Excel 97–2003 workbook (`.xls`).
    Xls,
    /// An OpenDocument spreadsheet (`.ods`).
    Ods,
    /// A JSON document: an array of objects, an object of tables, or a GeoJSON FeatureCollection.
    Json,
    /// JSON Lines: one object a line.
    JsonLines,
    /// A zip archive of data files.
    Zip,
    /// Apache Parquet.
    Parquet,
    /// Arrow IPC (Feather v2).
    Arrow,
    /// Something conform does not read (a PDF, an image...).
    Other(&'static str),
}

impl Kind {
    /// The name reports give the format.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "csv",
            Kind::Xlsx => "xlsx",
            Kind::Xlsb => "xlsb",
            Kind::Xls => "xls",
            Kind::Ods => "ods",
            Kind::Json => "json",
            Kind::JsonLines => "jsonl",
            Kind::Zip => "zip",
            Kind::Parquet => "parquet",
            Kind::Arrow => "arrow",
            Kind::Other(what) => what,
        }
    }

    /// `--input-format` names.
    pub fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "csv" | "tsv" | "text" => Kind::Text,
            "xlsx" | "xlsm" => Kind::Xlsx,
            "xlsb" => Kind::Xlsb,
            "xls" => Kind::Xls,
            "ods" => Kind::Ods,
            "json" | "geojson" => Kind::Json,
            "jsonl" | "ndjson" => Kind::JsonLines,
            "zip" => Kind::Zip,
            "parquet" => Kind::Parquet,
            "arrow" | "feather" | "ipc" => Kind::Arrow,
            _ => return None,
        })
    }

    pub fn is_spreadsheet(self) -> bool {
        matches!(self, Kind::Xlsx | Kind::Xlsb | Kind::Xls | Kind::Ods)
    }

    /// For content conform does not read ([`Kind::Other`]), what it is in words for a finding
    /// (`a PDF document`); `None` for the formats conform reads.
    pub fn other_text(self) -> Option<Text> {
        match self {
            Kind::Other(PDF) => Some(t!("read-binary-pdf")),
            Kind::Other(ZSTD) => Some(t!("read-detect-zstd")),
            Kind::Other(IMAGE) => Some(t!("read-detect-image")),
            _ => None,
        }
    }
}

/// The kind a file's name suggests (after `.gz` is taken off), if any.
pub fn by_name(name: &str) -> Option<Kind> {
    let name = name.to_ascii_lowercase();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".gzip"))
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    let extension = Path::new(name).extension()?.to_str()?;
    Some(match extension {
        "csv" | "tsv" | "txt" | "tab" => Kind::Text,
        "geojson" => Kind::Json,
        other => Kind::parse(other)?,
    })
}

/// Whether a folder's file is one conform reads, by its name.
pub fn is_data_file(name: &str) -> bool {
    by_name(name).is_some_and(|k| !matches!(k, Kind::Other(_)))
        && !name.to_ascii_lowercase().ends_with(".txt")
}

/// The kind of content that starts with `head` (a few KB of it, decompressed).
pub fn by_content(head: &[u8], name_says: Option<Kind>) -> Kind {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return zip_kind(head, name_says);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Xls;
    }
    if head.starts_with(b"PAR1") {
        return Kind::Parquet;
    }
    if head.starts_with(b"ARROW1") || head.starts_with(&[0xFF, 0xFF, 0xFF, 0xFF]) {
        return Kind::Arrow;
    }
    if head.starts_with(b"%PDF") {
        return Kind::Other(PDF);
    }
    if head.starts_with(&[0x28, 0xB5, 0x2F, 0xFD]) {
        return Kind::Other(ZSTD);
    }
    if head.starts_with(&[0x89, b'P', b'N', b'G']) || head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Kind::Other(IMAGE);
    }
    json_kind(head).unwrap_or(Kind::Text)
}

/// An xlsx, ods or xlsb is a zip whose first entry says what it is: `mimetype` for OpenDocument,
/// the package parts (`[Content_Types].xml`, `_rels/`, `docProps/`, `xl/`) for Office. Only the
/// first entry's name is looked at, so a zip of data files that holds a workbook is a zip.
fn zip_kind(head: &[u8], name_says: Option<Kind>) -> Kind {
    let first_name = head
        .get(26..28)
        .map(|n| u16::from_le_bytes([n[0], n[1]]) as usize)
        .and_then(|len| head.get(30..30 + len))
        .unwrap_or_default();
    let has = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
    if first_name == b"mimetype" && has(b"application/vnd.oasis.opendocument.spreadsheet") {
        return Kind::Ods;
    }
    let office = [&b"[Content_Types].xml"[..], b"_rels/", b"docProps/", b"xl/"]
        .iter()
        .any(|part| first_name.starts_with(part));
    match (office, name_says) {
        (true, Some(Kind::Xlsb)) => Kind::Xlsb,
        (true, _) if has(b"xl/workbook.bin") => Kind::Xlsb,
        (true, _) => Kind::Xlsx,
        // A workbook whose writer put other parts first: its name says what it is.
        (false, Some(named @ (Kind::Xlsx | Kind::Xlsb | Kind::Ods))) => named,
        (false, _) => Kind::Zip,
    }
}

/// JSON starts with `[` or `{` (after a BOM and white space); JSON Lines has one complete
/// object on its first line and another line after it.
fn json_kind(head: &[u8]) -> Option<Kind> {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    let text = &text[start..];
    match text.first()? {
        b'[' => Some(Kind::Json),
        b'{' => {
            let mut lines = text
                .split(|b| *b == b'\n')
                .filter(|l| !l.iter().all(u8::is_ascii_whitespace));
            let first_line = lines.next().unwrap_or(text);
            let more = lines
                .next()
                .and_then(|l| l.iter().find(|b| !b.is_ascii_whitespace()))
                == Some(&b'{');
            let one_object = serde_json::from_slice::<serde_json::Value>(first_line)
                .is_ok_and(|v| v.is_object());
            Some(if one_object && more {
                Kind::JsonLines
            } else {
                Kind::Json
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_and_names_help() {
        assert_eq!(by_content(b"a,b\n1,2\n", None), Kind::Text);
        assert_eq!(by_content(b"  [{\"a\": 1}]", None), Kind::Json);
        assert_eq!(
            by_content(b"{\"a\": 1}\n{\"a\": 2}\n", None),
            Kind::JsonLines
        );
        assert_eq!(
            by_content(b"{\n  \"type\": \"FeatureCollection\"", None),
            Kind::Json
        );
        let entry = |name: &[u8], rest: &[u8]| {
            let mut head = b"PK\x03\x04".to_vec();
            head.extend_from_slice(&[0; 22]);
            head.extend_from_slice(&(name.len() as u16).to_le_bytes());
            head.extend_from_slice(&[0, 0]);
            head.extend_from_slice(name);
            head.extend_from_slice(rest);
            head
        };
        assert_eq!(
            by_content(&entry(b"[Content_Types].xml", b"..."), None),
            Kind::Xlsx
        );
        assert_eq!(
            by_content(
                &entry(
                    b"mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet"
                ),
                None
            ),
            Kind::Ods
        );
        // A zip of data files that holds a workbook is a zip.
        assert_eq!(
            by_content(&entry(b"spend.csv", b"...[Content_Types].xml xl/"), None),
            Kind::Zip
        );
        assert_eq!(by_content(b"PK\x03\x04data.csv....", None), Kind::Zip);
        assert_eq!(by_content(b"PAR1....", None), Kind::Parquet);
        assert_eq!(by_name("Spend 2025.CSV.gz"), Some(Kind::Text));
        assert_eq!(by_name("grants.json.zst"), Some(Kind::Json));
        assert_eq!(by_name("grants.xlsx"), Some(Kind::Xlsx));
        assert_eq!(by_name("areas.geojson"), Some(Kind::Json));
        assert!(is_data_file("a.ods") && !is_data_file("notes.txt") && !is_data_file("a.pdf"));
    }
}

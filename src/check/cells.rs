//! Per-cell checks compiled from the row schema, run on the raw cell text. Nothing here allocates
//! unless a value fails.

use crate::compile::{convert, ColumnCheck, CompiledTable, Typed};
use crate::finding::{Code, Finding};
use crate::formats;
use crate::suggest::{closest, format_help, number_help};
use std::fmt::Write as _;

/// Where a cell is, for the findings it may produce.
#[derive(Clone, Copy)]
pub struct CellAt {
    pub row: u64,
    pub line: u64,
    pub file_column: usize,
}

/// `str::trim`, skipping the Unicode-aware scan when both ends are plain ASCII characters.
fn trim(raw: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace());
    if plain(raw.as_bytes().first()) && plain(raw.as_bytes().last()) {
        raw
    } else {
        raw.trim()
    }
}

/// Whether the trimmed text counts as a missing value for this table.
pub fn is_missing(trimmed: &str, table: &CompiledTable) -> bool {
    is_missing_value(trimmed, &table.missing_values)
}

/// Whether the trimmed text is empty or one of the table's `missingValues`.
pub fn is_missing_value(trimmed: &str, missing_values: &[String]) -> bool {
    trimmed.is_empty() || missing_values.iter().any(|m| m == trimmed)
}

/// A value as messages show it: in backticks, cut after 60 characters, with line breaks and tabs
/// made visible so that a message stays on its lines.
fn quote(value: &str) -> String {
    const MAX: usize = 60;
    let mut shown = String::with_capacity(value.len().min(MAX * 4) + 4);
    shown.push('`');
    for (n, c) in value.chars().enumerate() {
        if n == MAX {
            shown.push('…');
            break;
        }
        match c {
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            '\t' => shown.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(shown, "\\u{{{:04X}}}", u32::from(c));
            }
            c => shown.push(c),
        }
    }
    shown.push('`');
    shown
}

/// What surrounds the value in `raw` ("spaces", "a line break", "a tab"...), for the whitespace
/// message.
fn whitespace_kind(raw: &str) -> &'static str {
    let leading = &raw[..raw.len() - raw.trim_start().len()];
    let trailing = &raw[raw.trim_end().len()..];
    let only = |set: &[char]| {
        leading
            .chars()
            .chain(trailing.chars())
            .all(|c| set.contains(&c))
    };
    if only(&[' ']) {
        "spaces"
    } else if only(&['\n', '\r']) {
        "a line break"
    } else if only(&['\t']) {
        "a tab"
    } else if only(&['\u{a0}', ' ']) {
        "non-breaking spaces"
    } else if only(&[' ', '\n', '\r', '\t']) {
        "spaces and line breaks"
    } else {
        "invisible characters"
    }
}

/// Checks one cell; pushes at most one error (the first check that fails) and possibly a
/// whitespace warning.
pub fn check_cell(
    raw: &str,
    column: &ColumnCheck,
    table: &CompiledTable,
    at: CellAt,
    out: &mut Vec<Finding>,
) {
    let trimmed = trim(raw);
    let found = |code: Code, message: String| {
        Finding::new(code, message)
            .at_row(at.row, at.line)
            .in_column(Some(at.file_column), &column.name)
            .with_value(raw)
    };
    if is_missing(trimmed, table) {
        if column.required {
            let example = column_example(column);
            out.push(
                found(
                    Code::Required,
                    format!(
                        "`{}` is empty, but the standard requires a value in every row",
                        column.name
                    ),
                )
                .with_help(Some(format!("fill in `{}`{example}", column.name)))
                .with_schema_path("/required"),
            );
        }
        return;
    }
    if trimmed.len() != raw.len() {
        let side = match (raw.starts_with(trimmed), raw.ends_with(trimmed)) {
            (true, false) => "at the end",
            (false, true) => "at the start",
            _ => "at the start and end",
        };
        let kind = whitespace_kind(raw);
        out.push(
            found(
                Code::Whitespace,
                format!("{} in `{}` has {kind} {side}", quote(raw), column.name),
            )
            .with_help(Some(format!(
                "remove {}: {}",
                if kind.starts_with('a') { "it" } else { "them" },
                quote(trimmed)
            ))),
        );
    }
    let path = |keyword: &str| {
        format!(
            "/properties/{}/{keyword}",
            crate::json_pointer::escape(&column.name)
        )
    };
    let Some(typed) = convert_for(trimmed, column) else {
        let expected = column
            .kinds
            .iter()
            .map(|k| k.describe())
            .collect::<Vec<_>>()
            .join(" or ");
        let help = number_help(trimmed)
            .or_else(|| Some(format!("write {expected}{}", column_example(column))));
        out.push(
            found(
                Code::Type,
                format!("{} in `{}` is not {expected}", quote(trimmed), column.name),
            )
            .with_help(help)
            .with_schema_path(path("type")),
        );
        return;
    };
    if !column.in_residual {
        if let Some(finding) = schema_checks(trimmed, typed, column, &path) {
            out.push(
                found(finding.0, finding.1)
                    .with_help(finding.2)
                    .with_schema_path(finding.3),
            );
            return;
        }
    }
    if let Some(list) = &column.codelist {
        // Each code looked up once; nothing is allocated unless one is missing.
        let misses: Vec<&str> = match &column.separator {
            Some(separator) => codes_of(trimmed, separator)
                .filter(|code| !list.contains(code))
                .collect(),
            None if list.contains(trimmed) => Vec::new(),
            None => vec![trimmed],
        };
        if let Some(miss) = misses.first() {
            let guess = closest(miss, list.codes.iter().map(|c| &**c));
            let help = match guess {
                Some(g) => format!("did you mean `{g}`?"),
                None if list.codes.len() <= 12 => {
                    let mut codes: Vec<&str> = list.codes.iter().map(|c| &**c).collect();
                    codes.sort_unstable();
                    format!(
                        "use one of: {}",
                        codes
                            .iter()
                            .map(|c| format!("`{c}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
                None => format!(
                    "look the code up in {}",
                    list.title.as_deref().unwrap_or(&list.id)
                ),
            };
            let what = if column.separator.is_some() && misses.len() > 1 {
                format!(
                    "{} in `{}` hold {} codes that are not",
                    quote(trimmed),
                    column.name,
                    misses.len()
                )
            } else if column.separator.is_some() && *miss != trimmed {
                format!(
                    "{} in `{}` holds {}, which is not",
                    quote(trimmed),
                    column.name,
                    quote(miss)
                )
            } else {
                format!("{} in `{}` is not", quote(trimmed), column.name)
            };
            let (code, message) = if column.codelist_is_foreign_key {
                (
                    Code::ForeignKey,
                    if column.separator.is_some() {
                        format!(
                            "{what} in the code list `{}`, so they refer to nothing",
                            list.id
                        )
                    } else {
                        format!(
                            "{} in `{}` refers to nothing: it is not in the code list `{}`",
                            quote(trimmed),
                            column.name,
                            list.id
                        )
                    },
                )
            } else {
                (
                    Code::Codelist,
                    format!("{what} in the code list `{}`", list.id),
                )
            };
            out.push(found(code, message).with_help(Some(help)));
        }
    }
}

/// The codes of a multi-valued cell, blanks between separators left out.
fn codes_of<'t>(text: &'t str, separator: &'t str) -> impl Iterator<Item = &'t str> {
    text.split(separator)
        .map(str::trim)
        .filter(|code| !code.is_empty())
}

/// Converts a cell for its column. A number column with no bound, list or constant only needs to
/// know the text is a number, not its value.
fn convert_for<'a>(trimmed: &'a str, column: &ColumnCheck) -> Option<Typed<'a>> {
    if column.kinds == [crate::compile::Kind::Number] && !column.needs_numeric_value {
        // The value stands in for a number nothing looks at; only its validity matters.
        return crate::compile::is_decimal(trimmed).then_some(Typed::Num(0.0));
    }
    convert(trimmed, &column.kinds)
}

/// ", e.g. X" from the column's examples, or nothing.
fn column_example(column: &ColumnCheck) -> String {
    column
        .example
        .as_ref()
        .map_or_else(String::new, |e| format!(", e.g. {e}"))
}

type Failure = (Code, String, Option<String>, String);

/// The schema keywords on a converted value, in a fixed order; the first that fails is reported.
fn schema_checks(
    trimmed: &str,
    typed: Typed<'_>,
    column: &ColumnCheck,
    path: &dyn Fn(&str) -> String,
) -> Option<Failure> {
    let name = &column.name;
    if let Typed::Str(text) = typed {
        if let Some((format, check)) = &column.format {
            if !check(text) {
                return Some((
                    Code::Format,
                    format!(
                        "{} in `{name}` is not {}",
                        quote(text),
                        formats::describe(format)
                    ),
                    format_help(format, text),
                    path("format"),
                ));
            }
        }
        if let Some(pattern) = &column.pattern {
            if !pattern.is_match(text) {
                return Some((
                    Code::Pattern,
                    format!(
                        "{} in `{name}` does not match the pattern `{}`",
                        quote(text),
                        pattern.as_str()
                    ),
                    column.description.clone(),
                    path("pattern"),
                ));
            }
        }
    }
    if let Some(allowed) = &column.allowed {
        let is_allowed = match (&column.allowed_set, typed) {
            (Some(set), Typed::Str(text)) => set.contains(text),
            (Some(_), _) => false,
            (None, _) => allowed.iter().any(|v| typed.equals(v)),
        };
        if !is_allowed {
            let help = match closest(trimmed, column.allowed_text.iter().map(String::as_str)) {
                Some(guess) => Some(format!("did you mean `{guess}`?")),
                None if allowed.len() <= 12 => Some(format!(
                    "use one of: {}",
                    allowed
                        .iter()
                        .map(|v| format!("`{}`", plain(v)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                None => Some("`conform standards show` lists the allowed values".into()),
            };
            return Some((
                Code::Enum,
                format!(
                    "{} in `{name}` is not one of the {} allowed values",
                    quote(trimmed),
                    allowed.len()
                ),
                help,
                path("enum"),
            ));
        }
    }
    if let Some(constant) = &column.constant {
        if !typed.equals(constant) {
            return Some((
                Code::Schema,
                format!(
                    "{} in `{name}` must be exactly `{}` (keyword const)",
                    quote(trimmed),
                    plain(constant)
                ),
                None,
                path("const"),
            ));
        }
    }
    if let Some(n) = match typed {
        Typed::Int(i) => Some(i as f64),
        Typed::Num(n) => Some(n),
        _ => None,
    } {
        if let Some(min) = column.minimum {
            if n < min.limit || (min.exclusive && n == min.limit) {
                let what = if min.exclusive {
                    "more than"
                } else {
                    "at least"
                };
                return Some((
                    Code::Range,
                    format!(
                        "{} in `{name}` is too small: it must be {what} {}",
                        quote(trimmed),
                        min.limit
                    ),
                    column.description.clone(),
                    path(if min.exclusive {
                        "exclusiveMinimum"
                    } else {
                        "minimum"
                    }),
                ));
            }
        }
        if let Some(max) = column.maximum {
            if n > max.limit || (max.exclusive && n == max.limit) {
                let what = if max.exclusive {
                    "less than"
                } else {
                    "at most"
                };
                return Some((
                    Code::Range,
                    format!(
                        "{} in `{name}` is too large: it must be {what} {}",
                        quote(trimmed),
                        max.limit
                    ),
                    column.description.clone(),
                    path(if max.exclusive {
                        "exclusiveMaximum"
                    } else {
                        "maximum"
                    }),
                ));
            }
        }
    }
    if let Typed::Str(text) = typed {
        if column.min_length.is_some() || column.max_length.is_some() {
            // Bytes bound characters from above, so most values need no counting.
            let fits_max = column.max_length.is_none_or(|max| text.len() as u64 <= max);
            let length = if fits_max && column.min_length.is_none_or(|min| min <= 1) {
                None
            } else {
                Some(text.chars().count() as u64)
            };
            if let Some(length) = length {
                if let Some(min) = column.min_length.filter(|min| length < *min) {
                    return Some((
                        Code::Length,
                        format!("`{name}` has {length} characters; at least {min} are needed"),
                        None,
                        path("minLength"),
                    ));
                }
                if let Some(max) = column.max_length.filter(|max| length > *max) {
                    return Some((
                        Code::Length,
                        format!("`{name}` has {length} characters; at most {max} are allowed"),
                        Some(format!("shorten it to {max} characters or fewer")),
                        path("maxLength"),
                    ));
                }
            }
        }
    }
    None
}

/// A JSON value as a person would write it (strings without quotes).
fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_invisible_characters() {
        assert_eq!(quote("Hine Hall\n"), "`Hine Hall\\n`");
        assert_eq!(quote("a\tb"), "`a\\tb`");
        assert_eq!(whitespace_kind("x\r\n"), "a line break");
        assert_eq!(whitespace_kind("  x"), "spaces");
        assert_eq!(whitespace_kind("\tx"), "a tab");
        assert_eq!(whitespace_kind(" x\n"), "spaces and line breaks");
        assert_eq!(whitespace_kind("\u{c}x"), "invisible characters");
        assert_eq!(quote("\u{c}SitePlanURL"), "`\\u{000C}SitePlanURL`");
        assert!(quote(&"x".repeat(100)).ends_with("…`"));
    }
}

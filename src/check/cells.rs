//! Per-cell checks compiled from the row schema, run on the raw cell text. Nothing here allocates
//! unless a value fails.

use crate::compile::{convert, ColumnCheck, CompiledTable, Typed};
use crate::finding::{Code, Finding};
use crate::suggest::{closest, number_help};
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
pub(super) fn quote(value: &str) -> String {
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
    if is_missing(trimmed, table) {
        if column.presence.required {
            out.push(place(required_failure(column), raw, column, at));
        }
        return;
    }
    if trimmed.len() != raw.len() {
        out.push(place(
            whitespace_failure(raw, trimmed, column),
            raw,
            column,
            at,
        ));
    }
    let Some(typed) = convert_for(trimmed, column) else {
        out.push(place(type_failure(trimmed, column), raw, column, at));
        return;
    };
    if passes(trimmed, typed, column) {
        debug_assert!(
            explain(trimmed, typed, column).is_none(),
            "{trimmed:?} passed the quick checks of `{}` but not the full ones",
            column.name
        );
        return;
    }
    if let Some(failure) = explain(trimmed, typed, column) {
        out.push(place(tolerated(failure, trimmed, column), raw, column, at));
    }
}

/// A format or pattern failure whose value is a form the standard takes at a lower severity
/// (`tolerate`): said as what it is, with the reason, at that severity.
#[cold]
fn tolerated(failure: Failure, trimmed: &str, column: &ColumnCheck) -> Failure {
    if !matches!(failure.code, Code::Format | Code::Pattern) {
        return failure;
    }
    let Some(tolerance) = column.tolerate.iter().find(|t| t.accepts(trimmed)) else {
        return failure;
    };
    let asked = column
        .text
        .format
        .map_or("the form the standard asks for", |f| f.description);
    Failure {
        message: format!(
            "{} in `{}` is {}, not {asked}",
            quote(trimmed),
            column.name,
            tolerance.phrase
        ),
        // The reason, then the rewrite the format's help offers, if it offers one.
        help: Some(
            match failure
                .help
                .as_deref()
                .and_then(|h| h.find("write ").map(|at| &h[at..]))
            {
                Some(rewrite) => format!("{}: {rewrite}", tolerance.why),
                None => tolerance.why.clone(),
            },
        ),
        severity: Some(tolerance.severity),
        ..failure
    }
}

/// Whether a converted cell passes every check of its column: the common case, answered with
/// tests alone. [`explain`] makes the same checks again and words the first that fails.
#[inline]
fn passes(trimmed: &str, typed: Typed<'_>, column: &ColumnCheck) -> bool {
    let schema_ok = column.in_residual || {
        let text_ok = match typed {
            Typed::Str(text) => {
                column.text.format.is_none_or(|format| (format.check)(text))
                    && column
                        .text
                        .pattern
                        .as_ref()
                        .is_none_or(|p| column.text.pattern_implied || p.is_match(text))
                    && length_fits(text, column)
            }
            _ => true,
        };
        text_ok && is_allowed(typed, column) && within_bounds(typed, column)
    };
    schema_ok
        && column
            .codelist
            .as_ref()
            .is_none_or(|check| match &check.separator {
                Some(separator) => {
                    codes_of(trimmed, separator).all(|code| check.list.contains(code))
                }
                None => check.list.contains(trimmed),
            })
}

/// The first check a cell fails, worded; `None` when it passes them all.
#[cold]
#[inline(never)]
fn explain(trimmed: &str, typed: Typed<'_>, column: &ColumnCheck) -> Option<Failure> {
    let failure = if column.in_residual {
        None
    } else {
        schema_checks(trimmed, typed, column)
    };
    failure.or_else(|| codelist_failure(trimmed, column))
}

/// A failure placed at its cell.
#[cold]
#[inline(never)]
fn place(failure: Failure, raw: &str, column: &ColumnCheck, at: CellAt) -> Finding {
    let mut finding = Finding::new(failure.code, failure.message)
        .at_row(at.row, at.line)
        .in_column(Some(at.file_column), &column.name)
        .with_value(raw)
        .with_help(failure.help);
    if let Some(keyword) = failure.keyword {
        finding = finding.with_schema_path(keyword_path(column, keyword));
    }
    if let Some(severity) = failure.severity {
        finding = finding.with_severity(severity);
    }
    finding
}

/// What failed in a cell, before it is placed: code, message, help and the schema keyword behind
/// it (placed under the column's property).
struct Failure {
    code: Code,
    message: String,
    help: Option<String>,
    keyword: Option<&'static str>,
    /// Set for a tolerated form; otherwise the code's severity.
    severity: Option<crate::finding::Severity>,
}

impl Failure {
    fn new(code: Code, message: String, help: Option<String>, keyword: &'static str) -> Failure {
        Failure {
            code,
            message,
            help,
            keyword: Some(keyword),
            severity: None,
        }
    }
}

/// `/properties/NAME/KEYWORD`, for the schema path of a finding.
fn keyword_path(column: &ColumnCheck, keyword: &str) -> String {
    if keyword == "required" {
        return "/required".into();
    }
    format!(
        "/properties/{}/{keyword}",
        crate::json_pointer::escape(&column.name)
    )
}

#[cold]
fn required_failure(column: &ColumnCheck) -> Failure {
    Failure::new(
        Code::Required,
        format!(
            "`{}` is empty, but the standard requires a value in every row",
            column.name
        ),
        Some(format!(
            "fill in `{}`{}",
            column.name,
            column_example(column)
        )),
        "required",
    )
}

#[cold]
fn whitespace_failure(raw: &str, trimmed: &str, column: &ColumnCheck) -> Failure {
    let side = match (raw.starts_with(trimmed), raw.ends_with(trimmed)) {
        (true, false) => "at the end",
        (false, true) => "at the start",
        _ => "at the start and end",
    };
    let kind = whitespace_kind(raw);
    Failure {
        code: Code::Whitespace,
        message: format!("{} in `{}` has {kind} {side}", quote(raw), column.name),
        help: Some(format!(
            "remove {}: {}",
            if kind.starts_with('a') { "it" } else { "them" },
            quote(trimmed)
        )),
        keyword: None,
        severity: None,
    }
}

#[cold]
fn type_failure(trimmed: &str, column: &ColumnCheck) -> Failure {
    let expected = column
        .kinds
        .iter()
        .map(|k| k.describe())
        .collect::<Vec<_>>()
        .join(" or ");
    let help = number_help(trimmed)
        .or_else(|| Some(format!("write {expected}{}", column_example(column))));
    Failure::new(
        Code::Type,
        format!("{} in `{}` is not {expected}", quote(trimmed), column.name),
        help,
        "type",
    )
}

/// A cell's codes that are not in the column's code list, as a `codelist` (or `foreign-key`)
/// failure. Each code is looked up once; nothing is allocated unless one is missing.
fn codelist_failure(trimmed: &str, column: &ColumnCheck) -> Option<Failure> {
    let check = column.codelist.as_ref()?;
    let list = &check.list;
    let misses: Vec<&str> = match &check.separator {
        Some(separator) => codes_of(trimmed, separator)
            .filter(|code| !list.contains(code))
            .collect(),
        None if list.contains(trimmed) => Vec::new(),
        None => vec![trimmed],
    };
    let miss = misses.first()?;
    let listed = check.separator.is_some();
    let what = if listed && misses.len() > 1 {
        format!(
            "{} in `{}` hold {} codes that are not",
            quote(trimmed),
            column.name,
            misses.len()
        )
    } else if listed && *miss != trimmed {
        format!(
            "{} in `{}` holds {}, which is not",
            quote(trimmed),
            column.name,
            quote(miss)
        )
    } else {
        format!("{} in `{}` is not", quote(trimmed), column.name)
    };
    let (code, message) = match (check.is_foreign_key, listed) {
        (true, true) => (
            Code::ForeignKey,
            format!(
                "{what} in the code list `{}`, so they refer to nothing",
                list.id
            ),
        ),
        (true, false) => (
            Code::ForeignKey,
            format!(
                "{} in `{}` refers to nothing: it is not in the code list `{}`",
                quote(trimmed),
                column.name,
                list.id
            ),
        ),
        (false, _) => (
            Code::Codelist,
            format!("{what} in the code list `{}`", list.id),
        ),
    };
    Some(Failure {
        code,
        message,
        help: Some(codelist_help(miss, list)),
        keyword: None,
        severity: None,
    })
}

/// "did you mean", the codes of a short list, or where to look the code up.
fn codelist_help(miss: &str, list: &crate::standard::CodeList) -> String {
    if let Some(guess) = closest(miss, list.codes.iter().map(|c| &**c)) {
        return format!("did you mean `{guess}`?");
    }
    if list.codes.len() <= 12 {
        let mut codes: Vec<&str> = list.codes.iter().map(|c| &**c).collect();
        codes.sort_unstable();
        let codes: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        return format!("use one of: {}", codes.join(", "));
    }
    format!(
        "look the code up in {}",
        list.title.as_deref().unwrap_or(&list.id)
    )
}

/// The codes of a multi-valued cell, blanks between separators left out.
fn codes_of<'t>(text: &'t str, separator: &'t str) -> impl Iterator<Item = &'t str> {
    text.split(separator)
        .map(str::trim)
        .filter(|code| !code.is_empty())
}

/// Converts a cell for its column. A number column with no bound, list or constant only needs to
/// know the text is a number, not its value.
#[inline]
fn convert_for<'a>(trimmed: &'a str, column: &ColumnCheck) -> Option<Typed<'a>> {
    if column.kinds == [crate::compile::Kind::String] {
        return Some(Typed::Str(trimmed));
    }
    if column.kinds == [crate::compile::Kind::Number] && !column.needs_numeric_value {
        // The value stands in for a number nothing looks at; only its validity matters.
        return crate::compile::is_decimal(trimmed).then_some(Typed::Num(0.0));
    }
    convert(trimmed, &column.kinds)
}

/// ", e.g. X" from the column's examples, or nothing.
fn column_example(column: &ColumnCheck) -> String {
    column
        .help
        .example
        .as_ref()
        .map_or_else(String::new, |e| format!(", e.g. {e}"))
}

/// The schema keywords on a converted value, in a fixed order; the first that fails is reported.
fn schema_checks(trimmed: &str, typed: Typed<'_>, column: &ColumnCheck) -> Option<Failure> {
    let text = match typed {
        Typed::Str(text) => Some(text),
        _ => None,
    };
    text.and_then(|text| text_failure(text, column))
        .or_else(|| allowed_failure(trimmed, typed, column))
        .or_else(|| bound_failure(trimmed, typed, column))
        .or_else(|| text.and_then(|text| length_failure(text, column)))
}

/// `format`, then `pattern`.
fn text_failure(text: &str, column: &ColumnCheck) -> Option<Failure> {
    let name = &column.name;
    if let Some(format) = column.text.format {
        if !(format.check)(text) {
            return Some(Failure::new(
                Code::Format,
                format!("{} in `{name}` is not {}", quote(text), format.description),
                (format.help)(text),
                "format",
            ));
        }
    }
    let pattern = column.text.pattern.as_ref()?;
    (!pattern.is_match(text)).then(|| {
        // Words first; the pattern itself only as detail at the end of the help.
        let message = match &column.help.pattern_in_words {
            Some(words) => format!("{} in `{name}` is not {words}", quote(text)),
            None => format!(
                "{} in `{name}` is not in the form the standard sets for this column",
                quote(text)
            ),
        };
        let advice =
            super::pattern_help::repair(text, pattern).or_else(|| column.help.description.clone());
        let detail = format!("the standard's pattern is `{}`", pattern.as_str());
        let help = match advice {
            Some(advice) => format!("{advice} ({detail})"),
            None => detail,
        };
        Failure::new(Code::Pattern, message, Some(help), "pattern")
    })
}

/// `enum`, then `const`.
fn allowed_failure(trimmed: &str, typed: Typed<'_>, column: &ColumnCheck) -> Option<Failure> {
    if let Some(allowed) = &column.allowed {
        if !allowed_value(typed, allowed) {
            let values = &allowed.values;
            let help = match closest(trimmed, allowed.text.iter().map(String::as_str)) {
                Some(guess) => format!("did you mean `{guess}`?"),
                None if values.len() <= 12 => {
                    let shown: Vec<String> =
                        values.iter().map(|v| format!("`{}`", plain(v))).collect();
                    format!("use one of: {}", shown.join(", "))
                }
                None => "`conform standards show` lists the allowed values".into(),
            };
            return Some(Failure::new(
                Code::Enum,
                format!(
                    "{} in `{}` is not one of the {} allowed values",
                    quote(trimmed),
                    column.name,
                    values.len()
                ),
                Some(help),
                "enum",
            ));
        }
    }
    let constant = column.constant.as_ref()?;
    (!typed.equals(constant)).then(|| {
        Failure::new(
            Code::Schema,
            format!(
                "{} in `{}` must be exactly `{}` (keyword const)",
                quote(trimmed),
                column.name,
                plain(constant)
            ),
            None,
            "const",
        )
    })
}

/// Whether `typed` is one of the `enum` values.
fn allowed_value(typed: Typed<'_>, allowed: &crate::compile::Allowed) -> bool {
    match (&allowed.set, typed) {
        (Some(set), Typed::Str(text)) => set.contains(text),
        (Some(_), _) => false,
        (None, _) => allowed.values.iter().any(|v| typed.equals(v)),
    }
}

/// `enum` and `const`.
fn is_allowed(typed: Typed<'_>, column: &ColumnCheck) -> bool {
    column
        .allowed
        .as_ref()
        .is_none_or(|allowed| allowed_value(typed, allowed))
        && column
            .constant
            .as_ref()
            .is_none_or(|constant| typed.equals(constant))
}

/// The bounds, on a number.
fn within_bounds(typed: Typed<'_>, column: &ColumnCheck) -> bool {
    broken_bound(typed, column).is_none()
}

/// The bound a number breaks, the minimum before the maximum (`true` for the minimum).
fn broken_bound(typed: Typed<'_>, column: &ColumnCheck) -> Option<(bool, crate::compile::Bound)> {
    let n = match typed {
        Typed::Int(i) => i as f64,
        Typed::Num(n) => n,
        _ => return None,
    };
    let bounds = column.bounds;
    let below = bounds
        .minimum
        .filter(|min| n < min.limit || (min.exclusive && n == min.limit))
        .map(|min| (true, min));
    below.or_else(|| {
        bounds
            .maximum
            .filter(|max| n > max.limit || (max.exclusive && n == max.limit))
            .map(|max| (false, max))
    })
}

/// `minLength` and `maxLength`, in characters; counted only when the bytes do not settle it.
fn length_fits(text: &str, column: &ColumnCheck) -> bool {
    let (min_length, max_length) = (column.text.min_length, column.text.max_length);
    if min_length.is_none() && max_length.is_none() {
        return true;
    }
    // Bytes bound characters from above; a value here is never empty.
    let fits_max = max_length.is_none_or(|max| text.len() as u64 <= max);
    if fits_max && min_length.is_none_or(|min| min <= 1) {
        return true;
    }
    let length = text.chars().count() as u64;
    min_length.is_none_or(|min| length >= min) && max_length.is_none_or(|max| length <= max)
}

/// `minimum` / `exclusiveMinimum`, then `maximum` / `exclusiveMaximum`.
fn bound_failure(trimmed: &str, typed: Typed<'_>, column: &ColumnCheck) -> Option<Failure> {
    let (below, bound) = broken_bound(typed, column)?;
    let (size, what, keyword) = match (below, bound.exclusive) {
        (true, true) => ("too small", "more than", "exclusiveMinimum"),
        (true, false) => ("too small", "at least", "minimum"),
        (false, true) => ("too large", "less than", "exclusiveMaximum"),
        (false, false) => ("too large", "at most", "maximum"),
    };
    Some(Failure::new(
        Code::Range,
        format!(
            "{} in `{}` is {size}: it must be {what} {}",
            quote(trimmed),
            column.name,
            bound.limit
        ),
        column.help.description.clone(),
        keyword,
    ))
}

/// `minLength`, then `maxLength`, in characters.
fn length_failure(text: &str, column: &ColumnCheck) -> Option<Failure> {
    if length_fits(text, column) {
        return None;
    }
    let (min_length, max_length) = (column.text.min_length, column.text.max_length);
    let length = text.chars().count() as u64;
    let name = &column.name;
    if let Some(min) = min_length.filter(|min| length < *min) {
        return Some(Failure::new(
            Code::Length,
            format!("`{name}` has {length} characters; at least {min} are needed"),
            None,
            "minLength",
        ));
    }
    let max = max_length.filter(|max| length > *max)?;
    Some(Failure::new(
        Code::Length,
        format!("`{name}` has {length} characters; at most {max} are allowed"),
        Some(format!("shorten it to {max} characters or fewer")),
        "maxLength",
    ))
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

//! Per-cell checks compiled from the row schema, run on the raw cell text. Nothing here allocates
//! unless a value fails.

use crate::compile::{convert, ColumnCheck, CompiledTable, Kind, Typed};
use crate::finding::{Code, Finding};
use crate::i18n::{Text, TextArg};
use crate::suggest::{closest, number_help};
use crate::t;
use std::fmt::Write as _;

/// Where a cell is, for the findings it may produce.
#[derive(Clone, Copy)]
pub struct CellAt {
    pub row: u64,
    pub line: u64,
    pub file_column: usize,
}

/// `str::trim`, skipping the Unicode-aware scan when both ends are plain ASCII characters.
pub(crate) fn trim(raw: &str) -> &str {
    // Every ASCII character `str::trim` removes (the vertical tab among them, which
    // `u8::is_ascii_whitespace` leaves out) is at or below the space.
    let plain = |b: &u8| *b > b' ' && b.is_ascii();
    match (raw.as_bytes().first(), raw.as_bytes().last()) {
        // An empty cell (common: optional columns) needs no call to the general trim.
        (None, _) => raw,
        (Some(first), Some(last)) if plain(first) && plain(last) => raw,
        _ => raw.trim(),
    }
}

/// Whether the trimmed text counts as a missing value for this table.
#[inline]
pub fn is_missing(trimmed: &str, table: &CompiledTable) -> bool {
    table.missing_values.contains(trimmed)
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
/// message, and whether it is one thing ("a tab": "remove it") rather than several ("remove them").
fn whitespace_kind(raw: &str) -> (Text, bool) {
    let leading = &raw[..raw.len() - raw.trim_start().len()];
    let trailing = &raw[raw.trim_end().len()..];
    let only = |set: &[char]| {
        leading
            .chars()
            .chain(trailing.chars())
            .all(|c| set.contains(&c))
    };
    if only(&[' ']) {
        (t!("cell-whitespace-spaces"), false)
    } else if only(&['\n', '\r']) {
        (t!("cell-whitespace-line-break"), true)
    } else if only(&['\t']) {
        (t!("cell-whitespace-tab"), true)
    } else if only(&['\u{a0}', ' ']) {
        (t!("cell-whitespace-non-breaking"), false)
    } else if only(&[' ', '\n', '\r', '\t']) {
        (t!("cell-whitespace-spaces-line-breaks"), false)
    } else {
        (t!("cell-whitespace-invisible"), false)
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
    // A format's description is the formats table's (from the catalogue); without a format,
    // conform's own words.
    let asked = match column.text.format {
        Some(format) => TextArg::from(crate::formats::describe_text(format.name)),
        None => TextArg::from(t!("cell-tolerated-asked")),
    };
    let message = t!(
        "cell-tolerated",
        value = quote(trimmed),
        column = &column.name,
        phrase = &tolerance.phrase,
        asked = asked,
    );
    // The reason (the standard's words), then the rewrite the format's help offers, if it offers
    // one.
    let help = match failure.help.as_ref().and_then(Help::rewrite) {
        Some(rewrite) => Help::Text(t!(
            "cell-tolerated-help",
            why = &tolerance.why,
            rewrite = rewrite,
        )),
        None => Help::Plain(tolerance.why.clone()),
    };
    Failure {
        message,
        help: Some(help),
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
                Some(separator) => codes_of(trimmed, separator).all(|code| check.contains(code)),
                None => check.contains(trimmed),
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
    let mut finding = Finding::text(failure.code, failure.message)
        .at_row(at.row, at.line)
        .in_column(Some(at.file_column), &column.name)
        .with_value(raw);
    finding = match failure.help {
        Some(Help::Text(help)) => finding.with_help_text(Some(help)),
        Some(Help::Plain(help)) => finding.with_help(Some(help)),
        None => finding,
    };
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
    message: Text,
    help: Option<Help>,
    keyword: Option<&'static str>,
    /// Set for a tolerated form; otherwise the code's severity.
    severity: Option<crate::finding::Severity>,
}

/// The help of a failure: conform's words from the catalogue, or words that are not conform's (a
/// column's description, a tolerance's reason, written by the standard's authors).
enum Help {
    Text(Text),
    Plain(String),
}

impl From<Text> for Help {
    fn from(text: Text) -> Help {
        Help::Text(text)
    }
}

impl Help {
    /// The rewrite a help offers (from its "write ..." on, in English), for a tolerated form: the
    /// whole help, in the reader's language, where it is nothing but the rewrite.
    fn rewrite(&self) -> Option<TextArg> {
        match self {
            // The rewrite in the reader's language where the help names it apart, or is it.
            Help::Text(text) => match text.arg_text("rewrite") {
                Some(rewrite) => Some(TextArg::from(rewrite.clone())),
                None if text.starts_with_in_english("write ") => Some(TextArg::from(text.clone())),
                None => {
                    let english = text.english();
                    english
                        .find("write ")
                        .map(|at| TextArg::from(&english[at..]))
                }
            },
            Help::Plain(words) => words.find("write ").map(|at| TextArg::from(&words[at..])),
        }
    }
}

impl Failure {
    fn new(code: Code, message: Text, help: Option<Help>, keyword: &'static str) -> Failure {
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
    let help = match &column.help.example {
        Some(example) => t!(
            "cell-required-help-example",
            column = &column.name,
            example = example,
        ),
        None => t!("cell-required-help", column = &column.name),
    };
    Failure::new(
        Code::Required,
        t!("cell-required", column = &column.name),
        Some(Help::Text(help)),
        "required",
    )
}

#[cold]
fn whitespace_failure(raw: &str, trimmed: &str, column: &ColumnCheck) -> Failure {
    let side = match (raw.starts_with(trimmed), raw.ends_with(trimmed)) {
        (true, false) => t!("cell-whitespace-at-end"),
        (false, true) => t!("cell-whitespace-at-start"),
        _ => t!("cell-whitespace-at-both"),
    };
    let (kind, one) = whitespace_kind(raw);
    let help = if one {
        t!("cell-whitespace-help-it", value = quote(trimmed))
    } else {
        t!("cell-whitespace-help-them", value = quote(trimmed))
    };
    Failure {
        code: Code::Whitespace,
        message: t!(
            "cell-whitespace",
            value = quote(raw),
            column = &column.name,
            kind = kind,
            side = side,
        ),
        help: Some(Help::Text(help)),
        keyword: None,
        severity: None,
    }
}

#[cold]
fn type_failure(trimmed: &str, column: &ColumnCheck) -> Failure {
    let expected = || {
        column
            .kinds
            .iter()
            .map(|&kind| kind_text(kind))
            .reduce(|first, second| t!("cell-kind-or", first = first, second = second))
            // A column always has a type; text, should it have none.
            .unwrap_or_else(|| kind_text(Kind::String))
    };
    let help = number_help(trimmed).unwrap_or_else(|| match &column.help.example {
        Some(example) => t!(
            "cell-type-help-example",
            expected = expected(),
            example = example,
        ),
        None => t!("cell-type-help", expected = expected()),
    });
    Failure::new(
        Code::Type,
        t!(
            "cell-type",
            value = quote(trimmed),
            column = &column.name,
            expected = expected(),
        ),
        Some(Help::Text(help)),
        "type",
    )
}

/// A JSON type, as the messages name it ("a whole number").
fn kind_text(kind: Kind) -> Text {
    match kind {
        Kind::String => t!("cell-kind-string"),
        Kind::Integer => t!("cell-kind-integer"),
        Kind::Number => t!("cell-kind-number"),
        Kind::Boolean => t!("cell-kind-boolean"),
        Kind::Object => t!("cell-kind-object"),
        Kind::Array => t!("cell-kind-array"),
    }
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
    let (value, column_name, id) = (quote(trimmed), &column.name, &list.id);
    let count = misses.len() as i64;
    let (code, message) = match (check.is_foreign_key, listed) {
        (true, true) => (
            Code::ForeignKey,
            if misses.len() > 1 {
                t!(
                    "cell-foreign-key-many",
                    value = value,
                    column = column_name,
                    count = count,
                    list = id,
                )
            } else if *miss != trimmed {
                t!(
                    "cell-foreign-key-one-of",
                    value = value,
                    column = column_name,
                    code = quote(miss),
                    list = id,
                )
            } else {
                t!(
                    "cell-foreign-key-listed",
                    value = value,
                    column = column_name,
                    list = id,
                )
            },
        ),
        (true, false) => (
            Code::ForeignKey,
            t!(
                "cell-foreign-key",
                value = value,
                column = column_name,
                list = id,
            ),
        ),
        (false, _) => (
            Code::Codelist,
            if listed && misses.len() > 1 {
                t!(
                    "cell-codelist-many",
                    value = value,
                    column = column_name,
                    count = count,
                    list = id,
                )
            } else if listed && *miss != trimmed {
                t!(
                    "cell-codelist-one-of",
                    value = value,
                    column = column_name,
                    code = quote(miss),
                    list = id,
                )
            } else {
                t!(
                    "cell-codelist",
                    value = value,
                    column = column_name,
                    list = id
                )
            },
        ),
    };
    Some(Failure {
        code,
        message,
        help: Some(Help::Text(codelist_help(miss, list))),
        keyword: None,
        severity: None,
    })
}

/// "did you mean", the codes of a short list, or where to look the code up.
fn codelist_help(miss: &str, list: &crate::standard::CodeList) -> Text {
    if let Some(guess) = closest(miss, list.codes.iter().map(|c| &**c)) {
        return t!("cell-did-you-mean", guess = guess);
    }
    if list.codes.len() <= 12 {
        let mut codes: Vec<&str> = list.codes.iter().map(|c| &**c).collect();
        codes.sort_unstable();
        let codes: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
        return t!("cell-use-one-of", values = codes.join(", "));
    }
    t!(
        "cell-codelist-look-up",
        list = list.title.as_deref().unwrap_or(&list.id),
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
                t!(
                    "cell-format",
                    value = quote(text),
                    column = name,
                    format = crate::formats::describe_text(format.name),
                ),
                (format.help)(text).map(Help::from),
                "format",
            ));
        }
    }
    let pattern = column.text.pattern.as_ref()?;
    (!pattern.is_match(text)).then(|| {
        // Words first; the pattern itself only as detail at the end of the help.
        let message = match &column.help.pattern_in_words {
            // The pattern in words is the standard's.
            Some(words) => t!(
                "cell-pattern-words",
                value = quote(text),
                column = name,
                words = words,
            ),
            None => t!("cell-pattern", value = quote(text), column = name),
        };
        // conform's repair, or else the column's description (the standard's words).
        let advice = super::pattern_help::repair(text, pattern)
            .map(TextArg::from)
            .or_else(|| column.help.description.as_ref().map(TextArg::from));
        let detail = t!(
            "cell-pattern-detail",
            pattern = as_written(pattern.as_str())
        );
        let help = match advice {
            Some(advice) => t!("cell-pattern-help", advice = advice, detail = detail),
            None => detail,
        };
        Failure::new(Code::Pattern, message, Some(Help::Text(help)), "pattern")
    })
}

/// A pattern as the officer is shown it. A Table Schema pattern matches the whole value, so it is
/// compiled inside `^(?:…)$`; where the schema's pattern is already anchored (`^[A-Z]{3}$`), the
/// wrapping adds nothing and is left out, `^(?:^X$)$` being `^X$` whoever wrote it. Any other
/// pattern is shown as compiled, since dropping its wrapping would change what it says.
fn as_written(pattern: &str) -> &str {
    let Some(inner) = pattern
        .strip_prefix("^(?:")
        .and_then(|rest| rest.strip_suffix(")$"))
    else {
        return pattern;
    };
    if !(inner.starts_with('^') && inner.ends_with('$')) {
        return pattern;
    }
    // One anchored whole: no `|` outside a group (`^a|b$` is not `^(?:^a|b$)$`), groups that
    // close where they open, and a last `$` that is not an escaped dollar.
    let bytes = inner.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if i + 1 == bytes.len() => return pattern,
            b'\\' => i += 1,
            b'[' => {
                // A class: `]` first (after any `^`) is a literal; a class inside a class is
                // left alone.
                i += 1;
                if bytes.get(i) == Some(&b'^') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b']') {
                    i += 1;
                }
                loop {
                    match bytes.get(i) {
                        None | Some(b'[') => return pattern,
                        Some(b'\\') => i += 2,
                        Some(b']') => break,
                        Some(_) => i += 1,
                    }
                }
            }
            b'(' => depth += 1,
            b')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return pattern,
            },
            b'|' if depth == 0 => return pattern,
            _ => {}
        }
        i += 1;
    }
    let slashes = bytes[..bytes.len() - 1]
        .iter()
        .rev()
        .take_while(|b| **b == b'\\')
        .count();
    if depth == 0 && slashes % 2 == 0 {
        inner
    } else {
        pattern
    }
}

/// `enum`, then `const`.
fn allowed_failure(trimmed: &str, typed: Typed<'_>, column: &ColumnCheck) -> Option<Failure> {
    if let Some(allowed) = &column.allowed {
        if !allowed_value(typed, allowed) {
            let values = &allowed.values;
            let help = match closest(trimmed, allowed.text.iter().map(String::as_str)) {
                Some(guess) => t!("cell-did-you-mean", guess = guess),
                None if values.len() <= 12 => {
                    let shown: Vec<String> =
                        values.iter().map(|v| format!("`{}`", plain(v))).collect();
                    t!("cell-use-one-of", values = shown.join(", "))
                }
                None => t!("cell-enum-help-long"),
            };
            return Some(Failure::new(
                Code::Enum,
                t!(
                    "cell-enum",
                    value = quote(trimmed),
                    column = &column.name,
                    count = values.len() as i64,
                ),
                Some(Help::Text(help)),
                "enum",
            ));
        }
    }
    let constant = column.constant.as_ref()?;
    (!typed.equals(constant)).then(|| {
        Failure::new(
            Code::Schema,
            t!(
                "cell-const",
                value = quote(trimmed),
                column = &column.name,
                constant = plain(constant),
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
    let (value, name, limit) = (quote(trimmed), &column.name, bound.limit.to_string());
    let (message, keyword) = match (below, bound.exclusive) {
        (true, true) => (
            t!(
                "cell-range-more-than",
                value = value,
                column = name,
                limit = limit
            ),
            "exclusiveMinimum",
        ),
        (true, false) => (
            t!(
                "cell-range-at-least",
                value = value,
                column = name,
                limit = limit
            ),
            "minimum",
        ),
        (false, true) => (
            t!(
                "cell-range-less-than",
                value = value,
                column = name,
                limit = limit
            ),
            "exclusiveMaximum",
        ),
        (false, false) => (
            t!(
                "cell-range-at-most",
                value = value,
                column = name,
                limit = limit
            ),
            "maximum",
        ),
    };
    // The column's description, in the standard's words.
    Some(Failure::new(
        Code::Range,
        message,
        column.help.description.clone().map(Help::Plain),
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
            t!(
                "cell-length-min",
                column = name,
                length = length as i64,
                min = min as i64,
            ),
            None,
            "minLength",
        ));
    }
    let max = max_length.filter(|max| length > *max)?;
    Some(Failure::new(
        Code::Length,
        t!(
            "cell-length-max",
            column = name,
            length = length as i64,
            max = max as i64,
        ),
        Some(Help::Text(t!("cell-length-max-help", max = max as i64))),
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

    #[test]
    fn the_fast_trim_is_str_trim() {
        for text in [
            "a",
            " a ",
            "\u{b}a\u{b}",
            "\u{c}a",
            "a\r",
            "\u{a0}a",
            "a\u{2003}",
            "é",
            "",
            " ",
        ] {
            assert_eq!(super::trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn a_pattern_is_shown_as_its_standard_wrote_it() {
        assert_eq!(as_written("^(?:^[A-Z]{3}$)$"), "^[A-Z]{3}$");
        assert_eq!(as_written("^(?:^(a|b)c$)$"), "^(a|b)c$");
        assert_eq!(as_written("^(?:^[]a]$)$"), "^[]a]$");
        assert_eq!(as_written("^(?:^[^)|]x$)$"), "^[^)|]x$");
        // The wrapping says something the pattern does not: kept.
        assert_eq!(as_written("^(?:E[0-9]{8})$"), "^(?:E[0-9]{8})$");
        assert_eq!(as_written("^(?:^a|b$)$"), "^(?:^a|b$)$");
        assert_eq!(as_written("^(?:^a)|(?:b$)$"), "^(?:^a)|(?:b$)$");
        assert_eq!(as_written("^(?:^a\\$)$"), "^(?:^a\\$)$");
        assert_eq!(as_written("^(?:^[a[b]]$)$"), "^(?:^[a[b]]$)$");
        assert_eq!(as_written("^[0-9]{6}$"), "^[0-9]{6}$");
    }

    use super::*;

    #[test]
    fn messages_show_invisible_characters() {
        assert_eq!(quote("Hine Hall\n"), "`Hine Hall\\n`");
        assert_eq!(quote("a\tb"), "`a\\tb`");
        let kind = |raw: &str| whitespace_kind(raw).0.english();
        assert_eq!(kind("x\r\n"), "a line break");
        assert_eq!(kind("  x"), "spaces");
        assert_eq!(kind("\tx"), "a tab");
        assert_eq!(kind(" x\n"), "spaces and line breaks");
        assert_eq!(kind("\u{c}x"), "invisible characters");
        assert!(whitespace_kind("\tx").1 && !whitespace_kind("  x").1);
        assert_eq!(quote("\u{c}SitePlanURL"), "`\\u{000C}SitePlanURL`");
        assert!(quote(&"x".repeat(100)).ends_with("…`"));
    }
}

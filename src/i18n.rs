//! The words a person reads, in English and Welsh, from one Fluent catalogue per language
//! (`locales/en.ftl`, `locales/cy.ftl`): the findings' messages and help, `conform explain`, the
//! reports' summary lines and `conform serve`'s page. The Welsh file holds each English message
//! beside its Welsh one, so that a Welsh speaker can review it line by line.
//!
//! Checks build a [`Text`] (a message id and its arguments, with the [`t!`](crate::t) macro); a
//! finding keeps it, so that a report can be written in either language after the check.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// `en`, `cy`, or a locale such as `cy_GB.UTF-8` or `cy-GB`.
    pub fn parse(text: &str) -> Option<Lang> {
        let primary = text
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" | "c" | "posix" => Some(Lang::En),
            "cy" => Some(Lang::Cy),
            _ => None,
        }
    }

    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set), English
    /// when it names neither.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::parse(&value))
            .unwrap_or(Lang::En)
    }

    /// The first language of an `Accept-Language` header that the page speaks.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            // `q=0` means "not this one".
            .filter(|part| {
                !part
                    .split(';')
                    .skip(1)
                    .any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"))
            })
            .filter_map(|part| Lang::parse(part.split(';').next().unwrap_or("").trim()))
            .next()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../locales/en.ftl"),
            Lang::Cy => include_str!("../locales/cy.ftl"),
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
            [OnceLock::new(), OnceLock::new()];
        BUNDLES[self as usize].get_or_init(|| build(self))
    }

    /// The messages that are only text and values, each as its pieces, compiled once.
    fn compiled(self) -> &'static Compiled {
        static COMPILED: [OnceLock<Compiled>; 2] = [OnceLock::new(), OnceLock::new()];
        COMPILED[self as usize].get_or_init(|| {
            let bundle = self.bundle();
            let mut compiled = Compiled::default();
            for id in message_ids(self.source()) {
                let Some(message) = bundle.get_message(&id) else {
                    continue;
                };
                let Some(pattern) = message.value() else {
                    continue;
                };
                if let Some(pieces) = pieces_of(pattern) {
                    compiled.insert(id, pieces);
                }
            }
            compiled
        })
    }

    /// The message `id`, with `args` put in.
    pub fn text(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            // A missing message is a defect the catalogue test catches; the page still shows
            // something a person can report.
            return format!("[{id}]");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(*text)),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// A message without arguments.
    pub fn get(self, id: &str) -> String {
        self.text(id, &[])
    }

    /// The ids of every message in this language's catalogue.
    pub fn ids(self) -> Vec<String> {
        message_ids(self.source())
    }
}

/// Each message of text and values, by id: looked up once a finding (foldhash rather than
/// SipHash, as for the code lists).
type Compiled = HashMap<String, Vec<Piece>, foldhash::fast::FixedState>;

/// A piece of a compiled message: its text, or the value named.
#[derive(Debug)]
enum Piece {
    Text(&'static str),
    Value(&'static str),
}

/// The pieces of a message made only of text and values; `None` for one that selects (plurals)
/// or uses anything else Fluent offers, which the resolver writes.
fn pieces_of(pattern: &'static ast::Pattern<&'static str>) -> Option<Vec<Piece>> {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => Some(Piece::Text(value)),
            ast::PatternElement::Placeable {
                expression:
                    ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => Some(Piece::Value(id.name)),
            _ => None,
        })
        .collect()
}

/// A value put into a message.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

/// Words for a person: a catalogue message and its arguments, rendered in either language when
/// they are read.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    id: &'static str,
    args: Vec<(&'static str, TextArg)>,
}

/// A value put into a [`Text`].
#[derive(Clone, Debug, PartialEq)]
pub enum TextArg {
    /// Shown as it is: a value from the file.
    Str(String),
    /// Shown as it is, shared with the check: a column's name.
    Shared(Arc<str>),
    /// A number shown plainly (a line, a year): `12345`.
    Number(i64),
    /// A count, shown with thousands separated: `12,345`.
    Count(u64),
    /// Words of their own (a phrase chosen by the check), rendered in the same language.
    Text(Box<Text>),
}

impl Text {
    pub fn new<const N: usize>(id: &'static str, args: [(&'static str, TextArg); N]) -> Text {
        Text {
            id,
            args: Vec::from(args),
        }
    }

    /// The words in `lang`: a message of text and values written directly, sized exactly
    /// (findings keep these strings, and are written by the hundred thousand), any other through
    /// Fluent's resolver.
    pub fn render(&self, lang: Lang) -> String {
        let Some(pieces) = lang.compiled().get(self.id) else {
            return self.render_with_fluent(lang);
        };
        let mut out = String::with_capacity(self.pieces_len(pieces, lang).unwrap_or(0));
        self.write_pieces(pieces, lang, &mut out);
        out
    }

    /// How long the words are in `lang`, for a message of text and values.
    #[cfg(test)]
    fn written_len(&self, lang: Lang) -> Option<usize> {
        self.pieces_len(lang.compiled().get(self.id)?, lang)
    }

    fn pieces_len(&self, pieces: &[Piece], lang: Lang) -> Option<usize> {
        let mut len = 0;
        for piece in pieces {
            len += match piece {
                Piece::Text(text) => text.len(),
                Piece::Value(name) => match self.args.iter().find(|(n, _)| n == name) {
                    Some((_, TextArg::Str(text))) => text.len(),
                    Some((_, TextArg::Shared(text))) => text.len(),
                    Some((_, TextArg::Number(n))) => {
                        n.unsigned_abs().checked_ilog10().unwrap_or(0) as usize
                            + 1
                            + usize::from(*n < 0)
                    }
                    Some((_, TextArg::Count(n))) => {
                        let digits = n.checked_ilog10().unwrap_or(0) as usize + 1;
                        digits + (digits - 1) / 3
                    }
                    Some((_, TextArg::Text(text))) => {
                        text.pieces_len(lang.compiled().get(text.id)?, lang)?
                    }
                    None => name.len() + 3,
                },
            };
        }
        Some(len)
    }

    /// Whether the English words start with `prefix`, without writing them where the message's
    /// text says so.
    pub fn starts_with_in_english(&self, prefix: &str) -> bool {
        match Lang::En.compiled().get(self.id).and_then(|p| p.first()) {
            Some(Piece::Text(text)) if text.len() >= prefix.len() => text.starts_with(prefix),
            _ => self.english().starts_with(prefix),
        }
    }

    /// Appends the words in `lang` to `out`.
    fn render_into(&self, lang: Lang, out: &mut String) {
        match lang.compiled().get(self.id) {
            Some(pieces) => self.write_pieces(pieces, lang, out),
            None => out.push_str(&self.render_with_fluent(lang)),
        }
    }

    fn write_pieces(&self, pieces: &[Piece], lang: Lang, out: &mut String) {
        for piece in pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Value(name) => match self.args.iter().find(|(n, _)| n == name) {
                    Some((_, TextArg::Str(text))) => out.push_str(text),
                    Some((_, TextArg::Shared(text))) => out.push_str(text),
                    Some((_, TextArg::Number(n))) => {
                        let _ = write!(out, "{n}");
                    }
                    Some((_, TextArg::Count(n))) => out.push_str(&crate::finding::thousands(*n)),
                    Some((_, TextArg::Text(text))) => text.render_into(lang, out),
                    // As Fluent writes a value it was not given.
                    None => {
                        let _ = write!(out, "{{${name}}}");
                    }
                },
            }
        }
    }

    fn render_with_fluent(&self, lang: Lang) -> String {
        let bundle = lang.bundle();
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            // The catalogue test checks every id the code uses; a person can still report this.
            return format!("[{}]", self.id);
        };
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let value = match value {
                TextArg::Str(text) => FluentValue::from(text.as_str()),
                TextArg::Shared(text) => FluentValue::from(&**text),
                TextArg::Number(n) => FluentValue::Number(FluentNumber::new(
                    *n as f64,
                    FluentNumberOptions {
                        use_grouping: false,
                        ..Default::default()
                    },
                )),
                TextArg::Count(n) => FluentValue::Number(FluentNumber::new(
                    *n as f64,
                    FluentNumberOptions::default(),
                )),
                TextArg::Text(text) => FluentValue::from(text.render(lang)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }

    /// The words in English, as the reports of the command line write them by default.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }

    /// The argument `name`, when it is words of their own (a phrase the message puts in).
    pub fn arg_text(&self, name: &str) -> Option<&Text> {
        self.args.iter().find_map(|(n, value)| match value {
            TextArg::Text(text) if *n == name => Some(&**text),
            _ => None,
        })
    }
}

impl From<&str> for TextArg {
    fn from(text: &str) -> TextArg {
        TextArg::Str(text.into())
    }
}
impl From<String> for TextArg {
    fn from(text: String) -> TextArg {
        TextArg::Str(text)
    }
}
impl From<&String> for TextArg {
    fn from(text: &String) -> TextArg {
        TextArg::Str(text.clone())
    }
}
impl From<&std::sync::Arc<str>> for TextArg {
    fn from(text: &std::sync::Arc<str>) -> TextArg {
        TextArg::Shared(Arc::clone(text))
    }
}
impl From<Text> for TextArg {
    fn from(text: Text) -> TextArg {
        TextArg::Text(Box::new(text))
    }
}
macro_rules! counts {
    ($($t:ty),*) => {$(
        /// Counts are shown with their thousands separated; see [`TextArg::Number`] for plain.
        impl From<$t> for TextArg {
            fn from(n: $t) -> TextArg {
                TextArg::Count(n as u64)
            }
        }
    )*};
}
counts!(u64, usize, u32);
impl From<i64> for TextArg {
    fn from(n: i64) -> TextArg {
        TextArg::Number(n)
    }
}

/// A [`Text`]: `t!("cell-required", column = name, row = 12)`. Strings are shown as they are,
/// `u64`/`usize`/`u32` counts with thousands separated (`1,234`), an `i64` plainly (wrap a line
/// number as `n as i64` to show it as `12345`), and a `Text` in the same language.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::new(
            $id,
            [$((stringify!($name), $crate::i18n::TextArg::from($value))),*],
        )
    };
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = match lang {
        Lang::En => "en-GB",
        Lang::Cy => "cy-GB",
    };
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let resource = match FluentResource::try_new(lang.source().to_string()) {
        Ok(resource) => resource,
        // The catalogues are part of the program; the catalogue test parses them.
        Err((resource, _)) => resource,
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: the values are file names and numbers in running text, and the
    // marks would show in plain-text downloads.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(group_thousands));
    let _ = bundle.add_resource(resource);
    bundle
}

/// Counts with their thousands separated (`12,345`), as both languages write them; a number
/// marked `use_grouping: false` (a line or a year) is left to Fluent, which writes it plainly.
fn group_thousands<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n)
            if n.options.use_grouping && n.value >= 0.0 && n.value.fract() == 0.0 =>
        {
            Some(crate::finding::thousands(n.value as u64))
        }
        _ => None,
    }
}

/// The message ids a catalogue defines (terms and comments aside).
fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| !line.starts_with([' ', '#', '-', '\t']) && line.contains(" ="))
        .filter_map(|line| line.split(" =").next())
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_parse_and_define_the_same_messages() {
        for lang in Lang::ALL {
            let parsed = FluentResource::try_new(lang.source().to_string());
            assert!(
                parsed.is_ok(),
                "{} catalogue has errors: {:?}",
                lang.code(),
                parsed.err().map(|(_, e)| e)
            );
        }
        let english = Lang::En.ids();
        let welsh = Lang::Cy.ids();
        assert!(english.len() > 20, "{english:?}");
        let missing_in_welsh: Vec<&String> =
            english.iter().filter(|id| !welsh.contains(id)).collect();
        let missing_in_english: Vec<&String> =
            welsh.iter().filter(|id| !english.contains(id)).collect();
        assert!(
            missing_in_welsh.is_empty(),
            "no Welsh for {missing_in_welsh:?}"
        );
        assert!(
            missing_in_english.is_empty(),
            "no English for {missing_in_english:?}"
        );
        for id in &english {
            for lang in Lang::ALL {
                let text = lang.get(id);
                assert!(!text.starts_with('['), "{id} in {}", lang.code());
            }
        }
    }

    #[test]
    fn arguments_are_put_in_without_isolation_marks() {
        let text = Lang::Cy.text(
            "summary-counts",
            &[("errors", Arg::Number(2)), ("warnings", Arg::Number(1))],
        );
        assert!(text.contains('2') && text.contains('1'), "{text}");
        assert!(!text.contains('\u{2068}'), "{text:?}");
    }

    #[test]
    fn english_code_titles_and_fixes_are_the_explain_texts() {
        // One source for the English words: the catalogue may not drift from `conform explain`.
        for code in crate::finding::Code::ALL {
            let doc = code.doc();
            assert_eq!(Lang::En.get(&format!("code-{}", code.as_str())), doc.title);
            assert_eq!(Lang::En.get(&format!("fix-{}", code.as_str())), doc.fix);
            assert!(!Lang::Cy
                .get(&format!("fix-{}", code.as_str()))
                .starts_with('['));
        }
    }

    /// Every `t!("id", name = …)` in the sources: its id and argument names.
    fn uses_in_sources() -> (Vec<(String, String, Vec<String>)>, String) {
        fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, files);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut uses = Vec::new();
        let mut all = String::new();
        for file in files {
            let source = std::fs::read_to_string(&file).expect("a source file is text");
            all.push_str(&source);
            if file.ends_with("i18n.rs") {
                // This file: the macro's definition, its documentation and this test.
                continue;
            }
            let mut rest = source.as_str();
            while let Some(at) = rest.find("t!(\"") {
                // `format!("` ends the same way.
                let word = rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                rest = &rest[at + 4..];
                if word {
                    continue;
                }
                // The macro's own definition and its documentation are not uses.
                let Some(end) = rest.find('"') else { break };
                let id = rest[..end].to_string();
                // The arguments run to the closing parenthesis at depth zero.
                let mut depth = 1;
                let mut close = rest.len();
                for (i, c) in rest.char_indices() {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => {
                            depth -= 1;
                            if depth == 0 {
                                close = i;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let args = rest[end + 1..close].to_string();
                let mut names = Vec::new();
                let mut depth = 0;
                let mut part = String::new();
                for c in args.chars().chain([',']) {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => depth -= 1,
                        ',' if depth == 0 => {
                            if let Some((name, _)) = part.split_once('=') {
                                names.push(name.trim().to_string());
                            }
                            part.clear();
                            continue;
                        }
                        _ => {}
                    }
                    part.push(c);
                }
                uses.push((file.display().to_string(), id, names));
            }
        }
        (uses, all)
    }

    /// The variables (`{ $name }`) a catalogue's message refers to.
    fn variables(lang: Lang, id: &str) -> Vec<String> {
        let source = lang.source();
        let start = format!("\n{id} =");
        let Some(at) = source.find(&start) else {
            return Vec::new();
        };
        let body = &source[at + start.len()..];
        // The message runs to the next line that is not indented.
        let end = body
            .match_indices('\n')
            .find(|(i, _)| !body[i + 1..].starts_with([' ', '\t']))
            .map_or(body.len(), |(i, _)| i);
        let variable = regex::Regex::new(r"\$([A-Za-z][A-Za-z0-9_-]*)").expect("a valid pattern");
        variable
            .captures_iter(&body[..end])
            .map(|c| c[1].to_string())
            .collect()
    }

    #[test]
    fn every_message_the_code_uses_is_in_both_languages_with_its_arguments() {
        let (uses, sources) = uses_in_sources();
        assert!(uses.len() > 10, "{} uses found", uses.len());
        let mut problems = Vec::new();
        for (file, id, names) in &uses {
            for lang in Lang::ALL {
                if !lang.ids().contains(id) {
                    problems.push(format!("{file}: `{id}` is not in {}.ftl", lang.code()));
                    continue;
                }
                for variable in variables(lang, id) {
                    if !names.contains(&variable) {
                        problems.push(format!(
                            "{file}: `{id}` in {}.ftl uses ${variable}, which the code does not give ({names:?})",
                            lang.code()
                        ));
                    }
                }
            }
        }
        // A finding message nobody uses is a translation nobody reads.
        for id in Lang::En.ids() {
            // The codes' texts are looked up by the code's name.
            let by_code = ["code-", "fix-", "what-", "why-", "example-"]
                .iter()
                .any(|p| id.starts_with(p));
            if !by_code && !sources.contains(&format!("\"{id}\"")) {
                problems.push(format!("`{id}` is in the catalogue but not used"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn compiled_messages_write_what_fluent_writes() {
        let mut compiled = 0;
        for lang in Lang::ALL {
            for id in lang.ids() {
                let Some((id, _)) = lang.compiled().get_key_value(id.as_str()) else {
                    continue;
                };
                compiled += 1;
                let id: &'static str = Box::leak(id.clone().into_boxed_str());
                // Every kind of value, and one left out.
                let mut args = Vec::new();
                let mut names = variables(lang, id);
                names.sort();
                names.dedup();
                for (n, name) in names.into_iter().enumerate().skip(1) {
                    let name: &'static str = Box::leak(name.into_boxed_str());
                    args.push((
                        name,
                        match n % 4 {
                            0 => TextArg::Str(format!("`{name}` {{x}}")),
                            1 => TextArg::Number(12345),
                            2 => TextArg::Count(1234567),
                            _ => TextArg::Text(Box::new(crate::t!("report-place-header"))),
                        },
                    ));
                }
                let text = Text {
                    id,
                    args: args.into_iter().collect(),
                };
                assert_eq!(text.render(lang), text.render_with_fluent(lang), "{id}");
                assert_eq!(
                    text.written_len(lang),
                    Some(text.render(lang).len()),
                    "{id}"
                );
            }
        }
        assert!(compiled > 300, "{compiled} messages compiled");
    }

    #[test]
    fn counts_are_grouped_and_numbers_are_not() {
        let text = crate::t!("check-too-few-rows", rows = 12345_i64, min = 1000_i64);
        assert_eq!(
            text.english(),
            "the file has 12345 data rows, but the table needs at least 1000"
        );
        let text = crate::t!(
            "check-header-too-wide",
            cells = 20000_usize,
            max = 16384_usize
        );
        assert!(text
            .english()
            .starts_with("the header has 20,000 cells, more than the 16,384"));
        assert!(text.render(Lang::Cy).contains("20,000"));
    }

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Lang::parse("cy_GB.UTF-8"), Some(Lang::Cy));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
        assert_eq!(
            Lang::from_accept_language("fr;q=0.9, cy-GB;q=0.8, en;q=0.5"),
            Some(Lang::Cy)
        );
        assert_eq!(
            Lang::from_accept_language("cy;q=0, en;q=0.5"),
            Some(Lang::En)
        );
    }
}

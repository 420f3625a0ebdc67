//! The words a person reads on `conform serve`'s page, in English and Welsh, from one Fluent
//! catalogue per language (`locales/en.ftl`, `locales/cy.ftl`). The Welsh file holds each English
//! message beside its Welsh one, so that a Welsh speaker can review it line by line.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
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

/// A value put into a message.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
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
    let _ = bundle.add_resource(resource);
    bundle
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

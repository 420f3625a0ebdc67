//! The documentation of every finding code, rendered from the code table in `finding::codes`:
//! `conform explain`, `docs/codes.md` and the README's table.

use crate::finding::Code;
use crate::i18n::Lang;
use crate::t;

/// The text `conform explain CODE` prints, in `lang`.
pub fn render(code: Code, lang: Lang) -> String {
    let name = code.as_str();
    let text = |part: &str| lang.get(&format!("{part}-{name}"));
    let severity = t!(
        "explain-by-default",
        severity = code.default_severity().as_str()
    );
    format!(
        "{code} [{severity}]: {title}\n\n{what_heading}\n  {what}\n\n{why_heading}\n  {why}\n\n{fix_heading}\n  {fix}\n\n{example_heading}\n  {example}\n",
        severity = severity.render(lang),
        title = text("code"),
        what_heading = t!("explain-what").render(lang),
        what = text("what"),
        why_heading = t!("explain-why").render(lang),
        why = text("why"),
        fix_heading = t!("explain-fix").render(lang),
        fix = text("fix"),
        example_heading = t!("explain-example").render(lang),
        example = text("example"),
    )
}

/// The list `conform explain` prints without a code.
pub fn listing(lang: Lang) -> String {
    let mut text = format!("{}\n\n", t!("explain-listing").render(lang));
    for code in Code::ALL {
        text.push_str(&format!(
            "  {:<17} {:<8} {}\n",
            code.as_str(),
            code.default_severity().as_str(),
            lang.get(&format!("code-{}", code.as_str()))
        ));
    }
    text
}

/// Marks around the generated code table in README.md.
pub const README_TABLE_START: &str = "<!-- codes: generated from src/finding/codes.rs -->";
pub const README_TABLE_END: &str = "<!-- /codes -->";

/// The README's table of codes: code, default severity, when it is given.
pub fn readme_table() -> String {
    let mut out = format!("{README_TABLE_START}\n| code | default | when |\n|---|---|---|\n");
    for code in Code::ALL {
        out.push_str(&format!(
            "| `{code}` | {} | {} |\n",
            code.default_severity(),
            code.doc().when
        ));
    }
    out.push_str(README_TABLE_END);
    out
}

/// Every code's documentation as a Markdown page (`docs/codes.md`, where report links point).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Finding codes\n\nEvery problem conform reports has one of these codes. `conform explain CODE` prints the\nsame text. A standard can change a code's severity or switch it off.\n\n| code | default severity | title |\n|---|---|---|\n",
    );
    for code in Code::ALL {
        out.push_str(&format!(
            "| [`{code}`](#{code}) | {} | {} |\n",
            code.default_severity(),
            code.doc().title
        ));
    }
    for code in Code::ALL {
        let d = code.doc();
        out.push_str(&format!(
            "\n## {code}\n\n**{}** ({} by default)\n\n**What it means.** {}\n\n**Why it matters.** {}\n\n**How to fix it.** {}\n\n**Example.** {}\n",
            d.title,
            code.default_severity(),
            d.what,
            d.why,
            d.fix,
            d.example
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_explanation_is_the_code_table_and_the_welsh_is_whole() {
        for code in Code::ALL {
            let d = code.doc();
            let english = render(*code, Lang::En);
            for text in [d.title, d.what, d.why, d.fix, d.example] {
                assert!(english.contains(text), "{code}: {text:?} not in {english}");
            }
            let welsh = render(*code, Lang::Cy);
            for part in ["code", "what", "why", "fix", "example"] {
                // A missing message shows as `[id]`.
                assert!(!welsh.contains(&format!("[{part}-")), "{welsh}");
            }
            assert!(welsh.starts_with(code.as_str()), "{welsh}");
            assert_ne!(welsh, english);
        }
    }

    #[test]
    fn every_code_is_documented_in_full() {
        for code in Code::ALL {
            let d = code.doc();
            for text in [d.title, d.when, d.what, d.why, d.fix, d.example] {
                assert!(text.len() > 10, "{code} has a thin doc: {text:?}");
            }
        }
    }
}

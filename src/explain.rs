//! The documentation of every finding code, rendered from the code table in `finding::codes`:
//! `conform explain`, `docs/codes.md` and the README's table.

use crate::finding::Code;

/// The text `conform explain CODE` prints.
pub fn render(code: Code) -> String {
    let d = code.doc();
    format!(
        "{code} [{severity} by default]: {title}\n\nWhat it means\n  {what}\n\nWhy it matters\n  {why}\n\nHow to fix it\n  {fix}\n\nExample\n  {example}\n",
        code = d.code,
        severity = d.code.default_severity(),
        title = d.title,
        what = d.what,
        why = d.why,
        fix = d.fix,
        example = d.example,
    )
}

/// The list `conform explain` prints without a code.
pub fn listing() -> String {
    let mut text = String::from("Finding codes (`conform explain CODE` for one in full):\n\n");
    for code in Code::ALL {
        text.push_str(&format!(
            "  {:<17} {:<8} {}\n",
            code.as_str(),
            code.default_severity().as_str(),
            code.doc().title
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
    fn every_code_is_documented_in_full() {
        for code in Code::ALL {
            let d = code.doc();
            for text in [d.title, d.when, d.what, d.why, d.fix, d.example] {
                assert!(text.len() > 10, "{code} has a thin doc: {text:?}");
            }
        }
    }
}

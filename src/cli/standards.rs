//! `conform standards` and `conform explain`: the catalogue, a standard's pages and template,
//! lint with its diagnostics drawn, and the finding codes.

use conform::explain;
use conform::finding::Code;
use conform::report;
use conform::standard::{Standard, StandardError};

use super::{write_stdout, Fatal, StandardsCommand};

pub(super) fn standards_command(command: StandardsCommand) -> Result<String, Fatal> {
    match command {
        StandardsCommand::List { format } => match format.as_str() {
            "json" => Ok(conform::describe::list_json()?),
            "text" => Ok(conform::describe::list_text()?),
            other => Err(Fatal(format!("error: --format {other}: use text or json"))),
        },
        StandardsCommand::Show { standard } => {
            Ok(conform::describe::show(&Standard::load(&standard)?))
        }
        StandardsCommand::Lint { .. } => Err(Fatal("error: lint is run on its own".into())),
        StandardsCommand::Import { descriptor } => Ok(conform::standard::import(&descriptor)?),
        StandardsCommand::Docs { standard, format } => {
            let standard = Standard::load(&standard)?;
            match format.as_str() {
                "markdown" | "md" => Ok(conform::describe::markdown(&standard)),
                "html" => Ok(conform::describe::html(&standard)),
                other => Err(Fatal(format!(
                    "error: --format {other}: use markdown or html"
                ))),
            }
        }
        StandardsCommand::Template {
            standard,
            table,
            example,
        } => {
            let standard = Standard::load(&standard)?;
            let table = match &table {
                Some(name) => standard.table(name).ok_or_else(|| {
                    Fatal(format!(
                        "error: the standard {} has no table `{name}`",
                        standard.id
                    ))
                })?,
                None => &standard.tables[0],
            };
            Ok(conform::describe::template(table, example))
        }
    }
}

pub(super) fn render_diagnostic(error: &StandardError) -> String {
    let mut rendered = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100);
    if handler.render_report(&mut rendered, error).is_err() {
        rendered = error.message.clone();
    }
    rendered
}

pub(super) fn lint_command(spec: &str) -> i32 {
    let lint = conform::lint::lint(spec);
    let mut out = String::new();
    for error in &lint.errors {
        out.push_str(&render_diagnostic(error));
        out.push('\n');
    }
    let warnings = lint.warnings.len();
    for warning in lint.warnings {
        out.push_str(&render_diagnostic(&warning.of_kind("lint warning")));
        out.push('\n');
    }
    let verdict = if lint.errors.is_empty() {
        format!(
            "✓ {spec}: a usable standard ({})\n",
            report::plural(warnings, "warning", "warnings")
        )
    } else {
        format!(
            "✗ {spec}: {}\n",
            report::plural(lint.errors.len(), "error", "errors")
        )
    };
    out.push_str(&verdict);
    write_stdout(&out, if lint.errors.is_empty() { 0 } else { 1 })
}

pub(super) fn explain_command(code: Option<&str>, lang: conform::i18n::Lang) -> i32 {
    match code {
        None => write_stdout(&explain::listing(lang), 0),
        Some(name) => match Code::parse(name) {
            Some(code) => write_stdout(&explain::render(code, lang), 0),
            None => {
                let guess = conform::suggest::closest(name, Code::ALL.iter().map(|c| c.as_str()));
                let hint = guess
                    .map(|g| format!(" Did you mean `{g}`?"))
                    .unwrap_or_default();
                eprintln!("error: `{name}` is not a finding code.{hint} `conform explain` lists them all.");
                2
            }
        },
    }
}

//! The web page: choose a file and a standard, press Check, read what is wrong in plain words,
//! with the cells it is about. GOV.UK Design System styles and components (the `govuk-frontend`
//! package's own CSS, committed under `assets/`), working without JavaScript; the script only
//! adds an upload progress bar.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::checking::{self, Checked, NotChecked};
use super::http::{self, escape, Answer};
use super::upload::{Refused, Upload};
use super::{size_text, State};
use crate::i18n::{Arg, Lang};
use crate::report::Format;
use crate::standard::{builtin_standards, Standard};

/// Examples shown under each problem.
const EXAMPLES: usize = 5;
/// Rows shown in the table of offending rows.
const TABLE_ROWS: usize = 10;
/// Reports larger than this are not offered as downloads on the page (the API gives them).
const MAX_DOWNLOAD_BYTES: usize = 4 << 20;

/// A whole page in the GOV.UK template.
fn layout(lang: Lang, title: &str, main: &str, here: &str) -> String {
    let other = match lang {
        Lang::En => Lang::Cy,
        Lang::Cy => Lang::En,
    };
    let separator = if here.contains('?') { '&' } else { '?' };
    let toggle = format!(
        r##"<a class="govuk-link" href="{here}{separator}lang={code}" hreflang="{code}" lang="{code}">{label}</a>"##,
        here = escape(here),
        code = other.code(),
        label = escape(&other.get("language-name")),
    );
    format!(
        r##"<!DOCTYPE html>
<html lang="{lang_code}" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{title} – conform</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/govuk-frontend.min.css">
<link rel="stylesheet" href="/assets/conform.css">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">{skip}</a>
<section class="govuk-service-navigation" aria-label="{service_label}">
<div class="govuk-width-container">
<div class="govuk-service-navigation__container">
<span class="govuk-service-navigation__service-name"><a href="/?lang={lang_code}" class="govuk-service-navigation__link">conform</a></span>
<nav aria-label="{menu}" class="govuk-service-navigation__wrapper">
<ul class="govuk-service-navigation__list">
<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/?lang={lang_code}">{nav_check}</a></li>
<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/standards?lang={lang_code}">{nav_standards}</a></li>
</ul>
</nav>
</div>
</div>
</section>
<div class="govuk-width-container">
<nav class="conform-language" aria-label="{language_label}">{toggle}</nav>
<main class="govuk-main-wrapper" id="main-content">
{main}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container">
<p class="govuk-body-s">{footer}</p>
</div>
</footer>
<script src="/assets/conform.js"></script>
</body>
</html>
"##,
        lang_code = lang.code(),
        title = escape(title),
        skip = escape(&lang.get("skip-link")),
        service_label = escape(&lang.get("service-label")),
        menu = escape(&lang.get("menu")),
        language_label = escape(&lang.get("language-label")),
        nav_check = escape(&lang.get("nav-check")),
        nav_standards = escape(&lang.get("nav-standards")),
        footer = escape(&lang.get("footer-kept")),
    )
}

/// Where a standard's title goes in a message, before it is put in marked as English (a
/// character of the private use area, which no catalogue message holds).
const TITLE_MARK: &str = "\u{E000}";

/// Text in English whatever the page's language (standards' titles), marked as English on a
/// Welsh page so that a screen reader speaks it as English.
fn english(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => escape(text),
        _ => format!(r#"<span lang="en">{}</span>"#, escape(text)),
    }
}

fn html(status: u16, page: String) -> Answer {
    http::answer(status, "text/html; charset=utf-8", page.into_bytes())
}

/// The standards a person may choose, as (id, title), sorted by id (the newest version of each):
/// loaded once, not for every page.
fn choices() -> &'static [(String, String)] {
    static CHOICES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    CHOICES.get_or_init(|| {
        let mut seen = BTreeMap::new();
        for entry in builtin_standards() {
            seen.insert(entry.id.clone(), entry);
        }
        seen.into_values()
            .map(|entry| {
                let title = Standard::load(&format!("builtin:{}@{}", entry.id, entry.version))
                    .map(|s| s.title.clone())
                    .unwrap_or_default();
                (entry.id, title)
            })
            .collect()
    })
}

/// What was wrong with the form, to show on it again.
pub struct FormError {
    field: &'static str,
    message: String,
    /// The standard the person had chosen, chosen again on the form.
    chosen: Option<String>,
}

/// The upload form, with an error on it if the last try had one.
pub fn home(lang: Lang, error: Option<FormError>, max_upload: u64) -> Answer {
    let status = if error.is_some() { 400 } else { 200 };
    let mut main = String::new();
    if let Some(error) = &error {
        main.push_str(&error_summary(
            lang,
            &[(format!("#{}", error.field), error.message.clone())],
        ));
    }
    // A field with the error gets the GOV.UK error style, the message, and points to it.
    let field_error = |field: &str| match &error {
        Some(e) if e.field == field => (
            " govuk-form-group--error",
            format!(
                r##"<p id="{field}-error" class="govuk-error-message"><span class="govuk-visually-hidden">{}:</span> {}</p>"##,
                escape(&lang.get("error-prefix")),
                escape(&e.message)
            ),
            format!("{field}-hint {field}-error"),
        ),
        _ => ("", String::new(), format!("{field}-hint")),
    };
    let (group_class, error_line, described) = field_error("file");
    let (standard_class, standard_error, standard_described) = field_error("standard");
    let mut options = format!(
        r##"<option value="auto">{}</option>"##,
        escape(&lang.get("standard-auto"))
    );
    let chosen = error.as_ref().and_then(|e| e.chosen.as_deref());
    for (id, title) in choices() {
        options.push_str(&format!(
            r##"<option value="{id}"{selected}>{title} ({id})</option>"##,
            selected = if chosen == Some(id.as_str()) {
                " selected"
            } else {
                ""
            },
            id = escape(id),
            title = escape(title)
        ));
    }
    main.push_str(&format!(
        r##"<h1 class="govuk-heading-xl">{heading}</h1>
<p class="govuk-body-l">{lede}</p>
<form method="post" action="/check?lang={lang_code}" enctype="multipart/form-data" novalidate id="check-form">
<div class="govuk-form-group{group_class}">
<label class="govuk-label govuk-label--m" for="file">{file_label}</label>
<div id="file-hint" class="govuk-hint">{file_hint}</div>
{error_line}
<input class="govuk-file-upload" id="file" name="file" type="file" aria-describedby="{described}">
</div>
<div class="govuk-form-group{standard_class}">
<label class="govuk-label govuk-label--m" for="standard">{standard_label}</label>
<div id="standard-hint" class="govuk-hint">{standard_hint}</div>
{standard_error}
<select class="govuk-select" id="standard" name="standard" aria-describedby="{standard_described}">
{options}
</select>
</div>
<button type="submit" class="govuk-button" data-module="govuk-button">{button}</button>
<div id="upload-progress" class="conform-progress" data-checking="{checking}" hidden>
<label class="govuk-label" for="upload-bar">{progress_label}</label>
<progress id="upload-bar" max="100" value="0"></progress>
<p class="govuk-body" id="upload-status" aria-live="polite"></p>
</div>
</form>
<h2 class="govuk-heading-m">{api_heading}</h2>
<p class="govuk-body">{api_text} <code>POST /api/v1/check</code> (<a class="govuk-link" href="/api/v1/openapi.json">OpenAPI</a>).</p>
"##,
        heading = escape(&lang.get("home-heading")),
        lede = escape(&lang.get("home-lede")),
        lang_code = lang.code(),
        file_label = escape(&lang.get("file-label")),
        file_hint = escape(&lang.text(
            "file-hint",
            &[("limit", Arg::Text(&size_text(max_upload)))]
        )),
        standard_label = escape(&lang.get("standard-label")),
        standard_hint = escape(&lang.get("standard-hint")),
        button = escape(&lang.get("check-button")),
        progress_label = escape(&lang.get("progress-label")),
        api_heading = escape(&lang.get("api-heading")),
        api_text = escape(&lang.get("api-text")),
        checking = escape(&lang.get("checking")),
    ));
    let title = match &error {
        Some(_) => format!("{}: {}", lang.get("error-prefix"), lang.get("home-heading")),
        None => lang.get("home-heading"),
    };
    html(status, layout(lang, &title, &main, "/"))
}

/// The GOV.UK error summary: links to each problem.
fn error_summary(lang: Lang, items: &[(String, String)]) -> String {
    let mut list = String::new();
    for (target, text) in items {
        list.push_str(&format!(
            r##"<li><a href="{}">{}</a></li>"##,
            escape(target),
            escape(text)
        ));
    }
    format!(
        r##"<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1">
<div role="alert">
<h2 class="govuk-error-summary__title">{}</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
{list}
</ul>
</div>
</div>
</div>
"##,
        escape(&lang.get("error-summary-title"))
    )
}

/// Findings a page is built from at most: the page shows the first examples of each problem, and
/// its downloads say the check stopped there (the API gives every finding).
const PAGE_MAX_FINDINGS: usize = 10_000;

/// `POST /check`, once the upload is in: the file checked, and the result page. Blocks.
pub fn check(state: &State, upload: Result<Upload, Refused>, lang: Lang) -> Answer {
    let form_error = |field: &'static str, message: String| {
        let error = FormError {
            field,
            message,
            chosen: None,
        };
        home(lang, Some(error), state.max_upload)
    };
    let upload = match upload {
        Ok(upload) => upload,
        Err(Refused::TooLarge(limit)) => {
            return http::with_status(
                form_error(
                    "file",
                    lang.text(
                        "error-too-large",
                        &[("limit", Arg::Text(&size_text(limit)))],
                    ),
                ),
                413,
            )
        }
        Err(Refused::Malformed(message)) => {
            return form_error(
                "file",
                lang.text("error-form", &[("detail", Arg::Text(&message))]),
            )
        }
        Err(Refused::Stalled) => {
            return http::with_status(form_error("file", lang.get("error-stalled")), 408)
        }
        Err(Refused::Io(e)) => {
            return http::text(500, format!("the upload could not be stored: {e}\n"))
        }
    };
    let Upload { file, fields } = upload;
    let field = |wanted: &str| super::upload::field_of(&fields, wanted);
    let Some(file) = file else {
        let error = FormError {
            field: "file",
            message: lang.get("error-no-file"),
            chosen: field("standard"),
        };
        return home(lang, Some(error), state.max_upload);
    };
    let standard = match super::api::builtin_spec(&field("standard").unwrap_or_default()) {
        Ok(standard) => standard,
        Err(_) => return form_error("standard", lang.get("error-standard")),
    };
    let name = file.display_name();
    let reread = file.clone();
    let request = crate::run::Request {
        inputs: vec![file],
        standard,
        max_findings: Some(PAGE_MAX_FINDINGS),
        // The findings in the page's language; the downloads are `conform check --lang`'s.
        lang,
        ..crate::run::Request::default()
    };
    let formats = vec![Format::Json, Format::Csv, Format::Markdown];
    let rendered = checking::check(&state.gate, request, formats, move |checked| {
        result(lang, &name, &reread, &checked)
    });
    match rendered {
        Ok(page) => page,
        Err(NotChecked::Busy) => http::with_header(
            message_page(lang, 503, &lang.get("busy-title"), &lang.get("busy-text")),
            "retry-after",
            "5",
        ),
        Err(NotChecked::TooSlow(limit)) => {
            let seconds = Arg::Number(limit.as_secs() as i64);
            let text = lang.text("slow-text", &[("seconds", seconds)]);
            message_page(lang, 503, &lang.get("slow-title"), &text)
        }
        Err(NotChecked::Refused(message)) => {
            message_page(lang, 400, &lang.get("refused-title"), &message)
        }
        Err(NotChecked::Failed(message)) => {
            message_page(lang, 500, &lang.get("refused-title"), &message)
        }
    }
}

/// A page that only says something (busy, too slow, not found), with a way back to the form.
fn message_page(lang: Lang, status: u16, heading: &str, text: &str) -> Answer {
    html(
        status,
        layout(lang, heading, &message_block(lang, heading, text), "/"),
    )
}

fn message_block(lang: Lang, heading: &str, text: &str) -> String {
    format!(
        r##"<h1 class="govuk-heading-l">{}</h1>
<p class="govuk-body">{}</p>
<p class="govuk-body"><a class="govuk-link" href="/?lang={}">{}</a></p>"##,
        escape(heading),
        escape(text),
        lang.code(),
        escape(&lang.get("check-another"))
    )
}

/// One problem: a finding code in one column, with its findings.
struct Group<'a> {
    code: &'a str,
    column: Option<&'a str>,
    severity: &'a str,
    findings: Vec<&'a Value>,
}

/// The result page of one checked file.
fn result(lang: Lang, name: &str, input: &crate::read::Input, checked: &Checked) -> Answer {
    let report: Value = checked
        .reports
        .first()
        .and_then(|text| serde_json::from_slice(text).ok())
        .unwrap_or(Value::Null);
    let empty = Vec::new();
    let file = report["files"].as_array().and_then(|f| f.first());
    let findings = file
        .and_then(|f| f["findings"].as_array())
        .unwrap_or(&empty);
    let standard_title = report["standard"]["title"].as_str().unwrap_or("");
    let standard_id = report["standard"]["id"].as_str().unwrap_or("");
    let conforms = checked.exit_code == 0;
    let errors = report["summary"]["errors"].as_i64().unwrap_or(0);
    let warnings = report["summary"]["warnings"].as_i64().unwrap_or(0);
    let mut main = String::new();

    // The groups, errors first, in the order the report lists codes.
    let mut groups: Vec<Group<'_>> = Vec::new();
    for finding in findings {
        let code = finding["code"].as_str().unwrap_or("");
        let column = finding["column"]["name"].as_str();
        let severity = finding["severity"].as_str().unwrap_or("info");
        match groups
            .iter_mut()
            .find(|g| g.code == code && g.column == column)
        {
            Some(group) => group.findings.push(finding),
            None => groups.push(Group {
                code,
                column,
                severity,
                findings: vec![finding],
            }),
        }
    }
    let rank = |s: &str| match s {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };
    groups.sort_by_key(|g| rank(g.severity));

    let counts = lang.text(
        "summary-counts",
        &[
            ("errors", Arg::Number(errors)),
            ("warnings", Arg::Number(warnings)),
        ],
    );
    if !conforms {
        let items: Vec<(String, String)> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.severity != "info")
            .map(|(i, g)| {
                (
                    format!("#problem-{}", i + 1),
                    group_heading(lang, &report, g),
                )
            })
            .collect();
        if !items.is_empty() {
            main.push_str(&error_summary(lang, &items));
        }
    }
    let (panel_class, verdict) = if conforms {
        (
            "govuk-panel govuk-panel--confirmation",
            lang.get("verdict-conforms"),
        )
    } else if checked.exit_code == 1 {
        (
            "govuk-panel conform-panel--fails",
            lang.get("verdict-fails"),
        )
    } else {
        (
            "govuk-panel conform-panel--fails",
            lang.get("verdict-unreadable"),
        )
    };
    main.push_str(&format!(
        r##"<div class="{panel_class}">
<h1 class="govuk-panel__title">{verdict}</h1>
<div class="govuk-panel__body">{file}<br>{standard}<br>{counts}</div>
</div>
"##,
        verdict = escape(&verdict),
        file = escape(name),
        // The standard's title is its publisher's, in English: marked so on a Welsh page.
        standard = escape(&lang.text(
            "verdict-standard",
            &[
                ("standard", Arg::Text(TITLE_MARK)),
                ("id", Arg::Text(standard_id))
            ]
        ))
        .replace(TITLE_MARK, &english(lang, standard_title)),
        counts = escape(&counts),
    ));
    if let Some(note) = report["standard"]["note"].as_str() {
        main.push_str(&format!(
            r##"<div class="govuk-inset-text"><p class="govuk-body"><strong>{}</strong> {}</p></div>"##,
            escape(&lang.get("chosen-standard")),
            escape(note)
        ));
    }
    for (path, reason) in &checked.unreadable {
        main.push_str(&format!(
            r##"<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">{}</span>{}: {}</strong></div>"##,
            escape(&lang.get("warning-prefix")),
            escape(path),
            escape(reason)
        ));
    }

    // Each problem, with the fix and the first examples.
    if !groups.is_empty() {
        main.push_str(&format!(
            r##"<h2 class="govuk-heading-l">{}</h2>"##,
            escape(&lang.get("problems-heading"))
        ));
    }
    let not_listed = file.and_then(|f| f["not_listed"].as_i64()).unwrap_or(0);
    if not_listed > 0 {
        // The totals above count every problem; the groups below list the first ones.
        main.push_str(&format!(
            r##"<div class="govuk-inset-text">{}</div>"##,
            escape(&lang.text(
                "not-listed",
                &[
                    ("listed", Arg::Number(findings.len() as i64)),
                    ("more", Arg::Number(not_listed)),
                ]
            ))
        ));
    }
    for (i, group) in groups.iter().enumerate() {
        main.push_str(&group_section(lang, &report, group, i + 1));
    }

    // The offending rows, with the bad cells marked.
    main.push_str(&rows_table(lang, input, findings));

    // Downloads: the reports of this check (nothing is kept on the server), and the template.
    main.push_str(&format!(
        r##"<h2 class="govuk-heading-m">{}</h2><ul class="govuk-list">"##,
        escape(&lang.get("downloads-heading"))
    ));
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    for (text, (extension, media, format_name)) in checked.reports.iter().zip([
        ("json", "application/json", "JSON"),
        ("csv", "text/csv", "CSV"),
        ("md", "text/markdown", "Markdown"),
    ]) {
        if text.len() > MAX_DOWNLOAD_BYTES {
            continue;
        }
        main.push_str(&format!(
            r##"<li><a class="govuk-link" download="{file}" href="data:{media};charset=utf-8,{data}">{label}</a></li>"##,
            file = escape(&format!("{stem}.conform.{extension}")),
            data = percent_encode(text),
            label = escape(&lang.text("download-report", &[("format", Arg::Text(format_name))])),
        ));
    }
    if let (Some(table), false) = (
        file.and_then(|f| f["table"].as_str()),
        standard_id.is_empty(),
    ) {
        main.push_str(&format!(
            r##"<li><a class="govuk-link" href="/standards/{id}/{table}.csv">{label}</a></li>"##,
            id = escape(standard_id),
            table = escape(table),
            label = escape(&lang.text("download-template", &[("table", Arg::Text(table))])),
        ));
    }
    main.push_str("</ul>");
    main.push_str(&format!(
        r##"<p class="govuk-body"><a class="govuk-link" href="/?lang={}">{}</a></p>"##,
        lang.code(),
        escape(&lang.get("check-another"))
    ));
    let title = format!("{verdict}: {name}");
    let status = if checked.exit_code == 2 { 422 } else { 200 };
    html(status, layout(lang, &title, &main, "/"))
}

/// "Net amount: not a number (3)": what a group is about, for the error summary.
fn group_heading(lang: Lang, report: &Value, group: &Group<'_>) -> String {
    let title = code_title(lang, report, group.code);
    match group.column {
        Some(column) => lang.text(
            "group-heading-column",
            &[
                ("column", Arg::Text(column)),
                ("title", Arg::Text(&title)),
                ("count", Arg::Number(group.findings.len() as i64)),
            ],
        ),
        None => lang.text(
            "group-heading",
            &[
                ("title", Arg::Text(&title)),
                ("count", Arg::Number(group.findings.len() as i64)),
            ],
        ),
    }
}

/// A code's title in the page's language: the catalogue's, else the report's English one.
fn code_title(lang: Lang, report: &Value, code: &str) -> String {
    let id = format!("code-{code}");
    let text = lang.get(&id);
    if text.starts_with('[') {
        report["codes"][code]["title"]
            .as_str()
            .unwrap_or(code)
            .to_string()
    } else {
        text
    }
}

fn code_fix(lang: Lang, report: &Value, code: &str) -> String {
    let id = format!("fix-{code}");
    let text = lang.get(&id);
    if text.starts_with('[') {
        report["codes"][code]["fix"]
            .as_str()
            .unwrap_or("")
            .to_string()
    } else {
        text
    }
}

fn group_section(lang: Lang, report: &Value, group: &Group<'_>, number: usize) -> String {
    let severity = match group.severity {
        "error" => lang.get("severity-error"),
        "warning" => lang.get("severity-warning"),
        _ => lang.get("severity-info"),
    };
    let mut rows = String::new();
    for finding in group.findings.iter().take(EXAMPLES) {
        let place = place(lang, finding);
        let value = finding["value"].as_str().unwrap_or("");
        let message = finding["message"].as_str().unwrap_or("");
        let help = finding["help"].as_str().unwrap_or("");
        rows.push_str(&format!(
            r##"<tr class="govuk-table__row"><td class="govuk-table__cell">{}</td><td class="govuk-table__cell"><code>{}</code></td><td class="govuk-table__cell">{}{}</td></tr>"##,
            escape(&place),
            escape(value),
            escape(message),
            if help.is_empty() {
                String::new()
            } else {
                format!(
                    r##"<br><span class="conform-help">{}: {}</span>"##,
                    escape(&lang.get("fix-prefix")),
                    escape(help)
                )
            }
        ));
    }
    let more = group.findings.len().saturating_sub(EXAMPLES);
    let more = if more > 0 {
        format!(
            r##"<p class="govuk-body-s">{}</p>"##,
            escape(&lang.text("more-examples", &[("count", Arg::Number(more as i64))]))
        )
    } else {
        String::new()
    };
    format!(
        r##"<section class="conform-problem" id="problem-{number}" aria-labelledby="problem-{number}-heading">
<h3 class="govuk-heading-m" id="problem-{number}-heading"><strong class="govuk-tag conform-tag--{severity_class}">{severity}</strong> {heading}</h3>
<p class="govuk-body">{fix}</p>
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">{where_}</th><th scope="col" class="govuk-table__header">{value}</th><th scope="col" class="govuk-table__header">{what}</th></tr></thead>
<tbody class="govuk-table__body">{rows}</tbody>
</table>
{more}
</section>
"##,
        severity_class = escape(group.severity),
        severity = escape(&severity),
        heading = escape(&group_heading(lang, report, group)),
        fix = escape(&code_fix(lang, report, group.code)),
        caption = escape(&lang.get("examples-caption")),
        where_ = escape(&lang.get("column-where")),
        value = escape(&lang.get("column-value")),
        what = escape(&lang.get("column-what")),
    )
}

/// Where a finding is, as a person reads it: `Sheet!C12`, `row 4 (line 5), column 3`, or the file.
fn place(lang: Lang, finding: &Value) -> String {
    if let Some(location) = finding["location"].as_str() {
        return location.to_string();
    }
    let row = finding["row"].as_i64();
    let line = finding["line"].as_i64();
    let column = finding["column"]["number"].as_i64();
    match (row, line, column) {
        (Some(row), Some(line), Some(column)) => lang.text(
            "place-row-line-column",
            &[
                ("row", Arg::Number(row)),
                ("line", Arg::Number(line)),
                ("column", Arg::Number(column)),
            ],
        ),
        (Some(row), Some(line), None) => lang.text(
            "place-row-line",
            &[("row", Arg::Number(row)), ("line", Arg::Number(line))],
        ),
        (None, Some(line), _) => lang.text("place-line", &[("line", Arg::Number(line))]),
        _ => lang.get("place-file"),
    }
}

/// The first offending rows as a table, the cells with a problem marked in words and in style.
fn rows_table(lang: Lang, input: &crate::read::Input, findings: &[Value]) -> String {
    let mut wanted: BTreeMap<u64, BTreeSet<usize>> = BTreeMap::new();
    for finding in findings {
        // Findings on a row (not on the header or the file).
        let (Some(line), true) = (finding["line"].as_u64(), finding["row"].is_u64()) else {
            continue;
        };
        if wanted.len() >= TABLE_ROWS && !wanted.contains_key(&line) {
            continue;
        }
        let cells = wanted.entry(line).or_default();
        if let Some(column) = finding["column"]["number"].as_u64() {
            cells.insert(column as usize);
        }
    }
    if wanted.is_empty() {
        return String::new();
    }
    let last = *wanted.keys().next_back().unwrap_or(&0);
    let options = crate::check::Options::default();
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    // Reading stops (with an "error") once the last wanted line is passed; whatever was read
    // before is shown.
    let _ = crate::map::rows::read_rows(
        input,
        &options,
        |names| {
            header = names.to_vec();
            Ok(())
        },
        |_, line, record| {
            if line > last {
                return Err(std::io::Error::other("done"));
            }
            if wanted.contains_key(&line) {
                rows.push((line, record.iter().map(str::to_string).collect()));
            }
            Ok(())
        },
    );
    if rows.is_empty() {
        return String::new();
    }
    let mut head = format!(
        r##"<th scope="col" class="govuk-table__header">{}</th>"##,
        escape(&lang.get("column-line"))
    );
    for name in &header {
        head.push_str(&format!(
            r##"<th scope="col" class="govuk-table__header">{}</th>"##,
            escape(name)
        ));
    }
    let mut body = String::new();
    for (line, cells) in &rows {
        let marked = wanted.get(line);
        body.push_str(&format!(
            r##"<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{line}</th>"##
        ));
        for (i, cell) in cells.iter().enumerate() {
            if marked.is_some_and(|m| m.contains(&(i + 1))) {
                body.push_str(&format!(
                    r##"<td class="govuk-table__cell conform-bad-cell"><span class="govuk-visually-hidden">{}: </span><span aria-hidden="true">⚠ </span>{}</td>"##,
                    escape(&lang.get("cell-problem")),
                    escape(cell)
                ));
            } else {
                body.push_str(&format!(
                    r##"<td class="govuk-table__cell">{}</td>"##,
                    escape(cell)
                ));
            }
        }
        body.push_str("</tr>");
    }
    format!(
        r##"<h2 class="govuk-heading-m" id="rows-heading">{heading}</h2>
<p class="govuk-body">{explain}</p>
<div class="conform-scroll" role="region" aria-labelledby="rows-heading" tabindex="0">
<table class="govuk-table conform-rows">
<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>
<tbody class="govuk-table__body">{body}</tbody>
</table>
</div>
"##,
        heading = escape(&lang.get("rows-heading")),
        explain = escape(&lang.get("rows-explain")),
    )
}

/// Text as the data of a `data:` URL: everything but letters, digits and `-_.~,:;/` escaped.
fn percent_encode(bytes: &[u8]) -> String {
    const ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b',')
        .remove(b':')
        .remove(b';')
        .remove(b'/');
    percent_encoding::percent_encode(bytes, ESCAPED).to_string()
}

/// The catalogue of built-in standards, each linking to its documentation page.
pub fn standards(lang: Lang) -> Answer {
    let mut rows = String::new();
    for (id, title) in choices() {
        rows.push_str(&format!(
            r##"<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/standards/{id}">{title}</a></td><td class="govuk-table__cell"><code>{id}</code></td></tr>"##,
            id = escape(id),
            title = escape(title)
        ));
    }
    let main = format!(
        r##"<h1 class="govuk-heading-xl">{heading}</h1>
<p class="govuk-body">{lede}</p>
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">{title}</th><th scope="col" class="govuk-table__header">{id}</th></tr></thead>
<tbody class="govuk-table__body">{rows}</tbody>
</table>"##,
        heading = escape(&lang.get("standards-heading")),
        lede = escape(&lang.get("standards-lede")),
        caption = escape(&lang.get("standards-caption")),
        title = escape(&lang.get("standards-title")),
        id = escape(&lang.get("standards-id")),
    );
    html(
        200,
        layout(lang, &lang.get("standards-heading"), &main, "/standards"),
    )
}

/// A standard's documentation page, as `conform standards docs --format html` writes it.
pub fn standard_page(id: &str) -> Answer {
    match super::api::builtin_spec(id) {
        Ok(Some(spec)) => match Standard::load(&spec) {
            Ok(standard) => html(200, crate::describe::page::html(&standard)),
            Err(e) => http::text(404, e.message),
        },
        _ => http::text(404, "There is no built-in standard of that name.\n"),
    }
}

/// A table's blank template: its header as CSV.
pub fn template(id: &str, file: &str) -> Answer {
    let Some(table_name) = file.strip_suffix(".csv") else {
        return http::text(404, "Templates are CSV files: /standards/ID/TABLE.csv\n");
    };
    let standard = match super::api::builtin_spec(id) {
        Ok(Some(spec)) => Standard::load(&spec).ok(),
        _ => None,
    };
    match standard.as_ref().and_then(|s| s.table(table_name)) {
        Some(table) => {
            let answer = http::answer(
                200,
                "text/csv; charset=utf-8",
                crate::describe::template(table, false).into_bytes(),
            );
            http::with_header(
                answer,
                "Content-Disposition",
                &format!(
                    "attachment; filename=\"{}-{}.csv\"",
                    http::display_file_name(id),
                    http::display_file_name(table_name)
                ),
            )
        }
        None => http::text(404, "There is no such standard or table.\n"),
    }
}

/// The page's own files, built in: nothing is read from disk.
pub fn asset(name: &str) -> Answer {
    let (media, bytes): (&str, &[u8]) = match name {
        "govuk-frontend.min.css" => (
            "text/css; charset=utf-8",
            include_bytes!("../../assets/govuk-frontend/govuk-frontend.min.css"),
        ),
        "conform.css" => (
            "text/css; charset=utf-8",
            include_bytes!("../../assets/conform.css"),
        ),
        "conform.js" => (
            "text/javascript; charset=utf-8",
            include_bytes!("../../assets/conform.js"),
        ),
        _ => return http::text(404, "Not found.\n"),
    };
    // The page's own files may be cached; reports may not.
    http::answer_cached(200, media, bytes.to_vec(), "max-age=3600")
}

pub fn not_found(lang: Lang) -> Answer {
    message_page(
        lang,
        404,
        &lang.get("not-found-title"),
        &lang.get("not-found-text"),
    )
}

//! The HTTP API: `POST /api/v1/check` answers exactly what `conform check --format ...` writes
//! for the same file; the catalogue as JSON; the OpenAPI document that describes them.

use super::checking::{self, NotChecked};
use super::http::{self, Answer};
use super::upload::{field_of, Refused, Upload};
use super::{size_text, State};
use crate::report::Format;
use crate::run::Request;
use crate::standard::Standard;

/// The media type of each report format.
pub fn content_type(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json",
        Format::Jsonl => "application/x-ndjson",
        Format::Csv => "text/csv; charset=utf-8",
        Format::Sarif => "application/sarif+json",
        Format::Junit => "application/xml",
        Format::Markdown => "text/markdown; charset=utf-8",
        Format::Human | Format::Github => "text/plain; charset=utf-8",
    }
}

/// A built-in standard named by a client, as the run library's `builtin:` spec: never a path.
pub fn builtin_spec(asked: &str) -> Result<Option<String>, String> {
    let asked = asked.trim();
    if asked.is_empty() || asked == "auto" {
        return Ok(None);
    }
    crate::standard::builtin::entry(asked)
        .map(|_| Some(format!("builtin:{asked}")))
        .map_err(|e| e.message)
}

/// The status that carries a check's exit code: 200 conforms, 422 does not conform, 400 could
/// not be checked (a file that cannot be read).
pub fn status_of(exit_code: i32) -> u16 {
    match exit_code {
        0 => 200,
        1 => 422,
        _ => 400,
    }
}

/// `POST /api/v1/check`, once the upload is in. Blocks while the file is checked.
pub fn check(state: &State, upload: Result<Upload, Refused>, query: &[(String, String)]) -> Answer {
    let upload = match upload {
        Ok(upload) => upload,
        Err(refused) => return refusal(refused),
    };
    let Upload { file, fields } = upload;
    // Form fields first, then the query's.
    let field = |wanted: &str| field_of(&fields, wanted).or_else(|| field_of(query, wanted));
    let format = match field("format") {
        None => Format::Json,
        Some(name) => match Format::parse(&name) {
            Some(format) => format,
            None => {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                return http::json_error(
                    400,
                    &format!("format={name}: use one of {}", names.join(", ")),
                );
            }
        },
    };
    let standard = match builtin_spec(&field("standard").unwrap_or_default()) {
        Ok(standard) => standard,
        Err(message) => return http::json_error(400, &message),
    };
    let Some(file) = file else {
        return http::json_error(
            400,
            "no file: send it as the multipart form field `file`, or as the request body",
        );
    };
    // The reports' words in English unless asked for (`lang=cy`), as `conform check --lang`.
    let lang = match field("lang") {
        None => crate::i18n::Lang::En,
        Some(text) => match crate::i18n::Lang::parse(&text) {
            Some(lang) => lang,
            None => return http::json_error(400, &format!("lang={text}: use en or cy")),
        },
    };
    let request = Request {
        inputs: vec![file],
        standard,
        table: field("table"),
        lang,
        ..Request::default()
    };
    let answered = checking::check(&state.gate, request, vec![format], move |mut checked| {
        let body = checked.reports.pop().unwrap_or_default();
        let exit = checked.exit_code;
        let verdict = match exit {
            0 => "conforms",
            1 => "does-not-conform",
            _ => "not-checked",
        };
        let answer = http::answer(status_of(exit), content_type(format), body);
        let answer = http::with_header(answer, "conform-exit-code", &exit.to_string());
        http::with_header(answer, "conform-verdict", verdict)
    });
    answered.unwrap_or_else(not_checked_answer)
}

pub fn refusal(refused: Refused) -> Answer {
    match refused {
        Refused::TooLarge(limit) => http::json_error(
            413,
            &format!(
                "the file is larger than this server accepts ({}); check it with the conform command line, or start the server with a larger --max-upload",
                size_text(limit)
            ),
        ),
        Refused::Malformed(message) => http::json_error(400, &message),
        Refused::Stalled => http::json_error(
            408,
            &format!(
                "the upload stopped for more than {} s; send it again",
                super::upload::IDLE.as_secs()
            ),
        ),
        Refused::Io(e) => http::json_error(500, &format!("the upload could not be stored: {e}")),
    }
}

pub fn not_checked_answer(not_checked: NotChecked) -> Answer {
    match not_checked {
        NotChecked::Busy => http::with_header(
            http::json_error(503, "the server is busy checking other files: try again in a moment"),
            "retry-after",
            "5",
        ),
        NotChecked::TooSlow(limit) => http::json_error(
            503,
            &format!(
                "the check took longer than this server allows ({} s); check the file with the conform command line",
                limit.as_secs()
            ),
        ),
        NotChecked::Refused(message) => http::json_error(400, &message),
        NotChecked::Failed(message) => http::json_error(500, &message),
    }
}

pub fn standards() -> Answer {
    match crate::describe::list_json() {
        Ok(text) => http::answer(200, "application/json", text.into_bytes()),
        Err(e) => http::json_error(500, &e.message),
    }
}

pub fn standard(id: &str) -> Answer {
    match builtin_spec(id) {
        Ok(Some(spec)) => match Standard::load(&spec) {
            Ok(standard) => http::json(200, &crate::describe::standard_json(&standard)),
            Err(e) => http::json_error(404, &e.message),
        },
        Ok(None) => http::json_error(404, "name a standard: GET /api/v1/standards lists them"),
        Err(message) => http::json_error(404, &message),
    }
}

pub fn openapi() -> Answer {
    http::answer(
        200,
        "application/json",
        include_bytes!("openapi.json").to_vec(),
    )
}

//! What every answer shares: the security headers, the Host check, and small parsers for the
//! request line's query and form fields.

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderMap, HeaderName, HeaderValue};
use hyper::{Response, StatusCode};

/// The page loads only its own styles and script, shows only its own images, posts only to
/// itself, and is framed by nobody.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; script-src 'self'; \
img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; \
frame-ancestors 'none'";

pub type Answer = Response<Full<Bytes>>;

/// An answer with the security headers every answer carries; not cached.
pub fn answer(status: u16, content_type: &str, body: Vec<u8>) -> Answer {
    answer_cached(status, content_type, body, "no-store")
}

/// An answer with the security headers and the `Cache-Control` given.
pub fn answer_cached(status: u16, content_type: &str, body: Vec<u8>, cache: &str) -> Answer {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = [
        ("content-type", content_type),
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ),
        // Reports are about one person's file: no cache keeps them (`no-store`).
        ("cache-control", cache),
    ];
    for (name, value) in headers {
        insert(response.headers_mut(), name, value);
    }
    response
}

fn insert(headers: &mut HeaderMap, name: &str, value: &str) {
    if let (Ok(name), Ok(value)) = (
        HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_str(value),
    ) {
        headers.insert(name, value);
    }
}

pub fn with_header(mut response: Answer, name: &str, value: &str) -> Answer {
    insert(response.headers_mut(), name, value);
    response
}

pub fn with_status(mut response: Answer, status: u16) -> Answer {
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response
}

pub fn text(status: u16, body: impl Into<String>) -> Answer {
    answer(
        status,
        "text/plain; charset=utf-8",
        body.into().into_bytes(),
    )
}

pub fn json(status: u16, value: &serde_json::Value) -> Answer {
    let mut body = serde_json::to_vec_pretty(value).unwrap_or_default();
    body.push(b'\n');
    answer(status, "application/json", body)
}

/// A JSON error for API clients: `{"error": "..."}`.
pub fn json_error(status: u16, message: &str) -> Answer {
    json(status, &serde_json::json!({ "error": message }))
}

/// A request header's value, when it is text.
pub fn header_value<'r>(headers: &'r HeaderMap, name: &str) -> Option<&'r str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Whether the request's `Host` names this server: a page on loopback must not answer a name a
/// hostile page rebound to 127.0.0.1 (DNS rebinding).
pub fn host_allowed(headers: &HeaderMap, allowed: &[String]) -> bool {
    match header_value(headers, "host") {
        Some(host) => allowed.contains(&host.trim().to_ascii_lowercase()),
        None => false,
    }
}

/// The path and the query's fields (`a=1&b=two`), percent-decoded.
pub fn split_url(url: &str) -> (String, Vec<(String, String)>) {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    (percent_decode(path), form_fields(query))
}

/// `application/x-www-form-urlencoded` fields.
pub fn form_fields(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (
                percent_decode(&name.replace('+', " ")),
                percent_decode(&value.replace('+', " ")),
            )
        })
        .collect()
}

pub fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

pub(crate) use crate::describe::page::escape;

/// The last part of a client's file name, with nothing a file system would read as a path: the
/// name is only ever shown, never opened.
pub fn display_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "upload".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_path_becomes_a_bare_name() {
        assert_eq!(display_file_name("../../etc/passwd"), "passwd");
        assert_eq!(display_file_name("C:\\Users\\me\\spend.csv"), "spend.csv");
        assert_eq!(display_file_name("..\u{0}"), "upload");
        assert_eq!(display_file_name(".hidden.csv"), "hidden.csv");
    }

    #[test]
    fn query_fields_are_decoded() {
        let (path, fields) = split_url("/a%20b?standard=spend-over-500&lang=cy&x=%E2%9C%93+y");
        assert_eq!(path, "/a b");
        assert_eq!(
            fields,
            vec![
                ("standard".into(), "spend-over-500".into()),
                ("lang".into(), "cy".into()),
                ("x".into(), "✓ y".into())
            ]
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%4"), "%4");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;'&amp;'&lt;/a&gt;"
        );
    }
}

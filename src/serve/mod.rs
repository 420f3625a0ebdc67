//! `conform serve`: a web page where an officer checks a file without a terminal, and an HTTP
//! API that gives other systems exactly the reports `conform check` writes. Both call the run
//! library, as the command line does.
//!
//! Safe on a shared machine by construction: loopback unless told otherwise, the `Host` header
//! checked (DNS rebinding), strict security headers, uploads streamed into a temporary file that
//! has no name on disk, nothing a client sends used as a path, uploads and concurrent checks and
//! check time bounded, and nothing logged but counts and timings.

mod api;
mod checking;
mod http;
mod page;
mod upload;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tiny_http::{Method, Request, Server as HttpServer};

use crate::i18n::Lang;
use checking::Gate;
use http::Answer;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Options {
    pub bind: IpAddr,
    /// `None`: the default port, or any free one if it is taken.
    pub port: Option<u16>,
    pub max_upload: u64,
    /// Checks run at once.
    pub slots: usize,
    /// Checks that may wait for a slot; more are told the server is busy.
    pub queue: usize,
    /// Longest a check may take before its answer gives up.
    pub timeout: Duration,
    /// The page's language when the browser asks for neither.
    pub lang: Lang,
    /// Host names (beside the bound address, and `localhost` on loopback) a request may use.
    pub hosts: Vec<String>,
}

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 8765;
/// The default upload limit: 1 GiB.
pub const DEFAULT_MAX_UPLOAD: u64 = 1 << 30;

impl Default for Options {
    fn default() -> Options {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Options {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: None,
            max_upload: DEFAULT_MAX_UPLOAD,
            slots: cores,
            queue: 2 * cores,
            timeout: Duration::from_secs(300),
            lang: Lang::En,
            hosts: Vec::new(),
        }
    }
}

/// What every request's handler shares.
struct State {
    gate: Arc<Gate>,
    max_upload: u64,
    hosts: Vec<String>,
    lang: Lang,
}

/// A bound server, not yet answering.
pub struct Server {
    http: Arc<HttpServer>,
    state: Arc<State>,
    threads: usize,
    address: SocketAddr,
}

impl Server {
    /// Binds the address: the port asked for, or the default one and then any free one.
    pub fn bind(options: &Options) -> Result<Server, String> {
        let http = match options.port {
            Some(port) => HttpServer::http(SocketAddr::new(options.bind, port))
                .map_err(|e| format!("cannot listen on {}:{port}: {e}", options.bind))?,
            None => HttpServer::http(SocketAddr::new(options.bind, DEFAULT_PORT))
                .or_else(|_| HttpServer::http(SocketAddr::new(options.bind, 0)))
                .map_err(|e| format!("cannot listen on {}: {e}", options.bind))?,
        };
        let address = http
            .server_addr()
            .to_ip()
            .ok_or("the server is not listening on an IP address")?;
        let port = address.port();
        let mut hosts: Vec<String> = vec![match address.ip() {
            IpAddr::V6(ip) => format!("[{ip}]:{port}"),
            IpAddr::V4(ip) => format!("{ip}:{port}"),
        }];
        if address.ip().is_loopback() {
            hosts.push(format!("localhost:{port}"));
        }
        for name in &options.hosts {
            let name = name.to_ascii_lowercase();
            hosts.push(if name.contains(':') && !name.ends_with(']') {
                name
            } else {
                format!("{name}:{port}")
            });
        }
        let state = State {
            gate: Gate::new(options.slots, options.queue, options.timeout),
            max_upload: options.max_upload,
            hosts,
            lang: options.lang,
        };
        Ok(Server {
            http: Arc::new(http),
            state: Arc::new(state),
            // Enough threads that a full queue still leaves some to say "busy" and to serve pages.
            threads: options.slots + options.queue + 4,
            address,
        })
    }

    /// The address to open in a browser.
    pub fn url(&self) -> String {
        match self.address.ip() {
            ip if ip.is_loopback() => format!("http://localhost:{}/", self.address.port()),
            IpAddr::V6(ip) => format!("http://[{ip}]:{}/", self.address.port()),
            IpAddr::V4(ip) => format!("http://{ip}:{}/", self.address.port()),
        }
    }

    /// Answers requests until the process ends.
    pub fn run(self) {
        let workers: Vec<_> = (0..self.threads)
            .map(|_| {
                let http = Arc::clone(&self.http);
                let state = Arc::clone(&self.state);
                std::thread::spawn(move || {
                    while let Ok(request) = http.recv() {
                        answer(&state, request);
                    }
                })
            })
            .collect();
        for worker in workers {
            let _ = worker.join();
        }
    }
}

/// Answers one request and logs its route, status, size and time: nothing about its content.
fn answer(state: &State, mut request: Request) {
    let started = Instant::now();
    let method = request.method().clone();
    let (route, response) = route(state, &mut request);
    let status = response.status_code().0;
    let bytes = response.data_length().unwrap_or(0);
    if request.respond(response).is_ok() {
        eprintln!(
            "{method} {route} {status} {bytes} bytes {} ms",
            started.elapsed().as_millis()
        );
    }
}

/// The route a request takes, by name (for the log), and its answer.
fn route(state: &State, request: &mut Request) -> (&'static str, Answer) {
    if !http::host_allowed(request, &state.hosts) {
        return (
            "(wrong host)",
            http::text(
                421,
                "This conform server does not answer to that host name. Open it at the address \
                 it printed when it started (or start it with --host NAME).\n",
            ),
        );
    }
    let (path, query) = http::split_url(request.url());
    let lang = query
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
        .or_else(|| {
            http::header_value(request, "Accept-Language").and_then(Lang::from_accept_language)
        })
        .unwrap_or(state.lang);
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (request.method(), segments.as_slice()) {
        (Method::Get, [""]) => ("/", page::home(lang, None)),
        (Method::Post, ["check"]) => ("/check", page::check(state, request, lang)),
        (Method::Get, ["standards"]) => ("/standards", page::standards(lang)),
        (Method::Get, ["standards", id]) => ("/standards/{id}", page::standard_page(id)),
        (Method::Get, ["standards", id, file]) => {
            ("/standards/{id}/{table}.csv", page::template(id, file))
        }
        (Method::Get, ["assets", name]) => ("/assets/{name}", page::asset(name)),
        (Method::Get, ["healthz"]) => (
            "/healthz",
            http::json(200, &serde_json::json!({"status": "ok"})),
        ),
        (Method::Get, ["api", "v1", "openapi.json"]) => ("/api/v1/openapi.json", api::openapi()),
        (Method::Get, ["api", "v1", "standards"]) => ("/api/v1/standards", api::standards()),
        (Method::Get, ["api", "v1", "standards", id]) => {
            ("/api/v1/standards/{id}", api::standard(id))
        }
        (Method::Post, ["api", "v1", "check"]) => {
            ("/api/v1/check", api::check(state, request, &query))
        }
        (_, ["check"] | ["api", "v1", "check"]) => (
            "(method)",
            http::with_header(
                http::text(405, "Send the file with POST.\n"),
                "Allow",
                "POST",
            ),
        ),
        _ => ("(not found)", page::not_found(lang)),
    }
}

/// The upload a request carries, as the form (multipart) or the raw body, within the limit.
fn read_upload(
    state: &State,
    request: &mut Request,
    name: &str,
) -> Result<upload::Upload, upload::Refused> {
    if request
        .body_length()
        .is_some_and(|length| length as u64 > state.max_upload)
    {
        return Err(upload::Refused::TooLarge(state.max_upload));
    }
    let boundary = http::header_value(request, "Content-Type")
        .filter(|t| {
            t.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        })
        .and_then(|t| multer::parse_boundary(t).ok());
    let limit = state.max_upload;
    match boundary {
        Some(boundary) => upload::multipart(request.as_reader(), &boundary, limit),
        None => upload::raw(request.as_reader(), name, limit),
    }
}

/// A size for people: `1 GiB`, `500 MiB`, `64 KiB`.
fn size_text(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size && bytes.is_multiple_of(size) {
            return format!("{} {unit}", bytes / size);
        }
    }
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / (1u64 << 20) as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// `--max-upload 500M`, `1G`, `1048576`.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (number, unit) = text
        .find(|c: char| !c.is_ascii_digit())
        .map_or((text, ""), |at| text.split_at(at));
    let number: u64 = number.parse().ok()?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return None,
    };
    number.checked_mul(factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_print_as_people_write_them() {
        assert_eq!(parse_size("1G"), Some(1 << 30));
        assert_eq!(parse_size("500 MiB"), Some(500 << 20));
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("ten"), None);
        assert_eq!(parse_size("5T"), None);
        assert_eq!(size_text(1 << 30), "1 GiB");
        assert_eq!(size_text(64 << 10), "64 KiB");
        assert_eq!(size_text(1_500_000), "1.4 MiB");
    }
}

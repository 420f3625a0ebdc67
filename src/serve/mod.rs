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

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::body::Incoming;
use hyper::header::HeaderMap;
use hyper::{Method, Request};

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
            // A burst of uploads from a team waits its turn rather than being told "busy";
            // beyond this many, waiting would only lengthen every answer.
            queue: 64,
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

/// Connections served at once; more wait in the system's queue until one closes.
const MAX_CONNECTIONS: usize = 512;
/// Longest a client may take to send a request's head.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// A bound server, not yet answering.
pub struct Server {
    listener: TcpListener,
    state: Arc<State>,
    blocking_threads: usize,
    address: SocketAddr,
}

impl Server {
    /// Binds the address: the port asked for, or the default one and then any free one.
    pub fn bind(options: &Options) -> Result<Server, String> {
        let listener = match options.port {
            Some(port) => TcpListener::bind(SocketAddr::new(options.bind, port))
                .map_err(|e| format!("cannot listen on {}:{port}: {e}", options.bind))?,
            None => TcpListener::bind(SocketAddr::new(options.bind, DEFAULT_PORT))
                .or_else(|_| TcpListener::bind(SocketAddr::new(options.bind, 0)))
                .map_err(|e| format!("cannot listen on {}: {e}", options.bind))?,
        };
        let address = listener
            .local_addr()
            .map_err(|e| format!("the server has no address: {e}"))?;
        let state = State {
            gate: Gate::new(options.slots, options.queue, options.timeout),
            max_upload: options.max_upload,
            hosts: allowed_hosts(address, &options.hosts),
            lang: options.lang,
        };
        Ok(Server {
            listener,
            state: Arc::new(state),
            // Every check that runs or waits holds a thread; a few more answer "busy" at once.
            blocking_threads: options.slots + options.queue + 8,
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
    pub fn run(self) -> Result<(), String> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(self.blocking_threads)
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        runtime.block_on(serve(self.listener, self.state))
    }
}

/// The `Host` values a request may carry: the bound address, `localhost` on loopback, and each
/// `--host` name, with and without the port (behind a proxy on 443 a browser sends no port).
fn allowed_hosts(address: SocketAddr, names: &[String]) -> Vec<String> {
    let port = address.port();
    let mut hosts = vec![match address.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{port}"),
        IpAddr::V4(ip) => format!("{ip}:{port}"),
    }];
    if address.ip().is_loopback() {
        hosts.push(format!("localhost:{port}"));
    }
    for name in names {
        let name = name.trim().to_ascii_lowercase();
        let bare = match name.parse::<std::net::Ipv6Addr>() {
            Ok(ip) => format!("[{ip}]"),
            Err(_) => name,
        };
        let has_port = bare.rsplit_once(':').is_some_and(|(host, p)| {
            p.parse::<u16>().is_ok() && (!host.starts_with('[') || host.ends_with(']'))
        });
        if has_port {
            hosts.push(bare);
        } else {
            hosts.push(format!("{bare}:{port}"));
            hosts.push(bare);
        }
    }
    hosts
}

async fn serve(listener: TcpListener, state: Arc<State>) -> Result<(), String> {
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("cannot listen: {e}"))?;
    let listener =
        tokio::net::TcpListener::from_std(listener).map_err(|e| format!("cannot listen: {e}"))?;
    let connections = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = Arc::clone(&connections).acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // A connection that failed before it was accepted (reset, out of descriptors for a
            // moment): the next one is tried.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let _permit = permit;
            let service = hyper::service::service_fn(move |request| {
                let state = Arc::clone(&state);
                async move { Ok::<_, Infallible>(answer(&state, request).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(64 * 1024)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Answers one request and logs its route, status, size and time: nothing about its content.
async fn answer(state: &Arc<State>, request: Request<Incoming>) -> Answer {
    let started = Instant::now();
    let method = request.method().clone();
    let (route, response) = route(state, request).await;
    let bytes = hyper::body::Body::size_hint(response.body())
        .exact()
        .unwrap_or(0);
    eprintln!(
        "{method} {route} {} {bytes} bytes {} ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

/// The route a request takes, by name (for the log), and its answer.
async fn route(state: &Arc<State>, request: Request<Incoming>) -> (&'static str, Answer) {
    let (parts, body) = request.into_parts();
    if !http::host_allowed(&parts.headers, &state.hosts) {
        return (
            "(wrong host)",
            http::text(
                421,
                "This conform server does not answer to that host name. Open it at the address \
                 it printed when it started (or start it with --host NAME).\n",
            ),
        );
    }
    let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let (path, query) = http::split_url(target);
    let lang = query
        .iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
        .or_else(|| {
            http::header_value(&parts.headers, "accept-language")
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(state.lang);
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let get = parts.method == Method::GET || parts.method == Method::HEAD;
    let post = parts.method == Method::POST;
    match segments.as_slice() {
        [""] if get => ("/", page::home(lang, None, state.max_upload)),
        ["standards"] if get => ("/standards", page::standards(lang)),
        ["standards", id] if get => ("/standards/{id}", page::standard_page(id)),
        ["standards", id, file] if get => ("/standards/{id}/{table}.csv", page::template(id, file)),
        ["assets", name] if get => ("/assets/{name}", page::asset(name)),
        ["healthz"] if get => (
            "/healthz",
            http::json(200, &serde_json::json!({"status": "ok"})),
        ),
        ["api", "v1", "openapi.json"] if get => ("/api/v1/openapi.json", api::openapi()),
        ["api", "v1", "standards"] if get => ("/api/v1/standards", api::standards()),
        ["api", "v1", "standards", id] if get => ("/api/v1/standards/{id}", api::standard(id)),
        ["check"] if post => {
            let upload = read_upload(state, &parts.headers, body, "upload").await;
            let state = Arc::clone(state);
            (
                "/check",
                blocking(move || page::check(&state, upload, lang)).await,
            )
        }
        ["api", "v1", "check"] if post => {
            let name = query
                .iter()
                .find(|(k, _)| k == "name")
                .map_or("upload".to_string(), |(_, v)| http::display_file_name(v));
            let upload = read_upload(state, &parts.headers, body, &name).await;
            let state = Arc::clone(state);
            (
                "/api/v1/check",
                blocking(move || api::check(&state, upload, &query)).await,
            )
        }
        ["check"] | ["api", "v1", "check"] => (
            "(method)",
            http::with_header(
                http::text(405, "Send the file with POST.\n"),
                "allow",
                "POST",
            ),
        ),
        _ => ("(not found)", page::not_found(lang)),
    }
}

/// Runs a check's handler on a thread of its own: it blocks on the slot, the check and the page.
async fn blocking(handler: impl FnOnce() -> Answer + Send + 'static) -> Answer {
    tokio::task::spawn_blocking(handler)
        .await
        .unwrap_or_else(|_| {
            http::text(
                500,
                "The check stopped unexpectedly: please report this file to conform's developers.\n",
            )
        })
}

/// The upload a request carries, as the form (multipart) or the raw body, within the limit.
async fn read_upload(
    state: &State,
    headers: &HeaderMap,
    body: Incoming,
    name: &str,
) -> Result<upload::Upload, upload::Refused> {
    let declared =
        http::header_value(headers, "content-length").and_then(|l| l.parse::<u64>().ok());
    if declared.is_some_and(|length| length > state.max_upload) {
        return Err(upload::Refused::TooLarge(state.max_upload));
    }
    let content_type = http::header_value(headers, "content-type").unwrap_or("");
    if content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        let boundary = multer::parse_boundary(content_type).map_err(|_| {
            upload::Refused::Malformed("the form's Content-Type names no boundary".into())
        })?;
        upload::multipart(body, &boundary, state.max_upload).await
    } else {
        upload::raw(body, name, state.max_upload).await
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

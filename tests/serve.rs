//! `conform serve` from the outside: a real server on a free loopback port, spoken to over TCP.
//! The API's reports are compared byte for byte with `conform check`'s, the OpenAPI document
//! with real answers, and each safety bound is tried.

#![cfg(feature = "serve")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A running `conform serve`, stopped when dropped.
struct Server {
    child: Child,
    client: Client,
}

/// Speaks HTTP/1.1 to the server on `port`, one connection a request.
#[derive(Clone, Copy)]
struct Client {
    port: u16,
}

impl std::ops::Deref for Server {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_conform"))
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("conform serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the server says where it is");
        // "conform is serving http://localhost:PORT/ (Ctrl-C stops it)"
        let port = line
            .split("localhost:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Server {
            child,
            client: Client { port },
        }
    }
}

impl Client {
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        self.request_as(
            &format!("localhost:{}", self.port),
            method,
            path,
            headers,
            body,
        )
    }

    fn request_as(
        &self,
        host: &str,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .expect("timeout");
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).expect("writes");
        // A server that refuses early may close before the whole body is sent.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Reply::parse(&raw)
    }

    /// A multipart form with the file `name` holding `bytes`, and other fields.
    fn post_form(&self, path: &str, file: Option<(&str, &[u8])>, fields: &[(&str, &str)]) -> Reply {
        let boundary = "conformtestboundary7d2a";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        if let Some((name, bytes)) = file {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        self.request("POST", path, &[("Content-Type", &content_type)], &body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(raw)));
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

/// What `conform check FILE --format FORMAT` writes, run in the file's folder (so that the
/// report names it as the server does: by its bare name).
fn cli_report(file: &Path, standard: &str, format: &str) -> (i32, Vec<u8>) {
    cli_report_in(file, standard, format, "en")
}

fn cli_report_in(file: &Path, standard: &str, format: &str, lang: &str) -> (i32, Vec<u8>) {
    let output = Command::new(env!("CARGO_BIN_EXE_conform"))
        .args(["check"])
        .arg(file.file_name().expect("a name"))
        .args(["--standard", standard, "--format", format, "--lang", lang])
        .current_dir(file.parent().expect("a folder"))
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("conform check runs");
    (output.status.code().unwrap_or(-1), output.stdout)
}

const FORMATS: [&str; 8] = [
    "human", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown",
];

#[test]
fn the_api_answers_what_the_command_line_writes_in_every_format() {
    let server = Server::start(&[]);
    let cases = [
        (root().join("fixtures/formats/spend.csv"), "spend-over-500"),
        (root().join("fixtures/formats/spend.xlsx"), "spend-over-500"),
    ];
    for (file, standard) in &cases {
        let bytes = std::fs::read(file).expect("fixture");
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        for format in FORMATS {
            let reply = server.post_form(
                "/api/v1/check",
                Some((name, &bytes)),
                &[("standard", standard), ("format", format)],
            );
            let (exit, expected) = cli_report(file, standard, format);
            assert!(
                reply.body == expected,
                "{name} as {format}: the API's report differs from the command line's:\n{}",
                reply.text().chars().take(2000).collect::<String>()
            );
            assert_eq!(
                reply.header("conform-exit-code"),
                Some(exit.to_string().as_str())
            );
            assert_eq!(
                reply.status,
                [200, 422, 400][exit as usize],
                "{name} {format}"
            );
        }
        // The raw body and the query do the same as the form.
        let reply = server.request(
            "POST",
            &format!("/api/v1/check?standard={standard}&format=json&name={name}"),
            &[],
            &bytes,
        );
        assert_eq!(
            reply.body,
            cli_report(file, standard, "json").1,
            "{name} raw"
        );
        // `lang=cy` answers what `conform check --lang cy` writes.
        for format in ["json", "markdown"] {
            let reply = server.request(
                "POST",
                &format!("/api/v1/check?standard={standard}&format={format}&name={name}&lang=cy"),
                &[],
                &bytes,
            );
            let (_, welsh) = cli_report_in(file, standard, format, "cy");
            assert!(reply.body == welsh, "{name} {format} in Welsh");
            assert!(
                reply.text().contains("nid yw'n cydymffurfio") || reply.text().contains("nid yw `"),
                "{}",
                reply.text()
            );
        }
    }
}

#[test]
fn the_openapi_document_describes_real_answers() {
    let server = Server::start(&[]);
    let document = server
        .request("GET", "/api/v1/openapi.json", &[], b"")
        .json();
    let validator = |component: &str| {
        let schema = serde_json::json!({
            "$ref": format!("#/components/schemas/{component}"),
            "components": document["components"].clone(),
        });
        jsonschema::validator_for(&schema).expect("a schema")
    };
    let declared = |path: &str, method: &str, status: u16| {
        let response = &document["paths"][path][method]["responses"][status.to_string()];
        assert!(
            response.is_object(),
            "{method} {path} {status} is not declared"
        );
        response.clone()
    };
    let spend = std::fs::read(root().join("fixtures/formats/spend.csv")).expect("fixture");
    let valid = std::fs::read(root().join("fixtures/spend-over-500/valid.csv")).ok();

    let fails = server.post_form(
        "/api/v1/check",
        Some(("spend.csv", &spend)),
        &[("standard", "spend-over-500")],
    );
    declared("/api/v1/check", "post", fails.status);
    assert_eq!(fails.status, 422);
    assert!(validator("Report").is_valid(&fails.json()));
    if let Some(valid) = valid {
        let passes = server.post_form(
            "/api/v1/check",
            Some(("valid.csv", &valid)),
            &[("standard", "spend-over-500")],
        );
        declared("/api/v1/check", "post", passes.status);
        assert!(validator("Report").is_valid(&passes.json()));
    }
    let unknown = server.post_form(
        "/api/v1/check",
        Some(("spend.csv", &spend)),
        &[("standard", "no-such-standard")],
    );
    declared("/api/v1/check", "post", unknown.status);
    assert_eq!(unknown.status, 400);
    assert!(validator("Error").is_valid(&unknown.json()));

    let list = server.request("GET", "/api/v1/standards", &[], b"");
    declared("/api/v1/standards", "get", list.status);
    let entries = list.json();
    assert!(entries.as_array().is_some_and(|a| a.len() >= 5));
    for entry in entries.as_array().into_iter().flatten() {
        assert!(validator("CatalogueEntry").is_valid(entry), "{entry}");
        let id = entry["id"].as_str().expect("an id");
        let one = server.request("GET", &format!("/api/v1/standards/{id}"), &[], b"");
        declared("/api/v1/standards/{id}", "get", one.status);
        assert_eq!(one.status, 200);
        assert!(validator("Standard").is_valid(&one.json()), "{id}");
    }
    let missing = server.request("GET", "/api/v1/standards/nothing-here", &[], b"");
    declared("/api/v1/standards/{id}", "get", missing.status);
    assert!(validator("Error").is_valid(&missing.json()));
    let health = server.request("GET", "/healthz", &[], b"");
    declared("/healthz", "get", health.status);
    assert_eq!(health.json(), serde_json::json!({"status": "ok"}));
}

#[test]
fn a_request_for_another_host_name_is_refused() {
    let server = Server::start(&[]);
    // A page on evil.example whose name was rebound to 127.0.0.1 sends its own name.
    let rebound = server.request_as(
        &format!("evil.example:{}", server.port),
        "GET",
        "/",
        &[],
        b"",
    );
    assert_eq!(rebound.status, 421);
    let rebound_api = server.request_as("evil.example", "GET", "/api/v1/standards", &[], b"");
    assert_eq!(rebound_api.status, 421);
    assert_eq!(server.request("GET", "/", &[], b"").status, 200);
    let by_address = server.request_as(&format!("127.0.0.1:{}", server.port), "GET", "/", &[], b"");
    assert_eq!(by_address.status, 200);
    // A name given with --host is accepted.
    let named = Server::start(&["--host", "conform.example.gov.uk"]);
    let reply = named.request_as(
        &format!("conform.example.gov.uk:{}", named.port),
        "GET",
        "/healthz",
        &[],
        b"",
    );
    assert_eq!(reply.status, 200);
}

#[test]
fn every_answer_carries_the_security_headers() {
    let server = Server::start(&[]);
    for path in [
        "/",
        "/standards",
        "/api/v1/standards",
        "/healthz",
        "/nowhere",
    ] {
        let reply = server.request("GET", path, &[], b"");
        let policy = reply.header("content-security-policy").unwrap_or_default();
        assert!(
            policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"),
            "{path}: {policy}"
        );
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(
            reply.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
    }
}

#[test]
fn an_upload_over_the_limit_is_refused_with_a_clear_message() {
    let server = Server::start(&["--max-upload", "1K"]);
    let big = vec![b'a'; 4096];
    let raw = server.request("POST", "/api/v1/check?standard=spend-over-500", &[], &big);
    assert_eq!(raw.status, 413);
    assert!(
        raw.json()["error"]
            .as_str()
            .is_some_and(|m| m.contains("1 KiB")),
        "{}",
        raw.text()
    );
    let form = server.post_form(
        "/api/v1/check",
        Some(("big.csv", &big)),
        &[("standard", "spend-over-500")],
    );
    assert_eq!(form.status, 413, "{}", form.text());
    let page = server.post_form("/check", Some(("big.csv", &big)), &[("standard", "auto")]);
    assert_eq!(page.status, 413);
    assert!(
        page.text()
            .contains("larger than this server accepts (1 KiB)"),
        "{}",
        page.text()
    );
}

#[test]
fn nothing_a_client_sends_reaches_the_file_system() {
    let server = Server::start(&[]);
    let spend = std::fs::read(root().join("fixtures/formats/spend.csv")).expect("fixture");
    // A file name that climbs out of any folder is shown as its last part, and never opened.
    let reply = server.post_form(
        "/api/v1/check",
        Some(("../../../../tmp/conform-escape.csv", &spend)),
        &[("standard", "spend-over-500")],
    );
    assert_eq!(reply.status, 422);
    assert_eq!(reply.json()["files"][0]["path"], "conform-escape.csv");
    assert!(!Path::new("/tmp/conform-escape.csv").exists());
    // A standard named by a path that exists beside the server is not read: only built-ins.
    for standard in [
        "fixtures/checks/standard.json",
        "/etc/passwd",
        "../schemas/spend-over-500",
    ] {
        let reply = server.post_form(
            "/api/v1/check",
            Some(("spend.csv", &spend)),
            &[("standard", standard)],
        );
        assert_eq!(reply.status, 400, "{standard}: {}", reply.text());
        let page = server.request(
            "GET",
            &format!("/standards/{}", standard.replace('/', "%2F")),
            &[],
            b"",
        );
        assert_eq!(page.status, 404, "{standard}");
    }
    // A field name with a path in it is just a field nobody reads.
    let reply = server.post_form(
        "/api/v1/check",
        Some(("spend.csv", &spend)),
        &[("../../etc/passwd", "x"), ("standard", "spend-over-500")],
    );
    assert_eq!(reply.status, 422);
    assert_eq!(
        server
            .request("GET", "/assets/..%2F..%2FCargo.toml", &[], b"")
            .status,
        404
    );
}

#[test]
fn a_busy_server_says_so_instead_of_queueing_forever() {
    // One check at a time and no queue: while a large file is being checked, another is refused.
    let server = Server::start(&["--max-checks", "1", "--queue", "0"]);
    let mut big = String::from("Body name,Organisation code,Transaction date,Supplier name,Transaction number,Net amount,Irrecoverable VAT\n");
    for i in 0..400_000 {
        big.push_str(&format!(
            "Devon County Council,E10000008,29/04/2025,ACME LTD,{i},697.00,0\n"
        ));
    }
    let client = server.client;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stopped = std::sync::Arc::clone(&stop);
    // The large check is sent again and again (it is itself refused when a small one holds the
    // slot), until a small one has been refused while it ran.
    let slow = std::thread::spawn(move || {
        let mut statuses = Vec::new();
        while !stopped.load(std::sync::atomic::Ordering::Relaxed) && statuses.len() < 100 {
            let reply = client.post_form(
                "/api/v1/check",
                Some(("big.csv", big.as_bytes())),
                &[("standard", "spend-over-500")],
            );
            statuses.push(reply.status);
        }
        statuses
    });
    let spend = std::fs::read(root().join("fixtures/formats/spend.csv")).expect("fixture");
    let mut busy = None;
    for _ in 0..2000 {
        std::thread::sleep(Duration::from_millis(5));
        let reply = server.post_form(
            "/api/v1/check",
            Some(("spend.csv", &spend)),
            &[("standard", "spend-over-500")],
        );
        if reply.status == 503 {
            busy = Some(reply);
            break;
        }
        assert_eq!(reply.status, 422, "{}", reply.text());
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let busy = busy.expect("a check arriving while another runs is told the server is busy");
    assert_eq!(busy.header("retry-after"), Some("5"));
    assert!(busy.json()["error"]
        .as_str()
        .is_some_and(|m| m.contains("busy")));
    let statuses = slow.join().expect("the large checks");
    assert!(
        statuses.iter().all(|s| *s == 422 || *s == 503),
        "{statuses:?}"
    );
    assert!(statuses.contains(&422), "{statuses:?}");
}

#[test]
fn the_page_works_without_javascript() {
    let server = Server::start(&[]);
    let home = server.request("GET", "/", &[], b"");
    assert_eq!(home.status, 200);
    assert!(home.text().contains(r#"enctype="multipart/form-data""#));
    let spend = std::fs::read(root().join("fixtures/formats/spend.csv")).expect("fixture");
    let result = server.post_form(
        "/check?lang=en",
        Some(("spend.csv", &spend)),
        &[("standard", "auto")],
    );
    let page = result.text();
    assert_eq!(result.status, 200);
    assert!(page.contains("The file does not conform"), "{page}");
    assert!(page.contains("31/04/2025"));
    assert!(page.contains("spend-over-500"));
    // Nothing chosen: the form again, with the GOV.UK error summary.
    let empty = server.post_form("/check", None, &[("standard", "brownfield-land")]);
    assert_eq!(empty.status, 400);
    assert!(
        empty.text().contains("govuk-error-summary")
            && empty.text().contains("Choose a file to check")
    );
    // The standard chosen before is chosen again.
    assert!(empty
        .text()
        .contains(r#"<option value="brownfield-land" selected>"#));
    // In Welsh.
    let welsh = server.post_form(
        "/check?lang=cy",
        Some(("spend.csv", &spend)),
        &[("standard", "auto")],
    );
    assert!(
        welsh.text().contains("Nid yw'r ffeil yn cydymffurfio"),
        "{}",
        welsh.text()
    );
    assert!(welsh.text().contains(r#"<html lang="cy""#));
}

#[test]
fn a_false_or_huge_declared_length_and_chunked_uploads_are_bounded() {
    let server = Server::start(&["--max-upload", "1K"]);
    // A length no server could hold is refused from the header alone, and the server lives on.
    for length in ["1000000000000000000", "18446744073709551615"] {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let head = format!(
            "POST /api/v1/check HTTP/1.1\r\nHost: localhost:{}\r\nContent-Length: {length}\r\n\r\nabc",
            server.port
        );
        stream.write_all(head.as_bytes()).expect("writes");
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let reply = Reply::parse(&raw);
        // 413 from conform, or hyper's own refusal of a length it cannot represent.
        assert!(
            matches!(reply.status, 413 | 400 | 431),
            "{length}: {}",
            reply.status
        );
    }
    // A chunked body (no declared length) is counted as it arrives.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut request = format!(
        "POST /api/v1/check?standard=spend-over-500 HTTP/1.1\r\nHost: localhost:{}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.port
    )
    .into_bytes();
    for _ in 0..8 {
        request.extend_from_slice(b"200\r\n");
        request.extend_from_slice(&[b'a'; 512]);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    let _ = stream.write_all(&request);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    assert_eq!(Reply::parse(&raw).status, 413);
    assert_eq!(server.request("GET", "/healthz", &[], b"").status, 200);
}

#[test]
fn clients_that_stall_do_not_stop_others_being_served() {
    let server = Server::start(&[]);
    // Thirty connections that send half a request head and wait.
    let stalled: Vec<TcpStream> = (0..30)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
            let _ = stream.write_all(b"POST /api/v1/check HTTP/1.1\r\nHost: loc");
            stream
        })
        .collect();
    // And thirty that declare a body and send none of it.
    let silent: Vec<TcpStream> = (0..30)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
            let head = format!(
                "POST /api/v1/check HTTP/1.1\r\nHost: localhost:{}\r\nContent-Length: 1000\r\n\r\n",
                server.port
            );
            let _ = stream.write_all(head.as_bytes());
            stream
        })
        .collect();
    let spend = std::fs::read(root().join("fixtures/formats/spend.csv")).expect("fixture");
    let reply = server.post_form(
        "/api/v1/check",
        Some(("spend.csv", &spend)),
        &[("standard", "spend-over-500")],
    );
    assert_eq!(reply.status, 422);
    assert_eq!(server.request("GET", "/", &[], b"").status, 200);
    drop(stalled);
    drop(silent);
}

#[test]
fn markup_in_a_file_name_is_shown_as_text() {
    let server = Server::start(&[]);
    let spend = std::fs::read(root().join("fixtures/formats/spend.csv")).expect("fixture");
    let reply = server.post_form(
        "/check",
        Some(("<b onmouseover=alert(1)>x.csv", &spend)),
        &[("standard", "spend-over-500")],
    );
    let page = reply.text();
    assert_eq!(reply.status, 200);
    assert!(!page.contains("<b onmouseover"), "markup reached the page");
    assert!(page.contains("&lt;b onmouseover=alert(1)&gt;x.csv"));
}

#[test]
fn a_host_name_behind_a_proxy_may_come_without_a_port() {
    let server = Server::start(&["--host", "conform.example.gov.uk"]);
    for host in ["conform.example.gov.uk", "CONFORM.example.gov.uk"] {
        let reply = server.request_as(host, "GET", "/healthz", &[], b"");
        assert_eq!(reply.status, 200, "{host}");
    }
    let other = server.request_as(
        "conform.example.gov.uk.evil.example",
        "GET",
        "/healthz",
        &[],
        b"",
    );
    assert_eq!(other.status, 421);
}

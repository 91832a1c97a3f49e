//! `gongwen serve`, run as users run it (the binary, on a loopback port the system picks),
//! spoken to over plain TCP, so that requests can also be malformed on purpose: answers
//! equal to what the command line prints for the same input, errors as JSON with their
//! status, the token, the limits, and a clean stop on SIGTERM.
#![cfg(feature = "serve")]

mod common;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SEED: &str = "seeds/000_ae5005f7988b7668.txt";

/// A running server; killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = common::gongwen_command()
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("GONGWEN_TOKEN")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines.next().unwrap().unwrap();
        let addr = first
            .strip_prefix("gongwen serve: listening on http://")
            .unwrap_or_else(|| panic!("first line: {first}"))
            .parse()
            .unwrap();
        let log = Arc::new(Mutex::new(vec![first]));
        let sink = log.clone();
        std::thread::spawn(move || {
            for l in lines.map_while(Result::ok) {
                sink.lock().unwrap().push(l);
            }
        });
        Server { child, addr, log }
    }

    /// Sends raw bytes; gives the status, the headers (lower-case names) and the body.
    fn raw(&self, request: &[u8]) -> Reply {
        let mut s = TcpStream::connect(self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        s.write_all(request).unwrap();
        let mut buf = Vec::new();
        s.read_to_end(&mut buf).unwrap();
        Reply::from(&buf)
    }

    fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut req = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        self.raw(&bytes)
    }

    fn get(&self, path: &str) -> Reply {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes())
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
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
    fn from(buf: &[u8]) -> Reply {
        let end = buf
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response head");
        let head = String::from_utf8_lossy(&buf[..end]).to_string();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = buf[end + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v == "chunked")
        {
            body = dechunk(&body);
        }
        Reply {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }

    /// The `error.code` of a JSON error answer.
    fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap().to_string()
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let nl = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let n = usize::from_str_radix(std::str::from_utf8(&b[..nl]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + n]);
        b = &b[nl + 2 + n + 2..];
    }
}

fn cli(args: &[&str]) -> String {
    let o = common::gongwen_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap()
}

fn seed() -> Vec<u8> {
    std::fs::read(common::repo(SEED)).unwrap()
}

/// A multipart/form-data body of files `(field, file name, bytes)`.
fn form(files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "gongwen-test-boundary-7f3a";
    let mut b = Vec::new();
    for (field, name, bytes) in files {
        b.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        b.extend_from_slice(bytes);
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), b)
}

#[test]
fn answers_are_what_the_command_line_prints() {
    let s = Server::start(&[]);
    assert_eq!(s.get("/healthz").text(), "ok\n");
    let v = s.get("/v1/version").json();
    assert_eq!(v["schema"], "gongwen/1");
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));

    let name = format!("?name={SEED}");
    let parse = s.post(&format!("/v1/parse{name}"), &[], &seed());
    assert_eq!(parse.status, 200);
    assert_eq!(parse.header("content-type"), Some("application/json"));
    assert_eq!(parse.text(), cli(&["parse", SEED]));
    let compact = s.post(
        &format!("/v1/parse{name}&compact=true&include_text=true"),
        &[],
        &seed(),
    );
    assert_eq!(
        compact.text(),
        cli(&["parse", SEED, "--compact", "--include-text"])
    );

    let check = s.post(&format!("/v1/check{name}"), &[], &seed());
    assert_eq!(check.text(), cli(&["check", SEED, "--format", "json"]));
    // The seed numbers two items 15 and none 14.
    assert!(check
        .json()
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "duplicate-number"));
    let human = s.post(&format!("/v1/check{name}&format=human"), &[], &seed());
    assert_eq!(human.text(), cli(&["check", SEED]));
    let zh = s.post(
        &format!("/v1/check{name}&format=human&lang=zh"),
        &[],
        &seed(),
    );
    assert_eq!(zh.text(), cli(&["check", SEED, "--lang", "zh"]));
    assert!(zh.text().contains("应为 14"), "{}", zh.text());
    let sarif = s.post(
        &format!("/v1/check{name}&format=sarif&ignore=truncated"),
        &[],
        &seed(),
    );
    assert_eq!(sarif.header("content-type"), Some("application/sarif+json"));
    assert_eq!(
        sarif.text(),
        cli(&["check", SEED, "--format", "sarif", "--ignore", "truncated"])
    );
    let none = s.post(
        &format!("/v1/check{name}&select=missing-number"),
        &[],
        &seed(),
    );
    assert_eq!(none.text(), "[]\n");

    let ledger = s.post(&format!("/v1/ledger{name}"), &[], &seed());
    assert_eq!(
        ledger.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(ledger.text(), cli(&["ledger", SEED, "--format", "csv"]));
    let en = s.post(
        &format!("/v1/ledger{name}&format=json&lang=en"),
        &[],
        &seed(),
    );
    assert_eq!(
        en.text(),
        cli(&["ledger", SEED, "--format", "json", "--lang", "en"])
    );
    let deps = s.post(&format!("/v1/departments{name}"), &[], &seed());
    assert_eq!(deps.text(), cli(&["departments", SEED, "--format", "json"]));
    let report = s.post(&format!("/v1/report{name}"), &[], &seed());
    assert_eq!(
        report.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(report.text(), cli(&["report", SEED]));

    // The access log: a line per request, no content, no query.
    let log = s.log();
    assert!(log.contains("POST /v1/parse 200"), "{log}");
    assert!(!log.contains("山西") && !log.contains("name="), "{log}");
}

#[test]
fn a_form_with_files_is_read_as_the_files_are() {
    let s = Server::start(&[]);
    let (ct, body) = form(&[("file", SEED, &seed())]);
    let r = s.post("/v1/parse", &[("Content-Type", &ct)], &body);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.text(), cli(&["parse", SEED]));
    // Two files: one document per line, as `gongwen parse A B` prints them, and a ledger
    // with the source column.
    let fixture = "fixtures/action_plan.txt";
    let other = std::fs::read(common::repo(fixture)).unwrap();
    let (ct, body) = form(&[("file", SEED, &seed()), ("file", fixture, &other)]);
    let r = s.post("/v1/parse", &[("Content-Type", &ct)], &body);
    assert_eq!(r.text(), cli(&["parse", SEED, fixture]));
    let r = s.post("/v1/ledger", &[("Content-Type", &ct)], &body);
    assert_eq!(r.text(), cli(&["ledger", SEED, fixture, "--format", "csv"]));
}

#[test]
fn errors_are_json_with_their_status() {
    let s = Server::start(&["--max-body-mb", "1"]);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let r = s.post("/v1/parse", &[], png);
    assert_eq!((r.status, r.error_code().as_str()), (415, "not-text"));
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("PNG"));
    let r = s.post("/v1/parse?colour=red", &[], &seed());
    assert_eq!((r.status, r.error_code().as_str()), (400, "bad-option"));
    let r = s.post("/v1/check?format=sarif-ish", &[], &seed());
    assert_eq!((r.status, r.error_code().as_str()), (400, "bad-option"));
    let r = s.post("/v1/parse?encoding=klingon", &[], &seed());
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (400, "unknown-encoding")
    );
    // Sent whole, a body larger than the system's buffers is read through, so the client
    // hears the answer (not a reset while it writes).
    let big = vec![b'a'; 8 << 20];
    for _ in 0..3 {
        let r = s.post("/v1/parse", &[], &big);
        assert_eq!((r.status, r.error_code().as_str()), (413, "too-large"));
    }
    // A client that waits to be asked for the body is answered at once and sends none.
    let r = s.raw(
        format!(
            "POST /v1/parse HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
             Expect: 100-continue\r\nContent-Length: {}\r\n\r\n",
            big.len()
        )
        .as_bytes(),
    );
    assert_eq!((r.status, r.error_code().as_str()), (413, "too-large"));
    let r = s.post("/v1/nothing", &[], &seed());
    assert_eq!((r.status, r.error_code().as_str()), (404, "not-found"));
    let (ct, _) = form(&[]);
    let r = s.post(
        "/v1/parse",
        &[("Content-Type", &ct)],
        b"--gongwen-test-boundary-7f3a\r\nContent-Disp",
    );
    assert_eq!(r.status, 400, "{}", r.text());
    // Still serving.
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn a_token_is_required_when_given() {
    let s = Server::start(&["--token", "s3cret"]);
    let r = s.post("/v1/parse", &[], &seed());
    assert_eq!((r.status, r.error_code().as_str()), (401, "unauthorized"));
    let r = s.post("/v1/parse", &[("Authorization", "Bearer wrong")], &seed());
    assert_eq!(r.status, 401);
    let r = s.post("/v1/parse", &[("Authorization", "Bearer s3cret")], &seed());
    assert_eq!(r.status, 200);
    assert_eq!(s.get("/healthz").status, 200, "health needs no token");
}

#[test]
fn the_network_without_a_token_is_warned_of() {
    let mut child = common::gongwen_command()
        .args(["serve", "--bind", "0.0.0.0:0"])
        .env_remove("GONGWEN_TOKEN")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let second = lines.next().unwrap().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.contains("listening on http://0.0.0.0:"), "{first}");
    assert!(
        second.contains("warning") && second.contains("--token"),
        "{second}"
    );
}

#[test]
#[cfg(unix)]
fn sigterm_finishes_the_requests_in_flight() {
    let mut s = Server::start(&[]);
    // A document half sent when the server is told to stop: the rest is read and it is
    // answered (however fast the server reads).
    let body = seed().repeat(20);
    let (half, rest) = body.split_at(body.len() / 2);
    let mut t = TcpStream::connect(s.addr).unwrap();
    t.write_all(
        format!(
            "POST /v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    )
    .unwrap();
    t.write_all(half).unwrap();
    std::thread::sleep(Duration::from_millis(150));
    Command::new("kill")
        .args(["-TERM", &s.child.id().to_string()])
        .status()
        .unwrap();
    for _ in 0..100 {
        if s.log().contains("gongwen serve: stopping") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    t.write_all(rest).unwrap();
    let reply = answer(t);
    assert_eq!(reply.status, 200);
    assert!(reply.json().as_array().is_some());
    let status = s.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(100));
    let log = s.log();
    let (stopping, answered) = (
        log.find("gongwen serve: stopping").expect("told it stops"),
        log.find("POST /v1/check 200")
            .expect("the request answered"),
    );
    assert!(
        stopping < answered,
        "the request was in flight when told to stop: {log}"
    );
    assert!(log.ends_with("gongwen serve: stopped"), "{log}");
}

/// Sends a whole request and leaves the connection open for its answer.
fn send(addr: SocketAddr, path: &str, body: &[u8]) -> TcpStream {
    let mut t = TcpStream::connect(addr).unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    t.write_all(head.as_bytes()).unwrap();
    t.write_all(body).unwrap();
    t
}

fn answer(mut t: TcpStream) -> Reply {
    let mut buf = Vec::new();
    t.read_to_end(&mut buf).unwrap();
    Reply::from(&buf)
}

#[test]
fn requests_beyond_the_limit_wait_in_a_bounded_queue_or_are_told_to_come_back() {
    let s = Server::start(&["--max-in-flight", "1", "--queue", "1"]);
    // A long document holds the only permit while it is read; the next request waits for
    // it; the one after that finds the queue full.
    let long = seed().repeat(100);
    let first = send(s.addr, "/v1/check", &long);
    std::thread::sleep(Duration::from_millis(300));
    let second = send(s.addr, "/v1/parse", &seed());
    std::thread::sleep(Duration::from_millis(200));
    let r = s.post("/v1/parse", &[], &seed());
    assert_eq!((r.status, r.error_code().as_str()), (429, "busy"));
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(answer(first).status, 200);
    assert_eq!(
        answer(second).status,
        200,
        "the waiting request is answered"
    );
    assert_eq!(s.post("/v1/parse", &[], &seed()).status, 200);
}

#[test]
fn a_body_that_trickles_in_runs_out_of_time() {
    let s = Server::start(&["--timeout", "1"]);
    let body = seed();
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(
        format!(
            "POST /v1/parse HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    )
    .unwrap();
    slow.write_all(&body[..100]).unwrap();
    // Meanwhile others are served.
    assert_eq!(s.post("/v1/parse", &[], &seed()).status, 200);
    let r = answer(slow);
    assert_eq!((r.status, r.error_code().as_str()), (408, "timeout"));
    assert_eq!(s.get("/healthz").status, 200);
}

#[test]
fn tables_come_as_a_zip_of_the_files_gongwen_tables_writes() {
    let s = Server::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    for format in ["csv", "jsonl"] {
        let r = s.post(
            &format!("/v1/tables?name={SEED}&format={format}"),
            &[],
            &seed(),
        );
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        assert_eq!(r.header("content-type"), Some("application/zip"));
        let out = dir.path().join(format);
        cli(&[
            "tables",
            SEED,
            "-o",
            out.to_str().unwrap(),
            "--format",
            format,
        ]);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(r.body)).unwrap();
        let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
        names.sort();
        let mut files: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        files.sort();
        assert_eq!(names, files);
        assert_eq!(names.len(), gongwen::emit::tidy::SHAPES.len());
        for n in &names {
            let mut got = Vec::new();
            zip.by_name(n).unwrap().read_to_end(&mut got).unwrap();
            assert_eq!(got, std::fs::read(out.join(n)).unwrap(), "{format}/{n}");
        }
    }
}

/// A Word file whose document part inflates a thousandfold: a zip bomb.
fn zip_bomb() -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", o).unwrap();
    z.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    z.start_file("word/document.xml", o).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..24 {
        z.write_all(&zeros).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_burst_with_hostile_requests_leaves_every_good_answer_right() {
    let s = Server::start(&["--timeout", "5", "--max-in-flight", "4", "--queue", "64"]);
    let addr = s.addr;
    let want = cli(&["parse", SEED, "--compact"]);
    let good: Vec<_> = (0..12)
        .map(|_| {
            std::thread::spawn(move || {
                let body = seed();
                let t = send(addr, &format!("/v1/parse?name={SEED}&compact=true"), &body);
                answer(t)
            })
        })
        .collect();
    let bomb = zip_bomb();
    let hostile: Vec<std::thread::JoinHandle<Option<u16>>> = vec![
        // A truncated upload: fewer bytes than announced, then the client is gone.
        std::thread::spawn(move || {
            let mut t = TcpStream::connect(addr).unwrap();
            t.write_all(b"POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n")
                .unwrap();
            t.write_all(&seed()[..1000]).unwrap();
            t.shutdown(std::net::Shutdown::Write).unwrap();
            let mut buf = Vec::new();
            let _ = t.read_to_end(&mut buf);
            (!buf.is_empty()).then(|| Reply::from(&buf).status)
        }),
        // A zip bomb dressed as a Word file.
        std::thread::spawn(move || Some(answer(send(addr, "/v1/parse", &bomb)).status)),
        // A 100 MB body, over the 50 MB limit.
        std::thread::spawn(move || {
            let mut t = TcpStream::connect(addr).unwrap();
            let n = 100 << 20;
            let head = format!("POST /v1/parse HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {n}\r\n\r\n");
            t.write_all(head.as_bytes()).unwrap();
            let chunk = vec![b'x'; 1 << 20];
            for _ in 0..100 {
                if t.write_all(&chunk).is_err() {
                    break; // the server has answered and closed
                }
            }
            let mut buf = Vec::new();
            let _ = t.read_to_end(&mut buf);
            (!buf.is_empty()).then(|| Reply::from(&buf).status)
        }),
        // A slow client: the head, then a byte now and then.
        std::thread::spawn(move || {
            let mut t = TcpStream::connect(addr).unwrap();
            t.write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")
                .unwrap();
            for _ in 0..40 {
                if t.write_all(b"a").is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            let mut buf = Vec::new();
            let _ = t.read_to_end(&mut buf);
            (!buf.is_empty()).then(|| Reply::from(&buf).status)
        }),
        // A malformed form: a boundary that never closes, a part without headers.
        std::thread::spawn(move || {
            let body = b"--b\r\nbroken\r\n\r\nno end";
            let mut t = TcpStream::connect(addr).unwrap();
            let head = format!("POST /v1/ledger HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: {}\r\n\r\n", body.len());
            t.write_all(head.as_bytes()).unwrap();
            t.write_all(body).unwrap();
            Some(answer(t).status)
        }),
        // Not HTTP at all.
        std::thread::spawn(move || {
            let mut t = TcpStream::connect(addr).unwrap();
            t.write_all(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n")
                .unwrap();
            let mut buf = Vec::new();
            let _ = t.read_to_end(&mut buf);
            buf.starts_with(b"HTTP/").then(|| Reply::from(&buf).status)
        }),
    ];
    for g in good {
        let r = g.join().unwrap();
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        assert_eq!(r.text(), want);
    }
    let statuses: Vec<Option<u16>> = hostile.into_iter().map(|h| h.join().unwrap()).collect();
    // Each hostile request is refused with its own status (or the connection closed).
    let [truncated, bomb, huge, slow, form, garbage] = statuses[..] else {
        unreachable!()
    };
    assert_eq!(truncated, Some(400), "the truncated upload");
    assert_eq!(bomb, Some(422), "the zip bomb");
    // The server answers 413 as soon as it sees the length and closes; a client still
    // writing may find the connection reset before it reads the answer.
    assert!(huge.is_none_or(|c| c == 413), "100 MB: {huge:?}");
    assert_eq!(slow, Some(408), "the slow client");
    assert_eq!(form, Some(400), "the malformed form");
    assert_eq!(garbage, Some(400), "not HTTP");
    // Healthy afterwards, and right.
    assert_eq!(s.get("/healthz").text(), "ok\n");
    let r = s.post(&format!("/v1/parse?name={SEED}&compact=true"), &[], &seed());
    assert_eq!(r.text(), want);
}

#[test]
fn request_bodies_held_at_once_are_bounded_in_bytes() {
    let s = Server::start(&[
        "--max-body-mb",
        "1",
        "--max-buffered-mb",
        "1",
        "--timeout",
        "2",
    ]);
    // A body of 800 KB announced and trickling in holds most of the room.
    let mut slow = TcpStream::connect(s.addr).unwrap();
    slow.write_all(b"POST /v1/parse HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 800000\r\n\r\n")
        .unwrap();
    slow.write_all(&[b'a'; 1000]).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let r = s.post("/v1/parse", &[], &vec![b'b'; 300_000]);
    assert_eq!((r.status, r.error_code().as_str()), (429, "busy"));
    // A small one still fits.
    assert_eq!(s.post("/v1/parse", &[], &seed()).status, 200);
    // Once the slow one has run out of time, the room is free again.
    assert_eq!(answer(slow).status, 408);
    assert_eq!(s.post("/v1/parse", &[], &vec![b'b'; 300_000]).status, 200);
}

//! `gongwen serve`: the commands over HTTP (axum on tokio). A request's document is its
//! body (or the files of a `multipart/form-data` form); the answer is what the command
//! line prints for the same input, made by the same functions. Documents are read on
//! tokio's blocking pool, at most `max_in_flight` at once (the next `queue` wait for their
//! turn, the rest are answered 429),
//! each request within a time limit (408 while its body arrives, 503 while it is read);
//! bodies are bounded (413). Nothing is written to disk, and
//! the access log names no document content.

use crate::cli::{CheckFormat, LedgerFormat, TableFormat, TidyFormat};
use crate::Tables;
use axum::body::{Bytes, HttpBody};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use gongwen::{Document, Options};
use serde::Deserialize;
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// How the server is run: `gongwen serve`'s flags.
pub(crate) struct Config {
    pub(crate) bind: SocketAddr,
    pub(crate) token: Option<String>,
    pub(crate) max_body: usize,
    /// The bytes of request bodies held at once, all requests together.
    pub(crate) max_buffered: usize,
    pub(crate) timeout: Duration,
    pub(crate) max_in_flight: usize,
    pub(crate) queue: usize,
    pub(crate) options: Options,
}

struct App {
    token: Option<String>,
    max_body: usize,
    /// Room for request bodies, in KiB.
    buffered: Arc<Semaphore>,
    permits: Arc<Semaphore>,
    /// Requests waiting for a permit, and how many may.
    waiting: AtomicUsize,
    queue: usize,
    timeout: Duration,
    options: Options,
}

/// An error answer: `{"error": {"code": …, "message": …}}` with its status.
struct Failure(StatusCode, &'static str, String);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": {"code": self.1, "message": self.2}});
        let mut r = (self.0, axum::Json(body)).into_response();
        if self.0 == StatusCode::TOO_MANY_REQUESTS || self.0 == StatusCode::SERVICE_UNAVAILABLE {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        r
    }
}

/// The status of a document the library refuses.
fn refused(e: &gongwen::Error) -> StatusCode {
    use gongwen::Error::*;
    match e {
        NotText { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Unreadable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        UnknownEncoding(_) | Lexicon { .. } => StatusCode::BAD_REQUEST,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// The query options, as the command line's flags are named.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Params {
    /// The name the document is shown by (`source.path`, the file of a diagnostic): the
    /// form's file name, else this, else none.
    name: Option<String>,
    encoding: Option<String>,
    include_text: Option<bool>,
    compact: Option<bool>,
    format: Option<String>,
    lang: Option<String>,
    /// `check`'s `--select` and `--ignore`, comma-separated.
    select: Option<String>,
    ignore: Option<String>,
}

/// A document as sent: its name and bytes.
struct Upload {
    name: Option<String>,
    bytes: Bytes,
}

/// The documents of a request: the body, or each file of a form.
async fn uploads(req: Request, name: Option<String>) -> Result<Vec<Upload>, Failure> {
    let too_large = |status: StatusCode, text: String| {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            Failure(StatusCode::BAD_REQUEST, "bad-request", text)
        }
    };
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let bytes = Bytes::from_request(req, &())
            .await
            .map_err(|e| too_large(e.status(), e.body_text()))?;
        return Ok(vec![Upload { name, bytes }]);
    }
    let mut form = Multipart::from_request(req, &())
        .await
        .map_err(|e| too_large(e.status(), e.body_text()))?;
    let mut out = Vec::new();
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| too_large(e.status(), e.body_text()))?
    {
        let file = field.file_name().map(str::to_string);
        if file.is_none() && field.name() != Some("file") {
            return Err(Failure(
                StatusCode::BAD_REQUEST,
                "bad-request",
                format!(
                    "the form field `{}` is not a document: send each document as a `file` field",
                    field.name().unwrap_or("")
                ),
            ));
        }
        let bytes = field
            .bytes()
            .await
            .map_err(|e| too_large(e.status(), e.body_text()))?;
        out.push(Upload {
            name: file.or_else(|| name.clone()),
            bytes,
        });
    }
    if out.is_empty() {
        return Err(Failure(
            StatusCode::BAD_REQUEST,
            "no-document",
            "the form has no file: send the document as a field with a file name, or as the body"
                .into(),
        ));
    }
    Ok(out)
}

/// What an endpoint makes of its documents.
#[derive(Clone, Copy)]
enum Job {
    Parse { pretty: bool, include_text: bool },
    Check(CheckFormat),
    Table(Tables),
    Report,
    Tables(TidyFormat),
}

impl Job {
    fn of(path: &str, p: &Params) -> Result<Job, Failure> {
        let bad = |what: &str, v: &str, allowed: &str| {
            Failure(
                StatusCode::BAD_REQUEST,
                "bad-option",
                format!("{what}={v} is not an option here; use one of {allowed}"),
            )
        };
        let format = p.format.as_deref();
        let zh = match p.lang.as_deref() {
            // As the command line's `--lang`: English unless asked.
            Some("zh") => true,
            None | Some("en") => false,
            Some(v) => return Err(bad("lang", v, "zh, en")),
        };
        Ok(match path {
            "parse" if !matches!(format, None | Some("json") | Some("jsonl")) => {
                return Err(bad("format", format.unwrap_or(""), "json, jsonl"))
            }
            "parse" => Job::Parse {
                pretty: !p.compact.unwrap_or(false) && format != Some("jsonl"),
                include_text: p.include_text.unwrap_or(false),
            },
            "check" => Job::Check(match format {
                None | Some("json") => CheckFormat::Json,
                Some("human") => CheckFormat::Human,
                Some("sarif") => CheckFormat::Sarif,
                Some("github") => CheckFormat::Github,
                Some(v) => return Err(bad("format", v, "json, human, sarif, github")),
            }),
            "ledger" => Job::Table(Tables::Ledger {
                format: match format {
                    None | Some("csv") => LedgerFormat::Csv,
                    Some("json") => LedgerFormat::Json,
                    Some("markdown") => LedgerFormat::Markdown,
                    Some("table") => LedgerFormat::Table,
                    Some(v) => return Err(bad("format", v, "csv, json, markdown, table")),
                },
                zh,
                bom: true,
            }),
            "departments" | "quantities" => {
                let f = match format {
                    None | Some("json") => TableFormat::Json,
                    Some("csv") => TableFormat::Csv,
                    Some("table") => TableFormat::Table,
                    Some(v) => return Err(bad("format", v, "json, csv, table")),
                };
                Job::Table(if path == "departments" {
                    Tables::Departments { format: f, zh }
                } else {
                    Tables::Quantities {
                        format: f,
                        targets: false,
                        zh,
                    }
                })
            }
            "report" => Job::Report,
            "tables" => Job::Tables(match format {
                None | Some("csv") => TidyFormat::Csv,
                Some("jsonl") => TidyFormat::Jsonl,
                #[cfg(feature = "parquet")]
                Some("parquet") => TidyFormat::Parquet,
                Some(v) => return Err(bad("format", v, "csv, jsonl, parquet")),
            }),
            _ => return Err(not_found_failure()),
        })
    }

    /// The answer's media type, for one document or several.
    fn content_type(self, many: bool) -> &'static str {
        match self {
            Job::Parse { pretty: true, .. } if !many => "application/json",
            Job::Parse { .. } => "application/x-ndjson",
            Job::Check(CheckFormat::Json) => "application/json",
            Job::Check(CheckFormat::Human | CheckFormat::Github) => "text/plain; charset=utf-8",
            Job::Check(CheckFormat::Sarif) => "application/sarif+json",
            Job::Table(Tables::Ledger { format, .. }) => match format {
                LedgerFormat::Csv => "text/csv; charset=utf-8",
                LedgerFormat::Json => "application/json",
                LedgerFormat::Markdown => "text/markdown; charset=utf-8",
                LedgerFormat::Table => "text/plain; charset=utf-8",
            },
            Job::Table(
                Tables::Departments { format: f, .. } | Tables::Quantities { format: f, .. },
            ) => match f {
                TableFormat::Json => "application/json",
                TableFormat::Csv => "text/csv; charset=utf-8",
                TableFormat::Table => "text/plain; charset=utf-8",
            },
            Job::Report => "text/html; charset=utf-8",
            Job::Tables(_) => "application/zip",
        }
    }

    /// The answer for these documents: what the command prints (for `tables`, the files
    /// it writes, in a zip).
    fn run(self, docs: &[(String, Document)], options: &Options) -> Result<Vec<u8>, String> {
        let many = docs.len() > 1;
        Ok(match self {
            Job::Parse {
                pretty,
                include_text,
            } => {
                let style = gongwen::emit::json::Style {
                    pretty: pretty && !many,
                    include_text,
                };
                let mut out = Vec::new();
                for (_, d) in docs {
                    gongwen::emit::json::write_styled(d, style, &mut out)
                        .expect("writing to memory");
                }
                out
            }
            Job::Check(f) => crate::check_text(docs, f, false, options.lang).into_bytes(),
            Job::Table(t) => crate::table_text(t, docs, many, options).into_bytes(),
            Job::Report => docs
                .first()
                .map(|(_, d)| gongwen::emit::report::render(d, options.lang))
                .unwrap_or_default()
                .into_bytes(),
            Job::Tables(format) => tables_zip(docs, format)?,
        })
    }
}

/// The tables `gongwen tables` writes for these documents, as the files of a zip.
fn tables_zip(docs: &[(String, Document)], format: TidyFormat) -> Result<Vec<u8>, String> {
    use crate::tidy::{encode, extension, Sink};
    use gongwen::emit::tidy::{rows, SHAPES};
    let mut sinks = SHAPES
        .iter()
        .map(|shape| Sink::new(format, shape, Vec::new()))
        .collect::<Result<Vec<_>, _>>()?;
    for (_, d) in docs {
        for (sink, table) in sinks.iter_mut().zip(encode(format, rows(d))?) {
            sink.put(table)?;
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (shape, sink) in SHAPES.iter().zip(sinks) {
        zip.start_file(format!("{}.{}", shape.name, extension(format)), o)
            .map_err(|e| e.to_string())?;
        zip.write_all(&sink.finish()?).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

async fn endpoint(
    State(app): State<Arc<App>>,
    axum::extract::Path(path): axum::extract::Path<String>,
    query: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    req: Request,
) -> Result<Response, Failure> {
    let Query(params) =
        query.map_err(|e| Failure(StatusCode::BAD_REQUEST, "bad-option", e.body_text()))?;
    let job = Job::of(&path, &params)?;
    let list = |v: &Option<String>| -> Vec<String> {
        v.as_deref()
            .map(|s| s.split(',').map(str::to_string).collect())
            .unwrap_or_default()
    };
    let selection = crate::selection(&list(&params.select), &list(&params.ignore))
        .map_err(|e| Failure(StatusCode::BAD_REQUEST, "bad-option", e))?;
    // The time limit counts from the request's start: a body that trickles in uses it up
    // (and holds no permit meanwhile).
    let deadline = Instant::now() + app.timeout;
    if declared_length(&req).is_some_and(|n| n > app.max_body) {
        return Err(refuse_large(req, app.timeout).await);
    }
    let buffered = budget(&app, &req)?;
    let name = params.name.clone().filter(|n| !n.is_empty());
    let uploads = tokio::time::timeout(app.timeout, uploads(req, name))
        .await
        .map_err(|_| {
            Failure(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                format!(
                    "the request body did not arrive within {} s (gongwen serve --timeout)",
                    app.timeout.as_secs()
                ),
            )
        })??;
    let permit = permit(&app, deadline).await?;
    let mut options = app.options.clone();
    if matches!(job, Job::Check(_)) {
        options.checks = selection;
    }
    if let Some(e) = params.encoding.as_ref().filter(|e| !e.is_empty()) {
        options.encoding = Some(e.clone());
    }
    // As the command line's `--lang`, checked by `Job::of`; English unless asked.
    options.lang = if params.lang.as_deref() == Some("zh") {
        gongwen::Lang::Zh
    } else {
        gongwen::Lang::En
    };
    let work = tokio::task::spawn_blocking(move || {
        // Both held until the document is read, even past the time limit: the bytes stay
        // counted while this thread still has them.
        let _held = (permit, buffered);
        let mut docs = Vec::new();
        for (k, u) in uploads.into_iter().enumerate() {
            let shown = u
                .name
                .clone()
                .unwrap_or_else(|| format!("document-{}", k + 1));
            match gongwen::parse_bytes(&u.bytes, &options) {
                Ok(mut d) => {
                    d.source.path = u.name;
                    docs.push((shown, d));
                }
                Err(e) => return Err(Failure(refused(&e), e.code(), format!("{shown}: {e}"))),
            }
        }
        let many = docs.len() > 1;
        job.run(&docs, &options)
            .map(|body| (body, job.content_type(many)))
            .map_err(|e| Failure(StatusCode::INTERNAL_SERVER_ERROR, "internal", e))
    });
    let left = deadline.saturating_duration_since(Instant::now());
    let (body, content_type) = match tokio::time::timeout(left, work).await {
        Err(_) => {
            return Err(Failure(
                StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                format!(
                    "reading the document took longer than {} s (gongwen serve --timeout)",
                    app.timeout.as_secs()
                ),
            ))
        }
        Ok(Err(e)) => {
            return Err(Failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                format!("gongwen failed on this document ({e}); please report it with the file"),
            ))
        }
        Ok(Ok(r)) => r?,
    };
    Ok(([(header::CONTENT_TYPE, content_type)], body).into_response())
}

/// Room for a request's body in the bytes all requests may hold at once (its length, or
/// the largest body for one sent in chunks), kept until it is answered; 429 when the room
/// is taken. (A length over the limit was refused before: `refuse_large`.)
fn budget(app: &App, req: &Request) -> Result<tokio::sync::OwnedSemaphorePermit, Failure> {
    let length = declared_length(req);
    let kib = length.unwrap_or(app.max_body).div_ceil(1024).max(1);
    let kib = u32::try_from(kib).unwrap_or(u32::MAX);
    app.buffered
        .clone()
        .try_acquire_many_owned(kib)
        .map_err(|_| {
            Failure(
                StatusCode::TOO_MANY_REQUESTS,
                "busy",
                "the server holds as many request bodies as it may; try again in a moment".into(),
            )
        })
}

fn declared_length(req: &Request) -> Option<usize> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
}

/// The most bytes of a body over the limit read through (and dropped) before it is
/// refused.
const DRAIN_AT_MOST: usize = 64 << 20;

/// 413 for a body declared larger than the limit. A client that asked to go on
/// (`Expect: 100-continue`, as curl does for large bodies) is answered at once and sends
/// nothing. One that sent the body straight away would, were the connection closed with
/// its bytes unread, get a reset instead of the answer (the system drops the unread bytes
/// with the connection): such a body, up to `DRAIN_AT_MOST` and within the request's time,
/// is read through first.
async fn refuse_large(req: Request, time: Duration) -> Failure {
    let waits = req
        .headers()
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    if !waits && declared_length(&req).is_some_and(|n| n <= DRAIN_AT_MOST) {
        let mut body = req.into_body();
        let drain = async {
            while let Some(Ok(_)) =
                std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await
            {
            }
        };
        let _ = tokio::time::timeout(time, drain).await;
    }
    too_large()
}

fn too_large() -> Failure {
    Failure(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too-large",
        "the request body is larger than the server accepts (gongwen serve --max-body-mb)".into(),
    )
}

/// A permit to read documents: at once, or after a wait in the bounded queue (within the
/// request's time); 429 when the queue is full, 503 when the time runs out in it.
async fn permit(
    app: &App,
    deadline: Instant,
) -> Result<tokio::sync::OwnedSemaphorePermit, Failure> {
    if let Ok(p) = app.permits.clone().try_acquire_owned() {
        return Ok(p);
    }
    let busy = || {
        Failure(
            StatusCode::TOO_MANY_REQUESTS,
            "busy",
            "the server is reading as many documents as it may and others are waiting; try again in a moment"
                .into(),
        )
    };
    if app.waiting.fetch_add(1, Ordering::SeqCst) >= app.queue {
        app.waiting.fetch_sub(1, Ordering::SeqCst);
        return Err(busy());
    }
    let left = deadline.saturating_duration_since(Instant::now());
    let got = tokio::time::timeout(left, app.permits.clone().acquire_owned()).await;
    app.waiting.fetch_sub(1, Ordering::SeqCst);
    match got {
        Ok(Ok(p)) => Ok(p),
        Ok(Err(_)) => Err(busy()), // closed: the server is stopping
        Err(_) => Err(Failure(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the request waited {} s for its turn (gongwen serve --timeout, --max-in-flight)",
                app.timeout.as_secs()
            ),
        )),
    }
}

async fn authorize(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if let Some(token) = &app.token {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if !given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes())) {
            let mut r = Failure(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "send the server's token as `Authorization: Bearer TOKEN`".into(),
            )
            .into_response();
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return r;
        }
    }
    next.run(req).await
}

/// Compares without stopping at the first difference, so that timing does not tell how
/// much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// One line per request on standard error: method, path, status, bytes, milliseconds.
/// Never the query (it may hold a name) nor the content.
async fn access_log(req: Request, next: Next) -> Response {
    let (method, path, start) = (
        req.method().clone(),
        req.uri().path().to_string(),
        Instant::now(),
    );
    let r = next.run(req).await;
    use axum::body::HttpBody;
    let bytes = r
        .body()
        .size_hint()
        .exact()
        .map_or_else(|| "-".to_string(), |n| n.to_string());
    eprintln!(
        "gongwen serve: {method} {path} {} {bytes} {:.1}ms",
        r.status().as_u16(),
        start.elapsed().as_secs_f64() * 1e3
    );
    r
}

async fn version(State(app): State<Arc<App>>) -> impl IntoResponse {
    axum::Json(serde_json::json!({
        "name": "gongwen",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": gongwen::emit::SCHEMA,
        "token_required": app.token.is_some(),
    }))
}

/// A file of the page at `/`: it loads nothing from elsewhere, and the policy says so.
fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'; form-action 'self'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn not_found() -> Failure {
    not_found_failure()
}

fn not_found_failure() -> Failure {
    Failure(
        StatusCode::NOT_FOUND,
        "not-found",
        "no such endpoint: POST a document to /v1/parse, /v1/check, /v1/ledger, /v1/departments, /v1/quantities, /v1/tables or /v1/report".into(),
    )
}

fn router(app: Arc<App>, max_body: usize) -> Router {
    let api = Router::new()
        .route("/v1/{endpoint}", post(endpoint))
        .route_layer(middleware::from_fn_with_state(app.clone(), authorize))
        .layer(DefaultBodyLimit::max(max_body));
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", include_str!("page/index.html")) }),
        )
        .route(
            "/app.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("page/app.js"),
                )
            }),
        )
        .route(
            "/app.css",
            get(|| async { asset("text/css; charset=utf-8", include_str!("page/app.css")) }),
        )
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/v1/version", get(version))
        .route(
            "/v1/openapi.yaml",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "application/yaml")],
                    include_str!("../../../schema/openapi.yaml"),
                )
            }),
        )
        .route(
            "/v1/schema.json",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "application/schema+json")],
                    include_str!("../../../schema/gongwen-1.schema.json"),
                )
            }),
        )
        .merge(api)
        .fallback(not_found)
        .layer(middleware::from_fn(access_log))
        .with_state(app)
}

/// Runs the server until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub(crate) fn run(config: Config) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("gongwen: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(config.bind).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("gongwen: cannot listen on {}: {e}", config.bind);
                return ExitCode::from(2);
            }
        };
        let at = listener.local_addr().unwrap_or(config.bind);
        eprintln!("gongwen serve: listening on http://{at}");
        if !at.ip().is_loopback() && config.token.is_none() {
            eprintln!(
                "gongwen serve: warning: {at} is reachable from other machines and there is no \
                 authentication; give --token (or GONGWEN_TOKEN) to require one"
            );
        }
        let app = Arc::new(App {
            token: config.token,
            max_body: config.max_body,
            buffered: Arc::new(Semaphore::new(
                (config.max_buffered.max(config.max_body) / 1024).max(1),
            )),
            permits: Arc::new(Semaphore::new(config.max_in_flight.max(1))),
            waiting: AtomicUsize::new(0),
            queue: config.queue,
            timeout: config.timeout,
            options: config.options,
        });
        let served = axum::serve(listener, router(app, config.max_body))
            .with_graceful_shutdown(shutdown())
            .await;
        match served {
            Ok(()) => {
                eprintln!("gongwen serve: stopped");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("gongwen: the server failed: {e}");
                ExitCode::from(2)
            }
        }
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    eprintln!("gongwen serve: stopping; finishing the requests in flight");
}

//! Helpers shared by the integration tests.
#![allow(dead_code)]

use gongwen::{Document, Options, Role};
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::path::{Path, PathBuf};

/// `../shared` beside the repository, when it is there (it is not in a user's fresh clone).
pub fn shared_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// `../shared`, for a test that runs only when it is there (see [`trial`]).
pub fn shared() -> PathBuf {
    shared_dir().expect("../shared is absent: the real documents live there")
}

/// The Chromium (or Chrome) on this machine: `$CHROMIUM`, or the first on the path.
pub fn chromium() -> Option<String> {
    let candidates = [
        std::env::var("CHROMIUM").unwrap_or_default(),
        "chromium".into(),
        "chromium-browser".into(),
        "google-chrome".into(),
    ];
    candidates.into_iter().filter(|c| !c.is_empty()).find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// LibreOffice's command, if it is installed.
pub fn soffice() -> Option<String> {
    let candidates = [
        std::env::var("SOFFICE").unwrap_or_default(),
        "soffice".into(),
        "libreoffice".into(),
    ];
    candidates.into_iter().filter(|c| !c.is_empty()).find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Runs LibreOffice once on `inputs`, converting each `--convert-to to` (`pdf`,
/// `txt:Text (encoded):UTF8`, `pdf:writer_pdf_Export:{…}`) into `outdir`, with a profile of
/// its own there; panics with LibreOffice's message if it fails.
pub fn soffice_convert(to: &str, outdir: &Path, inputs: &[PathBuf]) {
    let o = std::process::Command::new(soffice().expect("LibreOffice"))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .args(inputs)
        .env("HOME", outdir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// What a test needs that may be missing from a machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing beyond the repository.
    Nothing,
    /// The real documents in `../shared`.
    Shared,
    /// A headless Chromium.
    Chromium,
    /// LibreOffice, to compare its rendering of Word files.
    LibreOffice,
    /// The SARIF 2.1.0 JSON Schema, named by `GONGWEN_SARIF_SCHEMA` (`.ci/run` takes it
    /// from the npm package `@microsoft/sarif-multitool-linux`).
    SarifSchema,
}

impl Needs {
    /// Why a test with this need cannot run here, if it cannot.
    fn missing(self) -> Option<&'static str> {
        match self {
            Needs::Nothing => None,
            Needs::Shared => shared_dir().is_none().then_some(
                "../shared is absent (real documents live there, not in this repository)",
            ),
            Needs::Chromium => chromium()
                .is_none()
                .then_some("no Chromium on this machine (.ci/run installs Debian's chromium)"),
            Needs::LibreOffice => soffice().is_none().then_some(
                "no LibreOffice on this machine (.ci/run installs Debian's libreoffice-writer-nogui)",
            ),
            Needs::SarifSchema => sarif_schema().is_none().then_some(
                "no SARIF 2.1.0 schema: set GONGWEN_SARIF_SCHEMA to sarif-2.1.0.json (.ci/run fetches it)",
            ),
        }
    }
}

/// The SARIF 2.1.0 JSON Schema file, if `GONGWEN_SARIF_SCHEMA` names one.
pub fn sarif_schema() -> Option<PathBuf> {
    std::env::var_os("GONGWEN_SARIF_SCHEMA")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
}

/// Under `CI=true` a test whose prerequisite is missing fails instead of being ignored.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// A test that runs when what it needs is here; shows as ignored, with the reason, when
/// it is not; and fails under `CI=true` when it is not.
pub fn trial(name: impl Into<String>, needs: Needs, f: impl FnOnce() + Send + 'static) -> Trial {
    Trial::ignorable_test(name, move || {
        if let Some(reason) = needs.missing() {
            if in_ci() {
                return Err(Failed::from(format!("CI=true, but {reason}")));
            }
            return Ok(Completion::ignored_with(reason));
        }
        f();
        Ok(Completion::Completed)
    })
}

/// Runs the trials as the test harness does (filters, `--list`, `--ignored` and all).
pub fn run(trials: Vec<Trial>) -> ! {
    libtest_mimic::run(&Arguments::from_args(), trials).exit()
}

pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub const SEED: &str = "seeds/000_ae5005f7988b7668.txt";

pub fn seed_text() -> String {
    std::fs::read_to_string(repo(SEED)).expect("the seed is in the repository")
}

/// Parses text with the default options.
pub fn parse(text: &str) -> Document {
    gongwen::parse_text(text, &Options::default())
}

/// Parses bytes with the default options.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, gongwen::Error> {
    gongwen::parse_bytes(bytes, &Options::default())
}

pub fn parse_file(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut doc = parse_bytes(&bytes).expect("decodes");
    doc.source.path = Some(path.display().to_string());
    doc
}

/// The files of a folder of `../shared` with this extension, sorted.
pub fn shared_files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(shared().join(dir))
        .unwrap_or_else(|e| panic!("../shared/{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

/// Codes of the diagnostics at warning level or above.
pub fn warning_codes(doc: &Document) -> Vec<&'static str> {
    doc.diagnostics
        .iter()
        .filter(|d| d.severity >= gongwen::Severity::Warning)
        .map(|d| d.code.as_str())
        .collect()
}

/// The names of the units of a node's last clause in a role, as written.
pub fn owners(doc: &Document, node: &gongwen::Node, role: Role) -> Vec<String> {
    node.responsibility()
        .map(|c| doc.names(c, role).into_iter().map(String::from).collect())
        .unwrap_or_default()
}

/// Characters `[start, end)` of `text`.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Every node of a document's JSON, in document order.
pub fn json_nodes(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    let mut out = Vec::new();
    let mut stack: Vec<&serde_json::Value> = v["nodes"].as_array().unwrap().iter().rev().collect();
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(n["children"].as_array().into_iter().flatten().rev());
    }
    out
}

/// Asserts that every node's span, as characters of `text`, starts with its label (what
/// a Python user gets from `text[start:end]`); gives the nodes.
pub fn assert_spans_open_with_labels<'v>(
    v: &'v serde_json::Value,
    text: &str,
    name: &str,
) -> Vec<&'v serde_json::Value> {
    let text: Vec<char> = text.chars().collect();
    let nodes = json_nodes(v);
    for n in &nodes {
        let (start, end) = (
            n["span"]["start"].as_u64().unwrap() as usize,
            n["span"]["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text[start..end].iter().collect();
        assert!(
            slice.starts_with(n["label"].as_str().unwrap()),
            "{name}: {slice:?} does not start with {}",
            n["label"]
        );
    }
    nodes
}

/// The invariants every parse keeps: spans lie within the text, each node's span
/// starts with its label, node spans and skipped spans never overlap, and with the
/// preamble and the header (title, document number) they hold every non-blank character.
pub fn check_invariants(doc: &Document) {
    let text = &doc.text;
    let mut covered: Vec<std::ops::Range<usize>> = Vec::new();
    for n in &doc.nodes {
        assert!(n.span.start <= n.span.end && n.span.end <= text.len());
        assert!(
            text[n.span.clone()].starts_with(&text[n.label_range()]),
            "span starts with label"
        );
        assert!(n.text_range.start >= n.span.start && n.text_range.end <= n.span.end);
        for c in n.clauses.iter() {
            assert!(
                c.range.start >= n.span.start && c.range.end <= n.span.end,
                "clause inside node"
            );
        }
        for q in n.quantities.iter() {
            assert!(
                q.range.start >= n.text_range.start && q.range.end <= n.text_range.end,
                "quantity inside text"
            );
        }
        covered.push(n.span.clone());
    }
    let mut exclusive = covered.clone();
    exclusive.extend(doc.skipped.iter().map(|s| s.range.clone()));
    exclusive.sort_by_key(|r| r.start);
    for w in exclusive.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "spans overlap: {:?} {:?}",
            w[0],
            w[1]
        );
    }
    if let (Some(t), Some(r)) = (&doc.meta.title, &doc.meta.title_range) {
        for s in &doc.skipped {
            assert!(
                s.range.end <= r.start || s.range.start >= r.end,
                "the title {t} overlaps a skipped {} line",
                s.reason
            );
        }
    }
    covered.extend(doc.skipped.iter().map(|s| s.range.clone()));
    covered.extend(doc.preamble.iter().map(|p| p.range.clone()));
    covered.extend(doc.meta.title_range.iter().cloned());
    covered.extend(doc.meta.doc_number.iter().map(|d| d.range.clone()));
    covered.sort_by_key(|r| r.start);
    let mut k = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c == '\u{feff}' {
            continue;
        }
        while k < covered.len() && covered[k].end <= i {
            k += 1;
        }
        let inside = covered[k.min(covered.len().saturating_sub(1))..]
            .iter()
            .take_while(|r| r.start <= i)
            .any(|r| r.contains(&i));
        assert!(
            inside,
            "character {c:?} at byte {i} (line {}) is in no span: text was dropped",
            doc.line(i)
        );
    }
}

/// A readable summary of a parse, for snapshots reviewed by hand.
pub fn summary(doc: &Document) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let m = &doc.meta;
    writeln!(s, "title: {:?}", m.title).unwrap();
    if let Some(d) = &m.doc_number {
        writeln!(
            s,
            "doc_number: {} (agency {}, year {:?}, serial {})",
            d.text, d.agency, d.year, d.serial
        )
        .unwrap();
    }
    writeln!(s, "date: {:?}  issuer: {:?}", m.date, m.issuer).unwrap();
    for sk in &doc.skipped {
        writeln!(s, "skipped {}: {:?}", sk.reason, doc.slice(&sk.range)).unwrap();
    }
    for i in doc.node_ids() {
        let n = doc.node(i);
        let depth = std::iter::successors(n.parent, |&p| doc.node(p).parent).count();
        let pad = "  ".repeat(depth);
        writeln!(
            s,
            "{pad}{} {} (line {}): {}",
            n.kind(),
            doc.slice(&n.label_range()),
            doc.line(n.span.start),
            n.title(&doc.text)
        )
        .unwrap();
        for c in n.clauses.iter() {
            writeln!(
                s,
                "{pad}  clause {}: lead {:?} responsible {:?} support {:?}",
                doc.slice(&c.range),
                doc.names(c, Role::Lead),
                doc.names(c, Role::Responsible),
                doc.names(c, Role::Support)
            )
            .unwrap();
        }
        for q in n.quantities.iter() {
            writeln!(
                s,
                "{pad}  quantity {}: {} {} {}{}{}",
                doc.slice(&q.range),
                q.value,
                q.unit,
                q.qualifier,
                if q.target { " target" } else { "" },
                q.deadline
                    .as_ref()
                    .map(|d| format!(" by {}", doc.slice(d)))
                    .unwrap_or_default()
            )
            .unwrap();
        }
    }
    for d in &doc.diagnostics {
        writeln!(
            s,
            "{} line {}: {}[{}] {}",
            d.severity,
            doc.line(d.range.start),
            d.severity,
            d.code,
            d.message
        )
        .unwrap();
    }
    s
}

/// The units of a clause by role, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owners {
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    pub support: Vec<String>,
}

/// The units of `clause` by role.
pub fn owners_of(doc: &Document, clause: &gongwen::Clause) -> Owners {
    let names = |role| {
        doc.names(clause, role)
            .into_iter()
            .map(String::from)
            .collect()
    };
    Owners {
        lead: names(Role::Lead),
        responsible: names(Role::Responsible),
        support: names(Role::Support),
    }
}

/// The `gongwen` binary, in an English locale whatever the machine's (a test that reads
/// its words sets `--lang` or reads them in English; `tests/messages.rs` checks Chinese).
#[allow(dead_code)]
pub fn gongwen_command() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"));
    c.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

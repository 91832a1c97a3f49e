//! Helpers shared by the integration tests.
#![allow(dead_code)]

use gongwen::Document;
use std::path::PathBuf;

/// `../shared` beside the repository, when it is there (it is not in a user's fresh clone).
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// Returns `../shared`, or prints that the test was skipped and returns from the test.
#[macro_export]
macro_rules! require_shared {
    () => {
        match common::shared() {
            Some(p) => p,
            None => {
                eprintln!("skipped: ../shared is absent (real documents live there, not in this repository)");
                return;
            }
        }
    };
}

pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub const SEED: &str = "seeds/000_ae5005f7988b7668.txt";

pub fn seed_text() -> String {
    std::fs::read_to_string(repo(SEED)).expect("the seed is in the repository")
}

pub fn parse_file(path: &std::path::Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    gongwen::parse_bytes(&bytes, None, Some(&path.display().to_string())).expect("decodes")
}

/// Codes of the diagnostics at warning level or above.
pub fn warning_codes(doc: &Document) -> Vec<&'static str> {
    doc.diagnostics
        .iter()
        .filter(|d| d.severity >= gongwen::Severity::Warning)
        .map(|d| d.code)
        .collect()
}

/// Characters `[start, end)` of `text`.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
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
        for c in &n.clauses {
            assert!(
                c.range.start >= n.span.start && c.range.end <= n.span.end,
                "clause inside node"
            );
        }
        for q in &n.quantities {
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
            doc.index.line(i)
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
        let n = &doc.nodes[i];
        let depth = std::iter::successors(n.parent, |&p| doc.nodes[p].parent).count();
        let pad = "  ".repeat(depth);
        writeln!(
            s,
            "{pad}{} {} (line {}): {}",
            n.kind(),
            doc.slice(&n.label_range()),
            doc.index.line(n.span.start),
            n.title(&doc.text)
        )
        .unwrap();
        for c in &n.clauses {
            writeln!(
                s,
                "{pad}  clause {}: lead {:?} responsible {:?} support {:?}",
                doc.slice(&c.range),
                c.lead,
                c.responsible,
                c.support
            )
            .unwrap();
        }
        for q in &n.quantities {
            writeln!(
                s,
                "{pad}  quantity {}: {} {} {}{}{}",
                doc.slice(&q.range),
                q.value,
                q.unit,
                q.qualifier,
                if q.target { " target" } else { "" },
                q.deadline
                    .as_deref()
                    .map(|d| format!(" by {d}"))
                    .unwrap_or_default()
            )
            .unwrap();
        }
    }
    for d in &doc.diagnostics {
        writeln!(
            s,
            "{} line {}: {}[{}] {}",
            d.severity.as_str(),
            doc.index.line(d.range.start),
            d.severity.as_str(),
            d.code,
            d.message
        )
        .unwrap();
    }
    s
}

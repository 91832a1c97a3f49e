//! The check shared by the tests of paged formats (OFD, PDF): a text set on pages as
//! GB/T 9704 sets them gives back its outline, title and furniture.

#![allow(dead_code)]

use super::common::check_invariants;
use super::ofd_builder::{set, Code};
use gongwen::{Document, Format, Kind, Options, SkipReason};
use std::path::Path;

pub fn outline(doc: &Document) -> Vec<(Kind, u64, String)> {
    doc.node_ids()
        .map(|i| {
            let n = doc.node(i);
            (n.kind(), n.number(), n.title(&doc.text).to_string())
        })
        .collect()
}

/// What writes pages, with a running header, as a file.
pub type Maker = dyn Fn(&[Vec<Code>], &str) -> Vec<u8>;

/// `path`, a text, set on pages and written by `make` (given the pages and a running
/// header) as a file of `format`, must come back as the same outline and title, with the
/// furniture set aside and each node's page.
pub fn same_as_text(path: &Path, format: Format, make: &Maker) {
    let text = std::fs::read_to_string(path).unwrap();
    let typed = gongwen::parse_text(&text, &Options::default());
    let pages = set(&text);
    let header = if pages.len() > 1 {
        "某某市人民政府文件"
    } else {
        ""
    };
    let bytes = make(&pages, header);
    // To look at one: GONGWEN_KEEP=dir keeps the files made.
    if let Some(dir) = std::env::var_os("GONGWEN_KEEP") {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned() + "." + format.as_str();
        std::fs::write(Path::new(&dir).join(name), &bytes).unwrap();
    }
    let doc = gongwen::parse_bytes(&bytes, &Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(doc.source.format, format);
    check_invariants(&doc);
    // A text whose line breaks were lost (labels inside its lines) is not how a page is
    // set: only its title and furniture are compared.
    let lost_breaks = lost_breaks(&text, &typed);
    let (a, b) = if lost_breaks {
        (Vec::new(), Vec::new())
    } else {
        (outline(&typed), outline(&doc))
    };
    if let Some(k) = (0..a.len().max(b.len())).find(|&k| a.get(k) != b.get(k)) {
        panic!(
            "{}: node {k} is {:?} as text, {:?} as a {format} file",
            path.display(),
            a.get(k),
            b.get(k)
        );
    }
    assert_eq!(doc.meta.title, typed.meta.title, "{}", path.display());
    let furniture = furniture(&doc);
    let expected = pages.len() * if header.is_empty() { 1 } else { 2 };
    assert_eq!(
        furniture.len(),
        expected,
        "{}: {furniture:?}",
        path.display()
    );
    // The spaces of `— 1 —` go with the others between non-Latin characters.
    assert!(furniture.contains(&"—1—"), "{furniture:?}");
    // Each node's page is the page its label was set on: pages never go back, and the
    // last node is on the page that holds its line.
    let on: Vec<usize> = doc
        .nodes
        .iter()
        .map(|n| doc.page_of(n.span.start).unwrap())
        .collect();
    assert!(
        on.windows(2).all(|w| w[0] <= w[1]),
        "{}: pages {on:?}",
        path.display()
    );
    if let (Some(last), Some(&p)) = (doc.nodes.last(), on.last()) {
        let opening: String = doc.text[last.span.start..]
            .chars()
            .take_while(|&c| c != '\n')
            .take(6)
            .collect();
        let placed = pages
            .iter()
            .rposition(|page| page.iter().any(|c| c.text.starts_with(&opening)))
            .map(|k| k + 1);
        assert_eq!(Some(p), placed, "{}: the page of {opening}", path.display());
    }
}

/// Whether a text lost its line breaks (labels inside its lines): not how a page is set.
pub fn lost_breaks(text: &str, typed: &Document) -> bool {
    typed.nodes.iter().any(|n| {
        let line_start = text[..n.span.start].rfind('\n').map_or(0, |k| k + 1);
        !text[line_start..n.span.start].trim().is_empty()
    })
}

/// The running headers and page numbers a document set aside.
pub fn furniture(doc: &Document) -> Vec<&str> {
    doc.skipped
        .iter()
        .filter(|s| s.reason == SkipReason::PageFurniture)
        .map(|s| doc.slice(&s.range))
        .collect()
}

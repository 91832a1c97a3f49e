//! OFD files (GB/T 33190), made by the tests (never stored): the shared documents set on
//! A4 pages as GB/T 9704 sets them — wrapped at 28 characters, a running header and a
//! page number on each page — must give back the outline, the title and the owners of
//! the same documents as plain text, with the furniture set aside and each node's page.

mod common;
#[path = "common/ofd_builder.rs"]
mod ofd_builder;

use common::*;
use gongwen::{Document, Kind, Options, SkipReason};
use libtest_mimic::Trial;
use std::path::Path;

fn outline(doc: &Document) -> Vec<(Kind, u64, String)> {
    doc.node_ids()
        .map(|i| {
            let n = doc.node(i);
            (n.kind(), n.number(), n.title(&doc.text).to_string())
        })
        .collect()
}

fn a_document_as_an_ofd_file(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let typed = gongwen::parse_text(&text, &Options::default());
    let pages = ofd_builder::set(&text);
    let header = if pages.len() > 1 {
        "某某市人民政府文件"
    } else {
        ""
    };
    let bytes = ofd_builder::ofd(&pages, header);
    // To look at one: GONGWEN_KEEP=dir keeps the files made.
    if let Some(dir) = std::env::var_os("GONGWEN_KEEP") {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned() + ".ofd";
        std::fs::write(Path::new(&dir).join(name), &bytes).unwrap();
    }
    let doc = gongwen::parse_bytes(&bytes, &Options::default()).expect("an OFD file");
    assert_eq!(doc.source.format, gongwen::Format::Ofd);
    check_invariants(&doc);
    // A text whose line breaks were lost (labels inside its lines) is not how a page is
    // set: only its title and furniture are compared.
    let lost_breaks = typed.nodes.iter().any(|n| {
        let line_start = text[..n.span.start].rfind('\n').map_or(0, |k| k + 1);
        !text[line_start..n.span.start].trim().is_empty()
    });
    let (a, b) = if lost_breaks {
        (Vec::new(), Vec::new())
    } else {
        (outline(&typed), outline(&doc))
    };
    if let Some(k) = (0..a.len().max(b.len())).find(|&k| a.get(k) != b.get(k)) {
        panic!(
            "{}: node {k} is {:?} as text, {:?} as an OFD file",
            path.display(),
            a.get(k),
            b.get(k)
        );
    }
    assert_eq!(doc.meta.title, typed.meta.title, "{}", path.display());
    let furniture: Vec<&str> = doc
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::PageFurniture)
        .map(|s| doc.slice(&s.range))
        .collect();
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

fn a_file_without_text_is_refused() {
    let bytes = ofd_builder::ofd(&[Vec::new()], "");
    let e = gongwen::parse_bytes(&bytes, &Options::default()).unwrap_err();
    assert!(e.to_string().contains("OCR"), "{e}");
}

fn main() {
    let mut trials: Vec<Trial> = vec![trial(
        "an OFD file without text is refused",
        Needs::Nothing,
        a_file_without_text_is_refused,
    )];
    trials.push(trial("the seed as an OFD file", Needs::Nothing, || {
        a_document_as_an_ofd_file(&repo(SEED))
    }));
    if shared_dir().is_some() {
        for (dir, ext) in [("corpus", "txt"), ("corpus/local", "txt")] {
            for p in shared_files(dir, ext) {
                let name = format!(
                    "as an OFD file/{dir}/{}",
                    p.file_name().unwrap().to_string_lossy()
                );
                trials.push(trial(name, Needs::Shared, move || {
                    a_document_as_an_ofd_file(&p)
                }));
            }
        }
    } else {
        trials.push(trial("as an OFD file", Needs::Shared, || {}));
    }
    run(trials);
}

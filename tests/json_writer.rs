//! The JSON writer (used by `gongwen parse`) writes byte for byte what serde_json
//! writes for the declared `gongwen/1` view, compact and pretty, with and without the
//! text, on every document we have.

mod common;
use common::*;

fn same(doc: &gongwen::Document, name: &str) {
    use gongwen::emit::json::{to_string_serde_with_text, to_string_styled, Style};
    for (pretty, include_text) in [(false, false), (true, false), (false, true), (true, true)] {
        let fast = if include_text {
            to_string_styled(
                doc,
                Style {
                    pretty,
                    include_text,
                },
            )
        } else {
            gongwen::emit::json::to_string(doc, pretty)
        };
        let reference = if include_text {
            to_string_serde_with_text(doc, pretty)
        } else {
            gongwen::emit::json::to_string_serde(doc, pretty)
        };
        if fast != reference {
            let at = fast
                .bytes()
                .zip(reference.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(fast.len().min(reference.len()));
            let lo = at.saturating_sub(80);
            panic!(
                "{name} (pretty: {pretty}, text: {include_text}) differs at byte {at}:\n writer: {}\n serde:  {}",
                String::from_utf8_lossy(&fast.as_bytes()[lo..(at + 80).min(fast.len())]),
                String::from_utf8_lossy(&reference.as_bytes()[lo..(at + 80).min(reference.len())])
            );
        }
    }
}

fn seed_fixtures_and_escapes() {
    same(&parse_file(&repo(SEED)), SEED);
    let mut fixtures: Vec<_> = std::fs::read_dir(repo("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 7);
    for f in &fixtures {
        same(&parse_file(f), &f.display().to_string());
    }
    // Quotes, backslashes, control characters, numbers with fractions, ratios, a
    // diagnostic with notes, an empty document.
    let odd = "关于\"印发\"的通知\n\u{1}\t\u{7f}\\ \u{8}\u{c}\n一、总体要求\n1.新建基站3.25万个,比例2:2:4:2。(省商务厅牵头,省财政厅配合)\n1.重复。\n3.跳号（";
    let mut doc = parse(odd);
    doc.source.path = Some("odd\"name\\.txt".into());
    same(&doc, "odd");
    same(&parse(""), "empty");
    // A fraction or a large number is written by serde_json's own rules (`2e+16`, not
    // `2e16`), which the fuzzer once caught the writer breaking.
    let big = parse("一、要求\n1.比例为0:20000000000000000，达到7.25%。\n");
    same(&big, "big numbers");
    let json = gongwen::emit::json::to_string(&big, false);
    assert!(json.contains("2e+16") && json.contains("7.25"), "{json}");
}

fn corpus() {
    let mut n = 0;
    for (dir, ext) in [
        ("corpus", "txt"),
        ("corpus/more", "txt"),
        ("corpus/local", "txt"),
        ("corpus/html", "html"),
        ("external/lawref/docs", "txt"),
    ] {
        for p in shared_files(dir, ext) {
            same(&parse_file(&p), &p.display().to_string());
            n += 1;
        }
    }
    assert!(n >= 240, "only {n} corpus documents");
}

fn main() {
    run(vec![
        trial(
            "seed_fixtures_and_escapes",
            Needs::Nothing,
            seed_fixtures_and_escapes,
        ),
        trial("corpus", Needs::Shared, corpus),
    ]);
}

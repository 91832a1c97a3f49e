//! Work grows linearly with the input, whatever its shape: each adversarial text is
//! parsed (and written as JSON) at a size and at four times that size, and the time
//! ratio must stay near 4, far from the 16 of a quadratic scan. Ratios, not times: the
//! machine's speed cancels out (the best of three runs of each is taken).
//!
//! The same inputs, at 256 KB and 1 MB, are timed by `cargo bench --bench adversarial`.

mod common;

use std::time::{Duration, Instant};

#[path = "common/adversarial.rs"]
mod adversarial;
use adversarial::inputs;

fn best_of_three(text: &str) -> Duration {
    let options = gongwen::Options::default();
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let doc = gongwen::parse_bytes(text.as_bytes(), &options).unwrap();
            gongwen::emit::json::write(&doc, false, &mut std::io::sink()).unwrap();
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn four_times_the_input_is_about_four_times_the_work() {
    // Warm up: the lexicon and the regexes are built once.
    best_of_three("一、总体要求\n1.新建5G基站3万个。（省商务厅负责）\n");
    let mut report = Vec::new();
    let mut slow = Vec::new();
    for (name, make) in inputs() {
        let (small, large) = (make(32 * 1024), make(128 * 1024));
        let (a, b) = (best_of_three(&small), best_of_three(&large));
        // Below a millisecond the clock says more about the machine than the code.
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-3);
        report.push(format!("{name:32} {a:>10.2?} {b:>10.2?} ×{ratio:.1}"));
        if ratio > 8.0 {
            slow.push(name);
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        slow.is_empty(),
        "more than linear on {slow:?}:\n{}",
        report.join("\n")
    );
}

/// The messages of the `truncated` reports of `doc`.
fn truncated(doc: &gongwen::Document) -> impl Iterator<Item = &str> {
    doc.diagnostics
        .iter()
        .filter(|d| d.code == gongwen::Code::Truncated)
        .map(|d| d.message.as_str())
}

#[test]
fn dense_input_is_bounded_and_counted() {
    // Ten thousand nodes, and one more per 192 bytes: the rest is counted, and its text
    // stays in the last node.
    let text = "1.\n".repeat(100_000);
    let doc = gongwen::parse_text(&text, &gongwen::Options::default());
    let max = 10_000 + text.len() / 192;
    assert_eq!(doc.nodes.len(), max);
    let t = truncated(&doc)
        .find(|m| m.contains("headings"))
        .expect("a report of the headings left out");
    assert!(
        t.starts_with(&format!("{} more headings", 100_000 - max)),
        "{t}"
    );
    assert_eq!(doc.nodes.last().unwrap().span.end, text.trim_end().len());
    common::check_invariants(&doc);
    // The same for clauses: those of the nodes and those of the text past the last.
    let text = "1.(省商务厅负责)\n".repeat(30_000);
    let doc = gongwen::parse_text(&text, &gongwen::Options::default());
    let max = 10_000 + text.len() / 128;
    let kept: usize = doc.nodes.iter().map(|n| n.clauses.len()).sum();
    assert_eq!(kept, max);
    assert!(truncated(&doc)
        .any(|m| m.starts_with(&format!("{} more responsibility clauses", 30_000 - max))));
    // A clause keeps a thousand units; those of each clause past them are left out, and
    // one report counts the clauses cut. Two lines of 1,500 and one of 999 units.
    let line = |n: usize| {
        let names: Vec<String> = (0..n).map(adversarial::unit_name).collect();
        format!("责任单位：{}\n", names.join("、"))
    };
    let text = format!(
        "一、甲\n{}二、乙\n{}三、丙\n{}",
        line(1_500),
        line(999),
        line(1_500)
    );
    let doc = gongwen::parse_text(&text, &gongwen::Options::default());
    let units: Vec<usize> = doc
        .nodes
        .iter()
        .map(|n| n.clauses.iter().map(|c| c.units.len()).sum())
        .collect();
    assert_eq!(units, [1_000, 999, 1_000]);
    let last = doc.nodes[2].clauses[0].units.last().unwrap().unit;
    assert_eq!(doc.units[last.index()].name.as_ref(), "省九九九厅");
    let cut: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == gongwen::Code::Truncated)
        .collect();
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert!(
        cut[0].message.starts_with("2 responsibility clauses"),
        "{}",
        cut[0].message
    );
    assert_eq!(cut[0].range.start, text.find("责任单位").unwrap());
    // Citations: ten thousand and one per 256 bytes; a list of attachments: a thousand.
    let text = "《关于甲的通知》".repeat(20_000);
    let doc = gongwen::parse_text(&text, &gongwen::Options::default());
    assert_eq!(doc.meta.citations.len(), 10_000 + text.len() / 256);
    assert!(truncated(&doc).any(|m| m.starts_with(&format!(
        "{} more citations",
        20_000 - doc.meta.citations.len()
    ))));
    let text = (2..=1_500).fold("附件：1.甲\n".to_string(), |s, k| {
        s + &format!("{k}.乙\n")
    });
    let doc = gongwen::parse_text(&text, &gongwen::Options::default());
    assert_eq!(doc.meta.attachments.len(), 1_000);
    assert_eq!(doc.meta.attachments[999].name, "乙");
    assert!(truncated(&doc).any(|m| m.contains("attachments goes on past 1000")));
    // A document names ten thousand different units and one more per 256 bytes; the
    // rest are counted.
    let text: String = (0..30)
        .map(|l| {
            let names: Vec<String> = (l * 500..l * 500 + 500)
                .map(adversarial::unit_name)
                .collect();
            format!("一、任务\n责任单位：{}\n", names.join("、"))
        })
        .collect();
    let doc = gongwen::parse_text(&text, &gongwen::Options::default());
    let max = 10_000 + text.len() / 256;
    assert_eq!(doc.units.len(), max);
    assert!(truncated(&doc).any(|m| m.starts_with(&format!("{} more units", 15_000 - max))));
    // A ratio has at most sixteen parts; a longer run of numbers apart by colons is none.
    let ratio = |n: usize| vec!["3"; n].join(":");
    let doc = gongwen::parse_text(
        &format!("比例为{}，又为{}。", ratio(16), ratio(17)),
        &gongwen::Options::default(),
    );
    let q = &doc.preamble.as_ref().unwrap().quantities;
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].parts.len(), 16);
    // The same for quantities.
    let text = "1个".repeat(100_000);
    let doc = gongwen::parse_text(&text, &gongwen::Options::default());
    let kept = doc.preamble.as_ref().unwrap().quantities.len();
    assert_eq!(kept, 10_000 + text.len() / 128);
    assert!(truncated(&doc).any(|m| m.contains(&format!("{} more quantities", 100_000 - kept))));
}

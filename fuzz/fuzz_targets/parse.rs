//! `cargo fuzz run parse`: arbitrary bytes through decoding, parsing, checks and
//! every output format must never panic, spans must fit the text, the fast JSON writer
//! must write what serde_json writes for the declared view, the work must stay within a
//! linear budget, and one corrupted byte in valid UTF-8 must keep the outline. With every
//! check on, each fix's edits lie on character boundaries of the text, and the fixed text
//! reads again (and its own fixes apply).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;

mod budget;

/// Work allowed for an input: a fixed part and a part per byte, far above what linear
/// code needs here (about a microsecond a byte at worst) and far below a quadratic scan.
fn budget(len: usize) -> Duration {
    Duration::from_millis(50) + Duration::from_micros(20) * len as u32
}

fuzz_target!(|data: &[u8]| {
    let options = gongwen::Options::default();
    // Reading and the JSON, within the budget.
    let read = || {
        let doc = gongwen::parse_bytes(data, &options).ok()?;
        let json = gongwen::emit::json::to_string(&doc, false);
        Some((doc, json))
    };
    let Some((doc, json)) = budget::within(budget(data.len()), data.len(), read) else {
        return;
    };
    for n in &doc.nodes {
        assert!(n.span.end <= doc.text.len());
        assert!(doc.text[n.span.clone()].starts_with(&doc.text[n.label_range()]));
    }
    assert_eq!(json, gongwen::emit::json::to_string_serde(&doc, false));
    assert_eq!(
        gongwen::emit::json::to_string(&doc, true),
        gongwen::emit::json::to_string_serde(&doc, true)
    );
    let _ = gongwen::emit::ledger::ledger(&doc, true)
        .render(gongwen::emit::table::Format::Csv { bom: true });
    let _ = gongwen::emit::ledger::quantities_json(&doc, &[], false);
    let _ = gongwen::emit::report::render(&doc, gongwen::Lang::Zh);
    let _ = gongwen::emit::report::render(&doc, gongwen::Lang::En);
    let every = options.clone().with_checks(gongwen::CheckSet::all());
    let checked = gongwen::parse_bytes(data, &every).expect("read once already");
    for d in &checked.diagnostics {
        for e in &d.fixes {
            let r = &e.range;
            assert!(
                r.start <= r.end && r.end <= checked.text.len(),
                "{:?}: {r:?}",
                d.code
            );
            assert!(
                checked.text.is_char_boundary(r.start) && checked.text.is_char_boundary(r.end),
                "{:?}: {r:?}",
                d.code
            );
        }
    }
    let fixed = gongwen::fix(&checked);
    if fixed.edits == 0 {
        assert_eq!(fixed.text, checked.text);
    }
    let again = gongwen::parse_text(&fixed.text, &every);
    let _ = gongwen::fix(&again);
    // One corrupted byte in a document that is valid UTF-8 with some Chinese in it: it
    // stays UTF-8 and keeps its outline but for the node it hits and its neighbours.
    let non_ascii = data.iter().filter(|&&b| b >= 0x80).count();
    if let (Ok(text), true) = (std::str::from_utf8(data), non_ascii >= 300) {
        let mut k = data.len() / 2;
        while !text.is_char_boundary(k) {
            k -= 1;
        }
        let mut bad = data[..k].to_vec();
        bad.push(0xFF);
        bad.extend_from_slice(&data[k..]);
        let damaged = gongwen::parse_bytes(&bad, &options).expect("still text");
        assert_eq!(damaged.source.encoding, "UTF-8");
        let (a, b) = (doc.nodes.len(), damaged.nodes.len());
        assert!(a.abs_diff(b) <= 2, "{a} nodes became {b}");
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = gongwen::quantities(text, &options);
    }
});

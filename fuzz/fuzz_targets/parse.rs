//! `cargo fuzz run parse`: arbitrary bytes through decoding, parsing, checks and
//! every output format must never panic, spans must fit the text, and the fast JSON
//! writer must write what serde_json writes for the declared view.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = gongwen::Options::default();
    if let Ok(doc) = gongwen::parse_bytes(data, &options) {
        for n in &doc.nodes {
            assert!(n.span.end <= doc.text.len());
            assert!(doc.text[n.span.clone()].starts_with(&doc.text[n.label_range()]));
        }
        for pretty in [false, true] {
            assert_eq!(
                gongwen::emit::json::to_string(&doc, pretty),
                gongwen::emit::json::to_string_serde(&doc, pretty)
            );
        }
        let _ = gongwen::emit::ledger::ledger(&doc, true).render(gongwen::emit::table::Format::Csv { bom: true });
        let _ = gongwen::emit::ledger::quantities_json(&doc, &[], false);
        let _ = gongwen::emit::report::render(&doc);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = gongwen::quantities(text, &options);
    }
});

//! `cargo fuzz run html`: arbitrary bytes as the body of a web page (after a prefix that
//! makes them one) must never panic, must keep every span inside the text and every
//! set-aside range after the article, and must stay within a linear budget — deep
//! nesting, unclosed elements and broken charsets included.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;

mod budget;

fn budget(len: usize) -> Duration {
    Duration::from_millis(100) + Duration::from_micros(50) * len as u32
}

fuzz_target!(|data: &[u8]| {
    let mut page = b"<!DOCTYPE html><html><head><meta charset=\"gb2312\"></head><body>".to_vec();
    page.extend_from_slice(data);
    let read = || gongwen::parse_bytes(&page, &gongwen::Options::default());
    let Ok(doc) = budget::within(budget(page.len()), page.len(), read) else {
        return;
    };
    assert_eq!(doc.source.format, gongwen::Format::Html);
    for n in &doc.nodes {
        assert!(n.span.end <= doc.tail.unwrap_or(doc.text.len()));
    }
    for s in &doc.skipped {
        assert!(s.range.end <= doc.text.len() && doc.text.is_char_boundary(s.range.start));
    }
    let _ = gongwen::emit::json::to_string(&doc, false);
});

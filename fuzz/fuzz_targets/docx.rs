//! `cargo fuzz run docx`: arbitrary bytes as the parts of a Word file — the body's XML
//! and, after the first NUL byte, `numbering.xml`, then `styles.xml` — zipped and read
//! must never panic, must keep spans inside the text and generated labels inside the
//! body, and must stay within a linear budget. (Mutating zipped bytes would mostly test
//! the zip's checksums; the XML is where the reader's own code is.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::time::Duration;

mod budget;

fn budget(len: usize) -> Duration {
    Duration::from_millis(100) + Duration::from_micros(50) * len as u32
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let body = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let numbering = parts.next().map(String::from_utf8_lossy);
    let styles = parts.next().map(String::from_utf8_lossy);
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    let mut add = |name: &str, content: String| {
        z.start_file(name, o).unwrap();
        z.write_all(content.as_bytes()).unwrap();
    };
    add(
        "word/document.xml",
        format!("<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"),
    );
    if let Some(n) = numbering {
        add(
            "word/numbering.xml",
            format!("<w:numbering xmlns:w=\"{W}\">{n}</w:numbering>"),
        );
    }
    if let Some(s) = styles {
        add(
            "word/styles.xml",
            format!("<w:styles xmlns:w=\"{W}\">{s}</w:styles>"),
        );
    }
    let bytes = z.finish().unwrap().into_inner();
    let read = || gongwen::parse_bytes(&bytes, &gongwen::Options::default());
    let Ok(doc) = budget::within(budget(data.len()), data.len(), read) else {
        return;
    };
    let tail = doc.tail.unwrap_or(doc.text.len());
    for n in &doc.nodes {
        assert!(n.span.end <= tail);
    }
    for r in &doc.generated_labels {
        assert!(
            r.end <= tail && doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end)
        );
    }
    let _ = gongwen::emit::json::to_string(&doc, false);
});

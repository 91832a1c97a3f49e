//! `cargo fuzz run ofd`: arbitrary bytes as the content of an OFD page (and, after the
//! first NUL byte, its `Document.xml`), zipped with a valid `OFD.xml`, must never panic,
//! must keep spans inside the text and must stay within a linear budget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::time::Duration;

mod budget;

fn budget(len: usize) -> Duration {
    Duration::from_millis(100) + Duration::from_micros(50) * len as u32
}

const NS: &str = "http://www.ofdspec.org/2016";

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(2, |&b| b == 0);
    let page = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let document = parts.next().map(String::from_utf8_lossy).map(|d| d.into_owned()).unwrap_or_else(|| {
        format!(r#"<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#)
    });
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (name, content) in [
        (
            "OFD.xml",
            format!(
                r#"<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
            ),
        ),
        ("Doc_0/Document.xml", document),
        (
            "Doc_0/Pages/Page_0/Content.xml",
            format!(
                r#"<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{page}</ofd:Layer></ofd:Content></ofd:Page>"#
            ),
        ),
    ] {
        z.start_file(name, o).unwrap();
        z.write_all(content.as_bytes()).unwrap();
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
    let _ = gongwen::emit::json::to_string(&doc, false);
});

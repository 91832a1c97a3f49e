//! `cargo fuzz run pdf`: arbitrary bytes as a whole PDF file (when they start with `%`),
//! or else as the content stream of a page set in a non-embedded `UniGB-UCS2-H` font in
//! a valid PDF, must never panic, must keep spans inside the text and must stay within a
//! linear budget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;

mod budget;

fn budget(len: usize) -> Duration {
    Duration::from_millis(200) + Duration::from_micros(50) * len as u32
}

/// A PDF of one page whose content stream is `content`.
fn pdf(content: &[u8]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    objects.push(stream);
    objects.push(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>] >>".to_vec());
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (k, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", k + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.first() == Some(&b'%') {
        data.to_vec()
    } else {
        pdf(data)
    };
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

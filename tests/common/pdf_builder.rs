//! PDF files made by the tests, as Chinese government PDFs are often made: the text in
//! a font the file does not embed (`STSong-Light`, encoded `UniGB-UCS2-H`, so that every
//! character is its UCS-2 code), each line written as runs of one script (Han, or Latin
//! and digits) placed apart, so that an extractor sees gaps between `新建`, `5G` and
//! `基站`. The pages come from [`super::ofd_builder::set`]; the header and `— N —` are set
//! as GB/T 9704 sets them.

#![allow(dead_code)]

use super::ofd_builder::{Code, CHARS, LEFT, SIZE};

/// Millimetres to points.
const PT: f32 = 72.0 / 25.4;
/// A4 in points.
const WIDTH: f32 = 595.28;
const HEIGHT: f32 = 841.89;

/// The runs of one script in `text`: Han (and other wide characters) apart from Latin
/// letters, digits and ASCII punctuation.
fn runs(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let narrow = c.is_ascii();
        match out.last_mut() {
            Some((n, s)) if *n == narrow => s.push(c),
            _ => out.push((narrow, c.to_string())),
        }
    }
    out
}

fn hex(s: &str) -> String {
    s.encode_utf16().map(|u| format!("{u:04X}")).collect()
}

/// The content stream of one page. A line the margin broke (28 characters, 26 after a
/// paragraph's indent) is justified, as GB/T 9704 sets text: the room its narrow Latin
/// characters leave is spread between its characters (the `Tc` operator).
fn content(page: &[Code], header: &str, number: usize) -> String {
    let size = SIZE * PT;
    // A fifth of a character between runs of different scripts.
    let gap = 0.2 * size;
    let mut out = String::new();
    let mut show = |x_mm: f32, y_mm: f32, text: &str| {
        let runs = runs(text);
        let width = |(narrow, run): &(bool, String)| {
            size * if *narrow { 0.5 } else { 1.0 } * run.chars().count() as f32
        };
        let natural: f32 = runs.iter().map(width).sum();
        let count = text.chars().count();
        let indented = x_mm > LEFT + 1.0;
        let full = count == if indented { CHARS - 2 } else { CHARS };
        let gaps = gap * runs.len().saturating_sub(1) as f32;
        let spacing = if full && count > 1 {
            (((LEFT + CHARS as f32 * SIZE - x_mm) * PT - natural - gaps) / (count - 1) as f32)
                .max(0.0)
        } else {
            0.0
        };
        let mut x = x_mm * PT;
        let y = HEIGHT - y_mm * PT;
        for r in &runs {
            out += &format!(
                "BT /F1 {size:.2} Tf {spacing:.3} Tc {x:.2} {y:.2} Td <{}> Tj ET\n",
                hex(&r.1)
            );
            x += width(r) + spacing * r.1.chars().count() as f32 + gap;
        }
    };
    if !header.is_empty() {
        show(LEFT, 20.0, header);
    }
    for c in page {
        show(c.x, c.y, &c.text);
    }
    show(95.0, 285.0, &format!("— {number} —"));
    out
}

/// The PDF of these pages, with `header` at the top of each and its number at the foot.
pub fn pdf(pages: &[Vec<Code>], header: &str) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 font, 4 CID font; then a page and its content each.
    let mut objects: Vec<String> = Vec::new();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..n).map(|k| format!("{} 0 R", 5 + 2 * k)).collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>"
            .into(),
    );
    // Adobe-GB1 CIDs 1–95 are the half-width forms of ASCII.
    objects.push(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> /DW 1000 /W [1 95 500] >>"
            .into(),
    );
    for (k, page) in pages.iter().enumerate() {
        let stream = content(page, header, k + 1);
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            6 + 2 * k
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}endstream",
            stream.len()
        ));
    }
    write(&objects, "")
}

/// A PDF of these objects (object 1 the catalog), with a cross-reference table and a
/// trailer that adds `trailer_extra`.
pub fn write(objects: &[String], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (k, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", k + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        table += &format!("{o:010} 00000 n \n");
    }
    out.extend_from_slice(table.as_bytes());
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

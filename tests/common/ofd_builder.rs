//! OFD files made by the tests: a text set on A4 pages as GB/T 9704 sets it (28
//! characters a line, 22 lines a page, paragraphs indented two characters, long ones
//! wrapped at the right margin), with a running header and `— N —` at the foot of each
//! page, written as GB/T 33190 lays it out (OFD.xml → Document.xml → page contents of
//! `ofd:TextObject`s), zipped.

#![allow(dead_code)]

use std::io::Write;

/// Characters on a line, lines on a page, character size and line pitch in mm.
pub const CHARS: usize = 28;
pub const LINES: usize = 22;
pub const SIZE: f32 = 5.57;
pub const PITCH: f32 = 10.5;
pub const LEFT: f32 = 28.0;
pub const TOP: f32 = 37.0;

/// A text code: where, and what.
#[derive(Clone, Debug)]
pub struct Code {
    pub x: f32,
    pub y: f32,
    pub text: String,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The pages of `text`: each line of it a paragraph, indented and wrapped; a line with
/// tabs a table row, its cells 40 mm apart; blank lines left out.
pub fn set(text: &str) -> Vec<Vec<Code>> {
    let mut rows: Vec<Code> = Vec::new();
    for para in text.lines() {
        let p = para.trim();
        if p.is_empty() {
            continue;
        }
        if p.contains('\t') {
            let cells: Vec<Code> = p
                .split('\t')
                .enumerate()
                .map(|(k, c)| Code {
                    x: LEFT + 40.0 * k as f32,
                    y: 0.0,
                    text: c.trim().to_string(),
                })
                .collect();
            rows.extend(cells.into_iter().map(|mut c| {
                c.y = f32::NAN; // same row: set below
                c
            }));
            rows.push(Code {
                x: -1.0,
                y: 0.0,
                text: String::new(),
            }); // row end
            continue;
        }
        let chars: Vec<char> = p.chars().collect();
        let mut k = 0;
        let mut first = true;
        while k < chars.len() {
            let room = if first { CHARS - 2 } else { CHARS };
            let end = (k + room).min(chars.len());
            rows.push(Code {
                x: LEFT + if first { 2.0 * SIZE } else { 0.0 },
                y: 0.0,
                text: chars[k..end].iter().collect(),
            });
            rows.push(Code {
                x: -1.0,
                y: 0.0,
                text: String::new(),
            });
            k = end;
            first = false;
        }
    }
    // Lines to pages: a row end closes a line.
    let mut pages: Vec<Vec<Code>> = vec![Vec::new()];
    let mut line = 0;
    let mut pending: Vec<Code> = Vec::new();
    for c in rows {
        if c.x >= 0.0 {
            pending.push(c);
            continue;
        }
        if line == LINES {
            pages.push(Vec::new());
            line = 0;
        }
        let y = TOP + PITCH * line as f32;
        for mut p in pending.drain(..) {
            p.y = y;
            pages.last_mut().unwrap().push(p);
        }
        line += 1;
    }
    pages
}

/// The OFD of these pages, with `header` at the top of each and its number at the foot.
pub fn ofd(pages: &[Vec<Code>], header: &str) -> Vec<u8> {
    let ns = "http://www.ofdspec.org/2016";
    let mut parts: Vec<(String, String)> = Vec::new();
    parts.push((
        "OFD.xml".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{ns}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
        ),
    ));
    let mut list = String::new();
    for (k, page) in pages.iter().enumerate() {
        list += &format!(
            r#"<ofd:Page ID="{}" BaseLoc="Pages/Page_{k}/Content.xml"/>"#,
            k + 100
        );
        let mut objects = String::new();
        let mut id = 1000 * (k + 1);
        let mut object = |x: f32, y: f32, text: &str| {
            id += 1;
            let w = SIZE * text.chars().count() as f32;
            objects += &format!(
                r#"<ofd:TextObject ID="{id}" Boundary="{x:.2} {:.2} {w:.2} {:.2}" Font="3" Size="{SIZE}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{:.2}" DeltaX="g {} {SIZE}">{}</ofd:TextCode></ofd:TextObject>"#,
                y - SIZE,
                SIZE * 1.2,
                SIZE,
                text.chars().count().saturating_sub(1),
                esc(text)
            );
        };
        if !header.is_empty() {
            object(LEFT, 20.0, header);
        }
        for c in page {
            object(c.x, c.y, &c.text);
        }
        object(95.0, 285.0, &format!("— {} —", k + 1));
        parts.push((
            format!("Doc_0/Pages/Page_{k}/Content.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{ns}"><ofd:Content><ofd:Layer ID="{}">{objects}</ofd:Layer></ofd:Content></ofd:Page>"#,
                k + 10
            ),
        ));
    }
    parts.push((
        "Doc_0/Document.xml".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{ns}"><ofd:CommonData><ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{list}</ofd:Pages></ofd:Document>"#
        ),
    ));
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in &parts {
        z.start_file(name.as_str(), o).unwrap();
        z.write_all(content.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

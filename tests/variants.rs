//! Variants of the seed made inside the tests (never stored): full-width
//! punctuation, CRLF line ends, no line breaks, other encodings. Each must give
//! the same outline, the same owners and the same numbering report.

mod common;
use common::*;
use gongwen::Document;

/// Kind, number, title, lead, responsible, support.
type Row = (String, u64, String, Vec<String>, Vec<String>, Vec<String>);

/// What must not change between variants: kind, number, title, owners of every node.
fn signature(doc: &Document, with_titles: bool) -> Vec<Row> {
    doc.nodes
        .iter()
        .map(|n| {
            let norm = |role| owners(doc, n, role);
            (
                n.kind().to_string(),
                n.number(),
                if with_titles {
                    n.title(&doc.text)
                        .replace('（', "(")
                        .replace('）', ")")
                        .replace('，', ",")
                } else {
                    String::new()
                },
                norm(gongwen::Role::Lead),
                norm(gongwen::Role::Responsible),
                norm(gongwen::Role::Support),
            )
        })
        .collect()
}

/// Chapters, sections, items.
fn outline_counts(doc: &Document) -> (usize, usize, usize) {
    let count = |k: &str| doc.nodes.iter().filter(|n| n.kind().as_str() == k).count();
    (count("chapter"), count("section"), count("item"))
}

/// The titles of the items, in order.
fn item_titles(doc: &Document) -> Vec<String> {
    doc.nodes
        .iter()
        .filter(|n| n.kind() == gongwen::Kind::Item)
        .map(|n| n.title(&doc.text).to_string())
        .collect()
}

fn original() -> Document {
    parse(&seed_text())
}

#[test]
fn full_width_punctuation() {
    let seed = seed_text();
    // The original documents use full-width punctuation; labels `1.` become `1．`.
    let mut full = String::new();
    for line in seed.split('\n') {
        let mut l: String = line
            .chars()
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                ',' => '，',
                ':' => '：',
                ';' => '；',
                c => c,
            })
            .collect();
        if let Some(p) = l.find('.') {
            if l[..p].chars().all(|c| c.is_ascii_digit()) && p > 0 {
                l.replace_range(p..p + 1, "．");
            }
        }
        full.push_str(&l);
        full.push('\n');
    }
    let doc = parse(&full);
    assert_eq!(signature(&doc, true), signature(&original(), true));
    assert_eq!(warning_codes(&doc), ["duplicate-number"]);
    assert_eq!(
        doc.index.line(
            doc.diagnostics
                .iter()
                .find(|d| d.code.as_str() == "duplicate-number")
                .unwrap()
                .range
                .start
        ),
        48
    );
    check_invariants(&doc);
}

#[test]
fn crlf_line_ends() {
    let crlf = seed_text().replace('\n', "\r\n");
    let doc = parse(&crlf);
    let orig = original();
    assert_eq!(signature(&doc, true), signature(&orig, true));
    // Same lines; character offsets grow by one for each line break before them.
    for (a, b) in doc.nodes.iter().zip(&orig.nodes) {
        let (la, lb) = (doc.index.line(a.span.start), orig.index.line(b.span.start));
        assert_eq!(la, lb);
        let (ca, cb) = (
            doc.index.char_offset(&doc.text, a.span.start),
            orig.index.char_offset(&orig.text, b.span.start),
        );
        assert_eq!(ca, cb + lb - 1);
    }
    assert_eq!(warning_codes(&doc), ["duplicate-number"]);
    check_invariants(&doc);
}

#[test]
fn no_line_breaks() {
    let flat: String = seed_text().chars().filter(|&c| c != '\n').collect();
    let doc = parse(&flat);
    assert_eq!(outline_counts(&doc), (7, 14, 66));
    // Titles of chapters run on into their text once the line break is gone; owners do not change.
    assert_eq!(signature(&doc, false), signature(&original(), false));
    assert_eq!(item_titles(&doc), item_titles(&original()));
    assert_eq!(warning_codes(&doc), ["duplicate-number"]);
    assert_eq!(
        doc.meta.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("晋政办发〔2022〕35号")
    );
    check_invariants(&doc);
}

fn decoded(bytes: &[u8]) -> Document {
    parse_bytes(bytes).expect("decodes")
}

#[test]
fn encodings_give_the_same_outline() {
    let seed = seed_text();
    let orig = original();
    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    let (gb, _, bad) = encoding_rs::GB18030.encode(&seed);
    assert!(!bad);
    cases.push(("GB18030", gb.into_owned()));
    let mut le = vec![0xFF, 0xFE];
    le.extend(seed.encode_utf16().flat_map(u16::to_le_bytes));
    cases.push(("UTF-16LE", le));
    let mut be = vec![0xFE, 0xFF];
    be.extend(seed.encode_utf16().flat_map(u16::to_be_bytes));
    cases.push(("UTF-16BE", be));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(seed.as_bytes());
    cases.push(("UTF-8", bom));
    for (name, bytes) in cases {
        let doc = decoded(&bytes);
        assert_eq!(doc.source.encoding, name);
        assert_eq!(doc.text, seed, "{name}");
        assert_eq!(signature(&doc, true), signature(&orig, true), "{name}");
        assert_eq!(warning_codes(&doc), ["duplicate-number"], "{name}");
    }
}

#[test]
fn big5_where_representable() {
    // Big5 holds traditional characters: keep the seed's structure and replace every
    // character Big5 cannot hold by one it can, so the outline must survive intact.
    let seed = seed_text();
    let mut buf = [0u8; 4];
    let text: String = seed
        .chars()
        .map(|c| {
            let (_, _, bad) = encoding_rs::BIG5.encode(c.encode_utf8(&mut buf));
            if bad {
                '中'
            } else {
                c
            }
        })
        .collect();
    let (bytes, _, bad) = encoding_rs::BIG5.encode(&text);
    assert!(!bad);
    let doc = decoded(&bytes);
    assert_eq!(doc.source.encoding, "Big5");
    assert_eq!(doc.text, text);
    assert_eq!(outline_counts(&doc), (7, 14, 66));
    assert!(warning_codes(&doc).contains(&"duplicate-number"));
}

#[test]
fn malformed_bytes_are_reported_where_they_are() {
    let mut bytes = seed_text().into_bytes();
    let at = bytes.len() / 2;
    let at = (at..bytes.len()).find(|&i| bytes[i] == b'\n').unwrap() + 1;
    bytes.insert(at, 0xFF);
    let doc =
        gongwen::parse_bytes(&bytes, &gongwen::Options::default().with_encoding("utf-8")).unwrap();
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "decode-error")
        .expect("decode-error reported");
    assert_eq!(d.range.start, at);
    assert!(doc.text.contains('\u{FFFD}'));
    check_invariants(&doc);
}

//! A text as a Word file whose labels Word's numbering generates, as an author would
//! make it: shared by `tests/docx.rs` (which checks that the outline comes back) and
//! `benches/formats.rs` (which times reading such files).

#![allow(dead_code)]

use super::docx_builder::{li, lvl, p, Package};

/// How Word writes labels of a style: GB/T 9704's levels and the regulation style each
/// as a list of one level (the number format and level text), the decimal numbering of
/// emergency plans as one list of four levels.
fn word_list(style: gongwen::Style) -> (&'static str, &'static str) {
    use gongwen::Style::*;
    match style {
        CnDun => ("chineseCounting", "%1、"),
        CnParen => ("chineseCounting", "（%1）"),
        ArabicDot => ("decimal", "%1."),
        ArabicParen => ("decimal", "（%1）"),
        Circled => ("decimalEnclosedCircle", "%1"),
        Bian => ("chineseCounting", "第%1编"),
        FenBian => ("chineseCounting", "第%1分编"),
        Zhang => ("chineseCounting", "第%1章"),
        Jie => ("chineseCounting", "第%1节"),
        Tiao => ("chineseCounting", "第%1条"),
        Dec1 | Dec2 | Dec3 | Dec4 => ("decimal", ""),
        // A table row's number is a cell, never Word's numbering.
        Row => ("decimal", "%1"),
    }
}

/// The list id of the decimal levels.
pub const DECIMAL: u32 = 100;

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `text` as a Word file: every line a paragraph, and every label gongwen finds at the
/// start of a line (in `typed`, the parse of `text`) replaced by Word's numbering. Each run
/// of numbers is one list, and where the text's numbers do not go on from the last (a
/// restart under a new parent, a gap, a repeat), a new list begins there with that start
/// value (`w:startOverride`). Gives the file and how many labels became Word's.
pub fn as_word_file(text: &str, typed: &gongwen::Document) -> (Vec<u8>, usize) {
    let (pkg, converted) = as_word_package(text, typed);
    (pkg.bytes(), converted)
}

/// [`as_word_file`] before it is zipped, for a test to add a header or a footer.
pub fn as_word_package(text: &str, typed: &gongwen::Document) -> (Package, usize) {
    use gongwen::Style;
    let styles = [
        Style::CnDun,
        Style::CnParen,
        Style::ArabicDot,
        Style::ArabicParen,
        Style::Circled,
        Style::Zhang,
        Style::Jie,
        Style::Tiao,
    ];
    let mut nums = String::new();
    let mut next_id = 1000;
    // The list each style is in now, and the number it reached.
    let mut current: Vec<Option<(u32, u64)>> = vec![None; styles.len()];
    let mut labels = typed.node_ids().map(|i| typed.node(i)).peekable();
    let mut body = String::new();
    let mut converted = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let start = at + (content.len() - content.trim_start().len());
        at += line.len();
        while labels.peek().is_some_and(|n| n.span.start < start) {
            labels.next();
        }
        let node = labels
            .peek()
            .filter(|n| n.span.start == start && !content.trim().is_empty());
        let Some(n) = node else {
            body += &p(&xml_escape(content));
            continue;
        };
        let rest = xml_escape(text[n.label_range().end..at].trim());
        converted += 1;
        if n.style().is_decimal() {
            let level = n.style().rank() - Style::Dec1.rank();
            body += &li(DECIMAL, u32::from(level), &rest);
            continue;
        }
        let k = styles.iter().position(|&s| s == n.style()).unwrap();
        let id = match current[k] {
            Some((id, last)) if n.number() == last + 1 => id,
            _ => {
                next_id += 1;
                nums += &format!(
                    r#"<w:num w:numId="{next_id}"><w:abstractNumId w:val="{}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{}"/></w:lvlOverride></w:num>"#,
                    k + 1,
                    n.number()
                );
                next_id
            }
        };
        current[k] = Some((id, n.number()));
        body += &li(id, 0, &rest);
    }
    let mut abstracts = String::new();
    for (k, &s) in styles.iter().enumerate() {
        let (fmt, t) = word_list(s);
        abstracts += &format!(
            r#"<w:abstractNum w:abstractNumId="{}">{}</w:abstractNum>"#,
            k + 1,
            lvl(0, fmt, t, "")
        );
    }
    let decimal: String = (0..4)
        .map(|l| {
            let t: Vec<String> = (1..=l + 1).map(|j| format!("%{j}")).collect();
            lvl(l, "decimal", &t.join("."), "").replace(r#"w:val="nothing""#, r#"w:val="space""#)
        })
        .collect();
    abstracts += &format!(
        r#"<w:abstractNum w:abstractNumId="{DECIMAL}">{decimal}</w:abstractNum><w:num w:numId="{DECIMAL}"><w:abstractNumId w:val="{DECIMAL}"/></w:num>"#
    );
    let mut pkg = Package::new(body);
    pkg.numbering = Some(abstracts + &nums);
    (pkg, converted)
}

//! Outline: the numbered hierarchy of GB/T 9704-2012 (一、 → （一） → 1. → （1）)
//! and of regulations (第一章 → 第一节 → 第一条).
//!
//! Takes the decoded text; gives the document's zones (header lines, body, a
//! table of contents and trailing lines that are not body) and its nodes as an
//! arena in document order, nested by label style rather than by indentation.
//! Never fails: a document without numbering simply has no nodes.

pub mod label;

use crate::model::{Node, Skipped};
pub use crate::span::line_iter;
use label::{parse_label, Label, Style};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// What the outline stage gives.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Non-blank lines before the body (title, document number, web-page chrome).
    pub header_lines: Vec<Range<usize>>,
    /// Where the body starts and ends (the trailer excluded).
    pub body: Range<usize>,
    pub preamble: Option<Range<usize>>,
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    /// Table of contents and trailing lines (signature, notes, junk).
    pub skipped: Vec<Skipped>,
}

pub fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Content ranges of the lines of `text` (terminators `\n`, `\r\n`, `\r` excluded).
pub fn lines(text: &str) -> Vec<Range<usize>> {
    line_iter(text).collect()
}

/// Byte offset of the first line break (`\n` or `\r`) in `s`, found with vector instructions.
pub fn line_break(s: &str) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', s.as_bytes())
}

/// `r` without leading and trailing white space (U+3000 and NBSP included).
pub fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches(is_ws).len();
    let t = s.trim_end_matches(is_ws);
    if t.len() <= lead {
        return r.start..r.start;
    }
    r.start + lead..r.start + t.len()
}

/// A string with white space between two Han characters removed (`总　　则` → `总则`).
pub fn squeeze(s: &str) -> String {
    squeezed(s).map_or_else(|| s.to_string(), String::from)
}

/// `s` with white space squeezed out, or `None` when it has none (the common case).
pub fn squeezed(s: &str) -> Option<Box<str>> {
    if !s.contains(is_ws) {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_ws(c) {
            let mut j = i;
            while j < chars.len() && is_ws(chars[j]) {
                j += 1;
            }
            let before = out.chars().last().is_some_and(is_han);
            let after = chars.get(j).copied().is_some_and(is_han);
            if !(before && after) {
                out.extend(&chars[i..j]);
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    (out != s).then(|| out.into_boxed_str())
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇' | '\u{f900}'..='\u{faff}')
}

/// Words that mark a line as web-page navigation rather than document text.
const CHROME: &[&str] = &[
    "设为首页",
    "加入收藏",
    "繁体",
    "无障碍",
    "今天是",
    "当前位置",
    "您的位置",
    "打印本页",
    "关闭窗口",
    "分享到",
    "字号",
    "【大】",
    "浏览次数",
    "扫一扫",
    "返回顶部",
    "网站地图",
    "登录",
];

pub fn is_chrome(line: &str) -> bool {
    line.len() <= 600 && CHROME.iter().any(|k| line.contains(k))
}

fn is_date_word_line(line: &str) -> bool {
    [
        "发布日期",
        "成文日期",
        "发文日期",
        "发布时间",
        "来源:",
        "来源：",
        "索引号",
        "主题分类",
    ]
    .iter()
    .any(|k| line.contains(k))
}

/// A line that is a date alone: `2019年1月12日`, `二〇〇五年六月十一日`, `2022-04-22`.
pub fn is_date_line(line: &str) -> bool {
    // No date is longer than 13 characters (`二〇二二年一十二月三十一日`): longer lines
    // are ruled out without a copy.
    if line.chars().filter(|c| !is_ws(*c)).nth(13).is_some() {
        return false;
    }
    let s: String = line.chars().filter(|c| !is_ws(*c)).collect();
    crate::extract::meta::parse_date(&s).is_some_and(|(_, n)| n == s.len())
}

/// A short line naming an organisation, as in a signature (`国务院办公厅`).
pub fn is_org_line(line: &str) -> bool {
    if line.chars().filter(|c| !is_ws(*c)).nth(30).is_some() {
        return false;
    }
    let s: String = line.chars().filter(|c| !is_ws(*c)).collect();
    let n = s.chars().count();
    (2..=30).contains(&n)
        && s.chars().all(is_han)
        && [
            "政府",
            "国务院",
            "办公厅",
            "办公室",
            "委员会",
            "部",
            "厅",
            "局",
            "委",
            "办",
            "署",
            "院",
            "会",
            "中心",
            "公司",
            "小组",
        ]
        .iter()
        .any(|suf| s.ends_with(suf))
}

fn is_note_line(line: &str) -> bool {
    let s = line.trim_matches(is_ws);
    (s.starts_with('（') || s.starts_with('('))
        && (s.ends_with('）') || s.ends_with(')'))
        && ["此件", "本文", "此文", "删减", "公开发布"]
            .iter()
            .any(|k| s.contains(k))
        && s.chars().count() <= 20
}

fn is_junk_line(line: &str) -> bool {
    let s = line.trim_matches(is_ws);
    (s.chars().count() <= 3 && !s.chars().any(|c| is_han(c) || c.is_numeric())) || is_chrome(s)
}

fn line_has_doc_number(line: &str) -> bool {
    crate::extract::meta::find_doc_numbers(line)
        .next()
        .is_some()
}

/// Decides where the header ends: the first line that reads like body text.
fn header_end(text: &str, lines: &[Range<usize>]) -> (usize, Vec<Range<usize>>) {
    let mut header = Vec::new();
    for (k, r) in lines.iter().enumerate() {
        let t = trim(text, r.clone());
        if t.is_empty() {
            continue;
        }
        let s = &text[t.clone()];
        if s.len() > 900 {
            // A document whose line breaks were lost: the header ends with its number.
            if let Some(d) = crate::extract::meta::find_doc_numbers(s)
                .next()
                .filter(|d| d.range.start < 600)
            {
                header.push(t.start..t.start + d.range.end);
                return (t.start + d.range.end, header);
            }
            return (lines[k].start, header);
        }
        if is_chrome(s) || is_date_word_line(s) || line_has_doc_number(s) || is_date_line(s) {
            header.push(t);
            continue;
        }
        let is_toc = s.chars().filter(|c| !is_ws(*c)).collect::<String>() == "目录";
        let body_like = is_toc
            || parse_label(s).is_some()
            || s.contains(['。', '，'])
            || s.ends_with('：')
            || s.ends_with(':')
            || s.chars().count() > 100;
        if body_like || header.len() >= 10 {
            if header.len() >= 10 {
                // No body-like line early on: keep only chrome as header.
                header.retain(|h| is_chrome(&text[h.clone()]));
                let start = lines[0].start;
                return (start, header);
            }
            return (lines[k].start, header);
        }
        header.push(t);
    }
    (text.len(), header)
}

/// Trailing lines that are not body: signature, date, publication notes, junk.
fn trailer(text: &str, lines: &[Range<usize>], body_start: usize) -> (usize, Vec<Skipped>) {
    let mut out = Vec::new();
    let mut end = text.len();
    for r in lines.iter().rev() {
        if r.start < body_start {
            break;
        }
        let t = trim(text, r.clone());
        if t.is_empty() {
            end = r.start;
            continue;
        }
        let s = &text[t.clone()];
        let reason = if is_junk_line(s) {
            "junk"
        } else if is_date_line(s) || is_org_line(s) {
            "signature"
        } else if is_note_line(s) {
            "note"
        } else {
            break;
        };
        out.push(Skipped { range: t, reason });
        end = r.start;
    }
    out.reverse();
    // The body ends where its last line ends, not at the start of the trailer's line.
    let end = trim(text, body_start..end).end.max(body_start);
    (end, out)
}

/// A table of contents: a `目录` line and the entries up to the first repeated entry.
fn table_of_contents(
    text: &str,
    lines: &[Range<usize>],
    body: &Range<usize>,
) -> Option<Range<usize>> {
    let norm =
        |r: &Range<usize>| -> String { text[r.clone()].chars().filter(|c| !is_ws(*c)).collect() };
    // `目录` lines are short: only those are normalized.
    let k = lines.iter().position(|r| {
        r.start >= body.start
            && r.end <= body.end
            && r.len() <= 40
            && text[r.clone()].contains('目')
            && norm(r) == "目录"
    })?;
    let entries: Vec<usize> = (k + 1..lines.len().min(k + 400))
        .filter(|&j| !norm(&lines[j]).is_empty())
        .collect();
    let first = norm(&lines[*entries.first()?]);
    let repeat = entries
        .iter()
        .skip(1)
        .find(|&&j| norm(&lines[j]) == first)?;
    let last = entries.iter().rev().find(|&&j| j < *repeat)?;
    let ok = entries
        .iter()
        .filter(|&&j| j < *repeat)
        .all(|&j| !text[lines[j].clone()].contains('。') && norm(&lines[j]).chars().count() <= 40);
    ok.then(|| trim(text, lines[k].start..lines[*last].end))
}

/// `附件：1.…`, `注：1、…`, `说明：1.…`: a short word and a colon before a list's first label.
fn list_opener(s: &str) -> Option<&str> {
    if let Some(rest) = s.strip_prefix("附件") {
        return Some(rest.trim_start_matches([':', '：']));
    }
    // The word before the colon is short: look no further than a few characters.
    let near = &s[..crate::span::floor_boundary(s, 16)];
    let colon = near.find(['：', ':'])?;
    let head = &s[..colon];
    let rest = s[colon..].trim_start_matches([':', '：']);
    (head.chars().count() <= 4
        && head.chars().all(is_han)
        && parse_label(rest).is_some_and(|l| l.number == 1))
    .then_some(rest)
}

/// A heading found in the text.
#[derive(Debug, Clone)]
struct Heading {
    at: usize,
    label: Label,
    inline: bool,
}

/// Characters after which a label inside a line may start a heading.
fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '：' | ':' | '）' | ')')
}

/// Words after 第…章/节/条 that show a reference, not a heading (`第三条规定的`).
fn reference_after(rest: &str) -> bool {
    ["规定", "的", "、", "至", "和", "或", "第", "中", "所", "之"]
        .iter()
        .any(|w| rest.starts_with(w))
}

struct Scanner<'a> {
    text: &'a str,
    last: HashMap<Style, u64>,
    prev_rank: Option<u8>,
    prev_at: usize,
    headings: Vec<Heading>,
}

impl<'a> Scanner<'a> {
    fn push(&mut self, at: usize, label: Label, inline: bool) {
        self.last.insert(label.style, label.number);
        self.prev_rank = Some(label.style.rank());
        self.prev_at = at + label.len as usize;
        self.headings.push(Heading { at, label, inline });
    }

    /// Whether an inline label continues the numbering in force. One number
    /// skipped or repeated is allowed, so that a numbering error (13, 15, 15, 16)
    /// does not hide the rest of the outline; `check` reports it.
    fn continues(&self, l: &Label) -> bool {
        let last = self.last.get(&l.style).copied().unwrap_or(0);
        (last.max(1)..=last + 2).contains(&l.number)
            || (l.number == 1 && self.prev_rank.is_none_or(|r| r < l.style.rank()))
    }

    /// Labels inside a long line, where the document lost its line breaks.
    fn inline(&mut self, r: Range<usize>) {
        let s = &self.text[r.clone()];
        let mut prev: Option<char> = None;
        for (i, c) in s.char_indices() {
            let p = prev;
            prev = Some(c);
            if i == 0 || is_ws(c) {
                continue;
            }
            let starts = c.is_ascii_digit()
                || matches!(c, '(' | '（' | '第' | '０'..='９' | '①'..='⑳')
                || crate::numeral::cn_digit(c).is_some()
                || c == '十';
            if !starts {
                continue;
            }
            let Some(l) = parse_label(&s[i..]) else {
                continue;
            };
            let at = r.start + i;
            if at < self.prev_at {
                continue; // inside the label just taken
            }
            let after_end = p.is_some_and(sentence_end);
            // A heading that has no full stop runs straight into its first child:
            // `一、把实施好…精准性（一）研究…`.
            let since = &self.text[self.prev_at..at];
            let in_heading = !self.headings.is_empty()
                && since.len() <= 320
                && since.chars().count() <= 80
                && !since.contains(['。', '；', '）', ')']);
            if (after_end || in_heading)
                && self.continues(&l)
                && !reference_after(&s[i + l.len as usize..])
                && p != Some('第')
            {
                self.push(at, l, true);
            }
        }
    }
}

/// Finds the outline of `text`.
pub fn parse(text: &str) -> Outline {
    let lines = lines(text);
    let (body_start, header_lines) = header_end(text, &lines);
    let (body_end, mut skipped) = trailer(text, &lines, body_start);
    let body = body_start..body_end.max(body_start);
    let toc = table_of_contents(text, &lines, &body);
    if let Some(t) = &toc {
        skipped.push(Skipped {
            range: t.clone(),
            reason: "toc",
        });
    }

    let longest = lines.iter().map(|r| r.len()).max().unwrap_or(0);
    let flattened = longest > 1000 && longest * 10 >= body.len() * 3;

    let mut sc = Scanner {
        text,
        last: HashMap::default(),
        prev_rank: None,
        prev_at: body.start,
        headings: Vec::new(),
    };
    let mut in_attachments: Option<u64> = None;
    for r in &lines {
        let r = &(r.start.max(body.start)..r.end.min(body.end));
        if r.is_empty() {
            continue;
        }
        if toc.as_ref().is_some_and(|t| t.contains(&r.start)) {
            continue;
        }
        let t = trim(text, r.start..r.end.min(body.end));
        if t.is_empty() {
            continue;
        }
        let s = &text[t.clone()];
        // `附件：1.…`, `注：1、…` open a list; the lines that go on numbering it are not headings.
        if let Some(rest) = list_opener(s) {
            in_attachments = parse_label(rest).map(|l| l.number);
            continue;
        }
        let mut line_label = parse_label(s);
        if let (Some(l), Some(n)) = (&line_label, in_attachments) {
            if l.style == Style::ArabicDot && l.number == n + 1 {
                in_attachments = Some(l.number);
                continue;
            }
        }
        in_attachments = None;
        if let Some(l) = &line_label {
            let rest = &s[l.len as usize..];
            if matches!(l.style, Style::Zhang | Style::Jie | Style::Tiao) && reference_after(rest) {
                line_label = None;
            }
        }
        if let Some(l) = line_label {
            sc.push(t.start, l, false);
        }
        if flattened && t.len() > 500 {
            let from = line_label.map_or(t.start, |l| t.start + l.len as usize);
            sc.inline(from..t.end);
        }
    }
    let headings = sc.headings;
    drop(lines);

    let mut out = Outline {
        nodes: Vec::with_capacity(headings.len()),
        header_lines,
        body: body.clone(),
        skipped,
        ..Outline::default()
    };
    let first = headings.first().map_or(body.end, |h| h.at);
    let pre = trim(text, body.start..first);
    // The table of contents sits in the preamble; the preamble starts after it.
    let pre = match &toc {
        Some(t) if t.start >= pre.start && t.end <= pre.end => {
            let before = trim(text, pre.start..t.start);
            let after = trim(text, t.end..pre.end);
            if before.is_empty() {
                after
            } else {
                before.start..after.end.max(before.end)
            }
        }
        _ => pre,
    };
    out.preamble = (!pre.is_empty()).then_some(pre);

    let mut stack: Vec<usize> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        let next = headings.get(k + 1).map_or(body.end, |n| n.at);
        let mut own = trim(text, h.at..next);
        if let Some(t) = &toc {
            // A node right before the table of contents ends where it starts.
            if t.start >= own.start && t.start < own.end {
                own = trim(text, own.start..t.start);
            }
        }
        let label_range = h.at..h.at + h.label.len as usize;
        let after = trim(text, label_range.end..own.end.max(label_range.end));
        let after = if after.is_empty() {
            label_range.end..label_range.end
        } else {
            after
        };
        let seg = &text[after.clone()];
        let mut title_end = line_break(seg).unwrap_or(seg.len());
        if let Some(p) = seg[..title_end].find('。') {
            title_end = p;
        }
        // A title ends before the punctuation that closes it (`下列要求：`, `规划；`).
        let title_text = seg[..title_end].trim_end_matches(|c: char| {
            is_ws(c) || matches!(c, '：' | ':' | '；' | ';' | '，' | ',')
        });
        let title_range = trim(text, after.start..after.start + title_text.len());
        let title_range = if title_range.is_empty() {
            after.start..after.start
        } else {
            title_range
        };
        let node = Node {
            label: h.label,
            title_squeezed: squeezed(&text[title_range.clone()]),
            title_range,
            text_range: after.clone(),
            span: h.at..own.end.max(h.at + h.label.len as usize),
            inline: h.inline,
            clauses: Box::default(),
            quantities: Box::default(),
            parent: None,
            children: Box::default(),
        };
        let rank = h.label.style.rank();
        while let Some(&top) = stack.last() {
            if out.nodes[top].label.style.rank() >= rank {
                stack.pop();
            } else {
                break;
            }
        }
        let idx = out.nodes.len();
        let mut node = node;
        node.parent = stack.last().copied();
        if node.parent.is_none() {
            out.roots.push(idx);
        }
        out.nodes.push(node);
        stack.push(idx);
    }
    set_children(&mut out.nodes);
    out
}

/// Fills each node's `children` from the `parent` links: counted first, so each list
/// is allocated once at its size.
fn set_children(nodes: &mut [Node]) {
    let mut count = vec![0u32; nodes.len()];
    for n in nodes.iter() {
        if let Some(p) = n.parent {
            count[p] += 1;
        }
    }
    for (n, &c) in nodes.iter_mut().zip(&count) {
        n.children = vec![0; c as usize].into_boxed_slice();
    }
    count.iter_mut().for_each(|c| *c = 0);
    for i in 0..nodes.len() {
        if let Some(p) = nodes[i].parent {
            nodes[p].children[count[p] as usize] = i;
            count[p] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends() {
        let t = "a\r\nb\rc\n\nd";
        let got: Vec<&str> = lines(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert_eq!(lines("x\n").len(), 2);
        assert_eq!(lines("").len(), 1);
    }

    #[test]
    fn date_lines_of_every_length() {
        for d in [
            "2022-4-2",
            "2022年6月8日",
            " 2022 年 12 月 31 日 ",
            "二〇二二年六月八日",
            "二〇二二年十二月三十一日",
            "二〇二二年一十二月三十一日",
        ] {
            assert!(is_date_line(d), "{d}");
        }
        for d in [
            "二〇二二年一十二月三十一日印发",
            "2022年6月8日起施行",
            "附件",
        ] {
            assert!(!is_date_line(d), "{d}");
        }
    }

    #[test]
    fn squeeze_spaces_between_han() {
        assert_eq!(squeeze("总　　则"), "总则");
        assert_eq!(squeeze("国 家 粮 食"), "国家粮食");
        assert_eq!(squeeze("5G 网络 a b"), "5G 网络 a b");
    }

    #[test]
    fn nests_by_style_and_skips_levels() {
        let t = "标题\n正文。\n一、总体要求\n二、促进\n1.全面。\n2.加大。\n三、发展\n(一)现代金融\n3.加大。\n(1)细项。\n";
        let o = parse(t);
        let kinds: Vec<_> = o
            .nodes
            .iter()
            .map(|n| (n.kind(), n.number(), n.parent))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("chapter", 1, None),
                ("chapter", 2, None),
                ("item", 1, Some(1)),
                ("item", 2, Some(1)),
                ("chapter", 3, None),
                ("section", 1, Some(4)),
                ("item", 3, Some(5)),
                ("subitem", 1, Some(6)),
            ]
        );
        assert_eq!(o.roots, vec![0, 1, 4]);
        assert_eq!(o.nodes[2].title(t), "全面");
    }

    #[test]
    fn trailer_and_toc() {
        let t = "标题\n正文。\n目录\n一、甲\n二、乙\n一、甲\n内容。\n二、乙\n内容。\n国务院\n2019年1月12日\n（此件公开发布）\na\n";
        let o = parse(t);
        assert_eq!(o.nodes.len(), 2);
        let reasons: Vec<_> = o
            .skipped
            .iter()
            .map(|s| (s.reason, &t[s.range.clone()]))
            .collect();
        assert!(
            reasons.contains(&("toc", "目录\n一、甲\n二、乙")),
            "{reasons:?}"
        );
        assert!(reasons.contains(&("junk", "a")));
        assert!(reasons.contains(&("signature", "国务院")));
        assert!(reasons.contains(&("note", "（此件公开发布）")));
        assert_eq!(&t[o.nodes[1].span.clone()], "二、乙\n内容。");
    }
}

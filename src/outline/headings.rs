//! Headings: which labels in the body start a node. A label at the start of a line
//! does (unless it opens a reference or continues a list of attachments); in a
//! document that lost its line breaks, a label inside a long line does when it
//! follows a sentence end and continues the numbering in force.

use crate::lexicon::Lexicon;
use crate::model::{Label, Style};
use crate::recognize::label::parse_label;
use crate::text::numeral::{cn_digit, digit_value};
use crate::text::span::Lines;
use crate::text::{is_han, is_ws, trim};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// A document has lost its line breaks when its longest line is longer than this (in
/// bytes) and holds at least [`FLATTENED_SHARE`] of the body.
const FLATTENED_LINE: usize = 1000;
/// See [`FLATTENED_LINE`]: three tenths.
const FLATTENED_SHARE: (usize, usize) = (3, 10);
/// In such a document, lines longer than this (in bytes) are searched for labels inside.
const INLINE_SEARCH_LINE: usize = 500;
/// A heading without a full stop runs straight into its first child
/// (`一、把实施好…精准性（一）研究…`) within this many characters (and 4× the bytes).
const RUN_ON_HEADING_CHARS: usize = 80;
/// The word before the colon of a list opener (`注：1.…`) is short.
const LIST_OPENER_CHARS: usize = 4;
/// …and the colon stands within this many bytes of the line start.
const LIST_OPENER_BYTES: usize = 16;

/// A document holds at most this many nodes, and one more for every
/// [`BYTES_PER_NODE`] bytes of its text: more than any real document (the seed has one
/// node in 340 bytes), and few enough that ten megabytes of `1.` on every line take tens
/// of megabytes, not hundreds. Headings past the cap are counted and reported
/// (`truncated`); their text stays in the node before.
pub(crate) const MIN_NODES: usize = 10_000;
/// See [`MIN_NODES`].
pub(crate) const BYTES_PER_NODE: usize = 128;

/// Headings past the cap: how many, and where the first was.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LeftOut {
    pub(crate) count: usize,
    pub(crate) first: usize,
    pub(crate) max: usize,
}

/// A heading found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub(crate) at: usize,
    pub(crate) label: Label,
}

/// Characters after which a label inside a line may start a heading.
fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '：' | ':' | '）' | ')')
}

/// Words after 第…章/节/条 that show a reference, not a heading (`第三条规定的`).
fn reference_after(rest: &str, lex: &Lexicon) -> bool {
    lex.reference_after.prefix_of(rest).is_some()
}

/// `附件：1.…`, `注：1、…`, `说明：1.…`: a short word and a colon before a list's first label.
fn list_opener<'s>(s: &'s str, lex: &Lexicon) -> Option<&'s str> {
    if let Some(w) = lex.attachment_words.prefix_of(s) {
        return Some(s[w.len()..].trim_start_matches([':', '：']));
    }
    // The word before the colon is short: look no further than a few characters.
    let near = &s[..crate::text::floor_boundary(s, LIST_OPENER_BYTES)];
    let colon = near.find(['：', ':'])?;
    let head = &s[..colon];
    let rest = s[colon..].trim_start_matches([':', '：']);
    (head.chars().count() <= LIST_OPENER_CHARS
        && head.chars().all(is_han)
        && parse_label(rest).is_some_and(|l| l.number == 1))
    .then_some(rest)
}

struct Scanner<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    last: HashMap<Style, u64>,
    prev_rank: Option<u8>,
    prev_at: usize,
    headings: Vec<Heading>,
    left_out: LeftOut,
}

impl Scanner<'_> {
    fn push(&mut self, at: usize, label: Label) {
        if self.headings.len() >= self.left_out.max {
            if self.left_out.count == 0 {
                self.left_out.first = at;
            }
            self.left_out.count += 1;
            return;
        }
        self.last.insert(label.style, label.number);
        self.prev_rank = Some(label.style.rank());
        self.prev_at = at + label.len as usize;
        self.headings.push(Heading { at, label });
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
            let starts = digit_value(c).is_some()
                || matches!(c, '(' | '（' | '第' | '①'..='⑳')
                || cn_digit(c).is_some()
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
            // A heading that has no full stop runs straight into its first child.
            let since = &self.text[self.prev_at..at];
            let in_heading = !self.headings.is_empty()
                && since.len() <= 4 * RUN_ON_HEADING_CHARS
                && since.chars().count() <= RUN_ON_HEADING_CHARS
                && !since.contains(['。', '；', '）', ')']);
            if (after_end || in_heading)
                && self.continues(&l)
                && !reference_after(&s[i + l.len as usize..], self.lex)
                && p != Some('第')
            {
                self.push(at, l);
            }
        }
    }
}

/// The headings of the body, in document order.
pub(crate) fn find(
    text: &str,
    lines: &Lines,
    body: &Range<usize>,
    toc: Option<&Range<usize>>,
    lex: &Lexicon,
) -> (Vec<Heading>, LeftOut) {
    let longest = lines.iter().map(|r| r.len()).max().unwrap_or(0);
    let flattened =
        longest > FLATTENED_LINE && longest * FLATTENED_SHARE.1 >= body.len() * FLATTENED_SHARE.0;
    let mut sc = Scanner {
        text,
        lex,
        last: HashMap::default(),
        prev_rank: None,
        prev_at: body.start,
        headings: Vec::new(),
        left_out: LeftOut {
            max: MIN_NODES + text.len() / BYTES_PER_NODE,
            ..LeftOut::default()
        },
    };
    let mut in_attachments: Option<u64> = None;
    for r in lines.iter() {
        let r = &(r.start.max(body.start)..r.end.min(body.end));
        if r.is_empty() || toc.is_some_and(|t| t.contains(&r.start)) {
            continue;
        }
        let t = trim(text, r.clone());
        if t.is_empty() {
            continue;
        }
        let s = &text[t.clone()];
        // `附件：1.…`, `注：1、…` open a list; the lines that go on numbering it are not headings.
        if let Some(rest) = list_opener(s, lex) {
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
            if l.style.is_di() && reference_after(rest, lex) {
                line_label = None;
            }
        }
        if let Some(l) = line_label {
            sc.push(t.start, l);
        }
        if flattened && t.len() > INLINE_SEARCH_LINE {
            let from = line_label.map_or(t.start, |l| t.start + l.len as usize);
            sc.inline(from..t.end);
        }
    }
    (sc.headings, sc.left_out)
}

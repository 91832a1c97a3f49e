//! Headings: which labels in the body start a node. A label at the start of a line
//! does (unless it opens a reference or continues a list of attachments); in a
//! document that lost its line breaks, a label inside a long line does when it
//! follows a sentence end and continues the numbering in force.

use crate::lexicon::Lexicon;
use crate::model::{Label, Style};
use crate::recognize::label::{ambiguous_dot_label, parse_label};
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

/// A line of a list of attachments or notes wrapped onto the next line is short.
const WRAPPED_LIST_LINE: usize = 40;

/// A document holds at most this many nodes, and one more for every
/// [`BYTES_PER_NODE`] bytes of its text: more than any real document (the seed has one
/// node in 340 bytes), and few enough that ten megabytes of `1.` on every line take tens
/// of megabytes, not hundreds. Headings past the cap are counted and reported
/// (`truncated`); their text stays in the node before.
pub(crate) const MIN_NODES: usize = 10_000;
/// See [`MIN_NODES`].
pub(crate) const BYTES_PER_NODE: usize = 192;

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
    let mut ambiguous: Vec<Heading> = Vec::new();
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
        // A title of the list wrapped onto the next line keeps the list going.
        if line_label.is_none()
            && in_attachments.is_some()
            && s.chars().count() <= WRAPPED_LIST_LINE
            && !s.contains('。')
        {
            continue;
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
        } else if let Some((l, rest)) = ambiguous_dot_label(s) {
            // No more of them are weighed than nodes may be kept: a text of a million
            // `1.5个` lines holds them in bounded memory.
            if ambiguous.len() < sc.left_out.max && starts_with_quantity(rest, lex) {
                ambiguous.push(Heading {
                    at: t.start,
                    label: l,
                });
            }
        }
        if flattened && t.len() > INLINE_SEARCH_LINE {
            let from = line_label.map_or(t.start, |l| t.start + l.len as usize);
            sc.inline(from..t.end);
        }
    }
    drop_table_cells(text, lines, &mut sc.headings);
    let room = sc.left_out.max.saturating_sub(sc.headings.len());
    let room = room.saturating_sub(in_sequence(&mut sc.headings, ambiguous, room));
    let room = room.saturating_sub(fill_gaps(text, &mut sc.headings, lex, room));
    let room = room.saturating_sub(last_run_in(text, &mut sc.headings, body.end, lex, room));
    run_on_articles(text, &mut sc.headings, body.end, lex, room);
    (sc.headings, sc.left_out)
}

/// `…制定本办法。第二条　本办法所称…`: articles run together inside a line, in a document
/// that otherwise has its line breaks. After an article, a `第N条` that follows a full
/// stop and is the next number is the next article (`第二条规定的` is a reference). At
/// most `room` are added.
fn run_on_articles(
    text: &str,
    headings: &mut Vec<Heading>,
    body_end: usize,
    lex: &Lexicon,
    room: usize,
) {
    let mut found: Vec<Heading> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        if h.label.style != Style::Tiao {
            continue;
        }
        let end = headings.get(k + 1).map_or(body_end, |n| n.at);
        let mut want = h.label.number + 1;
        // The next article written as its own heading ends the search.
        if headings[k + 1..]
            .iter()
            .find(|n| n.label.style == Style::Tiao)
            .is_some_and(|n| n.label.number == want && n.at == end)
        {
            continue;
        }
        let from = h.at + h.label.len as usize;
        for (i, _) in text[from..end].match_indices("。第") {
            let at = from + i + '。'.len_utf8();
            if found.len() >= room {
                break;
            }
            let Some(l) = parse_label(&text[at..]) else {
                continue;
            };
            if l.style == Style::Tiao
                && l.number == want
                && !reference_after(&text[at + l.len as usize..], lex)
            {
                found.push(Heading { at, label: l });
                want += 1;
            }
        }
    }
    add(headings, found);
}

/// `4\t以个人身份参保的其他城乡居民` between `3\t…\t…` and `5\t…\t…`: a table's row whose
/// other cells are empty reads like a one-level decimal heading (`1　总则`); a line next
/// to it that is a row of cells (a number, a tab, and another tab) says it is a row too.
fn drop_table_cells(text: &str, lines: &Lines, headings: &mut Vec<Heading>) {
    let row = |r: Range<usize>| {
        let s = &text[r];
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && s[digits..].starts_with('\t') && s[digits + 1..].contains('\t')
    };
    headings.retain(|h| {
        if !(h.label.style == Style::Dec1 && h.label.punct == '\t') {
            return true;
        }
        let k = lines.index_of(h.at);
        let near = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| j < lines.len())
            .any(|j| row(lines.get(j)));
        !near
    });
}

/// `…按期完成。（四）强化组织保障。…`: the last label of a list run into the paragraph of
/// the one before, where no gap shows it. Taken only after the label before it (same
/// style, same parent, one less) ended a list, after a full stop, with the same
/// punctuation, and only when a short heading sentence follows it (no comma, at most
/// [`RUN_IN_TITLE_CHARS`] characters to its `。`). At most `room` are added.
fn last_run_in(
    text: &str,
    headings: &mut Vec<Heading>,
    body_end: usize,
    lex: &Lexicon,
    room: usize,
) -> usize {
    let mut found: Vec<Heading> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        let style = h.label.style;
        if style.is_di() || style.is_decimal() || style == Style::Row || found.len() >= room {
            continue;
        }
        let same_after = sibling(headings[k + 1..].iter(), style).is_some();
        let before = sibling(headings[..k].iter().rev(), style);
        if same_after || before.is_none_or(|b| b.label.number + 1 != h.label.number) {
            continue;
        }
        let end = headings.get(k + 1).map_or(body_end, |n| n.at);
        let from = h.at + h.label.len as usize;
        for (i, _) in text[from..end].match_indices('。') {
            let at = from + i + '。'.len_utf8();
            let Some(l) = parse_label(&text[at..end]) else {
                continue;
            };
            let rest = &text[at + l.len as usize..end];
            let title = rest.split('。').next().unwrap_or(rest);
            if l.style == style
                && l.number == h.label.number + 1
                && l.punct == h.label.punct
                && l.open == h.label.open
                && rest.contains('。')
                && title.chars().count() <= RUN_IN_TITLE_CHARS
                && !title.contains(['，', ',', '；', '：', '\n'])
                && !reference_after(rest, lex)
            {
                found.push(Heading { at, label: l });
                break;
            }
        }
    }
    add(headings, found)
}

/// See [`last_run_in`].
const RUN_IN_TITLE_CHARS: usize = 30;

/// The nearest heading of `style` in `hs` (headings after one, or before it in reverse)
/// with no heading of an outer style between: its next or previous sibling.
fn sibling<'h>(hs: impl Iterator<Item = &'h Heading>, style: Style) -> Option<&'h Heading> {
    let rank = style.rank();
    hs.take_while(|h| h.label.style.rank() >= rank)
        .find(|h| h.label.style == style)
}

/// Puts headings found after the line pass among the others, in document order; gives
/// how many.
fn add(headings: &mut Vec<Heading>, mut found: Vec<Heading>) -> usize {
    let added = found.len();
    if added > 0 {
        headings.append(&mut found);
        headings.sort_by_key(|h| h.at);
    }
    added
}

/// `300家企业`, `100周岁`: digits, then a measure (万 and 亿 may come between).
fn starts_with_quantity(rest: &str, lex: &Lexicon) -> bool {
    let after = rest.trim_start_matches(|c: char| digit_value(c).is_some() || c == '.');
    let after = after.trim_start_matches(['万', '亿']);
    after.starts_with(['%', '％']) || lex.measures.at(after).next().is_some()
}

/// Adds the labels read two ways (`8.300家…`) that continue the sequence around them:
/// the heading of their style before them (with no outer heading between) is one less,
/// or the one after is one more. Gives how many were added (at most `room`).
fn in_sequence(headings: &mut Vec<Heading>, ambiguous: Vec<Heading>, room: usize) -> usize {
    let mut take = Vec::new();
    for a in ambiguous {
        if take.len() >= room {
            break;
        }
        let k = headings.partition_point(|h| h.at < a.at);
        let style = a.label.style;
        let prev = sibling(headings[..k].iter().rev(), style);
        let next = sibling(headings[k..].iter(), style);
        let n = a.label.number;
        if prev.is_some_and(|p| p.label.number + 1 == n)
            || next.is_some_and(|x| x.label.number == n + 1)
        {
            take.push(a);
        }
    }
    add(headings, take)
}

/// Characters after which a label run into the end of a paragraph may stand: a sentence
/// end, or the bracket that closes a responsibility clause (`…〕2.优化…`).
fn paragraph_end(c: char) -> bool {
    sentence_end(c) || matches!(c, '〕' | ']' | '］' | '】')
}

/// Labels run into the end of the paragraph before (`…按期完成。（四）强化…`) in a document
/// that otherwise has its line breaks. Only where the numbering has a gap: when the
/// headings of one style under one parent go 3, 5, the text between them is searched
/// for a `4` of that style after a sentence end, so that no label inside a sentence is
/// ever taken and a numbering without gaps is never touched. At most `room` are added;
/// gives how many were.
fn fill_gaps(text: &str, headings: &mut Vec<Heading>, lex: &Lexicon, room: usize) -> usize {
    let mut found: Vec<Heading> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        let Some(next) = sibling(headings[k + 1..].iter(), h.label.style) else {
            continue;
        };
        let (from, to) = (h.label.number, next.label.number);
        if to <= from + 1 || to - from > 3 {
            continue;
        }
        let mut want = from + 1;
        let at = h.at + h.label.len as usize;
        let mut prev: Option<char> = None;
        for (i, c) in text[at..next.at].char_indices() {
            // The last character before, white space passed over (`。 3.在…`).
            let p = prev;
            if !is_ws(c) {
                prev = Some(c);
            }
            if want >= to || found.len() >= room || !p.is_some_and(paragraph_end) {
                continue;
            }
            let here = at + i;
            let Some(l) = parse_label(&text[here..]) else {
                continue;
            };
            if l.style == h.label.style
                && l.number == want
                && l.punct == h.label.punct
                && l.open == h.label.open
                && !reference_after(&text[here + l.len as usize..], lex)
            {
                found.push(Heading { at: here, label: l });
                want += 1;
            }
        }
    }
    add(headings, found)
}

//! Quantities and targets (量化指标).
//!
//! Takes the text of a node (or the preamble); gives every quantity in it, in
//! reading order: its normalized value, unit, qualifier (以上/以下 include the
//! number itself, 超过/不满 do not: 民法典 art. 1259), range or change, whether
//! the text commits to reaching it (`target`) and by when (`deadline`).
//! Years, dates, document numbers, ordinals, `5G` and quoted names are not quantities.

use super::cap::{cap_report, Cap};
use crate::lexicon::{Lexicon, Measure};
use crate::model::{Diagnostic, Document, Lang, Qualifier, Quantity};
use crate::recognize::date::deadlines;
use crate::text::charset::CharSet;
use crate::text::numeral::{
    cn_digit, digit_value, is_cn_numeral_char, parse_number, round_sig, Number,
};
use crate::text::{ceil_boundary, floor_boundary};
use std::ops::Range;
use std::sync::Arc;

/// Finds the quantities of every node's text and of the preamble.
///
/// A document holds at most [`MIN_QUANTITIES`] quantities and one more for every
/// [`BYTES_PER_QUANTITY`] bytes of its text; past that they are counted, not kept, and
/// one `truncated` report says how many (the text itself is kept as it is).
pub(crate) fn fill(doc: &mut Document, lex: &Lexicon, lang: Lang) -> Option<Diagnostic> {
    let Document {
        text,
        nodes,
        preamble,
        ..
    } = doc;
    let mut budget = Cap::new(MIN_QUANTITIES, BYTES_PER_QUANTITY, text.len());
    // The quantities of the node being read, moved out into a list of their size. A
    // long text gets room for as many as it may hold at once, rather than by doubling
    // (which would need half as much again while it grows).
    let mut found = Vec::new();
    let mut ends = Ends::default();
    let mut read = |r: &Range<usize>, budget: &mut Cap| {
        if r.len() > LONG_TEXT {
            let mut own = Vec::with_capacity(budget.left.min(r.len() / 8));
            find_into(text, r.clone(), lex, &mut own, budget, &mut ends);
            crate::model::exact(own)
        } else {
            find_into(text, r.clone(), lex, &mut found, budget, &mut ends);
            crate::model::take_exact(&mut found)
        }
    };
    if let Some(p) = preamble {
        p.quantities = read(&p.range, &mut budget).into_vec();
    }
    for n in nodes.iter_mut() {
        n.quantities = read(&n.text_range, &mut budget);
    }
    cap_report!(budget, lang, "quantities-left-out", "note-quantities-cap")
}

/// More quantities than any real document has (the seed has one in 500 bytes), and few
/// enough that ten megabytes of `1个` take tens of megabytes: see [`fill`].
const MIN_QUANTITIES: usize = 10_000;
const BYTES_PER_QUANTITY: usize = 128;

/// A text longer than this (in bytes) gets its room for quantities at once.
const LONG_TEXT: usize = 1 << 16;

/// Finds the quantities in `range` of `text`, every one of them.
pub(crate) fn find(text: &str, range: Range<usize>, lex: &Lexicon) -> Vec<Quantity> {
    let mut out = Vec::new();
    find_into(
        text,
        range,
        lex,
        &mut out,
        &mut Cap::none(),
        &mut Ends::default(),
    );
    out
}

/// Where a number can start.
static CANDIDATE: CharSet = CharSet::new(&[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '〇', '零', '一', '二', '两', '兩', '倆', '三', '四', '五', '六', '七', '八',
    '九', '十', '百', '千', '万', '萬', '亿', '億', '壹', '贰', '貳', '叁', '參', '肆', '伍', '陆',
    '陸', '柒', '捌', '玖', '拾', '佰', '仟',
]);

/// Where a web address or an opening quote or bracket may start.
static EXCLUDED_START: CharSet = CharSet::new(&[
    'h', 'H', 'w', 'W', '“', '"', '「', '〔', '《', '[', '［', '【',
]);

/// Everything [`find_into`] stops at.
static SCAN: CharSet = CANDIDATE.union(&EXCLUDED_START);

/// A quoted name holds at most this many characters (`“1+3+N”`); a bracketed year
/// (〔2022〕) at most [`LONGEST_BRACKETED`]; a title (《…》) at most [`LONGEST_TITLE`].
const LONGEST_QUOTED: usize = 40;
const LONGEST_BRACKETED: usize = 8;
const LONGEST_TITLE: usize = 120;
/// A change's second number follows its first within this many characters
/// (`由36个月压减至24个月`).
const CHANGE_ZONE: usize = 8;
/// How far a sentence or clause is looked for around a quantity, in bytes: bounds the
/// work on text without punctuation.
const CONTEXT: usize = 600;
/// The text whose sentence and clause ends are found at once (in bytes, with
/// [`CONTEXT`] on either side).
const ENDS_WINDOW: usize = 1 << 16;
/// Years: a four-digit number in this range before 年 or a date separator is a year.
const YEARS: std::ops::RangeInclusive<f64> = 1900.0..=2100.0;
/// A ratio has at most this many parts (`2:2:4:2`); a longer run of numbers apart by
/// colons is none.
const MOST_PARTS: usize = 16;
/// Tenths (`七成`) are at most ten.
const MOST_TENTHS: f64 = 10.0;
/// `十大产业` counts programmes; above this it is a name (`十九大`, a party congress).
const MOST_PROGRAMMES: f64 = 10.0;

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// The end of the stretch of `s` from `at` that holds no quantities, when the
/// character `c` there opens one: a quoted name (`“1+3+N”`, `“431”工程`), a
/// bracketed year (〔2022〕), a title (《…》) or a web address.
fn excluded_at(s: &str, at: usize, c: char) -> Option<usize> {
    if c.is_ascii_alphabetic() {
        return url_at(&s[at..]).map(|n| at + n);
    }
    let (close, max) = match c {
        '“' => ('”', LONGEST_QUOTED),
        '"' => ('"', LONGEST_QUOTED),
        '「' => ('」', LONGEST_QUOTED),
        '〔' => ('〕', LONGEST_BRACKETED),
        '《' => ('》', LONGEST_TITLE),
        '[' => (']', LONGEST_BRACKETED),
        '［' => ('］', LONGEST_BRACKETED),
        _ => ('】', LONGEST_BRACKETED),
    };
    let after = at + c.len_utf8();
    let hi = ceil_boundary(s, after + max * 4);
    let k = s[after..hi].find(close)?;
    (s[after..after + k].chars().count() <= max).then(|| after + k + close.len_utf8())
}

/// Length of the web address (`http://…`, `https://…`, `www.…`) at the start of `s`.
fn url_at(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let prefix = ["https://", "http://", "www."]
        .into_iter()
        .find(|p| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()))?;
    let n = b[prefix.len()..]
        .iter()
        .take_while(|&&x| (0x21..=0x7e).contains(&x))
        .count();
    (n > 0).then_some(prefix.len() + n)
}

/// The measure at the start of `s`. After a Chinese numeral: units of two or more
/// characters, or those marked `cn` (一批 is no quantity, 三批 is).
fn measure_at<'l>(s: &str, cn: bool, lex: &'l Lexicon) -> Option<&'l Measure> {
    lex.measures
        .at(s)
        .find(|m| !cn || m.after_cn || m.text.chars().count() >= 2)
}

/// A number with its unit, as read at one place.
#[derive(Debug, Clone)]
struct Reading<'l> {
    /// Where the digits start (after `百分之`).
    at: usize,
    num: Number,
    value: f64,
    /// The unit, if a measure follows (or a percentage was read).
    unit: Option<&'l Arc<str>>,
    /// The measure counts programmes (十大产业).
    programme: bool,
    /// End of number and unit (bytes, relative to the scanned string).
    end: usize,
}

impl Reading<'_> {
    fn same_unit(&self, other: &Reading) -> bool {
        match (self.unit, other.unit) {
            (Some(a), Some(b)) => a == b,
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// Reads a number and the unit after it at byte `i` of `s`: `百分之五` and `千分之三`
/// (as %), `七成` (70 %), `-22.2%`, `3万个`, `1000亿元`, `100万千瓦`.
fn read_at<'l>(s: &str, i: usize, lex: &'l Lexicon) -> Option<Reading<'l>> {
    let rest = &s[i..];
    let percent = Some(&lex.derived.percent);
    if let Some((prefix, per)) = lex.per_prefixes.prefix_of(rest) {
        let p = &rest[prefix.len()..];
        let at = i + prefix.len();
        if p.starts_with('百') && !p[3..].starts_with(|c: char| is_cn_numeral_char(c)) {
            // 百分之百
            let num = Number {
                value: 100.0,
                len: 3,
                arabic: false,
                approx: false,
            };
            return Some(Reading {
                at,
                num,
                value: 100.0 * per,
                unit: percent,
                programme: false,
                end: at + 3,
            });
        }
        let num = parse_number(p)?;
        return Some(Reading {
            at,
            num,
            value: num.value * per,
            unit: percent,
            programme: false,
            end: at + num.len,
        });
    }
    let mut num = parse_number(rest)?;
    let mut value = num.value;
    // A compound unit keeps its 万/亿: 100万千瓦 → 100 万千瓦; a unit that starts with
    // a numeral character keeps it: 12千米 is 12 千米, not 12000 米.
    let text = &rest[..num.len];
    for mult in ['万', '亿', '千', '百'] {
        if let Some(head) = text.strip_suffix(mult) {
            let tail = &rest[num.len - mult.len_utf8()..];
            let keeps = lex
                .measures
                .at(tail)
                .any(|m| m.compound || m.text.starts_with(mult));
            if keeps && !head.is_empty() {
                if let Some(n) = parse_number(head).filter(|n| n.len == head.len()) {
                    num = n;
                    value = n.value;
                }
            }
        }
    }
    let after = &rest[num.len..];
    let after_trim = after.trim_start_matches([' ', '\u{3000}']);
    let gap = after.len() - after_trim.len();
    // `七成`, `三成半`: tenths, as a percentage (not 成员, 成本, 成果, 成效…).
    if let Some(t) = after_trim.strip_prefix('成') {
        if lex.tenths_not.prefix_of(t).is_none() && value <= MOST_TENTHS {
            let half = t.starts_with('半');
            let end = i + num.len + gap + '成'.len_utf8() + if half { '半'.len_utf8() } else { 0 };
            let value = value * 10.0 + if half { 5.0 } else { 0.0 };
            return Some(Reading {
                at: i,
                num,
                value,
                unit: percent,
                programme: false,
                end,
            });
        }
    }
    let m = measure_at(after_trim, !num.arabic, lex);
    if let Some(m) = m {
        value *= m.factor;
    }
    let end = i + num.len + m.map_or(0, |m| gap + m.text.len());
    Some(Reading {
        at: i,
        num,
        value,
        unit: m.map(|m| &m.unit),
        programme: m.is_some_and(|m| m.programme),
        end,
    })
}

/// A minus sign right before the number at `i` (`-22.2%`, `负3%`), not a range dash.
fn negative_sign(s: &str, i: usize) -> Option<usize> {
    let before = &s[..i];
    let sign = ['-', '－', '−', '负', '負']
        .into_iter()
        .find(|c| before.ends_with(*c))?;
    let prev = before[..before.len() - sign.len_utf8()].chars().next_back();
    let joined =
        prev.is_some_and(|c| is_digit(c) || is_cn_numeral_char(c) || c.is_ascii_alphanumeric());
    (!joined).then_some(sign.len_utf8())
}

/// Whether a number at `i` stands where quantities do not: after 第 (ordinals), inside
/// another token (`G20`, `1.5` already read), or as a year, month, day or number (号).
fn not_a_quantity(s: &str, i: usize, r: &Reading) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[r.at + r.num.len..].chars().next();
    if before.is_some_and(|c| {
        c == '第' || c.is_ascii_alphanumeric() || c == '.' || c == '．' || is_digit(c)
    }) {
        return true;
    }
    if before.is_some_and(is_cn_numeral_char) && !r.num.arabic {
        return true;
    }
    if after.is_some_and(|c| c.is_ascii_alphabetic() || c == '+' || c == '＋') {
        return true;
    }
    let text = &s[r.at..r.at + r.num.len];
    let rest = &s[r.at + r.num.len..];
    // Years: 2022年, 2022年度, 二〇二二年, 2022-04-22, 2022.4
    let is_year_number =
        YEARS.contains(&r.num.value) && r.num.value.fract() == 0.0 && text.chars().count() == 4;
    if is_year_number
        && (rest.starts_with('年')
            || rest.starts_with(['-', '/', '.', '．', '—', '〕', ']', '）', ')']))
    {
        return true;
    }
    if !r.num.arabic && text.chars().count() == 4 && text.chars().all(|c| cn_digit(c).is_some()) {
        return true;
    }
    // Months and days: 4月, 22日 after a month, 35号.
    if rest.starts_with('月') && r.num.value <= 12.0 {
        return true;
    }
    if rest.starts_with(['日', '号']) && before.is_some_and(|c| c == '月') {
        return true;
    }
    rest.starts_with('号')
}

fn empty(range: Range<usize>, value: f64, unit: Arc<str>, qualifier: Qualifier) -> Quantity {
    Quantity {
        range,
        value,
        unit,
        qualifier,
        other: 0.0,
        parts: Box::default(),
        target: false,
        deadline: None,
    }
}

/// [`find`], appending to `out`; `ends` is room for the ends of the text's sentences.
fn find_into(
    text: &str,
    range: Range<usize>,
    lex: &Lexicon,
    out: &mut Vec<Quantity>,
    budget: &mut Cap,
    ends: &mut Ends,
) {
    let s = &text[range.clone()];
    let first = out.len();
    let mut i = 0;
    // Only where a number can start, or where a stretch without quantities opens;
    // `i` is where the next reading may begin.
    while let Some(at) = SCAN.find_from(s, i) {
        i = at;
        let c = s[i..].chars().next().expect("a character was found here");
        let next = i + c.len_utf8();
        if EXCLUDED_START.contains(c) {
            i = excluded_at(s, i, c).unwrap_or(next);
            continue;
        }
        let starts = is_digit(c)
            || (is_cn_numeral_char(c) && !matches!(c, '万' | '亿' | '萬' | '億'))
            || (matches!(c, '百' | '千' | '仟' | '万' | '萬' | '亿')
                && lex.per_prefixes.prefix_of(&s[i..]).is_some());
        if !starts {
            i = next;
            continue;
        }
        let Some(r) = read_at(s, i, lex) else {
            i = next;
            continue;
        };
        if not_a_quantity(s, i, &r) {
            i = (r.at + r.num.len).max(next);
            continue;
        }
        let mut end = r.at + r.num.len;
        if let Some(mut q) = quantity_at(s, i, r, lex, &mut end) {
            if let (Some(n), true) = (
                negative_sign(s, q.range.start),
                q.qualifier == Qualifier::Exact && q.range.start == i,
            ) {
                q.range.start -= n;
                q.value = -q.value;
            }
            i = q.range.end.max(next);
            if budget.room(range.start + q.range.start) {
                out.push(q);
            }
        } else {
            i = end.max(next);
        }
    }
    let mut cues = Cues::default();
    // The sentence and clause ends are found around a run of quantities at a time
    // (within [`CONTEXT`] of them, the only ends `around` reads), so a text of a million
    // lines and few quantities does not list every line break.
    let mut window = 0..0;
    for q in out[first..].iter_mut() {
        if q.range.end + CONTEXT > window.end
            || q.range.start.saturating_sub(CONTEXT) < window.start
        {
            let lo = floor_boundary(s, q.range.start.saturating_sub(CONTEXT));
            let hi = ceil_boundary(s, q.range.end.max(q.range.start + ENDS_WINDOW) + CONTEXT);
            ends.find(s, lo..hi);
            window = lo..hi;
        }
        // 3 × 0.1 is 0.3, not 0.30000000000000004.
        q.value = round_sig(q.value);
        q.other = round_sig(q.other);
        // Ratios are shares, `十大…` names a programme: neither is a target.
        if q.qualifier != Qualifier::Ratio && !lex.measures.is_programme(&q.unit) {
            judge_target(s, ends, q, lex, &mut cues);
        }
        q.range = range.start + q.range.start..range.start + q.range.end;
        q.deadline = q
            .deadline
            .take()
            .map(|d| range.start + d.start..range.start + d.end);
    }
}

/// Builds the quantity that starts with the reading `r` at `i`, if it is one; when it is
/// none, `end` may be moved past text read that holds none either.
fn quantity_at(
    s: &str,
    i: usize,
    r: Reading,
    lex: &Lexicon,
    end_of_none: &mut usize,
) -> Option<Quantity> {
    let chinese = !r.num.arabic;
    // Chinese numerals count only with a counter: 三大, 五类, 三万个; `一` is an article,
    // but 百分之一 is a percentage.
    if chinese && (r.unit.is_none() || r.value == 1.0) && r.at == i {
        return None;
    }
    if chinese && r.programme && r.value > MOST_PROGRAMMES {
        return None; // 十九大: a party congress, not nineteen of something.
    }
    let after = &s[r.end..];
    // Ratio: 2:2:4:2, 5:5.
    if r.unit.is_none() && after.starts_with([':', '：']) {
        let mut parts = vec![r.value];
        let mut end = r.end;
        let mut count = 1;
        while let Some(rest) = s[end..].strip_prefix([':', '：']) {
            let Some(n) = parse_number(rest).filter(|n| n.arabic) else {
                break;
            };
            count += 1;
            if parts.len() <= MOST_PARTS {
                parts.push(n.value);
            }
            end = s.len() - rest.len() + n.len;
        }
        if count > MOST_PARTS {
            // A run of numbers apart by colons, read once and passed over whole.
            *end_of_none = end;
            return None;
        }
        if parts.len() < 2 {
            return None;
        }
        let mut q = empty(
            i..end,
            parts[0],
            lex.derived.ratio.clone(),
            Qualifier::Ratio,
        );
        q.parts = parts.into_boxed_slice();
        return Some(q);
    }
    // Change: 由36个月压减至24个月, 从…提高到….
    if let Some(lead) = lex.change_from.suffix_of(&s[..i]) {
        let zone = &after[..after
            .char_indices()
            .nth(CHANGE_ZONE)
            .map_or(after.len(), |(k, _)| k)];
        let to = lex
            .change_to
            .iter()
            .filter_map(|w| zone.find(w).map(|p| (p, w.len())))
            .min();
        if let Some((p, n)) = to {
            if let Some(r2) = read_at(s, r.end + p + n, lex) {
                if r2.num.len > 0 && (r2.same_unit(&r) || r.unit.is_none() || r2.unit.is_none()) {
                    let unit = r2.unit.or(r.unit);
                    let mut q = empty(
                        i - lead.len()..r2.end,
                        r2.value,
                        unit.cloned().unwrap_or_default(),
                        Qualifier::Change,
                    );
                    q.other = r.value;
                    return Some(q);
                }
            }
        }
    }
    // Range: 3-5个, 3—5个, 3至5个, 3个至5个.
    if let Some(n) = lex.range_connectors.prefix_of(after).map(str::len) {
        if let Some(r2) = read_at(s, r.end + n, lex) {
            if let Some(unit) = r2.unit.filter(|_| {
                r2.num.arabic == r.num.arabic
                    && (r.unit.is_none() || r.same_unit(&r2))
                    && r2.value >= r.value
            }) {
                let min = if r.unit.is_none() && r2.value != r2.num.value {
                    r.value * (r2.value / r2.num.value)
                } else {
                    r.value
                };
                let mut q = empty(i..r2.end, r2.value, unit.clone(), Qualifier::Range);
                q.other = r2.value;
                q.value = min;
                extend_after(s, &mut q, lex);
                return Some(q);
            }
        }
    }
    let mut q = empty(i..r.end, r.value, r.unit?.clone(), Qualifier::Exact);
    if r.num.approx {
        q.qualifier = Qualifier::MoreThan;
    }
    if let Some((w, qual)) = lex.qualifiers_before.suffix_of(&s[..i]) {
        q.qualifier = qual;
        q.range.start = i - w.len();
    }
    extend_after(s, &mut q, lex);
    // 人民币50元, 8亿元人民币: the currency's name belongs to the amount.
    for (name, unit) in &lex.currencies {
        if **unit != *q.unit {
            continue;
        }
        let before = s[..q.range.start].trim_end_matches([' ', '\u{3000}']);
        if before.ends_with(&**name) {
            q.range.start = before.len() - name.len();
        }
        if s[q.range.end..].starts_with(&**name) {
            q.range.end += name.len();
        }
    }
    Some(q)
}

/// Takes in a qualifier after the unit (`以上`, `左右`, `以内`).
fn extend_after(s: &str, q: &mut Quantity, lex: &Lexicon) {
    if let Some((w, qual)) = lex.qualifiers_after.prefix_of(&s[q.range.end..]) {
        if q.qualifier != Qualifier::Range {
            q.qualifier = qual;
        }
        q.range.end += w.len();
    } else if q.qualifier == Qualifier::Exact
        && s[q.range.end..].starts_with('内')
        && lex.durations.is(&q.unit)
    {
        q.qualifier = Qualifier::AtMost;
        q.range.end += '内'.len_utf8();
    }
}

/// Where the sentences and clauses of a stretch of text end: the byte offsets of their
/// closing characters, found in one pass over a window around the quantities (see
/// `find_into`), so that finding the sentence around each quantity is a search of a list
/// rather than a scan of the text (which was quadratic-like on long stretches without
/// punctuation). Kept from node to node, so its lists are allocated once.
#[derive(Default)]
struct Ends {
    /// `。！？；;` and line breaks (offsets in the text, four bytes each: a node's text
    /// is less than 4 GiB).
    sentence: Vec<u32>,
    /// Those and `，,：:`.
    clause: Vec<u32>,
}

impl Ends {
    /// The ends in `range` of `s` (offsets in `s`), in place of those found before.
    fn find(&mut self, s: &str, range: Range<usize>) {
        let Ends { sentence, clause } = self;
        sentence.clear();
        clause.clear();
        for (i, c) in s[range.clone()].char_indices() {
            let i = range.start + i;
            match c {
                '。' | '！' | '？' | '；' | ';' | '\n' | '\r' => {
                    sentence.push(i as u32);
                    clause.push(i as u32);
                }
                '，' | ',' | '：' | ':' => clause.push(i as u32),
                _ => {}
            }
        }
    }
}

/// The part of `s` around `at` between the nearest of the `ends`, within [`CONTEXT`].
fn around(s: &str, at: Range<usize>, ends: &[u32]) -> Range<usize> {
    let lo = floor_boundary(s, at.start.saturating_sub(CONTEXT));
    let hi = ceil_boundary(s, at.end + CONTEXT);
    let k = ends.partition_point(|&e| (e as usize) < at.start);
    let start = match k.checked_sub(1).map(|j| ends[j] as usize) {
        Some(e) if e >= lo => e + s[e..].chars().next().map_or(0, char::len_utf8),
        _ => lo,
    };
    let k = ends.partition_point(|&e| (e as usize) < at.end);
    let end = match ends.get(k).map(|&e| e as usize) {
        Some(e) if e < hi => e,
        _ => hi,
    };
    start..end
}

/// What the cue searches found in the last sentence and clause judged: quantities of one
/// sentence share them, so each search reads a sentence once.
#[derive(Default)]
struct Cues {
    clause: Option<(Range<usize>, bool)>,
    sentence: Option<Range<usize>>,
    target_cue: Option<bool>,
    /// The deadlines of the sentence, as ranges of `s`.
    deadlines: Option<Vec<Range<usize>>>,
}

fn judge_target(s: &str, ends: &Ends, q: &mut Quantity, lex: &Lexicon, cues: &mut Cues) {
    let sent = around(s, q.range.clone(), &ends.sentence);
    let cl = around(s, q.range.clone(), &ends.clause);
    let before = &s[cl.start..q.range.start];
    if cues.sentence.as_ref() != Some(&sent) {
        *cues = Cues {
            clause: cues.clause.take(),
            sentence: Some(sent.clone()),
            ..Cues::default()
        };
    }
    let not_target = match &cues.clause {
        Some((r, v)) if *r == cl => *v,
        _ => {
            let v = lex.not_target_cue().is_match(&s[cl.clone()]);
            cues.clause = Some((cl, v));
            v
        }
    };
    // `3年内培育200名…`: a period that opens its clause frames the commitment; it is not
    // one.
    let period = q.qualifier == Qualifier::AtMost
        && lex.durations.is(&q.unit)
        && s[..q.range.end].ends_with('内')
        && before.trim_matches(crate::text::is_ws).is_empty();
    let descriptive =
        s[..q.range.start].ends_with('等') || before.ends_with("的") || not_target || period;
    q.target = !descriptive
        && (q.qualifier == Qualifier::Change
            || *cues
                .target_cue
                .get_or_insert_with(|| lex.target_cue().is_match(&s[sent.clone()])));
    if q.target {
        // The deadline nearest before the quantity in its sentence, else after it.
        let all = cues.deadlines.get_or_insert_with(|| {
            deadlines(&s[sent.clone()])
                .map(|m| sent.start + m.start..sent.start + m.end)
                .collect()
        });
        let at = &q.range;
        let mut found = all
            .iter()
            .filter(|m| !(m.start < at.end && m.end > at.start));
        let before = found.clone().rfind(|m| m.end <= at.start);
        q.deadline = before.or_else(|| found.next()).cloned();
    }
}

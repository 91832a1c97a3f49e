//! Quantities and targets (量化指标).
//!
//! Takes the text of a node (or the preamble); gives every quantity in it, in
//! reading order: its normalized value, unit, qualifier (以上/以下 include the
//! number itself, 超过/不满 do not: 民法典 art. 1259), range or change, whether
//! the text commits to reaching it (`target`) and by when (`deadline`).
//! Years, dates, document numbers, ordinals, `5G` and quoted names are not quantities.

use crate::charset::CharSet;
use crate::numeral::{digit_value, is_cn_numeral_char, parse_number, round_sig, Number};
use crate::span::{ceil_boundary, floor_boundary};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub range: Range<usize>,
    pub value: f64,
    pub unit: &'static str,
    /// `exact`, `at_least`, `more_than`, `at_most`, `less_than`, `about`, `range`, `change`, `ratio`.
    pub qualifier: &'static str,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// The parts of a ratio (`2:2:4:2`).
    pub parts: Vec<f64>,
    pub target: bool,
    pub deadline: Option<String>,
}

struct Measure {
    text: &'static str,
    compound: bool,
    after_cn: bool,
}

static MEASURES: LazyLock<Vec<Measure>> = LazyLock::new(|| {
    let mut v: Vec<Measure> = include_str!("../../data/measures.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (unit, cn) = match l.strip_suffix(" cn") {
                Some(u) => (u, true),
                None => (l, false),
            };
            let (unit, compound) = match unit.strip_prefix('*') {
                Some(u) => (u, true),
                None => (unit, false),
            };
            Measure {
                text: unit,
                compound,
                after_cn: cn,
            }
        })
        .collect();
    v.sort_by_key(|m| std::cmp::Reverse(m.text.len()));
    v
});

/// Words that commit to reaching a number.
const TARGET_CUES: &[&str] = &[
    "达到",
    "力争",
    "新建",
    "新认定",
    "新增",
    "培育",
    "建成",
    "完成",
    "实现",
    "布局建设",
    "建设",
    "降至",
    "降到",
    "压减",
    "压缩",
    "缩短",
    "打造",
    "引进",
    "评定",
    "创建",
    "实施",
    "认定",
    "争取",
    "突破",
    "确保",
    "提高到",
    "提高至",
    "提升至",
    "提升到",
    "增加到",
    "增至",
    "控制在",
    "保持在",
    "稳定在",
    "新开工",
    "开工",
    "建立",
    "选树",
    "遴选",
    "扶持",
    "招引",
    "吸引",
    "新培育",
    "改造",
    "覆盖",
    "累计",
    "每年",
    "年均",
    "不少于",
    "不低于",
    "以上",
    "超过",
];

/// Where a number can start.
static CANDIDATE: CharSet = CharSet::new(&[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '〇', '零', '一', '二', '两', '兩', '倆', '三', '四', '五', '六', '七', '八',
    '九', '十', '百', '千', '万', '萬', '亿', '億', '壹', '贰', '貳', '叁', '參', '肆', '伍', '陆',
    '陸', '柒', '捌', '玖', '拾', '佰', '仟',
]);

/// A regex that finds any of `words` (the regex crate builds a fast multi-literal search).
fn any_of(words: &[&str]) -> Regex {
    Regex::new(
        &words
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|"),
    )
    .unwrap()
}

static TARGET_RE: LazyLock<Regex> = LazyLock::new(|| any_of(TARGET_CUES));
static NOT_TARGET_RE: LazyLock<Regex> = LazyLock::new(|| any_of(NOT_TARGET_CUES));

/// Words that make a number descriptive or a standard, not a target.
const NOT_TARGET_CUES: &[&str] = &[
    "给予",
    "奖励",
    "补助",
    "补贴",
    "奖补",
    "资助",
    "标准",
    "面向",
    "印发",
    "比例",
    "开具",
    "处方",
    "罚款",
    "以下的罚",
    "已经",
    "已有",
    "现有",
    "共有",
];

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:到|至|截至|截止到?)?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底前|末前|底|末|前|上半年|下半年|内)?|年底前|年内|全年|年底|当年|今年|明年").unwrap()
});

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
        '“' => ('”', 40),
        '"' => ('"', 40),
        '「' => ('」', 40),
        '〔' => ('〕', 8),
        '《' => ('》', 120),
        '[' => (']', 8),
        '［' => ('］', 8),
        _ => ('】', 8),
    };
    let after = at + c.len_utf8();
    let hi = ceil_boundary(s, after + max * 4);
    let k = s[after..hi].find(close)?;
    (s[after..after + k].chars().count() <= max).then(|| after + k + close.len_utf8())
}

/// Where a web address or an opening quote or bracket may start.
static EXCLUDED_START: CharSet = CharSet::new(&[
    'h', 'H', 'w', 'W', '“', '"', '「', '〔', '《', '[', '［', '【',
]);

/// Everything [`find`] stops at.
static SCAN: CharSet = CANDIDATE.union(&EXCLUDED_START);

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

/// The measures by their first character, longest first within each.
static BY_FIRST: LazyLock<rustc_hash::FxHashMap<char, Vec<&'static Measure>>> =
    LazyLock::new(|| {
        let mut m = rustc_hash::FxHashMap::<char, Vec<&'static Measure>>::default();
        for x in MEASURES.iter() {
            if let Some(c) = x.text.chars().next() {
                m.entry(c).or_default().push(x);
            }
        }
        m
    });

/// The measures that may start `s`, longest first.
fn measures_at(s: &str) -> &'static [&'static Measure] {
    s.chars()
        .next()
        .and_then(|c| BY_FIRST.get(&c))
        .map_or(&[], Vec::as_slice)
}

fn measure_at(s: &str, cn: bool) -> Option<&'static Measure> {
    // After a Chinese numeral: units of two or more characters, or those marked `cn`
    // (一批 is no quantity, 三批 is).
    measures_at(s)
        .iter()
        .copied()
        .find(|m| s.starts_with(m.text) && (!cn || m.after_cn || m.text.chars().count() >= 2))
}

/// A number with its unit, as read at one place.
#[derive(Debug, Clone)]
struct Reading {
    /// Where the digits start (after `百分之`).
    at: usize,
    num: Number,
    value: f64,
    unit: &'static str,
    /// End of number and unit (bytes, relative to the scanned string).
    end: usize,
}

/// Reads a number and the unit after it at byte `i` of `s`: `百分之五` and `千分之三`
/// (as %), `七成` (70 %), `-22.2%`, `3万个`, `1000亿元`, `100万千瓦`.
fn read_at(s: &str, i: usize) -> Option<Reading> {
    let rest = &s[i..];
    for (prefix, per) in PER {
        if let Some(p) = rest.strip_prefix(prefix) {
            if p.starts_with('百') && !p[3..].starts_with(|c: char| is_cn_numeral_char(c)) {
                // 百分之百
                let num = Number {
                    value: 100.0,
                    len: 3,
                    arabic: false,
                    approx: false,
                };
                let at = i + prefix.len();
                return Some(Reading {
                    at,
                    num,
                    value: 100.0 * per,
                    unit: "%",
                    end: at + 3,
                });
            }
            let num = parse_number(p)?;
            let at = i + prefix.len();
            return Some(Reading {
                at,
                num,
                value: num.value * per,
                unit: "%",
                end: at + num.len,
            });
        }
    }
    let mut num = parse_number(rest)?;
    let mut value = num.value;
    // A compound unit keeps its 万/亿: 100万千瓦 → 100 万千瓦; a unit that starts with
    // a numeral character keeps it: 12千米 is 12 千米, not 12000 米.
    let text = &rest[..num.len];
    for mult in ['万', '亿', '千', '百'] {
        if let Some(head) = text.strip_suffix(mult) {
            let tail = &rest[num.len - mult.len_utf8()..];
            let keeps = measures_at(tail)
                .iter()
                .any(|m| (m.compound || m.text.starts_with(mult)) && tail.starts_with(m.text));
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
        let word = [
            "员", "本", "果", "效", "为", "立", "功", "熟", "品", "交", "都", "型", "绩", "长",
            "分",
        ];
        if !word.iter().any(|w| t.starts_with(w)) && value <= 10.0 {
            let half = t.starts_with('半');
            let end = i + num.len + gap + '成'.len_utf8() + if half { '半'.len_utf8() } else { 0 };
            let value = value * 10.0 + if half { 5.0 } else { 0.0 };
            return Some(Reading {
                at: i,
                num,
                value,
                unit: "%",
                end,
            });
        }
    }
    let (unit, ulen) = match measure_at(after_trim, !num.arabic) {
        Some(m) => {
            let (u, v) = match m.text {
                "万元" => ("元", value * 1e4),
                "亿元" => ("元", value * 1e8),
                "％" => ("%", value),
                t => (t, value),
            };
            value = v;
            (u, m.text.len())
        }
        None => ("", 0),
    };
    let end = i + num.len + if ulen > 0 { gap + ulen } else { 0 };
    Some(Reading {
        at: i,
        num,
        value,
        unit,
        end,
    })
}

/// Parts-per prefixes, as percentages: 百分之五 = 5 %, 千分之三 = 0.3 %.
const PER: [(&str, f64); 8] = [
    ("百万分之", 1e-4),
    ("千万分之", 1e-5),
    ("亿分之", 1e-6),
    ("百分之", 1.0),
    ("千分之", 0.1),
    ("仟分之", 0.1),
    ("万分之", 0.01),
    ("萬分之", 0.01),
];

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
    let is_year_number = (1900.0..=2100.0).contains(&r.num.value)
        && r.num.value.fract() == 0.0
        && text.chars().count() == 4;
    if is_year_number
        && (rest.starts_with('年')
            || rest.starts_with(['-', '/', '.', '．', '—', '〕', ']', '）', ')']))
    {
        return true;
    }
    if !r.num.arabic
        && text.chars().count() == 4
        && text.chars().all(|c| crate::numeral::cn_digit(c).is_some())
    {
        return true;
    }
    // Months and days: 4月, 22日 after a month, 35号.
    if rest.starts_with('月') && r.unit != "个月" && r.num.value <= 12.0 {
        return true;
    }
    if rest.starts_with(['日', '号']) && before.is_some_and(|c| c == '月') {
        return true;
    }
    if rest.starts_with('号') {
        return true;
    }
    false
}

/// Qualifier words right before a number.
fn qualifier_before(s: &str, i: usize) -> Option<(&'static str, usize)> {
    const BEFORE: &[(&str, &str)] = &[
        ("不少于", "at_least"),
        ("不低于", "at_least"),
        ("至少", "at_least"),
        ("不超过", "at_most"),
        ("不高于", "at_most"),
        ("不多于", "at_most"),
        ("最多", "at_most"),
        ("超过", "more_than"),
        ("多于", "more_than"),
        ("高于", "more_than"),
        ("大于", "more_than"),
        ("逾", "more_than"),
        ("不足", "less_than"),
        ("不满", "less_than"),
        ("低于", "less_than"),
        ("少于", "less_than"),
        ("小于", "less_than"),
        ("大约", "about"),
        ("约", "about"),
        ("接近", "about"),
        ("近", "about"),
    ];
    BEFORE
        .iter()
        .find(|(w, _)| s[..i].ends_with(w))
        .map(|(w, q)| (*q, w.len()))
}

/// Qualifier words right after a number and its unit.
fn qualifier_after(s: &str) -> Option<(&'static str, usize)> {
    const AFTER: &[(&str, &str)] = &[
        ("及以上", "at_least"),
        ("以上", "at_least"),
        ("及以下", "at_most"),
        ("以下", "at_most"),
        ("以内", "at_most"),
        ("左右", "about"),
        ("上下", "about"),
    ];
    AFTER
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|(w, q)| (*q, w.len()))
}

fn range_connector(s: &str) -> Option<usize> {
    ["-", "—", "–", "－", "~", "～", "〜", "至", "到"]
        .iter()
        .find(|c| s.starts_with(**c))
        .map(|c| c.len())
        .map(|n| {
            if s.starts_with("——") {
                "——".len()
            } else {
                n
            }
        })
}

fn empty(range: Range<usize>, value: f64, unit: &'static str, qualifier: &'static str) -> Quantity {
    Quantity {
        range,
        value,
        unit,
        qualifier,
        min: None,
        max: None,
        from: None,
        to: None,
        parts: Vec::new(),
        target: false,
        deadline: None,
    }
}

/// Finds the quantities in `range` of `text`.
pub fn find(text: &str, range: Range<usize>) -> Vec<Quantity> {
    let mut out = Vec::new();
    find_into(text, range, &mut out);
    out
}

/// [`find`], appending to `out`.
pub(crate) fn find_into(text: &str, range: Range<usize>, out: &mut Vec<Quantity>) {
    let s = &text[range.clone()];
    let first = out.len();
    let mut i = 0;
    // Only where a number can start, or where a stretch without quantities opens;
    // `i` is where the next reading may begin.
    while let Some(at) = SCAN.find_from(s, i) {
        i = at;
        let c = s[i..].chars().next().unwrap();
        let next = i + c.len_utf8();
        if EXCLUDED_START.contains(c) {
            i = excluded_at(s, i, c).unwrap_or(next);
            continue;
        }
        let starts = is_digit(c)
            || (is_cn_numeral_char(c) && !matches!(c, '万' | '亿' | '萬' | '億'))
            || (matches!(c, '百' | '千' | '仟' | '万' | '萬' | '亿')
                && PER.iter().any(|(p, _)| s[i..].starts_with(p)));
        if !starts {
            i = next;
            continue;
        }
        let Some(r) = read_at(s, i) else {
            i = next;
            continue;
        };
        if not_a_quantity(s, i, &r) {
            i = (r.at + r.num.len).max(next);
            continue;
        }
        if let Some(mut q) = quantity_at(s, i, r.clone()) {
            if let (Some(n), true) = (
                negative_sign(s, q.range.start),
                q.qualifier == "exact" && q.range.start == i,
            ) {
                q.range.start -= n;
                q.value = -q.value;
            }
            i = q.range.end.max(next);
            out.push(q);
        } else {
            i = (r.at + r.num.len).max(next);
        }
    }
    let mut cues = Cues::default();
    for q in out[first..].iter_mut() {
        // 3 × 0.1 is 0.3, not 0.30000000000000004.
        q.value = round_sig(q.value);
        for v in [&mut q.min, &mut q.max, &mut q.from, &mut q.to]
            .into_iter()
            .flatten()
        {
            *v = round_sig(*v);
        }
        judge_target(s, q, &mut cues);
        q.range = range.start + q.range.start..range.start + q.range.end;
    }
}

/// Builds the quantity that starts with the reading `r` at `i`, if it is one.
fn quantity_at(s: &str, i: usize, r: Reading) -> Option<Quantity> {
    let chinese = !r.num.arabic;
    // Chinese numerals count only with a counter: 三大, 五类, 三万个; `一` is an article.
    if chinese && (r.unit.is_empty() || r.value == 1.0) && !s[i..].starts_with("百分之") {
        return None;
    }
    if chinese && r.unit == "大" && r.value > 10.0 {
        return None; // 十九大: a party congress, not nineteen of something.
    }
    let after = &s[r.end..];
    // Ratio: 2:2:4:2, 5:5.
    if r.unit.is_empty() && after.starts_with([':', '：']) {
        let mut parts = vec![r.value];
        let mut end = r.end;
        while let Some(rest) = s[end..].strip_prefix([':', '：']) {
            let Some(n) = parse_number(rest).filter(|n| n.arabic) else {
                break;
            };
            parts.push(n.value);
            end = s.len() - rest.len() + n.len;
        }
        if parts.len() < 2 {
            return None;
        }
        let mut q = empty(i..end, parts[0], "ratio", "ratio");
        q.parts = parts;
        return Some(q);
    }
    // Change: 由36个月压减至24个月, 从…提高到….
    if let Some(lead) = ["由", "从"].iter().find(|w| s[..i].ends_with(**w)) {
        let verb_zone: String = after.chars().take(8).collect();
        if let Some(p) = verb_zone.find(['至', '到']) {
            let to_at = r.end + p + '至'.len_utf8();
            if let Some(r2) = read_at(s, to_at) {
                if r2.num.len > 0 && (r2.unit == r.unit || r.unit.is_empty() || r2.unit.is_empty())
                {
                    let unit = if r2.unit.is_empty() { r.unit } else { r2.unit };
                    let mut q = empty(i - lead.len()..r2.end, r2.value, unit, "change");
                    q.from = Some(r.value);
                    q.to = Some(r2.value);
                    return Some(q);
                }
            }
        }
    }
    // Range: 3-5个, 3—5个, 3至5个, 3个至5个.
    if let Some(n) = range_connector(after) {
        if let Some(r2) = read_at(s, r.end + n) {
            if r2.num.arabic == r.num.arabic
                && !r2.unit.is_empty()
                && (r.unit.is_empty() || r.unit == r2.unit)
                && r2.value >= r.value
            {
                let min = if r.unit.is_empty() && r2.value != r2.num.value {
                    r.value * (r2.value / r2.num.value)
                } else {
                    r.value
                };
                let mut q = empty(i..r2.end, r2.value, r2.unit, "range");
                q.min = Some(min);
                q.max = Some(r2.value);
                q.value = min;
                extend_after(s, &mut q);
                return Some(q);
            }
        }
    }
    if r.unit.is_empty() {
        return None;
    }
    let mut q = empty(i..r.end, r.value, r.unit, "exact");
    if r.num.approx {
        q.qualifier = "more_than";
    }
    if let Some((qual, n)) = qualifier_before(s, i) {
        q.qualifier = qual;
        q.range.start = i - n;
    }
    extend_after(s, &mut q);
    // 人民币50元, 8亿元人民币: the currency's name belongs to the amount.
    if q.unit == "元" {
        let before = s[..q.range.start].trim_end_matches([' ', '\u{3000}']);
        if before.ends_with("人民币") {
            q.range.start = before.len() - "人民币".len();
        }
        if s[q.range.end..].starts_with("人民币") {
            q.range.end += "人民币".len();
        }
    }
    Some(q)
}

/// Takes in a qualifier after the unit (`以上`, `左右`, `以内`).
fn extend_after(s: &str, q: &mut Quantity) {
    if let Some((qual, n)) = qualifier_after(&s[q.range.end..]) {
        if q.qualifier != "range" {
            q.qualifier = qual;
        }
        q.range.end += n;
    } else if q.qualifier == "exact"
        && s[q.range.end..].starts_with('内')
        && matches!(
            q.unit,
            "日" | "天" | "个月" | "年" | "小时" | "工作日" | "周"
        )
    {
        q.qualifier = "at_most";
        q.range.end += '内'.len_utf8();
    }
}

/// How far a sentence or clause is looked for around a quantity, in bytes: bounds the
/// work on text without punctuation.
const CONTEXT: usize = 600;

/// The part of `s` around `at` between the nearest `is_end` characters, within [`CONTEXT`].
fn around(s: &str, at: Range<usize>, is_end: impl Fn(char) -> bool + Copy) -> Range<usize> {
    let lo = floor_boundary(s, at.start.saturating_sub(CONTEXT));
    let hi = ceil_boundary(s, at.end + CONTEXT);
    let start = s[lo..at.start].rfind(is_end).map_or(lo, |k| {
        lo + k + s[lo + k..].chars().next().unwrap().len_utf8()
    });
    let end = s[at.end..hi].find(is_end).map_or(hi, |k| at.end + k);
    start..end
}

fn sentence(s: &str, at: Range<usize>) -> Range<usize> {
    around(s, at, |c| {
        matches!(c, '。' | '！' | '？' | '；' | ';' | '\n' | '\r')
    })
}

fn clause(s: &str, at: Range<usize>) -> Range<usize> {
    around(s, at, |c| {
        matches!(
            c,
            '。' | '！' | '？' | '；' | ';' | '\n' | '\r' | '，' | ',' | '：' | ':'
        )
    })
}

/// What the cue regexes found in the last sentence and clause judged: quantities of one
/// sentence share them, so each regex reads a sentence once.
#[derive(Default)]
struct Cues {
    clause: Option<(Range<usize>, bool)>,
    sentence: Option<Range<usize>>,
    target_cue: Option<bool>,
    /// The deadlines of the sentence, as ranges of `s`.
    deadlines: Option<Vec<Range<usize>>>,
}

fn judge_target(s: &str, q: &mut Quantity, cues: &mut Cues) {
    // Ratios are shares, `十大…` names a programme: neither is a target.
    if q.qualifier == "ratio" || q.unit == "大" {
        return;
    }
    let sent = sentence(s, q.range.clone());
    let cl = clause(s, q.range.clone());
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
            let v = NOT_TARGET_RE.is_match(&s[cl.clone()]);
            cues.clause = Some((cl, v));
            v
        }
    };
    let descriptive = s[..q.range.start].ends_with('等') || before.ends_with("的") || not_target;
    q.target = !descriptive
        && (q.qualifier == "change"
            || *cues
                .target_cue
                .get_or_insert_with(|| TARGET_RE.is_match(&s[sent.clone()])));
    if q.target {
        // The deadline nearest before the quantity in its sentence, else after it.
        let all = cues.deadlines.get_or_insert_with(|| {
            DEADLINE
                .find_iter(&s[sent.clone()])
                .map(|m| sent.start + m.start()..sent.start + m.end())
                .collect()
        });
        let at = &q.range;
        let found: Vec<_> = all
            .iter()
            .filter(|m| !(m.start < at.end && m.end > at.start))
            .collect();
        let pick = found
            .iter()
            .rev()
            .find(|m| m.end <= at.start)
            .or_else(|| found.first());
        q.deadline = pick.map(|m| s[(*m).clone()].to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<(String, f64, &'static str, &'static str, bool)> {
        find(s, 0..s.len())
            .into_iter()
            .map(|q| {
                (
                    s[q.range.clone()].to_string(),
                    q.value,
                    q.unit,
                    q.qualifier,
                    q.target,
                )
            })
            .collect()
    }

    fn one(s: &str) -> Quantity {
        let v = find(s, 0..s.len());
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn values_units_qualifiers() {
        let x = one("新建5G基站3万个");
        assert_eq!(
            (x.value, x.unit, x.qualifier, x.target),
            (30000.0, "个", "exact", true)
        );
        let x = one("2022年,全省服务业增加值增速力争达到7.5%左右。");
        assert_eq!((x.value, x.unit, x.qualifier), (7.5, "%", "about"));
        assert_eq!(x.deadline.as_deref(), Some("2022年"));
        let x = one("2022年新认定高新技术企业1000家以上。");
        assert_eq!(
            (x.value, x.unit, x.qualifier, x.target),
            (1000.0, "家", "at_least", true)
        );
        let x = one("布局建设3-5个省实验室。");
        assert_eq!(
            (x.min, x.max, x.unit, x.qualifier),
            (Some(3.0), Some(5.0), "个", "range")
        );
        let x = one("推动商品房建设周期由36个月压减至24个月,加快推进。");
        assert_eq!(
            (x.from, x.to, x.value, x.unit, x.qualifier),
            (Some(36.0), Some(24.0), 24.0, "个月", "change")
        );
        let x = one("2022年末网络货运营业额达到1000亿元。");
        assert_eq!(
            (x.value, x.unit, x.deadline.as_deref()),
            (1e11, "元", Some("2022年末"))
        );
        let x = one("逐步将平均担保费率降至1%以下");
        assert_eq!((x.qualifier, x.target), ("at_most", true));
        let x = one("新建10个及以上中试基地");
        assert_eq!((x.qualifier, x.value), ("at_least", 10.0));
        let x = one("全年托管面积达到3000万亩。");
        assert_eq!(
            (x.value, x.unit, x.deadline.as_deref()),
            (3e7, "亩", Some("全年"))
        );
        let x = one("与银行2:2:4:2风险分担");
        assert_eq!(
            (x.unit, x.parts.clone(), x.target),
            ("ratio", vec![2.0, 2.0, 4.0, 2.0], false)
        );
        assert_eq!(one("超过300家").qualifier, "more_than");
        assert_eq!(one("不满18周岁").qualifier, "less_than");
        assert_eq!(one("百分之五").value, 5.0);
        assert_eq!(one("新增装机100万千瓦").unit, "万千瓦");
        assert_eq!(one("开展提质增效十大专项行动").value, 10.0);
    }

    #[test]
    fn not_quantities() {
        for s in [
            "2022年,全省",
            "发布日期2022-04-22",
            "(发改财金〔2022〕271号)",
            "晋政办发〔2022〕35号",
            "持续推进5G网络建设",
            "构建“1+3+N”一体化大数据体系",
            "实施“9+13”龙头景区",
            "推进“431”工程",
            "严格落实“四个精准、八个不得”要求",
            "完成第三批“三晋老字号”认定",
            "适时引进第四家基地航空公司",
            "党的十九大和十九届历次全会精神",
            "统一部署，一批项目",
            "2018年9月6日国务院第23次常务会议",
        ] {
            assert!(q(s).is_empty(), "{s}: {:?}", q(s));
        }
    }

    #[test]
    fn descriptive_counts_are_not_targets() {
        for s in [
            "国家发展改革委等14部委印发的",
            "抓好等10项普惠性政策措施落实",
            "民航等5个行业",
            "一次性给予10万元奖励",
            "一次性开具4-12周长处方",
        ] {
            let v = find(s, 0..s.len());
            assert_eq!(v.len(), 1, "{s}");
            assert!(!v[0].target, "{s}");
        }
    }
}

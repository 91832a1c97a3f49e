//! Word's automatic numbering, rendered the way Word shows it.
//!
//! `numbering.xml` holds abstract lists (`w:abstractNum`: for each of nine levels a start
//! value, a number format, a level text such as `（%2）` and when it restarts) and the
//! lists paragraphs name (`w:num`, an abstract list and overrides of its levels).
//! `styles.xml` links paragraph styles to lists (through `basedOn` chains). Every
//! converter we tried gets part of this wrong for Chinese documents, so it is written
//! here: the counters are kept per abstract list, as Word keeps them (two lists on one
//! abstract list count on from each other), and a list that overrides a level's start
//! counts on its own.

use crate::input::xml::{attr, attr_num, name, on, Ev, Events};
use crate::text::numeral::{counting, COUNTING, LEGAL};
use rustc_hash::FxHashMap;

/// Levels a list has (`w:ilvl` 0–8).
pub(super) const LEVELS: usize = 9;

/// A number format (`w:numFmt`), the closed set of those we render; any other is written
/// in decimal digits, as Word does for formats a font cannot show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumFmt {
    Decimal,
    /// `01`, `02` … `10`.
    DecimalZero,
    /// `１`, `２`.
    DecimalFullWidth,
    /// `①` to `⑳`.
    EnclosedCircle,
    /// `⒈` to `⒛`.
    EnclosedFullstop,
    /// `⑴` to `⒇`.
    EnclosedParen,
    /// 一, 二 … 十一 (chineseCounting, chineseCountingThousand, taiwaneseCounting…).
    ChineseCounting,
    /// 壹, 贰 … 壹拾壹 (chineseLegalSimplified).
    ChineseLegal,
    /// 一〇一: digit by digit (ideographDigital).
    ChineseDigits,
    /// 甲, 乙, 丙 … 癸 (ideographTraditional).
    HeavenlyStems,
    /// 子, 丑, 寅 … 亥 (ideographZodiac).
    EarthlyBranches,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// The level text alone (a bullet).
    Bullet,
    /// No number at all.
    None,
}

impl NumFmt {
    /// The format `w:numFmt w:val` names.
    pub(super) fn of(val: &str) -> NumFmt {
        match val {
            "decimalZero" => NumFmt::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumFmt::DecimalFullWidth,
            "decimalEnclosedCircle"
            | "decimalEnclosedCircleChinese"
            | "ideographEnclosedCircle" => NumFmt::EnclosedCircle,
            "decimalEnclosedFullstop" => NumFmt::EnclosedFullstop,
            "decimalEnclosedParen" => NumFmt::EnclosedParen,
            "chineseCounting"
            | "chineseCountingThousand"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "japaneseCounting"
            | "koreanCounting" => NumFmt::ChineseCounting,
            "chineseLegalSimplified" | "ideographLegalTraditional" | "japaneseLegal" => {
                NumFmt::ChineseLegal
            }
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                NumFmt::ChineseDigits
            }
            "ideographTraditional" => NumFmt::HeavenlyStems,
            "ideographZodiac" => NumFmt::EarthlyBranches,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperRoman" => NumFmt::UpperRoman,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }

    /// A custom format (`w:numFmt w:val="custom" w:format="001, 002, 003, ..."`, which
    /// Word 2010 and later write inside `mc:AlternateContent`): its first number tells.
    fn custom(format: &str) -> (NumFmt, usize) {
        let first = format.split(',').next().unwrap_or("").trim();
        let c = first.chars().next().unwrap_or('1');
        let fmt = match c {
            '0'..='9' => NumFmt::Decimal,
            '０'..='９' => NumFmt::DecimalFullWidth,
            '①'..='⑳' => NumFmt::EnclosedCircle,
            '壹' => NumFmt::ChineseLegal,
            '甲' => NumFmt::HeavenlyStems,
            '子' => NumFmt::EarthlyBranches,
            '〇' | '零' => NumFmt::ChineseDigits,
            'a' => NumFmt::LowerLetter,
            'A' => NumFmt::UpperLetter,
            'i' => NumFmt::LowerRoman,
            'I' => NumFmt::UpperRoman,
            _ if crate::text::numeral::cn_digit(c).is_some() => NumFmt::ChineseCounting,
            _ => NumFmt::Decimal,
        };
        // `001` pads to three digits (at most ten: a longer format is not a number's).
        let width = if fmt == NumFmt::Decimal {
            first
                .chars()
                .take_while(char::is_ascii_digit)
                .count()
                .min(10)
        } else {
            0
        };
        (fmt, width)
    }

    /// `n` in this format.
    pub(super) fn render(self, n: u32, width: usize) -> String {
        let n64 = u64::from(n);
        let table = |set: &[char]| match set.get((n as usize).wrapping_sub(1)) {
            Some(c) => c.to_string(),
            None => n.to_string(),
        };
        match self {
            NumFmt::Decimal => format!("{n:0width$}"),
            NumFmt::DecimalZero => format!("{n:02}"),
            NumFmt::DecimalFullWidth => n
                .to_string()
                .chars()
                .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
                .collect(),
            NumFmt::EnclosedCircle => range(n, '①', 20),
            NumFmt::EnclosedFullstop => range(n, '⒈', 20),
            NumFmt::EnclosedParen => range(n, '⑴', 20),
            NumFmt::ChineseCounting => counting(n64, &COUNTING),
            NumFmt::ChineseLegal => counting(n64, &LEGAL),
            NumFmt::ChineseDigits => n
                .to_string()
                .chars()
                .map(|d| {
                    ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']
                        [d as usize - '0' as usize]
                })
                .collect(),
            NumFmt::HeavenlyStems => {
                table(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'])
            }
            NumFmt::EarthlyBranches => table(&[
                '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
            ]),
            NumFmt::LowerLetter => letters(n, b'a'),
            NumFmt::UpperLetter => letters(n, b'A'),
            NumFmt::LowerRoman => roman(n).to_lowercase(),
            NumFmt::UpperRoman => roman(n),
            NumFmt::Bullet | NumFmt::None => String::new(),
        }
    }
}

/// The `n`th of a run of code points (`①`…`⑳`), or the digits past its end.
fn range(n: u32, first: char, len: u32) -> String {
    if (1..=len).contains(&n) {
        char::from_u32(first as u32 + n - 1).map_or_else(|| n.to_string(), String::from)
    } else {
        n.to_string()
    }
}

/// Word's letters: a … z, then aa … zz, aaa …
fn letters(n: u32, a: u8) -> String {
    if n == 0 {
        return "0".into();
    }
    let k = (n - 1) % 26;
    let times = ((n - 1) / 26 + 1).min(1000) as usize;
    ((a + k as u8) as char).to_string().repeat(times)
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// What follows a number (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Suffix {
    /// A tab (Word's default): written as one space, so that a table row's cells stay
    /// the only tabs of a line.
    Tab,
    Space,
    Nothing,
}

/// One level of a list.
#[derive(Debug, Clone)]
pub(super) struct Level {
    start: u32,
    fmt: NumFmt,
    /// Digits a custom `001` format pads to.
    width: usize,
    /// `%1、`, `（%2）`, `%1.%2.%3`.
    text: String,
    /// The level after whose use this one restarts (`w:lvlRestart`, 1-based; 0: never);
    /// `None`: after any level above it.
    restart: Option<u32>,
    /// `w:isLgl`: the numbers of the levels above are shown in decimal digits.
    legal: bool,
    suffix: Suffix,
    /// The paragraph style linked to this level (`w:pStyle`).
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            fmt: NumFmt::Decimal,
            width: 0,
            text: String::new(),
            restart: None,
            legal: false,
            suffix: Suffix::Tab,
            style: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels are those of the list this style names.
    num_style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: i64,
    /// `w:lvlOverride`: a new start value and/or a whole level.
    start_override: [Option<u32>; LEVELS],
    level_override: [Option<Level>; LEVELS],
}

/// A paragraph style: what it is based on and the list it links to.
#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    based_on: Option<String>,
    num_id: Option<i64>,
    ilvl: Option<u8>,
}

/// Lists and styles of a document, and the counters as the paragraphs advance them.
#[derive(Default)]
pub(super) struct Numbering {
    abstracts: FxHashMap<i64, Abstract>,
    nums: FxHashMap<i64, Num>,
    styles: FxHashMap<String, Style>,
    /// The paragraph style used when a paragraph names none.
    default_style: Option<String>,
    /// Counters of each list instance: the current value of each level, `None` when the
    /// level has not been used since it last restarted.
    counters: FxHashMap<Instance, [Option<u32>; LEVELS]>,
}

/// Which counters a list's paragraphs advance: those of its abstract list, unless the
/// list overrides a start value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Instance {
    Abstract(i64),
    Num(i64),
}

/// A number a paragraph gets: its label (`（一）`) and what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Generated {
    pub(super) label: String,
    pub(super) suffix: Suffix,
}

/// A paragraph's own numbering properties.
#[derive(Debug, Clone, Default)]
pub(super) struct NumPr {
    pub(super) num_id: Option<i64>,
    pub(super) ilvl: Option<u8>,
}

/// `w:ilvl` as a level index (0–8), or `None` past them.
pub(super) fn level_index(v: i64) -> Option<u8> {
    (0..LEVELS as i64).contains(&v).then_some(v as u8)
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be absent). What cannot be
    /// read is left out: a paragraph then gets no generated number.
    pub(super) fn read(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(x) = numbering {
            n.read_numbering(x);
        }
        if let Some(x) = styles {
            n.read_styles(x);
        }
        n
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut ev = Events::new(xml);
        let mut abs: Option<(i64, Abstract)> = None;
        let mut num: Option<(i64, Num)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_lvl: Option<usize> = None;
        // Inside `mc:Fallback`: what Word 2007 would read instead of the `mc:Choice`.
        let mut fallback = 0usize;
        while let Some(Ok(e)) = ev.next() {
            match e {
                Ev::Open { e, empty } => {
                    let n = name(&e);
                    if n == "mc:Fallback" {
                        fallback += usize::from(!empty);
                        continue;
                    }
                    if fallback > 0 {
                        continue;
                    }
                    match n {
                        "w:abstractNum" => {
                            abs =
                                attr_num(&e, "w:abstractNumId").map(|id| (id, Abstract::default()))
                        }
                        "w:num" => num = attr_num(&e, "w:numId").map(|id| (id, Num::default())),
                        "w:abstractNumId" => {
                            if let (Some((_, m)), Some(v)) = (&mut num, attr_num(&e, "w:val")) {
                                m.abstract_id = v;
                            }
                        }
                        "w:numStyleLink" => {
                            if let Some((_, a)) = &mut abs {
                                a.num_style_link = attr(&e, "w:val");
                            }
                        }
                        "w:lvlOverride" => {
                            override_lvl = attr_num(&e, "w:ilvl")
                                .and_then(level_index)
                                .map(usize::from)
                        }
                        "w:startOverride" => {
                            if let (Some((_, m)), Some(l), Some(v)) =
                                (&mut num, override_lvl, attr_num(&e, "w:val"))
                            {
                                m.start_override[l] = Some(v.clamp(0, u32::MAX as i64) as u32);
                            }
                        }
                        "w:lvl" => {
                            let i = attr_num(&e, "w:ilvl").and_then(level_index);
                            level = i.map(|i| (usize::from(i), Level::default()));
                        }
                        _ => {
                            if let Some((_, l)) = &mut level {
                                level_property(l, n, &e);
                            }
                        }
                    }
                    if empty && n == "w:lvl" {
                        self.end_level(&mut level, &mut abs, &mut num, override_lvl);
                    }
                }
                Ev::Close(n) => match &*n {
                    "mc:Fallback" => fallback = fallback.saturating_sub(1),
                    _ if fallback > 0 => {}
                    "w:lvl" => self.end_level(&mut level, &mut abs, &mut num, override_lvl),
                    "w:lvlOverride" => override_lvl = None,
                    "w:abstractNum" => {
                        if let Some((id, a)) = abs.take() {
                            self.abstracts.insert(id, a);
                        }
                    }
                    "w:num" => {
                        if let Some((id, m)) = num.take() {
                            self.nums.insert(id, m);
                        }
                    }
                    _ => {}
                },
                Ev::Text(_) => {}
            }
        }
    }

    /// A `w:lvl` ends: it belongs to the abstract list, or overrides one of a list's.
    fn end_level(
        &mut self,
        level: &mut Option<(usize, Level)>,
        abs: &mut Option<(i64, Abstract)>,
        num: &mut Option<(i64, Num)>,
        override_lvl: Option<usize>,
    ) {
        let Some((i, l)) = level.take() else { return };
        if let Some((_, a)) = abs {
            a.levels[i] = Some(l);
        } else if let (Some((_, m)), Some(o)) = (num, override_lvl) {
            m.level_override[o] = Some(l);
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut ev = Events::new(xml);
        let mut style: Option<(String, Style)> = None;
        while let Some(Ok(e)) = ev.next() {
            match e {
                Ev::Open { e, .. } => match name(&e) {
                    "w:style" => {
                        let paragraph = attr(&e, "w:type").is_none_or(|t| t == "paragraph");
                        style = attr(&e, "w:styleId")
                            .filter(|_| paragraph)
                            .map(|id| (id, Style::default()));
                        if let Some((id, _)) = &style {
                            if attr(&e, "w:default").is_some_and(|d| d == "1" || d == "true") {
                                self.default_style = Some(id.clone());
                            }
                        }
                    }
                    "w:basedOn" => {
                        if let Some((_, s)) = &mut style {
                            s.based_on = attr(&e, "w:val");
                        }
                    }
                    "w:numId" => {
                        if let Some((_, s)) = &mut style {
                            s.num_id = attr_num(&e, "w:val");
                        }
                    }
                    "w:ilvl" => {
                        if let Some((_, s)) = &mut style {
                            s.ilvl = attr_num(&e, "w:val").and_then(level_index);
                        }
                    }
                    _ => {}
                },
                Ev::Close(n) if n == "w:style" => {
                    if let Some((id, s)) = style.take() {
                        self.styles.insert(id, s);
                    }
                }
                _ => {}
            }
        }
    }

    /// The list and level of a paragraph: its own `w:numPr`, else its style's (through
    /// `basedOn`, at most a few dozen steps: a loop of styles ends there).
    fn list_of(&self, style: Option<&str>, own: &NumPr) -> Option<(i64, u8)> {
        let mut num_id = own.num_id;
        let mut ilvl = own.ilvl;
        let mut from_style: Option<&str> = None;
        let mut s = style.or(self.default_style.as_deref());
        for _ in 0..STYLE_CHAIN {
            if num_id.is_some() && ilvl.is_some() {
                break;
            }
            let Some(id) = s else { break };
            let Some(st) = self.styles.get(id) else { break };
            if num_id.is_none() && st.num_id.is_some() {
                num_id = st.num_id;
                from_style = Some(id);
            }
            if ilvl.is_none() {
                ilvl = st.ilvl;
            }
            s = st.based_on.as_deref();
        }
        let num_id = num_id.filter(|&n| n > 0)?;
        // A style linked to a level of the list (`w:pStyle` in the `w:lvl`) numbers at
        // that level when it does not say.
        let ilvl = ilvl.or_else(|| {
            let st = from_style?;
            let levels = self.levels(num_id)?;
            levels
                .iter()
                .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(st))
                .map(|i| i as u8)
        });
        Some((num_id, ilvl.unwrap_or(0)))
    }

    /// The levels of list `num_id`: its abstract list's, or, for an abstract list that
    /// only links to a numbering style, the levels of that style's list.
    fn levels(&self, num_id: i64) -> Option<&[Option<Level>; LEVELS]> {
        let mut abs = self.abstracts.get(&self.nums.get(&num_id)?.abstract_id)?;
        for _ in 0..STYLE_CHAIN {
            let Some(link) = &abs.num_style_link else {
                break;
            };
            let linked = self
                .styles
                .get(link)
                .and_then(|s| s.num_id)
                .and_then(|n| self.nums.get(&n))
                .and_then(|m| self.abstracts.get(&m.abstract_id));
            match linked {
                Some(a) => abs = a,
                None => break,
            }
        }
        Some(&abs.levels)
    }

    /// The number of a paragraph with this style and these properties, advancing the
    /// counters; `None` when it is not numbered.
    pub(super) fn next(&mut self, style: Option<&str>, own: &NumPr) -> Option<Generated> {
        let (num_id, ilvl) = self.list_of(style, own)?;
        let num = self.nums.get(&num_id)?;
        let base = self.levels(num_id)?;
        let levels: [Option<Level>; LEVELS] =
            std::array::from_fn(|i| num.level_override[i].clone().or_else(|| base[i].clone()));
        let start = |i: usize| {
            num.start_override[i]
                .or(levels[i].as_ref().map(|l| l.start))
                .unwrap_or(1)
        };
        let instance = if num.start_override.iter().any(Option::is_some)
            || num.level_override.iter().any(Option::is_some)
        {
            Instance::Num(num_id)
        } else {
            Instance::Abstract(num.abstract_id)
        };
        let i = usize::from(ilvl);
        let level = levels[i].clone().unwrap_or_default();
        let counters = self.counters.entry(instance).or_insert([None; LEVELS]);
        let value = match counters[i] {
            Some(v) => v.saturating_add(1),
            None => start(i),
        };
        counters[i] = Some(value);
        // Deeper levels restart when this one is used (unless they say otherwise).
        for (j, c) in counters.iter_mut().enumerate().skip(i + 1) {
            let restarts = match levels[j].as_ref().and_then(|l| l.restart) {
                None => true,
                Some(0) => false,
                Some(after) => (i as u32) < after,
            };
            if restarts {
                *c = None;
            }
        }
        if level.fmt == NumFmt::None && !level.text.contains('%') {
            return (!level.text.is_empty()).then(|| Generated {
                label: level.text.clone(),
                suffix: level.suffix,
            });
        }
        let counters = *counters;
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let k = chars.peek().and_then(|d| d.to_digit(10));
            match (c, k) {
                ('%', Some(k @ 1..=9)) => {
                    chars.next();
                    let j = k as usize - 1;
                    let v = counters[j].unwrap_or_else(|| start(j));
                    let l = levels[j].clone().unwrap_or_default();
                    let fmt = if level.legal && j < i {
                        NumFmt::Decimal
                    } else {
                        l.fmt
                    };
                    label.push_str(&fmt.render(v, l.width));
                }
                _ => label.push(c),
            }
        }
        (!label.is_empty()).then_some(Generated {
            label,
            suffix: level.suffix,
        })
    }
}

/// Characters of a level text kept (Word's dialog allows far fewer).
const MAX_LEVEL_TEXT: usize = 64;

/// Steps of a `basedOn` or style-link chain followed before giving up (a loop).
const STYLE_CHAIN: usize = 32;

/// A property of a `w:lvl`.
fn level_property(l: &mut Level, n: &str, e: &quick_xml::events::BytesStart<'_>) {
    match n {
        "w:start" => {
            if let Some(v) = attr_num(e, "w:val") {
                l.start = v.clamp(0, u32::MAX as i64) as u32;
            }
        }
        "w:numFmt" => {
            let val = attr(e, "w:val").unwrap_or_default();
            (l.fmt, l.width) = if val == "custom" {
                NumFmt::custom(&attr(e, "w:format").unwrap_or_default())
            } else {
                (NumFmt::of(&val), 0)
            };
        }
        // Word's level texts are a few characters; a long one would be written before
        // every paragraph of the list.
        "w:lvlText" => {
            l.text = attr(e, "w:val")
                .unwrap_or_default()
                .chars()
                .take(MAX_LEVEL_TEXT)
                .collect()
        }
        "w:lvlRestart" => {
            l.restart = attr_num(e, "w:val").map(|v| v.clamp(0, LEVELS as i64) as u32)
        }
        "w:isLgl" => l.legal = on(e),
        "w:suff" => {
            l.suffix = match attr(e, "w:val").as_deref() {
                Some("space") => Suffix::Space,
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            }
        }
        "w:pStyle" => l.style = attr(e, "w:val"),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let cases: &[(NumFmt, u32, &str)] = &[
            (NumFmt::ChineseCounting, 1, "一"),
            (NumFmt::ChineseCounting, 10, "十"),
            (NumFmt::ChineseCounting, 15, "十五"),
            (NumFmt::ChineseCounting, 21, "二十一"),
            (NumFmt::ChineseLegal, 3, "叁"),
            (NumFmt::ChineseLegal, 12, "壹拾贰"),
            (NumFmt::ChineseDigits, 101, "一〇一"),
            (NumFmt::HeavenlyStems, 3, "丙"),
            (NumFmt::HeavenlyStems, 11, "11"),
            (NumFmt::EarthlyBranches, 12, "亥"),
            (NumFmt::EnclosedCircle, 1, "①"),
            (NumFmt::EnclosedCircle, 20, "⑳"),
            (NumFmt::EnclosedCircle, 21, "21"),
            (NumFmt::EnclosedParen, 2, "⑵"),
            (NumFmt::EnclosedFullstop, 3, "⒊"),
            (NumFmt::DecimalFullWidth, 12, "１２"),
            (NumFmt::DecimalZero, 7, "07"),
            (NumFmt::LowerLetter, 1, "a"),
            (NumFmt::LowerLetter, 27, "aa"),
            (NumFmt::UpperLetter, 28, "BB"),
            (NumFmt::LowerRoman, 4, "iv"),
            (NumFmt::UpperRoman, 1994, "MCMXCIV"),
        ];
        for &(f, n, want) in cases {
            assert_eq!(f.render(n, 0), want, "{f:?} {n}");
        }
        assert_eq!(NumFmt::custom("001, 002, 003, ..."), (NumFmt::Decimal, 3));
        assert_eq!(NumFmt::Decimal.render(7, 3), "007");
        assert_eq!(NumFmt::custom("一, 二, 三, ...").0, NumFmt::ChineseCounting);
        assert_eq!(NumFmt::custom("壹, 贰, 叁, ...").0, NumFmt::ChineseLegal);
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w" xmlns:mc="mc">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pStyle w:val="H1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="1"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/>
    <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="①, ②, ③, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>
    <w:lvlText w:val="%5"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
</w:styles>"#;

    fn label(
        n: &mut Numbering,
        style: Option<&str>,
        num: Option<i64>,
        lvl: Option<u8>,
    ) -> Option<String> {
        n.next(
            style,
            &NumPr {
                num_id: num,
                ilvl: lvl,
            },
        )
        .map(|g| g.label)
    }

    #[test]
    fn gb_9704_levels_counted_as_word_counts_them() {
        let mut n = Numbering::read(Some(NUMBERING), Some(STYLES));
        let mut got = Vec::new();
        // (style, numId, ilvl) of each paragraph in order.
        let paragraphs: &[(Option<&str>, Option<i64>, Option<u8>)] = &[
            (Some("H1"), None, None),  // 一、 through the style, level linked by pStyle
            (None, Some(1), Some(1)),  // （一）
            (None, Some(1), Some(2)),  // 1.
            (None, Some(1), Some(3)),  // （1）
            (None, Some(1), Some(4)),  // ①
            (None, Some(1), Some(4)),  // ②
            (None, Some(1), Some(2)),  // 2.
            (None, Some(1), Some(1)),  // （二）: level 2 restarts only after level 1 (lvlRestart 1)
            (None, Some(2), Some(2)),  // 3. list 2 shares abstract 0's counters
            (Some("H1x"), None, None), // 二、 basedOn chain
            (None, Some(1), Some(2)),  // 1.
            (None, Some(3), Some(2)),  // 5. startOverride: its own counters
            (None, Some(3), Some(2)),  // 6.
            (None, Some(4), Some(0)),  // 1
            (None, Some(4), Some(1)),  // 1.1 isLgl
            (None, Some(0), None),     // numId 0: not numbered
            (Some("Loop1"), None, None), // a loop of styles: not numbered, no hang
            (None, Some(99), Some(0)), // an unknown list
        ];
        for &(s, num, lvl) in paragraphs {
            got.push(label(&mut n, s, num, lvl));
        }
        let want = [
            "一、",
            "（一）",
            "1.",
            "（1）",
            "①",
            "②",
            "2.",
            "（二）",
            "3.",
            "二、",
            "1.",
            "5.",
            "6.",
            "1",
            "1.1",
        ];
        let mut expected: Vec<Option<String>> = want.iter().map(|s| Some(s.to_string())).collect();
        expected.extend([None, None, None]);
        assert_eq!(got, expected);
    }
}

//! Every number in running text, whatever follows it: what the Recognizers-Text
//! NumberModel asks for. The library reads numbers only where a unit follows (as
//! quantities) or in labels, so this scanner lives with the test that needs it, on the
//! library's own number reader.

use super::numeral::{digit_value, is_cn_numeral_char, parse_arabic_decimal, parse_number};

/// Words with a numeral character but no number (tests/data/numeral_words.txt).
static NUMERAL_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("../data/numeral_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether a word `w` written in `s` covers byte `i`.
fn word_covers(s: &str, i: usize, w: &str) -> bool {
    let from = i.saturating_sub(w.len() - 1);
    (from..=i).any(|k| s.is_char_boundary(k) && s[k..].starts_with(w) && k + w.len() > i)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !c.is_ascii_digit()
}

/// A number found in running text: its byte range and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub range: std::ops::Range<usize>,
    pub value: f64,
}

/// Every number in `s`, whatever follows it: Arabic, Chinese, mixed, fractions
/// (`三分之一`, `3/5`) and `k` thousands (`40k`). A lone `一` or `两` is taken for
/// an article (`一看`, `两两`), not a number.
pub fn scan(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap();
        let starts = digit_value(c).is_some()
            || (is_cn_numeral_char(c) && !matches!(c, '万' | '亿' | '萬' | '億'));
        let inside = s[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_alphanumeric() || digit_value(p).is_some() || p == '.');
        if !starts || inside {
            i += c.len_utf8();
            continue;
        }
        // 四川, 陆地, 统一: a word, not a number.
        if let Some(w) = NUMERAL_WORDS.iter().find(|w| word_covers(s, i, w)) {
            let start = (0..=i)
                .rev()
                .find(|&k| s.is_char_boundary(k) && s[k..].starts_with(*w) && k + w.len() > i)
                .unwrap_or(i);
            i = start + w.len();
            continue;
        }
        if s[i..].starts_with("百分点") || s[i..].starts_with("百分點") {
            i += "百分点".len();
            continue;
        }
        // `百分之五十`: a percentage; the number is what follows the prefix.
        if s[i..].starts_with("百分之")
            && s[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !is_cn_numeral_char(p))
        {
            i += "百分之".len();
            continue;
        }
        let Some(n) = parse_number(&s[i..]) else {
            i += c.len_utf8();
            continue;
        };
        let mut end = i + n.len;
        let mut value = n.value;
        let rest = &s[end..];
        if let Some(r) = rest.strip_prefix("分之") {
            // 三分之一 = 1/3, 一百分之五十五点五七九 = 0.55579
            if let Some(m) = parse_number(r).filter(|_| n.value != 0.0) {
                value = m.value / n.value;
                end += "分之".len() + m.len;
            }
        } else if let Some(r) = rest.strip_prefix(['/', '／']).filter(|_| n.arabic) {
            if let Some(m) = parse_arabic_decimal(r).filter(|m| m.0 != 0.0) {
                value = n.value / m.0;
                end += 1 + m.1 + usize::from(rest.starts_with('／')) * 2;
            }
        } else if n.arabic
            && rest.starts_with(['k', 'K'])
            && !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            value *= 1000.0;
            end += 1;
        }
        let text = &s[i..end];
        // `一看`, `两两`: an article or a word, unless a measure word follows (一只, 两双).
        let classifier = [
            "个", "只", "双", "条", "本", "件", "位", "名", "家", "项", "次", "张", "台", "辆",
            "块", "塊", "對", "对", "雙",
        ];
        let next = s[end..].chars().next();
        let lone_article = !n.arabic
            && matches!(text, "一" | "两" | "壹" | "兩" | "两两" | "一一")
            && (text.chars().count() == 2 || next.is_some_and(is_word_char))
            && !classifier.iter().any(|w| s[end..].starts_with(w));
        // `四百多`: the approximation word is not part of the number's text.
        let shown = text.trim_end_matches(['多', '余', '几', '幾']);
        let mut start = i;
        if let Some(sign) = ['-', '－', '−', '负', '負']
            .into_iter()
            .find(|c| s[..i].ends_with(*c))
        {
            let prev = s[..i - sign.len_utf8()].chars().next_back();
            if prev.is_none_or(|p| {
                !(digit_value(p).is_some() || is_cn_numeral_char(p) || p.is_ascii_alphanumeric())
            }) {
                start -= sign.len_utf8();
                value = -value;
            }
        }
        // `二％`: a percentage is not a bare number.
        let percent = s[end..].starts_with(['%', '％']);
        if !lone_article && !shown.is_empty() && !percent {
            out.push(Found {
                range: start..i + shown.len(),
                value,
            });
        }
        i = end;
    }
    out
}

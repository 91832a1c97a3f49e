//! Dates (`2022年4月22日`, `2022-04-22`, `二〇〇五年六月十一日`) and deadlines
//! (`2022年底前`, `年内`).

use crate::text::numeral::parse_cn_int;
use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日)",
    )
    .expect("a valid pattern")
});

/// A date written anywhere in running text, in Arabic or Chinese numerals.
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日",
    )
    .expect("a valid pattern")
});

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:到|至|截至|截止到?)?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底前|末前|底|末|前|上半年|下半年|内)?|年底前|年内|全年|年底|当年|今年|明年").expect("a valid pattern")
});

/// The longest date the date rule reads, in characters (`二〇二二年一十二月三十一日`):
/// a longer line is no date alone, without a copy.
pub(crate) const LONGEST_DATE: usize = 13;

/// Years a date may have: documents of the People's Republic, with room on both sides.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Parses a date at the start of `s`: ISO `YYYY-MM-DD` and the number of bytes read.
pub(crate) fn parse_date(s: &str) -> Option<(String, usize)> {
    // Every form starts with a digit of the year: one look rules most lines out.
    if !s.starts_with(|c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c))
    {
        return None;
    }
    let c = DATE.captures(s)?;
    let whole = c.get(0)?.end();
    let (y, m, d) = ymd(&c, &[(1, false), (4, false), (7, true)])?;
    (is_calendar_date(y, m, d) && YEARS.contains(&y))
        .then(|| (format!("{y:04}-{m:02}-{d:02}"), whole))
}

/// Year, month and day from the first of the alternatives that matched: each is three
/// groups from a first index, in Arabic or (`true`) in Chinese numerals.
fn ymd(c: &regex::Captures, alternatives: &[(usize, bool)]) -> Option<(u32, u32, u32)> {
    let &(first, chinese) = alternatives.iter().find(|(i, _)| c.get(*i).is_some())?;
    let value = |i: usize| {
        let s = c.get(i)?.as_str();
        if chinese {
            parse_cn_int(s, false).map(|(v, _)| v as u32)
        } else {
            s.parse::<u32>().ok()
        }
    };
    Some((value(first)?, value(first + 1)?, value(first + 2)?))
}

/// Whether year, month and day make a day of the calendar (`2023年2月30日` does not).
pub(crate) fn is_calendar_date(y: u32, m: u32, d: u32) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return false;
    };
    jiff::civil::Date::new(y, m, d).is_ok()
}

/// How many days month `m` of year `y` has (None for a month that is not one).
pub(crate) fn days_in_month(y: u32, m: u32) -> Option<u32> {
    let date = jiff::civil::Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, 1).ok()?;
    Some(date.days_in_month() as u32)
}

/// How far before its `月` a written date may start, and after it end, in bytes (four
/// Chinese numerals and `年`, or three and `日`, with white space between).
const BEFORE_MONTH: usize = 48;
const AFTER_MONTH: usize = 40;

/// Every full date written in `s` (`2023年2月30日`, `二〇二三年二月三十日`): its byte range
/// and its year, month and day as written, whether or not they make a calendar day.
/// Every such date holds a `月`: the rule is tried only around each one (a vector search),
/// not at every byte of the text.
pub(crate) fn written_dates(
    s: &str,
) -> impl Iterator<Item = (std::ops::Range<usize>, u32, u32, u32)> + '_ {
    use crate::text::{ceil_boundary, floor_boundary};
    let mut done = 0;
    memchr::memmem::find_iter(s.as_bytes(), "月".as_bytes()).filter_map(move |k| {
        if k < done {
            return None;
        }
        let a = floor_boundary(s, k.saturating_sub(BEFORE_MONTH)).max(done);
        let b = ceil_boundary(s, (k + AFTER_MONTH).min(s.len()));
        let c = WRITTEN.captures_iter(&s[a..b]).find(|c| {
            c.get(0)
                .is_some_and(|m| a + m.start() <= k && k < a + m.end())
        })?;
        let whole = c.get(0)?.range();
        done = a + whole.end;
        let (y, m, d) = ymd(&c, &[(1, false), (4, true)])?;
        Some((a + whole.start..a + whole.end, y, m, d))
    })
}

/// The first date anywhere in `s`: where it starts, the ISO date and its length.
pub(crate) fn find_date(s: &str) -> Option<(usize, String, usize)> {
    s.char_indices()
        .find_map(|(i, _)| parse_date(&s[i..]).map(|(d, n)| (i, d, n)))
}

/// A line that is a date alone: `2019年1月12日`, `二〇〇五年六月十一日`, `2022-04-22`.
pub(crate) fn is_date_line(line: &str) -> bool {
    date_line(line).is_some()
}

/// The date (ISO) of a line that is a date alone; white space inside it is allowed.
pub(crate) fn date_line(line: &str) -> Option<String> {
    if !crate::text::at_most_solid(line, LONGEST_DATE) {
        return None;
    }
    let s = crate::text::without_ws(line);
    parse_date(&s).and_then(|(d, n)| (n == s.len()).then_some(d))
}

/// The deadlines written in `s` (`到2025年`, `2022年底前`, `年内`), as byte ranges.
pub(crate) fn deadlines(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    // Every deadline says 年: a text without one (most titles) is not searched.
    let searched = if s.contains('年') { s } else { "" };
    DEADLINE
        .find_iter(searched)
        .map(|m| m.range())
        .filter(move |r| {
            // `3年内`, `两年内`: a period, not this year.
            let counted = s[..r.start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || crate::text::numeral::is_cn_numeral_char(c));
            !(counted && s[r.start..].starts_with('年'))
        })
}

static DEADLINE_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})年(?:(\d{1,2})月)?(底前|末前|底|末|前|上半年|下半年|内)?|(年底前|年内|全年|年底|当年|今年|明年)")
        .expect("a valid pattern")
});

/// The last day a deadline as written allows, as an ISO date: `2020年底前` → 2020-12-31,
/// `2021年6月底前` → 2021-06-30, `2022年上半年` → 2022-06-30; `年底前`, `今年` and `明年`
/// count from `year` (the document's). `2025年前` says only "before 2025": no date.
pub(crate) fn deadline_date(s: &str, year: Option<i32>) -> Option<String> {
    let c = DEADLINE_PARTS.captures(s)?;
    let (y, month, tail) = match (c.get(1), c.get(4)) {
        (Some(y), _) => (
            y.as_str().parse::<i32>().ok()?,
            c.get(2).and_then(|m| m.as_str().parse::<u32>().ok()),
            c.get(3).map_or("", |t| t.as_str()),
        ),
        (None, Some(w)) => {
            let y = year?;
            let y = if w.as_str().starts_with('明') {
                y + 1
            } else {
                y
            };
            (y, None, "")
        }
        _ => return None,
    };
    if tail == "前" {
        return None;
    }
    let (m, d) = match (month, tail) {
        (Some(m), _) => (m, days_in_month(u32::try_from(y).ok()?, m)?),
        (None, "上半年") => (6, 30),
        _ => (12, 31),
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_are_those_the_rule_finds_in_the_whole_text() {
        // Texts made of the pieces dates are made of, in many orders.
        let pieces = [
            "2023",
            "年",
            " ",
            "2",
            "月",
            "30",
            "日",
            "二〇二三",
            "十二",
            "三十一",
            "x",
            "\n",
            "1",
            "。",
            "　",
            "2023年",
            "2月",
            "30日",
            "二〇二三年十二月",
            "2023年2月30日",
            "二〇二三年二月三十日",
            "2024 年 1 月 5 日",
            "月月",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut found = 0;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..next() % 24 {
                t.push_str(pieces[next() % pieces.len()]);
            }
            let whole: Vec<_> = WRITTEN
                .captures_iter(&t)
                .filter_map(|c| {
                    let (y, m, d) = ymd(&c, &[(1, false), (4, true)])?;
                    Some((c.get(0)?.range(), y, m, d))
                })
                .collect();
            assert_eq!(written_dates(&t).collect::<Vec<_>>(), whole, "{t:?}");
            found += whole.len();
        }
        assert!(found > 100, "{found} dates in the texts");
    }

    #[test]
    fn deadline_dates() {
        let d = |s| deadline_date(s, Some(2022));
        assert_eq!(d("2020年底前").as_deref(), Some("2020-12-31"));
        assert_eq!(d("2021年6月底前").as_deref(), Some("2021-06-30"));
        assert_eq!(d("至2024年2月").as_deref(), Some("2024-02-29"));
        assert_eq!(d("2022年上半年").as_deref(), Some("2022-06-30"));
        assert_eq!(d("到2025年").as_deref(), Some("2025-12-31"));
        assert_eq!(d("年底前").as_deref(), Some("2022-12-31"));
        assert_eq!(d("明年").as_deref(), Some("2023-12-31"));
        assert_eq!(deadline_date("年内", None), None);
        assert_eq!(d("2025年前"), None);
        assert_eq!(d("2022年13月"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2022-04-22 16:05").unwrap().0, "2022-04-22");
        assert_eq!(parse_date("2022年4月22日").unwrap().0, "2022-04-22");
        assert_eq!(parse_date("二〇〇五年六月十一日").unwrap().0, "2005-06-11");
        assert_eq!(parse_date("2022年13月1日"), None);
        assert_eq!(find_date("发布日期：2022-04-22").unwrap().1, "2022-04-22");
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
}

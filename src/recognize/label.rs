//! Heading labels, parsed with nom: `一、` `（一）` `1.` `1．` `1、` `（1）` `①`
//! `第一编` `第一分编` `第一章` `第一节` `第一条` `第一部分`, and the decimal `1.1　`. Takes the text at a
//! candidate position; gives the label's style, number and length. Whether a label is
//! a heading is decided by the caller (`outline`), which knows where the label stands.
//! The characters here (第, 章, 、…) are the grammar of GB/T 9704 labels, not a word list.

use crate::model::{Label, Style};
use crate::text::numeral::{
    circled, digit_value, is_cn_numeral_char, parse_arabic_int, parse_cn_int,
};
use nom::{
    branch::alt,
    bytes::complete::tag,
    character::complete::{anychar, char},
    combinator::map_opt,
    IResult,
};

type R<'a, T> = IResult<&'a str, T>;

/// A label's number is short: at most this many digits…
const LABEL_DIGITS: usize = 7;
/// …or Chinese numeral characters (`九十九万九千九百九十九` is 11). Reading no further
/// keeps every label read bounded, however long a run of digits a text holds.
const LABEL_NUMERAL_CHARS: usize = 16;

fn cn_number(i: &str) -> R<'_, u64> {
    let head = &i[..crate::text::floor_boundary(i, LABEL_NUMERAL_CHARS * 3)];
    match parse_cn_int(head, false) {
        Some((v, n)) if v > 0 => Ok((&i[n..], v)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

fn arabic_number(i: &str) -> R<'_, u64> {
    match parse_arabic_int(i, LABEL_DIGITS) {
        Some((v, n)) => Ok((&i[n..], v)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

fn open_paren(i: &str) -> R<'_, char> {
    alt((char('('), char('（')))(i)
}

fn close_paren(i: &str) -> R<'_, char> {
    alt((char(')'), char('）')))(i)
}

/// 第一章 / 第一节 / 第一条 (also with Arabic numbers: 第1条).
fn di(i: &str) -> R<'_, (Style, u64, char)> {
    let (i, _) = tag("第")(i)?;
    let (i, n) = alt((cn_number, arabic_number))(i)?;
    let (i, c) = alt((
        char('章'),
        char('节'),
        char('条'),
        char('编'),
        |i| tag("分编")(i).map(|(r, _)| (r, '分')),
        |i| tag("部分")(i).map(|(r, _)| (r, '部')),
    ))(i)?;
    let style = match c {
        // 第一部分 is a chapter, as 第一章 is.
        '章' | '部' => Style::Zhang,
        '编' => Style::Bian,
        '分' => Style::FenBian,
        '节' => Style::Jie,
        _ => Style::Tiao,
    };
    Ok((i, (style, n, c)))
}

fn cn_dun(i: &str) -> R<'_, (Style, u64, char)> {
    let (i, n) = cn_number(i)?;
    let (i, c) = char('、')(i)?;
    Ok((i, (Style::CnDun, n, c)))
}

fn paren(i: &str) -> R<'_, (Style, u64, char, char)> {
    let (i, o) = open_paren(i)?;
    let (i, (style, n)) = alt((
        |i| cn_number(i).map(|(r, n)| (r, (Style::CnParen, n))),
        |i| arabic_number(i).map(|(r, n)| (r, (Style::ArabicParen, n))),
    ))(i)?;
    let (i, c) = close_paren(i)?;
    Ok((i, (style, n, o, c)))
}

fn arabic_dot(i: &str) -> R<'_, (Style, u64, char)> {
    let (i, n) = arabic_number(i)?;
    let (i, c) = alt((char('.'), char('．'), char('、')))(i)?;
    Ok((i, (Style::ArabicDot, n, c)))
}

fn with_open(r: R<'_, (Style, u64, char)>) -> R<'_, (Style, u64, char, Option<char>)> {
    r.map(|(rest, (style, number, punct))| (rest, (style, number, punct, None)))
}

/// A decimal heading number has at most this many levels (`1.2.1.1`)…
const DECIMAL_LEVELS: usize = 4;
/// …and each is below 100.
const DECIMAL_MAX: u64 = 99;
/// Only so many bytes after a decimal number are read to see its line.
const DECIMAL_LOOKAHEAD: usize = 400;
/// A one-level decimal heading (`1　总则`) is a short line.
const DECIMAL_HEADING_CHARS: usize = 30;
/// No document numbers its items this high: a larger number is no label.
const LARGEST_NUMBER: u64 = 1_000_000;

/// `1　总则`, `1.1　编制目的`, `1.2.1　国家级`: numbers joined by dots, then white space.
/// A one-level number must head a short line (`1　总则`), not open a sentence.
fn decimal(i: &str) -> R<'_, (Style, u64, char)> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
    let mut rest = i;
    // How many numbers, and the last.
    let mut levels = 0;
    let mut last;
    loop {
        let (r, n) = arabic_number(rest)?;
        if n > DECIMAL_MAX {
            return Err(fail());
        }
        (levels, last) = (levels + 1, n);
        rest = r;
        match rest.strip_prefix(['.', '．']) {
            Some(r)
                if r.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
                    && levels < DECIMAL_LEVELS =>
            {
                rest = r
            }
            _ => break,
        }
    }
    let ws = rest
        .chars()
        .next()
        .filter(|c| *c == ' ' || *c == '\u{3000}' || *c == '\t')
        .ok_or_else(fail)?;
    // Only the start of the line matters; long lines are not read to their end.
    let head = &rest[..crate::text::floor_boundary(rest, DECIMAL_LOOKAHEAD)];
    let line = head.split(['\n', '\r']).next().unwrap_or("").trim();
    if line.is_empty() {
        return Err(fail());
    }
    if levels == 1
        && (line.chars().count() > DECIMAL_HEADING_CHARS
            || line.contains(['。', '，', '；', ',', ';']))
    {
        return Err(fail());
    }
    // `3\t一类\t高脂血症`: the first cell of a table row (cells are tab-separated), no
    // heading.
    if ws == '\t' && line.contains('\t') {
        return Err(fail());
    }
    let style = [Style::Dec1, Style::Dec2, Style::Dec3, Style::Dec4][levels - 1];
    Ok((rest, (style, last, ws)))
}

fn circled_label(i: &str) -> R<'_, (Style, u64, char)> {
    let (i, (c, n)) = map_opt(anychar, |c| circled(c).map(|n| (c, n)))(i)?;
    Ok((i, (Style::Circled, n, c)))
}

/// Parses a label at the start of `s`. Shape checks that need the text after
/// the label (decimal numbering `1.1`, `1.5倍`) are applied here too.
pub(crate) fn parse_label(s: &str) -> Option<Label> {
    // Most lines start with no label at all: one look at the first character says so.
    let first = s.chars().next()?;
    let may_start = first == '第'
        || first == '('
        || first == '（'
        || digit_value(first).is_some()
        || circled(first).is_some()
        || is_cn_numeral_char(first);
    if !may_start {
        return None;
    }
    let res: R<'_, (Style, u64, char, Option<char>)> = alt((
        |i| with_open(di(i)),
        |i| with_open(cn_dun(i)),
        |i| paren(i).map(|(r, (s, n, o, c))| (r, (s, n, c, Some(o)))),
        |i| with_open(decimal(i)),
        |i| with_open(arabic_dot(i)),
        |i| with_open(circled_label(i)),
    ))(s);
    let (rest, (style, number, punct, open)) = res.ok()?;
    if style == Style::ArabicDot && punct != '、' && !dot_label_ok(rest) {
        return None;
    }
    // 0 is no label; neither is a number no document numbers its items up to.
    if number == 0 || number > LARGEST_NUMBER {
        return None;
    }
    Some(Label {
        style,
        number,
        len: (s.len() - rest.len()) as u32,
        punct,
        open,
    })
}

/// `8.300家企业入库`, `5. 100周岁及以上的`: an Arabic label followed by the digits that
/// begin its heading, which [`parse_label`] reads as a decimal number. Gives the label
/// and the rest after it; whether it is one is for the sequence around it to decide.
pub(crate) fn ambiguous_dot_label(s: &str) -> Option<(Label, &str)> {
    if parse_label(s).is_some() {
        return None;
    }
    let (rest, (style, number, punct)) = arabic_dot(s).ok()?;
    if punct == '、' || number == 0 || number > LARGEST_NUMBER {
        return None;
    }
    let spaced = rest.trim_start_matches([' ', '\u{3000}']);
    if !spaced.starts_with(|c: char| digit_value(c).is_some()) {
        return None;
    }
    let label = Label {
        style,
        number,
        len: (s.len() - rest.len()) as u32,
        punct,
        open: None,
    };
    Some((label, spaced))
}

/// After `N.`: a digit means decimal numbering (`1.1　编制目的`, `1.2.1`) or a
/// decimal number (`1.5倍`), unless the digits are a year or a count that opens
/// the item's text (`3．2020年底前…`).
fn dot_label_ok(rest: &str) -> bool {
    let spaced = rest.trim_start_matches([' ', '\u{3000}', '\t']);
    let digit = |s: &str| s.chars().next().and_then(digit_value).is_some();
    if spaced.len() != rest.len() {
        // `13728. 6083`: a number split by a space, not a label.
        return !digit(spaced);
    }
    if !digit(rest) {
        return true;
    }
    // Four digits and 年: a year that opens the item's text.
    let digits = rest
        .chars()
        .take(5)
        .take_while(|&c| digit_value(c).is_some())
        .count();
    digits == 4 && rest.chars().nth(4) == Some('年')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Option<(Style, u64, usize)> {
        parse_label(s).map(|l| (l.style, l.number, l.len as usize))
    }

    #[test]
    fn labels() {
        assert_eq!(l("一、总体要求"), Some((Style::CnDun, 1, 6)));
        assert_eq!(l("二十三、x"), Some((Style::CnDun, 23, 12)));
        assert_eq!(l("(一)现代金融"), Some((Style::CnParen, 1, 5)));
        assert_eq!(l("（十四）教育"), Some((Style::CnParen, 14, 12)));
        assert_eq!(l("15.加快"), Some((Style::ArabicDot, 15, 3)));
        assert_eq!(l("1．及时"), Some((Style::ArabicDot, 1, 4)));
        assert_eq!(l("1、开展"), Some((Style::ArabicDot, 1, 4)));
        assert_eq!(l("（1）统一"), Some((Style::ArabicParen, 1, 7)));
        assert_eq!(l("(12)统一"), Some((Style::ArabicParen, 12, 4)));
        assert_eq!(l("①做好"), Some((Style::Circled, 1, 3)));
        assert_eq!(l("第一章　总　　则"), Some((Style::Zhang, 1, 9)));
        assert_eq!(l("第二十三条　x"), Some((Style::Tiao, 23, 15)));
        assert_eq!(l("第3节"), Some((Style::Jie, 3, 7)));
        assert_eq!(l("第一编　总则"), Some((Style::Bian, 1, 9)));
        assert_eq!(l("第二分编 合同"), Some((Style::FenBian, 2, 12)));
        assert_eq!(l("第二部分　重点任务"), Some((Style::Zhang, 2, 12)));
        assert_eq!(l("3．2020年底前开展"), Some((Style::ArabicDot, 3, 4)));
        assert!(parse_label("（一)x").unwrap().mismatched_brackets());
        assert_eq!(l("1　总则"), Some((Style::Dec1, 1, 1)));
        assert_eq!(l("1.1　编制目的"), Some((Style::Dec2, 1, 3)));
        assert_eq!(l("2.1.3　成员单位职责"), Some((Style::Dec3, 3, 5)));
        assert_eq!(l("4.2　国家级(Ⅰ级)应急响应"), Some((Style::Dec2, 2, 3)));
    }

    #[test]
    fn not_labels() {
        for s in [
            "2022年,全省",
            "5G网络",
            "1+3+N",
            "2022 年度",
            "1　为了有效监测和控制各类突发公共事件，制定本预案。",
            "1.5倍",
            "1.5倍",
            "13728. 6083",
            "2022-04-22",
            "一是加强",
            "二〇〇五年六月十一日",
            "（此件公开发布）",
            "0.",
            "第三批",
            "十大产业",
            "3\t一类\t高脂血症\t200元/月",
        ] {
            assert_eq!(parse_label(s), None, "{s}");
        }
    }
}

//! Marks and digits as GB/T 15834-2011 and GB/T 15835-2011 write them: half-width
//! punctuation between Chinese characters, full-width digits, a range joined by a
//! hyphen. These checks are off unless selected (`--select punctuation`, `numbers`,
//! `GB15835`…): web pages and converted files normalise marks away, and a document
//! whose every comma is half-width (the seed) is one problem to fix, not a review. Each
//! report covers one line (or one run) and carries its mechanical fix.

use super::report::Reports;
use crate::lexicon::messages::say_args;
use crate::model::{Code, Diagnostic, Document};

fn han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// A mark that closes a Chinese phrase: Han, or full-width punctuation and brackets.
fn chinese(c: char) -> bool {
    han(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff60}' | '“' | '”' | '‘' | '’')
}

/// The full-width form of a half-width sentence mark.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// `,` `;` `:` `?` `!` with a Chinese character on each side: one report a line, its fix
/// writing every such mark of the line full-width.
pub(super) fn half_width_punctuation(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::HalfWidthPunctuation) {
        return;
    }
    let lang = out.lang;
    let text = doc.own_text();
    for r in crate::text::span::line_iter(text) {
        let (start, line) = (r.start, &text[r]);
        let mut edits = Vec::new();
        let mut prev: Option<char> = None;
        let mut chars = line.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if let Some(f) = full_width(c) {
                if prev.is_some_and(chinese) && next.is_some_and(chinese) {
                    edits.push((start + k, c, f));
                }
            }
            prev = Some(c);
        }
        let Some(&(first, mark, _)) = edits.first() else {
            continue;
        };
        if out.is_full(Code::HalfWidthPunctuation) {
            out.left_out(Code::HalfWidthPunctuation, first..first + 1);
            continue;
        }
        let mut d = Diagnostic::new(
            Code::HalfWidthPunctuation,
            first..first + 1,
            say_args!(
                lang,
                "half-width-punctuation",
                count = edits.len(),
                mark = mark
            ),
        )
        .suggest(say_args!(lang, "suggest-full-width"));
        for (at, _, f) in edits {
            d = d.fix(at..at + 1, f.to_string());
        }
        out.push(d);
    }
}

/// A run of full-width digits (`２０２２`, `１年`): one report a run, the fix writing it
/// with ASCII digits.
pub(super) fn full_width_digits(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::FullWidthDigits) {
        return;
    }
    let lang = out.lang;
    let text = doc.own_text();
    let mut run: Option<usize> = None;
    let report = |a: usize, b: usize, out: &mut Reports| {
        if out.is_full(Code::FullWidthDigits) {
            out.left_out(Code::FullWidthDigits, a..b);
            return;
        }
        let written = &text[a..b];
        let fixed: String = written
            .chars()
            .map(|c| char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c))
            .collect();
        out.push(
            Diagnostic::new(
                Code::FullWidthDigits,
                a..b,
                say_args!(lang, "full-width-digits", digits = written),
            )
            .suggest(say_args!(lang, "suggest-write", text = fixed.as_str()))
            .fix(a..b, fixed),
        );
    };
    for (k, c) in text.char_indices() {
        match (('０'..='９').contains(&c), run) {
            (true, None) => run = Some(k),
            (false, Some(a)) => {
                report(a, k, out);
                run = None;
            }
            _ => {}
        }
    }
    if let Some(a) = run {
        report(a, text.len(), out);
    }
}

/// The most digits a number of a range has (a longer one is a code or a telephone
/// number: `0351-1234567`).
const RANGE_DIGITS: usize = 5;

/// Two numbers joined by a hyphen and followed by a unit or `%` (`3-5个`, `10-20%`,
/// `2021-2025年`), not part of a longer chain (`2022-04-22`, `0351-1234567`): the fix
/// joins them with `～` (GB/T 15834-2011 4.13.3: 标示数值范围用浪纹线).
pub(super) fn range_hyphens(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::RangeHyphen) {
        return;
    }
    let lang = out.lang;
    let text = doc.own_text();
    let bytes = text.as_bytes();
    let number = |c: u8| c.is_ascii_digit() || c == b'.';
    for (k, hy) in text.match_indices(['-', '－']) {
        // The numbers on each side.
        let mut a = k;
        while a > 0 && number(bytes[a - 1]) {
            a -= 1;
        }
        let mut b = k + hy.len();
        while b < bytes.len() && number(bytes[b]) {
            b += 1;
        }
        let (left, right) = (&text[a..k], &text[k + hy.len()..b]);
        let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
        let plain = |s: &str| {
            (1..=RANGE_DIGITS).contains(&digits(s)) && !s.starts_with('.') && !s.ends_with('.')
        };
        // A range runs upwards (`1109-2室` is a room), and a number with a leading zero
        // is a code (`020-12345`).
        let value = |s: &str| s.parse::<f64>().ok();
        let code = |s: &str| s.len() > 1 && s.starts_with('0') && !s.starts_with("0.");
        if !plain(left) || !plain(right) || code(left) || code(right) {
            continue;
        }
        if !matches!((value(left), value(right)), (Some(x), Some(y)) if x < y) {
            continue;
        }
        let before = text[..a].chars().next_back();
        let after = text[b..].chars().next();
        let chained = before.is_some_and(|c| c.is_ascii_alphanumeric() || "-－/:：_".contains(c));
        let unit = after.is_some_and(|c| han(c) || c == '%' || c == '％');
        if chained || !unit {
            continue;
        }
        if out.is_full(Code::RangeHyphen) {
            out.left_out(Code::RangeHyphen, a..b);
            continue;
        }
        let fixed = format!("{left}～{right}");
        out.push(
            Diagnostic::new(
                Code::RangeHyphen,
                k..k + hy.len(),
                say_args!(lang, "range-hyphen", range = &text[a..b]),
            )
            .suggest(say_args!(lang, "suggest-write", text = fixed.as_str()))
            .fix(a..b, fixed),
        );
    }
}

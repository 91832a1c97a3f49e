//! Zones: where the header ends and the body begins, the trailer under the body
//! (signature, date, notes, junk), and a table of contents.
//!
//! Each header line is classified here, once, with what was recognised in it; the
//! metadata extractor reads the kinds instead of testing the lines again.

use crate::lexicon::Lexicon;
use crate::model::{DocNumber, HeaderKind, HeaderLine, SkipReason, Skipped};
use crate::recognize::date::{find_date, is_date_line};
use crate::recognize::doc_number::{decree_serial, find_doc_numbers};
use crate::recognize::label::parse_label;
use crate::text::span::Lines;
use crate::text::{at_most_solid, is_han, is_ws, trim, without_ws};
use std::ops::Range;

/// A line longer than this (in bytes) is body: no header line is so long. When the
/// first line is, the document lost its line breaks and the header ends with its number.
const LONGEST_HEADER_LINE: usize = 900;
/// In a document on one line, the number stands within this many bytes of the start.
const NUMBER_WITHIN: usize = 600;
/// A line with more characters than this reads like body text.
const BODY_LINE_CHARS: usize = 100;
/// So many header lines without a body-like line: this is no header, but text without
/// punctuation (a list of names, a table); only web-page chrome is kept as header.
const MAX_HEADER_LINES: usize = 10;
/// A header holds at most this many lines of any kind (chrome, numbers, dates): a text of
/// a million document numbers, one a line, has its header end there, and its lines are
/// body (each header line is kept and set aside, so they must be few).
const MOST_HEADER_LINES: usize = 1_000;
/// Web-page chrome is a short line (a menu, a breadcrumb).
const LONGEST_CHROME_LINE: usize = 600;
/// A signature names an organisation in at most this many characters.
const LONGEST_ORG_LINE: usize = 30;
/// A publication note is short: `（此件公开发布）`.
const LONGEST_NOTE_LINE: usize = 20;
/// Junk: at most this many characters, none Han and none a digit (the seed's `a`).
const LONGEST_JUNK: usize = 3;
/// A trailer (signature, date, notes, page furniture) is at most this many lines: a text
/// that ends in a million junk lines keeps the rest as body, in bounded memory.
const MAX_TRAILER_LINES: usize = 1_000;
/// The `目录` line is short (in bytes, with its spacing), and so is every entry after it
/// (in characters); entries end at the first repeated one, within this many lines.
const LONGEST_TOC_HEADING: usize = 40;
const LONGEST_TOC_ENTRY: usize = 40;
const TOC_LINES: usize = 400;

/// Web-page navigation: a short line with a chrome word.
pub(crate) fn is_chrome(line: &str, lex: &Lexicon) -> bool {
    line.len() <= LONGEST_CHROME_LINE && lex.chrome_words.found_in(line)
}

/// A short line naming an organisation, as in a signature (`国务院办公厅`).
pub(crate) fn is_org_line(line: &str, lex: &Lexicon) -> bool {
    if !at_most_solid(line, LONGEST_ORG_LINE) {
        return false;
    }
    let s = without_ws(line);
    let n = s.chars().count();
    (2..=LONGEST_ORG_LINE).contains(&n)
        && s.chars().all(is_han)
        && lex.signature_suffixes.suffix_of(&s).is_some()
}

fn is_note_line(line: &str, lex: &Lexicon) -> bool {
    let s = line.trim_matches(is_ws);
    (s.starts_with('（') || s.starts_with('('))
        && (s.ends_with('）') || s.ends_with(')'))
        && lex.note_words.found_in(s)
        && s.chars().count() <= LONGEST_NOTE_LINE
}

fn is_junk_line(line: &str, lex: &Lexicon) -> bool {
    let s = line.trim_matches(is_ws);
    (s.chars().count() <= LONGEST_JUNK && !s.chars().any(|c| is_han(c) || c.is_numeric()))
        || is_chrome(s, lex)
}

/// Whether a line, white space removed, is a table of contents' heading (`目　录`).
pub(crate) fn is_toc_heading(line: &str, lex: &Lexicon) -> bool {
    let s = line.trim_matches(is_ws);
    let first = s.chars().next();
    // Most lines do not even start like one: no copy is made of them.
    lex.toc_headings.iter().any(|h| h.chars().next() == first)
        && lex.toc_headings.is(&without_ws(s))
}

/// What the header line at `r` (trimmed) is: the first that applies of chrome, a line
/// with a document number, a decree's number alone, a line with a date, a source line,
/// anything else. `chrome` and `number` say what was already found in it.
fn classify(
    text: &str,
    r: &Range<usize>,
    lex: &Lexicon,
    chrome: bool,
    number: Option<DocNumber>,
) -> HeaderKind {
    let s = &text[r.clone()];
    let shifted = |mut d: DocNumber| {
        d.range = r.start + d.range.start..r.start + d.range.end;
        d
    };
    if chrome {
        return HeaderKind::Chrome(find_doc_numbers(s, lex).next().map(shifted));
    }
    if let Some(d) = number {
        return HeaderKind::DocNumber(shifted(d));
    }
    if let Some(n) = decree_serial(s) {
        return HeaderKind::DecreeSerial(n);
    }
    if let Some((at, iso, n)) = find_date(s) {
        return HeaderKind::Dated(iso, r.start + at..r.start + at + n);
    }
    if lex.source_labels.found_in(s) {
        return HeaderKind::Source;
    }
    HeaderKind::Text
}

/// Decides where the header ends (the first line that reads like body text) and
/// classifies the header lines.
pub(crate) fn header(text: &str, lines: &Lines, lex: &Lexicon) -> (usize, Vec<HeaderLine>) {
    let mut header = Vec::new();
    for (k, r) in lines.iter().enumerate() {
        if header.len() == MOST_HEADER_LINES {
            return (r.start, header);
        }
        let t = trim(text, r);
        if t.is_empty() {
            continue;
        }
        let s = &text[t.clone()];
        if s.len() > LONGEST_HEADER_LINE {
            // A document whose line breaks were lost (its first line is this long): the
            // header ends with its number. After a title line, a long line is the first
            // paragraph, and the numbers it cites are not the document's.
            if let Some(d) = (header.is_empty())
                .then(|| find_doc_numbers(s, lex).next())
                .flatten()
                .filter(|d| d.range.start < NUMBER_WITHIN)
            {
                let h = t.start..t.start + d.range.end;
                let s = &text[h.clone()];
                let chrome = is_chrome(s, lex);
                let number = find_doc_numbers(s, lex).next();
                header.push(HeaderLine {
                    kind: classify(text, &h, lex, chrome, number),
                    range: h,
                });
                return (t.start + d.range.end, header);
            }
            return (lines.get(k).start, header);
        }
        let chrome = is_chrome(s, lex);
        let number = if chrome {
            None
        } else {
            find_doc_numbers(s, lex).next()
        };
        if chrome || number.is_some() || lex.header_labels.found_in(s) || is_date_line(s) {
            let kind = classify(text, &t, lex, chrome, number);
            header.push(HeaderLine { range: t, kind });
            continue;
        }
        // A title may hold a comma (`关于…，…的意见`): a line that names its subject with
        // 关于 and ends with a document type is one, not a sentence.
        let titled = !s.contains('。')
            && s.contains("关于")
            && crate::recognize::doc_number::ends_with_doc_type(s.trim_end_matches(is_ws), lex);
        let body_like = is_toc_heading(s, lex)
            || parse_label(s).is_some()
            || (s.contains(['。', '，']) && !titled)
            || s.ends_with('：')
            || s.ends_with(':')
            || s.chars().count() > BODY_LINE_CHARS;
        if header.len() >= MAX_HEADER_LINES {
            // No body-like line early on: keep only chrome as header.
            header.retain(|h| matches!(h.kind, HeaderKind::Chrome(_)));
            return (lines.get(0).start, header);
        }
        if body_like {
            return (lines.get(k).start, header);
        }
        let kind = classify(text, &t, lex, false, None);
        header.push(HeaderLine { range: t, kind });
    }
    (text.len(), header)
}

/// Trailing lines that are not body: signature, date, publication notes, junk.
pub(crate) fn trailer(
    text: &str,
    lines: &Lines,
    body_start: usize,
    lex: &Lexicon,
) -> (usize, Vec<Skipped>) {
    let mut out = Vec::new();
    let mut end = text.len();
    for r in lines.iter().rev() {
        if r.start < body_start || out.len() == MAX_TRAILER_LINES {
            break;
        }
        let t = trim(text, r.clone());
        if t.is_empty() {
            end = r.start;
            continue;
        }
        let s = &text[t.clone()];
        let reason = if is_junk_line(s, lex) {
            SkipReason::Junk
        } else if is_date_line(s) || is_org_line(s, lex) {
            SkipReason::Signature
        } else if is_note_line(s, lex) {
            SkipReason::Note
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
pub(crate) fn table_of_contents(
    text: &str,
    lines: &Lines,
    body: &Range<usize>,
    lex: &Lexicon,
) -> Option<Range<usize>> {
    let norm = |j: usize| without_ws(&text[lines.get(j)]);
    let k = lines.iter().position(|r| {
        r.start >= body.start
            && r.end <= body.end
            && r.len() <= LONGEST_TOC_HEADING
            && is_toc_heading(&text[r], lex)
    })?;
    let entries: Vec<usize> = (k + 1..lines.len().min(k + TOC_LINES))
        .filter(|&j| !norm(j).is_empty())
        .collect();
    let first = norm(*entries.first()?);
    let repeat = entries.iter().skip(1).find(|&&j| norm(j) == first)?;
    let last = entries.iter().rev().find(|&&j| j < *repeat)?;
    let ok = entries.iter().filter(|&&j| j < *repeat).all(|&j| {
        !text[lines.get(j)].contains('。') && norm(j).chars().count() <= LONGEST_TOC_ENTRY
    });
    ok.then(|| trim(text, lines.get(k).start..lines.get(*last).end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_are_classified_once() {
        let lex = Lexicon::builtin();
        let t = "首页 > 政策 > 网站地图\n关于印发某方案的通知\n晋政办发〔2022〕35号\n发布日期：2022-04-22\n来源：省政府办公厅\n各市人民政府：\n";
        let index = crate::text::LineIndex::new(t);
        let (end, h) = header(t, &index.lines(t), &lex);
        let kinds: Vec<&str> = h
            .iter()
            .map(|l| match l.kind {
                HeaderKind::Chrome(_) => "chrome",
                HeaderKind::DocNumber(_) => "number",
                HeaderKind::Dated(..) => "dated",
                HeaderKind::Source => "source",
                HeaderKind::DecreeSerial(_) => "decree",
                HeaderKind::Text => "text",
            })
            .collect();
        assert_eq!(kinds, ["chrome", "text", "number", "dated", "source"]);
        assert_eq!(&t[end..], "各市人民政府：\n");
        let HeaderKind::DocNumber(d) = &h[2].kind else {
            unreachable!()
        };
        assert_eq!(&t[d.range.clone()], "晋政办发〔2022〕35号");
    }
}

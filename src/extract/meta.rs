//! Metadata: title, document number (发文字号), date, issuer and cited documents.
//!
//! Takes the header lines as the outline classified them, the preamble and the
//! signature lines of the trailer; gives the document's [`Meta`] and sets aside, as
//! `skipped`, the header lines that are neither title nor number.

use super::cap::{cap_report, Cap};
use crate::lexicon::Lexicon;
use crate::model::{
    Citation, Diagnostic, DocNumber, Document, HeaderKind, Lang, Meta, SkipReason, Skipped,
};
use crate::outline::is_org_line;
use crate::recognize::date::{date_line, parse_date};
use crate::recognize::doc_number::{ends_with_doc_type, find_doc_numbers, strip_agency_prefix};
use crate::text::{at_most_solid, is_han, is_ws, squeeze, trim, without_ws};
use std::ops::Range;

/// A title line has no full stop and at most this many characters.
const LONGEST_TITLE_LINE: usize = 80;
/// A line that continues a title is shorter.
const LONGEST_TITLE_CONTINUATION: usize = 40;
/// A regulation's own title under a decree's header is short.
const LONGEST_REGULATION_TITLE: usize = 40;
/// A cited title has 1 to this many characters on one line; the note after it (its
/// document number) 1 to [`LONGEST_CITATION_NOTE`].
const LONGEST_CITED_TITLE: usize = 100;
const LONGEST_CITATION_NOTE: usize = 40;
/// The metadata of a preamble or a trailer are read from at most its first this many
/// lines: a longer preamble is a document without headings, whose title, recipients and
/// signature stand at its start or in its trailer.
const MOST_LINES_READ: usize = 10_000;

/// A document keeps at most this many citations and one more for every
/// [`BYTES_PER_CITATION`] bytes (a list of a thousand titles is a real document; ten
/// megabytes of `《…》` are not); past that they are counted in a `truncated` report.
const MIN_CITATIONS: usize = 10_000;
const BYTES_PER_CITATION: usize = 256;

/// Fills the document's metadata from its header, preamble, trailer and body; reports
/// the citations past the cap.
pub(crate) fn fill(doc: &mut Document, lex: &Lexicon, lang: Lang) -> Option<Diagnostic> {
    let text = doc.text.as_str();
    let mut skipped = Vec::new();
    let mut meta = header(doc, lex, &mut skipped);
    let preamble_lines = doc
        .preamble
        .as_ref()
        .map_or_else(Vec::new, |p| trimmed_lines(text, &p.range));
    regulation_title(text, &preamble_lines, &mut meta, &mut skipped, lex);
    signature(doc, &preamble_lines, &mut meta, lex);
    from_page(doc, &mut meta, lex);
    let mut cap = Cap::new(MIN_CITATIONS, BYTES_PER_CITATION, text.len());
    meta.citations = citations(text, doc.body.clone(), lex, &mut cap);
    doc.meta = meta;
    doc.skipped.append(&mut skipped);
    doc.skipped.sort_by_key(|s| s.range.start);
    cap_report!(cap, lang, "citations-left-out", "note-citations-cap")
}

/// What a web page's information table says: the fields the text leaves open, and those
/// only a page has (索引号, 主题分类, 发布日期, attachments).
fn from_page(doc: &Document, meta: &mut Meta, lex: &Lexicon) {
    let p = &doc.page;
    let text = doc.text.as_str();
    let value = |r: &Option<Range<usize>>| r.clone().map(|r| squeeze(text[r].trim()));
    let date = |r: &Option<Range<usize>>| {
        r.clone()
            .and_then(|r| parse_date(&without_ws(&text[r])).map(|(d, _)| d))
    };
    if meta.title.is_none() {
        if let Some(r) = &p.title {
            meta.title = Some(squeeze(&text[r.clone()]));
            meta.title_range = Some(r.clone());
        }
    }
    if meta.doc_number.is_none() {
        meta.doc_number = p.doc_number.clone().and_then(|r| {
            find_doc_numbers(&text[r.clone()], lex)
                .next()
                .map(|d| shift(d, r.start))
        });
    }
    if meta.issuer.is_none() {
        meta.issuer = value(&p.issuer);
    }
    if meta.date.is_none() {
        meta.date = date(&p.date);
    }
    meta.index_number = value(&p.index_number);
    meta.subject = value(&p.subject);
    meta.published = date(&p.published);
    meta.attachments = p.attachments.clone();
}

fn shift(mut d: DocNumber, by: usize) -> DocNumber {
    d.range = d.range.start + by..d.range.end + by;
    d
}

fn header_line(range: Range<usize>) -> Skipped {
    Skipped {
        range,
        reason: SkipReason::Header,
    }
}

/// The title, number, date and source of the header lines; the lines that are none of
/// these go to `skipped`.
fn header(doc: &Document, lex: &Lexicon, skipped: &mut Vec<Skipped>) -> Meta {
    let text = doc.text.as_str();
    let mut meta = Meta::default();
    let mut title_parts: Vec<Range<usize>> = Vec::new();
    let mut title_done = false;
    let mut decree_header = false;
    for line in &doc.header {
        let r = line.range.clone();
        let s = &text[r.clone()];
        match &line.kind {
            HeaderKind::Chrome(d) => {
                // Navigation, though the document number may have run into it.
                if meta.doc_number.is_none() {
                    meta.doc_number = d.clone();
                }
                skipped.push(Skipped {
                    range: r,
                    reason: SkipReason::Chrome,
                });
                continue;
            }
            HeaderKind::DocNumber(d) => {
                let before = trim(text, r.start..d.range.start);
                let after = trim(text, d.range.end..r.end);
                if meta.doc_number.is_none() {
                    meta.doc_number = Some(d.clone());
                    // GB/T 9704 puts the number between the issuer's mark and the
                    // title: lines before it that no document type closed were the
                    // mark (or a link above the article), not the title's start.
                    if !title_done && before.is_empty() {
                        skipped.extend(title_parts.drain(..).map(header_line));
                        decree_header = false;
                    }
                } else {
                    // A second number in the header is kept as a header line.
                    skipped.push(header_line(d.range.clone()));
                }
                if !before.is_empty()
                    && !title_done
                    && ends_with_doc_type(&text[before.clone()], lex)
                {
                    title_parts.push(before);
                    title_done = true;
                } else if !before.is_empty() {
                    skipped.push(header_line(before));
                }
                if !after.is_empty() {
                    skipped.push(header_line(after));
                }
                continue;
            }
            // `中华人民共和国国务院令` then `第706号` on the next line.
            HeaderKind::DecreeSerial(serial) if decree_header && meta.doc_number.is_none() => {
                let header = title_parts
                    .last()
                    .map(|t| squeeze(&text[t.clone()]))
                    .unwrap_or_default();
                let agency = strip_agency_prefix(&header, lex);
                meta.doc_number = Some(DocNumber {
                    text: format!("{agency}{}", without_ws(s)),
                    agency: agency.to_string(),
                    year: None,
                    serial: *serial,
                    range: r,
                    brackets: None,
                });
                continue;
            }
            HeaderKind::Dated(iso, _) => {
                if meta.date.is_none() {
                    meta.date = Some(iso.clone());
                }
                title_done |= !title_parts.is_empty();
                skipped.push(header_line(r));
                continue;
            }
            HeaderKind::Source => {
                title_done |= !title_parts.is_empty();
                if let Some(v) = s.split(['：', ':']).nth(1) {
                    let v = v.trim_matches(is_ws);
                    if !v.is_empty() && meta.issuer.is_none() {
                        meta.issuer = Some(v.to_string());
                    }
                }
                skipped.push(header_line(r));
                continue;
            }
            HeaderKind::DecreeSerial(_) | HeaderKind::Text => {}
        }
        // A line that ends with a comma or a colon goes on into a sentence (`12月17日,`) or
        // addresses someone (`各区人民政府：`): no title.
        let open_ended = s
            .trim_end_matches(is_ws)
            .ends_with(['，', ',', '；', ';', '：', ':', '、']);
        let title_like =
            !s.contains('。') && !open_ended && s.chars().count() <= LONGEST_TITLE_LINE;
        let continues = !title_done
            && title_parts.last().is_some_and(|last| {
                !ends_with_doc_type(&squeeze(&text[last.clone()]), lex)
                    && s.chars().count() <= LONGEST_TITLE_CONTINUATION
            });
        if title_like && (title_parts.is_empty() || continues) && !title_done {
            title_parts.push(r);
            let t = squeeze(s);
            // `中华人民共和国国务院令`: a decree's header; its number may follow alone.
            if t.ends_with('令') {
                decree_header = true;
            }
            if ends_with_doc_type(&t, lex) {
                title_done = true;
            }
            continue;
        }
        // A title is one run of lines: a line that is not part of it ends it.
        title_done |= !title_parts.is_empty();
        skipped.push(header_line(r));
    }
    if let (Some(a), Some(b)) = (title_parts.first(), title_parts.last()) {
        let t: String = title_parts
            .iter()
            .map(|r| squeeze(&text[r.clone()]))
            .collect();
        meta.title = Some(t);
        meta.title_range = Some(a.start..b.end);
    }
    meta
}

/// The lines of `range`, trimmed, without the empty ones; the first [`MOST_LINES_READ`].
pub(super) fn trimmed_lines(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    crate::text::span::line_iter(&text[range.clone()])
        .map(|l| trim(text, range.start + l.start..range.start + l.end))
        .filter(|l| !l.is_empty())
        .take(MOST_LINES_READ)
        .collect()
}

/// A decree's header names the decree; the regulation's own title stands alone below
/// it, and becomes the title (the header stays accounted for, as a header line).
fn regulation_title(
    text: &str,
    preamble_lines: &[Range<usize>],
    meta: &mut Meta,
    skipped: &mut Vec<Skipped>,
    lex: &Lexicon,
) {
    if !meta.title.as_deref().is_none_or(|t| t.ends_with('令')) {
        return;
    }
    let found = preamble_lines.iter().find(|l| {
        // Squeezing keeps every character that is not white space: a line with more of
        // them is too long, and is not copied to learn it (it may be the whole text).
        if !at_most_solid(&text[(*l).clone()], LONGEST_REGULATION_TITLE) {
            return false;
        }
        let s = squeeze(&text[(*l).clone()]);
        s.chars().count() <= LONGEST_REGULATION_TITLE
            && !s.contains('。')
            && lex.regulation_types.suffix_of(&s).is_some()
    });
    if let Some(l) = found {
        if let Some(old) = meta.title_range.take() {
            skipped.push(header_line(old));
        }
        meta.title = Some(squeeze(&text[l.clone()]));
        meta.title_range = Some(l.clone());
    }
}

/// The date and issuer of a signature: the first line of the preamble or the trailer
/// that is a date alone, and the organisation line before it.
fn signature(doc: &Document, preamble_lines: &[Range<usize>], meta: &mut Meta, lex: &Lexicon) {
    let text = doc.text.as_str();
    let trailer_lines = doc
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::Signature)
        .map(|s| s.range.clone());
    let candidates: Vec<Range<usize>> = preamble_lines
        .iter()
        .cloned()
        .chain(trailer_lines)
        .collect();
    for (k, l) in candidates.iter().enumerate() {
        if let Some(d) = date_line(&text[l.clone()]) {
            if meta.date.is_none() {
                meta.date = Some(d);
            }
            if meta.issuer.is_none() && k > 0 && is_org_line(&text[candidates[k - 1].clone()], lex)
            {
                meta.issuer = Some(squeeze(&text[candidates[k - 1].clone()]));
            }
            break;
        }
    }
}
/// Documents cited in the body: `《…》` with the document number that follows it, if any.
fn citations(text: &str, body: Range<usize>, lex: &Lexicon, cap: &mut Cap) -> Vec<Citation> {
    let s = &text[body.clone()];
    titles(s)
        .filter_map(|t| {
            let title = &s[t.title.clone()];
            if !title.chars().any(is_han) || !cap.room(body.start + t.start) {
                return None;
            }
            let doc_number = t.note.clone().and_then(|n| {
                find_doc_numbers(&s[n.clone()], lex)
                    .next()
                    .map(|d| shift(d, body.start + n.start))
            });
            let end = if doc_number.is_some() {
                t.end
            } else {
                t.title.end + '》'.len_utf8()
            };
            Some(Citation {
                title: title.to_string(),
                doc_number,
                range: body.start + t.start..body.start + end,
            })
        })
        .collect()
}

/// A title in `《》` and the bracketed note that may follow it: `《…》（国发〔2019〕3号）`.
#[derive(Debug, PartialEq)]
struct Titled {
    start: usize,
    title: Range<usize>,
    note: Option<Range<usize>>,
    end: usize,
}

/// The titles of `s` in order, as the pattern
/// `《([^《》\n]{1,100})》(?:[（(]([^（）()\n]{1,40})[）)])?` finds them (a title of 1–100
/// characters on one line; a note of 1–40), read by hand: a regex with capture groups
/// and counted repetitions takes thousands of steps for each title.
fn titles(s: &str) -> impl Iterator<Item = Titled> + '_ {
    /// The run of characters from `from` up to the first of `stops`, if 1 to `max`
    /// characters long and ended by one of `ends`: the end of the run and the length of
    /// the character ending it.
    fn run(
        s: &str,
        from: usize,
        max: usize,
        stops: &[char],
        ends: &[char],
    ) -> Option<(usize, usize)> {
        let mut n = 0;
        for (k, c) in s[from..].char_indices() {
            if stops.contains(&c) {
                return (n >= 1 && ends.contains(&c)).then_some((from + k, c.len_utf8()));
            }
            n += 1;
            if n > max {
                return None;
            }
        }
        None
    }
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let start = from + memchr::memmem::find(&s.as_bytes()[from..], "《".as_bytes())?;
        let open = start + '《'.len_utf8();
        let Some((title_end, close)) =
            run(s, open, LONGEST_CITED_TITLE, &['《', '》', '\n'], &['》'])
        else {
            from = open;
            continue;
        };
        let mut t = Titled {
            start,
            title: open..title_end,
            note: None,
            end: title_end + close,
        };
        if let Some(b) = s[t.end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '（' | '('))
        {
            let note = t.end + b.len_utf8();
            let brackets = ['（', '）', '(', ')', '\n'];
            if let Some((note_end, close)) =
                run(s, note, LONGEST_CITATION_NOTE, &brackets, &['）', ')'])
            {
                t.note = Some(note..note_end);
                t.end = note_end + close;
            }
        }
        from = t.end;
        return Some(t);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The titles as the regex that states the rule finds them.
    fn titles_by_regex(s: &str) -> Vec<Titled> {
        let re = Regex::new(r"《([^《》\n]{1,100})》(?:[（(]([^（）()\n]{1,40})[）)])?").unwrap();
        re.captures_iter(s)
            .map(|c| Titled {
                start: c.get(0).unwrap().start(),
                title: c.get(1).unwrap().range(),
                note: c.get(2).map(|m| m.range()),
                end: c.get(0).unwrap().end(),
            })
            .collect()
    }

    fn meta_of(text: &str) -> crate::model::Meta {
        crate::parse_text(text, &crate::Options::default()).meta
    }

    #[test]
    fn the_issuers_mark_above_the_number_is_not_the_title() {
        let m = meta_of(
            "某某市人民政府办公厅\n某政办发〔2020〕1号\n某某市人民政府办公厅关于印发某某工作方案的通知\n各区人民政府：\n现将方案印发给你们，请认真贯彻执行。\n",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("某某市人民政府办公厅关于印发某某工作方案的通知")
        );
        assert_eq!(
            m.doc_number.map(|d| d.text).as_deref(),
            Some("某政办发〔2020〕1号")
        );
        // A title that a document type closes stays the title when the number follows.
        let m = meta_of("某某省人民政府关于某某工作的通报\n某政发〔2004〕7号\n各市人民政府：\n现将有关情况通报如下。\n");
        assert_eq!(m.title.as_deref(), Some("某某省人民政府关于某某工作的通报"));
    }

    #[test]
    fn titles_as_the_regex_finds_them() {
        let long = "长".repeat(100);
        let cases = [
            "依据《中华人民共和国民法典》（主席令第45号）和《条例》(国发〔2019〕3号)。".to_string(),
            "《》《《a》》《b\n》《c》（）《d》（x（y）》《e》(unclosed".to_string(),
            format!("《{long}》《{long}长》《x》（{}）", "注".repeat(41)),
            format!("《x》（{}）《y》", "注".repeat(40)),
            "《未闭合 《闭合》".to_string(),
        ];
        for c in &cases {
            assert_eq!(titles(c).collect::<Vec<_>>(), titles_by_regex(c), "{c}");
        }
        assert_eq!(titles(&cases[0]).count(), 2);
        // The real documents are compared in tests/corpus.rs, through the citations.
        let seed = include_str!("../../seeds/000_ae5005f7988b7668.txt");
        assert_eq!(titles(seed).collect::<Vec<_>>(), titles_by_regex(seed));
        assert!(titles(seed).count() > 0);
    }
}

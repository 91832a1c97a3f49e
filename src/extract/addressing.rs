//! Who a document is from and to, and what it is: its type (文种), issuers, recipients
//! (主送机关), signatory, a signature run into the last paragraph, and the attachments its
//! text lists.
//!
//! Takes the document after [`meta`](super::meta) has read its header, preamble and
//! trailer; fills the fields of [`Meta`](crate::model::Meta) those left open. Reads only
//! short lines and the end of the body: linear in the text.

use super::meta::trimmed_lines;
use crate::lexicon::messages::say_args;
use crate::lexicon::Lexicon;
use crate::model::{Attachment, Code, Diagnostic, Document, Lang, SkipReason};
use crate::outline::is_org_line;
use crate::recognize::date::parse_date;
use crate::recognize::doc_number::{doc_type, ends_with_doc_type};
use crate::text::span::Lines;
use crate::text::{at_most_solid, is_han, is_ws, squeeze, without_ws};
use std::ops::Range;

/// A recipients line is at most this many characters.
const LONGEST_RECIPIENTS: usize = 160;
/// A signatory line (`总理　李克强`) is short, and a name 2 to 4 Han characters.
const LONGEST_SIGNATORY: usize = 16;
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;
/// An attachment's name is at most this many characters.
const LONGEST_ATTACHMENT_NAME: usize = 80;
/// The end of an attachment's name wrapped onto a line of its own is short.
const WRAPPED_NAME: usize = 40;
/// A signature run into the last paragraph is read from at most this many bytes of its end.
const RUN_IN_SIGNATURE_BYTES: usize = 200;

/// Fills type, issuers, recipients, signatory and listed attachments; reports a list of
/// attachments cut at [`MOST_ATTACHMENTS`].
pub(crate) fn fill(doc: &mut Document, lex: &Lexicon, lang: Lang) -> Option<Diagnostic> {
    let text = doc.text.as_str();
    let preamble: Vec<Range<usize>> = doc
        .preamble
        .as_ref()
        .map_or_else(Vec::new, |p| trimmed_lines(text, &p.range));
    let trailer: Vec<Range<usize>> = doc
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::Signature)
        .flat_map(|s| trimmed_lines(text, &s.range))
        .collect();
    let mut meta = std::mem::take(&mut doc.meta);
    if meta.title.is_none() {
        if let Some(r) = issued_title(text, &preamble, lex) {
            meta.title = Some(squeeze(&text[r.clone()]));
            meta.title_range = Some(r);
        }
    }
    meta.doc_type = meta
        .title
        .as_deref()
        .and_then(|t| doc_type(t, lex))
        .map(String::from);
    if meta.issuer.is_none() {
        meta.issuer = meta.title.as_deref().and_then(|t| title_issuer(t, lex));
    }
    if meta.date.is_none() {
        if let Some((issuer, date)) = run_in_signature(text, doc.body.clone(), lex) {
            meta.date = Some(date);
            if meta.issuer.is_none() {
                meta.issuer = Some(issuer);
            }
        }
    }
    // A decree (`国务院令第706号`) is issued by the organ that numbers it.
    if meta.issuer.is_none() {
        meta.issuer = meta
            .doc_number
            .as_ref()
            .and_then(|d| d.agency.strip_suffix('令'))
            .filter(|a| is_org_line(a, lex))
            .map(String::from);
    }
    meta.issuers = meta
        .issuer
        .as_deref()
        .map(|i| split_issuers(i, lex))
        .unwrap_or_default();
    meta.recipients = preamble
        .iter()
        .take(2)
        .find_map(|l| recipients(&text[l.clone()], lex))
        .unwrap_or_default();
    meta.signatory = preamble
        .iter()
        .chain(&trailer)
        .find_map(|l| signatory(&text[l.clone()], lex));
    let mut cut = None;
    if meta.attachments.is_empty() {
        let (list, more) = listed_attachments(text, &doc.index.lines(text), lex);
        meta.attachments = list;
        cut = more.map(|at| {
            Diagnostic::new(
                Code::Truncated,
                at..at,
                say_args!(lang, "attachments-left-out", max = MOST_ATTACHMENTS),
            )
        });
    }
    doc.meta = meta;
    cut
}

/// A document without a title line (it begins with its recipients, or with the covering
/// notice's text): the title of the document it issues, `现将《…》印发给你们`, else a
/// short line of the preamble that ends with a document type (the plan's own title).
fn issued_title(text: &str, preamble: &[Range<usize>], lex: &Lexicon) -> Option<Range<usize>> {
    for l in preamble {
        let s = &text[l.clone()];
        let Some(close) = s.find('》') else { continue };
        let after = s[close + '》'.len_utf8()..].trim_start_matches(is_ws);
        if lex.issued_to.prefix_of(after).is_none() {
            continue;
        }
        let open = s[..close].rfind('《')?;
        let r = l.start + open + '《'.len_utf8()..l.start + close;
        return (!r.is_empty() && ends_with_doc_type(&text[r.clone()], lex)).then_some(r);
    }
    preamble
        .iter()
        .find(|l| {
            let s = &text[(*l).clone()];
            s.chars().count() <= LONGEST_OWN_TITLE
                && !s.contains(['。', '，', '；', ',', ';', '：', ':'])
                && ends_with_doc_type(s, lex)
        })
        .cloned()
}

/// A plan's own title line in a preamble is short.
const LONGEST_OWN_TITLE: usize = 40;

/// `国务院办公厅关于…的通知`: the issuing organs before `关于` (GB/T 9704's title is
/// 发文机关 + 关于 + 事由 + 文种), when each is an organisation's name.
fn title_issuer(title: &str, lex: &Lexicon) -> Option<String> {
    let (head, _) = title.split_once("关于")?;
    let head = head.trim_matches(is_ws);
    let names = split_issuers(head, lex);
    (!names.is_empty() && names.iter().all(|n| is_org_line(n, lex))).then(|| head.to_string())
}

/// `财政部 税务总局`, `最高人民法院、最高人民检察院`: one name each.
fn split_issuers(s: &str, lex: &Lexicon) -> Vec<String> {
    let pieces: Vec<&str> = s
        .split(|c: char| is_ws(c) || matches!(c, '、' | '，' | ',' | '；' | ';'))
        .filter(|p| !p.is_empty())
        .collect();
    // Names split by spaces inside one name (`国 务 院`) are one name.
    if pieces.len() > 1 && !pieces.iter().all(|p| is_org_line(p, lex)) {
        return vec![squeeze(s)];
    }
    pieces
        .into_iter()
        .flat_map(|p| joined_names(p, lex))
        .collect()
}

/// `广州市医疗保障局广州市财政局`: names of one place written together, cut where the
/// place the first name starts with (`广州市`, [`Lexicon::place_of`]) begins again, when
/// every piece is an organisation's name.
fn joined_names(s: &str, lex: &Lexicon) -> Vec<String> {
    let one = || vec![s.to_string()];
    let Some(place) = lex.place_of(s, true) else {
        return one();
    };
    let mut starts: Vec<usize> = s.match_indices(place).map(|(k, _)| k).collect();
    if starts.len() < 2 {
        return one();
    }
    starts.push(s.len());
    let pieces: Vec<&str> = starts.windows(2).map(|w| &s[w[0]..w[1]]).collect();
    if pieces
        .iter()
        .all(|p| p.len() > place.len() && is_org_line(p, lex))
    {
        pieces.into_iter().map(String::from).collect()
    } else {
        one()
    }
}

/// `各省、自治区、直辖市人民政府，国务院各部委、各直属机构：`: the organs a document is
/// addressed to, split at `，` and before a `、各…`.
fn recipients(line: &str, lex: &Lexicon) -> Option<Vec<String>> {
    let s = line.trim_matches(is_ws);
    let body = s.strip_suffix(['：', ':'])?;
    if body.chars().count() > LONGEST_RECIPIENTS || body.contains(['。', '《', '“']) {
        return None;
    }
    let mut out = Vec::new();
    for group in body.split(['，', ',', '；', ';']) {
        let group = group.trim_matches(is_ws);
        if group.is_empty() {
            continue;
        }
        // `国务院各部委、各直属机构`: a piece that opens with 各 after a full name is a
        // recipient of its own; `各省、自治区、直辖市人民政府` stays one.
        let mut start = 0;
        for (k, _) in group.match_indices('、') {
            let next = &group[k + '、'.len_utf8()..];
            let current = &group[start..k];
            if next.starts_with('各') && lex.unit_suffixes.suffix_of(current).is_some() {
                out.push(current.to_string());
                start = k + '、'.len_utf8();
            }
        }
        out.push(group[start..].to_string());
    }
    let addressed = |r: &String| {
        r.chars()
            .all(|c| is_han(c) || matches!(c, '、' | '（' | '）' | '(' | ')'))
            && (r.starts_with('各') || r.contains('各') || lex.unit_suffixes.suffix_of(r).is_some())
    };
    (!out.is_empty() && out.iter().all(addressed)).then_some(out)
}

/// `总理　李克强`, `省长 张三`: a title word, white space, a name.
fn signatory(line: &str, lex: &Lexicon) -> Option<String> {
    let s = line.trim_matches(is_ws);
    if !at_most_solid(s, LONGEST_SIGNATORY) {
        return None;
    }
    let mut parts = s.split(is_ws).filter(|p| !p.is_empty());
    let (title, name) = (parts.next()?, parts.collect::<String>());
    let n = name.chars().count();
    (lex.signatory_titles.suffix_of(title).is_some()
        && NAME_CHARS.contains(&n)
        && name.chars().all(is_han))
    .then(|| format!("{title} {name}"))
}

/// `…抓好落实。国务院办公厅2020年11月1日`: an organisation and a date closing the body's
/// last paragraph, after its last full stop.
fn run_in_signature(text: &str, body: Range<usize>, lex: &Lexicon) -> Option<(String, String)> {
    let s = text[body].trim_end_matches(is_ws);
    let from = crate::text::floor_boundary(s, s.len().saturating_sub(RUN_IN_SIGNATURE_BYTES));
    let tail = &s[from..];
    let line = tail.rsplit(['\n', '\r']).next()?;
    let after = &line[line
        .rfind(['。', '！', '；'])
        .map_or(0, |k| k + '。'.len_utf8())..];
    let after = without_ws(after);
    // The date is where the first digit (or 〇/二 of a written year) begins.
    let at = after.find(|c: char| c.is_ascii_digit() || c == '二' || c == '〇' || c == '一')?;
    let (org, date) = after.split_at(at);
    let (iso, n) = parse_date(date)?;
    (n == date.len() && is_org_line(org, lex)).then(|| (org.to_string(), iso))
}

/// The attachments the text lists: `附件：1.…` and the numbered lines after it, or
/// `附件：…` alone; else the title under each `附件1` heading. At most
/// [`MOST_ATTACHMENTS`]; where the list went on past them.
fn listed_attachments(
    text: &str,
    lines: &Lines,
    lex: &Lexicon,
) -> (Vec<Attachment>, Option<usize>) {
    let words = crate::text::charset::AnyOf::new(lex.attachment_words.iter());
    if words.find(text).is_none() {
        return (Vec::new(), None);
    }
    // The lines that are not blank, read by index from the text's own line index (a list
    // of them would take 16 bytes a line).
    let n_lines = lines.len();
    let line = |k: usize| text[lines.get(k)].trim_matches(is_ws);
    let next = |mut k: usize| {
        while k < n_lines && line(k).is_empty() {
            k += 1;
        }
        k
    };
    let name = |s: &str| {
        let s = s.trim_matches(is_ws).trim_end_matches(['；', ';', '。']);
        let s = s
            .strip_prefix('《')
            .and_then(|x| x.strip_suffix('》'))
            .unwrap_or(s);
        let ok = !s.is_empty()
            && s.chars().count() <= LONGEST_ATTACHMENT_NAME
            && !s.contains('。')
            && s.chars().any(is_han);
        ok.then(|| Attachment {
            name: squeeze(s),
            href: None,
        })
    };
    let mut out = Vec::new();
    let mut headings = Vec::new();
    let mut k = next(0);
    while k < n_lines {
        if out.len() > MOST_ATTACHMENTS || headings.len() > MOST_ATTACHMENTS {
            break;
        }
        // Only a line that holds one of the words can start with one: on to the next such
        // line, passing over those between by one search rather than reading each.
        let from = lines.get(k).start;
        let Some(at) = words.find(&text[from..]) else {
            break;
        };
        k = k.max(lines.index_of(from + at));
        let l = line(k);
        k = next(k + 1);
        let Some(word) = lex.attachment_words.prefix_of(l) else {
            continue;
        };
        let rest = &l[word.len()..];
        let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if let Some(list) = digits.strip_prefix(['：', ':']) {
            if digits.len() != rest.len() {
                // `附件1：《购房补贴相关细则》`: one attachment, named on its heading.
                out.extend(name(list));
                continue;
            }
            match numbered(list.trim_start_matches(is_ws), 1) {
                Some(first) => {
                    out.extend(name(first));
                    let mut n = 2;
                    // The next numbered lines; a short line between two of them is the
                    // end of a name wrapped onto it.
                    while k < n_lines && out.len() <= MOST_ATTACHMENTS {
                        let l = line(k);
                        let after = next(k + 1);
                        if let Some(x) = numbered(l, n) {
                            out.extend(name(x));
                            n += 1;
                        } else if l.chars().count() <= WRAPPED_NAME
                            && !l.contains('。')
                            && after < n_lines
                            && numbered(line(after), n).is_some()
                        {
                            if let Some(last) = out.last_mut() {
                                last.name.push_str(&squeeze(l));
                            }
                        } else {
                            break;
                        }
                        k = after;
                    }
                }
                None => out.extend(name(list)),
            }
        } else if digits.trim_matches(is_ws).is_empty() && k < n_lines {
            // `附件2` alone, then the attachment's title.
            headings.extend(name(line(k)));
        }
    }
    if out.is_empty() {
        out = headings;
    }
    // One past the most was read: the list went on (from about where reading stopped).
    let more = (out.len() > MOST_ATTACHMENTS).then(|| lines.get(k.min(n_lines - 1)).start);
    out.truncate(MOST_ATTACHMENTS);
    (out, more)
}

/// A document lists at most this many attachments (real ones, a few dozen).
const MOST_ATTACHMENTS: usize = 1_000;

/// `2.建材家居商家名录` with `n` = 2: the name after the number.
fn numbered(s: &str, n: u64) -> Option<&str> {
    let rest = s.strip_prefix(n.to_string().as_str())?;
    rest.strip_prefix(['.', '．', '、'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_issuers_recipients_signatories() {
        let lex = Lexicon::builtin();
        assert_eq!(doc_type("关于印发某某方案的通知", &lex), Some("通知"));
        assert_eq!(
            doc_type("关于促进发展的若干措施(征求意见稿)", &lex),
            Some("措施")
        );
        assert_eq!(
            title_issuer("最高人民法院、最高人民检察院关于办理某案件的解释", &lex).as_deref(),
            Some("最高人民法院、最高人民检察院")
        );
        assert_eq!(title_issuer("关于某事的通知", &lex), None);
        assert_eq!(
            split_issuers("财政部　税务总局", &lex),
            ["财政部", "税务总局"]
        );
        assert_eq!(split_issuers("国 务 院", &lex), ["国务院"]);
        assert_eq!(
            split_issuers("广州市医疗保障局广州市财政局广州市卫生健康委员会", &lex),
            ["广州市医疗保障局", "广州市财政局", "广州市卫生健康委员会"]
        );
        assert_eq!(split_issuers("广州市人民政府", &lex), ["广州市人民政府"]);
        assert_eq!(
            recipients(
                "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                &lex
            )
            .unwrap(),
            ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]
        );
        assert_eq!(
            recipients(
                "各县区人民政府,市政府有关部门,市直及省属驻张有关单位:",
                &lex
            )
            .unwrap(),
            ["各县区人民政府", "市政府有关部门", "市直及省属驻张有关单位"]
        );
        assert_eq!(recipients("补贴标准如下：", &lex), None);
        assert_eq!(
            signatory("总理　李克强", &lex).as_deref(),
            Some("总理 李克强")
        );
        assert_eq!(signatory("一、总体要求", &lex), None);
    }

    #[test]
    fn a_signature_run_into_the_last_paragraph() {
        let lex = Lexicon::builtin();
        let t = "一、甲\n各地区要抓好落实。国务院办公厅2020年11月1日";
        assert_eq!(
            run_in_signature(t, 0..t.len(), &lex),
            Some(("国务院办公厅".to_string(), "2020-11-01".to_string()))
        );
        let t = "一、甲\n自2020年11月1日起施行。";
        assert_eq!(run_in_signature(t, 0..t.len(), &lex), None);
    }

    #[test]
    fn attachments_listed_in_the_text() {
        let lex = Lexicon::builtin();
        let names = |t: &str| -> Vec<String> {
            let index = crate::text::LineIndex::new(t);
            let (list, more) = listed_attachments(t, &index.lines(t), &lex);
            assert_eq!(more, None);
            list.into_iter().map(|a| a.name).collect()
        };
        assert_eq!(
            names(
                "正文。\n附件:1.房地产开发企业新建商品住房\n优惠让利项目名录\n2.建材家居商家名录\n"
            ),
            [
                "房地产开发企业新建商品住房优惠让利项目名录",
                "建材家居商家名录"
            ]
        );
        assert_eq!(names("正文。\n附件：《购房补贴细则》\n"), ["购房补贴细则"]);
        assert_eq!(
            names("正文。\n附件1\n重点任务分工表\n序号\t任务\n"),
            ["重点任务分工表"]
        );
        // The word in running text before the list, lines between passed over, the list
        // at the very end, and blank lines (of spaces) around it.
        let before = "详见附件。\n".to_string() + &"正文一行。\n".repeat(50);
        for (tail, want) in [
            ("附件：《甲细则》", vec!["甲细则"]),
            ("  \n　附件：1.甲名录\n\n2.乙名录", vec!["甲名录", "乙名录"]),
            ("附件2\n\n丙表\n见附件1。", vec!["丙表"]),
            ("如附件所列。", vec![]),
        ] {
            assert_eq!(names(&format!("{before}{tail}")), want, "{tail:?}");
        }
    }
}

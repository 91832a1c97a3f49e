//! Metadata: title, document number (发文字号), date, issuer and cited documents.
//!
//! Takes the text and the zones the outline found (header lines, preamble,
//! trailer); gives [`Meta`] and the header lines that are set aside as `skipped`.

use crate::model::Skipped;
use crate::outline::{is_chrome, is_han, is_org_line, is_ws, squeeze, trim, Outline};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub title_range: Option<Range<usize>>,
    pub doc_number: Option<DocNumber>,
    pub date: Option<String>,
    pub date_range: Option<Range<usize>>,
    pub issuer: Option<String>,
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    pub text: String,
    pub agency: String,
    pub year: Option<i32>,
    pub serial: u64,
    pub range: Range<usize>,
    /// The year brackets as written, `〔〕` when GB/T 9704 is followed.
    pub brackets: Option<(char, char)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub title: String,
    pub doc_number: Option<DocNumber>,
    pub range: Range<usize>,
}

static DOCNUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han}{1,12})[ \t]*([〔\[［(（【])[ \t]*((?:19|20)\d{2})[ \t]*([〕\]］)）】])[ \t]*第?[ \t]*(\d{1,5})[ \t]*号").unwrap()
});
static DECREE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Han}{0,12}令)[ \t]*第[ \t]*(\d{1,5})[ \t]*号").unwrap());
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日)",
    )
    .unwrap()
});
static DECREE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^第(\d{1,5})号$").unwrap());

/// Words a document title ends with.
const DOC_TYPES: &[&str] = &[
    "通知", "意见", "方案", "计划", "条例", "办法", "决定", "规定", "批复", "复函", "函", "细则",
    "规划", "纲要", "预案", "报告", "公告", "通告", "决议", "指引", "清单", "措施", "要点", "令",
    "章程", "标准", "目录", "说明", "建议", "指南", "制度", "规则",
];

/// Parses a date at the start of `s`: ISO `YYYY-MM-DD` and the number of bytes read.
pub fn parse_date(s: &str) -> Option<(String, usize)> {
    // Every form starts with a digit of the year: one look rules most lines out.
    if !s.starts_with(|c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c))
    {
        return None;
    }
    let c = DATE.captures(s)?;
    let whole = c.get(0)?.end();
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let cn = |i: usize| {
        c.get(i)
            .and_then(|m| crate::numeral::parse_cn_int(m.as_str(), false))
            .map(|(v, _)| v as u32)
    };
    let (y, m, d) = if c.get(1).is_some() {
        (num(1)?, num(2)?, num(3)?)
    } else if c.get(4).is_some() {
        (num(4)?, num(5)?, num(6)?)
    } else {
        (cn(7)?, cn(8)?, cn(9)?)
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&y))
        .then(|| (format!("{y:04}-{m:02}-{d:02}"), whole))
}

/// Cuts an agency code off text that runs into it: `…分工方案的通知国办发` → `国办发`.
fn agency(prefix: &str) -> String {
    let mut cut = 0;
    for w in [
        "通知", "意见", "方案", "的", "》", "和", "与", "及", "、", "据", "照", "印发", "见",
    ] {
        if let Some(p) = prefix.rfind(w) {
            cut = cut.max(p + w.len());
        }
    }
    let rest = &prefix[cut..];
    // Agency codes are short; keep the last eight characters at most.
    let n = rest.chars().count();
    rest.chars().skip(n.saturating_sub(8)).collect()
}

/// Every document number in `s` (`晋政办发〔2022〕35号`, `国务院令第706号`), with byte ranges in `s`.
pub fn find_doc_numbers(s: &str) -> impl Iterator<Item = DocNumber> + '_ {
    let a = DOCNUM.captures_iter(s).filter_map(|c| {
        let ag = agency(c.get(1)?.as_str());
        if ag.is_empty() {
            return None;
        }
        let start = c.get(1)?.end() - ag.len();
        let end = c.get(0)?.end();
        Some(DocNumber {
            text: s[start..end].to_string(),
            agency: ag,
            year: c.get(3)?.as_str().parse().ok(),
            serial: c.get(5)?.as_str().parse().ok()?,
            range: start..end,
            brackets: Some((
                c.get(2)?.as_str().chars().next()?,
                c.get(4)?.as_str().chars().next()?,
            )),
        })
    });
    let b = DECREE.captures_iter(s).filter_map(|c| {
        let m = c.get(1)?;
        let ag = agency(m.as_str());
        let ag = ag.trim_start_matches("中华人民共和国").to_string();
        if ag.chars().count() < 2 {
            return None;
        }
        let start = m.end() - ag.len();
        Some(DocNumber {
            text: s[start..c.get(0)?.end()].to_string(),
            agency: ag,
            year: None,
            serial: c.get(2)?.as_str().parse().ok()?,
            range: start..c.get(0)?.end(),
            brackets: None,
        })
    });
    a.chain(b)
}

pub fn ends_with_doc_type(s: &str) -> bool {
    // `…管理办法（试行）`, `…规划（2021—2025年）`: a bracket after the type does not hide it.
    let s = s.trim_end_matches(crate::outline::is_ws);
    let s = match s
        .strip_suffix(['）', ')'])
        .and_then(|b| b.rfind(['（', '(']).map(|k| &b[..k]))
    {
        Some(head) if !head.is_empty() => head,
        _ => s,
    };
    DOC_TYPES.iter().any(|t| s.ends_with(t))
}

fn shift(mut d: DocNumber, by: usize) -> DocNumber {
    d.range = d.range.start + by..d.range.end + by;
    d
}

/// Reads the header lines; gives the metadata and the header lines set aside.
pub fn extract(text: &str, outline: &Outline) -> (Meta, Vec<Skipped>) {
    let mut meta = Meta::default();
    let mut skipped = Vec::new();
    let mut title_parts: Vec<Range<usize>> = Vec::new();
    let mut title_done = false;
    let mut decree_header = false;
    for r in &outline.header_lines {
        let s = &text[r.clone()];
        if is_chrome(s) {
            // Navigation, though the document number may have run into it.
            if let Some(d) = find_doc_numbers(s)
                .next()
                .filter(|_| meta.doc_number.is_none())
            {
                meta.doc_number = Some(shift(d, r.start));
            }
            skipped.push(Skipped {
                range: r.clone(),
                reason: "chrome",
            });
            continue;
        }
        if let Some(d) = find_doc_numbers(s).next() {
            let before = trim(text, r.start..r.start + d.range.start);
            let after = trim(text, r.start + d.range.end..r.end);
            let number = r.start + d.range.start..r.start + d.range.end;
            if meta.doc_number.is_none() {
                meta.doc_number = Some(shift(d, r.start));
            } else {
                // A second number in the header is kept as a header line.
                skipped.push(Skipped {
                    range: number,
                    reason: "header",
                });
            }
            if !before.is_empty() && !title_done && ends_with_doc_type(&text[before.clone()]) {
                title_parts.push(before);
                title_done = true;
            } else if !before.is_empty() {
                skipped.push(Skipped {
                    range: before,
                    reason: "header",
                });
            }
            if !after.is_empty() {
                skipped.push(Skipped {
                    range: after,
                    reason: "header",
                });
            }
            continue;
        }
        // `中华人民共和国国务院令` then `第706号` on the next line.
        let squeezed: String = s.chars().filter(|c| !is_ws(*c)).collect();
        if decree_header && meta.doc_number.is_none() {
            if let Some(c) = DECREE_NUMBER.captures(&squeezed) {
                let header = title_parts
                    .last()
                    .map(|t| squeeze(&text[t.clone()]))
                    .unwrap_or_default();
                meta.doc_number = Some(DocNumber {
                    text: format!(
                        "{}{}",
                        header.trim_start_matches("中华人民共和国"),
                        squeezed
                    ),
                    agency: header.trim_start_matches("中华人民共和国").to_string(),
                    year: None,
                    serial: c[1].parse().unwrap_or(0),
                    range: r.clone(),
                    brackets: None,
                });
                continue;
            }
        }
        if let Some(p) = (0..s.len())
            .filter(|&i| s.is_char_boundary(i))
            .find_map(|i| parse_date(&s[i..]).map(|(d, n)| (i, d, n)))
        {
            if meta.date.is_none() {
                meta.date = Some(p.1);
                meta.date_range = Some(r.start + p.0..r.start + p.0 + p.2);
            }
            skipped.push(Skipped {
                range: r.clone(),
                reason: "header",
            });
            continue;
        }
        if s.contains("来源") {
            if let Some(v) = s.split(['：', ':']).nth(1) {
                let v = v.trim_matches(is_ws);
                if !v.is_empty() && meta.issuer.is_none() {
                    meta.issuer = Some(v.to_string());
                }
            }
            skipped.push(Skipped {
                range: r.clone(),
                reason: "header",
            });
            continue;
        }
        let title_like = !s.contains('。') && s.chars().count() <= 80;
        let continues = !title_parts.is_empty()
            && !title_done
            && !ends_with_doc_type(&squeeze(&text[title_parts.last().unwrap().clone()]))
            && s.chars().count() <= 40;
        if title_like && (title_parts.is_empty() || continues) && !title_done {
            title_parts.push(r.clone());
            let t = squeeze(s);
            if t.ends_with('令') {
                decree_header = true;
            }
            if ends_with_doc_type(&t) {
                title_done = true;
            }
            continue;
        }
        skipped.push(Skipped {
            range: r.clone(),
            reason: "header",
        });
    }
    if let (Some(a), Some(b)) = (title_parts.first(), title_parts.last()) {
        let t: String = title_parts
            .iter()
            .map(|r| squeeze(&text[r.clone()]))
            .collect();
        meta.title = Some(t);
        meta.title_range = Some(a.start..b.end);
    }
    // A decree's header names the decree; the regulation's own title stands alone below it.
    let pre_lines: Vec<Range<usize>> = outline
        .preamble
        .iter()
        .flat_map(|p| {
            crate::outline::lines(&text[p.clone()])
                .into_iter()
                .map(move |l| trim(text, p.start + l.start..p.start + l.end))
        })
        .filter(|l| !l.is_empty())
        .collect();
    if meta.title.as_deref().is_none_or(|t| t.ends_with('令')) {
        if let Some(l) = pre_lines.iter().find(|l| {
            let s = squeeze(&text[(*l).clone()]);
            s.chars().count() <= 40
                && !s.contains('。')
                && ["条例", "规定", "办法", "细则", "规则"]
                    .iter()
                    .any(|t| s.ends_with(t))
        }) {
            // The decree header it replaces stays accounted for, as a header line.
            if let Some(old) = meta.title_range.take() {
                skipped.push(Skipped {
                    range: old,
                    reason: "header",
                });
                skipped.sort_by_key(|s| s.range.start);
            }
            meta.title = Some(squeeze(&text[l.clone()]));
            meta.title_range = Some(l.clone());
        }
    }
    // The date and issuer of a signature: the first date line of the preamble or the trailer.
    let trailer_lines = outline
        .skipped
        .iter()
        .filter(|s| s.reason == "signature")
        .map(|s| s.range.clone());
    let candidates: Vec<Range<usize>> = pre_lines.iter().cloned().chain(trailer_lines).collect();
    for (k, l) in candidates.iter().enumerate() {
        let s: String = text[l.clone()].chars().filter(|c| !is_ws(*c)).collect();
        if let Some((d, n)) = parse_date(&s) {
            if n != s.len() {
                continue;
            }
            if meta.date.is_none() {
                meta.date = Some(d);
                meta.date_range = Some(l.clone());
            }
            if meta.issuer.is_none() && k > 0 && is_org_line(&text[candidates[k - 1].clone()]) {
                meta.issuer = Some(squeeze(&text[candidates[k - 1].clone()]));
            }
            break;
        }
    }
    meta.citations = citations(text, outline.body.clone());
    (meta, skipped)
}

/// Documents cited in the body: `《…》` with the document number that follows it, if any.
pub fn citations(text: &str, body: Range<usize>) -> Vec<Citation> {
    let s = &text[body.clone()];
    titles(s)
        .filter_map(|t| {
            let title = &s[t.title.clone()];
            if !title.chars().any(is_han) {
                return None;
            }
            let doc_number = t.note.clone().and_then(|n| {
                find_doc_numbers(&s[n.clone()])
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
        let Some((title_end, close)) = run(s, open, 100, &['《', '》', '\n'], &['》']) else {
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
            if let Some((note_end, close)) = run(s, note, 40, &brackets, &['）', ')']) {
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
        let seed = include_str!("../../seeds/000_ae5005f7988b7668.txt");
        assert_eq!(titles(seed).collect::<Vec<_>>(), titles_by_regex(seed));
        assert!(titles(seed).count() > 0);
        // And on the real documents beside the repository, when they are there.
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let Ok(dir) = std::fs::read_dir(corpus) else {
            eprintln!("skipped: {corpus} is absent");
            return;
        };
        for f in dir
            .flatten()
            .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
        {
            let t = std::fs::read_to_string(f.path()).unwrap_or_default();
            assert_eq!(
                titles(&t).collect::<Vec<_>>(),
                titles_by_regex(&t),
                "{:?}",
                f.path()
            );
        }
    }

    #[test]
    fn doc_numbers() {
        let d: Vec<_> = find_doc_numbers("晋政办发〔2022〕35号").collect();
        assert_eq!(d[0].agency, "晋政办发");
        assert_eq!(d[0].year, Some(2022));
        assert_eq!(d[0].serial, 35);
        let s = "…分工方案的通知国办发〔2020〕43号";
        let d = find_doc_numbers(s).next().unwrap();
        assert_eq!(d.agency, "国办发");
        assert_eq!(&s[d.range.clone()], "国办发〔2020〕43号");
        for s in [
            "国发[2019]3号",
            "国发(2019)3号",
            "国发［2019］3号",
            "国发【2019】3号",
        ] {
            let d = find_doc_numbers(s).next().unwrap();
            assert_eq!(
                (d.agency.as_str(), d.year, d.serial),
                ("国发", Some(2019), 3),
                "{s}"
            );
        }
        let d = find_doc_numbers("国务院令第722号").next().unwrap();
        assert_eq!(
            (d.agency.as_str(), d.year, d.serial),
            ("国务院令", None, 722)
        );
        assert!(find_doc_numbers("2022年4月").next().is_none());
    }

    #[test]
    fn document_types() {
        assert!(ends_with_doc_type("某某市城市绿化管理办法（试行）"));
        assert!(ends_with_doc_type("某某省“十四五”规划（2021—2025年）"));
        assert!(ends_with_doc_type("关于加强管理的通知"));
        assert!(!ends_with_doc_type("国务院关于促进综合保税区"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2022-04-22 16:05").unwrap().0, "2022-04-22");
        assert_eq!(parse_date("2022年4月22日").unwrap().0, "2022-04-22");
        assert_eq!(parse_date("二〇〇五年六月十一日").unwrap().0, "2005-06-11");
        assert_eq!(parse_date("2022年13月1日"), None);
    }
}

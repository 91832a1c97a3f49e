//! Document numbers (发文字号): `晋政办发〔2022〕35号`, `国发[2019]3号`, `国务院令第706号`,
//! and the document type a title ends with.

use crate::lexicon::Lexicon;
use crate::model::DocNumber;
use regex::Regex;
use std::sync::LazyLock;

static DOCNUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han}{1,12})[ \t]*([〔\[［(（【])[ \t]*((?:19|20)\d{2})[ \t]*([〕\]］)）】])[ \t]*第?[ \t]*(\d{1,5})[ \t]*号").expect("a valid pattern")
});
static DECREE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han}{0,12}令)[ \t]*第[ \t]*(\d{1,5})[ \t]*号").expect("a valid pattern")
});
static DECREE_SERIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第(\d{1,5})号$").expect("a valid pattern"));

/// Agency codes are short: at most this many characters are kept of the text before
/// the year (`国办发`, `晋政办发`, `粤府办`).
const AGENCY_CHARS: usize = 8;

/// Cuts an agency code off text that runs into it: `…分工方案的通知国办发` → `国办发`.
fn agency(prefix: &str, lex: &Lexicon) -> String {
    let mut cut = 0;
    for w in lex.agency_cuts.iter() {
        if let Some(p) = prefix.rfind(w) {
            cut = cut.max(p + w.len());
        }
    }
    let rest = &prefix[cut..];
    let n = rest.chars().count();
    rest.chars().skip(n.saturating_sub(AGENCY_CHARS)).collect()
}

/// Every document number in `s`, with byte ranges in `s`: first those with a year, then
/// decrees.
pub(crate) fn find_doc_numbers<'s>(
    s: &'s str,
    lex: &'s Lexicon,
) -> impl Iterator<Item = DocNumber> + 's {
    let a = DOCNUM.captures_iter(s).filter_map(move |c| {
        let ag = agency(c.get(1)?.as_str(), lex);
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
    let b = DECREE.captures_iter(s).filter_map(move |c| {
        let m = c.get(1)?;
        // `中华人民共和国国务院令`: the words before the agency go before it is cut short.
        let ag = agency(strip_agency_prefix(m.as_str(), lex), lex);
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

/// A decree's agency without the words before it that are not part of it
/// (`中华人民共和国国务院令` → `国务院令`, `…日中华人民共和国国务院令` → `国务院令`).
pub(crate) fn strip_agency_prefix<'s>(agency: &'s str, lex: &Lexicon) -> &'s str {
    lex.agency_prefixes
        .iter()
        .fold(agency, |a, p| a.rfind(p).map_or(a, |k| &a[k + p.len()..]))
}

/// The serial of a decree written alone on a line under its header: `第706号`, white
/// space inside allowed (`第 706 号`).
pub(crate) fn decree_serial(line: &str) -> Option<u64> {
    // 第, five digits and 号: a longer line is not copied to learn it is none.
    if !crate::text::at_most_solid(line, 7) {
        return None;
    }
    DECREE_SERIAL
        .captures(&crate::text::without_ws(line))
        .map(|c| c[1].parse().unwrap_or(0))
}

/// Whether a title ends with a document type (`…的通知`); a bracket after the type
/// does not hide it (`…管理办法（试行）`, `…规划（2021—2025年）`).
pub(crate) fn ends_with_doc_type(s: &str, lex: &Lexicon) -> bool {
    doc_type(s, lex).is_some()
}

/// The document type a title ends with (通知, 办法…), a bracket after it passed over.
pub(crate) fn doc_type<'l>(s: &str, lex: &'l Lexicon) -> Option<&'l str> {
    let s = s.trim_end_matches(crate::text::is_ws);
    let s = match s
        .strip_suffix(['）', ')'])
        .and_then(|b| b.rfind(['（', '(']).map(|k| &b[..k]))
    {
        Some(head) if !head.is_empty() => head,
        _ => s,
    };
    lex.doc_types.suffix_of(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_numbers() {
        let lex = Lexicon::builtin();
        let d: Vec<_> = find_doc_numbers("晋政办发〔2022〕35号", &lex).collect();
        assert_eq!(d[0].agency, "晋政办发");
        assert_eq!(d[0].year, Some(2022));
        assert_eq!(d[0].serial, 35);
        let s = "…分工方案的通知国办发〔2020〕43号";
        let d = find_doc_numbers(s, &lex).next().unwrap();
        assert_eq!(d.agency, "国办发");
        assert_eq!(&s[d.range.clone()], "国办发〔2020〕43号");
        for s in [
            "国发[2019]3号",
            "国发(2019)3号",
            "国发［2019］3号",
            "国发【2019】3号",
        ] {
            let d = find_doc_numbers(s, &lex).next().unwrap();
            assert_eq!(
                (d.agency.as_str(), d.year, d.serial),
                ("国发", Some(2019), 3),
                "{s}"
            );
        }
        let d = find_doc_numbers("中华人民共和国国务院令第746号", &lex)
            .next()
            .unwrap();
        assert_eq!(
            (d.agency.as_str(), d.text.as_str()),
            ("国务院令", "国务院令第746号")
        );
        let s = "（2021年7月27日中华人民共和国国务院令第746号公布）";
        let d = find_doc_numbers(s, &lex).next().unwrap();
        assert_eq!(d.agency, "国务院令");
        let d = find_doc_numbers("国务院令第722号", &lex).next().unwrap();
        assert_eq!(
            (d.agency.as_str(), d.year, d.serial),
            ("国务院令", None, 722)
        );
        assert!(find_doc_numbers("2022年4月", &lex).next().is_none());
        assert_eq!(decree_serial("第706号"), Some(706));
        assert_eq!(decree_serial("第 706 号"), Some(706));
        assert_eq!(decree_serial("第70612号"), Some(70612));
        assert_eq!(decree_serial("第706123号"), None);
    }

    #[test]
    fn document_types() {
        let lex = Lexicon::builtin();
        assert!(ends_with_doc_type("某某市城市绿化管理办法（试行）", &lex));
        assert!(ends_with_doc_type(
            "某某省“十四五”规划（2021—2025年）",
            &lex
        ));
        assert!(ends_with_doc_type("关于加强管理的通知", &lex));
        assert!(!ends_with_doc_type("国务院关于促进综合保税区", &lex));
    }
}

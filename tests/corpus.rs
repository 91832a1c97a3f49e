//! Real documents of other shapes, read from ../shared/corpus at test time (never
//! copied here). Each test shows as ignored when ../shared is absent (and fails under
//! `CI=true`); every shared document is its own test of the invariants.

mod common;
use common::*;
use gongwen::{Document, Kind, NodeId, Role, SkipReason};
use std::path::Path;

fn corpus(dir: &Path, name: &str) -> Document {
    let entry = std::fs::read_dir(dir.join("corpus"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("corpus file {name}"));
    parse_file(&entry.path())
}

fn of_kind(doc: &Document, kind: Kind) -> Vec<NodeId> {
    doc.node_ids()
        .filter(|&i| doc.node(i).kind() == kind)
        .collect()
}

fn numbers(doc: &Document, ids: &[NodeId]) -> Vec<u64> {
    ids.iter().map(|&i| doc.node(i).number()).collect()
}

fn opinions_with_run_on_items_and_first_listed_lead() {
    let dir = shared();
    let doc = corpus(&dir, "01_");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("国务院关于促进综合保税区高水平开放高质量发展的若干意见")
    );
    assert_eq!(
        doc.meta.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("国发〔2019〕3号")
    );
    assert_eq!(doc.meta.date.as_deref(), Some("2019-01-12"));
    assert_eq!(doc.meta.issuer.as_deref(), Some("国务院"));
    assert_eq!(of_kind(&doc, Kind::Chapter).len(), 5);
    let items = of_kind(&doc, Kind::Item);
    assert_eq!(numbers(&doc, &items), (1..=21).collect::<Vec<_>>());
    // `排在第一位的部门为牵头部门，下同`, inside the first clause.
    let n = doc.node(items[0]);
    assert_eq!(
        (
            owners(&doc, n, Role::Lead),
            owners(&doc, n, Role::Responsible)
        ),
        (
            vec!["税务总局".to_string()],
            vec!["财政部".to_string(), "海关总署".to_string()]
        )
    );
    let n = doc.node(items[2]);
    assert_eq!(
        (
            owners(&doc, n, Role::Lead),
            owners(&doc, n, Role::Responsible)
        ),
        (vec!["海关总署".to_string()], vec!["商务部".to_string()])
    );
    assert!(doc
        .node_ids()
        .all(|i| doc.node(i).kind() != Kind::Item || doc.node(i).responsibility().is_some()));
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

fn thirty_flat_chapters_each_with_a_clause() {
    let dir = shared();
    let doc = corpus(&dir, "05_");
    let ch = of_kind(&doc, Kind::Chapter);
    assert_eq!(numbers(&doc, &ch), (1..=30).collect::<Vec<_>>());
    assert_eq!(doc.nodes.len(), 30);
    assert!(ch.iter().all(|&i| doc.node(i).responsibility().is_some()));
    assert_eq!(
        owners(&doc, doc.node(ch[7]), Role::Responsible),
        ["人民银行", "银保监会", "证监会"]
    );
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

fn covering_notice_then_plan() {
    let dir = shared();
    let doc = corpus(&dir, "08_");
    assert_eq!(
        doc.meta.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("国办发〔2018〕128号")
    );
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("国务院办公厅关于印发“无废城市”建设试点工作方案的通知")
    );
    assert_eq!(of_kind(&doc, Kind::Chapter).len(), 4);
    assert_eq!(of_kind(&doc, Kind::Section).len(), 19);
    let clause = doc
        .nodes
        .iter()
        .flat_map(|n| n.clauses.iter())
        .find(|c| doc.slice(&c.range).contains("参与"))
        .expect("a 牵头…参与 clause");
    assert_eq!(doc.names(clause, Role::Lead), ["生态环境部"]);
    assert_eq!(doc.names(clause, Role::Support).len(), 5);
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

fn emergency_plan_with_table_of_contents() {
    let dir = shared();
    let doc = corpus(&dir, "10_");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("国务院办公厅关于印发国家粮食应急预案的函")
    );
    assert_eq!(doc.meta.date.as_deref(), Some("2005-06-11"));
    assert!(doc
        .skipped
        .iter()
        .any(|s| s.reason == SkipReason::Toc && doc.slice(&s.range).starts_with("目")));
    let ch = of_kind(&doc, Kind::Chapter);
    assert_eq!(numbers(&doc, &ch), (1..=7).collect::<Vec<_>>());
    assert_eq!(doc.node(ch[0]).title(&doc.text), "总则");
    // 1.1 … 1.4 under chapter 1; decimal numbering is never item 1.
    let first: Vec<&str> = doc
        .node(ch[0])
        .children
        .iter()
        .map(|&c| doc.slice(&doc.node(c).label_range()))
        .collect();
    assert_eq!(first, ["1.1", "1.2", "1.3", "1.4"]);
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

fn regulation_with_chapters_and_articles() {
    let dir = shared();
    let doc = corpus(&dir, "11_");
    assert_eq!(doc.meta.title.as_deref(), Some("专利代理条例"));
    let d = doc.meta.doc_number.as_ref().unwrap();
    assert_eq!(
        (d.agency.as_str(), d.year, d.serial),
        ("国务院令", None, 706)
    );
    let ch = of_kind(&doc, Kind::Chapter);
    assert_eq!(ch.len(), 5);
    assert_eq!(doc.node(ch[0]).title(&doc.text), "总则");
    let arts = of_kind(&doc, Kind::Article);
    assert_eq!(numbers(&doc, &arts), (1..=32).collect::<Vec<_>>());
    let eight = doc.node(arts[7]);
    assert_eq!(
        eight.children.len(),
        4,
        "第八条 holds its enumeration （一）…（四）"
    );
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

fn plan_on_one_line() {
    let dir = shared();
    let doc = corpus(&dir, "12_");
    assert_eq!(of_kind(&doc, Kind::Chapter).len(), 5);
    assert_eq!(of_kind(&doc, Kind::Section).len(), 25);
    let items = of_kind(&doc, Kind::Item);
    assert_eq!(items.len(), 72);
    // `1．` restarts under each （一）.
    assert!(items
        .iter()
        .all(|&i| doc.node(i).number() == 1
            || doc.node(doc.node(i).parent.unwrap()).children[0] != i));
    let clauses: usize = doc
        .nodes
        .iter()
        .map(|n| doc.node_ids().len().min(n.clauses.len()))
        .sum();
    assert_eq!(clauses, 99);
    let n = doc.node(items[0]);
    assert_eq!(
        (
            owners(&doc, n, Role::Lead),
            owners(&doc, n, Role::Responsible)
        ),
        (
            vec!["财政部".to_string()],
            vec!["国务院相关部门".to_string(), "各地区".to_string()]
        )
    );
    assert_eq!(
        doc.node(of_kind(&doc, Kind::Chapter)[0]).title(&doc.text),
        "把实施好宏观政策和深化“放管服”改革结合起来，提高宏观政策实施的时效性和精准性"
    );
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

fn sections_run_on_through_chapters() {
    let dir = shared();
    let doc = corpus(&dir, "15_");
    assert!(doc.meta.doc_number.is_none());
    assert_eq!(of_kind(&doc, Kind::Chapter).len(), 6);
    let s = of_kind(&doc, Kind::Section);
    assert_eq!(numbers(&doc, &s), (1..=17).collect::<Vec<_>>());
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

/// One shared document: no panic, nothing dropped, JSON that parses and cites what the
/// citation rule finds.
fn keeps_the_invariants(p: &Path) {
    let doc = parse_file(p);
    check_invariants(&doc);
    // A real title is not one line read twice (a decree's header and its title).
    if let Some(t) = &doc.meta.title {
        let half = t.len() / 2;
        assert!(
            t.len() % 2 == 1 || !t.is_char_boundary(half) || t[..half] != t[half..],
            "the title is one line twice: {t}"
        );
    }
    let v: serde_json::Value =
        serde_json::from_str(&gongwen::emit::json::to_string(&doc, false)).unwrap();
    assert_eq!(v["schema"], "gongwen/1");
    cites_what_the_rule_finds(&doc);
    fixes_what_it_reports(&doc);
}

/// The fixes of a document's reports change what they say and nothing else: each edit
/// replaces text with other text; and the text fixed, read again, has the same outline
/// and no report left with a fix (but those that overlapped a fix made).
fn fixes_what_it_reports(doc: &Document) {
    for d in &doc.diagnostics {
        for e in &d.fixes {
            assert_ne!(
                doc.slice(&e.range),
                e.replacement,
                "{}: an edit that changes nothing",
                d.code
            );
        }
    }
    let fixed = gongwen::fix(doc);
    if fixed.fixed == 0 || doc.source.format != gongwen::Format::Text {
        return;
    }
    let again = gongwen::parse_text(&fixed.text, &gongwen::Options::default());
    assert_eq!(again.nodes.len(), doc.nodes.len(), "the outline is kept");
    let left = again
        .diagnostics
        .iter()
        .filter(|d| !d.fixes.is_empty())
        .count();
    assert!(
        left <= fixed.conflicts,
        "{left} reports with a fix are left: {:?}",
        again
            .diagnostics
            .iter()
            .filter(|d| !d.fixes.is_empty())
            .map(|d| &d.message)
            .collect::<Vec<_>>()
    );
}

/// The citations are the titles that the pattern stating the rule finds in the body (a
/// title of 1–100 characters on one line, with a Han character, and the note of 1–40
/// after it), read by hand in the library because this regex with capture groups took
/// thousands of steps per title.
fn cites_what_the_rule_finds(doc: &Document) {
    let re =
        regex::Regex::new(r"《([^《》\n]{1,100})》(?:[（(]([^（）()\n]{1,40})[）)])?").unwrap();
    let body = &doc.text[doc.body.clone()];
    let want: Vec<&str> = re
        .captures_iter(body)
        .map(|c| c.get(1).unwrap().as_str())
        .filter(|t| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .collect();
    let got: Vec<&str> = doc
        .meta
        .citations
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(got, want);
}

/// The outline of a document: kind, number and title of each node, except those whose
/// span holds byte `at` (where the damage is).
fn outline_away_from(doc: &Document, at: usize) -> Vec<(Kind, u64, String)> {
    doc.nodes
        .iter()
        .filter(|n| !(n.span.start <= at && at <= n.span.end))
        .map(|n| (n.kind(), n.number(), n.title(&doc.text).to_string()))
        .collect()
}

/// Whether two outlines are the same but for at most `slack` nodes of each around one place.
fn same_but_near(a: &[(Kind, u64, String)], b: &[(Kind, u64, String)], slack: usize) -> bool {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix + slack >= a.len().max(b.len())
}

/// A place in the text to damage, the same for the same document: a character boundary
/// in the second half of the text.
fn damage_point(text: &str, name: &str) -> usize {
    let h = name
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
    let k = text.len() / 2 + (h as usize % (text.len() / 2).max(1));
    crate::floor(text, k)
}

fn floor(s: &str, mut k: usize) -> usize {
    k = k.min(s.len());
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    k
}

/// One invalid byte in the middle of a document, and a cut in the middle of its last
/// character, in `enc`: the document decodes in that encoding, with a `decode-error` at
/// the damage and the same outline away from it.
fn survives_damage(p: &Path, enc: &'static encoding_rs::Encoding) {
    let text = std::fs::read_to_string(p).unwrap();
    let name = p.display().to_string();
    let (clean_bytes, _, _) = enc.encode(&text);
    let clean = parse_bytes(&clean_bytes).unwrap();
    let is = |d: &Document| d.source.encoding.eq_ignore_ascii_case(enc.name());
    assert!(
        is(&clean),
        "{name}: the clean copy read as {}",
        clean.source.encoding
    );
    // One invalid byte.
    let k = damage_point(&text, &name);
    let mut bad = enc.encode(&text[..k]).0.into_owned();
    bad.push(0xFF);
    bad.extend_from_slice(&enc.encode(&text[k..]).0);
    let doc = parse_bytes(&bad).unwrap();
    assert!(
        is(&doc),
        "{name}: one bad byte at {k}: read as {}",
        doc.source.encoding
    );
    let at = doc
        .diagnostics
        .iter()
        .find(|d| d.code == gongwen::Code::DecodeError)
        .unwrap_or_else(|| panic!("{name}: no decode-error"))
        .range
        .start;
    let clean_at = clean.text.len().min(at);
    assert!(
        same_but_near(
            &outline_away_from(&clean, clean_at),
            &outline_away_from(&doc, at),
            2
        ),
        "{name}: one bad byte changed the outline away from it"
    );
    // Cut in the middle of the last multi-byte character.
    let mut cut = clean_bytes.into_owned();
    let last = (0..cut.len()).rev().find(|&i| cut[i] >= 0x80);
    if let Some(i) = last {
        cut.truncate(i);
        let doc = parse_bytes(&cut).unwrap();
        assert!(
            is(&doc),
            "{name}: cut short: read as {}",
            doc.source.encoding
        );
        let n = clean.nodes.len();
        assert!(
            doc.nodes.len() + 1 >= n && doc.nodes.len() <= n,
            "{name}: cut short"
        );
        if doc.text.ends_with('\u{FFFD}') {
            let d: Vec<_> = doc
                .diagnostics
                .iter()
                .filter(|d| d.code == gongwen::Code::DecodeError)
                .collect();
            assert_eq!(d.len(), 1, "{name}: one report for the cut");
        }
    }
}

/// A saved web page: read as HTML, with its title, its article apart from the site's
/// navigation (which is set aside as chrome, after the article), and nothing dropped.
fn reads_as_a_page(p: &Path) {
    let doc = parse_file(p);
    let name = p.display();
    assert_eq!(doc.source.format, gongwen::Format::Html, "{name}");
    let title = doc
        .meta
        .title
        .as_deref()
        .unwrap_or_else(|| panic!("{name}: no title"));
    assert!(title.chars().count() >= 4, "{name}: title {title}");
    assert!(
        !title.contains("网站") && !title.contains("门户"),
        "{name}: the site's name in {title}"
    );
    let own = doc.own_text();
    for chrome in [
        "网站地图",
        "设为首页",
        "加入收藏",
        "返回顶部",
        "当前位置",
        "版权所有",
        "ICP备",
    ] {
        assert!(!own.contains(chrome), "{name}: `{chrome}` in the article");
    }
    assert!(
        !own.contains('<') || !own.contains("</"),
        "{name}: markup in the text"
    );
    check_invariants(&doc);
}

/// The documents whose shapes are asserted one by one.
const NAMED: &[(&str, fn())] = &[
    (
        "opinions_with_run_on_items_and_first_listed_lead",
        opinions_with_run_on_items_and_first_listed_lead,
    ),
    (
        "thirty_flat_chapters_each_with_a_clause",
        thirty_flat_chapters_each_with_a_clause,
    ),
    ("covering_notice_then_plan", covering_notice_then_plan),
    (
        "emergency_plan_with_table_of_contents",
        emergency_plan_with_table_of_contents,
    ),
    (
        "regulation_with_chapters_and_articles",
        regulation_with_chapters_and_articles,
    ),
    ("plan_on_one_line", plan_on_one_line),
    (
        "sections_run_on_through_chapters",
        sections_run_on_through_chapters,
    ),
];

fn main() {
    let mut trials: Vec<_> = NAMED
        .iter()
        .map(|&(name, f)| trial(name, Needs::Shared, f))
        .collect();
    if shared_dir().is_some() {
        let mut n = 0;
        for (dir, ext) in [
            ("corpus", "txt"),
            ("corpus/more", "txt"),
            ("corpus/local", "txt"),
            ("corpus/html", "html"),
            ("external/lawref/docs", "txt"),
            ("seeds", "txt"),
        ] {
            for p in shared_files(dir, ext) {
                let name = format!(
                    "invariants/{dir}/{}",
                    p.file_name().unwrap().to_string_lossy()
                );
                trials.push(trial(name, Needs::Shared, move || keeps_the_invariants(&p)));
                n += 1;
            }
        }
        for p in shared_files("corpus/html", "html") {
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            trials.push(trial(format!("html/{file}"), Needs::Shared, move || {
                reads_as_a_page(&p)
            }));
        }
        for (dir, _) in [("corpus", ""), ("corpus/local", ""), ("seeds", "")] {
            for p in shared_files(dir, "txt") {
                let file = p.file_name().unwrap().to_string_lossy().into_owned();
                for (label, enc) in [
                    ("utf-8", encoding_rs::UTF_8),
                    ("gb18030", encoding_rs::GB18030),
                    ("big5", encoding_rs::BIG5),
                ] {
                    let p = p.clone();
                    trials.push(trial(
                        format!("damage/{label}/{dir}/{file}"),
                        Needs::Shared,
                        move || survives_damage(&p, enc),
                    ));
                }
            }
        }
        trials.push(trial("invariants/count", Needs::Shared, move || {
            assert!(n >= 240, "read {n} documents")
        }));
    } else {
        trials.push(trial("invariants", Needs::Shared, || {}));
    }
    run(trials);
}

//! Real documents of other shapes, read from ../shared/corpus at test time (never
//! copied here). Each test prints that it was skipped when ../shared is absent.

mod common;
use common::*;
use gongwen::Document;
use std::path::Path;

fn corpus(dir: &Path, name: &str) -> Document {
    let entry = std::fs::read_dir(dir.join("corpus"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("corpus file {name}"));
    parse_file(&entry.path())
}

fn of_kind(doc: &Document, kind: &str) -> Vec<usize> {
    doc.node_ids()
        .filter(|&i| doc.nodes[i].kind() == kind)
        .collect()
}

fn numbers(doc: &Document, ids: &[usize]) -> Vec<u64> {
    ids.iter().map(|&i| doc.nodes[i].number()).collect()
}

#[test]
fn opinions_with_run_on_items_and_first_listed_lead() {
    let dir = require_shared!();
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
    assert_eq!(of_kind(&doc, "chapter").len(), 5);
    let items = of_kind(&doc, "item");
    assert_eq!(numbers(&doc, &items), (1..=21).collect::<Vec<_>>());
    // `排在第一位的部门为牵头部门，下同`, inside the first clause.
    let r = doc.nodes[items[0]].responsibility().unwrap();
    assert_eq!(
        (r.lead.to_vec(), r.responsible.to_vec()),
        (
            vec!["税务总局".into()],
            vec!["财政部".into(), "海关总署".into()]
        )
    );
    let r = doc.nodes[items[2]].responsibility().unwrap();
    assert_eq!(
        (r.lead.to_vec(), r.responsible.to_vec()),
        (vec!["海关总署".into()], vec!["商务部".into()])
    );
    assert!(doc
        .node_ids()
        .all(|i| doc.nodes[i].kind() != "item" || doc.nodes[i].responsibility().is_some()));
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

#[test]
fn thirty_flat_chapters_each_with_a_clause() {
    let dir = require_shared!();
    let doc = corpus(&dir, "05_");
    let ch = of_kind(&doc, "chapter");
    assert_eq!(numbers(&doc, &ch), (1..=30).collect::<Vec<_>>());
    assert_eq!(doc.nodes.len(), 30);
    assert!(ch.iter().all(|&i| doc.nodes[i].responsibility().is_some()));
    assert_eq!(
        *doc.nodes[ch[7]].responsibility().unwrap().responsible,
        ["人民银行", "银保监会", "证监会"]
    );
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

#[test]
fn covering_notice_then_plan() {
    let dir = require_shared!();
    let doc = corpus(&dir, "08_");
    assert_eq!(
        doc.meta.doc_number.as_ref().map(|d| d.text.as_str()),
        Some("国办发〔2018〕128号")
    );
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("国务院办公厅关于印发“无废城市”建设试点工作方案的通知")
    );
    assert_eq!(of_kind(&doc, "chapter").len(), 4);
    assert_eq!(of_kind(&doc, "section").len(), 19);
    let clause = doc
        .node_ids()
        .flat_map(|i| doc.nodes[i].clauses.iter())
        .find(|c| doc.slice(&c.range).contains("参与"))
        .expect("a 牵头…参与 clause");
    assert_eq!(*clause.lead, ["生态环境部"]);
    assert_eq!(clause.support.len(), 5);
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

#[test]
fn emergency_plan_with_table_of_contents() {
    let dir = require_shared!();
    let doc = corpus(&dir, "10_");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("国务院办公厅关于印发国家粮食应急预案的函")
    );
    assert_eq!(doc.meta.date.as_deref(), Some("2005-06-11"));
    assert!(doc
        .skipped
        .iter()
        .any(|s| s.reason == "toc" && doc.slice(&s.range).starts_with("目")));
    let ch = of_kind(&doc, "chapter");
    assert_eq!(numbers(&doc, &ch), (1..=7).collect::<Vec<_>>());
    assert_eq!(doc.nodes[ch[0]].title(&doc.text), "总则");
    // 1.1 … 1.4 under chapter 1; decimal numbering is never item 1.
    let first: Vec<&str> = doc.nodes[ch[0]]
        .children
        .iter()
        .map(|&c| doc.slice(&doc.nodes[c].label_range()))
        .collect();
    assert_eq!(first, ["1.1", "1.2", "1.3", "1.4"]);
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

#[test]
fn regulation_with_chapters_and_articles() {
    let dir = require_shared!();
    let doc = corpus(&dir, "11_");
    assert_eq!(doc.meta.title.as_deref(), Some("专利代理条例"));
    let d = doc.meta.doc_number.as_ref().unwrap();
    assert_eq!(
        (d.agency.as_str(), d.year, d.serial),
        ("国务院令", None, 706)
    );
    let ch = of_kind(&doc, "chapter");
    assert_eq!(ch.len(), 5);
    assert_eq!(doc.nodes[ch[0]].title(&doc.text), "总则");
    let arts = of_kind(&doc, "article");
    assert_eq!(numbers(&doc, &arts), (1..=32).collect::<Vec<_>>());
    let eight = &doc.nodes[arts[7]];
    assert_eq!(
        eight.children.len(),
        4,
        "第八条 holds its enumeration （一）…（四）"
    );
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

#[test]
fn plan_on_one_line() {
    let dir = require_shared!();
    let doc = corpus(&dir, "12_");
    assert_eq!(of_kind(&doc, "chapter").len(), 5);
    assert_eq!(of_kind(&doc, "section").len(), 25);
    let items = of_kind(&doc, "item");
    assert_eq!(items.len(), 72);
    // `1．` restarts under each （一）.
    assert!(items
        .iter()
        .all(|&i| doc.nodes[i].number() == 1
            || doc.nodes[doc.nodes[i].parent.unwrap()].children[0] != i));
    let clauses: usize = doc
        .nodes
        .iter()
        .map(|n| doc.node_ids().len().min(n.clauses.len()))
        .sum();
    assert_eq!(clauses, 99);
    let r = doc.nodes[items[0]].responsibility().unwrap();
    assert_eq!(
        (r.lead.to_vec(), r.responsible.to_vec()),
        (
            vec!["财政部".into()],
            vec!["国务院相关部门".into(), "各地区".into()]
        )
    );
    assert_eq!(
        doc.nodes[of_kind(&doc, "chapter")[0]].title(&doc.text),
        "把实施好宏观政策和深化“放管服”改革结合起来，提高宏观政策实施的时效性和精准性"
    );
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

#[test]
fn sections_run_on_through_chapters() {
    let dir = require_shared!();
    let doc = corpus(&dir, "15_");
    assert!(doc.meta.doc_number.is_none());
    assert_eq!(of_kind(&doc, "chapter").len(), 6);
    let s = of_kind(&doc, "section");
    assert_eq!(numbers(&doc, &s), (1..=17).collect::<Vec<_>>());
    assert_eq!(warning_codes(&doc), Vec::<&str>::new());
    check_invariants(&doc);
}

/// Every document in the corpus: no panic, nothing dropped, JSON that parses.
#[test]
fn every_document_keeps_the_invariants() {
    let dir = require_shared!();
    let mut n = 0;
    for sub in ["corpus", "corpus/more", "seeds"] {
        for e in std::fs::read_dir(dir.join(sub))
            .unwrap()
            .filter_map(Result::ok)
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                let doc = parse_file(&p);
                check_invariants(&doc);
                let v: serde_json::Value =
                    serde_json::from_str(&gongwen::emit::json::to_string(&doc, false)).unwrap();
                assert_eq!(v["schema"], "gongwen/1");
                n += 1;
            }
        }
    }
    assert!(n >= 50, "read {n} documents");
}

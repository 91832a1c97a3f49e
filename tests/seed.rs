//! The seed document: outline, metadata, responsibility, quantities and checks
//! compared with answers made by hand (tests/expected/*.tsv).

mod common;
use common::*;
use gongwen::{Kind, NodeId};

fn seed() -> gongwen::Document {
    parse_file(&repo(SEED))
}

fn kinds(doc: &gongwen::Document, kind: Kind) -> Vec<NodeId> {
    doc.node_ids()
        .filter(|&i| doc.node(i).kind() == kind)
        .collect()
}

#[test]
fn outline_counts_and_parents() {
    let doc = seed();
    let chapters = kinds(&doc, Kind::Chapter);
    assert_eq!(chapters.len(), 7);
    assert_eq!(doc.roots, chapters);
    let titles: Vec<&str> = chapters
        .iter()
        .map(|&i| doc.nodes[i].title(&doc.text))
        .collect();
    assert_eq!(
        titles,
        [
            "总体要求",
            "促进服务业恢复稳定增长",
            "大力发展生产性服务业",
            "提升发展生活性服务业",
            "加快发展非营利性服务业",
            "强化工作支撑",
            "加强组织保障"
        ]
    );
    let sections = kinds(&doc, Kind::Section);
    assert_eq!(sections.len(), 14);
    for (k, &i) in sections.iter().enumerate() {
        let s = &doc.nodes[i];
        assert_eq!(s.number(), k as u64 + 1);
        let parent = &doc.nodes[s.parent.unwrap()];
        assert_eq!(
            parent.number(),
            if k < 7 { 3 } else { 4 },
            "section {} belongs to chapter 三 or 四",
            k + 1
        );
    }
    assert_eq!(doc.nodes[sections[0]].title(&doc.text), "现代金融");
    assert_eq!(doc.nodes[sections[13]].title(&doc.text), "教育培训");
    // Chapter 二 holds items 1–3 directly, with no section.
    let two = &doc.nodes[chapters[1]];
    let nums: Vec<u64> = two
        .children
        .iter()
        .map(|&c| doc.nodes[c].number())
        .collect();
    assert_eq!(nums, [1, 2, 3]);
}

#[test]
fn items_match_hand_made_answers() {
    let doc = seed();
    let expected: Vec<Vec<String>> = std::fs::read_to_string(repo("tests/expected/seed_items.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    let items = kinds(&doc, Kind::Item);
    assert_eq!(items.len(), 66);
    let numbers: Vec<u64> = items.iter().map(|&i| doc.nodes[i].number()).collect();
    let mut want: Vec<u64> = (1..=13).collect();
    want.extend([15, 15]);
    want.extend(16..=66);
    assert_eq!(numbers, want);
    assert_eq!(expected.len(), 66);
    for (&i, e) in items.iter().zip(&expected) {
        let n = &doc.nodes[i];
        let r = owners_of(
            &doc,
            n.responsibility()
                .expect("every item of the seed has a clause"),
        );
        let got = vec![
            n.number().to_string(),
            doc.index.line(n.span.start).to_string(),
            doc.path(n.parent.unwrap()),
            n.title(&doc.text).to_string(),
            r.lead.join("、"),
            r.responsible.join("、"),
            r.support.join("、"),
        ];
        assert_eq!(&got, e, "item at line {}", e[1]);
    }
}

#[test]
fn named_items_roles() {
    let doc = seed();
    let item = |line: usize| {
        let i = doc
            .node_ids()
            .find(|&i| {
                doc.nodes[i].kind() == Kind::Item && doc.index.line(doc.nodes[i].span.start) == line
            })
            .unwrap();
        owners_of(&doc, doc.nodes[i].responsibility().unwrap())
    };
    let r = item(16); // item 1
    assert!(r.lead.is_empty() && r.support.is_empty());
    assert_eq!(r.responsible.len(), 11);
    assert_eq!(r.responsible.last().unwrap(), "各市人民政府");
    let r = item(48); // the first 15
    assert_eq!(
        (r.lead.to_vec(), r.support.to_vec()),
        (
            vec!["省邮政管理局".into()],
            vec!["省商务厅".into(), "省住建厅".into(), "省自然资源厅".into()]
        )
    );
    let r = item(52); // the second 15
    assert_eq!(*r.responsible, ["省科技厅", "省发展改革委"]);
    let r = item(64); // 20
    assert_eq!(*r.lead, ["省通信管理局", "省工信厅"]);
    assert_eq!(r.responsible.len(), 11);
    let r = item(110); // 37
    assert_eq!(
        (r.responsible.to_vec(), r.support.to_vec()),
        (vec!["省文旅厅".into()], vec!["省民政厅".into()])
    );
    assert_eq!(item(164).lead.len(), 9); // 57
    assert_eq!(*item(172).lead, ["省市场监管局"]); // 61: 牵头负责
    let r = item(178); // 63
    assert_eq!(
        (r.lead.to_vec(), r.responsible.to_vec()),
        (vec!["省卫健委".into()], vec!["各市人民政府".into()])
    );
}

#[test]
fn section_clauses_give_task_forces() {
    let doc = seed();
    let s = kinds(&doc, Kind::Section)[0];
    let n = &doc.nodes[s];
    assert_eq!(
        *owners_of(&doc, n.responsibility().unwrap()).responsible,
        ["金融业专班"]
    );
    assert_eq!(n.title(&doc.text), "现代金融");
    assert_eq!(doc.slice(&n.text_range), "现代金融");
}

#[test]
fn metadata_and_skipped() {
    let doc = seed();
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("山西省推进服务业提质增效2022年行动计划")
    );
    let d = doc.meta.doc_number.as_ref().unwrap();
    assert_eq!(
        (d.text.as_str(), d.agency.as_str(), d.year, d.serial),
        ("晋政办发〔2022〕35号", "晋政办发", Some(2022), 35)
    );
    assert_eq!(doc.meta.date.as_deref(), Some("2022-04-22"));
    let cited: Vec<_> = doc
        .meta
        .citations
        .iter()
        .filter_map(|c| c.doc_number.as_ref().map(|d| d.text.as_str()))
        .collect();
    assert_eq!(cited, ["发改财金〔2022〕271号", "晋政办发〔2022〕6号"]);
    let skipped: Vec<(&str, usize)> = doc
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), doc.index.line(s.range.start)))
        .collect();
    assert_eq!(skipped, [("chrome", 1), ("header", 3), ("junk", 186)]);
    assert_eq!(doc.slice(&doc.skipped[2].range), "a");
    assert!(doc
        .slice(&doc.preamble.as_ref().unwrap().range)
        .starts_with("为深入贯彻落实"));
}

#[test]
fn spans_are_character_offsets_that_start_with_labels() {
    let doc = seed();
    check_invariants(&doc);
    let json: serde_json::Value =
        serde_json::from_str(&gongwen::emit::json::to_string(&doc, false)).unwrap();
    assert_eq!(json["schema"], "gongwen/1");
    fn walk(text: &str, nodes: &serde_json::Value, seen: &mut usize) {
        for n in nodes.as_array().unwrap() {
            let (s, e) = (
                n["span"]["start"].as_u64().unwrap() as usize,
                n["span"]["end"].as_u64().unwrap() as usize,
            );
            assert!(chars(text, s, e).starts_with(n["label"].as_str().unwrap()));
            *seen += 1;
            walk(text, &n["children"], seen);
        }
    }
    let mut seen = 0;
    walk(&doc.text, &json["nodes"], &mut seen);
    assert_eq!(seen, 87);
}

#[test]
fn targets_match_hand_made_answers() {
    let doc = &seed();
    let expected: Vec<Vec<String>> =
        std::fs::read_to_string(repo("tests/expected/seed_targets.tsv"))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').map(String::from).collect())
            .collect();
    let mut got = Vec::new();
    let pre = doc
        .preamble
        .iter()
        .flat_map(|p| p.quantities.iter().map(|q| ("preamble".to_string(), q)));
    let nodes = doc.node_ids().flat_map(|i| {
        doc.nodes[i]
            .quantities
            .iter()
            .map(move |q| (doc.path(i), q))
    });
    for (path, q) in pre.chain(nodes).filter(|(_, q)| q.target) {
        got.push(vec![
            path,
            doc.slice(&q.range).to_string(),
            format!("{:?}", q.value),
            q.unit.to_string(),
            q.qualifier.to_string(),
            q.deadline
                .as_ref()
                .map(|d| doc.slice(d).to_string())
                .unwrap_or_default(),
        ]);
    }
    assert_eq!(got.len(), 26);
    assert_eq!(got, expected);
}

#[test]
fn no_year_date_number_or_label_is_a_quantity() {
    let doc = seed();
    let all: Vec<String> = doc
        .node_ids()
        .flat_map(|i| {
            doc.nodes[i]
                .quantities
                .iter()
                .map(|q| doc.slice(&q.range).to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    for bad in [
        "2022", "271", "35", "5G", "1+3", "9+13", "431", "第三", "第四",
    ] {
        assert!(
            !all.iter()
                .any(|q| q.contains(bad) && !q.contains('%') && !q.contains('亿')),
            "{bad} reported in {all:?}"
        );
    }
    for non_target in [
        "14部委", "10项", "5个", "2:2:4:2", "10万元", "4-12周", "5:5",
    ] {
        let q = doc
            .node_ids()
            .flat_map(|i| doc.nodes[i].quantities.iter())
            .find(|q| doc.slice(&q.range) == non_target);
        assert!(
            q.is_some_and(|q| !q.target),
            "{non_target} is a quantity and no target"
        );
    }
}

#[test]
fn check_finds_only_the_duplicated_fifteen() {
    let doc = seed();
    let found: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.severity >= gongwen::Severity::Warning)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let d = found[0];
    assert_eq!(
        (
            d.code.as_str(),
            doc.index.line(d.range.start),
            doc.index.column(&doc.text, d.range.start)
        ),
        ("duplicate-number", 48, 1)
    );
    assert!(d.message.contains("probably 14"), "{}", d.message);
    assert!(d.suggestion.as_deref().unwrap().contains("`14.`"));
}

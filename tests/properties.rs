//! Property tests: mutated copies of the seed and the fixtures, and arbitrary bytes,
//! never make gongwen panic, lose text or give spans that do not fit the text.

mod common;
use common::*;
use proptest::prelude::*;

/// Pieces that stress the parser: labels, brackets, clauses, numbers, line breaks.
const PALETTE: &[&str] = &[
    "\n",
    "\r\n",
    "一、",
    "（一）",
    "(一)",
    "1.",
    "1．",
    "1、",
    "（1）",
    "①",
    "第一章",
    "第一条",
    "1.1　",
    "(",
    ")",
    "（",
    "）",
    "（省商务厅负责）",
    "(省文旅厅牵头,省民政厅配合)",
    "责任单位：",
    "。",
    "，",
    "3万个",
    "7.5%左右",
    "由36个月压减至24个月",
    "〔2022〕",
    "“",
    "”",
    "《",
    "》",
    "目录",
    "附件：1.",
    "二〇〇五年",
    "百分之",
    "\u{3000}",
    "\u{feff}",
    "\u{FFFD}",
    "a",
    "十九大",
    "5G",
    "-",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, usize),
    Delete(f64, usize),
    Duplicate(f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0f64, 0..PALETTE.len()).prop_map(|(p, k)| Edit::Insert(p, k)),
        (0.0..1.0f64, 1..40usize).prop_map(|(p, n)| Edit::Delete(p, n)),
        (0.0..1.0f64, 1..200usize).prop_map(|(p, n)| Edit::Duplicate(p, n)),
    ]
}

fn bases() -> Vec<String> {
    let mut v = vec![seed_text()];
    let mut fixtures: Vec<_> = std::fs::read_dir(repo("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    fixtures.sort();
    v.extend(fixtures.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    v
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let at = |p: f64, len: usize| ((p * len as f64) as usize).min(len);
        match *e {
            Edit::Insert(p, k) => {
                let i = at(p, chars.len());
                chars.splice(i..i, PALETTE[k].chars());
            }
            Edit::Delete(p, n) => {
                let i = at(p, chars.len());
                let j = (i + n).min(chars.len());
                chars.drain(i..j);
            }
            Edit::Duplicate(p, n) => {
                let i = at(p, chars.len());
                let j = (i + n).min(chars.len());
                let piece: Vec<char> = chars[i..j].to_vec();
                chars.splice(j..j, piece);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn mutated_documents_keep_the_invariants(base in 0..8usize, edits in proptest::collection::vec(edit(), 1..25)) {
        let bases = bases();
        let text = apply(&bases[base % bases.len()], &edits);
        let doc = parse(&text);
        check_invariants(&doc);
        let written = gongwen::emit::json::to_string(&doc, false);
        prop_assert_eq!(&written, &gongwen::emit::json::to_string_serde(&doc, false), "the fast writer writes what serde writes");
        prop_assert_eq!(gongwen::emit::json::to_string(&doc, true), gongwen::emit::json::to_string_serde(&doc, true), "pretty too");
        let json: serde_json::Value = serde_json::from_str(&written).unwrap();
        // Every node's span, sliced by characters, starts with its label.
        fn walk(text: &str, nodes: &serde_json::Value) {
            for n in nodes.as_array().unwrap() {
                let (s, e) = (n["span"]["start"].as_u64().unwrap() as usize, n["span"]["end"].as_u64().unwrap() as usize);
                assert!(chars(text, s, e).starts_with(n["label"].as_str().unwrap()));
                walk(text, &n["children"]);
            }
        }
        walk(&doc.text, &json["nodes"]);
                let csv = gongwen::emit::ledger::ledger(&doc, false).render(gongwen::emit::table::Format::Csv { bom: true });
        prop_assert!(csv.starts_with('\u{feff}'), "CSV starts with a BOM");
        let html = gongwen::emit::report::render(&doc, gongwen::Lang::Zh);
        prop_assert!(html.ends_with("</html>\n"), "whole page");
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = parse_bytes(&bytes) {
            check_invariants(&doc);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[一二三十（）()、.．1-9０-９章节条第：:。，\\n 万亿个%以上左右由至负责牵头配合省厅]{0,300}") {
        let doc = parse(&text);
        check_invariants(&doc);
    }
}

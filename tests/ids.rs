//! The ids of `gongwen/1` that tables and joins rest on: `doc_id` is the SHA-256 of the
//! input, node ids are 0, 1, 2… in document order and unique even where label paths
//! repeat (attachments), `parent` and `depth` say the nesting the tree shows, `part` and
//! `attachment` say where a node is; and with `--include-text` the text every span
//! points into, in characters.

mod common;
use common::*;
use serde_json::Value;
use sha2::Digest;

/// Checks the ids of one document's JSON against its tree; gives the (part, attachment,
/// path) of every node.
fn ids(v: &Value, name: &str) -> Vec<(String, Option<u64>, String)> {
    fn walk(
        nodes: &Value,
        parent: Option<&Value>,
        next: &mut u64,
        out: &mut Vec<(String, Option<u64>, String)>,
        name: &str,
    ) {
        for n in nodes.as_array().unwrap() {
            assert_eq!(n["id"], *next, "{name}: ids in document order");
            *next += 1;
            match parent {
                None => {
                    assert!(n["parent"].is_null(), "{name}");
                    assert_eq!(n["depth"], 0, "{name}");
                }
                Some(p) => {
                    assert_eq!(n["parent"], p["id"], "{name}");
                    assert_eq!(n["depth"], p["depth"].as_u64().unwrap() + 1, "{name}");
                    assert_eq!(
                        n["part"], p["part"],
                        "{name}: a child is in its parent's part"
                    );
                    assert_eq!(n["attachment"], p["attachment"], "{name}");
                }
            }
            let part = n["part"].as_str().unwrap().to_string();
            assert!(
                ["main", "notice", "plan", "attachment"].contains(&part.as_str()),
                "{name}: {part}"
            );
            assert_eq!(
                part == "attachment",
                n["attachment"].as_u64().is_some_and(|k| k >= 1),
                "{name}"
            );
            out.push((
                part,
                n["attachment"].as_u64(),
                n["path"].as_str().unwrap().to_string(),
            ));
            walk(&n["children"], Some(n), next, out, name);
        }
    }
    let mut out = Vec::new();
    walk(&v["nodes"], None, &mut 0, &mut out, name);
    out
}

fn json_of(bytes: &[u8], include_text: bool) -> Value {
    let doc = gongwen::parse_bytes(bytes, &gongwen::Options::default()).unwrap();
    let style = gongwen::emit::json::Style {
        pretty: false,
        include_text,
    };
    serde_json::from_str(&gongwen::emit::json::to_string_styled(&doc, style)).unwrap()
}

fn hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn attachments_repeat_paths_but_not_ids() {
    let text = "某某方案\n\n一、总体要求\n（一）目标。\n二、主要任务\n（一）任务。\n\n附件1\n\n重点任务清单\n\n一、基础设施\n1.建设基站。\n二、产业\n1.培育企业。\n\n附件2\n\n责任分工\n\n一、分工\n1.市商务局负责。\n";
    let v = json_of(text.as_bytes(), false);
    assert_eq!(v["doc_id"], hex(text.as_bytes()));
    let nodes = ids(&v, "attachments");
    let paths: Vec<&str> = nodes.iter().map(|n| n.2.as_str()).collect();
    assert_eq!(paths.iter().filter(|&&p| p == "一").count(), 3, "{paths:?}");
    let parts: Vec<(&str, Option<u64>)> = nodes.iter().map(|n| (n.0.as_str(), n.1)).collect();
    assert_eq!(
        parts,
        [
            ("main", None),
            ("main", None),
            ("main", None),
            ("main", None),
            ("attachment", Some(1)),
            ("attachment", Some(1)),
            ("attachment", Some(1)),
            ("attachment", Some(1)),
            ("attachment", Some(2)),
            ("attachment", Some(2)),
        ]
    );
    // A path is unique within its part.
    let mut keys: Vec<&(String, Option<u64>, String)> = nodes.iter().collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), nodes.len());
}

#[test]
fn ids_on_every_document_and_the_text_spans_point_into() {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(repo("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    if shared_dir().is_some() {
        for (dir, ext) in [
            ("corpus", "txt"),
            ("corpus/local", "txt"),
            ("corpus/html", "html"),
            ("external/lawref/docs", "txt"),
        ] {
            files.extend(shared_files(dir, ext));
        }
    }
    let mut parts = std::collections::BTreeSet::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let name = f.display().to_string();
        let v = json_of(&bytes, true);
        assert_eq!(v["doc_id"], hex(&bytes), "{name}");
        for (part, _, _) in ids(&v, &name) {
            parts.insert(part);
        }
        // Spans are character offsets into `text` (a GB18030 page, a CRLF file alike).
        assert_spans_open_with_labels(&v, v["text"].as_str().unwrap(), &name);
    }
    if shared_dir().is_some() {
        // The shared documents have covering notices, plans and attachments.
        assert_eq!(parts.len(), 4, "{parts:?}");
    }
    // Without `--include-text`, no text.
    let v = json_of("一、总体要求\n".as_bytes(), false);
    assert!(v.get("text").is_none());
}

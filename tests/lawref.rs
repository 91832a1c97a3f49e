//! Conformance with an external suite: the outlines of 60 national rules and judicial
//! interpretations (LawRefBook/Laws, "silver" answers derived from the source markup),
//! read from ../shared/external/lawref at test time.
//!
//! A document passes when its title, its parts, chapters and sections (number, title
//! without white space, line, enclosing heading), its articles (number, line, enclosing
//! chapter and section) and its enumerations inside articles (count per label style)
//! are what the answer says. Every document we differ on is listed, with the part that
//! differs and its reason, in tests/lawref_known_differences.tsv; a listed document that
//! starts to pass must be taken off the list. The suite as a whole must pass on ≥ 95%.

mod common;
use common::*;
use gongwen::{Document, LineIndex, NodeId, Style};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One heading as the answers give it.
#[derive(Debug, PartialEq)]
struct Heading {
    number: u64,
    title: Option<String>,
    line: usize,
    part: Option<u64>,
    chapter: Option<u64>,
    section: Option<u64>,
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn number(v: &Value) -> Option<u64> {
    v.as_u64()
}

/// The answer's list of `key` (parts, chapters, sections, articles).
fn answered(answer: &Value, key: &str) -> Vec<Heading> {
    answer[key]
        .as_array()
        .unwrap_or_else(|| panic!("answer has no {key}"))
        .iter()
        .map(|h| Heading {
            number: h["number"].as_u64().expect("a number"),
            title: h["title"].as_str().map(squeeze),
            line: h["line"].as_u64().expect("a line") as usize,
            part: number(&h["part"]),
            chapter: number(&h["chapter"]),
            section: number(&h["section"]),
        })
        .collect()
}

/// The enclosing heading of `style` of a node, if any.
fn enclosing(doc: &Document, id: NodeId, style: Style) -> Option<u64> {
    let mut at = doc.node(id).parent;
    while let Some(p) = at {
        if doc.node(p).style() == style {
            return Some(doc.node(p).number());
        }
        at = doc.node(p).parent;
    }
    None
}

/// Our headings of one style, in the answer's shape. Articles carry no title in the
/// answers; parts, chapters and sections do.
fn ours(doc: &Document, lines: &LineIndex, style: Style, key: &str) -> Vec<Heading> {
    doc.node_ids()
        .filter(|&i| doc.node(i).style() == style)
        .map(|i| {
            let n = doc.node(i);
            Heading {
                number: n.number(),
                title: (key != "articles").then(|| squeeze(n.title(&doc.text))),
                line: lines.line(n.span.start),
                part: enclosing(doc, i, Style::Bian),
                chapter: (key != "parts" && key != "chapters")
                    .then(|| enclosing(doc, i, Style::Zhang))
                    .flatten(),
                section: (key == "articles")
                    .then(|| enclosing(doc, i, Style::Jie))
                    .flatten(),
            }
        })
        .collect()
}

/// The answers' name of a label style, for enumerations.
fn style_name(style: Style) -> Option<&'static str> {
    Some(match style {
        Style::CnParen => "（一）",
        Style::CnDun => "一、",
        Style::ArabicParen => "（1）",
        Style::ArabicDot => "1.",
        Style::Circled => "①",
        _ => return None,
    })
}

/// What differs between our outline and the answer, by part (`title`, `chapters`…).
fn differences(path: &Path, answer: &Value) -> BTreeMap<&'static str, String> {
    let doc = parse_file(path);
    check_invariants(&doc);
    let lines = LineIndex::new(&doc.text);
    let mut out = BTreeMap::new();
    let title = doc.meta.title.as_deref().map(squeeze);
    let want_title = answer["title"].as_str().map(squeeze);
    if title != want_title {
        out.insert("title", format!("{title:?} ≠ {want_title:?}"));
    }
    for (key, style) in [
        ("parts", Style::Bian),
        ("chapters", Style::Zhang),
        ("sections", Style::Jie),
        ("articles", Style::Tiao),
    ] {
        let (got, want) = (ours(&doc, &lines, style, key), answered(answer, key));
        if got != want {
            let first = got
                .iter()
                .zip(&want)
                .position(|(g, w)| g != w)
                .unwrap_or(got.len().min(want.len()));
            out.insert(
                key,
                format!(
                    "{} ≠ {} headings; first difference at {first}: {:?} ≠ {:?}",
                    got.len(),
                    want.len(),
                    got.get(first),
                    want.get(first)
                ),
            );
        }
    }
    let mut styles: BTreeMap<String, u64> = BTreeMap::new();
    for i in doc.node_ids() {
        let n = doc.node(i);
        let inside_article = enclosing(&doc, i, Style::Tiao).is_some();
        assert_eq!(
            doc.is_enumeration(n),
            inside_article,
            "{}: enumeration {}",
            path.display(),
            doc.path(i)
        );
        if let (true, Some(name)) = (inside_article, style_name(n.style())) {
            *styles.entry(name.to_string()).or_default() += 1;
        }
    }
    let want: BTreeMap<String, u64> = answer["enumeration_styles"]
        .as_object()
        .expect("enumeration_styles")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().expect("a count")))
        .collect();
    let count = styles.get("（一）").copied().unwrap_or(0);
    if styles != want || Some(count) != answer["enumerations"].as_u64() {
        out.insert("enumerations", format!("{styles:?} ≠ {want:?}"));
    }
    out
}

fn known() -> BTreeMap<(String, String), String> {
    std::fs::read_to_string(repo("tests/lawref_known_differences.tsv"))
        .expect("tests/lawref_known_differences.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "file<TAB>part<TAB>reason: {l}");
            ((f[0].to_string(), f[1].to_string()), f[2].to_string())
        })
        .collect()
}

fn answer_of(doc: &Path) -> Value {
    let name = doc.file_stem().unwrap().to_string_lossy();
    let path = shared().join(format!("external/lawref/answers/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// One document: differences must be the listed ones, no more and no fewer.
fn one(path: &Path) {
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let listed: BTreeSet<String> = known()
        .into_keys()
        .filter(|(f, _)| *f == file)
        .map(|(_, part)| part)
        .collect();
    let found = differences(path, &answer_of(path));
    let unlisted: Vec<_> = found
        .iter()
        .filter(|(k, _)| !listed.contains(**k))
        .collect();
    assert!(
        unlisted.is_empty(),
        "{file} differs from its answer (list it in tests/lawref_known_differences.tsv with a reason, or mend the parser): {unlisted:#?}"
    );
    let stale: Vec<_> = listed
        .iter()
        .filter(|k| !found.contains_key(k.as_str()))
        .collect();
    assert!(
        stale.is_empty(),
        "{file}: listed differences that no longer occur (take them off the list): {stale:?}"
    );
}

/// The whole suite: the pass rate, and a list that names only documents of the suite.
fn suite() {
    let docs = shared_files("external/lawref/docs", "txt");
    assert_eq!(docs.len(), 60, "the suite has 60 documents");
    let names: BTreeSet<String> = docs
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for (file, part) in known().keys() {
        assert!(
            names.contains(file),
            "the list names {file}, not in the suite"
        );
        assert!(
            [
                "title",
                "parts",
                "chapters",
                "sections",
                "articles",
                "enumerations"
            ]
            .contains(&part.as_str()),
            "unknown part {part}"
        );
    }
    let exact = docs
        .iter()
        .filter(|p| differences(p, &answer_of(p)).is_empty())
        .count();
    println!("lawref: {exact}/{} outlines exact", docs.len());
    assert!(exact * 100 >= docs.len() * 95, "below 95% exact");
}

fn main() {
    let mut trials = vec![trial("lawref_suite", Needs::Shared, suite)];
    if shared_dir().is_some() {
        for path in shared_files("external/lawref/docs", "txt") {
            let name = format!("lawref_{}", path.file_stem().unwrap().to_string_lossy());
            trials.push(trial(name, Needs::Shared, move || one(&path)));
        }
    }
    run(trials);
}

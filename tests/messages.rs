//! The message catalogues (`data/messages/*.ftl`): every message is in every language,
//! with the same variables, and every message the code names is in them; and the checks
//! speak the language asked for on a real draft.

mod common;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LANGS: &[&str] = &["en", "zh"];

/// Message id → the variables it uses, from a catalogue's text (a message starts at
/// `id =` in the first column; its continuation lines are indented).
fn catalogue(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/messages/{lang}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    let var = regex::Regex::new(r"\$([A-Za-z][A-Za-z0-9_-]*)").unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            let (id, _) = line
                .split_once(" =")
                .unwrap_or_else(|| panic!("{lang}: `{line}`"));
            assert!(
                out.insert(id.to_string(), BTreeSet::new()).is_none(),
                "{lang}: {id} twice"
            );
            current = Some(id.to_string());
        }
        let id = current.as_ref().expect("a message first");
        let vars = out.get_mut(id).unwrap();
        vars.extend(var.captures_iter(line).map(|c| c[1].to_string()));
    }
    out
}

#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    let en = catalogue("en");
    assert!(en.len() > 40, "{} messages", en.len());
    for lang in &LANGS[1..] {
        let other = catalogue(lang);
        let only_en: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let only_other: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "in en.ftl only: {only_en:?}");
        assert!(only_other.is_empty(), "in {lang}.ftl only: {only_other:?}");
        for (id, vars) in &en {
            assert_eq!(
                vars, &other[id],
                "{id}: the variables differ between en and {lang}"
            );
        }
    }
}

#[test]
fn every_message_the_code_names_is_in_the_catalogues() {
    let en = catalogue("en");
    let used = regex::Regex::new(r#"say_args!\(\s*[^,]+,\s*"([^"]+)""#).unwrap();
    // A cap's report names its message and its note (`extract::cap::cap_report`).
    let cap_ids =
        regex::Regex::new(r#"cap_report!\(\s*[^,]+,\s*[^,]+,\s*"([^"]+)",\s*"([^"]+)""#).unwrap();
    let input_ids = regex::Regex::new(r#""((?:what|advice)-[a-z0-9-]+)""#).unwrap();
    let mut named = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for c in used.captures_iter(&text) {
                    named.insert((c[1].to_string(), p.display().to_string()));
                }
                for c in cap_ids.captures_iter(&text) {
                    for id in [&c[1], &c[2]] {
                        named.insert((id.to_string(), p.display().to_string()));
                    }
                }
                // The names and advice of inputs that cannot be read, by their ids.
                for c in input_ids.captures_iter(&text) {
                    named.insert((c[1].to_string(), p.display().to_string()));
                }
            }
        }
    }
    assert!(
        named.len() > 30,
        "{} messages named in the code",
        named.len()
    );
    let missing: Vec<_> = named
        .iter()
        .filter(|(id, _)| !en.contains_key(id) && id != "no-such-message")
        .collect();
    assert!(
        missing.is_empty(),
        "named in the code, in no catalogue: {missing:?}"
    );
}

#[test]
fn the_checks_speak_the_language_asked_for() {
    // The fixture draft has a mixed label, an unclosed bracket and gaps.
    let text = std::fs::read_to_string(common::repo("fixtures/broken.txt")).unwrap();
    let parse = |lang| gongwen::parse_text(&text, &gongwen::Options::default().with_lang(lang));
    let (en, zh) = (parse(gongwen::Lang::En), parse(gongwen::Lang::Zh));
    assert!(!en.diagnostics.is_empty());
    let codes = |d: &gongwen::Document| d.diagnostics.iter().map(|x| x.code).collect::<Vec<_>>();
    assert_eq!(
        codes(&en),
        codes(&zh),
        "the codes never change with the language"
    );
    let han = |s: &str| {
        s.chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
    };
    for (e, z) in en.diagnostics.iter().zip(&zh.diagnostics) {
        assert_ne!(e.message, z.message);
        // An English message quotes Han text (labels, examples) at most; a Chinese one is
        // mostly Han characters beyond what it quotes.
        assert!(
            han(&z.message) > han(&e.message) + 3,
            "{} / {}",
            e.message,
            z.message
        );
        assert!(
            !z.message.contains(" is ") && !z.message.contains("line "),
            "{}",
            z.message
        );
        if let (Some(es), Some(zs)) = (&e.suggestion, &z.suggestion) {
            assert!(han(zs) > han(es), "{es} / {zs}");
        }
    }
}

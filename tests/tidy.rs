//! Rules about the code itself, read from `src/` (after rust-analyzer's tidy tests):
//!
//! - the layers import only downwards: text ← model ← lexicon ← recognize ←
//!   {input, outline} ← extract ← check ← emit ← the facade (`lib.rs`) ← the binary;
//!   `input` and `outline` do not import each other; no file imports a file that imports
//!   it back, however far round;
//! - only the facade and `emit` are public modules;
//! - no list of Han words is written in code outside the lexicon (`src/lexicon/`, whose
//!   words come from `data/`);
//! - no closed set (node kind, qualifier, skip reason, diagnostic code, role, severity,
//!   part kind) is compared as a string.
//!
//! Test modules (`#[cfg(test)] mod tests` at the end of a file, or a `tests.rs`) are not
//! read: tests may call the facade from anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first; a file may use its own layer and those before it.
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["model"],
    &["lexicon"],
    &["recognize"],
    &["input", "outline"],
    &["extract"],
    &["check"],
    &["emit"],
    &["lib"],
    &["bin"],
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&module))
        .unwrap_or_else(|| panic!("module `{module}` is in no layer: add it to LAYERS"))
}

struct Source {
    /// The module path, `check::form`; `lib` for the crate root, `bin::…` for the binary.
    module: Vec<String>,
    /// The code, with comments and the test module removed and string literals kept.
    code: String,
    path: PathBuf,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Removes comments (line, block and doc comments), keeping strings and characters.
fn strip_comments(s: &str) -> String {
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        // A raw string: r"…", r#"…"#.
        if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !b
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&'"') {
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = b[j + 1..].iter().collect();
                let end = rest.find(&close).map_or(b.len(), |k| {
                    j + 1 + rest[..k].chars().count() + close.chars().count()
                });
                out.extend(&b[i..end]);
                i = end;
                continue;
            }
        }
        if c == '"' {
            out.push(c);
            i += 1;
            while i < b.len() {
                out.push(b[i]);
                if b[i] == '\\' {
                    if let Some(&e) = b.get(i + 1) {
                        out.push(e);
                    }
                    i += 2;
                    continue;
                }
                i += 1;
                if b[i - 1] == '"' {
                    break;
                }
            }
            continue;
        }
        // A character literal ('x', '\n', '\u{3000}'), not a lifetime ('a).
        if c == '\'' {
            let lit = if next == Some('\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(end) = lit {
                out.extend(&b[i..=end]);
                i = end + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&root).unwrap().with_extension("");
            let mut module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "main") {
                module.pop();
            }
            if module.is_empty() || module == ["lib"] {
                module = vec!["lib".into()];
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // The test module sits at the end of the file, or is a file of its own
            // (`#[cfg(test)] mod tests;` and `tests.rs`).
            let text = match text.find("#[cfg(test)]\nmod tests") {
                _ if module.last().is_some_and(|m| m == "tests") => "",
                Some(k) => &text[..k],
                None => &text[..],
            };
            Source {
                module,
                code: strip_comments(text),
                path,
            }
        })
        .collect()
}

/// The modules a file's code refers to: `crate::a::b` paths, `super::` paths and the
/// paths through its own child modules, resolved to the files that exist.
fn references(src: &Source, modules: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let re = regex::Regex::new(
        r"\b((?:crate|super|self|[a-z_][a-z0-9_]*)(?:::[A-Za-z_][A-Za-z0-9_]*)+)",
    )
    .unwrap();
    let here = &src.module;
    let children: BTreeSet<String> =
        regex::Regex::new(r"(?m)^\s*(?:pub(?:\([a-z]+\))?\s+)?mod\s+([a-z_0-9]+)\s*;")
            .unwrap()
            .captures_iter(&src.code)
            .map(|c| c[1].to_string())
            .collect();
    // `use a::{b, c::d}` groups.
    let grouped =
        regex::Regex::new(r"use\s+((?:crate|super)(?:::[a-z_0-9]+)*)::\{([^}]*)\}").unwrap();
    let mut paths: Vec<String> = re
        .find_iter(&src.code)
        .map(|m| m.as_str().to_string())
        .collect();
    for c in grouped.captures_iter(&src.code) {
        for item in c[2].split(',') {
            let item = item.trim();
            if !item.is_empty() {
                paths.push(format!("{}::{}", &c[1], item));
            }
        }
    }
    for p in paths {
        let parts: Vec<&str> = p.split("::").collect();
        let mut base: Vec<String> = match parts[0] {
            "crate" => vec![],
            "super" | "self" => {
                let mut b = here.clone();
                if b == ["lib"] {
                    b.clear();
                }
                let mut k = 0;
                while parts.get(k) == Some(&"super") {
                    b.pop();
                    k += 1;
                }
                let rest: Vec<String> = parts[k..]
                    .iter()
                    .filter(|x| **x != "self")
                    .map(|x| x.to_string())
                    .collect();
                b.extend(rest);
                resolve(b, modules).map(|m| out.insert(m));
                continue;
            }
            first if children.contains(first) => {
                let mut b = if here == &["lib".to_string()] {
                    vec![]
                } else {
                    here.clone()
                };
                b.push(first.to_string());
                b
            }
            _ => continue,
        };
        if parts[0] == "crate" {
            base.extend(parts[1..].iter().map(|x| x.to_string()));
        } else {
            base.extend(parts[1..].iter().map(|x| x.to_string()));
        }
        if let Some(m) = resolve(base, modules) {
            out.insert(m);
        }
    }
    out.remove(here);
    out
}

/// The longest prefix of `path` that is a module with a file; the crate root for none.
fn resolve(mut path: Vec<String>, modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    while !path.is_empty() {
        if modules.contains(&path) {
            return Some(path);
        }
        path.pop();
    }
    Some(vec!["lib".into()])
}

#[test]
fn layers_import_only_downwards_and_files_form_no_cycle() {
    let sources = sources();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for s in &sources {
        let refs = references(s, &modules);
        let from = layer(&s.module[0]);
        for r in &refs {
            let to = layer(&r[0]);
            let peers = s.module[0] != r[0] && from == to;
            if to > from || peers {
                wrong.push(format!(
                    "{} uses {} ({} may use only {})",
                    s.path.display(),
                    r.join("::"),
                    s.module[0],
                    LAYERS[..=from]
                        .iter()
                        .flat_map(|l| l.iter())
                        .filter(|m| **m != s.module[0] || !peers)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        graph.insert(s.module.clone(), refs);
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
    // The outline never imports an extractor.
    for (m, refs) in &graph {
        if m[0] == "outline" {
            assert!(
                refs.iter().all(|r| r[0] != "extract"),
                "{m:?} imports extract"
            );
        }
    }
    // No cycle between files.
    fn visit(
        m: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        match state.get(m) {
            Some(2) => return None,
            Some(1) => {
                let k = stack.iter().position(|x| x == m).unwrap();
                let mut cycle = stack[k..].to_vec();
                cycle.push(m.clone());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(m.clone(), 1);
        stack.push(m.clone());
        for r in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(r, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(m.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut state, &mut Vec::new()) {
            let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
            panic!(
                "files import each other round a cycle: {}",
                names.join(" → ")
            );
        }
    }
    // The model imports no stage.
    assert!(graph[&vec!["model".to_string()]]
        .iter()
        .all(|r| r[0] == "model" || r[0] == "text"));
}

#[test]
fn only_the_facade_and_emit_are_public() {
    let lib = sources().into_iter().find(|s| s.module == ["lib"]).unwrap();
    let public: Vec<String> = regex::Regex::new(r"(?m)^pub mod ([a-z_]+)")
        .unwrap()
        .captures_iter(&lib.code)
        .map(|c| c[1].to_string())
        .collect();
    assert_eq!(public, ["emit"], "public modules of lib.rs");
    assert!(lib.code.contains("#![warn(missing_docs)]"));
}

/// Whether a string literal holds a Han character.
fn han(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

#[test]
fn no_han_word_lists_outside_the_lexicon() {
    // Two or more string literals with Han words in one bracket, or joined by `|` in a
    // pattern: a word list.
    let literal = r#""(?:[^"\\]|\\.)*""#;
    let array =
        regex::Regex::new(&format!(r"\[\s*{literal}(?:\s*,\s*{literal})+\s*,?\s*\]")).unwrap();
    let tuple_array = regex::Regex::new(&format!(r"\[\s*\(\s*{literal}[^\]]*\]")).unwrap();
    let alternatives = regex::Regex::new(&format!(r"{literal}\s*\|\s*{literal}")).unwrap();
    let mut found = Vec::new();
    for s in sources() {
        if s.module[0] == "lexicon" {
            continue;
        }
        for re in [&array, &tuple_array, &alternatives] {
            for m in re.find_iter(&s.code) {
                let strings = regex::Regex::new(literal).unwrap();
                let n = strings
                    .find_iter(m.as_str())
                    .filter(|x| han(x.as_str()))
                    .count();
                if n >= 2 {
                    let line = s.code[..m.start()].matches('\n').count() + 1;
                    found.push(format!("{}:~{line}: {}", s.path.display(), m.as_str()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "word lists belong in data/lexicon/ (read through src/lexicon):\n{}",
        found.join("\n")
    );
}

#[test]
fn closed_sets_are_not_compared_as_strings() {
    let mut values: BTreeSet<&str> = BTreeSet::new();
    values.extend(gongwen::Kind::ALL.iter().map(|x| x.as_str()));
    values.extend(gongwen::Qualifier::ALL.iter().map(|x| x.as_str()));
    values.extend(gongwen::SkipReason::ALL.iter().map(|x| x.as_str()));
    values.extend(gongwen::Code::ALL.iter().map(|x| x.as_str()));
    values.extend(gongwen::Role::ALL.iter().map(|x| x.as_str()));
    values.extend(gongwen::Severity::ALL.iter().map(|x| x.as_str()));
    values.extend(gongwen::PartKind::ALL.iter().map(|x| x.as_str()));
    let compare = regex::Regex::new(r#"(?:==|!=)\s*"([a-z_-]+)"|"([a-z_-]+)"\s*(?:==|!=)|(?:matches!\([^,]*,\s*|^\s*)"([a-z_-]+)"\s*(?:\||=>)"#).unwrap();
    let mut found = Vec::new();
    for s in sources() {
        // The closed sets themselves spell their strings once, in `closed_set!`.
        for (k, line) in s.code.lines().enumerate() {
            for c in compare.captures_iter(line) {
                let v = c.get(1).or(c.get(2)).or(c.get(3)).unwrap().as_str();
                if values.contains(v) && !line.contains("=> \"") {
                    found.push(format!("{}:{}: {}", s.path.display(), k + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "compare the enum, not its string:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_tidy_reader_reads_what_it_should() {
    // Comments go, strings stay (a `//` inside a string is no comment).
    let s = strip_comments(
        "let a = \"http://x\"; // crate::emit\n/* crate::check */ let c = '\"'; let r = r#\"//\"#;",
    );
    assert!(
        s.contains("\"http://x\"") && !s.contains("crate::emit") && !s.contains("crate::check")
    );
    assert!(s.contains("r#\"//\"#"), "{s}");
    // A lower layer using a higher one is caught.
    let modules: BTreeSet<Vec<String>> =
        [vec!["text".to_string()], vec!["emit".to_string()]].into();
    let src = Source {
        module: vec!["text".into()],
        code: "use crate::emit::json;".into(),
        path: "x.rs".into(),
    };
    assert_eq!(
        references(&src, &modules),
        [vec!["emit".to_string()]].into()
    );
    assert!(han("\"牵头\"") && !han("\"lead\""));
}

#[test]
fn every_lexicon_file_is_loaded() {
    // A file of data/lexicon/ that no list reads would be a word list that does nothing.
    let lexicon =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon/mod.rs"))
            .unwrap();
    for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon")).unwrap()
    {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            lexicon.contains(&format!("data/lexicon/{name}")),
            "data/lexicon/{name} is not loaded by src/lexicon/mod.rs"
        );
    }
}

//! Numbering: each sequence of one label style in one part of the document, judged
//! by the convention the document itself uses (running on across parents, or
//! restarting under each). Problems are found first, then worded: where one wrong
//! label explains several symptoms (13, 15, 15, 16), one report says so.

use super::report::{kind, line, name, relabel, short, Reports};
use crate::lexicon::messages::say_args;
use crate::model::{Code, Diagnostic, Document, LabelSource, Lang, NodeId, Style};
use rustc_hash::FxHashMap as HashMap;

/// The numbering sequences: nodes of one style, in one part, in document order,
/// ordered by part and style.
pub(super) fn sequences(doc: &Document) -> Vec<Vec<NodeId>> {
    let mut by_style: HashMap<(u32, Style), Vec<NodeId>> = HashMap::default();
    for i in doc.node_ids() {
        let n = doc.node(i);
        by_style.entry((n.part, n.style())).or_default().push(i);
    }
    let mut styles: Vec<_> = by_style.into_iter().collect();
    styles.sort_by_key(|(s, _)| *s);
    styles.into_iter().map(|(_, ids)| ids).collect()
}

/// Judges each numbering sequence.
pub(super) fn check(doc: &Document, sequences: &[Vec<NodeId>], out: &mut Reports) {
    for ids in sequences {
        let runs_on = runs_on(doc, ids);
        problems(doc, ids, runs_on, |p| {
            // Past the cap of its code a problem is only counted: not worded.
            let code = p.finding.code();
            let at = doc.node(ids[p.k]).label_range();
            if out.is_full(code) {
                out.left_out(code, at);
            } else {
                let lang = out.lang;
                out.push(generated(
                    doc,
                    ids,
                    p.k,
                    lang,
                    word(doc, ids, runs_on, &p, lang),
                ));
            }
        });
    }
}

/// What to do differs where Word generated the numbers: a generated number is never
/// mistyped, it comes from a list restarted or continued in the wrong place, or from a
/// number typed among generated ones.
fn generated(doc: &Document, ids: &[NodeId], k: usize, lang: Lang, d: Diagnostic) -> Diagnostic {
    let source = |k: usize| doc.label_source(doc.node(ids[k]));
    let here = source(k);
    let near = (k.saturating_sub(1)..(k + 2).min(ids.len())).find(|&j| source(j) != here);
    match (here, near) {
        (_, Some(j)) => {
            let (auto, typed) = if here == LabelSource::Auto {
                (k, j)
            } else {
                (j, k)
            };
            let line = |j: usize| doc.line(doc.node(ids[j]).span.start);
            d.note(say_args!(
                lang,
                "note-word-mixed",
                auto = line(auto),
                typed = line(typed)
            ))
        }
        (LabelSource::Auto, None) => d.note(say_args!(lang, "note-word-auto")),
        (LabelSource::Text, None) => d,
    }
}

/// Which convention the document uses at parent changes: more numbers that run on than
/// that restart at 1.
fn runs_on(doc: &Document, ids: &[NodeId]) -> bool {
    let (mut restart, mut run_on) = (0, 0);
    for w in ids.windows(2) {
        let (a, b) = (doc.node(w[0]), doc.node(w[1]));
        // From top-level nodes to the children of a heading is no evidence either way:
        // a list of its own begins (the annex under `第一部分` after the body's 一、…).
        if a.parent != b.parent && a.parent.is_some() {
            if b.number() == 1 {
                restart += 1;
            } else if b.number() == a.number().saturating_add(1) {
                run_on += 1;
            }
        }
    }
    run_on > restart
}

/// What is wrong at one place of a sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Finding {
    /// The numbering restarts (or runs on) under a new parent, against the document's
    /// convention.
    Convention { expected: u64 },
    /// One wrong label explains it: the next number is what follows the expected one.
    OneWrong {
        code: Code,
        expected: u64,
        /// The numbers around it, as written.
        around: Vec<u64>,
        has_next: bool,
    },
    /// The first number under a parent is not 1.
    StartsAt { expected: u64 },
    /// Numbers are missing before it.
    Gap { expected: u64 },
    /// It repeats the number before it.
    Repeats,
    /// It is lower than it should be.
    OutOfOrder { expected: u64 },
}

impl Finding {
    /// The code of the report that says it.
    fn code(&self) -> Code {
        match self {
            Finding::Convention { .. } | Finding::StartsAt { .. } => Code::BadStart,
            Finding::OneWrong { code, .. } => *code,
            Finding::Gap { .. } => Code::MissingNumber,
            Finding::Repeats => Code::DuplicateNumber,
            Finding::OutOfOrder { .. } => Code::OutOfOrder,
        }
    }
}

/// A finding at position `k` of the sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    k: usize,
    finding: Finding,
}

/// The problems of one sequence, in order, each handed to `out` as it is found.
fn problems(doc: &Document, ids: &[NodeId], runs_on: bool, mut out: impl FnMut(Problem)) {
    let num = |k: usize| doc.node(ids[k]).number();
    let parent = |k: usize| doc.node(ids[k]).parent;
    let mut expected = 1u64;
    let mut k = 0;
    while k < ids.len() {
        let n = num(k);
        let new_parent = k == 0 || parent(k - 1) != parent(k);
        // `…有下列情形之一的：` on a paragraph of its own, then `（一）` again: a new list
        // under the same parent (the second paragraph of an article).
        if !new_parent && n == 1 && opens_list(doc, ids[k - 1], ids[k]) {
            expected = 1;
        }
        if new_parent && k > 0 && parent(k - 1).is_none() {
            // Top-level nodes, then the children of a heading: a list of its own.
            expected = 1;
        } else if new_parent && k > 0 {
            let other = if runs_on { 1 } else { expected };
            expected = if runs_on { expected } else { 1 };
            if n != expected && n == other {
                out(Problem {
                    k,
                    finding: Finding::Convention { expected },
                });
                expected = n.saturating_add(1);
                k += 1;
                continue;
            }
        }
        if n == expected {
            expected = expected.saturating_add(1);
            k += 1;
            continue;
        }
        let next =
            (k + 1 < ids.len() && (runs_on || parent(k + 1) == parent(k))).then(|| num(k + 1));
        let prev = (k > 0).then(|| num(k - 1));
        if next == Some(expected.saturating_add(1))
            || (next.is_none() && prev.is_some_and(|p| p.saturating_add(1) == expected))
        {
            let code = if Some(n) == prev || Some(n) == next {
                Code::DuplicateNumber
            } else if n < expected {
                Code::OutOfOrder
            } else if new_parent {
                Code::BadStart
            } else {
                Code::MissingNumber
            };
            out(Problem {
                k,
                finding: Finding::OneWrong {
                    code,
                    expected,
                    around: (k.saturating_sub(1)..(k + 3).min(ids.len()))
                        .map(num)
                        .collect(),
                    has_next: next.is_some(),
                },
            });
            expected = expected.saturating_add(1);
            k += 1;
            continue;
        }
        let finding = if new_parent && n != 1 && !(runs_on && k > 0) {
            Finding::StartsAt { expected }
        } else if n > expected {
            Finding::Gap { expected }
        } else if Some(n) == prev {
            Finding::Repeats
        } else {
            Finding::OutOfOrder { expected }
        };
        out(Problem { k, finding });
        expected = n.saturating_add(1);
        k += 1;
    }
}

/// Whether a line of its own stands between the first line of node `a` and node `b`,
/// the next of its style, that opens a new list: one that ends with a colon
/// (`…有下列情形之一的：`), or a short line with no punctuation, a heading without a
/// label (`第三步：领卡`, `面向毕业生的扶持政策`).
fn opens_list(doc: &Document, a: NodeId, b: NodeId) -> bool {
    let between = &doc.text[doc.node(a).span.start..doc.node(b).span.start];
    let mut lines = between
        .lines()
        .map(|l| l.trim_matches(crate::text::is_ws))
        .filter(|l| !l.is_empty());
    let first = lines.next();
    let last = lines.next_back();
    let heading = |l: &str| {
        l.chars().count() <= UNLABELLED_HEADING
            && !l.contains(['。', '，', '；', ',', ';', '、', '！', '？'])
            && !l.ends_with(['）', ')'])
    };
    first.is_some() && last.is_some_and(|l| l.ends_with(['：', ':']) || heading(l))
}

/// A heading without a label is a short line (in characters).
const UNLABELLED_HEADING: usize = 20;

/// How many missing numbers a message lists.
const MISSING_LISTED: usize = 5;

/// The diagnostic that reports a problem.
fn word(doc: &Document, ids: &[NodeId], runs_on: bool, p: &Problem, lang: Lang) -> Diagnostic {
    let name = |i| name(doc, i, lang);
    let kind = |i| kind(doc, i, lang, false);
    let k = p.k;
    let i = ids[k];
    let node = doc.node(i);
    let n = node.number();
    let label = doc.slice(&node.label_range());
    let at = node.label_range();
    let previous = || doc.node(ids[k - 1]).label_range();
    match &p.finding {
        Finding::Convention { expected } => {
            let parent = node
                .parent
                .map(name)
                .unwrap_or_else(|| say_args!(lang, "top-level"));
            let expected = relabel(doc, i, *expected);
            let msg = if runs_on {
                say_args!(
                    lang,
                    "numbering-restarts",
                    kind = kind(i),
                    label = label,
                    parent = parent,
                    expected = expected.as_str()
                )
            } else {
                say_args!(
                    lang,
                    "numbering-runs-on",
                    kind = kind(i),
                    label = label,
                    parent = parent
                )
            };
            Diagnostic::new(Code::BadStart, at, msg)
                .related(previous())
                .suggest(say_args!(
                    lang,
                    "suggest-renumber-as",
                    label = label,
                    expected = expected
                ))
        }
        Finding::OneWrong {
            code,
            expected,
            around,
            has_next,
        } => {
            let around: Vec<String> = around.iter().map(u64::to_string).collect();
            let mut d = Diagnostic::new(
                *code,
                at,
                say_args!(
                    lang,
                    "numbering-one-wrong",
                    node = name(i),
                    line = line(doc, i),
                    expected = short(&relabel(doc, i, *expected)),
                    around = around.join(", "),
                ),
            )
            .suggest(say_args!(
                lang,
                "suggest-renumber-at",
                label = label,
                line = line(doc, i),
                expected = relabel(doc, i, *expected),
            ));
            if k > 0 {
                d = d.related(previous());
            }
            if *has_next {
                d = d.related(doc.node(ids[k + 1]).label_range());
            }
            d
        }
        Finding::StartsAt { expected } => Diagnostic::new(
            Code::BadStart,
            at,
            say_args!(
                lang,
                "numbering-starts-at",
                node = name(i),
                number = n,
                expected = relabel(doc, i, *expected),
            ),
        )
        .suggest(say_args!(
            lang,
            "suggest-renumber-from",
            expected = relabel(doc, i, *expected)
        )),
        Finding::Gap { expected } => {
            let missing: Vec<String> = (*expected..n)
                .take(MISSING_LISTED)
                .map(|m| short(&relabel(doc, i, m)).to_string())
                .collect();
            let mut d = Diagnostic::new(
                Code::MissingNumber,
                at,
                say_args!(
                    lang,
                    "numbering-missing",
                    kind = kind(i),
                    missing = missing.join(", "),
                    count = n - expected,
                    node = name(i),
                    line = line(doc, i),
                ),
            )
            .suggest(say_args!(
                lang,
                "suggest-renumber-or-add",
                label = label,
                line = line(doc, i),
                kind = kind(i),
            ));
            if k > 0 {
                d = d.related(previous());
            }
            d
        }
        Finding::Repeats => Diagnostic::new(
            Code::DuplicateNumber,
            at,
            say_args!(
                lang,
                "numbering-repeats",
                node = name(i),
                line = line(doc, i)
            ),
        )
        .related(previous()),
        Finding::OutOfOrder { expected } => {
            let prev = (k > 0).then(|| doc.node(ids[k - 1]).number());
            let mut d = Diagnostic::new(
                Code::OutOfOrder,
                at,
                say_args!(
                    lang,
                    "numbering-out-of-order",
                    node = name(i),
                    line = line(doc, i),
                    previous = prev.map_or(String::new(), |p| relabel(doc, ids[k - 1], p)),
                    expected = relabel(doc, i, *expected),
                ),
            );
            if n == 1 {
                d = d.note(say_args!(lang, "note-restarts"));
            }
            if k > 0 {
                d = d.related(previous());
            }
            d
        }
    }
}

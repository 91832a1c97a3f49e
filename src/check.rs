//! Check: numbering anomalies and defects of form, reported like a compiler.
//!
//! Takes a parsed [`Document`]; gives [`Diagnostic`]s with stable kebab-case
//! codes. Numbering is judged by the convention the document itself uses: a
//! sequence may run on across parents or restart under each parent, and where
//! one fix explains several symptoms (13, 15, 15, 16) one report says so.

use crate::model::{Diagnostic, Document, Severity};
use crate::outline::label::Style;
use crate::outline::{is_ws, lines};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Reports of one code kept per document; past it, one `truncated` report counts the rest.
/// A document whose every item is numbered `1.` needs a few reports, not 300,000 (which
/// would also take more memory than the document).
pub const MAX_PER_CODE: usize = 200;

/// Of one code: how many were reported, and where the first left out is with how many were.
#[derive(Default)]
struct Tally {
    reported: usize,
    left_out: Option<(Range<usize>, usize)>,
}

/// The reports of one document, at most [`MAX_PER_CODE`] of each code.
#[derive(Default)]
struct Reports {
    list: Vec<Diagnostic>,
    counts: HashMap<&'static str, Tally>,
}

impl Reports {
    fn push(&mut self, d: Diagnostic) {
        let t = self.counts.entry(d.code).or_default();
        if t.reported < MAX_PER_CODE {
            t.reported += 1;
            self.list.push(d);
        } else {
            t.left_out.get_or_insert((d.range.clone(), 0)).1 += 1;
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        let mut extra: Vec<_> = self
            .counts
            .iter()
            .filter_map(|(code, t)| t.left_out.clone().map(|(r, n)| (*code, r, n)))
            .collect();
        extra.sort_by_key(|(_, r, _)| r.start);
        for (code, r, n) in extra {
            self.list.push(
                Diagnostic::new(
                    "truncated",
                    Severity::Info,
                    r,
                    format!("{n} more `{code}` reports from here on are not shown"),
                )
                .note(format!(
                    "at most {MAX_PER_CODE} reports of one kind are given for a document; fix these and check again"
                )),
            );
        }
        self.list.sort_by_key(|d| (d.range.start, d.code));
        self.list.shrink_to_fit();
        self.list
    }
}

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Reports::default();
    if doc.text.chars().all(is_ws) {
        out.push(Diagnostic::new(
            "empty-document",
            Severity::Warning,
            0..0,
            "the document is empty (or holds only white space)",
        ));
        return out.finish();
    }
    if doc.nodes.is_empty() {
        out.push(
            Diagnostic::new(
                "no-outline",
                Severity::Info,
                doc.preamble.as_ref().map_or(0..0, |p| p.range.start..p.range.start),
                "no numbered headings (一、 （一） 1. （1） 第一章 第一条) were found; the whole text is in `preamble`",
            )
            .note("nothing was dropped: the text is kept in `preamble` and `skipped`"),
        );
    }
    let sequences = sequences(doc);
    numbering(doc, &sequences, &mut out);
    label_styles(doc, &mut out);
    brackets(doc, &mut out);
    doc_number_brackets(doc, &mut out);
    missing_responsibility(doc, &sequences, &mut out);
    empty_nodes(doc, &mut out);
    out.finish()
}

/// How a node is named in messages: `item 15` / `section (三)`.
fn name(doc: &Document, i: usize) -> String {
    let n = &doc.nodes[i];
    format!("{} {}", n.kind(), short(doc.slice(&n.label_range())))
}

/// A label without its trailing punctuation, for prose: `15.` → `15`, `三、` → `三`.
fn short(label: &str) -> &str {
    label.trim_end_matches(['、', '.', '．'])
}

fn line(doc: &Document, i: usize) -> usize {
    doc.index.line(doc.nodes[i].span.start)
}

/// Parts of a document: a covering notice and the plan it issues, or attachments,
/// each number their headings afresh. A part starts at a top-level node numbered 1
/// when a title line or an `附件` line stands between it and the node before.
fn parts(doc: &Document) -> Vec<usize> {
    let mut part = vec![0; doc.nodes.len()];
    let mut cur = 0;
    let mut seen_roots: Vec<Style> = Vec::new();
    for i in doc.node_ids() {
        let n = &doc.nodes[i];
        if n.parent.is_none() {
            if n.number() == 1 && seen_roots.contains(&n.style()) && i > 0 && part_break(doc, i - 1)
            {
                cur += 1;
                seen_roots.clear();
            }
            seen_roots.push(n.style());
        }
        part[i] = cur;
    }
    part
}

/// Whether the own text of node `i` holds a line that opens a new part.
fn part_break(doc: &Document, i: usize) -> bool {
    let n = &doc.nodes[i];
    let own = &doc.text[n.label_range().end..n.span.end];
    lines(own).into_iter().skip(1).any(|r| {
        let l = own[r].trim_matches(is_ws);
        let short = l.chars().count() <= 40 && !l.contains(['。', '，', '；']);
        (l.starts_with("附件") && l.chars().count() <= 12)
            || (short && crate::extract::meta::ends_with_doc_type(l))
    })
}

/// The numbering sequences: nodes of one style, in one part, in document order,
/// ordered by part and style.
fn sequences(doc: &Document) -> Vec<Vec<usize>> {
    let part = parts(doc);
    let mut by_style: HashMap<(usize, Style), Vec<usize>> = HashMap::default();
    for i in doc.node_ids() {
        by_style
            .entry((part[i], doc.nodes[i].style()))
            .or_default()
            .push(i);
    }
    let mut styles: Vec<_> = by_style.into_iter().collect();
    styles.sort_by_key(|(s, _)| *s);
    styles.into_iter().map(|(_, ids)| ids).collect()
}

/// Judges each numbering sequence.
fn numbering(doc: &Document, sequences: &[Vec<usize>], out: &mut Reports) {
    for ids in sequences {
        let ids = ids.as_slice();
        // Which convention does the document use at parent changes?
        let (mut restart, mut run_on) = (0, 0);
        for w in ids.windows(2) {
            let (a, b) = (&doc.nodes[w[0]], &doc.nodes[w[1]]);
            if a.parent != b.parent {
                if b.number() == 1 {
                    restart += 1;
                } else if b.number() == a.number().saturating_add(1) {
                    run_on += 1;
                }
            }
        }
        let runs_on = run_on > restart;
        sequence(doc, ids, runs_on, out);
    }
}

fn sequence(doc: &Document, ids: &[usize], runs_on: bool, out: &mut Reports) {
    let num = |k: usize| doc.nodes[ids[k]].number();
    let label = |k: usize| doc.slice(&doc.nodes[ids[k]].label_range()).to_string();
    let style = doc.nodes[ids[0]].style();
    let mut expected = 1u64;
    let mut k = 0;
    while k < ids.len() {
        let i = ids[k];
        let n = num(k);
        let new_parent = k == 0 || doc.nodes[ids[k - 1]].parent != doc.nodes[i].parent;
        if new_parent && k > 0 {
            let other = if runs_on { 1 } else { expected };
            expected = if runs_on { expected } else { 1 };
            if n != expected && n == other {
                let parent = doc.nodes[i]
                    .parent
                    .map(|p| name(doc, p))
                    .unwrap_or_else(|| "the top level".into());
                let msg = if runs_on {
                    format!(
                        "{} numbering restarts at {} under {parent}, but elsewhere in this document it runs on; expected {}",
                        doc.nodes[i].kind(),
                        label(k),
                        style.write(expected)
                    )
                } else {
                    format!(
                        "{} numbering runs on to {} under {parent}, but elsewhere in this document it restarts at 1 under each parent",
                        doc.nodes[i].kind(),
                        label(k)
                    )
                };
                out.push(
                    Diagnostic::new(
                        "bad-start",
                        Severity::Error,
                        doc.nodes[i].label_range(),
                        msg,
                    )
                    .related(doc.nodes[ids[k - 1]].label_range())
                    .suggest(format!(
                        "renumber {} as {}",
                        label(k),
                        style.write(expected)
                    )),
                );
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
        let next = (k + 1 < ids.len()
            && (runs_on || doc.nodes[ids[k + 1]].parent == doc.nodes[i].parent))
            .then(|| num(k + 1));
        let prev = (k > 0).then(|| num(k - 1));
        let seq: Vec<String> = (k.saturating_sub(1)..(k + 3).min(ids.len()))
            .map(|j| num(j).to_string())
            .collect();
        let first_of_parent = new_parent;
        if next == Some(expected.saturating_add(1))
            || (next.is_none()
                && prev.is_some_and(|p| p.saturating_add(1) == expected)
                && n != expected)
        {
            // One wrong label explains it: the next number is what follows the expected one.
            let code = if Some(n) == prev || Some(n) == next {
                "duplicate-number"
            } else if n < expected {
                "out-of-order"
            } else if first_of_parent {
                "bad-start"
            } else {
                "missing-number"
            };
            let mut d = Diagnostic::new(
                code,
                Severity::Error,
                doc.nodes[i].label_range(),
                format!(
                    "{} at line {} is probably {}: the numbers run {}",
                    name(doc, i),
                    line(doc, i),
                    short(&style.write(expected)),
                    seq.join(", ")
                ),
            )
            .suggest(format!(
                "renumber `{}` at line {} as `{}`",
                label(k),
                line(doc, i),
                style.write(expected)
            ));
            if k > 0 {
                d = d.related(doc.nodes[ids[k - 1]].label_range());
            }
            if next.is_some() {
                d = d.related(doc.nodes[ids[k + 1]].label_range());
            }
            out.push(d);
            expected = expected.saturating_add(1);
            k += 1;
            continue;
        }
        let d = if first_of_parent && n != 1 && !(runs_on && k > 0) {
            Diagnostic::new(
                "bad-start",
                Severity::Error,
                doc.nodes[i].label_range(),
                format!(
                    "{} starts the numbering at {}; expected {}",
                    name(doc, i),
                    n,
                    style.write(expected)
                ),
            )
            .suggest(format!("renumber from {}", style.write(expected)))
        } else if n > expected {
            let missing: Vec<String> = (expected..n)
                .take(5)
                .map(|m| short(&style.write(m)).to_string())
                .collect();
            let mut d = Diagnostic::new(
                "missing-number",
                Severity::Error,
                doc.nodes[i].label_range(),
                format!(
                    "{} {} {} before {} at line {}",
                    doc.nodes[i].kind(),
                    missing.join(", "),
                    if n - expected == 1 {
                        "is missing"
                    } else {
                        "are missing"
                    },
                    name(doc, i),
                    line(doc, i)
                ),
            )
            .suggest(format!(
                "renumber from `{}` at line {}, or add the missing {}",
                label(k),
                line(doc, i),
                doc.nodes[i].kind()
            ));
            if k > 0 {
                d = d.related(doc.nodes[ids[k - 1]].label_range());
            }
            d
        } else if Some(n) == prev {
            Diagnostic::new(
                "duplicate-number",
                Severity::Error,
                doc.nodes[i].label_range(),
                format!(
                    "{} at line {} repeats the number before it",
                    name(doc, i),
                    line(doc, i)
                ),
            )
            .related(doc.nodes[ids[k - 1]].label_range())
        } else {
            let mut d = Diagnostic::new(
                "out-of-order",
                Severity::Error,
                doc.nodes[i].label_range(),
                format!(
                    "{} at line {} comes after {}; expected {}",
                    name(doc, i),
                    line(doc, i),
                    prev.map_or(String::new(), |p| style.write(p)),
                    style.write(expected)
                ),
            );
            if n == 1 {
                d = d.note("the numbering restarts here although the parent did not change");
            }
            if k > 0 {
                d = d.related(doc.nodes[ids[k - 1]].label_range());
            }
            d
        };
        out.push(d);
        expected = n.saturating_add(1);
        k += 1;
    }
}

/// A label written differently from its siblings: `2、` among `1.` `3.`.
fn label_styles(doc: &Document, out: &mut Reports) {
    let mut groups: HashMap<Style, Vec<usize>> = HashMap::default();
    for i in doc.node_ids() {
        groups.entry(doc.nodes[i].style()).or_default().push(i);
    }
    let form = |i: usize| {
        let l = doc.nodes[i].label;
        (l.open, l.punct)
    };
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by_key(|(s, _)| *s);
    for (style, ids) in groups {
        if style.is_decimal() || ids.len() < 3 {
            continue;
        }
        let mut count: HashMap<(Option<char>, char), usize> = HashMap::default();
        for &i in &ids {
            *count.entry(form(i)).or_default() += 1;
        }
        let (&major, &m) = count.iter().max_by_key(|(f, c)| (**c, **f)).unwrap();
        if m * 2 <= ids.len() {
            continue;
        }
        let example = ids
            .iter()
            .find(|&&i| form(i) == major)
            .map(|&i| doc.slice(&doc.nodes[i].label_range()))
            .unwrap_or("");
        for &i in &ids {
            if form(i) != major {
                let l = doc.nodes[i].label;
                let fixed = {
                    let s = doc.slice(&doc.nodes[i].label_range());
                    let mut t: String = s.to_string();
                    if let (Some(o), Some(mo)) = (l.open, major.0) {
                        t = t.replacen(o, &mo.to_string(), 1);
                    }
                    let p = t.rfind(l.punct).unwrap_or(t.len() - l.punct.len_utf8());
                    t.replace_range(p..p + l.punct.len_utf8(), &major.1.to_string());
                    t
                };
                out.push(
                    Diagnostic::new(
                        "mixed-label-style",
                        Severity::Warning,
                        doc.nodes[i].label_range(),
                        format!(
                            "{} is written `{}` but {} of its {} siblings are written like `{}`",
                            name(doc, i),
                            doc.slice(&doc.nodes[i].label_range()),
                            m,
                            ids.len(),
                            example
                        ),
                    )
                    .suggest(format!("write `{fixed}`")),
                );
            }
        }
    }
}

/// Unclosed, unmatched and mixed-width brackets, line by line.
fn brackets(doc: &Document, out: &mut Reports) {
    let text = &doc.text;
    let closer = |oc: char| if oc == '（' { '）' } else { ')' };
    let unclosed = |(o, oc): (usize, char), more: usize, on_line: bool| {
        let mut d = Diagnostic::new(
            "unclosed-bracket",
            Severity::Warning,
            o..o + oc.len_utf8(),
            format!(
                "`{oc}` is never closed{}",
                if on_line { " on its line" } else { "" }
            ),
        )
        .suggest(format!(
            "add `{}` where the bracketed text ends",
            closer(oc)
        ));
        if more > 0 {
            d = d.note(format!(
                "{more} more brackets opened after it are not closed either"
            ));
        }
        d
    };
    // At most one report of each kind a line: a line of ten thousand brackets is one problem.
    let mut lines_reported = 0;
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut mismatched = false;
    let mut unmatched: Option<(usize, char, usize)> = None;
    let mut line_begin = 0;
    // Only brackets and line breaks matter.
    let events = crate::charset::brackets_and_breaks(text).chain(std::iter::once(text.len()));
    for at in events {
        let c = text[at..].chars().next().unwrap_or('\n');
        match c {
            '(' | '（' => stack.push((at, c)),
            ')' | '）' => match stack.pop() {
                Some((o, oc)) if (oc == '（') != (c == '）') && !mismatched => {
                    mismatched = true;
                    out.push(
                        Diagnostic::new(
                            "mismatched-bracket",
                            Severity::Warning,
                            at..at + c.len_utf8(),
                            format!("`{oc}` is closed by `{c}`"),
                        )
                        .related(o..o + oc.len_utf8())
                        .suggest(format!("close it with `{}`", closer(oc))),
                    );
                }
                Some(_) => {}
                None => match &mut unmatched {
                    Some((_, _, n)) => *n += 1,
                    None => unmatched = Some((at, c, 0)),
                },
            },
            _ => {
                // The end of a line (`\r\n` ends it at the `\r`; its `\n` ends an empty piece).
                let line = line_begin..at;
                line_begin = at + 1;
                if let Some((u, uc, more)) = unmatched.take() {
                    let mut d = Diagnostic::new(
                        "unmatched-bracket",
                        Severity::Warning,
                        u..u + uc.len_utf8(),
                        format!("`{uc}` closes no bracket on this line"),
                    );
                    if more > 0 {
                        d = d.note(format!(
                            "{more} more closing brackets on this line close nothing"
                        ));
                    }
                    out.push(d);
                    lines_reported += 1;
                }
                if std::mem::take(&mut mismatched) {
                    lines_reported += 1;
                }
                // A bracket opened on a short line (a title, a note) may close on the next one.
                let short = || text[line.clone()].chars().count() <= 40;
                if !(stack.is_empty() || stack.len() == 1 && at < text.len() && short()) {
                    out.push(unclosed(stack[0], stack.len() - 1, at < text.len()));
                    stack.clear();
                }
                if lines_reported > 200 {
                    return;
                }
            }
        }
    }
}

/// GB/T 9704 writes the year of a document number in 〔〕.
fn doc_number_brackets(doc: &Document, out: &mut Reports) {
    let nums = doc.meta.doc_number.iter().chain(
        doc.meta
            .citations
            .iter()
            .filter_map(|c| c.doc_number.as_ref()),
    );
    for d in nums {
        if let (Some((o, c)), Some(y)) = (d.brackets, d.year) {
            if (o, c) != ('〔', '〕') {
                out.push(
                    Diagnostic::new(
                        "doc-number-brackets",
                        Severity::Warning,
                        d.range.clone(),
                        format!("document number `{}` puts its year in `{o}{c}`; GB/T 9704-2012 prescribes `〔〕`", d.text),
                    )
                    .suggest(format!("write `{}〔{}〕{}号`", d.agency, y, d.serial)),
                );
            }
        }
    }
}

/// A task without a responsibility clause where (nearly) all its siblings have one.
fn missing_responsibility(doc: &Document, sequences: &[Vec<usize>], out: &mut Reports) {
    // Nodes of one style are compared with all others of that style (at least four of
    // them with clauses, and four in five of all); a node is reported only when a sibling
    // under the same parent has a clause, so a chapter of principles without owners is not.
    let has = |i: usize| !doc.nodes[i].clauses.is_empty();
    for ids in sequences {
        let with = ids.iter().filter(|&&i| has(i)).count();
        if with < 4 || with * 5 < ids.len() * 4 || with == ids.len() {
            continue;
        }
        // Siblings in this sequence by parent: how many, and how many with a clause.
        // Counted once, so a long sequence costs linear time, not quadratic.
        let mut by_parent: HashMap<Option<usize>, (usize, usize)> = HashMap::default();
        for &j in ids {
            let e = by_parent.entry(doc.nodes[j].parent).or_default();
            e.0 += 1;
            e.1 += usize::from(has(j));
        }
        for &i in ids.iter().filter(|&&i| !has(i)) {
            let n = &doc.nodes[i];
            // `i` itself has no clause: the others are one fewer, with as many clauses.
            let (all, sib_with) = by_parent[&n.parent];
            if all > 1 && sib_with == 0 {
                continue;
            }
            out.push(
                Diagnostic::new(
                    "missing-responsibility",
                    Severity::Warning,
                    n.label_range(),
                    format!("{} has no responsibility clause, but {with} of the {} {}s of this document have one", name(doc, i), ids.len(), n.kind()),
                )
                .suggest("add a clause such as `（省商务厅负责）` at the end of the item"),
            );
        }
    }
}

fn empty_nodes(doc: &Document, out: &mut Reports) {
    for i in doc.node_ids() {
        let n = &doc.nodes[i];
        if n.text_range.is_empty() && n.clauses.is_empty() {
            out.push(Diagnostic::new(
                "empty-heading",
                Severity::Warning,
                n.label_range(),
                format!("{} has no text after its label", name(doc, i)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_text;

    fn codes(t: &str) -> Vec<(&'static str, usize)> {
        let d = parse_text(t, None);
        d.diagnostics
            .iter()
            .map(|x| (x.code, d.index.line(x.range.start)))
            .collect()
    }

    #[test]
    fn one_report_for_one_wrong_number() {
        let t = "一、甲\n1.a。\n2.b。\n4.c。\n4.d。\n5.e。\n";
        let d = parse_text(t, None);
        assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
        assert_eq!(d.diagnostics[0].code, "duplicate-number");
        assert_eq!(d.index.line(d.diagnostics[0].range.start), 4);
        assert!(d.diagnostics[0]
            .suggestion
            .as_deref()
            .unwrap()
            .contains("as `3.`"));
    }

    #[test]
    fn conventions_run_on_and_restart() {
        assert!(codes("一、甲\n1.a。\n2.b。\n二、乙\n3.c。\n4.d。\n三、丙\n5.e。\n").is_empty());
        assert!(codes("一、甲\n1.a。\n2.b。\n二、乙\n1.c。\n2.d。\n三、丙\n1.e。\n").is_empty());
        assert_eq!(
            codes("一、甲\n1.a。\n2.b。\n二、乙\n3.c。\n4.d。\n三、丙\n5.e。\n6.f。\n四、丁\n1.g。\n2.h。\n"),
            vec![("bad-start", 11)]
        );
    }

    #[test]
    fn gaps_restarts_styles_brackets() {
        let cases = [
            ("一、甲\n二、乙\n四、丁\n五、戊\n", ("missing-number", 3)),
            (
                "一、甲\n(一)a\n(二)b\n(三)c\n(一)d\n(二)e\n",
                ("out-of-order", 5),
            ),
            ("一、甲\n1.a。\n2、b。\n3.c。\n", ("mixed-label-style", 3)),
            ("一、甲\n1.a(见附件。\n", ("unclosed-bracket", 2)),
            ("一、甲\n1.a（见附件)。\n", ("mismatched-bracket", 2)),
            (
                "标题\n国发[2019]3号\n正文。\n一、甲\n",
                ("doc-number-brackets", 2),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), vec![want], "{text}");
        }
    }
}

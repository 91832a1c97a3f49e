//! Reports: at most [`MAX_PER_CODE`] of each code for a document, then one `truncated`
//! report that counts the rest; and how nodes are named in messages.

use crate::lexicon::messages::say_args;
use crate::model::{CheckSet, Code, Diagnostic, Document, Lang, NodeId};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Reports of one code kept per document; past it, one `truncated` report counts the rest.
/// A document whose every item is numbered `1.` needs a few reports, not 300,000 (which
/// would also take more memory than the document).
pub const MAX_PER_CODE: usize = 200;

/// Of one code: how many were reported, and where the first left out is with how many were.
#[derive(Default)]
pub(super) struct Tally {
    reported: usize,
    left_out: Option<(Range<usize>, usize)>,
}

/// The reports of one document, at most [`MAX_PER_CODE`] of each code, and the language
/// they are written in.
pub(super) struct Reports {
    list: Vec<Diagnostic>,
    counts: HashMap<Code, Tally>,
    pub(super) lang: Lang,
    /// The codes reported; the others are neither worded nor counted.
    checks: CheckSet,
    /// Edits the reports' fixes may still hold: at most [`MAX_EDITS`] a document.
    edits_left: usize,
}

/// Edits kept for the fixes of one document's reports; a fix that would pass it is left
/// out whole (its report stays, without a fix), never cut short.
pub const MAX_EDITS: usize = 10_000;

impl Reports {
    pub(super) fn new(lang: Lang, checks: CheckSet) -> Reports {
        Reports {
            list: Vec::new(),
            counts: HashMap::default(),
            lang,
            checks,
            edits_left: MAX_EDITS,
        }
    }

    /// Whether the checks asked for include `code`: a check whose codes are not asked
    /// for need not run.
    pub(super) fn wants(&self, code: Code) -> bool {
        self.checks.contains(code)
    }

    /// Whether the checks asked for include any of `codes` (a check that reports several).
    pub(super) fn wants_any(&self, codes: &[Code]) -> bool {
        codes.iter().any(|&c| self.wants(c))
    }

    /// Whether a report of `code` would only be counted now (or not even that, when its
    /// code is not asked for).
    pub(super) fn is_full(&self, code: Code) -> bool {
        !self.wants(code)
            || self
                .counts
                .get(&code)
                .is_some_and(|t| t.reported >= MAX_PER_CODE)
    }

    /// Counts a report of `code` at `range` that is left out (see [`is_full`](Self::is_full)).
    pub(super) fn left_out(&mut self, code: Code, range: Range<usize>) {
        if !self.wants(code) {
            return;
        }
        let t = self.counts.entry(code).or_default();
        t.left_out.get_or_insert((range, 0)).1 += 1;
    }

    /// Keeps a report (its fix only while the document's edits last).
    pub(super) fn push(&mut self, mut d: Diagnostic) {
        if !self.wants(d.code) {
            return;
        }
        let t = self.counts.entry(d.code).or_default();
        if t.reported < MAX_PER_CODE {
            t.reported += 1;
            if d.fixes.len() > self.edits_left {
                d.fixes = Vec::new();
            }
            self.edits_left -= d.fixes.len();
            self.list.push(d);
        } else {
            t.left_out.get_or_insert((d.range.clone(), 0)).1 += 1;
        }
    }

    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
        let mut extra: Vec<_> = self
            .counts
            .iter()
            .filter_map(|(code, t)| t.left_out.clone().map(|(r, n)| (*code, r, n)))
            .filter(|_| self.checks.contains(Code::Truncated))
            .collect();
        extra.sort_by_key(|(code, r, _)| (r.start, code.as_str()));
        for (code, r, n) in extra {
            self.list.push(
                Diagnostic::new(
                    Code::Truncated,
                    r,
                    say_args!(
                        self.lang,
                        "reports-left-out",
                        count = n,
                        code = code.as_str()
                    ),
                )
                .note(say_args!(self.lang, "note-reports-cap", max = MAX_PER_CODE)),
            );
        }
        // Reports at one place are ordered by their code as the JSON writes it.
        self.list.sort_by_key(|d| (d.range.start, d.code.as_str()));
        self.list.shrink_to_fit();
        self.list
    }
}

/// How a node is named in messages: `item 15` / `section (三)`; `三级标题“15”`.
pub(super) fn name(doc: &Document, i: NodeId, lang: Lang) -> String {
    let n = doc.node(i);
    let label = short(doc.slice(&n.label_range()));
    say_args!(lang, "node", kind = n.kind().as_str(), label = label)
}

/// A kind of node (`item`, `三级标题`), alone or counted (`items`).
pub(super) fn kind(doc: &Document, i: NodeId, lang: Lang, counted: bool) -> String {
    let k = doc.node(i).kind().as_str();
    if counted {
        say_args!(lang, "kinds", kind = k)
    } else {
        say_args!(lang, "kind", kind = k)
    }
}

/// The label of node `i` with the number `n`, in the node's own form: its brackets and
/// punctuation (`（三）`, not `(三)`; `15、`, not `15.`) and its digits' width (`１４．`).
pub(super) fn relabel(doc: &Document, i: NodeId, n: u64) -> String {
    let node = doc.node(i);
    let l = node.label;
    let written = doc.slice(&node.label_range());
    let mut t = l.style.write(n);
    if let (Some(o), Some(first)) = (l.open, t.chars().next()) {
        if first == '(' {
            t.replace_range(..1, &o.to_string());
        }
    }
    if let Some(last) = t.chars().last() {
        if matches!(last, ')' | '.' | '、') && last != l.punct {
            let at = t.len() - last.len_utf8();
            t.replace_range(at.., &l.punct.to_string());
        }
    }
    if written.chars().any(|c| ('０'..='９').contains(&c)) {
        t = t
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                c => c,
            })
            .collect();
    }
    t
}

/// A label without its trailing punctuation, for prose: `15.` → `15`, `三、` → `三`.
pub(super) fn short(label: &str) -> &str {
    label.trim_end_matches(['、', '.', '．'])
}

pub(super) fn line(doc: &Document, i: NodeId) -> usize {
    doc.line(doc.node(i).span.start)
}

//! Reports: at most [`MAX_PER_CODE`] of each code for a document, then one `truncated`
//! report that counts the rest; and how nodes are named in messages.

use crate::model::{Code, Diagnostic, Document, NodeId};
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

/// The reports of one document, at most [`MAX_PER_CODE`] of each code.
#[derive(Default)]
pub(super) struct Reports {
    list: Vec<Diagnostic>,
    counts: HashMap<Code, Tally>,
}

impl Reports {
    /// Whether a report of `code` would only be counted now.
    pub(super) fn is_full(&self, code: Code) -> bool {
        self.counts
            .get(&code)
            .is_some_and(|t| t.reported >= MAX_PER_CODE)
    }

    /// Counts a report of `code` at `range` that is left out (see [`is_full`](Self::is_full)).
    pub(super) fn left_out(&mut self, code: Code, range: Range<usize>) {
        let t = self.counts.entry(code).or_default();
        t.left_out.get_or_insert((range, 0)).1 += 1;
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        let t = self.counts.entry(d.code).or_default();
        if t.reported < MAX_PER_CODE {
            t.reported += 1;
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
            .collect();
        extra.sort_by_key(|(code, r, _)| (r.start, code.as_str()));
        for (code, r, n) in extra {
            self.list.push(
                Diagnostic::new(
                    Code::Truncated,
                    r,
                    format!("{n} more `{code}` reports from here on are not shown"),
                )
                .note(format!(
                    "at most {MAX_PER_CODE} reports of one kind are given for a document; fix these and check again"
                )),
            );
        }
        // Reports at one place are ordered by their code as the JSON writes it.
        self.list.sort_by_key(|d| (d.range.start, d.code.as_str()));
        self.list.shrink_to_fit();
        self.list
    }
}

/// How a node is named in messages: `item 15` / `section (三)`.
pub(super) fn name(doc: &Document, i: NodeId) -> String {
    let n = doc.node(i);
    format!("{} {}", n.kind(), short(doc.slice(&n.label_range())))
}

/// A label without its trailing punctuation, for prose: `15.` → `15`, `三、` → `三`.
pub(super) fn short(label: &str) -> &str {
    label.trim_end_matches(['、', '.', '．'])
}

pub(super) fn line(doc: &Document, i: NodeId) -> usize {
    doc.line(doc.node(i).span.start)
}

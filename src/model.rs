//! The document model every stage fills in: text, nodes (an arena in document
//! order), extracted facts and diagnostics. Ranges here are byte ranges into
//! `Document::text`; `emit` turns them into character spans.

use crate::outline::label::{Label, Style};
use crate::span::LineIndex;
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct Source {
    pub path: Option<String>,
    pub encoding: String,
    pub bytes: usize,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub index: LineIndex,
    pub source: Source,
    pub meta: crate::extract::meta::Meta,
    /// Text between the header and the first heading.
    pub preamble: Option<Block>,
    /// All nodes in document order; `parent`/`children` index into it.
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    pub skipped: Vec<Skipped>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub range: Range<usize>,
    pub quantities: Vec<crate::extract::quantity::Quantity>,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub label: Label,
    /// The title when it differs from the text of `title_range` (white space inside
    /// squeezed out); see [`Node::title`].
    pub title_squeezed: Option<Box<str>>,
    pub title_range: Range<usize>,
    /// The node's own text after its label, without a trailing responsibility clause.
    pub text_range: Range<usize>,
    /// From the label to the end of the node's own content (clause included).
    pub span: Range<usize>,
    /// Found inside a line (the document lost its line breaks), not at a line start.
    pub inline: bool,
    /// Boxed slices rather than vectors: a document has many nodes, and these are
    /// filled once.
    pub clauses: Box<[crate::extract::responsibility::Clause]>,
    pub quantities: Box<[crate::extract::quantity::Quantity]>,
    pub parent: Option<usize>,
    pub children: Box<[usize]>,
}

impl Node {
    /// Where the label is: the start of the span.
    pub fn label_range(&self) -> Range<usize> {
        self.span.start..self.span.start + self.label.len as usize
    }
    pub fn style(&self) -> Style {
        self.label.style
    }
    pub fn number(&self) -> u64 {
        self.label.number
    }
    pub fn kind(&self) -> &'static str {
        self.label.style.kind()
    }
    /// The heading of the node (`text` is the document's text).
    pub fn title<'a>(&'a self, text: &'a str) -> &'a str {
        self.title_squeezed
            .as_deref()
            .unwrap_or(&text[self.title_range.clone()])
    }
    /// The last responsibility clause, which is the node's `responsibility`.
    pub fn responsibility(&self) -> Option<&crate::extract::responsibility::Clause> {
        self.clauses.last()
    }
}

/// Text that is not part of the document body, with why it was set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub range: Range<usize>,
    /// `chrome` (web page navigation), `header` (a header line that is not title or
    /// number), `toc` (table of contents), `signature`, `note`, `junk`.
    pub reason: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    pub related: Vec<Range<usize>>,
    pub notes: Vec<String>,
    pub suggestion: Option<String>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            range,
            related: Vec::new(),
            notes: Vec::new(),
            suggestion: None,
        }
    }
    pub fn related(mut self, r: Range<usize>) -> Self {
        self.related.push(r);
        self
    }
    pub fn note(mut self, n: impl Into<String>) -> Self {
        self.notes.push(n.into());
        self
    }
    pub fn suggest(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }
}

impl Document {
    /// The label path of a node, like `三/(二)/12`.
    pub fn path(&self, i: usize) -> String {
        let mut parts = Vec::new();
        let mut cur = Some(i);
        while let Some(k) = cur {
            parts.push(path_part(&self.text[self.nodes[k].label_range()]));
            cur = self.nodes[k].parent;
        }
        parts.reverse();
        parts.join("/")
    }

    pub fn slice(&self, r: &Range<usize>) -> &str {
        &self.text[r.clone()]
    }

    /// Indices of nodes in document order, depth-first (the arena order).
    pub fn node_ids(&self) -> Range<usize> {
        0..self.nodes.len()
    }
}

/// The items of a vector in an allocation of their size. A new allocation rather than
/// a shrunken one: shrinking in place leaves small holes between the long-lived lists
/// of a large document.
pub(crate) fn exact<T>(v: Vec<T>) -> Box<[T]> {
    if v.len() == v.capacity() {
        v.into_boxed_slice()
    } else {
        let mut b = Vec::with_capacity(v.len());
        b.extend(v);
        b.into_boxed_slice()
    }
}

/// The items of `v` moved into an allocation of their size; `v` is left empty, with its
/// room, to be filled again.
pub(crate) fn take_exact<T>(v: &mut Vec<T>) -> Box<[T]> {
    let mut out = Vec::with_capacity(v.len());
    out.append(v);
    out.into_boxed_slice()
}

/// A label as a path element: `三、` → `三`, `（二）` → `(二)`, `12.` → `12`.
pub(crate) fn path_part(label: &str) -> String {
    let mut s = String::new();
    push_path_part(&mut s, label);
    s
}

/// [`path_part`], appended to `out`.
pub(crate) fn push_path_part(out: &mut String, label: &str) {
    for c in label.trim_end_matches(['、', '.', '．']).chars() {
        out.push(match c {
            '（' => '(',
            '）' => ')',
            c => c,
        });
    }
}

//! The document model every stage fills in: text, zones, nodes (an arena in document
//! order), extracted facts and diagnostics. It imports no stage.
//!
//! Ranges here are byte ranges into [`Document::text`]; `emit` turns them into
//! character spans.

mod clause;
pub(crate) mod closed;
mod diagnostic;
mod error;
mod meta;
mod node;
mod quantity;

pub use clause::{Clause, ClauseUnit, Role, Unit, UnitId};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::Error;
pub use meta::{Attachment, Citation, DocNumber, Meta, PageMeta};
pub use node::{Kind, Label, Node, NodeId, Style};
pub use quantity::{Qualifier, Quantity};

use crate::text::LineIndex;
use closed::closed_set;
use std::ops::Range;

/// Where the document came from.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The path as given, if it came from a file.
    pub path: Option<String>,
    /// The encoding it was decoded from (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`…).
    pub encoding: String,
    /// How many bytes were read.
    pub bytes: usize,
    /// What the input was; the text is what was extracted from it.
    pub format: Format,
}

/// A parsed document: its text and everything found in it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text every range refers to.
    pub text: String,
    /// Lines and character offsets of `text`.
    pub index: LineIndex,
    /// Where it came from.
    pub source: Source,
    /// Title, number, date, issuer, citations.
    pub meta: Meta,
    /// What the container (a web page) says about the document.
    pub page: PageMeta,
    /// The lines before the body, each with what it is.
    pub header: Vec<HeaderLine>,
    /// The body: after the header, before the trailer (signature, notes).
    pub body: Range<usize>,
    /// Where the text that the input stage set aside starts (a web page's navigation,
    /// a PDF's running headers, a Word file's comments), when it set any aside: it is
    /// kept after the document, so that positions point into one text, and the outline
    /// and the checks read only what comes before it.
    pub tail: Option<usize>,
    /// Text between the header and the first heading.
    pub preamble: Option<Block>,
    /// All nodes in document order; `parent`/`children` index into it.
    pub nodes: Vec<Node>,
    /// The top-level nodes.
    pub roots: Vec<NodeId>,
    /// The parts of the document: a covering notice and the plan it issues, attachments.
    pub parts: Vec<Part>,
    /// The units named by clauses, each once (see [`UnitId`]).
    pub units: Vec<Unit>,
    /// Text that is not body, with why it was set aside.
    pub skipped: Vec<Skipped>,
    /// Problems found, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A stretch of running text outside the outline (the preamble).
#[derive(Debug, Clone)]
pub struct Block {
    /// Where it is.
    pub range: Range<usize>,
    /// The quantities in it.
    pub quantities: Vec<Quantity>,
}

closed_set! {
    /// Why text was set aside as not body.
    pub enum SkipReason {
        /// Web-page navigation.
        Chrome => "chrome",
        /// A header line that is neither title nor number.
        Header => "header",
        /// A table of contents.
        Toc => "toc",
        /// The issuer and date under the text.
        Signature => "signature",
        /// A publication note (`（此件公开发布）`).
        Note => "note",
        /// Stray characters.
        Junk => "junk",
        /// Running headers and footers, page numbers (PDF, OFD, Word).
        PageFurniture => "page-furniture",
        /// A comment in a Word document.
        Comment => "comment",
        /// Text a Word document's tracked changes delete.
        Deleted => "deleted",
    }
}

closed_set! {
    /// What the input was.
    #[derive(Default)]
    pub enum Format {
        /// Plain text, in any encoding.
        #[default]
        Text => "text",
        /// A web page.
        Html => "html",
        /// A Word document (.docx).
        Docx => "docx",
        /// A PDF with a text layer.
        Pdf => "pdf",
        /// An OFD document (GB/T 33190).
        Ofd => "ofd",
    }
}

/// Text that is not part of the document body, with why it was set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is.
    pub range: Range<usize>,
    /// Why it is not body.
    pub reason: SkipReason,
}

/// A line before the body, classified once by the outline for the stages after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLine {
    /// The line, trimmed.
    pub range: Range<usize>,
    /// What it is.
    pub kind: HeaderKind,
}

/// What a header line is, with what was recognised in it (ranges are of the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderKind {
    /// Web-page navigation, which may hold the document number.
    Chrome(Option<DocNumber>),
    /// A line that holds a document number: the first one.
    DocNumber(DocNumber),
    /// `第706号` alone: a decree's number, when the line before names the decree.
    DecreeSerial(u64),
    /// A line with a date in it (`发布日期：2022-04-22`): the ISO date and where it is.
    Dated(String, Range<usize>),
    /// `来源：…`: who published it.
    Source,
    /// Anything else: a title line or other header text.
    Text,
}

/// A part of a document that numbers its headings afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What the part is.
    pub kind: PartKind,
    /// Where it starts: its first node's label.
    pub start: usize,
    /// For attachments: which one, from 1.
    pub number: u32,
}

closed_set! {
    /// What a part of a document is.
    pub enum PartKind {
        /// The whole document, or its body when attachments follow.
        Main => "main",
        /// A covering notice, followed by the document it issues.
        Notice => "notice",
        /// The document a covering notice issues.
        Plan => "plan",
        /// An attachment.
        Attachment => "attachment",
    }
}

impl Document {
    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// The ids of all nodes, in document order, depth-first (the arena order).
    pub fn node_ids(&self) -> impl DoubleEndedIterator<Item = NodeId> + ExactSizeIterator {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// The unit with this id.
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id.index()]
    }

    /// The names, as written, of the units of `clause` in `role`.
    pub fn names(&self, clause: &Clause, role: Role) -> Vec<&str> {
        clause
            .with_role(role)
            .map(|u| &*self.unit(u).name)
            .collect()
    }

    /// The document's part of the text: all of it, or what comes before the text the
    /// input stage set aside.
    pub fn own_text(&self) -> &str {
        &self.text[..self.tail.unwrap_or(self.text.len())]
    }

    /// The text at a byte range.
    pub fn slice(&self, r: &Range<usize>) -> &str {
        &self.text[r.clone()]
    }

    /// The label path of a node, like `三/(二)/12`.
    pub fn path(&self, id: NodeId) -> String {
        let mut ids = vec![id];
        while let Some(p) = self.node(*ids.last().expect("not empty")).parent {
            ids.push(p);
        }
        let mut out = String::new();
        for (k, &i) in ids.iter().rev().enumerate() {
            if k > 0 {
                out.push('/');
            }
            push_path_part(&mut out, self.slice(&self.node(i).label_range()));
        }
        out
    }

    /// The 1-based line a byte offset is on.
    pub fn line(&self, byte: usize) -> usize {
        self.index.line(byte)
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

/// A label as a path element (`三、` → `三`, `（二）` → `(二)`, `12.` → `12`), appended
/// to `out`.
pub(crate) fn push_path_part(out: &mut String, label: &str) {
    for c in label.trim_end_matches(['、', '.', '．']).chars() {
        out.push(match c {
            '（' => '(',
            '）' => ')',
            c => c,
        });
    }
}

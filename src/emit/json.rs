//! The `gongwen/1` JSON shape, declared once.
//!
//! The structs here are the shape: serde writes them, schemars makes
//! `schema/gongwen-1.schema.json` from them (a test fails when the committed file
//! differs), and their doc comments are the schema's descriptions. Field names are a
//! contract: add, never rename or drop.
//!
//! The structs borrow from the [`Document`] and hold their lists as lazy sequences, so
//! serializing builds nothing per node: each element is made on the stack as it is
//! written.

use crate::model::{
    Attachment, Citation, Clause, ClauseForm, ClauseUnit, Code, Diagnostic, DocNumber, Document,
    Edit, Format, Kind, LabelSource, NodeId, PartKind, Qualifier, Quantity, Role, Severity,
    SkipReason, Skipped,
};
use crate::text::Span;
use schemars::JsonSchema;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use std::cell::Cell;
use std::ops::Range;

use super::whole;
pub use super::SCHEMA;

/// The document and the line of the last span written: spans are written in document
/// order, so the next one is mostly on that line or the one after.
pub struct Ctx<'a> {
    doc: &'a Document,
    line: Cell<usize>,
    doc_id: String,
    include_text: bool,
}

impl<'a> Ctx<'a> {
    /// A view of `doc`.
    pub fn new(doc: &'a Document) -> Ctx<'a> {
        Ctx {
            doc,
            line: Cell::new(1),
            doc_id: doc.doc_id_hex(),
            include_text: false,
        }
    }

    /// A view of `doc` that embeds its text.
    pub fn with_text(doc: &'a Document) -> Ctx<'a> {
        Ctx {
            include_text: true,
            ..Ctx::new(doc)
        }
    }

    /// The span users see for a byte range.
    pub fn span(&self, r: &Range<usize>) -> Span {
        let ix = &self.doc.index;
        let line = ix.line_near(r.start, self.line.get());
        self.line.set(line);
        Span {
            start: ix.char_offset(&self.doc.text, r.start),
            end: ix.char_offset(&self.doc.text, r.end),
            line,
        }
    }

    /// The whole document.
    pub fn document(&'a self) -> JsonDocument<'a> {
        let d = self.doc;
        JsonDocument {
            schema: SchemaTag,
            doc_id: &self.doc_id,
            source: JsonSource {
                path: d.source.path.as_deref(),
                encoding: &d.source.encoding,
                bytes: d.source.bytes,
                format: d.source.format,
            },
            meta: JsonMeta {
                title: d.meta.title.as_deref(),
                title_span: d.meta.title_range.as_ref().map(|r| self.span(r)),
                doc_number: d.meta.doc_number.as_ref().map(|n| self.doc_number(n)),
                date: d.meta.date.as_deref(),
                issuer: d.meta.issuer.as_deref(),
                citations: Seq::new(self, &d.meta.citations, Ctx::citation),
                index_number: d.meta.index_number.as_deref(),
                subject: d.meta.subject.as_deref(),
                published: d.meta.published.as_deref(),
                attachments: Seq::new(self, &d.meta.attachments, |_, a| JsonAttachment {
                    name: &a.name,
                    href: a.href.as_deref(),
                }),
                doc_type: d.meta.doc_type.as_deref(),
                issuers: &d.meta.issuers,
                recipients: &d.meta.recipients,
                signatory: d.meta.signatory.as_deref(),
            },
            preamble: d.preamble.as_ref().map(|p| JsonBlock {
                text: d.slice(&p.range),
                span: self.span(&p.range),
                quantities: Seq::new(self, &p.quantities, Ctx::quantity),
            }),
            nodes: Seq::new(self, &d.roots, Ctx::node),
            skipped: Seq::new(self, &d.skipped, Ctx::skipped),
            diagnostics: Seq::new(self, &d.diagnostics, Ctx::diagnostic),
            text: self.include_text.then_some(d.text.as_str()),
        }
    }

    fn doc_number(&self, d: &'a DocNumber) -> JsonDocNumber<'a> {
        JsonDocNumber {
            text: &d.text,
            agency: &d.agency,
            year: d.year,
            serial: d.serial,
            span: self.span(&d.range),
        }
    }

    pub(crate) fn citation(&'a self, c: &'a Citation) -> JsonCitation<'a> {
        JsonCitation {
            title: &c.title,
            doc_number: c.doc_number.as_ref().map(|n| self.doc_number(n)),
            span: self.span(&c.range),
        }
    }

    /// A node and, lazily, its children.
    pub fn node(&'a self, id: &'a NodeId) -> JsonNode<'a> {
        let doc = self.doc;
        let n = doc.node(*id);
        let part = doc.part_of(n);
        JsonNode {
            id: id.index(),
            parent: n.parent.map(NodeId::index),
            kind: n.kind(),
            label: doc.slice(&n.label_range()),
            label_source: doc.label_source(n),
            number: n.number(),
            title: n.title(&doc.text),
            text: doc.slice(&n.text_range),
            span: self.span(&n.span),
            page: doc.page_of(n.span.start),
            path: NodePath { doc, id: *id },
            depth: doc.depth(n),
            part: part.map_or(PartKind::Main, |p| p.kind),
            attachment: part
                .filter(|p| p.kind == PartKind::Attachment)
                .map(|p| p.number),
            deadline: n.deadline.as_ref().map(|r| self.doc.slice(r)),
            deadline_date: self.deadline_date(n.deadline.as_ref()),
            style: n.style().as_str(),
            enumeration: doc.is_enumeration(n),
            responsibility: n.responsibility().map(|c| self.clause(c)),
            clauses: Seq::new(self, &n.clauses, Ctx::clause),
            quantities: Seq::new(self, &n.quantities, Ctx::quantity),
            children: Seq::new(self, &n.children, Ctx::node),
        }
    }

    /// A responsibility clause.
    pub fn clause(&'a self, c: &'a Clause) -> JsonClause<'a> {
        let names = |role| Names {
            doc: self.doc,
            clause: c,
            role,
        };
        JsonClause {
            text: self.doc.slice(&c.range),
            span: self.span(&c.range),
            lead: names(Role::Lead),
            responsible: names(Role::Responsible),
            support: names(Role::Support),
            units: Seq::new(self, &c.units, Ctx::unit),
            form: c.form,
        }
    }

    fn unit(&'a self, u: &'a ClauseUnit) -> JsonUnit<'a> {
        let unit = self.doc.unit(u.unit);
        JsonUnit {
            name: &unit.name,
            role: u.role,
            canonical: &unit.canonical,
            kind: &unit.kind,
            region: unit.region.as_deref(),
        }
    }

    /// The ISO date of a deadline written at `r`.
    fn deadline_date(&self, r: Option<&Range<usize>>) -> Option<String> {
        crate::recognize::date::deadline_date(self.doc.slice(r?), self.doc.year())
    }

    /// A quantity.
    pub fn quantity(&'a self, q: &'a Quantity) -> JsonQuantity<'a> {
        JsonQuantity {
            text: self.doc.slice(&q.range),
            value: q.value,
            unit: &q.unit,
            qualifier: q.qualifier,
            min: q.min(),
            max: q.max(),
            from: q.from(),
            to: q.to(),
            parts: &q.parts,
            target: q.target,
            deadline: q.deadline.as_ref().map(|r| self.doc.slice(r)),
            span: self.span(&q.range),
            deadline_date: self.deadline_date(q.deadline.as_ref()),
        }
    }

    pub(crate) fn skipped(&'a self, s: &'a Skipped) -> JsonSkipped<'a> {
        JsonSkipped {
            text: self.doc.slice(&s.range),
            span: self.span(&s.range),
            reason: s.reason,
        }
    }

    /// A diagnostic.
    pub fn diagnostic(&'a self, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
        let s = self.span(&d.range);
        JsonDiagnostic {
            code: d.code,
            severity: d.severity,
            message: &d.message,
            span: JsonDiagSpan {
                start: s.start,
                end: s.end,
                line: s.line,
                column: self.doc.index.column(&self.doc.text, d.range.start),
            },
            paragraph: self.doc.paragraph(d.range.start),
            page: self.doc.page_of(d.range.start),
            related: Seq::new(self, &d.related, |c, r| c.span(r)),
            notes: &d.notes,
            suggestion: d.suggestion.as_deref(),
            fixes: Seq::new(self, &d.fixes, |c, e| JsonEdit {
                span: c.span(&e.range),
                replacement: &e.replacement,
            }),
        }
    }
}

/// A list written one element at a time, each made from an item of the model as it is
/// written.
pub struct Seq<'a, T, V> {
    ctx: &'a Ctx<'a>,
    items: &'a [T],
    make: fn(&'a Ctx<'a>, &'a T) -> V,
}

impl<'a, T, V> Seq<'a, T, V> {
    fn new(ctx: &'a Ctx<'a>, items: &'a [T], make: fn(&'a Ctx<'a>, &'a T) -> V) -> Self {
        Seq { ctx, items, make }
    }
}

impl<T, V: Serialize> Serialize for Seq<'_, T, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for x in self.items {
            seq.serialize_element(&(self.make)(self.ctx, x))?;
        }
        seq.end()
    }
}

/// The names of the units of one role in a clause.
pub struct Names<'a> {
    doc: &'a Document,
    clause: &'a Clause,
    role: Role,
}

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.clause.of_role(self.role).len();
        let mut seq = s.serialize_seq(Some(n))?;
        for u in self.clause.with_role(self.role) {
            seq.serialize_element(&*self.doc.unit(u).name)?;
        }
        seq.end()
    }
}

/// A node's label path (`三/(二)/12`), written from its ancestors' labels.
pub struct NodePath<'a> {
    doc: &'a Document,
    id: NodeId,
}

impl std::fmt::Display for NodePath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fn up(doc: &Document, id: NodeId, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let n = doc.node(id);
            if let Some(p) = n.parent {
                up(doc, p, f)?;
                f.write_str("/")?;
            }
            let mut part = String::new();
            crate::model::push_path_part(&mut part, doc.slice(&n.label_range()));
            f.write_str(&part)
        }
        up(self.doc, self.id, f)
    }
}

impl Serialize for NodePath<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The `schema` field: always `gongwen/1`.
pub struct SchemaTag;

impl Serialize for SchemaTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(SCHEMA)
    }
}

impl JsonSchema for SchemaTag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaTag".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "const": SCHEMA })
    }
}

/// The output of `gongwen parse`: one document. Spans are character (Unicode scalar)
/// offsets into the decoded text, end exclusive, with the 1-based line of `start`.
#[derive(Serialize, JsonSchema)]
#[schemars(
    rename = "gongwen/1 document",
    extend("$id" = "https://gongwen.invalid/schema/gongwen-1.schema.json")
)]
pub struct JsonDocument<'a> {
    /// Always `gongwen/1`.
    pub schema: SchemaTag,
    /// The SHA-256 of the input's bytes, in hexadecimal (of the text's UTF-8, for text
    /// given as text): the same file has the same id wherever it is read.
    pub doc_id: &'a str,
    /// Where the document came from.
    pub source: JsonSource<'a>,
    /// Title, number, date, issuer, citations.
    pub meta: JsonMeta<'a>,
    /// Text between the header and the first heading, or null.
    pub preamble: Option<JsonBlock<'a>>,
    /// The outline's top level.
    #[schemars(with = "Vec<JsonNode<'a>>")]
    pub nodes: Seq<'a, NodeId, JsonNode<'a>>,
    /// Text that is not body: web-page chrome, header lines, a table of contents,
    /// signature, notes, junk. Nothing is dropped silently.
    #[schemars(with = "Vec<JsonSkipped<'a>>")]
    pub skipped: Seq<'a, Skipped, JsonSkipped<'a>>,
    /// Problems found, in document order.
    #[schemars(with = "Vec<JsonDiagnostic<'a>>")]
    pub diagnostics: Seq<'a, Diagnostic, JsonDiagnostic<'a>>,
    /// The extracted text every span points into (with `--include-text`; absent
    /// otherwise): `text[start:end]` in Python is what a span covers, whatever the input's
    /// encoding or format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

/// Where the document came from.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "source")]
pub struct JsonSource<'a> {
    /// As given on the command line; null for text parsed from memory.
    pub path: Option<&'a str>,
    /// Encoding used to decode the input: UTF-8, GB18030, Big5, UTF-16LE, UTF-16BE, …
    pub encoding: &'a str,
    /// How many bytes were read.
    pub bytes: usize,
    /// What the input was: `text`, `html`, `docx`, `pdf`, `ofd`. The text every span
    /// points into is what was extracted from it (`gongwen text`).
    pub format: Format,
}

/// What the document says about itself.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "meta")]
pub struct JsonMeta<'a> {
    /// A title set over several lines is joined; spaces between Han characters are removed.
    pub title: Option<&'a str>,
    /// Where the title is.
    pub title_span: Option<Span>,
    /// The document number (发文字号).
    pub doc_number: Option<JsonDocNumber<'a>>,
    /// ISO date (YYYY-MM-DD): the stated publication date, else the signature's date.
    pub date: Option<&'a str>,
    /// Who issued it.
    pub issuer: Option<&'a str>,
    /// Documents cited as 《…》, with the document number that follows the title, if any.
    #[schemars(with = "Vec<JsonCitation<'a>>")]
    pub citations: Seq<'a, Citation, JsonCitation<'a>>,
    /// The index number of an information-disclosure page (索引号).
    pub index_number: Option<&'a str>,
    /// The subject classification (主题分类).
    pub subject: Option<&'a str>,
    /// When it was published (发布日期), as an ISO date.
    pub published: Option<&'a str>,
    /// The attachments a web page links to, else those the text lists (`附件：1.…`).
    #[schemars(with = "Vec<JsonAttachment<'a>>")]
    pub attachments: Seq<'a, Attachment, JsonAttachment<'a>>,
    /// The document type (文种), the word the title ends with: 通知, 意见, 方案, 办法…
    pub doc_type: Option<&'a str>,
    /// Each issuing organ named by `issuer`, in order.
    pub issuers: &'a [String],
    /// The organs it is addressed to (主送机关).
    pub recipients: &'a [String],
    /// Who signed it: title and name (`总理 李克强`).
    pub signatory: Option<&'a str>,
}

/// An attachment.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "attachment")]
pub struct JsonAttachment<'a> {
    /// As the link or the list names it.
    pub name: &'a str,
    /// The address it links to, as written on the page.
    pub href: Option<&'a str>,
}

/// A document number: `晋政办发〔2022〕35号` → agency 晋政办发, year 2022, serial 35.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "doc_number")]
pub struct JsonDocNumber<'a> {
    /// As written.
    pub text: &'a str,
    /// The agency's code.
    pub agency: &'a str,
    /// The year; null for decrees such as 国务院令第706号.
    pub year: Option<i32>,
    /// The serial number.
    pub serial: u64,
    /// Where it is written.
    pub span: Span,
}

/// A cited document.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "citation")]
pub struct JsonCitation<'a> {
    /// The title inside 《》.
    pub title: &'a str,
    /// The number in the bracket after the title.
    pub doc_number: Option<JsonDocNumber<'a>>,
    /// From 《 to the end of the number's bracket (or to 》).
    pub span: Span,
}

/// Running text outside the outline.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "block")]
pub struct JsonBlock<'a> {
    /// The text.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// The quantities in it.
    #[schemars(with = "Vec<JsonQuantity<'a>>")]
    pub quantities: Seq<'a, Quantity, JsonQuantity<'a>>,
}

/// A numbered heading and its own content.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "node")]
pub struct JsonNode<'a> {
    /// The node's id: its index in document order (0, 1, 2…), unique in the document and
    /// the same for the same input.
    pub id: usize,
    /// The id of the node it is nested under, or null at the top of the outline.
    pub parent: Option<usize>,
    /// What the node is.
    pub kind: Kind,
    /// The label as written (`三、`, `（二）`, `15.`, `第一条`).
    pub label: &'a str,
    /// `text` when the label is typed in the text, `auto` when the input generated it
    /// (Word's automatic numbering): a wrong automatic number is a list restarted or
    /// continued by mistake, not a typing error.
    pub label_source: LabelSource,
    /// The label's number.
    pub number: u64,
    /// The text after the label up to the first 。 or the end of its line, without a
    /// trailing responsibility clause.
    pub title: &'a str,
    /// The node's own text after its label (children excluded), without the trailing clause.
    pub text: &'a str,
    /// From the label to the end of the node's own content.
    pub span: Span,
    /// The 1-based page the node starts on, for a paged input (OFD, PDF); else null.
    pub page: Option<usize>,
    /// The label path, like `三/(二)/12`.
    #[schemars(with = "String")]
    pub path: NodePath<'a>,
    /// How many nodes enclose it (0 at the top of the outline).
    pub depth: usize,
    /// The part of the document it is in: `main` (the whole, or its body when attachments
    /// follow), `notice` (a covering notice), `plan` (the document a notice issues),
    /// `attachment`.
    pub part: PartKind,
    /// Which attachment, from 1, when `part` is `attachment`; else null.
    pub attachment: Option<u32>,
    /// The task's deadline as written: a task table's time column, else the first one
    /// its title or text writes (`2020年底前`); null when none.
    pub deadline: Option<&'a str>,
    /// The last day that deadline allows, as an ISO date (`2020年底前` → `2020-12-31`;
    /// `年底前` from the document's year); null when it names no day.
    pub deadline_date: Option<String>,
    /// The label's style: bian, fen_bian, zhang, jie, tiao, decimal_1…decimal_4, cn_dun,
    /// cn_paren, arabic_dot, arabic_paren, circled, row.
    pub style: &'static str,
    /// Whether it is an enumeration inside an article (`（一）` in `第八条`), not a section
    /// of the outline.
    pub enumeration: bool,
    /// The node's last clause, or null.
    pub responsibility: Option<JsonClause<'a>>,
    /// Every clause of the node, in order.
    #[schemars(with = "Vec<JsonClause<'a>>")]
    pub clauses: Seq<'a, Clause, JsonClause<'a>>,
    /// The quantities in the node's text.
    #[schemars(with = "Vec<JsonQuantity<'a>>")]
    pub quantities: Seq<'a, Quantity, JsonQuantity<'a>>,
    /// The nodes nested under it.
    #[schemars(with = "Vec<JsonNode<'a>>")]
    pub children: Seq<'a, NodeId, JsonNode<'a>>,
}

/// A responsibility clause.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "clause")]
pub struct JsonClause<'a> {
    /// As written, brackets included.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// Lead units (牵头), as written, in document order.
    #[schemars(with = "Vec<String>")]
    pub lead: Names<'a>,
    /// Responsible units (负责).
    #[schemars(with = "Vec<String>")]
    pub responsible: Names<'a>,
    /// Supporting units (配合, 参与, 协助).
    #[schemars(with = "Vec<String>")]
    pub support: Names<'a>,
    /// Every unit with its role, canonical name and kind.
    #[schemars(with = "Vec<JsonUnit<'a>>")]
    pub units: Seq<'a, ClauseUnit, JsonUnit<'a>>,
    /// How the clause is written: `bracket`, `label` (lines of their own), `sentence`
    /// (read from the text), `table` (a task table's unit columns).
    pub form: ClauseForm,
}

/// A unit in a clause.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "unit")]
pub struct JsonUnit<'a> {
    /// As written.
    pub name: &'a str,
    /// Its role in the clause.
    pub role: Role,
    /// The canonical name (the name itself when unknown).
    pub canonical: &'a str,
    /// Its kind (`provincial_department`, …, `unknown`).
    pub kind: &'a str,
    /// The place it belongs to (`柳州市`), kept apart from its name; null when unknown.
    pub region: Option<&'a str>,
}

/// Writes a whole number without a fraction (`30000`, not `30000.0`).
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    match whole(*v) {
        Some(i) => s.serialize_i64(i),
        None => s.serialize_f64(*v),
    }
}

fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

fn numbers<S: Serializer>(v: &&[f64], s: S) -> Result<S::Ok, S::Error> {
    struct N(f64);
    impl Serialize for N {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            number(&self.0, s)
        }
    }
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for x in v.iter() {
        seq.serialize_element(&N(*x))?;
    }
    seq.end()
}

/// A number with its unit: `新建5G基站3万个` → 30000 个, a target.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "quantity")]
pub struct JsonQuantity<'a> {
    /// As written, qualifier words included.
    pub text: &'a str,
    /// The normalized value (3万个 → 30000; a range's minimum; a change's end).
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// The unit after normalization (万元 → 元); `ratio` for ratios.
    pub unit: &'a str,
    /// How the value is bounded. 以上/以下 include the number (民法典 art. 1259).
    pub qualifier: Qualifier,
    /// A range's lower bound.
    #[serde(serialize_with = "opt_number")]
    pub min: Option<f64>,
    /// A range's upper bound.
    #[serde(serialize_with = "opt_number")]
    pub max: Option<f64>,
    /// A change's start.
    #[serde(serialize_with = "opt_number")]
    pub from: Option<f64>,
    /// A change's end.
    #[serde(serialize_with = "opt_number")]
    pub to: Option<f64>,
    /// The parts of a ratio (`2:2:4:2`); present for ratios only.
    #[serde(skip_serializing_if = "<[f64]>::is_empty", serialize_with = "numbers")]
    pub parts: &'a [f64],
    /// Whether the text commits to reaching it.
    pub target: bool,
    /// A target's deadline as written (`2022年底前`).
    pub deadline: Option<&'a str>,
    /// Where it is.
    pub span: Span,
    /// The last day the deadline allows, as an ISO date (`2021年6月底前` → `2021-06-30`).
    pub deadline_date: Option<String>,
}

/// Text set aside as not body.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "skipped")]
pub struct JsonSkipped<'a> {
    /// The text.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// Why it is not body.
    pub reason: SkipReason,
}

/// Where a diagnostic is.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "diagnostic_span")]
pub struct JsonDiagSpan {
    /// Character offset of the start.
    pub start: usize,
    /// Character offset past the end.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A problem found, reported like a compiler.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "diagnostic")]
pub struct JsonDiagnostic<'a> {
    /// A stable code.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: &'a str,
    /// Where.
    pub span: JsonDiagSpan,
    /// The 1-based paragraph of a Word file where it is (every paragraph counted, those
    /// in tables too), or null for other inputs.
    pub paragraph: Option<usize>,
    /// The 1-based page of a PDF or OFD file where it is, or null for other inputs.
    pub page: Option<usize>,
    /// Other places the message speaks of.
    #[schemars(with = "Vec<Span>")]
    pub related: Seq<'a, Range<usize>, Span>,
    /// More to know.
    pub notes: &'a [String],
    /// What to do.
    pub suggestion: Option<&'a str>,
    /// The edits that fix it when the fix is mechanical (what `check --fix` applies):
    /// each span's text replaced by `replacement`. Empty otherwise.
    #[schemars(with = "Vec<JsonEdit>")]
    pub fixes: Seq<'a, Edit, JsonEdit<'a>>,
}

/// One edit of a fix.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "edit")]
pub struct JsonEdit<'a> {
    /// What is replaced.
    pub span: Span,
    /// What it is replaced with.
    pub replacement: &'a str,
}

/// The JSON Schema of `gongwen/1`, made from the structs above.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let schema = generator.into_root_schema_for::<JsonDocument>();
    serde_json::to_value(schema).expect("a schema is plain data")
}

/// Writes the document as `gongwen/1` JSON (and a newline) to `w`, without building it
/// in memory first.
pub fn write(doc: &Document, pretty: bool, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::writer::write_document(doc, pretty, false, w)
}

/// How the JSON is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Indented, a field a line (else all on one line).
    pub pretty: bool,
    /// The extracted text in the document's `text` field.
    pub include_text: bool,
}

/// [`write()`] in a [`Style`].
pub fn write_styled(
    doc: &Document,
    style: Style,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    super::writer::write_document(doc, style.pretty, style.include_text, w)
}

/// The document as `gongwen/1` JSON through serde_json: the reference for [`write()`].
pub fn write_serde(
    doc: &Document,
    pretty: bool,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let ctx = Ctx::new(doc);
    let v = ctx.document();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    if pretty {
        serde_json::to_writer_pretty(&mut w, &v)
    } else {
        serde_json::to_writer(&mut w, &v)
    }
    .map_err(std::io::Error::other)?;
    std::io::Write::write_all(&mut w, b"\n")?;
    std::io::Write::flush(&mut w)
}

/// The document as `gongwen/1` JSON through serde_json, as a string.
pub fn to_string_serde(doc: &Document, pretty: bool) -> String {
    serde_string(&Ctx::new(doc), pretty)
}

/// [`to_string_serde`] with the extracted text: the reference for [`write_styled`].
pub fn to_string_serde_with_text(doc: &Document, pretty: bool) -> String {
    serde_string(&Ctx::with_text(doc), pretty)
}

fn serde_string<'a>(ctx: &'a Ctx<'a>, pretty: bool) -> String {
    let v = ctx.document();
    if pretty {
        serde_json::to_string_pretty(&v)
    } else {
        serde_json::to_string(&v)
    }
    .expect("serialising plain data cannot fail")
}

/// The document as `gongwen/1` JSON.
pub fn to_string(doc: &Document, pretty: bool) -> String {
    to_string_styled(
        doc,
        Style {
            pretty,
            include_text: false,
        },
    )
}

/// [`to_string`] in a [`Style`].
pub fn to_string_styled(doc: &Document, style: Style) -> String {
    // Compact JSON is about five times as long as the text, pretty twice that; the text
    // itself once more when it goes in.
    let factor = if style.pretty { 12 } else { 5 } + usize::from(style.include_text);
    let mut out = Vec::with_capacity(doc.text.len() * factor + 4096);
    write_styled(doc, style, &mut out).expect("writing to memory cannot fail");
    out.pop(); // the newline after the document
    crate::text::utf8_string(out).expect("the writer writes UTF-8")
}

//! The `gongwen/1` JSON shape. Field names here are a contract: add, never rename or drop.

use crate::extract::meta::DocNumber;
use crate::extract::quantity::Quantity;
use crate::extract::responsibility::{Clause, Name};
use crate::extract::units::{self, Units};
use crate::model::{Diagnostic, Document};
use crate::span::Span;
use serde::Serialize;
use std::ops::Range;

pub const SCHEMA: &str = "gongwen/1";

#[derive(Serialize)]
pub struct JsonDocument<'v, 'a> {
    pub schema: &'static str,
    pub source: JsonSource<'a>,
    pub meta: JsonMeta<'a>,
    pub preamble: Option<JsonBlock<'a>>,
    pub nodes: Nodes<'v, 'a>,
    pub skipped: Vec<JsonSkipped<'a>>,
    pub diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
pub struct JsonSource<'a> {
    pub path: Option<&'a str>,
    pub encoding: &'a str,
    pub bytes: usize,
}

#[derive(Serialize)]
pub struct JsonMeta<'a> {
    pub title: Option<&'a str>,
    pub title_span: Option<Span>,
    pub doc_number: Option<JsonDocNumber<'a>>,
    pub date: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub citations: Vec<JsonCitation<'a>>,
}

#[derive(Serialize)]
pub struct JsonDocNumber<'a> {
    pub text: &'a str,
    pub agency: &'a str,
    pub year: Option<i32>,
    pub serial: u64,
    pub span: Span,
}

#[derive(Serialize)]
pub struct JsonCitation<'a> {
    pub title: &'a str,
    pub doc_number: Option<JsonDocNumber<'a>>,
    pub span: Span,
}

#[derive(Serialize)]
pub struct JsonBlock<'a> {
    pub text: &'a str,
    pub span: Span,
    pub quantities: Vec<JsonQuantity<'a>>,
}

/// Nodes serialized one at a time, so the JSON of a large document is never
/// held in memory whole.
pub struct Nodes<'v, 'a> {
    view: &'v View<'a>,
    ids: &'a [usize],
    /// The label path of the parent (`三/(二)`), empty at the top.
    prefix: &'v str,
}

impl Serialize for Nodes<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.ids.len()))?;
        for &i in self.ids {
            seq.serialize_element(&self.view.node_under(i, self.prefix))?;
        }
        seq.end()
    }
}

pub struct JsonNode<'v, 'a> {
    pub kind: &'static str,
    pub label: &'a str,
    pub number: u64,
    pub title: &'a str,
    pub text: &'a str,
    pub span: Span,
    pub path: String,
    /// The last clause is `responsibility`.
    pub clauses: Vec<JsonClause<'a>>,
    pub quantities: Vec<JsonQuantity<'a>>,
    view: &'v View<'a>,
    children: &'a [usize],
}

impl Serialize for JsonNode<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("JsonNode", 11)?;
        st.serialize_field("kind", self.kind)?;
        st.serialize_field("label", self.label)?;
        st.serialize_field("number", &self.number)?;
        st.serialize_field("title", self.title)?;
        st.serialize_field("text", self.text)?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("responsibility", &self.clauses.last())?;
        st.serialize_field("clauses", &self.clauses)?;
        st.serialize_field("quantities", &self.quantities)?;
        let children = Nodes {
            view: self.view,
            ids: self.children,
            prefix: &self.path,
        };
        st.serialize_field("children", &children)?;
        st.end()
    }
}

#[derive(Serialize, Clone)]
pub struct JsonClause<'a> {
    pub text: &'a str,
    pub span: Span,
    pub lead: &'a [Name],
    pub responsible: &'a [Name],
    pub support: &'a [Name],
    pub units: Vec<JsonUnit<'a>>,
}

#[derive(Serialize, Clone)]
pub struct JsonUnit<'a> {
    pub name: &'a str,
    pub role: &'static str,
    pub canonical: &'a str,
    pub kind: &'a str,
}

/// A value written as a whole number (`30000`, not `30000.0`): whole and small enough to
/// be exact as an integer. Shared with the fast writer, which must write what serde does.
pub(crate) fn whole(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < 9.0e15).then_some(v as i64)
}

/// Writes a whole number without a fraction (`30000`, not `30000.0`).
fn number<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    match whole(*v) {
        Some(i) => s.serialize_i64(i),
        None => s.serialize_f64(*v),
    }
}

fn opt_number<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

fn numbers<S: serde::Serializer>(v: &&[f64], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    struct N(f64);
    impl Serialize for N {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            number(&self.0, s)
        }
    }
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for x in v.iter() {
        seq.serialize_element(&N(*x))?;
    }
    seq.end()
}

#[derive(Serialize)]
pub struct JsonQuantity<'a> {
    pub text: &'a str,
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub unit: &'a str,
    pub qualifier: &'static str,
    #[serde(serialize_with = "opt_number")]
    pub min: Option<f64>,
    #[serde(serialize_with = "opt_number")]
    pub max: Option<f64>,
    #[serde(serialize_with = "opt_number")]
    pub from: Option<f64>,
    #[serde(serialize_with = "opt_number")]
    pub to: Option<f64>,
    #[serde(skip_serializing_if = "<[f64]>::is_empty", serialize_with = "numbers")]
    pub parts: &'a [f64],
    pub target: bool,
    pub deadline: Option<&'a str>,
    pub span: Span,
}

#[derive(Serialize)]
pub struct JsonSkipped<'a> {
    pub text: &'a str,
    pub span: Span,
    pub reason: &'static str,
}

#[derive(Serialize)]
pub struct JsonDiagSpan {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub span: JsonDiagSpan,
    pub related: Vec<Span>,
    pub notes: Vec<String>,
    pub suggestion: Option<String>,
}

/// Builds the JSON view of `doc`.
pub struct View<'a> {
    doc: &'a Document,
    units: &'a Units,
}

impl<'a> View<'a> {
    pub fn new(doc: &'a Document) -> Self {
        View {
            doc,
            units: units::builtin(),
        }
    }

    /// A view that names units with the given tables (built-in ones plus the user's).
    pub fn with_units(doc: &'a Document, units: &'a Units) -> Self {
        View { doc, units }
    }

    pub fn span(&self, r: &Range<usize>) -> Span {
        self.doc.index.span(&self.doc.text, r)
    }

    fn docnum(&self, d: &'a DocNumber) -> JsonDocNumber<'a> {
        JsonDocNumber {
            text: &d.text,
            agency: &d.agency,
            year: d.year,
            serial: d.serial,
            span: self.span(&d.range),
        }
    }

    pub fn clause(&self, c: &'a Clause) -> JsonClause<'a> {
        JsonClause {
            text: self.doc.slice(&c.range),
            span: self.span(&c.range),
            lead: &c.lead,
            responsible: &c.responsible,
            support: &c.support,
            units: c
                .units()
                .map(|(role, name)| {
                    let (canonical, kind) = self.units.resolve(name);
                    JsonUnit {
                        name,
                        role: role.as_str(),
                        canonical,
                        kind,
                    }
                })
                .collect(),
        }
    }

    pub fn quantity(&self, q: &'a Quantity) -> JsonQuantity<'a> {
        JsonQuantity {
            text: self.doc.slice(&q.range),
            value: q.value,
            unit: q.unit,
            qualifier: q.qualifier,
            min: q.min,
            max: q.max,
            from: q.from,
            to: q.to,
            parts: &q.parts,
            target: q.target,
            deadline: q.deadline.as_deref(),
            span: self.span(&q.range),
        }
    }

    pub fn node<'v>(&'v self, i: usize) -> JsonNode<'v, 'a> {
        let parent = self.doc.nodes[i]
            .parent
            .map(|p| self.doc.path(p))
            .unwrap_or_default();
        self.node_under(i, &parent)
    }

    /// The node `i`, whose parent's label path is `prefix`.
    fn node_under<'v>(&'v self, i: usize, prefix: &str) -> JsonNode<'v, 'a> {
        let doc: &'a Document = self.doc;
        let n = &doc.nodes[i];
        let part = crate::model::path_part(doc.slice(&n.label_range()));
        let path = if prefix.is_empty() {
            part
        } else {
            format!("{prefix}/{part}")
        };
        JsonNode {
            kind: n.kind(),
            label: doc.slice(&n.label_range()),
            number: n.number(),
            title: n.title(&doc.text),
            text: doc.slice(&n.text_range),
            span: self.span(&n.span),
            path,
            clauses: n.clauses.iter().map(|c| self.clause(c)).collect(),
            quantities: n.quantities.iter().map(|q| self.quantity(q)).collect(),
            view: self,
            children: &n.children,
        }
    }

    pub fn diagnostic(&self, d: &Diagnostic) -> JsonDiagnostic {
        let s = self.span(&d.range);
        JsonDiagnostic {
            code: d.code,
            severity: d.severity.as_str(),
            message: d.message.clone(),
            span: JsonDiagSpan {
                start: s.start,
                end: s.end,
                line: s.line,
                column: self.doc.index.column(&self.doc.text, d.range.start),
            },
            related: d.related.iter().map(|r| self.span(r)).collect(),
            notes: d.notes.clone(),
            suggestion: d.suggestion.clone(),
        }
    }

    pub fn document<'v>(&'v self) -> JsonDocument<'v, 'a> {
        let d = self.doc;
        JsonDocument {
            schema: SCHEMA,
            source: JsonSource {
                path: d.source.path.as_deref(),
                encoding: &d.source.encoding,
                bytes: d.source.bytes,
            },
            meta: JsonMeta {
                title: d.meta.title.as_deref(),
                title_span: d.meta.title_range.as_ref().map(|r| self.span(r)),
                doc_number: d.meta.doc_number.as_ref().map(|n| self.docnum(n)),
                date: d.meta.date.as_deref(),
                issuer: d.meta.issuer.as_deref(),
                citations: d
                    .meta
                    .citations
                    .iter()
                    .map(|c| JsonCitation {
                        title: &c.title,
                        doc_number: c.doc_number.as_ref().map(|n| self.docnum(n)),
                        span: self.span(&c.range),
                    })
                    .collect(),
            },
            preamble: d.preamble.as_ref().map(|p| JsonBlock {
                text: d.slice(&p.range),
                span: self.span(&p.range),
                quantities: p.quantities.iter().map(|q| self.quantity(q)).collect(),
            }),
            nodes: Nodes {
                view: self,
                ids: &d.roots,
                prefix: "",
            },
            skipped: d
                .skipped
                .iter()
                .map(|s| JsonSkipped {
                    text: d.slice(&s.range),
                    span: self.span(&s.range),
                    reason: s.reason,
                })
                .collect(),
            diagnostics: d.diagnostics.iter().map(|x| self.diagnostic(x)).collect(),
        }
    }
}

/// Writes the document as `gongwen/1` JSON to `w`, without building it in memory first.
pub fn write(doc: &Document, pretty: bool, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_with(doc, units::builtin(), pretty, w)
}

/// Like [`write()`], naming units with the given tables (the built-in ones plus the user's).
/// The bytes are those serde_json gives for [`View::document`], written by
/// [`super::writer`] without building the structs.
pub fn write_with(
    doc: &Document,
    units: &Units,
    pretty: bool,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    super::writer::write_document(doc, units, pretty, w)
}

/// The document as `gongwen/1` JSON through serde_json: the reference for [`write()`].
pub fn to_string_serde(doc: &Document, pretty: bool) -> String {
    let view = View::new(doc);
    let v = view.document();
    if pretty {
        serde_json::to_string_pretty(&v)
    } else {
        serde_json::to_string(&v)
    }
    .expect("serialising plain data cannot fail")
}

/// The document as `gongwen/1` JSON.
pub fn to_string(doc: &Document, pretty: bool) -> String {
    // Compact JSON is about five times as long as the text, pretty twice that.
    let mut out = Vec::with_capacity(doc.text.len() * if pretty { 12 } else { 5 } + 4096);
    write(doc, pretty, &mut out).expect("writing to memory cannot fail");
    out.pop(); // the newline after the document
    crate::decode::utf8_string(out).expect("the writer writes UTF-8")
}

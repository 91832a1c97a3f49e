//! The `gongwen/1` document JSON written straight from the model, for speed.
//!
//! Takes a [`Document`]; gives exactly the bytes that serde_json gives for the
//! [`JsonDocument`](super::json::JsonDocument) view (compact or pretty), which is the
//! declaration of the shape and the reference: `tests/json_writer.rs` compares the two
//! on every fixture and corpus document, and the property test and the fuzz target on
//! arbitrary input. It exists because serde is measurably slower here (see
//! PERFORMANCE.md). `token` writes JSON tokens; this module walks the document.

mod token;

use crate::model::{Clause, DocNumber, Document, NodeId, PartKind, Quantity, Role, UnitId};
use std::io::{self, Write};
use std::ops::Range;
use token::{k, Key, Out, FLUSH_AT};

/// Writes `doc` as `gongwen/1` JSON (and a newline) to `sink`.
pub(crate) fn write_document(
    doc: &Document,
    pretty: bool,
    include_text: bool,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let mut d = Doc {
        doc,
        include_text,
        unit_json: Default::default(),
        unit_store: Vec::new(),
        o: Out {
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            sink,
            pretty,
            depth: 0,
            first: true,
            error: None,
            flushes: 0,
        },
        path: String::new(),
        line: 1,
        year: doc.year(),
    };
    d.document()?;
    d.o.flush_if_full()?;
    d.o.buf.push(b'\n');
    d.o.sink.write_all(&d.o.buf)?;
    d.o.sink.flush()
}

/// The JSON of units written once and copied is kept up to this many bytes.
const UNIT_STORE: usize = 1 << 20;

struct Doc<'a, 'w> {
    doc: &'a Document,
    /// Whether the text goes in too (`--include-text`).
    include_text: bool,
    /// The JSON of each unit in each role at each depth written so far: where it lies
    /// in `unit_store`.
    unit_json: rustc_hash::FxHashMap<(UnitId, Role, usize), Range<usize>>,
    unit_store: Vec<u8>,
    o: Out<'w>,
    /// The label path of the node being written.
    path: String,
    /// The line of the last span written.
    line: usize,
    /// The document's year, for deadlines such as `年底前`.
    year: Option<i32>,
}

impl<'a> Doc<'a, '_> {
    fn span(&mut self, r: &Range<usize>) {
        let ix = &self.doc.index;
        let (text, line) = (&self.doc.text, ix.line_near(r.start, self.line));
        self.line = line;
        let o = &mut self.o;
        let start = ix.char_offset(text, r.start);
        o.open(b'{');
        o.field(k!("start"), start);
        o.field(
            k!("end"),
            ix.char_offset_after(text, r.end, (r.start, start)),
        );
        o.field(k!("line"), line);
        o.close(b'}');
    }

    fn text(&mut self, r: &Range<usize>) {
        let doc = self.doc;
        self.o.str(doc.slice(r));
    }

    /// The `text` and `span` fields of what stands at `r`.
    fn text_and_span(&mut self, r: &Range<usize>) {
        self.o.key(k!("text"));
        self.text(r);
        self.o.key(k!("span"));
        self.span(r);
    }

    fn document(&mut self) -> io::Result<()> {
        let doc = self.doc;
        self.o.open(b'{');
        self.o.field(k!("schema"), crate::emit::SCHEMA);
        self.o.field(k!("doc_id"), &doc.doc_id_hex());
        self.o.key(k!("source"));
        self.o.open(b'{');
        self.o.field(k!("path"), doc.source.path.as_deref());
        self.o.field(k!("encoding"), &doc.source.encoding);
        self.o.field(k!("bytes"), doc.source.bytes);
        self.o.field(k!("format"), doc.source.format.as_str());
        self.o.close(b'}');
        self.meta()?;
        self.o.key(k!("preamble"));
        match &doc.preamble {
            Some(p) => {
                self.o.open(b'{');
                self.text_and_span(&p.range);
                self.o.key(k!("quantities"));
                self.quantities(&p.quantities)?;
                self.o.close(b'}');
            }
            None => self.o.null(),
        }
        self.o.key(k!("nodes"));
        self.nodes(&doc.roots)?;
        self.o.key(k!("skipped"));
        self.o.open(b'[');
        for s in &doc.skipped {
            self.o.flush_if_full()?;
            self.o.entry();
            self.o.open(b'{');
            self.text_and_span(&s.range);
            self.o.field(k!("reason"), s.reason.as_str());
            self.o.close(b'}');
        }
        self.o.close(b']');
        self.o.key(k!("diagnostics"));
        self.diagnostics()?;
        if self.include_text {
            self.o.flush_if_full()?;
            self.o.field(k!("text"), doc.text.as_str());
        }
        self.o.close(b'}');
        Ok(())
    }

    fn meta(&mut self) -> io::Result<()> {
        let m = &self.doc.meta;
        self.o.key(k!("meta"));
        self.o.open(b'{');
        self.o.field(k!("title"), m.title.as_deref());
        self.o.key(k!("title_span"));
        match &m.title_range {
            Some(r) => self.span(r),
            None => self.o.null(),
        }
        self.o.key(k!("doc_number"));
        self.doc_number(m.doc_number.as_ref());
        self.o.field(k!("date"), m.date.as_deref());
        self.o.field(k!("issuer"), m.issuer.as_deref());
        self.o.key(k!("citations"));
        self.o.open(b'[');
        for c in &m.citations {
            self.o.flush_if_full()?;
            self.o.entry();
            self.o.open(b'{');
            self.o.field(k!("title"), &c.title);
            self.o.key(k!("doc_number"));
            self.doc_number(c.doc_number.as_ref());
            self.o.key(k!("span"));
            self.span(&c.range);
            self.o.close(b'}');
        }
        self.o.close(b']');
        self.o.field(k!("index_number"), m.index_number.as_deref());
        self.o.field(k!("subject"), m.subject.as_deref());
        self.o.field(k!("published"), m.published.as_deref());
        self.o.key(k!("attachments"));
        self.o.open(b'[');
        for a in &m.attachments {
            self.o.entry();
            self.o.open(b'{');
            self.o.field(k!("name"), &a.name);
            self.o.field(k!("href"), a.href.as_deref());
            self.o.close(b'}');
        }
        self.o.close(b']');
        self.o.field(k!("doc_type"), m.doc_type.as_deref());
        self.strings(k!("issuers"), &m.issuers);
        self.strings(k!("recipients"), &m.recipients);
        self.o.field(k!("signatory"), m.signatory.as_deref());
        self.o.close(b'}');
        Ok(())
    }

    /// A node's `deadline` and `deadline_date`.
    fn deadline(&mut self, r: Option<&Range<usize>>) {
        let d = r.map(|r| &self.doc.text[r.clone()]);
        self.o.field(k!("deadline"), d);
        let date = d.and_then(|d| crate::recognize::date::deadline_date(d, self.year));
        self.o.field(k!("deadline_date"), date.as_deref());
    }

    /// A key and a list of strings.
    fn strings<const A: usize, const B: usize, const C: usize>(
        &mut self,
        key: Key<A, B, C>,
        v: &[String],
    ) {
        self.o.key(key);
        self.o.open(b'[');
        for x in v {
            self.o.entry();
            self.o.str(x);
        }
        self.o.close(b']');
    }

    fn doc_number(&mut self, n: Option<&DocNumber>) {
        let Some(n) = n else {
            return self.o.null();
        };
        self.o.open(b'{');
        self.o.field(k!("text"), &n.text);
        self.o.field(k!("agency"), &n.agency);
        self.o.field(k!("year"), n.year);
        self.o.field(k!("serial"), n.serial);
        self.o.key(k!("span"));
        self.span(&n.range);
        self.o.close(b'}');
    }

    fn nodes(&mut self, ids: &[NodeId]) -> io::Result<()> {
        self.o.open(b'[');
        for &i in ids {
            self.o.entry();
            self.node(i)?;
            self.o.flush_if_full()?;
        }
        self.o.close(b']');
        Ok(())
    }

    fn node(&mut self, i: NodeId) -> io::Result<()> {
        let doc = self.doc;
        let n = doc.node(i);
        let parent_len = self.path.len();
        if parent_len > 0 {
            self.path.push('/');
        }
        crate::model::push_path_part(&mut self.path, doc.slice(&n.label_range()));
        let o = &mut self.o;
        o.open(b'{');
        o.field(k!("id"), i.index());
        o.field(k!("parent"), n.parent.map(NodeId::index));
        o.field(k!("kind"), n.kind().as_str());
        o.field(k!("label"), doc.slice(&n.label_range()));
        o.field(k!("label_source"), doc.label_source(n).as_str());
        o.field(k!("number"), n.number());
        o.field(k!("title"), n.title(&doc.text));
        o.field(k!("text"), doc.slice(&n.text_range));
        o.key(k!("span"));
        self.span(&n.span);
        self.o.field(k!("page"), doc.page_of(n.span.start));
        self.o.field(k!("path"), &self.path);
        self.o.field(k!("depth"), doc.depth(n));
        let part = doc.part_of(n);
        self.o
            .field(k!("part"), part.map_or(PartKind::Main, |p| p.kind).as_str());
        self.o.field(
            k!("attachment"),
            part.filter(|p| p.kind == PartKind::Attachment)
                .map(|p| p.number as usize),
        );
        self.deadline(n.deadline.as_ref());
        self.o.field(k!("style"), n.style().as_str());
        self.o.field(k!("enumeration"), doc.is_enumeration(n));
        self.o.key(k!("responsibility"));
        let at = (self.o.buf.len(), self.o.flushes);
        match n.clauses.last() {
            Some(c) => self.clause(c)?,
            None => self.o.null(),
        }
        let responsibility = at.0..self.o.buf.len();
        self.o.key(k!("clauses"));
        self.o.open(b'[');
        for (k, c) in n.clauses.iter().enumerate() {
            self.o.flush_if_full()?;
            self.o.entry();
            // The last clause is `responsibility`, written before: the same bytes
            // (pretty, one level deeper), while they are still in the buffer.
            if k + 1 == n.clauses.len() && self.o.flushes == at.1 {
                if self.o.pretty {
                    self.o.copy_deeper(responsibility.clone());
                } else {
                    self.o.buf.extend_from_within(responsibility.clone());
                }
                self.o.first = false;
            } else {
                self.clause(c)?;
            }
        }
        self.o.close(b']');
        self.o.key(k!("quantities"));
        self.quantities(&n.quantities)?;
        self.o.key(k!("children"));
        self.nodes(&n.children)?;
        self.o.close(b'}');
        self.path.truncate(parent_len);
        Ok(())
    }

    #[inline]
    fn names(&mut self, c: &Clause, role: Role) -> io::Result<()> {
        let units = &self.doc.units;
        self.o.open(b'[');
        for u in c.with_role(role) {
            self.o.flush_if_full()?;
            self.o.entry();
            self.o.str(&units[u.index()].name);
        }
        self.o.close(b']');
        Ok(())
    }

    fn clause(&mut self, c: &'a Clause) -> io::Result<()> {
        self.o.open(b'{');
        self.text_and_span(&c.range);
        self.o.key(k!("lead"));
        self.names(c, Role::Lead)?;
        self.o.key(k!("responsible"));
        self.names(c, Role::Responsible)?;
        self.o.key(k!("support"));
        self.names(c, Role::Support)?;
        self.o.key(k!("units"));
        self.o.open(b'[');
        for u in c.units.iter() {
            self.o.flush_if_full()?;
            // A unit in a role is the same bytes wherever it stands at one depth:
            // written once per document and depth, then copied.
            let key = (u.unit, u.role, self.o.depth);
            if let Some(r) = self.unit_json.get(&key) {
                self.o.entry();
                self.o.buf.extend_from_slice(&self.unit_store[r.clone()]);
                continue;
            }
            let unit = self.doc.unit(u.unit);
            let o = &mut self.o;
            o.entry();
            let at = o.buf.len();
            o.open(b'{');
            o.field(k!("name"), &*unit.name);
            o.field(k!("role"), u.role.as_str());
            o.field(k!("canonical"), &*unit.canonical);
            o.field(k!("kind"), &*unit.kind);
            o.field(k!("region"), unit.region.as_deref());
            o.close(b'}');
            // Real documents name a few hundred units; one that names a hundred thousand
            // has the rest written each time rather than held.
            if self.unit_store.len() < UNIT_STORE {
                let start = self.unit_store.len();
                self.unit_store.extend_from_slice(&o.buf[at..]);
                self.unit_json.insert(key, start..self.unit_store.len());
            }
        }
        self.o.close(b']');
        self.o.field(k!("form"), c.form.as_str());
        self.o.close(b'}');
        Ok(())
    }

    fn quantities(&mut self, qs: &[Quantity]) -> io::Result<()> {
        self.o.open(b'[');
        for q in qs {
            self.o.flush_if_full()?;
            self.o.entry();
            self.quantity(q);
        }
        self.o.close(b']');
        Ok(())
    }

    fn quantity(&mut self, q: &Quantity) {
        self.o.open(b'{');
        self.o.key(k!("text"));
        self.text(&q.range);
        let o = &mut self.o;
        o.field(k!("value"), q.value);
        o.field(k!("unit"), &*q.unit);
        o.field(k!("qualifier"), q.qualifier.as_str());
        o.field(k!("min"), q.min());
        o.field(k!("max"), q.max());
        o.field(k!("from"), q.from());
        o.field(k!("to"), q.to());
        if !q.parts.is_empty() {
            o.key(k!("parts"));
            o.open(b'[');
            for &p in &q.parts {
                o.entry();
                o.number(p);
            }
            o.close(b']');
        }
        o.field(k!("target"), q.target);
        let deadline = q.deadline.as_ref().map(|r| &self.doc.text[r.clone()]);
        o.field(k!("deadline"), deadline);
        o.key(k!("span"));
        self.span(&q.range);
        let date = deadline.and_then(|d| crate::recognize::date::deadline_date(d, self.year));
        self.o.field(k!("deadline_date"), date.as_deref());
        self.o.close(b'}');
    }

    fn diagnostics(&mut self) -> io::Result<()> {
        let doc = self.doc;
        self.o.open(b'[');
        for d in &doc.diagnostics {
            self.o.flush_if_full()?;
            let s = doc.index.span(&doc.text, &d.range);
            let o = &mut self.o;
            o.entry();
            o.open(b'{');
            o.field(k!("code"), d.code.as_str());
            o.field(k!("severity"), d.severity.as_str());
            o.field(k!("message"), &d.message);
            o.key(k!("span"));
            o.open(b'{');
            o.field(k!("start"), s.start);
            o.field(k!("end"), s.end);
            o.field(k!("line"), s.line);
            o.field(k!("column"), doc.index.column(&doc.text, d.range.start));
            o.close(b'}');
            o.field(k!("paragraph"), doc.paragraph(d.range.start));
            o.field(k!("page"), doc.page_of(d.range.start));
            o.key(k!("related"));
            o.open(b'[');
            for r in &d.related {
                self.o.entry();
                self.span(r);
            }
            self.o.close(b']');
            self.o.key(k!("notes"));
            self.o.strs(&d.notes);
            self.o.field(k!("suggestion"), d.suggestion.as_deref());
            self.o.key(k!("fixes"));
            self.o.open(b'[');
            for e in &d.fixes {
                self.o.entry();
                self.o.open(b'{');
                self.o.key(k!("span"));
                self.span(&e.range);
                self.o.field(k!("replacement"), e.replacement.as_str());
                self.o.close(b'}');
            }
            self.o.close(b']');
            self.o.close(b'}');
        }
        self.o.close(b']');
        Ok(())
    }
}

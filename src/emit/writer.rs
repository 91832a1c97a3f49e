//! The `gongwen/1` document JSON written straight from the model, for speed.
//!
//! Takes a [`Document`]; gives exactly the bytes that serde_json gives for the
//! [`View`](super::json::View) structs (compact or pretty), which stay the
//! reference: `tests/json_writer.rs` compares the two on every fixture and corpus
//! document, and the property test and the fuzz target on arbitrary input. It exists
//! because the output is about five times the input, and serde's per-byte string
//! escaping and the structs built per node took most of the time of `gongwen parse`.

use crate::extract::meta::DocNumber;
use crate::extract::quantity::Quantity;
use crate::extract::responsibility::{Clause, Role};
use crate::extract::units::Units;
use crate::model::Document;
use std::io::{self, Write};
use std::ops::Range;

/// Output is handed to the writer in pieces of about this size.
const FLUSH_AT: usize = 1 << 16;

/// An object key as written: compact first (`"kind":`), compact after another entry
/// (`,"kind":`) and pretty (`"kind": `). Arrays of known length, so that writing one
/// is a few moves rather than a call to `memcpy`.
struct Key<const A: usize, const B: usize, const C: usize>(
    &'static [u8; A],
    &'static [u8; B],
    &'static [u8; C],
);

const fn bytes<const N: usize>(s: &str) -> [u8; N] {
    let b = s.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = b[i];
        i += 1;
    }
    out
}

macro_rules! k {
    ($k:literal) => {{
        const A: &str = concat!("\"", $k, "\":");
        const B: &str = concat!(",\"", $k, "\":");
        const C: &str = concat!("\"", $k, "\": ");
        Key(
            &const { bytes::<{ A.len() }>(A) },
            &const { bytes::<{ B.len() }>(B) },
            &const { bytes::<{ C.len() }>(C) },
        )
    }};
}

/// A JSON writer with serde_json's layout (two-space indent when pretty).
struct Out<'w> {
    buf: Vec<u8>,
    sink: &'w mut dyn Write,
    pretty: bool,
    depth: usize,
    /// No entry yet in the innermost open object or array.
    first: bool,
}

impl Out<'_> {
    fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.sink.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn newline(&mut self) {
        // A line break and the indentation of up to 64 levels, in one piece.
        const LINE: [u8; 129] = {
            let mut l = [b' '; 129];
            l[0] = b'\n';
            l
        };
        let n = 2 * self.depth;
        if n < LINE.len() {
            self.buf.extend_from_slice(&LINE[..1 + n]);
        } else {
            self.buf.push(b'\n');
            self.buf.resize(self.buf.len() + n, b' ');
        }
    }

    /// Copies the bytes at `r` of what is written, one level deeper: two more spaces
    /// after each line break (every line break is layout; strings hold them escaped).
    fn copy_deeper(&mut self, r: Range<usize>) {
        let mut from = r.start;
        while let Some(k) = memchr::memchr(b'\n', &self.buf[from..r.end]) {
            self.buf.extend_from_within(from..from + k + 1);
            self.buf.extend_from_slice(b"  ");
            from += k + 1;
        }
        self.buf.extend_from_within(from..r.end);
    }

    fn open(&mut self, c: u8) {
        self.buf.push(c);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, c: u8) {
        self.depth -= 1;
        if self.pretty && !self.first {
            self.newline();
        }
        self.buf.push(c);
        self.first = false;
    }

    /// Starts the next entry of an object or array.
    fn entry(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        if self.pretty {
            self.newline();
        }
        self.first = false;
    }

    fn key<const A: usize, const B: usize, const C: usize>(&mut self, k: Key<A, B, C>) {
        if self.pretty {
            self.entry();
            self.buf.extend_from_slice(k.2);
        } else if self.first {
            self.first = false;
            self.buf.extend_from_slice(k.0);
        } else {
            self.buf.extend_from_slice(k.1);
        }
    }

    fn str(&mut self, s: &str) {
        self.buf.push(b'"');
        let b = s.as_bytes();
        // Most strings need no escape at all; this test has no early exit, so it is
        // done many bytes at a time.
        let clean = b
            .iter()
            .fold(true, |ok, &x| ok & (x >= 0x20) & (x != b'"') & (x != b'\\'));
        if clean {
            self.buf.extend_from_slice(b);
        } else {
            escape(&mut self.buf, s);
        }
        self.buf.push(b'"');
    }

    /// A key and its scalar value.
    fn field<const A: usize, const B: usize, const C: usize>(
        &mut self,
        k: Key<A, B, C>,
        v: impl Scalar,
    ) {
        self.key(k);
        v.write(self);
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    fn bool(&mut self, v: bool) {
        self.buf
            .extend_from_slice(if v { b"true" } else { b"false" });
    }

    fn uint(&mut self, v: u64) {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// A whole number without a fraction (`30000`, not `30000.0`), as `json::number`.
    fn number(&mut self, v: f64) {
        if let Some(i) = super::json::whole(v) {
            self.buf
                .extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
        } else {
            // Fractions are rare: serde_json writes them, so the digits are its own
            // (`2e+16`, `7.5`; `null` for what is not finite).
            serde_json::to_writer(&mut self.buf, &v).expect("writing to memory cannot fail");
        }
    }

    fn opt_number(&mut self, v: Option<f64>) {
        match v {
            Some(v) => self.number(v),
            None => self.null(),
        }
    }

    fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.open(b'[');
        for s in v {
            self.entry();
            self.str(s.as_ref());
        }
        self.close(b']');
    }
}

/// A scalar value of a field.
trait Scalar {
    fn write(self, o: &mut Out);
}

macro_rules! scalar {
    ($($t:ty => $m:ident),* $(,)?) => {
        $(impl Scalar for $t {
            fn write(self, o: &mut Out) {
                o.$m(self)
            }
        })*
    };
}

scalar!(&str => str, Option<&str> => opt_str, u64 => uint, f64 => number,
    Option<f64> => opt_number, bool => bool);

impl Scalar for &String {
    fn write(self, o: &mut Out) {
        o.str(self)
    }
}

impl Scalar for Option<i32> {
    fn write(self, o: &mut Out) {
        match self {
            Some(v) => o
                .buf
                .extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
            None => o.null(),
        }
    }
}

impl Scalar for usize {
    fn write(self, o: &mut Out) {
        o.uint(self as u64)
    }
}

/// serde_json's escapes: `\"`, `\\`, the short forms of control characters, else `\u00XX`.
fn escape(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    // Runs of bytes that need no escape are copied whole.
    let mut run = 0;
    for (i, &x) in b.iter().enumerate() {
        if x >= 0x20 && x != b'"' && x != b'\\' {
            continue;
        }
        buf.extend_from_slice(&b[run..i]);
        run = i + 1;
        match x {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            0x08 => buf.extend_from_slice(b"\\b"),
            0x0C => buf.extend_from_slice(b"\\f"),
            _ => buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(x >> 4) as usize],
                HEX[(x & 15) as usize],
            ]),
        }
    }
    buf.extend_from_slice(&b[run..]);
}

/// Writes `doc` as `gongwen/1` JSON (and a newline) to `sink`.
pub fn write_document(
    doc: &Document,
    units: &Units,
    pretty: bool,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let mut d = Doc {
        doc,
        units,
        resolved: Default::default(),
        unit_json: Default::default(),
        unit_store: Vec::new(),
        o: Out {
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            sink,
            pretty,
            depth: 0,
            first: true,
        },
        path: String::new(),
        line: 1,
    };
    d.document()?;
    d.o.buf.push(b'\n');
    d.o.sink.write_all(&d.o.buf)?;
    d.o.sink.flush()
}

struct Doc<'a, 'w> {
    doc: &'a Document,
    units: &'a Units,
    /// Canonical name and kind by unit name. Names are shared within a document
    /// (`responsibility::Name`), so the address of the text is the key.
    resolved: rustc_hash::FxHashMap<usize, (&'a str, &'a str)>,
    /// The JSON of each unit in each role at each depth written so far (keyed by the
    /// name's address, the role and the depth): where it lies in `unit_store`.
    unit_json: rustc_hash::FxHashMap<(usize, Role, usize), Range<usize>>,
    unit_store: Vec<u8>,
    o: Out<'w>,
    /// The label path of the node being written.
    path: String,
    /// The line of the last span written.
    line: usize,
}

impl<'a> Doc<'a, '_> {
    fn span(&mut self, r: &Range<usize>) {
        let ix = &self.doc.index;
        let (text, line) = (&self.doc.text, ix.line_near(r.start, self.line));
        self.line = line;
        let o = &mut self.o;
        o.open(b'{');
        o.field(k!("start"), ix.char_offset(text, r.start));
        o.field(k!("end"), ix.char_offset(text, r.end));
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
        self.o.field(k!("schema"), super::json::SCHEMA);
        self.o.key(k!("source"));
        self.o.open(b'{');
        self.o.field(k!("path"), doc.source.path.as_deref());
        self.o.field(k!("encoding"), &doc.source.encoding);
        self.o.field(k!("bytes"), doc.source.bytes);
        self.o.close(b'}');
        self.meta();
        self.o.key(k!("preamble"));
        match &doc.preamble {
            Some(p) => {
                self.o.open(b'{');
                self.text_and_span(&p.range);
                self.o.key(k!("quantities"));
                self.quantities(&p.quantities);
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
            self.o.field(k!("reason"), s.reason);
            self.o.close(b'}');
        }
        self.o.close(b']');
        self.o.key(k!("diagnostics"));
        self.diagnostics()?;
        self.o.close(b'}');
        Ok(())
    }

    fn meta(&mut self) {
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
        self.o.close(b'}');
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

    fn nodes(&mut self, ids: &[usize]) -> io::Result<()> {
        self.o.open(b'[');
        for &i in ids {
            self.o.entry();
            self.node(i)?;
            self.o.flush_if_full()?;
        }
        self.o.close(b']');
        Ok(())
    }

    fn node(&mut self, i: usize) -> io::Result<()> {
        let doc = self.doc;
        let n = &doc.nodes[i];
        let parent_len = self.path.len();
        if parent_len > 0 {
            self.path.push('/');
        }
        crate::model::push_path_part(&mut self.path, doc.slice(&n.label_range()));
        let o = &mut self.o;
        o.open(b'{');
        o.field(k!("kind"), n.kind());
        o.field(k!("label"), doc.slice(&n.label_range()));
        o.field(k!("number"), n.number());
        o.field(k!("title"), n.title(&doc.text));
        o.field(k!("text"), doc.slice(&n.text_range));
        o.key(k!("span"));
        self.span(&n.span);
        self.o.field(k!("path"), &self.path);
        self.o.key(k!("responsibility"));
        let at = self.o.buf.len();
        match n.clauses.last() {
            Some(c) => self.clause(c),
            None => self.o.null(),
        }
        let responsibility = at..self.o.buf.len();
        self.o.key(k!("clauses"));
        self.o.open(b'[');
        for (k, c) in n.clauses.iter().enumerate() {
            self.o.entry();
            if k + 1 == n.clauses.len() {
                // The last clause is `responsibility`, just written: the same bytes
                // (pretty, one level deeper).
                if self.o.pretty {
                    self.o.copy_deeper(responsibility.clone());
                } else {
                    self.o.buf.extend_from_within(responsibility.clone());
                }
                self.o.first = false;
            } else {
                self.clause(c);
            }
        }
        self.o.close(b']');
        self.o.key(k!("quantities"));
        self.quantities(&n.quantities);
        self.o.key(k!("children"));
        self.nodes(&n.children)?;
        self.o.close(b'}');
        self.path.truncate(parent_len);
        Ok(())
    }

    fn clause(&mut self, c: &'a Clause) {
        self.o.open(b'{');
        self.text_and_span(&c.range);
        self.o.key(k!("lead"));
        self.o.strs(&c.lead);
        self.o.key(k!("responsible"));
        self.o.strs(&c.responsible);
        self.o.key(k!("support"));
        self.o.strs(&c.support);
        self.o.key(k!("units"));
        self.o.open(b'[');
        for (role, name) in c.units() {
            // A unit in a role is the same bytes wherever it stands at one depth:
            // written once per document and depth, then copied.
            let key = (name.as_ptr() as usize, role, self.o.depth);
            if let Some(r) = self.unit_json.get(&key) {
                self.o.entry();
                self.o.buf.extend_from_slice(&self.unit_store[r.clone()]);
                continue;
            }
            let units = self.units;
            let (canonical, kind) = *self
                .resolved
                .entry(name.as_ptr() as usize)
                .or_insert_with(|| units.resolve(name));
            let o = &mut self.o;
            o.entry();
            let at = o.buf.len();
            o.open(b'{');
            o.field(k!("name"), name);
            o.field(k!("role"), role.as_str());
            o.field(k!("canonical"), canonical);
            o.field(k!("kind"), kind);
            o.close(b'}');
            let start = self.unit_store.len();
            self.unit_store.extend_from_slice(&o.buf[at..]);
            self.unit_json.insert(key, start..self.unit_store.len());
        }
        self.o.close(b']');
        self.o.close(b'}');
    }

    fn quantities(&mut self, qs: &[Quantity]) {
        self.o.open(b'[');
        for q in qs {
            self.o.entry();
            self.quantity(q);
        }
        self.o.close(b']');
    }

    fn quantity(&mut self, q: &Quantity) {
        self.o.open(b'{');
        self.o.key(k!("text"));
        self.text(&q.range);
        let o = &mut self.o;
        o.field(k!("value"), q.value);
        o.field(k!("unit"), q.unit);
        o.field(k!("qualifier"), q.qualifier);
        o.field(k!("min"), q.min);
        o.field(k!("max"), q.max);
        o.field(k!("from"), q.from);
        o.field(k!("to"), q.to);
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
        o.field(k!("deadline"), q.deadline.as_deref());
        o.key(k!("span"));
        self.span(&q.range);
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
            o.field(k!("code"), d.code);
            o.field(k!("severity"), d.severity.as_str());
            o.field(k!("message"), &d.message);
            o.key(k!("span"));
            o.open(b'{');
            o.field(k!("start"), s.start);
            o.field(k!("end"), s.end);
            o.field(k!("line"), s.line);
            o.field(k!("column"), doc.index.column(&doc.text, d.range.start));
            o.close(b'}');
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
            self.o.close(b'}');
        }
        self.o.close(b']');
        Ok(())
    }
}

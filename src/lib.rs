//! gongwen turns Chinese official documents (公文) into structured data.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`decode`]: bytes in any encoding → text (and `decode-error` diagnostics);
//! 2. [`outline`]: text → header, body, nodes nested by label style;
//! 3. [`extract`]: nodes → responsibility clauses, quantities; header → metadata;
//! 4. [`check`]: document → numbering and form diagnostics;
//! 5. [`emit`]: document → JSON (`gongwen/1`), tables, CSV, diagnostics for people.
//!
//! Parsing never fails: [`parse_text`] always returns a [`Document`] with its
//! diagnostics. Only reading and decoding bytes ([`parse_bytes`]) can fail.
//!
//! ```
//! let doc = gongwen::parse_text("一、总体要求\n1.加大力度。（省商务厅负责）\n", None);
//! assert_eq!(doc.nodes.len(), 2);
//! assert_eq!(*doc.nodes[1].responsibility().unwrap().responsible, ["省商务厅"]);
//! ```

pub mod charset;
pub mod check;
pub mod decode;
pub mod emit;
pub mod extract;
pub mod model;
pub mod numeral;
pub mod outline;
pub mod span;

pub use decode::DecodeError;
pub use model::{Diagnostic, Document, Node, Severity, Source};

use extract::responsibility;
use outline::trim;

/// Decodes `bytes` (detecting the encoding unless `encoding` names one) and parses them.
pub fn parse_bytes(
    bytes: &[u8],
    encoding: Option<&str>,
    path: Option<&str>,
) -> Result<Document, DecodeError> {
    let d = decode::decode(bytes, encoding)?;
    Ok(finish(d, bytes.len(), path))
}

/// Like [`parse_bytes`], but takes the bytes: UTF-8 input becomes the document's
/// text without a copy, which halves the memory a large file needs.
pub fn parse_vec(
    bytes: Vec<u8>,
    encoding: Option<&str>,
    path: Option<&str>,
) -> Result<Document, DecodeError> {
    let n = bytes.len();
    let d = decode::decode_vec(bytes, encoding)?;
    Ok(finish(d, n, path))
}

fn finish(d: decode::Decoded, bytes: usize, path: Option<&str>) -> Document {
    let mut doc = parse_string(d.text, path);
    doc.source.encoding = d.encoding.to_string();
    doc.source.bytes = bytes;
    // Decoding's reports go first (the sort is stable); most texts have none, and then
    // the checks' list is kept as it is rather than copied.
    if !d.diagnostics.is_empty() {
        let mut diags = d.diagnostics;
        diags.append(&mut doc.diagnostics);
        diags.sort_by_key(|x| x.range.start);
        doc.diagnostics = diags;
    }
    doc
}

/// Parses decoded text. Never fails.
pub fn parse_text(text: &str, path: Option<&str>) -> Document {
    parse_string(text.to_string(), path)
}

/// Parses decoded text, taking it. Never fails.
pub fn parse_string(text: String, path: Option<&str>) -> Document {
    let doc_text = text;
    let text = doc_text.as_str();
    let o = outline::parse(text);
    let (meta, header_skipped) = extract::meta::extract(text, &o);
    let mut skipped = header_skipped;
    skipped.extend(o.skipped.iter().cloned());
    skipped.sort_by_key(|s| s.range.start);

    let mut nodes = o.nodes;
    let mut state = responsibility::State::default();
    // The quantities of the node being read, moved out into a list of their size.
    let mut found = Vec::new();
    // The declaration that the first-listed unit leads may stand in the preamble.
    if let Some(p) = &o.preamble {
        state.first_listed_leads = responsibility::declares_first_leads(&text[p.clone()]);
    }
    // Where such a declaration may stand: one search of the whole text, so a node's
    // own text is read again only when one lies in it.
    let marks = responsibility::first_listed_marks(text);
    for n in nodes.iter_mut() {
        let own = n.label_range().end..n.span.end;
        let r = &n.text_range;
        let k = marks.partition_point(|m| m.end <= r.start);
        if marks.get(k).is_some_and(|m| m.start < r.end)
            && responsibility::declares_first_leads(&text[r.clone()])
        {
            state.first_listed_leads = true;
        }
        n.clauses = model::exact(responsibility::find(text, own, &mut state));
        // A clause at the very end is not part of the node's text or title.
        if let Some(last) = n.clauses.last() {
            let after = &text[last.range.end..n.span.end];
            if after.chars().all(|c| c == '。' || outline::is_ws(c))
                && last.range.start >= n.text_range.start
            {
                n.text_range = trim(text, n.text_range.start..last.range.start);
                if n.text_range.is_empty() {
                    n.text_range = n.label_range().end..n.label_range().end;
                }
            }
        }
        if let Some(c) = n
            .clauses
            .iter()
            .find(|c| n.title_range.contains(&c.range.start))
        {
            n.title_range = trim(text, n.title_range.start..c.range.start);
            if n.title_range.is_empty() {
                n.title_range = n.label_range().end..n.label_range().end;
            }
            n.title_squeezed = outline::squeezed(&text[n.title_range.clone()]);
        }
        extract::quantity::find_into(text, n.text_range.clone(), &mut found);
        n.quantities = model::take_exact(&mut found);
    }
    let preamble = o.preamble.map(|r| model::Block {
        quantities: extract::quantity::find(text, r.clone()),
        range: r,
    });
    let mut doc = Document {
        index: span::LineIndex::new(text),
        text: String::new(),
        source: Source {
            path: path.map(str::to_string),
            encoding: "UTF-8".into(),
            bytes: text.len(),
        },
        meta,
        preamble,
        nodes,
        roots: o.roots,
        skipped,
        diagnostics: Vec::new(),
    };
    doc.text = doc_text;
    // The arena grew by doubling: up to half of it would be slack.
    doc.nodes.shrink_to_fit();
    doc.diagnostics = check::check(&doc);
    doc
}

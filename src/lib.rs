//! gongwen turns Chinese official documents (公文) into structured data.
//!
//! The pipeline, one layer per stage, each importing only the layers below it:
//!
//! 1. `input`: bytes in any encoding → text (and `decode-error` diagnostics);
//! 2. `outline`: text → header lines, body, nodes nested by label style, parts;
//! 3. `extract`: metadata, responsibility clauses (units resolved against the
//!    [`Lexicon`]), quantities;
//! 4. `check`: numbering and form diagnostics;
//! 5. [`emit`]: the document → JSON (`gongwen/1`), tables, ledgers, reports,
//!    diagnostics for people.
//!
//! Below them: `text` (characters, lines, positions, numerals), the model (the types
//! re-exported here), the [`Lexicon`] (every word list, from `data/lexicon/`) and
//! `recognize` (labels, document numbers, dates).
//!
//! Parsing never fails: [`parse_text`] always returns a [`Document`] with its
//! diagnostics. Only turning bytes into text ([`parse_bytes`]) can fail.
//!
//! ```
//! use gongwen::{Options, Role};
//! let doc = gongwen::parse_text("一、总体要求\n1.加大力度。（省商务厅负责）\n", &Options::default());
//! assert_eq!(doc.nodes.len(), 2);
//! let clause = doc.nodes[1].responsibility().unwrap();
//! assert_eq!(doc.names(clause, Role::Responsible), ["省商务厅"]);
//! ```
#![warn(missing_docs)]

mod check;
pub mod emit;
mod extract;
mod input;
mod lexicon;
mod model;
mod outline;
mod recognize;
mod text;

pub use check::MAX_PER_CODE;
pub use input::EXTENSIONS;
pub use lexicon::Lexicon;
pub use model::{
    Attachment, Block, CheckSet, Citation, Clause, ClauseForm, ClauseUnit, Code, Diagnostic,
    DocNumber, Document, Edit, Error, Family, Fixed, Format, HeaderKind, HeaderLine, Kind, Label,
    LabelSource, Lang, Meta, Node, NodeId, PageMeta, Part, PartKind, Qualifier, Quantity, Role,
    Severity, SkipReason, Skipped, Source, Style, Unit, UnitId,
};
pub use text::{LineIndex, Span};

use std::sync::Arc;

/// How to parse: the encoding of the input, the lexicon the rules use, and the language
/// of the messages.
#[derive(Debug, Clone)]
pub struct Options {
    /// The encoding label of the input (`gb18030`, `big5`, `utf-16le`…); detected when `None`.
    pub encoding: Option<String>,
    /// The word lists and unit names: the built-in ones unless the user added their own.
    pub lexicon: Arc<Lexicon>,
    /// The language the checks' messages, notes and suggestions are written in (English
    /// unless asked; the command line follows the locale). Codes never change with it.
    pub lang: Lang,
    /// The checks to run and report: by default all but the noisy punctuation and
    /// number forms ([`CheckSet::parse`] reads `--select`/`--ignore`).
    pub checks: CheckSet,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: None,
            lexicon: Lexicon::builtin(),
            lang: Lang::En,
            checks: CheckSet::default(),
        }
    }
}

impl Options {
    /// These options with the input read in the encoding `label`.
    pub fn with_encoding(mut self, label: impl Into<String>) -> Self {
        self.encoding = Some(label.into());
        self
    }

    /// These options with the messages in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// These options with these checks.
    pub fn with_checks(mut self, checks: CheckSet) -> Self {
        self.checks = checks;
        self
    }

    /// These options with another lexicon.
    pub fn with_lexicon(mut self, lexicon: Arc<Lexicon>) -> Self {
        self.lexicon = lexicon;
        self
    }
}

/// Decodes `bytes` (detecting the encoding unless the options name one) and parses them.
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Document, Error> {
    fits(bytes.len())?;
    let id = digest(bytes);
    let d = input::read_slice(
        bytes,
        options.encoding.as_deref(),
        &options.lexicon,
        options.lang,
    )?;
    finish(d, bytes.len(), id, options)
}

/// The SHA-256 of the input: the document's id.
fn digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// Like [`parse_bytes`], but takes the bytes: UTF-8 input becomes the document's
/// text without a copy, which halves the memory a large file needs.
pub fn parse_vec(bytes: Vec<u8>, options: &Options) -> Result<Document, Error> {
    let n = bytes.len();
    fits(n)?;
    let id = digest(&bytes);
    let d = input::read(
        bytes,
        options.encoding.as_deref(),
        &options.lexicon,
        options.lang,
    )?;
    finish(d, n, id, options)
}

/// Positions are kept in 32 bits: input, and text once decoded, of 4 GiB or more is
/// refused.
fn fits(bytes: usize) -> Result<(), Error> {
    if bytes >= u32::MAX as usize {
        return Err(Error::TooLarge { bytes });
    }
    Ok(())
}

fn finish(
    mut d: input::Decoded,
    bytes: usize,
    id: [u8; 32],
    options: &Options,
) -> Result<Document, Error> {
    fits(d.text.len())?;
    let diagnostics = std::mem::take(&mut d.diagnostics);
    let mut doc = parse_decoded(d, id, options);
    doc.source.bytes = bytes;
    // Decoding's reports go first (the sort is stable); most texts have none, and then
    // the checks' list is kept as it is rather than copied.
    if !diagnostics.is_empty() {
        let mut diags = diagnostics;
        diags.append(&mut doc.diagnostics);
        diags.sort_by_key(|x| x.range.start);
        doc.diagnostics = diags;
    }
    Ok(doc)
}

/// Parses decoded text. Never fails.
pub fn parse_text(text: &str, options: &Options) -> Document {
    parse_string(text.to_string(), options)
}

/// Parses decoded text, taking it. Never fails.
pub fn parse_string(text: String, options: &Options) -> Document {
    let id = digest(text.as_bytes());
    parse_decoded(input::Decoded::text(text), id, options)
}

/// Parses what the input stage gave: the outline reads the text before what it set
/// aside, which goes to `skipped`.
fn parse_decoded(d: input::Decoded, doc_id: [u8; 32], options: &Options) -> Document {
    let lex = &*options.lexicon;
    let text = d.text;
    let index = LineIndex::new(&text);
    let own = &text[..d.tail.unwrap_or(text.len())];
    let mut o = outline::parse(own, &index, lex, options.lang);
    o.skipped.extend(d.set_aside);
    let mut doc = Document {
        index,
        source: Source {
            path: None,
            encoding: d.encoding.into(),
            bytes: text.len(),
            format: d.format,
        },
        meta: Meta::default(),
        page: d.page,
        tail: d.tail,
        header: o.header,
        body: o.body,
        preamble: o.preamble.map(|range| Block {
            range,
            quantities: Vec::new(),
        }),
        nodes: o.nodes,
        roots: o.roots,
        parts: o.parts,
        units: Vec::new(),
        skipped: o.skipped,
        diagnostics: Vec::new(),
        generated_labels: d.generated,
        paragraphs: d.paragraphs,
        pages: d.pages,
        tables: o.tables,
        doc_id,
        text,
    };
    // What the stages before the checks report (headings or quantities past their caps)
    // goes with the checks' reports, in document order.
    let mut early = o.diagnostics;
    early.extend(extract::run(&mut doc, lex, options.lang));
    early.retain(|d| options.checks.contains(d.code));
    doc.diagnostics = check::run(&doc, lex, options.lang, options.checks);
    if !early.is_empty() {
        doc.diagnostics.extend(early);
        doc.diagnostics.sort_by_key(|d| d.range.start);
    }
    doc
}

/// Every quantity in a piece of text, whatever its shape (a sentence, a table cell):
/// what [`parse_text`] finds in a node's text, for text that is not a document.
pub fn quantities(text: &str, options: &Options) -> Vec<Quantity> {
    extract::quantity::find(text, 0..text.len(), &options.lexicon)
}

/// The document's text with the fixes of its reports applied (those still in
/// `doc.diagnostics`: drop the ones not wanted first). Each report's edits are made all or
/// none; a report whose fix overlaps an earlier one is counted in `conflicts` and fixed by
/// checking the result again. The text is not parsed again.
pub fn fix(doc: &Document) -> Fixed {
    check::apply(&doc.text, &doc.diagnostics)
}

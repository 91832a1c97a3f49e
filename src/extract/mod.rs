//! Extract: facts read from the outline's zones and nodes, filled into the document.
//!
//! Takes the document as the outline made it; gives it its metadata, each node's
//! responsibility clauses (with every unit resolved once against the lexicon) and
//! quantities. Each extractor is a `fill(&mut Document, &Lexicon)`: adding one means
//! writing it and calling it here.

pub(crate) mod addressing;
pub(crate) mod meta;
pub(crate) mod quantity;
pub(crate) mod responsibility;

use crate::lexicon::Lexicon;
use crate::model::{Diagnostic, Document, Lang};

/// Runs every extractor, in order: metadata first (it sets header lines aside), then
/// responsibility (which trims clauses out of titles and texts), then quantities (which
/// read the trimmed texts). Gives what the extractors report themselves.
pub(crate) fn run(doc: &mut Document, lex: &Lexicon, lang: Lang) -> Vec<Diagnostic> {
    meta::fill(doc, lex);
    addressing::fill(doc, lex);
    responsibility::fill(doc, lex);
    quantity::fill(doc, lex, lang).into_iter().collect()
}

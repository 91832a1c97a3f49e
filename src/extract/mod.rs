//! Extract: facts read from the outline's zones and nodes, filled into the document.
//!
//! Takes the document as the outline made it; gives it its metadata, each node's
//! responsibility clauses (with every unit resolved once against the lexicon) and
//! quantities. Each extractor is a `fill(&mut Document, &Lexicon)`: adding one means
//! writing it and calling it here.

pub(crate) mod addressing;
pub(crate) mod cap;
pub(crate) mod meta;
pub(crate) mod quantity;
pub(crate) mod responsibility;

use crate::lexicon::Lexicon;
use crate::model::{Diagnostic, Document, Lang};

/// Runs every extractor, in order: metadata first (it sets header lines aside), then
/// responsibility (which trims clauses out of titles and texts), then quantities (which
/// read the trimmed texts). Gives what the extractors report themselves.
pub(crate) fn run(doc: &mut Document, lex: &Lexicon, lang: Lang) -> Vec<Diagnostic> {
    let citations = meta::fill(doc, lex, lang);
    let attachments = addressing::fill(doc, lex, lang);
    let clauses = responsibility::fill(doc, lex, lang);
    let quantities = quantity::fill(doc, lex, lang);
    let out = citations
        .into_iter()
        .chain(attachments)
        .chain(clauses)
        .chain(quantities)
        .collect();
    deadlines(doc);
    out
}

/// Each task's deadline: a task table's time column (set with the row), else the first
/// deadline its title writes (`2020年底前开展…`), else its first target's; a target
/// without a deadline of its own sentence takes its task's.
fn deadlines(doc: &mut Document) {
    use crate::recognize::date::deadlines as found;
    let text = doc.text.as_str();
    for n in doc.nodes.iter_mut() {
        if n.deadline.is_none() {
            let r = &n.title_range;
            n.deadline = found(&text[r.clone()])
                .next()
                .map(|d| r.start + d.start..r.start + d.end)
                .or_else(|| n.quantities.iter().find_map(|q| q.deadline.clone()));
        }
        if let Some(d) = &n.deadline {
            for q in n
                .quantities
                .iter_mut()
                .filter(|q| q.target && q.deadline.is_none())
            {
                q.deadline = Some(d.clone());
            }
        }
    }
}

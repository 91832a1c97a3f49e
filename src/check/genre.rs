//! The document type (文种) and what fits it (党政机关公文处理工作条例, 2012, 第八条 and
//! 第九条): a closing of another type (`特此报告` in a 通知), an address word for a
//! superior in a document to subordinates (`贵局` in a 批复), a 报告 that asks for
//! approval. The type is the one the title ends with (`meta.doc_type`); without one
//! nothing is judged. Word lists: `data/lexicon/closings.txt`, `downward_types.txt`,
//! `superior_address.txt`, `approval_requests.txt`.

use super::report::Reports;
use crate::lexicon::messages::say_args;
use crate::lexicon::Lexicon;
use crate::model::{Code, Diagnostic, Document, PartKind};
use std::ops::Range;

/// The document type, and the text that is the document's own: before its first
/// attachment (an attachment is a document of its own type).
fn own(doc: &Document) -> Option<(&str, Range<usize>)> {
    let ty = doc.meta.doc_type.as_deref()?;
    let end = doc
        .parts
        .iter()
        .find(|p| p.kind == PartKind::Attachment)
        .map_or(doc.own_text().len(), |p| p.start);
    Some((ty, doc.body.start.min(end)..end))
}

/// The type a closing names: `特此通知` → 通知, `特此函告` → 函.
fn closing_type(closing: &str) -> &str {
    let ty = closing.strip_prefix("特此").unwrap_or(closing);
    if ty.starts_with('函') {
        "函"
    } else {
        ty
    }
}

/// A closing (`特此通知`) that names another type than the document's.
pub(super) fn closings(doc: &Document, lex: &Lexicon, out: &mut Reports) {
    if !out.wants(Code::ClosingMismatch) {
        return;
    }
    let Some((ty, range)) = own(doc) else { return };
    let text = &doc.text[range.clone()];
    // A covering notice issues a document of another type: its closing is the notice's.
    let ty = if doc.parts.iter().any(|p| p.kind == PartKind::Notice) {
        "通知"
    } else {
        ty
    };
    for k in memchr::memmem::find_iter(text.as_bytes(), "特此".as_bytes()) {
        let Some(closing) = lex.closings.prefix_of(&text[k..]) else {
            continue;
        };
        let fits = closing_type(closing);
        // `特此通知` fits every notice (`印发…的通知`, `转发…的通知`).
        if fits == ty || ty.ends_with(fits) {
            continue;
        }
        let at = range.start + k..range.start + k + closing.len();
        let lang = out.lang;
        out.push(
            Diagnostic::new(
                Code::ClosingMismatch,
                at,
                say_args!(
                    lang,
                    "closing-mismatch",
                    closing = closing,
                    fits = fits,
                    genre = ty
                ),
            )
            .suggest(say_args!(lang, "suggest-closing")),
        );
        return;
    }
}

/// `贵局` and its like (the address of a superior or an equal) in a document whose type
/// goes to subordinates (`data/lexicon/downward_types.txt`); the fix writes `你局`.
pub(super) fn address_words(doc: &Document, lex: &Lexicon, out: &mut Reports) {
    if !out.wants(Code::AddressWord) {
        return;
    }
    let Some((ty, range)) = own(doc) else { return };
    if !lex.downward_types.is(ty) {
        return;
    }
    let text = &doc.text[range.clone()];
    for k in memchr::memmem::find_iter(text.as_bytes(), "贵".as_bytes()) {
        let Some(word) = lex.superior_address.prefix_of(&text[k..]) else {
            continue;
        };
        if out.is_full(Code::AddressWord) {
            out.left_out(
                Code::AddressWord,
                range.start + k..range.start + k + word.len(),
            );
            continue;
        }
        let at = range.start + k..range.start + k + word.len();
        let fixed = word.replacen('贵', "你", 1);
        let lang = out.lang;
        out.push(
            Diagnostic::new(
                Code::AddressWord,
                at.clone(),
                say_args!(lang, "address-word", word = word, genre = ty),
            )
            .suggest(say_args!(lang, "suggest-write", text = fixed.as_str()))
            .fix(at, fixed),
        );
    }
}

/// A 报告 that asks for approval (`请批示`).
pub(super) fn approval_requests(doc: &Document, lex: &Lexicon, out: &mut Reports) {
    if !out.wants(Code::ReportAsksApproval) {
        return;
    }
    let Some((ty, range)) = own(doc) else { return };
    if ty != "报告" {
        return;
    }
    let text = &doc.text[range.clone()];
    let found = lex
        .approval_requests
        .iter()
        .filter_map(|w| text.find(w).map(|k| (k, w)))
        .min();
    if let Some((k, words)) = found {
        let lang = out.lang;
        out.push(
            Diagnostic::new(
                Code::ReportAsksApproval,
                range.start + k..range.start + k + words.len(),
                say_args!(lang, "report-asks-approval", words = words),
            )
            .suggest(say_args!(lang, "suggest-request")),
        );
    }
}

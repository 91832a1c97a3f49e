//! Emit: the document for other systems and for people.
//!
//! Takes a parsed [`Document`](crate::Document) and never calls an extractor: gives
//! the `gongwen/1` JSON ([`json`], written fast by `writer`), tables and CSV
//! ([`table`]), the task ledger, departments and quantities ([`ledger`]), the HTML
//! report ([`report`]) and compiler-style diagnostics ([`diagnostics`]). This is the
//! only place that knows the output shapes.

pub mod annotations;
pub mod diagnostics;
pub mod json;
pub mod ledger;
pub mod report;
pub mod table;
pub mod tidy;
mod writer;

/// A message of the catalogues (`data/messages/`) in a language, its arguments put in:
/// for the command line's own sentences, so that they too speak the user's language.
pub use crate::lexicon::messages::{say as message, Arg as MessageArg};

/// The value of the JSON's `schema` field.
pub const SCHEMA: &str = "gongwen/1";

/// A value written as a whole number (`30000`, not `30000.0`): whole and small enough to
/// be exact as an integer. The rule of both JSON writers.
pub(crate) fn whole(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < 9.0e15).then_some(v as i64)
}

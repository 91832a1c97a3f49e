//! Emit: the document for other systems and for people.
//!
//! Takes a parsed [`Document`](crate::Document); gives the `gongwen/1` JSON
//! ([`json`]), tables and CSV ([`table`]), and compiler-style diagnostics
//! ([`diagnostics`]). This is the only place that knows the output shapes.

pub mod diagnostics;
pub mod json;
pub mod ledger;
pub mod report;
pub mod table;
pub mod writer;

//! Extract: facts read from the outline's nodes.
//!
//! Takes the text and the outline; gives each node its responsibility clauses
//! and quantities, and the document its metadata. See the submodules.

pub mod meta;
pub mod quantity;
pub mod responsibility;
pub mod units;

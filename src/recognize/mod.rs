//! Recognizers: the small pieces of grammar several stages share.
//!
//! Heading labels (with nom), document numbers, dates and deadlines. Each takes a piece
//! of text and says what stands at its start or where such things are; none knows
//! where in a document it is looking, which is for the stage that calls it.

pub(crate) mod date;
pub(crate) mod doc_number;
pub(crate) mod label;

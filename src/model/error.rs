//! The one error type of the crate: what can go wrong before a document exists.

use std::fmt;

/// Why input could not be parsed, or a lexicon file could not be read. Parsing text
/// never fails; only turning bytes into text and reading the user's word lists can.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// Not text: the kind of file it looks like and what to do.
    NotText {
        /// What the input is (`a PDF file`).
        what: &'static str,
        /// What to do instead.
        advice: &'static str,
    },
    /// A file of a format gongwen reads, too damaged (or too large inside) to read.
    Unreadable {
        /// What the input is (`a Word file (.docx)`).
        what: &'static str,
        /// What is wrong, and where.
        reason: String,
    },
    /// An encoding label that names no encoding we know.
    UnknownEncoding(String),
    /// Input longer than gongwen reads (4 GiB; positions are kept in 32 bits).
    TooLarge {
        /// How long it is.
        bytes: usize,
    },
    /// A line of a lexicon or units file that could not be read.
    Lexicon {
        /// Its 1-based line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

impl Error {
    /// A stable code for machines: `not-text`, `unreadable`, `unknown-encoding`, `too-large`,
    /// `bad-lexicon`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotText { .. } => "not-text",
            Error::Unreadable { .. } => "unreadable",
            Error::UnknownEncoding(_) => "unknown-encoding",
            Error::TooLarge { .. } => "too-large",
            Error::Lexicon { .. } => "bad-lexicon",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotText { what, advice } => write!(f, "this is {what}, not text: {advice}"),
            Error::Unreadable { what, reason } => write!(f, "this is {what} that cannot be read: {reason}"),
            Error::UnknownEncoding(l) => write!(
                f,
                "unknown encoding '{l}': use a label such as utf-8, gb18030, gbk, big5, utf-16le or utf-16be"
            ),
            Error::TooLarge { bytes } => write!(
                f,
                "this input is {bytes} bytes, and gongwen reads at most 4 GiB: split it into its documents first"
            ),
            Error::Lexicon { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

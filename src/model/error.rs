//! The one error type of the crate: what can go wrong before a document exists.

/// Why input could not be parsed, or a lexicon file could not be read. Parsing text
/// never fails; only turning bytes into text and reading the user's word lists can.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// Not text: the kind of file it looks like and what to do.
    NotText {
        /// What the input is: the id of its name in the message catalogues (`what-png`,
        /// worded `a PNG image`, `PNG 图片`).
        what: &'static str,
        /// What to do instead: the id of the advice in the catalogues (`advice-image`).
        advice: &'static str,
    },
    /// A file of a format gongwen reads, too damaged (or too large inside) to read.
    Unreadable {
        /// What the input is: the id of its name in the catalogues (`what-docx`).
        what: &'static str,
        /// What is wrong, and where (in English: the words of the reader that failed).
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

// `Display` (English) and `Error::message` (any language) word the error from the
// message catalogues: see `lexicon::messages`.

impl std::error::Error for Error {}

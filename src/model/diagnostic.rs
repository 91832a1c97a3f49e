//! Diagnostics: problems found while decoding and checking, reported like a compiler.

use super::closed::closed_set;
use std::ops::Range;

closed_set! {
    /// How serious a diagnostic is.
    pub enum Severity {
        /// For information: nothing is wrong.
        Info => "info",
        /// Probably wrong.
        Warning => "warning",
        /// Wrong.
        Error => "error",
    }
}

closed_set! {
    /// What a diagnostic is about: a stable code, in kebab-case.
    pub enum Code {
        /// The same number twice in one sequence.
        DuplicateNumber => "duplicate-number",
        /// A gap in a sequence.
        MissingNumber => "missing-number",
        /// A number lower than its predecessor that is not a restart under a new parent.
        OutOfOrder => "out-of-order",
        /// A sequence that starts at neither 1 nor the number that runs on.
        BadStart => "bad-start",
        /// A label written differently from its siblings.
        MixedLabelStyle => "mixed-label-style",
        /// A bracket never closed.
        UnclosedBracket => "unclosed-bracket",
        /// A closing bracket that closes nothing.
        UnmatchedBracket => "unmatched-bracket",
        /// A bracket closed by one of the other width.
        MismatchedBracket => "mismatched-bracket",
        /// A document number's year not in `〔〕`.
        DocNumberBrackets => "doc-number-brackets",
        /// A task without a clause where its siblings have one.
        MissingResponsibility => "missing-responsibility",
        /// A date that is no day of the calendar: `2023年2月30日`, `2022年13月1日`.
        ImpossibleDate => "impossible-date",
        /// A label with nothing after it.
        EmptyHeading => "empty-heading",
        /// No numbered headings at all.
        NoOutline => "no-outline",
        /// Nothing but white space.
        EmptyDocument => "empty-document",
        /// Malformed bytes, replaced by U+FFFD.
        DecodeError => "decode-error",
        /// A file whose structure broke off part way (damaged XML): what came before is read.
        DamagedInput => "damaged-input",
        /// Markup nested deeper than a page needs, flattened before parsing.
        DeepMarkup => "deep-markup",
        /// Reports of one code past the cap, counted.
        Truncated => "truncated",
    }
}

impl Code {
    /// The severity a diagnostic of this code has.
    pub const fn severity(self) -> Severity {
        match self {
            Code::DuplicateNumber | Code::MissingNumber | Code::OutOfOrder | Code::BadStart => {
                Severity::Error
            }
            Code::NoOutline | Code::Truncated => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// What the code is about, in one line.
    pub const fn description(self) -> &'static str {
        match self {
            Code::DuplicateNumber => {
                "the same number twice in one sequence (one report when one wrong label explains it)"
            }
            Code::MissingNumber => "a gap in a numbering sequence",
            Code::OutOfOrder => {
                "a number lower than its predecessor that is not a restart under a new parent"
            }
            Code::BadStart => {
                "a sequence that starts at neither 1 nor the number that runs on, or breaks the document's convention"
            }
            Code::MixedLabelStyle => "a label written differently from its siblings (`2、` among `1.` `3.`)",
            Code::UnclosedBracket => "`（` never closed",
            Code::UnmatchedBracket => "`)` closing nothing",
            Code::MismatchedBracket => "`（` closed by `)`",
            Code::DocNumberBrackets => {
                "a document number with `[2022]`, `(2022)` or `【2022】` instead of `〔2022〕`"
            }
            Code::MissingResponsibility => {
                "a task without a clause where the document's convention expects one"
            }
            Code::EmptyHeading => "a label with nothing after it",
            Code::ImpossibleDate => {
                "a date that is no day of the calendar (`2023年2月30日`, `2022年13月1日`)"
            }
            Code::NoOutline => "no numbered headings at all: the text is kept in `preamble`",
            Code::EmptyDocument => "nothing but white space",
            Code::DecodeError => "malformed bytes, replaced by U+FFFD",
            Code::DamagedInput => {
                "a file whose structure breaks off part way: what came before the damage is read"
            }
            Code::DeepMarkup => {
                "elements nested deeper than any real page, read without their tags (their text kept)"
            }
            Code::Truncated => "more reports of one code than are shown; the rest are counted",
        }
    }
}

/// A problem, where it is, and what to do about it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// What it is about.
    pub code: Code,
    /// How serious it is (the code's own severity unless said otherwise).
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Where (a byte range of the text).
    pub range: Range<usize>,
    /// Other places the message speaks of.
    pub related: Vec<Range<usize>>,
    /// More to know.
    pub notes: Vec<String>,
    /// What to do.
    pub suggestion: Option<String>,
    /// The edits that fix it, when the fix is mechanical (a label renumbered, a bracket's
    /// width, a document number's brackets): what `check --fix` applies. Empty otherwise.
    pub fixes: Vec<Edit>,
}

/// A change to the text: the bytes of `range` replaced by `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What is replaced (a byte range of the text).
    pub range: Range<usize>,
    /// What it is replaced with.
    pub replacement: String,
}

impl Diagnostic {
    /// A diagnostic of `code`, with the code's severity.
    pub fn new(code: Code, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            range,
            related: Vec::new(),
            notes: Vec::new(),
            suggestion: None,
            fixes: Vec::new(),
        }
    }
    /// Adds a related place.
    pub fn related(mut self, r: Range<usize>) -> Self {
        self.related.push(r);
        self
    }
    /// Adds a note.
    pub fn note(mut self, n: impl Into<String>) -> Self {
        self.notes.push(n.into());
        self
    }
    /// Sets the suggestion.
    pub fn suggest(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }
    /// Adds an edit of the fix: `range` becomes `replacement`.
    pub fn fix(mut self, range: Range<usize>, replacement: impl Into<String>) -> Self {
        self.fixes.push(Edit {
            range,
            replacement: replacement.into(),
        });
        self
    }
}

/// A text with the fixes of its reports applied (see [`crate::fix`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text after the edits.
    pub text: String,
    /// How many reports were fixed.
    pub fixed: usize,
    /// How many edits that took.
    pub edits: usize,
    /// Reports whose fix overlaps one applied before it: left for the next run.
    pub conflicts: usize,
}

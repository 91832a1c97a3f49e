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
        /// A heading of a higher level after headings of a lower one under the same
        /// parent: `（一）` after `1.` `2.`.
        WrongLevel => "wrong-level",
        /// The labels of one list written in three forms or more (`1.` `2、` `3．`), none
        /// of them most.
        LabelForms => "label-forms",
        /// A 成文日期 after the date the document was published.
        DateOrder => "date-order",
        /// A title with punctuation GB/T 9704 leaves out of titles (`，` `。`).
        TitlePunctuation => "title-punctuation",
        /// An attachments note (附件说明) that lists more or fewer attachments than the
        /// document carries.
        AttachmentCount => "attachment-count",
        /// A table's total row whose number is not the sum of the rows above it.
        TableTotal => "table-total",
        /// Half-width punctuation between Chinese characters (`,` `;` `:` `?` `!`).
        HalfWidthPunctuation => "half-width-punctuation",
        /// Full-width digits (`１年`).
        FullWidthDigits => "full-width-digits",
        /// A range of numbers joined by a hyphen (`3-5个`) instead of `～` or `—`.
        RangeHyphen => "range-hyphen",
        /// A closing (`特此通知`) of another document type than the document's.
        ClosingMismatch => "closing-mismatch",
        /// An address word for a superior (`贵局`) in a document to subordinates.
        AddressWord => "address-word",
        /// A 报告 that asks for approval (`请批示`): a 请示's business.
        ReportAsksApproval => "report-asks-approval",
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

closed_set! {
    /// The family a check belongs to, by what it looks at: what `--select numbering` (or
    /// the family's authority, `--select GB15834`) names.
    pub enum Family {
        /// Heading numbers: sequences and levels (GB/T 9704-2012 7.3.3).
        Numbering => "numbering",
        /// The form of a 公文's elements: labels, titles, document numbers, dates,
        /// attachments (GB/T 9704-2012).
        Form => "form",
        /// Punctuation marks (GB/T 15834-2011). Its mark-by-mark checks are off by default
        /// (web pages and converted files normalise marks away); brackets are checked.
        Punctuation => "punctuation",
        /// How numbers are written (GB/T 15835-2011). Off by default, as punctuation.
        Numbers => "numbers",
        /// The document type (文种) and what fits it: closings, address words, requests
        /// (党政机关公文处理工作条例, 2012).
        Genre => "genre",
        /// Who does what: responsibility clauses.
        Responsibility => "responsibility",
        /// Reading the input: bytes, structure, size.
        Input => "input",
    }
}

impl Family {
    /// The standard or rule the family rests on, if one.
    pub const fn authority(self) -> Option<&'static str> {
        match self {
            Family::Numbering | Family::Form => Some("GB/T 9704-2012"),
            Family::Punctuation => Some("GB/T 15834-2011"),
            Family::Numbers => Some("GB/T 15835-2011"),
            Family::Genre => Some("党政机关公文处理工作条例"),
            Family::Responsibility | Family::Input => None,
        }
    }
}

/// A set of codes: the checks to run and report (`--select`, `--ignore`, `[check]` of
/// `gongwen.toml`). The default set is every code on by default ([`Code::on_by_default`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckSet(u64);

// A set is a bit per code.
const _: () = assert!(Code::ALL.len() <= 64);

impl Default for CheckSet {
    fn default() -> Self {
        let mut s = CheckSet(0);
        for &c in Code::ALL {
            if c.on_by_default() {
                s.0 |= 1 << c as u32;
            }
        }
        s
    }
}

impl CheckSet {
    /// Every code, the noisy families too.
    pub fn all() -> CheckSet {
        CheckSet(Code::ALL.iter().fold(0, |s, &c| s | 1 << c as u32))
    }

    /// Whether `code` is in the set.
    pub fn contains(self, code: Code) -> bool {
        self.0 & (1 << code as u32) != 0
    }

    /// The codes a name stands for: a code (`duplicate-number`), a family (`numbering`),
    /// a family's authority (`GB15834`, `GB/T 15835`, case and punctuation aside),
    /// `default` or `all`; None for another name.
    pub fn named(name: &str) -> Option<CheckSet> {
        let name = name.trim();
        let key = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_uppercase()
                .replacen("GBT", "GB", 1)
        };
        let of = |keep: &dyn Fn(Code) -> bool| {
            CheckSet(
                Code::ALL
                    .iter()
                    .filter(|&&c| keep(c))
                    .fold(0, |s, &c| s | 1 << c as u32),
            )
        };
        match name {
            "all" => return Some(CheckSet::all()),
            "default" => return Some(CheckSet::default()),
            _ => {}
        }
        if let Some(&c) = Code::ALL.iter().find(|c| c.as_str() == name) {
            return Some(of(&|x| x == c));
        }
        if let Some(&f) = Family::ALL.iter().find(|f| f.as_str() == name) {
            return Some(of(&|x| x.family() == f));
        }
        // An authority by its number: `GB15834` is GB/T 15834-2011.
        let k = key(name);
        let by_authority = |f: Family| {
            f.authority()
                .is_some_and(|a| a.starts_with("GB") && k.len() > 2 && key(a).starts_with(&k))
        };
        Family::ALL
            .iter()
            .any(|&f| by_authority(f))
            .then(|| of(&|x| by_authority(x.family())))
    }

    /// The set that `select` names (the default set when it is empty), less what `ignore`
    /// names; the first name that names nothing is the error.
    pub fn parse<S: AsRef<str>>(select: &[S], ignore: &[S]) -> Result<CheckSet, String> {
        let union = |names: &[S]| -> Result<Option<CheckSet>, String> {
            let mut set: Option<CheckSet> = None;
            for n in names
                .iter()
                .map(AsRef::as_ref)
                .filter(|n| !n.trim().is_empty())
            {
                let s = CheckSet::named(n).ok_or_else(|| n.trim().to_string())?;
                set = Some(CheckSet(set.map_or(0, |x| x.0) | s.0));
            }
            Ok(set)
        };
        let keep = union(select)?.unwrap_or_default();
        let drop = union(ignore)?.map_or(0, |s| s.0);
        Ok(CheckSet(keep.0 & !drop))
    }
}

impl Code {
    /// The family of the check that reports it.
    pub const fn family(self) -> Family {
        match self {
            Code::DuplicateNumber
            | Code::MissingNumber
            | Code::OutOfOrder
            | Code::BadStart
            | Code::WrongLevel => Family::Numbering,
            Code::MixedLabelStyle
            | Code::LabelForms
            | Code::DocNumberBrackets
            | Code::EmptyHeading
            | Code::ImpossibleDate
            | Code::DateOrder
            | Code::TitlePunctuation
            | Code::AttachmentCount
            | Code::TableTotal => Family::Form,
            Code::UnclosedBracket
            | Code::UnmatchedBracket
            | Code::MismatchedBracket
            | Code::HalfWidthPunctuation => Family::Punctuation,
            Code::FullWidthDigits | Code::RangeHyphen => Family::Numbers,
            Code::ClosingMismatch | Code::AddressWord | Code::ReportAsksApproval => Family::Genre,
            Code::MissingResponsibility => Family::Responsibility,
            Code::NoOutline
            | Code::EmptyDocument
            | Code::DecodeError
            | Code::DamagedInput
            | Code::DeepMarkup
            | Code::Truncated => Family::Input,
        }
    }

    /// Whether the check runs unless asked for: all but the noisy forms of punctuation
    /// and numbers, which web pages and converted files normalise away (the seed's marks
    /// were made half-width somewhere along the way).
    pub const fn on_by_default(self) -> bool {
        !matches!(
            self,
            Code::HalfWidthPunctuation | Code::FullWidthDigits | Code::RangeHyphen
        )
    }

    /// The clause the check rests on, when a standard or rule states it.
    pub const fn clause(self) -> Option<&'static str> {
        match self {
            Code::DuplicateNumber
            | Code::MissingNumber
            | Code::OutOfOrder
            | Code::BadStart
            | Code::WrongLevel
            | Code::MixedLabelStyle
            | Code::LabelForms
            | Code::EmptyHeading => Some("GB/T 9704-2012 7.3.3"),
            Code::DocNumberBrackets => Some("GB/T 9704-2012 7.2.4"),
            Code::TitlePunctuation => Some("GB/T 9704-2012 7.3.1"),
            Code::AttachmentCount => Some("GB/T 9704-2012 7.3.5, 8"),
            Code::ImpossibleDate | Code::DateOrder => Some("GB/T 9704-2012 7.3.5.3"),
            Code::UnclosedBracket | Code::UnmatchedBracket | Code::MismatchedBracket => {
                Some("GB/T 15834-2011 4.9")
            }
            Code::HalfWidthPunctuation => Some("GB/T 15834-2011 3, 5.1"),
            Code::FullWidthDigits => Some("GB/T 15835-2011 4.1, 5.1"),
            Code::RangeHyphen => Some("GB/T 15834-2011 4.13.3; GB/T 15835-2011 4.1.8"),
            Code::ClosingMismatch | Code::ReportAsksApproval => {
                Some("党政机关公文处理工作条例 第八条")
            }
            Code::AddressWord => Some("党政机关公文处理工作条例 第九条"),
            _ => None,
        }
    }

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
            Code::WrongLevel => "a heading of a higher level after lower ones under the same parent (`（一）` after `1.`)",
            Code::LabelForms => "one list's labels in three forms or more (`1.` `2、` `3．`)",
            Code::DateOrder => "a 成文日期 after the date the document was published",
            Code::TitlePunctuation => "a title with `，`, `。` or other marks GB/T 9704 leaves out of titles",
            Code::AttachmentCount => "an attachments note that lists more or fewer attachments than the document carries",
            Code::TableTotal => "a table's 合计 row whose number is not the sum of the rows above it",
            Code::HalfWidthPunctuation => "half-width `,` `;` `:` `?` `!` between Chinese characters",
            Code::FullWidthDigits => "full-width digits (`１年`)",
            Code::RangeHyphen => "a range joined by a hyphen (`3-5个`) instead of `～`",
            Code::ClosingMismatch => "a closing (`特此通知`) of another document type",
            Code::AddressWord => "`贵局` and its like in a document to subordinates",
            Code::ReportAsksApproval => "a 报告 that asks for approval (`请批示`)",
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

//! The cap on how many facts of one kind (quantities, clauses) a document keeps: a
//! number of them, and one more for every so many bytes of text; those past it are
//! counted, not kept, and one `truncated` report says how many and where the first was.

use crate::model::{Code, Diagnostic};

/// How many more facts a document may keep, and those counted past it.
#[derive(Debug, Clone)]
pub(crate) struct Cap {
    /// How many more may be kept.
    pub(crate) left: usize,
    /// How many the document may keep in all.
    pub(crate) max: usize,
    /// How many were counted past it.
    pub(crate) counted: usize,
    /// The facts any document may keep, and the bytes of text for each one more: what
    /// the report's note says.
    pub(crate) min: usize,
    pub(crate) bytes_per: usize,
    /// Where the first one counted but not kept is.
    first: usize,
}

impl Cap {
    /// `min` facts, and one more for every `bytes_per` bytes of a text of `len` bytes.
    pub(crate) fn new(min: usize, bytes_per: usize, len: usize) -> Cap {
        let max = min + len / bytes_per;
        Cap {
            left: max,
            max,
            counted: 0,
            min,
            bytes_per,
            first: 0,
        }
    }

    /// No cap (a search of one text for all it holds).
    pub(crate) fn none() -> Cap {
        Cap::new(usize::MAX, 1, 0)
    }

    /// Whether the fact found at byte `at` may be kept; if not, it is counted.
    pub(crate) fn room(&mut self, at: usize) -> bool {
        if self.left > 0 {
            self.left -= 1;
            return true;
        }
        if self.counted == 0 {
            self.first = at;
        }
        self.counted += 1;
        false
    }

    /// Takes room for one fact if there is any, counting nothing when there is not: for
    /// facts whose place is known only later, counted then with [`count`](Cap::count).
    pub(crate) fn take(&mut self) -> bool {
        let room = self.left > 0;
        self.left -= room as usize;
        room
    }

    /// Counts `n` facts past the cap, found at byte `at`.
    pub(crate) fn count(&mut self, n: usize, at: usize) {
        if n == 0 {
            return;
        }
        if self.counted == 0 {
            self.first = at;
        }
        self.counted += n;
    }

    /// The `truncated` report, if any was counted: `words` gives its message and its
    /// note.
    pub(crate) fn report(
        &self,
        words: impl FnOnce(&Cap) -> (String, String),
    ) -> Option<Diagnostic> {
        (self.counted > 0).then(|| {
            let (message, note) = words(self);
            Diagnostic::new(Code::Truncated, self.first..self.first, message).note(note)
        })
    }
}

/// A cap's `truncated` report in `lang`, if any fact was counted past it: the catalogue's
/// message `left_out` (with `count` and `max`) and note `note` (with `min` and `bytes`).
/// `cap_report!(cap, lang, "quantities-left-out", "note-quantities-cap")`.
macro_rules! cap_report {
    ($cap:expr, $lang:expr, $left_out:literal, $note:literal) => {{
        let lang = $lang;
        $cap.report(|c| {
            use $crate::lexicon::messages::say_args;
            (
                say_args!(lang, $left_out, count = c.counted, max = c.max),
                say_args!(lang, $note, min = c.min, bytes = c.bytes_per),
            )
        })
    }};
}
pub(crate) use cap_report;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_cap_facts_are_counted_from_the_first() {
        let mut cap = Cap::new(2, 100, 250);
        assert_eq!(cap.max, 4);
        let kept: Vec<bool> = [10, 20, 30, 40, 50, 60].map(|at| cap.room(at)).to_vec();
        assert_eq!(kept, [true, true, true, true, false, false]);
        let d = cap
            .report(|c| (format!("{} more", c.counted), "note".into()))
            .unwrap();
        assert_eq!(
            (d.code, d.range.clone(), d.message.as_str()),
            (Code::Truncated, 50..50, "2 more")
        );
        assert!(Cap::new(2, 100, 250).report(|_| unreachable!()).is_none());
        assert!((0..1000).all(|at| Cap::none().room(at)));
        // Room taken now, what is past it counted later where it was found.
        let mut cap = Cap::new(1, 100, 0);
        assert_eq!((cap.take(), cap.take()), (true, false));
        cap.count(0, 5);
        cap.count(3, 40);
        cap.count(2, 70);
        let d = cap
            .report(|c| (format!("{} more", c.counted), "note".into()))
            .unwrap();
        assert_eq!((d.range.clone(), d.message.as_str()), (40..40, "5 more"));
    }
}

//! Check: numbering anomalies and defects of form, reported like a compiler.
//!
//! Takes a parsed [`Document`]; gives [`Diagnostic`]s with stable codes
//! ([`Code`]). Numbering is judged by the convention the document itself uses
//! (`numbering`); form by the label, bracket and clause conventions (`form`). Every
//! check is linear in the number of nodes, and at most [`MAX_PER_CODE`] reports of one
//! code are kept.

mod form;
mod genre;
mod marks;
mod numbering;
mod report;

use crate::lexicon::messages::say_args;
use crate::lexicon::Lexicon;
use crate::model::{CheckSet, Code, Diagnostic, Document, Edit, Fixed, Lang};
use crate::text::is_ws;
use report::Reports;

pub use report::MAX_PER_CODE;

/// Runs the checks of `checks` on `doc`, its messages in `lang`.
pub(crate) fn run(doc: &Document, lex: &Lexicon, lang: Lang, checks: CheckSet) -> Vec<Diagnostic> {
    let mut out = Reports::new(lang, checks);
    if doc.own_text().chars().all(is_ws) {
        out.push(Diagnostic::new(
            Code::EmptyDocument,
            0..0,
            say_args!(lang, "empty-document"),
        ));
        return out.finish();
    }
    if doc.nodes.is_empty() {
        out.push(
            Diagnostic::new(
                Code::NoOutline,
                doc.preamble
                    .as_ref()
                    .map_or(0..0, |p| p.range.start..p.range.start),
                say_args!(lang, "no-outline"),
            )
            .note(say_args!(lang, "note-nothing-dropped")),
        );
    }
    let sequences = numbering::sequences(doc);
    numbering::check(doc, &sequences, &mut out);
    numbering::wrong_level(doc, &mut out);
    form::label_styles(doc, &mut out);
    form::brackets(doc, &mut out);
    form::doc_number_brackets(doc, &mut out);
    form::missing_responsibility(doc, &sequences, lex, &mut out);
    form::empty_nodes(doc, &mut out);
    form::dates(doc, &mut out);
    form::date_order(doc, &mut out);
    form::title_punctuation(doc, &mut out);
    form::attachment_count(doc, &mut out);
    form::table_totals(doc, lex, &mut out);
    genre::closings(doc, lex, &mut out);
    genre::address_words(doc, lex, &mut out);
    genre::approval_requests(doc, lex, &mut out);
    marks::half_width_punctuation(doc, &mut out);
    marks::full_width_digits(doc, &mut out);
    marks::range_hyphens(doc, &mut out);
    out.finish()
}

/// `text` with the fixes of `diagnostics` applied, each report's edits all or none: a
/// report whose edits overlap those of one before it (in the text's order) is left for
/// the next run; an edit two reports share is made once.
pub(crate) fn apply(text: &str, diagnostics: &[Diagnostic]) -> Fixed {
    let mut fixes: Vec<&Diagnostic> = diagnostics.iter().filter(|d| !d.fixes.is_empty()).collect();
    fixes.sort_by_key(|d| d.fixes.iter().map(|e| e.range.start).min());
    // The edits taken, by where they start; none overlaps another.
    let mut taken: std::collections::BTreeMap<usize, &Edit> = Default::default();
    let (mut fixed, mut conflicts) = (0, 0);
    for d in fixes {
        let fits = |e: &Edit| {
            let inside = e.range.start < e.range.end
                && e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end);
            let before = taken.range(..=e.range.start).next_back().map(|(_, t)| *t);
            let after = taken.range(e.range.start..).next().map(|(_, t)| *t);
            inside
                && (before == Some(e)
                    || (before.is_none_or(|t| t.range.end <= e.range.start)
                        && after.is_none_or(|t| e.range.end <= t.range.start)))
        };
        if d.fixes.iter().all(fits) {
            for e in &d.fixes {
                taken.insert(e.range.start, e);
            }
            fixed += 1;
        } else {
            conflicts += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken.values() {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.replacement);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    Fixed {
        text: out,
        fixed,
        edits: taken.len(),
        conflicts,
    }
}

#[cfg(test)]
mod tests {

    fn parse_text(t: &str, _: Option<&str>) -> crate::Document {
        crate::parse_text(t, &crate::Options::default())
    }

    fn codes(t: &str) -> Vec<(&'static str, usize)> {
        let d = parse_text(t, None);
        d.diagnostics
            .iter()
            .map(|x| (x.code.as_str(), d.line(x.range.start)))
            .collect()
    }

    #[test]
    fn fixes_renumber_after_a_gap_and_overlapping_ones_wait() {
        let t = "一、甲\n1.a。\n2.b。\n4.c。\n5.d。\n二、乙\n";
        let d = parse_text(t, None);
        let fixed = crate::fix(&d);
        assert_eq!(fixed.text, "一、甲\n1.a。\n2.b。\n3.c。\n4.d。\n二、乙\n");
        assert_eq!((fixed.fixed, fixed.edits, fixed.conflicts), (1, 2, 0));
        // Two reports whose fixes overlap: the first (in the text's order) is made.
        let edit = |r: std::ops::Range<usize>, s: &str| {
            crate::model::Diagnostic::new(crate::Code::MixedLabelStyle, r.clone(), "").fix(r, s)
        };
        let text = "abcdef";
        let fixed = super::apply(text, &[edit(2..4, "X"), edit(0..3, "Y"), edit(4..5, "Z")]);
        assert_eq!(fixed.text, "YdZf");
        assert_eq!((fixed.fixed, fixed.conflicts), (2, 1));
        // An edit two reports share is made once; an edit past the text, never.
        let fixed = super::apply(text, &[edit(1..2, "B"), edit(1..2, "B"), edit(5..9, "!")]);
        assert_eq!(
            (fixed.text.as_str(), fixed.fixed, fixed.conflicts),
            ("aBcdef", 2, 1)
        );
    }

    #[test]
    fn one_report_for_one_wrong_number() {
        let t = "一、甲\n1.a。\n2.b。\n4.c。\n4.d。\n5.e。\n";
        let d = parse_text(t, None);
        assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
        assert_eq!(d.diagnostics[0].code, crate::Code::DuplicateNumber);
        assert_eq!(d.line(d.diagnostics[0].range.start), 4);
        assert!(d.diagnostics[0]
            .suggestion
            .as_deref()
            .unwrap()
            .contains("as `3.`"));
    }

    #[test]
    fn conventions_run_on_and_restart() {
        assert!(codes("一、甲\n1.a。\n2.b。\n二、乙\n3.c。\n4.d。\n三、丙\n5.e。\n").is_empty());
        assert!(codes("一、甲\n1.a。\n2.b。\n二、乙\n1.c。\n2.d。\n三、丙\n1.e。\n").is_empty());
        assert_eq!(
            codes("一、甲\n1.a。\n2.b。\n二、乙\n3.c。\n4.d。\n三、丙\n5.e。\n6.f。\n四、丁\n1.g。\n2.h。\n"),
            vec![("bad-start", 11)]
        );
    }

    #[test]
    fn gaps_restarts_styles_brackets() {
        let cases = [
            ("一、甲\n二、乙\n四、丁\n五、戊\n", ("missing-number", 3)),
            (
                "一、甲\n(一)a\n(二)b\n(三)c\n(一)d\n(二)e\n",
                ("out-of-order", 5),
            ),
            ("一、甲\n1.a。\n2、b。\n3.c。\n", ("mixed-label-style", 3)),
            ("一、甲\n1.a(见附件。\n", ("unclosed-bracket", 2)),
            ("一、甲\n1.a（见附件)。\n", ("mismatched-bracket", 2)),
            (
                "标题\n国发[2019]3号\n正文。\n一、甲\n",
                ("doc-number-brackets", 2),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), vec![want], "{text}");
        }
    }

    #[test]
    fn suggestions_are_written_in_the_documents_own_label_form() {
        let suggestion = |t: &str| {
            let d = parse_text(t, None);
            assert_eq!(d.diagnostics.len(), 1, "{t}: {:?}", d.diagnostics);
            d.diagnostics[0].suggestion.clone().unwrap()
        };
        // Full-width brackets, half-width brackets, full-width digits, `、` after digits.
        for (text, want) in [
            ("一、甲\n（一）a。\n（二）b。\n（四）c。\n", "`（三）`"),
            ("一、甲\n(一)a。\n(二)b。\n(四)c。\n", "`(三)`"),
            ("一、甲\n１．a。\n２．b。\n４．c。\n", "`３．`"),
            ("一、甲\n1、a。\n2、b。\n4、c。\n", "`3、`"),
            ("一、甲\n二、乙\n四、丁\n", "`三、`"),
        ] {
            let s = suggestion(text);
            assert!(s.contains(want), "{text}: {s}");
        }
    }

    #[test]
    fn dates_that_are_no_day_are_reported() {
        for (text, line) in [
            ("一、甲\n于2023年2月30日前完成。\n", 2),
            ("一、甲\n二〇二二年十三月一日印发。\n", 2),
            ("一、甲\n2023年2月29日。\n", 2),
        ] {
            assert_eq!(codes(text), vec![("impossible-date", line)], "{text}");
        }
        // A leap day, the last of a month, a year alone: no report.
        assert!(
            codes("一、甲\n2024年2月29日、2023年4月30日、2023年12月31日；2025年底前。\n")
                .is_empty()
        );
        let d = parse_text("一、甲\n2023年2月30日。\n", None);
        assert!(
            d.diagnostics[0].notes[0].contains("28"),
            "{:?}",
            d.diagnostics[0]
        );
        assert!(d.meta.date.is_none());
    }
}

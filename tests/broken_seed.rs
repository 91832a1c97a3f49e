//! Deliberately broken copies of the seed, made here from the seed itself: each
//! must yield exactly the expected codes at the expected lines, and nothing else.

mod common;
use common::*;

fn report(text: &str) -> Vec<(&'static str, usize)> {
    let doc = parse(text);
    check_invariants(&doc);
    doc.diagnostics
        .iter()
        .filter(|d| d.severity >= gongwen::Severity::Warning)
        .map(|d| (d.code.as_str(), doc.index.line(d.range.start)))
        .collect()
}

/// The seed with line `n` (1-based) rewritten by `f`.
fn edit(text: &str, n: usize, f: impl Fn(&str) -> String) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| if i + 1 == n { f(l) } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Replaces a label at the start of the line.
fn relabel(text: &str, n: usize, from: &str, to: &str) -> String {
    edit(text, n, |l| {
        assert!(l.starts_with(from), "line {n} starts with {from}: {l}");
        format!("{to}{}", &l[from.len()..])
    })
}

/// Replaces labels at the starts of several lines, one `(line, from, to)` each.
fn relabel_all(text: &str, edits: &[(usize, &str, &str)]) -> String {
    edits.iter().fold(text.to_string(), |t, &(n, from, to)| {
        relabel(&t, n, from, to)
    })
}

/// The seed with item 14 numbered correctly: a clean document.
fn fixed_seed() -> String {
    relabel(&seed_text(), 48, "15.", "14.")
}

#[test]
fn the_fixed_seed_is_clean() {
    assert_eq!(report(&fixed_seed()), []);
}

#[test]
fn a_chapter_number_skipped() {
    // 三 … 七 become 四 … 八.
    let t = relabel_all(
        &fixed_seed(),
        &[
            (174, "七、", "八、"),
            (162, "六、", "七、"),
            (152, "五、", "六、"),
            (92, "四、", "五、"),
            (22, "三、", "四、"),
        ],
    );
    assert_eq!(report(&t), [("missing-number", 22)]);
}

#[test]
fn a_chapter_numbered_twice() {
    let t = relabel(&fixed_seed(), 22, "三、", "四、");
    assert_eq!(report(&t), [("duplicate-number", 22)]);
}

#[test]
fn sections_restarting_mid_document() {
    // (十) … (十四) inside chapter 四 become (一) … (五).
    let t = relabel_all(
        &fixed_seed(),
        &[
            (120, "(十)", "(一)"),
            (124, "(十一)", "(二)"),
            (132, "(十二)", "(三)"),
            (142, "(十三)", "(四)"),
            (146, "(十四)", "(五)"),
        ],
    );
    assert_eq!(report(&t), [("out-of-order", 120)]);
}

#[test]
fn items_restarting_under_one_chapter_of_a_run_on_document() {
    // Chapter 七's items 62 … 66 become 1 … 5 while all others run on.
    let mut t = fixed_seed();
    for (k, line) in [176, 178, 180, 182, 184].into_iter().enumerate() {
        t = relabel(&t, line, &format!("{}.", 62 + k), &format!("{}.", k + 1));
    }
    assert_eq!(report(&t), [("bad-start", 176)]);
}

#[test]
fn a_dun_label_among_dots() {
    let t = relabel(&fixed_seed(), 28, "5.", "5、");
    assert_eq!(report(&t), [("mixed-label-style", 28)]);
}

#[test]
fn an_unclosed_bracket() {
    let t = edit(&fixed_seed(), 58, |l| l.trim_end_matches(')').to_string());
    let doc = parse(&t);
    assert_eq!(report(&t), [("unclosed-bracket", 58)]);
    // The clause still names its unit.
    let item = doc
        .nodes
        .iter()
        .find(|n| n.kind() == gongwen::Kind::Item && n.number() == 18)
        .unwrap();
    assert_eq!(
        *owners(&doc, item, gongwen::Role::Responsible),
        ["省科技厅"]
    );
}

#[test]
fn a_bracket_closed_in_the_other_width() {
    let t = edit(&fixed_seed(), 58, |l| {
        format!("{}）", l.trim_end_matches(')'))
    });
    assert_eq!(report(&t), [("mismatched-bracket", 58)]);
}

#[test]
fn a_document_number_in_square_brackets() {
    let t = edit(&fixed_seed(), 5, |l| {
        l.replace('〔', "[").replace('〕', "]")
    });
    assert_eq!(report(&t), [("doc-number-brackets", 5)]);
}

#[test]
fn an_item_without_its_clause() {
    let t = edit(&fixed_seed(), 104, |l| {
        l[..l.rfind('(').unwrap()].to_string()
    });
    assert_eq!(report(&t), [("missing-responsibility", 104)]);
}

#[test]
fn an_item_without_its_clause_in_a_small_group() {
    // Chapter 二 has only three items; the other 63 items all have clauses.
    let t = edit(&fixed_seed(), 18, |l| {
        l[..l.rfind('(').unwrap()].to_string()
    });
    assert_eq!(report(&t), [("missing-responsibility", 18)]);
}

#[test]
fn an_empty_item() {
    let t = edit(&fixed_seed(), 104, |_| "35.".to_string());
    assert_eq!(
        report(&t),
        [("empty-heading", 104), ("missing-responsibility", 104)]
    );
}

//! Form: label styles, brackets, the brackets of document numbers, missing
//! responsibility clauses, empty headings.

use super::report::{kind, name, Reports};
use crate::lexicon::messages::say_args;
use crate::lexicon::Lexicon;
use crate::model::{Code, Diagnostic, Document, NodeId, Style};
use rustc_hash::FxHashMap as HashMap;

/// Labels of one style are compared once there are at least this many.
const MIXED_STYLE_MIN: usize = 3;
/// A bracket opened on a line this short (a title, a note) may close on the next one.
const SHORT_LINE: usize = 40;
/// Past this many lines with bracket reports, the rest of the document is not searched:
/// a text of ten thousand brackets is one problem, not ten thousand.
const MAX_BRACKET_LINES: usize = 200;
/// Brackets open at once that are remembered one by one; those beyond are only counted
/// (a line of a million `（` is reported as one problem, with their number, in bounded
/// memory).
const DEEPEST_BRACKETS: usize = 1_000;
/// A node without a clause is reported only when at least this many nodes of its style
/// have one…
const MIN_WITH_CLAUSE: usize = 4;
/// …and at least this share of them (four in five).
const CLAUSE_SHARE: (usize, usize) = (4, 5);

/// A label written differently from its siblings: `2、` among `1.` `3.`.
pub(super) fn label_styles(doc: &Document, out: &mut Reports) {
    if !out.wants_any(&[Code::MixedLabelStyle, Code::LabelForms]) {
        return;
    }
    let mut groups: HashMap<Style, Vec<NodeId>> = HashMap::default();
    for i in doc.node_ids() {
        groups.entry(doc.node(i).style()).or_default().push(i);
    }
    let form = |i: NodeId| {
        let l = doc.node(i).label;
        (l.open, l.punct)
    };
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by_key(|(s, _)| *s);
    for (style, ids) in groups {
        if style.is_decimal() || ids.len() < MIXED_STYLE_MIN {
            continue;
        }
        let mut count: HashMap<(Option<char>, char), usize> = HashMap::default();
        for &i in &ids {
            *count.entry(form(i)).or_default() += 1;
        }
        let Some((&major, &m)) = count.iter().max_by_key(|(f, c)| (**c, **f)) else {
            continue;
        };
        if m * 2 <= ids.len() {
            if count.len() >= LABEL_FORMS {
                label_forms(doc, &ids, count.len(), out);
            }
            continue;
        }
        let example = ids
            .iter()
            .find(|&&i| form(i) == major)
            .map(|&i| doc.slice(&doc.node(i).label_range()))
            .unwrap_or("");
        for &i in &ids {
            if form(i) != major && out.is_full(Code::MixedLabelStyle) {
                out.left_out(Code::MixedLabelStyle, doc.node(i).label_range());
            } else if form(i) != major {
                let like = *ids
                    .iter()
                    .find(|&&j| form(j) == major)
                    .expect("the major form");
                let fixed = in_form_of(doc, i, like);
                let lang = out.lang;
                out.push(
                    Diagnostic::new(
                        Code::MixedLabelStyle,
                        doc.node(i).label_range(),
                        say_args!(
                            lang,
                            "mixed-label-style",
                            node = name(doc, i, lang),
                            label = doc.slice(&doc.node(i).label_range()),
                            like = m,
                            siblings = ids.len(),
                            example = example.to_string(),
                        ),
                    )
                    .suggest(say_args!(lang, "suggest-write", text = fixed.as_str()))
                    .fix(doc.node(i).label_range(), fixed),
                );
            }
        }
    }
}

/// A list whose labels have this many forms and none written by most is one report.
const LABEL_FORMS: usize = 3;

/// The form a label of `node` gets written as `like`'s is: `like`'s opening bracket and
/// closing punctuation around its own number.
fn in_form_of(doc: &Document, node: NodeId, like: NodeId) -> String {
    let l = doc.node(node).label;
    let (open, punct) = (doc.node(like).label.open, doc.node(like).label.punct);
    let mut t: String = doc.slice(&doc.node(node).label_range()).to_string();
    if let (Some(o), Some(mo)) = (l.open, open) {
        t = t.replacen(o, &mo.to_string(), 1);
    }
    let p = t.rfind(l.punct).unwrap_or(t.len() - l.punct.len_utf8());
    t.replace_range(p..p + l.punct.len_utf8(), &punct.to_string());
    t
}

/// The labels of one style written in [`LABEL_FORMS`] forms or more, none of them most
/// (`1.` `2、` `3．`): one report at the first label unlike the first, whose fix writes
/// every label as the first is.
fn label_forms(doc: &Document, ids: &[NodeId], forms: usize, out: &mut Reports) {
    // `①` has no brackets or punctuation to write alike.
    if matches!(doc.node(ids[0]).style(), Style::Circled | Style::Row)
        || doc.node(ids[0]).style().is_di()
    {
        return;
    }
    let form = |i: NodeId| {
        let l = doc.node(i).label;
        (l.open, l.punct)
    };
    let first = ids[0];
    let Some(&at) = ids.iter().find(|&&i| form(i) != form(first)) else {
        return;
    };
    if out.is_full(Code::LabelForms) {
        out.left_out(Code::LabelForms, doc.node(at).label_range());
        return;
    }
    let lang = out.lang;
    // One label of each form, in the order the forms first appear.
    let mut seen = Vec::new();
    let mut examples: Vec<&str> = Vec::new();
    for &i in ids {
        if !seen.contains(&form(i)) {
            seen.push(form(i));
            examples.push(doc.slice(&doc.node(i).label_range()));
        }
    }
    let mut d = Diagnostic::new(
        Code::LabelForms,
        doc.node(at).label_range(),
        say_args!(
            lang,
            "label-forms",
            count = ids.len(),
            kinds = kind(doc, first, lang, true),
            forms = forms,
            examples = examples.join(" "),
        ),
    )
    .related(doc.node(first).label_range())
    .suggest(say_args!(
        lang,
        "suggest-one-form",
        example = doc.slice(&doc.node(first).label_range())
    ));
    for &i in ids.iter().filter(|&&i| form(i) != form(first)) {
        d = d.fix(doc.node(i).label_range(), in_form_of(doc, i, first));
    }
    out.push(d);
}

/// Unclosed, unmatched and mixed-width brackets, line by line.
pub(super) fn brackets(doc: &Document, out: &mut Reports) {
    if !out.wants_any(&[
        Code::UnclosedBracket,
        Code::UnmatchedBracket,
        Code::MismatchedBracket,
    ]) {
        return;
    }
    let text = doc.own_text();
    let lang = out.lang;
    let closer = |oc: char| if oc == '（' { '）' } else { ')' };
    let unclosed = |(o, oc): (usize, char), more: usize, on_line: bool| {
        let msg = if on_line {
            say_args!(lang, "unclosed-bracket-on-line", open = oc)
        } else {
            say_args!(lang, "unclosed-bracket", open = oc)
        };
        let mut d = Diagnostic::new(Code::UnclosedBracket, o..o + oc.len_utf8(), msg).suggest(
            say_args!(lang, "suggest-close-where-it-ends", close = closer(oc)),
        );
        if more > 0 {
            d = d.note(say_args!(lang, "note-more-unclosed", more = more));
        }
        d
    };
    // At most one report of each kind a line: a line of ten thousand brackets is one problem.
    let mut lines_reported = 0;
    let mut stack: Vec<(usize, char)> = Vec::new();
    // Open brackets past `DEEPEST_BRACKETS`, counted: the innermost are closed first.
    let mut deeper = 0usize;
    let mut mismatched = false;
    let mut unmatched: Option<(usize, char, usize)> = None;
    let mut line_begin = 0;
    // Only brackets and line breaks matter.
    let events =
        crate::text::charset::round_brackets_and_breaks(text).chain(std::iter::once(text.len()));
    for at in events {
        let c = text[at..].chars().next().unwrap_or('\n');
        match c {
            '(' | '（' if stack.len() < DEEPEST_BRACKETS => stack.push((at, c)),
            '(' | '（' => deeper += 1,
            ')' | '）' if deeper > 0 => deeper -= 1,
            ')' | '）' => match stack.pop() {
                Some((o, oc)) if (oc == '（') != (c == '）') && !mismatched => {
                    mismatched = true;
                    out.push(
                        Diagnostic::new(
                            Code::MismatchedBracket,
                            at..at + c.len_utf8(),
                            say_args!(lang, "mismatched-bracket", open = oc, close = c),
                        )
                        .related(o..o + oc.len_utf8())
                        .suggest(say_args!(lang, "suggest-close-with", close = closer(oc)))
                        .fix(at..at + c.len_utf8(), closer(oc)),
                    );
                }
                Some(_) => {}
                None => match &mut unmatched {
                    Some((_, _, n)) => *n += 1,
                    None => unmatched = Some((at, c, 0)),
                },
            },
            _ => {
                // The end of a line (`\r\n` ends it at the `\r`; its `\n` ends an empty piece).
                let line = line_begin..at;
                line_begin = at + 1;
                if let Some((u, uc, more)) = unmatched.take() {
                    let mut d = Diagnostic::new(
                        Code::UnmatchedBracket,
                        u..u + uc.len_utf8(),
                        say_args!(lang, "unmatched-bracket", close = uc),
                    );
                    if more > 0 {
                        d = d.note(say_args!(lang, "note-more-unmatched", more = more));
                    }
                    out.push(d);
                    lines_reported += 1;
                }
                if std::mem::take(&mut mismatched) {
                    lines_reported += 1;
                }
                // A bracket opened on a short line (a title, a note) may close on the next one.
                let short = || text[line.clone()].chars().count() <= SHORT_LINE;
                let open = stack.len() + deeper;
                if !(open == 0 || open == 1 && at < text.len() && short()) {
                    out.push(unclosed(stack[0], open - 1, at < text.len()));
                    stack.clear();
                    deeper = 0;
                }
                if lines_reported > MAX_BRACKET_LINES {
                    return;
                }
            }
        }
    }
}

/// GB/T 9704 writes the year of a document number in 〔〕.
pub(super) fn doc_number_brackets(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::DocNumberBrackets) {
        return;
    }
    let nums = doc.meta.doc_number.iter().chain(
        doc.meta
            .citations
            .iter()
            .filter_map(|c| c.doc_number.as_ref()),
    );
    for d in nums {
        if let (Some((o, c)), Some(y)) = (d.brackets, d.year) {
            if (o, c) != ('〔', '〕') {
                let mut report = Diagnostic::new(
                    Code::DocNumberBrackets,
                    d.range.clone(),
                    say_args!(
                        out.lang,
                        "doc-number-brackets",
                        number = d.text.as_str(),
                        brackets = format!("{o}{c}"),
                    ),
                )
                .suggest(say_args!(
                    out.lang,
                    "suggest-write",
                    text = format!("{}〔{}〕{}号", d.agency, y, d.serial),
                ));
                if let Some(fixed) = rebracket(doc.slice(&d.range), o, c) {
                    report = report.fix(d.range.clone(), fixed);
                }
                out.push(report);
            }
        }
    }
}

/// A document number as written with its year's brackets `o` `c` made `〔〕`.
fn rebracket(written: &str, o: char, c: char) -> Option<String> {
    let a = written.find(o)?;
    let b = a + o.len_utf8() + written[a + o.len_utf8()..].find(c)?;
    Some(format!(
        "{}〔{}〕{}",
        &written[..a],
        &written[a + o.len_utf8()..b],
        &written[b + c.len_utf8()..]
    ))
}

/// A task without a responsibility clause where (nearly) all its siblings have one.
pub(super) fn missing_responsibility(
    doc: &Document,
    sequences: &[Vec<NodeId>],
    lex: &Lexicon,
    out: &mut Reports,
) {
    if !out.wants(Code::MissingResponsibility) {
        return;
    }
    // Nodes of one style are compared with all others of that style (at least four of
    // them with clauses, and four in five of all); a node is reported only when a sibling
    // under the same parent has a clause, so a chapter of principles without owners is not.
    // A node is covered by its own clause or by ones below it (a chapter whose sections
    // or items each name theirs). Not by one above it: where its siblings name their own
    // owners under a section that names a task force, the section's does not excuse it.
    let mut down = vec![false; doc.nodes.len()];
    for i in doc.node_ids().rev() {
        let node = doc.node(i);
        down[i.index()] |= !node.clauses.is_empty();
        if let (Some(p), true) = (node.parent, down[i.index()]) {
            down[p.index()] = true;
        }
    }
    // A heading that states no task (`附则`, `总体要求`) expects no clause.
    // (A title's inner white space is already squeezed out: `附　则` reads `附则`.)
    let untasked = |i: NodeId| {
        let t = doc
            .node(i)
            .title(&doc.text)
            .trim_end_matches(crate::text::is_ws);
        lex.untasked_titles.suffix_of(t).is_some()
    };
    // Own clauses show the document's convention; clauses below and untasked titles only
    // excuse a node.
    let has = |i: NodeId| !doc.node(i).clauses.is_empty();
    let excused = |i: NodeId| down[i.index()] || untasked(i);
    for ids in sequences {
        let with = ids.iter().filter(|&&i| has(i)).count();
        let considered = ids.iter().filter(|&&i| has(i) || !excused(i)).count();
        let (num, den) = CLAUSE_SHARE;
        if with < MIN_WITH_CLAUSE || with * den < considered * num || with == considered {
            continue;
        }
        // Siblings in this sequence by parent: how many, and how many with a clause.
        // Counted once, so a long sequence costs linear time, not quadratic.
        let mut by_parent: HashMap<Option<NodeId>, (usize, usize)> = HashMap::default();
        for &j in ids {
            let e = by_parent.entry(doc.node(j).parent).or_default();
            e.0 += 1;
            e.1 += usize::from(has(j));
        }
        for &i in ids.iter().filter(|&&i| !has(i) && !excused(i)) {
            let n = doc.node(i);
            // `i` itself has no clause: the others are one fewer, with as many clauses.
            let (all, sib_with) = by_parent[&n.parent];
            if all > 1 && sib_with == 0 {
                continue;
            }
            if out.is_full(Code::MissingResponsibility) {
                out.left_out(Code::MissingResponsibility, n.label_range());
                continue;
            }
            // The suggestion shows a clause of this document: the nearest one before, else
            // after, in the same sequence.
            let k = ids.partition_point(|&j| j < i);
            let example = ids[..k]
                .iter()
                .rev()
                .chain(&ids[k..])
                .find_map(|&j| doc.node(j).clauses.last());
            let suggestion = match example {
                Some(c) => say_args!(
                    out.lang,
                    "suggest-add-clause-like",
                    example = shortened(doc.slice(&c.range)),
                    line = doc.line(c.range.start),
                ),
                None => say_args!(out.lang, "suggest-add-clause"),
            };
            out.push(
                Diagnostic::new(
                    Code::MissingResponsibility,
                    n.label_range(),
                    say_args!(
                        out.lang,
                        "missing-responsibility",
                        node = name(doc, i, out.lang),
                        with = with,
                        all = considered,
                        kinds = kind(doc, i, out.lang, true),
                    ),
                )
                .suggest(suggestion),
            );
        }
    }
}

/// A clause shown as an example: at most [`EXAMPLE_CHARS`] characters of it.
fn shortened(s: &str) -> String {
    match s.char_indices().nth(EXAMPLE_CHARS) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// See [`shortened`].
const EXAMPLE_CHARS: usize = 40;

pub(super) fn empty_nodes(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::EmptyHeading) {
        return;
    }
    for i in doc.node_ids() {
        let n = doc.node(i);
        if n.text_range.is_empty() && n.clauses.is_empty() {
            if out.is_full(Code::EmptyHeading) {
                out.left_out(Code::EmptyHeading, n.label_range());
                continue;
            }
            out.push(Diagnostic::new(
                Code::EmptyHeading,
                n.label_range(),
                say_args!(out.lang, "empty-heading", node = name(doc, i, out.lang)),
            ));
        }
    }
}

/// Dates that are no day of the calendar: a day past the month's end, a month past 12, a
/// day or month 0. Years are not judged (a plan may look far ahead).
pub(super) fn dates(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::ImpossibleDate) {
        return;
    }
    use crate::recognize::date::{days_in_month, is_calendar_date, written_dates};
    let text = doc.own_text();
    for (r, y, m, d) in written_dates(text) {
        if is_calendar_date(y, m, d) || !(1000..=9999).contains(&y) {
            continue;
        }
        if out.is_full(Code::ImpossibleDate) {
            out.left_out(Code::ImpossibleDate, r);
            continue;
        }
        let lang = out.lang;
        let written = &text[r.clone()];
        let (message, note) = match days_in_month(y, m) {
            Some(days) if d > 0 => (
                say_args!(lang, "impossible-date", date = written),
                say_args!(
                    lang,
                    "note-month-days",
                    year = y as u64,
                    month = m as u64,
                    days = days as u64
                ),
            ),
            Some(_) => (
                say_args!(lang, "impossible-date", date = written),
                say_args!(lang, "note-day-zero"),
            ),
            None => (
                say_args!(lang, "impossible-date", date = written),
                say_args!(lang, "note-no-such-month", month = m as u64),
            ),
        };
        out.push(
            Diagnostic::new(Code::ImpossibleDate, r, message)
                .note(note)
                .suggest(say_args!(lang, "suggest-check-date")),
        );
    }
}

/// A 成文日期 after the document's publication date (a web page's 发布日期): one of them
/// is wrong. Reported at the page's date, else the signature's.
pub(super) fn date_order(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::DateOrder) {
        return;
    }
    let (Some(date), Some(published)) = (&doc.meta.date, &doc.meta.published) else {
        return;
    };
    // Both are ISO dates (`2022-04-22`): their order is the strings'.
    if date.len() != 10 || published.len() != 10 || date <= published {
        return;
    }
    let at = doc
        .page
        .date
        .clone()
        .or_else(|| doc.page.published.clone())
        .or_else(|| doc.meta.title_range.clone())
        .unwrap_or(0..0);
    let lang = out.lang;
    out.push(
        Diagnostic::new(
            Code::DateOrder,
            at,
            say_args!(
                lang,
                "date-order",
                date = date.as_str(),
                published = published.as_str()
            ),
        )
        .suggest(say_args!(lang, "suggest-check-date")),
    );
}

/// Marks a title leaves out (GB/T 9704-2012 7.3.1: 标题中除法规、规章名称加书名号外，
/// 一般不用标点符号): the sentence marks. 、 “” （） and the like are kept in practice.
const TITLE_MARKS: &[char] = &['，', '。', '；', '！', '？', ',', ';', '!', '?'];

/// A title with a sentence mark in it (a comma, a full stop): only a 公文's, whose
/// title ends with its type (`…的通知`); a web page's headline (`好消息！…`) is none.
pub(super) fn title_punctuation(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::TitlePunctuation) {
        return;
    }
    let (Some(title), Some(range), Some(_)) =
        (&doc.meta.title, &doc.meta.title_range, &doc.meta.doc_type)
    else {
        return;
    };
    // Inside a 书名号 a name is quoted as it is.
    let mut depth = 0usize;
    let mark = title.chars().find(|&c| {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0 && TITLE_MARKS.contains(&c)
    });
    let Some(mark) = mark else { return };
    let written = doc.slice(range);
    let at = written.find(mark).map_or(range.clone(), |k| {
        range.start + k..range.start + k + mark.len_utf8()
    });
    let lang = out.lang;
    out.push(
        Diagnostic::new(
            Code::TitlePunctuation,
            at,
            say_args!(lang, "title-punctuation", mark = mark),
        )
        .suggest(say_args!(lang, "suggest-title-without", mark = mark)),
    );
}

/// The number of an attachment's heading line (`附件1`, `附件 2：…`, `附件`, which is
/// the first), or None for another line (the note itself is `附件：1.…`).
fn attachment_heading(line: &str) -> Option<u32> {
    let rest = line.trim_matches(crate::text::is_ws).strip_prefix("附件")?;
    let rest = rest.trim_start_matches(crate::text::is_ws);
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    let after = rest[rest
        .char_indices()
        .nth(digits.chars().count())
        .map_or(rest.len(), |(k, _)| k)..]
        .trim_matches(crate::text::is_ws);
    if digits.is_empty() {
        return after.is_empty().then_some(1);
    }
    let n: u32 = digits.parse().ok()?;
    (after.is_empty() || after.starts_with(['：', ':'])).then_some(n)
}

/// The attachment heading lines of `text`: where each starts, and its number. A heading
/// line starts with `附件` (after blanks), so only the lines where the word stands are
/// read, each once, not every line of the text.
fn attachment_headings(text: &str) -> impl Iterator<Item = (usize, u32)> + '_ {
    let b = text.as_bytes();
    let mut line_end = 0;
    memchr::memmem::find_iter(b, "附件".as_bytes()).filter_map(move |at| {
        if at < line_end {
            return None;
        }
        let start = memchr::memrchr2(b'\n', b'\r', &b[..at]).map_or(0, |k| k + 1);
        line_end = memchr::memchr2(b'\n', b'\r', &b[at..]).map_or(b.len(), |k| at + k);
        if !text[start..at].chars().all(crate::text::is_ws) {
            return None;
        }
        attachment_heading(&text[start..line_end]).map(|n| (start, n))
    })
}

/// An attachments note (`附件：1.… 2.…`) that lists another number of attachments than
/// the document carries after it (`附件1`, `附件2` heading lines). Only where both are
/// there: an attachment published apart from the text is no defect.
pub(super) fn attachment_count(doc: &Document, out: &mut Reports) {
    if !out.wants(Code::AttachmentCount) {
        return;
    }
    let listed = &doc.meta.attachments;
    // A web page's attachments are its links, not a note.
    if listed.is_empty() || listed.iter().any(|a| a.href.is_some()) {
        return;
    }
    let text = doc.own_text();
    let mut numbers: Vec<u32> = Vec::new();
    let mut first: Option<usize> = None;
    for (start, n) in attachment_headings(text) {
        first.get_or_insert(start);
        if !numbers.contains(&n) {
            numbers.push(n);
        }
    }
    let (Some(first), present) = (first, numbers.len()) else {
        return;
    };
    if present == listed.len() {
        return;
    }
    let lang = out.lang;
    out.push(
        Diagnostic::new(
            Code::AttachmentCount,
            first..first,
            say_args!(
                lang,
                "attachment-count",
                listed = listed.len(),
                present = present
            ),
        )
        .suggest(say_args!(lang, "suggest-attachments")),
    );
}

/// A number as a table cell writes it (`1,200`, `35.5`), or None for another cell (words,
/// a percentage, which a total does not sum).
fn cell_number(cell: &str) -> Option<(f64, usize)> {
    let c = cell
        .trim_matches(crate::text::is_ws)
        .replace([',', '，'], "");
    if c.is_empty()
        || !c
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return None;
    }
    let decimals = c.split_once('.').map_or(0, |(_, d)| d.len());
    Some((c.parse().ok()?, decimals))
}

/// A table's total row (`合计`, `总计`: `data/lexicon/total_words.txt`) whose number in a
/// column is not the sum of the rows above it, up to the table's head or the total before.
/// Tables as the Word, web page and PDF readers give them: a row a line, cells apart by
/// tabs. A column is judged only where every row above has a number in it.
pub(super) fn table_totals(doc: &Document, lex: &Lexicon, out: &mut Reports) {
    if !out.wants(Code::TableTotal) {
        return;
    }
    let text = doc.own_text();
    // Most texts hold no table total: one vector search for the words rules them out.
    if !crate::text::charset::holds_any(text, lex.total_words.iter()) {
        return;
    }
    let lang = out.lang;
    // The columns of the rows read since the table's head or the total before, summed as
    // they come (a table of a million rows is not held), and the head's cells.
    let mut columns: Vec<Column> = Vec::new();
    let mut rows = 0usize;
    let mut head: Vec<std::ops::Range<usize>> = Vec::new();
    let mut headed = false;
    for r in crate::text::span::line_iter(text) {
        let start = r.start;
        let content = &text[r];
        if !content.contains('\t') {
            (columns, rows, headed) = (Vec::new(), 0, false);
            head.clear();
            continue;
        }
        let cells = || content.split('\t').take(MOST_COLUMNS);
        let first = cells().map(trim_ws).find(|c| !c.is_empty()).unwrap_or("");
        if !lex.total_words.is(first) {
            if rows == 0 && !headed && cells().all(|c| cell_number(c).is_none()) {
                headed = true;
                let mut at = start;
                for c in cells() {
                    head.push(at..at + c.len());
                    at += c.len() + 1;
                }
                continue;
            }
            let mut n = 0;
            for (j, c) in cells().enumerate() {
                n = j + 1;
                if j == columns.len() {
                    // A column the rows before did not have.
                    columns.push(Column {
                        all: rows == 0,
                        ..Column::default()
                    });
                }
                let col = &mut columns[j];
                match cell_number(c) {
                    Some((v, d)) => {
                        col.sum += v;
                        col.decimals = col.decimals.max(d);
                    }
                    None => col.all = false,
                }
            }
            for col in columns.iter_mut().skip(n) {
                col.all = false;
            }
            rows += 1;
            continue;
        }
        let mut at = start;
        for (j, given) in cells().enumerate() {
            let cell = at..at + given.len();
            at += given.len() + 1;
            if j == 0 {
                continue;
            }
            let Some((total, decimals)) = cell_number(given) else {
                continue;
            };
            let Some(col) = columns.get(j).filter(|c| c.all && rows >= 2) else {
                continue;
            };
            let (sum, decimals) = (col.sum, decimals.max(col.decimals));
            let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9;
            if (sum - total).abs() <= tolerance {
                continue;
            }
            if out.is_full(Code::TableTotal) {
                out.left_out(Code::TableTotal, start..start);
                continue;
            }
            let column = head
                .get(j)
                .map(|h| trim_ws(&text[h.clone()]).to_string())
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| (j + 1).to_string());
            let sum = format!("{sum:.decimals$}");
            out.push(
                Diagnostic::new(
                    Code::TableTotal,
                    cell,
                    say_args!(
                        lang,
                        "table-total",
                        total = first,
                        column = column,
                        given = trim_ws(given),
                        sum = sum
                    ),
                )
                .suggest(say_args!(lang, "suggest-table-total")),
            );
        }
        (columns, rows) = (Vec::new(), 0);
    }
}

fn trim_ws(s: &str) -> &str {
    s.trim_matches(crate::text::is_ws)
}

/// A table's columns past this many are not judged (tables have a few dozen).
const MOST_COLUMNS: usize = 1_000;

/// A column of the rows above a total: their sum, the most decimals written, and whether
/// every row has a number in it.
#[derive(Default)]
struct Column {
    sum: f64,
    decimals: usize,
    all: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_headings_are_those_of_every_line() {
        // Each line read in turn, as before the search for the word.
        let every_line = |t: &str| -> Vec<(usize, u32)> {
            crate::text::span::line_iter(t)
                .filter_map(|r| attachment_heading(&t[r.clone()]).map(|n| (r.start, n)))
                .collect()
        };
        let pieces = [
            "附件",
            "附件1",
            "附件２：",
            "　附件3",
            "见附件2",
            "附件1附件2",
            "\n",
            "\r\n",
            "\r",
            " ",
            "正文",
            "附件：",
            "附",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let t = format!("{a}{b}{c}{d}");
                        assert_eq!(
                            attachment_headings(&t).collect::<Vec<_>>(),
                            every_line(&t),
                            "{t:?}"
                        );
                        n += usize::from(!every_line(&t).is_empty());
                    }
                }
            }
        }
        assert!(n > 1000, "{n} texts with a heading");
    }
}

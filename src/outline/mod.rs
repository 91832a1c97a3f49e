//! Outline: the numbered hierarchy of GB/T 9704-2012 (一、 → （一） → 1. → （1）)
//! and of regulations (第一章 → 第一节 → 第一条).
//!
//! Takes the decoded text; gives the document's zones (header lines, each classified;
//! the body; a table of contents and trailing lines that are not body), its nodes as
//! an arena in document order, nested by label style rather than by indentation, and
//! its parts. Never fails: a document without numbering simply has no nodes. Imports
//! nothing from `extract`: what the outline needs to recognise is in `recognize`.

mod headings;
mod tables;
mod tree;
mod zones;

use crate::lexicon::messages::say_args;
use crate::lexicon::Lexicon;
use crate::model::{
    Code, Diagnostic, HeaderLine, Lang, Node, NodeId, Part, SkipReason, Skipped, TaskTable,
};
use crate::text::{trim, LineIndex};
use std::ops::Range;
pub(crate) use zones::is_org_line;

/// What the outline stage gives.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outline {
    /// Non-blank lines before the body (title, document number, web-page chrome).
    pub(crate) header: Vec<HeaderLine>,
    /// Where the body starts and ends (the trailer excluded).
    pub(crate) body: Range<usize>,
    /// Text between the header and the first heading.
    pub(crate) preamble: Option<Range<usize>>,
    pub(crate) nodes: Vec<Node>,
    pub(crate) roots: Vec<NodeId>,
    pub(crate) parts: Vec<Part>,
    /// Table of contents and trailing lines (signature, notes, junk).
    pub(crate) skipped: Vec<Skipped>,
    /// What the outline itself reports: headings past the cap on nodes.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The task tables, whose rows are nodes.
    pub(crate) tables: Vec<TaskTable>,
}

/// Finds the outline of `text`, whose lines `index` knows.
pub(crate) fn parse(text: &str, index: &LineIndex, lex: &Lexicon, lang: Lang) -> Outline {
    let lines = index.lines(text);
    let (body_start, header) = zones::header(text, &lines, lex);
    let (body_end, mut skipped) = zones::trailer(text, &lines, body_start, lex);
    let body = body_start..body_end.max(body_start);
    let toc = zones::table_of_contents(text, &lines, &body, lex);
    if let Some(t) = &toc {
        skipped.push(Skipped {
            range: t.clone(),
            reason: SkipReason::Toc,
        });
    }
    let (mut headings, mut left_out) = headings::find(text, &lines, &body, toc.as_ref(), lex);
    let (mut tables, rows) = tables::find(text, &lines, &body, lex, left_out.max);
    if !tables.is_empty() {
        headings = tables::merge(headings, &tables, rows);
        // Rows are nodes too: those past the cap are counted with the headings, and the
        // tables past it are not kept (their text stays in the node before).
        if headings.len() > left_out.max {
            let past = headings[left_out.max].at;
            left_out.first = if left_out.count == 0 {
                past
            } else {
                left_out.first.min(past)
            };
            left_out.count += headings.len() - left_out.max;
            headings.truncate(left_out.max);
            tables.retain(|t| t.range.start < past);
        }
    }
    let diagnostics = (left_out.count > 0)
        .then(|| too_many_nodes(text, left_out, lang))
        .into_iter()
        .collect();
    let first = headings.first().map_or(body.end, |h| h.at);
    let preamble = preamble(text, body.start..first, toc.as_ref());
    let (mut nodes, roots) = tree::build(text, &headings, &body, toc.as_ref());
    let parts = tree::parts(text, &mut nodes, lex);
    Outline {
        header,
        body,
        preamble,
        nodes,
        roots,
        parts,
        skipped,
        diagnostics,
        tables,
    }
}

/// The report of headings past the cap on nodes.
fn too_many_nodes(text: &str, left_out: headings::LeftOut, lang: Lang) -> Diagnostic {
    let at = left_out.first;
    let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
    Diagnostic::new(
        Code::Truncated,
        at..end,
        say_args!(
            lang,
            "headings-left-out",
            count = left_out.count,
            max = left_out.max
        ),
    )
    .note(say_args!(
        lang,
        "note-nodes-cap",
        min = headings::MIN_NODES,
        bytes = headings::BYTES_PER_NODE,
    ))
}

/// The text before the first heading, without a table of contents in it (the
/// preamble starts after it, or ends before it when text comes first).
fn preamble(text: &str, before: Range<usize>, toc: Option<&Range<usize>>) -> Option<Range<usize>> {
    let pre = trim(text, before);
    let pre = match toc {
        Some(t) if t.start >= pre.start && t.end <= pre.end => {
            let before = trim(text, pre.start..t.start);
            let after = trim(text, t.end..pre.end);
            if before.is_empty() {
                after
            } else {
                before.start..after.end.max(before.end)
            }
        }
        _ => pre,
    };
    (!pre.is_empty()).then_some(pre)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn nests_by_style_and_skips_levels() {
        let t = "标题\n正文。\n一、总体要求\n二、促进\n1.全面。\n2.加大。\n三、发展\n(一)现代金融\n3.加大。\n(1)细项。\n";
        let o = parse(t, &LineIndex::new(t), &Lexicon::builtin(), Lang::En);
        let kinds: Vec<_> = o
            .nodes
            .iter()
            .map(|n| (n.kind(), n.number(), n.parent.map(|p| p.0)))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (Kind::Chapter, 1, None),
                (Kind::Chapter, 2, None),
                (Kind::Item, 1, Some(1)),
                (Kind::Item, 2, Some(1)),
                (Kind::Chapter, 3, None),
                (Kind::Section, 1, Some(4)),
                (Kind::Item, 3, Some(5)),
                (Kind::Subitem, 1, Some(6)),
            ]
        );
        assert_eq!(o.roots, vec![NodeId(0), NodeId(1), NodeId(4)]);
        assert_eq!(o.nodes[2].title(t), "全面");
    }

    #[test]
    fn trailer_and_toc() {
        let t = "标题\n正文。\n目录\n一、甲\n二、乙\n一、甲\n内容。\n二、乙\n内容。\n国务院\n2019年1月12日\n（此件公开发布）\na\n";
        let o = parse(t, &LineIndex::new(t), &Lexicon::builtin(), Lang::En);
        assert_eq!(o.nodes.len(), 2);
        let reasons: Vec<_> = o
            .skipped
            .iter()
            .map(|s| (s.reason, &t[s.range.clone()]))
            .collect();
        assert!(
            reasons.contains(&(SkipReason::Toc, "目录\n一、甲\n二、乙")),
            "{reasons:?}"
        );
        assert!(reasons.contains(&(SkipReason::Junk, "a")));
        assert!(reasons.contains(&(SkipReason::Signature, "国务院")));
        assert!(reasons.contains(&(SkipReason::Note, "（此件公开发布）")));
        assert_eq!(&t[o.nodes[1].span.clone()], "二、乙\n内容。");
    }

    #[test]
    fn a_notice_and_the_plan_it_issues_are_two_parts() {
        use crate::model::PartKind;
        let t = "关于印发行动计划的通知\n各市：\n一、甲\n二、乙\n现印发。\n某某行动计划\n一、总体要求\n二、重点任务\n";
        let o = parse(t, &LineIndex::new(t), &Lexicon::builtin(), Lang::En);
        let kinds: Vec<_> = o.parts.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [PartKind::Notice, PartKind::Plan]);
        let parts: Vec<u32> = o.nodes.iter().map(|n| n.part).collect();
        assert_eq!(parts, [0, 0, 1, 1]);
    }
}

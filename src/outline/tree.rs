//! The tree: nodes made from headings, nested by label style, and the parts of the
//! document (a covering notice and the plan it issues, attachments).

use super::headings::Heading;
use crate::lexicon::Lexicon;
use crate::model::{Node, NodeId, Part, PartKind, Style};
use crate::recognize::doc_number::ends_with_doc_type;
use crate::text::{is_ws, line_break, lines, squeezed, trim, trim_or_empty};
use std::ops::Range;

/// A title line that opens a new part is short and has no sentence in it.
const LONGEST_PART_TITLE: usize = 40;
/// An attachment's heading (`附件2`, `附件：`) is shorter still, unless it gives the
/// attachment's title.
const LONGEST_ATTACHMENT_LINE: usize = 12;

/// The nodes of `headings`, each up to the next heading (or the end of the body), in
/// document order with their parents and children; and the top-level nodes.
pub(crate) fn build(
    text: &str,
    headings: &[Heading],
    body: &Range<usize>,
    toc: Option<&Range<usize>>,
) -> (Vec<Node>, Vec<NodeId>) {
    let mut nodes: Vec<Node> = Vec::with_capacity(headings.len());
    let mut roots = Vec::new();
    let mut stack: Vec<NodeId> = Vec::new();
    for (k, h) in headings.iter().enumerate() {
        let next = headings.get(k + 1).map_or(body.end, |n| n.at);
        let mut own = trim(text, h.at..next);
        if let Some(t) = toc {
            // A node right before the table of contents ends where it starts.
            if t.start >= own.start && t.start < own.end {
                own = trim(text, own.start..t.start);
            }
        }
        let label_end = h.at + h.label.len as usize;
        let after = trim_or_empty(text, label_end..own.end.max(label_end));
        let seg = &text[after.clone()];
        let mut title_end = line_break(seg).unwrap_or(seg.len());
        if let Some(p) = seg[..title_end].find('。') {
            title_end = p;
        }
        // A title ends before the punctuation that closes it (`下列要求：`, `规划；`).
        let title_text = seg[..title_end].trim_end_matches(|c: char| {
            is_ws(c) || matches!(c, '：' | ':' | '；' | ';' | '，' | ',')
        });
        let title_range = trim_or_empty(text, after.start..after.start + title_text.len());
        let rank = h.label.style.rank();
        while let Some(&top) = stack.last() {
            if nodes[top].label.style.rank() >= rank {
                stack.pop();
            } else {
                break;
            }
        }
        let id = NodeId::new(nodes.len());
        let parent = stack.last().copied();
        if parent.is_none() {
            roots.push(id);
        }
        nodes.push(Node {
            label: h.label,
            title_squeezed: squeezed(&text[title_range.clone()]),
            title_range,
            text_range: after,
            span: h.at..own.end.max(label_end),
            part: 0,
            clauses: Box::default(),
            quantities: Box::default(),
            deadline: None,
            parent,
            children: Box::default(),
        });
        stack.push(id);
    }
    set_children(&mut nodes);
    (nodes, roots)
}

/// Fills each node's `children` from the `parent` links: counted first, so each list
/// is allocated once at its size.
fn set_children(nodes: &mut [Node]) {
    let mut count = vec![0u32; nodes.len()];
    for n in nodes.iter() {
        if let Some(p) = n.parent {
            count[p.index()] += 1;
        }
    }
    for (n, &c) in nodes.iter_mut().zip(&count) {
        n.children = vec![NodeId(0); c as usize].into_boxed_slice();
    }
    count.iter_mut().for_each(|c| *c = 0);
    for i in 0..nodes.len() {
        if let Some(p) = nodes[i].parent {
            let p = p.index();
            nodes[p].children[count[p] as usize] = NodeId::new(i);
            count[p] += 1;
        }
    }
}

/// How a part opens: by an attachment heading or by the title of an issued document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opening {
    Attachment,
    Title,
}

/// Whether the own text of `n` holds a line after its first that opens a new part.
fn opening(text: &str, n: &Node, lex: &Lexicon) -> Option<Opening> {
    let own = &text[n.label_range().end..n.span.end];
    lines(own).into_iter().skip(1).find_map(|r| {
        let l = own[r].trim_matches(is_ws);
        let short = l.chars().count() <= LONGEST_PART_TITLE && !l.contains(['。', '，', '；']);
        // `附件2`, `附件：`, or with its title: `附件1：《购房补贴相关细则》`.
        let attachment_line = l.chars().count() <= LONGEST_ATTACHMENT_LINE
            || (short && l.contains(['《', '：', ':']));
        if lex.attachment_words.prefix_of(l).is_some() && attachment_line {
            Some(Opening::Attachment)
        } else if short && ends_with_doc_type(l, lex) {
            Some(Opening::Title)
        } else {
            None
        }
    })
}

/// Parts of a document: a covering notice and the plan it issues, or attachments, each
/// number their headings afresh. A part starts at a top-level node numbered 1 of a
/// style already seen at the top level, when a title line or an `附件` line stands
/// between it and the node before. Sets each node's `part`.
pub(crate) fn parts(text: &str, nodes: &mut [Node], lex: &Lexicon) -> Vec<Part> {
    let mut parts = vec![Part {
        kind: PartKind::Main,
        start: nodes.first().map_or(0, |n| n.span.start),
        number: 0,
    }];
    let mut seen_roots: Vec<Style> = Vec::new();
    let mut attachments = 0;
    for i in 0..nodes.len() {
        if nodes[i].parent.is_none() {
            let opens = (nodes[i].number() == 1 && seen_roots.contains(&nodes[i].style()) && i > 0)
                .then(|| opening(text, &nodes[i - 1], lex))
                .flatten();
            if let Some(o) = opens {
                let kind = match o {
                    Opening::Attachment => {
                        attachments += 1;
                        PartKind::Attachment
                    }
                    Opening::Title => PartKind::Plan,
                };
                if kind == PartKind::Plan && parts.len() == 1 {
                    parts[0].kind = PartKind::Notice;
                }
                parts.push(Part {
                    kind,
                    start: nodes[i].span.start,
                    number: if kind == PartKind::Attachment {
                        attachments
                    } else {
                        0
                    },
                });
                seen_roots.clear();
            }
            seen_roots.push(nodes[i].style());
        }
        nodes[i].part = (parts.len() - 1) as u32;
    }
    parts
}

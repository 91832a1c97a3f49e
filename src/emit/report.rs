//! A self-contained HTML report: the document with an outline to navigate by, each
//! clause's units coloured by role, targets with their normalized value on hover,
//! each diagnostic marked where it is, and a summary on top. No network: styles and
//! the one small script are inline; every piece of document text is escaped.

use crate::model::{Document, Kind, NodeId, Quantity, Role, Severity};
use std::collections::BTreeSet;
use std::fmt::Write;

/// HTML-escapes text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A marked range of the text: CSS classes, a hover text, an anchor.
struct Mark {
    range: std::ops::Range<usize>,
    class: &'static str,
    title: String,
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

const STYLE: &str = r#"
:root{--lead:#b3261e;--resp:#0b57d0;--sup:#146c2e;--target:#fff2b3;--bg:#fff;--fg:#1f1f1f;--muted:#5f6368}
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 "Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif;color:var(--fg);background:var(--bg)}
header{padding:1rem 1.25rem;border-bottom:1px solid #ddd}
header h1{font-size:1.35rem;margin:.2rem 0}
.meta{color:var(--muted);font-size:.9rem}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0 0;padding:0;list-style:none}
.summary li{border:1px solid #ddd;border-radius:6px;padding:.15rem .55rem;font-size:.9rem}
.legend span{margin-right:.8rem}
.layout{display:grid;grid-template-columns:minmax(14rem,22rem) 1fr}
nav{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:1rem;border-right:1px solid #eee;font-size:.9rem}
nav ul{list-style:none;margin:0;padding-left:.9rem}
nav>ul{padding-left:0}
nav a{color:inherit;text-decoration:none}
nav a:hover{text-decoration:underline}
nav .chapter>a{font-weight:bold}
main{padding:1rem 1.25rem;max-width:52rem}
.text{white-space:pre-wrap;word-break:break-word}
.label{font-weight:bold}
.kind-chapter{font-size:1.12em}
.lead{color:var(--lead);font-weight:bold;border-bottom:2px solid var(--lead)}
.responsible{color:var(--resp);border-bottom:2px solid var(--resp)}
.support{color:var(--sup);border-bottom:2px dotted var(--sup)}
.clause{background:#f3f6fc}
.quantity{border-bottom:1px dashed #999}
.target{background:var(--target)}
.diag{outline:2px solid #d93025;outline-offset:1px;background:#fce8e6}
.diag.warning{outline-color:#e37400;background:#fef7e0}
.diag.info{outline-color:#9aa0a6;background:#f1f3f4}
.skipped{color:#9aa0a6}
.diagnostics{margin:.75rem 0 0;padding-left:1.2rem;font-size:.9rem}
.diagnostics .error{color:#b3261e}
.diagnostics .warning{color:#b06000}
@media (max-width:760px){.layout{grid-template-columns:1fr}nav{position:static;max-height:none;border-right:0;border-bottom:1px solid #eee}}
@media print{nav{display:none}.layout{display:block}main{max-width:none}a{color:inherit;text-decoration:none}.target{background:none;text-decoration:underline}}
"#;

/// The report of `doc` as one HTML page.
pub fn render(doc: &Document) -> String {
    let (marks, anchors) = marks(doc);
    let body = marked_text(&doc.text, marks, anchors);
    let mut outline = String::new();
    nav(doc, &doc.roots, &mut outline);
    page(doc, &summary(doc), &diagnostic_list(doc), &outline, &body)
}

/// What the text is marked with: labels, clauses and their units by role, quantities,
/// diagnostics and skipped text; and the anchors of nodes and diagnostics.
fn marks(doc: &Document) -> (Vec<Mark>, Vec<(usize, String)>) {
    let text = &doc.text;
    let mut marks: Vec<Mark> = Vec::new();
    let mut anchors: Vec<(usize, String)> = Vec::new();
    for (i, n) in doc.nodes.iter().enumerate() {
        anchors.push((n.span.start, format!("n{i}")));
        marks.push(Mark {
            range: n.label_range(),
            class: "label",
            title: String::new(),
        });
        for c in n.clauses.iter() {
            marks.push(Mark {
                range: c.range.clone(),
                class: "clause",
                title: "responsibility clause".into(),
            });
            // Each unit, found in the clause text in document order.
            let mut from = c.range.start;
            let mut units: Vec<(Role, &str)> = c
                .units
                .iter()
                .map(|u| (u.role, &*doc.unit(u.unit).name))
                .collect();
            units.sort_by_key(|(_, name)| text[c.range.clone()].find(name).unwrap_or(usize::MAX));
            for (role, name) in units {
                if let Some(k) = text[from..c.range.end].find(name) {
                    let start = from + k;
                    let (class, word) = match role {
                        Role::Lead => ("lead", "lead (牵头)"),
                        Role::Responsible => ("responsible", "responsible (负责)"),
                        Role::Support => ("support", "support (配合)"),
                    };
                    marks.push(Mark {
                        range: start..start + name.len(),
                        class,
                        title: word.into(),
                    });
                    from = start + name.len();
                }
            }
        }
        for q in n.quantities.iter() {
            marks.push(Mark {
                range: q.range.clone(),
                class: if q.target { "target" } else { "quantity" },
                title: quantity_title(doc, q),
            });
        }
    }
    for (k, d) in doc.diagnostics.iter().enumerate() {
        let r = if d.range.is_empty() {
            d.range.start
                ..(d.range.start
                    + text[d.range.start..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8))
        } else {
            d.range.clone()
        };
        let class = match d.severity {
            Severity::Error => "diag error",
            Severity::Warning => "diag warning",
            Severity::Info => "diag info",
        };
        marks.push(Mark {
            range: r,
            class,
            title: format!("{}[{}]: {}", d.severity, d.code, d.message),
        });
        anchors.push((d.range.start, format!("d{k}")));
    }
    for s in &doc.skipped {
        marks.push(Mark {
            range: s.range.clone(),
            class: "skipped",
            title: format!("skipped: {}", s.reason),
        });
    }
    (marks, anchors)
}

/// What hovering over a quantity shows: its normalized value, bounds and deadline.
fn quantity_title(doc: &Document, q: &Quantity) -> String {
    let mut title = format!("{} {} ({})", fmt_value(q.value), q.unit, q.qualifier);
    if let (Some(a), Some(b)) = (q.min, q.max) {
        let _ = write!(title, " {}–{}", fmt_value(a), fmt_value(b));
    }
    if let (Some(a), Some(b)) = (q.from, q.to) {
        let _ = write!(title, " from {} to {}", fmt_value(a), fmt_value(b));
    }
    if let Some(d) = &q.deadline {
        let _ = write!(title, ", by {}", doc.slice(d));
    }
    if q.target {
        title.insert_str(0, "target: ");
    }
    title
}

/// The text as HTML, split at every boundary of a mark or an anchor; each piece carries
/// the marks that cover it.
fn marked_text(text: &str, mut marks: Vec<Mark>, mut anchors: Vec<(usize, String)>) -> String {
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    cuts.insert(0);
    cuts.insert(text.len());
    for m in &marks {
        cuts.insert(m.range.start.min(text.len()));
        cuts.insert(m.range.end.min(text.len()));
    }
    for (a, _) in &anchors {
        cuts.insert(*a);
    }
    let cuts: Vec<usize> = cuts
        .into_iter()
        .filter(|&c| text.is_char_boundary(c))
        .collect();
    marks.sort_by_key(|m| m.range.start);
    anchors.sort();
    let mut body = String::with_capacity(text.len() * 2);
    let mut active: Vec<usize> = Vec::new();
    let mut next_mark = 0;
    let mut next_anchor = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next_anchor < anchors.len() && anchors[next_anchor].0 <= a {
            let _ = write!(body, "<a id=\"{}\"></a>", anchors[next_anchor].1);
            next_anchor += 1;
        }
        while next_mark < marks.len() && marks[next_mark].range.start <= a {
            active.push(next_mark);
            next_mark += 1;
        }
        active.retain(|&m| marks[m].range.end > a);
        let piece = escape(&text[a..b]);
        let covering: Vec<&Mark> = active
            .iter()
            .map(|&m| &marks[m])
            .filter(|m| m.range.start <= a && m.range.end >= b)
            .collect();
        if covering.is_empty() {
            body.push_str(&piece);
        } else {
            let classes: Vec<&str> = covering.iter().map(|m| m.class).collect();
            let titles: Vec<&str> = covering
                .iter()
                .map(|m| m.title.as_str())
                .filter(|t| !t.is_empty())
                .collect();
            let _ = write!(
                body,
                "<span class=\"{}\" title=\"{}\">{}</span>",
                classes.join(" "),
                escape(&titles.join(" · ")),
                piece
            );
        }
    }
    while next_anchor < anchors.len() {
        let _ = write!(body, "<a id=\"{}\"></a>", anchors[next_anchor].1);
        next_anchor += 1;
    }
    body
}

/// The outline to navigate by: a nested list of links to the nodes.
fn nav(doc: &Document, ids: &[NodeId], out: &mut String) {
    out.push_str("<ul>");
    for &i in ids {
        let n = doc.node(i);
        let _ = write!(
            out,
            "<li class=\"{}\"><a href=\"#n{}\">{} {}</a>",
            n.kind(),
            i.index(),
            escape(doc.slice(&n.label_range())),
            escape(n.title(&doc.text))
        );
        if !n.children.is_empty() {
            nav(doc, &n.children, out);
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// The counts at the top of the page.
fn summary(doc: &Document) -> String {
    let count = |k: Kind| doc.nodes.iter().filter(|n| n.kind() == k).count();
    let units: BTreeSet<&str> = doc
        .nodes
        .iter()
        .flat_map(|n| n.clauses.iter().flat_map(|c| c.units.iter()))
        .map(|u| &*doc.unit(u.unit).name)
        .collect();
    let targets = doc
        .nodes
        .iter()
        .flat_map(|n| n.quantities.iter())
        .filter(|q| q.target)
        .count();
    let severity = |s: Severity| doc.diagnostics.iter().filter(|d| d.severity == s).count();
    format!(
        "<li>{} chapters</li><li>{} sections</li><li>{} items</li><li>{} articles</li><li>{} units</li><li>{targets} targets</li><li>{} errors</li><li>{} warnings</li>",
        count(Kind::Chapter),
        count(Kind::Section),
        count(Kind::Item),
        count(Kind::Article),
        units.len(),
        severity(Severity::Error),
        severity(Severity::Warning),
    )
}

/// The diagnostics listed under the summary, each linked to its place.
fn diagnostic_list(doc: &Document) -> String {
    let mut list = String::new();
    for (k, d) in doc.diagnostics.iter().enumerate() {
        let _ = write!(
            list,
            "<li class=\"{}\"><a href=\"#d{k}\">line {}</a>: {}[{}] {}{}</li>",
            d.severity,
            doc.line(d.range.start),
            d.severity,
            d.code,
            escape(&d.message),
            d.suggestion
                .as_deref()
                .map(|s| format!(" — {}", escape(s)))
                .unwrap_or_default()
        );
    }
    list
}

/// The page around its parts.
fn page(doc: &Document, summary: &str, diag_list: &str, outline: &str, body: &str) -> String {
    let title = doc.meta.title.clone().unwrap_or_else(|| {
        doc.source
            .path
            .clone()
            .unwrap_or_else(|| "gongwen report".into())
    });
    let mut meta = Vec::new();
    if let Some(d) = &doc.meta.doc_number {
        meta.push(escape(&d.text));
    }
    if let Some(d) = &doc.meta.date {
        meta.push(escape(d));
    }
    if let Some(p) = &doc.source.path {
        meta.push(escape(p));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"gongwen {version}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n<div class=\"meta\">{meta}</div>\n<ul class=\"summary\" id=\"summary\">{summary}</ul>\n<p class=\"legend meta\"><span class=\"lead\">lead 牵头</span><span class=\"responsible\">responsible 负责</span><span class=\"support\">support 配合</span><span class=\"target\">target</span><span class=\"diag error\">diagnostic</span></p>\n<ol class=\"diagnostics\">{diag_list}</ol>\n</header>\n<div class=\"layout\">\n<nav aria-label=\"outline\">{outline}</nav>\n<main><div class=\"text\">{body}</div></main>\n</div>\n<script>(function(){{var b=document.body.dataset;b.chapters=document.querySelectorAll('nav li.chapter').length;b.items=document.querySelectorAll('nav li.item').length;b.diagnostics=document.querySelectorAll('main .diag').length;}})();</script>\n</body>\n</html>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = escape(&title),
        meta = meta.join(" · "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_document_text() {
        let doc = crate::parse_text(
            "一、<script>alert(1)</script>\n1.做好“A&B”。（省商务厅负责）\n",
            &crate::Options::default(),
        );
        let html = render(&doc);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&amp;B"));
        assert!(html.contains("class=\"clause responsible\""));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no network"
        );
    }
}

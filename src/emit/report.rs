//! A self-contained HTML report for the people who check a draft, answering three
//! questions at a glance: the numbering and form problems (linked to their places), who
//! does what (each unit's tasks by role, the data of `departments`), and which targets are
//! set (value, unit, bound, deadline and task, in a table that a phone and a printout show
//! as well as a screen). Below them the document itself, with an outline to navigate by,
//! owners coloured by role and targets marked. Every word the page says is in the
//! catalogues (`data/messages/`), in the language asked for; no network (styles and the
//! one small script are inline); every piece of document text is escaped. The page names
//! the input by its file name, never by a local absolute path.

use super::ledger;
use crate::lexicon::messages::say_args;
use crate::model::{Document, Kind, Lang, NodeId, Qualifier, Quantity, Role, Severity};
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

/// A marked range of the text: CSS classes, a hover text.
struct Mark {
    range: std::ops::Range<usize>,
    class: &'static str,
    title: String,
}

/// A place the text can be linked to; `block` starts a new line on the page when the
/// text has none there (a heading run into the line before, a document on one line).
struct Anchor {
    at: usize,
    id: String,
    block: bool,
}

/// A value for people: whole numbers with their thousands grouped (`100,000,000,000`).
fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        let digits = (v as i64).unsigned_abs().to_string();
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
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
h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.meta{color:var(--muted);font-size:.9rem}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0 0;padding:0;list-style:none}
.summary li{border:1px solid #ddd;border-radius:6px;padding:.15rem .55rem;font-size:.9rem}
.summary .bad{border-color:#d93025;color:#b3261e}
.legend span{margin-right:.8rem}
.answers{padding:0 1.25rem 1rem;border-bottom:1px solid #ddd}
.answers section{max-width:64rem}
.problems{margin:.25rem 0;padding-left:1.2rem}
.problems .error{color:#b3261e}
.problems .warning{color:#b06000}
.problems .fix{color:var(--muted)}
.none{color:var(--muted)}
table.data{border-collapse:collapse;width:100%;font-size:.92rem}
table.data th,table.data td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}
table.data th{background:#f5f5f5;font-weight:bold}
table.data td.num{white-space:nowrap}
table.data ul{margin:0;padding-left:1.1rem}
table.data a{color:inherit}
.tasklabel{font-weight:bold;white-space:nowrap}
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
@media (max-width:760px){.layout{grid-template-columns:1fr}nav{position:static;max-height:none;border-right:0;border-bottom:1px solid #eee}
table.data,table.data tbody,table.data tr,table.data td{display:block;width:100%}
table.data thead{display:none}
table.data tr{border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.25rem .4rem}
table.data td{border:0;padding:.15rem 0}
table.data td:empty{display:none}
table.data td::before{content:attr(data-label) "：";color:var(--muted);font-weight:normal}}
@media print{nav{display:none}.layout{display:block}main{max-width:none}a{color:inherit;text-decoration:none}.target{background:none;text-decoration:underline}
table.data tr{break-inside:avoid}.answers{border:0}}
"#;

/// Says a message of the catalogues in `lang`.
macro_rules! t {
    ($lang:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        escape(&say_args!($lang, $id $(, $k = $v)*))
    };
}

/// The report of `doc` as one HTML page, in `lang`.
pub fn render(doc: &Document, lang: Lang) -> String {
    let (marks, anchors) = marks(doc, lang);
    let body = marked_text(&doc.text, marks, anchors);
    let mut outline = String::new();
    nav(doc, &doc.roots, &mut outline);
    // The units and targets are gathered once: the summary counts what the tables show.
    let facts = Facts::of(doc);
    let answers = format!(
        "{}{}{}",
        problems(doc, lang),
        who_does_what(doc, &facts.departments, lang),
        targets_table(doc, &facts.targets, lang)
    );
    let title = escape(&title_of(doc, lang));
    let mut meta = Vec::new();
    if let Some(d) = &doc.meta.doc_number {
        meta.push(escape(&d.text));
    }
    if let Some(d) = &doc.meta.date {
        meta.push(escape(d));
    }
    if let Some(p) = file_name(doc) {
        meta.push(escape(&p));
    }
    let content = format!(
        "<header>\n<h1>{title}</h1>\n<div class=\"meta\">{meta}</div>\n<ul class=\"summary\" id=\"summary\">{summary}</ul>\n</header>\n<div class=\"answers\">{answers}</div>\n<div class=\"layout\">\n<nav aria-label=\"{outline_word}\">{outline}</nav>\n<main><h2 id=\"document\">{document}</h2>\n<p class=\"legend meta\"><span class=\"lead\">{lead}</span><span class=\"responsible\">{resp}</span><span class=\"support\">{sup}</span><span class=\"target\">{target}</span><span class=\"diag error\">{problem}</span></p>\n<div class=\"text\">{body}</div></main>\n</div>",
        meta = meta.join(" · "),
        summary = summary(doc, &facts, lang),
        outline_word = t!(lang, "report-outline"),
        document = t!(lang, "report-document"),
        lead = t!(lang, "report-role", role = "lead"),
        resp = t!(lang, "report-role", role = "responsible"),
        sup = t!(lang, "report-role", role = "support"),
        target = t!(lang, "report-legend-target"),
        problem = t!(lang, "report-legend-problem"),
    );
    page(lang, &title, &content, SCRIPT)
}

/// A whole page: the head with its styles, `content`, and the script that counts.
fn page(lang: Lang, title: &str, content: &str, script: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"gongwen {version}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{content}\n<script>{script}</script>\n</body>\n</html>\n",
        html_lang = if lang == Lang::Zh { "zh-CN" } else { "en" },
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// What the page counts for its tests and for scripts: what the browser built.
const SCRIPT: &str = "(function(){var b=document.body.dataset,q=function(s){return document.querySelectorAll(s).length};b.chapters=q('nav li.chapter');b.items=q('nav li.item');b.diagnostics=q('main .text .diag');b.problems=q('#problems li');b.units=q('#who tbody tr');b.targets=q('#targets tbody tr');})();";

/// The input's file name (never the directory it was read from), if it has one.
fn file_name(doc: &Document) -> Option<String> {
    let p = doc.source.path.as_deref()?;
    let name = std::path::Path::new(p).file_name()?.to_string_lossy();
    (name != "-").then(|| name.into_owned())
}

/// The page's title: the document's, else its file name, else the report's.
fn title_of(doc: &Document, lang: Lang) -> String {
    doc.meta
        .title
        .clone()
        .or_else(|| file_name(doc))
        .unwrap_or_else(|| say_args!(lang, "report-title"))
}

/// What the text is marked with: labels, clauses and their units by role, quantities,
/// diagnostics and skipped text; and the anchors of nodes and diagnostics.
fn marks(doc: &Document, lang: Lang) -> (Vec<Mark>, Vec<Anchor>) {
    let text = &doc.text;
    let mut marks: Vec<Mark> = Vec::new();
    let mut anchors: Vec<Anchor> = Vec::new();
    let clause_word = say_args!(lang, "report-clause");
    for (i, n) in doc.nodes.iter().enumerate() {
        anchors.push(Anchor {
            at: n.span.start,
            id: format!("n{i}"),
            block: n.span.start > 0 && !text[..n.span.start].ends_with('\n'),
        });
        marks.push(Mark {
            range: n.label_range(),
            class: "label",
            title: String::new(),
        });
        for c in n.clauses.iter() {
            marks.push(Mark {
                range: c.range.clone(),
                class: "clause",
                title: clause_word.clone(),
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
                    marks.push(Mark {
                        range: start..start + name.len(),
                        class: role.as_str(),
                        title: say_args!(lang, "report-role", role = role.as_str()),
                    });
                    from = start + name.len();
                }
            }
        }
        for q in n.quantities.iter() {
            marks.push(Mark {
                range: q.range.clone(),
                class: if q.target { "target" } else { "quantity" },
                title: quantity_title(doc, q, lang),
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
            title: format!(
                "{}[{}]: {}",
                say_args!(lang, "report-severity", severity = d.severity.as_str()),
                d.code,
                d.message
            ),
        });
        anchors.push(Anchor {
            at: d.range.start,
            id: format!("d{k}"),
            block: false,
        });
    }
    for s in &doc.skipped {
        marks.push(Mark {
            range: s.range.clone(),
            class: "skipped",
            title: say_args!(lang, "report-skipped", reason = s.reason.as_str()),
        });
    }
    (marks, anchors)
}

/// A quantity's normalized value as a person reads it: `30000`, `3–5`, `36 → 24`,
/// `2:2:4:2`.
fn value_text(q: &Quantity) -> String {
    match q.qualifier {
        Qualifier::Ratio if !q.parts.is_empty() => q
            .parts
            .iter()
            .map(|&p| fmt_value(p))
            .collect::<Vec<_>>()
            .join(":"),
        Qualifier::Range => match (q.min(), q.max()) {
            (Some(a), Some(b)) => format!("{}–{}", fmt_value(a), fmt_value(b)),
            _ => fmt_value(q.value),
        },
        Qualifier::Change => match (q.from(), q.to()) {
            (Some(a), Some(b)) => format!("{} → {}", fmt_value(a), fmt_value(b)),
            _ => fmt_value(q.value),
        },
        _ => fmt_value(q.value),
    }
}

/// A quantity's deadline: as written, with its date when one is known.
fn deadline_text(doc: &Document, q: &Quantity) -> String {
    let Some(d) = &q.deadline else {
        return String::new();
    };
    let written = doc.slice(d);
    match crate::recognize::date::deadline_date(written, doc.year()) {
        Some(date) => format!("{written}（{date}）"),
        None => written.to_string(),
    }
}

/// What hovering over a quantity shows: its normalized value, bound and deadline (the
/// targets table shows the same without hovering).
fn quantity_title(doc: &Document, q: &Quantity, lang: Lang) -> String {
    let mut title = format!(
        "{} {} ({})",
        value_text(q),
        q.unit,
        say_args!(lang, "qualifier", qualifier = q.qualifier.as_str())
    );
    let d = deadline_text(doc, q);
    if !d.is_empty() {
        let _ = write!(title, " · {d}");
    }
    if q.target {
        title = format!("{}: {title}", say_args!(lang, "report-legend-target"));
    }
    title
}

/// The text as HTML, split at every boundary of a mark or an anchor; each piece carries
/// the marks that cover it.
fn marked_text(text: &str, mut marks: Vec<Mark>, mut anchors: Vec<Anchor>) -> String {
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    cuts.insert(0);
    cuts.insert(text.len());
    for m in &marks {
        cuts.insert(m.range.start.min(text.len()));
        cuts.insert(m.range.end.min(text.len()));
    }
    for a in &anchors {
        cuts.insert(a.at.min(text.len()));
    }
    let cuts: Vec<usize> = cuts
        .into_iter()
        .filter(|&c| text.is_char_boundary(c))
        .collect();
    marks.sort_by_key(|m| m.range.start);
    anchors.sort_by_key(|a| a.at);
    let mut body = String::with_capacity(text.len() * 2);
    let mut active: Vec<usize> = Vec::new();
    let mut next_mark = 0;
    let mut next_anchor = 0;
    let put_anchor = |body: &mut String, a: &Anchor| {
        if a.block {
            body.push('\n');
        }
        let _ = write!(body, "<a id=\"{}\"></a>", a.id);
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next_anchor < anchors.len() && anchors[next_anchor].at <= a {
            put_anchor(&mut body, &anchors[next_anchor]);
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
        put_anchor(&mut body, &anchors[next_anchor]);
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

/// The targets of a document with the node each is in (None: the preamble), in order.
fn targets(doc: &Document) -> Vec<(Option<NodeId>, &Quantity)> {
    let preamble = doc.preamble.iter().flat_map(|p| p.quantities.iter());
    preamble
        .map(|q| (None, q))
        .chain(
            doc.node_ids()
                .flat_map(|i| doc.node(i).quantities.iter().map(move |q| (Some(i), q))),
        )
        .filter(|(_, q)| q.target)
        .collect()
}

/// What a document's page shows and its row of an index counts, gathered once.
struct Facts<'a> {
    /// Each unit with its tasks by role (the data of `departments`).
    departments: Vec<ledger::Department>,
    /// The targets with the nodes they are in.
    targets: Vec<(Option<NodeId>, &'a Quantity)>,
    /// How many tasks the ledger lists.
    tasks: usize,
    errors: usize,
    warnings: usize,
}

impl<'a> Facts<'a> {
    fn of(doc: &'a Document) -> Facts<'a> {
        let severity = |s: Severity| doc.diagnostics.iter().filter(|d| d.severity == s).count();
        Facts {
            departments: ledger::departments(doc),
            targets: targets(doc),
            tasks: ledger::tasks(doc).len(),
            errors: severity(Severity::Error),
            warnings: severity(Severity::Warning),
        }
    }
}

/// The counts at the top of the page.
fn summary(doc: &Document, c: &Facts, lang: Lang) -> String {
    let count = |k: Kind| doc.nodes.iter().filter(|n| n.kind() == k).count();
    let mut out = String::new();
    for (what, n) in [
        ("chapters", count(Kind::Chapter)),
        ("sections", count(Kind::Section)),
        ("items", count(Kind::Item)),
        ("articles", count(Kind::Article)),
    ] {
        if n > 0 {
            let _ = write!(
                out,
                "<li>{}</li>",
                t!(lang, "report-count", what = what, n = n)
            );
        }
    }
    for (what, n, href) in [
        ("tasks", c.tasks, "#who"),
        ("units", c.departments.len(), "#who"),
        ("targets", c.targets.len(), "#targets"),
        ("errors", c.errors, "#problems"),
        ("warnings", c.warnings, "#problems"),
    ] {
        let bad = matches!(what, "errors" | "warnings") && n > 0;
        let _ = write!(
            out,
            "<li{}><a href=\"{href}\">{}</a></li>",
            if bad { " class=\"bad\"" } else { "" },
            t!(lang, "report-count", what = what, n = n)
        );
    }
    out
}

/// The numbering and form problems, each linked to its place.
fn problems(doc: &Document, lang: Lang) -> String {
    let mut out = format!(
        "<section id=\"problems\"><h2>{}</h2>",
        t!(lang, "report-problems")
    );
    if doc.diagnostics.is_empty() {
        let _ = write!(
            out,
            "<p class=\"none\">{}</p>",
            t!(lang, "report-no-problems")
        );
    } else {
        out.push_str("<ol class=\"problems\">");
        for (k, d) in doc.diagnostics.iter().enumerate() {
            let _ = write!(
                out,
                "<li class=\"{sev}\"><a href=\"#d{k}\">{line}</a> {word}{message}{fix} <code>{code}</code></li>",
                sev = d.severity,
                line = t!(lang, "report-line", line = doc.line(d.range.start)),
                word = t!(lang, "report-severity-head", severity = d.severity.as_str()),
                message = escape(&d.message),
                fix = d
                    .suggestion
                    .as_deref()
                    .map(|s| format!(" <span class=\"fix\">— {}</span>", escape(s)))
                    .unwrap_or_default(),
                code = d.code,
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("</section>");
    out
}

/// A task as a link to its place: its label path and (a short form of) its title.
fn task_link(doc: &Document, i: NodeId) -> String {
    let n = doc.node(i);
    let title: String = {
        let t = n.title(&doc.text);
        let mut s: String = t.chars().take(40).collect();
        if t.chars().count() > 40 {
            s.push('…');
        }
        s
    };
    format!(
        "<a href=\"#n{}\"><span class=\"tasklabel\">{}</span> {}</a>",
        i.index(),
        escape(&doc.path(i)),
        escape(&title)
    )
}

/// Each unit with the tasks it leads, is responsible for and supports.
fn who_does_what(doc: &Document, deps: &[ledger::Department], lang: Lang) -> String {
    let mut out = format!("<section id=\"who\"><h2>{}</h2>", t!(lang, "report-who"));
    if deps.is_empty() {
        let _ = write!(
            out,
            "<p class=\"none\">{}</p></section>",
            t!(lang, "report-no-units")
        );
        return out;
    }
    let unit = t!(lang, "report-unit");
    let roles = [Role::Lead, Role::Responsible, Role::Support]
        .map(|r| t!(lang, "report-role", role = r.as_str()));
    let _ = write!(
        out,
        "<table class=\"data\"><thead><tr><th>{unit}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        roles[0], roles[1], roles[2]
    );
    for d in deps {
        // The canonical name; below it the place and the names it was written under.
        let mut name = escape(&d.unit);
        let below: Vec<&str> = d
            .region
            .iter()
            .chain(d.names.iter().filter(|n| **n != d.unit))
            .map(String::as_str)
            .collect();
        if !below.is_empty() {
            let _ = write!(
                name,
                "<br><span class=\"meta\">{}</span>",
                escape(&below.join(" · "))
            );
        }
        let _ = write!(out, "<tr><td data-label=\"{unit}\">{name}</td>");
        for (k, list) in [&d.lead, &d.responsible, &d.support]
            .into_iter()
            .enumerate()
        {
            let _ = write!(out, "<td data-label=\"{}\">", roles[k]);
            if !list.is_empty() {
                out.push_str("<ul>");
                for r in list {
                    let _ = write!(out, "<li>{}</li>", task_link(doc, r.node));
                }
                out.push_str("</ul>");
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></section>");
    out
}

/// The targets with their normalized values, bounds, deadlines and tasks.
fn targets_table(doc: &Document, list: &[(Option<NodeId>, &Quantity)], lang: Lang) -> String {
    let mut out = format!(
        "<section id=\"targets\"><h2>{}</h2>",
        t!(lang, "report-targets")
    );
    if list.is_empty() {
        let _ = write!(
            out,
            "<p class=\"none\">{}</p></section>",
            t!(lang, "report-no-targets")
        );
        return out;
    }
    let heads = [
        t!(lang, "report-target-text"),
        t!(lang, "report-value"),
        t!(lang, "report-measure"),
        t!(lang, "report-qualifier"),
        t!(lang, "report-deadline"),
        t!(lang, "report-task"),
    ];
    out.push_str("<table class=\"data\"><thead><tr>");
    for h in &heads {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for &(node, q) in list {
        let task = match node {
            Some(i) => task_link(doc, i),
            None => t!(lang, "report-preamble"),
        };
        let cells = [
            escape(doc.slice(&q.range)),
            escape(&value_text(q)),
            escape(&q.unit),
            t!(lang, "qualifier", qualifier = q.qualifier.as_str()),
            escape(&deadline_text(doc, q)),
            task,
        ];
        out.push_str("<tr>");
        for (k, (h, c)) in heads.iter().zip(cells).enumerate() {
            let class = if k == 1 { " class=\"num\"" } else { "" };
            let _ = write!(out, "<td{class} data-label=\"{h}\">{c}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></section>");
    out
}

/// A document of an index: the page it is on (relative to the index), the name it is
/// shown by, and the document or why it could not be read.
pub struct Entry<'a> {
    /// The document's page, relative to the index page.
    pub href: String,
    /// The name it is shown by (its path as given, relative to the folder read).
    pub name: String,
    /// The document, or the reason it could not be read.
    pub doc: Result<&'a Document, String>,
}

/// The index page of a folder's reports: one row per document with its problems, tasks,
/// units and targets, linked to its page.
pub fn index(entries: &[Entry], lang: Lang) -> String {
    let title = t!(lang, "report-title");
    let heads = [
        t!(lang, "report-file"),
        t!(lang, "report-doc-title"),
        t!(lang, "report-problem-count"),
        t!(lang, "report-column", what = "tasks"),
        t!(lang, "report-column", what = "units"),
        t!(lang, "report-column", what = "targets"),
    ];
    let mut rows = String::new();
    for e in entries {
        let _ = write!(
            rows,
            "<tr><td data-label=\"{}\"><a href=\"{}\">{}</a></td>",
            heads[0],
            escape(&e.href),
            escape(&e.name)
        );
        match &e.doc {
            Ok(doc) => {
                let c = Facts::of(doc);
                let problems = if c.errors + c.warnings == 0 {
                    "0".to_string()
                } else {
                    format!(
                        "<a href=\"{}#problems\">{}、{}</a>",
                        escape(&e.href),
                        t!(lang, "report-count", what = "errors", n = c.errors),
                        t!(lang, "report-count", what = "warnings", n = c.warnings)
                    )
                };
                let cells = [
                    doc.meta
                        .title
                        .as_deref()
                        .map_or_else(|| "<span class=\"none\">—</span>".into(), escape),
                    problems,
                    c.tasks.to_string(),
                    c.departments.len().to_string(),
                    c.targets.len().to_string(),
                ];
                for (h, c) in heads[1..].iter().zip(cells) {
                    let _ = write!(rows, "<td data-label=\"{h}\">{c}</td>");
                }
            }
            Err(reason) => {
                let _ = write!(
                    rows,
                    "<td colspan=\"5\" class=\"problems error\">{}</td>",
                    t!(lang, "report-unreadable", reason = reason.as_str())
                );
            }
        }
        rows.push_str("</tr>");
    }
    let mut head_row = String::new();
    for h in &heads {
        let _ = write!(head_row, "<th>{h}</th>");
    }
    let content = format!(
        "<header>\n<h1>{title}</h1>\n<div class=\"meta\">{count}</div>\n</header>\n<div class=\"answers\"><table class=\"data\" id=\"index\"><thead><tr>{head_row}</tr></thead><tbody>{rows}</tbody></table></div>",
        count = t!(lang, "report-index", count = entries.len()),
    );
    page(
        lang,
        &title,
        &content,
        "document.body.dataset.documents=document.querySelectorAll('#index tbody tr').length;",
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
        let html = render(&doc, Lang::En);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&amp;B"));
        assert!(html.contains("class=\"clause responsible\""));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no network"
        );
    }

    #[test]
    fn answers_who_does_what_and_which_targets_without_hovering() {
        let text = "一、总体要求\n1.到2025年底，新增充电桩1000个以上。（省能源局牵头，省财政厅配合）\n2.培育龙头企业。（省工信厅负责）\n";
        let mut doc = crate::parse_text(text, &crate::Options::default().with_lang(Lang::Zh));
        doc.source.path = Some("/home/someone/drafts/计划.txt".into());
        let html = render(&doc, Lang::Zh);
        let who = &html[html.find("id=\"who\"").unwrap()..html.find("id=\"targets\"").unwrap()];
        // Each unit is a row; its tasks are in the column of its role, linked to the task.
        let row = |unit: &str| {
            let at = who
                .find(&format!("<td data-label=\"单位\">{unit}"))
                .unwrap();
            &who[at..at + who[at..].find("</tr>").unwrap()]
        };
        let energy = row("省能源局");
        assert!(energy.contains("<td data-label=\"牵头\"><ul><li><a href=\"#n1\">"));
        assert!(energy.contains("<td data-label=\"配合\"></td>"));
        assert!(row("省财政厅").contains("<td data-label=\"配合\"><ul><li><a href=\"#n1\">"));
        assert!(row("省工信厅").contains("<td data-label=\"负责\"><ul><li><a href=\"#n2\">"));
        // The target's value, bound and deadline are cells, not tooltips.
        let targets = &html[html.find("id=\"targets\"").unwrap()..];
        assert!(targets.contains("<td class=\"num\" data-label=\"数值\">1,000</td>"));
        assert!(targets.contains(">不少于（含本数）</td>"));
        assert!(targets.contains("2025年底"), "{targets}");
        // The file by its name only; the page in Chinese.
        assert!(html.contains("计划.txt") && !html.contains("/home/someone"));
        assert!(html.contains("<html lang=\"zh-CN\">") && html.contains("责任分工"));
        assert!(!html.contains("Who does what"));
    }

    #[test]
    fn a_heading_run_into_a_line_starts_a_line_on_the_page() {
        // 二、 is read although it is run into the paragraph before (the numbering has a
        // gap without it); on the page it starts a line, the text itself unchanged.
        let text = "一、总体要求\n坚持问题导向。二、主要任务。做好甲。\n三、保障措施\n加强领导。\n";
        let doc = crate::parse_text(text, &crate::Options::default());
        assert_eq!(doc.nodes.len(), 3);
        let html = render(&doc, Lang::En);
        let body = &html[html.find("<div class=\"text\">").unwrap()..];
        assert!(body.contains("坚持问题导向。\n<a id=\"n1\"></a>"), "{body}");
        assert_eq!(body.matches("\n<a id=\"n").count(), 2, "{body}");
    }
}

//! Web pages: the article of a saved government page as text, with the page's
//! navigation set aside and its information table read.
//!
//! Takes the decoded page; parses it with html5ever (through scraper), finds the article
//! by the content selectors of the lexicon (`data/lexicon/html_content.txt`, the
//! containers government CMSs use) or, failing them, by the element with the most
//! paragraph text; renders it with line breaks where a reader sees them (paragraphs,
//! `<br>`, `<div>`, `<li>`, table rows; table cells separated by tabs, one row a line).
//! The rest of the page follows the article in the text, set aside as `chrome`, so that
//! every position points into one text and nothing is dropped; the labels of its
//! information table (索引号, 发文字号, 成文日期…) are read from it.

use crate::lexicon::{Lexicon, PageField};
use crate::model::{Attachment, PageMeta, SkipReason, Skipped};
use crate::text::is_han;
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};
use std::borrow::Cow;

/// Elements whose content is never text a reader sees.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "select",
    "canvas", "map",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
    "title",
];

/// A container holds the article when it has at least this many characters of text.
const ARTICLE_CHARS: usize = 20;

/// Cells of one row read for labels.
const MAX_LABEL_CELLS: usize = 64;

/// A label of a page's information table has at most this many characters.
const LONGEST_LABEL: usize = 6;

/// What the page gives: the text, where the set-aside part starts, what was set aside,
/// and what the page says about the document.
pub(crate) struct Page {
    pub(crate) text: String,
    /// How many tags past the cap of [`MIN_ELEMENTS`] were left out before parsing
    /// (with the comments and scripts after them).
    pub(crate) many: usize,
    /// How many tags past [`MAX_DEPTH`] were left out before parsing.
    pub(crate) flattened: usize,
    pub(crate) tail: usize,
    pub(crate) set_aside: Vec<Skipped>,
    pub(crate) meta: PageMeta,
}

/// Whether bytes look like a web page: markup at the start (after a BOM and white space).
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|x| !x.is_ascii_whitespace())
        .unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 2048)].to_ascii_lowercase();
    let opens = |p: &[u8]| head.starts_with(p);
    let has = |p: &[u8]| head.windows(p.len()).any(|w| w == p);
    opens(b"<!doctype html")
        || opens(b"<html")
        || ((opens(b"<?xml") || opens(b"<!--") || opens(b"<meta") || opens(b"<head"))
            && (has(b"<html") || has(b"<body")))
}

/// The encoding a page declares in its first bytes (`<meta charset="gb2312">`, or
/// `content="text/html; charset=gbk"`).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'))
        .unwrap_or(rest.len());
    let e = encoding_rs::Encoding::for_label(&rest[..end])?;
    // GB2312 and GBK pages are read as GB18030, their superset.
    Some(if e == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        e
    })
}

/// Renders the text of a subtree: line breaks around blocks, tabs between table cells,
/// white space collapsed as a browser does.
struct Render<'a> {
    tree: &'a ego_tree::Tree<Node>,
    out: String,
    /// A line break is owed before the next text.
    pending_break: bool,
    /// A space is owed before the next text.
    pending_space: bool,
    /// How many table cells are open, and whether a cell was written in the current row.
    cells: usize,
    row_has_cell: bool,
}

impl<'a> Render<'a> {
    fn new(tree: &'a ego_tree::Tree<Node>) -> Render<'a> {
        Render {
            tree,
            out: String::new(),
            pending_break: false,
            pending_space: false,
            cells: 0,
            row_has_cell: false,
        }
    }

    fn line_break(&mut self) {
        if self.cells > 0 {
            // Inside a table cell a row stays one line.
            self.pending_space = true;
        } else if !self.out.is_empty() {
            self.pending_break = true;
        }
    }

    fn text(&mut self, t: &str) {
        for piece in t.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}') {
            if piece.is_empty() {
                self.pending_space = true;
                continue;
            }
            if self.pending_break {
                if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
                self.pending_break = false;
                self.pending_space = false;
            }
            if self.pending_space && !self.out.is_empty() && !self.out.ends_with(['\n', '\t']) {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push_str(piece);
            self.pending_space = true;
        }
        // Only white space between pieces is owed: the last piece's trailing space was
        // set above only when the text ended in white space.
        if !t.ends_with(|c: char| c.is_ascii_whitespace() || c == '\u{a0}') {
            self.pending_space = false;
        }
    }

    /// Renders the subtree at `root`, leaving out the subtree at `skip`.
    fn render(&mut self, root: NodeId, skip: Option<NodeId>) {
        let Some(root) = self.tree.get(root) else {
            return;
        };
        let mut hidden = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(n) => {
                    if Some(n.id()) == skip || hidden > 0 {
                        hidden += 1;
                        continue;
                    }
                    match n.value() {
                        Node::Text(t) => self.text(t),
                        Node::Element(e) => {
                            let name = e.name();
                            if HIDDEN.contains(&name) {
                                hidden += 1;
                            } else if name == "br" {
                                self.line_break();
                            } else if name == "td" || name == "th" {
                                if self.row_has_cell && self.cells == 0 {
                                    self.out.push('\t');
                                    self.pending_space = false;
                                }
                                self.cells += 1;
                                self.row_has_cell = true;
                            } else if BLOCKS.contains(&name) {
                                if name == "tr" {
                                    self.row_has_cell = false;
                                }
                                self.line_break();
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if hidden > 0 {
                        hidden -= 1;
                        continue;
                    }
                    if let Node::Element(e) = n.value() {
                        let name = e.name();
                        if name == "td" || name == "th" {
                            self.cells = self.cells.saturating_sub(1);
                            self.pending_space = false;
                        } else if BLOCKS.contains(&name) {
                            if name == "tr" {
                                self.row_has_cell = false;
                            }
                            self.line_break();
                        }
                    }
                }
            }
        }
    }
}

/// The number of characters of text (white space left out) under an element.
fn text_chars(e: ElementRef) -> usize {
    e.text()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// The element that holds the article: the first content selector that matches one with
/// text, else the element whose paragraphs hold the most text.
fn article(doc: &Html, lex: &Lexicon) -> Option<NodeId> {
    for s in &lex.html_content {
        let Ok(sel) = Selector::parse(s) else {
            continue;
        };
        if let Some(e) = doc.select(&sel).find(|e| text_chars(*e) >= ARTICLE_CHARS) {
            return Some(e.id());
        }
    }
    // Readability's idea: the parent of the most paragraph (or list item) text.
    let p = Selector::parse("p, li, dd").expect("a valid selector");
    let mut score: rustc_hash::FxHashMap<NodeId, usize> = Default::default();
    for e in doc.select(&p) {
        if let Some(parent) = e.parent() {
            *score.entry(parent.id()).or_default() += text_chars(e);
        }
    }
    score
        .into_iter()
        .filter(|(_, n)| *n >= ARTICLE_CHARS)
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))
        .map(|(id, _)| id)
}

/// The page's own title: `<meta name="ArticleTitle">`, else `<title>` without the
/// site's name after a dash or bar (`标题 - 某某市人民政府门户网站`).
fn page_title(doc: &Html, lex: &Lexicon) -> Option<String> {
    let meta = Selector::parse("meta[name=ArticleTitle]").expect("a valid selector");
    if let Some(t) = doc
        .select(&meta)
        .filter_map(|m| m.attr("content"))
        .map(str::trim)
        .find(|t| !t.is_empty())
    {
        return Some(t.to_string());
    }
    let title = Selector::parse("title").expect("a valid selector");
    let t: String = doc.select(&title).next()?.text().collect();
    let mut t = t.trim();
    // Cut at the last separator whose rest names the site.
    while let Some(k) = t.rfind(['-', '_', '|', '｜', '—']) {
        let rest = &t[k..];
        if lex.site_words.found_in(rest) && k > 0 {
            t = t[..k]
                .trim_end_matches(['-', '_', '|', '｜', '—', ' '])
                .trim();
        } else {
            break;
        }
    }
    (!t.is_empty()).then(|| t.to_string())
}

/// Links to attached files: addresses with a file's extension, or names that start with
/// the attachment word (附件).
fn attachments(doc: &Html, lex: &Lexicon) -> Vec<Attachment> {
    let a = Selector::parse("a[href]").expect("a valid selector");
    let mut out: Vec<Attachment> = Vec::new();
    for e in doc.select(&a) {
        let href = e.attr("href").unwrap_or("").trim();
        let path = href
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let name: String = e.text().collect::<String>().trim().to_string();
        let by_ext = lex.attachment_extensions.iter().any(|x| path.ends_with(x));
        let by_name = lex.attachment_words.prefix_of(&name).is_some();
        if (by_ext || by_name)
            && !href.is_empty()
            && !out.iter().any(|x| x.href.as_deref() == Some(href))
        {
            let name = if name.is_empty() {
                path.rsplit('/').next().unwrap_or("").to_string()
            } else {
                name
            };
            out.push(Attachment {
                name,
                href: Some(href.to_string()),
            });
        }
    }
    out
}

/// The values of the page's information table in `text` (the set-aside part starting at
/// `from`): a label alone in a cell names the next cell; a label with a colon in a cell
/// names what follows it.
fn read_labels(text: &str, from: usize, lex: &Lexicon, meta: &mut PageMeta) {
    let mut at = from;
    for line in text[from..].split('\n') {
        // An information table has a few cells a row; a line of thousands is no table.
        let cells: Vec<(usize, &str)> = line
            .split('\t')
            .take(MAX_LABEL_CELLS)
            .scan(at, |pos, c| {
                let start = *pos;
                *pos += c.len() + 1;
                Some((start, c))
            })
            .collect();
        for (k, &(start, cell)) in cells.iter().enumerate() {
            // Labels at the start of the cell or after white space in it.
            let places = std::iter::once(0).chain(
                cell.char_indices()
                    .filter(|(_, c)| c.is_whitespace())
                    .map(|(i, c)| i + c.len_utf8()),
            );
            for p in places {
                let t = &cell[p..];
                let Some((label, field)) = lex.page_labels.prefix_of(t) else {
                    continue;
                };
                let after = t[label.len()..].trim_start();
                let next_cell = || {
                    cells[k + 1..]
                        .iter()
                        .find(|(_, c)| !c.trim().is_empty())
                        .map(|(s, c)| {
                            let lead = c.len() - c.trim_start().len();
                            s + lead..s + lead + c.trim().len()
                        })
                };
                let value = match after.strip_prefix(['：', ':']) {
                    Some(v) if !v.trim().is_empty() => {
                        // Up to two spaces or the next label.
                        let v0 = v.trim_start();
                        let vstart = start + p + (t.len() - v0.len());
                        Some(vstart..vstart + value_end(v0, lex))
                    }
                    Some(_) if p == 0 => next_cell(),
                    None if after.is_empty() && p == 0 => next_cell(),
                    _ => None,
                };
                let Some(v) = value.filter(|v| !v.is_empty()) else {
                    continue;
                };
                let slot = match field {
                    PageField::Title => &mut meta.title,
                    PageField::DocNumber => &mut meta.doc_number,
                    PageField::IndexNumber => &mut meta.index_number,
                    PageField::Subject => &mut meta.subject,
                    PageField::Issuer => &mut meta.issuer,
                    PageField::Date => &mut meta.date,
                    PageField::Published => &mut meta.published,
                };
                slot.get_or_insert(v);
            }
        }
        at += line.len() + 1;
    }
}

/// Where a value written after a label in running text ends: at two spaces, at the next
/// label, or at the end.
fn value_end(v: &str, lex: &Lexicon) -> usize {
    let mut end = v.len();
    if let Some(k) = v.find("  ") {
        end = end.min(k);
    }
    for (k, _) in v.char_indices().skip(1) {
        if k >= end {
            break;
        }
        if v[k..].starts_with(' ') {
            let rest = v[k..].trim_start();
            if lex.page_labels.prefix_of(rest).is_some() || opens_label(rest) {
                end = k;
                break;
            }
        }
    }
    v[..end].trim_end().len()
}

/// Whether `s` opens with a label the list does not know: a few characters and a colon
/// (`字体大小：`, `浏览次数:`).
fn opens_label(s: &str) -> bool {
    let mut han = 0;
    for c in s.chars().take(LONGEST_LABEL + 1) {
        match c {
            '：' | ':' => return han >= 2,
            c if is_han(c) => han += 1,
            _ => return false,
        }
    }
    false
}

/// Elements open inside one another past this depth are read without their tags
/// (Chromium's parser stops nesting at 512 as well). The HTML tree builder looks down
/// the stack of open elements for each start tag, so 100,000 nested `<div>`s would take
/// minutes; no real page comes near this.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements that the next of their kind closes (`<p>`, `<li>`, `<td>` …) or that hold no
/// content: they do not deepen the stack and are not counted.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead",
    "tbody", "tfoot", "colgroup", "caption", "html", "head", "body", "area", "base", "br", "col",
    "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
];

/// Elements whose content is not markup: skipped to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// A page is read with at most this many elements, comments and pieces of text, and one
/// more for every [`BYTES_PER_ELEMENT`] bytes of it: the element tree takes a hundred
/// bytes or more for each, so that a page of ten megabytes of `<td>` or `<p>` (the
/// element tree of which took twenty bytes for each byte of the page) stays within a
/// few times its size. Real pages have one element in 50 to 140 bytes, and fewer than
/// 4,000 of them. Tags past it are read without their structure, their text kept;
/// comments and scripts past it are left out.
pub(crate) const MIN_ELEMENTS: usize = 10_000;
pub(crate) const BYTES_PER_ELEMENT: usize = 128;

/// What [`bounded_markup`] left out: tags past [`MAX_DEPTH`], and tags (with comments
/// and scripts) past the number of elements.
#[derive(Debug, Default, PartialEq, Eq)]
struct LeftOut {
    deep: usize,
    many: usize,
}

/// `html` with the start and end tags that would nest past [`MAX_DEPTH`], and those past
/// the [`MIN_ELEMENTS`] cap, left out (their text stays), and how many were; borrowed
/// unchanged when nothing is left out. The scan is a cheap approximation of the HTML
/// tokenizer — comments and raw text skipped, tags told by name — which is enough to
/// bound the depth and the size of the tree the real parser then builds.
fn bounded_markup(html: &str) -> (Cow<'_, str>, LeftOut) {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut depth = 0usize;
    let mut left = LeftOut::default();
    // Elements, comments and the text before each (a node of its own) may be this many.
    let mut room = (MIN_ELEMENTS + html.len() / BYTES_PER_ELEMENT) / 2;
    // Leaves out `html[from..to]`.
    let mut leave_out = |from: usize, to: usize, out: &mut Option<String>| {
        let s = out.get_or_insert_with(|| String::with_capacity(html.len()));
        s.push_str(&html[copied..from]);
        copied = to;
    };
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let at = i + k;
        i = at + 1;
        if b[i..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            if room == 0 {
                leave_out(at, i, &mut out);
                left.many += 1;
            } else {
                room -= 1;
            }
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let name_start = i + close as usize;
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &b[name_start..name_start + name_len];
        let is = |list: &[&str]| list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
        let Some(gt) = memchr::memchr(b'>', &b[name_start..]).map(|e| name_start + e) else {
            break;
        };
        i = gt + 1;
        let past = room == 0;
        if !close && is(RAW_TEXT) {
            // To `</name`, in any case.
            let mut j = i;
            i = loop {
                match memchr::memmem::find(&b[j..], b"</") {
                    Some(e)
                        if b[j + e + 2..].len() >= name.len()
                            && b[j + e + 2..j + e + 2 + name.len()].eq_ignore_ascii_case(name) =>
                    {
                        break j + e
                    }
                    Some(e) => j += e + 2,
                    None => break b.len(),
                }
            };
            if past {
                // With its content and end tag: a script's or a style's is no page text
                // (a title's or a textarea's past the cap goes with it, counted).
                let end = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e + 1);
                leave_out(at, end, &mut out);
                i = end;
                left.many += 1;
            } else {
                room -= 1;
            }
            continue;
        }
        let nests = !(is(SELF_CLOSING) || b[gt - 1] == b'/');
        // The depth is that of the page as written: tags left out for it still count.
        let before = depth;
        if nests {
            depth = if close {
                depth.saturating_sub(1)
            } else {
                depth + 1
            };
        }
        if nests && before.max(depth) > MAX_DEPTH {
            leave_out(at, gt + 1, &mut out);
            left.deep += 1;
        } else if past {
            // Past the cap, a tag is left out and does not nest.
            depth = before;
            leave_out(at, gt + 1, &mut out);
            left.many += 1;
        } else if !close {
            room -= 1;
        }
    }
    match out {
        None => (Cow::Borrowed(html), left),
        Some(mut s) => {
            s.push_str(&html[copied..]);
            (Cow::Owned(s), left)
        }
    }
}

/// The page parsed as a browser parses it. Given to the parser a piece at a time:
/// `Html::parse_document` would first copy the page whole into a buffer of its own.
fn parse(html: &str) -> Html {
    use html5ever::tendril::TendrilSink;
    const PIECE: usize = 1 << 16;
    let mut parser = html5ever::driver::parse_document(
        scraper::HtmlTreeSink::new(Html::new_document()),
        Default::default(),
    );
    let mut at = 0;
    while at < html.len() {
        let end = crate::text::floor_boundary(html, (at + PIECE).min(html.len()));
        // A piece holds at least one character (one is at most four bytes).
        let end = if end > at {
            end
        } else {
            crate::text::ceil_boundary(html, at + 1)
        };
        parser.process(html[at..end].into());
        at = end;
    }
    parser.finish()
}

/// The text of a page, the article first. Takes the page, so that it is held only once:
/// when markup is left out, the page as it was is let go before it is parsed.
pub(crate) fn read(html: String, lex: &Lexicon) -> Page {
    let (bounded, left) = bounded_markup(&html);
    let bounded = match bounded {
        Cow::Owned(s) => Some(s),
        Cow::Borrowed(_) => None,
    };
    let html = bounded.unwrap_or(html);
    let doc = parse(&html);
    drop(html);
    let root = doc.tree.root().id();
    let article = article(&doc, lex).unwrap_or(root);
    let mut body = Render::new(&doc.tree);
    body.render(article, None);
    let mut meta = PageMeta::default();
    // The rendered article is the text (not a copy of it), the page's title put first
    // when the article does not open with it.
    let mut text = std::mem::take(&mut body.out);
    text.truncate(text.trim_end().len());
    if let Some(t) = page_title(&doc, lex) {
        let opening: String = text.lines().take(3).collect();
        if !opening.contains(t.as_str()) {
            meta.title = Some(0..t.len());
            text.insert(0, '\n');
            text.insert_str(0, &t);
        }
    }
    let tail = text.len();
    let mut set_aside = Vec::new();
    if article != root {
        let mut rest = Render::new(&doc.tree);
        rest.render(root, Some(article));
        let rest = rest.out.trim();
        if !rest.is_empty() {
            text.push_str("\n\n");
            let from = text.len();
            text.push_str(rest);
            set_aside.push(Skipped {
                range: from..text.len(),
                reason: SkipReason::Chrome,
            });
            read_labels(&text, from, lex, &mut meta);
        }
    }
    meta.attachments = attachments(&doc, lex);
    Page {
        text,
        flattened: left.deep,
        many: left.many,
        tail,
        set_aside,
        meta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::Range;

    #[test]
    fn article_tables_and_chrome() {
        let page = r#"<!DOCTYPE html><html><head><title>关于某事的通知 - 某市人民政府门户网站</title>
<script>var x = "一、不是正文";</script></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zw">政务公开</a></div>
<table class="classify"><tr><td>索引号：</td><td>1144/2024-00008</td><td>发文字号：</td><td>穗府办规〔2024〕13号</td></tr></table>
<div id="zoomcon"><p>各区人民政府：</p><p>　　一、总体要求</p><p>1.加大力度。（市商务局负责）<br>2.做好衔接。</p>
<table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr><tr><td>1</td><td><p>新建</p><p>基站</p></td><td>市工信局</td></tr></table>
<p><a href="/att/1.pdf">附件1：名单</a></p></div>
<div class="footer">网站地图 | 联系我们</div></body></html>"#;
        let lex = Lexicon::builtin();
        assert!(looks_like_html(page.as_bytes()));
        let p = read(page.to_string(), &lex);
        let (body, rest) = p.text.split_at(p.tail);
        assert!(
            body.starts_with("关于某事的通知\n各区人民政府：\n"),
            "{body}"
        );
        assert!(
            body.contains("\n一、总体要求\n") || body.contains("\n　　一、总体要求\n"),
            "{body}"
        );
        assert!(
            body.contains("1.加大力度。（市商务局负责）\n2.做好衔接。"),
            "{body}"
        );
        assert!(
            body.contains("序号\t任务\t牵头单位\n1\t新建 基站\t市工信局"),
            "{body}"
        );
        assert!(!p.text.contains("不是正文"));
        assert!(rest.contains("首页") && rest.contains("网站地图"));
        let at = |r: &Option<Range<usize>>| &p.text[r.clone().unwrap()];
        assert_eq!(at(&p.meta.index_number), "1144/2024-00008");
        assert_eq!(at(&p.meta.doc_number), "穗府办规〔2024〕13号");
        assert_eq!(p.meta.attachments.len(), 1);
        assert_eq!(p.meta.attachments[0].name, "附件1：名单");
        assert_eq!(
            declared_charset(b"<meta charset=\"gb2312\">"),
            Some(encoding_rs::GB18030)
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            ),
            Some(encoding_rs::UTF_8)
        );
    }

    #[test]
    fn elements_past_the_cap_are_read_as_text() {
        let lex = Lexicon::builtin();
        let n = 40_000;
        let page = format!(
            "<html><body><div id=zoom>{}</div></body></html>",
            "<p>字<!-- 注 --><script>var 不是正文 = 1;</script>".repeat(n)
        );
        let (html, left) = bounded_markup(&page);
        let cap = (MIN_ELEMENTS + page.len() / BYTES_PER_ELEMENT) / 2;
        // Each repeat is a p, a comment and a script: those past the cap are left out.
        assert!(left.many > 0 && left.deep == 0, "{left:?}");
        // `<html>`, `<body>` and `<div>` take three of the room.
        let kept = ["<script>", "<p>", "<!--"].map(|t| html.matches(t).count());
        assert_eq!(kept.iter().sum::<usize>(), cap - 3, "{kept:?}");
        // Every 字 is kept; no script past the cap turns into text.
        let read = read(page.clone(), &lex);
        assert_eq!(read.text.matches('字').count(), n);
        assert!(!read.text.contains("不是正文"));
        assert_eq!(read.many, left.many);
        // A page under the cap is read as it is.
        let small = "<html><body><p>一、总体要求<!-- x --><script>y</script></body></html>";
        assert_eq!(
            bounded_markup(small),
            (Cow::Borrowed(small), LeftOut::default())
        );
    }

    #[test]
    fn labels_in_running_text() {
        let lex = Lexicon::builtin();
        let t = "正文\n\n发布日期：2025-04-08 11:24:11 文章来源：市人社局官网 字体大小";
        let mut m = PageMeta::default();
        read_labels(t, 8, &lex, &mut m);
        assert_eq!(&t[m.published.clone().unwrap()], "2025-04-08 11:24:11");
        assert_eq!(&t[m.issuer.clone().unwrap()], "市人社局官网 字体大小");
        let t = "x\n\n索引号：\t1144/2024\t分类：\t\n发布机构：\t某局\t成文日期：\t2024-07-26";
        let mut m = PageMeta::default();
        read_labels(t, 3, &lex, &mut m);
        assert_eq!(&t[m.index_number.clone().unwrap()], "1144/2024");
        assert!(m.subject.is_none(), "an empty value names nothing");
        assert_eq!(&t[m.issuer.clone().unwrap()], "某局");
        assert_eq!(&t[m.date.clone().unwrap()], "2024-07-26");
    }
}

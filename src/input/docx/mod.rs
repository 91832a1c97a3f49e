//! Word files (.docx): the zip read with bounds, the body's paragraphs and tables turned
//! into lines, Word's automatic numbering rendered ([`numbering`]), and what is not body
//! — deleted revisions, comments, footnotes, headers and footers — kept after it, each
//! marked in `skipped`.
//!
//! The text is what a reader of the document sees: one line per paragraph (a line break
//! inside one, `w:br`, starts a new line), a table row per line with its cells separated
//! by tabs, and each generated number written before its paragraph's text, so that
//! `（一）` reads the same whether it was typed or made by Word. Inserted revisions are
//! text like any other; field codes (`PAGE`, `HYPERLINK …`) are not, their results are.

mod numbering;

use super::xml::{attr, attr_num, name, Ev, Events};
use super::zipped::{open, read_part, unreadable_as, MAX_TOTAL};
use crate::model::{Error, SkipReason, Skipped};
use numbering::{level_index, NumPr, Numbering, Suffix};
use std::ops::Range;

/// What a Word file gives: the text and where its parts are.
pub(crate) struct Docx {
    pub(crate) text: String,
    /// The end of the body: the outline reads `text[..tail]`.
    pub(crate) tail: usize,
    /// What follows the body, and why it is not body.
    pub(crate) set_aside: Vec<Skipped>,
    /// Where Word generated a number (each range a label, in the text).
    pub(crate) generated: Vec<Range<usize>>,
    /// Where each paragraph of the body starts (byte offsets, in order): the paragraph
    /// count a diagnostic names. A table row, one line, starts at its first paragraph.
    pub(crate) paragraphs: Vec<usize>,
    /// Parts whose XML broke off, and where: what came before is kept.
    pub(crate) damage: Vec<String>,
}

const WHAT: &str = "what-docx";

fn unreadable(reason: impl Into<String>) -> Error {
    unreadable_as(WHAT, reason)
}

/// Whether a zip archive is a Word document (it has `word/document.xml`).
pub(crate) fn is_docx(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"word/document.xml").is_some()
}

/// Reads a .docx.
pub(crate) fn read(bytes: &[u8]) -> Result<Docx, Error> {
    let mut zip = open(bytes, WHAT)?;
    let mut budget = MAX_TOTAL;
    let document = read_part(&mut zip, "word/document.xml", &mut budget, WHAT)?
        .ok_or_else(|| unreadable("it has no word/document.xml"))?;
    let numbering = read_part(&mut zip, "word/numbering.xml", &mut budget, WHAT)?;
    let styles = read_part(&mut zip, "word/styles.xml", &mut budget, WHAT)?;
    let mut numbering = Numbering::read(numbering.as_deref(), styles.as_deref());
    let mut out = Builder::default();
    let body = Body::read(&document, &mut numbering, &mut out, Mode::Body)?;
    let mut damage: Vec<String> = body
        .damage
        .iter()
        .map(|m| format!("word/document.xml: {m}"))
        .collect();
    let mut text = out.text;
    let generated = out.generated;
    let paragraphs = out.paragraphs;
    let tail = text.trim_end().len();
    text.truncate(tail);
    let mut set_aside = Vec::new();
    let mut aside = |text: &mut String, s: &str, reason: SkipReason| {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        text.push_str(if text.is_empty() { "" } else { "\n\n" });
        let from = text.len();
        text.push_str(s);
        set_aside.push(Skipped {
            range: from..text.len(),
            reason,
        });
    };
    for d in &body.deleted {
        aside(&mut text, d, SkipReason::Deleted);
    }
    // Comments, notes, headers and footers, each part's paragraphs as lines.
    let mut names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    names.sort();
    let kinds: [(&str, &str, SkipReason); 5] = [
        ("word/comments.xml", "w:comment", SkipReason::Comment),
        ("word/footnotes.xml", "w:footnote", SkipReason::Note),
        ("word/endnotes.xml", "w:endnote", SkipReason::Note),
        ("word/header", "", SkipReason::PageFurniture),
        ("word/footer", "", SkipReason::PageFurniture),
    ];
    for (prefix, item, reason) in kinds {
        for n in names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
        {
            let Some(xml) = read_part(&mut zip, n, &mut budget, WHAT)? else {
                continue;
            };
            let mut b = Builder::default();
            let mode = if item.is_empty() {
                Mode::Part
            } else {
                Mode::Items(item)
            };
            let inner = Body::read(&xml, &mut numbering, &mut b, mode)?;
            damage.extend(inner.damage.iter().map(|m| format!("{n}: {m}")));
            for item in b.items.iter().chain(std::iter::once(&b.text)) {
                aside(&mut text, item, reason);
            }
            for d in &inner.deleted {
                aside(&mut text, d, SkipReason::Deleted);
            }
        }
    }
    Ok(Docx {
        text,
        tail,
        set_aside,
        generated,
        paragraphs,
        damage,
    })
}

/// Where the text goes as it is read: the lines of the body (or of a comment…), the
/// ranges of generated numbers, the starts of paragraphs.
#[derive(Default)]
struct Builder {
    text: String,
    generated: Vec<Range<usize>>,
    paragraphs: Vec<usize>,
    /// In [`Mode::Items`], the text of each item (one comment, one note).
    items: Vec<String>,
}

/// What part is being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `document.xml`: the body.
    Body,
    /// Comments or notes: each element of this name an item.
    Items(&'static str),
    /// A header or footer.
    Part,
}

/// A paragraph as it is read.
#[derive(Default)]
struct Para {
    style: Option<String>,
    num: NumPr,
    text: String,
    /// Inside `w:pPr` (its `w:rPr` marks the paragraph mark, not text).
    in_ppr: bool,
}

/// A table cell's lines, a row's cells, a table's rows.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    cell: Cell,
}

#[derive(Default)]
struct Cell {
    text: String,
    generated: Vec<Range<usize>>,
    first_paragraph: Option<()>,
}

/// What reading a part found besides its text.
#[derive(Default)]
struct Body {
    deleted: Vec<String>,
    /// Where the XML broke off, if it did (what came before is kept).
    damage: Option<String>,
}

/// Tables inside tables read as tables, at most this deep.
const MAX_TABLE_DEPTH: usize = 16;

/// Elements whose content is not text a reader sees.
const NOT_TEXT: &[&str] = &[
    "w:instrText",
    "w:delInstrText",
    "mc:Fallback",
    "w:pict",
    "wp:docPr",
    "w:fldData",
    "w:rPr",
];

impl Body {
    fn read(
        xml: &str,
        numbering: &mut Numbering,
        out: &mut Builder,
        mode: Mode,
    ) -> Result<Body, Error> {
        let mut body = Body::default();
        let mut ev = Events::new(xml);
        // Paragraphs open inside one another (a text box in a paragraph): the innermost
        // last. Its lines go out before the outer paragraph's.
        let mut paras: Vec<Para> = Vec::new();
        let mut tables: Vec<Table> = Vec::new();
        let mut in_text = 0usize;
        let mut in_del = 0usize;
        let mut skip = 0usize;
        let mut deleted = String::new();
        // Tables nested past MAX_TABLE_DEPTH are read as part of the cell that holds them
        // (each level would copy the text of those inside it).
        let mut flat_tables = 0usize;
        while let Some(e) = ev.next() {
            let e = match e {
                Ok(e) => e,
                // What was read before the damage is kept; the rest is lost, and said so.
                Err(m) if mode != Mode::Body || !out.text.is_empty() || !paras.is_empty() => {
                    body.damage = Some(m);
                    break;
                }
                Err(m) => return Err(unreadable(m)),
            };
            match e {
                Ev::Open { e, empty } => {
                    let n = name(&e);
                    if skip > 0 || NOT_TEXT.contains(&n) {
                        if !empty {
                            skip += 1;
                        }
                        continue;
                    }
                    match n {
                        "w:p" => {
                            if empty {
                                // An empty paragraph is an empty line.
                                let p = Para::default();
                                end_paragraph(p, numbering, out, &mut tables, mode);
                            } else {
                                paras.push(Para::default());
                            }
                        }
                        "w:pPr" if !empty => {
                            if let Some(p) = paras.last_mut() {
                                p.in_ppr = true;
                            }
                        }
                        "w:pStyle" => {
                            if let Some(p) = paras.last_mut().filter(|p| p.in_ppr) {
                                p.style = attr(&e, "w:val");
                            }
                        }
                        "w:numId" => {
                            if let Some(p) = paras.last_mut().filter(|p| p.in_ppr) {
                                p.num.num_id = attr_num(&e, "w:val");
                            }
                        }
                        "w:ilvl" => {
                            if let Some(p) = paras.last_mut().filter(|p| p.in_ppr) {
                                p.num.ilvl = attr_num(&e, "w:val").and_then(level_index);
                            }
                        }
                        "w:t" | "w:delText" if !empty => in_text += 1,
                        "w:del" | "w:moveFrom" if !empty => in_del += 1,
                        "w:tab" | "w:ptab" => push(&mut paras, &mut deleted, in_del, '\t'),
                        "w:br" | "w:cr" => push(&mut paras, &mut deleted, in_del, '\n'),
                        "w:noBreakHyphen" => push(&mut paras, &mut deleted, in_del, '-'),
                        "w:tbl" if !empty && tables.len() >= MAX_TABLE_DEPTH => flat_tables += 1,
                        "w:tbl" if !empty => tables.push(Table::default()),
                        "w:tc" | "w:tr" if flat_tables > 0 => {}
                        "w:tc" if !empty => {
                            if let Some(t) = tables.last_mut() {
                                t.cell = Cell::default();
                            }
                        }
                        _ => {}
                    }
                }
                Ev::Close(n) => {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    match &*n {
                        "w:p" => {
                            if let Some(p) = paras.pop() {
                                end_paragraph(p, numbering, out, &mut tables, mode);
                            }
                        }
                        "w:pPr" => {
                            if let Some(p) = paras.last_mut() {
                                p.in_ppr = false;
                            }
                        }
                        "w:t" | "w:delText" => in_text = in_text.saturating_sub(1),
                        "w:del" | "w:moveFrom" => {
                            in_del = in_del.saturating_sub(1);
                            if in_del == 0 && !deleted.trim().is_empty() {
                                body.deleted.push(std::mem::take(&mut deleted));
                            }
                            deleted.clear();
                        }
                        "w:tbl" if flat_tables > 0 => flat_tables -= 1,
                        "w:tc" | "w:tr" if flat_tables > 0 => {}
                        "w:tc" => {
                            if let Some(t) = tables.last_mut() {
                                let c = std::mem::take(&mut t.cell);
                                t.row.push(c);
                            }
                        }
                        "w:tr" => {
                            if let Some(t) = tables.last_mut() {
                                let r = std::mem::take(&mut t.row);
                                t.rows.push(r);
                            }
                        }
                        "w:tbl" => {
                            if let Some(t) = tables.pop() {
                                end_table(t, out, &mut tables);
                            }
                        }
                        x if Some(x) == item_name(mode) => {
                            out.items.push(std::mem::take(&mut out.text));
                        }
                        _ => {}
                    }
                }
                Ev::Text(t) if in_text > 0 => {
                    if in_del > 0 {
                        deleted.push_str(&t);
                    } else if let Some(p) = paras.last_mut() {
                        p.text.push_str(&t);
                    }
                }
                Ev::Text(_) => {}
            }
        }
        // Paragraphs or tables a damaged part left open.
        while let Some(p) = paras.pop() {
            end_paragraph(p, numbering, out, &mut tables, mode);
        }
        while let Some(mut t) = tables.pop() {
            if !t.cell.text.is_empty() {
                let c = std::mem::take(&mut t.cell);
                t.row.push(c);
            }
            if !t.row.is_empty() {
                let r = std::mem::take(&mut t.row);
                t.rows.push(r);
            }
            end_table(t, out, &mut tables);
        }
        Ok(body)
    }
}

fn item_name(mode: Mode) -> Option<&'static str> {
    match mode {
        Mode::Items(n) => Some(n),
        _ => None,
    }
}

/// A tab, break or hyphen of a run: into the deleted text or the paragraph.
fn push(paras: &mut [Para], deleted: &mut String, in_del: usize, c: char) {
    if in_del > 0 {
        deleted.push(c);
    } else if let Some(p) = paras.last_mut() {
        p.text.push(c);
    }
}

/// A paragraph ends: its number generated, and its text written to the innermost table
/// cell open, else to the output as a line.
fn end_paragraph(
    p: Para,
    numbering: &mut Numbering,
    out: &mut Builder,
    tables: &mut [Table],
    mode: Mode,
) {
    // Only the body's paragraphs advance the lists' counters.
    let generated = if mode == Mode::Body {
        numbering.next(p.style.as_deref(), &p.num)
    } else {
        None
    };
    let mut line = String::new();
    let mut label = None;
    if let Some(g) = generated {
        label = Some(0..g.label.len());
        line.push_str(&g.label);
        match g.suffix {
            Suffix::Tab | Suffix::Space => line.push(' '),
            Suffix::Nothing => {}
        }
    }
    line.push_str(&p.text);
    if let Some(t) = tables.last_mut() {
        // In a cell: paragraphs joined by a space, tabs and breaks too, so that the
        // row's tabs stay the cells' separators.
        let cell = &mut t.cell;
        if cell.first_paragraph.is_some() && !line.is_empty() {
            cell.text.push(' ');
        }
        cell.first_paragraph = Some(());
        let at = cell.text.len();
        if let Some(l) = label {
            cell.generated.push(at + l.start..at + l.end);
        }
        cell.text.extend(
            line.chars()
                .map(|c| if c == '\t' || c == '\n' { ' ' } else { c }),
        );
        return;
    }
    let at = out.text.len();
    out.paragraphs.push(at);
    if let Some(l) = label {
        out.generated.push(at + l.start..at + l.end);
    }
    out.text.push_str(&line);
    out.text.push('\n');
}

/// A table ends: each row a line of tab-separated cells, in the cell of an outer table
/// (rows joined by spaces) or in the output.
fn end_table(t: Table, out: &mut Builder, tables: &mut [Table]) {
    if let Some(outer) = tables.last_mut() {
        let cell = &mut outer.cell;
        for row in t.rows {
            for c in row {
                if !c.text.is_empty() {
                    if !cell.text.is_empty() {
                        cell.text.push(' ');
                    }
                    let at = cell.text.len();
                    cell.generated
                        .extend(c.generated.iter().map(|r| at + r.start..at + r.end));
                    cell.text.push_str(&c.text);
                }
            }
        }
        cell.first_paragraph = Some(());
        return;
    }
    for row in t.rows {
        let at = out.text.len();
        out.paragraphs.push(at);
        for (k, c) in row.iter().enumerate() {
            if k > 0 {
                out.text.push('\t');
            }
            let at = out.text.len();
            out.generated
                .extend(c.generated.iter().map(|r| at + r.start..at + r.end));
            out.text.push_str(&c.text);
        }
        out.text.push('\n');
    }
}

#[cfg(test)]
mod tests;

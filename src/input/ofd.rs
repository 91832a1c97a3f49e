//! OFD files (GB/T 33190, the format of China's electronic official documents): a zip
//! whose `OFD.xml` names the document, whose `Document.xml` lists the pages, and whose
//! page contents place text codes (`ofd:TextCode`) at positions in millimetres. The
//! fragments go to [`layout`](super::layout), which makes them lines and sets running
//! headers and page numbers aside. Templates (a page's background layer) are read as the
//! page's own content, so that a running header written there is found as furniture.

use super::layout::{lay_out, Fragment, Laid, Page};
use super::xml::{attr, name, Ev, Events};
use super::zipped::{open, read_part, unreadable_as, MAX_TOTAL};
use crate::model::Error;

const WHAT: &str = "what-ofd";

/// A page may place at most this many text codes (a real page has hundreds).
const MAX_CODES_PER_PAGE: usize = 200_000;
/// Pages read at most.
const MAX_PAGES: usize = 10_000;

/// Whether a zip archive is an OFD (it has `OFD.xml` at its root).
pub(crate) fn is_ofd(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"OFD.xml").is_some()
}

/// Reads an OFD file.
pub(crate) fn read(bytes: &[u8]) -> Result<Laid, Error> {
    let mut zip = open(bytes, WHAT)?;
    let mut budget = MAX_TOTAL;
    let ofd = read_part(&mut zip, "OFD.xml", &mut budget, WHAT)?
        .ok_or_else(|| unreadable_as(WHAT, "it has no OFD.xml"))?;
    let doc_root = element_text(&ofd, "ofd:DocRoot")
        .ok_or_else(|| unreadable_as(WHAT, "OFD.xml names no document (ofd:DocRoot)"))?;
    let doc_root = doc_root.trim_start_matches('/').to_string();
    let base = parent(&doc_root);
    let document = read_part(&mut zip, &doc_root, &mut budget, WHAT)?
        .ok_or_else(|| unreadable_as(WHAT, format!("it has no {doc_root}")))?;
    let (size, page_locs, templates) = pages_of(&document);
    let mut pages = Vec::new();
    for (loc, template) in page_locs.iter().take(MAX_PAGES) {
        let path = join(&base, loc);
        let Some(xml) = read_part(&mut zip, &path, &mut budget, WHAT)? else {
            continue;
        };
        let mut page = Page {
            width: size.0,
            height: size.1,
            ..Page::default()
        };
        if let Some(box_) = physical_box(&xml) {
            (page.width, page.height) = box_;
        }
        // The template's text first (a running header), then the page's.
        if let Some(t) = template.as_ref().and_then(|id| templates.get(id)) {
            if let Some(txml) = read_part(&mut zip, &join(&base, t), &mut budget, WHAT)? {
                page.left_out += codes(&txml, &mut page.fragments);
            }
        }
        page.left_out += codes(&xml, &mut page.fragments);
        pages.push(page);
    }
    let mut laid = lay_out(pages);
    if page_locs.len() > MAX_PAGES {
        laid.left_out.push(format!(
            "{} pages past the {MAX_PAGES}th",
            page_locs.len() - MAX_PAGES
        ));
    }
    Ok(laid)
}

/// The directory part of a path in the archive (`Doc_0/Document.xml` → `Doc_0`).
fn parent(p: &str) -> String {
    p.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

/// A location relative to `base`, or absolute from the archive's root (`/Doc_0/…`).
fn join(base: &str, loc: &str) -> String {
    if let Some(abs) = loc.strip_prefix('/') {
        return abs.to_string();
    }
    if base.is_empty() {
        loc.to_string()
    } else {
        format!("{base}/{loc}")
    }
}

/// The text of the first element named `tag`.
fn element_text(xml: &str, tag: &str) -> Option<String> {
    let mut ev = Events::new(xml);
    let mut inside = false;
    let mut out = String::new();
    while let Some(Ok(e)) = ev.next() {
        match e {
            Ev::Open { e, empty } if name(&e) == tag && !empty => inside = true,
            Ev::Text(t) if inside => out.push_str(&t),
            Ev::Close(n) if inside && n == tag => return Some(out.trim().to_string()),
            _ => {}
        }
    }
    None
}

/// `x y w h` in millimetres.
fn numbers(s: &str) -> Vec<f32> {
    s.split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect()
}

/// The page size of a page's or document's `PhysicalBox`.
fn physical_box(xml: &str) -> Option<(f32, f32)> {
    let b = numbers(&element_text(xml, "ofd:PhysicalBox")?);
    (b.len() == 4).then(|| (b[2], b[3]))
}

type Templates = rustc_hash::FxHashMap<String, String>;

/// A page's content location and the template it names.
type PageLoc = (String, Option<String>);

/// The document's default page size, its pages and templates.
fn pages_of(xml: &str) -> ((f32, f32), Vec<PageLoc>, Templates) {
    let size = physical_box(xml).unwrap_or((210.0, 297.0));
    let mut pages = Vec::new();
    let mut templates = Templates::default();
    let mut ev = Events::new(xml);
    let mut in_page = false;
    while let Some(Ok(e)) = ev.next() {
        match e {
            Ev::Open { e, empty } => match name(&e) {
                "ofd:Page" => {
                    if let Some(loc) = attr(&e, "BaseLoc") {
                        pages.push((loc, None));
                        in_page = !empty;
                    }
                }
                "ofd:Template" if in_page => {
                    if let (Some(p), Some(id)) = (pages.last_mut(), attr(&e, "TemplateID")) {
                        p.1 = Some(id);
                    }
                }
                "ofd:TemplatePage" => {
                    if let (Some(id), Some(loc)) = (attr(&e, "ID"), attr(&e, "BaseLoc")) {
                        templates.insert(id, loc);
                    }
                }
                _ => {}
            },
            Ev::Close(n) if n == "ofd:Page" => in_page = false,
            _ => {}
        }
    }
    (size, pages, templates)
}

/// The text codes of a page's content, placed: each `ofd:TextCode` at its object's
/// boundary plus its own `X`, `Y` (the baseline), with the object's font size. Gives how
/// many were left out past the bound.
fn codes(xml: &str, out: &mut Vec<Fragment>) -> usize {
    let mut ev = Events::new(xml);
    // The boundary origin and size of the text object being read.
    let mut object: Option<(f32, f32, f32)> = None;
    let mut code: Option<Fragment> = None;
    let mut deltas = String::new();
    let mut n = 0;
    while let Some(Ok(e)) = ev.next() {
        match e {
            Ev::Open { e, empty } => match name(&e) {
                "ofd:TextObject" => {
                    let b = attr(&e, "Boundary")
                        .map(|s| numbers(&s))
                        .unwrap_or_default();
                    let size = attr(&e, "Size")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(3.5);
                    object = Some((*b.first().unwrap_or(&0.0), *b.get(1).unwrap_or(&0.0), size));
                }
                "ofd:TextCode" if !empty => {
                    let (ox, oy, size) = object.unwrap_or((0.0, 0.0, 3.5));
                    let x: f32 = attr(&e, "X")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(0.0);
                    let y: f32 = attr(&e, "Y")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(0.0);
                    deltas = attr(&e, "DeltaX").unwrap_or_default();
                    code = Some(Fragment {
                        x: ox + x,
                        y: oy + y,
                        width: 0.0,
                        size,
                        text: String::new(),
                    });
                }
                _ => {}
            },
            Ev::Text(t) => {
                if let Some(c) = &mut code {
                    c.text.push_str(&t);
                }
            }
            Ev::Close(nm) => match &*nm {
                "ofd:TextCode" => {
                    if let Some(mut c) = code.take() {
                        let chars = c.text.chars().count();
                        // The advance of each character but the last, then the last's.
                        c.width = match advance(&deltas, chars.saturating_sub(1)) {
                            Some(a) => a + c.size,
                            None => c.size * chars as f32,
                        };
                        if n < MAX_CODES_PER_PAGE {
                            out.push(c);
                        }
                        n += 1;
                    }
                }
                "ofd:TextObject" => object = None,
                _ => {}
            },
        }
    }
    n.saturating_sub(MAX_CODES_PER_PAGE)
}

/// The sum of the first `n` advances of a `DeltaX` (`5 g 3 4.5 6`: `g N D` is N times D),
/// in time of the attribute's length whatever the repeats say; `None` without one.
fn advance(delta_x: &str, n: usize) -> Option<f32> {
    if delta_x.trim().is_empty() {
        return None;
    }
    let (mut sum, mut left) = (0.0f32, n);
    let mut it = delta_x.split_whitespace();
    while left > 0 {
        let Some(t) = it.next() else { break };
        if t == "g" {
            let k: usize = it.next().and_then(|k| k.parse().ok()).unwrap_or(0);
            let d: f32 = it.next().and_then(|d| d.parse().ok()).unwrap_or(0.0);
            let k = k.min(left);
            sum += d * k as f32;
            left -= k;
        } else if let Ok(d) = t.parse::<f32>() {
            sum += d;
            left -= 1;
        }
    }
    Some(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_x_with_repeats() {
        assert_eq!(advance("5 g 3 4.5 6", 5), Some(24.5));
        assert_eq!(advance("5 g 3 4.5 6", 2), Some(9.5));
        assert_eq!(advance("g 4000000000 1", 3), Some(3.0));
        assert_eq!(advance("", 3), None);
    }
}

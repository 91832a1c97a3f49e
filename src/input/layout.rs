//! Text placed on pages (OFD's text codes, a PDF's text runs) turned into the lines a
//! reader sees: fragments on one baseline joined left to right, the lines of a page top
//! to bottom, a paragraph that the right margin broke joined again, and running headers,
//! footers and page numbers (`— 3 —`, `-3-`, `第3页`) set aside as page furniture.
//!
//! Positions are in any unit (millimetres for OFD, points for PDF), `y` growing down the
//! page; only ratios to the font size and the page are used.

use crate::model::{SkipReason, Skipped};
use crate::recognize::label::parse_label;

/// A piece of text at a place on a page.
#[derive(Debug, Clone)]
pub(crate) struct Fragment {
    /// Left edge of the first character.
    pub(crate) x: f32,
    /// Baseline.
    pub(crate) y: f32,
    /// Width of the whole fragment (0 when unknown: then one font size a character).
    pub(crate) width: f32,
    /// Font size.
    pub(crate) size: f32,
    pub(crate) text: String,
}

/// A page: its size and what is written on it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) fragments: Vec<Fragment>,
}

/// The text of all pages, and what was set aside.
pub(crate) struct Laid {
    pub(crate) text: String,
    /// The end of the body (what follows is set aside).
    pub(crate) tail: usize,
    pub(crate) set_aside: Vec<Skipped>,
    /// Where each page's text starts.
    pub(crate) pages: Vec<usize>,
}

/// One line of a page.
#[derive(Debug, Clone)]
struct Line {
    x: f32,
    right: f32,
    y: f32,
    size: f32,
    text: String,
}

/// Fragments whose baselines are closer than this many font sizes are on one line.
const SAME_LINE: f32 = 0.4;
/// A gap wider than this many font sizes between fragments of a line separates cells.
const CELL_GAP: f32 = 2.0;
/// Lines in the top or bottom this share of a page may be running headers or footers.
const MARGIN_BAND: f32 = 0.1;
/// A line that ends within this many font sizes of the right margin was broken by it.
const FULL_LINE: f32 = 1.5;
/// A line that starts within this many font sizes of the left margin is not indented.
const NOT_INDENTED: f32 = 0.5;
/// Lines on one page that become text at most; the rest are counted.
const MAX_LINES_PER_PAGE: usize = 20_000;

/// Lays out the pages.
pub(crate) fn lay_out(pages: Vec<Page>) -> Laid {
    let pages: Vec<(Page, Vec<Line>)> = pages
        .into_iter()
        .map(|mut p| {
            let lines = lines(std::mem::take(&mut p.fragments));
            (p, lines)
        })
        .collect();
    // Lines in the margin bands that repeat on at least half the pages (numbers aside),
    // or that are page numbers, are furniture.
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect()
    };
    let mut repeats: rustc_hash::FxHashMap<String, usize> = Default::default();
    for (p, lines) in &pages {
        let mut seen = rustc_hash::FxHashSet::default();
        for l in lines.iter().filter(|l| in_band(l, p)) {
            if seen.insert(key(&l.text)) {
                *repeats.entry(key(&l.text)).or_default() += 1;
            }
        }
    }
    let furniture = |l: &Line, p: &Page| {
        in_band(l, p)
            && (is_page_number(&l.text)
                || (pages.len() >= 2
                    && repeats
                        .get(&key(&l.text))
                        .is_some_and(|&n| 2 * n >= pages.len())))
    };
    let mut text = String::new();
    let mut aside: Vec<String> = Vec::new();
    let mut starts = Vec::new();
    // The last line of the page before, and whether it reached the right margin: a
    // paragraph may go on over the page's end.
    let mut carried: Option<(bool, f32)> = None;
    for (p, lines) in &pages {
        let body: Vec<&Line> = lines
            .iter()
            .filter(|l| {
                let f = furniture(l, p);
                if f {
                    aside.push(l.text.clone());
                }
                !f
            })
            .collect();
        let left = body.iter().map(|l| l.x).fold(f32::INFINITY, f32::min);
        // The right margin: where the longest line of running text ends (a table row's
        // cells may reach further).
        let right = body
            .iter()
            .filter(|l| !l.text.contains('\t'))
            .map(|l| l.right)
            .fold(0.0, f32::max);
        let full = |l: &Line| l.right >= right - FULL_LINE * l.size && !l.text.contains('\t');
        let continues = |n: &Line| {
            n.x <= left + NOT_INDENTED * n.size
                && parse_label(n.text.trim_start()).is_none()
                && !n.text.contains('\t')
        };
        if let (Some((was_full, _)), Some(first)) = (carried, body.first()) {
            if !(was_full && continues(first)) {
                text.push('\n');
            }
        } else if carried.is_some() {
            text.push('\n');
        }
        starts.push(text.len());
        for (k, l) in body.iter().enumerate() {
            text.push_str(&l.text);
            match body.get(k + 1) {
                Some(n) => {
                    let broken = full(l) && continues(n) && (n.y - l.y) < 2.5 * l.size;
                    if !broken {
                        text.push('\n');
                    }
                }
                None => carried = Some((full(l), l.size)),
            }
        }
        if body.is_empty() && carried.is_none() {
            carried = Some((false, 0.0));
        }
    }
    let tail = text.trim_end().len();
    text.truncate(tail);
    let mut set_aside = Vec::new();
    for a in aside {
        text.push_str(if text.is_empty() { "" } else { "\n" });
        let from = text.len();
        text.push_str(&a);
        set_aside.push(Skipped {
            range: from..text.len(),
            reason: SkipReason::PageFurniture,
        });
    }
    Laid {
        text,
        tail,
        set_aside,
        pages: starts,
    }
}

fn in_band(l: &Line, p: &Page) -> bool {
    p.height > 0.0 && (l.y < p.height * MARGIN_BAND || l.y > p.height * (1.0 - MARGIN_BAND))
}

/// `— 3 —`, `- 3 -`, `-3-`, `第3页`, `第 3 页 共 10 页`, `3/10`, `3`.
pub(crate) fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['—', '-', '–', '－', '·', '•']);
    let digits = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    if digits(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    // 第3页, 第3页共10页, 共10页第3页.
    let inner: String = t
        .chars()
        .filter(|c| !matches!(c, '第' | '页' | '共'))
        .collect();
    t.contains('页') && t.chars().count() <= 12 && digits(&inner.replace(['，', ','], ""))
}

/// The fragments of a page as lines, top to bottom, each left to right.
fn lines(mut frags: Vec<Fragment>) -> Vec<Line> {
    frags.retain(|f| !f.text.trim().is_empty());
    frags.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Fragment>> = Vec::new();
    for f in frags {
        match lines.last_mut() {
            Some(l) if (f.y - l[0].y).abs() <= SAME_LINE * l[0].size.max(f.size) => l.push(f),
            _ => lines.push(vec![f]),
        }
    }
    lines.truncate(MAX_LINES_PER_PAGE);
    lines
        .into_iter()
        .map(|mut l| {
            l.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut text = String::new();
            let mut end: Option<f32> = None;
            for f in &l {
                if let Some(e) = end {
                    if f.x - e > CELL_GAP * f.size {
                        text.push('\t');
                    } else if needs_space(&text, &f.text) && f.x - e > 0.25 * f.size {
                        text.push(' ');
                    }
                }
                text.push_str(&f.text);
                let w = if f.width > 0.0 {
                    f.width
                } else {
                    f.size * f.text.chars().count() as f32
                };
                end = Some(f.x + w);
            }
            Line {
                x: l[0].x,
                right: end.unwrap_or(l[0].x),
                y: l[0].y,
                size: l[0].size,
                text: squeeze_line(&text),
            }
        })
        .collect()
}

/// Between two pieces of Latin text a gap is a space; next to Han characters and digits
/// it is not (`新建 5G 基站 3 万个` is `新建5G基站3万个`).
fn needs_space(before: &str, after: &str) -> bool {
    let (Some(a), Some(b)) = (before.chars().last(), after.chars().next()) else {
        return false;
    };
    a.is_ascii_alphabetic() && b.is_ascii_alphabetic()
}

/// [`squeeze_spaces`] of a line, but for the space after a decimal number that opens it
/// (`5.1.2 省级人民政府…`, `1　总则`): that one separates a label from its title.
fn squeeze_line(s: &str) -> String {
    let t = s.trim_start();
    let label = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let gap = t[label..].len() - t[label..].trim_start().len();
    if label > 0 && gap > 0 && !t[..label].ends_with('.') {
        let (head, rest) = t.split_at(label);
        format!("{head}{}{}", &rest[..gap], squeeze_spaces(&rest[gap..]))
    } else {
        squeeze_spaces(s)
    }
}

/// The spaces text runs put between Han characters, and between Han characters and
/// digits or Latin letters, removed; a space between two Latin words kept.
pub(crate) fn squeeze_spaces(s: &str) -> String {
    let is_space = |c: char| c == ' ' || c == '\u{a0}';
    let chars: Vec<char> = s.chars().collect();
    // The next character that is not a space, for each position (one pass from the end).
    let mut next: Vec<Option<char>> = vec![None; chars.len() + 1];
    for k in (0..chars.len()).rev() {
        next[k] = if is_space(chars[k]) {
            next[k + 1]
        } else {
            Some(chars[k])
        };
    }
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for (k, &c) in chars.iter().enumerate() {
        if is_space(c) {
            // One space between two Latin words; none elsewhere.
            if latin(prev) && latin(next[k + 1]) && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frag(x: f32, y: f32, text: &str) -> Fragment {
        Fragment {
            x,
            y,
            width: 0.0,
            size: 5.0,
            text: text.into(),
        }
    }

    #[test]
    fn spaces_between_han_and_digits_go() {
        assert_eq!(squeeze_spaces("新建 5G 基站 3 万个"), "新建5G基站3万个");
        assert_eq!(
            squeeze_line("5.1.2 省级人民政府 加强 3 项"),
            "5.1.2 省级人民政府加强3项"
        );
        assert_eq!(squeeze_line("3. 加强 领导"), "3.加强领导");
        // A run of 200,000 spaces in one pass (a scan per space would take minutes).
        let spaces = format!("a{}b 国{}务", " ".repeat(200_000), " ".repeat(200_000));
        assert_eq!(squeeze_spaces(&spaces), "a b国务");
        assert_eq!(
            squeeze_spaces("the State Council 国务院"),
            "the State Council国务院"
        );
    }

    #[test]
    fn page_numbers() {
        for s in [
            "— 3 —",
            "-3-",
            "- 12 -",
            "第3页",
            "第 3 页 共 10 页",
            "3/10",
            "７",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["一、总体要求", "3.加大力度", "第三章", "2022年"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn lines_paragraphs_and_furniture() {
        // A4 in millimetres; 28 characters of 5 mm between x = 25 and 165.
        let page = |n: u32, body: Vec<Fragment>| {
            let mut f = body;
            f.push(frag(95.0, 285.0, &format!("— {n} —")));
            f.push(frag(25.0, 12.0, "某某市人民政府文件"));
            Page {
                width: 210.0,
                height: 297.0,
                fragments: f,
            }
        };
        let full = "各区各部门要加强组织领导，确保各项任务落到实处，切实";
        let pages = vec![
            page(
                1,
                vec![
                    frag(35.0, 40.0, "一、"),
                    frag(45.0, 40.1, "总体要求"),
                    frag(35.0, 50.0, full),
                    frag(25.0, 60.0, "推动工作见效。"),
                    frag(35.0, 70.0, "1.新建5G基站"),
                    frag(25.0, 80.0, "序号"),
                    frag(60.0, 80.0, "任务"),
                ],
            ),
            page(2, vec![frag(35.0, 40.0, "二、保障措施")]),
        ];
        let laid = lay_out(pages);
        let body = &laid.text[..laid.tail];
        assert_eq!(
            body,
            format!("一、总体要求\n{full}推动工作见效。\n1.新建5G基站\n序号\t任务\n二、保障措施")
        );
        let aside: Vec<&str> = laid
            .set_aside
            .iter()
            .map(|s| &laid.text[s.range.clone()])
            .collect();
        assert_eq!(
            aside,
            ["某某市人民政府文件", "—1—", "某某市人民政府文件", "—2—"]
        );
        assert_eq!(laid.pages.len(), 2);
        assert_eq!(&laid.text[laid.pages[1]..laid.tail], "二、保障措施");
    }
}

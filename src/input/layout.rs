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
    /// Fragments the reader did not keep (past its bound for a page).
    pub(crate) left_out: usize,
}

/// The text of all pages, and what was set aside.
pub(crate) struct Laid {
    pub(crate) text: String,
    /// The end of the body (what follows is set aside).
    pub(crate) tail: usize,
    pub(crate) set_aside: Vec<Skipped>,
    /// Where each page's text starts.
    pub(crate) pages: Vec<usize>,
    /// What was not read, past the bounds (`12 text runs of page 3`), to be reported.
    pub(crate) left_out: Vec<String>,
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
/// A line was broken by the right margin when the next line's first word, and this many
/// font sizes more (the spacing and punctuation that vary from line to line), would not
/// have fitted after it.
const FULL_LINE: f32 = 1.0;
/// A line that starts within this many font sizes of the left margin is not indented.
const NOT_INDENTED: f32 = 0.5;
/// Lines on one page that become text at most; the rest are counted and reported.
const MAX_LINES_PER_PAGE: usize = 20_000;

/// Lays out the pages.
pub(crate) fn lay_out(pages: Vec<Page>) -> Laid {
    let mut left_out = Vec::new();
    let pages: Vec<(Page, Vec<Line>)> = pages
        .into_iter()
        .enumerate()
        .map(|(k, mut p)| {
            let (lines, dropped) = lines(std::mem::take(&mut p.fragments));
            if p.left_out > 0 {
                left_out.push(format!("{} pieces of text of page {}", p.left_out, k + 1));
            }
            if dropped > 0 {
                left_out.push(format!(
                    "{dropped} lines of page {} past its {MAX_LINES_PER_PAGE}th",
                    k + 1
                ));
            }
            (p, lines)
        })
        .collect();
    // Lines in the margin bands that repeat on at least half the pages and on two at
    // least (numbers aside), or that are page numbers, are furniture.
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
                        .is_some_and(|&n| n >= 2 && 2 * n >= pages.len())))
    };
    let mut text = String::new();
    let mut aside: Vec<String> = Vec::new();
    let mut starts = Vec::new();
    // The last line of the page before, and whether it reached the right margin: a
    // paragraph may go on over the page's end.
    // (Its text is kept for what it ends with.)
    let mut carried: Option<(bool, String)> = None;
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
        let right = right_margin(&body);
        let full = |l: &Line, next: Option<&Line>| {
            let word = next.map_or(l.size, |n| first_word(&n.text, n.size));
            l.right + word + FULL_LINE * l.size >= right && !l.text.contains('\t')
        };
        let continues = |before: &str, n: &Line| {
            n.x <= left + NOT_INDENTED * n.size
                && (!opens_item(&n.text) || cites(before, &n.text))
                && !n.text.contains('\t')
        };
        if let (Some((was_full, before)), Some(first)) = (&carried, body.first()) {
            if !(*was_full && continues(before, first)) {
                text.push('\n');
            }
        } else if carried.is_some() {
            text.push('\n');
        }
        starts.push(text.len());
        let mut joined = false;
        for (k, l) in body.iter().enumerate() {
            if joined {
                // A line that goes on from the one before opens with no label: the gap
                // after a number that opens it (`30 日`) is one to squeeze.
                text.push_str(&squeeze_spaces(&l.text));
            } else {
                text.push_str(&l.text);
            }
            joined = false;
            match body.get(k + 1) {
                Some(n) => {
                    let broken =
                        full(l, Some(n)) && continues(&l.text, n) && (n.y - l.y) < 2.5 * l.size;
                    if broken {
                        joined = true;
                    } else {
                        text.push('\n');
                    }
                }
                None => carried = Some((full(l, None), l.text.clone())),
            }
        }
        if body.is_empty() && carried.is_none() {
            carried = Some((false, String::new()));
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
        left_out,
    }
}

/// Where the lines of running text end that the margin broke: where most lines in the
/// right part of the text end, within a character and a half (not where the furthest
/// ends: a table row's cells, a long URL, a hanging punctuation mark or a glyph whose
/// width a font misstates may reach past the margin). With fewer than two lines ending
/// together, the furthest end.
fn right_margin(body: &[&Line]) -> f32 {
    let mut ends: Vec<(f32, f32)> = body
        .iter()
        .filter(|l| !l.text.contains('\t'))
        .map(|l| (l.right, 1.5 * l.size))
        .collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let furthest = ends.last().map_or(0.0, |e| e.0);
    // Short lines (a title's, a list's) may end together too: only ends in the right
    // two fifths of the text's width count.
    let left = body.iter().map(|l| l.x).fold(f32::INFINITY, f32::min);
    ends.retain(|e| e.0 >= left + 0.6 * (furthest - left));
    // For each end, how many ends lie in the band before it (two pointers: one pass).
    let (mut best, mut most) = (furthest, 1);
    let mut from = 0;
    for (k, &(r, band)) in ends.iter().enumerate() {
        while ends[from].0 < r - band {
            from += 1;
        }
        if k + 1 - from >= most {
            (best, most) = (r, k + 1 - from);
        }
    }
    if most >= 2 {
        best
    } else {
        furthest
    }
}

fn in_band(l: &Line, p: &Page) -> bool {
    p.height > 0.0 && (l.y < p.height * MARGIN_BAND || l.y > p.height * (1.0 - MARGIN_BAND))
}

/// `— 3 —`, `- 3 -`, `-3-`, `第3页`, `第 3 页 共 10 页`, `3/10`, `3`.
pub(crate) fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['—', '-', '–', '－', '·', '•']);
    // A page number has at most five digits (a line of many digits is text).
    let digits = |s: &str| {
        !s.is_empty()
            && s.chars().count() <= 5
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

/// The fragments of a page as lines, top to bottom, each left to right; and how many
/// lines past the bound were left out.
fn lines(mut frags: Vec<Fragment>) -> (Vec<Line>, usize) {
    frags.retain(|f| !f.text.trim().is_empty());
    frags.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Fragment>> = Vec::new();
    for f in frags {
        match lines.last_mut() {
            Some(l) if (f.y - l[0].y).abs() <= SAME_LINE * l[0].size.max(f.size) => l.push(f),
            _ => lines.push(vec![f]),
        }
    }
    let dropped = lines.len().saturating_sub(MAX_LINES_PER_PAGE);
    lines.truncate(MAX_LINES_PER_PAGE);
    let lines = lines
        .into_iter()
        .map(|mut l| {
            l.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut text = String::new();
            let mut end: Option<f32> = None;
            for f in &l {
                if let Some(e) = end {
                    if f.x - e > CELL_GAP * f.size {
                        text.push('\t');
                    } else if (needs_space(&text, &f.text) || is_decimal_label(&text))
                        && f.x - e > 0.25 * f.size
                    {
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
        .collect();
    (lines, dropped)
}

/// About how wide the first word of a line is: what a line break cannot split, by the
/// Unicode line breaking rules (UAX #14) that word processors follow (one Han character
/// with the punctuation that may not open or close a line, `“四`, `〔2017〕`, or a run of
/// Latin letters and digits, `2022、2023、2024、2025`, `11:00(含)`).
fn first_word(line: &str, size: f32) -> f32 {
    let line = line.trim_start();
    // A list of numbers (`2022、2023`) stays together too, as word processors set it.
    let listed = |at: usize| {
        let mut before = line[..at].chars().rev();
        matches!(before.next(), Some('、' | '，' | ','))
            && before.next().is_some_and(|c| c.is_ascii_digit())
            && line[at..].starts_with(|c: char| c.is_ascii_digit())
    };
    let end = unicode_linebreak::linebreaks(line)
        .map(|(at, _)| at)
        .find(|&at| at > 0 && !listed(at))
        .unwrap_or(line.len());
    line[..end]
        .trim_end()
        .chars()
        .map(|c| if c < '\u{2000}' { 0.55 * size } else { size })
        .sum()
}

/// Whether a line opens with a label, so that it starts an item of its own. A number
/// past 999 is not an item's (`2022、2023、2024年` broken at the margin before `2022`).
fn opens_item(line: &str) -> bool {
    parse_label(line.trim_start()).is_some_and(|l| l.number < 1000)
}

/// Whether a line that opens with `第十条` goes on citing the title that ends the line
/// before (`…《某市预售资金监管实施细则》(2022版)` / `第十条。`): a heading follows a
/// sentence's end, never a title.
fn cites(before: &str, line: &str) -> bool {
    let mut t = before.trim_end();
    // A bracketed edition after the title: `《…实施细则》(2022版)`.
    if t.ends_with([')', '）']) {
        t = t.rfind(['(', '（']).map_or(t, |k| &t[..k]);
    }
    t.ends_with('》') && parse_label(line.trim_start()).is_some_and(|l| l.style.is_di())
}

/// A multi-level decimal number (`6.2.1`): the gap after it separates it from its title.
fn is_decimal_label(s: &str) -> bool {
    // Asked as each fragment of a line is added: a label is short, and a long line is
    // not looked through again and again.
    if s.len() > 24 {
        return false;
    }
    let t = s.trim();
    t.contains('.')
        && !t.ends_with('.')
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Between two pieces of Latin text or numbers a gap is a space; next to Han characters
/// it is not (`新建 5G 基站 3 万个` is `新建5G基站3万个`).
fn needs_space(before: &str, after: &str) -> bool {
    let (Some(a), Some(b)) = (before.chars().last(), after.chars().next()) else {
        return false;
    };
    a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
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
/// digits or Latin letters, removed; a space between two Latin words or numbers kept.
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
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for (k, &c) in chars.iter().enumerate() {
        if is_space(c) {
            // One space between two Latin words or numbers (`2022-04-22 16:05`); none
            // elsewhere.
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
        assert_eq!(
            squeeze_spaces("发布日期: 2022-04-22  16:05 来源"),
            "发布日期:2022-04-22 16:05来源"
        );
        // A run of 200,000 spaces in one pass (a scan per space would take minutes).
        let spaces = format!("a{}b 国{}务", " ".repeat(200_000), " ".repeat(200_000));
        assert_eq!(squeeze_spaces(&spaces), "a b国务");
        assert_eq!(
            squeeze_spaces("the State Council 国务院"),
            "the State Council国务院"
        );
    }

    #[test]
    fn words_a_line_break_cannot_split() {
        // One Han character; with the mark that may not open a line; a run of numbers.
        assert_eq!(first_word("效果", 10.0), 10.0);
        assert_eq!(first_word("“四个自信”", 10.0), 20.0);
        assert!(first_word("2022、2023、2024、2025年末", 10.0) > 100.0);
        assert!(first_word("11:00(含)—13:00", 10.0) > 40.0);
        assert_eq!(first_word("", 10.0), 0.0);
    }

    #[test]
    fn the_margin_is_where_most_lines_end() {
        let line = |x: f32, right: f32| Line {
            x,
            right,
            y: 0.0,
            size: 10.0,
            text: "正文".into(),
        };
        // Full lines end between 529 and 539; a URL overflows to 670; a title's short
        // lines end together at 156.
        let lines = [
            line(57.0, 156.0),
            line(57.0, 155.0),
            line(57.0, 157.0),
            line(57.0, 529.0),
            line(57.0, 535.0),
            line(57.0, 539.0),
            line(57.0, 670.0),
        ];
        let refs: Vec<&Line> = lines.iter().collect();
        assert_eq!(right_margin(&refs), 539.0);
        assert_eq!(right_margin(&refs[..1]), 156.0);
        assert_eq!(right_margin(&[]), 0.0);
    }

    #[test]
    fn a_citation_goes_on_over_the_break() {
        assert!(cites("按照《某市实施细则》", "第十条规定执行"));
        assert!(cites("取消《某市实施细则》(2022版)", "第十条。"));
        assert!(!cites("加强组织领导。", "第十条 各部门"));
        assert!(!cites("按照《某市实施细则》", "1.加强领导"));
        assert!(opens_item("3.加强领导") && !opens_item("2022、2023年"));
    }

    #[test]
    fn lines_past_the_bound_are_reported() {
        let fragments: Vec<Fragment> = (0..MAX_LINES_PER_PAGE + 3)
            .map(|k| frag(25.0, k as f32 * 10.0, "正文"))
            .collect();
        let laid = lay_out(vec![Page {
            width: 210.0,
            height: 1e9,
            fragments,
            left_out: 7,
        }]);
        assert_eq!(
            laid.left_out,
            [
                "7 pieces of text of page 1",
                "3 lines of page 1 past its 20000th"
            ]
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
        for s in ["一、总体要求", "3.加大力度", "第三章", "2022年", "1234567"] {
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
                left_out: 0,
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

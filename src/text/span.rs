//! Positions: byte ranges inside the library, character offsets and lines at the edge.
//!
//! Takes the decoded text; gives a [`LineIndex`] that turns a byte offset into a
//! character (Unicode scalar) offset, a 1-based line and a 1-based column, so that
//! a Python user can slice `text[start:end]` with what the JSON says.

use serde::Serialize;
use std::ops::Range;

/// A span as users see it: character offsets (end exclusive) and the 1-based line of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "span")]
pub struct Span {
    /// Character offset where the span starts.
    pub start: usize,
    /// Character offset just past its end.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
}

/// Maps byte offsets of one text to character offsets, lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts.
    line_starts: Starts,
    /// `blocks[k]`: characters that start before byte `k * BLOCK`, counted from the
    /// start of its group of [`GROUP`] blocks; `groups[g]` counts those before group `g`.
    /// Looked up directly, so a span costs two reads and a count within one block.
    /// Both are empty for ASCII text. Two bytes per 64 of text: a group is 64 KiB.
    blocks: Vec<u16>,
    groups: Vec<usize>,
}

/// Lines a group of [`Starts`]: one four-byte base for each.
const LINES: usize = 32;
/// The offset in [`Starts::offs`] of a line whose start is not within reach of its
/// group's base.
const FAR: u16 = u16::MAX;

/// Where the lines of a text start, in a little over two bytes a line (a text of many
/// short lines, `1.` on ten million lines, would need four or eight as a list of
/// offsets): the start of every [`LINES`]th line, and each line's distance from that.
/// Texts are at most 4 GiB (`parse_bytes` refuses longer input).
#[derive(Debug, Clone, Default)]
struct Starts {
    /// The start of the first line of each group.
    bases: Vec<u32>,
    /// Each line's start less its group's base; [`FAR`] when that does not fit two
    /// bytes (a group of lines longer than 64 KiB), the start is then in `far`.
    offs: Vec<u16>,
    /// The lines whose start is [`FAR`] from their base, with it, in order of line.
    far: Vec<(u32, u32)>,
}

impl Starts {
    /// The line starts given in order.
    fn new(n: usize, starts: impl Iterator<Item = usize>) -> Starts {
        let mut out = Starts {
            bases: Vec::with_capacity(n / LINES + 1),
            offs: Vec::with_capacity(n),
            far: Vec::new(),
        };
        for (k, at) in starts.enumerate() {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            if k % LINES == 0 {
                out.bases.push(at);
            }
            let base = out.bases[k / LINES];
            match u16::try_from(at - base) {
                Ok(d) if d != FAR => out.offs.push(d),
                _ => {
                    out.offs.push(FAR);
                    out.far.push((k as u32, at));
                }
            }
        }
        out
    }

    fn len(&self) -> usize {
        self.offs.len()
    }

    /// Where line `k` (0-based) starts.
    fn get(&self, k: usize) -> usize {
        match self.offs[k] {
            FAR => {
                let i = self.far.partition_point(|&(l, _)| (l as usize) < k);
                self.far[i].1 as usize
            }
            d => self.bases[k / LINES] as usize + d as usize,
        }
    }

    /// How many of the first `n` lines start at or before byte `at`.
    fn count_upto(&self, at: usize, n: usize) -> usize {
        let groups = n.div_ceil(LINES);
        let g = self.bases[..groups].partition_point(|&b| b as usize <= at);
        if g == 0 {
            return 0;
        }
        // Within the group, whose first line starts at or before `at`, the first line
        // starting after it.
        let (mut lo, mut hi) = ((g - 1) * LINES + 1, (g * LINES).min(n));
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.get(mid) <= at {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// The lines of a text, read from its [`LineIndex`]: the content range of each
/// (terminators `\n`, `\r\n`, `\r` excluded), without a list of its own.
#[derive(Clone, Copy)]
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: &'a Starts,
    /// How many lines of `starts` are the text's.
    n: usize,
}

impl<'a> Lines<'a> {
    /// How many lines.
    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// The content of line `k` (0-based).
    pub(crate) fn get(&self, k: usize) -> Range<usize> {
        assert!(k < self.n, "line {k} of {}", self.n);
        let start = self.starts.get(k);
        let end = match (k + 1 < self.n).then(|| self.starts.get(k + 1)) {
            Some(next) => {
                let b = self.text.as_bytes();
                if next >= 2 && b[next - 2] == b'\r' && b[next - 1] == b'\n' {
                    next - 2
                } else {
                    next - 1
                }
            }
            None => self.text.len(),
        };
        start..end
    }

    /// The line (0-based) that byte `at` is on.
    pub(crate) fn index_of(&self, at: usize) -> usize {
        self.starts.count_upto(at, self.n).saturating_sub(1)
    }

    /// Every line, in order (or in reverse).
    pub(crate) fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = Range<usize>> + ExactSizeIterator + 'a {
        let this = *self;
        (0..self.len()).map(move |k| this.get(k))
    }
}

/// Bytes per entry of [`LineIndex::blocks`]: 2 bytes of index per 64 of text.
const BLOCK: usize = 64;
/// Blocks per group: a group spans 64 KiB, so the characters before a block within its
/// group (at most the 65,472 bytes of the blocks before it) fit a u16.
const GROUP: usize = 1 << 10;

/// Characters that start in `b` (bytes that are not UTF-8 continuation bytes),
/// eight bytes at a time: each byte's lane counts the continuation bytes met in it, and
/// one multiplication adds the lanes up per 248 bytes (their sum stays below 256), where
/// a population count per word takes x86-64 without POPCNT a dozen steps.
fn char_starts(b: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    b.chunks(248)
        .map(|piece| {
            let mut words = piece.chunks_exact(8);
            let mut lanes = 0u64;
            for w in &mut words {
                let x = u64::from_le_bytes(w.try_into().expect("eight bytes"));
                // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
                lanes += (x >> 7) & !(x >> 6) & LOW;
            }
            let rest = words.remainder();
            let continuation = (lanes.wrapping_mul(LOW) >> 56) as usize
                + rest.iter().filter(|&&x| (x as i8) < -0x40).count();
            piece.len() - continuation
        })
        .sum()
}

/// Content ranges of the lines of `text`, one at a time (terminators `\n`, `\r\n`, `\r`
/// excluded): the one rule of what a line is, for the outline and the [`LineIndex`].
pub(crate) fn line_iter(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', b);
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        for i in breaks.by_ref() {
            if i < start {
                continue; // the \n of a \r\n already taken
            }
            let line = start..i;
            start = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            return Some(line);
        }
        done = true;
        Some(start..b.len())
    })
}

impl LineIndex {
    /// The index of `text`: its line starts and, for non-ASCII text, character counts.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        // Counted first, so the list is allocated once at its size.
        let n = 1 + memchr::memchr2_iter(b'\n', b'\r', bytes).count();
        let line_starts = Starts::new(n, line_iter(text).map(|r| r.start));
        let (mut blocks, mut groups) = (Vec::new(), Vec::new());
        if !text.is_ascii() {
            blocks.reserve(bytes.len() / BLOCK + 1);
            let (mut total, mut in_group) = (0, 0);
            for (k, chunk) in bytes.chunks(BLOCK).enumerate() {
                if k % GROUP == 0 {
                    groups.push(total);
                    in_group = 0;
                }
                blocks.push(u16::try_from(in_group).expect("fewer characters than bytes"));
                let n = char_starts(chunk);
                in_group += n;
                total += n;
            }
        }
        LineIndex {
            line_starts,
            blocks,
            groups,
        }
    }

    /// Like [`char_offset`](Self::char_offset), given the character offset `chars` of
    /// an earlier byte offset `from`: the end of a short span is counted from its start.
    pub fn char_offset_after(
        &self,
        text: &str,
        byte: usize,
        (from, chars): (usize, usize),
    ) -> usize {
        if from <= byte && byte - from <= BLOCK / 2 {
            chars + char_starts(&text.as_bytes()[from..byte])
        } else {
            self.char_offset(text, byte)
        }
    }

    /// Character offset of a byte offset (which must lie on a char boundary of `text`).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        // The end of the text may lie just past the last block.
        let k = (byte / BLOCK).min(self.blocks.len() - 1);
        self.groups[k / GROUP]
            + self.blocks[k] as usize
            + char_starts(&text.as_bytes()[k * BLOCK..byte])
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, byte: usize) -> usize {
        let ls = &self.line_starts;
        ls.count_upto(byte, ls.len())
    }

    /// Like [`line`](Self::line), trying the 1-based line `near` and the few after it
    /// first: spans written in document order are mostly on the line of the last one,
    /// or a little further on.
    pub fn line_near(&self, byte: usize, near: usize) -> usize {
        const AHEAD: usize = 8;
        let ls = &self.line_starts;
        if near >= 1 && near <= ls.len() && ls.get(near - 1) <= byte {
            // Line `near` starts at or before `byte`: the first line after it that starts
            // past `byte` ends the search.
            for l in near..(near + AHEAD).min(ls.len()) {
                if ls.get(l) > byte {
                    return l;
                }
            }
            if near + AHEAD >= ls.len() {
                return ls.len();
            }
        }
        self.line(byte)
    }

    /// Byte offset where the 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line - 1)
    }

    /// The lines of `text` (which this index was made from, or the part of it before
    /// some point), without their terminators.
    pub(crate) fn lines<'a>(&'a self, text: &'a str) -> Lines<'a> {
        let ls = &self.line_starts;
        Lines {
            text,
            starts: ls,
            n: ls.count_upto(text.len(), ls.len()),
        }
    }

    /// 1-based column, in characters, of a byte offset.
    pub fn column(&self, text: &str, byte: usize) -> usize {
        let start = self.line_start(self.line(byte));
        text[start..byte].chars().count() + 1
    }

    /// The span users see for a byte range of `text`.
    pub fn span(&self, text: &str, range: &Range<usize>) -> Span {
        Span {
            start: self.char_offset(text, range.start),
            end: self.char_offset(text, range.end),
            line: self.line(range.start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_counted_as_a_plain_count_does() {
        let text = "一、甲 a\r\n🙂é（二）".repeat(40);
        let b = text.as_bytes();
        for from in 0..12 {
            for to in from..b.len() {
                let want = b[from..to].iter().filter(|&&x| (x as i8) >= -0x40).count();
                assert_eq!(char_starts(&b[from..to]), want, "{from}..{to}");
            }
        }
        assert_eq!(char_starts(b), text.chars().count());
    }

    #[test]
    fn lines_of_a_part_of_the_text() {
        let t = "一、甲\n二、乙\n\n网站地图";
        let ix = LineIndex::new(t);
        let part = &t[..t.find("网站").unwrap()];
        let got: Vec<&str> = ix.lines(part).iter().map(|r| &part[r]).collect();
        assert_eq!(got, ["一、甲", "二、乙", "", ""]);
    }

    #[test]
    fn lines_from_the_index_are_those_of_line_iter() {
        for t in ["a\r\nb\rc\n\nd", "", "x\n", "\r\n\r\n", "一、甲\r\n二、乙"] {
            let ix = LineIndex::new(t);
            let got: Vec<_> = ix.lines(t).iter().collect();
            let want: Vec<_> = line_iter(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn line_starts_near_and_far() {
        // Short lines, lines longer than a group's reach, and groups that span it.
        let mut t = String::new();
        for k in 0..200 {
            let len = match k % 7 {
                0 => 70_000,
                3 => 3_000,
                _ => k % 5,
            };
            t.push_str(&"x".repeat(len));
            t.push_str(["\n", "\r\n", "\r"][k % 3]);
        }
        let ix = LineIndex::new(&t);
        let want: Vec<usize> = line_iter(&t).map(|r| r.start).collect();
        assert_eq!(ix.line_starts.len(), want.len());
        assert!(!ix.line_starts.far.is_empty());
        for (k, &at) in want.iter().enumerate() {
            assert_eq!(ix.line_start(k + 1), at);
            assert_eq!(ix.line(at), k + 1);
            if at > 0 {
                assert_eq!(ix.line(at - 1), k);
            }
        }
        let got: Vec<_> = ix.lines(&t).iter().collect();
        assert_eq!(got, line_iter(&t).collect::<Vec<_>>());
        let part = &t[..want[100] - 1];
        assert_eq!(ix.lines(part).len(), 100);
    }

    #[test]
    fn offsets_lines_columns() {
        let t = "山西\r\nab\n一、总体要求\rx";
        let ix = LineIndex::new(t);
        let b = t.find("总").unwrap();
        assert_eq!(ix.char_offset(t, b), 9);
        assert_eq!(ix.line(b), 3);
        assert_eq!(ix.column(t, b), 3);
        assert_eq!(ix.line(t.find('x').unwrap()), 4);
        // A hint, right or wrong, gives the same line; so does a start counted from.
        for b in 0..=t.len() {
            for near in 0..7 {
                assert_eq!(ix.line_near(b, near), ix.line(b), "byte {b}, near {near}");
            }
            for (from, _) in t.char_indices().filter(|&(i, _)| i <= b) {
                let at = (from, ix.char_offset(t, from));
                assert_eq!(ix.char_offset_after(t, b, at), ix.char_offset(t, b));
            }
        }
        // Many lines, hints behind and ahead by more than the lines looked at.
        let many: String = (0..100).map(|k| format!("{k}\n")).collect();
        let ix = LineIndex::new(&many);
        for b in 0..=many.len() {
            for near in [0, 1, 5, 20, 50, 99, 100, 101, 200] {
                assert_eq!(ix.line_near(b, near), ix.line(b), "byte {b}, near {near}");
            }
        }
        let long: String = "汉".repeat(2000) + "x";
        let ix = LineIndex::new(&long);
        assert_eq!(ix.char_offset(&long, long.len() - 1), 2000);
        assert_eq!(ix.char_offset(&long, long.len()), 2001);
        // Every offset of a text longer than one group of blocks.
        let t: String = "一a二bc三".repeat(GROUP * BLOCK / 6);
        let ix = LineIndex::new(&t);
        for (chars, (b, _)) in t.char_indices().chain([(t.len(), ' ')]).enumerate() {
            assert_eq!(ix.char_offset(&t, b), chars);
        }
    }
}

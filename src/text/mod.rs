//! Text: characters, lines, positions, character sets and numerals.
//!
//! The bottom layer. It knows only `&str`: nothing here knows what a document, a
//! heading or a unit is, so every stage above can use it without importing another.

pub(crate) mod charset;
pub(crate) mod numeral;
pub(crate) mod span;

pub use span::{LineIndex, Span};
use std::ops::Range;

/// White space as documents use it: Unicode white space (U+3000 and NBSP included) and
/// a stray byte-order mark.
pub(crate) fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// A Han character (CJK unified ideographs, extension A, compatibility ideographs, 〇).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇' | '\u{f900}'..='\u{faff}')
}

/// Content ranges of the lines of `text` (terminators `\n`, `\r\n`, `\r` excluded).
pub(crate) fn lines(text: &str) -> Vec<Range<usize>> {
    span::line_iter(text).collect()
}

/// Byte offset of the first line break (`\n` or `\r`) in `s`, found with vector instructions.
pub(crate) fn line_break(s: &str) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', s.as_bytes())
}

/// `r` without leading and trailing white space (U+3000 and NBSP included).
pub(crate) fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches(is_ws).len();
    let t = s.trim_end_matches(is_ws);
    if t.len() <= lead {
        return r.start..r.start;
    }
    r.start + lead..r.start + t.len()
}

/// `r` trimmed, or the empty range at `r.start` when nothing but white space is in it.
/// The spans of titles and texts are never empty ranges somewhere else.
pub(crate) fn trim_or_empty(text: &str, r: Range<usize>) -> Range<usize> {
    let t = trim(text, r.clone());
    if t.is_empty() {
        r.start..r.start
    } else {
        t
    }
}

/// `s` without any white space at all (`第 706 号` → `第706号`).
/// Whether `s` has at most `n` characters that are not white space: a test that reads
/// no further than needed, before a copy without white space is made.
pub(crate) fn at_most_solid(s: &str, n: usize) -> bool {
    s.chars().filter(|&c| !is_ws(c)).nth(n).is_none()
}

/// `s` without its white space, in room of its size (collected by doubling, a long
/// line would take up to twice its size).
pub(crate) fn without_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter(|c| !is_ws(*c)));
    out
}

/// A string with white space between two Han characters removed (`总　　则` → `总则`).
pub(crate) fn squeeze(s: &str) -> String {
    squeezed(s).map_or_else(|| s.to_string(), String::from)
}

/// `s` with white space squeezed out, or `None` when it has none (the common case).
/// In room of `s`'s size: a title of ten megabytes is copied once, not as characters.
pub(crate) fn squeezed(s: &str) -> Option<Box<str>> {
    if !s.contains(is_ws) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find(is_ws) {
        out.push_str(&rest[..k]);
        let run = &rest[k..];
        let n = run.len() - run.trim_start_matches(is_ws).len();
        let before = out.chars().next_back().is_some_and(is_han);
        let after = run[n..].chars().next().is_some_and(is_han);
        if !(before && after) {
            out.push_str(&run[..n]);
        }
        rest = &run[n..];
    }
    out.push_str(rest);
    (out != s).then(|| out.into_boxed_str())
}

/// The char boundary at or before byte `i` of `s`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after byte `i` of `s`.
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `bytes` as a `String` without a copy, if they are UTF-8; checked with simdutf8, about
/// ten times faster than the standard library on Chinese text.
pub(crate) fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    utf8_string_after(bytes, 0)
}

/// [`utf8_string`] of the bytes after the first `skip` (a BOM), which are dropped.
pub(crate) fn utf8_string_after(mut bytes: Vec<u8>, skip: usize) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes[skip..]).is_err() {
        return Err(bytes);
    }
    bytes.drain(..skip);
    // SAFETY: the bytes were checked to be UTF-8 just above.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends() {
        let t = "a\r\nb\rc\n\nd";
        let got: Vec<&str> = lines(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert_eq!(lines("x\n").len(), 2);
        assert_eq!(lines("").len(), 1);
    }

    /// The first way [`squeezed`] was written, a character at a time.
    fn squeezed_by_chars(s: &str) -> Option<Box<str>> {
        if !s.contains(is_ws) {
            return None;
        }
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if is_ws(c) {
                let mut j = i;
                while j < chars.len() && is_ws(chars[j]) {
                    j += 1;
                }
                let before = out.chars().last().is_some_and(is_han);
                let after = chars.get(j).copied().is_some_and(is_han);
                if !(before && after) {
                    out.extend(&chars[i..j]);
                }
                i = j;
                continue;
            }
            out.push(c);
            i += 1;
        }
        (out != s).then(|| out.into_boxed_str())
    }

    #[test]
    fn squeezed_as_a_character_at_a_time() {
        let pieces = [
            "总", "a", " ", "　", "\t", "5", "国家", "\u{feff}", "é", "〇",
        ];
        // Every string of up to five pieces.
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let next: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(next);
            texts.sort();
            texts.dedup();
        }
        for t in &texts {
            assert_eq!(squeezed(t), squeezed_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn squeeze_spaces_between_han() {
        assert_eq!(squeeze("总　　则"), "总则");
        assert_eq!(squeeze("国 家 粮 食"), "国家粮食");
        assert_eq!(squeeze("5G 网络 a b"), "5G 网络 a b");
    }

    #[test]
    fn trims() {
        let t = "　 一、 x　\n";
        assert_eq!(&t[trim(t, 0..t.len())], "一、 x");
        assert_eq!(trim_or_empty(t, 0..4), 0..0);
        assert_eq!(without_ws("第 706 号"), "第706号");
    }
}

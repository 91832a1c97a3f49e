//! Fast scans for a few characters: quantities look for numerals and opening quotes this
//! way instead of with a regex, which pays for every match it returns (numerals are
//! frequent). Where matches are fewer (brackets, line breaks), a vectorized literal
//! search ([`brackets_and_breaks`]) or memchr skips ahead many bytes at a time.
//!
//! Takes a text; gives the byte offsets of the characters of a [`CharSet`], or of the
//! brackets and line breaks.

use std::sync::LazyLock;

/// A set of characters of the Basic Multilingual Plane, as a bitmap (8 KiB). A set made
/// at run time ([`CharSet::of`]) from characters outside it answers yes for every such
/// character: it is used to rule text out, and must never rule out too much.
#[derive(Clone)]
pub(crate) struct CharSet {
    bits: [u64; 1024],
    astral: bool,
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet {
            bits: [0; 1024],
            astral: false,
        }
    }
}

impl std::fmt::Debug for CharSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n: u32 = self.bits.iter().map(|b| b.count_ones()).sum();
        write!(f, "CharSet({n} characters)")
    }
}

impl CharSet {
    /// The set of `chars`, made at run time (from a word list).
    pub(crate) fn of(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut set = CharSet::default();
        for c in chars {
            let c = c as usize;
            if c < 0x10000 {
                set.bits[c >> 6] |= 1 << (c & 63);
            } else {
                set.astral = true;
            }
        }
        set
    }

    /// The set of `chars`; characters outside the BMP are not allowed.
    pub(crate) const fn new(chars: &[char]) -> CharSet {
        let mut bits = [0u64; 1024];
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k] as usize;
            assert!(c < 0x10000, "CharSet holds BMP characters only");
            bits[c >> 6] |= 1 << (c & 63);
            k += 1;
        }
        CharSet {
            bits,
            astral: false,
        }
    }

    /// The characters of both sets.
    pub(crate) const fn union(&self, other: &CharSet) -> CharSet {
        let mut bits = self.bits;
        let mut k = 0;
        while k < bits.len() {
            bits[k] |= other.bits[k];
            k += 1;
        }
        CharSet {
            bits,
            astral: self.astral || other.astral,
        }
    }

    #[inline]
    fn has(&self, cp: usize) -> bool {
        self.bits[cp >> 6] & (1 << (cp & 63)) != 0
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        if (c as usize) < 0x10000 {
            self.has(c as usize)
        } else {
            self.astral
        }
    }

    /// Whether `s` starts with a character of the set.
    pub(crate) fn starts(&self, s: &str) -> bool {
        s.chars().next().is_some_and(|c| self.contains(c))
    }

    /// Whether `s` ends with a character of the set.
    pub(crate) fn ends(&self, s: &str) -> bool {
        s.chars().next_back().is_some_and(|c| self.contains(c))
    }

    /// Whether any character of `s` is in the set.
    pub(crate) fn any_in(&self, s: &str) -> bool {
        s.chars().any(|c| self.contains(c))
    }

    /// Byte offset of the first character of the set at or after `from` (a char boundary).
    #[inline]
    pub(crate) fn find_from(&self, s: &str, from: usize) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = from;
        while i < b.len() {
            let x = b[i] as usize;
            // `s` is valid UTF-8, so a lead byte is followed by its continuation bytes.
            let (cp, len) = if x < 0x80 {
                (x, 1)
            } else if x < 0xC0 {
                // A continuation byte: `from` was inside a character.
                i += 1;
                continue;
            } else if x < 0xE0 {
                (((x & 0x1F) << 6) | (b[i + 1] as usize & 0x3F), 2)
            } else if x < 0xF0 {
                (
                    ((x & 0x0F) << 12)
                        | ((b[i + 1] as usize & 0x3F) << 6)
                        | (b[i + 2] as usize & 0x3F),
                    3,
                )
            } else {
                if self.astral {
                    return Some(i);
                }
                i += 4;
                continue;
            };
            if self.has(cp) {
                return Some(i);
            }
            i += len;
        }
        None
    }

    /// Byte offsets of the characters of the set in `s`.
    #[cfg(test)]
    pub(crate) fn find_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = usize> + 's {
        let mut from = 0;
        std::iter::from_fn(move || {
            let at = self.find_from(s, from)?;
            from = at + s[at..].chars().next().map_or(1, char::len_utf8);
            Some(at)
        })
    }
}

/// Searches for brackets and line breaks: a packed (Teddy) searcher where the CPU has the
/// vector instructions for it, else an automaton. Either finds each match in a few
/// instructions; a `regex` for the same class pays a few hundred per match, and line
/// breaks are frequent.
enum Literals {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

const ROUND_AND_BREAKS: [&str; 6] = ["(", ")", "（", "）", "\n", "\r"];
const BRACKETS_AND_BREAKS: [&str; 16] = [
    "(", ")", "（", "）", "〔", "〕", "[", "]", "［", "］", "【", "】", "〈", "〉", "\n", "\r",
];

fn searcher(literals: &[&str]) -> Literals {
    match aho_corasick::packed::Searcher::new(literals) {
        Some(p) => Literals::Packed(p),
        None => {
            Literals::Automaton(aho_corasick::AhoCorasick::new(literals).expect("short literals"))
        }
    }
}

static ROUND_SEARCH: LazyLock<Literals> = LazyLock::new(|| searcher(&ROUND_AND_BREAKS));
static BRACKET_SEARCH: LazyLock<Literals> = LazyLock::new(|| searcher(&BRACKETS_AND_BREAKS));

fn find_all<'s>(search: &'s Literals, s: &'s str) -> impl Iterator<Item = usize> + 's {
    let mut from = 0;
    std::iter::from_fn(move || {
        let m = match search {
            Literals::Packed(p) => p.find(&s[from..])?,
            Literals::Automaton(a) => a.find(&s[from..])?,
        };
        let at = from + m.start();
        from += m.end();
        Some(at)
    })
}

/// Byte offsets of the round brackets `(` `)` `（` `）` and of `\n` and `\r` in `s`, in
/// order (fewer literals search faster: the bracket check reads round ones only).
pub(crate) fn round_brackets_and_breaks(s: &str) -> impl Iterator<Item = usize> + '_ {
    find_all(&ROUND_SEARCH, s)
}

/// Byte offsets of the round brackets `(` `)` `（` `）`, the square ones `〔〕 [] ［］ 【】`,
/// the angle ones `〈〉`, and of `\n` and `\r` in `s`, in order.
/// `square` says whether `s` may hold square or angle brackets ([`has_square`]; false: it
/// holds none, as a document without any tells its nodes).
pub(crate) fn brackets_and_breaks_if(s: &str, square: bool) -> impl Iterator<Item = usize> + '_ {
    // Searching for all sixteen is slower (`〔` and `。` begin with the same byte): most
    // texts hold no square or angle bracket, and a few vector scans tell.
    find_all(
        if square {
            &BRACKET_SEARCH
        } else {
            &ROUND_SEARCH
        },
        s,
    )
}

/// A search for any of some words, built once for a text: one vector search for all of
/// them, where a substring search for each would read a long text once per word (and
/// memchr's guess of which bytes are rare is a guess for English, not for Chinese).
pub(crate) struct AnyOf(Option<Literals>);

impl AnyOf {
    /// The search for `words` (empty ones are left out).
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> AnyOf {
        let words: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        AnyOf((!words.is_empty()).then(|| searcher(&words)))
    }

    /// Where the first of the words in `s` starts.
    pub(crate) fn find(&self, s: &str) -> Option<usize> {
        find_all(self.0.as_ref()?, s).next()
    }
}

/// Whether `s` holds any of `words`: see [`AnyOf`].
pub(crate) fn holds_any<'w>(s: &str, words: impl IntoIterator<Item = &'w str>) -> bool {
    AnyOf::new(words).find(s).is_some()
}

/// The openings of the square and angle brackets but `[`, searched for together (a
/// packed searcher on all three bytes of each: one pass, where four substring searches
/// took four).
static SQUARE_OPENINGS: LazyLock<Literals> = LazyLock::new(|| searcher(&["〔", "【", "［", "〈"]));

/// Whether `s` holds an opening square or angle bracket: `[ 〔 【 ［ 〈`.
pub(crate) fn has_square(s: &str) -> bool {
    memchr::memchr(b'[', s.as_bytes()).is_some() || find_all(&SQUARE_OPENINGS, s).next().is_some()
}

/// Which pair a bracket belongs to: round, square (`〔 [ ［ 【` close with `〕 ] ］ 】`,
/// one mistyped for another) or angle; and whether it opens.
pub(crate) fn bracket(c: char) -> Option<(Pair, bool)> {
    Some(match c {
        '(' | '（' => (Pair::Round, true),
        ')' | '）' => (Pair::Round, false),
        '〔' | '[' | '［' | '【' => (Pair::Square, true),
        '〕' | ']' | '］' | '】' => (Pair::Square, false),
        '〈' => (Pair::Angle, true),
        '〉' => (Pair::Angle, false),
        _ => return None,
    })
}

/// See [`bracket`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pair {
    Round,
    Square,
    Angle,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_plain_search_finds() {
        static SET: CharSet = CharSet::new(&['一', '(', '（', '\n', 'é', '０']);
        let s = "a一b(c（d\né🙂０一";
        let want: Vec<usize> = s
            .char_indices()
            .filter(|&(_, c)| SET.contains(c))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(SET.find_iter(s).collect::<Vec<_>>(), want);
        assert_eq!(want.len(), 7);
        assert_eq!(SET.find_from(s, 1), Some(1));
        assert_eq!(SET.find_from("🙂x", 0), None);
    }

    #[test]
    fn any_of_several_words() {
        let words = ["合计", "总计", "小计"];
        for (t, want) in [
            ("项目\t合计", true),
            ("总计100", true),
            ("共计、累计", false),
            ("", false),
            ("计合", false),
        ] {
            assert_eq!(holds_any(t, words), want, "{t:?}");
            assert_eq!(want, words.iter().any(|w| t.contains(w)));
        }
        assert!(!holds_any("合计", []) && !holds_any("合计", [""]));
    }

    #[test]
    fn brackets_and_breaks_as_a_plain_search_finds_them() {
        let s = "（一）a(b)\r\n首台（套）🙂\n)（";
        let want: Vec<usize> = s
            .char_indices()
            .filter(|&(_, c)| matches!(c, '(' | ')' | '（' | '）' | '\n' | '\r'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            brackets_and_breaks_if(s, has_square(s)).collect::<Vec<_>>(),
            want
        );
        assert_eq!(want.len(), 11);
        assert_eq!(brackets_and_breaks_if("", true).count(), 0);
        assert_eq!(brackets_and_breaks_if("a〔b〕", true).count(), 2);
        assert!(has_square("国发〔2019〕") && has_square("[") && !has_square("（一）"));
        for t in ["【", "［注］", "〈区〉", "〕】］〉", "。、（", ""] {
            let want = ["[", "〔", "【", "［", "〈"].iter().any(|o| t.contains(o));
            assert_eq!(has_square(t), want, "{t:?}");
        }
        // Both searchers, whichever this CPU uses.
        let auto = aho_corasick::AhoCorasick::new(BRACKETS_AND_BREAKS).unwrap();
        let by_automaton: Vec<usize> = auto.find_iter(s).map(|m| m.start()).collect();
        assert_eq!(by_automaton, want);
    }
}

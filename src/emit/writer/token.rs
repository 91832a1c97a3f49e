//! JSON tokens with serde_json's layout: keys, strings (escaped as serde_json escapes
//! them), numbers (fractions written by serde_json itself), objects and arrays, compact
//! or pretty. Knows nothing of the document; [`super`] walks it.

use std::io::{self, Write};
use std::ops::Range;

/// Output is handed to the writer in pieces of about this size.
pub(super) const FLUSH_AT: usize = 1 << 16;

/// An object key as written: compact first (`"kind":`), compact after another entry
/// (`,"kind":`) and pretty (`"kind": `). Arrays of known length, so that writing one
/// is a few moves rather than a call to `memcpy`.
pub(super) struct Key<const A: usize, const B: usize, const C: usize>(
    pub(super) &'static [u8; A],
    pub(super) &'static [u8; B],
    pub(super) &'static [u8; C],
);

pub(super) const fn bytes<const N: usize>(s: &str) -> [u8; N] {
    let b = s.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = b[i];
        i += 1;
    }
    out
}

/// An object key as a [`Key`], made at compile time: `k!("kind")`.
macro_rules! k {
    ($k:literal) => {{
        const A: &str = concat!("\"", $k, "\":");
        const B: &str = concat!(",\"", $k, "\":");
        const C: &str = concat!("\"", $k, "\": ");
        $crate::emit::writer::token::Key(
            &const { $crate::emit::writer::token::bytes::<{ A.len() }>(A) },
            &const { $crate::emit::writer::token::bytes::<{ B.len() }>(B) },
            &const { $crate::emit::writer::token::bytes::<{ C.len() }>(C) },
        )
    }};
}
pub(super) use k;

/// A JSON writer with serde_json's layout (two-space indent when pretty).
pub(super) struct Out<'w> {
    pub(super) buf: Vec<u8>,
    pub(super) sink: &'w mut dyn Write,
    pub(super) pretty: bool,
    pub(super) depth: usize,
    /// No entry yet in the innermost open object or array.
    pub(super) first: bool,
    /// An error of the sink met while a long string was written through, returned by
    /// the next [`flush_if_full`](Out::flush_if_full).
    pub(super) error: Option<io::Error>,
    /// How many times `buf` was handed to the sink and emptied: a range of `buf` taken
    /// before holds what it did only while this is the same.
    pub(super) flushes: usize,
}

impl Out<'_> {
    #[inline]
    pub(super) fn flush_if_full(&mut self) -> io::Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        if self.buf.len() >= FLUSH_AT {
            self.sink.write_all(&self.buf)?;
            self.buf.clear();
            self.flushes += 1;
        }
        Ok(())
    }

    pub(super) fn newline(&mut self) {
        // A line break and the indentation of up to 64 levels, in one piece.
        const LINE: [u8; 129] = {
            let mut l = [b' '; 129];
            l[0] = b'\n';
            l
        };
        let n = 2 * self.depth;
        if n < LINE.len() {
            self.buf.extend_from_slice(&LINE[..1 + n]);
        } else {
            self.buf.push(b'\n');
            self.buf.resize(self.buf.len() + n, b' ');
        }
    }

    /// Copies the bytes at `r` of what is written, one level deeper: two more spaces
    /// after each line break (every line break is layout; strings hold them escaped).
    pub(super) fn copy_deeper(&mut self, r: Range<usize>) {
        let mut from = r.start;
        while let Some(k) = memchr::memchr(b'\n', &self.buf[from..r.end]) {
            self.buf.extend_from_within(from..from + k + 1);
            self.buf.extend_from_slice(b"  ");
            from += k + 1;
        }
        self.buf.extend_from_within(from..r.end);
    }

    #[inline]
    pub(super) fn open(&mut self, c: u8) {
        self.buf.push(c);
        self.depth += 1;
        self.first = true;
    }

    #[inline]
    pub(super) fn close(&mut self, c: u8) {
        self.depth -= 1;
        if self.pretty && !self.first {
            self.newline();
        }
        self.buf.push(c);
        self.first = false;
    }

    /// Starts the next entry of an object or array.
    #[inline]
    pub(super) fn entry(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        if self.pretty {
            self.newline();
        }
        self.first = false;
    }

    #[inline]
    pub(super) fn key<const A: usize, const B: usize, const C: usize>(&mut self, k: Key<A, B, C>) {
        if self.pretty {
            self.entry();
            self.buf.extend_from_slice(k.2);
        } else if self.first {
            self.first = false;
            self.buf.extend_from_slice(k.0);
        } else {
            self.buf.extend_from_slice(k.1);
        }
    }

    pub(super) fn str(&mut self, s: &str) {
        if s.len() > FLUSH_AT {
            return self.long_str(s);
        }
        self.buf.push(b'"');
        let b = s.as_bytes();
        // Most strings need no escape at all; this test has no early exit, so it is
        // done many bytes at a time.
        let clean = b
            .iter()
            .fold(true, |ok, &x| ok & (x >= 0x20) & (x != b'"') & (x != b'\\'));
        if clean {
            self.buf.extend_from_slice(b);
        } else {
            escape(&mut self.buf, s);
        }
        self.buf.push(b'"');
    }

    /// A string longer than a piece of output (a document whose line breaks were lost,
    /// or one node holding the text past the cap on nodes): escaped and handed to the
    /// sink a piece at a time, so the buffer never holds it whole.
    fn long_str(&mut self, s: &str) {
        self.buf.push(b'"');
        for piece in s.as_bytes().chunks(FLUSH_AT) {
            // Escapes act on ASCII bytes only, so a piece may end inside a character.
            let clean = piece
                .iter()
                .fold(true, |ok, &x| ok & (x >= 0x20) & (x != b'"') & (x != b'\\'));
            if clean {
                self.buf.extend_from_slice(piece);
            } else {
                escape_bytes(&mut self.buf, piece);
            }
            if self.error.is_none() {
                if let Err(e) = self.sink.write_all(&self.buf) {
                    self.error = Some(e);
                }
            }
            self.buf.clear();
            self.flushes += 1;
        }
        self.buf.push(b'"');
    }

    /// A key and its scalar value.
    #[inline]
    pub(super) fn field<const A: usize, const B: usize, const C: usize>(
        &mut self,
        k: Key<A, B, C>,
        v: impl Scalar,
    ) {
        self.key(k);
        v.write(self);
    }

    #[inline]
    pub(super) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    #[inline]
    pub(super) fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    #[inline]
    pub(super) fn bool(&mut self, v: bool) {
        self.buf
            .extend_from_slice(if v { b"true" } else { b"false" });
    }

    #[inline]
    pub(super) fn uint(&mut self, v: u64) {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// A whole number without a fraction (`30000`, not `30000.0`), as `json::number`.
    #[inline]
    pub(super) fn number(&mut self, v: f64) {
        if let Some(i) = crate::emit::whole(v) {
            self.buf
                .extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
        } else {
            // Fractions are rare: serde_json writes them, so the digits are its own
            // (`2e+16`, `7.5`; `null` for what is not finite).
            serde_json::to_writer(&mut self.buf, &v).expect("writing to memory cannot fail");
        }
    }

    #[inline]
    pub(super) fn opt_number(&mut self, v: Option<f64>) {
        match v {
            Some(v) => self.number(v),
            None => self.null(),
        }
    }

    pub(super) fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.open(b'[');
        for s in v {
            self.entry();
            self.str(s.as_ref());
        }
        self.close(b']');
    }
}

/// A scalar value of a field.
pub(super) trait Scalar {
    fn write(self, o: &mut Out);
}

macro_rules! scalar {
    ($($t:ty => $m:ident),* $(,)?) => {
        $(impl Scalar for $t {
            fn write(self, o: &mut Out) {
                o.$m(self)
            }
        })*
    };
}

scalar!(&str => str, Option<&str> => opt_str, u64 => uint, f64 => number,
    Option<f64> => opt_number, bool => bool);

impl Scalar for &String {
    fn write(self, o: &mut Out) {
        o.str(self)
    }
}

impl Scalar for Option<i32> {
    fn write(self, o: &mut Out) {
        match self {
            Some(v) => o
                .buf
                .extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
            None => o.null(),
        }
    }
}

impl Scalar for Option<usize> {
    fn write(self, o: &mut Out) {
        match self {
            Some(v) => o.uint(v as u64),
            None => o.null(),
        }
    }
}

impl Scalar for usize {
    fn write(self, o: &mut Out) {
        o.uint(self as u64)
    }
}

/// serde_json's escapes: `\"`, `\\`, the short forms of control characters, else `\u00XX`.
fn escape(buf: &mut Vec<u8>, s: &str) {
    escape_bytes(buf, s.as_bytes())
}

/// [`escape`] of bytes of UTF-8 text (a piece may end inside a character).
fn escape_bytes(buf: &mut Vec<u8>, b: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Runs of bytes that need no escape are copied whole.
    let mut run = 0;
    for (i, &x) in b.iter().enumerate() {
        if x >= 0x20 && x != b'"' && x != b'\\' {
            continue;
        }
        buf.extend_from_slice(&b[run..i]);
        run = i + 1;
        match x {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            0x08 => buf.extend_from_slice(b"\\b"),
            0x0C => buf.extend_from_slice(b"\\f"),
            _ => buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(x >> 4) as usize],
                HEX[(x & 15) as usize],
            ]),
        }
    }
    buf.extend_from_slice(&b[run..]);
}

//! Input: bytes as they arrive → the one text every position refers to.
//!
//! Takes raw bytes (and an optional encoding label from the user); gives the
//! text, the name of the encoding used and `decode-error` diagnostics for
//! malformed sequences (replaced by U+FFFD, never dropped). Refuses, with an
//! error that says what the input is, files that are not text at all.
//!
//! This is where other formats plug in: an adapter for HTML, Word, PDF or OFD gives
//! the same [`Decoded`] (its text, and what it set aside), and no stage after this one
//! knows which format the text came from.

pub(crate) mod docx;
pub(crate) mod html;
mod layout;
mod ofd;
mod pdf;
mod xml;
mod zipped;

use crate::lexicon::messages::say_args;
use crate::lexicon::Lexicon;
use crate::model::{Code, Diagnostic, Error, Format, Lang, PageMeta, Skipped};
use encoding_rs::{Encoding, GBK, UTF_16BE, UTF_16LE, UTF_8};

/// File name extensions a directory walk takes (`gongwen parse FOLDER`, the Python
/// package, the Spark example), and the format each usually holds (the format itself is
/// told from the content when the file is read).
pub const EXTENSIONS: &[(&str, &str)] = &[
    ("txt", "text"),
    ("text", "text"),
    ("html", "html"),
    ("htm", "html"),
    ("shtml", "html"),
    ("xhtml", "html"),
    ("docx", "docx"),
    ("ofd", "ofd"),
    ("pdf", "pdf"),
];

/// Decoded input: the one text every position refers to, and what reading found.
#[derive(Debug, Clone)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) encoding: &'static str,
    /// Byte ranges (in `text`) where malformed input was replaced.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// What the input was.
    pub(crate) format: Format,
    /// Where the text set aside (a page's navigation…) starts, if any was.
    pub(crate) tail: Option<usize>,
    /// What was set aside, and why: ranges after `tail`.
    pub(crate) set_aside: Vec<Skipped>,
    /// What the container says about the document.
    pub(crate) page: PageMeta,
    /// Labels the container generated (Word's numbering), as text ranges.
    pub(crate) generated: Vec<std::ops::Range<usize>>,
    /// Where each paragraph starts (a Word file).
    pub(crate) paragraphs: Vec<usize>,
    /// Where each page starts (OFD, PDF).
    pub(crate) pages: Vec<usize>,
}

impl Decoded {
    /// Text given as text.
    pub(crate) fn text(text: String) -> Decoded {
        Decoded::plain(text, "UTF-8", Vec::new())
    }

    fn plain(text: String, encoding: &'static str, diagnostics: Vec<Diagnostic>) -> Decoded {
        Decoded {
            text,
            encoding,
            diagnostics,
            format: Format::Text,
            tail: None,
            set_aside: Vec::new(),
            page: PageMeta::default(),
            generated: Vec::new(),
            paragraphs: Vec::new(),
            pages: Vec::new(),
        }
    }
}

/// Reads input of any format the bytes show: a web page, else text (and, for what is
/// no text at all, an error that says what it is and what to do).
pub(crate) fn read(
    bytes: Vec<u8>,
    label: Option<&str>,
    lex: &Lexicon,
    lang: Lang,
) -> Result<Decoded, Error> {
    if html::looks_like_html(&bytes) {
        // Decoded from the bytes themselves, so a UTF-8 page is not copied.
        let label = html_label(&bytes, label);
        return read_html(decode_vec(bytes, label, lang)?, lex, lang);
    }
    if pdf::is_pdf(&bytes) {
        return read_pdf(&bytes, lang);
    }
    if let Some(r) = read_zip(&bytes, lang) {
        return r;
    }
    decode_vec(bytes, label, lang)
}

/// [`read`] of borrowed bytes.
pub(crate) fn read_slice(
    bytes: &[u8],
    label: Option<&str>,
    lex: &Lexicon,
    lang: Lang,
) -> Result<Decoded, Error> {
    if html::looks_like_html(bytes) {
        return read_html(decode(bytes, html_label(bytes, label), lang)?, lex, lang);
    }
    if pdf::is_pdf(bytes) {
        return read_pdf(bytes, lang);
    }
    if let Some(r) = read_zip(bytes, lang) {
        return r;
    }
    decode(bytes, label, lang)
}

/// The encoding a web page is read in: the one asked for, else (without a BOM) the
/// charset it declares, else none (detection).
fn html_label<'a>(bytes: &[u8], label: Option<&'a str>) -> Option<&'a str> {
    let declared = if label.is_none() && Encoding::for_bom(bytes).is_none() {
        html::declared_charset(bytes)
    } else {
        None
    };
    label.or(declared.map(|e| e.name()))
}

/// A web page, decoded (by its BOM, the charset it declares, or detection): its article
/// found and rendered.
fn read_html(mut d: Decoded, lex: &Lexicon, lang: Lang) -> Result<Decoded, Error> {
    let len = d.text.len();
    let page = html::read(std::mem::take(&mut d.text), lex);
    // Malformed bytes were in the page, not in its article: one report says how many.
    let mut diagnostics = match d.diagnostics.len() {
        0 => Vec::new(),
        n => vec![Diagnostic::new(
            Code::DecodeError,
            0..0,
            say_args!(lang, "page-decode-errors", count = n, encoding = d.encoding),
        )
        .suggest(say_args!(lang, "suggest-encoding"))],
    };
    if page.many > 0 {
        diagnostics.push(Diagnostic::new(
            Code::DeepMarkup,
            0..0,
            say_args!(
                lang,
                "many-elements",
                max = html::MIN_ELEMENTS + len / html::BYTES_PER_ELEMENT,
                count = page.many
            ),
        ));
    }
    if page.flattened > 0 {
        diagnostics.push(Diagnostic::new(
            Code::DeepMarkup,
            0..0,
            say_args!(
                lang,
                "deep-markup",
                depth = html::MAX_DEPTH,
                count = page.flattened
            ),
        ));
    }
    Ok(Decoded {
        text: page.text,
        encoding: d.encoding,
        diagnostics,
        format: Format::Html,
        tail: (page.tail < usize::MAX).then_some(page.tail),
        set_aside: page.set_aside,
        page: page.meta,
        generated: Vec::new(),
        paragraphs: Vec::new(),
        pages: Vec::new(),
    })
}

/// A Word file: its body, numbering generated, and what is not body set aside.
fn read_docx(bytes: &[u8], lang: Lang) -> Result<Decoded, Error> {
    let d = docx::read(bytes)?;
    let diagnostics = d
        .damage
        .iter()
        .map(|m| {
            Diagnostic::new(
                Code::DamagedInput,
                d.tail..d.tail,
                say_args!(lang, "damaged-word", reason = m.as_str()),
            )
            .suggest(say_args!(lang, "suggest-save-again"))
        })
        .collect();
    Ok(Decoded {
        tail: Some(d.tail),
        text: d.text,
        encoding: "UTF-8",
        diagnostics,
        format: Format::Docx,
        set_aside: d.set_aside,
        page: PageMeta::default(),
        generated: d.generated,
        paragraphs: d.paragraphs,
        pages: Vec::new(),
    })
}

/// An OFD file: its pages' text laid out in lines, running headers and page numbers set
/// aside.
fn read_ofd(bytes: &[u8], lang: Lang) -> Result<Decoded, Error> {
    let l = ofd::read(bytes)?;
    if l.tail == 0 {
        return Err(Error::NotText {
            what: "what-ofd-images",
            advice: "advice-ocr",
        });
    }
    Ok(Decoded {
        tail: Some(l.tail),
        diagnostics: left_out(&l, "OFD", lang),
        text: l.text,
        encoding: "UTF-8",
        format: Format::Ofd,
        set_aside: l.set_aside,
        page: PageMeta::default(),
        generated: Vec::new(),
        paragraphs: Vec::new(),
        pages: l.pages,
    })
}

/// What a paged file held past the bounds, as `truncated` reports at the end of its body.
fn left_out(l: &layout::Laid, what: &str, lang: Lang) -> Vec<Diagnostic> {
    l.left_out
        .iter()
        .map(|m| {
            Diagnostic::new(
                Code::Truncated,
                l.tail..l.tail,
                say_args!(lang, "file-left-out", format = what, what = m.as_str()),
            )
            .suggest(say_args!(lang, "suggest-split"))
        })
        .collect()
}

/// A PDF file: its text layer laid out in lines like an OFD's, pages it could not read
/// reported.
fn read_pdf(bytes: &[u8], lang: Lang) -> Result<Decoded, Error> {
    let r = pdf::read(bytes)?;
    let l = r.laid;
    if l.tail == 0 {
        return Err(Error::NotText {
            what: "what-pdf-scan",
            advice: "advice-ocr-pdf",
        });
    }
    let mut diagnostics: Vec<Diagnostic> = r
        .damaged
        .iter()
        .map(|(page, m)| {
            let at = l.pages.get(page - 1).copied().unwrap_or(l.tail);
            Diagnostic::new(
                Code::DamagedInput,
                at..at,
                say_args!(lang, "damaged-pdf-page", page = *page, reason = m.as_str()),
            )
            .suggest(say_args!(lang, "suggest-print-pdf"))
        })
        .collect();
    diagnostics.extend(left_out(&l, "PDF", lang));
    Ok(Decoded {
        tail: Some(l.tail),
        text: l.text,
        encoding: "UTF-8",
        diagnostics,
        format: Format::Pdf,
        set_aside: l.set_aside,
        page: PageMeta::default(),
        generated: Vec::new(),
        paragraphs: Vec::new(),
        pages: l.pages,
    })
}

/// A zip archive of a format gongwen reads.
fn read_zip(bytes: &[u8], lang: Lang) -> Option<Result<Decoded, Error>> {
    if !is_zip(bytes) {
        return None;
    }
    if docx::is_docx(bytes) {
        Some(read_docx(bytes, lang))
    } else if ofd::is_ofd(bytes) {
        Some(read_ofd(bytes, lang))
    } else {
        None
    }
}

fn is_zip(b: &[u8]) -> bool {
    b.starts_with(b"PK\x03\x04")
}

/// Reports of malformed bytes given for one input; the rest are counted in a note.
const MAX_DECODE_REPORTS: usize = 100;

fn sniff_binary(b: &[u8]) -> Option<(&'static str, &'static str)> {
    const CONVERT: &str = "advice-convert-how";
    if b.starts_with(b"\xD0\xCF\x11\xE0") {
        return Some(ole(b));
    }
    let table: &[(&[u8], &str, &str)] = &[
        (b"%PDF", "what-pdf-broken", "advice-pdf-broken"),
        (b"PK\x03\x04", "what-zip", "advice-zip"),
        (b"{\\rtf", "what-rtf", CONVERT),
        (b"\x89PNG", "what-png", "advice-image"),
        (b"\xFF\xD8\xFF", "what-jpeg", "advice-image"),
        (b"GIF8", "what-gif", "advice-text-only"),
        (b"\x7FELF", "what-executable", "advice-text-only"),
        (b"\x1F\x8B", "what-gzip", "advice-decompress"),
    ];
    table
        .iter()
        .find(|(m, _, _)| b.starts_with(m))
        .map(|(_, w, a)| (*w, *a))
}

/// An OLE compound file (Office 97–2003, WPS, or any Office file with a password): what
/// its directory names tell.
fn ole(b: &[u8]) -> (&'static str, &'static str) {
    let has = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        memchr::memmem::find(b, &utf16).is_some()
    };
    if has("EncryptedPackage") {
        ("what-office-password", "advice-office-password")
    } else if has("WordDocument") {
        ("what-old-word", "advice-old-word")
    } else {
        ("what-old-office", "advice-old-office")
    }
}

/// How much of the input UTF-16 and binary sniffing read.
const SNIFF_UTF16: usize = 4096;
const SNIFF_BINARY: usize = 1 << 16;

/// Looks like UTF-16 without a BOM: many NULs on one side of each pair.
fn sniff_utf16(b: &[u8]) -> Option<&'static Encoding> {
    let n = b.len().min(SNIFF_UTF16) & !1;
    // Without a NUL byte it is not this (the common case, found at vector speed).
    if n < 4 || memchr::memchr(0, &b[..n]).is_none() {
        return None;
    }
    let even = b[..n].iter().step_by(2).filter(|&&x| x == 0).count();
    let odd = b[1..n].iter().step_by(2).filter(|&&x| x == 0).count();
    let half = n / 2;
    if odd * 3 > half && even * 20 < half {
        Some(UTF_16LE)
    } else if even * 3 > half && odd * 20 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Name we report for an encoding: GBK input is decoded as GB18030, its superset.
fn report_name(e: &'static Encoding) -> &'static str {
    if e == GBK || e == encoding_rs::GB18030 {
        "GB18030"
    } else {
        e.name()
    }
}

/// Like [`decode`], but takes the bytes: valid UTF-8 (with or without a BOM) becomes
/// the text without a copy.
pub(crate) fn decode_vec(
    mut bytes: Vec<u8>,
    label: Option<&str>,
    lang: Lang,
) -> Result<Decoded, Error> {
    let utf8_label = label.is_none_or(|l| Encoding::for_label(l.trim().as_bytes()) == Some(UTF_8));
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let plain = bom == 3
        || (label.is_some() || (sniff_binary(&bytes).is_none() && sniff_utf16(&bytes).is_none()));
    if utf8_label && plain && !looks_binary(&bytes[bom..]) {
        match crate::text::utf8_string_after(bytes, bom) {
            Ok(text) => return Ok(Decoded::plain(text, "UTF-8", Vec::new())),
            Err(b) => bytes = b,
        }
    }
    decode(&bytes, label, lang)
}

fn binary_error() -> Error {
    Error::NotText {
        what: "what-binary",
        advice: "advice-convert",
    }
}

/// Many NUL bytes: not text, whatever it decodes as.
fn looks_binary(body: &[u8]) -> bool {
    let sample = &body[..body.len().min(SNIFF_BINARY)];
    if memchr::memchr(0, sample).is_none() {
        return false;
    }
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    nuls > 0 && nuls * 100 >= sample.len().max(1)
}

/// How much of a file past its first non-ASCII byte the encoding detector reads at most.
const DETECT_BYTES: usize = 1 << 20;
/// The non-ASCII bytes after which it stops sooner: 64 KiB of them are some 30,000
/// Chinese characters, which tell GB18030 from Big5 (or a single-byte encoding) as surely
/// as a megabyte does, and chardetng reads about a thousand instructions a byte.
const DETECT_NON_ASCII: usize = 1 << 16;
/// Text that is UTF-8 but for at most one bad byte in this many non-ASCII bytes is
/// UTF-8 with damage, not another encoding: text in GB18030 or Big5 read as UTF-8 is
/// malformed at nearly every character.
const UTF8_DAMAGE: usize = 100;
/// A CJK encoding that reads all but one in this many non-ASCII bytes of a sample is
/// preferred to a single-byte guess (the mojibake check).
const CJK_DAMAGE: usize = 100;

/// The sample detection reads: past the first non-ASCII byte, [`DETECT_NON_ASCII`] more
/// of them or a megabyte, whichever comes first, which tells the encoding as well as the
/// whole file does (detection is slow: it took four fifths of the time of decoding a
/// large GB18030 file). The detector is told that more may follow, so a character cut
/// at the sample's end (or at the end of a file cut short, a truncated download) does not
/// rule its encoding out: the text is judged by what it holds, not by its cut. A UTF-8
/// character cut short is left out, so that it counts as no damage.
fn sample(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b >= 0x80).unwrap_or(bytes.len());
    let most = bytes.len().min(first.saturating_add(DETECT_BYTES));
    let (mut end, mut seen) = (first, 0);
    while end < most && seen < DETECT_NON_ASCII {
        let to = most.min(end + 4096);
        seen += bytes[end..to].iter().filter(|&&b| b >= 0x80).count();
        end = to;
    }
    let sample = &bytes[..end];
    // The last lead byte among the last three, if the character it starts is not whole.
    let tail = sample.len().saturating_sub(3);
    let cut = (tail..sample.len())
        .rev()
        .find(|&k| sample[k] >= 0xC0)
        .filter(|&k| {
            let len = match sample[k] {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            sample.len() - k < len
        });
    cut.map_or(sample, |k| &sample[..k])
}

/// Non-ASCII bytes, and the bytes of malformed sequences, when `b` is read as UTF-8.
fn utf8_damage(b: &[u8]) -> (usize, usize) {
    let non_ascii = b.iter().filter(|&&x| x >= 0x80).count();
    let (mut bad, mut rest) = (0, b);
    while let Err(e) = std::str::from_utf8(rest) {
        let n = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        bad += n;
        rest = &rest[e.valid_up_to() + n..];
    }
    (non_ascii, bad)
}

/// Malformed sequences when `b` is read in `enc`, as byte offsets.
fn malformed(b: &[u8], enc: &'static Encoding) -> Vec<usize> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = vec![0u8; 64 * 1024];
    let (mut at, mut found) = (0, Vec::new());
    loop {
        let (result, read, _) =
            decoder.decode_to_utf8_without_replacement(&b[at..], &mut out, true);
        at += read;
        match result {
            encoding_rs::DecoderResult::InputEmpty => return found,
            encoding_rs::DecoderResult::OutputFull => {}
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                found.push(at - after as usize - bad as usize);
            }
        }
    }
}

/// Decodes `body` into a string grown as it fills, from room for the usual length (each
/// non-ASCII byte half as long again): the decoder's own reserve is for the longest
/// possible text, about twice what GB18030 needs, and shrinking it later copies the text.
/// Gives the text and whether bytes were malformed (replaced by U+FFFD).
fn decode_into_string(enc: &'static Encoding, body: &[u8]) -> (String, bool) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len() + body.len() / 2 + 16);
    let mut at = 0;
    let mut malformed = false;
    loop {
        let (result, read, errors) = decoder.decode_to_string(&body[at..], &mut text, true);
        at += read;
        malformed |= errors;
        match result {
            encoding_rs::CoderResult::InputEmpty => break,
            encoding_rs::CoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length(body.len() - at)
                    .unwrap_or(body.len() - at)
                    .min((body.len() - at) / 2 + 64);
                text.reserve(more.max(64));
            }
        }
    }
    text.shrink_to_fit();
    (text, malformed)
}

/// Guesses the encoding of bytes that are not valid UTF-8, deciding on the whole sample
/// rather than on its first error: UTF-8 with a few bad bytes stays UTF-8; a CJK
/// encoding that reads nearly all of a text beats a single-byte guess (mojibake).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let sample = sample(bytes);
    let (non_ascii, bad) = utf8_damage(sample);
    if non_ascii > 0 && bad * UTF8_DAMAGE <= non_ascii {
        return UTF_8;
    }
    let guess = |b: &[u8]| {
        let mut det = chardetng::EncodingDetector::new();
        // Not the last bytes: see `sample`.
        det.feed(b, false);
        let e = det.guess(None, false);
        if e == GBK {
            encoding_rs::GB18030
        } else {
            e
        }
    };
    let first = guess(sample);
    let cjk = [encoding_rs::GB18030, encoding_rs::BIG5];
    if cjk.contains(&first) || non_ascii == 0 {
        return first;
    }
    // A single-byte guess: chardetng rules an encoding out at its first malformed
    // sequence, so one bad byte in a GB18030 or Big5 text makes it guess windows-1252.
    let damage: Vec<(&'static Encoding, Vec<usize>)> = cjk
        .iter()
        .map(|&e| (e, malformed(sample, e)))
        .filter(|(_, m)| m.len() * CJK_DAMAGE <= non_ascii)
        .collect();
    if damage.is_empty() {
        return first;
    }
    // Ask again without the damaged stretches (each up to the next ASCII byte, where
    // every decoder is back in step).
    let mut cuts: Vec<usize> = damage.iter().flat_map(|(_, m)| m.iter().copied()).collect();
    cuts.sort_unstable();
    let mut clean = Vec::with_capacity(sample.len());
    let mut from = 0;
    for c in cuts {
        if c < from {
            continue;
        }
        clean.extend_from_slice(&sample[from..c]);
        from = sample[c..]
            .iter()
            .position(|&b| b < 0x80)
            .map_or(sample.len(), |k| c + k);
    }
    clean.extend_from_slice(&sample[from..]);
    let second = guess(&clean);
    if damage.iter().any(|(e, _)| *e == second) {
        return second;
    }
    // Otherwise the CJK encoding that reads the most.
    damage
        .iter()
        .min_by_key(|(_, m)| m.len())
        .map_or(first, |(e, _)| *e)
}

/// Decodes `bytes`, detecting the encoding unless `label` names one.
pub(crate) fn decode(bytes: &[u8], label: Option<&str>, lang: Lang) -> Result<Decoded, Error> {
    let (enc, body): (&'static Encoding, &[u8]) = if let Some(l) = label {
        let e = Encoding::for_label(l.trim().as_bytes())
            .ok_or_else(|| Error::UnknownEncoding(l.to_string()))?;
        match Encoding::for_bom(bytes) {
            Some((b, n)) if b == e => (e, &bytes[n..]),
            _ => (e, bytes),
        }
    } else if let Some((e, n)) = Encoding::for_bom(bytes) {
        (e, &bytes[n..])
    } else if let Some((what, advice)) = sniff_binary(bytes) {
        return Err(Error::NotText { what, advice });
    } else if let Some(e) = sniff_utf16(bytes) {
        (e, bytes)
    } else if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        // Plain UTF-8: checked once, copied once.
        if looks_binary(bytes) {
            return Err(binary_error());
        }
        return Ok(Decoded::plain(text.to_owned(), "UTF-8", Vec::new()));
    } else {
        (detect(bytes), bytes)
    };
    if label.is_none() && enc != UTF_16LE && enc != UTF_16BE && looks_binary(body) {
        return Err(binary_error());
    }
    // Valid UTF-8 needs no second pass through the decoder.
    let (text, had_errors) = match (enc == UTF_8)
        .then(|| simdutf8::basic::from_utf8(body).ok())
        .flatten()
    {
        Some(s) => (s.to_owned(), false),
        None => decode_into_string(enc, body),
    };
    let mut diagnostics = Vec::new();
    if had_errors {
        let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, c) in text.char_indices() {
            if c == '\u{FFFD}' {
                match runs.last_mut() {
                    Some(r) if r.end == i => r.end = i + c.len_utf8(),
                    _ => runs.push(i..i + c.len_utf8()),
                }
            }
        }
        let total = runs.len();
        for r in runs.into_iter().take(MAX_DECODE_REPORTS) {
            diagnostics.push(
                Diagnostic::new(
                    Code::DecodeError,
                    r,
                    say_args!(lang, "decode-error", encoding = report_name(enc)),
                )
                .suggest(say_args!(lang, "suggest-encoding")),
            );
        }
        if total > MAX_DECODE_REPORTS {
            if let Some(d) = diagnostics.last_mut() {
                d.notes.push(say_args!(
                    lang,
                    "note-more-decode-errors",
                    count = total - MAX_DECODE_REPORTS,
                ));
            }
        }
    }
    Ok(Decoded::plain(text, report_name(enc), diagnostics))
}

#[cfg(test)]
mod tests {
    use super::*;

    use encoding_rs::BIG5;

    #[test]
    fn encodings_round_trip() {
        let s = "一、总体要求\n1.加大力度。（省商务厅负责）";
        for e in [GBK, UTF_8] {
            let (b, _, _) = e.encode(s);
            let d = decode(&b, None, Lang::En).unwrap();
            assert_eq!(d.text, s, "{}", e.name());
        }
        let t = "第一條　為了規範專利代理行為，保障委託人、專利代理機構和專利代理師的合法權益，維護專利代理活動的正常秩序，促進專利代理行業健康發展，根據《中華人民共和國專利法》，制定本條例。";
        let (b, _, unmappable) = BIG5.encode(t);
        assert!(!unmappable);
        let d = decode(&b, None, Lang::En).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (t, "Big5"));
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le, None, Lang::En).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&le, None, Lang::En).unwrap().text, s);
    }

    #[test]
    fn detection_reads_past_a_long_ascii_start() {
        // More than the detector's sample of ASCII before the Chinese text begins.
        let mut text = "<script>var x = 1;</script>\n".repeat(DETECT_BYTES / 20);
        text.push_str(&"一、总体要求\n1.加大力度，推进重点任务。（省商务厅负责）\n".repeat(20_000));
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        assert!(gb.len() > 2 * DETECT_BYTES);
        let d = decode(&gb, None, Lang::En).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, text);
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn detection_reads_a_bounded_sample() {
        for (enc, name, para, title) in [
            (
                encoding_rs::GB18030,
                "GB18030",
                "（一）加大力度，推进重点任务。由省商务厅负责，2025年底前完成。",
                "标题",
            ),
            (
                encoding_rs::BIG5,
                "Big5",
                "（一）加大力度，推進重點任務。由省商務廳負責，2025年底前完成。",
                "標題",
            ),
        ] {
            // Lines; a title line before a text whose line breaks were lost; a text with
            // no ASCII byte at all, whole and cut inside its last character.
            let bare: String = para.chars().filter(|c| !c.is_ascii()).collect();
            for (text, cut) in [
                (format!("{para}\n").repeat(20_000), 0),
                (format!("{title}\n{}", para.repeat(20_000)), 0),
                (bare.repeat(30), 0),
                (bare.repeat(30), 1),
                (bare.repeat(20_000), 1),
            ] {
                let (bytes, _, unmappable) = enc.encode(&text);
                assert!(!unmappable, "{name} writes every character");
                let bytes = &bytes[..bytes.len() - cut];
                let non_ascii = sample(bytes).iter().filter(|&&b| b >= 0x80).count();
                assert!(non_ascii < DETECT_NON_ASCII + 4096, "{name}: {non_ascii}");
                let d = decode(bytes, None, Lang::En).unwrap();
                assert_eq!(d.encoding, name, "{name}, cut {cut}");
                if cut == 0 {
                    assert_eq!(d.text, text);
                    assert!(d.diagnostics.is_empty());
                } else {
                    // The text but its last character, which is reported.
                    let last = text.chars().next_back().unwrap();
                    assert_eq!(d.text.strip_suffix('\u{FFFD}'), text.strip_suffix(last));
                    assert_eq!(d.diagnostics.len(), 1);
                }
            }
        }
        // A UTF-8 text cut inside its last character is still UTF-8.
        let text = "一、总体要求".repeat(3);
        let d = decode(&text.as_bytes()[..text.len() - 1], None, Lang::En).unwrap();
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn refuses_binary() {
        assert!(matches!(
            decode(b"%PDF-1.7 ...", None, Lang::En),
            Err(Error::NotText { .. })
        ));
        assert!(matches!(
            decode(b"PK\x03\x04....", None, Lang::En),
            Err(Error::NotText { .. })
        ));
        assert!(matches!(
            decode(b"ab\0\0\0\0cd\0\0\0\0\0\0", None, Lang::En),
            Err(Error::NotText { .. })
        ));
        assert!(matches!(
            decode(b"x", Some("nonsense"), Lang::En),
            Err(Error::UnknownEncoding(_))
        ));
    }

    #[test]
    fn malformed_bytes_are_reported() {
        let d = decode(b"abc\xFFdef", Some("utf-8"), Lang::En).unwrap();
        assert_eq!(d.text, "abc\u{FFFD}def");
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].range, 3..6);
    }
}

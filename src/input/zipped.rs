//! Zip archives (Word, OFD) read with bounds: each part through a byte limit, all parts
//! together through a budget, and a part that expands far more than XML does refused —
//! so that a zip bomb is an error, not an out-of-memory kill.

use crate::model::Error;
use std::io::{Cursor, Read};

/// A part may expand to at most this many bytes (a real `document.xml` is a few
/// megabytes; a zip bomb expands to gigabytes).
pub(super) const MAX_PART: u64 = 256 << 20;
/// All the parts of one file read together.
pub(super) const MAX_TOTAL: u64 = 512 << 20;
/// A part of more than a megabyte that expands more than this many times over is not a
/// document (XML compresses 5–20 times; a bomb, a thousand).
pub(super) const MAX_RATIO: u64 = 200;

pub(super) type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The error for a file of format `what` that cannot be read.
pub(super) fn unreadable_as(what: &'static str, reason: impl Into<String>) -> Error {
    Error::Unreadable {
        what,
        reason: reason.into(),
    }
}

/// The archive of `bytes`.
pub(super) fn open<'a>(bytes: &'a [u8], what: &'static str) -> Result<Archive<'a>, Error> {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable_as(what, format!("the zip archive is damaged ({e})")))
}

/// The text of part `name`, or `None` when the archive has no such part; an error when
/// it expands past the bounds or cannot be read.
pub(super) fn read_part(
    zip: &mut Archive<'_>,
    name: &str,
    budget: &mut u64,
    what: &'static str,
) -> Result<Option<String>, Error> {
    let mut f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("ncrypt") => {
            return Err(Error::NotText {
                what: "what-password",
                advice: "advice-password",
            })
        }
        Err(e) => return Err(unreadable_as(what, format!("{name} cannot be read ({e})"))),
    };
    let limit = MAX_PART.min(*budget);
    let compressed = f.compressed_size().max(1);
    let mut buf = Vec::with_capacity(f.size().min(limit) as usize);
    let read = (&mut f)
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| unreadable_as(what, format!("{name} cannot be read ({e})")))?;
    let n = read as u64;
    if n > limit || (n > 1 << 20 && n / compressed > MAX_RATIO) {
        return Err(unreadable_as(
            what,
            format!(
                "{name} expands to more than {} MB from {} KB: a document is far smaller (this looks like a zip bomb)",
                n.min(limit) >> 20,
                compressed >> 10
            ),
        ));
    }
    *budget -= n;
    let text = match String::from_utf8(buf) {
        Ok(s) => s,
        // XML in these formats is UTF-8; another encoding is declared with a BOM.
        Err(e) => {
            let b = e.into_bytes();
            let (enc, _) = encoding_rs::Encoding::for_bom(&b).unwrap_or((encoding_rs::UTF_8, 0));
            enc.decode(&b).0.into_owned()
        }
    };
    Ok(Some(text))
}

//! PDF files with a text layer, read by pdf_oxide (pure Rust: it decodes embedded
//! TrueType and CID fonts and the non-embedded `UniGB-UCS2-H` fonts Chinese PDFs use).
//! Each page's text runs, placed by their boxes, go to [`layout`](super::layout), which
//! makes them lines, removes the spaces extractors put between Han characters and digits,
//! joins what the right margin broke, and sets running headers and page numbers aside.
//!
//! A PDF is hostile input like any other: the reader runs under `catch_unwind` (a panic in
//! it is an error about the file, not a crash), pages and runs are counted against bounds,
//! and a password-protected file, or one whose pages are images, is refused with what to
//! do.

use super::layout::{lay_out, Fragment, Laid, Page};
use crate::model::Error;
use pdf_oxide::document::PdfDocument;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Pages read at most.
const MAX_PAGES: usize = 10_000;
/// Text runs a page may place (a real page has hundreds).
const MAX_RUNS_PER_PAGE: usize = 200_000;

/// Whether bytes are a PDF: they open with `%PDF-`; or `%PDF-` stands in the first
/// kilobyte (some writers put junk first) and `%%EOF` in the last, so that a text that
/// quotes a PDF header is still text.
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    if head.trim_ascii_start().starts_with(b"%PDF-") {
        return true;
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    memchr::memmem::find(head, b"%PDF-").is_some() && memchr::memmem::find(tail, b"%%EOF").is_some()
}

/// What reading a PDF found.
pub(crate) struct Read {
    pub(crate) laid: Laid,
    /// Pages whose text could not be read (the others are).
    pub(crate) damaged: Vec<(usize, String)>,
}

/// Reads a PDF's text layer.
pub(crate) fn read(bytes: &[u8]) -> Result<Read, Error> {
    let bytes = bytes.to_vec();
    match catch_unwind(AssertUnwindSafe(|| read_inner(bytes))) {
        Ok(r) => r,
        Err(_) => Err(unreadable("the PDF reader failed on it")),
    }
}

fn unreadable(reason: impl Into<String>) -> Error {
    Error::Unreadable {
        what: "what-pdf",
        reason: format!(
            "{}; open it in a PDF viewer and print it to a new PDF, then read that",
            reason.into()
        ),
    }
}

fn read_inner(bytes: Vec<u8>) -> Result<Read, Error> {
    let doc = PdfDocument::from_bytes(bytes).map_err(|e| unreadable(short(&e.to_string())))?;
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        // A file with only an owner password (printing or copying restricted) opens
        // with the empty user password, as in a viewer; this one needs a password.
        return Err(Error::NotText {
            what: "what-pdf-password",
            advice: "advice-pdf-password",
        });
    }
    let count = doc
        .page_count()
        .map_err(|e| unreadable(short(&e.to_string())))?;
    let mut pages = Vec::with_capacity(count.min(MAX_PAGES));
    let mut damaged = Vec::new();
    for index in 0..count.min(MAX_PAGES) {
        let (x0, y0, x1, y1) = doc
            .get_page_media_box(index)
            .unwrap_or((0.0, 0.0, 0.0, 0.0));
        let mut page = Page {
            width: (x1 - x0).abs(),
            height: (y1 - y0).abs(),
            ..Page::default()
        };
        match doc.extract_spans(index) {
            Ok(spans) => {
                page.left_out = spans.len().saturating_sub(MAX_RUNS_PER_PAGE);
                for s in spans.into_iter().take(MAX_RUNS_PER_PAGE) {
                    let (x, y, w, size) = (s.bbox.x, s.bbox.y, s.bbox.width, s.font_size);
                    if !(x.is_finite() && y.is_finite() && w.is_finite() && size.is_finite()) {
                        continue;
                    }
                    page.fragments.push(Fragment {
                        x: x - x0,
                        // PDF space grows up from the page's bottom; the layout's grows
                        // down from its top. The box's bottom is near the baseline.
                        y: y1.max(y0) - y,
                        width: w.max(0.0),
                        size: if size > 0.0 {
                            size
                        } else {
                            s.bbox.height.abs()
                        },
                        text: s.text,
                    });
                }
            }
            Err(e) => damaged.push((index + 1, short(&e.to_string()))),
        }
        pages.push(page);
    }
    let mut laid = lay_out(pages);
    if count > MAX_PAGES {
        laid.left_out.push(format!(
            "{} pages past the {MAX_PAGES}th",
            count - MAX_PAGES
        ));
    }
    Ok(Read { laid, damaged })
}

/// The first line of a reader's message, at most 200 characters.
fn short(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::is_pdf;

    #[test]
    fn a_pdf_is_told_by_its_header() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(is_pdf(b"\r\n%PDF-1.4\n"));
        assert!(is_pdf(b"junk junk %PDF-1.4\n1 0 obj\n%%EOF\n"));
        let quoted = "文件头是%PDF-1.7，表示PDF版本。\n一、总体要求\n";
        assert!(!is_pdf(quoted.as_bytes()));
        assert!(!is_pdf(b""));
    }
}

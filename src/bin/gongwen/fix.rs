//! `gongwen check --fix` and `--diff`: the mechanical fixes of the reports (a label
//! renumbered, a bracket's width, a document number's `〔〕`) applied to text files and
//! written back in the file's own encoding and byte order mark. A file of another format
//! is never rewritten, nor a text file whose bytes gongwen would not write back the same
//! unchanged (malformed bytes, a form normalised while reading).

use gongwen::{Document, Format, Lang};
use std::path::Path;

/// What fixing the documents came to.
#[derive(Default)]
pub(crate) struct Outcome {
    /// The documents (by their place in the list) that were (with --fix) or would be
    /// (with --diff) changed.
    pub(crate) changed: Vec<usize>,
    /// Whether a fixed file could not be written.
    pub(crate) failed: bool,
}

/// `text` in the encoding gongwen decoded the file from; None when it has no form there.
fn encode(text: &str, encoding: &str) -> Option<Vec<u8>> {
    match encoding.to_ascii_uppercase().as_str() {
        "UTF-8" => Some(text.as_bytes().to_vec()),
        "UTF-16LE" => Some(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        "UTF-16BE" => Some(text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        _ => {
            let enc = encoding_rs::Encoding::for_label(encoding.as_bytes())?;
            let (bytes, _, errors) = enc.encode(text);
            (!errors).then(|| bytes.into_owned())
        }
    }
}

/// The fixed bytes of one document with something to fix (its original bytes
/// `original`), or why it cannot be fixed.
fn fixed_bytes(
    doc: &Document,
    original: &[u8],
    lang: Lang,
) -> Result<(gongwen::Fixed, Vec<u8>), String> {
    if doc.source.format != Format::Text {
        return Err(say_args!(
            lang,
            "fix-not-text",
            format = doc.source.format.as_str()
        ));
    }
    let bom = encoding_rs::Encoding::for_bom(original).map_or(0, |(_, n)| n);
    let encoding = doc.source.encoding.as_str();
    let same = encode(&doc.text, encoding).is_some_and(|b| b == original[bom..]);
    if !same {
        return Err(say_args!(lang, "fix-not-same", encoding = encoding));
    }
    let fixed = gongwen::fix(doc);
    let mut bytes = original[..bom].to_vec();
    bytes.extend(
        encode(&fixed.text, encoding)
            .ok_or_else(|| say_args!(lang, "fix-not-encodable", encoding = encoding))?,
    );
    Ok((fixed, bytes))
}

/// Fixes (or with `write` false, shows the fixes of) each document, a unified diff on
/// standard output for `diff`, a line a file on standard error.
pub(crate) fn run(docs: &[(String, Document)], write: bool, diff: bool, lang: Lang) -> Outcome {
    let mut outcome = Outcome::default();
    let mut out = String::new();
    for (k, (name, doc)) in docs.iter().enumerate() {
        // Only a document with something to fix is read again.
        if doc.diagnostics.iter().all(|d| d.fixes.is_empty()) {
            continue;
        }
        let path = Path::new(name);
        let original = match std::fs::read(path) {
            Ok(b) if name != "-" => b,
            _ => {
                eprintln!("gongwen: {name}: {}", say_args!(lang, "fix-not-file"));
                continue;
            }
        };
        let (fixed, bytes) = match fixed_bytes(doc, &original, lang) {
            Ok(f) => f,
            // Not a failure: the problems stay and are reported.
            Err(why) => {
                eprintln!("gongwen: {name}: {why}");
                continue;
            }
        };
        if diff {
            let d = similar::TextDiff::from_lines(doc.text.as_str(), fixed.text.as_str());
            out.push_str(
                &d.unified_diff()
                    .context_radius(2)
                    .header(&format!("a/{name}"), &format!("b/{name}"))
                    .to_string(),
            );
        }
        if write {
            if let Err(e) = std::fs::write(path, &bytes) {
                let reason = crate::io_reason(&e);
                eprintln!(
                    "gongwen: {}",
                    say_args!(
                        lang,
                        "cli-cannot-write",
                        name = name.as_str(),
                        reason = reason
                    )
                );
                outcome.failed = true;
                continue;
            }
        }
        outcome.changed.push(k);
        let line = say_args!(
            lang,
            "fix-summary",
            mode = if write { "done" } else { "would" },
            file = name.as_str(),
            fixed = fixed.fixed,
            edits = fixed.edits
        );
        eprintln!("gongwen: {line}");
        if fixed.conflicts > 0 {
            eprintln!(
                "gongwen: {}",
                say_args!(
                    lang,
                    "fix-conflicts",
                    file = name.as_str(),
                    count = fixed.conflicts
                )
            );
        }
    }
    if !out.is_empty() {
        if let Err(e) = crate::write_out(None, &out) {
            eprintln!("gongwen: {e}");
            outcome.failed = true;
        }
    }
    outcome
}

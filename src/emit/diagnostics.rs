//! Diagnostics for people, in the style of rustc and ruff:
//! `file:line:column: severity[code]: message`, then the source line with a
//! marker under the offending text, notes and the suggestion. Rendering is
//! done by codespan-reporting; colour is the caller's choice.

use crate::model::{Document, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor, Config, DisplayStyle};

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Info => CsSeverity::Note,
        Severity::Warning => CsSeverity::Warning,
        Severity::Error => CsSeverity::Error,
    }
}

/// Writes every diagnostic of `doc` to `w`, naming the input `name`: the header line
/// `file:line:column: severity[code]: message`, then the source lines, notes and help.
pub fn render(doc: &Document, name: &str, w: &mut dyn WriteColor) -> std::io::Result<()> {
    let file = SimpleFile::new(name, doc.text.as_str());
    let short = Config {
        display_style: DisplayStyle::Short,
        ..Config::default()
    };
    let rich = Config::default();
    for d in &doc.diagnostics {
        let mut labels = vec![Label::primary((), d.range.clone())];
        labels.extend(
            d.related
                .iter()
                .map(|r| Label::secondary((), r.clone()).with_message("related")),
        );
        let mut notes = d.notes.clone();
        if let Some(k) = doc.paragraph(d.range.start) {
            notes.insert(0, format!("in paragraph {k} of the Word file"));
        }
        if let Some(k) = doc.page_of(d.range.start) {
            notes.insert(
                0,
                format!(
                    "on page {k} of the {} file",
                    doc.source.format.as_str().to_uppercase()
                ),
            );
        }
        if let Some(s) = &d.suggestion {
            notes.push(format!("help: {s}"));
        }
        let cs = CsDiagnostic::new(severity(d.severity))
            .with_code(d.code.as_str())
            .with_message(&d.message)
            .with_labels(labels)
            .with_notes(notes);
        term::emit(w, &short, &file, &cs).map_err(std::io::Error::other)?;
        // The rich form repeats the header; keep only its source lines and notes.
        let mut buf = term::termcolor::Buffer::no_color();
        if w.supports_color() {
            buf = term::termcolor::Buffer::ansi();
        }
        term::emit(&mut buf, &rich, &file, &cs).map_err(std::io::Error::other)?;
        let s = buf.into_inner();
        let body = s
            .iter()
            .position(|&b| b == b'\n')
            .map_or(&s[..], |p| &s[p + 1..]);
        w.write_all(body)?;
    }
    Ok(())
}

/// A one-line count, like a compiler's: `2 errors, 1 warning`.
pub fn summary(docs: &[&Document]) -> String {
    let count = |s: Severity| {
        docs.iter()
            .flat_map(|d| &d.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "note")
    )
}

//! Diagnostics for people, in the style of rustc and ruff:
//! `file:line:column: severity[code]: message`, then the source line with a
//! marker under the offending text, notes and the suggestion. Rendering is
//! done by codespan-reporting; colour is the caller's choice.

use crate::lexicon::messages::say_args;
use crate::model::{Document, Lang, Severity};
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
/// `file:line:column: severity[code]: message`, then the source lines, notes and help,
/// the words around them in `lang` (the messages are in the language they were made in).
pub fn render(
    doc: &Document,
    name: &str,
    lang: Lang,
    w: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let file = SimpleFile::new(name, doc.text.as_str());
    let short = Config {
        display_style: DisplayStyle::Short,
        ..Config::default()
    };
    let rich = Config::default();
    for d in &doc.diagnostics {
        let mut labels = vec![Label::primary((), d.range.clone())];
        labels.extend(d.related.iter().map(|r| {
            Label::secondary((), r.clone()).with_message(say_args!(lang, "label-related"))
        }));
        let mut notes = d.notes.clone();
        if let Some(k) = doc.paragraph(d.range.start) {
            notes.insert(0, say_args!(lang, "note-in-paragraph", paragraph = k));
        }
        if let Some(k) = doc.page_of(d.range.start) {
            let format = doc.source.format.as_str().to_uppercase();
            notes.insert(
                0,
                say_args!(lang, "note-on-page", page = k, format = format),
            );
        }
        if let Some(s) = &d.suggestion {
            notes.push(say_args!(lang, "help", suggestion = s.as_str()));
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

/// A one-line count, like a compiler's: `2 errors, 1 warning, 0 notes`.
pub fn summary(docs: &[&Document], lang: Lang) -> String {
    let count = |s: Severity| {
        docs.iter()
            .flat_map(|d| &d.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    say_args!(
        lang,
        "summary",
        errors = count(Severity::Error),
        warnings = count(Severity::Warning),
        notes = count(Severity::Info),
    )
}

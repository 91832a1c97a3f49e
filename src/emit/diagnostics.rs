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

/// A piece of one long line, shown in place of the line: its text (with `…` where it was
/// cut) and the real number of the line, so that the snippet of a document written on one
/// line of 40,000 characters fits the terminal.
struct Window<'a> {
    name: &'a str,
    text: String,
    line: usize,
    /// The real 1-based column of the first character after the leading `…`.
    column: usize,
    /// The bytes of the leading `…` (0 when the window starts the line).
    head: usize,
}

impl<'a> codespan_reporting::files::Files<'a> for Window<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, _: ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, _: (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(0)
    }

    fn line_number(&'a self, _: (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.line)
    }

    fn line_range(
        &'a self,
        _: (),
        _: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        Ok(0..self.text.len())
    }

    fn column_number(
        &'a self,
        _: (),
        _: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let b = byte.clamp(self.head, self.text.len());
        Ok(self.column + self.text[self.head..b].chars().count())
    }
}

/// A window on a long line: its text, the real column its text starts at, the bytes of
/// its leading `…`, where the place is in it, and the related places that are in it.
struct Cut {
    text: String,
    column: usize,
    head: usize,
    at: std::ops::Range<usize>,
    related: Vec<std::ops::Range<usize>>,
}

/// The part of the line of `range` that fits in `width` columns around it, if the line is
/// wider: the window's text and where `range` and the `related` ranges on that line are
/// in it (the others are left out).
fn window(
    doc: &Document,
    range: &std::ops::Range<usize>,
    related: &[std::ops::Range<usize>],
    width: usize,
) -> Option<Cut> {
    use unicode_width::UnicodeWidthChar;
    let text = &doc.text;
    let l = doc.line(range.start);
    let start = doc.index.line_start(l);
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |e| start + e);
    // A tab takes codespan's four columns, a control character one (unicode-width
    // gives neither a width): a line of ten million tabs is cut like any long line.
    let width_of = |c: char| match c {
        '\t' => Config::default().tab_width,
        c => c.width().unwrap_or(1),
    };
    let cols = |a: usize, b: usize| text[a..b].chars().map(width_of).sum::<usize>();
    if cols(start, end) <= width {
        return None;
    }
    // A third of the room before the place, the rest after it.
    let mut from = range.start;
    let mut room = width / 3;
    for (i, c) in text[start..range.start].char_indices().rev() {
        let w = width_of(c);
        if w > room {
            break;
        }
        room -= w;
        from = start + i;
    }
    let mut to = range.start;
    let mut room = width.saturating_sub(cols(from, range.start)).max(1);
    for (i, c) in text[range.start..end].char_indices() {
        let w = width_of(c);
        if w > room {
            break;
        }
        room -= w;
        to = range.start + i + c.len_utf8();
    }
    let head = if from > start { "…" } else { "" };
    let tail = if to < end { "…" } else { "" };
    let shown = format!("{head}{}{tail}", &text[from..to]);
    let map = |r: &std::ops::Range<usize>| {
        let a = r.start.clamp(from, to) - from + head.len();
        let b = r.end.clamp(from, to) - from + head.len();
        a..b.max(a)
    };
    let rel = related
        .iter()
        .filter(|r| r.start >= from && r.end <= to)
        .map(map)
        .collect();
    Some(Cut {
        at: map(range),
        related: rel,
        column: doc.index.column(text, from),
        head: head.len(),
        text: shown,
    })
}

/// Writes every diagnostic of `doc` to `w`, naming the input `name`: the header line
/// `file:line:column: severity[code]: message`, then the source lines, notes and help,
/// the words around them in `lang` (the messages are in the language they were made in).
/// A source line wider than `width` columns is shown as the part of it around the place.
pub fn render(
    doc: &Document,
    name: &str,
    lang: Lang,
    width: usize,
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
        // The source lines: the line itself, or the part of a long line around the place.
        let room = width.saturating_sub(10).max(20);
        match window(doc, &d.range, &d.related, room) {
            None => term::emit(&mut buf, &rich, &file, &cs).map_err(std::io::Error::other)?,
            Some(c) => {
                let line = doc.line(d.range.start);
                let win = Window {
                    name,
                    text: c.text,
                    line,
                    column: c.column,
                    head: c.head,
                };
                let mut labels = vec![Label::primary((), c.at)];
                labels.extend(c.related.into_iter().map(|r| {
                    Label::secondary((), r).with_message(say_args!(lang, "label-related"))
                }));
                let mut cut = cs.clone();
                cut.labels = labels;
                // Related places outside the window are named by their lines.
                let elsewhere: Vec<String> = d
                    .related
                    .iter()
                    .map(|r| doc.line(r.start))
                    .filter(|&l| l != line)
                    .map(|l| say_args!(lang, "note-see-line", line = l))
                    .collect();
                cut.notes.splice(0..0, elsewhere);
                term::emit(&mut buf, &rich, &win, &cut).map_err(std::io::Error::other)?
            }
        }
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
    let mut line = say_args!(
        lang,
        "summary",
        errors = count(Severity::Error),
        warnings = count(Severity::Warning),
        notes = count(Severity::Info),
    );
    let fixable = docs
        .iter()
        .flat_map(|d| &d.diagnostics)
        .filter(|d| !d.fixes.is_empty())
        .count();
    if fixable > 0 {
        line.push_str(&say_args!(lang, "summary-fixable", count = fixable));
    }
    line
}

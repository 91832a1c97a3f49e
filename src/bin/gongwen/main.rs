//! The `gongwen` command: a thin shell over the library. It reads files, builds the
//! options, calls the library and prints; `cli` holds the command line, `batch` the
//! parallel run over many files.

mod batch;
mod cli;

use clap::Parser;
use cli::{CheckFormat, Cli, Command, Input, Lang, LedgerFormat, ParseFormat, TableFormat};
use gongwen::{Document, Lexicon, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Reads a file (or standard input for `-`) and parses it; the error is a one-line message.
pub(crate) fn load(path: &Path, options: &Options) -> Result<Document, String> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        b
    } else {
        if path.is_dir() {
            return Err(format!(
                "{name}: is a directory; give a text file (`gongwen parse` reads directories)"
            ));
        }
        std::fs::read(path).map_err(|e| format!("{name}: cannot read: {}", io_reason(&e)))?
    };
    let mut doc = gongwen::parse_vec(bytes, options).map_err(|e| format!("{name}: {e}"))?;
    doc.source.path = Some(name);
    Ok(doc)
}

/// The options of the input flags: the encoding, and the built-in lexicon with the
/// user's unit names and words added.
fn options(input: &Input) -> Result<Options, String> {
    let mut options = Options {
        encoding: input.encoding.clone(),
        ..Options::default()
    };
    if input.units.is_none() && input.lexicon.is_none() {
        return Ok(options);
    }
    let read = |p: &Path| {
        std::fs::read_to_string(p)
            .map_err(|e| format!("{}: cannot read: {}", p.display(), io_reason(&e)))
    };
    let mut lexicon = (*Lexicon::builtin()).clone();
    if let Some(p) = &input.units {
        lexicon
            .add_units(&read(p)?)
            .map_err(|e| format!("{}: {e}", p.display()))?;
    }
    if let Some(p) = &input.lexicon {
        lexicon
            .add(&read(p)?)
            .map_err(|e| format!("{}: {e}", p.display()))?;
    }
    options.lexicon = Arc::new(lexicon);
    Ok(options)
}

/// `gongwen parse`: one file streamed to the output, or many as JSON lines.
fn parse(
    files: &[PathBuf],
    walk: &batch::Walked,
    output: Option<&Path>,
    compact: bool,
    include_text: bool,
    format: Option<ParseFormat>,
    options: &Options,
) -> ExitCode {
    let many = files.len() > 1 || files.iter().any(|p| p.is_dir());
    let format = format.unwrap_or(if many {
        ParseFormat::Jsonl
    } else {
        ParseFormat::Json
    });
    let style = gongwen::emit::json::Style {
        pretty: format == ParseFormat::Json && !compact,
        include_text,
    };
    let paths = &walk.files;
    if paths.is_empty() {
        let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "gongwen: no documents (.txt, .html, .docx, .ofd, .pdf) under {}{}",
            names.join(", "),
            if walk.filtered > 0 {
                " that --glob keeps"
            } else {
                ""
            }
        );
        return ExitCode::from(2);
    }
    let mut out: Box<dyn Write> = match output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("gongwen: {}: cannot write: {}", p.display(), io_reason(&e));
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::BufWriter::with_capacity(1 << 16, raw_stdout())),
    };
    if let ([only], false) = (paths.as_slice(), walk.walked) {
        return parse_one(only, options, style, format == ParseFormat::Jsonl, &mut out);
    }
    let tally = match batch::parse_many(
        paths,
        options,
        style,
        format == ParseFormat::Jsonl,
        &mut out,
    ) {
        batch::Outcome::Done(tally) => tally,
        batch::Outcome::Closed => return ExitCode::SUCCESS,
        batch::Outcome::WriteError(e) => {
            eprintln!("gongwen: cannot write output: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("gongwen: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    if walk.walked {
        eprintln!("gongwen: {}", tally.summary(walk));
    }
    if tally.failed + walk.unreadable > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// One file: its JSON goes straight to the output, never held in memory.
fn parse_one(
    path: &Path,
    options: &Options,
    style: gongwen::emit::json::Style,
    error_line: bool,
    out: &mut dyn Write,
) -> ExitCode {
    let r = load(path, options).map(|doc| {
        let r = gongwen::emit::json::write_styled(&doc, style, out);
        // The process ends next: freeing a large document piece by piece would only
        // add time (about a tenth of a second for 100 MB).
        std::mem::forget(doc);
        r
    });
    match r {
        Ok(Ok(())) => match out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("gongwen: cannot write output: {e}");
                ExitCode::from(2)
            }
            _ => ExitCode::SUCCESS,
        },
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("gongwen: cannot write output: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("gongwen: {e}");
            if error_line {
                let _ = writeln!(out, "{}", batch::error_line(path, &e)).and_then(|_| out.flush());
            }
            ExitCode::from(2)
        }
    }
}

/// Standard output without its line buffering when it is a file or a pipe: the JSON comes
/// in large pieces, and a line-buffered stdout searches each piece for its last line
/// break (3% of a run). A terminal keeps its line buffering, so lines show as they come.
fn raw_stdout() -> Box<dyn Write> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        return Box::new(std::io::stdout().lock());
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::AsHandle;
        if let Ok(h) = std::io::stdout().as_handle().try_clone_to_owned() {
            return Box::new(std::fs::File::from(h));
        }
    }
    Box::new(std::io::stdout().lock())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A list as `--format` asks: pretty JSON of its values, or a table as CSV or text.
fn render<J: serde::Serialize>(
    format: TableFormat,
    json: impl FnOnce() -> J,
    table: impl FnOnce() -> gongwen::emit::table::Table,
) -> String {
    use gongwen::emit::table::Format;
    match format {
        TableFormat::Json => serde_json::to_string_pretty(&json()).expect("plain data") + "\n",
        TableFormat::Csv => table().render(Format::Csv { bom: false }),
        TableFormat::Table => table().render(Format::Table),
    }
}

fn write_out(output: Option<&Path>, s: &str) -> Result<(), String> {
    match output {
        Some(p) => std::fs::write(p, s)
            .map_err(|e| format!("{}: cannot write: {}", p.display(), io_reason(&e))),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| format!("cannot write output: {e}")),
            }
        }
    }
}

fn use_colour() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `gongwen check`: every file's diagnostics, for people or as JSON.
fn check(walk: &batch::Walked, format: CheckFormat, options: &Options) -> ExitCode {
    use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
    let mut unreadable = walk.unreadable > 0;
    let mut docs = Vec::new();
    let mut tally = batch::Tally::default();
    for f in &walk.files {
        match load(f, options) {
            Ok(d) => {
                tally.add(d.source.format);
                docs.push((f.display().to_string(), d));
            }
            Err(e) => {
                eprintln!("gongwen: {e}");
                tally.failed += 1;
                unreadable = true;
            }
        }
    }
    if walk.walked {
        eprintln!("gongwen: {}", tally.summary(walk));
    }
    let found = docs
        .iter()
        .flat_map(|(_, d)| &d.diagnostics)
        .any(|d| d.severity >= gongwen::Severity::Warning);
    let written = match format {
        CheckFormat::Json => {
            let mut all: Vec<serde_json::Value> = Vec::new();
            for (name, d) in &docs {
                let ctx = gongwen::emit::json::Ctx::new(d);
                for x in &d.diagnostics {
                    let mut j = serde_json::to_value(ctx.diagnostic(x)).expect("plain data");
                    j["file"] = serde_json::Value::String(name.clone());
                    all.push(j);
                }
            }
            write_out(
                None,
                &(serde_json::to_string_pretty(&all).expect("plain data") + "\n"),
            )
        }
        CheckFormat::Human => {
            let choice = if use_colour() {
                ColorChoice::Always
            } else {
                ColorChoice::Never
            };
            let out = StandardStream::stdout(choice);
            let mut lock = out.lock();
            let mut r = Ok(());
            for (name, d) in &docs {
                r = r.and(gongwen::emit::diagnostics::render(d, name, &mut lock));
            }
            let refs: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
            r.and_then(|_| writeln!(lock, "{}", gongwen::emit::diagnostics::summary(&refs)))
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|e| format!("cannot write output: {e}"))
        }
    };
    if let Err(e) = written {
        eprintln!("gongwen: {e}");
        return ExitCode::from(2);
    }
    if unreadable {
        ExitCode::from(2)
    } else if found {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The commands that read one document and print one table or page.
fn one_document(command: Command) -> Result<(), String> {
    use gongwen::emit::{ledger, table::Format};
    match command {
        Command::Quantities {
            file,
            targets,
            format,
            input,
        } => {
            let options = options(&input)?;
            let doc = load(&file, &options)?;
            // A snippet rather than a document: every line of it is read.
            let loose = if doc.nodes.is_empty() && doc.preamble.is_none() {
                gongwen::quantities(&doc.text, &options)
            } else {
                Vec::new()
            };
            let s = render(
                format,
                || ledger::quantities_json(&doc, &loose, targets),
                || ledger::quantities_table(&doc, &loose, targets),
            );
            write_out(None, &s)
        }
        Command::Departments {
            file,
            format,
            input,
        } => {
            let doc = load(&file, &options(&input)?)?;
            let deps = ledger::departments(&doc);
            let s = render(format, || &deps, || ledger::departments_table(&deps));
            write_out(None, &s)
        }
        Command::Report {
            file,
            output,
            input,
        } => {
            let doc = load(&file, &options(&input)?)?;
            write_out(output.as_deref(), &gongwen::emit::report::render(&doc))
        }
        Command::Ledger {
            file,
            format,
            lang,
            no_bom,
            input,
        } => {
            let doc = load(&file, &options(&input)?)?;
            let f = match format {
                LedgerFormat::Table => Format::Table,
                LedgerFormat::Csv => Format::Csv { bom: !no_bom },
                LedgerFormat::Markdown => Format::Markdown,
                LedgerFormat::Json => Format::Json,
            };
            write_out(None, &ledger::ledger(&doc, lang == Lang::Zh).render(f))
        }
        Command::Text { file, input } => {
            let mut doc = load(&file, &options(&input)?)?;
            // A line end after the last line, outside every span, for the terminal.
            if !doc.text.ends_with('\n') {
                doc.text.push('\n');
            }
            write_out(None, &doc.text)
        }
        Command::Parse { .. } | Command::Check { .. } => {
            unreachable!("parse and check read many documents")
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            files,
            walk,
            format,
            input,
        } => options(&input).and_then(|o| {
            let walked = batch::expand(&files, &batch::Filter::new(&walk.glob)?);
            Ok(check(&walked, format, &o))
        }),
        Command::Parse {
            files,
            walk,
            output,
            compact,
            include_text,
            format,
            input,
        } => options(&input).and_then(|o| {
            let walked = batch::expand(&files, &batch::Filter::new(&walk.glob)?);
            Ok(parse(
                &files,
                &walked,
                output.as_deref(),
                compact,
                include_text,
                format,
                &o,
            ))
        }),
        command => one_document(command).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        eprintln!("gongwen: {e}");
        ExitCode::from(2)
    })
}

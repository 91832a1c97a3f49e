//! The `gongwen` command: a thin shell over the library. It reads files, builds the
//! options, calls the library and prints; `cli` holds the command line, `batch` the
//! parallel run over many files.

/// Says a message of the catalogues (`data/messages/`) in `lang`.
macro_rules! say_args {
    ($lang:expr, $id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        gongwen::emit::message(
            $lang,
            $id,
            &[$((stringify!($k), gongwen::emit::MessageArg::from($v))),*],
        )
    };
}

mod batch;
mod cli;
mod config;
mod fix;
#[cfg(feature = "serve")]
mod serve;
mod tidy;

use cli::{CheckFormat, Cli, Command, Input, LedgerFormat, ParseFormat, TableFormat};
use gongwen::{Document, Lexicon, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The language of the run's own messages: its `--lang`, else its config file's, else
/// the locale's (set once the command line is read).
static LANG: std::sync::OnceLock<gongwen::Lang> = std::sync::OnceLock::new();

pub(crate) fn lang() -> gongwen::Lang {
    LANG.get().copied().unwrap_or_else(gongwen::Lang::from_env)
}

/// Reads a file (or standard input for `-`) and parses it; the error is a one-line message.
pub(crate) fn load(path: &Path, options: &Options) -> Result<Document, String> {
    let name = path.display().to_string();
    let lang = options.lang;
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| say_args!(lang, "cli-cannot-read-stdin", reason = io_reason(&e)))?;
        b
    } else {
        if path.is_dir() {
            return Err(say_args!(lang, "cli-is-directory", name = name.as_str()));
        }
        std::fs::read(path).map_err(|e| {
            say_args!(
                lang,
                "cli-cannot-read",
                name = name.as_str(),
                reason = io_reason(&e)
            )
        })?
    };
    let mut doc =
        gongwen::parse_vec(bytes, options).map_err(|e| format!("{name}: {}", e.message(lang)))?;
    doc.source.path = Some(name);
    Ok(doc)
}

/// The options of the input flags: the encoding, and the built-in lexicon with the
/// user's unit names and words added.
fn options(input: &Input) -> Result<Options, String> {
    let mut options = Options {
        encoding: input.encoding.clone(),
        lang: input.language(),
        ..Options::default()
    };
    if input.units.is_none() && input.lexicon.is_none() {
        return Ok(options);
    }
    let lang = options.lang;
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| {
            say_args!(
                lang,
                "cli-cannot-read",
                name = p.display().to_string(),
                reason = io_reason(&e)
            )
        })
    };
    let mut lexicon = (*Lexicon::builtin()).clone();
    if let Some(p) = &input.units {
        lexicon
            .add_units(&read(p)?)
            .map_err(|e| format!("{}: {}", p.display(), e.message(lang)))?;
    }
    if let Some(p) = &input.lexicon {
        lexicon
            .add(&read(p)?)
            .map_err(|e| format!("{}: {}", p.display(), e.message(lang)))?;
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
        let names = names.join(", ");
        let line = if walk.filtered > 0 {
            say_args!(options.lang, "cli-no-documents-glob", names = names)
        } else {
            say_args!(options.lang, "cli-no-documents", names = names)
        };
        eprintln!("gongwen: {line}");
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

/// Why a file could not be read or written, in the run's language (the system's words
/// for the rarer reasons).
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => say_args!(lang(), "cli-no-such-file"),
        std::io::ErrorKind::PermissionDenied => say_args!(lang(), "cli-permission-denied"),
        std::io::ErrorKind::IsADirectory => say_args!(lang(), "cli-a-directory"),
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

pub(crate) fn write_out(output: Option<&Path>, s: &str) -> Result<(), String> {
    match output {
        Some(p) => std::fs::write(p, s).map_err(|e| {
            say_args!(
                lang(),
                "cli-cannot-write",
                name = p.display().to_string(),
                reason = io_reason(&e)
            )
        }),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| {
                    say_args!(lang(), "cli-cannot-write-output", reason = e.to_string())
                }),
            }
        }
    }
}

/// The width of the terminal standard output is, or of `COLUMNS`; 120 when neither says.
fn terminal_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
    {
        return n;
    }
    console::Term::stdout()
        .size_checked()
        .map_or(120, |(_, cols)| usize::from(cols))
}

fn use_colour() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Which codes `check` reports: those `--select` names (codes, families such as
/// `numbering`, authorities such as `GB15834`, `all`; the default set when none), less
/// those `--ignore` names.
pub(crate) fn selection(select: &[String], ignore: &[String]) -> Result<gongwen::CheckSet, String> {
    gongwen::CheckSet::parse(select, ignore).map_err(|bad| {
        let codes: Vec<&str> = gongwen::Code::ALL.iter().map(|c| c.as_str()).collect();
        let families: Vec<String> = gongwen::Family::ALL
            .iter()
            .map(|f| match f.authority() {
                Some(a) => format!("{f} ({a})"),
                None => f.to_string(),
            })
            .collect();
        say_args!(
            lang(),
            "cli-no-such-code",
            name = bad,
            families = families.join(", "),
            codes = codes.join(", ")
        )
    })
}

/// What `check` does with the fixes: writes them (`--fix`), shows them (`--diff`).
#[derive(Clone, Copy)]
struct Fixing {
    fix: bool,
    diff: bool,
}

/// `gongwen check`: every file's diagnostics, for people or machines; with `--diff` what
/// the fixes would change, with `--fix` the fixes made and what is left.
fn check(walk: &batch::Walked, format: CheckFormat, fixing: Fixing, options: &Options) -> ExitCode {
    let (mut docs, mut unreadable) = load_all(walk, options);
    if fixing.fix || fixing.diff {
        let done = fix::run(&docs, fixing.fix, fixing.diff, options.lang);
        unreadable |= done.failed;
        if !fixing.fix {
            // A preview: the diff is the output; 1 when something would change.
            return ExitCode::from(if unreadable {
                2
            } else {
                u8::from(!done.changed.is_empty())
            });
        }
        // What is left after the fixes: the files changed read again.
        for k in done.changed {
            let name = docs[k].0.clone();
            match load(Path::new(&name), options) {
                Ok(d) => docs[k].1 = d,
                Err(e) => {
                    eprintln!("gongwen: {e}");
                    unreadable = true;
                }
            }
        }
    }
    let found = docs
        .iter()
        .flat_map(|(_, d)| &d.diagnostics)
        .any(|d| d.severity >= gongwen::Severity::Warning);
    if let Err(e) = write_out(None, &check_text(&docs, format, use_colour(), options.lang)) {
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

/// What `gongwen check` prints for these documents (each with the name it is shown by).
pub(crate) fn check_text(
    docs: &[(String, Document)],
    format: CheckFormat,
    colour: bool,
    lang: gongwen::Lang,
) -> String {
    match format {
        CheckFormat::Json => {
            let mut all: Vec<serde_json::Value> = Vec::new();
            for (name, d) in docs {
                let ctx = gongwen::emit::json::Ctx::new(d);
                for x in &d.diagnostics {
                    let mut j = serde_json::to_value(ctx.diagnostic(x)).expect("plain data");
                    j["file"] = serde_json::Value::String(name.clone());
                    all.push(j);
                }
            }
            serde_json::to_string_pretty(&all).expect("plain data") + "\n"
        }
        CheckFormat::Sarif => {
            let refs: Vec<(String, &Document)> = docs.iter().map(|(n, d)| (n.clone(), d)).collect();
            serde_json::to_string_pretty(&gongwen::emit::annotations::sarif(&refs))
                .expect("plain data")
                + "\n"
        }
        CheckFormat::Github => {
            let refs: Vec<(String, &Document)> = docs.iter().map(|(n, d)| (n.clone(), d)).collect();
            gongwen::emit::annotations::github(&refs)
        }
        CheckFormat::Human => {
            use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
            fn human<W: WriteColor>(
                docs: &[(String, Document)],
                lang: gongwen::Lang,
                mut w: W,
            ) -> W {
                for (name, d) in docs {
                    gongwen::emit::diagnostics::render(d, name, lang, terminal_width(), &mut w)
                        .expect("writing to memory");
                }
                let refs: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
                writeln!(w, "{}", gongwen::emit::diagnostics::summary(&refs, lang))
                    .expect("writing to memory");
                w
            }
            let bytes = if colour {
                human(docs, lang, Ansi::new(Vec::new())).into_inner()
            } else {
                human(docs, lang, NoColor::new(Vec::new())).into_inner()
            };
            String::from_utf8(bytes).expect("the messages are UTF-8")
        }
    }
}

/// The documents of a walk, each loaded, with its name; a file that cannot be read is
/// reported on stderr and left out. Gives whether any could not be read. A summary goes
/// to stderr when a folder was walked.
fn load_all(walk: &batch::Walked, options: &Options) -> (Vec<(String, Document)>, bool) {
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
    (docs, unreadable)
}

/// What a table command makes of its documents.
#[derive(Clone, Copy)]
pub(crate) enum Tables {
    Ledger {
        format: LedgerFormat,
        zh: bool,
        bom: bool,
    },
    Departments {
        format: TableFormat,
        zh: bool,
    },
    Quantities {
        format: TableFormat,
        targets: bool,
        zh: bool,
    },
}

/// `ledger`, `departments`, `quantities`: one table of all the documents, each row
/// naming its file (`source`) when there are several.
fn many_tables(
    which: Tables,
    files: &[PathBuf],
    walk: &batch::Walked,
    options: &Options,
) -> ExitCode {
    if walk.files.is_empty() {
        eprintln!(
            "gongwen: {}",
            say_args!(options.lang, "cli-no-documents-given")
        );
        return ExitCode::from(2);
    }
    let many = files.len() > 1 || walk.walked;
    let (docs, unreadable) = load_all(walk, options);
    if let Err(e) = write_out(None, &table_text(which, &docs, many, options)) {
        eprintln!("gongwen: {e}");
        return ExitCode::from(2);
    }
    if unreadable {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// What a table command prints for these documents (each with its name; `many` adds the
/// `source` column).
pub(crate) fn table_text(
    which: Tables,
    docs: &[(String, Document)],
    many: bool,
    options: &Options,
) -> String {
    use gongwen::emit::table::Format;
    use gongwen::emit::{ledger, table::Table};
    let source = |name: &str| many.then(|| name.to_string());
    let with_source = |mut v: serde_json::Value, name: &str| {
        if let (Some(s), Some(m)) = (source(name), v.as_object_mut()) {
            let mut out = serde_json::Map::new();
            out.insert("source".into(), serde_json::Value::String(s));
            out.extend(std::mem::take(m));
            v = serde_json::Value::Object(out);
        }
        v
    };
    let one_or_all = |header: &str, tables: Vec<(String, Table)>| -> Table {
        if many {
            Table::concat(header, tables)
        } else {
            tables
                .into_iter()
                .next()
                .map(|(_, t)| t)
                .unwrap_or_default()
        }
    };
    let pretty =
        |v: &Vec<serde_json::Value>| serde_json::to_string_pretty(v).expect("plain data") + "\n";
    let s = match which {
        Tables::Ledger { format, zh, bom } => {
            let f = match format {
                LedgerFormat::Table => Some(Format::Table),
                LedgerFormat::Csv => Some(Format::Csv { bom }),
                LedgerFormat::Markdown => Some(Format::Markdown),
                LedgerFormat::Json => None,
            };
            match f {
                Some(f) => one_or_all(
                    ledger::source_header(zh),
                    docs.iter()
                        .map(|(n, d)| (n.clone(), ledger::ledger(d, zh)))
                        .collect(),
                )
                .render(f),
                None => pretty(
                    &docs
                        .iter()
                        .flat_map(|(n, d)| {
                            let s = source(n);
                            ledger::ledger_rows(d)
                                .into_iter()
                                .map(move |r| r.json(zh, s.as_deref()))
                        })
                        .collect(),
                ),
            }
        }
        Tables::Departments { format, zh } => {
            let all: Vec<(String, Vec<ledger::Department>)> = docs
                .iter()
                .map(|(n, d)| (n.clone(), ledger::departments(d)))
                .collect();
            render(
                format,
                || {
                    all.iter()
                        .flat_map(|(n, deps)| {
                            deps.iter().map(|d| {
                                with_source(serde_json::to_value(d).expect("plain data"), n)
                            })
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    let t = one_or_all(
                        "source",
                        all.iter()
                            .map(|(n, deps)| (n.clone(), ledger::departments_table(deps)))
                            .collect(),
                    );
                    if zh {
                        t.in_chinese("departments")
                    } else {
                        t
                    }
                },
            )
        }
        Tables::Quantities {
            format,
            targets,
            zh,
        } => {
            // A snippet rather than a document: every line of it is read.
            let loose: Vec<Vec<gongwen::Quantity>> = docs
                .iter()
                .map(|(_, d)| {
                    if d.nodes.is_empty() && d.preamble.is_none() {
                        gongwen::quantities(&d.text, options)
                    } else {
                        Vec::new()
                    }
                })
                .collect();
            render(
                format,
                || {
                    docs.iter()
                        .zip(&loose)
                        .flat_map(|((n, d), l)| {
                            ledger::quantities_json(d, l, targets)
                                .into_iter()
                                .map(move |q| with_source(q, n))
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    let t = one_or_all(
                        "source",
                        docs.iter()
                            .zip(&loose)
                            .map(|((n, d), l)| (n.clone(), ledger::quantities_table(d, l, targets)))
                            .collect(),
                    );
                    if zh {
                        t.in_chinese("quantities")
                    } else {
                        t
                    }
                },
            )
        }
    };
    s
}

/// `gongwen report`: one page, or for a folder or several files a page per document and
/// an index (`OUT/index.html`) with a row for each, unreadable ones included.
fn report(
    files: &[PathBuf],
    walk: &batch::Walked,
    output: Option<&Path>,
    options: &Options,
) -> Result<ExitCode, String> {
    use gongwen::emit::report;
    let lang = options.lang;
    if let ([only], false) = (walk.files.as_slice(), walk.walked) {
        let doc = load(only, options)?;
        write_out(output, &report::render(&doc, lang))?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(dir) = output else {
        return Err(say_args!(lang, "cli-several-pages"));
    };
    if walk.files.is_empty() {
        let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        return Err(say_args!(
            lang,
            "cli-no-documents",
            names = names.join(", ")
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        say_args!(
            lang,
            "cli-cannot-create",
            name = dir.display().to_string(),
            reason = io_reason(&e)
        )
    })?;
    let mut used = std::collections::BTreeSet::new();
    let mut loaded = Vec::new();
    let roots: Vec<&PathBuf> = files.iter().filter(|root| root.is_dir()).collect();
    for f in &walk.files {
        // Shown by its path below the folder named, and paged under that path's name.
        let name = roots
            .iter()
            .find_map(|root| f.strip_prefix(root).ok())
            .unwrap_or(f)
            .display()
            .to_string();
        let stem: String = Path::new(&name)
            .with_extension("")
            .display()
            .to_string()
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let mut href = format!("{stem}.html");
        let mut k = 2;
        while href == "index.html" || !used.insert(href.clone()) {
            href = format!("{stem}-{k}.html");
            k += 1;
        }
        loaded.push((href, name, load(f, options)));
    }
    let mut unreadable = walk.unreadable > 0;
    for (href, _, doc) in &loaded {
        match doc {
            Ok(d) => write_out(Some(&dir.join(href)), &report::render(d, lang))?,
            Err(e) => {
                eprintln!("gongwen: {e}");
                unreadable = true;
            }
        }
    }
    let entries: Vec<report::Entry> = loaded
        .iter()
        .map(|(href, name, doc)| report::Entry {
            href: href.clone(),
            name: name.clone(),
            doc: doc.as_ref().map_err(Clone::clone),
        })
        .collect();
    let index = dir.join("index.html");
    write_out(Some(&index), &report::index(&entries, lang))?;
    eprintln!(
        "gongwen: {}",
        say_args!(
            lang,
            "cli-wrote-pages",
            index = index.display().to_string(),
            count = loaded.iter().filter(|(_, _, d)| d.is_ok()).count()
        )
    );
    Ok(if unreadable {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The commands that read one document and print one table or page.
fn one_document(command: Command) -> Result<(), String> {
    match command {
        Command::Text { file, input } => {
            let mut doc = load(&file, &options(&input)?)?;
            // A line end after the last line, outside every span, for the terminal.
            if !doc.text.ends_with('\n') {
                doc.text.push('\n');
            }
            write_out(None, &doc.text)
        }
        Command::Parse { .. }
        | Command::Report { .. }
        | Command::Check { .. }
        | Command::Ledger { .. }
        | Command::Departments { .. }
        | Command::Quantities { .. }
        | Command::Tables { .. } => {
            unreachable!("these commands read many documents")
        }
        #[cfg(feature = "serve")]
        Command::Serve { .. } => {
            unreachable!("the server is run by main")
        }
    }
}

/// A table command: its options read, its folders walked, its documents tabled.
fn tables(
    which: Tables,
    files: &[PathBuf],
    walk: &cli::Walk,
    input: &cli::Input,
) -> Result<ExitCode, String> {
    let o = options(input)?;
    let walked = batch::expand(files, &batch::Filter::new(&walk.glob)?);
    Ok(many_tables(which, files, &walked, &o))
}

fn main() -> ExitCode {
    let mut cli = Cli::parse_localized();
    if let Err(e) = config::apply(&mut cli.command) {
        eprintln!("gongwen: {e}");
        return ExitCode::from(2);
    }
    if let Some(input) = cli.command.input_mut() {
        let _ = LANG.set(input.language());
    }
    let result = match cli.command {
        Command::Check {
            files,
            walk,
            format,
            select,
            ignore,
            fix,
            diff,
            input,
        } => options(&input).and_then(|o| {
            let o = o.with_checks(selection(&select, &ignore)?);
            let walked = batch::expand(&files, &batch::Filter::new(&walk.glob)?);
            Ok(check(&walked, format, Fixing { fix, diff }, &o))
        }),
        Command::Report {
            files,
            output,
            walk,
            input,
        } => options(&input).and_then(|o| {
            let walked = batch::expand(&files, &batch::Filter::new(&walk.glob)?);
            report(&files, &walked, output.as_deref(), &o)
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
        Command::Ledger {
            files,
            walk,
            format,
            no_bom,
            input,
        } => tables(
            Tables::Ledger {
                format,
                zh: input.language() == gongwen::Lang::Zh,
                bom: !no_bom,
            },
            &files,
            &walk,
            &input,
        ),
        Command::Departments {
            files,
            walk,
            format,
            input,
        } => tables(
            Tables::Departments {
                format,
                zh: input.language() == gongwen::Lang::Zh,
            },
            &files,
            &walk,
            &input,
        ),
        Command::Quantities {
            files,
            walk,
            targets,
            format,
            input,
        } => tables(
            Tables::Quantities {
                format,
                targets,
                zh: input.language() == gongwen::Lang::Zh,
            },
            &files,
            &walk,
            &input,
        ),
        Command::Tables {
            files,
            walk,
            output,
            format,
            input,
        } => options(&input).and_then(|o| {
            let walked = batch::expand(&files, &batch::Filter::new(&walk.glob)?);
            Ok(tidy::write_tables(&walked, &output, format, &o))
        }),
        #[cfg(feature = "serve")]
        Command::Serve {
            bind,
            token,
            max_body_mb,
            max_buffered_mb,
            timeout,
            max_in_flight,
            queue,
            input,
        } => options(&input).map(|options| {
            let max_in_flight = max_in_flight
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get() * 2));
            serve::run(serve::Config {
                bind,
                token: token.filter(|t| !t.is_empty()),
                max_body: max_body_mb.saturating_mul(1 << 20),
                max_buffered: max_buffered_mb
                    .unwrap_or(max_body_mb.saturating_mul(4))
                    .saturating_mul(1 << 20),
                timeout: std::time::Duration::from_secs(timeout.max(1)),
                max_in_flight,
                queue: queue.unwrap_or(max_in_flight),
                options,
            })
        }),
        command => one_document(command).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        eprintln!("gongwen: {e}");
        ExitCode::from(2)
    })
}

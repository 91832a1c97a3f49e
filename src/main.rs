//! The `gongwen` command: a thin shell over the library.

use clap::{Parser, Subcommand};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Turns Chinese official documents (公文) into structured data",
    long_about = "Turns Chinese official documents (公文: 行动计划, 实施方案, 通知, 意见, 条例) into structured data:\n\
                  the numbered outline, who leads and supports each task, quantitative targets, metadata,\n\
                  and checks of numbering and form.\n\n\
                  Examples:\n  gongwen parse seeds/000_ae5005f7988b7668.txt\n  gongwen check plan.txt\n  cat plan.txt | gongwen parse - --compact"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct Input {
    /// Encoding of the input (utf-8, gb18030, gbk, big5, utf-16le, utf-16be…); detected when omitted.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Print a document's outline, responsibilities, quantities and metadata as JSON (schema gongwen/1).
    #[command(
        after_help = "Examples:\n  gongwen parse plan.txt\n  gongwen parse plan.txt -o plan.json\n  gongwen parse - --compact < plan.txt\n  gongwen parse archive/ > archive.jsonl\n\nSeveral files or a directory give one JSON object per line (jsonl), parsed in parallel;\na file that cannot be read gives a line {\"source\":{\"path\":…},\"error\":…} there and a\nmessage on stderr, and the others go on. Exit code 2 when any input could not be read."
    )]
    Parse {
        /// Documents to read: files, directories (every *.txt below them), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write the JSON to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Print the JSON on one line.
        #[arg(long)]
        compact: bool,
        /// `json` (one pretty document; the default for one file) or `jsonl` (one compact
        /// document per line, in the order the files are given and sorted within
        /// directories; the default for several files or a directory).
        #[arg(long, value_enum)]
        format: Option<ParseFormat>,
        /// More unit names for the `units` of each clause: a TSV file of
        /// `canonical<TAB>kind<TAB>alias|alias` lines (see data/units.tsv).
        #[arg(long, value_name = "FILE")]
        units: Option<PathBuf>,
        #[command(flatten)]
        input: Input,
    },
    /// List every quantity (number with unit) and which are targets, with where it was found.
    #[command(
        after_help = "Examples:\n  gongwen quantities plan.txt\n  gongwen quantities plan.txt --targets --format csv > targets.csv\n  echo '新建5G基站3万个' | gongwen quantities -"
    )]
    Quantities {
        /// The text to read (`-` for standard input); any text, not only whole documents.
        file: PathBuf,
        /// Keep only targets (quantities the text commits to reaching).
        #[arg(long)]
        targets: bool,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        input: Input,
    },
    /// The ledger turned around: for each unit, the tasks it leads, is responsible for and supports.
    #[command(
        after_help = "Examples:\n  gongwen departments plan.txt\n  gongwen departments plan.txt --format json\n  gongwen departments plan.txt --units my-units.tsv\n\nUnits are named canonically from data/units.tsv; --units adds lines\n`canonical<TAB>kind<TAB>alias|alias` of your own."
    )]
    Departments {
        /// The document to read (`-` for standard input).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        /// More unit names: a TSV file of `canonical<TAB>kind<TAB>alias|alias` lines.
        #[arg(long, value_name = "FILE")]
        units: Option<PathBuf>,
        #[command(flatten)]
        input: Input,
    },
    /// The task ledger (任务分工台账): one row per task with its owners, targets and deadline.
    #[command(
        after_help = "Columns: path, number, title, lead, responsible, support, targets, deadline, line\n(序号, 编号, 任务, 牵头单位, 责任单位, 配合单位, 量化指标, 完成时限, 行号 with --lang zh).\n\nExamples:\n  gongwen ledger plan.txt\n  gongwen ledger plan.txt --format csv --lang zh > 台账.csv\n  gongwen ledger plan.txt --format markdown"
    )]
    Ledger {
        /// The document to read (`-` for standard input).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = LedgerFormat::Table)]
        format: LedgerFormat,
        /// Language of the column headers.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
        /// Leave out the byte-order mark that lets Excel open a UTF-8 CSV correctly.
        #[arg(long)]
        no_bom: bool,
        #[command(flatten)]
        input: Input,
    },
    /// Write a self-contained HTML report: the document with its outline, owners, targets and problems marked.
    #[command(
        after_help = "Examples:\n  gongwen report plan.txt -o report.html\n  gongwen report plan.txt > report.html\n\nThe page needs no network: styles and its one small script are inline."
    )]
    Report {
        /// The document to read (`-` for standard input).
        file: PathBuf,
        /// Write the HTML to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: Input,
    },
    /// Check numbering and form; report problems like a compiler.
    ///
    /// Exit code: 0 when nothing at warning level or above was found, 1 when
    /// something was, 2 when an input could not be read.
    #[command(
        after_help = "Examples:\n  gongwen check plan.txt\n  gongwen check a.txt b.txt --format json\n\nColour is used when writing to a terminal, unless NO_COLOR is set."
    )]
    Check {
        /// Documents to check (`-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `human` (default) or `json` (an array of diagnostics, each with `file`).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        #[command(flatten)]
        input: Input,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum ParseFormat {
    Json,
    Jsonl,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum TableFormat {
    /// An aligned table for reading in a terminal.
    Table,
    Json,
    Csv,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum LedgerFormat {
    /// An aligned table for reading in a terminal.
    Table,
    Csv,
    Markdown,
    Json,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Zh,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum CheckFormat {
    Human,
    Json,
}

/// Reads a file (or standard input for `-`) and parses it; the error is a one-line message.
fn load(path: &Path, input: &Input) -> Result<gongwen::Document, String> {
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
    gongwen::parse_vec(bytes, input.encoding.as_deref(), Some(&name))
        .map_err(|e| format!("{name}: {e}"))
}

/// The inputs named on the command line: files as given, directories walked for
/// `*.txt` in sorted order. Unreadable directories are reported as inputs that fail.
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(_) => {
                out.push(dir.to_path_buf());
                return;
            }
        };
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// The built-in unit tables, with the user's file of `canonical<TAB>kind<TAB>alias|alias` lines added.
fn load_units(path: Option<&Path>) -> Result<gongwen::extract::units::Units, String> {
    let mut table = gongwen::extract::units::Units::default();
    if let Some(p) = path {
        let s = std::fs::read_to_string(p)
            .map_err(|e| format!("{}: cannot read: {}", p.display(), io_reason(&e)))?;
        table
            .add_units(&s)
            .map_err(|e| format!("{}: {e}", p.display()))?;
    }
    Ok(table)
}

/// The JSON line that stands for an input that could not be read.
fn error_line(path: &Path, error: &str) -> serde_json::Value {
    serde_json::json!({"schema": gongwen::emit::json::SCHEMA, "source": {"path": path.display().to_string()}, "error": error})
}

fn parse(
    files: &[PathBuf],
    output: Option<&Path>,
    compact: bool,
    format: Option<ParseFormat>,
    units: &gongwen::extract::units::Units,
    input: &Input,
) -> ExitCode {
    use rayon::prelude::*;
    use std::io::IsTerminal;
    let many = files.len() > 1 || files.iter().any(|p| p.is_dir());
    let format = format.unwrap_or(if many {
        ParseFormat::Jsonl
    } else {
        ParseFormat::Json
    });
    let paths = expand(files);
    if paths.is_empty() {
        let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        eprintln!("gongwen: no *.txt files under {}", names.join(", "));
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
    let progress = (std::io::stderr().is_terminal() && paths.len() > 50).then(|| {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files, {per_sec}, ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut failed = false;
    if let [only] = paths.as_slice() {
        // One file: its JSON goes straight to the output, never held in memory.
        let pretty = format == ParseFormat::Json && !compact;
        let r = load(only, input).map(|doc| {
            let r = gongwen::emit::json::write_with(&doc, units, pretty, &mut out);
            // The process ends next: freeing a large document piece by piece would only
            // add time (about a tenth of a second for 100 MB).
            std::mem::forget(doc);
            r
        });
        return match r {
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
                if format == ParseFormat::Jsonl {
                    let _ = writeln!(out, "{}", error_line(only, &e)).and_then(|_| out.flush());
                }
                ExitCode::from(2)
            }
        };
    }
    // Files are parsed in parallel a chunk at a time and written in order, so memory
    // stays flat however many files there are.
    let chunk = rayon::current_num_threads().max(1) * 4;
    for group in paths.chunks(chunk) {
        let results: Vec<Result<Vec<u8>, String>> = group
            .par_iter()
            .map(|p| {
                let doc = load(p, input)?;
                let mut buf = Vec::new();
                let pretty = format == ParseFormat::Json && !compact;
                gongwen::emit::json::write_with(&doc, units, pretty, &mut buf)
                    .map_err(|e| e.to_string())?;
                Ok(buf)
            })
            .collect();
        for (p, r) in group.iter().zip(results) {
            let written = match r {
                Ok(buf) => out.write_all(&buf),
                Err(e) => {
                    failed = true;
                    match &progress {
                        Some(bar) => bar.println(format!("gongwen: {e}")),
                        None => eprintln!("gongwen: {e}"),
                    }
                    if format == ParseFormat::Jsonl {
                        writeln!(out, "{}", error_line(p, &e))
                    } else {
                        Ok(())
                    }
                }
            };
            if let Err(e) = written {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
                eprintln!("gongwen: cannot write output: {e}");
                return ExitCode::from(2);
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("gongwen: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
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

fn check(files: &[PathBuf], format: CheckFormat, input: &Input) -> ExitCode {
    use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
    let mut unreadable = false;
    let mut docs = Vec::new();
    for f in files {
        match load(f, input) {
            Ok(d) => docs.push((f.display().to_string(), d)),
            Err(e) => {
                eprintln!("gongwen: {e}");
                unreadable = true;
            }
        }
    }
    let found = docs
        .iter()
        .flat_map(|(_, d)| &d.diagnostics)
        .any(|d| d.severity >= gongwen::Severity::Warning);
    let written = match format {
        CheckFormat::Json => {
            let all: Vec<serde_json::Value> = docs
                .iter()
                .flat_map(|(name, d)| {
                    let v = gongwen::emit::json::View::new(d);
                    d.diagnostics.iter().map(move |x| {
                        let mut j = serde_json::to_value(v.diagnostic(x)).expect("plain data");
                        j["file"] = serde_json::Value::String(name.clone());
                        j
                    })
                })
                .collect();
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
            let refs: Vec<&gongwen::Document> = docs.iter().map(|(_, d)| d).collect();
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            files,
            format,
            input,
        } => return check(&files, format, &input),
        Command::Quantities {
            file,
            targets,
            format,
            input,
        } => load(&file, &input).and_then(|doc| {
            use gongwen::emit::ledger;
            let s = render(
                format,
                || ledger::quantities_json(&doc, targets),
                || ledger::quantities_table(&doc, targets),
            );
            write_out(None, &s)
        }),
        Command::Departments {
            file,
            format,
            units,
            input,
        } => {
            let table = load_units(units.as_deref());
            table
                .and_then(|table| load(&file, &input).map(|doc| (table, doc)))
                .and_then(|(table, doc)| {
                    use gongwen::emit::ledger;
                    let deps = ledger::departments(&doc, &table);
                    let s = render(format, || &deps, || ledger::departments_table(&deps));
                    write_out(None, &s)
                })
        }
        Command::Report {
            file,
            output,
            input,
        } => load(&file, &input)
            .and_then(|doc| write_out(output.as_deref(), &gongwen::emit::report::render(&doc))),
        Command::Ledger {
            file,
            format,
            lang,
            no_bom,
            input,
        } => load(&file, &input).and_then(|doc| {
            use gongwen::emit::{ledger, table::Format};
            let f = match format {
                LedgerFormat::Table => Format::Table,
                LedgerFormat::Csv => Format::Csv { bom: !no_bom },
                LedgerFormat::Markdown => Format::Markdown,
                LedgerFormat::Json => Format::Json,
            };
            write_out(None, &ledger::ledger(&doc, lang == Lang::Zh).render(f))
        }),
        Command::Parse {
            files,
            output,
            compact,
            format,
            units,
            input,
        } => {
            return match load_units(units.as_deref()) {
                Ok(table) => parse(&files, output.as_deref(), compact, format, &table, &input),
                Err(e) => {
                    eprintln!("gongwen: {e}");
                    ExitCode::from(2)
                }
            }
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gongwen: {e}");
            ExitCode::from(2)
        }
    }
}

//! The command line: clap's types for every command and flag, with their help. The
//! summaries, the common flags and clap's own words come from the catalogues (`help-*`
//! messages of `data/messages/`) in the language of `--lang` or the locale; the doc
//! comments below are the help of the other flags.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

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
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

impl Cli {
    /// The command line read, its help in the language the run asks for: `--lang` among
    /// the arguments, else the locale's.
    pub(crate) fn parse_localized() -> Cli {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let asked = args
            .windows(2)
            .find_map(|w| (w[0] == "--lang").then(|| w[1].to_string_lossy().into_owned()));
        let asked = asked.or_else(|| {
            args.iter()
                .find_map(|a| a.to_str()?.strip_prefix("--lang=").map(str::to_string))
        });
        let lang = match asked.as_deref() {
            Some("zh") => gongwen::Lang::Zh,
            Some(_) => gongwen::Lang::En,
            None => gongwen::Lang::from_env(),
        };
        // Built first, so that clap's own `--help` and `--version` are there to word.
        let mut command = Cli::command();
        command.build();
        let command = localize(command, "", lang);
        let matches = command.get_matches_from(args);
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

/// A message of the catalogues if there is one with this id.
fn help_text(lang: gongwen::Lang, id: &str) -> Option<String> {
    let s = gongwen::emit::message(lang, id, &[]);
    (s != id).then_some(s)
}

/// `command` (a subcommand of `parent`, or the program for "") with the summaries, flag
/// help and headings the catalogues have in `lang`: `help-about` and `help-CMD` for
/// summaries, `help-CMD-FLAG` or `help-flag-FLAG` for a flag; clap's own words
/// (`Usage`, `Options`, `Print help`) as `help-usage`, `help-options`…
fn localize(mut command: clap::Command, parent: &str, lang: gongwen::Lang) -> clap::Command {
    let name = command.get_name().to_string();
    let key = if parent.is_empty() {
        "about".to_string()
    } else {
        name.clone()
    };
    if let Some(about) = help_text(lang, &format!("help-{key}")) {
        let long = help_text(lang, &format!("help-{key}-long"));
        // The program's long text (with its examples) stays where no message replaces it.
        command = match (long, parent.is_empty()) {
            (Some(l), _) => command.about(about).long_about(l),
            (None, true) if lang == gongwen::Lang::En => command.about(about),
            (None, _) => command.about(about.clone()).long_about(about),
        };
    }
    let word = |id: &str| help_text(lang, id).unwrap_or_default();
    command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            word("help-usage")
        ))
        .subcommand_help_heading(word("help-commands"))
        .next_help_heading(word("help-options"));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = help_text(lang, &format!("help-{key}-{id}"))
            .or_else(|| help_text(lang, &format!("help-flag-{id}")));
        let heading = if command
            .get_arguments()
            .any(|a| a.get_id() == id.as_str() && a.is_positional())
        {
            word("help-arguments")
        } else {
            word("help-options")
        };
        command = command.mut_arg(id.as_str(), |a| {
            let a = a.help_heading(heading);
            match help {
                Some(h) => a.help(h.clone()).long_help(h),
                None => a,
            }
        });
    }
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subs {
        command = command.mut_subcommand(sub.as_str(), |c| localize(c, &name, lang));
    }
    command
}

#[derive(clap::Args, Clone)]
pub(crate) struct Input {
    /// Encoding of the input (utf-8, gb18030, gbk, big5, utf-16le, utf-16be…); detected when omitted.
    #[arg(long, value_name = "LABEL")]
    pub(crate) encoding: Option<String>,
    /// More unit names for the `units` of each clause: a TSV file of
    /// `canonical<TAB>kind<TAB>alias|alias` lines (see data/lexicon/units.tsv).
    #[arg(long, value_name = "FILE")]
    pub(crate) units: Option<PathBuf>,
    /// More words for the rules: a TSV file of `list<TAB>entry` lines, where `list` names a
    /// file of data/lexicon/ (`chrome_words<TAB>打印此页`, `role_words<TAB>主抓<TAB>lead`).
    #[arg(long, value_name = "FILE")]
    pub(crate) lexicon: Option<PathBuf>,
    /// Language of messages, notes, suggestions and column headers: `zh` or `en`. Default:
    /// the locale's (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese), else English. Codes and
    /// JSON keys never change with it.
    #[arg(long, value_enum, value_name = "LANG")]
    pub(crate) lang: Option<Lang>,
    /// Read settings from this file instead of the nearest `gongwen.toml`, `.gongwen.toml`
    /// or `pyproject.toml` with `[tool.gongwen]` (looked for from the working directory
    /// up). Flags on the command line take the place of the file's values.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Read no settings file.
    #[arg(long, conflicts_with = "config")]
    pub(crate) no_config: bool,
}

impl Command {
    /// The input flags of the command.
    pub(crate) fn input_mut(&mut self) -> Option<&mut Input> {
        match self {
            Command::Parse { input, .. }
            | Command::Quantities { input, .. }
            | Command::Departments { input, .. }
            | Command::Ledger { input, .. }
            | Command::Tables { input, .. }
            | Command::Report { input, .. }
            | Command::Text { input, .. }
            | Command::Check { input, .. } => Some(input),
            #[cfg(feature = "serve")]
            Command::Serve { input, .. } => Some(input),
        }
    }

    /// The codes `check` selects and ignores.
    pub(crate) fn selection_mut(&mut self) -> Option<(&mut Vec<String>, &mut Vec<String>)> {
        match self {
            Command::Check { select, ignore, .. } => Some((select, ignore)),
            _ => None,
        }
    }
}

impl Input {
    /// The language asked for, else the locale's.
    pub(crate) fn language(&self) -> gongwen::Lang {
        match self.lang {
            Some(Lang::Zh) => gongwen::Lang::Zh,
            Some(Lang::En) => gongwen::Lang::En,
            None => gongwen::Lang::from_env(),
        }
    }
}

#[derive(clap::Args, Clone)]
pub(crate) struct Walk {
    /// Read only the files below a folder that match (`*.html`, `2024/**`); a pattern that
    /// starts with `!` leaves files out (`!*附件*`). May be given more than once. Files
    /// named on the command line are always read.
    #[arg(long, value_name = "PATTERN")]
    pub(crate) glob: Vec<String>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Print a document's outline, responsibilities, quantities and metadata as JSON (schema gongwen/1).
    #[command(
        after_help = "Examples:\n  gongwen parse plan.txt\n  gongwen parse plan.txt -o plan.json\n  gongwen parse - --compact < plan.txt\n  gongwen parse archive/ > archive.jsonl\n\nSeveral files or a directory give one JSON object per line (jsonl), parsed in parallel;\na file that cannot be read gives a line {\"source\":{\"path\":…},\"error\":…} there and a\nmessage on stderr, and the others go on. Exit code 2 when any input could not be read."
    )]
    Parse {
        /// Documents to read: files, folders (every .txt, .html, .docx and .ofd file below them, sorted;
        /// a summary of what was read goes to standard error), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        walk: Walk,
        /// Write the JSON to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Print the JSON on one line.
        #[arg(long)]
        compact: bool,
        /// Put the extracted text in the JSON (`text`), so that spans can be sliced
        /// without reading the file again: `text[start:end]` in Python.
        #[arg(long)]
        include_text: bool,
        /// `json` (one pretty document; the default for one file) or `jsonl` (one compact
        /// document per line, in the order the files are given and sorted within
        /// directories; the default for several files or a directory).
        #[arg(long, value_enum)]
        format: Option<ParseFormat>,
        #[command(flatten)]
        input: Input,
    },
    /// List every quantity (number with unit) and which are targets, with where it was found.
    #[command(
        after_help = "Examples:\n  gongwen quantities plan.txt\n  gongwen quantities plan.txt --targets --format csv > targets.csv\n  echo '新建5G基站3万个' | gongwen quantities -"
    )]
    Quantities {
        /// Texts to read (any text, not only whole documents): files, folders (walked as by
        /// `parse`), or `-` for standard input. With several, each row names its file in a
        /// first column, `source`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        walk: Walk,
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
        after_help = "Examples:\n  gongwen departments plan.txt\n  gongwen departments plan.txt --format json\n  gongwen departments plan.txt --units my-units.tsv\n\nUnits are named canonically from data/lexicon/units.tsv; --units adds lines\n`canonical<TAB>kind<TAB>alias|alias` of your own."
    )]
    Departments {
        /// Documents to read: files, folders (walked as by `parse`), or `-` for standard
        /// input. With several, each row names its file in a first column, `source`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        walk: Walk,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        input: Input,
    },
    /// The task ledger (任务分工台账): one row per task with its owners, targets and deadline.
    #[command(
        after_help = "Columns: path, number, title, lead, responsible, support, targets, deadline, line\n(序号, 编号, 任务, 牵头单位, 责任单位, 配合单位, 量化指标, 完成时限, 行号 with --lang zh).\n\nExamples:\n  gongwen ledger plan.txt\n  gongwen ledger plan.txt --format csv --lang zh > 台账.csv\n  gongwen ledger plan.txt --format markdown"
    )]
    Ledger {
        /// Documents to read: files, folders (walked as by `parse`), or `-` for standard
        /// input. With several, each row names its file in a first column, `source`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        walk: Walk,
        #[arg(long, value_enum, default_value_t = LedgerFormat::Table)]
        format: LedgerFormat,
        /// Leave out the byte-order mark that lets Excel open a UTF-8 CSV correctly.
        #[arg(long)]
        no_bom: bool,
        #[command(flatten)]
        input: Input,
    },
    /// Write documents as tidy tables for pandas, DuckDB, Spark…: documents, nodes, clauses, unit_roles, quantities, diagnostics, citations, skipped.
    #[command(
        after_help = "Examples:\n  gongwen tables archive/ -o out/\n  gongwen tables a.docx b.pdf -o out/ --format jsonl\n\nOne file per table in OUT (documents.csv, nodes.csv, …). Every row carries doc_id (the\nSHA-256 of its file) and, where it applies, node_id and parent_id; each column has one\ntype (the README lists them). CSV is UTF-8 with a byte-order mark, lists joined with 、;\nJSONL has one object per row, lists as arrays; Parquet has lists as lists. Files are read in parallel; rows follow\nthe files' order."
    )]
    Tables {
        /// Documents to read: files, folders (walked as by `parse`), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        walk: Walk,
        /// The folder to write the tables to (made if missing).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        #[arg(long, value_enum, default_value_t = TidyFormat::Csv)]
        format: TidyFormat,
        #[command(flatten)]
        input: Input,
    },
    /// Write an HTML report for the people who check a draft: problems, who does what, targets.
    ///
    /// On top the numbering and form problems, who does what and the targets; below, the
    /// document with owners and targets marked. A folder (or several files) gives a page
    /// per document and an index.
    #[command(
        after_help = "Examples:\n  gongwen report plan.txt -o report.html\n  gongwen report plan.txt --lang zh > report.html\n  gongwen report drafts/ -o reports/      (reports/index.html and a page per document)\n\nThe pages need no network: styles and their one small script are inline."
    )]
    Report {
        /// The documents to read: files, folders (walked for .txt, .html, .docx, .ofd,
        /// .pdf), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write the HTML to this file instead of standard output; for a folder or several
        /// files, the folder to write `index.html` and the pages into.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        #[command(flatten)]
        walk: Walk,
        #[command(flatten)]
        input: Input,
    },
    /// Print the text gongwen reads from a file: what every span of the JSON points into.
    #[command(
        after_help = "Examples:\n  gongwen text page.html\n  gongwen text page.html | less\n\nFor a web page this is the article, then the rest of the page (set aside as\n`chrome` in the JSON). Characters [start, end) of this text are the spans of `parse`."
    )]
    Text {
        /// The document to read (`-` for standard input).
        file: PathBuf,
        #[command(flatten)]
        input: Input,
    },
    /// Check numbering and form; report problems like a compiler.
    ///
    /// Exit code: 0 when nothing at warning level or above was found, 1 when
    /// something was (with --diff: when a fix is due), 2 when an input could not be read.
    #[command(
        after_help = "Examples:\n  gongwen check plan.txt\n  gongwen check a.txt b.txt --format json\n  gongwen check plan.txt --diff          (what --fix would change)\n  gongwen check plan.txt --fix           (renumber, bracket widths, 〔2022〕)\n\nColour is used when writing to a terminal, unless NO_COLOR is set."
    )]
    Check {
        /// Documents to check: files, folders (walked as by `parse`), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        walk: Walk,
        /// How to write the problems.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Report only these codes or families (comma-separated, or the flag given again):
        /// `--select numbering,GB15834`, `--select all`; by default all but the noisy
        /// punctuation and number forms.
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        select: Vec<String>,
        /// Do not report these codes or families: `--ignore missing-responsibility,genre`.
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        ignore: Vec<String>,
        /// Apply the mechanical fixes of the reports (of the codes --select and --ignore
        /// keep) to the text files, in their own encoding, then report what is left.
        /// Other formats (web pages, Word, PDF, OFD) are never rewritten.
        #[arg(long)]
        fix: bool,
        /// Show what --fix would change, as a unified diff, without writing anything.
        #[arg(long)]
        diff: bool,
        #[command(flatten)]
        input: Input,
    },
    /// Serve the commands over HTTP: an API for other systems (POST a document to
    /// /v1/parse, /v1/check, /v1/ledger, /v1/report) on this machine or an intranet.
    #[cfg(feature = "serve")]
    #[command(
        after_help = "Examples:\n  gongwen serve\n  curl --data-binary @plan.txt http://127.0.0.1:8080/v1/parse\n  gongwen serve --bind 0.0.0.0:8080 --token \"$(openssl rand -hex 16)\"\n\nNothing is written to disk; the access log (standard error) has no document content."
    )]
    Serve {
        /// Address to listen on. The default serves this machine only; 0.0.0.0:PORT
        /// serves the network (give --token, or anyone who reaches it may use it).
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
        bind: std::net::SocketAddr,
        /// Require `Authorization: Bearer TOKEN` on /v1/ requests (also from the
        /// GONGWEN_TOKEN environment variable).
        #[arg(
            long,
            env = "GONGWEN_TOKEN",
            value_name = "TOKEN",
            hide_env_values = true
        )]
        token: Option<String>,
        /// The largest request body accepted, in MB.
        #[arg(long, default_value_t = 50, value_name = "MB")]
        max_body_mb: usize,
        /// The request bodies held at once, all requests together, in MB (a body sent in
        /// chunks counts as the largest); requests beyond are answered 429. Default: four
        /// times --max-body-mb.
        #[arg(long, value_name = "MB")]
        max_buffered_mb: Option<usize>,
        /// Seconds a request may take before it is answered 503.
        #[arg(long, default_value_t = 30, value_name = "SECONDS")]
        timeout: u64,
        /// Requests whose documents are read at once. Default: twice the number of cores.
        #[arg(long, value_name = "N")]
        max_in_flight: Option<usize>,
        /// Requests that may wait for their turn beyond those (within --timeout); the
        /// rest are answered 429 at once. Default: as many as --max-in-flight.
        #[arg(long, value_name = "N")]
        queue: Option<usize>,
        #[command(flatten)]
        input: Input,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TidyFormat {
    /// UTF-8 with a byte-order mark (Excel reads it), lists joined with 、.
    Csv,
    /// One JSON object per row, lists as arrays.
    Jsonl,
    /// Apache Parquet (snappy), lists as lists, the column types as the README lists them.
    #[cfg(feature = "parquet")]
    Parquet,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParseFormat {
    Json,
    Jsonl,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableFormat {
    /// An aligned table for reading in a terminal.
    Table,
    Json,
    Csv,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LedgerFormat {
    /// An aligned table for reading in a terminal.
    Table,
    Csv,
    Markdown,
    Json,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Zh,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CheckFormat {
    /// Compiler-style, with the source lines.
    Human,
    /// An array of diagnostics, each with `file`.
    Json,
    /// SARIF 2.1.0, for code-scanning views and editors.
    Sarif,
    /// GitHub workflow commands (`::error file=…`), shown on a pull request's lines.
    Github,
}

//! Many files: directories expanded, documents parsed in parallel a chunk at a time
//! and written in input order, so that memory stays flat however many files there are.

use crate::load;
use gongwen::Options;
use gongwen::EXTENSIONS;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a walk found: the inputs in order, and what it passed over.
#[derive(Default)]
pub(crate) struct Walked {
    /// Files to read: those named, and those of a known extension below a named folder.
    pub(crate) files: Vec<PathBuf>,
    /// Whether a folder was walked (and so a summary is due).
    pub(crate) walked: bool,
    /// Files of other extensions below a folder, by extension (`(none)` without one).
    pub(crate) passed_over: BTreeMap<String, usize>,
    /// Files that `--glob` left out.
    pub(crate) filtered: usize,
    /// Entries below a folder that could not be read (each reported on standard error).
    pub(crate) unreadable: usize,
}

/// Include and exclude (`!`) patterns for the files below a folder.
pub(crate) struct Filter {
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl Filter {
    /// Patterns as given to `--glob`: `*.html`, `2024/**`, `!*附件*`.
    pub(crate) fn new(patterns: &[String]) -> Result<Filter, String> {
        let mut include = globset::GlobSetBuilder::new();
        let mut exclude = globset::GlobSetBuilder::new();
        let (mut n_in, mut n_ex) = (0, 0);
        for p in patterns {
            let (set, pat, n) = match p.strip_prefix('!') {
                Some(rest) => (&mut exclude, rest, &mut n_ex),
                None => (&mut include, p.as_str(), &mut n_in),
            };
            let glob = globset::GlobBuilder::new(pat)
                .literal_separator(false)
                .build()
                .map_err(|e| format!("--glob {p}: {e}"))?;
            set.add(glob);
            *n += 1;
        }
        let build = |b: globset::GlobSetBuilder, n| {
            (n > 0)
                .then(|| b.build().map_err(|e| e.to_string()))
                .transpose()
        };
        Ok(Filter {
            include: build(include, n_in)?,
            exclude: build(exclude, n_ex)?,
        })
    }

    fn keeps(&self, relative: &Path) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(relative))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(relative))
    }
}

/// The inputs named on the command line: files as given, folders walked in sorted order
/// for files of a known extension that `filter` keeps (matched against the path below
/// the folder). Symbolic links are followed, but a link back to a folder above is not
/// (the walk reports it and goes on); an unreadable folder or entry becomes an input
/// that fails with its reason.
pub(crate) fn expand(paths: &[PathBuf], filter: &Filter) -> Walked {
    let mut w = Walked::default();
    for p in paths {
        if !p.is_dir() {
            w.files.push(p.clone());
            continue;
        }
        w.walked = true;
        let walk = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    // A loop is passed over; an unreadable entry fails. Both are told.
                    let at = e.path().unwrap_or(p).to_path_buf();
                    eprintln!("gongwen: {}: {}", at.display(), walk_reason(&e));
                    if e.loop_ancestor().is_none() {
                        w.unreadable += 1;
                    }
                    continue;
                }
            };
            if entry.file_type().is_dir() {
                continue;
            }
            let path = entry.path();
            let ext = path
                .extension()
                .map(|x| x.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if !EXTENSIONS.iter().any(|(e, _)| *e == ext) {
                let key = if ext.is_empty() {
                    "(none)".to_string()
                } else {
                    format!(".{ext}")
                };
                *w.passed_over.entry(key).or_default() += 1;
                continue;
            }
            if !filter.keeps(path.strip_prefix(p).unwrap_or(path)) {
                w.filtered += 1;
                continue;
            }
            w.files.push(path.to_path_buf());
        }
    }
    w
}

fn walk_reason(e: &walkdir::Error) -> String {
    if let Some(anc) = e.loop_ancestor() {
        return format!("a link back to {} (a loop), not followed", anc.display());
    }
    match e.io_error() {
        Some(io) => crate::io_reason(io),
        None => e.to_string(),
    }
}

/// What a batch read, by format, for the summary.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) read: BTreeMap<&'static str, usize>,
    pub(crate) failed: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, format: gongwen::Format) {
        *self.read.entry(format.as_str()).or_default() += 1;
    }

    /// One line for standard error: `read 46 files (40 html, 6 text), 1 failed; passed
    /// over 12 of other types (7 .jpg, 5 .css), 3 left out by --glob`.
    pub(crate) fn summary(&self, w: &Walked) -> String {
        let total: usize = self.read.values().sum();
        let by = |m: &mut dyn Iterator<Item = (String, usize)>| {
            m.map(|(k, n)| format!("{n} {k}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let lang = crate::lang();
        let mut s = say_args!(
            lang,
            "tally-read",
            total = total,
            by = by(&mut self.read.iter().map(|(k, n)| (k.to_string(), *n)))
        );
        let failed = self.failed + w.unreadable;
        if failed > 0 {
            s += &say_args!(lang, "tally-failed", count = failed);
        }
        let passed: usize = w.passed_over.values().sum();
        if passed > 0 {
            s += &say_args!(
                lang,
                "tally-passed-over",
                count = passed,
                by = by(&mut w.passed_over.iter().map(|(k, n)| (k.clone(), *n)))
            );
        }
        if w.filtered > 0 {
            s += &say_args!(lang, "tally-glob", count = w.filtered);
        }
        s
    }
}

/// The JSON line that stands for an input that could not be read.
pub(crate) fn error_line(path: &Path, error: &str) -> serde_json::Value {
    serde_json::json!({"schema": gongwen::emit::json::SCHEMA, "source": {"path": path.display().to_string()}, "error": error})
}

/// A progress bar is shown for more files than this (on a terminal).
const PROGRESS_FROM: usize = 50;

/// How a batch ended.
pub(crate) enum Outcome {
    /// Every input was written; what was read, and how many could not be.
    Done(Tally),
    /// The output went away (a closed pipe): stop quietly.
    Closed,
    /// The output could not be written.
    WriteError(std::io::Error),
}

/// Parses `paths` in parallel, a chunk at a time, and writes each document's JSON (or,
/// for `jsonl`, the error line of an input that could not be read) in input order.
pub(crate) fn parse_many(
    paths: &[PathBuf],
    options: &Options,
    style: gongwen::emit::json::Style,
    error_lines: bool,
    out: &mut dyn Write,
) -> Outcome {
    use rayon::prelude::*;
    use std::io::IsTerminal;
    let progress = (std::io::stderr().is_terminal() && paths.len() > PROGRESS_FROM).then(|| {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files, {per_sec}, ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut tally = Tally::default();
    let chunk = rayon::current_num_threads().max(1) * 4;
    for group in paths.chunks(chunk) {
        let results: Vec<Result<(Vec<u8>, gongwen::Format), String>> = group
            .par_iter()
            .map(|p| {
                let doc = load(p, options)?;
                let mut buf = Vec::new();
                gongwen::emit::json::write_styled(&doc, style, &mut buf)
                    .map_err(|e| e.to_string())?;
                Ok((buf, doc.source.format))
            })
            .collect();
        for (p, r) in group.iter().zip(results) {
            let written = match r {
                Ok((buf, format)) => {
                    tally.add(format);
                    out.write_all(&buf)
                }
                Err(e) => {
                    tally.failed += 1;
                    match &progress {
                        Some(bar) => bar.println(format!("gongwen: {e}")),
                        None => eprintln!("gongwen: {e}"),
                    }
                    if error_lines {
                        writeln!(out, "{}", error_line(p, &e))
                    } else {
                        Ok(())
                    }
                }
            };
            match written {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Outcome::Closed,
                Err(e) => return Outcome::WriteError(e),
                Ok(()) => {}
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Outcome::Done(tally)
}

//! Many files: directories expanded, documents parsed in parallel a chunk at a time
//! and written in input order, so that memory stays flat however many files there are.

use crate::load;
use gongwen::Options;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The inputs named on the command line: files as given, directories walked for
/// `*.txt` in sorted order. Unreadable directories are reported as inputs that fail.
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
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

/// The JSON line that stands for an input that could not be read.
pub(crate) fn error_line(path: &Path, error: &str) -> serde_json::Value {
    serde_json::json!({"schema": gongwen::emit::json::SCHEMA, "source": {"path": path.display().to_string()}, "error": error})
}

/// A progress bar is shown for more files than this (on a terminal).
const PROGRESS_FROM: usize = 50;

/// How a batch ended.
pub(crate) enum Outcome {
    /// Every input was written; whether any could not be read.
    Done { failed: bool },
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
    pretty: bool,
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
    let mut failed = false;
    let chunk = rayon::current_num_threads().max(1) * 4;
    for group in paths.chunks(chunk) {
        let results: Vec<Result<Vec<u8>, String>> = group
            .par_iter()
            .map(|p| {
                let doc = load(p, options)?;
                let mut buf = Vec::new();
                gongwen::emit::json::write(&doc, pretty, &mut buf).map_err(|e| e.to_string())?;
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
    Outcome::Done { failed }
}

//! Reading each input format, against parsing the text it gives, and against the
//! converters people use today, in one run.
//!
//! - `html`: the saved pages of `../shared/corpus/html` (or, without it, the fixture page);
//! - `docx`: the documents of `../shared/corpus/local` (or the fixtures) made into Word
//!   files whose labels Word's numbering generates (`tests/common/as_word.rs`);
//! - `pdf`: the same documents set on A4 pages as PDFs in a font they do not embed
//!   (`tests/common/pdf_builder.rs`), a running header and page numbers on each page;
//! - `text`: the text gongwen extracts from each, parsed as plain text.
//!
//! Each is reported as MB/s of input and of extracted text (criterion), and then, on the
//! same files, gongwen's `parse` of the folder is timed beside `pandoc -t plain` and
//! `soffice --convert-to txt` (all files in one call, as a batch job would) for web pages
//! and Word files, and beside `pdftotext -layout` (poppler) for PDFs, each where it is
//! installed; the ratios are printed. Run: `cargo bench --bench formats`.

#[path = "../tests/common/as_word.rs"]
mod as_word;
#[path = "../tests/common/docx_builder.rs"]
mod docx_builder;
#[path = "../tests/common/ofd_builder.rs"]
mod ofd_builder;
#[path = "../tests/common/pdf_builder.rs"]
mod pdf_builder;

use criterion::{Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn pages() -> Vec<Vec<u8>> {
    let shared = files(&root().join("../shared/corpus/html"), "html");
    let list = if shared.is_empty() {
        vec![root().join("fixtures/page.html")]
    } else {
        shared
    };
    list.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// The local documents (or the fixtures), as texts.
fn texts() -> Vec<String> {
    let mut paths = files(&root().join("../shared/corpus/local"), "txt");
    if paths.is_empty() {
        paths = files(&root().join("fixtures"), "txt");
    }
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn word_files() -> Vec<Vec<u8>> {
    texts()
        .iter()
        .map(|text| {
            let typed = gongwen::parse_text(text, &gongwen::Options::default());
            as_word::as_word_file(text, &typed).0
        })
        .collect()
}

fn pdf_files() -> Vec<Vec<u8>> {
    texts()
        .iter()
        .map(|text| pdf_builder::pdf(&ofd_builder::set(text), "某某市人民政府文件"))
        .collect()
}

fn total(v: &[Vec<u8>]) -> u64 {
    v.iter().map(|b| b.len() as u64).sum()
}

fn bench(c: &mut Criterion, name: &str, inputs: &[Vec<u8>]) -> Vec<String> {
    let opts = gongwen::Options::default();
    let texts: Vec<String> = inputs
        .iter()
        .map(|b| gongwen::parse_bytes(b, &opts).unwrap().text)
        .collect();
    let text_bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut g = c.benchmark_group(name);
    g.sample_size(20);
    g.throughput(Throughput::Bytes(total(inputs)));
    g.bench_function("read+parse (MB/s of input)", |b| {
        b.iter(|| {
            inputs
                .iter()
                .map(|x| gongwen::parse_bytes(x, &opts).unwrap().nodes.len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("read+parse (MB/s of text)", |b| {
        b.iter(|| {
            inputs
                .iter()
                .map(|x| gongwen::parse_bytes(x, &opts).unwrap().nodes.len())
                .sum::<usize>()
        })
    });
    g.bench_function("parse of the extracted text", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| gongwen::parse_text(t, &opts).nodes.len())
                .sum::<usize>()
        })
    });
    g.finish();
    vec![format!(
        "{name}: {} files, {:.2} MB in, {:.2} MB of text",
        inputs.len(),
        total(inputs) as f64 / 1e6,
        text_bytes as f64 / 1e6
    )]
}

/// The best of three runs of a command (`None` when it cannot run here).
fn time(cmd: &mut dyn FnMut() -> Command) -> Option<Duration> {
    let mut best: Option<Duration> = None;
    for _ in 0..3 {
        let start = Instant::now();
        let o = cmd().output().ok()?;
        if !o.status.success() {
            return None;
        }
        let t = start.elapsed();
        best = Some(best.map_or(t, |b| b.min(t)));
    }
    best
}

/// The paths, for a shell's `for` loop.
fn list(paths: &[PathBuf]) -> String {
    let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    list.join(" ")
}

/// gongwen's `parse` of the files beside the converters of their format.
fn compare(name: &str, ext: &str, inputs: &[Vec<u8>], report: &mut Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = inputs
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let p = dir.path().join(format!("{k:03}.{ext}"));
            std::fs::write(&p, b).unwrap();
            p
        })
        .collect();
    let bin = root().join("target/release/gongwen");
    let ours = bin.exists().then(|| {
        time(&mut || {
            let mut c = Command::new(&bin);
            c.arg("parse").arg(dir.path()).arg("--format").arg("jsonl");
            c
        })
    });
    let converters: Vec<(&str, Option<Duration>)> = if ext == "pdf" {
        vec![(
            "pdftotext -layout (each)",
            time(&mut || {
                let mut c = Command::new("sh");
                c.arg("-c").arg(format!(
                    "for f in {}; do pdftotext -layout \"$f\" /dev/null || exit 1; done",
                    list(&paths)
                ));
                c
            }),
        )]
    } else {
        let out = dir.path().join("lo");
        vec![
            (
                "pandoc -t plain (each)",
                time(&mut || {
                    // One process per file, as pandoc takes one input document.
                    let mut c = Command::new("sh");
                    c.arg("-c").arg(format!(
                        "for f in {}; do pandoc -t plain \"$f\" -o /dev/null || exit 1; done",
                        list(&paths)
                    ));
                    c
                }),
            ),
            (
                "soffice --convert-to txt",
                time(&mut || {
                    let mut c = Command::new("soffice");
                    c.args([
                        "--headless",
                        "--convert-to",
                        "txt:Text (encoded):UTF8",
                        "--outdir",
                    ])
                    .arg(&out)
                    .args(&paths)
                    .env("HOME", dir.path());
                    c
                }),
            ),
        ]
    };
    let ours = ours.flatten();
    let line = |tool: &str, t: Option<Duration>| match (t, ours) {
        (Some(t), Some(o)) => format!(
            "  {tool:28} {:>9.1} ms  {:>6.1}× gongwen",
            t.as_secs_f64() * 1e3,
            t.as_secs_f64() / o.as_secs_f64()
        ),
        (Some(t), None) => format!("  {tool:28} {:>9.1} ms", t.as_secs_f64() * 1e3),
        (None, _) => format!("  {tool:28} not installed (or failed)"),
    };
    report.push(format!(
        "{name}, {} files, wall clock, best of 3:",
        inputs.len()
    ));
    report.push(line("gongwen parse (all, JSON)", ours));
    for (tool, t) in converters {
        report.push(line(tool, t));
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let pages = pages();
    let docs = word_files();
    let pdfs = pdf_files();
    let mut report = bench(&mut c, "html", &pages);
    report.extend(bench(&mut c, "docx", &docs));
    report.extend(bench(&mut c, "pdf", &pdfs));
    if std::env::args().any(|a| a == "--bench") {
        if !root().join("target/release/gongwen").exists() {
            report.push("(run `cargo build --release` first to time gongwen's binary too)".into());
        }
        compare("html", "html", &pages, &mut report);
        compare("docx", "docx", &docs, &mut report);
        compare("pdf", "pdf", &pdfs, &mut report);
    }
    c.final_summary();
    eprintln!("\n{}", report.join("\n"));
}

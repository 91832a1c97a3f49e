//! `gongwen tables` per format: the documents of `../shared/corpus` (all of it: State
//! Council documents, local documents, saved web pages; or the fixtures without it), read
//! from memory, parsed, made into rows and written to memory as CSV, JSONL and Parquet,
//! on one thread; beside parsing alone and parsing with the `gongwen/1` JSON, so the cost
//! of the tables is plain. Reported as MB/s of input. Run: `cargo bench --bench tables`.
//! (The whole command, many files on every core, is timed by `gongwen tables DIR` itself;
//! the README gives both.)

use criterion::{Criterion, Throughput};
use gongwen::emit::tidy::{csv_row, json_row, rows, SHAPES};
use gongwen::Options;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    let dir = if shared.is_dir() {
        shared
    } else {
        root.join("fixtures")
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| gongwen::EXTENSIONS.iter().any(|(e, _)| *e == x))
        {
            out.push(p);
        }
    }
}

fn csv(docs: &[Vec<u8>], o: &Options) -> usize {
    let mut w: Vec<csv::Writer<Vec<u8>>> = SHAPES
        .iter()
        .map(|_| csv::Writer::from_writer(Vec::new()))
        .collect();
    for d in docs {
        let doc = gongwen::parse_bytes(d, o).unwrap();
        for (w, table) in w.iter_mut().zip(rows(&doc)) {
            for r in table {
                w.write_record(csv_row(&r)).unwrap();
            }
        }
    }
    w.into_iter().map(|w| w.into_inner().unwrap().len()).sum()
}

fn jsonl(docs: &[Vec<u8>], o: &Options) -> usize {
    let mut out = vec![String::new(); SHAPES.len()];
    for d in docs {
        let doc = gongwen::parse_bytes(d, o).unwrap();
        for ((s, shape), table) in out.iter_mut().zip(SHAPES).zip(rows(&doc)) {
            for r in table {
                s.push_str(&json_row(shape, &r));
                s.push('\n');
            }
        }
    }
    out.iter().map(String::len).sum()
}

#[cfg(feature = "parquet")]
fn parquet(docs: &[Vec<u8>], o: &Options) -> usize {
    let mut gathered: Vec<Vec<Vec<serde_json::Value>>> = vec![Vec::new(); SHAPES.len()];
    for d in docs {
        let doc = gongwen::parse_bytes(d, o).unwrap();
        for (g, table) in gathered.iter_mut().zip(rows(&doc)) {
            g.extend(table);
        }
    }
    SHAPES
        .iter()
        .zip(&gathered)
        .map(|(shape, rows)| {
            let batch = gongwen::emit::tidy::record_batch(shape, rows).unwrap();
            let mut w =
                parquet::arrow::ArrowWriter::try_new(Vec::new(), batch.schema(), None).unwrap();
            w.write(&batch).unwrap();
            w.into_inner().unwrap().len()
        })
        .sum()
}

fn main() {
    let docs = inputs();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let o = Options::default();
    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("tables");
    g.throughput(Throughput::Bytes(bytes as u64))
        .sample_size(10);
    g.bench_function("parse", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| gongwen::parse_bytes(d, &o).unwrap().nodes.len())
                .sum::<usize>()
        })
    });
    g.bench_function("parse+json", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    gongwen::emit::json::to_string(&gongwen::parse_bytes(d, &o).unwrap(), false)
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("csv", |b| b.iter(|| csv(&docs, &o)));
    g.bench_function("jsonl", |b| b.iter(|| jsonl(&docs, &o)));
    #[cfg(feature = "parquet")]
    g.bench_function("parquet", |b| b.iter(|| parquet(&docs, &o)));
    g.finish();
    c.final_summary();
}

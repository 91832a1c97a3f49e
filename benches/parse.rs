//! Throughput of parsing with all extraction and JSON output, on the seed and on a
//! ~10 MB corpus made by repeating the seed and the fixtures; `parse+json-serde` writes
//! the same JSON through serde_json over the declared view, for comparison with the
//! hand writer (`parse+json`).
//! Run: `cargo bench --bench parse`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::path::Path;

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts =
        vec![std::fs::read_to_string(root.join("seeds/000_ae5005f7988b7668.txt")).unwrap()];
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    fixtures.sort();
    parts.extend(fixtures.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    let blob = parts.join("\n");
    let n = 10 * 1024 * 1024 / blob.len() + 1;
    vec![blob; n].join("\n")
}

fn bench(c: &mut Criterion) {
    let opts = gongwen::Options::default();
    let seed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_ae5005f7988b7668.txt"))
            .unwrap();
    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| gongwen::parse_bytes(&seed, &opts).unwrap())
    });
    g.bench_function("parse+json", |b| {
        b.iter(|| {
            gongwen::emit::json::to_string(&gongwen::parse_bytes(&seed, &opts).unwrap(), false)
                .len()
        })
    });
    g.finish();

    let big = corpus().into_bytes();
    let mut g = c.benchmark_group("corpus-10MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| gongwen::parse_bytes(&big, &opts).unwrap())
    });
    g.bench_function("parse+json", |b| {
        b.iter_batched(
            || (),
            |_| {
                let doc = gongwen::parse_bytes(&big, &opts).unwrap();
                let mut sink = std::io::sink();
                gongwen::emit::json::write(&doc, false, &mut sink).unwrap();
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("parse+json-serde", |b| {
        b.iter_batched(
            || (),
            |_| {
                let doc = gongwen::parse_bytes(&big, &opts).unwrap();
                let mut sink = std::io::sink();
                gongwen::emit::json::write_serde(&doc, false, &mut sink).unwrap();
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("scan-baseline", |b| {
        b.iter(|| big.iter().filter(|&&x| x == b'\n').count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

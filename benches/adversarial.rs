//! Adversarial inputs at 256 KB and 1 MB (`tests/common/adversarial.rs`): digit and
//! numeral runs, bracket runs, `1.` on every line, quantities without punctuation, deeply
//! nested markup… Linear code takes four times as long on
//! four times the input; `tests/linear_time.rs` asserts the ratio. Run:
//! `cargo bench --bench adversarial`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "../tests/common/adversarial.rs"]
mod adversarial;
use adversarial::inputs;

fn bench(c: &mut Criterion) {
    let options = gongwen::Options::default();
    for (name, make) in inputs() {
        let mut g = c.benchmark_group(name);
        g.sample_size(10);
        for size in [256 * 1024, 1024 * 1024] {
            let text = make(size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(format!("{}K", size / 1024), |b| {
                b.iter(|| {
                    let doc = gongwen::parse_bytes(text.as_bytes(), &options).unwrap();
                    gongwen::emit::json::write(&doc, false, &mut std::io::sink()).unwrap();
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

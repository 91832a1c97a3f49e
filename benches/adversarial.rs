//! Adversarial inputs at 256 KB and 1 MB: digit and numeral runs, bracket runs, `1.` on
//! every line, quantities without punctuation… Linear code takes four times as long on
//! four times the input; `tests/linear_time.rs` asserts the ratio. Run:
//! `cargo bench --bench adversarial`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// A named way to make an input of about `n` bytes.
type Input = (&'static str, fn(usize) -> String);

fn inputs() -> Vec<Input> {
    vec![
        ("digits", |n| "1".repeat(n)),
        ("shi-run", |n| "十".repeat(n / 3)),
        ("cn-digit-run", |n| {
            "一二三四五六七八九".repeat(n / 27) + "十"
        }),
        ("open-brackets", |n| "（".repeat(n / 3)),
        ("dot-lines", |n| "1.\n".repeat(n / 3)),
        ("dots-one-line", |n| "1.".repeat(n / 2)),
        ("quantities", |n| "1个".repeat(n / 4)),
        ("clauses-one-line", |n| {
            "做好。（省商务厅负责）".repeat(n / 33)
        }),
    ]
}

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
                    let doc = gongwen::parse_text(&text, &options);
                    gongwen::emit::json::write(&doc, false, &mut std::io::sink()).unwrap();
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

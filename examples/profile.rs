//! Parses a file many times, for profilers: `cargo run --release --example profile -- FILE [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile FILE [N]");
    let n: usize = args.next().map_or(20, |s| s.parse().unwrap());
    let bytes = std::fs::read(path).unwrap();
    let mut total = 0;
    for _ in 0..n {
        let doc = gongwen::parse_bytes(&bytes, None, None).unwrap();
        total += doc.nodes.len();
    }
    println!("{total}");
}

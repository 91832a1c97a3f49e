//! Parses a file many times, for profilers:
//! `cargo run --release --example profile -- FILE [N] [json]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile FILE [N] [json]");
    let n: usize = args.next().map_or(20, |s| s.parse().unwrap());
    let json = args.next().is_some_and(|a| a == "json");
    let bytes = std::fs::read(path).unwrap();
    let mut total = 0;
    for _ in 0..n {
        let doc = gongwen::parse_vec(bytes.clone(), None, None).unwrap();
        if json {
            gongwen::emit::json::write(&doc, false, &mut std::io::sink()).unwrap();
        }
        total += doc.nodes.len();
    }
    println!("{total}");
}

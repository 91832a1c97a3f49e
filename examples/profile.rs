//! Parses a file many times, for profilers:
//! `cargo run --release --example profile -- FILE [N] [json|pretty|serde|serde-pretty]`.
//! `json` and `pretty` write with the fast writer, `serde` and `serde-pretty` through
//! serde_json over the same view. Prints the nodes parsed and the allocations made per
//! MB of input.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        FREES.fetch_add(1, Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        // Counted as one allocation made and one freed.
        ALLOCS.fetch_add(1, Relaxed);
        FREES.fetch_add(1, Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: profile FILE [N] [json|pretty|serde|serde-pretty]");
    let n: usize = args.next().map_or(20, |s| s.parse().unwrap());
    let mode = args.next();
    let mode = mode.as_deref().unwrap_or("none");
    let pretty = mode.ends_with("pretty");
    let serde = mode.starts_with("serde");
    let json = mode != "none";
    let bytes = std::fs::read(path).unwrap();
    let mut total = 0;
    let (mut parse_allocs, mut json_allocs) = (0, 0);
    let mut live_per_node = 0.0;
    for _ in 0..n {
        let a0 = ALLOCS.load(Relaxed);
        let live0 = a0 - FREES.load(Relaxed);
        let doc = gongwen::parse_vec(bytes.clone(), &gongwen::Options::default()).unwrap();
        let a1 = ALLOCS.load(Relaxed);
        let live = a1 - FREES.load(Relaxed);
        if serde {
            gongwen::emit::json::write_serde(&doc, pretty, &mut std::io::sink()).unwrap();
        } else if json {
            gongwen::emit::json::write(&doc, pretty, &mut std::io::sink()).unwrap();
        }
        parse_allocs += a1 - a0;
        json_allocs += ALLOCS.load(Relaxed) - a1;
        total += doc.nodes.len();
        live_per_node = (live - live0) as f64 / doc.nodes.len().max(1) as f64;
    }
    let mb = (bytes.len() * n) as f64 / 1e6;
    println!(
        "{total} nodes; allocations per MB: parse {:.0}, json {:.0}; live after parse: {live_per_node:.1} per node",
        parse_allocs as f64 / mb,
        json_allocs as f64 / mb
    );
}

//! `gongwen serve` under load on loopback: clients POST the seed to /v1/parse as fast as
//! the server answers, for a few seconds at each concurrency; reported as requests per
//! second, MB/s, p50 and p99 latency, and the server's CPU-seconds per MB of input beside
//! the command line's (`gongwen parse FILE --compact`, one process per document, as a
//! script would call it). Linux only (CPU time from /proc). Run: `cargo bench --bench serve`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = "seeds/000_ae5005f7988b7668.txt";

/// utime + stime of a process (`self` for this one, with `children` its waited children),
/// in seconds.
fn cpu(pid: &str, children: bool) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .unwrap()
        .1
        .split_whitespace()
        .collect();
    // After the command name: state is field 3, so utime (14) is index 11.
    let (u, s) = if children { (13, 14) } else { (11, 12) };
    let ticks: f64 = fields[u].parse::<f64>().unwrap() + fields[s].parse::<f64>().unwrap();
    let hz: f64 = String::from_utf8(
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .parse()
    .unwrap_or(100.0);
    ticks / hz
}

fn request(addr: SocketAddr, body: &[u8]) -> Duration {
    let start = Instant::now();
    let mut t = TcpStream::connect(addr).unwrap();
    t.set_nodelay(true).unwrap();
    let head = format!(
        "POST /v1/parse?compact=true HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    t.write_all(head.as_bytes()).unwrap();
    t.write_all(body).unwrap();
    let mut buf = Vec::new();
    t.read_to_end(&mut buf).unwrap();
    assert!(
        buf.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&buf[..80.min(buf.len())])
    );
    start.elapsed()
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let bin = env!("CARGO_BIN_EXE_gongwen");
    let body = std::fs::read(format!("{root}/{SEED}")).unwrap();
    let mb = body.len() as f64 / 1e6;
    let mut server = Command::new(bin)
        .args(["serve", "--bind", "127.0.0.1:0", "--queue", "1000"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr: SocketAddr = first.rsplit("http://").next().unwrap().parse().unwrap();
    std::thread::spawn(move || lines.for_each(drop)); // the access log
    let pid = server.id().to_string();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "gongwen serve on {cores} cores, POST /v1/parse of the seed ({:.1} KB), 5 s at each concurrency",
        body.len() as f64 / 1e3
    );
    for _ in 0..20 {
        request(addr, &body); // warm up
    }
    for clients in [1, 2, 4, 16] {
        let cpu0 = cpu(&pid, false);
        let start = Instant::now();
        let until = start + Duration::from_secs(5);
        let threads: Vec<_> = (0..clients)
            .map(|_| {
                let body = body.clone();
                std::thread::spawn(move || {
                    let mut l = Vec::new();
                    while Instant::now() < until {
                        l.push(request(addr, &body));
                    }
                    l
                })
            })
            .collect();
        let mut lat: Vec<Duration> = threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect();
        let secs = start.elapsed().as_secs_f64();
        let used = cpu(&pid, false) - cpu0;
        lat.sort();
        let q =
            |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)].as_secs_f64() * 1e3;
        println!(
            "  {clients:>2} clients: {:7.1} req/s  {:6.1} MB/s  p50 {:6.2} ms  p99 {:6.2} ms  {:.3} CPU-s/MB",
            lat.len() as f64 / secs,
            lat.len() as f64 * mb / secs,
            q(0.50),
            q(0.99),
            used / (lat.len() as f64 * mb)
        );
    }
    let _ = server.kill();
    let _ = server.wait();

    // The command line, one process per document.
    let n = 100;
    let c0 = cpu("self", true);
    let start = Instant::now();
    for _ in 0..n {
        let o = Command::new(bin)
            .args(["parse", SEED, "--compact"])
            .current_dir(root)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(o.success());
    }
    let secs = start.elapsed().as_secs_f64();
    let used = cpu("self", true) - c0;
    println!(
        "  CLI, a process per document: {:7.1} docs/s  mean {:6.2} ms  {:.3} CPU-s/MB",
        n as f64 / secs,
        secs / n as f64 * 1e3,
        used / (n as f64 * mb)
    );
}

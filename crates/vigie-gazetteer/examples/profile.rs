//! Lookup profile helper (the bench's corpus, no criterion): run it under
//! `perf stat -e task-clock` to get CPU-time throughput on a busy machine:
//! `cargo run --release -p vigie-gazetteer --example profile [MB]`.

#[path = "../benches/common/mod.rs"]
mod common;
use common::corpus;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    let g = vigie_gazetteer::Gazetteer::new();
    let docs = corpus(mb << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let mut n = 0;
    for d in &docs {
        let a = g.analyze(d);
        n += a.places.len() + a.orgs.len();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{n} matches in {bytes} bytes: {:.3} s wall, {:.1} MB/s wall",
        s,
        bytes as f64 / 1e6 / s
    );
}

//! Lookup profile helper (the bench's corpus, no criterion):
//! `cargo run --release -p vigie-gazetteer --example profile [MB]`.
//! Prints throughput per wall second and per CPU second (the machine may be
//! shared: CPU time is the number to compare) of `analyze` (owned matches)
//! and `analyze_ref` (borrowed), and the start-up time. Under callgrind,
//! `--toggle-collect=profile::owned` or `profile::borrowed` counts one of them.

#[path = "../benches/common/mod.rs"]
mod common;
use common::corpus;
use vigie_gazetteer::Gazetteer;

/// CPU seconds this process has run so far (Linux, nanoseconds from
/// `/proc/self/schedstat`; 0 elsewhere).
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

#[inline(never)]
fn owned(g: &Gazetteer, docs: &[String]) -> usize {
    docs.iter()
        .map(|d| {
            let a = g.analyze(d);
            a.places.len() + a.orgs.len()
        })
        .sum()
}

#[inline(never)]
fn borrowed(g: &Gazetteer, docs: &[String]) -> usize {
    docs.iter()
        .map(|d| {
            let a = g.analyze_ref(d);
            a.places.len() + a.orgs.len()
        })
        .sum()
}

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    let (t, c) = (std::time::Instant::now(), cpu());
    let g = Gazetteer::new();
    let (new_wall, new_cpu) = (t.elapsed().as_secs_f64(), cpu() - c);
    println!(
        "Gazetteer::new {:.1} ms wall, {:.1} ms CPU",
        new_wall * 1e3,
        new_cpu * 1e3
    );
    let docs = corpus(mb << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    for (name, f) in [
        ("analyze", owned as fn(&Gazetteer, &[String]) -> usize),
        ("analyze_ref", borrowed),
    ] {
        let (t, c) = (std::time::Instant::now(), cpu());
        let n = f(&g, &docs);
        let (s, used) = (t.elapsed().as_secs_f64(), cpu() - c);
        println!(
            "{name}: {n} matches in {bytes} bytes: {s:.3} s wall, {:.1} MB/s wall, {:.1} MB/s per CPU second",
            bytes as f64 / 1e6 / s,
            bytes as f64 / 1e6 / used.max(1e-9),
        );
    }
}

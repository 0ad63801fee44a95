//! Start-up and lookup speed: `cargo bench -p vigie-gazetteer`.
//!
//! Lookup runs `Gazetteer::analyze_ref` (places, organisations, demonyms,
//! sectors; every name loaded; borrowed matches: what vigie-extract calls)
//! and `Gazetteer::analyze` (the same, copied into owned strings: what the
//! CLI's `places` prints) over 64 MB of generated French/English news text,
//! in 4 KB articles, and reports throughput (issue 3: >= 100 MB/s).
//! `BENCH_MB=8 cargo bench -p vigie-gazetteer` runs on less text.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vigie_gazetteer::Gazetteer;

mod common;
use common::corpus;

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    g.bench_function("Gazetteer::new", |b| b.iter(Gazetteer::new));
    g.finish();
}

fn lookup(c: &mut Criterion) {
    let gz = Gazetteer::new();
    let mb: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let docs = corpus(mb << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("lookup");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("analyze_ref_{mb}MB"), |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in &docs {
                let a = gz.analyze_ref(d);
                n += a.places.len() + a.orgs.len();
            }
            n
        })
    });
    g.bench_function(format!("analyze_{mb}MB"), |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in &docs {
                let a = gz.analyze(d);
                n += a.places.len() + a.orgs.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, startup, lookup);
criterion_main!(benches);

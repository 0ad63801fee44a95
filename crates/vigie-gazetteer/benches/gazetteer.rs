//! Start-up and lookup speed: `cargo bench -p vigie-gazetteer`.
//!
//! Lookup runs `Gazetteer::analyze` (places, organisations, demonyms,
//! sectors; every name loaded) over 64 MB of generated French/English news
//! text, in 4 KB articles, and reports throughput.
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
    let docs = corpus(64 << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("lookup");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze_64MB", |b| {
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

//! End-to-end extraction speed on one core over a generated FR/EN corpus
//! (`VIGIE_BENCH_MB`, default 50 MB). Criterion reports throughput in MB/s.
//!
//! `cargo bench -p vigie-extract --bench extract`
// the allocator of the `vigie` binary, so that speed is measured as it runs
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vigie_extract::Extractor;
use vigie_model::Article;

#[path = "corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let mb: usize = std::env::var("VIGIE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let texts = corpus::corpus(mb * 1_000_000);
    let bytes: usize = texts.iter().map(String::len).sum();
    let articles: Vec<Article> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| Article::new(format!("gen/{i}.txt"), t))
        .collect();
    let x = Extractor::new();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function(format!("{mb}MB_one_core"), |b| {
        b.iter(|| {
            let mut n = 0usize;
            for a in &articles {
                n += x.extract(a).map(|e| e.len()).unwrap_or(0);
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

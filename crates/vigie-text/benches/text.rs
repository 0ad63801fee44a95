//! Throughput of the text layer plus amount parsing over ≥ 50 MB of
//! generated French and English news-like articles (templated, fixed seed).
//!
//! `cargo bench -p vigie-text -- --sample-size 10 --measurement-time 20`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use vigie_text::amounts::find_amounts;
use vigie_text::Document;
mod common;
use common::corpus;

fn bench(c: &mut Criterion) {
    let docs = corpus(50 * 1024 * 1024);
    let total: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("text_layer");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.bench_function("document_and_amounts_50MB", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in &docs {
                let Ok(doc) = Document::new(d) else { continue };
                for s in &doc.sentences {
                    n += find_amounts(doc.sentence_text(s), doc.lang).len();
                }
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

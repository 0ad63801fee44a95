//! Text layer + amounts profile helper (the bench corpus, no criterion): run it
//! under `perf stat -e task-clock` or callgrind to get CPU-time throughput:
//! `cargo run --release -p vigie-text --example text_profile [MB]`.
use std::hint::black_box;
use vigie_text::amounts::find_amounts;
use vigie_text::Document;

#[path = "../benches/common/mod.rs"]
mod common;
use common::corpus;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let docs = corpus(mb << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for d in &docs {
        let Ok(doc) = Document::new(d) else { continue };
        for s in &doc.sentences {
            n += find_amounts(doc.sentence_text(s), doc.lang).len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} amounts in {bytes} bytes: {:.3} s wall, {:.1} MB/s wall",
        black_box(n),
        s,
        bytes as f64 / 1e6 / s
    );
}

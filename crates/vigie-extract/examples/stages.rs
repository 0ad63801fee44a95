//! Times each stage of extraction over the generated corpus (profiling aid):
//! `cargo run --release -p vigie-extract --example stages -- MB`
use std::time::Instant;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let texts = corpus::corpus(mb * 1_000_000);
    let bytes: usize = texts.iter().map(String::len).sum();
    let gaz = vigie_gazetteer::Gazetteer::new();
    let x = vigie_extract::Extractor::new();
    let mbs = |t: f64| bytes as f64 / 1e6 / t;
    let t = Instant::now();
    let docs: Vec<vigie_text::Document> = texts
        .iter()
        .filter_map(|s| vigie_text::Document::new(s).ok())
        .collect();
    println!("document  {:.1} MB/s", mbs(t.elapsed().as_secs_f64()));
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .map(|d| vigie_text::amounts::find_amounts(&d.text, d.lang).len())
        .sum();
    println!("amounts   {:.1} MB/s ({n})", mbs(t.elapsed().as_secs_f64()));
    let t = Instant::now();
    let n: usize = docs.iter().map(|d| gaz.analyze(&d.text).places.len()).sum();
    println!("gazetteer {:.1} MB/s ({n})", mbs(t.elapsed().as_secs_f64()));
    let t = Instant::now();
    let mut n = 0;
    for (i, s) in texts.iter().enumerate() {
        let a = vigie_model::Article::new(format!("{i}"), s.clone());
        n += x.extract(&a).map(|e| e.len()).unwrap_or(0);
    }
    println!(
        "extract   {:.1} MB/s ({n} events)",
        mbs(t.elapsed().as_secs_f64())
    );
}

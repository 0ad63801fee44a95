//! Times each stage of extraction over the generated corpus (profiling aid):
//! `cargo run --release -p vigie-extract --example stages -- MB`
// the allocator of the `vigie` binary, so that speed is measured as it runs
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;

#[path = "../benches/corpus.rs"]
mod corpus;

/// CPU seconds used by this process so far (Linux; 0 elsewhere): the
/// machine may be shared, wall time then says little.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ut: f64 = f.get(11)?.parse().ok()?;
            let st: f64 = f.get(12)?.parse().ok()?;
            Some((ut + st) / 100.0)
        })
        .unwrap_or(0.0)
}

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
    if std::env::var("ONLY_EXTRACT").is_ok() {
        let articles: Vec<vigie_model::Article> = texts
            .iter()
            .enumerate()
            .map(|(i, s)| vigie_model::Article::new(format!("{i}"), s.clone()))
            .collect();
        let (t, c) = (Instant::now(), cpu());
        let n: usize = articles
            .iter()
            .map(|a| x.extract(a).map(|e| e.len()).unwrap_or(0))
            .sum();
        let (wall, used) = (t.elapsed().as_secs_f64(), cpu() - c);
        println!(
            "extract {:.1} MB/s wall, {:.1} MB/s per CPU second ({n} events, {:.1} MB)",
            mbs(wall),
            mbs(used.max(0.01)),
            bytes as f64 / 1e6
        );
        return;
    }
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

//! Extracts every .txt file of a directory one after another and prints the
//! events as JSONL (for memory checks: memory must stay flat in corpus size).
//! `cargo run --release -p vigie-extract --example extract_dir -- DIR > out.jsonl`
// the allocator of the `vigie` binary, so that speed is measured as it runs
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::Write;

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let x = vigie_extract::Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        let a = vigie_model::Article::new(f.display().to_string(), text);
        if let Ok(events) = x.extract(&a) {
            for e in events {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&e).map_err(std::io::Error::other)?
                )?;
            }
        }
    }
    out.flush()
}

//! Writes the benchmark corpus as text files, for memory checks of the CLI:
//! `cargo run --release -p vigie-extract --example gen_corpus -- DIR MB`
#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "corpus".into()));
    let mb: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(10);
    std::fs::create_dir_all(&dir)?;
    for (i, a) in corpus::corpus(mb * 1_000_000).iter().enumerate() {
        std::fs::write(dir.join(format!("{i:07}.txt")), a)?;
    }
    Ok(())
}

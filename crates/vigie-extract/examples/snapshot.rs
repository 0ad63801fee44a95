//! Prints, as JSONL, the events of every test article (dev set, held-out
//! sets, seed) and of the first MB of the generated corpus, in a fixed order:
//! a speed change must leave this output byte for byte the same.
//! `cargo run --release -p vigie-extract --example snapshot -- [MB] > snap.jsonl`
use std::io::Write;
use std::path::{Path, PathBuf};

#[path = "../benches/corpus.rs"]
mod corpus;

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            txt_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn main() -> std::io::Result<()> {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    txt_files(&root.join("tests"), &mut files);
    txt_files(&root.join("../../../shared/seeds"), &mut files);
    let mut inputs: Vec<(String, String)> = files
        .iter()
        .filter_map(|f| {
            let name = f.strip_prefix(root).unwrap_or(f).display().to_string();
            std::fs::read_to_string(f).ok().map(|t| (name, t))
        })
        .collect();
    for (i, t) in corpus::corpus(mb * 1_000_000).into_iter().enumerate() {
        inputs.push((format!("corpus/{i}"), t));
    }
    let x = vigie_extract::Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (name, text) in inputs {
        let a = vigie_model::Article::new(name.clone(), text);
        match x.extract(&a) {
            Ok(events) => {
                for e in events {
                    let j = serde_json::to_string(&e).map_err(std::io::Error::other)?;
                    writeln!(out, "{name}\t{j}")?;
                }
            }
            Err(e) => writeln!(out, "{name}\tERROR {e}")?,
        }
    }
    out.flush()
}

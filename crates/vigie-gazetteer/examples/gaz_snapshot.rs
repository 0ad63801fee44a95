//! Prints, as JSON lines, every match of `Gazetteer::analyze` (places,
//! organisations, demonyms, sectors) over the test articles of vigie-extract,
//! the seed articles and the first MB of the profile corpus, in a fixed order:
//! a speed change must leave this output byte for byte the same.
//! `cargo run --release -p vigie-gazetteer --example gaz_snapshot -- [MB] > gaz_snapshot.jsonl`
use std::io::Write;
use std::path::{Path, PathBuf};

#[path = "../benches/common/mod.rs"]
mod common;

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

fn line<T: serde::Serialize>(
    out: &mut impl Write,
    name: &str,
    kind: &str,
    x: &T,
) -> std::io::Result<()> {
    let j = serde_json::to_string(x).map_err(std::io::Error::other)?;
    writeln!(out, "{name}\t{kind}\t{j}")
}

fn main() -> std::io::Result<()> {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    txt_files(&root.join("../vigie-extract/tests"), &mut files);
    txt_files(&root.join("../../../shared/seeds"), &mut files);
    let mut inputs: Vec<(String, String)> = files
        .iter()
        .filter_map(|f| {
            let name = f.strip_prefix(root).unwrap_or(f).display().to_string();
            std::fs::read_to_string(f).ok().map(|t| (name, t))
        })
        .collect();
    for (i, t) in common::corpus(mb << 20).into_iter().enumerate() {
        inputs.push((format!("corpus/{i}"), t));
    }
    let g = vigie_gazetteer::Gazetteer::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (name, text) in &inputs {
        let a = g.analyze(text);
        for p in &a.places {
            line(&mut out, name, "place", p)?;
        }
        for o in &a.orgs {
            line(&mut out, name, "org", o)?;
        }
        for d in &a.demonyms {
            line(&mut out, name, "demonym", d)?;
        }
        for s in &a.sectors {
            line(&mut out, name, "sector", s)?;
        }
    }
    out.flush()
}

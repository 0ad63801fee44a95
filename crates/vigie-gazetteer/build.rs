//! Compiles the gazetteer patterns at build time: the two yada double-array
//! tries (see `src/trie.rs`) and the per-pattern entries are written to OUT_DIR
//! and embedded, so that `Gazetteer::new` only loads them.
use std::path::PathBuf;

#[path = "src/fold.rs"]
#[allow(dead_code)]
mod fold;
#[path = "src/tables.rs"]
mod tables;
#[path = "src/trie.rs"]
mod trie;

fn main() {
    for f in [
        "build.rs",
        "src/fold.rs",
        "src/tables.rs",
        "src/trie.rs",
        "data/communes.tsv",
        "data/departements.tsv",
        "data/regions.tsv",
        "data/areas.tsv",
        "data/places_manual.tsv",
        "data/countries.tsv",
        "data/orgs.tsv",
        "data/sectors.tsv",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let t = tables::parse();
    let (keys, entries) = tables::patterns(&t);
    let encoded = tables::encode_entries(&entries);
    let compiled = tables::decode_entries(&encoded).unwrap_or_default();
    let (lower, cap) = tables::tries(&keys, &compiled);
    let _ = std::fs::write(out.join("trie_lower.bin"), lower.to_bytes());
    let _ = std::fs::write(out.join("trie_cap.bin"), cap.to_bytes());
    let _ = std::fs::write(out.join("entries.bin"), encoded);
}

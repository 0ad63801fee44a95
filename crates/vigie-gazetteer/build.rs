//! Compiles the gazetteer patterns at build time: the double-array
//! Aho-Corasick automaton and the per-pattern entries are written to OUT_DIR
//! and embedded, so that `Gazetteer::new` only loads them.
use std::path::PathBuf;

#[path = "src/fold.rs"]
#[allow(dead_code)]
mod fold;
#[path = "src/tables.rs"]
mod tables;

fn main() {
    for f in [
        "build.rs",
        "src/fold.rs",
        "src/tables.rs",
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
    let ac = daachorse::DoubleArrayAhoCorasick::<u32>::with_values(
        keys.iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), u32::try_from(i).unwrap_or(u32::MAX))),
    );
    // On failure write empty files: the library then builds at run time.
    let bytes = ac.map(|a| a.serialize()).unwrap_or_default();
    let _ = std::fs::write(out.join("automaton.bin"), bytes);
    let _ = std::fs::write(out.join("entries.bin"), tables::encode_entries(&entries));
}

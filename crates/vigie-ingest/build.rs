//! With feature `sample`: embeds the bundled sample corpus
//! (`<workspace>/sample/**/*.json`, except `gold.json`) into the library, so
//! that `vigie demo` works from any directory. Without the feature, or when
//! the directory is absent, the embedded sample is empty.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "json")
            && p.file_name().is_some_and(|n| n != "gold.json")
        {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let sample = manifest.join("../../sample");
    println!("cargo:rerun-if-changed={}", sample.display());
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = Vec::new();
    if std::env::var_os("CARGO_FEATURE_SAMPLE").is_some() {
        collect(&sample, &mut files);
    }
    let mut code = String::from("/// The bundled sample: (path relative to the workspace, bytes).\npub static SAMPLE: &[(&str, &[u8])] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(manifest.join("../.."))
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let abs = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        code.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            abs.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("sample.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}

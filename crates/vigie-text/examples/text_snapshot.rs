//! Prints every output of the text layer over a fixed corpus, to check that a
//! speed change changes nothing: the test articles of vigie-extract, the seed,
//! the generated corpora of vigie-text's and vigie-extract's benches.
//! `cargo run -q --release -p vigie-text --example text_snapshot > snap.txt`
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use vigie_text::amounts::find_amounts;
use vigie_text::{detect_language, Document, Lang};

#[path = "../benches/common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../../vigie-extract/benches/corpus.rs"]
mod extract_corpus;

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            txt_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn dump(name: &str, text: &str, out: &mut String) {
    let _ = writeln!(
        out,
        "## {name} len={} lang={:?}",
        text.len(),
        detect_language(text)
    );
    let doc = match Document::new(text) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(out, "error {e}");
            // Still exercise the amounts on the raw text.
            for lang in [Lang::Fr, Lang::En] {
                for a in find_amounts(text, lang) {
                    let _ = writeln!(out, "raw {lang:?} {a:?}");
                }
            }
            return;
        }
    };
    let _ = writeln!(
        out,
        "norm {:016x} {} lang {:?} sentences {}",
        fnv(&doc.text),
        doc.text.len(),
        doc.lang,
        doc.sentences.len()
    );
    // Offset map spot checks.
    let n = doc.text.len();
    let step = (n / 97).max(1);
    let mut k = 0;
    let mut line = String::new();
    while k <= n {
        let _ = write!(
            line,
            "{}:{}/{} ",
            k,
            doc.to_original(k),
            doc.to_original_end(k)
        );
        k += step;
    }
    let _ = writeln!(out, "map {line}");
    for s in &doc.sentences {
        let _ = writeln!(
            out,
            "s {} {} {} {} {:016x}",
            s.start,
            s.end,
            s.orig_start,
            s.orig_end,
            fnv(doc.sentence_original(s))
        );
        for a in find_amounts(doc.sentence_text(s), doc.lang) {
            let _ = writeln!(
                out,
                "  a {} {} {:?} {:?} {:?} {:?} {:?}",
                a.start, a.end, a.value, a.currency, a.qualifier, a.max, a.kind
            );
        }
    }
    // Whole text at once, in the other language too.
    for lang in [Lang::Fr, Lang::En] {
        let v = find_amounts(&doc.text, lang);
        let mut h = String::new();
        for a in &v {
            let _ = write!(h, "{a:?}");
        }
        let _ = writeln!(out, "whole {lang:?} {} {:016x}", v.len(), fnv(&h));
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    // The test articles present when the baseline was taken (later sets are
    // not added, so that the snapshot stays comparable).
    for d in [
        "devset",
        "heldout/set1",
        "heldout/set2",
        "heldout/set3",
        "heldout/set4",
    ] {
        txt_files(&root.join("../vigie-extract/tests").join(d), &mut files);
    }
    txt_files(&root.join("../../../shared/seeds"), &mut files);
    let mut out = String::new();
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let name = f.strip_prefix(root).unwrap_or(f).display().to_string();
        match vigie_text::decode(&bytes) {
            Ok(text) => dump(&name, &text, &mut out),
            Err(e) => {
                let _ = writeln!(out, "## {name} decode error {e}");
            }
        }
    }
    for (i, t) in common::corpus(2 << 20).iter().enumerate() {
        dump(&format!("text-corpus {i}"), t, &mut out);
    }
    for (i, t) in extract_corpus::corpus(3_000_000).iter().enumerate() {
        dump(&format!("extract-corpus {i}"), t, &mut out);
    }
    print!("{out}");
}

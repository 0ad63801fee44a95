//! Helpers shared by the integration tests: extraction to JSONL and the
//! shared scorer (`../shared/eval/score.py`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use vigie_extract::Extractor;
use vigie_model::{Article, Event};

/// `../shared` seen from the workspace root.
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

pub fn devset() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset")
}

/// Extracts the events of a text file (source = its path).
pub fn extract_file(x: &Extractor, path: &Path) -> (Article, Vec<Event>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let article = Article::new(path.display().to_string(), text);
    let events = x
        .extract(&article)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (article, events)
}

/// Every evidence span is exactly its sentence in the article text.
pub fn assert_evidence_exact(article: &Article, events: &[Event]) {
    for e in events {
        assert!(
            !e.evidence.is_empty(),
            "{}: event without evidence",
            article.source
        );
        for ev in &e.evidence {
            assert_eq!(ev.doc, article.doc);
            assert_eq!(
                article.text.get(ev.start..ev.end),
                Some(ev.sentence.as_str()),
                "{}: evidence offsets {}..{} do not give the sentence",
                article.source,
                ev.start,
                ev.end
            );
        }
    }
}

/// Writes events as JSONL.
pub fn write_jsonl(path: &Path, events: &[Event]) {
    let mut s = String::new();
    for e in events {
        s.push_str(&serde_json::to_string(e).expect("serialise"));
        s.push('\n');
    }
    std::fs::write(path, s).expect("write jsonl");
}

/// Runs the shared scorer with the schema check; returns its stdout.
/// Fails clearly when python3 or the jsonschema module is missing.
pub fn score(gold: &Path, pred: &Path) -> String {
    let check = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output();
    match check {
        Err(e) => panic!("python3 is needed to run ../shared/eval/score.py: {e}"),
        Ok(o) if !o.status.success() => panic!(
            "the python module jsonschema is needed (pip install jsonschema): {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Ok(_) => {}
    }
    let schema = shared().join("contract/event.schema.json");
    let out = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg(gold)
        .arg(pred)
        .arg("--schema")
        .arg(schema)
        .arg("-v")
        .output()
        .expect("run score.py");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The F1 on the scorer's last line.
pub fn f1(report: &str) -> f64 {
    report
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("F1 "))
        .and_then(|v| v.trim().parse().ok())
        .expect("F1 line")
}

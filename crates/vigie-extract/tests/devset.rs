//! The dev set (tests/devset: articles of our own writing with gold files):
//! overall F1 >= 0.95 with the shared scorer, exact evidence offsets, and a
//! confidence calibration table (events above 0.8 are right >= 90% of the time).

mod common;

use std::path::PathBuf;

use vigie_extract::Extractor;
use vigie_model::Event;

fn articles() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(common::devset())
        .expect("tests/devset")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn extract_all() -> Vec<(PathBuf, Vec<Event>)> {
    let x = Extractor::new();
    articles()
        .into_iter()
        .map(|p| {
            let (a, evs) = common::extract_file(&x, &p);
            common::assert_evidence_exact(&a, &evs);
            (p, evs)
        })
        .collect()
}

#[test]
fn devset_f1_at_least_0_95() {
    let all = extract_all();
    assert!(all.len() >= 80, "dev set has {} articles", all.len());
    let dir = tempfile::tempdir().expect("tempdir");
    let pred = dir.path().join("dev.jsonl");
    let events: Vec<Event> = all.iter().flat_map(|(_, e)| e.iter().cloned()).collect();
    common::write_jsonl(&pred, &events);
    let _ = std::fs::copy(&pred, std::env::temp_dir().join("vigie-dev.jsonl"));
    let report = common::score(&common::devset().join("combined/all.json"), &pred);
    println!("{report}");
    assert!(report.contains("schema-invalid predictions: 0"), "{report}");
    let f1 = common::f1(&report);
    assert!(f1 >= 0.95, "dev set F1 {f1} < 0.95\n{report}");
}

/// Confidence calibration: bins of confidence, share of predicted events
/// that match a gold event (investor/recipient + amount, as the scorer does).
#[test]
fn confidence_is_calibrated() {
    let all = extract_all();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rows: Vec<(f64, bool)> = Vec::new();
    for (path, evs) in &all {
        let gold = path.with_extension("json");
        for e in evs {
            let pred = dir.path().join("one.jsonl");
            common::write_jsonl(&pred, std::slice::from_ref(e));
            let report = common::score(&gold, &pred);
            let right = report
                .lines()
                .any(|l| l.starts_with("gold ") && l.ends_with("matched 1"));
            rows.push((e.confidence, right));
        }
    }
    let bins = [
        (0.0, 0.5),
        (0.5, 0.6),
        (0.6, 0.7),
        (0.7, 0.8),
        (0.8, 0.9),
        (0.9, 1.01),
    ];
    println!("confidence  events  right  precision");
    for (lo, hi) in bins {
        let inb: Vec<&(f64, bool)> = rows.iter().filter(|(c, _)| *c >= lo && *c < hi).collect();
        let right = inb.iter().filter(|(_, r)| *r).count();
        let p = if inb.is_empty() {
            f64::NAN
        } else {
            right as f64 / inb.len() as f64
        };
        println!("[{lo:.1},{hi:.1})  {:>6}  {right:>5}  {p:.3}", inb.len());
    }
    let high: Vec<&(f64, bool)> = rows.iter().filter(|(c, _)| *c > 0.8).collect();
    let right = high.iter().filter(|(_, r)| *r).count();
    let p = right as f64 / high.len().max(1) as f64;
    println!("above 0.8: {} events, precision {p:.3}", high.len());
    assert!(!high.is_empty(), "no event above 0.8");
    assert!(
        p >= 0.9,
        "events above 0.8 are right {p:.3} of the time (< 0.9)"
    );
}

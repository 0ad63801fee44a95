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

/// Names as the scorer compares them: ASCII-folded, lowercase, words.
fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The scorer's core match (same document assumed): investor (or the raiser
/// for equity with no investor) and amount within 1%.
fn core_match(g: &serde_json::Value, e: &Event) -> bool {
    let names = |v: &serde_json::Value| -> Option<Vec<String>> {
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).map(norm).collect())
    };
    let org_ok = |gold: &serde_json::Value, org: &Option<vigie_model::Org>| match (names(gold), org)
    {
        (None, None) => true,
        (Some(ns), Some(o)) => ns.contains(&norm(&o.name)) || ns.contains(&norm(&o.canonical)),
        _ => false,
    };
    let who = if g["investor"].is_null() && g["kind"] == "equity" {
        org_ok(&g["recipient"], &e.recipient)
    } else {
        org_ok(&g["investor"], &e.investor)
    };
    let amount = match (&g["amount"], &e.amount) {
        (serde_json::Value::Null, None) => true,
        (ga, Some(m)) if !ga.is_null() => {
            let cur_ok = ga["currency"]
                .as_str()
                .is_none_or(|c| m.currency.as_deref() == Some(c));
            let v = ga["value"].as_f64().unwrap_or(0.0);
            cur_ok && (v - m.value).abs() <= 0.01 * v
        }
        _ => false,
    };
    who && amount
}

/// Confidence calibration: bins of confidence and the share of predicted
/// events that match a gold event (as the scorer matches them).
#[test]
fn confidence_is_calibrated() {
    let all = extract_all();
    let mut rows: Vec<(f64, bool)> = Vec::new();
    for (path, evs) in &all {
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("json")).expect("gold file"),
        )
        .expect("gold json");
        let golds = gold["events"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; golds.len()];
        for e in evs {
            let hit = golds
                .iter()
                .enumerate()
                .find(|(k, g)| !used[*k] && core_match(g, e))
                .map(|(k, _)| k);
            if let Some(k) = hit {
                used[k] = true;
            }
            rows.push((e.confidence, hit.is_some()));
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
    assert!(high.len() >= 20, "too few events above 0.8: {}", high.len());
    assert!(
        p >= 0.9,
        "events above 0.8 are right {p:.3} of the time (< 0.9)"
    );
}

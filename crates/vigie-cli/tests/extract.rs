//! `vigie extract` end to end: the seed scores F1 1.000 with every field
//! right and valid records; stdin; unreadable files; deterministic order.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn vigie() -> Command {
    Command::cargo_bin("vigie").expect("vigie binary")
}

fn score(gold: &Path, pred: &Path) -> String {
    match Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
    {
        Err(e) => panic!("python3 is needed to run ../shared/eval/score.py: {e}"),
        Ok(o) if !o.status.success() => panic!(
            "the python module jsonschema is needed (pip install jsonschema): {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Ok(_) => {}
    }
    let out = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg(gold)
        .arg(pred)
        .arg("--schema")
        .arg(shared().join("contract/event.schema.json"))
        .arg("-v")
        .output()
        .expect("run score.py");
    assert!(
        out.status.success(),
        "score.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn seed_scores_f1_one_with_every_field_right() {
    let seed = shared().join("seeds/000_5dc92b07ccc625f8.txt");
    let out = vigie()
        .arg("extract")
        .arg(&seed)
        .output()
        .expect("run vigie");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let pred = dir.path().join("out.jsonl");
    std::fs::write(&pred, &out.stdout).expect("write");
    let report = score(&shared().join("gold/seed.json"), &pred);
    println!("{report}");
    assert!(report.contains("schema-invalid predictions: 0"), "{report}");
    assert!(report.trim_end().ends_with("F1 1.000"), "{report}");
    for line in report.lines().filter(|l| l.starts_with("  ")) {
        let ratio = line.split_whitespace().nth(1).expect("n/n");
        let (a, b) = ratio.split_once('/').expect("n/n");
        assert_eq!(a, b, "field line {line}\n{report}");
    }
}

#[test]
fn stdin_and_pretty() {
    let out = assert_cmd::Command::cargo_bin("vigie")
        .expect("vigie binary")
        .args(["extract", "-", "--pretty"])
        .write_stdin("Le groupe Verkor investira 2 milliards d'euros à Dunkerque d'ici 2027.")
        .output()
        .expect("run vigie");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\n  \"kind\": \"capex\""), "{text}");
    assert!(text.contains("2000000000"), "{text}");
}

#[test]
fn unreadable_input_is_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("a.txt");
    std::fs::write(
        &good,
        "Microsoft investira 4 milliards d'euros en France, a annoncé le groupe.",
    )
    .expect("write");
    let missing = dir.path().join("missing.txt");
    let out = vigie()
        .arg("extract")
        .arg(&missing)
        .arg(&good)
        .output()
        .expect("run vigie");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("Microsoft"));
}

#[test]
fn output_order_follows_input_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut paths = Vec::new();
    for i in 0..40 {
        let p = dir.path().join(format!("{i:03}.txt"));
        std::fs::write(
            &p,
            format!(
                "Le groupe Alpha{i} investira {} millions d'euros à Lyon, a annoncé la société.",
                i + 1
            ),
        )
        .expect("write");
        paths.push(p);
    }
    let out = vigie()
        .arg("extract")
        .arg(dir.path())
        .output()
        .expect("run vigie");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let values: Vec<u64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            v["amount"]["value"].as_u64().expect("value")
        })
        .collect();
    let expected: Vec<u64> = (1..=40).map(|i| i * 1_000_000).collect();
    assert_eq!(values, expected);
}

/// Two outlets report one commitment: one event with both sources (the
/// contract); `--no-merge` prints each article's event.
#[test]
fn one_commitment_reported_twice_is_one_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a_wire.txt");
    let b = dir.path().join("b_regional.txt");
    std::fs::write(
        &a,
        "Le fabricant Norvolta investira 450 millions d'euros dans une usine de cellules \
         à Dunkerque, a annoncé mardi son président.",
    )
    .expect("write");
    std::fs::write(
        &b,
        "Norvolta will invest €450 million in a battery cell plant in Dunkirk, the company \
         said on Tuesday.",
    )
    .expect("write");
    let events = |merge: bool| -> Vec<serde_json::Value> {
        let mut cmd = vigie();
        cmd.arg("extract").arg(&a).arg(&b);
        if !merge {
            cmd.arg("--no-merge");
        }
        let out = cmd.output().expect("run vigie");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect()
    };
    let merged = events(true);
    assert_eq!(merged.len(), 1, "{merged:?}");
    let sources = merged[0]["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert_eq!(merged[0]["evidence"].as_array().map(Vec::len), Some(2));
    assert_eq!(merged[0]["amount"]["value"].as_u64(), Some(450_000_000));
    assert_eq!(events(false).len(), 2);
}

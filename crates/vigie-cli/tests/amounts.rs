//! `vigie amounts` from the outside.

use assert_cmd::Command;
use serde_json::Value;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seeds/000_5dc92b07ccc625f8.txt"
);

fn run(args: &[&str], stdin: Option<&str>) -> (Vec<Value>, String, bool) {
    let mut cmd = Command::cargo_bin("vigie").unwrap();
    cmd.arg("amounts").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let recs = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        recs,
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

#[test]
fn seed_gives_exactly_the_expected_amounts() {
    let (recs, _, ok) = run(&[SEED], None);
    assert!(ok);
    let original = std::fs::read_to_string(SEED).unwrap();
    let got: Vec<(String, Value, Value, String, String)> = recs
        .iter()
        .map(|r| {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            // Offsets are bytes in the file as given.
            assert_eq!(&original[s..e], r["text"].as_str().unwrap());
            (
                r["text"].as_str().unwrap().to_string(),
                r["value"].clone(),
                r["currency"].clone(),
                r["qualifier"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let m = |t: &str, v: u64, c: Option<&str>, q: &str| {
        (
            t.to_string(),
            Value::from(v),
            c.map_or(Value::Null, Value::from),
            q.to_string(),
            "money".to_string(),
        )
    };
    let eur = Some("EUR");
    let want = vec![
        m("4 milliards d'euros", 4_000_000_000, eur, "exact"),
        m("1,2 milliard d'euros", 1_200_000_000, eur, "exact"),
        m("4 milliards d'euros", 4_000_000_000, eur, "exact"),
        m("15 millions d’euros", 15_000_000, eur, "exact"),
        m("600 millions", 600_000_000, None, "exact"),
        m("3,2 milliards d'euros", 3_200_000_000, eur, "exact"),
        m("1,2 milliard d'euros", 1_200_000_000, eur, "at_least"),
        m("1,2 milliard d'euros", 1_200_000_000, eur, "at_least"),
        (
            "35".into(),
            Value::from(35),
            Value::Null,
            "exact".into(),
            "count".into(),
        ),
        (
            "trois mille".into(),
            Value::from(3000),
            Value::Null,
            "exact".into(),
            "count".into(),
        ),
    ];
    assert_eq!(got, want);
    // Line numbers: the first amount is on line 1, "35" on line 10.
    assert_eq!(recs[0]["line"], 1);
    assert_eq!(recs[8]["line"], 10);
    assert!(recs.iter().all(|r| r["max"].is_null()));
}

#[test]
fn stdin_lines_and_ranges() {
    let (recs, _, ok) = run(
        &["--lines", "-"],
        Some("Le projet coûtera entre 1 et 2\u{a0}milliards d'euros.\nMicrosoft will invest $4.3bn.\n"),
    );
    assert!(ok);
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert_eq!(recs[0]["qualifier"], "range");
    assert_eq!(recs[0]["value"], 1_000_000_000u64);
    assert_eq!(recs[0]["max"], 2_000_000_000u64);
    assert_eq!(recs[0]["text"], "1 et 2\u{a0}milliards d'euros");
    assert_eq!(recs[0]["line"], 1);
    assert_eq!(recs[1]["currency"], "USD");
    assert_eq!(recs[1]["line"], 2);
    assert_eq!(recs[1]["value"], 4_300_000_000u64);
}

#[test]
fn bad_files_are_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("image.png");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let missing = dir.path().join("missing.txt");
    let (recs, err, ok) = run(
        &[bin.to_str().unwrap(), missing.to_str().unwrap(), SEED],
        None,
    );
    assert!(!ok);
    assert_eq!(recs.len(), 10);
    assert!(err.contains("image.png") && err.contains("binary"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
}

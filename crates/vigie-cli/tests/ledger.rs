//! `vigie events | show | stats | export | resolve | rates` on a small ledger
//! built through the store's API.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use vigie_model::{Article, Event, Evidence, Kind, Money, Org, Place, Qualifier, Sector, Status};

fn event(
    a: &Article,
    inv: &str,
    value: f64,
    currency: &str,
    place: Option<Place>,
    sector: Sector,
) -> Event {
    Event {
        id: String::new(),
        kind: Kind::Capex,
        investor: Some(Org {
            name: inv.into(),
            canonical: inv.into(),
            country: None,
        }),
        recipient: None,
        amount: Some(Money {
            value,
            currency: Some(currency.into()),
            qualifier: Qualifier::Exact,
            max: None,
            eur: None,
        }),
        places: place.into_iter().collect(),
        country: Some("FR".into()),
        sectors: vec![sector],
        jobs: None,
        horizon: None,
        status: Status::Announced,
        published: a.published.clone(),
        confidence: 0.8,
        evidence: vec![Evidence {
            doc: a.doc.clone(),
            sentence: a.text.clone(),
            start: 0,
            end: a.text.len(),
        }],
        sources: vec![a.source.clone()],
    }
}

fn article(source: &str, date: &str, text: &str) -> Article {
    let mut a = Article::new(source, text);
    a.published = Some(date.into());
    a.title = Some(format!("About {source}"));
    a
}

/// Two outlets on Microsoft's 4 bn (one event), one on ProLogium, one in USD.
fn build(dir: &Path) -> PathBuf {
    let path = dir.join("ledger.db");
    let mulhouse = Place {
        text: "Mulhouse".into(),
        country: Some("FR".into()),
        region: Some("44".into()),
        departement: Some("68".into()),
        commune: Some("68224".into()),
    };
    let dunkerque = Place {
        text: "Dunkerque".into(),
        country: Some("FR".into()),
        region: Some("32".into()),
        departement: Some("59".into()),
        commune: Some("59183".into()),
    };
    let a1 = article(
        "https://a.example/msft",
        "2024-05-13",
        "Microsoft va investir 4 milliards d'euros dans ses centres de données à Mulhouse.",
    );
    let a2 = article(
        "https://b.example/msft",
        "2024-05-14",
        "Microsoft annonce 4,1 milliards d'euros pour le cloud et l'IA en France.",
    );
    let a3 = article(
        "https://c.example/prologium",
        "2023-05-12",
        "ProLogium construira une gigafactory à Dunkerque pour 5,2 milliards d'euros.",
    );
    let a4 = article(
        "https://d.example/amazon",
        "2024-06-11",
        "Amazon will invest 1.3 billion dollars in logistics in France.",
    );
    let batch = vec![
        (
            a1.clone(),
            vec![event(
                &a1,
                "Microsoft",
                4e9,
                "EUR",
                Some(mulhouse),
                Sector::DatacenterCloud,
            )],
        ),
        (
            a2.clone(),
            vec![event(&a2, "Microsoft", 4.1e9, "EUR", None, Sector::Ai)],
        ),
        (
            a3.clone(),
            vec![event(
                &a3,
                "ProLogium",
                5.2e9,
                "EUR",
                Some(dunkerque),
                Sector::BatteriesEv,
            )],
        ),
        (
            a4.clone(),
            vec![event(&a4, "Amazon", 1.3e9, "USD", None, Sector::Logistics)],
        ),
    ];
    let mut st = vigie_store::Store::open(&path).expect("open");
    st.ingest_batch(&batch).expect("ingest");
    path
}

fn vigie() -> Command {
    let mut c = Command::cargo_bin("vigie").expect("binary");
    c.env_remove("VIGIE_DB");
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("utf8")
}

fn jsonl(s: &str) -> Vec<Event> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("contract record"))
        .collect()
}

#[test]
fn events_lists_filters_and_formats() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = build(dir.path());
    let table = stdout(vigie().args(["events", "--db"]).arg(&db));
    assert!(table.starts_with("ID "), "{table}");
    assert!(
        table.contains("Microsoft") && table.contains("ProLogium"),
        "{table}"
    );
    assert!(table.contains("of 3 events"), "{table}");

    let all = jsonl(&stdout(
        vigie()
            .args(["events", "--format", "jsonl", "--db"])
            .arg(&db),
    ));
    assert_eq!(all.len(), 3);
    let msft = all
        .iter()
        .find(|e| e.sources.len() == 2)
        .expect("merged event");
    assert_eq!(
        msft.investor.as_ref().map(|o| o.canonical.as_str()),
        Some("Microsoft")
    );

    // VIGIE_DB instead of --db; filters; sort.
    let out = stdout(vigie().env("VIGIE_DB", &db).args([
        "events",
        "--format",
        "jsonl",
        "--sector",
        "batteries_ev",
        "--region",
        "32",
    ]));
    assert_eq!(jsonl(&out).len(), 1);
    let out = stdout(vigie().env("VIGIE_DB", &db).args([
        "events", "--format", "jsonl", "--sort", "eur", "--desc", "--limit", "1",
    ]));
    assert_eq!(
        jsonl(&out)[0]
            .investor
            .as_ref()
            .map(|o| o.canonical.clone()),
        Some("ProLogium".into())
    );
    let out = stdout(vigie().env("VIGIE_DB", &db).args([
        "events",
        "--format",
        "jsonl",
        "--search",
        "gigafactory",
    ]));
    assert_eq!(jsonl(&out).len(), 1);
    let out = stdout(vigie().env("VIGIE_DB", &db).args([
        "events",
        "--format",
        "jsonl",
        "--since",
        "2024",
        "--until",
        "2024-05",
        "--min-eur",
        "1e9",
    ]));
    assert_eq!(jsonl(&out).len(), 1);
    let csv = stdout(
        vigie()
            .env("VIGIE_DB", &db)
            .args(["events", "--format", "csv"]),
    );
    assert!(
        csv.starts_with("id,kind,status,published,investor,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);

    // Bad input: clear one-line errors, failure status.
    vigie()
        .env("VIGIE_DB", &db)
        .args(["events", "--kind", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--kind"));
    vigie()
        .args(["events", "--db"])
        .arg(dir.path().join("missing.db"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("missing.db"));
}

#[test]
fn show_and_explain_an_event() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = build(dir.path());
    let all = jsonl(&stdout(
        vigie()
            .args([
                "events",
                "--format",
                "jsonl",
                "--investor",
                "microsoft",
                "--db",
            ])
            .arg(&db),
    ));
    let id = all[0].id.clone();
    let text = stdout(vigie().args(["show", &id, "--db"]).arg(&db));
    assert!(text.contains("Microsoft va investir 4 milliards"), "{text}");
    assert!(text.contains("https://b.example/msft"), "{text}");
    assert!(text.contains("sources (2)"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&stdout(
        vigie()
            .args(["show", &id, "--format", "json", "--db"])
            .arg(&db),
    ))
    .expect("json");
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(2));
    vigie()
        .args(["show", "evt_nope", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("evt_nope"));

    let ex = stdout(vigie().args(["resolve", "--explain", &id, "--db"]).arg(&db));
    assert!(ex.contains("rule: seed"), "{ex}");
    assert!(ex.contains("rule: amount"), "{ex}");
    let re = stdout(vigie().args(["resolve", "--db"]).arg(&db));
    assert!(re.contains("4 mentions resolved into 3 events"), "{re}");
    // Same ids after a full re-resolution.
    let again = jsonl(&stdout(
        vigie()
            .args([
                "events",
                "--format",
                "jsonl",
                "--investor",
                "microsoft",
                "--db",
            ])
            .arg(&db),
    ));
    assert_eq!(again[0].id, id);
}

#[test]
fn stats_and_exports() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = build(dir.path());
    let table = stdout(vigie().args(["stats", "--db"]).arg(&db));
    assert!(table.starts_with("3 events"), "{table}");
    assert!(table.contains("By sector"), "{table}");
    let s: serde_json::Value = serde_json::from_str(&stdout(
        vigie()
            .args(["stats", "--format", "json", "--region", "32", "--db"])
            .arg(&db),
    ))
    .expect("json");
    assert_eq!(s["events"], 1);
    assert_eq!(s["by_departement"][0]["key"], "59");

    let pq = dir.path().join("ledger.parquet");
    vigie()
        .args(["export", "--format", "parquet", "-o"])
        .arg(&pq)
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stderr(predicate::str::contains("3 events written"));
    let bytes = std::fs::read(&pq).expect("parquet file");
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let jl = dir.path().join("ledger.jsonl");
    vigie()
        .args(["export", "--format", "jsonl", "--investor", "amazon", "-o"])
        .arg(&jl)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    assert_eq!(
        jsonl(&std::fs::read_to_string(&jl).expect("jsonl")).len(),
        1
    );
    let csv = stdout(
        vigie()
            .args(["export", "--format", "csv", "-o", "-", "--db"])
            .arg(&db),
    );
    assert_eq!(csv.lines().count(), 4);
    vigie()
        .args(["export", "--format", "parquet", "-o", "-", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("Parquet needs a file"));
}

#[test]
fn rates_update_and_convert() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = build(dir.path());
    let amazon_eur = |db: &Path| {
        let e = jsonl(&stdout(
            vigie()
                .args([
                    "events",
                    "--format",
                    "jsonl",
                    "--investor",
                    "Amazon",
                    "--db",
                ])
                .arg(db),
        ));
        e[0].amount.as_ref().and_then(|a| a.eur)
    };
    // Converted at the article's date with the compiled-in ECB rates.
    let before = amazon_eur(&db).expect("converted");
    assert!(before > 1.1e9 && before < 1.3e9, "{before}");
    let embedded = stdout(
        vigie()
            .args(["rates", "convert", "100", "USD", "2024-06-11", "--db"])
            .arg(&db),
    );
    let embedded: f64 = embedded.trim().parse().expect("number");
    assert!(embedded > 85.0 && embedded < 100.0);

    let csv = dir.path().join("eurofxref-hist.csv");
    std::fs::write(
        &csv,
        "Date,USD,JPY,\n2024-06-11,2.0,100,\n2024-06-10,2.0,100,\n",
    )
    .expect("write");
    let out = stdout(
        vigie()
            .args(["rates", "update"])
            .arg(&csv)
            .arg("--db")
            .arg(&db),
    );
    assert!(out.contains("4 rates loaded"), "{out}");
    assert_eq!(amazon_eur(&db), Some(6.5e8));
    let conv = stdout(
        vigie()
            .args(["rates", "convert", "100", "USD", "--db"])
            .arg(&db),
    );
    assert_eq!(conv.trim(), "50.00");
    let info = stdout(vigie().args(["rates", "info", "--db"]).arg(&db));
    assert!(info.contains("latest 2024-06-11"), "{info}");

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "hello\n").expect("write");
    vigie()
        .args(["rates", "update"])
        .arg(&bad)
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.csv"));
}

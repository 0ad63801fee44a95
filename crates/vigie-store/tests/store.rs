//! The ledger's storage: idempotent ingestion, migrations, queries, exports.

mod common;

use common::*;
use vigie_model::{Kind, Sector};
use vigie_store::{schema, EventQuery, SortKey, Store, StoreError};

fn sample() -> Vec<(vigie_model::Article, Vec<vigie_model::Event>)> {
    vec![
        item(Spec {
            source: "https://a.example/msft",
            text:
                "Microsoft va investir 4 milliards d'euros dans des centres de données à Mulhouse.",
            places: vec![commune("Mulhouse", "44", "68", "68224")],
            sectors: vec![Sector::DatacenterCloud, Sector::Ai],
            jobs: Some(3000),
            ..Spec::default()
        }),
        item(Spec {
            source: "https://b.example/prologium",
            date: "2023-05-12",
            text:
                "ProLogium construira une gigafactory de batteries à Dunkerque pour 5,2 milliards.",
            investor: "ProLogium",
            amount: Some(5.2e9),
            places: vec![commune("Dunkerque", "32", "59", "59183")],
            sectors: vec![Sector::BatteriesEv],
            jobs: Some(3000),
            ..Spec::default()
        }),
        item(Spec {
            source: "https://c.example/mistral",
            date: "2024-06-11",
            text: "Mistral AI lève 600 millions d'euros auprès de General Catalyst.",
            investor: "General Catalyst",
            amount: Some(6e8),
            kind: Kind::Equity,
            sectors: vec![Sector::Ai],
            ..Spec::default()
        }),
        item(Spec {
            source: "https://d.example/sanofi",
            date: "2024-05-13",
            text: "Sanofi investit 1 milliard d'euros à Vitry-sur-Seine et au Trait.",
            investor: "Sanofi",
            amount: Some(1e9),
            places: vec![
                commune("Vitry-sur-Seine", "11", "94", "94081"),
                commune("Le Trait", "28", "76", "76709"),
            ],
            sectors: vec![Sector::PharmaHealth],
            ..Spec::default()
        }),
    ]
}

fn q() -> EventQuery {
    EventQuery {
        limit: 0,
        desc: false,
        ..EventQuery::default()
    }
}

fn ids(st: &Store, q: &EventQuery) -> Vec<String> {
    st.events(q)
        .expect("events")
        .events
        .into_iter()
        .map(|e| e.investor.map(|o| o.canonical).unwrap_or_default())
        .collect()
}

fn snapshot(st: &Store) -> Vec<vigie_model::Event> {
    st.events(&q()).expect("events").events
}

#[test]
fn reingesting_changes_nothing() {
    let (_d, mut st) = store();
    let first = st.ingest_batch(&sample()).expect("first");
    assert_eq!(first.articles_new, 4);
    let before = snapshot(&st);
    let again = st.ingest_batch(&sample()).expect("again");
    assert_eq!(again.articles_new, 0);
    assert_eq!(again.articles_known, 4);
    assert_eq!(again.mentions, 0);
    // Same text under another URL (a mirror) is the same article.
    let mut mirror = sample();
    mirror[0].0.source = "https://mirror.example/msft".into();
    let m = st.ingest_batch(&mirror[..1]).expect("mirror");
    assert_eq!(m.articles_known, 1);
    // Same URL, text changed (e.g. a re-crawl with another boilerplate): known.
    let mut recrawl = sample();
    recrawl[1].0.text.push_str(" Mis à jour.");
    assert!(st
        .article_known(&recrawl[1].0.source, &recrawl[1].0.text)
        .expect("known"));
    assert!(!st
        .article_known("https://new.example", "new text")
        .expect("known"));
    assert_eq!(snapshot(&st), before);
    let n: i64 = st
        .connection()
        .query_row("SELECT count(*) FROM mentions", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 4);
    let langs: Vec<Option<String>> = st
        .connection()
        .prepare("SELECT lang FROM articles ORDER BY id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(langs[0].as_deref(), Some("fr"));
}

#[test]
fn filters_sort_and_page() {
    let (_d, mut st) = store();
    st.ingest_batch(&sample()).expect("ingest");
    let by = |f: EventQuery| ids(&st, &f);
    assert_eq!(
        by(EventQuery {
            investor: Some("microsoft FRANCE".into()),
            ..q()
        }),
        ["Microsoft"]
    );
    assert_eq!(
        by(EventQuery {
            investor: Some("prologium".into()),
            ..q()
        }),
        ["ProLogium"]
    );
    assert_eq!(
        by(EventQuery {
            region: Some("32".into()),
            ..q()
        }),
        ["ProLogium"]
    );
    // A multi-site event is found by each of its départements.
    assert_eq!(
        by(EventQuery {
            departement: Some("76".into()),
            ..q()
        }),
        ["Sanofi"]
    );
    assert_eq!(
        by(EventQuery {
            departement: Some("94".into()),
            ..q()
        }),
        ["Sanofi"]
    );
    assert_eq!(
        by(EventQuery {
            sector: Some("ai".into()),
            sort: SortKey::Eur,
            ..q()
        }),
        ["General Catalyst", "Microsoft"]
    );
    assert_eq!(
        by(EventQuery {
            kind: Some("equity".into()),
            ..q()
        }),
        ["General Catalyst"]
    );
    assert!(by(EventQuery {
        status: Some("cancelled".into()),
        ..q()
    })
    .is_empty());
    assert_eq!(
        by(EventQuery {
            since: Some("2024-05".into()),
            until: Some("2024-05".into()),
            sort: SortKey::Investor,
            ..q()
        }),
        ["Microsoft", "Sanofi"]
    );
    assert_eq!(
        by(EventQuery {
            until: Some("2023".into()),
            ..q()
        }),
        ["ProLogium"]
    );
    assert_eq!(
        by(EventQuery {
            min_eur: Some(4e9),
            sort: SortKey::Eur,
            desc: true,
            ..q()
        }),
        ["ProLogium", "Microsoft"]
    );
    assert_eq!(
        by(EventQuery {
            country: Some("fr".into()),
            search: Some("gigafactory".into()),
            ..q()
        }),
        ["ProLogium"]
    );
    // Accents folded; apostrophes do not break the query.
    assert_eq!(
        by(EventQuery {
            search: Some("données d'euros".into()),
            ..q()
        }),
        ["Microsoft"]
    );
    // Paging: total counts all matches.
    let page = st
        .events(&EventQuery {
            limit: 2,
            offset: 1,
            ..q()
        })
        .expect("page");
    assert_eq!(page.total, 4);
    assert_eq!(page.events.len(), 2);
    assert_eq!(
        page.events[0].published.as_deref(),
        Some("2024-05-13"),
        "sorted by date ascending"
    );
    // Bad filters are clear errors.
    for bad in [
        EventQuery {
            kind: Some("nope".into()),
            ..q()
        },
        EventQuery {
            since: Some("13/05/2024".into()),
            ..q()
        },
        EventQuery {
            search: Some("\"unbalanced".into()),
            ..q()
        },
    ] {
        match st.events(&bad) {
            Err(StoreError::Invalid(msg)) => assert!(!msg.is_empty()),
            other => panic!("expected a clear error for {bad:?}, got {other:?}"),
        }
    }
}

#[test]
fn stats_totals_and_breakdowns() {
    let (_d, mut st) = store();
    st.ingest_batch(&sample()).expect("ingest");
    let s = st.stats(&EventQuery::default()).expect("stats");
    assert_eq!(s.events, 4);
    assert!((s.eur - 10.8e9).abs() < 1.0, "{}", s.eur);
    assert_eq!(s.jobs, 6000);
    let ai = s.by_sector.iter().find(|b| b.key == "ai").expect("ai");
    assert_eq!(ai.events, 2);
    assert_eq!(s.by_region.iter().map(|b| b.events).sum::<u64>(), 4);
    assert_eq!(s.by_departement.len(), 4);
    assert_eq!(
        s.by_investor.first().map(|b| b.label.as_str()),
        Some("ProLogium")
    );
    assert_eq!(
        s.by_month
            .iter()
            .map(|b| b.key.as_str())
            .collect::<Vec<_>>(),
        ["2023-05", "2024-05", "2024-06"]
    );
    let f = st
        .stats(&EventQuery {
            sector: Some("ai".into()),
            ..EventQuery::default()
        })
        .expect("stats");
    assert_eq!(f.events, 2);
    assert_eq!(f.by_sector.len(), 2, "{:?}", f.by_sector);
    assert_eq!(f.by_region.len(), 1);
    assert_eq!(f.by_region[0].label, "Grand Est");
}

#[test]
fn stats_cache_sees_writes_from_this_and_other_connections() {
    let (dir, mut st) = store();
    let batch = sample();
    st.ingest_batch(&batch[..2]).expect("ingest");
    let ro = Store::open_read_only(&dir.path().join("t.db")).expect("ro");
    assert_eq!(ro.stats(&EventQuery::default()).expect("stats").events, 2);
    assert_eq!(st.stats(&EventQuery::default()).expect("stats").events, 2);
    st.ingest_batch(&batch[2..]).expect("ingest more");
    assert_eq!(
        st.stats(&EventQuery::default()).expect("own write").events,
        4
    );
    assert_eq!(
        ro.stats(&EventQuery::default())
            .expect("other writer")
            .events,
        4
    );
}

#[test]
fn event_detail_has_articles_and_offsets() {
    let (_d, mut st) = store();
    st.ingest_batch(&sample()).expect("ingest");
    let e = snapshot(&st).remove(0);
    let d = st.event(&e.id).expect("event").expect("some");
    assert_eq!(d.articles.len(), 1);
    let ev = &d.event.evidence[0];
    assert_eq!(&d.articles[0].text[ev.start..ev.end], ev.sentence);
    assert_eq!(d.mentions.len(), 1);
    assert!(st.event("evt_nope").expect("ok").is_none());
    assert!(st.explain("evt_nope").expect("ok").is_none());
}

#[test]
fn migrates_an_old_database_forward() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        assert_eq!(schema::migrate_to(&mut conn, 1).expect("v1"), 1);
        conn.execute(
            "INSERT INTO articles (doc, source, hash, text, ingested_at)
             VALUES ('doc_1', 'old.txt', 'doc_1', 'old text', '2024-01-01T00:00:00Z')",
            [],
        )
        .expect("insert");
        conn.execute(
            "INSERT INTO events (id, kind, status, n_sources, json) VALUES ('evt_old', 'capex', 'announced', 1, '{}')",
            [],
        )
        .expect("insert event");
    }
    // A reader refuses an old schema with a clear message.
    let err = Store::open_read_only(&path).expect_err("old schema");
    assert!(err.to_string().contains("schema version 1"), "{err}");
    let st = Store::open(&path).expect("migrate");
    assert_eq!(
        schema::version(st.connection()).expect("v"),
        schema::latest()
    );
    assert!(st.article_known("old.txt", "").expect("known"));
    let n: i64 = st
        .connection()
        .query_row("SELECT count(*) FROM rates", [], |r| r.get(0))
        .expect("rates table");
    assert_eq!(n, 0);
    // Step 4 moved the JSON out of `events`.
    let moved: String = st
        .connection()
        .query_row(
            "SELECT j.json FROM event_json j JOIN events e ON e.rowid = j.event WHERE e.id = 'evt_old'",
            [],
            |r| r.get(0),
        )
        .expect("moved json");
    assert_eq!(moved, "{}");
    drop(st);
    // Opening again is a no-op; a newer schema is refused.
    let st = Store::open(&path).expect("reopen");
    st.connection()
        .pragma_update(None, "user_version", schema::latest() + 1)
        .expect("bump");
    drop(st);
    assert!(matches!(Store::open(&path), Err(StoreError::TooNew { .. })));
}

#[test]
fn read_only_store_refuses_writes_and_missing_files() {
    let (dir, mut st) = store();
    st.ingest_batch(&sample()).expect("ingest");
    let mut ro = Store::open_read_only(&dir.path().join("t.db")).expect("ro");
    assert_eq!(ro.events(&q()).expect("events").total, 4);
    assert!(matches!(
        ro.ingest_batch(&sample()),
        Err(StoreError::ReadOnly)
    ));
    let err = Store::open_read_only(&dir.path().join("missing.db")).expect_err("missing");
    assert!(err.to_string().contains("missing.db"), "{err}");
}

#[test]
fn rates_loaded_into_the_database_are_preferred() {
    let (_d, mut st) = store();
    let mut batch = sample();
    if let Some(a) = batch[2].1[0].amount.as_mut() {
        a.currency = Some("USD".into());
        a.eur = None;
    }
    st.ingest_batch(&batch).expect("ingest");
    let usd = |st: &Store| {
        st.events(&EventQuery {
            kind: Some("equity".into()),
            ..q()
        })
        .expect("events")
        .events[0]
            .amount
            .as_ref()
            .and_then(|a| a.eur)
    };
    // Embedded ECB rate of 2024-06-11.
    let embedded = usd(&st).expect("converted");
    let r = vigie_store::Rates::embedded()
        .rate("USD", Some("2024-06-11"))
        .expect("rate");
    assert!((embedded - 6e8 / r).abs() < 1.0, "{embedded}");
    let rates = vigie_store::Rates::from_csv("Date,USD\n2024-06-10,2.0\n").expect("csv");
    st.load_rates(&rates).expect("load");
    assert_eq!(usd(&st), Some(3e8));
    assert_eq!(st.rates().rate("USD", None), Some(2.0));
}

#[test]
fn exports_read_back() {
    let (dir, mut st) = store();
    st.ingest_batch(&sample()).expect("ingest");
    // JSONL: the contract records.
    let mut buf = Vec::new();
    let n = vigie_store::export::write_jsonl(&st, &q(), &mut buf).expect("jsonl");
    assert_eq!(n, 4);
    let back: Vec<vigie_model::Event> = String::from_utf8(buf)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("event"))
        .collect();
    assert_eq!(back, snapshot(&st));
    // CSV with the csv crate.
    let mut buf = Vec::new();
    vigie_store::export::write_csv(&st, &q(), &mut buf).expect("csv");
    let mut rd = csv::Reader::from_reader(buf.as_slice());
    let headers = rd.headers().expect("headers").clone();
    assert_eq!(headers.len(), vigie_store::export::COLUMNS.len());
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 4);
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let sanofi = rows
        .iter()
        .find(|r| &r[col("investor_canonical")] == "Sanofi")
        .expect("sanofi");
    assert_eq!(&sanofi[col("eur")], "1000000000");
    assert_eq!(&sanofi[col("departements")], "94; 76");
    // Parquet with the parquet crate.
    #[cfg(feature = "parquet")]
    {
        use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
        let path = dir.path().join("out.parquet");
        let f = std::fs::File::create(&path).expect("create");
        vigie_store::export::write_parquet(&st, &q(), f).expect("parquet");
        let f = std::fs::File::open(&path).expect("open");
        let reader = ParquetRecordBatchReaderBuilder::try_new(f)
            .expect("parquet file")
            .build()
            .expect("reader");
        let mut rows = 0;
        let mut eur_sum = 0.0;
        for batch in reader {
            let batch = batch.expect("batch");
            rows += batch.num_rows();
            let eur = batch
                .column_by_name("eur")
                .expect("eur column")
                .as_any()
                .downcast_ref::<arrow_array::Float64Array>()
                .expect("f64");
            eur_sum += eur.iter().flatten().sum::<f64>();
            let ids = batch
                .column_by_name("id")
                .expect("id")
                .as_any()
                .downcast_ref::<arrow_array::StringArray>()
                .expect("utf8");
            assert!(ids.iter().all(|i| i.is_some_and(|i| i.starts_with("evt_"))));
        }
        assert_eq!(rows, 4);
        assert!((eur_sum - 10.8e9).abs() < 1.0);
    }
    let _ = dir;
}

#[test]
fn store_is_send_for_worker_threads() {
    fn send<T: Send>() {}
    send::<Store>();
    send::<vigie_store::Stats>();
}

//! Scale check, ignored by default (slow; numbers, not assertions on time):
//!
//! ```text
//! cargo test -p vigie-store --release --test scale -- --ignored --nocapture
//! ```
//!
//! Prints: in-memory resolution of 100,000 mentions; ingest throughput into
//! an on-disk database; query latencies (p50/p99) on a ledger of ~100,000
//! events. The speed targets themselves live in `benches/ledger.rs`.

use std::time::{Duration, Instant};

use vigie_store::resolve::{Mention, Resolver};
use vigie_store::{EventQuery, SortKey, Store};

fn pct(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or_default()
}

fn time<F: FnMut()>(n: usize, mut f: F) -> (Duration, Duration) {
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        f();
        v.push(t.elapsed());
    }
    (pct(v.clone(), 0.5), pct(v, 0.99))
}

#[test]
#[ignore]
fn scale_numbers() {
    // 1. Resolution alone, in memory.
    let corpus = vigie_store::synth::corpus(100_000, 1);
    let mentions: Vec<Mention> = corpus
        .iter()
        .enumerate()
        .map(|(i, (a, evs))| Mention {
            id: i as i64,
            article: i as i64,
            doc: a.doc.clone(),
            ordinal: 0,
            event: evs[0].clone(),
        })
        .collect();
    let t = Instant::now();
    let mut r = Resolver::new();
    for m in mentions {
        r.add(m);
    }
    let el = t.elapsed();
    println!(
        "resolution: 100000 mentions -> {} events in {:.2} s ({:.1} µs/mention)",
        r.clusters.len(),
        el.as_secs_f64(),
        el.as_secs_f64() * 1e6 / 100_000.0
    );

    // 2. Ingest into an on-disk database, batches of 500 articles
    //    ($VIGIE_SCALE_DB keeps it; an existing one skips this step).
    let dir = tempfile::tempdir().expect("tmp");
    let path = std::env::var_os("VIGIE_SCALE_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("scale.db"));
    let reuse = path.exists();
    let mut st = Store::open(&path).expect("open");
    let big = vigie_store::synth::corpus(250_000, 2);
    let t = Instant::now();
    for chunk in big.chunks(500) {
        if reuse {
            break;
        }
        st.ingest_batch(chunk).expect("batch");
    }
    let el = t.elapsed();
    let events = st.stats(&EventQuery::default()).expect("stats").events;
    println!(
        "ingest: {} articles ({} mentions) -> {} events in {:.1} s = {:.0} articles/s (batches of 500, DB on disk, {} MB)",
        big.len(),
        big.len(),
        events,
        el.as_secs_f64(),
        big.len() as f64 / el.as_secs_f64(),
        std::fs::metadata(&path).map(|m| m.len() / 1_000_000).unwrap_or(0)
    );
    drop(st);

    // 3. Queries on the ledger, read-only connection.
    let ro = Store::open_read_only(&path).expect("ro");
    let cases: Vec<(&str, EventQuery)> = vec![
        ("first page, newest first", EventQuery::default()),
        (
            "region + sector, by EUR",
            EventQuery {
                region: Some("32".into()),
                sector: Some("energy".into()),
                sort: SortKey::Eur,
                ..EventQuery::default()
            },
        ),
        (
            "investor",
            EventQuery {
                investor: Some("investor 00042".into()),
                ..EventQuery::default()
            },
        ),
        (
            "since + min_eur, page 10",
            EventQuery {
                since: Some("2024-01-01".into()),
                min_eur: Some(1e8),
                offset: 500,
                ..EventQuery::default()
            },
        ),
        (
            "full-text search",
            EventQuery {
                search: Some("Dunkerque".into()),
                ..EventQuery::default()
            },
        ),
    ];
    for (name, q) in &cases {
        let (p50, p99) = time(50, || {
            ro.events(q).expect("events");
        });
        println!("events [{name}]: p50 {p50:.1?}, p99 {p99:.1?}");
    }
    for (name, q) in &cases {
        let (p50, p99) = time(20, || {
            ro.stats_uncached(q).expect("stats");
        });
        println!("stats uncached [{name}]: p50 {p50:.1?}, p99 {p99:.1?}");
    }
    for (name, q) in &cases {
        let (p50, p99) = time(20, || {
            ro.stats(q).expect("stats");
        });
        println!("stats cached [{name}]: p50 {p50:.1?}, p99 {p99:.1?}");
    }
    let id = ro.events(&EventQuery::default()).expect("page").events[0]
        .id
        .clone();
    let (p50, p99) = time(100, || {
        ro.event(&id).expect("event");
    });
    println!("event(id): p50 {p50:.1?}, p99 {p99:.1?}");
}

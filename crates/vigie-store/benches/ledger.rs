//! Ledger benchmarks: resolution, ingest throughput, query latency.
//!
//! ```text
//! cargo bench -p vigie-store --bench ledger
//! VIGIE_BENCH_DB=/tmp/ledger100k.db cargo bench -p vigie-store --bench ledger -- query
//! ```
//!
//! Targets (2 cores): resolution near-linear (< 20 µs per mention);
//! a filtered page and `stats` p99 < 50 ms on ~100,000 events.
//! `VIGIE_BENCH_DB` keeps the 100k-event database between runs (it is built
//! from `synth::corpus(250_000, 2)` when the file does not exist).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use vigie_store::resolve::{Mention, Resolver};
use vigie_store::{EventQuery, SortKey, Store};

fn mentions(n: usize, seed: u64) -> Vec<Mention> {
    vigie_store::synth::corpus(n, seed)
        .into_iter()
        .enumerate()
        .map(|(i, (a, mut evs))| Mention {
            id: i as i64,
            article: i as i64,
            doc: a.doc,
            ordinal: 0,
            event: evs.remove(0),
        })
        .collect()
}

fn resolve(c: &mut Criterion) {
    let mut g = c.benchmark_group("resolve");
    g.sample_size(10);
    for n in [10_000usize, 100_000] {
        let ms = mentions(n, 1);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("{n}_mentions"), |b| {
            b.iter_batched(
                || ms.clone(),
                |ms| {
                    let mut r = Resolver::new();
                    for m in ms {
                        r.add(m);
                    }
                    r.clusters.len()
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

fn ingest(c: &mut Criterion) {
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    let corpus = vigie_store::synth::corpus(2_000, 3);
    g.throughput(Throughput::Elements(corpus.len() as u64));
    g.bench_function("2000_articles_disk_batches_of_500", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("tmp"),
            |dir| {
                let mut st = Store::open(&dir.path().join("b.db")).expect("open");
                for chunk in corpus.chunks(500) {
                    st.ingest_batch(chunk).expect("batch");
                }
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn ledger_db() -> (Option<tempfile::TempDir>, PathBuf) {
    let (dir, path) = match std::env::var_os("VIGIE_BENCH_DB") {
        Some(p) => (None, PathBuf::from(p)),
        None => {
            let d = tempfile::tempdir().expect("tmp");
            let p = d.path().join("ledger.db");
            (Some(d), p)
        }
    };
    if !path.exists() {
        let mut st = Store::open(&path).expect("open");
        for chunk in vigie_store::synth::corpus(250_000, 2).chunks(1000) {
            st.ingest_batch(chunk).expect("batch");
        }
    }
    (dir, path)
}

fn query(c: &mut Criterion) {
    let (_dir, path) = ledger_db();
    let st = Store::open_read_only(&path).expect("ro");
    let mut g = c.benchmark_group("query_100k");
    g.sample_size(30);
    g.measurement_time(Duration::from_secs(3));
    let cases: Vec<(&str, EventQuery)> = vec![
        ("page_newest", EventQuery::default()),
        (
            "page_region_sector_by_eur",
            EventQuery {
                region: Some("32".into()),
                sector: Some("energy".into()),
                sort: SortKey::Eur,
                ..EventQuery::default()
            },
        ),
        (
            "page_since_min_eur_offset_500",
            EventQuery {
                since: Some("2024-01-01".into()),
                min_eur: Some(1e8),
                offset: 500,
                ..EventQuery::default()
            },
        ),
        (
            "page_search",
            EventQuery {
                search: Some("Dunkerque".into()),
                ..EventQuery::default()
            },
        ),
    ];
    for (name, q) in &cases {
        g.bench_function(*name, |b| b.iter(|| st.events(q).expect("events").total));
    }
    g.bench_function("stats_all", |b| {
        b.iter(|| st.stats(&EventQuery::default()).expect("stats").events)
    });
    let region = EventQuery {
        region: Some("32".into()),
        ..EventQuery::default()
    };
    g.bench_function("stats_region", |b| {
        b.iter(|| st.stats(&region).expect("stats").events)
    });
    let id = st.events(&EventQuery::default()).expect("page").events[0]
        .id
        .clone();
    g.bench_function("event_by_id", |b| b.iter(|| st.event(&id).expect("event")));
    g.finish();
}

criterion_group!(benches, resolve, ingest, query);
criterion_main!(benches);

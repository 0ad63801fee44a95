//! Load benchmark: fills a ledger with synthetic events through the store API
//! (100,000 by default), starts the server on 127.0.0.1 and fires a bounded
//! number of requests at a filtered `/api/events` page and at `/api/stats`
//! from concurrent keep-alive HTTP/1.1 clients, then prints requests per
//! second and latency percentiles. Target: p99 < 50 ms for both.
//!
//!   cargo bench -p vigie-server --bench load
//!   LOAD_EVENTS=100000 LOAD_REQUESTS=2000 LOAD_COLD_REQUESTS=200 LOAD_CLIENTS=8 cargo bench -p vigie-server --bench load
//!
//! It runs each load twice: against a server without the answer cache (so
//! every request runs the store's SQL) and against the default server (the
//! first request of each distinct query fills the cache).
//!
//! The database is cached in target/load-<N>.db between runs.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use vigie_model::{
    Article, Event, Evidence, Jobs, Kind, Money, Org, Place, Qualifier, Sector, Status,
};
use vigie_store::{EventQuery, Store};

const REGIONS: &[(&str, &[&str])] = &[
    ("11", &["75", "77", "78", "91", "92", "93", "94", "95"]),
    ("24", &["18", "28", "36", "37", "41", "45"]),
    ("27", &["21", "25", "39", "58", "70", "71", "89", "90"]),
    ("28", &["14", "27", "50", "61", "76"]),
    ("32", &["02", "59", "60", "62", "80"]),
    (
        "44",
        &["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
    ),
    ("52", &["44", "49", "53", "72", "85"]),
    ("53", &["22", "29", "35", "56"]),
    (
        "75",
        &[
            "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87",
        ],
    ),
    (
        "76",
        &[
            "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82",
        ],
    ),
    (
        "84",
        &[
            "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
        ],
    ),
    ("93", &["04", "05", "06", "13", "83", "84"]),
    ("94", &["2A", "2B"]),
];

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: deterministic synthetic data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn synthetic(i: usize, rng: &mut Rng) -> (Article, Vec<Event>) {
    let (region, deps) = REGIONS[rng.below(REGIONS.len())];
    let dep = deps[rng.below(deps.len())];
    let investor = format!("Groupe {:05}", rng.below(5000));
    let sector = Sector::ALL[rng.below(Sector::ALL.len())];
    let kind = [
        Kind::Capex,
        Kind::Capex,
        Kind::Capex,
        Kind::Equity,
        Kind::Acquisition,
        Kind::PublicFunding,
    ][rng.below(6)];
    let year = 2015 + rng.below(11);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let date = format!("{year}-{month:02}-{day:02}");
    // Distinct amounts so that no two synthetic events resolve into one.
    let eur = (1_000_000 + i as u64 * 7_919 + rng.below(1_000) as u64 * 1_000_000) as f64;
    let sentence = format!(
        "{investor} investira {:.1} millions d'euros dans le département {dep} (projet n° {i}).",
        eur / 1e6
    );
    let text = format!("Article synthétique {i}.\n\n{sentence}\n\nFin de l'article.");
    let start = text.find(&sentence).unwrap_or(0);
    let mut a = Article::new(format!("https://synthetic.example/{i}"), text);
    a.published = Some(date.clone());
    a.title = Some(format!("Projet {i}"));
    let e = Event {
        id: String::new(),
        kind,
        investor: Some(Org {
            name: investor.clone(),
            canonical: investor,
            country: Some("FR".into()),
        }),
        recipient: None,
        amount: Some(Money {
            value: eur,
            currency: Some("EUR".into()),
            qualifier: Qualifier::Exact,
            max: None,
            eur: Some(eur),
        }),
        places: vec![Place {
            text: format!("département {dep}"),
            country: Some("FR".into()),
            region: Some(region.into()),
            departement: Some(dep.into()),
            commune: None,
        }],
        country: Some("FR".into()),
        sectors: vec![sector],
        jobs: (rng.below(3) == 0).then(|| Jobs {
            value: 10 + rng.below(2000) as u64,
            qualifier: Qualifier::Exact,
        }),
        horizon: None,
        status: Status::Announced,
        published: Some(date),
        confidence: 0.8,
        evidence: vec![Evidence {
            doc: a.doc.clone(),
            sentence: sentence.clone(),
            start,
            end: start + sentence.len(),
        }],
        sources: vec![a.source.clone()],
    };
    (a, vec![e])
}

fn build_db(path: &PathBuf, n: usize) -> Result<(), Box<dyn std::error::Error>> {
    if path.exists() {
        if let Ok(s) = Store::open_read_only(path) {
            let q = EventQuery {
                limit: 1,
                ..EventQuery::default()
            };
            if s.events(&q).map(|p| p.total as usize).unwrap_or(0) >= n {
                eprintln!("using cached {}", path.display());
                return Ok(());
            }
        }
        std::fs::remove_file(path)?;
        let _ = std::fs::remove_file(path.with_extension("db-wal"));
        let _ = std::fs::remove_file(path.with_extension("db-shm"));
    }
    let t = Instant::now();
    let mut store = Store::open(path)?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut batch = Vec::with_capacity(1000);
    for i in 0..n {
        batch.push(synthetic(i, &mut rng));
        if batch.len() == 1000 || i + 1 == n {
            store.ingest_batch(&batch)?;
            batch.clear();
        }
    }
    eprintln!(
        "filled {} with {n} events in {:.1} s",
        path.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

struct Report {
    name: &'static str,
    requests: usize,
    elapsed: Duration,
    lat: Vec<Duration>,
    errors: usize,
}

impl Report {
    fn pct(&self, p: f64) -> f64 {
        if self.lat.is_empty() {
            return f64::NAN;
        }
        let i = ((self.lat.len() as f64 * p).ceil() as usize).clamp(1, self.lat.len()) - 1;
        self.lat[i].as_secs_f64() * 1e3
    }
    fn print(&self) {
        let p99 = self.pct(0.99);
        println!(
            "{:<34} {:>6} req {:>9.0} req/s   p50 {:>6.2} ms   p90 {:>6.2} ms   p99 {:>6.2} ms   max {:>7.2} ms   errors {}   {}",
            self.name,
            self.requests,
            self.requests as f64 / self.elapsed.as_secs_f64(),
            self.pct(0.5),
            self.pct(0.9),
            p99,
            self.pct(1.0),
            self.errors,
            if p99 < 50.0 && self.errors == 0 { "OK (< 50 ms)" } else { "OVER TARGET" }
        );
    }
}

async fn fire(
    addr: std::net::SocketAddr,
    name: &'static str,
    uris: Arc<Vec<String>>,
    total: usize,
    clients: usize,
) -> Report {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let uris = Arc::clone(&uris);
        let next = Arc::clone(&next);
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0usize;
            let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
            stream.set_nodelay(true).ok();
            let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .expect("handshake");
            tokio::spawn(conn);
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let uri = &uris[i % uris.len()];
                let req = hyper::Request::get(uri.as_str())
                    .header("host", "127.0.0.1")
                    .header("accept-encoding", "gzip")
                    .body(Empty::<Bytes>::new())
                    .expect("request");
                let t = Instant::now();
                match sender.send_request(req).await {
                    Ok(resp) => {
                        let ok = resp.status().is_success();
                        let body = resp.into_body().collect().await;
                        if !ok || body.is_err() {
                            errors += 1;
                        }
                    }
                    Err(_) => errors += 1,
                }
                lat.push(t.elapsed());
            }
            (lat, errors)
        }));
    }
    let mut lat = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (l, e) = t.await.expect("client task");
        lat.extend(l);
        errors += e;
    }
    let elapsed = start.elapsed();
    lat.sort();
    Report {
        name,
        requests: total,
        elapsed,
        lat,
        errors,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not: then
    // this is only a build check.
    if !std::env::args().any(|a| a == "--bench") {
        return Ok(());
    }
    let n = env_usize("LOAD_EVENTS", 100_000);
    let requests = env_usize("LOAD_REQUESTS", 2_000);
    let clients = env_usize("LOAD_CLIENTS", 8).max(1);
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    std::fs::create_dir_all(&target)?;
    let db = target.join(format!("load-{n}.db"));
    build_db(&db, n)?;

    let cold_requests = env_usize("LOAD_COLD_REQUESTS", 200);
    let pool = Arc::new(vigie_server::Pool::open_read_only(&db, 4)?);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        // Two servers over the same pool: the default (with the answer cache)
        // and one without it, which measures the store's queries themselves.
        let opts = vigie_server::Options::default();
        let no_cache = vigie_server::Options {
            cache_ttl: Duration::ZERO,
            ..vigie_server::Options::default()
        };
        let mut addrs = Vec::new();
        for o in [&opts, &no_cache] {
            let listener = vigie_server::bind("127.0.0.1:0".parse()?).await?;
            addrs.push(listener.local_addr()?);
            let app = vigie_server::app(Arc::clone(&pool), o);
            tokio::spawn(vigie_server::serve(listener, app, std::future::pending()));
        }
        let (cached, direct) = (addrs[0], addrs[1]);

        let mut events = Vec::new();
        for (r, deps) in REGIONS {
            events.push(format!("/api/events?region={r}&limit=50"));
            events.push(format!("/api/events?departement={}&sort=eur&limit=25", deps[0]));
        }
        for s in Sector::ALL {
            events.push(format!("/api/events?sector={}&since=2020&limit=50", s.as_str()));
        }
        events.push("/api/events?kind=equity&min_eur=100000000&limit=50".into());
        events.push("/api/events?investor=Groupe%2000042".into());
        let mut stats = vec!["/api/stats".to_string()];
        for (r, _) in REGIONS {
            stats.push(format!("/api/stats?region={r}"));
        }
        for s in Sector::ALL.iter().take(6) {
            stats.push(format!("/api/stats?sector={}", s.as_str()));
        }
        stats.push("/api/stats?since=2022&until=2023".into());
        let (events, stats) = (Arc::new(events), Arc::new(stats));

        println!(
            "{n} events; {clients} concurrent keep-alive clients on 127.0.0.1; {} distinct /api/events and {} distinct /api/stats queries",
            events.len(),
            stats.len()
        );
        println!("-- without the answer cache (every request runs the store's queries):");
        fire(direct, "warm-up", Arc::clone(&events), 50, clients).await;
        fire(direct, "/api/events (filtered page)", Arc::clone(&events), requests, clients).await.print();
        fire(direct, "/api/stats (mixed filters)", Arc::clone(&stats), cold_requests, clients).await.print();
        println!("-- with the answer cache (the server's default):");
        fire(cached, "/api/events (filtered page)", Arc::clone(&events), requests, clients).await.print();
        fire(cached, "/api/stats (mixed filters)", Arc::clone(&stats), requests, clients).await.print();
        fire(cached, "/api/stats (no filter)", Arc::new(vec!["/api/stats".to_string()]), requests, clients).await.print();
        Ok::<(), Box<dyn std::error::Error>>(())
    })?;
    Ok(())
}

//! API tests: every route, filters, paging, sorting, errors, static files and
//! the OpenAPI document, against a fixture ledger (no network: the router is
//! called directly).

mod common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

struct Resp {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Resp {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: axum::Router,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let app = common::fixture_app(dir.path());
    Fixture { _dir: dir, app }
}

async fn call(app: &axum::Router, method: Method, uri: &str, accept_gzip: bool) -> Resp {
    let mut req = Request::builder().method(method).uri(uri);
    if accept_gzip {
        req = req.header(header::ACCEPT_ENCODING, "gzip");
    }
    let resp = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Resp {
        status,
        headers,
        body,
    }
}

async fn get(app: &axum::Router, uri: &str) -> Resp {
    call(app, Method::GET, uri, false).await
}

async fn get_json(app: &axum::Router, uri: &str) -> Value {
    let r = get(app, uri).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{uri}: {}",
        String::from_utf8_lossy(&r.body)
    );
    assert!(r.content_type().starts_with("application/json"), "{uri}");
    r.json()
}

fn events(v: &Value) -> &Vec<Value> {
    v["events"].as_array().expect("events array")
}

fn ids(v: &Value) -> Vec<String> {
    events(v)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

const FIXTURE_EVENTS: usize = 16; // 16 mentions; the two Microsoft articles may merge into one

#[tokio::test]
async fn events_lists_the_ledger_newest_first() {
    let f = fixture();
    let v = get_json(&f.app, "/api/events?limit=200").await;
    let total = v["total"].as_u64().unwrap() as usize;
    assert!(
        (FIXTURE_EVENTS - 1..=FIXTURE_EVENTS).contains(&total),
        "total {total}"
    );
    assert_eq!(events(&v).len(), total);
    assert_eq!(v["limit"], 200);
    assert_eq!(v["offset"], 0);
    let dates: Vec<&str> = events(&v)
        .iter()
        .map(|e| e["published"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "default sort is published, newest first");
    // Every event has the contract's fields.
    for e in events(&v) {
        for k in [
            "id", "kind", "amount", "places", "sectors", "status", "evidence", "sources",
        ] {
            assert!(e.get(k).is_some(), "missing {k} in {e}");
        }
    }
}

#[tokio::test]
async fn filters_narrow_the_events() {
    let f = fixture();
    let all = get_json(&f.app, "/api/events?limit=200").await["total"]
        .as_u64()
        .unwrap();

    let v = get_json(&f.app, "/api/events?region=32&limit=200").await;
    assert_eq!(
        v["total"], 3,
        "ProLogium, Verkor, AstraZeneca in Hauts-de-France"
    );
    for e in events(&v) {
        assert!(e["places"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["region"] == "32"));
    }

    let v = get_json(&f.app, "/api/events?departement=38").await;
    assert_eq!(v["total"], 1);
    assert_eq!(events(&v)[0]["investor"]["canonical"], "STMicroelectronics");

    let v = get_json(&f.app, "/api/events?sector=batteries_ev").await;
    assert_eq!(v["total"], 2);
    for e in events(&v) {
        assert!(e["sectors"]
            .as_array()
            .unwrap()
            .contains(&Value::from("batteries_ev")));
    }

    let v = get_json(&f.app, "/api/events?kind=jobs").await;
    assert_eq!(v["total"], 1);
    assert_eq!(events(&v)[0]["investor"]["canonical"], "Accenture");

    let v = get_json(&f.app, "/api/events?kind=equity&status=completed").await;
    assert_eq!(v["total"], 1);
    assert_eq!(events(&v)[0]["recipient"]["name"], "Mistral AI");

    let v = get_json(&f.app, "/api/events?investor=microsoft").await;
    assert!(v["total"].as_u64().unwrap() >= 1);
    for e in events(&v) {
        assert_eq!(e["investor"]["canonical"], "Microsoft");
    }

    let v = get_json(&f.app, "/api/events?min_eur=2000000000&limit=200").await;
    assert!(v["total"].as_u64().unwrap() >= 4);
    for e in events(&v) {
        assert!(e["amount"]["eur"].as_f64().unwrap() >= 2e9);
    }

    let v = get_json(
        &f.app,
        "/api/events?since=2024-05&until=2024-05-31&limit=200",
    )
    .await;
    for e in events(&v) {
        let d = e["published"].as_str().unwrap();
        assert!(d.starts_with("2024-05"), "{d}");
    }
    assert!(v["total"].as_u64().unwrap() >= 4);

    let v = get_json(&f.app, "/api/events?since=2023&until=2023").await;
    assert_eq!(v["total"], 5, "five 2023 fixtures");

    // Lower-case country code is accepted; empty values mean no filter.
    let v = get_json(&f.app, "/api/events?country=fr&kind=&sector=").await;
    assert_eq!(v["total"].as_u64().unwrap(), all);

    // Filters combine with AND.
    let v = get_json(&f.app, "/api/events?region=32&sector=pharma_health").await;
    assert_eq!(v["total"], 1);
    assert_eq!(events(&v)[0]["investor"]["canonical"], "AstraZeneca");
}

#[tokio::test]
async fn paging_and_sorting() {
    let f = fixture();
    let p1 = get_json(&f.app, "/api/events?limit=5&offset=0").await;
    let p2 = get_json(&f.app, "/api/events?limit=5&offset=5").await;
    assert_eq!(events(&p1).len(), 5);
    assert_eq!(events(&p2).len(), 5);
    assert_eq!(p1["total"], p2["total"]);
    let a: BTreeSet<_> = ids(&p1).into_iter().collect();
    assert!(ids(&p2).iter().all(|i| !a.contains(i)), "pages overlap");
    let all = get_json(&f.app, "/api/events?limit=200").await;
    assert_eq!(ids(&all)[..10], [ids(&p1), ids(&p2)].concat()[..]);

    let v = get_json(&f.app, "/api/events?sort=eur&order=desc&limit=200").await;
    let eur: Vec<f64> = events(&v)
        .iter()
        .filter_map(|e| e["amount"]["eur"].as_f64())
        .collect();
    assert!(eur.windows(2).all(|w| w[0] >= w[1]), "{eur:?}");
    assert_eq!(eur.first().copied(), Some(7.5e9));

    let v = get_json(&f.app, "/api/events?sort=eur&order=asc&min_eur=1").await;
    let eur: Vec<f64> = events(&v)
        .iter()
        .filter_map(|e| e["amount"]["eur"].as_f64())
        .collect();
    assert!(eur.windows(2).all(|w| w[0] <= w[1]), "{eur:?}");

    let v = get_json(&f.app, "/api/events?sort=investor&order=asc&limit=200").await;
    let names: Vec<String> = events(&v)
        .iter()
        .map(|e| e["investor"]["canonical"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");

    // Past the end: an empty page, the same total.
    let v = get_json(&f.app, "/api/events?offset=1000").await;
    assert!(events(&v).is_empty());
    assert_eq!(v["total"], p1["total"]);
}

#[tokio::test]
async fn search_finds_events_by_article_text() {
    let f = fixture();
    let v = get_json(&f.app, "/api/search?q=inhaler").await;
    assert_eq!(v["total"], 1);
    assert_eq!(events(&v)[0]["investor"]["canonical"], "AstraZeneca");
    let v = get_json(&f.app, "/api/search?q=Dunkerque").await;
    assert!(v["total"].as_u64().unwrap() >= 1);
    // Search combines with filters, on /api/events too.
    let v = get_json(&f.app, "/api/events?q=Mulhouse&kind=capex").await;
    assert!(v["total"].as_u64().unwrap() >= 1);
    for e in events(&v) {
        assert_eq!(e["investor"]["canonical"], "Microsoft");
    }
    let v = get_json(&f.app, "/api/search?q=zzzznothing").await;
    assert_eq!(v["total"], 0);

    let r = get(&f.app, "/api/search").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json()["error"].as_str().unwrap().contains("q"));
    // A malformed FTS5 query is the client's error, not the server's.
    let r = get(&f.app, "/api/search?q=%22unbalanced").await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}

#[tokio::test]
async fn event_detail_has_evidence_in_its_articles() {
    let f = fixture();
    let list = get_json(&f.app, "/api/events?limit=200").await;
    let mut multi = false;
    for id in ids(&list) {
        let d = get_json(&f.app, &format!("/api/events/{id}")).await;
        assert_eq!(d["event"]["id"], Value::from(id.clone()));
        let articles = d["articles"].as_array().unwrap();
        let evidence = d["event"]["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty());
        for ev in evidence {
            let a = articles
                .iter()
                .find(|a| a["doc"] == ev["doc"])
                .unwrap_or_else(|| panic!("{id}: no article for {}", ev["doc"]));
            let text = a["text"].as_str().unwrap();
            let (s, e) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text.get(s..e), ev["sentence"].as_str(), "{id}: offsets");
        }
        assert!(!d["event"]["sources"].as_array().unwrap().is_empty());
        multi |= articles.len() > 1;
    }
    // The two Microsoft articles report one commitment: if the store merged
    // them, the event has both articles.
    let ms = get_json(&f.app, "/api/events?investor=Microsoft").await;
    if ms["total"] == 1 {
        assert!(multi, "merged event lists both articles");
        let e = &events(&ms)[0];
        assert_eq!(e["sources"].as_array().unwrap().len(), 2);
    }
}

#[tokio::test]
async fn unknown_and_malformed_event_ids() {
    let f = fixture();
    let r = get(&f.app, "/api/events/evt_0000000000000000").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.content_type().starts_with("application/json"));
    assert!(r.json()["error"]
        .as_str()
        .unwrap()
        .contains("evt_0000000000000000"));
    for bad in ["evt%20x", "a..b", "%2e%2e%2fetc", &"x".repeat(101)] {
        let r = get(&f.app, &format!("/api/events/{bad}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(r.json()["error"].is_string());
    }
}

#[tokio::test]
async fn stats_aggregate_the_filtered_events() {
    let f = fixture();
    let total = get_json(&f.app, "/api/events").await["total"].clone();
    let s = get_json(&f.app, "/api/stats").await;
    assert_eq!(s["events"], total);
    for k in [
        "by_sector",
        "by_region",
        "by_departement",
        "by_investor",
        "by_month",
        "by_kind",
    ] {
        assert!(!s[k].as_array().unwrap().is_empty(), "{k}");
    }
    let region = |s: &Value, code: &str| -> Option<Value> {
        s["by_region"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["key"] == code)
            .cloned()
    };
    let hdf = region(&s, "32").expect("Hauts-de-France bucket");
    assert_eq!(hdf["events"], 3);
    assert_eq!(hdf["eur"].as_f64().unwrap(), 5.2e9 + 2e9 + 3e8);
    let months: Vec<&str> = s["by_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["key"].as_str().unwrap())
        .collect();
    let mut sorted = months.clone();
    sorted.sort();
    assert_eq!(months, sorted);
    assert!(months.contains(&"2024-05"));

    let s = get_json(&f.app, "/api/stats?region=32").await;
    assert_eq!(s["events"], 3);
    assert!(region(&s, "11").is_none());
    assert!(s["jobs"].as_u64().unwrap() >= 4200);

    // Sort and page do not apply to aggregates.
    let r = get(&f.app, "/api/stats?limit=5").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn invalid_parameters_are_clear_400s() {
    let f = fixture();
    let long = "x".repeat(201);
    let cases: &[(&str, &str)] = &[
        ("/api/events?kind=foo", "kind"),
        ("/api/events?sector=spaceships", "sector"),
        ("/api/events?status=rumoured", "status"),
        ("/api/events?since=2024-13", "since"),
        ("/api/events?since=2023-02-29", "since"),
        ("/api/events?until=24-01-01", "until"),
        ("/api/events?since=2024-06&until=2024-01", "since"),
        ("/api/events?min_eur=-1", "min_eur"),
        ("/api/events?min_eur=abc", "min_eur"),
        ("/api/events?min_eur=inf", "min_eur"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=201", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?offset=99999999999", "offset"),
        ("/api/events?sort=size", "sort"),
        ("/api/events?order=up", "order"),
        ("/api/events?region=abc", "region"),
        ("/api/events?departement=2C", "departement"),
        ("/api/events?country=FRA", "country"),
        ("/api/events?colour=blue", "colour"),
        ("/api/events?kind=capex&kind=jobs", "kind"),
        ("/api/events?investor=a%00b", "investor"),
        ("/api/stats?kind=foo", "kind"),
        ("/api/stats?sort=eur", "sort"),
        ("/api/search?q=usine&limit=-3", "limit"),
    ];
    for (uri, word) in cases {
        let r = get(&f.app, uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(r.content_type().starts_with("application/json"), "{uri}");
        let msg = r.json()["error"].as_str().unwrap_or_default().to_string();
        assert!(msg.contains(word), "{uri}: {msg:?} should name {word}");
        assert!(!msg.contains('\n'), "{uri}: one line");
    }
    let r = get(&f.app, &format!("/api/events?investor={long}")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = get(&f.app, &format!("/api/events?q={}", "y".repeat(5000))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unknown_routes_methods_and_bodies() {
    let f = fixture();
    for uri in ["/api/nope", "/api", "/nope", "/api/events/x/y"] {
        let r = get(&f.app, uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(r.json()["error"].is_string());
    }
    let r = call(&f.app, Method::POST, "/api/events", false).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.json()["error"].is_string());
    let r = call(&f.app, Method::DELETE, "/api/events/evt_1", false).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    // A request body over the limit is refused.
    let big = vec![b'a'; 64 * 1024];
    let resp = f
        .app
        .clone()
        .oneshot(
            Request::builder()
                .method(Method::GET)
                .uri("/api/events")
                .header(header::CONTENT_LENGTH, big.len())
                .body(Body::from(big))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn dashboard_assets_are_embedded_and_only_those() {
    let f = fixture();
    let r = get(&f.app, "/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.content_type().starts_with("text/html"));
    let html = String::from_utf8(r.body.clone()).unwrap();
    assert!(html.contains("/assets/app.js"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN"
    );
    for (path, ct) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/i18n.js", "text/javascript"),
        ("/assets/style.css", "text/css"),
        ("/assets/france.json", "application/json"),
        ("/assets/favicon.svg", "image/svg+xml"),
    ] {
        let r = get(&f.app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            r.content_type().starts_with(ct),
            "{path}: {}",
            r.content_type()
        );
    }
    let geo = get_json(&f.app, "/assets/france.json").await;
    assert_eq!(geo["regions"].as_array().unwrap().len(), 13);
    assert_eq!(geo["departements"].as_array().unwrap().len(), 96);

    for evil in [
        "/assets/../Cargo.toml",
        "/assets/..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/..%2f..%2fsrc%2flib.rs",
        "/assets/%2e%2e%5c%2e%2e%5cCargo.toml",
        "/assets//etc/passwd",
        "/assets/%2Fetc%2Fpasswd",
        "/assets/static/app.js",
        "/assets/.gitignore",
        "/assets/",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/web/static/app.js",
        "/src/lib.rs",
    ] {
        let r = get(&f.app, evil).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{evil}");
        let body = String::from_utf8_lossy(&r.body);
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{evil}"
        );
    }
}

#[tokio::test]
async fn responses_are_compressed_and_hardened() {
    let f = fixture();
    let r = call(&f.app, Method::GET, "/assets/france.json", true).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers
            .get(header::CONTENT_ENCODING)
            .map(|v| v.as_bytes()),
        Some(&b"gzip"[..])
    );
    let r = call(&f.app, Method::GET, "/api/events?limit=200", true).await;
    assert_eq!(
        r.headers
            .get(header::CONTENT_ENCODING)
            .map(|v| v.as_bytes()),
        Some(&b"gzip"[..])
    );
    let r = get(&f.app, "/").await;
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"));
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
}

#[tokio::test]
async fn answers_are_cached_until_the_database_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fixture_db(dir.path());
    let pool = vigie_server::Pool::open_read_only(&db, 2).unwrap();
    let app = vigie_server::app(std::sync::Arc::new(pool), &vigie_server::Options::default());
    let cache = |r: &Resp| {
        r.headers
            .get("x-cache")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let first = get(&app, "/api/stats?sector=energy").await;
    assert_eq!(cache(&first).as_deref(), Some("miss"));
    // The same query in another spelling is the same entry.
    let again = get(&app, "/api/stats?sector=energy&kind=").await;
    assert_eq!(cache(&again).as_deref(), Some("hit"));
    assert_eq!(first.body, again.body);
    let total = |r: &Resp| r.json()["events"].as_u64().unwrap();
    let before = total(&again);
    // Another process writes to the ledger: the cache lets go at once.
    {
        let mut w = vigie_store::Store::open(&db).unwrap();
        let mut extra = common::specs();
        extra.retain(|s| s.source.contains("holosolis"));
        let mut batch = common::batch(&extra);
        for (a, evs) in &mut batch {
            a.source = "https://example.org/fr/2024/07/another-solar-plant".into();
            a.text = a.text.replace("Hambach", "Saint-Avold");
            a.doc = vigie_model::doc_id(&a.text);
            for e in evs {
                e.sources = vec![a.source.clone()];
                e.published = Some("2024-07-01".into());
                e.amount.as_mut().unwrap().eur = Some(9.9e8);
                e.amount.as_mut().unwrap().value = 9.9e8;
                for ev in &mut e.evidence {
                    ev.doc = a.doc.clone();
                    ev.sentence = ev.sentence.replace("Hambach", "Saint-Avold");
                    ev.end = ev.start + ev.sentence.len();
                }
            }
        }
        w.ingest_batch(&batch).unwrap();
    }
    let after = get(&app, "/api/stats?sector=energy").await;
    assert_eq!(cache(&after).as_deref(), Some("miss"));
    assert_eq!(total(&after), before + 1);
    // Event pages are cached too; details are not (they are cheap).
    let p = get(&app, "/api/events?limit=3").await;
    assert_eq!(cache(&p).as_deref(), Some("miss"));
    assert_eq!(
        cache(&get(&app, "/api/events?limit=3").await).as_deref(),
        Some("hit")
    );
}

#[tokio::test]
async fn slow_requests_time_out_with_503() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fixture_db(dir.path());
    let pool = vigie_server::Pool::open_read_only(&db, 1).unwrap();
    let opts = vigie_server::Options {
        request_timeout: std::time::Duration::ZERO,
        cache_ttl: std::time::Duration::ZERO,
        ..vigie_server::Options::default()
    };
    let app = vigie_server::app(std::sync::Arc::new(pool), &opts);
    // A query that finishes before the timer is first polled may still
    // answer 200; most cannot.
    let mut timed_out = 0;
    for i in 0..20 {
        let r = get(&app, &format!("/api/events?offset={i}")).await;
        assert!(
            r.status == StatusCode::OK || r.status == StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            r.status
        );
        timed_out += usize::from(r.status == StatusCode::SERVICE_UNAVAILABLE);
    }
    assert!(timed_out > 0, "no request timed out");
}

#[tokio::test]
async fn warm_up_fills_the_cache_with_what_the_dashboard_asks() {
    let f = fixture();
    let uris = vigie_server::warm_set();
    assert!(uris.len() > 50);
    for u in &uris {
        let r = get(&f.app, u).await;
        assert_eq!(r.status, StatusCode::OK, "{u}");
    }
    vigie_server::warm_up(&f.app).await;
    // As app.js spells them.
    for u in [
        "/api/stats",
        "/api/events?sort=published&order=desc&limit=25&offset=0",
        "/api/stats?region=32",
        "/api/events?region=32&sort=published&order=desc&limit=25&offset=0",
        "/api/stats?sector=batteries_ev",
    ] {
        let r = get(&f.app, u).await;
        assert_eq!(
            r.headers.get("x-cache").map(|v| v.as_bytes()),
            Some(&b"hit"[..]),
            "{u}"
        );
    }
}

// ---------- the OpenAPI document ----------

fn resolve<'a>(doc: &'a Value, r: &str) -> &'a Value {
    let name = r
        .strip_prefix("#/components/schemas/")
        .unwrap_or_else(|| panic!("unexpected $ref {r}"));
    doc["components"]["schemas"]
        .get(name)
        .unwrap_or_else(|| panic!("dangling $ref {r}"))
}

fn walk_refs(doc: &Value, v: &Value, seen: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                resolve(doc, r);
                seen.insert(r.clone());
            }
            for x in m.values() {
                walk_refs(doc, x, seen);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk_refs(doc, x, seen)),
        _ => {}
    }
}

fn schema_keys(doc: &Value, name: &str) -> BTreeSet<String> {
    doc["components"]["schemas"][name]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("schema {name} has no properties"))
        .keys()
        .cloned()
        .collect()
}

fn object_keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

#[tokio::test]
async fn openapi_document_is_valid_and_matches_the_routes() {
    let f = fixture();
    let doc = get_json(&f.app, "/api/openapi.json").await;
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());

    // Exactly the routes of the router.
    let paths: BTreeSet<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let routes: BTreeSet<&str> = vigie_server::API_PATHS.iter().copied().collect();
    assert_eq!(paths, routes);

    let sample = get_json(&f.app, "/api/events?limit=1").await;
    let id = ids(&sample)[0].clone();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let ops: Vec<&String> = item.as_object().unwrap().keys().collect();
        assert_eq!(ops, ["get"], "{path}: only GET");
        let op = &item["get"];
        assert!(op["responses"]["200"].is_object(), "{path}: 200 documented");
        assert!(op["operationId"].is_string());
        // Every documented route answers (with a real id for the template).
        let uri = path.replace("{id}", &id);
        let uri = if path == "/api/search" {
            format!("{uri}?q=usine")
        } else {
            uri
        };
        let r = get(&f.app, &uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        // Every documented query parameter is accepted by the route.
        for p in op["parameters"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap();
            assert!(p["schema"].is_object(), "{path} {name}: schema");
            if p["in"] == "query" {
                let value = match name {
                    "kind" => "capex",
                    "status" => "announced",
                    "sector" => "energy",
                    "since" | "until" => "2024-01-01",
                    "min_eur" | "offset" => "0",
                    "limit" => "10",
                    "country" => "FR",
                    "region" => "11",
                    "departement" => "75",
                    "sort" => "eur",
                    "order" => "asc",
                    _ => "usine",
                };
                let r = get(&f.app, &format!("{uri}?{name}={value}")).await;
                assert_eq!(
                    r.status,
                    StatusCode::OK,
                    "{path}?{name}={value}: {}",
                    String::from_utf8_lossy(&r.body)
                );
            } else {
                assert_eq!(p["in"], "path");
                assert_eq!(p["required"], true);
            }
        }
        // Undocumented parameters are refused.
        if path != "/api/events/{id}" && path != "/api/openapi.json" {
            let r = get(
                &f.app,
                &format!("{uri}&undocumented=1").replacen(
                    '&',
                    "?",
                    usize::from(!uri.contains('?')),
                ),
            )
            .await;
            assert_eq!(
                r.status,
                StatusCode::BAD_REQUEST,
                "{path}: undocumented parameter"
            );
        }
    }

    // Every $ref resolves.
    let mut seen = BTreeSet::new();
    walk_refs(&doc, &doc, &mut seen);
    assert!(seen.contains("#/components/schemas/Event"));

    // The documented records have exactly the fields the API sends.
    let page = get_json(&f.app, "/api/events?limit=200").await;
    assert_eq!(object_keys(&page), schema_keys(&doc, "EventsPage"));
    let full = events(&page)
        .iter()
        .find(|e| e["amount"].is_object() && e["jobs"].is_object() && e["investor"].is_object())
        .expect("an event with amount, jobs and investor");
    assert_eq!(object_keys(full), schema_keys(&doc, "Event"));
    assert_eq!(object_keys(&full["amount"]), schema_keys(&doc, "Money"));
    assert_eq!(object_keys(&full["investor"]), schema_keys(&doc, "Org"));
    assert_eq!(object_keys(&full["jobs"]), schema_keys(&doc, "Jobs"));
    assert_eq!(object_keys(&full["places"][0]), schema_keys(&doc, "Place"));
    assert_eq!(
        object_keys(&full["evidence"][0]),
        schema_keys(&doc, "Evidence")
    );
    let detail = get_json(
        &f.app,
        &format!("/api/events/{}", full["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(object_keys(&detail), schema_keys(&doc, "EventDetail"));
    assert_eq!(
        object_keys(&detail["articles"][0]),
        schema_keys(&doc, "SourceArticle")
    );
    let stats = get_json(&f.app, "/api/stats").await;
    assert_eq!(object_keys(&stats), schema_keys(&doc, "Stats"));
    assert_eq!(
        object_keys(&stats["by_region"][0]),
        schema_keys(&doc, "Bucket")
    );
    let err = get(&f.app, "/api/events?kind=x").await.json();
    assert_eq!(object_keys(&err), schema_keys(&doc, "Error"));
    // Enumerations list the contract's tags.
    let sectors: BTreeSet<&str> = doc["components"]["schemas"]["Sector"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let contract: BTreeSet<&str> = vigie_model::Sector::ALL
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(sectors, contract);
}

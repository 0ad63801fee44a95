//! `vigie ingest` end to end: a local HTTP server on 127.0.0.1 serving
//! feeds, pages, robots.txt and failure cases; WARC files; idempotent
//! re-ingest; kill -9 in the middle of a large ingest then a re-run.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use vigie_store::{EventQuery, Store};

const VIGIE: &str = env!("CARGO_BIN_EXE_vigie");

/// What the server saw: (path, user-agent, if-none-match) per request.
type Log = Arc<Mutex<Vec<(String, String, Option<String>)>>>;

struct Server {
    base: String,
    log: Log,
    stop: Arc<AtomicBool>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

impl Server {
    fn hits(&self, path: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _, _)| p == path)
            .count()
    }
}

fn article_html(title: &str, date: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title>\
         <meta property=\"article:published_time\" content=\"{date}T08:00:00Z\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/business\">Business</a></nav>\
         <article><h1>{title}</h1><p>{body}</p>\
         <p>The project still needs final planning approval, which local officials expect before the end of the year, the company added in its statement.</p></article>\
         <footer>Copyright Example News. All rights reserved.</footer></body></html>"
    )
}

fn respond(s: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers.iter().any(|(k, _)| *k == "Content-Length") {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(body);
}

fn start_server() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log: Log = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let counters: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let (log2, stop2, base2) = (log.clone(), stop.clone(), base.clone());
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            if stop2.load(Ordering::SeqCst) {
                break;
            }
            let Ok(mut s) = conn else { continue };
            let (log, counters, base) = (log2.clone(), counters.clone(), base2.clone());
            std::thread::spawn(move || {
                let mut r = BufReader::new(s.try_clone().unwrap());
                let mut line = String::new();
                if r.read_line(&mut line).is_err() {
                    return;
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let mut ua = String::new();
                let mut inm = None;
                loop {
                    let mut h = String::new();
                    if r.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                        break;
                    }
                    if let Some((k, v)) = h.split_once(':') {
                        match k.trim().to_ascii_lowercase().as_str() {
                            "user-agent" => ua = v.trim().to_string(),
                            "if-none-match" => inm = Some(v.trim().to_string()),
                            _ => {}
                        }
                    }
                }
                log.lock().unwrap().push((path.clone(), ua, inm.clone()));
                let n = {
                    let mut c = counters.lock().unwrap();
                    let e = c.entry(path.clone()).or_default();
                    *e += 1;
                    *e
                };
                route(&mut s, &base, &path, n, inm.as_deref());
            });
        }
    });
    Server { base, log, stop }
}

fn route(s: &mut TcpStream, base: &str, path: &str, n: usize, inm: Option<&str>) {
    let html = |s: &mut TcpStream, body: String| {
        respond(
            s,
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8".into())],
            body.as_bytes(),
        )
    };
    match path {
        "/robots.txt" => respond(
            s,
            "200 OK",
            &[("Content-Type", "text/plain".into())],
            b"User-agent: *\nDisallow: /private/\n",
        ),
        "/feed.rss" => {
            if inm == Some("\"rss-v1\"") {
                return respond(s, "304 Not Modified", &[("ETag", "\"rss-v1\"".into())], b"");
            }
            let items: String = [
                "/news/northwind-nantes",
                "/news/contoso-lyon",
                "/private/secret",
                "/missing",
                "/loop",
                "/report.pdf",
                "/huge",
                "/slow",
                "/flaky",
            ]
            .iter()
            .map(|p| format!("<item><title>{p}</title><link>{base}{p}</link><pubDate>Tue, 14 May 2024 09:00:00 GMT</pubDate></item>"))
            .collect();
            let body = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example News</title><link>{base}/</link><description>d</description>{items}</channel></rss>");
            respond(
                s,
                "200 OK",
                &[("Content-Type", "application/rss+xml".into()), ("ETag", "\"rss-v1\"".into())],
                body.as_bytes(),
            )
        }
        "/calm.rss" => {
            if inm == Some("\"calm-v1\"") {
                return respond(s, "304 Not Modified", &[("ETag", "\"calm-v1\"".into())], b"");
            }
            let items: String = ["/news/northwind-nantes", "/news/contoso-lyon", "/flaky", "/missing"]
                .iter()
                .map(|p| format!("<item><title>{p}</title><link>{base}{p}</link></item>"))
                .collect();
            let body = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Calm</title><link>{base}/</link><description>d</description>{items}</channel></rss>");
            respond(
                s,
                "200 OK",
                &[("Content-Type", "application/rss+xml".into()), ("ETag", "\"calm-v1\"".into())],
                body.as_bytes(),
            )
        }
        "/atom.xml" => {
            let body = format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title><id>urn:wire</id><updated>2024-05-15T00:00:00Z</updated>\
                 <entry><title>Fabrikam</title><id>urn:1</id><link href=\"{base}/news/fabrikam-lille\"/><updated>2024-05-15T00:00:00Z</updated></entry>\
                 <entry><title>Northwind again</title><id>urn:2</id><link href=\"{base}/news/northwind-nantes\"/><updated>2024-05-14T00:00:00Z</updated></entry></feed>"
            );
            respond(s, "200 OK", &[("Content-Type", "application/atom+xml".into())], body.as_bytes())
        }
        "/news/northwind-nantes" => html(s, article_html(
            "Northwind to build a plant in Nantes",
            "2024-05-14",
            "The logistics group Northwind will invest 120 million euros in a new automated warehouse in Nantes, creating 300 jobs by 2026, its chief executive announced on Tuesday.",
        )),
        "/news/contoso-lyon" => html(s, article_html(
            "Contoso expands in Lyon",
            "2024-05-13",
            "The software company Contoso will invest 45 million euros to expand its research centre in Lyon, the firm said on Monday, adding that 150 engineers will be hired over three years.",
        )),
        "/news/fabrikam-lille" => html(s, article_html(
            "Fabrikam picks Lille",
            "2024-05-15",
            "The chemicals maker Fabrikam is to invest 80 million euros in a new production line near Lille, the company announced on Wednesday.",
        )),
        "/flaky" => {
            if n == 1 {
                respond(s, "500 Internal Server Error", &[], b"oops")
            } else {
                html(s, article_html(
                    "Tailspin raises funds",
                    "2024-05-14",
                    "The Paris start-up Tailspin has raised 25 million euros in a funding round led by a US fund, its founders said on Tuesday.",
                ))
            }
        }
        "/missing" => respond(s, "404 Not Found", &[("Content-Type", "text/html".into())], b"<html>no</html>"),
        "/loop" => respond(s, "302 Found", &[("Location", format!("{base}/loop2"))], b""),
        "/loop2" => respond(s, "302 Found", &[("Location", format!("{base}/loop"))], b""),
        "/report.pdf" => respond(s, "200 OK", &[("Content-Type", "application/pdf".into())], b"%PDF-1.4 not really"),
        "/huge" => {
            let mut body = String::from("<html><body><p>");
            while body.len() < 1_300_000 {
                body.push_str("filler text for a very large page. ");
            }
            body.push_str("</p></body></html>");
            html(s, body)
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            html(s, article_html("Slow", "2024-05-14", "Too late."))
        }
        _ => respond(s, "404 Not Found", &[], b"not found"),
    }
}

fn vigie(args: &[&str]) -> Output {
    Command::new(VIGIE)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn sources(db: &Path) -> Vec<String> {
    let store = Store::open_read_only(db).unwrap();
    let mut st = store
        .connection()
        .prepare("SELECT source FROM articles ORDER BY source")
        .unwrap();
    let rows = st
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows
}

fn count_articles(db: &Path) -> i64 {
    let Ok(store) = Store::open_read_only(db) else {
        return 0;
    };
    store
        .connection()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap_or(0)
}

/// The whole ledger, as JSONL, in a stable order.
fn ledger(db: &Path) -> Vec<String> {
    let store = Store::open_read_only(db).unwrap();
    let q = EventQuery {
        limit: 0,
        ..EventQuery::default()
    };
    let mut lines: Vec<String> = store
        .events(&q)
        .unwrap()
        .events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    lines.sort();
    lines
}

#[test]
fn feeds_pages_robots_and_failures() {
    let srv = start_server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let db_s = db.to_str().unwrap();
    let b = &srv.base;
    let rss = format!("{b}/feed.rss");
    let atom = format!("{b}/atom.xml");
    let args = [
        "ingest",
        "--db",
        db_s,
        "--json",
        "--rate-limit",
        "0s",
        "--timeout",
        "1s",
        "--retries",
        "1",
        "--backoff",
        "20ms",
        "--max-size-mb",
        "1",
        &rss,
        &atom,
        "http://127.0.0.1:1/unreachable.rss",
    ];
    let started = Instant::now();
    let out = vigie(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr:\n{stderr}\nstdout:\n{stdout}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));

    // Each failure once, with its cause.
    let once = |needle: &str, cause: &str| {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(needle)).collect();
        assert_eq!(lines.len(), 1, "{needle}: {lines:?}\n{stderr}");
        assert!(lines[0].contains(cause), "{needle}: {lines:?}");
        assert!(lines[0].starts_with("error: "), "{lines:?}");
    };
    once("/private/secret", "disallowed by robots.txt");
    once("/missing", "HTTP status 404");
    once("/loop", "too many redirects");
    once(
        "/report.pdf",
        "unsupported content type \"application/pdf\"",
    );
    once("/huge", "too large");
    once("/slow", "timed out");
    once("127.0.0.1:1/unreachable.rss", "HTTP error");
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error: ")).count(),
        7,
        "{stderr}"
    );

    // robots.txt respected: the disallowed page was never requested.
    assert_eq!(srv.hits("/private/secret"), 0);
    assert_eq!(srv.hits("/robots.txt"), 1);
    // Retry after 500; no retry on 404; timeouts retried (1 retry).
    assert_eq!(srv.hits("/flaky"), 2);
    assert_eq!(srv.hits("/missing"), 1);
    assert_eq!(srv.hits("/slow"), 2);
    // A clear User-Agent on every request.
    assert!(srv
        .log
        .lock()
        .unwrap()
        .iter()
        .all(|(_, ua, _)| ua.starts_with("vigie/") && ua.contains("investment-news observatory")));

    let summary: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(summary["errors"], 7, "{summary}");
    assert_eq!(summary["new"], 4, "{summary}");
    let want: Vec<String> = [
        "/flaky",
        "/news/contoso-lyon",
        "/news/fabrikam-lille",
        "/news/northwind-nantes",
    ]
    .iter()
    .map(|p| format!("{b}{p}"))
    .collect();
    assert_eq!(sources(&db), want);
    let before = ledger(&db);

    // Re-ingest: idempotent; known items are not fetched again. The RSS
    // feed had an item that failed transiently (/slow), so its ETag was not
    // kept: it is fetched in full again (no conditional GET) and /slow is
    // tried again; lasting failures (404, robots, PDF...) are not retried.
    let hits_before = srv.hits("/news/northwind-nantes");
    let slow_before = srv.hits("/slow");
    let out = vigie(&[
        "ingest",
        "--db",
        db_s,
        "--json",
        "--rate-limit",
        "0s",
        "--timeout",
        "1s",
        "--retries",
        "0",
        "--max-size-mb",
        "1",
        &rss,
        &atom,
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let summary: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(summary["new"], 0, "{summary}");
    assert_eq!(summary["unchanged"], 0, "{summary}");
    assert_eq!(srv.hits("/news/northwind-nantes"), hits_before);
    assert_eq!(srv.hits("/slow"), slow_before + 1);
    let conditional = srv
        .log
        .lock()
        .unwrap()
        .iter()
        .filter(|(p, _, inm)| p == "/feed.rss" && inm.is_some())
        .count();
    assert_eq!(conditional, 0);
    assert_eq!(sources(&db).len(), 4);
    assert_eq!(ledger(&db), before);
}

#[test]
fn article_url_and_warc_file() {
    let srv = start_server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let db_s = db.to_str().unwrap();
    let mut warc = Vec::new();
    for (i, (who, town)) in [("Northwind", "Nantes"), ("Contoso", "Lyon")]
        .iter()
        .enumerate()
    {
        warc.extend(vigie_ingest::warc::response_record(
            &format!("https://archive.example/{i}"),
            "2024-05-20T00:00:00Z",
            &article_html(
                "t",
                "2024-05-20",
                &format!("The group {who} will invest {} million euros in a new factory in {town}, creating 200 jobs, it said on Monday.", 50 + i),
            ),
        ));
    }
    warc.extend_from_slice(
        b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999\r\n\r\n",
    );
    let wpath = dir.path().join("news.warc");
    std::fs::write(&wpath, &warc).unwrap();
    let page = format!("{}/news/fabrikam-lille", srv.base);
    let out = vigie(&[
        "ingest",
        "--db",
        db_s,
        "--quiet",
        "--rate-limit",
        "0s",
        wpath.to_str().unwrap(),
        &page,
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "--quiet prints no summary");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("news.warc@") && errors[0].contains("invalid Content-Length"),
        "{stderr}"
    );
    assert_eq!(
        sources(&db),
        vec![
            page.clone(),
            "https://archive.example/0".to_string(),
            "https://archive.example/1".to_string(),
        ]
    );
    // Again: nothing new, same ledger, the page is not fetched again.
    let before = ledger(&db);
    let hits = srv.hits("/news/fabrikam-lille");
    let out = vigie(&[
        "ingest",
        "--db",
        db_s,
        "--rate-limit",
        "0s",
        wpath.to_str().unwrap(),
        &page,
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("3 articles (0 new), 0 events, 1 errors in "),
        "{stdout}"
    );
    assert_eq!(srv.hits("/news/fabrikam-lille"), hits);
    assert_eq!(ledger(&db), before);
}

/// A corpus of `n` short articles: commitments reported by several outlets
/// in different words, so that resolution merges across articles.
fn write_corpus(dir: &Path, n: usize) {
    let investors = [
        "Northwind",
        "Contoso",
        "Fabrikam",
        "Tailspin",
        "Litware",
        "Adatum",
        "Proseware",
        "Wingtip",
    ];
    let towns = [
        "Nantes",
        "Lyon",
        "Lille",
        "Toulouse",
        "Bordeaux",
        "Rennes",
        "Grenoble",
        "Strasbourg",
        "Dijon",
        "Metz",
    ];
    for i in 0..n {
        let c = i / 4; // four outlets per commitment
        let who = investors[c % investors.len()];
        let town = towns[(c / investors.len()) % towns.len()];
        let amount = 10 + (c % 97) * 3;
        let day = 1 + (c % 28);
        let month = 1 + (c / 28) % 12;
        let text = match i % 4 {
            0 => format!("{who} va investir {amount} millions d'euros dans une nouvelle usine à {town}, a annoncé le groupe. Le chantier démarrera l'an prochain."),
            1 => format!("Le groupe {who} a annoncé un investissement de {amount} millions d'euros à {town}. Ce projet doit créer des emplois."),
            2 => format!("{who} will invest {amount} million euros in a new plant in {town}, the company said. Construction starts next year."),
            _ => format!("The company {who} plans to spend EUR {amount} million on a factory in {town}, according to a statement released on Monday."),
        };
        let json = serde_json::json!({
            "url": format!("https://outlet{}.example/{c}/{i}", i % 4),
            "title": format!("{who} {town}"),
            "date": format!("2024-{month:02}-{day:02}"),
            "text": text,
        });
        let sub = dir.join(format!("{:03}", i / 500));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("{i:05}.json")), json.to_string()).unwrap();
    }
}

#[test]
fn kill_9_then_rerun_gives_the_same_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let n = 4000;
    write_corpus(&corpus, n);
    let corpus_s = corpus.to_str().unwrap();

    // Uninterrupted run.
    let t = Instant::now();
    let full = dir.path().join("full.db");
    let out = vigie(&[
        "ingest",
        "--db",
        full.to_str().unwrap(),
        "--quiet",
        "--batch",
        "32",
        corpus_s,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count_articles(&full), n as i64);
    eprintln!("uninterrupted run: {:.1} s", t.elapsed().as_secs_f64());

    // Interrupted run: kill -9 once some batches are committed.
    let cut = dir.path().join("cut.db");
    let mut child = Command::new(VIGIE)
        .args([
            "ingest",
            "--db",
            cut.to_str().unwrap(),
            "--quiet",
            "--batch",
            "32",
            corpus_s,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while count_articles(&cut) < 100 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = count_articles(&cut);
    eprintln!("killed after {partial} of {n} articles");
    assert!(
        partial > 0 && partial < n as i64,
        "killed after {partial} articles"
    );
    assert_eq!(partial % 32, 0, "only whole batches are committed");

    // Re-run completes the rest.
    let out = vigie(&[
        "ingest",
        "--db",
        cut.to_str().unwrap(),
        "--json",
        "--batch",
        "32",
        corpus_s,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["new"], n as i64 - partial, "{summary}");
    assert_eq!(summary["known"], partial, "{summary}");
    assert_eq!(count_articles(&cut), n as i64);
    let (a, b) = (ledger(&full), ledger(&cut));
    assert!(!a.is_empty());
    assert_eq!(a.len(), b.len());
    assert_eq!(a, b);
    // The same through the CLI: `vigie events --format jsonl`.
    let events = |db: &Path| {
        let out = vigie(&[
            "events",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "jsonl",
            "--limit",
            "0",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let (ea, eb) = (events(&full), events(&cut));
    assert_eq!(ea.lines().count(), a.len());
    assert_eq!(ea, eb);
}

#[test]
fn watch_polls_feeds_with_conditional_get() {
    let srv = start_server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("watch.db");
    let feed = format!("{}/calm.rss", srv.base);
    let mut child = Command::new(VIGIE)
        .args([
            "ingest",
            "--db",
            db.to_str().unwrap(),
            "--json",
            "--watch",
            "--interval",
            "200ms",
            "--rate-limit",
            "0s",
            "--timeout",
            "2s",
            "--retries",
            "0",
            &feed,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut round =
        || -> serde_json::Value { serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap() };
    let (first, second, third) = (round(), round(), round());
    child.kill().unwrap();
    child.wait().unwrap();
    // Round 1: two pages stored; /flaky answers 500 (transient), /missing 404.
    assert_eq!(
        (first["new"].as_u64(), first["errors"].as_u64()),
        (Some(2), Some(2)),
        "{first}"
    );
    // Round 2: the feed is fetched in full again (a transient failure), the
    // known pages are not, /flaky now works; /missing still fails.
    assert_eq!(
        (second["new"].as_u64(), second["errors"].as_u64()),
        (Some(1), Some(1)),
        "{second}"
    );
    assert_eq!(second["unchanged"], 0, "{second}");
    // Round 3: nothing failed transiently last time: conditional GET, 304.
    assert_eq!(third["unchanged"], 1, "{third}");
    assert_eq!(third["articles"], 0, "{third}");
    let log = srv.log.lock().unwrap();
    let feed_gets: Vec<Option<&str>> = log
        .iter()
        .filter(|(p, _, _)| p == "/calm.rss")
        .map(|(_, _, inm)| inm.as_deref())
        .collect();
    assert_eq!(&feed_gets[..3], &[None, None, Some("\"calm-v1\"")]);
    assert_eq!(
        log.iter()
            .filter(|(p, _, _)| p == "/news/northwind-nantes")
            .count(),
        1
    );
}

#[test]
fn file_errors_are_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("a.txt"),
        "Northwind va investir 12 millions d'euros à Nantes, a annoncé le groupe.",
    )
    .unwrap();
    std::fs::write(
        d.join("b.jsonl"),
        "{\"text\":\"Contoso will invest 40 million euros in Lyon, it said.\"}\n{oops\n",
    )
    .unwrap();
    std::fs::write(d.join("c.txt"), b"\x00\x01\x02binary").unwrap();
    let gz = d.join("d.warc.gz");
    let mut enc = flate2_like_gzip(&vigie_ingest::warc::response_record(
        "https://x.example/1",
        "2024-01-01T00:00:00Z",
        &article_html(
            "t",
            "2024-01-01",
            "Fabrikam will invest 9 million euros in Lille.",
        ),
    ));
    enc.truncate(enc.len() / 2);
    std::fs::write(&gz, enc).unwrap();
    let db = dir.path().join("f.db");
    let out = vigie(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        d.to_str().unwrap(),
        dir.path().join("absent").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 4, "{stderr}");
    assert!(errors[0].contains("b.jsonl:2: invalid JSON"), "{errors:?}");
    assert!(errors[1].contains("c.txt: binary content"), "{errors:?}");
    assert!(
        errors[2].contains("d.warc.gz@") && errors[2].contains("truncated gzip"),
        "{errors:?}"
    );
    assert!(
        errors[3].contains("absent: no such file or directory"),
        "{errors:?}"
    );
    assert_eq!(count_articles(&db), 2);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("2 articles (2 new), "), "{stdout}");
}

/// Gzip via the `gzip` program is not assumed; write a stored-block gzip
/// member by hand (deflate "stored" blocks, CRC-32 computed here).
fn flate2_like_gzip(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let chunks: Vec<&[u8]> = data.chunks(65535).collect();
    for (i, c) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = c.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(c);
    }
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn demo_is_idempotent_and_prints_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = Command::new(VIGIE)
        .args(["demo", "--db", db.to_str().unwrap()])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        first.contains("date") && first.contains("investor") && first.contains("Microsoft"),
        "{first}"
    );
    let n = count_articles(&db);
    assert!(n >= 10);
    let before = ledger(&db);
    let out = vigie(&["demo", "--db", db.to_str().unwrap()]);
    assert!(out.status.success());
    let second = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        second.contains(&format!("{n} articles (0 new)")),
        "{second}"
    );
    assert_eq!(count_articles(&db), n);
    assert_eq!(ledger(&db), before);
    // The table itself is unchanged.
    let table = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(table(&first), table(&second));
}

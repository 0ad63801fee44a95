//! The fetcher against a local server: per-host rate limit, robots.txt
//! Crawl-delay, conditional GET, content types.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use vigie_ingest::http::{FetchOptions, Fetched, Fetcher, HttpCache, Resource};
use vigie_ingest::Cause;

type Log = Arc<Mutex<Vec<(String, Instant, Option<String>)>>>;

/// Serves a fixed set of answers on 127.0.0.1; stops with the test process.
fn serve(robots: &'static str) -> (String, Log) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", l.local_addr().unwrap());
    let log: Log = Arc::default();
    let log2 = log.clone();
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(mut s) = s else { continue };
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            let _ = r.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let mut inm = None;
            loop {
                let mut h = String::new();
                if r.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("if-none-match:") {
                    inm = Some(v.trim().to_string());
                }
            }
            log2.lock()
                .unwrap()
                .push((path.clone(), Instant::now(), inm.clone()));
            let (status, ctype, body): (&str, &str, String) = match path.as_str() {
                "/robots.txt" if robots == "503" => ("503 Service Unavailable", "text/plain", String::new()),
                "/robots.txt" => ("200 OK", "text/plain", robots.to_string()),
                "/etag" if inm.as_deref() == Some("\"v1\"") => ("304 Not Modified", "text/html", String::new()),
                "/data.csv" => ("200 OK", "text/csv", "a,b\n1,2\n".into()),
                "/plain" => ("200 OK", "text/plain; charset=utf-8", "Plain words here.".into()),
                _ => ("200 OK", "text/html", format!("<html><body><p>Page {path} with enough words to be read as the main content of this page.</p></body></html>")),
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nETag: \"v1\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (base, log)
}

fn opts(interval_ms: u64) -> FetchOptions {
    FetchOptions {
        per_host_interval: Duration::from_millis(interval_ms),
        timeout: Duration::from_secs(5),
        retries: 0,
        ..FetchOptions::default()
    }
}

fn gaps(log: &Log) -> Vec<Duration> {
    let l = log.lock().unwrap();
    l.windows(2)
        .map(|w| w[1].1.duration_since(w[0].1))
        .collect()
}

#[test]
fn per_host_rate_limit_spaces_requests() {
    let (base, log) = serve("User-agent: *\nAllow: /\n");
    let mut f = Fetcher::new(opts(250), HttpCache::memory()).unwrap();
    for p in ["/a", "/b", "/c"] {
        assert!(matches!(
            f.get(&format!("{base}{p}"), false).unwrap(),
            Fetched::Ok(_)
        ));
    }
    // robots.txt, /a, /b, /c: each at least 250 ms after the previous.
    let g = gaps(&log);
    assert_eq!(g.len(), 3);
    assert!(g.iter().all(|d| *d >= Duration::from_millis(240)), "{g:?}");
}

#[test]
fn crawl_delay_slows_down_and_disallow_blocks() {
    let (base, log) = serve("User-agent: vigie\nCrawl-delay: 1\nDisallow: /no/\n");
    let mut f = Fetcher::new(opts(0), HttpCache::memory()).unwrap();
    f.get(&format!("{base}/a"), false).unwrap();
    f.get(&format!("{base}/b"), false).unwrap();
    let e = f.get(&format!("{base}/no/x"), false).unwrap_err();
    assert_eq!(e.cause, Cause::RobotsDisallowed);
    assert_eq!(
        e.to_string(),
        format!("{base}/no/x: disallowed by robots.txt")
    );
    let g = gaps(&log);
    assert_eq!(
        log.lock().unwrap().len(),
        3,
        "the disallowed page is never requested"
    );
    assert!(g[1] >= Duration::from_millis(950), "{g:?}");
}

#[test]
fn conditional_get_and_content_types() {
    let (base, log) = serve("");
    let mut f = Fetcher::new(opts(0), HttpCache::memory()).unwrap();
    let url = format!("{base}/etag");
    assert!(matches!(
        f.get_resource(&url).unwrap(),
        Resource::Article(_)
    ));
    assert_eq!(f.cache.get(&url).unwrap().etag.as_deref(), Some("\"v1\""));
    assert!(matches!(
        f.get_resource(&url).unwrap(),
        Resource::NotModified
    ));
    assert_eq!(
        log.lock().unwrap().last().unwrap().2.as_deref(),
        Some("\"v1\"")
    );
    let e = f.get_resource(&format!("{base}/data.csv")).unwrap_err();
    assert_eq!(e.cause, Cause::ContentType("text/csv".into()));
    match f.get_resource(&format!("{base}/plain")).unwrap() {
        Resource::Article(a) => assert_eq!(a.text, "Plain words here."),
        other => panic!("{other:?}"),
    }
    let e = f.get("ftp://example.org/x", false).unwrap_err();
    assert!(matches!(e.cause, Cause::Unsupported(_)));
}

#[test]
fn robots_server_error_means_nothing_is_fetched() {
    let (base, log) = serve("503");
    let mut f = Fetcher::new(opts(0), HttpCache::memory()).unwrap();
    let e = f.get(&format!("{base}/a"), false).unwrap_err();
    assert_eq!(e.cause, Cause::RobotsUnavailable(503));
    assert!(e.cause.is_transient());
    let paths: Vec<String> = log
        .lock()
        .unwrap()
        .iter()
        .map(|(p, _, _)| p.clone())
        .collect();
    assert_eq!(paths, vec!["/robots.txt".to_string()]);
}

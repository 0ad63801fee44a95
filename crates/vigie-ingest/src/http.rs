//! Polite HTTP fetching of article pages and RSS/Atom feeds.
//!
//! - a clear `User-Agent` ([`user_agent`]);
//! - `robots.txt` fetched once per origin and respected (`Crawl-delay` too);
//! - a per-host rate limit (one request per second by default);
//! - conditional GET: `ETag` / `Last-Modified` remembered in an [`HttpCache`]
//!   (a small JSON file), sent back as `If-None-Match` / `If-Modified-Since`;
//! - timeouts, a redirect limit, a size limit, content types checked;
//! - retries with exponential backoff on 5xx, 429, timeouts and connection
//!   failures, never on other 4xx.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use vigie_model::Article;

use crate::date::normalize_date;
use crate::{one_line, Cause, IngestError};

/// `vigie/<version> (+https://github.com/vigie; investment-news observatory)`.
pub fn user_agent() -> String {
    format!(
        "vigie/{} (+https://github.com/vigie; investment-news observatory)",
        env!("CARGO_PKG_VERSION")
    )
}

/// The product token matched against `robots.txt` groups.
pub const ROBOTS_AGENT: &str = "vigie";

/// Fetching options.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub user_agent: String,
    /// Whole-request timeout.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Extra attempts after a retryable failure.
    pub retries: u32,
    /// First backoff delay; doubled at each retry.
    pub backoff: Duration,
    /// Minimum delay between two requests to the same host.
    pub per_host_interval: Duration,
    pub max_redirects: usize,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    pub respect_robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: user_agent(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retries: 3,
            backoff: Duration::from_millis(500),
            per_host_interval: Duration::from_secs(1),
            max_redirects: 5,
            max_bytes: crate::DEFAULT_MAX_BYTES,
            respect_robots: true,
        }
    }
}

/// Validators remembered for conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub etag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_modified: Option<String>,
}

/// URL -> validators, kept in a JSON file (written atomically).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct HttpCache {
    entries: BTreeMap<String, Validators>,
    #[serde(skip)]
    path: Option<PathBuf>,
    #[serde(skip)]
    dirty: bool,
}

impl HttpCache {
    /// An in-memory cache.
    pub fn memory() -> Self {
        HttpCache::default()
    }

    /// Loads the cache at `path` (empty when the file does not exist or
    /// cannot be parsed; it is only an optimisation).
    pub fn load(path: &Path) -> Self {
        let mut c: HttpCache = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        c.path = Some(path.to_path_buf());
        c
    }

    pub fn get(&self, url: &str) -> Option<&Validators> {
        self.entries.get(url)
    }

    pub fn put(&mut self, url: &str, v: Validators) {
        if v.etag.is_none() && v.last_modified.is_none() {
            if self.entries.remove(url).is_some() {
                self.dirty = true;
            }
            return;
        }
        if self.entries.get(url) != Some(&v) {
            self.entries.insert(url.to_string(), v);
            self.dirty = true;
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes the cache to its file (temp file + rename) if it changed.
    pub fn save(&mut self) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if !self.dirty {
            return Ok(());
        }
        let tmp = path.with_extension("tmp");
        let json = serde_json::to_vec_pretty(&*self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, path)?;
        self.dirty = false;
        Ok(())
    }
}

/// A successful response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL after redirects.
    pub final_url: String,
    /// Lower-cased, parameters dropped (`text/html`); empty when absent.
    pub content_type: String,
    pub body: Vec<u8>,
    pub validators: Validators,
}

/// What a GET gave.
#[derive(Debug, Clone)]
pub enum Fetched {
    Ok(Response),
    /// 304: unchanged since the validators we sent.
    NotModified,
}

/// One feed item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    pub url: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// What a URL turned out to be.
#[derive(Debug, Clone)]
pub enum Resource {
    Article(Article),
    Feed(Vec<FeedItem>),
    NotModified,
}

/// A polite blocking HTTP client.
pub struct Fetcher {
    client: reqwest::blocking::Client,
    opts: FetchOptions,
    robots: HashMap<String, Robots>,
    last_request: HashMap<String, Instant>,
    deferred: HashMap<String, Validators>,
    pub cache: HttpCache,
}

impl Fetcher {
    pub fn new(opts: FetchOptions, cache: HttpCache) -> Result<Fetcher, IngestError> {
        let client = reqwest::blocking::Client::builder()
            .user_agent(opts.user_agent.clone())
            .timeout(opts.timeout)
            .connect_timeout(opts.connect_timeout)
            .redirect(reqwest::redirect::Policy::limited(opts.max_redirects))
            .build()
            .map_err(|e| IngestError::new("http client", Cause::Http(one_line(&e.to_string()))))?;
        Ok(Fetcher {
            client,
            opts,
            robots: HashMap::new(),
            last_request: HashMap::new(),
            deferred: HashMap::new(),
            cache,
        })
    }

    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// Fetches a URL as an article or a feed (by content type, else by
    /// sniffing the body). Conditional GET applies.
    pub fn get_resource(&mut self, url: &str) -> Result<Resource, IngestError> {
        let resp = match self.get(url, true)? {
            Fetched::NotModified => return Ok(Resource::NotModified),
            Fetched::Ok(r) => r,
        };
        let res = classify(url, &resp)?;
        // A feed's validators are remembered by the caller once its items
        // are safely stored (see [`Fetcher::remember`]); a page's at once.
        if !matches!(res, Resource::Feed(_)) {
            self.cache.put(url, resp.validators.clone());
        } else {
            self.deferred
                .insert(url.to_string(), resp.validators.clone());
        }
        Ok(res)
    }

    /// Remembers the validators of a feed fetched by [`Fetcher::get_resource`],
    /// so that the next fetch is conditional. Call it only when every item
    /// was handled (stored, or failed for a lasting reason): a 304 must not
    /// hide items that failed transiently.
    pub fn remember(&mut self, url: &str) {
        if let Some(v) = self.deferred.remove(url) {
            self.cache.put(url, v);
        }
    }

    /// Fetches an article page (HTML or plain text).
    pub fn get_article(&mut self, url: &str) -> Result<Option<Article>, IngestError> {
        match self.get_resource(url)? {
            Resource::Article(a) => Ok(Some(a)),
            Resource::NotModified => Ok(None),
            Resource::Feed(_) => Err(IngestError::new(
                url,
                Cause::ContentType("a feed where an article page was expected".into()),
            )),
        }
    }

    /// GET with robots.txt, rate limit, retries and (if `conditional`)
    /// validators from the cache.
    pub fn get(&mut self, url: &str, conditional: bool) -> Result<Fetched, IngestError> {
        let parsed = url::Url::parse(url)
            .map_err(|e| IngestError::new(url, Cause::Http(format!("invalid URL: {e}"))))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(IngestError::new(
                url,
                Cause::Unsupported(format!("URL scheme {}", parsed.scheme())),
            ));
        }
        if self.opts.respect_robots {
            self.robots_check(&parsed)
                .map_err(|c| IngestError::new(url, c))?;
        }
        let validators = if conditional {
            self.cache.get(url).cloned()
        } else {
            None
        };
        let mut attempt = 0;
        loop {
            self.wait_turn(&parsed);
            match self.try_get(url, validators.as_ref()) {
                Ok(f) => return Ok(f),
                Err((cause, retryable)) => {
                    if retryable && attempt < self.opts.retries {
                        let delay = self.opts.backoff.saturating_mul(1u32 << attempt.min(16));
                        std::thread::sleep(delay);
                        attempt += 1;
                        continue;
                    }
                    return Err(IngestError::new(url, cause));
                }
            }
        }
    }

    /// One attempt; `Err((cause, retryable))`.
    fn try_get(&self, url: &str, v: Option<&Validators>) -> Result<Fetched, (Cause, bool)> {
        let mut req = self.client.get(url).header(
            reqwest::header::ACCEPT,
            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        );
        if let Some(v) = v {
            if let Some(e) = &v.etag {
                req = req.header(reqwest::header::IF_NONE_MATCH, e);
            }
            if let Some(lm) = &v.last_modified {
                req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
            }
        }
        let resp = req.send().map_err(|e| req_error(&e))?;
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            let retry =
                status.is_server_error() || status == reqwest::StatusCode::TOO_MANY_REQUESTS;
            return Err((Cause::Status(status.as_u16()), retry));
        }
        let hdr = |name: reqwest::header::HeaderName| {
            resp.headers()
                .get(name)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        };
        let content_type = hdr(reqwest::header::CONTENT_TYPE)
            .unwrap_or_default()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let validators = Validators {
            etag: hdr(reqwest::header::ETAG),
            last_modified: hdr(reqwest::header::LAST_MODIFIED),
        };
        let limit = self.opts.max_bytes;
        if let Some(len) = resp.content_length() {
            if len > limit {
                return Err((Cause::TooLarge { size: len, limit }, false));
            }
        }
        let final_url = resp.url().to_string();
        let mut body = Vec::new();
        resp.take(limit.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| {
                let timeout = e.to_string().to_ascii_lowercase().contains("timed out");
                if timeout {
                    (Cause::Timeout, true)
                } else {
                    (Cause::Http(one_line(&e.to_string())), true)
                }
            })?;
        if body.len() as u64 > limit {
            return Err((
                Cause::TooLarge {
                    size: body.len() as u64,
                    limit,
                },
                false,
            ));
        }
        Ok(Fetched::Ok(Response {
            final_url,
            content_type,
            body,
            validators,
        }))
    }

    /// Sleeps until this host may be asked again, then books the slot.
    fn wait_turn(&mut self, url: &url::Url) {
        let host = url.host_str().unwrap_or_default().to_string();
        let key = format!("{host}:{}", url.port_or_known_default().unwrap_or(0));
        let mut interval = self.opts.per_host_interval;
        if let Some(Robots::Rules(r)) = self.robots.get(&origin(url)) {
            if let Some(d) = r.delay {
                if d.is_finite() && d > 0.0 {
                    interval = interval.max(Duration::from_secs_f32(d.min(60.0)));
                }
            }
        }
        if let Some(last) = self.last_request.get(&key) {
            let next = *last + interval;
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        self.last_request.insert(key, Instant::now());
    }

    /// Is this URL allowed by its origin's robots.txt (RFC 9309)? A
    /// missing robots.txt (4xx) or an unreachable host allows everything;
    /// a server error (5xx) on robots.txt means "disallow all" for now.
    fn robots_check(&mut self, url: &url::Url) -> Result<(), Cause> {
        let o = origin(url);
        if !self.robots.contains_key(&o) {
            let robots_url = format!("{o}/robots.txt");
            let rules = match url::Url::parse(&robots_url) {
                Err(_) => Robots::AllowAll,
                Ok(ru) => {
                    self.wait_turn(&ru);
                    match self.client.get(ru.as_str()).send() {
                        Err(_) => Robots::AllowAll,
                        Ok(resp) if resp.status().is_server_error() => {
                            Robots::Unavailable(resp.status().as_u16())
                        }
                        Ok(resp) if !resp.status().is_success() => Robots::AllowAll,
                        Ok(resp) => {
                            let mut body = Vec::new();
                            let _ = resp.take(512 * 1024).read_to_end(&mut body);
                            match texting_robots::Robot::new(ROBOTS_AGENT, &body) {
                                Ok(r) => Robots::Rules(Box::new(r)),
                                Err(_) => Robots::AllowAll,
                            }
                        }
                    }
                }
            };
            self.robots.insert(o.clone(), rules);
        }
        match self.robots.get(&o) {
            Some(Robots::Rules(r)) if !r.allowed(url.as_str()) => Err(Cause::RobotsDisallowed),
            Some(Robots::Unavailable(s)) => Err(Cause::RobotsUnavailable(*s)),
            _ => Ok(()),
        }
    }
}

/// What an origin's robots.txt says.
enum Robots {
    AllowAll,
    Rules(Box<texting_robots::Robot>),
    /// robots.txt answered this 5xx status: nothing is fetched.
    Unavailable(u16),
}

fn origin(url: &url::Url) -> String {
    url.origin().ascii_serialization()
}

fn req_error(e: &reqwest::Error) -> (Cause, bool) {
    if e.is_timeout() {
        return (Cause::Timeout, true);
    }
    if e.is_redirect() {
        return (Cause::TooManyRedirects, false);
    }
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg = format!("{msg}: {s}");
        src = s.source();
    }
    (
        Cause::Http(one_line(&msg)),
        e.is_connect() || e.is_request() || e.is_body(),
    )
}

/// Article or feed, by content type, else by sniffing.
pub fn classify(url: &str, resp: &Response) -> Result<Resource, IngestError> {
    let ct = resp.content_type.as_str();
    let is_feed_type = ct.contains("rss")
        || ct.contains("atom")
        || ct.ends_with("/xml")
        || (ct.ends_with("+xml") && !ct.contains("xhtml"));
    let is_html = ct.contains("html");
    if is_feed_type || (ct.is_empty() && sniff_feed(&resp.body)) {
        return parse_feed(url, &resp.body).map(Resource::Feed);
    }
    if is_html || ct.is_empty() {
        if sniff_feed(&resp.body) {
            if let Ok(items) = parse_feed(url, &resp.body) {
                return Ok(Resource::Feed(items));
            }
        }
        return crate::html::html_article(url, &resp.body, Some(&resp.final_url))
            .map(Resource::Article);
    }
    if ct == "text/plain" {
        return crate::article_from_bytes(url, &resp.body, crate::Format::Text)
            .map(Resource::Article);
    }
    Err(IngestError::new(url, Cause::ContentType(ct.to_string())))
}

/// Does this body look like RSS or Atom?
pub fn sniff_feed(body: &[u8]) -> bool {
    let head = body.get(..body.len().min(1024)).unwrap_or_default();
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
}

/// Items of an RSS/Atom feed; relative links resolved against `url`.
pub fn parse_feed(url: &str, body: &[u8]) -> Result<Vec<FeedItem>, IngestError> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        .build()
        .parse(body)
        .map_err(|e| IngestError::new(url, Cause::Feed(one_line(&e.to_string()))))?;
    let base = url::Url::parse(url).ok();
    let mut items = Vec::new();
    for e in feed.entries {
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| e.links.first())
            .map(|l| l.href.trim().to_string());
        let Some(link) = link.filter(|l| !l.is_empty()) else {
            continue;
        };
        let link = match &base {
            Some(b) => b.join(&link).map(|u| u.to_string()).unwrap_or(link),
            None => link,
        };
        let published = e
            .published
            .or(e.updated)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .and_then(|d| normalize_date(&d));
        items.push(FeedItem {
            url: link,
            title: e
                .title
                .map(|t| one_line(&t.content))
                .filter(|t| !t.is_empty()),
            published,
        });
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom_items() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>https://ex.org/a</link><pubDate>Mon, 13 May 2024 08:00:00 GMT</pubDate></item>
<item><title>B</title><link>/b</link></item></channel></rss>"#;
        let items = parse_feed("https://ex.org/feed.xml", rss).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].url, "https://ex.org/a");
        assert_eq!(items[0].published.as_deref(), Some("2024-05-13"));
        assert_eq!(items[1].url, "https://ex.org/b");
        let atom = br#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id><updated>2024-05-13T00:00:00Z</updated>
<entry><title>C</title><id>c</id><link href="https://ex.org/c"/><updated>2024-05-12T00:00:00Z</updated></entry></feed>"#;
        let items = parse_feed("https://ex.org/atom", atom).unwrap();
        assert_eq!(items[0].url, "https://ex.org/c");
        assert_eq!(items[0].published.as_deref(), Some("2024-05-12"));
        assert!(parse_feed("u", b"<html>").is_err());
        assert!(sniff_feed(rss) && sniff_feed(atom) && !sniff_feed(b"<html><body>"));
    }

    #[test]
    fn user_agent_names_the_project() {
        assert!(user_agent().starts_with("vigie/"));
        assert!(user_agent().contains("investment-news observatory"));
    }

    #[test]
    fn cache_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.json");
        let mut c = HttpCache::load(&p);
        c.put(
            "u",
            Validators {
                etag: Some("\"x\"".into()),
                last_modified: None,
            },
        );
        c.save().unwrap();
        let c2 = HttpCache::load(&p);
        assert_eq!(c2.get("u").unwrap().etag.as_deref(), Some("\"x\""));
    }
}

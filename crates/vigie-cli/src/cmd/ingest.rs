//! `vigie ingest SOURCE...`: files, directories, WARC archives, article URLs
//! and RSS/Atom feeds into the ledger.
//!
//! Pipeline: read or fetch -> skip articles the store already knows ->
//! extract in parallel (rayon, one shared `Extractor`) -> store in batches,
//! one transaction each. A crash loses at most the batch in flight; the
//! re-run skips what is stored and completes the rest.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use vigie_extract::Extractor;
use vigie_ingest::http::{FetchOptions, Fetcher, HttpCache, Resource};
use vigie_ingest::{IngestError, Raw, ReadOptions};
use vigie_model::{Article, Event};
use vigie_store::Store;

/// Arguments of `vigie ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (recursive), WARC archives (.warc, .warc.gz),
    /// article URLs or RSS/Atom feed URLs (http/https).
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<String>,
    /// Database path (default: $VIGIE_DB, else ./vigie.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// No progress bar and no summary; errors are still reported.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// Keep polling the sources (feeds) every --interval.
    #[arg(long)]
    pub watch: bool,
    /// Polling interval for --watch (e.g. 90s, 15m, 1h).
    #[arg(long, default_value = "15m", value_parser = parse_duration)]
    pub interval: Duration,
    /// Extraction threads (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Articles per database transaction.
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
    /// Minimum delay between two requests to the same host.
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    pub rate_limit: Duration,
    /// HTTP request timeout.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Retries after a 5xx, 429, timeout or connection failure.
    #[arg(long, default_value_t = 3)]
    pub retries: u32,
    /// First retry delay, doubled at each retry.
    #[arg(long, default_value = "500ms", value_parser = parse_duration)]
    pub backoff: Duration,
    /// Largest document accepted (file, WARC record or page), in MB.
    #[arg(long, default_value_t = 20)]
    pub max_size_mb: u64,
    /// Most redirects followed for one request.
    #[arg(long, default_value_t = 5)]
    pub max_redirects: usize,
}

/// `90s`, `15m`, `1h`, `500ms`, or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("invalid duration {s:?} (try 30s, 15m, 1h)"))?;
    let secs = match unit.trim() {
        "" | "s" | "sec" => n,
        "ms" => n / 1000.0,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        "d" => n * 86400.0,
        u => {
            return Err(format!(
                "invalid duration unit {u:?} (use ms, s, m, h or d)"
            ))
        }
    };
    if !secs.is_finite() || secs < 0.0 {
        return Err(format!("invalid duration {s:?}"));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Counters of one run, printed as the summary.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    /// Articles read or fetched.
    pub articles: u64,
    /// Of which stored for the first time.
    pub new: u64,
    /// Of which already in the database (skipped).
    pub known: u64,
    /// Events extracted from the new articles (mentions).
    pub events: u64,
    /// Events created in the ledger (the rest merged into existing ones).
    pub ledger_events_new: u64,
    /// Articles stored without events because extraction refused them
    /// (language other than French or English, no text).
    pub not_extracted: u64,
    /// URLs unchanged since the last fetch (HTTP 304).
    pub unchanged: u64,
    /// Inputs that failed (each reported once on stderr).
    pub errors: u64,
    pub seconds: f64,
}

impl Summary {
    pub fn line(&self) -> String {
        format!(
            "{} articles ({} new), {} events, {} errors in {:.1} s",
            self.articles, self.new, self.events, self.errors, self.seconds
        )
    }
}

/// The ingest machinery shared by `vigie ingest` and `vigie demo`.
pub struct Pipeline<'a> {
    store: &'a mut Store,
    extractor: Extractor,
    pool: rayon::ThreadPool,
    batch_size: usize,
    pending: Vec<Article>,
    pending_keys: HashSet<String>,
    raw: Vec<Raw>,
    pub summary: Summary,
    progress: ProgressBar,
    quiet: bool,
}

impl<'a> Pipeline<'a> {
    pub fn new(
        store: &'a mut Store,
        jobs: Option<usize>,
        batch_size: usize,
        quiet: bool,
    ) -> anyhow::Result<Self> {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(j) = jobs {
            b = b.num_threads(j.max(1));
        }
        let pool = b.build().context("cannot start worker threads")?;
        let progress = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let pb = ProgressBar::new_spinner();
            pb.set_style(
                ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            pb.enable_steady_tick(Duration::from_millis(120));
            pb
        };
        Ok(Pipeline {
            store,
            extractor: Extractor::new(),
            pool,
            batch_size: batch_size.max(1),
            pending: Vec::new(),
            pending_keys: HashSet::new(),
            raw: Vec::new(),
            summary: Summary::default(),
            progress,
            quiet,
        })
    }

    fn tick(&self) {
        let s = &self.summary;
        self.progress.set_message(format!(
            "{} articles ({} new), {} events, {} errors",
            s.articles, s.new, s.events, s.errors
        ));
    }

    /// Reports one failure on stderr (once) and counts it.
    pub fn error(&mut self, e: &dyn std::fmt::Display) {
        self.summary.errors += 1;
        let msg = format!("error: {e}");
        self.progress.suspend(|| eprintln!("{msg}"));
        self.tick();
    }

    fn note(&self, msg: String) {
        if !self.quiet {
            self.progress.suspend(|| eprintln!("{msg}"));
        }
    }

    /// Is this URL already stored (so that fetching it can be skipped)?
    pub fn source_known(&self, source: &str) -> bool {
        self.pending_keys.contains(source) || self.store.article_known(source, "").unwrap_or(false)
    }

    /// Takes one document read from a file; HTML pages and WARC records
    /// are converted to articles in parallel, in chunks, order kept.
    pub fn push_raw(&mut self, raw: Raw) -> anyhow::Result<()> {
        let known_source = match &raw {
            Raw::Html { source, .. } => Some(source.as_str()),
            Raw::Record { record, .. } => record
                .header("WARC-Target-URI")
                .map(|u| u.trim_matches(|c| c == '<' || c == '>')),
            Raw::Ready(_) => None,
        };
        if let Some(src) = known_source {
            if self.source_known(src) {
                self.summary.articles += 1;
                self.summary.known += 1;
                self.tick();
                return Ok(());
            }
        }
        self.raw.push(raw);
        if self.raw.len() >= self.batch_size {
            self.convert_raw()?;
        }
        Ok(())
    }

    /// Converts the pending raw documents (in parallel) and takes them.
    pub fn convert_raw(&mut self) -> anyhow::Result<()> {
        if self.raw.is_empty() {
            return Ok(());
        }
        let raw = std::mem::take(&mut self.raw);
        let done: Vec<Option<Result<Article, IngestError>>> = self
            .pool
            .install(|| raw.into_par_iter().map(convert_guarded).collect());
        for r in done.into_iter().flatten() {
            self.push(r)?;
        }
        Ok(())
    }

    /// Takes one read result.
    pub fn push(&mut self, r: Result<Article, IngestError>) -> anyhow::Result<()> {
        match r {
            Ok(a) => self.push_article(a),
            Err(e) => {
                self.error(&e);
                Ok(())
            }
        }
    }

    pub fn push_article(&mut self, a: Article) -> anyhow::Result<()> {
        if !self.raw.is_empty() {
            self.convert_raw()?;
        }
        self.summary.articles += 1;
        let dup = self.pending_keys.contains(&a.source) || self.pending_keys.contains(&a.doc);
        if dup || self.store.article_known(&a.source, &a.text)? {
            self.summary.known += 1;
        } else {
            self.pending_keys.insert(a.source.clone());
            self.pending_keys.insert(a.doc.clone());
            self.pending.push(a);
            if self.pending.len() >= self.batch_size {
                self.flush()?;
            }
        }
        self.tick();
        Ok(())
    }

    /// Extracts and stores the pending articles in one transaction.
    pub fn flush(&mut self) -> anyhow::Result<()> {
        if !self.raw.is_empty() {
            // Converting may fill and flush batches itself.
            self.convert_raw()?;
        }
        if self.pending.is_empty() {
            return Ok(());
        }
        let articles = std::mem::take(&mut self.pending);
        self.pending_keys.clear();
        let extractor = &self.extractor;
        let results: Vec<(Article, Result<Vec<Event>, String>)> = self.pool.install(|| {
            articles
                .into_par_iter()
                .map(|a| {
                    // A bug in extraction must not stop the batch: a panic
                    // becomes this article's failure.
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        extractor.extract(&a)
                    }))
                    .map_err(|_| "internal error (panic) in extraction".to_string())
                    .and_then(|r| r.map_err(|e| e.to_string()));
                    (a, r)
                })
                .collect()
        });
        let mut batch = Vec::with_capacity(results.len());
        for (a, r) in results {
            match r {
                Ok(events) => {
                    self.summary.events += events.len() as u64;
                    batch.push((a, events));
                }
                Err(e) => {
                    // Stored without events, so that it is not retried.
                    self.summary.not_extracted += 1;
                    self.note(format!("note: {}: not extracted: {e}", a.source));
                    batch.push((a, Vec::new()));
                }
            }
        }
        let report = self
            .store
            .ingest_batch(&batch)
            .context("cannot store a batch of articles")?;
        self.summary.new += report.articles_new;
        self.summary.known += report.articles_known;
        self.summary.ledger_events_new += report.events_new;
        self.tick();
        Ok(())
    }

    pub fn finish(&mut self) -> anyhow::Result<()> {
        self.flush()?;
        self.progress.finish_and_clear();
        Ok(())
    }
}

/// [`Raw::into_article`], with a panic in HTML parsing turned into this
/// document's error instead of stopping the batch.
fn convert_guarded(raw: Raw) -> Option<Result<Article, IngestError>> {
    let loc = match &raw {
        Raw::Ready(_) => String::new(),
        Raw::Html { source, .. } => source.clone(),
        Raw::Record { loc, record } => format!("{loc}@{}", record.offset),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| raw.into_article())).unwrap_or_else(
        |_| {
            Some(Err(IngestError::new(
                loc,
                vigie_ingest::Cause::Other("internal error (panic) while parsing the page".into()),
            )))
        },
    )
}

/// Default location of the HTTP validator cache: beside the database.
pub fn http_cache_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".http-cache.json");
    PathBuf::from(s)
}

fn is_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db = vigie_store::db_path(args.db.as_deref());
    let mut store = Store::open(&db).with_context(|| format!("cannot open {}", db.display()))?;
    let read_opts = ReadOptions {
        max_bytes: args.max_size_mb.saturating_mul(1024 * 1024),
    };
    let mut fetcher = if args.sources.iter().any(|s| is_url(s)) {
        let opts = FetchOptions {
            timeout: args.timeout,
            connect_timeout: args.timeout.min(Duration::from_secs(10)),
            retries: args.retries,
            backoff: args.backoff,
            per_host_interval: args.rate_limit,
            max_redirects: args.max_redirects,
            max_bytes: read_opts.max_bytes,
            ..FetchOptions::default()
        };
        Some(Fetcher::new(opts, HttpCache::load(&http_cache_path(&db)))?)
    } else {
        None
    };
    let mut any_error = false;
    loop {
        let started = Instant::now();
        let mut p = Pipeline::new(&mut store, args.jobs, args.batch, args.quiet || args.json)?;
        for src in &args.sources {
            if is_url(src) {
                if let Some(f) = fetcher.as_mut() {
                    ingest_url(&mut p, f, src)?;
                }
            } else {
                let mut res = Ok(());
                vigie_ingest::read_path_raw(Path::new(src), &read_opts, &mut |r| {
                    if res.is_ok() {
                        res = p.push_raw(r);
                    }
                });
                res?;
                p.convert_raw()?;
            }
        }
        p.finish()?;
        if let Some(f) = fetcher.as_mut() {
            // Validators are saved only once everything fetched is stored,
            // so a crash never leaves a 304 hiding unstored items.
            if let Err(e) = f.cache.save() {
                eprintln!("warning: cannot save the HTTP cache: {e}");
            }
        }
        let mut summary = p.summary.clone();
        summary.seconds = started.elapsed().as_secs_f64();
        any_error |= summary.errors > 0;
        if args.json {
            println!("{}", serde_json::to_string(&summary)?);
        } else if !args.quiet {
            println!("{}", summary.line());
        }
        if !args.watch {
            break;
        }
        std::thread::sleep(args.interval);
    }
    Ok(if any_error {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// An article URL or a feed: feeds are followed to their items' pages
/// (items already stored are not fetched again).
fn ingest_url(p: &mut Pipeline, f: &mut Fetcher, url: &str) -> anyhow::Result<()> {
    if p.source_known(url) {
        p.summary.articles += 1;
        p.summary.known += 1;
        return Ok(());
    }
    match f.get_resource(url) {
        Err(e) => p.error(&e),
        Ok(Resource::NotModified) => p.summary.unchanged += 1,
        Ok(Resource::Article(a)) => p.push_article(a)?,
        Ok(Resource::Feed(items)) => {
            let mut transient = false;
            for item in items {
                if p.source_known(&item.url) {
                    p.summary.articles += 1;
                    p.summary.known += 1;
                    continue;
                }
                match f.get_resource(&item.url) {
                    Err(e) => {
                        transient |= e.cause.is_transient();
                        p.error(&e);
                    }
                    Ok(Resource::NotModified) => p.summary.unchanged += 1,
                    Ok(Resource::Feed(_)) => p.error(&IngestError::new(
                        item.url.as_str(),
                        vigie_ingest::Cause::ContentType(
                            "a feed where an article page was expected".into(),
                        ),
                    )),
                    Ok(Resource::Article(mut a)) => {
                        if a.title.is_none() {
                            a.title = item.title.clone();
                        }
                        if a.published.is_none() {
                            a.published = item.published.clone();
                        }
                        p.push_article(a)?;
                    }
                }
            }
            // Next time, ask "modified since?" only if no item failed
            // transiently (those must be fetched again).
            if !transient {
                f.remember(url);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(900));
        assert_eq!(parse_duration("90s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_duration("2").unwrap(), Duration::from_secs(2));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("1h").unwrap(), Duration::from_secs(3600));
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("").is_err());
    }

    #[test]
    fn cache_path_is_beside_the_db() {
        assert_eq!(
            http_cache_path(Path::new("/x/vigie.db")),
            PathBuf::from("/x/vigie.db.http-cache.json")
        );
    }
}

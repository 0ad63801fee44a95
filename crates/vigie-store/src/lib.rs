//! Storage: the SQLite ledger of investment events.
//!
//! Articles and the events extracted from each of them (*mentions*) go in
//! with [`Store::ingest_batch`], ONE transaction per batch: articles (+ the
//! FTS5 index of their title and text), mentions (the contract JSON as
//! extracted, EUR recomputed with the rates in use), then resolution of the
//! new mentions into *events* ([`resolve`]: blocking, rules, merge). A crash
//! (kill -9) loses at most the batch in flight and never leaves a half
//! batch; re-ingesting skips known articles (same source or same text), so
//! a re-run completes the rest and gives the same ledger.
//!
//! Readers ([`Store::open_read_only`], WAL: never blocked by the writer)
//! query events with filters ([`EventQuery`]), one event with its evidence
//! and article texts ([`Store::event`]), aggregates ([`Store::stats`]) and
//! merge explanations ([`Store::explain`]).
//!
//! Schema: `articles`, `articles_fts`, `mentions`, `events` (narrow:
//! denormalised filter and sort columns only), `event_json` (the contract
//! record), `event_places` / `event_sectors` (multi-valued filters and
//! breakdowns, with eur/jobs copied for index-only aggregates),
//! `event_sources` (event <-> article, for `--search`), `rates` (ECB rates
//! loaded by `vigie rates update`). Forward-only migrations in [`schema`].

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, ToSql, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use vigie_model::{doc_id, Article, Event};
use vigie_rates::RateRow;

pub use query::region_name;
pub use vigie_rates::Rates;

pub mod export;
mod query;
pub mod resolve;
pub mod schema;
pub mod synth;

use resolve::{blocking_key, day_number, Decision, Mention, Resolver};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database holds a bad JSON record: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "database schema version {found} is newer than this vigie ({supported}); upgrade vigie"
    )]
    TooNew { found: i64, supported: i64 },
    #[error("database opened read-only")]
    ReadOnly,
    #[error("{0}")]
    Invalid(String),
}

/// Default database path: `$VIGIE_DB` if set, else `./vigie.db`; an explicit
/// `--db` flag wins over both.
pub fn db_path(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    match std::env::var_os("VIGIE_DB") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => PathBuf::from("vigie.db"),
    }
}

/// Reads an ECB rates file: the CSV (`eurofxref-hist.csv`, `eurofxref.csv`)
/// or the zip archive that holds it (`eurofxref-hist.zip`).
pub fn read_rates_file(path: &Path) -> Result<Rates, StoreError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| StoreError::Invalid(format!("{name}: {e}")))?;
    rates_from_bytes(&name, &bytes)
}

/// Parses ECB rates from the bytes of a CSV or of a zip holding one;
/// errors name `name`.
pub fn rates_from_bytes(name: &str, bytes: &[u8]) -> Result<Rates, StoreError> {
    let text = if bytes.starts_with(b"PK\x03\x04") {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| StoreError::Invalid(format!("{name}: bad zip archive: {e}")))?;
        let idx = (0..z.len())
            .find(|&i| {
                z.name_for_index(i)
                    .is_some_and(|n| n.is_ok_and(|n| n.to_ascii_lowercase().ends_with(".csv")))
            })
            .ok_or_else(|| {
                StoreError::Invalid(format!("{name}: no .csv file in the zip archive"))
            })?;
        let f = z
            .by_index(idx)
            .map_err(|e| StoreError::Invalid(format!("{name}: bad zip archive: {e}")))?;
        // The ECB history is ~2 MB; refuse absurd sizes (zip bombs).
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::Read::take(f, 64 << 20), &mut s)
            .map_err(|e| StoreError::Invalid(format!("{name}: cannot read the CSV inside: {e}")))?;
        s
    } else {
        String::from_utf8(bytes.to_vec()).map_err(|_| {
            StoreError::Invalid(format!(
                "{name}: not UTF-8 text (expected the ECB CSV or its zip)"
            ))
        })?
    };
    Rates::from_csv(&text).map_err(|e| StoreError::Invalid(format!("{name}: {e}")))
}

/// What one [`Store::ingest_batch`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReport {
    /// Articles stored.
    pub articles_new: u64,
    /// Articles already known (same source or same content hash): skipped.
    pub articles_known: u64,
    /// Mentions (per-article events) stored.
    pub mentions: u64,
    /// Events created.
    pub events_new: u64,
    /// Mentions merged into an existing event.
    pub events_merged: u64,
}

/// Sort order of [`Store::events`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    Published,
    Eur,
    Investor,
}

impl std::str::FromStr for SortKey {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, StoreError> {
        match s.to_ascii_lowercase().as_str() {
            "published" | "date" => Ok(SortKey::Published),
            "eur" | "amount" => Ok(SortKey::Eur),
            "investor" => Ok(SortKey::Investor),
            _ => Err(StoreError::Invalid(format!(
                "unknown sort key {s:?} (published, eur, investor)"
            ))),
        }
    }
}

/// Filters, sort and page of an event query. All filters are optional and
/// combine with AND.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventQuery {
    /// Case-insensitive match on the investor's canonical name or name.
    pub investor: Option<String>,
    /// ISO 3166-1 alpha-2 of the target.
    pub country: Option<String>,
    /// INSEE region code (e.g. "11").
    pub region: Option<String>,
    /// INSEE département code (e.g. "59", "2A").
    pub departement: Option<String>,
    /// Sector tag of the contract.
    pub sector: Option<String>,
    /// Kind tag of the contract.
    pub kind: Option<String>,
    /// Status tag of the contract.
    pub status: Option<String>,
    /// Published on or after (`YYYY-MM-DD`, or a prefix `YYYY`/`YYYY-MM`).
    pub since: Option<String>,
    /// Published on or before (`YYYY-MM-DD`, or a prefix `YYYY`/`YYYY-MM`).
    pub until: Option<String>,
    /// Amount in EUR at least this.
    pub min_eur: Option<f64>,
    /// Full-text search (SQLite FTS5 syntax) over the text of the articles
    /// that report the event.
    pub search: Option<String>,
    pub sort: SortKey,
    pub desc: bool,
    /// Page size (0 = no limit).
    pub limit: u32,
    pub offset: u32,
}

impl Default for EventQuery {
    fn default() -> Self {
        EventQuery {
            investor: None,
            country: None,
            region: None,
            departement: None,
            sector: None,
            kind: None,
            status: None,
            since: None,
            until: None,
            min_eur: None,
            search: None,
            sort: SortKey::Published,
            desc: true,
            limit: 50,
            offset: 0,
        }
    }
}

/// One page of events and the number of events matching the filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    pub total: u64,
    pub events: Vec<Event>,
}

/// An article that reports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceArticle {
    pub doc: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The article's plain text (evidence offsets point into it).
    pub text: String,
}

/// One event with everything behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub event: Event,
    /// The articles of `event.evidence[*].doc`, each once.
    pub articles: Vec<SourceArticle>,
    /// The per-article events merged into this one.
    pub mentions: Vec<Event>,
}

/// One aggregate bucket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bucket {
    pub key: String,
    /// A readable label when the key is a code (e.g. a region name); else = key.
    pub label: String,
    pub events: u64,
    pub eur: f64,
    pub jobs: u64,
}

/// Totals and breakdowns over the events that match a query (sort and
/// page are ignored).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub events: u64,
    /// Sum of `amount.eur` (events without a EUR amount count 0).
    pub eur: f64,
    /// Sum of `jobs.value`.
    pub jobs: u64,
    pub by_sector: Vec<Bucket>,
    pub by_region: Vec<Bucket>,
    pub by_departement: Vec<Bucket>,
    /// Top investors by EUR amount.
    pub by_investor: Vec<Bucket>,
    /// `YYYY-MM`, ascending.
    pub by_month: Vec<Bucket>,
    pub by_kind: Vec<Bucket>,
}

/// How one mention joined its event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeStep {
    /// Mention id (database row id).
    pub mention: i64,
    pub doc: String,
    pub source: String,
    /// The mention as extracted from its article.
    pub extracted: Event,
    /// `"seed"` for the first mention, else the rule that matched.
    pub rule: String,
    /// Match score in [0, 1] (1 for the seed).
    pub score: f64,
    /// A human-readable reason (amounts, places, dates compared).
    pub reason: String,
}

/// Why an event is made of the mentions it is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub event: Event,
    pub steps: Vec<MergeStep>,
}

/// What a full re-resolution did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveReport {
    pub mentions: u64,
    pub events: u64,
}

/// The ledger. One writer ([`Store::open`]) and many readers
/// ([`Store::open_read_only`]) may use the same file at once (WAL).
pub struct Store {
    conn: Connection,
    rates: OnceCell<Rates>,
    read_only: bool,
    batches: u64,
    /// Recent `stats` results: (query key, PRAGMA data_version, result).
    stats_cache: RefCell<Vec<(String, i64, Stats)>>,
}

/// Entries kept in the per-connection `stats` cache.
const STATS_CACHE: usize = 16;

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("read_only", &self.read_only)
            .finish()
    }
}

fn configure(conn: &Connection, writer: bool) -> Result<(), StoreError> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    if writer {
        // WAL: readers never block the writer; with synchronous=NORMAL a
        // killed process loses nothing committed (only power loss could).
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Invalid(format!(
                "could not switch the database to WAL mode (got {mode})"
            )));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", -64_000)?;
    rusqlite::vtab::array::load_module(conn)?;
    Ok(())
}

impl Store {
    /// Opens (creating it if needed) the database for writing and migrates
    /// its schema. WAL mode, busy timeout.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_err)?;
        configure(&conn, true).map_err(|e| match e {
            StoreError::Sqlite(s) => open_err(s),
            e => e,
        })?;
        let before = schema::version(&conn)?;
        schema::migrate_to(&mut conn, schema::latest())?;
        if before > 0 && before < 9 {
            backfill_keys(&mut conn)?;
        }
        // Planner statistics (bounded work): lets SQLite pick the right
        // index for range filters (dates, amounts) on large ledgers.
        conn.execute_batch("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;")?;
        Ok(Store {
            conn,
            rates: OnceCell::new(),
            read_only: false,
            batches: 0,
            stats_cache: RefCell::new(Vec::new()),
        })
    }

    /// Opens an existing database for reading only.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Invalid(format!(
                "database {}: no such file (create it with `vigie ingest`)",
                path.display()
            )));
        }
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_err)?;
        configure(&conn, false).map_err(|e| match e {
            StoreError::Sqlite(s) => open_err(s),
            e => e,
        })?;
        let v = schema::version(&conn).map_err(|e| match e {
            StoreError::Sqlite(s) => open_err(s),
            e => e,
        })?;
        if v > schema::latest() {
            return Err(StoreError::TooNew {
                found: v,
                supported: schema::latest(),
            });
        }
        if v < schema::latest() {
            return Err(StoreError::Invalid(format!(
                "database {}: schema version {v}, this vigie needs {}; open it once for writing (e.g. `vigie resolve`) to migrate it",
                path.display(),
                schema::latest()
            )));
        }
        Ok(Store {
            conn,
            rates: OnceCell::new(),
            read_only: true,
            batches: 0,
            stats_cache: RefCell::new(Vec::new()),
        })
    }

    /// The underlying connection (for tests and tools; do not write through it).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            Err(StoreError::ReadOnly)
        } else {
            Ok(())
        }
    }

    /// Whether an article with this source (URL/path) or this exact text
    /// (content hash) is already stored.
    pub fn article_known(&self, source: &str, text: &str) -> Result<bool, StoreError> {
        known(&self.conn, source, &doc_id(text))
    }

    /// Stores articles and their extracted events and resolves them into the
    /// ledger, in ONE transaction. Known articles (same source or same text)
    /// are skipped, so re-ingesting changes nothing.
    pub fn ingest_batch(
        &mut self,
        batch: &[(Article, Vec<Event>)],
    ) -> Result<BatchReport, StoreError> {
        self.writable()?;
        self.stats_cache.borrow_mut().clear();
        let rates = self.load_rates_cached()?.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut report = BatchReport::default();
        let mut mentions: Vec<Mention> = Vec::new();
        {
            let mut ins_article = tx.prepare_cached(
                "INSERT INTO articles (doc, source, hash, title, published, lang, text, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            )?;
            let mut ins_fts = tx.prepare_cached(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
            )?;
            let mut ins_mention =
                tx.prepare_cached("INSERT INTO mentions (article, ord, json) VALUES (?1, ?2, ?3)")?;
            for (article, events) in batch {
                let hash = doc_id(&article.text);
                if known(&tx, &article.source, &hash)? {
                    report.articles_known += 1;
                    continue;
                }
                let doc = if article.doc.is_empty() {
                    hash.clone()
                } else {
                    article.doc.clone()
                };
                ins_article.execute(params![
                    doc,
                    article.source,
                    hash,
                    article.title,
                    article.published,
                    article.text,
                    vigie_text::detect_language(&article.text).map(|l| l.code()),
                ])?;
                let aid = tx.last_insert_rowid();
                ins_fts.execute(params![
                    aid,
                    article.title.as_deref().unwrap_or(""),
                    article.text
                ])?;
                report.articles_new += 1;
                for (ord, ev) in events.iter().enumerate() {
                    let mut e = ev.clone();
                    if e.published.is_none() {
                        e.published.clone_from(&article.published);
                    }
                    if e.sources.is_empty() {
                        e.sources.push(article.source.clone());
                    }
                    convert_eur(&rates, &mut e);
                    ins_mention.execute(params![aid, ord as i64, serde_json::to_string(&e)?])?;
                    mentions.push(Mention {
                        id: tx.last_insert_rowid(),
                        article: aid,
                        doc: doc.clone(),
                        ordinal: ord,
                        event: e,
                    });
                    report.mentions += 1;
                }
            }
        }
        let mut resolver = Resolver::new();
        preload(&tx, &mut resolver, &mentions)?;
        let mut decisions = Vec::with_capacity(mentions.len());
        for m in mentions {
            let mid = m.id;
            let d = resolver.add(m);
            if d.rule == "seed" {
                report.events_new += 1;
            } else {
                report.events_merged += 1;
            }
            decisions.push((mid, d));
        }
        write_back(&tx, &mut resolver, &decisions)?;
        tx.commit()?;
        self.batches += 1;
        if self.batches % 50 == 1 {
            // Cheap unless the tables grew a lot since the last analysis.
            self.conn.execute_batch("PRAGMA optimize;")?;
        }
        Ok(report)
    }

    /// A page of events matching the query, and the total count.
    pub fn events(&self, q: &EventQuery) -> Result<EventPage, StoreError> {
        query::events(&self.conn, q)
    }

    /// Calls `f` on every event matching the filters, in order (no paging
    /// limit unless `q.limit` > 0). For exports. Returns the count.
    pub fn for_each_event<F>(&self, q: &EventQuery, f: F) -> Result<u64, StoreError>
    where
        F: FnMut(Event) -> Result<(), StoreError>,
    {
        query::for_each_event(&self.conn, q, f)
    }

    /// One event with its evidence, articles and mentions.
    pub fn event(&self, id: &str) -> Result<Option<EventDetail>, StoreError> {
        query::event(&self.conn, id)
    }

    /// Totals and breakdowns of the events matching the query.
    ///
    /// Results are cached per connection until the database changes
    /// (`PRAGMA data_version` for other writers; this store's own writes
    /// clear the cache), so a dashboard asking again is answered at once.
    pub fn stats(&self, q: &EventQuery) -> Result<Stats, StoreError> {
        let key = serde_json::to_string(&EventQuery {
            sort: SortKey::Published,
            desc: false,
            limit: 0,
            offset: 0,
            ..q.clone()
        })?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if let Some((_, _, s)) = self
            .stats_cache
            .borrow()
            .iter()
            .find(|(k, v, _)| *k == key && *v == version)
        {
            return Ok(s.clone());
        }
        let s = query::stats(&self.conn, q)?;
        let mut cache = self.stats_cache.borrow_mut();
        cache.retain(|(_, v, _)| *v == version);
        if cache.len() >= STATS_CACHE {
            cache.remove(0);
        }
        cache.push((key, version, s.clone()));
        Ok(s)
    }

    /// [`Store::stats`] without the cache (benchmarks, tests).
    #[doc(hidden)]
    pub fn stats_uncached(&self, q: &EventQuery) -> Result<Stats, StoreError> {
        query::stats(&self.conn, q)
    }

    /// Which mentions an event is made of and why.
    pub fn explain(&self, id: &str) -> Result<Option<Explanation>, StoreError> {
        query::explain(&self.conn, id)
    }

    /// Re-runs resolution over all stored mentions (rebuilds the events).
    /// Mentions are replayed in ingestion order, so the result is the one
    /// incremental ingestion gives (same ids).
    pub fn resolve_all(&mut self) -> Result<ResolveReport, StoreError> {
        self.writable()?;
        self.stats_cache.borrow_mut().clear();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let report = resolve_all_tx(&tx)?;
        tx.commit()?;
        Ok(report)
    }

    /// Stores ECB rates in the database (replacing any stored before); the
    /// store then prefers them to the embedded snapshot, recomputes the EUR
    /// amounts of all mentions and re-resolves. Returns the number of rates.
    pub fn load_rates(&mut self, rates: &Rates) -> Result<u64, StoreError> {
        self.writable()?;
        self.stats_cache.borrow_mut().clear();
        if rates.is_empty() {
            return Err(StoreError::Invalid("no rates to load".into()));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM rates", [])?;
        let mut n = 0u64;
        {
            let mut ins =
                tx.prepare_cached("INSERT INTO rates (date, currency, rate) VALUES (?1, ?2, ?3)")?;
            for r in rates.rows() {
                ins.execute(params![r.date, r.currency, r.rate])?;
                n += 1;
            }
            let mut upd = tx.prepare_cached("UPDATE mentions SET json = ?2 WHERE id = ?1")?;
            let rows: Vec<(i64, String)> = tx
                .prepare("SELECT id, json FROM mentions ORDER BY id")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (id, json) in rows {
                let mut e: Event = serde_json::from_str(&json)?;
                let before = e.amount.as_ref().and_then(|a| a.eur);
                convert_eur(rates, &mut e);
                if e.amount.as_ref().and_then(|a| a.eur) != before {
                    upd.execute(params![id, serde_json::to_string(&e)?])?;
                }
            }
        }
        resolve_all_tx(&tx)?;
        tx.commit()?;
        self.rates = OnceCell::new();
        let _ = self.rates.set(rates.clone());
        Ok(n)
    }

    fn load_rates_cached(&self) -> Result<&Rates, StoreError> {
        if let Some(r) = self.rates.get() {
            return Ok(r);
        }
        let rows: Vec<RateRow> = self
            .conn
            .prepare("SELECT date, currency, rate FROM rates")?
            .query_map([], |r| {
                Ok(RateRow {
                    date: r.get(0)?,
                    currency: r.get(1)?,
                    rate: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let rates = if rows.is_empty() {
            Rates::embedded()
        } else {
            Rates::from_rows(rows)
        };
        Ok(self.rates.get_or_init(|| rates))
    }

    /// The rates in use: those loaded into the database, else the embedded
    /// ones (also when the database's cannot be read).
    pub fn rates(&self) -> &Rates {
        match self.load_rates_cached() {
            Ok(_) => self.rates.get_or_init(Rates::embedded),
            Err(_) => self.rates.get_or_init(Rates::embedded),
        }
    }

    /// Whether rates were loaded into the database (`vigie rates update`),
    /// and their latest date.
    pub fn stored_rates_latest(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT max(date) FROM rates", [], |r| r.get(0))?)
    }
}

/// Fills `amount.eur` from the rates when the currency is known.
fn convert_eur(rates: &Rates, e: &mut Event) {
    let date = e.published.clone();
    if let Some(a) = e.amount.as_mut() {
        if let Some(cur) = a.currency.as_deref() {
            if let Some(eur) = rates.to_eur(a.value, cur, date.as_deref()) {
                a.eur = Some((eur * 100.0).round() / 100.0);
            }
        }
    }
}

fn known(conn: &Connection, source: &str, hash: &str) -> Result<bool, StoreError> {
    let mut st = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE source = ?1)
             OR EXISTS (SELECT 1 FROM articles WHERE hash = ?2)",
    )?;
    Ok(st.query_row(params![source, hash], |r| r.get(0))?)
}

fn read_mentions(
    conn: &Connection,
    sql: &str,
    p: &[&dyn ToSql],
) -> Result<Vec<Mention>, StoreError> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map(p, |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, article, doc, ord, json) = row?;
        out.push(Mention {
            id,
            article,
            doc,
            ordinal: usize::try_from(ord).unwrap_or(0),
            event: serde_json::from_str(&json)?,
        });
    }
    Ok(out)
}

const MENTION_COLS: &str =
    "SELECT m.id, m.article, a.doc, m.ord, m.json FROM mentions m JOIN articles a ON a.id = m.article";

/// Loads into the resolver every stored event a batch of mentions could merge with.
fn preload(conn: &Connection, r: &mut Resolver, mentions: &[Mention]) -> Result<(), StoreError> {
    // key -> (earliest day an event may start, min day, max day, has undated)
    let mut keys: BTreeMap<String, (i64, i64, i64, bool)> = BTreeMap::new();
    for m in mentions {
        let day = m.event.published.as_deref().and_then(day_number);
        for k in resolve::lookup_keys(&m.event) {
            let e = keys
                .entry(k)
                .or_insert((i64::MAX, i64::MAX, i64::MIN, false));
            match day {
                Some(d) => {
                    // A retrospective mention may join an event up to
                    // RETRO_DAYS older, stored in an earlier batch.
                    let back = if resolve::retrospective(&m.event) {
                        resolve::RETRO_DAYS
                    } else {
                        resolve::WINDOW_DAYS
                    };
                    e.0 = e.0.min(d - back);
                    e.1 = e.1.min(d);
                    e.2 = e.2.max(d);
                }
                None => e.3 = true,
            }
        }
    }
    let mut found: BTreeMap<i64, String> = BTreeMap::new();
    let mut all_b = conn.prepare_cached("SELECT rowid, id FROM events WHERE block_key = ?1")?;
    let mut window_b = conn.prepare_cached(
        "SELECT rowid, id FROM events WHERE block_key = ?1
           AND (min_day IS NULL OR (min_day <= ?3 AND max_day >= ?2))",
    )?;
    // Secondary keys ("p:…", "r:…") live in event_keys.
    let mut all_s = conn.prepare_cached(
        "SELECT e.rowid, e.id FROM event_keys k JOIN events e ON e.rowid = k.event WHERE k.key = ?1",
    )?;
    let mut window_s = conn.prepare_cached(
        "SELECT e.rowid, e.id FROM event_keys k JOIN events e ON e.rowid = k.event
          WHERE k.key = ?1 AND (e.min_day IS NULL OR (e.min_day <= ?3 AND e.max_day >= ?2))",
    )?;
    for (k, (from, lo, hi, undated)) in &keys {
        let secondary = k.starts_with("p:") || k.starts_with("r:");
        let (all, window) = if secondary {
            (&mut all_s, &mut window_s)
        } else {
            (&mut all_b, &mut window_b)
        };
        let rows = if *undated || *lo > *hi {
            all.query_map(params![k], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<(i64, String)>, _>>()?
        } else {
            window
                .query_map(params![k, from, hi + resolve::WINDOW_DAYS], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<Result<Vec<(i64, String)>, _>>()?
        };
        found.extend(rows);
        // Events made only of later recollections of a commitment ("t:"),
        // up to RETRO_DAYS after the mention.
        if !secondary && !*undated && *lo <= *hi {
            let rows = window_s
                .query_map(
                    params![format!("t:{k}"), lo, hi + resolve::RETRO_DAYS],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?
                .collect::<Result<Vec<(i64, String)>, _>>()?;
            found.extend(rows);
        }
    }
    let sql = format!("{MENTION_COLS} WHERE m.event = ?1 ORDER BY m.id");
    for (rowid, id) in found {
        let ms = read_mentions(conn, &sql, &[&id])?;
        r.preload(id, rowid, ms);
    }
    Ok(())
}

/// Fills `event_keys` for the events of a database made before it existed.
fn backfill_keys(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut sel = tx.prepare("SELECT event, json FROM event_json")?;
        let mut ins =
            tx.prepare("INSERT OR IGNORE INTO event_keys (key, event) VALUES (?1, ?2)")?;
        let rows = sel
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        for (rowid, json) in rows {
            // A record this build cannot read gets no secondary keys (it
            // still resolves by its blocking key).
            let Ok(e) = serde_json::from_str::<Event>(&json) else {
                continue;
            };
            for k in resolve::secondary_keys(&e) {
                ins.execute(params![k, rowid])?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

/// Writes the changed clusters and the mentions' decisions.
fn write_back(
    tx: &Transaction<'_>,
    r: &mut Resolver,
    decisions: &[(i64, Decision)],
) -> Result<(), StoreError> {
    let mut ins_event = tx.prepare_cached(
        "INSERT INTO events (id, kind, status, investor, investor_lc, investor_name_lc, block_key,
             country, published, min_day, max_day, eur, jobs, n_sources, month)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut upd_event = tx.prepare_cached(
        "UPDATE events SET id = ?1, kind = ?2, status = ?3, investor = ?4, investor_lc = ?5,
             investor_name_lc = ?6, block_key = ?7, country = ?8, published = ?9, min_day = ?10,
             max_day = ?11, eur = ?12, jobs = ?13, n_sources = ?14, month = ?15
         WHERE rowid = ?16",
    )?;
    let mut put_json = tx.prepare_cached(
        "INSERT INTO event_json (event, json) VALUES (?1, ?2)
         ON CONFLICT (event) DO UPDATE SET json = excluded.json",
    )?;
    let mut del_places = tx.prepare_cached("DELETE FROM event_places WHERE event = ?1")?;
    let mut del_sectors = tx.prepare_cached("DELETE FROM event_sectors WHERE event = ?1")?;
    let mut del_sources = tx.prepare_cached("DELETE FROM event_sources WHERE event = ?1")?;
    let mut del_keys = tx.prepare_cached("DELETE FROM event_keys WHERE event = ?1")?;
    let mut ins_key =
        tx.prepare_cached("INSERT OR IGNORE INTO event_keys (key, event) VALUES (?1, ?2)")?;
    let mut ins_place = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_places (event, level, code, eur, jobs) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut ins_sector = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_sectors (event, sector, eur, jobs) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut ins_source =
        tx.prepare_cached("INSERT OR IGNORE INTO event_sources (event, article) VALUES (?1, ?2)")?;
    // Adds (?2 = 1) or removes (?2 = -1) an event's share of the running totals.
    let mut agg = tx.prepare_cached(
        "INSERT INTO agg (dim, key, label, events, eur, jobs)
         SELECT * FROM (
           SELECT 'total', '', NULL, ?2, ?2 * total(eur), ?2 * total(jobs)
             FROM events WHERE rowid = ?1 GROUP BY rowid
           UNION ALL SELECT 'kind', kind, NULL, ?2, ?2 * total(eur), ?2 * total(jobs)
             FROM events WHERE rowid = ?1 GROUP BY kind
           UNION ALL SELECT 'month', month, NULL, ?2, ?2 * total(eur), ?2 * total(jobs)
             FROM events WHERE rowid = ?1 AND month IS NOT NULL GROUP BY month
           UNION ALL SELECT 'investor', investor_lc, investor, ?2, ?2 * total(eur), ?2 * total(jobs)
             FROM events WHERE rowid = ?1 AND investor_lc IS NOT NULL GROUP BY investor_lc
           UNION ALL SELECT 'sector', sector, NULL, ?2, ?2 * total(eur), ?2 * total(jobs)
             FROM event_sectors WHERE event = ?1 GROUP BY sector
           UNION ALL SELECT CASE level WHEN 'r' THEN 'region' ELSE 'departement' END, code, NULL,
               ?2, ?2 * total(eur), ?2 * total(jobs)
             FROM event_places WHERE event = ?1 AND level IN ('r', 'd') GROUP BY level, code
         ) WHERE true
         ON CONFLICT (dim, key) DO UPDATE SET events = events + excluded.events,
             eur = eur + excluded.eur, jobs = jobs + excluded.jobs,
             label = coalesce(label, excluded.label)",
    )?;
    for c in r.clusters.iter_mut().filter(|c| c.dirty) {
        let e = &c.event;
        let days: Vec<i64> = c
            .mentions
            .iter()
            .filter_map(|m| m.event.published.as_deref().and_then(day_number))
            .collect();
        let eur = e.amount.as_ref().and_then(|a| a.eur);
        let jobs = e
            .jobs
            .as_ref()
            .map(|j| i64::try_from(j.value).unwrap_or(i64::MAX));
        let inv = e.investor.as_ref();
        let json = serde_json::to_string(e)?;
        let month = e
            .published
            .as_deref()
            .and_then(|p| p.get(..7))
            .map(str::to_string);
        let vals = params![
            c.id,
            e.kind.as_str(),
            e.status.as_str(),
            inv.map(|o| o.canonical.clone()),
            inv.map(|o| o.canonical.to_lowercase()),
            inv.map(|o| o.name.to_lowercase()),
            blocking_key(e),
            e.country,
            e.published,
            days.iter().min(),
            days.iter().max(),
            eur,
            jobs,
            e.sources.len() as i64,
            month,
        ];
        let rowid = match c.rowid {
            Some(rowid) => {
                agg.execute(params![rowid, -1])?;
                let mut v: Vec<&dyn ToSql> = vals.to_vec();
                v.push(&rowid);
                upd_event.execute(v.as_slice())?;
                del_places.execute([rowid])?;
                del_sectors.execute([rowid])?;
                del_sources.execute([rowid])?;
                del_keys.execute([rowid])?;
                rowid
            }
            None => {
                ins_event.execute(vals)?;
                let rowid = tx.last_insert_rowid();
                c.rowid = Some(rowid);
                rowid
            }
        };
        put_json.execute(params![rowid, json])?;
        for p in &e.places {
            for (level, code) in [("r", &p.region), ("d", &p.departement), ("c", &p.commune)] {
                if let Some(code) = code {
                    ins_place.execute(params![rowid, level, code, eur, jobs])?;
                }
            }
        }
        for s in &e.sectors {
            ins_sector.execute(params![rowid, s.as_str(), eur, jobs])?;
        }
        for m in &c.mentions {
            ins_source.execute(params![rowid, m.article])?;
        }
        for k in resolve::secondary_keys(e) {
            ins_key.execute(params![k, rowid])?;
        }
        if resolve::all_retrospective(c) {
            if let Some(k) = blocking_key(e) {
                ins_key.execute(params![format!("t:{k}"), rowid])?;
            }
        }
        agg.execute(params![rowid, 1])?;
        c.dirty = false;
    }
    tx.execute("DELETE FROM agg WHERE events <= 0 AND dim <> 'total'", [])?;
    let mut upd_mention = tx.prepare_cached(
        "UPDATE mentions SET event = ?2, rule = ?3, score = ?4, reason = ?5 WHERE id = ?1",
    )?;
    for (mid, d) in decisions {
        let id = r.clusters.get(d.cluster).map(|c| c.id.as_str());
        upd_mention.execute(params![mid, id, d.rule, d.score, d.reason])?;
    }
    Ok(())
}

fn resolve_all_tx(tx: &Transaction<'_>) -> Result<ResolveReport, StoreError> {
    tx.execute_batch(
        "DELETE FROM event_places; DELETE FROM event_sectors; DELETE FROM event_sources; DELETE FROM event_keys;
         DELETE FROM event_json; DELETE FROM events; DELETE FROM agg; UPDATE mentions SET event = NULL, rule = NULL, score = NULL, reason = NULL;",
    )?;
    let sql = format!("{MENTION_COLS} ORDER BY m.id");
    let mentions = read_mentions(tx, &sql, &[])?;
    let mut r = Resolver::new();
    let mut decisions = Vec::with_capacity(mentions.len());
    let n = mentions.len() as u64;
    for m in mentions {
        let id = m.id;
        decisions.push((id, r.add(m)));
    }
    write_back(tx, &mut r, &decisions)?;
    Ok(ResolveReport {
        mentions: n,
        events: r.clusters.len() as u64,
    })
}

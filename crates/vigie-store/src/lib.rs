//! Storage: the SQLite ledger of investment events.
//!
//! Articles and the events extracted from each of them (*mentions*) go in
//! with [`Store::ingest_batch`], one transaction per batch; mentions of the
//! same commitment across articles are resolved into one *event*. Readers
//! ([`Store::open_read_only`]) query events with filters ([`EventQuery`]),
//! one event with its evidence ([`Store::event`]) and aggregates
//! ([`Store::stats`]).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use vigie_model::{Article, Event};

pub use vigie_rates::Rates;

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
    #[allow(dead_code)]
    conn: rusqlite::Connection,
    #[allow(dead_code)]
    rates: Rates,
    #[allow(dead_code)]
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("read_only", &self.read_only)
            .finish()
    }
}

fn todo() -> StoreError {
    StoreError::Invalid("vigie-store: not built yet".into())
}

impl Store {
    /// Opens (creating it if needed) the database for writing and migrates
    /// its schema. WAL mode, busy timeout.
    pub fn open(_path: &Path) -> Result<Store, StoreError> {
        Err(todo())
    }

    /// Opens an existing database for reading only.
    pub fn open_read_only(_path: &Path) -> Result<Store, StoreError> {
        Err(todo())
    }

    /// Whether an article with this source (URL/path) or this exact text
    /// (content hash) is already stored.
    pub fn article_known(&self, _source: &str, _text: &str) -> Result<bool, StoreError> {
        Err(todo())
    }

    /// Stores articles and their extracted events and resolves them into the
    /// ledger, in ONE transaction. Known articles are skipped.
    pub fn ingest_batch(
        &mut self,
        _batch: &[(Article, Vec<Event>)],
    ) -> Result<BatchReport, StoreError> {
        Err(todo())
    }

    /// A page of events matching the query, and the total count.
    pub fn events(&self, _q: &EventQuery) -> Result<EventPage, StoreError> {
        Err(todo())
    }

    /// Calls `f` on every event matching the filters, in order (no paging
    /// limit unless `q.limit` > 0). For exports.
    pub fn for_each_event<F>(&self, _q: &EventQuery, _f: F) -> Result<u64, StoreError>
    where
        F: FnMut(Event) -> Result<(), StoreError>,
    {
        Err(todo())
    }

    /// One event with its evidence, articles and mentions.
    pub fn event(&self, _id: &str) -> Result<Option<EventDetail>, StoreError> {
        Err(todo())
    }

    /// Totals and breakdowns of the events matching the query.
    pub fn stats(&self, _q: &EventQuery) -> Result<Stats, StoreError> {
        Err(todo())
    }

    /// Which mentions an event is made of and why.
    pub fn explain(&self, _id: &str) -> Result<Option<Explanation>, StoreError> {
        Err(todo())
    }

    /// Re-runs resolution over all stored mentions (rebuilds the events).
    pub fn resolve_all(&mut self) -> Result<ResolveReport, StoreError> {
        Err(todo())
    }

    /// Stores ECB rates in the database (replacing any stored before);
    /// the store then prefers them to the embedded snapshot, and
    /// recomputes EUR amounts. Returns the number of rates stored.
    pub fn load_rates(&mut self, _rates: &Rates) -> Result<u64, StoreError> {
        Err(todo())
    }

    /// The rates in use: those loaded into the database, else the embedded ones.
    pub fn rates(&self) -> &Rates {
        &self.rates
    }
}

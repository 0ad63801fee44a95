//! The JSON API: routes, parameter validation, errors.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use vigie_model::{Kind, Sector, Status};
use vigie_store::{EventDetail, EventQuery, SortKey, StoreError};

use crate::AppState;

/// Largest page.
pub const MAX_LIMIT: u32 = 200;
/// Default page size.
pub const DEFAULT_LIMIT: u32 = 50;
/// Largest offset (deep paging is what filters are for).
pub const MAX_OFFSET: u32 = 1_000_000;
const MAX_TEXT: usize = 200;

/// An API error: a status and a one-line message, sent as `{"error": "..."}`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("server busy, try again")]
    Unavailable,
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(m) => ApiError::BadRequest(one_line(&m)),
            other => {
                tracing::error!("store: {other}");
                ApiError::Internal(format!("database error: {other}"))
            }
        }
    }
}

/// Runs a store query; when it has a full-text search, an SQLite error that
/// comes from FTS5's query parser is the client's mistake (400).
async fn query<T, F>(st: &AppState, q: EventQuery, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&vigie_store::Store, &EventQuery) -> Result<T, StoreError> + Send + 'static,
{
    let searching = q.search.is_some();
    st.pool
        .run(move |s| match f(s, &q) {
            Err(StoreError::Sqlite(e)) if searching && is_fts_error(&e.to_string()) => Err(
                StoreError::Invalid(format!("q: invalid search query ({e})")),
            ),
            other => other,
        })
        .await
}

fn is_fts_error(msg: &str) -> bool {
    let m = msg.to_ascii_lowercase();
    [
        "fts5",
        "syntax error",
        "no such column",
        "unterminated string",
        "malformed match",
        "unknown special query",
    ]
    .iter()
    .any(|k| m.contains(k))
}

/// The body of every error answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let mut r = (
            status,
            Json(ErrorBody {
                error: self.to_string(),
            }),
        )
            .into_response();
        r.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        r
    }
}

pub(crate) async fn not_found(uri: axum::http::Uri) -> ApiError {
    let path = uri.path();
    let shown: String = path.chars().take(100).collect();
    ApiError::NotFound(format!("no such resource: {shown}"))
}

pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/stats", get(stats))
        .route("/api/search", get(search))
        .route("/api/openapi.json", get(openapi_json))
}

/// The paths of the API, as routed and as documented.
pub const API_PATHS: &[&str] = &[
    "/api/events",
    "/api/events/{id}",
    "/api/stats",
    "/api/search",
    "/api/openapi.json",
];

// ---------- parameters ----------

/// Query parameters of `/api/events` and `/api/search` (all optional,
/// combined with AND; `q` is required by `/api/search`).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventsParams {
    /// Investor name (case-insensitive).
    pub investor: Option<String>,
    /// Target country, ISO 3166-1 alpha-2 (e.g. `FR`).
    pub country: Option<String>,
    /// INSEE region code (e.g. `11`).
    pub region: Option<String>,
    /// INSEE département code (e.g. `59`, `2A`).
    pub departement: Option<String>,
    /// Sector tag of the contract (e.g. `datacenter_cloud`).
    pub sector: Option<String>,
    /// Kind: capex, equity, acquisition, public_funding, jobs.
    pub kind: Option<String>,
    /// Status: announced, planned, sought, completed, cancelled.
    pub status: Option<String>,
    /// Published on or after: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Published on or before: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Amount in EUR at least this.
    #[param(value_type = Option<f64>, minimum = 0)]
    pub min_eur: Option<String>,
    /// Full-text search over the articles that report the event (SQLite FTS5 syntax).
    pub q: Option<String>,
    /// Sort key: published (default), eur, investor.
    pub sort: Option<String>,
    /// Sort order: desc (default) or asc.
    pub order: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Events to skip, 0 to 1000000 (default 0).
    #[param(value_type = Option<u32>, minimum = 0, maximum = 1000000)]
    pub offset: Option<String>,
}

/// Query parameters of `/api/stats`: the filters of `/api/events`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsParams {
    /// Investor name (case-insensitive).
    pub investor: Option<String>,
    /// Target country, ISO 3166-1 alpha-2 (e.g. `FR`).
    pub country: Option<String>,
    /// INSEE region code (e.g. `11`).
    pub region: Option<String>,
    /// INSEE département code (e.g. `59`, `2A`).
    pub departement: Option<String>,
    /// Sector tag of the contract.
    pub sector: Option<String>,
    /// Kind tag of the contract.
    pub kind: Option<String>,
    /// Status tag of the contract.
    pub status: Option<String>,
    /// Published on or after: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Published on or before: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Amount in EUR at least this.
    #[param(value_type = Option<f64>, minimum = 0)]
    pub min_eur: Option<String>,
    /// Full-text search over the articles (SQLite FTS5 syntax).
    pub q: Option<String>,
}

/// Validates the raw query string of `/api/events` (`stats = false`) or
/// `/api/stats` (`stats = true`) into a store query; the error is the 400
/// message. Public for property tests and fuzzing.
pub fn validate_query(raw: &str, stats: bool) -> Result<EventQuery, ApiError> {
    if stats {
        parse_query::<StatsParams>(Some(raw))?.into_query()
    } else {
        parse_query::<EventsParams>(Some(raw))?.into_query()
    }
}

fn parse_query<T: serde::de::DeserializeOwned + Default>(raw: Option<&str>) -> Result<T, ApiError> {
    match raw {
        None | Some("") => Ok(T::default()),
        Some(s) => {
            if s.len() > 4096 {
                return Err(ApiError::BadRequest("query string too long".into()));
            }
            serde_urlencoded::from_str(s)
                .map_err(|e| ApiError::BadRequest(one_line(&format!("bad query parameters: {e}"))))
        }
    }
}

/// Messages may quote the client's input: control characters (newlines…)
/// are escaped so that an error is always one line.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Empty values mean "no filter" (as an HTML form sends them).
fn nonempty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn text(name: &str, v: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(v) = nonempty(v) else {
        return Ok(None);
    };
    if v.chars().count() > MAX_TEXT {
        return Err(ApiError::BadRequest(format!(
            "{name}: at most {MAX_TEXT} characters"
        )));
    }
    if v.chars().any(char::is_control) {
        return Err(ApiError::BadRequest(format!(
            "{name}: control characters are not allowed"
        )));
    }
    Ok(Some(v))
}

fn tag<T: std::str::FromStr>(
    name: &str,
    v: Option<String>,
    all: &[&str],
) -> Result<Option<String>, ApiError> {
    let Some(v) = nonempty(v) else {
        return Ok(None);
    };
    if v.parse::<T>().is_err() {
        return Err(ApiError::BadRequest(format!(
            "{name}: unknown value {v:?} (expected one of: {})",
            all.join(", ")
        )));
    }
    Ok(Some(v))
}

fn country(v: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(v) = nonempty(v) else {
        return Ok(None);
    };
    if v.len() == 2 && v.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(Some(v.to_ascii_uppercase()))
    } else {
        Err(ApiError::BadRequest(format!(
            "country: {v:?} is not an ISO 3166-1 alpha-2 code (e.g. FR)"
        )))
    }
}

fn region(v: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(v) = nonempty(v) else {
        return Ok(None);
    };
    if (2..=3).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(v))
    } else {
        Err(ApiError::BadRequest(format!(
            "region: {v:?} is not an INSEE region code (e.g. 11, 84)"
        )))
    }
}

fn departement(v: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(v) = nonempty(v) else {
        return Ok(None);
    };
    let up = v.to_ascii_uppercase();
    let ok = ((2..=3).contains(&up.len()) && up.bytes().all(|b| b.is_ascii_digit()))
        || up == "2A"
        || up == "2B";
    if ok {
        Ok(Some(up))
    } else {
        Err(ApiError::BadRequest(format!(
            "departement: {v:?} is not an INSEE département code (e.g. 59, 2A, 974)"
        )))
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn date(name: &str, v: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(v) = nonempty(v) else {
        return Ok(None);
    };
    let bad = || {
        ApiError::BadRequest(format!(
            "{name}: {v:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ))
    };
    let parts: Vec<&str> = v.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    match parts.as_slice() {
        [y] => {
            num(y, 4).ok_or_else(bad)?;
        }
        [y, m] => {
            num(y, 4).ok_or_else(bad)?;
            let m = num(m, 2).ok_or_else(bad)?;
            if !(1..=12).contains(&m) {
                return Err(bad());
            }
        }
        [y, m, d] => {
            let y = num(y, 4).ok_or_else(bad)?;
            let m = num(m, 2).ok_or_else(bad)?;
            let d = num(d, 2).ok_or_else(bad)?;
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return Err(bad()),
            };
            if !(1..=days).contains(&d) {
                return Err(bad());
            }
        }
        _ => return Err(bad()),
    }
    Ok(Some(v))
}

fn number<T>(name: &str, v: Option<String>, min: T, max: T) -> Result<Option<T>, ApiError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    let Some(v) = nonempty(v) else {
        return Ok(None);
    };
    match v.parse::<T>() {
        Ok(n) if n >= min && n <= max => Ok(Some(n)),
        _ => Err(ApiError::BadRequest(format!(
            "{name}: {v:?} is not a number between {min} and {max}"
        ))),
    }
}

fn min_eur(v: Option<String>) -> Result<Option<f64>, ApiError> {
    let Some(s) = nonempty(v) else {
        return Ok(None);
    };
    match s.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
        _ => Err(ApiError::BadRequest(format!(
            "min_eur: {s:?} is not a non-negative number"
        ))),
    }
}

const KINDS: &[&str] = &["capex", "equity", "acquisition", "public_funding", "jobs"];
const STATUSES: &[&str] = &["announced", "planned", "sought", "completed", "cancelled"];

fn sector_names() -> Vec<&'static str> {
    Sector::ALL.iter().map(|s| s.as_str()).collect()
}

#[allow(clippy::too_many_arguments)]
fn filters(
    investor: Option<String>,
    country_: Option<String>,
    region_: Option<String>,
    departement_: Option<String>,
    sector: Option<String>,
    kind: Option<String>,
    status: Option<String>,
    since: Option<String>,
    until: Option<String>,
    min_eur_: Option<String>,
    q: Option<String>,
) -> Result<EventQuery, ApiError> {
    let q = EventQuery {
        investor: text("investor", investor)?,
        country: country(country_)?,
        region: region(region_)?,
        departement: departement(departement_)?,
        sector: tag::<Sector>("sector", sector, &sector_names())?,
        kind: tag::<Kind>("kind", kind, KINDS)?,
        status: tag::<Status>("status", status, STATUSES)?,
        since: date("since", since)?,
        until: date("until", until)?,
        min_eur: min_eur(min_eur_)?,
        search: text("q", q)?,
        ..EventQuery::default()
    };
    if let (Some(a), Some(b)) = (&q.since, &q.until) {
        // Compare at the coarser precision: since 2024-05-10, until 2024-05 is fine.
        let n = a.len().min(b.len());
        if a.get(..n) > b.get(..n) {
            return Err(ApiError::BadRequest(format!(
                "since ({a}) is after until ({b})"
            )));
        }
    }
    Ok(q)
}

impl EventsParams {
    /// Validates every parameter and builds the store query.
    pub fn into_query(self) -> Result<EventQuery, ApiError> {
        let mut q = filters(
            self.investor,
            self.country,
            self.region,
            self.departement,
            self.sector,
            self.kind,
            self.status,
            self.since,
            self.until,
            self.min_eur,
            self.q,
        )?;
        q.sort = match nonempty(self.sort).as_deref() {
            None | Some("published") => SortKey::Published,
            Some("eur") => SortKey::Eur,
            Some("investor") => SortKey::Investor,
            Some(other) => {
                return Err(ApiError::BadRequest(format!(
                    "sort: unknown key {other:?} (expected one of: published, eur, investor)"
                )))
            }
        };
        q.desc = match nonempty(self.order).as_deref() {
            None | Some("desc") => true,
            Some("asc") => false,
            Some(other) => {
                return Err(ApiError::BadRequest(format!(
                    "order: {other:?} is neither asc nor desc"
                )))
            }
        };
        q.limit = number("limit", self.limit, 1, MAX_LIMIT)?.unwrap_or(DEFAULT_LIMIT);
        q.offset = number("offset", self.offset, 0, MAX_OFFSET)?.unwrap_or(0);
        Ok(q)
    }
}

impl StatsParams {
    /// Validates every parameter and builds the store query.
    pub fn into_query(self) -> Result<EventQuery, ApiError> {
        filters(
            self.investor,
            self.country,
            self.region,
            self.departement,
            self.sector,
            self.kind,
            self.status,
            self.since,
            self.until,
            self.min_eur,
            self.q,
        )
    }
}

// ---------- responses ----------

/// A page of events.
#[derive(Debug, Serialize, Deserialize)]
pub struct EventsPage {
    /// Events matching the filters (all pages).
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub events: Vec<vigie_model::Event>,
}

// ---------- handlers ----------

/// Events matching the filters, sorted and paged.
#[utoipa::path(get, path = "/api/events", tag = "events",
    params(EventsParams),
    responses(
        (status = 200, description = "A page of events", body = crate::openapi::EventsPageDoc),
        (status = 400, description = "Invalid parameter", body = crate::openapi::ErrorDoc),
    ))]
pub(crate) async fn events(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = parse_query::<EventsParams>(raw.as_deref())?.into_query()?;
    page(st, q).await
}

async fn page(st: AppState, q: EventQuery) -> Result<Response, ApiError> {
    cached(&st, "events", q, |s, q| {
        let p = s.events(q)?;
        Ok(EventsPage {
            total: p.total,
            limit: q.limit,
            offset: q.offset,
            events: p.events,
        })
    })
    .await
}

/// Answers from the cache, or runs the query (serialising in the blocking
/// task) and caches the JSON.
async fn cached<T, F>(st: &AppState, route: &str, q: EventQuery, f: F) -> Result<Response, ApiError>
where
    T: Serialize,
    F: FnOnce(&vigie_store::Store, &EventQuery) -> Result<T, StoreError> + Send + 'static,
{
    let key = format!(
        "{route} {}",
        serde_json::to_string(&q).map_err(|e| ApiError::Internal(e.to_string()))?
    );
    if let Some(body) = st.cache.get(&key) {
        return Ok(json_response(body, "hit"));
    }
    let before = st.cache.stamp_now();
    let body = query(st, q, move |s, q| {
        let v = f(s, q)?;
        Ok(serde_json::to_vec(&v)?)
    })
    .await?;
    let body = std::sync::Arc::new(body);
    st.cache.put(key, before, std::sync::Arc::clone(&body));
    Ok(json_response(body, "miss"))
}

fn json_response(body: std::sync::Arc<Vec<u8>>, cache: &'static str) -> Response {
    let bytes = axum::body::Bytes::from_owner(ArcBytes(body));
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::HeaderName::from_static("x-cache"), cache),
        ],
        bytes,
    )
        .into_response()
}

/// Lets a cached body be sent without copying it.
struct ArcBytes(std::sync::Arc<Vec<u8>>);
impl AsRef<[u8]> for ArcBytes {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

/// Events whose articles match a full-text query (`q` is required).
#[utoipa::path(get, path = "/api/search", tag = "events",
    params(EventsParams),
    responses(
        (status = 200, description = "A page of matching events", body = crate::openapi::EventsPageDoc),
        (status = 400, description = "Missing or invalid parameter", body = crate::openapi::ErrorDoc),
    ))]
pub(crate) async fn search(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = parse_query::<EventsParams>(raw.as_deref())?.into_query()?;
    if q.search.is_none() {
        return Err(ApiError::BadRequest(
            "q: a search query is required (e.g. q=usine)".into(),
        ));
    }
    page(st, q).await
}

/// One event with its evidence, the articles that report it and its mentions.
#[utoipa::path(get, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "Event id (evt_…)")),
    responses(
        (status = 200, description = "The event and its evidence", body = crate::openapi::EventDetailDoc),
        (status = 400, description = "Malformed id", body = crate::openapi::ErrorDoc),
        (status = 404, description = "No such event", body = crate::openapi::ErrorDoc),
    ))]
pub(crate) async fn event(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<EventDetail>, ApiError> {
    let ok = !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !ok {
        return Err(ApiError::BadRequest(
            "id: an event id is letters, digits, '_' and '-' (e.g. evt_7f3a…)".into(),
        ));
    }
    let key = id.clone();
    match st.pool.run(move |s| s.event(&key)).await? {
        Some(d) => Ok(Json(d)),
        None => Err(ApiError::NotFound(format!("no event {id}"))),
    }
}

/// Totals and breakdowns (region, département, sector, investor, month, kind)
/// of the events matching the filters.
#[utoipa::path(get, path = "/api/stats", tag = "stats",
    params(StatsParams),
    responses(
        (status = 200, description = "Aggregates", body = crate::openapi::StatsDoc),
        (status = 400, description = "Invalid parameter", body = crate::openapi::ErrorDoc),
    ))]
pub(crate) async fn stats(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = parse_query::<StatsParams>(raw.as_deref())?.into_query()?;
    cached(&st, "stats", q, |s, q| s.stats(q)).await
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json", body = Object)))]
pub(crate) async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::document_json(),
    )
        .into_response()
}

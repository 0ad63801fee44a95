//! HTTP API and dashboard over the vigie ledger.
//!
//! [`app`] builds the axum [`Router`]: the JSON API under `/api/` (events with
//! filters and paging, one event with its evidence and articles, aggregates,
//! full-text search, the OpenAPI document) and the dashboard (static assets
//! embedded at build time from `web/static/`). The database is opened
//! read-only; queries run on a small [`Pool`] of [`Store`] connections inside
//! `spawn_blocking`, since a SQLite connection is not `Sync`.

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::Router;
use tokio::sync::Semaphore;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use vigie_store::{Store, StoreError};

mod api;
mod assets;
mod cache;
pub mod openapi;

pub use api::{validate_query, ApiError, API_PATHS};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    #[error("a pool needs at least one connection")]
    EmptyPool,
}

/// Limits and sizes of the server.
#[derive(Debug, Clone)]
pub struct Options {
    /// Longest time a request may take before a 503 answer.
    pub request_timeout: Duration,
    /// Largest request body accepted (the API only has GET routes).
    pub body_limit: usize,
    /// How long a cached answer of `/api/stats`, `/api/events` or
    /// `/api/search` may be served (zero: no cache). Entries are dropped as
    /// soon as the database changes on disk; the TTL only bounds memory use
    /// and staleness should a change go unnoticed.
    pub cache_ttl: Duration,
    /// Cached answers kept at most.
    pub cache_entries: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            request_timeout: Duration::from_secs(10),
            body_limit: 16 * 1024,
            cache_ttl: Duration::from_secs(600),
            cache_entries: 512,
        }
    }
}

/// A fixed set of read-only [`Store`] connections shared by the handlers.
/// Each query takes one connection for the time of a blocking task.
pub struct Pool {
    stores: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
    db: Option<std::path::PathBuf>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("available", &self.permits.available_permits())
            .finish()
    }
}

impl Pool {
    /// Opens `size` read-only connections to the database at `path`
    /// (which must exist).
    pub fn open_read_only(path: &Path, size: usize) -> Result<Pool, ServerError> {
        let stores = (0..size.max(1))
            .map(|_| Store::open_read_only(path))
            .collect::<Result<Vec<_>, _>>()?;
        let mut pool = Pool::from_stores(stores)?;
        pool.db = Some(path.to_path_buf());
        Ok(pool)
    }

    /// A pool over stores opened by the caller.
    pub fn from_stores(stores: Vec<Store>) -> Result<Pool, ServerError> {
        if stores.is_empty() {
            return Err(ServerError::EmptyPool);
        }
        Ok(Pool {
            permits: Arc::new(Semaphore::new(stores.len())),
            stores: Mutex::new(stores),
            db: None,
        })
    }

    /// Runs `f` on a free connection in a blocking task.
    pub(crate) async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| ApiError::Unavailable)?;
        let pool = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = pool
                .stores
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop();
            let Some(store) = store else {
                return Err(ApiError::Unavailable);
            };
            // Puts the connection back even if `f` panics.
            let guard = Checkout {
                pool: &pool,
                store: Some(store),
            };
            match guard.store.as_ref() {
                Some(s) => f(s).map_err(ApiError::from),
                None => Err(ApiError::Unavailable),
            }
        })
        .await;
        joined.map_err(|_| ApiError::Internal("query task failed".into()))?
    }
}

struct Checkout<'a> {
    pool: &'a Pool,
    store: Option<Store>,
}

impl Drop for Checkout<'_> {
    fn drop(&mut self) {
        if let Some(s) = self.store.take() {
            self.pool
                .stores
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(s);
        }
    }
}

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    pub(crate) pool: Arc<Pool>,
    pub(crate) cache: Arc<cache::Cache>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("pool", &self.pool)
            .finish()
    }
}

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The whole application: API, dashboard, limits, compression and headers.
pub fn app(pool: Arc<Pool>, options: &Options) -> Router {
    let cache = cache::Cache::new(pool.db.clone(), options.cache_ttl, options.cache_entries);
    let state = AppState {
        pool,
        cache: Arc::new(cache),
    };
    Router::new()
        .merge(api::routes())
        .merge(assets::routes())
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(RequestBodyLimitLayer::new(options.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            options.request_timeout,
        ))
}

/// The queries the dashboard sends most: no filter, one region, one sector,
/// one kind (aggregates and the first page of events).
pub fn warm_set() -> Vec<String> {
    const REGIONS: &[&str] = &[
        "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
    ];
    let page = "sort=published&order=desc&limit=25&offset=0";
    let mut filters = vec![String::new()];
    filters.extend(REGIONS.iter().map(|r| format!("region={r}")));
    filters.extend(
        vigie_model::Sector::ALL
            .iter()
            .map(|s| format!("sector={}", s.as_str())),
    );
    filters.extend(
        vigie_model::Kind::ALL
            .iter()
            .map(|k| format!("kind={}", k.as_str())),
    );
    let mut uris = Vec::new();
    for f in filters {
        let sep = if f.is_empty() { "" } else { "&" };
        uris.push(format!("/api/stats?{f}"));
        uris.push(format!("/api/events?{f}{sep}{page}"));
    }
    uris
}

/// Runs the [`warm_set`] queries one after the other, so that they are in
/// the answer cache when the dashboard asks (one connection at a time: the
/// other connections stay free for visitors).
pub async fn warm_up(app: &Router) {
    use tower::ServiceExt;
    for uri in warm_set() {
        let Ok(req) = axum::http::Request::get(uri.as_str()).body(axum::body::Body::empty()) else {
            continue;
        };
        let Ok(resp) = app.clone().oneshot(req).await;
        if !resp.status().is_success() {
            tracing::warn!("warm-up {uri}: {}", resp.status());
        }
    }
}

/// Whether the database at `db` changed since `last` (size or time of the
/// file or its WAL).
fn changed(db: &Path, last: &mut Option<cache::Stamp>) -> bool {
    let now = cache::stamp(db);
    let changed = last.as_ref() != Some(&now);
    *last = Some(now);
    changed
}

/// Binds `addr` (port 0 picks a free port).
pub async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, ServerError> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Bind { addr, source })
}

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM. If no handler can be
/// installed, never completes (the process is then stopped by the signal).
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// What `vigie serve` runs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The database (opened read-only; it must exist).
    pub db: std::path::PathBuf,
    pub addr: SocketAddr,
    /// Read-only connections (and so concurrent queries).
    pub pool_size: usize,
    pub options: Options,
}

/// Opens the database, binds, calls `on_ready` with the bound address and
/// serves until Ctrl-C. Builds its own tokio runtime.
pub fn run(config: ServeConfig, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let pool = Arc::new(Pool::open_read_only(&config.db, config.pool_size)?);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("vigie-server")
        .build()?;
    rt.block_on(async move {
        let listener = bind(config.addr).await?;
        on_ready(listener.local_addr()?);
        let shutdown = stop_signal();
        let app = app(pool, &config.options);
        if !config.options.cache_ttl.is_zero() {
            // Keep the common answers warm, also while `vigie ingest` writes.
            let (warm, db) = (app.clone(), config.db.clone());
            let refresh = config.options.cache_ttl / 2;
            tokio::spawn(async move {
                let mut last = None;
                let mut warmed = std::time::Instant::now();
                loop {
                    // True the first time (no stamp yet).
                    if changed(&db, &mut last) || warmed.elapsed() >= refresh {
                        warm_up(&warm).await;
                        warmed = std::time::Instant::now();
                    }
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            });
        }
        serve(listener, app, shutdown).await
    })
}

//! The dashboard's static files, embedded at build time from `web/static/`.
//! Only files that exist in the embedded set are served: no file system access,
//! so no path traversal.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use include_dir::{include_dir, Dir};

use crate::api::ApiError;
use crate::AppState;

static WEB: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/web/static");

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .route("/assets/{*path}", get(asset))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, e)| e) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// The embedded file `name`, if it is one (a plain file name, no directories).
pub fn embedded(name: &str) -> Option<&'static [u8]> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-');
    if !plain {
        return None;
    }
    WEB.get_file(name).map(|f| f.contents())
}

fn file(name: &str, cache: &'static str) -> Response {
    match embedded(name) {
        Some(bytes) => {
            let mut r = (StatusCode::OK, bytes).into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(name)),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            r
        }
        None => ApiError::NotFound("no such file".into()).into_response(),
    }
}

async fn index() -> Response {
    file("index.html", "no-cache")
}

async fn asset(Path(path): Path<String>) -> Response {
    if path == "index.html" {
        return ApiError::NotFound("no such file".into()).into_response();
    }
    file(&path, "public, max-age=300")
}

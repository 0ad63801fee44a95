//! Ingestion: files, HTML, JSON, WARC, feeds and HTTP into [`Article`]s.
//!
//! Everything that reads the outside world for vigie comes through here and
//! leaves as a plain-text [`Article`] (source, title, date, text). Each input
//! that cannot be read gives one [`IngestError`] naming the file (and line or
//! record) and its cause; the rest of a batch goes on.
//!
//! - [`read_path`]: a file or a directory (recursive, sorted, deterministic).
//! - [`article_from_bytes`] / [`articles_from_bytes`]: bytes of a known [`Format`].
//! - [`warc`]: a tolerant streaming WARC reader (plain and gzip).
//! - [`date::normalize_date`]: many date spellings to `YYYY-MM-DD`.
//! - `http` (feature `http`): polite fetching of pages and RSS/Atom feeds.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use vigie_model::Article;

pub mod date;
mod decode;
pub mod html;
pub mod json;
pub mod warc;

#[cfg(feature = "http")]
pub mod http;

pub use decode::decode;

/// The bundled sample corpus, embedded at build time (feature `sample`).
pub mod sample {
    include!(concat!(env!("OUT_DIR"), "/sample.rs"));

    /// The sample's articles, in file order.
    pub fn articles() -> Vec<Result<vigie_model::Article, crate::IngestError>> {
        SAMPLE
            .iter()
            .flat_map(|(name, bytes)| crate::articles_from_bytes(name, bytes, crate::Format::Json))
            .collect()
    }
}

/// Default limit on the size of one document (a file, a WARC record, a page): 20 MB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// The formats vigie reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (`.txt`, or any unknown extension when named explicitly).
    Text,
    /// Markdown, read as plain text (`.md`, `.markdown`).
    Markdown,
    /// An HTML page; main content extracted (`.html`, `.htm`, `.xhtml`).
    Html,
    /// One article object or an array of them (`.json`).
    Json,
    /// One article object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// A WARC archive (`.warc`), or gzip-compressed (`.warc.gz`).
    Warc,
    /// A gzip-compressed WARC archive (`.warc.gz`).
    WarcGz,
}

impl Format {
    /// The format a file name implies, `None` for unknown extensions.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".warc.gz") {
            return Some(Format::WarcGz);
        }
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "warc" => Format::Warc,
            _ => return None,
        })
    }

    /// May one input of this format hold many articles?
    pub fn is_multi(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Jsonl | Format::Warc | Format::WarcGz
        )
    }
}

/// Options for reading files.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Largest document accepted, in bytes (a file, or one WARC record).
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Why an input could not become an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    NotFound,
    PermissionDenied,
    Io(String),
    Empty,
    TooLarge {
        size: u64,
        limit: u64,
    },
    Binary(String),
    Encoding(String),
    Json(String),
    /// A JSON article without a text field.
    NoText,
    /// An HTML page in which no readable text was found.
    NoContent,
    Warc(String),
    TruncatedGzip,
    Gzip(String),
    /// An HTTP status that is not a success.
    Status(u16),
    Http(String),
    Timeout,
    TooManyRedirects,
    RobotsDisallowed,
    /// robots.txt answered a server error: the site is not crawled for now.
    RobotsUnavailable(u16),
    ContentType(String),
    Feed(String),
    Unsupported(String),
    Other(String),
}

impl Cause {
    /// A failure that may go away by itself (server error, rate limiting,
    /// timeout, network): worth trying again later.
    pub fn is_transient(&self) -> bool {
        match self {
            Cause::Status(s) => *s >= 500 || *s == 429 || *s == 408,
            Cause::Timeout | Cause::Http(_) | Cause::TruncatedGzip => true,
            Cause::RobotsUnavailable(_) => true,
            _ => false,
        }
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::NotFound => f.write_str("no such file or directory"),
            Cause::PermissionDenied => f.write_str("permission denied"),
            Cause::Io(e) => write!(f, "read error: {e}"),
            Cause::Empty => f.write_str("empty document"),
            Cause::TooLarge { size, limit } => {
                write!(f, "too large: {size} bytes (limit {limit} bytes)")
            }
            Cause::Binary(why) => write!(f, "binary content, not text ({why})"),
            Cause::Encoding(e) => write!(f, "cannot decode text: {e}"),
            Cause::Json(e) => write!(f, "invalid JSON: {e}"),
            Cause::NoText => f.write_str("no text field (text, content or body)"),
            Cause::NoContent => f.write_str("no readable text in the HTML page"),
            Cause::Warc(e) => write!(f, "broken WARC record: {e}"),
            Cause::TruncatedGzip => f.write_str("truncated gzip stream"),
            Cause::Gzip(e) => write!(f, "gzip error: {e}"),
            Cause::Status(s) => write!(f, "HTTP status {s}"),
            Cause::Http(e) => write!(f, "HTTP error: {e}"),
            Cause::Timeout => f.write_str("timed out"),
            Cause::TooManyRedirects => f.write_str("too many redirects (loop?)"),
            Cause::RobotsDisallowed => f.write_str("disallowed by robots.txt"),
            Cause::RobotsUnavailable(s) => {
                write!(f, "robots.txt answered HTTP {s}: site not fetched for now")
            }
            Cause::ContentType(t) => write!(f, "unsupported content type {t:?}"),
            Cause::Feed(e) => write!(f, "invalid feed: {e}"),
            Cause::Unsupported(e) => write!(f, "unsupported: {e}"),
            Cause::Other(e) => f.write_str(e),
        }
    }
}

/// An input that could not be read: where (file, `file:line`,
/// `file@offset` for a WARC record, or URL) and why. Displays on one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {cause}")]
pub struct IngestError {
    pub location: String,
    pub cause: Cause,
}

impl IngestError {
    pub fn new(location: impl Into<String>, cause: Cause) -> Self {
        IngestError {
            location: location.into(),
            cause,
        }
    }

    pub(crate) fn io(location: impl Into<String>, e: &std::io::Error) -> Self {
        let cause = match e.kind() {
            std::io::ErrorKind::NotFound => Cause::NotFound,
            std::io::ErrorKind::PermissionDenied => Cause::PermissionDenied,
            _ => Cause::Io(one_line(&e.to_string())),
        };
        IngestError::new(location, cause)
    }
}

/// Collapses whitespace so that a message fits on one line.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a file or a directory (recursively; files in sorted path order)
/// into articles, with the default options. Every failure is one `Err`
/// naming the file (and line or record) and its cause.
pub fn read_path(path: &Path) -> Vec<Result<Article, IngestError>> {
    let mut out = Vec::new();
    read_path_with(path, &ReadOptions::default(), &mut |r| out.push(r));
    out
}

/// Like [`read_path`] but streams results to `sink` (memory stays flat for
/// large archives and directories).
pub fn read_path_with(
    path: &Path,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    read_path_raw(path, opts, &mut |raw| {
        if let Some(r) = raw.into_article() {
            sink(r);
        }
    });
}

/// A document read but not yet turned into an article: the costly step
/// (HTML main-content extraction) is left to [`Raw::into_article`], so that
/// callers can run it in parallel and keep the order.
#[derive(Debug, Clone)]
pub enum Raw {
    /// Already an article (text, JSON) or an error.
    Ready(Result<Article, IngestError>),
    /// An HTML file.
    Html { source: String, bytes: Vec<u8> },
    /// A WARC record of the archive `loc`.
    Record { loc: String, record: warc::Record },
}

impl Raw {
    /// The article (or error); `None` for WARC records that hold no
    /// article (redirects, errors, images).
    pub fn into_article(self) -> Option<Result<Article, IngestError>> {
        match self {
            Raw::Ready(r) => Some(r),
            Raw::Html { source, bytes } => Some(html::html_article(&source, &bytes, None)),
            Raw::Record { loc, record } => warc::record_article(&loc, &record),
        }
    }
}

/// Like [`read_path_with`], but HTML pages and WARC records come out as
/// [`Raw`] documents, to be converted by the caller (in parallel).
pub fn read_path_raw(path: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(Raw)) {
    match list_files(path) {
        Ok(files) => {
            for (file, explicit) in files {
                read_file_raw(&file, explicit, opts, sink);
            }
        }
        Err(e) => sink(Raw::Ready(Err(e))),
    }
}

/// The files `path` stands for, sorted: the file itself (flag `true`: named
/// explicitly), or every file with a known extension under the directory
/// (hidden entries skipped). Errors inside the tree are returned as files
/// so that reading reports them.
pub fn list_files(path: &Path) -> Result<Vec<(PathBuf, bool)>, IngestError> {
    let meta =
        std::fs::metadata(path).map_err(|e| IngestError::io(path.display().to_string(), &e))?;
    if !meta.is_dir() {
        return Ok(vec![(path.to_path_buf(), true)]);
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_file() && Format::from_path(e.path()).is_some() {
                    files.push((e.into_path(), false));
                }
            }
            Err(e) => {
                // An unreadable sub-directory: report it through a read of
                // that path, which fails with the same cause.
                if let Some(p) = e.path() {
                    files.push((p.to_path_buf(), true));
                }
            }
        }
    }
    Ok(files)
}

/// Reads one file. `explicit`: the user named it, so an unknown extension
/// is read as plain text instead of being skipped.
pub fn read_file(
    path: &Path,
    explicit: bool,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    read_file_raw(path, explicit, opts, &mut |raw| {
        if let Some(r) = raw.into_article() {
            sink(r);
        }
    });
}

/// [`read_file`], leaving HTML and WARC records as [`Raw`] documents.
pub fn read_file_raw(path: &Path, explicit: bool, opts: &ReadOptions, sink: &mut dyn FnMut(Raw)) {
    let loc = path.display().to_string();
    let format = match Format::from_path(path) {
        Some(f) => f,
        None if explicit => Format::Text,
        None => return,
    };
    match format {
        Format::Warc | Format::WarcGz => match std::fs::File::open(path) {
            Ok(f) => warc::for_each_record(&loc, f, opts, &mut |r| match r {
                Ok(record) => sink(Raw::Record {
                    loc: loc.clone(),
                    record,
                }),
                Err(e) => sink(Raw::Ready(Err(e))),
            }),
            Err(e) => sink(Raw::Ready(Err(IngestError::io(&loc, &e)))),
        },
        _ => match read_limited(path, opts.max_bytes) {
            Ok(bytes) if format == Format::Html => sink(Raw::Html { source: loc, bytes }),
            Ok(bytes) => {
                for r in articles_from_bytes(&loc, &bytes, format) {
                    sink(Raw::Ready(r));
                }
            }
            Err(e) => sink(Raw::Ready(Err(e))),
        },
    }
}

/// Reads a whole file, refusing directories and files over `limit` bytes.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    let loc = || path.display().to_string();
    let f = std::fs::File::open(path).map_err(|e| IngestError::io(loc(), &e))?;
    let meta = f.metadata().map_err(|e| IngestError::io(loc(), &e))?;
    if meta.is_dir() {
        return Err(IngestError::new(loc(), Cause::Io("is a directory".into())));
    }
    if meta.len() > limit {
        return Err(IngestError::new(
            loc(),
            Cause::TooLarge {
                size: meta.len(),
                limit,
            },
        ));
    }
    let mut bytes = Vec::new();
    f.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::io(loc(), &e))?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::new(
            loc(),
            Cause::TooLarge {
                size: bytes.len() as u64,
                limit,
            },
        ));
    }
    Ok(bytes)
}

/// One article from bytes of a known format. For multi-article formats
/// (JSON arrays, JSONL, WARC) the input must hold exactly one article.
pub fn article_from_bytes(
    source: &str,
    bytes: &[u8],
    format: Format,
) -> Result<Article, IngestError> {
    let mut all = articles_from_bytes(source, bytes, format);
    match all.len() {
        0 => Err(IngestError::new(source, Cause::Empty)),
        1 => all
            .pop()
            .unwrap_or_else(|| Err(IngestError::new(source, Cause::Empty))),
        n => {
            // The first error, if any, else "many".
            if let Some(pos) = all.iter().position(|r| r.is_err()) {
                all.swap_remove(pos)
            } else {
                Err(IngestError::new(
                    source,
                    Cause::Unsupported(format!("{n} articles where one was expected")),
                ))
            }
        }
    }
}

/// Every article in bytes of a known format. `source` names the input in
/// errors and is the article's source when the input gives no URL
/// (suffixed `:line`, `#index` or `@offset` inside multi-article inputs).
pub fn articles_from_bytes(
    source: &str,
    bytes: &[u8],
    format: Format,
) -> Vec<Result<Article, IngestError>> {
    match format {
        Format::Text | Format::Markdown => vec![text_article(source, bytes)],
        Format::Html => vec![html::html_article(source, bytes, None)],
        Format::Json => json::json_articles(source, bytes),
        Format::Jsonl => json::jsonl_articles(source, bytes),
        Format::Warc | Format::WarcGz => {
            let mut out = Vec::new();
            warc::read_warc(
                source,
                bytes,
                format == Format::WarcGz,
                &ReadOptions::default(),
                &mut |r| out.push(r),
            );
            out
        }
    }
}

fn text_article(source: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let text = decode_doc(source, bytes)?;
    let text = tidy_text(&text);
    if text.is_empty() {
        return Err(IngestError::new(source, Cause::Empty));
    }
    Ok(Article::new(source, text))
}

/// Decodes document bytes, mapping failures to an error at `loc`.
pub(crate) fn decode_doc(loc: &str, bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::new(loc, Cause::Empty));
    }
    decode(bytes).map_err(|c| IngestError::new(loc, c))
}

/// Normalises line ends (CRLF, CR to LF) and trims the ends; the text is
/// otherwise kept as is (evidence offsets point into it).
pub(crate) fn tidy_text(s: &str) -> String {
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    };
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(
            Format::from_path(Path::new("x.warc.gz")),
            Some(Format::WarcGz)
        );
        assert_eq!(Format::from_path(Path::new("x.warc")), Some(Format::Warc));
        assert_eq!(Format::from_path(Path::new("x.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("x.jsonl")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("x.png")), None);
        assert_eq!(Format::from_path(Path::new("noext")), None);
    }

    #[test]
    fn text_articles_are_trimmed_and_hashed() {
        let a = article_from_bytes("f.txt", b"  Hello\r\nworld \n", Format::Text).unwrap();
        assert_eq!(a.text, "Hello\nworld");
        assert_eq!(a.doc, vigie_model::doc_id("Hello\nworld"));
        assert_eq!(a.source, "f.txt");
        let e = article_from_bytes("f.txt", b" \n ", Format::Text).unwrap_err();
        assert_eq!(e.cause, Cause::Empty);
        assert_eq!(e.to_string(), "f.txt: empty document");
    }
}

//! A tolerant, streaming WARC reader (WARC/1.0 and 1.1, plain or gzip,
//! one gzip member per record or one for the whole file, as in Common Crawl
//! News). `response` records carrying HTTP responses with HTML (or plain
//! text) become articles whose source is the `WARC-Target-URI`; other
//! records (warcinfo, request, metadata, redirects, errors, images) are
//! skipped. A broken record is reported with its byte offset (in the
//! uncompressed stream) and reading resumes at the next `WARC/` line; a
//! truncated gzip stream is reported once and ends the file.

use std::io::{BufRead, BufReader, Read};

use vigie_model::Article;

use crate::{one_line, Cause, IngestError, ReadOptions};

/// Longest header line accepted (WARC or HTTP).
const MAX_LINE: usize = 64 * 1024;
/// Most header lines accepted in one block.
const MAX_HEADERS: usize = 512;

/// One WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Byte offset of the record's version line in the (uncompressed) stream.
    pub offset: u64,
    pub version: String,
    /// Header fields in order; names as written.
    pub headers: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl Record {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Reads WARC bytes (`gz`: gzip expected; it is also detected from the
/// magic number) and sends one result per article-bearing record or error.
pub fn read_warc<R: Read>(
    loc: &str,
    reader: R,
    gz: bool,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    let _ = gz; // gzip is recognised by its magic number, whatever the name
    for_each_record(loc, reader, opts, &mut |r| match r {
        Ok(rec) => {
            if let Some(a) = record_article(loc, &rec) {
                sink(a);
            }
        }
        Err(e) => sink(Err(e)),
    });
}

/// Streams the records of a WARC (plain or gzip, detected from the magic
/// number) that may hold an article (`response`, `resource`,
/// `conversion`), and one error per broken record.
pub fn for_each_record<R: Read>(
    loc: &str,
    reader: R,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Record, IngestError>),
) {
    let mut buf = BufReader::with_capacity(64 * 1024, reader);
    let magic = match buf.fill_buf() {
        Ok(b) => b.starts_with(&[0x1f, 0x8b]),
        Err(e) => return sink(Err(IngestError::io(loc, &e))),
    };
    if magic {
        let dec = flate2::bufread::MultiGzDecoder::new(buf);
        let mut input = Input::new(BufReader::with_capacity(64 * 1024, dec), true);
        each_record(loc, &mut input, opts, sink);
    } else {
        let mut input = Input::new(buf, false);
        each_record(loc, &mut input, opts, sink);
    }
}

/// Every article-bearing record of a WARC stream (errors included).
pub fn records<R: Read>(
    loc: &str,
    reader: R,
    opts: &ReadOptions,
) -> Vec<Result<Record, IngestError>> {
    let mut out = Vec::new();
    for_each_record(loc, reader, opts, &mut |r| out.push(r));
    out
}

/// Stream position tracking and bounded reads.
struct Input<R> {
    r: R,
    pos: u64,
    gz: bool,
}

enum Line {
    Eof,
    Line(Vec<u8>),
}

impl<R: BufRead> Input<R> {
    fn new(r: R, gz: bool) -> Self {
        Input { r, pos: 0, gz }
    }

    fn err(&self, loc: &str, offset: u64, e: &std::io::Error) -> IngestError {
        let cause = if self.gz {
            if e.kind() == std::io::ErrorKind::UnexpectedEof {
                Cause::TruncatedGzip
            } else {
                Cause::Gzip(one_line(&e.to_string()))
            }
        } else {
            Cause::Io(one_line(&e.to_string()))
        };
        IngestError::new(format!("{loc}@{offset}"), cause)
    }

    /// One line without its end (LF or CRLF); over-long lines are cut.
    fn line(&mut self) -> std::io::Result<Line> {
        let mut out = Vec::new();
        loop {
            let avail = self.r.fill_buf()?;
            if avail.is_empty() {
                return Ok(if out.is_empty() {
                    Line::Eof
                } else {
                    Line::Line(out)
                });
            }
            let (used, done) = match memchr_nl(avail) {
                Some(i) => {
                    if out.len() < MAX_LINE {
                        let take = (MAX_LINE - out.len()).min(i);
                        out.extend_from_slice(avail.get(..take).unwrap_or_default());
                    }
                    (i + 1, true)
                }
                None => {
                    if out.len() < MAX_LINE {
                        let take = (MAX_LINE - out.len()).min(avail.len());
                        out.extend_from_slice(avail.get(..take).unwrap_or_default());
                    }
                    (avail.len(), false)
                }
            };
            self.r.consume(used);
            self.pos += used as u64;
            if done {
                if out.last() == Some(&b'\r') {
                    out.pop();
                }
                return Ok(Line::Line(out));
            }
        }
    }

    /// Reads exactly `n` bytes (or what is left, if less).
    fn take(&mut self, n: u64) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(1 << 24) as usize);
        let got = (&mut self.r).take(n).read_to_end(&mut out)?;
        self.pos += got as u64;
        Ok(out)
    }

    /// Skips `n` bytes; returns how many were skipped.
    fn skip(&mut self, n: u64) -> std::io::Result<u64> {
        let got = std::io::copy(&mut (&mut self.r).take(n), &mut std::io::sink())?;
        self.pos += got;
        Ok(got)
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

fn is_version_line(l: &[u8]) -> bool {
    l.starts_with(b"WARC/")
}

/// Parses records one after another, reporting broken ones and resuming at
/// the next version line.
fn each_record<R: BufRead>(
    loc: &str,
    input: &mut Input<R>,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Record, IngestError>),
) {
    // A version line already read while resynchronising.
    let mut pending: Option<(u64, Vec<u8>)> = None;
    loop {
        let (offset, first) = match pending.take() {
            Some(p) => p,
            None => {
                // Skip blank lines between records.
                loop {
                    let at = input.pos;
                    match input.line() {
                        Ok(Line::Eof) => return,
                        Ok(Line::Line(l)) if l.iter().all(u8::is_ascii_whitespace) => continue,
                        Ok(Line::Line(l)) => break (at, l),
                        Err(e) => return sink(Err(input.err(loc, at, &e))),
                    }
                }
            }
        };
        let broken = |why: String| IngestError::new(format!("{loc}@{offset}"), Cause::Warc(why));
        if !is_version_line(&first) {
            sink(Err(broken(format!(
                "expected a WARC/1.x version line, found {:?}",
                preview(&first)
            ))));
            match resync(input) {
                Ok(Some(p)) => {
                    pending = Some(p);
                    continue;
                }
                Ok(None) => return,
                Err((at, e)) => return sink(Err(input.err(loc, at, &e))),
            }
        }
        let version = String::from_utf8_lossy(&first).trim().to_string();
        // Header block.
        let mut headers = Vec::new();
        let mut bad = None;
        loop {
            let at = input.pos;
            match input.line() {
                Ok(Line::Eof) => {
                    bad = Some("end of file inside the record header".to_string());
                    break;
                }
                Ok(Line::Line(l)) if l.is_empty() => break,
                Ok(Line::Line(l)) => {
                    if is_version_line(&l) {
                        // A record header cut short: the next record begins.
                        bad = Some("record header cut short".to_string());
                        pending = Some((at, l));
                        break;
                    }
                    if headers.len() >= MAX_HEADERS {
                        bad = Some("too many header lines".to_string());
                        break;
                    }
                    let l = String::from_utf8_lossy(&l);
                    match l.split_once(':') {
                        Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
                        None => {
                            bad =
                                Some(format!("malformed header line {:?}", preview(l.as_bytes())));
                            break;
                        }
                    }
                }
                Err(e) => return sink(Err(input.err(loc, at, &e))),
            }
        }
        let length = header(&headers, "Content-Length").map(|v| v.trim().parse::<u64>());
        let length = match (bad, length) {
            (Some(why), _) => Err(why),
            (None, None) => Err("no Content-Length".to_string()),
            (None, Some(Err(_))) => Err("invalid Content-Length".to_string()),
            (None, Some(Ok(n))) => Ok(n),
        };
        let length = match length {
            Ok(n) => n,
            Err(why) => {
                sink(Err(broken(why)));
                if pending.is_some() {
                    continue;
                }
                match resync(input) {
                    Ok(Some(p)) => {
                        pending = Some(p);
                        continue;
                    }
                    Ok(None) => return,
                    Err((at, e)) => return sink(Err(input.err(loc, at, &e))),
                }
            }
        };
        let interesting = is_article_candidate(&headers);
        if !interesting || length > opts.max_bytes {
            let at = input.pos;
            match input.skip(length) {
                Ok(n) if n < length => {
                    return sink(Err(truncated(loc, offset, input.gz, length, n)));
                }
                Ok(_) => {}
                Err(e) => return sink(Err(input.err(loc, at, &e))),
            }
            if interesting {
                sink(Err(IngestError::new(
                    format!("{loc}@{offset}"),
                    Cause::TooLarge {
                        size: length,
                        limit: opts.max_bytes,
                    },
                )));
            }
            continue;
        }
        let at = input.pos;
        let block = match input.take(length) {
            Ok(b) => b,
            Err(e) => return sink(Err(input.err(loc, at, &e))),
        };
        if (block.len() as u64) < length {
            return sink(Err(truncated(
                loc,
                offset,
                input.gz,
                length,
                block.len() as u64,
            )));
        }
        sink(Ok(Record {
            offset,
            version,
            headers,
            block,
        }));
    }
}

fn truncated(loc: &str, offset: u64, gz: bool, want: u64, got: u64) -> IngestError {
    let cause = if gz {
        Cause::TruncatedGzip
    } else {
        Cause::Warc(format!(
            "record truncated: Content-Length {want}, only {got} bytes left"
        ))
    };
    IngestError::new(format!("{loc}@{offset}"), cause)
}

/// Skips to the next version line; returns it with its offset.
#[allow(clippy::type_complexity)]
fn resync<R: BufRead>(
    input: &mut Input<R>,
) -> Result<Option<(u64, Vec<u8>)>, (u64, std::io::Error)> {
    loop {
        let at = input.pos;
        match input.line() {
            Ok(Line::Eof) => return Ok(None),
            Ok(Line::Line(l)) if is_version_line(&l) => return Ok(Some((at, l))),
            Ok(Line::Line(_)) => {}
            Err(e) => return Err((at, e)),
        }
    }
}

fn preview(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let s: String = s.chars().take(40).collect();
    s
}

/// Records that may hold an article: responses and resources.
fn is_article_candidate(headers: &[(String, String)]) -> bool {
    matches!(
        header(headers, "WARC-Type")
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("response") | Some("resource") | Some("conversion")
    )
}

/// An HTTP response split into status, headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Parses an HTTP/1.x response message as stored in a WARC response block.
pub fn parse_http_response(block: &[u8]) -> Result<HttpResponse, String> {
    let end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("no end of HTTP headers")?;
    let head = String::from_utf8_lossy(block.get(..end.0).unwrap_or_default());
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let proto = parts.next().unwrap_or_default();
    if !proto.starts_with("HTTP/") {
        return Err(format!(
            "bad HTTP status line {:?}",
            preview(status_line.as_bytes())
        ));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("bad HTTP status line {:?}", preview(status_line.as_bytes())))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect::<Vec<_>>();
    let mut body = block.get(end.1..).unwrap_or_default().to_vec();
    if header(&headers, "Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        if let Some(b) = dechunk(&body) {
            body = b;
        }
    }
    if header(&headers, "Content-Encoding").is_some_and(|v| {
        let v = v.to_ascii_lowercase();
        v.contains("gzip")
    }) && body.starts_with(&[0x1f, 0x8b])
    {
        let mut out = Vec::new();
        let dec = flate2::read::MultiGzDecoder::new(body.as_slice());
        // A limit guards against decompression bombs.
        if dec
            .take(crate::DEFAULT_MAX_BYTES * 4)
            .read_to_end(&mut out)
            .is_ok()
        {
            body = out;
        }
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes a chunked body; `None` if it is not valid chunked encoding.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(b.get(..nl)?).ok()?;
        let size_str = size_str.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        b = b.get(nl + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

/// The article in a record (of the WARC `loc`), if it carries one; `None` for records that are
/// not articles (non-200, non-HTML), `Some(Err)` for broken ones.
pub fn record_article(loc: &str, rec: &Record) -> Option<Result<Article, IngestError>> {
    let uri = rec
        .header("WARC-Target-URI")
        .map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
    let at = format!("{loc}@{}", rec.offset);
    let source = uri.clone().unwrap_or_else(|| at.clone());
    let warc_ct = rec
        .header("Content-Type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let (content_type, body) = if warc_ct.starts_with("application/http") {
        match parse_http_response(&rec.block) {
            Ok(r) => {
                if r.status != 200 {
                    return None;
                }
                let ct = header(&r.headers, "Content-Type")
                    .unwrap_or("text/html")
                    .to_ascii_lowercase();
                (ct, r.body)
            }
            Err(e) => return Some(Err(IngestError::new(at, Cause::Warc(e)))),
        }
    } else {
        (warc_ct, rec.block.clone())
    };
    let res = if content_type.contains("html") {
        crate::html::html_article(&source, &body, uri.as_deref())
    } else if content_type.starts_with("text/plain") {
        crate::articles_from_bytes(&source, &body, crate::Format::Text)
            .pop()
            .unwrap_or_else(|| Err(IngestError::new(&source, Cause::Empty)))
    } else {
        return None;
    };
    // Errors name the record, not just the URL.
    let res = res.map_err(|e| IngestError::new(format!("{at} ({source})"), e.cause));
    Some(res.map(|mut a| {
        if a.published.is_none() {
            a.published = rec
                .header("WARC-Date")
                .and_then(crate::date::normalize_date);
        }
        a
    }))
}

/// Writes a WARC record (used by tests and tools): version 1.1, given
/// headers plus Content-Length.
pub fn write_record(out: &mut Vec<u8>, headers: &[(&str, &str)], block: &[u8]) {
    out.extend_from_slice(b"WARC/1.1\r\n");
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
}

/// A `response` record for an HTML page at `url` (used by tests and tools).
pub fn response_record(url: &str, date: &str, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let mut out = Vec::new();
    write_record(
        &mut out,
        &[
            ("WARC-Type", "response"),
            ("WARC-Target-URI", url),
            ("WARC-Date", date),
            (
                "WARC-Record-ID",
                "<urn:uuid:00000000-0000-0000-0000-000000000000>",
            ),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http.as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: u32) -> String {
        format!("<html><head><title>Page {n}</title></head><body><article><p>Article number {n} says that Acme invests {n} million euros in a new plant near Lyon, creating jobs.</p></article></body></html>")
    }

    fn read(bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
        let mut out = Vec::new();
        read_warc("t.warc", bytes, false, &ReadOptions::default(), &mut |r| {
            out.push(r)
        });
        out
    }

    #[test]
    fn reads_responses_and_skips_others() {
        let mut w = Vec::new();
        write_record(
            &mut w,
            &[
                ("WARC-Type", "warcinfo"),
                ("Content-Type", "application/warc-fields"),
            ],
            b"software: test\r\n",
        );
        w.extend(response_record(
            "https://ex.org/1",
            "2024-05-13T10:00:00Z",
            &page(1),
        ));
        w.extend(response_record(
            "https://ex.org/2",
            "2024-05-14T10:00:00Z",
            &page(2),
        ));
        let r = read(&w);
        assert_eq!(r.len(), 2, "{r:?}");
        let a = r[0].as_ref().unwrap();
        assert_eq!(a.source, "https://ex.org/1");
        assert_eq!(a.published.as_deref(), Some("2024-05-13"));
        assert!(a.text.contains("Article number 1"), "{}", a.text);
    }

    #[test]
    fn broken_record_is_reported_and_rest_goes_on() {
        let mut w = Vec::new();
        w.extend(response_record(
            "https://ex.org/1",
            "2024-05-13T10:00:00Z",
            &page(1),
        ));
        let bad_at = w.len();
        w.extend_from_slice(
            b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\ngarbage\r\n\r\n",
        );
        w.extend(response_record(
            "https://ex.org/3",
            "2024-05-13T10:00:00Z",
            &page(3),
        ));
        let r = read(&w);
        assert_eq!(r.len(), 3, "{r:?}");
        let e = r[1].as_ref().unwrap_err();
        assert_eq!(e.location, format!("t.warc@{bad_at}"));
        assert!(e.to_string().contains("invalid Content-Length"), "{e}");
        assert_eq!(r[2].as_ref().unwrap().source, "https://ex.org/3");
    }

    #[test]
    fn chunked_bodies_are_decoded() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"zz\r\n").is_none());
    }
}

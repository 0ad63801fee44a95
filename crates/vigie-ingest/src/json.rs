//! JSON articles: one object, an array of objects (`.json`) or one object
//! per line (`.jsonl`). Fields: `text` | `content` | `body` (HTML inside is
//! reduced to its text), `url` | `link`, `title` | `headline`,
//! `date` | `published` | `published_at` | `datePublished` (normalised to
//! `YYYY-MM-DD`). A bad line or element is one error (`file:line`,
//! `file#index`) and the rest goes on.

use serde_json::{Map, Value};
use vigie_model::Article;

use crate::date::normalize_date;
use crate::{decode_doc, one_line, tidy_text, Cause, IngestError};

const TEXT_KEYS: &[&str] = &["text", "content", "body", "article", "articleBody"];
const URL_KEYS: &[&str] = &["url", "link", "source_url", "uri"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
    "pubDate",
    "published_date",
];

/// Articles of a `.json` file: one object or an array of objects.
pub fn json_articles(source: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    let text = match decode_doc(source, bytes) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            return vec![Err(IngestError::new(
                format!("{source}:{}", e.line()),
                Cause::Json(one_line(&e.to_string())),
            ))]
        }
    };
    match value {
        Value::Array(items) => {
            if items.is_empty() {
                return vec![Err(IngestError::new(source, Cause::Empty))];
            }
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let loc = format!("{source}#{}", i + 1);
                    article_from_value(&loc, v)
                })
                .collect()
        }
        v => vec![article_from_value(source, v)],
    }
}

/// Articles of a `.jsonl` file; blank lines are skipped.
pub fn jsonl_articles(source: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Err(IngestError::new(source, Cause::Empty))];
    }
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let loc = format!("{source}:{}", i + 1);
        let parsed = crate::decode(line)
            .map_err(|c| IngestError::new(&loc, c))
            .and_then(|t| {
                serde_json::from_str::<Value>(&t)
                    .map_err(|e| IngestError::new(&loc, Cause::Json(one_line(&e.to_string()))))
            });
        out.push(parsed.and_then(|v| article_from_value(&loc, v)));
    }
    out
}

/// One JSON value to an article; `loc` names it in errors and is its source
/// when it has no URL.
pub fn article_from_value(loc: &str, v: Value) -> Result<Article, IngestError> {
    let Value::Object(m) = v else {
        return Err(IngestError::new(
            loc,
            Cause::Json(format!("expected an object, found {}", kind(&v))),
        ));
    };
    let raw = first_str(&m, TEXT_KEYS).ok_or_else(|| IngestError::new(loc, Cause::NoText))?;
    let url = first_str(&m, URL_KEYS)
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let title = first_str(&m, TITLE_KEYS)
        .map(one_line)
        .filter(|t| !t.is_empty());
    let published = first_str(&m, DATE_KEYS).and_then(normalize_date);
    let (text, html_title, html_date) = if looks_like_html(raw) {
        let p = crate::html::extract_page(raw, url);
        (p.text, p.title, p.published)
    } else {
        (tidy_text(raw), None, None)
    };
    if text.is_empty() {
        return Err(IngestError::new(loc, Cause::Empty));
    }
    let mut a = Article::new(url.unwrap_or(loc), text);
    a.title = title.or(html_title);
    a.published = published.or(html_date);
    Ok(a)
}

fn first_str<'a>(m: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| m.get(*k).and_then(Value::as_str))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Text that is markup rather than prose: starts with a tag, or holds
/// paragraph/div/br tags.
fn looks_like_html(s: &str) -> bool {
    let t = s.trim_start();
    if t.starts_with("<!") || t.starts_with("<html") || t.starts_with("<p") || t.starts_with("<div")
    {
        return true;
    }
    ["</p>", "<br", "</div>"].iter().any(|tag| s.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_and_arrays() {
        let one = br#"{"url":"https://ex.org/a","title":"T","date":"13 mai 2024","text":"Hello."}"#;
        let a = json_articles("a.json", one);
        let a = a[0].as_ref().unwrap();
        assert_eq!(a.source, "https://ex.org/a");
        assert_eq!(a.published.as_deref(), Some("2024-05-13"));
        assert_eq!(a.title.as_deref(), Some("T"));

        let arr = br#"[{"content":"One."},{"nope":1},{"body":"<p>Three.</p>"}, 4]"#;
        let r = json_articles("b.json", arr);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].as_ref().unwrap().source, "b.json#1");
        assert_eq!(
            r[1].as_ref().unwrap_err().to_string(),
            "b.json#2: no text field (text, content or body)"
        );
        assert_eq!(r[2].as_ref().unwrap().text, "Three.");
        assert!(r[3]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("b.json#4: invalid JSON"));
    }

    #[test]
    fn jsonl_bad_line_names_the_line() {
        let src = b"{\"text\":\"One.\"}\n\n{broken\n{\"text\":\"Four.\",\"published_at\":\"2024-01-02T00:00:00Z\"}\n";
        let r = jsonl_articles("c.jsonl", src);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].as_ref().unwrap().source, "c.jsonl:1");
        assert!(r[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("c.jsonl:3: invalid JSON"));
        let last = r[2].as_ref().unwrap();
        assert_eq!(last.text, "Four.");
        assert_eq!(last.published.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn broken_json_file_is_one_error() {
        let r = json_articles("d.json", b"{\"text\": \"x\"");
        assert_eq!(r.len(), 1);
        assert!(r[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("d.json:1: invalid JSON"));
    }
}

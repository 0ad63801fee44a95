//! HTML pages to articles: the main content (readability, via
//! `dom_smoothie`) as plain text with paragraphs, page furniture dropped;
//! the headline, publication date and language from the page's metadata.
//! Truncated or malformed HTML is parsed as browsers do (html5ever), so a
//! cut-off page still gives its text; a page nested deeper than
//! [`MAX_DEPTH`] (the parser and readability slow down with the square of
//! the depth) is read as the flat text between its tags.
//!
//! Before readability runs, the page is cleared of what is never the
//! story: forms and buttons, navigation, figure captions, AMP widgets
//! (ads, sidebars, consent, share buttons), dialogs, hidden elements, every
//! element whose class or id names furniture ("related", "lire-aussi",
//! "share", "cookie", "newsletter", "comments", "paywall", "author-box",
//! "sidebar", …; see [`FURNITURE`]), and "Lire aussi : <link>" / "Read
//! more:" blocks (a cue then mostly link text; a lone label takes the list
//! after it). An element that holds the headline, an `<article>`, `<main>`
//! or `articleBody`, or (unless it names comments) three long paragraphs,
//! is kept whatever its class. When the headline's `<h1>` is found, only
//! its nearest ancestor holding three paragraphs (and that ancestor's own
//! ancestors) stays, so a side column of long prose cannot win. From the
//! text, lines that are only a label ("Publicité", "Advertisement"),
//! wire credits, copyright lines, calls to subscribe, and the byline and
//! date lines above the story are dropped.
//!
//! - Title: the `<h1>` that the page's `og:title`, `twitter:title`,
//!   JSON-LD `headline` or `<title>` contains (so the site's name around
//!   it goes); else `og:title`/JSON-LD with the site's name cut off; else a
//!   lone long `<h1>` (or, in old table layouts, `<font size=5>`); else
//!   `<title>` with the site's name cut off.
//! - Date: `article:published_time` and similar meta tags; JSON-LD
//!   `datePublished` (article objects first); microdata `datePublished`;
//!   then, in document order from the headline on, a `<time datetime>`, an
//!   element whose class names a date, or a line "Publié le …", "Mis en
//!   ligne le …", "Published: …" (an update date is never taken).
//! - Language: detected from the text (`fr`/`en`), else the page's
//!   declared one (`<html lang>`, `og:locale`, JSON-LD `inLanguage`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use dom_query::{Document, NodeId, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use vigie_model::Article;

use crate::date::normalize_date;
use crate::{decode_doc, tidy_text, Cause, IngestError};

/// What was read from a page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// `fr` or `en` as detected from the text, else the page's declared
    /// language (two letters, lower case).
    pub lang: Option<String>,
    pub text: String,
}

/// Bytes of an HTML page to an article. `url` (absolute) helps readability
/// and becomes nothing else: the article's source is `source`.
pub fn html_article(source: &str, bytes: &[u8], url: Option<&str>) -> Result<Article, IngestError> {
    let html = decode_doc(source, bytes)?;
    let page = extract_page(&html, url);
    if page.text.is_empty() {
        return Err(IngestError::new(source, Cause::NoContent));
    }
    let mut a = Article::new(source, page.text);
    a.title = page.title;
    a.published = page.published;
    Ok(a)
}

/// Main text, title, date and language of an HTML document. Never fails;
/// the text is empty when the page has none.
pub fn extract_page(html: &str, url: Option<&str>) -> Page {
    if nests_deeper_than(html, MAX_DEPTH) {
        // The parser and readability slow down with the square of the
        // depth; no real page nests this deep: the text between tags.
        let text = flat_text(html);
        let lang = vigie_text::detect_language(&text).map(|l| l.code().to_string());
        return Page {
            text,
            lang,
            ..Page::default()
        };
    }
    let doc = Document::from(html);
    let ld = json_ld(&doc);
    let metas = Metas::of(&doc);
    let sites = site_names(&metas, &ld);
    let declared = declared_lang(&doc, &metas, &ld);
    let published = published_date(&doc, &metas, &ld);
    let title = headline(&doc, &metas, &ld, &sites);
    drop_furniture(&doc);
    if let Some(t) = &title {
        keep_around_headline(&doc, t);
    }

    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let readable = Readability::with_document(doc.clone(), url, Some(cfg.clone()))
        .or_else(|_| Readability::with_document(doc.clone(), None, Some(cfg)))
        .ok()
        .and_then(|mut r| r.parse().ok());

    let (mut title, mut text, mut published) = (title, String::new(), published);
    if let Some(a) = readable {
        text = drop_header_lines(&clean_text(&a.text_content));
        if title.is_none() && !a.title.trim().is_empty() {
            title = Some(strip_site(&one_line(&a.title), &sites));
        }
        if published.is_none() {
            published = a.published_time.as_deref().and_then(normalize_date);
        }
    }
    if text.is_empty() {
        text = fallback_text(&doc);
    }
    let lang = vigie_text::detect_language(&text)
        .map(|l| l.code().to_string())
        .or(declared);
    Page {
        title,
        published,
        lang,
        text,
    }
}

/// Deepest nesting of elements read as a page; deeper pages are read as
/// flat text.
pub const MAX_DEPTH: usize = 512;

/// Elements that never hold others, close themselves, or are closed by
/// the next of their kind: not counted in the nesting depth.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "colgroup",
    "caption", "thead", "tbody", "tfoot", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The tags of raw HTML, in order: (closing?, lower-case name, byte range of
/// the whole tag), the content of raw-text elements skipped.
fn for_each_tag(html: &str, mut f: impl FnMut(bool, &str, std::ops::Range<usize>) -> bool) {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        let start = i + off;
        let mut j = start + 1;
        let closing = b.get(j) == Some(&b'/');
        if closing {
            j += 1;
        }
        let name_start = j;
        while b
            .get(j)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
        {
            j += 1;
        }
        if j == name_start {
            // "<!--", "<!doctype", "<?xml" or a lone "<".
            if b.get(start + 1..start + 4) == Some(b"!--") {
                let end = html
                    .get(start + 4..)
                    .and_then(|r| r.find("-->"))
                    .map_or(b.len(), |e| start + 4 + e + 3);
                i = end;
            } else {
                i = start + 1;
            }
            continue;
        }
        let name = html
            .get(name_start..j)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let end = b
            .get(j..)
            .and_then(|r| r.iter().position(|&c| c == b'>'))
            .map_or(b.len(), |e| j + e + 1);
        if !f(closing, &name, start..end) {
            return;
        }
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let rest = html.get(i..).unwrap_or_default();
            let lower_at = rest
                .char_indices()
                .find(|(k, _)| {
                    rest.get(*k..k + close.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(&close))
                })
                .map(|(k, _)| k);
            i = lower_at.map_or(b.len(), |k| i + k);
        }
    }
}

/// Does the page nest elements deeper than `limit` (counted roughly, from
/// the raw tags)?
fn nests_deeper_than(html: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut deep = false;
    for_each_tag(html, |closing, name, range| {
        if UNNESTED.contains(&name) || RAW_TEXT.contains(&name) {
            return true;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !html.get(range).is_some_and(|t| t.ends_with("/>")) {
            depth += 1;
            if depth > limit {
                deep = true;
                return false;
            }
        }
        true
    });
    deep
}

/// The text between the tags of raw HTML (scripts and styles dropped,
/// entities decoded), one line per block.
fn flat_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "br",
        "li",
        "td",
        "th",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "header",
        "footer",
    ];
    let mut out = String::with_capacity(html.len() / 2);
    let mut last = 0;
    let mut skip_to: Option<usize> = None;
    for_each_tag(html, |closing, name, range| {
        if skip_to.is_none() {
            out.push_str(html.get(last..range.start).unwrap_or_default());
        }
        skip_to = None;
        if BLOCKS.contains(&name) {
            out.push('\n');
        }
        last = range.end;
        if !closing && RAW_TEXT.contains(&name) && name != "title" {
            // The raw content up to the closing tag is not text.
            skip_to = Some(range.end);
        }
        true
    });
    if skip_to.is_none() {
        out.push_str(html.get(last..).unwrap_or_default());
    }
    // Entities decoded by the parser on a page with no markup left.
    let escaped = out.replace('<', "&lt;");
    clean_text(&Document::from(escaped.as_str()).root().text())
}

/// Every JSON-LD object of the page (arrays and `@graph` flattened one
/// level). Raw line breaks inside strings, common in the wild, are read as
/// spaces.
fn json_ld(doc: &Document) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let raw = script.text();
        let v = serde_json::from_str::<serde_json::Value>(&raw).or_else(|_| {
            let flat: String = raw
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            serde_json::from_str::<serde_json::Value>(&flat)
        });
        let Ok(v) = v else { continue };
        let items = match v {
            serde_json::Value::Array(a) => a,
            other => vec![other],
        };
        for item in items {
            if let Some(serde_json::Value::Array(g)) = item.get("@graph") {
                out.extend(g.iter().cloned());
            }
            out.push(item);
        }
    }
    out
}

/// Is this JSON-LD object a piece of news or writing (not the site, a
/// breadcrumb or a person)?
fn is_article_ld(v: &serde_json::Value) -> bool {
    const KINDS: &[&str] = &[
        "NewsArticle",
        "Article",
        "BlogPosting",
        "LiveBlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "TechArticle",
        "Report",
        "PressRelease",
    ];
    let is = |t: &serde_json::Value| t.as_str().is_some_and(|t| KINDS.contains(&t));
    match v.get("@type") {
        Some(serde_json::Value::Array(ts)) => ts.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

fn ld_str<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(|x| x.as_str())
        .filter(|s| !s.trim().is_empty())
}

/// Names the site goes by (`og:site_name`, JSON-LD publisher or WebSite
/// name, `application-name`), to be cut off titles.
fn site_names(metas: &Metas, ld: &[serde_json::Value]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    if let Some(n) = metas.get(&["og:site_name", "application-name", "twitter:site"]) {
        names.push(n.trim_start_matches('@').to_string());
    }
    for v in ld {
        if let Some(n) = v.get("publisher").and_then(|p| ld_str(p, "name")) {
            names.push(one_line(n));
        }
        if v.get("@type").and_then(|t| t.as_str()) == Some("WebSite") {
            if let Some(n) = ld_str(v, "name") {
                names.push(one_line(n));
            }
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The language the page declares, as two lower-case letters.
fn declared_lang(doc: &Document, metas: &Metas, ld: &[serde_json::Value]) -> Option<String> {
    let two = |s: &str| -> Option<String> {
        let code: String = s
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        (code.len() == 2).then(|| code.to_ascii_lowercase())
    };
    let html = doc.select("html");
    let from_html = html
        .attr("lang")
        .or_else(|| html.attr("xml:lang"))
        .and_then(|l| two(&l));
    from_html
        .or_else(|| {
            doc.select("meta[http-equiv]")
                .iter()
                .filter(|m| {
                    m.attr("http-equiv")
                        .is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
                })
                .find_map(|m| m.attr("content").and_then(|c| two(&c)))
        })
        .or_else(|| {
            metas
                .get(&["og:locale", "language", "dc.language"])
                .and_then(|l| two(&l))
        })
        .or_else(|| {
            ld.iter()
                .filter_map(|v| ld_str(v, "inLanguage"))
                .find_map(two)
        })
}

/// Meta tags that give the publication date, most specific first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "datePublished",
    "og:published_time",
    "published_time",
    "publish-date",
    "publish_date",
    "publication_date",
    "pubdate",
    "DC.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
];

/// Publication date: meta tags, JSON-LD (article objects first), microdata,
/// then what the page shows near its headline.
fn published_date(doc: &Document, metas: &Metas, ld: &[serde_json::Value]) -> Option<String> {
    if let Some(d) = metas.get(DATE_METAS).as_deref().and_then(normalize_date) {
        return Some(d);
    }
    let ld_date = |v: &serde_json::Value| ld_str(v, "datePublished").and_then(normalize_date);
    if let Some(d) = ld
        .iter()
        .filter(|v| is_article_ld(v))
        .find_map(ld_date)
        .or_else(|| ld.iter().find_map(ld_date))
    {
        return Some(d);
    }
    for el in doc.select(r#"[itemprop="datePublished"]"#).iter() {
        let raw = el
            .attr("datetime")
            .or_else(|| el.attr("content"))
            .map(|s| s.to_string())
            .unwrap_or_else(|| el.text().to_string());
        if let Some(d) = normalize_date(&raw) {
            return Some(d);
        }
    }
    shown_date(doc)
}

/// How far from the headline a shown date is looked for, in elements:
/// after it, and before it (a date line above the headline).
const DATE_AFTER: usize = 400;
const DATE_BEFORE: usize = 30;

/// The date the page shows nearest its first `<h1>` (a `<time datetime>`
/// that is not an update, an element with a date-naming class, or a line
/// with a publication cue); with no `<h1>`, the first one of the page.
fn shown_date(doc: &Document) -> Option<String> {
    let root = doc.root();
    let elements: Vec<NodeRef> = root.descendants_it().filter(|n| n.is_element()).collect();
    let Some(h1) = elements.iter().position(|n| has_name(n, "h1")) else {
        return elements.iter().find_map(date_of_element);
    };
    let after = elements
        .iter()
        .skip(h1 + 1)
        .take(DATE_AFTER)
        .enumerate()
        .find_map(|(i, e)| date_of_element(e).map(|d| (i + 1, d)));
    let before = elements
        .get(h1.saturating_sub(DATE_BEFORE)..h1)
        .unwrap_or_default()
        .iter()
        .rev()
        .enumerate()
        .find_map(|(i, e)| date_of_element(e).map(|d| (i + 1, d)));
    match (after, before) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b.1 } else { a.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

fn date_of_element(el: &NodeRef) -> Option<String> {
    let name = el.node_name().map(|n| n.to_ascii_lowercase())?;
    if matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
        return None;
    }
    let class = format!(
        "{} {}",
        el.attr("class").as_deref().unwrap_or(""),
        el.attr("id").as_deref().unwrap_or("")
    )
    .to_ascii_lowercase();
    let is_update = ["updated", "modified", "update"]
        .iter()
        .any(|w| class_segments(&class).any(|s| s == *w));
    if name == "time" {
        if is_update {
            return None;
        }
        return el.attr("datetime").and_then(|d| normalize_date(&d));
    }
    // Only small elements: a date line, not a section holding one (and
    // no text is gathered from big ones: pages nest deep).
    if el.descendants_it().nth(40).is_some() {
        return None;
    }
    let text = el.text();
    if text.len() > 200 || text.trim().is_empty() {
        return None;
    }
    let text = one_line(&text);
    if let Some(d) = cued_date(&text) {
        return Some(d);
    }
    let date_class = [
        "date",
        "pubdate",
        "published",
        "posted",
        "dateline",
        "datetime",
    ]
    .iter()
    .any(|w| class_segments(&class).any(|s| s == *w));
    if date_class && !is_update && text.len() <= 80 {
        return normalize_date(&text);
    }
    None
}

/// The date after "Publié le", "Mis en ligne le", "Published", "Posted on"
/// in a line, up to an update cue.
fn cued_date(line: &str) -> Option<String> {
    const CUES: &[&str] = &[
        "publié le",
        "publié",
        "mis en ligne le",
        "mis en ligne",
        "date de publication",
        "paru le",
        "published on",
        "published:",
        "published",
        "posted on",
        "posted:",
    ];
    const STOPS: &[&str] = &[
        "modifié",
        "mis à jour",
        "màj",
        "actualisé",
        "updated",
        "last modified",
        " | ",
    ];
    // Dates are case-blind: the lower-case copy is read.
    let lower = line.to_lowercase();
    for cue in CUES {
        let Some(at) = lower.find(cue) else { continue };
        let rest = &lower[at + cue.len()..];
        let end = STOPS
            .iter()
            .filter_map(|s| rest.find(s))
            .min()
            .unwrap_or(rest.len());
        let rest = rest.get(..end).unwrap_or(rest);
        let rest = rest.trim_start_matches([':', ' ']);
        if let Some(d) = normalize_date(rest) {
            return Some(d);
        }
    }
    None
}

/// Separators between a headline and the site's name in titles.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " · ", " :: ", " » ", " • "];

/// The article's headline (see the module docs for the order).
fn headline(
    doc: &Document,
    metas: &Metas,
    ld: &[serde_json::Value],
    sites: &[String],
) -> Option<String> {
    let og = metas.get(&["og:title", "twitter:title"]);
    let ld_title = ld
        .iter()
        .filter(|v| is_article_ld(v))
        .find_map(|v| ld_str(v, "headline").or_else(|| ld_str(v, "name")))
        .map(unescape_entities);
    let tag = {
        let t = one_line(&doc.select("head title").text());
        let t = if t.is_empty() {
            one_line(&doc.select("title").text())
        } else {
            t
        };
        (!t.is_empty()).then_some(t)
    };
    let metas: Vec<&String> = [&og, &ld_title, &tag].into_iter().flatten().collect();

    let mut h1s: Vec<String> = doc
        .select("h1")
        .iter()
        .map(|h| one_line(&h.text()))
        .filter(|h| {
            let words = h.split(' ').count();
            (2..=60).contains(&words) && !sites.iter().any(|s| s.eq_ignore_ascii_case(h))
        })
        .collect();
    if h1s.is_empty() {
        // Old table layouts set the headline in a big font.
        h1s = doc
            .select("font[size]")
            .iter()
            .filter(|f| {
                f.attr("size").is_some_and(|s| {
                    let s = s.trim();
                    matches!(s, "5" | "6" | "7" | "+2" | "+3" | "+4")
                })
            })
            .map(|f| one_line(&f.text()))
            .filter(|h| (4..=60).contains(&h.split(' ').count()))
            .collect();
    }
    // 1. The longest h1 that a meta title holds whole (the site's name
    //    aside); else an element whose class names a title ("titre",
    //    "headline") held whole.
    let held = |cands: &[String]| {
        cands
            .iter()
            .filter(|h| h.split(' ').count() >= 3 && metas.iter().any(|m| holds_whole(m, h)))
            .max_by_key(|h| h.len())
            .cloned()
    };
    if let Some(h) = held(&h1s) {
        return Some(h);
    }
    let titled: Vec<String> = doc
        .select("[class], [id]")
        .nodes()
        .iter()
        .filter(|e| {
            let names = format!(
                "{} {}",
                e.attr("class").as_deref().unwrap_or(""),
                e.attr("id").as_deref().unwrap_or("")
            )
            .to_ascii_lowercase();
            class_segments(&names).any(|p| matches!(p, "title" | "titre" | "headline"))
                && e.descendants_it().nth(40).is_none()
        })
        .map(|e| one_line(&e.text()))
        .filter(|h| (3..=60).contains(&h.split(' ').count()))
        .collect();
    if let Some(h) = held(&titled) {
        return Some(h);
    }
    // 2. og:title or JSON-LD headline without the site's name.
    if let Some(m) = og.as_ref().or(ld_title.as_ref()) {
        return Some(strip_site(m, sites));
    }
    // 3. A lone long h1 (the <title> names the section or the site).
    if let Some(h) = h1s.iter().find(|h| h.split(' ').count() >= 4) {
        return Some(h.clone());
    }
    tag.map(|t| strip_site(&t, sites))
}

/// JSON-LD strings often keep HTML entities (`d&#039;euros`): decoded by
/// the parser, on one line.
fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return one_line(s);
    }
    let escaped = s.replace('<', "&lt;");
    one_line(&Document::from(escaped.as_str()).root().text())
}

/// Does `title` hold `h` whole, between its ends and title separators?
fn holds_whole(title: &str, h: &str) -> bool {
    if title == h {
        return true;
    }
    let Some(at) = title.find(h) else {
        return false;
    };
    let before = &title[..at];
    let after = &title[at + h.len()..];
    let bounded_before = before.is_empty() || TITLE_SEPARATORS.iter().any(|s| before.ends_with(s));
    let bounded_after = after.is_empty() || TITLE_SEPARATORS.iter().any(|s| after.starts_with(s));
    bounded_before && bounded_after
}

/// A title without the site's name at either end ("Headline | Site",
/// "Site - Headline"); with no known name, a short last part after a
/// separator is taken for it when the rest is a sentence of four words or
/// more.
fn strip_site(title: &str, sites: &[String]) -> String {
    let mut t = title.trim().to_string();
    let is_site = |part: &str| {
        let p = part.trim().to_lowercase();
        sites.iter().any(|s| {
            let s = s.to_lowercase();
            p == s || p == format!("www.{s}") || s == format!("www.{p}")
        })
    };
    for _ in 0..2 {
        let mut changed = false;
        for sep in TITLE_SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                if is_site(tail) && !head.trim().is_empty() {
                    t = head.trim().to_string();
                    changed = true;
                }
            }
            if let Some((head, tail)) = t.split_once(sep) {
                if is_site(head) && !tail.trim().is_empty() {
                    t = tail.trim().to_string();
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    if t != title.trim() {
        return t;
    }
    // No known site name: the last part when short and the rest long.
    for sep in [" | ", " - ", " — ", " – "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let (hw, tw) = (head.split(' ').count(), tail.split(' ').count());
            if tw <= 5 && hw >= 4 && hw > tw {
                return head.trim().to_string();
            }
        }
    }
    t
}

/// Parts of class or id names that mark page furniture. A class token is
/// cut at `-` and `_` ("td_block_related_posts", "nae-lire-aussi",
/// "article-body__ad") and any part may match.
pub const FURNITURE: &[&str] = &[
    // comments
    "comment",
    "comments",
    "commentaires",
    "respond",
    "disqus",
    // links to other stories
    "related",
    "relatedposts",
    "recirc",
    "recommended",
    "recommendations",
    "reco",
    "suggestions",
    "trending",
    "popular",
    "latest",
    "recent",
    "autres",
    "outbrain",
    "taboola",
    // sharing and follow buttons
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "partage",
    "partager",
    "imprimer",
    // ads, promotion, subscription
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "pub",
    "publicite",
    "sponsored",
    "sponsor",
    "promo",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "abo",
    "abonnement",
    "paywall",
    "cta",
    // consent banners
    "cookie",
    "cookies",
    "consent",
    "didomi",
    "onetrust",
    "gdpr",
    "rgpd",
    // navigation and site furniture
    "nav",
    "navigation",
    "menu",
    "topnav",
    "navbar",
    "breadcrumb",
    "breadcrumbs",
    "ariane",
    "masthead",
    "logo",
    "footer",
    "sidebar",
    "widget",
    "rail",
    "aside",
    "ticker",
    "meteo",
    "weather",
    "utility",
    "skip",
    "popup",
    "modal",
    "overlay",
    "legal",
    "copyright",
    "contact",
    "downloads",
    // around the story
    "tags",
    "keywords",
    "author",
    "auteur",
    "auteurs",
    "bio",
    "byline",
    "dateline",
    "signature",
    "sign",
    "meta",
    "date",
    "kicker",
    "badge",
    "views",
    // captions and players
    "caption",
    "figcaption",
    "legende",
    "credit",
    "credits",
    "video",
    "player",
    "podcast",
];

/// Pairs of parts that mark links to other stories ("lire-aussi",
/// "a-lire", "read-next", "more-from-x", "plus-lus").
const FURNITURE_PAIRS: &[(&str, &str)] = &[
    ("lire", "aussi"),
    ("a", "lire"),
    ("voir", "aussi"),
    ("read", "more"),
    ("read", "next"),
    ("readnext", ""),
    ("plus", "lus"),
    ("most", "read"),
    ("also", "like"),
    ("meme", "sujet"),
    ("more", "*"),
];

/// Whole class names of text hidden from sight (screen-reader labels).
const HIDDEN_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "visuallyhidden",
    "hidden",
    "hide",
];

/// Elements never part of a story (besides hidden elements, dialogs and
/// navigation roles, see [`never_text`]).
const NEVER_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "dialog",
    "nav",
    "figcaption",
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
    "amp-sidebar",
    "amp-consent",
    "amp-social-share",
    "amp-analytics",
    "amp-user-notification",
    "amp-iframe",
    "amp-video",
    "amp-youtube",
];

/// Is this element never part of a story (`name` in lower case)?
fn never_text(el: &NodeRef, name: &str) -> bool {
    NEVER_TAGS.contains(&name)
        || el.has_attr("hidden")
        || el.attr("role").is_some_and(|r| {
            let r = r.trim();
            ["dialog", "alertdialog", "navigation"]
                .iter()
                .any(|x| r.eq_ignore_ascii_case(x))
        })
        || el
            .attr("aria-modal")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

fn class_segments(class: &str) -> impl Iterator<Item = &str> {
    class
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|s| !s.is_empty())
}

/// Does one class or id value name furniture? Tokens that state a
/// condition ("has-comments", "no-sidebar", "with-ads") do not.
fn names_furniture(value: &str) -> bool {
    let mut lower = String::new();
    value.split_whitespace().any(|token| {
        lower.clear();
        lower.extend(token.chars().map(|c| c.to_ascii_lowercase()));
        let t = lower.as_str();
        if HIDDEN_CLASSES.contains(&t) {
            return true;
        }
        if ["has-", "no-", "with-", "without-", "is-"]
            .iter()
            .any(|p| t.starts_with(p))
        {
            return false;
        }
        let mut prev: Option<&str> = None;
        for part in class_segments(t) {
            if FURNITURE.contains(&part) {
                return true;
            }
            if FURNITURE_PAIRS.iter().any(|(a, b)| {
                (b.is_empty() && part == *a)
                    || prev.is_some_and(|p| p == *a && (*b == "*" || part == *b))
            }) {
                return true;
            }
            prev = Some(part);
        }
        false
    })
}

/// Does a class or id value name comments (never kept for its prose)?
fn names_comments(value: &str) -> bool {
    class_segments(&value.to_ascii_lowercase()).any(|p| {
        matches!(
            p,
            "comment" | "comments" | "commentaires" | "respond" | "disqus"
        )
    })
}

fn has_name(n: &NodeRef, name: &str) -> bool {
    n.node_name().is_some_and(|x| x.eq_ignore_ascii_case(name))
}

/// Removes what is never the story: [`never_text`] elements, and asides,
/// footers and elements whose class or id names furniture unless they hold
/// the story (see the module docs). Linear in the size of the page: what
/// each element holds is summed bottom-up once, and nothing inside a
/// removed element is looked at.
fn drop_furniture(doc: &Document) {
    let elements: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|n| n.is_element())
        .collect();
    let index: IdMap = elements
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id, i))
        .collect();
    let parent: Vec<Option<usize>> = elements
        .iter()
        .map(|n| n.parent().and_then(|p| index.get(&p.id).copied()))
        .collect();
    // What each element holds: the story's markers, long paragraphs.
    let mut story = vec![false; elements.len()];
    let mut long_paragraphs = vec![0u32; elements.len()];
    for (i, el) in elements.iter().enumerate().rev() {
        let name = el.node_name().unwrap_or_default();
        if ["h1", "article", "main"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
            || is_article_body(el)
        {
            story[i] = true;
        }
        if name.eq_ignore_ascii_case("p") && el.text().chars().count() > 150 {
            long_paragraphs[i] += 1;
        }
        if let Some(p) = parent[i] {
            story[p] |= story[i];
            long_paragraphs[p] = long_paragraphs[p].saturating_add(long_paragraphs[i]);
        }
    }
    let mut gone = vec![false; elements.len()];
    let mut doomed = Vec::new();
    for (i, el) in elements.iter().enumerate() {
        if parent[i].is_some_and(|p| gone[p]) {
            gone[i] = true;
            continue;
        }
        if gone[i] {
            // The list after a "Lire aussi" label.
            doomed.push(*el);
            continue;
        }
        let name = el
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if never_text(el, &name) {
            gone[i] = true;
            doomed.push(*el);
            continue;
        }
        if matches!(name.as_str(), "html" | "body" | "main" | "article" | "h1") {
            continue;
        }
        if !story[i] && READ_ALSO_HOLDERS.contains(&name.as_str()) && starts_like_read_also(el) {
            match read_also(el) {
                ReadAlso::No => {}
                ReadAlso::Links => {
                    gone[i] = true;
                    doomed.push(*el);
                    continue;
                }
                ReadAlso::Label => {
                    gone[i] = true;
                    doomed.push(*el);
                    if let Some(next) = el.next_element_sibling() {
                        let list = next.node_name().is_some_and(|n| {
                            n.eq_ignore_ascii_case("ul") || n.eq_ignore_ascii_case("ol")
                        });
                        if list || link_share(&next, 0) >= 0.5 {
                            if let Some(&j) = index.get(&next.id) {
                                gone[j] = true;
                            }
                        }
                    }
                    continue;
                }
            }
        }
        let class = el.attr("class").map(|c| c.to_string()).unwrap_or_default();
        let id = el.attr("id").map(|c| c.to_string()).unwrap_or_default();
        let by_tag = matches!(name.as_str(), "aside" | "footer");
        if !(by_tag || names_furniture(&class) || names_furniture(&id)) {
            continue;
        }
        let comments = names_comments(&class) || names_comments(&id);
        if story[i] || (long_paragraphs[i] >= 3 && !comments) {
            continue;
        }
        gone[i] = true;
        doomed.push(*el);
    }
    for el in doomed {
        el.remove_from_parent();
    }
}

/// Elements that may hold a "Lire aussi" link or label.
const READ_ALSO_HOLDERS: &[&str] = &[
    "p", "div", "li", "section", "span", "strong", "b", "h2", "h3", "h4", "h5", "h6", "dl",
];

/// Cues of links to other stories, lower case, longest first where one
/// starts another.
const READ_ALSO_CUES: &[&str] = &[
    "à lire aussi",
    "a lire aussi",
    "à lire également",
    "a lire également",
    "lire aussi",
    "lire également",
    "à lire",
    "a lire",
    "à voir aussi",
    "voir aussi",
    "sur le même sujet",
    "sur le meme sujet",
    "dans la même rubrique",
    "en savoir plus",
    "pour aller plus loin",
    "read more",
    "read also",
    "also read",
    "see also",
    "related stories",
    "related articles",
    "related",
    "more on this",
    "more",
    "you might also like",
    "you may also like",
];

enum ReadAlso {
    No,
    /// Only the label ("Lire aussi"): the list after it goes too.
    Label,
    /// The label and links ("Lire aussi : <a>…</a>").
    Links,
}

/// After which cue, if any, does this line start (at a word's end)?
fn read_also_rest(lower: &str) -> Option<&str> {
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    READ_ALSO_CUES.iter().find_map(|cue| {
        let rest = t.strip_prefix(cue)?;
        (!rest.starts_with(|c: char| c.is_alphanumeric())).then_some(rest)
    })
}

/// Does the element's first words look like a "Lire aussi" cue (a cheap
/// test on its first text node before [`read_also`])?
fn starts_like_read_also(el: &NodeRef) -> bool {
    for d in el.descendants_it().take(24) {
        if !d.is_text() {
            continue;
        }
        let t = d.text();
        let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() {
            continue;
        }
        let head: String = t.chars().take(24).flat_map(char::to_lowercase).collect();
        let head = head.trim_end();
        return READ_ALSO_CUES
            .iter()
            .any(|c| head.starts_with(c) || c.starts_with(head));
    }
    false
}

/// Is this small element a "Lire aussi" label, or a label with links?
fn read_also(el: &NodeRef) -> ReadAlso {
    if el.descendants_it().nth(60).is_some() {
        return ReadAlso::No;
    }
    let text = el.text();
    if text.len() > 400 {
        return ReadAlso::No;
    }
    let lower = one_line(&text).to_lowercase();
    let Some(rest) = read_also_rest(&lower) else {
        return ReadAlso::No;
    };
    let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
    if rest.is_empty() {
        return ReadAlso::Label;
    }
    let label = lower.chars().count() - rest.chars().count();
    if link_share(el, label) >= 0.5 {
        ReadAlso::Links
    } else {
        ReadAlso::No
    }
}

/// The share of an element's text (less `skip` characters of label) that
/// is link text.
fn link_share(el: &NodeRef, skip: usize) -> f64 {
    if el.descendants_it().nth(200).is_some() {
        return 0.0;
    }
    let all = one_line(&el.text()).chars().count().saturating_sub(skip);
    if all == 0 {
        return 0.0;
    }
    let links: usize = el
        .descendants_it()
        .filter(|d| has_name(d, "a"))
        .map(|a| one_line(&a.text()).chars().count())
        .sum();
    links as f64 / all as f64
}

/// Node ids to positions in a walk of the page. Ids are small integers:
/// a multiplicative hash is enough (SipHash showed in profiles).
type IdMap = HashMap<NodeId, usize, BuildHasherDefault<IdHasher>>;

#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Paragraphs of this many characters or more count as story text.
const STORY_PARAGRAPH: usize = 80;

/// Keeps only the story's part of the page when its headline tells where
/// it is: the nearest ancestor of the headline's `<h1>` that holds three
/// paragraphs of text stays, with its own ancestors; everything beside
/// them (side columns, banners, footers) goes. Readability then chooses
/// within the story's part, and a side column of long prose (an editorial
/// charter, a donation appeal) cannot win.
fn keep_around_headline(doc: &Document, title: &str) {
    let elements: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|n| n.is_element())
        .collect();
    let Some(h1) = elements
        .iter()
        .find(|n| has_name(n, "h1") && one_line(&n.text()) == title)
    else {
        return;
    };
    let index: IdMap = elements
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id, i))
        .collect();
    let mut paragraphs = vec![0u32; elements.len()];
    for (i, el) in elements.iter().enumerate().rev() {
        if has_name(el, "p") && el.text().chars().count() >= STORY_PARAGRAPH {
            paragraphs[i] += 1;
        }
        if let Some(p) = el.parent().and_then(|p| index.get(&p.id).copied()) {
            paragraphs[p] = paragraphs[p].saturating_add(paragraphs[i]);
        }
    }
    let total = paragraphs.first().copied().unwrap_or(0);
    let mut story = None;
    for a in h1.ancestors_it(None) {
        if has_name(&a, "body") || has_name(&a, "html") || !a.is_element() {
            break;
        }
        let Some(&i) = index.get(&a.id) else { break };
        if paragraphs[i] >= 3 {
            // Three teasers beside the headline and the story elsewhere:
            // the part must hold a third of the page's paragraphs.
            if paragraphs[i].saturating_mul(3) >= total {
                story = Some(a);
            }
            break;
        }
    }
    let Some(story) = story else { return };
    let mut keep = story;
    while let Some(parent) = keep.parent() {
        if has_name(&parent, "html") || !parent.is_element() {
            break;
        }
        for sibling in parent.element_children() {
            if sibling.id != keep.id {
                sibling.remove_from_parent();
            }
        }
        if has_name(&parent, "body") {
            break;
        }
        keep = parent;
    }
}

fn is_article_body(el: &NodeRef) -> bool {
    el.attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
}

/// How calls to subscribe or sign up begin, lower case.
const PROMO_STARTS: &[&str] = &[
    "vous avez aimé cet article",
    "cet article vous a intéressé",
    "cet article vous a plu",
    "abonnez-vous",
    "inscrivez-vous",
    "recevez notre newsletter",
    "recevez gratuitement",
    "enjoyed this article",
    "did you enjoy this",
    "sign up for our",
    "subscribe to our",
    "subscribe now",
];

/// Lines that are only a label of page furniture, lower case.
const LABEL_LINES: &[&str] = &[
    "publicité",
    "publicite",
    "pub",
    "advertisement",
    "ad",
    "sponsored",
    "annonce",
    "scroll to continue",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "à lire également",
    "lire également",
    "voir aussi",
    "sur le même sujet",
    "lire la suite",
    "read more",
    "read next",
    "related",
    "related articles",
    "share",
    "partager",
    "share this article",
    "share this story",
    "imprimer",
    "print",
];

/// Is this line nothing but furniture labels ("- Advertisement -",
/// "Advertisement · Scroll to continue", "LIRE AUSSI"), or a wire's
/// credit line ("Reporting by …; Editing by …")?
fn is_label_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    // Wire credits and trust notes.
    if [
        "our standards:",
        "reporting by ",
        "additional reporting by ",
        "writing by ",
        "editing by ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // "Lire aussi : <headline>", "Read more: <headline>".
    if read_also_rest(&lower).is_some_and(|rest| {
        rest.trim_start()
            .starts_with([':', '.', '»', '-', '–', '—', '>', '|'])
    }) {
        return true;
    }
    // Copyright lines and calls to subscribe.
    if [
        "tous droits réservés",
        "all rights reserved",
        "reproduction interdite",
        "©",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || PROMO_STARTS.iter().any(|p| lower.starts_with(p))
    {
        return true;
    }
    lower.split(['·', '|', '•']).all(|part| {
        let p = part.trim_matches(|c: char| c.is_whitespace() || "-–—:>»".contains(c));
        LABEL_LINES.contains(&p)
    })
}

/// The page's `<meta>` tags: (property, name or itemprop in lower case,
/// content).
struct Metas(Vec<(String, String)>);

impl Metas {
    fn of(doc: &Document) -> Metas {
        Metas(
            doc.select("meta")
                .iter()
                .filter_map(|m| {
                    let key = m
                        .attr("property")
                        .or_else(|| m.attr("name"))
                        .or_else(|| m.attr("itemprop"))?;
                    let content = m.attr("content")?;
                    Some((key.to_lowercase(), content.to_string()))
                })
                .collect(),
        )
    }

    /// The `content` of the first tag whose key is one of `keys`
    /// (case-insensitive), in the order of `keys`.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, c)| key.eq_ignore_ascii_case(k) && !c.trim().is_empty())
                .map(|(_, c)| one_line(c))
        })
    }
}

/// Text of the page when readability finds no article: the body's blocks
/// minus navigation, headers, footers, asides, forms, scripts and styles.
fn fallback_text(doc: &Document) -> String {
    doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg, template")
        .remove();
    let blocks = doc
        .select("body p, body h1, body h2, body h3, body li, body blockquote, body pre, body td");
    let mut parts: Vec<String> = Vec::new();
    for b in blocks.iter() {
        // Only leaf-ish blocks: skip those containing other selected blocks.
        if b.select("p, li, blockquote, pre, td").exists() {
            continue;
        }
        let t = one_line(&b.text());
        if !t.is_empty() && !is_label_line(&t) {
            parts.push(t);
        }
    }
    if parts.is_empty() {
        let body = doc.select("body");
        let t = if body.exists() {
            body.text()
        } else {
            doc.root().text()
        };
        return clean_text(&t);
    }
    parts.join("\n\n")
}

/// Tidies extracted text: lines trimmed, inner runs of spaces collapsed,
/// label lines ("Publicité") dropped, at most one blank line between
/// paragraphs.
fn clean_text(s: &str) -> String {
    let s = tidy_text(s);
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = one_line(line);
        if line.is_empty() || is_label_line(&line) {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&line);
    }
    out
}

/// Drops the byline and date lines above the story ("Par Claire M. - Le
/// 14 mars 2024 à 06:00", "Eco Savoie · 28 novembre 2024 · 3 min de
/// lecture"): before the first sentence of twelve words or more, a line
/// without final punctuation that holds a date or starts with "Par"/"By".
fn drop_header_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_header = true;
    let mut pending_break = false;
    for (i, para) in text.split("\n\n").enumerate() {
        for (j, line) in para.split('\n').enumerate() {
            let sep_break = i > 0 && j == 0;
            if in_header {
                let ends = line
                    .trim_end()
                    .ends_with(['.', '!', '?', '»', '"', '”', ')']);
                if ends && line.split(' ').count() >= 12 {
                    in_header = false;
                } else if !ends && line.len() < 200 {
                    let by = ["Par ", "By ", "par "].iter().any(|p| line.starts_with(p));
                    if by || cued_date(line).or_else(|| normalize_date(line)).is_some() {
                        pending_break |= sep_break;
                        continue;
                    }
                }
            }
            if !out.is_empty() {
                out.push_str(if sep_break || pending_break {
                    "\n\n"
                } else {
                    "\n"
                });
            }
            // A heading kept above the story stands apart from it.
            pending_break = in_header && !line.trim_end().ends_with(['.', '!', '?', ':']);
            out.push_str(line);
        }
    }
    out
}

fn one_line(s: &str) -> String {
    crate::one_line(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Acme investit 50 millions à Lyon | Le Journal</title>
<meta property="article:published_time" content="2024-05-13T08:00:00+02:00">
<meta property="og:title" content="Acme investit 50 millions à Lyon">
</head><body>
<nav><a href="/">Accueil</a> <a href="/eco">Économie</a> <a href="/sport">Sport</a></nav>
<header>Le Journal — édition du matin</header>
<article><h1>Acme investit 50 millions à Lyon</h1>
<p>Le groupe industriel Acme va investir 50 millions d'euros dans une nouvelle usine à Lyon, a annoncé lundi sa direction. Le site emploiera 200 personnes d'ici 2026, selon le communiqué publié par l'entreprise.</p>
<p>La construction doit commencer à l'automne. Les travaux dureront dix-huit mois et mobiliseront plusieurs entreprises locales du bâtiment, précise la direction régionale.</p>
<p>La région Auvergne-Rhône-Alpes apportera une subvention de 3 millions d'euros au projet, qui s'inscrit dans le plan de relance industrielle du territoire.</p>
</article>
<aside>Lire aussi : les dix usines qui ouvrent cette année</aside>
<footer>© Le Journal 2024 — Mentions légales — Contact</footer>
</body></html>"#;

    #[test]
    fn main_content_title_and_date() {
        let p = extract_page(PAGE, Some("https://example.org/eco/acme"));
        assert!(
            p.text.contains("va investir 50 millions d'euros"),
            "{}",
            p.text
        );
        assert!(p.text.contains("subvention de 3 millions"), "{}", p.text);
        assert!(!p.text.contains("Mentions légales"), "{}", p.text);
        assert!(!p.text.contains("Accueil"), "{}", p.text);
        assert_eq!(p.published.as_deref(), Some("2024-05-13"));
        assert!(p.title.as_deref().unwrap_or("").contains("Acme investit"));
    }

    #[test]
    fn comments_and_related_links_are_dropped() {
        let h = r#"<html><body><article><h1>T</h1>
<p>Le groupe va investir 40 millions d'euros dans son usine de Douai, a annoncé mardi sa direction, qui prévoit aussi des embauches.</p>
<div class="related-links"><h3>Sur le même sujet</h3><ul><li><a href="/a">Renault à Douai</a></li></ul></div>
<p>Les travaux commenceront au printemps prochain et dureront environ deux ans, selon le calendrier présenté aux élus.</p>
<section id="comments"><h3>12 commentaires</h3><p>Super nouvelle pour la région !</p></section>
<div class="share_bar">Partager sur Facebook</div>
</article></body></html>"#;
        let p = extract_page(h, None);
        assert!(p.text.contains("40 millions"), "{}", p.text);
        assert!(p.text.contains("deux ans"), "{}", p.text);
        for gone in ["Renault", "commentaires", "Super nouvelle", "Facebook"] {
            assert!(!p.text.contains(gone), "{gone}: {}", p.text);
        }
        // A content container with a furniture-like class stays.
        let long = "Le groupe va investir 40 millions d'euros dans son usine de Douai, a annoncé mardi sa direction, qui prévoit aussi des embauches dans les prochains mois.";
        let h = format!("<html><body><div class=\"post-body has-comments\"><p>{long}</p><p>{long}</p><p>{long}</p></div></body></html>");
        assert!(extract_page(&h, None).text.contains("40 millions"));
    }

    #[test]
    fn truncated_page_still_gives_text() {
        let cut = &PAGE[..PAGE.find("La région").unwrap() + 20];
        let p = extract_page(cut, None);
        assert!(p.text.contains("va investir 50 millions"), "{}", p.text);
    }

    #[test]
    fn json_ld_and_time_dates() {
        let h = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-02T10:00:00Z"}</script></head><body><p>Short text here.</p></body></html>"#;
        assert_eq!(
            extract_page(h, None).published.as_deref(),
            Some("2023-11-02")
        );
        let h = r#"<html><body><article><time datetime="2022-01-31">31 janvier</time><p>Texte court.</p></article></body></html>"#;
        let p = extract_page(h, None);
        assert_eq!(p.published.as_deref(), Some("2022-01-31"));
        assert!(p.text.contains("Texte court."), "{}", p.text);
    }

    #[test]
    fn empty_page_is_an_error() {
        let e = html_article(
            "x.html",
            b"<html><body><script>var x = 1;</script>  </body></html>",
            None,
        )
        .unwrap_err();
        assert_eq!(e.cause, Cause::NoContent);
    }
    #[test]
    fn titles_lose_the_site_name() {
        let sites = vec!["Le Journal".to_string()];
        assert_eq!(
            strip_site("Acme investit à Lyon | Le Journal", &sites),
            "Acme investit à Lyon"
        );
        assert_eq!(
            strip_site("Le Journal - Acme investit à Lyon", &sites),
            "Acme investit à Lyon"
        );
        // Unknown site: a short tail after a long headline.
        assert_eq!(
            strip_site(
                "Kestrel Aero wins £120m grant for engine - The Bristol Courier",
                &[]
            ),
            "Kestrel Aero wins £120m grant for engine"
        );
        // A dash inside a headline stays.
        assert_eq!(
            strip_site("Lyon - Acme investit", &[]),
            "Lyon - Acme investit"
        );
        assert!(holds_whole(
            "En bref - Millau : X s'agrandit - Le Petit",
            "Millau : X s'agrandit"
        ));
        assert!(!holds_whole(
            "Millau : X s'agrandit encore",
            "Millau : X s'agrandit"
        ));
    }

    #[test]
    fn h1_inside_the_title_wins_over_a_logo() {
        let h = r#"<html><head><title>Le Journal | Acme investit 50 millions à Lyon</title></head>
<body><h1 class="site">Le Journal</h1><article><h1>Acme investit 50 millions à Lyon</h1><p>Texte.</p></article></body></html>"#;
        let p = extract_page(h, None);
        assert_eq!(p.title.as_deref(), Some("Acme investit 50 millions à Lyon"));
    }

    #[test]
    fn shown_dates_with_cues() {
        assert_eq!(
            cued_date("Publié le 05/02/2024").as_deref(),
            Some("2024-02-05")
        );
        assert_eq!(
            cued_date("Par H. F. · Publié le 4 juin 2024 à 18h30, modifié le 5 juin 2024")
                .as_deref(),
            Some("2024-06-04")
        );
        assert_eq!(
            cued_date("Published: Mar 3, 2025, 6:00am CST").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(cued_date("Mis à jour le 15/03/2024"), None);
        // The date nearest the headline, not the sidebar's.
        let h = r#"<html><body><ul><li><time datetime="2022-03-15">15 Mar</time> Other</li></ul>
<h1>Headline of the story here</h1><div class="article-date">Wednesday, 16 March 2022</div><p>Body.</p></body></html>"#;
        assert_eq!(
            extract_page(h, None).published.as_deref(),
            Some("2022-03-16")
        );
        // An update time is not the publication date.
        let h = r#"<html><body><h1>Headline of the story</h1><time class="updated" datetime="2024-01-18">18</time>
<time class="published" datetime="2024-01-17">17</time><p>Body.</p></body></html>"#;
        assert_eq!(
            extract_page(h, None).published.as_deref(),
            Some("2024-01-17")
        );
    }

    #[test]
    fn furniture_class_names() {
        for yes in [
            "related-articles",
            "td_block_related_posts",
            "nae-lire-aussi",
            "a-lire",
            "article-body__ad",
            "sharedaddy sd-sharing-enabled",
            "more-from-meridian",
            "read-next",
            "jp-plus-lus",
            "author-box",
            "sr-only",
            "legende",
        ] {
            assert!(names_furniture(yes), "{yes}");
        }
        for no in [
            "entry-content",
            "article-body",
            "post-body has-comments",
            "no-sidebar",
            "td-post-content tagdiv-type",
            "chapo",
            "paywalled",
            "story-content",
            "header",
            "load",
        ] {
            assert!(!names_furniture(no), "{no}");
        }
    }

    #[test]
    fn label_lines_go() {
        let t = clean_text("Un.\n- Advertisement -\nDeux.\nPublicité\nAdvertisement · Scroll to continue\nLIRE AUSSI\nTrois.");
        assert_eq!(t, "Un.\n\nDeux.\n\nTrois.");
        let t = drop_header_lines("Industrie\n\nPar Claire M. - Le 14 mars 2024 à 06:00\n\nLe groupe Acme va investir cinquante millions d'euros dans une usine neuve à Lyon.\n\nPar ailleurs, le site sera agrandi");
        assert!(t.starts_with("Industrie\n\nLe groupe Acme"), "{t}");
        assert!(t.ends_with("Par ailleurs, le site sera agrandi"), "{t}");
    }

    #[test]
    fn captions_buttons_and_amp_widgets_go() {
        let long = "Le groupe va investir 40 millions d'euros dans son usine de Douai, a annoncé mardi sa direction, qui prévoit aussi des embauches.";
        let h = format!(
            r#"<html lang="fr"><body><article><h1>Titre de l'article ici</h1>
<figure><img src="a.jpg"><figcaption>Le site, qui a coûté 9 millions d'euros.</figcaption></figure>
<p>{long}</p><amp-ad width="300" height="250"><div fallback>Publicité</div></amp-ad><p>{long}</p>
<button>Charger plus</button><amp-social-share type="facebook"></amp-social-share></article></body></html>"#
        );
        let p = extract_page(&h, None);
        assert!(p.text.contains("40 millions"), "{}", p.text);
        for gone in ["9 millions", "Publicité", "Charger plus"] {
            assert!(!p.text.contains(gone), "{gone}: {}", p.text);
        }
        assert_eq!(p.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn declared_language_when_the_text_cannot_tell() {
        let h = r#"<html lang="en-GB"><body><p>Acme.</p></body></html>"#;
        assert_eq!(extract_page(h, None).lang.as_deref(), Some("en"));
        let h = r#"<html><head><meta property="og:locale" content="fr_FR"></head><body><p>Acme.</p></body></html>"#;
        assert_eq!(extract_page(h, None).lang.as_deref(), Some("fr"));
    }

    #[test]
    fn deep_pages_are_read_flat() {
        let deep = format!(
            "{}<p>Acme &amp; Cie investit 5&nbsp;M€.</p><script>var a = '<div>';</script>",
            "<div>".repeat(MAX_DEPTH + 1)
        );
        assert!(nests_deeper_than(&deep, MAX_DEPTH));
        assert!(!nests_deeper_than(&"<div></div>".repeat(5000), MAX_DEPTH));
        assert!(!nests_deeper_than(
            &"<p>a<br><img src=x>".repeat(5000),
            MAX_DEPTH
        ));
        let p = extract_page(&deep, None);
        assert_eq!(p.text, "Acme & Cie investit 5 M€.");
    }

    #[test]
    fn read_also_links_and_labels_go() {
        let long = "Le chantier naval va investir 11 millions d'euros dans une nouvelle usine aux Sables-d'Olonne pour produire des bateaux électriques.";
        let h = format!(
            r#"<html><body><h1>Un titre assez long ici</h1><section><p>{long}</p>
<p><strong>Lire aussi :</strong> <a href="/a">Un chantier investit 6 millions d'euros</a></p>
<p>{long}</p><h3>À lire aussi</h3><ul><li><a href="/b">Autre usine de 9 millions</a></li></ul>
<p>{long}</p><p>Related companies have also invested in the port, said the mayor, who welcomed the plan.</p>
<p>Vous avez aimé cet article ? Inscrivez-vous à notre newsletter.</p></section>
<div>Le Quotidien — Tous droits réservés</div></body></html>"#
        );
        let p = extract_page(&h, None);
        assert!(p.text.contains("11 millions"), "{}", p.text);
        assert!(p.text.contains("Related companies have"), "{}", p.text);
        for gone in [
            "6 millions",
            "9 millions",
            "Lire aussi",
            "Vous avez aimé",
            "droits réservés",
        ] {
            assert!(!p.text.contains(gone), "{gone}: {}", p.text);
        }
        assert!(is_label_line(
            "À LIRE AUSSI. Saint-Nazaire : les chantiers recrutent"
        ));
        assert!(is_label_line("Read more: Acme raises $5m"));
        assert!(!is_label_line("À lire les chiffres, la croissance est là."));
    }

    #[test]
    fn the_story_part_is_kept_around_the_headline() {
        let p80 = |w: &str| {
            format!(
                "<p>{w} {}</p>",
                "et la suite du texte de ce paragraphe ".repeat(3)
            )
        };
        // A side column of long prose beside a short story goes.
        let side = format!(
            "<html><head><title>Acme investit 5 millions à Lyon - Le Journal</title></head><body>\
             <div><div class=\"c\"><h1>Acme investit 5 millions à Lyon</h1>{}{}{}</div>\
             <div class=\"col\">{}{}{}</div></div></body></html>",
            p80("Acme investit 5 millions d'euros"),
            p80("Le chantier"),
            p80("La région"),
            p80("Notre charte éditoriale"),
            p80("Notre indépendance"),
            p80("Faites un don")
        );
        let t = extract_page(&side, None).text;
        assert!(t.contains("Acme investit 5 millions"), "{t}");
        assert!(!t.contains("charte"), "{t}");
        // Teasers beside the headline, the story in a sibling block: no
        // cut.
        let hero = format!(
            "<html><head><title>Acme investit 5 millions à Lyon</title></head><body>\
             <div class=\"hero\"><h1>Acme investit 5 millions à Lyon</h1>{}{}{}</div>\
             <div class=\"corps\">{}{}{}{}{}{}{}</div></body></html>",
            p80("Teaser un"),
            p80("Teaser deux"),
            p80("Teaser trois"),
            p80("Acme investit 5 millions d'euros"),
            p80("Le chantier"),
            p80("La région"),
            p80("Les emplois"),
            p80("Le maire"),
            p80("Les travaux"),
            p80("La suite")
        );
        let t = extract_page(&hero, None).text;
        assert!(t.contains("Acme investit 5 millions d'euros"), "{t}");
    }

    #[test]
    fn json_ld_headlines_are_unescaped() {
        assert_eq!(
            unescape_entities("Acme investit 5 millions d&#039;euros &amp; plus"),
            "Acme investit 5 millions d'euros & plus"
        );
        let h = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"L&#039;usine &lt;Acme&gt; ouvre"}</script></head><body><p>Texte.</p></body></html>"#;
        assert_eq!(
            extract_page(h, None).title.as_deref(),
            Some("L'usine <Acme> ouvre")
        );
    }
}

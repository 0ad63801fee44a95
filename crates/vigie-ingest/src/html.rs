//! HTML pages to articles: the main content (readability, via
//! `dom_smoothie`) as plain text with paragraphs, boilerplate (navigation,
//! footers, scripts, asides) dropped; the title and publication date from
//! meta tags, JSON-LD or `<time>`. Truncated or malformed HTML is parsed
//! as browsers do (html5ever), so a cut-off page still gives its text.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use vigie_model::Article;

use crate::date::normalize_date;
use crate::{decode_doc, tidy_text, Cause, IngestError};

/// What was read from a page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
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

/// Main text, title and date of an HTML document. Never fails; the text is
/// empty when the page has none.
pub fn extract_page(html: &str, url: Option<&str>) -> Page {
    let doc = Document::from(html);
    let published = published_date(&doc);
    let meta_title = meta_content(&doc, &["og:title", "twitter:title"]);
    drop_boilerplate(&doc);

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

    let (mut title, mut text, mut published) = (None, String::new(), published);
    if let Some(a) = readable {
        text = clean_text(&a.text_content);
        if !a.title.trim().is_empty() {
            title = Some(one_line(&a.title));
        }
        if published.is_none() {
            published = a.published_time.as_deref().and_then(normalize_date);
        }
    }
    if text.is_empty() {
        text = fallback_text(&doc);
    }
    if title.is_none() {
        title = meta_title.or_else(|| {
            let t = doc.select("title").text();
            let t = one_line(&t);
            (!t.is_empty()).then_some(t)
        });
    }
    Page {
        title,
        published,
        text,
    }
}

/// Class or id tokens of page furniture that readability may keep when
/// it sits inside the article: comments, related links, sharing, ads,
/// newsletters, cookie banners, breadcrumbs, tags.
const BOILERPLATE: &[&str] = &[
    "comment",
    "comments",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "pub",
    "cookie",
    "cookies",
    "consent",
    "subscribe",
    "paywall",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "outbrain",
    "taboola",
    "read-more",
    "lire-aussi",
    "a-lire",
    "sur-le-meme-sujet",
    "recommended",
    "sidebar",
    "popup",
    "modal",
];

/// Removes elements whose class or id names them as page furniture (never
/// `html`, `body`, `main` or `article` themselves).
fn drop_boilerplate(doc: &Document) {
    let is_furniture = |v: &str| {
        v.split(|c: char| c.is_whitespace())
            .filter(|t| !t.is_empty())
            .any(|t| {
                let t = t.to_ascii_lowercase();
                BOILERPLATE.iter().any(|b| {
                    t == *b
                        || t.strip_prefix(b).is_some_and(|r| r.starts_with(['-', '_']))
                        || t.strip_suffix(b).is_some_and(|r| r.ends_with(['-', '_']))
                })
            })
    };
    let mut doomed = Vec::new();
    for el in doc.select("[class], [id]").nodes() {
        let name = el
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "main" | "article") {
            continue;
        }
        let class = el.attr("class").map(|c| c.to_string()).unwrap_or_default();
        let id = el.attr("id").map(|c| c.to_string()).unwrap_or_default();
        if is_furniture(&class) || is_furniture(&id) {
            // A container that holds the story itself (class "has-comments"
            // on the article body, say) is kept: furniture has little prose.
            let prose = el
                .descendants()
                .iter()
                .filter(|d| {
                    d.node_name().is_some_and(|n| n.eq_ignore_ascii_case("p"))
                        && d.text().chars().count() > 150
                })
                .count();
            if prose < 3 {
                doomed.push(*el);
            }
        }
    }
    for el in doomed {
        el.remove_from_parent();
    }
}

/// Publication date from, in order: article:published_time and similar
/// meta tags, JSON-LD `datePublished`, the first `<time datetime>`.
fn published_date(doc: &Document) -> Option<String> {
    let from_meta = meta_content(
        doc,
        &[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "publish-date",
            "publication_date",
            "DC.date.issued",
            "dc.date",
            "sailthru.date",
            "parsely-pub-date",
            "og:published_time",
        ],
    );
    if let Some(d) = from_meta.as_deref().and_then(normalize_date) {
        return Some(d);
    }
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let raw = script.text();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) {
            if let Some(d) = find_json_ld_date(&v, 0) {
                return Some(d);
            }
        }
    }
    for t in doc.select("time").iter() {
        if let Some(dt) = t.attr("datetime") {
            if let Some(d) = normalize_date(&dt) {
                return Some(d);
            }
        }
    }
    None
}

fn find_json_ld_date(v: &serde_json::Value, depth: usize) -> Option<String> {
    if depth > 6 {
        return None;
    }
    match v {
        serde_json::Value::Object(m) => {
            if let Some(d) = m
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(normalize_date)
            {
                return Some(d);
            }
            m.values().find_map(|x| find_json_ld_date(x, depth + 1))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_json_ld_date(x, depth + 1)),
        _ => None,
    }
}

/// The `content` of the first `<meta>` whose property, name or itemprop is
/// one of `keys` (case-insensitive), in the order of `keys`.
fn meta_content(doc: &Document, keys: &[&str]) -> Option<String> {
    let metas: Vec<(String, String)> = doc
        .select("meta")
        .iter()
        .filter_map(|m| {
            let key = m
                .attr("property")
                .or_else(|| m.attr("name"))
                .or_else(|| m.attr("itemprop"))?;
            let content = m.attr("content")?;
            Some((key.to_lowercase(), content.to_string()))
        })
        .collect();
    keys.iter().find_map(|k| {
        let k = k.to_lowercase();
        metas
            .iter()
            .find(|(key, c)| *key == k && !c.trim().is_empty())
            .map(|(_, c)| one_line(c))
    })
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
        if !t.is_empty() {
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
/// at most one blank line between paragraphs.
fn clean_text(s: &str) -> String {
    let s = tidy_text(s);
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = one_line(line);
        if line.is_empty() {
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
}

//! A corpus of news pages as the web serves them (`tests/pages/*.html`,
//! written for these tests: regional and national dailies, wires, tech and
//! trade-press blogs, WordPress, AMP, live blogs, press releases, legacy
//! table layouts in Windows-1252, pages full of inline scripts). Each page
//! has a `.expect` file beside it:
//!
//! ```text
//! title: the headline, without the site's name
//! date: YYYY-MM-DD
//! lang: fr | en
//! + a sentence of the article that must be in the text
//! - page furniture that must not (menus, "Lire aussi" headlines, footers, cookies)
//! ```
//!
//! Comparisons collapse whitespace (no-break spaces included), so line
//! breaks inside a paragraph do not matter.

use std::path::{Path, PathBuf};

use vigie_ingest::html::extract_page;
use vigie_ingest::{article_from_bytes, decode, Format};

#[derive(Debug, Default)]
struct Expect {
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    present: Vec<String>,
    absent: Vec<String>,
}

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages")
}

fn parse_expect(s: &str) -> Expect {
    let mut e = Expect::default();
    for line in s.lines() {
        let line = line.trim_end();
        if let Some(v) = line.strip_prefix("title: ") {
            e.title = Some(v.to_string());
        } else if let Some(v) = line.strip_prefix("date: ") {
            e.date = Some(v.to_string());
        } else if let Some(v) = line.strip_prefix("lang: ") {
            e.lang = Some(v.to_string());
        } else if let Some(v) = line.strip_prefix("+ ") {
            e.present.push(v.to_string());
        } else if let Some(v) = line.strip_prefix("- ") {
            e.absent.push(v.to_string());
        } else if !line.is_empty() && !line.starts_with('#') {
            panic!("bad line in expect file: {line:?}");
        }
    }
    e
}

/// Whitespace of any kind collapsed to single spaces.
fn squash(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn cases() -> Vec<(String, PathBuf, Expect)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(pages_dir())
        .expect("tests/pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "expect"))
        .collect();
    entries.sort();
    for exp in entries {
        let html = exp.with_extension("html");
        let name = html
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let e = parse_expect(&std::fs::read_to_string(&exp).expect("read expect"));
        out.push((name, html, e));
    }
    out
}

/// Every problem of one page, as lines of a report.
fn check_page(name: &str, path: &Path, e: &Expect) -> Vec<String> {
    let mut bad = Vec::new();
    let bytes = std::fs::read(path).expect("read page");
    let article = match article_from_bytes(name, &bytes, Format::Html) {
        Ok(a) => a,
        Err(err) => return vec![format!("{name}: no article: {err}")],
    };
    let html = decode(&bytes).expect("decodes");
    let page = extract_page(&html, None);
    assert_eq!(page.text, article.text, "{name}: same text both ways");
    let text = squash(&article.text);

    if let Some(want) = &e.title {
        let got = article.title.as_deref().map(squash);
        if got.as_deref() != Some(want.as_str()) {
            bad.push(format!("{name}: title {got:?}, want {want:?}"));
        }
    }
    if let Some(want) = &e.date {
        if article.published.as_deref() != Some(want.as_str()) {
            bad.push(format!(
                "{name}: date {:?}, want {want:?}",
                article.published
            ));
        }
    }
    if let Some(want) = &e.lang {
        let detected = vigie_text::detect_language(&article.text).map(|l| l.code());
        if detected != Some(want.as_str()) {
            bad.push(format!(
                "{name}: language of the text {detected:?}, want {want:?}"
            ));
        }
        let declared = page.lang.as_deref();
        if declared != Some(want.as_str()) {
            bad.push(format!(
                "{name}: declared language {declared:?}, want {want:?}"
            ));
        }
    }
    for s in &e.present {
        if !text.contains(&squash(s)) {
            bad.push(format!("{name}: missing {s:?}"));
        }
    }
    for s in &e.absent {
        if text.contains(&squash(s)) {
            bad.push(format!("{name}: furniture kept {s:?}"));
        }
    }
    bad
}

#[test]
fn every_page_gives_its_article_and_no_furniture() {
    let cases = cases();
    assert!(cases.len() >= 25, "{} pages", cases.len());
    let mut failed_pages = 0;
    let mut report = Vec::new();
    for (name, path, e) in &cases {
        assert!(
            e.title.is_some() && e.date.is_some() && e.lang.is_some(),
            "{name}"
        );
        assert!(e.present.len() >= 3 || name.contains("brief"), "{name}");
        let bad = check_page(name, path, e);
        if !bad.is_empty() {
            failed_pages += 1;
            report.extend(bad);
        }
    }
    if std::env::var_os("VIGIE_PAGES_DUMP").is_some() {
        for (name, path, _) in &cases {
            let bytes = std::fs::read(path).expect("read page");
            if let Ok(a) = article_from_bytes(name, &bytes, Format::Html) {
                eprintln!(
                    "===== {name}\ntitle: {:?}\ndate: {:?}\n{}\n",
                    a.title, a.published, a.text
                );
            }
        }
    }
    assert!(
        report.is_empty(),
        "{failed_pages} of {} pages fail:\n{}",
        cases.len(),
        report.join("\n")
    );
}

/// Each page's text starts with the story (its standfirst or first
/// paragraph, listed first among the key sentences), not with a menu, a
/// banner, a kicker or a byline.
#[test]
fn text_starts_with_the_story() {
    let mut bad = Vec::new();
    for (name, path, e) in cases() {
        let bytes = std::fs::read(&path).expect("read page");
        let Ok(a) = article_from_bytes(&name, &bytes, Format::Html) else {
            continue;
        };
        let first = squash(a.text.split("\n\n").next().unwrap_or_default());
        let lead = e.present.first().map(|s| squash(s)).unwrap_or_default();
        if !first.contains(&lead) {
            bad.push(format!("{name}: starts with {first:?}, not {lead:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Bad pages give a one-line error or a best-effort text, never a panic.
#[test]
fn bad_pages_give_an_error_or_some_text() {
    let story = "<p>Acme va investir 12 millions d'euros dans une usine à Lyon et recrutera 40 personnes d'ici 2026, a indiqué sa direction lundi.</p>";
    let nested_tables = format!(
        "<html><body>{}{story}{}</body></html>",
        "<table><tr><td>".repeat(3000),
        "</td></tr></table>".repeat(3000)
    );
    let nested_divs = format!(
        "<html><body>{}{story}</body></html>",
        "<div class=\"related\">".repeat(20000)
    );
    let huge = format!(
        "<html><head><title>T</title></head><body><article>{}</article></body></html>",
        story.repeat(40_000)
    );
    let only_furniture = "<html><body><nav>Accueil Économie</nav><div class=\"cookie-banner\"><p>Nous utilisons des cookies.</p></div><footer>Mentions légales</footer></body></html>".to_string();
    let pages: Vec<(&str, Vec<u8>)> = vec![
        ("empty.html", Vec::new()),
        ("blank.html", b"  \n\t ".to_vec()),
        ("binary.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        (
            "cut.html",
            b"<html><head><title>Acme</title></head><body><article><p>Acme va inv".to_vec(),
        ),
        (
            "tags.html",
            b"<<<>>><p<div></p></div></span><td><tr>".to_vec(),
        ),
        ("tables.html", nested_tables.into_bytes()),
        ("divs.html", nested_divs.into_bytes()),
        ("huge.html", huge.into_bytes()),
        ("furniture.html", only_furniture.into_bytes()),
    ];
    for (name, bytes) in pages {
        match article_from_bytes(name, &bytes, Format::Html) {
            Ok(a) => {
                assert!(!a.text.is_empty(), "{name}");
                if ["tables.html", "divs.html", "huge.html"].contains(&name) {
                    assert!(a.text.contains("12 millions d'euros"), "{name}");
                }
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.starts_with(name) && !msg.contains('\n'), "{msg}");
            }
        }
    }
}

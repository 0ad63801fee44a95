//! `vigie extract` end to end on news pages as the web serves them (the
//! corpus of `crates/vigie-ingest/tests/pages`: menus, cookie banners,
//! "Lire aussi" blocks with other headlines and their amounts, captions,
//! comments, footers). The article's main investment comes out; nothing
//! comes out of the furniture; every event carries the page's date.
//!
//! Only figures any sane extractor finds are required, so that extraction
//! work does not break these tests; the furniture amounts must never show.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../vigie-ingest/tests/pages")
}

fn vigie() -> Command {
    Command::cargo_bin("vigie").expect("vigie binary")
}

/// Per page: amounts (value, currency) the article states that must come
/// out, and amounts of the page's furniture that must not.
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &[(f64, &str)], &[f64])] = &[
    (
        "01_fr_regional_daily",
        &[(38e6, "EUR")],
        &[12e6, 9e6, 60e6, 20e6],
    ),
    ("02_fr_national_paywall", &[(1.4e9, "EUR")], &[5.2e9, 800e6]),
    (
        "03_fr_split_divs_no_article",
        &[],
        &[5e6, 189_000.0, 45_000.0],
    ),
    ("04_en_wire", &[(2.1e9, "USD")], &[350e6, 14e9, 900e6, 4e9]),
    ("05_en_tech_blog", &[(64e6, "USD")], &[1.2e9, 25e6, 600.0]),
    ("06_fr_wordpress_trade", &[], &[9e6, 25e6, 60e6]),
    (
        "07_en_wordpress_trade",
        &[(45e6, "GBP")],
        &[30e6, 120e6, 250e6],
    ),
    (
        "08_fr_corporate_press_release",
        &[(120e6, "EUR")],
        &[318e6, 45e6],
    ),
    (
        "09_en_corporate_newsroom",
        &[(310e6, "EUR")],
        &[1.1e9, 1.42e9],
    ),
    ("10_fr_amp", &[(45e6, "EUR")], &[12e6]),
    ("11_en_amp", &[(780e6, "USD")], &[190e6, 2e9]),
    (
        "12_fr_commoncrawl_scripts",
        &[(52e6, "EUR")],
        &[7e6, 900e6, 1000.0],
    ),
    ("13_fr_live_blog", &[(2e9, "EUR"), (180e6, "EUR")], &[400e6]),
    ("14_en_table_article", &[], &[25e9, 3e6, 9.99, 295.0]),
    (
        "15_fr_magazine_figures",
        &[(340e6, "EUR")],
        &[150e6, 12e6, 30e6, 75e6],
    ),
    (
        "16_fr_legacy_tables_cp1252",
        &[(6.5e6, "EUR")],
        &[4e6, 2000.0],
    ),
    (
        "17_en_local_business_journal",
        &[(95e6, "USD")],
        &[60e6, 300e6],
    ),
    (
        "18_fr_eco_magazine_intertitles",
        &[(120e6, "EUR")],
        &[200e6],
    ),
    (
        "19_fr_teasers_before_article",
        &[(17e6, "EUR")],
        &[45e6, 30e6],
    ),
    ("20_en_consent_wall", &[(70e6, "USD")], &[40e6]),
    ("21_fr_long_comments", &[(55e6, "EUR")], &[80e6]),
    ("22_en_pr_wire", &[(1.8e9, "USD")], &[500e6]),
    ("23_fr_region_institutional", &[(65e6, "EUR")], &[3e6]),
    ("24_en_microdata", &[(250e6, "EUR")], &[600e6]),
    ("25_fr_short_brief", &[(2.3e6, "EUR")], &[800_000.0]),
    ("26_en_sidebar_times_first", &[], &[1.2e9]),
    (
        "27_fr_lire_aussi_same_company",
        &[(75e6, "EUR")],
        &[20e6, 140e6],
    ),
    (
        "28_fr_video_podcast_embeds",
        &[(400e6, "EUR")],
        &[1e9, 300e6],
    ),
    (
        "29_en_nextjs_hashed_classes",
        &[(38e6, "USD")],
        &[120e6, 500e6],
    ),
    ("30_fr_inline_lire_aussi_sections", &[(11e6, "EUR")], &[6e6]),
    (
        "31_fr_long_prose_sidebar",
        &[(28e6, "EUR"), (3.5e6, "EUR")],
        &[],
    ),
    (
        "32_en_dateline_updated_only",
        &[(1.1e9, "AUD")],
        &[600e6, 12.0],
    ),
    (
        "33_fr_br_paragraphs_old_cms",
        &[(4e6, "EUR"), (400_000.0, "EUR")],
        &[1.5e6],
    ),
];

/// The `date:` and `- furniture` lines of a page's expect file.
fn expect_of(stem: &str) -> (String, Vec<String>) {
    let s = std::fs::read_to_string(pages().join(format!("{stem}.expect"))).expect("expect file");
    let date = s
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .unwrap_or_default()
        .to_string();
    let furniture = s
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_string)
        .collect();
    (date, furniture)
}

/// How many pages the corpus holds (each must have a case).
fn page_files() -> usize {
    std::fs::read_dir(pages())
        .expect("pages")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

fn amount(e: &Value) -> Option<(f64, String)> {
    let a = e.get("amount")?;
    Some((
        a.get("value")?.as_f64()?,
        a.get("currency")?.as_str()?.to_string(),
    ))
}

#[test]
fn pages_give_the_articles_events_and_none_from_the_furniture() {
    // each page's own events (pages that tell one story in two page
    // layouts would otherwise be one event with two sources)
    let out = vigie()
        .arg("extract")
        .arg("--no-merge")
        .arg(pages())
        .output()
        .expect("run vigie");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut by_page: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let e: Value = serde_json::from_str(line).expect("an event per line");
        let source = e["sources"][0].as_str().unwrap_or_default().to_string();
        let stem = Path::new(&source)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        by_page.entry(stem).or_default().push(e);
    }
    assert_eq!(CASES.len(), page_files());
    let mut bad = Vec::new();
    for (stem, must, never) in CASES {
        let events = by_page.get(*stem).cloned().unwrap_or_default();
        let amounts: Vec<(f64, String)> = events.iter().filter_map(amount).collect();
        for (v, cur) in *must {
            if !amounts
                .iter()
                .any(|(x, c)| (x - v).abs() < 0.5 && c.as_str() == *cur)
            {
                bad.push(format!("{stem}: no event of {v} {cur} (got {amounts:?})"));
            }
        }
        for v in *never {
            if amounts.iter().any(|(x, _)| (x - v).abs() < 0.005) {
                bad.push(format!("{stem}: an event of {v} from the furniture"));
            }
        }
        let (date, furniture) = expect_of(stem);
        for e in &events {
            if e["published"].as_str() != Some(date.as_str()) {
                bad.push(format!(
                    "{stem}: event published {:?}, want {date}",
                    e["published"]
                ));
            }
            for ev in e["evidence"].as_array().into_iter().flatten() {
                let sentence = ev["sentence"].as_str().unwrap_or_default();
                for f in &furniture {
                    if sentence.contains(f.as_str()) {
                        bad.push(format!("{stem}: evidence from furniture {f:?}: {sentence}"));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn a_one_sentence_brief_gives_one_event() {
    let out = vigie()
        .arg("extract")
        .arg(pages().join("25_fr_short_brief.html"))
        .output()
        .expect("run vigie");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(amount(&events[0]), Some((2.3e6, "EUR".to_string())));
    assert_eq!(events[0]["jobs"]["value"].as_u64(), Some(12));
    assert_eq!(events[0]["published"].as_str(), Some("2021-06-08"));
}

/// Amounts of each page's events, sorted, keyed by page stem.
fn amounts_by_page(stdout: &[u8]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(stdout).lines() {
        let e: Value = serde_json::from_str(line).expect("an event per line");
        let source = e["sources"][0].as_str().unwrap_or_default();
        let stem = source
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".html")
            .to_string();
        let a = amount(&e).map_or_else(|| "none".to_string(), |(v, c)| format!("{v} {c}"));
        out.entry(stem).or_default().push(a);
    }
    for v in out.values_mut() {
        v.sort();
    }
    out
}

#[test]
fn the_same_pages_in_a_warc_archive_give_the_same_events() {
    let direct = vigie()
        .arg("extract")
        .arg(pages())
        .output()
        .expect("run vigie");
    assert!(direct.status.success());
    let dir = tempfile::tempdir().expect("tempdir");
    let mut warc = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(pages())
        .expect("pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    names.sort();
    for p in &names {
        let html = vigie_ingest::decode(&std::fs::read(p).expect("page")).expect("decodes");
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        warc.extend(vigie_ingest::warc::response_record(
            &format!("https://news.example/{stem}.html"),
            "2025-01-01T00:00:00Z",
            &html,
        ));
    }
    let archive = dir.path().join("pages.warc");
    std::fs::write(&archive, warc).expect("write warc");
    let from_warc = vigie()
        .arg("extract")
        .arg(&archive)
        .output()
        .expect("run vigie");
    assert!(
        from_warc.status.success(),
        "{}",
        String::from_utf8_lossy(&from_warc.stderr)
    );
    assert_eq!(
        amounts_by_page(&from_warc.stdout),
        amounts_by_page(&direct.stdout)
    );
}

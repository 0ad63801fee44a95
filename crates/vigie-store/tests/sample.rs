//! Resolution alone on the bundled sample: given what a careful reader
//! extracts from each of its 35 articles (`data/sample_mentions.jsonl`: the
//! extractor's output with its mistakes corrected by hand), the ledger must
//! be the gold one — one event per commitment, every article that reports
//! it among its sources, and the gold amount, kind, status and places.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use vigie_model::{Article, Event};
use vigie_store::{EventQuery, SortKey, Store};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'à' => 'a',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn names(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).map(norm).collect())
        .unwrap_or_default()
}

fn org_names(o: Option<&vigie_model::Org>) -> BTreeSet<String> {
    o.map(|o| [norm(&o.name), norm(&o.canonical)].into_iter().collect())
        .unwrap_or_default()
}

#[test]
fn resolution_of_the_sample_gives_the_gold_ledger() {
    // Articles, in file-name order, with their mentions.
    let mut by_source: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    let lines = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sample_mentions.jsonl"
    ))
    .expect("mentions");
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let e: Event = serde_json::from_str(line).expect("event");
        let src = e.sources.first().cloned().expect("a source");
        by_source.entry(src).or_default().push(e);
    }
    let mut files: Vec<_> = std::fs::read_dir(format!("{ROOT}/sample/articles"))
        .expect("sample")
        .filter_map(Result::ok)
        .map(|d| d.path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 35);
    let mut batch = Vec::new();
    for f in &files {
        let j: Value =
            serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("article json");
        let url = j["url"].as_str().expect("url").to_string();
        let mut a = Article::new(url.clone(), j["text"].as_str().expect("text"));
        a.published = j["date"].as_str().map(str::to_string);
        batch.push((a, by_source.remove(&url).unwrap_or_default()));
    }
    assert!(by_source.is_empty(), "mentions of unknown articles");

    // Ingested in one batch, then again article by article: the same ledger.
    let dir = tempfile::tempdir().expect("tmp");
    let mut one = Store::open(&dir.path().join("one.db")).expect("open");
    one.ingest_batch(&batch).expect("ingest");
    let mut many = Store::open(&dir.path().join("many.db")).expect("open");
    for it in &batch {
        many.ingest_batch(std::slice::from_ref(it))
            .expect("ingest one");
    }
    let q = EventQuery {
        limit: 0,
        sort: SortKey::Published,
        ..EventQuery::default()
    };
    let ledger = one.events(&q).expect("events").events;
    let ledger_many = many.events(&q).expect("events").events;
    assert_eq!(ledger, ledger_many, "batching changes the ledger");

    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/sample/gold.json")).expect("gold"),
    )
    .expect("gold json");
    let url_of: BTreeMap<&str, &str> = gold["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .filter_map(|d| Some((d["id"].as_str()?, d["url"].as_str()?)))
        .collect();
    let golds = gold["events"].as_array().expect("events");
    assert_eq!(ledger.len(), golds.len(), "one event per commitment");
    let mut used = BTreeSet::new();
    for g in golds {
        let key = g["key"].as_str().unwrap_or("?");
        let docs: BTreeSet<&str> = g["docs"]
            .as_array()
            .expect("docs")
            .iter()
            .filter_map(Value::as_str)
            .filter_map(|d| url_of.get(d).copied())
            .collect();
        let by_recipient = g["investor"].is_null();
        let who = if by_recipient {
            names(&g["recipient"])
        } else {
            names(&g["investor"])
        };
        let gv = g["amount"]["value"].as_f64();
        let found = ledger.iter().enumerate().find(|(i, e)| {
            let party = if by_recipient {
                org_names(e.recipient.as_ref())
            } else {
                org_names(e.investor.as_ref())
            };
            let amount_ok = match (gv, e.amount.as_ref()) {
                (Some(v), Some(a)) => (a.value - v).abs() <= 0.01 * v,
                (None, None) => true,
                _ => false,
            };
            !used.contains(i)
                && !party.is_disjoint(&who)
                && amount_ok
                && e.sources.iter().any(|s| docs.contains(s.as_str()))
        });
        let Some((i, e)) = found else {
            panic!("{key}: no event in the ledger");
        };
        used.insert(i);
        let sources: BTreeSet<&str> = e.sources.iter().map(String::as_str).collect();
        assert_eq!(sources, docs, "{key}: sources");
        assert_eq!(Some(e.kind.as_str()), g["kind"].as_str(), "{key}: kind");
        let skip = names(&g["skip_fields"]);
        if !skip.contains("status") {
            assert_eq!(
                Some(e.status.as_str()),
                g["status"].as_str(),
                "{key}: status"
            );
        }
        if !skip.contains("qualifier") {
            if let Some(q) = g["amount"]["qualifier"].as_str() {
                let got = e.amount.as_ref().map(|a| a.qualifier);
                assert_eq!(
                    got.map(|q| serde_json::to_value(q).expect("qualifier")),
                    Some(Value::from(q)),
                    "{key}: qualifier"
                );
            }
        }
        if !skip.contains("region") {
            for r in g["regions"].as_array().into_iter().flatten() {
                assert!(
                    e.places.iter().any(|p| p.region.as_deref() == r.as_str()),
                    "{key}: region {r}"
                );
            }
        }
        for c in g["communes"].as_array().into_iter().flatten() {
            assert!(
                e.places.iter().any(|p| p.commune.as_deref() == c.as_str()),
                "{key}: commune {c}"
            );
        }
    }
}

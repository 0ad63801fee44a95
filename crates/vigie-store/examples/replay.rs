//! Resolves the output of `vigie extract` (or hand-made events) over a set of
//! articles, without the extractor: to study resolution on its own.
//!
//! usage: replay ARTICLES_DIR EVENTS.jsonl DB > ledger.jsonl
//!
//! ARTICLES_DIR holds `{"url", "title", "date", "text"}` JSON files (like
//! `sample/articles`); each event goes to the article named by its first
//! source. Articles are ingested in file-name order, one batch.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use vigie_model::{Article, Event};
use vigie_store::{EventQuery, SortKey, Store};

#[derive(serde::Deserialize)]
struct Json {
    url: String,
    title: Option<String>,
    date: Option<String>,
    text: String,
}

fn run(dir: &Path, events: &Path, db: &Path) -> Result<(), String> {
    let mut by_source: BTreeMap<String, Vec<Event>> = BTreeMap::new();
    let lines =
        std::fs::read_to_string(events).map_err(|e| format!("{}: {e}", events.display()))?;
    for (n, line) in lines.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let e: Event = serde_json::from_str(line)
            .map_err(|err| format!("{}:{}: {err}", events.display(), n + 1))?;
        let src = e.sources.first().cloned().unwrap_or_default();
        by_source.entry(src).or_default().push(e);
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|d| d.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut batch = Vec::new();
    for f in files {
        let raw = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let j: Json = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut a = Article::new(j.url.clone(), j.text);
        a.title = j.title;
        a.published = j.date;
        let evs = by_source.remove(&j.url).unwrap_or_default();
        batch.push((a, evs));
    }
    for (src, _) in by_source {
        eprintln!("replay: events for {src}, which is no article of the directory");
    }
    let _ = std::fs::remove_file(db);
    let mut st = Store::open(db).map_err(|e| e.to_string())?;
    st.ingest_batch(&batch).map_err(|e| e.to_string())?;
    let page = st
        .events(&EventQuery {
            limit: 0,
            sort: SortKey::Published,
            ..EventQuery::default()
        })
        .map_err(|e| e.to_string())?;
    for e in page.events {
        println!("{}", serde_json::to_string(&e).map_err(|e| e.to_string())?);
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, events, db] = args.as_slice() else {
        eprintln!("usage: replay ARTICLES_DIR EVENTS.jsonl DB > ledger.jsonl");
        return ExitCode::from(2);
    };
    match run(Path::new(dir), Path::new(events), Path::new(db)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("replay: {e}");
            ExitCode::FAILURE
        }
    }
}

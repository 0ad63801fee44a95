//! `vigie extract`: investment events of articles, as JSONL (the contract).
//!
//! Inputs are files (.txt .md .html .json .jsonl .warc), directories (read
//! recursively) and standard input (`-` or no argument). Articles are read in
//! order and extracted in parallel in batches, so memory stays flat and the
//! output order is the input order whatever the number of cores.
//!
//! The same commitment reported by several articles of one run is one event
//! (the contract): events are resolved across articles with the store's
//! [`Resolver`] (the rules `vigie ingest` applies) and printed once all
//! input is read, in the order of their first report, with the evidence and
//! sources of every report. `--no-merge` prints each article's events as
//! soon as its batch is extracted instead (memory flat in input size).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use vigie_extract::{ExtractError, Extractor};
use vigie_model::{Article, Event};
use vigie_store::resolve::{Mention, Resolver};

/// Arguments of `vigie extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to read (`-` or nothing: standard input).
    pub paths: Vec<PathBuf>,
    /// Indented JSON, one event after another, for people.
    #[arg(long)]
    pub pretty: bool,
    /// Do not resolve events across articles: print each article's events
    /// as soon as they are extracted (memory stays flat in input size).
    #[arg(long)]
    pub no_merge: bool,
}

/// Articles read before a parallel extraction pass.
const BATCH: usize = 256;

enum Item {
    Article(Article),
    /// A read error, already formatted (the file and its cause).
    Error(String),
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut batch: Vec<Item> = Vec::with_capacity(BATCH);
    // Events held for resolution across articles (None: print at once).
    let mut held: Option<Vec<Vec<Event>>> = (!args.no_merge).then(Vec::new);
    let inputs: Vec<Option<PathBuf>> = if args.paths.is_empty() {
        vec![None]
    } else {
        args.paths
            .iter()
            .map(|p| (p.as_os_str() != "-").then(|| p.clone()))
            .collect()
    };
    for input in inputs {
        match input {
            None => {
                let mut bytes = Vec::new();
                match std::io::stdin().read_to_end(&mut bytes) {
                    Ok(_) => match vigie_text::decode(&bytes) {
                        Ok(text) => batch.push(Item::Article(Article::new("-", text))),
                        Err(e) => batch.push(Item::Error(format!("<stdin>: {e}"))),
                    },
                    Err(e) => batch.push(Item::Error(format!("<stdin>: {e}"))),
                }
            }
            Some(path) => {
                let mut sink = |r: Result<Article, vigie_ingest::IngestError>| {
                    batch.push(match r {
                        Ok(a) => Item::Article(a),
                        Err(e) => Item::Error(e.to_string()),
                    });
                    if batch.len() >= BATCH {
                        let full = std::mem::take(&mut batch);
                        if let Err(e) = flush(
                            &extractor,
                            full,
                            args.pretty,
                            &mut out,
                            &mut failed,
                            held.as_mut(),
                        ) {
                            // stdout closed: stop quietly at the end
                            eprintln!("vigie extract: {e}");
                        }
                    }
                };
                vigie_ingest::read_path_with(
                    &path,
                    &vigie_ingest::ReadOptions::default(),
                    &mut sink,
                );
            }
        }
    }
    flush(
        &extractor,
        batch,
        args.pretty,
        &mut out,
        &mut failed,
        held.as_mut(),
    )?;
    if let Some(articles) = held {
        for e in resolve_across(articles) {
            write_event(&mut out, &e, args.pretty)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts a batch in parallel and writes it in order (or, with `held`,
/// keeps each article's events for resolution at the end).
fn flush(
    extractor: &Extractor,
    batch: Vec<Item>,
    pretty: bool,
    out: &mut impl Write,
    failed: &mut bool,
    mut held: Option<&mut Vec<Vec<Event>>>,
) -> std::io::Result<()> {
    let results: Vec<Result<Vec<Event>, String>> = batch
        .par_iter()
        .map(|item| match item {
            Item::Article(a) => match extractor.extract(a) {
                Ok(events) => Ok(events),
                // not an error of reading: said once, the batch goes on
                Err(e @ (ExtractError::UnsupportedLanguage | ExtractError::Empty)) => {
                    eprintln!("vigie extract: {}: skipped: {e}", a.source);
                    Ok(Vec::new())
                }
                Err(e) => Err(format!("{}: {e}", a.source)),
            },
            Item::Error(e) => Err(e.clone()),
        })
        .collect();
    for r in results {
        match r {
            Ok(events) => match held.as_deref_mut() {
                Some(articles) => {
                    if !events.is_empty() {
                        articles.push(events);
                    }
                }
                None => {
                    for e in &events {
                        write_event(out, e, pretty)?;
                    }
                }
            },
            Err(msg) => {
                out.flush()?;
                eprintln!("vigie extract: {}", one_line(&msg));
                *failed = true;
            }
        }
    }
    Ok(())
}

fn write_event(out: &mut impl Write, e: &Event, pretty: bool) -> std::io::Result<()> {
    let s = if pretty {
        serde_json::to_string_pretty(e)
    } else {
        serde_json::to_string(e)
    }
    .map_err(std::io::Error::other)?;
    writeln!(out, "{s}")
}

/// One event per commitment across the articles of a run (each article's
/// events in its order): the store's resolution rules, in memory. An event
/// reported once is printed as extracted; a merged one carries the id of
/// its first report and the evidence and sources of all.
fn resolve_across(articles: Vec<Vec<Event>>) -> Vec<Event> {
    let mut resolver = Resolver::new();
    resolver.keep_articles_apart = true;
    let mut next_id = 0i64;
    for (article, events) in articles.into_iter().enumerate() {
        for (ordinal, event) in events.into_iter().enumerate() {
            let doc = event
                .evidence
                .first()
                .map(|e| e.doc.clone())
                .unwrap_or_default();
            next_id += 1;
            resolver.add(Mention {
                id: next_id,
                article: i64::try_from(article).unwrap_or(i64::MAX),
                doc,
                ordinal,
                event,
            });
        }
    }
    resolver
        .clusters
        .into_iter()
        .filter_map(|c| {
            let first_id = c.mentions.first()?.event.id.clone();
            if c.mentions.len() == 1 {
                c.mentions.into_iter().next().map(|m| m.event)
            } else {
                let mut e = c.event;
                e.id = first_id;
                Some(e)
            }
        })
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

//! `vigie extract`: investment events of articles, as JSONL (the contract).
//!
//! Inputs are files (.txt .md .html .json .jsonl .warc), directories (read
//! recursively) and standard input (`-` or no argument). Articles are read in
//! order and extracted in parallel in batches, so memory stays flat and the
//! output order is the input order whatever the number of cores.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use vigie_extract::{ExtractError, Extractor};
use vigie_model::{Article, Event};

/// Arguments of `vigie extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories to read (`-` or nothing: standard input).
    pub paths: Vec<PathBuf>,
    /// Indented JSON, one event after another, for people.
    #[arg(long)]
    pub pretty: bool,
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
                        if let Err(e) = flush(&extractor, full, args.pretty, &mut out, &mut failed)
                        {
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
    flush(&extractor, batch, args.pretty, &mut out, &mut failed)?;
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts a batch in parallel and writes it in order.
fn flush(
    extractor: &Extractor,
    batch: Vec<Item>,
    pretty: bool,
    out: &mut impl Write,
    failed: &mut bool,
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
            Ok(events) => {
                for e in events {
                    let s = if pretty {
                        serde_json::to_string_pretty(&e)
                    } else {
                        serde_json::to_string(&e)
                    }
                    .map_err(std::io::Error::other)?;
                    writeln!(out, "{s}")?;
                }
            }
            Err(msg) => {
                out.flush()?;
                eprintln!("vigie extract: {}", one_line(&msg));
                *failed = true;
            }
        }
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

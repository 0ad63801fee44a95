//! `vigie resolve`: re-run resolution across articles, or explain a merge.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use vigie_store::Store;

use super::events::human_eur;

/// Arguments of `vigie resolve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Explain which mentions an event is made of and why, instead of
    /// re-resolving.
    #[arg(long, value_name = "ID")]
    pub explain: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Database path (default: $VIGIE_DB, else ./vigie.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let path = vigie_store::db_path(args.db.as_deref());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(id) = &args.explain {
        let store = Store::open_read_only(&path)?;
        let Some(ex) = store.explain(id)? else {
            anyhow::bail!("no event {id:?} in the ledger");
        };
        if args.json {
            serde_json::to_writer_pretty(&mut out, &ex)?;
            writeln!(out)?;
        } else {
            let e = &ex.event;
            writeln!(
                out,
                "{}: {} {} {} EUR, {} mention(s) from {} source(s)",
                e.id,
                e.investor
                    .as_ref()
                    .map(|o| o.canonical.as_str())
                    .unwrap_or("-"),
                e.kind,
                human_eur(e.amount.as_ref().and_then(|a| a.eur)),
                ex.steps.len(),
                e.sources.len()
            )?;
            for s in &ex.steps {
                let m = &s.extracted;
                writeln!(
                    out,
                    "\n  mention {} from {} ({})",
                    s.mention,
                    s.source,
                    m.published.as_deref().unwrap_or("undated")
                )?;
                writeln!(
                    out,
                    "    extracted: {} {} {} EUR, places: {}",
                    m.investor.as_ref().map(|o| o.name.as_str()).unwrap_or("-"),
                    m.kind,
                    human_eur(m.amount.as_ref().and_then(|a| a.eur)),
                    m.places
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
                writeln!(
                    out,
                    "    rule: {} (score {:.2}): {}",
                    s.rule, s.score, s.reason
                )?;
            }
        }
    } else {
        let mut store = Store::open(&path)?;
        let r = store.resolve_all()?;
        if args.json {
            serde_json::to_writer(&mut out, &r)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{} mentions resolved into {} events",
                r.mentions, r.events
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

//! `vigie events`: list the ledger's events, filtered, sorted and paged.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use vigie_model::Event;
use vigie_store::{EventQuery, SortKey, Store};

/// Filters shared by `vigie events`, `vigie stats` and `vigie export`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Filters {
    /// Investor: canonical name or name as written (case-insensitive).
    #[arg(long)]
    pub investor: Option<String>,
    /// Target country (ISO 3166-1 alpha-2, e.g. FR).
    #[arg(long)]
    pub country: Option<String>,
    /// INSEE region code (e.g. 11 for Île-de-France, 32 for Hauts-de-France).
    #[arg(long)]
    pub region: Option<String>,
    /// INSEE département code (e.g. 59, 2A).
    #[arg(long)]
    pub departement: Option<String>,
    /// Sector tag (datacenter_cloud, ai, batteries_ev, ...).
    #[arg(long)]
    pub sector: Option<String>,
    /// Kind: capex, equity, acquisition, public_funding, jobs.
    #[arg(long)]
    pub kind: Option<String>,
    /// Status: announced, planned, sought, completed, cancelled.
    #[arg(long)]
    pub status: Option<String>,
    /// Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Published on or before (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Amount in EUR at least this (e.g. 1e9).
    #[arg(long, value_name = "EUR")]
    pub min_eur: Option<f64>,
    /// Full-text search over the articles that report the event (SQLite FTS5).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Database path (default: $VIGIE_DB, else ./vigie.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

impl Filters {
    /// The store query of these filters (default sort and page).
    pub fn query(&self) -> EventQuery {
        EventQuery {
            investor: self.investor.clone(),
            country: self.country.clone(),
            region: self.region.clone(),
            departement: self.departement.clone(),
            sector: self.sector.clone(),
            kind: self.kind.clone(),
            status: self.status.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            min_eur: self.min_eur,
            search: self.search.clone(),
            ..EventQuery::default()
        }
    }

    /// Opens the database read-only.
    pub fn open(&self) -> anyhow::Result<Store> {
        let path = vigie_store::db_path(self.db.as_deref());
        Ok(Store::open_read_only(&path)?)
    }
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Published,
    Eur,
    Investor,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
}

/// Arguments of `vigie events`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub filters: Filters,
    /// Sort key.
    #[arg(long, value_enum, default_value = "published")]
    pub sort: Sort,
    /// Descending order (newest, largest, Z first).
    #[arg(long)]
    pub desc: bool,
    /// Page size (0: all).
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
    /// Events to skip (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
    /// Output: a table for people, JSONL (the contract records) or CSV.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.filters.open()?;
    let q = EventQuery {
        sort: match args.sort {
            Sort::Published => SortKey::Published,
            Sort::Eur => SortKey::Eur,
            Sort::Investor => SortKey::Investor,
        },
        desc: args.desc,
        limit: args.limit,
        offset: args.offset,
        ..args.filters.query()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Jsonl => {
            vigie_store::export::write_jsonl(&store, &q, &mut out)?;
        }
        Format::Csv => {
            vigie_store::export::write_csv(&store, &q, &mut out)?;
        }
        Format::Table => {
            let page = store.events(&q)?;
            write_table(&mut out, &page.events)?;
            let first = if page.events.is_empty() {
                0
            } else {
                q.offset as usize + 1
            };
            writeln!(
                out,
                "{}–{} of {} events",
                first,
                q.offset as usize + page.events.len(),
                page.total
            )?;
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(ExitCode::SUCCESS)
}

/// "4.0 bn", "350 M", "12 k".
pub fn human_eur(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if v.abs() >= 1e9 => format!("{:.1} bn", v / 1e9),
        Some(v) if v.abs() >= 1e6 => format!("{:.0} M", v / 1e6),
        Some(v) if v.abs() >= 1e3 => format!("{:.0} k", v / 1e3),
        Some(v) => format!("{v:.0}"),
    }
}

/// Cuts to `w` characters (with an ellipsis) and pads to `w`.
pub fn cell(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n > w {
        let cut: String = s.chars().take(w.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

fn place_of(e: &Event) -> String {
    e.places
        .first()
        .map(|p| p.text.clone())
        .or_else(|| e.country.clone())
        .unwrap_or_else(|| "-".into())
}

/// A fixed-width table, one line per event.
pub fn write_table<W: Write>(out: &mut W, events: &[Event]) -> std::io::Result<()> {
    const COLS: [(&str, usize); 9] = [
        ("ID", 20),
        ("DATE", 10),
        ("INVESTOR", 22),
        ("KIND", 14),
        ("EUR", 9),
        ("PLACE", 20),
        ("SECTORS", 22),
        ("JOBS", 6),
        ("SRC", 3),
    ];
    let header: Vec<String> = COLS.iter().map(|(h, w)| cell(h, *w)).collect();
    writeln!(out, "{}", header.join(" ").trim_end())?;
    for e in events {
        let eur = e.amount.as_ref().and_then(|a| a.eur);
        let vals = [
            e.id.clone(),
            e.published.clone().unwrap_or_else(|| "-".into()),
            e.investor
                .as_ref()
                .map(|o| o.canonical.clone())
                .unwrap_or_else(|| "-".into()),
            e.kind.as_str().to_string(),
            human_eur(eur),
            place_of(e),
            e.sectors
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(","),
            e.jobs
                .as_ref()
                .map(|j| j.value.to_string())
                .unwrap_or_else(|| "-".into()),
            e.sources.len().to_string(),
        ];
        let line: Vec<String> = vals
            .iter()
            .zip(COLS.iter())
            .map(|(v, (_, w))| cell(v, *w))
            .collect();
        writeln!(out, "{}", line.join(" ").trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_amounts() {
        assert_eq!(cell("Île-de-France", 5), "Île-…");
        assert_eq!(cell("ab", 4), "ab  ");
        assert_eq!(human_eur(Some(4e9)), "4.0 bn");
        assert_eq!(human_eur(Some(3.5e8)), "350 M");
        assert_eq!(human_eur(None), "-");
    }
}

//! `vigie stats`: totals and breakdowns by sector, region, département,
//! investor, month and kind.

use std::io::Write;
use std::process::ExitCode;

use vigie_store::Bucket;

use super::events::{cell, human_eur, Filters};

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
}

/// Arguments of `vigie stats`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub filters: Filters,
    /// Output: tables for people, or one JSON object.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

fn section<W: Write>(out: &mut W, title: &str, rows: &[Bucket]) -> std::io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", cell(title, 24).trim_end())?;
    writeln!(
        out,
        "  {} {:>7} {:>10} {:>8}",
        cell("", 32),
        "events",
        "EUR",
        "jobs"
    )?;
    for b in rows {
        let name = if b.label == b.key || b.label.to_lowercase() == b.key {
            b.label.clone()
        } else {
            format!("{} ({})", b.label, b.key)
        };
        writeln!(
            out,
            "  {} {:>7} {:>10} {:>8}",
            cell(&name, 32),
            b.events,
            human_eur(Some(b.eur)),
            b.jobs
        )?;
    }
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.filters.open()?;
    let s = store.stats(&args.filters.query())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &s)?;
            writeln!(out)?;
        }
        Format::Table => {
            writeln!(
                out,
                "{} events, {} EUR, {} jobs",
                s.events,
                human_eur(Some(s.eur)),
                s.jobs
            )?;
            section(&mut out, "By sector", &s.by_sector)?;
            section(&mut out, "By region", &s.by_region)?;
            section(&mut out, "By département (INSEE)", &s.by_departement)?;
            section(&mut out, "Top investors", &s.by_investor)?;
            section(&mut out, "By month", &s.by_month)?;
            section(&mut out, "By kind", &s.by_kind)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

//! `vigie show ID`: one event with all its evidence and sources.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use vigie_store::Store;

use super::events::human_eur;

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Arguments of `vigie show`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Event id (evt_…), as printed by `vigie events`.
    pub id: String,
    /// Output: text for people, or JSON (event, articles, mentions).
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Database path (default: $VIGIE_DB, else ./vigie.db).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&vigie_store::db_path(args.db.as_deref()))?;
    let Some(d) = store.event(&args.id)? else {
        anyhow::bail!("no event {:?} in the ledger", args.id);
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &d)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let e = &d.event;
    writeln!(out, "{}  {}  {}", e.id, e.kind, e.status)?;
    if let Some(i) = &e.investor {
        let c = i
            .country
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        writeln!(
            out,
            "investor:   {}{c}   [as written: {}]",
            i.canonical, i.name
        )?;
    }
    if let Some(r) = &e.recipient {
        writeln!(out, "recipient:  {}", r.canonical)?;
    }
    if let Some(a) = &e.amount {
        let max = a.max.map(|m| format!(" to {m}")).unwrap_or_default();
        writeln!(
            out,
            "amount:     {} {}{max} ({})   = {} EUR",
            a.value,
            a.currency.as_deref().unwrap_or("?"),
            a.qualifier,
            human_eur(a.eur)
        )?;
    }
    if let Some(j) = &e.jobs {
        writeln!(out, "jobs:       {} ({})", j.value, j.qualifier)?;
    }
    if let Some(h) = &e.horizon {
        let until = h.until.map(|u| format!("until {u} ")).unwrap_or_default();
        let years = h
            .years
            .map(|y| format!("over {y} years"))
            .unwrap_or_default();
        writeln!(out, "horizon:    {until}{years}")?;
    }
    writeln!(out, "country:    {}", e.country.as_deref().unwrap_or("-"))?;
    for p in &e.places {
        let codes: Vec<String> = [
            ("region", &p.region),
            ("dep", &p.departement),
            ("commune", &p.commune),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}")))
        .collect();
        writeln!(out, "place:      {}  [{}]", p.text, codes.join(", "))?;
    }
    let sectors: Vec<&str> = e.sectors.iter().map(|s| s.as_str()).collect();
    writeln!(out, "sectors:    {}", sectors.join(", "))?;
    writeln!(out, "published:  {}", e.published.as_deref().unwrap_or("-"))?;
    writeln!(out, "confidence: {:.2}", e.confidence)?;
    writeln!(out, "\nevidence ({}):", e.evidence.len())?;
    for ev in &e.evidence {
        let src = d
            .articles
            .iter()
            .find(|a| a.doc == ev.doc)
            .map(|a| a.source.as_str())
            .unwrap_or(ev.doc.as_str());
        writeln!(out, "  [{src} {}..{}]", ev.start, ev.end)?;
        writeln!(out, "    {}", ev.sentence.replace('\n', " "))?;
    }
    writeln!(out, "\nsources ({}):", d.articles.len())?;
    for a in &d.articles {
        writeln!(
            out,
            "  {}  {}  {}",
            a.published.as_deref().unwrap_or("----------"),
            a.source,
            a.title.as_deref().unwrap_or("")
        )?;
    }
    writeln!(
        out,
        "\n{} mention(s) merged; `vigie resolve --explain {}` tells why.",
        d.mentions.len(),
        e.id
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

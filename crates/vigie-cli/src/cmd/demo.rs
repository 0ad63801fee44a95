//! `vigie demo`: ingests the bundled sample (embedded in the binary, so it
//! works from any directory) into the database and prints the ledger.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use vigie_model::Event;
use vigie_store::{EventQuery, SortKey, Store};

use super::ingest::Pipeline;

/// Arguments of `vigie demo`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Database path (default: $VIGIE_DB, else ./vigie.db). Re-running is
    /// harmless: articles already stored are skipped.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Only ingest; do not print the ledger.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let db = vigie_store::db_path(args.db.as_deref());
    let mut store = Store::open(&db).with_context(|| format!("cannot open {}", db.display()))?;
    let started = std::time::Instant::now();
    let articles = vigie_ingest::sample::articles();
    if articles.is_empty() {
        anyhow::bail!("this vigie was built without the sample corpus (sample/ was missing)");
    }
    let mut p = Pipeline::new(&mut store, None, 64, true)?;
    for a in articles {
        p.push(a)?;
    }
    p.finish()?;
    let mut summary = p.summary.clone();
    summary.seconds = started.elapsed().as_secs_f64();
    let failed = summary.errors > 0;
    if args.quiet {
        return Ok(exit(failed));
    }
    let q = EventQuery {
        sort: SortKey::Published,
        desc: false,
        limit: 0,
        ..EventQuery::default()
    };
    let page = store.events(&q).context("cannot read the ledger")?;
    println!("Sample: {} into {}\n", summary.line(), db.display());
    print!("{}", table(&page.events));
    println!(
        "\n{} events in the ledger ({}). Next: `vigie events --db {db}`, `vigie show ID --db {db}`, `vigie stats --db {db}`, `vigie serve --db {db}`.",
        page.total,
        db.display(),
        db = db.display()
    );
    Ok(exit(failed))
}

fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A compact text table of events: date, investor, kind, amount, EUR,
/// place, number of sources.
pub fn table(events: &[Event]) -> String {
    let header = ["date", "investor", "kind", "amount", "EUR", "where", "src"];
    let rows: Vec<[String; 7]> = events
        .iter()
        .map(|e| {
            let amount = e
                .amount
                .as_ref()
                .map(|m| {
                    let mut s = human(m.value);
                    if let Some(max) = m.max {
                        s = format!("{s}-{}", human(max));
                    }
                    match &m.currency {
                        Some(c) => format!("{s} {c}"),
                        None => s,
                    }
                })
                .or_else(|| e.jobs.as_ref().map(|j| format!("{} jobs", j.value)))
                .unwrap_or_default();
            let eur = e
                .amount
                .as_ref()
                .and_then(|m| m.eur)
                .map(human)
                .unwrap_or_default();
            let place = e
                .places
                .first()
                .map(|p| p.text.clone())
                .or_else(|| e.country.clone())
                .unwrap_or_default();
            let place = match (&e.country, e.places.first()) {
                (Some(c), Some(_)) if !place.is_empty() => format!("{place} ({c})"),
                _ => place,
            };
            [
                e.published.clone().unwrap_or_default(),
                cut(
                    e.investor
                        .as_ref()
                        .map(|o| o.canonical.as_str())
                        .unwrap_or("?"),
                    28,
                ),
                e.kind.as_str().to_string(),
                amount,
                eur,
                cut(&place, 28),
                e.sources.len().to_string(),
            ]
        })
        .collect();
    let mut width = header.map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in width.iter_mut().zip(r.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: &[String], out: &mut String| {
        let mut l = String::new();
        for (i, (c, w)) in cells.iter().zip(width.iter()).enumerate() {
            if i > 0 {
                l.push_str("  ");
            }
            // Numbers right-aligned.
            if matches!(i, 4 | 6) {
                l.push_str(&format!("{c:>w$}"));
            } else {
                l.push_str(&format!("{c:<w$}"));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&header.map(String::from), &mut out);
    line(&width.map(|w| "-".repeat(w)), &mut out);
    for r in &rows {
        line(r, &mut out);
    }
    out
}

/// 4000000000 -> "4 bn", 1200000000 -> "1.2 bn", 300000000 -> "300 m".
fn human(v: f64) -> String {
    let (d, unit) = if v.abs() >= 1e9 {
        (1e9, " bn")
    } else if v.abs() >= 1e6 {
        (1e6, " m")
    } else if v.abs() >= 1e3 {
        (1e3, " k")
    } else {
        (1.0, "")
    };
    let x = v / d;
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}{unit}")
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_amounts() {
        assert_eq!(human(4e9), "4 bn");
        assert_eq!(human(1.2e9), "1.2 bn");
        assert_eq!(human(3e8), "300 m");
        assert_eq!(human(2500.0), "2.5 k");
        assert_eq!(human(12.0), "12");
    }

    #[test]
    fn the_sample_is_embedded() {
        let a = vigie_ingest::sample::articles();
        assert!(a.len() >= 10, "{} sample articles", a.len());
        assert!(
            a.iter().all(|r| r.is_ok()),
            "{:?}",
            a.iter().find(|r| r.is_err())
        );
    }
}

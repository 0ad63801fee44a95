//! `vigie rates`: the ECB euro reference rates.

use std::path::PathBuf;
use std::process::ExitCode;

use vigie_store::{Rates, Store};

/// Arguments of `vigie rates`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    /// Database path (default: $VIGIE_DB, else ./vigie.db).
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
}

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Load a newer ECB history (eurofxref-hist.csv or .zip) into the
    /// database; it is then preferred to the compiled-in snapshot, and the
    /// EUR amounts of the ledger are recomputed.
    Update {
        /// The ECB file (CSV or the zip that holds it).
        file: PathBuf,
    },
    /// Convert an amount to EUR at a date (rates of the database if loaded,
    /// else the compiled-in snapshot).
    Convert {
        value: f64,
        /// ISO 4217 code (USD, GBP, ...).
        currency: String,
        /// YYYY-MM-DD (default: the latest rate).
        date: Option<String>,
    },
    /// Show which rates are in use.
    Info,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let path = vigie_store::db_path(args.db.as_deref());
    match args.command {
        Command::Update { file } => {
            let rates = vigie_store::read_rates_file(&file)?;
            let mut store = Store::open(&path)?;
            let n = store.load_rates(&rates)?;
            println!(
                "{n} rates loaded ({} currencies, latest {}) into {}",
                rates.currencies().len(),
                rates.latest_date().unwrap_or_default(),
                path.display()
            );
        }
        Command::Convert {
            value,
            currency,
            date,
        } => {
            let rates = rates_in_use(&path);
            match rates.to_eur(value, &currency, date.as_deref()) {
                Some(eur) => println!("{eur:.2}"),
                None => anyhow::bail!(
                    "no ECB rate for {currency} at {}",
                    date.as_deref().unwrap_or("the latest date")
                ),
            }
        }
        Command::Info => {
            let (rates, origin) = match Store::open_read_only(&path) {
                Ok(s) if s.stored_rates_latest()?.is_some() => {
                    (s.rates().clone(), format!("database {}", path.display()))
                }
                _ => (Rates::embedded(), "compiled-in ECB snapshot".to_string()),
            };
            println!(
                "{origin}: {} rates, {} currencies, latest {}",
                rates.len(),
                rates.currencies().len(),
                rates.latest_date().unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn rates_in_use(path: &std::path::Path) -> Rates {
    match Store::open_read_only(path) {
        Ok(s) => s.rates().clone(),
        Err(_) => Rates::embedded(),
    }
}

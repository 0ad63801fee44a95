//! `vigie export`: the ledger as CSV, JSONL or Parquet.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::events::Filters;

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    Parquet,
}

/// Arguments of `vigie export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// File format: CSV (one flat row per event), JSONL (contract records)
    /// or Parquet (same columns as CSV).
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Output file ("-" for standard output; not for Parquet).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub filters: Filters,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.filters.open()?;
    let mut q = args.filters.query();
    q.limit = 0;
    q.desc = false;
    let to_stdout = args.output.as_os_str() == "-";
    if to_stdout && args.format == Format::Parquet {
        anyhow::bail!("Parquet needs a file: use -o FILE.parquet");
    }
    let n = if to_stdout {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let n = match args.format {
            Format::Csv => vigie_store::export::write_csv(&store, &q, &mut out)?,
            _ => vigie_store::export::write_jsonl(&store, &q, &mut out)?,
        };
        out.flush()?;
        n
    } else {
        // Write beside the target, then rename: no half-written file on failure.
        let path = &args.output;
        let tmp = path.with_extension("vigie-partial");
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("{}: cannot create", tmp.display()))?;
        let mut out = std::io::BufWriter::new(file);
        let res = match args.format {
            Format::Csv => vigie_store::export::write_csv(&store, &q, &mut out),
            Format::Jsonl => vigie_store::export::write_jsonl(&store, &q, &mut out),
            Format::Parquet => vigie_store::export::write_parquet(&store, &q, &mut out),
        };
        let n = match res.and_then(|n| {
            out.flush()
                .map_err(|e| vigie_store::StoreError::Invalid(e.to_string()))?;
            Ok(n)
        }) {
            Ok(n) => n,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e).with_context(|| format!("{}: export failed", path.display()));
            }
        };
        drop(out);
        std::fs::rename(&tmp, path).with_context(|| format!("{}: cannot write", path.display()))?;
        eprintln!("{n} events written to {}", path.display());
        n
    };
    let _ = n;
    Ok(ExitCode::SUCCESS)
}

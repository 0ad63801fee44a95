//! One module per subcommand. Each exposes `Args` (clap) and
//! `run(Args) -> anyhow::Result<ExitCode>`.

pub mod amounts;
pub mod demo;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod orgs;
pub mod places;
pub mod rates;
pub mod resolve;
pub mod serve;
pub mod show;
pub mod stats;

use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;

/// Reads a file (or standard input when `path` is `None`) and decodes it
/// (UTF-8, Windows-1252/Latin-1; binary refused). Shared by `amounts`,
/// `places` and `orgs`.
pub(crate) fn read_text(path: Option<&PathBuf>) -> anyhow::Result<String> {
    let bytes = match path {
        Some(p) => std::fs::read(p).context("cannot read file")?,
        None => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .context("cannot read standard input")?;
            b
        }
    };
    Ok(vigie_text::decode(&bytes)?)
}

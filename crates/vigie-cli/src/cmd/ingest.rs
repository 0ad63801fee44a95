use std::process::ExitCode;

/// Arguments of `vigie ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie ingest` is not built yet")
}

use std::process::ExitCode;

/// Arguments of `vigie serve`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie serve` is not built yet")
}

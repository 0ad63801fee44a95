use std::process::ExitCode;

/// Arguments of `vigie events`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie events` is not built yet")
}

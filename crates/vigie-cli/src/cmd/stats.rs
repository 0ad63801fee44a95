use std::process::ExitCode;

/// Arguments of `vigie stats`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie stats` is not built yet")
}

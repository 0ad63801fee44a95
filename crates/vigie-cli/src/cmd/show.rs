use std::process::ExitCode;

/// Arguments of `vigie show`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie show` is not built yet")
}

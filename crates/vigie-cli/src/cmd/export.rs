use std::process::ExitCode;

/// Arguments of `vigie export`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie export` is not built yet")
}

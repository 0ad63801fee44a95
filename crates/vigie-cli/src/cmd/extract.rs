use std::process::ExitCode;

/// Arguments of `vigie extract`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie extract` is not built yet")
}

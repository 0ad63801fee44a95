use std::process::ExitCode;

/// Arguments of `vigie amounts`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie amounts` is not built yet")
}

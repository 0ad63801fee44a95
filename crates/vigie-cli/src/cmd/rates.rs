use std::process::ExitCode;

/// Arguments of `vigie rates`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie rates` is not built yet")
}

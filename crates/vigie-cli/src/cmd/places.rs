use std::process::ExitCode;

/// Arguments of `vigie places`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie places` is not built yet")
}

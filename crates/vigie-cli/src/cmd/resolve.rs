use std::process::ExitCode;

/// Arguments of `vigie resolve`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie resolve` is not built yet")
}

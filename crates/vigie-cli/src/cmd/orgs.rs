use std::process::ExitCode;

/// Arguments of `vigie orgs`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie orgs` is not built yet")
}

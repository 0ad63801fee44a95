use std::process::ExitCode;

/// Arguments of `vigie demo`.
#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie demo` is not built yet")
}

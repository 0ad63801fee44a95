//! One module per subcommand. Each exposes `Args` (clap) and
//! `run(Args) -> anyhow::Result<ExitCode>`.

pub mod amounts;
pub mod demo;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod orgs;
pub mod places;
pub mod rates;
pub mod resolve;
pub mod serve;
pub mod show;
pub mod stats;

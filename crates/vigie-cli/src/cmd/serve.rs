use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

/// Arguments of `vigie serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The database to serve (read-only) [default: $VIGIE_DB or ./vigie.db].
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// TCP port (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on. The API has no authentication: keep the default
    /// (this machine only) unless the network is trusted.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    /// Load the bundled sample into a temporary database and serve that.
    #[arg(long, conflicts_with = "db")]
    pub demo: bool,
    /// Concurrent database connections.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub connections: u16,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // The demo database lives in a private temporary directory, removed
    // when the server stops.
    let mut demo_dir: Option<PathBuf> = None;
    let db = if args.demo {
        let dir = std::env::temp_dir().join(format!("vigie-demo-{}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let path = dir.join("demo.db");
        demo_dir = Some(dir);
        if let Err(e) = load_demo(&path) {
            cleanup(demo_dir.as_deref());
            return Err(e);
        }
        path
    } else {
        let path = vigie_store::db_path(args.db.as_deref());
        if !path.exists() {
            anyhow::bail!(
                "database {} does not exist: run `vigie ingest SOURCE…` first, or `vigie serve --demo`",
                path.display()
            );
        }
        path
    };
    let addr = SocketAddr::new(args.bind, args.port);
    if !args.bind.is_loopback() {
        eprintln!(
            "vigie: warning: listening on {} — the API has no authentication",
            args.bind
        );
    }
    let config = vigie_server::ServeConfig {
        db: db.clone(),
        addr,
        pool_size: usize::from(args.connections),
        options: vigie_server::Options::default(),
    };
    let served = vigie_server::run(config, |bound| {
        eprintln!(
            "vigie: serving {} on http://{bound}/ (Ctrl-C to stop)",
            db.display()
        );
    });
    cleanup(demo_dir.as_deref());
    served.with_context(|| format!("serving {}", db.display()))?;
    Ok(ExitCode::SUCCESS)
}

fn cleanup(dir: Option<&std::path::Path>) {
    if let Some(d) = dir {
        let _ = std::fs::remove_dir_all(d);
    }
}

/// Fills `path` with the bundled sample (what `vigie demo` ingests).
fn load_demo(path: &std::path::Path) -> anyhow::Result<()> {
    let code = super::demo::run(super::demo::Args {
        db: Some(path.to_path_buf()),
        quiet: true,
    })
    .context("loading the bundled sample")?;
    if code != ExitCode::SUCCESS {
        eprintln!("vigie: warning: some sample articles could not be ingested");
    }
    Ok(())
}

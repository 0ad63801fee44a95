//! `vigie orgs`: the organisations the gazetteer finds in text, as JSONL.

use std::path::PathBuf;
use std::process::ExitCode;

use super::places::{line_of, run_with};

/// Arguments of `vigie orgs`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Text files to read (`-` or nothing: standard input).
    pub files: Vec<PathBuf>,
    /// Treat each line as its own document (context does not cross lines).
    #[arg(long)]
    pub lines: bool,
    /// Also print demonyms ("le géant américain") and sector words, with a
    /// `type` field (`org`, `demonym`, `sector`).
    #[arg(long)]
    pub all: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let all = args.all;
    run_with("orgs", &args.files, args.lines, |a, whole, off, out| {
        let mut recs: Vec<(usize, serde_json::Value)> = Vec::new();
        for o in &a.orgs {
            let (start, end) = off(o.start, o.end);
            let mut rec = serde_json::json!({
                "text": whole.get(start..end).unwrap_or_default(),
                "start": start,
                "end": end,
                "line": line_of(whole, start),
                "canonical": o.canonical,
                "parent": o.parent,
                "country": o.country,
                "outlet": o.outlet,
                "known": o.known,
            });
            if all {
                rec["type"] = "org".into();
            }
            recs.push((start, rec));
        }
        if all {
            for d in &a.demonyms {
                let (start, end) = off(d.start, d.end);
                recs.push((
                    start,
                    serde_json::json!({
                        "type": "demonym",
                        "text": whole.get(start..end).unwrap_or_default(),
                        "start": start, "end": end, "line": line_of(whole, start),
                        "country": d.country,
                    }),
                ));
            }
            for s in &a.sectors {
                let (start, end) = off(s.start, s.end);
                recs.push((
                    start,
                    serde_json::json!({
                        "type": "sector",
                        "text": whole.get(start..end).unwrap_or_default(),
                        "start": start, "end": end, "line": line_of(whole, start),
                        "sector": s.sector,
                    }),
                ));
            }
            recs.sort_by_key(|r| r.0);
        }
        for (_, rec) in recs {
            serde_json::to_writer(&mut *out, &rec)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

//! `vigie places`: the places the gazetteer finds in text, as JSONL.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use vigie_gazetteer::{Analysis, Gazetteer};

/// Arguments of `vigie places`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Text files to read (`-` or nothing: standard input).
    pub files: Vec<PathBuf>,
    /// Treat each line as its own document (context does not cross lines).
    #[arg(long)]
    pub lines: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    run_with("places", &args.files, args.lines, |a, whole, off, out| {
        for p in &a.places {
            let (start, end) = off(p.start, p.end);
            let rec = serde_json::json!({
                "text": whole.get(start..end).unwrap_or_default(),
                "start": start,
                "end": end,
                "line": line_of(whole, start),
                "level": p.level,
                "name": p.name,
                "country": p.country,
                "region": p.region,
                "departement": p.departement,
                "commune": p.commune,
            });
            serde_json::to_writer(&mut *out, &rec)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// The shared gazetteer (built once per process).
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::new)
}

type Offsets<'a> = &'a dyn Fn(usize, usize) -> (usize, usize);

/// Reads each input, normalises each document (whole file or line), runs the
/// gazetteer on the normalised text and hands the analysis to `emit` with a
/// function mapping normalised spans to spans of the whole input.
pub(crate) fn run_with(
    cmd: &str,
    files: &[PathBuf],
    lines: bool,
    emit: impl Fn(&Analysis, &str, Offsets<'_>, &mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<ExitCode> {
    let inputs: Vec<Option<PathBuf>> = if files.is_empty() {
        vec![None]
    } else {
        files
            .iter()
            .map(|p| (p.as_os_str() != "-").then(|| p.clone()))
            .collect()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let g = gazetteer();
    for input in inputs {
        let name = input
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
        let text = match super::read_text(input.as_ref()) {
            Ok(t) => t,
            Err(e) => {
                out.flush()?;
                eprintln!("vigie {cmd}: {name}: {e:#}");
                failed = true;
                continue;
            }
        };
        let docs: Vec<(usize, &str)> = if lines {
            let mut offset = 0;
            text.split_inclusive('\n')
                .map(|l| {
                    let d = (offset, l);
                    offset += l.len();
                    d
                })
                .collect()
        } else {
            vec![(0, text.as_str())]
        };
        for (offset, doc) in docs {
            let norm = vigie_text::normalize(doc);
            let a = g.analyze(&norm.text);
            let map = |s: usize, e: usize| {
                let os = norm.to_original(s);
                let oe = norm.to_original_end(e).max(os);
                (offset + os, offset + oe)
            };
            emit(&a, &text, &map, &mut out)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// 1-based line number of byte `at` in `whole`.
pub(crate) fn line_of(whole: &str, at: usize) -> usize {
    1 + whole
        .as_bytes()
        .get(..at)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

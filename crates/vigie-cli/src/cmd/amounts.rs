//! `vigie amounts`: every amount of money and every count in text, as JSONL.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use vigie_text::amounts::{find_amounts, Amount};
use vigie_text::Lang;

/// Arguments of `vigie amounts`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Text files to read (`-` or nothing: standard input).
    pub files: Vec<PathBuf>,
    /// Treat each line as its own document (`line` is then the line number).
    #[arg(long)]
    pub lines: bool,
    /// Language of the text (default: detected per document; French if it
    /// cannot be told).
    #[arg(long, value_parser = ["fr", "en"])]
    pub lang: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let forced = args
        .lang
        .as_deref()
        .map(|l| if l == "en" { Lang::En } else { Lang::Fr });
    let inputs: Vec<Option<PathBuf>> = if args.files.is_empty() {
        vec![None]
    } else {
        args.files
            .iter()
            .map(|p| (p.as_os_str() != "-").then(|| p.clone()))
            .collect()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for input in inputs {
        let name = input
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
        let text = match super::read_text(input.as_ref()) {
            Ok(t) => t,
            Err(e) => {
                out.flush()?;
                eprintln!("vigie amounts: {name}: {e:#}");
                failed = true;
                continue;
            }
        };
        if args.lines {
            let mut offset = 0;
            let lang = forced.unwrap_or_else(|| guess_lang(&text));
            for (n, line) in text.split_inclusive('\n').enumerate() {
                write_amounts(&mut out, line, offset, lang, Some(n + 1), &text)?;
                offset += line.len();
            }
        } else {
            let lang = forced.unwrap_or_else(|| guess_lang(&text));
            write_amounts(&mut out, &text, 0, lang, None, &text)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn guess_lang(text: &str) -> Lang {
    vigie_text::detect_language(&vigie_text::normalize(text).text).unwrap_or(Lang::Fr)
}

/// Finds the amounts of `doc` (which starts at byte `offset` of `whole`) in
/// its normalised form and prints them with offsets into `whole`.
fn write_amounts(
    out: &mut impl Write,
    doc: &str,
    offset: usize,
    lang: Lang,
    line: Option<usize>,
    whole: &str,
) -> anyhow::Result<()> {
    let norm = vigie_text::normalize(doc);
    for a in find_amounts(&norm.text, lang) {
        let s = norm.to_original(a.start);
        let e = norm.to_original_end(a.end).max(s);
        let (start, end) = (offset + s, offset + e);
        let line = line.unwrap_or_else(|| {
            1 + whole
                .as_bytes()
                .get(..start)
                .unwrap_or_default()
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        });
        let rec = record(
            &a,
            whole.get(start..end).unwrap_or_default(),
            start,
            end,
            line,
        );
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn record(a: &Amount, text: &str, start: usize, end: usize, line: usize) -> serde_json::Value {
    serde_json::json!({
        "text": text,
        "start": start,
        "end": end,
        "value": num(a.value),
        "currency": a.currency,
        "qualifier": a.qualifier.as_str(),
        "max": a.max.map(num),
        "kind": a.kind.as_str(),
        "line": line,
    })
}

/// Whole numbers as JSON integers (`4000000000`, not `4000000000.0`).
fn num(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Value::from(v)
    }
}

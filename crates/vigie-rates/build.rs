//! Compiles the ECB snapshot (`data/eurofxref.csv.gz`) into a compact static
//! table, parsed with the library's own CSV reader (`src/csv.rs`):
//! `$OUT_DIR/rates_table.rs` lists the currencies (code, first entry, count);
//! `rates_dates.bin` holds the dates (yyyymmdd, u32 LE) and
//! `rates_values.bin` the rates as exact decimals (u32 LE:
//! `mantissa << 3 | decimals`), both sorted by currency then date. The
//! build fails if a rate is not reproduced bit for bit by
//! `mantissa / 10^decimals`.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/csv.rs"]
mod csv;

/// The exact decimal written in the CSV for `rate`: the shortest
/// round-trip form, mantissa and number of decimals.
fn decimal(rate: f64) -> Option<(u32, u32)> {
    let s = format!("{rate:?}");
    let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
    let fp = fp.trim_end_matches('0');
    if s.contains(['e', 'E']) || fp.len() > 7 {
        return None;
    }
    let m: u64 = format!("{ip}{fp}").parse().ok()?;
    let m = u32::try_from(m).ok().filter(|&m| m < 1 << 29)?;
    let k = fp.len() as u32;
    // Must come back bit for bit.
    let back = f64::from(m) / POW10[k as usize];
    (back.to_bits() == rate.to_bits()).then_some((m, k))
}

/// Powers of ten, exact in f64 (the library divides by the same table).
const POW10: [f64; 8] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6, 1e7];

fn main() {
    println!("cargo:rerun-if-changed=data/eurofxref.csv.gz");
    println!("cargo:rerun-if-changed=src/csv.rs");
    let gz = std::fs::read("data/eurofxref.csv.gz").expect("data/eurofxref.csv.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .expect("data/eurofxref.csv.gz is gzipped UTF-8");
    let table = match csv::parse_csv(&text) {
        Ok(t) => t,
        Err(e) => panic!("data/eurofxref.csv.gz: {e:?}"),
    };
    let mut dates = Vec::new();
    let mut values = Vec::new();
    let mut index = String::from("&[\n");
    let mut n = 0usize;
    for (cur, series) in &table {
        let _ = writeln!(index, "    ({cur:?}, {n}, {}),", series.len());
        for &(d, r) in series {
            let (m, k) = decimal(r)
                .unwrap_or_else(|| panic!("{cur} {d}: rate {r:?} is not a short decimal"));
            dates.extend_from_slice(&d.to_le_bytes());
            values.extend_from_slice(&(m << 3 | k).to_le_bytes());
            n += 1;
        }
    }
    index.push(']');
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("rates_dates.bin"), dates).expect("write dates");
    std::fs::write(out.join("rates_values.bin"), values).expect("write values");
    std::fs::write(out.join("rates_table.rs"), index).expect("write table");
}

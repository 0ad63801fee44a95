//! Prints conversions over every day of 1999–2026 for several currencies and
//! the table's summary, to check that a change of representation changes no
//! result: `cargo run -q --release -p vigie-rates --example rates_snapshot`.
use std::fmt::Write as _;

use vigie_rates::Rates;

fn main() {
    let r = Rates::embedded();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "len {} latest {:?} currencies {:?}",
        r.len(),
        r.latest_date(),
        r.currencies()
    );
    let rows = r.rows();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for row in &rows {
        for b in format!("{}{}{:?}", row.date, row.currency, row.rate.to_bits()).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    let _ = writeln!(out, "rows {} hash {h:016x}", rows.len());
    let back = Rates::from_rows(rows.clone());
    let _ = writeln!(out, "from_rows same {}", back.rows() == rows);
    let curs = [
        "USD", "GBP", "JPY", "CHF", "CNY", "INR", "KRW", "CAD", "SEK", "TRY", "CYP", "ISK", "EUR",
        "usd", " gbp ", "XYZ", "",
    ];
    for c in curs {
        let _ = writeln!(
            out,
            "latest {c:?} {:?} {:?}",
            r.rate(c, None),
            r.to_eur(1e6, c, None)
        );
        let _ = writeln!(out, "bad-date {c:?} {:?}", r.rate(c, Some("May 2024")));
    }
    for y in 1998..=2027u32 {
        for m in 1..=12u32 {
            for d in 1..=31u32 {
                let date = format!("{y:04}-{m:02}-{d:02}");
                let _ = write!(out, "{date}");
                for c in curs.iter().take(13) {
                    match r.to_eur(1_234_567.0, c, Some(&date)) {
                        Some(v) => {
                            let _ = write!(out, " {:x}", v.to_bits());
                        }
                        None => out.push_str(" -"),
                    }
                }
                let _ = writeln!(out, " {:?}", r.rate("USD", Some(&format!("{date}T12:00"))));
            }
        }
    }
    print!("{out}");
}

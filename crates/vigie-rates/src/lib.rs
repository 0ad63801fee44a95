//! ECB euro foreign exchange reference rates, compiled in.
//!
//! The snapshot in `data/` is built by `scripts/build_rates.py` from the
//! ECB's historical CSV (`eurofxref-hist.csv`). Source: European Central
//! Bank, euro foreign exchange reference rates; free reuse with the source
//! acknowledged. A newer CSV can be loaded with [`Rates::from_csv`].
//!
//! Pure: no I/O, deterministic.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Why rates could not be read.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum RatesError {
    #[error("rates CSV: {0}")]
    Csv(String),
    #[error("rates CSV holds no rate")]
    Empty,
}

/// One rate: 1 EUR = `rate` units of `currency` on `date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// ISO 4217.
    pub currency: String,
    pub rate: f64,
}

/// A table of ECB reference rates (units of currency per 1 EUR), by day.
/// Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Rates {
    inner: Arc<Table>,
}

#[derive(Debug, Default)]
struct Table {
    /// currency -> (date as yyyymmdd integer -> rate), sorted by date.
    by_currency: BTreeMap<String, Vec<(u32, f64)>>,
}

/// The compiled-in snapshot (see `data/README.md`).
static EMBEDDED_GZ: &[u8] = include_bytes!("../data/eurofxref.csv.gz");

/// `YYYY-MM-DD` (a longer string is cut at 10 chars) -> yyyymmdd.
fn parse_date(s: &str) -> Option<u32> {
    let s = s.trim();
    let s = s.get(..10)?;
    let b = s.as_bytes();
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let y: u32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(y * 10_000 + m * 100 + d)
}

fn format_date(d: u32) -> String {
    format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
}

fn valid_currency(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

impl Rates {
    /// The snapshot compiled into the binary (ECB daily reference rates,
    /// 1999-01-04 .. 2026-10-30). Parsed once per process, then shared.
    pub fn embedded() -> Rates {
        static CACHE: std::sync::OnceLock<Rates> = std::sync::OnceLock::new();
        CACHE
            .get_or_init(|| {
                use std::io::Read;
                let mut text = String::new();
                let ok = flate2::read::GzDecoder::new(EMBEDDED_GZ)
                    .read_to_string(&mut text)
                    .is_ok();
                if ok {
                    Rates::from_csv(&text).unwrap_or_default()
                } else {
                    Rates::default()
                }
            })
            .clone()
    }

    /// Reads the ECB's historical CSV (`Date,USD,JPY,...` with one row per
    /// business day, any date order; `N/A` or empty cells are skipped; a
    /// trailing comma is fine). Also reads the one-day `eurofxref.csv`.
    pub fn from_csv(s: &str) -> Result<Rates, RatesError> {
        let s = s.trim_start_matches('\u{feff}');
        let mut lines = s.lines().filter(|l| !l.trim().is_empty());
        let header: Vec<&str> = match lines.next() {
            Some(h) => h.split(',').map(str::trim).collect(),
            None => return Err(RatesError::Empty),
        };
        if header.first().map(|h| h.eq_ignore_ascii_case("date")) != Some(true) {
            return Err(RatesError::Csv(format!(
                "first column must be Date, found {:?}",
                header.first().copied().unwrap_or("")
            )));
        }
        let mut by_currency: BTreeMap<String, Vec<(u32, f64)>> = BTreeMap::new();
        for (i, line) in lines.enumerate() {
            let mut cells = line.split(',').map(str::trim);
            let date_cell = cells.next().unwrap_or("");
            let date = parse_date(date_cell).ok_or_else(|| {
                RatesError::Csv(format!("line {}: bad date {date_cell:?}", i + 2))
            })?;
            for (cell, cur) in cells.zip(header.iter().skip(1)) {
                if cell.is_empty() || cell.eq_ignore_ascii_case("N/A") || !valid_currency(cur) {
                    continue;
                }
                let rate: f64 = cell.parse().map_err(|_| {
                    RatesError::Csv(format!("line {}: bad {cur} rate {cell:?}", i + 2))
                })?;
                if rate.is_finite() && rate > 0.0 {
                    by_currency
                        .entry((*cur).to_string())
                        .or_default()
                        .push((date, rate));
                }
            }
        }
        let rates = Rates::from_table(by_currency);
        if rates.is_empty() {
            return Err(RatesError::Empty);
        }
        Ok(rates)
    }

    fn from_table(mut by_currency: BTreeMap<String, Vec<(u32, f64)>>) -> Rates {
        for v in by_currency.values_mut() {
            v.sort_by_key(|&(d, _)| d);
            v.dedup_by_key(|&mut (d, _)| d);
        }
        by_currency.retain(|_, v| !v.is_empty());
        Rates {
            inner: Arc::new(Table { by_currency }),
        }
    }

    /// Builds a table from rows (e.g. read back from a database). Rows with
    /// a bad date, currency code or rate are skipped.
    pub fn from_rows<I: IntoIterator<Item = RateRow>>(rows: I) -> Rates {
        let mut by_currency: BTreeMap<String, Vec<(u32, f64)>> = BTreeMap::new();
        for r in rows {
            let Some(d) = parse_date(&r.date) else {
                continue;
            };
            if !valid_currency(&r.currency) || !r.rate.is_finite() || r.rate <= 0.0 {
                continue;
            }
            by_currency.entry(r.currency).or_default().push((d, r.rate));
        }
        Rates::from_table(by_currency)
    }

    /// All rows, by currency then date.
    pub fn rows(&self) -> Vec<RateRow> {
        let mut out = Vec::with_capacity(self.len());
        for (cur, v) in &self.inner.by_currency {
            for &(d, rate) in v {
                out.push(RateRow {
                    date: format_date(d),
                    currency: cur.clone(),
                    rate,
                });
            }
        }
        out
    }

    /// Latest date in the table (`YYYY-MM-DD`), if any.
    pub fn latest_date(&self) -> Option<String> {
        self.inner
            .by_currency
            .values()
            .filter_map(|v| v.last().map(|&(d, _)| d))
            .max()
            .map(format_date)
    }

    /// The currencies known, sorted.
    pub fn currencies(&self) -> Vec<&str> {
        self.inner.by_currency.keys().map(String::as_str).collect()
    }

    /// Number of (date, currency) rates.
    pub fn len(&self) -> usize {
        self.inner.by_currency.values().map(Vec::len).sum()
    }

    /// Whether the table holds no rate.
    pub fn is_empty(&self) -> bool {
        self.inner.by_currency.is_empty()
    }

    /// Units of `currency` per 1 EUR on `date` or the closest earlier
    /// business day (the latest rate when `date` is `None` or unparsable).
    pub fn rate(&self, currency: &str, date: Option<&str>) -> Option<f64> {
        let cur = currency.trim().to_ascii_uppercase();
        if cur == "EUR" {
            return Some(1.0);
        }
        let v = self.inner.by_currency.get(&cur)?;
        match date.and_then(parse_date) {
            None => v.last().map(|&(_, r)| r),
            Some(d) => {
                let i = v.partition_point(|&(x, _)| x <= d);
                i.checked_sub(1).and_then(|i| v.get(i)).map(|&(_, r)| r)
            }
        }
    }

    /// Converts `value` in `currency` to EUR at the rate of `date` or the
    /// closest earlier business day (the latest rate when `date` is `None`
    /// or unparsable). EUR -> value. `None` for an unknown currency or a
    /// date before the first rate of that currency.
    pub fn to_eur(&self, value: f64, currency: &str, date: Option<&str>) -> Option<f64> {
        if currency.trim().eq_ignore_ascii_case("EUR") {
            return Some(value);
        }
        let r = self.rate(currency, date)?;
        let eur = value / r;
        eur.is_finite().then_some(eur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_has_the_ecb_history() {
        let r = Rates::embedded();
        assert!(r.len() > 150_000, "{}", r.len());
        assert_eq!(r.latest_date().as_deref(), Some("2026-10-30"));
        for c in ["USD", "GBP", "JPY", "CHF", "CNY", "INR", "KRW", "CAD"] {
            assert!(r.currencies().contains(&c), "{c}");
        }
    }

    #[test]
    fn converts_at_the_date_or_the_previous_business_day() {
        let r = Rates::embedded();
        // 1999-01-04: 1 EUR = 1.1789 USD (first ECB fixing).
        let v = r.to_eur(1.1789, "USD", Some("1999-01-04")).unwrap();
        assert!((v - 1.0).abs() < 1e-9, "{v}");
        // Saturday 1999-01-09 -> Friday 1999-01-08's rate.
        assert_eq!(
            r.rate("USD", Some("1999-01-09")),
            r.rate("USD", Some("1999-01-08"))
        );
        // Before the first fixing: unknown.
        assert_eq!(r.to_eur(1.0, "USD", Some("1998-12-31")), None);
        // No date: latest.
        assert_eq!(r.rate("usd", None), r.rate("USD", Some("2026-10-30")));
        assert_eq!(r.to_eur(5.0, "EUR", None), Some(5.0));
        assert_eq!(r.to_eur(5.0, "XYZ", None), None);
        // Unparsable date: latest.
        assert_eq!(r.rate("USD", Some("May 2024")), r.rate("USD", None));
    }

    #[test]
    fn from_csv_reads_the_ecb_layout() {
        let csv =
            "Date,USD,JPY,CYP,\n2024-05-14,1.0798,168.85,N/A,\n2024-05-13,1.0790,168.12,N/A,\n";
        let r = Rates::from_csv(csv).unwrap();
        assert_eq!(r.len(), 4);
        assert_eq!(r.rate("USD", Some("2024-05-13")), Some(1.079));
        assert_eq!(r.rate("CYP", None), None);
        let back = Rates::from_rows(r.rows());
        assert_eq!(back.rows(), r.rows());
        assert!(Rates::from_csv("").is_err());
        assert!(Rates::from_csv("Foo,USD\n").is_err());
        assert!(Rates::from_csv("Date,USD\n2024-13-01,1.0\n").is_err());
        assert!(Rates::from_csv("Date,USD\n2024-01-01,abc\n").is_err());
    }
}

//! ECB euro foreign exchange reference rates, compiled in.
//!
//! The snapshot in `data/` is built by `scripts/build_rates.py` from the
//! ECB's historical CSV (`eurofxref-hist.csv`). Source: European Central
//! Bank, euro foreign exchange reference rates; free reuse with the source
//! acknowledged. `build.rs` compiles it into a static table (sorted dates
//! and exact decimal rates per currency, looked up by binary search), so
//! start-up parses nothing. A newer CSV can be loaded with [`Rates::from_csv`].
//!
//! Pure: no I/O, deterministic.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

mod csv;

use csv::{parse_date, valid_currency, ByCurrency, CsvError};

/// Why rates could not be read.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum RatesError {
    #[error("rates CSV: {0}")]
    Csv(String),
    #[error("rates CSV holds no rate")]
    Empty,
}

impl From<CsvError> for RatesError {
    fn from(e: CsvError) -> Self {
        match e {
            CsvError::Csv(m) => RatesError::Csv(m),
            CsvError::Empty => RatesError::Empty,
        }
    }
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

#[derive(Debug)]
enum Table {
    /// Read at run time (a newer CSV, rows from a database).
    Owned(ByCurrency),
    /// The snapshot compiled in by `build.rs`.
    Embedded,
}

impl Default for Table {
    fn default() -> Self {
        Table::Owned(ByCurrency::new())
    }
}

/// The compiled-in snapshot (see `build.rs` and `data/README.md`):
/// `(currency, first entry, number of entries)`, sorted by currency; the
/// entries of a currency are sorted by date.
static EMBEDDED_INDEX: &[(&str, usize, usize)] =
    include!(concat!(env!("OUT_DIR"), "/rates_table.rs"));
/// Dates, yyyymmdd as u32 little-endian.
static EMBEDDED_DATES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rates_dates.bin"));
/// Rates, `mantissa << 3 | decimals` as u32 little-endian.
static EMBEDDED_VALUES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rates_values.bin"));

/// Powers of ten, exact in f64 (the same table as `build.rs`).
const POW10: [f64; 8] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6, 1e7];

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    bytes
        .get(i * 4..i * 4 + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, u32::from_le_bytes)
}

/// The rates of one currency, sorted by date.
#[derive(Clone, Copy)]
enum Series<'a> {
    Owned(&'a [(u32, f64)]),
    /// Entries `first..first + len` of the embedded table.
    Embedded {
        first: usize,
        len: usize,
    },
}

impl Series<'_> {
    fn len(self) -> usize {
        match self {
            Series::Owned(v) => v.len(),
            Series::Embedded { len, .. } => len,
        }
    }

    fn date(self, i: usize) -> u32 {
        match self {
            Series::Owned(v) => v.get(i).map_or(0, |&(d, _)| d),
            Series::Embedded { first, .. } => u32_at(EMBEDDED_DATES, first + i),
        }
    }

    /// The rate of entry `i` (the exact decimal of the CSV: `m / 10^k` is
    /// correctly rounded, as parsing the CSV's text is; `build.rs` checks it).
    fn rate(self, i: usize) -> Option<f64> {
        match self {
            Series::Owned(v) => v.get(i).map(|&(_, r)| r),
            Series::Embedded { first, len } => {
                if i >= len {
                    return None;
                }
                let x = u32_at(EMBEDDED_VALUES, first + i);
                Some(f64::from(x >> 3) / POW10[(x & 7) as usize])
            }
        }
    }

    /// Number of entries dated `d` or earlier.
    fn count_until(self, d: u32) -> usize {
        match self {
            Series::Owned(v) => v.partition_point(|&(x, _)| x <= d),
            Series::Embedded { .. } => {
                let (mut lo, mut hi) = (0, self.len());
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if self.date(mid) <= d {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                lo
            }
        }
    }
}

fn format_date(d: u32) -> String {
    format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
}

impl Table {
    /// Every currency with its series, sorted by currency.
    fn series(&self) -> Vec<(&str, Series<'_>)> {
        match self {
            Table::Owned(m) => m
                .iter()
                .map(|(c, v)| (c.as_str(), Series::Owned(v)))
                .collect(),
            Table::Embedded => EMBEDDED_INDEX
                .iter()
                .map(|&(c, first, len)| (c, Series::Embedded { first, len }))
                .collect(),
        }
    }

    fn get(&self, cur: &str) -> Option<Series<'_>> {
        match self {
            Table::Owned(m) => m.get(cur).map(|v| Series::Owned(v)),
            Table::Embedded => EMBEDDED_INDEX
                .binary_search_by(|&(c, _, _)| c.cmp(cur))
                .ok()
                .and_then(|i| EMBEDDED_INDEX.get(i))
                .map(|&(_, first, len)| Series::Embedded { first, len }),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Table::Owned(m) => m.is_empty(),
            Table::Embedded => EMBEDDED_INDEX.is_empty(),
        }
    }
}

impl Rates {
    /// The snapshot compiled into the binary (ECB daily reference rates,
    /// 1999-01-04 .. 2026-10-30): a static table, nothing parsed at run time.
    pub fn embedded() -> Rates {
        static CACHE: std::sync::OnceLock<Rates> = std::sync::OnceLock::new();
        CACHE
            .get_or_init(|| Rates {
                inner: Arc::new(Table::Embedded),
            })
            .clone()
    }

    /// Reads the ECB's historical CSV (`Date,USD,JPY,...` with one row per
    /// business day, any date order; `N/A` or empty cells are skipped; a
    /// trailing comma is fine). Also reads the one-day `eurofxref.csv`.
    pub fn from_csv(s: &str) -> Result<Rates, RatesError> {
        let by_currency = csv::parse_csv(s)?;
        Ok(Rates {
            inner: Arc::new(Table::Owned(by_currency)),
        })
    }

    /// Builds a table from rows (e.g. read back from a database). Rows with
    /// a bad date, currency code or rate are skipped.
    pub fn from_rows<I: IntoIterator<Item = RateRow>>(rows: I) -> Rates {
        let mut by_currency = ByCurrency::new();
        for r in rows {
            let Some(d) = parse_date(&r.date) else {
                continue;
            };
            if !valid_currency(&r.currency) || !r.rate.is_finite() || r.rate <= 0.0 {
                continue;
            }
            by_currency.entry(r.currency).or_default().push((d, r.rate));
        }
        Rates {
            inner: Arc::new(Table::Owned(csv::sorted(by_currency))),
        }
    }

    /// All rows, by currency then date.
    pub fn rows(&self) -> Vec<RateRow> {
        let mut out = Vec::with_capacity(self.len());
        for (cur, s) in self.inner.series() {
            for i in 0..s.len() {
                if let Some(rate) = s.rate(i) {
                    out.push(RateRow {
                        date: format_date(s.date(i)),
                        currency: cur.to_owned(),
                        rate,
                    });
                }
            }
        }
        out
    }

    /// Latest date in the table (`YYYY-MM-DD`), if any.
    pub fn latest_date(&self) -> Option<String> {
        self.inner
            .series()
            .into_iter()
            .filter_map(|(_, s)| s.len().checked_sub(1).map(|i| s.date(i)))
            .max()
            .map(format_date)
    }

    /// The currencies known, sorted.
    pub fn currencies(&self) -> Vec<&str> {
        self.inner.series().into_iter().map(|(c, _)| c).collect()
    }

    /// Number of (date, currency) rates.
    pub fn len(&self) -> usize {
        self.inner.series().into_iter().map(|(_, s)| s.len()).sum()
    }

    /// Whether the table holds no rate.
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Units of `currency` per 1 EUR on `date` or the closest earlier
    /// business day (the latest rate when `date` is `None` or unparsable).
    pub fn rate(&self, currency: &str, date: Option<&str>) -> Option<f64> {
        let cur = currency.trim().to_ascii_uppercase();
        if cur == "EUR" {
            return Some(1.0);
        }
        let s = self.inner.get(&cur)?;
        match date.and_then(parse_date) {
            None => s.len().checked_sub(1).and_then(|i| s.rate(i)),
            Some(d) => s.count_until(d).checked_sub(1).and_then(|i| s.rate(i)),
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

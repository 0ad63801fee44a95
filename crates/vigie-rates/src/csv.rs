//! The ECB CSV reader, shared by the library ([`crate::Rates::from_csv`])
//! and `build.rs` (which compiles the embedded snapshot with this very code,
//! so the compiled-in table holds exactly what parsing the CSV would give).

use std::collections::BTreeMap;

/// currency -> (date as yyyymmdd integer -> rate), sorted by date.
pub(crate) type ByCurrency = BTreeMap<String, Vec<(u32, f64)>>;

/// Why the CSV could not be read (mapped to `RatesError` by the library).
#[derive(Debug)]
pub(crate) enum CsvError {
    Csv(String),
    Empty,
}

/// `YYYY-MM-DD` (a longer string is cut at 10 chars) -> yyyymmdd.
pub(crate) fn parse_date(s: &str) -> Option<u32> {
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

pub(crate) fn valid_currency(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads the ECB's historical CSV into a sorted table (see
/// `Rates::from_csv`). An empty table is [`CsvError::Empty`].
pub(crate) fn parse_csv(s: &str) -> Result<ByCurrency, CsvError> {
    let s = s.trim_start_matches('\u{feff}');
    let mut lines = s.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<&str> = match lines.next() {
        Some(h) => h.split(',').map(str::trim).collect(),
        None => return Err(CsvError::Empty),
    };
    if header.first().map(|h| h.eq_ignore_ascii_case("date")) != Some(true) {
        return Err(CsvError::Csv(format!(
            "first column must be Date, found {:?}",
            header.first().copied().unwrap_or("")
        )));
    }
    let mut by_currency = ByCurrency::new();
    for (i, line) in lines.enumerate() {
        let mut cells = line.split(',').map(str::trim);
        let date_cell = cells.next().unwrap_or("");
        let date = parse_date(date_cell)
            .ok_or_else(|| CsvError::Csv(format!("line {}: bad date {date_cell:?}", i + 2)))?;
        for (cell, cur) in cells.zip(header.iter().skip(1)) {
            if cell.is_empty() || cell.eq_ignore_ascii_case("N/A") || !valid_currency(cur) {
                continue;
            }
            let rate: f64 = cell
                .parse()
                .map_err(|_| CsvError::Csv(format!("line {}: bad {cur} rate {cell:?}", i + 2)))?;
            if rate.is_finite() && rate > 0.0 {
                by_currency
                    .entry((*cur).to_string())
                    .or_default()
                    .push((date, rate));
            }
        }
    }
    let by_currency = sorted(by_currency);
    if by_currency.is_empty() {
        return Err(CsvError::Empty);
    }
    Ok(by_currency)
}

/// Sorts each series by date (stable: the first row of a repeated date
/// wins) and drops empty series.
pub(crate) fn sorted(mut by_currency: ByCurrency) -> ByCurrency {
    for v in by_currency.values_mut() {
        v.sort_by_key(|&(d, _)| d);
        v.dedup_by_key(|&mut (d, _)| d);
    }
    by_currency.retain(|_, v| !v.is_empty());
    by_currency
}

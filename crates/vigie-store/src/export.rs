//! Exports of the ledger: JSONL (the contract records), CSV and Parquet
//! (one flat row per event; multi-valued fields joined with `"; "`).

use std::io::Write;

use vigie_model::Event;

use crate::{EventQuery, Store, StoreError};

/// Column names of the flat (CSV, Parquet) export, in order.
pub const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "status",
    "published",
    "investor",
    "investor_canonical",
    "investor_country",
    "recipient",
    "amount_value",
    "currency",
    "qualifier",
    "amount_max",
    "eur",
    "country",
    "places",
    "regions",
    "departements",
    "communes",
    "sectors",
    "jobs",
    "horizon_until",
    "horizon_years",
    "confidence",
    "n_sources",
    "sources",
];

/// The typed value of one flat column.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(Option<String>),
    Num(Option<f64>),
    Int(Option<i64>),
}

fn join<'a>(it: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut v: Vec<&str> = Vec::new();
    for s in it {
        if !v.contains(&s) {
            v.push(s);
        }
    }
    (!v.is_empty()).then(|| v.join("; "))
}

/// The flat cells of an event, in [`COLUMNS`] order.
pub fn flatten(e: &Event) -> Vec<Cell> {
    use Cell::{Int, Num, Text};
    let a = e.amount.as_ref();
    vec![
        Text(Some(e.id.clone())),
        Text(Some(e.kind.as_str().into())),
        Text(Some(e.status.as_str().into())),
        Text(e.published.clone()),
        Text(e.investor.as_ref().map(|o| o.name.clone())),
        Text(e.investor.as_ref().map(|o| o.canonical.clone())),
        Text(e.investor.as_ref().and_then(|o| o.country.clone())),
        Text(e.recipient.as_ref().map(|o| o.canonical.clone())),
        Num(a.map(|a| a.value)),
        Text(a.and_then(|a| a.currency.clone())),
        Text(a.map(|a| a.qualifier.as_str().into())),
        Num(a.and_then(|a| a.max)),
        Num(a.and_then(|a| a.eur)),
        Text(e.country.clone()),
        Text(join(e.places.iter().map(|p| p.text.as_str()))),
        Text(join(e.places.iter().filter_map(|p| p.region.as_deref()))),
        Text(join(
            e.places.iter().filter_map(|p| p.departement.as_deref()),
        )),
        Text(join(e.places.iter().filter_map(|p| p.commune.as_deref()))),
        Text(join(e.sectors.iter().map(|s| s.as_str()))),
        Int(e
            .jobs
            .as_ref()
            .map(|j| i64::try_from(j.value).unwrap_or(i64::MAX))),
        Int(e.horizon.as_ref().and_then(|h| h.until).map(i64::from)),
        Num(e.horizon.as_ref().and_then(|h| h.years)),
        Num(Some(e.confidence)),
        Int(Some(e.sources.len() as i64)),
        Text(join(e.sources.iter().map(String::as_str))),
    ]
}

fn io(e: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("export: {e}"))
}

fn all(q: &EventQuery) -> EventQuery {
    EventQuery {
        limit: q.limit,
        ..q.clone()
    }
}

/// Writes the matching events as JSONL (the contract records). Returns the count.
pub fn write_jsonl<W: Write>(store: &Store, q: &EventQuery, mut w: W) -> Result<u64, StoreError> {
    let n = store.for_each_event(&all(q), |e| {
        serde_json::to_writer(&mut w, &e)?;
        w.write_all(b"\n").map_err(io)
    })?;
    w.flush().map_err(io)?;
    Ok(n)
}

fn num_str(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Writes the matching events as CSV with a header row. Returns the count.
pub fn write_csv<W: Write>(store: &Store, q: &EventQuery, w: W) -> Result<u64, StoreError> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(COLUMNS).map_err(io)?;
    let n = store.for_each_event(&all(q), |e| {
        let rec: Vec<String> = flatten(&e)
            .into_iter()
            .map(|c| match c {
                Cell::Text(t) => t.unwrap_or_default(),
                Cell::Num(v) => v.map(num_str).unwrap_or_default(),
                Cell::Int(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            })
            .collect();
        out.write_record(&rec).map_err(io)
    })?;
    out.flush().map_err(io)?;
    Ok(n)
}

/// Writes the matching events as a Parquet file (one row group per 8192
/// events, uncompressed). Returns the count.
#[cfg(feature = "parquet")]
pub fn write_parquet<W: Write + Send>(
    store: &Store,
    q: &EventQuery,
    w: W,
) -> Result<u64, StoreError> {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;

    let sample = flatten(&vigie_model::Event {
        id: String::new(),
        kind: vigie_model::Kind::Capex,
        investor: None,
        recipient: None,
        amount: None,
        places: vec![],
        country: None,
        sectors: vec![],
        jobs: None,
        horizon: None,
        status: vigie_model::Status::Announced,
        published: None,
        confidence: 0.0,
        evidence: vec![],
        sources: vec![],
    });
    let fields: Vec<Field> = COLUMNS
        .iter()
        .zip(&sample)
        .map(|(name, c)| {
            let t = match c {
                Cell::Text(_) => DataType::Utf8,
                Cell::Num(_) => DataType::Float64,
                Cell::Int(_) => DataType::Int64,
            };
            Field::new(*name, t, true)
        })
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let mut writer = ArrowWriter::try_new(w, schema.clone(), None).map_err(io)?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let flush =
        |rows: &mut Vec<Vec<Cell>>, writer: &mut ArrowWriter<W>| -> Result<(), StoreError> {
            if rows.is_empty() {
                return Ok(());
            }
            let mut cols: Vec<ArrayRef> = Vec::with_capacity(COLUMNS.len());
            for (i, proto) in sample.iter().enumerate() {
                let cells = rows.iter().map(|r| r.get(i));
                let arr: ArrayRef = match proto {
                    Cell::Text(_) => Arc::new(
                        cells
                            .map(|c| match c {
                                Some(Cell::Text(t)) => t.clone(),
                                _ => None,
                            })
                            .collect::<StringArray>(),
                    ),
                    Cell::Num(_) => Arc::new(
                        cells
                            .map(|c| match c {
                                Some(Cell::Num(v)) => *v,
                                _ => None,
                            })
                            .collect::<Float64Array>(),
                    ),
                    Cell::Int(_) => Arc::new(
                        cells
                            .map(|c| match c {
                                Some(Cell::Int(v)) => *v,
                                _ => None,
                            })
                            .collect::<Int64Array>(),
                    ),
                };
                cols.push(arr);
            }
            let batch = RecordBatch::try_new(schema.clone(), cols).map_err(io)?;
            writer.write(&batch).map_err(io)?;
            rows.clear();
            Ok(())
        };
    let n = store.for_each_event(&all(q), |e| {
        rows.push(flatten(&e));
        if rows.len() >= 8192 {
            flush(&mut rows, &mut writer)?;
        }
        Ok(())
    })?;
    flush(&mut rows, &mut writer)?;
    writer.close().map_err(io)?;
    Ok(n)
}

/// Without the `parquet` feature: an error saying so.
#[cfg(not(feature = "parquet"))]
pub fn write_parquet<W: Write + Send>(
    _store: &Store,
    _q: &EventQuery,
    _w: W,
) -> Result<u64, StoreError> {
    Err(StoreError::Invalid(
        "this vigie was built without Parquet support (cargo feature `parquet` of vigie-store)"
            .into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_rows_have_one_cell_per_column() {
        let e: Event = serde_json::from_str(
            r#"{"id":"evt_1","kind":"capex","investor":{"name":"Microsoft","canonical":"Microsoft","country":"US"},
            "recipient":null,"amount":{"value":4000000000,"currency":"EUR","qualifier":"exact","max":null,"eur":4000000000},
            "places":[{"text":"Mulhouse","country":"FR","region":"44","departement":"68","commune":"68224"}],
            "country":"FR","sectors":["datacenter_cloud","ai"],"jobs":null,"horizon":null,"status":"announced",
            "published":"2024-05-13","confidence":0.9,"evidence":[],"sources":["a","b"]}"#,
        )
        .expect("json");
        let cells = flatten(&e);
        assert_eq!(cells.len(), COLUMNS.len());
        assert_eq!(cells[18], Cell::Text(Some("datacenter_cloud; ai".into())));
        assert_eq!(cells[23], Cell::Int(Some(2)));
        assert_eq!(num_str(4e9), "4000000000");
        assert_eq!(num_str(1.5), "1.5");
    }
}

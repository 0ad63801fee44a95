//! Read side: filtered, sorted, paged event lists; one event; aggregates.

use std::collections::HashMap;

use rusqlite::{Connection, ToSql};
use vigie_model::{Event, Kind, Sector, Status};

use crate::resolve::org_key;
use crate::{
    Bucket, EventDetail, EventPage, EventQuery, Explanation, MergeStep, SortKey, SourceArticle,
    Stats, StoreError,
};

/// A WHERE clause over `events e` and its parameters.
pub(crate) struct Filter {
    pub sql: String,
    pub params: Vec<Box<dyn ToSql>>,
}

impl Filter {
    fn push(&mut self, cond: &str, p: Vec<Box<dyn ToSql>>) {
        let mut cond = cond.to_string();
        for p in p {
            self.params.push(p);
            let n = self.params.len();
            cond = cond.replacen("?#", &format!("?{n}"), 1);
        }
        self.sql.push_str(if self.sql.is_empty() {
            " WHERE "
        } else {
            " AND "
        });
        self.sql.push_str(&cond);
    }

    fn refs(&self) -> Vec<&dyn ToSql> {
        self.params
            .iter()
            .map(|b| b.as_ref() as &dyn ToSql)
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.sql.is_empty()
    }
}

fn nonempty(o: &Option<String>) -> Option<&str> {
    o.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn check_date(what: &str, d: &str) -> Result<(), StoreError> {
    let b = d.as_bytes();
    let ok = matches!(d.len(), 4 | 7 | 10)
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "--{what} {d:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"
        )))
    }
}

/// Turns user text into a safe FTS5 query: plain words are quoted (so that
/// apostrophes and hyphens do not break the syntax); a query that already
/// uses FTS5 syntax (quotes, `*`, AND/OR/NOT/NEAR, parentheses) is kept.
pub(crate) fn fts_query(s: &str) -> String {
    let uses_syntax = s.contains('"')
        || s.contains('*')
        || s.contains('(')
        || s.split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with("NEAR"));
    if uses_syntax {
        return s.to_string();
    }
    s.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Normalises an INSEE département code ("1" -> "01", "2a" -> "2A").
fn dep_code(s: &str) -> String {
    let s = s.trim().to_ascii_uppercase();
    if s.len() == 1 && s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        format!("0{s}")
    } else {
        s
    }
}

pub(crate) fn filter(q: &EventQuery) -> Result<Filter, StoreError> {
    let mut f = Filter {
        sql: String::new(),
        params: Vec::new(),
    };
    if let Some(inv) = nonempty(&q.investor) {
        let lc = inv.to_lowercase();
        f.push(
            "(e.investor_lc = ?# OR e.investor_name_lc = ?# OR e.block_key = ?#)",
            vec![Box::new(lc.clone()), Box::new(lc), Box::new(org_key(inv))],
        );
    }
    if let Some(c) = nonempty(&q.country) {
        f.push("e.country = ?#", vec![Box::new(c.to_ascii_uppercase())]);
    }
    if let Some(r) = nonempty(&q.region) {
        f.push(
            "e.rowid IN (SELECT event FROM event_places WHERE level = 'r' AND code = ?#)",
            vec![Box::new(r.to_string())],
        );
    }
    if let Some(d) = nonempty(&q.departement) {
        f.push(
            "e.rowid IN (SELECT event FROM event_places WHERE level = 'd' AND code = ?#)",
            vec![Box::new(dep_code(d))],
        );
    }
    if let Some(s) = nonempty(&q.sector) {
        let s: Sector = s
            .parse()
            .map_err(|e| StoreError::Invalid(format!("--sector: {e}")))?;
        f.push(
            "e.rowid IN (SELECT event FROM event_sectors WHERE sector = ?#)",
            vec![Box::new(s.as_str())],
        );
    }
    if let Some(k) = nonempty(&q.kind) {
        let k: Kind = k
            .parse()
            .map_err(|e| StoreError::Invalid(format!("--kind: {e}")))?;
        f.push("e.kind = ?#", vec![Box::new(k.as_str())]);
    }
    if let Some(s) = nonempty(&q.status) {
        let s: Status = s
            .parse()
            .map_err(|e| StoreError::Invalid(format!("--status: {e}")))?;
        f.push("e.status = ?#", vec![Box::new(s.as_str())]);
    }
    if let Some(d) = nonempty(&q.since) {
        check_date("since", d)?;
        f.push("e.published >= ?#", vec![Box::new(d.to_string())]);
    }
    if let Some(d) = nonempty(&q.until) {
        check_date("until", d)?;
        // A prefix includes its whole year or month.
        f.push("e.published <= ?#", vec![Box::new(format!("{d}\u{7f}"))]);
    }
    if let Some(m) = q.min_eur {
        if !m.is_finite() {
            return Err(StoreError::Invalid("--min-eur: not a number".into()));
        }
        f.push("e.eur >= ?#", vec![Box::new(m)]);
    }
    if let Some(s) = nonempty(&q.search) {
        f.push(
            "e.rowid IN (SELECT s.event FROM event_sources s WHERE s.article IN
                (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?#))",
            vec![Box::new(fts_query(s))],
        );
    }
    Ok(f)
}

/// SQLite errors from a bad full-text query become a clear message.
fn map_fts(q: &EventQuery) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| {
        let msg = e.to_string();
        let generic = matches!(&e, rusqlite::Error::SqliteFailure(f, _) if f.extended_code == 1);
        if q.search.is_some() && (generic || msg.contains("fts5")) {
            StoreError::Invalid(format!(
                "--search {:?}: {msg}",
                q.search.as_deref().unwrap_or("")
            ))
        } else {
            StoreError::Sqlite(e)
        }
    }
}

fn order_by(q: &EventQuery) -> String {
    let dir = if q.desc { "DESC" } else { "ASC" };
    let col = match q.sort {
        SortKey::Published => "e.published",
        SortKey::Eur => "e.eur",
        SortKey::Investor => "e.investor_lc",
    };
    format!(" ORDER BY {col} {dir} NULLS LAST, e.rowid {dir}")
}

pub(crate) fn events(conn: &Connection, q: &EventQuery) -> Result<EventPage, StoreError> {
    let f = filter(q)?;
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM events e{}", f.sql))?
        .query_row(f.refs().as_slice(), |r| r.get(0))
        .map_err(map_fts(q))?;
    let mut events = Vec::new();
    for_each_event(conn, q, |e| {
        events.push(e);
        Ok(())
    })?;
    Ok(EventPage {
        total: u64::try_from(total).unwrap_or(0),
        events,
    })
}

pub(crate) fn for_each_event<F>(
    conn: &Connection,
    q: &EventQuery,
    mut f: F,
) -> Result<u64, StoreError>
where
    F: FnMut(Event) -> Result<(), StoreError>,
{
    let flt = filter(q)?;
    let limit: i64 = if q.limit == 0 { -1 } else { i64::from(q.limit) };
    let sql = format!(
        "SELECT (SELECT j.json FROM event_json j WHERE j.event = e.rowid) FROM events e{}{} LIMIT {limit} OFFSET {}",
        flt.sql,
        order_by(q),
        q.offset
    );
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows = st.query(flt.refs().as_slice()).map_err(map_fts(q))?;
    let mut n = 0;
    while let Some(row) = rows.next().map_err(map_fts(q))? {
        let json: String = row.get(0)?;
        f(serde_json::from_str(&json)?)?;
        n += 1;
    }
    Ok(n)
}

pub(crate) fn event(conn: &Connection, id: &str) -> Result<Option<EventDetail>, StoreError> {
    let row: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT e.rowid, j.json FROM events e JOIN event_json j ON j.event = e.rowid WHERE e.id = ?1",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .next()
        .transpose()?;
    let Some((rowid, json)) = row else {
        return Ok(None);
    };
    let event: Event = serde_json::from_str(&json)?;
    let articles = conn
        .prepare_cached(
            "SELECT a.doc, a.source, a.title, a.published, a.text
               FROM event_sources s JOIN articles a ON a.id = s.article
              WHERE s.event = ?1 ORDER BY a.id",
        )?
        .query_map([rowid], |r| {
            Ok(SourceArticle {
                doc: r.get(0)?,
                source: r.get(1)?,
                title: r.get(2)?,
                published: r.get(3)?,
                text: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut mentions = Vec::new();
    let mut st = conn.prepare_cached("SELECT json FROM mentions WHERE event = ?1 ORDER BY id")?;
    let mut rows = st.query([id])?;
    while let Some(r) = rows.next()? {
        let j: String = r.get(0)?;
        mentions.push(serde_json::from_str(&j)?);
    }
    Ok(Some(EventDetail {
        event,
        articles,
        mentions,
    }))
}

pub(crate) fn explain(conn: &Connection, id: &str) -> Result<Option<Explanation>, StoreError> {
    let json: Option<String> = conn
        .prepare_cached(
            "SELECT j.json FROM events e JOIN event_json j ON j.event = e.rowid WHERE e.id = ?1",
        )?
        .query_map([id], |r| r.get(0))?
        .next()
        .transpose()?;
    let Some(json) = json else {
        return Ok(None);
    };
    let event: Event = serde_json::from_str(&json)?;
    let mut st = conn.prepare_cached(
        "SELECT m.id, a.doc, a.source, m.json, m.rule, m.score, m.reason
           FROM mentions m JOIN articles a ON a.id = m.article
          WHERE m.event = ?1 ORDER BY m.id",
    )?;
    let mut rows = st.query([id])?;
    let mut steps = Vec::new();
    while let Some(r) = rows.next()? {
        let j: String = r.get(3)?;
        steps.push(MergeStep {
            mention: r.get(0)?,
            doc: r.get(1)?,
            source: r.get(2)?,
            extracted: serde_json::from_str(&j)?,
            rule: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            score: r.get::<_, Option<f64>>(5)?.unwrap_or(0.0),
            reason: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        });
    }
    Ok(Some(Explanation { event, steps }))
}

/// Number of investors in [`Stats::by_investor`].
pub const TOP_INVESTORS: usize = 20;

fn buckets(
    conn: &Connection,
    sql: &str,
    p: &[&dyn ToSql],
    q: &EventQuery,
) -> Result<Vec<Bucket>, StoreError> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st
        .query_map(p, |r| {
            let key: String = r.get(0)?;
            let label: Option<String> = r.get(4)?;
            Ok(Bucket {
                label: label.unwrap_or_else(|| key.clone()),
                key,
                events: u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                eur: r.get(2)?,
                jobs: r.get::<_, f64>(3)?.max(0.0).round() as u64,
            })
        })
        .map_err(map_fts(q))?;
    let mut out = Vec::new();
    for b in rows {
        out.push(b.map_err(map_fts(q))?);
    }
    Ok(out)
}

#[derive(Default)]
struct Acc {
    label: Option<String>,
    events: u64,
    eur: f64,
    jobs: f64,
}

impl Acc {
    fn add(&mut self, eur: Option<f64>, jobs: Option<f64>) {
        self.events += 1;
        self.eur += eur.unwrap_or(0.0);
        self.jobs += jobs.unwrap_or(0.0);
    }
    fn bucket(self, key: String) -> Bucket {
        Bucket {
            label: self.label.unwrap_or_else(|| key.clone()),
            key,
            events: self.events,
            eur: self.eur,
            jobs: self.jobs as u64,
        }
    }
}

/// Buckets by EUR desc, then events desc, then key.
fn ranked(map: HashMap<String, Acc>) -> Vec<Bucket> {
    let mut v: Vec<Bucket> = map.into_iter().map(|(k, a)| a.bucket(k)).collect();
    v.sort_by(|a, b| {
        b.eur
            .total_cmp(&a.eur)
            .then(b.events.cmp(&a.events))
            .then(a.key.cmp(&b.key))
    });
    v
}

/// INSEE region codes (since 2016) and names (Licence Ouverte).
const REGIONS: &[(&str, &str)] = &[
    ("01", "Guadeloupe"),
    ("02", "Martinique"),
    ("03", "Guyane"),
    ("04", "La Réunion"),
    ("06", "Mayotte"),
    ("11", "Île-de-France"),
    ("24", "Centre-Val de Loire"),
    ("27", "Bourgogne-Franche-Comté"),
    ("28", "Normandie"),
    ("32", "Hauts-de-France"),
    ("44", "Grand Est"),
    ("52", "Pays de la Loire"),
    ("53", "Bretagne"),
    ("75", "Nouvelle-Aquitaine"),
    ("76", "Occitanie"),
    ("84", "Auvergne-Rhône-Alpes"),
    ("93", "Provence-Alpes-Côte d'Azur"),
    ("94", "Corse"),
];

/// The name of an INSEE region code, if known.
pub fn region_name(code: &str) -> Option<&'static str> {
    REGIONS.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

pub(crate) fn stats(conn: &Connection, q: &EventQuery) -> Result<Stats, StoreError> {
    let f = filter(q)?;
    let mut s = if f.is_empty() {
        stats_all(conn, q, &f)?
    } else {
        stats_filtered(conn, q, &f)?
    };
    for b in &mut s.by_region {
        if let Some(n) = region_name(&b.key) {
            b.label = n.to_string();
        }
    }
    Ok(s)
}

/// With filters: the filter runs once; event-side breakdowns are summed
/// here, link-table breakdowns read the matching ids (`rarray`).
fn stats_filtered(conn: &Connection, q: &EventQuery, f: &Filter) -> Result<Stats, StoreError> {
    // Range filters (dates, amounts) and low-cardinality equalities (kind,
    // status, country) match large shares of the ledger: one sequential
    // scan of the narrow table beats thousands of index-then-row lookups.
    let selective = [&q.investor, &q.region, &q.departement, &q.sector, &q.search]
        .iter()
        .any(|o| nonempty(o).is_some());
    let hint = if selective { "" } else { " NOT INDEXED" };
    let mut st = conn.prepare_cached(&format!(
        "SELECT e.rowid, e.kind, e.month, e.investor_lc, e.investor, e.eur, e.jobs FROM events e{hint}{}",
        f.sql
    ))?;
    let mut rows = st.query(f.refs().as_slice()).map_err(map_fts(q))?;
    let mut ids: Vec<rusqlite::types::Value> = Vec::new();
    let mut total = Acc::default();
    let mut kinds: HashMap<String, Acc> = HashMap::new();
    let mut months: HashMap<String, Acc> = HashMap::new();
    let mut investors: HashMap<String, Acc> = HashMap::new();
    fn slot<'a>(m: &'a mut HashMap<String, Acc>, k: &str) -> &'a mut Acc {
        m.entry(k.to_owned()).or_default()
    }
    while let Some(r) = rows.next().map_err(map_fts(q))? {
        let rowid: i64 = r.get(0)?;
        let eur: Option<f64> = r.get(5)?;
        let jobs: Option<f64> = r.get::<_, Option<i64>>(6)?.map(|j| j as f64);
        ids.push(rusqlite::types::Value::Integer(rowid));
        total.add(eur, jobs);
        if let Some(k) = r.get_ref(1)?.as_str_or_null().ok().flatten() {
            slot(&mut kinds, k).add(eur, jobs);
        }
        if let Some(m) = r.get_ref(2)?.as_str_or_null().ok().flatten() {
            slot(&mut months, m).add(eur, jobs);
        }
        if let Some(i) = r.get_ref(3)?.as_str_or_null().ok().flatten() {
            let a = slot(&mut investors, i);
            if a.label.is_none() {
                a.label = r.get(4)?;
            }
            a.add(eur, jobs);
        }
    }
    let ids = std::rc::Rc::new(ids);
    let link = |sql: &str| -> Result<Vec<Bucket>, StoreError> {
        let mut st = conn.prepare_cached(sql)?;
        let rows = st.query_map([ids.clone()], |r| {
            let key: String = r.get(0)?;
            Ok(Bucket {
                label: key.clone(),
                key,
                events: u64::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                eur: r.get(2)?,
                jobs: r.get::<_, f64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    };
    let by_sector = link(
        "SELECT s.sector, count(*), total(s.eur), total(s.jobs) FROM event_sectors s
          WHERE s.event IN rarray(?1) GROUP BY s.sector ORDER BY 3 DESC, 2 DESC, 1",
    )?;
    let place = |level: &str| {
        format!(
            "SELECT pl.code, count(*), total(pl.eur), total(pl.jobs) FROM event_places pl
              WHERE pl.event IN rarray(?1) AND pl.level = '{level}'
              GROUP BY pl.code ORDER BY 3 DESC, 2 DESC, 1"
        )
    };
    let by_region = link(&place("r"))?;
    let by_departement = link(&place("d"))?;
    let mut by_investor = ranked(investors);
    by_investor.truncate(TOP_INVESTORS);
    let mut by_month: Vec<Bucket> = months.into_iter().map(|(k, a)| a.bucket(k)).collect();
    by_month.sort_by(|a, b| a.key.cmp(&b.key));
    let mut by_kind: Vec<Bucket> = kinds.into_iter().map(|(k, a)| a.bucket(k)).collect();
    by_kind.sort_by(|a, b| b.events.cmp(&a.events).then(a.key.cmp(&b.key)));
    Ok(Stats {
        events: total.events,
        eur: total.eur,
        jobs: total.jobs as u64,
        by_sector,
        by_region,
        by_departement,
        by_investor,
        by_month,
        by_kind,
    })
}

/// No filter: the running totals (`agg`), a few rows per dimension.
fn stats_all(conn: &Connection, q: &EventQuery, _f: &Filter) -> Result<Stats, StoreError> {
    let (events, eur, jobs): (i64, f64, f64) = conn
        .prepare_cached(
            "SELECT coalesce(sum(events), 0), total(eur), total(jobs) FROM agg WHERE dim = 'total'",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let dim = |d: &str, order: &str, limit: &str| -> Result<Vec<Bucket>, StoreError> {
        buckets(
            conn,
            &format!(
                "SELECT key, events, eur, jobs, label FROM agg
                  WHERE dim = '{d}' AND events > 0 ORDER BY {order}{limit}"
            ),
            &[],
            q,
        )
    };
    let ranked = "eur DESC, events DESC, key";
    Ok(Stats {
        events: u64::try_from(events).unwrap_or(0),
        eur,
        jobs: jobs.max(0.0).round() as u64,
        by_sector: dim("sector", ranked, "")?,
        by_region: dim("region", ranked, "")?,
        by_departement: dim("departement", ranked, "")?,
        by_investor: dim("investor", ranked, &format!(" LIMIT {TOP_INVESTORS}"))?,
        by_month: dim("month", "key", "")?,
        by_kind: dim("kind", "events DESC, key", "")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_made_safe() {
        assert_eq!(fts_query("Microsoft's plan"), "\"Microsoft's\" \"plan\"");
        assert_eq!(fts_query("data OR cloud"), "data OR cloud");
        assert_eq!(fts_query("\"data centre\""), "\"data centre\"");
    }

    #[test]
    fn dates_and_codes_are_checked() {
        assert!(check_date("since", "2024").is_ok());
        assert!(check_date("since", "2024-05").is_ok());
        assert!(check_date("since", "2024-05-13").is_ok());
        assert!(check_date("since", "13/05/2024").is_err());
        assert_eq!(dep_code("1"), "01");
        assert_eq!(dep_code("2a"), "2A");
        let q = EventQuery {
            sector: Some("nope".into()),
            ..EventQuery::default()
        };
        assert!(filter(&q).is_err());
    }
}

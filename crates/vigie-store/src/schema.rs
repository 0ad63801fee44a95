//! The schema and its forward-only migrations.
//!
//! `PRAGMA user_version` holds the number of steps applied. Each step runs
//! in its own transaction together with the version bump, so a crash leaves
//! the database at a step boundary. Never edit a released step: append one.

use rusqlite::Connection;

use crate::StoreError;

/// Ordered migration steps; step `i` brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles, mentions, events, their links and the full-text index.
    r#"
    CREATE TABLE articles (
        id          INTEGER PRIMARY KEY,
        doc         TEXT NOT NULL,          -- doc_ + FNV-1a of the text
        source      TEXT NOT NULL UNIQUE,   -- URL or path
        hash        TEXT NOT NULL UNIQUE,   -- content hash (= doc id of the text)
        title       TEXT,
        published   TEXT,                   -- YYYY-MM-DD
        lang        TEXT,
        text        TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_doc ON articles(doc);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );

    CREATE TABLE events (
        rowid       INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,   -- evt_…, stable
        kind        TEXT NOT NULL,
        status      TEXT NOT NULL,
        investor    TEXT,                   -- canonical, as given
        investor_lc TEXT,                   -- lower-case canonical (filter, sort)
        investor_name_lc TEXT,              -- lower-case name as written
        block_key   TEXT,                   -- resolution blocking key
        country     TEXT,
        published   TEXT,
        min_day     INTEGER,                -- days since 1970 of the earliest mention
        max_day     INTEGER,
        eur         REAL,
        jobs        INTEGER,
        n_sources   INTEGER NOT NULL,
        json        TEXT NOT NULL           -- the contract record
    );
    CREATE INDEX events_block ON events(block_key, min_day);
    CREATE INDEX events_published ON events(published);
    CREATE INDEX events_eur ON events(eur);
    CREATE INDEX events_investor ON events(investor_lc, published);
    CREATE INDEX events_investor_name ON events(investor_name_lc);
    CREATE INDEX events_country ON events(country, published);
    CREATE INDEX events_kind ON events(kind, published);
    CREATE INDEX events_status ON events(status, published);

    CREATE TABLE mentions (
        id        INTEGER PRIMARY KEY,
        article   INTEGER NOT NULL REFERENCES articles(id),
        ord       INTEGER NOT NULL,         -- index of the event in its article
        json      TEXT NOT NULL,            -- the event as extracted (contract record)
        event     TEXT,                     -- events.id it was resolved into
        rule      TEXT,
        score     REAL,
        reason    TEXT,
        UNIQUE (article, ord)
    );
    CREATE INDEX mentions_event ON mentions(event);

    -- Multi-valued filters and breakdowns, denormalised (eur, jobs) so that
    -- a breakdown reads one covering index.
    CREATE TABLE event_places (
        event INTEGER NOT NULL REFERENCES events(rowid),
        level TEXT NOT NULL,                -- 'r' region, 'd' departement, 'c' commune (INSEE)
        code  TEXT NOT NULL,
        eur   REAL,
        jobs  INTEGER,
        PRIMARY KEY (level, code, event)
    ) WITHOUT ROWID;
    CREATE INDEX event_places_event ON event_places(event);

    CREATE TABLE event_sectors (
        event  INTEGER NOT NULL REFERENCES events(rowid),
        sector TEXT NOT NULL,
        eur    REAL,
        jobs   INTEGER,
        PRIMARY KEY (sector, event)
    ) WITHOUT ROWID;
    CREATE INDEX event_sectors_event ON event_sectors(event);

    CREATE TABLE event_sources (
        event   INTEGER NOT NULL REFERENCES events(rowid),
        article INTEGER NOT NULL REFERENCES articles(id),
        PRIMARY KEY (article, event)
    ) WITHOUT ROWID;
    CREATE INDEX event_sources_event ON event_sources(event);
    "#,
    // 2: ECB rates loaded with `vigie rates update` (preferred to the embedded ones).
    r#"
    CREATE TABLE rates (
        date     TEXT NOT NULL,
        currency TEXT NOT NULL,
        rate     REAL NOT NULL,
        PRIMARY KEY (currency, date)
    ) WITHOUT ROWID;
    "#,
    // 3: month key for the monthly breakdown without scanning dates.
    r#"
    ALTER TABLE events ADD COLUMN month TEXT;
    UPDATE events SET month = substr(published, 1, 7) WHERE published IS NOT NULL;
    CREATE INDEX events_month ON events(month);
    "#,
    // 4: the contract JSON moves out of `events`, so that scans and
    // aggregates over the filter columns read a narrow table.
    r#"
    CREATE TABLE event_json (
        event INTEGER PRIMARY KEY REFERENCES events(rowid),
        json  TEXT NOT NULL
    );
    INSERT INTO event_json (event, json) SELECT rowid, json FROM events;
    ALTER TABLE events DROP COLUMN json;
    CREATE INDEX events_eur_published ON events(eur, published);
    "#,
    // 5: covering indexes for the breakdowns of `stats` (index-only scans).
    r#"
    CREATE INDEX events_kind_cover ON events(kind, eur, jobs);
    CREATE INDEX events_month_cover ON events(month, eur, jobs);
    CREATE INDEX events_investor_cover ON events(investor_lc, eur, jobs, investor);
    DROP INDEX events_month;
    "#,
    // 6: link tables' event indexes cover eur and jobs (filtered breakdowns).
    r#"
    DROP INDEX event_sectors_event;
    CREATE INDEX event_sectors_event ON event_sectors(event, eur, jobs);
    DROP INDEX event_places_event;
    CREATE INDEX event_places_event ON event_places(event, eur, jobs);
    "#,
    // 7: (eur, published) serves every use of (eur) and checks dates in the index.
    r#"
    DROP INDEX events_eur;
    "#,
    // 8: running totals of the whole ledger by dimension, maintained by
    // every write in the same transaction: `stats` without filters reads
    // a few rows instead of scanning.
    r#"
    CREATE TABLE agg (
        dim    TEXT NOT NULL,   -- total, kind, month, investor, sector, region, departement
        key    TEXT NOT NULL,
        label  TEXT,
        events INTEGER NOT NULL,
        eur    REAL NOT NULL,
        jobs   REAL NOT NULL,
        PRIMARY KEY (dim, key)
    ) WITHOUT ROWID;
    INSERT INTO agg SELECT 'total', '', NULL, count(*), total(eur), total(jobs) FROM events;
    INSERT INTO agg SELECT 'kind', kind, NULL, count(*), total(eur), total(jobs) FROM events GROUP BY kind;
    INSERT INTO agg SELECT 'month', month, NULL, count(*), total(eur), total(jobs) FROM events
        WHERE month IS NOT NULL GROUP BY month;
    INSERT INTO agg SELECT 'investor', investor_lc, min(investor), count(*), total(eur), total(jobs)
        FROM events WHERE investor_lc IS NOT NULL GROUP BY investor_lc;
    INSERT INTO agg SELECT 'sector', sector, NULL, count(*), total(eur), total(jobs)
        FROM event_sectors GROUP BY sector;
    INSERT INTO agg SELECT 'region', code, NULL, count(*), total(eur), total(jobs)
        FROM event_places WHERE level = 'r' GROUP BY code;
    INSERT INTO agg SELECT 'departement', code, NULL, count(*), total(eur), total(jobs)
        FROM event_places WHERE level = 'd' GROUP BY code;
    "#,
    // 9: secondary resolution keys of an event (word prefixes of its
    // investor, "p:…"; its recipient for rounds and takeovers, "r:…"),
    // filled for existing events by `Store::open` (see `backfill_keys`).
    r#"
    CREATE TABLE event_keys (
        key   TEXT NOT NULL,
        event INTEGER NOT NULL REFERENCES events(rowid),
        PRIMARY KEY (key, event)
    ) WITHOUT ROWID;
    CREATE INDEX event_keys_event ON event_keys(event);
    "#,
];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// The schema version of a database.
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies the missing steps up to `target` (at most [`latest`]).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<i64, StoreError> {
    let mut v = version(conn)?;
    if v > latest() {
        return Err(StoreError::TooNew {
            found: v,
            supported: latest(),
        });
    }
    while v < target.min(latest()) {
        let step = MIGRATIONS
            .get(v as usize)
            .ok_or_else(|| StoreError::Invalid(format!("no migration step {}", v + 1)))?;
        let tx = conn.transaction()?;
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", v + 1)?;
        tx.commit()?;
        v += 1;
    }
    Ok(v)
}

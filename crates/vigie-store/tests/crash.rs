//! Crash safety: a writer process killed (SIGKILL) in the middle of an
//! ingest leaves a consistent database, and re-running the ingest gives the
//! same ledger as an uninterrupted run.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use vigie_store::{EventQuery, Store};

const ENV: &str = "VIGIE_STORE_CRASH_CHILD";
const BATCH: usize = 100;

fn corpus() -> Vec<(vigie_model::Article, Vec<vigie_model::Event>)> {
    vigie_store::synth::corpus(6_000, 42)
}

fn ingest_all(st: &mut Store, announce: bool) {
    for (i, chunk) in corpus().chunks(BATCH).enumerate() {
        st.ingest_batch(chunk).expect("batch");
        if announce {
            println!("committed {i}");
        }
    }
}

/// The child: runs only when the parent test sets the environment variable.
#[test]
fn crash_child() {
    let Ok(path) = std::env::var(ENV) else {
        return;
    };
    let mut st = Store::open(std::path::Path::new(&path)).expect("open");
    ingest_all(&mut st, true);
}

fn ledger(st: &Store) -> Vec<vigie_model::Event> {
    st.events(&EventQuery {
        limit: 0,
        desc: false,
        ..EventQuery::default()
    })
    .expect("events")
    .events
}

#[test]
fn killed_writer_leaves_a_consistent_db_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("crash.db");
    let mut child = Command::new(std::env::current_exe().expect("exe"))
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn child");
    // Wait until a few batches are committed, then kill -9 mid-ingest.
    let out = child.stdout.take().expect("stdout");
    let mut committed = 0;
    for line in BufReader::new(out).lines() {
        let line = line.expect("line");
        if line.starts_with("committed") {
            committed += 1;
            if committed == 5 {
                break;
            }
        }
    }
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "the child was killed, not finished");
    assert!(committed >= 5, "child committed {committed} batches");

    // Consistent: integrity, every mention resolved, every event backed.
    let mut st = Store::open(&path).expect("reopen after kill");
    let c = st.connection();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
    let q = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let articles = q("SELECT count(*) FROM articles");
    assert!(articles >= 5 * BATCH as i64, "{articles} articles");
    assert_eq!(articles % BATCH as i64, 0, "whole batches only");
    assert_eq!(q("SELECT count(*) FROM mentions"), articles);
    assert_eq!(q("SELECT count(*) FROM mentions WHERE event IS NULL"), 0);
    assert_eq!(
        q("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id)"),
        0
    );
    assert_eq!(
        q("SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event)"),
        0
    );
    assert_eq!(q("SELECT count(*) FROM articles_fts"), articles);

    // Re-run: skips what is stored, completes the rest; same ledger as a clean run.
    ingest_all(&mut st, false);
    let resumed = ledger(&st);
    let mut clean = Store::open(&dir.path().join("clean.db")).expect("clean");
    ingest_all(&mut clean, false);
    let expected = ledger(&clean);
    assert_eq!(resumed.len(), expected.len());
    assert!(
        resumed == expected,
        "resumed ledger differs from a clean run"
    );
}

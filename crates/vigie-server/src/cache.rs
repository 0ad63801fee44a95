//! A small cache of serialised answers (`/api/stats`, `/api/events`,
//! `/api/search`), keyed by the validated query. An entry is dropped after a
//! time-to-live and as soon as the database file or its WAL changes (size or
//! modification time), so answers never outlive a write by another process
//! (e.g. `vigie ingest` running beside the server).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

/// What identifies a version of the database on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp(Vec<(u64, Option<SystemTime>)>);

pub(crate) fn stamp(db: &Path) -> Stamp {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let files = [db.to_path_buf(), PathBuf::from(wal)];
    Stamp(
        files
            .iter()
            .map(|f| match std::fs::metadata(f) {
                Ok(m) => (m.len(), m.modified().ok()),
                Err(_) => (0, None),
            })
            .collect(),
    )
}

struct Entry {
    at: Instant,
    stamp: Option<Stamp>,
    body: Arc<Vec<u8>>,
}

pub(crate) struct Cache {
    db: Option<PathBuf>,
    ttl: Duration,
    max: usize,
    entries: Mutex<HashMap<String, Entry>>,
}

impl Cache {
    pub(crate) fn new(db: Option<PathBuf>, ttl: Duration, max: usize) -> Cache {
        Cache {
            db,
            ttl,
            max,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn enabled(&self) -> bool {
        !self.ttl.is_zero() && self.max > 0
    }

    fn current(&self) -> Option<Stamp> {
        self.db.as_deref().map(stamp)
    }

    pub(crate) fn get(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        if !self.enabled() {
            return None;
        }
        let now = self.current();
        let mut map = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let fresh = match map.get(key) {
            Some(e) => e.at.elapsed() < self.ttl && e.stamp == now,
            None => return None,
        };
        if fresh {
            map.get(key).map(|e| Arc::clone(&e.body))
        } else {
            map.remove(key);
            None
        }
    }

    /// Stores `body` under `key`; `stamp_before` is the database version seen
    /// before the query ran (so that a write during the query is not hidden).
    pub(crate) fn put(&self, key: String, stamp_before: Option<Stamp>, body: Arc<Vec<u8>>) {
        if !self.enabled() {
            return;
        }
        let mut map = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= self.max && !map.contains_key(&key) {
            let ttl = self.ttl;
            map.retain(|_, e| e.at.elapsed() < ttl);
            if map.len() >= self.max {
                if let Some(oldest) = map.iter().min_by_key(|(_, e)| e.at).map(|(k, _)| k.clone()) {
                    map.remove(&oldest);
                }
            }
        }
        map.insert(
            key,
            Entry {
                at: Instant::now(),
                stamp: stamp_before,
                body,
            },
        );
    }

    pub(crate) fn stamp_now(&self) -> Option<Stamp> {
        self.current()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_and_follow_the_database() {
        let dir = std::env::temp_dir().join(format!("vigie-cache-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("x.db");
        std::fs::write(&db, b"one").unwrap();
        let c = Cache::new(Some(db.clone()), Duration::from_secs(60), 2);
        let s = c.stamp_now();
        c.put("a".into(), s.clone(), Arc::new(b"A".to_vec()));
        assert_eq!(c.get("a").as_deref().map(Vec::as_slice), Some(&b"A"[..]));
        assert!(c.get("b").is_none());
        // Bounded: a third key evicts the oldest.
        c.put("b".into(), s.clone(), Arc::new(b"B".to_vec()));
        c.put("c".into(), s, Arc::new(b"C".to_vec()));
        assert!(c.get("a").is_none());
        assert!(c.get("c").is_some());
        // A write to the database invalidates.
        std::fs::write(&db, b"two, longer").unwrap();
        assert!(c.get("c").is_none());
        // A zero TTL disables the cache.
        let off = Cache::new(None, Duration::ZERO, 10);
        off.put("a".into(), None, Arc::new(vec![1]));
        assert!(off.get("a").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}

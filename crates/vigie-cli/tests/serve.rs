//! `vigie serve`: starts the real binary on 127.0.0.1 with a free port and
//! talks HTTP to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    /// Asks the server to stop (SIGTERM) and waits; true if it exited cleanly
    /// within 10 s.
    fn stop(&mut self) -> bool {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !sent {
            return false;
        }
        for _ in 0..100 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `vigie serve ARGS --port 0` and reads the bound address from its
/// "serving … on http://ADDR/" line.
fn start(args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .arg("serve")
        .args(args)
        .args(["--port", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vigie serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let mut seen = Vec::new();
    let addr = loop {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(rest) = line.split("http://").nth(1) {
                    break rest.split('/').next().unwrap_or_default().to_string();
                }
                seen.push(line);
            }
            _ => {
                let _ = child.kill();
                panic!("vigie serve stopped before listening: {seen:?}");
            }
        }
    };
    // Keep draining stderr so that the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, addr }
}

/// A minimal HTTP/1.1 GET: (status, body).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[test]
fn serve_demo_shows_a_filled_dashboard() {
    let srv = start(&["--demo"]);
    assert!(srv.addr.starts_with("127.0.0.1:"), "{}", srv.addr);
    let (status, html) = get(&srv.addr, "/");
    assert_eq!(status, 200);
    assert!(html.contains("/assets/app.js"));
    let (status, body) = get(&srv.addr, "/api/stats");
    assert_eq!(status, 200, "{body}");
    let stats = json(&body);
    assert!(stats["events"].as_u64().unwrap() > 0, "the demo has events");
    let (status, body) = get(&srv.addr, "/api/events?limit=1");
    assert_eq!(status, 200);
    let id = json(&body)["events"][0]["id"].as_str().unwrap().to_string();
    let (status, body) = get(&srv.addr, &format!("/api/events/{id}"));
    assert_eq!(status, 200);
    assert!(!json(&body)["articles"].as_array().unwrap().is_empty());
    let (status, body) = get(&srv.addr, "/api/events?kind=nonsense");
    assert_eq!(status, 400);
    assert!(json(&body)["error"].as_str().unwrap().contains("kind"));
    // SIGTERM stops it cleanly and removes the temporary demo database.
    let mut srv = srv;
    let demo_dir = std::env::temp_dir().join(format!("vigie-demo-{}", srv.child.id()));
    assert!(demo_dir.exists(), "{}", demo_dir.display());
    assert!(srv.stop(), "vigie serve exits 0 on SIGTERM");
    assert!(!demo_dir.exists(), "demo database removed");
}

#[test]
fn serve_reads_a_database_given_with_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let ok = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["demo", "--quiet", "--db"])
        .arg(&db)
        .status()
        .expect("vigie demo");
    assert!(db.exists(), "vigie demo wrote the database ({ok})");
    let srv = start(&["--db", db.to_str().unwrap()]);
    let (status, body) = get(&srv.addr, "/api/events?limit=5");
    assert_eq!(status, 200, "{body}");
    let v = json(&body);
    assert!(v["total"].as_u64().unwrap() > 0);
    assert!(v["events"].as_array().unwrap().len() <= 5);
    let (status, _) = get(&srv.addr, "/assets/../Cargo.toml");
    assert_eq!(status, 404);
}

#[test]
fn serve_refuses_a_missing_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.db");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["serve", "--port", "0", "--db"])
        .arg(&missing)
        .output()
        .expect("vigie serve");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nope.db") && err.contains("does not exist"),
        "{err}"
    );
    assert!(!missing.exists(), "serve must not create a database");
}

#[test]
fn serve_rejects_a_bad_bind_address() {
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["serve", "--bind", "not-an-ip", "--demo"])
        .output()
        .expect("vigie serve");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bind"));
}

//! End-to-end test of the dashboard in a real browser: starts the server on
//! 127.0.0.1 over the fixture ledger and runs `e2e/dashboard.mjs`
//! (playwright-core driving Debian's headless Chromium) through the map, a
//! filter, the table and an event page. Screenshots go to
//! `target/e2e-screenshots/`.
//!
//! Needs `/usr/bin/chromium` (Debian packages chromium, chromium-driver; or
//! $CHROMIUM) and `npm ci --prefix crates/vigie-server/e2e`. Missing either
//! FAILS the test, unless VIGIE_SKIP_BROWSER=1.

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("e2e-screenshots")
}

#[test]
fn dashboard_in_headless_chromium() {
    if std::env::var("VIGIE_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("VIGIE_SKIP_BROWSER=1: browser test skipped");
        return;
    }
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        chromium.exists(),
        "{} not found: install Debian's chromium (apt-get install -y chromium chromium-driver), \
         set CHROMIUM=/path/to/chromium, or set VIGIE_SKIP_BROWSER=1 to skip this test",
        chromium.display()
    );
    let e2e = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("e2e");
    assert!(
        e2e.join("node_modules/playwright-core/package.json")
            .exists(),
        "playwright-core is not installed: run `npm ci --prefix crates/vigie-server/e2e` \
         (or set VIGIE_SKIP_BROWSER=1 to skip this test)"
    );
    let node_ok = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        node_ok,
        "node is not on PATH (Node.js 20+ is needed), or set VIGIE_SKIP_BROWSER=1"
    );

    let dir = tempfile::tempdir().unwrap();
    let db = common::fixture_db(dir.path());
    let pool = Arc::new(vigie_server::Pool::open_read_only(&db, 2).unwrap());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = rt
        .block_on(vigie_server::bind("127.0.0.1:0".parse().unwrap()))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let app = vigie_server::app(pool, &vigie_server::Options::default());
    let server = rt.spawn(vigie_server::serve(listener, app, async {
        let _ = stop_rx.await;
    }));

    let shots = screenshot_dir();
    let _ = std::fs::remove_dir_all(&shots);
    let mut child = Command::new("node")
        .arg(e2e.join("dashboard.mjs"))
        .arg(format!("http://{addr}"))
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .current_dir(&e2e)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start node");
    let deadline = Instant::now() + Duration::from_secs(240);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for node") {
            break Some(s);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = child.wait_with_output().expect("node output");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    let _ = stop_tx.send(());
    let _ = rt.block_on(server);
    let status = status.expect("the browser test took more than 240 s");
    assert!(
        status.success(),
        "browser test failed ({status}); screenshots in {}:\n{stdout}\n{stderr}",
        shots.display()
    );
    for name in [
        "01-dashboard-fr.png",
        "02-region-filter.png",
        "05-event-page.png",
    ] {
        assert!(shots.join(name).exists(), "screenshot {name} missing");
    }
}

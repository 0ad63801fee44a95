//! read_path on every format, good and bad, with fixtures written here.

use std::io::Write;
use std::path::Path;

use vigie_ingest::warc::{response_record, write_record};
use vigie_ingest::{read_path, read_path_with, Cause, IngestError, ReadOptions};
use vigie_model::Article;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

fn ok(r: &[Result<Article, IngestError>]) -> Vec<&Article> {
    r.iter().filter_map(|x| x.as_ref().ok()).collect()
}

fn errs(r: &[Result<Article, IngestError>]) -> Vec<String> {
    r.iter()
        .filter_map(|x| x.as_ref().err().map(|e| e.to_string()))
        .collect()
}

const HTML: &str = r#"<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Une usine de batteries à Douai | La Gazette du Nord</title>
<meta property="article:published_time" content="2024-03-05T07:30:00+01:00">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/eco">Économie</a></li></ul></nav>
<div class="cookie-banner">Nous utilisons des cookies pour améliorer votre expérience.</div>
<main><article>
<h1>Une usine de batteries à Douai</h1>
<p>Le constructeur chinois Envision AESC a confirmé mardi un investissement de 2 milliards d'euros dans une deuxième usine de batteries à Douai, dans le Nord. Le site doit employer 1 000 personnes à terme, selon la direction.</p>
<p>Les premières cellules sortiront des lignes en 2027. La région Hauts-de-France accompagne le projet, qui renforce la « vallée de la batterie » autour de Douai, Dunkerque et Béthune.</p>
<p>Les syndicats saluent l'annonce mais demandent des garanties sur la formation des salariés recrutés localement, notamment dans le bassin minier.</p>
</article></main>
<footer><p>© La Gazette du Nord — Mentions légales — Plan du site</p></footer>
</body></html>"#;

#[test]
fn text_markdown_html_json_jsonl() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "a.txt",
        "Acme investit 5 millions d'euros à Lille.\n".as_bytes(),
    );
    write(
        d.path(),
        "b.md",
        b"# Titre\n\nAcme invests EUR 5m in Leeds.\n",
    );
    write(d.path(), "c.html", HTML.as_bytes());
    write(
        d.path(),
        "d.json",
        br#"[{"url":"https://ex.org/1","title":"One","date":"2024-05-13","text":"First."},
            {"link":"https://ex.org/2","headline":"Two","published":"Mon, 13 May 2024 10:00:00 GMT","content":"Second."}]"#,
    );
    write(
        d.path(),
        "e.jsonl",
        b"{\"url\":\"https://ex.org/3\",\"body\":\"Third.\",\"published_at\":\"2024-05-14T09:00:00Z\"}\n",
    );
    write(d.path(), "ignored.png", b"\x89PNG\r\n\x1a\n");
    write(d.path(), ".hidden/x.txt", b"hidden");
    let r = read_path(d.path());
    assert!(errs(&r).is_empty(), "{:?}", errs(&r));
    let a = ok(&r);
    let sources: Vec<&str> = a.iter().map(|a| a.source.as_str()).collect();
    let p = |n: &str| d.path().join(n).display().to_string();
    assert_eq!(
        sources,
        vec![
            p("a.txt").as_str(),
            p("b.md").as_str(),
            p("c.html").as_str(),
            "https://ex.org/1",
            "https://ex.org/2",
            "https://ex.org/3"
        ]
    );
    assert_eq!(a[0].text, "Acme investit 5 millions d'euros à Lille.");
    assert_eq!(a[0].doc, vigie_model::doc_id(&a[0].text));
    let html = a[2];
    assert!(
        html.text.contains("investissement de 2 milliards"),
        "{}",
        html.text
    );
    assert!(
        html.text.contains("garanties sur la formation"),
        "{}",
        html.text
    );
    assert!(!html.text.contains("Mentions légales"), "{}", html.text);
    assert!(!html.text.contains("cookies"), "{}", html.text);
    assert_eq!(html.published.as_deref(), Some("2024-03-05"));
    assert!(html.title.as_deref().unwrap().contains("Douai"));
    assert_eq!(a[3].published.as_deref(), Some("2024-05-13"));
    assert_eq!(a[4].title.as_deref(), Some("Two"));
    assert_eq!(a[4].published.as_deref(), Some("2024-05-13"));
    assert_eq!(a[5].published.as_deref(), Some("2024-05-14"));
    // Deterministic: the same again.
    assert_eq!(read_path(d.path()), r);
}

#[test]
fn truncated_html_still_reads() {
    let d = tempfile::tempdir().unwrap();
    let cut = &HTML[..HTML.find("Les syndicats").unwrap() + 30];
    let f = write(d.path(), "cut.html", cut.as_bytes());
    let r = read_path(&f);
    let a = ok(&r);
    assert_eq!(a.len(), 1, "{:?}", errs(&r));
    assert!(a[0].text.contains("2 milliards d'euros"));
}

#[test]
fn bad_files_each_give_one_clear_error() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "1_empty.txt", b"  \n\t\n");
    write(
        d.path(),
        "2_binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    );
    write(d.path(), "3_nul.txt", b"abc\0\0\0def");
    write(d.path(), "4_bad.json", b"{\"text\": ");
    write(d.path(), "5_notext.json", br#"{"title":"x"}"#);
    write(
        d.path(),
        "6_lines.jsonl",
        b"{\"text\":\"good one\"}\nnot json\n{\"text\":\"good two\"}\n[1]\n",
    );
    write(d.path(), "7_latin1.txt", b"Le caf\xe9 de la gare investit.");
    write(d.path(), "8_ok.txt", b"fine");
    let r = read_path(d.path());
    let e = errs(&r);
    let p = |n: &str| d.path().join(n).display().to_string();
    assert_eq!(
        e,
        vec![
            format!("{}: empty document", p("1_empty.txt")),
            format!(
                "{}: binary content, not text (looks like a ELF executable)",
                p("2_binary.txt")
            ),
            format!(
                "{}: binary content, not text (contains NUL bytes)",
                p("3_nul.txt")
            ),
            format!(
                "{}:1: invalid JSON: EOF while parsing a value at line 1 column 9",
                p("4_bad.json")
            ),
            format!(
                "{}: no text field (text, content or body)",
                p("5_notext.json")
            ),
            format!(
                "{}:2: invalid JSON: expected ident at line 1 column 2",
                p("6_lines.jsonl")
            ),
            format!(
                "{}:4: invalid JSON: expected an object, found an array",
                p("6_lines.jsonl")
            ),
        ]
    );
    let texts: Vec<&str> = ok(&r).iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "good one",
            "good two",
            "Le café de la gare investit.",
            "fine"
        ]
    );
    // Every error is one line.
    assert!(e.iter().all(|m| !m.contains('\n')));
}

#[test]
fn missing_and_huge_files() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("nope.txt");
    let r = read_path(&missing);
    assert_eq!(
        errs(&r),
        vec![format!("{}: no such file or directory", missing.display())]
    );
    let big = write(d.path(), "big.txt", &vec![b'a'; 2048]);
    let mut out = Vec::new();
    read_path_with(&big, &ReadOptions { max_bytes: 1024 }, &mut |r| out.push(r));
    assert_eq!(
        out[0].as_ref().unwrap_err().cause,
        Cause::TooLarge {
            size: 2048,
            limit: 1024
        }
    );
}

fn running_as_root() -> bool {
    // Root ignores file permission bits: probe with a real file.
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("probe");
    std::fs::write(&p, b"x").unwrap();
    set_mode(&p, 0o000);
    std::fs::read(&p).is_ok()
}

#[cfg(unix)]
fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn permission_denied_is_reported_and_rest_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let locked = write(d.path(), "a_locked.txt", b"secret");
    write(d.path(), "b_open.txt", b"open text");
    set_mode(&locked, 0o000);
    let r = read_path(d.path());
    set_mode(&locked, 0o644);
    if running_as_root() {
        // Permission bits do not apply to root: both files read.
        assert_eq!(ok(&r).len(), 2);
        return;
    }
    assert_eq!(
        errs(&r),
        vec![format!("{}: permission denied", locked.display())]
    );
    assert_eq!(ok(&r)[0].text, "open text");
}

fn page(n: u32) -> String {
    format!(
        "<html><head><title>Item {n}</title><meta property=\"article:published_time\" content=\"2024-05-{:02}\"></head><body><article><p>Report {n}: the company Northwind will invest {n} million euros in a plant in Nantes and hire {n}0 people, its chief executive said on Monday.</p></article></body></html>",
        n % 28 + 1
    )
}

fn warc_bytes() -> (Vec<u8>, usize) {
    let mut w = Vec::new();
    write_record(
        &mut w,
        &[
            ("WARC-Type", "warcinfo"),
            ("Content-Type", "application/warc-fields"),
        ],
        b"software: vigie-test\r\n",
    );
    w.extend(response_record(
        "https://news.example/a",
        "2024-05-20T00:00:00Z",
        &page(1),
    ));
    // A request record (skipped) and a 404 response (skipped).
    write_record(
        &mut w,
        &[
            ("WARC-Type", "request"),
            ("WARC-Target-URI", "https://news.example/b"),
            ("Content-Type", "application/http; msgtype=request"),
        ],
        b"GET /b HTTP/1.1\r\nHost: news.example\r\n\r\n",
    );
    write_record(
        &mut w,
        &[
            ("WARC-Type", "response"),
            ("WARC-Target-URI", "https://news.example/missing"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>",
    );
    let broken_at = w.len();
    w.extend_from_slice(
        b"WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\n\r\nzzz\r\n\r\n",
    );
    w.extend(response_record(
        "https://news.example/c",
        "2024-05-21T00:00:00Z",
        &page(3),
    ));
    (w, broken_at)
}

#[test]
fn warc_plain_with_a_broken_record() {
    let d = tempfile::tempdir().unwrap();
    let (w, broken_at) = warc_bytes();
    let f = write(d.path(), "crawl.warc", &w);
    let r = read_path(&f);
    let sources: Vec<&str> = ok(&r).iter().map(|a| a.source.as_str()).collect();
    assert_eq!(
        sources,
        vec!["https://news.example/a", "https://news.example/c"]
    );
    assert_eq!(
        errs(&r),
        vec![format!(
            "{}@{broken_at}: broken WARC record: malformed header line \"this line has no colon\"",
            f.display()
        )]
    );
    assert_eq!(ok(&r)[0].published.as_deref(), Some("2024-05-02"));
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(r).unwrap();
        out.extend(enc.finish().unwrap());
    }
    out
}

#[test]
fn warc_gz_per_record_members_and_truncation() {
    let d = tempfile::tempdir().unwrap();
    let recs: Vec<Vec<u8>> = (1..=5)
        .map(|n| {
            response_record(
                &format!("https://news.example/{n}"),
                "2024-05-20T00:00:00Z",
                &page(n),
            )
        })
        .collect();
    let gz = gzip_members(&recs);
    let f = write(d.path(), "cc-news.warc.gz", &gz);
    let r = read_path(&f);
    assert_eq!(ok(&r).len(), 5, "{:?}", errs(&r));
    assert!(errs(&r).is_empty());

    // Cut in the middle of the fourth member.
    let first3 = gzip_members(&recs[..3]).len();
    let cut = &gz[..first3 + 40];
    let f = write(d.path(), "cut.warc.gz", cut);
    let r = read_path(&f);
    assert_eq!(ok(&r).len(), 3);
    let e = errs(&r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].ends_with(": truncated gzip stream"), "{e:?}");
    assert!(e[0].starts_with(&format!("{}@", f.display())), "{e:?}");

    // A single gzip member holding the whole file, also readable.
    let whole = gzip_members(&[recs.concat()]);
    let f = write(d.path(), "whole.warc.gz", &whole);
    assert_eq!(ok(&read_path(&f)).len(), 5);
}

#[test]
fn warc_truncated_plain_record() {
    let d = tempfile::tempdir().unwrap();
    let rec = response_record("https://news.example/z", "2024-05-20T00:00:00Z", &page(9));
    let f = write(d.path(), "t.warc", &rec[..rec.len() - 60]);
    let r = read_path(&f);
    let e = errs(&r);
    assert_eq!(e.len(), 1);
    assert!(e[0].contains("record truncated: Content-Length"), "{e:?}");
}

#[test]
fn warc_record_over_the_size_limit_is_skipped_and_reported() {
    let d = tempfile::tempdir().unwrap();
    let mut w = response_record(
        "https://news.example/big",
        "2024-05-20T00:00:00Z",
        &page(1).repeat(20),
    );
    w.extend(response_record(
        "https://news.example/small",
        "2024-05-20T00:00:00Z",
        &page(2),
    ));
    let f = write(d.path(), "mixed.warc", &w);
    let mut out = Vec::new();
    read_path_with(&f, &ReadOptions { max_bytes: 2048 }, &mut |r| out.push(r));
    assert_eq!(out.len(), 2);
    let e = out[0].as_ref().unwrap_err();
    assert_eq!(e.location, format!("{}@0", f.display()));
    assert!(
        matches!(e.cause, Cause::TooLarge { limit: 2048, .. }),
        "{e}"
    );
    assert_eq!(
        out[1].as_ref().unwrap().source,
        "https://news.example/small"
    );
}

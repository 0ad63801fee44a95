//! Reading throughput (articles/s) of the ingest parsers over generated
//! articles: HTML main-content extraction, JSON/JSONL, WARC (plain, gzip).
//! Extraction and storage are not included (see the closing note for the
//! end-to-end `vigie ingest` figure).
//!
//! `cargo bench -p vigie-ingest --bench read -- --sample-size 10`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::io::Write;
use vigie_ingest::{articles_from_bytes, Format};

const N: usize = 500;

fn body(i: usize) -> String {
    let towns = ["Nantes", "Lyon", "Lille", "Toulouse", "Bordeaux", "Rennes"];
    let who = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware"];
    format!(
        "Le groupe {} va investir {} millions d'euros dans une nouvelle usine à {}, a annoncé lundi sa direction. \
         Le site doit employer {} personnes d'ici 2027. La construction commencera à l'automne, selon le communiqué. \
         La région apportera une aide de {} millions d'euros au projet, qui s'inscrit dans un plan de réindustrialisation.",
        who[i % who.len()],
        10 + i % 300,
        towns[i % towns.len()],
        50 + i % 900,
        1 + i % 9
    )
}

fn page(i: usize) -> String {
    let nav: String = (0..40)
        .map(|k| format!("<li><a href=\"/r/{k}\">Rubrique {k}</a></li>"))
        .collect();
    let paras: String = (0..6).map(|k| format!("<p>{}</p>", body(i + k))).collect();
    format!(
        "<!doctype html><html><head><title>Article {i}</title>\
         <meta property=\"article:published_time\" content=\"2024-05-13T08:00:00Z\">\
         <script>var x = {i};</script></head><body><header><nav><ul>{nav}</ul></nav></header>\
         <main><article><h1>Article {i}</h1>{paras}</article></main>\
         <aside><h3>Lire aussi</h3><ul>{nav}</ul></aside><footer>© Journal — mentions légales</footer></body></html>"
    )
}

fn bench(c: &mut Criterion) {
    let pages: Vec<String> = (0..N).map(page).collect();
    let jsonl: String = (0..N)
        .map(|i| {
            serde_json::json!({"url": format!("https://ex.org/{i}"), "title": "t", "date": "2024-05-13", "text": body(i)})
                .to_string()
                + "\n"
        })
        .collect();
    // Plain WARC, and gzip with one member per record (as Common Crawl).
    let mut warc = Vec::new();
    let mut gz = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        let rec = vigie_ingest::warc::response_record(
            &format!("https://ex.org/{i}"),
            "2024-05-13T00:00:00Z",
            p,
        );
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&rec).unwrap();
        gz.extend(e.finish().unwrap());
        warc.extend(rec);
    }

    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("html_pages", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(articles_from_bytes("p.html", p.as_bytes(), Format::Html));
            }
        })
    });
    g.bench_function("jsonl", |b| {
        b.iter(|| {
            black_box(articles_from_bytes(
                "a.jsonl",
                jsonl.as_bytes(),
                Format::Jsonl,
            ))
        })
    });
    g.bench_function("warc", |b| {
        b.iter(|| black_box(articles_from_bytes("a.warc", &warc, Format::Warc)))
    });
    g.bench_function("warc_gz", |b| {
        b.iter(|| black_box(articles_from_bytes("a.warc.gz", &gz, Format::WarcGz)))
    });
    g.finish();

    // The corpus of news pages of the integration tests (menus, banners,
    // related links, scripts): throughput in bytes of HTML.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages");
    let mut corpus: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "html"))
                .filter_map(|p| std::fs::read(p).ok())
                .collect()
        })
        .unwrap_or_default();
    corpus.sort();
    let bytes: usize = corpus.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("news_pages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("html", |b| {
        b.iter(|| {
            for p in &corpus {
                black_box(articles_from_bytes("p.html", p, Format::Html));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

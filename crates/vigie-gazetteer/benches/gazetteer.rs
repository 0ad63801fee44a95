//! Start-up and lookup speed: `cargo bench -p vigie-gazetteer`.
//!
//! Lookup runs `Gazetteer::analyze` (places, organisations, demonyms,
//! sectors; every name loaded) over 64 MB of generated French/English news
//! text, in 4 KB articles, and reports throughput.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vigie_gazetteer::Gazetteer;

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    g.bench_function("Gazetteer::new", |b| b.iter(Gazetteer::new));
    g.finish();
}

/// Deterministic pseudo-random news text (xorshift), ~4 KB per article.
fn corpus(total: usize) -> Vec<String> {
    const WORDS: &[&str] = &[
        "le",
        "la",
        "les",
        "de",
        "des",
        "investit",
        "milliards",
        "d'euros",
        "dans",
        "une",
        "usine",
        "à",
        "Mulhouse",
        "en",
        "France",
        "région",
        "parisienne",
        "Microsoft",
        "AWS",
        "centre",
        "de",
        "données",
        "plan",
        "vue",
        "nice",
        "Orange",
        "Nord",
        "Allemagne",
        "américain",
        "the",
        "company",
        "will",
        "invest",
        "in",
        "Germany",
        "data",
        "center",
        "emplois",
        "gigafactory",
        "Dunkerque",
        "Saint-Denis",
        "Auvergne-Rhône-Alpes",
        "selon",
        "Reuters",
        "Mistral",
        "AI",
        "le",
        "groupe",
        "japonais",
        "Toyota",
        "et",
        "Lyon",
        "sur",
        "trois",
        "ans",
        "Crédit",
        "Agricole",
        "Tours",
        "mars",
        "2026",
        "recrute",
        "près",
        "Marseille",
        "(Bouches-du-Rhône).",
        "Il",
        "a",
        "annoncé",
        "la",
        "société",
        "Exotec",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut docs = Vec::new();
    let mut size = 0;
    while size < total {
        let mut d = String::with_capacity(4200);
        while d.len() < 4096 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            d.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
            d.push(if x.is_multiple_of(17) { '.' } else { ' ' });
        }
        size += d.len();
        docs.push(d);
    }
    docs
}

fn lookup(c: &mut Criterion) {
    let gz = Gazetteer::new();
    let docs = corpus(64 << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("lookup");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze_64MB", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in &docs {
                let a = gz.analyze(d);
                n += a.places.len() + a.orgs.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, startup, lookup);
criterion_main!(benches);

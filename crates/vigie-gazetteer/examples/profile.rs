//! Lookup profile helper: `cargo run --release -p vigie-gazetteer --example profile [MB]`.
fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(16);
    let g = vigie_gazetteer::Gazetteer::new();
    let words = [
        "le",
        "la",
        "de",
        "des",
        "investit",
        "milliards",
        "d'euros",
        "usine",
        "plan",
        "vue",
        "nice",
        "orange",
        "tours",
        "mars",
        "the",
        "of",
        "and",
        "data",
        "center",
        "Mulhouse",
        "France",
        "Microsoft",
        "AWS",
        "Nord",
        "Allemagne",
        "américain",
        "Lyon",
        "Paris",
    ];
    let mut x: u64 = 88172645463325252;
    let mut doc = String::new();
    while doc.len() < 4096 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let w = if x.is_multiple_of(8) {
            words[19 + (x >> 8) as usize % 9]
        } else {
            words[(x >> 8) as usize % 19]
        };
        doc.push_str(w);
        doc.push(' ');
    }
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..(mb << 20) / doc.len() {
        n += g.analyze(&doc).places.len();
    }
    let s = t.elapsed().as_secs_f64();
    println!("{n} places, {:.1} MB/s", mb as f64 / s);
}

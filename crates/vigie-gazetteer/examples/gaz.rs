//! Prints what the gazetteer finds in a file: `cargo run -p vigie-gazetteer --example gaz FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let t = std::time::Instant::now();
    let g = vigie_gazetteer::Gazetteer::new();
    eprintln!("new: {:?}", t.elapsed());
    let a = g.analyze(&text);
    for p in &a.places {
        println!(
            "PLACE {:?} {:?} {} r={:?} d={:?} c={:?} {:?}",
            p.text, p.level, p.name, p.region, p.departement, p.commune, p.country
        );
    }
    for o in &a.orgs {
        println!(
            "ORG {:?} -> {} parent={:?} {:?} outlet={} known={}",
            o.text, o.canonical, o.parent, o.country, o.outlet, o.known
        );
    }
    for d in &a.demonyms {
        println!("DEM {:?} {}", d.text, d.country);
    }
    for s in &a.sectors {
        println!("SEC {:?} {}", s.text, s.sector);
    }
}

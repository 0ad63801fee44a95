//! Prints what the gazetteer finds in a text given as argument (debugging aid).
fn main() {
    let g = vigie_gazetteer::Gazetteer::new();
    for t in std::env::args().skip(1) {
        let a = g.analyze(&t);
        for p in a.places {
            println!(
                "P {} {:?} r={:?} d={:?} c={:?} {:?}",
                p.text, p.level, p.region, p.departement, p.commune, p.country
            );
        }
        for o in a.orgs {
            println!(
                "O {} -> {} parent={:?} {:?} outlet={} known={}",
                o.text, o.canonical, o.parent, o.country, o.outlet, o.known
            );
        }
        for d in a.demonyms {
            println!("D {} {}", d.text, d.country);
        }
        for s in a.sectors {
            println!("S {} {:?}", s.text, s.sector);
        }
    }
}

//! Prints the candidates and the events of text files (debugging aid):
//! `cargo run -p vigie-extract --example dump -- FILE...`
use vigie_extract::Extractor;
use vigie_model::Article;

fn main() {
    let x = Extractor::new();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let a = Article::new(path.clone(), text);
        println!("== {path}");
        if std::env::var("SENTS").is_ok() {
            for l in x.debug_text(&a.text) {
                println!("  {l}");
            }
        }
        if std::env::var("ORGS").is_ok() {
            for o in x.organisations(&a.text) {
                println!("  O {o:?}");
            }
        }
        match x.mentions(&a) {
            Ok(ms) => {
                for m in ms {
                    println!(
                        "  M {:?} inv={:?} rec={:?} amt={:?} {}\n      | {}",
                        m.kind, m.investor, m.recipient, m.amount, m.how, m.sentence
                    );
                }
            }
            Err(e) => println!("  error {e}"),
        }
        if let Ok(evs) = x.extract(&a) {
            for e in evs {
                println!(
                    "  E {} {:?} inv={:?} rec={:?} amt={:?} {:?} country={:?} places={:?} sectors={:?} jobs={:?} h={:?} conf={}",
                    e.kind,
                    e.status,
                    e.investor.map(|o| o.canonical),
                    e.recipient.map(|o| o.canonical),
                    e.amount.as_ref().map(|m| (m.value, m.currency.clone(), m.qualifier)),
                    e.evidence.len(),
                    e.country,
                    e.places.iter().map(|p| format!("{}:{:?}/{:?}", p.text, p.region, p.commune)).collect::<Vec<_>>(),
                    e.sectors,
                    e.jobs.map(|j| j.value),
                    e.horizon,
                    e.confidence
                );
            }
        }
    }
}

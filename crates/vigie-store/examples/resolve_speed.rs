//! Resolves N synthetic mentions in memory and prints the time taken: a
//! quick check of resolution speed (run it under callgrind for instruction
//! counts that do not depend on the machine's load).
//!
//! usage: resolve_speed [N=100000]

use std::time::Instant;

use vigie_store::resolve::{Mention, Resolver};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mentions: Vec<Mention> = vigie_store::synth::corpus(n, 1)
        .into_iter()
        .enumerate()
        .filter_map(|(i, (a, evs))| {
            Some(Mention {
                id: i as i64,
                article: i as i64,
                doc: a.doc,
                ordinal: 0,
                event: evs.into_iter().next()?,
            })
        })
        .collect();
    let t = Instant::now();
    let mut r = Resolver::new();
    for m in mentions {
        r.add(m);
    }
    println!(
        "{n} mentions -> {} events in {:.3} s",
        r.clusters.len(),
        t.elapsed().as_secs_f64()
    );
}

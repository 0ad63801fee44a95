//! Any text: no panic, every span is a char-boundary range of the input.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run analyze` in crates/vigie-gazetteer/fuzz.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vigie_gazetteer::Gazetteer;

fuzz_target!(|data: &[u8]| {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    let g = G.get_or_init(Gazetteer::new);
    let text = String::from_utf8_lossy(data);
    let a = g.analyze(&text);
    let spans = a
        .places
        .iter()
        .map(|p| (p.start, p.end))
        .chain(a.orgs.iter().map(|o| (o.start, o.end)))
        .chain(a.demonyms.iter().map(|d| (d.start, d.end)))
        .chain(a.sectors.iter().map(|s| (s.start, s.end)));
    for (s, e) in spans {
        assert!(s < e && text.get(s..e).is_some());
    }
});

//! decode + Document::new on arbitrary bytes: no panic, offsets map back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigie_text::{decode, normalize, Document, Lang};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data) else { return };
    let docs = [
        Document::new(&text).ok(),
        Document::with_lang(&text, Lang::En).ok(),
    ];
    for d in docs.into_iter().flatten() {
        let mut prev = 0;
        for s in &d.sentences {
            assert!(s.start >= prev && s.start < s.end && s.end <= d.text.len());
            prev = s.end;
            let orig = d.sentence_original(s);
            assert!(!orig.is_empty());
            assert_eq!(normalize(orig).text, d.sentence_text(s));
        }
        for a in vigie_text::amounts::find_amounts(&d.text, d.lang) {
            let span = d.to_original_span(a.start..a.end);
            assert!(d.original.get(span).is_some());
        }
    }
});

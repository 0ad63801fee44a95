//! JSON and JSONL article parsing on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_ingest::{articles_from_bytes, Format};

fuzz_target!(|data: &[u8]| {
    for fmt in [Format::Json, Format::Jsonl] {
        for r in articles_from_bytes("f.json", data, fmt) {
            if let Ok(a) = r {
                assert!(!a.text.is_empty());
            }
        }
    }
});

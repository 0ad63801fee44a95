//! RSS/Atom parsing and feed sniffing on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vigie_ingest::http::sniff_feed(data);
    if let Ok(items) = vigie_ingest::http::parse_feed("https://example.org/feed", data) {
        for i in items {
            assert!(!i.url.is_empty());
        }
    }
});

//! Date normalisation on arbitrary strings.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Some(d) = vigie_ingest::date::normalize_date(s) {
            assert_eq!(d.len(), 10);
        }
    }
});

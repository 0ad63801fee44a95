//! Main-content extraction on arbitrary (possibly truncated) HTML.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let p = vigie_ingest::html::extract_page(s, Some("https://example.org/a"));
        if let Some(d) = p.published {
            assert_eq!(d.len(), 10);
        }
    }
    let _ = vigie_ingest::article_from_bytes("f.html", data, vigie_ingest::Format::Html);
});

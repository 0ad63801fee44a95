//! The WARC reader on arbitrary bytes, plain and (when the input starts
//! with the gzip magic) compressed: no panic, every result well-formed.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_ingest::{articles_from_bytes, Format};

fuzz_target!(|data: &[u8]| {
    for r in articles_from_bytes("f.warc", data, Format::Warc) {
        match r {
            Ok(a) => assert_eq!(a.doc, vigie_model::doc_id(&a.text)),
            Err(e) => assert!(!e.to_string().contains('\n')),
        }
    }
    let _ = vigie_ingest::warc::parse_http_response(data);
});

//! The query-string validation of /api/events and /api/stats never panics
//! and answers a one-line 400 or a bounded query.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    for stats in [false, true] {
        match vigie_server::validate_query(raw, stats) {
            Ok(q) => assert!(q.limit >= 1 && q.limit <= 200 && q.offset <= 1_000_000),
            Err(vigie_server::ApiError::BadRequest(m)) => assert!(!m.contains('\n')),
            Err(e) => panic!("not a 400: {e:?}"),
        }
    }
});

//! `Rates::from_csv` on arbitrary text (the file of `vigie rates update`):
//! never panics; what it accepts converts without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(r) = vigie_rates::Rates::from_csv(s) {
            for c in r.currencies() {
                let _ = r.to_eur(1.0, c, Some("2024-05-13"));
                let _ = r.to_eur(1.0, c, None);
            }
            let _ = r.latest_date();
        }
    }
});

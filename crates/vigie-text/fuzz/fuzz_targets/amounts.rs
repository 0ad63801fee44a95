//! find_amounts on arbitrary text: no panic, sane spans and values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigie_text::amounts::find_amounts;
use vigie_text::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in [Lang::Fr, Lang::En] {
        let mut floor = 0;
        for a in find_amounts(text, lang) {
            assert!(a.start >= floor && a.start < a.end && a.end <= text.len());
            assert!(text.is_char_boundary(a.start) && text.is_char_boundary(a.end));
            assert!(a.value.is_finite() && a.value >= 0.0);
            if let Some(m) = a.max {
                assert!(m.is_finite() && m > a.value);
            }
            floor = a.end;
        }
    }
});

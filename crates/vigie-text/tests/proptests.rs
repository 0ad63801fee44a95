//! Property tests: amounts written in every supported notation parse back
//! exactly; the text layer never panics and its offsets always map back.

use proptest::prelude::*;
use vigie_model::Qualifier;
use vigie_text::amounts::{find_amounts, AmountKind};
use vigie_text::{decode, normalize, split_sentences, Document, Lang};

/// An amount and how it was written.
#[derive(Debug, Clone)]
struct Written {
    lang: Lang,
    sentence: String,
    text: String,
    value: f64,
    currency: Option<&'static str>,
    qualifier: Qualifier,
}

fn group(int: u64, sep: &str) -> String {
    let s = int.to_string();
    if sep.is_empty() {
        return s;
    }
    let mut out = String::new();
    let first = s.len() % 3;
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn write(
    fr: bool,
    int: u64,
    ndec: u32,
    frac_seed: u64,
    g: usize,
    sc: usize,
    cu: usize,
    qu: usize,
    attach: bool,
) -> Written {
    let lang = if fr { Lang::Fr } else { Lang::En };
    let frac = if ndec == 0 {
        0
    } else {
        frac_seed % 10u64.pow(ndec)
    };
    // Number.
    let (gseps, dsep): (&[&str], &str) = if fr {
        (&["", " ", "\u{a0}", "\u{202f}", ".", "'"], ",")
    } else {
        (&["", ","], ".")
    };
    let gsep = gseps[g % gseps.len()];
    let mut num = group(int, gsep);
    if ndec > 0 {
        num.push_str(dsep);
        num.push_str(&format!("{:0width$}", frac, width = ndec as usize));
    }
    // Scale: (text, power, needs a currency, big).
    let scales: &[(&str, i32, bool)] = if fr {
        &[
            ("", 0, false),
            ("mille", 3, false),
            ("millions", 6, false),
            ("milliards", 9, false),
            ("Md", 9, false),
            ("Mds", 9, false),
            ("M", 6, true),
            ("k", 3, true),
        ]
    } else {
        &[
            ("", 0, false),
            ("thousand", 3, false),
            ("million", 6, false),
            ("billion", 9, false),
            ("bn", 9, false),
            ("mn", 6, false),
            ("m", 6, true),
            ("k", 3, true),
        ]
    };
    let (scale, pow, needs_cur) = scales[sc % scales.len()];
    let big = pow >= 6;
    // Currency: (prefix, suffix, code).
    let mut curs: Vec<(&str, &str, Option<&'static str>)> = vec![
        ("$", "", Some("USD")),
        ("€", "", Some("EUR")),
        ("£", "", Some("GBP")),
        ("US$", "", Some("USD")),
        ("USD ", "", Some("USD")),
        ("", " €", Some("EUR")),
        ("", "€", Some("EUR")),
        ("", " euros", Some("EUR")),
        ("", " dollars", Some("USD")),
        ("", " livres sterling", Some("GBP")),
        ("", " USD", Some("USD")),
        ("", " CHF", Some("CHF")),
    ];
    if fr {
        curs.push(("", " francs suisses", Some("CHF")));
        if big {
            curs.push(("", " d'euros", Some("EUR")));
            curs.push(("", " de dollars", Some("USD")));
            curs.push(("", " d\u{2019}euros", Some("EUR")));
        }
    } else {
        curs.push(("", " Swiss francs", Some("CHF")));
        curs.push(("", " pounds", Some("GBP")));
    }
    if big && !needs_cur {
        curs.push(("", "", None));
    }
    let (pre, mut suf, code) = curs[cu % curs.len()];
    let mut code = code;
    if (needs_cur || !big) && code.is_none() {
        suf = " euros";
        code = Some("EUR");
    }
    // "€" attached to a word scale reads badly but parses; keep it.
    let scale_part = if scale.is_empty() {
        String::new()
    } else if (attach && scale.len() <= 3) || scale == "m" {
        scale.to_string()
    } else {
        format!(" {scale}")
    };
    let text = format!("{pre}{num}{scale_part}{suf}");
    // Qualifier.
    let quals: &[(&str, Qualifier)] = if fr {
        &[
            ("", Qualifier::Exact),
            ("plus de ", Qualifier::AtLeast),
            ("au moins ", Qualifier::AtLeast),
            ("près de ", Qualifier::Approx),
            ("environ ", Qualifier::Approx),
            ("jusqu'à ", Qualifier::AtMost),
            ("moins de ", Qualifier::AtMost),
        ]
    } else {
        &[
            ("", Qualifier::Exact),
            ("more than ", Qualifier::AtLeast),
            ("at least ", Qualifier::AtLeast),
            ("about ", Qualifier::Approx),
            ("nearly ", Qualifier::Approx),
            ("up to ", Qualifier::AtMost),
            ("less than ", Qualifier::AtMost),
        ]
    };
    let (qt, qualifier) = quals[qu % quals.len()];
    let sentence = if fr {
        format!("Le groupe investira {qt}{text} dans la région.")
    } else {
        format!("The group will invest {qt}{text} in the region.")
    };
    // Exact value: (int·10^ndec + frac) · 10^(pow − ndec).
    let mant = u128::from(int) * 10u128.pow(ndec) + u128::from(frac);
    let e = pow - ndec as i32;
    let value = if e >= 0 {
        (mant * 10u128.pow(e as u32)) as f64
    } else {
        mant as f64 / 10f64.powi(-e)
    };
    Written {
        lang,
        sentence,
        text,
        value,
        currency: code,
        qualifier,
    }
}

fn written() -> impl Strategy<Value = Written> {
    (
        any::<bool>(),
        prop_oneof![1u64..1000, 1000u64..1_000_000, 1_000_000u64..1_000_000_000],
        0u32..=3,
        any::<u64>(),
        0usize..16,
        0usize..16,
        0usize..32,
        0usize..16,
        any::<bool>(),
    )
        .prop_map(|(fr, int, ndec, fs, g, sc, cu, qu, at)| {
            write(fr, int, ndec, fs, g, sc, cu, qu, at)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn amounts_parse_back_exactly(w in written()) {
        let norm = normalize(&w.sentence).text;
        let got = find_amounts(&norm, w.lang);
        prop_assert_eq!(got.len(), 1, "{:?} -> {:?}", w, got);
        let a = &got[0];
        prop_assert_eq!(&norm[a.start..a.end], normalize(&w.text).text, "{:?}", w);
        // Exact to the unit (and to the f64 for decimals).
        prop_assert_eq!(a.value, w.value, "{:?}", w);
        prop_assert_eq!(a.currency, w.currency, "{:?}", w);
        prop_assert_eq!(a.qualifier, w.qualifier, "{:?}", w);
        prop_assert_eq!(a.kind, AmountKind::Money);
        prop_assert!(a.max.is_none());
    }
}

/// Fragments that exercise the normaliser, the splitter and the parser.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        "[0-9]{1,7}",
        Just(" ".to_string()),
        Just("\u{a0}".into()),
        Just("\u{202f}".into()),
        Just("\u{ad}".into()),
        Just("\r\n".into()),
        Just("\r".into()),
        Just("\n".into()),
        Just("\u{fb01}".into()),
        Just("\u{2019}".into()),
        Just("«".into()),
        Just("€".into()),
        Just("$".into()),
        Just("US$".into()),
        Just(",".into()),
        Just(".".into()),
        Just("-".into()),
        Just("'".into()),
        Just(" M. ".into()),
        Just(" milliards d'euros".into()),
        Just(" Md€".into()),
        Just("bn".into()),
        Just(" entre ".into()),
        Just(" et ".into()),
        Just(" à ".into()),
        Just(" plus de ".into()),
        Just("trois mille".into()),
        Just(" vingt-deux ".into()),
        Just(" les ".into()),
        Just(" the ".into()),
        Just("…".into()),
        Just("?".into()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(s) = decode(&bytes) {
            // Valid UTF-8 input comes back unchanged (minus a BOM).
            if let Ok(u) = std::str::from_utf8(&bytes) {
                if !bytes.contains(&0) {
                    prop_assert_eq!(s.as_str(), u.strip_prefix('\u{feff}').unwrap_or(u));
                }
            }
        }
    }

    #[test]
    fn text_layer_offsets_map_back(t in text()) {
        let n = normalize(&t);
        for r in split_sentences(&n.text) {
            prop_assert!(n.text.is_char_boundary(r.start) && n.text.is_char_boundary(r.end));
            prop_assert!(r.start < r.end);
        }
        for lang in [Lang::Fr, Lang::En] {
            let Ok(d) = Document::with_lang(&t, lang) else { continue };
            let mut prev = 0;
            for s in &d.sentences {
                prop_assert!(s.start >= prev && s.start < s.end && s.end <= d.text.len());
                prev = s.end;
                prop_assert!(d.original.is_char_boundary(s.orig_start));
                prop_assert!(d.original.is_char_boundary(s.orig_end));
                prop_assert!(s.orig_start < s.orig_end && s.orig_end <= d.original.len());
                let orig = d.sentence_original(s);
                prop_assert_eq!(orig, orig.trim());
                prop_assert_eq!(normalize(orig).text, d.sentence_text(s).to_string(), "{:?}", s);
            }
            let mut floor = 0;
            for a in find_amounts(&d.text, lang) {
                prop_assert!(a.start >= floor && a.start < a.end && a.end <= d.text.len(), "{:?}", a);
                prop_assert!(d.text.is_char_boundary(a.start) && d.text.is_char_boundary(a.end));
                prop_assert!(a.value.is_finite() && a.value >= 0.0);
                floor = a.end;
                let span = d.to_original_span(a.start..a.end);
                prop_assert!(d.original.get(span).is_some());
            }
        }
        let _ = Document::new(&t);
    }
}

//! Property tests for the parsers of outside input: dates, JSON articles,
//! WARC records.

use proptest::prelude::*;
use vigie_ingest::date::normalize_date;
use vigie_ingest::warc::{response_record, write_record};
use vigie_ingest::{articles_from_bytes, Format};

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    }
}

fn valid_date() -> impl Strategy<Value = (u32, u32, u32)> {
    (1990u32..2060, 1u32..=12).prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in(y, m)))
}

const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

proptest! {
    #[test]
    fn dates_in_every_spelling_normalise_alike((y, m, d) in valid_date(), hh in 0u32..24) {
        let want = format!("{y:04}-{m:02}-{d:02}");
        let mi = (m - 1) as usize;
        let spellings = [
            want.clone(),
            format!("{want}T{hh:02}:15:00+02:00"),
            format!("{want} {hh:02}:15"),
            format!("{d:02}/{m:02}/{y}"),
            format!("{d}.{m}.{y}"),
            format!("{d} {} {y}", FR[mi]),
            format!("mardi {d} {} {y} à {hh}h", FR[mi]),
            format!("{} {d}, {y}", EN[mi]),
            format!("Tue, {d:02} {} {y} {hh:02}:00:00 GMT", &EN[mi][..3]),
        ];
        for s in spellings {
            let got = normalize_date(&s);
            prop_assert_eq!(got.as_deref(), Some(want.as_str()), "{}", s);
        }
    }

    #[test]
    fn any_string_gives_none_or_a_valid_date(s in "\\PC{0,40}") {
        if let Some(d) = normalize_date(&s) {
            prop_assert_eq!(d.len(), 10);
            let y: u32 = d[0..4].parse().unwrap();
            let m: u32 = d[5..7].parse().unwrap();
            let day: u32 = d[8..10].parse().unwrap();
            prop_assert!((1..=12).contains(&m));
            prop_assert!(day >= 1 && day <= days_in(y, m));
        }
    }

    #[test]
    fn json_articles_round_trip(
        items in prop::collection::vec(
            ("[A-Za-zÀ-ÿ0-9 ,.'’-]{1,80}", prop::option::of("[a-z]{1,12}"), prop::option::of("[A-Za-z ]{1,20}"), prop::option::of(valid_date())),
            1..6),
        as_lines in any::<bool>(),
    ) {
        let objs: Vec<serde_json::Value> = items.iter().map(|(text, url, title, date)| {
            let mut o = serde_json::json!({ "text": text });
            if let Some(u) = url { o["url"] = format!("https://ex.org/{u}").into(); }
            if let Some(t) = title { o["title"] = t.clone().into(); }
            if let Some((y, m, d)) = date { o["date"] = format!("{d} {} {y}", FR[(*m - 1) as usize]).into(); }
            o
        }).collect();
        let (bytes, fmt) = if as_lines {
            (objs.iter().map(|o| o.to_string()).collect::<Vec<_>>().join("\n").into_bytes(), Format::Jsonl)
        } else {
            (serde_json::to_vec(&objs).unwrap(), Format::Json)
        };
        let got = articles_from_bytes("f", &bytes, fmt);
        prop_assert_eq!(got.len(), items.len());
        for (i, (r, (text, url, _title, date))) in got.iter().zip(&items).enumerate() {
            if text.trim().is_empty() {
                prop_assert!(r.is_err());
                continue;
            }
            let a = r.as_ref().unwrap();
            prop_assert_eq!(a.text.as_str(), text.trim());
            prop_assert_eq!(&a.doc, &vigie_model::doc_id(&a.text));
            let src = match url {
                Some(u) => format!("https://ex.org/{u}"),
                None if as_lines => format!("f:{}", i + 1),
                None => format!("f#{}", i + 1),
            };
            prop_assert_eq!(&a.source, &src);
            prop_assert_eq!(a.published.clone(), date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")));
        }
    }

    #[test]
    fn json_parsers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = articles_from_bytes("f", &bytes, Format::Json);
        let r = articles_from_bytes("f", &bytes, Format::Jsonl);
        // Each non-blank line gives exactly one result (or one for an empty file).
        let lines = bytes.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
        prop_assert_eq!(r.len(), lines.max(1));
    }

    #[test]
    fn warc_good_records_survive_garbage_between(
        n in 1usize..6,
        garbage in prop::collection::vec(prop::option::of("[a-zA-Z0-9][a-zA-Z0-9 :]{0,29}"), 6),
    ) {
        let mut w = Vec::new();
        let mut broken = 0;
        for (i, g) in garbage.iter().take(n).enumerate() {
            if let Some(g) = g {
                // A line that is not a record: reported, then skipped.
                w.extend_from_slice(g.as_bytes());
                w.extend_from_slice(b"\r\n");
                broken += 1;
            }
            w.extend(response_record(
                &format!("https://ex.org/{i}"),
                "2024-05-13T00:00:00Z",
                &format!("<html><body><p>Record {i} tells that Contoso invests {i} million euros in Lyon.</p></body></html>"),
            ));
        }
        let r = articles_from_bytes("w.warc", &w, Format::Warc);
        let ok: Vec<_> = r.iter().filter_map(|x| x.as_ref().ok()).collect();
        prop_assert_eq!(ok.len(), n);
        for (i, a) in ok.iter().enumerate() {
            prop_assert_eq!(&a.source, &format!("https://ex.org/{i}"));
        }
        prop_assert_eq!(r.len() - ok.len(), broken);
    }

    #[test]
    fn warc_truncated_anywhere_never_panics(cut in 0usize..2000, gz in any::<bool>()) {
        let mut w = Vec::new();
        write_record(&mut w, &[("WARC-Type", "warcinfo")], b"x: y\r\n");
        for i in 0..3 {
            w.extend(response_record(&format!("https://ex.org/{i}"), "2024-05-13T00:00:00Z", "<p>Some text here.</p>"));
        }
        let bytes = if gz {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(&w).unwrap();
            e.finish().unwrap()
        } else {
            w
        };
        let cut = cut.min(bytes.len());
        let r = articles_from_bytes("w", &bytes[..cut], Format::Warc);
        prop_assert!(r.iter().filter(|x| x.is_ok()).count() <= 3);
    }

    #[test]
    fn warc_parser_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut input = b"WARC/1.0\r\n".to_vec();
        input.extend(bytes);
        let _ = articles_from_bytes("w", &input, Format::Warc);
    }
}

//! Property tests of the rates parser (outside input: `vigie rates update`).

use proptest::prelude::*;
use vigie_rates::{RateRow, Rates};

proptest! {
    #[test]
    fn from_csv_never_panics(s in "\\PC{0,400}") {
        let _ = Rates::from_csv(&s);
    }

    #[test]
    fn from_csv_never_panics_on_csv_like_input(
        rows in proptest::collection::vec(
            ("[0-9]{4}-[0-9]{2}-[0-9]{2}", proptest::collection::vec("[0-9.NA/]{0,8}", 0..5)),
            0..20,
        )
    ) {
        let mut s = String::from("Date,USD,JPY,GBP,\n");
        for (d, cells) in rows {
            s.push_str(&d);
            for c in cells {
                s.push(',');
                s.push_str(&c);
            }
            s.push('\n');
        }
        if let Ok(r) = Rates::from_csv(&s) {
            // Every rate is usable: positive and finite.
            for row in r.rows() {
                prop_assert!(row.rate.is_finite() && row.rate > 0.0);
            }
        }
    }

    #[test]
    fn rows_round_trip_and_conversion_uses_the_previous_day(
        rates in proptest::collection::btree_map(0u32..3000, 0.01f64..1000.0, 1..50),
        probe in 0u32..3100,
    ) {
        // Day numbers -> dates in 2001-2009 (valid calendar dates only).
        let date = |d: u32| format!("{:04}-{:02}-{:02}", 2001 + d / 336, 1 + d / 28 % 12, 1 + d % 28);
        let key = |d: u32| (2001 + d / 336, 1 + d / 28 % 12, 1 + d % 28);
        let rows: Vec<RateRow> = rates
            .iter()
            .map(|(d, r)| RateRow { date: date(*d), currency: "USD".into(), rate: *r })
            .collect();
        let t = Rates::from_rows(rows.clone());
        prop_assert_eq!(Rates::from_rows(t.rows()).rows(), t.rows());
        let expected = rates
            .iter()
            .filter(|(d, _)| key(**d) <= key(probe))
            .max_by_key(|(d, _)| key(**d))
            .map(|(_, r)| *r);
        prop_assert_eq!(t.rate("USD", Some(&date(probe))), expected);
        prop_assert_eq!(t.to_eur(10.0, "EUR", Some(&date(probe))), Some(10.0));
    }
}

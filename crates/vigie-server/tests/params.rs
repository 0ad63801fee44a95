//! Property tests of the query-string validation (outside input).

use proptest::prelude::*;
use vigie_server::{validate_query, ApiError};

const KEYS: &[&str] = &[
    "investor",
    "country",
    "region",
    "departement",
    "sector",
    "kind",
    "status",
    "since",
    "until",
    "min_eur",
    "q",
    "sort",
    "order",
    "limit",
    "offset",
    "x",
    "",
];

fn pair() -> impl Strategy<Value = String> {
    (prop::sample::select(KEYS), "(?s).{0,12}").prop_map(|(k, v)| {
        let enc: String = url_encode(&v);
        format!("{k}={enc}")
    })
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn control_characters_in_names_and_values_stay_on_one_line() {
    for raw in [
        "\n",
        "a\nb=1",
        "kind=a%0Ab",
        "%0A=1",
        "q=a%0Ab&colour=x%0Dy",
        "investor=%1B[31m",
    ] {
        match validate_query(raw, false) {
            Err(ApiError::BadRequest(m)) => assert!(
                !m.contains('\n') && !m.contains('\r') && !m.contains('\u{1b}'),
                "{raw:?}: {m}"
            ),
            other => panic!("{raw:?}: expected a 400, got {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any query string gives a query or a one-line 400, never a panic.
    #[test]
    fn any_query_string_is_answered(raw in "(?s).{0,200}", stats in any::<bool>()) {
        match validate_query(&raw, stats) {
            Ok(q) => {
                prop_assert!(q.limit >= 1 && q.limit <= 200);
                prop_assert!(q.offset <= 1_000_000);
            }
            Err(ApiError::BadRequest(m)) => prop_assert!(!m.is_empty() && !m.contains('\n')),
            Err(e) => prop_assert!(false, "not a 400: {e:?}"),
        }
    }

    #[test]
    fn structured_query_strings_are_answered(pairs in prop::collection::vec(pair(), 0..6), stats in any::<bool>()) {
        let raw = pairs.join("&");
        match validate_query(&raw, stats) {
            Ok(q) => {
                if let Some(m) = q.min_eur { prop_assert!(m.is_finite() && m >= 0.0); }
                if let Some(c) = &q.country { prop_assert!(c.len() == 2); }
            }
            Err(ApiError::BadRequest(m)) => prop_assert!(!m.contains('\n')),
            Err(e) => prop_assert!(false, "not a 400: {e:?}"),
        }
    }

    /// Well-formed values are always accepted and kept.
    #[test]
    fn valid_filters_are_accepted(
        y in 1990u32..2100, m in 1u32..=12, d in 1u32..=28,
        limit in 1u32..=200, offset in 0u32..=1_000_000,
        eur in 0u64..10_000_000_000,
        sector in prop::sample::select(vigie_model::Sector::ALL),
        kind in prop::sample::select(vigie_model::Kind::ALL),
    ) {
        let raw = format!(
            "since={y}-{m:02}-{d:02}&until={}&limit={limit}&offset={offset}&min_eur={eur}&sector={}&kind={}&sort=eur&order=asc&country=fr&departement=2a",
            y + 1, sector.as_str(), kind.as_str()
        );
        let q = validate_query(&raw, false).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(q.limit, limit);
        prop_assert_eq!(q.offset, offset);
        prop_assert_eq!(q.min_eur, Some(eur as f64));
        prop_assert_eq!(q.sector.as_deref(), Some(sector.as_str()));
        prop_assert_eq!(q.country.as_deref(), Some("FR"));
        prop_assert_eq!(q.departement.as_deref(), Some("2A"));
        prop_assert!(!q.desc);
    }
}

//! Property tests: user text given to `--search` never breaks the query,
//! and resolution does not depend on how mentions are batched.

use proptest::prelude::*;
use vigie_store::{EventQuery, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tmp");
    let mut st = Store::open(&dir.path().join("p.db")).expect("open");
    st.ingest_batch(&vigie_store::synth::corpus(30, 5))
        .expect("ingest");
    (dir, st)
}

#[test]
fn filtered_and_unfiltered_stats_agree() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut st = Store::open(&dir.path().join("s.db")).expect("open");
    st.ingest_batch(&vigie_store::synth::corpus(3000, 11))
        .expect("ingest");
    let all = st.stats(&EventQuery::default()).expect("all");
    let everything = EventQuery {
        since: Some("1900".into()),
        ..EventQuery::default()
    };
    let f = st.stats(&everything).expect("filtered");
    assert_eq!(all.events, f.events);
    assert_eq!(all.jobs, f.jobs);
    assert!((all.eur - f.eur).abs() <= 1e-6 * all.eur);
    for (a, b) in [
        (&all.by_sector, &f.by_sector),
        (&all.by_region, &f.by_region),
        (&all.by_departement, &f.by_departement),
        (&all.by_investor, &f.by_investor),
        (&all.by_month, &f.by_month),
        (&all.by_kind, &f.by_kind),
    ] {
        let keys = |v: &[vigie_store::Bucket]| -> Vec<(String, String, u64, u64)> {
            v.iter()
                .map(|b| (b.key.clone(), b.label.clone(), b.events, b.jobs))
                .collect()
        };
        assert_eq!(keys(a), keys(b));
        for (x, y) in a.iter().zip(b.iter()) {
            assert!(
                (x.eur - y.eur).abs() <= 1e-6 * x.eur.max(1.0),
                "{x:?} {y:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn plain_search_text_never_errors(s in "[\\p{L}\\p{N} '’.,:;!?&%$€/-]{0,40}") {
        let (_d, st) = store();
        let q = EventQuery { search: Some(s), ..EventQuery::default() };
        prop_assert!(st.events(&q).is_ok());
        prop_assert!(st.stats(&q).is_ok());
    }

    #[test]
    fn any_search_text_is_ok_or_a_clear_error(s in "\\PC{0,30}") {
        let (_d, st) = store();
        let q = EventQuery { search: Some(s), ..EventQuery::default() };
        match st.events(&q) {
            Ok(_) | Err(vigie_store::StoreError::Invalid(_)) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn batching_does_not_change_the_ledger(cuts in proptest::collection::vec(1usize..40, 1..6)) {
        let corpus = vigie_store::synth::corpus(60, 9);
        let dir = tempfile::tempdir().expect("tmp");
        let mut one = Store::open(&dir.path().join("one.db")).expect("open");
        one.ingest_batch(&corpus).expect("one");
        let mut many = Store::open(&dir.path().join("many.db")).expect("open");
        let mut rest = corpus.as_slice();
        for c in cuts.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (a, b) = rest.split_at((*c).min(rest.len()));
            many.ingest_batch(a).expect("batch");
            rest = b;
        }
        let all = EventQuery { limit: 0, desc: false, ..EventQuery::default() };
        prop_assert_eq!(one.events(&all).expect("one").events, many.events(&all).expect("many").events);
    }
}

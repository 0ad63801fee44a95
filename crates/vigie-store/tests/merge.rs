//! Resolution across articles: the merge cases of the ledger issue.

mod common;

use common::*;
use vigie_model::{Kind, Sector};
use vigie_store::EventQuery;

fn all(st: &vigie_store::Store) -> Vec<vigie_model::Event> {
    st.events(&EventQuery {
        limit: 0,
        sort: vigie_store::SortKey::Published,
        desc: false,
        ..EventQuery::default()
    })
    .expect("events")
    .events
}

#[test]
fn several_outlets_with_rounding_and_wording_merge() {
    let (_d, mut st) = store();
    let batch = vec![
        item(Spec {
            source: "https://lemonde.example/msft",
            text: "Microsoft va investir 4 milliards d'euros en France.",
            amount: Some(4e9),
            places: vec![region("Île-de-France", "11")],
            ..Spec::default()
        }),
        item(Spec {
            source: "https://lesechos.example/msft",
            date: "2024-05-14",
            text: "Microsoft annonce 4,1 milliards d'euros pour ses centres de données à Mulhouse et en Île-de-France.",
            investor: "Microsoft France",
            amount: Some(4.1e9),
            places: vec![commune("Mulhouse", "44", "68", "68224"), region("Île-de-France", "11")],
            sectors: vec![Sector::DatacenterCloud, Sector::Ai],
            jobs: Some(3000),
            ..Spec::default()
        }),
        item(Spec {
            source: "https://reuters.example/msft",
            date: "2024-05-13",
            text: "Microsoft to invest about 4 billion euros in France (Choose France).",
            amount: Some(4e9),
            sectors: vec![Sector::Ai],
            ..Spec::default()
        }),
    ];
    let rep = st.ingest_batch(&batch).expect("ingest");
    assert_eq!(rep.articles_new, 3);
    assert_eq!(rep.events_new, 1, "{rep:?}");
    assert_eq!(rep.events_merged, 2);
    let evs = all(&st);
    assert_eq!(evs.len(), 1);
    let e = &evs[0];
    assert_eq!(e.sources.len(), 3);
    assert_eq!(e.evidence.len(), 3);
    assert_eq!(
        e.amount.as_ref().map(|a| a.value),
        Some(4e9),
        "mode of the amounts"
    );
    assert_eq!(e.jobs.as_ref().map(|j| j.value), Some(3000));
    assert_eq!(e.published.as_deref(), Some("2024-05-13"));
    assert_eq!(
        e.places.first().and_then(|p| p.commune.as_deref()),
        Some("68224")
    );
    assert!(e.sectors.contains(&Sector::Ai) && e.sectors.contains(&Sector::DatacenterCloud));
    assert!(e.confidence > 0.8);

    let ex = st.explain(&e.id).expect("explain").expect("some");
    assert_eq!(ex.steps.len(), 3);
    assert_eq!(ex.steps[0].rule, "seed");
    assert!(ex.steps[1..]
        .iter()
        .all(|s| s.rule == "amount" && s.score > 0.5));
}

#[test]
fn different_countries_and_amounts_stay_apart() {
    let (_d, mut st) = store();
    let batch = vec![
        item(Spec {
            source: "a",
            text: "Microsoft invests 4 bn EUR in France.",
            ..Spec::default()
        }),
        item(Spec {
            source: "b",
            date: "2024-02-15",
            text: "Microsoft invests 3.2 bn EUR in Germany.",
            amount: Some(3.2e9),
            country: "DE",
            ..Spec::default()
        }),
        // Same country, 3.2 vs 4 bn: still apart (20 % apart).
        item(Spec {
            source: "c",
            text: "Microsoft invests 3.2 bn EUR in France.",
            amount: Some(3.2e9),
            ..Spec::default()
        }),
    ];
    st.ingest_batch(&batch).expect("ingest");
    assert_eq!(all(&st).len(), 3);
}

#[test]
fn two_sites_of_one_company_stay_apart() {
    let (_d, mut st) = store();
    let batch = vec![
        item(Spec {
            source: "a",
            text: "ProLogium builds a gigafactory in Dunkerque for 5.2 bn EUR.",
            investor: "ProLogium",
            amount: Some(5.2e9),
            places: vec![commune("Dunkerque", "32", "59", "59183")],
            sectors: vec![Sector::BatteriesEv],
            ..Spec::default()
        }),
        item(Spec {
            source: "b",
            text: "ProLogium plans a second plant in Fos-sur-Mer for 5 bn EUR.",
            investor: "ProLogium",
            amount: Some(5e9),
            places: vec![commune("Fos-sur-Mer", "93", "13", "13039")],
            sectors: vec![Sector::BatteriesEv],
            ..Spec::default()
        }),
        // No amount: joins only on the same commune and sector.
        item(Spec {
            source: "c",
            text: "ProLogium will hire 3000 people at Dunkerque.",
            investor: "ProLogium",
            amount: None,
            kind: Kind::Jobs,
            jobs: Some(3000),
            places: vec![commune("Dunkerque", "32", "59", "59183")],
            sectors: vec![Sector::BatteriesEv],
            ..Spec::default()
        }),
        // No amount, no place: stays apart.
        item(Spec {
            source: "d",
            text: "ProLogium will hire engineers.",
            investor: "ProLogium",
            amount: None,
            kind: Kind::Jobs,
            jobs: Some(50),
            sectors: vec![Sector::BatteriesEv],
            ..Spec::default()
        }),
    ];
    st.ingest_batch(&batch).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 3, "{evs:#?}");
    let dk = evs
        .iter()
        .find(|e| {
            e.places
                .iter()
                .any(|p| p.commune.as_deref() == Some("59183"))
        })
        .expect("dunkerque");
    assert_eq!(dk.kind, Kind::Capex);
    assert_eq!(dk.sources.len(), 2);
    assert_eq!(dk.jobs.as_ref().map(|j| j.value), Some(3000));
}

#[test]
fn same_size_a_year_apart_stays_apart() {
    let (_d, mut st) = store();
    let batch = vec![
        item(Spec {
            source: "a",
            date: "2023-05-15",
            text: "Amazon invests 1.2 bn EUR in France.",
            investor: "Amazon",
            amount: Some(1.2e9),
            ..Spec::default()
        }),
        item(Spec {
            source: "b",
            date: "2024-05-13",
            text: "Amazon invests 1.2 bn EUR in France again.",
            investor: "Amazon",
            amount: Some(1.2e9),
            ..Spec::default()
        }),
        item(Spec {
            source: "c",
            date: "2024-06-20",
            text: "Amazon's 1.2 bn EUR plan for France, five weeks on.",
            investor: "Amazon",
            amount: Some(1.2e9),
            ..Spec::default()
        }),
    ];
    st.ingest_batch(&batch).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 2);
    assert_eq!(evs[0].published.as_deref(), Some("2023-05-15"));
    assert_eq!(evs[1].sources.len(), 2);
}

#[test]
fn round_up_merges_with_the_dedicated_article_across_batches() {
    let (_d, mut st) = store();
    // A round-up of Choose France lists several projects, without places.
    let mut a = vigie_model::Article::new(
        "https://roundup.example/choose-france",
        "Choose France: Microsoft 4 bn, Amazon 1.2 bn, Pfizer 500 M.",
    );
    a.published = Some("2024-05-13".into());
    let mk = |inv: &str, v: f64, sector: Sector| {
        event_of(
            &a,
            &Spec {
                investor: inv,
                amount: Some(v),
                sectors: vec![sector],
                ..Spec::default()
            },
        )
    };
    let events = vec![
        mk("Microsoft", 4e9, Sector::DatacenterCloud),
        mk("Amazon", 1.2e9, Sector::Logistics),
        mk("Pfizer", 5e8, Sector::PharmaHealth),
    ];
    st.ingest_batch(&[(a.clone(), events)]).expect("roundup");
    // Later, in another batch, the dedicated article on Pfizer.
    let rep = st
        .ingest_batch(&[item(Spec {
            source: "https://pharma.example/pfizer",
            date: "2024-05-14",
            text: "Pfizer will invest 500 million euros in France, mostly in Amboise.",
            investor: "Pfizer",
            amount: Some(5e8),
            places: vec![commune("Amboise", "24", "37", "37003")],
            sectors: vec![Sector::PharmaHealth],
            ..Spec::default()
        })])
        .expect("dedicated");
    assert_eq!(rep.events_merged, 1, "{rep:?}");
    let evs = all(&st);
    assert_eq!(evs.len(), 3);
    let pf = evs
        .iter()
        .find(|e| e.investor.as_ref().is_some_and(|o| o.canonical == "Pfizer"))
        .expect("pfizer");
    assert_eq!(pf.sources.len(), 2);
    assert_eq!(pf.places.len(), 1);

    // A full re-resolution gives the same ledger, ids included.
    st.resolve_all().expect("resolve");
    assert_eq!(all(&st), evs);
}

#[test]
fn event_ids_are_stable_and_independent_of_batching() {
    let specs = || {
        vec![
            item(Spec {
                source: "a",
                text: "Microsoft 4 bn.",
                ..Spec::default()
            }),
            item(Spec {
                source: "b",
                text: "Microsoft 4.05 bn.",
                amount: Some(4.05e9),
                ..Spec::default()
            }),
            item(Spec {
                source: "c",
                text: "Amazon 1.2 bn.",
                investor: "Amazon",
                amount: Some(1.2e9),
                ..Spec::default()
            }),
        ]
    };
    let (_d1, mut one) = store();
    one.ingest_batch(&specs()).expect("one batch");
    let (_d2, mut many) = store();
    for it in specs() {
        many.ingest_batch(&[it]).expect("batch of one");
    }
    assert_eq!(all(&one), all(&many));
}

#[test]
fn same_figure_same_week_tolerates_different_sites_and_kind_labels() {
    let (_d, mut st) = store();
    let batch = vec![
        item(Spec {
            source: "a",
            text: "Microsoft: 4 bn EUR, including a data centre near Versailles.",
            places: vec![commune("Versailles", "11", "78", "78646")],
            ..Spec::default()
        }),
        item(Spec {
            source: "b",
            date: "2024-05-14",
            text: "Microsoft: 4 bn EUR, with a new campus in Mulhouse.",
            places: vec![commune("Mulhouse", "44", "68", "68224")],
            kind: Kind::Equity,
            ..Spec::default()
        }),
        // Same company, same figure, another commune, five weeks later: a second site.
        item(Spec {
            source: "c",
            date: "2024-06-20",
            text: "Microsoft: 4 bn EUR for a site in Lyon.",
            places: vec![commune("Lyon", "84", "69", "69123")],
            ..Spec::default()
        }),
    ];
    st.ingest_batch(&batch).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert_eq!(evs[0].sources.len(), 2);
    assert_eq!(evs[0].kind, Kind::Capex);
    assert_eq!(evs[0].places.len(), 2);
    let ex = st.explain(&evs[0].id).expect("explain").expect("some");
    assert_eq!(ex.steps[1].rule, "amount (kinds differ)");
}

#[test]
fn a_later_article_recalling_the_commitment_joins_it() {
    let (_d, mut st) = store();
    let batch = vec![
        item(Spec {
            source: "feb",
            date: "2024-02-15",
            text: "Microsoft invests 3.2 bn EUR in Germany.",
            investor: "Microsoft",
            amount: Some(3.2e9),
            country: "DE",
            ..Spec::default()
        }),
        item(Spec {
            source: "may",
            date: "2024-05-13",
            text: "Earlier this year, the company announced 3.2 bn EUR for Germany.",
            investor: "Microsoft",
            amount: Some(3.2e9),
            country: "DE",
            ..Spec::default()
        }),
        // The same size, a year later, with nothing that looks back: a new commitment.
        item(Spec {
            source: "next-year",
            date: "2025-02-20",
            text: "Microsoft will invest 3.2 bn EUR in German data centres.",
            investor: "Microsoft",
            amount: Some(3.2e9),
            country: "DE",
            ..Spec::default()
        }),
    ];
    st.ingest_batch(&batch).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert_eq!(evs[0].published.as_deref(), Some("2024-02-15"));
    assert_eq!(evs[0].sources.len(), 2);
    assert_eq!(evs[1].sources.len(), 1);
}

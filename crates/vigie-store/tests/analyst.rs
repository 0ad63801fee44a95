//! Resolution as a demanding analyst expects it: one event per commitment
//! however the outlets word it, and distinct commitments kept apart.
//! Articles and events are hand-written, as the extractor would give them.

mod common;

use common::*;
use vigie_model::{Event, Kind, Money, Place, Qualifier, Sector, Status};
use vigie_store::{EventQuery, Store};

fn all(st: &Store) -> Vec<Event> {
    st.events(&EventQuery {
        limit: 0,
        sort: vigie_store::SortKey::Published,
        desc: false,
        ..EventQuery::default()
    })
    .expect("events")
    .events
}

fn with(
    mut it: (vigie_model::Article, Vec<Event>),
    f: impl Fn(&mut Event),
) -> (vigie_model::Article, Vec<Event>) {
    it.1.iter_mut().for_each(f);
    it
}

/// A place of national scope ("en France").
fn france() -> Place {
    Place {
        text: "France".into(),
        country: Some("FR".into()),
        region: None,
        departement: None,
        commune: None,
    }
}

fn money(value: f64, currency: &str, qualifier: Qualifier) -> Money {
    Money {
        value,
        currency: Some(currency.into()),
        qualifier,
        max: None,
        eur: None,
    }
}

#[test]
fn the_same_commitment_in_french_and_in_english_is_one_event() {
    let (_d, mut st) = store();
    let fr = item(Spec {
        source: "https://fr.example/msft",
        date: "2024-05-13",
        text: "Microsoft France va investir 4 milliards d'euros en France dans le cloud.",
        investor: "Microsoft France",
        amount: Some(4e9),
        places: vec![commune("Mulhouse", "44", "68", "68224")],
        sectors: vec![Sector::DatacenterCloud],
        ..Spec::default()
    });
    // The English wire gives the dollar figure only, a day later.
    let en = with(
        item(Spec {
            source: "https://en.example/msft",
            date: "2024-05-14",
            text: "Microsoft Corp will invest $4.3 billion in France, it said.",
            investor: "Microsoft Corp",
            sectors: vec![Sector::Ai],
            ..Spec::default()
        }),
        |e| e.amount = Some(money(4.3e9, "USD", Qualifier::Exact)),
    );
    st.ingest_batch(&[fr, en]).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].sources.len(), 2);
    assert_eq!(evs[0].amount.as_ref().map(|a| a.value), Some(4e9));
}

#[test]
fn an_outlet_that_rounds_joins_and_the_exact_figure_is_kept() {
    let (_d, mut st) = store();
    // The round-up comes first with its rounded bound, then the dedicated article.
    let rounded = with(
        item(Spec {
            source: "https://roundup.example/sanofi",
            text: "Sanofi va investir plus d'un milliard d'euros dans la bioproduction.",
            investor: "Sanofi",
            sectors: vec![Sector::PharmaHealth],
            ..Spec::default()
        }),
        |e| e.amount = Some(money(1e9, "EUR", Qualifier::AtLeast)),
    );
    let exact = item(Spec {
        source: "https://pharma.example/sanofi",
        text: "Sanofi investira 1,05 milliard d'euros dans la bioproduction.",
        investor: "Sanofi",
        amount: Some(1.05e9),
        sectors: vec![Sector::PharmaHealth],
        ..Spec::default()
    });
    st.ingest_batch(&[rounded, exact]).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let a = evs[0].amount.as_ref().expect("amount");
    assert_eq!(a.value, 1.05e9, "the exact figure, not the bound");
    assert_eq!(a.qualifier, Qualifier::Exact);
}

#[test]
fn a_later_article_updates_the_status_of_the_one_event() {
    let (_d, mut st) = store();
    let announce = |source, date, text| {
        item(Spec {
            source,
            date,
            text,
            investor: "General Catalyst",
            amount: Some(6e8),
            kind: Kind::Equity,
            sectors: vec![Sector::Ai],
            ..Spec::default()
        })
    };
    // Two outlets announce, a third reports the round closed a month later.
    st.ingest_batch(&[
        announce(
            "https://a.example/1",
            "2024-06-11",
            "Mistral AI lève 600 millions d'euros.",
        ),
        announce(
            "https://b.example/1",
            "2024-06-12",
            "Mistral AI to raise 600 million euros.",
        ),
    ])
    .expect("announcements");
    st.ingest_batch(&[with(
        announce(
            "https://c.example/closed",
            "2024-07-15",
            "Mistral AI a bouclé sa levée de 600 millions d'euros.",
        ),
        |e| e.status = Status::Completed,
    )])
    .expect("closing");
    let evs = all(&st);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].status, Status::Completed);
    assert_eq!(evs[0].sources.len(), 3);

    // A project called off: the cancellation wins over earlier announcements.
    let (_d, mut st) = store();
    let plant = |source, date, text| {
        item(Spec {
            source,
            date,
            text,
            investor: "Acme",
            amount: Some(3e8),
            places: vec![commune("Dunkerque", "32", "59", "59183")],
            sectors: vec![Sector::BatteriesEv],
            ..Spec::default()
        })
    };
    st.ingest_batch(&[
        plant(
            "https://a.example/acme",
            "2024-03-01",
            "Acme va investir 300 millions d'euros à Dunkerque.",
        ),
        plant(
            "https://b.example/acme",
            "2024-03-02",
            "Acme will invest 300 million euros in Dunkirk.",
        ),
        with(
            plant(
                "https://c.example/acme",
                "2024-04-20",
                "Acme renonce à son projet de 300 millions d'euros à Dunkerque.",
            ),
            |e| e.status = Status::Cancelled,
        ),
    ])
    .expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].status, Status::Cancelled);
    assert_eq!(evs[0].published.as_deref(), Some("2024-03-01"));
}

#[test]
fn two_sites_of_one_company_in_the_same_week_stay_apart() {
    let (_d, mut st) = store();
    let site = |source, date, text, place| {
        item(Spec {
            source,
            date,
            text,
            investor: "Renault",
            amount: Some(1e8),
            places: vec![place],
            sectors: vec![Sector::Automotive],
            ..Spec::default()
        })
    };
    // Same company, same figure, two towns, two days apart, each article
    // about its own site: two commitments.
    st.ingest_batch(&[
        site(
            "https://nord.example/renault",
            "2024-05-13",
            "Renault va investir 100 millions d'euros dans son usine de Douai.",
            commune("Douai", "32", "59", "59178"),
        ),
        site(
            "https://normandie.example/renault",
            "2024-05-15",
            "Renault investira 100 millions d'euros à Cléon.",
            commune("Cléon", "28", "76", "76178"),
        ),
        // A different amount at a third site the same week.
        with(
            site(
                "https://idf.example/renault",
                "2024-05-14",
                "Renault consacre 250 millions d'euros à Flins.",
                commune("Flins-sur-Seine", "11", "78", "78238"),
            ),
            |e| e.amount = Some(money(2.5e8, "EUR", Qualifier::Exact)),
        ),
        // A second report on Douai joins the Douai event.
        site(
            "https://lille.example/renault",
            "2024-05-16",
            "A Douai, Renault met 100 millions d'euros sur la table.",
            commune("Douai", "32", "59", "59178"),
        ),
    ])
    .expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 3, "{evs:#?}");
    let douai = evs
        .iter()
        .find(|e| {
            e.places
                .iter()
                .any(|p| p.commune.as_deref() == Some("59178"))
        })
        .expect("douai");
    assert_eq!(douai.sources.len(), 2);
    assert!(!douai
        .places
        .iter()
        .any(|p| p.commune.as_deref() == Some("76178")));
}

#[test]
fn two_sites_in_one_article_stay_apart_even_with_a_national_figure() {
    let (_d, mut st) = store();
    let mut a = vigie_model::Article::new(
        "https://eco.example/acme-two-plants",
        "Acme investira 50 millions d'euros en France à Lyon, et 50 millions d'euros à Rennes.",
    );
    a.published = Some("2024-05-13".into());
    let at = |place| {
        event_of(
            &a,
            &Spec {
                investor: "Acme",
                amount: Some(5e7),
                places: vec![place, france()],
                ..Spec::default()
            },
        )
    };
    let evs = vec![
        at(commune("Lyon", "84", "69", "69123")),
        at(commune("Rennes", "53", "35", "35238")),
    ];
    st.ingest_batch(&[(a.clone(), evs)]).expect("ingest");
    assert_eq!(all(&st).len(), 2);
}

#[test]
fn a_retrospective_mention_finds_its_event_in_an_earlier_batch() {
    let (_d, mut st) = store();
    st.ingest_batch(&[item(Spec {
        source: "https://a.example/feb",
        date: "2024-02-15",
        text: "Microsoft invests 3.2 bn EUR in Germany.",
        amount: Some(3.2e9),
        country: "DE",
        ..Spec::default()
    })])
    .expect("february");
    let rep = st
        .ingest_batch(&[item(Spec {
            source: "https://b.example/may",
            date: "2024-05-14",
            text: "Elsewhere in Europe, Microsoft announced 3.2 bn EUR for Germany in February.",
            amount: Some(3.2e9),
            country: "DE",
            ..Spec::default()
        })])
        .expect("may");
    assert_eq!(rep.events_merged, 1, "{rep:?}");
    let evs = all(&st);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].sources.len(), 2);
    // Re-resolving everything at once gives the same ledger.
    st.resolve_all().expect("resolve");
    assert_eq!(all(&st), evs);
}

fn round(
    source: &'static str,
    date: &'static str,
    text: &'static str,
    investor: Option<&str>,
) -> (vigie_model::Article, Vec<Event>) {
    let inv = investor.map(str::to_string);
    with(
        item(Spec {
            source,
            date,
            text,
            investor: "placeholder",
            amount: Some(3.85e8),
            kind: Kind::Equity,
            sectors: vec![Sector::Ai],
            ..Spec::default()
        }),
        move |e| {
            e.investor = inv.as_deref().map(org);
            e.recipient = Some(org("Mistral AI"));
        },
    )
}

#[test]
fn a_round_is_one_event_whichever_lead_investor_outlets_name() {
    let (_d, mut st) = store();
    st.ingest_batch(&[round(
        "https://a.example/round",
        "2023-12-11",
        "Mistral AI lève 385 millions d'euros, un tour mené par Andreessen Horowitz.",
        Some("Andreessen Horowitz"),
    )])
    .expect("first");
    // Another outlet names the co-lead, in a later batch; a third names nobody.
    st.ingest_batch(&[
        round(
            "https://b.example/round",
            "2023-12-12",
            "Mistral AI raises 385 million euros in a round led by Lightspeed.",
            Some("Lightspeed Venture Partners"),
        ),
        round(
            "https://c.example/round",
            "2023-12-12",
            "Mistral AI boucle une levée de 385 millions d'euros.",
            None,
        ),
    ])
    .expect("second");
    let evs = all(&st);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].sources.len(), 3);
    st.resolve_all().expect("resolve");
    assert_eq!(all(&st), evs);
}

#[test]
fn investors_of_one_recipient_with_different_figures_stay_apart() {
    let (_d, mut st) = store();
    // The round (1.7 bn, led by ASML) and ASML's own share of it (1.3 bn).
    let round17 = with(
        round(
            "https://a.example/c",
            "2025-09-09",
            "Mistral AI lève 1,7 milliard d'euros, mené par ASML.",
            Some("ASML"),
        ),
        |e| e.amount = Some(money(1.7e9, "EUR", Qualifier::Exact)),
    );
    let asml13 = with(
        round(
            "https://b.example/c",
            "2025-09-09",
            "ASML invests 1.3 billion euros in Mistral AI.",
            Some("ASML"),
        ),
        |e| e.amount = Some(money(1.3e9, "EUR", Qualifier::Exact)),
    );
    // Two different investors, the same recipient, figures 10 % apart: two tickets.
    let nvidia = with(
        round(
            "https://c.example/c",
            "2025-09-10",
            "Nvidia met 100 millions d'euros dans Mistral AI.",
            Some("Nvidia"),
        ),
        |e| e.amount = Some(money(1e8, "EUR", Qualifier::Exact)),
    );
    let samsung = with(
        round(
            "https://d.example/c",
            "2025-09-10",
            "Samsung puts 110 million euros into Mistral AI.",
            Some("Samsung"),
        ),
        |e| e.amount = Some(money(1.1e8, "EUR", Qualifier::Exact)),
    );
    st.ingest_batch(&[round17, asml13, nvidia, samsung])
        .expect("ingest");
    assert_eq!(all(&st).len(), 4);
}

#[test]
fn an_outlet_s_short_form_of_the_investor_joins_the_event() {
    let (_d, mut st) = store();
    st.ingest_batch(&[item(Spec {
        source: "https://a.example/plant",
        text: "Acme Battery Technology va investir 5,2 milliards d'euros à Dunkerque.",
        investor: "Acme Battery Technology",
        amount: Some(5.2e9),
        places: vec![commune("Dunkerque", "32", "59", "59183")],
        sectors: vec![Sector::BatteriesEv],
        ..Spec::default()
    })])
    .expect("first");
    st.ingest_batch(&[
        item(Spec {
            source: "https://b.example/plant",
            date: "2024-05-14",
            text: "Acme will invest 5.2 billion euros in Dunkirk.",
            investor: "Acme",
            amount: Some(5.2e9),
            places: vec![commune("Dunkerque", "32", "59", "59183")],
            sectors: vec![Sector::BatteriesEv],
            ..Spec::default()
        }),
        // A name that merely starts the same way is another company.
        item(Spec {
            source: "https://c.example/plant",
            date: "2024-05-14",
            text: "Acmeco investira 5,2 milliards d'euros à Dunkerque.",
            investor: "Acmeco",
            amount: Some(5.2e9),
            places: vec![commune("Dunkerque", "32", "59", "59183")],
            sectors: vec![Sector::BatteriesEv],
            ..Spec::default()
        }),
    ])
    .expect("second");
    let evs = all(&st);
    assert_eq!(evs.len(), 2, "{evs:#?}");
    let acme = evs
        .iter()
        .find(|e| e.sources.len() == 2)
        .expect("the merged event");
    assert!(acme
        .sources
        .iter()
        .all(|s| s.starts_with("https://a.") || s.starts_with("https://b.")));
    let ex = st.explain(&acme.id).expect("explain").expect("some");
    assert_eq!(ex.steps[1].rule, "amount (investor alias)");
}

#[test]
fn opening_a_database_of_an_older_schema_fills_the_secondary_keys() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v8.db");
    {
        let mut st = Store::open(&path).expect("open");
        st.ingest_batch(&[round(
            "https://a.example/round",
            "2023-12-11",
            "Mistral AI lève 385 millions d'euros, un tour mené par Andreessen Horowitz.",
            Some("Andreessen Horowitz"),
        )])
        .expect("ingest");
        // As a database of schema 8 would be: no secondary keys.
        st.connection()
            .execute_batch("DROP TABLE event_keys; PRAGMA user_version = 8;")
            .expect("downgrade");
    }
    let mut st = Store::open(&path).expect("migrate");
    let keys: Vec<String> = st
        .connection()
        .prepare("SELECT key FROM event_keys ORDER BY key")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(keys, ["p:andreessen", "r:mistral ai"]);
    // And a later report naming the co-lead finds the old event.
    st.ingest_batch(&[round(
        "https://b.example/round",
        "2023-12-12",
        "Mistral AI raises 385 million euros in a round led by Lightspeed.",
        Some("Lightspeed Venture Partners"),
    )])
    .expect("second");
    assert_eq!(all(&st).len(), 1);
}

#[test]
fn a_site_without_a_figure_reported_by_two_outlets_is_one_event() {
    let (_d, mut st) = store();
    let depot = |source, date, text| {
        item(Spec {
            source,
            date,
            text,
            investor: "Amazon",
            amount: None,
            places: vec![region("Auvergne-Rhône-Alpes", "84")],
            sectors: vec![Sector::Logistics],
            ..Spec::default()
        })
    };
    st.ingest_batch(&[
        depot(
            "https://a.example/depot",
            "2024-05-13",
            "Amazon ouvrira un nouveau centre de distribution en Auvergne-Rhône-Alpes.",
        ),
        depot(
            "https://b.example/depot",
            "2024-05-13",
            "Amazon plans a new distribution centre in the Auvergne-Rhone-Alpes region.",
        ),
        // Months later, a figureless site in the same region: another one.
        depot(
            "https://c.example/depot",
            "2024-06-20",
            "Amazon ouvrira un autre entrepôt en Auvergne-Rhône-Alpes.",
        ),
    ])
    .expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert_eq!(evs[0].sources.len(), 2);
}

#[test]
fn a_recollection_ingested_before_the_original_report_still_meets_it() {
    let recall = || {
        item(Spec {
            source: "https://a.example/may",
            date: "2024-05-13",
            text: "Cette annonce intervient trois mois après celle d'un investissement de 3,2 milliards d'euros en Allemagne.",
            amount: Some(3.2e9),
            country: "DE",
            ..Spec::default()
        })
    };
    let original = |source, date, text| {
        item(Spec {
            source,
            date,
            text,
            amount: Some(3.2e9),
            country: "DE",
            ..Spec::default()
        })
    };
    let feb = || {
        original(
            "https://b.example/feb",
            "2024-02-15",
            "Microsoft will invest 3.2 billion euros in Germany.",
        )
    };
    let feb2 = || {
        original(
            "https://c.example/feb",
            "2024-02-16",
            "Microsoft va injecter 3,2 milliards d'euros en Allemagne.",
        )
    };
    // One batch, the later article first (file-name order, say).
    let (_d, mut st) = store();
    st.ingest_batch(&[recall(), feb(), feb2()]).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].published.as_deref(), Some("2024-02-15"));
    // Batch by batch: the same.
    let (_d, mut st) = store();
    for it in [recall(), feb(), feb2()] {
        st.ingest_batch(&[it]).expect("ingest");
    }
    assert_eq!(all(&st), evs);
    // A figure of the same size more than 400 days before stays apart.
    let (_d, mut st) = store();
    st.ingest_batch(&[
        recall(),
        original(
            "https://d.example/2022",
            "2022-11-02",
            "Microsoft will invest 3.2 billion euros in Germany.",
        ),
    ])
    .expect("ingest");
    assert_eq!(all(&st).len(), 2);
}

#[test]
fn more_than_a_billion_and_one_point_three_billion_are_one_commitment() {
    let (_d, mut st) = store();
    let bound = with(
        item(Spec {
            source: "https://a.example/bound",
            text: "Acme va investir plus d'un milliard d'euros dans ses usines.",
            investor: "Acme",
            ..Spec::default()
        }),
        |e| e.amount = Some(money(1e9, "EUR", Qualifier::AtLeast)),
    );
    let exact = item(Spec {
        source: "https://b.example/exact",
        date: "2024-05-14",
        text: "Acme will invest 1.3 billion euros in its plants.",
        investor: "Acme",
        amount: Some(1.3e9),
        ..Spec::default()
    });
    // Two billion is not "plus d'un milliard" rounded down.
    let other = item(Spec {
        source: "https://c.example/other",
        date: "2024-05-14",
        text: "Acme will invest 2 billion euros in its plants.",
        investor: "Acme",
        amount: Some(2e9),
        ..Spec::default()
    });
    st.ingest_batch(&[bound, exact, other]).expect("ingest");
    let evs = all(&st);
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert!(evs
        .iter()
        .any(|e| e.sources.len() == 2 && e.amount.as_ref().map(|a| a.value) == Some(1.3e9)));
}

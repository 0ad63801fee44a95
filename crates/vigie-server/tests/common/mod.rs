//! Test fixtures: a small ledger of hand-written articles and the events a
//! reader finds in them, stored through the public store API.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use vigie_model::{
    Article, Event, Evidence, Jobs, Kind, Money, Org, Place, Qualifier, Sector, Status,
};
use vigie_store::Store;

pub struct Spec {
    pub source: &'static str,
    pub title: &'static str,
    pub published: &'static str,
    pub text: &'static str,
    pub events: Vec<EvSpec>,
}

pub struct EvSpec {
    pub kind: Kind,
    pub investor: &'static str,
    pub investor_country: &'static str,
    pub recipient: Option<&'static str>,
    pub eur: Option<f64>,
    /// (text, region, departement)
    pub place: Option<(&'static str, &'static str, &'static str)>,
    pub sectors: &'static [Sector],
    pub jobs: Option<u64>,
    pub status: Status,
    /// The sentence of `text` that states the event.
    pub sentence: &'static str,
}

#[allow(clippy::too_many_arguments)]
fn ev(
    kind: Kind,
    investor: &'static str,
    investor_country: &'static str,
    eur: Option<f64>,
    place: Option<(&'static str, &'static str, &'static str)>,
    sectors: &'static [Sector],
    jobs: Option<u64>,
    sentence: &'static str,
) -> EvSpec {
    EvSpec {
        kind,
        investor,
        investor_country,
        recipient: None,
        eur,
        place,
        sectors,
        jobs,
        status: Status::Announced,
        sentence,
    }
}

use Sector::*;

/// The fixture articles (written for these tests; figures as publicly announced).
pub fn specs() -> Vec<Spec> {
    vec![
        Spec {
            source: "https://example.org/fr/2024/05/microsoft-4-milliards",
            title: "Microsoft annonce 4 milliards d'euros pour le cloud et l'IA en France",
            published: "2024-05-13",
            text: "À la veille du sommet Choose France, le groupe américain a détaillé ses projets.\n\nMicrosoft va investir 4 milliards d'euros en France pour étendre ses centres de données et former un million de personnes à l'intelligence artificielle d'ici 2027.\n\nUn nouveau site est prévu près de Mulhouse, en Alsace. Le programme doit être achevé en trois ans.",
            events: vec![ev(Kind::Capex, "Microsoft", "US", Some(4e9), Some(("Mulhouse", "44", "68")), &[DatacenterCloud, Ai], None,
                "Microsoft va investir 4 milliards d'euros en France pour étendre ses centres de données et former un million de personnes à l'intelligence artificielle d'ici 2027.")],
        },
        Spec {
            source: "https://example.com/news/microsoft-france-4bn",
            title: "Microsoft commits EUR 4bn to French data centres",
            published: "2024-05-13",
            text: "Microsoft said on Monday it would spend 4 billion euros on cloud and AI infrastructure in France, including a data centre near Mulhouse.\n\nThe announcement came ahead of the Choose France summit at Versailles.",
            events: vec![ev(Kind::Capex, "Microsoft", "US", Some(4e9), Some(("Mulhouse", "44", "68")), &[DatacenterCloud, Ai], None,
                "Microsoft said on Monday it would spend 4 billion euros on cloud and AI infrastructure in France, including a data centre near Mulhouse.")],
        },
        Spec {
            source: "https://example.org/fr/2024/05/aws-ile-de-france",
            title: "AWS renforce sa présence en Île-de-France",
            published: "2024-05-13",
            text: "Amazon Web Services prévoit d'investir 1,2 milliard d'euros dans ses infrastructures en Île-de-France, notamment dans l'Essonne. Le groupe promet 500 emplois.",
            events: vec![ev(Kind::Capex, "Amazon Web Services", "US", Some(1.2e9), Some(("Essonne", "11", "91")), &[DatacenterCloud], Some(500),
                "Amazon Web Services prévoit d'investir 1,2 milliard d'euros dans ses infrastructures en Île-de-France, notamment dans l'Essonne.")],
        },
        Spec {
            source: "https://example.org/fr/2023/05/prologium-dunkerque",
            title: "ProLogium choisit Dunkerque pour sa gigafactory",
            published: "2023-05-12",
            text: "Le taïwanais ProLogium construira une usine de batteries à Dunkerque pour 5,2 milliards d'euros. Le site doit créer 3 000 emplois d'ici 2030.",
            events: vec![ev(Kind::Capex, "ProLogium", "TW", Some(5.2e9), Some(("Dunkerque", "32", "59")), &[BatteriesEv], Some(3000),
                "Le taïwanais ProLogium construira une usine de batteries à Dunkerque pour 5,2 milliards d'euros.")],
        },
        Spec {
            source: "https://example.com/2023/09/verkor-dunkirk",
            title: "Verkor breaks ground in Dunkirk",
            published: "2023-09-07",
            text: "French start-up Verkor has started building its 2 billion euro battery plant in Dunkirk, which should employ 1,200 people.",
            events: vec![ev(Kind::Capex, "Verkor", "FR", Some(2e9), Some(("Dunkirk", "32", "59")), &[BatteriesEv], Some(1200),
                "French start-up Verkor has started building its 2 billion euro battery plant in Dunkirk, which should employ 1,200 people.")],
        },
        Spec {
            source: "https://example.org/fr/2023/06/crolles",
            title: "Semi-conducteurs : feu vert pour l'extension de Crolles",
            published: "2023-06-05",
            text: "STMicroelectronics et GlobalFoundries vont investir 7,5 milliards d'euros à Crolles, en Isère, dans une nouvelle usine de puces. Environ 1 000 emplois sont attendus.",
            events: vec![ev(Kind::Capex, "STMicroelectronics", "CH", Some(7.5e9), Some(("Crolles", "84", "38")), &[Semiconductors], Some(1000),
                "STMicroelectronics et GlobalFoundries vont investir 7,5 milliards d'euros à Crolles, en Isère, dans une nouvelle usine de puces.")],
        },
        Spec {
            source: "https://example.org/fr/2024/05/sanofi",
            title: "Sanofi investit dans ses sites français",
            published: "2024-05-13",
            text: "Sanofi annonce 1,1 milliard d'euros d'investissements pour de nouvelles capacités de production, dont une partie à Neuville-sur-Saône, près de Lyon.",
            events: vec![ev(Kind::Capex, "Sanofi", "FR", Some(1.1e9), Some(("Neuville-sur-Saône", "84", "69")), &[PharmaHealth], None,
                "Sanofi annonce 1,1 milliard d'euros d'investissements pour de nouvelles capacités de production, dont une partie à Neuville-sur-Saône, près de Lyon.")],
        },
        Spec {
            source: "https://example.com/2024/05/astrazeneca-dunkirk",
            title: "AstraZeneca expands in Dunkirk",
            published: "2024-05-14",
            text: "AstraZeneca will invest 300 million euros to expand its inhaler plant in Dunkirk.",
            events: vec![ev(Kind::Capex, "AstraZeneca", "GB", Some(3e8), Some(("Dunkirk", "32", "59")), &[PharmaHealth], None,
                "AstraZeneca will invest 300 million euros to expand its inhaler plant in Dunkirk.")],
        },
        Spec {
            source: "https://example.org/fr/2024/06/mistral",
            title: "Mistral AI lève 600 millions d'euros",
            published: "2024-06-11",
            text: "La jeune pousse parisienne Mistral AI a levé 600 millions d'euros auprès de General Catalyst et d'autres investisseurs.",
            events: vec![EvSpec {
                recipient: Some("Mistral AI"),
                status: Status::Completed,
                ..ev(Kind::Equity, "General Catalyst", "US", Some(6e8), Some(("Paris", "11", "75")), &[Ai], None,
                    "La jeune pousse parisienne Mistral AI a levé 600 millions d'euros auprès de General Catalyst et d'autres investisseurs.")
            }],
        },
        Spec {
            source: "https://example.org/fr/2023/06/holosolis",
            title: "Holosolis en Moselle",
            published: "2023-06-27",
            text: "Holosolis prévoit une usine de panneaux photovoltaïques à Hambach, en Moselle : 710 millions d'euros et 1 700 emplois.",
            events: vec![ev(Kind::Capex, "Holosolis", "FR", Some(7.1e8), Some(("Hambach", "44", "57")), &[Energy, Manufacturing], Some(1700),
                "Holosolis prévoit une usine de panneaux photovoltaïques à Hambach, en Moselle : 710 millions d'euros et 1 700 emplois.")],
        },
        Spec {
            source: "https://example.com/2024/04/accenture-ai-hiring",
            title: "Accenture to hire in France",
            published: "2024-04-02",
            text: "Accenture plans to hire 500 people in France to work on artificial intelligence projects, the firm said.",
            events: vec![ev(Kind::Jobs, "Accenture", "IE", None, None, &[Ai, Software], Some(500),
                "Accenture plans to hire 500 people in France to work on artificial intelligence projects, the firm said.")],
        },
        Spec {
            source: "https://example.org/fr/2024/02/lidl-entrepot",
            title: "Un entrepôt géant en Gironde",
            published: "2024-02-20",
            text: "Lidl va construire une plateforme logistique de 120 millions d'euros près de Bordeaux, en Gironde, avec 300 emplois à la clé.",
            events: vec![ev(Kind::Capex, "Lidl", "DE", Some(1.2e8), Some(("Bordeaux", "75", "33")), &[Logistics, Retail], Some(300),
                "Lidl va construire une plateforme logistique de 120 millions d'euros près de Bordeaux, en Gironde, avec 300 emplois à la clé.")],
        },
        Spec {
            source: "https://example.org/fr/2024/03/hydrogene-normandie",
            title: "Hydrogène : un électrolyseur en Normandie",
            published: "2024-03-18",
            text: "Air Liquide engage 400 millions d'euros dans un électrolyseur à Port-Jérôme, en Seine-Maritime.",
            events: vec![ev(Kind::Capex, "Air Liquide", "FR", Some(4e8), Some(("Port-Jérôme", "28", "76")), &[Energy, Chemicals], None,
                "Air Liquide engage 400 millions d'euros dans un électrolyseur à Port-Jérôme, en Seine-Maritime.")],
        },
        Spec {
            source: "https://example.org/fr/2024/01/bretagne-agro",
            title: "Agroalimentaire : extension en Bretagne",
            published: "2024-01-15",
            text: "Le groupe Lactalis investira 80 millions d'euros dans son site de Vitré, en Ille-et-Vilaine, pour y créer 150 emplois.",
            events: vec![ev(Kind::Capex, "Lactalis", "FR", Some(8e7), Some(("Vitré", "53", "35")), &[AgriFood], Some(150),
                "Le groupe Lactalis investira 80 millions d'euros dans son site de Vitré, en Ille-et-Vilaine, pour y créer 150 emplois.")],
        },
        Spec {
            source: "https://example.org/fr/2023/11/occitanie-aero",
            title: "Toulouse : une nouvelle ligne d'assemblage",
            published: "2023-11-08",
            text: "Airbus consacrera 250 millions d'euros à une nouvelle ligne d'assemblage à Toulouse, en Haute-Garonne.",
            events: vec![ev(Kind::Capex, "Airbus", "FR", Some(2.5e8), Some(("Toulouse", "76", "31")), &[Manufacturing], None,
                "Airbus consacrera 250 millions d'euros à une nouvelle ligne d'assemblage à Toulouse, en Haute-Garonne.")],
        },
        Spec {
            source: "https://example.org/fr/2024/05/bpifrance-provence",
            title: "Soutien public à une usine de la vallée de l'Huveaune",
            published: "2024-05-21",
            text: "L'État apportera 45 millions d'euros au projet de recyclage de plastique de Carbios, près de Marseille, dans les Bouches-du-Rhône.",
            events: vec![ev(Kind::PublicFunding, "État français", "FR", Some(4.5e7), Some(("Marseille", "93", "13")), &[Chemicals], None,
                "L'État apportera 45 millions d'euros au projet de recyclage de plastique de Carbios, près de Marseille, dans les Bouches-du-Rhône.")],
        },
    ]
}

fn org(name: &str, country: &str) -> Org {
    Org {
        name: name.to_string(),
        canonical: name.to_string(),
        country: Some(country.to_string()),
    }
}

/// The articles and per-article events of `specs`.
pub fn batch(specs: &[Spec]) -> Vec<(Article, Vec<Event>)> {
    specs
        .iter()
        .map(|s| {
            let mut a = Article::new(s.source, s.text);
            a.title = Some(s.title.to_string());
            a.published = Some(s.published.to_string());
            let events = s
                .events
                .iter()
                .map(|e| {
                    let start = s
                        .text
                        .find(e.sentence)
                        .expect("fixture sentence is in its text");
                    Event {
                        id: String::new(),
                        kind: e.kind,
                        investor: Some(org(e.investor, e.investor_country)),
                        recipient: e.recipient.map(|r| org(r, "FR")),
                        amount: e.eur.map(|v| Money {
                            value: v,
                            currency: Some("EUR".into()),
                            qualifier: Qualifier::Exact,
                            max: None,
                            eur: Some(v),
                        }),
                        places: e
                            .place
                            .map(|(t, r, d)| Place {
                                text: t.into(),
                                country: Some("FR".into()),
                                region: Some(r.into()),
                                departement: Some(d.into()),
                                commune: None,
                            })
                            .into_iter()
                            .collect(),
                        country: Some("FR".into()),
                        sectors: e.sectors.to_vec(),
                        jobs: e.jobs.map(|v| Jobs {
                            value: v,
                            qualifier: Qualifier::Exact,
                        }),
                        horizon: None,
                        status: e.status,
                        published: Some(s.published.to_string()),
                        confidence: 0.9,
                        evidence: vec![Evidence {
                            doc: a.doc.clone(),
                            sentence: e.sentence.to_string(),
                            start,
                            end: start + e.sentence.len(),
                        }],
                        sources: vec![s.source.to_string()],
                    }
                })
                .collect();
            (a, events)
        })
        .collect()
}

/// Writes the fixture ledger to `dir/test.db` and returns its path.
pub fn fixture_db(dir: &Path) -> PathBuf {
    let path = dir.join("test.db");
    let mut store = Store::open(&path).expect("open store");
    store
        .ingest_batch(&batch(&specs()))
        .expect("ingest fixtures");
    path
}

/// The application over the fixture ledger (read-only pool of 2).
pub fn fixture_app(dir: &Path) -> axum::Router {
    let db = fixture_db(dir);
    let pool = vigie_server::Pool::open_read_only(&db, 2).expect("pool");
    vigie_server::app(Arc::new(pool), &vigie_server::Options::default())
}

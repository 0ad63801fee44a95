//! The "done when" cases, the seed article, ambiguity and robustness.
use std::sync::OnceLock;

use proptest::prelude::*;
use vigie_gazetteer::{Gazetteer, PlaceLevel};
use vigie_model::Sector;

fn g() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::new)
}

type Codes = (
    String,
    PlaceLevel,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn place_codes(text: &str) -> Vec<Codes> {
    g().places(text)
        .into_iter()
        .map(|p| {
            (
                p.text,
                p.level,
                p.country,
                p.region,
                p.departement,
                p.commune,
            )
        })
        .collect()
}

#[test]
fn communes_get_their_insee_codes() {
    let p = g().places("L'usine de Mulhouse (Haut-Rhin) ouvrira en 2027.");
    assert_eq!(p[0].commune.as_deref(), Some("68224"));
    assert_eq!(p[0].departement.as_deref(), Some("68"));
    assert_eq!(p[0].region.as_deref(), Some("44"));
    let p = g().places("Le groupe s'installe à Marseille.");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].commune.as_deref(), Some("13055"));
    let p = g().places("Marseille accueillera le site.");
    assert_eq!(p[0].commune.as_deref(), Some("13055"));
}

#[test]
fn press_forms_of_regions_and_departements() {
    let p = g().places("un campus en région parisienne");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].region.as_deref(), Some("11"));
    for t in [
        "en Île-de-France",
        "en Ile-de-France",
        "en IDF",
        "en ILE-DE-FRANCE",
    ] {
        let p = g().places(t);
        assert_eq!(p.len(), 1, "{t}");
        assert_eq!(p[0].region.as_deref(), Some("11"), "{t}");
    }
    let p = g().places("dans la région Auvergne-Rhône-Alpes");
    assert_eq!(p[0].region.as_deref(), Some("84"));
    assert_eq!(p[0].level, PlaceLevel::Region);
    let p = g().places("Le site sera construit dans le Nord.");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].departement.as_deref(), Some("59"));
    assert_eq!(p[0].level, PlaceLevel::Departement);
    let p = g().places("une usine en Seine-Saint-Denis et une autre dans la Somme");
    let deps: Vec<_> = p.iter().filter_map(|p| p.departement.clone()).collect();
    assert_eq!(deps, ["93", "80"]);
    let p = g().places("L'Alsace attire les investisseurs.");
    assert_eq!(p[0].region.as_deref(), Some("44"));
    let p = g().places("en Rhône-Alpes et dans le Grand Est");
    let regs: Vec<_> = p.iter().filter_map(|p| p.region.clone()).collect();
    assert_eq!(regs, ["84", "44"]);
    let p = g().places("Investir dans l'Hexagone");
    assert_eq!(p[0].country.as_deref(), Some("FR"));
    let p = g().places("Dunkerque, dans le Nord, accueille la gigafactory.");
    assert_eq!(p[0].commune.as_deref(), Some("59183"));
    let p = g().places("sur le plateau de Paris-Saclay");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].departement.as_deref(), Some("91"));
    let p = g().places("dans la métropole de Lyon");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].departement.as_deref(), Some("69"));
    let p = g().places("près de Marseille");
    assert_eq!(p[0].commune.as_deref(), Some("13055"));
    let p = g().places("un entrepôt au Havre");
    assert_eq!(p[0].commune.as_deref(), Some("76351"));
}

#[test]
fn homonyms_follow_the_departement_given() {
    // Saint-Denis: Seine-Saint-Denis (93066) and La Réunion (97411).
    let p = g().places("à Saint-Denis (La Réunion)");
    assert_eq!(p[0].commune.as_deref(), Some("97411"));
    let p = g().places("à Saint-Denis (93)");
    assert_eq!(p[0].commune.as_deref(), Some("93066"));
}

#[test]
fn a_departement_named_like_a_commune_elsewhere_is_the_departement() {
    // Indre: département 36, and a commune of Loire-Atlantique (44074)
    let p = g().places("Indre : la coopérative investit 42 millions d'euros.");
    assert_eq!(p[0].level, PlaceLevel::Departement);
    assert_eq!(p[0].departement.as_deref(), Some("36"));
    let p = g().places("Une usine ouvrira dans l'Indre.");
    assert_eq!(p[0].departement.as_deref(), Some("36"));
    // "à" says the town
    let p = g().places("Une usine ouvrira à Indre, près de Nantes.");
    assert_eq!(p[0].commune.as_deref(), Some("44074"));
    // Paris is both, in one place
    let p = g().places("Le siège est à Paris.");
    assert_eq!(p[0].commune.as_deref(), Some("75056"));
}

#[test]
fn countries_and_demonyms() {
    let p = g().places("un projet en Allemagne et aux États-Unis, pas au Royaume-Uni");
    let c: Vec<_> = p.iter().filter_map(|p| p.country.clone()).collect();
    assert_eq!(c, ["DE", "US", "GB"]);
    let p = g().places("Germany and the US");
    let c: Vec<_> = p.iter().filter_map(|p| p.country.clone()).collect();
    assert_eq!(c, ["DE", "US"]);
    assert!(g().places("let us see").is_empty());
    let d = g().demonyms("le géant américain va investir");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].country, "US");
    assert_eq!(d[0].text, "américain");
    let d = g().demonyms("l'allemand BASF, the French company and a US-based fund");
    let c: Vec<_> = d.iter().map(|d| d.country.as_str()).collect();
    assert_eq!(c, ["DE", "FR", "US"]);
}

#[test]
fn ordinary_words_and_names_are_not_places() {
    // Words that are also communes (Vue, Plan, Sains, Mars, Nice, Orange,
    // Tours, Lens, Fontaine, Borne), person names that are communes (Castex,
    // Lagarde, Borne), and companies that contain place names.
    let text = "Nice work: the plan was a nice one. Vue d'ensemble : le Plan de relance \
        prévoit des sains investissements en mars. Mars est une planète. Orange a signé \
        avec Saint-Gobain et le Crédit Agricole, puis avec Air France et la Banque de France. \
        Jean Castex et Christine Lagarde ont rencontré Élisabeth Borne. Plusieurs tours de \
        table ont eu lieu. Lens de caméra, Fontaine de jouvence. Paris Hilton était là. \
        Microsoft France et France Travail ont signé. Nancy Pelosi aussi.";
    let p = place_codes(text);
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn organisations_with_aliases_parents_and_outlets() {
    let o = g().orgs("AWS investit, selon la firme de Redmond et Google, rapporte l'AFP.");
    let c: Vec<_> = o.iter().map(|o| o.canonical.as_str()).collect();
    assert_eq!(
        c,
        [
            "Amazon Web Services",
            "Microsoft",
            "Google",
            "Agence France-Presse"
        ]
    );
    assert_eq!(o[0].parent.as_deref(), Some("Amazon"));
    assert_eq!(o[0].country.as_deref(), Some("US"));
    assert!(o[3].outlet);
    assert!(!o[0].outlet);
    let o = g().orgs("Facebook devient Meta.");
    assert!(o.iter().all(|o| o.canonical == "Meta"), "{o:?}");
    assert_eq!(o.len(), 2);
    // Lowercase ordinary words are not organisations.
    assert!(g()
        .orgs("une orange, un total, a free lunch, an apple")
        .is_empty());
}

#[test]
fn unknown_organisations_by_pattern() {
    let o = g().orgs("la start-up Quantumatix va ouvrir une usine");
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].canonical, "Quantumatix");
    assert!(!o[0].known);
    let o = g().orgs("le groupe japonais Fujimura Seiko investit");
    assert_eq!(o[0].canonical, "Fujimura Seiko");
    assert_eq!(o[0].country.as_deref(), Some("JP"));
    let o = g().orgs("Nous avons rencontré Brenntag Logistik GmbH hier.");
    assert_eq!(o[0].canonical, "Brenntag Logistik GmbH");
    assert!(g().orgs("l'entreprise a annoncé").is_empty());
    // A known organisation with its legal form keeps its table entry.
    let o = g().orgs("Le constructeur Renault SA a signé.");
    assert_eq!(o.len(), 1);
    assert_eq!((o[0].text.as_str(), o[0].known), ("Renault SA", true));
    assert_eq!(o[0].canonical, "Renault");
}

#[test]
fn sectors_from_the_lexicon() {
    let s = g().sectors("un centre de données et une gigafactory de batteries, plus de l'IA");
    let tags: Vec<_> = s.iter().map(|s| s.sector).collect();
    assert_eq!(
        tags,
        [
            Sector::DatacenterCloud,
            Sector::BatteriesEv,
            Sector::BatteriesEv,
            Sector::Ai
        ]
    );
    // "ai" in French ("j'ai") is not AI; a sector word inside an
    // organisation's name is not a sector mention.
    assert!(g().sectors("j'ai vu").is_empty());
    assert!(g().sectors("Mistral AI et Google Cloud").is_empty());
}

#[test]
fn seed_article() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_5dc92b07ccc625f8.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("seed not found at {path}; skipped");
        return;
    };
    let a = g().analyze(&text);
    let mut orgs: Vec<_> = a.orgs.iter().map(|o| o.canonical.as_str()).collect();
    orgs.sort();
    orgs.dedup();
    assert_eq!(
        orgs,
        [
            "Amazon",
            "Amazon Web Services",
            "Bloomberg",
            "Microsoft",
            "Mistral AI",
            "OpenAI",
            "Reuters"
        ]
    );
    let aws = a
        .orgs
        .iter()
        .find(|o| o.text == "AWS")
        .map(|o| o.parent.clone());
    assert_eq!(aws, Some(Some("Amazon".to_string())));
    let outlets: Vec<_> = a
        .orgs
        .iter()
        .filter(|o| o.outlet)
        .map(|o| o.canonical.as_str())
        .collect();
    assert_eq!(outlets, ["Bloomberg", "Reuters"]);
    let mut places: Vec<_> = a
        .places
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_deref(), p.region.as_deref()))
        .collect();
    places.sort();
    places.dedup();
    assert_eq!(
        places,
        [
            ("Allemagne", Some("DE"), None),
            ("Auvergne-Rhône-Alpes", Some("FR"), Some("84")),
            ("France", Some("FR"), None),
            ("région parisienne", Some("FR"), Some("11")),
        ]
    );
    for o in &a.orgs {
        assert!(!["Big Tech", "GenAI", "LLM", "IA", "CO2"].contains(&o.text.as_str()));
    }
}

#[test]
fn spans_point_into_the_original() {
    let text = "Selon l’AFP, ÉDF investira à Saint‑Étienne et en Île‑de‑France.";
    let a = g().analyze(text);
    for p in &a.places {
        assert_eq!(&text[p.start..p.end], p.text);
    }
    for o in &a.orgs {
        assert_eq!(&text[o.start..o.end], o.text);
    }
    assert!(a
        .places
        .iter()
        .any(|p| p.commune.as_deref() == Some("42218")));
}

#[test]
fn startup_works() {
    // Speed is measured by the criterion bench; this only checks it builds.
    let t = std::time::Instant::now();
    let g = Gazetteer::new();
    eprintln!("Gazetteer::new: {:?}", t.elapsed());
    assert!(g.org_count() > 900);
}

fn orgs_of(text: &str) -> Vec<(String, bool)> {
    g().orgs(text)
        .into_iter()
        .map(|o| (o.text, o.known))
        .collect()
}

#[test]
fn a_dateline_names_its_town_even_when_the_name_is_a_word() {
    // "Douai" is also a verb form ("je douai"): at the start of a text
    // followed by a colon or a dash it is the dateline.
    for text in [
        "Douai : la société Acme investit 10 millions d'euros.",
        "Douai - La société Acme investit 10 millions d'euros.",
        "Titre\nDouai : la société Acme investit.",
    ] {
        let p = place_codes(text);
        assert_eq!(p.first().map(|c| c.0.as_str()), Some("Douai"), "{text}");
        assert_eq!(p[0].5.as_deref(), Some("59178"));
    }
    assert_eq!(
        place_codes("Lille : la société Acme investit.")[0].0,
        "Lille"
    );
    // Not a dateline: a word-like name opening an ordinary sentence, a
    // headline deep in the page, a name an organisation has too.
    assert!(place_codes("Douai dit-il, la société investit.").is_empty());
    assert!(
        place_codes("Titre\n\nChapeau.\n\nLire aussi :\nDouai : la ville investit.").is_empty()
    );
    assert!(place_codes("Orange : le plan prévoit 7 000 départs.").is_empty());
}

#[test]
fn a_name_after_a_company_noun_is_the_company_not_a_place() {
    let text = "Le groupe Saint-Lys investit 5 millions d'euros à Toulouse.";
    let p = place_codes(text);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "Toulouse");
    assert!(orgs_of(text).contains(&("Saint-Lys".to_string(), false)));
    let text =
        "L'entreprise Montbard Industrie recrute ; la société Vierzon ouvre un site à Bourges.";
    let p = place_codes(text);
    assert_eq!(
        p.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ["Bourges"]
    );
    // A place elsewhere in the sentence stays a place.
    assert_eq!(
        place_codes("Le groupe investit à Saint-Lys.")[0].0,
        "Saint-Lys"
    );
    // Countries stay countries.
    assert_eq!(place_codes("Le groupe Chine est cité.")[0].0, "Chine");
}

#[test]
fn bare_acronyms_are_organisations_with_a_cue_only() {
    let text = "La société XYZ s'installe à Lens. Selon le PDG, XYZ prévoit 200 emplois.";
    let o = orgs_of(text);
    assert_eq!(o.iter().filter(|(t, _)| t == "XYZ").count(), 2, "{o:?}");
    assert!(!o.iter().any(|(t, _)| t == "PDG"));
    // The subject of an act.
    assert!(
        orgs_of("Selon le journal, QVC investit 5 millions d'euros.")
            .contains(&("QVC".to_string(), false))
    );
    assert!(orgs_of("Selon nos sources, QVC a annoncé une usine.")
        .contains(&("QVC".to_string(), false)));
    // No cue, common acronyms, lines of capitals, numbers, sentence starts.
    for text in [
        "Le rapport de QVC est paru.",
        "La PME a levé 3 millions d'euros et le PIB a progressé.",
        "Les données : DATA a progressé.",
        "LA CHINE INVESTIT MASSIVEMENT.",
        "La conférence COP 28 a eu lieu.",
        "QVC investit 5 millions d'euros.",
        "Le chapitre XIV a été voté.",
        "Aux U.S.A. il investit.",
    ] {
        let o = orgs_of(text);
        assert!(o.iter().all(|(_, known)| *known), "{text}: {o:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,200}") {
        let a = g().analyze(&s);
        for (st, en) in a.places.iter().map(|p| (p.start, p.end))
            .chain(a.orgs.iter().map(|o| (o.start, o.end)))
            .chain(a.demonyms.iter().map(|d| (d.start, d.end)))
            .chain(a.sectors.iter().map(|x| (x.start, x.end)))
        {
            prop_assert!(st < en && en <= s.len());
            prop_assert!(s.is_char_boundary(st) && s.is_char_boundary(en));
        }
    }

    #[test]
    fn mixed_names_never_panic(parts in proptest::collection::vec(prop_oneof![
        Just("à "), Just("Paris"), Just("(Nord)"), Just(" dans le "), Just("Saint-Denis"),
        Just("’"), Just("É"), Just("la société "), Just(" SAS"), Just("AWS"), Just(", "),
        Just("\u{a0}"), Just("œ"), Just("("), Just(")"), Just("Le Havre"), Just("\n")
    ], 0..20)) {
        let s: String = parts.concat();
        let a = g().analyze(&s);
        for p in &a.places {
            prop_assert!(s.get(p.start..p.end).is_some());
        }
        for o in &a.orgs {
            prop_assert!(s.get(o.start..o.end).is_some());
        }
    }
}

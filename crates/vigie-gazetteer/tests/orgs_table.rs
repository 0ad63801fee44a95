//! The organisation table built from index lists and by hand: its members are
//! found with their home country, and names that are also ordinary words,
//! units or places do not become organisations.
use std::sync::OnceLock;

use vigie_gazetteer::Gazetteer;

fn g() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::new)
}

/// (canonical, country) of the known organisations of `text`.
fn known(text: &str) -> Vec<(String, Option<String>)> {
    g().orgs(text)
        .into_iter()
        .filter(|o| o.known)
        .map(|o| (o.canonical, o.country))
        .collect()
}

fn has(text: &str, canonical: &str, country: &str) {
    let k = known(text);
    assert!(
        k.iter()
            .any(|(c, k)| c == canonical && k.as_deref() == Some(country)),
        "{canonical} ({country}) not in {k:?} for {text:?}"
    );
}

#[test]
fn the_table_has_a_few_thousand_organisations() {
    assert!(g().org_count() >= 2500, "{}", g().org_count());
}

#[test]
fn index_members_with_their_home_country() {
    has(
        "Le groupe a été racheté par Nippon Steel.",
        "Nippon Steel",
        "JP",
    );
    has(
        "L'allemand Rheinmetall va investir à Bourges.",
        "Rheinmetall",
        "DE",
    );
    has(
        "Selon la Française des Jeux, le projet avance.",
        "FDJ United",
        "FR",
    );
    has(
        "The deal values Heineken International at...",
        "Heineken",
        "NL",
    );
    has("Shares of Airbnb, Inc. rose.", "Airbnb", "US");
    has("Un accord avec Stabilus SE a été signé.", "Stabilus", "DE");
    has("Le fonds a vendu sa part à Glencore.", "Glencore", "CH");
    has(
        "Une usine de Mitsubishi Electric en Alsace.",
        "Mitsubishi Electric",
        "JP",
    );
    has(
        "Le britannique Marks & Spencer ferme.",
        "Marks & Spencer",
        "GB",
    );
    has(
        "Avec l'aide de Old Dominion Freight Line.",
        "Old Dominion",
        "US",
    );
}

#[test]
fn hand_written_investors_with_parents() {
    has("Andera Partners mène le tour.", "Andera Partners", "FR");
    has(
        "Copenhagen Infrastructure Partners finance le parc.",
        "Copenhagen Infrastructure Partners",
        "DK",
    );
    has("La coopérative Eureden signe.", "Eureden", "FR");
    let o = g().orgs("Hitachi Energy agrandit son site de Lyon.");
    assert_eq!(
        o.first().map(|o| o.canonical.as_str()),
        Some("Hitachi Energy")
    );
    assert_eq!(o.first().and_then(|o| o.parent.as_deref()), Some("Hitachi"));
    has(
        "Le rachat de US Steel par Nippon Steel.",
        "U.S. Steel",
        "US",
    );
}

#[test]
fn ordinary_words_units_and_places_are_not_organisations() {
    for text in [
        "Il fait 20 degrés Celsius à Lyon.",
        "Next year, the plant will double its output.",
        "Investor relations said the plan was on track.",
        "Strategy: the group wants to grow in Europe.",
        "Dollar General rises after the results.",
        "Son code APE est 6420Z.",
        "Le Canal Seine-Nord Europe sera achevé en 2030.",
        "Deliveries resume in NOV after the strike.",
        "Les travaux du National Bank building ont commencé.",
    ] {
        let k = known(text);
        assert!(k.is_empty(), "{text:?}: {k:?}");
    }
}

#[test]
fn decimal_numbers_are_not_organisations() {
    // Folded, a name such as "1&1" would read "1 1" and match "1,1".
    for text in [
        "Le projet représente 1,1 milliard d'euros.",
        "The plant will cost $1.1 billion.",
        "Il mobilise 2,5 millions d'euros et 1 1 salarié.",
    ] {
        assert!(g().orgs(text).is_empty(), "{:?}", g().orgs(text));
    }
}

//! One test per rule, on short texts of our own writing.

use crate::Extractor;
use vigie_model::{Article, Event, Kind, Qualifier, Status};

fn ev(text: &str) -> Vec<Event> {
    let x = Extractor::new();
    let a = Article::new("t.txt", text);
    x.extract(&a).unwrap_or_default()
}

fn inv(e: &Event) -> &str {
    e.investor
        .as_ref()
        .map(|o| o.canonical.as_str())
        .unwrap_or("-")
}

fn amount(e: &Event) -> Option<f64> {
    e.amount.as_ref().map(|m| m.value)
}

fn one(text: &str) -> Event {
    let e = ev(text);
    assert_eq!(e.len(), 1, "expected one event in {text:?}, got {e:#?}");
    e.into_iter().next().expect("one event")
}

#[test]
fn clause_split_gives_two_events() {
    let e = ev("Par exemple, Microsoft investira 4 milliards d'euros, tandis qu'AWS débloquera 1,2 milliard d'euros pour son expansion en France.");
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(inv(&e[0]), "Microsoft");
    assert_eq!(amount(&e[0]), Some(4e9));
    assert_eq!(amount(&e[1]), Some(1.2e9));
    assert_eq!(e[1].country.as_deref(), Some("FR"));
}

#[test]
fn amount_of_a_total_is_not_taken() {
    let e = one("Le groupe Verkor investira 300 millions d'euros à Dunkerque, sur un total de 2 milliards d'euros prévus en Europe.");
    assert_eq!(amount(&e), Some(3e8));
}

#[test]
fn amount_after_apres_is_its_own_commitment() {
    let e = ev("Le fournisseur américain Kronos investira 2,5 milliards d'euros en France d'ici 2027, après 3,2 milliards d'euros annoncés en Allemagne en février.");
    assert_eq!(e.len(), 2, "{e:#?}");
    let fr = e
        .iter()
        .find(|x| amount(x) == Some(2.5e9))
        .expect("FR event");
    let de = e
        .iter()
        .find(|x| amount(x) == Some(3.2e9))
        .expect("DE event");
    assert_eq!(fr.country.as_deref(), Some("FR"));
    assert_eq!(de.country.as_deref(), Some("DE"));
    assert_eq!(fr.horizon.as_ref().and_then(|h| h.until), Some(2027));
}

#[test]
fn revenue_fines_and_valuations_are_not_events() {
    assert!(ev("Le groupe Strata a réalisé un chiffre d'affaires de 1,4 milliard d'euros en 2024, selon ses comptes publiés mardi.").is_empty());
    assert!(ev("The European Commission fined chipmaker Orvane 380 million euros on Tuesday for taking part in a cartel.").is_empty());
    assert!(ev("L'opération valorise la jeune entreprise Kyomed autour de 150 millions d'euros, selon nos informations.").is_empty());
}

#[test]
fn job_cuts_are_not_job_creation() {
    assert!(ev("L'équipementier Vandel Automotive va supprimer 350 postes dans son usine de Cholet, a annoncé la direction.").is_empty());
}

#[test]
fn totals_over_many_projects_are_not_events() {
    assert!(ev("Au total, 37 milliards d'euros d'investissements répartis entre 53 projets ont été annoncés lundi à Versailles.").is_empty());
}

#[test]
fn outlets_never_invest() {
    let e = one("Microsoft va investir 4 milliards d'euros dans ses centres de données en France, écrit Bloomberg.");
    assert_eq!(inv(&e), "Microsoft");
    let e = one("Selon Reuters, Amazon investira 1,2 milliard d'euros en France d'ici 2026.");
    assert_eq!(inv(&e), "Amazon");
}

#[test]
fn coreference_to_the_last_company() {
    let e = ev("Microsoft a ouvert un bureau à Paris en 1983. Plus tôt cette année, le géant américain a investi 15 millions d'euros dans Mistral AI.");
    let eq = e
        .iter()
        .find(|x| x.kind == Kind::Equity)
        .expect("equity event");
    assert_eq!(inv(eq), "Microsoft");
    assert_eq!(
        eq.recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Mistral AI")
    );
    assert_eq!(eq.status, Status::Completed);
    let e = one("Capvance reported strong results on Monday. The company said it would invest 50 million euros in a new delivery centre in Lille.");
    assert_eq!(inv(&e), "Capvance");
    assert_eq!(e.status, Status::Announced);
}

#[test]
fn raise_with_lead_investor() {
    let e = one("La medtech lyonnaise Kyomed a bouclé une levée de fonds de 22 millions d'euros, un tour de table mené par Eurazeo aux côtés de Bpifrance.");
    assert_eq!(e.kind, Kind::Equity);
    assert_eq!(
        e.recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Kyomed")
    );
    assert_eq!(inv(&e), "Eurazeo");
    assert_eq!(e.status, Status::Completed);
}

#[test]
fn raise_sought_without_investor() {
    let e = one("La start-up parisienne Nexalis cherche à lever 300 millions d'euros auprès d'investisseurs américains.");
    assert_eq!(e.kind, Kind::Equity);
    assert!(e.investor.is_none());
    assert_eq!(e.status, Status::Sought);
    assert_eq!(e.country.as_deref(), Some("FR"));
}

#[test]
fn acquisition_buyer_and_target() {
    let e = one("German packaging group Kessler AG has agreed to acquire Emballages Rivoire, a French maker of food trays, for 480 million euros.");
    assert_eq!(e.kind, Kind::Acquisition);
    assert_eq!(inv(&e), "Kessler AG");
    assert_eq!(
        e.recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Emballages Rivoire")
    );
    assert_eq!(e.status, Status::Announced);
    assert_eq!(e.country.as_deref(), Some("FR"));
}

#[test]
fn public_funding_of_the_project_just_named() {
    let e = ev("Tessaly Semiconductors va investir 750 millions d'euros pour agrandir son usine de Crolles (Isère). L'État apporte 200 millions d'euros au projet.");
    assert_eq!(e.len(), 2, "{e:#?}");
    let pf = e
        .iter()
        .find(|x| x.kind == Kind::PublicFunding)
        .expect("public funding");
    assert_eq!(inv(pf), "État");
    assert_eq!(
        pf.recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Tessaly Semiconductors")
    );
    assert!(
        pf.places
            .iter()
            .any(|p| p.commune.as_deref() == Some("38140")),
        "{pf:#?}"
    );
}

#[test]
fn places_from_a_continuation_sentence() {
    let e = one("AWS investit plus de 1,2 milliard d'euros dans ses activités françaises, selon Reuters. Il s'agit de la montée en puissance de son infrastructure cloud en région parisienne.");
    assert!(
        e.places.iter().any(|p| p.region.as_deref() == Some("11")),
        "{e:#?}"
    );
    assert_eq!(
        e.amount.as_ref().map(|m| m.qualifier),
        Some(Qualifier::AtLeast)
    );
    assert_eq!(e.evidence.len(), 2);
}

#[test]
fn jobs_attach_to_their_event_and_stand_alone_jobs() {
    let e = one("Le groupe Recyclia va investir 120 millions d'euros à Béthune. Le projet doit permettre la création de 180 emplois à l'horizon 2027.");
    assert_eq!(e.jobs.as_ref().map(|j| j.value), Some(180));
    let e =
        one("IT services group Capvance will create 800 jobs in Lille over the next three years.");
    assert_eq!(e.kind, Kind::Jobs);
    assert!(e.amount.is_none());
    assert_eq!(e.jobs.as_ref().map(|j| j.value), Some(800));
    assert_eq!(e.horizon.as_ref().and_then(|h| h.years), Some(3.0));
}

#[test]
fn horizons() {
    let e = one("Le sous-traitant Ferrand Précision va injecter 45 millions d'euros sur trois ans dans son usine de Tarbes.");
    assert_eq!(e.horizon.as_ref().and_then(|h| h.years), Some(3.0));
    let e = one("Northway will invest £150 million in a distribution centre in Doncaster by 2027.");
    assert_eq!(e.horizon.as_ref().and_then(|h| h.until), Some(2027));
}

#[test]
fn status_from_modality() {
    let e = one("Le norvégien Norsk Hydroline étudie l'implantation à Fos-sur-Mer d'une usine d'électrolyseurs de 700 millions d'euros.");
    assert_eq!(e.status, Status::Planned);
    let e = one("Le groupe belge Solvane a annoncé mardi qu'il renonçait à son projet d'usine de 300 millions d'euros à Saint-Avold (Moselle).");
    assert_eq!(e.status, Status::Cancelled);
    let e = one("Swedish battery maker Hallvik Energy said on Monday it would invest 2.4 billion euros to build a cell factory in Spain.");
    assert_eq!(e.status, Status::Announced);
}

#[test]
fn restatements_merge_and_qualifiers_combine() {
    let e = one("Amazon investit plus de 1,2 milliard d'euros en France\nAmazon va investir 1,2 milliard d'euros supplémentaires dans ses centres de données en France, a annoncé le groupe.");
    assert_eq!(e.evidence.len(), 2);
    assert_eq!(
        e.amount.as_ref().map(|m| m.qualifier),
        Some(Qualifier::AtLeast)
    );
}

#[test]
fn concrete_statement_without_amount_is_an_event() {
    let e = one("Amazon investit également davantage dans ses infrastructures logistiques françaises, notamment dans la région française Auvergne-Rhône-Alpes.");
    assert_eq!(e.kind, Kind::Capex);
    assert!(e.amount.is_none());
    assert!(e.places.iter().any(|p| p.region.as_deref() == Some("84")));
    assert!(ev("Mistral AI est un concurrent direct d'OpenAI, dans lequel Microsoft a déjà réalisé des investissements majeurs.").is_empty());
}

#[test]
fn a_sum_of_two_events_is_not_a_third() {
    let e = ev("Stellar Auto investit 200 millions d'euros dans deux usines normandes\nLe constructeur Stellar Auto va investir 120 millions d'euros dans son usine de Cléon et 80 millions d'euros dans son site de Sandouville, près du Havre, a annoncé la direction.");
    let mut v: Vec<f64> = e.iter().filter_map(amount).collect();
    v.sort_by(f64::total_cmp);
    assert_eq!(v, vec![8e7, 1.2e8], "{e:#?}");
}

#[test]
fn evidence_offsets_are_exact_in_the_original_text() {
    let text =
        "Titre\u{a0}: Microsoft investira 4\u{a0}milliards d\u{2019}euros en France.\r\nLe reste.";
    let a = Article::new("t.txt", text);
    let e = Extractor::new().extract(&a).expect("extract");
    assert!(!e.is_empty());
    for x in &e {
        for v in &x.evidence {
            assert_eq!(&text[v.start..v.end], v.sentence);
        }
    }
}

#[test]
fn names_with_de_l() {
    let x = Extractor::new();
    let o = x.organisations(
        "L'équipementier Sellerie de l'Ouest va créer 120 postes à Cholet, a annoncé la direction.",
    );
    assert!(o.iter().any(|(n, ..)| n == "Sellerie de l'Ouest"), "{o:?}");
}

#[test]
fn lead_investor_in_the_next_sentence() {
    let e = one("La start-up grenobloise Vetrix a levé 12 millions d'euros. L'opération est menée par Eurazeo, aux côtés de ses investisseurs historiques.");
    assert_eq!(e.kind, Kind::Equity);
    assert_eq!(inv(&e), "Eurazeo");
    assert_eq!(
        e.recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Vetrix")
    );
}

#[test]
fn backers_fund_the_company_after_them() {
    let e = one("Nvidia and Microsoft back French chip startup Korvel in $200 million round.");
    assert_eq!(e.kind, Kind::Equity);
    assert_eq!(inv(&e), "Nvidia");
    assert_eq!(
        e.recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Korvel")
    );
}

#[test]
fn bylines_and_datelines() {
    let e = ev("Châteauroux : Verkor va investir 50 millions d'euros\n\nPar Jean Dupont | Rubrique Industrie | 12 mars 2026\n\nLe groupe Verkor va investir 50 millions d'euros dans une nouvelle ligne.");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(inv(&e[0]), "Verkor");
    assert!(e[0]
        .places
        .iter()
        .any(|p| p.commune.as_deref() == Some("36044")));
}

#[test]
fn headcounts_and_restated_job_counts_are_not_new_events() {
    let e = ev("Le groupe Verkor va investir 50 millions d'euros à Châteauroux et créer 120 emplois. L'entreprise va recruter 120 personnes d'ici 2027. Le site compte déjà 4 hectares de bâtiments et 900 salariés.");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].jobs.as_ref().map(|j| j.value), Some(120));
}

#[test]
fn lists_of_projects_and_owners_in_appositions() {
    let e = ev("Les projets retenus :\n- Usine de cellules de Béthune (Verkor) : 1,3 Md€, 1 000 emplois.\n- Sanofi — nouveau centre de R&D à Massy : 120 M€.\n");
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(inv(&e[0]), "Verkor");
    assert_eq!(inv(&e[1]), "Sanofi");
    let e = one("Au sud, le groupe Kyrnos poursuit l'expansion de son campus de Nozay. L'opérateur, détenu par le fonds canadien Brookfield, prévoit d'y consacrer 1 200 millions d'euros supplémentaires d'ici 2030.");
    assert_eq!(inv(&e), "Kyrnos");
}

#[test]
fn cataphora_fund_leading_and_use_of_proceeds() {
    let e = ev("Eurazeo mise sur la foodtech nantaise Vetrix\n\nLa jeune pousse a bouclé un tour de table de 18 millions d'euros. Elle va construire un démonstrateur industriel près de Nantes.\n\nLe fonds d'investissement parisien mène l'opération.");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].kind, Kind::Equity);
    assert_eq!(inv(&e[0]), "Eurazeo");
    assert_eq!(
        e[0].recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Vetrix")
    );
}

#[test]
fn local_authorities_build_their_own_infrastructure() {
    let e = one("Pour accompagner la dynamique, Lannion-Trégor Communauté va investir 3 millions d'euros dans la construction d'un bâtiment relais.");
    assert_eq!(e.kind, Kind::Capex);
    assert_eq!(inv(&e), "Lannion-Trégor Communauté");
    let e = ev("Le groupe Verkor va investir 20 millions d'euros à Béthune. Pour l'accueillir, la communauté de communes investira 1,8 million d'euros dans l'aménagement de la zone.");
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(inv(&e[0]), "Verkor");
    assert_eq!(e[1].kind, Kind::Capex);
    assert_eq!(inv(&e[1]), "communauté de communes");
}

#[test]
fn pronoun_after_a_long_aside_and_trade_wide_budgets() {
    let e = ev("H2Vallée, coentreprise du groupe Gazelor, renonce à son projet de 1 milliard d'euros à Fos-sur-Mer. Le projet devait créer 250 emplois. Le maire a dénoncé un coup dur. Les élus ont réagi. La préfecture a pris acte. Les syndicats aussi. Les riverains se taisent.\n\nL'entreprise ne jette pas l'éponge. Elle confirme son investissement de 200 millions d'euros à Port-Jérôme-sur-Seine. L'État a prévu une enveloppe de 4 milliards d'euros pour soutenir la filière.");
    let invs: Vec<&str> = e.iter().map(inv).collect();
    assert_eq!(invs, ["H2Vallée", "H2Vallée"], "{e:#?}");
    assert_eq!(e[0].status, Status::Cancelled);
}

#[test]
fn english_raises_sought_and_names_in_apposition() {
    let e = one("Fernhill, the London-based developer of software for energy traders, is seeking to raise up to £100m in a new funding round, according to two people with knowledge of the talks.");
    assert_eq!(e.kind, Kind::Equity);
    assert_eq!(e.status, Status::Sought);
    assert!(e.jobs.is_none());
    let e = one("Read more: France's Qubitek said to seek €200m");
    assert_eq!(e.status, Status::Sought);
    assert_eq!(amount(&e), Some(2e8));
}

#[test]
fn descriptions_with_modifiers_and_fronted_topics() {
    let e = ev("Nvidia backs many startups. For Microsoft, the deal adds to a growing portfolio. The U.S. software company pledged 4 billion euros in May 2024 to expand its cloud infrastructure in France.");
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(inv(&e[0]), "Microsoft");
    assert_eq!(amount(&e[0]), Some(4e9));
}

#[test]
fn a_site_chosen_for_a_plant_and_the_management_as_actor() {
    let e = one("Helionis, a French startup, said on Wednesday it had chosen a site in Hambach, in the Moselle department, for a 700 million euro factory to make solar panels.");
    assert_eq!(inv(&e), "Helionis");
    assert_eq!(amount(&e), Some(7e8));
    assert!(e
        .places
        .iter()
        .any(|p| p.commune.as_deref() == Some("57289")));
    let e = one("Le groupe Stellantis détaille ses plans. À Mulhouse, la direction envisage d'y investir environ 80 millions d'euros.");
    assert_eq!(inv(&e), "Stellantis");
    assert_eq!(e.status, Status::Planned);
}

#[test]
fn a_state_investing_abroad() {
    let e = one("Separately, the United Arab Emirates will invest between €30 billion and €50 billion in a one-gigawatt AI campus in France.");
    assert_eq!(e.kind, Kind::Capex);
    assert_eq!(inv(&e), "United Arab Emirates");
    assert_eq!(
        e.amount.as_ref().map(|m| m.qualifier),
        Some(Qualifier::Range)
    );
    assert_eq!(e.country.as_deref(), Some("FR"));
}

#[test]
fn job_counts_in_words() {
    let e = one("Le groupe Verkor va investir 50 millions d'euros à Béthune et créer une centaine d'emplois directs.");
    assert_eq!(e.jobs.as_ref().map(|j| j.value), Some(100));
    let e = one("Le groupe Verkor va investir 50 millions d'euros à Béthune, où il va créer quatre emplois.");
    assert_eq!(e.jobs.as_ref().map(|j| j.value), Some(4));
}

#[test]
fn authorities_by_description_and_their_budgets() {
    let e = one("Le président de Châteauroux Métropole a rappelé que la collectivité avait racheté la friche pour 2,3 millions d'euros en 2023.");
    assert_eq!(e.kind, Kind::Acquisition);
    assert_eq!(inv(&e), "Châteauroux Métropole");
    assert!(ev("Le budget primitif 2025 de la collectivité s'élève à 38 millions d'euros, dont 9 millions d'euros d'investissements.").is_empty());
}

#[test]
fn the_price_goes_to_the_purchase_not_the_expansion_after_it() {
    let e = one("French cheesemaker Savencia said on Tuesday its U.S. subsidiary had agreed to buy Lakeview Creamery, a family-owned maker of cheeses, for $180 million, as it seeks to expand its production footprint in North America.");
    assert_eq!(e.kind, Kind::Acquisition);
    assert_eq!(
        e.recipient.as_ref().map(|o| o.canonical.as_str()),
        Some("Lakeview Creamery")
    );
}

#[test]
fn page_chrome_names_no_investor() {
    let e = one("Partager : Facebook  X  LinkedIn  E-mail  Imprimer\n\nLa coopérative Terralia va investir 48 millions d'euros dans son site de Landivisiau.\n\nAbonnez-vous dès 1 € le premier mois.");
    assert_eq!(inv(&e), "Terralia");
    assert_eq!(amount(&e), Some(48e6));
}

#[test]
fn places_and_products_are_not_investors() {
    let e = ev("Le chinois Volterra va investir 1,3 milliard de dollars dans une usine de batteries à Kénitra.");
    assert!(e.iter().all(|x| inv(x) != "Kénitra"), "{e:#?}");
    let e = ev("Nordlab, which makes the obesity drug Slimora, will invest $4.5 billion in two plants in Texas.");
    assert!(e.iter().all(|x| inv(x) != "Slimora"), "{e:#?}");
}

#[test]
fn coordinated_subjects_share_the_verb() {
    let e = ev("Compolis Industries investit 18 millions d'euros à Argentan. Pour boucler le financement, la Région Normandie apporte 2 M€ et Bpifrance accorde un prêt de 5 M€.");
    assert!(
        e.iter()
            .any(|x| inv(x) == "Bpifrance" && amount(x) == Some(5e6)),
        "{e:#?}"
    );
    assert!(
        e.iter()
            .any(|x| amount(x) == Some(2e6) && inv(x) != "Bpifrance"),
        "{e:#?}"
    );
}

#[test]
fn denials_savings_and_cuts_are_not_events() {
    assert!(ev("Danora on Tuesday denied a newspaper report that it was in advanced talks to acquire Yalco for around €3 billion.").is_empty());
    assert!(ev(
        "Le gouvernement cherche à économiser 40 milliards d'euros de dépenses l'an prochain."
    )
    .is_empty());
    assert!(ev(
        "Le groupe Pneuval va fermer ses usines de Cholet et de Vannes, 1 254 emplois supprimés."
    )
    .is_empty());
}

#[test]
fn projects_given_up_are_cancelled() {
    let e = one("Le groupe Ferralis a annoncé mercredi qu'il abandonnait son projet d'usine de recyclage à Dunkerque, estimé à 750 millions d'euros.");
    assert_eq!(e.status, Status::Cancelled);
    assert_eq!(inv(&e), "Ferralis");
}

#[test]
fn a_fund_leading_a_round_is_its_investor() {
    let e = one("Nautil Capital mène un tour de table de 12 millions d'euros dans Seabrix Marine, une start-up brestoise.");
    assert_eq!(e.kind, Kind::Equity);
    assert_eq!(inv(&e), "Nautil Capital");
    assert_eq!(
        e.recipient.as_ref().map(|r| r.canonical.as_str()),
        Some("Seabrix Marine")
    );
}

#[test]
fn a_price_paid_for_a_company_is_an_acquisition() {
    let e = one(
        "Rival Hotelco paid $116 million earlier this year for Rubix, a Munich-based hotel brand.",
    );
    assert_eq!(e.kind, Kind::Acquisition);
    assert_eq!(e.status, Status::Completed);
}

#[test]
fn quantities_of_goods_are_not_money() {
    let e = ev("Stahlwerk will invest around €3 billion in the plant, which will produce 2.5 million tonnes of iron a year.");
    assert!(e.iter().all(|x| amount(x) != Some(2.5e6)), "{e:#?}");
}

#[test]
fn set3_classes_products_summits_boilerplate() {
    // a weapon is a product: the company named before it invests
    let e = one("Les usines de Varnel Défense tournent à plein. L'entreprise, qui fabrique le char Orvane, va agrandir son usine de Tours avec un investissement de 40 millions d'euros.");
    assert_eq!(inv(&e), "Varnel Défense");
    // a summit is no organisation
    let e = ev("Le groupe Quelmar va investir 300 millions d'euros à Dunkerque, a-t-il annoncé à l'occasion du sommet Choose France.");
    assert!(e.iter().all(|x| inv(x) != "Choose France"), "{e:#?}");
    // boilerplate of a press release announces nothing
    let e = ev("Brivane annonce avoir levé 12 millions d'euros auprès de Fonds Alcyon.\n\nÀ propos de Fonds Alcyon\nFonds Alcyon est une société de gestion qui investit 900 millions d'euros dans des entreprises de croissance.");
    assert_eq!(e.len(), 1, "{e:#?}");
}

#[test]
fn set3_classes_size_denial_lack_currency_apart() {
    // "L'investissement atteint X" is the size of the investment
    let e = one("L'enseigne Norval a confirmé qu'elle allait implanter une plateforme logistique à Vendôme. L'investissement atteint 90 millions d'euros.");
    assert_eq!(amount(&e), Some(9e7));
    // a denial headline keeps none of the quoted plans
    let e = ev("Carvion denies report of new battery plant\n\nA newspaper reported that Carvion was in talks to invest €1 billion in a plant near Metz.");
    assert!(e.is_empty(), "{e:#?}");
    // lacking an offer commits nothing
    let e = ev("Le tribunal a prononcé la liquidation du chimiste Parmex, faute d'offre de reprise jugée sérieuse.");
    assert!(e.is_empty(), "{e:#?}");
    // dollars of another country
    let e = one(
        "Dairy group Valbrie has agreed to acquire the consumer business of Ketora for NZ$2.1bn.",
    );
    assert_eq!(
        e.amount.as_ref().and_then(|m| m.currency.as_deref()),
        Some("NZD")
    );
    // a hiring plan said to be apart is its own event
    let e = ev("Aerovane va consacrer 500 millions d'euros à une nouvelle ligne à Toulouse. Le constructeur a par ailleurs indiqué qu'il prévoyait d'embaucher 2 000 personnes en France cette année.");
    assert_eq!(e.len(), 2, "{e:#?}");
    assert!(e.iter().any(|x| x.kind == Kind::Jobs));
}

#[test]
fn price_by_montant_goes_to_the_verb_before() {
    let e = one("Bouygues Telecom a finalisé le rachat de Kolvane Telecom, l'opérateur virtuel vendu sous la marque Kolvane Mobile, pour un montant de 950 millions d'euros.");
    assert_eq!(e.kind, Kind::Acquisition);
    assert_eq!(
        e.recipient.as_ref().map(|r| r.canonical.as_str()),
        Some("Kolvane Telecom")
    );
}

#[test]
fn a_country_is_no_recipient() {
    let e = one("Spanish utility Iberdrola will spend £24 billion on electricity networks in the UK, making Britain its largest investment market.");
    assert_eq!(e.kind, Kind::Capex);
    assert!(e.recipient.is_none(), "{e:#?}");
    assert_eq!(e.country.as_deref(), Some("GB"));
}

#[test]
fn eu_grant_agencies_are_public_funders() {
    let e = one("Ferlane, a Lyon-based startup, has won a €2.5m grant from the European Innovation Council.");
    assert_eq!(e.kind, Kind::PublicFunding);
    assert_eq!(inv(&e), "European Innovation Council");
}

#[test]
fn a_grant_given_in_the_past_is_completed() {
    let e = one("La Région Bretagne a voté une subvention de 1,5 million d'euros à Ker Légumes pour son usine de Morlaix.");
    assert_eq!(e.kind, Kind::PublicFunding);
    assert_eq!(e.status, Status::Completed);
}

#[test]
fn french_pays_is_no_payment() {
    let e = ev("La coopérative agricole Ker Légumes a présenté mardi aux élus du pays de Landivisiau son projet pour le site de production.");
    assert!(e.is_empty(), "{e:#?}");
}

#[test]
fn hires_are_created_jobs() {
    let e = one("Le groupe Kerlan va investir 45 millions d'euros à Morlaix. Le chantier, qui doit démarrer au printemps, s'accompagnera de 80 embauches en CDI.");
    assert_eq!(e.jobs.as_ref().map(|j| j.value), Some(80));
}

#[test]
fn grant_labels_in_a_list_of_laureates_are_the_funder_s() {
    let e = ev("L'État annonce son soutien à trois projets industriels dans le cadre de France 2030.\nVerrelux (Albi, Tarn) : nouveau four électrique. Montant de l'aide : 6 millions d'euros.");
    let g = e
        .iter()
        .find(|x| x.kind == Kind::PublicFunding && amount(x) == Some(6e6))
        .expect("the labelled grant");
    assert!(g.investor.is_some(), "{e:#?}");
    let e = ev("The European Commission has selected four projects to receive grants from its clean-tech programme.\nBlueKiln (Netherlands): an electric kiln in a brick works. Grant: €41 million.\nHydroLusa (Portugal): a hydrogen plant. Grant: €58 million.");
    let g = e
        .iter()
        .find(|x| x.kind == Kind::PublicFunding && amount(x) == Some(4.1e7))
        .expect("the labelled grant");
    assert_eq!(g.country.as_deref(), Some("NL"), "{e:#?}");
}

#[test]
fn the_government_at_a_sentence_start_is_the_government() {
    let e = one("Pellow Foods will expand its bakery in Leeds. The government is supporting the project with a £12m grant.");
    assert_eq!(e.kind, Kind::PublicFunding);
    assert_eq!(inv(&e), "government");
}

#[test]
fn a_town_is_no_equity_recipient() {
    let e = ev("Marlow Chemicals to invest £80m in Sheffield\nMarlow Chemicals said it would invest £80m in Sheffield. Sheffield has a long history of steel making.");
    assert!(!e.is_empty(), "{e:#?}");
    assert!(e.iter().all(|x| x.kind == Kind::Capex), "{e:#?}");
}

#[test]
fn state_aid_amount_is_no_building_cost() {
    let e = ev("Korvan Semi to build €2bn chip plant in Leipzig, with €500m in state aid");
    assert!(
        e.iter()
            .all(|x| amount(x) != Some(5e8) || x.kind == Kind::PublicFunding),
        "{e:#?}"
    );
}

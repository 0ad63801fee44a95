//! Organisations the gazetteer does not know: capitalised names in the text
//! ("La jeune pousse grenobloise Recyclia", "IT services group Capvance"),
//! public funders ("l'État", "la Région Bretagne", "France 2030"), news
//! outlets, and aliases within one article ("Kessler" = "Kessler AG").

use crate::doc::{Doc, OrgM};

/// Capitalised words that never start (or make up) an organisation name.
const STOP: &[&str] = &[
    // currency words ("Rs 100 crore", "USD 5m")
    "rs",
    "inr",
    "usd",
    "eur",
    "gbp",
    "chf",
    "cad",
    "aud",
    // numbers and page furniture ("Deux annonces", "Rubrique Start-up")
    "deux",
    "trois",
    "quatre",
    "cinq",
    "dix",
    "two",
    "three",
    "four",
    "five",
    "rubrique",
    // continents ("fournisseurs en Asie" is no company)
    "asie",
    "afrique",
    "océanie",
    "asia",
    "africa",
    "oceania",
    // a people and a title ("The Americans put $370bn", "Gov. Henry McMaster")
    "americans",
    "gov",
    "section",
    // a headline's nouns, a class of firms, a summit and a menu item ("Buys
    // Stake in", "Foreign companies pledged", "Choose France",
    // "Fusions-acquisitions")
    "stake",
    "foreign",
    "choose",
    "fusions",
    // fact-box labels ("Montant levé : 4,5 M€", "Siège : Lyon") and rubrics
    // ("Les Echos | Santé - Pharmacie")
    "montant",
    "santé",
    "siège",
    "effectif",
    "effectifs",
    "création",
    "fondateurs",
    "investisseurs",
    "headquarters",
    "à",
    "dès",
    // scale words and months ("for $3.2 Billion", "Sept. 16, 2025"); "Mars"
    // and "Avril" are left out: they are also companies
    "billion",
    "billions",
    "million",
    "millions",
    "milliard",
    "milliards",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    // a ministry's portfolio ("l'Éducation nationale", "le ministre délégué
    // à l'Industrie") is no company
    "éducation",
    "industrie",
    // a headline's event noun ("Completes Acquisition of Paymatic")
    "acquisition",
    // generic plurals and titles before a person's name
    "companies",
    "entreprises",
    "investors",
    "investisseurs",
    "chancellor",
    "minister",
    "ministre",
    "secretary",
    "légende",
    "photo",
    "crédit",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "the",
    "a",
    "an",
    "au",
    "aux",
    "en",
    "pour",
    "par",
    "selon",
    "dans",
    "avec",
    "sur",
    "chez",
    "après",
    "avant",
    "depuis",
    "outre",
    "cette",
    "ce",
    "cet",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "vous",
    "je",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "our",
    "their",
    "his",
    "her",
    "we",
    "they",
    "in",
    "at",
    "for",
    "by",
    "with",
    "from",
    "after",
    "as",
    "but",
    "and",
    "et",
    "mais",
    "ou",
    "or",
    "si",
    "if",
    "when",
    "quand",
    "lors",
    "plus",
    "moins",
    "according",
    "comme",
    "like",
    "mr",
    "mrs",
    "ms",
    "m",
    "mme",
    "dr",
    "pr",
    "c",
    "qu",
    "n",
    "s",
    "y",
    "ici",
    "here",
    "there",
    "also",
    "aussi",
    "enfin",
    "surtout",
    "ensuite",
    "désormais",
    "néanmoins",
    "ainsi",
    "alors",
    "pourtant",
    "toutefois",
    "cependant",
    "however",
    "meanwhile",
    "while",
    "since",
    "until",
    "to",
    "of",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "has",
    "have",
    "had",
    "not",
    "no",
    "yes",
    "oui",
    "non",
    "tout",
    "tous",
    "toute",
    "toutes",
    "all",
    "chaque",
    "each",
    "every",
    "quelque",
    "quelques",
    "some",
    "many",
    "most",
    "plusieurs",
    "several",
    "autre",
    "autres",
    "other",
    "another",
    "nouveau",
    "nouvelle",
    "new",
    "premier",
    "première",
    "first",
    "second",
    "last",
    "dernier",
    "dernière",
    "next",
    "prochain",
    "prochaine",
    "même",
    "same",
    "very",
    "très",
    "déjà",
    "already",
    "still",
    "encore",
    "only",
    "seul",
    "seule",
    "just",
    "juste",
    "ni",
    "nor",
    "then",
    "puis",
    "donc",
    "so",
    "because",
    "parce",
    "car",
    "où",
    "where",
    "what",
    "qui",
    "que",
    "quoi",
    "who",
    "which",
    "whom",
    "whose",
    "how",
    "why",
    "comment",
    "pourquoi",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "président",
    "présidente",
    "president",
    "directeur",
    "directrice",
    "director",
    "chief",
    "executive",
    "officer",
    "ceo",
    "pdg",
    "cfo",
    "coo",
    "cto",
    "ministre",
    "minister",
    "secrétaire",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "founder",
    "fondateur",
    "fondatrice",
    "cofondateur",
    "cofondatrice",
    "ia",
    "ai",
    "co2",
    "llm",
    "llms",
    "pib",
    "gdp",
    "cgt",
    "cfdt",
    "fo",
    "ce",
    "cse",
    "pse",
    "rh",
    "r",
    "usd",
    "eur",
    "gbp",
    "md",
    "mds",
    "mrd",
    "twh",
    "mw",
    "gw",
    "mwh",
    "gwh",
    "km",
    "pme",
    "eti",
    "tpe",
    "sa",
    "sas",
    "sarl",
    "ndlr",
    "us",
    "usa",
    "uk",
    "ue",
    "covid",
    "internet",
    "web",
    "genai",
    "big",
    "tech",
    "bourse",
    "nasdaq",
    "cac",
    "ps",
    "pdf",
    "ht",
    "ttc",
    "ca",
    "cdi",
    "cdd",
    "q1",
    "q2",
    "q3",
    "q4",
    "s1",
    "s2",
    "e",
    "publié",
    "mis",
    "mise",
    "jour",
    "updated",
    "published",
    "photo",
    "lire",
    "read",
    "more",
    "en savoir",
    "savoir",
    "voir",
    "see",
    "also",
    "breaking",
    "exclusif",
    "exclusive",
    "update",
    "eu",
    "europe",
    "european",
    "européen",
    "européenne",
    "monsieur",
    "madame",
    "sainte",
    "cela",
    "ceci",
    "ça",
    "st",
    "mont",
    "est",
    "central",
    "state",
    "government",
    "gouvernement",
    "état",
    "région",
    "region",
    "département",
    "ville",
    "city",
    "commune",
    "république",
    "republic",
    "sénat",
    "assemblée",
    "parlement",
    "parliament",
    "conseil",
    "council",
    "ministère",
    "ministry",
    "préfet",
    "préfecture",
    "maire",
    "mairie",
    "mayor",
    "paris",
    "sek",
    "chf",
    "dkk",
    "nok",
    "cad",
    "jpy",
    "cny",
    "aud",
    "inr",
    "krw",
    "series",
    "série",
    "seed",
    "france",
    "reporting",
    "editing",
    "writing",
    "additional",
    "by",
    "shares",
    "share",
];

/// Nationality adjectives and demonyms written with a capital (English) or
/// used as nouns ("L'Américain"): never part of a company name.
const NATIONALITY: &[&str] = &[
    "french",
    "german",
    "british",
    "english",
    "american",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "dutch",
    "belgian",
    "swiss",
    "italian",
    "spanish",
    "portuguese",
    "polish",
    "japanese",
    "chinese",
    "korean",
    "south",
    "indian",
    "canadian",
    "australian",
    "irish",
    "austrian",
    "czech",
    "hungarian",
    "romanian",
    "greek",
    "turkish",
    "israeli",
    "saudi",
    "emirati",
    "qatari",
    "taiwanese",
    "singaporean",
    "brazilian",
    "mexican",
    "russian",
    "ukrainian",
    "luxembourgish",
    "scottish",
    "welsh",
    "européen",
    "américain",
    "américaine",
    "allemand",
    "allemande",
    "japonais",
    "japonaise",
    "chinois",
    "chinoise",
    "britannique",
    "suisse",
    "belge",
    "italien",
    "italienne",
    "espagnol",
    "espagnole",
    "suédois",
    "suédoise",
    "norvégien",
    "norvégienne",
    "danois",
    "danoise",
    "néerlandais",
    "néerlandaise",
    "coréen",
    "coréenne",
    "indien",
    "indienne",
    "canadien",
    "canadienne",
    "taïwanais",
    "taïwanaise",
    "français",
    "française",
];

/// Common first names: a capitalised pair starting with one is a person.
const FIRST_NAMES: &[&str] = &[
    "jean",
    "pierre",
    "marie",
    "michel",
    "philippe",
    "alain",
    "nicolas",
    "françois",
    "patrick",
    "christophe",
    "thomas",
    "julien",
    "olivier",
    "laurent",
    "éric",
    "eric",
    "frédéric",
    "david",
    "stéphane",
    "sébastien",
    "emmanuel",
    "bruno",
    "bernard",
    "claire",
    "julie",
    "sophie",
    "nathalie",
    "isabelle",
    "catherine",
    "anne",
    "christine",
    "sylvie",
    "valérie",
    "céline",
    "camille",
    "léa",
    "emma",
    "louis",
    "paul",
    "jacques",
    "henri",
    "antoine",
    "guillaume",
    "mathieu",
    "matthieu",
    "vincent",
    "xavier",
    "yves",
    "gérard",
    "daniel",
    "arnaud",
    "benoît",
    "hugo",
    "lucas",
    "martin",
    "marc",
    "luc",
    "agnès",
    "élisabeth",
    "elisabeth",
    "sarah",
    "laura",
    "john",
    "james",
    "robert",
    "michael",
    "william",
    "richard",
    "joseph",
    "charles",
    "mark",
    "peter",
    "george",
    "steven",
    "andrew",
    "kevin",
    "brian",
    "jeff",
    "satya",
    "sundar",
    "tim",
    "elon",
    "bill",
    "brad",
    "sam",
    "mary",
    "patricia",
    "jennifer",
    "linda",
    "susan",
    "karen",
    "helen",
    "anna",
    "ingrid",
    "dana",
    "sunil",
    "emily",
    "jessica",
    "rachel",
    "lisa",
    "kate",
    "hans",
    "klaus",
    "stefan",
    "thierry",
    "didier",
    "gilles",
    "pascal",
    "denis",
    "fabrice",
    "jérôme",
    "jerome",
    "cédric",
    "romain",
    "maxime",
    "alexandre",
    "benjamin",
    "clément",
    "aurélien",
    "damien",
    "florian",
    "quentin",
    "élodie",
    "aurélie",
    "caroline",
    "hélène",
    "marion",
    "pauline",
    "lucie",
    "chloé",
    "manon",
    "inès",
    "marine",
    "bérangère",
    "roland",
    "arthur",
    "victor",
    "raphaël",
    "gabriel",
    "adam",
    "noah",
    "oliver",
    "harry",
    "jack",
    "charlotte",
    "sophia",
    "olivia",
    "amelia",
    "ursula",
    "angela",
    "olaf",
    "friedrich",
    "roberto",
    "marco",
    "giuseppe",
    "carlos",
    "juan",
    "josé",
    "miguel",
    "pedro",
    "akio",
    "kenji",
    "hiroshi",
    "li",
    "wang",
    "zhang",
    "chen",
    "rishi",
    "keir",
    "boris",
    "joe",
    "donald",
    "kamala",
    "barack",
    "jensen",
    "lisa",
    "arvind",
    "mario",
    "elena",
    "maria",
    "giorgia",
    "mette",
    "ulf",
    "sven",
    "lars",
    "nils",
    "erik",
    "anders",
    "jens",
    "ahmed",
    "mohamed",
    "mohammed",
    "ali",
    "fatima",
    "yasmine",
    "karim",
    "nadia",
    "omar",
    "léo",
    "nathan",
    "tom",
    "ben",
    "dan",
    "sara",
    "eva",
    "alice",
    "louise",
    "jeanne",
    "margaux",
    "juliette",
    "amélie",
    "delphine",
    "sandrine",
    "véronique",
    "florence",
    "laurence",
    "corinne",
    "martine",
    "brigitte",
    "dominique",
    "claude",
    "françoise",
    "monique",
    "odile",
    "yann",
    "loïc",
    "gaël",
    "erwan",
    "ronan",
    "tristan",
    "bastien",
    "jordan",
    "dylan",
    "helga",
    "greta",
    "astrid",
    "birgit",
    "katarina",
    "jan",
    "piet",
    "willem",
    "joost",
    "hiro",
    "takashi",
    "yuki",
    "haruto",
    "min",
    "jun",
    "wei",
    "ming",
    "raj",
    "priya",
    "anil",
    "rachida",
    "elsa",
    "marie-ève",
    "anne-sophie",
    "jean-pierre",
    "jean-marc",
    "jean-luc",
    "marie-claire",
    "olga",
    "natalia",
    "ivan",
    "dmitri",
    "andrea",
    "stefano",
    "luca",
    "giovanni",
    "francesco",
    "paolo",
    "carla",
    "ana",
    "lucia",
    "javier",
    "pablo",
    "diego",
    "antonio",
    "manuel",
    "rafael",
    "sergio",
    "ines",
    "helena",
    "sofia",
    "emma",
    "mia",
    "lena",
    "leon",
    "felix",
    "paul",
    "max",
    "moritz",
    "jonas",
    "tobias",
    "markus",
    "thomas",
    "michael",
    "christian",
    "andreas",
    "wolfgang",
    "jürgen",
    "ursula",
    "sabine",
    "petra",
    "monika",
    "heike",
    "gabriele",
    "susanne",
    "andy",
    "matt",
    "greg",
    "chris",
];

/// News outlets: they report, they never invest.
const OUTLETS: &[&str] = &[
    "reuters",
    "bloomberg",
    "afp",
    "agence france-presse",
    "les echos",
    "echos",
    "le monde",
    "le figaro",
    "financial times",
    "ft",
    "wall street journal",
    "wsj",
    "cnbc",
    "l'usine nouvelle",
    "usine nouvelle",
    "la tribune",
    "bfm",
    "bfm business",
    "bfmtv",
    "ouest-france",
    "ouest france",
    "challenges",
    "handelsblatt",
    "nikkei",
    "ap",
    "associated press",
    "dow jones",
    "le parisien",
    "libération",
    "capital",
    "l'express",
    "le point",
    "les echos investir",
    "the information",
    "techcrunch",
    "the verge",
    "politico",
    "le journal du dimanche",
    "jdd",
    "franceinfo",
    "france info",
    "le télégramme",
    "la voix du nord",
    "sud ouest",
    "le progrès",
    "la dépêche",
    "l'opinion",
    "mediapart",
    "the guardian",
    "the times",
    "the telegraph",
    "new york times",
    "washington post",
    "forbes",
    "fortune",
    "axios",
    "business insider",
    "sifted",
    "maddyness",
    "l'agefi",
    "agefi",
    "dpa",
    "ansa",
    "efe",
    "kyodo",
    "xinhua",
    "yonhap",
    "rtl",
    "europe 1",
    "france inter",
    "prnewswire",
    "pr newswire",
    "business wire",
    "businesswire",
    "globenewswire",
    "globe newswire",
    "la nouvelle république",
    "nouvelle république",
    "le dauphiné libéré",
    "dauphiné libéré",
    "l'est républicain",
    "le républicain lorrain",
    "dernières nouvelles d'alsace",
    "l'alsace",
    "midi libre",
    "la provence",
    "nice-matin",
    "le courrier picard",
    "paris-normandie",
    "l'indépendant",
    "la montagne",
    "centre presse",
    "france 3",
    "france bleu",
    "l'usine digitale",
    "usine digitale",
    "data center dynamics",
    "datacenterdynamics",
    "bbc",
    "sky news",
    "the economist",
    "cnn",
    "lsa",
    "zdnet",
];

use crate::doc::FastSet as HashSet;
use std::sync::OnceLock;

/// Word lists as hash sets, built once (immutable after that).
struct Sets {
    stop: HashSet<&'static str>,
    first: HashSet<&'static str>,
    outlets: HashSet<&'static str>,
    #[allow(dead_code)] // (read by the tests)
    outlet_first: HashSet<&'static str>,
    /// Per first word of an outlet ([`Sets::outlet_first`]): is it an
    /// outlet alone, and the one or two bytes that follow it in the
    /// longer outlets.
    outlet_next: crate::doc::FastMap<&'static str, OutletNext>,
    /// The shapes of `outlet_first` (none is empty).
    outlet_first_shapes: crate::doc::Shapes,
    /// The shapes of `outlets`.
    outlet_shapes: crate::doc::Shapes,
    /// The shapes of `stop` (none is empty).
    stop_shapes: crate::doc::Shapes,
}

/// What follows a first word of an outlet in the outlets.
#[derive(Default)]
struct OutletNext {
    /// The word alone is an outlet.
    alone: bool,
    /// The byte after the word in a longer outlet, and the next one if any.
    next: Vec<(u8, Option<u8>)>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let outlet_first: HashSet<&'static str> = OUTLETS
            .iter()
            .map(|o| o.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(o))
            .collect();
        let mut outlet_next: crate::doc::FastMap<&'static str, OutletNext> = Default::default();
        for o in OUTLETS {
            let w = o.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(o);
            let e = outlet_next.entry(w).or_default();
            match o.as_bytes().get(w.len()..) {
                Some([]) | None => e.alone = true,
                Some([b0, rest @ ..]) => e.next.push((*b0, rest.first().copied())),
            }
        }
        let mut outlet_first_shapes = crate::doc::Shapes::new();
        for w in &outlet_first {
            outlet_first_shapes.insert(w);
        }
        let mut outlet_shapes = crate::doc::Shapes::new();
        for w in OUTLETS {
            outlet_shapes.insert(w);
        }
        let stop: HashSet<&'static str> = STOP.iter().chain(NATIONALITY.iter()).copied().collect();
        let mut stop_shapes = crate::doc::Shapes::new();
        for w in &stop {
            stop_shapes.insert(w);
        }
        Sets {
            stop,
            first: FIRST_NAMES.iter().copied().collect(),
            outlets: OUTLETS.iter().copied().collect(),
            outlet_first,
            outlet_next,
            outlet_first_shapes,
            outlet_shapes,
            stop_shapes,
        }
    })
}

pub(crate) fn is_outlet_name(lower: &str) -> bool {
    sets().outlets.contains(lower)
}

/// [`is_outlet_name`] of `name.to_lowercase()`, without the lowercase copy
/// for an ASCII name whose shape no outlet has (most names).
pub(crate) fn is_outlet_canonical(name: &str) -> bool {
    let s = sets();
    if name.is_ascii() {
        let b = name.as_bytes();
        let (Some(f), Some(l)) = (b.first(), b.last()) else {
            // (no outlet is empty)
            return false;
        };
        if !s
            .outlet_shapes
            .may_have(b.len(), f.to_ascii_lowercase(), l.to_ascii_lowercase())
        {
            return false;
        }
    }
    is_outlet_name(&name.to_lowercase())
}

fn stop(w: &str) -> bool {
    let s = sets();
    // (most words fail the shapes; no stop word is empty)
    s.stop_shapes.may_have_span(w.as_bytes(), 0, w.len()) && s.stop.contains(w)
}

fn first_name(w: &str) -> bool {
    sets().first.contains(w)
}

fn org(start: usize, end: usize, name: &str, public: bool, outlet: bool) -> OrgM {
    OrgM {
        start,
        end,
        name: name.to_string(),
        canonical: name.to_string(),
        family: name.to_string(),
        country: None,
        outlet,
        known: false,
        public,
    }
}

/// Public institutions that invest in their own sites (a hospital, a
/// university): "le CHU de Limoges", "du centre hospitalier de Dax-Côte
/// d'Argent", "l'Université de Bordeaux". They own projects; they are not
/// funders of others' projects.
pub(crate) fn institutions(d: &Doc, out: &mut Vec<OrgM>) {
    let n = d.toks.len();
    let mut i = 0;
    // (most tokens fail the heads' shape: doc::scan found those that pass)
    for &(k, h) in &d.hits {
        let k = k as usize;
        if h & crate::doc::HIT_INST == 0 || k < i {
            continue;
        }
        i = k;
        let w = d.w(i);
        // the head and the token after it
        let after = match w {
            "chu" | "chru" if d.toks[i].cap => i + 1,
            "centre" | "center" if d.w(i + 1) == "hospitalier" => {
                let k = i
                    + 2
                    + usize::from(matches!(
                        d.w(i + 2),
                        "universitaire" | "régional" | "intercommunal"
                    ));
                // a capital, or a name after "de": "du centre hospitalier de Dax"
                if !(d.toks[i].cap
                    || d.toks.get(i + 2).is_some_and(|t| t.cap)
                    || matches!(d.w(k), "de" | "du" | "d"))
                {
                    i += 1;
                    continue;
                }
                k
            }
            "université" | "university" if d.toks[i].cap => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        // "de", "du", "d'" then capitalised words, hyphenated compounds and
        // "d'Argent"
        let mut e = after;
        if matches!(d.w(e), "de" | "du" | "of") {
            e += 1;
        } else if d.w(e) == "d" && matches!(d.w(e + 1), "'" | "’") {
            e += 2;
        }
        let name_start = e;
        while e < n && e < name_start + 8 {
            let t = d.toks[e];
            let glued = e > 0 && d.toks[e - 1].end == t.start;
            if t.cap && t.word
                || glued && matches!(d.w(e), "-" | "'" | "’")
                || d.w(e) == "d"
                    && matches!(d.w(e + 1), "'" | "’")
                    && d.toks.get(e + 2).is_some_and(|x| x.cap)
            {
                e += 1;
            } else {
                break;
            }
        }
        while e > name_start && matches!(d.w(e - 1), "-" | "'" | "’" | "d") {
            e -= 1;
        }
        if e == name_start {
            i = after;
            continue;
        }
        let start = d.toks[i].start;
        let end = d.toks[e - 1].end;
        let name = d.text.get(start..end).unwrap_or("");
        // "centre hospitalier de Dax" is "Centre hospitalier de Dax"
        let mut canon: String = name.to_string();
        if let Some(f) = canon.get(..1) {
            let up = f.to_uppercase();
            canon.replace_range(..1, &up);
        }
        let mut o = org(start, end, name, false, false);
        o.canonical = canon.clone();
        o.family = canon;
        o.country = Some("FR".to_string());
        o.known = true;
        out.push(o);
        i = e;
    }
}

/// Every head [`institutions`] looks for (test
/// `institution_heads_have_their_shape` checks the arms' words).
pub(crate) const INSTITUTION_HEADS: &[&str] = &[
    "chu",
    "chru",
    "centre",
    "center",
    "université",
    "university",
];

/// The lowercase word at `lower[a..b]` may be one of [`INSTITUTION_HEADS`]:
/// it starts with `c` or `u` and has 3, 4, 6, 10 or 11 bytes.
#[inline]
pub(crate) fn may_be_institution_head(lower: &[u8], a: usize, b: usize) -> bool {
    matches!(lower.get(a), Some(b'c' | b'u')) && matches!(b.wrapping_sub(a), 3 | 4 | 6 | 10 | 11)
}

/// Every word the arms of [`public_bodies`] match (test
/// `public_heads_cover_the_arms` checks the list against the source).
static PUBLIC_HEADS: crate::lexicon::Words = crate::lexicon::Words::new(PUBLIC_HEAD_LIST);

/// [`PUBLIC_HEADS`] by first byte and length: bit `len` of entry `b` is set
/// when a word of `len` bytes starting with `b` is in the list (a cheap
/// first test that most words fail).
const PUBLIC_HEAD_SHAPES: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut k = 0;
    while k < PUBLIC_HEAD_LIST.len() {
        let b = PUBLIC_HEAD_LIST[k].as_bytes();
        assert!(b.len() < 32);
        t[b[0] as usize] |= 1 << b.len();
        k += 1;
    }
    t
};

/// The word after a state or a city acting as a government ("Wisconsin
/// will provide", "Ohio officials said"): the last arm of [`public_bodies`].
#[inline]
fn acts_as_government(next: &str) -> bool {
    matches!(
        next,
        "will"
            | "would"
            | "has"
            | "agreed"
            | "provides"
            | "offers"
            | "grants"
            | "officials"
            | "awarded"
            | "approved"
            | "to"
    )
}

/// A word of `len` bytes starting with `first` may be in [`PUBLIC_HEADS`].
#[inline]
pub(crate) fn may_be_public_head_at(first: u8, len: usize) -> bool {
    len < 32 && PUBLIC_HEAD_SHAPES[usize::from(first)] >> len & 1 != 0
}

/// A first word of an outlet may have slot `k` ([`crate::doc::slot_of`]).
pub(crate) fn outlet_first_slot(k: usize) -> bool {
    sets().outlet_first_shapes.has_slot(k)
}

/// A word that may be in [`PUBLIC_HEADS`].
fn may_be_public_head(w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        Some(&f) => b.len() < 32 && PUBLIC_HEAD_SHAPES[f as usize] >> b.len() & 1 != 0,
        None => false,
    }
}

pub(crate) const PUBLIC_HEAD_LIST: &[&str] = &[
    "ademe",
    "agence",
    "banque",
    "bei",
    "bpifrance",
    "caisse",
    "collectivité",
    "commission",
    "communauté",
    "conseil",
    "department",
    "département",
    "eib",
    "eic",
    "erc",
    "etat",
    "european",
    "fonds",
    "france",
    "fund",
    "gouvernement",
    "government",
    "ministry",
    "métropole",
    "region",
    "région",
    "state",
    "union",
    "état",
];

/// Public funders, by token patterns over the lowercase text.
pub(crate) fn public_bodies(d: &Doc, out: &mut Vec<OrgM>) {
    let n = d.toks.len();
    let mut i = 0;
    // a lowercase word takes an arm below only when it is one of their
    // words (the one arm without a word wants a capital); doc::scan found
    // the tokens that pass their shape (or have a capital): the next one
    for &(k, h) in &d.hits {
        let k = k as usize;
        if h & crate::doc::HIT_PUBLIC == 0 || k < i {
            continue;
        }
        i = k;
        let t = d.toks[i];
        let w = d.w(i);
        if !(t.cap || may_be_public_head(w) && PUBLIC_HEADS.contains(&w)) {
            i += 1;
            continue;
        }
        // a capital whose word is none of the arms' (doc::scan read its
        // shape) can only take the last arm: a state or a city before one
        // of its verbs
        if t.cap && h & crate::doc::HIT_PUBLIC_HEAD == 0 && !acts_as_government(d.w(i + 1)) {
            i += 1;
            continue;
        }
        // the country named in "Japan's" before token i, if any
        let possessor_country = |i: usize| -> Option<&str> {
            if i < 3 || d.w(i - 1) != "s" || !matches!(d.w(i - 2), "'" | "’") {
                return None;
            }
            let start = d.toks[i - 3].start;
            d.ctrys
                .iter()
                .find(|c| c.start == start && !c.demonym)
                .map(|c| c.country.as_str())
        };
        let mut found: Option<(usize, String, Option<&str>)> = None; // (end tok excl, canonical, country)
        let mut from = i;
        match w {
            // "l'État de Caroline du Sud", "l'État du Texas": a foreign state
            "état" | "etat"
                if t.cap
                    && matches!(d.w(i + 1), "de" | "du")
                    && d.toks.get(i + 2).is_some_and(|x| x.cap && x.word) =>
            {
                let first = if d.w(i + 1) == "du" { i + 1 } else { i + 2 };
                let mut e = i + 3;
                while e < n
                    && e < i + 7
                    && (d.toks[e].cap && d.toks[e].word
                        || matches!(d.w(e), "du" | "de" | "-")
                            && d.toks.get(e + 1).is_some_and(|x| x.cap && x.word))
                {
                    e += if d.toks[e].cap { 1 } else { 2 };
                }
                let e = e.min(n);
                let name = d
                    .text
                    .get(d.toks[first].start..d.toks[e - 1].end)
                    .unwrap_or("État")
                    .to_string();
                let name = match name.strip_prefix("du ") {
                    Some(r) => r.to_string(),
                    None => name,
                };
                let country = crate::cities::city_country(&name.to_lowercase());
                found = Some((e, name, country));
            }
            "état" | "etat" if t.cap => {
                let mut e = i + 1;
                if d.w(i + 1) == "français" {
                    e += 1;
                }
                found = Some((e, "État".into(), Some("FR")));
            }
            "gouvernement" => {
                let mut e = i + 1;
                if d.w(i + 1) == "français" {
                    e += 1;
                    found = Some((e, "État".into(), Some("FR")));
                } else if matches!(d.w(i.wrapping_sub(1)), "le" | "du" | "au") {
                    found = Some((e, "État".into(), Some("FR")));
                }
            }
            // "The government" at a sentence start is "the government"
            "government"
                if i > 0 && d.toks[i - 1].cap && d.toks[i - 1].word && d.w(i - 1) != "the" =>
            {
                from = i - 1;
                found = Some((i + 1, format!("{} government", d.raw(i - 1)), None));
            }
            // "the US Commerce Department", "the Energy Department"
            "department"
                if t.cap
                    && i > 0
                    && d.toks[i - 1].cap
                    && d.toks[i - 1].word
                    && d.w(i - 1) != "the" =>
            {
                from = i - 1;
                if i > 1 && d.toks[i - 2].cap && d.toks[i - 2].word && d.w(i - 2).len() <= 3 {
                    from = i - 2;
                }
                let name = d
                    .text
                    .get(d.toks[from].start..t.end)
                    .unwrap_or("Department")
                    .to_string();
                found = Some((i + 1, name, None));
            }
            // "the Department of Energy"
            "department"
                if t.cap && d.w(i + 1) == "of" && d.toks.get(i + 2).is_some_and(|x| x.cap) =>
            {
                let name = d
                    .text
                    .get(t.start..d.toks[i + 2].end)
                    .unwrap_or("Department")
                    .to_string();
                found = Some((i + 3, name, None));
            }
            // "the federal government", "the central government"
            "government"
                if i > 1
                    && matches!(d.w(i - 1), "federal" | "central" | "national")
                    && d.w(i - 2) == "the" =>
            {
                from = i - 1;
                found = Some((i + 1, format!("{} government", d.w(i - 1)), None));
            }
            // "the state of North Rhine-Westphalia", "the state of Bavaria"
            "state"
                if i > 0
                    && d.w(i - 1) == "the"
                    && d.w(i + 1) == "of"
                    && d.toks.get(i + 2).is_some_and(|x| x.cap && x.word) =>
            {
                let mut e = i + 3;
                while e < n
                    && e < i + 8
                    && (d.toks[e].cap && d.toks[e].word
                        || d.w(e) == "-" && d.toks.get(e + 1).is_some_and(|x| x.cap))
                {
                    e += 1;
                }
                let name = d
                    .text
                    .get(d.toks[i + 2].start..d.toks[e - 1].end)
                    .unwrap_or("state")
                    .to_string();
                found = Some((e, name, None));
            }
            // "Japan's government": the state of that country
            "government"
                if i > 2
                    && d.w(i - 1) == "s"
                    && matches!(d.w(i - 2), "'" | "’")
                    && d.toks[i - 3].cap
                    && d.toks[i - 3].word =>
            {
                from = i - 3;
                found = Some((
                    i + 1,
                    format!("{} government", d.raw(i - 3)),
                    possessor_country(i),
                ));
            }
            // "the Ministry of Economy, Trade and Industry", "Ministry of Defence"
            "ministry"
                if t.cap
                    && d.w(i + 1) == "of"
                    && d.toks.get(i + 2).is_some_and(|x| x.cap && x.word) =>
            {
                let mut e = i + 3;
                while e < n
                    && e < i + 12
                    && (d.toks[e].cap && d.toks[e].word
                        || matches!(d.w(e), "," | "and" | "&")
                            && d.toks.get(e + 1).is_some_and(|x| x.cap && x.word))
                {
                    e += if d.toks[e].cap { 1 } else { 2 };
                }
                let e = e.min(n);
                let name = d
                    .text
                    .get(t.start..d.toks[e - 1].end)
                    .unwrap_or("Ministry")
                    .to_string();
                // "Japan's Ministry of ...": that country's
                found = Some((e, name, possessor_country(i)));
            }
            "government" if i > 0 && matches!(d.w(i - 1), "the") => {
                found = Some((i + 1, "government".to_string(), None));
            }
            "france" if d.w(i + 1) == "2030" => {
                found = Some((i + 2, "France 2030".into(), Some("FR")))
            }
            "bpifrance" => found = Some((i + 1, "Bpifrance".into(), Some("FR"))),
            // the public bank for local authorities and infrastructure
            "banque" if t.cap && d.w(i + 1) == "des" && d.w(i + 2) == "territoires" => {
                found = Some((i + 3, "Banque des Territoires".into(), Some("FR")))
            }
            "caisse"
                if t.cap && d.w(i + 1) == "des" && matches!(d.w(i + 2), "dépôts" | "depots") =>
            {
                found = Some((i + 3, "Caisse des Dépôts".into(), Some("FR")))
            }
            "ademe" => found = Some((i + 1, "Ademe".into(), Some("FR"))),
            "région" | "region" if t.cap || matches!(d.w(i.wrapping_sub(1)), "la" | "l") => {
                // "la Région Bretagne", "la région Hauts-de-France"
                let mut e = i + 1;
                // glued to the previous token ("Hauts-de-France")
                let glued = |e: usize| d.toks[e].start == d.toks[e - 1].end;
                // capitalised words of the same line, and hyphenated compounds
                let same_line = |e: usize| {
                    !d.text
                        .get(d.toks[e - 1].end..d.toks[e].start)
                        .unwrap_or("\n")
                        .contains('\n')
                };
                while e < n
                    && (d.toks[e].cap && same_line(e)
                        || glued(e) && (d.w(e) == "-" || d.w(e - 1) == "-"))
                {
                    e += 1;
                    if e - i > 6 {
                        break;
                    }
                }
                // a region the gazetteer knows runs to its end: "Région Pays
                // de la Loire", "Région Centre-Val de Loire"
                if let Some(p) = d.toks.get(i + 1).and_then(|nt| {
                    d.places
                        .iter()
                        .find(|p| p.start == nt.start && p.rank == 2 && p.country.is_some())
                }) {
                    while e < n && d.toks[e].end <= p.end {
                        e += 1;
                    }
                }
                // only treat as funder with a capital R or a name after it
                if e > i + 1 && t.cap {
                    let name = d
                        .text
                        .get(t.start..d.toks[e - 1].end)
                        .unwrap_or("Région")
                        .to_string();
                    found = Some((e, name, Some("FR")));
                } else if t.cap && matches!(d.w(i.wrapping_sub(1)), "la" | "l") {
                    found = Some((i + 1, "Région".into(), Some("FR")));
                }
            }
            "agence" | "collectivité" | "métropole" | "communauté" | "département" | "conseil"
                if t.cap && !matches!(d.w(i + 1), "régional" | "départemental") =>
            {
                // "L'Agence de développement économique de la Corse (ADEC)":
                // capitalised words and the lowercase words of such names,
                // never a verb ("Communauté va investir")
                let linking = |w: &str| {
                    matches!(
                        w,
                        "de" | "du"
                            | "des"
                            | "d"
                            | "la"
                            | "l"
                            | "communes"
                            | "agglomération"
                            | "développement"
                            | "économique"
                            | "urbaine"
                            | "pour"
                            | "transition"
                            | "écologique"
                            | "innovation"
                            | "attractivité"
                            | "régionale"
                            | "santé"
                            | "défense"
                    )
                };
                let mut e = i + 1;
                while e < n
                    && e < i + 9
                    && (d.toks[e].word && (d.toks[e].cap || linking(d.w(e)))
                        || matches!(d.w(e), "'" | "’" | "-") && e + 1 < n && d.toks[e + 1].word)
                {
                    e += 1;
                }
                // no linking word at the end
                while e > i + 1
                    && (matches!(d.w(e - 1), "de" | "du" | "des" | "d" | "la" | "l" | "pour")
                        || matches!(d.w(e - 1), "'" | "’" | "-"))
                {
                    e -= 1;
                }
                // "Lannion-Trégor Communauté", "Châteauroux Métropole": the
                // place name before is part of the name
                if matches!(w, "communauté" | "métropole") && e == i + 1 {
                    let mut b = i;
                    while b > 0
                        && (d.toks[b - 1].word && d.toks[b - 1].cap && !stop(d.w(b - 1))
                            || d.w(b - 1) == "-" && b > 1 && d.toks[b - 2].word)
                        && !d
                            .text
                            .get(d.toks[b - 1].end..d.toks[b].start)
                            .unwrap_or("\n")
                            .contains('\n')
                        && i - b < 5
                    {
                        b -= 1;
                    }
                    from = b;
                }
                let mut canon = d
                    .text
                    .get(d.toks[from].start..d.toks[e.min(n) - 1].end)
                    .unwrap_or("")
                    .to_string();
                if d.w(e) == "(" && d.toks.get(e + 1).is_some_and(|x| x.cap) && d.w(e + 2) == ")" {
                    canon = d.raw(e + 1).to_string();
                    e += 3;
                }
                found = Some((e, canon, Some("FR")));
            }
            // "la communauté de communes", "la communauté d'agglomération"
            "communauté"
                if !t.cap
                    && matches!(d.w(i.wrapping_sub(1)), "la" | "sa" | "cette")
                    && (matches!(d.w(i + 1), "urbaine")
                        || matches!(d.w(i + 1), "de" | "d")
                            && matches!(d.w(i + 2), "communes" | "agglomération")
                        || matches!(d.w(i + 2), "'" | "’") && d.w(i + 3) == "agglomération") =>
            {
                let e = if d.w(i + 1) == "urbaine" {
                    i + 2
                } else if d.w(i + 2) == "communes" {
                    i + 3
                } else {
                    i + 4
                };
                let canon = d
                    .text
                    .get(t.start..d.toks[e.min(n) - 1].end)
                    .unwrap_or("communauté")
                    .to_string();
                found = Some((e, canon, Some("FR")));
            }
            "fonds" | "fund"
                if t.cap && matches!(d.w(i + 1), "pour" | "de" | "d" | "européen" | "for") =>
            {
                let mut e = i + 1;
                while e < n
                    && e < i + 6
                    && (d.toks[e].word || matches!(d.w(e), "'"))
                    && (e == i + 1
                        || !matches!(
                            d.w(e),
                            "de" | "du"
                                | "des"
                                | "est"
                                | "a"
                                | "sera"
                                | "qui"
                                | "is"
                                | "will"
                                | "has"
                                | "which"
                                | "of"
                        ))
                {
                    e += 1;
                }
                let canon = d
                    .text
                    .get(t.start..d.toks[e.min(n) - 1].end)
                    .unwrap_or("Fonds")
                    .to_string();
                found = Some((e, canon, None));
            }
            "conseil" if matches!(d.w(i + 1), "régional" | "départemental") => {
                found = Some((i + 2, format!("Conseil {}", d.w(i + 1)), Some("FR")));
            }
            "banque" if d.w(i + 1) == "des" && d.w(i + 2) == "territoires" => {
                found = Some((i + 3, "Banque des Territoires".into(), Some("FR")))
            }
            "caisse" if d.w(i + 1) == "des" && matches!(d.w(i + 2), "dépôts" | "depots") => {
                found = Some((i + 3, "Caisse des dépôts".into(), Some("FR")))
            }
            "union" if matches!(d.w(i + 1), "européenne") => {
                found = Some((i + 2, "Union européenne".into(), None))
            }
            "commission" if matches!(d.w(i + 1), "européenne") => {
                found = Some((i + 2, "Commission européenne".into(), None))
            }
            "european" if matches!(d.w(i + 1), "commission" | "union") => {
                found = Some((i + 2, format!("European {}", d.raw(i + 1)), None))
            }
            "european" if d.w(i + 1) == "investment" && d.w(i + 2) == "bank" => {
                found = Some((i + 3, "European Investment Bank".into(), None))
            }
            // "Wisconsin will provide $20m in tax credits", "Ohio officials said":
            // a state or a city acting as a government
            _ if t.cap
                && acts_as_government(d.w(i + 1))
                && crate::cities::city_country(w).is_some() =>
            {
                found = Some((i + 1, d.raw(i).to_string(), crate::cities::city_country(w)));
            }
            // the EU's grant agencies: "the European Innovation Council",
            // "the EIC Accelerator", "European Research Council"
            "european"
                if matches!(d.w(i + 1), "innovation" | "research") && d.w(i + 2) == "council" =>
            {
                found = Some((i + 3, format!("European {} Council", d.raw(i + 1)), None))
            }
            "eic" | "erc" if t.cap => {
                let e = if d.w(i + 1) == "accelerator" {
                    i + 2
                } else {
                    i + 1
                };
                let canon = if w == "eic" {
                    "European Innovation Council"
                } else {
                    "European Research Council"
                };
                if w == "eic" && d.w(i + 1) == "fund" {
                    // the EIC's equity arm: an investor of its own name
                    found = Some((i + 2, "EIC Fund".into(), None))
                } else {
                    found = Some((e, canon.into(), None))
                }
            }
            "bei" | "eib" if t.cap => {
                found = Some((i + 1, "European Investment Bank".into(), None))
            }
            _ => {}
        }
        if let Some((e, canon, country)) = found {
            let e = e.max(i + 1).min(n);
            let start = d.toks[from].start;
            let end = d.toks[e - 1].end;
            let mut o = org(
                start,
                end,
                d.text.get(start..end).unwrap_or(""),
                true,
                false,
            );
            o.canonical = canon.clone();
            o.family = canon;
            o.country = country.map(str::to_string);
            o.known = true;
            out.push(o);
            i = e;
        } else {
            i += 1;
        }
    }
}

/// Outlets named in the text (built-in list), as organisations with
/// `outlet = true`.
pub(crate) fn outlets(d: &Doc, out: &mut Vec<OrgM>) {
    let n = d.toks.len();
    let sets = sets();
    let lower = d.lower.as_bytes();
    let mut i = 0;
    // (an outlet's name starts with a capital: the next one, from the
    // capitals doc::scan found)
    for &(k, h) in &d.hits {
        let k = k as usize;
        if h & crate::doc::HIT_CAP == 0 || k < i {
            continue;
        }
        i = k;
        // part of a longer name ("Balderton Capital") is not the outlet;
        // (most capitalised words fail the shapes of the first words)
        if h & crate::doc::HIT_OUTLET == 0 {
            i += 1;
            continue;
        }
        let glued = i > 0
            && d.toks[i - 1].cap
            && d.toks[i - 1].word
            && d.text.get(d.toks[i - 1].end..d.toks[i].start) == Some(" ");
        // (the outlets of this first word: their text after it, which the
        // text after the token must start with for a longer match)
        let next = if glued {
            None
        } else {
            sets.outlet_next.get(d.w(i))
        };
        let Some(next) = next else {
            i += 1;
            continue;
        };
        let te = d.toks[i].end;
        let (b0, b1) = (lower.get(te).copied(), lower.get(te + 1).copied());
        let longer = next
            .next
            .iter()
            .any(|&(x, y)| Some(x) == b0 && y.is_none_or(|y| Some(y) == b1));
        // longest match of up to 4 tokens (joined with single spaces / apostrophes)
        let mut best = None;
        for len in (1..=4).rev() {
            if i + len > n {
                continue;
            }
            if len == 1 {
                // (the token's word is the whole span)
                if next.alone {
                    best = Some((1, d.toks[i].start, te));
                }
                break;
            }
            let a = d.toks[i].start;
            let b = d.toks[i + len - 1].end;
            // (a span beyond the word holds the text after it)
            if !longer && b > te {
                continue;
            }
            // (an outlet's name is never empty)
            if !sets.outlet_shapes.may_have_span(lower, a, b) {
                continue;
            }
            let s = d.lspan(a, b);
            if sets.outlets.contains(s) {
                best = Some((len, a, b));
                break;
            }
        }
        if let Some((len, a, b)) = best {
            let name = d.text.get(a..b).unwrap_or("");
            let mut o = org(a, b, name, false, true);
            o.known = true;
            out.push(o);
            i += len;
        } else {
            i += 1;
        }
    }
}

/// Verbs of a title-case headline ("NovaCel Therapeutics Announces €75
/// Million Investment", "Halden Industrial Agrees to Buy ..."): they end the
/// name before them.
fn headline_verb(w: &str) -> bool {
    matches!(
        w,
        "announces"
            | "agrees"
            | "plans"
            | "raises"
            | "buys"
            | "acquires"
            | "completes"
            | "closes"
            | "secures"
            | "unveils"
            | "picks"
            | "opens"
            | "invests"
            | "launches"
            | "signs"
            | "seeks"
            | "pledges"
            | "starts"
            | "expands"
            | "wins"
            | "sells"
            | "commits"
            | "receives"
            | "lands"
            | "breaks"
            | "selects"
            | "chooses"
            | "confirms"
            | "scraps"
            | "shelves"
            | "cancels"
            | "hires"
            | "to"
    )
}

fn is_sentence_initial(d: &Doc, i: usize, sent_t0: usize) -> bool {
    let mut j = i;
    while j > sent_t0 {
        let p = d.w(j - 1);
        if matches!(p, "." | ":" | "!" | "?" | "\n" | ";") {
            return true;
        }
        // a dash between spaces after a dateline or a time ("(Reuters) -
        // Consulting firm X", "16h40 - Le bilan") starts the sentence
        if !p.is_empty()
            && p.chars().all(|c| matches!(c, '-' | '–' | '—'))
            && d.text.get(d.toks[j - 1].end..d.toks[j - 1].end + 1) == Some(" ")
            && d.toks[j - 1].start > 0
            && d.text.get(d.toks[j - 1].start - 1..d.toks[j - 1].start) == Some(" ")
        {
            return true;
        }
        // quotes, dashes, emoji, "L'", "D'": still the start
        if !d.toks[j - 1].word || matches!(p, "l" | "d") {
            j -= 1;
            continue;
        }
        return false;
    }
    true
}

/// Capitalised names that look like organisations.
/// `caps` is [`caps_inside`] of the document.
pub(crate) fn pattern_orgs<'d>(
    d: &'d Doc,
    taken: &[(usize, usize)],
    caps: &Caps,
    out: &mut Vec<OrgM>,
) {
    let overlaps = |a: usize, b: usize| taken.iter().any(|&(x, y)| a < y && x < b);
    // places are sorted by start: look them up by position
    let places_at = |a: usize| {
        let lo = d.places.partition_point(|p| p.start < a);
        d.places[lo..].iter().take_while(move |p| p.start == a)
    };
    let is_place_exact = |a: usize, b: usize| places_at(a).any(|p| p.end == b);
    let is_place_within = |a: usize, b: usize| {
        let hi = d.places.partition_point(|p| p.start <= a);
        d.places[..hi]
            .iter()
            .rev()
            .take(8)
            .any(|p| p.start <= a && b <= p.end)
    };
    // a place's text is `lname` in lowercase (few places: compared one
    // by one, no lowercase copy made)
    let place_named = |lname: &str| d.places.iter().any(|p| lowercase_is(&p.text, lname));
    // words written in lowercase somewhere (as words of their own, not in an
    // e-mail address, a URL or a hashtag): common words
    let written_lower = |t: &crate::doc::Tok| {
        let glue = |c: Option<char>| c.is_some_and(|c| matches!(c, '@' | '.' | '/' | '_' | '#'));
        t.word
            && !t.cap
            && d.text
                .get(t.start..)
                .and_then(|x| x.chars().next())
                .is_some_and(|c| c.is_lowercase())
            && !glue(d.text.get(..t.start).and_then(|x| x.chars().next_back()))
            && !(glue(d.text.get(t.end..).and_then(|x| x.chars().next()))
                && d.text
                    .get(t.end + 1..)
                    .and_then(|x| x.chars().next())
                    .is_some_and(|c| c.is_alphanumeric()))
    };
    // only sentence-initial capitalised words are asked about, a few per
    // article: each is answered by one pass over the tokens (most skipped
    // by their length and first byte, read without slicing), then cached
    let lower_cache: std::cell::RefCell<Vec<(&str, bool)>> = std::cell::RefCell::new(Vec::new());
    let lower_elsewhere = |w: &'d str| -> bool {
        if let Some(&(_, v)) = lower_cache.borrow().iter().find(|(x, _)| *x == w) {
            return v;
        }
        let v = match (w.as_bytes().first(), w.as_bytes().last()) {
            // (a word no token without a capital has the shape of is
            // nowhere in lowercase)
            (Some(&f), Some(&l)) if !d.lower_shapes.may_have(w.len(), f, l) => false,
            (Some(&f), _) => {
                let lower = d.lower.as_bytes();
                d.toks.iter().enumerate().any(|(k, t)| {
                    // (written_lower asks for a lowercase word first)
                    t.end.wrapping_sub(t.start) == w.len()
                        && lower.get(t.start) == Some(&f)
                        && t.word
                        && !t.cap
                        && d.w(k) == w
                        && written_lower(t)
                })
            }
            (None, _) => d
                .toks
                .iter()
                .enumerate()
                .any(|(k, t)| d.w(k) == w && written_lower(t)),
        };
        lower_cache.borrow_mut().push((w, v));
        v
    };
    // the capitals doc::scan found, in order: a name starts at one
    let mut caps_from = d
        .hits
        .iter()
        .filter(|&&(_, h)| h & crate::doc::HIT_CAP != 0)
        .map(|&(k, _)| k as usize)
        .peekable();
    for s in &d.sents {
        let mut i = s.t0;
        while i < s.t1 {
            // (tokens without a capital start nothing: the next capital)
            while caps_from.next_if(|&k| k < i).is_some() {}
            match caps_from.peek() {
                Some(&k) if k < s.t1 => i = k,
                _ => break,
            }
            let t = d.toks[i];
            if !(t.word && t.cap)
                || stop(d.w(i)) && !is_le_name(d, i, s.t0)
                || i > s.t0 && headline_verb(d.w(i))
            {
                i += 1;
                continue;
            }
            // grow the chunk
            let mut j = i + 1;
            while j < s.t1 {
                let prev_end = d.toks[j - 1].end;
                let tj = d.toks[j];
                let gap = d.text.get(prev_end..tj.start).unwrap_or("x");
                let single_space = gap == " ";
                let adjacent = gap.is_empty();
                let wj = d.w(j);
                if tj.word
                    && tj.cap
                    && (single_space || adjacent)
                    && (!stop(wj)
                        || matches!(d.raw(j), "AI" | "IA")
                        // a sector word closing a name: "Kestrel Santé"
                        || wj == "santé"
                        // "Empire State Development"
                        || wj == "state"
                            && d.toks.get(j + 1).is_some_and(|x| x.cap && x.word)
                            && !stop(d.w(j + 1)))
                    && !headline_verb(wj)
                {
                    j += 1;
                } else if wj == "'"
                    && adjacent
                    && d.toks
                        .get(j + 1)
                        .is_some_and(|x| x.cap && x.word && x.start == tj.end)
                    && !matches!(d.w(j - 1), "l" | "d" | "qu")
                {
                    // "Lait'Nord": an apostrophe inside a name
                    j += 2;
                } else if ((wj == "&"
                    || wj == "and"
                        && d.toks.get(j + 1).is_some_and(|x| x.cap)
                        && d.w(j + 1) == "co")
                    && single_space
                    && d.toks.get(j + 1).is_some_and(|x| x.cap))
                    || (wj == "-"
                        && adjacent
                        && d.toks
                            .get(j + 1)
                            .is_some_and(|x| x.cap && x.start == tj.end)
                        && !stop(d.w(j + 1)))
                {
                    // "Carrow & Co", "Saint-Lys"
                    j += 2;
                } else if matches!(wj, "de" | "d")
                    && single_space
                    && (d.w(j + 1) == "'" && d.toks.get(j + 2).is_some_and(|x| x.cap && x.word)
                        || d.w(j + 1) == "l"
                            && d.w(j + 2) == "'"
                            && d.toks.get(j + 3).is_some_and(|x| x.cap && x.word))
                    && !is_sentence_initial(d, i, s.t0)
                {
                    // "Sellerie de l'Ouest", "Caisse d'Epargne"
                    j += if d.w(j + 1) == "'" { 3 } else { 4 };
                } else if matches!(
                    wj,
                    "du" | "des"
                        | "de"
                        | "of"
                        | "del"
                        | "di"
                        | "da"
                        | "von"
                        | "van"
                        | "der"
                        | "den"
                ) && single_space
                    && d.toks.get(j + 1).is_some_and(|x| x.cap && x.word)
                    && !matches!(
                        d.w(j + 1),
                        "le" | "la" | "les" | "l" | "the" | "un" | "une" | "a" | "an"
                    )
                    && d.text.get(tj.end..tj.end + 1) == Some(" ")
                    && (matches!(wj, "du" | "des")
                        || places_at(d.toks[j + 1].start).next().is_none())
                {
                    j += 2;
                } else if tj.word && !tj.cap && adjacent {
                    // "iPhone"-like or digits glued: keep
                    j += 1;
                } else if tj.word
                    && (single_space)
                    && wj.chars().all(|c| c.is_ascii_digit())
                    && wj.len() <= 4
                    && d.w(i) != "france"
                {
                    // "Tesla 3"? rarely a company: stop
                    break;
                } else {
                    break;
                }
            }
            // "Grand port maritime de Marseille-Fos", "Caisse régionale de ..."
            let mut j = j.min(s.t1);
            let one = j == i + 1;
            if matches!(
                d.w(i),
                "grand"
                    | "port"
                    | "compagnie"
                    | "caisse"
                    | "office"
                    | "université"
                    | "institut"
                    | "chambre"
                    | "syndicat"
                    | "établissement"
                    | "communauté"
            ) {
                let mut k = j;
                while k < s.t1
                    && k < j + 3
                    && d.toks[k].word
                    && !d.toks[k].cap
                    && !matches!(d.w(k), "de" | "du" | "des" | "d")
                {
                    k += 1;
                }
                if (k > j || !one)
                    && matches!(d.w(k), "de" | "du" | "des")
                    && d.toks.get(k + 1).is_some_and(|x| x.cap && x.word)
                {
                    let mut e = k + 2;
                    while e + 1 < s.t1 && d.w(e) == "-" && d.toks[e + 1].cap {
                        e += 2;
                    }
                    j = e.min(s.t1);
                }
            }
            let a = t.start;
            // the words of the name's first token, before and after it,
            // sliced once ("" before the first token)
            let (prev, wi, next_w) = (d.w(i.wrapping_sub(1)), d.w(i), d.w(j));
            let b = d.toks[j - 1].end;
            let ntok = d.toks[i..j].iter().filter(|k| k.word).count();
            let name = d.text.get(a..b).unwrap_or("");
            // its lowercase, made on first use, once
            let lname_cell = std::cell::OnceCell::new();
            let lname = || -> &str { lname_cell.get_or_init(|| name.to_lowercase()) };
            let after_company_noun = i > 0
                && matches!(
                    prev,
                    "groupe"
                        | "société"
                        | "entreprise"
                        | "firme"
                        | "group"
                        | "company"
                        | "laboratoire"
                        | "start"
                        | "startup"
                        | "pme"
                        | "industriel"
                        | "constructeur"
                        | "fabricant"
                        | "enseigne"
                        | "marque"
                        | "brand"
                        | "firm"
                        | "maker"
                );
            let starts_with_place =
                places_at(a).any(|p| p.end < b) && !matches!(wi, "grand" | "port");
            let mut ok = !overlaps(a, b)
                && (after_company_noun
                    || !is_place_exact(a, b) && !is_place_within(a, b) && !starts_with_place);
            // a country is no company: "making Britain its largest market"
            if ok
                && !after_company_noun
                && d.ctrys
                    .iter()
                    .any(|c| !c.demonym && c.start == a && c.end == b)
            {
                ok = false;
            }
            let first = wi;
            if ok && first_name(first) && ntok >= 2 {
                ok = false;
            }
            if ok && ntok >= 2 && j - i == ntok && person_context(d, i, j) {
                ok = false;
            }
            let initial = is_sentence_initial(d, i, s.t0);
            // "Austin-based", "The Oslo-headquartered company": a place used as an adjective
            if ok
                && next_w == "-"
                && matches!(
                    d.w(j + 1),
                    "based"
                        | "headquartered"
                        | "born"
                        | "listed"
                        | "registered"
                        | "owned"
                        | "basé"
                        | "basée"
                )
            {
                ok = false;
            }
            // headlines in capitals ("NUTRIVIA ANNONCE 32 M€")
            // a quoted title ("appel à projets "Industrialisation et ..."")
            if ok
                && i > s.t0
                && matches!(prev, "\"" | "«" | "“")
                && !matches!(next_w, "\"" | "»" | "”")
            {
                ok = false;
            }
            let multi_caps = ntok >= 2
                && (i..j)
                    .filter(|&k| d.toks[k].word)
                    .all(|k| d.raw(k).chars().all(|c| !c.is_lowercase()));
            if ok && multi_caps {
                ok = false;
            }
            // (the cheaper test first: most words have a lowercase letter)
            let all_caps = |k: usize| {
                d.raw(k).chars().all(|c| !c.is_lowercase())
                    && d.raw(k).chars().filter(|c| c.is_alphabetic()).count() > 5
            };
            if ok && (i..j).any(all_caps) {
                ok = false;
            }
            // at the start of a sentence a capital proves nothing: the name
            // must also appear inside a sentence, or be followed by a name
            if ok && initial {
                let seen_inside = caps.inside_has(d.raw(i));
                // "Start Campus, which is building a data centre, ...": a
                // name of several words described by a relative clause
                let described = ntok >= 2 && next_w == "," && matches!(d.w(j + 1), "which" | "qui");
                // (a name seen inside a sentence or described stays; a common first
                // word drops it; a single uncommon word stays as a brand or before a
                // trigger verb: each asked only when it decides)
                if !seen_inside && !described {
                    let first_common = stop(first) || lower_elsewhere(first);
                    if first_common {
                        ok = false;
                    } else if ntok == 1 {
                        // "Vertalis débloque 60 M€": a name right before a trigger verb
                        let mut k = j;
                        while matches!(
                            d.w(k),
                            "va" | "vont"
                                | "will"
                                | "to"
                                | "a"
                                | "has"
                                | "have"
                                | "plans"
                                | "prévoit"
                                | "de"
                                | "d"
                                | "'"
                                | "also"
                                | "aussi"
                        ) && k < j + 3
                        {
                            k += 1;
                        }
                        // (classify refuses what may_trigger refuses: no words
                        // gathered for those)
                        let before_verb = crate::lexicon::may_trigger(d.w(k)) && {
                            let next: Vec<&str> =
                                (k + 1..(k + 6).min(s.t1)).map(|x| d.w(x)).collect();
                            crate::lexicon::classify(d.w(k), &next, "")
                                .is_some_and(|(c, _)| c != crate::lexicon::Class::Weak)
                        } || matches!(
                            next_w,
                            "a" | "va"
                                | "vont"
                                | "has"
                                | "have"
                                | "had"
                                | "will"
                                | "would"
                                | "is"
                                | "was"
                                | "annonce"
                                | "announced"
                                | "announces"
                                | "said"
                                | "says"
                                | "prévoit"
                                | "compte"
                                | "entend"
                                | "plans"
                                | "veut"
                                | "wants"
                                | "aims"
                                | "devrait"
                                | "doit"
                                | "affirme"
                                | "indique"
                                | "confirme"
                                | "envisage"
                                | "étudie"
                                | "ouvre"
                                | "opens"
                                | "signe"
                                | "signs"
                                | "agrees"
                                | "agreed"
                                | "reported"
                                | "reports"
                                | "posted"
                                | "unveiled"
                                | "unveils"
                                | "launched"
                                | "launches"
                                | "signed"
                                | "won"
                                | "hired"
                                | "lance"
                                | "inaugure"
                                | "dévoile"
                                | "rachète"
                        );
                        // "H2Méditerranée, coentreprise de ...": a brand-shaped word,
                        // or a name in apposition with what it is ("Fernhill, the
                        // London-based developer of ...")
                        let apposition = next_w == ","
                            && (j + 1..(j + 7).min(s.t1)).any(|k| {
                                matches!(
                                    d.w(k),
                                    "developer"
                                        | "maker"
                                        | "manufacturer"
                                        | "company"
                                        | "startup"
                                        | "provider"
                                        | "operator"
                                        | "group"
                                        | "firm"
                                        | "coentreprise"
                                        | "filiale"
                                        | "fabricant"
                                        | "spécialiste"
                                        | "éditeur"
                                        | "développeur"
                                        | "groupe"
                                        | "entreprise"
                                        | "société"
                                )
                            });
                        let brand = distinctive(d.raw(i)) || apposition;
                        if !brand && !before_verb {
                            ok = false;
                        }
                    }
                }
            }
            if ok && ntok == 1 {
                let followed_by_dot = matches!(next_w, "." | ":") && j + 1 >= s.t1 && initial;
                if followed_by_dot || initial && (first.len() < 3 || lower_elsewhere(first)) {
                    ok = false;
                }
                // an all-caps word before a comma at the very start is a dateline
                if ok
                    && d.raw(i).chars().all(|c| !c.is_lowercase())
                    && d.raw(i).len() > 3
                    && initial
                    && next_w == ","
                {
                    ok = false;
                }
                if ok && person_context(d, i, j) {
                    ok = false;
                }
            }
            if ok && ntok == 1 && d.raw(i).chars().count() == 1 {
                ok = false;
            }
            // "the European Chips Act", "la loi Climat": a law, not a company
            if ok
                && j > i + 1
                && matches!(
                    d.w(j - 1),
                    "act" | "acts" | "bill" | "directive" | "regulation"
                )
            {
                ok = false;
            }
            if ok && a < d.dateline_end {
                ok = false;
            }
            if ok && crate::cities::is_city(lname()) {
                ok = false;
            }
            // a product is not a company: "the obesity drug Zepbound", "le
            // médicament Dupixent", "its Model Y car", "le SUV Scénic"
            if ok
                && i > s.t0
                && matches!(
                    prev,
                    "drug"
                        | "drugs"
                        | "medicine"
                        | "vaccine"
                        | "vaccin"
                        | "médicament"
                        | "médicaments"
                        | "traitement"
                        | "treatment"
                        | "molécule"
                        | "molecule"
                        | "smartphone"
                        | "chatbot"
                        | "suv"
                        | "voiture"
                        | "car"
                        | "vehicle"
                        | "véhicule"
                        | "aircraft"
                        | "avion"
                        | "jet"
                        | "satellite"
                        | "missile"
                        | "logiciel"
                        | "software"
                        | "canon"
                        | "cannon"
                        | "howitzer"
                        | "obusier"
                        | "char"
                        | "tank"
                        | "hélicoptère"
                        | "helicopter"
                        | "lanceur"
                        | "fusée"
                        | "rocket"
                        | "substrat"
                        | "substrats"
                        | "puce"
                        | "puces"
                        | "chips"
                        | "composants"
                        | "gamme"
                )
            {
                ok = false;
            }
            // an aircraft or a model code is a product: "le hall de l'A380",
            // "sa famille A320"; a research centre named by its description
            // ("du Centre international de recherche") is no company
            if ok && j == i + 1 && {
                let w = name;
                let letters = w.chars().take_while(|c| c.is_ascii_uppercase()).count();
                let digits = w
                    .chars()
                    .skip(letters)
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                (1..=2).contains(&letters)
                    && digits >= 3
                    && w.chars()
                        .skip(letters + digits)
                        .all(|c| c.is_ascii_lowercase())
            } {
                ok = false;
            }
            if ok
                && j == i + 1
                && matches!(wi, "centre" | "center" | "institut" | "laboratoire")
                && d.toks.get(j).is_some_and(|t| t.word && !t.cap)
            {
                ok = false;
            }
            // a project is not its promoter: "le projet E-CHO", "the
            // Stargate project"; the tail of a hyphenated name ("E-CHO") is
            // no name of its own
            if ok
                && i > s.t0
                && (matches!(prev, "projet" | "project" | "programme")
                    || i >= s.t0 + 2
                        && prev == "-"
                        && d.toks[i - 1].end == d.toks[i].start
                        && d.toks[i - 2].end == d.toks[i - 1].start
                        && d.toks[i - 2].word)
            {
                ok = false;
            }
            // a school or an event is not an investor: "l'IUT de Bourges",
            // "le lycée Jacques-Cœur", "le sommet Choose France"
            if ok
                && (matches!(
                    wi,
                    "iut" | "lycée" | "collège" | "école" | "sommet" | "summit"
                ) || i > s.t0
                    && matches!(
                        prev,
                        "sommet" | "summit" | "salon" | "lycée" | "festival" | "forum"
                    ))
            {
                ok = false;
            }
            // an administrative area: "in Mahabubnagar district", "Clay
            // county", "la province de Kénitra"
            if ok
                && (matches!(
                    next_w,
                    "district"
                        | "county"
                        | "province"
                        | "prefecture"
                        | "municipality"
                        | "township"
                        | "department"
                ) || i >= s.t0 + 2
                    && matches!(prev, "de" | "of")
                    && matches!(
                        d.w(i - 2),
                        "province" | "district" | "county" | "préfecture" | "wilaya" | "state"
                    ))
            {
                ok = false;
            }
            // a fronted adverb: "Parallèlement, ...", "Separately, ..."
            if ok && j == i + 1 && next_w == "," && {
                let w = wi;
                w.len() > 6 && (w.ends_with("ment") || w.ends_with("ly"))
            } {
                ok = false;
            }
            // the tail of a city ("York" of "New York", "Lasfar")
            if ok
                && i > s.t0
                && crate::cities::is_city_start(prev)
                && crate::cities::is_city(&format!("{} {}", prev, lname()))
            {
                ok = false;
            }
            // a name headed by a place or facility noun is a place, not an
            // investor: "ZAC du Bois de l'Épine", "Hôtel du Golf", "Parc
            // d'activités de ...", "Zone industrielle ..."
            if ok
                && j > i + 1
                && matches!(
                    wi,
                    "zac"
                        | "zi"
                        | "za"
                        | "zone"
                        | "hôtel"
                        | "hotel"
                        | "aéroport"
                        | "gare"
                        | "rue"
                        | "avenue"
                        | "boulevard"
                        | "place"
                        | "quai"
                        | "plateforme"
                        | "technopole"
                        | "technopôle"
                        | "quartier"
                        | "lac"
                        | "mont"
                        | "vallée"
                        | "bois"
                        | "forêt"
                        | "île"
                        | "cap"
                        | "golfe"
                        | "baie"
                        | "plaine"
                        | "caserne"
                )
            {
                ok = false;
            }
            // world regions are places: "its footprint in North America"
            if ok
                && matches!(
                    lname(),
                    "north america"
                        | "south america"
                        | "latin america"
                        | "central america"
                        | "middle east"
                        | "southeast asia"
                        | "east asia"
                        | "western europe"
                        | "eastern europe"
                        | "amérique du nord"
                        | "amérique latine"
                        | "amérique du sud"
                        | "moyen-orient"
                        | "asie du sud-est"
                        | "europe de l'est"
                )
            {
                ok = false;
            }
            // the same name is a place elsewhere in the text
            if ok && !after_company_noun && place_named(lname()) {
                ok = false;
            }
            // "le parc de Chesnes", "la zone d'Ozans", "l'aéroport Saint-Exupéry": a place
            if ok && i > s.t0 {
                let mut k = i - 1;
                if matches!(d.w(k), "de" | "du" | "d" | "'" | "’") && k > s.t0 {
                    k -= 1;
                    if matches!(d.w(k), "'" | "’" | "d") && k > s.t0 {
                        k -= 1;
                    }
                }
                if matches!(
                    d.w(k),
                    "parc"
                        | "zone"
                        | "zac"
                        | "port"
                        | "quartier"
                        | "technopole"
                        | "technopôle"
                        | "aéroport"
                        | "airport"
                        | "gare"
                        | "vallée"
                        | "bassin"
                        | "plateau"
                        | "golfe"
                        | "commune"
                        | "ville"
                        | "site"
                        | "bioparc"
                        | "biopôle"
                        | "campus"
                        | "caserne"
                ) || k + 1 < i
                    && matches!(
                        d.w(k),
                        "usine"
                            | "laiterie"
                            | "entrepôt"
                            | "raffinerie"
                            | "fonderie"
                            | "aciérie"
                            | "sucrerie"
                    )
                {
                    // "leur laiterie de Valognes" (not "la fonderie Morvan")
                    ok = false;
                }
            }
            // "near Navan", "at Wilton", "près de Lyon": a place
            if ok && i > s.t0 && matches!(prev, "near" | "at" | "outside" | "près")
                || ok && i > s.t0 + 1 && prev == "de" && d.w(i - 2) == "près"
            {
                ok = false;
            }
            // "in Peoria, Arizona", "à Valbonne Sophia Antipolis" after
            // "installée", "based in": a place
            if ok
                && i > s.t0
                && matches!(prev, "in" | "à" | "en")
                && next_w == ","
                && crate::cities::is_city(d.w(j + 1))
            {
                ok = false;
            }
            if ok && i > s.t0 + 1 && matches!(prev, "in" | "à" | "en") && {
                let p = d.w(i - 2);
                [
                    "install",
                    "bas",
                    "implant",
                    "situ",
                    "located",
                    "headquartered",
                ]
                .iter()
                .any(|x| p.starts_with(x))
                    && p.len() <= 13
            } {
                ok = false;
            }
            // "The Santa Clara, California-based maker": a town before its
            // state's "-based"
            if ok
                && next_w == ","
                && d.toks.get(j + 1).is_some_and(|t| t.cap)
                && d.w(j + 2) == "-"
                && d.w(j + 3) == "based"
            {
                ok = false;
            }
            if ok {
                out.push(org(a, b, name, false, false));
            }
            i = j;
        }
    }
}

/// `s.to_lowercase() == lower`, without making the lowercase copy.
fn lowercase_is(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len() && s.bytes().map(|b| b.to_ascii_lowercase()).eq(lower.bytes())
    } else if s.contains('Σ') {
        // (its lowercase depends on its place in a word)
        s.to_lowercase() == lower
    } else {
        s.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

/// A one-word name at the start of a sentence that appears nowhere else
/// inside a sentence: too weak to be a company ("Grande nouvelle pour X !").
pub(crate) fn weak_initial(d: &Doc, caps: &Caps, start: usize, end: usize) -> bool {
    let i = d.tok_at(start);
    let Some(si) = d.sent_of(start) else {
        return false;
    };
    let s = d.sents[si];
    let one = d.tok_at(end) == i + 1;
    one && is_sentence_initial(d, i, s.t0) && !caps.inside_has(d.raw(i)) && !distinctive(d.raw(i))
}

/// A word shaped like a brand, not like a capitalised first word:
/// "H2Méditerranée", "OpenAI", "Data4".
pub(crate) fn distinctive(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        && w.chars().any(char::is_alphabetic)
        && w.chars().next().is_some_and(char::is_alphabetic)
        || w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// The capitalised words of the sentences, by place.
pub(crate) struct Caps<'a> {
    /// Capitalised words found inside sentences (not at their start), in
    /// text order, repeats kept: a name seen there is a name, not a
    /// capitalised first word. Asked through [`Caps::inside_has`].
    inside: Vec<&'a str>,
    /// `inside` as a set, built on first use when it is long.
    inside_set: std::cell::OnceCell<HashSet<&'a str>>,
}

impl Caps<'_> {
    /// `w` is a capitalised word found inside a sentence.
    pub fn inside_has(&self, w: &str) -> bool {
        // (a few words are compared one by one: cheaper than hashing them
        // all, as most articles ask about a handful of names)
        if self.inside.len() <= 64 {
            self.inside.contains(&w)
        } else {
            self.inside_set
                .get_or_init(|| self.inside.iter().copied().collect())
                .contains(w)
        }
    }
}

/// The capitalised words of `d` inside sentences.
pub(crate) fn caps_inside(d: &Doc) -> Caps<'_> {
    // (room for a capital every eight tokens, one per sentence: few
    // regrowths)
    let mut inside = Vec::with_capacity(d.toks.len() / 8);
    // the capitals doc::scan found, in order, and the sentence of each
    // (the sentences' tokens follow each other)
    let mut si = 0;
    for &(k, h) in &d.hits {
        if h & crate::doc::HIT_CAP == 0 {
            continue;
        }
        let k = k as usize;
        while d.sents.get(si).is_some_and(|s| s.t1 <= k) {
            si += 1;
        }
        let Some(s) = d.sents.get(si) else {
            break;
        };
        if k >= s.t0
            && d.toks.get(k).is_some_and(|t| t.word && t.cap)
            && !is_sentence_initial(d, k, s.t0)
        {
            inside.push(d.raw(k));
        }
    }
    Caps {
        inside,
        inside_set: std::cell::OnceCell::new(),
    }
}

/// [`is_sentence_initial`] of the token after `k` when `initial` is that of
/// token `k` (the same answer, computed forwards).
#[cfg(test)]
fn after_token_initial(d: &Doc, k: usize, initial: bool) -> bool {
    let Some(&t) = d.toks.get(k) else {
        return initial;
    };
    if t.word {
        let one = t.end == t.start + 1;
        return initial && one && matches!(d.lower.as_bytes().get(t.start), Some(b'l' | b'd'));
    }
    after_mark_initial(d, t, initial)
}

/// [`after_token_initial`] of a mark `t` (a token that is no word).
#[cfg(test)]
fn after_mark_initial(d: &Doc, t: crate::doc::Tok, initial: bool) -> bool {
    // a mark: the words and marks looked at are one byte long, but for
    // the dashes – and — (three bytes)
    let dash = match d.lower.as_bytes().get(t.start..t.end) {
        Some([b'.' | b':' | b'!' | b'?' | b'\n' | b';']) => return true,
        Some(b"-") => true,
        Some(b) => b == "–".as_bytes() || b == "—".as_bytes(),
        None => false,
    };
    // a dash between spaces after a dateline or a time starts the
    // sentence (as in is_sentence_initial)
    if dash
        && d.text.get(t.end..t.end + 1) == Some(" ")
        && t.start > 0
        && d.text.get(t.start - 1..t.start) == Some(" ")
    {
        return true;
    }
    initial
}

/// "Le Guellec", "La Poste" inside a sentence: the article is part of the name.
fn is_le_name(d: &Doc, i: usize, t0: usize) -> bool {
    matches!(d.w(i), "le" | "la" | "les")
        && d.toks[i].cap
        && !is_sentence_initial(d, i, t0)
        && d.toks.get(i + 1).is_some_and(|x| x.cap && x.word)
        && !stop(d.w(i + 1))
}

/// A person's name: preceded by a title or a speech verb, or followed by a
/// comma and a title.
fn person_context(d: &Doc, i: usize, j: usize) -> bool {
    // (looked up as a set: the same answers as the list's `contains`)
    static TITLES: crate::lexicon::Words = crate::lexicon::Words::new(TITLE_LIST);
    const TITLE_LIST: &[&str] = &[
        "président",
        "présidente",
        "directeur",
        "directrice",
        "fondateur",
        "fondatrice",
        "cofondateur",
        "cofondatrice",
        "pdg",
        "ceo",
        "executive",
        "chief",
        "m",
        "mme",
        "ministre",
        "minister",
        "porte",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analyst",
        "analyste",
        "said",
        "says",
        "told",
        "déclaré",
        "explique",
        "indique",
        "précise",
        "affirme",
        "souligne",
        "résume",
        "sourit",
        "glisse",
        "confie",
        "assure",
        "reconnaît",
        "plaide",
        "estime",
        "raconte",
        "ajoute",
        "rappelle",
        "commente",
        "added",
        "explained",
        "noted",
        "présidente",
        "patron",
        "patronne",
        "head",
        "chairman",
        "maire",
        "mayor",
        "député",
        "sénateur",
        "préfet",
        "secretary",
        "director",
        "manager",
        "responsable",
        "délégué",
        "déléguée",
        "économiste",
        "economist",
        "professor",
        "professeur",
        "dr",
    ];
    // "présidente de Domotik Sense", "CEO of X", "chez X": the company of a title
    if i > 0 && matches!(d.w(i - 1), "de" | "of" | "d" | "chez" | "at" | "du") {
        return false;
    }
    // "said Meridian's chief executive": a company's possessive
    if matches!(d.w(j), "'" | "’") && d.w(j + 1) == "s" {
        return false;
    }
    let lo = i.saturating_sub(3);
    let ntok = (i..j).filter(|&k| d.toks[k].word).count();
    for k in lo..i {
        let w = d.w(k);
        if !TITLES.contains(&w) {
            continue;
        }
        let speech = matches!(
            w,
            "said"
                | "says"
                | "told"
                | "déclaré"
                | "explique"
                | "indique"
                | "précise"
                | "affirme"
                | "souligne"
                | "résume"
                | "sourit"
                | "glisse"
                | "confie"
                | "assure"
                | "reconnaît"
                | "plaide"
                | "estime"
                | "raconte"
                | "ajoute"
                | "rappelle"
                | "commente"
                | "added"
                | "explained"
                | "noted"
        );
        if !speech || ntok >= 2 {
            return true;
        }
    }
    if d.w(j) == "," && TITLES.contains(&d.w(j + 1)) {
        return true;
    }
    if d.w(j) == ","
        && matches!(d.w(j + 1), "sa" | "son" | "his" | "her" | "its")
        && TITLES.contains(&d.w(j + 2))
    {
        return true;
    }
    // "Patrice Vergne, le président d'Hexacell", "Jane Roe, the chief
    // executive": a name in apposition with a title
    if ntok >= 2 && d.w(j) == "," {
        let k = match d.w(j + 1) {
            "le" | "la" | "the" => j + 2,
            "l" if d.w(j + 2) == "'" => j + 3,
            _ => 0,
        };
        if k > 0 && TITLES.contains(&d.w(k)) {
            return true;
        }
    }
    false
}

/// "Startup Helix Labs", "French AI Startup Helix Labs" (title-case
/// headlines): the descriptors before a name are not part of it.
pub(crate) fn strip_descriptors(o: &mut OrgM) {
    const DESCRIPTORS: &[&str] = &[
        "startup",
        "start-up",
        "fintech",
        "biotech",
        "medtech",
        "foodtech",
        "deeptech",
        "cleantech",
        "healthtech",
        "french",
        "german",
        "british",
        "american",
        "european",
        "chinese",
        "japanese",
        "ai",
        "tech",
        "unicorn",
        "licorne",
        "rubrique",
        "rival",
        "concurrent",
        "partner",
        "partenaire",
        // the heading of a press release's boilerplate ("About Kestrel
        // Software")
        "about",
    ];
    let mut cut = 0;
    let mut rest = o.name.as_str();
    while let Some((first, tail)) = rest.split_once(' ') {
        if !DESCRIPTORS.contains(&first.to_lowercase().as_str()) || tail.trim().is_empty() {
            break;
        }
        // the name left must still be capitalised
        if !tail.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        cut += first.len() + 1;
        rest = tail;
    }
    if cut == 0 {
        return;
    }
    let name = rest.to_string();
    if o.canonical == o.name {
        o.canonical = name.clone();
    }
    if o.family == o.name {
        o.family = name.clone();
    }
    o.start += cut;
    o.name = name;
}

/// Links short and long forms of the same name within an article
/// ("Hallvik" and "Hallvik Energy", "Rivoire" and "Emballages Rivoire"):
/// they share the canonical name of the longest form.
pub(crate) fn alias(orgs: &mut [OrgM]) {
    const GENERIC: &[&str] = &[
        "group",
        "groupe",
        "sa",
        "ag",
        "se",
        "inc",
        "ltd",
        "plc",
        "gmbh",
        "co",
        "corp",
        "corporation",
        "company",
        "holding",
        "holdings",
        "france",
        "energy",
        "data",
        "ai",
        "technologies",
        "technology",
        "industries",
        "international",
        "the",
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "and",
        "foods",
        "pharma",
        "logistics",
        "capital",
        "partners",
        "ventures",
        "bank",
        "banque",
        "semiconductors",
        "systems",
        "solutions",
        "services",
    ];
    let n = orgs.len();
    // one representative mention per distinct name, with its words (long
    // articles name the same companies hundreds of times)
    let mut reps: Vec<usize> = Vec::new();
    // per mention, its name's representative (index in `reps`)
    let mut rep_of: Vec<usize> = Vec::with_capacity(n);
    let mut seen: crate::doc::FastMap<&str, usize> = Default::default();
    for (i, o) in orgs.iter().enumerate() {
        let r = *seen.entry(o.name.as_str()).or_insert_with(|| {
            reps.push(i);
            reps.len() - 1
        });
        rep_of.push(r);
    }
    // the lowercase words of every representative, in one buffer (the
    // words between characters that are no letter nor digit; an ASCII word
    // lowercased byte by byte, the others by `to_lowercase` as a word alone)
    let mut buf = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut rep_range: Vec<(usize, usize)> = Vec::with_capacity(reps.len());
    for &i in &reps {
        let w0 = spans.len();
        for w in orgs[i]
            .name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let a = buf.len();
            if w.is_ascii() {
                buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                buf.push_str(&w.to_lowercase());
            }
            spans.push((a, buf.len()));
        }
        rep_range.push((w0, spans.len()));
    }
    let all: Vec<&str> = spans
        .iter()
        .map(|&(a, b)| buf.get(a..b).unwrap_or(""))
        .collect();
    let rep_words: Vec<(usize, &[&str])> = reps
        .iter()
        .zip(&rep_range)
        .map(|(&i, &(a, b))| (i, all.get(a..b).unwrap_or(&[])))
        .collect();
    // per representative: the answer for its name, once known
    let mut memo: Vec<Option<Option<usize>>> = vec![None; reps.len()];
    for a in 0..n {
        if orgs[a].known || orgs[a].outlet || orgs[a].public {
            continue;
        }
        let r = rep_of.get(a).copied().unwrap_or(usize::MAX);
        if let Some(&Some(m)) = memo.get(r) {
            if let Some(b) = m {
                orgs[a].canonical = orgs[b].canonical.clone();
                orgs[a].family = orgs[b].family.clone();
                if orgs[a].country.is_none() {
                    orgs[a].country = orgs[b].country.clone();
                }
                orgs[a].known = orgs[b].known;
            }
            continue;
        }
        // the words of the same name
        let Some((_, wa)) = rep_of.get(a).and_then(|&r| rep_words.get(r)) else {
            continue;
        };
        if wa.is_empty() {
            continue;
        }
        let mut best: Option<usize> = None;
        for (b, wb) in &rep_words {
            let b = *b;
            if orgs[b].name == orgs[a].name || orgs[b].outlet || orgs[b].public {
                continue;
            }
            if wb.len() <= wa.len() {
                continue;
            }
            let subset = wa.iter().all(|w| wb.contains(w));
            let distinctive = wa.iter().any(|w| !GENERIC.contains(w));
            if subset && distinctive && best.is_none_or(|x| orgs[x].name.len() < orgs[b].name.len())
            {
                best = Some(b);
            }
        }
        // "Pfizer Inc" when the table knows "Pfizer"
        if best.is_none() {
            const SUFFIX: &[&str] = &[
                "inc",
                "corp",
                "corporation",
                "sa",
                "ag",
                "se",
                "nv",
                "plc",
                "ltd",
                "group",
                "groupe",
                "co",
                "llc",
                "gmbh",
                "holding",
                "holdings",
            ];
            best = rep_words.iter().find_map(|(b, wb)| {
                let b = *b;
                if orgs[b].name == orgs[a].name
                    || !orgs[b].known
                    || orgs[b].outlet
                    || orgs[b].public
                {
                    return None;
                }
                // (the words of `a` that `b` lacks: some, all suffixes)
                (!wb.is_empty() && wb.iter().all(|w| wa.contains(w)) && {
                    let mut extra = wa.iter().filter(|w| !wb.contains(w)).peekable();
                    extra.peek().is_some() && extra.all(|w| SUFFIX.contains(w))
                })
                .then_some(b)
            });
        }
        if let Some(x) = memo.get_mut(r) {
            *x = Some(best);
        }
        if let Some(b) = best {
            orgs[a].canonical = orgs[b].canonical.clone();
            orgs[a].family = orgs[b].family.clone();
            if orgs[a].country.is_none() {
                orgs[a].country = orgs[b].country.clone();
            }
            orgs[a].known = orgs[b].known;
        }
    }
}

#[cfg(test)]
mod heads_tests {
    /// `is_outlet_canonical` is `is_outlet_name` of the lowercase.
    #[test]
    fn outlet_canonical_as_defined() {
        for w in super::OUTLETS {
            let up = w.to_uppercase();
            assert!(super::is_outlet_canonical(w), "{w}");
            assert_eq!(
                super::is_outlet_canonical(&up),
                super::is_outlet_name(&up.to_lowercase()),
                "{up}"
            );
        }
        for w in ["", "Acme", "Les Échos", "LE MONDE", "Reuters"] {
            assert_eq!(
                super::is_outlet_canonical(w),
                super::is_outlet_name(&w.to_lowercase()),
                "{w}"
            );
        }
    }

    /// The shapes gate of `outlets` refuses only words not in the set.
    #[test]
    fn outlet_first_words_are_in_their_shapes() {
        let s = super::sets();
        assert!(!s.stop.contains(""));
        for w in &s.stop {
            assert!(super::stop(w), "{w}");
        }
        assert!(!s.outlet_first.contains(""));
        for w in &s.outlet_first {
            assert!(
                s.outlet_first_shapes
                    .may_have_span(w.as_bytes(), 0, w.len()),
                "{w}"
            );
        }
        for w in super::OUTLETS {
            assert!(!w.is_empty());
            assert!(
                s.outlet_shapes.may_have_span(w.as_bytes(), 0, w.len()),
                "{w}"
            );
        }
    }

    /// `lowercase_is` is `to_lowercase` and a comparison.
    #[test]
    fn lowercase_is_as_defined() {
        for s in [
            "Lyon",
            "SAINT-ÉTIENNE",
            "İzmir",
            "ΟΔΟΣ Σ",
            "Ærø",
            "",
            "a\u{212a}",
        ] {
            let l = s.to_lowercase();
            assert!(super::lowercase_is(s, &l), "{s}");
            assert!(!super::lowercase_is(s, &format!("{l}x")), "{s}");
            assert!(!super::lowercase_is(s, s) || s == l, "{s}");
        }
    }

    /// `inside_has` answers as a set would, for short and long lists.
    #[test]
    fn inside_has_short_and_long() {
        let words: Vec<String> = (0..100).map(|k| format!("W{k}")).collect();
        for n in [3, 100] {
            let caps = super::Caps {
                inside: words[..n].iter().map(String::as_str).collect(),
                inside_set: Default::default(),
            };
            assert!(caps.inside_has("W2"));
            assert_eq!(caps.inside_has("W99"), n == 100);
            assert!(!caps.inside_has("W100") && !caps.inside_has("w2"));
        }
    }

    /// The forward pass of `caps_inside` gives what `is_sentence_initial`
    /// says of each token.
    #[test]
    fn caps_inside_follows_is_sentence_initial() {
        let x = crate::Extractor::new();
        for text in [
            "Acme SA investit 20 M€ à Lyon. L'État apporte 3 M€ ; Bpifrance aussi.",
            "PARIS (Reuters) - Consulting firm Halden said: Orange will invest.",
            "16h40 - Le bilan de Nova. « Nova » vend à Beta-Gamma – Delta.",
            "D'Artagnan et L'Oréal : Zeta investit. — Omega, puis Kappa — Sigma.",
        ] {
            let Ok(doc) = vigie_text::Document::new(text) else {
                continue;
            };
            let d = x.analyse(&doc);
            let mut want = super::HashSet::default();
            for s in &d.sents {
                for k in s.t0..s.t1 {
                    if d.toks[k].word && d.toks[k].cap && !super::is_sentence_initial(&d, k, s.t0) {
                        want.insert(d.raw(k));
                    }
                }
            }
            let caps = super::caps_inside(&d);
            let inside: super::HashSet<&str> = caps.inside.iter().copied().collect();
            assert_eq!(inside, want, "{text}");
            for w in &want {
                assert!(caps.inside_has(w), "{w}");
            }
            assert!(!caps.inside_has("Acme") && !caps.inside_has("PARIS"));
            // the same pass token by token
            for s in &d.sents {
                let mut initial = true;
                for k in s.t0..s.t1 {
                    assert_eq!(initial, super::is_sentence_initial(&d, k, s.t0), "{text}");
                    initial = super::after_token_initial(&d, k, initial);
                }
            }
        }
    }

    /// The heads `institutions` matches are `INSTITUTION_HEADS`, and all
    /// pass its gate.
    #[test]
    fn institution_heads_have_their_shape() {
        for w in super::INSTITUTION_HEADS {
            assert!(
                super::may_be_institution_head(w.as_bytes(), 0, w.len()),
                "{w}"
            );
        }
        // the words of the arms of `institutions`' head match (up to the
        // catch-all) are the listed heads
        let src = include_str!("orgs.rs");
        let arms = src
            .split_once("pub(crate) fn institutions(")
            .and_then(|(_, b)| b.split_once("let after = match w {"))
            .and_then(|(_, b)| b.split_once("_ => {"))
            .map(|(a, _)| a)
            .unwrap_or("");
        let mut n = 0;
        for l in arms.lines().filter(|l| l.starts_with("            \"")) {
            let pat = l.split(" if ").next().unwrap_or("");
            let pat = pat.split("=>").next().unwrap_or("");
            for w in pat.split('"').skip(1).step_by(2) {
                n += 1;
                assert!(super::INSTITUTION_HEADS.contains(&w), "{w} missing");
            }
        }
        assert_eq!(n, super::INSTITUTION_HEADS.len());
    }

    /// Every string a match arm of `public_bodies` starts with is in
    /// `PUBLIC_HEADS` (the gate lets no other lowercase word in).
    #[test]
    fn public_heads_cover_the_arms() {
        let src = include_str!("orgs.rs");
        let body = src
            .split_once("pub(crate) fn public_bodies(")
            .map(|(_, b)| b)
            .unwrap_or("");
        let body = body.split_once("_ => {}").map(|(b, _)| b).unwrap_or("");
        let arms = body.split_once("match w {").map(|(_, b)| b).unwrap_or("");
        assert!(!arms.is_empty());
        let mut n = 0;
        let mut lines = arms.lines().peekable();
        while let Some(l) = lines.next() {
            if !l.starts_with("            \"") {
                continue;
            }
            // the pattern runs to its guard or its arrow
            let mut pat = l.to_string();
            while !pat.contains(" if ") && !pat.contains("=>") && !pat.ends_with(" if") {
                match lines.next() {
                    Some(x) => pat.push_str(x),
                    None => break,
                }
            }
            let head = pat.split(" if").next().unwrap_or("");
            let head = head.split("=>").next().unwrap_or("");
            for w in head.split('"').skip(1).step_by(2) {
                n += 1;
                assert!(super::PUBLIC_HEADS.contains(&w), "{w} missing");
            }
        }
        assert!(n >= 28, "{n} arm words found");
    }
}

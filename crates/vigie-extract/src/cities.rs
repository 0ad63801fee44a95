//! Large cities and regions abroad that news names without their country
//! ("Berlin-based", "London healthtech", "in Doncaster, South Yorkshire"):
//! a small hand-written table (facts of geography) and GeoNames' towns
//! (`data/world_cities.tsv`) mapping them to ISO 3166-1 alpha-2 codes.
//! French places come from the gazetteer.

use crate::doc::FastMap as HashMap;
use std::sync::OnceLock;

use crate::doc::{CtryM, Doc};

const CITIES: &[(&str, &str)] = &[
    ("berlin", "DE"),
    ("munich", "DE"),
    ("münchen", "DE"),
    ("hamburg", "DE"),
    ("frankfurt", "DE"),
    ("francfort", "DE"),
    ("cologne", "DE"),
    ("köln", "DE"),
    ("stuttgart", "DE"),
    ("düsseldorf", "DE"),
    ("dresden", "DE"),
    ("dresde", "DE"),
    ("leipzig", "DE"),
    ("bavaria", "DE"),
    ("bavière", "DE"),
    ("saxony", "DE"),
    ("saxe", "DE"),
    ("brandenburg", "DE"),
    ("magdeburg", "DE"),
    ("heilbronn", "DE"),
    ("london", "GB"),
    ("londres", "GB"),
    ("manchester", "GB"),
    ("birmingham", "GB"),
    ("leeds", "GB"),
    ("liverpool", "GB"),
    ("glasgow", "GB"),
    ("edinburgh", "GB"),
    ("édimbourg", "GB"),
    ("cardiff", "GB"),
    ("belfast", "GB"),
    ("bristol", "GB"),
    ("sheffield", "GB"),
    ("newcastle", "GB"),
    ("doncaster", "GB"),
    ("teesside", "GB"),
    ("yorkshire", "GB"),
    ("essex", "GB"),
    ("kent", "GB"),
    ("oxfordshire", "GB"),
    ("cambridge", "GB"),
    ("oxford", "GB"),
    ("sunderland", "GB"),
    ("aberdeen", "GB"),
    ("wales", "GB"),
    ("nordics", "SE"),
    ("northumberland", "GB"),
    ("cumbria", "GB"),
    ("lancashire", "GB"),
    ("cornwall", "GB"),
    ("surrey", "GB"),
    ("hampshire", "GB"),
    ("suffolk", "GB"),
    ("norfolk", "GB"),
    ("midlands", "GB"),
    ("humber", "GB"),
    ("nottingham", "GB"),
    ("southampton", "GB"),
    ("swansea", "GB"),
    ("scotland", "GB"),
    ("england", "GB"),
    ("écosse", "GB"),
    ("angleterre", "GB"),
    ("pays de galles", "GB"),
    ("dublin", "IE"),
    ("cork", "IE"),
    ("meath", "IE"),
    ("galway", "IE"),
    ("limerick", "IE"),
    ("madrid", "ES"),
    ("barcelona", "ES"),
    ("barcelone", "ES"),
    ("valencia", "ES"),
    ("valence", "ES"),
    ("seville", "ES"),
    ("séville", "ES"),
    ("bilbao", "ES"),
    ("navarre", "ES"),
    ("navarra", "ES"),
    ("catalonia", "ES"),
    ("catalogne", "ES"),
    ("aragon", "ES"),
    ("andalusia", "ES"),
    ("andalousie", "ES"),
    ("milan", "IT"),
    ("rome", "IT"),
    ("turin", "IT"),
    ("naples", "IT"),
    ("piedmont", "IT"),
    ("piémont", "IT"),
    ("lombardy", "IT"),
    ("lombardie", "IT"),
    ("lisbon", "PT"),
    ("lisbonne", "PT"),
    ("porto", "PT"),
    ("amsterdam", "NL"),
    ("rotterdam", "NL"),
    ("eindhoven", "NL"),
    ("the hague", "NL"),
    ("brussels", "BE"),
    ("bruxelles", "BE"),
    ("antwerp", "BE"),
    ("anvers", "BE"),
    ("ghent", "BE"),
    ("gand", "BE"),
    ("liège", "BE"),
    ("wallonie", "BE"),
    ("wallonia", "BE"),
    ("flanders", "BE"),
    ("flandre", "BE"),
    ("luxembourg", "LU"),
    ("zurich", "CH"),
    ("zürich", "CH"),
    ("geneva", "CH"),
    ("genève", "CH"),
    ("lausanne", "CH"),
    ("basel", "CH"),
    ("bâle", "CH"),
    ("bern", "CH"),
    ("berne", "CH"),
    ("vienna", "AT"),
    ("vienne", "AT"),
    ("stockholm", "SE"),
    ("gothenburg", "SE"),
    ("göteborg", "SE"),
    ("malmö", "SE"),
    ("oslo", "NO"),
    ("bergen", "NO"),
    ("copenhagen", "DK"),
    ("copenhague", "DK"),
    ("aarhus", "DK"),
    ("helsinki", "FI"),
    ("warsaw", "PL"),
    ("varsovie", "PL"),
    ("wroclaw", "PL"),
    ("wrocław", "PL"),
    ("krakow", "PL"),
    ("cracovie", "PL"),
    ("prague", "CZ"),
    ("budapest", "HU"),
    ("debrecen", "HU"),
    ("bucharest", "RO"),
    ("bucarest", "RO"),
    ("athens", "GR"),
    ("athènes", "GR"),
    ("istanbul", "TR"),
    ("new york", "US"),
    ("san francisco", "US"),
    ("silicon valley", "US"),
    ("seattle", "US"),
    ("boston", "US"),
    ("chicago", "US"),
    ("austin", "US"),
    ("texas", "US"),
    ("ohio", "US"),
    ("pennsylvania", "US"),
    ("pennsylvanie", "US"),
    ("new jersey", "US"),
    ("florida", "US"),
    ("floride", "US"),
    ("illinois", "US"),
    ("massachusetts", "US"),
    ("louisiana", "US"),
    ("oregon", "US"),
    ("utah", "US"),
    ("nevada", "US"),
    ("colorado", "US"),
    ("minnesota", "US"),
    ("missouri", "US"),
    ("iowa", "US"),
    ("kansas", "US"),
    ("oklahoma", "US"),
    ("alabama", "US"),
    ("mississippi", "US"),
    ("idaho", "US"),
    ("nebraska", "US"),
    ("maryland", "US"),
    ("new mexico", "US"),
    ("west virginia", "US"),
    ("connecticut", "US"),
    ("delaware", "US"),
    ("montana", "US"),
    ("arizona", "US"),
    ("california", "US"),
    ("californie", "US"),
    ("wisconsin", "US"),
    ("michigan", "US"),
    ("georgia", "US"),
    ("virginia", "US"),
    ("north carolina", "US"),
    ("south carolina", "US"),
    ("caroline du sud", "US"),
    ("caroline du nord", "US"),
    ("virginie", "US"),
    ("louisiane", "US"),
    ("nouveau-mexique", "US"),
    ("tennessee", "US"),
    ("kentucky", "US"),
    ("indiana", "US"),
    ("denver", "US"),
    ("atlanta", "US"),
    ("washington", "US"),
    ("los angeles", "US"),
    ("palo alto", "US"),
    ("toronto", "CA"),
    ("montreal", "CA"),
    ("montréal", "CA"),
    ("québec", "CA"),
    ("quebec", "CA"),
    ("vancouver", "CA"),
    ("ontario", "CA"),
    ("tokyo", "JP"),
    ("osaka", "JP"),
    ("kyoto", "JP"),
    ("seoul", "KR"),
    ("séoul", "KR"),
    ("beijing", "CN"),
    ("pékin", "CN"),
    ("shanghai", "CN"),
    ("shenzhen", "CN"),
    ("hong kong", "HK"),
    ("taipei", "TW"),
    ("singapore", "SG"),
    ("singapour", "SG"),
    ("mumbai", "IN"),
    ("bangalore", "IN"),
    ("bengaluru", "IN"),
    ("new delhi", "IN"),
    ("dubai", "AE"),
    ("dubaï", "AE"),
    ("abu dhabi", "AE"),
    ("abou dhabi", "AE"),
    ("riyadh", "SA"),
    ("riyad", "SA"),
    ("doha", "QA"),
    ("tel aviv", "IL"),
    ("casablanca", "MA"),
    ("tanger", "MA"),
    ("tangier", "MA"),
    ("rabat", "MA"),
    ("kénitra", "MA"),
    ("kenitra", "MA"),
    ("marrakech", "MA"),
    ("agadir", "MA"),
    ("jorf lasfar", "MA"),
    ("el jadida", "MA"),
    ("sines", "PT"),
    ("setúbal", "PT"),
    ("aveiro", "PT"),
    ("telangana", "IN"),
    ("hyderabad", "IN"),
    ("chennai", "IN"),
    ("pune", "IN"),
    ("gujarat", "IN"),
    ("tamil nadu", "IN"),
    ("karnataka", "IN"),
    ("maharashtra", "IN"),
    ("manassas", "US"),
    ("duisburg", "DE"),
    ("salzgitter", "DE"),
    ("north rhine-westphalia", "DE"),
    ("hanoi", "VN"),
    ("ho chi minh city", "VN"),
    ("jakarta", "ID"),
    ("cairo", "EG"),
    ("le caire", "EG"),
    ("dakar", "SN"),
    ("lagos", "NG"),
    ("nairobi", "KE"),
    ("johannesburg", "ZA"),
    ("tangier", "MA"),
    ("tunis", "TN"),
    ("algiers", "DZ"),
    ("alger", "DZ"),
    ("sydney", "AU"),
    ("melbourne", "AU"),
    ("são paulo", "BR"),
    ("sao paulo", "BR"),
    ("mexico city", "MX"),
    ("monterrey", "MX"),
];

/// Demonyms of French cities and regions (the gazetteer has countries').
const LOCAL_DEMONYMS: &[&str] = &[
    "parisien",
    "parisienne",
    "parisiens",
    "parisiennes",
    "lyonnais",
    "lyonnaise",
    "marseillais",
    "marseillaise",
    "bordelais",
    "bordelaise",
    "nantais",
    "nantaise",
    "lillois",
    "lilloise",
    "toulousain",
    "toulousaine",
    "grenoblois",
    "grenobloise",
    "strasbourgeois",
    "strasbourgeoise",
    "rennais",
    "rennaise",
    "montpelliérain",
    "montpelliéraine",
    "niçois",
    "niçoise",
    "bisontin",
    "bisontine",
    "nancéien",
    "nancéienne",
    "rouennais",
    "rouennaise",
    "normand",
    "normande",
    "normands",
    "normandes",
    "breton",
    "bretonne",
    "alsacien",
    "alsacienne",
    "francilien",
    "francilienne",
    "lorrain",
    "lorraine",
    "savoyard",
    "savoyarde",
    "auvergnat",
    "auvergnate",
    "tourangeau",
    "tourangelle",
    "angevin",
    "angevine",
    "dijonnais",
    "dijonnaise",
    "clermontois",
    "clermontoise",
    "stéphanois",
    "stéphanoise",
    "havrais",
    "havraise",
    "dunkerquois",
    "dunkerquoise",
    "toulonnais",
    "toulonnaise",
    "orléanais",
    "orléanaise",
    "messin",
    "messine",
    "brestois",
    "brestoise",
    "nîmois",
    "nîmoise",
    "sochalien",
    "finistérien",
    "finistérienne",
    "vendéen",
    "vendéenne",
    "corse",
    "basque",
    "occitan",
    "occitane",
];

/// A set of words with a quick refusal by a bitmap of (length, first
/// byte, last byte): most words of a text are in no table.
struct WordSet {
    set: crate::doc::FastSet<&'static str>,
    bits: [u64; 64],
}

impl WordSet {
    fn new(words: impl Iterator<Item = &'static str>) -> WordSet {
        let mut w = WordSet {
            set: Default::default(),
            bits: [0; 64],
        };
        for word in words {
            let k = Self::key(word);
            if let Some(b) = w.bits.get_mut(k >> 6) {
                *b |= 1 << (k & 63);
            }
            w.set.insert(word);
        }
        w
    }

    /// A slot of 4,096 for the word.
    fn key(word: &str) -> usize {
        let b = word.as_bytes();
        let first = b.first().copied().unwrap_or(0) as usize;
        let last = b.last().copied().unwrap_or(0) as usize;
        (b.len().wrapping_mul(31) ^ first.wrapping_mul(131) ^ last.wrapping_mul(7)) & 4095
    }

    #[inline]
    fn has(&self, word: &str) -> bool {
        self.may_have(Self::key(word)) && self.set.contains(word)
    }

    /// The bitmap says the word of slot `k` may be in the set.
    #[inline]
    fn may_have(&self, k: usize) -> bool {
        self.bits
            .get(k >> 6)
            .is_some_and(|b| b & (1 << (k & 63)) != 0)
    }
}

/// The tables, built once (immutable after that).
struct Tables {
    /// Cities by their first word.
    by_first: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
    /// The first words of the cities.
    firsts: WordSet,
    demonyms: WordSet,
    /// The length of the shortest demonym.
    demonym_min: usize,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut by_first: HashMap<&'static str, Vec<(&'static str, &'static str)>> =
            HashMap::default();
        for (name, cc) in CITIES.iter().copied().chain(world_cities()) {
            let first = name.split(' ').next().unwrap_or(name);
            by_first.entry(first).or_default().push((name, cc));
        }
        let firsts = WordSet::new(by_first.keys().copied());
        Tables {
            by_first,
            firsts,
            demonyms: WordSet::new(LOCAL_DEMONYMS.iter().copied()),
            demonym_min: LOCAL_DEMONYMS.iter().map(|w| w.len()).min().unwrap_or(0),
        }
    })
}

/// Towns abroad from GeoNames (`data/world_cities.tsv`, regenerated by
/// `scripts/build_world_cities.py`): lowercase name, tab, country code.
const WORLD_CITIES: &str = include_str!("../data/world_cities.tsv");

fn world_cities() -> impl Iterator<Item = (&'static str, &'static str)> {
    WORLD_CITIES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// Cities by their first word.
fn by_first() -> &'static HashMap<&'static str, Vec<(&'static str, &'static str)>> {
    &tables().by_first
}

/// Whether a first word of a city, and a demonym, may have slot `k`
/// ([`crate::doc::slot_of`], the slots of [`WordSet`]).
pub(crate) fn slot_bits(k: usize) -> (bool, bool) {
    let t = tables();
    (t.firsts.may_have(k), t.demonyms.may_have(k))
}

/// The demonyms (lowercase) of [`find`].
pub(crate) fn demonyms() -> impl Iterator<Item = &'static str> {
    LOCAL_DEMONYMS.iter().copied()
}

/// The length of the shortest demonym.
pub(crate) fn demonym_min() -> usize {
    tables().demonym_min
}

/// Adds the cities of the table found in the text (capitalised, whole
/// words) as country mentions, unless the gazetteer already placed them.
pub(crate) fn find(d: &Doc, out: &mut Vec<CtryM>) {
    let tables = tables();
    let map = &tables.by_first;
    // (the words shaped like a city's first word or a demonym, found by
    // doc::scan: most words fail the bitmap of their set)
    for &(i, h) in &d.hits {
        if h & crate::doc::HIT_CITY == 0 {
            continue;
        }
        let i = i as usize;
        let Some(t) = d.toks.get(i) else { continue };
        let w = d.w(i);
        if !t.cap {
            if tables.demonyms.has(w) {
                out.push(CtryM {
                    start: t.start,
                    end: t.end,
                    country: "FR".into(),
                    demonym: true,
                });
            }
            continue;
        }
        // (one lookup: the first words' bitmap let it through)
        let Some(cands) = map.get(w) else { continue };
        for &(name, cc) in cands {
            let Some(rest) = d.lower.get(t.start..) else {
                continue;
            };
            if !rest.starts_with(name) {
                continue;
            }
            let end = t.start + name.len();
            let after_ok = d.lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !after_ok
                || d.places
                    .iter()
                    .any(|p| p.start <= t.start && t.start < p.end)
            {
                continue;
            }
            // "Washington Post", "Georgia-Pacific": skip when an org covers it
            if d.orgs
                .iter()
                .any(|o| o.start <= t.start && end <= o.end && o.end - o.start > name.len())
            {
                continue;
            }
            out.push(CtryM {
                start: t.start,
                end,
                country: cc.to_string(),
                demonym: false,
            });
            break;
        }
    }
}

/// The text before the first space (all of it without one).
fn first_word(s: &str) -> &str {
    s.as_bytes()
        .iter()
        .position(|&b| b == b' ')
        .and_then(|p| s.get(..p))
        .unwrap_or(s)
}

/// The lowercase name is a city or region of the table.
pub(crate) fn is_city(lower: &str) -> bool {
    let first = first_word(lower);
    tables().firsts.has(first)
        && by_first()
            .get(first)
            .is_some_and(|v| v.iter().any(|&(n, _)| n == lower))
}

/// A city or region of the table may start with the word `first` (the
/// test [`is_city`] makes of a name's first word).
pub(crate) fn is_city_start(first: &str) -> bool {
    tables().firsts.has(first)
}

/// The country of a city or region of the table.
pub(crate) fn city_country(lower: &str) -> Option<&'static str> {
    let first = first_word(lower);
    if !tables().firsts.has(first) {
        return None;
    }
    by_first()
        .get(first)
        .and_then(|v| v.iter().find(|&&(n, _)| n == lower).map(|&(_, c)| c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geonames_towns_have_a_country_and_no_french_homonym() {
        let towns: Vec<_> = world_cities().collect();
        assert!(towns.len() > 5_000, "{}", towns.len());
        for (name, cc) in &towns {
            assert!(name.len() >= 4 && *name == name.to_lowercase(), "{name}");
            assert!(
                cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase()),
                "{cc}"
            );
            assert_ne!(*cc, "FR", "{name}");
        }
        assert_eq!(city_country("wrexham"), Some("GB"));
        assert_eq!(city_country("johor bahru"), Some("MY"));
        // ordinary words and French communes are left out
        for w in ["reading", "split", "mobile", "orange", "nice"] {
            assert!(!towns.iter().any(|(n, _)| *n == w), "{w}");
        }
    }

    #[test]
    fn word_sets_hold_their_words_only() {
        let t = tables();
        for w in LOCAL_DEMONYMS {
            assert!(t.demonyms.has(w), "{w}");
        }
        for (name, _) in CITIES {
            assert!(
                t.firsts.has(name.split(' ').next().unwrap_or(name)),
                "{name}"
            );
        }
        for w in ["paris", "Parisien", "", "le", "les", "investit"] {
            assert!(!t.demonyms.has(w), "{w}");
        }
    }
}

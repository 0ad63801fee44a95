//! The words of investment news, French and English: triggers (with the kind
//! of event they imply), modality (status), job nouns, and the contexts that
//! make an amount something else than an investment.

use crate::doc::{Doc, SecM};
use vigie_model::Sector;

/// What a trigger word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Class {
    /// invest, injecter, débloquer, consacrer, earmark...: money for a purpose.
    Invest,
    /// A noun that carries an amount right after it ("un projet de 300 M€").
    Weak,
    /// "annonce 2 milliards", "recherche 600 millions": needs the amount right after.
    Announce,
    /// implanter, construire, ouvrir, agrandir, build, open, expand.
    Build,
    /// lever, levée de fonds, tour de table, raise, funding round.
    Raise,
    /// racheter, acquérir, buy, acquire, take over.
    Acquire,
    /// subvention, l'État apporte, grant, subsidy.
    Grant,
}

impl Class {
    /// Triggers that name money by themselves.
    pub fn strong(self) -> bool {
        matches!(
            self,
            Class::Invest | Class::Raise | Class::Acquire | Class::Grant
        )
    }
}

fn any_prefix(w: &str, ps: &[&str]) -> bool {
    ps.iter().any(|p| w.starts_with(p))
}

/// A fixed list of words looked up as a hash set (built on first use; a
/// linear scan of a long list costs more than hashing the word).
pub(crate) struct Words {
    list: &'static [&'static str],
    set: std::sync::OnceLock<WordsSet>,
}

/// The set of a [`Words`] list, with a bitmap of (length, first byte, last
/// byte) of its words that refuses most other words without hashing them.
struct WordsSet {
    bits: [u64; 64],
    set: crate::doc::FastSet<&'static str>,
}

impl WordsSet {
    #[inline(never)]
    fn has(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    /// A slot of 4,096 for the word.
    #[inline]
    fn key(w: &str) -> usize {
        let b = w.as_bytes();
        let first = b.first().copied().unwrap_or(0) as usize;
        let last = b.last().copied().unwrap_or(0) as usize;
        (b.len().wrapping_mul(31) ^ first.wrapping_mul(131) ^ last.wrapping_mul(7)) & 4095
    }
}

impl Words {
    pub(crate) const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Same as `list.contains(w)`.
    #[inline]
    pub(crate) fn contains(&self, w: &&str) -> bool {
        let s = self.set();
        let k = WordsSet::key(w);
        s.bits.get(k >> 6).is_some_and(|b| b >> (k & 63) & 1 != 0) && s.has(w)
    }

    #[inline]
    fn set(&self) -> &WordsSet {
        self.set.get_or_init(|| {
            let mut bits = [0u64; 64];
            for w in self.list {
                let k = WordsSet::key(w);
                if let Some(b) = bits.get_mut(k >> 6) {
                    *b |= 1 << (k & 63);
                }
            }
            WordsSet {
                bits,
                set: self.list.iter().copied().collect(),
            }
        })
    }
}

/// A necessary condition for a word to be taken by a long list of rules
/// (`classify`, `more_sectors`): the words the rules compare it with and the
/// prefixes they test it with. Most words of a text pass none, and the
/// rules then answer at once. The tests `gates_cover_their_rules` check the
/// lists against the source of the rules.
struct Gate {
    /// A bit per hash of the first `klen` bytes (zero-padded) of every word
    /// and prefix: a cheap first test that most words fail.
    keys: Box<[u64; 1024]>,
    /// The same for the prefixes alone.
    pkeys: Box<[u64; 1024]>,
    /// A bit per hash of (length, first and last four bytes) of every word.
    wkeys: Box<[u64; 1024]>,
    klen: usize,
    words: crate::doc::FastSet<&'static str>,
    /// Sorted bytewise, none starting another.
    prefixes: &'static [&'static str],
    /// The prefixes by their first four bytes (when `klen` is 4), sorted.
    by_start: Vec<(u32, &'static str)>,
}

/// Bit `h` of a 65,536-bit map.
#[inline]
fn bit(map: &[u64; 1024], h: usize) -> bool {
    map.get(h >> 6).is_some_and(|b| b >> (h & 63) & 1 != 0)
}

fn set_bit(map: &mut [u64; 1024], h: usize) {
    if let Some(b) = map.get_mut(h >> 6) {
        *b |= 1 << (h & 63);
    }
}

impl Gate {
    fn new(words: &[&'static str], prefixes: &'static [&'static str]) -> Gate {
        let klen = prefixes.iter().map(|p| p.len()).fold(4, usize::min);
        let mut keys = Box::new([0u64; 1024]);
        let mut pkeys = Box::new([0u64; 1024]);
        let mut wkeys = Box::new([0u64; 1024]);
        for w in words {
            set_bit(&mut keys, Gate::key(w, klen));
            set_bit(&mut wkeys, Gate::word_key(w));
        }
        for p in prefixes {
            set_bit(&mut keys, Gate::key(p, klen));
            set_bit(&mut pkeys, Gate::key(p, klen));
        }
        let mut by_start: Vec<(u32, &'static str)> = prefixes
            .iter()
            .filter_map(|p| Some((Gate::start(p.as_bytes())?, *p)))
            .collect();
        by_start.sort_unstable();
        Gate {
            keys,
            pkeys,
            wkeys,
            klen,
            words: words.iter().copied().collect(),
            prefixes,
            by_start,
        }
    }

    /// A 16-bit hash of the first `klen` bytes of `w`.
    #[inline]
    fn key(w: &str, klen: usize) -> usize {
        let b = w.as_bytes();
        let k = match b.get(..4) {
            Some(&[b0, b1, b2, b3]) if klen == 4 => [b0, b1, b2, b3],
            _ => {
                let mut k = [0u8; 4];
                for (d, s) in k.iter_mut().zip(b.iter().take(klen)) {
                    *d = *s;
                }
                k
            }
        };
        Gate::hash4(k)
    }

    #[inline]
    fn hash4(k: [u8; 4]) -> usize {
        (u32::from_le_bytes(k).wrapping_mul(0x9e37_79b1) >> 16) as usize
    }

    /// A 16-bit hash of the length and the first and last four bytes of `w`.
    #[inline]
    fn word_key(w: &str) -> usize {
        let b = w.as_bytes();
        let n = b.len();
        let (first, last) = match (b.get(..4), n.checked_sub(4).and_then(|k| b.get(k..))) {
            (Some(&[a0, a1, a2, a3]), Some(&[z0, z1, z2, z3])) => {
                ([a0, a1, a2, a3], [z0, z1, z2, z3])
            }
            _ => {
                let mut k = [0u8; 4];
                for (d, s) in k.iter_mut().zip(b) {
                    *d = *s;
                }
                (k, [0u8; 4])
            }
        };
        let x = (u64::from(u32::from_le_bytes(first)) | u64::from(u32::from_le_bytes(last)) << 32)
            ^ (n as u64).wrapping_mul(0x2545_f491_4f6c_dd1d);
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
    }

    /// The test of the first four bytes alone, as a value to keep in a loop.
    fn starts(&'static self) -> Starts {
        Starts {
            keys: (self.klen == 4).then_some(&*self.keys),
        }
    }

    #[inline]
    fn admits(&self, w: &str) -> bool {
        let h = Gate::key(w, self.klen);
        bit(&self.keys, h) && self.admits_keyed(w, h)
    }

    /// [`Gate::admits`] for a word whose key `h` is in the map.
    #[inline(never)]
    fn admits_keyed(&self, w: &str, h: usize) -> bool {
        bit(&self.wkeys, Gate::word_key(w)) && self.words.contains(w)
            || bit(&self.pkeys, h) && self.has_prefix(w)
    }

    /// The first four bytes of `b` as a number.
    fn start(b: &[u8]) -> Option<u32> {
        match b.get(..4) {
            Some(&[b0, b1, b2, b3]) => Some(u32::from_le_bytes([b0, b1, b2, b3])),
            _ => None,
        }
    }

    /// `w` starts with one of the prefixes.
    fn has_prefix(&self, w: &str) -> bool {
        if self.klen == 4 {
            // a prefix `w` starts with has the first four bytes of `w`
            let Some(k) = Gate::start(w.as_bytes()) else {
                return false;
            };
            let lo = self.by_start.partition_point(|&(x, _)| x < k);
            return self
                .by_start
                .get(lo..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&(x, _)| x == k)
                .any(|&(_, p)| w.starts_with(p));
        }
        // iff it starts with the greatest prefix not above it
        let k = self.prefixes.partition_point(|p| *p <= w);
        k > 0 && self.prefixes.get(k - 1).is_some_and(|p| w.starts_with(p))
    }
}

/// Every word `classify` compares the current word with (`matches!(w, ..)`,
/// `w == ".."`), apart from those covered by [`TRIGGER_PREFIXES`].
const TRIGGER_WORDS: &[&str] = &[
    "accorde",
    "accordera",
    "accordé",
    "accordée",
    "achat",
    "achats",
    "acheter",
    "acheté",
    "achetée",
    "achète",
    "achètera",
    "acquerra",
    "acquerrait",
    "acquiert",
    "acquise",
    "acquièrent",
    "acquérir",
    "aide",
    "aides",
    "amassé",
    "annonce",
    "annoncent",
    "annoncera",
    "annoncé",
    "announce",
    "announced",
    "announces",
    "apporte",
    "apportent",
    "apporter",
    "apportera",
    "apporteront",
    "attribue",
    "attribuera",
    "augmentation",
    "avance",
    "avances",
    "award",
    "awarded",
    "awards",
    "axes",
    "boucle",
    "bouclé",
    "bought",
    "build",
    "building",
    "builds",
    "built",
    "buy",
    "buying",
    "buys",
    "campus",
    "canceled",
    "cancelled",
    "cancels",
    "chantier",
    "cherche",
    "cherchent",
    "choisi",
    "choisit",
    "chooses",
    "chose",
    "chosen",
    "closed",
    "closes",
    "collecte",
    "collected",
    "collecté",
    "commit",
    "commitment",
    "commits",
    "committed",
    "committing",
    "completes",
    "contribue",
    "contribuera",
    "contribute",
    "contributed",
    "contributes",
    "contribution",
    "ditches",
    "débourse",
    "débourser",
    "déboursé",
    "décroche",
    "décroché",
    "dépenser",
    "dépensera",
    "dépenseront",
    "dépensé",
    "entrepôt",
    "enveloppe",
    "extend",
    "extends",
    "extension",
    "extensions",
    "facility",
    "factory",
    "fund",
    "funded",
    "funding",
    "fundraise",
    "fundraiser",
    "fundraising",
    "funds",
    "gigafactory",
    "give",
    "gives",
    "grant",
    "grants",
    "implantation",
    "implante",
    "implantent",
    "implanter",
    "implantera",
    "implanterait",
    "implanteront",
    "implanté",
    "implantée",
    "implantées",
    "implantés",
    "install",
    "installer",
    "installera",
    "installs",
    "landed",
    "lands",
    "levaient",
    "levait",
    "levant",
    "leve",
    "levee",
    "levees",
    "lever",
    "levera",
    "levé",
    "levée",
    "levées",
    "levés",
    "loan",
    "loans",
    "lève",
    "lèvent",
    "lèvera",
    "lèveraient",
    "lèverait",
    "lèveront",
    "met",
    "mettent",
    "mettra",
    "mettre",
    "mettront",
    "mis",
    "montant",
    "nets",
    "netted",
    "obtenu",
    "obtient",
    "octroie",
    "octroiera",
    "offer",
    "offers",
    "offert",
    "offre",
    "offrir",
    "offrira",
    "open",
    "opened",
    "opening",
    "opens",
    "ouverture",
    "package",
    "paid",
    "payait",
    "paying",
    "pays",
    "payé",
    "permis",
    "picked",
    "picks",
    "plan",
    "planning",
    "plans",
    "plant",
    "pledge",
    "pledged",
    "pledges",
    "pledging",
    "plough",
    "ploughs",
    "plow",
    "plows",
    "pour",
    "poured",
    "pouring",
    "pours",
    "prend",
    "prendra",
    "prendre",
    "prennent",
    "pris",
    "program",
    "programme",
    "project",
    "projects",
    "projet",
    "projets",
    "promet",
    "promised",
    "promises",
    "provide",
    "provides",
    "providing",
    "prévoit",
    "prêt",
    "prêts",
    "pulled",
    "pump",
    "pumped",
    "pumps",
    "put",
    "puts",
    "raise",
    "raised",
    "raises",
    "raising",
    "receive",
    "received",
    "receives",
    "recherche",
    "recherchent",
    "reprend",
    "reprendra",
    "reprendre",
    "repris",
    "reprise",
    "retient",
    "round",
    "réuni",
    "réunit",
    "secured",
    "secures",
    "securing",
    "seek",
    "seeking",
    "seeks",
    "selected",
    "selects",
    "serie",
    "series",
    "set",
    "sets",
    "setting",
    "shelved",
    "shelves",
    "site",
    "spend",
    "spending",
    "spends",
    "spent",
    "série",
    "take",
    "taken",
    "takes",
    "taking",
    "took",
    "tour",
    "unveil",
    "unveiled",
    "unveils",
    "usine",
    "warehouse",
    "étend",
    "étendra",
    "étendre",
    "chip",
    "chips",
    "chipping",
    "apporté",
    "apportée",
    "entré",
    "entrée",
    "entrés",
    "entre",
    "entrent",
    "entrera",
    "entreront",
    "entrer",
    "snaps",
    "snapped",
    "snap",
    "snapping",
    "ajoute",
    "ajoutent",
    // a first stone laid ("breaks ground", "pose la première pierre")
    "break",
    "breaking",
    "breaks",
    "broke",
    "broken",
    "pose",
    "posé",
    "posée",
    "poser",
    "posera",
];

/// Every prefix `classify` tests the current word with (`w.starts_with`,
/// `any_prefix(w, ..)`), reduced to the shortest ones, sorted bytewise.
const TRIGGER_PREFIXES: &[&str] = &[
    "abandon",
    "accompagn",
    "acquir",
    "acquisition",
    "agrandi",
    "alloc",
    "allou",
    "cofinanc",
    "consacr",
    "constru",
    "debloqu",
    "débloqu",
    "earmark",
    "engag",
    "expan",
    "financ",
    "inaugur",
    "infuse",
    "inject",
    "invest",
    "mobilis",
    "moderni",
    "ouvr",
    "particip",
    "purchas",
    "rachat",
    "rachet",
    "rachèt",
    "reinvest",
    "relocalis",
    "renon",
    "réinvest",
    "scrap",
    "soutien",
    "subsid",
    "subvention",
    "takeover",
];

/// Can `w` be (the first word of) a trigger? A necessary condition only.
#[inline]
pub(crate) fn may_trigger(w: &str) -> bool {
    trigger_gate().admits(w)
}

/// The first-bytes test of a gate, looked up once for a loop over the
/// words of an article.
#[derive(Clone, Copy)]
pub(crate) struct Starts {
    /// `None`: the gate keys fewer bytes and admits every start.
    keys: Option<&'static [u64; 1024]>,
}

impl Starts {
    /// False when no word of four bytes or more starting with `start` can
    /// pass the gate (for a word of three bytes, `start` is them and a
    /// zero: false when the word cannot pass either).
    #[inline]
    pub(crate) fn admits(self, start: [u8; 4]) -> bool {
        self.admits_key(u32::from_le_bytes(start))
    }

    /// [`Starts::admits`] of the bytes of `key` (little-endian).
    #[inline]
    pub(crate) fn admits_key(self, key: u32) -> bool {
        self.keys
            .is_none_or(|k| bit(k, Gate::hash4(key.to_le_bytes())))
    }
}

/// The first-bytes test of [`may_trigger`]: `trigger_starts().admits(start)`
/// is false when no word of four bytes or more starting with `start` can be
/// a trigger.
pub(crate) fn trigger_starts() -> Starts {
    trigger_gate().starts()
}

fn trigger_gate() -> &'static Gate {
    static GATE: std::sync::OnceLock<Gate> = std::sync::OnceLock::new();
    GATE.get_or_init(|| Gate::new(TRIGGER_WORDS, TRIGGER_PREFIXES))
}

/// The same for the sector words of `more_sectors`.
const SECTOR_WORDS: &[&str] = &[
    "5g",
    "acier",
    "ai",
    "alimentaire",
    "assurance",
    "assureur",
    "bakery",
    "bank",
    "banque",
    "beer",
    "biogaz",
    "biomasse",
    "biotech",
    "biotechs",
    "bière",
    "boulangerie",
    "boulangeries",
    "brasserie",
    "brewery",
    "bureaux",
    "carmaker",
    "carmakers",
    "cars",
    "carton",
    "cement",
    "centre",
    "centres",
    "chariots",
    "chipmaker",
    "chips",
    "chocolat",
    "cimenterie",
    "cognac",
    "colis",
    "colocation",
    "commerce",
    "components",
    "composants",
    "container",
    "containers",
    "conteneurs",
    "céréales",
    "dairy",
    "data",
    "datacenter",
    "datacenters",
    "delivery",
    "diagnostic",
    "distribution",
    "edtech",
    "energy",
    "engines",
    "enseigne",
    "ev",
    "evs",
    "factory",
    "ferroviaire",
    "fibre",
    "fintech",
    "food",
    "foods",
    "four",
    "freight",
    "fret",
    "fulfillment",
    "fulfilment",
    "furnace",
    "genai",
    "gigafactories",
    "gigafactory",
    "glass",
    "grid",
    "health",
    "hospital",
    "housses",
    "hypermarché",
    "hyperscale",
    "hôpital",
    "ia",
    "implants",
    "insurance",
    "insurer",
    "intelligence",
    "lait",
    "livraison",
    "livraisons",
    "machinery",
    "machines",
    "magasin",
    "magasins",
    "manufacturier",
    "manufacturing",
    "medtech",
    "milk",
    "moteurs",
    "nhs",
    "nuclear",
    "nucléaire",
    "numérique",
    "nutrition",
    "offices",
    "offshore",
    "paper",
    "parcel",
    "parcels",
    "plant",
    "plateforme",
    "pompes",
    "port",
    "ports",
    "properties",
    "property",
    "puces",
    "pump",
    "pumps",
    "rail",
    "retail",
    "retailer",
    "saas",
    "santé",
    "seats",
    "septicémie",
    "seringues",
    "servers",
    "serveurs",
    "sièges",
    "soins",
    "solar",
    "sous",
    "steel",
    "store",
    "stores",
    "supermarché",
    "supermarchés",
    "supermarket",
    "syringes",
    "terminal",
    "terminals",
    "terminaux",
    "trains",
    "transporteur",
    "usinage",
    "usine",
    "usines",
    "vehicles",
    "verre",
    "vin",
    "voitures",
    "véhicules",
    "wafer",
    "wafers",
    "warehouse",
    "warehouses",
    "whey",
    "wind",
    "wine",
    "électricité",
    "énergie",
    "équipementier",
];

const SECTOR_PREFIXES: &[&str] = &[
    "aerospace",
    "agroalimentaire",
    "antibio",
    "automobile",
    "automotive",
    "aéronaut",
    "batter",
    "beauty",
    "biomédicament",
    "camion",
    "cardia",
    "chaudronn",
    "cheese",
    "chemical",
    "chimi",
    "clinic",
    "conserv",
    "cosmét",
    "cybers",
    "drug",
    "electrolys",
    "emballage",
    "entrepôt",
    "fonderie",
    "forklift",
    "fromag",
    "healthtech",
    "hydrogen",
    "hydrogène",
    "immobili",
    "laiti",
    "logiciel",
    "logisti",
    "medical",
    "médical",
    "médicament",
    "orbit",
    "packaging",
    "papeter",
    "parfum",
    "pharma",
    "photovolta",
    "plasturg",
    "polymère",
    "quantique",
    "quantum",
    "robot",
    "satellit",
    "scooter",
    "semi",
    "sidérurg",
    "software",
    "solaire",
    "spatial",
    "telecom",
    "textile",
    "truck",
    "télécom",
    "utilitaire",
    "vaccin",
    "verrer",
    "électrolys",
    "éolien",
];

#[inline]
fn may_be_sector(w: &str) -> bool {
    sector_gate().admits(w)
}

fn sector_gate() -> &'static Gate {
    static GATE: std::sync::OnceLock<Gate> = std::sync::OnceLock::new();
    GATE.get_or_init(|| Gate::new(SECTOR_WORDS, SECTOR_PREFIXES))
}

/// Classifies the word at token `i` (lowercase `w`), given the next words.
/// Returns the class and the number of tokens the trigger spans.
pub(crate) fn classify(w: &str, next: &[&str], prev: &str) -> Option<(Class, usize)> {
    if !may_trigger(w) {
        return None;
    }
    let mut buf = [""; 10];
    let n = without_apostrophes(next.iter().copied(), &mut buf);
    classify_admitted(w, buf.get(..n).unwrap_or(&[]), prev)
}

/// Fills `buf` with the words of `next` that are not apostrophes (tokens of
/// their own: "rachat d'actions" reads rachat, d, actions), as many as fit;
/// returns their number.
pub(crate) fn without_apostrophes<'w>(
    next: impl Iterator<Item = &'w str>,
    buf: &mut [&'w str],
) -> usize {
    let mut n = 0;
    for x in next.filter(|x| !matches!(*x, "'" | "’")) {
        if let Some(slot) = buf.get_mut(n) {
            *slot = x;
            n += 1;
        }
    }
    n
}

/// [`classify`] for a word that [`may_trigger`] admits, `next` being the
/// next words without apostrophes (see [`without_apostrophes`]): the rules
/// (the test `gates_cover_their_rules` reads this function).
pub(crate) fn classify_admitted(w: &str, next: &[&str], prev: &str) -> Option<(Class, usize)> {
    let n1 = next.first().copied().unwrap_or("");
    let n2 = next.get(1).copied().unwrap_or("");
    let n3 = next.get(2).copied().unwrap_or("");
    // --- nouns that carry an amount, the commonest triggers: read first
    // (no later rule tests these words: `early_words_are_tested_once`)
    if matches!(
        w,
        "projet"
            | "projets"
            | "project"
            | "projects"
            | "programme"
            | "program"
            | "enveloppe"
            | "chantier"
            | "usine"
            | "site"
            | "campus"
            | "plant"
            | "factory"
            | "facility"
            | "package"
            | "gigafactory"
            | "entrepôt"
            | "warehouse"
            | "montant"
    ) {
        return Some((Class::Weak, 1));
    }
    if matches!(w, "plan") {
        if matches!(n1, "social" | "sociaux")
            || n1 == "de"
                && matches!(
                    n2,
                    "sauvegarde" | "départs" | "licenciement" | "licenciements" | "restructuration"
                )
        {
            return None;
        }
        return Some((Class::Weak, 1));
    }
    // French "pour" is read as English "pour into" alone
    if matches!(w, "pour") {
        return next
            .iter()
            .take(6)
            .any(|x| *x == "into")
            .then_some((Class::Invest, 1));
    }
    // investing, announcing, building: common verbs, read early too (no
    // rule below tests these words nor these beginnings)
    if w.starts_with("investisseu") || w.starts_with("investor") || w.starts_with("investigat") {
        return None;
    }
    if w.starts_with("invest") || w.starts_with("réinvest") || w.starts_with("reinvest") {
        return Some((Class::Invest, 1));
    }
    if matches!(
        w,
        "annonce"
            | "annoncé"
            | "annoncent"
            | "annoncera"
            | "announces"
            | "announced"
            | "announce"
            | "unveils"
            | "unveiled"
            | "unveil"
            | "promet"
            | "promises"
            | "promised"
            | "prévoit"
            | "plans"
    ) {
        return Some((Class::Announce, 1));
    }
    if any_prefix(
        w,
        &[
            "inaugur",
            "constru",
            "agrandi",
            "moderni",
            "relocalis",
            "expan",
        ],
    ) {
        return Some((Class::Build, 1));
    }
    if matches!(
        w,
        "build" | "builds" | "building" | "built" | "construct" | "constructs" | "constructing"
    ) {
        return Some((Class::Build, 1));
    }
    // --- equity
    if matches!(
        w,
        "lève"
            | "lèvent"
            | "lever"
            | "levé"
            | "levée"
            | "levées"
            | "levés"
            | "lèvera"
            | "lèveront"
            | "lèverait"
            | "lèveraient"
            | "levait"
            | "levaient"
            | "leve"
            | "levee"
            | "levees"
            | "levera"
            | "levant"
    ) {
        if matches!(n1, "le" | "la") && matches!(n2, "voile" | "pied" | "rideau") {
            return None;
        }
        if n1 == "de" && matches!(n2, "boucliers" | "bouclier") {
            return None;
        }
        return Some((Class::Raise, 1));
    }
    if matches!(
        w,
        "secures"
            | "secured"
            | "securing"
            | "obtient"
            | "obtenu"
            | "décroche"
            | "décroché"
            | "lands"
            | "landed"
            | "nets"
            | "netted"
            | "closes"
            | "closed"
            | "boucle"
            | "bouclé"
            | "completes"
    ) && next.iter().take(4).any(|x| {
        x.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "$€£".contains(c))
            || matches!(
                *x,
                "chf" | "sek" | "usd" | "eur" | "gbp" | "un" | "une" | "a" | "an"
            )
    }) {
        return Some((Class::Raise, 1));
    }
    if matches!(
        w,
        "réuni" | "réunit" | "collecte" | "collecté" | "collected" | "amassé" | "pulled"
    ) && next
        .iter()
        .take(4)
        .any(|x| x.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        return Some((Class::Raise, 1));
    }
    if matches!(w, "raise" | "raises" | "raised" | "raising") {
        return Some((Class::Raise, 1));
    }
    if w == "tour" && n1 == "de" && matches!(n2, "table" | "financement" | "financements") {
        return Some((Class::Raise, 3));
    }
    if matches!(w, "round" | "fundraising" | "fundraise" | "fundraiser") {
        return Some((Class::Raise, 1));
    }
    if (w == "série" || w == "serie" || w == "series")
        && n1.len() == 1
        && n1.chars().all(|c| ('a'..='f').contains(&c))
    {
        return Some((Class::Raise, 2));
    }
    if w == "augmentation" && n1 == "de" && n2 == "capital" {
        return Some((Class::Raise, 3));
    }
    if matches!(
        w,
        "recherche" | "recherchent" | "cherche" | "cherchent" | "seeks" | "seek" | "seeking"
    ) && prev != "la"
        && prev != "de"
        && prev != "en"
    {
        // "Mistral AI recherche 600 millions": only with the amount right after
        return Some((Class::Announce, 1));
    }
    // --- acquisition
    if any_prefix(w, &["rachat", "rachet", "rachèt"]) {
        if n1 == "d" && matches!(n2, "actions" | "action")
            || n1 == "de" && matches!(n2, "ses" | "leurs") && n3 == "propres"
        {
            return None;
        }
        return Some((Class::Acquire, 1));
    }
    if matches!(
        w,
        "acquiert" | "acquérir" | "acquerra" | "acquièrent" | "acquerrait" | "acquise"
    ) || w.starts_with("acquisition")
        || (w.starts_with("acquir") && !w.starts_with("acquirer"))
    {
        return Some((Class::Acquire, 1));
    }
    if matches!(
        w,
        "achète" | "acheter" | "achètera" | "acheté" | "achetée" | "achat" | "achats"
    ) {
        return Some((Class::Acquire, 1));
    }
    if matches!(w, "buy" | "buys" | "buying" | "bought") {
        if matches!(n1, "back" | "backs") {
            return None;
        }
        return Some((Class::Acquire, 1));
    }
    // "paid $116 million for Ruby", "paying $16bn for AirTrunk", "a
    // déboursé 2 Md€ pour X": a price paid for something
    if matches!(
        w,
        "paid" | "paying" | "pays" | "payé" | "payait" | "déboursé" | "débourse" | "débourser"
    ) && next.iter().take(8).any(|x| matches!(*x, "for" | "pour"))
        // French "pays" is a country or a territory: "aux élus du pays de
        // Landivisiau", "le pays"
        && !(w == "pays"
            && (matches!(
                prev,
                "du" | "le" | "au" | "les" | "des" | "de" | "d" | "aux" | "notre" | "son" | "ce"
            ) || matches!(n1, "de" | "d" | "du" | "des")))
        && !next.iter().take(8).any(|x| {
            matches!(
                *x,
                "fine" | "amende" | "dividend" | "dividende" | "salaries" | "salaire"
            )
        })
    {
        // "débourse 400 M€ pour une nouvelle ligne", "pour ses stylos
        // injecteurs", "pour construire": money spent on its own site
        if matches!(w, "déboursé" | "débourse" | "débourser") {
            if let Some(k) = next.iter().take(8).position(|x| *x == "pour") {
                let a = next.get(k + 1).copied().unwrap_or("");
                let b = next.get(k + 2).copied().unwrap_or("");
                let c = next.get(k + 3).copied().unwrap_or("");
                let site = |x: &str| {
                    matches!(
                        x,
                        "usine"
                            | "ligne"
                            | "lignes"
                            | "site"
                            | "entrepôt"
                            | "extension"
                            | "unité"
                            | "centre"
                            | "campus"
                            | "atelier"
                            | "bâtiment"
                            | "plateforme"
                            | "projet"
                            | "chantier"
                    )
                };
                let own = matches!(a, "ses" | "son" | "sa" | "leur" | "leurs");
                let build_verb = !a.starts_with("rachet")
                    && !a.starts_with("acqu")
                    && !a.starts_with("repren")
                    && (a.ends_with("er") || a.ends_with("ir") || a.ends_with("re"))
                    && a.len() > 4;
                if own || build_verb || site(b) || site(c) {
                    return Some((Class::Invest, 1));
                }
            }
        }
        return Some((Class::Acquire, 1));
    }
    if w.starts_with("purchas") || w.starts_with("takeover") {
        return Some((Class::Acquire, 1));
    }
    // "a pris une participation minoritaire dans X", "took a 20% stake in Y"
    if matches!(
        w,
        "pris"
            | "prend"
            | "prendra"
            | "prendre"
            | "prennent"
            | "take"
            | "takes"
            | "took"
            | "taking"
            | "taken"
    ) && next
        .iter()
        .take(5)
        .any(|x| matches!(*x, "participation" | "stake" | "participations" | "stakes"))
    {
        return Some((Class::Acquire, 1));
    }
    // "le fonds Hy24 est entré au capital de GravitHy à hauteur de 60 M€"
    if matches!(
        w,
        "entré" | "entrée" | "entrés" | "entre" | "entrent" | "entrera" | "entreront" | "entrer"
    ) && (n1 == "au" && n2 == "capital" || n1 == "dans" && n2 == "le" && n3 == "capital")
    {
        return Some((Class::Acquire, 1));
    }
    // "TotalEnergies snaps up Polish wind developer Wiatrak"
    if matches!(w, "snaps" | "snapped" | "snap" | "snapping") && n1 == "up" {
        return Some((Class::Acquire, 2));
    }
    // "Ce nouveau volet s'ajoute aux 400 M€ déjà annoncés en 2022"
    if matches!(w, "ajoute" | "ajoutent") && prev == "'" && matches!(n1, "aux" | "à") {
        return Some((Class::Weak, 1));
    }
    if matches!(w, "take" | "takes" | "took" | "taking" | "taken") && n1 == "over" {
        return Some((Class::Acquire, 2));
    }
    if matches!(w, "offre" | "offrir" | "offert" | "offrira") && prev == "s" {
        return Some((Class::Acquire, 1));
    }
    if matches!(w, "met" | "mettre" | "mis" | "mettra") && n1 == "la" && n2 == "main" && n3 == "sur"
    {
        return Some((Class::Acquire, 4));
    }
    let recovery = |x: &str| {
        matches!(
            x,
            "activité"
                | "économie"
                | "croissance"
                | "travail"
                | "production"
                | "cours"
                | "marché"
                | "des"
                | "ventes"
        )
    };
    if matches!(
        w,
        "reprend" | "reprendre" | "reprendra" | "repris" | "reprise"
    ) && (!matches!(prev, "la" | "une")
        || matches!(n1, "de" | "du" | "d")
            && !recovery(n2)
            && !(matches!(n2, "la" | "l" | "'") && recovery(n3)))
    {
        return Some((Class::Acquire, 1));
    }
    // --- public funding
    if w.starts_with("subvention") || w.starts_with("subsid") {
        return Some((Class::Grant, 1));
    }
    if matches!(
        w,
        "grant"
            | "grants"
            | "awarded"
            | "awards"
            | "award"
            | "contribute"
            | "contributes"
            | "contributed"
            | "contribution"
    ) {
        return Some((Class::Grant, 1));
    }
    // "Berlin to chip in 1 billion"
    if matches!(w, "chip" | "chips" | "chipping") && n1 == "in" {
        return Some((Class::Grant, 2));
    }
    if matches!(w, "aide" | "aides") && !matches!(n1, "à" | "a") {
        return Some((Class::Grant, 1));
    }
    if matches!(
        w,
        "provide"
            | "provides"
            | "providing"
            | "offer"
            | "offers"
            | "give"
            | "gives"
            | "receive"
            | "receives"
            | "received"
    ) && next.iter().any(|x| {
        matches!(
            *x,
            "credits"
                | "incentives"
                | "grants"
                | "subsidies"
                | "aid"
                | "subventions"
                | "aides"
                | "tax"
        )
    }) {
        return Some((Class::Grant, 1));
    }
    if matches!(
        w,
        "apporte"
            | "contribute"
            | "contributes"
            | "contributed"
            | "contribuera"
            | "contribue"
            | "apportera"
            | "apportent"
            | "apporteront"
            | "apporter"
            | "apporté"
            | "apportée"
            | "accorde"
            | "accordera"
            | "soutient"
            | "soutiendra"
            | "soutiennent"
            | "accordé"
            | "accordée"
            | "octroie"
            | "octroiera"
            | "attribue"
            | "attribuera"
    ) {
        return Some((Class::Grant, 1));
    }
    // "accompagnera le projet à hauteur de 2,5 millions", "cofinance à hauteur de"
    if any_prefix(
        w,
        &["accompagn", "cofinanc", "financ", "soutien", "particip"],
    ) && !w.starts_with("financi")
        && next.iter().take(6).any(|x| *x == "hauteur")
    {
        return Some((Class::Grant, 1));
    }
    // "une avance remboursable de 300 000 euros"
    if matches!(w, "avance" | "avances") && n1.starts_with("remboursable") {
        return Some((Class::Grant, 2));
    }
    if matches!(w, "prêt" | "prêts") && !matches!(n1, "à" | "a" | "pour") {
        return Some((Class::Grant, 1));
    }
    if matches!(w, "loan" | "loans") {
        return Some((Class::Grant, 1));
    }
    // "Holosolis picks Moselle for €700 million gigafactory", "a choisi
    // Hambach pour son usine de 700 M€": a site chosen for a project
    if matches!(
        w,
        "picks"
            | "picked"
            | "chooses"
            | "chose"
            | "chosen"
            | "selects"
            | "selected"
            | "choisit"
            | "choisi"
            | "retient"
    ) && next
        .iter()
        .take(10)
        .any(|x| matches!(*x, "for" | "pour" | "site" | "location" | "emplacement"))
    {
        return Some((Class::Build, 1));
    }
    // a project given up: "renonce à son projet de parc", "abandonnait son
    // projet d'usine", "scraps Hornsea 4 offshore wind project" (status
    // cancelled comes from the verb)
    let project_noun = |x: &str| {
        matches!(
            x,
            "projet"
                | "projets"
                | "usine"
                | "project"
                | "projects"
                | "plant"
                | "factory"
                | "gigafactory"
                | "parc"
                | "site"
                | "investissement"
                | "investment"
                | "plans"
                | "construction"
        )
    };
    if (w.starts_with("renon")
        || w.starts_with("abandon")
        || w.starts_with("scrap")
        || matches!(
            w,
            "cancels" | "cancelled" | "canceled" | "shelves" | "shelved" | "axes" | "ditches"
        ))
        // "scraps its $2.6 billion Georgia battery gigafactory"
        && next.iter().take(10).any(|x| project_noun(x))
    {
        return Some((Class::Build, 1));
    }
    // "met 1 milliard d'euros sur la table", "mettra 60 M€ sur la table"
    if matches!(
        w,
        "met" | "mettra" | "mettre" | "mis" | "mettent" | "mettront" | "puts" | "put"
    ) && next.windows(3).take(8).any(|x| {
        matches!(x[0], "sur" | "on") && x[1] == "la" && x[2] == "table"
            || x[0] == "on" && x[1] == "the" && x[2] == "table"
    }) {
        return Some((Class::Invest, 1));
    }
    // --- capex / money
    if any_prefix(
        w,
        &[
            "inject", "débloqu", "debloqu", "consacr", "mobilis", "allou", "alloc", "earmark",
            "infuse",
        ],
    ) {
        return Some((Class::Invest, 1));
    }
    if w.starts_with("engag") && !w.starts_with("engagement") || w == "engagement" && n1 == "de" {
        return Some((Class::Invest, 1));
    }
    if matches!(
        w,
        "dépenser"
            | "dépensera"
            | "dépenseront"
            | "dépensé"
            | "spend"
            | "spends"
            | "spending"
            | "spent"
    ) {
        return Some((Class::Invest, 1));
    }
    if matches!(
        w,
        "commit"
            | "commits"
            | "committed"
            | "committing"
            | "commitment"
            | "pledge"
            | "pledges"
            | "pledged"
            | "pledging"
    ) {
        return Some((Class::Invest, 1));
    }
    if matches!(
        w,
        "pours"
            | "poured"
            | "pouring"
            | "pump"
            | "pumps"
            | "pumped"
            | "plough"
            | "ploughs"
            | "plow"
            | "plows"
    ) && next.iter().take(6).any(|x| *x == "into")
    {
        return Some((Class::Invest, 1));
    }
    if matches!(
        w,
        "financer"
            | "financera"
            | "financeront"
            | "financé"
            | "financée"
            | "financés"
            | "financées"
            | "finance"
            | "finances"
            | "financed"
            | "financing"
            | "financement"
            | "financements"
            | "funding"
            | "fund"
            | "funds"
            | "funded"
    ) {
        return Some((Class::Weak, 1));
    }
    // a first stone laid: "has broken ground on a $250 million facility",
    // "pose la première pierre de son usine de 40 M€"
    if (matches!(w, "breaks" | "broke" | "broken" | "breaking" | "break") && n1 == "ground")
        || (matches!(w, "pose" | "posé" | "posée" | "poser" | "posera")
            && n1 == "la"
            && n2 == "première"
            && n3 == "pierre")
    {
        return Some((Class::Build, 1));
    }
    // a permit for a project states it: "has received planning permission
    // for a £1.1 billion data centre campus", "obtient le permis de
    // construire de son usine de 40 M€"
    if (w == "planning" && matches!(n1, "permission" | "consent" | "approval" | "nod"))
        || (w == "permis" && n1 == "de" && n2 == "construire")
    {
        return Some((Class::Announce, 1));
    }
    // --- build
    if matches!(
        w,
        "implanter"
            | "implante"
            | "implantent"
            | "implantera"
            | "implanteront"
            | "implantation"
            | "implanté"
            | "implantée"
            | "implantés"
            | "implantées"
            | "implanterait"
    ) {
        // a participle after a noun says where something is ("enseigne de
        // 240 magasins implantée dans le Centre"), not that it settles
        if w.starts_with("implanté")
            && !matches!(
                prev,
                "est"
                    | "sont"
                    | "sera"
                    | "seront"
                    | "été"
                    | "être"
                    | "serait"
                    | "seraient"
                    | "a"
                    | "ont"
                    | "avait"
                    | "s"
                    | "'"
            )
        {
            return None;
        }
        return Some((Class::Build, 1));
    }
    if (w.starts_with("ouvr")
        && !w.starts_with("ouvrier")
        && !w.starts_with("ouvrage")
        && !w.starts_with("ouvré"))
        || w == "ouverture"
    {
        return Some((Class::Build, 1));
    }
    if matches!(w, "open" | "opens" | "opening" | "opened") && !matches!(n1, "to" | "up") {
        return Some((Class::Build, 1));
    }
    if matches!(
        w,
        "étend" | "étendre" | "étendra" | "extension" | "extend" | "extends" | "extensions"
    ) {
        return Some((Class::Build, 1));
    }
    if matches!(w, "installer" | "installera" | "install" | "installs") {
        return Some((Class::Build, 1));
    }
    if matches!(w, "set" | "sets" | "setting") && n1 == "up" {
        return Some((Class::Build, 2));
    }
    None
}

/// Words that make an amount before them something else (revenue, fine,
/// valuation, budget...). Checked on the few words before the amount.
pub(crate) fn bad_left(w: &str) -> bool {
    matches!(
        w,
        "revenue"
            | "revenues"
            | "revenus"
            | "sales"
            | "ventes"
            | "turnover"
            | "bénéfice"
            | "bénéfices"
            | "profit"
            | "profits"
            | "résultat"
            | "résultats"
            | "perte"
            | "pertes"
            | "loss"
            | "losses"
            | "valorisation"
            | "valorise"
            | "valorisant"
            | "valorisée"
            | "valorisé"
            | "valoriser"
            | "valoriserait"
            | "valoriseraient"
            | "valorisera"
            | "valuing"
            | "valued"
            | "valuation"
            | "values"
            | "actions"
            | "buybacks"
            | "manages"
            | "gère"
            | "assets"
            | "actifs"
            | "encours"
            | "value"
            | "capitalisation"
            | "capitalization"
            | "worth"
            | "amende"
            | "amendes"
            | "fine"
            | "fined"
            | "fines"
            | "fining"
            | "pénalité"
            | "provision"
            | "provisions"
            | "dividende"
            | "dividendes"
            | "dividend"
            | "dividends"
            | "buyback"
            | "salaire"
            | "salaires"
            | "salary"
            | "salaries"
            | "prix"
            | "price"
            | "prices"
            | "coûtera"
            | "coûte"
            | "coûté"
            | "coûtent"
            | "cost"
            | "costs"
            | "costing"
            | "déficit"
            | "deficit"
            | "dette"
            | "dettes"
            | "debt"
            | "budget"
            | "budgets"
            | "crédits"
            | "dotation"
            | "total"
            | "totalisé"
            | "totalisant"
            | "totaling"
            | "totalling"
            | "soit"
            | "contre"
            | "après"
            | "after"
            | "versus"
            | "vs"
            | "dont"
            | "including"
            | "bookings"
            | "earnings"
            | "ebitda"
            | "income"
            | "trésorerie"
            | "marché"
            | "market"
            | "pèse"
            | "pesait"
            | "weighs"
            | "précédente"
            | "previous"
            | "ramenée"
            | "ramené"
            | "réduit"
            | "reduced"
            | "hausse"
            | "baisse"
            | "recul"
            | "reculé"
            | "progression"
            | "reached"
            | "atteint"
            | "affaires"
            | "loyer"
            | "loyers"
            | "rent"
            | "facture"
            | "bill"
            | "bills"
            | "compensation"
            | "indemnité"
            | "indemnités"
            | "rançon"
            | "ransom"
            | "redevance"
            | "taxe"
            | "tax"
            | "taxes"
            | "impôt"
            | "impôts"
            | "aides"
            | "subventions"
            | "rapporté"
            | "généré"
            | "generated"
            | "posted"
            | "reported"
            | "enregistré"
            | "réalisé"
            | "cumulés"
            | "cumulé"
            | "cumulative"
            | "lieu"
            | "instead"
            | "of which"
            | "settlement"
    )
}

/// Words right after an amount that make it something else.
pub(crate) fn bad_right(ws: &[&str]) -> bool {
    let a = ws.first().copied().unwrap_or("");
    let b = ws.get(1).copied().unwrap_or("");
    let c = ws.get(2).copied().unwrap_or("");
    (a == "de"
        && matches!(
            b,
            "chiffre"
                | "ventes"
                | "bénéfice"
                | "bénéfices"
                | "pertes"
                | "perte"
                | "revenus"
                | "dette"
                | "dividendes"
                | "ca"
                | "capitalisation"
                | "résultat"
                | "loyers"
                | "commandes"
        ))
        || (a == "d" && matches!(b, "amende" | "amendes" | "affaires" | "excédent"))
        // a country's haul: "37 milliards d'investissements étrangers"
        || (a == "d"
            && (b == "investissements" && matches!(c, "étrangers" | "internationaux")
                || b == "'"
                    && c == "investissements"
                    && matches!(
                        ws.get(3).copied(),
                        Some("étrangers" | "internationaux")
                    )))
        || (a == "in"
            && matches!(
                b,
                "revenue"
                    | "revenues"
                    | "sales"
                    | "annualised"
                    | "annualized"
                    | "fines"
                    | "debt"
                    | "profit"
                    | "losses"
                    | "damages"
                    | "market"
            ))
        || (a == "of" && matches!(b, "revenue" | "sales" | "debt"))
        || matches!(
            a,
            "buyback"
                | "share"
                | "shares"
                | "settlement"
                | "fine"
                | "penalty"
                | "amende"
                | "compensation"
                | "indemnisation"
                | "dividend"
                | "dividende"
        )
        || (a == "de" && matches!(b, "ses" | "leurs") && c == "propres")
        || (a == "d" && b == "'" && c == "actions")
        || (a == "-"
            && matches!(b, "euro" | "dollar" | "pound")
            && matches!(c, "share" | "buyback"))
        || (a == "annual" && matches!(b, "revenue" | "sales"))
        || (a == "de" && b == "plus" && c == "qu")
}

/// Cheap byte gate in front of [`job_noun`]: false for most words (length,
/// first and last byte); true for every word `job_noun` accepts (test
/// `job_gate_covers_job_noun`).
#[inline]
pub(crate) fn may_be_job_noun(w: &str) -> bool {
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => {
            (3..=14).contains(&b.len())
                && matches!(l, b's' | b'i' | b'e' | b'b' | b'f' | b'.' | 0xA9)
                && matches!(
                    f,
                    b'a' | b'c'
                        | b'd'
                        | b'e'
                        | b'h'
                        | b'i'
                        | b'j'
                        | b'o'
                        | b'p'
                        | b'r'
                        | b's'
                        | b't'
                        | b'w'
                )
        }
        _ => false,
    }
}

/// Nouns that make a count a number of jobs.
pub(crate) fn job_noun(w: &str) -> bool {
    matches!(
        w,
        "emplois"
            | "emploi"
            | "postes"
            | "poste"
            | "salariés"
            | "salarié"
            | "personnes"
            | "ingénieurs"
            | "collaborateurs"
            | "embauches"
            | "recrutements"
            | "cdi"
            | "jobs"
            | "job"
            | "roles"
            | "positions"
            | "people"
            | "workers"
            | "staff"
            | "employees"
            | "engineers"
            | "techniciens"
            | "chercheurs"
            | "opérateurs"
            | "agents"
            | "créations"
            | "développeurs"
            | "developers"
            | "researchers"
            | "technicians"
            | "operators"
            | "hires"
            | "consultants"
            | "personnes."
    )
}

/// Verbs/nouns before a job count that mean creation.
pub(crate) fn job_create(w: &str) -> bool {
    w.starts_with("cré")
        || w.starts_with("recrut")
        || w.starts_with("embauch")
        || w.starts_with("génér")
        || w.starts_with("creat")
        || w.starts_with("recruit")
        || matches!(
            w,
            "hire"
                | "hires"
                | "hiring"
                | "hired"
                | "add"
                | "adds"
                | "adding"
                | "bring"
                | "brings"
                | "emploiera"
                | "emploieront"
                | "employer"
                | "employ"
                | "nouveaux"
                | "nouvelles"
                | "new"
                | "clé"
                | "avec"
                | "with"
                | "et"
                | "and"
                | "accueillir"
                | "accueillera"
                | "mobiliser"
                | "support"
                | "supporting"
                | "soutenir"
                | "permettre"
                | "générera"
                | "devrait"
                | "promet"
                | "promettent"
                | "promises"
                | "promised"
                | "prévoit"
                | "prévoient"
                | "generate"
                | "generates"
                | "generating"
        )
}

/// Before a job count: a headcount or job cuts, not creation.
pub(crate) fn job_not(w: &str) -> bool {
    w.starts_with("suppr")
        || w.starts_with("licenci")
        || matches!(
            w,
            "emploie"
                | "according"
                | "selon"
                // a headcount at a date, hiring slowed ("would slow hiring,
                // ending the year with about 4,600 employees")
                | "ending"
                | "slow"
                | "slowing"
                | "freeze"
                | "gel"
                | "ralentir"
                | "emploient"
                | "employait"
                | "employs"
                | "employed"
                | "employing"
                | "compte"
                | "comptait"
                | "comptant"
                | "effectif"
                | "effectifs"
                | "workforce"
                | "cut"
                | "cuts"
                | "cutting"
                | "lay"
                | "laid"
                | "layoffs"
                | "axe"
                | "axed"
                | "shed"
                | "shedding"
                | "ferme"
                | "fermeture"
                | "menacés"
                | "menace"
                | "perdre"
                | "perte"
                | "pertes"
                | "loss"
                | "losses"
                | "redundancies"
                | "carreau"
                | "départs"
                | "has"
                | "have"
                | "had"
                | "sur"
                | "including"
                | "dont"
                | "among"
                | "parmi"
                | "sur les"
                | "compter"
                | "regroupe"
                | "rassemble"
                | "totalise"
                | "fait"
                | "travaillent"
                | "work"
                | "works"
                | "staffed"
                | "already"
                | "déjà"
                | "aujourd"
                | "currently"
                | "actuellement"
        )
}

/// Sector words the gazetteer may miss (inflected adjectives, trade
/// vocabulary); added where no gazetteer sector covers the token.
pub(crate) fn more_sectors(d: &Doc, near_busy: &[bool], out: &mut Vec<SecM>) {
    let starts = sector_gate().starts();
    let words = d.lower.words();
    for (k, s) in d.sents.iter().enumerate() {
        if !near_busy.get(k).copied().unwrap_or(true) {
            continue;
        }
        let ws = words.get(s.t0..s.t1).unwrap_or(&[]);
        for (j, &word) in ws.iter().enumerate() {
            // below four bytes, only "ia", "ai" and "5g" are sector words;
            // most words fail the gate on their first four bytes
            match word.as_bytes().first_chunk::<4>() {
                Some(&start) => {
                    if !starts.admits(start) {
                        continue;
                    }
                }
                None if matches!(word, "ia" | "ai" | "5g") => {}
                None => continue,
            }
            let i = s.t0 + j;
            let Some(&t) = d.toks.get(i).filter(|t| t.word) else {
                continue;
            };
            let w = word;
            if w.len() < 4 && !matches!(w, "ia" | "ai" | "5g") {
                continue;
            }
            if !may_be_sector(w) {
                continue;
            }
            let sector = if w.starts_with("logisti")
                || w.starts_with("entrepôt")
                || matches!(w, "warehouse" | "warehouses" | "fulfilment" | "fulfillment")
                || (w == "distribution"
                    && matches!(
                        d.w(i + 1),
                        "centre" | "center" | "centres" | "centers" | "hub"
                    )) {
                Some(Sector::Logistics)
            } else if w.starts_with("semi")
                && d.w(i + 1) == "-"
                && d.w(i + 2).starts_with("conduct")
                || w.starts_with("semiconduct")
                || matches!(w, "puces" | "chips" | "chipmaker" | "wafer" | "wafers")
            {
                Some(Sector::Semiconductors)
            } else if w.starts_with("batteri")
                || w.starts_with("batter")
                || w == "gigafactory"
                || w == "gigafactories"
            {
                Some(Sector::BatteriesEv)
            } else if w.starts_with("pharma")
                || w.starts_with("médicament")
                || w.starts_with("biomédicament")
                || w.starts_with("vaccin")
                || matches!(
                    w,
                    "medtech"
                        | "biotech"
                        | "biotechs"
                        | "santé"
                        | "diagnostic"
                        | "hospital"
                        | "hôpital"
                )
            {
                Some(Sector::PharmaHealth)
            } else if w.starts_with("chimi")
                || w.starts_with("chemical")
                || w.starts_with("polymère")
                || w.starts_with("cosmétique")
            {
                Some(Sector::Chemicals)
            } else if w.starts_with("agroalimentaire")
                || w.starts_with("conserv")
                || w.starts_with("laiti")
                || w.starts_with("fromag")
                || matches!(
                    w,
                    "food"
                        | "foods"
                        | "dairy"
                        | "bakery"
                        | "boulangerie"
                        | "brasserie"
                        | "brewery"
                        | "alimentaire"
                )
            {
                Some(Sector::AgriFood)
            } else if w.starts_with("hydrogène")
                || w.starts_with("hydrogen")
                || w.starts_with("électrolys")
                || w.starts_with("electrolys")
                || w.starts_with("éolien")
                || w.starts_with("photovolta")
                || w.starts_with("solaire")
                || matches!(
                    w,
                    "solar"
                        | "wind"
                        | "offshore"
                        | "énergie"
                        | "energy"
                        | "nucléaire"
                        | "nuclear"
                        | "biogaz"
                        | "biomasse"
                        | "grid"
                        | "électricité"
                )
            {
                Some(Sector::Energy)
            } else if w.starts_with("automobile")
                || w.starts_with("automotive")
                || matches!(
                    w,
                    "carmaker"
                        | "carmakers"
                        | "équipementier"
                        | "véhicules"
                        | "vehicles"
                        | "voitures"
                        | "cars"
                )
            {
                Some(Sector::Automotive)
            } else if w.starts_with("logiciel")
                || w.starts_with("software")
                || w.starts_with("cybers")
                || w == "saas"
                || w == "numérique"
            {
                Some(Sector::Software)
            } else if matches!(
                w,
                "supermarket"
                    | "supermarché"
                    | "supermarchés"
                    | "magasin"
                    | "magasins"
                    | "stores"
                    | "store"
                    | "retail"
                    | "retailer"
                    | "commerce"
                    | "enseigne"
                    | "hypermarché"
            ) {
                Some(Sector::Retail)
            } else if matches!(
                w,
                "banque" | "bank" | "fintech" | "assurance" | "insurance" | "assureur" | "insurer"
            ) {
                Some(Sector::Finance)
            } else if w.starts_with("télécom")
                || w.starts_with("telecom")
                || matches!(w, "fibre" | "5g")
            {
                Some(Sector::Telecom)
            } else if matches!(
                w,
                "usine"
                    | "usines"
                    | "factory"
                    | "plant"
                    | "manufacturing"
                    | "manufacturier"
                    | "usinage"
            ) || (w == "sous" && d.w(i + 2).starts_with("traitant"))
            {
                Some(Sector::Manufacturing)
            } else if matches!(
                w,
                "datacenter" | "datacenters" | "hyperscale" | "colocation" | "serveurs" | "servers"
            ) || (w == "data"
                && matches!(d.w(i + 1), "center" | "centre" | "centers" | "centres"))
                || ((w == "centres" || w == "centre")
                    && d.w(i + 1) == "de"
                    && d.w(i + 2) == "données")
            {
                Some(Sector::DatacenterCloud)
            } else if w.starts_with("emballage")
                || w.starts_with("packaging")
                || w.starts_with("verrer")
                || w.starts_with("sidérurg")
                || w.starts_with("fonderie")
                || w.starts_with("papeter")
                || w.starts_with("chaudronn")
                || w.starts_with("aéronaut")
                || w.starts_with("aerospace")
                || w.starts_with("robot")
                || w.starts_with("forklift")
                || w.starts_with("textile")
                || w.starts_with("plasturg")
                || matches!(
                    w,
                    "steel"
                        | "acier"
                        | "glass"
                        | "verre"
                        | "paper"
                        | "carton"
                        | "pump"
                        | "pumps"
                        | "pompes"
                        | "machines"
                        | "machinery"
                        | "composants"
                        | "components"
                        | "moteurs"
                        | "engines"
                        | "sièges"
                        | "seats"
                        | "housses"
                        | "four"
                        | "furnace"
                        | "cimenterie"
                        | "cement"
                        | "chariots"
                        | "trains"
                        | "rail"
                        | "ferroviaire"
                )
            {
                Some(Sector::Manufacturing)
            } else if matches!(
                w,
                "port"
                    | "ports"
                    | "terminal"
                    | "terminaux"
                    | "terminals"
                    | "conteneurs"
                    | "container"
                    | "containers"
                    | "fret"
                    | "freight"
                    | "parcel"
                    | "parcels"
                    | "colis"
                    | "delivery"
                    | "livraison"
                    | "livraisons"
                    | "plateforme"
                    | "transporteur"
            ) {
                Some(Sector::Logistics)
            } else if w.starts_with("healthtech")
                || w.starts_with("médical")
                || w.starts_with("medical")
                || w.starts_with("clinic")
                || w.starts_with("cardia")
                || w.starts_with("antibio")
                || w.starts_with("drug")
                || matches!(
                    w,
                    "health"
                        | "nhs"
                        | "soins"
                        | "seringues"
                        | "syringes"
                        | "implants"
                        | "septicémie"
                )
            {
                Some(Sector::PharmaHealth)
            } else if w.starts_with("fromag")
                || w.starts_with("cheese")
                || matches!(
                    w,
                    "whey"
                        | "lait"
                        | "milk"
                        | "bière"
                        | "beer"
                        | "vin"
                        | "wine"
                        | "cognac"
                        | "chocolat"
                        | "céréales"
                        | "nutrition"
                        | "boulangeries"
                )
            {
                Some(Sector::AgriFood)
            } else if w.starts_with("scooter")
                || w.starts_with("truck")
                || w.starts_with("camion")
                || w.starts_with("utilitaire")
                || matches!(w, "carmaker" | "ev" | "evs")
            {
                Some(Sector::Automotive)
            } else if w.starts_with("satellit")
                || w.starts_with("spatial")
                || w.starts_with("orbit")
            {
                Some(Sector::Telecom)
            } else if w.starts_with("immobili")
                || matches!(w, "bureaux" | "offices" | "property" | "properties")
            {
                Some(Sector::RealEstate)
            } else if w.starts_with("quantum") || w.starts_with("quantique") || w == "edtech" {
                Some(Sector::Other)
            } else if w.starts_with("cosmét") || w.starts_with("beauty") || w.starts_with("parfum")
            {
                Some(Sector::Chemicals)
            } else if w == "ia"
                || w == "ai"
                || w == "genai"
                || (w == "intelligence" && d.w(i + 1).starts_with("artifici"))
            {
                Some(Sector::Ai)
            } else {
                None
            };
            if let Some(sector) = sector {
                let covered = out.iter().any(|m| m.start <= t.start && t.end <= m.end);
                if !covered {
                    out.push(SecM {
                        start: t.start,
                        end: t.end,
                        sector,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod gate_tests {
    use super::*;

    /// Tokens of Rust source: identifiers, string literals (kept with their
    /// quotes), single punctuation characters; comments and char literals
    /// are skipped.
    fn lex(src: &str) -> Vec<String> {
        let cs: Vec<char> = src.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&c) = cs.get(i) {
            if c.is_whitespace() {
                i += 1;
            } else if c == '/' && cs.get(i + 1) == Some(&'/') {
                while cs.get(i).is_some_and(|&c| c != '\n') {
                    i += 1;
                }
            } else if c == '"' {
                let mut j = i + 1;
                while cs.get(j).is_some_and(|&c| c != '"') {
                    j += if cs.get(j) == Some(&'\\') { 2 } else { 1 };
                }
                out.push(cs[i..=j.min(cs.len() - 1)].iter().collect());
                i = j + 1;
            } else if c == '\'' && cs.get(i + 2) == Some(&'\'') {
                i += 3;
            } else if c.is_alphanumeric() || c == '_' {
                let mut j = i;
                while cs.get(j).is_some_and(|&c| c.is_alphanumeric() || c == '_') {
                    j += 1;
                }
                out.push(cs[i..j].iter().collect());
                i = j;
            } else {
                out.push(c.to_string());
                i += 1;
            }
        }
        out
    }

    /// The words and prefixes the function `name` compares its current
    /// word `w` with. Panics on any other use of `w` (a new kind of test on
    /// `w` needs its gate to be extended first).
    fn tested_on_w(name: &str) -> (Vec<&'static str>, Vec<&'static str>) {
        let src: &'static str = include_str!("lexicon.rs");
        let a = src.find(&format!("pub(crate) fn {name}(")).expect("fn");
        let b = a + src[a..].find("\n}\n").expect("end of fn");
        w_tests(&src[a..b], name)
    }

    /// The words and prefixes `w` is compared with in `code` (part of fn `name`).
    fn w_tests(code: &str, name: &str) -> (Vec<&'static str>, Vec<&'static str>) {
        let t: Vec<&'static str> = lex(code)
            .into_iter()
            .map(|x| &*Box::leak(x.into_boxed_str()))
            .collect();
        let lit = |k: usize| {
            t.get(k)
                .and_then(|x| x.strip_prefix('"'))
                .and_then(|x| x.strip_suffix('"'))
        };
        let (mut words, mut prefixes) = (Vec::new(), Vec::new());
        let mut k = 0;
        while k < t.len() {
            let at = |o: usize| t.get(k + o).copied().unwrap_or("");
            let prev = |o: usize| k.checked_sub(o).and_then(|j| t.get(j)).copied();
            if at(0) == "matches" && at(1) == "!" && at(3) == "w" && at(4) == "," {
                let mut j = k + 5;
                while let Some(l) = lit(j) {
                    words.push(l);
                    j += if t.get(j + 1) == Some(&"|") { 2 } else { 1 };
                }
                assert_eq!(t.get(j), Some(&")"), "matches! at {k}");
                k = j;
            } else if at(0) == "any_prefix" && at(2) == "w" && at(4) == "&" && at(5) == "[" {
                let mut j = k + 6;
                while let Some(l) = lit(j) {
                    prefixes.push(l);
                    j += if t.get(j + 1) == Some(&",") { 2 } else { 1 };
                }
                assert_eq!(t.get(j), Some(&"]"), "any_prefix at {k}");
                k = j;
            } else if at(0) == "w" && at(1) == "=" && at(2) == "=" {
                words.push(lit(k + 3).expect("w == literal"));
                k += 4;
            } else if at(0) == "w" && at(1) == "." && at(2) == "starts_with" {
                prefixes.push(lit(k + 4).expect("w.starts_with(literal)"));
                k += 5;
            } else if at(0) == "w" {
                // the parameter or local, `d.w(..)`, its length, the gate
                let fine = at(1) == ":"
                    || prev(1) == Some("let")
                    || prev(1) == Some(".")
                    || (at(1) == "." && at(2) == "len")
                    || matches!(prev(2), Some("may_trigger" | "may_be_sector"));
                let near = &t[k..(k + 6).min(t.len())];
                assert!(fine, "unrecognised use of `w` in {name} near {near:?}");
                k += 1;
            } else {
                k += 1;
            }
        }
        (words, prefixes)
    }

    #[test]
    fn early_words_are_tested_once() {
        // the rules classify_admitted reads before the others ("projet",
        // "plan", "invest"...) take words that no later rule tests: every
        // rule starts with a test of `w`, so reading them first changes no
        // answer
        let src: &'static str = include_str!("lexicon.rs");
        let a = src.find("pub(crate) fn classify_admitted(").expect("fn");
        let e = a + src[a..].find("// --- equity").expect("first rules");
        let b = a + src[a..].find("\n}\n").expect("end of fn");
        let (early, early_prefixes) = w_tests(&src[a..e], "classify_admitted");
        let (words, prefixes) = w_tests(&src[e..b], "classify_admitted");
        assert!(early.len() >= 40 && early_prefixes.len() >= 10, "{early:?}");
        assert!(words.len() > 100 && prefixes.len() > 20, "parse");
        for x in &early {
            assert!(!words.contains(x), "{x} is tested by a later rule");
            assert!(
                !prefixes.iter().any(|p| x.starts_with(p)),
                "{x} starts with a prefix a later rule tests"
            );
        }
        for p in &early_prefixes {
            assert!(
                !words.iter().any(|x| x.starts_with(p)),
                "a later rule tests a word starting with {p}"
            );
            assert!(
                !prefixes
                    .iter()
                    .any(|q| q.starts_with(p) || p.starts_with(q)),
                "a later rule tests a prefix sharing words with {p}"
            );
        }
    }

    #[test]
    fn gates_cover_their_rules() {
        type Check = fn(&str) -> bool;
        let gates: [(&str, Check, &[&str]); 2] = [
            ("classify_admitted", may_trigger, TRIGGER_PREFIXES),
            ("more_sectors", may_be_sector, SECTOR_PREFIXES),
        ];
        for (name, gate, sorted) in gates {
            let (words, prefixes) = tested_on_w(name);
            assert!(words.len() > 100 && prefixes.len() > 40, "{name}: parse");
            for w in words.iter().chain(&prefixes) {
                assert!(gate(w), "{w:?} is tested by {name} but not in its gate");
            }
            // sorted and none starts another (binary search)
            for p in sorted.windows(2) {
                assert!(p[0] < p[1] && !p[1].starts_with(p[0]), "{p:?}");
            }
        }
    }

    #[test]
    fn job_gate_covers_job_noun() {
        let (words, prefixes) = tested_on_w("job_noun");
        assert!(words.len() > 30 && prefixes.is_empty(), "job_noun: parse");
        for w in words {
            assert!(
                may_be_job_noun(w),
                "{w:?} is a job noun but not in its gate"
            );
            assert!(job_noun(w), "{w:?}");
        }
        for w in ["the", "de", "millions", "usine", "investit", "", "s"] {
            assert!(!may_be_job_noun(w) || !job_noun(w), "{w:?}");
        }
        assert!(!may_be_job_noun("millions") && !may_be_job_noun("usine"));
    }

    #[test]
    fn gate_prefixes_as_defined() {
        for (words, prefixes) in [
            (TRIGGER_WORDS, TRIGGER_PREFIXES),
            (SECTOR_WORDS, SECTOR_PREFIXES),
        ] {
            let gate = Gate::new(words, prefixes);
            let mut probes: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            for p in prefixes {
                probes.push(p.to_string());
                probes.push(format!("{p}s"));
                probes.push(p.chars().take(p.chars().count() - 1).collect());
                probes.push(format!("x{p}"));
            }
            probes.extend(["", "a", "ab", "abc", "le", "entreprise"].map(String::from));
            for w in &probes {
                let naive = prefixes.iter().any(|p| w.starts_with(p));
                assert_eq!(gate.has_prefix(w), naive, "{w:?}");
                let admitted = words.contains(&w.as_str()) || naive;
                assert_eq!(gate.admits(w), admitted, "{w:?}");
            }
        }
    }

    #[test]
    fn gate_rejects_ordinary_words() {
        for w in [
            "le",
            "the",
            "entreprise",
            "company",
            "inve",
            "ouvert",
            "2025",
        ] {
            assert!(!may_trigger(w), "{w}");
        }
        for w in ["investira", "ouverture", "rachète", "rachètera", "levée"] {
            assert!(may_trigger(w), "{w}");
        }
    }
}

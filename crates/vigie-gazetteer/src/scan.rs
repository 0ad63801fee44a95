//! One pass over a text: automaton matches, then the rules that decide which
//! matches are places, organisations, demonyms and sectors.

use crate::fold::{fold_name, Folded};
use crate::tables::{Entry, Target};
use crate::{AnalysisRef, DemonymRef, Gazetteer, OrgRef, PlaceLevel, PlaceRef, SectorRef};

fn level_of(l: u8) -> PlaceLevel {
    match l {
        0 => PlaceLevel::Country,
        1 => PlaceLevel::Region,
        2 => PlaceLevel::Departement,
        3 => PlaceLevel::Commune,
        _ => PlaceLevel::Area,
    }
}

/// Words that may stand capitalised before or after a place without making
/// it part of a name ("En France", "Région Grand Est").
// Read through FUNCTION_OR_MONTH (a test checks it holds both lists).
#[cfg_attr(not(test), allow(dead_code))]
const FUNCTION: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "de",
    "du",
    "d",
    "en",
    "au",
    "aux",
    "a",
    "dans",
    "sur",
    "sous",
    "pour",
    "par",
    "et",
    "ou",
    "avec",
    "chez",
    "vers",
    "entre",
    "selon",
    "depuis",
    "outre",
    "contre",
    "hors",
    "pres",
    "apres",
    "avant",
    "the",
    "an",
    "in",
    "at",
    "of",
    "for",
    "to",
    "from",
    "on",
    "and",
    "or",
    "by",
    "with",
    "near",
    "into",
    "via",
    "across",
    "outside",
    "inside",
    "region",
    "regions",
    "departement",
    "ville",
    "metropole",
    "commune",
    "territoire",
    "province",
    "pays",
    "etat",
    "state",
    "republique",
    "capitale",
    "agglomeration",
    "nord",
    "sud",
    "est",
    "ouest",
    "north",
    "south",
    "east",
    "west",
    "central",
    "centre",
    "grand",
    "greater",
    "france",
    "europe",
    "ce",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "plus",
    "tout",
    "toute",
    "tous",
    "toutes",
    "mais",
    "donc",
    "car",
    "si",
    "quand",
    "comme",
    "ici",
    "la-bas",
    "puis",
    "ensuite",
    "enfin",
    "aussi",
    "also",
    "but",
    "as",
    "is",
    "are",
    "was",
    "were",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "invest",
    "invests",
    "investit",
    "investir",
    "investissement",
    "investissements",
    "investment",
    "investments",
];

/// Capitals that are no organisation's name: business and economic terms,
/// titles, units, currencies, technologies, programmes, places and words
/// often written in capitals (checked on the token as written). Kept sorted
/// (bytewise) without repeats for a binary search; a test checks the order.
const NOT_ORGS: &[&str] = &[
    "ADN", "AFP", "AGO", "AI", "AMF", "ANR", "API", "ARENH", "ARN", "AUD", "BCE", "BEV", "BFR",
    "BIM", "BPCE", "BTP", "BTS", "CA", "CAC", "CAD", "CAPEX", "CCI", "CCO", "CCS", "CCUS", "CDD",
    "CDI", "CDO", "CEE", "CEO", "CET", "CFO", "CHF", "CHIPS", "CHRO", "CHU", "CICE", "CIO", "CIR",
    "CMO", "CNRS", "CNY", "COO", "COP", "COVID", "CPU", "CRM", "CSO", "CSPE", "CSR", "CTO", "DAF",
    "DATA", "DG", "DGA", "DNA", "DRH", "DRI", "DSP", "EAU", "EBIT", "EBITDA", "ECB", "EHPAD",
    "EPCI", "EPR", "ERP", "ESG", "ETF", "ETI", "ETP", "EU", "EUR", "EV", "EVP", "FAQ", "FCPR",
    "FED", "FEDER", "FMI", "FPCI", "FTE", "GAFAM", "GBP", "GDP", "GDPR", "GES", "GHG", "GMT",
    "GNL", "GNV", "GPL", "GPU", "GW", "GWH", "HBI", "HKD", "HLM", "HPC", "HR", "HT", "IA", "ICPE",
    "IMF", "INC", "IOT", "IPO", "IT", "IUT", "JEI", "JO", "JPY", "JV", "KPI", "KW", "KWH", "LBO",
    "LCD", "LED", "LGV", "LLC", "LLM", "LNG", "LOI", "LONDON", "LTD", "MBA", "MD", "MORE", "MOU",
    "MW", "MWH", "NATO", "NB", "NDA", "NEW", "NEWS", "NFT", "NGO", "NYSE", "OCDE", "OECD", "OIV",
    "OK", "OLED", "OMC", "ONG", "ONU", "OPA", "OPCVM", "OPE", "OPEX", "OTAN", "PAC", "PARIS",
    "PDF", "PDG", "PEA", "PER", "PHEV", "PIA", "PIB", "PLC", "PLU", "PLUS", "PME", "PMI", "PPA",
    "PPE", "PPI", "PPP", "PRESS", "PRESSE", "PS", "PTZ", "PV", "QPV", "QR", "READ", "REIT", "RER",
    "RGPD", "RH", "RN", "ROI", "RSA", "RSE", "RSS", "SA", "SAAS", "SAF", "SARL", "SAS", "SASU",
    "SCOT", "SCPI", "SDIS", "SE", "SEK", "SEO", "SGD", "SITE", "SMIC", "SMR", "SPAC", "SPV", "SUV",
    "SVP", "TECH", "TEP", "TER", "TEU", "TGV", "TICPE", "TPE", "TTC", "TV", "TVA", "TWH", "UAE",
    "UE", "UK", "UN", "UNESCO", "US", "USA", "USD", "UTC", "UV", "VAT", "VC", "VE", "VP", "VTC",
    "WIND", "WTO", "YORK", "ZA", "ZAC", "ZFE", "ZI", "ZRR",
];

/// Verbs after which a bare acronym is the subject of an act ("XYZ investit").
const ACTOR_VERBS: &[&str] = &[
    "a",
    "va",
    "investit",
    "investira",
    "investirait",
    "annonce",
    "prevoit",
    "lance",
    "construit",
    "construira",
    "ouvre",
    "ouvrira",
    "rachete",
    "acquiert",
    "leve",
    "recrute",
    "embauche",
    "emploie",
    "implante",
    "veut",
    "compte",
    "souhaite",
    "devrait",
    "agrandit",
    "inaugure",
    "signe",
    "choisit",
    "finance",
    "mise",
    "cree",
    "creera",
    "injecte",
    "consacre",
    "engage",
    "invests",
    "invested",
    "will",
    "plans",
    "announced",
    "announces",
    "said",
    "has",
    "acquires",
    "acquired",
    "raises",
    "raised",
    "builds",
    "opens",
    "expects",
    "hires",
    "launches",
    "signed",
    "agreed",
    "intends",
];

/// Titles before a person's name.
const TITLES: &[&str] = &[
    "m", "mme", "mlle", "mr", "mrs", "ms", "dr", "pr", "me", "sir", "saint", "sainte",
];

#[cfg_attr(not(test), allow(dead_code))]
const MONTHS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
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
];

/// Big cities whose name is a very common word: never taken at the start of a
/// sentence without context.
const INITIAL_STOP: &[&str] = &[
    "nice", "tours", "orange", "angers", "rennes", "gap", "plaisir",
];

struct Raw {
    /// Folded span of the name (without the frame spaces).
    fs: usize,
    /// Original span.
    os: usize,
    oe: usize,
    pat: usize,
}

#[derive(Clone)]
struct Hit {
    os: usize,
    oe: usize,
    prio: u8,
    kind: HitKind,
}

#[derive(Clone)]
enum HitKind {
    Place(PlaceSpec),
    KnownOrg(u32),
    /// Recognised by a pattern; its home country if a demonym said it.
    Org(Option<&'static str>),
}

#[derive(Clone)]
struct PlaceSpec {
    level: PlaceLevel,
    name: &'static str,
    country: Option<&'static str>,
    region: Option<&'static str>,
    dep: Option<&'static str>,
    commune: Option<&'static str>,
}

struct Ctx<'g, 't, 'f> {
    g: &'g Gazetteer,
    text: &'t str,
    f: &'f Folded,
    /// The folded bytes as a string (folding gives UTF-8).
    fstr: &'f str,
    /// The last answer of `prev_word_capitalised` (offset, answer): it is
    /// asked again for the same match by several rules.
    last_prev_cap: std::cell::Cell<(usize, bool)>,
}

/// Working vectors, reused from one text to the next (only types without
/// borrows of the text).
#[derive(Default)]
struct Scratch {
    /// Trie matches `(end, start, pattern)` in the folded text (the
    /// pattern without its frame spaces is `start..end - 1`): from every
    /// word, from capitalised words, both in automaton order.
    lower: Vec<(usize, usize, u32)>,
    capped: Vec<(usize, usize, u32)>,
    found: Vec<(usize, usize, u32)>,
    raws: Vec<Raw>,
    hits: Vec<Hit>,
    dep_hits: Vec<(usize, &'static str)>,
    pending_orgs: Vec<(usize, usize, u32, bool)>,
    /// The matches (indices in `raws`) with a commune entry.
    commune_raws: Vec<usize>,
    triggers: Vec<usize>,
    suffixes: Vec<usize>,
    cands: Vec<(u32, bool)>,
    pool: Vec<u32>,
    order: Vec<u128>,
    kept: Vec<(usize, usize, usize)>,
    empties: Vec<(usize, usize, usize)>,
    taken: Vec<(usize, usize, usize)>,
}

impl Scratch {
    fn clear(&mut self) {
        self.lower.clear();
        self.capped.clear();
        self.found.clear();
        self.raws.clear();
        self.hits.clear();
        self.dep_hits.clear();
        self.pending_orgs.clear();
        self.commune_raws.clear();
        self.triggers.clear();
        self.suffixes.clear();
        self.cands.clear();
        self.pool.clear();
        self.order.clear();
        self.kept.clear();
        self.empties.clear();
        self.taken.clear();
    }

    /// Bytes held, roughly (a huge text's buffers are not kept).
    fn footprint(&self) -> usize {
        self.raws.capacity() * std::mem::size_of::<Raw>()
            + (self.found.capacity() + self.lower.capacity() + self.capped.capacity())
                * std::mem::size_of::<(usize, usize, u32)>()
            + self.hits.capacity() * std::mem::size_of::<Hit>()
            + self.order.capacity() * 16
    }
}

/// [`FUNCTION`] and [`MONTHS`] together, sorted (bytewise) for a binary
/// search (a test checks it against both lists).
const FUNCTION_OR_MONTH: &[&str] = &[
    "a",
    "across",
    "agglomeration",
    "also",
    "an",
    "and",
    "aout",
    "apres",
    "april",
    "are",
    "as",
    "at",
    "au",
    "august",
    "aussi",
    "aux",
    "avant",
    "avec",
    "avril",
    "but",
    "by",
    "capitale",
    "car",
    "ce",
    "central",
    "centre",
    "ces",
    "cette",
    "chez",
    "comme",
    "commune",
    "contre",
    "d",
    "dans",
    "de",
    "december",
    "decembre",
    "departement",
    "depuis",
    "des",
    "dimanche",
    "donc",
    "du",
    "east",
    "en",
    "enfin",
    "ensuite",
    "entre",
    "est",
    "et",
    "etat",
    "europe",
    "february",
    "fevrier",
    "for",
    "france",
    "friday",
    "from",
    "grand",
    "greater",
    "hors",
    "ici",
    "in",
    "inside",
    "into",
    "invest",
    "investir",
    "investissement",
    "investissements",
    "investit",
    "investment",
    "investments",
    "invests",
    "is",
    "its",
    "january",
    "janvier",
    "jeudi",
    "juillet",
    "juin",
    "july",
    "june",
    "l",
    "la",
    "la-bas",
    "le",
    "les",
    "leur",
    "leurs",
    "lundi",
    "mai",
    "mais",
    "march",
    "mardi",
    "mars",
    "may",
    "mercredi",
    "metropole",
    "monday",
    "near",
    "nord",
    "north",
    "nos",
    "notre",
    "november",
    "novembre",
    "october",
    "octobre",
    "of",
    "on",
    "or",
    "ou",
    "ouest",
    "outre",
    "outside",
    "par",
    "pays",
    "plus",
    "pour",
    "pres",
    "province",
    "puis",
    "quand",
    "region",
    "regions",
    "republique",
    "sa",
    "samedi",
    "saturday",
    "selon",
    "september",
    "septembre",
    "ses",
    "si",
    "son",
    "sous",
    "south",
    "state",
    "sud",
    "sunday",
    "sur",
    "territoire",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
    "thursday",
    "to",
    "tous",
    "tout",
    "toute",
    "toutes",
    "tuesday",
    "un",
    "une",
    "vendredi",
    "vers",
    "via",
    "ville",
    "was",
    "wednesday",
    "were",
    "west",
    "with",
];

/// Every pattern match in the folded text into `sc.found` as `(end, start,
/// pattern)` (the pattern without its frame spaces is `start..end - 1`).
///
/// Every pattern starts and ends with a frame space, so a match starts at
/// a space: the tries are walked from each word (the patterns a capital
/// must open only from capitalised words, as most words are lowercase).
/// The matches are those of one Aho-Corasick automaton's overlapping search
/// of every pattern, kept if some entry accepts a lowercase start or the
/// text has a capital there, in its order: by end, then longest first (a
/// test checks this against daachorse).
fn find_all(g: &Gazetteer, f: &Folded, sc: &mut Scratch) {
    let bytes = f.bytes();
    let (lower, capped) = (&mut sc.lower, &mut sc.capped);
    g.lower.walk_words(bytes, lower);
    g.cap.walk_from(bytes, f.cap_word_starts(), capped);
    // Both in order of start, then end: merged so, then put in the
    // automaton's order by insertion (few matches are out of it: one that
    // ends after a later-starting one).
    let found = &mut sc.found;
    let (mut a, mut b) = (lower.iter().peekable(), capped.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&&x), Some(&&y)) => {
                if (x.1, x.0) < (y.1, y.0) {
                    a.next();
                    x
                } else {
                    b.next();
                    y
                }
            }
            (Some(&&x), None) => {
                a.next();
                x
            }
            (None, Some(&&y)) => {
                b.next();
                y
            }
            (None, None) => break,
        };
        // Longest first at the same end: the earlier start first.
        let after = |&(e, s, _): &(usize, usize, u32)| e > next.0 || (e == next.0 && s > next.1);
        let mut k = found.len();
        while k > 0 && found.get(k - 1).is_some_and(after) {
            k -= 1;
        }
        if k == found.len() {
            found.push(next);
        } else {
            found.insert(k, next);
        }
    }
}

/// `folded` (a word already folded) is one of [`FUNCTION`] or [`MONTHS`]
/// (a binary search of both, for their linear scans).
fn folded_function_or_month(folded: &str) -> bool {
    FUNCTION_OR_MONTH
        .binary_search_by(|x| x.as_bytes().cmp(folded.as_bytes()))
        .is_ok()
}

/// `word` folded is a function word or a month (no allocation).
fn is_function_or_month(word: &str) -> bool {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    if word.len() > 24 {
        return false;
    }
    let found = |w: &[u8]| {
        FUNCTION_OR_MONTH
            .binary_search_by(|x| x.as_bytes().cmp(w))
            .is_ok()
    };
    if word.is_ascii() {
        // Folded on the stack: lowercase, separators as spaces.
        let mut buf = [0u8; 24];
        for (o, &b) in buf.iter_mut().zip(word.as_bytes()) {
            *o = crate::fold::fold_ascii(b);
        }
        return found(buf.get(..word.len()).unwrap_or_default());
    }
    BUF.with(|b| {
        let mut b = b.borrow_mut();
        crate::fold::fold_word_into(word, &mut b);
        found(b.as_bytes())
    })
}

/// Start of the run of characters satisfying `keep` that ends `head` (`None`
/// if `head` does not end with one). ASCII is read byte by byte.
fn run_start_before(head: &str, keep: impl Fn(char) -> bool) -> Option<usize> {
    let b = head.as_bytes();
    let mut i = b.len();
    while let Some(&x) = i.checked_sub(1).and_then(|k| b.get(k)) {
        let c = if x.is_ascii() {
            char::from(x)
        } else {
            match head.get(..i).and_then(|h| h.chars().next_back()) {
                Some(c) => c,
                None => break,
            }
        };
        if !keep(c) {
            break;
        }
        i -= c.len_utf8();
    }
    (i < b.len()).then_some(i)
}

thread_local! {
    /// The folded copy and the working vectors, reused from one text to the next.
    static SCRATCH: std::cell::RefCell<(Folded, Scratch)> =
        std::cell::RefCell::new((Folded::default(), Scratch::default()));
}

pub fn analyze<'t>(g: &Gazetteer, text: &'t str) -> AnalysisRef<'t> {
    let (mut f, mut sc) = SCRATCH.with(|c| std::mem::take(&mut *c.borrow_mut()));
    f.fold(text);
    sc.clear();
    let fstr = std::str::from_utf8(f.bytes()).unwrap_or_default();
    let cx = Ctx {
        g,
        text,
        f: &f,
        fstr,
        last_prev_cap: std::cell::Cell::new((usize::MAX, false)),
    };
    let out = run(&cx, &mut sc);
    // Keep buffers of ordinary size only (a huge text's would stay pinned).
    if f.capacity() <= 1 << 21 && sc.footprint() <= 1 << 22 {
        SCRATCH.with(|c| *c.borrow_mut() = (f, sc));
    }
    out
}

fn run<'t>(cx: &Ctx<'_, 't, '_>, sc: &mut Scratch) -> AnalysisRef<'t> {
    let (g, text) = (cx.g, cx.text);
    find_all(g, cx.f, sc);
    let found = &sc.found;
    let raws = &mut sc.raws;
    for &(end, fs, pat) in found.iter() {
        let fe = end - 1;
        if fe <= fs {
            continue;
        }
        let Some((os, oe)) = cx.f.orig_span(text, fs, fe) else {
            continue;
        };
        raws.push(Raw {
            fs,
            os,
            oe,
            pat: pat as usize,
        });
    }

    let raws = &sc.raws;
    let mut out = AnalysisRef::default();
    let hits = &mut sc.hits;
    let mut doc_deps: SmallSet<&'static str> = SmallSet::default();
    let mut doc_regions: SmallSet<&'static str> = SmallSet::default();
    let dep_hits = &mut sc.dep_hits; // (os, dep code) incl. parenthesised
    let pending_orgs = &mut sc.pending_orgs; // os, oe, org, needs confirmation
    let triggers = &mut sc.triggers;
    let suffixes = &mut sc.suffixes;
    let mut sectors: Vec<SectorRef<'t>> = Vec::new();
    let mut demonyms: Vec<DemonymRef<'t>> = Vec::new();

    // Pass 1: everything but communes.
    for (ri, r) in raws.iter().enumerate() {
        let entries = g.entries.of(r.pat);
        let mut commune = false;
        for e in entries {
            // Communes wait for pass 2 (checked there).
            if matches!(e.target, Target::Commune(_) | Target::CommuneBare(_)) {
                commune = true;
                continue;
            }
            if !cx.case_ok(r, e) {
                continue;
            }
            match e.target {
                Target::Region(i) => {
                    if let Some(reg) = g.regions.get(i as usize) {
                        if cx.inside_name(r) {
                            continue;
                        }
                        doc_regions.insert(reg.code);
                        hits.push(cx.place_hit(
                            r,
                            1,
                            PlaceLevel::Region,
                            reg.name,
                            Some(reg.code),
                            None,
                            None,
                        ));
                    }
                }
                Target::Dep(i) => {
                    let Some(d) = g.deps.get(i as usize) else {
                        continue;
                    };
                    // "dans l'Indre", "(Indre)", or a dateline "Indre :"
                    let strong = cx.dep_context(r) || cx.dateline(r);
                    if !strong && (d.needs_context || cx.inside_name(r)) {
                        continue;
                    }
                    doc_deps.insert(d.code);
                    dep_hits.push((r.os, d.code));
                    hits.push(cx.place_hit(
                        r,
                        if strong { 3 } else { 1 },
                        PlaceLevel::Departement,
                        d.name,
                        Some(d.region),
                        Some(d.code),
                        None,
                    ));
                }
                Target::Area(i) => {
                    let Some(a) = g.areas.get(i as usize) else {
                        continue;
                    };
                    if cx.inside_name(r) {
                        continue;
                    }
                    if let Some(reg) = a.region {
                        doc_regions.insert(reg);
                    }
                    if let Some(d) = a.dep {
                        doc_deps.insert(d);
                    }
                    let mut h =
                        cx.place_hit(r, 1, level_of(a.level), a.name, a.region, a.dep, a.commune);
                    if let HitKind::Place(p) = &mut h.kind {
                        p.country = a.country;
                    }
                    hits.push(h);
                }
                Target::Country(i) => {
                    let Some(c) = g.countries.get(i as usize) else {
                        continue;
                    };
                    if cx.inside_name(r) {
                        continue;
                    }
                    let name = c.names.first().copied().unwrap_or(c.code);
                    let mut h = cx.place_hit(r, 1, PlaceLevel::Country, name, None, None, None);
                    if let HitKind::Place(p) = &mut h.kind {
                        p.country = Some(c.code);
                    }
                    hits.push(h);
                }
                Target::Org(i) => {
                    let confirm = e.ambiguous
                        && (cx.sentence_initial(r.os)
                            || cx.prev_word_capitalised(r.os)
                            || cx.prev_is_article(r));
                    if e.ambiguous && cx.prev_is_title_or_person(r.os) {
                        continue;
                    }
                    pending_orgs.push((r.os, r.oe, i, confirm));
                }
                Target::DemonymFr(i) | Target::DemonymEn(i) => {
                    if let Some(c) = g.countries.get(i as usize) {
                        demonyms.push(DemonymRef {
                            start: r.os,
                            end: r.oe,
                            text: cx.slice(r.os, r.oe),
                            country: c.code,
                        });
                    }
                }
                Target::Sector(row) => {
                    if let Some(Some(s)) = g.sector_tags.get(row as usize) {
                        sectors.push(SectorRef {
                            start: r.os,
                            end: r.oe,
                            text: cx.slice(r.os, r.oe),
                            sector: *s,
                        });
                    }
                }
                Target::Trigger => triggers.push(ri),
                Target::Suffix => suffixes.push(ri),
                Target::Commune(_) | Target::CommuneBare(_) => {}
            }
        }
        if commune {
            sc.commune_raws.push(ri);
        }
    }

    // Parenthesised département codes: "(68)".
    for (os, code) in cx.paren_codes() {
        doc_deps.insert(code);
        dep_hits.push((os, code));
    }
    dep_hits.sort();

    // Pass 2: communes, with the document's départements and régions.
    for r in sc.commune_raws.iter().filter_map(|&i| raws.get(i)) {
        let entries = g.entries.of(r.pat);
        let cands = &mut sc.cands;
        cands.clear();
        for e in entries {
            match e.target {
                Target::Commune(i) if cx.case_ok(r, e) => cands.push((i, false)),
                Target::CommuneBare(i) if cx.case_ok(r, e) => cands.push((i, true)),
                _ => {}
            }
        }
        if cands.is_empty() {
            continue;
        }
        if let Some(h) = cx.commune(r, cands, &mut sc.pool, dep_hits, &doc_deps, &doc_regions) {
            hits.push(h);
        }
    }

    // Organisations: confirmed ambiguous names need the org (or a child of
    // it) named unambiguously somewhere in the document.
    let mut confirmed: SmallSet<u32> = SmallSet::default();
    for &(_, _, i, needs) in pending_orgs.iter() {
        if !needs {
            confirmed.insert(i);
            if let Some(p) = g.orgs.get(i as usize).and_then(|o| o.parent) {
                if let Some(&pi) = g.org_by_name.get(p) {
                    confirmed.insert(pi);
                }
            }
        }
    }
    for &(os, oe, i, needs) in pending_orgs.iter() {
        if needs && !confirmed.contains(i) {
            continue;
        }
        hits.push(Hit {
            os,
            oe,
            prio: 2,
            kind: HitKind::KnownOrg(i),
        });
    }

    // Organisations no table knows.
    let mut named: Vec<(usize, usize)> = Vec::new();
    for t in triggers.iter().filter_map(|&i| raws.get(i)) {
        if let Some((s, e, h)) = cx.after_trigger(t, &demonyms) {
            // "le groupe Saint-Lys": the name after the trigger is the
            // organisation's, not a place.
            named.push((s, e));
            hits.extend(h);
        }
    }
    if !named.is_empty() {
        hits.retain(|h| {
            !(matches!(&h.kind, HitKind::Place(p) if p.level != PlaceLevel::Country)
                && named.iter().any(|&(s, e)| s <= h.os && h.oe <= e))
        });
    }
    for s in suffixes.iter().filter_map(|&i| raws.get(i)) {
        if let Some(h) = cx.before_suffix(s) {
            hits.push(h);
        }
    }
    // Bare acronyms: "XYZ investit", "XYZ" again after "la société XYZ".
    let acronyms = cx.acronyms(hits);
    hits.extend(acronyms);

    // Overlaps: longer spans first, then priority, then leftmost; keep
    // non-overlapping. Sorted as packed keys (a hit is large to move):
    // (u32::MAX - length, 255 - priority, start, index), 32 bits each.
    let fits = |x: usize| u32::try_from(x).is_ok();
    let order = &mut sc.order;
    if fits(text.len()) && fits(hits.len()) && hits.iter().all(|h| h.os <= h.oe) {
        order.extend(hits.iter().enumerate().map(|(i, h)| {
            let len = u128::from(u32::MAX) - (h.oe - h.os) as u128;
            let prio = u128::from(u8::MAX - h.prio);
            (len << 72) | (prio << 64) | ((h.os as u128) << 32) | i as u128
        }));
        order.sort_unstable();
    } else {
        // Not expected (texts of 4 GiB): the same order, without packing.
        let mut v: Vec<_> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| {
                (
                    std::cmp::Reverse(h.oe.wrapping_sub(h.os)),
                    std::cmp::Reverse(h.prio),
                    h.os,
                    i,
                )
            })
            .collect();
        v.sort_unstable();
        // Only the index is read below.
        order.extend(v.into_iter().map(|(_, _, _, i)| i as u128));
    }
    let mut taken = Taken(std::mem::take(&mut sc.taken));
    let empties = &mut sc.empties;
    for &key in order.iter() {
        let i = (key & u128::from(u32::MAX)) as usize;
        let Some(h) = hits.get(i) else { continue };
        if h.oe > text.len() + 1 || !taken.take(h.os, h.oe, i) {
            continue;
        }
        if h.os == h.oe {
            empties.push((h.os, h.oe, i));
        }
    }
    // In text order: the spans taken (sorted and disjoint) and the empty
    // ones (never in conflict), an empty one first at the same start, empty
    // ones at the same place in the order they were kept.
    empties.sort_by_key(|&(os, _, _)| os);
    let kept = &mut sc.kept;
    let mut e = empties.iter().peekable();
    for &t in &taken.0 {
        while let Some(&&x) = e.peek() {
            if x.0 > t.0 {
                break;
            }
            kept.push(x);
            e.next();
        }
        kept.push(t);
    }
    kept.extend(e);
    sc.taken = taken.0;
    let n_places = kept
        .iter()
        .filter(|&&(_, _, i)| matches!(hits.get(i), Some(h) if matches!(h.kind, HitKind::Place(_))))
        .count();
    out.places.reserve_exact(n_places);
    out.orgs.reserve_exact(kept.len() - n_places);
    for h in kept.iter().filter_map(|&(_, _, i)| hits.get(i)) {
        match h.kind {
            HitKind::Place(ref p) => out.places.push(PlaceRef {
                start: h.os,
                end: h.oe,
                text: cx.slice(h.os, h.oe),
                level: p.level,
                name: p.name,
                country: p.country,
                region: p.region,
                departement: p.dep,
                commune: p.commune,
            }),
            HitKind::KnownOrg(i) => {
                if let Some(o) = g.orgs.get(i as usize) {
                    out.orgs.push(OrgRef {
                        start: h.os,
                        end: h.oe,
                        text: cx.slice(h.os, h.oe),
                        canonical: o.canonical,
                        parent: o.parent,
                        country: o.country,
                        outlet: o.outlet,
                        known: true,
                    });
                }
            }
            HitKind::Org(country) => {
                let text = cx.slice(h.os, h.oe);
                out.orgs.push(OrgRef {
                    start: h.os,
                    end: h.oe,
                    text,
                    canonical: text,
                    parent: None,
                    country,
                    outlet: false,
                    known: false,
                });
            }
        }
    }
    non_overlapping(&mut demonyms, &mut sc.taken, |d| (d.start, d.end));
    out.demonyms = demonyms;
    // A sector word inside an organisation's name ("Mistral AI", "Google
    // Cloud") says nothing about the sector of the text.
    let orgs = &out.orgs;
    if orgs
        .windows(2)
        .all(|w| matches!(w, [a, b] if a.end <= b.start))
    {
        // Disjoint and in order: the first organisation ending after the
        // sector's start is the only one that can overlap it.
        sectors.retain(|s| {
            let k = orgs.partition_point(|o| o.end <= s.start);
            !orgs
                .get(k)
                .is_some_and(|o| o.start < s.end && s.start < o.end)
        });
    } else {
        sectors.retain(|s| !orgs.iter().any(|o| s.start < o.end && o.start < s.end));
    }
    non_overlapping(&mut sectors, &mut sc.taken, |s| (s.start, s.end));
    out.sectors = sectors;
    out
}

/// A set of a few values (a document names few départements, régions,
/// organisations): a vector beats hashing.
struct SmallSet<T>(Vec<T>);

impl<T> Default for SmallSet<T> {
    fn default() -> Self {
        SmallSet(Vec::new())
    }
}

impl<T: Same + Copy> SmallSet<T> {
    fn insert(&mut self, x: T) {
        if !self.contains(x) {
            self.0.push(x);
        }
    }

    fn contains(&self, x: T) -> bool {
        self.0.iter().any(|y| y.same(&x))
    }
}

/// Equality, inline for the short codes the sets hold (départements,
/// régions: two or three bytes, where a call to `memcmp` costs more than
/// the comparison).
trait Same {
    fn same(&self, other: &Self) -> bool;
}

impl Same for u32 {
    #[inline]
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Same for &str {
    #[inline]
    fn same(&self, other: &Self) -> bool {
        let (a, b) = (self.as_bytes(), other.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        if a.len() > 8 {
            return a == b;
        }
        let mut diff = 0u8;
        for (x, y) in a.iter().zip(b) {
            diff |= x ^ y;
        }
        diff == 0
    }
}

/// Disjoint spans taken so far, sorted by start (no per-byte map).
#[derive(Default)]
struct Taken(Vec<(usize, usize, usize)>);

impl Taken {
    /// Takes `s..e` unless it overlaps a span already taken (an empty span
    /// overlaps nothing and is not recorded), with `id`. `false` if refused.
    fn take(&mut self, s: usize, e: usize, id: usize) -> bool {
        if s > e {
            return false;
        }
        if s == e {
            return true;
        }
        // Spans starting before `e`; the last of them ends last (disjoint).
        let i = self.0.partition_point(|&(ts, _, _)| ts < e);
        if i > 0 && self.0.get(i - 1).is_some_and(|&(_, te, _)| te > s) {
            return false;
        }
        self.0.insert(i, (s, e, id));
        true
    }
}

/// Longest first, then leftmost; result in text order.
fn non_overlapping<T>(
    v: &mut Vec<T>,
    taken: &mut Vec<(usize, usize, usize)>,
    span: impl Fn(&T) -> (usize, usize),
) {
    // Usually already in text order and disjoint: then all are kept, as they are.
    let mut end = 0;
    let disjoint = v.iter().all(|x| {
        let (s, e) = span(x);
        let ok = s < e && s >= end;
        end = e;
        ok
    });
    if disjoint {
        return;
    }
    v.sort_by(|a, b| {
        let (sa, ea) = span(a);
        let (sb, eb) = span(b);
        (eb - sb).cmp(&(ea - sa)).then(sa.cmp(&sb))
    });
    let mut t = Taken(std::mem::take(taken));
    t.0.clear();
    v.retain(|x| {
        let (s, e) = span(x);
        t.take(s, e, 0)
    });
    *taken = t.0;
    v.sort_by_key(|x| span(x));
}

impl<'t> Ctx<'_, 't, '_> {
    fn slice(&self, s: usize, e: usize) -> &'t str {
        self.text.get(s..e).unwrap_or("")
    }

    fn char_at(&self, off: usize) -> Option<char> {
        self.text.get(off..)?.chars().next()
    }

    /// Capitals of the name are capitals in the text.
    fn case_ok(&self, r: &Raw, e: &Entry) -> bool {
        self.g
            .entries
            .upper(e)
            .iter()
            .all(|&p| self.f.cap(r.fs + p as usize))
    }

    /// Folded token before folded position `pos` (start of a token), with its start.
    fn prev_tok(&self, pos: usize) -> Option<(usize, &str)> {
        let s = self.fstr.as_bytes();
        if pos < 2 || s.get(pos - 1) != Some(&b' ') {
            return None;
        }
        let end = pos - 1;
        let start = s
            .get(..end)?
            .iter()
            .rposition(|&b| b == b' ')
            .map_or(0, |i| i + 1);
        let tok = self.fstr.get(start..end)?;
        (!tok.is_empty()).then_some((start, tok))
    }

    /// Up to `n` (at most 4) folded tokens before `pos`, nearest first;
    /// missing ones are "" (on the stack: called for many matches).
    fn prev_toks(&self, pos: usize, n: usize) -> [&str; 4] {
        let mut out = [""; 4];
        let mut p = pos;
        for slot in out.iter_mut().take(n) {
            match self.prev_tok(p) {
                Some((s, t)) => {
                    *slot = t;
                    p = s;
                }
                None => break,
            }
        }
        out
    }

    /// The original text just before `os` ends a sentence (or the text starts).
    fn sentence_initial(&self, os: usize) -> bool {
        let before = self.text.get(..os).unwrap_or("");
        let trimmed = before.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '«' | '“' | '‘' | '\'' | '(' | '[' | '*' | '•' | '-' | '–' | '—' | '>'
                )
        });
        if trimmed.is_empty() {
            return true;
        }
        let gap = before.get(trimmed.len()..).unwrap_or("");
        if gap.contains('\n') {
            return true;
        }
        trimmed.ends_with(['.', '!', '?', ':', ';', '…'])
    }

    /// The word just before (one space apart) is capitalised and is not a
    /// function word nor the first word of a sentence: the match is part of
    /// a longer name ("Microsoft France", "Jean Castex").
    fn prev_word_capitalised(&self, os: usize) -> bool {
        let (at, answer) = self.last_prev_cap.get();
        if at == os {
            return answer;
        }
        let answer = self.prev_word_capitalised_uncached(os);
        self.last_prev_cap.set((os, answer));
        answer
    }

    fn prev_word_capitalised_uncached(&self, os: usize) -> bool {
        let before = self.text.get(..os).unwrap_or("");
        let Some(sp) = before.chars().next_back() else {
            return false;
        };
        if !(sp == ' ' || sp == '\u{a0}' || sp == '\u{202f}') {
            return false;
        }
        let head = &before[..before.len() - sp.len_utf8()];
        let word_start = run_start_before(head, |c| {
            c.is_alphanumeric() || c == '-' || c == '.' || c == '&'
        });
        let Some(ws) = word_start else { return false };
        let word = &head[ws..];
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if is_function_or_month(word) {
            return false;
        }
        !self.sentence_initial(ws)
    }

    /// The next word (one space apart) is capitalised: part of a longer name
    /// ("France Travail", "Nancy Pelosi").
    fn next_word_capitalised(&self, oe: usize) -> bool {
        let after = self.text.get(oe..).unwrap_or("");
        let mut it = after.chars();
        let Some(sp) = it.next() else { return false };
        if sp != ' ' && sp != '\u{a0}' {
            return false;
        }
        let rest = it.as_str();
        if !rest.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
            .map_or(rest.len(), |(i, _)| i);
        !is_function_or_month(rest.get(..end).unwrap_or(""))
    }

    fn inside_name(&self, r: &Raw) -> bool {
        self.prev_word_capitalised(r.os) || self.next_word_capitalised(r.oe)
    }

    fn prev_is_title_or_person(&self, os: usize) -> bool {
        let before = self.text.get(..os).unwrap_or("").trim_end();
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let fw = fold_name(word.trim_end_matches('.'));
        TITLES.contains(&fw.as_str()) || self.prev_word_capitalised(os)
    }

    fn prev_is_article(&self, r: &Raw) -> bool {
        match self.prev_tok(r.fs) {
            Some((s, t)) => {
                matches!(t, "le" | "la" | "les" | "un" | "une" | "the" | "des")
                    || (t == "a" && self.orig_tok_is(s, "a"))
            }
            None => false,
        }
    }

    /// The original token at folded position `fs` is exactly `word`
    /// (distinguishes English "a" from French "à").
    fn orig_tok_is(&self, fs: usize, word: &str) -> bool {
        self.f
            .orig(fs)
            .and_then(|o| self.text.get(o..))
            .is_some_and(|r| {
                r.get(..word.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(word))
                    && !r
                        .get(word.len()..)
                        .and_then(|x| x.chars().next())
                        .is_some_and(char::is_alphanumeric)
            })
    }

    /// "dans le Nord", "en Seine-Saint-Denis", "département du Nord", "(Nord)".
    fn dep_context(&self, r: &Raw) -> bool {
        let p = self.prev_toks(r.fs, 4);
        let at = |i: usize| p.get(i).copied().unwrap_or("");
        if matches!(at(0), "le" | "la" | "l" | "les") && at(1) == "dans" {
            return true;
        }
        if at(0) == "en" {
            return true;
        }
        if at(0) == "du"
            || at(0) == "des"
            || (at(0) == "de" && at(1) == "departement")
            || (matches!(at(0), "la" | "l") && at(1) == "de")
        {
            let k = if at(0) == "du" || at(0) == "des" || at(0) == "de" {
                1
            } else {
                2
            };
            if at(k) == "departement" {
                return true;
            }
        }
        self.parenthesised(r.os, r.oe)
    }

    fn parenthesised(&self, os: usize, oe: usize) -> bool {
        let before = self.text.get(..os).unwrap_or("").trim_end();
        let after = self.text.get(oe..).unwrap_or("").trim_start();
        before.ends_with('(') && after.starts_with(')')
    }

    /// Département codes in parentheses: "(68)", "(2A)", "(974)".
    fn paren_codes(&self) -> Vec<(usize, &'static str)> {
        let mut out = Vec::new();
        let t = self.text;
        let mut from = 0;
        while let Some(i) = t.get(from..).and_then(|r| r.find('(')).map(|i| i + from) {
            from = i + 1;
            let Some(rest) = t.get(i + 1..) else { break };
            let Some(close) = rest.find(')') else { break };
            if close > 4 {
                continue;
            }
            let code = rest.get(..close).unwrap_or("").trim();
            if code.len() == 2 || code.len() == 3 {
                if let Some(d) = self
                    .g
                    .dep_by_code
                    .get(code)
                    .and_then(|&k| self.g.deps.get(k as usize))
                {
                    out.push((i, d.code));
                }
            }
        }
        out
    }

    /// A dateline: the name opens the text (or the line after its title)
    /// and a colon or a dash follows ("Douai : ...", "Lille - ..."); not a
    /// name an organisation has too ("Orange : le plan ...").
    fn dateline(&self, r: &Raw) -> bool {
        // A colon or a dash after the name (cheap, checked first).
        let after = self.text.get(r.oe..).unwrap_or("");
        let rest = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        if after.len() - rest.len() > 2 {
            return false;
        }
        let mark = rest.starts_with(':')
            || ['-', '–', '—'].iter().any(|&d| {
                rest.strip_prefix(d)
                    .is_some_and(|x| x.starts_with([' ', '\u{a0}']))
            });
        if !mark {
            return false;
        }
        // Nothing but blanks and quotes before it on its line, at most one
        // line (the title) above.
        let before = self.text.get(..r.os).unwrap_or("");
        let t = before.trim_end_matches(|c: char| {
            c != '\n' && (c.is_whitespace() || matches!(c, '"' | '«' | '“' | '*' | '•' | '>'))
        });
        let head = match t.strip_suffix('\n') {
            Some(h) => h,
            None if t.is_empty() => "",
            None => return false,
        };
        if head
            .lines()
            .filter(|l| !l.trim().is_empty())
            .nth(1)
            .is_some()
        {
            return false;
        }
        !self
            .g
            .entries
            .of(r.pat)
            .iter()
            .any(|e| matches!(e.target, Target::Org(_)))
    }

    /// Strong local evidence that a capitalised word is a place.
    fn commune_prep(&self, r: &Raw) -> bool {
        let p = self.prev_toks(r.fs, 3);
        let at = |i: usize| p.get(i).copied().unwrap_or("");
        if at(0) == "a" {
            if let Some((s, _)) = self.prev_tok(r.fs) {
                // French "à", not English "a".
                return self
                    .f
                    .orig(s)
                    .and_then(|o| self.char_at(o))
                    .is_some_and(|c| c == 'à' || c == 'À');
            }
        }
        if matches!(at(0), "in" | "near" | "pres" | "proche") {
            return true;
        }
        at(0) == "de"
            && matches!(
                at(1),
                "pres" | "proche" | "portes" | "commune" | "ville" | "environs" | "cote"
            )
            || at(0) == "d" && matches!(at(1), "pres" | "proche" | "portes" | "commune" | "ville")
    }

    /// A département named right after the match: "Mulhouse (Haut-Rhin)",
    /// "Dunkerque, dans le Nord", "Mulhouse (68)".
    fn dep_after(&self, oe: usize, dep_hits: &[(usize, &'static str)]) -> Option<&'static str> {
        let after = self.text.get(oe..).unwrap_or("");
        let lead = after.len() - after.trim_start().len();
        let rest = after.trim_start();
        let max = if rest.starts_with('(') {
            oe + lead + 2
        } else if rest.starts_with(", dans") || rest.starts_with(", en") {
            oe + lead + 14
        } else {
            return None;
        };
        dep_hits
            .iter()
            .find(|(os, _)| *os >= oe && *os <= max)
            .map(|&(_, c)| c)
    }

    #[allow(clippy::too_many_arguments)]
    fn place_hit(
        &self,
        r: &Raw,
        prio: u8,
        level: PlaceLevel,
        name: &'static str,
        region: Option<&'static str>,
        dep: Option<&'static str>,
        commune: Option<&'static str>,
    ) -> Hit {
        Hit {
            os: r.os,
            oe: r.oe,
            prio,
            kind: HitKind::Place(PlaceSpec {
                level,
                name,
                country: Some("FR"),
                region,
                dep,
                commune,
            }),
        }
    }

    fn commune(
        &self,
        r: &Raw,
        cands: &[(u32, bool)],
        pool: &mut Vec<u32>,
        dep_hits: &[(usize, &'static str)],
        doc_deps: &SmallSet<&'static str>,
        doc_regions: &SmallSet<&'static str>,
    ) -> Option<Hit> {
        let g = self.g;
        let prev = self.prev_tok(r.fs).map(|(_, t)| t).unwrap_or("");
        // "au Havre", "aux Sables-d'Olonne": the article-less form needs its contraction.
        let mut bare_ctx = false;
        pool.clear();
        for &(i, bare) in cands {
            let Some(c) = g.communes.get(i as usize) else {
                continue;
            };
            if bare {
                let ok = if c.name.starts_with("Les ") {
                    matches!(prev, "aux" | "des")
                } else {
                    matches!(prev, "au" | "du")
                };
                bare_ctx |= ok;
                if !ok {
                    continue;
                }
            }
            pool.push(i);
        }
        let dep_ctx = self.dep_after(r.oe, dep_hits);
        let commune = |i: &u32| g.communes.get(*i as usize);
        if pool.is_empty() {
            return None;
        }
        if let Some(d) = &dep_ctx {
            pool.retain(|i| commune(i).is_some_and(|c| c.dep == *d));
            if pool.is_empty() {
                return None;
            }
        } else {
            let local = |i: &u32| {
                commune(i)
                    .is_some_and(|c| doc_deps.contains(c.dep) || doc_regions.contains(c.region))
            };
            if pool.iter().any(local) {
                pool.retain(local);
            }
        }
        let c = pool
            .iter()
            .filter_map(commune)
            .max_by_key(|c| c.population)?;
        // a département's name that is also a commune's elsewhere ("Indre :",
        // "dans l'Indre"; the commune Indre is in Loire-Atlantique) is the
        // département unless "à" says town (Paris, département and commune, stays)
        if dep_hits
            .iter()
            .any(|&(os, code)| os == r.os && code != c.dep)
            && !self.commune_prep(r)
        {
            return None;
        }
        let in_doc = doc_deps.contains(c.dep) || doc_regions.contains(c.region);
        let strong = self.commune_prep(r) || bare_ctx || self.dateline(r);
        let ok = if dep_ctx.is_some() {
            !self.prev_word_capitalised(r.os)
        } else {
            // The checks are pure: the cheap ones first.
            let by_size = if c.wordlike || c.namelike {
                if c.population < 2000 {
                    strong && in_doc
                } else if strong {
                    true
                } else if self.sentence_initial(r.os) {
                    // "Nice work", "Tours de table": big cities only, and not
                    // the few whose name is a very common word.
                    c.population >= 100_000
                        && !(c.wordlike && INITIAL_STOP.contains(&fold_name(c.name).as_str()))
                } else {
                    c.population >= 30_000
                }
            } else {
                strong || c.population >= 2000 || in_doc
            };
            by_size
                && !(self.prev_word_capitalised(r.os) || self.next_word_capitalised(r.oe))
                && (strong || !self.prev_is_article(r))
        };
        if !ok {
            return None;
        }
        let mut h = self.place_hit(
            r,
            if strong || dep_ctx.is_some() { 3 } else { 1 },
            PlaceLevel::Commune,
            c.name,
            Some(c.region),
            Some(c.dep),
            Some(c.code),
        );
        if c.dep.starts_with("97") && c.dep.len() == 3 && c.region.len() > 2 {
            if let HitKind::Place(p) = &mut h.kind {
                p.region = None;
            }
        }
        Some(h)
    }

    /// "la société Exotec", "le groupe japonais Toyota", "the company Acme".
    /// The capitalised run after the trigger and the organisation it names
    /// (none if the table knows it: its own match stands).
    fn after_trigger(
        &self,
        t: &Raw,
        demonyms: &[DemonymRef<'_>],
    ) -> Option<(usize, usize, Option<Hit>)> {
        let mut pos = t.oe;
        let mut country = None;
        // Skip demonyms right after the trigger ("le groupe japonais").
        loop {
            let rest = self.text.get(pos..)?;
            let lead = rest.len() - rest.trim_start().len();
            if lead == 0 || lead > 2 {
                break;
            }
            match demonyms.iter().find(|d| d.start == pos + lead) {
                Some(d) => {
                    country = Some(d.country);
                    pos = d.end;
                }
                None => break,
            }
        }
        let (s, e) = self.capitalised_run_after(pos)?;
        Some((s, e, self.unknown_org(s, e, country, true)))
    }

    /// "Acme Robotics SAS", "Müller GmbH".
    fn before_suffix(&self, r: &Raw) -> Option<Hit> {
        let before = self.text.get(..r.os)?;
        if !before.ends_with(' ') {
            return None;
        }
        let (s, e) = self.capitalised_run_before(r.os - 1)?;
        // "Renault SA": a known organisation with its legal form.
        let key = format!(" {} ", fold_name(self.text.get(s..e)?));
        if let Some(id) = self.g.exact(&key) {
            if let Some(i) = self
                .g
                .entries
                .of(id as usize)
                .iter()
                .find_map(|e| match e.target {
                    Target::Org(i) => Some(i),
                    _ => None,
                })
            {
                return Some(Hit {
                    os: s,
                    oe: r.oe,
                    prio: 2,
                    kind: HitKind::KnownOrg(i),
                });
            }
        }
        self.unknown_org(s, r.oe, None, false)
    }

    /// Up to 4 capitalised words (with "de", "&", "-" inside) starting after `pos`.
    fn capitalised_run_after(&self, pos: usize) -> Option<(usize, usize)> {
        let rest = self.text.get(pos..)?;
        let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if lead == 0 || lead > 2 {
            return None;
        }
        let start = pos + lead;
        let mut end = start;
        let mut words = 0;
        let mut cur = start;
        loop {
            let rest = self.text.get(cur..)?;
            let w: usize = rest
                .char_indices()
                .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '&' | '.' | '\''))
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = rest.get(..w)?.trim_end_matches(['.', '\'']);
            if word.is_empty() {
                break;
            }
            let first = word.chars().next()?;
            let fw = fold_name(word);
            let connector = matches!(fw.as_str(), "de" | "du" | "des" | "&" | "and" | "et");
            if !(first.is_uppercase()
                || first.is_ascii_digit() && words > 0
                || connector && words > 0)
            {
                break;
            }
            if !connector && folded_function_or_month(&fw) {
                break;
            }
            cur += word.len();
            if !connector {
                end = cur;
            }
            words += 1;
            if words >= 5 {
                break;
            }
            let after = self.text.get(cur..)?;
            if after.starts_with(' ') {
                cur += 1;
            } else {
                break;
            }
        }
        (end > start).then_some((start, end))
    }

    /// Capitalised words ending at `end` (exclusive), going left, up to 4.
    fn capitalised_run_before(&self, end: usize) -> Option<(usize, usize)> {
        let mut start = end;
        let mut cur = end;
        for _ in 0..4 {
            let before = self.text.get(..cur)?;
            let ws = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '&' | '.'))
                .last()
                .map(|(i, _)| i)?;
            let word = before.get(ws..)?;
            let fw = fold_name(word);
            if !word.chars().next().is_some_and(char::is_uppercase) || folded_function_or_month(&fw)
            {
                break;
            }
            start = ws;
            if self.sentence_initial(ws) || ws == 0 || !before.get(..ws)?.ends_with(' ') {
                break;
            }
            cur = ws - 1;
        }
        (start < end).then_some((start, end))
    }

    /// Bare acronyms as organisations, precision first: 2 to 6 ASCII
    /// capitals standing alone (not in a line of capitals, not before a
    /// number, not opening a sentence), no name the tables know, none of
    /// [`NOT_ORGS`], and either named as an organisation elsewhere in the
    /// text ("la société XYZ ... XYZ prévoit") or, from 3 letters, the
    /// subject of an act ("XYZ investit", "XYZ a annoncé", "XYZ plans").
    fn acronyms(&self, hits: &[Hit]) -> Vec<Hit> {
        let text = self.text;
        let is_acr =
            |w: &str| (2..=6).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_uppercase());
        // Acronyms the patterns named as organisations.
        let named: Vec<&str> = hits
            .iter()
            .filter(|h| matches!(h.kind, HitKind::Org(_)))
            .map(|h| self.slice(h.os, h.oe))
            .filter(|w| is_acr(w))
            .collect();
        let mut out = Vec::new();
        // Two ASCII capitals in a row are two capitals in a row in the
        // folded text: only its runs of capital bits are read (the text's
        // bytes are not all visited).
        for (lo, hi) in self.f.cap_runs() {
            let (Some(lo), Some(last)) = (self.f.orig(lo), self.f.orig(hi - 1)) else {
                continue;
            };
            let end = last
                + text
                    .get(last..)
                    .and_then(|t| t.chars().next())
                    .map_or(0, char::len_utf8);
            self.acronyms_in(lo, end, &named, &mut out);
        }
        out
    }

    /// [`Ctx::acronyms`] over the text's bytes `from..to` (a run of capitals).
    fn acronyms_in(&self, from: usize, to: usize, named: &[&str], out: &mut Vec<Hit>) {
        let text = self.text;
        let b = text.as_bytes();
        let is_acr =
            |w: &str| (2..=6).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_uppercase());
        let word_at = |s: usize| {
            let r = text.get(s..).unwrap_or("");
            let n = r
                .char_indices()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\''))
                .map_or(r.len(), |(i, _)| i);
            r.get(..n).unwrap_or("")
        };
        let all_caps = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        let mut i = from;
        while i < to {
            if !b.get(i).is_some_and(u8::is_ascii_uppercase) {
                i += 1;
                continue;
            }
            let s = i;
            let mut e = i;
            while b.get(e).is_some_and(u8::is_ascii_uppercase) {
                e += 1;
            }
            i = e.max(s + 1);
            let Some(w) = text.get(s..e) else { continue };
            if !is_acr(w) {
                continue;
            }
            // Alone: no letter, digit, hyphen, dot, '&' or '/' glued on either side.
            let before = text.get(..s).and_then(|t| t.chars().next_back());
            let after = text.get(e..).and_then(|t| t.chars().next());
            let glued =
                |c: char| c.is_alphanumeric() || matches!(c, '-' | '&' | '/' | '.' | '_' | '@');
            if before.is_some_and(glued) {
                continue;
            }
            if after
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '/' | '_' | '@'))
            {
                continue;
            }
            if after == Some('.')
                && text
                    .get(e + 1..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if NOT_ORGS.binary_search(&w).is_ok()
                || w.bytes().all(|c| b"IVXLCDM".contains(&c))
                || is_function_or_month(w)
            {
                continue;
            }
            if self.sentence_initial(s) {
                continue;
            }
            // Not in a line of capitals, not before a number ("COP 28").
            let next = text
                .get(e..)
                .and_then(|t| t.strip_prefix([' ', '\u{a0}']))
                .map(|t| t.trim_start_matches(','))
                .map(|t| t.trim_start_matches([' ', '\u{a0}']))
                .unwrap_or("");
            let next_word = word_at(text.len() - next.len());
            if all_caps(next_word) || next.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let prev_word = text
                .get(..s)
                .and_then(|t| t.strip_suffix([' ', '\u{a0}']))
                .map(|t| {
                    let k = t
                        .char_indices()
                        .rev()
                        .take_while(|&(_, c)| c.is_alphanumeric() || c == '-')
                        .last()
                        .map_or(t.len(), |(k, _)| k);
                    t.get(k..).unwrap_or("")
                })
                .unwrap_or("");
            if all_caps(prev_word) {
                continue;
            }
            // No name the tables know (places, organisations, sectors...).
            let key = format!(" {} ", fold_name(w));
            if self.g.exact(&key).is_some() {
                continue;
            }
            let cue = named.contains(&w)
                || w.len() >= 3 && {
                    let v = fold_name(next_word.split('\'').next().unwrap_or(""));
                    ACTOR_VERBS.contains(&v.as_str())
                };
            if !cue {
                continue;
            }
            out.push(Hit {
                os: s,
                oe: e,
                prio: 0,
                kind: HitKind::Org(None),
            });
        }
    }

    /// An organisation named `s..e` unless the name is a month, a function
    /// word, a known organisation or (but `after_trigger`) a place.
    fn unknown_org(
        &self,
        s: usize,
        e: usize,
        country: Option<&'static str>,
        after_trigger: bool,
    ) -> Option<Hit> {
        let text = self.slice(s, e);
        let f = fold_name(text);
        if f.len() < 2 || folded_function_or_month(&f) {
            return None;
        }
        // A known org or a place with exactly this name is handled elsewhere.
        let key = format!(" {f} ");
        if let Some(id) = self.g.exact(&key) {
            let known = Some(self.g.entries.of(id as usize)).is_some_and(|v| {
                v.iter().any(|e| match e.target {
                    Target::Org(_) | Target::Country(_) => true,
                    Target::Region(_) | Target::Dep(_) | Target::Area(_) | Target::Commune(_) => {
                        !after_trigger
                    }
                    _ => false,
                })
            });
            if known {
                return None;
            }
        }
        Some(Hit {
            os: s,
            oe: e,
            prio: 0,
            kind: HitKind::Org(country),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tries find exactly what one automaton of every pattern finds
    /// (daachorse's overlapping search, the former matcher), filtered as
    /// before (a lowercase start only for patterns that accept one), in the
    /// same order.
    #[test]
    fn tries_find_what_one_automaton_finds() {
        let t = crate::tables::parse();
        let (keys, entries) = crate::tables::patterns(&t);
        let compiled =
            crate::tables::decode_entries(&crate::tables::encode_entries(&entries)).unwrap();
        let ac = daachorse::DoubleArrayAhoCorasick::<u32>::with_values(
            keys.iter().enumerate().map(|(i, k)| (k.as_str(), i as u32)),
        )
        .unwrap();
        let g = Gazetteer::new();
        // Texts: names of the tables as written, lowercased, capitalised
        // word by word, glued to their neighbours, among ordinary words.
        let names: Vec<&str> = t
            .communes
            .iter()
            .map(|c| c.name)
            .chain(t.orgs.iter().map(|o| o.canonical))
            .chain(t.countries.iter().flat_map(|c| c.names.iter().copied()))
            .chain(t.sectors.iter().map(|s| s.0))
            .chain(crate::tables::TRIGGERS.iter().copied())
            .collect();
        let words = [
            "le",
            "la",
            "de",
            "Le",
            "La",
            "à",
            "Saint",
            "groupe",
            "société",
            "New",
            "x",
            "(",
            ").",
            ", ",
            "l'",
            "d’",
            "—",
            "É",
            "\n",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut f = Folded::default();
        let mut sc = Scratch::default();
        for n in 0..4000 {
            let mut text = String::new();
            for _ in 0..(2 + next() % 12) {
                let r = next();
                let w = if r % 3 == 0 {
                    names[(r >> 8) as usize % names.len()].to_string()
                } else {
                    words[(r >> 8) as usize % words.len()].to_string()
                };
                let w = match (r >> 40) % 4 {
                    0 => w.to_lowercase(),
                    1 => w.to_uppercase(),
                    _ => w,
                };
                text.push_str(&w);
                text.push_str(if (r >> 50) % 5 == 0 { "" } else { " " });
            }
            if n == 0 {
                text = std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../../shared/gold/seeds/000_5dc92b07ccc625f8.txt"
                ))
                .unwrap_or(text);
            }
            f.fold(&text);
            let want: Vec<(usize, usize, u32)> = ac
                .find_overlapping_iter(f.bytes())
                .filter(|m| compiled.lower_ok(m.value() as usize) || f.cap(m.start() + 1))
                .map(|m| (m.end(), m.start() + 1, m.value()))
                .collect();
            sc.clear();
            find_all(&g, &f, &mut sc);
            assert_eq!(sc.found, want, "{text:?}");
        }
    }

    #[test]
    fn not_orgs_is_sorted_without_repeats() {
        let mut v: Vec<&str> = NOT_ORGS.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v, NOT_ORGS);
    }

    #[test]
    fn function_or_month_is_both_lists_sorted() {
        let mut v: Vec<&str> = FUNCTION.iter().chain(MONTHS).copied().collect();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v, FUNCTION_OR_MONTH);
        assert!(is_function_or_month("Dans"));
        assert!(is_function_or_month("Février"));
        assert!(is_function_or_month("LA-BAS"));
        assert!(!is_function_or_month("Paris"));
        assert!(!is_function_or_month("M."));
        assert!(!is_function_or_month(""));
    }

    #[test]
    fn run_start_before_reads_back_over_the_run() {
        let w = |c: char| c.is_alphanumeric() || c == '-';
        assert_eq!(run_start_before("à Saint-Étienne", w), Some(3));
        assert_eq!(run_start_before("Île", w), Some(0));
        assert_eq!(run_start_before("fin. ", w), None);
        assert_eq!(run_start_before("", w), None);
    }
}

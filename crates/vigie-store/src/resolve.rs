//! Resolution across articles: mentions (events as extracted from one
//! article) of the same commitment become one event.
//!
//! Pure and in memory: the store preloads the candidate events a batch can
//! touch, runs the [`Resolver`], and writes back the clusters it changed.
//!
//! # Rules
//!
//! *Blocking.* A mention is only compared with events that share a key with
//! it and whose publication days lie within [`WINDOW_DAYS`] of the
//! mention's (or that are undated). Keys: the investor's family (its parent
//! in the organisation gazetteer when it has one, so that AWS and Amazon
//! meet; a state by its country code; else its canonical name; normalised:
//! lower case, no accents, legal suffixes and "France"/"Group" dropped;
//! without an investor: the most specific place code, or nothing, in which
//! case it never merges); the word prefixes of that name, so that an
//! outlet's short form ("Acme") meets the full one ("Acme Battery
//! Technology"); and, for a round or a takeover, the recipient (outlets name
//! different lead investors, or none). Candidates are indexed by (key,
//! 30-day bucket), so the cost is near-linear in mentions.
//!
//! *Parties.* The same investor family, or one name a word prefix of the
//! other, or (rounds and takeovers) the same recipient with an amount on
//! both sides — the same figure within [`NEAR_TOL`] when both sides name
//! different investors (ASML's 1.3 bn ticket is not the 1.7 bn round it
//! leads).
//!
//! *Hard constraints* (any one fails: apart). Kinds equal, or one of them is
//! `jobs`. Recipients, when both are given, have the same normalised name.
//! Countries, when both are given, are equal. Places: when both sides name
//! communes, at least one is shared (two communes of one company are two
//! sites); likewise for départements, then regions. Exception: the same
//! figure (within [`NEAR_TOL`], 2 %) tolerates disjoint regions, and
//! disjoint communes or départements when reported within [`NEAR_DAYS`],
//! if one side gives the figure for the whole country or says the site is
//! part of it ("dans le cadre de l'enveloppe de 4 milliards", "as part of")
//! — outlets highlight different sites of one programme, while two reports
//! each giving the figure for its own town are two sites; the same figure
//! also tolerates a different kind label (capex/equity confusions between
//! outlets). These tolerances never apply to two statements of one article
//! (the extractor already merged those it judged one). Dates, when both
//! are known, within [`WINDOW_DAYS`] (a 2023 and a 2024 announcement of
//! the same size stay apart) — except for a *retrospective* mention (its
//! evidence looks back: "plus tôt cette année", "earlier this year", "l'an
//! dernier", "avait annoncé", "already", a month named…), which may join an
//! event up to [`RETRO_DAYS`] older with the same kind and the same figure
//! (within [`NEAR_TOL`]): a May article recalling February's 3.2 bn is
//! February's event; the other way round, when the recollection came first
//! (a directory read in name order), February's report joins the event
//! made only of recollections, up to [`RETRO_DAYS`] before them. Amounts, when both are given, within [`AMOUNT_TOL`]
//! relative difference (ranges: overlap; a lower bound reaches up to
//! the next value of its last digit, at most 30 % above: "plus d'un
//! milliard" meets 1.3 bn, not 2 bn) — "4 milliards" and "4,1 milliards"
//! merge; 3.2 bn and 4 bn do not.
//!
//! *Rules.* `amount`: both amounts given and compatible. `place+sector`: an
//! amount is missing on one side; then the places must agree at commune or
//! département level (at region level when neither side has a figure and
//! they are reported within [`NEAR_DAYS`]) and the sectors must intersect.
//! Otherwise apart.
//!
//! *Score* (explanations; best candidate wins, ties go to the older event):
//! mean of amount, date, place and sector agreement in [0, 1].
//!
//! *Merged event* (recomputed from all its mentions, so order-insensitive
//! apart from ties, which go to the first mention): id from the first
//! mention; kind: the most frequent non-`jobs` kind; amount: the figure of
//! the most specific statement (exact or range over a bound, a bound over
//! an approximation: "1,1 milliard" over "plus d'un milliard"), then the one
//! most mentions give, then the most precise in one currency; investor,
//! recipient, country: the most frequent; places: union, most specific
//! first; sectors: union by frequency; jobs and horizon: from the most
//! detailed mention that has them; status: the latest outcome reported
//! (`completed` or `cancelled`, by publication date) when there is one, so
//! that a later article updates the event, else the most frequent;
//! published: the earliest; confidence: noisy-or capped at 0.99; evidence
//! and sources: union in mention order.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use vigie_model::{Event, Kind, Money, Place, Qualifier, Sector, Status};

/// Dates further apart than this are two announcements.
pub const WINDOW_DAYS: i64 = 60;
/// Largest relative difference of two amounts of one commitment.
pub const AMOUNT_TOL: f64 = 0.12;
/// Amounts this close are "the same figure" (rounding at most).
pub const NEAR_TOL: f64 = 0.02;
/// Same figure, different sites, reported within this many days: one programme.
pub const NEAR_DAYS: i64 = 7;
/// How far back a retrospective mention may reach.
pub const RETRO_DAYS: i64 = 400;

/// Phrases by which an article recalls an earlier commitment.
const RETRO_CUES: &[&str] = &[
    "plus tôt cette année",
    "plus tot cette annee",
    "au début de cette année",
    "début de l'année",
    "l'an dernier",
    "l'an passé",
    "l'année dernière",
    "avait annoncé",
    "avait investi",
    "avait levé",
    "déjà",
    "earlier this year",
    "last year",
    "had announced",
    "had invested",
    "had raised",
    "previously",
    "already",
    // Time since ("trois mois après celle d'un investissement de 3,2
    // milliards en Allemagne", "announced last November").
    "mois après",
    "mois plus tôt",
    "semaines plus tôt",
    "months after",
    "months ago",
    "months earlier",
    "weeks earlier",
    "janvier dernier",
    "février dernier",
    "mars dernier",
    "avril dernier",
    "mai dernier",
    "juin dernier",
    "juillet dernier",
    "août dernier",
    "septembre dernier",
    "octobre dernier",
    "novembre dernier",
    "décembre dernier",
    "last january",
    "last february",
    "last march",
    "last april",
    "last may",
    "last june",
    "last july",
    "last august",
    "last september",
    "last october",
    "last november",
    "last december",
    // A month named in a later article with the same figure ("announced
    // €3.2 billion for Germany in February"): only consulted for mentions
    // later than the window, with the same kind and amount.
    "en janvier",
    "en février",
    "en mars",
    "en avril",
    "en mai",
    "en juin",
    "en juillet",
    "en août",
    "en septembre",
    "en octobre",
    "en novembre",
    "en décembre",
    "in january",
    "in february",
    "in march",
    "in april",
    "in may",
    "in june",
    "in july",
    "in august",
    "in september",
    "in october",
    "in november",
    "in december",
];

/// A matcher of cue phrases, ASCII-case-insensitive ("Déjà" and "déjà"),
/// with both apostrophes; `None` only if the automaton cannot be built.
fn cue_matcher(cues: &[&str]) -> Option<AhoCorasick> {
    let mut pats: Vec<String> = Vec::with_capacity(cues.len() * 2);
    for c in cues {
        pats.push((*c).to_string());
        if c.contains('\'') {
            pats.push(c.replace('\'', "\u{2019}"));
        }
    }
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(pats)
        .ok()
}

/// Whether some evidence sentence of `e` contains one of `cues`.
fn has_cue(e: &Event, m: &Option<AhoCorasick>, cues: &[&str]) -> bool {
    e.evidence.iter().any(|ev| match m {
        Some(m) => m.is_match(&ev.sentence),
        None => {
            let s = ev.sentence.to_lowercase().replace('\u{2019}', "'");
            cues.iter().any(|c| s.contains(c))
        }
    })
}

/// Whether a mention recalls an earlier commitment (see [`RETRO_CUES`]).
pub(crate) fn retrospective(e: &Event) -> bool {
    static M: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    has_cue(e, M.get_or_init(|| cue_matcher(RETRO_CUES)), RETRO_CUES)
}
const BUCKET_DAYS: i64 = 30;

/// Days since 1970-01-01 of `YYYY-MM-DD` (or `YYYY-MM`, day 1).
pub fn day_number(date: &str) -> Option<i64> {
    let d = date.trim();
    let y: i64 = d.get(0..4)?.parse().ok()?;
    let m: i64 = if d.len() >= 7 {
        d.get(5..7)?.parse().ok()?
    } else {
        return None;
    };
    let dd: i64 = if d.len() >= 10 {
        d.get(8..10)?.parse().ok()?
    } else {
        1
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

const SUFFIXES: &[&str] = &[
    "sa",
    "sas",
    "sasu",
    "sarl",
    "inc",
    "ltd",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "corp",
    "corporation",
    "group",
    "groupe",
    "co",
    "company",
    "france",
    "holding",
    "holdings",
    "se",
    "nv",
    "bv",
    "spa",
    "the",
];

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// Normalised organisation name: lower case, accents folded, punctuation
/// as spaces, legal suffixes dropped ("Microsoft France" -> "microsoft").
pub fn org_key(name: &str) -> String {
    let lower: String = name
        .to_lowercase()
        .chars()
        .map(fold_char)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !SUFFIXES.contains(w))
        .collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}

/// The organisation gazetteer, built once per process (immutable).
fn gazetteer() -> &'static vigie_gazetteer::Gazetteer {
    static G: OnceLock<vigie_gazetteer::Gazetteer> = OnceLock::new();
    G.get_or_init(vigie_gazetteer::Gazetteer::new)
}

/// The investor's family name: a state by its country code, whatever the
/// language of the article ("Émirats arabes unis", "United Arab Emirates" ->
/// "state AE"); the parent the gazetteer knows for a subsidiary ("Amazon Web
/// Services" -> "Amazon"); else the name itself.
fn family(canonical: &str) -> String {
    let g = gazetteer();
    let name = canonical.trim();
    if let Some(c) = g
        .countries(name)
        .into_iter()
        .find(|c| c.start == 0 && c.end == name.len())
        .and_then(|c| c.country)
    {
        return format!("state {c}");
    }
    g.org(name)
        .and_then(|o| o.parent)
        .unwrap_or_else(|| name.to_string())
}

/// The investor's family key (see [`family`], normalised by [`org_key`]).
fn investor_key(e: &Event) -> Option<String> {
    investor_key_in(e, &mut Families::default())
}

/// Investor keys already computed, by name (the gazetteer lookups of
/// [`family`] dominate resolution otherwise).
#[derive(Debug, Default)]
struct Families(HashMap<String, Option<String>>);

fn investor_key_in(e: &Event, cache: &mut Families) -> Option<String> {
    let inv = e.investor.as_ref()?;
    let name = if inv.canonical.trim().is_empty() {
        &inv.name
    } else {
        &inv.canonical
    };
    if let Some(k) = cache.0.get(name.as_str()) {
        return k.clone();
    }
    let k = org_key(&family(name));
    let k = (!k.is_empty()).then_some(k);
    cache.0.insert(name.clone(), k.clone());
    k
}

/// The blocking key of a mention.
pub fn blocking_key(e: &Event) -> Option<String> {
    key_with(e, investor_key(e))
}

/// The blocking key, given the investor key.
fn key_with(e: &Event, inv: Option<String>) -> Option<String> {
    if inv.is_some() {
        return inv;
    }
    // No investor: the most specific place code, else no key (never merges).
    let p = e.places.first()?;
    let code = p
        .commune
        .as_ref()
        .map(|c| format!("c{c}"))
        .or_else(|| p.departement.as_ref().map(|d| format!("d{d}")))?;
    Some(format!("?{}:{code}", e.kind.as_str()))
}

/// Proper word prefixes of an investor key, of three letters or more
/// ("brookfield asset management" -> "brookfield", "brookfield asset").
fn word_prefixes(key: &str) -> impl Iterator<Item = &str> {
    key.match_indices(' ')
        .map(move |(i, _)| key.get(..i).unwrap_or(""))
        .filter(|p| p.len() >= 3)
}

/// Whether one investor key is the other with words added at the end
/// ("prologium" and "prologium technology"): an outlet's short form of the
/// name. Equal keys are compatible too.
fn alias(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 3
        && long.starts_with(short)
        && (long.len() == short.len() || long.as_bytes().get(short.len()) == Some(&b' '))
}

/// Deals whose recipient identifies them as much as the investor: a round
/// (outlets name different lead investors, or none) or a takeover.
fn recipient_deal(k: Kind) -> bool {
    matches!(k, Kind::Equity | Kind::Acquisition)
}

fn secondary_with(e: &Event, inv: Option<&str>, rec: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(k) = inv {
        out.extend(word_prefixes(k).map(|p| format!("p:{p}")));
    }
    if recipient_deal(e.kind) {
        if let Some(r) = rec.filter(|r| !r.is_empty()) {
            out.push(format!("r:{r}"));
        }
    }
    out
}

/// The keys an event is indexed under besides its [`blocking_key`]: "p:"
/// and each word prefix of its investor key (so that a mention naming the
/// short form finds it), and "r:" and its recipient for a round or a
/// takeover.
pub fn secondary_keys(e: &Event) -> Vec<String> {
    secondary_with(e, investor_key(e).as_deref(), recipient_key(e).as_deref())
}

fn lookups_with(e: &Event, f: &Feats) -> Vec<String> {
    let mut out = Vec::new();
    match &f.inv {
        Some(k) => {
            out.push(format!("p:{k}"));
            out.extend(word_prefixes(k).map(str::to_string));
            out.push(k.clone());
        }
        None => out.extend(f.keys.first().cloned()),
    }
    if recipient_deal(e.kind) {
        if let Some(r) = f.rec.as_ref().filter(|r| !r.is_empty()) {
            out.push(format!("r:{r}"));
        }
    }
    out
}

/// The keys under which a mention looks for candidate events: its blocking
/// key, as a blocking key and as a prefix ("p:"); the word prefixes of its
/// investor key, as blocking keys; its recipient ("r:") for a round or a
/// takeover.
pub fn lookup_keys(e: &Event) -> Vec<String> {
    lookups_with(e, &feats(e, &mut Families::default()))
}

/// Largest relative room above a lower bound ("plus d'un milliard").
const BOUND_ROOM: f64 = 0.3;

/// The amount used for comparisons, as an interval: EUR when known, else
/// the raw value. A range is its bounds; a lower bound ("plus de 1,2
/// milliard", "more than €500m") reaches up to the next value of its last
/// digit (1.3 bn, €600m), at most [`BOUND_ROOM`] above it: an outlet that
/// writes "plus d'un milliard" for 1.3 bn rounds down, one that writes it
/// for 2 bn would not.
fn cmp_amount(m: &Money) -> (f64, f64) {
    interval(m, true)
}

/// [`cmp_amount`], with or without the room above lower bounds.
fn interval(m: &Money, bounds: bool) -> (f64, f64) {
    let lo = m.eur.unwrap_or(m.value);
    let hi = match (m.qualifier, m.max) {
        (Qualifier::Range, Some(max)) if max > m.value && m.value > 0.0 => lo * max / m.value,
        (Qualifier::AtLeast, _) if bounds && m.value >= 1.0 && m.value.is_finite() => {
            let digits = significant_digits(m.value).max(1);
            let magnitude = m.value.log10().floor() as i32;
            let unit = 10f64.powi(magnitude + 1 - digits as i32);
            lo * (1.0 + (unit / m.value).min(BOUND_ROOM))
        }
        _ => lo,
    };
    (lo, hi)
}

fn comparable_currency(a: &Money, b: &Money) -> bool {
    if a.eur.is_some() && b.eur.is_some() {
        return true;
    }
    match (&a.currency, &b.currency) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Relative difference of two amounts (0 when ranges overlap).
fn amount_diff(a: &Money, b: &Money) -> Option<f64> {
    diff_with(a, b, true)
}

/// Relative difference, lower bounds taken as points (`bounds` false):
/// "the same figure" means the stated figures, not the room above a bound.
fn diff_with(a: &Money, b: &Money, bounds: bool) -> Option<f64> {
    if !comparable_currency(a, b) {
        return None;
    }
    let (alo, ahi) = interval(a, bounds);
    let (blo, bhi) = interval(b, bounds);
    if alo <= bhi && blo <= ahi {
        return Some(0.0);
    }
    let (x, y) = if ahi < blo { (ahi, blo) } else { (bhi, alo) };
    if y <= 0.0 {
        return Some(0.0);
    }
    Some((y - x) / y)
}

fn band(m: &Money) -> i64 {
    let (v, _) = cmp_amount(m);
    if v > 0.0 && v.is_finite() {
        (v.log10() * 10.0).floor() as i64
    } else {
        0
    }
}

fn codes<'a>(
    places: &'a [Place],
    f: impl Fn(&'a Place) -> Option<&'a String>,
) -> BTreeSet<&'a str> {
    places.iter().filter_map(f).map(String::as_str).collect()
}

/// How two place lists relate.
#[derive(Debug, Clone, Copy, PartialEq)]
enum PlaceMatch {
    Commune,
    Departement,
    Region,
    Unknown,
    RegionConflict,
    Conflict,
}

fn place_match(a: &[Place], b: &[Place]) -> PlaceMatch {
    let levels: [fn(&Place) -> Option<&String>; 3] = [
        |p| p.commune.as_ref(),
        |p| p.departement.as_ref(),
        |p| p.region.as_ref(),
    ];
    let mut best = PlaceMatch::Unknown;
    for (i, f) in levels.iter().enumerate() {
        let ca = codes(a, f);
        let cb = codes(b, f);
        if ca.is_empty() || cb.is_empty() {
            continue;
        }
        let shared = !ca.is_disjoint(&cb);
        if !shared {
            return if i == 2 {
                PlaceMatch::RegionConflict
            } else {
                PlaceMatch::Conflict
            };
        }
        if best == PlaceMatch::Unknown {
            best = match i {
                0 => PlaceMatch::Commune,
                1 => PlaceMatch::Departement,
                _ => PlaceMatch::Region,
            };
        }
    }
    best
}

/// Phrases by which a sentence places a site inside a larger commitment.
const PROGRAMME_CUES: &[&str] = &[
    "dans le cadre d",
    "fait partie d",
    "partie de l'enveloppe",
    "y compris",
    "notamment",
    "as part of",
    "part of a",
    "part of the",
    "including",
];

/// A place of national scope: a country, with no region, département or
/// commune ("en France", "in the country").
fn national(places: &[Place]) -> bool {
    places.iter().any(|p| {
        p.country.is_some() && p.region.is_none() && p.departement.is_none() && p.commune.is_none()
    })
}

fn programme_cue(e: &Event) -> bool {
    static M: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    has_cue(
        e,
        M.get_or_init(|| cue_matcher(PROGRAMME_CUES)),
        PROGRAMME_CUES,
    )
}

/// Whether two reports of the same figure naming different sites may be
/// one programme: one of them gives the figure for the whole country, or
/// says the site is part of it ("dans le cadre de l'enveloppe de 4
/// milliards", "as part of a €4 billion investment"). Two reports that each
/// give the figure for their own site, or two statements of one article,
/// are two sites.
fn programme(ev: &Event, m: &Event, same_article: bool) -> bool {
    !same_article
        && (national(&ev.places) || national(&m.places) || programme_cue(m) || programme_cue(ev))
}

/// Why (and how well) a mention matches an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub rule: &'static str,
    pub score: f64,
    pub reason: String,
}

/// The features of an event used for matching.
#[derive(Debug, Clone)]
struct Feats {
    /// Blocking key and secondary keys (the index keys).
    keys: Vec<String>,
    /// Investor and recipient keys.
    inv: Option<String>,
    rec: Option<String>,
    day_min: Option<i64>,
    day_max: Option<i64>,
    /// Every mention of the event recalls it from later ("trois mois après
    /// celle d'un investissement de 3,2 milliards"): the commitment itself
    /// may be up to RETRO_DAYS older, and a report of it from then may join.
    all_retro: bool,
}

fn feats(e: &Event, cache: &mut Families) -> Feats {
    let day = e.published.as_deref().and_then(day_number);
    let inv = investor_key_in(e, cache);
    let rec = recipient_key(e);
    let mut keys: Vec<String> = key_with(e, inv.clone()).into_iter().collect();
    keys.extend(secondary_with(e, inv.as_deref(), rec.as_deref()));
    Feats {
        keys,
        inv,
        rec,
        day_min: day,
        day_max: day,
        all_retro: false,
    }
}

fn recipient_key(e: &Event) -> Option<String> {
    e.recipient.as_ref().map(|r| {
        org_key(if r.canonical.trim().is_empty() {
            &r.name
        } else {
            &r.canonical
        })
    })
}

/// How the parties of a mention and an event agree, if they may be one
/// commitment: the same investor family, an outlet's short form of the
/// name, or (for a round or a takeover) the same recipient, the investors
/// differing or unnamed on one side.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Parties {
    Same,
    Alias,
    Recipient,
}

fn parties(ev: &Event, evf: &Feats, m: &Event, mf: &Feats) -> Option<Parties> {
    match (&evf.inv, &mf.inv) {
        (Some(a), Some(b)) if a == b => return Some(Parties::Same),
        (Some(a), Some(b)) if alias(a, b) => return Some(Parties::Alias),
        // No investor on either side: they met on their place key.
        (None, None) if evf.keys.first() == mf.keys.first() && !evf.keys.is_empty() => {
            return Some(Parties::Same)
        }
        _ => {}
    }
    let same_recipient = recipient_deal(ev.kind)
        && recipient_deal(m.kind)
        && evf.rec.as_ref().is_some_and(|r| !r.is_empty())
        && evf.rec == mf.rec;
    same_recipient.then_some(Parties::Recipient)
}

/// Compares a mention with a (merged) event. `None`: they stay apart.
///
/// `same_article`: the event already holds a mention of the mention's
/// article (the extractor, which merges one article's statements of one
/// commitment, kept them apart: no tolerance for differing sites or kinds).
fn compare(
    ev: &Event,
    evf: &Feats,
    m: &Event,
    mf: &Feats,
    retro: bool,
    same_article: bool,
) -> Option<Match> {
    let mday = mf.day_min;
    let who = parties(ev, evf, m, mf)?;
    // Kinds (checked with the amounts below).
    let kind_ok = ev.kind == m.kind || ev.kind == Kind::Jobs || m.kind == Kind::Jobs;
    if let (Some(a), Some(b)) = (&evf.rec, &mf.rec) {
        if a != b {
            return None;
        }
    }
    if let (Some(a), Some(b)) = (&ev.country, &m.country) {
        if a != b {
            return None;
        }
    }
    // Dates.
    let mut gap_days = None;
    // A retrospective mention later than the window (checked with the amounts below).
    let mut late = false;
    let (date_score, date_txt) = match (evf.day_min, evf.day_max, mday) {
        (Some(lo), Some(hi), Some(d)) => {
            let gap = if d < lo {
                lo - d
            } else if d > hi {
                d - hi
            } else {
                0
            };
            if gap > WINDOW_DAYS {
                // The mention recalls an older event, or the event is made
                // of recollections of an older commitment this mention reports.
                let back = retro && d > hi;
                let fwd = evf.all_retro && d < lo;
                if !((back || fwd) && gap <= RETRO_DAYS) {
                    return None;
                }
                late = true;
            }
            gap_days = Some(gap);
            (
                1.0 - gap as f64 / (2 * WINDOW_DAYS) as f64,
                format!("{gap} days apart"),
            )
        }
        _ => (0.5, "date unknown on one side".to_string()),
    };
    // Amounts.
    let amount = match (&ev.amount, &m.amount) {
        (Some(a), Some(b)) => {
            let d = amount_diff(a, b)?;
            if d > AMOUNT_TOL {
                return None;
            }
            Some((d, diff_with(a, b, false).unwrap_or(d)))
        }
        _ => None,
    };
    // Near-identical amounts (within NEAR_TOL) tolerate a kind label that
    // differs between outlets, and places that differ (outlets highlight
    // different sites of one programme); for communes and départements only
    // when reported within NEAR_DAYS of each other.
    let near = amount.is_some_and(|(_, stated)| stated <= NEAR_TOL);
    let amount = amount.map(|(d, _)| d);
    // Met on the recipient only: the figure must be there, and the same
    // figure when both sides name (different) investors.
    if who == Parties::Recipient
        && (amount.is_none() || (evf.inv.is_some() && mf.inv.is_some() && !near))
    {
        return None;
    }
    if !kind_ok && (!near || same_article) {
        return None;
    }
    if late && !(near && ev.kind == m.kind) {
        return None;
    }
    let place = place_match(&ev.places, &m.places);
    match place {
        PlaceMatch::Conflict
            if !(near
                && gap_days.is_some_and(|g| g <= NEAR_DAYS)
                && programme(ev, m, same_article)) =>
        {
            return None
        }
        PlaceMatch::RegionConflict if !(near && programme(ev, m, same_article)) => return None,
        _ => {}
    }
    let place_score = match place {
        PlaceMatch::Commune => 1.0,
        PlaceMatch::Departement => 0.9,
        PlaceMatch::Region => 0.8,
        PlaceMatch::Unknown => 0.5,
        PlaceMatch::RegionConflict | PlaceMatch::Conflict => 0.2,
    };
    let sa: BTreeSet<Sector> = ev.sectors.iter().copied().collect();
    let sb: BTreeSet<Sector> = m.sectors.iter().copied().collect();
    let sector_score = if sa.is_empty() || sb.is_empty() {
        0.5
    } else if sa.is_disjoint(&sb) {
        0.2
    } else {
        1.0
    };
    let (rule, amount_score, amount_txt) = match amount {
        Some(d) => (
            if !kind_ok {
                "amount (kinds differ)"
            } else if matches!(place, PlaceMatch::Conflict | PlaceMatch::RegionConflict) {
                "amount (places differ)"
            } else if who == Parties::Recipient {
                "amount (same recipient)"
            } else if who == Parties::Alias {
                "amount (investor alias)"
            } else {
                "amount"
            },
            if d <= NEAR_TOL { 1.0 } else { 0.8 },
            format!("amounts {:.1} % apart", d * 100.0),
        ),
        None => {
            // No amount on one side: strong place + sector agreement only;
            // a shared region is enough when neither side has a figure and
            // they are reported within NEAR_DAYS (two outlets on "a new
            // distribution centre in Auvergne-Rhône-Alpes" the same day).
            let strong_place = matches!(place, PlaceMatch::Commune | PlaceMatch::Departement)
                || (place == PlaceMatch::Region
                    && ev.amount.is_none()
                    && m.amount.is_none()
                    && kind_ok
                    && gap_days.is_some_and(|g| g <= NEAR_DAYS));
            if !strong_place || sector_score < 1.0 || same_article {
                return None;
            }
            ("place+sector", 0.5, "no amount on one side".to_string())
        }
    };
    let score = (amount_score + date_score + place_score + sector_score) / 4.0;
    let place_txt = match place {
        PlaceMatch::Commune => "same commune",
        PlaceMatch::Departement => "same département",
        PlaceMatch::Region => "same region",
        PlaceMatch::Unknown => "not comparable",
        PlaceMatch::RegionConflict => "different regions",
        PlaceMatch::Conflict => "different communes/départements",
    };
    let reason = format!(
        "{amount_txt}; {date_txt}; places: {place_txt}; sectors: {}",
        match sector_score {
            s if s >= 1.0 => "shared",
            s if s <= 0.2 => "disjoint",
            _ => "unknown on one side",
        }
    );
    Some(Match {
        rule,
        score: (score * 1000.0).round() / 1000.0,
        reason,
    })
}

/// Whether every mention of the cluster recalls the event from later (see
/// [`Feats::all_retro`]); stored as a "t:" key so that a report of the
/// commitment itself, ingested later, finds it.
pub fn all_retrospective(c: &Cluster) -> bool {
    c.feats.all_retro
}

/// One extracted event as stored: its database ids and the record.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Mention id (row id).
    pub id: i64,
    /// Article id (row id).
    pub article: i64,
    /// The article's document id.
    pub doc: String,
    /// Index of the mention among its article's events.
    pub ordinal: usize,
    /// The event as extracted, with `published` filled from the article.
    pub event: Event,
}

/// A resolved event under construction.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// Stable event id (`evt_…`).
    pub id: String,
    /// Row id in the database, when it came from there.
    pub rowid: Option<i64>,
    pub mentions: Vec<Mention>,
    /// The merged record.
    pub event: Event,
    /// Changed since loaded (to be written back).
    pub dirty: bool,
    feats: Feats,
}

/// What happened to one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Index of the cluster in [`Resolver::clusters`].
    pub cluster: usize,
    /// `"seed"` when it started a new event.
    pub rule: &'static str,
    pub score: f64,
    pub reason: String,
}

/// Incremental resolver: feed it mentions in order.
#[derive(Debug, Default)]
pub struct Resolver {
    pub clusters: Vec<Cluster>,
    /// (key, 30-day bucket or i64::MIN when undated) -> clusters.
    buckets: HashMap<(u64, i64), Vec<usize>>,
    /// key -> clusters (for undated mentions).
    by_key: HashMap<u64, Vec<usize>>,
    families: Families,
    /// Never join a mention to an event that already holds a mention of
    /// the same article: the extractor's own merging within an article is
    /// final (`vigie extract` across the files of one run). Off for the
    /// store, which also reconciles an article's mentions with each other.
    pub keep_articles_apart: bool,
}

/// The stable id of an event seeded by a mention: a hash of the article's
/// document id and the mention's place in it.
pub fn event_id(doc: &str, ordinal: usize) -> String {
    format!(
        "evt_{:016x}",
        vigie_model::fnv1a64(format!("{doc}#{ordinal}").as_bytes())
    )
}

/// Index keys are hashed (64-bit FNV-1a): no string is cloned or compared
/// in the index; a collision only adds a candidate, which [`compare`]
/// rejects on the parties.
fn key_hash(k: &str) -> u64 {
    vigie_model::fnv1a64(k.as_bytes())
}

fn bucket_of(day: Option<i64>) -> i64 {
    day.map_or(i64::MIN, |d| d.div_euclid(BUCKET_DAYS))
}

impl Resolver {
    pub fn new() -> Resolver {
        Resolver::default()
    }

    fn index(&mut self, idx: usize, day: Option<i64>) {
        let Some((keys, all_retro)) = self.clusters.get(idx).map(|c| {
            (
                c.feats
                    .keys
                    .iter()
                    .map(|k| key_hash(k))
                    .collect::<Vec<u64>>(),
                c.feats.all_retro,
            )
        }) else {
            return;
        };
        // An event made of recollections is also found from the days of
        // the commitment they recall (up to RETRO_DAYS before).
        if let (true, Some(d)) = (all_retro, day) {
            for b in bucket_of(Some(d - RETRO_DAYS))..bucket_of(Some(d)) {
                for key in &keys {
                    let list = self.buckets.entry((*key, b)).or_default();
                    if list.last() != Some(&idx) {
                        list.push(idx);
                    }
                }
            }
        }
        // Lists may hold a cluster twice (when it grows); candidates are
        // deduplicated on lookup, and a linear membership test here would
        // make large blocks quadratic.
        for key in keys {
            let list = self.buckets.entry((key, bucket_of(day))).or_default();
            if list.last() != Some(&idx) {
                list.push(idx);
            }
            let list = self.by_key.entry(key).or_default();
            if list.last() != Some(&idx) {
                list.push(idx);
            }
        }
    }

    /// Adds an existing event (from the database) with its mentions.
    pub fn preload(&mut self, id: String, rowid: i64, mentions: Vec<Mention>) {
        let event = merge(&id, &mentions);
        let all_retro = !mentions.is_empty() && mentions.iter().all(|m| retrospective(&m.event));
        let f = cluster_feats(&event, &mentions, &mut self.families, all_retro);
        let days: Vec<Option<i64>> = mentions
            .iter()
            .map(|m| m.event.published.as_deref().and_then(day_number))
            .collect();
        self.clusters.push(Cluster {
            id,
            rowid: Some(rowid),
            mentions,
            event,
            dirty: false,
            feats: f,
        });
        let idx = self.clusters.len() - 1;
        for d in days {
            self.index(idx, d);
        }
    }

    /// Resolves one mention: joins the best matching event or seeds a new one.
    pub fn add(&mut self, mention: Mention) -> Decision {
        let mf = feats(&mention.event, &mut self.families);
        let keys = lookups_with(&mention.event, &mf);
        let mday = mf.day_min;
        let retro = retrospective(&mention.event);
        let mut best: Option<(usize, Match)> = None;
        if !keys.is_empty() {
            let mut cands: Vec<usize> = Vec::new();
            for key in keys.iter().map(|k| key_hash(k)) {
                match mday {
                    Some(d) => {
                        let b = d.div_euclid(BUCKET_DAYS);
                        let span = WINDOW_DAYS / BUCKET_DAYS + 1;
                        let back = if retro {
                            RETRO_DAYS / BUCKET_DAYS + 1
                        } else {
                            span
                        };
                        let mut k = (key, 0);
                        for bb in (b - back)..=(b + span) {
                            k.1 = bb;
                            if let Some(v) = self.buckets.get(&k) {
                                cands.extend(v);
                            }
                        }
                        k.1 = i64::MIN;
                        if let Some(v) = self.buckets.get(&k) {
                            cands.extend(v);
                        }
                    }
                    None => {
                        if let Some(v) = self.by_key.get(&key) {
                            cands.extend(v);
                        }
                    }
                }
            }
            cands.sort_unstable();
            cands.dedup();
            let mband = mention.event.amount.as_ref().map(band);
            for idx in cands {
                let Some(c) = self.clusters.get(idx) else {
                    continue;
                };
                // Amount band pre-filter (neighbouring bands only).
                if let (Some(mb), Some(a), Some(ma)) = (
                    mband,
                    c.event.amount.as_ref(),
                    mention.event.amount.as_ref(),
                ) {
                    let ranged = a.max.is_some()
                        || ma.max.is_some()
                        || a.qualifier == Qualifier::AtLeast
                        || ma.qualifier == Qualifier::AtLeast;
                    if !ranged && (band(a) - mb).abs() > 1 {
                        continue;
                    }
                }
                let same_article = c.mentions.iter().any(|x| x.article == mention.article);
                if same_article && self.keep_articles_apart {
                    continue;
                }
                if let Some(m) =
                    compare(&c.event, &c.feats, &mention.event, &mf, retro, same_article)
                {
                    if best.as_ref().is_none_or(|(_, b)| m.score > b.score) {
                        best = Some((idx, m));
                    }
                }
            }
        }
        match best {
            Some((idx, m)) => {
                if let Some(c) = self.clusters.get_mut(idx) {
                    c.mentions.push(mention);
                    c.event = merge(&c.id, &c.mentions);
                    let all_retro = c.feats.all_retro && retro;
                    c.feats = cluster_feats(&c.event, &c.mentions, &mut self.families, all_retro);
                    c.dirty = true;
                }
                self.index(idx, mday);
                Decision {
                    cluster: idx,
                    rule: m.rule,
                    score: m.score,
                    reason: m.reason,
                }
            }
            None => {
                let id = event_id(&mention.doc, mention.ordinal);
                let mentions = vec![mention];
                let event = merge(&id, &mentions);
                let f = cluster_feats(&event, &mentions, &mut self.families, retro);
                self.clusters.push(Cluster {
                    id,
                    rowid: None,
                    mentions,
                    event,
                    dirty: true,
                    feats: f,
                });
                let idx = self.clusters.len() - 1;
                self.index(idx, mday);
                Decision {
                    cluster: idx,
                    rule: "seed",
                    score: 1.0,
                    reason: "first mention of this event".into(),
                }
            }
        }
    }
}

fn cluster_feats(
    event: &Event,
    mentions: &[Mention],
    cache: &mut Families,
    all_retro: bool,
) -> Feats {
    let mut f = feats(event, cache);
    f.all_retro = all_retro;
    let days: Vec<i64> = mentions
        .iter()
        .filter_map(|m| m.event.published.as_deref().and_then(day_number))
        .collect();
    f.day_min = days.iter().min().copied();
    f.day_max = days.iter().max().copied();
    f
}

/// The most frequent value (ties: the first seen).
fn mode<T: PartialEq + Clone>(items: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for it in items {
        match counts.iter_mut().find(|(v, _)| *v == it) {
            Some((_, n)) => *n += 1,
            None => counts.push((it, 1)),
        }
    }
    let mut best: Option<(T, usize)> = None;
    for (v, n) in counts {
        if best.as_ref().is_none_or(|(_, bn)| n > *bn) {
            best = Some((v, n));
        }
    }
    best.map(|(v, _)| v)
}

/// How specific a qualifier is: an exact figure or a stated range beats a
/// bound ("plus d'un milliard"), which beats an approximation.
fn qualifier_rank(q: Qualifier) -> u8 {
    match q {
        Qualifier::Exact | Qualifier::Range => 3,
        Qualifier::AtLeast | Qualifier::AtMost => 2,
        Qualifier::Approx => 1,
    }
}

/// Significant digits of a whole amount (1.1e9 -> 2, 4.05e9 -> 3): the
/// more precise of two otherwise equal figures wins.
fn significant_digits(v: f64) -> u32 {
    if !(1.0..1e18).contains(&v) {
        return 0;
    }
    let mut n = v.round() as u64;
    while n >= 10 && n.is_multiple_of(10) {
        n /= 10;
    }
    n.checked_ilog10().map_or(0, |d| d + 1)
}

/// The amount of a merged event: the figure of the most specific statement
/// (an outlet's exact "1,1 milliard" over another's "plus d'un milliard"),
/// then the one most mentions give, then the most precise (in one
/// currency: "4 milliards d'euros" is not less precise than "$4.3 billion"),
/// then the first;
/// within that figure, the most specific qualifier and a known EUR value.
fn merged_amount(evs: &[&Event]) -> Option<Money> {
    // (value, currency) -> (best qualifier rank, count, first position)
    let mut groups: Vec<(f64, Option<&String>, u8, usize, usize)> = Vec::new();
    for (pos, a) in evs.iter().filter_map(|e| e.amount.as_ref()).enumerate() {
        let r = qualifier_rank(a.qualifier);
        match groups
            .iter_mut()
            .find(|g| g.0 == a.value && g.1 == a.currency.as_ref())
        {
            Some(g) => {
                g.2 = g.2.max(r);
                g.3 += 1;
            }
            None => groups.push((a.value, a.currency.as_ref(), r, 1, pos)),
        }
    }
    let best = groups
        .iter()
        .fold(None::<&(f64, Option<&String>, u8, usize, usize)>, |b, g| {
            let Some(b) = b else { return Some(g) };
            let better = (g.2, g.3) > (b.2, b.3)
                || ((g.2, g.3) == (b.2, b.3)
                    && g.1 == b.1
                    && significant_digits(g.0) > significant_digits(b.0));
            Some(if better { g } else { b })
        })?;
    let (v, cur) = (best.0, best.1.cloned());
    evs.iter()
        .filter_map(|e| e.amount.as_ref())
        .filter(|a| a.value == v && a.currency == cur)
        .fold(None::<&Money>, |best, a| match best {
            Some(b)
                if qualifier_rank(b.qualifier) > qualifier_rank(a.qualifier)
                    || (qualifier_rank(b.qualifier) == qualifier_rank(a.qualifier)
                        && (b.eur.is_some() || a.eur.is_none())) =>
            {
                Some(b)
            }
            _ => Some(a),
        })
        .cloned()
}

/// The status of a merged event. A commitment moves forward: when some
/// mention reports it done or called off (`completed`, `cancelled`), the
/// latest such report (by publication date; ties: the later mention) is the
/// event's status, so that "X a finalisé" or "X renonce" a month after "X va
/// investir" updates the one event. Otherwise the most frequent status.
fn merged_status(evs: &[&Event]) -> Status {
    let terminal = evs
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.status, Status::Completed | Status::Cancelled))
        .max_by_key(|(i, e)| (e.published.as_deref().and_then(day_number), *i))
        .map(|(_, e)| e.status);
    terminal
        .or_else(|| mode(evs.iter().map(|e| e.status)))
        .unwrap_or(Status::Announced)
}

fn place_rank(p: &Place) -> u8 {
    if p.commune.is_some() {
        0
    } else if p.departement.is_some() {
        1
    } else if p.region.is_some() {
        2
    } else if p.country.is_some() {
        3
    } else {
        4
    }
}

fn detail(e: &Event) -> usize {
    usize::from(e.amount.is_some())
        + usize::from(e.jobs.is_some())
        + usize::from(e.horizon.is_some())
        + e.places.len()
        + e.sectors.len()
        + usize::from(e.investor.is_some())
        + usize::from(e.recipient.is_some())
}

/// Merges mentions into one event (see the module docs for the rules).
pub fn merge(id: &str, mentions: &[Mention]) -> Event {
    let evs: Vec<&Event> = mentions.iter().map(|m| &m.event).collect();
    let kind = mode(evs.iter().map(|e| e.kind).filter(|k| *k != Kind::Jobs)).unwrap_or(Kind::Jobs);
    let investor = mode(evs.iter().filter_map(|e| e.investor.clone()));
    let recipient = mode(evs.iter().filter_map(|e| e.recipient.clone()));
    let amount = merged_amount(&evs);
    let mut places: Vec<Place> = Vec::new();
    for e in &evs {
        for p in &e.places {
            let same = places.iter().any(|q| {
                q.country == p.country
                    && q.region == p.region
                    && q.departement == p.departement
                    && q.commune == p.commune
                    && (q.commune.is_some()
                        || q.departement.is_some()
                        || q.region.is_some()
                        || q.text.eq_ignore_ascii_case(&p.text))
            });
            if !same {
                places.push(p.clone());
            }
        }
    }
    places.sort_by_key(place_rank);
    let country = mode(evs.iter().filter_map(|e| e.country.clone()));
    let mut sector_counts: Vec<(Sector, usize, usize)> = Vec::new();
    for e in &evs {
        for s in &e.sectors {
            match sector_counts.iter_mut().find(|(x, _, _)| x == s) {
                Some((_, n, _)) => *n += 1,
                None => {
                    let pos = sector_counts.len();
                    sector_counts.push((*s, 1, pos));
                }
            }
        }
    }
    sector_counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let sectors = sector_counts.into_iter().map(|(s, _, _)| s).collect();
    let most_detailed = |has: &dyn Fn(&Event) -> bool| -> Option<&Event> {
        evs.iter()
            .copied()
            .filter(|e| has(e))
            .fold(None::<&Event>, |best, e| match best {
                Some(b) if detail(b) >= detail(e) => Some(b),
                _ => Some(e),
            })
    };
    let jobs = most_detailed(&|e| e.jobs.is_some()).and_then(|e| e.jobs.clone());
    let horizon = most_detailed(&|e| e.horizon.is_some()).and_then(|e| e.horizon.clone());
    let status = merged_status(&evs);
    let published = evs.iter().filter_map(|e| e.published.clone()).min();
    let confidence = {
        let miss: f64 = evs
            .iter()
            .map(|e| 1.0 - e.confidence.clamp(0.0, 1.0))
            .product();
        let c = (1.0 - miss).min(0.99);
        let max = evs.iter().map(|e| e.confidence).fold(0.0, f64::max);
        (c.max(max.min(1.0)) * 1000.0).round() / 1000.0
    };
    let mut evidence = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    for e in &evs {
        for ev in &e.evidence {
            if !evidence.contains(ev) {
                evidence.push(ev.clone());
            }
        }
        for s in &e.sources {
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
    }
    Event {
        id: id.to_string(),
        kind,
        investor,
        recipient,
        amount,
        places,
        country,
        sectors,
        jobs,
        horizon,
        status,
        published,
        confidence,
        evidence,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-05-13"), Some(19_856));
        assert_eq!(day_number("2024-05"), Some(19_844));
        assert_eq!(day_number("2024"), None);
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(day_number("nonsense"), None);
    }

    #[test]
    fn subsidiaries_block_with_their_parent() {
        let mut e = crate::synth::corpus(1, 1)
            .into_iter()
            .flat_map(|(_, evs)| evs)
            .next()
            .expect("a synthetic event");
        e.investor = Some(vigie_model::Org {
            name: "AWS".into(),
            canonical: "Amazon Web Services".into(),
            country: Some("US".into()),
        });
        assert_eq!(blocking_key(&e).as_deref(), Some("amazon"));
        e.investor = Some(vigie_model::Org {
            name: "Microsoft".into(),
            canonical: "Microsoft".into(),
            country: Some("US".into()),
        });
        assert_eq!(blocking_key(&e).as_deref(), Some("microsoft"));
        for name in ["Émirats arabes unis", "United Arab Emirates"] {
            e.investor = Some(vigie_model::Org {
                name: name.into(),
                canonical: name.into(),
                country: None,
            });
            assert_eq!(blocking_key(&e).as_deref(), Some("state ae"), "{name}");
        }
    }

    fn synthetic() -> Event {
        crate::synth::corpus(1, 1)
            .into_iter()
            .flat_map(|(_, evs)| evs)
            .next()
            .expect("a synthetic event")
    }

    #[test]
    fn lower_bounds_reach_up_to_their_next_digit() {
        let m = |v: f64, q: Qualifier| Money {
            value: v,
            currency: Some("EUR".into()),
            qualifier: q,
            max: None,
            eur: Some(v),
        };
        let d = |a: &Money, b: &Money| amount_diff(a, b).expect("comparable");
        // "plus d'un milliard" and 1.3 bn: no gap; 1.6 bn is beyond the room.
        let bound = m(1e9, Qualifier::AtLeast);
        assert_eq!(d(&bound, &m(1.3e9, Qualifier::Exact)), 0.0);
        // ... but it is not "the same figure" (no tolerance of sites or
        // kinds, no late recollection on the strength of a bound).
        let stated = diff_with(&bound, &m(1.3e9, Qualifier::Exact), false).expect("comparable");
        assert!(stated > NEAR_TOL);
        assert!(d(&bound, &m(1.6e9, Qualifier::Exact)) > 0.0);
        assert!(d(&bound, &m(2e9, Qualifier::Exact)) > AMOUNT_TOL);
        // "plus de 1,2 milliard" reaches 1.3 bn, not 1.5 bn.
        let bound = m(1.2e9, Qualifier::AtLeast);
        assert_eq!(d(&bound, &m(1.25e9, Qualifier::Exact)), 0.0);
        assert!(d(&bound, &m(1.5e9, Qualifier::Exact)) > AMOUNT_TOL);
        // Below a lower bound: the ordinary tolerance, symmetric.
        assert!(d(&bound, &m(1.15e9, Qualifier::Exact)) < AMOUNT_TOL);
        assert_eq!(
            d(&m(1.15e9, Qualifier::Exact), &bound),
            d(&bound, &m(1.15e9, Qualifier::Exact))
        );
        // An exact figure is a point.
        assert!(d(&m(1e9, Qualifier::Exact), &m(1.3e9, Qualifier::Exact)) > AMOUNT_TOL);
    }

    /// Two mentions of one commitment in one article merge in the store
    /// but stay apart when articles are kept apart (`vigie extract`).
    #[test]
    fn articles_kept_apart_never_merge_their_own_mentions() {
        let mention = |id: i64, article: i64, ordinal: usize| Mention {
            id,
            article,
            doc: format!("doc{article}"),
            ordinal,
            event: synthetic(),
        };
        for (apart, clusters) in [(false, 1), (true, 2)] {
            let mut r = Resolver::new();
            r.keep_articles_apart = apart;
            r.add(mention(1, 7, 0));
            r.add(mention(2, 7, 1));
            assert_eq!(r.clusters.len(), clusters, "apart: {apart}");
            // A third report from another article joins the first event.
            let d = r.add(mention(3, 8, 0));
            assert_eq!(d.cluster, 0, "apart: {apart}");
            assert_eq!(r.clusters.len(), clusters);
        }
    }

    #[test]
    fn significant_digits_of_amounts() {
        assert_eq!(significant_digits(1.1e9), 2);
        assert_eq!(significant_digits(4e9), 1);
        assert_eq!(significant_digits(4.05e9), 3);
        assert_eq!(significant_digits(385e6), 3);
        assert_eq!(significant_digits(0.5), 0);
        assert_eq!(significant_digits(f64::NAN), 0);
    }

    #[test]
    fn merged_amount_prefers_the_specific_then_the_frequent_then_the_precise() {
        let m = |v: f64, q: Qualifier| {
            let mut e = synthetic();
            e.amount = Some(Money {
                value: v,
                currency: Some("EUR".into()),
                qualifier: q,
                max: None,
                eur: Some(v),
            });
            e
        };
        let value = |evs: &[Event]| {
            let refs: Vec<&Event> = evs.iter().collect();
            merged_amount(&refs).map(|a| (a.value, a.qualifier))
        };
        // A bound and an exact figure: the exact one, whatever the order.
        let a = m(1e9, Qualifier::AtLeast);
        let b = m(1.1e9, Qualifier::Exact);
        assert_eq!(
            value(&[a.clone(), b.clone()]),
            Some((1.1e9, Qualifier::Exact))
        );
        assert_eq!(value(&[b, a]), Some((1.1e9, Qualifier::Exact)));
        // Three outlets say 4 bn, one 4.05 bn: the most frequent.
        let four = m(4e9, Qualifier::Exact);
        assert_eq!(
            value(&[
                four.clone(),
                four.clone(),
                m(4.05e9, Qualifier::Exact),
                four.clone()
            ]),
            Some((4e9, Qualifier::Exact))
        );
        // One each: the more precise.
        assert_eq!(
            value(&[four, m(4.05e9, Qualifier::Exact)]),
            Some((4.05e9, Qualifier::Exact))
        );
        // The same figure stated as a bound and exactly: one value, exact.
        assert_eq!(
            value(&[
                m(1.2e9, Qualifier::AtLeast),
                m(1.2e9, Qualifier::AtLeast),
                m(1.2e9, Qualifier::Exact)
            ]),
            Some((1.2e9, Qualifier::Exact))
        );
        assert_eq!(value(&[]), None);
    }

    #[test]
    fn merged_status_follows_the_latest_outcome() {
        let s = |st: Status, date: &str| {
            let mut e = synthetic();
            e.status = st;
            e.published = Some(date.into());
            e
        };
        let status = |evs: &[Event]| merged_status(&evs.iter().collect::<Vec<_>>());
        let ann = s(Status::Announced, "2024-01-10");
        assert_eq!(
            status(&[ann.clone(), ann.clone(), s(Status::Completed, "2024-02-01")]),
            Status::Completed
        );
        // Completed, then called off later: cancelled; and the other way round.
        assert_eq!(
            status(&[
                ann.clone(),
                s(Status::Cancelled, "2024-03-01"),
                s(Status::Completed, "2024-02-01")
            ]),
            Status::Cancelled
        );
        assert_eq!(
            status(&[
                s(Status::Cancelled, "2024-01-01"),
                s(Status::Completed, "2024-02-01")
            ]),
            Status::Completed
        );
        // No outcome: the most frequent.
        assert_eq!(
            status(&[s(Status::Planned, "2024-01-01"), ann.clone(), ann]),
            Status::Announced
        );
    }

    #[test]
    fn org_keys() {
        assert_eq!(org_key("Microsoft France"), "microsoft");
        assert_eq!(org_key("MICROSOFT Corp."), "microsoft");
        assert_eq!(org_key("Société Générale"), "societe generale");
        assert_eq!(org_key("Groupe"), "groupe");
    }
}

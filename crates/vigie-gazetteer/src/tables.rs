//! The embedded tables and the patterns made from them.
//!
//! Shared by the library and by `build.rs` (std only): the build script runs
//! [`patterns`] once at compile time and stores the tries and the
//! entries, so that start-up only parses the tables and loads them.
#![allow(dead_code)]

use crate::fold::{fold_name, upper_positions};
use crate::trie::Trie;
use std::collections::HashMap;

pub const COMMUNES: &str = include_str!("../data/communes.tsv");
pub const DEPARTEMENTS: &str = include_str!("../data/departements.tsv");
pub const REGIONS: &str = include_str!("../data/regions.tsv");
pub const AREAS: &str = include_str!("../data/areas.tsv");
pub const PLACES_MANUAL: &str = include_str!("../data/places_manual.tsv");
pub const COUNTRIES: &str = include_str!("../data/countries.tsv");
pub const ORGS: &str = include_str!("../data/orgs.tsv");
pub const SECTORS: &str = include_str!("../data/sectors.tsv");

/// Phrases after which an organisation's name follows.
pub const TRIGGERS: &[&str] = &[
    "la société",
    "le groupe",
    "la start-up",
    "la startup",
    "la jeune pousse",
    "l'entreprise",
    "le fonds",
    "le fonds d'investissement",
    "l'industriel",
    "le fabricant",
    "le constructeur",
    "l'équipementier",
    "l'opérateur",
    "le laboratoire",
    "le spécialiste",
    "l'éditeur",
    "la filiale",
    "la firme",
    "l'investisseur",
    "le géant",
    "the company",
    "the group",
    "the firm",
    "the startup",
    "the start-up",
    "startup",
    "start-up",
];

/// Legal-form suffixes (cf. PyPI `cleanco`, plus SA/SE for France).
pub const SUFFIXES: &[&str] = &[
    "SA",
    "SAS",
    "SASU",
    "SE",
    "SARL",
    "SCA",
    "GmbH",
    "AG",
    "KGaA",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Limited",
    "plc",
    "PLC",
    "NV",
    "N.V.",
    "BV",
    "B.V.",
    "SpA",
    "S.p.A.",
    "LLC",
    "LLP",
    "Corp",
    "Corp.",
    "Corporation",
    "AB",
    "ASA",
    "Oyj",
    "S.L.",
    "SL",
    "A/S",
];

/// Data lines of a table: comments and blank lines skipped, split on tabs.
pub fn rows(table: &'static str) -> impl Iterator<Item = [&'static str; 8]> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut a = [""; 8];
            for (slot, v) in a.iter_mut().zip(l.split('\t')) {
                *slot = v.trim();
            }
            a
        })
}

pub fn col(row: &[&'static str; 8], i: usize) -> &'static str {
    row.get(i).copied().unwrap_or("")
}

pub fn opt(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}

pub fn list(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

#[derive(Debug, Clone)]
pub struct Commune {
    pub code: &'static str,
    pub name: &'static str,
    pub dep: &'static str,
    pub region: &'static str,
    pub population: u32,
    /// Also an ordinary word (`w`) or a person's name (`p`).
    pub wordlike: bool,
    pub namelike: bool,
}

#[derive(Debug, Clone)]
pub struct Departement {
    pub code: &'static str,
    pub name: &'static str,
    pub region: &'static str,
    /// Single-token names, words and person names need context ("dans le Nord").
    pub needs_context: bool,
}

#[derive(Debug, Clone)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
}

/// Area levels: 0 country, 1 region, 2 département, 3 commune, 4 area.
#[derive(Debug, Clone)]
pub struct Area {
    pub names: Vec<&'static str>,
    pub name: &'static str,
    pub level: u8,
    pub country: Option<&'static str>,
    pub region: Option<&'static str>,
    pub dep: Option<&'static str>,
    pub commune: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub code: &'static str,
    pub names: Vec<&'static str>,
    pub dem_fr: Vec<&'static str>,
    pub dem_en: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub canonical: &'static str,
    pub aliases: Vec<&'static str>,
    pub parent: Option<&'static str>,
    pub country: Option<&'static str>,
    pub outlet: bool,
    /// Contract sector tags, comma-separated.
    pub sectors: &'static str,
    /// Names that are also ordinary words or person names (`|`-separated).
    pub ambiguous: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub communes: Vec<Commune>,
    pub deps: Vec<Departement>,
    pub regions: Vec<Region>,
    pub areas: Vec<Area>,
    pub countries: Vec<Country>,
    pub orgs: Vec<Org>,
    /// (phrase, contract sector tag)
    pub sectors: Vec<(&'static str, &'static str)>,
}

pub fn parse() -> Tables {
    let mut t = Tables::default();
    for r in rows(REGIONS) {
        t.regions.push(Region {
            code: col(&r, 0),
            name: col(&r, 1),
        });
    }
    for r in rows(DEPARTEMENTS) {
        let name = col(&r, 1);
        let flags = col(&r, 4);
        let single = !name.contains(['-', ' ', '\'']);
        t.deps.push(Departement {
            code: col(&r, 0),
            name,
            region: col(&r, 2),
            needs_context: single || flags.contains('w') || flags.contains('p'),
        });
    }
    let dep_region: HashMap<&str, &'static str> =
        t.deps.iter().map(|d| (d.code, d.region)).collect();
    t.communes.reserve(35_000);
    for r in rows(COMMUNES) {
        let dep = col(&r, 2);
        let flags = col(&r, 4);
        t.communes.push(Commune {
            code: col(&r, 0),
            name: col(&r, 1),
            region: dep_region.get(dep).copied().unwrap_or(""),
            dep,
            population: col(&r, 3).parse().unwrap_or(0),
            wordlike: flags.contains('w'),
            namelike: flags.contains('p'),
        });
    }
    for r in rows(AREAS) {
        let names: Vec<&'static str> = list(col(&r, 0)).collect();
        let Some(&first) = names.first() else {
            continue;
        };
        t.areas.push(Area {
            names,
            name: first,
            level: 4,
            country: Some("FR"),
            region: opt(col(&r, 2)),
            dep: opt(col(&r, 1)),
            commune: None,
        });
    }
    for r in rows(PLACES_MANUAL) {
        let names: Vec<&'static str> = list(col(&r, 0)).collect();
        let Some(&first) = names.first() else {
            continue;
        };
        let level = match col(&r, 1) {
            "country" => 0,
            "region" => 1,
            "departement" => 2,
            "commune" => 3,
            _ => 4,
        };
        let region = opt(col(&r, 3));
        let name = match level {
            1 => region
                .and_then(|c| t.regions.iter().find(|r| r.code == c))
                .map_or(first, |r| r.name),
            0 => "France",
            _ => first,
        };
        t.areas.push(Area {
            names,
            name,
            level,
            country: opt(col(&r, 2)),
            region,
            dep: opt(col(&r, 4)),
            commune: opt(col(&r, 5)),
        });
    }
    for r in rows(COUNTRIES) {
        t.countries.push(Country {
            code: col(&r, 0),
            names: list(col(&r, 1)).collect(),
            dem_fr: list(col(&r, 2)).collect(),
            dem_en: list(col(&r, 3)).collect(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for r in rows(ORGS) {
        let canonical = col(&r, 0);
        if canonical.is_empty() || !seen.insert(canonical) {
            continue;
        }
        t.orgs.push(Org {
            canonical,
            aliases: list(col(&r, 1)).collect(),
            parent: opt(col(&r, 2)),
            country: opt(col(&r, 3)),
            outlet: col(&r, 4) == "1",
            sectors: col(&r, 5),
            ambiguous: col(&r, 6),
        });
    }
    for r in rows(SECTORS) {
        t.sectors.push((col(&r, 0), col(&r, 1)));
    }
    t
}

/// What a pattern names. Indices point into the [`Tables`] vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Commune(u32),
    /// "Havre" after "au"/"du" for "Le Havre"; "Sables" after "aux"/"des".
    CommuneBare(u32),
    Dep(u32),
    Region(u32),
    Area(u32),
    Country(u32),
    Org(u32),
    DemonymFr(u32),
    DemonymEn(u32),
    /// Row of the sector lexicon.
    Sector(u32),
    /// "la société", "the company": an organisation's name follows.
    Trigger,
    /// A legal-form suffix (SAS, GmbH, Inc.): an organisation's name precedes.
    Suffix,
}

impl Target {
    fn code(self) -> (u8, u32) {
        match self {
            Target::Commune(i) => (0, i),
            Target::CommuneBare(i) => (1, i),
            Target::Dep(i) => (2, i),
            Target::Region(i) => (3, i),
            Target::Area(i) => (4, i),
            Target::Country(i) => (5, i),
            Target::Org(i) => (6, i),
            Target::DemonymFr(i) => (7, i),
            Target::DemonymEn(i) => (8, i),
            Target::Sector(i) => (9, i),
            Target::Trigger => (10, 0),
            Target::Suffix => (11, 0),
        }
    }

    fn from_code(k: u8, i: u32) -> Option<Target> {
        Some(match k {
            0 => Target::Commune(i),
            1 => Target::CommuneBare(i),
            2 => Target::Dep(i),
            3 => Target::Region(i),
            4 => Target::Area(i),
            5 => Target::Country(i),
            6 => Target::Org(i),
            7 => Target::DemonymFr(i),
            8 => Target::DemonymEn(i),
            9 => Target::Sector(i),
            10 => Target::Trigger,
            11 => Target::Suffix,
            _ => return None,
        })
    }
}

/// A pattern's entry while building.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildEntry {
    pub target: Target,
    /// Positions in the folded name that must be capitals in the text.
    pub upper: Vec<u16>,
    /// The name is also an ordinary word or a person's name.
    pub ambiguous: bool,
}

/// A pattern's entry as loaded: capitals are a range of [`Compiled::uppers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub target: Target,
    pub upper_start: u32,
    pub upper_len: u8,
    pub ambiguous: bool,
}

/// All entries, flat: pattern `p` owns `entries[offsets[p]..offsets[p + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    pub offsets: Vec<u32>,
    pub entries: Vec<Entry>,
    pub uppers: Vec<u16>,
}

impl Compiled {
    pub fn of(&self, pat: usize) -> &[Entry] {
        let s = self.offsets.get(pat).copied().unwrap_or(0) as usize;
        let e = self.offsets.get(pat + 1).copied().unwrap_or(0) as usize;
        self.entries.get(s..e).unwrap_or(&[])
    }

    pub fn upper(&self, e: &Entry) -> &[u16] {
        let s = e.upper_start as usize;
        self.uppers.get(s..s + e.upper_len as usize).unwrap_or(&[])
    }

    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Some entry of pattern `pat` accepts a lowercase first letter (else
    /// every entry wants a capital at the start of the match).
    pub fn lower_ok(&self, pat: usize) -> bool {
        self.of(pat)
            .iter()
            .any(|e| self.upper(e).first() != Some(&0))
    }
}

/// The two tries of the patterns (without their leading frame space; values
/// are pattern ids): those some entry of which accepts a lowercase start
/// (walked from every word) and those that need a capital first letter
/// (walked from capitalised words only).
pub fn tries(keys: &[String], entries: &Compiled) -> (Trie, Trie) {
    let (mut lower, mut cap) = (Vec::new(), Vec::new());
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k.strip_prefix(' ') else {
            continue;
        };
        let v = (k.as_bytes(), u(i));
        if entries.lower_ok(i) {
            lower.push(v);
        } else {
            cap.push(v);
        }
    }
    (Trie::build(&lower), Trie::build(&cap))
}

struct Builder {
    map: HashMap<String, u32>,
    keys: Vec<String>,
    entries: Vec<Vec<BuildEntry>>,
}

impl Builder {
    fn add(&mut self, name: &str, target: Target, ambiguous: bool, case_free: bool) {
        let folded = fold_name(name);
        if folded.is_empty() {
            return;
        }
        let upper = if case_free {
            Vec::new()
        } else {
            upper_positions(name)
        };
        let key = format!(" {folded} ");
        let next = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        let id = *self.map.entry(key.clone()).or_insert(next);
        if id == next {
            self.keys.push(key);
            self.entries.push(Vec::new());
        }
        if let Some(v) = self.entries.get_mut(id as usize) {
            if !v.iter().any(|e| e.target == target) {
                v.push(BuildEntry {
                    target,
                    upper,
                    ambiguous,
                });
            }
        }
    }
}

fn u(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Every pattern (framed folded name, in id order) and its entries.
pub fn patterns(t: &Tables) -> (Vec<String>, Vec<Vec<BuildEntry>>) {
    let mut b = Builder {
        map: HashMap::with_capacity(60_000),
        keys: Vec::with_capacity(60_000),
        entries: Vec::with_capacity(60_000),
    };
    for (i, r) in t.regions.iter().enumerate() {
        b.add(r.name, Target::Region(u(i)), false, false);
    }
    for (i, d) in t.deps.iter().enumerate() {
        b.add(d.name, Target::Dep(u(i)), d.needs_context, false);
    }
    for (i, c) in t.communes.iter().enumerate() {
        let amb = c.wordlike || c.namelike;
        b.add(c.name, Target::Commune(u(i)), amb, false);
        for art in ["Le ", "Les "] {
            if let Some(rest) = c.name.strip_prefix(art) {
                b.add(rest, Target::CommuneBare(u(i)), amb, false);
            }
        }
    }
    for (i, a) in t.areas.iter().enumerate() {
        for n in &a.names {
            b.add(n, Target::Area(u(i)), false, false);
        }
    }
    for (i, c) in t.countries.iter().enumerate() {
        for n in &c.names {
            b.add(n, Target::Country(u(i)), false, false);
        }
        for d in &c.dem_fr {
            b.add(&d.to_lowercase(), Target::DemonymFr(u(i)), false, false);
        }
        for d in &c.dem_en {
            b.add(d, Target::DemonymEn(u(i)), false, false);
        }
        if let Some(en) = c.names.get(1) {
            b.add(
                &format!("{en}-based"),
                Target::DemonymEn(u(i)),
                false,
                false,
            );
        }
        if c.code == "US" {
            for n in ["US-based", "U.S.-based", "USA-based"] {
                b.add(n, Target::DemonymEn(u(i)), false, false);
            }
        }
        if c.code == "GB" {
            b.add("UK-based", Target::DemonymEn(u(i)), false, false);
        }
    }
    for (i, o) in t.orgs.iter().enumerate() {
        let ambiguous: Vec<String> = list(o.ambiguous).map(fold_name).collect();
        for n in std::iter::once(&o.canonical).chain(o.aliases.iter()) {
            let amb = ambiguous.contains(&fold_name(n));
            b.add(n, Target::Org(u(i)), amb, false);
        }
    }
    for (i, (phrase, _)) in t.sectors.iter().enumerate() {
        b.add(phrase, Target::Sector(u(i)), false, false);
    }
    for tr in TRIGGERS {
        b.add(tr, Target::Trigger, false, true);
    }
    for s in SUFFIXES {
        b.add(s, Target::Suffix, false, false);
    }
    (b.keys, b.entries)
}

/// Compact little-endian encoding of the entries (written by `build.rs`).
pub fn encode_entries(entries: &[Vec<BuildEntry>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 12);
    out.extend_from_slice(&u(entries.len()).to_le_bytes());
    for v in entries {
        out.push(u8::try_from(v.len()).unwrap_or(u8::MAX));
        for e in v.iter().take(255) {
            let (k, i) = e.target.code();
            out.push(k);
            out.extend_from_slice(&i.to_le_bytes());
            out.push(u8::from(e.ambiguous));
            out.push(u8::try_from(e.upper.len()).unwrap_or(u8::MAX));
            for &p in e.upper.iter().take(255) {
                out.extend_from_slice(&p.to_le_bytes());
            }
        }
    }
    out
}

/// Inverse of [`encode_entries`]; `None` on malformed input.
pub fn decode_entries(mut b: &[u8]) -> Option<Compiled> {
    fn take<'a>(b: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (h, t) = (b.get(..n)?, b.get(n..)?);
        *b = t;
        Some(h)
    }
    let n = u32::from_le_bytes(take(&mut b, 4)?.try_into().ok()?) as usize;
    let mut c = Compiled {
        offsets: Vec::with_capacity(n + 1),
        entries: Vec::with_capacity(n + n / 4),
        uppers: Vec::with_capacity(n * 2),
    };
    for _ in 0..n {
        c.offsets.push(u(c.entries.len()));
        let m = *take(&mut b, 1)?.first()? as usize;
        for _ in 0..m {
            let k = *take(&mut b, 1)?.first()?;
            let i = u32::from_le_bytes(take(&mut b, 4)?.try_into().ok()?);
            let ambiguous = *take(&mut b, 1)?.first()? != 0;
            let nu = *take(&mut b, 1)?.first()?;
            let upper_start = u(c.uppers.len());
            for p in take(&mut b, 2 * nu as usize)?.chunks_exact(2) {
                c.uppers.push(u16::from_le_bytes([p[0], p[1]]));
            }
            c.entries.push(Entry {
                target: Target::from_code(k, i)?,
                upper_start,
                upper_len: nu,
                ambiguous,
            });
        }
    }
    c.offsets.push(u(c.entries.len()));
    b.is_empty().then_some(c)
}

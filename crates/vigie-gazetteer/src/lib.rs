//! Gazetteers: French geography (INSEE communes, départements, régions and the
//! press's own forms), countries and demonyms, organisations (a hand-written
//! table of the investors French and European news names most plus S&P 500 /
//! NASDAQ-100 constituents) and a sector lexicon, all compiled into the binary
//! and matched in one pass of a double-array Aho-Corasick automaton.
//!
//! Matching runs on a folded copy of the text (lowercase, no accents, one
//! space between words, see [`fold`]) so that "Ile-de-France", "ÎLE-DE-FRANCE"
//! and "Île-de-France" meet the same pattern; every match is then checked
//! against the original: capitals of the name must be capitals in the text,
//! names that are also ordinary words or person names need context, and a
//! place inside an organisation's name is not a place. Precision comes before
//! recall. All offsets are byte offsets into the text given.
//!
//! ```
//! let g = vigie_gazetteer::Gazetteer::new();
//! let p = g.places("L'usine de Mulhouse (Haut-Rhin) ouvrira en 2027.");
//! assert_eq!(p[0].commune.as_deref(), Some("68224"));
//! ```

use std::collections::HashMap;

use daachorse::DoubleArrayAhoCorasick;
use serde::{Deserialize, Serialize};
use vigie_model::Sector;

mod data;
pub mod fold;
mod scan;

use data::{col, list, opt, rows};
use fold::{fold_name, upper_positions};

/// How specific a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum PlaceLevel {
    Country,
    Region,
    Departement,
    Commune,
    /// A metropolitan area, a former region, a named zone ("Paris-Saclay").
    Area,
}

/// A place found in the text. Codes are INSEE codes for France.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMatch {
    /// Byte span in the text given.
    pub start: usize,
    pub end: usize,
    /// The text of the span.
    pub text: String,
    pub level: PlaceLevel,
    /// Canonical name (French).
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub region: Option<String>,
    pub departement: Option<String>,
    pub commune: Option<String>,
}

impl PlaceMatch {
    /// The contract's place record.
    pub fn to_place(&self) -> vigie_model::Place {
        vigie_model::Place {
            text: self.text.clone(),
            country: self.country.clone(),
            region: self.region.clone(),
            departement: self.departement.clone(),
            commune: self.commune.clone(),
        }
    }
}

/// An organisation found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgMatch {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Canonical name ("Amazon Web Services" for "AWS").
    pub canonical: String,
    /// Parent company's canonical name ("Amazon" for AWS).
    pub parent: Option<String>,
    /// ISO 3166-1 alpha-2 home country.
    pub country: Option<String>,
    /// A news outlet or agency: it reports, it does not invest.
    pub outlet: bool,
    /// From the table (`true`) or recognised by a pattern ("la société X").
    pub known: bool,
}

impl OrgMatch {
    /// The contract's organisation record.
    pub fn to_org(&self) -> vigie_model::Org {
        vigie_model::Org {
            name: self.text.clone(),
            canonical: self.canonical.clone(),
            country: self.country.clone(),
        }
    }
}

/// A nationality word naming a country ("américain", "the French company",
/// "US-based").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemonymMatch {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

/// A word or phrase naming a sector ("centre de données" -> datacenter_cloud).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorMatch {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub sector: Sector,
}

/// Everything the gazetteer finds in one text (one pass).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub places: Vec<PlaceMatch>,
    pub orgs: Vec<OrgMatch>,
    pub demonyms: Vec<DemonymMatch>,
    pub sectors: Vec<SectorMatch>,
}

/// A commune of the INSEE table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneInfo {
    pub code: String,
    pub name: String,
    pub departement: String,
    pub region: String,
    pub population: u32,
}

/// An organisation of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgInfo {
    pub canonical: String,
    pub parent: Option<String>,
    pub country: Option<String>,
    pub outlet: bool,
    pub sectors: Vec<Sector>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Commune(u32),
    /// "Havre" after "au"/"du" for "Le Havre"; "Sables" after "aux"/"des".
    CommuneBare(u32),
    Dep(u16),
    Region(u16),
    Area(u16),
    Country(u16),
    Org(u32),
    DemonymFr(u16),
    DemonymEn(u16),
    Sector(Sector),
    /// "la société", "le groupe", "the company": an organisation name follows.
    Trigger,
    /// A legal-form suffix (SAS, GmbH, Inc.): an organisation name precedes.
    Suffix,
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub target: Target,
    /// Positions in the folded name that must be capitals in the text.
    pub upper: Box<[u16]>,
    /// The name is also an ordinary word or a person's name.
    pub ambiguous: bool,
}

/// The gazetteers, compiled. Cheap to share (`Send + Sync`), immutable.
pub struct Gazetteer {
    ac: DoubleArrayAhoCorasick<u32>,
    /// Per pattern: the entries it names.
    entries: Vec<Vec<Entry>>,
    /// Per pattern: some entry accepts a lowercase start.
    lower_ok: Vec<bool>,
    communes: Vec<data::Commune>,
    deps: Vec<data::Departement>,
    regions: Vec<data::Region>,
    areas: Vec<data::Area>,
    countries: Vec<data::Country>,
    orgs: Vec<data::Org>,
    commune_by_code: HashMap<String, u32>,
    dep_by_code: HashMap<String, u16>,
    region_by_code: HashMap<String, u16>,
    country_by_code: HashMap<String, u16>,
    org_by_name: HashMap<String, u32>,
    /// Framed folded pattern -> pattern id.
    pattern_ids: HashMap<String, u32>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("patterns", &self.entries.len())
            .field("communes", &self.communes.len())
            .field("countries", &self.countries.len())
            .field("orgs", &self.orgs.len())
            .finish()
    }
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

/// Phrases after which an organisation's name follows.
const TRIGGERS: &[&str] = &[
    "la société",
    "la societe",
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
const SUFFIXES: &[&str] = &[
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
    "AS",
    "A/S",
];

struct Builder {
    map: HashMap<String, u32>,
    entries: Vec<Vec<Entry>>,
}

impl Builder {
    fn add(&mut self, name: &str, target: Target, ambiguous: bool, case_free: bool) {
        let folded = fold_name(name);
        if folded.is_empty() {
            return;
        }
        let upper: Box<[u16]> = if case_free {
            Box::new([])
        } else {
            upper_positions(name).into_boxed_slice()
        };
        let key = format!(" {folded} ");
        let next = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let id = *self.map.entry(key).or_insert(next);
        if id == next {
            self.entries.push(Vec::new());
        }
        if let Some(v) = self.entries.get_mut(id as usize) {
            if !v.iter().any(|e| e.target == target) {
                v.push(Entry {
                    target,
                    upper,
                    ambiguous,
                });
            }
        }
    }
}

fn idx16(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}
fn idx32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl Gazetteer {
    /// Builds the gazetteers from the embedded data.
    pub fn new() -> Gazetteer {
        let mut b = Builder {
            map: HashMap::with_capacity(60_000),
            entries: Vec::with_capacity(60_000),
        };

        // Régions and départements first: communes need their codes.
        let mut regions = Vec::new();
        for r in rows(data::REGIONS) {
            regions.push(data::Region {
                code: col(&r, 0).to_string(),
                name: col(&r, 1).to_string(),
            });
        }
        for (i, r) in regions.iter().enumerate() {
            b.add(&r.name, Target::Region(idx16(i)), false, false);
        }
        let mut deps = Vec::new();
        for r in rows(data::DEPARTEMENTS) {
            let name = col(&r, 1);
            let flags = col(&r, 4);
            let single = !name.contains(['-', ' ', '\'']);
            deps.push(data::Departement {
                code: col(&r, 0).to_string(),
                name: name.to_string(),
                region: col(&r, 2).to_string(),
                needs_context: single || flags.contains('w') || flags.contains('p'),
            });
        }
        for (i, d) in deps.iter().enumerate() {
            b.add(&d.name, Target::Dep(idx16(i)), d.needs_context, false);
        }
        let dep_by_code: HashMap<String, u16> = deps
            .iter()
            .enumerate()
            .map(|(i, d)| (d.code.clone(), idx16(i)))
            .collect();
        let region_by_code: HashMap<String, u16> = regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.clone(), idx16(i)))
            .collect();

        let mut communes = Vec::with_capacity(35_000);
        for r in rows(data::COMMUNES) {
            let dep = col(&r, 2).to_string();
            let region = dep_by_code
                .get(&dep)
                .and_then(|&i| deps.get(i as usize))
                .map(|d| d.region.clone())
                .unwrap_or_default();
            let flags = col(&r, 4);
            communes.push(data::Commune {
                code: col(&r, 0).to_string(),
                name: col(&r, 1).to_string(),
                dep,
                region,
                population: col(&r, 3).parse().unwrap_or(0),
                wordlike: flags.contains('w'),
                namelike: flags.contains('p'),
            });
        }
        for (i, c) in communes.iter().enumerate() {
            let amb = c.wordlike || c.namelike;
            b.add(&c.name, Target::Commune(idx32(i)), amb, false);
            for art in ["Le ", "Les "] {
                if let Some(rest) = c.name.strip_prefix(art) {
                    b.add(rest, Target::CommuneBare(idx32(i)), amb, false);
                }
            }
        }
        let commune_by_code = communes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), idx32(i)))
            .collect();

        let mut areas = Vec::new();
        for r in rows(data::AREAS) {
            let names: Vec<&str> = list(col(&r, 0)).collect();
            let Some(first) = names.first() else { continue };
            let i = idx16(areas.len());
            areas.push(data::Area {
                name: first.to_string(),
                level: PlaceLevel::Area,
                country: Some("FR".into()),
                region: opt(col(&r, 2)),
                dep: opt(col(&r, 1)),
                commune: None,
            });
            for n in names {
                b.add(n, Target::Area(i), false, false);
            }
        }
        for r in rows(data::PLACES_MANUAL) {
            let names: Vec<&str> = list(col(&r, 0)).collect();
            let Some(first) = names.first() else { continue };
            let level = match col(&r, 1) {
                "country" => PlaceLevel::Country,
                "region" => PlaceLevel::Region,
                "departement" => PlaceLevel::Departement,
                "commune" => PlaceLevel::Commune,
                _ => PlaceLevel::Area,
            };
            let region = opt(col(&r, 3));
            let canonical = match level {
                PlaceLevel::Region => region
                    .as_ref()
                    .and_then(|c| region_by_code.get(c))
                    .and_then(|&i| regions.get(i as usize))
                    .map_or_else(|| first.to_string(), |r| r.name.clone()),
                PlaceLevel::Country => "France".to_string(),
                _ => first.to_string(),
            };
            let i = idx16(areas.len());
            areas.push(data::Area {
                name: canonical,
                level,
                country: opt(col(&r, 2)),
                region,
                dep: opt(col(&r, 4)),
                commune: opt(col(&r, 5)),
            });
            for n in names {
                b.add(n, Target::Area(i), false, false);
            }
        }

        let mut countries = Vec::new();
        for r in rows(data::COUNTRIES) {
            let code = col(&r, 0).to_string();
            let names: Vec<&str> = list(col(&r, 1)).collect();
            let i = idx16(countries.len());
            countries.push(data::Country {
                code: code.clone(),
                name: names
                    .first()
                    .map_or_else(|| code.clone(), |s| s.to_string()),
            });
            for n in &names {
                b.add(n, Target::Country(i), false, false);
            }
            for d in list(col(&r, 2)) {
                b.add(&d.to_lowercase(), Target::DemonymFr(i), false, false);
            }
            for d in list(col(&r, 3)) {
                b.add(d, Target::DemonymEn(i), false, false);
            }
            if let Some(en) = names.get(1) {
                b.add(&format!("{en}-based"), Target::DemonymEn(i), false, false);
            }
            if code == "US" {
                for n in ["US-based", "U.S.-based", "USA-based"] {
                    b.add(n, Target::DemonymEn(i), false, false);
                }
            }
            if code == "GB" {
                b.add("UK-based", Target::DemonymEn(i), false, false);
            }
        }
        let country_by_code = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), idx16(i)))
            .collect();

        let mut orgs = Vec::new();
        let mut org_by_name = HashMap::new();
        for r in rows(data::ORGS) {
            let canonical = col(&r, 0).to_string();
            if canonical.is_empty() || org_by_name.contains_key(&canonical) {
                continue;
            }
            let i = idx32(orgs.len());
            let ambiguous: Vec<String> = list(col(&r, 6)).map(fold_name).collect();
            let mut names = vec![canonical.as_str()];
            names.extend(list(col(&r, 1)));
            for n in names {
                let amb = ambiguous.contains(&fold_name(n));
                b.add(n, Target::Org(i), amb, false);
            }
            org_by_name.insert(canonical.clone(), i);
            orgs.push(data::Org {
                canonical,
                parent: opt(col(&r, 2)),
                country: opt(col(&r, 3)),
                outlet: col(&r, 4) == "1",
                sectors: data::sectors(col(&r, 5)),
            });
        }

        for r in rows(data::SECTORS) {
            let phrase = col(&r, 0);
            if let Ok(s) = col(&r, 1).parse::<Sector>() {
                b.add(phrase, Target::Sector(s), false, false);
            }
        }
        for t in TRIGGERS {
            b.add(t, Target::Trigger, false, true);
        }
        for s in SUFFIXES {
            b.add(s, Target::Suffix, false, false);
        }

        let t_ac = std::time::Instant::now();
        let ac = DoubleArrayAhoCorasick::with_values(b.map.iter().map(|(k, &v)| (k.as_str(), v)))
            .unwrap_or_else(|_| empty_automaton());
        if std::env::var_os("VIGIE_GAZ_PROFILE").is_some() {
            eprintln!(
                "ac build {:?}, {} patterns",
                t_ac.elapsed(),
                b.entries.len()
            );
        }
        let lower_ok = b
            .entries
            .iter()
            .map(|v| v.iter().any(|e| e.upper.first() != Some(&0)))
            .collect();

        Gazetteer {
            ac,
            entries: b.entries,
            lower_ok,
            communes,
            deps,
            regions,
            areas,
            countries,
            orgs,
            commune_by_code,
            dep_by_code,
            region_by_code,
            country_by_code,
            org_by_name,
            pattern_ids: b.map,
        }
    }

    /// Everything at once: places, organisations, demonyms, sectors.
    pub fn analyze(&self, text: &str) -> Analysis {
        scan::analyze(self, text)
    }

    /// Places (countries, régions, départements, communes, areas), in order.
    pub fn places(&self, text: &str) -> Vec<PlaceMatch> {
        self.analyze(text).places
    }

    /// Countries only (places of level `Country`).
    pub fn countries(&self, text: &str) -> Vec<PlaceMatch> {
        let mut p = self.places(text);
        p.retain(|p| p.level == PlaceLevel::Country);
        p
    }

    /// Organisations, in order.
    pub fn orgs(&self, text: &str) -> Vec<OrgMatch> {
        self.analyze(text).orgs
    }

    /// Demonyms ("américain", "German", "US-based"), in order.
    pub fn demonyms(&self, text: &str) -> Vec<DemonymMatch> {
        self.analyze(text).demonyms
    }

    /// Sector words and phrases, in order.
    pub fn sectors(&self, text: &str) -> Vec<SectorMatch> {
        self.analyze(text).sectors
    }

    /// A commune by INSEE code.
    pub fn commune(&self, code: &str) -> Option<CommuneInfo> {
        let c = self
            .communes
            .get(*self.commune_by_code.get(code)? as usize)?;
        Some(CommuneInfo {
            code: c.code.clone(),
            name: c.name.clone(),
            departement: c.dep.clone(),
            region: c.region.clone(),
            population: c.population,
        })
    }

    /// A département's name by code ("68" -> "Haut-Rhin").
    pub fn departement_name(&self, code: &str) -> Option<&str> {
        let d = self.deps.get(*self.dep_by_code.get(code)? as usize)?;
        Some(&d.name)
    }

    /// The région code of a département ("68" -> "44").
    pub fn departement_region(&self, code: &str) -> Option<&str> {
        let d = self.deps.get(*self.dep_by_code.get(code)? as usize)?;
        Some(&d.region)
    }

    /// A région's name by code ("84" -> "Auvergne-Rhône-Alpes").
    pub fn region_name(&self, code: &str) -> Option<&str> {
        let r = self.regions.get(*self.region_by_code.get(code)? as usize)?;
        Some(&r.name)
    }

    /// A country's French name by ISO alpha-2 code ("DE" -> "Allemagne").
    pub fn country_name(&self, code: &str) -> Option<&str> {
        let c = self
            .countries
            .get(*self.country_by_code.get(code)? as usize)?;
        Some(&c.name)
    }

    /// An organisation of the table by canonical name.
    pub fn org(&self, canonical: &str) -> Option<OrgInfo> {
        let o = self.orgs.get(*self.org_by_name.get(canonical)? as usize)?;
        Some(OrgInfo {
            canonical: o.canonical.clone(),
            parent: o.parent.clone(),
            country: o.country.clone(),
            outlet: o.outlet,
            sectors: o.sectors.clone(),
        })
    }

    /// Number of organisations in the table.
    pub fn org_count(&self) -> usize {
        self.orgs.len()
    }
}

fn empty_automaton() -> DoubleArrayAhoCorasick<u32> {
    // A pattern that folded text never contains (no control bytes survive folding).
    match DoubleArrayAhoCorasick::with_values([("\u{1}", 0u32)]) {
        Ok(a) => a,
        Err(_) => unreachable_automaton(),
    }
}

#[allow(clippy::panic)]
fn unreachable_automaton() -> DoubleArrayAhoCorasick<u32> {
    // Building a one-pattern automaton cannot fail; keep the type total.
    panic!("daachorse failed to build a one-pattern automaton")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Gazetteer>();
        let g = Gazetteer::new();
        assert!(g.communes.len() > 34_000);
        assert!(g.org_count() > 900);
        assert_eq!(g.region_name("84"), Some("Auvergne-Rhône-Alpes"));
        assert_eq!(g.departement_region("68"), Some("44"));
        assert_eq!(g.country_name("DE"), Some("Allemagne"));
        assert_eq!(g.commune("68224").map(|c| c.name), Some("Mulhouse".into()));
        assert_eq!(
            g.org("Amazon Web Services").and_then(|o| o.parent),
            Some("Amazon".into())
        );
    }
}

//! Gazetteers: French geography (INSEE communes, départements, régions and the
//! press's own forms), countries and demonyms, organisations (a hand-written
//! table of the investors French and European news names most plus S&P 500 /
//! NASDAQ-100 constituents) and a sector lexicon, all compiled into the binary
//! as two `yada` double-array tries (see `trie.rs`, built by `build.rs`) walked from
//! the words of the text: every name starts at a word.
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

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use vigie_model::Sector;

pub mod fold;
mod scan;
mod tables;
mod trie;

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

/// A place found in the text, borrowing the text and the compiled tables
/// (no allocation): see [`Gazetteer::analyze_ref`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlaceRef<'t> {
    /// Byte span in the text given.
    pub start: usize,
    pub end: usize,
    /// The text of the span.
    pub text: &'t str,
    pub level: PlaceLevel,
    /// Canonical name (French).
    pub name: &'static str,
    /// ISO 3166-1 alpha-2.
    pub country: Option<&'static str>,
    pub region: Option<&'static str>,
    pub departement: Option<&'static str>,
    pub commune: Option<&'static str>,
}

impl PlaceRef<'_> {
    /// The owned form.
    pub fn to_match(&self) -> PlaceMatch {
        PlaceMatch {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            level: self.level,
            name: self.name.to_string(),
            country: self.country.map(str::to_string),
            region: self.region.map(str::to_string),
            departement: self.departement.map(str::to_string),
            commune: self.commune.map(str::to_string),
        }
    }
}

/// An organisation found in the text, borrowing the text and the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OrgRef<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    /// Canonical name (from the table, or the text for an organisation
    /// recognised by a pattern).
    pub canonical: &'t str,
    pub parent: Option<&'static str>,
    pub country: Option<&'static str>,
    pub outlet: bool,
    pub known: bool,
}

impl OrgRef<'_> {
    /// The owned form.
    pub fn to_match(&self) -> OrgMatch {
        OrgMatch {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            canonical: self.canonical.to_string(),
            parent: self.parent.map(str::to_string),
            country: self.country.map(str::to_string),
            outlet: self.outlet,
            known: self.known,
        }
    }
}

/// A demonym found in the text, borrowing the text and the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DemonymRef<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    /// ISO 3166-1 alpha-2.
    pub country: &'static str,
}

impl DemonymRef<'_> {
    /// The owned form.
    pub fn to_match(&self) -> DemonymMatch {
        DemonymMatch {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            country: self.country.to_string(),
        }
    }
}

/// A sector word found in the text, borrowing the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SectorRef<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub sector: Sector,
}

impl SectorRef<'_> {
    /// The owned form.
    pub fn to_match(&self) -> SectorMatch {
        SectorMatch {
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            sector: self.sector,
        }
    }
}

/// Everything the gazetteer finds in one text, borrowing the text and the
/// tables: the same matches as [`Analysis`], without a string allocated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AnalysisRef<'t> {
    pub places: Vec<PlaceRef<'t>>,
    pub orgs: Vec<OrgRef<'t>>,
    pub demonyms: Vec<DemonymRef<'t>>,
    pub sectors: Vec<SectorRef<'t>>,
}

impl AnalysisRef<'_> {
    /// The owned form.
    pub fn to_analysis(&self) -> Analysis {
        Analysis {
            places: self.places.iter().map(PlaceRef::to_match).collect(),
            orgs: self.orgs.iter().map(OrgRef::to_match).collect(),
            demonyms: self.demonyms.iter().map(DemonymRef::to_match).collect(),
            sectors: self.sectors.iter().map(SectorRef::to_match).collect(),
        }
    }
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

/// The gazetteers, compiled. Cheap to share (`Send + Sync`), immutable.
pub struct Gazetteer {
    /// The patterns some entry of which accepts a lowercase start, walked
    /// from every word of the folded text (values are pattern ids).
    lower: trie::Trie,
    /// The patterns that need a capital first letter, walked from the
    /// capitalised words only.
    cap: trie::Trie,
    /// Per pattern: the entries it names.
    entries: tables::Compiled,
    communes: Vec<tables::Commune>,
    deps: Vec<tables::Departement>,
    regions: Vec<tables::Region>,
    areas: Vec<tables::Area>,
    countries: Vec<tables::Country>,
    orgs: Vec<tables::Org>,
    org_sectors: Vec<Vec<Sector>>,
    /// Per row of the sector lexicon.
    sector_tags: Vec<Option<Sector>>,
    commune_by_code: HashMap<&'static str, u32>,
    dep_by_code: HashMap<&'static str, u32>,
    region_by_code: HashMap<&'static str, u32>,
    country_by_code: HashMap<&'static str, u32>,
    org_by_name: HashMap<&'static str, u32>,
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

/// Tries and entries compiled by `build.rs`.
const TRIE_LOWER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/trie_lower.bin"));
const TRIE_CAP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/trie_cap.bin"));
const ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/entries.bin"));

fn index<T>(v: &[T], key: impl Fn(&T) -> &'static str) -> HashMap<&'static str, u32> {
    v.iter()
        .enumerate()
        .map(|(i, x)| (key(x), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect()
}

impl Gazetteer {
    /// Builds the gazetteers from the embedded data (the tries themselves
    /// are compiled at build time and only loaded here).
    pub fn new() -> Gazetteer {
        let t = tables::parse();
        let loaded = trie::Trie::from_bytes(Cow::Borrowed(TRIE_LOWER))
            .zip(trie::Trie::from_bytes(Cow::Borrowed(TRIE_CAP)))
            .zip(tables::decode_entries(ENTRIES));
        let ((lower, cap), entries) = match loaded {
            Some(x) => x,
            None => {
                // Not expected: build.rs failed. Compile at run time instead.
                let (keys, entries) = tables::patterns(&t);
                let entries =
                    tables::decode_entries(&tables::encode_entries(&entries)).unwrap_or_default();
                (tables::tries(&keys, &entries), entries)
            }
        };
        let org_sectors = t
            .orgs
            .iter()
            .map(|o| {
                o.sectors
                    .split(',')
                    .filter_map(|x| x.trim().parse().ok())
                    .collect()
            })
            .collect();
        let sector_tags = t.sectors.iter().map(|&(_, tag)| tag.parse().ok()).collect();
        Gazetteer {
            lower,
            cap,
            entries,
            commune_by_code: index(&t.communes, |c| c.code),
            dep_by_code: index(&t.deps, |d| d.code),
            region_by_code: index(&t.regions, |r| r.code),
            country_by_code: index(&t.countries, |c| c.code),
            org_by_name: index(&t.orgs, |o| o.canonical),
            org_sectors,
            sector_tags,
            communes: t.communes,
            deps: t.deps,
            regions: t.regions,
            areas: t.areas,
            countries: t.countries,
            orgs: t.orgs,
        }
    }

    /// The pattern id of exactly this (framed, folded) key, if any.
    pub(crate) fn exact(&self, key: &str) -> Option<u32> {
        // Tries hold the patterns without their leading space; a pattern is
        // in one or the other.
        let k = key.strip_prefix(' ')?.as_bytes();
        self.lower.get(k).or_else(|| self.cap.get(k))
    }

    /// Everything at once: places, organisations, demonyms, sectors.
    pub fn analyze(&self, text: &str) -> Analysis {
        scan::analyze(self, text).to_analysis()
    }

    /// The same as [`Gazetteer::analyze`], borrowing the text and the
    /// compiled tables instead of copying them into strings: the fast form
    /// for callers that keep only part of the matches.
    pub fn analyze_ref<'t>(&self, text: &'t str) -> AnalysisRef<'t> {
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
            code: c.code.to_string(),
            name: c.name.to_string(),
            departement: c.dep.to_string(),
            region: c.region.to_string(),
            population: c.population,
        })
    }

    /// A département's name by code ("68" -> "Haut-Rhin").
    pub fn departement_name(&self, code: &str) -> Option<&str> {
        let d = self.deps.get(*self.dep_by_code.get(code)? as usize)?;
        Some(d.name)
    }

    /// The région code of a département ("68" -> "44").
    pub fn departement_region(&self, code: &str) -> Option<&str> {
        let d = self.deps.get(*self.dep_by_code.get(code)? as usize)?;
        Some(d.region)
    }

    /// A région's name by code ("84" -> "Auvergne-Rhône-Alpes").
    pub fn region_name(&self, code: &str) -> Option<&str> {
        let r = self.regions.get(*self.region_by_code.get(code)? as usize)?;
        Some(r.name)
    }

    /// A country's French name by ISO alpha-2 code ("DE" -> "Allemagne").
    pub fn country_name(&self, code: &str) -> Option<&str> {
        let c = self
            .countries
            .get(*self.country_by_code.get(code)? as usize)?;
        c.names.first().copied()
    }

    /// An organisation of the table by canonical name.
    pub fn org(&self, canonical: &str) -> Option<OrgInfo> {
        let o = self.orgs.get(*self.org_by_name.get(canonical)? as usize)?;
        Some(OrgInfo {
            canonical: o.canonical.to_string(),
            parent: o.parent.map(str::to_string),
            country: o.country.map(str::to_string),
            outlet: o.outlet,
            sectors: self
                .org_sectors
                .get(*self.org_by_name.get(canonical)? as usize)
                .cloned()
                .unwrap_or_default(),
        })
    }

    /// Number of organisations in the table.
    pub fn org_count(&self) -> usize {
        self.orgs.len()
    }
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

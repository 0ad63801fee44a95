//! The embedded tables (see `data/` and `scripts/build_data.py`).

use vigie_model::Sector;

pub const COMMUNES: &str = include_str!("../data/communes.tsv");
pub const DEPARTEMENTS: &str = include_str!("../data/departements.tsv");
pub const REGIONS: &str = include_str!("../data/regions.tsv");
pub const AREAS: &str = include_str!("../data/areas.tsv");
pub const PLACES_MANUAL: &str = include_str!("../data/places_manual.tsv");
pub const COUNTRIES: &str = include_str!("../data/countries.tsv");
pub const ORGS: &str = include_str!("../data/orgs.tsv");
pub const SECTORS: &str = include_str!("../data/sectors.tsv");

/// Data lines of a table: comments and blank lines skipped, split on tabs.
pub fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

pub fn col<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("").trim()
}

pub fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

pub fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

pub fn sectors(s: &str) -> Vec<Sector> {
    s.split(',')
        .filter_map(|t| t.trim().parse::<Sector>().ok())
        .collect()
}

#[derive(Debug, Clone)]
pub struct Commune {
    pub code: String,
    pub name: String,
    pub dep: String,
    pub region: String,
    pub population: u32,
    /// Also an ordinary word (`w`) or a person's name (`p`).
    pub wordlike: bool,
    pub namelike: bool,
}

#[derive(Debug, Clone)]
pub struct Departement {
    pub code: String,
    pub name: String,
    pub region: String,
    /// Single-token names that are words/person names/commune names need
    /// context ("dans le Nord").
    pub needs_context: bool,
}

#[derive(Debug, Clone)]
pub struct Region {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub name: String,
    pub level: crate::PlaceLevel,
    pub country: Option<String>,
    pub region: Option<String>,
    pub dep: Option<String>,
    pub commune: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub canonical: String,
    pub parent: Option<String>,
    pub country: Option<String>,
    pub outlet: bool,
    pub sectors: Vec<Sector>,
}

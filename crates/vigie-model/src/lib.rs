//! The records that flow through vigie: [`Article`] in, [`Event`] out.
//!
//! [`Event`] is the public contract of `vigie extract` and of the database
//! (`shared/contract/EVENTS.md`, `event.schema.json`). Fields may be added,
//! never renamed or given another meaning.

use serde::{Deserialize, Serialize, Serializer};

/// One article as vigie reads it: plain text plus what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Article {
    /// Stable document id, `doc_` + hex hash of the text (see [`doc_id`]).
    pub doc: String,
    /// Where it came from: a URL or a file path (as the user gave it).
    pub source: String,
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// The extracted plain text. Evidence offsets are byte offsets into it.
    pub text: String,
}

impl Article {
    /// Builds an article, computing its document id from the text.
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Article {
            doc: doc_id(&text),
            source: source.into(),
            title: None,
            published: None,
            text,
        }
    }
}

/// `doc_` + 16 hex digits of a 64-bit FNV-1a hash of the text: stable across
/// runs, platforms and versions (it is stored in databases).
pub fn doc_id(text: &str) -> String {
    format!("doc_{:016x}", fnv1a64(text.as_bytes()))
}

/// 64-bit FNV-1a. Not cryptographic; used for stable ids.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Capex,
    Equity,
    Acquisition,
    PublicFunding,
    Jobs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Announced,
    Planned,
    Sought,
    Completed,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    AtMost,
    Approx,
    Range,
}

/// The contract's sector tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    DatacenterCloud,
    Ai,
    Logistics,
    Manufacturing,
    Semiconductors,
    BatteriesEv,
    Automotive,
    Energy,
    PharmaHealth,
    Chemicals,
    AgriFood,
    Retail,
    Finance,
    Telecom,
    Software,
    RealEstate,
    Other,
}

macro_rules! str_enum {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            /// The tag as written in the contract.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),* }
            }
            /// All values, in declaration order.
            pub const ALL: &'static [$t] = &[$(Self::$v),*];
        }
        impl std::str::FromStr for $t {
            type Err = UnknownTag;
            fn from_str(s: &str) -> Result<Self, UnknownTag> {
                match s { $($s => Ok(Self::$v),)* _ => Err(UnknownTag(s.to_string())) }
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A string that is not one of the contract's tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTag(pub String);

impl std::fmt::Display for UnknownTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown tag {:?}", self.0)
    }
}
impl std::error::Error for UnknownTag {}

str_enum!(Kind { Capex => "capex", Equity => "equity", Acquisition => "acquisition",
    PublicFunding => "public_funding", Jobs => "jobs" });
str_enum!(Status { Announced => "announced", Planned => "planned", Sought => "sought",
    Completed => "completed", Cancelled => "cancelled" });
str_enum!(Qualifier { Exact => "exact", AtLeast => "at_least", AtMost => "at_most",
    Approx => "approx", Range => "range" });
str_enum!(Sector { DatacenterCloud => "datacenter_cloud", Ai => "ai", Logistics => "logistics",
    Manufacturing => "manufacturing", Semiconductors => "semiconductors",
    BatteriesEv => "batteries_ev", Automotive => "automotive", Energy => "energy",
    PharmaHealth => "pharma_health", Chemicals => "chemicals", AgriFood => "agri_food",
    Retail => "retail", Finance => "finance", Telecom => "telecom", Software => "software",
    RealEstate => "real_estate", Other => "other" });

/// An organisation as named in the text and as resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Org {
    /// The name as the text gives it.
    pub name: String,
    /// The canonical name (from the organisation gazetteer when known).
    pub canonical: String,
    /// ISO 3166-1 alpha-2 home country, when known.
    pub country: Option<String>,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// In units of `currency` (not thousands or millions).
    #[serde(serialize_with = "ser_num")]
    pub value: f64,
    /// ISO 4217; `None` when the text gives none.
    pub currency: Option<String>,
    pub qualifier: Qualifier,
    /// Upper bound when `qualifier` is `Range`.
    #[serde(serialize_with = "ser_opt_num")]
    pub max: Option<f64>,
    /// Converted to EUR at the article's date; `None` if unknown.
    #[serde(serialize_with = "ser_opt_num")]
    pub eur: Option<f64>,
}

/// A place; INSEE codes for France.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    pub text: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub departement: Option<String>,
    pub commune: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jobs {
    pub value: u64,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Horizon {
    /// "d'ici 2027", "by 2027".
    pub until: Option<i32>,
    /// "sur cinq ans", "over three years".
    #[serde(serialize_with = "ser_opt_num")]
    pub years: Option<f64>,
}

/// A sentence that states (part of) the event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub sentence: String,
    /// Byte offsets into the article's extracted plain text:
    /// `text[start..end] == sentence`.
    pub start: usize,
    pub end: usize,
}

/// One investment event: the contract record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: Kind,
    pub investor: Option<Org>,
    pub recipient: Option<Org>,
    pub amount: Option<Money>,
    /// Most specific first.
    pub places: Vec<Place>,
    pub country: Option<String>,
    pub sectors: Vec<Sector>,
    pub jobs: Option<Jobs>,
    pub horizon: Option<Horizon>,
    pub status: Status,
    pub published: Option<String>,
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
    pub sources: Vec<String>,
}

/// Whole numbers print as integers (`4000000000`, not `4000000000.0`).
fn ser_num<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn ser_opt_num<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => ser_num(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_through_serde_and_from_str() {
        for s in Sector::ALL {
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(s.as_str().parse::<Sector>().unwrap(), *s);
        }
        assert_eq!(
            serde_json::to_string(&Kind::PublicFunding).unwrap(),
            "\"public_funding\""
        );
        assert_eq!(
            serde_json::to_string(&Qualifier::AtLeast).unwrap(),
            "\"at_least\""
        );
        assert!("nope".parse::<Status>().is_err());
    }

    #[test]
    fn whole_amounts_serialise_as_integers() {
        let m = Money {
            value: 4e9,
            currency: Some("EUR".into()),
            qualifier: Qualifier::Exact,
            max: None,
            eur: Some(4e9),
        };
        let j = serde_json::to_string(&m).unwrap();
        assert!(j.contains("\"value\":4000000000,"), "{j}");
        let m = Money { value: 1.5, ..m };
        assert!(serde_json::to_string(&m).unwrap().contains("\"value\":1.5"));
    }

    #[test]
    fn doc_id_is_stable() {
        assert_eq!(doc_id(""), "doc_cbf29ce484222325");
        assert_ne!(doc_id("a"), doc_id("b"));
    }
}

//! Hand-made articles and events for the store's tests.
#![allow(dead_code)]

use vigie_model::{
    Article, Event, Evidence, Jobs, Kind, Money, Org, Place, Qualifier, Sector, Status,
};

pub fn org(name: &str) -> Org {
    Org {
        name: name.to_string(),
        canonical: name.to_string(),
        country: None,
    }
}

pub fn eur(v: f64) -> Money {
    Money {
        value: v,
        currency: Some("EUR".into()),
        qualifier: Qualifier::Exact,
        max: None,
        eur: Some(v),
    }
}

pub fn commune(text: &str, region: &str, dep: &str, code: &str) -> Place {
    Place {
        text: text.into(),
        country: Some("FR".into()),
        region: Some(region.into()),
        departement: Some(dep.into()),
        commune: Some(code.into()),
    }
}

pub fn region(text: &str, code: &str) -> Place {
    Place {
        text: text.into(),
        country: Some("FR".into()),
        region: Some(code.into()),
        departement: None,
        commune: None,
    }
}

/// An article whose text is `text`, and one event on its first sentence.
pub struct Spec<'a> {
    pub source: &'a str,
    pub date: &'a str,
    pub text: &'a str,
    pub investor: &'a str,
    pub amount: Option<f64>,
    pub country: &'a str,
    pub places: Vec<Place>,
    pub sectors: Vec<Sector>,
    pub jobs: Option<u64>,
    pub kind: Kind,
}

impl Default for Spec<'_> {
    fn default() -> Self {
        Spec {
            source: "https://example.org/a",
            date: "2024-05-13",
            text: "Some company invests.",
            investor: "Microsoft",
            amount: Some(4e9),
            country: "FR",
            places: vec![],
            sectors: vec![Sector::DatacenterCloud],
            jobs: None,
            kind: Kind::Capex,
        }
    }
}

pub fn event_of(article: &Article, s: &Spec<'_>) -> Event {
    Event {
        id: String::new(),
        kind: s.kind,
        investor: Some(org(s.investor)),
        recipient: None,
        amount: s.amount.map(eur),
        places: s.places.clone(),
        country: Some(s.country.into()),
        sectors: s.sectors.clone(),
        jobs: s.jobs.map(|v| Jobs {
            value: v,
            qualifier: Qualifier::Exact,
        }),
        horizon: None,
        status: Status::Announced,
        published: Some(s.date.into()),
        confidence: 0.8,
        evidence: vec![Evidence {
            doc: article.doc.clone(),
            sentence: article.text.clone(),
            start: 0,
            end: article.text.len(),
        }],
        sources: vec![article.source.clone()],
    }
}

pub fn item(s: Spec<'_>) -> (Article, Vec<Event>) {
    let mut a = Article::new(s.source, s.text);
    a.published = Some(s.date.into());
    a.title = Some(format!("Title of {}", s.source));
    let e = event_of(&a, &s);
    (a, vec![e])
}

/// A fresh store in a temporary directory.
pub fn store() -> (tempfile::TempDir, vigie_store::Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let st = vigie_store::Store::open(&dir.path().join("t.db")).expect("open");
    (dir, st)
}

//! The OpenAPI 3.1 document of the API (utoipa).
//!
//! The response records are those of `vigie-model` and `vigie-store`; the
//! `*Doc` types below describe them for the document only (a test checks that
//! their fields match what the API really sends).
#![allow(dead_code)]

use std::sync::OnceLock;

use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vigie API",
        description = "Investment events read from French and English news: a deduplicated ledger, each figure traceable to its sentence. Read-only.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    paths(
        crate::api::events,
        crate::api::event,
        crate::api::stats,
        crate::api::search,
        crate::api::openapi_json
    ),
    components(schemas(
        EventsPageDoc, EventDetailDoc, StatsDoc, ErrorDoc, EventDoc, OrgDoc, MoneyDoc, PlaceDoc,
        JobsDoc, HorizonDoc, EvidenceDoc, SourceArticleDoc, BucketDoc, KindDoc, StatusDoc,
        QualifierDoc, SectorDoc
    )),
    tags(
        (name = "events", description = "The ledger of investment events"),
        (name = "stats", description = "Aggregates for the dashboard"),
        (name = "meta", description = "This document")
    )
)]
pub struct ApiDoc;

/// The document as JSON (built once).
pub fn document_json() -> String {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        ApiDoc::openapi()
            .to_json()
            .unwrap_or_else(|e| format!("{{\"error\":\"openapi: {e}\"}}"))
    })
    .clone()
}

/// An error answer.
#[derive(ToSchema)]
#[schema(as = Error)]
pub struct ErrorDoc {
    /// One line saying what is wrong.
    pub error: String,
}

/// A page of events.
#[derive(ToSchema)]
#[schema(as = EventsPage)]
pub struct EventsPageDoc {
    /// Number of events matching the filters, over all pages.
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub events: Vec<EventDoc>,
}

/// One event with everything behind it.
#[derive(ToSchema)]
#[schema(as = EventDetail)]
pub struct EventDetailDoc {
    pub event: EventDoc,
    /// The articles of `event.evidence[*].doc`, each once, with their text.
    pub articles: Vec<SourceArticleDoc>,
    /// The per-article events merged into this one.
    pub mentions: Vec<EventDoc>,
}

/// An article that reports an event.
#[derive(ToSchema)]
#[schema(as = SourceArticle)]
pub struct SourceArticleDoc {
    pub doc: String,
    /// URL or file path.
    pub source: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Plain text; evidence offsets are UTF-8 byte offsets into it.
    pub text: String,
}

/// Totals and breakdowns of the events matching the filters.
#[derive(ToSchema)]
#[schema(as = Stats)]
pub struct StatsDoc {
    pub events: u64,
    /// Sum of `amount.eur`.
    pub eur: f64,
    /// Sum of `jobs.value`.
    pub jobs: u64,
    pub by_sector: Vec<BucketDoc>,
    /// Keys are INSEE region codes.
    pub by_region: Vec<BucketDoc>,
    /// Keys are INSEE département codes.
    pub by_departement: Vec<BucketDoc>,
    /// Top investors by EUR amount.
    pub by_investor: Vec<BucketDoc>,
    /// Keys are `YYYY-MM`, ascending.
    pub by_month: Vec<BucketDoc>,
    pub by_kind: Vec<BucketDoc>,
}

/// One aggregate bucket.
#[derive(ToSchema)]
#[schema(as = Bucket)]
pub struct BucketDoc {
    pub key: String,
    /// A readable label (e.g. a region name); else the key.
    pub label: String,
    pub events: u64,
    pub eur: f64,
    pub jobs: u64,
}

/// One investment event: the record of the contract (EVENTS.md).
#[derive(ToSchema)]
#[schema(as = Event)]
pub struct EventDoc {
    /// Stable hash of the resolved event, `evt_…`.
    pub id: String,
    pub kind: KindDoc,
    pub investor: Option<OrgDoc>,
    pub recipient: Option<OrgDoc>,
    pub amount: Option<MoneyDoc>,
    /// Most specific first.
    pub places: Vec<PlaceDoc>,
    /// ISO 3166-1 alpha-2 of the target.
    pub country: Option<String>,
    pub sectors: Vec<SectorDoc>,
    pub jobs: Option<JobsDoc>,
    pub horizon: Option<HorizonDoc>,
    pub status: StatusDoc,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub confidence: f64,
    pub evidence: Vec<EvidenceDoc>,
    /// URLs or file paths of every article that reports it.
    pub sources: Vec<String>,
}

/// An organisation.
#[derive(ToSchema)]
#[schema(as = Org)]
pub struct OrgDoc {
    pub name: String,
    pub canonical: String,
    pub country: Option<String>,
}

/// An amount of money.
#[derive(ToSchema)]
#[schema(as = Money)]
pub struct MoneyDoc {
    /// In units of `currency`.
    pub value: f64,
    /// ISO 4217.
    pub currency: Option<String>,
    pub qualifier: QualifierDoc,
    pub max: Option<f64>,
    /// Converted to EUR at the article's date.
    pub eur: Option<f64>,
}

/// A place; INSEE codes for France.
#[derive(ToSchema)]
#[schema(as = Place)]
pub struct PlaceDoc {
    pub text: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub departement: Option<String>,
    pub commune: Option<String>,
}

/// Jobs announced.
#[derive(ToSchema)]
#[schema(as = Jobs)]
pub struct JobsDoc {
    pub value: u64,
    pub qualifier: QualifierDoc,
}

/// Time horizon.
#[derive(ToSchema)]
#[schema(as = Horizon)]
pub struct HorizonDoc {
    pub until: Option<i32>,
    pub years: Option<f64>,
}

/// A sentence that states (part of) the event.
#[derive(ToSchema)]
#[schema(as = Evidence)]
pub struct EvidenceDoc {
    pub doc: String,
    pub sentence: String,
    /// UTF-8 byte offset into the article's text.
    pub start: u64,
    pub end: u64,
}

/// Kind of event.
#[derive(ToSchema)]
#[schema(as = Kind)]
#[serde(rename_all = "snake_case")]
pub enum KindDoc {
    Capex,
    Equity,
    Acquisition,
    PublicFunding,
    Jobs,
}

/// Status of the commitment.
#[derive(ToSchema)]
#[schema(as = Status)]
#[serde(rename_all = "snake_case")]
pub enum StatusDoc {
    Announced,
    Planned,
    Sought,
    Completed,
    Cancelled,
}

/// How exact an amount is.
#[derive(ToSchema)]
#[schema(as = Qualifier)]
#[serde(rename_all = "snake_case")]
pub enum QualifierDoc {
    Exact,
    AtLeast,
    AtMost,
    Approx,
    Range,
}

/// Sector tag.
#[derive(ToSchema)]
#[schema(as = Sector)]
#[serde(rename_all = "snake_case")]
pub enum SectorDoc {
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

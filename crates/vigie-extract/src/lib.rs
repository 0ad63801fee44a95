//! Investment events from French and English news text.
//!
//! [`Extractor::extract`] is a pure function from an [`Article`] to the
//! contract's [`Event`]s (`shared/contract/EVENTS.md`):
//!
//! 1. `vigie-text` normalises the text, splits sentences and finds every
//!    amount; `vigie-gazetteer` finds places, known organisations, demonyms
//!    and sector words; this crate adds organisations by pattern (capitalised
//!    names in subject position), public funders and outlets.
//! 2. Each sentence is cut into clauses ("…, tandis qu'AWS …"); trigger words
//!    (investir, lever, racheter, subvention, build, raise, acquire…) take the
//!    amount that belongs to them (not revenue, totals, "après 3 Md€ en
//!    Allemagne"); the investor is the clause's subject or, through
//!    coreference ("le géant américain", "it"), the last company named;
//!    outlets never invest.
//! 3. Statements of one commitment are merged (same investor family, same
//!    amount within 1%); statements without money join the event they
//!    describe; places, jobs, horizon, sectors and status are combined.
//!
//! 4. Page furniture and article structure: bylines and datelines are not
//!    names; a local paper's dateline or "Ville : ..." headline places events
//!    that name no place; lists of projects ("- Usine de Douai (AESC) :
//!    1,3 Md€") are statements; a round's lead named in the next sentences
//!    ("L'opération est menée par X") is its investor; descriptions ("le
//!    groupe", "la jeune pousse", "l'entreprise") take up the company
//!    introduced with that noun, else the one the article is about; the
//!    headline's sector joins each statement's.
//! 5. Web pages turned into text: lines of page chrome (share bars,
//!    subscription prompts, "Publié le", captions, "Lire aussi" headers)
//!    name no actor and hold no event, while teasers after them do; places
//!    (foreign cities, "ZAC du ...", "X district"), products ("the drug X")
//!    and currency words are not names; statements that commit nothing are
//!    dropped (denials, negations, savings, share prices, job cuts, money a
//!    scheme hopes to attract); coordinated subjects share their verb ("X
//!    engagera 250 M€ et le Grand Port 150 M€"); projects given up are
//!    cancelled events; deals with a secret price are events.
//! 6. Realistic press (held-out set 3): a paper's stamp line ("Le Berry
//!    Républicain – Publié le ...") is a byline; weapons, model codes
//!    ("l'A380"), schools, summits ("sommet Choose France"), sites ("le site
//!    de X"), projects ("le projet E-CHO"), countries ("Britain") and a
//!    sentence-initial "Total investment" are not companies; a press
//!    release's "À propos de X" boilerplate holds no event; a denial headline
//!    voids the plans it quotes; "faute d'offre de reprise" commits nothing;
//!    "l'entreprise" with no recent subject takes up the paragraph's subject
//!    (not a fund named in passing, nor a local authority); a hiring plan
//!    said to be apart ("par ailleurs", "separately") is its own jobs event;
//!    "pour un montant de X" is the price of the deal verb before it;
//!    "NZ$", "A$", "C$", "HK$", "S$" keep their currency; EU grant agencies
//!    (EIC, ERC) fund; grants given in the past tense are completed.
//! 7. Fresh news (held-out sets 5 and 7): title-case headline verbs
//!    ("X Announces", "Agrees to Buy") end a name; months, scale words,
//!    ministries' portfolios, persons in apposition with a title, places
//!    ("in Peoria, Arizona", "the Ain department", "leur laiterie de
//!    Valognes") are no companies; "Lait'Nord" keeps its apostrophe; a
//!    clause headed by an event noun with no actor ("Un investissement de
//!    70 M€", "Ce nouveau volet s'ajoute aux 400 M€", "Its campus ... with a
//!    budget of €400 million") is the company's or the event's before it;
//!    "son PDG a présenté" speaks for the company; the fund a round is
//!    raised from ("auprès du fonds Breega") invests; absolute clauses
//!    (", with the government providing €1bn in subsidies"), capitals acting
//!    as governments, foreign states ("l'État de Caroline du Sud"), agencies
//!    and facility owners ("pour l'usine d'H2Gard") in public funding;
//!    currencies (NT$, dirhams by country, a bare "1 billion" after euros);
//!    comparisons ("up from $6.7 billion"), sums ("a combined €3.1
//!    billion"), yearly statistics and prices per unit commit nothing;
//!    buying a company creates no jobs; stakes are placed at the company's
//!    home town ("Paris-based", "la start-up nantaise"); the trade a company
//!    is described by joins its sectors.
//!
//! Evidence offsets are byte offsets into `article.text`.

mod cities;
mod doc;
mod engine;
mod lexicon;
mod merge;
mod needles;
mod orgs;
#[cfg(test)]
mod tests;

use doc::{Amt, CtryM, Doc, OrgM, PlaceM, SecM, Sent};
use engine::{Cand, Ctx, Via};
use std::borrow::Cow;
use vigie_gazetteer::{Gazetteer, PlaceLevel};
use vigie_model::{Article, Event, Evidence, Horizon, Kind, Money, Org, Place, Qualifier, Sector};
use vigie_rates::Rates;
use vigie_text::amounts::{find_amounts, AmountKind};
use vigie_text::{Document, TextError};

/// Why an article cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Neither French nor English.
    #[error("unsupported language (vigie reads French and English)")]
    UnsupportedLanguage,
    /// No text.
    #[error("empty text")]
    Empty,
    /// The text layer refused it (binary...).
    #[error("{0}")]
    Text(String),
}

impl From<TextError> for ExtractError {
    fn from(e: TextError) -> Self {
        match e {
            TextError::Empty => ExtractError::Empty,
            TextError::UnsupportedLanguage => ExtractError::UnsupportedLanguage,
            other => ExtractError::Text(other.to_string()),
        }
    }
}

/// The extractor: gazetteers and rates, compiled once; `Send + Sync`.
pub struct Extractor {
    gaz: Gazetteer,
    rates: Rates,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

/// One event candidate, for diagnostics (`vigie extract --explain` and tests).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub sentence: String,
    pub kind: Kind,
    pub investor: Option<String>,
    pub recipient: Option<String>,
    pub amount: Option<f64>,
    pub how: String,
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor {
            gaz: Gazetteer::new(),
            rates: Rates::embedded(),
        }
    }

    /// The events an article states, merged within the article.
    pub fn extract(&self, article: &Article) -> Result<Vec<Event>, ExtractError> {
        let document = Document::new(&article.text)?;
        Ok(self.extract_document(article, &document))
    }

    /// Like [`Extractor::extract`] with the language given (short texts).
    pub fn extract_lang(
        &self,
        article: &Article,
        lang: vigie_text::Lang,
    ) -> Result<Vec<Event>, ExtractError> {
        let document = Document::with_lang(&article.text, lang)?;
        Ok(self.extract_document(article, &document))
    }

    /// The candidates before merging (for debugging and tests).
    pub fn mentions(&self, article: &Article) -> Result<Vec<Mention>, ExtractError> {
        let document = Document::new(&article.text)?;
        let d = self.analyse(&document);
        let cx = Ctx::new(&d);
        let cands = engine::candidates(&cx);
        Ok(cands
            .iter()
            .map(|c| Mention {
                sentence: d
                    .text
                    .get(d.sents[c.sent].start..d.sents[c.sent].end)
                    .unwrap_or("")
                    .to_string(),
                kind: c.kind,
                investor: c.investor.map(|i| d.orgs[i].canonical.clone()),
                recipient: c.recipient.map(|i| d.orgs[i].canonical.clone()),
                amount: c.amount.map(|a| d.amounts[a].value),
                how: format!(
                    "{:?} {:?} {:?} {:?}",
                    c.class,
                    c.via,
                    c.status,
                    c.places
                        .iter()
                        .map(|&p| d.places[p].text.clone())
                        .collect::<Vec<_>>()
                ),
            })
            .collect())
    }

    /// The organisations found in a text, with (canonical, outlet, public,
    /// known) (for debugging and tests).
    pub fn organisations(&self, text: &str) -> Vec<(String, String, bool, bool, bool)> {
        let Ok(document) = Document::new(text) else {
            return Vec::new();
        };
        let d = self.analyse(&document);
        d.orgs
            .iter()
            .map(|o| {
                (
                    o.name.clone(),
                    o.canonical.clone(),
                    o.outlet,
                    o.public,
                    o.known,
                )
            })
            .collect()
    }

    /// Sentences and amounts as the extractor sees them (debugging aid).
    pub fn debug_text(&self, text: &str) -> Vec<String> {
        let Ok(document) = Document::new(text) else {
            return Vec::new();
        };
        let d = self.analyse(&document);
        let mut v: Vec<String> = d
            .sents
            .iter()
            .map(|s| {
                format!(
                    "S [{}..{}] {}",
                    s.start,
                    s.end,
                    d.text.get(s.start..s.end).unwrap_or("")
                )
            })
            .collect();
        v.extend(d.amounts.iter().map(|a| {
            format!(
                "A {:?} {} {:?} money={} {:?}",
                d.text.get(a.start..a.end).unwrap_or(""),
                a.value,
                a.currency,
                a.money,
                a.qualifier
            )
        }));
        v
    }

    fn extract_document(&self, article: &Article, document: &Document) -> Vec<Event> {
        let Some(d) = self.analyse_if(document, true) else {
            return Vec::new();
        };
        let cx = Ctx::new(&d);
        let cands = engine::candidates(&cx);
        let groups = merge::drop_totals(&d, &cands, merge::group(&d, &cands));
        // the article's subject, once for all its events
        let topic = (!groups.is_empty()).then(|| topic_sector(&d)).flatten();
        let mut events: Vec<(usize, Event)> = groups
            .iter()
            .filter_map(|g| {
                self.event(article, document, &d, topic, &cands, &g.members)
                    .map(|e| {
                        (
                            g.members.iter().map(|&m| cands[m].sent).min().unwrap_or(0),
                            e,
                        )
                    })
            })
            .collect();
        events.sort_by_key(|(s, _)| *s);
        // an article whose headline is a denial ("Stellantis denies report
        // of new plant", "X dément tout projet d'usine") reports a project
        // that is not one: the plans it quotes commit nothing
        let head = d
            .sents
            .first()
            .and_then(|s| d.text.get(s.start..s.end))
            .unwrap_or("")
            .to_lowercase();
        let denial = [
            "denies",
            "denied",
            "dément",
            "démentent",
            "démenti",
            "rejects report",
        ]
        .iter()
        .any(|w| head.contains(w))
            // or its lead: "pas d'entrepôt géant à Arnas, assure le maire. Une
            // rumeur évoquait l'arrivée d'un géant. Le maire et l'aménageur démentent."
            || d.sents.iter().skip(1).take(2).any(|s| {
                let lead = d.lspan(s.start, s.end);
                ["démentent", "dément ", "denied", "denies"]
                    .iter()
                    .any(|w| lead.contains(w))
            });
        if denial {
            // (what the report said the company would do, whoever the
            // sentence names: "ChipWire reported that Veltrix had
            // shortlisted sites for a plant that could employ 2,000")
            events.retain(|(_, e)| e.status == vigie_model::Status::Completed);
        }
        // a job count with no money that an investment of the article already
        // carries ("L'entreprise va recruter 150 personnes", "It will also
        // create 200 jobs") restates it
        let carried: Vec<u64> = events
            .iter()
            .filter(|(_, e)| e.amount.is_some())
            .filter_map(|(_, e)| e.jobs.as_ref().map(|j| j.value))
            .collect();
        events.retain(|(_, e)| {
            e.kind != Kind::Jobs
                || e.amount.is_some()
                || e.jobs.as_ref().is_none_or(|j| !carried.contains(&j.value))
        });
        // what a company that raises money will do with it ("Elle va
        // construire un démonstrateur", "Calorine will build a pilot line")
        // is the use of the round, not another investment
        let raisers: Vec<String> = events
            .iter()
            .filter(|(_, e)| e.kind == Kind::Equity)
            .filter_map(|(_, e)| e.recipient.as_ref().map(|r| r.canonical.clone()))
            .collect();
        events.retain(|(_, e)| {
            e.amount.is_some()
                || e.kind != Kind::Capex
                || e.investor
                    .as_ref()
                    .is_none_or(|i| !raisers.contains(&i.canonical))
        });
        // jobs the money of a round pays for ("The funding will pay for a
        // new machining hall and the creation of 60 jobs") are the round's
        if let [round] = events
            .iter()
            .enumerate()
            .filter(|(_, (_, e))| e.kind == Kind::Equity && e.jobs.is_none())
            .map(|(k, _)| k)
            .collect::<Vec<_>>()
            .as_slice()
        {
            let paid = events.iter().position(|(_, e)| {
                e.kind == Kind::Jobs
                    && e.amount.is_none()
                    && e.evidence.iter().any(|ev| {
                        let l = ev.sentence.to_lowercase();
                        [
                            "the funding",
                            "the money",
                            "the proceeds",
                            "the new capital",
                            "cette levée",
                            "ces fonds",
                            "les fonds levés",
                            "ce financement",
                        ]
                        .iter()
                        .any(|w| l.contains(w))
                    })
            });
            if let Some(j) = paid {
                let (_, jobs_event) = events.remove(j);
                let r = if j < *round { *round - 1 } else { *round };
                if let Some((_, e)) = events.get_mut(r) {
                    e.jobs = jobs_event.jobs;
                    e.evidence.extend(jobs_event.evidence);
                    e.evidence.sort_by_key(|ev| ev.start);
                }
            }
        }
        // money given to a company for its project goes where the project
        // is: "La Région apporte 2 M€" after "X investit 18 M€ à Argentan"
        let sites: Vec<(String, Vec<Place>, Option<String>)> = events
            .iter()
            .filter(|(_, e)| e.kind == Kind::Capex && !e.places.is_empty())
            .filter_map(|(_, e)| {
                e.investor
                    .as_ref()
                    .map(|i| (i.canonical.clone(), e.places.clone(), e.country.clone()))
            })
            .collect();
        for (_, e) in events.iter_mut() {
            if !e.places.is_empty() || !matches!(e.kind, Kind::PublicFunding | Kind::Equity) {
                continue;
            }
            let Some(r) = e.recipient.as_ref() else {
                continue;
            };
            let mine: Vec<&(String, Vec<Place>, Option<String>)> =
                sites.iter().filter(|(c, _, _)| c == &r.canonical).collect();
            // only when the company has one site in the article
            if let [(_, places, country)] = mine.as_slice() {
                // (a grant from abroad, "The European Commission has awarded
                // the project a grant", is spent where the project is)
                if e.country.is_none() || e.country == *country || e.kind == Kind::PublicFunding {
                    e.places = places.clone();
                    e.country = country.clone();
                }
            }
        }
        events.into_iter().map(|(_, e)| e).collect()
    }

    /// Builds the internal view of an article.
    fn analyse(&self, document: &Document) -> Doc {
        self.analyse_if(document, false)
            .unwrap_or_else(|| Doc::empty(document.lang))
    }

    /// Builds the internal view; with `prefilter`, returns `None` at once
    /// for a text without any trigger word nor job count (most news), before
    /// the costly layers run.
    fn analyse_if(&self, document: &Document, prefilter: bool) -> Option<Doc> {
        let text = document.text.clone();
        let (lower, exact) = doc::lower_same_len_exact(&text);
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut sents = Vec::with_capacity(document.sentences.len());
        for s in &document.sentences {
            let t0 = toks.len();
            doc::tokenize(&text, s.start, s.end, &mut toks);
            sents.push(Sent {
                start: s.start,
                end: s.end,
                ostart: s.orig_start,
                oend: s.orig_end,
                t0,
                t1: toks.len(),
            });
        }
        // the words of the tokens, sliced once for the whole analysis
        let lower = doc::Lower::with_words(lower, &toks);
        let mut trig = engine::classify_tokens(&lower, &toks, &sents);
        // tokens a few rules below look at, and those the per-token rules
        // of orgs and cities may take
        let (marks, hits, lower_shapes) = doc::scan(&toks, lower.as_bytes(), doc::hit_tables());
        // page furniture of each sentence, once (the lowercase text serves
        // when it is exact)
        // (only where they can matter: sentences with a trigger here, those
        // holding an organisation below; all when the sentences are not in
        // order)
        let ordered = sents.windows(2).all(|w| w[0].end <= w[1].start)
            && sents.iter().all(|s| s.start <= s.end);
        // (a sentence with a trigger needs its chrome and caption flags
        // here; its byline flag only matters where a name starts, below)
        let furn: Vec<u8> = sents
            .iter()
            .map(|s| {
                if !ordered {
                    sentence_flags(&text, &lower, exact, s)
                } else if trig
                    .get(s.t0..s.t1)
                    .is_some_and(|t| t.iter().any(Option::is_some))
                {
                    sentence_page_flags(&text, &lower, exact, s)
                } else {
                    0
                }
            })
            .collect();
        // page chrome ("Abonnez-vous dès 1 €") holds no event
        for (s, f) in sents.iter().zip(&furn) {
            if f & (doc::FURN_CHROME | doc::FURN_CAPTION) != 0 {
                for t in trig.iter_mut().take(s.t1).skip(s.t0) {
                    *t = None;
                }
            }
        }
        // a press release's boilerplate ("À propos de Partech", "About
        // Acme") describes the parties, it announces nothing: from the first
        // such header on, no trigger
        if let Some(k) =
            sents.iter().enumerate().skip(1).position(|(_, s)| {
                doc::is_boilerplate_header(text.get(s.start..s.end).unwrap_or(""))
            })
        {
            let k = k + 1;
            if let Some(s0) = sents.get(k) {
                for t in trig.iter_mut().skip(s0.t0) {
                    *t = None;
                }
            }
        }
        let words = lower.words();
        let word = |i: usize| words.get(i).copied().unwrap_or("");
        // (words only: no mark is one of these)
        let jobish = |i: usize| {
            toks.get(i).is_some_and(|t| t.word) && {
                let w = word(i);
                (lexicon::may_be_job_noun(w) && lexicon::job_noun(w))
                    // (their first bytes before the words: most words are
                    // of one of their lengths)
                    || matches!(w.as_bytes().first(), Some(b'h' | b'r' | b'e'))
                        && matches!(w, "hire" | "recruit" | "recruter" | "embaucher")
            }
        };
        // amounts matter only in sentences with a trigger or a job count:
        // parse those alone (offsets shifted back to the text)
        // (the triggers first: a job count is looked for only in a
        // sentence without one)
        let busy = |s: &Sent| {
            trig.get(s.t0..s.t1)
                .is_some_and(|t| t.iter().any(Option::is_some))
                || (s.t0..s.t1).any(jobish)
        };
        // sentences that can hold or describe an event: busy ones and their
        // neighbours (sector words are only looked up there)
        let busy_flags: Vec<bool> = sents.iter().map(busy).collect();
        // (every token is in a sentence: none busy, no trigger nor job count)
        if prefilter && !busy_flags.contains(&true) {
            return None;
        }
        let near_busy: Vec<bool> = (0..sents.len())
            .map(|k| {
                !prefilter
                    || busy_flags[k]
                    || (k > 0 && busy_flags[k - 1])
                    || busy_flags.get(k + 1).copied().unwrap_or(false)
            })
            .collect();
        let mut amounts: Vec<Amt> = Vec::new();
        for (k, s) in sents.iter().enumerate() {
            if prefilter && !busy_flags[k] {
                continue;
            }
            let Some(part) = text.get(s.start..s.end) else {
                continue;
            };
            amounts.extend(find_amounts(part, document.lang).into_iter().map(|a| Amt {
                start: a.start + s.start,
                end: a.end + s.start,
                value: a.value,
                currency: a.currency,
                qualifier: a.qualifier,
                max: a.max,
                money: a.kind == AmountKind::Money,
                has_currency: a.currency.is_some(),
            }));
        }
        amounts.retain(|a| a.value > 0.0 && a.value.is_finite());
        // dollars of another country: "NZ$4.2bn", "A$300m", "C$1bn", "HK$2bn"
        for a in amounts.iter_mut().filter(|a| a.currency == Some("USD")) {
            let span = text.get(a.start.saturating_sub(3)..a.end).unwrap_or("");
            let Some(p) = span.find('$') else {
                continue;
            };
            let before = span.get(..p).unwrap_or("");
            let cur = if before.ends_with("NZ") {
                Some("NZD")
            } else if before.ends_with("NT") {
                Some("TWD")
            } else if before.ends_with("AU") || before.ends_with('A') {
                Some("AUD")
            } else if before.ends_with("CA") || before.ends_with('C') {
                Some("CAD")
            } else if before.ends_with("HK") {
                Some("HKD")
            } else if before.ends_with("S") && !before.ends_with("US") {
                Some("SGD")
            } else {
                None
            };
            if cur.is_some() {
                a.currency = cur;
            }
        }
        // currencies that several countries share ("12,8 milliards de
        // dirhams"): the country the article names decides
        // (the same-length lowercase finds these ASCII words as
        // `to_lowercase` would: the characters it keeps as they are lower
        // to none of their letters)
        let shared = |a: &Amt| {
            a.money
                && a.currency.is_none()
                && lower.get(a.start..a.end).is_some_and(|t| {
                    let t = t.as_bytes();
                    [&b"dirham"[..], b"riyal", b"dinar"]
                        .iter()
                        .any(|n| t.windows(n.len()).any(|w| w == *n))
                })
        };
        if amounts.iter().any(shared) {
            let lower = text.to_lowercase();
            let has = |ws: &[&str]| ws.iter().any(|w| lower.contains(w));
            for a in amounts
                .iter_mut()
                .filter(|a| a.money && a.currency.is_none())
            {
                let span = text.get(a.start..a.end).unwrap_or("").to_lowercase();
                a.currency = if span.contains("dirham") {
                    if has(&["maroc", "morocc", "casablanca", "rabat", "tanger"]) {
                        Some("MAD")
                    } else if has(&["émirats", "emirat", "uae", "dubai", "dubaï", "abu dhabi"]) {
                        Some("AED")
                    } else {
                        None
                    }
                } else if span.contains("riyal") {
                    if has(&["saoudi", "saudi"]) {
                        Some("SAR")
                    } else if has(&["qatar"]) {
                        Some("QAR")
                    } else {
                        None
                    }
                } else if span.contains("dinar") {
                    if has(&["tunisi"]) {
                        Some("TND")
                    } else if has(&["algéri", "algeri"]) {
                        Some("DZD")
                    } else {
                        None
                    }
                } else {
                    None
                };
                a.has_currency = a.currency.is_some();
            }
        }
        // job counts in words: "une trentaine d'emplois", "Cinq cents emplois",
        // "quatre emplois directs", "une centaine de postes"
        for (k, s) in sents.iter().enumerate() {
            if prefilter && !busy_flags[k] {
                continue;
            }
            // the job nouns are words of 4 to 12 bytes, starting with one
            // of these letters (marks.job)
            let from = marks.job.partition_point(|&i| i < s.t0);
            let to = marks.job.partition_point(|&i| i < s.t1);
            for &i in marks.job.get(from..to).unwrap_or(&[]) {
                if !jobish_count(&word, i) {
                    continue;
                }
                // the count before the job noun
                let (mut a, mut value, mut q) = (i, 0.0, Qualifier::Exact);
                let w1 = word(i.wrapping_sub(1));
                let w2 = word(i.wrapping_sub(2));
                let mut b = i;
                if matches!(w1, "'" | "’") && w2 == "d" || w1 == "de" {
                    let n = if w1 == "de" { i - 1 } else { i - 2 };
                    if let Some(v) = approx_count(word(n.wrapping_sub(1))) {
                        a = n - 1;
                        b = n - 1;
                        value = v;
                        q = Qualifier::Approx;
                    }
                } else if w1 == "cents" {
                    if let Some(v) = small_number(w2) {
                        a = i - 2;
                        b = i - 1;
                        value = v * 100.0;
                    }
                } else if let Some(v) = small_number(w1).filter(|_| !matches!(w2, "de" | "des")) {
                    // not "un emploi", "l'un des"
                    if v >= 2.0 {
                        a = i - 1;
                        b = i - 1;
                        value = v;
                    }
                }
                if value > 0.0 && a >= s.t0 && a < i {
                    let (Some(ta), Some(tb)) = (toks.get(a), toks.get(b)) else {
                        continue;
                    };
                    if amounts
                        .iter()
                        .any(|x| x.start <= ta.start && ta.start < x.end)
                    {
                        continue;
                    }
                    amounts.push(Amt {
                        start: ta.start,
                        end: tb.end,
                        value,
                        currency: None,
                        qualifier: q,
                        max: None,
                        money: false,
                        has_currency: false,
                    });
                }
            }
        }
        amounts.sort_by_key(|a| a.start);
        // "as much as $300 million", "jusqu'à 400 M€" when the text layer says exact
        for a in amounts
            .iter_mut()
            .filter(|a| a.qualifier == Qualifier::Exact)
        {
            let before = lower
                .get(a.start.saturating_sub(14)..a.start)
                .unwrap_or("")
                .trim_end();
            if before.ends_with("as much as")
                || before.ends_with("up to")
                || before.ends_with("jusqu'à")
            {
                a.qualifier = Qualifier::AtMost;
            }
        }
        amounts.dedup_by(|b, a| b.start == a.start && b.end == a.end);
        // currencies named after the number that the text layer may miss
        // ("10 billion Swedish crowns", "a 1.1 billion-euro takeover")
        for a in amounts.iter_mut().filter(|a| a.currency.is_none()) {
            let after = lower
                .get(a.end..(a.end + 40).min(lower.len()))
                .unwrap_or("");
            let cur = [
                ("-euro", "EUR"),
                (" euros", "EUR"),
                (" euro", "EUR"),
                (" dollar", "USD"),
                (" pound", "GBP"),
                ("-dollar", "USD"),
                ("-pound", "GBP"),
                (" danish crowns", "DKK"),
                (" danish kroner", "DKK"),
                (" couronnes danoises", "DKK"),
                (" swedish crowns", "SEK"),
                (" swedish kronor", "SEK"),
                (" couronnes suédoises", "SEK"),
                (" norwegian crowns", "NOK"),
                (" norwegian kroner", "NOK"),
                (" couronnes norvégiennes", "NOK"),
                (" swiss francs", "CHF"),
                (" francs suisses", "CHF"),
                (" yen", "JPY"),
                (" yuan", "CNY"),
                (" canadian dollars", "CAD"),
                (" dollars canadiens", "CAD"),
                (" australian dollars", "AUD"),
            ]
            .iter()
            .find(|(p, _)| {
                p.as_bytes().first() == after.as_bytes().first()
                    && after.starts_with(p)
                    && after[p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|(_, c)| *c);
            if let Some(c) = cur {
                a.currency = Some(c);
                a.has_currency = true;
                a.money = true;
            }
        }
        // a price per unit is no investment: "at around €60 per MWh", "3,40 €
        // par action", "470 euros les 1 000 litres", "$2 a share"
        for a in amounts.iter_mut().filter(|a| a.money) {
            let after = lower.get(a.end..).unwrap_or("").trim_start();
            let rest = [
                "per ", "par ", "a ", "an ", "the ", "le ", "la ", "les ", "/",
            ]
            .iter()
            .find_map(|p| after.strip_prefix(p));
            let Some(rest) = rest else { continue };
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
            let unit = [
                "mwh",
                "kwh",
                "gwh",
                "tonne",
                "ton",
                "share",
                "action",
                "barrel",
                "baril",
                "litre",
                "liter",
                "kilo",
                "kg",
                "m2",
                "m²",
                "mètre carré",
                "square",
                "unit",
                "unité",
                "head",
                "dose",
            ]
            .iter()
            .any(|u| {
                rest.starts_with(u)
                    && rest[u.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() || c == 's')
            });
            if unit {
                a.money = false;
            }
        }
        // a quantity of goods is not money: "2.5 million tonnes of DRI",
        // "1,5 million d'EVP", "600 mégawatts"
        for a in amounts.iter_mut().filter(|a| !a.has_currency) {
            let after = lower.get(a.end..).unwrap_or("");
            let after = trim_start_str(
                trim_start_str(trim_start_str(after.trim_start(), "de "), "d'"),
                "of ",
            );
            let unit = [
                "tonne",
                "ton",
                "mégawatt",
                "megawatt",
                "gigawatt",
                "mw",
                "gw",
                "kw",
                "twh",
                "gwh",
                "mwh",
                "evp",
                "teu",
                "barrel",
                "baril",
                "habitant",
                "inhabitant",
                "m²",
                "m2",
                "mètres",
                "square",
                "hectare",
                "km",
                "kilom",
                "litre",
                "liter",
                "véhicule",
                "vehicle",
                "voiture",
                "car",
                "unit",
                "unité",
                "passager",
                "passenger",
                "visiteur",
                "visitor",
                "client",
                "customer",
                "user",
                "utilisateur",
                "abonné",
                "subscriber",
                "dose",
                "puce",
                "chip",
                "wafer",
                "plaque",
                "cellule",
                "cell",
                "panneau",
                "panel",
                "logement",
                "home",
                "housing",
                "bed",
                "lit",
                "chambre",
                "room",
            ]
            .iter()
            .any(|u| {
                u.as_bytes().first() == after.as_bytes().first()
                    && after.starts_with(u)
                    && after[u.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() || c == 's')
            });
            if unit {
                a.money = false;
            }
        }
        // a bare scale after money in the same sentence shares its
        // currency: "a 5 billion euro plant, Berlin to chip in 1 billion"
        for k in 1..amounts.len() {
            let (head, tail) = amounts.split_at_mut(k);
            let a = &mut tail[0];
            if !a.money || a.currency.is_some() {
                continue;
            }
            let Some(p) = head.last() else { continue };
            if !p.money || p.currency.is_none() || !p.has_currency {
                continue;
            }
            let same = sents.iter().any(|s| s.start <= p.start && a.end <= s.end);
            if same {
                a.currency = p.currency;
            }
        }
        // borrowed matches (no string copied but those kept); they borrow
        // the document's text, the same as `text`
        let an = self.gaz.analyze_ref(&document.text);
        // regional press datelines in capitals ("ARQUES. La Verrerie...",
        // "CALAIS -"): the gazetteer wants the usual spelling
        let mut extra_places: Vec<vigie_gazetteer::PlaceMatch> = Vec::new();
        for s in &sents {
            // (a first word with a lowercase letter opens no such dateline)
            if toks
                .get(s.t0)
                .and_then(|t| text.get(t.start..t.end))
                .is_none_or(|w| w.chars().any(char::is_lowercase))
            {
                continue;
            }
            // the words (and hyphens) that open the sentence
            let mut k = s.t0;
            while k < s.t1 && (toks[k].word || text.get(toks[k].start..toks[k].end) == Some("-")) {
                k += 1;
            }
            if k == s.t0 {
                continue;
            }
            let (first, last) = (s.t0, k - 1);
            let raw = text.get(toks[first].start..toks[last].end).unwrap_or("");
            let caps = raw.chars().all(|c| !c.is_lowercase())
                && raw.chars().filter(|c| c.is_alphabetic()).count() >= 3;
            let sep = text
                .get(toks[last].end..)
                .and_then(|r| r.trim_start().chars().next());
            if !caps
                || !matches!(sep, Some('.' | ',' | ':' | '-' | '–' | '—') | None)
                || an.places.iter().any(|p| p.start == toks[first].start)
            {
                continue;
            }
            let title: String = raw
                .split_inclusive('-')
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|c| c.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase())
                        .unwrap_or_default()
                })
                .collect();
            let probe = format!("À {title}.");
            if let Some(p) = self
                .gaz
                .places(&probe)
                .into_iter()
                .find(|p| p.level != PlaceLevel::Country && p.text.len() == title.len())
            {
                extra_places.push(vigie_gazetteer::PlaceMatch {
                    start: toks[first].start,
                    end: toks[last].end,
                    text: raw.to_string(),
                    ..p
                });
            }
        }
        let rank = |level: PlaceLevel| match level {
            PlaceLevel::Commune | PlaceLevel::Area => 0,
            PlaceLevel::Departement => 1,
            PlaceLevel::Region => 2,
            PlaceLevel::Country => 3,
        };
        // a place inside a word is not one ("H2Méditerranée", "Alsacienne"):
        // only whole tokens count
        let starts_word = |off: usize| {
            !text
                .get(..off)
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_alphanumeric)
        };
        let ends_word = |off: usize| {
            !text
                .get(off..)
                .and_then(|a| a.chars().next())
                .is_some_and(char::is_alphanumeric)
        };
        let whole = |start: usize, end: usize| starts_word(start) && ends_word(end);
        let mut places: Vec<PlaceM> = an
            .places
            .iter()
            .filter(|p| whole(p.start, p.end))
            .map(|p| PlaceM {
                start: p.start,
                end: p.end,
                text: p.text.to_string(),
                country: p.country.map(str::to_string),
                region: p.region.map(str::to_string),
                departement: p.departement.map(str::to_string),
                commune: p.commune.map(str::to_string),
                rank: rank(p.level),
            })
            .chain(
                extra_places
                    .iter()
                    .filter(|p| whole(p.start, p.end))
                    .map(|p| PlaceM {
                        start: p.start,
                        end: p.end,
                        text: p.text.clone(),
                        country: p.country.clone(),
                        region: p.region.clone(),
                        departement: p.departement.clone(),
                        commune: p.commune.clone(),
                        rank: rank(p.level),
                    }),
            )
            .collect();
        places.sort_by_key(|p| p.start);
        let mut ctrys: Vec<CtryM> = an
            .places
            .iter()
            .filter(|p| p.level == PlaceLevel::Country)
            .filter_map(|p| {
                Some(CtryM {
                    start: p.start,
                    end: p.end,
                    country: p.country?.to_string(),
                    demonym: false,
                })
            })
            .collect();
        ctrys.extend(an.demonyms.iter().map(|m| CtryM {
            start: m.start,
            end: m.end,
            country: m.country.to_string(),
            demonym: true,
        }));
        // "Britain" alone (not "Great Britain", which the gazetteer knows)
        // (a capital, seven bytes)
        for &k in &marks.britain {
            let Some(t) = toks.get(k) else {
                continue;
            };
            let w = text.get(t.start..t.end).unwrap_or("");
            if w != "Britain" {
                continue;
            }
            let great = k > 0
                && toks
                    .get(k - 1)
                    .and_then(|p| text.get(p.start..p.end))
                    .is_some_and(|p| p == "Great");
            if w == "Britain" && !great && !ctrys.iter().any(|c| c.start == t.start) {
                ctrys.push(CtryM {
                    start: t.start,
                    end: t.end,
                    country: "GB".to_string(),
                    demonym: false,
                });
            }
        }
        ctrys.sort_by_key(|c| c.start);
        let mut sectors: Vec<SecM> = an
            .sectors
            .iter()
            .map(|s| SecM {
                start: s.start,
                end: s.end,
                sector: s.sector,
            })
            .collect();
        let mut d = Doc {
            text,
            lower,
            lang: document.lang,
            sents,
            toks,
            trig,
            amounts,
            orgs: Vec::new(),
            places,
            sectors: Vec::new(),
            ctrys,
            dateline_end: 0,
            furn,
            hits,
            lower_shapes,
        };
        d.dateline_end = dateline_end(&d);
        lexicon::more_sectors(&d, &near_busy, &mut sectors);
        sectors.sort_by_key(|m| m.start);
        d.sectors = sectors;
        // organisations: the gazetteer's, then public funders, outlets, patterns
        let mut orgs: Vec<OrgM> = an
            .orgs
            .iter()
            // a point of the compass before a place ("Chip Plant in Southern
            // Japan") is no company of that name
            .filter(|o| {
                !(matches!(o.text, "Southern" | "Northern" | "Eastern" | "Western")
                    && d.text
                        .get(o.end..)
                        .and_then(|r| r.strip_prefix(' '))
                        .is_some_and(|r| r.starts_with(char::is_uppercase)))
            })
            .map(|o| OrgM {
                start: o.start,
                end: o.end,
                name: o.text.to_string(),
                canonical: o.canonical.to_string(),
                family: o.parent.unwrap_or(o.canonical).to_string(),
                country: o.country.map(str::to_string),
                outlet: o.outlet || orgs::is_outlet_canonical(o.canonical),
                known: o.known,
                public: matches!(
                    o.canonical,
                    "Bpifrance"
                        | "Banque des Territoires"
                        | "Caisse des Dépôts"
                        | "European Investment Bank"
                        | "Banque européenne d'investissement"
                        | "BEI"
                        | "Ademe"
                        | "ADEME"
                ),
            })
            .collect();
        let mut extra = Vec::new();
        orgs::public_bodies(&d, &mut extra);
        orgs::institutions(&d, &mut extra);
        // a state that invests abroad: "the United Arab Emirates will invest
        // €30bn in France", "le Qatar va investir 10 milliards"
        for c in d.ctrys.iter().filter(|c| !c.demonym) {
            let t = d.tok_at(c.end);
            let mut k = t;
            while k < t + 3
                && matches!(
                    d.w(k),
                    "will"
                        | "would"
                        | "va"
                        | "vont"
                        | "plans"
                        | "to"
                        | "a"
                        | "has"
                        | "also"
                        | "aussi"
                )
            {
                k += 1;
            }
            let class = d.trig.get(k).copied().flatten().map(|(cl, _)| cl);
            let invests = class == Some(lexicon::Class::Invest);
            // "Portugal will contribute €350 million in incentives": a
            // state that grants is a public funder
            let grants = class == Some(lexicon::Class::Grant);
            if k > t && (grants || invests) {
                let name = d.text.get(c.start..c.end).unwrap_or("").to_string();
                extra.push(OrgM {
                    start: c.start,
                    end: c.end,
                    canonical: name.clone(),
                    family: name.clone(),
                    name,
                    country: Some(c.country.clone()),
                    outlet: false,
                    known: true,
                    // a sovereign investor builds (capex), it does not
                    // subsidise someone else's project
                    public: grants,
                });
            }
        }
        // an operator named by its facility and place that acts: "Le port
        // du Havre investit 1 milliard", "l'aéroport de Nantes va investir"
        // "port", "grand", "airport", "aéroport": 4 to 9 bytes
        for &k in &marks.facility {
            if k == 0
                || k >= d.toks.len().saturating_sub(3)
                || !matches!(d.w(k), "port" | "aéroport" | "airport" | "grand")
                || !matches!(d.w(k - 1), "le" | "l" | "'" | "the")
            {
                continue;
            }
            let first = match (d.w(k + 1), d.w(k + 2)) {
                ("du" | "de" | "of", _) => k + 2,
                ("d", "'") => k + 3,
                _ => continue,
            };
            let Some(ft) = d.toks.get(first) else {
                continue;
            };
            if !ft.cap || !ft.word {
                continue;
            }
            let mut e = first + 1;
            while e < d.toks.len()
                && (d.toks[e].cap && d.toks[e].word
                    || d.w(e) == "-" && d.toks.get(e + 1).is_some_and(|x| x.cap))
                && e < first + 4
            {
                e += 1;
            }
            let mut v = e;
            while v < e + 3 && matches!(d.w(v), "va" | "will" | "a" | "has" | "also" | "aussi") {
                v += 1;
            }
            let acts = d
                .trig
                .get(v)
                .copied()
                .flatten()
                .is_some_and(|(cl, _)| cl.strong() || cl == lexicon::Class::Build);
            if !acts {
                continue;
            }
            let (a, b) = (d.toks[k].start, d.toks[e - 1].end);
            let raw = d.text.get(a..b).unwrap_or("");
            let mut name = raw.to_string();
            if let Some(c) = name.get(..1) {
                name = c.to_uppercase() + name.get(1..).unwrap_or("");
            }
            extra.push(OrgM {
                start: a,
                end: b,
                canonical: name.clone(),
                family: name.clone(),
                name,
                country: None,
                outlet: false,
                known: true,
                public: false,
            });
        }
        orgs::outlets(&d, &mut extra);
        // the magazine "Capital" glued to a name is a fund's name: "Nautil
        // Capital", "Balderton Capital"
        orgs.retain(|o| {
            let tail = matches!(o.name.as_str(), "Capital" | "Challenges" | "Partners");
            if !(o.outlet && tail) {
                return true;
            }
            let before = d.text.get(..o.start).unwrap_or("");
            let glued = before.ends_with(' ')
                && before
                    .trim_end_matches(' ')
                    .split(|c: char| c.is_whitespace())
                    .next_back()
                    .is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars().all(char::is_alphanumeric)
                            && !matches!(
                                w,
                                "Le" | "La" | "Les" | "The" | "Selon" | "À" | "By" | "Par"
                            )
                    })
                && !before.ends_with("  ");
            !(o.outlet && tail && glued)
        });
        for o in extra {
            if let Some(g) = orgs.iter_mut().find(|g| g.start < o.end && o.start < g.end) {
                if o.public {
                    g.public = true;
                }
                if o.outlet {
                    g.outlet = true;
                }
                if o.end - o.start > g.end - g.start && o.public {
                    *g = o;
                }
            } else {
                orgs.push(o);
            }
        }
        // the gazetteer's table names and public bodies win; its pattern
        // names give way to a longer name found here ("Sellerie de l'Ouest")
        let taken: Vec<(usize, usize)> = orgs
            .iter()
            .filter(|o| o.known || o.public || o.outlet)
            .map(|o| (o.start, o.end))
            .collect();
        let mut pat = Vec::new();
        // capitalised words inside sentences, once for both uses
        let caps = orgs::caps_inside(&d);
        orgs::pattern_orgs(&d, &taken, &caps, &mut pat);
        orgs.retain(|o| {
            o.known
                || o.public
                || o.outlet
                || !pat.iter().any(|p| {
                    p.start <= o.start && o.end <= p.end && p.end - p.start > o.end - o.start
                }) && !orgs::weak_initial(&d, &caps, o.start, o.end)
        });
        pat.retain(|p| !orgs.iter().any(|o| o.start < p.end && p.start < o.end));
        orgs.extend(pat);
        orgs.extend(factbox_heads(&d, &orgs));
        orgs.sort_by_key(|o| (o.start, std::cmp::Reverse(o.end)));
        orgs.dedup_by(|b, a| b.start < a.end);
        // a company's fund arm is its own investor: "Arkéa Capital",
        // "Santander Ventures", "Orange Ventures" (not the magazine "Capital")
        let mut k = 0;
        while k < orgs.len() {
            let o = &orgs[k];
            let after = d.text.get(o.end..).unwrap_or("");
            // (each suffix is a space and one of these capitals)
            let may = matches!(
                after.as_bytes().get(..2),
                Some([b' ', b'C' | b'V' | b'P' | b'I' | b'D' | b'E'])
            );
            let suffix = [
                " Capital",
                " Ventures",
                " Venture",
                " Partners",
                " Investissement",
                " Investissements",
                " Invest",
                " Développement",
                " Innovation",
                " Equity",
            ]
            .iter()
            .filter(|_| may)
            .find(|x| {
                after.starts_with(**x)
                    && after[x.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            });
            if let (Some(x), false) = (suffix, o.outlet || o.public) {
                let end = o.end + x.len();
                let name = d.text.get(o.start..end).unwrap_or("").to_string();
                let o = &mut orgs[k];
                o.end = end;
                o.canonical = name.clone();
                o.family = name.clone();
                o.name = name;
                o.known = true;
                let (a, b) = (o.start, o.end);
                orgs.retain(|p| !(p.start >= a && p.end <= b && (p.start, p.end) != (a, b)));
                k = orgs
                    .iter()
                    .position(|p| p.start == a && p.end == b)
                    .unwrap_or(k)
                    + 1;
            } else {
                k += 1;
            }
        }
        // page furniture: bylines ("Par X | Publié le ...", "By X — May 3");
        // only the sentence in which a name starts can drop it (the others
        // end before it): their flags are wanted
        let everywhere = !ordered || orgs.iter().any(|o| o.end <= o.start);
        for o in &orgs {
            let k = d.sents.partition_point(|s| s.start <= o.start);
            let range = if everywhere {
                0..d.sents.len()
            } else {
                k.saturating_sub(1)..k
            };
            for j in range {
                if let (Some(s), Some(f)) = (d.sents.get(j), d.furn.get_mut(j)) {
                    if *f & doc::FURN_KNOWN == 0 && (everywhere || o.start < s.end) {
                        *f = if *f & doc::FURN_PAGE != 0 {
                            *f | sentence_byline(&d.text, &d.lower, exact, s)
                        } else {
                            sentence_flags(&d.text, &d.lower, exact, s)
                        };
                    }
                }
            }
        }
        let bylines: Vec<(usize, usize)> = d
            .sents
            .iter()
            .zip(&d.furn)
            .filter(|(_, f)| *f & (doc::FURN_BYLINE | doc::FURN_CHROME) != 0)
            .map(|(s, _)| (s.start, s.end))
            .collect();
        // bylines are in text order: the last one starting before the name
        orgs.retain(|o| {
            let k = bylines.partition_point(|&(a, _)| a <= o.start);
            k == 0 || bylines.get(k - 1).is_none_or(|&(_, b)| o.end > b)
        });
        // an event named after a summit is no organisation ("le sommet
        // Choose France", "the Choose France summit"); a capitalised
        // "Total" opening a sentence before a common noun is the sum
        // ("Total investment reached ...")
        orgs.retain(|o| {
            let t = d.tok_at(o.start);
            let e = d.tok_at(o.end);
            let before = if t > 0 { d.w(t - 1) } else { "" };
            let summit = matches!(before, "sommet" | "summit" | "salon" | "forum")
                || matches!(d.w(e), "summit" | "summits")
                || d.text.get(o.start..o.end) == Some("Choose France");
            let sum = d.text.get(o.start..o.end) == Some("Total")
                && d.sents.iter().any(|s| s.start == o.start)
                && d.toks.get(e).is_some_and(|x| x.word && !x.cap);
            !(summit || sum)
        });
        // a town's short name: "muscle son usine de Vire" when the article
        // names the commune "Vire Normandie"
        orgs.retain(|o| {
            o.known
                || o.public
                || !d.places.iter().any(|p| {
                    p.rank == 0
                        && p.text.starts_with(o.name.as_str())
                        && matches!(p.text.as_bytes().get(o.name.len()), Some(b' ' | b'-'))
                })
        });
        for o in orgs
            .iter_mut()
            .filter(|o| !o.known && !o.public && !o.outlet)
        {
            orgs::strip_descriptors(o);
        }
        // a public agency named after its description: "New York state's
        // economic development agency Empire State Development"
        for o in orgs
            .iter_mut()
            .filter(|o| !o.known && !o.public && !o.outlet)
        {
            let t = d.tok_at(o.start);
            if t > 0 && matches!(d.w(t - 1), "agency" | "agence") {
                o.public = true;
            }
        }
        // a capital named for its government ("Berlin to chip in 1
        // billion") and "the government" of the same article are one funder
        const CAPITALS: &[&str] = &[
            "Berlin",
            "London",
            "Londres",
            "Washington",
            "Rome",
            "Madrid",
            "Tokyo",
            "Beijing",
            "Pékin",
            "Ottawa",
            "Brussels",
            "Bruxelles",
            "Vienna",
            "Stockholm",
            "Oslo",
            "Copenhagen",
            "Warsaw",
            "Seoul",
            "Canberra",
            "Rabat",
            "Riyadh",
            "Abu Dhabi",
            "New Delhi",
        ];
        let capitals: Vec<String> = orgs
            .iter()
            .filter(|o| o.public && CAPITALS.contains(&o.canonical.as_str()))
            .map(|o| o.canonical.clone())
            .collect();
        if let [cap] = capitals.as_slice() {
            for o in orgs
                .iter_mut()
                .filter(|o| o.public && o.canonical == "government")
            {
                o.canonical = cap.clone();
                o.family = cap.clone();
            }
        }
        // the French state's programmes are the State: "L'État apporte 90 M€"
        // and "90 M€ au titre de France 2030" are one grant
        for o in orgs.iter_mut().filter(|o| o.public) {
            if matches!(o.canonical.as_str(), "État" | "France 2030" | "SGPI") {
                o.family = "État".to_string();
            }
        }
        // "La Région apporte 2 M€" takes up the region the article names
        // ("La Région Bretagne apporte 2 M€"), when it names only one
        for generic in ["Région", "Département", "Region"] {
            let prefix = format!("{generic} ");
            let named: Vec<OrgM> = orgs
                .iter()
                .filter(|o| o.public && o.canonical.starts_with(&prefix))
                .cloned()
                .collect();
            let one = named
                .first()
                .filter(|f| named.iter().all(|o| o.family == f.family))
                .cloned();
            if let Some(f) = one {
                for o in orgs
                    .iter_mut()
                    .filter(|o| o.public && o.canonical == generic)
                {
                    o.canonical = f.canonical.clone();
                    o.family = f.family.clone();
                    o.name = f.name.clone();
                    o.country = f.country.clone();
                }
            }
        }
        // "le groupe Saint-Lys" names a company: its other mentions are the
        // company too, not the commune of the same name
        let firms: doc::FastMap<String, OrgM> = orgs
            .iter()
            .filter(|o| !o.public && !o.outlet)
            .filter(|o| {
                let before = d
                    .lower
                    .get(o.start.saturating_sub(14)..o.start)
                    .unwrap_or("");
                [
                    "groupe ",
                    "société ",
                    "entreprise ",
                    "group ",
                    "company ",
                    "firm ",
                ]
                .iter()
                .any(|n| before.ends_with(n))
            })
            .map(|o| (o.name.to_lowercase(), o.clone()))
            .collect();
        if !firms.is_empty() {
            let mut moved: Vec<OrgM> = Vec::new();
            d.places.retain(|p| {
                let firm = firms.get(&p.text.to_lowercase());
                if let Some(f) = firm {
                    let mut o = f.clone();
                    o.start = p.start;
                    o.end = p.end;
                    moved.push(o);
                }
                firm.is_none()
            });
            // places are in text order, so are the moved names
            orgs.retain(|o| {
                let k = moved.partition_point(|m| m.start < o.end);
                k == 0 || moved.get(k - 1).is_none_or(|m| m.end <= o.start)
            });
            orgs.extend(moved);
            orgs.sort_by_key(|o| (o.start, std::cmp::Reverse(o.end)));
        }
        orgs::alias(&mut orgs);
        d.orgs = orgs;
        let mut more = Vec::new();
        cities::find(&d, &mut more);
        if !more.is_empty() {
            d.ctrys.extend(more);
            d.ctrys.sort_by_key(|c| c.start);
        }
        // "Lebanon, Indiana", "Paris, Texas": a town named after a country,
        // placed by the state after it
        let fixes: Vec<(usize, String)> = d
            .ctrys
            .windows(2)
            .filter(|w| {
                !w[0].demonym
                    && !w[1].demonym
                    && w[0].country != w[1].country
                    && d.text.get(w[0].end..w[1].start) == Some(", ")
            })
            .map(|w| (w[0].start, w[1].country.clone()))
            .collect();
        for (start, cc) in fixes {
            if let Some(c) = d.ctrys.iter_mut().find(|c| c.start == start) {
                c.country = cc.clone();
            }
            // the country-level place of the same name is no country either
            d.places.retain(|p| !(p.start == start && p.rank == 3));
        }
        // where a company is listed or based is not where its money goes:
        // "CALB, listed in Hong Kong", "a Munich-based brand", "basée à Lyon"
        let lower = &d.lower;
        let home = |start: usize| {
            // (each phrase below ends in "n " or "à ")
            let tail = lower.as_bytes().get(start.saturating_sub(2)..start);
            if !matches!(tail, Some(b"n " | b"\xa0 ")) {
                return false;
            }
            let mut a = start.saturating_sub(20);
            while a > 0 && !lower.is_char_boundary(a) {
                a -= 1;
            }
            let before = lower.get(a..start).unwrap_or("");
            [
                "listed in ",
                "listed on ",
                "headquartered in ",
                "based in ",
                "coté à ",
                "cotée à ",
                "siège à ",
                "siège en ",
            ]
            .iter()
            .any(|p| before.ends_with(p))
        };
        d.ctrys.retain(|c| !home(c.start));
        d.places.retain(|p| !home(p.start));
        Some(d)
    }

    /// The event a group of candidates states; `topic` is
    /// [`topic_sector`] of `d`.
    fn event(
        &self,
        article: &Article,
        document: &Document,
        d: &Doc,
        topic: Option<(Sector, bool)>,
        cands: &[Cand],
        members: &[usize],
    ) -> Option<Event> {
        let ms: Vec<&Cand> = members.iter().map(|&m| &cands[m]).collect();
        let has_money = ms.iter().any(|c| c.amount.is_some());
        let kinds: Vec<Kind> = ms
            .iter()
            .map(|c| c.kind)
            .filter(|k| *k != Kind::Capex || has_money || !ms.iter().any(|c| c.jobs.is_some()))
            .collect();
        let mut kinds = kinds;
        if !has_money && ms.iter().any(|c| c.jobs.is_some()) {
            // job creation announced with no money
            kinds.push(Kind::Jobs);
        }
        let kind = merge::combine_kind(&kinds, has_money);
        // actors: the best-attested mention
        let pick = |f: &dyn Fn(&Cand) -> Option<usize>| -> Option<(usize, Via)> {
            let mut v: Vec<(usize, Via)> =
                ms.iter().filter_map(|c| f(c).map(|o| (o, c.via))).collect();
            v.sort_by_key(|(o, via)| (merge::via_rank(*via), d.orgs[*o].start));
            // most frequent canonical among the best
            let first = v.first().copied()?;
            Some(first)
        };
        let investor = pick(&|c: &Cand| c.investor);
        let recipient = if matches!(kind, Kind::Equity | Kind::Acquisition | Kind::PublicFunding) {
            ms.iter()
                .filter_map(|c| c.recipient)
                .min_by_key(|&o| (!d.orgs[o].known as u8, d.orgs[o].start))
        } else {
            None
        };
        let mut investor = investor
            .map(|(o, _)| o)
            .filter(|&o| Some(o) != recipient || kind != Kind::Equity);
        // a round whose lead is named in the next sentence: "L'opération est
        // menée par Sofinnova", "The round was led by Nvidia's venture arm"
        if kind == Kind::Equity && investor.is_none() {
            if let Some(r) = recipient {
                let mut ev: Vec<usize> =
                    ms.iter().flat_map(|c| c.evidence.iter().copied()).collect();
                ev.sort_unstable();
                ev.dedup();
                investor = ev.iter().find_map(|&si| lead_investor(d, si, r));
            }
        }
        if investor.is_none() && !(kind == Kind::Equity && recipient.is_some()) {
            return None;
        }
        let org = |o: usize| -> Org {
            let m = &d.orgs[o];
            // the name as given, but a coreference shows the canonical name
            let name = if m.name.trim().is_empty() {
                m.canonical.clone()
            } else {
                m.name.clone()
            };
            Org {
                name,
                canonical: m.canonical.clone(),
                country: m.country.clone(),
            }
        };
        // amount: the most specific statement gives value and bounds
        let mut amount: Option<Money> = None;
        for c in &ms {
            if let Some(ai) = c.amount {
                let a: &Amt = &d.amounts[ai];
                match &mut amount {
                    None => {
                        amount = Some(Money {
                            value: a.value,
                            currency: a.currency.map(str::to_string),
                            qualifier: a.qualifier,
                            max: a.max,
                            eur: None,
                        });
                    }
                    Some(m) => {
                        let q = merge::combine_qualifier(m.qualifier, a.qualifier);
                        if a.qualifier == Qualifier::Range && m.qualifier != Qualifier::Range {
                            m.value = a.value;
                            m.max = a.max;
                        }
                        m.qualifier = q;
                        if m.currency.is_none() {
                            m.currency = a.currency.map(str::to_string);
                        }
                    }
                }
            }
        }
        if let Some(m) = &mut amount {
            if m.qualifier != Qualifier::Range {
                m.max = None;
            }
            m.eur = m
                .currency
                .as_deref()
                .and_then(|c| self.rates.to_eur(m.value, c, article.published.as_deref()));
        }
        // places
        let mut pl: Vec<usize> = Vec::new();
        for c in &ms {
            for &p in &c.places {
                if !pl.contains(&p) {
                    pl.push(p);
                }
            }
        }
        pl.sort_by_key(|&i| (d.places[i].rank, d.places[i].start));
        // nothing placed by the statements: the commune of a local paper's
        // dateline ("CHÂTEAUROUX. Il y avait...", "Douai : ...") when the
        // money stays in France
        if pl.is_empty()
            && ms
                .iter()
                .all(|c| c.country.as_deref().is_none_or(|x| x == "FR"))
        {
            pl.extend(dateline_place(d));
        }
        let mut places: Vec<Place> = Vec::new();
        for &i in &pl {
            let p = &d.places[i];
            let place = Place {
                text: p.text.clone(),
                country: p.country.clone(),
                region: p.region.clone(),
                departement: p.departement.clone(),
                commune: p.commune.clone(),
            };
            if !places.iter().any(|q| {
                q.country == place.country
                    && q.region == place.region
                    && q.departement == place.departement
                    && q.commune == place.commune
            }) {
                places.push(place);
            }
        }
        // a stake or a purchase is placed at the company bought or funded:
        // "Paris-based Lumen", "la start-up nantaise Cyclam"
        if matches!(kind, Kind::Equity | Kind::Acquisition) {
            if let Some(home) = recipient.and_then(|r| home_of(&self.gaz, d, r)) {
                if !places.iter().any(|q| q.commune == home.commune) {
                    places.insert(0, home);
                }
            }
        }
        let country = places
            .first()
            .and_then(|p| p.country.clone())
            .or_else(|| ms.iter().find_map(|c| c.country.clone()));
        let mut sectors = Vec::new();
        for c in &ms {
            for s in &c.sectors {
                if !sectors.contains(s) {
                    sectors.push(*s);
                }
            }
        }
        // no sector word near the statement: the article's subject; a
        // subject the headline states ("Semi-conducteurs : Soitec ...") also
        // joins the words of the statement
        if let Some((t, headline)) = topic {
            let generic = sectors
                .iter()
                .all(|s| matches!(s, Sector::Manufacturing | Sector::Other));
            if (generic || headline) && !sectors.contains(&t) {
                sectors.push(t);
            }
        }
        // the trade the company is described by ("Le fabricant de
        // pneumatiques Rodal", "la biscuiterie Delattre", "le laboratoire
        // Eli Lilly") is the sector of its projects too
        let actor = if matches!(kind, Kind::Capex | Kind::Jobs) {
            investor
        } else {
            recipient
        };
        if let Some(a) = actor {
            let fam = &d.orgs[a].family;
            for o in d.orgs.iter().filter(|o| &o.family == fam) {
                let t = d.tok_at(o.start);
                let mut lo = t.saturating_sub(5);
                if let Some(k) = (lo..t).rev().find(|&k| !d.toks[k].word && d.w(k) != "'") {
                    lo = k + 1;
                }
                let from = d.toks.get(lo).map_or(o.start, |x| x.start);
                // (sectors are sorted by start, each ends after it starts)
                let first = d.sectors.partition_point(|x| x.start < from);
                for sm in d
                    .sectors
                    .get(first..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|x| x.start <= o.start)
                    .filter(|x| x.end <= o.start)
                {
                    if !sectors.contains(&sm.sector) {
                        sectors.push(sm.sector);
                    }
                }
            }
        }
        let jobs = ms.iter().find_map(|c| c.jobs.clone());
        let mut horizon: Option<Horizon> = None;
        for c in &ms {
            if let Some(h) = &c.horizon {
                let e = horizon.get_or_insert_with(Horizon::default);
                if e.until.is_none() {
                    e.until = h.until;
                }
                if e.years.is_none() {
                    e.years = h.years;
                }
            }
        }
        let status = ms
            .iter()
            .map(|c| c.status)
            .reduce(merge::combine_status)
            .unwrap_or(vigie_model::Status::Announced);
        // evidence: every sentence, in order
        let mut sents: Vec<usize> = ms.iter().flat_map(|c| c.evidence.iter().copied()).collect();
        sents.sort_unstable();
        sents.dedup();
        let evidence: Vec<Evidence> = sents
            .iter()
            .filter_map(|&si| {
                let s = document.sentences.get(si)?;
                let sentence = article.text.get(s.orig_start..s.orig_end)?.to_string();
                Some(Evidence {
                    doc: article.doc.clone(),
                    sentence,
                    start: s.orig_start,
                    end: s.orig_end,
                })
            })
            .collect();
        if evidence.is_empty() {
            return None;
        }
        let investor_org = investor.map(org);
        let recipient_org = recipient.map(org);
        let confidence = confidence(d, &ms, investor, amount.as_ref(), kind);
        let id = event_id(
            &article.doc,
            investor_org
                .as_ref()
                .map(|o| o.canonical.as_str())
                .unwrap_or(""),
            recipient_org
                .as_ref()
                .map(|o| o.canonical.as_str())
                .unwrap_or(""),
            amount.as_ref().map(|m| m.value),
            kind,
        );
        Some(Event {
            id,
            kind,
            investor: investor_org,
            recipient: recipient_org,
            amount,
            places,
            country,
            sectors,
            jobs,
            horizon,
            status,
            published: article.published.clone(),
            confidence,
            evidence,
            sources: vec![article.source.clone()],
        })
    }
}

/// Stable event id: "evt_" + 16 hex digits of FNV-1a over the identity.
/// Cities named by their inhabitants' adjective in company descriptions
/// ("la start-up nantaise Cyclam", "la bordelaise Sylvagen").
const CITY_DEMONYMS: &[(&str, &str)] = &[
    ("parisien", "Paris"),
    ("parisienne", "Paris"),
    ("lyonnais", "Lyon"),
    ("lyonnaise", "Lyon"),
    ("marseillais", "Marseille"),
    ("marseillaise", "Marseille"),
    ("nantais", "Nantes"),
    ("nantaise", "Nantes"),
    ("bordelais", "Bordeaux"),
    ("bordelaise", "Bordeaux"),
    ("toulousain", "Toulouse"),
    ("toulousaine", "Toulouse"),
    ("lillois", "Lille"),
    ("lilloise", "Lille"),
    ("grenoblois", "Grenoble"),
    ("grenobloise", "Grenoble"),
    ("rennais", "Rennes"),
    ("rennaise", "Rennes"),
    ("strasbourgeois", "Strasbourg"),
    ("strasbourgeoise", "Strasbourg"),
    ("montpelliérain", "Montpellier"),
    ("montpelliéraine", "Montpellier"),
    ("niçois", "Nice"),
    ("niçoise", "Nice"),
    ("angevin", "Angers"),
    ("angevine", "Angers"),
    ("stéphanois", "Saint-Étienne"),
    ("stéphanoise", "Saint-Étienne"),
    ("clermontois", "Clermont-Ferrand"),
    ("clermontoise", "Clermont-Ferrand"),
    ("rouennais", "Rouen"),
    ("rouennaise", "Rouen"),
    ("dijonnais", "Dijon"),
    ("dijonnaise", "Dijon"),
    ("brestois", "Brest"),
    ("brestoise", "Brest"),
    ("havrais", "Le Havre"),
    ("havraise", "Le Havre"),
    ("nancéien", "Nancy"),
    ("nancéienne", "Nancy"),
    ("rémois", "Reims"),
    ("rémoise", "Reims"),
    ("caennais", "Caen"),
    ("caennaise", "Caen"),
    ("amiénois", "Amiens"),
    ("amiénoise", "Amiens"),
    ("limougeaud", "Limoges"),
    ("limougeaude", "Limoges"),
    ("palois", "Pau"),
    ("paloise", "Pau"),
    ("toulonnais", "Toulon"),
    ("toulonnaise", "Toulon"),
];

/// The head-office town of company `r`, when the text gives it next to a
/// mention: "Paris-based Lumen", "Amiens-based biotech Pilgen", "Captelia
/// SAS, a Grenoble, France-based developer", "la start-up nantaise Cyclam".
fn home_of(gaz: &Gazetteer, d: &Doc, r: usize) -> Option<Place> {
    let fam = &d.orgs[r].family;
    let probe = |city: &str| -> Option<Place> {
        let p = gaz
            .places(&format!("À {city}."))
            .into_iter()
            .find(|p| p.level == PlaceLevel::Commune && p.commune.is_some())?;
        Some(Place {
            text: city.to_string(),
            country: p.country,
            region: p.region,
            departement: p.departement,
            commune: p.commune,
        })
    };
    // a town right before "-based" ("Paris-based", "a Grenoble, France-based")
    let based = |k: usize| -> Option<Place> {
        if !(d.w(k) == "-" && d.w(k + 1) == "based") || k == 0 {
            return None;
        }
        let mut j = k - 1;
        if d.w(j) == "france" && j >= 2 && d.w(j - 1) == "," {
            j -= 2;
        }
        let t = d.toks.get(j)?;
        if !(t.cap && t.word && t.end == d.toks.get(j + 1)?.start || j + 2 <= k) {
            return None;
        }
        probe(d.text.get(t.start..t.end)?)
    };
    for o in d.orgs.iter().filter(|o| &o.family == fam) {
        let t = d.tok_at(o.start);
        let e = d.tok_at(o.end);
        for k in t.saturating_sub(6)..t {
            if let Some(p) = based(k) {
                return Some(p);
            }
        }
        for k in e..(e + 10).min(d.toks.len()) {
            if let Some(p) = based(k) {
                return Some(p);
            }
        }
        for k in t.saturating_sub(3)..t {
            let w = d.w(k);
            if let Some(&(_, city)) = CITY_DEMONYMS.iter().find(|(dm, _)| *dm == w) {
                if let Some(p) = probe(city) {
                    return Some(p);
                }
            }
        }
    }
    None
}

pub fn event_id(
    doc: &str,
    investor: &str,
    recipient: &str,
    amount: Option<f64>,
    kind: Kind,
) -> String {
    // a whole positive amount prints as its integer ("{v:.0}" is slow)
    let amt = amount
        .map(|v| {
            if v > 0.0 && v < 1e15 && v.fract() == 0.0 {
                (v as i64).to_string()
            } else {
                format!("{v:.0}")
            }
        })
        .unwrap_or_default();
    // FNV-1a of "{doc}\u{1f}{investor}\u{1f}{recipient}\u{1f}{amt}\u{1f}{kind}"
    // (vigie_model::fnv1a64 of that key), fed piece by piece
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let sep = [0x1fu8];
    for part in [
        doc.as_bytes(),
        &sep,
        investor.as_bytes(),
        &sep,
        recipient.as_bytes(),
        &sep,
        amt.as_bytes(),
        &sep,
        kind.as_str().as_bytes(),
    ] {
        for &b in part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // format!("evt_{h:016x}"), digit by digit
    let mut id = String::with_capacity(20);
    id.push_str("evt_");
    for k in (0..16).rev() {
        let nibble = (h >> (4 * k)) & 0xf;
        id.push(char::from(b"0123456789abcdef"[nibble as usize]));
    }
    id
}

/// Confidence from features of the evidence; calibrated on the dev set
/// (see tests/devset.rs).
fn confidence(
    d: &Doc,
    ms: &[&Cand],
    investor: Option<usize>,
    amount: Option<&Money>,
    kind: Kind,
) -> f64 {
    let best_via = ms.iter().map(|c| merge::via_rank(c.via)).min().unwrap_or(4);
    let strong = ms.iter().any(|c| c.class.strong());
    let known = investor.is_some_and(|i| d.orgs[i].known);
    let mut s: f64 = 0.30;
    match amount {
        Some(m) if m.currency.is_some() => s += 0.25,
        Some(_) => s += 0.12,
        None if kind == Kind::Jobs => s += 0.12,
        None => {}
    }
    s += match best_via {
        0 => 0.2,
        1 => 0.12,
        2 => 0.05,
        _ => 0.0,
    };
    if strong {
        s += 0.1;
    }
    if known {
        s += 0.05;
    }
    if ms.len() > 1 {
        s += 0.05;
    }
    if !d.places.is_empty() && ms.iter().any(|c| !c.places.is_empty()) {
        s += 0.03;
    }
    (s.clamp(0.05, 0.99) * 100.0).round() / 100.0
}

/// Where a dateline ("PARIS, 14 mai 2025 (AFP) -", "BRUSSELS -") ends.
fn dateline_end(d: &Doc) -> usize {
    let Some(s) = d.sents.first() else { return 0 };
    let head = d.text.get(s.start..s.end.min(s.start + 100)).unwrap_or("");
    for dash in [" - ", " – ", " — "] {
        if let Some(p) = head.find(dash) {
            let before = &head[..p];
            let caps = before
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .is_some_and(|w| w.len() > 2 && w.chars().all(|c| c.is_uppercase()));
            if before.contains('(') || caps {
                return s.start + p + dash.len();
            }
        }
    }
    0
}

/// The lead investor named right after a round: in sentence `si` or the
/// next two, "mené(e) par X", "led by X", "co-led by X" (not the raiser).
fn lead_investor(d: &Doc, si: usize, raiser: usize) -> Option<usize> {
    let fam = &d.orgs[raiser].family;
    for s in d.sents.iter().skip(si).take(3) {
        for k in s.t0..s.t1 {
            let w = d.w(k);
            let lead = matches!(
                w,
                "mené" | "menée" | "menés" | "menées" | "conduit" | "conduite"
            ) && d.w(k + 1) == "par"
                || matches!(w, "led" | "co-led") && d.w(k + 1) == "by";
            // "Le fonds parisien mène l'opération", "Index leads the round":
            // the subject, else the investor named in the headline
            let leads = matches!(w, "mène" | "mènent" | "leads" | "pilote")
                && (k + 1..(k + 4).min(s.t1)).any(|j| {
                    matches!(
                        d.w(j),
                        "opération" | "tour" | "round" | "levée" | "financement"
                    )
                });
            if leads {
                let usable = |o: &OrgM| !o.outlet && !o.public && &o.family != fam;
                let a = d.toks[s.t0].start;
                let e = d.toks[k].start;
                let lo = d.orgs.partition_point(|o| o.start < a);
                let in_subject = (lo..d.orgs.len())
                    .take_while(|&i| d.orgs[i].end <= e)
                    .filter(|&i| usable(&d.orgs[i]))
                    .last();
                let head_end = d.sents.first().map_or(0, |h| h.end);
                let in_headline = (0..d.orgs.len())
                    .take_while(|&i| d.orgs[i].end <= head_end)
                    .find(|&i| usable(&d.orgs[i]));
                if let Some(i) = in_subject.or(in_headline) {
                    return Some(i);
                }
            }
            if !lead {
                continue;
            }
            let (Some(a), Some(b)) = (d.toks.get(k + 2), d.toks.get((k + 8).min(s.t1 - 1))) else {
                continue;
            };
            // organisations are in text order
            let lo = d.orgs.partition_point(|o| o.start < a.start);
            let found = d
                .orgs
                .iter()
                .enumerate()
                .skip(lo)
                .take_while(|(_, o)| o.start < b.end)
                .find(|(_, o)| o.end <= b.end && !o.outlet && &o.family != fam);
            if let Some((i, _)) = found {
                return Some(i);
            }
        }
    }
    None
}

/// A job noun that a count in words can precede.
/// (`doc::marks` picks the tokens asked by their length and first and
/// last bytes: test `marks_cover_their_words` checks these words.)
fn jobish_count<'a>(word: &dyn Fn(usize) -> &'a str, i: usize) -> bool {
    matches!(
        word(i),
        "emplois" | "postes" | "salariés" | "recrutements" | "embauches" | "jobs" | "créations"
    )
}

/// `s.trim_start_matches(p)` for a non-empty `p`, without building a
/// string searcher.
fn trim_start_str<'a>(mut s: &'a str, p: &str) -> &'a str {
    if p.is_empty() {
        return s;
    }
    while let Some(r) = s.strip_prefix(p) {
        s = r;
    }
    s
}

/// "trentaine" -> 30, "centaine" -> 100 (approximate counts).
fn approx_count(w: &str) -> Option<f64> {
    Some(match w {
        "dizaine" => 10.0,
        "quinzaine" => 15.0,
        "vingtaine" => 20.0,
        "trentaine" => 30.0,
        "quarantaine" => 40.0,
        "cinquantaine" => 50.0,
        "soixantaine" => 60.0,
        "centaine" => 100.0,
        _ => return None,
    })
}

/// Small numbers in words (French and English).
fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "deux" | "two" => 2.0,
        "trois" | "three" => 3.0,
        "quatre" | "four" => 4.0,
        "cinq" | "five" => 5.0,
        "six" => 6.0,
        "sept" | "seven" => 7.0,
        "huit" | "eight" => 8.0,
        "neuf" | "nine" => 9.0,
        "dix" | "ten" => 10.0,
        "douze" | "twelve" => 12.0,
        "quinze" | "fifteen" => 15.0,
        "vingt" | "twenty" => 20.0,
        "trente" | "thirty" => 30.0,
        "quarante" | "forty" => 40.0,
        "cinquante" | "fifty" => 50.0,
        _ => return None,
    })
}

/// A line of web-page chrome: share buttons, subscription prompts, social
/// links, photo captions and credits, section headers of related links
/// ("Partager : Facebook X LinkedIn", "Abonnez-vous dès 1 €", "Photo : ...",
/// "Lire aussi", "Sign up to our newsletter"). Such lines name no investor
/// and hold no event.
pub(crate) fn furniture(s: &str) -> bool {
    let l = furniture_line(s, None);
    chrome_line(l.as_deref()) || caption_line(l.as_deref())
}

/// The page furniture flags of a sentence ([`doc::FURN_CHROME`] ...);
/// `lower`, when given, is the exact lowercase of `s` (same byte offsets).
fn page_flags(s: &str, lower: Option<&str>) -> u8 {
    chrome_caption_flags(s, lower) | byline_flag(s, lower)
}

/// The [`doc::FURN_CHROME`] and [`doc::FURN_CAPTION`] flags of
/// [`page_flags`].
fn chrome_caption_flags(s: &str, lower: Option<&str>) -> u8 {
    let l = furniture_line(s, lower);
    let mut f = 0;
    if chrome_line(l.as_deref()) {
        f |= doc::FURN_CHROME;
    }
    if caption_line(l.as_deref()) {
        f |= doc::FURN_CAPTION;
    }
    f
}

/// The [`doc::FURN_BYLINE`] flag of [`page_flags`].
fn byline_flag(s: &str, lower: Option<&str>) -> u8 {
    if byline_l(s, lower) {
        doc::FURN_BYLINE
    } else {
        0
    }
}

/// The slice of `lower` (the exact lowercase of `s`, same byte offsets) at
/// the place of `t`, a subslice of `s`; `t.to_lowercase()` without one.
fn lower_of<'a>(s: &str, t: &str, lower: Option<&'a str>) -> Cow<'a, str> {
    let a = (t.as_ptr() as usize).wrapping_sub(s.as_ptr() as usize);
    match lower.and_then(|l| l.get(a..a.wrapping_add(t.len()))) {
        Some(l) if a <= s.len() => Cow::Borrowed(l),
        _ => Cow::Owned(t.to_lowercase()),
    }
}

/// [`page_flags`] of sentence `s` of the text, with [`doc::FURN_KNOWN`];
/// `exact` tells that `lower` is exactly the lowercase of `text`.
fn sentence_flags(text: &str, lower: &str, exact: bool, s: &Sent) -> u8 {
    let t = text.get(s.start..s.end).unwrap_or("");
    page_flags(t, lower.get(s.start..s.end).filter(|_| exact)) | doc::FURN_KNOWN
}

/// [`chrome_caption_flags`] of sentence `s` of the text, with
/// [`doc::FURN_PAGE`] ([`sentence_byline`] completes them).
fn sentence_page_flags(text: &str, lower: &str, exact: bool, s: &Sent) -> u8 {
    let t = text.get(s.start..s.end).unwrap_or("");
    chrome_caption_flags(t, lower.get(s.start..s.end).filter(|_| exact)) | doc::FURN_PAGE
}

/// [`byline_flag`] of sentence `s` of the text, with [`doc::FURN_KNOWN`]:
/// with [`sentence_page_flags`], the flags [`sentence_flags`] gives.
fn sentence_byline(text: &str, lower: &str, exact: bool, s: &Sent) -> u8 {
    let t = text.get(s.start..s.end).unwrap_or("");
    byline_flag(t, lower.get(s.start..s.end).filter(|_| exact)) | doc::FURN_KNOWN
}

/// The trimmed, lowercased line when it is short enough to be furniture.
fn furniture_line<'a>(s: &'a str, lower: Option<&'a str>) -> Option<Cow<'a, str>> {
    let t = s
        .trim()
        .trim_start_matches(['[', '(', '—', '–', '-', ' ', '🔗', '⏱', '»', '→'])
        .trim_start();
    (t.len() <= 260 && !t.is_empty()).then(|| lower_of(s, t, lower))
}

/// Share buttons, subscription prompts, social links, ads: names in them
/// are not actors of the article (the "LinkedIn" of a share bar).
/// The company a wire factbox item is about: a line "* MERROW
/// PHARMACEUTICALS" heads the paragraph that follows ("The U.S. drugmaker
/// will invest ..."). Named in capitals, so neither the gazetteer nor the
/// name patterns take it; its canonical form is title-cased.
fn factbox_heads(d: &Doc, orgs: &[OrgM]) -> Vec<OrgM> {
    let mut out = Vec::new();
    for s in &d.sents {
        let Some(line) = d.text.get(s.start..s.end) else {
            continue;
        };
        let Some(name) = line.strip_prefix("* ").map(str::trim_end) else {
            continue;
        };
        let words = name.split(' ').count();
        let shaped = (3..=60).contains(&name.len())
            && words <= 5
            && name.chars().any(char::is_alphabetic)
            && name
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || " &-'.".contains(c))
            && !matches!(name, "OTHER" | "OTHERS" | "AUTRES" | "NOTE" | "NOTES");
        let start = s.start + 2;
        let end = start + name.len();
        if !shaped || orgs.iter().any(|o| o.start < end && start < o.end) {
            continue;
        }
        let canonical = name
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next().map_or(String::new(), |f| {
                    f.to_string() + &cs.as_str().to_lowercase()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        out.push(OrgM {
            start,
            end,
            name: name.to_string(),
            family: canonical.clone(),
            canonical,
            country: None,
            outlet: false,
            known: false,
            public: false,
        });
    }
    out
}

pub(crate) fn chrome(s: &str) -> bool {
    chrome_line(furniture_line(s, None).as_deref())
}

/// [`chrome`] on the line [`furniture_line`] gives.
fn chrome_line(l: Option<&str>) -> bool {
    let Some(l) = l else {
        return false;
    };
    const HEADS: needles::Heads = needles::Heads::new(&[
        "partager",
        "partagez",
        "share:",
        "share this",
        "tweet",
        "suivez-nous",
        "suivez l'actualité",
        "follow us",
        "abonnez",
        "je m'abonne",
        "je m'inscris",
        "s'abonner",
        "subscribe",
        "newsletter",
        "inscrivez-vous",
        "sign up",
        "recevez ",
        "publicité",
        "advertisement",
        "copier le lien",
        "imprimer",
        "listen to this article",
        "save article",
        "vous souhaitez",
        "vous lisez cet article",
        "vous avez aimé",
        "connectez-vous",
        "temps de lecture",
        "reprints",
        "rédaction ",
        "publié le",
        "mis à jour",
        "modifié le",
        "published ",
        "updated ",
    ]);
    if HEADS.any_starting(l, |_| true) {
        return true;
    }
    // the first ten are social links (two make a share bar), the others
    // prompts; all looked for in one pass
    const SOCIAL: u32 = (1 << 10) - 1;
    const NEEDLES: needles::Needles = needles::Needles::new(&[
        "facebook",
        "linkedin",
        "twitter",
        "whatsapp",
        "e-mail",
        "email",
        "[x]",
        " x ",
        "imprimer",
        "instagram",
        " je m'abonne",
        "abonnez-vous",
        "min de lecture",
        "min read",
    ]);
    let found = NEEDLES.occurring(l);
    (found & SOCIAL).count_ones() >= 2 || found & !SOCIAL != 0
}

/// Photo captions, credits and headers of related links ("Photo : ...",
/// "Légende : ... © GPMM", "Lire aussi"): they hold no event, though the
/// company they credit is still the article's.
fn caption_line(l: Option<&str>) -> bool {
    let Some(l) = l else {
        return false;
    };
    const HEADS: needles::Heads = needles::Heads::new(&[
        "photo :",
        "photo:",
        "image:",
        "image :",
        "crédit :",
        "crédit photo",
        "credit:",
        "légende",
        "caption",
        "©",
    ]);
    // a header alone on its line; "Lire aussi : X investit ..." is a teaser
    const RELATED: needles::Heads = needles::Heads::new(&[
        "lire aussi",
        "à lire aussi",
        "à lire également",
        "à découvrir",
        "voir aussi",
        "sur le même",
        "dans la même rubrique",
        "you might also like",
        "related",
        "read more",
    ]);
    HEADS.any_starting(l, |_| true) || RELATED.any_starting(l, |h| l.len() < h.len() + 24)
}

/// A byline or dateline line: "Par Claire V. | Publié le 12/03/2026",
/// "By Jane Doe — May 3, 2026", "Ouest-Vendée | Par T. R. | 25 juin 2025".
pub(crate) fn byline(s: &str) -> bool {
    byline_l(s, None)
}

/// [`byline`]; `lower`, when given, is the exact lowercase of `s`.
fn byline_l(s: &str, lower: Option<&str>) -> bool {
    let t = s.trim_start();
    if t.len() > 160 {
        return false;
    }
    // every head below starts with one of these bytes
    let pb = matches!(t.as_bytes().first(), Some(b'P' | b'B' | b'p'));
    // "Par" / "By" and a capitalised name ("Par exemple, ..." is prose)
    let starts = pb
        && ["Par ", "By ", "par "].iter().any(|p| {
            t.strip_prefix(p)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
        });
    // "Par Gwenaëlle Le Bihan" alone on its line: a few capitalised words
    // "Par la rédaction Santé-Industrie", "By our reporters"
    if pb
        && ["Par la rédaction", "Par notre", "By our ", "Par nos "]
            .iter()
            .any(|p| t.starts_with(p))
        && t.len() < 80
    {
        return true;
    }
    if starts
        && t.split_whitespace().count() <= 6
        && t.split_whitespace()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.len() <= 3)
        && !t.ends_with('.')
    {
        return true;
    }
    // each separator looked for only when its rare character is there
    // (a fast byte search)
    let separated = (t.as_bytes().contains(&b'|') && t.contains(" | "))
        || (t.contains('—') && t.contains(" — "))
        || (t.contains('–') && t.contains(" – "));
    if !starts && !separated {
        return false;
    }
    let dated = t.bytes().any(|c| c.is_ascii_digit());
    // "Le Berry Républicain – Publié le 17/04/2025 à 18h42": the paper and
    // the date of the page
    let stamped = || {
        let l = lower_of(s, t, lower);
        dated
            && ["publié le", "mis à jour le", "published", "updated"]
                .iter()
                .any(|w| l.contains(w))
    };
    (starts && (separated || dated))
        || (separated && (t.contains("| Par ") || t.contains("— Par ") || t.contains("— By ")))
        || (separated && stamped())
}

/// The French commune that opens a headline ("Douai : ...") or a local
/// paper's dateline ("CHÂTEAUROUX. Il y avait ...", "DOUAI (AFP) - ").
fn dateline_place(d: &Doc) -> Option<usize> {
    let first = d.sents.iter().take(8);
    for (k, s) in first.enumerate() {
        let Some(i) = d
            .places
            .iter()
            .position(|p| p.start == s.start && p.commune.is_some())
        else {
            continue;
        };
        let p = &d.places[i];
        if p.country.as_deref() != Some("FR") {
            continue;
        }
        let after = d
            .text
            .get(p.end..(p.end + 3).min(d.text.len()))
            .unwrap_or("");
        let shouting = !p.text.chars().any(char::is_lowercase);
        let headline = k == 0 && after.starts_with(" :");
        let dateline = shouting
            && (after.starts_with('.') || after.starts_with(" (") || after.starts_with(','));
        if headline || dateline {
            return Some(i);
        }
    }
    None
}

/// The sector an article is about: the sector words of its headline and lead
/// (weighted) and of its body; `None` when no sector stands out.
fn topic_sector(d: &Doc) -> Option<(Sector, bool)> {
    let mut counts: Vec<(Sector, usize)> = Vec::new();
    for m in &d.sectors {
        if matches!(
            m.sector,
            Sector::Manufacturing | Sector::Other | Sector::Finance
        ) {
            continue;
        }
        // sentences are in text order: the one holding the word
        let k = d.sents.partition_point(|s| s.end <= m.start);
        let w = match k {
            0 => 3,
            1 => 2,
            _ => 1,
        };
        match counts.iter_mut().find(|(s, _)| *s == m.sector) {
            Some(c) => c.1 += w,
            None => counts.push((m.sector, w)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let (best, n) = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.1);
    let headline = d.sents.first().is_some_and(|h| {
        d.sectors
            .iter()
            .take_while(|m| m.start < h.end)
            .any(|m| m.sector == best)
    });
    (n >= 2 && n > second).then_some((best, headline))
}

#[cfg(test)]
mod inline_tests {
    use super::*;

    fn ev(text: &str) -> Vec<Event> {
        let x = Extractor::new();
        let a = Article::new("t.txt", text);
        x.extract(&a).unwrap_or_default()
    }

    /// The tokens `doc::marks` picks include every word its rules want.
    #[test]
    fn marks_cover_their_words() {
        let words = [
            "emplois",
            "postes",
            "salariés",
            "recrutements",
            "embauches",
            "jobs",
            "créations",
            "port",
            "aéroport",
            "airport",
            "grand",
            "Britain",
        ];
        let text = words.join(" ");
        let mut toks = Vec::new();
        doc::tokenize(&text, 0, text.len(), &mut toks);
        let lower = doc::lower_same_len_exact(&text).0;
        let m = doc::scan(&toks, lower.as_bytes(), doc::hit_tables()).0;
        for (k, t) in toks.iter().enumerate() {
            let w = lower.get(t.start..t.end).unwrap_or("");
            if jobish_count(&|i| if i == k { w } else { "" }, k) {
                assert!(m.job.contains(&k), "{w}");
            }
            if matches!(w, "port" | "aéroport" | "airport" | "grand") {
                assert!(m.facility.contains(&k), "{w}");
            }
            if text.get(t.start..t.end) == Some("Britain") {
                assert!(m.britain.contains(&k), "{w}");
            }
        }
        assert_eq!(m.job.len(), 7);
        assert_eq!(m.facility.len(), 4);
        assert_eq!(m.britain.len(), 1);
    }

    #[test]
    fn whole_amounts_print_as_before() {
        for v in [1.0, 780e6, 1.5e9, 999_999_999_999_999.0, 3.0e14, 42.0] {
            let a = event_id("d", "i", "r", Some(v), Kind::Capex);
            let key = format!("d\u{1f}i\u{1f}r\u{1f}{v:.0}\u{1f}{}", Kind::Capex.as_str());
            let b = format!("evt_{:016x}", vigie_model::fnv1a64(key.as_bytes()));
            assert_eq!(a, b, "{v}");
        }
    }

    #[test]
    fn ids_hash_the_joined_key() {
        let key = "doc_1\u{1f}Microsoft\u{1f}Acme\u{1f}4000000000\u{1f}capex";
        assert_eq!(
            event_id("doc_1", "Microsoft", "Acme", Some(4e9), Kind::Capex),
            format!("evt_{:016x}", vigie_model::fnv1a64(key.as_bytes()))
        );
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = event_id("doc_1", "Microsoft", "", Some(4e9), Kind::Capex);
        assert_eq!(
            a,
            event_id("doc_1", "Microsoft", "", Some(4e9), Kind::Capex)
        );
        assert_ne!(
            a,
            event_id("doc_1", "Microsoft", "", Some(4e9), Kind::Equity)
        );
        assert!(a.starts_with("evt_") && a.len() == 20);
    }

    #[test]
    fn two_events_in_one_sentence() {
        let e = ev("Par exemple, Microsoft investira 4 milliards d'euros, tandis qu'AWS débloquera 1,2 milliard d'euros pour son expansion en France. Le reste est connu.");
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(
            e[0].investor.as_ref().map(|o| o.canonical.as_str()),
            Some("Microsoft")
        );
        assert_eq!(e[0].amount.as_ref().map(|m| m.value), Some(4e9));
        assert_eq!(e[1].amount.as_ref().map(|m| m.value), Some(1.2e9));
    }
}

//! From an analysed article to event candidates: clauses, triggers, the
//! amount that belongs to each trigger, who invests in whom, where, status,
//! jobs and horizon. Merging happens in `merge`.

use crate::doc::{Doc, OrgM};
use crate::lexicon::{self, Class};
use vigie_model::{Horizon, Jobs, Kind, Sector, Status};

/// How the investor (or the raiser) was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Via {
    /// Named in the clause as its subject.
    Subject,
    /// Named after the trigger ("mené par X", "racheté par X", "de Microsoft").
    After,
    /// A pronoun or description ("il", "le géant américain", "the company").
    Coref,
    /// "le projet", "l'investissement": the actor of an earlier event.
    EventRef,
    None,
}

/// One statement of an event, before merging.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub sent: usize,
    pub clause: (usize, usize),
    pub trig: usize,
    pub class: Class,
    pub amount: Option<usize>,
    pub investor: Option<usize>,
    pub via: Via,
    pub recipient: Option<usize>,
    pub kind: Kind,
    pub status: Status,
    pub jobs: Option<Jobs>,
    pub horizon: Option<Horizon>,
    pub places: Vec<usize>,
    pub country: Option<String>,
    pub sectors: Vec<Sector>,
    /// Another candidate this one restates or depends on.
    pub ref_cand: Option<usize>,
    /// An earlier candidate this one describes further (places, sectors).
    pub pref: Option<usize>,
    /// Sentences whose text is evidence for this candidate.
    pub evidence: Vec<usize>,
    /// Byte window of the clause that holds this candidate's places.
    pub pwin: Option<(usize, usize)>,
}

static PREP: lexicon::Words = lexicon::Words::new(&[
    "après",
    "avec",
    "comme",
    "de",
    "du",
    "des",
    "d",
    "dans",
    "chez",
    "contre",
    "face",
    "outre",
    "par",
    "pour",
    "selon",
    "sur",
    "vers",
    "like",
    "with",
    "from",
    "of",
    "by",
    "for",
    "to",
    "than",
    "in",
    "at",
    "via",
    "à",
    "au",
    "aux",
    "auprès",
    "following",
    "près",
    "entre",
    "sans",
    "without",
    "into",
    "versus",
    "rival",
    "rivals",
    "concurrent",
    "concurrents",
    "unlike",
    "contrairement",
    "including",
    "dont",
    "notamment",
    "such",
    "as",
    "after",
    "before",
    "avant",
    "besides",
    "alongside",
    "côtés",
    "partenaire",
    "partner",
    "client",
    "clients",
    "customer",
]);

static COMPANY_NOUNS: lexicon::Words = lexicon::Words::new(&[
    // "L'électricien estime que ...", "le poudrier Eurenco"
    "électricien",
    "poudrier",
    "aciériste",
    "entreprise",
    "société",
    "groupe",
    "firme",
    "géant",
    "constructeur",
    "industriel",
    "fabricant",
    "équipementier",
    "laboratoire",
    "start",
    "startup",
    "pousse",
    "opérateur",
    "spécialiste",
    "leader",
    "numéro",
    "chimiste",
    "sidérurgiste",
    "distributeur",
    "enseigne",
    "banque",
    "assureur",
    "éditeur",
    "logisticien",
    "développeur",
    "énergéticien",
    "pétrolier",
    "dernier",
    "dernière",
    "medtech",
    "biotech",
    "fintech",
    "fonds",
    "investisseur",
    "américain",
    "allemand",
    "japonais",
    "chinois",
    "suisse",
    "norvégien",
    "britannique",
    "coréen",
    "français",
    "company",
    "group",
    "firm",
    "giant",
    "maker",
    "manufacturer",
    "carmaker",
    "automaker",
    "retailer",
    "bank",
    "operator",
    "insurer",
    "chipmaker",
    "supplier",
    "developer",
    "business",
    "chain",
    "fund",
    "investor",
    "latter",
    "conglomerate",
    "provider",
    "producer",
    "producteur",
    "brasseur",
    "papetier",
    "verrier",
    "cimentier",
    "armateur",
    "transporteur",
    "motoriste",
    "avionneur",
    "industrial",
    "lab",
    "biotech",
    "utility",
    "miner",
    "minier",
    "hyperscaler",
    "champion",
    "repreneur",
    "acquéreur",
    "buyer",
    "acquirer",
    "usinier",
    "papetier",
    "spécialiste",
    "acteur",
    "pure",
    "scale",
    "scaleup",
    "licorne",
    "unicorn",
    "coopérative",
    "collectivité",
    "agglomération",
    "direction",
    "management",
    "cooperative",
    "laiterie",
    "fromagerie",
    "biscuiterie",
    "brasserie",
    "pme",
    "eti",
    "filiale",
    "subsidiary",
    "sous",
    "plasturgiste",
    "chocolatier",
    "sucrier",
    "semencier",
    "exploitant",
    "hébergeur",
    "promoteur",
    "foncière",
    "aménageur",
    "compagnie",
    "airline",
    "drugmaker",
    "carrier",
    "raffineur",
    "refiner",
    "automobiliste",
    "spin",
    "pharmaceutique",
    "pharmaco",
]);

static EVENT_NOUNS: lexicon::Words = lexicon::Words::new(&[
    "projet",
    "investissement",
    "site",
    "usine",
    "opération",
    "fonds",
    "levée",
    "programme",
    "chantier",
    "plan",
    "deal",
    "project",
    "plant",
    "investment",
    "facility",
    "factory",
    "transaction",
    "acquisition",
    "rachat",
    "extension",
    "campus",
    "centre",
    "center",
    "entrepôt",
    "warehouse",
    "hub",
    "unité",
    "ligne",
    "nouveau",
    "nouvelle",
    "futur",
    "future",
    "installation",
    "round",
    "funds",
    "money",
    "financement",
    "enveloppe",
    "montant",
    "somme",
    "ensemble",
]);

fn is_det(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "l"
            | "les"
            | "the"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "this"
            | "its"
            | "son"
            | "sa"
            | "ses"
    )
}

/// Splits a sentence's tokens into clauses at strong boundaries: ";",
/// "tandis que", "alors que", "while", "whereas", ", mais", ", but", and a
/// dash standing alone (datelines, asides).
pub(crate) fn clauses(cx: &Ctx, t0: usize, t1: usize) -> Clauses {
    let d = cx.d;
    let mut out = Clauses::Many(Vec::new());
    let mut start = t0;
    // (the words past the end are empty and cut nothing)
    let ws = cx.span(t0, t1);
    for (j, &w) in ws.iter().enumerate() {
        let i = t0 + j;
        // every cut below starts with a word of one of these lengths and
        // first bytes ('–' and '—' are 0xE2 and two more): most words are
        // read no further
        let first = w.as_bytes().first().copied().unwrap_or(0);
        if !matches!(
            (w.len(), first),
            (1, b';' | b':' | b'-')
                | (3, b'b' | 0xE2)
                | (4, b'w' | b'm')
                | (5, b'a' | b'w')
                | (6, b't')
                | (7, b'w')
        ) {
            continue;
        }
        let cut = match w {
            ";" => Some(i + 1),
            // "Tourisme : les visiteurs ont dépensé", "Laval : l'usinier X investit"
            ":" if matches!(
                cx.w(i + 1),
                "le" | "la" | "les" | "l" | "un" | "une" | "des" | "the" | "a" | "an"
            ) =>
            {
                Some(i + 1)
            }
            "tandis" | "whereas" => Some(i),
            "alors" if matches!(cx.w(i + 1), "que" | "qu") => Some(i),
            "while" if i > t0 && cx.w(i - 1) == "," => Some(i),
            // an absolute clause: ", with the government providing about 1
            // billion euros in subsidies"
            "with"
                if i > t0
                    && cx.w(i - 1) == ","
                    && (matches!(cx.w(i + 1), "the" | "a" | "its" | "their")
                        || d.toks.get(i + 1).is_some_and(|t| t.cap))
                    && (i + 2..(i + 5).min(t1)).any(|k| {
                        let x = cx.w(k);
                        x.len() > 5 && x.ends_with("ing") && !d.toks[k].cap
                    }) =>
            {
                Some(i)
            }
            "mais" | "but" if i > t0 && cx.w(i - 1) == "," => Some(i),
            "-" | "–" | "—" => {
                let t = d.toks[i];
                let spaced = d.text.get(t.start.saturating_sub(1)..t.start) == Some(" ")
                    && d.text.get(t.end..t.end + 1) == Some(" ");
                // a list item keeps its parts: "- Pfizer — extension du site : 500 M€"
                let item = matches!(cx.w(t0), "-" | "•" | "–" | "*");
                (spaced && !item).then_some(i + 1)
            }
            _ => None,
        };
        if let Some(c) = cut {
            if c > start {
                out.push((start, c));
            }
            start = c;
        }
    }
    if start < t1 {
        out.push((start, t1));
    }
    if out.as_slice().is_empty() {
        out.push((t0, t1));
    }
    out
}

/// The clauses of a sentence (most have one: kept without allocating).
pub(crate) enum Clauses {
    One([(usize, usize); 1]),
    Many(Vec<(usize, usize)>),
}

impl Clauses {
    fn push(&mut self, c: (usize, usize)) {
        match self {
            Clauses::Many(v) if v.is_empty() => *self = Clauses::One([c]),
            Clauses::One([a]) => *self = Clauses::Many(vec![*a, c]),
            Clauses::Many(v) => v.push(c),
        }
    }

    pub(crate) fn as_slice(&self) -> &[(usize, usize)] {
        match self {
            Clauses::One(a) => a,
            Clauses::Many(v) => v,
        }
    }
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trig {
    pub tok: usize,
    pub len: usize,
    pub class: Class,
}

pub(crate) fn triggers(d: &Doc, t0: usize, t1: usize, out: &mut Vec<Trig>) {
    out.clear();
    let classes = d.trig.get(t0..t1.min(d.trig.len())).unwrap_or(&[]);
    // from trigger to trigger (most tokens are none), over the tokens of a
    // trigger of several words after its first
    let mut j = 0;
    while let Some(k) = classes
        .get(j..)
        .and_then(|r| r.iter().position(Option::is_some))
        .map(|off| j + off)
    {
        let Some(&Some((class, len))) = classes.get(k) else {
            break;
        };
        out.push(Trig {
            tok: t0 + k,
            len,
            class,
        });
        j = k + len.max(1);
    }
}

/// The trigger class of every token (computed once per article).
pub(crate) fn classify_tokens(
    lower: &crate::doc::Lower,
    toks: &[crate::doc::Tok],
    sents: &[crate::doc::Sent],
) -> Vec<Option<(Class, usize)>> {
    let mut out = vec![None; toks.len()];
    let words = lower.words();
    let w = |i: usize| words.get(i).copied().unwrap_or("");
    let starts = lexicon::trigger_starts();
    for s in sents {
        let ws = words.get(s.t0..s.t1).unwrap_or(&[]);
        for (j, wj) in ws.iter().enumerate() {
            // most words fail the gate on their first four bytes (or their
            // three bytes, zero-padded, as `may_trigger` reads them)
            let key = match wj.as_bytes().first_chunk::<4>() {
                Some(&start) => u32::from_le_bytes(start),
                None => match *wj.as_bytes() {
                    [b0, b1, b2] => u32::from_le_bytes([b0, b1, b2, 0]),
                    _ => continue,
                },
            };
            if !starts.admits_key(key) {
                continue;
            }
            let i = s.t0 + j;
            if !toks.get(i).is_some_and(|t| t.word) {
                continue;
            }
            if let Some(slot) = out.get_mut(i) {
                *slot = classify_at(words, s, i);
            }
        }
        // a list of projects: "- Usine de Douai (AESC) : 1,3 Md€, 1 000
        // emplois": the colon before the figure carries the amount
        let bullet = matches!(w(s.t0), "-" | "•" | "–" | "*");
        if bullet {
            if let Some(i) = (s.t0 + 1..s.t1.saturating_sub(1)).find(|&i| {
                w(i) == ":" && w(i + 1).bytes().next().is_some_and(|b| b.is_ascii_digit())
            }) {
                out[i] = Some((Class::Weak, 1));
            }
        }
    }
    out
}

/// The trigger class of token `i` of sentence `s`, a word of three bytes or
/// more whose first four bytes pass the gate (kept out of the token loop of
/// [`classify_tokens`], which most words leave at once).
#[inline(never)]
fn classify_at(words: &[&str], s: &crate::doc::Sent, i: usize) -> Option<(Class, usize)> {
    let w = |i: usize| words.get(i).copied().unwrap_or("");
    let wi = w(i);
    if wi.len() < 3 || !lexicon::may_trigger(wi) {
        return None;
    }
    // the next ten tokens, apostrophes left out (copied only when there is one)
    let after = words.get(i + 1..s.t1.min(words.len())).unwrap_or(&[]);
    let after = after.get(..10).unwrap_or(after);
    let mut buf = [""; 10];
    let next = if after.iter().any(|x| matches!(*x, "'" | "’")) {
        let n = lexicon::without_apostrophes(after.iter().copied(), &mut buf);
        buf.get(..n).unwrap_or(&[])
    } else {
        after
    };
    let prev = if i > s.t0 { w(i - 1) } else { "" };
    // (the gate is passed: the rules at once)
    lexicon::classify_admitted(wi, next, prev)
}

/// The amounts of a sentence that can be the money of an event (not
/// revenue, fines, totals, duplicates in brackets...).
fn usable_amounts(
    cx: &Ctx,
    si: usize,
    clause_of: &dyn Fn(usize) -> (usize, usize),
    out: &mut Vec<usize>,
    aside: &mut Vec<usize>,
) {
    let d = cx.d;
    let s = d.sents[si];
    out.clear();
    aside.clear();
    // (only money counts: most sentences have none)
    if !cx.amounts_in(si, MONEY) {
        return;
    }
    let mut prev_end: Option<usize> = None;
    let lo = d.amounts.partition_point(|a| a.start < s.start);
    for (ai, a) in d.amounts.iter().enumerate().skip(lo) {
        if a.start >= s.end {
            break;
        }
        if a.start < s.start || a.end > s.end || !a.money {
            continue;
        }
        let ti = d.tok_at(a.start);
        let te = d.tok_at(a.end);
        // "(2,6 milliards de dollars)" right after another amount: a conversion
        if let Some(pe) = prev_end {
            let between = d.lspan(pe, a.start);
            // (also "¥30 billion (around €185 million)", "(soit environ 2 M$)")
            let inner = between.trim().strip_prefix('(').map(str::trim);
            if between.trim().starts_with('(') && between.len() < 6
                || inner.is_some_and(|w| {
                    matches!(
                        w,
                        "around"
                            | "about"
                            | "approximately"
                            | "roughly"
                            | "some"
                            | "environ"
                            | "soit"
                            | "soit environ"
                            | "près de"
                            | "soit près de"
                    )
                })
                || between.trim() == ","
                || between.trim() == "soit"
            {
                prev_end = Some(a.end);
                continue;
            }
        }
        prev_end = Some(a.end);
        let (c0, c1) = clause_of(ti);
        let lo = ti.saturating_sub(6).max(c0).max(s.t0);
        let left: &[&str] = cx.ws(lo, ti);
        let positional = |w: &str| {
            matches!(
                w,
                "après" | "after" | "dont" | "contre" | "soit" | "versus" | "vs" | "including"
            )
        };
        let n = left.len();
        // "a deal worth about €90m", "une opération valorisée à": the price of a deal
        let deal = |k: usize| {
            left[..k].iter().rev().take(3).any(|w| {
                matches!(
                    *w,
                    "deal"
                        | "transaction"
                        | "takeover"
                        | "acquisition"
                        | "offer"
                        | "bid"
                        | "opération"
                        | "offre"
                        | "rachat"
                        | "contract"
                        | "contrat"
                        | "package"
                        | "project"
                        | "projet"
                        | "investment"
                        | "investissement"
                )
            })
        };
        let total_of_this = |k: usize| {
            left[k] == "total"
                && k >= 1
                && left[k - 1] == "au"
                && (k >= 2 && lexicon::classify(left[k - 2], &[], "").is_some())
        };
        // (a capitalised word inside the sentence is a name's: "Kanto Fine
        // Chemicals will invest", "Fort Worth")
        let in_name = |k: usize| lo + k > s.t0 && d.toks.get(lo + k).is_some_and(|t| t.cap);
        let mut bad = left
            .iter()
            .enumerate()
            .filter(|&(k, _)| !in_name(k))
            .any(|(k, w)| {
                lexicon::bad_left(w)
                && !total_of_this(k)
                && (!positional(w) || k + 3 >= n)
                && !(matches!(*w, "worth" | "valued" | "valorisée" | "valorisé") && deal(k))
                // "Its campus near Marseille, announced last year with a
                // budget of €400 million": the cost of a project
                && !(*w == "budget"
                    && k >= 2
                    && matches!(left[k - 1], "a" | "un")
                    && matches!(left[k - 2], "with" | "avec")
                    && (c0..ti).any(|j| PROJECT_NOUNS.contains(&cx.w(j))))
                // "L'investissement atteint 100 millions d'euros": the size
                // of the investment
                && !(matches!(*w, "atteint" | "reached")
                    && k >= 1
                    && matches!(left[k - 1], "investissement" | "investment"))
            });
        // "après 3,2 milliards annoncés en Allemagne": another commitment of the same actor
        let after_other = left
            .iter()
            .rev()
            .take(2)
            .any(|w| matches!(*w, "après" | "after"))
            && !left.iter().any(|w| matches!(*w, "avoir" | "having"));
        // totals: "au total, 37 Md€", "a total of", "depuis son lancement"
        if total_before(cx, c0, ti) || cx.since_launch((c0, c1)) {
            bad = true;
        }
        // "un projet qui coûtera 240 M€", "the project will cost £240m": the investment
        if left
            .iter()
            .any(|w| w.starts_with("coût") || matches!(*w, "cost" | "costs" | "costing"))
            && (c0..ti).any(|k| PROJECT_NOUNS.contains(&cx.w(k)))
        {
            bad = left.iter().any(|w| {
                lexicon::bad_left(w)
                    && !w.starts_with("coût")
                    && !matches!(*w, "cost" | "costs" | "costing" | "total")
            });
        }
        // "chiffre d'affaires de 3 Md€"
        if left.windows(3).any(|w| {
            w[0] == "chiffre" && w[1] == "d" || w[0] == "d" && w[1] == "'" && w[2] == "affaires"
        }) {
            bad = true;
        }
        let right: &[&str] = cx.ws(te, (te + 4).min(s.t1));
        if lexicon::bad_right(right) {
            bad = true;
        }
        // a figure to compare with ("valued at $14 billion, up from $6.7
        // billion"), a sum over many ("startups raised a combined €3.1
        // billion"), a year's statistic ("la French Tech a levé 7,8 Md€ en
        // 2025, en recul de 10 %"): no commitment
        if n >= 2
            && matches!(
                (left[n - 2], left[n - 1]),
                ("up" | "down", "from") | ("compared", "with" | "to") | ("rapport", "à")
            )
            || left
                .iter()
                .any(|w| matches!(*w, "combined" | "cumulé" | "cumulés" | "cumulée"))
        {
            bad = true;
        }
        // a tally with no actor: "plus de 8 milliards d'euros
        // d'investissements ont été annoncés depuis 2021 dans le Dunkerquois",
        // "$12bn of investments have been announced"
        {
            let r: &[&str] = cx.ws(te, (te + 7).min(s.t1));
            if let Some(k) = r
                .iter()
                .position(|w| matches!(*w, "investissements" | "investments" | "projets"))
            {
                if r[k + 1..].windows(2).take(2).any(|w| {
                    matches!(
                        (w[0], w[1]),
                        ("ont", "été") | ("have", "been") | ("were", _)
                    )
                }) {
                    bad = true;
                }
            }
        }
        // an envelope shared out: "la Région mobilise 14,6 M€ pour
        // l'économie régionale, dont 2,5 M€ pour l'usine de X" (the part
        // is the commitment)
        if let Some(nx) = d.amounts.get(ai + 1).filter(|x| x.money && x.start < s.end) {
            let nt = d.tok_at(nx.start);
            let ne = d.tok_at(nx.end);
            if nt > te
                && nt - te <= 8
                && matches!(cx.w(nt - 1), "dont" | "including")
                && matches!(cx.w(ne), "pour" | "for")
            {
                bad = true;
            }
        }
        // the level a figure moved to: "ses ventes ont reculé de 3,2 % en
        // 2024, à 1,14 milliard", "VC funding fell 14% in H1 to $24.1bn"
        if n >= 1 && matches!(left[n - 1], "à" | "to") {
            let back: &[&str] = cx.ws(ti.saturating_sub(14).max(s.t0), ti);
            if back
                .iter()
                .any(|w| matches!(*w, "%" | "percent" | "cent" | "pct"))
                && back.iter().any(|w| change_verb(w))
            {
                bad = true;
            }
        }
        let wide: &[&str] = cx.ws(te, (te + 9).min(s.t1));
        if let Some(y) = wide.windows(2).position(|w| {
            matches!(w[0], "en" | "in")
                && w[1].len() == 4
                && (w[1].starts_with("19") || w[1].starts_with("20"))
                && w[1].chars().all(|c| c.is_ascii_digit())
        }) {
            if wide[y..]
                .iter()
                .any(|w| matches!(*w, "recul" | "hausse" | "baisse" | "repli"))
            {
                bad = true;
            }
        }
        // totals over many projects: "pour 56 projets", "across 20 projects"
        if right.windows(3).any(|w| {
            matches!(w[0], "pour" | "for" | "across" | "répartis" | "entre")
                && w[1].chars().all(|c| c.is_ascii_digit())
        }) || (te..(te + 6).min(s.t1)).any(|k| {
            matches!(cx.w(k), "projets" | "projects")
                && cx.w(k - 1).chars().all(|c| c.is_ascii_digit())
        }) {
            bad = true;
        }
        // sport transfers, wages, refinancing: money, not investment
        if cx.span(c0, c1).iter().any(|&w| {
            matches!(
                w,
                "players"
                    | "joueurs"
                    | "transfert"
                    | "transferts"
                    | "transfer"
                    | "mercato"
                    | "wage"
                    | "wages"
                    | "salaires"
                    | "refinance"
                    | "revolving"
                    | "failing"
                    | "failed"
                    | "refinancing"
                    | "refinancer"
                    | "refinancement"
                    | "obligataire"
                    | "obligations"
                    | "bonds"
                    | "bond"
                    | "rançon"
                    | "visiteurs"
                    | "touristes"
                    | "tourists"
                    | "visitors"
                    | "consommateurs"
                    | "consumers"
                    | "ménages"
                    | "households"
            )
        }) {
            bad = true;
        }
        if !bad {
            out.push(ai);
        } else if after_other && !lexicon::bad_right(right) {
            let only_after = left
                .iter()
                .filter(|w| lexicon::bad_left(w))
                .all(|w| matches!(*w, "après" | "after"));
            if only_after {
                aside.push(ai);
            }
        }
    }
}

/// Verbs of a figure moving up or down (a statistic, not a commitment).
fn change_verb(w: &str) -> bool {
    w.starts_with("recul")
        || w.starts_with("progress")
        || w.starts_with("augment")
        || w.starts_with("baiss")
        || w.starts_with("chut")
        || w.starts_with("grimp")
        || w.starts_with("diminu")
        || w.starts_with("bondi")
        || matches!(
            w,
            "fell"
                | "fall"
                | "falls"
                | "rose"
                | "rise"
                | "rises"
                | "dropped"
                | "drops"
                | "declined"
                | "declines"
                | "grew"
                | "grows"
                | "increased"
                | "decreased"
                | "climbed"
                | "jumped"
                | "slipped"
                | "plunged"
                | "surged"
                | "slumped"
                | "soared"
                | "shrank"
        )
}

static PROJECT_NOUNS: lexicon::Words = lexicon::Words::new(&[
    "projet",
    "project",
    "usine",
    "plant",
    "site",
    "programme",
    "program",
    "chantier",
    "facility",
    "factory",
    "investissement",
    "investment",
    "campus",
    "extension",
    "entrepôt",
    "warehouse",
    "centre",
    "center",
    "unité",
    "ligne",
]);

/// "au total", "en tout", "in total", "a total of" before token `upto` in the clause.
fn total_before(cx: &Ctx, c0: usize, upto: usize) -> bool {
    (c0..upto.saturating_sub(1)).any(|k| {
        let a = cx.w(k);
        if !matches!(a, "au" | "in" | "en" | "a" | "un") {
            return false;
        }
        let b = cx.w(k + 1);
        let total = (a == "au" && matches!(b, "total" | "cumul"))
            || (a == "in" && b == "total")
            || (a == "en" && b == "tout")
            || (matches!(a, "a" | "un") && b == "total");
        // "va investir au total 38 M€": the total of this investment
        total && !(k > c0 && lexicon::classify(cx.w(k - 1), &[], "").is_some())
    })
}

/// Whether `f` holds for some three consecutive items of `it` (as
/// `windows(3).any(f)` on the collected items, without collecting them).
fn windows3<'w>(
    mut it: impl Iterator<Item = &'w str>,
    mut f: impl FnMut([&'w str; 3]) -> bool,
) -> bool {
    let (Some(mut a), Some(mut b)) = (it.next(), it.next()) else {
        return false;
    };
    for c in it {
        if f([a, b, c]) {
            return true;
        }
        (a, b) = (b, c);
    }
    false
}

/// The first words of the rules of [`since_launch`]: bit `n` of
/// `LAUNCH_GATE[b]` is set when one starts with byte `b` and is `n` bytes
/// long (bit 15: 15 bytes or more).
static LAUNCH_GATE: [u16; 256] = {
    const FIRST: &[&str] = &[
        "depuis",
        "since",
        "avait",
        "previously",
        "already",
        "son",
        "its",
        "budget",
        "plan",
        "cost",
        "savings",
        "in",
        "to",
        "so",
        "à",
        "would",
        "aurait",
        "auraient",
    ];
    let mut g = [0u16; 256];
    let mut i = 0;
    while i < FIRST.len() {
        let w = FIRST[i].as_bytes();
        let n = if w.len() > 15 { 15 } else { w.len() };
        g[w[0] as usize] |= 1 << n;
        i += 1;
    }
    // "attir...", "attract...": 'a' and five bytes or more
    g[b'a' as usize] |= 0xFFE0;
    g
};

/// "depuis son lancement", "since its launch": cumulative figures.
fn since_launch(cx: &Ctx, c: (usize, usize)) -> bool {
    let all = cx.ws(c.0, c.1);
    // the words of the clause without apostrophes, read three by three
    let ws = || all.iter().copied().filter(|w| !matches!(*w, "'" | "’"));
    // "Il y a deux ans", "two years ago", "l'an dernier", "last year" date
    // an earlier round as well as a year does (computed only when needed)
    let undated_cell = std::cell::OnceCell::new();
    let undated = || {
        *undated_cell.get_or_init(|| {
            let dated_phrase = windows3(ws(), |w| {
                (w[0] == "y" && w[1] == "a" && number_word(w[2]).is_some())
                    || (matches!(w[1], "years" | "year" | "months") && w[2] == "ago")
                    || (w[0] == "an" && matches!(w[1], "dernier" | "passé"))
                    || (w[0] == "last" && w[1] == "year")
            });
            !all.iter().any(|w| year(w).is_some()) && !dated_phrase
        })
    };
    // a raise in the past: "has raised", "a levé"
    let raised = || {
        all.iter()
            .any(|w| matches!(*w, "raised" | "levé" | "levés" | "levée" | "levées"))
    };
    // a perfect tense ("has earmarked", "a consacré") and a purpose that is
    // a whole trade's ("to support chipmaking", "pour soutenir la filière")
    let perfect = || {
        all.iter().any(|w| match cx.d.lang {
            vigie_text::Lang::Fr => matches!(*w, "a" | "ont"),
            vigie_text::Lang::En => matches!(*w, "has" | "have"),
        }) && all
            .iter()
            .any(|w| matches!(*w, "support" | "soutenir" | "soutien" | "help" | "aider"))
    };
    // every rule is read from the first word of its window: most words
    // start no rule and are read no further (their first byte says so)
    windows3(ws(), |w| {
        let gate = match w[0].as_bytes().first() {
            Some(&b) => LAUNCH_GATE.get(usize::from(b)).copied().unwrap_or(0),
            None => 0,
        };
        if gate >> w[0].len().min(15) & 1 == 0 {
            return false;
        }
        match w[0] {
            "depuis" => {
                matches!(w[1], "son" | "sa" | "leur") && matches!(w[2], "lancement" | "création")
                    // what a programme has put in since a year: "Japan has
                    // earmarked ¥3.9 trillion since 2021 to support
                    // chipmaking" (not a company's spending on its site: "a
                    // investi 60 M€ depuis 2022 dans la zone")
                    || year(w[1]).is_some() && perfect()
            }
            "since" => {
                matches!(w[1], "its" | "their")
                    && matches!(w[2], "launch" | "creation" | "inception")
                    || w[1] == "it" && matches!(w[2], "was" | "launched")
                    || year(w[1]).is_some() && perfect()
            }
            // undated background of an earlier round: "avait levé 100 M€ lors
            // de son dernier tour", "It previously raised a £30m Series A"
            "avait" => (w[1].starts_with("lev") || w[1] == "déjà") && undated(),
            "previously" | "already" => (w[1].starts_with("rais") || w[1] == "raised") && undated(),
            "son" | "its" => {
                matches!(w[1], "dernier" | "last" | "previous" | "précédent")
                    && matches!(w[2], "tour" | "round")
                    && undated()
            }
            // the yearly budget of an authority: "Le budget primitif 2025 de
            // la collectivité s'élève à 38 M€"
            "budget" => {
                matches!(
                    w[1],
                    "primitif"
                        | "annuel"
                        | "municipal"
                        | "communautaire"
                        | "départemental"
                        | "régional"
                        | "national"
                        | "annual"
                ) || year(w[1]).is_some()
            }
            // savings plans and cost cuts, not investments
            "plan" => matches!(w[1], "d" | "de") && w[2].starts_with("économ"),
            "cost" | "savings" => matches!(w[1], "savings" | "cuts" | "plan"),
            // what a company has raised in all: "Tidewater has now raised $210
            // million in total", "a levé 45 M€ à ce jour"
            "in" => w[1] == "total" && raised(),
            "to" => w[1] == "date" && raised(),
            "so" => w[1] == "far" && raised(),
            "à" => w[1] == "ce" && w[2] == "jour" && raised(),
            // what would have been needed, not spent: "the site would have
            // needed more than £20m of upgrades", "il aurait fallu 20 M€"
            "would" => w[1] == "have",
            "aurait" | "auraient" => {
                matches!(w[1], "fallu" | "nécessité" | "coûté" | "exigé" | "demandé")
            }
            // "attirer 109 milliards d'investissements", "attract €109bn of investment"
            w0 => w0.starts_with("attir") || w0.starts_with("attract"),
        }
    })
}

/// A whole-clause veto: cumulative totals and the like.
fn clause_vetoed(cx: &Ctx, c: (usize, usize)) -> bool {
    total_before(cx, c.0, c.1) || cx.since_launch(c)
}

/// The country an article is mostly about (places and demonyms), if one
/// clearly leads.
fn main_country(d: &Doc) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for p in &d.places {
        if let Some(c) = p.country.as_deref() {
            *counts.entry(c).or_default() += 1;
        }
    }
    for m in &d.ctrys {
        if m.demonym {
            *counts.entry(m.country.as_str()).or_default() += 1;
        }
    }
    let mut v: Vec<(usize, &str)> = counts.into_iter().map(|(c, n)| (n, c)).collect();
    v.sort_by(|a, b| b.cmp(a));
    match v.as_slice() {
        [(n, c), rest @ ..] if rest.first().is_none_or(|(m, _)| m < n) => Some(c.to_string()),
        _ => None,
    }
}

pub(crate) struct Ctx<'a> {
    pub d: &'a Doc,
    /// The lowercase text of every token: `words[i]` is `d.w(i)`.
    words: &'a [&'a str],
    /// The country the article is mostly about.
    pub main_country: Option<String>,
    /// The country of most places below country level (towns, regions).
    pub site_country: Option<String>,
    /// Clauses of each sentence (token ranges), cut on first use: see
    /// [`Ctx::clauses`].
    clauses: Vec<std::cell::OnceCell<Clauses>>,
    /// Whether each organisation (in text order) is named as a source of
    /// the report: see [`Ctx::reporting`].
    reporting: Vec<std::cell::OnceCell<bool>>,
    /// The company the article names most (a last resort for "l'entreprise").
    main_actor: std::cell::OnceCell<Option<usize>>,
    /// [`since_launch`] of the clauses asked so far.
    since_launch: std::cell::RefCell<crate::doc::FastMap<(usize, usize), bool>>,
    /// The amounts each sentence starts: [`MONEY`] and [`COUNT`] bits (see
    /// [`Ctx::amounts_in`]).
    amounts_in: Vec<u8>,
}

/// A sentence starts a money amount.
const MONEY: u8 = 1;
/// A sentence starts an amount that [`job_mentions`] reads (not money, a
/// whole number from 1 to a million).
const COUNT: u8 = 2;

/// The [`MONEY`] and [`COUNT`] bits of every sentence of `d` (all of them
/// where the sentences are not in text order one after another).
fn amounts_in(d: &Doc) -> Vec<u8> {
    let ordered = d
        .sents
        .windows(2)
        .all(|w| w[0].start <= w[0].end && w[0].end <= w[1].start);
    if !ordered {
        return vec![MONEY | COUNT; d.sents.len()];
    }
    let mut out = vec![0; d.sents.len()];
    for a in &d.amounts {
        let bits = if a.money {
            MONEY
        } else if a.value < 1.0 || a.value.fract() != 0.0 || a.value > 1.0e6 {
            continue;
        } else {
            COUNT
        };
        // the last sentence starting at or before the amount
        let k = d.sents.partition_point(|s| s.start <= a.start);
        if let Some(f) = k.checked_sub(1).and_then(|k| out.get_mut(k)) {
            *f |= bits;
        }
    }
    out
}

impl<'a> Ctx<'a> {
    pub fn new(d: &'a Doc) -> Ctx<'a> {
        let main_country = main_country(d);
        let site_country = {
            let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
            for p in d.places.iter().filter(|p| p.rank < 3) {
                if let Some(c) = p.country.as_deref() {
                    *counts.entry(c).or_default() += 1;
                }
            }
            let mut v: Vec<(usize, &str)> = counts.into_iter().map(|(c, n)| (n, c)).collect();
            v.sort_by(|a, b| b.cmp(a));
            match v.as_slice() {
                [(n, c), rest @ ..] if rest.first().is_none_or(|(m, _)| m < n) => {
                    Some(c.to_string())
                }
                _ => None,
            }
        };
        let clauses = d.sents.iter().map(|_| Default::default()).collect();
        let words = d.lower.words();
        Ctx {
            d,
            words,
            main_country,
            site_country,
            clauses,
            reporting: d.orgs.iter().map(|_| Default::default()).collect(),
            main_actor: Default::default(),
            since_launch: Default::default(),
            amounts_in: amounts_in(d),
        }
    }

    /// Whether sentence `si` may start an amount of the kind `bits` (false:
    /// it starts none).
    fn amounts_in(&self, si: usize, bits: u8) -> bool {
        self.amounts_in.get(si).is_none_or(|&b| b & bits != 0)
    }

    /// Organisation `oi` is an outlet or named as the source of a report
    /// ("selon Reuters", "(AFP)"), found on first use.
    pub fn reporting(&self, oi: usize) -> bool {
        match (self.reporting.get(oi), self.d.orgs.get(oi)) {
            (Some(cell), Some(o)) => *cell.get_or_init(|| o.outlet || reporting_role(self, o)),
            _ => false,
        }
    }

    /// The company the article names most (a last resort for
    /// "l'entreprise"), found on first use.
    fn main_actor(&self) -> Option<usize> {
        *self.main_actor.get_or_init(|| self.most_named(0))
    }

    /// Lowercase text of token `i` (`Doc::w`, looked up once per article).
    #[inline]
    pub fn w(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Lowercase text of tokens `a..b` (in range: the tokens of a sentence).
    #[inline]
    fn ws(&self, a: usize, b: usize) -> &[&'a str] {
        self.words.get(a..b).unwrap_or(&[])
    }

    /// The words of tokens `a..b` that exist (`(a..b).map(|k| cx.w(k))`
    /// but the empty words past the end).
    #[inline]
    fn span(&self, a: usize, b: usize) -> &[&'a str] {
        let b = b.min(self.words.len());
        self.words.get(a.min(b)..b).unwrap_or(&[])
    }

    /// The clauses of sentence `si` (token ranges).
    pub fn clauses(&self, si: usize) -> &[(usize, usize)] {
        match (self.clauses.get(si), self.d.sents.get(si)) {
            (Some(cell), Some(s)) => cell.get_or_init(|| clauses(self, s.t0, s.t1)).as_slice(),
            _ => &[],
        }
    }

    /// [`since_launch`] of clause `c`, computed once.
    fn since_launch(&self, c: (usize, usize)) -> bool {
        if let Some(&v) = self.since_launch.borrow().get(&c) {
            return v;
        }
        let v = since_launch(self, c);
        self.since_launch.borrow_mut().insert(c, v);
        v
    }

    fn orgs_in(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let lo = self.d.orgs.partition_point(|o| o.start < a);
        let hi = self.d.orgs.partition_point(|o| o.start < b).max(lo);
        (lo..hi).filter(move |&i| self.d.orgs[i].end <= b)
    }

    fn prep_before(&self, oi: usize) -> bool {
        let cx = self;
        let o = &self.d.orgs[oi];
        let t = self.d.tok_at(o.start);
        let mut k = t;
        // skip determiners and adjectives of nationality right before the name
        let mut steps = 0;
        while k > 0 && steps < 4 {
            let w = self.w(k - 1);
            if PREP.contains(&w) {
                let d = self.d;
                // "Son concurrent TotalEnergies a renoncé...", "Its rival
                // Vestas said...": an apposition opening the sentence
                let opens = |j: usize| {
                    d.sent_of(d.toks[j].start)
                        .is_some_and(|s| d.sents[s].t0 == j)
                };
                if matches!(w, "rival" | "rivals" | "concurrent" | "concurrents")
                    && (opens(k - 1)
                        || k >= 2
                            && matches!(
                                cx.w(k - 2),
                                "son" | "sa" | "ses" | "leur" | "its" | "their" | "his" | "her"
                            )
                            && opens(k - 2))
                {
                    return false;
                }
                // a fronted topic is what the sentence is about: "For
                // Microsoft, the deal adds to ...", "Pour Sanofi, ..."
                let d = self.d;
                let fronted = matches!(w, "for" | "pour")
                    && d.sent_of(d.toks[k - 1].start)
                        .is_some_and(|s| d.sents[s].t0 == k - 1)
                    && cx.w(d.tok_at(o.end)) == ",";
                // ", with the government providing 1 billion euros": the
                // subject of an absolute clause
                let e = d.tok_at(o.end);
                let absolute = w == "with"
                    && o.public
                    && k >= 2
                    && cx.w(k - 2) == ","
                    && cx.w(e).len() > 5
                    && cx.w(e).ends_with("ing")
                    && !d.toks.get(e).is_some_and(|x| x.cap);
                return !(fronted || absolute);
            }
            if matches!(w, "le" | "la" | "les" | "l" | "the" | "'" | "’")
                || !self.d.toks[k - 1].word
            {
                if matches!(w, "," | "(" | ":" | ";" | "-") {
                    return false;
                }
                k -= 1;
                steps += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// The last organisation mentioned before byte `off` that can be an
    /// investor (not an outlet nor a reporting source nor a public body),
    /// preferring one of `country` when a demonym qualifies the mention.
    /// The company the article names most (first person: "nous", "we").
    fn most_named(&self, _off: usize) -> Option<usize> {
        let d = self.d;
        let mut counts: crate::doc::FastMap<&str, usize> = Default::default();
        for (i, o) in d.orgs.iter().enumerate() {
            if !self.reporting(i) && !o.public {
                *counts.entry(o.family.as_str()).or_default() += 1;
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for (i, o) in d.orgs.iter().enumerate() {
            if self.reporting(i) || o.public {
                continue;
            }
            let n = counts.get(o.family.as_str()).copied().unwrap_or(0);
            if best.is_none_or(|(_, bn)| n > bn) {
                best = Some((i, n));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The first organisation of its clause that is not a reporting source
    /// nor after a preposition: the subject.
    fn is_subject(&self, oi: usize) -> bool {
        let d = self.d;
        if self.prep_before(oi) {
            return false;
        }
        let o = &d.orgs[oi];
        let Some(si) = d.sent_of(o.start) else {
            return false;
        };
        let s = d.sents[si];
        let t = d.tok_at(o.start);
        let cl = self.clauses(si);
        let c0 = cl
            .iter()
            .find(|c| c.0 <= t && t < c.1)
            .map(|c| c.0)
            .unwrap_or(s.t0);
        let a = d.toks[c0].start.max(d.dateline_end);
        !self
            .orgs_in(a, o.start)
            .any(|j| j != oi && !self.reporting(j) && !self.prep_before(j))
    }

    fn last_org_before(
        &self,
        off: usize,
        country: Option<&str>,
        allow_public: bool,
    ) -> Option<usize> {
        let cx = self;
        let d = self.d;
        let window_start = d
            .sent_of(off)
            .map(|s| d.sents[s.saturating_sub(6)].start)
            .unwrap_or(0);
        // a subject of the last sentences first, else the last name
        let near_start = d
            .sent_of(off)
            .map(|s| d.sents[s.saturating_sub(2)].start)
            .unwrap_or(0);
        for (i, o) in d.orgs.iter().enumerate().rev() {
            if o.end > off || o.start < near_start {
                continue;
            }
            if self.reporting(i) || (o.public && !allow_public) || !self.is_subject(i) {
                continue;
            }
            if let Some(c) = country {
                if o.country.as_deref().is_some_and(|oc| oc != c) {
                    continue;
                }
            }
            return Some(i);
        }
        // then a subject of the paragraph ("La start-up Cellivia a levé
        // ... via son fonds InnoBio 2. ... L'entreprise prévoit")
        for (i, o) in d.orgs.iter().enumerate().rev() {
            if o.end > off || o.start < window_start || o.start >= near_start {
                continue;
            }
            if self.reporting(i) || o.public || !self.is_subject(i) {
                continue;
            }
            // a local authority ("Pays des Herbiers", "Communauté de
            // communes ...") is not what "l'entreprise" takes up
            let head = cx.w(d.tok_at(o.start));
            if matches!(
                head,
                "pays"
                    | "communauté"
                    | "agglomération"
                    | "métropole"
                    | "département"
                    | "ville"
                    | "commune"
                    | "région"
                    | "conseil"
            ) {
                continue;
            }
            if country.is_none() {
                return Some(i);
            }
            break;
        }
        let mut fallback = None;
        for (i, o) in d.orgs.iter().enumerate().rev() {
            if o.end > off || o.start < window_start {
                continue;
            }
            if self.reporting(i) || (o.public && !allow_public) {
                continue;
            }
            // the fund that led a round is not the company described next
            // ("une série A menée par Frst. ... l'éditeur compte recruter")
            let t = d.tok_at(o.start);
            if t >= 2
                && matches!(cx.w(t - 1), "par" | "by")
                && matches!(
                    cx.w(t - 2),
                    "menée" | "mené" | "led" | "emmenée" | "emmené" | "conduite" | "pilotée"
                )
            {
                continue;
            }
            match country {
                Some(c) if o.country.as_deref().is_some_and(|oc| oc != c) => {
                    if fallback.is_none() {
                        fallback = Some(i);
                    }
                    continue;
                }
                _ => return Some(i),
            }
        }
        fallback
    }
}

/// An organisation named as the source of a report: "selon Reuters",
/// "écrit Bloomberg", "(AFP)", "told Reuters", "a déclaré à l'AFP".
fn reporting_role(cx: &Ctx, o: &OrgM) -> bool {
    let d = cx.d;
    let t = d.tok_at(o.start);
    // the four words before, without a Vec
    let lo = t.saturating_sub(4);
    let mut buf = [""; 4];
    for (slot, k) in buf.iter_mut().zip(lo..t) {
        *slot = cx.w(k);
    }
    let prev: &[&str] = buf.get(..t - lo).unwrap_or(&[]);
    let p1 = prev.last().copied().unwrap_or("");
    if matches!(
        p1,
        "martèle"
            | "estime"
            | "affirme"
            | "insiste"
            | "argues"
            | "warned"
            | "warns"
            | "selon"
            | "écrit"
            | "rapporte"
            | "révèle"
            | "writes"
            | "wrote"
            | "reports"
            | "reported"
            | "told"
            | "informations"
            | "information"
            | "cité"
            | "quoted"
            | "indique"
            | "confirme"
    ) {
        return true;
    }
    if prev.windows(2).any(|w| {
        (w[0] == "according" && w[1] == "to")
            || (w[0] == "d" && w[1] == "après")
            || (w[0] == "cité" && w[1] == "par")
    }) {
        return true;
    }
    if prev
        .iter()
        .rev()
        .take(3)
        .take_while(|w| !matches!(**w, "," | "." | ";" | ":"))
        .any(|w| {
            matches!(
                *w,
                "selon"
                    | "told"
                    | "déclaré"
                    | "confié"
                    | "indiqué"
                    | "précisé"
                    | "interview"
                    | "entretien"
                    | "interrogé"
            )
        })
    {
        return true;
    }
    // the owner in an apposition: "L'opérateur, détenu par le fonds canadien
    // Brookfield, prévoit...", "The company, backed by DigitalBridge, ..."
    let wide: &[&str] = cx.ws(t.saturating_sub(6), t);
    if wide.windows(2).any(|w| {
        matches!(
            w[0],
            "détenu"
                | "détenue"
                | "owned"
                | "backed"
                | "soutenu"
                | "soutenue"
                | "contrôlé"
                | "contrôlée"
                | "controlled"
        ) && matches!(w[1], "par" | "by")
    }) && (t.saturating_sub(6)..t).any(|k| cx.w(k) == ",")
    {
        return true;
    }
    let e = d.tok_at(o.end);
    // "PARIS (Reuters)", not "- Usine de Douai (AESC) : 1,3 Md€"
    if p1 == "(" && cx.w(e) == ")" && !matches!(cx.w(e + 1), ":" | "—" | "–") {
        return true;
    }
    false
}

/// Tokens of a coreferring description before `trig` in the clause:
/// returns (token index, kind) where kind is Coref (org) or EventRef.
fn coref_in(cx: &Ctx, a: usize, b: usize) -> Option<(usize, Via, Option<String>)> {
    let d = cx.d;
    let mut i = b;
    while i > a {
        i -= 1;
        let w = cx.w(i);
        if matches!(w, "nous" | "we") && i + 1 < b && d.toks[i + 1].word {
            return Some((i, Via::Coref, None));
        }
        if matches!(w, "il" | "elle") {
            let n1 = cx.w(i + 1);
            let n2 = cx.w(i + 2);
            let impersonal = (n1 == "s" && n2.starts_with("agi"))
                || n1 == "faut"
                || (n1 == "y" && n2 == "a")
                || n1 == "est" && matches!(n2, "prévu" | "question" | "possible" | "probable");
            if !impersonal {
                return Some((i, Via::Coref, None));
            }
        }
        if w == "it" {
            let n1 = cx.w(i + 1);
            let n2 = cx.w(i + 2);
            let impersonal = matches!(n1, "is" | "was")
                && matches!(
                    n2,
                    "expected"
                        | "likely"
                        | "possible"
                        | "understood"
                        | "thought"
                        | "not"
                        | "unclear"
                        | "the"
                        | "a"
                );
            if !impersonal {
                return Some((i, Via::Coref, None));
            }
        }
        // an object ("rachète le site") is not the subject of the trigger
        let object = || {
            i > a
                && d.toks[i - 1].word
                && !PREP.contains(&cx.w(i - 1))
                && !matches!(
                    cx.w(i - 1),
                    "et" | "and" | "que" | "qu" | "that" | "mais" | "but"
                )
        };
        if is_det(w) && !object() {
            // det + (start - up) + noun (+ adjective demonym)
            let mut k = i + 1;
            if matches!(cx.w(k), "'" | "’") {
                k += 1;
            }
            if matches!(
                cx.w(k),
                "jeune"
                    | "petite"
                    | "petit"
                    | "grand"
                    | "grande"
                    | "nouveau"
                    | "nouvelle"
                    | "futur"
                    | "future"
            ) && !EVENT_NOUNS.contains(&cx.w(k + 1))
            {
                k += 1;
            }
            let n = cx.w(k);
            let mut m = k;
            while m < b
                && m < k + 2
                && d.toks[m].word
                && !EVENT_NOUNS.contains(&cx.w(m))
                && !COMPANY_NOUNS.contains(&cx.w(m))
                && !PREP.contains(&cx.w(m))
                && !is_det(cx.w(m))
            {
                m += 1;
            }
            let later = cx.w(m);
            if (EVENT_NOUNS.contains(&n) && k < b
                || (m > k && m < b && EVENT_NOUNS.contains(&later)))
                && !matches!(w, "son" | "sa" | "ses" | "its")
            {
                return Some((i, Via::EventRef, None));
            }
            // "the U.S. software company", "le spécialiste franco-allemand":
            // a few modifiers before the noun
            let mut n = n;
            if !COMPANY_NOUNS.contains(&n) {
                let mut q = k;
                while q < b
                    && q < k + 6
                    && !COMPANY_NOUNS.contains(&cx.w(q))
                    && !EVENT_NOUNS.contains(&cx.w(q))
                    && !PREP.contains(&cx.w(q))
                    && !is_det(cx.w(q))
                    && (d.toks[q].word || matches!(cx.w(q), "." | "-"))
                    && d.triggers_none(q)
                {
                    q += 1;
                }
                if q < b && COMPANY_NOUNS.contains(&cx.w(q)) {
                    k = q;
                    n = cx.w(q);
                }
            }
            if COMPANY_NOUNS.contains(&n)
                && k < b
                && !matches!(w, "son" | "sa" | "ses" | "its" | "ces" | "les")
            {
                // a demonym right after: "le géant américain"
                let dem = d
                    .ctrys
                    .iter()
                    .find(|c| {
                        c.demonym && c.start >= d.toks[k].end && c.start <= d.toks[k].end + 20
                    })
                    .map(|c| c.country.clone());
                return Some((i, Via::Coref, dem));
            }
        }
    }
    None
}

/// A cancelled project: a word of giving up anywhere in the clause
/// (`whole`), or "pulled out", "dropped plans" in `ws` (the clause up to
/// just after the trigger).
fn cancelled(whole: &[&str], ws: &[&str]) -> bool {
    // (every word below has five bytes or more; read by its first byte)
    let cancel = |w: &str| {
        w.len() >= 5
            && match w.as_bytes().first() {
                Some(b'r') => w.starts_with("renon"),
                Some(b'a') => w.starts_with("abandon") || w.starts_with("annul"),
                // "suspend", "suspendu", "suspended"
                Some(b's') => {
                    w.starts_with("scrap") || w.starts_with("shelv") || w.starts_with("suspen")
                }
                Some(b'c') => w.starts_with("cancel"),
                Some(b'g') => matches!(w, "gèle" | "gelé"),
                Some(b'w') => matches!(w, "withdrew" | "withdraws"),
                Some(b'd') => matches!(w, "ditch" | "ditched" | "ditches"),
                _ => false,
            }
    };
    whole.iter().any(|w| cancel(w))
        || ws.windows(2).any(|w| {
            matches!(w[0], "pulled" | "pulls" | "pull") && w[1] == "out"
                || matches!(w[0], "dropped" | "drops") && matches!(w[1], "plans" | "its" | "the")
        })
}

/// What a clause says about status, looking at the words before (and a few
/// after) the trigger.
/// A commitment on a condition still to be met, said anywhere in the
/// sentence of the trigger: "subject to a final investment decision in
/// 2026", "sous réserve du feu vert de Bruxelles", "pending regulatory
/// approval", "à condition d'obtenir".
fn on_condition(cx: &Ctx, lo: usize, trig: usize) -> bool {
    let d = cx.d;
    let end = d
        .toks
        .get(trig)
        .and_then(|t| d.sent_of(t.start))
        .and_then(|si| d.sents.get(si))
        .map_or(trig, |s| s.t1);
    let ws = cx.ws(lo, end.max(trig));
    ws.windows(2).enumerate().any(|(k, w)| {
        // the routine approvals of state aid and takeovers (Brussels,
        // regulators, shareholders) leave a commitment announced
        let routine = || {
            ws.iter().skip(k + 2).take(6).any(|x| {
                matches!(
                    *x,
                    "bruxelles"
                        | "brussels"
                        | "européen"
                        | "européenne"
                        | "commission"
                        | "european"
                        | "eu"
                        | "ue"
                        | "regulatory"
                        | "regulators"
                        | "réglementaire"
                        | "réglementaires"
                        | "antitrust"
                        | "concurrence"
                        | "competition"
                        | "shareholders"
                        | "actionnaires"
                        | "customary"
                        | "usual"
                        | "habituelles"
                )
            })
        };
        matches!(
            (w[0], w[1]),
            ("subject", "to")
                | ("sous", "réserve")
                | ("pending", "approval" | "regulatory" | "final" | "planning")
                | ("à", "condition")
                | ("conditional", "on" | "upon")
                | ("conditionné", "à")
                | ("conditionnée", "à")
        ) && !routine()
    })
}

/// Whether organisation `o` is named as a round's leader: "mené par Elaia",
/// "led by Northwall Capital".
fn led_by(cx: &Ctx, o: usize) -> bool {
    let d = cx.d;
    let t = d.orgs.get(o).map_or(0, |x| d.tok_at(x.start));
    t >= 2
        && matches!(cx.w(t - 1), "par" | "by")
        && matches!(
            cx.w(t - 2),
            "led" | "mené" | "menée" | "emmené" | "emmenée" | "co-led"
        )
}

pub(crate) fn status_of(cx: &Ctx, c: (usize, usize), trig: usize, class: Class) -> Status {
    let lo = c.0;
    let hi = (trig + 2).min(c.1);
    // the words of lo..max(c.1, trig) once; the ranges below are slices of it
    let all: &[&str] = cx.ws(lo, c.1.max(trig).max(hi));
    let span = |a: usize, b: usize| -> &[&str] {
        all.get(a.saturating_sub(lo)..b.saturating_sub(lo))
            .unwrap_or(&[])
    };
    let ws = span(lo, hi);
    let tw = cx.w(trig);
    let before = span(lo, trig);
    let near = span(trig.saturating_sub(6).max(lo), trig);
    if cancelled(span(lo, c.1), ws) {
        return Status::Cancelled;
    }
    // "le fonds Hy24 est entré au capital de X": done
    if (lo..trig + 1).any(|k| {
        k > lo
            && matches!(cx.w(k - 1), "est" | "sont" | "était" | "étaient")
            && matches!(cx.w(k), "entré" | "entrée" | "entrés")
    }) {
        return Status::Completed;
    }
    // a grant given or won in the past tense is done: "La Région a voté
    // une subvention", "la BEI a accordé un prêt", "has won a €2.5m grant"
    if class == Class::Grant
        && (lo..trig + 1).any(|k| {
            k > lo
                && matches!(
                    cx.w(k - 1),
                    "a" | "ont" | "has" | "have" | "avait" | "avaient" | "had"
                )
                && matches!(
                    cx.w(k),
                    "apporté"
                        | "apportée"
                        | "awarded"
                        | "granted"
                        | "accordé"
                        | "accordée"
                        | "octroyé"
                        | "octroyée"
                        | "voté"
                        | "attribué"
                        | "attribuée"
                        | "alloué"
                        | "versé"
                        | "obtenu"
                        | "décroché"
                        | "won"
                        | "received"
                        | "secured"
                )
        })
    {
        return Status::Completed;
    }
    let seek = || {
        near.iter().any(|w| {
            matches!(
                *w,
                "cherche"
                    | "cherchent"
                    | "chercherait"
                    | "recherche"
                    | "recherchent"
                    | "souhaite"
                    | "souhaitent"
                    | "ambitionne"
                    | "veut"
                    | "seeks"
                    | "seeking"
                    | "sought"
                    | "seek"
                    | "looking"
                    | "aims"
                    | "hopes"
                    | "hoping"
                    | "négocie"
                    | "négociations"
                    | "discussions"
                    | "talks"
                    | "discussion"
                    | "tente"
                    | "tries"
                    | "trying"
            )
        }) || matches!(tw, "recherche" | "recherchent" | "cherche" | "cherchent")
    };
    if matches!(class, Class::Raise | Class::Announce) && seek() {
        return Status::Sought;
    }
    let reported = |ws: &[&str]| {
        ws.iter().any(|w| {
            w.starts_with("annon")
                || w.starts_with("annou")
                || matches!(
                    *w,
                    "said"
                        | "says"
                        | "told"
                        | "indiqué"
                        | "déclaré"
                        | "précisé"
                        | "confirmé"
                        | "confirmed"
                        | "affirmé"
                        | "expliqué"
                        | "announced"
                        | "stated"
                        | "promised"
                        | "pledged"
                        | "promis"
                )
        })
    };
    let wide: &[&str] = cx.ws(trig.saturating_sub(14).max(lo), trig);
    let modal = wide.iter().any(|w| {
        // the first bytes of the prefixes below ('é' is 0xC3 0xA9)
        matches!(
            w.as_bytes().first(),
            Some(b'e' | 0xC3 | b'r' | b's' | b'c' | b'm' | b'w' | b'p')
        ) && (w.starts_with("envisag")
            || w.starts_with("étudi")
            || w.starts_with("réfléchi")
            || w.starts_with("song")
            || w.starts_with("consider")
            || w.starts_with("mull")
            || w.starts_with("weigh")
            || w.starts_with("explor")
            || w.starts_with("pourrai")
            || w.starts_with("potenti")
            || w.starts_with("éventuel"))
            || matches!(
                *w,
                "could"
                    | "might"
                    | "may"
                    | "pourrait"
                    | "pourraient"
                    | "serait"
                    | "seraient"
                    | "aurait"
                    | "auraient"
                    | "possible"
                    | "possibly"
                    | "eyes"
                    | "eyeing"
                    | "mulls"
                    | "weighs"
                    | "pourra"
                    | "projetterait"
                    | "hésite"
                    | "prospective"
            )
    }) || tw.starts_with("étud")
        || tw.starts_with("envisag");
    let would = near.contains(&"would") || tw.ends_with("rait") || tw.ends_with("raient");
    if modal || (would && !reported(before)) || on_condition(cx, lo, trig) {
        return Status::Planned;
    }
    // completed: perfect tense of the trigger verb, simple past in English,
    // funding rounds and deals closed
    let aux_before = trig > lo && {
        let mut k = trig;
        let mut found = false;
        let mut steps = 0;
        while k > lo && steps < 5 {
            let w = cx.w(k - 1);
            if matches!(
                w,
                "a" | "ont" | "avait" | "avaient" | "has" | "have" | "had" | "vient" | "viennent"
            ) {
                found = true;
                break;
            }
            if !matches!(
                w,
                "déjà"
                    | "already"
                    | "finalement"
                    | "officiellement"
                    | "récemment"
                    | "recently"
                    | "just"
                    | "désormais"
                    | "également"
                    | "aussi"
                    | "also"
                    | "d"
                    | "de"
                    | "'"
                    | "ainsi"
                    | "bien"
                    | "successfully"
                    | "now"
                    // "a lui-même investi 60 M€"
                    | "lui"
                    | "elle"
                    | "eux"
                    | "-"
                    | "même"
                    | "itself"
            ) {
                break;
            }
            k -= 1;
            steps += 1;
        }
        found
    };
    // spending done: "a investi", "a levé", "has raised", "a ouvert"; not
    // "has earmarked", "a débloqué", "has awarded" (commitments announced);
    // asked only after an auxiliary
    let participle = || {
        let done_stem = [
            "investi",
            "lev",
            "rachet",
            "acqui",
            "dépens",
            "inject",
            "boucl",
            "finalis",
            "réalis",
            "ouvert",
            "inaugur",
            "construit",
            "achev",
            "invested",
            "raised",
            "acquired",
            "bought",
            "spent",
            "closed",
            "completed",
            "purchased",
            "injected",
            "opened",
            "built",
            "taken",
            "took",
            "secured",
            "pumped",
            "poured",
            "financ",
            "conclu",
            "repris",
            "réuni",
            "collect",
        ]
        .iter()
        .any(|p| tw.starts_with(p));
        done_stem
            && (tw.ends_with('é')
                || tw.ends_with("ée")
                || tw.ends_with("és")
                || tw.ends_with("ées")
                || tw.ends_with('i')
                || tw.ends_with("is")
                || tw.ends_with("ed")
                || tw.ends_with("it")
                || tw.ends_with("ert")
                || tw.ends_with("u"))
            || matches!(
                tw,
                "acquis"
                    | "bought"
                    | "spent"
                    | "raised"
                    | "lever"
                    | "racheter"
                    | "boucler"
                    | "finaliser"
                    | "investir"
                    | "conclure"
                    | "built"
                    | "took"
                    | "taken"
            )
    };
    // "Telora a inauguré ... un investissement de 60 M€", "has completed the
    // acquisition": a perfect tense of a verb of completion before the trigger
    let done_before = (lo..trig).any(|k| {
        matches!(cx.w(k), "a" | "ont" | "has" | "have")
            && (k + 1..(k + 3).min(trig)).any(|m| {
                let w = cx.w(m);
                [
                    "inaugur",
                    "ouvert",
                    "opened",
                    "completed",
                    "finalis",
                    "achev",
                    "boucl",
                    "closed",
                    "réuni",
                    "acquired",
                    "bought",
                    "racheté",
                ]
                .iter()
                .any(|p| w.starts_with(p))
            })
    });
    if done_before && !matches!(class, Class::Announce) {
        return Status::Completed;
    }
    if aux_before && participle() && !tw.ends_with("ir")
        || aux_before
            && near.last().is_some_and(|w| matches!(*w, "de" | "d"))
            && near.iter().any(|w| matches!(*w, "vient" | "viennent"))
    {
        return Status::Completed;
    }
    if matches!(
        tw,
        "raised"
            | "invested"
            | "acquired"
            | "bought"
            | "spent"
            | "closed"
            | "completed"
            | "secured"
            | "purchased"
            | "injected"
            | "took"
            | "poured"
            | "pumped"
            | "snapped"
            | "paid"
            | "payé"
            | "déboursé"
            | "awarded"
            | "granted"
    ) && !near
        .iter()
        .any(|w| matches!(*w, "will" | "to" | "would" | "plans" | "agreed" | "agrees"))
    {
        return Status::Completed;
    }
    if matches!(class, Class::Raise)
        && (near.iter().chain(std::iter::once(&tw)).any(|w| {
            w.starts_with("boucl")
                || w.starts_with("finalis")
                || w.starts_with("réalis")
                || matches!(
                    *w,
                    "lève"
                        | "lèvent"
                        | "raises"
                        | "closes"
                        | "closed"
                        | "completes"
                        | "completed"
                        | "obtient"
                        | "annonce"
                        | "announces"
                        | "secures"
                        | "secured"
                        | "nets"
                        | "leads"
                        | "led"
                        | "mène"
                        | "mené"
                        | "joined"
                        | "participated"
                        | "participé"
                )
        }))
        && !near.iter().any(|w| {
            matches!(
                *w,
                "va" | "vont" | "will" | "to" | "prévoit" | "compte" | "plans"
            )
        })
    {
        return Status::Completed;
    }
    if ws.iter().any(|w| {
        w.starts_with("finalis")
            || matches!(
                *w,
                "bouclé"
                    | "bouclée"
                    | "finalized"
                    | "finalised"
                    | "completes"
                    | "completed"
                    | "closes"
                    | "closed"
            )
    }) && matches!(class, Class::Acquire | Class::Raise | Class::Grant)
    {
        return Status::Completed;
    }
    // "Lhyfe inaugure à Bouin son premier site": a site opened is done
    if (tw.starts_with("inaugur") && !matches!(tw, "inaugurer" | "inaugurera" | "inaugureront"))
        && !near.iter().any(|w| {
            matches!(
                *w,
                "va" | "vont" | "will" | "to" | "doit" | "devrait" | "prévoit" | "compte"
            )
        })
    {
        return Status::Completed;
    }
    Status::Announced
}

fn number_word(w: &str) -> Option<f64> {
    let v = match w {
        "un" | "une" | "one" | "a" => 1.0,
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
        _ => return w.parse::<f64>().ok().filter(|v| *v > 0.0 && *v < 100.0),
    };
    Some(v)
}

fn year(w: &str) -> Option<i32> {
    let y: i32 = w.parse().ok()?;
    (2000..=2100).contains(&y).then_some(y)
}

/// "d'ici 2027", "à l'horizon 2030", "by 2027", "sur cinq ans", "over the next three years".
pub(crate) fn horizon_in(cx: &Ctx, a: usize, b: usize) -> Option<Horizon> {
    let mut h = Horizon::default();
    let mut i = a;
    while i < b {
        let w = cx.w(i);
        let n = |k: usize| cx.w(i + k);
        match w {
            "ici" if i > a && cx.w(i - 1) == "'" => {
                for k in 1..4 {
                    if let Some(y) = year(n(k)) {
                        h.until.get_or_insert(y);
                        break;
                    }
                }
            }
            "horizon" | "by" | "until" | "jusqu" | "through" | "before" | "avant" => {
                for k in 1..5 {
                    if let Some(y) = year(n(k)) {
                        if w != "before" && w != "avant" || k == 1 {
                            h.until.get_or_insert(y);
                        }
                        break;
                    }
                    if !matches!(
                        n(k),
                        "the" | "end" | "of" | "fin" | "en" | "'" | "à" | "la" | "l" | "de"
                    ) {
                        break;
                    }
                }
            }
            "sur" | "over" | "within" | "en" | "in" => {
                let mut k = 1;
                while matches!(
                    n(k),
                    "les"
                        | "the"
                        | "next"
                        | "prochaines"
                        | "coming"
                        | "a"
                        | "period"
                        | "une"
                        | "période"
                        | "de"
                        | "of"
                ) && k < 5
                {
                    k += 1;
                }
                // (the unit first: most numbers are of something else)
                let u = n(k + 1);
                let unit = matches!(u, "ans" | "années" | "years" | "year")
                    || (u == "prochaines" && n(k + 2) == "années");
                if let Some(v) = unit.then(|| number_word(n(k))).flatten() {
                    if w != "en" && w != "in" || v > 1.0 {
                        h.years.get_or_insert(v);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    (h.until.is_some() || h.years.is_some()).then_some(h)
}

/// The job counts in a sentence that announce creation: (amount index, token index).
pub(crate) fn job_mentions(cx: &Ctx, si: usize, has_event: bool) -> Vec<(usize, Jobs)> {
    let d = cx.d;
    let s = d.sents[si];
    let mut out = Vec::new();
    // (most sentences have no count)
    if !cx.amounts_in(si, COUNT) {
        return out;
    }
    let lo = d.amounts.partition_point(|a| a.start < s.start);
    for (ai, a) in d.amounts.iter().enumerate().skip(lo) {
        if a.start >= s.end {
            break;
        }
        if a.start < s.start || a.end > s.end || a.money {
            continue;
        }
        if a.value < 1.0 || a.value.fract() != 0.0 || a.value > 1.0e6 {
            continue;
        }
        let ti = d.tok_at(a.start);
        let te = d.tok_at(a.end);
        let mut k = te;
        // "250 emplois directs", "300 ingénieurs", "1,250 high-skilled jobs"
        let mut noun = false;
        for _ in 0..5 {
            let w = cx.w(k);
            if lexicon::job_noun(w) {
                noun = true;
                break;
            }
            let adjective = d.toks.get(k).is_some_and(|t| t.word && !t.cap)
                && !PREP.contains(&w)
                && !lexicon::job_not(w)
                || w == "-";
            if !adjective || k >= s.t1 {
                break;
            }
            k += 1;
        }
        if !noun && cx.w(te) == "d" && lexicon::job_noun(cx.w(te + 2)) {
            noun = true;
            // "Une cinquantaine d'emplois directs seront créés": what comes
            // after is read from the noun
            k = te + 2;
        } else if !noun && cx.w(te) == "de" && lexicon::job_noun(cx.w(te + 1)) {
            // "Une centaine de postes sont à la clé"
            noun = true;
            k = te + 1;
        }
        let prev: &[&str] = cx.ws(ti.saturating_sub(6).max(s.t0), ti);
        let verb_hire = prev.last().is_some_and(|w| {
            w.starts_with("recrut")
                || w.starts_with("embauch")
                || matches!(*w, "hire" | "hiring" | "recruit" | "recruiting")
        });
        if !noun && !verb_hire {
            continue;
        }
        if prev.iter().rev().take(5).any(|w| lexicon::job_not(w)) {
            continue;
        }
        // a headcount further back in the sentence: "le parc compte déjà 4
        // millions de m² d'entrepôts et 12 000 salariés", "revendique 25 000
        // salariés", unless a creation verb comes after it
        let headcount = (s.t0..ti).rev().take_while(|&k| {
            let w = cx.w(k);
            !(w.starts_with("cré")
                || w.starts_with("recrut")
                || w.starts_with("embauch")
                || w.starts_with("creat")
                || w.starts_with("hir")
                || w.starts_with("recruit"))
        });
        // "où 400 personnes seront recrutées": the creation comes after
        let created_after = (k + 1..(k + 4).min(s.t1)).any(|j| {
            let w = cx.w(j);
            matches!(w, "créés" | "created" | "hired" | "recruited")
                || w.starts_with("recrut")
                || w.starts_with("embauch")
        });
        if !created_after
            && headcount.into_iter().any(|k| {
                matches!(
                    cx.w(k),
                    "compte"
                        | "comptait"
                        | "emploie"
                        | "emploient"
                        | "employait"
                        | "revendique"
                        | "revendiquait"
                        | "employs"
                        | "employed"
                        | "counts"
                        | "claims"
                )
            })
        {
            continue;
        }
        // cuts and sources after the noun: "1 254 emplois supprimés",
        // "2,000 jobs lost", "two people familiar with the matter"
        if noun
            && (k + 1..(k + 3).min(s.t1)).any(|j| {
                let w = cx.w(j);
                w.starts_with("suppr")
                    || w.starts_with("menac")
                    || matches!(
                        w,
                        "perdus"
                            | "détruits"
                            | "moins"
                            | "cut"
                            | "cuts"
                            | "losses"
                            | "lost"
                            | "axed"
                            | "eliminated"
                            | "shed"
                            | "risk"
                            | "familiar"
                            | "close"
                            | "briefed"
                            | "knowledge"
                            | "said"
                            | "proches"
                    )
            })
        {
            continue;
        }
        // "sur les 900 que compte", "dont 1 100 à Lille"
        let after: &[&str] = cx.ws(te, (te + 4).min(s.t1));
        if after.iter().any(|w| matches!(*w, "que" | "qu"))
            && after.iter().any(|w| matches!(*w, "compte" | "emploie"))
        {
            continue;
        }
        // "s'accompagnera de 80 embauches": hires are created jobs
        let create = verb_hire
            || matches!(cx.w(k), "embauches" | "recrutements" | "créations")
            // a coordination counts only right before the number ("et 1 200
            // emplois", "with over 250 jobs"), not further back ("serves
            // banks and processes payroll for over 900,000 employees")
            || prev.iter().rev().enumerate().any(|(n, w)| {
                lexicon::job_create(w)
                    && (n < 2
                        || !matches!(
                            *w,
                            "and"
                                | "et"
                                | "with"
                                | "avec"
                                | "prévoit"
                                | "prévoient"
                                | "promet"
                                | "promettent"
                                | "promises"
                                | "promised"
                        ))
            })
            || (k + 1..(k + 4).min(s.t1)).any(|j| {
                let w = cx.w(j);
                // "où 400 personnes seront recrutées", "500 jobs will be created"
                matches!(w, "clé" | "créés" | "created" | "hired" | "recruited")
                    || w.starts_with("recrut")
                    || w.starts_with("embauch")
            });
        let strong_noun = matches!(
            cx.w(k),
            "emplois"
                | "emploi"
                | "postes"
                | "jobs"
                | "roles"
                | "positions"
                | "embauches"
                | "recrutements"
                | "cdi"
                | "créations"
        );
        if !(create || has_event && strong_noun) {
            continue;
        }
        let qualifier = a.qualifier;
        out.push((
            ai,
            Jobs {
                value: a.value as u64,
                qualifier,
            },
        ));
    }
    out
}

/// Finds the candidates of the whole article.
pub(crate) fn candidates(cx: &Ctx) -> Vec<Cand> {
    let d = cx.d;
    let mut cands: Vec<Cand> = Vec::new();
    // (found on first use: only sentences with a count ask)
    let boiler = std::cell::OnceCell::new();
    let in_boilerplate = |si: usize| si >= *boiler.get_or_init(|| boilerplate_start(d));
    let mut trig_buf = Vec::new();
    // (buffers of the sentence loop, cleared for each sentence)
    let mut taken: Vec<(usize, usize, usize)> = Vec::new(); // (trig idx, amount, cost)
    let mut per_trig: Vec<(usize, usize)> = Vec::new();
    let (mut amounts, mut aside) = (Vec::new(), Vec::new());
    for si in 0..d.sents.len() {
        let s = d.sents[si];
        if s.t0 >= s.t1 {
            continue;
        }
        triggers(d, s.t0, s.t1, &mut trig_buf);
        let trigs: &[Trig] = &trig_buf;
        // a sentence without trigger can only hold a job count
        let jobs_only = if trigs.is_empty() {
            let jobs = if !cx.amounts_in(si, COUNT) || in_boilerplate(si) {
                Vec::new()
            } else {
                job_mentions(cx, si, false)
            };
            if jobs.is_empty() {
                continue;
            }
            Some(jobs)
        } else {
            None
        };
        let cls = cx.clauses(si);
        let clause_of = |t: usize| -> (usize, usize) {
            cls.iter()
                .copied()
                .find(|c| c.0 <= t && t < c.1)
                .unwrap_or((s.t0, s.t1))
        };
        usable_amounts(cx, si, &clause_of, &mut amounts, &mut aside);
        // assign each amount to its best trigger
        taken.clear();
        for &ai in &amounts {
            let a = &d.amounts[ai];
            let at = d.tok_at(a.start);
            let c = clause_of(at);
            let aid = aid_amount(cx, a.end);
            let ae = d.tok_at(a.end);
            // "a second production line at its plant in the Somme
            // department, at a cost of €180m": the cost of the event
            let costed = (at.saturating_sub(4).max(c.0)..at)
                .any(|k| matches!(cx.w(k), "cost" | "coût" | "costing"));
            let mut best: Option<(usize, usize)> = None;
            for (k, tr) in trigs.iter().enumerate() {
                if tr.tok < c.0 || tr.tok >= c.1 {
                    continue;
                }
                // "to build a €3.4bn plant, with €1.1bn in state aid": public
                // money is no building cost
                if aid && matches!(tr.class, Class::Build | Class::Weak | Class::Announce) {
                    continue;
                }
                // "le rachat de X, l'opérateur ..., pour un montant de 950
                // M€": the sum is the price of the verb before it
                if tr.class == Class::Weak
                    && tr.tok >= 2
                    && matches!(cx.w(tr.tok - 1), "un" | "a")
                    && matches!(cx.w(tr.tok - 2), "pour" | "for")
                    && trigs.iter().any(|o| {
                        o.tok >= c.0
                            && o.tok < tr.tok
                            && !matches!(o.class, Class::Weak | Class::Announce)
                    })
                {
                    continue;
                }
                let tend = tr.tok + tr.len;
                let cost = if tend <= at {
                    let dist = at - tend;
                    let max = match tr.class {
                        _ if costed => 30,
                        // "planning permission from Redcar and Cleveland
                        // Borough Council for a £1.1 billion campus"
                        Class::Announce if matches!(cx.w(tr.tok), "planning" | "permis") => 12,
                        Class::Announce => 3,
                        Class::Weak => 8,
                        _ => 30,
                    };
                    if dist > max {
                        continue;
                    }
                    dist + if tr.class.strong() { 0 } else { 4 }
                } else if tr.tok >= ae {
                    if matches!(tr.class, Class::Announce | Class::Weak) {
                        continue;
                    }
                    let dist = tr.tok - ae;
                    if dist > 12 {
                        continue;
                    }
                    // "agreed to buy X for $180m, as it seeks to expand": a
                    // verb naming money before beats a building verb after
                    dist * 2 + 3 + if tr.class.strong() { 0 } else { 6 }
                } else {
                    continue;
                };
                if best.is_none_or(|(_, bc)| cost < bc) {
                    best = Some((k, cost));
                }
            }
            if let Some((k, cost)) = best {
                taken.push((k, ai, cost));
            }
        }
        // one amount per trigger, except coordinated amounts ("2 Md€ en France et 1 Md€ en Allemagne")
        per_trig.clear();
        // by trigger, cheapest first
        taken.sort_unstable_by_key(|&(k, ai, cost)| (k, cost, ai));
        for v in taken.chunk_by(|x, y| x.0 == y.0) {
            let Some(&(k, first, _)) = v.first() else {
                continue;
            };
            per_trig.push((k, first));
            for &(_, ai, _) in v.iter().skip(1) {
                let prev_end = d.amounts[first].end;
                let a = &d.amounts[ai];
                if a.start > prev_end {
                    let between = d.lspan(prev_end, a.start);
                    let coord = (between.contains(" et ")
                        || between.contains(" and ")
                        || between.contains(", "))
                        && between.len() < 60;
                    let same_currency = a.currency == d.amounts[first].currency;
                    if coord && same_currency {
                        per_trig.push((k, ai));
                    }
                }
            }
        }
        per_trig.sort_by_key(|&(_, ai)| d.amounts[ai].start);
        let first_new = cands.len();
        let byte = |t: usize| d.toks.get(t).map(|x| x.start).unwrap_or(s.end);
        let main_trigs: &[(usize, usize)] = &per_trig;
        for (n, &(k, ai)) in main_trigs.iter().enumerate() {
            let tr = trigs[k];
            let c = clause_of(tr.tok);
            // an aside amount, or the next coordinated amount of the same
            // trigger, owns the places after it
            let cut = aside
                .iter()
                .map(|&x| d.amounts[x].start)
                .chain(
                    main_trigs
                        .iter()
                        .filter(|&&(k2, _)| k2 == k)
                        .map(|&(_, x)| d.amounts[x].start),
                )
                .filter(|&x| x > d.amounts[ai].end && x < byte(c.1))
                .min();
            let prev_same = main_trigs[..n]
                .iter()
                .rev()
                .find(|&&(k2, _)| k2 == k)
                .map(|&(_, x)| d.amounts[x].start);
            let pwin = match (prev_same, cut) {
                (None, None) => None,
                (p, c2) => Some((p.unwrap_or(byte(c.0)), c2.unwrap_or(byte(c.1)))),
            };
            if let Some(cand) = build(cx, &cands, si, c, tr, Some(ai), pwin) {
                cands.push(cand);
            }
        }
        // "après 3,2 milliards annoncés en Allemagne": same actor, own place
        for &ai in &aside {
            let a = &d.amounts[ai];
            let c = clause_of(d.tok_at(a.start));
            let Some(&(k, _)) = main_trigs
                .iter()
                .find(|&&(k, _)| trigs[k].tok >= c.0 && trigs[k].tok < c.1)
            else {
                continue;
            };
            let pwin = Some((a.start, byte(c.1)));
            if let Some(mut cand) = build(cx, &cands, si, c, trigs[k], Some(ai), pwin) {
                let te = d.tok_at(a.end);
                let after: &[&str] = cx.ws(te, (te + 3).min(c.1));
                if after.iter().any(|w| {
                    matches!(
                        *w,
                        "investis" | "invested" | "dépensés" | "spent" | "injectés"
                    )
                }) {
                    cand.status = Status::Completed;
                } else {
                    cand.status = Status::Announced;
                }
                cand.jobs = None;
                cand.horizon = None;
                cands.push(cand);
            }
        }
        // statements with no amount; in a sentence that has one, only a
        // clause of its own with a deal whose price is secret ("..., while
        // Hyatt completed its purchase of X for an undisclosed sum")
        let had_amounts = cands.len() > first_new;
        for tr in trigs {
            let c = clause_of(tr.tok);
            if !may_stand_without_amount(cx, si, c, *tr) || clause_vetoed(cx, c) {
                continue;
            }
            if had_amounts
                && ((first_new..cands.len()).any(|ci| cands[ci].clause == c)
                    || !matches!(tr.class, Class::Acquire | Class::Raise))
            {
                continue;
            }
            if !had_amounts && cands.len() > first_new {
                break;
            }
            // beside amounts, only a secret price makes a statement (asked
            // before building it: build is pure)
            if had_amounts && !secret_price(cx, c) {
                continue;
            }
            if let Some(cand) = build(cx, &cands, si, c, *tr, None, None) {
                cands.push(cand);
                if !had_amounts {
                    break;
                }
            }
        }
        // jobs (none in a press release's boilerplate: "About Halvorsen ...
        // approximately 9,000 employees in 30 countries" is a headcount)
        let has_event = cands.len() > first_new;
        let jobs = if (jobs_only.is_none() && !cx.amounts_in(si, COUNT)) || in_boilerplate(si) {
            Vec::new()
        } else {
            jobs_only.unwrap_or_else(|| job_mentions(cx, si, has_event))
        };
        for (ai, jobs) in jobs {
            let at = d.tok_at(d.amounts[ai].start);
            let c = clause_of(at);
            // an event of this sentence: same clause first, else the nearest
            let mut target = None;
            if let Some(ci) = (first_new..cands.len()).find(|&ci| cands[ci].clause == c) {
                target = Some(ci);
            }
            if target.is_none() && has_event {
                target = (first_new..cands.len()).min_by_key(|&ci| cands[ci].trig.abs_diff(at));
            }
            if let Some(ci) = target {
                if cands[ci].jobs.is_none() {
                    cands[ci].jobs = Some(jobs);
                }
                continue;
            }
            // the sentence is about an earlier event, or a stand-alone job creation
            let (actor, via, _) = actor_before(cx, &cands, si, c, at, false);
            let referred = match via {
                Via::EventRef => actor_event(cx, &cands, si, c, at).map(|e| {
                    // the project's own event rather than its public funding
                    if cands[e].kind == Kind::PublicFunding {
                        (0..e)
                            .rev()
                            .find(|&x| {
                                cands[x].kind != Kind::PublicFunding && cands[x].sent + 6 > si
                            })
                            .unwrap_or(e)
                    } else {
                        e
                    }
                }),
                _ => actor.and_then(|oi| last_event_of(cx, &cands, oi)),
            };
            let referred = referred.or_else(|| {
                if actor.is_none() && matches!(via, Via::None | Via::EventRef) {
                    // "L'ensemble des investissements annoncés ... créer 3 000 emplois"
                    let off = d.toks[c.0].start;
                    cx.last_org_before(off, None, false)
                        .and_then(|oi| last_event_of(cx, &cands, oi))
                } else {
                    None
                }
            });
            // a hiring plan said to be apart ("a par ailleurs indiqué qu'il
            // prévoyait d'embaucher", "Separately, it will hire") is its own
            let apart = (s.t0..s.t1)
                .any(|k| cx.w(k) == "separately" || cx.w(k) == "par" && cx.w(k + 1) == "ailleurs");
            // buying a company creates no jobs: hiring in a sentence of its
            // own beside an acquisition is its own announcement
            let bought = referred.is_some_and(|ci| cands[ci].kind == Kind::Acquisition);
            // "Le nouvel ensemble emploiera 3 100 personnes": the headcount
            // of the merged group, not hiring
            if bought
                && !apart
                && !(s.t0..s.t1).any(|k| {
                    let w = cx.w(k);
                    w.starts_with("recrut")
                        || w.starts_with("embauch")
                        || w.starts_with("hir")
                        || w.starts_with("recruit")
                        || w.starts_with("créer")
                        || w.starts_with("create")
                })
            {
                continue;
            }
            let referred = referred.filter(|_| !apart && !bought);
            if let Some(ci) = referred {
                if cands[ci].jobs.is_none() {
                    cands[ci].jobs = Some(jobs);
                    if !cands[ci].evidence.contains(&si) {
                        cands[ci].evidence.push(si);
                    }
                }
                continue;
            }
            if let Some(oi) = actor {
                if d.orgs[oi].public {
                    continue;
                }
                let status = match status_of(cx, c, at.saturating_sub(1).max(c.0), Class::Build) {
                    Status::Completed => continue,
                    s => s,
                };
                let mut cand = Cand {
                    sent: si,
                    clause: c,
                    trig: at,
                    class: Class::Build,
                    amount: None,
                    investor: Some(oi),
                    via,
                    recipient: None,
                    kind: Kind::Jobs,
                    status,
                    jobs: Some(jobs),
                    horizon: horizon_in(cx, c.0, c.1).or_else(|| horizon_in(cx, s.t0, s.t1)),
                    places: Vec::new(),
                    country: None,
                    sectors: Vec::new(),
                    ref_cand: None,
                    pref: None,
                    evidence: vec![si],
                    pwin: None,
                };
                locate(cx, &cands, &mut cand);
                cands.push(cand);
            }
        }
        // later sentence continuing an earlier one ("Il s'agit ... en région parisienne")
    }
    co_funders(cx, &mut cands);
    cands
}

/// "32,5 millions d'euros, dont 2 millions d'euros de subvention de la
/// Région", "dont 4 M€ de l'État et 2,5 M€ de la Région": the public shares
/// of a project's cost are public funding of its owner.
fn co_funders(cx: &Ctx, cands: &mut Vec<Cand>) {
    let d = cx.d;
    let n = cands.len();
    // every share needs a capex with money whose owner is a company
    if !cands.iter().any(|c| {
        c.kind == Kind::Capex && c.amount.is_some() && c.investor.is_some_and(|i| !d.orgs[i].public)
    }) {
        return;
    }
    // the first amount of the sentence (sentences and amounts in text order)
    let mut lo = 0;
    for (si, s) in d.sents.iter().enumerate() {
        // the total is money of the sentence: most have none (`lo` is
        // caught up at the next that has)
        if !cx.amounts_in(si, MONEY) {
            continue;
        }
        lo += d
            .amounts
            .get(lo..)
            .unwrap_or(&[])
            .iter()
            .take_while(|a| a.start < s.start)
            .count();
        if !d
            .amounts
            .get(lo..)
            .unwrap_or(&[])
            .iter()
            .take_while(|a| a.start < s.end)
            .any(|a| a.money)
        {
            continue;
        }
        let Some(dont) = cx
            .span(s.t0, s.t1)
            .iter()
            .position(|w| *w == "dont")
            .map(|k| s.t0 + k)
        else {
            continue;
        };
        // the total the "dont" splits: the money amount right before it
        let dont_at = d.toks[dont].start;
        let Some(ti) = d
            .amounts
            .iter()
            .rposition(|a| a.money && a.end <= dont_at && a.start >= s.start)
        else {
            continue;
        };
        let total = &d.amounts[ti];
        if d.text
            .get(total.end..dont_at)
            .is_none_or(|g| !g.trim_matches([' ', ',']).is_empty())
        {
            continue;
        }
        // the capex it is the cost of: of this sentence, or one of the last
        // three stating the same sum ("Le projet représente 42 M€, dont ...")
        let Some(ci) = (0..n).rev().find(|&i| {
            let c = &cands[i];
            c.kind == Kind::Capex
                && c.sent <= si
                && c.sent + 3 >= si
                && c.amount.is_some_and(|a| {
                    a == ti
                        || d.amounts[a].value == total.value
                            && d.amounts[a].currency == total.currency
                })
        }) else {
            continue;
        };
        let Some(owner) = cands[ci].investor else {
            continue;
        };
        if d.orgs[owner].public {
            continue;
        }
        // the amounts of the "dont" list, each with the public body after it
        let mut k = dont + 1;
        let mut found: Vec<(usize, usize)> = Vec::new(); // (amount, org)
        while k < s.t1 {
            let Some(bi) = d
                .amounts
                .iter()
                .position(|a| a.money && d.toks[k].start == a.start)
            else {
                break;
            };
            let end = d.tok_at(d.amounts[bi].end.saturating_sub(1)) + 1;
            // "de subvention de la Région X", "apportés par l'État", "de l'État"
            let mut j = end;
            while j < s.t1
                && j < end + 6
                && matches!(
                    cx.w(j),
                    "de" | "d"
                        | "du"
                        | "la"
                        | "l"
                        | "'"
                        | "’"
                        | "subvention"
                        | "subventions"
                        | "aide"
                        | "aides"
                        | "apportés"
                        | "apportées"
                        | "versés"
                        | "versées"
                        | "financés"
                        | "financées"
                        | "par"
                )
            {
                j += 1;
            }
            let at = d.toks.get(j).map_or(usize::MAX, |t| t.start);
            let Some(oi) = d.orgs.iter().position(|o| o.start == at && o.public) else {
                break;
            };
            found.push((bi, oi));
            // "et 2,5 millions d'euros de la Région ..."
            let oend = d.tok_at(d.orgs[oi].end.saturating_sub(1)) + 1;
            let next = (oend..s.t1.min(oend + 12)).find(|&m| matches!(cx.w(m), "et" | ","));
            match next {
                Some(m) if cx.w(m) == "et" || cx.w(m) == "," => {
                    // skip to the next amount, if it comes right after
                    let after = (m + 1..s.t1.min(m + 3)).find(|&q| {
                        d.amounts
                            .iter()
                            .any(|a| a.money && a.start == d.toks[q].start)
                    });
                    match after {
                        Some(q) => k = q,
                        None => break,
                    }
                }
                _ => break,
            }
        }
        for (bi, oi) in found {
            if cands.iter().any(|o| o.amount == Some(bi)) {
                continue;
            }
            let c = &cands[ci];
            let mut evidence = c.evidence.clone();
            if !evidence.contains(&si) {
                evidence.push(si);
            }
            let cand = Cand {
                sent: si,
                clause: (dont, d.sents[si].t1),
                trig: dont,
                class: c.class,
                amount: Some(bi),
                investor: Some(oi),
                via: Via::Subject,
                recipient: Some(owner),
                kind: Kind::PublicFunding,
                status: c.status,
                jobs: None,
                horizon: c.horizon.clone(),
                places: c.places.clone(),
                country: c.country.clone(),
                sectors: c.sectors.clone(),
                ref_cand: None,
                pref: None,
                evidence,
                pwin: c.pwin,
            };
            cands.push(cand);
        }
    }
}

/// The first sentence of a press release's boilerplate ("À propos de X",
/// "About X" as a heading line), or the number of sentences.
fn boilerplate_start(d: &Doc) -> usize {
    d.sents
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, s)| {
            let t = d.text.get(s.start..s.end).unwrap_or("");
            may_be_header(t) && crate::doc::is_boilerplate_header(t)
        })
        .map_or(d.sents.len(), |(k, _)| k)
}

/// False when `t` cannot be a header of `doc::is_boilerplate_header`: its
/// first character after ASCII white space is ASCII and no 'A' (`trim`
/// stops there, and every header starts with "A" or "À").
fn may_be_header(t: &str) -> bool {
    match t
        .bytes()
        .find(|&b| !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
    {
        Some(b) => b == b'A' || !b.is_ascii(),
        None => true,
    }
}

/// The most recent candidate whose actor is of the family of org `oi`
/// (investor, or the raiser of an equity round); prefers one with money.
fn last_event_of(cx: &Ctx, cands: &[Cand], oi: usize) -> Option<usize> {
    let fam = &cx.d.orgs[oi].family;
    let matches = |c: &Cand| {
        c.investor.is_some_and(|i| &cx.d.orgs[i].family == fam)
            || (matches!(c.kind, Kind::Equity)
                && c.recipient.is_some_and(|i| &cx.d.orgs[i].family == fam))
    };
    let with_money = cands
        .iter()
        .enumerate()
        .rev()
        .find(|(_, c)| matches(c) && c.amount.is_some())
        .map(|(i, _)| i);
    with_money.or_else(|| {
        cands
            .iter()
            .enumerate()
            .rev()
            .find(|(_, c)| matches(c))
            .map(|(i, _)| i)
    })
}

/// For "le projet", "l'investissement": the candidate of the last two sentences.
fn actor_event(
    cx: &Ctx,
    cands: &[Cand],
    si: usize,
    c: (usize, usize),
    _at: usize,
) -> Option<usize> {
    let d = cx.d;
    let recent: Vec<usize> = (0..cands.len())
        .rev()
        .filter(|&i| cands[i].sent + 3 > si && cands[i].sent <= si)
        .collect();
    // "À Cléon, l'enveloppe doit financer...": the event of that place
    let a = d.toks.get(c.0).map(|t| t.start).unwrap_or(0);
    let b = d
        .toks
        .get(c.1.saturating_sub(1))
        .map(|t| t.end)
        .unwrap_or(0);
    let here: Vec<&crate::doc::PlaceM> = d
        .places
        .iter()
        .filter(|p| p.start >= a && p.end <= b && p.rank < 3)
        .collect();
    if !here.is_empty() {
        if let Some(&i) = recent.iter().find(|&&i| {
            cands[i].places.iter().any(|&pi| {
                let p = &d.places[pi];
                here.iter().any(|q| {
                    q.commune.is_some() && q.commune == p.commune
                        || q.rank == 1 && q.departement == p.departement
                })
            })
        }) {
            return Some(i);
        }
    }
    // "Le site ligérien a bénéficié de 40 M€ d'investissements depuis 2021"
    // a few sentences down: the last event of a company
    // (not when the clause names a place of its own: another site)
    recent.first().copied().or_else(|| {
        if !here.is_empty() {
            return None;
        }
        (0..cands.len()).rev().find(|&i| {
            cands[i].sent < si
                && cands[i].sent + 6 > si
                && cands[i].kind == Kind::Capex
                && cands[i].amount.is_some()
                && cands[i].investor.is_some_and(|o| !d.orgs[o].public)
        })
    })
}

/// Who the clause is about, before token `at`: (org, how, event referred).
fn actor_before(
    cx: &Ctx,
    cands: &[Cand],
    si: usize,
    c: (usize, usize),
    at: usize,
    agentive: bool,
) -> (Option<usize>, Via, Option<usize>) {
    let d = cx.d;
    let a = d.toks[c.0].start;
    let b = d.toks.get(at).map(|t| t.start).unwrap_or(d.sents[si].end);
    // ", qui investit", ", which will invest": the name just before the relative
    let mut k = at;
    while k > c.0
        && matches!(
            cx.w(k - 1),
            "also"
                | "aussi"
                | "également"
                | "will"
                | "va"
                | "would"
                | "has"
                | "a"
                | "plans"
                | "to"
                | "prévoit"
                | "de"
                | "d"
                | "'"
        )
    {
        k -= 1;
    }
    if k > c.0 + 1 && matches!(cx.w(k - 1), "qui" | "which" | "who") && cx.w(k - 2) == "," {
        let comma = d.toks[k - 2].start;
        let sa = d.sents[si].start.max(d.dateline_end);
        if let Some(oi) = cx
            .orgs_in(sa, comma + 1)
            .filter(|&oi| d.orgs[oi].end == comma && !cx.reporting(oi))
            .last()
        {
            return (Some(oi), Via::Subject, None);
        }
    }
    // "X is to close its Bristol plant, while investing £45m in Wrexham",
    // "X ferme son site, tout en investissant 45 M€": the sentence's subject
    let mut h = c.0;
    if matches!(cx.w(h), "," | ";") {
        h += 1;
    }
    if (matches!(cx.w(h), "while" | "whilst") && at <= h + 2
        || cx.w(h) == "tout" && cx.w(h + 1) == "en" && at == h + 2)
        && h > d.sents[si].t0
    {
        let sa = d.sents[si].start.max(d.dateline_end);
        if let Some(oi) = cx
            .orgs_in(sa, a)
            .find(|&oi| !cx.reporting(oi) && !cx.prep_before(oi))
        {
            return (Some(oi), Via::Subject, None);
        }
    }
    let explicit = cx
        .orgs_in(a.max(d.dateline_end), b)
        .find(|&oi| !cx.reporting(oi) && !cx.prep_before(oi));
    // a description or pronoun between the subject and the trigger wins only
    // when no name is given
    if let Some(oi) = explicit {
        // reported speech: "Orsted said Apollo had agreed to acquire...",
        // "X a indiqué que Y allait investir": the second name acts
        let e = d.tok_at(d.orgs[oi].end);
        let mut k = e;
        if matches!(cx.w(k), "a" | "has" | "had") {
            k += 1;
        }
        let speech = matches!(
            cx.w(k),
            "said"
                | "says"
                | "announced"
                | "stated"
                | "confirmed"
                | "indique"
                | "indiqué"
                | "annonce"
                | "annoncé"
                | "affirme"
                | "affirmé"
                | "explique"
                | "expliqué"
                | "précise"
                | "précisé"
        );
        if speech {
            let from = d.toks.get(k + 1).map_or(b, |t| t.start);
            // the second name opens the reported clause: no trigger before
            // it ("annoncé ... acquérir Alvéa, pour un montant" is Orsenne's)
            if let Some(o2) = cx.orgs_in(from, b).find(|&o2| {
                !cx.reporting(o2)
                    && !cx.prep_before(o2)
                    && d.orgs[o2].family != d.orgs[oi].family
                    && (k + 1..d.tok_at(d.orgs[o2].start)).all(|m| d.triggers_none(m))
            }) {
                return (Some(o2), Via::Subject, None);
            }
        }
        return (Some(oi), Via::Subject, None);
    }
    // "Le consortium mené par EDF Renouvelables investira", "a consortium
    // led by Iberdrola will build": the leader speaks for the group
    let led = cx.orgs_in(a.max(d.dateline_end), b).find(|&oi| {
        let t = d.tok_at(d.orgs[oi].start);
        t >= c.0 + 3
            && matches!(cx.w(t - 1), "par" | "by")
            && matches!(
                cx.w(t - 2),
                "mené" | "menée" | "emmené" | "emmenée" | "piloté" | "pilotée" | "led" | "headed"
            )
            && matches!(
                cx.w(t - 3),
                "consortium"
                    | "groupement"
                    | "alliance"
                    | "coentreprise"
                    | "venture"
                    | "partnership"
                    | "group"
            )
    });
    if let Some(oi) = led {
        return (Some(oi), Via::Subject, None);
    }
    // "Le nouvel actionnaire prévoit d'investir 12 M€", "The buyer plans
    // to ...": the investor of the last takeover or stake
    let owner_noun = (c.0..at).any(|k| {
        matches!(
            cx.w(k),
            "actionnaire"
                | "repreneur"
                | "acquéreur"
                | "buyer"
                | "acquirer"
                | "owner"
                | "propriétaire"
        ) && k > c.0
            && matches!(
                cx.w(k - 1),
                "le" | "l" | "'" | "nouvel" | "nouveau" | "the" | "new" | "its"
            )
    });
    if owner_noun {
        if let Some(pc) = cands.iter().rev().find(|x| {
            x.sent < si
                && matches!(x.kind, Kind::Acquisition | Kind::Equity)
                && x.investor.is_some()
                && x.recipient.is_some()
        }) {
            return (pc.investor, Via::Coref, None);
        }
    }
    if let Some((tok, mut via, dem)) = coref_in(cx, c.0, at) {
        let w = cx.w(tok);
        // "Le projet est l'un des lauréats. Il doit permettre...": the pronoun
        // takes up the previous sentence's subject when that is an event
        if matches!(w, "il" | "elle" | "it") && si > 0 && tok == c.0 && !agentive {
            let p = d.sents[si - 1];
            let mut k = p.t0;
            if is_det(cx.w(k)) {
                k += 1;
                if matches!(cx.w(k), "'" | "’") {
                    k += 1;
                }
                if EVENT_NOUNS.contains(&cx.w(k)) && !COMPANY_NOUNS.contains(&cx.w(k)) {
                    via = Via::EventRef;
                }
            }
        }
        if matches!(w, "nous" | "we") {
            // the company that writes: the one the text names most
            return (cx.most_named(d.toks[tok].start), Via::Coref, None);
        }
        if matches!(w, "il" | "elle" | "it") && via == Via::Coref {
            // a pronoun keeps the subject of the statement just before
            if let Some(pc) = cands.iter().rev().find(|x| x.sent + 1 >= si && x.sent < si) {
                let subj = if pc.kind == Kind::Equity
                    && (pc.class == Class::Raise || pc.investor.is_none())
                    || pc.kind == Kind::PublicFunding && pc.via != Via::Subject
                {
                    pc.recipient
                } else {
                    pc.investor
                };
                if subj.is_some() && pc.via != Via::After {
                    return (subj, Via::Coref, None);
                }
            }
        }
        match via {
            Via::EventRef => {
                let ev = actor_event(cx, cands, si, c, at);
                let actor = ev.and_then(|e| {
                    let ce = &cands[e];
                    if (matches!(ce.kind, Kind::Equity)
                        && (ce.class == Class::Raise || ce.investor.is_none()))
                        || ce.kind == Kind::PublicFunding
                    {
                        ce.recipient.or(ce.investor)
                    } else {
                        ce.investor
                    }
                });
                // no statement before to take up ("La foncière X a posé la
                // première pierre de l'hôtel. Le projet représente un
                // investissement de 38 M€"): the company the sentence before
                // is about, its first name
                let actor = actor.or_else(|| {
                    if ev.is_some() || si == 0 {
                        return None;
                    }
                    let p = d.sents[si - 1];
                    cx.orgs_in(p.start.max(d.dateline_end), p.end)
                        .find(|&oi| {
                            let o = &d.orgs[oi];
                            !o.public && !o.outlet && !cx.reporting(oi) && !cx.prep_before(oi)
                        })
                        // its subject: named at the start
                        .filter(|&oi| d.tok_at(d.orgs[oi].start) <= p.t0 + 4)
                });
                return (actor, Via::EventRef, ev);
            }
            _ => {
                let off = d.toks[tok].start;
                // "le groupe" takes up the company introduced as "le groupe
                // Saint-Lys", "la jeune pousse" the one introduced as "la
                // foodtech nantaise Protéa", a few sentences before (or in
                // the headline)
                const FIRM: &[&str] = &[
                    "groupe",
                    "société",
                    "entreprise",
                    "group",
                    "company",
                    "firm",
                ];
                const YOUNG: &[&str] = &[
                    "start",
                    "startup",
                    "pousse",
                    "foodtech",
                    "fintech",
                    "medtech",
                    "biotech",
                    "deeptech",
                    "healthtech",
                    "scale",
                    "scaleup",
                ];
                let mut nk = tok + 1;
                if matches!(cx.w(nk), "'" | "’") {
                    nk += 1;
                }
                if matches!(cx.w(nk), "jeune" | "petite" | "young") {
                    nk += 1;
                }
                let noun = cx.w(nk);
                // "la banque mutualiste", "the lender": the last bank named
                // ("Crédit Mutuel Arkéa", "BNP Paribas", "Caisse d'Epargne")
                if matches!(noun, "banque" | "bank" | "lender" | "bancassureur") && dem.is_none() {
                    let hi = d.orgs.partition_point(|o| o.start < off);
                    let bank = (0..hi).rev().find(|&i| {
                        let n = d.orgs[i].name.to_lowercase();
                        !d.orgs[i].public
                            && !cx.reporting(i)
                            && ["crédit", "credit", "banque", "bank", "caisse", "bnp"]
                                .iter()
                                .any(|b| n.contains(b))
                    });
                    if bank.is_some() {
                        return (bank, Via::Coref, None);
                    }
                }
                let class: Option<&[&str]> = if FIRM.contains(&noun) {
                    Some(FIRM)
                } else if YOUNG.contains(&noun) {
                    Some(YOUNG)
                } else {
                    None
                };
                if let (Some(class), None) = (class, dem.as_ref()) {
                    let from = d
                        .sent_of(off)
                        .map(|s| d.sents[s.saturating_sub(10)].start)
                        .unwrap_or(0);
                    let hi = d.orgs.partition_point(|o| o.start < off);
                    let lo = d.orgs.partition_point(|o| o.start < from);
                    let introduced = |i: usize| {
                        let t = d.tok_at(d.orgs[i].start);
                        (t.saturating_sub(3)..t).any(|k| class.contains(&cx.w(k)))
                    };
                    let ok = |i: usize| !d.orgs[i].public && !cx.reporting(i) && introduced(i);
                    // the headline when nothing before in the body
                    let named = (lo..hi).rev().find(|&i| ok(i)).or_else(|| {
                        let h = d.sents.first().map_or(0, |s| s.end);
                        (0..d.orgs.partition_point(|o| o.start < h).min(hi)).find(|&i| ok(i))
                    });
                    if named.is_some() {
                        return (named, Via::Coref, None);
                    }
                }
                let public_np = (tok..(tok + 4).min(at)).any(|k| {
                    matches!(
                        cx.w(k),
                        "publique" | "public" | "state" | "état" | "collectivité" | "agglomération"
                    )
                });
                // nothing named in the last sentences: the company the
                // article is about ("L'entreprise ne jette pas l'éponge. Elle
                // confirme son investissement...")
                let main = || {
                    cx.main_actor()
                        .filter(|&m| d.orgs[m].start < off && dem.is_none() && !public_np)
                };
                return (
                    cx.last_org_before(off, dem.as_deref(), public_np)
                        .or_else(main),
                    Via::Coref,
                    None,
                );
            }
        }
    }
    (None, Via::None, None)
}

/// Marker words before a recipient after the trigger.
fn recipient_after(
    cx: &Ctx,
    c: (usize, usize),
    from: usize,
    markers: &[&str],
    skip: Option<usize>,
    max_gap: usize,
) -> Option<usize> {
    let d = cx.d;
    let (a, b) = rest_of_clause(d, c, from);
    for oi in cx.orgs_in(a, b) {
        if Some(oi) == skip || cx.reporting(oi) || d.orgs[oi].public {
            continue;
        }
        let ot = d.tok_at(d.orgs[oi].start);
        // the name of a programme, not a beneficiary: "du fonds Chaleur",
        // "du programme Horizon", "via its Innovate scheme"
        if ot > 0
            && matches!(
                cx.w(ot - 1),
                "fonds" | "programme" | "dispositif" | "volet" | "fund" | "scheme" | "program"
            )
        {
            continue;
        }
        // the programme the money comes under: "au titre du Ségur de
        // l'investissement", "dans le cadre de France 2030", "under the CHIPS Act"
        if (ot.saturating_sub(3)..ot).any(|k| matches!(d.w(k), "titre" | "cadre" | "under")) {
            continue;
        }
        // the funder's own programme: "a grant from its Innovation Fund",
        // "from the UK government's Industrial Energy Transformation Fund"
        let last = cx.w(d.tok_at(d.orgs[oi].end).saturating_sub(1));
        if ot > 0
            && matches!(last, "fund" | "scheme" | "programme" | "program" | "fonds")
            && matches!(
                cx.w(ot - 1),
                "its" | "their" | "son" | "sa" | "leur" | "s" | "from"
            )
        {
            continue;
        }
        let lo = ot.saturating_sub(max_gap).max(from);
        if markers.is_empty() || (lo..ot).any(|k| markers.contains(&cx.w(k))) {
            return Some(oi);
        }
    }
    None
}

/// The first organisation of clause `c` from token `from` on that is neither
/// `skip`, a reporter nor a public body, and whose first token passes `at`.
fn private_org_after(
    cx: &Ctx,
    c: (usize, usize),
    from: usize,
    skip: Option<usize>,
    at: impl Fn(usize) -> bool,
) -> Option<usize> {
    let d = cx.d;
    let (a, b) = rest_of_clause(d, c, from);
    cx.orgs_in(a, b).find(|&oi| {
        Some(oi) != skip
            && !cx.reporting(oi)
            && !d.orgs[oi].public
            && at(d.tok_at(d.orgs[oi].start))
    })
}

/// The company whose site public money funds: "pour la future usine
/// d'hydrogène d'H2Gard", "for the new plant of X".
fn facility_owner(cx: &Ctx, c: (usize, usize), from: usize, skip: Option<usize>) -> Option<usize> {
    private_org_after(cx, c, from, skip, |ot| {
        ot >= from + 2
            && matches!(cx.w(ot - 1), "de" | "d" | "du" | "of" | "'")
            && (from..ot).any(|k| PROJECT_NOUNS.contains(&cx.w(k)))
    })
}

/// The fund a round is raised from: "auprès du fonds Breega", "from
/// regional fund Finovam", "from Northvolt founders' fund Vargas" (a name
/// right after "fonds"/"fund", itself after "auprès"/"from" in the clause).
fn fund_after(cx: &Ctx, c: (usize, usize), from: usize, skip: Option<usize>) -> Option<usize> {
    private_org_after(cx, c, from, skip, |ot| {
        ot > from
            && matches!(cx.w(ot - 1), "fonds" | "fund")
            && (ot.saturating_sub(7).max(from)..ot).any(|k| matches!(cx.w(k), "auprès" | "from"))
    })
}

/// "dans Mistral AI", "in the start-up X", "a stake in X": a company, not a
/// place the pattern took for a name ("in Licking County").
fn company_target(cx: &Ctx, from: usize, r: usize) -> bool {
    let d = cx.d;
    let o = &d.orgs[r];
    if o.known {
        return true;
    }
    // a bare facility word ("dans Port 2000", "in Terminal 2") is a site
    if matches!(
        o.name.to_lowercase().as_str(),
        "port" | "terminal" | "site" | "campus" | "parc" | "park" | "usine" | "plant"
    ) {
        return false;
    }
    let ot = d.tok_at(o.start);
    let between: &[&str] = cx.ws(from, ot);
    if between.iter().any(|w| {
        COMPANY_NOUNS.contains(w)
            || matches!(
                *w,
                "capital"
                    | "stake"
                    | "participation"
                    | "startup"
                    | "start"
                    | "pousse"
                    | "société"
                    | "entreprise"
                    | "company"
                    | "firm"
                    | "développeur"
                    | "spécialiste"
                    | "éditeur"
                    | "shares"
                    | "actions"
                    | "titres"
            )
    }) {
        return true;
    }
    // an apposition says what it is: "dans COBCO, coentreprise qui ...",
    // "in Pagalo, a Madrid-based start-up"
    let oe = d.tok_at(o.end);
    if cx.w(oe) == ","
        && (oe + 1..(oe + 6).min(d.toks.len())).any(|k| {
            let w = cx.w(k);
            COMPANY_NOUNS.contains(&w)
                || matches!(
                    w,
                    "coentreprise"
                        | "filiale"
                        | "subsidiary"
                        | "start"
                        | "startup"
                        | "pousse"
                        | "spécialiste"
                        | "fabricant"
                        | "éditeur"
                        | "developer"
                        | "maker"
                        | "manufacturer"
                        | "provider"
                        | "venture"
                )
        })
    {
        return true;
    }
    // a town or region is where the money goes, not a company ("to invest
    // £450m in Macclesfield"), even when it acts elsewhere ("Macclesfield
    // has a skilled workforce")
    if is_place_name(d, o) {
        return false;
    }
    // the same name acts elsewhere in the article
    d.orgs
        .iter()
        .enumerate()
        .any(|(j, x)| j != r && x.canonical == o.canonical && cx.is_subject(j))
}

/// The amount ending at byte `end` is named public aid: "€1.1bn in state
/// aid", "$60m in incentives", "2 M€ d'aides", "5 M€ de subventions".
fn aid_amount(cx: &Ctx, end: usize) -> bool {
    let d = cx.d;
    let te = d.tok_at(end);
    let aidw = |w: &str| {
        matches!(
            w,
            "aid" | "subsidies" | "subsidy" | "grants" | "incentives" | "aides" | "subventions"
        )
    };
    match cx.w(te) {
        "in" => (te + 1..te + 3).any(|k| aidw(cx.w(k))),
        "d" | "de" => (te + 1..te + 3).any(|k| aidw(cx.w(k))),
        _ => false,
    }
}

/// The organisation's mention is also a place the gazetteer or the city
/// table knows.
fn is_place_name(d: &Doc, o: &OrgM) -> bool {
    d.places
        .iter()
        .any(|p| p.start == o.start && p.end == o.end)
        || crate::cities::is_city(&o.name.to_lowercase())
}

/// The sentence opens with a grant label ("Aide : 9 M€.", "Grant: €92m.").
fn label_line(cx: &Ctx, si: usize) -> bool {
    let d = cx.d;
    let Some(s) = d.sents.get(si) else {
        return false;
    };
    let Some(colon) = (s.t0..(s.t0 + 6).min(s.t1)).find(|&k| cx.w(k) == ":") else {
        return false;
    };
    (s.t0..colon).any(|k| matches!(cx.w(k), "aide" | "aides" | "grant" | "subvention"))
        && grant_label(cx, (s.t0, s.t1), colon - 1, colon)
}

/// The grant trigger is the label of a list entry: only "montant de l'",
/// "amount of" (or nothing) before it in its clause, a colon right after.
fn grant_label(cx: &Ctx, c: (usize, usize), tok: usize, tend: usize) -> bool {
    cx.w(tend) == ":"
        && (c.0..tok).all(|k| {
            matches!(
                cx.w(k),
                "montant" | "de" | "d" | "l" | "'" | "la" | "du" | "amount" | "of" | "the"
            )
        })
}

/// Byte span of clause `c` from token `from` to its end (empty when `from`
/// is past the text).
fn rest_of_clause(d: &Doc, c: (usize, usize), from: usize) -> (usize, usize) {
    let a = d.toks.get(from).map(|t| t.start).unwrap_or(usize::MAX);
    let b = d
        .toks
        .get(c.1.saturating_sub(1))
        .map(|t| t.end)
        .unwrap_or(0);
    (a, b)
}

/// A public funder after the trigger ("une subvention de la Région").
fn public_after(cx: &Ctx, c: (usize, usize), from: usize) -> Option<usize> {
    let d = cx.d;
    let (a, b) = rest_of_clause(d, c, from);
    cx.orgs_in(a, b).find(|&oi| d.orgs[oi].public)
}

/// Builds a candidate for trigger `tr` (with amount `ai` or none).
/// The organisation that opens the second member of a coordination before
/// the amount `ai`: "[verb] 250 M€ et le Grand Port 150 M€" (another amount
/// comes between the trigger and it).
fn gapped_subject(cx: &Ctx, c: (usize, usize), ai: usize) -> Option<usize> {
    let d = cx.d;
    let amt = d.amounts.get(ai)?;
    let a = d.toks.get(c.0)?.start;
    if amt.start <= a {
        return None;
    }
    let o = cx
        .orgs_in(a, amt.start)
        .filter(|&o| !cx.reporting(o))
        .last()?;
    let org = &d.orgs[o];
    let ot = d.tok_at(org.start);
    let oe = d.tok_at(org.end);
    let at = d.tok_at(amt.start);
    // the org is close to the amount: "NRW €700m", "le Grand Port Maritime
    // de Marseille 150 M€", "Bpifrance accorde un prêt de 5 M€"
    if at < oe || at > oe + 6 {
        return None;
    }
    let name_tail = (oe..at)
        .all(|k| d.toks[k].cap || matches!(cx.w(k), "de" | "du" | "des" | "d" | "'" | "-" | "of"));
    if !name_tail && !matches!(cx.w(at - 1), "de" | "of" | "d") {
        return None;
    }
    // a coordinator right before the name (determiners skipped)
    let mut k = ot;
    while k > c.0 && is_det(cx.w(k - 1)) {
        k -= 1;
    }
    if k <= c.0 || !matches!(cx.w(k - 1), "et" | "and" | "while" | "tandis" | "whereas") {
        return None;
    }
    // another money amount between the clause start and the name
    let money_before = d
        .amounts
        .iter()
        .any(|x| x.money && x.start >= a && x.end <= org.start);
    money_before.then_some(o)
}

fn build(
    cx: &Ctx,
    cands: &[Cand],
    si: usize,
    c: (usize, usize),
    tr: Trig,
    ai: Option<usize>,
    pwin: Option<(usize, usize)>,
) -> Option<Cand> {
    let d = cx.d;
    let s = d.sents[si];
    let tend = tr.tok + tr.len;
    let mut tr = tr;
    if tr.class == Class::Announce
        && matches!(
            cx.w(tr.tok),
            "recherche" | "recherchent" | "cherche" | "cherchent" | "seeks" | "seek" | "seeking"
        )
    {
        tr.class = Class::Raise;
    }
    let agentive = !matches!(tr.class, Class::Weak);
    let (mut subject, mut via, mut ref_cand) = actor_before(cx, cands, si, c, tr.tok, agentive);
    // "Mardi, son PDG, Hubert Delattre, a présenté un projet de 25 M€", "its
    // chief executive said it would invest": the company its head speaks for
    if subject.is_none() && via == Via::None {
        if let Some(k) = (c.0..tr.tok.min(c.0 + 6)).find(|&k| {
            matches!(cx.w(k), "son" | "sa" | "leur" | "its" | "their")
                && matches!(
                    cx.w(k + 1),
                    "pdg"
                        | "président"
                        | "présidente"
                        | "directeur"
                        | "directrice"
                        | "dirigeant"
                        | "dirigeante"
                        | "patron"
                        | "patronne"
                        | "fondateur"
                        | "fondatrice"
                        | "ceo"
                        | "chief"
                        | "boss"
                        | "chairman"
                )
        }) {
            subject = cx.last_org_before(d.toks[k].start, None, false);
            if subject.is_some() {
                via = Via::Coref;
            }
        }
    }
    // coordinated subjects share the verb: "L'armateur engagera 250 M€ et
    // le Grand Port 150 M€", "the federal government €1.3bn and NRW €700m",
    // "la Région apporte 2 M€ et Bpifrance accorde un prêt de 5 M€"
    if let Some(g) = ai.and_then(|a| gapped_subject(cx, c, a)) {
        subject = Some(g);
        via = Via::Subject;
    }
    // "The 50MW electrolyser project, which will cost £240m": the project of
    // the event just described
    // (not when the project's owner is named: "le projet de X de Skyvault")
    let owner_named = {
        let a = d
            .toks
            .get(tr.tok + 1)
            .map(|t| t.start)
            .unwrap_or(usize::MAX);
        let b = d
            .toks
            .get(c.1.saturating_sub(1))
            .map(|t| t.end)
            .unwrap_or(0);
        cx.orgs_in(a, b).any(|o| !cx.reporting(o))
    };
    // a clause headed by an event noun with no actor ("Un investissement
    // de 70 M€, étalé sur trois ans", "Une enveloppe de 60 M€ est consacrée
    // au projet"): the event the sentences before describe
    // ("Ce nouveau volet s'ajoute aux 400 M€ déjà annoncés en 2022")
    let head_noun = |k: usize| {
        EVENT_NOUNS.contains(&cx.w(k))
            && !matches!(
                cx.w(k),
                "nouveau" | "nouvelle" | "futur" | "future" | "fonds"
            )
            || matches!(cx.w(k), "volet" | "tranche" | "phase")
    };
    let headed = c.0 + 1 < c.1
        && tr.tok > c.0
        && (matches!(cx.w(c.0), "un" | "une" | "a" | "an") && head_noun(c.0 + 1)
            || matches!(cx.w(c.0), "ce" | "cet" | "cette" | "this")
                && (head_noun(c.0 + 1)
                    || matches!(cx.w(c.0 + 1), "nouveau" | "nouvel" | "nouvelle" | "new")
                        && head_noun(c.0 + 2)));
    // "Its campus near Marseille, announced last year with a budget of
    // €400 million, is on track to open in 2027": the company's own project
    if subject.is_none()
        && via == Via::None
        && !owner_named
        && c.0 + 1 < tr.tok
        && matches!(cx.w(c.0), "its" | "their" | "son" | "sa" | "leur")
        && head_noun(c.0 + 1)
    {
        subject = cx.last_org_before(d.toks[c.0].start, None, false);
        if subject.is_some() {
            via = Via::Coref;
        }
    }
    if subject.is_none()
        && via == Via::None
        && !owner_named
        && (tr.class == Class::Weak
            && EVENT_NOUNS.contains(&cx.w(tr.tok))
            && (tr.tok.saturating_sub(3).max(c.0)..tr.tok).any(|k| is_det(cx.w(k)))
            || headed)
    {
        if let Some(e) = actor_event(cx, cands, si, c, tr.tok) {
            let ce = &cands[e];
            subject = if ce.kind == Kind::PublicFunding
                || ce.kind == Kind::Equity && ce.class == Class::Raise
            {
                ce.recipient
            } else {
                ce.investor
            };
            via = Via::EventRef;
            if ce.amount.is_none() {
                ref_cand = Some(e);
            }
        }
    }
    let mut pref = ref_cand;
    // a round whose only named party is its leader ("has raised $38m in a
    // round led by Northwall"): kept with no recipient
    let mut leader_only = false;
    let mut investor;
    let mut recipient = None;
    let kind;
    match tr.class {
        Class::Raise => {
            // the subject raises; investors are named after "mené par", "auprès de", "led by"...
            if subject.is_none() {
                // "Levée de fonds de 22 M€ pour Kyomed"
                let after =
                    recipient_after(cx, c, tend, &["pour", "for", "de", "by", "par"], None, 3);
                leader_only = false;
                // the round's leader is no raiser ("un tour de table de 6,5 M€
                // mené par Elaia"); the raiser then opens the sentence
                // ("Ledgerly, a London-based startup ..., has raised $38m in
                // a round led by Northwall")
                subject = after.filter(|&o| !led_by(cx, o));
                if let (None, Some(l)) = (subject, after) {
                    subject = d.toks.get(s.t0).zip(d.toks.get(tr.tok)).and_then(|(a, b)| {
                        cx.orgs_in(a.start, b.start).find(|&o| {
                            o != l && !cx.reporting(o) && !d.orgs[o].public && !d.orgs[o].outlet
                        })
                    });
                    // no raiser named: the round stands with its leader alone
                    leader_only = subject.is_none();
                }
                if subject.is_some() {
                    via = Via::After;
                }
            }
            // "Nvidia and Microsoft back startup Kestrel in a $200m round",
            // "X soutiennent Y": the subject funds, the raiser comes after
            // "Arkéa Capital mène un tour de table de 12 M€ dans Seabotix",
            // "Santander's fund leads €20m Series A in Pagalo": the subject
            // leads or joins the round of the company named after
            let led_by_after = (tr.tok..c.1).any(|k| {
                matches!(cx.w(k), "led" | "mené" | "menée" | "emmené" | "emmenée")
                    && matches!(cx.w(k + 1), "by" | "par")
            });
            let backer = (c.0..tr.tok).find(|&k| {
                matches!(
                    cx.w(k),
                    "back" | "backs" | "backers" | "soutiennent" | "soutient" | "financent"
                ) || !led_by_after
                    && !matches!(cx.w(k + 1), "by" | "par")
                    && matches!(
                        cx.w(k),
                        "leads"
                            | "lead"
                            | "led"
                            | "co-leads"
                            | "co-led"
                            | "mène"
                            | "mènent"
                            | "mené"
                            | "pilote"
                            | "joins"
                            | "joined"
                            | "participe"
                            | "participé"
                            | "participates"
                            | "participated"
                    )
            });
            let backed = backer.zip(subject).and_then(|(k, sub)| {
                let fam = &d.orgs[sub].family;
                let a = d.toks[k].end;
                let b = d.toks.get(c.1.saturating_sub(1)).map_or(a, |t| t.end);
                cx.orgs_in(a, b)
                    .find(|&o| &d.orgs[o].family != fam && !cx.reporting(o) && !d.orgs[o].public)
                    .map(|r| (sub, r))
            });
            if let Some((sub, r)) = backed {
                investor = Some(sub);
                recipient = Some(r);
                kind = Kind::Equity;
            } else {
                recipient = subject;
                let sent_end = (c.0, s.t1);
                investor = recipient_after(
                    cx,
                    sent_end,
                    tend,
                    &[
                        "par",
                        "by",
                        "auprès",
                        "from",
                        "led",
                        "mené",
                        "menée",
                        "emmené",
                        "emmenée",
                        "conduit",
                        "conduite",
                        "piloté",
                        "pilotée",
                        "including",
                        "backed",
                        "participation",
                        "part",
                        "notamment",
                    ],
                    recipient,
                    6,
                );
                // "auprès du fonds Breega", "from regional fund Finovam",
                // "from Northvolt founders' fund Vargas": the fund named
                // ... unless the first is the round's leader ("mené par
                // Elaia, aux côtés de Finovam Gestion", "led by Balderton,
                // with participation from existing investors Frst")
                let leads = investor.is_some_and(|i| led_by(cx, i));
                if let Some(f) = fund_after(cx, sent_end, tend, recipient).filter(|_| !leads) {
                    if investor.is_none_or(|i| d.orgs[i].start < d.orgs[f].start) {
                        investor = Some(f);
                    }
                }
                if investor.is_none() {
                    if let Some(p) = public_after(cx, sent_end, tend) {
                        investor = Some(p);
                    }
                }
                // "X obtient 5 M€ de la Région", "X secures a £30m grant": public money
                let raise_word = {
                    let w = cx.w(tr.tok);
                    w.starts_with("lev")
                        || w.starts_with("lèv")
                        || w.starts_with("rais")
                        || matches!(w, "tour" | "round" | "série" | "series" | "fundraising")
                };
                kind = if investor.is_some_and(|i| d.orgs[i].public) && !raise_word {
                    Kind::PublicFunding
                } else {
                    Kind::Equity
                };
                // a bank loan or a bond is debt, not a stake
                let debt = (c.0..c.1).any(|k| {
                    matches!(
                        cx.w(k),
                        "loan"
                            | "loans"
                            | "prêt"
                            | "prêts"
                            | "emprunt"
                            | "bond"
                            | "bonds"
                            | "obligataire"
                            | "debt"
                            | "dette"
                            | "crédit"
                    )
                });
                if debt && kind == Kind::Equity {
                    return None;
                }
                if !leader_only {
                    recipient?;
                }
            }
        }
        Class::Acquire => {
            // passive: "Y racheté par X", "acquisition de Y par X"
            let by = recipient_after(cx, c, tend, &["par", "by"], None, 4);
            // "Steinmetz closes Nordpump buy", "the Rivoire takeover": the target before the noun
            let before_noun = (tr.tok > c.0)
                .then(|| d.toks[tr.tok - 1].end)
                .and_then(|e| {
                    cx.orgs_in(d.toks[c.0].start, e)
                        .find(|&o| d.orgs[o].end == e)
                })
                .filter(|&o| Some(o) != subject);
            // the target: the first company after the verb, not the seller
            // ("from private equity firm Aurelis", "auprès de")
            let obj = {
                let a = d.toks.get(tend).map(|t| t.start).unwrap_or(usize::MAX);
                let b = d
                    .toks
                    .get(c.1.saturating_sub(1))
                    .map(|t| t.end)
                    .unwrap_or(0);
                cx.orgs_in(a, b).find(|&oi| {
                    let ot = d.tok_at(d.orgs[oi].start);
                    let seller = (ot.saturating_sub(4).max(tend)..ot).any(|k| {
                        matches!(
                            cx.w(k),
                            "from"
                                | "auprès"
                                | "par"
                                | "by"
                                | "cédé"
                                | "sold"
                                | "listed"
                                | "traded"
                                | "coté"
                                | "cotée"
                        )
                    });
                    Some(oi) != by && !cx.reporting(oi) && !d.orgs[oi].public && !seller
                })
            };
            if let (Some(t), None) = (before_noun, by) {
                investor = subject;
                recipient = Some(t);
            } else if let Some(b) = by {
                if subject.is_some() && obj.is_none_or(|o| d.orgs[o].start > d.orgs[b].start) {
                    recipient = subject;
                } else {
                    recipient = obj;
                }
                investor = Some(b);
                via = Via::After;
            } else {
                investor = subject;
                recipient = obj;
            }
            // "buy a stake in X", "prendre une participation dans X"
            let stake = (tend..(tend + 4).min(c.1))
                .any(|k| matches!(cx.w(k), "stake" | "participation" | "part" | "parts"))
                // "est entré au capital de X à hauteur de 60 M€"
                || cx.w(tr.tok).starts_with("entr") && cx.w(tend + 1) == "capital";
            kind = if stake {
                Kind::Equity
            } else {
                Kind::Acquisition
            };
        }
        Class::Grant => {
            investor = subject;
            // "the department awarded...", "The agency also finalised...",
            // "le ministère accorde...": the public body named before
            if investor.is_none_or(|i| !d.orgs[i].public)
                && (c.0..tr.tok).any(|k| {
                    matches!(
                        cx.w(k),
                        "department"
                            | "agency"
                            | "ministry"
                            | "ministère"
                            | "agence"
                            | "administration"
                    ) && k > 0
                        && matches!(cx.w(k - 1), "the" | "l" | "le" | "'")
                })
            {
                let off = d.toks[c.0].start;
                if let Some(p) = (0..d.orgs.len())
                    .rev()
                    .find(|&j| d.orgs[j].public && d.orgs[j].end <= off && !cx.reporting(j))
                {
                    investor = Some(p);
                }
            }
            if investor.is_none_or(|i| !d.orgs[i].public) {
                if let Some(p) = public_after(cx, c, tend) {
                    recipient = investor;
                    investor = Some(p);
                }
            }
            // a label in a list of laureates ("Aide : 9,3 M€", "Montant de
            // l'aide : ...", "Grant: €148 million"): the funder is the public
            // body the release named before
            if investor.is_none() && grant_label(cx, c, tr.tok, tend) {
                let off = d.toks[c.0].start;
                investor = (0..d.orgs.len())
                    .rev()
                    .find(|&j| d.orgs[j].public && d.orgs[j].end <= off && !cx.reporting(j));
            }
            // a shareholder that brings capital: "son actionnaire Brookfield
            // apportera 500 M€ de fonds propres" is a stake in the company
            let own_funds = (tend..c.1).any(|k| {
                cx.w(k) == "propres" && cx.w(k.saturating_sub(1)) == "fonds"
                    || matches!(cx.w(k), "equity" | "capital")
            }) || (c.0..tr.tok).any(|k| {
                // "elle avait ouvert son capital au fonds Siparex, qui avait
                // apporté 15 M€"
                cx.w(k) == "capital"
                    && matches!(cx.w(k.saturating_sub(1)), "son" | "leur" | "its" | "their")
            });
            let holder = investor.filter(|&i| !d.orgs[i].public && own_funds);
            let held = holder.and_then(|i| {
                let fam = d.orgs[i].family.clone();
                let off = d.toks[c.0].start;
                recipient_after(
                    cx,
                    c,
                    tend,
                    &["à", "au", "to", "dans", "in", "into"],
                    investor,
                    6,
                )
                .or_else(|| {
                    (0..d.orgs.len()).rev().find(|&j| {
                        let o = &d.orgs[j];
                        o.end <= off
                            && o.family != fam
                            && !o.public
                            && !o.outlet
                            && !cx.reporting(j)
                    })
                })
            });
            if held.is_some() {
                recipient = held;
                kind = Kind::Equity;
            } else {
                investor.filter(|&i| d.orgs[i].public)?;
                if recipient.is_none() {
                    recipient = recipient_after(
                        cx,
                        c,
                        tend,
                        &[
                            "à",
                            "au",
                            "aux",
                            "to",
                            "for",
                            "pour",
                            "faveur",
                            "destinée",
                            "destiné",
                            "projet",
                            "project",
                        ],
                        investor,
                        10,
                    )
                    .or_else(|| facility_owner(cx, c, tend, investor))
                    .or_else(|| recipient_after(cx, c, tend, &[], investor, 0));
                }
                if recipient.is_none() {
                    // "au projet", "à l'entreprise", "to the company"
                    let (r, rv, rc) = recipient_coref(cx, cands, si, c, tend);
                    recipient = r;
                    if rv == Via::EventRef {
                        ref_cand = rc;
                    }
                }
                kind = Kind::PublicFunding;
            }
        }
        _ => {
            investor = subject;
            let stake = cx
                .span(c.0, c.1)
                .iter()
                .any(|w| matches!(*w, "capital" | "stake"));
            // a local authority building its own infrastructure ("la
            // communauté de communes investira 1,8 M€ dans l'aménagement de
            // la zone", "Rennes Métropole va investir 3 M€ dans un bâtiment")
            let local = investor.is_some_and(|i| {
                d.orgs[i].public && {
                    let n = d.orgs[i].canonical.to_lowercase();
                    [
                        "communauté",
                        "métropole",
                        "agglomération",
                        "agglo",
                        "département",
                    ]
                    .iter()
                    .any(|k| n.contains(k))
                }
            });
            let named_company = local
                && recipient_after(
                    cx,
                    c,
                    tend,
                    &["à", "au", "aux", "pour", "dans", "faveur"],
                    investor,
                    6,
                )
                .is_some();
            if local && !named_company && !stake {
                kind = Kind::Capex;
            } else if investor.is_some_and(|i| d.orgs[i].public) && !stake {
                recipient = recipient_after(
                    cx,
                    c,
                    tend,
                    &[
                        "à", "au", "aux", "to", "for", "pour", "dans", "in", "into", "faveur",
                    ],
                    investor,
                    6,
                )
                .or_else(|| facility_owner(cx, c, tend, investor));
                if recipient.is_none() {
                    let (r, rv, rc) = recipient_coref(cx, cands, si, c, tend);
                    recipient = r;
                    if rv == Via::EventRef {
                        ref_cand = rc;
                    }
                }
                kind = Kind::PublicFunding;
            } else {
                // equity: "investit 15 M€ dans Mistral AI", "a stake in X"
                recipient = recipient_after(
                    cx,
                    c,
                    tend,
                    &["dans", "in", "into", "capital", "stake", "chez"],
                    investor,
                    10,
                )
                .filter(|&r| investor.is_none_or(|i| d.orgs[i].family != d.orgs[r].family))
                .filter(|&r| company_target(cx, tend, r))
                .filter(|&r| {
                    // "dans ses trois hôtels de Deauville, le Normandy, le
                    // Royal": its own sites, named, are not companies
                    let rt = d.tok_at(d.orgs[r].start);
                    !(tend..rt).any(|k| {
                        matches!(
                            cx.w(k),
                            "ses" | "son" | "sa" | "its" | "their" | "leurs" | "leur"
                        ) && (k + 1..(k + 4).min(rt)).any(|m| {
                            let w = cx.w(m);
                            w.starts_with("hôtel")
                                || w.starts_with("hotel")
                                || w.starts_with("usine")
                                || w.starts_with("site")
                                || w.starts_with("magasin")
                                || w.starts_with("plant")
                                || w.starts_with("factor")
                                || w.starts_with("store")
                                || w.starts_with("restaurant")
                                || w.starts_with("casino")
                                || w.starts_with("entrepôt")
                                || w.starts_with("établissement")
                        })
                    })
                });
                if recipient.is_none() && investor.is_some() {
                    // "a investi 15 M€ dans l'entreprise": the company just named
                    let end = (tend + 6).min(c.1);
                    if let Some(k) = (tend..end).find(|&k| {
                        matches!(cx.w(k), "dans" | "in" | "into")
                            && (k + 1..(k + 4).min(c.1)).any(|m| {
                                matches!(
                                    cx.w(m),
                                    "entreprise"
                                        | "société"
                                        | "start"
                                        | "startup"
                                        | "company"
                                        | "firm"
                                        | "pousse"
                                )
                            })
                    }) {
                        let fam = investor.map(|i| d.orgs[i].family.clone());
                        recipient = d
                            .orgs
                            .iter()
                            .enumerate()
                            .rev()
                            .find(|(j, o)| {
                                o.end <= d.toks[k].start
                                    && Some(&o.family) != fam.as_ref()
                                    && !cx.reporting(*j)
                                    && !o.public
                            })
                            .map(|(j, _)| j);
                    }
                }
                if investor.is_none() {
                    // "Investissement de 4 Md€ de Microsoft", "funding from X"
                    let after = recipient_after(
                        cx,
                        c,
                        tend,
                        &["de", "du", "by", "par", "from"],
                        recipient,
                        2,
                    );
                    // only right after the amount or the trigger noun
                    let anchor = ai
                        .map(|a| d.amounts[a].end)
                        .unwrap_or(d.toks[tend.saturating_sub(1)].end);
                    let close = after.is_some_and(|o| {
                        let ot = d.tok_at(d.orgs[o].start);
                        ot <= d.tok_at(anchor) + 3
                    });
                    if close {
                        investor = after;
                        via = Via::After;
                    } else if matches!(tr.class, Class::Invest | Class::Weak) && ai.is_some() {
                        // "Montant de l'investissement : 45 M€": the event just described
                        // only bare statements: "Montant de l'investissement : 45 M€", "12 M€ investis"
                        let amt_span = ai
                            .map(|a| (d.amounts[a].start, d.amounts[a].end))
                            .unwrap_or((0, 0));
                        let bare = (c.0..tr.tok).all(|k| {
                            let t = d.toks[k];
                            !t.word
                                || (t.start >= amt_span.0 && t.end <= amt_span.1)
                                || matches!(
                                    cx.w(k),
                                    "montant"
                                        | "total"
                                        | "de"
                                        | "du"
                                        | "d"
                                        | "l"
                                        | "le"
                                        | "coût"
                                        | "au"
                                        | "soit"
                                        | "investissement"
                                        | "investissements"
                                )
                        });
                        let recent = actor_event(cx, cands, si, c, tr.tok)
                            .filter(|&e| cands[e].sent + 2 > si)
                            .filter(|_| bare);
                        if bare && recent.is_none() && tr.class == Class::Invest {
                            // "12 M€ investis, 6 500 m²...": the company of the text
                            investor = cx
                                .last_org_before(d.toks[c.0].start, None, false)
                                .or_else(|| cx.most_named(0));
                            via = Via::Coref;
                        }
                        if let Some(e) = recent {
                            let ce = &cands[e];
                            if ce.sent + 2 > si {
                                investor = if ce.kind == Kind::PublicFunding
                                    || ce.kind == Kind::Equity && ce.class == Class::Raise
                                {
                                    ce.recipient
                                } else {
                                    ce.investor
                                };
                                via = Via::EventRef;
                                pref = Some(e);
                                if ce.amount.is_none() {
                                    ref_cand = Some(e);
                                }
                            }
                        }
                    }
                }
                if matches!(
                    cx.w(tr.tok),
                    "financement" | "funding" | "financing" | "financements"
                ) && recipient.is_none()
                    && investor.is_some()
                    && ai.is_some()
                {
                    // "X obtient un financement de 20 M€": X raises
                    recipient = investor;
                    investor = recipient_after(
                        cx,
                        (c.0, s.t1),
                        tend,
                        &["par", "by", "auprès", "from", "led", "mené", "menée"],
                        recipient,
                        4,
                    );
                    kind = Kind::Equity;
                } else if recipient.is_some() {
                    kind = Kind::Equity;
                } else if let Some(r) = (c.0..c.1)
                    .any(|k| {
                        matches!(
                            cx.w(k),
                            "actionnaire"
                                | "actionnaires"
                                | "shareholder"
                                | "shareholders"
                                | "stake"
                        )
                        // not a description of who owns the investor: "Le
                        // groupe, dont Volkswagen est le premier actionnaire,"
                        && !(c.0..k).any(|m| matches!(cx.w(m), "dont" | "whose"))
                    })
                    .then(|| {
                        // "qui investit 1,3 Md€ et devient son premier actionnaire"
                        let sa = d.sents[si].start.max(d.dateline_end);
                        let fam = investor.map(|i| d.orgs[i].family.clone());
                        cx.orgs_in(sa, d.sents[si].end).find(|&o| {
                            !cx.reporting(o)
                                && !d.orgs[o].public
                                && Some(&d.orgs[o].family) != fam.as_ref()
                        })
                    })
                    .flatten()
                {
                    recipient = Some(r);
                    kind = Kind::Equity;
                } else if let Some(k) = (c.0..c.1).find(|&k| {
                    cx.w(k) == "capital"
                        && matches!(cx.w(k.saturating_sub(1)), "son" | "leur" | "its" | "their")
                }) {
                    // "entre à son capital": a stake in the company just named
                    recipient = cx
                        .last_org_before(d.toks[k].start, None, false)
                        .filter(|&r| investor.is_none_or(|i| d.orgs[i].family != d.orgs[r].family));
                    kind = if recipient.is_some() {
                        Kind::Equity
                    } else {
                        Kind::Capex
                    };
                } else {
                    kind = Kind::Capex;
                }
            }
        }
    }
    if kind == Kind::PublicFunding {
        let yearly = (c.0..c.1).any(|k| {
            matches!(
                (cx.w(k), cx.w(k + 1)),
                ("chaque", "année")
                    | ("par", "an")
                    | ("each", "year")
                    | ("per", "year")
                    | ("every", "year")
            ) || cx.w(k) == "annually"
        });
        if yearly {
            return None;
        }
        // a budget for a whole trade ("pour soutenir la filière", "la
        // production", "the industry") is no company's funding
        let trade_wide = (c.0..c.1).any(|k| {
            matches!(
                cx.w(k),
                "filière" | "filières" | "secteur" | "sector" | "industry" | "production"
            )
            // or for a whole class of firms: "awarded $30 billion in grants
            // to chipmakers last year", "versés aux entreprises du territoire"
            || k > c.0
                && matches!(cx.w(k - 1), "to" | "aux" | "among" | "entre")
                && matches!(
                    cx.w(k),
                    "chipmakers"
                        | "companies"
                        | "firms"
                        | "businesses"
                        | "manufacturers"
                        | "startups"
                        | "entreprises"
                        | "industriels"
                        | "pme"
                        | "start-up"
                )
        });
        if recipient.is_none() && !trade_wide {
            // "L'État apporte 35 M€ au titre de France 2030": the project just described
            if let Some(e) = (0..cands.len()).rev().find(|&e| {
                cands[e].sent + 8 > si
                    && cands[e].kind != Kind::PublicFunding
                    && cands[e].investor.is_some_and(|i| !d.orgs[i].public)
            }) {
                recipient = cands[e].investor;
                ref_cand = Some(e);
            }
        }
        if recipient.is_none()
            && !trade_wide
            && (c.0..c.1).any(|k| {
                matches!(
                    cx.w(k),
                    "projet" | "project" | "chantier" | "usine" | "plant"
                ) && matches!(
                    cx.w(k.saturating_sub(1)),
                    "au" | "le" | "du" | "the" | "this"
                )
            })
        {
            // "L'État apportera 250 M€ au projet" further down a long
            // article: the project the article is about, however far back
            if let Some(e) = (0..cands.len()).rev().find(|&e| {
                cands[e].kind == Kind::Capex
                    && cands[e].amount.is_some()
                    && cands[e].investor.is_some_and(|i| !d.orgs[i].public)
            }) {
                recipient = cands[e].investor;
                ref_cand = Some(e);
            }
        }
        if recipient.is_none() && !trade_wide && si > 0 {
            // "... approved €2 billion in aid for thyssenkrupp Steel's plant.
            // The federal government will contribute €1.3 billion": the
            // company the previous sentence funds
            // (or the one before: "Le CHU de X a validé ... Coût total : 320
            // M€ ... L'État apportera 150 M€")
            let p = d.sents[si - 1];
            let off = d.toks[c.0].start;
            let named_in = |a: usize| {
                (0..d.orgs.len()).rev().find(|&j| {
                    let o = &d.orgs[j];
                    o.start >= a && o.end <= off && !o.public && !o.outlet && !cx.reporting(j)
                })
            };
            recipient = named_in(p.start).or_else(|| {
                let p2 = d.sents[si.saturating_sub(2)];
                let prev_money = d
                    .amounts
                    .iter()
                    .any(|a| a.money && a.start >= p.start && a.end <= p.end);
                named_in(p2.start).filter(|_| si >= 2 && prev_money)
            });
        }
        recipient?;
    }
    if investor.is_none() && !(kind == Kind::Equity && recipient.is_some()) {
        return None;
    }
    if via == Via::EventRef && investor.is_none() && recipient.is_none() {
        return None;
    }
    // "appelle les Vingt-Sept à investir", "urges Europe to invest": a call, not a commitment
    if (c.0..tr.tok).any(|k| {
        let w = cx.w(k);
        w.starts_with("appel")
            || w.starts_with("exhort")
            || w.starts_with("urge")
            || w.starts_with("plaid")
            || matches!(
                w,
                "calls" | "called" | "demande" | "réclame" | "encourage" | "incite"
            )
    }) {
        return None;
    }
    if kind == Kind::Equity && via == Via::Coref {
        if let (Some(r), Some(i)) = (recipient, investor) {
            if d.orgs[r].family == d.orgs[i].family {
                // "La start-up ... a levé 220 M$ auprès de Zenith": not Zenith itself
                let off = d.toks[c.0].start;
                let fam = d.orgs[i].family.clone();
                recipient = d
                    .orgs
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(j, o)| {
                        o.end <= off && o.family != fam && !cx.reporting(*j) && !o.public
                    })
                    .map(|(j, _)| j);
                recipient?;
            }
        }
    }
    // a denied report is no commitment: "Unilever denied a report that it
    // was in talks to acquire Fage", "Le groupe dément vouloir racheter X"
    if (c.0..tr.tok).any(|k| {
        let w = cx.w(k);
        matches!(
            w,
            "denied"
                | "denies"
                | "deny"
                | "denying"
                | "dément"
                | "démentent"
                | "démenti"
                | "dementi"
        ) || w.starts_with("démentai")
    }) {
        return None;
    }
    // a negated statement commits nothing: "Unilever is not in discussions
    // regarding an acquisition of Fage", "n'a pas l'intention de racheter",
    // "has no plans to buy" (but "pas moins de 300 M€" is an amount)
    if (tr.tok.saturating_sub(7).max(c.0)..tr.tok).any(|k| {
        matches!(
            cx.w(k),
            "not" | "no" | "pas" | "jamais" | "never" | "aucun" | "aucune"
        ) && !matches!(
            cx.w(k + 1),
            "moins" | "seulement" | "only" | "less" | "fewer" | "later" | "sooner"
        )
    }) {
        return None;
    }
    // what is lacking commits nothing: "liquidation faute d'offre de reprise
    // jugée sérieuse", "en l'absence de repreneur", "for lack of a buyer"
    if (tr.tok.saturating_sub(6).max(c.0)..tr.tok).any(|k| {
        matches!(cx.w(k), "faute" | "absence")
            || cx.w(k) == "lack" && k > c.0 && cx.w(k - 1) == "for"
    }) {
        return None;
    }
    // share prices are not investments: "Amara Raja shares closed 2.3%
    // higher at Rs 1,512", "l'action a bondi de 8 %"
    let stock = cx.span(c.0, c.1).iter().any(|w| {
        matches!(
            *w,
            "shares" | "stock" | "action" | "titre" | "share" | "nasdaq" | "nyse" | "bourse"
        )
    }) && cx.span(c.0, c.1).iter().any(|w| {
        matches!(
            *w,
            "closed"
                | "rose"
                | "fell"
                | "jumped"
                | "slumped"
                | "gained"
                | "higher"
                | "lower"
                | "traded"
                | "trading"
                | "grimpé"
                | "recule"
                | "reculé"
                | "bondi"
                | "chute"
                | "chuté"
                | "clôturé"
                | "cours"
        )
    });
    if stock {
        return None;
    }
    // money a scheme hopes to attract is not its own: "which it expects to
    // unlock a further €5.4 billion in private investment", "devrait
    // générer 2 Md€ d'investissements privés"
    if let Some(a) = ai.and_then(|a| d.amounts.get(a)) {
        let at = d.tok_at(a.end);
        let private = (at..(at + 4).min(c.1))
            .any(|k| matches!(cx.w(k), "private" | "privés" | "privé" | "privées"));
        let lever = (c.0..d.tok_at(a.start)).any(|k| {
            matches!(
                cx.w(k),
                "unlock" | "leverage" | "attract" | "catalyse" | "catalyze" | "générer" | "attirer"
            )
        });
        if private && lever {
            return None;
        }
    }
    // savings are not spending: "Le gouvernement cherche à économiser 40
    // milliards", "seeks to save $2bn", "vise 3 Md€ d'économies"
    if (tr.tok + 1..(tr.tok + 4).min(c.1)).any(|k| {
        let w = cx.w(k);
        w.starts_with("économ") || matches!(w, "save" | "saving" | "savings" | "trim")
    }) {
        return None;
    }
    let mut status = status_of(cx, c, tr.tok, tr.class);
    // "Mistral AI recherche 600 millions", "Qubitek said to seek €200m"
    if matches!(
        cx.w(tr.tok),
        "recherche" | "recherchent" | "cherche" | "cherchent" | "seeks" | "seek" | "seeking"
    ) && status != Status::Cancelled
    {
        status = Status::Sought;
    }
    let mut cand = Cand {
        sent: si,
        clause: c,
        trig: tr.tok,
        class: tr.class,
        amount: ai,
        investor,
        via,
        recipient,
        kind,
        status,
        jobs: None,
        horizon: horizon_in(cx, c.0, c.1),
        places: Vec::new(),
        country: None,
        sectors: Vec::new(),
        ref_cand,
        pref,
        evidence: vec![si],
        pwin,
    };
    if ai.is_none() && !concrete_without_amount(cx, &cand) {
        return None;
    }
    locate(cx, cands, &mut cand);
    Some(cand)
}

/// A statement with no amount is an event only when concrete: a site in a
/// place below country level, present or future, or a named acquisition.
/// The sentence is in the lead of the article: among its first three
/// sentences once page furniture and bylines are set aside.
fn lead_sentence(d: &Doc, si: usize) -> bool {
    let text = |k: usize| {
        d.sents
            .get(k)
            .and_then(|s| d.text.get(s.start..s.end))
            .unwrap_or("")
    };
    (0..si)
        .filter(|&k| {
            let t = text(k);
            !crate::furniture(t) && !crate::byline(t) && !crate::chrome(t)
        })
        .count()
        <= 3
}

/// A deal whose price is kept secret: "pour un montant non communiqué",
/// "for an undisclosed sum".
fn secret_price(cx: &Ctx, c: (usize, usize)) -> bool {
    (c.0..c.1).any(|k| {
        matches!(cx.w(k), "undisclosed" | "confidential")
            || matches!(cx.w(k), "non" | "not" | "pas")
                && matches!(
                    cx.w(k + 1),
                    "communiqué" | "dévoilé" | "divulgué" | "précisé" | "disclosed" | "révélé"
                )
    })
}

fn concrete_without_amount(cx: &Ctx, c: &Cand) -> bool {
    let d = cx.d;
    // background: "since it bought Verpak for an undisclosed sum in 2021"
    let past = (c.clause.0..c.clause.1).any(|k| {
        let w = cx.w(k);
        matches!(
            w,
            "since"
                | "depuis"
                | "déjà"
                | "already"
                | "previously"
                | "précédemment"
                | "had"
                | "avait"
        ) || (year(w).is_some() && k > 0 && matches!(cx.w(k - 1), "en" | "in"))
    });
    // "X rachète Y ; le montant n'est pas divulgué": the rest of the sentence
    let rest = (c.clause.1, d.sents[c.sent].t1.max(c.clause.1));
    if (secret_price(cx, c.clause) || secret_price(cx, rest))
        && !past
        && matches!(c.kind, Kind::Acquisition | Kind::Equity)
        && c.investor.is_some()
        && c.recipient.is_some()
        && c.status != Status::Planned
    {
        return true;
    }
    match c.kind {
        Kind::Acquisition => {
            // a takeover of a named company or of a site in a place, in the
            // lead of the article, not background ("bought X in 2021")
            let s = d.sents[c.sent];
            let background = (c.clause.0..c.clause.1).any(|k| {
                let w = cx.w(k);
                matches!(
                    w,
                    "déjà"
                        | "already"
                        | "previously"
                        | "précédemment"
                        | "since"
                        | "depuis"
                        | "avait"
                        | "had"
                ) || (year(w).is_some() && k > 0 && matches!(cx.w(k - 1), "en" | "in"))
            });
            let a = d.toks[c.clause.0].start;
            let b = d.toks.get(c.clause.1 - 1).map(|t| t.end).unwrap_or(s.end);
            let local_place = d
                .places
                .iter()
                .any(|p| p.start >= a && p.end <= b && p.rank < 3);
            (c.recipient.is_some() || local_place)
                && c.investor.is_some()
                && c.status != Status::Planned
                && lead_sentence(d, c.sent)
                && !background
        }
        Kind::Capex => {
            if !matches!(c.class, Class::Invest | Class::Build) || c.via == Via::EventRef {
                return false;
            }
            if matches!(c.status, Status::Completed) {
                return false;
            }
            // a named company giving up its project is news without a figure
            if c.status == Status::Cancelled && c.investor.is_some() {
                return true;
            }
            local_site(d, c.sent, c.clause, c.trig)
        }
        _ => false,
    }
}

/// A place below country level in clause `c` of sentence `si` (not part of
/// an organisation's name), with the trigger `trig` before its end.
fn local_site(d: &Doc, si: usize, c: (usize, usize), trig: usize) -> bool {
    let s = d.sents[si];
    let a = d.toks[c.0].start.max(d.dateline_end);
    let b = d.toks.get(c.1 - 1).map(|t| t.end).unwrap_or(s.end);
    let local_place = d.places.iter().any(|p| {
        p.start >= a
            && p.end <= b
            && p.rank < 3
            && !d.orgs.iter().any(|o| o.start <= p.start && p.end <= o.end)
    });
    local_place && d.toks[trig].start < b
}

/// Whether a trigger with no amount may make an event at all (a necessary
/// condition of [`concrete_without_amount`], asked before building): a
/// secret price, a takeover, or building or investing at a local site or
/// given up.
fn may_stand_without_amount(cx: &Ctx, si: usize, c: (usize, usize), tr: Trig) -> bool {
    let d = cx.d;
    let rest = (c.1, d.sents[si].t1.max(c.1));
    let secret = || secret_price(cx, c) || secret_price(cx, rest);
    match tr.class {
        Class::Acquire => true,
        Class::Invest | Class::Build => {
            local_site(d, si, c, tr.tok)
                || cancelled(cx.ws(c.0, c.1), cx.ws(c.0, (tr.tok + 2).min(c.1)))
                || secret()
        }
        _ => secret(),
    }
}

/// A recipient named by a description after the trigger: "au projet"
/// (an earlier event's actor), "à l'entreprise" (the last company).
fn recipient_coref(
    cx: &Ctx,
    cands: &[Cand],
    si: usize,
    c: (usize, usize),
    from: usize,
) -> (Option<usize>, Via, Option<usize>) {
    let d = cx.d;
    let mut k = from;
    while k + 1 < c.1 {
        let w = cx.w(k);
        if matches!(
            w,
            "à" | "au" | "aux" | "to" | "for" | "pour" | "dans" | "in"
        ) {
            let mut j = k + 1;
            if matches!(
                cx.w(j),
                "l" | "la" | "le" | "the" | "ce" | "cette" | "son" | "sa" | "its" | "this"
            ) {
                j += 1;
            }
            if matches!(cx.w(j), "'" | "’") {
                j += 1;
            }
            let n = cx.w(j);
            if EVENT_NOUNS.contains(&n) || w == "au" && EVENT_NOUNS.contains(&cx.w(k + 1)) {
                let ev = actor_event(cx, cands, si, c, from);
                let r = ev.and_then(|e| cands[e].investor.or(cands[e].recipient));
                return (r, Via::EventRef, ev);
            }
            if COMPANY_NOUNS.contains(&n) {
                let off = d.toks[k].start;
                return (cx.last_org_before(off, None, false), Via::Coref, None);
            }
        }
        k += 1;
    }
    // "à l'entreprise" as one token run: "l'entreprise" after "à"
    (None, Via::None, None)
}

/// Places, country and sectors of a candidate: its clause, its sentence, a
/// continuation sentence after it, or the sentence before.
pub(crate) fn locate(cx: &Ctx, cands: &[Cand], c: &mut Cand) {
    let d = cx.d;
    let s = d.sents[c.sent];
    let span = |t0: usize, t1: usize| -> (usize, usize) {
        let a = d
            .toks
            .get(t0)
            .map(|t| t.start)
            .unwrap_or(0)
            .max(d.dateline_end);
        let b = d.toks.get(t1.saturating_sub(1)).map(|t| t.end).unwrap_or(0);
        (a, b)
    };
    // the place of an operator named after it ("Port du Havre", "Aéroport
    // de Nantes") is where its money goes
    let inside_org = |a: usize, b: usize| {
        d.orgs.iter().any(|o| {
            o.start <= a && b <= o.end && {
                let n = o.name.to_lowercase();
                !["port ", "aéroport ", "airport ", "grand port "]
                    .iter()
                    .any(|f| n.starts_with(f))
            }
        })
    };
    let home_marker = |p_start: usize| {
        let t = d.tok_at(p_start);
        (t.saturating_sub(3)..t).map(|k| cx.w(k)).any(|w| {
            matches!(
                w,
                "basé"
                    | "basée"
                    | "based"
                    | "headquartered"
                    | "siège"
                    | "siégeant"
                    | "outre"
                    | "besides"
                    | "après"
                    | "after"
                    | "hors"
                    | "like"
                    | "comme"
                    | "than"
                    | "que"
                    | "depuis"
                    | "from"
            )
        })
    };
    let places_in = |a: usize, b: usize, sub_only: bool| -> Vec<usize> {
        let mut v: Vec<usize> = d
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.start >= a
                    && p.end <= b
                    && !inside_org(p.start, p.end)
                    && (!sub_only || p.rank < 3)
            })
            .map(|(i, _)| i)
            .collect();
        if v.iter().any(|&i| !home_marker(d.places[i].start)) {
            v.retain(|&i| !home_marker(d.places[i].start));
        }
        // a market to win is not where the money goes: "pour conquérir les
        // États-Unis", "to expand into the US", "exporte vers l'Asie"
        v.retain(|&i| {
            let t = d.tok_at(d.places[i].start);
            !(t.saturating_sub(4)..t).any(|k| {
                let w = cx.w(k);
                w.starts_with("conquér")
                    || w.starts_with("conquêt")
                    || w.starts_with("conquer")
                    || w.starts_with("export")
                    || w == "into" && k > 0 && cx.w(k - 1).starts_with("expand")
            })
        });
        v
    };
    let (ca, cb) = c.pwin.unwrap_or_else(|| span(c.clause.0, c.clause.1));
    let mut places = places_in(ca, cb, false);
    // a country before the trigger is usually the investor's ("Germany's
    // Kessler", "le japonais Sekisho"), unless it is where: "En France, ..."
    let trig_start = d.toks[c.trig].start;
    places.retain(|&i| {
        let p = &d.places[i];
        if p.rank < 3 || p.start >= trig_start {
            return true;
        }
        let t = d.tok_at(p.start);
        t > 0 && matches!(cx.w(t - 1), "en" | "in" | "au" | "aux" | "à")
    });
    if places.is_empty() {
        let (sa, sb) = span(s.t0, s.t1);
        // the rest of the sentence, unless another event of it owns that part
        let others: Vec<(usize, usize)> = cands
            .iter()
            .filter(|o| o.sent == c.sent && o.clause != c.clause)
            .map(|o| span(o.clause.0, o.clause.1))
            .collect();
        places = places_in(sa, sb, false)
            .into_iter()
            .filter(|&i| {
                !others
                    .iter()
                    .any(|&(x, y)| d.places[i].start >= x && d.places[i].end <= y)
            })
            .collect();
    }
    let sub = |v: &[usize]| v.iter().any(|&i| d.places[i].rank < 3);
    let sent_has_cand = |k: usize| cands.iter().any(|o| o.sent == k);
    if !sub(&places) {
        // a continuation sentence after: "Il s'agit ...", "Le site ...", "The plant ..."
        let next = c.sent + 1;
        if next < d.sents.len() && !sent_has_cand(next) && continuation(cx, next) {
            let n = d.sents[next];
            let (a, b) = span(n.t0, n.t1);
            let extra = places_in(a, b, places.is_empty());
            let was_empty = places.is_empty();
            // only places of the country already named ("en Allemagne" does
            // not take "en Île-de-France" from the next sentence)
            let country_now: Option<String> =
                places.iter().find_map(|&i| d.places[i].country.clone());
            places.extend(extra.into_iter().filter(|&i| {
                (d.places[i].rank < 3 || was_empty)
                    && (country_now.is_none() || d.places[i].country == country_now)
            }));
            if !c.evidence.contains(&next) && sub(&places) {
                c.evidence.push(next);
            }
        }
    }
    if !sub(&places) && c.sent > 0 && c.via != Via::EventRef {
        let prev = c.sent - 1;
        let p = d.sents[prev];
        let prev_ok = !sent_has_cand(prev)
            || cands.iter().any(|o| {
                o.sent == prev
                    && o.investor.is_some()
                    && o.investor.map(|i| &d.orgs[i].family)
                        == c.investor.map(|i| &d.orgs[i].family)
            });
        if prev_ok {
            let (a, b) = span(p.t0, p.t1);
            let extra = places_in(a, b, true);
            if !extra.is_empty() {
                let country_now: Option<String> =
                    places.iter().find_map(|&i| d.places[i].country.clone());
                let consistent = extra
                    .iter()
                    .all(|&i| country_now.is_none() || d.places[i].country == country_now);
                if consistent {
                    places.extend(extra);
                }
            }
        }
    }
    // an event that this one depends on (public funding of a project)
    if let Some(r) = c.ref_cand.or(c.pref).or_else(|| {
        if c.kind == Kind::PublicFunding {
            c.recipient.and_then(|oi| last_event_of(cx, cands, oi))
        } else {
            None
        }
    }) {
        if let Some(rc) = cands.get(r) {
            if !sub(&places) {
                places.extend(rc.places.iter().copied());
            }
            if c.sectors.is_empty() {
                c.sectors = rc.sectors.clone();
            }
            if c.country.is_none() {
                c.country = rc.country.clone();
            }
        }
    }
    // nothing named near the statement ("Montant de l'investissement : 45
    // M€"): the town the headline and lead put the story in, when the article
    // is about one project ("Près de Rouen, ..." is not the town)
    if places.is_empty() && c.sent < 8 {
        let (sa, sb) = span(s.t0, s.t1);
        let foreign = d
            .ctrys
            .iter()
            .any(|m| m.start >= sa && m.end <= sb && m.country != "FR");
        let fam = c.investor.map(|i| &d.orgs[i].family);
        let others_placed = cands.iter().any(|o| {
            o.investor.map(|i| &d.orgs[i].family) != fam
                && o.places.iter().any(|&i| d.places[i].rank < 3)
        });
        if !foreign && !others_placed {
            let lead_end = d.sents.get(c.sent.min(2)).map_or(0, |x| x.end);
            let near = |start: usize| {
                let t = d.tok_at(start);
                (t.saturating_sub(3)..t).any(|k| {
                    matches!(
                        d.w(k),
                        "près" | "proche" | "near" | "portes" | "côté" | "loin"
                    )
                })
            };
            if let Some(i) = d.places.iter().position(|p| {
                p.end <= lead_end
                    && p.rank == 0
                    && p.country.as_deref() == Some("FR")
                    && !inside_org(p.start, p.end)
                    && !home_marker(p.start)
                    && !near(p.start)
            }) {
                places.push(i);
            }
        }
    }
    // a country named before the trigger is the investor's, unless "en France, ..."
    places.retain(|&i| {
        let p = &d.places[i];
        if p.rank < 3 || p.start >= trig_start || p.start < d.toks[c.clause.0].start {
            return true;
        }
        let t = d.tok_at(p.start);
        t > 0 && matches!(cx.w(t - 1), "en" | "in" | "au" | "aux" | "à")
    });
    places.sort_by_key(|&i| (d.places[i].rank, d.places[i].start));
    places.dedup_by_key(|i| {
        let p = &d.places[*i];
        (
            p.commune.clone(),
            p.departement.clone(),
            p.region.clone(),
            p.country.clone(),
            p.rank,
        )
    });
    c.places = places;
    // country: places, else a country named after the trigger, else neighbours
    let mut country = c.places.iter().find_map(|&i| d.places[i].country.clone());
    let trig_off = d.toks[c.trig].start;
    let after_trig = |a: usize, b: usize| -> Option<String> {
        let ok = |m: &&crate::doc::CtryM| m.start >= a && m.end <= b && !home_marker(m.start);
        d.ctrys
            .iter()
            .filter(ok)
            .find(|m| m.start > trig_off)
            .or_else(|| {
                // before the trigger only as a place: "En France, ..."
                d.ctrys.iter().filter(ok).find(|m| {
                    let t = d.tok_at(m.start);
                    !m.demonym && t > 0 && matches!(cx.w(t - 1), "en" | "in" | "au" | "aux" | "à")
                })
            })
            .map(|m| m.country.clone())
    };
    let raiser = c.kind == Kind::Equity && (c.class == Class::Raise || c.investor.is_none());
    if country.is_none() && raiser {
        // "Berlin-based ... Lumen Grid raised", "la start-up parisienne X lève":
        // the raiser's home; countries after the trigger are often the funds'
        country = d
            .ctrys
            .iter()
            .find(|m| m.start >= ca && m.start < trig_off)
            .map(|m| m.country.clone())
            .or_else(|| {
                d.ctrys
                    .iter()
                    .find(|m| m.start >= trig_off && m.end <= cb && !m.demonym)
                    .map(|m| m.country.clone())
            });
    }
    if country.is_none() && !raiser {
        country = after_trig(ca, cb);
    }
    if country.is_none() && !raiser {
        let (sa, sb) = span(s.t0, s.t1);
        country = after_trig(sa, sb);
    }
    if country.is_none() && matches!(c.kind, Kind::Equity | Kind::Acquisition) {
        // the target's home
        country = c.recipient.and_then(|r| d.orgs[r].country.clone());
    }
    if country.is_none() {
        if let Some(r) = c.ref_cand.and_then(|r| cands.get(r)) {
            country = r.country.clone();
        }
    }
    // "Grant: €92 million." after a list entry's head ("CarbonClay
    // (Netherlands): a carbon capture plant..."): the head names the country
    // the country a sentence names: its first place's, else a country
    // named (not a demonym)
    let sent_country = |k: usize| -> Option<String> {
        let s = d.sents[k];
        let (a, b) = span(s.t0, s.t1);
        d.places
            .iter()
            .filter(|p| p.start >= a && p.end <= b)
            .find_map(|p| p.country.clone())
            .or_else(|| {
                d.ctrys
                    .iter()
                    .find(|m| m.start >= a && m.end <= b && !m.demonym)
                    .map(|m| m.country.clone())
            })
    };
    if country.is_none() && c.sent > 0 && label_line(cx, c.sent) {
        country = sent_country(c.sent - 1);
    }
    if country.is_none() {
        let next = c.sent + 1;
        if next < d.sents.len() && !sent_has_cand(next) {
            country = sent_country(next);
        }
    }
    if country.is_none() && c.kind == Kind::PublicFunding {
        country = c.investor.and_then(|i| d.orgs[i].country.clone());
    }
    if country.is_none() {
        // capex: only a country the article places sites in
        country = if c.kind == Kind::Capex {
            cx.site_country.clone()
        } else {
            cx.main_country.clone()
        };
    }
    if c.country.is_none() || country.is_some() {
        c.country = country.or(c.country.take());
    }
    // sectors: the sentence, else its neighbours
    let (sa, sb) = span(s.t0, s.t1);
    let mut secs: Vec<Sector> = d
        .sectors
        .iter()
        .filter(|m| m.start >= sa && m.end <= sb)
        .map(|m| m.sector)
        .collect();
    if secs.is_empty() && c.sent > 0 {
        let p = d.sents[c.sent - 1];
        secs = d
            .sectors
            .iter()
            .filter(|m| m.start >= p.start && m.end <= p.end)
            .map(|m| m.sector)
            .collect();
    }
    if secs.is_empty() && c.sent + 1 < d.sents.len() {
        let p = d.sents[c.sent + 1];
        secs = d
            .sectors
            .iter()
            .filter(|m| m.start >= p.start && m.end <= p.end)
            .map(|m| m.sector)
            .collect();
    }
    for x in secs {
        if !c.sectors.contains(&x) {
            c.sectors.push(x);
        }
    }
    // "investment bank Macleay", "la banque publique": finance describes the
    // investor, not what the money builds, when something else is named
    if c.sectors.len() > 1 {
        c.sectors.retain(|s| *s != Sector::Finance);
    }
}

/// A sentence that continues the previous one's statement.
fn continuation(cx: &Ctx, si: usize) -> bool {
    let d = cx.d;
    let s = d.sents[si];
    let ws: Vec<&str> = (s.t0..(s.t0 + 8).min(s.t1))
        .filter(|&k| d.toks[k].word)
        .map(|k| cx.w(k))
        .collect();
    let w0 = ws.first().copied().unwrap_or("");
    let w1 = ws.get(1).copied().unwrap_or("");
    let w2 = ws.get(2).copied().unwrap_or("");
    (matches!(w0, "il" | "elle") && w1 == "s" && w2.starts_with("agi"))
        || matches!(
            w0,
            "cela" | "ceci" | "situé" | "située" | "implanté" | "implantée" | "located" | "based"
        )
        || (is_det(w0) && EVENT_NOUNS.contains(&w1))
        || (is_det(w0)
            && ws.iter().take(4).any(|w| {
                matches!(
                    *w,
                    "company" | "entreprise" | "société" | "group" | "groupe" | "firm"
                )
            }))
        || (is_det(w0)
            && matches!(
                w1,
                "projet"
                    | "site"
                    | "usine"
                    | "futur"
                    | "future"
                    | "nouveau"
                    | "nouvelle"
                    | "plant"
                    | "facility"
                    | "factory"
                    | "project"
                    | "campus"
                    | "centre"
                    | "center"
                    | "entrepôt"
                    | "investissement"
                    | "investment"
                    | "company"
                    | "chantier"
            ))
        || (w0 == "l"
            && matches!(
                w2,
                "usine" | "investissement" | "entrepôt" | "extension" | "unité"
            ))
        || (w0 == "it" && matches!(w1, "will" | "would" | "is"))
}

#[cfg(test)]
mod speed_tests {
    use super::*;

    #[test]
    fn header_gate_keeps_every_header() {
        for t in [
            "About Halvorsen",
            "  À propos de Nexans",
            "\u{a0}About Halvorsen",
            "\n\tA propos de Lhyfe",
            "\u{2003}À propos d'Airbus",
        ] {
            assert!(may_be_header(t), "{t:?}");
        }
        for t in [
            "Le groupe investit 3 M€.",
            " about Halvorsen",
            "1 About X",
            "",
        ] {
            assert!(
                !crate::doc::is_boilerplate_header(t) || may_be_header(t),
                "{t:?}"
            );
        }
        assert!(!may_be_header("Le groupe"));
        assert!(!may_be_header("  about Halvorsen"));
    }
}

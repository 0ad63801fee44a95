//! Synthetic ledgers for benchmarks and tests (not for real data): made-up
//! investors, real French communes (INSEE codes), commitments reported by
//! one to four "outlets" each, with rounding and date jitter, so that the
//! resolver has real work to do. Deterministic for a given seed.

use vigie_model::{
    Article, Event, Evidence, Jobs, Kind, Money, Org, Place, Qualifier, Sector, Status,
};

/// (name, region, département, commune) — INSEE codes.
const COMMUNES: &[(&str, &str, &str, &str)] = &[
    ("Paris", "11", "75", "75056"),
    ("Lyon", "84", "69", "69123"),
    ("Marseille", "93", "13", "13055"),
    ("Toulouse", "76", "31", "31555"),
    ("Nice", "93", "06", "06088"),
    ("Nantes", "52", "44", "44109"),
    ("Strasbourg", "44", "67", "67482"),
    ("Montpellier", "76", "34", "34172"),
    ("Bordeaux", "75", "33", "33063"),
    ("Lille", "32", "59", "59350"),
    ("Rennes", "53", "35", "35238"),
    ("Reims", "44", "51", "51454"),
    ("Le Havre", "28", "76", "76351"),
    ("Grenoble", "84", "38", "38185"),
    ("Dijon", "27", "21", "21231"),
    ("Dunkerque", "32", "59", "59183"),
    ("Mulhouse", "44", "68", "68224"),
    ("Fos-sur-Mer", "93", "13", "13039"),
    ("Clermont-Ferrand", "84", "63", "63113"),
    ("Orléans", "24", "45", "45234"),
    ("Rouen", "28", "76", "76540"),
    ("Metz", "44", "57", "57463"),
    ("Tours", "24", "37", "37261"),
    ("Amiens", "32", "80", "80021"),
    ("Caen", "28", "14", "14118"),
    ("Besançon", "27", "25", "25056"),
    ("Brest", "53", "29", "29019"),
    ("Limoges", "75", "87", "87085"),
    ("Poitiers", "75", "86", "86194"),
    ("Pau", "75", "64", "64445"),
];

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> Option<&'a T> {
    items.get(rng.below(items.len() as u64) as usize)
}

fn date(day: i64) -> String {
    // civil_from_days (Howard Hinnant).
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// About `mentions` (article, events) pairs: one mention per article,
/// `mentions / 2.5` commitments by `mentions / 50` investors over 2015-2026.
pub fn corpus(mentions: usize, seed: u64) -> Vec<(Article, Vec<Event>)> {
    let mut rng = Rng::new(seed);
    let investors = (mentions / 50).max(5) as u64;
    let mut out = Vec::with_capacity(mentions);
    let start = 16_436; // 2015-01-01
    let span = 4_300;
    let mut commitment = 0usize;
    while out.len() < mentions {
        commitment += 1;
        let inv = format!("Investor {:05}", rng.below(investors));
        let kind = match rng.below(10) {
            0..=5 => Kind::Capex,
            6 | 7 => Kind::Equity,
            8 => Kind::Acquisition,
            _ => Kind::PublicFunding,
        };
        let value = (10f64.powf(6.0 + rng.unit() * 4.0) / 1e5).round() * 1e5;
        let day = start + rng.below(span) as i64;
        let place = pick(&mut rng, COMMUNES).copied();
        let sector = pick(&mut rng, Sector::ALL)
            .copied()
            .unwrap_or(Sector::Other);
        let jobs = (rng.below(3) == 0).then(|| 10 * (1 + rng.below(300)));
        let outlets = 1 + rng.below(4) as usize;
        for o in 0..outlets {
            if out.len() >= mentions {
                break;
            }
            // Outlets round differently and report a few days apart.
            let jitter = if o == 0 {
                1.0
            } else {
                1.0 + (rng.unit() - 0.5) * 0.06
            };
            let v = (value * jitter / 1e5).round() * 1e5;
            let d = date(day + rng.below(6) as i64);
            let (pname, region, dep, com) = place.unwrap_or(("France", "11", "75", "75056"));
            let text = format!(
                "{inv} annonce un investissement de {:.1} millions d'euros à {pname} \
                 dans le secteur {}. Dépêche {commitment} de la source {o}.",
                v / 1e6,
                sector.as_str()
            );
            let source = format!("https://outlet{o}.example/{commitment}");
            let mut a = Article::new(source.clone(), text.clone());
            a.published = Some(d.clone());
            a.title = Some(format!("{inv} à {pname}"));
            let detailed = o == 0 || rng.below(2) == 0;
            let e = Event {
                id: String::new(),
                kind,
                investor: Some(Org {
                    name: inv.clone(),
                    canonical: inv.clone(),
                    country: Some("FR".into()),
                }),
                recipient: None,
                amount: Some(Money {
                    value: v,
                    currency: Some("EUR".into()),
                    qualifier: if o == 0 {
                        Qualifier::Exact
                    } else {
                        Qualifier::Approx
                    },
                    max: None,
                    eur: Some(v),
                }),
                places: if detailed {
                    vec![Place {
                        text: pname.into(),
                        country: Some("FR".into()),
                        region: Some(region.into()),
                        departement: Some(dep.into()),
                        commune: Some(com.into()),
                    }]
                } else {
                    vec![]
                },
                country: Some("FR".into()),
                sectors: vec![sector],
                jobs: if detailed {
                    jobs.map(|j| Jobs {
                        value: j,
                        qualifier: Qualifier::Exact,
                    })
                } else {
                    None
                },
                horizon: None,
                status: Status::Announced,
                published: Some(d),
                confidence: 0.6 + rng.unit() * 0.35,
                evidence: vec![Evidence {
                    doc: a.doc.clone(),
                    sentence: text.clone(),
                    start: 0,
                    end: text.len(),
                }],
                sources: vec![source],
            };
            out.push((a, vec![e]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(16_436), "2015-01-01");
        for d in [16_436, 19_856, 20_000] {
            assert_eq!(crate::resolve::day_number(&date(d)), Some(d));
        }
    }

    #[test]
    fn corpus_is_deterministic() {
        let a = corpus(200, 7);
        assert_eq!(a.len(), 200);
        assert_eq!(a, corpus(200, 7));
        assert_ne!(a, corpus(200, 8));
    }
}

//! The generated corpus shared by the criterion bench (`benches/text.rs`) and
//! the profiling example (`examples/text_profile.rs`): ~2–4 KB French and
//! English news-like articles, templated from our own sentences, fixed seed.

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() as usize) % v.len()]
    }
    fn num(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }
}

const FR_ORGS: &[&str] = &[
    "Microsoft",
    "Amazon",
    "le groupe Dupont",
    "Renault",
    "la société Acme",
    "Mistral AI",
    "Sanofi",
    "TotalEnergies",
    "l'équipementier Valeo",
    "la start-up Nexa",
];
const EN_ORGS: &[&str] = &[
    "Microsoft",
    "Amazon Web Services",
    "Acme Corp.",
    "the Dupont group",
    "Nexa Inc.",
    "Siemens",
    "Tata Steel",
    "the U.S. fund Blue Harbor",
    "GreenCell Ltd",
];
const FR_PLACES: &[&str] = &[
    "à Lyon",
    "en Auvergne-Rhône-Alpes",
    "près de Dunkerque",
    "dans les Hauts-de-France",
    "à Toulouse",
    "en région parisienne",
    "à Nantes",
    "dans le Grand Est",
];
const EN_PLACES: &[&str] = &[
    "in Lyon",
    "in northern France",
    "near Dunkirk",
    "in Texas",
    "in the Midlands",
    "in Bavaria",
    "in Ohio",
    "in Greater Manchester",
];

fn fr_amount(r: &mut Rng) -> String {
    let a = r.num(1, 999);
    let d = r.num(1, 9);
    match r.next() % 10 {
        0 => format!("{a},{d} milliards d'euros"),
        1 => format!("{a} millions d\u{2019}euros"),
        2 => format!("{a} M€"),
        3 => format!("{a},{d} Md€"),
        4 => format!("{}\u{a0}{:03}\u{a0}€", a, r.num(0, 999)),
        5 => format!("entre {a} et {} millions d'euros", a + 10),
        6 => format!("plus de {a} millions de dollars"),
        7 => format!("près de {a},{d} milliard"),
        8 => format!("{} euros", r.num(1000, 99999)),
        _ => format!("{a} millions"),
    }
}

fn en_amount(r: &mut Rng) -> String {
    let a = r.num(1, 999);
    let d = r.num(1, 9);
    match r.next() % 9 {
        0 => format!("${a}.{d}bn"),
        1 => format!("£{a}m"),
        2 => format!("€{a} million"),
        3 => format!("more than ${a} million"),
        4 => format!("between {a} and {} billion dollars", a + 5),
        5 => format!("US$ {a}.{d} billion"),
        6 => format!("{},{:03} dollars", a, r.num(0, 999)),
        7 => format!("about {a} million euros"),
        _ => format!("${a}-{}bn", a + 3),
    }
}

fn fr_sentence(r: &mut Rng) -> String {
    let org = r.pick(FR_ORGS);
    let place = r.pick(FR_PLACES);
    match r.next() % 8 {
        0 => format!(
            "{org} va investir {} {place} d'ici {}.",
            fr_amount(r),
            r.num(2024, 2031)
        ),
        1 => format!(
            "Selon M. Martin, le site créera {} emplois et {} postes indirects.",
            r.num(20, 3000),
            r.num(5, 500)
        ),
        2 => format!("{org} lève {} pour accélérer", fr_amount(r)),
        3 => format!(
            "Le chiffre d'affaires a progressé de {},{} % en {}, etc. selon le rapport p. {}.",
            r.num(1, 40),
            r.num(0, 9),
            r.num(2015, 2025),
            r.num(1, 300)
        ),
        4 => format!(
            "L’usine de {} m² sera opérationnelle le {} mars, a indiqué Mme Durand au 01 23 45 67 89.",
            r.num(1000, 90000),
            r.num(1, 28)
        ),
        5 => format!(
            "Au total, {} centres logistiques et trois mille salariés sont concernés par l’opération {place}.",
            r.num(2, 90)
        ),
        6 => format!(
            "Le projet, estimé à {}, bénéficie d'une aide de l'État de {}.",
            fr_amount(r),
            fr_amount(r)
        ),
        _ => format!(
            "« Nous sommes fiers de ce choix », a déclaré le Dr Leroy, directeur de {org} depuis {}.",
            r.num(1995, 2024)
        ),
    }
}

fn en_sentence(r: &mut Rng) -> String {
    let org = r.pick(EN_ORGS);
    let place = r.pick(EN_PLACES);
    match r.next() % 8 {
        0 => format!(
            "{org} will invest {} {place} by {}.",
            en_amount(r),
            r.num(2024, 2031)
        ),
        1 => format!(
            "The plant will create {} jobs, Mr. Smith said on Tuesday.",
            r.num(20, 5000)
        ),
        2 => format!("{org} raises {} to expand", en_amount(r)),
        3 => format!(
            "Revenue rose {}.{}% in {} to {}, according to page {} of the filing.",
            r.num(1, 40),
            r.num(0, 9),
            r.num(2015, 2025),
            en_amount(r),
            r.num(1, 300)
        ),
        4 => format!(
            "The {} sq ft site near the A380 line opens on March {}, Dr. Lee told reporters.",
            r.num(1000, 90000),
            r.num(1, 28)
        ),
        5 => format!(
            "Some {} suppliers and two hundred engineers are involved {place}.",
            r.num(2, 90)
        ),
        6 => format!(
            "The project, valued at {}, received a grant of {}.",
            en_amount(r),
            en_amount(r)
        ),
        _ => format!(
            "\"We are proud of this choice,\" said J. R. Miller, who has led {org} since {}.",
            r.num(1995, 2024)
        ),
    }
}

/// Articles of ~2–4 KB, alternating French and English, ≥ `bytes` in total.
pub fn corpus(bytes: usize) -> Vec<String> {
    let mut r = Rng(0x5eed_cafe);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let fr = docs.len() % 2 == 0;
        let mut d = String::new();
        let n = r.num(15, 35);
        for i in 0..n {
            let s = if fr {
                fr_sentence(&mut r)
            } else {
                en_sentence(&mut r)
            };
            d.push_str(&s);
            d.push_str(if i % 5 == 4 { "\n\n" } else { " " });
        }
        total += d.len();
        docs.push(d);
    }
    docs
}

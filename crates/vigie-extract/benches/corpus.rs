//! A deterministic corpus of French and English investment news, templated
//! from our own sentences (no real articles), for the benchmark and the
//! memory check (`examples/gen_corpus.rs`).

const COMPANIES: &[&str] = &[
    "Verkor",
    "Cirrion Data",
    "Helix Pharma",
    "Norsk Hydroline",
    "Tessaly Semiconductors",
    "Brenner Logistik",
    "Aldane Foods",
    "Kairos AI",
    "Recyclia",
    "Ferrand Précision",
    "Microsoft",
    "Amazon",
    "Solvane",
    "Kyomed",
    "Northway",
    "Capvance",
    "Arctos",
    "Vantor Data",
];
const CITIES: &[&str] = &[
    "Dunkerque",
    "Lyon",
    "Marseille",
    "Béthune",
    "Tarbes",
    "Crolles",
    "Sochaux",
    "Saran",
    "Alençon",
    "Fos-sur-Mer",
    "Wissous",
    "Quimper",
    "Mulhouse",
    "Toulouse",
    "Nantes",
    "Rennes",
];
const SECTORS_FR: &[&str] = &[
    "une usine de batteries",
    "un centre de données",
    "une plateforme logistique",
    "une ligne de production de médicaments",
    "une usine de semi-conducteurs",
    "un site agroalimentaire",
    "un électrolyseur d'hydrogène",
];
const SECTORS_EN: &[&str] = &[
    "a battery cell plant",
    "a data centre campus",
    "a distribution centre",
    "a drug manufacturing line",
    "a chip packaging plant",
    "a food processing site",
    "a green hydrogen plant",
];
const FILLER_FR: &[&str] = &[
    "Le groupe a réalisé un chiffre d'affaires de 2,3 milliards d'euros l'an dernier.",
    "\"C'est une excellente nouvelle pour le territoire\", a réagi le maire.",
    "Les travaux doivent démarrer à l'automne et s'achever fin 2027.",
    "La société emploie aujourd'hui 1 200 salariés dans le monde.",
    "Le titre a gagné 3 % à la Bourse de Paris dans la matinée.",
    "Selon Les Echos, le projet avait été évoqué dès l'an dernier.",
    "La région compte déjà plusieurs sites industriels de premier plan.",
];
const FILLER_EN: &[&str] = &[
    "The company reported revenue of 1.1 billion euros last year.",
    "\"This is a great day for the region,\" the mayor said.",
    "Construction is expected to begin in the autumn.",
    "The group employs around 3,000 people worldwide.",
    "Shares rose 2.4% in Paris trading.",
    "The plan had been reported earlier by Reuters.",
    "Analysts said demand for the product remained strong.",
];

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.next() % v.len()]
    }
}

/// One article (French or English), about 1.5-3 KB.
pub fn article(seed: u64) -> String {
    let mut r = Lcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5);
    let c = r.pick(COMPANIES);
    let c2 = r.pick(COMPANIES);
    let city = r.pick(CITIES);
    let amount = 10 + r.next() % 990;
    let jobs = 50 + r.next() % 950;
    let mut s = String::new();
    if r.next() & 1 == 0 {
        let sector = r.pick(SECTORS_FR);
        s.push_str(&format!(
            "{c} investit {amount} millions d'euros à {city}\n\n"
        ));
        s.push_str(&format!(
            "Le groupe {c} va investir {amount} millions d'euros pour construire {sector} à {city}, a annoncé mardi la direction. "
        ));
        s.push_str(&format!(
            "Le projet doit permettre la création de {jobs} emplois d'ici 2028. "
        ));
        for _ in 0..(6 + r.next() % 8) {
            s.push_str(r.pick(FILLER_FR));
            s.push(' ');
        }
        s.push_str(&format!(
            "L'État apporte {} millions d'euros au projet dans le cadre de France 2030. ",
            1 + amount / 10
        ));
        s.push_str(&format!(
            "Par ailleurs, {c2} a levé {} millions d'euros auprès de Bpifrance et de ses investisseurs historiques. ",
            5 + r.next() % 60
        ));
        for _ in 0..(4 + r.next() % 6) {
            s.push_str(r.pick(FILLER_FR));
            s.push(' ');
        }
    } else {
        let sector = r.pick(SECTORS_EN);
        s.push_str(&format!(
            "{c} to invest {amount} million euros in {city}\n\n"
        ));
        s.push_str(&format!(
            "{c} said on Tuesday it would invest {amount} million euros to build {sector} in {city}, France, creating {jobs} jobs by 2028. "
        ));
        for _ in 0..(6 + r.next() % 8) {
            s.push_str(r.pick(FILLER_EN));
            s.push(' ');
        }
        s.push_str(&format!(
            "Separately, {c2} agreed to acquire a French supplier for {} million euros. ",
            20 + r.next() % 500
        ));
        for _ in 0..(4 + r.next() % 6) {
            s.push_str(r.pick(FILLER_EN));
            s.push(' ');
        }
    }
    s.push('\n');
    s
}

/// Articles totalling at least `bytes` bytes.
pub fn corpus(bytes: usize) -> Vec<String> {
    let mut v = Vec::new();
    let mut total = 0;
    let mut i = 0u64;
    while total < bytes {
        let a = article(i);
        total += a.len();
        v.push(a);
        i += 1;
    }
    v
}

//! The generated corpus shared by the criterion bench (`benches/gazetteer.rs`)
//! and the profiling example (`examples/profile.rs`).

/// Deterministic pseudo-random news text (xorshift), ~4 KB per article:
/// mostly ordinary French and English words (many of which are also commune
/// names in lowercase: "plan", "vue", "mars", "orange", "nice", "tours"),
/// with about one word in twelve a name the gazetteer knows (denser than
/// news, where most sentences name nothing).
pub fn corpus(total: usize) -> Vec<String> {
    const COMMON: &[&str] = &[
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "un",
        "une",
        "et",
        "en",
        "à",
        "dans",
        "pour",
        "sur",
        "qui",
        "que",
        "a",
        "est",
        "sont",
        "avec",
        "par",
        "plus",
        "ce",
        "cette",
        "son",
        "ses",
        "investit",
        "milliards",
        "millions",
        "d'euros",
        "usine",
        "centre",
        "données",
        "emplois",
        "nouveau",
        "site",
        "projet",
        "groupe",
        "annonce",
        "selon",
        "ans",
        "prochaines",
        "années",
        "plan",
        "vue",
        "nice",
        "orange",
        "tours",
        "mars",
        "sains",
        "production",
        "capacité",
        "the",
        "of",
        "and",
        "to",
        "in",
        "will",
        "invest",
        "company",
        "new",
        "plant",
        "billion",
        "jobs",
        "data",
        "center",
        "over",
        "years",
        "said",
        "on",
        "its",
        "for",
        "with",
        "by",
        "gouvernement",
        "région",
        "ville",
        "entreprise",
        "marché",
        "secteur",
        "croissance",
    ];
    const NAMES: &[&str] = &[
        "Mulhouse",
        "France",
        "Microsoft",
        "AWS",
        "Nord",
        "Allemagne",
        "américain",
        "Germany",
        "Dunkerque",
        "Saint-Denis",
        "Auvergne-Rhône-Alpes",
        "Reuters",
        "Mistral AI",
        "Toyota",
        "Lyon",
        "Crédit Agricole",
        "Marseille",
        "(Bouches-du-Rhône)",
        "Exotec",
        "Paris",
        "région parisienne",
        "Île-de-France",
        "gigafactory",
        "data center",
        "Amazon",
        "Orange",
        "Sanofi",
        "Le Havre",
        "Bpifrance",
        "China",
        "TotalEnergies",
        "Grenoble",
        "Alsace",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut docs = Vec::new();
    let mut size = 0;
    while size < total {
        let mut d = String::with_capacity(4200);
        let mut start = true;
        while d.len() < 4096 {
            let r = next();
            let w = if r.is_multiple_of(12) {
                NAMES[((r >> 8) % NAMES.len() as u64) as usize]
            } else {
                COMMON[((r >> 8) % COMMON.len() as u64) as usize]
            };
            if start {
                let mut cs = w.chars();
                if let Some(f) = cs.next() {
                    d.extend(f.to_uppercase());
                    d.push_str(cs.as_str());
                }
            } else {
                d.push_str(w);
            }
            start = (r >> 20).is_multiple_of(13);
            d.push_str(if start { ". " } else { " " });
        }
        size += d.len();
        docs.push(d);
    }
    docs
}

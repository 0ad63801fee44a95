//! Property tests: on any text (news-like token soups and arbitrary
//! Unicode), extraction never panics, its evidence offsets are exact and
//! every event is well formed.

use proptest::prelude::*;
use vigie_extract::Extractor;
use vigie_model::Article;

const VOCAB: &[&str] = &[
    "Microsoft",
    "investira",
    "4",
    "milliards",
    "d'euros",
    ",",
    ".",
    "tandis",
    "qu'AWS",
    "débloquera",
    "1,2",
    "milliard",
    "en",
    "France",
    "Le",
    "groupe",
    "il",
    "l'entreprise",
    "a",
    "levé",
    "auprès",
    "de",
    "Bpifrance",
    "L'État",
    "apporte",
    "au",
    "projet",
    "rachète",
    "Kessler",
    "for",
    "480",
    "million",
    "euros",
    "will",
    "invest",
    "$",
    "3.1",
    "billion",
    "in",
    "Ohio",
    "creating",
    "1,200",
    "jobs",
    "créer",
    "300",
    "emplois",
    "d'ici",
    "2027",
    "sur",
    "cinq",
    "ans",
    "selon",
    "Reuters",
    ":",
    "(",
    ")",
    "-",
    "\n",
    "\n\n",
    "Dunkerque",
    "(Nord)",
    "usine",
    "chiffre",
    "d'affaires",
    "au total",
    "dont",
    "après",
    "Allemagne",
    "supplémentaires",
    "plus",
    "jusqu'à",
    "« ",
    " »",
    "The",
    "company",
    "it",
    "raised",
    "led",
    "by",
    "Sequoia",
    "Inc",
    "'s",
    "À",
    "Lyon",
    "qui",
];

fn extractor() -> &'static Extractor {
    static X: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    X.get_or_init(Extractor::new)
}

fn check(text: &str) {
    let x = extractor();
    let a = Article::new("p.txt", text);
    if let Ok(events) = x.extract(&a) {
        for e in &events {
            assert!(!e.evidence.is_empty());
            assert!((0.0..=1.0).contains(&e.confidence));
            if let Some(m) = &e.amount {
                assert!(m.value > 0.0 && m.value.is_finite());
            }
            for v in &e.evidence {
                assert_eq!(text.get(v.start..v.end), Some(v.sentence.as_str()));
            }
            assert!(e.investor.is_some() || e.recipient.is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn news_like_soups(words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..80)) {
        check(&words.join(" "));
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}") {
        check(&text);
    }
}

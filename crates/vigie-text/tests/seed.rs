//! The seed article through the text layer.

use vigie_text::{Document, Lang};

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seeds/000_5dc92b07ccc625f8.txt"
));

#[test]
fn seed_sentences_map_back_exactly() {
    let d = Document::new(SEED).unwrap();
    assert_eq!(d.lang, Lang::Fr);
    for s in &d.sentences {
        let o = d.sentence_original(s);
        assert!(!o.is_empty());
        assert_eq!(o, o.trim());
        // Normalised and original sentences differ only by normalisation.
        assert_eq!(vigie_text::normalize(o).text, d.sentence_text(s));
    }
    let texts: Vec<&str> = d.sentences.iter().map(|s| d.sentence_original(s)).collect();
    assert!(texts.contains(&"Investissements dans l’infrastructure cloud et IA"));
    assert!(texts.contains(&"Amazon investit plus de 1,2 milliard d'euros"));
    assert!(texts.contains(
        &"En savoir plus: Mistral AI recherche 600 millions pour réaliser ses ambitions en matière d'IA"
    ));
    assert!(texts.contains(
        &"L'entreprise dispose aujourd'hui de 35 centres logistiques partout en France."
    ));
    assert_eq!(texts.len(), 21, "{texts:#?}");
}

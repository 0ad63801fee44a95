//! Language detection by stop-word scoring: French, English, or `None`.
//!
//! Stop words of the languages vigie does not read (Spanish, Italian,
//! Portuguese, German, Dutch) are scored too, so that their text is reported
//! as unsupported instead of being guessed French or English.

use crate::fold::folded;
use crate::Lang;

/// Only the start of long texts is examined (speed; news articles do not
/// change language midway).
const SAMPLE: usize = 16 * 1024;

#[derive(Clone, Copy)]
enum L {
    Fr,
    En,
    Other,
}

/// Stop words that are distinctive of one language (words shared by several
/// languages, like "de" or "la", are left out or given to the one that uses
/// them most in news text).
fn stop_word(w: &str) -> Option<L> {
    use L::*;
    Some(match w {
        // French
        "le" | "les" | "des" | "du" | "et" | "est" | "une" | "dans" | "pour" | "qui" | "sur"
        | "pas" | "au" | "aux" | "avec" | "ses" | "cette" | "il" | "elle" | "sont" | "par"
        | "plus" | "ont" | "été" | "être" | "leur" | "leurs" | "mais" | "ou" | "où" | "nous"
        | "vous" | "ils" | "elles" | "sera" | "selon" | "aussi" | "ces" | "comme" | "entre"
        | "après" | "depuis" | "chez" | "très" | "lui" | "dont" | "ainsi" | "déjà" | "contre"
        | "avait" | "fait" | "peut" | "à" | "ce" | "son" | "sa" | "millions" | "milliards"
        | "d" | "l" | "qu" | "aujourd" | "n" | "s" | "c" | "j" | "va" | "notamment" => Fr,
        // English
        "the" | "and" | "of" | "to" | "is" | "for" | "that" | "with" | "on" | "as" | "by"
        | "at" | "from" | "its" | "it" | "was" | "are" | "be" | "has" | "have" | "will"
        | "said" | "which" | "an" | "this" | "their" | "they" | "were" | "been" | "would"
        | "not" | "but" | "or" | "he" | "she" | "we" | "his" | "her" | "about" | "more"
        | "than" | "into" | "also" | "after" | "over" | "new" | "billion" | "million"
        | "company" | "could" | "had" | "who" | "up" | "year" | "says" => En,
        // Spanish, Italian, Portuguese, German, Dutch
        "el" | "los" | "las" | "del" | "y" | "por" | "una" | "con" | "para" | "su" | "lo"
        | "como" | "pero" | "más" | "también" | "fue" | "muy" | "della" | "di" | "che" | "gli"
        | "nel" | "sono" | "anche" | "degli" | "alla" | "è" | "não" | "em" | "os" | "uma"
        | "com" | "foi" | "ao" | "der" | "die" | "und" | "das" | "ist" | "nicht" | "mit"
        | "sich" | "auf" | "für" | "dem" | "ein" | "eine" | "auch" | "werden" | "het" | "een"
        | "van" | "niet" | "zijn" | "op" | "voor" | "met" | "dat" | "wordt" | "ook" => Other,
        _ => return None,
    })
}

/// Detects French or English. Any other language, or too little text to
/// tell, gives `None` (never a guess).
pub fn detect_language(text: &str) -> Option<Lang> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or_default();
    let (mut fr, mut en, mut other, mut words) = (0u32, 0u32, 0u32, 0u32);
    let b = sample.as_bytes();
    let is_word_byte = |x: u8| x.is_ascii_alphanumeric() || x >= 0x80;
    let mut i = 0;
    while i < b.len() {
        while b.get(i).is_some_and(|&x| !is_word_byte(x)) {
            i += 1;
        }
        let s = i;
        while b.get(i).is_some_and(|&x| is_word_byte(x)) {
            i += 1;
        }
        if s == i {
            break;
        }
        words += 1;
        if i - s > 10 {
            continue;
        }
        let w = sample.get(s..i).unwrap_or_default();
        let mut tmp = None;
        match stop_word(folded(w, &mut tmp)) {
            Some(L::Fr) => fr += 1,
            Some(L::En) => en += 1,
            Some(L::Other) => other += 1,
            None => {}
        }
        // Enough evidence: stop early.
        if words % 32 == 0 && fr.max(en) >= 20 && fr.max(en) >= 4 * (fr.min(en) + other) {
            break;
        }
    }
    let best = fr.max(en);
    // Enough evidence, clearly ahead of the other candidates, and dense enough
    // to be running text in that language.
    if best < 2 || best * 10 < words || (other > 0 && best < 2 * other) {
        return None;
    }
    if fr >= 2 * en.max(1) || (fr > en && en < 2) {
        Some(Lang::Fr)
    } else if en >= 2 * fr.max(1) || (en > fr && fr < 2) {
        Some(Lang::En)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english() {
        assert_eq!(
            detect_language("Amazon investit plus de 1,2 milliard d'euros dans ses activités."),
            Some(Lang::Fr)
        );
        assert_eq!(
            detect_language("Microsoft will invest $3.2 billion in Germany, the company said."),
            Some(Lang::En)
        );
    }

    #[test]
    fn other_languages_and_noise_are_none() {
        assert_eq!(
            detect_language(
                "La empresa invertirá 500 millones de euros en una nueva planta para el mercado."
            ),
            None
        );
        assert_eq!(
            detect_language("Das Unternehmen wird 500 Millionen Euro in ein neues Werk investieren, sagte der Chef."),
            None
        );
        assert_eq!(
            detect_language("L'azienda investirà 500 milioni di euro nel nuovo stabilimento della regione, che sono"),
            None
        );
        assert_eq!(detect_language("12345 67890"), None);
        assert_eq!(detect_language(""), None);
    }
}

//! Language detection by stop-word scoring: French, English, or `None`.
//!
//! Stop words of the languages vigie does not read (Spanish, Italian,
//! Portuguese, German, Dutch) are scored too, so that their text is reported
//! as unsupported instead of being guessed French or English.

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
/// them most in news text). Lowercase, at most 16 bytes; any order (the
/// lookup table [`TABLE`] is built at compile time).
#[rustfmt::skip]
const STOP_WORDS: &[(&str, L)] = &[
    // French
    ("le", L::Fr), ("les", L::Fr), ("des", L::Fr), ("du", L::Fr), ("et", L::Fr), ("est", L::Fr),
    ("une", L::Fr), ("dans", L::Fr), ("pour", L::Fr), ("qui", L::Fr), ("sur", L::Fr),
    ("pas", L::Fr), ("au", L::Fr), ("aux", L::Fr), ("avec", L::Fr), ("ses", L::Fr),
    ("cette", L::Fr), ("il", L::Fr), ("elle", L::Fr), ("sont", L::Fr), ("par", L::Fr),
    ("plus", L::Fr), ("ont", L::Fr), ("été", L::Fr), ("être", L::Fr), ("leur", L::Fr),
    ("leurs", L::Fr), ("mais", L::Fr), ("ou", L::Fr), ("où", L::Fr), ("nous", L::Fr),
    ("vous", L::Fr), ("ils", L::Fr), ("elles", L::Fr), ("sera", L::Fr), ("selon", L::Fr),
    ("aussi", L::Fr), ("ces", L::Fr), ("comme", L::Fr), ("entre", L::Fr), ("après", L::Fr),
    ("depuis", L::Fr), ("chez", L::Fr), ("très", L::Fr), ("lui", L::Fr), ("dont", L::Fr),
    ("ainsi", L::Fr), ("déjà", L::Fr), ("contre", L::Fr), ("avait", L::Fr), ("fait", L::Fr),
    ("peut", L::Fr), ("à", L::Fr), ("ce", L::Fr), ("son", L::Fr), ("sa", L::Fr),
    ("millions", L::Fr), ("milliards", L::Fr), ("d", L::Fr), ("l", L::Fr), ("qu", L::Fr),
    ("aujourd", L::Fr), ("n", L::Fr), ("s", L::Fr), ("c", L::Fr), ("j", L::Fr), ("va", L::Fr),
    ("notamment", L::Fr),
    // English
    ("the", L::En), ("and", L::En), ("of", L::En), ("to", L::En), ("is", L::En), ("for", L::En),
    ("that", L::En), ("with", L::En), ("on", L::En), ("as", L::En), ("by", L::En), ("at", L::En),
    ("from", L::En), ("its", L::En), ("it", L::En), ("was", L::En), ("are", L::En), ("be", L::En),
    ("has", L::En), ("have", L::En), ("will", L::En), ("said", L::En), ("which", L::En),
    ("an", L::En), ("this", L::En), ("their", L::En), ("they", L::En), ("were", L::En),
    ("been", L::En), ("would", L::En), ("not", L::En), ("but", L::En), ("or", L::En),
    ("he", L::En), ("she", L::En), ("we", L::En), ("his", L::En), ("her", L::En), ("about", L::En),
    ("more", L::En), ("than", L::En), ("into", L::En), ("also", L::En), ("after", L::En),
    ("over", L::En), ("new", L::En), ("billion", L::En), ("million", L::En), ("company", L::En),
    ("could", L::En), ("had", L::En), ("who", L::En), ("up", L::En), ("year", L::En),
    ("says", L::En),
    // Spanish, Italian, Portuguese, German, Dutch
    ("el", L::Other), ("los", L::Other), ("las", L::Other), ("del", L::Other), ("y", L::Other),
    ("por", L::Other), ("una", L::Other), ("con", L::Other), ("para", L::Other), ("su", L::Other),
    ("lo", L::Other), ("como", L::Other), ("pero", L::Other), ("más", L::Other),
    ("también", L::Other), ("fue", L::Other), ("muy", L::Other), ("della", L::Other),
    ("di", L::Other), ("che", L::Other), ("gli", L::Other), ("nel", L::Other), ("sono", L::Other),
    ("anche", L::Other), ("degli", L::Other), ("alla", L::Other), ("è", L::Other),
    ("não", L::Other), ("em", L::Other), ("os", L::Other), ("uma", L::Other), ("com", L::Other),
    ("foi", L::Other), ("ao", L::Other), ("der", L::Other), ("die", L::Other), ("und", L::Other),
    ("das", L::Other), ("ist", L::Other), ("nicht", L::Other), ("mit", L::Other),
    ("sich", L::Other), ("auf", L::Other), ("für", L::Other), ("dem", L::Other), ("ein", L::Other),
    ("eine", L::Other), ("auch", L::Other), ("werden", L::Other), ("het", L::Other),
    ("een", L::Other), ("van", L::Other), ("niet", L::Other), ("zijn", L::Other), ("op", L::Other),
    ("voor", L::Other), ("met", L::Other), ("dat", L::Other), ("wordt", L::Other),
    ("ook", L::Other),
];

/// A word's bytes packed into an integer (words hold no NUL byte, so the
/// packing of words of up to 16 bytes is one to one).
const fn pack(b: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < b.len() {
        k = k << 8 | b[i] as u128;
        i += 1;
    }
    k
}

/// Slots of the hash table of stop words (a power of two, about three times
/// the number of words: probes are short).
const SLOTS: usize = 512;

/// The slot where the search for packed word `k` starts.
const fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(23);
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 9)) as usize
}

/// [`STOP_WORDS`] packed, in an open-addressing hash table built at compile
/// time (key 0 marks an empty slot: no word packs to 0).
static TABLE: [(u128, L); SLOTS] = {
    let mut out = [(0u128, L::Other); SLOTS];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        let (w, l) = STOP_WORDS[i];
        assert!(!w.is_empty() && w.len() <= 16);
        let k = pack(w.as_bytes());
        let mut j = slot(k);
        while out[j].0 != 0 {
            assert!(out[j].0 != k, "stop word listed twice");
            j = (j + 1) % SLOTS;
        }
        out[j] = (k, l);
        i += 1;
    }
    out
};

/// For each first byte (ASCII lowercased) of a stop word, the set of its
/// lengths in bytes (bit `len`): most words are refused without a search.
static LENGTHS_BY_FIRST: [u32; 256] = {
    let mut out = [0u32; 256];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        let w = STOP_WORDS[i].0.as_bytes();
        assert!(!w.is_empty() && w.len() < 32);
        out[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    out
};

/// The stop word `w` (at most 16 bytes) is, lowercased as
/// [`crate::fold::Low`] does (ASCII and Latin-1 capitals), packed on the fly
/// (what [`stop_word_at`] answers, one byte at a time).
#[cfg(test)]
fn stop_word(w: &[u8]) -> Option<L> {
    let first = w.first()?.to_ascii_lowercase();
    if w.len() > 16 || LENGTHS_BY_FIRST[first as usize] & (1 << w.len()) == 0 {
        return None;
    }
    lookup(pack_lower(w))
}

/// [`stop_word`] of `b[s..e]`, reading the sixteen bytes at `s` as one
/// integer when they are there and the word is ASCII.
fn stop_word_at(b: &[u8], s: usize, e: usize) -> Option<L> {
    const H: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    let len = e - s;
    let first = b.get(s)?.to_ascii_lowercase();
    if len > 16 || LENGTHS_BY_FIRST[first as usize] & (1 << len) == 0 {
        return None;
    }
    let Some(chunk) = b.get(s..s + 16).and_then(|c| <[u8; 16]>::try_from(c).ok()) else {
        return lookup(pack_lower(b.get(s..e)?));
    };
    // The word's bytes, first byte highest, zeros above (`len` >= 1).
    let x = u128::from_be_bytes(chunk) >> (8 * (16 - len));
    if x & H != 0 {
        return lookup(pack_lower(b.get(s..e)?));
    }
    // 0x20 in each byte that is an ASCII capital (no carry crosses a byte:
    // every byte is below 0x80).
    let upper = x.wrapping_add(ONES * (0x80 - 0x41)) & !x.wrapping_add(ONES * (0x80 - 0x5b)) & H;
    lookup(x | upper >> 2)
}

/// `w` lowercased (ASCII and Latin-1 capitals) and packed.
fn pack_lower(w: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut prev_c3 = false;
    for &x in w {
        let latin1_capital = prev_c3 && (0x80..=0x9e).contains(&x) && x != 0x97;
        let y = if x.is_ascii_uppercase() || latin1_capital {
            x + 0x20
        } else {
            x
        };
        prev_c3 = x == 0xc3;
        k = k << 8 | u128::from(y);
    }
    k
}

/// The language of the packed stop word `k`, if it is one.
fn lookup(k: u128) -> Option<L> {
    let mut j = slot(k);
    while let Some(&(key, l)) = TABLE.get(j) {
        if key == k {
            return Some(l);
        }
        if key == 0 {
            return None;
        }
        j = (j + 1) % SLOTS;
    }
    None
}

fn is_word_byte(x: u8) -> bool {
    x.is_ascii_alphanumeric() || x >= 0x80
}

/// The high bit of each byte is set when that byte is a word byte (an ASCII
/// letter or digit, or any byte of a non-ASCII character). No carry crosses
/// a byte: the bytes added to are all below 0x80.
fn word_bytes(w: u64) -> u64 {
    const H: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let y = w & !H;
    let low = y | 0x2020_2020_2020_2020;
    let letter = low.wrapping_add(ONES * (0x80 - 0x61)) & !low.wrapping_add(ONES * (0x80 - 0x7b));
    let digit = y.wrapping_add(ONES * (0x80 - 0x30)) & !y.wrapping_add(ONES * (0x80 - 0x3a));
    ((letter | digit) & !w & H) | (w & H)
}

/// The first position from `i` whose byte is (`word`) or is not (`!word`)
/// a word byte; eight bytes at a time.
fn skip_run(b: &[u8], mut i: usize, word: bool) -> usize {
    const H: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let m = word_bytes(u64::from_le_bytes(chunk));
        // High bits of the bytes that continue the run.
        let run = if word { m } else { !m & H };
        if run != H {
            return i + ((!run & H).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&x| is_word_byte(x) == word) {
        i += 1;
    }
    i
}

/// The next word from `i`: `(s, e)` with `s = skip_run(b, i, false)` and
/// `e = skip_run(b, s, true)`, from one load when the word starts and ends
/// within the eight bytes at `i`.
fn next_word(b: &[u8], i: usize) -> (usize, usize) {
    const H: u64 = 0x8080_8080_8080_8080;
    if let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let m = word_bytes(u64::from_le_bytes(chunk)) & H;
        if m == 0 {
            let s = skip_run(b, i + 8, false);
            return (s, skip_run(b, s, true));
        }
        let so = m.trailing_zeros() / 8;
        let s = i + so as usize;
        // Bytes from the word's start on that are not word bytes.
        let after = !m & H & (u64::MAX << (8 * so));
        if after != 0 {
            return (s, i + (after.trailing_zeros() / 8) as usize);
        }
        return (s, skip_run(b, i + 8, true));
    }
    let s = skip_run(b, i, false);
    (s, skip_run(b, s, true))
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
    let mut i = 0;
    while i < b.len() {
        let (s, e) = next_word(b, i);
        i = e;
        if s == i {
            break;
        }
        words += 1;
        if i - s > 10 {
            continue;
        }
        match stop_word_at(b, s, i) {
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
    fn runs_are_read_eight_bytes_at_once() {
        let mut seed = 99u64;
        for _ in 0..20_000 {
            let mut b = Vec::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let n = (seed >> 58) as usize + 1;
            for _ in 0..n {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                b.push((seed >> 56) as u8);
            }
            for i in 0..=b.len() {
                for word in [false, true] {
                    let mut j = i;
                    while b.get(j).is_some_and(|&x| is_word_byte(x) == word) {
                        j += 1;
                    }
                    assert_eq!(skip_run(&b, i, word), j, "{b:?} {i} {word}");
                }
            }
        }
    }

    #[test]
    fn words_and_stop_words_read_as_one_by_one() {
        let pieces = [
            " ",
            ".",
            "é",
            "É",
            "ÉTÉ",
            "été",
            "The",
            "THE",
            "the",
            "de",
            "DE",
            "Le",
            "où",
            "Où",
            "x",
            "9",
            "millions",
            "MILLIARDS",
            "notamment",
            "aujourd",
            "über",
            "für",
            "À",
            "à",
            "\u{a0}",
            "'",
            "-",
            "company",
            "Company",
            "é9",
            "\u{1f600}",
        ];
        for t in crate::testutil::random_texts(&pieces, 7, 20_000, 32) {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                let s = skip_run(b, i, false);
                let e = skip_run(b, s, true);
                assert_eq!(next_word(b, i), (s, e), "{t:?} {i}");
                if e > s {
                    assert_eq!(
                        stop_word_at(b, s, e).map(|l| l as u8),
                        stop_word(&b[s..e]).map(|l| l as u8),
                        "{t:?} {s} {e}"
                    );
                }
            }
        }
    }

    #[test]
    fn stop_words_are_unique_and_found() {
        assert_eq!(
            TABLE.iter().filter(|(k, _)| *k != 0).count(),
            STOP_WORDS.len()
        );
        for &(w, _) in STOP_WORDS {
            assert!(stop_word(w.as_bytes()).is_some(), "{w}");
        }
        assert!(matches!(stop_word("Été".as_bytes()), Some(L::Fr)));
        assert!(matches!(stop_word(b"THE"), Some(L::En)));
        assert!(stop_word(b"usine").is_none() && stop_word(b"").is_none());
    }

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

//! Sentence splitting for news text.
//!
//! * Every line is its own sentence (headlines have no final period), except
//!   a line that continues a hard-wrapped sentence: it starts with a lowercase
//!   letter and the previous line does not end with `.`, `!`, `?`, `…` or `:`.
//! * Inside a line, a sentence ends at `.`, `!`, `?` or `…` (plus closing
//!   quotes or brackets) followed by a space and a character that is not a
//!   lowercase letter.
//! * A period does not end a sentence after an abbreviation (M., Mme, Dr,
//!   etc., Inc., S.A., U.S., …), an initial ("J. Dupont"), or inside a number
//!   ("1.2").

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence (compared
/// case-sensitively, without the period).
const ABBREVIATIONS: &[&str] = &[
    "Apr", "Art", "Aug", "Av", "Ave", "Bd", "Bros", "Capt", "Cf", "Cie", "Co", "Col", "Corp",
    "Dec", "Dept", "Dr", "Ed", "Ex", "Feb", "Fig", "Gen", "Gov", "Gén", "Hon", "Inc", "Jan", "Jr",
    "Jul", "Jun", "Lt", "Ltd", "M", "MM", "Mar", "Me", "Messrs", "Mgr", "Mlle", "Mlles", "Mme",
    "Mmes", "Mr", "Mrs", "Ms", "Mt", "Mts", "No", "Nos", "Nov", "Oct", "Plc", "Pr", "Prof", "Rep",
    "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Ste", "Tel", "Tél", "Univ", "Vol", "al",
    "approx", "art", "av", "avr", "bd", "cf", "ch", "chap", "dept", "déc", "ed", "env", "etc",
    "ex", "fig", "févr", "janv", "juil", "no", "nov", "n°", "oct", "p", "plc", "pp", "resp",
    "sept", "tel", "tél", "vol", "vs", "éd",
];

/// A word of at most 8 bytes packed into an integer (one to one: words hold
/// no NUL byte).
const fn pack8(b: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < b.len() {
        k = k << 8 | b[i] as u64;
        i += 1;
    }
    k
}

/// [`ABBREVIATIONS`] packed and sorted (at compile time), for a binary
/// search on integers.
static ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut out = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        let w = ABBREVIATIONS[i].as_bytes();
        assert!(!w.is_empty() && w.len() <= 8);
        out[i] = pack8(w);
        i += 1;
    }
    let mut i = 1;
    while i < out.len() {
        let mut j = i;
        while j > 0 && out[j - 1] > out[j] {
            let t = out[j - 1];
            out[j - 1] = out[j];
            out[j] = t;
            j -= 1;
        }
        i += 1;
    }
    out
};

/// For each first byte of an abbreviation, the set of their lengths in
/// bytes (bit `len`): most words are refused without a search.
static ABBREVIATION_LENGTHS: [u16; 256] = {
    let mut out = [0u16; 256];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        let w = ABBREVIATIONS[i].as_bytes();
        out[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    out
};

fn is_abbreviation(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    b.len() <= 8
        && ABBREVIATION_LENGTHS[usize::from(first)] & (1 << b.len()) != 0
        && ABBREVIATION_KEYS.binary_search(&pack8(b)).is_ok()
}

/// True if `w` (the word before a period, period excluded) is an initial or a
/// dotted acronym: "J", "U.S", "S.A", "e.g", "J.-P".
fn is_initial_or_acronym(w: &str) -> bool {
    let b = w.as_bytes();
    // One character is at most four bytes: a longer word needs a period.
    if b.len() > 4 && !b.contains(&b'.') {
        return false;
    }
    let mut chars = w.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic(),
        _ => {
            w.as_bytes().contains(&b'.')
                && w.split(['.', '-'])
                    .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
        }
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '»' | '’' | '”')
}

/// Splits normalised text into sentences: byte ranges, trimmed of
/// surrounding whitespace, never empty, in order.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // About one sentence or line per 48 bytes of news text (most texts
    // then need no second allocation).
    let mut out = Vec::with_capacity(text.len() / 48 + 4);
    let mut start = 0usize;
    let mut i = 0usize;
    // Next positions of ".!?" and of "\n" / 0xE2 (lead byte of "…"), found
    // with SIMD searches.
    let find = |from: usize, set: u8| -> usize {
        let rest = bytes.get(from..).unwrap_or_default();
        let hit = if set == 0 {
            memchr::memchr3(b'.', b'!', b'?', rest)
        } else {
            memchr::memchr2(b'\n', 0xE2, rest)
        };
        hit.map_or(bytes.len(), |k| from + k)
    };
    let (mut next_a, mut next_b) = (find(0, 0), find(0, 1));
    while i < bytes.len() {
        if next_a < i {
            next_a = find(i, 0);
        }
        if next_b < i {
            next_b = find(i, 1);
        }
        i = next_a.min(next_b);
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'\n' => {
                if !continues_on_next_line(text, start, i) {
                    push_trimmed(text, start, i, &mut out);
                    start = i + 1;
                }
                i += 1;
            }
            b'.' | b'!' | b'?' | 0xE2 => {
                let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                    break;
                };
                if !is_terminator(c) {
                    i += c.len_utf8();
                    continue;
                }
                // Consume the run of terminators and closers.
                let mut j = i;
                for c2 in text.get(i..).unwrap_or_default().chars() {
                    if !is_terminator(c2) && !is_closer(c2) {
                        break;
                    }
                    j += c2.len_utf8();
                }
                if ends_sentence(text, start, i, j, c) {
                    push_trimmed(text, start, j, &mut out);
                    start = j;
                }
                i = j;
            }
            _ => i += 1,
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Decides whether the terminator run `text[i..j]` (first char `c`) ends the
/// sentence that started at `start`.
fn ends_sentence(text: &str, start: usize, i: usize, j: usize, c: char) -> bool {
    let rest = text.get(j..).unwrap_or_default();
    // Must be followed by whitespace or the end.
    match rest.chars().next() {
        None => return true,
        Some(n) if !n.is_whitespace() => return false,
        _ => {}
    }
    // Next visible character on the same line.
    let next = rest.chars().find(|c| !c.is_whitespace() || *c == '\n');
    match next {
        None | Some('\n') => return true,
        Some(n) if n.is_lowercase() => return false,
        _ => {}
    }
    let terms = text
        .get(i..j)
        .unwrap_or_default()
        .chars()
        .filter(|c| is_terminator(*c))
        .count();
    if c != '.' || terms > 1 {
        // "!", "?", "…", "...".
        return true;
    }
    // A single period: look at the word before it.
    let word = last_word(text.get(start..i).unwrap_or_default());
    if word.is_empty() {
        return true;
    }
    !(is_abbreviation(word) || is_initial_or_acronym(word))
}

/// What follows the last whitespace, `(`, `"`, `'` or `[` of `before` (all of
/// it if none): ASCII bytes are tested directly, other characters decoded.
fn last_word(before: &str) -> &str {
    let b = before.as_bytes();
    let mut k = b.len();
    while let Some(&x) = k.checked_sub(1).and_then(|j| b.get(j)) {
        let len = if x < 0x80 {
            // `char::is_whitespace` on ASCII: \t \n \x0B \x0C \r and space.
            if x.is_ascii_whitespace() || matches!(x, 0x0b | b'(' | b'"' | b'\'' | b'[') {
                return before.get(k..).unwrap_or_default();
            }
            1
        } else {
            match before.get(..k).and_then(|p| p.chars().next_back()) {
                Some(c) if c.is_whitespace() => return before.get(k..).unwrap_or_default(),
                Some(c) => c.len_utf8(),
                None => return before,
            }
        };
        k -= len;
    }
    before
}

/// A newline at `nl` continues the sentence when the next line starts with a
/// lowercase letter and the current line does not end a sentence.
fn continues_on_next_line(text: &str, start: usize, nl: usize) -> bool {
    let line = text.get(start..nl).unwrap_or_default().trim_end();
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if is_terminator(last) || last == ':' || is_closer(last) {
        return false;
    }
    let next = text
        .get(nl + 1..)
        .unwrap_or_default()
        .chars()
        .find(|c| *c != ' ' && *c != '\t');
    matches!(next, Some(c) if c.is_lowercase())
}

/// `char::is_whitespace` for an ASCII byte.
fn is_ascii_space(x: u8) -> bool {
    matches!(x, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Pushes `text[s..e]` trimmed of whitespace, if anything is left. ASCII
/// whitespace is skipped byte by byte; `str::trim` takes over at a
/// non-ASCII character (a no-break space...).
fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let Some(seg) = text.get(s..e) else { return };
    let b = seg.as_bytes();
    let mut lo = b.iter().take_while(|&&x| is_ascii_space(x)).count();
    if b.get(lo).is_some_and(|&x| x >= 0x80) {
        lo = seg.len() - seg.trim_start().len();
    }
    let mut hi = b.len();
    while hi > lo && b.get(hi - 1).is_some_and(|&x| is_ascii_space(x)) {
        hi -= 1;
    }
    if hi > lo && b.get(hi - 1).is_some_and(|&x| x >= 0x80) {
        hi = lo + seg.get(lo..).unwrap_or_default().trim_end().len();
    }
    if hi > lo {
        out.push(s + lo..s + hi);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` texts of 1 to 16 pieces drawn from `pieces`, and the empty text.
    fn random_texts(pieces: &[&str], seed: u64, n: usize) -> Vec<String> {
        let mut v = crate::testutil::random_texts(pieces, seed, n, 16);
        v.push(String::new());
        v
    }

    #[test]
    fn push_trimmed_is_what_trim_gives() {
        let pieces = [
            "a", "é", " ", "\u{a0}", "\n", "\r", "\t", "\u{b}", "\u{c}", "\u{2003}", "\u{85}",
            "x y",
        ];
        for t in random_texts(&pieces, 11, 20_000) {
            let mut got = Vec::new();
            push_trimmed(&t, 0, t.len(), &mut got);
            let lead = t.len() - t.trim_start().len();
            let want: Vec<Range<usize>> = (!t.trim().is_empty())
                .then(|| lead..lead + t.trim().len())
                .into_iter()
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn last_word_is_what_rsplit_gives() {
        let pieces = [
            "a", "é", " ", "\u{a0}", "(", "\"", "'", "[", "\u{b}", "\u{2003}", "’", "x.y", "\n",
            "€",
        ];
        for t in random_texts(&pieces, 7, 20_000) {
            let want = t
                .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '['))
                .next()
                .unwrap_or_default();
            assert_eq!(last_word(&t), want, "{t:?}");
        }
    }

    #[test]
    fn abbreviation_table_is_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_abbreviation("Mme") && is_abbreviation("etc") && !is_abbreviation("région"));
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a), "{a}");
            assert!(!is_abbreviation(&format!("{a}x")));
        }
        assert!(ABBREVIATION_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(!is_abbreviation("") && !is_abbreviation("Mmmmmmmmm"));
    }

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn initial_gate_refuses_only_non_initials() {
        let slow = |w: &str| {
            let mut chars = w.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c.is_alphabetic(),
                _ => {
                    w.contains('.')
                        && w.split(['.', '-'])
                            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
                }
            }
        };
        let pieces = [
            "J",
            "é",
            "\u{1f600}",
            ".",
            "-",
            "U",
            "S",
            "ab",
            "Dupont",
            "9",
            "ÉÉ",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for w in [a.to_string(), format!("{a}{b}"), format!("{a}{b}{c}")] {
                        assert_eq!(is_initial_or_acronym(&w), slow(&w), "{w}");
                    }
                }
            }
        }
    }

    #[test]
    fn abbreviation_gate_refuses_only_non_abbreviations() {
        for a in ABBREVIATIONS {
            for cut in (0..=a.len()).filter(|&k| a.is_char_boundary(k)) {
                for tail in ["", "x", "é", ".", "s", "Mme"] {
                    let w = format!("{}{tail}", &a[..cut]);
                    assert_eq!(
                        is_abbreviation(&w),
                        ABBREVIATIONS.contains(&w.as_str()),
                        "{w}"
                    );
                }
            }
        }
    }

    #[test]
    fn abbreviations_and_numbers_do_not_split() {
        assert_eq!(
            split(
                "M. Dupont et Mme Durand ont vu le Dr Martin. Il a dit 1,2 ou 1.2 etc. puis rien."
            ),
            vec![
                "M. Dupont et Mme Durand ont vu le Dr Martin.",
                "Il a dit 1,2 ou 1.2 etc. puis rien."
            ]
        );
        assert_eq!(
            split(
                "Apple Inc. Reports. The U.S. Treasury and Total S.A. Said so. J. R. Smith agreed!"
            ),
            vec![
                "Apple Inc. Reports.",
                "The U.S. Treasury and Total S.A. Said so.",
                "J. R. Smith agreed!"
            ]
        );
        assert_eq!(
            split("Mme. Durand arrive. Ok"),
            vec!["Mme. Durand arrive.", "Ok"]
        );
    }

    #[test]
    fn lines_are_sentences_but_wrapped_lines_join() {
        assert_eq!(
            split("Amazon investit plus de 1,2 milliard\n\nMicrosoft n'est pas seul.\nIl investit 4 milliards\nd'euros en France."),
            vec![
                "Amazon investit plus de 1,2 milliard",
                "Microsoft n'est pas seul.",
                "Il investit 4 milliards\nd'euros en France."
            ]
        );
    }

    #[test]
    fn quotes_and_other_terminators() {
        assert_eq!(
            split("Il a dit \"c'est fini.\" Puis il est parti... Vraiment ? Oui! (Enfin.) Non…"),
            vec![
                "Il a dit \"c'est fini.\"",
                "Puis il est parti...",
                "Vraiment ?",
                "Oui!",
                "(Enfin.)",
                "Non…"
            ]
        );
        assert_eq!(split("  \n \n"), Vec::<&str>::new());
        assert_eq!(split("en 2024. Le 3 mars."), vec!["en 2024.", "Le 3 mars."]);
    }
}

//! Amounts of money and counts in French and English text.
//!
//! [`find_amounts`] scans a text once for digits and number words, then
//! parses locally around each: the number (French and English separators,
//! exact decimal arithmetic), a scale (milliard, Md, bn, M€, k…), a currency
//! before or after (€, $, US$, EUR, d'euros, livres sterling, francs
//! suisses…), a qualifier before (plus de, more than, environ, up to…) and a
//! range (entre 1 et 2 milliards, $1-2bn, 1 à 2 Md€).
//!
//! What is *not* an amount: years and dates, percentages and other units,
//! phone numbers, ordinals, article/page numbers, numbers glued to letters
//! (A380, CO2, 4G) and numbers that are part of names (Big Four, CAC 40).
//!
//! Money has a currency, or a large scale (million and up) in a financial
//! context ("Mistral AI recherche 600 millions": money, currency `None`).
//! Everything else that is a number of things is a count.

use crate::fold::Low;
use crate::Lang;
use vigie_model::Qualifier;

/// Money or a number of things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountKind {
    Money,
    Count,
}

impl AmountKind {
    /// "money" or "count".
    pub fn as_str(self) -> &'static str {
        match self {
            AmountKind::Money => "money",
            AmountKind::Count => "count",
        }
    }
}

/// One amount found in a text. `start..end` are byte offsets in the text
/// given to [`find_amounts`]; they cover the number with its currency and
/// scale ("1,2 milliard d'euros", "$4.3bn"), or a whole range ("1 à 2 Md€"),
/// but not the qualifier words ("plus de").
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    /// In units (not thousands or millions); the lower bound of a range.
    pub value: f64,
    /// ISO 4217 code; `None` when the text names no currency.
    pub currency: Option<&'static str>,
    pub qualifier: Qualifier,
    /// Upper bound when `qualifier` is `Range`.
    pub max: Option<f64>,
    pub kind: AmountKind,
}

/// Finds every amount of money and every count in `text` (normalised text
/// from [`crate::normalize`] is best, but raw text with no-break spaces and
/// typographic apostrophes works too). `lang` settles ambiguous separators
/// ("1,200" is 1200 in English, 1.2 in French) and the number words.
pub fn find_amounts(text: &str, lang: Lang) -> Vec<Amount> {
    let tx = Txt::new(text);
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // End of the last amount: the next one may not start before it.
    let mut floor = 0;
    loop {
        i = skip_quiet(text, i, lang);
        let Some(&c) = b.get(i) else { break };
        if c.is_ascii_digit() {
            if is_code_like(text, i) {
                i = code_run_end(text, i);
                continue;
            }
            match amount_at(&tx, i, floor, lang) {
                Some((a, end)) => {
                    out.push(a);
                    i = end.max(i + 1);
                    floor = end;
                }
                None => i = skip_alnum(text, i),
            }
        } else if c.is_ascii_alphabetic() || c >= 0xC0 {
            let we = word_end(text, i);
            if we == i {
                i = next_boundary(text, i);
                continue;
            }
            if !char_before(text, i).is_some_and(is_alnum) && starts_number_word(text, i, we, lang)
            {
                if let Some((a, end)) = amount_at(&tx, i, floor, lang) {
                    out.push(a);
                    i = end.max(we);
                    floor = end;
                    continue;
                }
            }
            i = we;
        } else {
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------- characters

fn is_sp(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2008}' | '\u{2009}' | '\u{200a}'
    )
}

fn is_apos(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

fn char_at(t: &str, i: usize) -> Option<char> {
    match t.as_bytes().get(i) {
        // An ASCII byte is a whole character.
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => t.get(i..)?.chars().next(),
    }
}

fn char_before(t: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|j| t.as_bytes().get(j)) {
        // An ASCII byte is a whole character, and `i` a boundary after it.
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => t.get(..i)?.chars().next_back(),
    }
}

fn next_boundary(t: &str, i: usize) -> usize {
    i + char_at(t, i).map_or(1, char::len_utf8)
}

fn skip_sp(t: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(t, i) {
        if !is_sp(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn skip_sp_back(t: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(t, i) {
        if !is_sp(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// End of the run of letters starting at `i` (`i` if none).
fn word_end(t: &str, mut i: usize) -> usize {
    const H: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let b = t.as_bytes();
    loop {
        // Eight bytes at a time: the high bit of each byte of `letters` is
        // set when that byte is an ASCII letter (no carry crosses a byte:
        // every byte of `y` is below 0x80).
        if let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            let w = u64::from_le_bytes(chunk);
            let y = (w & !H) | 0x2020_2020_2020_2020;
            let ge_a = y.wrapping_add(ONES * (0x80 - u64::from(b'a')));
            let gt_z = y.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1));
            let letters = ge_a & !gt_z & !w & H;
            if letters == H {
                i += 8;
                continue;
            }
            // The first byte that is not an ASCII letter.
            i += ((!letters & H).trailing_zeros() / 8) as usize;
        }
        match b.get(i) {
            Some(x) if x.is_ascii_alphabetic() => i += 1,
            // Latin-1 letters U+00C0–U+00FF except × and ÷.
            Some(0xc3) if b.get(i + 1).is_some_and(|&y| y != 0x97 && y != 0xb7) => i += 2,
            _ => break,
        }
    }
    // An ASCII byte that is not a letter ends the word.
    if b.get(i).is_none_or(u8::is_ascii) {
        return i;
    }
    while let Some(c) = char_at(t, i) {
        if !c.is_alphabetic() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Start of the run of letters ending at `i`.
fn word_start_back(t: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(t, i) {
        if !c.is_alphabetic() {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// Skips letters and digits (and what glues them: `.`/`,` between digits).
fn skip_alnum(t: &str, mut i: usize) -> usize {
    let start = i;
    while let Some(c) = char_at(t, i) {
        if c.is_alphanumeric() {
            i += c.len_utf8();
        } else if matches!(c, '.' | ',' | '-' | '/' | ':')
            && char_at(t, i + 1).is_some_and(|d| d.is_ascii_digit())
        {
            i += 1;
        } else {
            break;
        }
    }
    if i == start {
        next_boundary(t, i)
    } else {
        i
    }
}

fn word(t: &str, i: usize) -> &str {
    t.get(i..word_end(t, i)).unwrap_or_default()
}

/// The text scanned by [`find_amounts`], with the last word read by
/// [`Txt::word_low`]: the word after a number is looked at by the scale,
/// the currencies, the range and the count filters in turn, read once.
struct Txt<'t> {
    s: &'t str,
    /// (start, end, lowercased) of the last word read.
    last: std::cell::Cell<Option<(usize, usize, Low<'t>)>>,
}

impl<'t> Txt<'t> {
    fn new(s: &'t str) -> Txt<'t> {
        Txt {
            s,
            last: std::cell::Cell::new(None),
        }
    }

    /// The end of the run of letters at `q` ([`word_end`]) and that run
    /// lowercased ([`Low`]).
    fn word_low(&self, q: usize) -> (usize, Low<'t>) {
        if let Some((s, e, low)) = self.last.get() {
            if s == q {
                return (e, low);
            }
        }
        let e = word_end(self.s, q);
        let low = Low::new(self.s.get(q..e).unwrap_or_default());
        self.last.set(Some((q, e, low)));
        (e, low)
    }
}

impl std::ops::Deref for Txt<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.s
    }
}

// ------------------------------------------------------------ exact decimals

/// `mant × 10^exp`, exact.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Dec {
    mant: u128,
    exp: i32,
}

impl Dec {
    fn scaled(self, pow: i32) -> Dec {
        Dec {
            mant: self.mant,
            exp: self.exp + pow,
        }
    }

    fn to_f64(self) -> f64 {
        let (mut m, mut e) = (self.mant, self.exp);
        while e < 0 && m % 10 == 0 && m > 0 {
            m /= 10;
            e += 1;
        }
        if e >= 0 {
            let mut v = m;
            for _ in 0..e {
                match v.checked_mul(10) {
                    Some(x) => v = x,
                    None => return m as f64 * 10f64.powi(e),
                }
            }
            v as f64
        } else {
            m as f64 / 10f64.powi(-e)
        }
    }

    fn lt(self, other: Dec) -> bool {
        self.to_f64() < other.to_f64()
    }
}

// ------------------------------------------------------------------- numbers

/// A number as written: digits or words.
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    val: Dec,
    /// Only digits, no separator, no decimals.
    plain: bool,
    words: bool,
    /// The words include million / milliard / billion.
    big_words: bool,
    /// A number word written with a capital.
    capital: bool,
}

/// Separators of thousands that can only be separators of thousands.
fn is_group_only(c: char) -> bool {
    is_sp(c) || matches!(c, '\'' | '\u{2019}')
}

fn digits_at(t: &str, i: usize) -> usize {
    t.as_bytes()
        .get(i..)
        .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// Parses digits with separators at `i` (a digit).
fn parse_digits(t: &str, i: usize, lang: Lang) -> Option<Num> {
    let d1 = digits_at(t, i);
    let mut mant: u128 = 0;
    let mut ndigits = 0usize;
    let mut push = |bytes: &[u8]| -> Option<()> {
        for &d in bytes {
            ndigits += 1;
            if ndigits > 30 {
                return None;
            }
            mant = mant.checked_mul(10)?.checked_add(u128::from(d - b'0'))?;
        }
        Some(())
    };
    push(t.as_bytes().get(i..i + d1)?)?;
    let mut j = i + d1;
    let mut group_sep: Option<char> = None;
    let mut decimals = 0usize;
    let mut plain = true;
    while let Some(c) = char_at(t, j) {
        let after = j + c.len_utf8();
        let k = digits_at(t, after);
        if k == 0 {
            break;
        }
        if is_group_only(c) {
            // "3 000", "1'000": groups of exactly three, the first of 1 to 3.
            let first_ok = group_sep.is_some() || d1 <= 3;
            if k == 3 && first_ok && group_sep.is_none_or(|g| g == c) {
                push(t.as_bytes().get(after..after + 3)?)?;
                group_sep = Some(c);
                plain = false;
                j = after + 3;
                continue;
            }
            break;
        }
        if c != '.' && c != ',' {
            break;
        }
        let other = if c == '.' { ',' } else { '.' };
        let is_group = if k != 3 || group_sep.is_some_and(|g| g != c) {
            false
        } else if group_sep == Some(c) {
            true
        } else {
            // A single ".ddd" or ",ddd": look further.
            let next = char_at(t, after + 3);
            let next_digit = digits_at(t, after + 4) > 0;
            if (next == Some(c) || next == Some(other)) && next_digit {
                true // "1.200.000", "6.700,54"
            } else if d1 > 3 {
                false
            } else {
                match lang {
                    Lang::Fr => c == '.',
                    Lang::En => c == ',',
                }
            }
        };
        plain = false;
        if is_group {
            if group_sep.is_none() && d1 > 3 {
                break;
            }
            push(t.as_bytes().get(after..after + 3)?)?;
            group_sep = Some(c);
            j = after + 3;
        } else {
            push(t.as_bytes().get(after..after + k)?)?;
            decimals = k;
            j = after + k;
            break;
        }
    }
    Some(Num {
        start: i,
        end: j,
        val: Dec {
            mant,
            exp: -(decimals as i32),
        },
        plain,
        words: false,
        big_words: false,
        capital: false,
    })
}

/// First words of numbers written in letters, French.
const FR_NUMBER_WORDS: &[&str] = &[
    "zéro",
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "cents",
    "mille",
];

/// French tens (and "dix", "quatre") that open a hyphenated number.
const FR_HYPHEN_HEADS: &[&str] = &[
    "dix-",
    "vingt-",
    "trente-",
    "quarante-",
    "cinquante-",
    "soixante-",
    "quatre-",
];

/// First words of numbers written in letters, English.
const EN_NUMBER_WORDS: &[&str] = &[
    "zero",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
];

/// English tens that open a hyphenated number ("twenty-one").
const EN_TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// First words of numbers written in letters.
fn number_word(w: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => {
            FR_NUMBER_WORDS.contains(&w) || FR_HYPHEN_HEADS.iter().any(|h| w.starts_with(h))
        }
        Lang::En => {
            EN_NUMBER_WORDS.contains(&w)
                || w.contains('-') && w.split('-').next().is_some_and(|p| EN_TENS.contains(&p))
        }
    }
}

/// The first (at most) four bytes of a word packed into an integer, first
/// byte lowest, zeros past the word (one to one: words hold no NUL byte).
const fn key4(w: &[u8]) -> u32 {
    let mut k = 0u32;
    let mut i = 0;
    while i < 4 && i < w.len() {
        k |= (w[i] as u32) << (8 * i);
        i += 1;
    }
    k
}

/// Bit of [`key4`] `k` in a [`NumberKeys`] table.
const fn key_bit(k: u32) -> u32 {
    k.wrapping_mul(0x9e37_79b1) >> 22
}

/// The set of [`key4`] of number words as a 1024-bit table (a few other
/// keys share their bits: a necessary condition only).
type NumberKeys = [u64; 16];

const fn number_keys(words: &[&str]) -> NumberKeys {
    let mut out = [0u64; 16];
    let mut i = 0;
    while i < words.len() {
        let bit = key_bit(key4(words[i].as_bytes()));
        out[(bit / 64) as usize] |= 1 << (bit % 64);
        i += 1;
    }
    out
}

static FR_KEYS: NumberKeys = number_keys(FR_NUMBER_WORDS);
static EN_KEYS: NumberKeys = number_keys(EN_NUMBER_WORDS);

/// The first two bytes of number words (`second` lowercased, a space past
/// the end of the text).
#[inline]
fn first_two_ok(lang: Lang, first: u8, second: u8) -> bool {
    match (lang, first.to_ascii_lowercase()) {
        (Lang::Fr, b'z') => second == 0xc3 || second == b'e',
        (Lang::Fr, b'u') => second == b'n',
        (Lang::Fr, b'd') => matches!(second, b'e' | b'i' | b'o'),
        (Lang::Fr, b't') => matches!(second, b'r'),
        (Lang::Fr, b'q') => second == b'u',
        (Lang::Fr, b'c') => matches!(second, b'i' | b'e'),
        (Lang::Fr, b's') => matches!(second, b'i' | b'e' | b'o'),
        (Lang::Fr, b'h') => second == b'u',
        (Lang::Fr, b'n') => second == b'e',
        (Lang::Fr, b'o') => second == b'n',
        (Lang::Fr, b'v') => second == b'i',
        (Lang::Fr, b'm') => second == b'i',
        (Lang::En, b'z') => second == b'e',
        (Lang::En, b'a') => matches!(second, b' ' | b'n'),
        (Lang::En, b'o') => second == b'n',
        (Lang::En, b't') => matches!(second, b'w' | b'h' | b'e'),
        (Lang::En, b'f') => matches!(second, b'o' | b'i'),
        (Lang::En, b's') => matches!(second, b'i' | b'e'),
        (Lang::En, b'e') => matches!(second, b'i' | b'l'),
        (Lang::En, b'n') => second == b'i',
        (Lang::En, b'h') => second == b'u',
        _ => false,
    }
}

/// Necessary condition for [`starts_number_word`] at `i`, the start of a
/// word of ASCII letters: its first four letters, lowercased, are those of
/// a number word of [`FR_NUMBER_WORDS`] / [`EN_NUMBER_WORDS`] (up to the
/// collisions of [`NumberKeys`]; a test checks the two agree). A word with
/// a non-ASCII byte among its first four passes.
#[inline]
fn may_start_number_word(b: &[u8], i: usize, lang: Lang) -> bool {
    const H: u32 = 0x8080_8080;
    const ONES: u32 = 0x0101_0101;
    let q: [u8; 4] = match b.get(i..i + 4) {
        Some(&[a, b1, c, d]) => [a, b1, c, d],
        _ => {
            let mut q = [b' '; 4];
            let rest = b.get(i..).unwrap_or_default();
            for (d, &s) in q.iter_mut().zip(rest) {
                *d = s;
            }
            q
        }
    };
    let x = u32::from_le_bytes(q);
    // High bit of each byte that is an ASCII letter (no carry crosses a byte).
    let y = (x & !H) | 0x2020_2020;
    let letters = y.wrapping_add(ONES * (0x80 - u32::from(b'a')))
        & !y.wrapping_add(ONES * (0x80 - u32::from(b'z') - 1))
        & !x
        & H;
    // Letters before the first other byte (at least one: `b[i]`).
    let n = (!letters & H).trailing_zeros() / 8;
    let key = if n >= 4 {
        x | (letters >> 2)
    } else {
        if q.get(n as usize).is_some_and(|&c| c >= 0x80) {
            // The word goes on with a non-ASCII letter, maybe.
            return true;
        }
        (x | (letters >> 2)) & ((1u32 << (8 * n)) - 1)
    };
    let keys = match lang {
        Lang::Fr => &FR_KEYS,
        Lang::En => &EN_KEYS,
    };
    let bit = key_bit(key);
    keys.get((bit / 64) as usize)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

/// From `i`, skips what [`find_amounts`] would step over without parsing
/// anything (see [`skip_quiet_ascii`]), and the words that start with a
/// non-ASCII byte (a number word starts with an ASCII letter; they are read
/// to their end as the scan does). Stops at a digit, at a non-ASCII byte
/// that is no letter, at a word after a non-ASCII character and at a
/// possible number word.
fn skip_quiet(t: &str, mut i: usize, lang: Lang) -> usize {
    let b = t.as_bytes();
    loop {
        i = skip_quiet_ascii(b, i, lang);
        match b.get(i) {
            Some(&c) if c >= 0xC0 => {
                let we = word_end(t, i);
                if we == i {
                    return i;
                }
                i = we;
            }
            // A continuation byte (not expected at a boundary).
            Some(&c) if c >= 0x80 => i += 1,
            _ => return i,
        }
    }
}

/// From `i`, skips ASCII bytes that are neither digits nor letters, and
/// words of ASCII letters that follow a letter or a digit or that cannot be
/// a number word ([`may_start_number_word`]). Stops at a digit, at a
/// non-ASCII byte, at a word after a non-ASCII character and at a possible
/// number word.
fn skip_quiet_ascii(b: &[u8], mut i: usize, lang: Lang) -> usize {
    const H: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // A word that starts at `i` itself: what comes before it is unknown.
    if b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        match i.checked_sub(1).and_then(|k| b.get(k)) {
            Some(&p) if p >= 0x80 => return i,
            Some(p) if p.is_ascii_alphanumeric() => {}
            _ => {
                if may_start_number_word(b, i, lang) {
                    return i;
                }
            }
        }
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
    }
    // From here the byte before `i`, if any, is ASCII and not a digit (or
    // `b[i]` is no letter): a letter after a non-letter starts a word.
    // Eight bytes at a time: high bit of each byte that is an ASCII letter,
    // and of each byte that stops the skip (a digit or a non-ASCII byte).
    while let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let w = u64::from_le_bytes(chunk);
        let low7 = w & !H;
        let y = low7 | 0x2020_2020_2020_2020;
        let letters = y.wrapping_add(ONES * (0x80 - u64::from(b'a')))
            & !y.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1))
            & !w
            & H;
        let digits = low7.wrapping_add(ONES * (0x80 - u64::from(b'0')))
            & !low7.wrapping_add(ONES * (0x80 - u64::from(b'9') - 1))
            & !w
            & H;
        let stop = (w & H) | digits;
        let before = i
            .checked_sub(1)
            .and_then(|k| b.get(k))
            .is_some_and(u8::is_ascii_alphabetic);
        let mut starts = letters & !((letters << 8) | if before { 0x80 } else { 0 });
        // Only the words before the first stop byte.
        if stop != 0 {
            starts &= (stop & stop.wrapping_neg()).wrapping_sub(1);
        }
        while starts != 0 {
            let k = i + (starts.trailing_zeros() / 8) as usize;
            if may_start_number_word(b, k, lang) {
                return k;
            }
            starts &= starts - 1;
        }
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    // The last bytes, one at a time.
    while let Some(&c) = b.get(i) {
        if c >= 0x80 || c.is_ascii_digit() {
            return i;
        }
        if c.is_ascii_alphabetic()
            && !i
                .checked_sub(1)
                .and_then(|k| b.get(k))
                .is_some_and(u8::is_ascii_alphabetic)
            && may_start_number_word(b, i, lang)
        {
            return i;
        }
        i += 1;
    }
    i
}

/// Cheap check at a word start: is it the first word of a number?
fn starts_number_word(t: &str, i: usize, we: usize, lang: Lang) -> bool {
    let len = we - i;
    if len == 0 || len > 12 {
        return false;
    }
    let Some(&first) = t.as_bytes().get(i) else {
        return false;
    };
    // The first two letters of number words.
    let second = t.as_bytes().get(i + 1).map_or(b' ', u8::to_ascii_lowercase);
    if !first_two_ok(lang, first, second) {
        return false;
    }
    let w = t.get(i..we).unwrap_or_default();
    // Include a hyphenated tail ("vingt-trois", "twenty-one").
    if let Some('-') = char_at(t, we) {
        let we2 = word_end(t, we + 1);
        if we2 > we + 1 && number_word(Low::new(t.get(i..we2).unwrap_or_default()).as_str(), lang) {
            return true;
        }
    }
    // `w` is at most 12 bytes: `Low` keeps it whole.
    number_word(Low::new(w).as_str(), lang)
}

fn is_scale_word(w: &str, lang: Lang) -> bool {
    matches!(
        w,
        "million" | "millions" | "milliard" | "milliards" | "mille" | "thousand" | "thousands"
    ) || (lang == Lang::En
        && matches!(
            w,
            "billion" | "billions" | "hundred" | "trillion" | "trillions"
        ))
        || (lang == Lang::Fr && matches!(w, "cent" | "cents"))
}

/// A word handed to text2num (already lowercased).
#[derive(Clone, Copy)]
struct Tok<'a>(&'a str);

impl text2num::Token for Tok<'_> {
    fn text(&self) -> std::borrow::Cow<'_, str> {
        self.0.into()
    }
    fn text_lowercase(&self) -> std::borrow::Cow<'_, str> {
        self.0.into()
    }
    fn nt_separated(&self, _previous: &Self) -> bool {
        false
    }
    fn not_a_number_part(&self) -> bool {
        false
    }
}

/// Parses a number written in words at `i` with text2num.
fn parse_words(t: &str, i: usize, lang: Lang) -> Option<Num> {
    // Articles first, cheaply: "un", "une", "one", "a", "an" need a scale.
    let w0 = Low::new(word(t, i));
    if matches!(w0.as_str(), "un" | "une" | "one" | "a" | "an") {
        let q = skip_sp(t, i + w0.len);
        let w1 = Low::new(word(t, q));
        if !is_scale_word(w1.as_str(), lang) || w1.as_str().starts_with("cent") {
            return None;
        }
    }
    // Collect up to 12 words separated by spaces (hyphens stay inside).
    let mut buf = [(0usize, 0usize, Low::new("")); 12];
    let mut n = 0;
    let mut p = i;
    while let Some(slot) = buf.get_mut(n) {
        let mut e = word_end(t, p);
        while char_at(t, e) == Some('-') && word_end(t, e + 1) > e + 1 {
            e = word_end(t, e + 1);
        }
        if e == p {
            break;
        }
        *slot = (p, e, Low::new(t.get(p..e)?));
        n += 1;
        let q = skip_sp(t, e);
        if q == e || !char_at(t, q).is_some_and(char::is_alphabetic) {
            break;
        }
        p = q;
    }
    let toks: Vec<(usize, usize, &str)> = buf
        .get(..n)
        .unwrap_or_default()
        .iter()
        .map(|(s, e, w)| (*s, *e, w.as_str()))
        .collect();
    let first = toks.first()?;
    let capital = char_at(t, i).is_some_and(char::is_uppercase);
    // "un", "une", "one", "a", "an" alone are articles: only with a scale.
    if matches!(first.2, "un" | "une" | "one" | "a" | "an") {
        let next = toks.get(1)?;
        if !is_scale_word(next.2, lang) || next.2.starts_with("cent") {
            return None;
        }
        if matches!(first.2, "a" | "an") {
            let pow = match next.2 {
                "hundred" => 2,
                "thousand" => 3,
                "million" => 6,
                "billion" => 9,
                "trillion" => 12,
                _ => return None,
            };
            return Some(Num {
                start: i,
                end: next.1,
                val: Dec { mant: 1, exp: pow },
                plain: false,
                words: true,
                big_words: pow >= 6,
                capital,
            });
        }
    }
    // "cent" after "pour"/"per" is a percentage.
    if first.2.starts_with("cent") {
        let pb = skip_sp_back(t, i);
        let pw = Low::new(t.get(word_start_back(t, pb)..pb).unwrap_or_default());
        if pw.as_str() == "pour" || pw.as_str() == "per" {
            return None;
        }
    }
    let tokens = toks.iter().map(|x| Tok(x.2));
    let occ = match lang {
        Lang::Fr => text2num::find_numbers(tokens, &text2num::Language::french(), 0.0),
        Lang::En => text2num::find_numbers(tokens, &text2num::Language::english(), 0.0),
    };
    let o = occ.into_iter().next()?;
    if o.start != 0 || o.is_ordinal || o.end == 0 {
        return None;
    }
    let end = toks.get(o.end - 1)?.1;
    let big_words = toks.iter().take(o.end).any(|x| {
        x.2.starts_with("million") || x.2.starts_with("milliard") || x.2.starts_with("billion")
    });
    let val = parse_plain_decimal(&o.text)?;
    Some(Num {
        start: i,
        end,
        val,
        plain: false,
        words: true,
        big_words,
        capital,
    })
}

/// "1200", "2.5", "2,5" (text2num's output) to a decimal.
fn parse_plain_decimal(s: &str) -> Option<Dec> {
    let mut mant: u128 = 0;
    let mut exp = 0i32;
    let mut after_point = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                mant = mant
                    .checked_mul(10)?
                    .checked_add(u128::from(c as u8 - b'0'))?;
                any = true;
                if after_point {
                    exp -= 1;
                }
            }
            '.' | ',' if !after_point => after_point = true,
            _ => return None,
        }
    }
    any.then_some(Dec { mant, exp })
}

// -------------------------------------------------------- scales, currencies

/// A scale after a number: power of ten, end, and whether it only counts
/// with a currency (single letters: "3M" is a company, "4 m" a length).
fn parse_scale(t: &Txt, p: usize, lang: Lang) -> Option<(i32, usize, bool)> {
    let attached = p;
    // "a $1.1-billion plant", "Rs 9,500-crore": a scale word after a hyphen
    let hyphen = t.get(p..).is_some_and(|r| r.starts_with('-'))
        && char_at(t, p + 1).is_some_and(char::is_alphabetic);
    let q = if hyphen { p + 1 } else { skip_sp(t, p) };
    let (we, lw) = t.word_low(q);
    let w = t.get(q..we)?;
    if w.is_empty() || char_at(t, we).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let is_attached = q == attached;
    let pow = match lw.as_str() {
        "milliard" | "milliards" => 9,
        "million" | "millions" => 6,
        "mille" | "thousand" | "thousands" => 3,
        "billion" | "billions" => match lang {
            Lang::En => 9,
            Lang::Fr => 12,
        },
        "trillion" | "trillions" if lang == Lang::En => 12,
        "lakh" | "lakhs" if lang == Lang::En => 5,
        "crore" | "crores" if lang == Lang::En => 7,
        _ if hyphen => return None,
        _ => {
            // Abbreviations: case-sensitive.
            let (pow, needs_cur) = match w {
                "Md" | "Mds" | "Mrd" | "Mrds" | "Mdr" | "Mdrs" | "md" | "mds" | "mrd" | "mrds" => {
                    (9, false)
                }
                "bn" | "Bn" | "BN" | "bln" | "Bln" => (9, false),
                "mn" | "mln" | "Mn" | "Mio" | "mio" | "Mln" => (6, false),
                "tn" | "Tn" if lang == Lang::En => (12, false),
                "M" => (6, true),
                "m" if is_attached => (6, true),
                "k" | "K" => (3, true),
                "B" | "b" if is_attached && lang == Lang::En => (9, true),
                _ => return None,
            };
            return Some((pow, we, needs_cur));
        }
    };
    Some((pow, we, false))
}

const CODES: &[&str] = &[
    "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "SEK", "NOK", "DKK", "INR", "HKD",
    "SGD", "KRW", "BRL", "RUB", "PLN", "ILS", "AED", "SAR", "QAR", "ZAR", "MXN", "TRY", "NZD",
    "XOF", "XAF", "MAD", "CZK", "HUF", "RMB", "MYR", "KWD", "LBP", "EGP", "BGN", "UAH", "MNT",
    "RON", "THB", "IDR", "TWD", "VND", "NGN", "KES", "CLP", "COP", "ARS", "PEN",
];

fn code(w: &str) -> Option<&'static str> {
    // Every code is three capitals: most words are refused here.
    let b = w.as_bytes();
    if b.len() != 3 || !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let c = CODES.iter().find(|c| **c == w)?;
    Some(if *c == "RMB" { "CNY" } else { c })
}

/// A currency matched in the text: its ISO code (or `None` for a currency
/// word with no single code, like "francs") and its end.
type Cur = (Option<&'static str>, usize);

fn symbol(c: char) -> Option<&'static str> {
    match c {
        '€' => Some("EUR"),
        '$' => Some("USD"),
        '£' => Some("GBP"),
        '¥' => Some("JPY"),
        _ => None,
    }
}

/// Currency before a number: ends at `end` (after optional spaces).
/// Returns (code, start).
fn currency_before(t: &str, end: usize) -> Option<(Option<&'static str>, usize)> {
    let p = skip_sp_back(t, end);
    let c = char_before(t, p)?;
    if let Some(code) = symbol(c) {
        let s = p - c.len_utf8();
        // US$, C$, A$, HK$, CA$, AU$, S$
        if c == '$' {
            let ws = word_start_back(t, s);
            let pre = t.get(ws..s).unwrap_or_default();
            let (code, ws) = match pre {
                "US" => ("USD", ws),
                "C" | "CA" => ("CAD", ws),
                "A" | "AU" => ("AUD", ws),
                "HK" => ("HKD", ws),
                "S" | "SG" => ("SGD", ws),
                _ => ("USD", s),
            };
            if char_before(t, ws).is_some_and(is_alnum) {
                return Some((Some("USD"), s));
            }
            return Some((Some(code), ws));
        }
        return Some((Some(code), s));
    }
    if c == '.' && t.get(..p).is_some_and(|b| b.ends_with("Rs.")) {
        let ws = p - 3;
        return (!char_before(t, ws).is_some_and(is_alnum)).then_some((Some("INR"), ws));
    }
    if c.is_ascii_uppercase() || c == 's' {
        let ws = word_start_back(t, p);
        let w = t.get(ws..p)?;
        if char_before(t, ws).is_some_and(is_alnum) {
            return None;
        }
        if w == "Rs" {
            return Some((Some("INR"), ws));
        }
        return code(w).map(|c| (Some(c), ws));
    }
    None
}

/// Currency after a number or scale at `p`. `de_ok`: "d'euros", "de
/// dollars" are allowed (after a scale).
fn currency_after(t: &Txt, p: usize, de_ok: bool, lang: Lang) -> Option<Cur> {
    let q = skip_sp(t, p);
    let c = char_at(t, q)?;
    if let Some(code) = symbol(c) {
        let e = q + c.len_utf8();
        // "$US", "$ US", "$CA"
        let q2 = skip_sp(t, e);
        let w = word(t, q2);
        if !char_at(t, q2 + w.len()).is_some_and(is_alnum) {
            match w {
                "US" if c == '$' => return Some((Some("USD"), q2 + 2)),
                "CA" | "CAN" if c == '$' => return Some((Some("CAD"), q2 + w.len())),
                _ => {}
            }
        }
        return Some((Some(code), e));
    }
    if c.is_ascii_uppercase() && t.get(q..q + 2) == Some("US") && char_at(t, q + 2) == Some('$') {
        return Some((Some("USD"), q + 3));
    }
    let (we, lw) = t.word_low(q);
    let w = t.get(q..we)?;
    if w.is_empty() {
        return None;
    }
    if let Some(code) = code(w) {
        if !char_at(t, we).is_some_and(is_alnum) {
            return Some((Some(code), we));
        }
        return None;
    }
    let lw = lw.as_str();
    // "de dollars", "d'euros"
    if de_ok && lang == Lang::Fr {
        if lw == "de" {
            if let Some(cur) = currency_word(t, skip_sp(t, we), true, lang) {
                return Some(cur);
            }
        } else if lw == "d" && char_at(t, we).is_some_and(is_apos) {
            let a = we + char_at(t, we).map_or(1, char::len_utf8);
            if let Some(cur) = currency_word(t, skip_sp(t, a), true, lang) {
                return Some(cur);
            }
        }
    }
    if lang == Lang::En && de_ok && lw == "of" {
        // "a billion of dollars" is rare; not accepted.
    }
    currency_word(t, q, de_ok, lang)
}

/// A currency word at `q`: euros, dollars (américains), livres sterling…
/// `lenient`: "livres" alone is a currency (after "millions de").
fn currency_word<'t>(t: &Txt<'t>, q: usize, lenient: bool, lang: Lang) -> Option<Cur> {
    let (we, lw) = t.word_low(q);
    let w = t.get(q..we)?;
    if w.is_empty() || char_at(t, we).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let lw = lw.as_str();
    let next = |e: usize| -> (Low<'t>, usize) {
        let (e2, low) = t.word_low(skip_sp(t, e));
        (low, e2)
    };
    let r = match lw {
        "euro" | "euros" => (Some("EUR"), we),
        "dollar" | "dollars" | "dollar américain" => {
            let (n, e2) = next(we);
            match n.as_str() {
                "américain" | "américains" | "us" => (Some("USD"), e2),
                "canadien" | "canadiens" => (Some("CAD"), e2),
                "australien" | "australiens" => (Some("AUD"), e2),
                _ => (Some("USD"), we),
            }
        }
        "bucks" if lang == Lang::En => (Some("USD"), we),
        "us" | "u" if lang == Lang::En => {
            // "US dollars", "U.S. dollars"
            let mut e = we;
            if lw == "u" {
                if t.get(we..we + 3) != Some(".S.") {
                    return None;
                }
                e = we + 3;
            }
            let (n, e2) = next(e);
            if matches!(n.as_str(), "dollar" | "dollars") {
                (Some("USD"), e2)
            } else {
                return None;
            }
        }
        "canadian" | "australian" | "singapore" | "swiss" | "american" if lang == Lang::En => {
            let (n, e2) = next(we);
            let code = match (lw, n.as_str()) {
                ("canadian", "dollar" | "dollars") => "CAD",
                ("australian", "dollar" | "dollars") => "AUD",
                ("singapore", "dollar" | "dollars") => "SGD",
                ("american", "dollar" | "dollars") => "USD",
                ("swiss", "franc" | "francs") => "CHF",
                _ => return None,
            };
            (Some(code), e2)
        }
        "livre" | "livres" => {
            let (n, e2) = next(we);
            if matches!(n.as_str(), "sterling" | "sterlings") {
                (Some("GBP"), e2)
            } else if lenient {
                (Some("GBP"), we)
            } else {
                return None;
            }
        }
        "pound" | "pounds" => {
            let (n, e2) = next(we);
            if n.as_str() == "sterling" {
                (Some("GBP"), e2)
            } else {
                (Some("GBP"), we)
            }
        }
        "sterling" => (Some("GBP"), we),
        "franc" | "francs" => {
            let (n, e2) = next(we);
            match n.as_str() {
                "suisse" | "suisses" => (Some("CHF"), e2),
                "cfa" => (Some("XOF"), e2),
                _ => (None, we),
            }
        }
        "yen" | "yens" => (Some("JPY"), we),
        "yuan" | "yuans" | "renminbi" => (Some("CNY"), we),
        "roupie" | "roupies" | "rupee" | "rupees" => (Some("INR"), we),
        "shekel" | "shekels" => (Some("ILS"), we),
        "rouble" | "roubles" | "ruble" | "rubles" => (Some("RUB"), we),
        "ringgit" | "ringgits" => (Some("MYR"), we),
        "dinar" | "dinars" | "rial" | "rials" | "riyal" | "riyals" | "dirham" | "dirhams" => {
            (None, we)
        }
        _ => return None,
    };
    Some(r)
}

// ----------------------------------------------------------------- the core

/// Number + scale + currency.
#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    num: Num,
    scale: i32,
    money: bool,
    currency: Option<&'static str>,
    /// Currency given after the number (can be shared with the range's
    /// lower bound).
    currency_after: bool,
}

impl Core {
    fn value(&self) -> Dec {
        self.num.val.scaled(self.scale)
    }
    fn big(&self) -> bool {
        self.scale >= 6 || self.num.big_words
    }
}

fn parse_num(t: &str, i: usize, lang: Lang) -> Option<Num> {
    let c = char_at(t, i)?;
    if c.is_ascii_digit() {
        parse_digits(t, i, lang)
    } else if c.is_alphabetic() {
        parse_words(t, i, lang)
    } else {
        None
    }
}

/// Parses the core whose number starts at `i`; the currency before it, if
/// any, is looked for backwards.
fn parse_core(t: &Txt, i: usize, floor: usize, lang: Lang) -> Option<Core> {
    let num = parse_num(t, i, lang)?;
    let mut start = num.start;
    let mut cur_before = None;
    if let Some(c) = char_before(t, i) {
        let before = currency_before(t, i).filter(|(_, s)| *s >= floor);
        if c.is_alphabetic() {
            // Glued to letters: only a currency code ("USD1,23").
            let (code, s) = before?;
            cur_before = Some(code);
            start = s;
        } else if let Some((code, s)) = before {
            cur_before = Some(code);
            start = s;
        }
    }
    finish_core(t, start, num, cur_before, lang)
}

/// Parses a core forwards from `p`: optional currency, number, scale,
/// currency.
fn parse_core_fwd(t: &Txt, p: usize, lang: Lang) -> Option<Core> {
    let q = skip_sp(t, p);
    let c = char_at(t, q)?;
    let (num_start, cur_before) = if let Some(code) = symbol(c) {
        (skip_sp(t, q + c.len_utf8()), Some(Some(code)))
    } else if c.is_ascii_uppercase() {
        let we = word_end(t, q);
        let w = t.get(q..we)?;
        if w == "US" && char_at(t, we) == Some('$') {
            (skip_sp(t, we + 1), Some(Some("USD")))
        } else if let Some(code) = code(w) {
            (skip_sp(t, we), Some(Some(code)))
        } else {
            (q, None)
        }
    } else {
        (q, None)
    };
    // A number in words with a capital is refused below: "à Dunkerque" is
    // not worth reading as words (the capital is the first character,
    // which `parse_num` reads as words when it is a letter).
    if char_at(t, num_start).is_some_and(|c| !c.is_ascii_digit() && c.is_uppercase()) {
        return None;
    }
    let num = parse_num(t, num_start, lang)?;
    if num.words && num.capital {
        return None;
    }
    finish_core(t, q, num, cur_before, lang)
}

fn finish_core(
    t: &Txt,
    start: usize,
    num: Num,
    cur_before: Option<Option<&'static str>>,
    lang: Lang,
) -> Option<Core> {
    let mut end = num.end;
    let mut scale = 0;
    let mut needs_cur = false;
    if let Some((pow, e, nc)) = parse_scale(t, end, lang) {
        scale = pow;
        end = e;
        needs_cur = nc;
    }
    let big = scale >= 6 || num.big_words;
    let mut currency_after = false;
    let mut money = cur_before.is_some();
    let mut currency = cur_before.flatten();
    if let Some((code, e)) = currency_after_fn(t, end, big, lang) {
        if cur_before.is_none() || code == currency {
            end = e;
            money = true;
            currency_after = true;
            currency = currency.or(code);
        }
    }
    if needs_cur && !money {
        return None;
    }
    // Glued to letters after ("1er", "4G", "15h"): not an amount.
    if char_at(t, end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(Core {
        start,
        end,
        num,
        scale,
        money,
        currency,
        currency_after,
    })
}

fn currency_after_fn(t: &Txt, p: usize, de_ok: bool, lang: Lang) -> Option<Cur> {
    currency_after(t, p, de_ok, lang).or_else(|| {
        // English text may use the French forms and vice versa ("euros").
        let other = if lang == Lang::Fr { Lang::En } else { Lang::Fr };
        // Only the forms of `currency_after` that depend on the language can
        // match now: "de"/"d'" (French) and the English-only words.
        let (w, _, _) = next_word(t, p)?;
        let dependent = match other {
            Lang::Fr => de_ok && matches!(w.as_str(), "de" | "d"),
            Lang::En => matches!(
                w.as_str(),
                "bucks"
                    | "us"
                    | "u"
                    | "canadian"
                    | "australian"
                    | "singapore"
                    | "swiss"
                    | "american"
            ),
        };
        if !dependent {
            return None;
        }
        let r = currency_after(t, p, de_ok, other)?;
        r.0.map(|_| r)
    })
}

// --------------------------------------------------------------- qualifiers

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("un peu plus de ", Qualifier::AtLeast),
    ("pas moins de ", Qualifier::AtLeast),
    ("pas moins d'", Qualifier::AtLeast),
    ("pas plus de ", Qualifier::AtMost),
    ("pas plus d'", Qualifier::AtMost),
    ("no more than ", Qualifier::AtMost),
    ("not more than ", Qualifier::AtMost),
    ("no less than ", Qualifier::AtLeast),
    ("not less than ", Qualifier::AtLeast),
    ("plus de ", Qualifier::AtLeast),
    ("plus d'", Qualifier::AtLeast),
    ("plus que ", Qualifier::AtLeast),
    ("au moins ", Qualifier::AtLeast),
    ("au-delà de ", Qualifier::AtLeast),
    ("au delà de ", Qualifier::AtLeast),
    ("supérieur à ", Qualifier::AtLeast),
    ("more than ", Qualifier::AtLeast),
    ("at least ", Qualifier::AtLeast),
    ("in excess of ", Qualifier::AtLeast),
    ("upwards of ", Qualifier::AtLeast),
    ("over ", Qualifier::AtLeast),
    ("above ", Qualifier::AtLeast),
    ("jusqu'à ", Qualifier::AtMost),
    ("jusqu'a ", Qualifier::AtMost),
    ("moins de ", Qualifier::AtMost),
    ("moins d'", Qualifier::AtMost),
    ("au maximum ", Qualifier::AtMost),
    ("au plus ", Qualifier::AtMost),
    ("en-dessous de ", Qualifier::AtMost),
    ("en dessous de ", Qualifier::AtMost),
    ("inférieur à ", Qualifier::AtMost),
    ("up to ", Qualifier::AtMost),
    ("less than ", Qualifier::AtMost),
    ("fewer than ", Qualifier::AtMost),
    ("lower than ", Qualifier::AtMost),
    ("at most ", Qualifier::AtMost),
    ("under ", Qualifier::AtMost),
    ("below ", Qualifier::AtMost),
    ("à peu près ", Qualifier::Approx),
    ("de l'ordre de ", Qualifier::Approx),
    ("de l'ordre d'", Qualifier::Approx),
    ("pas loin de ", Qualifier::Approx),
    ("près de ", Qualifier::Approx),
    ("près d'", Qualifier::Approx),
    ("environ ", Qualifier::Approx),
    ("env. ", Qualifier::Approx),
    ("quelque ", Qualifier::Approx),
    ("autour de ", Qualifier::Approx),
    ("presque ", Qualifier::Approx),
    ("quasiment ", Qualifier::Approx),
    ("quasi ", Qualifier::Approx),
    ("approximativement ", Qualifier::Approx),
    ("nearly ", Qualifier::Approx),
    ("almost ", Qualifier::Approx),
    ("about ", Qualifier::Approx),
    ("around ", Qualifier::Approx),
    ("some ", Qualifier::Approx),
    ("approximately ", Qualifier::Approx),
    ("roughly ", Qualifier::Approx),
    ("close to ", Qualifier::Approx),
    ("an estimated ", Qualifier::Approx),
    ("approx. ", Qualifier::Approx),
    ("circa ", Qualifier::Approx),
];

/// The text just before `start` (at most ~48 bytes), lowercased, with
/// apostrophes and spaces normalised, on the stack.
struct Back {
    buf: [u8; 64],
    len: usize,
}

impl Back {
    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    fn push1(&mut self, x: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = x;
            self.len += 1;
        }
    }

    fn push(&mut self, bytes: &[u8]) {
        for &x in bytes {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = x;
                self.len += 1;
            }
        }
    }
}

fn lookback(t: &str, start: usize) -> Back {
    let mut s = start.saturating_sub(32);
    while !t.is_char_boundary(s) {
        s += 1;
    }
    let mut out = Back {
        buf: [0u8; 64],
        len: 0,
    };
    let w = t.get(s..start).unwrap_or_default();
    let b = w.as_bytes();
    // At most 32 bytes in, never more out: `buf` cannot overflow.
    let mut last_space = false;
    if b.is_ascii() {
        // The usual case, byte by byte with no decoding.
        let mut len = 0;
        for &x in b {
            let space = x == b' ' || x == b'\n' || x == b'\t';
            if !(space && last_space) {
                if let Some(slot) = out.buf.get_mut(len) {
                    *slot = if space { b' ' } else { x.to_ascii_lowercase() };
                    len += 1;
                }
            }
            last_space = space;
        }
        out.len = len;
        return out;
    }
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if x == b' ' || x == b'\n' || x == b'\t' {
                if !last_space {
                    out.push1(b' ');
                    last_space = true;
                }
            } else {
                out.push1(x.to_ascii_lowercase());
                last_space = false;
            }
            i += 1;
            continue;
        }
        // A whole character of 2 to 4 bytes (`w` is UTF-8), read as bytes:
        // U+00A0, U+2007–U+200A and U+202F are spaces, U+2019 and U+02BC
        // apostrophes, and Latin-1 capitals (C3 80–9E but ×) are lowered as
        // `Low` does; any other character is kept as it is.
        let n = if x >= 0xf0 {
            4
        } else if x >= 0xe0 {
            3
        } else {
            2
        };
        let ch = b.get(i..i + n).unwrap_or_default();
        match ch {
            [0xc2, 0xa0] | [0xe2, 0x80, 0x87..=0x8a | 0xaf] => {
                if !last_space {
                    out.push1(b' ');
                    last_space = true;
                }
            }
            [0xe2, 0x80, 0x99] | [0xca, 0xbc] => {
                out.push1(b'\'');
                last_space = false;
            }
            [0xc3, y] => {
                out.push1(0xc3);
                out.push1(if (0x80..=0x9e).contains(y) && *y != 0x97 {
                    y + 0x20
                } else {
                    *y
                });
                last_space = false;
            }
            _ => {
                out.push(ch);
                last_space = false;
            }
        }
        i += n;
    }
    out
}

fn ends_with_phrase(lb: &[u8], phrase: &str) -> bool {
    let p = phrase.as_bytes();
    // Compared from the end, byte by byte: most phrases differ within a
    // byte or two (cheaper than a memcmp call per phrase).
    lb.len() >= p.len()
        && lb.iter().rev().zip(p.iter().rev()).all(|(a, b)| a == b)
        && lb
            .len()
            .checked_sub(p.len() + 1)
            .and_then(|i| lb.get(i))
            .is_none_or(|&b| !b.is_ascii_alphanumeric() && b < 0x80)
}

#[cfg(test)]
/// For the last byte of a phrase (row 0: a space, row 1: an apostrophe) and
/// the byte before it, the set of [`QUALIFIERS`] (bit `k` for the `k`-th)
/// that end with those two bytes.
static QUALIFIERS_BY_END: [[u64; 256]; 2] = {
    assert!(QUALIFIERS.len() <= 64);
    let mut out = [[0u64; 256]; 2];
    let mut k = 0;
    while k < QUALIFIERS.len() {
        let p = QUALIFIERS[k].0.as_bytes();
        let n = p.len();
        assert!(n >= 2 && (p[n - 1] == b' ' || p[n - 1] == b'\''));
        let row = if p[n - 1] == b' ' { 0 } else { 1 };
        out[row][p[n - 2] as usize] |= 1 << k;
        k += 1;
    }
    out
};

#[cfg(test)]
/// The phrases of [`QUALIFIERS`] that may end `lb` (by its last two bytes).
fn qualifier_candidates(l1: u8, l2: u8) -> u64 {
    let row = match l1 {
        b' ' => 0,
        b'\'' => 1,
        _ => return 0,
    };
    QUALIFIERS_BY_END
        .get(row)
        .and_then(|r| r.get(usize::from(l2)))
        .copied()
        .unwrap_or(0)
}

#[cfg(test)]
fn qualifier_before(lb: &[u8]) -> Qualifier {
    // Every phrase ends with a space or an apostrophe: only the phrases
    // that end with the last two bytes are compared, in their order.
    let n = lb.len();
    let (Some(&l1), Some(&l2)) = (lb.last(), n.checked_sub(2).and_then(|i| lb.get(i))) else {
        return Qualifier::Exact;
    };
    let mut m = qualifier_candidates(l1, l2);
    while m != 0 {
        if let Some((p, q)) = QUALIFIERS.get(m.trailing_zeros() as usize) {
            if ends_with_phrase(lb, p) {
                return *q;
            }
        }
        m &= m - 1;
    }
    Qualifier::Exact
}

/// Longest phrase of [`QUALIFIERS`] in bytes.
const QUALIFIER_MAX: usize = {
    let mut m = 0;
    let mut k = 0;
    while k < QUALIFIERS.len() {
        if QUALIFIERS[k].0.len() > m {
            m = QUALIFIERS[k].0.len();
        }
        k += 1;
    }
    m
};

/// The bytes of [`QUALIFIERS`] numbered from 1 (0: a byte in no phrase).
static QUALIFIER_CLASS: [u8; 256] = {
    let mut out = [0u8; 256];
    let mut n = 0u8;
    let mut k = 0;
    while k < QUALIFIERS.len() {
        let p = QUALIFIERS[k].0.as_bytes();
        let mut i = 0;
        while i < p.len() {
            if out[p[i] as usize] == 0 {
                n += 1;
                out[p[i] as usize] = n;
            }
            i += 1;
        }
        k += 1;
    }
    assert!((n as usize) < QUALIFIER_CLASSES);
    out
};

/// More than the number of distinct bytes in [`QUALIFIERS`].
const QUALIFIER_CLASSES: usize = 40;

/// `[d][class]`: the phrases of [`QUALIFIERS`] (bit `k` for the `k`-th)
/// whose `d`-th byte from the end (`d` = 1 for the last) is of that class.
static QUALIFIER_AT: [[u64; QUALIFIER_CLASSES]; QUALIFIER_MAX + 1] = {
    let mut out = [[0u64; QUALIFIER_CLASSES]; QUALIFIER_MAX + 1];
    let mut k = 0;
    while k < QUALIFIERS.len() {
        let p = QUALIFIERS[k].0.as_bytes();
        let mut d = 1;
        while d <= p.len() {
            out[d][QUALIFIER_CLASS[p[p.len() - d] as usize] as usize] |= 1 << k;
            d += 1;
        }
        k += 1;
    }
    out
};

/// `[n]`: the phrases of [`QUALIFIERS`] that are `n` bytes long.
static QUALIFIER_LEN: [u64; QUALIFIER_MAX + 1] = {
    let mut out = [0u64; QUALIFIER_MAX + 1];
    let mut k = 0;
    while k < QUALIFIERS.len() {
        out[QUALIFIERS[k].0.len()] |= 1 << k;
        k += 1;
    }
    out
};

/// Matching of the phrases of [`QUALIFIERS`] against the lookback read
/// from its end, one byte at a time.
struct QualifierMatch {
    /// Phrases whose last `depth` bytes are those read.
    alive: u64,
    /// Phrases read whole, with a byte before them that ends a word.
    matched: u64,
    depth: usize,
}

impl QualifierMatch {
    /// Reads the byte before those read; false when no phrase is left.
    fn push(&mut self, x: u8) -> bool {
        // Phrases read whole: `x` is the byte before them.
        let ended = self.alive & QUALIFIER_LEN.get(self.depth).copied().unwrap_or(0);
        if x < 0x80 && !x.is_ascii_alphanumeric() {
            self.matched |= ended;
        }
        self.depth += 1;
        let class = usize::from(QUALIFIER_CLASS[usize::from(x)]);
        self.alive &= QUALIFIER_AT
            .get(self.depth)
            .and_then(|r| r.get(class))
            .copied()
            .unwrap_or(0);
        self.alive != 0
    }

    /// The first phrase of [`QUALIFIERS`] that matched, when the lookback
    /// ends (`at_start`: every byte was read).
    fn result(&self, at_start: bool) -> Qualifier {
        let mut m = self.matched;
        if at_start {
            m |= self.alive & QUALIFIER_LEN.get(self.depth).copied().unwrap_or(0);
        }
        QUALIFIERS
            .get(m.trailing_zeros() as usize)
            .map_or(Qualifier::Exact, |(_, q)| *q)
    }
}

/// `qualifier_before(lookback(t, start).bytes())`, read backwards from
/// `start` only as far as some phrase may still match: the bytes that
/// [`lookback`] would give are produced from its end (same window, same
/// spaces, apostrophes and capitals) and every phrase is compared with
/// them at once, byte by byte ([`QualifierMatch`]).
fn qualifier_at(t: &str, start: usize) -> Qualifier {
    let mut s = start.saturating_sub(32);
    while !t.is_char_boundary(s) {
        s += 1;
    }
    let b = t.as_bytes();
    let mut m = QualifierMatch {
        alive: u64::MAX >> (64 - QUALIFIERS.len()),
        matched: 0,
        depth: 0,
    };
    let mut i = start;
    let mut last_was_space = false;
    while i > s {
        let Some(&x) = b.get(i - 1) else { break };
        // The character ending at `i`.
        let mut j = i - 1;
        if x >= 0x80 {
            while j > s && b.get(j).is_some_and(|&y| (0x80..0xc0).contains(&y)) {
                j -= 1;
            }
        }
        let ch = b.get(j..i).unwrap_or_default();
        i = j;
        let space = matches!(
            ch,
            [b' ' | b'\n' | b'\t'] | [0xc2, 0xa0] | [0xe2, 0x80, 0x87..=0x8a | 0xaf]
        );
        let going = if space {
            // A run of spaces gives one ' ' (the lookback's first of the run).
            let going = last_was_space || m.push(b' ');
            last_was_space = true;
            going
        } else {
            last_was_space = false;
            match ch {
                [y] => m.push(y.to_ascii_lowercase()),
                [0xe2, 0x80, 0x99] | [0xca, 0xbc] => m.push(b'\''),
                [0xc3, y] => {
                    let low = if (0x80..=0x9e).contains(y) && *y != 0x97 {
                        y + 0x20
                    } else {
                        *y
                    };
                    m.push(low) && m.push(0xc3)
                }
                _ => ch.iter().rev().all(|&y| m.push(y)),
            }
        };
        if !going {
            return m.result(false);
        }
    }
    m.result(true)
}

// ------------------------------------------------------------------ filters

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "janvier"
            | "février"
            | "fevrier"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "août"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "décembre"
            | "decembre"
            | "janv"
            | "févr"
            | "fév"
            | "avr"
            | "juil"
            | "sept"
            | "oct"
            | "nov"
            | "déc"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "dec"
    )
}

/// Units and words after a number that make it a measure, not a count.
fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "pourcent"
            | "percent"
            | "pct"
            | "points"
            | "point"
            | "pts"
            | "pt"
            | "bps"
            | "pb"
            | "km"
            | "km2"
            | "m"
            | "m2"
            | "m3"
            | "cm"
            | "mm"
            | "kg"
            | "g"
            | "t"
            | "tonnes"
            | "tonne"
            | "tons"
            | "h"
            | "heures"
            | "heure"
            | "hours"
            | "hour"
            | "min"
            | "minutes"
            | "minute"
            | "s"
            | "secondes"
            | "seconds"
            | "ans"
            | "an"
            | "années"
            | "année"
            | "years"
            | "year"
            | "mois"
            | "months"
            | "month"
            | "jours"
            | "jour"
            | "days"
            | "day"
            | "semaines"
            | "semaine"
            | "weeks"
            | "week"
            | "fois"
            | "times"
            | "hectares"
            | "hectare"
            | "ha"
            | "mw"
            | "gw"
            | "kw"
            | "mwh"
            | "gwh"
            | "twh"
            | "kwh"
            | "mwc"
            | "gwc"
            | "w"
            | "kv"
            | "go"
            | "gb"
            | "mo"
            | "mb"
            | "tb"
            | "degrés"
            | "degrees"
            | "ml"
            | "l"
            | "litres"
            | "liters"
            | "mètres"
            | "metres"
            | "meters"
            | "kilomètres"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "mile"
            | "pieds"
            | "feet"
            | "ft"
            | "ghz"
            | "mhz"
            | "nm"
            | "x"
            | "ème"
            | "e"
            | "er"
            | "th"
            | "st"
            | "nd"
            | "rd"
    ) || is_month(w)
}

/// Words before a number that make it a reference, not a count.
fn is_reference(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "articles"
            | "art"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "n"
            | "no"
            | "nº"
            | "numéro"
            | "numero"
            | "number"
            | "chapitre"
            | "chapter"
            | "section"
            | "alinéa"
            | "paragraphe"
            | "paragraph"
            | "tome"
            | "volume"
            | "vol"
            | "ligne"
            | "line"
            | "figure"
            | "fig"
            | "tableau"
            | "table"
            | "annexe"
            | "annex"
            | "niveau"
            | "level"
            | "étape"
            | "step"
            | "phase"
            | "version"
            | "saison"
            | "season"
            | "épisode"
            | "episode"
            | "rue"
            | "avenue"
            | "boulevard"
            | "route"
            | "autoroute"
            | "décret"
            | "loi"
            | "top"
            | "covid"
            | "cop"
            | "série"
            | "series"
            | "lot"
            | "zone"
            | "tranche"
            | "rang"
            | "classe"
            | "catégorie"
            | "category"
            | "type"
            | "model"
            | "modèle"
            | "gen"
            | "génération"
            | "generation"
            | "vers"
            | "since"
            | "depuis"
            | "fin"
            | "début"
            | "mi"
            | "d'ici"
            | "ici"
            | "by"
            | "until"
            | "jusqu'en"
    ) || is_month(w)
}

/// Function words: a number word followed by one of these is not counting
/// anything ("un bâtiment neuf de 500 m2").
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "de" | "du"
            | "des"
            | "d"
            | "à"
            | "au"
            | "aux"
            | "en"
            | "et"
            | "ou"
            | "pour"
            | "par"
            | "sur"
            | "dans"
            | "avec"
            | "le"
            | "la"
            | "les"
            | "l"
            | "qui"
            | "que"
            | "est"
            | "sont"
            | "of"
            | "the"
            | "to"
            | "in"
            | "and"
            | "or"
            | "for"
            | "by"
            | "on"
            | "at"
            | "a"
            | "an"
            | "is"
            | "are"
            | "was"
            | "were"
    )
}

/// Nouns that make a count of a 4-digit number that looks like a year.
fn is_people_noun(w: &str) -> bool {
    matches!(
        w,
        "emplois"
            | "postes"
            | "salariés"
            | "personnes"
            | "employés"
            | "collaborateurs"
            | "embauches"
            | "recrutements"
            | "jobs"
            | "employees"
            | "workers"
            | "people"
            | "staff"
    )
}

/// Nouns after "N millions de" that are money ("3 milliards de chiffre
/// d'affaires").
fn is_money_noun(w: &str) -> bool {
    matches!(
        w,
        "chiffre"
            | "financement"
            | "financements"
            | "investissement"
            | "investissements"
            | "dette"
            | "dettes"
            | "pertes"
            | "perte"
            | "bénéfice"
            | "bénéfices"
            | "subvention"
            | "subventions"
            | "capital"
            | "fonds"
            | "revenus"
            | "recettes"
            | "aides"
            | "aide"
            | "crédits"
            | "crédit"
            | "prêts"
            | "prêt"
            | "dépenses"
            | "budget"
            | "ventes"
            | "levée"
            | "valorisation"
            | "commandes"
            | "contrats"
            | "funding"
            | "investment"
            | "investments"
            | "debt"
            | "losses"
            | "profit"
            | "profits"
            | "revenue"
            | "sales"
            | "capex"
            | "financing"
            | "loans"
            | "grants"
            | "orders"
    )
}

const FINANCIAL: &[&str] = &[
    "invest",
    "lever",
    "lève",
    "levé",
    "levée",
    "financ",
    "valoris",
    "valuat",
    "valued",
    "capital",
    "chiffre d'affaires",
    "budget",
    "enveloppe",
    "coût",
    "cost",
    "montant",
    "subvention",
    "prêt",
    "loan",
    "dette",
    "debt",
    "rachat",
    "rachet",
    "acqui",
    "raise",
    "raising",
    "funding",
    "fund",
    "revenue",
    "sales",
    "ventes",
    "recherche",
    "bénéfice",
    "profit",
    "perte",
    "losses",
    "deal",
    "contrat",
    "contract",
    "dépens",
    "spend",
    "euro",
    "dollar",
    "€",
    "$",
    "£",
    "payé",
    "paid",
    "pay",
    "injecte",
    "tour de table",
    "round",
    "crédit",
    "credit",
    "fonds",
    "prix",
    "price",
    "worth",
    "cash",
    "trésorerie",
    "débloqu",
    "allou",
    "allocat",
    "pledge",
    "commit",
    "engag",
    "mise",
    "apport",
    "offre",
    "offer",
    "bid",
    "dotation",
    "fiscal",
];

/// Is the neighbourhood of `start..end` about money?
fn financial_context(t: &str, start: usize, end: usize) -> bool {
    let mut s = start.saturating_sub(100);
    while !t.is_char_boundary(s) {
        s += 1;
    }
    let mut e = (end + 60).min(t.len());
    while !t.is_char_boundary(e) {
        e -= 1;
    }
    // Lowercased (ASCII directly), ’ as '.
    let win = t.get(s..e).unwrap_or_default();
    let mut w = String::with_capacity(win.len() + 8);
    for c in win.chars() {
        if c.is_ascii() {
            w.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                w.push(if l == '\u{2019}' { '\'' } else { l });
            }
        }
    }
    FINANCIAL.iter().any(|k| w.contains(k))
}

/// The next word after `p` (skipping spaces), lowercased, with its start;
/// `None` if the next thing is not a word.
fn next_word<'t>(t: &Txt<'t>, p: usize) -> Option<(Low<'t>, usize, usize)> {
    let q = skip_sp(t, p);
    let (e, low) = t.word_low(q);
    (e > q).then_some((low, q, e))
}

/// The word just before `p` (skipping spaces), with its start.
fn prev_word(t: &str, p: usize) -> Option<(&str, usize)> {
    let q = skip_sp_back(t, p);
    let s = word_start_back(t, q);
    (s < q).then(|| (t.get(s..q).unwrap_or_default(), s))
}

/// Is the character before `p` (skipping spaces) a sentence start?
fn at_sentence_start(t: &str, p: usize) -> bool {
    let q = skip_sp_back(t, p);
    char_before(t, q).is_none_or(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '\n' | '"' | '(' | ':' | '«' | '“' | '-' | '—' | '–' | '•' | '*'
        )
    })
}

/// End of a run of digit groups joined by single spaces, `.`, `-`, `/`, `:`
/// (a phone number, a date, a code).
fn code_run_end(t: &str, i: usize) -> usize {
    let mut j = i + digits_at(t, i);
    while let Some(&b) = t.as_bytes().get(j) {
        if matches!(b, b' ' | b'.' | b'-' | b'/' | b':') && digits_at(t, j + 1) > 0 {
            j += 1 + digits_at(t, j + 1);
        } else {
            break;
        }
    }
    j.max(i + 1)
}

/// Date, phone number, code: 3+ numeric groups joined by the same `.`, `-`
/// or `/`, or 2+ groups with `/` or `:`, or a `+` before.
fn is_code_like(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    if matches!(
        char_before(t, i),
        Some('+' | '#' | '/' | '°' | '№' | '-' | '.' | ',' | ':')
    ) {
        // "+33", "#5", "n°5", "COVID-19", "12/03", "49.3"-tails.
        let prev = char_before(t, i);
        if prev == Some('-') {
            // "COVID-19", "A-380" are codes; " - 5" or "10-20" are not.
            let q = i - 1;
            return char_before(t, q).is_some_and(char::is_alphabetic);
        }
        return prev != Some('.') && prev != Some(',')
            || char_before(t, i - 1).is_some_and(|c| c.is_ascii_digit());
    }
    // Groups.
    let mut j = i;
    let mut groups = 0;
    let mut sep: Option<u8> = None;
    let mut all3 = true;
    let mut spaced_small = 0;
    loop {
        let d = digits_at(t, j);
        if d == 0 {
            break;
        }
        if groups > 0 && d != 3 {
            all3 = false;
        }
        if d == 2 {
            spaced_small += 1;
        }
        groups += 1;
        j += d;
        match b.get(j) {
            Some(&s @ (b'.' | b'-' | b'/' | b':')) if sep.is_none_or(|x| x == s) => {
                if digits_at(t, j + 1) == 0 {
                    break;
                }
                if s == b'/' || s == b':' {
                    return true;
                }
                sep = Some(s);
                j += 1;
            }
            Some(b' ') if sep.is_none_or(|x| x == b' ') && digits_at(t, j + 1) == 2 => {
                sep = Some(b' ');
                j += 1;
            }
            _ => break,
        }
    }
    if sep == Some(b' ') {
        // "01 23 45 67 89"
        return groups >= 4 && spaced_small >= 4;
    }
    groups >= 3 && !all3
}

// ------------------------------------------------------------------ driver

/// Tries to read an amount whose number starts at `i`.
/// The caller has checked that a number starting with a digit is not
/// code-like ([`is_code_like`]).
fn amount_at(t: &Txt, i: usize, floor: usize, lang: Lang) -> Option<(Amount, usize)> {
    let mut c1 = parse_core(t, i, floor, lang)?;
    let start0 = c1.start;
    // The text before the amount, read once when a range connector needs
    // its intro ("entre", "between"...; the start never moves: a range
    // keeps the lower bound's start). The qualifier reads it backwards
    // ([`qualifier_at`]).
    let back = std::cell::OnceCell::new();
    let back = || back.get_or_init(|| lookback(t, start0));
    let intro = |p: &str| ends_with_phrase(back().bytes(), p);

    // Range.
    let mut c2: Option<Core> = None;
    {
        let q = skip_sp(t, c1.end);
        let conn_end = match char_at(t, q) {
            Some('-' | '–' | '—') => Some(q + char_at(t, q).map_or(1, char::len_utf8)),
            Some(_) => {
                let (we, lw) = t.word_low(q);
                let w = t.get(q..we).unwrap_or_default();
                let ok = match lw.as_str() {
                    // "rose by $277 billion to $2.3 trillion" is a change.
                    "à" | "to" => !intro("by ") && !intro("of "),
                    "et" => intro("entre "),
                    "and" => intro("between ") || intro("from "),
                    _ => false,
                };
                (ok && !char_at(t, q + w.len()).is_some_and(is_alnum)).then_some(q + w.len())
            }
            None => None,
        };
        if let Some(ce) = conn_end {
            if let Some(mut b) = parse_core_fwd(t, ce, lang) {
                if !(b.num.plain && is_code_like(t, b.num.start)) {
                    let mut a = c1;
                    if a.scale == 0
                        && !a.num.big_words
                        && b.scale > 0
                        && a.num.val.lt(Dec { mant: 1000, exp: 0 })
                    {
                        a.scale = b.scale;
                    }
                    let cur_ok = match (a.money, b.money) {
                        (true, true) => a.currency == b.currency,
                        _ => true,
                    };
                    // A currency after the lower bound carries to the upper
                    // one, and the other way round.
                    // Bounds of one range are within a factor of ten.
                    let close = b.value().to_f64() <= 10.0 * a.value().to_f64();
                    if cur_ok && close && a.value().lt(b.value()) {
                        if !b.money && a.money && a.currency_after {
                            b.money = true;
                            b.currency = a.currency;
                        }
                        if !a.money && b.money {
                            a.money = true;
                            a.currency = b.currency;
                        }
                        c1 = a;
                        c2 = Some(b);
                    }
                }
            }
        }
    }

    let start = c1.start;
    let end = c2.map_or(c1.end, |b| b.end);
    let qualifier = if c2.is_some() {
        Qualifier::Range
    } else {
        Qualifier::Exact
    };
    let money_any = c1.money || c2.is_some_and(|b| b.money);
    let big_any = c1.big() || c2.is_some_and(|b| b.big());
    let kind = if money_any {
        AmountKind::Money
    } else if big_any {
        // "600 millions": money in a financial context, unless it counts
        // something ("3 millions d'habitants").
        let last = c2.unwrap_or(c1);
        let after_de = next_word(t, last.end).and_then(|(w, _, e)| match w.as_str() {
            "de" | "of" => next_word(t, e),
            "d" if char_at(t, e).is_some_and(is_apos) => {
                next_word(t, e + char_at(t, e).map_or(1, char::len_utf8))
            }
            _ => None,
        });
        match after_de {
            Some((n, _, _)) if is_money_noun(n.as_str()) => AmountKind::Money,
            Some((_, q, _)) if char_at(t, q).is_some_and(char::is_lowercase) => AmountKind::Count,
            _ if financial_context(t, start, end) => AmountKind::Money,
            _ => AmountKind::Count,
        }
    } else {
        AmountKind::Count
    };

    if kind == AmountKind::Count && !count_ok(t, &c1, c2.as_ref()) {
        return None;
    }
    let qualifier = if qualifier == Qualifier::Exact {
        debug_assert_eq!(start, start0);
        qualifier_at(t, start)
    } else {
        qualifier
    };
    let value = c1.value().to_f64();
    let max = c2.map(|b| b.value().to_f64());
    Some((
        Amount {
            start,
            end,
            value,
            currency: if kind == AmountKind::Money {
                c1.currency.or(c2.and_then(|b| b.currency))
            } else {
                None
            },
            qualifier,
            max,
            kind,
        },
        end,
    ))
}

/// Filters for counts (no currency): years, dates, units, references, names.
fn count_ok(t: &Txt, c1: &Core, c2: Option<&Core>) -> bool {
    let last = c2.unwrap_or(c1);
    let next = next_word(t, last.end);
    let next_char = char_at(t, skip_sp(t, last.end));
    // Percent and other symbols.
    if matches!(next_char, Some('%' | '‰' | '°' | '/' | '²' | '³')) {
        return false;
    }
    if let Some((w, _, e)) = &next {
        let w = w.as_str();
        if is_unit(w) {
            return false;
        }
        // "les 3 et 4 mars": the first day of a date range.
        if matches!(w, "et" | "and" | "à" | "au" | "ou" | "or" | "to") {
            let q = skip_sp(t, *e);
            let d = digits_at(t, q);
            if d > 0 && d <= 2 && next_word(t, q + d).is_some_and(|(m, _, _)| is_month(m.as_str()))
            {
                return false;
            }
        }
        if (w == "pour" || w == "per")
            && next_word(t, *e).is_some_and(|(n, _, _)| n.as_str() == "cent")
        {
            return false;
        }
    }
    for c in std::iter::once(c1).chain(c2) {
        let n = &c.num;
        // Years: 1800–2100 written plainly.
        if n.plain && c.scale == 0 && n.end - n.start == 4 {
            let y = n.val.mant;
            if (1800..=2100).contains(&y)
                && !next
                    .as_ref()
                    .is_some_and(|(w, _, _)| is_people_noun(w.as_str()))
            {
                return false;
            }
        }
    }
    let n = &c1.num;
    if let Some((pw, ps)) = prev_word(t, c1.start) {
        let lpw = Low::new(pw);
        let lpw = lpw.as_str();
        if is_reference(lpw) {
            return false;
        }
        // Names: "CAC 40", "Windows 11" (a capitalised word that does not
        // start the sentence and is not a function word).
        if pw.chars().next().is_some_and(char::is_uppercase)
            && !at_sentence_start(t, ps)
            && !is_function_word(lpw)
            && !matches!(
                lpw,
                "plus"
                    | "environ"
                    | "près"
                    | "some"
                    | "about"
                    | "over"
                    | "around"
                    | "nearly"
                    | "almost"
                    | "quelque"
                    | "soit"
                    | "dont"
                    | "with"
                    | "avec"
                    | "ces"
                    | "these"
                    | "ses"
                    | "its"
                    | "leurs"
                    | "their"
                    | "only"
                    | "seulement"
                    | "déjà"
            )
        {
            return false;
        }
    }
    // Something capitalised right after: a name ("deux Big Tech").
    if let Some((_, q, _)) = &next {
        if char_at(t, *q).is_some_and(char::is_uppercase) {
            return false;
        }
    }
    if n.words {
        // "Big Four": a capitalised number word inside a sentence.
        if n.capital && !at_sentence_start(t, n.start) {
            return false;
        }
        // Number words followed by a function word are not counting
        // anything ("un bâtiment neuf de 500 m2").
        if next
            .as_ref()
            .is_some_and(|(w, _, _)| is_function_word(w.as_str()))
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan of `find_amounts` as it was written, position by position
    /// (without `skip_quiet`).
    fn find_amounts_stepwise(text: &str, lang: Lang) -> Vec<Amount> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        let mut floor = 0;
        while let Some(&c) = b.get(i) {
            if c.is_ascii_digit() {
                if is_code_like(text, i) {
                    i = code_run_end(text, i);
                    continue;
                }
                match amount_at(&Txt::new(text), i, floor, lang) {
                    Some((a, end)) => {
                        out.push(a);
                        i = end.max(i + 1);
                        floor = end;
                    }
                    None => i = skip_alnum(text, i),
                }
            } else if c.is_ascii_alphabetic() || c >= 0xC0 {
                let we = word_end(text, i);
                if we == i {
                    i = next_boundary(text, i);
                    continue;
                }
                if !char_before(text, i).is_some_and(is_alnum)
                    && starts_number_word(text, i, we, lang)
                {
                    if let Some((a, end)) = amount_at(&Txt::new(text), i, floor, lang) {
                        out.push(a);
                        i = end.max(we);
                        floor = end;
                        continue;
                    }
                }
                i = we;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn skipping_quiet_text_finds_the_same_amounts() {
        let pieces = [
            " ",
            " ",
            " ",
            "  ",
            "\n",
            ".",
            ",",
            "-",
            "'",
            "(",
            "\"",
            "é",
            "café",
            "Été",
            "×",
            "€",
            "$",
            "£",
            "US$",
            "M€",
            "Md€",
            "bn",
            "m",
            "k",
            "%",
            "3",
            "12",
            "1,2",
            "4.5",
            "000",
            "2024",
            "A380",
            "CO2",
            "+33",
            "n°",
            "the",
            "The",
            "a",
            "A",
            "an",
            "and",
            "on",
            "one",
            "One",
            "ONE",
            "de",
            "des",
            "d'euros",
            "euros",
            "dollars",
            "millions",
            "milliard",
            "billion",
            "million",
            "thousand",
            "hundred",
            "cent",
            "mille",
            "un",
            "une",
            "Une",
            "deux",
            "Deux",
            "trois",
            "douze",
            "vingt",
            "vingt-trois",
            "quatre-vingt",
            "dix-sept",
            "twenty-one",
            "forty",
            "for",
            "fort",
            "zéro",
            "Zéro",
            "ZÉRO",
            "zero",
            "et",
            "à",
            "to",
            "entre",
            "between",
            "from",
            "by",
            "plus de",
            "more than",
            "about",
            "emplois",
            "jobs",
            "salariés",
            "Mistral",
            "AI",
            "ün",
            "ñ",
            "x",
            "ab",
            "quinze",
            "quand",
            "qui",
            "seize",
            "six",
            "sixty",
            "sixième",
            "deuxième",
            "thirty",
            "hundreds",
            "ten",
            "tens",
            "eleven",
        ];
        for (round, t) in crate::testutil::random_texts(&pieces, 12_345, 40_000, 32)
            .into_iter()
            .enumerate()
        {
            let lang = if round % 2 == 0 { Lang::Fr } else { Lang::En };
            assert_eq!(
                find_amounts(&t, lang),
                find_amounts_stepwise(&t, lang),
                "{t:?} {lang:?}"
            );
        }
    }

    /// `lookback` as it was written, character by character.
    fn lookback_charwise(t: &str, start: usize) -> Vec<u8> {
        let mut s = start.saturating_sub(32);
        while !t.is_char_boundary(s) {
            s += 1;
        }
        let mut out = Vec::new();
        let mut last_space = false;
        for c in t.get(s..start).unwrap_or_default().chars() {
            if is_sp(c) || c == '\n' {
                if !last_space {
                    out.push(b' ');
                    last_space = true;
                }
            } else if is_apos(c) {
                out.push(b'\'');
                last_space = false;
            } else {
                let mut tmp = [0u8; 4];
                out.extend_from_slice(Low::new(c.encode_utf8(&mut tmp)).as_str().as_bytes());
                last_space = false;
            }
        }
        out
    }

    #[test]
    fn lookback_reads_as_charwise() {
        let pieces = [
            " ",
            "  ",
            "\n",
            "\t",
            "\u{a0}",
            "’",
            "'",
            "Plus",
            "DE",
            "de",
            "É",
            "é",
            "x",
            ".",
            "€",
            "environ",
            "Près",
            "\u{202f}",
            "\u{2007}",
            "\u{200a}",
            "\u{2009}",
            "\u{2010}",
            "ʼ",
            "È",
            "×",
            "÷",
            "ÿ",
            "Ÿ",
            "ß",
            "\u{1f600}",
            "\u{2018}",
        ];
        let mut seed = 77u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 59) + 1 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(pieces[((seed >> 33) % pieces.len() as u64) as usize]);
            }
            for end in (0..=t.len()).filter(|&e| t.is_char_boundary(e)) {
                assert_eq!(
                    lookback(&t, end).bytes(),
                    lookback_charwise(&t, end),
                    "{t:?} {end}"
                );
            }
        }
    }

    /// `qualifier_before` as it was written: every phrase in order.
    fn qualifier_before_linear(lb: &[u8]) -> Qualifier {
        QUALIFIERS
            .iter()
            .find(|(p, _)| ends_with_phrase(lb, p))
            .map_or(Qualifier::Exact, |(_, q)| *q)
    }

    #[test]
    fn qualifier_table_and_gate_agree_with_the_phrase_list() {
        let mut pieces: Vec<String> = [
            " ", "  ", "\n", "\t", "\u{a0}", "\u{202f}", "’", "'", "ʼ", "É", "é", "È", "à", "À",
            "x", ".", "€", "5", "Près", "PRÈS", "DE", "D", "d", "-", "×", "÷", "\r",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (p, _) in QUALIFIERS {
            pieces.push(p.to_string());
            pieces.push(p.to_uppercase());
            pieces.push(p.trim_end().to_string());
            pieces.extend(p.split(' ').map(str::to_string));
        }
        let mut seed = 78u64;
        let mut found = 0;
        for _ in 0..30_000 {
            let mut t = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) + 1 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(&pieces[((seed >> 33) % pieces.len() as u64) as usize]);
            }
            for end in (0..=t.len()).filter(|&e| t.is_char_boundary(e)) {
                let lb = lookback(&t, end);
                let q = qualifier_before_linear(lb.bytes());
                assert_eq!(qualifier_before(lb.bytes()), q, "{t:?} {end}");
                assert_eq!(qualifier_at(&t, end), q, "{t:?} {end}");
                if q != Qualifier::Exact {
                    found += 1;
                }
            }
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn number_word_gate_is_necessary() {
        for (lang, words, heads) in [
            (Lang::Fr, FR_NUMBER_WORDS, FR_HYPHEN_HEADS),
            (Lang::En, EN_NUMBER_WORDS, EN_TENS),
        ] {
            let mut texts: Vec<String> = Vec::new();
            for w in words.iter().chain(heads) {
                let w = w.trim_end_matches('-');
                for v in [w.to_string(), w.to_uppercase(), format!("{w}-trois")] {
                    texts.push(format!("{v} "));
                    texts.push(v.clone());
                    texts.push(format!("{v}s."));
                }
            }
            for t in &texts {
                let we = word_end(t, 0);
                if starts_number_word(t, 0, we, lang) {
                    assert!(may_start_number_word(t.as_bytes(), 0, lang), "{t:?}");
                }
            }
            for w in words {
                let t = format!("{w} ");
                assert!(starts_number_word(&t, 0, w.len(), lang), "{w}");
            }
        }
        assert!(!may_start_number_word(b"the ", 0, Lang::En));
        assert!(!may_start_number_word(b"de ", 0, Lang::Fr));
        assert!(may_start_number_word(b"Three", 0, Lang::En));
    }

    /// `word_end` as it was written byte by byte.
    fn word_end_bytewise(t: &str, mut i: usize) -> usize {
        let b = t.as_bytes();
        loop {
            match b.get(i) {
                Some(x) if x.is_ascii_alphabetic() => i += 1,
                Some(0xc3) if b.get(i + 1).is_some_and(|&y| y != 0x97 && y != 0xb7) => i += 2,
                _ => break,
            }
        }
        if b.get(i).is_none_or(u8::is_ascii) {
            return i;
        }
        while let Some(c) = char_at(t, i) {
            if !c.is_alphabetic() {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    #[test]
    fn word_end_reads_eight_bytes_as_one() {
        let pieces = [
            "a",
            "Z",
            "é",
            "É",
            "×",
            "÷",
            "’",
            "€",
            " ",
            "-",
            "1",
            "@",
            "[",
            "`",
            "{",
            "ß",
            "ﬁ",
            "\u{a0}",
            "abcdefgh",
            "ABCDEFGHIJ",
            "Ωμέγα",
            "\n",
            "\u{7f}",
        ];
        let mut seed = 12345u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            let n = (seed >> 40) % 14;
            for _ in 0..n {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(pieces[((seed >> 33) % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                assert_eq!(word_end(&t, i), word_end_bytewise(&t, i), "{t:?} at {i}");
            }
        }
    }

    fn one(
        t: &str,
        lang: Lang,
    ) -> (
        String,
        f64,
        Option<&'static str>,
        Qualifier,
        Option<f64>,
        AmountKind,
    ) {
        let v = find_amounts(t, lang);
        assert_eq!(v.len(), 1, "{t:?}: {v:?}");
        let a = &v[0];
        (
            t[a.start..a.end].to_string(),
            a.value,
            a.currency,
            a.qualifier,
            a.max,
            a.kind,
        )
    }

    #[test]
    fn french_money() {
        let (s, v, c, q, _, k) = one(
            "AWS débloquera 1,2 milliard d'euros pour son expansion.",
            Lang::Fr,
        );
        assert_eq!(
            (s.as_str(), v, c, q, k),
            (
                "1,2 milliard d'euros",
                1.2e9,
                Some("EUR"),
                Qualifier::Exact,
                AmountKind::Money
            )
        );
        let (_, v, c, q, _, _) = one("il investit plus de 1,2 milliard d\u{2019}euros", Lang::Fr);
        assert_eq!((v, c, q), (1.2e9, Some("EUR"), Qualifier::AtLeast));
        assert_eq!(one("un chantier de 4 Md€ lancé", Lang::Fr).1, 4e9);
        assert_eq!(one("soit 15 M€ de plus", Lang::Fr).1, 15e6);
        assert_eq!(one("3\u{202f}000\u{a0}€", Lang::Fr).1, 3000.0);
    }

    #[test]
    fn seed_like_counts_and_negatives() {
        let v = find_amounts("L'entreprise dispose de 35 centres logistiques et émet du CO2 depuis 2024. Les deux Big Tech créent trois mille nouveaux emplois.", Lang::Fr);
        let got: Vec<(f64, AmountKind)> = v.iter().map(|a| (a.value, a.kind)).collect();
        assert_eq!(
            got,
            vec![(35.0, AmountKind::Count), (3000.0, AmountKind::Count)]
        );
        let (s, v, c, _, _, k) = one(
            "Mistral AI recherche 600 millions pour réaliser ses ambitions",
            Lang::Fr,
        );
        assert_eq!(
            (s.as_str(), v, c, k),
            ("600 millions", 6e8, None, AmountKind::Money)
        );
    }

    #[test]
    fn changes_are_not_ranges() {
        let v = find_amounts(
            "Its value rose by $277 billion to $2.3 trillion on Friday.",
            Lang::En,
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|a| a.qualifier == Qualifier::Exact));
        let v = find_amounts("Les 3 et 4 mars, 200 personnes.", Lang::Fr);
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn a_scale_word_after_a_hyphen_scales() {
        let (text, value, cur, ..) = one("Acme will build a $1.1-billion plant.", Lang::En);
        assert_eq!(
            (text.as_str(), value, cur),
            ("$1.1-billion", 1.1e9, Some("USD"))
        );
        let (_, value, cur, ..) = one("It broke ground on a Rs 9,500-crore plant.", Lang::En);
        assert_eq!((value, cur), (9.5e10, Some("INR")));
        // an abbreviation after a hyphen is no scale
        let v = find_amounts("Its $5-m line", Lang::En);
        assert!(v.iter().all(|a| a.value < 1e6), "{v:?}");
    }

    #[test]
    fn english_and_ranges() {
        assert_eq!(
            one("Microsoft will invest $4.3bn in France", Lang::En).1,
            4.3e9
        );
        let (s, v, c, q, m, _) = one("a range of $1-2bn is expected", Lang::En);
        assert_eq!(
            (s.as_str(), v, c, q, m),
            ("$1-2bn", 1e9, Some("USD"), Qualifier::Range, Some(2e9))
        );
        let (_, v, _, q, m, _) = one("entre 1 et 2 milliards d'euros", Lang::Fr);
        assert_eq!((v, q, m), (1e9, Qualifier::Range, Some(2e9)));
        let (_, v, c, q, m, _) = one("1 à 2 Md€", Lang::Fr);
        assert_eq!(
            (v, c, q, m),
            (1e9, Some("EUR"), Qualifier::Range, Some(2e9))
        );
        assert_eq!(one("£2.5 billion", Lang::En).2, Some("GBP"));
    }
}

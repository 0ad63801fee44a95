//! The analysed article the extractor works on: normalised text, a lowercase
//! copy of the same byte length, sentences, tokens and every mention found by
//! the lower layers (amounts, organisations, places, sectors, countries).

use vigie_model::{Qualifier, Sector};
use vigie_text::Lang;

/// A sentence: spans in the normalised text and in the original text, and
/// the range of its tokens in [`Doc::toks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sent {
    pub start: usize,
    pub end: usize,
    pub ostart: usize,
    pub oend: usize,
    pub t0: usize,
    pub t1: usize,
}

/// A token: a run of letters/digits, or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// First character is an uppercase letter.
    pub cap: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Amt {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub currency: Option<&'static str>,
    pub qualifier: Qualifier,
    pub max: Option<f64>,
    /// Money (a currency, or a bare amount with a scale word such as
    /// "600 millions"); otherwise a count.
    pub money: bool,
    /// Explicit currency.
    pub has_currency: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OrgM {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub canonical: String,
    /// Parent group or canonical: mentions of one family are one investor.
    pub family: String,
    pub country: Option<String>,
    pub outlet: bool,
    pub known: bool,
    /// State, region, public bank, EU...: a public funder.
    pub public: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceM {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub departement: Option<String>,
    pub commune: Option<String>,
    /// 0 commune/area, 1 département, 2 region, 3 country.
    pub rank: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SecM {
    pub start: usize,
    pub end: usize,
    pub sector: Sector,
}

/// A country named or implied (country name, "en France", demonym).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CtryM {
    pub start: usize,
    pub end: usize,
    pub country: String,
    /// An adjective ("français", "German"): often the investor's nationality.
    pub demonym: bool,
}

/// Everything known about one article's text.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub text: String,
    /// Lowercase copy, same byte offsets as `text` (a `str` by `Deref`),
    /// with the lowercase word of every token.
    pub lower: Lower,
    #[allow(dead_code)]
    pub lang: Lang,
    pub sents: Vec<Sent>,
    pub toks: Vec<Tok>,
    /// Per token: the trigger class it starts and its length in tokens.
    pub trig: Vec<Option<(crate::lexicon::Class, usize)>>,
    pub amounts: Vec<Amt>,
    pub orgs: Vec<OrgM>,
    pub places: Vec<PlaceM>,
    pub sectors: Vec<SecM>,
    pub ctrys: Vec<CtryM>,
    /// End of a dateline ("PARIS, 14 mai (AFP) -"): nothing before it is
    /// an actor or a place of an event.
    pub dateline_end: usize,
    /// Per sentence: page furniture flags ([`FURN_CHROME`], [`FURN_CAPTION`],
    /// [`FURN_BYLINE`]), computed once, and only where they matter to the
    /// analysis (sentences with a trigger or where an organisation starts):
    /// [`FURN_KNOWN`] marks those computed, [`FURN_PAGE`] those (with a
    /// trigger) whose chrome and caption flags alone are, the others are 0.
    pub furn: Vec<u8>,
    /// The tokens some per-token rule may take (see [`scan`]), in order,
    /// with their [`HIT_CAP`].. bits: the rules walk these, not every token.
    pub hits: Vec<Hit>,
    /// The shapes of the words written without a capital (from [`scan`]):
    /// a necessary test that a word occurs in lowercase.
    pub lower_shapes: Shapes,
}

/// A token index and the rules that may take it ([`HIT_CAP`] etc.).
pub(crate) type Hit = (u32, u8);
/// A capitalised word (`Tok::cap`).
pub(crate) const HIT_CAP: u8 = 1;
/// A capitalised word shaped like the first word of an outlet.
pub(crate) const HIT_OUTLET: u8 = 2;
/// A word shaped like the first word of a city of `cities` (capitalised)
/// or like one of its demonyms (lowercase, long enough).
pub(crate) const HIT_CITY: u8 = 4;
/// A capital, or a token shaped like a head of `orgs::public_bodies`.
pub(crate) const HIT_PUBLIC: u8 = 8;
/// A capitalised word shaped like a head of `orgs::public_bodies` (first
/// byte and length, `orgs::may_be_public_head_at`).
pub(crate) const HIT_PUBLIC_HEAD: u8 = 32;
/// A token shaped like a head of `orgs::institutions`.
pub(crate) const HIT_INST: u8 = 16;

/// The lowercase word of every token (`words[i]` is the text of token `i`).
pub(crate) type Words<'a> = Vec<&'a str>;

self_cell::self_cell!(
    /// The lowercase text of an article (same byte offsets as the text)
    /// and its words, sliced once per article: [`Doc::w`] and the engine
    /// read the table instead of slicing the text again.
    pub(crate) struct Lower {
        owner: String,
        #[covariant]
        dependent: Words,
    }
);

impl Lower {
    /// The lowercase text `lower` with the words of tokens `toks` (offsets
    /// into it; a token out of it reads "").
    pub fn with_words(lower: String, toks: &[Tok]) -> Lower {
        Lower::new(lower, |l| {
            toks.iter()
                .map(|t| l.get(t.start..t.end).unwrap_or(""))
                .collect()
        })
    }

    /// The lowercase word of every token.
    #[inline]
    pub fn words(&self) -> &[&str] {
        self.borrow_dependent()
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.borrow_owner()
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.borrow_owner(), f)
    }
}

impl Clone for Lower {
    fn clone(&self) -> Lower {
        let base = self.borrow_owner().as_ptr() as usize;
        // the words are slices of the text: the same offsets in the copy
        Lower::new(self.borrow_owner().clone(), |l| {
            self.borrow_dependent()
                .iter()
                .map(|w| {
                    let a = (w.as_ptr() as usize).wrapping_sub(base);
                    l.get(a..a + w.len()).unwrap_or("")
                })
                .collect()
        })
    }
}

/// The sentence is page chrome (share bar, subscription prompt).
pub(crate) const FURN_CHROME: u8 = 1;
/// The sentence is a photo caption or a header of related links.
pub(crate) const FURN_CAPTION: u8 = 2;
/// The sentence is a byline or dateline line.
pub(crate) const FURN_BYLINE: u8 = 4;
/// The flags of the sentence were computed.
pub(crate) const FURN_KNOWN: u8 = 0x80;
/// Its [`FURN_CHROME`] and [`FURN_CAPTION`] flags were computed (not yet
/// [`FURN_BYLINE`]: [`FURN_KNOWN`] tells when all are).
pub(crate) const FURN_PAGE: u8 = 0x40;

/// Word-at-a-time hashing for the small word sets (FxHash's mixing: eight
/// bytes per multiply, much faster than SipHash or a byte-wise FNV on short
/// keys; the keys are our own lexicons and the text's words, and no output
/// depends on the order of a set).
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHash(u64);

const FX_K: u64 = 0xf135_7aea_2e62_a9c5;

impl WordHash {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(FX_K).rotate_left(26);
    }
}

impl std::hash::Hasher for WordHash {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let r = chunks.remainder();
        if !r.is_empty() {
            let mut b = [0u8; 8];
            b[..r.len()].copy_from_slice(r);
            // the length keeps "ab" and "ab\0" apart
            self.add(u64::from_le_bytes(b) ^ ((r.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

pub(crate) type FastSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<WordHash>>;
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHash>>;

/// The slot of 4,096 of a word of `len` bytes, first byte `first`, last
/// byte `last` ([`Shapes`] and the word sets of `cities` use it).
#[inline]
pub(crate) fn slot_of(len: usize, first: u8, last: u8) -> usize {
    (len.wrapping_mul(31) ^ usize::from(first).wrapping_mul(131) ^ (usize::from(last) * 7)) & 4095
}

/// A bitmap of words by (length, first byte, last byte) in 4,096 slots: a
/// quick necessary test of membership in a word set, read from a token's
/// bytes without slicing a string (most words of a text fail it).
#[derive(Clone, Debug)]
pub(crate) struct Shapes([u64; 64]);

impl Shapes {
    pub fn new() -> Shapes {
        Shapes([0; 64])
    }

    #[inline]
    fn slot(len: usize, first: u8, last: u8) -> usize {
        slot_of(len, first, last)
    }

    /// Adds a (non-empty) word.
    pub fn insert(&mut self, w: &str) {
        let b = w.as_bytes();
        if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
            let k = Self::slot(b.len(), f, l);
            if let Some(x) = self.0.get_mut(k >> 6) {
                *x |= 1 << (k & 63);
            }
        }
    }

    /// A word of slot `k` ([`slot_of`]) may have been added.
    #[inline]
    pub fn has_slot(&self, k: usize) -> bool {
        self.0.get(k >> 6).is_some_and(|x| x >> (k & 63) & 1 != 0)
    }

    /// A word of `len` bytes, first byte `first` and last byte `last` may
    /// have been added.
    #[inline]
    pub fn may_have(&self, len: usize, first: u8, last: u8) -> bool {
        let k = Self::slot(len, first, last);
        self.0.get(k >> 6).is_some_and(|x| x >> (k & 63) & 1 != 0)
    }

    /// The word at `bytes[a..b]` may have been added (never for an empty
    /// span).
    #[inline]
    pub fn may_have_span(&self, bytes: &[u8], a: usize, b: usize) -> bool {
        match (bytes.get(a), bytes.get(b.wrapping_sub(1))) {
            (Some(&f), Some(&l)) if a < b => {
                let k = Self::slot(b - a, f, l);
                self.0.get(k >> 6).is_some_and(|x| x >> (k & 63) & 1 != 0)
            }
            _ => false,
        }
    }
}

/// Lowercases without changing byte offsets (characters whose lowercase
/// form has another UTF-8 length are kept as they are), and tells whether
/// the result is exactly `s.to_lowercase()` (no character kept as it was,
/// no capital sigma, whose lowercase depends on its context): then any
/// slice of it at char boundaries is the `to_lowercase` of the same slice.
pub(crate) fn lower_same_len_exact(s: &str) -> (String, bool) {
    // ASCII at once, then the other characters one by one, in place
    let mut out = s.to_ascii_lowercase();
    let mut exact = true;
    let mut at = 0;
    while let Some(p) = s.as_bytes().get(at..).and_then(first_non_ascii) {
        at += p;
        // U+00DF..U+00FF ("é", "à", "ß", "÷") are their own lowercase:
        // nothing to do (the most frequent case in French)
        // and so are U+2000..U+20BF (punctuation such as "’" and "–",
        // super- and subscripts, currency signs such as "€"): no capitals
        match (s.as_bytes().get(at), s.as_bytes().get(at + 1)) {
            (Some(0xC3), Some(0x9F..=0xBF)) => {
                at += 2;
                continue;
            }
            (Some(0xE2), Some(0x80..=0x82)) => {
                at += 3;
                continue;
            }
            _ => {}
        }
        let Some(c) = s.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        let n = c.len_utf8();
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(lc), None) if lc.len_utf8() == n => {
                // Σ is σ or ς by its context: lowercased here, not exact
                exact &= c != 'Σ';
                if lc != c && out.is_char_boundary(at) && out.is_char_boundary(at + n) {
                    let mut buf = [0u8; 4];
                    out.replace_range(at..at + n, lc.encode_utf8(&mut buf));
                }
            }
            _ => exact = false,
        }
        at += n;
    }
    (out, exact)
}

/// Position of the first byte >= 0x80 (eight ASCII bytes skipped at a time).
#[inline]
fn first_non_ascii(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        if u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&x| x >= 0x80).map(|p| i + p)
}

/// Classes of bytes for [`tokenize`]: for ASCII, the answers of `char`'s
/// `is_alphanumeric`, `is_uppercase` and `is_whitespace`; other bytes
/// (parts of a longer character) are [`MULTI`], decided by their char.
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const SPACE: u8 = 4;
const MULTI: u8 = 8;
const BYTE_CLASS: [u8; 256] = {
    let mut t = [MULTI; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The class and byte length of the character at `i` (its first byte
/// `b`, a [`MULTI`] byte): `None` when no character starts there.
#[inline]
fn multi_class(s: &str, bytes: &[u8], i: usize, b: u8) -> Option<(u8, usize)> {
    Some(match (b, bytes.get(i + 1), bytes.get(i + 2)) {
        // U+00C0..U+00FF ("é", "À"): letters but × and ÷,
        // capitals up to U+00DE
        (0xC3, Some(0x97 | 0xB7), _) => (0, 2),
        (0xC3, Some(0x80..=0x9E), _) => (ALNUM | UPPER, 2),
        (0xC3, Some(_), _) => (ALNUM, 2),
        // U+2000..U+203F ("’", "–", "…", spaces): no letter nor
        // digit; the spaces are U+2000..U+200A, U+2028, U+2029
        // and U+202F
        (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) => (SPACE, 3),
        (0xE2, Some(0x80), Some(_)) => (0, 3),
        _ => {
            let c = s.get(i..).and_then(|r| r.chars().next())?;
            let class = if c.is_alphanumeric() {
                ALNUM | if c.is_uppercase() { UPPER } else { 0 }
            } else if c.is_whitespace() {
                SPACE
            } else {
                0
            };
            (class, c.len_utf8())
        }
    })
}

/// Splits `text[start..end]` into tokens.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII by the table, the rest by its char
        let mut class = BYTE_CLASS[usize::from(b)];
        let mut n = 1;
        if class & MULTI != 0 {
            let Some(x) = multi_class(s, bytes, i, b) else {
                return;
            };
            (class, n) = x;
        }
        if class & ALNUM != 0 {
            // a word: its ASCII runs at once, its other characters one by
            // one, up to the first character that is no letter nor digit
            let w0 = i;
            i += n;
            loop {
                while let Some(&b) = bytes.get(i) {
                    if BYTE_CLASS[usize::from(b)] & ALNUM == 0 {
                        break;
                    }
                    i += 1;
                }
                let Some(&b) = bytes.get(i) else {
                    break;
                };
                if BYTE_CLASS[usize::from(b)] & MULTI == 0 {
                    break;
                }
                match multi_class(s, bytes, i, b) {
                    Some((c, m)) if c & ALNUM != 0 => i += m,
                    Some(_) => break,
                    None => {
                        // (no character there: the word runs to the end)
                        out.push(Tok {
                            start: start + w0,
                            end,
                            word: true,
                            cap: class & UPPER != 0,
                        });
                        return;
                    }
                }
            }
            out.push(Tok {
                start: start + w0,
                end: start + i,
                word: true,
                cap: class & UPPER != 0,
            });
            continue;
        }
        if class & SPACE == 0 {
            let abs = start + i;
            out.push(Tok {
                start: abs,
                end: abs + n,
                word: false,
                cap: false,
            });
        }
        i += n;
    }
}

/// Tokens that a few rules of the analysis look at, found in one pass
/// (by necessary conditions on their bytes; the rules test the words).
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// A capital and seven bytes (for "Britain").
    pub britain: Vec<usize>,
    /// 4 to 9 bytes starting with p, a or g and ending with t or d
    /// ("port", "aéroport", "airport", "grand").
    pub facility: Vec<usize>,
    /// Words of 4 to 12 bytes starting with e, p, s, r, j or c and ending
    /// with s (the job nouns of counts in words: "emplois", "postes",
    /// "salariés", ...).
    pub job: Vec<usize>,
}

/// Per slot ([`slot_of`]): bit [`SLOT_OUTLET`] when a first word of an
/// outlet has that slot, [`SLOT_CITY`] a first word of a city,
/// [`SLOT_DEMONYM`] a demonym of `cities`.
/// Per slot ([`slot_of`]): bit [`SLOT_OUTLET`] when a first word of an
/// outlet has that slot, [`SLOT_CITY`] a first word of a city,
/// [`SLOT_DEMONYM`] a demonym of `cities`, [`SLOT_LOWER`] a token without
/// a capital that some rule of [`scan`] may take.
pub(crate) struct HitTables {
    slots: [u8; 4096],
    demonym_min: usize,
}

const SLOT_OUTLET: u8 = 1;
const SLOT_CITY: u8 = 2;
const SLOT_DEMONYM: u8 = 4;
const SLOT_LOWER: u8 = 8;

/// The [`HitTables`], built once (immutable after that).
pub(crate) fn hit_tables() -> &'static HitTables {
    static T: std::sync::OnceLock<HitTables> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut slots = [0u8; 4096];
        for (k, x) in slots.iter_mut().enumerate() {
            let (city, demonym) = crate::cities::slot_bits(k);
            *x = if crate::orgs::outlet_first_slot(k) {
                SLOT_OUTLET
            } else {
                0
            } | if city { SLOT_CITY } else { 0 }
                | if demonym { SLOT_DEMONYM } else { 0 };
        }
        // a token without a capital is looked at only when it may be a
        // mark (the shapes of Marks), a head of orgs::public_bodies or
        // orgs::institutions, or a demonym (words of 32 bytes or more
        // always are)
        let mut lower = |len: usize, first: u8, last: u8| {
            if let Some(x) = slots.get_mut(slot_of(len, first, last)) {
                *x |= SLOT_LOWER;
            }
        };
        for len in 4..=12 {
            for first in [b'p', b'a', b'g'] {
                for last in [b't', b'd'] {
                    if len <= 9 {
                        lower(len, first, last);
                    }
                }
            }
            for first in [b'e', b'p', b's', b'r', b'j', b'c'] {
                lower(len, first, b's');
            }
        }
        let words = crate::orgs::PUBLIC_HEAD_LIST
            .iter()
            .chain(crate::orgs::INSTITUTION_HEADS)
            .copied()
            .chain(crate::cities::demonyms());
        for w in words {
            if let (Some(&f), Some(&l)) = (w.as_bytes().first(), w.as_bytes().last()) {
                lower(w.len(), f, l);
            }
        }
        HitTables {
            slots,
            demonym_min: crate::cities::demonym_min(),
        }
    })
}

/// The [`Marks`] of the tokens and the tokens some per-token rule may take
/// ([`Doc::hits`]), in one pass; `lower` is the lowercase text they index.
/// (A tight loop of its own: inside a long function its state would live
/// on the stack.)
#[inline(never)]
pub(crate) fn scan(toks: &[Tok], lower: &[u8], tables: &HitTables) -> (Marks, Vec<Hit>, Shapes) {
    let mut lower_shapes = Shapes::new();
    // (room for one of each every 32 tokens: few regrowths)
    let room = toks.len() / 32;
    let mut m = Marks {
        britain: Vec::with_capacity(room),
        facility: Vec::with_capacity(room),
        job: Vec::with_capacity(room),
    };
    let mut hits: Vec<Hit> = Vec::with_capacity(toks.len() / 6);
    for (k, t) in toks.iter().enumerate() {
        let len = t.end.wrapping_sub(t.start);
        let (Some(&first), Some(&last)) = (lower.get(t.start), lower.get(t.end.wrapping_sub(1)))
        else {
            // (a token out of the text: nothing reads it but "Britain")
            if len == 7 && t.cap {
                m.britain.push(k);
            }
            continue;
        };
        let mut h = 0u8;
        if t.start < t.end {
            let slot = slot_of(len, first, last);
            let s = tables.slots.get(slot).copied().unwrap_or(0);
            if t.word && !t.cap {
                if let Some(x) = lower_shapes.0.get_mut(slot >> 6) {
                    *x |= 1 << (slot & 63);
                }
            }
            // (most tokens without a capital fail every rule: skipped at once)
            if !t.cap && len < 32 && s & SLOT_LOWER == 0 {
                continue;
            }
            if t.cap {
                h = HIT_CAP | HIT_PUBLIC;
                if crate::orgs::may_be_public_head_at(first, len) {
                    h |= HIT_PUBLIC_HEAD;
                }
                if s & SLOT_OUTLET != 0 {
                    h |= HIT_OUTLET;
                }
                if t.word && s & SLOT_CITY != 0 {
                    h |= HIT_CITY;
                }
            } else {
                if t.word && len >= tables.demonym_min && s & SLOT_DEMONYM != 0 {
                    h |= HIT_CITY;
                }
                if crate::orgs::may_be_public_head_at(first, len) {
                    h |= HIT_PUBLIC;
                }
            }
            if crate::orgs::may_be_institution_head(lower, t.start, t.end) {
                h |= HIT_INST;
            }
        }
        if h != 0 {
            if let Ok(k) = u32::try_from(k) {
                hits.push((k, h));
            }
        }
        if !(4..=12).contains(&len) {
            continue;
        }
        if len == 7 && t.cap {
            m.britain.push(k);
        }
        if len <= 9 && matches!(first, b'p' | b'a' | b'g') && matches!(last, b't' | b'd') {
            m.facility.push(k);
        }
        if t.word && last == b's' && matches!(first, b'e' | b'p' | b's' | b'r' | b'j' | b'c') {
            m.job.push(k);
        }
    }
    (m, hits, lower_shapes)
}

/// The plain definition of [`tokenize`], char by char (tests compare).
#[cfg(test)]
fn tokenize_chars(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let Some(s) = text.get(start..end) else {
        return;
    };
    let mut cur: Option<(usize, bool)> = None;
    for (i, c) in s.char_indices() {
        let abs = start + i;
        if c.is_alphanumeric() {
            if cur.is_none() {
                cur = Some((abs, c.is_uppercase()));
            }
        } else {
            if let Some((b, cap)) = cur.take() {
                out.push(Tok {
                    start: b,
                    end: abs,
                    word: true,
                    cap,
                });
            }
            if !c.is_whitespace() {
                out.push(Tok {
                    start: abs,
                    end: abs + c.len_utf8(),
                    word: false,
                    cap: false,
                });
            }
        }
    }
    if let Some((b, cap)) = cur {
        out.push(Tok {
            start: b,
            end,
            word: true,
            cap,
        });
    }
}

impl Doc {
    /// A document with nothing in it.
    pub fn empty(lang: Lang) -> Doc {
        Doc {
            text: String::new(),
            lower: Lower::with_words(String::new(), &[]),
            lang,
            sents: Vec::new(),
            toks: Vec::new(),
            trig: Vec::new(),
            amounts: Vec::new(),
            orgs: Vec::new(),
            places: Vec::new(),
            sectors: Vec::new(),
            ctrys: Vec::new(),
            dateline_end: 0,
            furn: Vec::new(),
            hits: Vec::new(),
            lower_shapes: Shapes::new(),
        }
    }

    /// Lowercase text of a token.
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        self.lower.words().get(i).copied().unwrap_or("")
    }

    /// Original-case text of a token.
    pub fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// Index of the first token starting at or after byte `off`.
    /// No trigger word at token `i`.
    pub fn triggers_none(&self, i: usize) -> bool {
        self.trig.get(i).is_none_or(|t| t.is_none())
    }

    pub fn tok_at(&self, off: usize) -> usize {
        self.toks.partition_point(|t| t.start < off)
    }

    /// Index of the sentence containing byte `off`.
    pub fn sent_of(&self, off: usize) -> Option<usize> {
        let i = self.sents.partition_point(|s| s.end <= off);
        (i < self.sents.len() && self.sents[i].start <= off).then_some(i)
    }

    /// Page furniture flags of sentence `k` (0 when not computed, see
    /// [`Doc::furn`]).
    #[allow(dead_code)]
    pub fn furn(&self, k: usize) -> u8 {
        self.furn.get(k).copied().unwrap_or(0)
    }

    /// Lowercase text between two byte offsets.
    pub fn lspan(&self, a: usize, b: usize) -> &str {
        self.lower.get(a..b).unwrap_or("")
    }
}

/// A press release's boilerplate header ("À propos de Partech", "About
/// Acme"): a short line without full stop or digit opening on a name.
pub(crate) fn is_boilerplate_header(sentence: &str) -> bool {
    let t = sentence.trim();
    // (every header below starts with "A" or "À", whose first byte is 0xC3)
    matches!(t.as_bytes().first(), Some(b'A' | 0xC3))
        && t.len() < 80
        && !t.ends_with('.')
        && !t.chars().any(|c| c.is_ascii_digit())
        && ["À propos de ", "À propos d'", "A propos de ", "About "]
            .iter()
            .any(|p| {
                t.strip_prefix(p)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase)
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_keeps_offsets() {
        let s = "École Ürk İstanbul ÉTAT";
        let l = lower_same_len_exact(s).0;
        assert_eq!(l.len(), s.len());
        assert!(l.starts_with("école ürk"));
        assert!(l.ends_with("état"));
    }

    #[test]
    fn exact_lowercase_is_to_lowercase() {
        for s in ["École Ürk ÉTAT à Paris", "plain ascii TEXT", "Ÿ Æ Ø Ω"] {
            let (l, exact) = lower_same_len_exact(s);
            assert!(exact, "{s}");
            assert_eq!(l, s.to_lowercase());
        }
        // İ and the Kelvin sign change length; Σ depends on its context
        for s in ["İstanbul", "5 \u{212a}", "ΟΔΟΣ"] {
            let (l, exact) = lower_same_len_exact(s);
            assert!(!exact, "{s}");
            assert_eq!(l.len(), s.len());
        }
    }

    /// The plain definition, char by char.
    fn reference(s: &str) -> (String, bool) {
        let mut exact = true;
        let mut out = String::new();
        for c in s.chars() {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(lc), None) if lc.len_utf8() == c.len_utf8() => {
                    exact &= c != 'Σ';
                    out.push(lc)
                }
                _ => {
                    exact = false;
                    out.push(c)
                }
            }
        }
        (out, exact)
    }

    #[test]
    fn lowercase_of_latin1_and_punctuation_as_defined() {
        for c in ('\u{a0}'..='\u{ff}').chain('\u{2000}'..='\u{20bf}') {
            let s = format!("A{c}b{c}É");
            assert_eq!(lower_same_len_exact(&s), reference(&s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_as_defined(s in "[a-zA-Z0-9 .,'’\t\n\u{b}\u{c}\r\u{85}\u{a0}ÉéÀÿ×÷ßÞΣ€\u{1F600}\u{2003}-]{0,40}", a in 0usize..8, b in 0usize..8) {
            let end = s.len().saturating_sub(b);
            let (mut x, mut y) = (Vec::new(), Vec::new());
            tokenize(&s, a, end, &mut x);
            tokenize_chars(&s, a, end, &mut y);
            proptest::prop_assert_eq!(x, y);
        }

        #[test]
        fn lowercase_as_defined(s in "[a-zA-Z0-9 .'ÉéÀàÇçŒœÆİΣσΩ\u{212a}ẞß€Üÿ÷×Þ’–\u{2070}\u{2071}\u{20bf}\u{1F600}-]{0,40}") {
            proptest::prop_assert_eq!(lower_same_len_exact(&s), reference(&s));
        }
    }

    #[test]
    fn latin1_and_punctuation_tokens_as_defined() {
        // every character of U+00A0..U+00FF and U+2000..U+203F alone,
        // inside a word and between words
        for c in ('\u{a0}'..='\u{ff}').chain('\u{2000}'..='\u{203f}') {
            for s in [format!("{c}"), format!("a{c}b"), format!("A {c}{c} B")] {
                let (mut x, mut y) = (Vec::new(), Vec::new());
                tokenize(&s, 0, s.len(), &mut x);
                tokenize_chars(&s, 0, s.len(), &mut y);
                assert_eq!(x, y, "{s}");
            }
        }
    }

    #[test]
    fn tokens() {
        let t = "L'État apporte 35 M€.";
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        let words: Vec<&str> = v.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            words,
            vec!["L", "'", "État", "apporte", "35", "M", "€", "."]
        );
        assert!(v[2].cap && v[2].word);
    }
}

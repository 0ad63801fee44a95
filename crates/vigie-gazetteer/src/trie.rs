//! The patterns as a double-array trie (`yada`), walked from a word's start.
//!
//! Every pattern starts with the frame space, so a match can only start at
//! a space of the folded text: instead of running an automaton over every
//! byte, the trie is walked from each word (yada's common-prefix search)
//! and the walk stops where no pattern continues (no failure links are
//! needed). The patterns are stored without their leading space.
//!
//! Shared by the library and `build.rs`, which builds the tries once at
//! compile time; the library only wraps the embedded bytes (checked by
//! `yada::DoubleArray::new`, no copy).
//!
//! Measured (profile 32, analyze_ref, MB/s per CPU second): 103-106 with
//! yada against 101-110 for the hand-written double array it replaced
//! (callgrind at 4 MB: 287M vs 276M instructions), 92-95 for the former
//! daachorse pass over every byte; yada's arrays are 1.3 MB instead of 3.4.
//!
//! yada's keys hold no NUL byte: a key with one is left out (no pattern has
//! one). Walks read folded text, which has none either (NUL folds to a
//! space; a test checks it), so the walks see exactly the keys.
#![allow(dead_code)]

use std::borrow::Cow;

/// yada's largest value (values are 31 bits).
const MAX_VALUE: u32 = (1 << 31) - 1;

/// Bits of each of a [`Gate`]'s hashes.
const GATE_BITS: u32 = 18;
/// Words of each of a [`Gate`]'s three bitmaps.
const GATE_WORDS: usize = 1 << (GATE_BITS - 6);

/// A necessary condition for a walk to find a key, from a word's first
/// word: three bitmaps of 2^18 bits, hashed, on the *head* of a text (its
/// first eight bytes cut after the first space: "le " for "le groupe ...",
/// "saint-de" for "saint-denis"). Every key that starts a text has the
/// text's head: a key's first word and its space, or its first eight bytes.
///
/// - `first`: the heads of the keys (a walk from a text whose head is none
///   of them finds nothing: most words of a text);
/// - `open`: heads after which a walk must go on whatever follows (a key
///   of one word, a long first word, a second word of one byte);
/// - `pair`: a head and the two bytes after its space, for the keys of
///   two words or more ("le g" of "le groupe"): a head of a function word
///   passes only before the right letters.
///
/// Keys with no space within their first eight bytes that are shorter
/// than eight bytes (none in the tables: patterns end with their frame
/// space) open the gate wide: every bit set.
///
/// Measured (extract bench corpus, 2 MB, callgrind): of 351k word starts
/// the former gate on three bytes let 111k walks through the lowercase
/// trie for 10.6k matches, this one 14k; of 53k capitalised starts, 50k
/// and 29k walks for 18k matches.
#[derive(Clone, Debug)]
struct Gate(Box<[u64]>);

impl Default for Gate {
    fn default() -> Self {
        Gate(vec![0; 3 * GATE_WORDS].into_boxed_slice())
    }
}

/// The head of `text` (see [`Gate`]) and the offset of its space (8 if
/// none in the first eight bytes); bytes past the end count as NUL.
#[inline]
fn head(text: &[u8]) -> (u64, usize) {
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let w = match text.get(..8) {
        Some(b) => <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes),
        None => {
            let mut b = [0u8; 8];
            for (o, &x) in b.iter_mut().zip(text) {
                *o = x;
            }
            u64::from_le_bytes(b)
        }
    };
    let x = w ^ SPACES;
    // High bit of each byte that is a space (exact: no carry crosses a byte).
    let sp = !(((x & LO7) + LO7) | x | LO7);
    if sp == 0 {
        return (w, 8);
    }
    let q = sp.trailing_zeros() as usize / 8;
    let keep = u64::MAX >> (56 - 8 * q);
    (w & keep, q)
}

impl Gate {
    #[inline]
    fn hash(x: u64, k: u64) -> usize {
        (x.wrapping_mul(k) >> (64 - GATE_BITS)) as usize
    }

    #[inline]
    fn first_bit(h: u64) -> usize {
        Gate::hash(h, 0x9e37_79b9_7f4a_7c15)
    }

    #[inline]
    fn open_bit(h: u64) -> usize {
        GATE_WORDS * 64 + Gate::hash(h, 0xc2b2_ae3d_27d4_eb4f)
    }

    #[inline]
    fn pair_bit(h: u64, a: u8, b: u8) -> usize {
        let x = h.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
            ^ (u64::from(a) | u64::from(b) << 8);
        2 * GATE_WORDS * 64 + Gate::hash(x, 0x1656_67b1_9e37_79f9)
    }

    /// The first bitmap (indexed by [`Gate::first_bit`] without a check).
    #[inline]
    fn first(&self) -> Option<&[u64; GATE_WORDS]> {
        self.0.get(..GATE_WORDS)?.try_into().ok()
    }

    #[inline]
    fn test(&self, bit: usize) -> bool {
        self.0
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    fn set(&mut self, bit: usize) {
        if let Some(w) = self.0.get_mut(bit / 64) {
            *w |= 1 << (bit % 64);
        }
    }

    fn add(&mut self, key: &[u8]) {
        let (h, q) = head(key);
        if q == 8 && key.len() < 8 {
            // No space and shorter than a head: any text may follow.
            self.0.iter_mut().for_each(|w| *w = u64::MAX);
            return;
        }
        self.set(Gate::first_bit(h));
        match (key.get(q + 1), key.get(q + 2)) {
            (Some(&a), Some(&b)) if q < 8 => self.set(Gate::pair_bit(h, a, b)),
            _ => self.set(Gate::open_bit(h)),
        }
    }

    /// Some key may start `text` (the bytes past its end count as NUL,
    /// which no key holds).
    #[inline]
    fn may_start(&self, text: &[u8]) -> bool {
        let (h, q) = head(text);
        self.may_start_head(text, h, q)
    }

    /// [`Gate::may_start`] with `text`'s head already known.
    #[inline]
    fn may_start_head(&self, text: &[u8], h: u64, q: usize) -> bool {
        if !self.test(Gate::first_bit(h)) {
            return false;
        }
        if q == 8 || self.test(Gate::open_bit(h)) {
            return true;
        }
        let at = |k: usize| text.get(k).copied().unwrap_or(0);
        self.test(Gate::pair_bit(h, at(q + 1), at(q + 2)))
    }

    fn to_bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.iter().flat_map(|w| w.to_le_bytes())
    }

    fn from_bytes(b: &[u8]) -> Option<Gate> {
        if b.len() != 3 * GATE_WORDS * 8 {
            return None;
        }
        let words = b
            .chunks_exact(8)
            .map(|c| c.try_into().ok().map(u64::from_le_bytes))
            .collect::<Option<Vec<u64>>>()?;
        Some(Gate(words.into_boxed_slice()))
    }
}

/// A compiled set of byte keys with `u32` values (below 2^31).
#[derive(Clone, Debug, Default)]
pub struct Trie {
    /// `None`: no key (yada does not build an empty trie).
    da: Option<yada::DoubleArray<Cow<'static, [u8]>>>,
    gate: Gate,
}

impl Trie {
    /// Builds the trie of `keys` (empty keys, keys with a NUL byte and
    /// values above 2^31 - 1 are left out; a repeated key keeps its first
    /// value).
    pub fn build(keys: &[(&[u8], u32)]) -> Trie {
        let mut keys: Vec<(&[u8], u32)> = keys
            .iter()
            .copied()
            .filter(|&(k, v)| !k.is_empty() && !k.contains(&0) && v <= MAX_VALUE)
            .collect();
        // Stable: the first value of a repeated key stays first.
        keys.sort_by(|a, b| a.0.cmp(b.0));
        keys.dedup_by(|b, a| a.0 == b.0);
        let da = yada::builder::DoubleArrayBuilder::build(&keys)
            .ok()
            .and_then(|b| yada::DoubleArray::new(Cow::Owned(b)).ok());
        let mut gate = Gate::default();
        if da.is_some() {
            keys.iter().for_each(|(k, _)| gate.add(k));
        }
        Trie { da, gate }
    }

    /// Calls `f(len, value)` for every key that is a prefix of `text`,
    /// shortest first.
    #[inline]
    pub fn prefixes(&self, text: &[u8], mut f: impl FnMut(usize, u32)) {
        if let Some(da) = &self.da {
            for (v, len) in da.common_prefix_search(text) {
                f(len, v);
            }
        }
    }

    /// For each position `i` of `starts` (in order), pushes `(k, i, value)`
    /// for every key equal to `text[i..k]`, shortest first.
    #[inline]
    pub fn walk_from(
        &self,
        text: &[u8],
        starts: impl Iterator<Item = usize>,
        out: &mut Vec<(usize, usize, u32)>,
    ) {
        let Some(da) = &self.da else {
            return;
        };
        for i in starts {
            let Some(rest) = text.get(i..) else {
                continue;
            };
            if !self.gate.may_start(rest) {
                continue;
            }
            for (v, len) in da.common_prefix_search(rest) {
                out.push((i + len, i, v));
            }
        }
    }

    /// [`Trie::walk_from`] from every position of `text` that follows a
    /// space (every word's start), in order. The text is read eight bytes
    /// at a time for its spaces, so a word's end is known when it is
    /// reached and the gate's first test costs a load and a hash.
    pub fn walk_words(&self, text: &[u8], out: &mut Vec<(usize, usize, u32)>) {
        const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        const SPACES: u64 = 0x2020_2020_2020_2020;
        let Some(da) = &self.da else {
            return;
        };
        let Some(first) = self.gate.first() else {
            return;
        };
        // One past the last space seen (0: none yet).
        let mut start = 0usize;
        let mut base = 0usize;
        while let Some(b) = text.get(base..base + 8) {
            let x = <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes) ^ SPACES;
            // High bit of each byte that is a space (exact).
            let mut m = !(((x & LO7) + LO7) | x | LO7);
            while m != 0 {
                let s = base + (m.trailing_zeros() / 8) as usize;
                m &= m - 1;
                let i = start;
                start = s + 1;
                if i == 0 {
                    continue;
                }
                // The common case: a word of fewer than eight bytes with
                // eight bytes to read, whose head is no key's.
                let n = s - i;
                if n < 8 {
                    if let Some(wb) = text.get(i..i + 8) {
                        let w = <[u8; 8]>::try_from(wb).map_or(0, u64::from_le_bytes);
                        let h = w & (u64::MAX >> (56 - 8 * n));
                        let bit = Gate::first_bit(h);
                        if first[bit / 64] & (1 << (bit % 64)) == 0 {
                            continue;
                        }
                        // Then the other two (a function word's head
                        // passes the first).
                        let at = |k: usize| text.get(k).copied().unwrap_or(0);
                        if self.gate.test(Gate::open_bit(h))
                            || self.gate.test(Gate::pair_bit(h, at(s + 1), at(s + 2)))
                        {
                            walk_from_here(da, text, i, out);
                        }
                        continue;
                    }
                }
                walk_at(da, &self.gate, text, i, out);
            }
            base += 8;
        }
        // The last bytes, then the word after the last space.
        for s in base..text.len() {
            if text.get(s) == Some(&b' ') {
                if start > 0 {
                    walk_at(da, &self.gate, text, start, out);
                }
                start = s + 1;
            }
        }
        if start > 0 {
            walk_at(da, &self.gate, text, start, out);
        }
    }

    /// The value of exactly `key`.
    pub fn get(&self, key: &[u8]) -> Option<u32> {
        // Not yada's exact_match_search, which asserts the key has no NUL.
        let da = self.da.as_ref()?;
        da.common_prefix_search(key)
            .find(|&(_, len)| len == key.len())
            .map(|(v, _)| v)
    }

    /// Number of 4-byte units (used or free).
    pub fn len(&self) -> usize {
        self.da.as_ref().map_or(0, |d| d.0.len() / 4)
    }

    /// The serialized form: the gate's bitmaps (96 KiB), then yada's double
    /// array (empty for an empty trie).
    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.da {
            None => Vec::new(),
            Some(d) => self.gate.to_bytes().chain(d.0.iter().copied()).collect(),
        }
    }

    /// Inverse of [`Trie::to_bytes`] (no copy of yada's borrowed bytes);
    /// `None` if the bytes are malformed. An empty slice is the empty trie.
    pub fn from_bytes(b: Cow<'static, [u8]>) -> Option<Trie> {
        if b.is_empty() {
            return Some(Trie::default());
        }
        let gate = Gate::from_bytes(b.get(..3 * GATE_WORDS * 8)?)?;
        let da = match b {
            Cow::Borrowed(x) => Cow::Borrowed(x.get(3 * GATE_WORDS * 8..)?),
            Cow::Owned(x) => Cow::Owned(x.get(3 * GATE_WORDS * 8..)?.to_vec()),
        };
        yada::DoubleArray::new(da)
            .ok()
            .map(|da| Trie { da: Some(da), gate })
    }
}

/// The walk from `i` behind the whole gate (out of line: few words get
/// this far).
#[inline(never)]
fn walk_at(
    da: &yada::DoubleArray<Cow<'static, [u8]>>,
    gate: &Gate,
    text: &[u8],
    i: usize,
    out: &mut Vec<(usize, usize, u32)>,
) {
    let Some(rest) = text.get(i..) else {
        return;
    };
    if gate.may_start(rest) {
        walk_from_here(da, text, i, out);
    }
}

/// The walk from `i` (no gate).
#[inline(never)]
fn walk_from_here(
    da: &yada::DoubleArray<Cow<'static, [u8]>>,
    text: &[u8],
    i: usize,
    out: &mut Vec<(usize, usize, u32)>,
) {
    let Some(rest) = text.get(i..) else {
        return;
    };
    for (v, len) in da.common_prefix_search(rest) {
        out.push((i + len, i, v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_prefixes(t: &Trie, text: &[u8]) -> Vec<(usize, u32)> {
        let mut v = Vec::new();
        t.prefixes(text, |l, x| v.push((l, x)));
        v
    }

    #[test]
    fn finds_every_key_that_prefixes_the_text() {
        let keys: Vec<(&[u8], u32)> = vec![
            (b"le havre ", 0),
            (b"le ", 1),
            (b"lens ", 2),
            (b"l ", 3),
            (b"havre ", 4),
            (b"\xc3\xa9 ", 5),
            (b"le ", 6),
            (b"nul\0 ", 7),
        ];
        let t = Trie::build(&keys);
        assert_eq!(all_prefixes(&t, b"le havre est"), vec![(3, 1), (9, 0)]);
        assert_eq!(all_prefixes(&t, b"lens "), vec![(5, 2)]);
        assert_eq!(all_prefixes(&t, b"l oreal"), vec![(2, 3)]);
        assert_eq!(all_prefixes(&t, b"havre"), vec![]);
        assert_eq!(all_prefixes(&t, b"\xc3\xa9 x"), vec![(3, 5)]);
        assert_eq!(all_prefixes(&t, b"nul\0 "), vec![]);
        assert_eq!(t.get(b"le havre "), Some(0));
        assert_eq!(t.get(b"le havre"), None);
        assert_eq!(t.get(b""), None);
        assert_eq!(t.get(b"le\0"), None);
        let mut out = Vec::new();
        t.walk_from(b" le havre ", [1, 4, 10, 11].into_iter(), &mut out);
        assert_eq!(out, vec![(4, 1, 1), (10, 1, 0), (10, 4, 4)]);
        let back = Trie::from_bytes(Cow::Owned(t.to_bytes())).unwrap();
        assert_eq!(back.to_bytes(), t.to_bytes());
        assert_eq!(all_prefixes(&back, b"le havre est"), vec![(3, 1), (9, 0)]);
        assert!(Trie::from_bytes(Cow::Borrowed(&[1, 2, 3])).is_none());
        let empty = Trie::build(&[]);
        assert_eq!(all_prefixes(&empty, b"le "), vec![]);
        assert_eq!(empty.get(b"le "), None);
        assert_eq!(
            Trie::from_bytes(Cow::Owned(empty.to_bytes())).map(|t| t.len()),
            Some(0)
        );
    }

    /// The walks rely on it (yada's free slots would take a NUL).
    #[test]
    fn folded_text_has_no_nul() {
        let f = crate::fold::Folded::new("a\0b \0\0 C\u{0}é\0");
        assert!(!f.bytes().is_empty());
        assert!(!f.bytes().contains(&0));
    }

    /// The words of `text` as `walk_words` takes them.
    fn words(text: &[u8]) -> Vec<(usize, usize)> {
        let starts: Vec<usize> = (0..text.len())
            .filter(|&k| text[k] == b' ')
            .map(|k| k + 1)
            .collect();
        starts
            .iter()
            .enumerate()
            .map(|(k, &s)| (s, starts.get(k + 1).map_or(text.len(), |n| n - 1)))
            .collect()
    }

    proptest::proptest! {
        /// Keys as the tables make them (words, each followed by a space):
        /// the gate is then selective, and the walks behind it still find
        /// every key that starts a word.
        #[test]
        fn gate_keeps_every_match_of_word_keys(
            keys in proptest::collection::vec("([abé-]{1,10} ){1,3}", 1..40),
            text in "( [abé-]{0,10}){0,8} ?",
        ) {
            let pairs: Vec<(&[u8], u32)> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (k.as_bytes(), i as u32))
                .collect();
            let t = Trie::build(&pairs);
            let tb = text.as_bytes();
            let ws = words(tb);
            let mut naive: Vec<(usize, usize, u32)> = Vec::new();
            for &(i, _) in &ws {
                let mut here: Vec<(usize, usize, u32)> = Vec::new();
                for (k, key) in keys.iter().enumerate() {
                    // The first value of a repeated key.
                    let first = keys.iter().position(|x| x == key) == Some(k);
                    if first && tb[i..].starts_with(key.as_bytes()) {
                        here.push((i + key.len(), i, k as u32));
                    }
                }
                here.sort_unstable();
                naive.extend(here);
            }
            let mut out = Vec::new();
            t.walk_words(tb, &mut out);
            proptest::prop_assert_eq!(&out, &naive);
            let mut out = Vec::new();
            t.walk_from(tb, ws.iter().map(|&(i, _)| i), &mut out);
            proptest::prop_assert_eq!(&out, &naive);
            for &(i, e) in &ws {
                let rest = &tb[i..];
                let (h, q) = head(rest);
                if e < tb.len() && e - i < 8 {
                    proptest::prop_assert_eq!(q, e - i);
                }
                proptest::prop_assert!(h.to_le_bytes().iter().zip(rest).all(|(a, b)| a == b || *a == 0));
            }
        }

        /// Equal to checking every key against the text.
        #[test]
        fn equals_the_naive_search(
            keys in proptest::collection::vec("[ab é]{1,6}", 0..40),
            text in "[ab é]{0,12}",
        ) {
            let mut uniq: Vec<&str> = Vec::new();
            for k in &keys {
                if !uniq.contains(&k.as_str()) {
                    uniq.push(k);
                }
            }
            let pairs: Vec<(&[u8], u32)> = uniq
                .iter()
                .enumerate()
                .map(|(i, k)| (k.as_bytes(), i as u32))
                .collect();
            let t = Trie::build(&pairs);
            let mut want: Vec<(usize, u32)> = pairs
                .iter()
                .filter(|(k, _)| text.as_bytes().starts_with(k))
                .map(|&(k, v)| (k.len(), v))
                .collect();
            want.sort_unstable();
            proptest::prop_assert_eq!(all_prefixes(&t, text.as_bytes()), want);
            // The walks (behind the gate) find the same from every start,
            // before and after a round trip through bytes.
            let back = Trie::from_bytes(Cow::Owned(t.to_bytes())).unwrap();
            let tb = text.as_bytes();
            let mut naive: Vec<(usize, usize, u32)> = Vec::new();
            for i in 0..=tb.len() {
                let mut here: Vec<(usize, usize, u32)> = pairs
                    .iter()
                    .filter(|(k, _)| tb[i..].starts_with(k))
                    .map(|&(k, v)| (i + k.len(), i, v))
                    .collect();
                here.sort_unstable();
                naive.extend(here);
            }
            for trie in [&t, &back] {
                let mut out = Vec::new();
                trie.walk_from(tb, 0..=tb.len(), &mut out);
                proptest::prop_assert_eq!(&out, &naive);
            }
            for &(k, v) in &pairs {
                proptest::prop_assert_eq!(t.get(k), Some(v));
            }
        }
    }
}

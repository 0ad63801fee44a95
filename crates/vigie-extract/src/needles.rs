//! A few short needles looked for in one pass over a short haystack (a
//! sentence): which of them occur, as `str::contains` would say for each,
//! without one scan per needle. Built at compile time.

/// Up to 32 needles of at least three bytes each.
pub(crate) struct Needles {
    list: &'static [&'static str],
    /// Per byte: the needles whose first byte it is (bit k = `list[k]`).
    at0: [u32; 256],
    /// Per byte: the needles whose second byte it is.
    at1: [u32; 256],
    /// Per byte: the needles whose third byte it is.
    at2: [u32; 256],
    /// A bit per pair of bytes that is the first or the second pair of
    /// some needle (65,536 bits): one look refuses most pairs.
    pairs: [u64; 1024],
}

impl Needles {
    /// The table for `list` (at most 32 needles, each three bytes or more;
    /// checked at compile time when used in a `const`).
    pub const fn new(list: &'static [&'static str]) -> Needles {
        assert!(list.len() <= 32, "at most 32 needles");
        let mut at0 = [0u32; 256];
        let mut at1 = [0u32; 256];
        let mut at2 = [0u32; 256];
        let mut pairs = [0u64; 1024];
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            assert!(b.len() >= 3, "needles of three bytes or more");
            at0[b[0] as usize] |= 1 << k;
            at1[b[1] as usize] |= 1 << k;
            at2[b[2] as usize] |= 1 << k;
            let p = (b[0] as usize) << 8 | b[1] as usize;
            pairs[p >> 6] |= 1 << (p & 63);
            let p = (b[1] as usize) << 8 | b[2] as usize;
            pairs[p >> 6] |= 1 << (p & 63);
            k += 1;
        }
        Needles {
            list,
            at0,
            at1,
            at2,
            pairs,
        }
    }

    /// Bit k set when `list[k]` occurs in `hay` (`hay.contains(list[k])`).
    /// Only the pairs of bytes at even offsets are looked at: a needle
    /// (three bytes or more) starting at an even offset has its first pair
    /// there, one starting at an odd offset its second; a needle is
    /// compared in full only where its bytes fit the pair.
    pub fn occurring(&self, hay: &str) -> u32 {
        let h = hay.as_bytes();
        let mut found = 0u32;
        for (j, w) in h.chunks_exact(2).enumerate() {
            let &[b0, b1] = w else { continue };
            let p = (b0 as usize) << 8 | b1 as usize;
            if self
                .pairs
                .get(p >> 6)
                .is_none_or(|x| x >> (p & 63) & 1 == 0)
            {
                continue;
            }
            let i = 2 * j;
            // needles starting at i, and at i - 1
            let here = self.at0[b0 as usize] & self.at1[b1 as usize] & !found;
            found |= self.starting(h, i, here);
            if i > 0 {
                let before = self.at1[b0 as usize] & self.at2[b1 as usize] & !found;
                found |= self.starting(h, i - 1, before);
            }
        }
        found
    }

    /// The needles of `m` that occur at `h[i..]`.
    #[inline]
    fn starting(&self, h: &[u8], i: usize, mut m: u32) -> u32 {
        let mut found = 0;
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            let (Some(n), Some(rest)) = (self.list.get(k), h.get(i..)) else {
                continue;
            };
            if rest.starts_with(n.as_bytes()) {
                found |= 1 << k;
            }
        }
        found
    }
}

/// Up to 64 heads a line may start with, found by the line's first byte.
pub(crate) struct Heads {
    list: &'static [&'static str],
    /// Per byte: the heads whose first byte it is (bit k = `list[k]`).
    first: [u64; 256],
}

impl Heads {
    /// The table for `list` (at most 64 heads, none empty; checked at
    /// compile time when used in a `const`).
    pub const fn new(list: &'static [&'static str]) -> Heads {
        assert!(list.len() <= 64, "at most 64 heads");
        let mut first = [0u64; 256];
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            assert!(!b.is_empty(), "no empty head");
            first[b[0] as usize] |= 1 << k;
            k += 1;
        }
        Heads { list, first }
    }

    /// `l` starts with a head for which `ok` holds.
    pub fn any_starting(&self, l: &str, ok: impl Fn(&str) -> bool) -> bool {
        let Some(&b) = l.as_bytes().first() else {
            return false;
        };
        let mut m = self.first[b as usize];
        while m != 0 {
            let k = m.trailing_zeros() as usize;
            m &= m - 1;
            if let Some(h) = self.list.get(k) {
                if l.starts_with(h) && ok(h) {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const N: Needles = Needles::new(&[
        "facebook", " x ", "email", "e-mail", "abd", "abc", "é à", " | ", "— by",
    ]);

    fn naive(hay: &str) -> u32 {
        N.list
            .iter()
            .enumerate()
            .filter(|(_, n)| hay.contains(*n))
            .fold(0, |m, (k, _)| m | 1 << k)
    }

    #[test]
    fn finds_what_contains_finds() {
        for hay in [
            "",
            "a",
            "Partager : facebook x email",
            "abc abd",
            "e-mail",
            "noté à — by",
            " x ",
            "x x x",
            "xabc",
            "xxabd",
            "xfacebook",
            "ab",
            "xe-mai",
        ] {
            assert_eq!(N.occurring(hay), naive(hay), "{hay}");
        }
    }

    const H: Heads = Heads::new(&["ab", "abc", "x", "é à", "b"]);

    #[test]
    fn heads_as_starts_with() {
        for l in ["", "a", "ab", "abcd", "xyz", "é à b", "é", "ba", "c"] {
            let want = H.list.iter().any(|h| l.starts_with(h));
            assert_eq!(H.any_starting(l, |_| true), want, "{l}");
            let long = H.list.iter().any(|h| l.starts_with(h) && h.len() >= 3);
            assert_eq!(H.any_starting(l, |h| h.len() >= 3), long, "{l}");
        }
    }

    proptest! {
        #[test]
        fn same_as_contains(hay in "[abcdx e|—é-]{0,40}") {
            prop_assert_eq!(N.occurring(&hay), naive(&hay));
        }
    }
}

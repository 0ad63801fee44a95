//! A few short needles looked for in one pass over a short haystack (a
//! sentence): which of them occur, as `str::contains` would say for each,
//! without one scan per needle. Built at compile time.

/// Up to 32 needles of at least two bytes each.
pub(crate) struct Needles {
    list: &'static [&'static str],
    /// Per byte: the needles whose first byte it is (bit k = `list[k]`).
    first: [u32; 256],
    /// Per byte: the needles whose second byte it is.
    second: [u32; 256],
    /// A bit per pair of bytes that opens some needle (65,536 bits): one
    /// look refuses most positions.
    pairs: [u64; 1024],
}

impl Needles {
    /// The table for `list` (at most 32 needles, each two bytes or more;
    /// checked at compile time when used in a `const`).
    pub const fn new(list: &'static [&'static str]) -> Needles {
        assert!(list.len() <= 32, "at most 32 needles");
        let mut first = [0u32; 256];
        let mut second = [0u32; 256];
        let mut pairs = [0u64; 1024];
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            assert!(b.len() >= 2, "needles of two bytes or more");
            first[b[0] as usize] |= 1 << k;
            second[b[1] as usize] |= 1 << k;
            let p = (b[0] as usize) << 8 | b[1] as usize;
            pairs[p >> 6] |= 1 << (p & 63);
            k += 1;
        }
        Needles {
            list,
            first,
            second,
            pairs,
        }
    }

    /// Bit k set when `list[k]` occurs in `hay` (`hay.contains(list[k])`).
    /// One look at each pair of bytes; a needle is compared in full only
    /// where its first two bytes are.
    pub fn occurring(&self, hay: &str) -> u32 {
        let h = hay.as_bytes();
        let mut found = 0u32;
        for (i, w) in h.windows(2).enumerate() {
            let &[b0, b1] = w else { continue };
            let p = (b0 as usize) << 8 | b1 as usize;
            if self
                .pairs
                .get(p >> 6)
                .is_none_or(|x| x >> (p & 63) & 1 == 0)
            {
                continue;
            }
            let mut m = self.first[b0 as usize] & self.second[b1 as usize] & !found;
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
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const N: Needles = Needles::new(&[
        "facebook", " x ", "email", "e-mail", "ab", "abc", "é à", " | ", "— by",
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
        ] {
            assert_eq!(N.occurring(hay), naive(hay), "{hay}");
        }
    }

    proptest! {
        #[test]
        fn same_as_contains(hay in "[abcx e|—é-]{0,40}") {
            prop_assert_eq!(N.occurring(&hay), naive(&hay));
        }
    }
}

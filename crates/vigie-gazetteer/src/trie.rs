//! A double-array trie of the patterns, walked from a word's start.
//!
//! Every pattern starts with the frame space, so a match can only start at
//! a space of the folded text: instead of running an automaton over every
//! byte, the trie is walked from each word and the walk stops where no
//! pattern continues (no failure links are needed). The patterns are stored
//! without their leading space.
//!
//! Layout: node `t` is a child of node `s` by byte `c` iff
//! `t == base(s) + c` and `check(t) == s`; the root is node 0. A node holds
//! the value of the key that ends there, if any. Shared by the library and
//! `build.rs` (std only), which builds the tries once at compile time.
#![allow(dead_code)]

/// No value / no parent (a free slot).
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Node {
    /// Children of this node are at `base + byte`.
    base: u32,
    /// The parent (`NONE`: a free slot or the root).
    check: u32,
    /// The value of the key ending here (`NONE`: none).
    value: u32,
}

const FREE: Node = Node {
    base: 0,
    check: NONE,
    value: NONE,
};

/// Bytes of one node when serialized.
const NODE_BYTES: usize = 12;

/// A compiled set of byte keys with `u32` values.
///
/// In memory a node is 8 bytes, `[base, check]`, the top bit of `check`
/// telling that a key ends there (its value is in `values`): a step of a
/// walk reads one node.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trie {
    arcs: Vec<[u32; 2]>,
    /// Per node: the value of the key ending there (`NONE`: none).
    values: Vec<u32>,
}

/// The bit of `check` that marks a node where a key ends.
const ENDS: u32 = 1 << 31;

impl Trie {
    /// Builds the trie of `keys` (unique, non-empty; values other than
    /// `u32::MAX`; a repeated key keeps its first value).
    pub fn build(keys: &[(&[u8], u32)]) -> Trie {
        let mut keys: Vec<(&[u8], u32)> = keys
            .iter()
            .copied()
            .filter(|&(k, v)| !k.is_empty() && v != NONE)
            .collect();
        keys.sort_by(|a, b| a.0.cmp(b.0));
        keys.dedup_by(|b, a| a.0 == b.0);
        let mut nodes = vec![Node {
            base: 0,
            check: NONE,
            value: NONE,
        }];
        // Free slots below `nodes.len()` (every slot from there on is free).
        let mut free = std::collections::BTreeSet::new();
        // (node, keys lo..hi sharing the node's prefix, depth).
        let mut queue = std::collections::VecDeque::new();
        queue.push_back((0usize, 0usize, keys.len(), 0usize));
        let mut labels: Vec<(u8, usize, usize)> = Vec::new();
        while let Some((node, lo, hi, depth)) = queue.pop_front() {
            // Children: the keys of the range by their byte at `depth` (a key
            // of exactly `depth` bytes ends at this node, set by its parent).
            labels.clear();
            for (i, &(k, _)) in keys.iter().enumerate().take(hi).skip(lo) {
                let Some(&c) = k.get(depth) else { continue };
                match labels.last_mut() {
                    Some(last) if last.0 == c => last.2 = i + 1,
                    _ => labels.push((c, i, i + 1)),
                }
            }
            let Some(&(first, _, _)) = labels.first() else {
                continue;
            };
            let first = usize::from(first);
            let fits = |b: usize| {
                labels.iter().all(|&(c, _, _)| {
                    nodes
                        .get(b + usize::from(c))
                        .is_none_or(|n| n.check == NONE)
                })
            };
            // The first free slot that takes the first child and leaves
            // room for the others (a few tried, else past the end).
            let base = free
                .range(first + 1..)
                .take(64)
                .map(|&f| f - first)
                .find(|&b| fits(b))
                .unwrap_or_else(|| nodes.len().saturating_sub(first).max(1));
            let top = base + usize::from(labels.last().map_or(0, |l| l.0)) + 1;
            if nodes.len() < top {
                free.extend(nodes.len()..top);
                nodes.resize(top, FREE);
            }
            if let Some(n) = nodes.get_mut(node) {
                n.base = u32::try_from(base).unwrap_or(NONE);
            }
            for &(c, clo, chi) in &labels {
                let t = base + usize::from(c);
                // The first key of the child's range ends there if it is one byte longer.
                let value = keys
                    .get(clo)
                    .filter(|(k, _)| k.len() == depth + 1)
                    .map_or(NONE, |&(_, v)| v);
                if let Some(n) = nodes.get_mut(t) {
                    *n = Node {
                        base: 0,
                        check: u32::try_from(node).unwrap_or(NONE),
                        value,
                    };
                }
                free.remove(&t);
                queue.push_back((t, clo, chi, depth + 1));
            }
        }
        Trie::from_nodes(&nodes)
    }

    /// The in-memory form of these nodes (indices below 2^31: `from_bytes`
    /// checks it; the tables give a few hundred thousand).
    fn from_nodes(nodes: &[Node]) -> Trie {
        let arcs = nodes
            .iter()
            .map(|n| {
                // A free slot or the root: a parent no node has.
                let parent = if n.check == NONE { !ENDS } else { n.check };
                let ends = if n.value == NONE { 0 } else { ENDS };
                [n.base, (parent & !ENDS) | ends]
            })
            .collect();
        let values = nodes.iter().map(|n| n.value).collect();
        Trie { arcs, values }
    }

    /// Calls `f(len, value)` for every key that is a prefix of `text`,
    /// shortest first.
    #[inline]
    pub fn prefixes(&self, text: &[u8], mut f: impl FnMut(usize, u32)) {
        let arcs = self.arcs.as_slice();
        let Some(&[root_base, _]) = arcs.first() else {
            return;
        };
        let (mut s, mut base) = (0u32, root_base as usize);
        for (k, &c) in text.iter().enumerate() {
            let t = base + usize::from(c);
            let Some(&[b, check]) = arcs.get(t) else {
                return;
            };
            if check & !ENDS != s {
                return;
            }
            if check & ENDS != 0 {
                f(k + 1, self.values.get(t).copied().unwrap_or(NONE));
            }
            // t < arcs.len() < 2^31 (see `from_bytes`).
            s = t as u32;
            base = b as usize;
        }
    }

    /// For each position `i` of `starts` (in order), pushes `(k, i, value)`
    /// for every key equal to `text[i..k]`, shortest first: one walk per
    /// start, in one loop.
    #[inline]
    pub fn walk_from(
        &self,
        text: &[u8],
        starts: impl Iterator<Item = usize>,
        out: &mut Vec<(usize, usize, u32)>,
    ) {
        let arcs = self.arcs.as_slice();
        let Some(&[root_base, _]) = arcs.first() else {
            return;
        };
        for i in starts {
            let (mut s, mut base, mut k) = (0u32, root_base as usize, i);
            while let Some(&c) = text.get(k) {
                let t = base + usize::from(c);
                let Some(&[b, check]) = arcs.get(t) else {
                    break;
                };
                if check & !ENDS != s {
                    break;
                }
                k += 1;
                if check & ENDS != 0 {
                    out.push((k, i, self.values.get(t).copied().unwrap_or(NONE)));
                }
                // t < arcs.len() < 2^31 (see `from_bytes`).
                s = t as u32;
                base = b as usize;
            }
        }
    }

    /// The value of exactly `key`.
    pub fn get(&self, key: &[u8]) -> Option<u32> {
        let mut found = None;
        self.prefixes(key, |len, v| {
            if len == key.len() {
                found = Some(v);
            }
        });
        found
    }

    /// Number of slots (used or free).
    pub fn len(&self) -> usize {
        self.arcs.len()
    }

    /// Little-endian, 12 bytes a node (base, parent, value).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.arcs.len() * NODE_BYTES);
        for (&[base, check], &value) in self.arcs.iter().zip(&self.values) {
            let parent = check & !ENDS;
            let parent = if parent == !ENDS { NONE } else { parent };
            out.extend_from_slice(&base.to_le_bytes());
            out.extend_from_slice(&parent.to_le_bytes());
            out.extend_from_slice(&value.to_le_bytes());
        }
        out
    }

    /// Inverse of [`Trie::to_bytes`]; `None` if the length is not whole
    /// nodes, is empty or needs indices of 31 bits or more. Any other
    /// content is safe to walk (every look-up is checked).
    pub fn from_bytes(b: &[u8]) -> Option<Trie> {
        if b.is_empty()
            || !b.len().is_multiple_of(NODE_BYTES)
            || b.len() / NODE_BYTES >= !ENDS as usize
        {
            return None;
        }
        let word = |c: &[u8], i: usize| {
            c.get(i..i + 4)
                .and_then(|x| <[u8; 4]>::try_from(x).ok())
                .map_or(NONE, u32::from_le_bytes)
        };
        // Straight into the in-memory form (as `from_nodes`).
        let arcs = b
            .chunks_exact(NODE_BYTES)
            .map(|c| {
                let (base, check, value) = (word(c, 0), word(c, 4), word(c, 8));
                let parent = if check == NONE { !ENDS } else { check };
                let ends = if value == NONE { 0 } else { ENDS };
                [base, (parent & !ENDS) | ends]
            })
            .collect();
        let values = b.chunks_exact(NODE_BYTES).map(|c| word(c, 8)).collect();
        Some(Trie { arcs, values })
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
        ];
        let t = Trie::build(&keys);
        assert_eq!(all_prefixes(&t, b"le havre est"), vec![(3, 1), (9, 0)]);
        assert_eq!(all_prefixes(&t, b"lens "), vec![(5, 2)]);
        assert_eq!(all_prefixes(&t, b"l oreal"), vec![(2, 3)]);
        assert_eq!(all_prefixes(&t, b"havre"), vec![]);
        assert_eq!(all_prefixes(&t, b"\xc3\xa9 x"), vec![(3, 5)]);
        assert_eq!(t.get(b"le havre "), Some(0));
        assert_eq!(t.get(b"le havre"), None);
        assert_eq!(t.get(b""), None);
        let back = Trie::from_bytes(&t.to_bytes());
        assert_eq!(back.as_ref(), Some(&t));
        assert_eq!(Trie::from_bytes(&[1, 2, 3]), None);
        assert_eq!(all_prefixes(&Trie::default(), b"le "), vec![]);
    }

    proptest::proptest! {
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
            for &(k, v) in &pairs {
                proptest::prop_assert_eq!(t.get(k), Some(v));
            }
        }
    }
}

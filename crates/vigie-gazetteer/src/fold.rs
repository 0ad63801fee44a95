//! Folding: the text the automaton sees.
//!
//! Letters are lowercased and stripped of their accents (`É` -> `e`, `œ` ->
//! `oe`), hyphens and dashes become `-`, every other non-alphanumeric run
//! (spaces, apostrophes, punctuation) becomes one space, and the whole is
//! framed by a space on each side. Names are folded the same way and framed by
//! spaces too, so a match always starts and ends on a word boundary.
//!
//! Each folded byte remembers the byte offset of the original character it
//! came from, so spans map back to the original text, and the case of the
//! original is still there to check: matching ignores case and accents on
//! purpose, then each match is checked against the original capitals.

/// A folded copy of a text with its map back to the original.
///
/// The map is sparse: most folded bytes come one for one from the original
/// (ASCII letters, digits, a single separator), so only the points where
/// that stops holding are stored (a collapsed run of separators, an accented
/// letter folded to one byte, "œ" folded to two).
#[derive(Debug, Default, Clone)]
pub struct Folded {
    /// Folded bytes (ASCII for Latin text; other scripts stay UTF-8) in
    /// `buf[..len]`; the rest is scratch kept from one text to the next.
    buf: Vec<u8>,
    len: usize,
    /// Breakpoints `(folded index, original offset)`, strictly increasing in
    /// folded index: folded byte `i` comes from the original character at
    /// `o + (i - f)` for the last breakpoint `(f, o)` with `f <= i`.
    map: Vec<(u32, u32)>,
    /// Bit `i`: folded byte `i` comes from a capital (a bitset, 64 a word).
    caps: Vec<u64>,
    /// The breakpoint the last look-up ended on: look-ups come in text
    /// order, so the next one is usually there or a few further.
    hint: std::cell::Cell<usize>,
}

impl Folded {
    /// Folds `text`. Offsets beyond `u32::MAX` are clamped (texts of 4 GiB are
    /// not expected; callers split documents long before).
    pub fn new(text: &str) -> Folded {
        let mut f = Folded::default();
        f.fold(text);
        f
    }

    /// The folded bytes.
    pub fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// Bytes held (folded text and scratch).
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Folds `text` into this buffer (its allocation is reused, so folding
    /// many texts allocates once).
    pub fn fold(&mut self, text: &str) {
        let mut map = std::mem::take(&mut self.map);
        map.clear();
        self.hint.set(0);
        // A folded character is at most 1.5 times as long as the original
        // (Ⱥ -> ⱥ) plus the frame: no write below goes past this length, and
        // `put` grows the buffer anyway if one did.
        let need = text.len().saturating_mul(2).saturating_add(4);
        if self.buf.len() < need {
            self.buf.resize(need, b' ');
        }
        let caps = &mut self.caps;
        caps.clear();
        caps.resize(need / 64 + 2, 0);
        let buf = &mut self.buf;
        let mut j = 0usize;
        // The leading frame space maps to offset 0, i.e. to the first character.
        if text.chars().next().is_some_and(char::is_uppercase) {
            set_cap(caps, 0);
        }
        put(buf, &mut j, b' ');
        map.push((0, 0));
        // The first folded byte of the text comes from offset 0 too.
        set_point(&mut map, 1, 0);
        let mut last_space = true;
        let bytes = text.as_bytes();
        let mut i = 0usize;
        while i < bytes.len() {
            // A run of ASCII: a table look-up and one store per byte, up to
            // a non-ASCII byte or a separator that follows a separator.
            let run = bytes.get(i..).unwrap_or_default();
            let (k, skip) = match buf.get_mut(j..) {
                Some(out) => ascii_span(run, out, caps, j, &mut last_space),
                None => (0, false),
            };
            i += k;
            j += k;
            if skip {
                // Collapsed: the next folded byte comes from further on.
                i += 1;
                set_point(&mut map, j, i);
                continue;
            }
            if bytes.get(i).is_some_and(u8::is_ascii) {
                // Stopped on an ASCII byte: no room left (not expected).
                buf.resize(buf.len() + 64, b' ');
                continue;
            }
            if i >= bytes.len() {
                break;
            }
            // Latin-1 letters (é, à, ç, É...; two bytes, 0xC3 then
            // 0x80..0xBF) that fold to one ASCII letter: from a table,
            // the same as below.
            if let (Some(0xc3), Some(&b2)) = (bytes.get(i), bytes.get(i + 1)) {
                let (x, upper) = LATIN1
                    .get(usize::from(b2 & 0x3f))
                    .copied()
                    .unwrap_or((0, false));
                if x != 0 && b2 & 0xc0 == 0x80 {
                    set_point(&mut map, j, i);
                    put(buf, &mut j, x);
                    last_space = false;
                    if upper {
                        set_cap(caps, j - 1);
                    }
                    i += 2;
                    set_point(&mut map, j, i);
                    continue;
                }
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let at = i;
            i += c.len_utf8();
            let from = j;
            match fold_char(c) {
                Fold::Str(x) => {
                    for &b in x.as_bytes() {
                        set_point(&mut map, j, at);
                        put(buf, &mut j, b);
                    }
                    last_space = false;
                }
                Fold::Keep => {
                    for l in c.to_lowercase() {
                        let mut tmp = [0u8; 4];
                        for &b in l.encode_utf8(&mut tmp).as_bytes() {
                            set_point(&mut map, j, at);
                            put(buf, &mut j, b);
                        }
                    }
                    last_space = false;
                }
                Fold::Hyphen => {
                    set_point(&mut map, j, at);
                    put(buf, &mut j, b'-');
                    last_space = false;
                }
                Fold::Space => {
                    if !last_space {
                        set_point(&mut map, j, at);
                        put(buf, &mut j, b' ');
                        last_space = true;
                    }
                }
            }
            if c.is_uppercase() {
                (from..j).for_each(|k| set_cap(caps, k));
            }
            set_point(&mut map, j, i);
        }
        if !last_space {
            set_point(&mut map, j, text.len());
            put(buf, &mut j, b' ');
        }
        self.len = j;
        self.map = map;
    }

    /// Byte offset in the original of the character folded byte `i` comes
    /// from (`None` outside the folded text).
    pub fn orig(&self, i: usize) -> Option<usize> {
        if i >= self.len {
            return None;
        }
        let map = &self.map;
        let at = |k: usize| map.get(k).map_or(usize::MAX, |&(f, _)| f as usize);
        // The last breakpoint at or before `i`: from the hint, a few steps
        // either way, else a binary search.
        let mut k = self.hint.get();
        let mut found = false;
        if at(k) <= i {
            for _ in 0..8 {
                if at(k + 1) > i {
                    found = true;
                    break;
                }
                k += 1;
            }
        } else {
            for _ in 0..8 {
                if k == 0 {
                    break;
                }
                k -= 1;
                if at(k) <= i {
                    found = true;
                    break;
                }
            }
        }
        if !found {
            k = map
                .partition_point(|&(f, _)| f as usize <= i)
                .checked_sub(1)?;
        }
        self.hint.set(k);
        let &(f, o) = map.get(k)?;
        Some(o as usize + (i - f as usize))
    }

    /// Folded byte `i` comes from a capital letter (`false` outside).
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        i < self.len
            && self
                .caps
                .get(i / 64)
                .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Folded positions, in order, of the bytes that come from a capital
    /// and follow a space: the capitalised words' starts (read a word of
    /// the bitset at a time).
    pub fn cap_word_starts(&self) -> impl Iterator<Item = usize> + '_ {
        let b = self.bytes();
        self.caps
            .iter()
            .enumerate()
            .flat_map(|(k, &w)| {
                std::iter::successors((w != 0).then_some(w), |&x| {
                    let x = x & (x - 1);
                    (x != 0).then_some(x)
                })
                .map(move |x| k * 64 + x.trailing_zeros() as usize)
            })
            .take_while(|&i| i < self.len)
            .filter(move |&i| i > 0 && b.get(i - 1) == Some(&b' '))
    }

    /// Maximal runs `lo..hi` of two or more folded bytes that all come from
    /// capitals, in order (read a word of the bitset at a time).
    pub fn cap_runs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut done = 0usize;
        for (k, &w) in self.caps.iter().enumerate() {
            let next = self.caps.get(k + 1).map_or(0, |&x| x & 1);
            // Bit j: capitals at j and j + 1.
            let mut pair = w & ((w >> 1) | (next << 63));
            while pair != 0 {
                let i = k * 64 + pair.trailing_zeros() as usize;
                pair &= pair - 1;
                if i < done || i + 1 >= self.len {
                    continue;
                }
                let mut lo = i;
                while lo > done && self.cap(lo - 1) {
                    lo -= 1;
                }
                let mut hi = i + 2;
                while self.cap(hi) {
                    hi += 1;
                }
                out.push((lo, hi));
                done = hi;
            }
        }
        out
    }

    /// Original byte span of folded bytes `fs..fe` (`fe` exclusive, both
    /// inside the frame).
    pub fn orig_span(&self, text: &str, fs: usize, fe: usize) -> Option<(usize, usize)> {
        let start = self.orig(fs)?;
        let l = fe.checked_sub(1)?;
        // Usually no breakpoint between the two ends (the hint is on
        // `fs`'s): then the last byte's offset follows from it.
        let k = self.hint.get();
        let last = match (self.map.get(k), self.map.get(k + 1)) {
            (Some(&(f, o)), next)
                if f as usize <= l && l < self.len && next.is_none_or(|&(g, _)| l < g as usize) =>
            {
                o as usize + (l - f as usize)
            }
            _ => self.orig(l)?,
        };
        let len = match text.as_bytes().get(last) {
            Some(b) if b.is_ascii() => 1,
            _ => text.get(last..)?.chars().next()?.len_utf8(),
        };
        Some((start, last + len))
    }
}

/// Folds the ASCII bytes at the start of `run` into `out`, one for one, up to
/// a non-ASCII byte, a separator following a separator (`true`: it is not
/// consumed) or the end of either slice. Returns the bytes folded.
#[inline]
fn ascii_span(
    run: &[u8],
    out: &mut [u8],
    caps: &mut [u64],
    base: usize,
    last_space: &mut bool,
) -> (usize, bool) {
    let n = run.len().min(out.len());
    let mut ls = *last_space;
    let mut k = 0usize;
    loop {
        // Eight bytes at a time while there is nothing to collapse.
        while let (Some(src), Some(dst)) = (run.get(k..k + 8), out.get_mut(k..k + 8)) {
            let Ok(src) = <[u8; 8]>::try_from(src) else {
                break;
            };
            let Some((folded, sep_last, upper)) = fold8(u64::from_le_bytes(src), ls) else {
                break;
            };
            dst.copy_from_slice(&folded.to_le_bytes());
            if upper != 0 {
                set_caps8(caps, base + k, upper);
            }
            ls = sep_last;
            k += 8;
        }
        // Then byte by byte, up to eight.
        let stop = (k + 8).min(n);
        while k < stop {
            let Some(&b) = run.get(k) else { break };
            if !b.is_ascii() {
                *last_space = ls;
                return (k, false);
            }
            let x = fold_ascii(b);
            let sep = x == b' ';
            if sep & ls {
                *last_space = ls;
                return (k, true);
            }
            if let Some(o) = out.get_mut(k) {
                *o = x;
            }
            if b.is_ascii_uppercase() {
                set_cap(caps, base + k);
            }
            ls = sep;
            k += 1;
        }
        if k >= n {
            break;
        }
    }
    *last_space = ls;
    (n, false)
}

/// Folds eight ASCII bytes at once (SWAR): letters lowercased, digits and
/// `-` kept, anything else a space. `None` if a byte is not ASCII or a
/// separator follows a separator (`last_space`: the byte before was one);
/// else the folded bytes, whether the last one is a separator and a bit per
/// capital (bit `i` for byte `i`).
#[inline]
fn fold8(w: u64, last_space: bool) -> Option<(u64, bool, u8)> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    if w & HI != 0 {
        return None;
    }
    // High bit of each byte set where lo <= byte <= hi (bytes < 0x80: no
    // carry crosses a byte).
    let within = |lo: u8, hi: u8| {
        let ge = w + LO * u64::from(0x80 - lo);
        let gt = w + LO * u64::from(0x7f - hi);
        ge & !gt & HI
    };
    let upper = within(b'A', b'Z');
    let keep = upper | within(b'a', b'z') | within(b'0', b'9') | within(b'-', b'-');
    let sep = !keep & HI;
    let before = (sep << 8) | if last_space { 0x80 } else { 0 };
    if sep & before != 0 {
        return None;
    }
    let sep_bytes = (sep >> 7) * 0xff;
    let folded = ((w | (upper >> 2)) & !sep_bytes) | (sep_bytes & (LO * u64::from(b' ')));
    // The high bit of byte i to bit i (the products do not collide).
    let caps = ((upper >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8;
    Some((folded, sep >> 63 != 0, caps))
}

/// The folded form of an ASCII byte: lowercase letter or digit, `-`, or a
/// space for a separator.
#[inline]
pub(crate) fn fold_ascii(b: u8) -> u8 {
    ASCII_FOLD[usize::from(b & 0x7f)]
}

#[inline]
fn set_cap(caps: &mut [u64], i: usize) {
    if let Some(w) = caps.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

/// Sets the capitals of the eight bytes from `i` (bit `k` of `bits` for byte `i + k`).
#[inline]
fn set_caps8(caps: &mut [u64], i: usize, bits: u8) {
    let (w, off) = (i / 64, i % 64);
    if let Some(x) = caps.get_mut(w) {
        *x |= u64::from(bits) << off;
    }
    if off > 56 {
        if let Some(x) = caps.get_mut(w + 1) {
            *x |= u64::from(bits) >> (64 - off);
        }
    }
}

/// Writes folded byte `b` at `*j` (growing the buffer if needed).
#[inline]
fn put(buf: &mut Vec<u8>, j: &mut usize, b: u8) {
    if *j >= buf.len() {
        buf.resize(*j + 64, b' ');
    }
    if let Some(o) = buf.get_mut(*j) {
        *o = b;
    }
    *j += 1;
}

/// Records that folded byte `f` (the next one written) comes from original
/// offset `o`, unless the last breakpoint already implies it; a breakpoint
/// at the same folded index is replaced.
#[inline]
fn set_point(map: &mut Vec<(u32, u32)>, f: usize, o: usize) {
    let (f, o) = (clamp(f), clamp(o));
    if let Some(last) = map.last_mut() {
        if last.0 == f {
            last.1 = o;
            return;
        }
        if last.1.wrapping_add(f.wrapping_sub(last.0)) == o {
            return;
        }
    }
    map.push((f, o));
}

/// Folded form of each ASCII byte: lowercase letters and digits, `-`, or a
/// space for a separator.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if c == b'-' {
            b'-'
        } else {
            b' '
        };
        b += 1;
    }
    t
};

/// U+00C0..=U+00FF (second UTF-8 byte 0x80 + index): the ASCII letter the
/// character folds to (0: not one letter, see [`fold_char`]) and whether
/// it is a capital (a test checks the table against `fold_char`).
const LATIN1: [(u8, bool); 64] = {
    const FOLD: &[u8; 64] =
        b"aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";
    let mut t = [(0u8, false); 64];
    let mut k = 0;
    while k < 64 {
        // Capitals are U+00C0..=U+00DE but for × (U+00D7).
        t[k] = (FOLD[k], k < 0x1f && k != 0x17);
        k += 1;
    }
    t
};

#[inline]
fn clamp(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Folds one word into `out` (cleared first): lowercase, no accents. Cheap
/// (no allocation once `out` has grown).
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '-' {
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(' ');
            }
            continue;
        }
        match fold_char(c) {
            Fold::Str(s) => out.push_str(s),
            Fold::Keep => out.extend(c.to_lowercase()),
            Fold::Hyphen => out.push('-'),
            Fold::Space => out.push(' '),
        }
    }
}

/// Folds a name (pattern) to its automaton form, without the frame.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // A separator run becomes one space, none at either end.
    let mut space = false;
    let put = |out: &mut String, space: &mut bool, c: char| {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push(c);
    };
    for c in name.chars() {
        if c.is_ascii() {
            match fold_ascii(c as u8) {
                b' ' => space = true,
                b => put(&mut out, &mut space, char::from(b)),
            }
            continue;
        }
        match fold_char(c) {
            Fold::Str(s) => s.chars().for_each(|x| put(&mut out, &mut space, x)),
            Fold::Keep => c.to_lowercase().for_each(|x| put(&mut out, &mut space, x)),
            Fold::Hyphen => put(&mut out, &mut space, '-'),
            Fold::Space => space = true,
        }
    }
    out
}

/// Positions (in the folded name) of letters that are capitals in `name`.
pub fn upper_positions(name: &str) -> Vec<u16> {
    let f = Folded::new(name);
    let mut out = Vec::new();
    // Skip the leading frame space.
    let mut prev: Option<usize> = None;
    for (i, &b) in f.bytes().iter().enumerate().skip(1) {
        let Some(at) = f.orig(i) else { break };
        // Only the first folded byte of a character counts (œ -> oe).
        let first = i == 1 || prev != Some(at);
        prev = Some(at);
        if b == b' ' {
            continue;
        }
        let upper = name
            .get(at..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        if upper && first {
            if let Ok(p) = u16::try_from(i - 1) {
                out.push(p);
            }
        }
    }
    out
}

enum Fold {
    Str(&'static str),
    Keep,
    Hyphen,
    Space,
}

fn fold_char(c: char) -> Fold {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă'
        | 'Ă' | 'ą' | 'Ą' => "a",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "c",
        'ď' | 'Ď' | 'đ' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě'
        | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' | 'ı' | 'İ' => "i",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'Ō' | 'ő'
        | 'Ő' => "o",
        'ř' | 'Ř' => "r",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'Ť' | 'ţ' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "z",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => return Fold::Hyphen,
        _ if c.is_alphanumeric() => return Fold::Keep,
        _ => return Fold::Space,
    };
    Fold::Str(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        let f = Folded::new("À  l’Île-de-France, Œuvre!");
        assert_eq!(
            String::from_utf8_lossy(f.bytes()),
            " a l ile-de-france oeuvre "
        );
        assert_eq!(fold_name("L'Oréal"), "l oreal");
        assert_eq!(fold_name("  Saint–Denis "), "saint-denis");
    }

    #[test]
    fn maps_spans_back_to_the_original() {
        let text = "Vu à Mulhouse (Haut-Rhin).";
        let f = Folded::new(text);
        let folded = String::from_utf8_lossy(f.bytes()).into_owned();
        let fs = folded.find("mulhouse").unwrap();
        let (s, e) = f.orig_span(text, fs, fs + 8).unwrap();
        assert_eq!(&text[s..e], "Mulhouse");
        let fs = folded.find("a mul").unwrap();
        let (s, e) = f.orig_span(text, fs, fs + 1).unwrap();
        assert_eq!(&text[s..e], "à");
    }

    #[test]
    fn upper_positions_follow_the_folded_name() {
        assert_eq!(upper_positions("Auvergne-Rhône-Alpes"), vec![0, 9, 15]);
        assert_eq!(upper_positions("région parisienne"), Vec::<u16>::new());
        assert_eq!(upper_positions("AWS"), vec![0, 1, 2]);
    }

    /// The former dense map (one offset per folded byte), kept as the
    /// reference the sparse map must agree with.
    fn dense(text: &str) -> (Vec<u8>, Vec<u32>) {
        let (mut s, mut starts) = (vec![b' '], vec![0u32]);
        let mut last_space = true;
        let mut i = 0usize;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            let at = clamp(i);
            i += c.len_utf8();
            let mut put = |b: u8| {
                s.push(b);
                starts.push(at);
            };
            if c.is_ascii() {
                let x = ASCII_FOLD[c as usize];
                let sep = x == b' ';
                if !(sep && last_space) {
                    put(x);
                }
                last_space = sep;
                continue;
            }
            match fold_char(c) {
                Fold::Str(x) => x.bytes().for_each(&mut put),
                Fold::Keep => c
                    .to_lowercase()
                    .for_each(|l| l.to_string().bytes().for_each(&mut put)),
                Fold::Hyphen => put(b'-'),
                Fold::Space => {
                    if !last_space {
                        put(b' ');
                    }
                    last_space = true;
                    continue;
                }
            }
            last_space = false;
        }
        if !last_space {
            s.push(b' ');
            starts.push(clamp(text.len()));
        }
        (s, starts)
    }

    fn same_as_dense(text: &str) {
        let (s, _) = dense(text);
        let former = String::from_utf8_lossy(&s).trim().to_string();
        assert_eq!(fold_name(text), former, "{text:?}");
        let f = Folded::new(text);
        let (s, starts) = dense(text);
        assert_eq!(f.bytes(), s, "{text:?}");
        let sparse: Vec<u32> = (0..f.bytes().len())
            .map(|i| clamp(f.orig(i).unwrap()))
            .collect();
        assert_eq!(sparse, starts, "{text:?}");
        // Look-ups in any order (the hint moves both ways).
        let n = f.bytes().len();
        for i in (0..n)
            .rev()
            .chain((0..n).step_by(7))
            .chain((0..n).rev().step_by(5))
        {
            assert_eq!(f.orig(i).map(clamp), starts.get(i).copied(), "{text:?} {i}");
        }
        assert_eq!(f.orig(f.bytes().len()), None);
        for i in 0..f.bytes().len() + 2 {
            let want = f
                .orig(i)
                .and_then(|o| text.get(o..))
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase);
            assert_eq!(f.cap(i), want, "{text:?} {i}");
        }
    }

    #[test]
    fn fold8_equals_the_table() {
        for seed in 0u64..20_000 {
            // Bytes 0..128, biased to separators and letters.
            let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5555;
            let mut b = [0u8; 8];
            for o in &mut b {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *o = match x % 4 {
                    0 => b" ,.-'\n("[(x >> 8) as usize % 7],
                    1 => b'A' + (x >> 8) as u8 % 26,
                    _ => (x >> 8) as u8 & 0x7f,
                };
            }
            for last in [false, true] {
                let want: Vec<u8> = b.iter().map(|&c| fold_ascii(c)).collect();
                let seps: Vec<bool> = want.iter().map(|&c| c == b' ').collect();
                let collapse = (0..8).any(|i| seps[i] && if i == 0 { last } else { seps[i - 1] });
                let got = fold8(u64::from_le_bytes(b), last);
                if collapse {
                    assert_eq!(got, None, "{b:?}");
                } else {
                    let (f, l, caps) = got.unwrap();
                    assert_eq!(f.to_le_bytes().to_vec(), want, "{b:?}");
                    assert_eq!(l, seps[7]);
                    for (i, c) in b.iter().enumerate() {
                        assert_eq!(caps >> i & 1 == 1, c.is_ascii_uppercase(), "{b:?}");
                    }
                }
            }
        }
        assert_eq!(fold8(u64::from_le_bytes(*b"ab\xc3cdefg"), false), None);
    }

    #[test]
    fn latin1_table_equals_fold_char() {
        for (k, &(x, upper)) in LATIN1.iter().enumerate() {
            let c = char::from_u32(0xc0 + k as u32).unwrap();
            match fold_char(c) {
                Fold::Str(s) if s.len() == 1 => {
                    assert_eq!(s.as_bytes()[0], x, "{c}");
                    assert_eq!(c.is_uppercase(), upper, "{c}");
                }
                _ => assert_eq!(x, 0, "{c}"),
            }
        }
    }

    #[test]
    fn sparse_map_equals_dense_map() {
        for t in [
            "",
            " ",
            "  ,, ",
            "a",
            "À  l’Île-de-France, Œuvre!",
            "œœ ßß — «Ça» l'été, 東京 Straße ДОМ İstanbul",
            "Mulhouse (Haut-Rhin).  ",
            "é",
            "…é, é",
        ] {
            same_as_dense(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn sparse_map_equals_dense_map_on_any_text(
            t in "[ a-zA-Z0-9,.'’\\-–—()éÉèàÀçœŒßÿİıДд東京\u{a0}\u{2009}\n«»]{0,200}"
        ) {
            same_as_dense(&t);
        }

        #[test]
        fn sparse_map_equals_dense_map_on_any_unicode(t in "\\PC{0,40}") {
            same_as_dense(&t);
        }
    }
}

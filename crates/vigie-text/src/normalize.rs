//! Normalisation that keeps a map back to the original text.
//!
//! What changes (everything else is copied byte for byte):
//! * no-break space U+00A0, narrow no-break space U+202F, the U+2000–U+200A
//!   spaces (thin, figure, …) and U+205F → `' '`;
//! * zero-width space / joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF
//!   and soft hyphen U+00AD → removed;
//! * typographic apostrophes ’ ‘ ‛ ʼ → `'`; quotes “ ” „ ‟ « » → `"`;
//! * hyphen U+2010, non-breaking hyphen U+2011, minus U+2212 → `-`;
//! * presentation ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ → their letters (œ and æ are
//!   letters, kept);
//! * CRLF, lone CR, NEL U+0085, U+2028, U+2029 → `\n`.

/// A normalised text and the map from its byte offsets to the original's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Replaced spans, sorted: `(norm_start, norm_end, orig_start, orig_end)`.
    /// Between two replacements the texts are identical (offsets shift by a
    /// constant).
    repl: Vec<[usize; 4]>,
    orig_len: usize,
    norm_len: usize,
}

impl Normalized {
    /// Maps a byte offset of the normalised text to the original text, for a
    /// span start: an offset inside a replaced character maps to its start,
    /// and removed characters just before the offset are skipped.
    pub fn to_original(&self, n: usize) -> usize {
        let n = n.min(self.norm_len);
        // Last replacement starting at or before n.
        let idx = self.repl.partition_point(|r| r[0] <= n);
        match idx.checked_sub(1).and_then(|i| self.repl.get(i)) {
            None => n,
            Some(&[_, ne, os, oe]) => {
                if n < ne {
                    // Inside a replacement: its start.
                    os
                } else {
                    oe + (n - ne)
                }
            }
        }
        .min(self.orig_len)
    }

    /// Maps a byte offset of the normalised text to the original text, for a
    /// span end: removed characters just after the offset are not included,
    /// and a replaced character ending at the offset is included whole.
    pub fn to_original_end(&self, n: usize) -> usize {
        let n = n.min(self.norm_len);
        // Last replacement starting strictly before n.
        let idx = self.repl.partition_point(|r| r[0] < n);
        match idx.checked_sub(1).and_then(|i| self.repl.get(i)) {
            None => n,
            Some(&[_, ne, os, oe]) => {
                if n < ne {
                    os
                } else {
                    oe + (n - ne)
                }
            }
        }
        .min(self.orig_len)
    }

    /// Takes the normalised text out, keeping the offset map usable.
    pub(crate) fn take_text(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }
}

/// Bytes that may start something to normalise.
const fn interesting() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'\r' as usize] = true;
    t[0xC2] = true; // U+0080–U+00BF: NBSP, soft hyphen, NEL, « »
    t[0xCA] = true; // U+0280–U+02BF: ʼ
    t[0xE2] = true; // U+2000–U+2FFF: spaces, quotes, minus
    t[0xEF] = true; // U+F000–U+FFFF: ligatures, BOM
    t
}
static INTERESTING: [bool; 256] = interesting();

/// What a character becomes, if it changes.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{a0}' | '\u{202f}' | '\u{2000}'..='\u{200a}' | '\u{205f}' => " ",
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => "",
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2bc}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2212}' => "-",
        '\u{85}' | '\u{2028}' | '\u{2029}' => "\n",
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        _ => return None,
    })
}

/// Normalises `s` (see the module documentation) and keeps the offset map.
pub fn normalize(s: &str) -> Normalized {
    let bytes = s.as_bytes();
    let mut text = String::with_capacity(s.len());
    let mut repl = Vec::new();
    let mut copied = 0; // start of the pending run to copy
    let mut i = 0;
    while i < bytes.len() {
        // Fast scan over bytes that never change: eight at a time while
        // they are ASCII and hold no '\r', else byte by byte over the next
        // eight (accented letters are not interesting), and so on.
        'scan: loop {
            while let Some(chunk) = bytes
                .get(i..i + 8)
                .and_then(|c| <[u8; 8]>::try_from(c).ok())
            {
                let w = u64::from_le_bytes(chunk);
                let x = w ^ 0x0d0d_0d0d_0d0d_0d0d; // a zero byte where '\r' was
                let cr = x.wrapping_sub(0x0101_0101_0101_0101) & !x;
                if (w | cr) & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            let stop = i + 8;
            while let Some(&b) = bytes.get(i) {
                if INTERESTING[b as usize] {
                    break 'scan;
                }
                i += 1;
                if i >= stop {
                    continue 'scan;
                }
            }
            break;
        }
        let Some(&b) = bytes.get(i) else { break };
        let (len, rep): (usize, &str) = if b == b'\r' {
            if bytes.get(i + 1) == Some(&b'\n') {
                (2, "\n")
            } else {
                (1, "\n")
            }
        } else {
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            match replacement(c) {
                Some(r) => (c.len_utf8(), r),
                None => {
                    i += c.len_utf8();
                    continue;
                }
            }
        };
        text.push_str(s.get(copied..i).unwrap_or_default());
        let ns = text.len();
        text.push_str(rep);
        repl.push([ns, text.len(), i, i + len]);
        i += len;
        copied = i;
    }
    text.push_str(s.get(copied..).unwrap_or_default());
    Normalized {
        norm_len: text.len(),
        text,
        repl,
        orig_len: s.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_maps_back() {
        let o = "L\u{2019}usine\u{a0}: 3\u{202f}000\u{a0}€, \u{fb01}n\u{ad}ance\r\n« oui »";
        let n = normalize(o);
        assert_eq!(n.text, "L'usine : 3 000 €, finance\n\" oui \"");
        // "3 000 €" maps back to the original span.
        let s = n.text.find("3 000").unwrap();
        let e = n.text.find('€').unwrap() + '€'.len_utf8();
        let (os, oe) = (n.to_original(s), n.to_original_end(e));
        assert_eq!(&o[os..oe], "3\u{202f}000\u{a0}€");
        // "finance" (ligature + soft hyphen) maps back whole.
        let s = n.text.find("finance").unwrap();
        let (os, oe) = (n.to_original(s), n.to_original_end(s + 7));
        assert_eq!(&o[os..oe], "\u{fb01}n\u{ad}ance");
        // The closing quote is included whole.
        let e = n.text.len();
        assert_eq!(n.to_original_end(e), o.len());
        assert_eq!(n.to_original(0), 0);
        assert_eq!(n.original_len(), o.len());
    }

    #[test]
    fn untouched_text_is_identity() {
        let o = "Plain ASCII text. Et des accents : é à ü œ.";
        let n = normalize(o);
        assert_eq!(n.text, o);
        for i in 0..=o.len() {
            assert_eq!(n.to_original(i), i);
            assert_eq!(n.to_original_end(i), i);
        }
    }

    #[test]
    fn removed_chars_are_excluded_from_span_edges() {
        let o = "a\u{ad}\u{200b}b";
        let n = normalize(o);
        assert_eq!(n.text, "ab");
        assert_eq!(n.to_original(1), o.len() - 1);
        assert_eq!(n.to_original_end(1), 1);
        let o = "x\r\ny\rz";
        let n = normalize(o);
        assert_eq!(n.text, "x\ny\nz");
        assert_eq!(n.to_original(2), 3);
        assert_eq!(n.to_original(4), 5);
    }
}

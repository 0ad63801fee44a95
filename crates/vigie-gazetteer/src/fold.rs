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
#[derive(Debug, Default, Clone)]
pub struct Folded {
    /// Folded bytes (ASCII for Latin text; other scripts stay UTF-8).
    pub s: Vec<u8>,
    /// For each folded byte, the byte offset of its original character.
    pub starts: Vec<u32>,
}

impl Folded {
    /// Folds `text`. Offsets beyond `u32::MAX` are clamped (texts of 4 GiB are
    /// not expected; callers split documents long before).
    pub fn new(text: &str) -> Folded {
        let mut f = Folded::default();
        f.fold(text);
        f
    }

    /// Folds `text` into this buffer (cleared first; its allocation is
    /// reused, so folding many texts allocates once).
    pub fn fold(&mut self, text: &str) {
        // Local vectors: the compiler keeps their lengths in registers.
        let mut s = std::mem::take(&mut self.s);
        let mut starts = std::mem::take(&mut self.starts);
        s.clear();
        starts.clear();
        s.reserve(text.len() + 2);
        starts.reserve(text.len() + 2);
        s.push(b' ');
        starts.push(0);
        let mut last_space = true;
        let bytes = text.as_bytes();
        let mut i = 0usize;
        while i < bytes.len() {
            // A run of ASCII: one table look-up per byte.
            let run = bytes
                .get(i..)
                .unwrap_or_default()
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(bytes.len(), |n| i + n);
            let chunk = bytes.get(i..run).unwrap_or_default();
            let base = s.len();
            s.resize(base + chunk.len(), b' ');
            starts.resize(base + chunk.len(), 0);
            let mut j = 0usize;
            if let (Some(out), Some(out_at)) = (s.get_mut(base..), starts.get_mut(base..)) {
                // Branch-free: write every byte, advance unless it is a
                // separator following a separator.
                for (k, &b) in chunk.iter().enumerate() {
                    let x = ASCII_FOLD.get(b as usize).copied().unwrap_or(0);
                    let sep = x == 0;
                    if let (Some(o), Some(a)) = (out.get_mut(j), out_at.get_mut(j)) {
                        *o = if sep { b' ' } else { x };
                        *a = clamp(i + k);
                    }
                    j += usize::from(!sep || !last_space);
                    last_space = sep;
                }
            }
            s.truncate(base + j);
            starts.truncate(base + j);
            i = run;
            if i >= bytes.len() {
                break;
            }
            let at = clamp(i);
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            match fold_char(c) {
                Fold::Str(x) => {
                    for &b in x.as_bytes() {
                        s.push(b);
                        starts.push(at);
                    }
                    last_space = false;
                }
                Fold::Keep => {
                    for l in c.to_lowercase() {
                        let mut buf = [0u8; 4];
                        for &b in l.encode_utf8(&mut buf).as_bytes() {
                            s.push(b);
                            starts.push(at);
                        }
                    }
                    last_space = false;
                }
                Fold::Hyphen => {
                    s.push(b'-');
                    starts.push(at);
                    last_space = false;
                }
                Fold::Space => {
                    if !last_space {
                        s.push(b' ');
                        starts.push(at);
                        last_space = true;
                    }
                }
            }
        }
        if !last_space {
            s.push(b' ');
            starts.push(clamp(text.len()));
        }
        self.s = s;
        self.starts = starts;
    }

    /// Original byte span of folded bytes `fs..fe` (`fe` exclusive, both
    /// inside the frame).
    pub fn orig_span(&self, text: &str, fs: usize, fe: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(fs)? as usize;
        let last = *self.starts.get(fe.checked_sub(1)?)? as usize;
        let len = text.get(last..)?.chars().next()?.len_utf8();
        Some((start, last + len))
    }
}

/// Folded form of each ASCII byte: lowercase letters and digits, `-`, or 0
/// for a separator.
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
            0
        };
        b += 1;
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
    let f = Folded::new(name);
    let s = String::from_utf8_lossy(&f.s).into_owned();
    s.trim().to_string()
}

/// Positions (in the folded name) of letters that are capitals in `name`.
pub fn upper_positions(name: &str) -> Vec<u16> {
    let f = Folded::new(name);
    let mut out = Vec::new();
    // Skip the leading frame space.
    for (i, (&b, &at)) in f.s.iter().zip(f.starts.iter()).enumerate().skip(1) {
        if b == b' ' {
            continue;
        }
        let upper = name
            .get(at as usize..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        // Only the first folded byte of a character counts (œ -> oe).
        let first = i == 1 || !matches!(f.starts.get(i - 1), Some(&p) if p == at);
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
        assert_eq!(String::from_utf8_lossy(&f.s), " a l ile-de-france oeuvre ");
        assert_eq!(f.s.len(), f.starts.len());
        assert_eq!(fold_name("L'Oréal"), "l oreal");
        assert_eq!(fold_name("  Saint–Denis "), "saint-denis");
    }

    #[test]
    fn maps_spans_back_to_the_original() {
        let text = "Vu à Mulhouse (Haut-Rhin).";
        let f = Folded::new(text);
        let folded = String::from_utf8_lossy(&f.s).into_owned();
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
}

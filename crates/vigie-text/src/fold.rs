//! Cheap case folding for word lists (no allocation).

/// A short word lowercased on the stack (ASCII and Latin-1 capitals such as
/// É, À); words longer than the buffer become "" (they match no list). A
/// word with no capital is borrowed as it is (no copy, no check).
#[derive(Clone, Copy)]
pub(crate) struct Low<'a> {
    /// The word itself when it has no capital.
    same: Option<&'a str>,
    buf: [u8; 32],
    pub(crate) len: usize,
}

impl<'a> Low<'a> {
    pub(crate) fn new(w: &'a str) -> Low<'a> {
        let b = w.as_bytes();
        if !has_capital(w) {
            return Low {
                same: Some(w),
                buf: [0u8; 32],
                len: if b.len() > 32 { 0 } else { b.len() },
            };
        }
        let mut buf = [0u8; 32];
        if b.len() > buf.len() {
            return Low {
                same: None,
                buf,
                len: 0,
            };
        }
        let mut prev_c3 = false;
        for (slot, &x) in buf.iter_mut().zip(b) {
            // ASCII capitals and Latin-1 capitals (C3 80–9E, but not ×) are
            // 0x20 below their small letters.
            let latin1_capital = prev_c3 && (0x80..=0x9e).contains(&x) && x != 0x97;
            *slot = if x.is_ascii_uppercase() || latin1_capital {
                x + 0x20
            } else {
                x
            };
            prev_c3 = x == 0xc3;
        }
        Low {
            same: None,
            buf,
            len: b.len(),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self.same {
            Some(w) if self.len == w.len() => w,
            Some(_) => "",
            None => self
                .buf
                .get(..self.len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
        }
    }
}

/// Does `w` contain a capital that [`Low`] folds?
pub(crate) fn has_capital(w: &str) -> bool {
    let b = w.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_uppercase()
            || (x == 0xc3
                && b.get(i + 1)
                    .is_some_and(|&y| (0x80..=0x9e).contains(&y) && y != 0x97))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ascii_and_latin1() {
        assert_eq!(Low::new("ÉTÉ Àla").as_str(), "été àla");
        assert_eq!(Low::new("×").as_str(), "×");
        assert_eq!(Low::new("déjà").as_str(), "déjà");
        assert_eq!(Low::new("Déjà").as_str(), "déjà");
        assert_eq!(Low::new(&"é".repeat(20)).as_str(), "");
        assert_eq!(Low::new(&"x".repeat(40)).as_str(), "");
    }
}

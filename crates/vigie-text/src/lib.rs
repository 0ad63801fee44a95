//! Text layer of vigie: raw bytes to clean sentences, the language, and every
//! amount of money or count in the text.
//!
//! * [`decode`]: bytes → `String` (UTF-8, UTF-16 with BOM, Windows-1252 /
//!   Latin-1 detected by `chardetng`); binary input is refused.
//! * [`normalize`]: typographic normalisation with a byte-offset map back to
//!   the original ([`Normalized`]).
//! * [`detect_language`]: French, English, or `None` (never a guess).
//! * [`split_sentences`]: news-aware sentence splitting.
//! * [`Document`]: all of the above together; every span maps back to the
//!   original text with [`Document::to_original`].
//! * [`amounts`]: amounts of money and counts, in French and English.
//!
//! Pure: no I/O, no global mutable state, deterministic.

pub mod amounts;
mod decode;
mod fold;
mod lang;
mod normalize;
mod sentences;

pub use decode::decode;
pub use lang::detect_language;
pub use normalize::{normalize, Normalized};
pub use sentences::split_sentences;

use serde::{Deserialize, Serialize};

/// The languages vigie reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// ISO 639-1 code: "fr" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// Why a text cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The bytes are not text (the reason says what they look like).
    #[error("binary input, not text: {0}")]
    Binary(String),
    /// Nothing but whitespace.
    #[error("empty text")]
    Empty,
    /// Neither French nor English (or too little text to tell).
    #[error("unsupported language (vigie reads French and English)")]
    UnsupportedLanguage,
}

/// A sentence: byte spans in the normalised text and in the original text.
/// `doc.original[orig_start..orig_end]` is the sentence as the user sees it
/// (trimmed of surrounding whitespace).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub orig_start: usize,
    pub orig_end: usize,
}

/// A text ready for extraction: the original, its normalised form, its
/// language and its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The text as given (spans shown to users index into it).
    pub original: String,
    /// The normalised text (see [`normalize`]); parsers run on it.
    pub text: String,
    pub lang: Lang,
    pub sentences: Vec<Sentence>,
    map: Normalized,
}

impl Document {
    /// Normalises, detects the language and splits sentences.
    /// Errors: [`TextError::Empty`] for blank text,
    /// [`TextError::UnsupportedLanguage`] when it is neither French nor English.
    pub fn new(original: &str) -> Result<Document, TextError> {
        let map = normalize(original);
        if map.text.trim().is_empty() {
            return Err(TextError::Empty);
        }
        let lang = detect_language(&map.text).ok_or(TextError::UnsupportedLanguage)?;
        Ok(Self::build(original, map, lang))
    }

    /// Like [`Document::new`] with the language already known (no detection;
    /// for short texts such as single lines or titles).
    /// Error: [`TextError::Empty`] for blank text.
    pub fn with_lang(original: &str, lang: Lang) -> Result<Document, TextError> {
        let map = normalize(original);
        if map.text.trim().is_empty() {
            return Err(TextError::Empty);
        }
        Ok(Self::build(original, map, lang))
    }

    fn build(original: &str, mut map: Normalized, lang: Lang) -> Document {
        let sentences = split_sentences(&map.text)
            .into_iter()
            .map(|r| Sentence {
                start: r.start,
                end: r.end,
                orig_start: map.to_original(r.start),
                orig_end: map.to_original_end(r.end),
            })
            .collect();
        let text = map.take_text();
        Document {
            original: original.to_owned(),
            text,
            lang,
            sentences,
            map,
        }
    }

    /// Maps a byte offset of [`Document::text`] to [`Document::original`]
    /// (for the start of a span; see [`Document::to_original_end`]).
    pub fn to_original(&self, norm_offset: usize) -> usize {
        self.map.to_original(norm_offset)
    }

    /// Maps the end offset of a span of [`Document::text`] to
    /// [`Document::original`] (a replaced character ending there is included
    /// whole; characters removed by normalisation right after it are not).
    pub fn to_original_end(&self, norm_offset: usize) -> usize {
        self.map.to_original_end(norm_offset)
    }

    /// Maps a normalised span to the original: `original[r]` is what the user
    /// sees for `text[span]`.
    pub fn to_original_span(&self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let s = self.to_original(span.start);
        s..self.to_original_end(span.end).max(s)
    }

    /// The normalised text of a sentence.
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        self.text.get(s.start..s.end).unwrap_or_default()
    }

    /// The original text of a sentence.
    pub fn sentence_original(&self, s: &Sentence) -> &str {
        self.original
            .get(s.orig_start..s.orig_end)
            .unwrap_or_default()
    }
}

/// Random texts for the property tests that compare a fast path with the
/// plain code it replaces.
#[cfg(test)]
pub(crate) mod testutil {
    /// `n` texts of 1 to `max_pieces` pieces drawn from `pieces` (a 64-bit
    /// LCG from `seed`; `max_pieces` a power of two).
    pub(crate) fn random_texts(
        pieces: &[&str],
        mut seed: u64,
        n: usize,
        max_pieces: u64,
    ) -> Vec<String> {
        let shift = 64 - max_pieces.trailing_zeros();
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed
        };
        (0..n)
            .map(|_| {
                let len = (next() >> shift) + 1;
                (0..len)
                    .map(|_| pieces[((next() >> 33) % pieces.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_like_document_maps_back() {
        let o = "Amazon investit plus de 1,2\u{a0}milliard d\u{2019}euros\r\nM. Dupont l\u{2019}a dit. Il investit 3\u{202f}000\u{a0}€ !";
        let d = Document::new(o).unwrap();
        assert_eq!(d.lang, Lang::Fr);
        let orig: Vec<&str> = d.sentences.iter().map(|s| d.sentence_original(s)).collect();
        assert_eq!(
            orig,
            vec![
                "Amazon investit plus de 1,2\u{a0}milliard d\u{2019}euros",
                "M. Dupont l\u{2019}a dit.",
                "Il investit 3\u{202f}000\u{a0}€ !"
            ]
        );
        let norm: Vec<&str> = d.sentences.iter().map(|s| d.sentence_text(s)).collect();
        assert_eq!(norm[0], "Amazon investit plus de 1,2 milliard d'euros");
    }

    #[test]
    fn errors() {
        assert_eq!(Document::new(" \n\u{a0}"), Err(TextError::Empty));
        assert_eq!(
            Document::new("Der Konzern investiert in ein Werk und die Stadt ist froh."),
            Err(TextError::UnsupportedLanguage)
        );
        assert!(Document::with_lang("4 Md€", Lang::Fr).is_ok());
    }
}

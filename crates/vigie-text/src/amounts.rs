//! Amounts of money and counts in French and English text. (Being built.)

use crate::Lang;
use vigie_model::Qualifier;

/// Money or a number of things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AmountKind {
    Money,
    Count,
}

/// One amount found in a text. `start..end` are byte offsets in the text
/// given to [`find_amounts`].
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    /// In units (not thousands or millions); the lower bound of a range.
    pub value: f64,
    /// ISO 4217 code; `None` when the text names no currency.
    pub currency: Option<&'static str>,
    pub qualifier: Qualifier,
    /// Upper bound when `qualifier` is `Range`.
    pub max: Option<f64>,
    pub kind: AmountKind,
}

/// Finds every amount of money and every count in `text`.
pub fn find_amounts(_text: &str, _lang: Lang) -> Vec<Amount> {
    Vec::new()
}

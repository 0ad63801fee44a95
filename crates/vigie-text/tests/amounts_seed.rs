//! The seed article's amounts, at the library level (the CLI test checks the
//! same through `vigie amounts`).

use vigie_model::Qualifier;
use vigie_text::amounts::{find_amounts, AmountKind};
use vigie_text::Document;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seeds/000_5dc92b07ccc625f8.txt"
));

#[test]
fn seed_amounts_exactly() {
    let d = Document::new(SEED).unwrap();
    let got: Vec<(String, f64, Option<&str>, Qualifier, AmountKind)> =
        find_amounts(&d.text, d.lang)
            .into_iter()
            .map(|a| {
                let span = d.to_original_span(a.start..a.end);
                (
                    d.original[span].to_string(),
                    a.value,
                    a.currency,
                    a.qualifier,
                    a.kind,
                )
            })
            .collect();
    let eur = Some("EUR");
    use AmountKind::*;
    use Qualifier::*;
    let want: Vec<(String, f64, Option<&str>, Qualifier, AmountKind)> = vec![
        ("4 milliards d'euros".into(), 4e9, eur, Exact, Money),
        ("1,2 milliard d'euros".into(), 1.2e9, eur, Exact, Money),
        ("4 milliards d'euros".into(), 4e9, eur, Exact, Money),
        ("15 millions d’euros".into(), 15e6, eur, Exact, Money),
        ("600 millions".into(), 6e8, None, Exact, Money),
        ("3,2 milliards d'euros".into(), 3.2e9, eur, Exact, Money),
        ("1,2 milliard d'euros".into(), 1.2e9, eur, AtLeast, Money),
        ("1,2 milliard d'euros".into(), 1.2e9, eur, AtLeast, Money),
        ("35".into(), 35.0, None, Exact, Count),
        ("trois mille".into(), 3000.0, None, Exact, Count),
    ];
    assert_eq!(got, want);
}

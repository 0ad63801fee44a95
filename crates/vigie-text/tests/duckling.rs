//! Duckling's French and English money and numeral corpus
//! (`shared/testdata/duckling`), plus cases Duckling lacks.
//!
//! Every vector passes, or is listed in `duckling_exceptions.json` with the
//! reason its expectation is wrong or irrelevant for news text. A listed
//! vector that passes fails the test too (the list stays honest).
//! `DUCKLING_DUMP=1` prints the failing vectors as JSON.

use std::collections::BTreeMap;

use serde_json::Value;
use vigie_model::Qualifier;
use vigie_text::amounts::{find_amounts, Amount, AmountKind};
use vigie_text::{normalize, Lang};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/testdata/duckling/"
);
const EXCEPTIONS: &str = include_str!("duckling_exceptions.json");

fn load(name: &str) -> Vec<Value> {
    let s = std::fs::read_to_string(format!("{DIR}{name}")).unwrap();
    serde_json::from_str(&s).unwrap()
}

fn lang(v: &Value) -> Lang {
    if v["lang"] == "fr" {
        Lang::Fr
    } else {
        Lang::En
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// Does our currency answer agree with Duckling's?
fn currency_ok(v: &Value, got: Option<&str>) -> bool {
    match v["currency"].as_str() {
        Some(c) => got == Some(c),
        None => match v["unit"].as_str() {
            // "$" alone means USD for news; "£" is GBP.
            Some("$") => got == Some("USD") || got.is_none(),
            Some("£") => got == Some("GBP") || got.is_none(),
            _ => got.is_none(),
        },
    }
}

fn run(v: &Value) -> Vec<Amount> {
    let text = v["text"].as_str().unwrap();
    find_amounts(&normalize(text).text, lang(v))
}

fn check_vector(v: &Value) -> Result<(), String> {
    let got = run(v);
    let [a] = got.as_slice() else {
        return Err(format!("{} amounts: {got:?}", got.len()));
    };
    let want = v["value"].as_f64().unwrap();
    if !close(a.value, want) {
        return Err(format!("value {} != {want}", a.value));
    }
    let money = v["dim"] == "amount-of-money";
    match (money, a.kind) {
        (true, AmountKind::Money) => {
            if !currency_ok(v, a.currency) {
                return Err(format!("currency {:?}", a.currency));
            }
        }
        (false, AmountKind::Count) => {}
        _ => return Err(format!("kind {:?}", a.kind)),
    }
    if a.qualifier == Qualifier::Range {
        return Err("range".into());
    }
    Ok(())
}

fn check_interval(v: &Value) -> Result<(), String> {
    let got = run(v);
    let [a] = got.as_slice() else {
        return Err(format!("{} amounts: {got:?}", got.len()));
    };
    if a.kind != AmountKind::Money || !currency_ok(v, a.currency) {
        return Err(format!("kind/currency {:?} {:?}", a.kind, a.currency));
    }
    let (min, max) = (v["min"].as_f64(), v["max"].as_f64());
    let ok = match v["kind"].as_str().unwrap() {
        "interval" => {
            a.qualifier == Qualifier::Range
                && close(a.value, min.unwrap())
                && a.max.is_some_and(|m| close(m, max.unwrap()))
        }
        "above" => a.qualifier == Qualifier::AtLeast && close(a.value, min.unwrap()),
        "under" => a.qualifier == Qualifier::AtMost && close(a.value, max.unwrap()),
        k => return Err(format!("unknown kind {k}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("got {a:?}"))
    }
}

fn check_negative(v: &Value) -> Result<(), String> {
    let got = run(v);
    if got.is_empty() {
        Ok(())
    } else {
        Err(format!("found {got:?}"))
    }
}

type Check = fn(&Value) -> Result<(), String>;

fn key(v: &Value) -> String {
    format!(
        "{}: {}",
        v["lang"].as_str().unwrap(),
        v["text"].as_str().unwrap()
    )
}

#[test]
fn duckling_corpus_passes_or_is_listed() {
    let exceptions: BTreeMap<String, String> = serde_json::from_str(EXCEPTIONS).unwrap();
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    let mut seen = BTreeMap::new();
    let mut total = 0;
    let groups: [(&str, Check); 3] = [
        ("vectors.json", check_vector),
        ("intervals.json", check_interval),
        ("negatives.json", check_negative),
    ];
    for (file, check) in groups {
        for v in load(file) {
            total += 1;
            let k = key(&v);
            let r = check(&v);
            // The same text may appear twice (e.g. as money and as numeral).
            let prev_ok = seen.get(&k).copied().unwrap_or(true);
            seen.insert(k.clone(), prev_ok && r.is_ok());
            if let Err(e) = r {
                if !exceptions.contains_key(&k) {
                    failures.push((k, e));
                }
            }
        }
    }
    for k in exceptions.keys() {
        match seen.get(k) {
            Some(true) => stale.push(format!("{k} (passes now)")),
            None => stale.push(format!("{k} (no such vector)")),
            Some(false) => {}
        }
    }
    if std::env::var_os("DUCKLING_DUMP").is_some() {
        let m: BTreeMap<_, _> = failures.iter().cloned().collect();
        println!("{}", serde_json::to_string_pretty(&m).unwrap());
    }
    assert!(total > 300, "only {total} vectors");
    assert!(
        failures.is_empty(),
        "{} vectors fail and are not listed:\n{}",
        failures.len(),
        failures
            .iter()
            .map(|(k, e)| format!("  {k}  -> {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(stale.is_empty(), "stale exceptions:\n{}", stale.join("\n"));
    let passed = seen.values().filter(|ok| **ok).count();
    println!("{passed} of {} distinct vectors pass", seen.len());
}

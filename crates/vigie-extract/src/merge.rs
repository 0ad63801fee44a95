//! One event per commitment within an article: candidates of the same actor
//! family and the same amount (within 1%) are one event with all their
//! evidence; statements without an amount join the event they describe.

use crate::doc::Doc;
use crate::engine::{Cand, Via};
use crate::lexicon::Class;
use vigie_model::{Kind, Qualifier, Status};

/// A group of candidates that state one event.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub members: Vec<usize>,
}

fn family(d: &Doc, c: &Cand) -> Option<String> {
    // the raiser identifies an equity round better than its investors
    if c.kind == Kind::Equity && (c.class == Class::Raise || c.investor.is_none()) {
        if let Some(r) = c.recipient {
            return Some(format!("r:{}", d.orgs[r].family));
        }
    }
    if c.kind == Kind::Equity {
        if let Some(r) = c.recipient {
            return Some(format!("r:{}", d.orgs[r].family));
        }
    }
    c.investor.map(|i| d.orgs[i].family.clone())
}

fn same_amount(d: &Doc, a: usize, b: usize) -> bool {
    let (x, y) = (&d.amounts[a], &d.amounts[b]);
    let cur_ok = x.currency == y.currency || x.currency.is_none() || y.currency.is_none();
    let close = |a: f64, b: f64| (a - b).abs() <= 0.01 * a.max(b);
    // "jusqu'à 400 M€" and "entre 300 et 400 M€" state one raise
    cur_ok
        && (close(x.value, y.value)
            || x.max.is_some_and(|m| close(m, y.value))
            || y.max.is_some_and(|m| close(m, x.value)))
}

fn shares_place(d: &Doc, a: &Cand, b: &Cand) -> bool {
    a.places.iter().any(|&i| {
        let p = &d.places[i];
        p.rank < 3
            && b.places.iter().any(|&j| {
                let q = &d.places[j];
                q.rank < 3
                    && ((p.commune.is_some() && p.commune == q.commune)
                        || (p.departement.is_some()
                            && p.departement == q.departement
                            && (p.rank == 1 || q.rank == 1))
                        || (p.region.is_some()
                            && p.region == q.region
                            && (p.rank == 2 || q.rank == 2)))
            })
    })
}

pub(crate) fn group(d: &Doc, cands: &[Cand]) -> Vec<Group> {
    let n = cands.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let fams: Vec<Option<String>> = cands.iter().map(|c| family(d, c)).collect();
    // 1. same family, same amount
    for i in 0..n {
        for j in 0..i {
            if let (Some(a), Some(b)) = (cands[i].amount, cands[j].amount) {
                if fams[i].is_some() && fams[i] == fams[j] && same_amount(d, a, b) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri] = rj;
                }
            }
        }
    }
    // 2. a statement without amount joins the event it refers to or shares a place with
    for i in 0..n {
        if cands[i].amount.is_some() {
            continue;
        }
        // a hiring plan said to be apart ("Le constructeur a par ailleurs
        // indiqué qu'il prévoyait d'embaucher 3 500 personnes", "Separately,
        // the company will hire") is an announcement of its own
        if cands[i].kind == Kind::Jobs {
            let sent = d
                .sents
                .get(cands[i].sent)
                .and_then(|s| d.text.get(s.start..s.end))
                .unwrap_or("")
                .to_lowercase();
            if sent.contains("par ailleurs") || sent.contains("separately") {
                continue;
            }
        }
        let mut target = None;
        // buying a company creates no jobs: hiring announced beside an
        // acquisition ("Kestrel plans to hire 150 engineers in France") is
        // an announcement of its own
        let hires = cands[i].jobs.is_some();
        let not_bought = |j: usize| !(hires && cands[j].kind == Kind::Acquisition);
        if let Some(r) = cands[i].ref_cand {
            if r < n && r != i && not_bought(r) {
                target = Some(r);
            }
        }
        if target.is_none() {
            // an event of the same family (with money) sharing a local place,
            // or in the next sentences referring back to this one
            for j in 0..n {
                if j == i || fams[j].is_none() || fams[j] != fams[i] {
                    continue;
                }
                let same_target = matches!(cands[i].kind, Kind::Acquisition | Kind::Equity)
                    && cands[i].kind == cands[j].kind
                    && cands[i].recipient.is_some()
                    && cands[i].recipient.map(|r| &d.orgs[r].family)
                        == cands[j].recipient.map(|r| &d.orgs[r].family);
                let kind_ok = matches!(cands[i].kind, Kind::Capex | Kind::Jobs)
                    || cands[i].kind == cands[j].kind;
                if cands[j].amount.is_some()
                    && kind_ok
                    && not_bought(j)
                    && (shares_place(d, &cands[i], &cands[j])
                        || cands[j].ref_cand == Some(i)
                        || same_target)
                {
                    target = Some(j);
                    break;
                }
            }
        }
        if target.is_none() {
            // two statements without money about the same actor and place
            for j in 0..i {
                let same_jobs = cands[i].jobs.is_some()
                    && cands[i].jobs.as_ref().map(|x| x.value)
                        == cands[j].jobs.as_ref().map(|x| x.value);
                if cands[j].amount.is_none()
                    && fams[j].is_some()
                    && fams[j] == fams[i]
                    && (shares_place(d, &cands[i], &cands[j])
                        || cands[j].sent == cands[i].sent
                        || same_jobs)
                {
                    target = Some(j);
                    break;
                }
            }
        }
        if let Some(j) = target {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            parent[ri] = rj;
        }
    }
    // candidates with an amount that refer to a statement without one
    for i in 0..n {
        if cands[i].amount.is_none() {
            continue;
        }
        if let Some(r) = cands[i].ref_cand {
            if r < n
                && cands[r].amount.is_none()
                && fams[r] == fams[i]
                && cands[i].kind != Kind::PublicFunding
            {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, r));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut idx: std::collections::HashMap<usize, usize> = Default::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = *idx.entry(r).or_insert_with(|| {
            groups.push(Group {
                members: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].members.push(i);
    }
    groups
}

/// Drops a group whose amount is the sum of two or more other groups of the
/// same actor ("200 M€ dans deux usines" = 120 M€ + 80 M€): a total, not a
/// commitment of its own.
pub(crate) fn drop_totals(d: &Doc, cands: &[Cand], groups: Vec<Group>) -> Vec<Group> {
    let info: Vec<(Option<String>, Option<f64>)> = groups
        .iter()
        .map(|g| {
            let fam = g.members.iter().find_map(|&m| family(d, &cands[m]));
            let val = g
                .members
                .iter()
                .find_map(|&m| cands[m].amount.map(|a| d.amounts[a].value));
            (fam, val)
        })
        .collect();
    let mut keep = vec![true; groups.len()];
    for (i, (fam, val)) in info.iter().enumerate() {
        let (Some(fam), Some(v)) = (fam, val) else {
            continue;
        };
        let parts: Vec<f64> = info
            .iter()
            .enumerate()
            .filter(|(j, (f, x))| *j != i && f.as_ref() == Some(fam) && x.is_some_and(|x| x < *v))
            .filter_map(|(_, (_, x))| *x)
            .collect();
        if parts.len() >= 2 {
            let sum: f64 = parts.iter().sum();
            if (sum - v).abs() <= 0.01 * v {
                keep[i] = false;
            }
        }
        // "plus d'un milliard d'euros dans deux usines" over 1,1 Md€ + 300 M€:
        // a floor that other statements of the same company meet restates
        // them (or sums them)
        let floor = groups[i].members.iter().any(|&m| {
            cands[m]
                .amount
                .is_some_and(|a| d.amounts[a].qualifier == Qualifier::AtLeast)
        });
        if floor {
            let others: Vec<f64> = info
                .iter()
                .enumerate()
                .filter(|(j, (f, _))| *j != i && f.as_ref() == Some(fam))
                .filter_map(|(_, (_, x))| *x)
                .filter(|x| (x - v).abs() > 0.01 * v)
                .collect();
            let total: f64 = others.iter().sum();
            if others.len() >= 2 && total >= *v && others.iter().all(|x| *x < 2.0 * v) {
                keep[i] = false;
            }
        }
    }
    groups
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(g, _)| g)
        .collect()
}

/// The most specific of two qualifiers (exact + at_least -> at_least).
pub(crate) fn combine_qualifier(a: Qualifier, b: Qualifier) -> Qualifier {
    let rank = |q: Qualifier| match q {
        Qualifier::Exact => 0,
        Qualifier::Approx => 1,
        Qualifier::AtLeast | Qualifier::AtMost => 2,
        Qualifier::Range => 3,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The status that says most (cancelled > completed > sought > planned > announced).
pub(crate) fn combine_status(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Announced => 0,
        Status::Planned => 1,
        Status::Sought => 2,
        Status::Completed => 3,
        Status::Cancelled => 4,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The kind of a merged event: the most specific one stated.
pub(crate) fn combine_kind(kinds: &[Kind], has_money: bool) -> Kind {
    let has = |k: Kind| kinds.contains(&k);
    if has(Kind::Equity) {
        Kind::Equity
    } else if has(Kind::Acquisition) {
        Kind::Acquisition
    } else if has(Kind::PublicFunding) {
        Kind::PublicFunding
    } else if !has_money && has(Kind::Jobs) {
        Kind::Jobs
    } else if has(Kind::Capex) {
        Kind::Capex
    } else {
        Kind::Jobs
    }
}

pub(crate) fn via_rank(v: Via) -> u8 {
    match v {
        Via::Subject => 0,
        Via::After => 1,
        Via::Coref => 2,
        Via::EventRef => 3,
        Via::None => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_combine_to_the_most_specific() {
        assert_eq!(
            combine_qualifier(Qualifier::Exact, Qualifier::AtLeast),
            Qualifier::AtLeast
        );
        assert_eq!(
            combine_qualifier(Qualifier::AtLeast, Qualifier::Exact),
            Qualifier::AtLeast
        );
        assert_eq!(
            combine_qualifier(Qualifier::Approx, Qualifier::Exact),
            Qualifier::Approx
        );
    }

    #[test]
    fn statuses_and_kinds_combine() {
        assert_eq!(
            combine_status(Status::Announced, Status::Completed),
            Status::Completed
        );
        assert_eq!(combine_kind(&[Kind::Capex, Kind::Jobs], false), Kind::Jobs);
        assert_eq!(combine_kind(&[Kind::Capex, Kind::Jobs], true), Kind::Capex);
        assert_eq!(
            combine_kind(&[Kind::Capex, Kind::Equity], true),
            Kind::Equity
        );
    }
}

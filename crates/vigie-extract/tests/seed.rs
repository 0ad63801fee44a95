//! The seed article (../shared/seeds) must score F1 1.000 with every field
//! right and no schema-invalid record, with the shared scorer.

mod common;

use vigie_extract::Extractor;

#[test]
fn seed_scores_perfectly() {
    let x = Extractor::new();
    let path = common::shared().join("seeds/000_5dc92b07ccc625f8.txt");
    let (article, events) = common::extract_file(&x, &path);
    common::assert_evidence_exact(&article, &events);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.jsonl");
    common::write_jsonl(&out, &events);
    let report = common::score(&common::shared().join("gold/seed.json"), &out);
    println!("{report}");
    assert!(report.contains("schema-invalid predictions: 0"), "{report}");
    assert_eq!(common::f1(&report), 1.0, "{report}");
    // every field line reads n/n
    let mut fields = 0;
    for line in report.lines().filter(|l| l.starts_with("  ")) {
        let mut it = line.split_whitespace();
        let (Some(name), Some(ratio)) = (it.next(), it.next()) else {
            continue;
        };
        let (good, total) = ratio.split_once('/').expect("n/n");
        assert_eq!(good, total, "field {name} is {ratio}\n{report}");
        fields += 1;
    }
    assert!(fields >= 8, "expected the field lines in\n{report}");
    // the Microsoft 4 bn and the AWS 1.2 bn are each one event with all their evidence
    let aws = events
        .iter()
        .find(|e| e.amount.as_ref().is_some_and(|m| m.value == 1.2e9))
        .expect("AWS event");
    assert!(aws.evidence.len() >= 3, "AWS evidence: {:?}", aws.evidence);
    assert_eq!(aws.jobs.as_ref().map(|j| j.value), Some(3000));
}

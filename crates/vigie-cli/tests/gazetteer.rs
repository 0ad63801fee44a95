//! `vigie places` and `vigie orgs` end to end.
use assert_cmd::Command;

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn places_from_stdin_with_codes_and_original_offsets() {
    let text = "L’usine  de Mulhouse (Haut-Rhin) et un centre en région parisienne.\n";
    let out = Command::cargo_bin("vigie")
        .unwrap()
        .arg("places")
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    let mulhouse = recs.iter().find(|r| r["commune"] == "68224").unwrap();
    let (s, e) = (
        mulhouse["start"].as_u64().unwrap() as usize,
        mulhouse["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Mulhouse");
    assert_eq!(mulhouse["level"], "commune");
    assert!(recs
        .iter()
        .any(|r| r["region"] == "11" && r["text"] == "région parisienne"));
}

#[test]
fn orgs_on_the_seed_and_lines_mode() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_5dc92b07ccc625f8.txt"
    );
    if std::path::Path::new(seed).exists() {
        let out = Command::cargo_bin("vigie")
            .unwrap()
            .args(["orgs", seed])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let recs = json_lines(&out);
        assert!(recs.iter().any(|r| r["text"] == "AWS"
            && r["canonical"] == "Amazon Web Services"
            && r["parent"] == "Amazon"));
        assert!(recs
            .iter()
            .any(|r| r["canonical"] == "Reuters" && r["outlet"] == true));
    }
    let out = Command::cargo_bin("vigie")
        .unwrap()
        .args(["orgs", "--lines", "--all", "-"])
        .write_stdin("Le géant américain Microsoft.\nUn data center.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    assert!(recs
        .iter()
        .any(|r| r["type"] == "demonym" && r["country"] == "US" && r["line"] == 1));
    assert!(recs
        .iter()
        .any(|r| r["type"] == "org" && r["canonical"] == "Microsoft"));
    assert!(recs
        .iter()
        .any(|r| r["type"] == "sector" && r["sector"] == "datacenter_cloud" && r["line"] == 2));
}

#[test]
fn a_missing_file_is_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "Investir en Allemagne.").unwrap();
    let missing = dir.path().join("missing.txt");
    let a = Command::cargo_bin("vigie")
        .unwrap()
        .arg("places")
        .arg(&missing)
        .arg(&ok)
        .assert()
        .failure();
    let out = a.get_output();
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["country"], "DE");
}

//! The `kzvisa` command as operators use it: exit codes, messages, bulk checks, and an
//! operator's own data directory.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn kzvisa(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kzvisa"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kzvisa runs");
    // A command refused for its options may exit before it reads its input.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/case.json");

#[test]
fn check_prints_the_contract_example_assessment() {
    let out = kzvisa(&["check", EXAMPLE], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["route"], "visa_free");
    assert_eq!(a["max_stay_days"], 30);
    assert_eq!(a["rules"]["version"], "2026.12.06-1");
    assert_eq!(a["rules"]["as_of"], "2026-11-22");
    let deadline =
        |code: &str| a["deadlines"].as_array().unwrap().iter().find(|d| d["code"] == code).map(|d| d["date"].clone());
    assert_eq!(deadline("host_notification"), Some("2026-12-04".into()));
    assert_eq!(deadline("latest_exit"), Some("2026-12-30".into()));
}

#[test]
fn input_errors_are_one_line_each_naming_the_field_with_status_2() {
    let case = r#"{"today":"2026-11-21","nationality":"QQ","purpose":"tourism","passport":{"expires":"2026-02-30"},
        "trip":{"entry":"2026-12-10","exit":"2026-12-01","entry_point":"airport_almaty"}}"#;
    let out = kzvisa(&["check", "-"], case);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("nationality: `QQ` is not a country or travel document code"), "{err}");
    assert!(lines[1].starts_with("passport.expires: 2026-02-30 does not exist"), "{err}");
    assert!(lines[2].starts_with("trip.exit: 2026-12-01 is before the entry date 2026-12-10"), "{err}");
}

#[test]
fn malformed_json_and_missing_files_are_clear() {
    let out = kzvisa(&["check", "-"], "{not json");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not valid JSON"));
    let out = kzvisa(&["check", "/nonexistent/case.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/nonexistent/case.json"));
}

#[test]
fn a_case_without_today_is_assessed_on_the_local_date() {
    let case = r#"{"nationality":"DE","purpose":"tourism","passport":{"expires":"2199-01-01"},
        "trip":{"entry":"2199-06-01","exit":"2199-06-05","entry_point":"land"}}"#;
    let out = kzvisa(&["check", "-"], case);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["today"], chrono::Local::now().date_naive().to_string());
}

#[test]
fn several_files_give_one_json_line_each() {
    let dir = std::env::temp_dir().join(format!("kzvisa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"today":"2026-11-21","nationality":"DE"}"#).unwrap();
    let out = kzvisa(&["check", EXAMPLE, bad.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2), "one case has errors");
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["assessment"]["route"], "visa_free");
    let fields: Vec<&str> =
        lines[1]["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["purpose", "passport.expires", "trip.entry", "trip.exit", "trip.entry_point"]);
    assert!(text(&out.stderr).lines().all(|l| l.starts_with(bad.to_str().unwrap())));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rules_and_countries_describe_the_data() {
    let out = kzvisa(&["rules"], "");
    assert!(out.status.success());
    let listing = text(&out.stdout);
    for needle in [
        "2026.12.06-1",
        "as of 2026-11-22",
        "visa_free_30",
        "45 states",
        "117 states",
        "22 states",
        "e_visa_lists_001_vs_004",
    ] {
        assert!(listing.contains(needle), "`kzvisa rules` lacks {needle}");
    }
    let out = kzvisa(&["countries", "--json", "--lang", "ru", "--date", "2026-12-01"], "");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let de = v["countries"].as_array().unwrap().iter().find(|c| c["code"] == "DE").unwrap();
    assert_eq!(de["name"], "Германия");
    assert_eq!(de["routes"]["tourism"], "visa_free");
    assert_eq!(de["routes"]["work"], "consular_visa");
    let out = kzvisa(&["countries", "--lang", "fr"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_operator_directory_replaces_built_in_files_and_bad_data_is_status_3() {
    let dir = std::env::temp_dir().join(format!("kzvisa-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let regimes = include_str!("../data/regimes.toml").replace(
        "{ code = \"AU\",",
        "{ code = \"RU\", lines = { \"003\" = \"added by the operator\" } },\n  { code = \"AU\",",
    );
    std::fs::write(dir.join("regimes.toml"), regimes).unwrap();
    let case = r#"{"today":"2026-11-21","nationality":"RU","purpose":"tourism","passport":{"expires":"2031-01-01"},
        "trip":{"entry":"2026-12-01","exit":"2026-12-10","entry_point":"rail"}}"#;
    let out = kzvisa(&["check", "-", "--rules", dir.to_str().unwrap()], case);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"route\": \"visa_free\""));

    std::fs::write(dir.join("steps.toml"), "[[step]]\ncode = \"x\"\ncolour = \"red\"\ncite = []\n").unwrap();
    let out = kzvisa(&["rules", "--rules", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("steps.toml") && text(&out.stderr).contains("unknown field `colour`"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kzvisa"))
        .args(["countries"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, as `| head` does
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "status {:?}: {}", out.status, text(&out.stderr));
    assert!(!text(&out.stderr).contains("panicked"));
}

/// The built-in data with an operator's additions from `tests/operator/` appended, in a
/// directory of its own, as an operator would keep them.
fn operator_dir() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::temp_dir().join(format!("kzvisa-operator-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["sources.toml", "rules.toml", "regimes.toml"] {
        let builtin = std::fs::read_to_string(root.join("rules/data").join(name)).unwrap();
        let added = std::fs::read_to_string(root.join("tests/operator").join(name)).unwrap();
        std::fs::write(dir.join(name), builtin + &added).unwrap();
    }
    dir
}

#[test]
fn an_operator_changes_a_number_and_adds_a_regime_and_the_assessment_says_so() {
    let dir = operator_dir();
    let case = r#"{"today":"2026-11-22","nationality":"PK","purpose":"tourism","passport":{"expires":"2031-01-01"},
        "trip":{"entry":"2026-12-01","exit":"2027-01-29","entry_point":"land"}}"#;
    let out = kzvisa(&["check", "--rules", dir.to_str().unwrap(), "-"], case);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["route"], "visa_free");
    assert_eq!(a["max_stay_days"], 60);
    assert_eq!(a["basis"]["regime"], "pk_bilateral_60");
    assert_eq!(a["basis"]["sources"][0], "operator-order-2026");
    let host = a["deadlines"].as_array().unwrap().iter().find(|d| d["code"] == "host_notification").unwrap().clone();
    assert_eq!(host["params"]["working_days"], 5);
    assert_eq!(host["date"], "2026-12-08", "5 working days after Tuesday 1 December");
    let step = a["steps"].as_array().unwrap().iter().find(|s| s["code"] == "host_notifies_migration_service").unwrap();
    assert_eq!(step["params"]["working_days"], 5);

    // Under the five texts alone: a consular visa, and the hosts' 3 working days.
    let out = kzvisa(&["check", "--rules", dir.to_str().unwrap(), "--law", "core", "-"], case);
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["route"], "consular_visa");
    assert_eq!(a["law"], "core");
    let host = a["deadlines"].as_array().unwrap().iter().find(|d| d["code"] == "host_notification").unwrap().clone();
    assert_eq!(host["params"]["working_days"], 3);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn law_core_assesses_under_the_five_texts_alone() {
    let case = r#"{"today":"2026-11-22","nationality":"RU","purpose":"tourism","passport":{"expires":"2031-01-01"},
        "trip":{"entry":"2026-12-01","exit":"2026-12-10","entry_point":"rail"}}"#;
    let current: serde_json::Value = serde_json::from_slice(&kzvisa(&["check", "-"], case).stdout).unwrap();
    assert_eq!(current["route"], "visa_free");
    assert_eq!(current["basis"]["regime"], "eaeu_90_in_180");
    assert_eq!(current["basis"]["confidence"], "reported");
    assert_eq!(current["basis"]["replaced"]["route"], "consular_visa");
    let core: serde_json::Value =
        serde_json::from_slice(&kzvisa(&["check", "--law", "core", "-"], case).stdout).unwrap();
    assert_eq!(core["route"], "consular_visa");
    assert_eq!(core["basis"]["not_covered"], true);
    let bad = kzvisa(&["check", "--law", "old", "-"], case);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("--law must be current or core"));
}

#[test]
fn rules_lists_every_act_with_its_date_in_force_and_confidence() {
    let out = kzvisa(&["rules"], "");
    let listing = text(&out.stdout);
    assert!(listing.contains("treaty-cn-2023 [treaty, "), "{listing}");
    assert!(listing.contains("in force 2023-11-10"), "{listing}");
    assert!(listing.contains("gov-res-2022-1146 [government_resolution, reported]"), "{listing}");
    assert!(listing.contains("eaeu_90_in_180") && listing.contains("later act"), "{listing}");
}

const GROUP_TRIP: [&str; 10] = [
    "--purpose",
    "tourism",
    "--entry",
    "2026-12-01",
    "--exit",
    "2026-12-20",
    "--entry-point",
    "airport_almaty",
    "--today",
    "2026-11-21",
];

fn group(extra: &[&str], stdin: &str) -> Output {
    let args: Vec<&str> = ["group"].iter().chain(&GROUP_TRIP).chain(extra).copied().collect();
    kzvisa(&args, stdin)
}

const GROUP: &str = "name;nationality;birth_date;passport.expires\r\nAnna Schmidt;DE;1990-05-01;2031-01-01\r\nRahul Verma;IND;1985-03-12;2030-06-30\r\n";

#[test]
fn group_writes_csv_or_json_lines_and_exits_0_when_every_row_is_assessed() {
    let out = group(&["-"], GROUP);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "line,name,nationality,route,allowed,blockers,latest_exit,error,outlook,next,next_date\r\n\
         2,Anna Schmidt,DE,visa_free,true,,2026-12-30,,as_planned,cross_at_international_checkpoint,2026-12-01\r\n\
         3,Rahul Verma,IN,visa_free,false,stay_over_max_stay,2026-12-14,,not_as_planned,shorten,2026-12-14\r\n",
        "a blocker is a verdict, not an error"
    );
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));

    let out = group(&["-", "--format", "jsonl", "--law", "core"], GROUP);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0]["line"].as_u64(), lines[0]["name"].as_str()), (Some(2), Some("Anna Schmidt")));
    assert_eq!(lines[0]["assessment"]["route"], "visa_free");
    assert_eq!(lines[1]["assessment"]["law"], "core");
    assert_eq!(lines[1]["assessment"]["route"], "e_visa", "India's e-visa under the five texts alone");
}

#[test]
fn group_with_a_bad_row_prints_every_row_and_exits_2_naming_line_and_column_never_a_name() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/group/bad_rows.csv");
    let out = group(&[file, "--format", "jsonl"], "");
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 7, "the good rows are still printed");
    assert_eq!(lines[0]["assessment"]["route"], "visa_free");
    assert_eq!(lines[1]["errors"][0]["column"], "passport.expires");
    assert_eq!(lines[1]["errors"][0]["code"], "no_such_date");
    assert_eq!(lines[3]["assessment"]["route"], "consular_visa");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 8, "{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("line ")), "{stderr}");
    assert!(stderr.starts_with("line 3, passport.expires: 2031-02-30 does not exist"), "{stderr}");
    for name in ["Good", "Bad", "Nurlan", "Seitkali"] {
        assert!(!stderr.contains(name), "a name on standard error: {stderr}");
    }
}

#[test]
fn group_with_a_bad_shared_trip_or_file_exits_2_naming_the_option_or_column() {
    let out = kzvisa(&["group", "-", "--purpose", "tourism", "--entry", "2026-12-01", "--exit", "2026-11-01"], GROUP);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "--exit: 2026-11-01 is before the entry date 2026-12-01\n--entry-point: is required\n"
    );

    let out = group(&["-"], "name,nationality,birth_date\nAnna Schmidt,DE,1990-05-01\n");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "standard input: the header lacks the column passport.expires\n");

    let out = group(&["-", "--format", "xml"], GROUP);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--format must be csv or jsonl, not xml"));
    let out = group(&[], GROUP);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("name one CSV file"));
}

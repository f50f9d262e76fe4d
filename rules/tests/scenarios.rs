//! Table-driven scenarios: one JSON file per legal situation, each with the clause it
//! tests, a case, and what must come out. Those in `tests/scenarios/` come from the five
//! seed texts and are assessed under `law=core` (the texts alone must still give them);
//! those in `tests/scenarios/acts/` come from the later acts and are assessed under the
//! law their case names (`current` by default): each act on the day before it took effect
//! and on the day it did.

use std::collections::BTreeSet;
use std::path::Path;

use kzvisa_rules::{evaluate, json::read_case, Assessment, Law, Rules};
use serde_json::Value;

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn codes(a: &Assessment) -> Vec<&'static str> {
    a.issues.iter().map(|i| i.code.as_str()).collect()
}

/// Whether `wanted` appears in `list` in the same order (other items may come between).
fn in_order(list: &[String], wanted: &[String]) -> bool {
    let mut it = list.iter();
    wanted.iter().all(|w| it.any(|x| x == w))
}

fn check(name: &str, fixture: &Value, rules: &Rules, law: Law) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |m: String| problems.push(format!("{name}: {m}"));
    let expect = &fixture["expect"];
    let mut raw = match read_case(&fixture["case"].to_string()) {
        Ok(raw) => raw,
        Err(e) => return vec![format!("{name}: case does not read: {e}")],
    };
    raw.law.get_or_insert_with(|| law.as_str().to_string());
    let outcome = evaluate(rules, &raw);
    let wanted_errors: BTreeSet<String> = strings(expect.get("input_errors")).into_iter().collect();
    let a = match outcome {
        Err(errors) => {
            let got: BTreeSet<String> = errors.0.iter().map(|e| e.field.clone()).collect();
            if got != wanted_errors {
                fail(format!("input errors on {got:?}, expected {wanted_errors:?}: {errors}"));
            }
            return problems;
        }
        Ok(_) if !wanted_errors.is_empty() => {
            fail(format!("expected input errors on {wanted_errors:?}, got an assessment"));
            return problems;
        }
        Ok(a) => a,
    };
    if let Some(route) = expect.get("route").and_then(Value::as_str) {
        if a.route.as_str() != route {
            fail(format!("route {}, expected {route} (issues {:?})", a.route, codes(&a)));
        }
    }
    if let Some(basis) = expect.get("basis") {
        let got = serde_json::to_value(&a.basis).unwrap_or_default();
        for (key, want) in basis.as_object().into_iter().flatten() {
            if got.get(key) != Some(want) {
                fail(format!("basis.{key} is {:?}, expected {want}", got.get(key)));
            }
        }
    }
    if let Some(allowance) = expect.get("allowance") {
        let got = serde_json::to_value(&a.allowance).unwrap_or_default();
        for (key, want) in allowance.as_object().into_iter().flatten() {
            if got.get(key) != Some(want) {
                fail(format!("allowance.{key} is {:?}, expected {want}", got.get(key)));
            }
        }
    }
    if let Some(max) = expect.get("max_stay_days") {
        if a.max_stay_days.map(u64::from) != max.as_u64() {
            fail(format!("max_stay_days {:?}, expected {max}", a.max_stay_days));
        }
    }
    let present = codes(&a);
    for code in strings(expect.get("issues")) {
        if !present.contains(&code.as_str()) {
            fail(format!("issue {code} missing; got {present:?}"));
        }
    }
    for code in strings(expect.get("absent")) {
        if present.contains(&code.as_str()) {
            fail(format!("issue {code} should not be raised; got {present:?}"));
        }
    }
    for (code, date) in expect.get("issue_dates").and_then(Value::as_object).into_iter().flatten() {
        let got = a.issues.iter().find(|i| i.code.as_str() == code).and_then(|i| i.date).map(|d| d.to_string());
        if got.as_deref() != date.as_str() {
            fail(format!("issue {code} date {got:?}, expected {date}"));
        }
    }
    for (code, date) in expect.get("deadlines").and_then(Value::as_object).into_iter().flatten() {
        let got = a.deadlines.iter().find(|d| d.code.as_str() == code).map(|d| d.date.to_string());
        if got.as_deref() != date.as_str() {
            fail(format!("deadline {code} {got:?}, expected {date}"));
        }
    }
    for code in strings(expect.get("no_deadlines")) {
        if a.deadlines.iter().any(|d| d.code.as_str() == code) {
            fail(format!("deadline {code} should not be set"));
        }
    }
    let docs: Vec<String> = a.documents.iter().map(|d| d.code.clone()).collect();
    let steps: Vec<String> = a.steps.iter().map(|s| s.code.clone()).collect();
    let wanted_docs = strings(expect.get("documents"));
    if !in_order(&docs, &wanted_docs) {
        fail(format!("documents {docs:?} do not contain {wanted_docs:?} in order"));
    }
    let wanted_steps = strings(expect.get("steps"));
    if !in_order(&steps, &wanted_steps) {
        fail(format!("steps {steps:?} do not contain {wanted_steps:?} in order"));
    }
    for code in strings(expect.get("absent_steps")) {
        if steps.contains(&code) {
            fail(format!("step {code} should not be listed"));
        }
    }
    problems
}

/// Runs every fixture in `dir` under `law` (unless its case names one) and returns how
/// many there were and what went wrong.
fn run(dir: &str, law: Law) -> (usize, Vec<String>) {
    let rules = Rules::builtin().expect("built-in data");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("scenario dir").filter_map(Result::ok).map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap_or_default().to_string_lossy().to_string();
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("valid JSON");
        assert!(fixture["clause"].as_str().is_some_and(|c| !c.is_empty()), "{name}: every scenario names its clause");
        problems.extend(check(&name, &fixture, rules, law));
    }
    (files.len(), problems)
}

#[test]
fn every_scenario_from_the_five_texts_holds_under_the_core_law() {
    let (count, problems) = run("tests/scenarios", Law::Core);
    assert!(count >= 60, "only {count} scenarios found");
    assert!(problems.is_empty(), "{} of {count} scenarios wrong:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_scenario_from_the_later_acts_holds_under_the_current_law() {
    let (count, problems) = run("tests/scenarios/acts", Law::Current);
    assert!(count >= 30, "only {count} scenarios found");
    assert!(problems.is_empty(), "{} of {count} scenarios wrong:\n{}", problems.len(), problems.join("\n"));
}

//! How long one full evaluation takes: validating a raw case and assessing it, for each
//! route, with earlier stays for the 90-in-180 rule. Run: cargo bench -p kzvisa-rules

use criterion::{criterion_group, criterion_main, Criterion};
use kzvisa_rules::{evaluate, json::read_case, Rules};
use std::hint::black_box;

const CASES: [(&str, &str); 3] = [
    (
        "visa_free",
        r#"{"today":"2026-11-21","nationality":"DE","purpose":"tourism","birth_date":"1990-05-01",
        "passport":{"expires":"2031-01-01","issued":"2021-01-02","blank_pages":4,"condition_ok":true},
        "trip":{"entry":"2026-12-01","exit":"2026-12-20","entry_point":"airport_almaty"},
        "previous_stays":[{"entry":"2026-07-01","exit":"2026-07-30"},{"entry":"2026-09-01","exit":"2026-09-20"}]}"#,
    ),
    (
        "e_visa",
        r#"{"today":"2026-11-21","nationality":"IND","purpose":"tourism","birth_date":"1990-05-01",
        "passport":{"expires":"2031-01-01","blank_pages":4,"condition_ok":true},
        "trip":{"entry":"2027-01-10","exit":"2027-01-25","entry_point":"airport_astana"}}"#,
    ),
    (
        "consular_visa",
        r#"{"today":"2026-11-21","nationality":"NG","purpose":"business","birth_date":"1990-05-01",
        "passport":{"expires":"2031-01-01","blank_pages":4,"condition_ok":true},
        "trip":{"entry":"2027-01-20","exit":"2027-02-25","entry_point":"land"},
        "residence_permit":{"country":"AE"}}"#,
    ),
];

fn bench(c: &mut Criterion) {
    let rules = Rules::builtin().expect("built-in data");
    for (name, text) in CASES {
        let raw = read_case(text).expect("case reads");
        assert!(evaluate(rules, &raw).is_ok(), "{name} case is valid");
        c.bench_function(&format!("evaluate/{name}"), |b| b.iter(|| evaluate(rules, black_box(&raw))));
    }
    c.bench_function("load/builtin_data_set", |b| {
        b.iter(|| Rules::from_files(black_box(&kzvisa_rules::data::BUILTIN)).expect("valid"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

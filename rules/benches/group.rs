//! How long a large group takes: reading 100,000 travellers from CSV, and reading and
//! assessing them all on one trip, as a native build runs it (the CLI has no row limit).
//! Run: cargo bench -p kzvisa-rules --bench group

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kzvisa_rules::group::{assess, read_csv};
use kzvisa_rules::{RawCase, Rules};

const ROWS: usize = 100_000;

/// A semicolon-separated file as an agency's spreadsheet writes it: every route, quoted
/// names, some earlier stays, and a bad row in every hundred.
fn file() -> Vec<u8> {
    let nationalities = ["DE", "IND", "NG", "PK", "RU", "CN", "US", "BR"];
    let mut text =
        String::from("\u{feff}name;nationality;birth_date;passport.expires;passport.blank_pages;previous_stays\r\n");
    for i in 0..ROWS {
        let nationality = if i % 100 == 99 { "QQ" } else { nationalities[i % nationalities.len()] };
        let stays = if i % 3 == 0 { "\"2026-07-01..2026-07-30,2026-08-10..2026-09-08\"" } else { "" };
        text.push_str(&format!(
            "\"Traveller {i}; group {}\";{nationality};19{:02}-0{}-1{};2031-01-01;{};{stays}\r\n",
            i / 40,
            50 + i % 50,
            1 + i % 9,
            i % 10,
            i % 5
        ));
    }
    text.into_bytes()
}

/// The group's trip, as a link gives it.
const TRIP: &str =
    "today=2026-11-21&purpose=tourism&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty";

fn trip() -> RawCase {
    kzvisa_rules::url::Fragment::parse(TRIP).case
}

fn bench(c: &mut Criterion) {
    let rules = Rules::builtin().expect("built-in data");
    let (bytes, shared) = (file(), trip());
    let table = read_csv(&bytes).expect("the file reads");
    assert_eq!(table.rows.len(), ROWS);
    let outcomes = assess(rules, &shared, &table).expect("valid trip");
    assert_eq!(outcomes.iter().filter(|o| o.result.is_err()).count(), ROWS / 100, "only the bad rows fail");

    let mut group = c.benchmark_group("group");
    group.sample_size(10).measurement_time(Duration::from_secs(20)).throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("read_csv/100k_rows", |b| b.iter(|| read_csv(black_box(&bytes))));
    group.bench_function("read_and_assess/100k_rows", |b| {
        b.iter(|| assess(rules, &shared, &read_csv(black_box(&bytes)).expect("reads")).expect("valid trip"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Any bytes as a group's file: read, assessed on a valid trip, exported, and the export
//! read back, which must give one row per traveller, each name as it was.
#![no_main]

use kzvisa_rules::group::{self, EXPORT_HEADER};
use kzvisa_rules::{InputErrorCode, RawCase, Rules};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = group::read_csv(data) else { return };
    let rules = Rules::builtin().expect("built-in data");
    let mut trip = RawCase { today: Some("2026-11-21".into()), purpose: Some("tourism".into()), ..RawCase::default() };
    trip.trip.entry = Some("2026-12-01".into());
    trip.trip.exit = Some("2026-12-20".into());
    trip.trip.entry_point = Some("airport_almaty".into());
    let outcomes = group::assess(rules, &trip, &table).expect("the shared trip is valid");
    let export = group::export_csv(&outcomes);

    // The export's header lacks the group's required columns, so `read_csv` refuses it as
    // it stands. Under a header naming one column of the group per exported column (the
    // names where they were), it must read as many rows as were written: a cell quoted
    // wrongly would split or join rows, or leave a quote open.
    let header = EXPORT_HEADER.join(",") + "\r\n";
    let body = export.strip_prefix(&header).expect("the export starts with its header");
    let renamed = "passport.issued,name,nationality,passport.blank_pages,passport.condition_ok,previous_stays,\
                   passport.expires,birth_date,outlook,next,next_date\r\n";
    let again = group::read_csv((renamed.to_string() + body).as_bytes()).expect("the export reads back");
    assert_eq!(again.rows.len(), outcomes.len(), "{export:?}");
    for (row, outcome) in again.rows.iter().zip(&outcomes) {
        match row {
            // A name starting like a formula is exported behind a `'`.
            Ok(read) => {
                let name = outcome.name.as_deref().unwrap_or_default();
                let formula = name.starts_with(['=', '+', '-', '@', '\t', '\r']);
                let expected = if formula { format!("'{name}") } else { name.to_string() };
                assert_eq!(read.name.as_deref().unwrap_or_default(), expected, "{export:?}");
            }
            // A cell may be longer than the reader takes (a long name or error message),
            // nothing else: a row-wide error would be one of quoting.
            Err(e) => assert!(e.code == InputErrorCode::Malformed && !e.column.is_empty(), "{e:?} in {export:?}"),
        }
    }
});

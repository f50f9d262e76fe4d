//! The group check: agencies' CSV files as spreadsheets write them, each traveller assessed
//! on one shared trip, and the verdicts exported for a spreadsheet. Scenarios over the files
//! in `tests/fixtures/group/`, then properties over generated files.

use std::path::Path;
use std::sync::LazyLock;

use csv_core::{ReadFieldResult, Reader};
use kzvisa_rules::case::RawStay;
use kzvisa_rules::group::{
    self, export_csv, next_action, read_csv, Column, NextAction, Outcome, RowError, Table, TableErrorCode,
    EXPORT_HEADER,
};
use kzvisa_rules::{evaluate, json::read_case, Assessment, InputErrorCode, Outlook, RawCase, Rules};
use proptest::prelude::*;

fn rules() -> &'static Rules {
    Rules::builtin().expect("built-in data")
}

/// The group's trip, as a link gives it.
const TRIP: &str =
    "today=2026-11-21&purpose=tourism&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty";

/// The trip every scenario's group takes.
fn trip() -> RawCase {
    kzvisa_rules::url::Fragment::parse(TRIP).case
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/group").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assess(table: &Table) -> Vec<Outcome> {
    group::assess(rules(), &trip(), table).expect("the shared trip is valid")
}

/// Reads CSV with csv-core alone, independently of the group reader: every record's cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut reader, mut input) = (Reader::new(), text.as_bytes());
    let (mut records, mut record, mut cell, mut len) = (Vec::new(), Vec::new(), vec![0; text.len() + 1], 0);
    loop {
        let (result, read, written) = reader.read_field(input, &mut cell[len..]);
        input = &input[read..];
        len += written;
        match result {
            ReadFieldResult::InputEmpty => {}
            ReadFieldResult::OutputFull => panic!("a cell longer than the text"),
            ReadFieldResult::Field { record_end } => {
                record.push(String::from_utf8(cell[..len].to_vec()).expect("UTF-8"));
                len = 0;
                if record_end {
                    records.push(std::mem::take(&mut record));
                }
            }
            ReadFieldResult::End => return records,
        }
    }
}

/// A cell as the export must write it: what a spreadsheet would run as a formula starts with `'`.
fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// What one row must give.
enum Want {
    /// Assessed: the route, the blocker codes, the latest exit.
    Route(&'static str, &'static [&'static str], Option<&'static str>),
    /// Not assessed: the (column, code) of each error, in order.
    Errors(&'static [(&'static str, &'static str)]),
}
use Want::{Errors, Route};

const FREE_30: Want = Route("visa_free", &[], Some("2026-12-30"));

struct Scenario {
    file: &'static str,
    ignored: &'static [&'static str],
    /// Each row: its line, its name, what it gives.
    rows: &'static [(usize, Option<&'static str>, Want)],
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        file: "comma.csv",
        ignored: &[],
        rows: &[
            (2, Some("Anna Schmidt"), FREE_30),
            (3, Some("Rahul Verma"), Route("visa_free", &["stay_over_max_stay"], Some("2026-12-14"))),
            (4, Some("Chidi Okafor"), Route("e_visa", &[], None)),
            (5, Some("Ivan Petrov"), Route("visa_free", &["stay_over_90_in_180"], None)),
            // Two earlier stays in one quoted cell, written as in the URL.
            (6, Some("Olga Ivanova"), Route("visa_free", &[], Some("2027-01-29"))),
        ],
    },
    Scenario {
        // A byte-order mark, semicolons, CR LF, header names padded and in any case, and
        // trailing separators.
        file: "semicolon_bom_crlf.csv",
        ignored: &[],
        rows: &[(2, Some("Müller, Jörg"), FREE_30), (3, Some("Ахметова Айгерим"), FREE_30)],
    },
    Scenario {
        // Quoted cells with separators, doubled quotes and a line break; blank lines, and a
        // line of bare separators, are skipped but counted.
        file: "quoted.csv",
        ignored: &[],
        rows: &[
            (2, Some("O\"Brien, Seán"), FREE_30),
            (4, Some("Line one\nline two"), FREE_30),
            (7, Some("Smith \"Jr\""), FREE_30),
        ],
    },
    Scenario { file: "minimal.csv", ignored: &[], rows: &[(2, None, FREE_30)] },
    Scenario { file: "extra_column.csv", ignored: &["phone", "notes"], rows: &[(2, Some("Anna Schmidt"), FREE_30)] },
    Scenario {
        file: "short_long_rows.csv",
        ignored: &[],
        rows: &[
            (2, None, Errors(&[("passport.expires", "missing")])),
            (3, Some("Trailing Empties"), FREE_30),
            (4, None, Errors(&[("", "malformed")])),
            (5, None, FREE_30),
        ],
    },
    Scenario {
        file: "bad_rows.csv",
        ignored: &[],
        rows: &[
            (2, Some("Good One"), FREE_30),
            (3, Some("Bad Date"), Errors(&[("passport.expires", "no_such_date")])),
            (4, Some("Bad Country"), Errors(&[("nationality", "unknown_country")])),
            (5, Some("Good Two"), Route("consular_visa", &[], None)),
            (
                6,
                Some("Bad Many"),
                Errors(&[
                    ("nationality", "unknown_country"),
                    ("birth_date", "invalid_date"),
                    ("passport.blank_pages", "not_a_number"),
                    ("passport.condition_ok", "not_a_boolean"),
                    ("previous_stays", "invalid_date"),
                ]),
            ),
            (7, Some("Nurlan Seitkali"), Errors(&[("nationality", "kazakhstan_citizen")])),
            (8, Some("Good Three"), Route("e_visa", &[], None)),
        ],
    },
    Scenario {
        file: "formula.csv",
        ignored: &[],
        rows: &[
            (2, Some("=HYPERLINK(\"http://x.example/?\",\"click\")"), FREE_30),
            (3, Some("+77010000000"), FREE_30),
            (4, Some("-2+3"), FREE_30),
            (5, Some("@SUM(A1:A2)"), FREE_30),
        ],
    },
    Scenario { file: "header_only.csv", ignored: &[], rows: &[] },
    Scenario {
        // A quote left open swallows the rest of the file: the row says so, nothing is lost silently.
        file: "open_quote.csv",
        ignored: &["notes"],
        rows: &[(2, Some("Good One"), FREE_30), (3, None, Errors(&[("", "malformed")]))],
    },
];

fn check_outcome(file: &str, o: &Outcome, want: &Want) -> Result<(), String> {
    let line = o.line;
    match (want, &o.result) {
        (Route(route, blockers, latest), Ok(a)) => {
            let got: Vec<&str> =
                a.issues.iter().filter(|i| i.severity.as_str() == "blocker").map(|i| i.code.as_str()).collect();
            let exit = a.deadline(kzvisa_rules::DeadlineCode::LatestExit).map(|d| d.to_string());
            if a.route.as_str() != *route
                || got != *blockers
                || exit.as_deref() != *latest
                || a.allowed() != blockers.is_empty()
            {
                return Err(format!(
                    "{file} line {line}: {} {got:?} {exit:?}, expected {route} {blockers:?} {latest:?}",
                    a.route
                ));
            }
        }
        (Errors(wanted), Err(errors)) => {
            let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.column.as_str(), e.code.as_str())).collect();
            if got != *wanted {
                return Err(format!("{file} line {line}: errors {got:?}, expected {wanted:?}"));
            }
            for e in errors {
                let place =
                    if e.column.is_empty() { format!("line {line}: ") } else { format!("line {line}, {}", e.column) };
                if e.line != line || !e.message.starts_with(&place) {
                    return Err(format!("{file}: `{}` does not start with `{place}`", e.message));
                }
                if o.name.as_ref().is_some_and(|n| e.message.contains(n.as_str())) {
                    return Err(format!("{file} line {line}: a message carries the name"));
                }
            }
        }
        (_, Ok(a)) => return Err(format!("{file} line {line}: assessed as {}, expected errors", a.route)),
        (_, Err(errors)) => return Err(format!("{file} line {line}: not assessed: {errors:?}")),
    }
    Ok(())
}

#[test]
fn every_fixture_gives_its_rows_named_by_line_and_assessed_on_their_route() {
    let mut problems = Vec::new();
    for s in SCENARIOS {
        let table = match read_csv(&fixture(s.file)) {
            Ok(table) => table,
            Err(e) => {
                problems.push(format!("{}: {e}", s.file));
                continue;
            }
        };
        if table.ignored != s.ignored {
            problems.push(format!("{}: ignored {:?}, expected {:?}", s.file, table.ignored, s.ignored));
        }
        let outcomes = assess(&table);
        if outcomes.len() != s.rows.len() {
            problems.push(format!("{}: {} rows, expected {}", s.file, outcomes.len(), s.rows.len()));
            continue;
        }
        for (o, (line, name, want)) in outcomes.iter().zip(s.rows) {
            if o.line != *line || o.name.as_deref() != *name {
                problems
                    .push(format!("{}: line {} (name {:?}), expected line {line} ({name:?})", s.file, o.line, o.name));
            }
            problems.extend(check_outcome(s.file, o, want).err());
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn a_file_that_cannot_be_read_says_why_naming_the_column_or_line() {
    let cases: [(&[u8], TableErrorCode, &str); 7] = [
        (&fixture("missing_required.csv"), TableErrorCode::MissingColumn, "lacks the column passport.expires"),
        (&fixture("duplicate_column.csv"), TableErrorCode::DuplicateColumn, "column nationality twice"),
        (&fixture("not_utf8.csv"), TableErrorCode::NotUtf8, "line 2 is not UTF-8"),
        (&fixture("blank.csv"), TableErrorCode::Empty, "empty"),
        (&fixture("no_header.csv"), TableErrorCode::NoHeader, "not a header"),
        (b"", TableErrorCode::Empty, "empty"),
        (b"\xEF\xBB\xBF", TableErrorCode::Empty, "empty"),
    ];
    for (bytes, code, message) in cases {
        let e = read_csv(bytes).expect_err(message);
        assert_eq!(e.code(), code, "{e}");
        assert!(e.to_string().contains(message), "`{e}` lacks `{message}`");
    }
    let e = read_csv(b"name;birth_date\nA;1990-01-01\n").unwrap_err();
    assert_eq!(e.to_string(), "the header lacks the columns nationality, passport.expires");
}

#[test]
fn previous_stays_are_read_as_the_url_writes_them() {
    let table = read_csv(b"nationality,birth_date,passport.expires,previous_stays\nRU,,2031-01-01,\" 2026-07-01..2026-07-30 ,2026-08-10..\"\n").unwrap();
    let Ok(t) = &table.rows[0] else { panic!("{:?}", table.rows[0]) };
    assert_eq!(
        t.case.previous_stays,
        [
            RawStay { entry: Some("2026-07-01".into()), exit: Some("2026-07-30".into()) },
            RawStay { entry: Some("2026-08-10".into()), exit: None },
        ]
    );
    let errors = assess(&table).remove(0).result.unwrap_err();
    assert_eq!(errors[0].column, "previous_stays");
    assert_eq!(errors[0].message, "line 2, previous_stays[1].exit: is required");
}

#[test]
fn the_shared_trip_is_checked_once_and_blamed_on_no_row() {
    let table = read_csv(&fixture("comma.csv")).unwrap();
    let mut shared = trip();
    shared.trip.exit = Some("2026-11-30".into());
    shared.purpose = None;
    let errors = group::assess(rules(), &shared, &table).unwrap_err();
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["purpose", "trip.exit"]);
    // A trip with nobody on it is still a valid trip.
    let empty = read_csv(&fixture("header_only.csv")).unwrap();
    assert_eq!(group::assess(rules(), &trip(), &empty), Ok(vec![]));
}

#[test]
fn a_cell_too_long_is_refused_without_quoting_it() {
    let long = "x".repeat(group::MAX_CELL_CHARS + 1);
    let text = format!("name,nationality,birth_date,passport.expires\n{long},DE,,2031-01-01\nOk,DE,,2031-01-01\n");
    let table = read_csv(text.as_bytes()).unwrap();
    let e = table.rows[0].as_ref().unwrap_err();
    assert_eq!((e.line, e.column.as_str(), e.code), (2, "name", InputErrorCode::Malformed));
    assert!(!e.message.contains("xxx"), "{}", e.message);
    assert!(table.rows[1].is_ok(), "the next row is read");
    // Exactly the limit, in characters rather than bytes, is fine.
    let text =
        format!("name,nationality,birth_date,passport.expires\n{},DE,,2031-01-01\n", "Ә".repeat(group::MAX_CELL_CHARS));
    assert!(read_csv(text.as_bytes()).unwrap().rows[0].is_ok());
}

#[test]
fn old_mac_line_ends_are_lines_too() {
    let table = read_csv(b"nationality,birth_date,passport.expires\rDE,,2031-01-01\r\rUS,,2031-01-01").unwrap();
    let lines: Vec<usize> = table.rows.iter().map(|r| r.as_ref().unwrap().line).collect();
    assert_eq!(lines, [2, 4]);
}

#[test]
fn hostile_files_are_read_in_one_pass() {
    // An open quote at the top of a large file, a row of a million separators, a long
    // cell in an ignored column: each is one row's error, read without quadratic work.
    let header = "nationality,birth_date,passport.expires,notes\n";
    let open = format!("{header}\"DE,,2031-01-01\n{}", "DE,,2031-01-01\n".repeat(100_000));
    assert_eq!(read_csv(open.as_bytes()).unwrap().rows.len(), 1);
    let wide = format!("{header}DE,,2031-01-01{}x\n", ",".repeat(1_000_000));
    let e = read_csv(wide.as_bytes()).unwrap().rows.remove(0).unwrap_err();
    assert!(e.message.starts_with("line 2: has a value after the header's 4 columns"), "{}", e.message);
    let long = format!("{header}DE,,2031-01-01,{}\nUS,,2031-01-01\n", "x".repeat(2_000_000));
    let rows = read_csv(long.as_bytes()).unwrap().rows;
    assert_eq!(
        rows[0].as_ref().unwrap_err().message,
        "line 2: a cell is longer than 1000 characters (is a quote left open?)"
    );
    assert!(rows[1].is_ok());
}

#[test]
fn the_export_reads_back_cell_for_cell_with_formulas_guarded() {
    for file in ["comma.csv", "bad_rows.csv", "quoted.csv", "formula.csv", "short_long_rows.csv"] {
        let outcomes = assess(&read_csv(&fixture(file)).unwrap());
        let text = export_csv(&outcomes);
        assert!(
            text.starts_with(
                "line,name,nationality,route,allowed,blockers,latest_exit,error,outlook,next,next_date\r\n"
            ),
            "{file}"
        );
        assert!(text.ends_with("\r\n"), "{file}");
        let records = parse_csv(&text);
        assert_eq!(records.len(), outcomes.len() + 1, "{file}");
        for (o, cells) in outcomes.iter().zip(&records[1..]) {
            assert_eq!(cells.len(), EXPORT_HEADER.len(), "{file}");
            assert_eq!(cells[0], o.line.to_string());
            assert_eq!(cells[1], guarded(o.name.as_deref().unwrap_or_default()));
            match &o.result {
                Ok(a) => {
                    assert_eq!(
                        [&cells[2], &cells[3], &cells[4]],
                        [&a.nationality, &a.route.to_string(), &a.allowed().to_string()]
                    );
                    assert!(cells[7].is_empty());
                    let (code, date) = expected_next(a);
                    assert_eq!([&cells[8], &cells[9], &cells[10]], [a.outlook.as_str(), &code, &date], "{file}");
                }
                Err(errors) => {
                    assert!(cells[2..7].iter().chain(&cells[8..]).all(String::is_empty), "{file}: {cells:?}");
                    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
                    assert_eq!(cells[7], messages.join("; "));
                }
            }
        }
    }
    let text = export_csv(&assess(&read_csv(&fixture("formula.csv")).unwrap()));
    let names: Vec<String> = parse_csv(&text)[1..].iter().map(|r| r[1].clone()).collect();
    assert_eq!(names, ["'=HYPERLINK(\"http://x.example/?\",\"click\")", "'+77010000000", "'-2+3", "'@SUM(A1:A2)"]);
    assert!(
        text.contains(
            "\r\n2,\"'=HYPERLINK(\"\"http://x.example/?\"\",\"\"click\"\")\",DE,visa_free,true,,2026-12-30,,\
             as_planned,cross_at_international_checkpoint,2026-12-01\r\n"
        ),
        "{text}"
    );
}

/// The next action's code and date as the export must write them, worked out here from the
/// assessment alone: a trip that can go has the next dated step; one that cannot, the first
/// way to make it with a day, else the first way.
fn expected_next(a: &Assessment) -> (String, String) {
    let (code, date) = if a.outlook == Outlook::NotAsPlanned {
        assert!(a.next.is_none(), "a trip that cannot go has no next step");
        match a.choices.iter().find(|c| c.date.is_some()).or(a.choices.first()) {
            Some(c) => (c.code.to_string(), c.date),
            None => (String::new(), None),
        }
    } else {
        match &a.next {
            Some(step) => (step.code.clone(), step.date),
            None => (String::new(), None),
        }
    };
    (code, date.map(|d| d.to_string()).unwrap_or_default())
}

/// A traveller's own case on the group's trip, as a single check would be given it.
fn single(traveller: &RawCase, shared: &RawCase) -> Assessment {
    let case = RawCase {
        today: shared.today.clone(),
        purpose: shared.purpose.clone(),
        trip: shared.trip.clone(),
        law: shared.law.clone(),
        ..traveller.clone()
    };
    kzvisa_rules::assess(rules(), &case.validate(rules()).expect("a valid row"))
}

#[test]
fn a_row_tells_the_same_story_as_a_single_check() {
    // Every assessed row of every fixture: the single check's assessment, to the letter
    // (outlook, next step, choices and all), and the next action it names.
    for file in ["comma.csv", "bad_rows.csv", "quoted.csv", "formula.csv", "short_long_rows.csv", "extra_column.csv"] {
        let table = read_csv(&fixture(file)).unwrap();
        for (row, o) in table.rows.iter().zip(assess(&table)) {
            let (Ok(traveller), Ok(a)) = (row, &o.result) else { continue };
            assert_eq!(a, &single(&traveller.case, &trip()), "{file} line {}", o.line);
            let (code, date) = expected_next(a);
            let next = next_action(a);
            assert_eq!(next.map(|n| n.code().to_string()).unwrap_or_default(), code, "{file} line {}", o.line);
            assert_eq!(next.and_then(|n| n.date()).map(|d| d.to_string()).unwrap_or_default(), date);
            match next {
                Some(NextAction::Step(_)) => assert_ne!(a.outlook, Outlook::NotAsPlanned),
                Some(NextAction::Choice(_)) => assert_eq!(a.outlook, Outlook::NotAsPlanned),
                None => {}
            }
        }
    }

    // The reviewers' cases, on a trip of 45 days: a Nigerian tourist has something to do
    // first (the invitation, by its day), not "as planned"; an American is over the 30 days
    // without a visa, and the first way is to leave by the 30th day.
    let mut shared = trip();
    shared.trip.exit = Some("2027-01-14".into());
    let text = "name,nationality,birth_date,passport.expires\nAda Obi,NG,1990-01-01,2031-01-01\n\
                John Doe,US,1980-02-02,2031-01-01\nAnna Schmidt,DE,1990-01-01,2031-01-01\n";
    let table = read_csv(text.as_bytes()).unwrap();
    let outcomes = group::assess(rules(), &shared, &table).unwrap();
    let nigerian = outcomes[0].result.as_ref().unwrap();
    assert_eq!((nigerian.route.as_str(), nigerian.outlook), ("e_visa", Outlook::FirstDo));
    assert!(
        matches!(next_action(nigerian), Some(NextAction::Step(s)) if s.code == "get_invitation" && s.date.is_some())
    );
    let american = outcomes[1].result.as_ref().unwrap();
    assert_eq!(american.outlook, Outlook::NotAsPlanned);
    assert!(matches!(next_action(american), Some(NextAction::Choice(c)) if c.code.as_str() == "shorten"));
    let lines: Vec<String> = export_csv(&outcomes).split("\r\n").map(String::from).collect();
    assert_eq!(lines[1], "2,Ada Obi,NG,e_visa,true,,,,first_do,get_invitation,2026-10-30");
    assert_eq!(
        lines[2],
        "3,John Doe,US,visa_free,false,stay_over_30_days,2026-12-30,,not_as_planned,shorten,2026-12-30"
    );
    assert_eq!(
        lines[3],
        "4,Anna Schmidt,DE,visa_free,false,stay_over_30_days,2026-12-30,,not_as_planned,shorten,2026-12-30"
    );
    for (o, line) in outcomes.iter().zip(&lines[1..]) {
        let single = single(&table.rows[o.line - 2].as_ref().unwrap().case, &shared);
        assert!(line.contains(&format!(",{},", single.outlook)), "{line}");
    }
}

#[test]
fn row_errors_and_read_problems_never_show_a_name() {
    let table = read_csv(&fixture("bad_rows.csv")).unwrap();
    for o in assess(&table) {
        let shown = format!("{o:?}");
        assert!(!shown.contains("Bad"), "{shown}");
    }
    assert!(!format!("{table:?}").contains("Good One"));
}

// ---------------------------------------------------------------------------------------
// Properties

/// Line breaks as the reader counts them: LF, CR LF and a lone CR.
fn line_breaks(text: &[u8]) -> usize {
    text.iter().enumerate().filter(|(i, b)| **b == b'\n' || (**b == b'\r' && text.get(i + 1) != Some(&b'\n'))).count()
}

/// Bytes that look like a group's file often enough to reach deep paths: tokens of CSV
/// (names, separators, quotes, line ends, marks, bad UTF-8), after a valid header or not.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let token = prop::sample::select(vec![
        &b"nationality"[..],
        b"birth_date",
        b"passport.expires",
        b"Name",
        b"previous_stays",
        b"phone",
        b",",
        b";",
        b"\"",
        b"\"\"",
        b"\n",
        b"\r\n",
        b"\r",
        b" ",
        b"\xEF\xBB\xBF",
        b"\xFF",
        b"\xD0",
        b"DE",
        b"kz",
        b"2031-01-01",
        b"2026-02-30",
        b"2026-01-01..2026-01-05",
        b"=1+1",
        "Әлия".as_bytes(),
    ]);
    let tokens = prop::collection::vec(token, 0..60).prop_map(|t| t.concat());
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        tokens.clone(),
        tokens.prop_map(|t| [&b"Name,nationality,birth_date,passport.expires,previous_stays\n"[..], &t].concat()),
    ]
}

/// A value for each case column that validates, and the invalid values tried instead.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    nationality: &'static str,
    birth_date: String,
    expires: String,
    issued: String,
    blank_pages: String,
    condition_ok: &'static str,
    stays: Vec<(String, String)>,
    /// An index into `BAD`, or past it for none.
    bad: usize,
}

/// One wrong value per kind of mistake, with its column and the code it must give.
const BAD: [(Column, &str, InputErrorCode); 8] = [
    (Column::Nationality, "QQ", InputErrorCode::UnknownCountry),
    (Column::Nationality, "", InputErrorCode::Missing),
    (Column::BirthDate, "01.05.1990", InputErrorCode::InvalidDate),
    (Column::PassportExpires, "2031-02-30", InputErrorCode::NoSuchDate),
    (Column::PassportIssued, "2026-12-01", InputErrorCode::InTheFuture),
    (Column::PassportBlankPages, "many", InputErrorCode::NotANumber),
    (Column::PassportConditionOk, "yes", InputErrorCode::NotABoolean),
    (Column::PreviousStays, "2026-01-01..oops", InputErrorCode::InvalidDate),
];

fn date(from: (i32, u32, u32), days: i64) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(from.0, from.1, from.2).unwrap();
    kzvisa_rules::date::shift(start, days).to_string()
}

/// Text that is hard on CSV: separators, quotes, line breaks, formula starts, padding,
/// letters beyond ASCII. (Picked from a list: far faster than a regular expression.)
fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    let chars =
        vec!['a', 'Z', 'é', 'Ә', 'ж', '1', ' ', ',', ';', '"', '\'', '=', '+', '-', '@', '\t', '\r', '\n', '\u{feff}'];
    prop::collection::vec(prop::sample::select(chars), 0..max).prop_map(String::from_iter)
}

fn person() -> impl Strategy<Value = Person> {
    (
        tricky_text(12),
        prop::sample::select(vec!["DE", "de", "DEU", "US", "IND", "NG", "pk", "XXA", "RU", "CN"]),
        (0i64..20_000, 0i64..3000, 0i64..3650, 0u32..50),
        prop::sample::select(vec!["true", "false", "TRUE", "False"]),
        prop::collection::vec((0i64..40, 0i64..20), 0..3),
        0..BAD.len() * 2,
    )
        .prop_map(|(name, nationality, (birth, expires, issued, pages), condition_ok, stays, bad)| Person {
            name,
            nationality,
            birth_date: date((1950, 1, 1), birth),
            expires: date((2027, 1, 1), expires),
            issued: date((2015, 1, 1), issued),
            blank_pages: pages.to_string(),
            condition_ok,
            // Disjoint stays, all before the trip.
            stays: stays
                .iter()
                .enumerate()
                .map(|(i, (start, len))| {
                    let entry = 60 * i as i64 + start;
                    (date((2026, 1, 1), entry), date((2026, 1, 1), entry + len))
                })
                .collect(),
            bad,
        })
}

impl Person {
    fn bad(&self, columns: &[Column]) -> Option<(Column, &'static str, InputErrorCode)> {
        BAD.get(self.bad).copied().filter(|(column, ..)| columns.contains(column))
    }

    /// The cell this person's row holds in `column`.
    fn cell(&self, column: Column, columns: &[Column]) -> String {
        if let Some((_, value, _)) = self.bad(columns).filter(|(c, ..)| *c == column) {
            return value.to_string();
        }
        match column {
            Column::Name => self.name.clone(),
            Column::Nationality => self.nationality.to_string(),
            Column::BirthDate => self.birth_date.clone(),
            Column::PassportExpires => self.expires.clone(),
            Column::PassportIssued => self.issued.clone(),
            Column::PassportBlankPages => self.blank_pages.clone(),
            Column::PassportConditionOk => self.condition_ok.to_string(),
            Column::PreviousStays => self.stays.iter().map(|(a, b)| format!("{a}..{b}")).collect::<Vec<_>>().join(","),
        }
    }

    /// The case the reader must give for this row, from the cells as written.
    fn case(&self, columns: &[Column]) -> RawCase {
        let text = |c: Column| Some(self.cell(c, columns)).filter(|t| columns.contains(&c) && !t.is_empty());
        let mut case = RawCase {
            nationality: text(Column::Nationality),
            birth_date: text(Column::BirthDate),
            ..RawCase::default()
        };
        case.passport.expires = text(Column::PassportExpires);
        case.passport.issued = text(Column::PassportIssued);
        case.passport.blank_pages = text(Column::PassportBlankPages);
        case.passport.condition_ok = text(Column::PassportConditionOk);
        case.previous_stays = match self.bad(columns) {
            Some((Column::PreviousStays, ..)) => {
                vec![RawStay { entry: Some("2026-01-01".into()), exit: Some("oops".into()) }]
            }
            _ if columns.contains(&Column::PreviousStays) => {
                self.stays.iter().map(|(a, b)| RawStay { entry: Some(a.clone()), exit: Some(b.clone()) }).collect()
            }
            _ => vec![],
        };
        case
    }
}

/// How a file is written: separator, quoting, mark, line ends, padding, header case.
#[derive(Debug, Clone)]
struct Style {
    separator: char,
    quote_all: bool,
    bom: bool,
    crlf: bool,
    pad: bool,
    upper: bool,
    last_line_end: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (prop::sample::select(vec![',', ';']), any::<[bool; 6]>()).prop_map(|(separator, b)| Style {
        separator,
        quote_all: b[0],
        bom: b[1],
        crlf: b[2],
        pad: b[3],
        upper: b[4],
        last_line_end: b[5],
    })
}

fn columns() -> impl Strategy<Value = Vec<Column>> {
    let optional = [
        Column::Name,
        Column::PassportIssued,
        Column::PassportBlankPages,
        Column::PassportConditionOk,
        Column::PreviousStays,
    ];
    (prop::sample::subsequence(optional.to_vec(), 0..=optional.len())).prop_flat_map(|mut chosen| {
        chosen.extend(Column::REQUIRED);
        Just(chosen).prop_shuffle()
    })
}

impl Style {
    fn cell(&self, text: &str) -> String {
        let text = if self.pad { format!(" {text} ") } else { text.to_string() };
        if self.quote_all || text.contains([self.separator, '"', '\r', '\n']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    }

    fn line_end(&self) -> &'static str {
        if self.crlf {
            "\r\n"
        } else {
            "\n"
        }
    }

    /// The file, and the line each person's row starts on.
    fn write(&self, columns: &[Column], people: &[(Person, u8)]) -> (Vec<u8>, Vec<usize>) {
        let mut text = String::new();
        let head: Vec<String> = columns
            .iter()
            .map(|c| self.cell(&if self.upper { c.as_str().to_uppercase() } else { c.as_str().to_string() }))
            .collect();
        text.push_str(&head.join(&self.separator.to_string()));
        let mut lines = Vec::new();
        for (person, blank) in people {
            text.push_str(self.line_end());
            // Blank lines between rows: empty, or bare separators as spreadsheets write them.
            match blank % 3 {
                1 => text.push_str(self.line_end()),
                2 => text.push_str(&format!(
                    "{}{}",
                    self.separator.to_string().repeat(columns.len() - 1),
                    self.line_end()
                )),
                _ => {}
            }
            lines.push(1 + line_breaks(text.as_bytes()));
            let cells: Vec<String> = columns.iter().map(|c| self.cell(&person.cell(*c, columns))).collect();
            text.push_str(&cells.join(&self.separator.to_string()));
        }
        if self.last_line_end {
            text.push_str(self.line_end());
        }
        let bytes = if self.bom { [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat() } else { text.into_bytes() };
        (bytes, lines)
    }
}

/// An assessment with the cells it must give: nationality to latest exit, then outlook to
/// next date.
type Sample = (Assessment, [&'static str; 5], [&'static str; 3]);

/// Assessments for the export's round trip, with the cells they must give.
static SAMPLES: LazyLock<Vec<Sample>> = LazyLock::new(|| {
    let case = |nationality: &str, stays: &str| {
        let text = format!(
            r#"{{"today":"2026-11-21","nationality":"{nationality}","purpose":"tourism","passport":{{"expires":"2031-01-01"}},
            "trip":{{"entry":"2026-12-01","exit":"2026-12-20","entry_point":"airport_almaty"}},"previous_stays":[{stays}]}}"#
        );
        evaluate(rules(), &read_case(&text).unwrap()).unwrap()
    };
    vec![
        (
            case("DE", ""),
            ["DE", "visa_free", "true", "", "2026-12-30"],
            ["as_planned", "cross_at_international_checkpoint", "2026-12-01"],
        ),
        (
            case("IN", ""),
            ["IN", "visa_free", "false", "stay_over_max_stay", "2026-12-14"],
            ["not_as_planned", "shorten", "2026-12-14"],
        ),
        (case("NG", ""), ["NG", "e_visa", "true", "", ""], ["first_do", "get_invitation", "2026-10-30"]),
        (
            case("RU", r#"{"entry":"2026-08-01","exit":"2026-10-31"}"#),
            ["RU", "visa_free", "false", "stay_over_90_in_180", ""],
            ["not_as_planned", "later", "2027-01-30"],
        ),
    ]
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_a_table_error_or_rows_in_line_order(bytes in csv_like()) {
        match read_csv(&bytes) {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(table) => {
                let last_line = 1 + line_breaks(&bytes);
                let lines: Vec<usize> = table.rows.iter().map(|r| r.as_ref().map_or_else(|e| e.line, |t| t.line)).collect();
                prop_assert!(lines.windows(2).all(|w| w[0] < w[1]), "lines {:?}", lines);
                prop_assert!(lines.iter().all(|l| (2..=last_line).contains(l)), "lines {:?} of {}", lines, last_line);
                let outcomes = group::assess(rules(), &trip(), &table).expect("valid trip");
                prop_assert_eq!(outcomes.len(), table.rows.len());
                let _ = export_csv(&outcomes);
            }
        }
    }

    #[test]
    fn every_row_comes_back_intact_or_blamed_on_its_line_and_column(
        people in prop::collection::vec((person(), any::<u8>()), 0..4),
        columns in columns(),
        style in style(),
    ) {
        let (bytes, lines) = style.write(&columns, &people);
        let table = read_csv(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(table.ignored.is_empty());
        prop_assert_eq!(table.rows.len(), people.len());
        let outcomes = group::assess(rules(), &trip(), &table).expect("valid trip");
        for (((person, _), line), (row, outcome)) in people.iter().zip(&lines).zip(table.rows.iter().zip(&outcomes)) {
            let traveller = row.as_ref().map_err(|e| TestCaseError::fail(e.message.clone()))?;
            prop_assert_eq!(traveller.line, *line);
            let name = Some(person.name.trim()).filter(|n| columns.contains(&Column::Name) && !n.is_empty());
            prop_assert_eq!(traveller.name.as_deref(), name);
            prop_assert_eq!(&traveller.case, &person.case(&columns));
            match (person.bad(&columns), &outcome.result) {
                (None, Ok(_)) => {}
                (Some((column, _, code)), Err(errors)) => {
                    let place = format!("line {line}, {column}");
                    for e in errors {
                        prop_assert_eq!((e.line, e.column.as_str(), e.code), (*line, column.as_str(), code));
                        prop_assert!(e.message.starts_with(&place), "{} vs {}", e.message, place);
                    }
                }
                (bad, result) => prop_assert!(false, "line {}: {:?} gave {:?}", line, bad, result.as_ref().map(|a| a.route)),
            }
        }
    }

    #[test]
    fn the_export_reads_back_to_the_same_cells(
        rows in prop::collection::vec(
            (any::<usize>(), prop::option::of(tricky_text(16)), 0..6usize, prop::collection::vec(tricky_text(16), 1..3)),
            0..6,
        )
    ) {
        let outcomes: Vec<Outcome> = rows
            .iter()
            .map(|(line, name, sample, messages)| Outcome {
                line: *line,
                name: name.clone(),
                result: match SAMPLES.get(*sample) {
                    Some((a, _, _)) => Ok(a.clone()),
                    None => Err(messages
                        .iter()
                        .map(|m| RowError { line: *line, column: String::new(), code: InputErrorCode::Malformed, message: m.clone() })
                        .collect()),
                },
            })
            .collect();
        let records = parse_csv(&export_csv(&outcomes));
        prop_assert_eq!(&records[0], &EXPORT_HEADER.map(String::from).to_vec());
        for ((line, name, sample, messages), cells) in rows.iter().zip(&records[1..]) {
            let middle = SAMPLES.get(*sample).map_or([""; 5], |(_, cells, _)| *cells);
            let end = SAMPLES.get(*sample).map_or([""; 3], |(_, _, cells)| *cells);
            let error = if SAMPLES.get(*sample).is_some() { String::new() } else { messages.join("; ") };
            let mut want = vec![line.to_string(), guarded(name.as_deref().unwrap_or_default())];
            want.extend(middle.iter().map(|c| c.to_string()));
            want.push(guarded(&error));
            want.extend(end.iter().map(|c| c.to_string()));
            prop_assert_eq!(cells, &want);
        }
        prop_assert_eq!(records.len(), rows.len() + 1);
    }
}

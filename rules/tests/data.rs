//! The data set: the built-in one loads; an operator's edited one changes answers without
//! any code; a broken one is refused with the file and entry named; and the working-day
//! calendar agrees with an independent holiday library.

use std::path::Path;

use chrono::NaiveDate;
use kzvisa_rules::data::BUILTIN;
use kzvisa_rules::{evaluate, IssueCode, PageText, RawCase, Route, Rules};

fn with_file(name: &str, edit: impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
    BUILTIN.iter().map(|(n, t)| (*n, if *n == name { edit(t) } else { t.to_string() })).collect()
}

fn load(files: &[(&'static str, String)]) -> Result<Rules, kzvisa_rules::DataErrors> {
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Rules::from_files(&refs)
}

fn case(nationality: &str, entry: &str, exit: &str) -> RawCase {
    let mut c = RawCase {
        today: Some("2026-11-21".into()),
        nationality: Some(nationality.into()),
        purpose: Some("tourism".into()),
        ..RawCase::default()
    };
    c.passport.expires = Some("2031-01-01".into());
    c.trip.entry = Some(entry.into());
    c.trip.exit = Some(exit.into());
    c.trip.entry_point = Some("rail".into());
    c
}

const BILATERAL: &str = r#"
[[regime]]
id = "pk_bilateral_60"
route = "visa_free"
purposes = ["tourism", "business", "private", "medical"]
from = "2026-01-01"
max_stay_days = 60
window_days = 180
window_max_days = 90
cite = [ { doc = "treaty-pk", clause = "Article 1", quote = "Citizens of either Party may enter for tourist, business, private and medical purposes, stay up to sixty days, at most ninety days in any 180, and leave without visas.", supports = ["purposes", "max_stay", "window"] } ]
countries = [ { code = "PK", lines = { "treaty-pk" = "the Islamic Republic of Pakistan" } } ]
"#;

const TREATY_SOURCE: &str = r#"
[[official_host]]
host = "example.org"
what = "an operator's published agreements"

[[source]]
id = "treaty-pk"
kind = "treaty"
language = "en"
title = "An operator's example: a bilateral visa-free agreement"
in_force = "2026-01-01"
url = "https://example.org/treaty"
seen = "2026-11-22"
confidence = "official"
"#;

#[test]
fn the_built_in_data_set_loads() {
    let rules = Rules::builtin().expect("built-in data are valid");
    assert_eq!(rules.countries.len(), 274, "249 ISO 3166-1 countries and 25 travel documents of ICAO Doc 9303 Part 3");
    assert_eq!(rules.country("deu").map(|c| c.code.as_str()), Some("DE"));
    assert_eq!(rules.country("xxa").map(|c| c.en.as_str()), Some("Stateless person"));
    assert!(rules.country("KZ").is_some_and(|c| c.kk == "Қазақстан" && c.ru == "Казахстан"));
    assert_eq!(rules.as_of(), NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), "the newest entry's day");
    for code in ["RKS", "xk", "KS", "GBN", "UNO", "XXB", "D"] {
        assert!(rules.country(code).is_some(), "{code} is a code of ICAO Doc 9303 Part 3 or Kosovo's");
    }
}

#[test]
fn an_operator_adds_a_bilateral_regime_with_data_alone() {
    let builtin = Rules::builtin().unwrap();
    let pakistani_60_days = case("PK", "2026-12-01", "2027-01-29");
    assert_eq!(evaluate(builtin, &pakistani_60_days).unwrap().route, Route::ConsularVisa);

    // The operator appends the agreement to sources.toml and the regime to regimes.toml.
    let mut files = with_file("regimes.toml", |t| format!("{t}\n{BILATERAL}"));
    files = files
        .into_iter()
        .map(|(n, t)| (n, if n == "sources.toml" { format!("{t}\n{TREATY_SOURCE}") } else { t }))
        .collect();
    let operator = load(&files).expect("the edited data set is valid");

    let a = evaluate(&operator, &pakistani_60_days).unwrap();
    assert_eq!(a.route, Route::VisaFree);
    assert_eq!(a.max_stay_days, Some(60));
    assert_eq!(a.regime.as_deref(), Some("pk_bilateral_60"));
    assert_eq!(a.basis.sources, ["treaty-pk"]);
    assert_eq!(a.basis.confidence, kzvisa_rules::Confidence::Official);
    assert_eq!(a.basis.replaced.as_ref().map(|r| r.route), Some(Route::ConsularVisa));
    assert!(a.allowed(), "60 days under a 60-day regime: {:?}", a.issues);
    assert_eq!(a.deadline(kzvisa_rules::DeadlineCode::LatestExit), NaiveDate::from_ymd_opt(2027, 1, 29));

    let too_long = evaluate(&operator, &case("PK", "2026-12-01", "2027-01-30")).unwrap();
    assert!(too_long.issue(IssueCode::StayOverMaxStay).is_some_and(|i| i.limit == Some(60) && i.days == Some(61)));
    assert!(too_long.issue(IssueCode::StayOver30Days).is_none());
    // Under the five texts alone, the agreement does not count.
    let mut core = pakistani_60_days.clone();
    core.law = Some("core".into());
    assert_eq!(evaluate(&operator, &core).unwrap().route, Route::ConsularVisa);
    // Work is not among the agreement's purposes.
    let mut work = pakistani_60_days.clone();
    work.purpose = Some("work".into());
    assert_eq!(evaluate(&operator, &work).unwrap().route, Route::ConsularVisa);
}

#[test]
fn an_operator_corrects_a_rule_from_a_date() {
    // Say the host's notification period became 5 working days from 2027.
    let files = with_file("rules.toml", |t| {
        t.replace(
            "id = \"host_notification\"\nfrom = \"2000-01-01\"",
            "id = \"host_notification\"\nfrom = \"2000-01-01\"\nto = \"2026-12-31\"",
        ) + "\n[[rule]]\nid = \"host_notification\"\nfrom = \"2027-01-01\"\nparams = { working_days = 5 }\ncite = [ { doc = \"003\", clause = \"amended\", quote = \"within 5 working days\" } ]\n"
    });
    let operator = load(&files).expect("valid");
    let before = evaluate(&operator, &case("DE", "2026-12-28", "2027-01-05")).unwrap();
    let after = evaluate(&operator, &case("DE", "2027-02-01", "2027-02-05")).unwrap();
    use kzvisa_rules::DeadlineCode::HostNotification as H;
    assert_eq!(before.deadline(H), NaiveDate::from_ymd_opt(2026, 12, 31));
    assert_eq!(after.deadline(H), NaiveDate::from_ymd_opt(2027, 2, 8));
}

fn errors_of(files: &[(&'static str, String)]) -> String {
    match load(files) {
        Ok(_) => panic!("the edited data set must be refused"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn unknown_keys_are_refused_naming_the_file_and_line() {
    let e = errors_of(&with_file("regimes.toml", |t| {
        t.replacen("max_stay_days = 30", "max_stay_days = 30\nmax_stay = 45", 1)
    }));
    assert!(e.contains("regimes.toml") && e.contains("unknown field `max_stay`"), "{e}");
    assert!(e.contains("line"), "the TOML error points at the line: {e}");
}

#[test]
fn bad_references_are_refused_naming_the_entry() {
    let e = errors_of(&with_file("regimes.toml", |t| t.replacen("code = \"AU\"", "code = \"XY\"", 1)));
    assert!(e.contains("regimes.toml: regime \"visa_free_30\": country \"XY\": is not an alpha-2 code"), "{e}");
    let e = errors_of(&with_file("rules.toml", |t| t.replacen("doc = \"002\"", "doc = \"009\"", 1)));
    assert!(e.contains("rules.toml: rule \"fingerprints\" (from 2026-03-10): cites unknown source `009`"), "{e}");
    let e = errors_of(&with_file("rules.toml", |t| t.replace("min_age_years = 16", "min_age = 16")));
    assert!(e.contains("rules.toml") && e.contains("unknown variant `min_age`"), "{e}");
    let e = errors_of(&with_file("rules.toml", |t| {
        t.replace("params.min_pages = 2", "params.min_pages = 2\nparams.months = 3")
    }));
    assert!(e.contains("rule \"passport_blank_pages\"") && e.contains("params must be exactly"), "{e}");
    let e = errors_of(&with_file("steps.toml", |t| {
        t.replacen("code = \"print_e_visa\"", "code = \"register_on_portal\"", 1)
    }));
    assert!(e.contains("steps.toml: step \"register_on_portal\": appears more than once"), "{e}");
    let e = errors_of(&with_file("rules.toml", |t| t.replacen("from = \"2026-03-10\"", "from = \"2026-02-30\"", 1)));
    assert!(e.contains("rules.toml") && e.contains("not a day of the calendar"), "{e}");
    let e = errors_of(&with_file("documents.toml", |t| {
        t.replacen("[[document]]", "[[document]]\ndoubt_ru = \"Сомнение\"", 1)
    }));
    assert!(e.contains("documents.toml: document") && e.contains("without the `doubt` they translate"), "{e}");
    let e = errors_of(&with_file("steps.toml", |t| {
        t.replacen("quote = \"распечатать", "ru = \"Перевод\"\nquote = \"распечатать", 1)
    }));
    assert!(e.contains("steps.toml: step \"print_e_visa\": cites `004` with a translation into `ru`"), "{e}");
    let e = errors_of(&with_file("steps.toml", |t| {
        t.replacen("quote = \"распечатать", "lang = \"Russian\"\nru = \" \"\nquote = \"распечатать", 1)
    }));
    assert!(e.contains("an empty `ru` translation") && e.contains("not a language code"), "{e}");
    let e =
        errors_of(&with_file("calendar.toml", |t| t.replace("day_off = \"2024-05-08\"", "day_off = \"2024-05-11\"")));
    assert!(e.contains("calendar.toml: year 2024: transfer day_off 2024-05-11 must be a weekday of this year"), "{e}");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let files = with_file("regimes.toml", |t| {
        t.replacen("code = \"AU\"", "code = \"XY\"", 1).replacen("code = \"DZ\"", "code = \"QQ\"", 1)
    });
    let errors = load(&files).unwrap_err();
    assert_eq!(errors.0.len(), 2, "{errors}");
}

#[test]
fn every_doubt_the_page_shows_reads_in_russian_and_kazakh_too() {
    let rules = Rules::builtin().unwrap();
    let doubts = rules.rules.iter().filter_map(|e| e.doubt().map(|d| (format!("rule {}", e.id), d)));
    let doubts = doubts.chain(rules.regimes.iter().filter_map(|g| g.doubt().map(|d| (format!("regime {}", g.id), d))));
    let items = rules.documents.iter().chain(&rules.steps);
    let doubts: Vec<_> =
        doubts.chain(items.filter_map(|i| i.doubt().map(|d| (format!("item {}", i.code), d)))).collect();
    assert!(doubts.len() >= 40, "{}", doubts.len());
    for (entry, d) in doubts {
        for lang in ["ru", "kk"] {
            let text = d.in_language(lang).unwrap_or_else(|| panic!("{entry}: no {lang} doubt"));
            // The years, text numbers and act numbers are the English one's (days and months
            // may be written as words).
            for number in d.en.split(|c: char| !c.is_ascii_digit()).filter(|n| n.len() >= 3) {
                assert!(text.contains(number), "{entry} ({lang}): {number} is missing from {text}");
            }
        }
    }
}

#[test]
fn every_quote_reads_in_english_russian_and_kazakh() {
    let rules = Rules::builtin().unwrap();
    let cites = rules.rules.iter().flat_map(|e| &e.cite).chain(rules.regimes.iter().flat_map(|g| &g.cite));
    let cites = cites.chain(rules.documents.iter().chain(&rules.steps).flat_map(|i| &i.cite));
    let cites: Vec<_> =
        cites.chain(&rules.calendar.cite).chain(rules.calendar.years.iter().flat_map(|y| &y.cite)).collect();
    assert!(cites.len() >= 200, "{}", cites.len());
    let mut missing = Vec::new();
    for c in cites {
        let own = rules.quote_language(c).unwrap();
        for lang in ["en", "ru", "kk"].into_iter().filter(|l| *l != own) {
            match c.translation(lang) {
                None => missing.push(format!("{} ({lang}): {}", c.doc, c.quote)),
                // Years, act numbers and counts of three digits or more survive translation.
                Some(t) => {
                    for number in c.quote.split(|ch: char| !ch.is_ascii_digit()).filter(|n| n.len() >= 3) {
                        assert!(t.contains(number), "{} ({lang}): {number} is missing from {t}", c.doc);
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "{} quotes lack a translation:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn the_calendar_agrees_with_the_holidays_library_2020_to_2030() {
    let rules = Rules::builtin().unwrap();
    let fixture =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kz_days_off.txt")).unwrap();
    let mut off = std::collections::BTreeSet::new();
    let mut work = std::collections::BTreeSet::new();
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split_whitespace();
        let kind = parts.next().unwrap();
        let date: NaiveDate = parts.next().unwrap().parse().unwrap();
        if kind == "off" {
            off.insert(date)
        } else {
            work.insert(date)
        };
    }
    assert!(
        off.len() > 150 && work.len() == 10,
        "fixture has {} days off, {} days made working",
        off.len(),
        work.len()
    );
    let mut day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut disagreements = Vec::new();
    let end = NaiveDate::from_ymd_opt(2031, 1, 1).unwrap();
    while day < end {
        let library_working = work.contains(&day) || (!kzvisa_rules::date::is_weekend(day) && !off.contains(&day));
        let (ours, _) = rules.calendar.working_day(day);
        if ours != library_working {
            disagreements.push(format!("{day}: ours {ours}, library {library_working}"));
        }
        day = day.succ_opt().unwrap();
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn the_binary_form_loads_the_same_rules() {
    let bytes = Rules::encode_files(&BUILTIN).expect("encodes");
    let builtin = Rules::builtin().unwrap();
    // Checked again, and as the web app loads it (without the checks).
    for from_binary in
        [Rules::from_binary(&bytes).expect("decodes"), Rules::from_checked_binary(&bytes).expect("decodes")]
    {
        assert_eq!(from_binary.countries, builtin.countries);
        assert_eq!(from_binary.regimes.len(), builtin.regimes.len());
        for (nationality, entry, exit) in
            [("DE", "2026-12-01", "2027-01-05"), ("IN", "2026-12-01", "2026-12-10"), ("RU", "2027-05-14", "2027-05-20")]
        {
            let c = case(nationality, entry, exit);
            assert_eq!(evaluate(&from_binary, &c), evaluate(builtin, &c), "{nationality}");
        }
    }
    assert!(Rules::from_binary(&bytes[..bytes.len() / 2]).is_err(), "a truncated binary is refused, not misread");
    // The pages' copies: the traveller's puts its words apart, the group check's carries none
    // of them, and both assess every traveller as the full data do, words or none.
    let traveller = Rules::encode_files_for_page(&BUILTIN, PageText::Deferred).unwrap();
    let group = Rules::encode_files_for_page(&BUILTIN, PageText::None).unwrap();
    assert!(group.words.is_empty());
    assert!(traveller.rules.len() < traveller.words.len(), "{} and {}", traveller.rules.len(), traveller.words.len());
    let joined = Rules::from_checked_binary_with_words(&traveller.rules, &traveller.words).unwrap();
    let (wordless, group) =
        (Rules::from_checked_binary(&traveller.rules).unwrap(), Rules::from_checked_binary(&group.rules).unwrap());
    assert!(group.sources.iter().all(|s| s.title.is_empty() && s.url.is_none()));
    for (wordless, theirs) in wordless.sources.iter().zip(&builtin.sources) {
        assert!(wordless.title.is_empty());
        assert_eq!(
            (&wordless.url, &wordless.names),
            (&theirs.url, &theirs.names),
            "{}: names and addresses stay",
            theirs.id
        );
    }
    assert!(wordless
        .rules
        .iter()
        .flat_map(|r| &r.cite)
        .all(|c| c.quote.is_empty() && c.en.is_none() && !c.clause.is_empty()));
    let doubt = |r: &Rules| r.cites_of("visa_required", None).1.map(|d| (d.en.len(), d.kk.is_some()));
    assert_eq!(doubt(&wordless), Some((0, false)), "the mark of a doubt stays, its words come later");
    assert!(matches!(doubt(&joined), Some((n, true)) if n > 0));
    for (ours, theirs) in joined.sources.iter().zip(&builtin.sources) {
        assert_eq!(ours.title, theirs.title, "{}", ours.id);
    }
    let cites = |r: &Rules| {
        let items = r.documents.iter().chain(&r.steps).flat_map(|i| &i.cite);
        let all = r.rules.iter().flat_map(|e| &e.cite).chain(r.regimes.iter().flat_map(|g| &g.cite)).chain(items);
        all.chain(&r.calendar.cite).cloned().collect::<Vec<_>>()
    };
    assert_eq!(cites(&joined), cites(builtin), "every quote and translation back in its place");
    let doubts = |r: &Rules| {
        let items = r.documents.iter().chain(&r.steps).map(|i| i.doubt());
        let all = r.rules.iter().map(|e| e.doubt()).chain(r.regimes.iter().map(|g| g.doubt())).chain(items);
        all.map(|d| d.map(|d| (d.en.to_owned(), d.ru.map(str::to_owned), d.kk.map(str::to_owned)))).collect::<Vec<_>>()
    };
    assert_eq!(doubts(&joined), doubts(builtin), "every doubt back in its place");
    for nationality in ["DE", "IN", "RU", "CN", "TR", "VG", "US", "AM", "PK", "NG", "MO"] {
        for (entry, exit) in [("2026-12-01", "2026-12-10"), ("2027-05-14", "2027-07-20"), ("2023-06-01", "2023-06-20")]
        {
            let c = case(nationality, entry, exit);
            for rules in [&group, &wordless, &joined] {
                assert_eq!(evaluate(rules, &c), evaluate(builtin, &c), "{nationality} {entry}");
            }
        }
    }
    // Words that do not fit the rules are refused: cut short, one too many, or none.
    let mut words: Vec<Option<String>> = postcard::from_bytes(&traveller.words).unwrap();
    for wrong in [&words[..words.len() - 1], &[][..]] {
        let wrong = postcard::to_allocvec(wrong).unwrap();
        assert!(Rules::from_checked_binary_with_words(&traveller.rules, &wrong).is_err());
    }
    words.push(Some("one more".into()));
    let wrong = postcard::to_allocvec(&words).unwrap();
    assert!(Rules::from_checked_binary_with_words(&traveller.rules, &wrong).is_err());
    assert!(Rules::from_checked_binary_with_words(&traveller.rules, &traveller.words[..100]).is_err());
    assert!(Rules::from_checked_binary(&bytes[..bytes.len() / 2]).is_err(), "even unchecked");
}

/// An operator reads and reviews the data in any editor: one field a line, so that a
/// change to one translation is one line of a diff (`tools/gen/one_field_per_line.py`
/// rewrites a file written with inline tables).
#[test]
fn the_data_files_hold_one_field_a_line() {
    for (name, text) in BUILTIN {
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with('#')) {
            let inline = line.trim_start().starts_with('{') || line.contains("= {") || line.contains("= [ {");
            assert!(!inline, "{name}:{}: an inline table; write its fields one a line: {line}", n + 1);
        }
    }
}

//! Invariants that must hold for every case, checked on generated ones: nothing panics,
//! and the date rules move the right way.

use chrono::{Datelike, NaiveDate};
use kzvisa_rules::case::RawStay;
use kzvisa_rules::data::BUILTIN;
use kzvisa_rules::date::shift;
use kzvisa_rules::url::Fragment;
use kzvisa_rules::{
    assess, evaluate, json::read_case, Case, DeadlineCode, InputErrorCode, IssueCode, PageData, PageText, RawCase,
    Rules,
};
use proptest::prelude::*;

fn rules() -> &'static Rules {
    Rules::builtin().expect("built-in data")
}

fn day(offset: i64) -> NaiveDate {
    shift(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), offset)
}

/// Any text, with a bias towards near-valid values so that deep paths are reached.
fn text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        any::<String>().prop_map(Some),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Some),
        (-40_000i64..40_000).prop_map(|o| Some(day(o).to_string())),
        prop::sample::select(vec![
            "DE",
            "in",
            "XXA",
            "KZ",
            "RS",
            "VG",
            "tourism",
            "work",
            "land",
            "airport_almaty",
            "true",
            "3",
            "-1"
        ])
        .prop_map(|s| Some(s.to_string())),
    ]
}

fn raw_case() -> impl Strategy<Value = RawCase> {
    (
        (text(), text(), text(), text()),
        (text(), text(), text(), text()),
        (text(), text(), text()),
        prop::collection::vec((text(), text()), 0..4),
        text(),
    )
        .prop_map(
            |(
                (today, nationality, purpose, birth_date),
                (expires, issued, pages, ok),
                (entry, exit, point),
                stays,
                permit,
            )| {
                let mut c =
                    RawCase { today, nationality, purpose, birth_date, residence_permit: permit, ..RawCase::default() };
                c.passport.expires = expires;
                c.passport.issued = issued;
                c.passport.blank_pages = pages;
                c.passport.condition_ok = ok;
                c.trip.entry = entry;
                c.trip.exit = exit;
                c.trip.entry_point = point;
                c.previous_stays = stays.into_iter().map(|(entry, exit)| RawStay { entry, exit }).collect();
                c
            },
        )
}

/// A valid visa-free or other case with earlier stays, from offsets around 2026.
fn valid_case() -> impl Strategy<Value = Case> {
    (
        prop::sample::select(vec!["DE", "US", "IN", "RS", "NG", "XX", "GL", "RU", "CN", "BR", "TR", "IR", "AM", "UZ"]),
        prop::sample::select(kzvisa_rules::Purpose::ALL.to_vec()),
        0i64..1500,
        0i64..60,
        0i64..400,
        prop::collection::vec((1i64..400, 0i64..40), 0..5),
        prop::option::of(0i64..40),
        prop::sample::select(kzvisa_rules::EntryPoint::ALL.to_vec()),
        prop::option::of(0u32..4),
        prop::sample::select(kzvisa_rules::Law::ALL.to_vec()),
    )
        .prop_map(|(nat, purpose, entry, len, lead, stays, age, point, pages, law)| {
            let entry = day(entry);
            let today = shift(entry, -lead);
            let previous_stays = stays
                .into_iter()
                .map(|(back, len)| kzvisa_rules::case::Stay {
                    entry: shift(entry, -back - len),
                    exit: shift(entry, -back),
                })
                .collect();
            Case {
                today,
                nationality: nat.to_string(),
                purpose,
                birth_date: age.map(|a| shift(today, -a * 365)),
                passport: kzvisa_rules::case::Passport {
                    expires: shift(entry, 200),
                    issued: None,
                    blank_pages: pages,
                    condition_ok: Some(true),
                },
                trip: kzvisa_rules::case::Trip { entry, exit: shift(entry, len), entry_point: point },
                previous_stays,
                residence_permit: None,
                law,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_raw_case_panics(case in raw_case()) {
        let _ = evaluate(rules(), &case);
    }

    #[test]
    fn no_json_text_panics(text in any::<String>()) {
        if let Ok(case) = read_case(&text) {
            let _ = evaluate(rules(), &case);
        }
    }

    #[test]
    fn no_url_panics(text in any::<String>(), case in raw_case()) {
        // Any fragment, and any case's own fragment cut anywhere (a link cut short in a message).
        let _ = evaluate(rules(), &Fragment::parse(&text).case);
        let whole = Fragment { case, params: vec![] }.to_fragment();
        for cut in (0..=whole.len()).filter(|i| whole.is_char_boundary(*i)).step_by(7) {
            let _ = evaluate(rules(), &Fragment::parse(&whole[..cut]).case);
        }
    }

    #[test]
    fn a_url_reads_the_same_after_the_app_writes_it_back(text in any::<String>(), case in raw_case()) {
        // The app rewrites the fragment on every change (a language switch, an answer): what
        // it reads must not change by being written and read again, however odd the link was.
        for fragment in [text, Fragment { case, params: vec![] }.to_fragment()] {
            let first = Fragment::parse(&fragment);
            let again = Fragment::parse(&first.to_fragment());
            prop_assert_eq!(&again, &first, "fragment {:?}", fragment);
        }
    }

    #[test]
    fn no_json_shape_panics(case in raw_case()) {
        // The same answers through JSON, with numbers and booleans where they may stand.
        let value = serde_json::json!({
            "today": case.today, "nationality": case.nationality, "purpose": case.purpose,
            "passport": { "expires": case.passport.expires, "blank_pages": case.passport.blank_pages.as_deref().and_then(|p| p.parse::<i64>().ok()) },
            "trip": { "entry": case.trip.entry, "exit": case.trip.exit, "entry_point": case.trip.entry_point },
            "previous_stays": case.previous_stays.iter().map(|s| serde_json::json!({ "entry": s.entry, "exit": s.exit })).collect::<Vec<_>>(),
        });
        if let Ok(raw) = read_case(&value.to_string()) {
            let _ = evaluate(rules(), &raw);
        }
    }

    #[test]
    fn an_earlier_stay_never_turns_an_overstay_into_a_legal_stay(case in valid_case(), back in 1i64..300, len in 0i64..60) {
        let before = assess(rules(), &case);
        let mut more = case.clone();
        more.previous_stays.push(kzvisa_rules::case::Stay { entry: shift(case.trip.entry, -back - len), exit: shift(case.trip.entry, -back) });
        let after = assess(rules(), &more);
        if before.issue(IssueCode::StayOver90In180).is_some() {
            prop_assert!(after.issue(IssueCode::StayOver90In180).is_some());
        }
        prop_assert!(after.issues.iter().filter(|i| i.severity == kzvisa_rules::Severity::Blocker).count()
            >= before.issues.iter().filter(|i| i.severity == kzvisa_rules::Severity::Blocker).count());
        if let (Some(a), Some(b)) = (after.deadline(DeadlineCode::LatestExit), before.deadline(DeadlineCode::LatestExit)) {
            prop_assert!(a <= b, "an earlier stay moved the latest exit later: {} > {}", a, b);
        }
    }

    #[test]
    fn a_later_passport_expiry_never_adds_a_passport_issue(case in valid_case(), expiry in -100i64..400, later in 0i64..400) {
        let passport_issues = |c: &Case| -> Vec<IssueCode> {
            assess(rules(), c).issues.iter().map(|i| i.code).filter(|c| c.as_str().starts_with("passport_")).collect()
        };
        let mut early = case.clone();
        early.passport.expires = shift(case.trip.exit, expiry);
        let mut late = early.clone();
        late.passport.expires = shift(early.passport.expires, later);
        let (e, l) = (passport_issues(&early), passport_issues(&late));
        prop_assert!(l.iter().all(|code| e.contains(code)), "later expiry added {:?} to {:?}", l, e);
    }

    #[test]
    fn a_later_entry_never_gives_an_earlier_host_deadline(case in valid_case(), later in 0i64..30) {
        let mut moved = case.clone();
        moved.trip.entry = shift(case.trip.entry, later);
        moved.trip.exit = shift(case.trip.exit, later);
        let a = assess(rules(), &case).deadline(DeadlineCode::HostNotification).unwrap();
        let b = assess(rules(), &moved).deadline(DeadlineCode::HostNotification).unwrap();
        prop_assert!(b >= a);
        prop_assert!(a > case.trip.entry);
    }

    #[test]
    fn working_day_counts_are_consistent(start in -1000i64..2200, n in 0u32..40) {
        let cal = &rules().calendar;
        let start = day(start);
        let end = cal.add_working_days(start, n).date;
        // Exactly n working days lie after `start`, up to and including `end`.
        let mut count = 0;
        let mut d = start;
        while d < end {
            d = shift(d, 1);
            count += u32::from(cal.working_day(d).0);
        }
        prop_assert_eq!(count, n);
        prop_assert!(n == 0 || cal.working_day(end).0);
        // latest_start inverts it: starting then finishes by `end`, a day later does not.
        if n > 0 {
            let s = cal.latest_start(end, n).date;
            prop_assert!(cal.add_working_days(s, n).date <= end);
            prop_assert!(cal.add_working_days(shift(s, 1), n).date > end);
        }
    }

    #[test]
    fn dates_come_in_time_order_and_office_deadlines_on_days_offices_work(case in valid_case()) {
        let a = assess(rules(), &case);
        prop_assert!(a.deadlines.windows(2).all(|w| w[0].date <= w[1].date), "{:?}", a.deadlines);
        if let Some(d) = a.deadline(DeadlineCode::VisaApplicationBy) {
            prop_assert!(d.weekday().number_from_monday() <= 5, "apply at a mission on {} ({})", d, d.weekday());
        }
        if let Some(d) = a.deadline(DeadlineCode::InvitationRequestBy) {
            prop_assert!(rules().calendar.working_day(d).0, "ask at a Kazakh office on {}", d);
        }
    }

    #[test]
    fn stays_count_both_ends_and_limits_are_monotonic(case in valid_case()) {
        let a = assess(rules(), &case);
        prop_assert_eq!(a.stay_days, (case.trip.exit - case.trip.entry).num_days() + 1);
        if let Some(exit) = a.deadline(DeadlineCode::LatestExit) {
            prop_assert!(exit >= case.trip.entry);
            // A planned exit up to the latest exit never gets a stay blocker.
            if case.trip.exit <= exit {
                prop_assert!(a.issue(IssueCode::StayOver30Days).is_none() && a.issue(IssueCode::StayOver90In180).is_none());
            }
        }
    }
}

/// The answers of a checked case as text, as a form, a link or a file gives them.
fn raw_of(case: &Case) -> RawCase {
    let text = |d: NaiveDate| Some(d.to_string());
    let mut raw = RawCase {
        today: text(case.today),
        nationality: Some(case.nationality.clone()),
        purpose: Some(case.purpose.as_str().to_string()),
        birth_date: case.birth_date.and_then(text),
        law: Some(case.law.as_str().to_string()),
        ..RawCase::default()
    };
    raw.passport.expires = text(case.passport.expires);
    raw.passport.blank_pages = case.passport.blank_pages.map(|p| p.to_string());
    raw.passport.condition_ok = case.passport.condition_ok.map(|ok| ok.to_string());
    raw.trip.entry = text(case.trip.entry);
    raw.trip.exit = text(case.trip.exit);
    raw.trip.entry_point = Some(case.trip.entry_point.as_str().to_string());
    raw.previous_stays =
        case.previous_stays.iter().map(|s| RawStay { entry: text(s.entry), exit: text(s.exit) }).collect();
    raw
}

/// Every field an error may name: a case field, an earlier stay's part, or the case as a whole.
fn names_a_field(field: &str) -> bool {
    const ROOTS: [&str; 8] =
        ["today", "nationality", "purpose", "birth_date", "passport", "trip", "previous_stays", "law"];
    let root = field.split(['.', '[']).next().unwrap_or_default();
    ROOTS.contains(&root) || field == "residence_permit.country" || field == "(case)"
}

/// Text with the shape of a fragment or a JSON case, often nearly right.
fn decoder_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z_.\\[\\]0-9]{1,20}=[-0-9A-Za-z%.,]{0,24}(&[a-z_.]{1,20}=[-0-9A-Za-z%.,]{0,24}){0,8}",
        "\\{\"[a-z_]{1,12}\": ?(\"[-0-9A-Za-z]{0,12}\"|[0-9]{1,4}|true|null|\\{\\}|\\[\\])(, ?\"[a-z_.]{1,12}\": ?\"[-0-9A-Z]{0,12}\"){0,6}\\}",
    ]
}

// The decoders at depth: at least 10,000 generated inputs each (the issue's floor).
proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn the_url_decoder_never_panics_and_names_the_field_of_each_error(text in decoder_text()) {
        if let Err(errors) = Fragment::parse(&text).case.validate(rules()) {
            for e in &errors.0 {
                prop_assert!(names_a_field(&e.field), "{:?} in {:?}", e, text);
                prop_assert!(!e.message.is_empty());
            }
        }
    }

    #[test]
    fn the_json_decoder_never_panics_and_names_the_field_of_each_error(text in decoder_text()) {
        let errors = match read_case(&text) {
            Ok(raw) => raw.validate(rules()).err().map(|e| e.0).unwrap_or_default(),
            Err(e) => vec![e],
        };
        for e in &errors {
            // A key the contract does not have is named as it was written.
            let named = names_a_field(&e.field) || (e.code == InputErrorCode::UnknownField && !e.field.is_empty());
            prop_assert!(named, "{:?} in {:?}", e, text);
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn a_valid_case_loses_nothing_through_a_link_or_a_file(case in valid_case()) {
        let raw = raw_of(&case);
        prop_assert_eq!(raw.validate(rules()), Ok(case.clone()));
        let link = Fragment { case: raw.clone(), params: vec![("lang".into(), "kk".into())] }.to_fragment();
        prop_assert_eq!(Fragment::parse(&link).case.validate(rules()), Ok(case.clone()), "link {}", link);
        let stays: Vec<_> = case.previous_stays.iter().map(|s| serde_json::json!({ "entry": s.entry, "exit": s.exit })).collect();
        let file = serde_json::json!({
            "today": case.today, "nationality": case.nationality, "purpose": case.purpose, "law": case.law,
            "birth_date": case.birth_date,
            "passport": { "expires": case.passport.expires, "blank_pages": case.passport.blank_pages, "condition_ok": case.passport.condition_ok },
            "trip": { "entry": case.trip.entry, "exit": case.trip.exit, "entry_point": case.trip.entry_point },
            "previous_stays": stays,
        });
        let read = read_case(&file.to_string()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read.validate(rules()), Ok(case));
    }
}

/// The traveller's page's copy of the built-in data: its rules, and its words apart.
fn page() -> &'static PageData {
    static PAGE: std::sync::OnceLock<PageData> = std::sync::OnceLock::new();
    PAGE.get_or_init(|| Rules::encode_files_for_page(&BUILTIN, PageText::Deferred).expect("encodes"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Words a page fetches may be anything (junk, or its own with bytes changed on the way):
    /// joining them never panics, and what it accepts changes no assessment, since words
    /// are shown, never applied.
    #[test]
    fn words_of_any_bytes_never_panic_nor_change_an_assessment(
        junk in prop::collection::vec(any::<u8>(), 0..512),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1..=255u8), 0..6),
        case in raw_case(),
    ) {
        let mut changed = page().words.clone();
        for (at, bits) in flips {
            let i = at.index(changed.len());
            changed[i] ^= bits;
        }
        for words in [&junk, &changed] {
            if let Ok(joined) = Rules::from_checked_binary_with_words(&page().rules, words) {
                prop_assert_eq!(evaluate(&joined, &case), evaluate(rules(), &case));
            }
        }
    }
}

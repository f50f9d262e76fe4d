//! Days used, days left and the next date that fits (`allowance`): worked examples of the
//! kind the EU's 90/180 calculator answers, and the engine against a day-by-day count of
//! its own on generated stays (no shared code: the count below is written from the
//! contract's words alone).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use kzvisa_rules::case::{RawStay, RawTrip};
use kzvisa_rules::date::{parse_iso, shift};
use kzvisa_rules::{evaluate, Allowance, RawCase, Rules};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    parse_iso(s).unwrap()
}

fn assess(nationality: &str, entry: NaiveDate, exit: NaiveDate, stays: &[(NaiveDate, NaiveDate)]) -> Allowance {
    let mut case = RawCase {
        today: Some("2026-01-01".into()),
        nationality: Some(nationality.into()),
        purpose: Some("tourism".into()),
        trip: RawTrip {
            entry: Some(entry.to_string()),
            exit: Some(exit.to_string()),
            entry_point: Some("airport_almaty".into()),
        },
        ..RawCase::default()
    };
    case.passport.expires = Some("2040-01-01".into());
    case.previous_stays =
        stays.iter().map(|(a, b)| RawStay { entry: Some(a.to_string()), exit: Some(b.to_string()) }).collect();
    let a = evaluate(Rules::builtin().unwrap(), &case).expect("a valid case");
    a.allowance.expect("a window or yearly limit applies")
}

/// The EAEU's 90 in 180 (a Russian): the European calculator's question for a traveller
/// with earlier stays. 1 Sep to 29 Nov 2026 is 90 days; on 1 Feb 2027 the 180-day window
/// reaches back to 5 Aug 2026, so all 90 are used and no day is left. A 10-day stay from e
/// keeps 90 in every window when the window of e (from e - 179) has dropped a day of
/// September, and the window of its last day (from e - 170) ten: e - 170 = 11 Sep 2026, so
/// e = 28 Feb 2027.
#[test]
fn ninety_days_used_leave_nothing_until_they_fall_out_of_the_window() {
    let a = assess("RU", d("2027-02-01"), d("2027-02-10"), &[(d("2026-09-01"), d("2026-11-29"))]);
    assert_eq!((a.window_days, a.window_max_days), (Some(180), Some(90)));
    assert_eq!((a.days_used, a.longest_stay_days), (90, 0));
    assert_eq!(a.earliest_entry, Some(d("2027-02-28")));
}

/// 65 days used: 25 left from the planned entry, and a 30-day stay fits once 5 more of the
/// earlier days have left the window.
#[test]
fn sixty_five_days_used_leave_twenty_five() {
    let stays = [(d("2026-10-01"), d("2026-11-30")), (d("2026-12-10"), d("2026-12-13"))];
    let a = assess("RU", d("2027-01-10"), d("2027-02-08"), &stays);
    assert_eq!((a.days_used, a.longest_stay_days), (65, 25));
    // The 30-day stay from e ends on e + 29, whose window starts on e - 150: it must have
    // dropped five of October's days, so e - 150 = 6 Oct 2026, e = 5 Mar 2027.
    assert_eq!(a.earliest_entry, Some(d("2027-03-05")));
}

/// A stay longer than the per-entry limit fits on no day.
#[test]
fn a_stay_over_the_per_entry_limit_fits_on_no_day() {
    let a = assess("DE", d("2027-01-10"), d("2027-02-23"), &[]);
    assert_eq!((a.days_used, a.longest_stay_days, a.earliest_entry), (0, 30, None));
}

/// Brazil: 30 days in a year counted from the first entry.
#[test]
fn a_yearly_limit_counts_the_year_the_entry_falls_in() {
    let a = assess("BR", d("2027-02-01"), d("2027-02-10"), &[(d("2026-06-01"), d("2026-06-25"))]);
    assert_eq!((a.year_days, a.days_used, a.longest_stay_days), (Some(30), 25, 5));
    // The year from 1 Jun 2026 runs to 1 Jun 2027 and has 5 days left; the next year starts
    // on the first day present after it. A 10-day stay from 28 May uses those 5, then 5 of
    // the next year.
    assert_eq!(a.earliest_entry, Some(d("2027-05-28")));
}

/// The limits of a regime, as the contract counts them, with nothing of the engine's.
struct Limits {
    per_entry: i64,
    window: i64,
    max: i64,
}

/// Whether a stay of `len` days from `entry` keeps every limit, counted day by day.
fn fits(l: &Limits, earlier: &BTreeSet<NaiveDate>, entry: NaiveDate, len: i64) -> bool {
    if len > l.per_entry {
        return false;
    }
    let mut present = earlier.clone();
    (0..len).all(|i| {
        let day = shift(entry, i);
        present.insert(day);
        (0..l.window).filter(|k| present.contains(&shift(day, -k))).count() as i64 <= l.max
    })
}

fn stays() -> impl Strategy<Value = Vec<(i64, i64)>> {
    prop::collection::vec((0i64..400, 0i64..40), 0..5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// For the EAEU's 90 in 180 and 90 per entry, and Korea's 60 in 180 and 30 per entry:
    /// the days used, the longest stay and the earliest entry agree with a count of each day.
    #[test]
    fn the_allowance_agrees_with_a_day_by_day_count(
        raw in stays(), len in 1i64..95, korean in any::<bool>()
    ) {
        let (code, limits) = if korean {
            ("KR", Limits { per_entry: 30, window: 180, max: 60 })
        } else {
            ("RU", Limits { per_entry: 90, window: 180, max: 90 })
        };
        // Earlier stays in the 400 days before 1 Feb 2027, ending before the entry.
        let entry = d("2027-02-01");
        let base = shift(entry, -420);
        let stays: Vec<(NaiveDate, NaiveDate)> =
            raw.iter().map(|(start, n)| (shift(base, *start), shift(base, (*start + *n).min(419)))).collect();
        let earlier: BTreeSet<NaiveDate> =
            stays.iter().flat_map(|(a, b)| (0..=(*b - *a).num_days()).map(move |i| shift(*a, i))).collect();
        let a = assess(code, entry, shift(entry, len - 1), &stays);

        let used = earlier.iter().filter(|x| **x > shift(entry, -limits.window) && **x <= entry).count() as i64;
        prop_assert_eq!(a.days_used, used);
        let longest = (0..=limits.per_entry).take_while(|n| fits(&limits, &earlier, entry, *n)).last().unwrap_or(0);
        prop_assert_eq!(a.longest_stay_days, longest);
        let earliest = (0..700).map(|i| shift(entry, i)).find(|e| fits(&limits, &earlier, *e, len));
        prop_assert_eq!(a.earliest_entry, earliest);
    }
}

//! The length of the stay: the regime's limit per entry, the days-in-window rule
//! (90 in any 180), and, for a long stay, the host's temporary residence permit.

use chrono::NaiveDate;

use crate::case::Stay;
use crate::codes::{IssueCode, Route, Severity};
use crate::context::Ctx;
use crate::date::{days_between, shift};

/// For each day from `entry` to `through`, the days present in the `window` days ending on
/// it (inclusive), if present every day from `entry` on and during every earlier stay.
pub fn presence(previous: &[Stay], entry: NaiveDate, through: NaiveDate, window: u32) -> Vec<(NaiveDate, i64)> {
    let window = i64::from(window.max(1));
    let base = shift(entry, 1 - window);
    let len = usize::try_from(days_between(base, through) + 1).unwrap_or(0);
    let mut present = vec![0i64; len];
    let index = |d: NaiveDate| days_between(base, d);
    for stay in previous {
        let (from, to) = (index(stay.entry).max(0), index(stay.exit).min(len as i64 - 1));
        for i in from..=to {
            present[i as usize] = 1; // overlapping stays count a day once
        }
    }
    for slot in present.iter_mut().skip(usize::try_from(index(entry)).unwrap_or(0)) {
        *slot = 1;
    }
    let mut prefix = vec![0i64; len + 1];
    for i in 0..len {
        prefix[i + 1] = prefix[i] + present[i];
    }
    let first = usize::try_from(index(entry)).unwrap_or(0);
    (first..len)
        .map(|i| {
            let start = (i as i64 + 1 - window).max(0) as usize;
            (shift(base, i as i64), prefix[i + 1] - prefix[start])
        })
        .collect()
}

/// Checks the stay and returns the latest day the traveller may stay (visa-free only).
pub(crate) fn check(ctx: &mut Ctx) -> Option<NaiveDate> {
    let (case, entry, exit, stay_days) = (ctx.case, ctx.case.trip.entry, ctx.case.trip.exit, ctx.stay_days);

    if ctx.route.is_visa() {
        if let Some(over) = ctx.rules.param("temporary_residence_permit", "over_days", entry) {
            if stay_days > over {
                let issue = ctx.raise(
                    IssueCode::TemporaryResidencePermitNeeded,
                    Severity::Warning,
                    "temporary_residence_permit",
                    entry,
                );
                (issue.days, issue.limit) = (Some(stay_days), Some(over));
            }
        }
        if ctx.route == Route::EVisa {
            if let Some(regime) = ctx.regime {
                ctx.raise(IssueCode::EVisaStayNotStated, Severity::Info, &regime.id, entry);
            }
        }
        return None;
    }

    let regime = ctx.regime?;
    let max = regime.max_stay_days.unwrap_or(u32::MAX);
    if stay_days > i64::from(max) {
        // The contract names the 30-day limit; an operator's regime with another limit
        // raises the general code.
        let code = if max == 30 { IssueCode::StayOver30Days } else { IssueCode::StayOverMaxStay };
        let issue = ctx.raise(code, Severity::Blocker, &regime.id, entry);
        (issue.days, issue.limit) = (Some(stay_days), Some(i64::from(max)));
    }
    let last_allowed = shift(entry, i64::from(max.min(100_000)) - 1);

    let (Some(window), Some(window_max)) = (regime.window_days, regime.window_max_days) else {
        return Some(last_allowed);
    };
    let through = exit.max(last_allowed);
    let counts = presence(&case.previous_stays, entry, through, window);
    if let Some(&(day, count)) = counts.iter().take_while(|(d, _)| *d <= exit).find(|(_, n)| *n > i64::from(window_max))
    {
        let issue = ctx.raise(IssueCode::StayOver90In180, Severity::Blocker, &regime.id, entry);
        (issue.date, issue.days, issue.limit) = (Some(day), Some(count), Some(i64::from(window_max)));
    }
    // The latest exit: the last day before the per-entry limit or the window is passed.
    counts.iter().take_while(|(d, n)| *d <= last_allowed && *n <= i64::from(window_max)).last().map(|(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn a_fresh_trip_counts_up_from_one() {
        let counts = presence(&[], d("2026-12-01"), d("2026-12-05"), 180);
        assert_eq!(counts.iter().map(|c| c.1).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn earlier_stays_count_only_inside_the_window() {
        // 60 days ending 180 days before the entry: the first day of the trip sees none of
        // them except the last... none: the window of 2026-12-01 starts on 2026-06-05.
        let stays = [Stay { entry: d("2026-04-06"), exit: d("2026-06-04") }];
        let counts = presence(&stays, d("2026-12-01"), d("2026-12-01"), 180);
        assert_eq!(counts, vec![(d("2026-12-01"), 1)]);
        let stays = [Stay { entry: d("2026-04-06"), exit: d("2026-06-05") }];
        assert_eq!(presence(&stays, d("2026-12-01"), d("2026-12-01"), 180)[0].1, 2);
    }

    #[test]
    fn overlapping_earlier_stays_count_each_day_once() {
        let stays = [
            Stay { entry: d("2026-11-01"), exit: d("2026-11-10") },
            Stay { entry: d("2026-11-05"), exit: d("2026-11-12") },
        ];
        assert_eq!(presence(&stays, d("2026-12-01"), d("2026-12-01"), 180)[0].1, 13);
    }
}

//! The length of the stay: the regime's limit per entry, its days-in-window limit (90 in
//! any 180, 42 in 180, 90 in 365), its days in a year (calendar years, or years counted
//! from the first entry), and, for a long stay on a visa, the host's temporary residence permit.

use chrono::{Datelike, NaiveDate};

use crate::case::Stay;
use crate::codes::{IssueCode, Param, Route, RuleId, Severity, YearBasis};
use crate::context::{Ctx, Ground};
use crate::data::model::Regime;
use crate::date::{add_months, days_between, shift};

/// The days a traveller is present, from `base` on: every day of every earlier stay, and
/// every day from the entry on (as if the stay went on for as long as is asked about).
pub struct Presence {
    base: NaiveDate,
    /// `prefix[i]`: days present from `base` up to the day before `base + i`.
    prefix: Vec<i64>,
}

impl Presence {
    /// Presence from the earliest of `base` and the earlier stays, through `through`.
    pub fn new(previous: &[Stay], entry: NaiveDate, through: NaiveDate, base: NaiveDate) -> Presence {
        let base = previous.iter().map(|s| s.entry).fold(base.min(entry), NaiveDate::min);
        let len = usize::try_from(days_between(base, through) + 1).unwrap_or(0);
        let mut present = vec![false; len];
        let index = |d: NaiveDate| usize::try_from(days_between(base, d)).unwrap_or(0);
        for stay in previous {
            // Overlapping stays count a day once.
            present.iter_mut().take(index(stay.exit) + 1).skip(index(stay.entry)).for_each(|p| *p = true);
        }
        present.iter_mut().skip(index(entry)).for_each(|p| *p = true);
        let mut prefix = Vec::with_capacity(len + 1);
        prefix.push(0);
        for (i, p) in present.iter().enumerate() {
            prefix.push(prefix[i] + i64::from(*p));
        }
        Presence { base, prefix }
    }

    fn at(&self, d: NaiveDate) -> usize {
        usize::try_from(days_between(self.base, d)).unwrap_or(0).min(self.prefix.len() - 1)
    }

    /// Days present from `from` to `to`, both included.
    pub fn count(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from || to < self.base {
            return 0;
        }
        self.prefix[self.at(shift(to, 1))] - self.prefix[self.at(from)]
    }

    /// The first day present on or after `from`.
    fn first_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        let start = self.at(from);
        (start..self.prefix.len() - 1)
            .find(|&i| self.prefix[i + 1] > self.prefix[i])
            .map(|i| shift(self.base, i as i64))
    }

    /// The first day of the year (as `basis` counts years) that `day` falls in.
    pub fn year_start(&self, basis: YearBasis, day: NaiveDate) -> NaiveDate {
        match basis {
            YearBasis::Calendar => NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
            // A year from the first entry runs to the same day a year later (the longer,
            // protective reading); the next starts on the first entry after it.
            YearBasis::FirstEntry => {
                let mut start = self.first_from(self.base).unwrap_or(day);
                while add_months(start, 12) < day {
                    match self.first_from(shift(add_months(start, 12), 1)) {
                        Some(next) if next <= day => start = next,
                        _ => break,
                    }
                }
                start
            }
        }
    }
}

/// For each day from `entry` to `through`, the days present in the `window` days ending on
/// it (inclusive), if present every day from `entry` on and during every earlier stay.
pub fn presence(previous: &[Stay], entry: NaiveDate, through: NaiveDate, window: u32) -> Vec<(NaiveDate, i64)> {
    let window = i64::from(window.max(1));
    let p = Presence::new(previous, entry, through, shift(entry, 1 - window));
    days(entry, through).map(|d| (d, p.count(shift(d, 1 - window), d))).collect()
}

fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    (0..=days_between(from, to).max(-1)).map(move |i| shift(from, i))
}

/// A limit on the days present, as a regime sets it.
#[derive(Clone, Copy)]
enum Limit {
    Window { days: u32, max: u32 },
    Year { basis: YearBasis, max: u32 },
}

impl Limit {
    fn of(regime: &Regime) -> Vec<Limit> {
        let window = regime.window_days.zip(regime.window_max_days).map(|(days, max)| Limit::Window { days, max });
        let year = regime
            .year_max_days
            .map(|max| Limit::Year { basis: regime.year_basis.unwrap_or(YearBasis::Calendar), max });
        window.into_iter().chain(year).collect()
    }

    fn max(self) -> i64 {
        match self {
            Limit::Window { max, .. } | Limit::Year { max, .. } => i64::from(max),
        }
    }

    fn earliest(self, entry: NaiveDate) -> NaiveDate {
        match self {
            Limit::Window { days, .. } => shift(entry, 1 - i64::from(days.max(1))),
            Limit::Year { .. } => shift(entry, -366),
        }
    }

    /// Days present in the window or year that ends with `day`.
    fn count(self, p: &Presence, day: NaiveDate) -> i64 {
        match self {
            Limit::Window { days, .. } => p.count(shift(day, 1 - i64::from(days.max(1))), day),
            Limit::Year { basis, .. } => p.count(p.year_start(basis, day), day),
        }
    }
}

/// Checks the stay and returns the latest day the traveller may stay (visa-free only).
pub(crate) fn check(ctx: &mut Ctx) -> Option<NaiveDate> {
    let (case, entry, exit, stay_days) = (ctx.case, ctx.case.trip.entry, ctx.case.trip.exit, ctx.stay_days);

    if ctx.route.is_visa() {
        if let Some((over, rule)) = ctx.param(RuleId::TemporaryResidencePermit, Param::OverDays, entry) {
            if stay_days > over {
                let issue = ctx.raise(IssueCode::TemporaryResidencePermitNeeded, Severity::Warning, Ground::Rule(rule));
                (issue.days, issue.limit) = (Some(stay_days), Some(over));
            }
        }
        if ctx.route == Route::EVisa {
            if let Some(regime) = ctx.regime {
                ctx.raise(IssueCode::EVisaStayNotStated, Severity::Info, Ground::Regime(regime));
            }
        }
        return None;
    }

    let regime = ctx.regime?;
    let max = regime.max_stay_days.unwrap_or(u32::MAX);
    if stay_days > i64::from(max) {
        // The contract names the 30-day limit; a regime with another limit raises the general code.
        let code = if max == 30 { IssueCode::StayOver30Days } else { IssueCode::StayOverMaxStay };
        let issue = ctx.raise(code, Severity::Blocker, Ground::Regime(regime));
        (issue.days, issue.limit) = (Some(stay_days), Some(i64::from(max)));
    }
    let last_allowed = shift(entry, i64::from(max.min(100_000)) - 1);
    let limits = Limit::of(regime);
    if limits.is_empty() {
        return Some(last_allowed);
    }
    let through = exit.max(last_allowed);
    let earliest = limits.iter().map(|l| l.earliest(entry)).min().unwrap_or(entry);
    let present = Presence::new(&case.previous_stays, entry, through, earliest);
    for limit in &limits {
        let over = days(entry, exit).map(|d| (d, limit.count(&present, d))).find(|(_, n)| *n > limit.max());
        if let Some((day, count)) = over {
            let code = match *limit {
                Limit::Window { days: 180, max: 90 } => IssueCode::StayOver90In180,
                Limit::Window { .. } => IssueCode::StayOverWindow,
                Limit::Year { .. } => IssueCode::StayOverYearLimit,
            };
            let issue = ctx.raise(code, Severity::Blocker, Ground::Regime(regime));
            (issue.date, issue.days, issue.limit) = (Some(day), Some(count), Some(limit.max()));
            if let Limit::Window { days, .. } = *limit {
                issue.window = Some(i64::from(days));
            }
        }
    }
    // The latest exit: the last day before the per-entry limit or any other limit is passed.
    days(entry, last_allowed).take_while(|d| limits.iter().all(|l| l.count(&present, *d) <= l.max())).last()
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
        // The window of 2026-12-01 starts on 2026-06-05: a stay ending the day before counts nothing.
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

    #[test]
    fn a_year_from_the_first_entry_runs_to_the_same_day_a_year_later_then_starts_again() {
        let stays = [Stay { entry: d("2026-03-01"), exit: d("2026-03-20") }];
        let p = Presence::new(&stays, d("2027-02-20"), d("2027-05-01"), d("2026-01-01"));
        assert_eq!(p.year_start(YearBasis::FirstEntry, d("2027-03-01")), d("2026-03-01"));
        assert_eq!(p.count(d("2026-03-01"), d("2027-03-01")), 20 + 10);
        // The next year starts on the first day present after 1 March 2027.
        assert_eq!(p.year_start(YearBasis::FirstEntry, d("2027-03-02")), d("2027-03-02"));
        assert_eq!(p.year_start(YearBasis::Calendar, d("2027-03-02")), d("2027-01-01"));
    }

    #[test]
    fn a_year_after_a_long_absence_starts_on_the_next_entry() {
        let stays = [Stay { entry: d("2024-01-10"), exit: d("2024-01-20") }];
        let p = Presence::new(&stays, d("2026-06-01"), d("2026-07-01"), d("2025-01-01"));
        assert_eq!(p.year_start(YearBasis::FirstEntry, d("2026-06-15")), d("2026-06-01"));
    }
}

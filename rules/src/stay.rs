//! The length of the stay: each regime's limit per entry, its days-in-window limit (90 in
//! any 180, 42 in 180, 60 in 180), its days in a year (calendar years, or years counted
//! from the first entry); what of them is used and left (the allowance); and, for a long
//! stay on a visa, the host's temporary residence permit.

use chrono::{Datelike, NaiveDate};

use crate::assessment::{Allowance, Window};
use crate::case::Stay;
use crate::codes::{IssueCode, Param, Route, RuleId, Severity, Term, YearBasis};
use crate::context::{Ctx, Ground};
use crate::data::model::Regime;
use crate::date::{add_months, days_between, shift};
use crate::regime::Terms;

/// The days of the earlier stays, counted fast over any span of days.
struct Earlier {
    base: NaiveDate,
    /// `prefix[i]`: days present from `base` up to the day before `base + i`.
    prefix: Vec<i64>,
    /// `next[i]`: the index of the first day present on or after `base + i` (the length
    /// when there is none), so that a year from the first entry is found without a scan.
    next: Vec<usize>,
}

impl Earlier {
    /// The earlier stays' days from `base` (or the first of them, if earlier) to `through`.
    fn new(previous: &[Stay], base: NaiveDate, through: NaiveDate) -> Earlier {
        let base = previous.iter().map(|s| s.entry).fold(base, NaiveDate::min);
        let len = usize::try_from(days_between(base, through) + 1).unwrap_or(0);
        let mut present = vec![false; len];
        let index = |d: NaiveDate| usize::try_from(days_between(base, d)).unwrap_or(0);
        for stay in previous {
            // Overlapping stays count a day once.
            present.iter_mut().take(index(stay.exit) + 1).skip(index(stay.entry)).for_each(|p| *p = true);
        }
        let mut prefix = Vec::with_capacity(len + 1);
        prefix.push(0);
        for (i, p) in present.iter().enumerate() {
            prefix.push(prefix[i] + i64::from(*p));
        }
        let mut next = vec![len; len + 1];
        for i in (0..len).rev() {
            next[i] = if present[i] { i } else { next[i + 1] };
        }
        Earlier { base, prefix, next }
    }

    fn at(&self, d: NaiveDate) -> usize {
        usize::try_from(days_between(self.base, d)).unwrap_or(0).min(self.prefix.len() - 1)
    }

    fn count(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from || to < self.base {
            return 0;
        }
        self.prefix[self.at(shift(to, 1))] - self.prefix[self.at(from)]
    }

    fn first_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        let i = self.next[self.at(from)];
        (i < self.next.len() - 1).then(|| shift(self.base, i as i64))
    }
}

/// The days present if the traveller enters on `entry` and stays through `exit`, besides
/// the earlier stays.
#[derive(Clone, Copy)]
struct Presence<'e> {
    earlier: &'e Earlier,
    entry: NaiveDate,
    exit: NaiveDate,
}

impl Presence<'_> {
    /// Days present from `from` to `to`, both included.
    fn count(self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (start, end) = (from.max(self.entry), to.min(self.exit));
        let trip = if start <= end { days_between(start, end) + 1 } else { 0 };
        self.earlier.count(from, to) + trip
    }

    /// The first day present on or after `from`.
    fn first_from(self, from: NaiveDate) -> Option<NaiveDate> {
        let trip = (from <= self.exit).then(|| from.max(self.entry));
        match (self.earlier.first_from(from), trip) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The first day of the year (as `basis` counts years) that `day` falls in.
    fn year_start(self, basis: YearBasis, day: NaiveDate) -> NaiveDate {
        match basis {
            YearBasis::Calendar => NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
            // A year from the first entry runs to the same day a year later (the longer,
            // protective reading); the next starts on the first entry after it.
            YearBasis::FirstEntry => {
                let mut start = self.first_from(self.earlier.base).unwrap_or(day);
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

/// A limit on the days present, as a regime sets it.
#[derive(Clone, Copy, PartialEq)]
enum Limit {
    Window { days: u32, max: u32 },
    Year { basis: YearBasis, max: u32 },
}

impl Limit {
    fn of(regime: &Regime) -> impl Iterator<Item = Limit> {
        let window = regime.window_days.zip(regime.window_max_days).map(|(days, max)| Limit::Window { days, max });
        let year = regime
            .year_max_days
            .map(|max| Limit::Year { basis: regime.year_basis.unwrap_or(YearBasis::Calendar), max });
        window.into_iter().chain(year)
    }

    fn max(self) -> i64 {
        match self {
            Limit::Window { max, .. } | Limit::Year { max, .. } => i64::from(max),
        }
    }

    /// How far back from a day its window or year can reach.
    fn reach(self) -> i64 {
        match self {
            Limit::Window { days, .. } => i64::from(days.max(1)),
            Limit::Year { .. } => 367,
        }
    }

    /// The first day of the window or year that ends with `day`.
    fn start(self, p: Presence, day: NaiveDate) -> NaiveDate {
        match self {
            Limit::Window { days, .. } => shift(day, 1 - i64::from(days.max(1))),
            Limit::Year { basis, .. } => p.year_start(basis, day),
        }
    }

    /// Days present in the window or year that ends with `day`.
    fn count(self, p: Presence, day: NaiveDate) -> i64 {
        p.count(self.start(p, day), day)
    }

    fn code(self) -> IssueCode {
        match self {
            Limit::Window { days: 180, max: 90 } => IssueCode::StayOver90In180,
            Limit::Window { .. } => IssueCode::StayOverWindow,
            Limit::Year { .. } => IssueCode::StayOverYearLimit,
        }
    }

    fn term(self) -> Term {
        match self {
            Limit::Window { .. } => Term::Window,
            Limit::Year { .. } => Term::Year,
        }
    }
}

/// Every limit of the regimes that give the route, each with the regime that sets it.
struct Limits<'a> {
    max_stay: Option<(u32, &'a Regime)>,
    days: Vec<(Limit, &'a Regime)>,
}

impl<'a> Limits<'a> {
    fn of(terms: Terms<'a>) -> Limits<'a> {
        let mut days: Vec<(Limit, &Regime)> = Vec::new();
        for g in terms.all() {
            for limit in Limit::of(g) {
                if days.iter().all(|(l, _)| *l != limit) {
                    days.push((limit, g));
                }
            }
        }
        Limits { max_stay: terms.max_stay(), days }
    }

    /// The longest a stay may be, whatever the days before it.
    fn cap(&self) -> i64 {
        let windows = self.days.iter().map(|(l, _)| l.max());
        self.max_stay.map(|(d, _)| i64::from(d)).into_iter().chain(windows).min().unwrap_or(100_000).min(100_000)
    }

    /// The first day of a stay from `entry` to `exit` that is over a limit, with the limit
    /// and its count that day.
    fn first_over(&self, earlier: &Earlier, entry: NaiveDate, exit: NaiveDate) -> Option<(NaiveDate, Limit, i64)> {
        let p = Presence { earlier, entry, exit };
        (0..=days_between(entry, exit)).map(|i| shift(entry, i)).find_map(|day| {
            self.days.iter().map(|(l, _)| (*l, l.count(p, day))).find(|(l, n)| *n > l.max()).map(|(l, n)| (day, l, n))
        })
    }

    /// Whether a stay from `entry` of `days` days keeps every limit.
    fn fits(&self, earlier: &Earlier, entry: NaiveDate, days: i64) -> bool {
        days <= self.cap() && self.first_over(earlier, entry, shift(entry, days - 1)).is_none()
    }

    /// The window or year limit that binds the hardest: the fewest days allowed.
    fn strictest(&self) -> Option<Limit> {
        self.days.iter().map(|(l, _)| *l).min_by_key(|l| (l.max(), -l.reach()))
    }
}

/// What the stay check gives the rest of the assessment.
pub(crate) struct Checked {
    /// The latest day the traveller may stay (visa-free only).
    pub latest_exit: Option<NaiveDate>,
    pub window: Option<Window>,
    pub allowance: Option<Allowance>,
}

/// Checks the stay against every limit of the regimes that give the route.
pub(crate) fn check(ctx: &mut Ctx) -> Checked {
    let (entry, exit, stay_days) = (ctx.case.trip.entry, ctx.case.trip.exit, ctx.stay_days);
    let none = Checked { latest_exit: None, window: None, allowance: None };

    if ctx.route.is_visa() {
        if let Some((over, rule)) = ctx.param(RuleId::TemporaryResidencePermit, Param::OverDays, entry) {
            if stay_days > over {
                let issue = ctx.raise(IssueCode::TemporaryResidencePermitNeeded, Severity::Warning, Ground::Rule(rule));
                (issue.days, issue.limit) = (Some(stay_days), Some(over));
            }
        }
        if let (Route::EVisa, Some(terms)) = (ctx.route, ctx.terms) {
            ctx.raise(IssueCode::EVisaStayNotStated, Severity::Info, Ground::Regime(terms.primary()));
        }
        return none;
    }

    let Some(terms) = ctx.terms else { return none };
    let limits = Limits::of(terms);
    if let Some((max, regime)) = limits.max_stay {
        if stay_days > i64::from(max) {
            // The contract names the 30-day limit; a regime with another limit raises the general code.
            let code = if max == 30 { IssueCode::StayOver30Days } else { IssueCode::StayOverMaxStay };
            let issue = ctx.raise(code, Severity::Blocker, Ground::Term(regime, Term::MaxStay));
            (issue.days, issue.limit) = (Some(stay_days), Some(i64::from(max)));
        }
    }
    let cap = limits.cap();
    let last_allowed = limits.max_stay.map(|(d, _)| shift(entry, i64::from(d) - 1));
    let Some(strictest) = limits.strictest() else {
        return Checked { latest_exit: last_allowed, window: None, allowance: None };
    };

    // The earlier stays that can count, from the furthest any limit reaches back before the
    // entry, to the furthest the search for a date that fits reaches forward.
    let reach = limits.days.iter().map(|(l, _)| l.reach()).max().unwrap_or(0);
    let last_earlier = ctx.case.previous_stays.iter().map(|s| s.exit).max().unwrap_or(entry).max(entry);
    let search_to = shift(last_earlier, reach + 367);
    let earlier = Earlier::new(&ctx.case.previous_stays, shift(entry, -reach), shift(search_to, cap));

    if let Some((day, limit, count)) = limits.first_over(&earlier, entry, exit) {
        let regime = limits.days.iter().find(|(l, _)| *l == limit).map_or(terms.primary(), |(_, g)| g);
        let issue = ctx.raise(limit.code(), Severity::Blocker, Ground::Term(regime, limit.term()));
        (issue.date, issue.days, issue.limit) = (Some(day), Some(count), Some(limit.max()));
        if let Limit::Window { days, .. } = limit {
            issue.window = Some(i64::from(days));
        }
    }

    // The longest stay from the entry: until the day before the first day over a limit.
    let longest = match limits.first_over(&earlier, entry, shift(entry, cap - 1)) {
        Some((day, ..)) => days_between(entry, day),
        None => cap,
    };
    let latest_exit = (longest > 0).then(|| shift(entry, longest - 1));
    let earliest_entry =
        (0..=days_between(entry, search_to)).map(|i| shift(entry, i)).find(|d| limits.fits(&earlier, *d, stay_days));
    // The earlier stays' days in the window, or the year, that the entry day falls in.
    let on_entry = Presence { earlier: &earlier, entry, exit: entry };
    let used = earlier.count(strictest.start(on_entry, entry), entry);
    let (window, year) = match strictest {
        Limit::Window { days, max } => (Some(Window { days, max }), None),
        Limit::Year { basis, max } => (None, Some((max, basis))),
    };
    Checked {
        latest_exit,
        window,
        allowance: Some(Allowance {
            window_days: window.map(|w| w.days),
            window_max_days: window.map(|w| w.max),
            year_days: year.map(|y| y.0),
            year_basis: year.map(|y| y.1),
            days_used: used,
            longest_stay_days: longest,
            earliest_entry,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn counts(stays: &[Stay], entry: &str, through: &str, window: u32) -> Vec<i64> {
        let earlier = Earlier::new(stays, d("2020-01-01"), d(through));
        let p = Presence { earlier: &earlier, entry: d(entry), exit: d(through) };
        let limit = Limit::Window { days: window, max: window };
        (0..=days_between(d(entry), d(through))).map(|i| limit.count(p, shift(d(entry), i))).collect()
    }

    #[test]
    fn a_fresh_trip_counts_up_from_one() {
        assert_eq!(counts(&[], "2026-12-01", "2026-12-05", 180), vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn earlier_stays_count_only_inside_the_window() {
        // The window of 2026-12-01 starts on 2026-06-05: a stay ending the day before counts nothing.
        let stays = [Stay { entry: d("2026-04-06"), exit: d("2026-06-04") }];
        assert_eq!(counts(&stays, "2026-12-01", "2026-12-01", 180), vec![1]);
        let stays = [Stay { entry: d("2026-04-06"), exit: d("2026-06-05") }];
        assert_eq!(counts(&stays, "2026-12-01", "2026-12-01", 180), vec![2]);
    }

    #[test]
    fn overlapping_earlier_stays_count_each_day_once() {
        let stays = [
            Stay { entry: d("2026-11-01"), exit: d("2026-11-10") },
            Stay { entry: d("2026-11-05"), exit: d("2026-11-12") },
        ];
        assert_eq!(counts(&stays, "2026-12-01", "2026-12-01", 180), vec![13]);
    }

    #[test]
    fn a_year_from_the_first_entry_runs_to_the_same_day_a_year_later_then_starts_again() {
        let stays = [Stay { entry: d("2026-03-01"), exit: d("2026-03-20") }];
        let earlier = Earlier::new(&stays, d("2026-01-01"), d("2027-05-01"));
        let p = Presence { earlier: &earlier, entry: d("2027-02-20"), exit: d("2027-05-01") };
        assert_eq!(p.year_start(YearBasis::FirstEntry, d("2027-03-01")), d("2026-03-01"));
        assert_eq!(p.count(d("2026-03-01"), d("2027-03-01")), 20 + 10);
        // The next year starts on the first day present after 1 March 2027.
        assert_eq!(p.year_start(YearBasis::FirstEntry, d("2027-03-02")), d("2027-03-02"));
        assert_eq!(p.year_start(YearBasis::Calendar, d("2027-03-02")), d("2027-01-01"));
    }

    #[test]
    fn a_year_after_a_long_absence_starts_on_the_next_entry() {
        let stays = [Stay { entry: d("2024-01-10"), exit: d("2024-01-20") }];
        let earlier = Earlier::new(&stays, d("2025-01-01"), d("2026-07-01"));
        let p = Presence { earlier: &earlier, entry: d("2026-06-01"), exit: d("2026-07-01") };
        assert_eq!(p.year_start(YearBasis::FirstEntry, d("2026-06-15")), d("2026-06-01"));
    }
}

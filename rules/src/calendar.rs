//! Kazakhstan's working days: weekends, public holidays, holidays moved off weekends
//! (Labour Code), Kurban Ait, and the government's transfers, year by year from data.

use chrono::{Datelike, NaiveDate};

use crate::data::model::{CalendarFile, Cite, Holiday, YearEntry};
use crate::date::{days_between, is_weekend, shift};

/// How many days either side of an estimated Kurban Ait the real date may fall.
const KURBAN_AIT_MARGIN_DAYS: i64 = 3;

/// How far a counted day can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// The day's status is taken from published acts.
    Confirmed,
    /// The year is in the data, but the day is near an estimated Kurban Ait, or the
    /// year's transfers may still be announced.
    Estimated,
    /// The year is not in the data: fixed holidays only.
    Unknown,
}

/// The days off and extra working days of one year.
#[derive(Debug, Clone)]
struct YearDays {
    year: i32,
    /// None when the year is not in the data.
    entry: Option<YearEntry>,
    // A year has a dozen or two of each: a list is quicker to search than a tree, and
    // keeps the tree's code out of the web app.
    days_off: Vec<NaiveDate>,
    working_weekend_days: Vec<NaiveDate>,
}

/// A date counted in working days, with the least certainty among the days it passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub date: NaiveDate,
    pub certainty: Certainty,
    /// The first year passed whose certainty is below `Confirmed`.
    pub uncertain_year: Option<i32>,
}

/// The working-day calendar built from calendar.toml.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub cite: Vec<Cite>,
    pub holidays: Vec<Holiday>,
    pub years: Vec<YearEntry>,
    /// Precomputed days for every year in the data; other years are computed when asked.
    known: Vec<YearDays>,
}

/// Parses a holiday's `MM-DD` into (month, day); `None` if it is not a real day in a leap year.
pub(crate) fn month_day(text: &str) -> Option<(u32, u32)> {
    let (m, d) = text.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

impl Calendar {
    pub(crate) fn new(file: CalendarFile) -> Self {
        let mut calendar =
            Calendar { cite: file.meta.cite, holidays: file.holiday, years: file.year, known: Vec::new() };
        calendar.known = calendar.years.iter().map(|y| calendar.compute(y.year)).collect();
        calendar
    }

    /// The days off of `year`, following the Labour Code's rule for weekend holidays.
    fn compute(&self, year: i32) -> YearDays {
        let entry = self.years.iter().find(|y| y.year == year);
        // (date, moves) of every holiday in the year, in date order.
        let mut holidays: Vec<(NaiveDate, bool)> = self
            .holidays
            .iter()
            .filter(|h| h.from_year.is_none_or(|f| year >= f) && h.to_year.is_none_or(|t| year <= t))
            .filter_map(|h| {
                let (m, d) = month_day(&h.date)?;
                NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, h.moves))
            })
            .collect();
        if let Some(entry) = entry {
            holidays.push((entry.kurban_ait, false)); // a religious holiday: never moved
        }
        holidays.sort_unstable();
        let holiday_dates: Vec<NaiveDate> = holidays.iter().map(|h| h.0).collect();
        let mut days_off: Vec<NaiveDate> = holiday_dates.iter().copied().filter(|d| !is_weekend(*d)).collect();
        for (date, moves) in &holidays {
            if !*moves || !is_weekend(*date) {
                continue;
            }
            // The next working day after the holiday that is not itself off.
            let mut day = shift(*date, 1);
            while is_weekend(day) || holiday_dates.contains(&day) || days_off.contains(&day) {
                day = shift(day, 1);
            }
            days_off.push(day);
        }
        let mut working_weekend_days = Vec::new();
        for transfer in entry.iter().flat_map(|e| &e.transfers) {
            days_off.push(transfer.day_off);
            working_weekend_days.push(transfer.working_day);
        }
        YearDays { year, entry: entry.cloned(), days_off, working_weekend_days }
    }

    fn with_year<T>(&self, year: i32, f: impl FnOnce(&YearDays) -> T) -> T {
        match self.known.iter().find(|y| y.year == year) {
            Some(days) => f(days),
            None => f(&self.compute(year)),
        }
    }

    /// Whether `date` is a working day, and how sure that is.
    pub fn working_day(&self, date: NaiveDate) -> (bool, Certainty) {
        self.with_year(date.year(), |y| {
            let working = if y.working_weekend_days.contains(&date) {
                true
            } else {
                !is_weekend(date) && !y.days_off.contains(&date)
            };
            let certainty = match &y.entry {
                None => Certainty::Unknown,
                Some(e) if !e.transfers_confirmed => Certainty::Estimated,
                Some(e)
                    if !e.kurban_ait_confirmed && days_between(e.kurban_ait, date).abs() <= KURBAN_AIT_MARGIN_DAYS =>
                {
                    Certainty::Estimated
                }
                Some(_) => Certainty::Confirmed,
            };
            (working, certainty)
        })
    }

    /// The `n`-th working day after `start` ("within n working days from the day of
    /// arrival": counting starts the day after).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Counted {
        let mut tracker = Tracker::default();
        let mut day = start;
        let mut counted = 0;
        while counted < n {
            day = shift(day, 1);
            if day == NaiveDate::MAX {
                break; // cannot happen for validated dates; never loop forever
            }
            let (working, certainty) = self.working_day(day);
            tracker.note(day, certainty);
            counted += u32::from(working);
        }
        tracker.finish(day)
    }

    /// The latest day `s` such that the `n`-th working day after `s` is no later than
    /// `target`: the last day to start something that takes `n` working days.
    pub fn latest_start(&self, target: NaiveDate, n: u32) -> Counted {
        let mut tracker = Tracker::default();
        let mut day = target;
        let mut counted = 0;
        while counted < n {
            let (working, certainty) = self.working_day(day);
            tracker.note(day, certainty);
            counted += u32::from(working);
            if counted < n {
                day = shift(day, -1);
                if day == NaiveDate::MIN {
                    break;
                }
            }
        }
        tracker.finish(shift(day, -1))
    }
}

/// Keeps the least certainty among counted days.
#[derive(Default)]
struct Tracker {
    worst: Option<(Certainty, i32)>,
}

impl Tracker {
    fn note(&mut self, day: NaiveDate, certainty: Certainty) {
        if certainty != Certainty::Confirmed && self.worst.is_none_or(|(c, _)| certainty > c) {
            self.worst = Some((certainty, day.year()));
        }
    }

    fn finish(self, date: NaiveDate) -> Counted {
        Counted {
            date,
            certainty: self.worst.map_or(Certainty::Confirmed, |w| w.0),
            uncertain_year: self.worst.map(|w| w.1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Rules;
    use crate::date::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn cal() -> &'static Calendar {
        &Rules::builtin().unwrap().calendar
    }

    #[test]
    fn weekend_holidays_move_to_the_next_free_working_day() {
        // Nauryz 2026: Saturday 21 and Sunday 22 March move past Monday 23 (itself a holiday).
        for (day, working) in
            [("2026-03-23", false), ("2026-03-24", false), ("2026-03-25", false), ("2026-03-26", true)]
        {
            assert_eq!(cal().working_day(d(day)).0, working, "{day}");
        }
        // Independence Day 2028 is a Saturday: Monday 18 December is off.
        assert!(!cal().working_day(d("2028-12-18")).0);
    }

    #[test]
    fn religious_holidays_do_not_move() {
        // Orthodox Christmas 2024 and Kurban Ait 2024 fell on Sundays; the Mondays work.
        assert!(cal().working_day(d("2024-01-08")).0);
        assert!(cal().working_day(d("2024-06-17")).0);
    }

    #[test]
    fn constitution_day_moves_from_august_to_march_in_2027() {
        assert!(!cal().working_day(d("2025-09-01")).0, "30 August 2025 (Saturday) moved to 1 September");
        assert!(cal().working_day(d("2026-08-31")).0, "no Constitution Day off in 2026");
        assert!(!cal().working_day(d("2027-03-15")).0);
    }

    #[test]
    fn certainty_follows_the_data() {
        assert_eq!(cal().working_day(d("2025-06-06")).1, Certainty::Confirmed);
        assert_eq!(cal().working_day(d("2026-05-27")).1, Certainty::Estimated, "near an estimated Kurban Ait");
        assert_eq!(cal().working_day(d("2026-12-01")).1, Certainty::Confirmed);
        assert_eq!(cal().working_day(d("2027-12-01")).1, Certainty::Estimated, "transfers not announced");
        assert_eq!(cal().working_day(d("2031-12-02")).1, Certainty::Unknown);
        let counted = cal().add_working_days(d("2030-12-27"), 5);
        assert_eq!((counted.certainty, counted.uncertain_year), (Certainty::Unknown, Some(2031)));
    }

    #[test]
    fn counting_starts_the_day_after() {
        assert_eq!(cal().add_working_days(d("2026-12-01"), 3).date, d("2026-12-04"));
        assert_eq!(cal().add_working_days(d("2026-12-04"), 1).date, d("2026-12-07"));
        assert_eq!(cal().add_working_days(d("2026-12-04"), 0).date, d("2026-12-04"));
        assert_eq!(cal().latest_start(d("2026-12-07"), 1).date, d("2026-12-06"));
        assert_eq!(cal().latest_start(d("2026-12-18"), 3).date, d("2026-12-14"), "15, 17, 18: 16 December is off");
    }

    #[test]
    fn month_days_are_checked() {
        assert_eq!(month_day("02-29"), Some((2, 29)));
        assert_eq!(month_day("02-30"), None);
        assert_eq!(month_day("2-3"), None);
        assert_eq!(month_day("13-01"), None);
    }
}

//! What a case needs asked beyond the required answers: the engine says so, from the
//! same rules it applies, so that the page never asks what does not change the answer
//! and never leaves out what does.

use chrono::NaiveDate;

use crate::assessment::Window;
use crate::case::RawCase;
use crate::codes::{Law, Param, Purpose, Route, RuleId};
use crate::data::Rules;
use crate::date::parse_iso;
use crate::regime;

/// The questions a case needs, with the values that make them needed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// Earlier stays count: the regime limits days in a window or a year. The window,
    /// when the limit is one, for the question's hint.
    pub previous_stays: bool,
    pub window: Option<Window>,
    /// The days allowed in a year, when the regime counts years.
    pub year_days: Option<u32>,
    /// The date of birth counts: fingerprints are due from this age on a consular visa.
    pub birth_date: Option<i64>,
    /// Whether the answers so far decide it (the nationality and purpose are known): until
    /// they do, nothing is asked beyond the required answers.
    pub decided: bool,
}

impl Needs {
    pub fn any(self) -> bool {
        self.previous_stays || self.birth_date.is_some()
    }
}

/// What `case` needs asked, from what it has so far (nothing until the nationality and
/// purpose are known and valid). Before the entry date is given, the regimes in force on
/// `today` decide, so that the questions a traveller is told of do not change under them.
pub fn needs(rules: &Rules, case: &RawCase) -> Needs {
    let date = |t: &Option<String>| t.as_deref().and_then(|t| parse_iso(t.trim()).ok());
    let nationality = case.nationality.as_deref().and_then(|n| rules.country(n)).map(|c| c.code.as_str());
    let purpose = case.purpose.as_deref().and_then(Purpose::parse);
    let law = case.law.as_deref().map_or(Some(Law::Current), Law::parse);
    let (Some(nationality), Some(purpose), Some(today), Some(law)) = (nationality, purpose, date(&case.today), law)
    else {
        return Needs::default();
    };
    let entry = date(&case.trip.entry).unwrap_or(today);
    Needs { decided: true, ..needs_for(rules, nationality, purpose, entry, today, law) }
}

/// What the regimes for this traveller ask ([`needs`] marks them decided).
fn needs_for(
    rules: &Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    today: NaiveDate,
    law: Law,
) -> Needs {
    let regimes = regime::regimes_for(rules, nationality, purpose, entry, law);
    match regimes.first() {
        Some(g) if g.route == Route::VisaFree => {
            // The strictest window and the yearly limit of the regimes that apply together.
            let window = regimes
                .iter()
                .filter_map(|g| g.window_days.zip(g.window_max_days))
                .min_by_key(|(days, max)| (*max, std::cmp::Reverse(*days)))
                .map(|(days, max)| Window { days, max });
            let year_days = regimes.iter().filter_map(|g| g.year_max_days).min();
            let previous_stays = window.is_some() || year_days.is_some();
            Needs { previous_stays, window, year_days, ..Needs::default() }
        }
        Some(_) => Needs::default(),
        None => {
            Needs { birth_date: rules.param(RuleId::Fingerprints, Param::MinAgeYears, today, law), ..Needs::default() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs_of(nationality: &str, purpose: &str, law: &str) -> Needs {
        let mut case = RawCase {
            today: Some("2026-11-22".into()),
            nationality: Some(nationality.into()),
            purpose: Some(purpose.into()),
            law: Some(law.into()),
            ..RawCase::default()
        };
        case.trip.entry = Some("2026-12-01".into());
        needs(Rules::builtin().unwrap(), &case)
    }

    #[test]
    fn earlier_stays_are_asked_with_the_regime_s_own_window_or_year() {
        let russian = needs_of("RU", "tourism", "current");
        assert_eq!((russian.previous_stays, russian.window), (true, Some(Window { days: 180, max: 90 })));
        assert_eq!(needs_of("IN", "tourism", "current").window, Some(Window { days: 180, max: 42 }));
        let brazilian = needs_of("BR", "tourism", "current");
        assert_eq!((brazilian.previous_stays, brazilian.window, brazilian.year_days), (true, None, Some(30)));
        assert!(!needs_of("PE", "tourism", "current").any(), "an e-visa asks neither");
    }

    #[test]
    fn the_date_of_birth_is_asked_where_fingerprints_can_be_due_under_the_law_applied() {
        assert_eq!(needs_of("RU", "tourism", "core").birth_date, Some(16), "the five texts give Russia no regime");
        assert_eq!(needs_of("RU", "tourism", "current").birth_date, None);
        assert_eq!(needs_of("PK", "work", "current").birth_date, Some(16));
        assert_eq!(needs_of("PK", "work", "nonsense"), Needs::default(), "nothing until the answers are valid");
        let mut no_entry = RawCase {
            today: Some("2026-11-22".into()),
            nationality: Some("RU".into()),
            purpose: Some("tourism".into()),
            ..RawCase::default()
        };
        assert!(needs(Rules::builtin().unwrap(), &no_entry).previous_stays, "decided before the entry date");
        no_entry.purpose = None;
        assert!(!needs(Rules::builtin().unwrap(), &no_entry).decided, "not before the purpose");
    }
}

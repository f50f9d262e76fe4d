//! Which route applies: the first regime in force on the entry date that lists the
//! nationality for the purpose, visa-free before e-visa; otherwise a consular visa.

use chrono::NaiveDate;

use crate::codes::{IssueCode, Purpose, Route, Severity};
use crate::data::model::Regime;
use crate::data::Rules;

/// A note the route decision leaves for the traveller.
pub(crate) struct Note<'a> {
    pub code: IssueCode,
    pub severity: Severity,
    pub rule: &'a str,
}

pub(crate) struct Decision<'a> {
    pub route: Route,
    pub regime: Option<&'a Regime>,
    pub notes: Vec<Note<'a>>,
}

/// The route for a nationality (alpha-2) and purpose on an entry date, and why.
pub(crate) fn decide<'a>(rules: &'a Rules, nationality: &str, purpose: Purpose, entry: NaiveDate) -> Decision<'a> {
    let in_force = |g: &&Regime| g.from <= entry && g.to.is_none_or(|to| entry <= to);
    let mut notes = Vec::new();
    let mut listed_anywhere = false;
    for route in [Route::VisaFree, Route::EVisa] {
        for regime in rules.regimes.iter().filter(|g| g.route == route).filter(in_force) {
            let Some(listed) = regime.countries.iter().find(|c| c.code == nationality) else { continue };
            if listed.doubt.is_some() {
                notes.push(Note { code: IssueCode::ListEntryDoubtful, severity: Severity::Warning, rule: &regime.id });
                continue;
            }
            listed_anywhere = true;
            if regime.purposes.contains(&purpose) {
                return Decision { route, regime: Some(regime), notes };
            }
            if route == Route::VisaFree {
                notes.push(Note { code: IssueCode::VisaFreeNotForPurpose, severity: Severity::Info, rule: &regime.id });
            }
        }
    }
    if !listed_anywhere && notes.is_empty() {
        notes.push(Note { code: IssueCode::NationalityNotListed, severity: Severity::Info, rule: "visa_required" });
    }
    Decision { route: Route::ConsularVisa, regime: None, notes }
}

/// The route a nationality (alpha-2) gets for a purpose on an entry date.
pub fn route_for(rules: &Rules, nationality: &str, purpose: Purpose, entry: NaiveDate) -> Route {
    decide(rules, nationality, purpose, entry).route
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide_codes(nationality: &str, purpose: Purpose) -> (Route, Vec<IssueCode>) {
        let rules = Rules::builtin().unwrap();
        let d = decide(rules, nationality, purpose, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        (d.route, d.notes.iter().map(|n| n.code).collect())
    }

    #[test]
    fn visa_free_comes_before_e_visa_and_consular_is_the_default() {
        assert_eq!(decide_codes("DE", Purpose::Transit), (Route::VisaFree, vec![]));
        assert_eq!(decide_codes("IN", Purpose::Tourism), (Route::EVisa, vec![]));
        assert_eq!(decide_codes("RU", Purpose::Tourism), (Route::ConsularVisa, vec![IssueCode::NationalityNotListed]));
    }

    #[test]
    fn the_route_decision_explains_itself() {
        assert_eq!(decide_codes("DE", Purpose::Work), (Route::ConsularVisa, vec![IssueCode::VisaFreeNotForPurpose]));
        assert_eq!(decide_codes("VI", Purpose::Medical), (Route::ConsularVisa, vec![IssueCode::ListEntryDoubtful]));
        assert_eq!(decide_codes("RS", Purpose::Tourism), (Route::ConsularVisa, vec![]), "listed, for other purposes");
    }
}

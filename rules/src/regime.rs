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

//! Which route applies. Of the regimes in force on the entry date that list the
//! nationality for the purpose, a later act's comes before the five texts' (it came after
//! them and replaces what they said for this nationality and purpose); within each, a
//! visa-free regime before an e-visa, and the newest first. Where none does, a consular visa.

use chrono::NaiveDate;

use crate::assessment::{Basis, Replaced};
use crate::codes::{IssueCode, Law, Purpose, Route, RuleId, Severity};
use crate::context::{source_ids, Ground};
use crate::data::model::Regime;
use crate::data::Rules;

/// A note the route decision leaves for the traveller.
pub(crate) struct Note<'a> {
    pub code: IssueCode,
    pub severity: Severity,
    pub ground: Ground<'a>,
}

pub(crate) struct Decision<'a> {
    pub route: Route,
    pub regime: Option<&'a Regime>,
    pub notes: Vec<Note<'a>>,
    pub basis: Basis,
}

/// The route and regime under `law`, with the notes the choice leaves.
fn choose<'a>(
    rules: &'a Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    law: Law,
) -> (Route, Option<&'a Regime>, Vec<Note<'a>>) {
    let mut listing: Vec<&Regime> = rules
        .regimes
        .iter()
        .filter(|g| g.in_force(entry) && rules.applies(law, &g.cite) && g.listing(nationality, entry).is_some())
        .collect();
    // Later acts first, then visa-free before e-visa, then the newest.
    listing.sort_by_key(|g| (rules.is_core(&g.cite), g.route != Route::VisaFree, std::cmp::Reverse(g.from)));
    let mut notes = Vec::new();
    let mut listed = false;
    let mut chosen = None;
    for regime in listing {
        if regime.listing(nationality, entry).is_some_and(|c| c.doubt.is_some()) {
            notes.push(Note {
                code: IssueCode::ListEntryDoubtful,
                severity: Severity::Warning,
                ground: Ground::Regime(regime),
            });
            continue;
        }
        listed = true;
        if regime.purposes.contains(&purpose) {
            chosen = chosen.or(Some(regime));
        } else if regime.route == Route::VisaFree {
            notes.push(Note {
                code: IssueCode::VisaFreeNotForPurpose,
                severity: Severity::Info,
                ground: Ground::Regime(regime),
            });
        }
    }
    // Entering without a visa, the traveller needs no word on other arrangements.
    if chosen.is_some_and(|c| c.route == Route::VisaFree) {
        notes.retain(|n| !matches!(n.code, IssueCode::VisaFreeNotForPurpose | IssueCode::ListEntryDoubtful));
    }
    // One note of each kind: the first regime that gives it.
    let mut seen = Vec::new();
    notes.retain(|n| {
        if seen.contains(&n.code) {
            false
        } else {
            seen.push(n.code);
            true
        }
    });
    if !listed && notes.is_empty() {
        if let Some(rule) = rules.rule(RuleId::VisaRequired, entry, law) {
            notes.push(Note {
                code: IssueCode::NationalityNotListed,
                severity: Severity::Warning,
                ground: Ground::Rule(rule),
            });
        }
    }
    (chosen.map_or(Route::ConsularVisa, |g| g.route), chosen, notes)
}

/// The route for a nationality (alpha-2) and purpose on an entry date under `law`, and why.
pub(crate) fn decide<'a>(
    rules: &'a Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    law: Law,
) -> Decision<'a> {
    let (route, regime, notes) = choose(rules, nationality, purpose, entry, law);
    let not_covered = notes.iter().any(|n| n.code == IssueCode::NationalityNotListed);
    let replaced = (law == Law::Current && regime.is_some_and(|g| !rules.is_core(&g.cite)))
        .then(|| choose(rules, nationality, purpose, entry, Law::Core))
        .map(|(route, core, _)| Replaced {
            regime: core.map(|g| g.id.clone()),
            route,
            sources: match core {
                Some(g) => source_ids(&g.cite),
                None => {
                    rules.rule(RuleId::VisaRequired, entry, Law::Core).map(|r| source_ids(&r.cite)).unwrap_or_default()
                }
            },
        });
    let basis = match regime {
        Some(g) => Basis {
            regime: Some(g.id.clone()),
            sources: source_ids(&g.cite),
            confidence: rules.confidence(&g.cite),
            since: (!rules.is_core(&g.cite)).then_some(g.from),
            replaced,
            not_covered,
        },
        None => {
            let cites = rules.rule(RuleId::VisaRequired, entry, law).map(|r| r.cite.as_slice()).unwrap_or_default();
            Basis {
                regime: None,
                sources: source_ids(cites),
                confidence: rules.confidence(cites),
                since: None,
                replaced: None,
                not_covered,
            }
        }
    };
    Decision { route, regime, notes, basis }
}

/// The route a nationality (alpha-2) gets for a purpose on an entry date under `law`.
pub fn route_for(rules: &Rules, nationality: &str, purpose: Purpose, entry: NaiveDate, law: Law) -> Route {
    choose(rules, nationality, purpose, entry, law).0
}

/// The regime a nationality (alpha-2) gets for a purpose on an entry date under `law`.
pub fn regime_for<'a>(
    rules: &'a Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    law: Law,
) -> Option<&'a Regime> {
    choose(rules, nationality, purpose, entry, law).1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide_codes(nationality: &str, purpose: Purpose, law: Law) -> (Route, Vec<IssueCode>) {
        let rules = Rules::builtin().unwrap();
        let d = decide(rules, nationality, purpose, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), law);
        (d.route, d.notes.iter().map(|n| n.code).collect())
    }

    #[test]
    fn visa_free_comes_before_e_visa_and_consular_is_the_default() {
        assert_eq!(decide_codes("DE", Purpose::Transit, Law::Core), (Route::VisaFree, vec![]));
        assert_eq!(decide_codes("IN", Purpose::Tourism, Law::Core), (Route::EVisa, vec![]));
        assert_eq!(
            decide_codes("RU", Purpose::Tourism, Law::Core),
            (Route::ConsularVisa, vec![IssueCode::NationalityNotListed])
        );
    }

    #[test]
    fn the_route_decision_explains_itself() {
        assert_eq!(
            decide_codes("DE", Purpose::Work, Law::Core),
            (Route::ConsularVisa, vec![IssueCode::VisaFreeNotForPurpose])
        );
        assert_eq!(
            decide_codes("VI", Purpose::Medical, Law::Core),
            (Route::ConsularVisa, vec![IssueCode::ListEntryDoubtful])
        );
        assert_eq!(
            decide_codes("RS", Purpose::Tourism, Law::Core),
            (Route::ConsularVisa, vec![]),
            "listed, for other purposes"
        );
    }
}

//! Which route applies, and on which terms. Of the regimes in force on the entry date that
//! list the nationality, those a later act replaced for it are set aside; then a visa-free
//! way in comes before an e-visa, and a consular visa is what remains.
//!
//! Where several visa-free regimes list a state at once (a bilateral agreement and the
//! unilateral list), they apply together and the stricter reading governs: the purpose must
//! be covered by one of them and excluded by none, and every limit of each that covers it
//! applies, each with its own source. An act adopted but not yet certainly in force is not
//! applied (the protective reading) and the assessment says when it is in force by.

use chrono::NaiveDate;

use crate::assessment::{Basis, Replaced};
use crate::codes::{CountryKind, IssueCode, Law, Purpose, Route, RuleId, Severity, StayBasis, Term};
use crate::context::{source_ids, Ground};
use crate::data::model::Regime;
use crate::data::Rules;

/// A note the route decision leaves for the traveller.
pub(crate) struct Note<'a> {
    pub code: IssueCode,
    pub severity: Severity,
    pub ground: Ground<'a>,
    /// The day a note's act is in force by (`change_adopted`).
    pub date: Option<NaiveDate>,
}

/// The regimes that give the route, the first of them the verdict's basis: one, or for a
/// visa-free entry every regime that covers the purpose, whose limits all apply.
#[derive(Clone, Copy)]
pub struct Terms<'a> {
    regimes: &'a [&'a Regime],
}

impl<'a> Terms<'a> {
    /// The terms of these regimes, the first the basis (none when the slice is empty).
    pub(crate) fn of(regimes: &'a [&'a Regime]) -> Option<Terms<'a>> {
        (!regimes.is_empty()).then_some(Terms { regimes })
    }

    /// The regime the verdict rests on.
    pub fn primary(self) -> &'a Regime {
        self.regimes[0]
    }

    pub fn all(self) -> impl Iterator<Item = &'a Regime> {
        self.regimes.iter().copied()
    }

    /// Whether one of the regimes has this id.
    pub fn includes(self, id: &str) -> bool {
        self.all().any(|g| g.id == id)
    }

    /// The longest stay per entry, and the regime that sets it: the least of them all.
    pub fn max_stay(self) -> Option<(u32, &'a Regime)> {
        self.all().filter_map(|g| g.max_stay_days.map(|d| (d, g))).min_by_key(|(d, _)| *d)
    }

    /// What bounds the stay where no regime sets a number of days.
    pub fn stay_basis(self) -> Option<StayBasis> {
        self.all().find_map(|g| g.stay_basis)
    }
}

pub(crate) struct Decision<'a> {
    pub route: Route,
    pub regimes: Vec<&'a Regime>,
    pub notes: Vec<Note<'a>>,
    pub basis: Basis,
}

impl<'a> Decision<'a> {
    pub fn terms(&'a self) -> Option<Terms<'a>> {
        Terms::of(&self.regimes)
    }
}

/// The visa a nationality can get for a purpose on an entry date: an e-visa where a regime
/// in force gives one, else a consular visa (none: the regime).
pub(crate) fn visa_for<'a>(
    rules: &'a Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    law: Law,
) -> (Route, Option<&'a Regime>) {
    let lists = |g: &Regime| rules.applies(law, &g.cite) && rules.listing(g, nationality, entry).is_some();
    let mut e_visas: Vec<&Regime> = rules
        .regimes
        .iter()
        .filter(|g| g.route == Route::EVisa && g.in_force(entry) && lists(g))
        .filter(|g| rules.listing(g, nationality, entry).is_some_and(|c| c.doubt.is_none()))
        .collect();
    let replaced: Vec<String> = e_visas.iter().flat_map(|g| g.replaces.iter().cloned()).collect();
    e_visas.retain(|g| !replaced.contains(&g.id) && g.purposes.contains(&purpose));
    precedence(rules, &mut e_visas);
    match e_visas.first() {
        Some(g) => (Route::EVisa, Some(g)),
        None => (Route::ConsularVisa, None),
    }
}

/// Later acts first, then the newest: the order in which regimes speak for a state.
fn precedence(rules: &Rules, regimes: &mut [&Regime]) {
    regimes.sort_by_key(|g| (rules.is_core(&g.cite), std::cmp::Reverse(g.from)));
}

/// The regimes that give the route under `law`, with the notes the choice leaves.
fn choose<'a>(
    rules: &'a Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    law: Law,
) -> (Route, Vec<&'a Regime>, Vec<Note<'a>>) {
    let lists = |g: &Regime| rules.applies(law, &g.cite) && rules.listing(g, nationality, entry).is_some();
    let mut notes = Vec::new();
    // An act adopted but not certainly in force: said, not applied.
    for g in rules.regimes.iter().filter(|g| g.pending(entry) && lists(g) && g.purposes.contains(&purpose)) {
        let date = g.in_force_by.as_ref().map(|b| b.date);
        notes.push(Note { code: IssueCode::ChangeAdopted, severity: Severity::Info, ground: Ground::Regime(g), date });
    }
    let mut listing: Vec<&Regime> = Vec::new();
    let mut doubtful = Vec::new();
    for g in rules.regimes.iter().filter(|g| g.in_force(entry) && lists(g)) {
        if rules.listing(g, nationality, entry).is_some_and(|c| c.doubt.is_some()) {
            doubtful.push(g);
        } else {
            listing.push(g);
        }
    }
    // A later act that moved the state to another list replaces the old one for it.
    let replaced: Vec<String> = listing.iter().flat_map(|g| g.replaces.iter().cloned()).collect();
    listing.retain(|g| !replaced.contains(&g.id));
    precedence(rules, &mut listing);

    let visa_free: Vec<&Regime> = listing.iter().copied().filter(|g| g.route == Route::VisaFree).collect();
    let excluded_by = visa_free.iter().copied().find(|g| g.excludes.contains(&purpose));
    let covering: Vec<&Regime> = visa_free.iter().copied().filter(|g| g.purposes.contains(&purpose)).collect();
    if excluded_by.is_none() && !covering.is_empty() {
        // Entering without a visa, the traveller needs no word on other arrangements.
        notes.retain(|n| n.code == IssueCode::ChangeAdopted);
        return (Route::VisaFree, covering, notes);
    }
    if let Some(g) = excluded_by.or_else(|| visa_free.first().copied()) {
        let ground = Ground::Term(g, Term::Purposes);
        notes.push(Note { code: IssueCode::VisaFreeNotForPurpose, severity: Severity::Info, ground, date: None });
    }
    if let Some(g) = doubtful.first() {
        let ground = Ground::Regime(g);
        notes.push(Note { code: IssueCode::ListEntryDoubtful, severity: Severity::Warning, ground, date: None });
    }
    let e_visa = listing.iter().copied().find(|g| g.route == Route::EVisa && g.purposes.contains(&purpose));
    if let Some(g) = e_visa {
        return (Route::EVisa, vec![g], notes);
    }
    if listing.is_empty() && doubtful.is_empty() {
        if let Some(rule) = rules.rule(RuleId::VisaRequired, entry, law) {
            // A travel document of no state's: no text speaks of it, so it is said as such
            // (the texts speak of stateless persons, who need a visa like a state's citizens).
            let state = rules
                .country(nationality)
                .is_none_or(|c| matches!(c.kind, CountryKind::State | CountryKind::Stateless));
            let code = if state { IssueCode::NationalityNotListed } else { IssueCode::DocumentNotCovered };
            notes.push(Note { code, severity: Severity::Warning, ground: Ground::Rule(rule), date: None });
        }
    }
    (Route::ConsularVisa, Vec::new(), notes)
}

/// The route for a nationality (alpha-2) and purpose on an entry date under `law`, and why.
pub(crate) fn decide<'a>(
    rules: &'a Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    law: Law,
) -> Decision<'a> {
    let (route, regimes, notes) = choose(rules, nationality, purpose, entry, law);
    let primary = regimes.first().copied();
    let not_covered =
        notes.iter().any(|n| matches!(n.code, IssueCode::NationalityNotListed | IssueCode::DocumentNotCovered));
    let replaced = (law == Law::Current && primary.is_some_and(|g| !rules.is_core(&g.cite)))
        .then(|| choose(rules, nationality, purpose, entry, Law::Core))
        .map(|(route, core, _)| Replaced {
            regime: core.first().map(|g| g.id.clone()),
            route,
            sources: match core.first() {
                Some(g) => source_ids(&g.cite),
                None => {
                    rules.rule(RuleId::VisaRequired, entry, Law::Core).map(|r| source_ids(&r.cite)).unwrap_or_default()
                }
            },
        });
    let basis = match primary {
        Some(g) => Basis {
            regime: Some(g.id.clone()),
            also: regimes[1..].iter().map(|g| g.id.clone()).collect(),
            sources: source_ids(&g.cite),
            // Any one regime that covers the purpose is a way in: the verdict is as sure as its basis.
            confidence: rules.confidence(&g.cite),
            since: (!rules.is_core(&g.cite)).then_some(g.applies_from()),
            replaced,
            not_covered,
        },
        None => {
            let cites = rules.rule(RuleId::VisaRequired, entry, law).map(|r| r.cite.as_slice()).unwrap_or_default();
            Basis {
                regime: None,
                also: Vec::new(),
                sources: source_ids(cites),
                confidence: rules.confidence(cites),
                since: None,
                replaced: None,
                not_covered,
            }
        }
    };
    Decision { route, regimes, notes, basis }
}

/// The route a nationality (alpha-2) gets for a purpose on an entry date under `law`.
pub fn route_for(rules: &Rules, nationality: &str, purpose: Purpose, entry: NaiveDate, law: Law) -> Route {
    choose(rules, nationality, purpose, entry, law).0
}

/// The regimes a nationality (alpha-2) gets for a purpose on an entry date under `law`:
/// the verdict's basis first (none: a consular visa).
pub fn regimes_for<'a>(
    rules: &'a Rules,
    nationality: &str,
    purpose: Purpose,
    entry: NaiveDate,
    law: Law,
) -> Vec<&'a Regime> {
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

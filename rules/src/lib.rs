//! Kazakhstan's entry rules as dated, cited data, and a pure evaluator.
//!
//! One direction of flow: a [`RawCase`] (answers as text) is validated into a [`Case`],
//! which [`assess`] turns into an [`Assessment`] of codes. The engine never reads the
//! clock (`today` is part of the case), never panics, and knows nothing of the web.

pub mod assessment;
pub mod calendar;
pub mod case;
mod checklist;
mod choices;
pub mod codes;
mod context;
pub mod data;
pub mod date;
mod deadlines;
mod fingerprints;
pub mod group;
pub mod ics;
#[cfg(feature = "json")]
pub mod json;
pub mod mrz;
pub mod needs;
mod passport;
pub mod regime;
pub mod stay;
pub mod url;

pub use assessment::{Allowance, Assessment, Basis, Choice, Deadline, Issue, Line, Replaced, RulesVersion, Window};
pub use case::{Case, InputError, InputErrorCode, InputErrors, RawCase, KAZAKHSTAN};
pub use codes::{
    ChoiceCode, Condition, Confidence, DeadlineCode, EntryPoint, IssueCode, Law, Outlook, Param, Purpose,
    PurposesBasis, Route, RuleId, Severity, SourceKind, StayBasis, Term, YearBasis,
};
pub use data::{DataError, DataErrors, PageData, PageText, Rules};
pub use needs::{needs, Needs};

use codes::IssueCode as I;
use context::{Ctx, Ground};

/// Validates `case` and assesses it: the contract's `evaluate(rules, case)`.
pub fn evaluate(rules: &Rules, case: &RawCase) -> Result<Assessment, InputErrors> {
    case.validate(rules).map(|case| assess(rules, &case))
}

/// The deadlines as a traveller meets them: the earliest first (the invitation before the
/// application before arrival), the same day in the order computed. An insertion sort: a
/// handful of dates, and the library's stable sort would add 6 KB to the page.
fn in_time_order(mut deadlines: Vec<Deadline>) -> Vec<Deadline> {
    for i in 1..deadlines.len() {
        let mut j = i;
        while j > 0 && deadlines[j - 1].date > deadlines[j].date {
            deadlines.swap(j - 1, j);
            j -= 1;
        }
    }
    deadlines
}

/// Assesses a validated case.
pub fn assess(rules: &Rules, case: &Case) -> Assessment {
    let decision = regime::decide(rules, &case.nationality, case.purpose, case.trip.entry, case.law);
    let stay_days = date::days_between(case.trip.entry, case.trip.exit) + 1;
    let terms = decision.terms();
    let mut ctx = Ctx { rules, case, route: decision.route, terms, stay_days, issues: Vec::new() };
    for note in &decision.notes {
        ctx.raise(note.code, note.severity, note.ground).date = note.date;
    }
    if let Some(regime) = terms.map(|t| t.primary()).filter(|g| g.route == Route::EVisa) {
        let point = case.trip.entry_point;
        let ground = Ground::Term(regime, codes::Term::EntryPoints);
        if regime.entry_points_unconfirmed.contains(&point) {
            ctx.raise(I::EVisaEntryPointUnconfirmed, Severity::Warning, ground);
        } else if !regime.entry_points.contains(&point) {
            ctx.raise(I::EVisaEntryPoint, Severity::Blocker, ground);
        }
    }
    passport::check(&mut ctx);
    let stay = stay::check(&mut ctx);
    fingerprints::check(&mut ctx);
    let deadlines = deadlines::compute(&mut ctx, stay.latest_exit);
    if case.trip.entry < case.today {
        ctx.raise_about_data(I::EntryDatePassed, Severity::Warning).date = Some(case.trip.entry);
    }
    if case.today.max(case.trip.entry) > rules.meta.vouched_until {
        ctx.raise_about_data(I::RulesMayBeOutdated, Severity::Warning).date = Some(rules.meta.vouched_until);
    }
    let documents = checklist::lines(&ctx, &rules.documents, &deadlines);
    let steps = checklist::lines(&ctx, &rules.steps, &deadlines);
    // Blockers first, then warnings, then information, each group in the order raised.
    let issues: Vec<Issue> =
        Severity::ALL.iter().flat_map(|s| ctx.issues.iter().filter(move |i| i.severity == *s)).cloned().collect();
    let outlook = choices::outlook(decision.route, &issues);
    let choices = choices::choices(&ctx, &issues, stay.latest_exit, stay.allowance.as_ref(), &steps);
    let next = choices::next(outlook, &steps);
    Assessment {
        rules: RulesVersion { version: rules.meta.version.clone(), as_of: rules.as_of() },
        today: case.today,
        nationality: case.nationality.clone(),
        purpose: case.purpose,
        route: decision.route,
        law: case.law,
        basis: decision.basis.clone(),
        regime: terms.map(|t| t.primary().id.clone()),
        stay_days,
        max_stay_days: terms.and_then(|t| t.max_stay()).map(|(days, _)| days),
        window: stay.window,
        allowance: stay.allowance,
        outlook,
        choices,
        next,
        issues,
        deadlines: in_time_order(deadlines.list),
        documents,
        steps,
    }
}

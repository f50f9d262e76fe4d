//! The verdict a traveller acts on: whether the trip can go as planned, and if it cannot,
//! each real way to make it, with its figures from the assessment (end the stay by a day,
//! come when a stay of this length fits, extend the stay in Kazakhstan, get the visa that
//! fits this nationality and purpose with the day to start, renew the passport, enter
//! elsewhere); if it can, the next thing to do and its day. A trip that cannot go is never
//! told to go.

use crate::assessment::{Allowance, Choice, Deadline, Issue, Line};
use crate::codes::{ChoiceCode, Condition, DeadlineCode, IssueCode, Outlook, Route, Severity};
use crate::context::Ctx;
use crate::deadlines;
use crate::regime::{self, Terms};

/// The verdict for the trip as planned.
pub(crate) fn outlook(route: Route, issues: &[Issue]) -> Outlook {
    match (issues.iter().any(|i| i.severity == Severity::Blocker), route) {
        (true, _) => Outlook::NotAsPlanned,
        (false, Route::VisaFree) => Outlook::AsPlanned,
        (false, _) => Outlook::FirstDo,
    }
}

/// The next thing to do: the first dated step, when the trip can go.
pub(crate) fn next(outlook: Outlook, steps: &[Line]) -> Option<Line> {
    (outlook != Outlook::NotAsPlanned).then(|| steps.iter().find(|s| s.date.is_some()).cloned()).flatten()
}

fn blocked(issues: &[Issue], codes: &[IssueCode]) -> Option<Issue> {
    issues.iter().find(|i| i.severity == Severity::Blocker && codes.contains(&i.code)).cloned()
}

fn choice(code: ChoiceCode, sources: Vec<String>) -> Choice {
    Choice {
        code,
        date: None,
        days: None,
        route: None,
        regime: None,
        deadlines: Vec::new(),
        link: None,
        steps: Vec::new(),
        sources,
    }
}

/// The trip's steps the data give for one of `conditions`: those that carry out the choice
/// answering it.
fn steps_for(ctx: &Ctx, steps: &[Line], conditions: &[Condition]) -> Vec<Line> {
    let when = |code: &str| ctx.rules.steps.iter().find(|i| i.code == code).and_then(|i| i.when);
    steps.iter().filter(|s| when(&s.code).is_some_and(|c| conditions.contains(&c))).cloned().collect()
}

/// The deadlines towards a visa on `route` (under `regime` for an e-visa): those the
/// engine dates for a traveller on that route.
fn visa_deadlines(ctx: &Ctx, route: Route, regime: Option<&crate::data::model::Regime>) -> Vec<Deadline> {
    let regimes: Vec<&crate::data::model::Regime> = regime.into_iter().collect();
    let mut alt = Ctx { route, terms: Terms::of(&regimes), issues: Vec::new(), ..*ctx };
    let towards = [DeadlineCode::InvitationRequestBy, DeadlineCode::VisaApplicationBy];
    let mut list: Vec<Deadline> =
        deadlines::compute(&mut alt, None).list.into_iter().filter(|d| towards.contains(&d.code)).collect();
    list.sort_by_key(|d| d.date);
    list
}

/// What can be done instead of the trip as planned, each with its figures.
pub(crate) fn choices(
    ctx: &Ctx,
    issues: &[Issue],
    latest_exit: Option<chrono::NaiveDate>,
    allowance: Option<&Allowance>,
    steps: &[Line],
) -> Vec<Choice> {
    use IssueCode as C;
    let case = ctx.case;
    let mut out = Vec::new();
    let stay = [C::StayOver30Days, C::StayOverMaxStay, C::StayOver90In180, C::StayOverWindow, C::StayOverYearLimit];
    // A passport that expires during the stay ends the stay by its last valid day too.
    let passport_end = blocked(issues, &[C::PassportExpired]).map(|_| case.passport.expires);
    if let Some(issue) = blocked(issues, &stay) {
        // End the stay by the last day every limit (and the passport) allows.
        let last = match (latest_exit, passport_end) {
            (Some(l), Some(p)) => Some(l.min(p)).filter(|d| *d >= case.trip.entry),
            (l, _) => l,
        };
        if let Some(last) = last {
            let mut c = choice(ChoiceCode::Shorten, issue.sources.clone());
            (c.date, c.days) = (Some(last), Some(crate::date::days_between(case.trip.entry, last) + 1));
            out.push(c);
        }
        // Come when a stay of this length fits the window or the year.
        let window = [C::StayOver90In180, C::StayOverWindow, C::StayOverYearLimit];
        if let Some(first) = allowance.and_then(|a| a.earliest_entry).filter(|d| *d > case.trip.entry) {
            if let Some(issue) = blocked(issues, &window) {
                let mut c = choice(ChoiceCode::Later, issue.sources);
                c.date = Some(first);
                out.push(c);
            }
        }
        // Extend the stay in Kazakhstan, where a text allows it for this regime.
        if let Some(step) = steps.iter().find(|s| s.code == "apply_for_extension_visa") {
            let mut c = choice(ChoiceCode::Extend, step.sources.clone());
            c.date = step.date;
            // The extension's own step first: the choice's words state it.
            let others = steps_for(ctx, steps, &[Condition::OverStayLimit, Condition::StayOverPermitLimit]);
            c.steps = std::iter::once(step.clone()).chain(others.into_iter().filter(|s| s.code != step.code)).collect();
            out.push(c);
        }
        // The visa that fits this nationality and purpose.
        let (route, regime) = regime::visa_for(ctx.rules, &case.nationality, case.purpose, case.trip.entry, case.law);
        let deadlines = visa_deadlines(ctx, route, regime);
        let mut c = choice(ChoiceCode::Visa, deadlines.iter().flat_map(|d| d.sources.clone()).collect());
        c.sources.dedup();
        (c.route, c.regime, c.date) = (Some(route), regime.map(|g| g.id.clone()), deadlines.first().map(|d| d.date));
        c.deadlines = deadlines;
        // Where an e-visa is applied for: the data's address of its portal.
        let portal = ctx.rules.steps.iter().find(|i| i.routes.contains(&Route::EVisa) && i.link.is_some());
        c.link = portal.and_then(|i| i.link.clone()).filter(|_| route == Route::EVisa);
        out.push(c);
    }
    let passport = [C::PassportExpired, C::PassportValidityShort, C::PassportBlankPages, C::PassportCondition];
    if let Some(issue) = blocked(issues, &passport) {
        // A passport that expires during the stay still allows a stay that ends before it.
        let expires = case.passport.expires;
        let shortened = out.iter().any(|c| c.code == ChoiceCode::Shorten);
        if issue.code == C::PassportExpired && expires >= case.trip.entry && expires >= case.today && !shortened {
            let mut c = choice(ChoiceCode::Shorten, issue.sources.clone());
            (c.date, c.days) = (Some(expires), Some(crate::date::days_between(case.trip.entry, expires) + 1));
            out.push(c);
        }
        out.push(choice(ChoiceCode::RenewPassport, issue.sources));
    }
    if let Some(issue) = blocked(issues, &[C::EVisaEntryPoint]) {
        let mut c = choice(ChoiceCode::ChangeEntryPoint, issue.sources);
        c.steps = steps_for(ctx, steps, &[Condition::EVisaEntryPointWrong]);
        out.push(c);
    }
    let any_blocker = issues.iter().any(|i| i.severity == Severity::Blocker);
    if any_blocker && out.is_empty() {
        out.push(choice(ChoiceCode::AskMission, Vec::new()));
    }
    out
}

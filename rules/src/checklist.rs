//! The document list and the ordered steps: the data's items that apply to this case,
//! each dated where the law gives a time, with the values of the rule its words name.

use crate::assessment::Line;
use crate::codes::{Condition, DeadlineCode, IssueCode, Param, Route, RuleId};
use crate::context::{source_ids, Ctx};
use crate::data::model::Item;
use crate::deadlines::Deadlines;

fn holds(ctx: &Ctx, deadlines: &Deadlines, condition: Condition) -> bool {
    let case = ctx.case;
    match condition {
        // Shown also when the age is unknown: better one step too many than a missed duty.
        Condition::FingerprintsDue => ctx.has(IssueCode::FingerprintsRequired) || ctx.has(IssueCode::BirthDateMissing),
        Condition::StayOverPermitLimit => ctx
            .param(RuleId::TemporaryResidencePermit, Param::OverDays, case.trip.entry)
            .is_some_and(|(over, _)| ctx.stay_days > over),
        // A number of days bounds the stay (not a contract or a permit issued in Kazakhstan).
        Condition::StayLimited => ctx.terms.is_some_and(|t| t.max_stay().is_some()),
        Condition::OverStayLimit => {
            ctx.route == Route::VisaFree
                && ctx.terms.and_then(|t| t.max_stay()).is_some_and(|(max, _)| ctx.stay_days > i64::from(max))
        }
        Condition::HasResidencePermit => case.residence_permit.is_some(),
        Condition::NoResidencePermit => case.residence_permit.is_none(),
        Condition::EVisaEntryPointWrong => ctx.has(IssueCode::EVisaEntryPoint),
        Condition::NationalityNotListed => {
            ctx.has(IssueCode::NationalityNotListed) || ctx.has(IssueCode::DocumentNotCovered)
        }
        Condition::RegistrationDue => deadlines.date(DeadlineCode::RegistrationBy, case.trip.entry).is_some(),
        Condition::TravelAuthorisationOffered => ctx.rule(RuleId::TravelAuthorisation, case.today).is_some_and(|r| {
            ctx.terms.is_some_and(|t| r.regimes.is_empty() || r.regimes.iter().any(|g| t.includes(g)))
        }),
    }
}

fn applies(ctx: &Ctx, deadlines: &Deadlines, item: &Item) -> bool {
    let today = ctx.case.today;
    ctx.rules.applies(ctx.case.law, &item.cite)
        && (item.routes.is_empty() || item.routes.contains(&ctx.route))
        && (item.purposes.is_empty() || item.purposes.contains(&ctx.case.purpose))
        && (item.regimes.is_empty() || ctx.terms.is_some_and(|t| item.regimes.iter().any(|g| t.includes(g))))
        && item.from.is_none_or(|from| from <= today)
        && item.to.is_none_or(|to| today <= to)
        && item.when.is_none_or(|c| holds(ctx, deadlines, c))
}

/// The lines of `items` that apply, in the data's order; one a later act replaced with
/// another that applies is left out.
pub(crate) fn lines(ctx: &Ctx, items: &[Item], deadlines: &Deadlines) -> Vec<Line> {
    let applying: Vec<&Item> = items.iter().filter(|item| applies(ctx, deadlines, item)).collect();
    let listed = |code: &String| applying.iter().any(|i| &i.code == code);
    applying
        .iter()
        .filter(|item| !item.replaced_by.iter().any(listed))
        .map(|item| Line {
            code: item.code.clone(),
            date: item.date.and_then(|anchor| deadlines.date(anchor, ctx.case.trip.entry)),
            anchor: item.date,
            sources: source_ids(&item.cite),
            // The values as a deadline applied them, else as in force on `today`.
            params: item
                .rule
                .and_then(|id| {
                    deadlines.params_of(id).cloned().or_else(|| ctx.rule(id, ctx.case.today).map(|r| r.params.clone()))
                })
                .unwrap_or_default(),
            link: item.link.clone(),
            group: item.group.clone(),
            uncertain: item.doubted_by.iter().any(listed),
        })
        .collect()
}

//! The document list and the ordered steps: the data's items that apply to this case,
//! each dated where the law gives a time.

use crate::assessment::Line;
use crate::codes::{Condition, IssueCode, Route};
use crate::context::{source_ids, Ctx};
use crate::data::model::Item;
use crate::deadlines::Deadlines;

fn holds(ctx: &Ctx, condition: Condition) -> bool {
    let case = ctx.case;
    match condition {
        // Shown also when the age is unknown: better one step too many than a missed duty.
        Condition::FingerprintsDue => ctx.has(IssueCode::FingerprintsRequired) || ctx.has(IssueCode::BirthDateMissing),
        Condition::StayOverPermitLimit => ctx
            .rules
            .param("temporary_residence_permit", "over_days", case.trip.entry)
            .is_some_and(|over| ctx.stay_days > over),
        Condition::OverStayLimit => {
            ctx.route == Route::VisaFree
                && ctx.regime.and_then(|g| g.max_stay_days).is_some_and(|max| ctx.stay_days > i64::from(max))
        }
        Condition::HasResidencePermit => case.residence_permit.is_some(),
        Condition::NoResidencePermit => case.residence_permit.is_none(),
        Condition::EVisaEntryPointWrong => ctx.has(IssueCode::EVisaEntryPoint),
        Condition::NationalityNotListed => ctx.has(IssueCode::NationalityNotListed),
    }
}

fn applies(ctx: &Ctx, item: &Item) -> bool {
    let today = ctx.case.today;
    (item.routes.is_empty() || item.routes.contains(&ctx.route))
        && (item.purposes.is_empty() || item.purposes.contains(&ctx.case.purpose))
        && item.from.is_none_or(|from| from <= today)
        && item.to.is_none_or(|to| today <= to)
        && item.when.is_none_or(|c| holds(ctx, c))
}

/// The lines of `items` that apply, in the data's order.
pub(crate) fn lines(ctx: &Ctx, items: &[Item], deadlines: &Deadlines) -> Vec<Line> {
    items
        .iter()
        .filter(|item| applies(ctx, item))
        .map(|item| Line {
            code: item.code.clone(),
            date: item.date.and_then(|anchor| deadlines.date(anchor, ctx.case.trip.entry)),
            sources: source_ids(&item.cite),
        })
        .collect()
}

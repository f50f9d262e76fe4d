//! Fingerprints: from the rule's date, everyone of the rule's age or more who obtains a
//! visa other than an e-visa issued without a visit to a mission (002).

use crate::codes::{IssueCode, Param, Route, RuleId, Severity};
use crate::context::{Ctx, Ground};
use crate::date::anniversary;

pub(crate) fn check(ctx: &mut Ctx) {
    let today = ctx.case.today;
    if ctx.route != Route::ConsularVisa {
        return;
    }
    let Some((min_age, rule)) = ctx.param(RuleId::Fingerprints, Param::MinAgeYears, today) else { return };
    let code = match ctx.case.birth_date {
        Some(birth) if anniversary(birth, u32::try_from(min_age).unwrap_or(0)) <= today => {
            (IssueCode::FingerprintsRequired, Severity::Warning)
        }
        Some(_) => return,
        None => (IssueCode::BirthDateMissing, Severity::Info),
    };
    ctx.raise(code.0, code.1, Ground::Rule(rule)).limit = Some(min_age);
}

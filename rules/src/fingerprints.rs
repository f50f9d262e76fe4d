//! Fingerprints: from 10 March 2026, everyone aged 16 or more who obtains a visa other
//! than an e-visa issued without a visit to a mission (002).

use crate::codes::{IssueCode, Route, Severity};
use crate::context::Ctx;
use crate::date::anniversary;

pub(crate) fn check(ctx: &mut Ctx) {
    let today = ctx.case.today;
    if ctx.route != Route::ConsularVisa {
        return;
    }
    let Some(min_age) = ctx.rules.param("fingerprints", "min_age_years", today) else { return };
    match ctx.case.birth_date {
        Some(birth) => {
            let of_age = anniversary(birth, u32::try_from(min_age).unwrap_or(0));
            if of_age <= today {
                ctx.raise(IssueCode::FingerprintsRequired, Severity::Warning, "fingerprints", today).limit =
                    Some(min_age);
            }
        }
        None => {
            ctx.raise(IssueCode::BirthDateMissing, Severity::Info, "fingerprints", today).limit = Some(min_age);
        }
    }
}

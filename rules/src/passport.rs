//! The passport: valid for the whole stay; for a visa, three months beyond it, two blank
//! pages, and no damage or corrections.

use crate::codes::{IssueCode, Severity};
use crate::context::Ctx;
use crate::date::add_months;

pub(crate) fn check(ctx: &mut Ctx) {
    let (today, trip, passport) = (ctx.case.today, &ctx.case.trip, &ctx.case.passport);

    if passport.expires < trip.exit || passport.expires < today {
        ctx.raise(IssueCode::PassportExpired, Severity::Blocker, "passport_valid_for_stay", today).date =
            Some(passport.expires);
    }

    if ctx.route.is_visa() {
        if let Some(months) = ctx.rules.param("passport_validity_after_visa", "months", today) {
            let needed = add_months(trip.exit, u32::try_from(months).unwrap_or(0));
            if passport.expires < needed {
                ctx.raise(IssueCode::PassportValidityShort, Severity::Blocker, "passport_validity_after_visa", today)
                    .date = Some(needed);
            }
        }
        if let Some(min) = ctx.rules.param("passport_blank_pages", "min_pages", today) {
            match passport.blank_pages {
                Some(pages) if i64::from(pages) < min => {
                    ctx.raise(IssueCode::PassportBlankPages, Severity::Blocker, "passport_blank_pages", today).limit =
                        Some(min);
                }
                Some(_) => {}
                None => {
                    ctx.raise(IssueCode::PassportBlankPagesUnknown, Severity::Info, "passport_blank_pages", today)
                        .limit = Some(min);
                }
            }
        }
    }

    if ctx.rules.rule("passport_condition", today).is_some() {
        match passport.condition_ok {
            Some(false) => _ = ctx.raise(IssueCode::PassportCondition, Severity::Blocker, "passport_condition", today),
            None => _ = ctx.raise(IssueCode::PassportConditionUnknown, Severity::Info, "passport_condition", today),
            Some(true) => {}
        }
    }
}

//! The passport: valid for the whole stay; for a visa, valid for some months beyond it,
//! some blank pages, and no damage or corrections.

use crate::codes::{IssueCode, Param, RuleId, Severity};
use crate::context::{Ctx, Ground};
use crate::date::add_months;

pub(crate) fn check(ctx: &mut Ctx) {
    let (today, trip, passport) = (ctx.case.today, &ctx.case.trip, &ctx.case.passport);

    if passport.expires < trip.exit || passport.expires < today {
        if let Some(rule) = ctx.rule(RuleId::PassportValidForStay, today) {
            ctx.raise(IssueCode::PassportExpired, Severity::Blocker, Ground::Rule(rule)).date = Some(passport.expires);
        }
    }

    if ctx.route.is_visa() {
        if let Some((months, rule)) = ctx.param(RuleId::PassportValidityAfterVisa, Param::Months, today) {
            let needed = add_months(trip.exit, u32::try_from(months).unwrap_or(0));
            if passport.expires < needed {
                let issue = ctx.raise(IssueCode::PassportValidityShort, Severity::Blocker, Ground::Rule(rule));
                (issue.date, issue.limit) = (Some(needed), Some(months));
            }
        }
        if let Some((min, rule)) = ctx.param(RuleId::PassportBlankPages, Param::MinPages, today) {
            let code = match passport.blank_pages {
                Some(pages) if i64::from(pages) < min => Some((IssueCode::PassportBlankPages, Severity::Blocker)),
                Some(_) => None,
                None => Some((IssueCode::PassportBlankPagesUnknown, Severity::Info)),
            };
            if let Some((code, severity)) = code {
                ctx.raise(code, severity, Ground::Rule(rule)).limit = Some(min);
            }
        }
    }

    if let Some(rule) = ctx.rule(RuleId::PassportCondition, today) {
        match passport.condition_ok {
            Some(false) => _ = ctx.raise(IssueCode::PassportCondition, Severity::Blocker, Ground::Rule(rule)),
            None => _ = ctx.raise(IssueCode::PassportConditionUnknown, Severity::Info, Ground::Rule(rule)),
            Some(true) => {}
        }
    }
}

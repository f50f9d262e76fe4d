//! Dated deadlines: the host's notification, the latest exit, registration where a later
//! act asks for it, and for a visa the latest days to request the invitation and to apply
//! so that the visa is ready before entry.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::assessment::Deadline;
use crate::calendar::{Certainty, Counted};
use crate::codes::{DeadlineCode, IssueCode, Param, Route, RuleId, Severity};
use crate::context::{Ctx, Ground};
use crate::data::model::RuleEntry;
use crate::date::shift;

/// The deadlines of a case, and the least certainty of the working days counted for them.
pub(crate) struct Deadlines {
    pub list: Vec<Deadline>,
    worst: Option<(Certainty, i32)>,
}

impl Deadlines {
    fn add(&mut self, code: DeadlineCode, counted: Counted, ground: Ground) {
        if let Some(year) = counted.uncertain_year {
            if self.worst.is_none_or(|(c, _)| counted.certainty > c) {
                self.worst = Some((counted.certainty, year));
            }
        }
        let params = match ground {
            Ground::Rule(rule) => rule.params.clone(),
            Ground::Regime(_) | Ground::Term(..) => BTreeMap::new(),
        };
        self.list.push(Deadline {
            code,
            date: counted.date,
            sources: ground.sources(),
            rule: ground.id(),
            rule_from: ground.from(),
            params,
            confirmed: counted.certainty == Certainty::Confirmed,
        });
    }

    /// The date of a deadline, or of the entry.
    pub fn date(&self, code: DeadlineCode, entry: NaiveDate) -> Option<NaiveDate> {
        if code == DeadlineCode::Entry {
            return Some(entry);
        }
        self.list.iter().find(|d| d.code == code).map(|d| d.date)
    }

    /// The values of rule `id` as a deadline applied them.
    pub fn params_of(&self, id: RuleId) -> Option<&BTreeMap<Param, i64>> {
        self.list.iter().find(|d| d.rule == id.as_str()).map(|d| &d.params)
    }
}

/// The latest day on or before `date` on which an office works: a deadline to act at an
/// office never falls on a day it is closed (the earlier day is the one that protects the
/// traveller). A fortnight back at most: no calendar closes an office longer.
fn on_or_before(date: NaiveDate, works: impl Fn(NaiveDate) -> bool) -> NaiveDate {
    (0..14).map(|back| shift(date, -back)).find(|d| works(*d)).unwrap_or(date)
}

fn days(rule: &RuleEntry, name: Param) -> Option<u32> {
    rule.params.get(&name).and_then(|v| u32::try_from(*v).ok())
}

pub(crate) fn compute(ctx: &mut Ctx, latest_exit: Option<NaiveDate>) -> Deadlines {
    let (today, entry) = (ctx.case.today, ctx.case.trip.entry);
    let calendar = &ctx.rules.calendar;
    let mut out = Deadlines { list: Vec::new(), worst: None };

    if let Some(rule) = ctx.rule(RuleId::HostNotification, entry) {
        if let Some(n) = days(rule, Param::WorkingDays) {
            let counted = calendar.add_working_days(entry, n);
            out.add(DeadlineCode::HostNotification, counted, Ground::Rule(rule));
        }
    }
    if let (Some(date), Some(terms)) = (latest_exit, ctx.terms) {
        let counted = Counted { date, certainty: Certainty::Confirmed, uncertain_year: None };
        out.add(DeadlineCode::LatestExit, counted, Ground::Regime(terms.primary()));
    }
    // Registration, where an act asks it of the travellers of some regimes, by the N-th
    // calendar day of the stay: the act does not say whether the day of entry counts, and
    // counting it is the earlier day (discrepancy registration_day_count). Due only when
    // the stay reaches that day.
    if let (Some(rule), Some(terms)) = (ctx.rule(RuleId::Registration, entry), ctx.terms) {
        let due = days(rule, Param::WithinDays).map(|n| shift(entry, i64::from(n) - 1));
        let listed = rule.regimes.iter().any(|g| terms.includes(g));
        if let Some(date) = due.filter(|d| listed && *d <= ctx.case.trip.exit) {
            let counted = Counted { date, certainty: Certainty::Confirmed, uncertain_year: None };
            out.add(DeadlineCode::RegistrationBy, counted, Ground::Rule(rule));
        }
    }

    // Working backwards from the day before entry, when the visa must be in hand.
    let mut ready_by = shift(entry, -1);
    if ctx.route == Route::ConsularVisa {
        if let Some(rule) = ctx.rule(RuleId::ConsularProcessing, today) {
            if let Some(n) = days(rule, Param::WorkingDays) {
                // At a mission abroad: on a weekday at the latest (its own holidays are not known).
                let mut apply_by = calendar.latest_start(ready_by, n);
                apply_by.date = on_or_before(apply_by.date, |d| d.weekday().number_from_monday() <= 5);
                out.add(DeadlineCode::VisaApplicationBy, apply_by, Ground::Rule(rule));
                if today > apply_by.date {
                    let issue = ctx.raise(IssueCode::VisaProcessingTimeShort, Severity::Warning, Ground::Rule(rule));
                    (issue.date, issue.limit) = (Some(apply_by.date), Some(i64::from(n)));
                }
                ready_by = apply_by.date;
            }
        }
    }
    if ctx.route.is_visa() {
        if let Some(rule) = ctx.rule(RuleId::InvitationApproval, today) {
            if let (Some(decision), Some(extended)) =
                (days(rule, Param::DecisionWorkingDays), days(rule, Param::ExtendedCalendarDays))
            {
                // The longest the texts allow: approval extended to `extended` calendar days,
                // then the decision within `decision` working days.
                let decide_from = calendar.latest_start(ready_by, decision);
                // The host asks at a Kazakh office: on one of its working days at the latest.
                let asked = on_or_before(shift(decide_from.date, -i64::from(extended)), |d| calendar.working_day(d).0);
                let request_by = Counted { date: asked, ..decide_from };
                out.add(DeadlineCode::InvitationRequestBy, request_by, Ground::Rule(rule));
                if today > request_by.date {
                    let issue = ctx.raise(IssueCode::InvitationTimeShort, Severity::Warning, Ground::Rule(rule));
                    (issue.date, issue.limit) = (Some(request_by.date), Some(i64::from(extended)));
                }
            }
        }
    }

    match out.worst {
        Some((Certainty::Unknown, year)) => {
            ctx.raise_about_data(IssueCode::CalendarUnconfirmed, Severity::Warning).year = Some(year)
        }
        Some((Certainty::Estimated, year)) => {
            ctx.raise_about_data(IssueCode::CalendarEstimated, Severity::Info).year = Some(year)
        }
        _ => {}
    }
    out
}

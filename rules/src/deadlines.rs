//! Dated deadlines: the host's notification, the latest exit, and for a visa the latest
//! days to request the invitation and to apply so that the visa is ready before entry.

use chrono::NaiveDate;

use crate::assessment::Deadline;
use crate::calendar::{Certainty, Counted};
use crate::codes::{DeadlineCode, IssueCode, Route, Severity};
use crate::context::{source_ids, Ctx};
use crate::date::shift;

/// The deadlines of a case, and the least certainty of the working days counted for them.
pub(crate) struct Deadlines {
    pub list: Vec<Deadline>,
    worst: Option<(Certainty, i32)>,
}

impl Deadlines {
    fn add(&mut self, ctx: &Ctx, code: DeadlineCode, counted: Counted, rule: &str, on: NaiveDate) {
        if let Some(year) = counted.uncertain_year {
            if self.worst.is_none_or(|(c, _)| counted.certainty > c) {
                self.worst = Some((counted.certainty, year));
            }
        }
        let sources = source_ids(ctx.cites(rule, on));
        let confirmed = counted.certainty == Certainty::Confirmed;
        self.list.push(Deadline { code, date: counted.date, sources, rule: rule.into(), confirmed });
    }

    /// The date of a deadline, or of the entry.
    pub fn date(&self, code: DeadlineCode, entry: NaiveDate) -> Option<NaiveDate> {
        if code == DeadlineCode::Entry {
            return Some(entry);
        }
        self.list.iter().find(|d| d.code == code).map(|d| d.date)
    }
}

fn param(ctx: &Ctx, rule: &str, name: &str, on: NaiveDate) -> Option<u32> {
    ctx.rules.param(rule, name, on).and_then(|v| u32::try_from(v).ok())
}

pub(crate) fn compute(ctx: &mut Ctx, latest_exit: Option<NaiveDate>) -> Deadlines {
    let (today, entry) = (ctx.case.today, ctx.case.trip.entry);
    let calendar = &ctx.rules.calendar;
    let mut out = Deadlines { list: Vec::new(), worst: None };

    if let Some(n) = param(ctx, "host_notification", "working_days", entry) {
        out.add(ctx, DeadlineCode::HostNotification, calendar.add_working_days(entry, n), "host_notification", entry);
    }
    if let (Some(date), Some(regime)) = (latest_exit, ctx.regime) {
        let counted = Counted { date, certainty: Certainty::Confirmed, uncertain_year: None };
        out.add(ctx, DeadlineCode::LatestExit, counted, &regime.id, entry);
    }

    // Working backwards from the day before entry, when the visa must be in hand.
    let mut ready_by = shift(entry, -1);
    if ctx.route == Route::ConsularVisa {
        if let Some(n) = param(ctx, "consular_processing", "working_days", today) {
            let apply_by = calendar.latest_start(ready_by, n);
            out.add(ctx, DeadlineCode::VisaApplicationBy, apply_by, "consular_processing", today);
            if today > apply_by.date {
                ctx.raise(IssueCode::VisaProcessingTimeShort, Severity::Warning, "consular_processing", today).date =
                    Some(apply_by.date);
            }
            ready_by = apply_by.date;
        }
    }
    if ctx.route.is_visa() {
        let rule = "invitation_approval";
        let decision = param(ctx, rule, "decision_working_days", today);
        let extended = param(ctx, rule, "extended_calendar_days", today);
        if let (Some(decision), Some(extended)) = (decision, extended) {
            // The longest the texts allow: approval extended to `extended` calendar days,
            // then the decision within `decision` working days.
            let decide_from = calendar.latest_start(ready_by, decision);
            let request_by = Counted { date: shift(decide_from.date, -i64::from(extended)), ..decide_from };
            out.add(ctx, DeadlineCode::InvitationRequestBy, request_by, rule, today);
            if today > request_by.date {
                ctx.raise(IssueCode::InvitationTimeShort, Severity::Warning, rule, today).date = Some(request_by.date);
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

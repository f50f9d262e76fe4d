//! One traveller's row, telling the same story as a single check: the verdict in the same
//! three words (as you can travel as planned, something to do first, not as planned), the
//! route, what stands in the way, the one thing to do next with its day (the next step, or
//! for a trip that cannot go the first way to make it), and the latest exit. A row that
//! cannot be assessed says why, in the file's own terms (dates as 2031-01-01).

use chrono::NaiveDate;
use kzvisa_rules::group::{next_action, NextAction, RowError};
use kzvisa_rules::{Assessment, Choice, ChoiceCode, Deadline, DeadlineCode, InputErrorCode, Line, Route, Severity};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{rules, use_lang};
use crate::texts;
use crate::widgets::{tr, tr_string};

/// A column's name in the page's language, for a cell's `data-label` (a row reads as a card
/// on a narrow screen, each cell under its column's name).
pub(super) fn label(text: fn(Locale) -> &'static str) -> impl Fn() -> &'static str + Send + Sync + Copy + 'static {
    let lang = use_lang();
    move || text(lang.get())
}

/// The words of a way to make a trip that cannot go as planned, short enough for a cell.
fn choice_words(l: Locale, c: &Choice) -> &'static str {
    match c.code {
        ChoiceCode::Shorten => td_string!(l, group.choice_shorten),
        ChoiceCode::Later => td_string!(l, group.choice_later),
        ChoiceCode::Extend => td_string!(l, group.choice_extend),
        ChoiceCode::Visa if c.route == Some(Route::EVisa) => td_string!(l, group.choice_visa_e),
        ChoiceCode::Visa => td_string!(l, group.choice_visa_consular),
        ChoiceCode::RenewPassport => td_string!(l, group.choice_renew_passport),
        ChoiceCode::ChangeEntryPoint => td_string!(l, group.choice_change_entry_point),
        ChoiceCode::AskMission => td_string!(l, group.choice_ask_mission),
    }
}

/// The next action, owned, for the words to be made in any language. A step is named by the
/// deadline it is dated by, in the words of the single result's key dates (every dated step
/// has one), so the page carries the deadlines' few words rather than every step's.
#[derive(Clone)]
enum Next {
    Step(Line, Option<Deadline>),
    Choice(Choice),
}

impl Next {
    /// "What — when": the step's or choice's words, then its day as a single check says it
    /// (by …, on …), or that the day has passed.
    fn words(&self, l: Locale, today: NaiveDate) -> String {
        let (what, date) = match self {
            Next::Step(line, deadline) => {
                (deadline.as_ref().map(|d| texts::deadline(l, d)).unwrap_or_default(), line.date)
            }
            Next::Choice(c) => (choice_words(l, c).to_string(), c.date),
        };
        let when = match (self, date) {
            (_, None) => None,
            (_, Some(d)) if d < today => Some(td_string!(l, group.overdue, date = texts::date(l, d)).to_string()),
            (Next::Step(line, _), Some(_)) => texts::step_when(l, line),
            (Next::Choice(c), Some(d)) => Some(match c.code {
                ChoiceCode::Shorten => td_string!(l, group.leave_by, date = texts::date(l, d)).to_string(),
                ChoiceCode::Later => td_string!(l, group.enter_from, date = texts::date_on(l, d)).to_string(),
                _ => td_string!(l, result.by, date = texts::date_until(l, d)).to_string(),
            }),
        };
        match when {
            Some(when) if what.is_empty() => when,
            Some(when) => format!("{what} — {when}"),
            None => what,
        }
    }
}

fn next_cell(a: &Assessment) -> impl IntoView {
    let action = next_action(a);
    let (code, date) = match &action {
        Some(n) => (Some(n.code().to_string()), n.date().map(|d| d.to_string())),
        None => (None, None),
    };
    let next = action.map(|n| match n {
        NextAction::Step(line) => {
            let deadline = a.deadlines.iter().find(|d| Some(d.code) == line.anchor).cloned();
            Next::Step(line.clone(), deadline)
        }
        NextAction::Choice(c) => Next::Choice(c.clone()),
    });
    let today = a.today;
    view! {
        <td role="cell" class="group-next" data-label=label(|l| td_string!(l, group.col_next)) data-next=code data-next-date=date>
            {next.map(|n| tr_string(move |l| n.words(l, today)))}
        </td>
    }
}

fn verdict_cell(a: &Assessment) -> impl IntoView {
    let (outlook, route) = (a.outlook, a.route);
    let (icon, said) = texts::outlook(outlook);
    let route_words = tr_string(move |l| {
        // A route is named for a sentence ("an electronic visa"); alone in a cell, it starts
        // with a capital.
        let words = texts::route(l, route);
        let mut chars = words.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
    });
    view! {
        <td role="cell" class=format!("group-verdict group-{outlook}") data-label=label(|l| td_string!(l, group.col_verdict))>
            <strong class="group-outlook"><span class="group-icon" aria-hidden="true">{icon}</span> {tr(said)}</strong>
            <span class="group-route">{route_words}</span>
        </td>
    }
}

pub(super) fn assessed_row(line: usize, name: Option<String>, a: Assessment) -> impl IntoView {
    let country = rules().country(&a.nationality).cloned();
    let (route, allowed, purpose, outlook) = (a.route, a.allowed(), a.purpose, a.outlook);
    let blockers: Vec<_> = a.issues.iter().filter(|i| i.severity == Severity::Blocker).cloned().collect();
    let exit = a.deadline(DeadlineCode::LatestExit);
    view! {
        <tr role="row" data-row=line data-route=route.as_str() data-allowed=allowed.to_string() data-outlook=outlook.as_str()>
            <td role="cell" data-label=label(|l| td_string!(l, group.col_line))>{line}</td>
            <td role="cell" data-label=label(|l| td_string!(l, group.col_name))>{name}</td>
            <td role="cell" data-label=label(|l| td_string!(l, group.col_nationality))>
                {tr_string(move |l| country.as_ref().map(|c| texts::country(l, c).to_string()).unwrap_or_default())}
            </td>
            {verdict_cell(&a)}
            <td role="cell" data-label=label(|l| td_string!(l, group.col_blockers))>
                {(!blockers.is_empty()).then(|| view! {
                    <ul class="row-blockers">
                        {blockers.into_iter().map(|i| {
                            let code = i.code.as_str();
                            view! { <li data-code=code>{tr_string(move |l| texts::issue(l, &i, purpose))}</li> }
                        }).collect_view()}
                    </ul>
                })}
            </td>
            {next_cell(&a)}
            <td role="cell" data-label=label(|l| td_string!(l, group.col_exit))>{exit.map(|d| tr_string(move |l| texts::date(l, d)))}</td>
        </tr>
    }
}

/// A row's problem in the file's own terms: its dates as 2031-01-01, its countries as codes,
/// its earlier stays as in a link, never the page's fields ("27 3 2031", "choose from the
/// list"); other problems as the single check words them.
fn row_message(l: Locale, e: &RowError) -> &'static str {
    use InputErrorCode as E;
    match (e.code, e.column.as_str()) {
        (E::InvalidDate | E::Missing, "previous_stays") => td_string!(l, group.error_stays),
        (E::InvalidDate, _) => td_string!(l, group.error_date),
        (E::Missing, _) => td_string!(l, group.error_missing),
        (E::UnknownCountry, _) => td_string!(l, group.error_country),
        (E::NotABoolean, _) => td_string!(l, group.error_boolean),
        (code, _) => texts::input_error(l, code),
    }
}

pub(super) fn error_row(line: usize, errors: Vec<RowError>) -> impl IntoView {
    let message = errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ");
    view! {
        <tr role="row" data-row=line data-error=message>
            <td role="cell" data-label=label(|l| td_string!(l, group.col_line))>{line}</td>
            <td role="cell" colspan="6" class="row-errors-cell">
                <ul class="row-errors">
                    {errors.into_iter().map(|e| {
                        let column = if e.column.is_empty() { "—".to_string() } else { e.column.clone() };
                        let (code, place) = (e.code.as_str(), e.column.clone());
                        let words = move |l: Locale| {
                            td_string!(l, group.row_error, line = e.line, column = column.clone(), message = row_message(l, &e))
                                .to_string()
                        };
                        view! { <li data-column=place data-code=code>{tr_string(words)}</li> }
                    }).collect_view()}
                </ul>
            </td>
        </tr>
    }
}

//! A trip that cannot go as planned: what can be done instead, each choice with the figures
//! the engine gives it (the last day to stay, the first day a stay of this length fits, the
//! visa that fits with the day to start), and for a change of dates a link that checks the
//! changed trip. The words only: the choices are the engine's (rules/src/choices.rs).

use chrono::NaiveDate;
use kzvisa_rules::{Assessment, Choice, ChoiceCode, DeadlineCode, Line, Purpose, Route};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::Store;
use crate::texts;
use crate::widgets::{tr, tr_string};

/// A choice in words, in the page's language (`step`: the step a choice is, for an extension).
fn words(l: Locale, c: &Choice, step: Option<&Line>, purpose: Purpose, stay_days: i64, today: NaiveDate) -> String {
    let until = |d: Option<NaiveDate>| d.map(|d| texts::date_until(l, d)).unwrap_or_default();
    let deadline = |code| c.deadlines.iter().find(|d| d.code == code).map(|d| d.date);
    let purpose = texts::purpose(l, purpose);
    match c.code {
        ChoiceCode::Shorten => {
            let days = texts::days(l, c.days.unwrap_or_default());
            td_string!(l, result.choice_shorten, days = days, date = until(c.date)).to_string()
        }
        ChoiceCode::Later => {
            let on = c.date.map(|d| texts::date_on(l, d)).unwrap_or_default();
            td_string!(l, result.choice_later, days = texts::days(l, stay_days), date = on).to_string()
        }
        ChoiceCode::Extend => {
            let what = step.map(|s| texts::step(l, s)).unwrap_or_default();
            td_string!(l, result.choice_extend, step = what, date = until(c.date)).to_string()
        }
        ChoiceCode::Visa if c.date.is_some_and(|d| d < today) => {
            td_string!(l, result.choice_visa_now, purpose = purpose).to_string()
        }
        ChoiceCode::Visa if c.route == Some(Route::EVisa) => {
            td_string!(l, result.choice_e_visa, date = until(c.date)).to_string()
        }
        ChoiceCode::Visa => {
            let (invite, apply) =
                (deadline(DeadlineCode::InvitationRequestBy), deadline(DeadlineCode::VisaApplicationBy));
            td_string!(l, result.choice_consular, purpose = purpose, invite = until(invite), apply = until(apply))
                .to_string()
        }
        ChoiceCode::RenewPassport => td_string!(l, result.choice_renew_passport).to_string(),
        ChoiceCode::ChangeEntryPoint => td_string!(l, result.choice_change_entry_point).to_string(),
        ChoiceCode::AskMission => td_string!(l, result.choice_ask_mission).to_string(),
    }
}

/// The trip's dates a choice changes to: a shorter stay, or the same stay from a later day.
fn changed_dates(c: &Choice, a: &Assessment) -> Option<(NaiveDate, NaiveDate)> {
    let date = c.date?;
    match c.code {
        ChoiceCode::Shorten => Some((kzvisa_rules::date::shift(date, 1 - c.days?), date)),
        ChoiceCode::Later => Some((date, kzvisa_rules::date::shift(date, a.stay_days - 1))),
        _ => None,
    }
}

/// The link to apply for an e-visa on its portal (a new tab, no referrer).
pub(super) fn apply_link(url: String) -> impl IntoView {
    view! { <a href=url target="_blank" rel="noopener noreferrer" data-action="apply">{tr(|l| td_string!(l, result.apply_portal))}</a> }
}

/// One choice, with a link that checks the changed trip where it changes the dates, and the
/// portal's address for an e-visa (outside a kiosk, which never leaves the app).
fn choice_line(store: Store, a: &Assessment, c: Choice, portal: Option<String>) -> impl IntoView {
    let (purpose, stay_days, today) = (a.purpose, a.stay_days, a.today);
    let code = c.code.as_str();
    // The step a choice's own words state: an extension's (its words name the rule's
    // numbers), or the one step of another entry point. The choice carries its code; the
    // other steps that carry it out are listed under it.
    let step = c.steps.first().cloned().filter(|_| matches!(c.code, ChoiceCode::Extend | ChoiceCode::ChangeEntryPoint));
    let stated = step.as_ref().map(|s| s.code.clone());
    let links = !store.fragment.with_untracked(crate::state::is_kiosk);
    let others: Vec<_> = c
        .steps
        .iter()
        .filter(|s| Some(&s.code) != stated.as_ref())
        .map(|s| super::checklist::step_line(s.clone(), today, false, links))
        .collect();
    let others = (!others.is_empty()).then(|| view! { <ol class="step-list">{others}</ol> });
    let link = changed_dates(&c, a).map(|(entry, exit)| {
        let href = store.fragment.with_untracked(|f| crate::state::link_with_trip(f, entry, exit));
        view! { " " <a href=href data-action="check-changed">{tr(|l| td_string!(l, result.check_changed))}</a> }
    });
    let apply = portal.filter(|_| c.route == Some(Route::EVisa)).map(|url| view! { " " {apply_link(url)} });
    view! {
        <li data-choice=code data-code=stated>
            {tr_string(move |l| words(l, &c, step.as_ref(), purpose, stay_days, today))}
            {link}
            {apply}
            {others}
        </li>
    }
}

/// What can be done instead, when the trip cannot go as planned.
pub fn choices(a: &Assessment, portal: Option<String>) -> Option<impl IntoView> {
    let store = expect_context::<Store>();
    (!a.choices.is_empty()).then(|| {
        let lines = a.choices.iter().cloned().map(|c| choice_line(store, a, c, portal.clone())).collect_view();
        view! {
            <div class="choices">
                <h2>{tr(|l| td_string!(l, result.choices))}</h2>
                <ul>{lines}</ul>
            </div>
        }
    })
}

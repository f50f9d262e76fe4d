//! Check your answers: every answer with a way to change it, and the way to the result.

use kzvisa_rules::case::{RawPassport, RawTrip};
use kzvisa_rules::date::parse_iso;
use kzvisa_rules::{EntryPoint, InputError, Needs, Purpose, RawCase};
use leptos::prelude::*;

use crate::flow::{root, screen_for, Flow, Step};
use crate::i18n::*;
use crate::state::{rules, use_lang, Key, Store};
use crate::texts;
use crate::widgets::{focus_after_update, tr, tr_signal, BackLink, ErrorSummary};

/// An answer as the traveller would read it: dates in words, codes as names.
fn show_date(l: Locale, value: &Option<String>) -> String {
    match value.as_deref() {
        None => td_string!(l, app.not_given).to_string(),
        Some(v) => parse_iso(v).map(|d| texts::date(l, d)).unwrap_or_else(|_| v.to_string()),
    }
}

/// What to call an answer that no screen asks (it came in a link).
fn unasked_label(l: Locale, field: &str) -> String {
    match root(field) {
        "today" => td_string!(l, field.today).to_string(),
        "residence_permit" => td_string!(l, field.residence_permit).to_string(),
        "previous_stays" => td_string!(l, details.stays).to_string(),
        "birth_date" => td_string!(l, details.birth_date).to_string(),
        other => other.to_string(),
    }
}

/// A problem with the answers: a way to the screen that asks it, or, for an answer no
/// screen asks (it came in a link), a way to remove it.
fn problem_line(store: Store, l: Locale, step: Option<Step>, e: InputError) -> impl IntoView {
    let message = texts::input_error(l, e.code);
    let field = e.field.clone();
    // The button's words, and what a screen reader adds to name the answer it acts on.
    let (text, action, context, act): (String, String, String, Box<dyn Fn(leptos::ev::MouseEvent)>) = match step {
        Some(step) => (
            String::new(),
            format!("{}: {message}", texts::screen(l, step)),
            String::new(),
            Box::new(move |_| store.go(Some(step), true)),
        ),
        None => (
            format!("{}: {message} ", unasked_label(l, &e.field)),
            td_string!(l, field.remove).to_string(),
            format!(" ({})", unasked_label(l, &e.field)),
            Box::new(move |_| {
                // Stay here (a link without `step` would otherwise go on to the result once
                // nothing is wrong): the traveller asked to see their answers first.
                store.update(false, |f| {
                    f.clear(&field);
                    Key::Step.write(f, Some(Step::Check.as_str().to_string()));
                });
                focus_after_update("check-submit");
            }),
        ),
    };
    view! {
        {text}
        <button type="button" class="link" data-field=e.field on:click=act>
            {action}<span class="visually-hidden">{context}</span>
        </button>
    }
}

/// The passport's answers as one line.
fn passport_answer(l: Locale, p: &RawPassport) -> String {
    let mut parts = vec![format!("{}: {}", td_string!(l, passport.expires), show_date(l, &p.expires))];
    if p.issued.is_some() {
        parts.push(format!("{}: {}", td_string!(l, passport.issued), show_date(l, &p.issued)));
    }
    if let Some(ok) = &p.condition_ok {
        let answer = match ok.as_str() {
            "true" => td_string!(l, app.yes),
            "false" => td_string!(l, app.no),
            _ => ok,
        };
        parts.push(format!("{}: {answer}", td_string!(l, passport.condition_short)));
    }
    if let Some(pages) = &p.blank_pages {
        parts.push(format!("{}: {pages}", td_string!(l, passport.blank_pages)));
    }
    parts.join("; ")
}

/// The trip's answers as one line.
fn trip_answer(l: Locale, t: &RawTrip) -> String {
    let point =
        t.entry_point.as_deref().and_then(EntryPoint::parse).map(|e| texts::entry_point(l, e)).unwrap_or_default();
    format!("{} – {}; {point}", show_date(l, &t.entry), show_date(l, &t.exit))
}

/// What the details screen asks of this traveller, as it asks it.
fn details_answer(l: Locale, c: &RawCase, needs: Needs) -> String {
    let mut parts = Vec::new();
    if needs.birth_date.is_some() && c.birth_date.is_some() {
        parts.push(format!("{}: {}", td_string!(l, details.birth_date), show_date(l, &c.birth_date)));
    }
    if needs.previous_stays && !c.previous_stays.is_empty() {
        let stays: Vec<String> = c
            .previous_stays
            .iter()
            .map(|s| format!("{} – {}", show_date(l, &s.entry), show_date(l, &s.exit)))
            .collect();
        parts.push(format!("{}: {}", td_string!(l, details.stays), stays.join(", ")));
    }
    if parts.is_empty() {
        td_string!(l, app.not_given).to_string()
    } else {
        parts.join("; ")
    }
}

/// The problems to list: one line per answer no screen asks, however many of its parts
/// are wrong.
fn listed(problems: Vec<InputError>, needs: Needs) -> Vec<InputError> {
    let mut unasked = Vec::new();
    problems
        .into_iter()
        .filter(|e| {
            screen_for(&e.field, needs).is_some() || {
                let root = root(&e.field).to_string();
                let first = !unasked.contains(&root);
                unasked.push(root);
                first
            }
        })
        .collect()
}

/// One answer and the way to change it; shown when its screen applies.
fn summary_row(store: Store, flow: Flow, step: Step, label: Signal<String>, value: Signal<String>) -> impl IntoView {
    view! {
        <Show when=move || flow.questions().contains(&step)>
            <div class="summary-row" data-step=step.as_str()>
                <dt>{move || label.get()}</dt>
                <dd class="summary-value">{move || value.get()}</dd>
                <dd class="summary-action">
                    <button type="button" class="link" on:click=move |_| store.go(Some(step), true)>
                        {tr(|l| td_string!(l, app.change))}
                        <span class="visually-hidden">{move || format!(" {}", label.get())}</span>
                    </button>
                </dd>
            </div>
        </Show>
    }
}

#[component]
pub fn CheckScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let flow = expect_context::<Flow>();
    let lang = use_lang();
    let tried = RwSignal::new(false);
    let shown =
        Signal::derive(move || if tried.get() { listed(flow.errors.get(), flow.needs.get()) } else { Vec::new() });
    let line = Callback::new(move |e: InputError| {
        let step = screen_for(&e.field, flow.needs.get_untracked());
        problem_line(store, lang.get_untracked(), step, e).into_any()
    });
    let case = move || store.fragment.with(|f| f.case.clone());
    let answer = move |words: fn(Locale, &RawCase, Needs) -> String| {
        Signal::derive(move || words(lang.get(), &case(), flow.needs.get()))
    };
    let row = move |step, label, value| summary_row(store, flow, step, label, value);
    let submit = move |_| {
        if flow.errors.with(Vec::is_empty) {
            store.go(Some(Step::Result), false);
        } else {
            tried.set(true);
            focus_after_update("error-summary");
        }
    };
    view! {
        <BackLink step=Step::Check />
        <ErrorSummary errors=shown line=line />
        <h1 id="main-heading" tabindex="-1">{tr(|l| td_string!(l, check.heading))}</h1>
        <dl class="summary">
            {row(Step::Nationality, tr_signal(|l| td_string!(l, nationality.label)), answer(nationality_answer))}
            {row(Step::Purpose, tr_signal(|l| td_string!(l, purpose.heading)), answer(purpose_answer))}
            {row(Step::Passport, tr_signal(|l| td_string!(l, passport.heading)), answer(|l, c, _| passport_answer(l, &c.passport)))}
            {row(Step::Trip, tr_signal(|l| td_string!(l, trip.heading)), answer(|l, c, _| trip_answer(l, &c.trip)))}
            {row(Step::Details, tr_signal(|l| td_string!(l, details.heading)), answer(details_answer))}
        </dl>
        <button type="button" class="button" id="check-submit" on:click=submit>{tr(|l| td_string!(l, check.submit))}</button>
    }
}

/// The nationality as its name.
fn nationality_answer(l: Locale, c: &RawCase, _: Needs) -> String {
    let code = c.nationality.clone().unwrap_or_default();
    rules().country(&code).map(|c| texts::country(l, c).to_string()).unwrap_or(code)
}

/// The purpose as its name.
fn purpose_answer(l: Locale, c: &RawCase, _: Needs) -> String {
    let p = c.purpose.clone().unwrap_or_default();
    Purpose::parse(&p).map(|p| texts::purpose(l, p).to_string()).unwrap_or(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kzvisa_rules::InputErrorCode;

    #[test]
    fn an_answer_no_screen_asks_is_listed_once() {
        let error = |field: &str| InputError::new(field, InputErrorCode::InvalidDate, "not a date");
        let problems = vec![error("previous_stays[0].entry"), error("previous_stays[0].exit"), error("trip.exit")];
        let fields: Vec<String> = listed(problems, Needs::default()).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["previous_stays[0].entry", "trip.exit"]);
    }
}

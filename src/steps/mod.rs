//! The question screens: one question per screen, the question as the heading, a back
//! link, progress, and a message next to each field that needs correcting.

mod check;
mod details;
mod mrz;
mod nationality;
mod passport;
mod purpose;
mod trip;

pub use check::CheckScreen;
pub use details::DetailsScreen;
pub use nationality::NationalityScreen;
pub use passport::PassportScreen;
pub use purpose::{purposes, PurposeScreen};
pub use trip::{entry_points, TripScreen};

use kzvisa_rules::url::Fragment;
use kzvisa_rules::{InputError, InputErrorCode};
use leptos::prelude::*;

use crate::flow::{self, Flow, Step};
use crate::i18n::*;
use crate::state::{rules, use_lang, Key, Store};
use crate::widgets::{field_error, field_id, focus_after_update, tr, tr_string, ErrorMessage, ErrorSummary};

/// The back link: to the previous screen of the flow, or to the check screen when the
/// answer is being changed from there.
#[component]
pub fn BackLink(step: Step) -> impl IntoView {
    let store = expect_context::<Store>();
    let flow = expect_context::<Flow>();
    let target = move || {
        if store.changing_from_check() {
            Some(Step::Check)
        } else {
            flow::previous(step, &flow.questions())
        }
    };
    view! {
        <Show when=move || target().is_some()>
            <button type="button" class="back-link" on:click=move |_| store.go(target(), false)>
                {tr(|l| td_string!(l, app.back))}
            </button>
        </Show>
    }
}

/// "Question 2 of 5".
#[component]
fn Progress(step: Step) -> impl IntoView {
    let flow = expect_context::<Flow>();
    let lang = use_lang();
    let position = move || {
        let q = flow.questions();
        q.iter().position(|s| *s == step).map(|i| (i + 1, q.len()))
    };
    view! {
        {move || position().map(|(n, total)| view! {
            <p class="progress">{td_string!(lang.get(), app.progress, n = n, total = total).to_string()}</p>
        })}
    }
}

/// A question screen. `apply` writes the screen's answers into a copy of the URL state;
/// on submit the engine validates the whole case and the errors of this screen's fields
/// are shown, or the next screen opens.
#[component]
pub fn Question(
    step: Step,
    #[prop(into)] heading: Signal<String>,
    apply: Callback<Fragment, Fragment>,
    errors: RwSignal<Vec<InputError>>,
    /// Runs first on submit; true when it has dealt with the submission itself (an MRZ
    /// given in place of the screen's answer).
    #[prop(optional)]
    before: Option<Callback<(), bool>>,
    children: Children,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let flow = expect_context::<Flow>();
    // A value that came in the URL and cannot be used (a tampered or mistyped link) is
    // explained at once; unanswered questions are not errors until the traveller submits.
    // Only what this screen asks: an answer no screen asks is offered for removal on the
    // check screen instead of blocking one that has no field for it.
    // The shell has already validated this URL: its errors are read, not worked out again.
    let needs = flow.needs.get_untracked();
    let given: Vec<InputError> = flow
        .errors
        .get_untracked()
        .into_iter()
        .filter(|e| flow::screen_for(&e.field, needs) == Some(step) && e.code != InputErrorCode::Missing)
        .collect();
    if !given.is_empty() {
        errors.set(given);
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if before.is_some_and(|b| b.run(())) {
            return;
        }
        let next = apply.run(store.fragment.get_untracked());
        let mut case = next.case.clone();
        let today = store.today();
        case.today.get_or_insert(today);
        let needs = kzvisa_rules::needs(rules(), &case);
        let mine: Vec<InputError> = match case.validate(rules()) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.into_iter().filter(|e| flow::screen_for(&e.field, needs) == Some(step)).collect(),
        };
        if mine.is_empty() {
            errors.set(Vec::new());
            let from_check = Key::From.read(&next) == Some("check");
            let (target, from_check) = flow::after_answer(step, from_check, flow.needs.get_untracked(), needs);
            store.update(true, move |f| {
                *f = next;
                Key::Step.write(f, Some(target.as_str().to_string()));
                Key::From.write(f, from_check.then(|| "check".to_string()));
            });
        } else {
            errors.set(mine);
            focus_after_update("error-summary");
        }
    };
    view! {
        <BackLink step=step />
        <ErrorSummary errors=errors />
        <form class="question" novalidate on:submit=on_submit>
            <Progress step=step />
            <h1 id="main-heading" tabindex="-1">{move || heading.get()}</h1>
            {children()}
            <button type="submit" class="button">{tr(|l| td_string!(l, app.proceed))}</button>
        </form>
    }
}

/// One choice of a radio group: its value, its label, and an optional hint.
pub struct Choice {
    pub value: &'static str,
    pub label: Box<dyn Fn(Locale) -> String + Send + Sync>,
    pub hint: Option<Box<dyn Fn(Locale) -> String + Send + Sync>>,
}

/// A radio group for one field of the case. The first radio carries the field's id so that
/// the error summary can focus it.
#[component]
pub fn Radios(
    field: &'static str,
    #[prop(into)] legend: Signal<String>,
    choices: Vec<Choice>,
    value: RwSignal<Option<String>>,
    /// The screen's input errors; this field shows its own.
    errors: RwSignal<Vec<InputError>>,
    /// Show the legend as the page heading's size (the screen's only question).
    #[prop(optional)]
    big: bool,
) -> impl IntoView {
    let error = field_error(errors, field);
    let base = field_id(field);
    let error_id = format!("{base}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    view! {
        <fieldset class="field" class:field-error=move || error.get().is_some() aria-describedby=described>
            <legend class=if big { "label label-big" } else { "label" }>{move || legend.get()}</legend>
            <ErrorMessage id=error_id message=error />
            <div class="radios">
                {choices.into_iter().enumerate().map(|(i, c)| {
                    let id = if i == 0 { base.clone() } else { format!("{base}-{}", c.value) };
                    let hint_id = format!("{id}-hint");
                    let value_text = c.value;
                    let hint = c.hint.map(|h| {
                        let hint_id = hint_id.clone();
                        view! { <p class="hint radio-hint" id=hint_id>{tr_string(h)}</p> }
                    });
                    let has_hint = hint.is_some();
                    let label = c.label;
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                id=id.clone()
                                name=base.clone()
                                value=value_text
                                aria-describedby=has_hint.then(|| hint_id.clone())
                                prop:checked=move || value.with(|v| v.as_deref() == Some(value_text))
                                on:change=move |_| value.set(Some(value_text.to_string()))
                            />
                            <label for=id>{tr_string(label)}</label>
                            {hint}
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

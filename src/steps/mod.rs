//! The question screens: one question per screen, the question as the heading, a back
//! link, progress, and a message next to each field that needs correcting.

mod check;
mod countries;
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
use kzvisa_rules::{InputError, InputErrorCode, Rules};
use leptos::prelude::*;

use crate::flow::{self, Checked, Flow, Step};
use crate::i18n::*;
use crate::state::{later, use_lang, Arrival, Key, Store, RULES};
use crate::widgets::{focus_after_update, part_failed, tr, BackLink, ErrorSummary};

/// "Question 3 of 5", once the answers decide how many questions there are ("Question 1"
/// before), so that the count never changes under the traveller.
#[component]
fn Progress(step: Step) -> impl IntoView {
    let flow = expect_context::<Flow>();
    let lang = use_lang();
    let position = move || {
        let q = flow.questions();
        q.iter().position(|s| *s == step).map(|i| (i + 1, flow.needs.get().decided.then_some(q.len())))
    };
    view! {
        {move || position().map(|(n, total)| view! {
            <p class="progress">{match total {
                Some(total) => td_string!(lang.get(), app.progress, n = n, total = total).to_string(),
                None => td_string!(lang.get(), app.progress_open, n = n).to_string(),
            }}</p>
        })}
    }
}

/// The errors a link brought for this screen's own fields: a value that came in the URL and
/// cannot be used (a tampered or mistyped link) is explained at once; unanswered questions
/// are not errors until the traveller submits. Only what this screen asks: an answer no
/// screen asks is offered for removal on the check screen instead of blocking one that has
/// no field for it. The app has already validated this URL: its errors are read, not
/// worked out again.
fn errors_from_link(flow: Flow, step: Step) -> Vec<InputError> {
    let needs = flow.needs.get_untracked();
    let errors = flow.errors.get_untracked();
    errors
        .into_iter()
        .filter(|e| flow::screen_for(&e.field, needs) == Some(step) && e.code != InputErrorCode::Missing)
        .collect()
}

/// An answer was given (a screen's answers, or a passport's zone): once the rules are here
/// (on the first screen they may still be on their way), `take` makes from it the URL state
/// it leads to, or the errors to show. These are shown, or the next screen opens.
pub fn answer(
    store: Store,
    errors: RwSignal<Vec<InputError>>,
    take: impl FnOnce(&'static Rules) -> Result<Fragment, Vec<InputError>> + 'static,
) {
    later::with(&RULES, move |rules| match take(rules) {
        Ok(next) => {
            errors.set(Vec::new());
            store.update(true, move |f| *f = next);
        }
        Err(e) => {
            errors.set(e);
            focus_after_update("error-summary");
        }
    });
}

/// A screen's answers, `next`, checked by the engine: this screen's errors, or the URL
/// state with the screen that follows.
fn after(rules: &Rules, store: Store, flow: Flow, step: Step, mut next: Fragment) -> Result<Fragment, Vec<InputError>> {
    let Checked { errors, needs } = Checked::of(rules, &store.case_of(&next));
    let mine: Vec<InputError> =
        errors.into_iter().filter(|e| flow::screen_for(&e.field, needs) == Some(step)).collect();
    if !mine.is_empty() {
        return Err(mine);
    }
    let from_check = Key::From.read(&next) == Some("check");
    let (target, from_check) = flow::after_answer(step, from_check, flow.needs.get_untracked(), needs);
    Key::Step.write(&mut next, Some(target.as_str().to_string()));
    Key::From.write(&mut next, from_check.then(|| "check".to_string()));
    Ok(next)
}

/// A question screen. `apply` writes the screen's answers into a copy of the URL state.
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
    /// The screen's one question is a group of choices whose legend is the heading: the
    /// question is printed once.
    #[prop(optional)]
    heading_in_legend: bool,
    children: Children,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let flow = expect_context::<Flow>();
    let given = errors_from_link(flow, step);
    if !given.is_empty() {
        errors.set(given);
    }
    let proceed = move || {
        if !before.is_some_and(|b| b.run(())) {
            let next = apply.run(store.fragment.get_untracked());
            answer(store, errors, move |rules| after(rules, store, flow, step, next));
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        proceed();
    };
    // The rules could not be had (src/state/rules.rs): said above the form, with a button
    // that fetches them again and takes the answers (the focus goes to the heading of the
    // screen that follows, as the button is gone).
    let again = move || {
        focus_after_update("main-heading");
        proceed();
    };
    let missing = move || (later::arrival(&RULES) == Arrival::Failed).then(|| part_failed(again));
    view! {
        <BackLink step=step />
        <ErrorSummary errors=errors />
        {missing}
        <form class="question" novalidate on:submit=on_submit>
            <Progress step=step />
            {(!heading_in_legend).then(|| view! { <h1 id="main-heading" tabindex="-1">{move || heading.get()}</h1> })}
            {children()}
            <button type="submit" class="button">{tr(|l| td_string!(l, app.proceed))}</button>
        </form>
    }
}

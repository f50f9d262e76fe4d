//! One choice among a few: a radio group, its legend and error, a hint under each choice.

use kzvisa_rules::InputError;
use leptos::prelude::*;

use super::{described_by, field_error, field_id, tr_string, ErrorMessage};
use crate::i18n::Locale;

/// One choice of a radio group: its value, its label, and an optional hint.
pub struct Choice {
    pub value: &'static str,
    pub label: Box<dyn Fn(Locale) -> String + Send + Sync>,
    pub hint: Option<Box<dyn Fn(Locale) -> String + Send + Sync>>,
}

/// One radio and its label and hint; `id` is the field's own for the first choice, so that
/// the error summary can focus it.
fn radio(choice: Choice, id: String, name: String, value: RwSignal<Option<String>>) -> impl IntoView {
    let Choice { value: own, label, hint } = choice;
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let hint = hint.map(|h| view! { <p class="hint radio-hint" id=hint_id.clone()>{tr_string(h)}</p> });
    view! {
        <div class="radio">
            <input
                type="radio"
                id=id.clone()
                name=name
                value=own
                aria-describedby=has_hint.then(|| format!("{id}-hint"))
                prop:checked=move || value.with(|v| v.as_deref() == Some(own))
                on:change=move |_| value.set(Some(own.to_string()))
            />
            <label for=id>{tr_string(label)}</label>
            {hint}
        </div>
    }
}

/// A radio group for one field of the case.
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
    /// The legend is the page's heading (the screen's only question, asked once).
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    let error = field_error(errors, field);
    let base = field_id(field);
    let error_id = format!("{base}-error");
    let described = described_by(None, error_id.clone(), error);
    let radios = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let id = if i == 0 { base.clone() } else { format!("{base}-{}", c.value) };
            radio(c, id, base.clone(), value)
        })
        .collect_view();
    view! {
        <fieldset class="field" class:field-error=move || error.get().is_some()
            aria-describedby=described>
            <legend class=if big || heading { "label label-big" } else { "label" }>
                {if heading {
                    view! { <h1 id="main-heading" tabindex="-1">{move || legend.get()}</h1> }.into_any()
                } else {
                    view! { {move || legend.get()} }.into_any()
                }}
            </legend>
            <ErrorMessage id=error_id message=error />
            <div class="radios">{radios}</div>
        </fieldset>
    }
}

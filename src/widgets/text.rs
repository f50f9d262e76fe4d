//! A text field: one line, or several (a text area), with its label, hint and error, and
//! `aria-describedby` naming the hint and, while there is one, the error.

use kzvisa_rules::InputError;
use leptos::prelude::*;

use super::{described_by, field_error, field_id, ErrorMessage};

/// What kind of text a field takes, and so how it is shown and what keyboard a phone offers.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum TextKind {
    /// A line of text.
    #[default]
    Line,
    /// A search box (the nationality).
    Search,
    /// A small whole number (blank pages): a number pad on phones.
    Number,
    /// Several lines in a fixed-width face (a passport's zone, a CSV file), `rows` high.
    Lines { rows: u32 },
}

/// What a text control is made of, besides its value.
struct Control {
    id: String,
    name: String,
    class: &'static str,
    kind: TextKind,
    controls: Option<&'static str>,
}

/// The control itself: an `input`, or a `textarea` for several lines.
fn control(
    c: Control,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    described: impl Fn() -> Option<String> + Send + Sync + 'static,
    (typed, key): (impl Fn(leptos::ev::Event) + 'static, impl Fn(leptos::ev::KeyboardEvent) + 'static),
) -> AnyView {
    let class = format!("input {}", c.class);
    let invalid = move || error.get().is_some();
    match c.kind {
        TextKind::Lines { rows } => view! {
            <textarea id=c.id name=c.name class=class class:input-error=invalid rows=rows.to_string()
                autocomplete="off" spellcheck="false" aria-describedby=described
                prop:value=move || value.get() on:input=typed on:keydown=key></textarea>
        }
        .into_any(),
        kind => view! {
            <input id=c.id name=c.name class=class class:input-error=invalid
                type=if kind == TextKind::Search { "search" } else { "text" }
                inputmode=(kind == TextKind::Number).then_some("numeric")
                autocomplete="off" spellcheck="false" aria-describedby=described aria-controls=c.controls
                prop:value=move || value.get() on:input=typed on:keydown=key />
        }
        .into_any(),
    }
}

#[component]
pub fn TextInput(
    /// The field's name in the contract (`passport.blank_pages`, `mrz`); the element's id
    /// and its hint's and error's derive from it.
    #[prop(into)]
    field: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    value: RwSignal<String>,
    /// The screen's input errors; this field shows its own.
    errors: RwSignal<Vec<InputError>>,
    #[prop(optional)] kind: TextKind,
    /// Extra classes of the control (`w3` for a short field).
    #[prop(optional)]
    class: &'static str,
    /// The element this field's typing updates (`aria-controls`), such as a list of matches.
    #[prop(optional)]
    controls: Option<&'static str>,
    /// Called after each change with the new text.
    #[prop(optional)]
    on_input: Option<Callback<String>>,
    /// Called on each key pressed in the field (arrows into a list of matches).
    #[prop(optional)]
    on_key: Option<Callback<leptos::ev::KeyboardEvent>>,
    /// What follows the control inside the field (a list of matches).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let error = field_error(errors, field.clone());
    let id = field_id(&field);
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let described = described_by(hint_id.clone(), error_id.clone(), error);
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        value.set(text.clone());
        if let Some(f) = on_input {
            f.run(text);
        }
    };
    let key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(f) = on_key {
            f.run(ev);
        }
    };
    let c = Control { id: id.clone(), name: field, class, kind, controls };
    let control = control(c, value, error, described, (typed, key));
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label class="label" for=id>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            <ErrorMessage id=error_id message=error />
            {control}
            {children.map(|c| c())}
        </div>
    }
}

//! What is wrong, said twice as GOV.UK does: a summary at the top of the screen, focused on
//! a failed submit and linking to each field, and a message next to each field.

use kzvisa_rules::InputError;
use leptos::prelude::*;

use super::{field_id, focus_by_id, tr};
use crate::i18n::*;
use crate::state::{use_lang, ShownErrors};
use crate::texts;

/// A message next to a field, announced with it.
#[component]
pub fn ErrorMessage(id: String, message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <p class="error-message" id=id.clone()>
                <span class="visually-hidden">{tr(|l| td_string!(l, app.error_prefix))} " "</span>
                {move || message.get().unwrap_or_default()}
            </p>
        </Show>
    }
}

/// The error summary at the top of a screen; hidden while there is nothing to say. Each
/// problem is a link to its field, or what `line` makes of it (the check screen offers a
/// way to the screen that asks it, or to remove it).
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<InputError>>,
    #[prop(optional)] line: Option<Callback<InputError, AnyView>>,
) -> impl IntoView {
    let lang = use_lang();
    // The window's title starts with "Error:" while this summary has something to say.
    if let Some(shown) = use_context::<ShownErrors>() {
        Effect::new(move |_| shown.0.set(!errors.with(Vec::is_empty)));
        on_cleanup(move || shown.0.set(false));
    }
    let link = move |e: InputError| {
        let href = format!("#{}", field_id(&e.field));
        let text = texts::input_error(lang.get(), e.code);
        view! { <a href=href data-field=e.field on:click=focus_target>{text}</a> }.into_any()
    };
    view! {
        <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title"
            style:display=move || if errors.with(Vec::is_empty) { "none" } else { "block" }>
            <h2 id="error-summary-title">{tr(|l| td_string!(l, app.error_title))}</h2>
            <ul>
                {move || errors.get().into_iter().map(|e| {
                    view! { <li>{line.map_or_else(|| link(e.clone()), |line| line.run(e.clone()))}</li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Follows an error link without touching the URL's fragment (which holds the answers):
/// focuses the first control inside the target.
fn focus_target(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let Some(link) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return;
    };
    let id = link.get_attribute("href").unwrap_or_default().trim_start_matches('#').to_string();
    // A date's first part, or the control with the field's id.
    if !focus_by_id(&format!("{id}-day")) {
        focus_by_id(&id);
    }
}

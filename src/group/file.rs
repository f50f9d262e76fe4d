//! The travellers' file: pasted into `group_csv`, or opened from the device (read here,
//! never uploaded).

use kzvisa_rules::InputError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::CSV_FIELD;
use crate::i18n::*;
use crate::widgets::{field_error, tr, ErrorMessage};

/// Reads the chosen file's text into `text`.
fn open(ev: leptos::ev::Event, text: RwSignal<String>) {
    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    let Some(file) = input.and_then(|i| i.files()).and_then(|files| files.get(0)) else { return };
    leptos::task::spawn_local(async move {
        if let Ok(content) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
            text.set(content.as_string().unwrap_or_default());
        }
    });
}

#[component]
pub fn Travellers(text: RwSignal<String>, errors: RwSignal<Vec<InputError>>) -> impl IntoView {
    let error = field_error(errors, CSV_FIELD);
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label class="label" for=CSV_FIELD>{tr(|l| td_string!(l, group.csv))}</label>
            <p class="hint" id="group_csv-hint">{tr(|l| td_string!(l, group.csv_hint))}</p>
            <ErrorMessage id="group_csv-error".to_string() message=error />
            <textarea
                id=CSV_FIELD
                name=CSV_FIELD
                class="input group-csv"
                class:input-error=move || error.get().is_some()
                rows="8"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=move || if error.get().is_some() { "group_csv-hint group_csv-error" } else { "group_csv-hint" }
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <label class="label file-label" for="group-file">{tr(|l| td_string!(l, group.file))}</label>
            <input id="group-file" type="file" accept=".csv,text/csv,text/plain" on:change=move |ev| open(ev, text) />
        </div>
    }
}

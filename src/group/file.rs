//! The travellers' file: pasted into `group_csv`, or opened from the device (read here,
//! never uploaded).

use kzvisa_rules::InputError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::CSV_FIELD;
use crate::i18n::*;
use crate::widgets::{tr, tr_signal, TextInput, TextKind};

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
    view! {
        <TextInput field=CSV_FIELD label=tr_signal(|l| td_string!(l, group.csv))
            hint=tr_signal(|l| td_string!(l, group.csv_hint)) value=text errors=errors
            kind=TextKind::Lines { rows: 8 } class="group-csv">
            <label class="label file-label" for="group-file">{tr(|l| td_string!(l, group.file))}</label>
            <input id="group-file" type="file" accept=".csv,text/csv,text/plain" on:change=move |ev| open(ev, text) />
        </TextInput>
    }
}

//! Passport: the expiry date; optionally the issue date, blank pages and condition.

use kzvisa_rules::url::Fragment;
use leptos::prelude::*;

use super::{Choice, Question, Radios};
use crate::flow::Step;
use crate::i18n::*;
use crate::state::{use_lang, Store};
use crate::widgets::{field_error, tr, tr_signal, DateInput, DateParts, ErrorMessage};

#[component]
pub fn PassportScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let lang = use_lang();
    let errors = RwSignal::new(Vec::new());
    let p = store.fragment.with_untracked(|f| f.case.passport.clone());
    let expires = RwSignal::new(DateParts::from_value(p.expires.as_deref()));
    let issued = RwSignal::new(DateParts::from_value(p.issued.as_deref()));
    let pages = RwSignal::new(p.blank_pages.clone().unwrap_or_default());
    let condition = RwSignal::new(p.condition_ok.clone());
    let apply = Callback::new(move |mut f: Fragment| {
        f.case.passport.expires = expires.get_untracked().to_value();
        f.case.passport.issued = issued.get_untracked().to_value();
        f.case.passport.blank_pages = Some(pages.get_untracked()).filter(|p| !p.trim().is_empty());
        f.case.passport.condition_ok = condition.get_untracked().filter(|c| c != "unknown");
        f
    });
    let optional = move |label: String| format!("{label} ({})", td_string!(lang.get(), app.optional));
    let pages_error = field_error(errors, "passport.blank_pages");
    let choices = vec![
        Choice { value: "true", label: Box::new(|l| td_string!(l, app.yes).to_string()), hint: None },
        Choice { value: "false", label: Box::new(|l| td_string!(l, app.no).to_string()), hint: None },
        Choice { value: "unknown", label: Box::new(|l| td_string!(l, app.not_sure).to_string()), hint: None },
    ];
    view! {
        <Question
            step=Step::Passport
            heading=tr_signal(|l| td_string!(l, passport.heading))
            apply=apply
            errors=errors
        >
            <DateInput
                field="passport.expires"
                legend=tr_signal(|l| td_string!(l, passport.expires))
                value=expires
                errors=errors
            />
            <DateInput
                field="passport.issued"
                legend=Signal::derive(move || optional(td_string!(lang.get(), passport.issued).to_string()))
                value=issued
                errors=errors
            />
            <div class="field" class:field-error=move || pages_error.get().is_some()>
                <label class="label" for="passport-blank_pages">
                    {move || optional(td_string!(lang.get(), passport.blank_pages).to_string())}
                </label>
                <p class="hint" id="passport-blank_pages-hint">{tr(|l| td_string!(l, passport.blank_pages_hint))}</p>
                <ErrorMessage id="passport-blank_pages-error".to_string() message=pages_error />
                <input
                    id="passport-blank_pages"
                    class="input w3"
                    class:input-error=move || pages_error.get().is_some()
                    inputmode="numeric"
                    autocomplete="off"
                    aria-describedby="passport-blank_pages-hint"
                    prop:value=move || pages.get()
                    on:input=move |ev| pages.set(event_target_value(&ev))
                />
            </div>
            <Radios
                field="passport.condition_ok"
                legend=Signal::derive(move || optional(td_string!(lang.get(), passport.condition).to_string()))
                choices=choices
                value=condition
                errors=errors
            />
        </Question>
    }
}

//! Passport: the expiry date; optionally the issue date, blank pages and condition.

use kzvisa_rules::url::Fragment;
use leptos::prelude::*;

use super::Question;
use crate::flow::Step;
use crate::i18n::*;
use crate::state::{use_lang, Store};
use crate::widgets::{tr_signal, Choice, DateInput, DateParts, Radios, TextInput, TextKind};

/// Whether the passport is in good condition: yes, no, or not sure (left unanswered).
fn condition_choices() -> Vec<Choice> {
    vec![
        Choice { value: "true", label: Box::new(|l| td_string!(l, app.yes).to_string()), hint: None },
        Choice { value: "false", label: Box::new(|l| td_string!(l, app.no).to_string()), hint: None },
        Choice { value: "unknown", label: Box::new(|l| td_string!(l, app.not_sure).to_string()), hint: None },
    ]
}

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
                example_days=-3 * 365
                value=issued
                errors=errors
            />
            <TextInput
                field="passport.blank_pages"
                label=Signal::derive(move || optional(td_string!(lang.get(), passport.blank_pages).to_string()))
                hint=tr_signal(|l| td_string!(l, passport.blank_pages_hint))
                value=pages
                errors=errors
                kind=TextKind::Number
                class="w3"
            />
            <Radios
                field="passport.condition_ok"
                legend=Signal::derive(move || optional(td_string!(lang.get(), passport.condition).to_string()))
                choices=condition_choices()
                value=condition
                errors=errors
            />
        </Question>
    }
}

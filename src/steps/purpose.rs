//! Purpose: eight choices, each with one line saying what it covers.

use kzvisa_rules::url::Fragment;
use kzvisa_rules::Purpose;
use leptos::prelude::*;

use super::Question;
use crate::flow::Step;
use crate::i18n::*;
use crate::state::Store;
use crate::texts;
use crate::widgets::{tr_signal, Choice, Radios};

#[component]
pub fn PurposeScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let errors = RwSignal::new(Vec::new());
    let value = RwSignal::new(store.fragment.with_untracked(|f| f.case.purpose.clone()));
    let apply = Callback::new(move |mut f: Fragment| {
        f.case.purpose = value.get_untracked();
        f
    });
    let choices = purposes();
    let heading = tr_signal(|l| td_string!(l, purpose.heading));
    view! {
        <Question step=Step::Purpose heading=heading apply=apply errors=errors heading_in_legend=true>
            <Radios field="purpose" legend=heading choices=choices value=value errors=errors heading=true />
        </Question>
    }
}

/// The eight purposes, each with what it covers.
pub fn purposes() -> Vec<Choice> {
    Purpose::ALL
        .iter()
        .map(|&p| Choice {
            value: p.as_str(),
            label: Box::new(move |l| texts::purpose(l, p).to_string()),
            hint: Some(Box::new(move |l| texts::purpose_hint(l, p).to_string())),
        })
        .collect()
}

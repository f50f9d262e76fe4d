//! The back link of every screen but the first.

use leptos::prelude::*;

use super::tr;
use crate::flow::{self, Flow, Step};
use crate::i18n::*;
use crate::state::Store;

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

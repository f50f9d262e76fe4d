//! The screens that are not in the first load: the questions after the first, and the
//! result. Each is a split point: the build (tools/split.mjs) moves the code only they reach
//! into a wasm module of its own, and these functions fetch it on their first call. The
//! page fetches both modules once its first question is painted ([`fetch`]), as part of
//! its load, so that no answer waits for them; the service worker keeps them with the
//! app's other files.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::flow::Step;
use crate::result::ResultScreen;
use crate::steps::{CheckScreen, DetailsScreen, PassportScreen, PurposeScreen, TripScreen};
use crate::widgets::fetched;

/// A question after the first, or the check of the answers.
#[wasm_split(questions, wasm_split_path = ::leptos::wasm_split, preload(preload_questions), fallible)]
fn question(step: Step) -> Result<AnyView, SplitLoaderError> {
    Ok(match step {
        Step::Purpose => view! { <PurposeScreen /> }.into_any(),
        Step::Passport => view! { <PassportScreen /> }.into_any(),
        Step::Trip => view! { <TripScreen /> }.into_any(),
        Step::Details => view! { <DetailsScreen /> }.into_any(),
        _ => view! { <CheckScreen /> }.into_any(),
    })
}

/// The result.
#[wasm_split(result, wasm_split_path = ::leptos::wasm_split, preload(preload_result), fallible)]
fn result() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ResultScreen /> }.into_any())
}

/// The screen for `step` after the first question.
pub fn later_screen(step: Step) -> impl IntoView {
    match step {
        Step::Result => fetched(result).into_any(),
        _ => fetched(move || question(step)).into_any(),
    }
}

/// The page's root says where the later screens' code stands (`data-parts`: `loading`,
/// `ready` or `failed`), for tests and hosts; the page works the same without it.
fn mark(state: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-parts", state);
    }
}

/// The page says at once that the later screens' code is on its way ([`fetch`] fetches it).
pub fn on_the_way() {
    mark("loading");
}

/// Fetches both modules, unasked, the next screen's first. A failure here is met again, and
/// said, where a screen needs its module.
pub fn fetch() {
    leptos::task::spawn_local(async {
        let questions = preload_questions().await;
        let result = preload_result().await;
        mark(if questions.is_ok() && result.is_ok() { "ready" } else { "failed" });
    });
}

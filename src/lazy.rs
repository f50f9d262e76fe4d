//! What is not in the first load: the rules, the questions after the first, and the result.
//! Each is a split point: the build (tools/split.mjs) moves the code and the data only they
//! reach into a wasm module of its own, and these functions fetch it on their first call.
//! The page fetches the three modules once its first question is painted ([`fetch`]), as
//! part of its load, so that no answer waits for them; the service worker keeps them with
//! the app's other files.

use std::future::Future;
use std::pin::Pin;

use kzvisa_rules::Rules;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::flow::Step;
use crate::result::ResultScreen;
use crate::state;
use crate::steps::{CheckScreen, DetailsScreen, PassportScreen, PurposeScreen, TripScreen};
use crate::widgets::fetched;

/// The rules, decoded: their bytes and their decoder are reached from here alone (and from
/// [`joined`]), so they are in this module (src/state/rules.rs).
#[wasm_split(rules, wasm_split_path = ::leptos::wasm_split, fallible)]
fn decoded() -> Result<&'static Rules, SplitLoaderError> {
    Ok(state::decode())
}

/// The rules joined to the words of the law, if these fit them (src/state/words.rs).
#[wasm_split(rules, wasm_split_path = ::leptos::wasm_split, fallible)]
fn joined(words: Vec<u8>) -> Result<Option<Rules>, SplitLoaderError> {
    Ok(state::with_words(&words))
}

/// Fetches the rules' module and decodes them (given to [`state::set_loader`]).
pub fn load_rules() -> Pin<Box<dyn Future<Output = Option<&'static Rules>>>> {
    Box::pin(async { decoded().await.ok() })
}

/// Joins the words to the rules in the rules' module (given to [`state::fetch_words`]).
pub fn join_words(words: Vec<u8>) -> Pin<Box<dyn Future<Output = Option<Rules>>>> {
    Box::pin(async move { joined(words).await.ok().flatten() })
}

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

/// The screen for `step` after the first question, once the rules and its code are here.
pub fn later_screen(step: Step) -> impl IntoView {
    fetched(move || async move {
        state::arrive().await?;
        match step {
            Step::Result => result().await.ok(),
            _ => question(step).await.ok(),
        }
    })
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

/// Fetches the three modules, unasked, in the order a traveller needs them. A failure here
/// is met again, and said, where a screen needs its module.
pub fn fetch() {
    leptos::task::spawn_local(async {
        let rules = state::arrive().await;
        let questions = preload_questions().await;
        let result = preload_result().await;
        mark(if rules.is_some() && questions.is_ok() && result.is_ok() { "ready" } else { "failed" });
    });
}

//! What is not in the first load: the rules, the questions after the first, and the result.
//! Each is a split point: the build (xtask/src/wasm.rs) moves the code and the data only they
//! reach into a wasm module of its own, fetched with its integrity pinned by the split's
//! loader. The page fetches the three modules and the words of the law once its first
//! question is painted ([`fetch`]), as part of its load, so that no answer waits for them;
//! the service worker keeps them with the app's other files. Each is a resource that comes
//! later (src/state/later.rs), which a screen waits for through widgets/fetched.rs.

use std::future::Future;
use std::pin::Pin;

use kzvisa_rules::Rules;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::flow::Step;
use crate::result::ResultScreen;
use crate::state::{self, later, Later, RULES, WORDS};
use crate::steps::{CheckScreen, DetailsScreen, PassportScreen, PurposeScreen, TripScreen};
use crate::widgets::fetched;

type Fetch<T> = Pin<Box<dyn Future<Output = Option<&'static T>>>>;

thread_local! {
    /// The code of the questions after the first and of the check screen.
    static QUESTIONS: Later<()> = Later::new("questions");
    /// The code of the result.
    static RESULT: Later<()> = Later::new("result");
    /// All that comes after the first question: the rules and the two modules of code.
    static PARTS: Later<()> = Later::new("parts");
}

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

/// What fetches each resource, given as the page starts.
pub fn set_loaders() {
    fn rules() -> Fetch<Rules> {
        Box::pin(async { decoded().await.ok() })
    }
    // Joined in the rules' module; kept for the page's life, as the rules are.
    fn words() -> Fetch<Rules> {
        Box::pin(async {
            let joined = joined(state::fetch_words().await?).await.ok().flatten()?;
            Some(&*Box::leak(Box::new(joined)))
        })
    }
    fn questions() -> Fetch<()> {
        Box::pin(async { preload_questions().await.ok().map(|()| &()) })
    }
    fn result() -> Fetch<()> {
        Box::pin(async { preload_result().await.ok().map(|()| &()) })
    }
    // In the order a traveller needs them; a failure is met again, and said, where a screen
    // needs what failed.
    fn parts() -> Fetch<()> {
        Box::pin(async {
            let rules = later::arrive(&RULES).await;
            let questions = later::arrive(&QUESTIONS).await;
            let result = later::arrive(&RESULT).await;
            rules.and(questions).and(result)
        })
    }
    later::set_loader(&RULES, rules);
    later::set_loader(&WORDS, words);
    later::set_loader(&QUESTIONS, questions);
    later::set_loader(&RESULT, result);
    later::set_loader(&PARTS, parts);
}

/// The page says at once that what comes later is on its way ([`fetch`] fetches it).
pub fn on_the_way() {
    later::on_the_way(&PARTS);
    later::on_the_way(&WORDS);
}

/// Fetches what comes later, unasked.
pub fn fetch() {
    later::start(&PARTS);
    later::start(&WORDS);
}

/// The screen for `step` after the first question, once the rules and its code are here.
pub fn later_screen(step: Step) -> impl IntoView {
    fetched(move || async move {
        later::arrive(&RULES).await?;
        match step {
            Step::Result => {
                later::arrive(&RESULT).await?;
                result().await.ok()
            }
            _ => {
                later::arrive(&QUESTIONS).await?;
                question(step).await.ok()
            }
        }
    })
}

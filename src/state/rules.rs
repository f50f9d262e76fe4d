//! The rules the engine applies, as the build script checked and encoded them, without
//! their words (words.rs). The traveller's first question needs none of them (it lists the
//! countries from a list the build writes, steps/countries.rs): their bytes and their
//! decoder are in a module of their own (src/lazy.rs), fetched with the later screens once
//! the first question is painted. What the page works out from them (the screen a link
//! opens, the questions it asks) follows their arrival. The group page and the native
//! tests decode them at once.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use kzvisa_rules::Rules;
use leptos::prelude::*;

/// The encoded rules. Only [`decode`] and [`with_words`] read them, so in the traveller's
/// page they are in the module of the split point that calls those.
static RULES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));

static DECODED: OnceLock<Rules> = OnceLock::new();

/// Where the rules stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    Loading,
    Ready,
    Failed,
}

/// What fetches the rules' module and decodes them (src/lazy.rs), set as the page starts.
pub type Loader = fn() -> Pin<Box<dyn Future<Output = Option<&'static Rules>>>>;

static LOADER: OnceLock<Loader> = OnceLock::new();

thread_local! {
    static STATE: ArcRwSignal<Arrival> = ArcRwSignal::new(Arrival::Loading);
}

/// Decodes the rules, once (not checked again: the checks would only add code to the
/// bundle). Unreachable error: the build script decoded and checked these same bytes.
pub fn decode() -> &'static Rules {
    DECODED.get_or_init(|| match Rules::from_checked_binary(RULES) {
        Ok(rules) => rules,
        Err(errors) => panic!("embedded rules are invalid: {errors}"),
    })
}

/// The rules joined to the words of the law, if `words` fit them (words.rs).
pub fn with_words(words: &[u8]) -> Option<Rules> {
    Rules::from_checked_binary_with_words(RULES, words).ok()
}

/// The rules once they are here (tracked: a memo that reads it is worked out again when
/// they come).
pub fn loaded() -> Option<&'static Rules> {
    STATE.with(|s| s.track());
    here()
}

/// Where the rules stand (tracked).
pub fn arrival() -> Arrival {
    STATE.with(|s| s.get())
}

#[cfg(not(any(test, feature = "group-page")))]
fn here() -> Option<&'static Rules> {
    DECODED.get()
}

#[cfg(any(test, feature = "group-page"))]
fn here() -> Option<&'static Rules> {
    Some(decode())
}

/// The rules, for the code that runs only once they are here: the screens after the first
/// question, which src/lazy.rs builds only then.
#[cfg(not(any(test, feature = "group-page")))]
pub fn rules() -> &'static Rules {
    here().expect("a screen that reads the rules is built only once they are here (src/lazy.rs)")
}

/// The rules: the group page and the tests decode them at once.
#[cfg(any(test, feature = "group-page"))]
pub fn rules() -> &'static Rules {
    decode()
}

/// Sets what fetches and decodes the rules (once, as the page starts).
pub fn set_loader(loader: Loader) {
    let _ = LOADER.set(loader);
}

/// The rules, fetched and decoded if they are not here yet; `None` if they cannot be had,
/// which [`arrival`] then says.
pub async fn arrive() -> Option<&'static Rules> {
    if let Some(rules) = here() {
        return Some(rules);
    }
    let load = LOADER.get().copied()?;
    set(Arrival::Loading);
    let rules = load().await;
    set(if rules.is_some() { Arrival::Ready } else { Arrival::Failed });
    rules
}

/// Changes where the rules stand (only on a change: what reads it is not worked out again
/// for nothing).
fn set(arrival: Arrival) {
    STATE.with(|s| {
        if s.get_untracked() != arrival {
            s.set(arrival);
        }
    });
}

/// Runs `then` with the rules: at once if they are here, else once they have come. If they
/// cannot be had, [`arrival`] says so and `then` never runs: the screen that asked offers
/// to try again.
pub fn with_rules(then: impl FnOnce(&'static Rules) + 'static) {
    match here() {
        Some(rules) => then(rules),
        None => leptos::task::spawn_local(async move {
            if let Some(rules) = arrive().await {
                then(rules);
            }
        }),
    }
}

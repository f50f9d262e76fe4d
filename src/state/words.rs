//! The words of the law (each citation's quote and its translations, the doubts, the acts'
//! titles) are most of the rules' bytes, and the first question needs none of them: they
//! come in a file of their own (named by build.rs, which also pins its integrity), fetched
//! once the app is on screen as part of the page's load, never on a traveller's answer. The
//! service worker keeps it with the app's other files. Until it is here, and if it cannot be had, a result still shows
//! each line, its act and clause, and says that the quoted words are missing.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use kzvisa_rules::Rules;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the words stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    Loading,
    Ready,
    Failed,
}

impl Words {
    fn as_str(self) -> &'static str {
        match self {
            Words::Loading => "loading",
            Words::Ready => "ready",
            Words::Failed => "failed",
        }
    }
}

thread_local! {
    static STATE: ArcRwSignal<Words> = ArcRwSignal::new(Words::Loading);
}

/// The rules joined to their words, once these are here.
static JOINED: OnceLock<Rules> = OnceLock::new();

/// Where the words stand (tracked: a view that reads it follows their arrival).
pub fn words() -> Words {
    STATE.with(|s| s.get())
}

/// The rules with their words once these are here, else without (tracked, as [`words`]).
pub fn legal() -> &'static Rules {
    match (words(), JOINED.get()) {
        (Words::Ready, Some(joined)) => joined,
        _ => super::rules(),
    }
}

/// The page's root says where the words stand (`data-words`), for styles and tests.
fn set(state: Words) {
    if let Some(root) = document().document_element() {
        // The attribute is a convenience: without it the page works the same.
        let _ = root.set_attribute("data-words", state.as_str());
    }
    STATE.with(|s| s.set(state));
}

/// The file's bytes, from the app's own folder (the service worker's copy when offline), if
/// they are the ones `integrity` names.
async fn fetch(name: &str, integrity: &str) -> Result<Vec<u8>, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_integrity(integrity);
    let response: web_sys::Response =
        JsFuture::from(window().fetch_with_str_and_init(name, &init)).await?.dyn_into()?;
    if !response.ok() {
        return Err(JsValue::NULL);
    }
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The page says at once that the words are on their way ([`fetch_words`] fetches them).
pub fn load_words() {
    set(Words::Loading);
}

/// What joins the words' bytes to the rules, if they fit them ([`super::with_words`], called
/// in the rules' module in the traveller's page, src/lazy.rs).
pub type Joiner = fn(Vec<u8>) -> Pin<Box<dyn Future<Output = Option<Rules>>>>;

/// Fetches the words, once, and joins them to the rules with `join`.
pub fn fetch_words(join: Joiner) {
    const NAME: &str = env!("KZVISA_WORDS");
    const INTEGRITY: &str = env!("KZVISA_WORDS_INTEGRITY");
    leptos::task::spawn_local(async move {
        // Bytes that do not decode or fit these rules count as none: the page says so.
        let joined = match fetch(NAME, INTEGRITY).await {
            Ok(bytes) => join(bytes).await,
            Err(_) => None,
        };
        match joined {
            Some(rules) => {
                // Set once: this is the one load.
                let _ = JOINED.set(rules);
                set(Words::Ready);
            }
            None => {
                leptos::logging::warn!("the words of the law could not be loaded");
                set(Words::Failed);
            }
        }
    });
}

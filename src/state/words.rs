//! The words of the law (each citation's quote and its translations, the doubts, the acts'
//! titles) are most of the rules' bytes, and the first question needs none of them: they
//! come in a file of their own (named by build.rs, which also pins its integrity), fetched
//! once the app is on screen as part of the page's load, never on a traveller's answer
//! (later.rs). The service worker keeps it with the app's other files. Until it is here, and
//! if it cannot be had, a result still shows each line, its act and clause, and says that
//! the quoted words are missing.

use kzvisa_rules::Rules;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::later::{self, Arrival, Later};

thread_local! {
    /// The rules joined to their words, as these arrive (the loader is src/lazy.rs's: the
    /// joining is done in the rules' module).
    pub static WORDS: Later<Rules> = Later::new("words");
}

/// Where the words stand (tracked: a view that reads it follows their arrival).
pub fn words() -> Arrival {
    later::arrival(&WORDS)
}

/// The file's bytes, from the app's own folder (the service worker's copy when offline), if
/// they are the ones the build pinned; `None` if they cannot be had.
pub async fn fetch_words() -> Option<Vec<u8>> {
    const NAME: &str = env!("KZVISA_WORDS");
    const INTEGRITY: &str = env!("KZVISA_WORDS_INTEGRITY");
    fetch(NAME, INTEGRITY).await.ok()
}

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

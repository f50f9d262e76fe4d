//! A part of the page whose code is not in the first load but in a module of its own
//! (src/lazy.rs): the page fetches those modules once its first question is painted, so
//! this usually finds the code already here and shows the part at once. When it does not,
//! a short note says the part is on its way; if it cannot be had, the part says so next to
//! a button that tries again, and nothing else of the page is lost.

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::*;

use super::{focus_pending, tr};

/// Shows the view `load` brings once its code is here.
pub fn fetched<F>(load: impl Fn() -> F + Send + Sync + 'static) -> impl IntoView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let load = Arc::new(load);
    move || {
        attempt.track();
        let part = load();
        let shown = Suspend::new(async move {
            match part.await {
                Ok(view) => {
                    focus_pending();
                    view
                }
                Err(_) => failed(attempt).into_any(),
            }
        });
        view! { <Suspense fallback=|| view! { <p class="part-loading" role="status">{tr(|l| td_string!(l, app.part_loading))}</p> }>{shown}</Suspense> }
    }
}

/// The part could not be fetched (no connection and no copy kept by the service worker).
fn failed(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="part-failed" role="alert">
            <p>{tr(|l| td_string!(l, app.part_failed))}</p>
            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {tr(|l| td_string!(l, app.part_retry))}
            </button>
        </div>
    }
}

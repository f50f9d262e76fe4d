//! How a screen waits for what comes later (src/state/later.rs): a part of the page whose
//! code is not in the first load but in a module of its own (src/lazy.rs). The page fetches
//! those modules once its first question is painted, so this usually finds the code already
//! here and shows the part at once. When it does not, a short note says the part is on its
//! way; if it cannot be had, the part says so next to a button that tries again, and
//! nothing else of the page is lost.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::Arrival;

use super::{focus_after_update, focus_pending, tr};

type Load = Pin<Box<dyn Future<Output = Option<AnyView>>>>;

/// Shows the view `load` brings once its code is here (`None` if it cannot be had).
pub fn fetched<F>(load: impl Fn() -> F + 'static) -> impl IntoView
where
    F: Future<Output = Option<AnyView>> + 'static,
{
    let state = RwSignal::new(Arrival::Loading);
    let shown = StoredValue::new_local(None::<AnyView>);
    let done = move |result: Option<AnyView>| match result {
        Some(view) => {
            shown.set_value(Some(view));
            state.set(Arrival::Ready);
        }
        None => state.set(Arrival::Failed),
    };
    // Every attempt builds the view under this part's owner, a retry's too (the button that
    // asks for it is gone by then, and its owner with it).
    let owner = Owner::current().unwrap_or_default();
    let start = StoredValue::new_local(move || {
        owner.with(|| {
            let mut part: Load = Box::pin(load());
            // Code already here is shown in this same task, without a note in between.
            match part.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
                Poll::Ready(result) => done(result),
                Poll::Pending => {
                    state.set(Arrival::Loading);
                    leptos::task::spawn_local_scoped(async move {
                        done(part.await);
                        focus_pending();
                    });
                }
            }
        })
    });
    start.with_value(|start| start());
    // The button is gone once pressed: the focus goes to the screen's heading when it shows.
    let retry = move || {
        focus_after_update("main-heading");
        start.with_value(|start| start());
    };
    move || match state.get() {
        // Taken once: the state changes only when an attempt ends.
        Arrival::Ready => shown.try_update_value(Option::take).flatten(),
        Arrival::Loading => Some(
            view! { <p class="part-loading" role="status">{tr(|l| td_string!(l, app.part_loading))}</p> }.into_any(),
        ),
        Arrival::Failed => Some(failed(retry).into_any()),
    }
}

/// The part could not be fetched (no connection and no copy kept by the service worker).
pub fn failed(retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="part-failed" role="alert">
            <p>{tr(|l| td_string!(l, app.part_failed))}</p>
            <button type="button" class="button" on:click=move |_| retry()>
                {tr(|l| td_string!(l, app.part_retry))}
            </button>
        </div>
    }
}

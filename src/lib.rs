//! kzvisa in the browser: the traveller's check (`index.html`) and the group check
//! (`group/index.html`), two pages built from these modules, so that neither carries the
//! other's code. Everything runs here; nothing is sent anywhere.
//!
//! The group page's build (feature `group-page`) leaves out the traveller's page itself
//! ([`start`], its screens' split points in `lazy`): a split point's code is exported from
//! the wasm, so the group page would otherwise carry all of it. What only the traveller's
//! page uses is then unused there, and said so by no warning: the lints run on the whole.
#![cfg_attr(feature = "group-page", allow(dead_code, unused_imports))]

mod app;
mod embed;
mod files;
mod flow;
mod group;
mod kiosk;
#[cfg(not(feature = "group-page"))]
mod lazy;
mod operator;
mod plural;
mod result;
mod scanner;
mod state;
mod steps;
mod texts;
mod widgets;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// Mounts the traveller's check.
#[cfg(not(feature = "group-page"))]
pub fn start() {
    console_error_panic_hook::set_once();
    // While index.html shows its copy of the first question (web/shell.js), the app takes
    // over once that copy has been painted: on a fast device the wasm can be ready before
    // the page's first paint, and the first question would then wait for the app's. Two
    // frames, as a paint is only reported (and counted) a frame after it is made; none when
    // the page has painted already, as it has long before on a slow phone.
    let shown = leptos::prelude::document().document_element().is_some_and(|html| html.has_attribute("data-shell"));
    let painted = leptos::prelude::window().performance().is_some_and(|p| p.get_entries_by_type("paint").length() > 0);
    if shown && !painted {
        after_paint(|| after_paint(mount));
    } else {
        mount();
    }
}

/// Runs `f` after the next frame is painted (a timeout set in an animation frame runs after
/// that frame).
#[cfg(not(feature = "group-page"))]
fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(|| leptos::prelude::set_timeout(f, std::time::Duration::ZERO));
}

#[cfg(not(feature = "group-page"))]
fn mount() {
    // The copy of the first question makes way for the app within the same task, so no
    // frame shows neither or both.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("kzvisa-shell") {
        shell.remove();
    }
    lazy::set_loaders();
    leptos::mount::mount_to_body(app::App);
    // The rules, the code of the screens after the first question, and the words of the
    // law, which no screen needs before a result: fetched after the first question is
    // painted, so that they take nothing from its paint.
    lazy::on_the_way();
    after_paint(lazy::fetch);
}

/// Mounts the group check.
pub fn start_group() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::GroupApp);
}

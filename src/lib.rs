//! kzvisa in the browser: the traveller's check (`index.html`) and the group check
//! (`group/index.html`), two pages built from these modules, so that neither carries the
//! other's code. Everything runs here; nothing is sent anywhere.

mod app;
mod embed;
mod files;
mod flow;
mod group;
mod kiosk;
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
pub fn start() {
    console_error_panic_hook::set_once();
    // The first question index.html drew while this loaded (tools/prerender.mjs) makes way
    // for the app within the same task, so no frame shows neither or both.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("kzvisa-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
    // The words of the law, which no screen needs before a result, and the code of the
    // screens after the first question: fetched after the first question is painted (a
    // timeout set in an animation frame runs after that frame), so that they take nothing
    // from its paint.
    state::load_words();
    lazy::on_the_way();
    leptos::prelude::request_animation_frame(|| {
        leptos::prelude::set_timeout(
            || {
                state::fetch_words();
                lazy::fetch();
            },
            std::time::Duration::ZERO,
        )
    });
}

/// Mounts the group check.
pub fn start_group() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::GroupApp);
}

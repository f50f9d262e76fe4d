//! kzvisa in the browser: the traveller's check (`index.html`) and the group check
//! (`group/index.html`), two pages built from these modules, so that neither carries the
//! other's code. Everything runs here; nothing is sent anywhere.

mod app;
mod embed;
mod files;
mod flow;
mod group;
mod kiosk;
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
    leptos::mount::mount_to_body(app::App);
}

/// Mounts the group check.
pub fn start_group() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::GroupApp);
}

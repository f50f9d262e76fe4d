//! kzvisa in the browser: mounts the app. Everything runs here; nothing is sent anywhere.

mod app;
mod embed;
mod flow;
mod kiosk;
mod plural;
mod result;
mod state;
mod steps;
mod texts;
mod widgets;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

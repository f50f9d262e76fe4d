//! Kiosk mode (`mode=kiosk`): a new person every few minutes. After `idle` seconds without
//! a touch or a key (default 120), a visible countdown; then everything of the last person
//! is cleared: the URL, the screens and their drafts. No history entry is ever made in
//! kiosk mode (see `Store::update`), so the back stack holds no answers either. The result
//! shows a QR code of its link to take away.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{Key, Store};
use crate::widgets::{tr, tr_string};

const DEFAULT_IDLE_SECONDS: u32 = 120;
const DEFAULT_COUNTDOWN_SECONDS: u32 = 20;

/// A bounded whole number of seconds from the URL.
fn seconds(value: Option<&str>, default: u32) -> u32 {
    value.and_then(|v| v.parse::<u32>().ok()).map_or(default, |s| s.clamp(1, 3600))
}

/// Where a kiosk is after `quiet` seconds without a touch or a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// The countdown shows, with these seconds left.
    CountingDown(u32),
    /// Time is up: clear everything.
    Reset,
}

/// The countdown's arithmetic: `idle` quiet seconds, then `countdown` more.
pub fn idle_phase(quiet: f64, idle: u32, countdown: u32) -> Idle {
    let quiet = if quiet.is_finite() { quiet.max(0.0) as u32 } else { 0 };
    match quiet.checked_sub(idle) {
        None => Idle::Active,
        Some(over) if over >= countdown => Idle::Reset,
        Some(over) => Idle::CountingDown(countdown - over),
    }
}

/// What [`use_idle_reset`] watches for, in the shape of leptos-use's hooks.
#[derive(Clone, Copy)]
pub struct UseIdleResetOptions {
    pub idle_seconds: u32,
    pub countdown_seconds: u32,
    /// Called once the countdown has run out.
    pub on_reset: Callback<()>,
}

/// What [`use_idle_reset`] gives back.
#[derive(Clone, Copy)]
pub struct UseIdleResetReturn {
    /// The countdown's seconds left while it shows.
    pub remaining: Signal<Option<u32>>,
    /// Counts as a touch: the countdown stops and the wait starts again.
    pub touched: Callback<()>,
}

/// Watches for inactivity (pointer, key, input, wheel) and counts down to a reset.
pub fn use_idle_reset(options: UseIdleResetOptions) -> UseIdleResetReturn {
    let now = || js_sys::Date::now();
    let last_activity = StoredValue::new(now());
    let remaining = RwSignal::new(None::<u32>);
    let touched = Callback::new(move |()| {
        last_activity.set_value(now());
        if remaining.get_untracked().is_some() {
            remaining.set(None);
        }
    });
    let listeners = [
        window_event_listener(leptos::ev::pointerdown, move |_| touched.run(())),
        window_event_listener(leptos::ev::keydown, move |_| touched.run(())),
        window_event_listener(leptos::ev::input, move |_| touched.run(())),
        window_event_listener(leptos::ev::wheel, move |_| touched.run(())),
    ];
    let tick = move || {
        let quiet = (now() - last_activity.get_value()) / 1000.0;
        match idle_phase(quiet, options.idle_seconds, options.countdown_seconds) {
            Idle::Active => {}
            Idle::CountingDown(left) => remaining.set(Some(left)),
            Idle::Reset => {
                touched.run(());
                options.on_reset.run(());
            }
        }
    };
    let interval = set_interval_with_handle(tick, std::time::Duration::from_millis(500)).ok();
    on_cleanup(move || {
        listeners.into_iter().for_each(|l| l.remove());
        if let Some(i) = interval {
            i.clear();
        }
    });
    UseIdleResetReturn { remaining: remaining.into(), touched }
}

/// The kiosk's idle reset and its countdown notice. `generation` is bumped on a reset so
/// that every screen is built anew, with none of the last person's drafts.
#[component]
pub fn IdleReset(generation: RwSignal<u32>) -> impl IntoView {
    let store = expect_context::<Store>();
    let first_lang = store.param(Key::Lang);
    let (idle, countdown) = store.fragment.with_untracked(|f| {
        (seconds(Key::Idle.read(f), DEFAULT_IDLE_SECONDS), seconds(Key::Countdown.read(f), DEFAULT_COUNTDOWN_SECONDS))
    });
    let on_reset = Callback::new(move |()| {
        store.start_again(first_lang.clone());
        generation.update(|g| *g += 1);
        if let Some(el) = document().active_element() {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.blur();
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    let UseIdleResetReturn { remaining, touched } =
        use_idle_reset(UseIdleResetOptions { idle_seconds: idle, countdown_seconds: countdown, on_reset });
    view! {
        <Show when=move || remaining.get().is_some()>
            <div class="idle-warning" role="alertdialog" aria-modal="false" aria-labelledby="idle-title" aria-live="assertive">
                <p id="idle-title">
                    {tr_string(move |l| crate::texts::plural!(l, i64::from(remaining.get().unwrap_or(0)), kiosk.countdown))}
                </p>
                <button type="button" class="button" on:click=move |_| touched.run(())>{tr(|l| td_string!(l, kiosk.stay))}</button>
            </div>
        </Show>
    }
}

/// A QR code of `link`, drawn as one SVG path, for taking the result away on a phone.
#[component]
pub fn LinkQr(link: String) -> impl IntoView {
    let Ok(code) = qrcodegen::QrCode::encode_binary(link.as_bytes(), qrcodegen::QrCodeEcc::Medium) else {
        return None;
    };
    let width = code.size();
    let quiet = 4; // the light margin scanners need
    let mut path = String::new();
    for y in 0..width {
        for x in (0..width).filter(|x| code.get_module(*x, y)) {
            path.push_str(&format!("M{} {}h1v1h-1z", x + quiet, y + quiet));
        }
    }
    let size = width + 2 * quiet;
    // The link the code holds, for a test or a host to read: the same the share button gives.
    Some(view! {
        <figure class="qr" data-link=link>
            <svg viewBox=format!("0 0 {size} {size}") width="240" height="240" role="img" aria-labelledby="qr-caption" shape-rendering="crispEdges">
                <rect width=size.to_string() height=size.to_string() fill="#ffffff" />
                <path d=path fill="#000000" />
            </svg>
            <figcaption id="qr-caption">{tr(|l| td_string!(l, kiosk.qr))}</figcaption>
        </figure>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_follows_the_quiet_time() {
        assert_eq!(idle_phase(0.0, 120, 20), Idle::Active);
        assert_eq!(idle_phase(119.9, 120, 20), Idle::Active);
        assert_eq!(idle_phase(120.0, 120, 20), Idle::CountingDown(20));
        assert_eq!(idle_phase(130.5, 120, 20), Idle::CountingDown(10));
        assert_eq!(idle_phase(139.0, 120, 20), Idle::CountingDown(1));
        assert_eq!(idle_phase(140.0, 120, 20), Idle::Reset);
        assert_eq!(idle_phase(1e9, 120, 20), Idle::Reset);
        // A clock set back, or nonsense, is no time at all.
        assert_eq!(idle_phase(-5.0, 120, 20), Idle::Active);
        assert_eq!(idle_phase(f64::NAN, 120, 20), Idle::Active);
    }

    #[test]
    fn idle_times_are_bounded() {
        assert_eq!(seconds(Some("0"), 120), 1);
        assert_eq!(seconds(Some("99999"), 120), 3600);
        assert_eq!(seconds(Some("abc"), 120), 120);
        assert_eq!(seconds(None, 120), 120);
    }
}

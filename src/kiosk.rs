//! Kiosk mode (`mode=kiosk`): a new person every few minutes. After `idle` seconds without
//! a touch or a key (default 120), a visible countdown; then everything of the last person
//! is cleared: the URL, the screens and their drafts. No history entry is ever made in
//! kiosk mode, so the back stack holds no answers either; nothing is ever stored.

use kzvisa_rules::url::Fragment;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{set_other, Store};
use crate::widgets::{tr, tr_string};

/// Parameters that describe the kiosk or the host page itself (display mode, timers,
/// theme), kept across a reset and when the traveller starts again.
const KIOSK_PARAMS: [&str; 4] = ["mode", "idle", "countdown", "theme"];
const DEFAULT_IDLE_SECONDS: u32 = 120;
const DEFAULT_COUNTDOWN_SECONDS: u32 = 20;

/// A bounded whole number of seconds from the URL.
fn seconds(f: &Fragment, key: &str, default: u32) -> u32 {
    f.other(key).and_then(|v| v.parse::<u32>().ok()).map_or(default, |s| s.clamp(1, 3600))
}

pub fn is_kiosk(f: &Fragment) -> bool {
    f.other("mode") == Some("kiosk")
}

/// The fragment a fresh session starts from: no answers, the kiosk's or host's own
/// settings, and `lang` (a kiosk's first language after a reset; the current one when the
/// traveller starts again).
pub fn fresh(f: &Fragment, lang: Option<String>) -> Fragment {
    let mut clean = Fragment::default();
    for key in KIOSK_PARAMS {
        set_other(&mut clean, key, f.other(key).map(str::to_string));
    }
    set_other(&mut clean, "lang", lang);
    clean
}

/// The result's link to take away: the case and the language, none of the kiosk's settings.
pub fn take_away_link(f: &Fragment) -> String {
    let mut own = f.clone();
    for key in KIOSK_PARAMS.iter().chain(&["step", "from"]) {
        set_other(&mut own, key, None);
    }
    let location = window().location();
    let here = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    format!("{here}#{}", own.to_fragment())
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Watches for inactivity and shows the countdown; `generation` is bumped on a reset so
/// that every screen is built anew, with none of the last person's drafts.
#[component]
pub fn IdleReset(generation: RwSignal<u32>) -> impl IntoView {
    let store = expect_context::<Store>();
    let first_lang = store.fragment.with_untracked(|f| f.other("lang").map(str::to_string));
    let last_activity = StoredValue::new(now_ms());
    let remaining = RwSignal::new(None::<u32>);

    let touched = move || {
        last_activity.set_value(now_ms());
        if remaining.get_untracked().is_some() {
            remaining.set(None);
        }
    };
    let listeners = [
        window_event_listener(leptos::ev::pointerdown, move |_| touched()),
        window_event_listener(leptos::ev::keydown, move |_| touched()),
        window_event_listener(leptos::ev::input, move |_| touched()),
        window_event_listener(leptos::ev::wheel, move |_| touched()),
    ];
    let reset = move || {
        let clean = store.fragment.with_untracked(|f| fresh(f, first_lang.clone()));
        store.update(false, |f| *f = clean);
        remaining.set(None);
        last_activity.set_value(now_ms());
        generation.update(|g| *g += 1);
        if let Some(el) = document().active_element() {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.blur();
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let tick = set_interval_with_handle(
        move || {
            let (idle, countdown) = store.fragment.with_untracked(|f| {
                (seconds(f, "idle", DEFAULT_IDLE_SECONDS), seconds(f, "countdown", DEFAULT_COUNTDOWN_SECONDS))
            });
            let quiet = ((now_ms() - last_activity.get_value()) / 1000.0).max(0.0) as u32;
            if quiet >= idle + countdown {
                reset();
            } else if quiet >= idle {
                remaining.set(Some(idle + countdown - quiet));
            }
        },
        std::time::Duration::from_millis(500),
    )
    .ok();
    on_cleanup(move || {
        for l in listeners {
            l.remove();
        }
        if let Some(t) = tick {
            t.clear();
        }
    });

    view! {
        <Show when=move || remaining.get().is_some()>
            <div class="idle-warning" role="alertdialog" aria-modal="false" aria-labelledby="idle-title" aria-live="assertive">
                <p id="idle-title">
                    {tr_string(move |l| {
                        let n = i64::from(remaining.get().unwrap_or(0));
                        crate::texts::plural!(l, n, kiosk.countdown)
                    })}
                </p>
                <button type="button" class="button" on:click=move |_| touched()>{tr(|l| td_string!(l, kiosk.stay))}</button>
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
    Some(view! {
        <figure class="qr">
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
    fn a_reset_keeps_only_the_kiosk_settings() {
        let f = Fragment::parse(
            "nationality=DE&passport.expires=2031-01-01&mode=kiosk&idle=60&theme=%23112233&lang=ru&step=trip",
        );
        let clean = fresh(&f, Some("kk".into()));
        assert_eq!(clean.to_fragment(), "mode=kiosk&idle=60&theme=%23112233&lang=kk");
        assert_eq!(clean.case, kzvisa_rules::RawCase::default());
    }

    #[test]
    fn idle_times_are_bounded() {
        assert_eq!(seconds(&Fragment::parse("idle=0"), "idle", 120), 1);
        assert_eq!(seconds(&Fragment::parse("idle=99999"), "idle", 120), 3600);
        assert_eq!(seconds(&Fragment::parse("idle=abc"), "idle", 120), 120);
    }
}

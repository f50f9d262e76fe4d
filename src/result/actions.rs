//! What a traveller does with a result: print it, put its dates in a calendar, send its
//! link to a phone or a friend, or start again. A kiosk offers only print and the QR code
//! (its files and clipboard would stay behind for the next person).

use kzvisa_rules::ics::{self, Dated, Words};
use kzvisa_rules::Assessment;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::*;
use crate::state::{is_kiosk, result_link, use_lang, Key, Store};
use crate::texts;
use crate::widgets::tr;

#[component]
pub fn Actions(assessment: Assessment) -> impl IntoView {
    let store = expect_context::<Store>();
    let kiosk = store.fragment.with_untracked(is_kiosk);
    let has_dates = !ics::dated(&assessment).is_empty();
    view! {
        <div class="actions no-print">
            <button type="button" class="button" on:click=|_| { let _ = window().print(); }>
                {tr(|l| td_string!(l, result.print))}
            </button>
            {(!kiosk && has_dates).then(|| view! { <CalendarButton assessment=assessment /> })}
            {(!kiosk).then(|| view! { <ShareLink /> })}
            <button type="button" class="button secondary" on:click=move |_| {
                // A kiosk stays a kiosk, an embedded app keeps its host's look.
                store.start_again(store.param(Key::Lang));
            }>
                {tr(|l| td_string!(l, app.start_again))}
            </button>
        </div>
    }
}

/// Saves the dated deadlines and steps as an iCalendar file, worded in the page's language.
#[component]
fn CalendarButton(assessment: Assessment) -> impl IntoView {
    let lang = use_lang();
    let save = move |_| {
        let l = lang.get_untracked();
        let words = Words { lang: l.as_str(), name: td_string!(l, result.calendar_name) };
        let summary = |d: &Dated<'_>| match d {
            Dated::Deadline(d) => texts::deadline(l, d),
            Dated::Step(s) => texts::step(l, s),
        };
        let file = ics::write(&assessment, &words, utc_now(), summary);
        crate::files::save("kazakhstan-trip.ics", "text/calendar;charset=utf-8", &file);
    };
    view! {
        <button type="button" class="button secondary" data-action="calendar" on:click=save>
            {tr(|l| td_string!(l, result.calendar))}
        </button>
    }
}

/// The browser's clock in UTC, for the calendar's `DTSTAMP`.
fn utc_now() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    let date =
        chrono::NaiveDate::from_ymd_opt(now.get_utc_full_year() as i32, now.get_utc_month() + 1, now.get_utc_date());
    date.and_then(|d| d.and_hms_opt(now.get_utc_hours(), now.get_utc_minutes(), now.get_utc_seconds()))
        .unwrap_or_default()
}

/// What became of the last attempt to pass the link on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Passed {
    Not,
    Copied,
    /// Neither the share sheet nor the clipboard took it: the link is shown to copy by hand.
    Shown,
}

/// "Share" where the browser has a share sheet (phones), else "Copy link". The link is the
/// result's own: the case and the language, none of a kiosk's or a host page's settings.
#[component]
fn ShareLink() -> impl IntoView {
    let store = expect_context::<Store>();
    let link = Memo::new(move |_| store.fragment.with(result_link));
    let passed = RwSignal::new(Passed::Not);
    let sheet = method("share").is_some();
    let pass_on = move |_| {
        let link = link.get_untracked();
        let handed = if sheet { share(&link) } else { copy(&link) };
        match handed {
            Some(promise) => settle(&promise, passed),
            None => passed.set(Passed::Shown),
        }
    };
    let (action, label): (&str, fn(Locale) -> &'static str) = if sheet {
        ("share", |l| td_string!(l, result.share))
    } else {
        ("copy-link", |l| td_string!(l, result.copy_link))
    };
    view! {
        <button type="button" class="button secondary" data-action=action on:click=pass_on>{tr(label)}</button>
        {link_note()}
        <p class="share-status" role="status">
            {move || (passed.get() == Passed::Copied && !sheet).then(|| tr(|l| td_string!(l, result.link_copied)))}
        </p>
        <Show when=move || passed.get() == Passed::Shown>
            <label class="share-fallback">
                {tr(|l| td_string!(l, result.copy_by_hand))}
                <input type="text" readonly class="input" prop:value=move || link.get()
                    on:focus=|e| { if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select(); } } />
            </label>
        </Show>
    }
}

/// What the result's link carries, said beside what hands it on (the share button, a kiosk's
/// QR code): the answers, and the date of birth only where the verdict needs it.
pub fn link_note() -> impl IntoView {
    let store = expect_context::<Store>();
    let birth = store.fragment.with_untracked(|f| crate::state::result_fragment(f).case.birth_date.is_some());
    let text: fn(Locale) -> &'static str =
        if birth { |l| td_string!(l, result.link_holds_birth) } else { |l| td_string!(l, result.link_holds) };
    view! { <p class="link-note hint">{tr(text)}</p> }
}

/// `navigator[name]`, if the browser has that method.
fn method(name: &str) -> Option<js_sys::Function> {
    let navigator: JsValue = window().navigator().into();
    js_sys::Reflect::get(&navigator, &name.into()).ok()?.dyn_into().ok()
}

/// Calls `navigator[name](argument)`, which returns a promise.
fn call(name: &str, argument: &JsValue) -> Option<js_sys::Promise> {
    let navigator: JsValue = window().navigator().into();
    method(name)?.call1(&navigator, argument).ok()?.dyn_into().ok()
}

/// Opens the share sheet with the link.
fn share(link: &str) -> Option<js_sys::Promise> {
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"url".into(), &link.into()).ok()?;
    call("share", &data)
}

/// Writes the link to the clipboard, where the browser allows it (a secure page, and the
/// host's permission in a frame).
fn copy(link: &str) -> Option<js_sys::Promise> {
    let navigator: JsValue = window().navigator().into();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into().ok()?;
    write.call1(&clipboard, &link.into()).ok()?.dyn_into().ok()
}

/// Records how the share sheet or the clipboard answered: done, cancelled by the traveller
/// (nothing to say), or refused (the link is shown to copy by hand). Plain `then` callbacks,
/// not futures: an async executor would be the largest part of this feature's code.
fn settle(promise: &js_sys::Promise, passed: RwSignal<Passed>) {
    let done = Closure::once_into_js(move |_: JsValue| passed.set(Passed::Copied));
    let failed = Closure::once_into_js(move |e: JsValue| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
        passed.set(if name.as_deref() == Some("AbortError") { Passed::Not } else { Passed::Shown });
    });
    let then = js_sys::Reflect::get(promise, &"then".into()).ok().and_then(|t| t.dyn_into::<js_sys::Function>().ok());
    if let Some(then) = then {
        let _ = then.call2(promise, &done, &failed);
    }
}

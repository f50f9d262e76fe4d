//! The app: the language, the screen the URL asks for, and the frame around it.

use leptos::prelude::*;

use crate::embed::{self, Host};
use crate::flow::{self, Checked, Flow, Step};
use crate::i18n::*;
#[cfg(not(feature = "group-page"))]
use crate::lazy;
use crate::operator;
use crate::state::{browser_locale, is_kiosk, loaded, use_lang, Key, Lang, ShownErrors, Store};
use crate::steps::NationalityScreen;
use crate::texts;
use crate::widgets::{focus_after_update, focus_by_id, tr};
use kzvisa_rules::url::Fragment;

/// What every page of the app sets up: the URL's state, the language (the URL's, else the
/// browser's, written into the URL so links keep it), the host page if embedded, its look,
/// and whether the screen shows errors.
fn provide_page() -> (Store, Host) {
    let store = Store::new();
    provide_context(store);
    let shown = ShownErrors(RwSignal::new(false));
    provide_context(shown);
    let lang = Lang::new(store);
    provide_context(lang);
    let host = embed::detect();
    provide_context(host.clone());
    embed::report_height(host.clone());
    Effect::new(move |_| {
        store.fragment.with(|f| embed::apply_display(Key::Theme.read(f), Key::Mode.read(f)));
    });
    if untrack(|| store.locale()).is_none() {
        let chosen = browser_locale();
        store.update(false, |f| Key::Lang.write(f, Some(chosen.as_str().to_string())));
    }
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().as_str());
        }
    });

    (store, host)
}

/// The window's title follows the screen (`screen`, in the page's language) and its errors.
fn title_follows(screen: impl Fn(Locale) -> String + 'static) {
    let (lang, shown) = (use_lang(), expect_context::<ShownErrors>());
    Effect::new(move |_| {
        let l = lang.get();
        document().set_title(&texts::page_title(l, &screen(l), shown.0.get()));
    });
}

/// Who runs the check (operator.toml), at the foot of every page and on paper. `root` leads
/// from the page to the build's root, where `public/` is.
fn operator_block(root: &'static str) -> impl IntoView {
    view! {
        <div class="operator">
            <p class="operator-name">
                {operator::logo().map(|src| view! { <img class="operator-logo" src=format!("{root}{src}") alt="" /> })}
                {tr(|l| td_string!(l, app.run_by))} " " <strong>{tr(operator::name)}</strong>
            </p>
            {operator::contact().map(|c| view! { <p class="operator-contact">{tr(|l| td_string!(l, app.contact))} " " <span class="url">{c}</span></p> })}
            <p class="operator-privacy">{tr(operator::privacy)}</p>
            <details class="operator-accessibility no-print">
                <summary>{tr(|l| td_string!(l, app.accessibility))}</summary>
                <p>{tr(operator::accessibility)}</p>
            </details>
        </div>
    }
}

/// The frame of every page: skip link, update notice, header with the languages, the page's
/// `<main>`, and the footer (`more`: the page's own links there).
#[component]
fn Frame(
    children: Children,
    #[prop(optional)] more: Option<AnyView>,
    #[prop(default = "")] root: &'static str,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            focus_by_id("main-heading");
        }>{tr(|l| td_string!(l, app.skip))}</a>
        <UpdateBanner />
        <header class="header">
            <div class="container header-inner">
                <p class="brand">{tr(|l| td_string!(l, app.title))}</p>
                <LanguageSwitch />
            </div>
        </header>
        {children()}
        <footer class="footer">
            <div class="container">
                {operator_block(root)}
                {more}
            </div>
        </footer>
    }
}

/// The traveller's check: one question per screen, then the result.
#[cfg(not(feature = "group-page"))]
#[component]
pub fn App() -> impl IntoView {
    let (store, host) = provide_page();
    // The group check is a page of its own (its code is not in this one's first load).
    if store.fragment.with_untracked(|f| Key::View.read(f) == Some("group")) {
        let fragment = store.fragment.with_untracked(Fragment::to_fragment);
        let _ = window().location().replace(&format!("group/#{fragment}"));
    }
    // Worked out again when the rules come (src/state/rules.rs); none is needed for the
    // first question.
    let checked = Memo::new(move |_| loaded().map(|rules| Checked::of(rules, &store.case())).unwrap_or_default());
    let errors = Memo::new(move |_| checked.with(|c| c.errors.clone()));
    let needs = Memo::new(move |_| checked.with(|c| c.needs));
    let asked = move || store.fragment.with(|f| Key::Step.read(f).and_then(Step::parse));
    let current = Memo::new(move |_| match loaded() {
        Some(_) => errors.with(|e| flow::current(asked(), e, needs.get())),
        None => store.fragment.with(|f| flow::before_rules(asked(), &f.case)),
    });
    title_follows(move |l| texts::screen(l, current.get()).to_string());
    provide_context(Flow { needs, errors });
    provide_context(crate::scanner::listen(store));
    let generation = RwSignal::new(0u32);
    let kiosk = Memo::new(move |_| store.fragment.with(is_kiosk));

    // A new screen: its heading takes the focus, so keyboard and screen-reader users start there.
    Effect::new(move |previous: Option<Step>| {
        let now = current.get();
        if previous.is_some_and(|p| p != now) {
            focus_after_update("main-heading");
        }
        now
    });
    let group_link = move || {
        (!kiosk.get()).then(|| {
            let lang = store.param(Key::Lang).unwrap_or_default();
            view! {
                <p class="no-print">
                    <a href=format!("group/#lang={lang}")>{tr(|l| td_string!(l, group.open))}</a>
                </p>
            }
        })
    };
    view! {
        <Frame more=group_link.into_any()>
            <Show when=move || kiosk.get()>
                <crate::kiosk::IdleReset generation=generation />
            </Show>
            <main id="main" class="container" data-step=move || current.get().as_str()>
                {move || match (&host, current.get(), generation.get()) {
                    (Host::Refused(_), _, _) => view! { <RefusedHost /> }.into_any(),
                    (_, Step::Nationality, _) => view! { <NationalityScreen /> }.into_any(),
                    (_, step, _) => lazy::later_screen(step).into_any(),
                }}
            </main>
        </Frame>
    }
}

/// The group check's page (`group/`): one trip, many travellers.
#[component]
pub fn GroupApp() -> impl IntoView {
    let (_, host) = provide_page();
    title_follows(|l| td_string!(l, group.heading).to_string());
    let screen = move || match &host {
        Host::Refused(_) => view! { <RefusedHost /> }.into_any(),
        _ => view! { <crate::group::GroupScreen /> }.into_any(),
    };
    view! {
        <Frame root="../">
            <main id="main" class="container" data-step="group">{screen}</main>
        </Frame>
    }
}

/// The three languages, each in its own name, on every screen.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let store = expect_context::<Store>();
    let lang = use_lang();
    let choice = move |l: Locale, name: &'static str| {
        view! {
            <li>
                <button
                    type="button"
                    class="lang"
                    lang=l.as_str()
                    aria-pressed=move || (lang.get() == l).to_string()
                    on:click=move |_| store.update(false, |f| Key::Lang.write(f, Some(l.as_str().to_string())))
                >
                    {name}
                </button>
            </li>
        }
    };
    view! {
        <nav class="languages" aria-label=move || td_string!(lang.get(), app.language)>
            <ul>{choice(Locale::en, "English")}{choice(Locale::ru, "Русский")}{choice(Locale::kk, "Қазақша")}</ul>
        </nav>
    }
}

/// "A new version is ready": shown when the service worker has installed a new build
/// (it waits until the traveller accepts, so an answer in progress is never cut off).
#[component]
fn UpdateBanner() -> impl IntoView {
    let waiting = js_sys::Reflect::get(&window(), &"kzvisaUpdate".into()).is_ok_and(|w| !w.is_undefined());
    let ready = RwSignal::new(waiting);
    let listener = window_event_listener_untyped("kzvisa-update-ready", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let apply = |_| {
        if let Ok(event) = web_sys::CustomEvent::new("kzvisa-apply-update") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner no-print" role="status">
                <div class="container">
                    {tr(|l| td_string!(l, update.ready))} " "
                    <button type="button" class="button" on:click=apply>{tr(|l| td_string!(l, update.apply))}</button>
                </div>
            </div>
        </Show>
    }
}

/// Shown instead of the app inside a page whose site the operator has not allowed.
#[component]
fn RefusedHost() -> impl IntoView {
    view! {
        <h1 id="main-heading" tabindex="-1" data-refused="true">{tr(|l| td_string!(l, embed.refused))}</h1>
    }
}

//! The app's state is the URL fragment, as the contract gives it: every answer, the
//! language and the screen live there, so reload, back/forward, bookmarks and shared links
//! all work, and nothing is stored anywhere else or sent anywhere.

use kzvisa_rules::url::Fragment;
use kzvisa_rules::RawCase;
use leptos::prelude::*;

use crate::flow::Step;
use crate::i18n::Locale;

mod keys;
pub mod later;
mod rules;
mod words;

pub use keys::{is_kiosk, result_fragment, Key};
pub use later::{Arrival, Later};
pub use rules::{decode, loaded, rules, with_words, RULES};
pub use words::{fetch_words, words, WORDS};

/// The shared state: the fragment as a signal, kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct Store {
    pub fragment: RwSignal<Fragment>,
    /// The browser's local date, the default `today` of a case.
    pub today: StoredValue<String>,
}

fn read_hash() -> Fragment {
    let hash = window().location().hash().unwrap_or_default();
    Fragment::parse(&hash)
}

/// Today's local date as `YYYY-MM-DD`, from the browser's clock.
fn local_today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

impl Store {
    pub fn new() -> Self {
        let store = Store { fragment: RwSignal::new(read_hash()), today: StoredValue::new(local_today()) };
        // Back, forward, and edits of the address bar.
        let reread = move || {
            let now = read_hash();
            if store.fragment.with_untracked(|f| *f != now) {
                store.fragment.set(now);
            }
        };
        let on_pop = window_event_listener(leptos::ev::popstate, move |_| reread());
        let on_hash = window_event_listener(leptos::ev::hashchange, move |_| reread());
        on_cleanup(move || {
            on_pop.remove();
            on_hash.remove();
        });
        store
    }

    /// The case with `today` filled in from the browser when the URL does not give it.
    pub fn case(&self) -> RawCase {
        self.fragment.with(|f| self.case_of(f))
    }

    /// The case of `f` (a fragment about to be the URL's) with `today` filled in likewise.
    pub fn case_of(&self, f: &Fragment) -> RawCase {
        let mut case = f.case.clone();
        case.today.get_or_insert_with(|| self.today.get_value());
        case
    }

    /// The case's `today` as the engine will use it.
    pub fn today(&self) -> String {
        self.fragment.with(|f| f.case.today.clone()).unwrap_or_else(|| self.today.get_value())
    }

    /// Changes the fragment. `push` adds a history entry (a new screen); otherwise the
    /// current entry is replaced (a language switch, an answer corrected in place).
    pub fn update(&self, push: bool, change: impl FnOnce(&mut Fragment)) {
        let mut next = self.fragment.get_untracked();
        change(&mut next);
        // A kiosk never adds history: the next person must find no answers behind "back".
        let push = push && !is_kiosk(&next);
        let url = format!("#{}", next.to_fragment());
        if let Ok(history) = window().history() {
            let done = if push {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
            if done.is_err() {
                leptos::logging::warn!("could not update the address");
            }
        }
        self.fragment.set(next);
    }

    /// Shows `step` as a new screen, keeping every answer.
    pub fn go(&self, step: Option<Step>, from_check: bool) {
        self.update(true, |f| {
            Key::Step.write(f, step.map(|s| s.as_str().to_string()));
            Key::From.write(f, from_check.then(|| "check".to_string()));
        });
    }

    /// Whether an answer is being changed from the check screen.
    pub fn changing_from_check(&self) -> bool {
        self.fragment.with(|f| Key::From.read(f) == Some("check"))
    }

    /// Clears every answer for the next traveller, keeping the kiosk's or host page's
    /// settings, in `lang`.
    pub fn start_again(&self, lang: Option<String>) {
        self.update(true, |f| *f = keys::fresh(f, lang));
    }

    /// A parameter of the page, as the URL has it now.
    pub fn param(&self, key: Key) -> Option<String> {
        self.fragment.with(|f| key.read(f).map(str::to_string))
    }

    /// The language in the URL, if it names one of ours.
    pub fn locale(&self) -> Option<Locale> {
        self.fragment.with(|f| Key::Lang.read(f).and_then(locale_from))
    }
}

/// The link to a result, to take away or share: this page with the case and the language,
/// none of the kiosk's or host's settings.
pub fn result_link(f: &Fragment) -> String {
    let location = window().location();
    let here = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    format!("{here}#{}", result_fragment(f).to_fragment())
}

/// The link to the result of the same trip on other dates: what a blocked trip's choices
/// (a shorter stay, a later one) check.
pub fn link_with_trip(f: &Fragment, entry: chrono::NaiveDate, exit: chrono::NaiveDate) -> String {
    let mut changed = f.clone();
    changed.case.trip.entry = Some(entry.to_string());
    changed.case.trip.exit = Some(exit.to_string());
    result_link(&changed)
}

/// Whether the screen shows errors now (its error summary says so), for the window's title.
#[derive(Clone, Copy)]
pub struct ShownErrors(pub RwSignal<bool>);

/// The language every text is shown in: the URL's, else the browser's. leptos_i18n gives
/// the texts (checked at build time); the language itself lives in the URL like every other
/// answer, so the library's context, with its own detection and storage, is not used.
#[derive(Clone, Copy)]
pub struct Lang(Memo<Locale>);

impl Lang {
    /// Follows the store's `lang`, falling back to the browser's language.
    pub fn new(store: Store) -> Self {
        Lang(Memo::new(move |_| store.locale().unwrap_or_else(browser_locale)))
    }

    pub fn get(&self) -> Locale {
        self.0.get()
    }

    pub fn get_untracked(&self) -> Locale {
        self.0.get_untracked()
    }
}

/// The current language, provided by the app's shell.
pub fn use_lang() -> Lang {
    expect_context()
}

pub fn locale_from(tag: &str) -> Option<Locale> {
    match tag.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("en") => Some(Locale::en),
        Some("ru") => Some(Locale::ru),
        Some("kk") => Some(Locale::kk),
        _ => None,
    }
}

/// The first of the browser's preferred languages that we speak, else English.
pub fn browser_locale() -> Locale {
    let languages = window().navigator().languages();
    languages.iter().filter_map(|l| l.as_string()).find_map(|l| locale_from(&l)).unwrap_or(Locale::en)
}

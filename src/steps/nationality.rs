//! Nationality: a searchable list of countries (`countries.rs` finds them), or the
//! passport's machine-readable zone in its place (`mrz.rs`).

use kzvisa_rules::url::Fragment;
use kzvisa_rules::InputError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::countries::{find, search, typed_choice, Listed};
use super::Question;
use crate::flow::Step;
use crate::i18n::*;
use crate::state::{is_kiosk, use_lang, Store};
use crate::widgets::{tr, tr_signal, TextInput, TextKind};

/// How many matches are listed at once: enough to choose from, few enough to scan.
const SHOWN: usize = 8;

/// What the search has found, said as it changes.
fn match_status(l: Locale, chosen: Option<String>, query: &str, found: usize) -> String {
    let name = |code: &str| find(code).map(|c| c.name(l));
    match (chosen, found) {
        (Some(code), _) => {
            name(&code).map(|n| td_string!(l, nationality.chosen, name = n).to_string()).unwrap_or_default()
        }
        (None, 0) if !query.trim().is_empty() => td_string!(l, nationality.none).to_string(),
        (None, 0) => String::new(),
        (None, n) => crate::texts::plural!(l, i64::try_from(n).unwrap_or(i64::MAX), nationality.matches),
    }
}

/// Moves the focus through the matches with the arrow keys, as a list of options does:
/// down from the search box to the first, up from the first back to the box, Escape back
/// to the box.
fn arrows(ev: leptos::ev::KeyboardEvent) {
    let Ok(buttons) = document().query_selector_all("#nationality-matches button") else { return };
    let focused = document().active_element();
    let is_focused = |i: u32| {
        buttons.item(i).is_some_and(|b| focused.as_ref().is_some_and(|f| b.unchecked_ref::<web_sys::Element>() == f))
    };
    let at = (0..buttons.length()).find(|&i| is_focused(i));
    let target = match (ev.key().as_str(), at) {
        ("ArrowDown", None) if buttons.length() > 0 => Some(0),
        ("ArrowDown", Some(i)) => Some((i + 1).min(buttons.length() - 1)),
        ("ArrowUp", Some(0)) | ("Escape", Some(_)) => None,
        ("ArrowUp", Some(i)) => Some(i - 1),
        _ => return,
    };
    ev.prevent_default();
    let element = match target {
        Some(i) => buttons.item(i).map(|b| b.unchecked_into::<web_sys::HtmlElement>()),
        None => document().get_element_by_id("nationality").map(|e| e.unchecked_into::<web_sys::HtmlElement>()),
    };
    if let Some(e) = element {
        let _ = e.focus();
    }
}

/// The search box, what it found, and the matches to pick from.
fn country_search(
    query: RwSignal<String>,
    chosen: RwSignal<Option<String>>,
    errors: RwSignal<Vec<InputError>>,
) -> impl IntoView {
    let lang = use_lang();
    let matches = Memo::new(move |_| query.with(|q| search(q)));
    let choose = move |c: &'static Listed| {
        chosen.set(Some(c.code.to_string()));
        query.set(c.name(lang.get_untracked()).to_string());
    };
    let status = move || query.with(|q| match_status(lang.get(), chosen.get(), q, matches.with(Vec::len)));
    view! {
        <TextInput field="nationality" label=tr_signal(|l| td_string!(l, nationality.label))
            hint=tr_signal(|l| td_string!(l, nationality.hint)) value=query errors=errors
            kind=TextKind::Search controls="nationality-matches" on_input=Callback::new(move |_| chosen.set(None))
            on_key=Callback::new(arrows)>
            <p class="match-status" role="status" aria-live="polite">{status}</p>
            <ul class="matches" id="nationality-matches" on:keydown=arrows>
                <For each=move || matches.get().into_iter().take(SHOWN) key=|c| c.code let:country>
                    <li>
                        <button type="button" class="match" data-code=country.code
                            aria-pressed=move || (chosen.get().as_deref() == Some(country.code)).to_string()
                            on:click=move |_| choose(country)>
                            {move || country.name(lang.get())}
                            <span class="code">{format!(" {}", country.alpha3)}</span>
                        </button>
                    </li>
                </For>
            </ul>
        </TextInput>
    }
}

#[component]
pub fn NationalityScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let lang = use_lang();
    let errors = RwSignal::new(Vec::new());
    let chosen = RwSignal::new(store.fragment.with_untracked(|f| f.case.nationality.clone()));
    let name_of = move |code: &str| find(code).map(|c| c.name(lang.get_untracked()).to_string());
    let query = RwSignal::new(chosen.get_untracked().map(|c| name_of(&c).unwrap_or(c)).unwrap_or_default());
    let apply = Callback::new(move |mut f: Fragment| {
        // Typed but not picked (a passport reader types the code and Enter): the country
        // meant, if that is beyond doubt; else the text, which the list then explains.
        let picked =
            chosen.get_untracked().or_else(|| query.with_untracked(|q| typed_choice(q)).map(|c| c.code.to_string()));
        f.case.nationality = picked.or_else(|| Some(query.get_untracked()).filter(|q| !q.trim().is_empty()));
        f
    });
    let mrz = RwSignal::new(String::new());
    let kiosk = store.fragment.with_untracked(is_kiosk);
    super::countries::prepare();
    view! {
        <Question step=Step::Nationality heading=tr_signal(|l| td_string!(l, nationality.heading)) apply=apply errors=errors
            before=Callback::new(move |()| super::mrz::take(store, mrz, errors))>
            <p class="lead">{tr(|l| td_string!(l, app.tagline))}</p>
            {kiosk.then(|| view! { <p class="scan-note">{tr(|l| td_string!(l, nationality.scan))}</p> })}
            {country_search(query, chosen, errors)}
            <super::mrz::MrzField text=mrz errors=errors />
        </Question>
    }
}

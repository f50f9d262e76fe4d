//! The parts every screen is built from: texts in the current language, one widget per kind
//! of field (text, date, choice), the error summary and messages, the sources of a line.
//! Everything a user types is rendered as text (Leptos escapes it); nothing is ever
//! inserted as HTML.

use std::cell::RefCell;

use kzvisa_rules::InputError;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_lang;
use crate::texts;

mod back;
mod choice;
mod date;
mod errors;
mod fetched;
mod sources;
mod text;

pub use back::BackLink;
pub use choice::{Choice, Radios};
pub use date::{DateInput, DateParts};
pub use errors::{ErrorMessage, ErrorSummary};
pub use fetched::{failed as part_failed, fetched};
pub use sources::{doubt_text, missing_words, Sources};
pub use text::{TextInput, TextKind};

/// A fixed text in the current language. Every text of the app goes through `tr` or
/// `tr_string`, so that the framework's rendering code is instantiated for these two
/// closure types rather than once per text (a large part of the bundle otherwise).
pub fn tr(text: fn(Locale) -> &'static str) -> impl IntoView {
    let lang = use_lang();
    move || text(lang.get())
}

/// A text in the current language built from values (dates, counts, names).
pub fn tr_string(text: impl Fn(Locale) -> String + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let text: Box<dyn Fn(Locale) -> String + Send + Sync> = Box::new(text);
    move || text(lang.get())
}

/// A fixed text in the current language as a signal, for the props that take one
/// (headings, legends).
pub fn tr_signal(text: fn(Locale) -> &'static str) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || text(lang.get()).to_string())
}

/// The message of the first error of `field`, in the current language.
pub fn field_error(errors: RwSignal<Vec<InputError>>, field: impl Into<String>) -> Signal<Option<String>> {
    let lang = use_lang();
    let field: String = field.into();
    Signal::derive(move || {
        errors.with(|list| {
            list.iter()
                // The field itself or a part of it (`previous_stays[0]`, `passport.expires`).
                .find(|e| {
                    e.field
                        .strip_prefix(field.as_str())
                        .is_some_and(|rest| matches!(rest.bytes().next(), None | Some(b'[' | b'.')))
                })
                .map(|e| texts::input_error(lang.get(), e.code).to_string())
        })
    })
}

/// The element id an error's field is answered in, for links from the error summary.
pub fn field_id(field: &str) -> String {
    let id: String = field.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    id.trim_matches('-').replace("--", "-")
}

/// A field's `aria-describedby`: its hint, and its error while it has one; none without either.
fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let error = error.get().map(|_| error_id.clone());
        let ids: Vec<String> = hint_id.iter().cloned().chain(error).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// Focuses the element with `id`; false if there is none.
pub fn focus_by_id(id: &str) -> bool {
    let Some(el) = document().get_element_by_id(id) else { return false };
    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
    true
}

/// Focuses the element with `id` once the page shows the change just made (a new screen,
/// an error summary); a screen whose code is still on its way ([`fetched`]) takes it when it
/// arrives.
pub fn focus_after_update(id: impl Into<String>) {
    let id = id.into();
    PENDING_FOCUS.with(|p| p.borrow_mut().take());
    request_animation_frame(move || {
        if !focus_by_id(&id) {
            PENDING_FOCUS.with(|p| *p.borrow_mut() = Some(id));
        }
    });
}

thread_local! {
    /// The element the last focus request found missing, as a screen still on its way.
    static PENDING_FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Gives the focus asked for before a part's code was here to that part, now shown.
fn focus_pending() {
    if let Some(id) = PENDING_FOCUS.with(|p| p.borrow_mut().take()) {
        focus_after_update(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_ids_are_safe_element_ids() {
        assert_eq!(field_id("passport.expires"), "passport-expires");
        assert_eq!(field_id("previous_stays[1].exit"), "previous_stays-1-exit");
        assert_eq!(field_id("group_csv"), "group_csv");
    }
}

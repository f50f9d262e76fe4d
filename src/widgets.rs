//! Small form parts shared by the screens. Everything a user types is rendered as text
//! (Leptos escapes it); nothing is ever inserted as HTML.

use kzvisa_rules::data::model::Cite;
use kzvisa_rules::{InputError, Rules};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_lang;
use crate::texts;

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

/// The three parts of a date as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    /// Splits an ISO date (or whatever the URL held) into parts for editing.
    pub fn from_value(value: Option<&str>) -> Self {
        let Some(value) = value else { return Self::default() };
        let mut parts = value.splitn(3, '-');
        let (year, month, day) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let trim = |s: &str| s.trim_start_matches('0').to_string();
        DateParts { day: trim(day), month: trim(month), year: year.to_string() }
    }

    /// The date as the engine reads it; `None` when nothing was typed. Digits are padded
    /// (`7` → `07`); anything else is passed on for the engine to refuse with a message.
    pub fn to_value(&self) -> Option<String> {
        let (d, m, y) = (self.day.trim(), self.month.trim(), self.year.trim());
        if d.is_empty() && m.is_empty() && y.is_empty() {
            return None;
        }
        let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
        if digits(d) && digits(m) && digits(y) {
            Some(format!("{y:0>4}-{m:0>2}-{d:0>2}"))
        } else {
            Some(format!("{y}-{m}-{d}"))
        }
    }
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

/// A message next to a field, announced with it.
#[component]
pub fn ErrorMessage(id: String, message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <p class="error-message" id=id.clone()>
                <span class="visually-hidden">{tr(|l| td_string!(l, app.error_prefix))} " "</span>
                {move || message.get().unwrap_or_default()}
            </p>
        </Show>
    }
}

/// A date as three numeric fields (day, month, year), as GOV.UK asks for dates: it works
/// with any keyboard, shows a number pad on phones, and lets impossible dates be explained.
#[component]
pub fn DateInput(
    /// The field's id in the contract (`passport.expires`); element ids derive from it.
    #[prop(into)]
    field: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    value: RwSignal<DateParts>,
    /// The screen's input errors; this field shows its own.
    errors: RwSignal<Vec<InputError>>,
) -> impl IntoView {
    let lang = use_lang();
    let error = field_error(errors, field.clone());
    let base = field_id(&field);
    let (hint_id, error_id) = (format!("{base}-hint"), format!("{base}-error"));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = vec![hint_id.clone()];
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let part = move |name: &'static str, label: fn(Locale) -> &'static str, width: &'static str| {
        let id = format!("{}-{name}", base);
        let get = move || {
            value.with(|v| match name {
                "day" => v.day.clone(),
                "month" => v.month.clone(),
                _ => v.year.clone(),
            })
        };
        let set = move |text: String| {
            value.update(|v| match name {
                "day" => v.day = text,
                "month" => v.month = text,
                _ => v.year = text,
            })
        };
        view! {
            <div class="date-part">
                <label for=id.clone()>{tr(label)}</label>
                <input
                    id=id
                    class=format!("input {width}")
                    class:input-error=move || error.get().is_some()
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength=if name == "year" { "4" } else { "2" }
                    prop:value=get
                    on:input=move |ev| set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <fieldset class="field" class:field-error=move || error.get().is_some() role="group" aria-describedby=described>
            <legend class="label">{move || legend.get()}</legend>
            <p class="hint" id=hint_id>
                {move || hint.map(|h| h.get()).unwrap_or_else(|| td_string!(lang.get(), date.hint).to_string())}
            </p>
            <ErrorMessage id=error_id message=error />
            <div class="date-input">
                {part("day", |l| td_string!(l, date.day), "w2")}
                {part("month", |l| td_string!(l, date.month), "w2")}
                {part("year", |l| td_string!(l, date.year), "w4")}
            </div>
        </fieldset>
    }
}

/// The error summary at the top of a screen, linking to each field; focused on a failed submit.
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<InputError>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title"
            style:display=move || if errors.with(Vec::is_empty) { "none" } else { "block" }>
            <h2 id="error-summary-title">{tr(|l| td_string!(l, app.error_title))}</h2>
            <ul>
                {move || errors.get().into_iter().map(|e| {
                    let href = format!("#{}", field_id(&e.field));
                    let text = texts::input_error(lang.get(), e.code);
                    view! { <li><a href=href data-field=e.field.clone() on:click=focus_target>{text}</a></li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Follows an error link without touching the URL's fragment (which holds the answers):
/// focuses the first control inside the target.
fn focus_target(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let Some(link) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return;
    };
    let id = link.get_attribute("href").unwrap_or_default().trim_start_matches('#').to_string();
    // A date's first part, or the control with the field's id.
    if !focus_by_id(&format!("{id}-day")) {
        focus_by_id(&id);
    }
}

/// Focuses the element with `id`; false if there is none.
pub fn focus_by_id(id: &str) -> bool {
    let Some(el) = document().get_element_by_id(id) else { return false };
    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
    true
}

/// Focuses the element with `id` once the page shows the change just made (a new screen,
/// an error summary).
pub fn focus_after_update(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        focus_by_id(&id);
    });
}

/// "Where this comes from": the clause and words of each citation, and any doubt the
/// data record, shown on request.
#[component]
pub fn Sources(cites: Vec<Cite>, #[prop(default = None)] doubt: Option<String>) -> impl IntoView {
    let rules: &'static Rules = crate::state::rules();
    view! {
        <details class="sources">
            <summary>{tr(|l| td_string!(l, result.sources))}</summary>
            <ul>
                {cites.into_iter().map(|c| {
                    let title = rules.source(&c.doc).map(|s| s.title.clone()).unwrap_or_default();
                    let doc = c.doc.clone();
                    view! {
                        <li>
                            <p class="source-title">
                                <strong>{tr_string(move |l| td_string!(l, result.source, id = doc.clone()).to_string())}</strong>
                                ": " {title} " — " {c.clause}
                            </p>
                            <blockquote>{c.quote}</blockquote>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {doubt.map(|d| view! {
                <p class="doubt"><strong>{tr(|l| td_string!(l, result.doubt))} ": "</strong>{d}</p>
            })}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_parts_round_trip_and_pad() {
        let parts = DateParts { day: "7".into(), month: "3".into(), year: "2031".into() };
        assert_eq!(parts.to_value().as_deref(), Some("2031-03-07"));
        assert_eq!(DateParts::from_value(Some("2031-03-07")), parts);
        assert_eq!(DateParts::default().to_value(), None);
        let typo = DateParts { day: "3O".into(), month: "3".into(), year: "2031".into() };
        assert_eq!(typo.to_value().as_deref(), Some("2031-3-3O"), "passed on for the engine to refuse");
    }

    #[test]
    fn field_ids_are_safe_element_ids() {
        assert_eq!(field_id("passport.expires"), "passport-expires");
        assert_eq!(field_id("previous_stays[1].exit"), "previous_stays-1-exit");
    }
}

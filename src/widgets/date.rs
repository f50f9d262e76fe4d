//! A date as three numeric fields (day, month, year), as GOV.UK asks for dates: it works
//! with any keyboard, shows a number pad on phones, and lets impossible dates be explained.

use chrono::Datelike;
use kzvisa_rules::InputError;
use leptos::prelude::*;

use super::{described_by, field_error, field_id, ErrorMessage};
use crate::i18n::*;
use crate::state::use_lang;

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

    fn get(&self, part: Part) -> &str {
        match part {
            Part::Day => &self.day,
            Part::Month => &self.month,
            Part::Year => &self.year,
        }
    }

    fn part(&mut self, part: Part) -> &mut String {
        match part {
            Part::Day => &mut self.day,
            Part::Month => &mut self.month,
            Part::Year => &mut self.year,
        }
    }
}

/// One of the three fields of a date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Day,
    Month,
    Year,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Day => "day",
            Part::Month => "month",
            Part::Year => "year",
        }
    }

    fn label(self, l: Locale) -> &'static str {
        match self {
            Part::Day => td_string!(l, date.day),
            Part::Month => td_string!(l, date.month),
            Part::Year => td_string!(l, date.year),
        }
    }
}

/// One part of a date: its label and its field (`{base}-day`, ...). A plain function, not a
/// component: in the browser build every component's view is boxed, and this one is
/// drawn for every date on every screen.
fn date_part(base: &str, part: Part, value: RwSignal<DateParts>, error: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let id = format!("{base}-{}", part.name());
    let (width, length) = if part == Part::Year { ("w4", "4") } else { ("w2", "2") };
    view! {
        <div class="date-part">
            <label for=id.clone()>{move || part.label(lang.get())}</label>
            <input
                id=id
                class=format!("input {width}")
                class:input-error=move || error.get().is_some()
                inputmode="numeric"
                autocomplete="off"
                maxlength=length
                prop:value=move || value.with(|v| v.get(part).to_string())
                on:input=move |ev| value.update(|v| *v.part(part) = event_target_value(&ev))
            />
        </div>
    }
}

/// A date as three numeric fields, with its legend, hint and error.
#[component]
pub fn DateInput(
    /// The field's id in the contract (`passport.expires`); element ids derive from it.
    #[prop(into)]
    field: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    /// The example's distance from today in days, as the field's date would be: in the past
    /// for a past event (an earlier stay, the passport's issue), ahead for a coming one.
    #[prop(optional)]
    example_days: Option<i64>,
    value: RwSignal<DateParts>,
    /// The screen's input errors; this field shows its own.
    errors: RwSignal<Vec<InputError>>,
) -> impl IntoView {
    let lang = use_lang();
    let store = expect_context::<crate::state::Store>();
    let today = kzvisa_rules::date::parse_iso(&store.today()).ok();
    let example = today.map(|t| kzvisa_rules::date::shift(t, example_days.unwrap_or(5 * 365)));
    let example = example.map(|d| format!("{} {} {}", d.day(), d.month(), d.year())).unwrap_or_default();
    let error = field_error(errors, field.clone());
    let base = field_id(&field);
    let (hint_id, error_id) = (format!("{base}-hint"), format!("{base}-error"));
    let described = described_by(Some(hint_id.clone()), error_id.clone(), error);
    let hint = move || {
        let example = td_string!(lang.get(), date.hint, date = example.as_str()).to_string();
        match hint {
            Some(h) => format!("{} {example}", h.get()),
            None => example,
        }
    };
    view! {
        <fieldset class="field" class:field-error=move || error.get().is_some() role="group"
            aria-describedby=described>
            <legend class="label">{move || legend.get()}</legend>
            <p class="hint" id=hint_id>{hint}</p>
            <ErrorMessage id=error_id message=error />
            <div class="date-input">
                {[Part::Day, Part::Month, Part::Year]
                    .map(|part| date_part(&base, part, value, error))}
            </div>
        </fieldset>
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
}

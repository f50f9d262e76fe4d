//! The passport's machine-readable zone, typed, pasted or scanned, as a shortcut for the
//! nationality, the date of birth and the expiry. Only those three are kept: the MRZ itself
//! (name, document number) lives in this field alone, never in the URL.

use kzvisa_rules::url::Fragment;
use kzvisa_rules::{InputError, Rules};
use leptos::prelude::*;

use crate::flow::{self, Checked, Step};
use crate::i18n::*;
use crate::scanner::Scanned;
use crate::state::{Key, Store};
use crate::widgets::{tr_signal, TextInput, TextKind};

/// The fragment with what a valid MRZ gives, and the screen of the next unanswered
/// question (the check screen when none is left); or the MRZ's error.
pub fn apply_mrz(rules: &Rules, text: &str, f: &Fragment, today: &str) -> Result<Fragment, InputError> {
    let today = kzvisa_rules::date::parse_iso(today)
        .map_err(|_| InputError::new("today", kzvisa_rules::InputErrorCode::InvalidDate, "not a date"))?;
    let mrz = kzvisa_rules::mrz::read(text, today, rules).map_err(|e| e.to_input_error())?;
    let mut next = f.clone();
    next.case.nationality = Some(mrz.nationality);
    next.case.birth_date = Some(mrz.birth_date.to_string());
    next.case.passport.expires = Some(mrz.expires.to_string());
    Key::From.write(&mut next, None);
    let mut case = next.case.clone();
    case.today.get_or_insert(today.to_string());
    let Checked { errors, needs } = Checked::of(rules, &case);
    let target = match flow::current(None, &errors, needs) {
        Step::Result => Step::Check,
        step => step,
    };
    Key::Step.write(&mut next, Some(target.as_str().to_string()));
    Ok(next)
}

/// The `mrz` field. `take` reads it on submit: true when it held an MRZ (taken, or its
/// error shown), so the screen's own answer is not read.
#[component]
pub fn MrzField(text: RwSignal<String>, errors: RwSignal<Vec<InputError>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let scanned = expect_context::<Scanned>();
    // A reader's scan arrives here, wherever it was made, and is taken at once.
    Effect::new(move |_| {
        if let Some(mrz) = scanned.0.get() {
            scanned.0.set(None);
            text.set(mrz);
            take(store, text, errors);
        }
    });
    view! {
        <TextInput field="mrz" label=tr_signal(|l| td_string!(l, nationality.mrz))
            hint=tr_signal(|l| td_string!(l, nationality.mrz_hint)) value=text errors=errors
            kind=TextKind::Lines { rows: 3 } class="mrz-input" />
    }
}

/// Takes the MRZ in the field, if any: the next question, or its error in the summary (once
/// the rules are here, which a scan made as the page opens may wait for).
pub fn take(store: Store, text: RwSignal<String>, errors: RwSignal<Vec<InputError>>) -> bool {
    let mrz = text.get_untracked();
    if mrz.trim().is_empty() {
        return false;
    }
    super::answer(store, errors, move |rules| {
        let next = store.fragment.with_untracked(|f| apply_mrz(rules, &mrz, f, &store.today())).map_err(|e| vec![e])?;
        text.set(String::new());
        Ok(next)
    });
    true
}

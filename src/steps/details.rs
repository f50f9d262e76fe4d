//! The details that change the answer for some travellers only: the date of birth when
//! fingerprints are due from an age, earlier stays when a days-in-window or yearly limit
//! applies: what the engine says the case needs.

use kzvisa_rules::case::RawStay;
use kzvisa_rules::url::Fragment;
use kzvisa_rules::InputError;
use leptos::prelude::*;

use super::Question;
use crate::flow::{Flow, Step};
use crate::i18n::*;
use crate::state::{use_lang, Store};
use crate::texts::Noun;
use crate::widgets::{focus_after_update, tr, tr_signal, tr_string, DateInput, DateParts};
use kzvisa_rules::Needs;

/// One earlier stay being edited; `key` keeps rows stable while others are removed.
#[derive(Clone, Copy)]
struct StayRow {
    key: usize,
    entry: RwSignal<DateParts>,
    exit: RwSignal<DateParts>,
}

/// What earlier stays count for, in the regime's own numbers.
fn stays_hint(l: Locale, needs: Needs) -> String {
    let days = |n: u32| crate::texts::count(l, Noun::Days, i64::from(n));
    match (needs.window, needs.year_days) {
        (Some(w), _) => td_string!(l, details.stays_hint, limit = days(w.max), window = days(w.days)).to_string(),
        (None, Some(year)) => td_string!(l, details.stays_hint_year, limit = days(year)).to_string(),
        (None, None) => String::new(),
    }
}

/// One earlier stay: its dates and a way to remove it. `i` is its place in the list, which
/// names its fields as the engine's errors do.
fn stay(i: usize, row: StayRow, rows: RwSignal<Vec<StayRow>>, errors: RwSignal<Vec<InputError>>) -> impl IntoView {
    let lang = use_lang();
    let field = |part: &str| format!("previous_stays[{i}].{part}");
    let remove = move |_| {
        rows.update(|r| r.retain(|x| x.key != row.key));
        focus_after_update("add-stay");
    };
    view! {
        <div class="stay" data-stay=(i + 1).to_string()>
            <h3 class="stay-title">{move || td_string!(lang.get(), details.stay, n = i + 1).to_string()}</h3>
            <DateInput field=field("entry") legend=tr_signal(|l| td_string!(l, details.stay_entry)) example_days=-120 value=row.entry errors=errors />
            <DateInput field=field("exit") legend=tr_signal(|l| td_string!(l, details.stay_exit)) example_days=-106 value=row.exit errors=errors />
            <button type="button" class="button secondary" on:click=remove>
                {move || td_string!(lang.get(), details.remove_stay, n = i + 1).to_string()}
            </button>
        </div>
    }
}

/// The earlier stays, one after another, and a way to add one.
fn earlier_stays(
    needs: Needs,
    rows: RwSignal<Vec<StayRow>>,
    new_row: Callback<RawStay, StayRow>,
    errors: RwSignal<Vec<InputError>>,
) -> impl IntoView {
    // Stays keyed by position too: a stay after a removed one is built again with its new
    // number, so that its fields' names and ids match the errors the engine reports (the
    // values live in the row and are kept).
    let numbered = move || rows.get().into_iter().enumerate().collect::<Vec<_>>();
    let add = move |_| {
        let n = rows.with(Vec::len);
        rows.update(|r| r.push(new_row.run(RawStay::default())));
        // Straight to the new stay's first field.
        focus_after_update(format!("previous_stays-{n}-entry-day"));
    };
    view! {
        <section class="stays" aria-labelledby="stays-title">
            <h2 id="stays-title" class="label">{tr(|l| td_string!(l, details.stays))}</h2>
            <p class="hint">{tr_string(move |l| stays_hint(l, needs))}</p>
            <For each=numbered key=|(i, row): &(usize, StayRow)| (row.key, *i)
                children=move |(i, row): (usize, StayRow)| stay(i, row, rows, errors) />
            <button type="button" class="button secondary add-stay" id="add-stay" on:click=add>
                {tr(|l| td_string!(l, details.add_stay))}
            </button>
        </section>
    }
}

#[component]
pub fn DetailsScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let lang = use_lang();
    let errors = RwSignal::new(Vec::new());
    let needs = expect_context::<Flow>().needs.get_untracked();
    let birth =
        RwSignal::new(DateParts::from_value(store.fragment.with_untracked(|f| f.case.birth_date.clone()).as_deref()));
    let next_key = StoredValue::new(0usize);
    let new_row = Callback::new(move |stay: RawStay| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        StayRow {
            key,
            entry: RwSignal::new(DateParts::from_value(stay.entry.as_deref())),
            exit: RwSignal::new(DateParts::from_value(stay.exit.as_deref())),
        }
    });
    let stays = store.fragment.with_untracked(|f| f.case.previous_stays.clone());
    let rows = RwSignal::new(stays.into_iter().map(|s| new_row.run(s)).collect::<Vec<_>>());
    let apply = Callback::new(move |mut f: Fragment| {
        if needs.birth_date.is_some() {
            f.case.birth_date = birth.get_untracked().to_value();
        }
        if needs.previous_stays {
            let stay = |r: &StayRow| RawStay {
                entry: r.entry.get_untracked().to_value(),
                exit: r.exit.get_untracked().to_value(),
            };
            f.case.previous_stays =
                rows.get_untracked().iter().map(stay).filter(|s| s.entry.is_some() || s.exit.is_some()).collect();
        }
        f
    });
    let age_hint = Signal::derive(move || {
        let l = lang.get();
        let age = crate::texts::count(l, Noun::Years, needs.birth_date.unwrap_or_default());
        td_string!(l, details.birth_date_hint, age = age).to_string()
    });
    view! {
        <Question step=Step::Details heading=tr_signal(|l| td_string!(l, details.heading)) apply=apply errors=errors>
            {needs.birth_date.is_some().then(|| view! {
                <DateInput field="birth_date" legend=tr_signal(|l| td_string!(l, details.birth_date)) hint=age_hint example_days=-35 * 365 value=birth errors=errors />
            })}
            {needs.previous_stays.then(|| earlier_stays(needs, rows, new_row, errors))}
        </Question>
    }
}

//! Trip: the day of arrival, the day of leaving, and where the border is crossed.

use kzvisa_rules::url::Fragment;
use kzvisa_rules::EntryPoint;
use leptos::prelude::*;

use super::Question;
use crate::flow::Step;
use crate::i18n::*;
use crate::state::Store;
use crate::texts;
use crate::widgets::{tr_signal, Choice, DateInput, DateParts, Radios};

#[component]
pub fn TripScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let errors = RwSignal::new(Vec::new());
    let t = store.fragment.with_untracked(|f| f.case.trip.clone());
    let entry = RwSignal::new(DateParts::from_value(t.entry.as_deref()));
    let exit = RwSignal::new(DateParts::from_value(t.exit.as_deref()));
    let point = RwSignal::new(t.entry_point.clone());
    let apply = Callback::new(move |mut f: Fragment| {
        f.case.trip.entry = entry.get_untracked().to_value();
        f.case.trip.exit = exit.get_untracked().to_value();
        f.case.trip.entry_point = point.get_untracked();
        f
    });
    let choices = entry_points();
    view! {
        <Question
            step=Step::Trip
            heading=tr_signal(|l| td_string!(l, trip.heading))
            apply=apply
            errors=errors
        >
            <DateInput
                field="trip.entry"
                legend=tr_signal(|l| td_string!(l, trip.entry))
                example_days=30
                value=entry
                errors=errors
            />
            <DateInput
                field="trip.exit"
                legend=tr_signal(|l| td_string!(l, trip.exit))
                example_days=44
                value=exit
                errors=errors
            />
            <Radios
                field="trip.entry_point"
                legend=tr_signal(|l| td_string!(l, trip.entry_point))
                choices=choices
                value=point
                errors=errors
            />
        </Question>
    }
}

/// The ways into the country.
pub fn entry_points() -> Vec<Choice> {
    EntryPoint::ALL
        .iter()
        .map(|&e| Choice {
            value: e.as_str(),
            label: Box::new(move |l| texts::entry_point(l, e).to_string()),
            hint: None,
        })
        .collect()
}

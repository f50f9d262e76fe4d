//! "About these rules": every text and act the data rest on, with its date in force, how
//! sure we are of it and where it was read. Addresses are shown as text, never as links:
//! a kiosk must not leave the app, and a traveller can copy them.

use kzvisa_rules::data::model::Source;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::rules;
use crate::texts;
use crate::widgets::{tr, tr_string};

fn source_item(s: &'static Source) -> impl IntoView {
    view! {
        <li data-source=s.id.clone() data-confidence=s.confidence.as_str()>
            <p class="source-title">
                <strong>{tr_string(move |l| texts::act(l, s))}</strong>
                {s.in_force.map_or_else(
                    || view! { " — " {tr(|l| td_string!(l, result.in_force_unknown))} }.into_any(),
                    |d| view! { " — " {tr_string(move |l| td_string!(l, result.in_force, date = texts::date(l, d)).to_string())} }.into_any(),
                )}
                " (" {tr_string(move |l| texts::confidence(l, s.confidence).to_string())} ")"
            </p>
            <p lang=s.language.clone()>{s.title.clone()}</p>
            {s.url.clone().map(|url| view! {
                <p class="source-url">
                    <span class="url">{url}</span>
                    {s.seen.map(|d| view! { " — " {tr_string(move |l| td_string!(l, result.seen, date = texts::date(l, d)).to_string())} })}
                </p>
            })}
        </li>
    }
}

#[component]
pub fn AboutRules() -> impl IntoView {
    let (core, later): (Vec<&'static Source>, Vec<&'static Source>) = rules().sources.iter().partition(|s| s.is_core());
    view! {
        <details class="about-rules">
            <summary>{tr(|l| td_string!(l, result.about))}</summary>
            <h3>{tr(|l| td_string!(l, result.about_core))}</h3>
            <ul class="source-list">{core.into_iter().map(source_item).collect_view()}</ul>
            <h3>{tr(|l| td_string!(l, result.about_acts))}</h3>
            <ul class="source-list">{later.into_iter().map(source_item).collect_view()}</ul>
        </details>
    }
}

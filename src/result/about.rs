//! The texts a result rests on, named once at its end ("Sources"), and "About these rules":
//! every text and act of the data, with its date in force, how sure we are of it and where it
//! was read. Addresses are shown as text, never as links: a kiosk must not leave the app,
//! and a traveller can copy them.

use kzvisa_rules::data::model::Source;
use kzvisa_rules::Assessment;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{legal, rules};
use crate::texts;
use crate::widgets::{tr, tr_string};

/// A text's name and date in force, and (`full`) how sure we are of it.
fn source_heading(s: &'static Source, full: bool) -> impl IntoView {
    view! {
        <strong>{tr_string(move |l| texts::act(l, s))}</strong>
        // The five texts carry no date in force of their own: nothing is missing there.
        {match (s.in_force, s.is_core()) {
            (Some(d), _) => Some(view! { " — " {tr_string(move |l| td_string!(l, result.in_force, date = texts::date(l, d)).to_string())} }.into_any()),
            (None, false) => Some(view! { " — " {tr(|l| td_string!(l, result.in_force_unknown))} }.into_any()),
            (None, true) => None,
        }}
        {full.then(|| view! { " (" {tr_string(move |l| texts::confidence(l, s.confidence).to_string())} ")" })}
    }
}

/// One line for a result's "Sources": name, date, address.
fn source_line(s: &'static Source) -> impl IntoView {
    view! {
        <li data-source=s.id.clone()>
            {source_heading(s, false)}
            {s.url.clone().map(|url| view! { " — " <span class="url">{url}</span> })}
        </li>
    }
}

fn source_item(s: &'static Source) -> impl IntoView {
    // The title in the act's own words comes with the words of the law (state/words.rs).
    let title = move || {
        let title = legal().source(&s.id).map(|s| s.title.clone()).filter(|t| !t.is_empty())?;
        Some(view! { <p lang=s.language.clone()>{title}</p> })
    };
    view! {
        <li data-source=s.id.clone() data-confidence=s.confidence.as_str()>
            <p class="source-title">{source_heading(s, true)}</p>
            {title}
            {s.url.clone().map(|url| view! {
                <p class="source-url">
                    <span class="url">{url}</span>
                    {s.seen.map(|d| view! { " — " {tr_string(move |l| td_string!(l, result.seen, date = texts::date(l, d)).to_string())} })}
                </p>
            })}
        </li>
    }
}

/// The sources of every line of the result, each once, in the data's order (the five texts
/// first, then the later acts).
fn cited(a: &Assessment) -> Vec<&'static Source> {
    let lines = a.documents.iter().chain(&a.steps).map(|l| &l.sources);
    let ids: Vec<&String> = a
        .basis
        .sources
        .iter()
        .chain(a.issues.iter().flat_map(|i| &i.sources))
        .chain(a.deadlines.iter().flat_map(|d| &d.sources))
        .chain(lines.flatten())
        .collect();
    rules().sources.iter().filter(|s| ids.contains(&&s.id)).collect()
}

/// "Sources": each text this result cites, by its name, date and address.
pub fn result_sources(a: &Assessment) -> impl IntoView {
    view! {
        <section class="result-sources" aria-labelledby="result-sources">
            <h2 id="result-sources">{tr(|l| td_string!(l, result.sources_heading))}</h2>
            <p class="no-print">{tr(|l| td_string!(l, result.sources_marker))}</p>
            // Folded on screen, where a traveller in a hurry needs it least; printed open.
            <details class="source-texts">
                <summary>{tr(|l| td_string!(l, result.sources_texts))}</summary>
                <ul class="source-lines">{cited(a).into_iter().map(source_line).collect_view()}</ul>
            </details>
        </section>
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

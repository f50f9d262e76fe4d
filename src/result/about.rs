//! The texts a result rests on, named once at its end ("Sources"), with the notes the data
//! record on them, and "About these rules": every text and act of the data, with its date in
//! force, how sure we are of it and where it was read. Addresses are links that open in a
//! new tab with no referrer, except on a kiosk, which must not leave the app: there they are
//! text.

use chrono::NaiveDate;
use kzvisa_rules::data::model::Source;
use kzvisa_rules::Assessment;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{rules, words, Arrival};
use crate::texts;
use crate::widgets::{doubt_text, missing_words, tr, tr_string};

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

/// An address: a link outside a kiosk (new tab, no referrer), text on a kiosk, which never
/// leaves the app.
fn address(url: String, links: bool) -> impl IntoView {
    if links {
        let text = url.clone();
        view! { <a class="url" href=url target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
    } else {
        view! { <span class="url">{url}</span> }.into_any()
    }
}

/// One line for a result's "Sources": name, date, address.
fn source_line(s: &'static Source, links: bool) -> impl IntoView {
    view! {
        <li data-source=s.id.clone()>
            {source_heading(s, false)}
            {s.url.clone().map(|url| view! { " — " {address(url, links)} })}
        </li>
    }
}

fn source_item(s: &'static Source, links: bool) -> impl IntoView {
    // The title in the act's own words comes with the words of the law (state/words.rs).
    let title = move || {
        let title = rules().source(&s.id).map(|s| s.title.clone()).filter(|t| !t.is_empty())?;
        Some(view! { <p lang=s.language.clone()>{title}</p> })
    };
    view! {
        <li data-source=s.id.clone() data-confidence=s.confidence.as_str()>
            <p class="source-title">{source_heading(s, true)}</p>
            {title}
            {s.url.clone().map(|url| view! {
                <p class="source-url">
                    {address(url, links)}
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

/// The entries of the data this result applied (the regimes, the rules as in force on the
/// day applied, the steps and documents), each once.
fn applied(a: &Assessment) -> Vec<(String, Option<NaiveDate>)> {
    let regimes = a.basis.regime.iter().chain(&a.basis.also).map(|id| (id.clone(), None));
    let issues = a.issues.iter().filter_map(|i| i.rule.clone().map(|r| (r, i.rule_from)));
    let deadlines = a.deadlines.iter().map(|d| (d.rule.clone(), d.rule_from));
    let lines = a.steps.iter().chain(&a.documents).map(|l| (l.code.clone(), None));
    let mut all: Vec<(String, Option<NaiveDate>)> = Vec::new();
    for entry in regimes.chain(issues).chain(deadlines).chain(lines) {
        if !all.contains(&entry) {
            all.push(entry);
        }
    }
    all
}

/// What the data note of the texts this result applied: where they disagree or are silent,
/// and the reading applied. Part of the words of the law: it follows their arrival.
fn notes(a: &Assessment) -> impl IntoView {
    let entries = applied(a);
    move || {
        let state = words();
        let rules = rules();
        let notes: Vec<_> = entries
            .iter()
            .filter_map(|(id, from)| {
                let (cites, doubt) = rules.cites_of(id, *from);
                let ids: Vec<String> = cites.iter().map(|c| c.doc.clone()).collect();
                Some((ids, doubt?))
            })
            .collect();
        (!notes.is_empty()).then(|| {
            // Without their words, the notes say once that these are missing.
            let items = if state == Arrival::Ready {
                notes
                    .into_iter()
                    .map(|(ids, doubt)| {
                        let act = tr_string(move |l| texts::act_of(l, rules, &ids).unwrap_or_default());
                        view! { <li><strong>{act}</strong> ": " {doubt_text(doubt)}</li> }
                    })
                    .collect_view()
                    .into_any()
            } else {
                view! { <li>{missing_words(state)}</li> }.into_any()
            };
            view! {
                <details class="source-notes">
                    <summary>{tr(|l| td_string!(l, result.notes))}</summary>
                    <ul>{items}</ul>
                </details>
            }
        })
    }
}

/// "Sources": each text this result cites, by its name, date and address, and the notes on
/// them.
pub fn result_sources(a: &Assessment, links: bool) -> impl IntoView {
    let lines = cited(a).into_iter().map(|s| source_line(s, links)).collect_view();
    view! {
        <section class="result-sources" aria-labelledby="result-sources">
            <h2 id="result-sources">{tr(|l| td_string!(l, result.sources_heading))}</h2>
            // Folded on screen, where a traveller in a hurry needs it least; printed open.
            <details class="source-texts">
                <summary>{tr(|l| td_string!(l, result.sources_texts))}</summary>
                <ul class="source-lines">{lines}</ul>
            </details>
            {notes(a)}
        </section>
    }
}

#[component]
pub fn AboutRules() -> impl IntoView {
    let links = !expect_context::<crate::state::Store>().fragment.with_untracked(crate::state::is_kiosk);
    let (core, later): (Vec<&'static Source>, Vec<&'static Source>) = rules().sources.iter().partition(|s| s.is_core());
    view! {
        <details class="about-rules">
            <summary>{tr(|l| td_string!(l, result.about))}</summary>
            <h3>{tr(|l| td_string!(l, result.about_core))}</h3>
            <ul class="source-list">{core.into_iter().map(|s| source_item(s, links)).collect_view()}</ul>
            <h3>{tr(|l| td_string!(l, result.about_acts))}</h3>
            <ul class="source-list">{later.into_iter().map(|s| source_item(s, links)).collect_view()}</ul>
        </details>
    }
}

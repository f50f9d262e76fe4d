//! The dated part of a result: the key dates, the steps in order, and the documents to
//! tick off, each line with the text it rests on. Plain functions rather than components:
//! in the browser build a component's view is boxed, and these are drawn once per result.

use chrono::NaiveDate;
use kzvisa_rules::Assessment;
use leptos::prelude::*;

use super::sources_for;
use crate::i18n::*;
use crate::texts;
use crate::widgets::{tr, tr_string};

/// Said of a date already past on the day checked: what follows from it.
fn passed(date: NaiveDate, today: NaiveDate) -> Option<impl IntoView> {
    (date < today)
        .then(|| view! { <p class="passed-note" data-passed="true">{tr(|l| td_string!(l, result.passed))}</p> })
}

pub fn key_dates(assessment: Assessment) -> impl IntoView {
    let today = assessment.today;
    let lines = assessment
        .deadlines
        .into_iter()
        .map(|d| {
            let sources = sources_for(&d.rule, d.rule_from);
            let (code, date, confirmed) = (d.code.as_str(), d.date, d.confirmed);
            view! {
                <li data-code=code class:passed=date < today>
                    <span class="date-label">{tr_string(move |l| texts::deadline(l, &d))}</span>
                    <strong class="date-value">{tr_string(move |l| texts::date(l, date))}</strong>
                    {(!confirmed).then(|| view! { <span class="estimated">{tr(|l| td_string!(l, result.estimated))}</span> })}
                    // What follows from a passed date is said once, at its step.
                    {(date < today).then(|| view! { <span class="passed-mark" data-passed="true">{tr(|l| td_string!(l, result.passed_short))}</span> })}
                    {sources}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="dates">
            <h2>{tr(|l| td_string!(l, result.dates))}</h2>
            <ul class="date-list">{lines}</ul>
        </section>
    }
}

pub fn steps(assessment: Assessment) -> impl IntoView {
    let today = assessment.today;
    let lines = assessment
        .steps
        .into_iter()
        .map(|s| {
            let sources = sources_for(&s.code, None);
            let (code, due) = (s.code.clone(), s.date);
            let by = due.map(|_| {
                let line = s.clone();
                let when = tr_string(move |l| texts::step_when(l, &line).unwrap_or_default());
                view! { <strong class="due">" — " {when}</strong> }
            });
            let late = due.and_then(|d| passed(d, today));
            view! {
                <li data-code=code>
                    <p>{tr_string(move |l| texts::step(l, &s))} {by}</p>
                    {late}
                    {sources}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="steps">
            <h2>{tr(|l| td_string!(l, result.steps))}</h2>
            <ol class="step-list">{lines}</ol>
        </section>
    }
}

pub fn documents(assessment: Assessment) -> impl IntoView {
    let lines = assessment
        .documents
        .into_iter()
        .map(|d| {
            let sources = sources_for(&d.code, None);
            let id = format!("doc-{}", d.code);
            let code = d.code.clone();
            view! {
                <li data-code=d.code class="check-item">
                    <input type="checkbox" id=id.clone() />
                    <label for=id>{tr_string(move |l| texts::document(l, &code))}</label>
                    {sources}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="documents">
            <h2>{tr(|l| td_string!(l, result.documents))}</h2>
            <p class="hint no-print">{tr(|l| td_string!(l, result.documents_hint))}</p>
            <ul class="document-list">{lines}</ul>
        </section>
    }
}

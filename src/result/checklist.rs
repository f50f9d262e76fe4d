//! The dated part of a result: the key dates, the steps in order, and the documents to
//! tick off, each line with the text it rests on. Plain functions rather than components:
//! in the browser build a component's view is boxed, and these are drawn once per result.

use chrono::NaiveDate;
use kzvisa_rules::{Assessment, Line, Severity};
use leptos::prelude::*;

use super::sources_for;
use crate::i18n::*;
use crate::texts;
use crate::widgets::{tr, tr_string};

/// Said of a date already past on the day checked: what follows from it, once (`first`),
/// then a short mark.
fn passed(date: NaiveDate, today: NaiveDate, first: bool) -> Option<impl IntoView> {
    (date < today).then(|| {
        let text: fn(Locale) -> &'static str =
            if first { |l| td_string!(l, result.passed) } else { |l| td_string!(l, result.passed_short) };
        view! { <p class="passed-note" data-passed="true">{tr(text)}</p> }
    })
}

/// The dates no step of the checklist carries (the steps say theirs): none, no section.
/// `all`: every date, for a trip whose steps wait for a choice.
pub fn key_dates(assessment: Assessment, all: bool) -> Option<impl IntoView> {
    let today = assessment.today;
    let on_steps: Vec<_> = if all {
        Vec::new()
    } else {
        assessment.steps.iter().filter(|s| s.date.is_some()).filter_map(|s| s.anchor).collect()
    };
    let own: Vec<_> = assessment.deadlines.into_iter().filter(|d| !on_steps.contains(&d.code)).collect();
    if own.is_empty() {
        return None;
    }
    let lines = own
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
    Some(view! {
        <section class="dates">
            <h2>{tr(|l| td_string!(l, result.dates))}</h2>
            <ul class="date-list">{lines}</ul>
        </section>
    })
}

/// One step, with its day; a step done at a service links to it (`links`: not on a kiosk),
/// and one a later act may have replaced says so in plain words.
pub(super) fn step_line(s: Line, today: NaiveDate, note: bool, links: bool) -> AnyView {
    let sources = sources_for(&s.code, None);
    let (code, due) = (s.code.clone(), s.date);
    // A step dated by a deadline carries it: the deadline's code is on its date.
    let deadline = s.anchor.filter(|a| *a != kzvisa_rules::DeadlineCode::Entry).map(|a| a.as_str());
    let by = due.map(|_| {
        let line = s.clone();
        let when = tr_string(move |l| texts::step_when(l, &line).unwrap_or_default());
        view! { <strong class="due" data-code=deadline>" — " {when}</strong> }
    });
    let late = due.and_then(|d| passed(d, today, note));
    let link = s.link.clone().filter(|_| links).map(|href| {
        let text = href.trim_start_matches("https://").to_string();
        view! { " " <a href=href target="_blank" rel="noopener noreferrer">{text}</a> }
    });
    let doubtful = s.uncertain;
    let uncertain =
        doubtful.then(|| view! { <span class="uncertain">" " {tr(|l| td_string!(l, result.uncertain))}</span> });
    view! {
        <li data-code=code data-uncertain=doubtful.then_some("true")>
            <p>{tr_string(move |l| texts::step(l, &s))} {by} {link} {uncertain}</p>
            {late}
            {sources}
        </li>
    }
    .into_any()
}

/// Steps done together at one place (a portal, a mission): one line of the checklist, with
/// the first day any of them is due, that opens to list them (printed open).
fn step_group(group: String, lines: Vec<AnyView>, first_due: Option<NaiveDate>) -> AnyView {
    let count = lines.len() as i64;
    let name = group.clone();
    let summary = tr_string(move |l| {
        let what = texts::step_group(l, &name, count);
        match first_due {
            Some(d) => format!("{what} — {}", td_string!(l, result.by, date = texts::date_until(l, d))),
            None => what,
        }
    });
    view! {
        <li data-group=group class="step-group-item">
            <details class="step-group">
                <summary>{summary}</summary>
                <ol class="step-list">{lines}</ol>
            </details>
        </li>
    }
    .into_any()
}

/// The steps in order, each with its day; steps done together at one place as one line.
pub fn steps(assessment: Assessment, links: bool) -> impl IntoView {
    let today = assessment.today;
    // What follows from a passed date is said once: by a warning that names that date (the
    // time for the invitation is short), else on the first step it has passed for.
    let warned = |d: NaiveDate| assessment.issues.iter().any(|i| i.severity == Severity::Warning && i.date == Some(d));
    let first_passed = assessment.steps.iter().position(|s| s.date.is_some_and(|d| d < today && !warned(d)));
    let mut lines: Vec<AnyView> = Vec::new();
    let mut open: Option<(String, Vec<AnyView>, Option<NaiveDate>)> = None;
    for (n, s) in assessment.steps.into_iter().enumerate() {
        let group = s.group.clone();
        if open.as_ref().is_some_and(|(g, ..)| Some(g) != group.as_ref()) {
            let (g, members, due) = open.take().unwrap_or_default();
            lines.push(step_group(g, members, due));
        }
        let due = s.date;
        let line = step_line(s, today, Some(n) == first_passed, links);
        match (group, &mut open) {
            (Some(_), Some((_, members, first))) => {
                members.push(line);
                *first = first.or(due);
            }
            (Some(g), None) => open = Some((g, vec![line], due)),
            (None, _) => lines.push(line),
        }
    }
    if let Some((g, members, due)) = open {
        lines.push(step_group(g, members, due));
    }
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

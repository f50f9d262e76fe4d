//! What the verdict rests on, said beside it: the later act and its date in force, that a
//! reported act must be confirmed with a mission, what the five texts alone would have
//! given, and, when no text or act covers the nationality, that the verdict is only the
//! texts' default.

use kzvisa_rules::{Assessment, Confidence, IssueCode, Law};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::rules;
use crate::texts;
use crate::widgets::{tr, tr_string};

#[component]
pub fn Basis(assessment: Assessment) -> impl IntoView {
    let basis = assessment.basis.clone();
    let purpose = assessment.purpose;
    // The act the regime rests on: the first text it cites.
    let act = basis.since.zip(basis.sources.first().and_then(|id| rules().source(id)));
    let not_covered = basis.not_covered.then(|| assessment.issue(IssueCode::NationalityNotListed).cloned()).flatten();
    let replaced = basis.replaced.as_ref().map(|r| r.route);
    view! {
        {act.map(|(since, source)| view! {
            <p class="verdict-basis" data-basis=source.id.clone()>
                {tr_string(move |l| td_string!(l, result.basis, act = texts::act(l, source), date = texts::date(l, since)).to_string())}
                {replaced.map(|route| view! {
                    " " {tr_string(move |l| td_string!(l, result.replaced, route = texts::route(l, route)).to_string())}
                })}
            </p>
        })}
        {(basis.confidence == Confidence::Reported).then(|| view! {
            <p class="verdict-confirm" data-confidence="reported"><strong>{tr(|l| td_string!(l, result.basis_reported))}</strong></p>
        })}
        {not_covered.map(|issue| view! {
            <p class="verdict-not-covered" data-code="nationality_not_listed">
                <strong>{tr_string(move |l| texts::issue(l, &issue, purpose))}</strong>
            </p>
        })}
        {(assessment.law == Law::Core).then(|| view! { <p class="verdict-law">{tr(|l| td_string!(l, result.law_core))}</p> })}
    }
}

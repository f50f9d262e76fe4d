//! The verdict, in plain words: the outcome for this trip (by an icon and in words as well
//! as by colour), the next thing to do and its day when the trip can go, what can be done
//! instead when it cannot, the days used and left under a window or yearly limit, and one
//! line on what it rests on. The act's details (its date in force, what the five texts
//! alone would have given, its words) are one step away, behind the §.

use kzvisa_rules::{Allowance, Assessment, Confidence, IssueCode, Law, Outlook, Route, Severity, Term};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::rules;
use crate::texts;
use crate::widgets::{tr, tr_string};

/// The heading says the outcome for this trip: what stops it, when something does.
fn headline(a: &Assessment) -> impl IntoView {
    let (route, max, purpose) = (a.route, a.max_stay_days, a.purpose);
    let blocker = a.issues.iter().find(|i| i.severity == Severity::Blocker).cloned();
    tr_string(move |l| match (&blocker, route, max) {
        (Some(blocker), ..) => texts::issue_in(l, blocker, purpose, rules()),
        (None, Route::VisaFree, Some(days)) => {
            td_string!(l, result.visa_free, days = texts::days(l, i64::from(days))).to_string()
        }
        (None, Route::VisaFree, None) => td_string!(l, result.visa_free_no_limit).to_string(),
        (None, Route::EVisa, _) => td_string!(l, result.e_visa).to_string(),
        (None, Route::ConsularVisa, _) => td_string!(l, result.consular_visa).to_string(),
    })
}

/// The one next thing to do, and by when, when the trip can go. When its day has passed it
/// is still the next thing to do, and the line says so.
fn next_action(a: &Assessment) -> Option<impl IntoView> {
    let step = a.next.clone()?;
    let (date, code) = (step.date?, step.code.clone());
    let overdue = date < a.today;
    let words = tr_string(move |l| {
        let what = texts::step(l, &step);
        if overdue {
            return td_string!(l, result.next_overdue, step = what, date = texts::date(l, date)).to_string();
        }
        let when = texts::step_when(l, &step).unwrap_or_default();
        td_string!(l, result.next, step = what, date = when).to_string()
    });
    Some(view! { <p class="verdict-next" data-next=code data-overdue=overdue.to_string()><strong>{words}</strong></p> })
}

/// "65 of 90 days used in the last 180 · this trip fits from 3 March 2027".
fn allowance_words(l: Locale, a: &Allowance, entry_fits: bool) -> String {
    let used = a.days_used.to_string();
    let used = match (a.window_days, a.window_max_days, a.year_days) {
        (Some(w), Some(m), _) => {
            let (max, window) = (texts::days(l, i64::from(m)), texts::days(l, i64::from(w)));
            td_string!(l, result.allowance, used = used, max = max, window = window).to_string()
        }
        (_, _, y) => td_string!(l, result.allowance_year, used = used, max = texts::days(l, i64::from(y.unwrap_or(0))))
            .to_string(),
    };
    let fits = match a.earliest_entry {
        _ if entry_fits => td_string!(l, result.allowance_fits).to_string(),
        Some(d) => td_string!(l, result.allowance_fits_from, date = texts::date_from(l, d)).to_string(),
        None => td_string!(l, result.allowance_never).to_string(),
    };
    format!("{used} · {fits}")
}

/// Said where earlier stays count: when some are in the window or year, or the trip alone
/// passes it.
fn allowance(a: &Assessment) -> Option<impl IntoView> {
    let over = a.issues.iter().any(|i| i.window.is_some() || i.code == IssueCode::StayOverYearLimit);
    let allowance = a.allowance.clone().filter(|x| x.days_used > 0 || over)?;
    let fits = a.allowed() || !over;
    let entry_fits = fits && allowance.earliest_entry.is_some();
    let (used, longest, earliest) =
        (allowance.days_used, allowance.longest_stay_days, allowance.earliest_entry.map(|d| d.to_string()));
    Some(view! {
        <p class="verdict-allowance" data-used=used data-longest=longest data-earliest=earliest>
            {tr_string(move |l| allowance_words(l, &allowance, entry_fits))}
        </p>
    })
}

/// The verdict's heading, its trip, the next thing to do or the choices, and what it rests on.
pub fn verdict(assessment: Assessment, portal: Option<String>) -> impl IntoView {
    let outlook = assessment.outlook;
    let (icon, said) = texts::outlook(outlook);
    let headline = headline(&assessment);
    // The issue the heading says carries its code, as every issue does.
    let heading_code = assessment.issues.iter().find(|i| i.severity == Severity::Blocker).map(|i| i.code.as_str());
    let next = next_action(&assessment);
    // An e-visa is applied for on its portal: the link sits by the verdict.
    let apply = portal
        .clone()
        .filter(|_| assessment.route == Route::EVisa && outlook != Outlook::NotAsPlanned)
        .map(|href| view! { <p class="verdict-apply">{super::choices::apply_link(href)}</p> });
    let choices = super::choices::choices(&assessment, portal);
    let allowance = allowance(&assessment);
    let nationality = rules().country(&assessment.nationality).cloned();
    let (purpose, stay_days) = (assessment.purpose, assessment.stay_days);
    let trip = tr_string(move |l| {
        let name = nationality.as_ref().map(|c| texts::country(l, c).to_string()).unwrap_or_default();
        let (purpose, stay) = (texts::purpose(l, purpose), texts::days(l, stay_days));
        td_string!(l, result.your_trip, nationality = name, purpose = purpose, stay = stay).to_string()
    });
    view! {
        <div class=format!("verdict verdict-{outlook}") data-outlook=outlook.as_str()>
            <p class="verdict-outlook"><span class="verdict-icon" aria-hidden="true">{icon}</span> {tr(said)}</p>
            <h1 id="main-heading" tabindex="-1" data-code=heading_code data-severity=heading_code.map(|_| "blocker")>{headline}</h1>
            <p class="verdict-trip">{trip}</p>
            {allowance}
            {next}
            {apply}
            {choices}
            <Basis assessment=assessment />
        </div>
    }
}

/// The terms of a regime the basis's § quotes: what it allows, not the notes on its day.
const TERMS: [Term; 5] = [Term::Purposes, Term::MaxStay, Term::Window, Term::Year, Term::Stay];

/// One plain line for what the verdict rests on ("Under the EAEU agreement · confirm with a
/// Kazakh embassy"), with the act's date in force, the replaced reading of the five texts
/// and its words behind the §.
#[component]
fn Basis(assessment: Assessment) -> impl IntoView {
    let basis = assessment.basis.clone();
    let purpose = assessment.purpose;
    let act = basis.regime.clone();
    let reported = basis.confidence == Confidence::Reported;
    let (since, replaced) = (basis.since, basis.replaced.as_ref().map(|r| r.route));
    let sources = basis.sources.clone();
    let lead = move || {
        let since =
            since.map(|d| tr_string(move |l| td_string!(l, result.since, date = texts::date(l, d)).to_string()));
        let replaced = replaced
            .map(|r| tr_string(move |l| td_string!(l, result.replaced, route = texts::route(l, r)).to_string()));
        view! { <p>{since} " " {replaced}</p> }
    };
    let not_covered = basis.not_covered.then(|| {
        let covered = [IssueCode::NationalityNotListed, IssueCode::DocumentNotCovered];
        assessment.issues.iter().find(|i| covered.contains(&i.code)).cloned()
    });
    let nationality = assessment.nationality.clone();
    view! {
        {act.map(|regime| view! {
            <p class="verdict-basis" data-basis=regime.clone()>
                {tr_string(move |l| {
                    let under = td_string!(l, result.under, act = texts::act_of(l, rules(), &sources).unwrap_or_default()).to_string();
                    if reported { format!("{under} · {}", td_string!(l, result.confirm)) } else { under }
                })}
                <crate::widgets::Sources id=regime.clone() from=None lead=ViewFn::from(lead) terms=TERMS.to_vec() />
            </p>
        })}
        {not_covered.flatten().map(|issue| { let code = issue.code.as_str(); view! {
            <p class="verdict-not-covered" data-code=code>
                <strong>{tr_string(move |l| texts::issue_in(l, &issue, purpose, rules()))}</strong>
            </p>
            <CountryNote code=nationality />
        }})}
        {(assessment.law == Law::Core).then(|| view! { <p class="verdict-law">{tr(|l| td_string!(l, result.law_core))}</p> })}
    }
}

/// What the sources say of Kazakhstan and a state or travel document no regime covers (its
/// recognition, a convention it is party to), with the act it rests on: part of the words
/// of the law, so it follows their arrival.
#[component]
fn CountryNote(code: String) -> impl IntoView {
    move || {
        let rules = rules();
        let country = rules.country(&code)?;
        let (note, source) = (country.note()?, rules.source(country.note_source.as_deref()?)?);
        let text = tr_string(move |l| {
            let words = note.in_language(l.as_str()).unwrap_or(note.en);
            format!("{words} ({})", texts::act(l, source))
        });
        Some(view! { <p class="verdict-note" data-note=code.clone()>{text}</p> })
    }
}

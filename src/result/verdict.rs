//! The verdict: whether and how the traveller may enter, for their trip, and what it rests
//! on, said beside it: the later act and its date in force, that a
//! reported act must be confirmed with a mission, what the five texts alone would have
//! given, and, when no text or act covers the nationality, that the verdict is only the
//! texts' default.

use kzvisa_rules::{Assessment, Confidence, DeadlineCode, IssueCode, Law, Route, Severity};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{legal, rules};
use crate::texts;
use crate::widgets::{tr, tr_string};

/// Which of three things the verdict says: only the first is green, and each is said in
/// words and by an icon too, never by colour alone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outlook {
    /// The trip may go as planned.
    AsPlanned,
    /// It may, once something is done first (a visa).
    FirstDo,
    /// Not as planned.
    NotAsPlanned,
}

impl Outlook {
    fn of(a: &Assessment) -> Outlook {
        match (a.allowed(), a.route) {
            (false, _) => Outlook::NotAsPlanned,
            (true, Route::VisaFree) => Outlook::AsPlanned,
            (true, _) => Outlook::FirstDo,
        }
    }

    fn parts(self) -> (&'static str, &'static str, fn(Locale) -> &'static str) {
        match self {
            Outlook::AsPlanned => ("as_planned", "✓", |l| td_string!(l, result.outlook_ok)),
            Outlook::FirstDo => ("first_do", "!", |l| td_string!(l, result.outlook_first)),
            Outlook::NotAsPlanned => ("not_as_planned", "✕", |l| td_string!(l, result.outlook_not)),
        }
    }
}

/// What would make a trip that is not allowed as planned work, from the assessment's own
/// figures: a stay over a limit may end by the last day allowed.
fn remedy(a: &Assessment) -> Option<impl IntoView> {
    use IssueCode as C;
    let over = [C::StayOver30Days, C::StayOverMaxStay, C::StayOver90In180, C::StayOverWindow, C::StayOverYearLimit];
    let stay_blocked = a.issues.iter().any(|i| i.severity == Severity::Blocker && over.contains(&i.code));
    let last = a.deadline(DeadlineCode::LatestExit).filter(|_| stay_blocked && a.route == Route::VisaFree)?;
    let words = tr_string(move |l| td_string!(l, result.remedy_shorten, date = texts::date_until(l, last)).to_string());
    Some(view! { <p class="verdict-remedy" data-remedy="shorten"><strong>{words}</strong></p> })
}

/// The one next thing to do, and by when: the first dated step, so that the first screenful
/// says it. When its day has passed it is still the next thing to do, and the line says so.
fn next_action(a: &Assessment) -> Option<impl IntoView> {
    let step = a.steps.iter().find(|s| s.date.is_some())?.clone();
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

/// The verdict's heading, its trip, and what it rests on.
pub fn verdict(assessment: Assessment) -> impl IntoView {
    let (route, max, blocked) = (assessment.route, assessment.max_stay_days, !assessment.allowed());
    let (outlook, icon, said) = Outlook::of(&assessment).parts();
    let remedy = remedy(&assessment);
    let next = next_action(&assessment);
    let headline = tr_string(move |l| match (route, max) {
        (Route::VisaFree, Some(days)) => {
            td_string!(l, result.visa_free, days = texts::days(l, i64::from(days))).to_string()
        }
        (Route::VisaFree, None) => td_string!(l, result.visa_free_no_limit).to_string(),
        (Route::EVisa, _) => td_string!(l, result.e_visa).to_string(),
        (Route::ConsularVisa, _) => td_string!(l, result.consular_visa).to_string(),
    });
    let nationality = rules().country(&assessment.nationality).cloned();
    let (purpose, stay_days) = (assessment.purpose, assessment.stay_days);
    let trip = tr_string(move |l| {
        let name = nationality.as_ref().map(|c| texts::country(l, c).to_string()).unwrap_or_default();
        td_string!(
            l,
            result.your_trip,
            nationality = name,
            purpose = texts::purpose(l, purpose),
            stay = texts::days(l, stay_days)
        )
        .to_string()
    });
    view! {
        <div class=format!("verdict verdict-{outlook}") data-outlook=outlook>
            <p class="verdict-outlook"><span class="verdict-icon" aria-hidden="true">{icon}</span> {tr(said)}</p>
            <h1 id="main-heading" tabindex="-1">{headline}</h1>
            <p class="verdict-trip">{trip}</p>
            {blocked.then(|| view! { <p class="verdict-blocked-text">{tr(|l| td_string!(l, result.blocked))}</p> })}
            {remedy}
            {next}
            <Basis assessment=assessment />
        </div>
    }
}

#[component]
fn Basis(assessment: Assessment) -> impl IntoView {
    let basis = assessment.basis.clone();
    let purpose = assessment.purpose;
    // The act the regime rests on: the first text it cites.
    let act = basis.since.zip(basis.sources.first().and_then(|id| rules().source(id)));
    let not_covered = basis
        .not_covered
        .then(|| {
            let covered = [IssueCode::NationalityNotListed, IssueCode::DocumentNotCovered];
            assessment.issues.iter().find(|i| covered.contains(&i.code)).cloned()
        })
        .flatten();
    let nationality = assessment.nationality.clone();
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
        {not_covered.map(|issue| { let code = issue.code.as_str(); view! {
            <p class="verdict-not-covered" data-code=code>
                <strong>{tr_string(move |l| texts::issue(l, &issue, purpose))}</strong>
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
        let rules = legal();
        let country = rules.country(&code)?;
        let (note, source) = (country.note()?, rules.source(country.note_source.as_deref()?)?);
        let text = tr_string(move |l| {
            let words = note.in_language(l.as_str()).unwrap_or(note.en);
            format!("{words} ({})", texts::act(l, source))
        });
        Some(view! { <p class="verdict-note" data-note=code.clone()>{text}</p> })
    }
}

//! The result: the verdict, what stands in the way, the dated checklist and the documents,
//! each line with the text it rests on, shown on request. The element holding it carries
//! `data-route`, and every line `data-code`, so hosts and tests read the outcome from codes.

use chrono::NaiveDate;
use kzvisa_rules::{evaluate, Assessment, Issue, IssueCode, Outlook, Severity};
use leptos::prelude::*;

use crate::flow::Step;
use crate::i18n::*;
use crate::state::{rules, Store};

use crate::texts;
use crate::widgets::{tr, tr_string, BackLink, Sources};

mod about;
mod actions;
mod checklist;
mod choices;
mod verdict;

/// The sources disclosure for an id the assessment names: for a rule, the entry that came
/// into force on `from`, the one the engine applied.
fn sources_for(id: &str, from: Option<NaiveDate>) -> impl IntoView {
    view! { <Sources id=id.to_string() from=from /> }
}

fn issue_list(
    a: &Assessment,
    severity: Severity,
    class: &'static str,
    title: fn(Locale) -> &'static str,
) -> impl IntoView {
    // "Not covered" is said in the verdict itself, and so is the first blocker (its
    // heading): neither again in a list.
    let in_verdict = [IssueCode::NationalityNotListed, IssueCode::DocumentNotCovered];
    let heading = a.issues.iter().position(|i| i.severity == Severity::Blocker);
    let shown = |(n, i): &(usize, &Issue)| {
        i.severity == severity && Some(*n) != heading && !(a.basis.not_covered && in_verdict.contains(&i.code))
    };
    let issues: Vec<Issue> = a.issues.iter().enumerate().filter(shown).map(|(_, i)| i.clone()).collect();
    let purpose = a.purpose;
    (!issues.is_empty()).then(|| {
        let lines = issues
            .into_iter()
            .map(|issue| {
                let code = issue.code.as_str();
                let sources = issue.rule.clone().map(|r| {
                    view! { <Sources id=r from=issue.rule_from only=issue.sources.clone() /> }
                });
                view! {
                    <li data-code=code data-severity=severity.as_str()>
                        <p>{tr_string(move |l| texts::issue_in(l, &issue, purpose, rules()))}</p>
                        {sources}
                    </li>
                }
            })
            .collect_view();
        // What is only good to know opens on request: a traveller in a hurry reads what to do.
        let list = if severity == Severity::Info {
            view! { <details class="info-list"><summary><h2>{tr(title)}</h2></summary><ul>{lines}</ul></details> }
                .into_any()
        } else {
            view! { <h2>{tr(title)}</h2> <ul>{lines}</ul> }.into_any()
        };
        view! { <section class=format!("issues {class}")>{list}</section> }
    })
}

/// When the rules and the check are dated, and what the check is not.
fn meta(assessment: &Assessment) -> impl IntoView {
    let (version, as_of, today) = (assessment.rules.version.clone(), assessment.rules.as_of, assessment.today);
    view! {
        <footer class="result-meta">
            <p>
                {tr_string(move |l| td_string!(l, result.rules, version = version.clone(), date = texts::date(l, as_of)).to_string())}
                " "
                {tr_string(move |l| td_string!(l, result.assessed, date = texts::date(l, today)).to_string())}
            </p>
            <p>{tr(|l| td_string!(l, result.disclaimer))}</p>
            <about::AboutRules />
        </footer>
    }
}

/// On paper only: which service made the checklist, on which day, for which trip.
fn printed_header(store: Store, a: &Assessment) -> impl IntoView {
    let trip = store.fragment.with_untracked(|f| f.case.trip.clone());
    let day = |v: Option<String>| v.and_then(|d| kzvisa_rules::date::parse_iso(&d).ok());
    let (entry, exit, today) = (day(trip.entry), day(trip.exit), a.today);
    let text = tr_string(move |l| {
        let on = |d: Option<NaiveDate>| d.map(|d| texts::date(l, d)).unwrap_or_default();
        td_string!(
            l,
            result.printed,
            service = td_string!(l, app.title),
            date = texts::date(l, today),
            entry = on(entry),
            exit = on(exit)
        )
        .to_string()
    });
    view! { <p class="print-only print-header">{text}</p> }
}

/// One assessment, in the order a traveller acts on it.
#[component]
fn Outcome(a: Assessment) -> impl IntoView {
    let store = expect_context::<Store>();
    let kiosk = store.fragment.with_untracked(crate::state::is_kiosk);
    let (route, allowed, confidence) = (a.route.as_str(), a.allowed().to_string(), a.basis.confidence.as_str());
    let regime = a.basis.regime.clone().unwrap_or_default();
    // On a kiosk, the QR code to take the result away and "Start again" come right after
    // the verdict, in the page's order (and so the keyboard's), not below the checklist.
    let take_away = view! {
        {kiosk.then(|| view! { <crate::kiosk::LinkQr link=store.fragment.with_untracked(crate::state::result_link) /> {actions::link_note()} })}
        <actions::Actions assessment=a.clone() />
    };
    let (early, late) = if kiosk { (Some(take_away), None) } else { (None, Some(take_away)) };
    // Outside a kiosk (which never leaves the app), the portal an e-visa is applied at.
    let link = a.steps.iter().find_map(|s| s.link.clone()).or_else(|| a.choices.iter().find_map(|c| c.link.clone()));
    let portal = link.filter(|_| !kiosk);
    // A trip that cannot go as planned is never told to go: its dated steps wait for a
    // choice, which the verdict offers.
    let goes = a.outlook != Outlook::NotAsPlanned;
    view! {
        <BackLink step=Step::Result />
        <div class="result" data-route=route data-allowed=allowed data-regime=regime data-confidence=confidence>
            {printed_header(store, &a)}
            {verdict::verdict(a.clone(), portal)}
            {early}
            {issue_list(&a, Severity::Blocker, "issues-blocker", |l| td_string!(l, result.blockers))}
            {issue_list(&a, Severity::Warning, "issues-warning", |l| td_string!(l, result.warnings))}
            {checklist::key_dates(a.clone(), !goes)}
            {goes.then(|| checklist::steps(a.clone(), !kiosk))}
            {checklist::documents(a.clone())}
            {issue_list(&a, Severity::Info, "issues-info", |l| td_string!(l, result.info))}
            {about::result_sources(&a, !kiosk)}
            {meta(&a)}
            {late}
        </div>
    }
}

#[component]
pub fn ResultScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let assessment = Memo::new(move |_| evaluate(rules(), &store.case()).ok());
    let host = expect_context::<crate::embed::Host>();
    Effect::new(move |_| assessment.with(|a| a.iter().for_each(|a| crate::embed::announce_result(&host, a))));
    move || assessment.get().map(|a| view! { <Outcome a=a /> })
}

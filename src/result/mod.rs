//! The result: the verdict, what stands in the way, the dated checklist and the documents,
//! each line with the text it rests on, shown on request. The element holding it carries
//! `data-route`, and every line `data-code`, so hosts and tests read the outcome from codes.

use chrono::NaiveDate;
use kzvisa_rules::{evaluate, Assessment, Issue, IssueCode, Severity};
use leptos::prelude::*;

use crate::flow::Step;
use crate::i18n::*;
use crate::state::{rules, Store};

use crate::texts;
use crate::widgets::{tr, tr_string, BackLink, Sources};

mod about;
mod actions;
mod checklist;
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
    // "Not covered" is said in the verdict itself, not again in a list.
    let in_verdict = [IssueCode::NationalityNotListed, IssueCode::DocumentNotCovered];
    let shown = |i: &&Issue| i.severity == severity && !(a.basis.not_covered && in_verdict.contains(&i.code));
    let issues: Vec<Issue> = a.issues.iter().filter(shown).cloned().collect();
    let purpose = a.purpose;
    (!issues.is_empty()).then(|| {
        let lines = issues
            .into_iter()
            .map(|issue| {
                let code = issue.code.as_str();
                let sources = issue.rule.as_deref().map(|r| sources_for(r, issue.rule_from));
                view! {
                    <li data-code=code data-severity=severity.as_str()>
                        <p>{tr_string(move |l| texts::issue(l, &issue, purpose))}</p>
                        {sources}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class=format!("issues {class}")>
                <h2>{tr(title)}</h2>
                <ul>{lines}</ul>
            </section>
        }
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
        {kiosk.then(|| view! { <crate::kiosk::LinkQr link=store.fragment.with_untracked(crate::state::result_link) /> })}
        <actions::Actions assessment=a.clone() />
    };
    let (early, late) = if kiosk { (Some(take_away), None) } else { (None, Some(take_away)) };
    view! {
        <BackLink step=Step::Result />
        <div class="result" data-route=route data-allowed=allowed data-regime=regime data-confidence=confidence>
            {printed_header(store, &a)}
            {verdict::verdict(a.clone())}
            {early}
            {issue_list(&a, Severity::Blocker, "issues-blocker", |l| td_string!(l, result.blockers))}
            {issue_list(&a, Severity::Warning, "issues-warning", |l| td_string!(l, result.warnings))}
            {checklist::key_dates(a.clone())}
            {checklist::steps(a.clone())}
            {checklist::documents(a.clone())}
            {issue_list(&a, Severity::Info, "issues-info", |l| td_string!(l, result.info))}
            {about::result_sources(&a)}
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

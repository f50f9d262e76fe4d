//! The result: the verdict, what stands in the way, the dated checklist and the documents,
//! each line with the text it rests on, shown on request. The element holding it carries
//! `data-route`, and every line `data-code`, so hosts and tests read the outcome from codes.

use chrono::NaiveDate;
use kzvisa_rules::{evaluate, Assessment, Issue, IssueCode, Route, Severity};
use leptos::prelude::*;

use crate::flow::Step;
use crate::i18n::*;
use crate::state::{rules, Store};
use crate::steps::BackLink;
use crate::texts;
use crate::widgets::{tr, tr_string, Sources};

mod about;
mod actions;
mod verdict;

/// The sources disclosure for an id the assessment names: for a rule, the entry that came
/// into force on `from`, the one the engine applied.
fn sources_for(id: &str, from: Option<NaiveDate>) -> impl IntoView {
    let (cites, doubt) = rules().cites_of(id, from);
    let doubt = doubt.map(str::to_string);
    view! { <Sources cites=cites.to_vec() doubt=doubt /> }
}

fn issue_list(
    a: &Assessment,
    severity: Severity,
    class: &'static str,
    title: fn(Locale) -> &'static str,
) -> impl IntoView {
    // "Not covered" is said in the verdict itself, not again in a list.
    let shown =
        |i: &&Issue| i.severity == severity && !(a.basis.not_covered && i.code == IssueCode::NationalityNotListed);
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

#[component]
pub fn ResultScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let assessment = Memo::new(move |_| evaluate(rules(), &store.case()).ok());
    let host = expect_context::<crate::embed::Host>();
    Effect::new(move |_| assessment.with(|a| a.iter().for_each(|a| crate::embed::announce_result(&host, a))));
    move || {
        assessment.get().map(|a| {
            let route = a.route;
            let max = a.max_stay_days;
            let blocked = !a.allowed();
            let headline = tr_string(move |l| match (route, max) {
                (Route::VisaFree, Some(days)) => td_string!(l, result.visa_free, days = texts::days(l, i64::from(days))).to_string(),
                (Route::VisaFree, None) => td_string!(l, result.visa_free_no_limit).to_string(),
                (Route::EVisa, _) => td_string!(l, result.e_visa).to_string(),
                (Route::ConsularVisa, _) => td_string!(l, result.consular_visa).to_string(),
            });
            let nationality = rules().country(&a.nationality).cloned();
            let (purpose, stay_days) = (a.purpose, a.stay_days);
            let trip = tr_string(move |l| {
                let name = nationality.as_ref().map(|c| texts::country(l, c).to_string()).unwrap_or_default();
                td_string!(l, result.your_trip, nationality = name, purpose = texts::purpose(l, purpose), stay = texts::days(l, stay_days)).to_string()
            });
            let deadlines = a.deadlines.iter().map(|d| {
                let sources = sources_for(&d.rule, d.rule_from);
                let (line, date) = (d.clone(), d.date);
                view! {
                    <li data-code=d.code.as_str()>
                        <span class="date-label">{tr_string(move |l| texts::deadline(l, &line))}</span>
                        <strong class="date-value">{tr_string(move |l| texts::date(l, date))}</strong>
                        {(!d.confirmed).then(|| view! { <span class="estimated">{tr(|l| td_string!(l, result.estimated))}</span> })}
                        {sources}
                    </li>
                }
            }).collect_view();
            let steps = a.steps.iter().map(|s| {
                let sources = sources_for(&s.code, None);
                let line = s.clone();
                view! {
                    <li data-code=s.code.clone()>
                        <p>
                            {tr_string(move |l| texts::step(l, &line))}
                            {s.date.map(|d| view! { <strong class="due">" — " {tr_string(move |l| td_string!(l, result.by, date = texts::date(l, d)).to_string())}</strong> })}
                        </p>
                        {sources}
                    </li>
                }
            }).collect_view();
            let documents = a.documents.iter().map(|d| {
                let sources = sources_for(&d.code, None);
                let id = format!("doc-{}", d.code);
                let code = d.code.clone();
                view! {
                    <li data-code=d.code.clone() class="check-item">
                        <input type="checkbox" id=id.clone() />
                        <label for=id>{tr_string(move |l| texts::document(l, &code))}</label>
                        {sources}
                    </li>
                }
            }).collect_view();
            let (version, as_of, today) = (a.rules.version.clone(), a.rules.as_of, a.today);
            view! {
                <BackLink step=Step::Result />
                <div class="result" data-route=route.as_str() data-allowed=(!blocked).to_string()
                    data-regime=a.basis.regime.clone().unwrap_or_default() data-confidence=a.basis.confidence.as_str()>
                    <div class=if blocked { "verdict verdict-blocked" } else { "verdict" }>
                        <h1 id="main-heading" tabindex="-1">{headline}</h1>
                        <p class="verdict-trip">{trip}</p>
                        {blocked.then(|| view! { <p class="verdict-blocked-text">{tr(|l| td_string!(l, result.blocked))}</p> })}
                        <verdict::Basis assessment=a.clone() />
                    </div>
                    {issue_list(&a, Severity::Blocker, "issues-blocker", |l| td_string!(l, result.blockers))}
                    {issue_list(&a, Severity::Warning, "issues-warning", |l| td_string!(l, result.warnings))}
                    <section class="dates">
                        <h2>{tr(|l| td_string!(l, result.dates))}</h2>
                        <ul class="date-list">{deadlines}</ul>
                    </section>
                    <section class="steps">
                        <h2>{tr(|l| td_string!(l, result.steps))}</h2>
                        <ol class="step-list">{steps}</ol>
                    </section>
                    <section class="documents">
                        <h2>{tr(|l| td_string!(l, result.documents))}</h2>
                        <p class="hint no-print">{tr(|l| td_string!(l, result.documents_hint))}</p>
                        <ul class="document-list">{documents}</ul>
                    </section>
                    {issue_list(&a, Severity::Info, "issues-info", |l| td_string!(l, result.info))}
                    <footer class="result-meta">
                        <p>
                            {tr_string(move |l| td_string!(l, result.rules, version = version.clone(), date = texts::date(l, as_of)).to_string())}
                            " "
                            {tr_string(move |l| td_string!(l, result.assessed, date = texts::date(l, today)).to_string())}
                        </p>
                        <p>{tr(|l| td_string!(l, result.disclaimer))}</p>
                        <about::AboutRules />
                    </footer>
                    {store.fragment.with_untracked(crate::state::is_kiosk).then(|| {
                        let link = store.fragment.with_untracked(crate::state::result_link);
                        view! { <crate::kiosk::LinkQr link=link /> }
                    })}
                    <actions::Actions assessment=a.clone() />
                </div>
            }
        })
    }
}

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

/// One assessment, in the order a traveller acts on it.
#[component]
fn Outcome(a: Assessment) -> impl IntoView {
    let store = expect_context::<Store>();
    let kiosk = store.fragment.with_untracked(crate::state::is_kiosk);
    let (route, allowed, confidence) = (a.route.as_str(), a.allowed().to_string(), a.basis.confidence.as_str());
    let regime = a.basis.regime.clone().unwrap_or_default();
    view! {
        <BackLink step=Step::Result />
        <div class="result" data-route=route data-allowed=allowed data-regime=regime data-confidence=confidence>
            {verdict::verdict(a.clone())}
            {issue_list(&a, Severity::Blocker, "issues-blocker", |l| td_string!(l, result.blockers))}
            {issue_list(&a, Severity::Warning, "issues-warning", |l| td_string!(l, result.warnings))}
            {checklist::key_dates(a.clone())}
            {checklist::steps(a.clone())}
            {checklist::documents(a.clone())}
            {issue_list(&a, Severity::Info, "issues-info", |l| td_string!(l, result.info))}
            {meta(&a)}
            {kiosk.then(|| view! { <crate::kiosk::LinkQr link=store.fragment.with_untracked(crate::state::result_link) /> })}
            <actions::Actions assessment=a.clone() />
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

//! The group's results: a count per verdict, then a row per traveller with the verdict,
//! what stands in the way and the latest exit; rows that could not be read say why, by line
//! and column. Saved as CSV or printed; nothing leaves the device.

use kzvisa_rules::group::{export_csv, Outcome, RowError};
use kzvisa_rules::{Assessment, DeadlineCode, Severity};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::rules;
use crate::texts;
use crate::widgets::{tr, tr_string};

/// How many travellers can go as planned, cannot yet, and could not be checked.
fn counts(outcomes: &[Outcome]) -> [usize; 3] {
    outcomes.iter().fold([0; 3], |mut n, o| {
        n[match &o.result {
            Ok(a) if a.allowed() => 0,
            Ok(_) => 1,
            Err(_) => 2,
        }] += 1;
        n
    })
}

fn assessed_row(line: usize, name: Option<String>, a: Assessment) -> impl IntoView {
    let country = rules().country(&a.nationality).cloned();
    let (route, allowed, purpose) = (a.route, a.allowed(), a.purpose);
    let blockers: Vec<_> = a.issues.iter().filter(|i| i.severity == Severity::Blocker).cloned().collect();
    let exit = a.deadline(DeadlineCode::LatestExit);
    view! {
        <tr data-row=line data-route=route.as_str() data-allowed=allowed.to_string()>
            <td>{line}</td>
            <td>{name}</td>
            <td>{tr_string(move |l| country.as_ref().map(|c| texts::country(l, c).to_string()).unwrap_or_default())}</td>
            <td class=if allowed { "verdict-ok" } else { "verdict-no" }>
                {tr_string(move |l| texts::route(l, route).to_string())}
                {(!allowed).then(|| view! { <strong>" — " {tr(|l| td_string!(l, group.not_as_planned))}</strong> })}
            </td>
            <td>
                <ul class="row-blockers">
                    {blockers.into_iter().map(|i| {
                        let code = i.code.as_str();
                        view! { <li data-code=code>{tr_string(move |l| texts::issue(l, &i, purpose))}</li> }
                    }).collect_view()}
                </ul>
            </td>
            <td>{exit.map(|d| tr_string(move |l| texts::date(l, d)))}</td>
        </tr>
    }
}

fn error_row(line: usize, errors: Vec<RowError>) -> impl IntoView {
    let message = errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ");
    view! {
        <tr data-row=line data-error=message>
            <td>{line}</td>
            <td colspan="5">
                <ul class="row-errors">
                    {errors.into_iter().map(|e| view! {
                        <li data-column=e.column.clone() data-code=e.code.as_str()>
                            {tr_string({
                                let column = if e.column.is_empty() { "—".to_string() } else { e.column.clone() };
                                move |l| {
                                td_string!(l, group.row_error, line = e.line, column = column.clone(), message = texts::input_error(l, e.code)).to_string()
                            }})}
                        </li>
                    }).collect_view()}
                </ul>
            </td>
        </tr>
    }
}

#[component]
pub fn Results(outcomes: Vec<Outcome>, ignored: Vec<String>) -> impl IntoView {
    let [ok, blocked, unread] = counts(&outcomes);
    let file = export_csv(&outcomes);
    let rows = outcomes
        .into_iter()
        .map(|o| match o.result {
            Ok(a) => assessed_row(o.line, o.name, a).into_any(),
            Err(e) => error_row(o.line, e).into_any(),
        })
        .collect_view();
    let save = move |_| {
        // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
        crate::files::save("kazakhstan-group-check.csv", "text/csv;charset=utf-8", &format!("\u{feff}{file}"));
    };
    view! {
        <section class="group-results" aria-labelledby="group-results">
            <h2 id="group-results" tabindex="-1">{tr(|l| td_string!(l, group.results))}</h2>
            {(!ignored.is_empty()).then(|| {
                let columns = ignored.join(", ");
                let text = columns.clone();
                view! { <p class="hint" data-ignored=columns>{tr_string(move |l| td_string!(l, group.ignored, columns = text.clone()).to_string())}</p> }
            })}
            <ul class="group-counts">
                <li data-count="allowed">{tr(|l| td_string!(l, group.count_allowed))} " " <strong>{ok}</strong></li>
                <li data-count="blocked">{tr(|l| td_string!(l, group.count_blocked))} " " <strong>{blocked}</strong></li>
                <li data-count="error">{tr(|l| td_string!(l, group.count_error))} " " <strong>{unread}</strong></li>
            </ul>
            <div class="actions no-print">
                <button type="button" class="button" data-action="export-group" on:click=save>{tr(|l| td_string!(l, group.export))}</button>
                <button type="button" class="button secondary" data-action="print-group" on:click=|_| { let _ = window().print(); }>
                    {tr(|l| td_string!(l, group.print))}
                </button>
            </div>
            <div class="table-scroll" role="region" aria-labelledby="group-results" tabindex="0">
                <table class="group-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(|l| td_string!(l, group.col_line))}</th>
                            <th scope="col">{tr(|l| td_string!(l, group.col_name))}</th>
                            <th scope="col">{tr(|l| td_string!(l, group.col_nationality))}</th>
                            <th scope="col">{tr(|l| td_string!(l, group.col_verdict))}</th>
                            <th scope="col">{tr(|l| td_string!(l, group.col_blockers))}</th>
                            <th scope="col">{tr(|l| td_string!(l, group.col_exit))}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

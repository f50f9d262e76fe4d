//! The group's results: a count per outlook (the single result's three, and the rows that
//! could not be read), then a row per traveller (`row.rs`). Saved as CSV or printed; nothing
//! leaves the device. On a narrow screen each row is drawn as a card (style/main.css): the
//! table's elements name their roles, so that a screen reader still reads a table.

use kzvisa_rules::group::{export_csv, Outcome};
use kzvisa_rules::Outlook;
use leptos::prelude::*;

use super::row::{assessed_row, error_row};
use crate::i18n::*;
use crate::texts;
use crate::widgets::{tr, tr_string};

/// The outlooks in the order the counts give them.
const OUTLOOKS: [Outlook; 3] = [Outlook::AsPlanned, Outlook::FirstDo, Outlook::NotAsPlanned];

/// How many travellers have each outlook, in the order of [`OUTLOOKS`], and how many rows
/// could not be checked.
fn counts(outcomes: &[Outcome]) -> ([usize; 3], usize) {
    outcomes.iter().fold(([0; 3], 0), |(mut n, errors), o| match &o.result {
        Ok(a) => {
            n[OUTLOOKS.iter().position(|x| *x == a.outlook).unwrap_or_default()] += 1;
            (n, errors)
        }
        Err(_) => (n, errors + 1),
    })
}

/// The counts above the table, in the same words as the rows' verdicts.
fn counts_view(outcomes: &[Outcome]) -> impl IntoView {
    let (per_outlook, unread) = counts(outcomes);
    view! {
        <ul class="group-counts">
            {OUTLOOKS.into_iter().zip(per_outlook).map(|(outlook, n)| {
                let (icon, said) = texts::outlook(outlook);
                view! {
                    <li data-count=outlook.as_str() class=format!("group-{outlook}")>
                        <span class="group-icon" aria-hidden="true">{icon}</span>
                        {tr_string(move |l| format!("{}:", said(l)))} " " <strong>{n}</strong>
                    </li>
                }
            }).collect_view()}
            <li data-count="error">{tr(|l| td_string!(l, group.count_error))} " " <strong>{unread}</strong></li>
        </ul>
    }
}

#[component]
pub fn Results(outcomes: Vec<Outcome>, ignored: Vec<String>) -> impl IntoView {
    let counts = counts_view(&outcomes);
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
            {counts}
            <div class="actions no-print">
                <button type="button" class="button" data-action="export-group" on:click=save>{tr(|l| td_string!(l, group.export))}</button>
                <button type="button" class="button secondary" data-action="print-group" on:click=|_| { let _ = window().print(); }>
                    {tr(|l| td_string!(l, group.print))}
                </button>
            </div>
            <div class="table-scroll" role="region" aria-labelledby="group-results" tabindex="0">
                <table class="group-table" role="table">
                    <thead role="rowgroup">
                        <tr role="row">
                            <th scope="col" role="columnheader">{tr(|l| td_string!(l, group.col_line))}</th>
                            <th scope="col" role="columnheader">{tr(|l| td_string!(l, group.col_name))}</th>
                            <th scope="col" role="columnheader">{tr(|l| td_string!(l, group.col_nationality))}</th>
                            <th scope="col" role="columnheader">{tr(|l| td_string!(l, group.col_verdict))}</th>
                            <th scope="col" role="columnheader">{tr(|l| td_string!(l, group.col_blockers))}</th>
                            <th scope="col" role="columnheader">{tr(|l| td_string!(l, group.col_next))}</th>
                            <th scope="col" role="columnheader">{tr(|l| td_string!(l, group.col_exit))}</th>
                        </tr>
                    </thead>
                    <tbody role="rowgroup">{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

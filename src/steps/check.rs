//! Check your answers: every answer with a way to change it, and the way to the result.

use kzvisa_rules::date::parse_iso;
use kzvisa_rules::{EntryPoint, Purpose};
use leptos::prelude::*;

use super::BackLink;
use crate::app::Flow;
use crate::flow::Step;
use crate::i18n::*;
use crate::state::{rules, use_lang, Store};
use crate::texts;
use crate::widgets::{tr, tr_signal};

/// An answer as the traveller would read it: dates in words, codes as names.
fn show_date(l: Locale, value: &Option<String>) -> String {
    match value.as_deref() {
        None => td_string!(l, app.not_given).to_string(),
        Some(v) => parse_iso(v).map(|d| texts::date(l, d)).unwrap_or_else(|_| v.to_string()),
    }
}

#[component]
pub fn CheckScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let flow = expect_context::<Flow>();
    let lang = use_lang();
    let problems = flow.errors;
    let tried = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();

    let row = move |step: Step, label: Signal<String>, value: Signal<String>| {
        let shown = move || flow.questions.with(|q| q.contains(&step));
        view! {
            <Show when=shown>
                <div class="summary-row" data-step=step.as_str()>
                    <dt>{move || label.get()}</dt>
                    <dd class="summary-value">{move || value.get()}</dd>
                    <dd class="summary-action">
                        <button type="button" class="link" on:click=move |_| store.go(Some(step), true)>
                            {tr(|l| td_string!(l, app.change))}
                            <span class="visually-hidden">{move || format!(" {}", label.get())}</span>
                        </button>
                    </dd>
                </div>
            </Show>
        }
    };
    let case = move || store.fragment.with(|f| f.case.clone());
    let l = move || lang.get();
    let nationality = Signal::derive(move || {
        let code = case().nationality.unwrap_or_default();
        rules().country(&code).map(|c| texts::country(l(), c).to_string()).unwrap_or(code)
    });
    let purpose = Signal::derive(move || {
        let p = case().purpose.unwrap_or_default();
        Purpose::parse(&p).map(|p| texts::purpose(l(), p).to_string()).unwrap_or(p)
    });
    let passport = Signal::derive(move || {
        let p = case().passport;
        let mut parts = vec![show_date(l(), &p.expires)];
        if let Some(pages) = p.blank_pages {
            parts.push(format!("{}: {pages}", td_string!(l(), passport.blank_pages)));
        }
        parts.join("; ")
    });
    let trip = Signal::derive(move || {
        let t = case().trip;
        let point = t
            .entry_point
            .as_deref()
            .and_then(EntryPoint::parse)
            .map(|e| texts::entry_point(l(), e))
            .unwrap_or_default();
        format!("{} – {}; {point}", show_date(l(), &t.entry), show_date(l(), &t.exit))
    });
    let details = Signal::derive(move || {
        let c = case();
        let mut parts = Vec::new();
        if c.birth_date.is_some() {
            parts.push(format!("{}: {}", td_string!(l(), extras.birth_date), show_date(l(), &c.birth_date)));
        }
        for s in &c.previous_stays {
            parts.push(format!("{} – {}", show_date(l(), &s.entry), show_date(l(), &s.exit)));
        }
        if parts.is_empty() {
            td_string!(l(), app.not_given).to_string()
        } else {
            parts.join("; ")
        }
    });
    let submit = move |_| {
        if problems.with(Vec::is_empty) {
            store.go(Some(Step::Result), false);
        } else {
            tried.set(true);
            request_animation_frame(move || {
                if let Some(el) = summary.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    };
    let heading = |l: Locale, step: Step| -> String {
        match step {
            Step::Nationality => td_string!(l, nationality.heading),
            Step::Purpose => td_string!(l, purpose.heading),
            Step::Passport => td_string!(l, passport.heading),
            Step::Trip => td_string!(l, trip.heading),
            _ => td_string!(l, extras.heading),
        }
        .to_string()
    };
    view! {
        <BackLink step=Step::Check />
        <div class="error-summary" node_ref=summary tabindex="-1" role="alert"
            style:display=move || if tried.get() && !problems.with(Vec::is_empty) { "block" } else { "none" }>
            <h2>{tr(|l| td_string!(l, app.error_title))}</h2>
            <ul>
                {move || problems.get().into_iter().map(|e| {
                    let step = flow.questions.with(|q| q.iter().copied().find(|s| s.owns(&e.field)));
                    let text = format!("{}: {}", step.map(|s| heading(l(), s)).unwrap_or_else(|| td_string!(l(), field.other).to_string()), texts::input_error(l(), e.code));
                    view! {
                        <li><button type="button" class="link" data-field=e.field.clone()
                            on:click=move |_| store.go(step, true)>{text}</button></li>
                    }
                }).collect_view()}
            </ul>
        </div>
        <h1 id="main-heading" tabindex="-1">{tr(|l| td_string!(l, check.heading))}</h1>
        <dl class="summary">
            {row(Step::Nationality, tr_signal(|l| td_string!(l, nationality.label)), nationality)}
            {row(Step::Purpose, tr_signal(|l| td_string!(l, purpose.heading)), purpose)}
            {row(Step::Passport, tr_signal(|l| td_string!(l, passport.expires)), passport)}
            {row(Step::Trip, tr_signal(|l| td_string!(l, trip.heading)), trip)}
            {row(Step::Extras, tr_signal(|l| td_string!(l, extras.heading)), details)}
        </dl>
        <button type="button" class="button" on:click=submit>{tr(|l| td_string!(l, check.submit))}</button>
    }
}

//! "Where this comes from": the clause and words each line of a result rests on.

use chrono::NaiveDate;
use kzvisa_rules::data::model::{Cite, Doubt};
use kzvisa_rules::Rules;
use leptos::prelude::*;

use super::{tr, tr_string};
use crate::i18n::*;
use crate::state::{rules, words, Arrival};

/// How many citations a § quotes (the first, which states what the line says); it names the
/// others.
const QUOTED: usize = 1;

/// A recorded doubt in the page's language, or in English (marked as such) where the data
/// give no translation, so that it is never hidden.
pub fn doubt_text(d: Doubt<'static>) -> impl IntoView {
    let lang = crate::state::use_lang();
    move || {
        let l = lang.get().as_str();
        match d.in_language(l) {
            Some(text) => view! { <span>{text}</span> }.into_any(),
            None => view! { <span lang="en">{d.en}</span> }.into_any(),
        }
    }
}

/// The quote in the page's language, when that is not its own, marked as a translation: the
/// words of the law stay those of its text. `cite` holds the translations.
fn translation(cite: Cite, own: Option<String>) -> impl IntoView {
    let lang = crate::state::use_lang();
    move || {
        let l = lang.get().as_str();
        let text = cite.translation(l).filter(|_| own.as_deref() != Some(l))?.to_owned();
        Some(view! {
            <p class="translation">
                <span class="translation-label">{tr(|l| td_string!(l, result.translation))} ": "</span>
                {text}
            </p>
        })
    }
}

/// In place of the quoted words while they are missing (state/words.rs): on their way, or
/// not to be had here.
pub fn missing_words(state: Arrival) -> impl IntoView {
    let text: fn(Locale) -> &'static str = match state {
        Arrival::Failed => |l| td_string!(l, result.words_failed),
        _ => |l| td_string!(l, result.words_loading),
    };
    view! { <span class="words-missing">{tr(text)}</span> }
}

/// One citation: the act's name (a link to where it was read, outside a kiosk) and, on the
/// English page, the clause as the data name it; then the quote and its translation when
/// the words are here (`with_words`). The words of the law stay those of its text; nothing
/// else English shows on a Russian or Kazakh page.
fn citation(rules: &'static Rules, mut c: Cite, with_words: bool, links: bool) -> impl IntoView {
    let source = rules.source(&c.doc);
    let language = rules.quote_language(&c).map(str::to_owned);
    let (doc, clause, quote) = (c.doc.clone(), std::mem::take(&mut c.clause), std::mem::take(&mut c.quote));
    let words = with_words.then(|| {
        let translation = translation(c, language.clone());
        view! { <blockquote lang=language>{quote}</blockquote> {translation} }
    });
    let name = source.map(|s| tr_string(move |l| crate::texts::act(l, s)));
    let url = source.and_then(|s| s.url.clone()).filter(|_| links);
    let lang = crate::state::use_lang();
    let clause =
        move || (lang.get() == Locale::en && !clause.is_empty()).then(|| view! { " — " <span>{clause.clone()}</span> });
    view! {
        <li data-doc=doc>
            <p class="source-title">
                {match url {
                    Some(href) => view! { <a href=href target="_blank" rel="noopener noreferrer"><strong>{name}</strong></a> }.into_any(),
                    None => view! { <strong>{name}</strong> }.into_any(),
                }}
                {clause}
            </p>
            {words}
        </li>
    }
}

/// "Where this comes from", for an id an assessment names (a rule's entry in force from
/// `from`, a regime, a document or a step), shown on request: `lead` (what the page says of
/// it first, if anything), then the act, clause and words of each citation (of `only` these
/// texts, where given: an issue's limit rests on the words that state it). The notes on the
/// texts are in "About these rules". The words follow their arrival; while they are
/// missing, one line says so.
#[component]
pub fn Sources(
    id: String,
    from: Option<NaiveDate>,
    #[prop(optional)] lead: Option<ViewFn>,
    #[prop(optional)] only: Vec<String>,
    /// Where given, the citations that state these terms of a regime (its limits and
    /// purposes, not the notes on its day in force): all, if none does.
    #[prop(optional)]
    terms: Vec<kzvisa_rules::Term>,
) -> impl IntoView {
    let links = !expect_context::<crate::state::Store>().fragment.with_untracked(crate::state::is_kiosk);
    let content = move || {
        let state = words();
        let rules = rules();
        let (cites, _) = rules.cites_of(&id, from);
        let stating = |c: &&Cite| c.supports.iter().any(|t| terms.contains(t));
        let narrow = !terms.is_empty() && cites.iter().any(|c| stating(&c));
        let shown: Vec<&Cite> = cites
            .iter()
            .filter(|c| only.is_empty() || only.contains(&c.doc))
            .filter(|c| !narrow || stating(c))
            .collect();
        // The first words, one step away; the rest by name, their words in "About these rules"
        // and in `kzvisa rules`, so that opening a line keeps it in view.
        let (quoted, named) = shown.split_at(shown.len().min(QUOTED));
        let quoted =
            quoted.iter().map(|c| citation(rules, (*c).clone(), state == Arrival::Ready, links)).collect_view();
        let mut acts: Vec<&str> = named.iter().map(|c| c.doc.as_str()).collect();
        acts.dedup();
        let more = (!acts.is_empty()).then(|| {
            let acts: Vec<String> = acts.into_iter().map(String::from).collect();
            let names = tr_string(move |l| {
                let names: Vec<String> =
                    acts.iter().filter_map(|a| rules.source(a)).map(|s| crate::texts::act(l, s)).collect();
                td_string!(l, result.also_rests_on, acts = names.join("; ")).to_string()
            });
            view! { <p class="sources-more">{names}</p> }
        });
        let missing = (state != Arrival::Ready).then(|| view! { <p>{missing_words(state)}</p> });
        view! { {lead.as_ref().map(|lead| lead.run())} <ul>{quoted}</ul> {more} {missing} }
    };
    view! {
        <details class="sources">
            // A marker that fits at the end of a line: the sign seen, the word heard.
            <summary>
                <span class="marker-sign" aria-hidden="true">"§"</span>
                <span class="visually-hidden">{tr(|l| td_string!(l, result.sources))}</span>
            </summary>
            {content}
        </details>
    }
}

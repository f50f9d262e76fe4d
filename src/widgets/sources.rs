//! "Where this comes from": the clause and words each line of a result rests on.

use chrono::NaiveDate;
use kzvisa_rules::data::model::{Cite, Doubt};
use kzvisa_rules::Rules;
use leptos::prelude::*;

use super::{tr, tr_string};
use crate::i18n::*;
use crate::state::{legal, words, Words};

/// A recorded doubt in the page's language, or in English (marked as such) where the data
/// give no translation, so that it is never hidden.
fn doubt_text(d: Doubt<'static>) -> impl IntoView {
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
fn missing_words(state: Words) -> impl IntoView {
    let text: fn(Locale) -> &'static str = match state {
        Words::Failed => |l| td_string!(l, result.words_failed),
        _ => |l| td_string!(l, result.words_loading),
    };
    view! { <span class="words-missing">{tr(text)}</span> }
}

/// One citation: the act's name and the clause, then the quote and its translation when the
/// words are here (`with_words`).
fn citation(rules: &'static Rules, mut c: Cite, with_words: bool) -> impl IntoView {
    let source = rules.source(&c.doc);
    // The languages of the clause (its text's) and of the quote, for the reader's voice and
    // the hyphenation.
    let text_language = source.map(|s| s.language.clone());
    let language = rules.quote_language(&c).map(str::to_owned);
    let (doc, clause, quote) = (c.doc.clone(), std::mem::take(&mut c.clause), std::mem::take(&mut c.quote));
    let words = with_words.then(|| {
        let translation = translation(c, language.clone());
        view! { <blockquote lang=language>{quote}</blockquote> {translation} }
    });
    // The text's name in the page's language; the clause as the text gives it.
    let name = source.map(|s| tr_string(move |l| crate::texts::act(l, s)));
    view! {
        <li data-doc=doc>
            <p class="source-title">
                <strong>{name}</strong>
                " — " <span lang=text_language>{clause}</span>
            </p>
            {words}
        </li>
    }
}

/// "Where this comes from", for an id an assessment names (a rule's entry in force from
/// `from`, a regime, a document or a step): the clause and words of each citation, and any
/// doubt the data record, shown on request. The words follow their arrival; while they are
/// missing, one line says so, in the doubt's place when there is one.
#[component]
pub fn Sources(id: String, from: Option<NaiveDate>) -> impl IntoView {
    let content = move || {
        let state = words();
        let rules = legal();
        let (cites, doubt) = rules.cites_of(&id, from);
        let cites = cites.iter().map(|c| citation(rules, c.clone(), state == Words::Ready)).collect_view();
        let missing = (state != Words::Ready).then(|| missing_words(state));
        let after = match (doubt, missing) {
            (Some(d), None) => Some(view! { <p class="doubt">{doubt_label()}{doubt_text(d)}</p> }.into_any()),
            (Some(_), Some(missing)) => Some(view! { <p class="doubt">{doubt_label()}{missing}</p> }.into_any()),
            (None, Some(missing)) => Some(view! { <p>{missing}</p> }.into_any()),
            (None, None) => None,
        };
        view! { <ul>{cites}</ul> {after} }
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

fn doubt_label() -> impl IntoView {
    view! { <strong>{tr(|l| td_string!(l, result.doubt))} ": "</strong> }
}

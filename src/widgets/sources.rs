//! "Where this comes from": the clause and words each line of a result rests on.

use kzvisa_rules::data::model::{Cite, Doubt};
use kzvisa_rules::Rules;
use leptos::prelude::*;

use super::{tr, tr_string};
use crate::i18n::*;

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

/// "Where this comes from": the clause and words of each citation, and any doubt the
/// data record, shown on request.
#[component]
pub fn Sources(cites: Vec<Cite>, #[prop(default = None)] doubt: Option<Doubt<'static>>) -> impl IntoView {
    let rules: &'static Rules = crate::state::rules();
    view! {
        <details class="sources">
            // A marker that fits at the end of a line: the sign seen, the word heard.
            <summary>
                <span class="marker-sign" aria-hidden="true">"§"</span>
                <span class="visually-hidden">{tr(|l| td_string!(l, result.sources))}</span>
            </summary>
            <ul>
                {cites.into_iter().map(|mut c| {
                    let source = rules.source(&c.doc);
                    // The languages of the clause (its text's) and of the quote, for the
                    // reader's voice and the hyphenation.
                    let text_language = source.map(|s| s.language.clone());
                    let language = rules.quote_language(&c).map(str::to_owned);
                    let (doc, clause, quote) = (c.doc.clone(), std::mem::take(&mut c.clause), std::mem::take(&mut c.quote));
                    let translation = translation(c, language.clone());
                    // The text's name in the page's language; the clause as the text gives it.
                    let name = source.map(|s| tr_string(move |l| crate::texts::act(l, s)));
                    view! {
                        <li data-doc=doc>
                            <p class="source-title">
                                <strong>{name}</strong>
                                " — " <span lang=text_language>{clause}</span>
                            </p>
                            <blockquote lang=language>{quote}</blockquote>
                            {translation}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {doubt.map(|d| view! {
                <p class="doubt"><strong>{tr(|l| td_string!(l, result.doubt))} ": "</strong>{doubt_text(d)}</p>
            })}
        </details>
    }
}

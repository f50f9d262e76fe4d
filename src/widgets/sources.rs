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

/// "Where this comes from": the clause and words of each citation, and any doubt the
/// data record, shown on request.
#[component]
pub fn Sources(cites: Vec<Cite>, #[prop(default = None)] doubt: Option<Doubt<'static>>) -> impl IntoView {
    let rules: &'static Rules = crate::state::rules();
    view! {
        <details class="sources">
            <summary>{tr(|l| td_string!(l, result.sources))}</summary>
            <ul>
                {cites.into_iter().map(|c| {
                    let source = rules.source(&c.doc);
                    // The quote's language, for the reader's voice and the hyphenation.
                    let language = source.map(|s| s.language.clone());
                    // The text's name in the page's language; the clause as the text gives it.
                    let name = source.map(|s| tr_string(move |l| crate::texts::act(l, s)));
                    view! {
                        <li data-doc=c.doc.clone()>
                            <p class="source-title">
                                <strong>{name}</strong>
                                " — " <span lang=language.clone()>{c.clause}</span>
                            </p>
                            <blockquote lang=language>{c.quote}</blockquote>
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

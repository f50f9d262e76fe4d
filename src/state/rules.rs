//! The rules the engine applies, as the build script checked and encoded them. The
//! traveller's first question needs none of them (it lists the countries from a list the
//! build writes, steps/countries.rs): their bytes and their decoder are in a module of their
//! own (src/lazy.rs), fetched with the later screens once the first question is painted
//! (later.rs). What the page works out from them (the screen a link opens, the questions it
//! asks) follows their arrival. The group page and the native tests decode them at once.
//! Their words (each citation's quote and translations, the doubts, the acts' titles) come
//! later still (words.rs); [`rules`] gives them once they are here.

use std::sync::OnceLock;

use kzvisa_rules::Rules;

use super::later::{self, Later};
use super::words::WORDS;

/// The encoded rules. Only [`decode`] and [`with_words`] read them, so in the traveller's
/// page they are in the module of the split point that calls those.
static ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));

static DECODED: OnceLock<Rules> = OnceLock::new();

thread_local! {
    /// The rules as they arrive.
    pub static RULES: Later<Rules> = arriving();
}

#[cfg(not(any(test, feature = "group-page")))]
fn arriving() -> Later<Rules> {
    Later::new("rules")
}

#[cfg(any(test, feature = "group-page"))]
fn arriving() -> Later<Rules> {
    Later::here("rules", decode())
}

/// Decodes the rules, once (not checked again: the checks would only add code to the
/// bundle). Unreachable error: the build script decoded and checked these same bytes.
pub fn decode() -> &'static Rules {
    DECODED.get_or_init(|| match Rules::from_checked_binary(ENCODED) {
        Ok(rules) => rules,
        Err(errors) => panic!("embedded rules are invalid: {errors}"),
    })
}

/// The rules joined to the words of the law, if `words` fit them (words.rs).
pub fn with_words(words: &[u8]) -> Option<Rules> {
    Rules::from_checked_binary_with_words(ENCODED, words).ok()
}

/// The rules once they are here (tracked: a memo that reads it is worked out again when
/// they come).
pub fn loaded() -> Option<&'static Rules> {
    later::get(&RULES)
}

/// The rules, with their words once those are here (tracked on the words: a view that
/// quotes them follows their arrival), for the code that runs only once the rules are here:
/// the screens after the first question, which src/lazy.rs builds only then, the group page
/// and the tests.
pub fn rules() -> &'static Rules {
    later::get(&WORDS)
        .or_else(|| RULES.with(Later::value))
        .expect("a screen that reads the rules is built only once they are here (src/lazy.rs)")
}

//! Who runs this copy of the check: its name, contact, logo and its privacy and accessibility
//! statements, from operator.toml (checked and written by build.rs), in the page's language.

use crate::i18n::Locale;

/// A text in each language: English, Russian, Kazakh.
type Text = [&'static str; 3];

include!(concat!(env!("OUT_DIR"), "/operator.rs"));

fn pick(text: Text, l: Locale) -> &'static str {
    match l {
        Locale::en => text[0],
        Locale::ru => text[1],
        Locale::kk => text[2],
    }
}

pub fn name(l: Locale) -> &'static str {
    pick(NAME, l)
}

pub fn privacy(l: Locale) -> &'static str {
    pick(PRIVACY, l)
}

pub fn accessibility(l: Locale) -> &'static str {
    pick(ACCESSIBILITY, l)
}

/// How to reach the operator, if the file gives it.
pub fn contact() -> Option<&'static str> {
    (!CONTACT.is_empty()).then_some(CONTACT)
}

/// The logo's address in the build, if the file gives one.
pub fn logo() -> Option<&'static str> {
    (!LOGO.is_empty()).then_some(LOGO)
}

//! The page's own parameters in the URL fragment, beside the case's fields: typed, so that
//! a key is spelled in one place, and grouped by what they are for.

use kzvisa_rules::url::Fragment;

/// A parameter of the page that is not a case field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The screen shown (`nationality` … `result`).
    Step,
    /// `check` when an answer is being changed from the check screen.
    From,
    /// `group`: the group check, a page of its own.
    View,
    /// The language: `en`, `ru` or `kk`.
    Lang,
    /// `kiosk` or `compact`.
    Mode,
    /// A kiosk's seconds without a touch before the countdown.
    Idle,
    /// A kiosk's countdown, in seconds.
    Countdown,
    /// The host page's header colour, `#rrggbb`.
    Theme,
}

impl Key {
    /// The kiosk's or the host page's own settings: kept when the next person starts, and
    /// never in a result's link.
    pub const SETTINGS: [Key; 4] = [Key::Mode, Key::Idle, Key::Countdown, Key::Theme];

    pub fn as_str(self) -> &'static str {
        match self {
            Key::Step => "step",
            Key::From => "from",
            Key::View => "view",
            Key::Lang => "lang",
            Key::Mode => "mode",
            Key::Idle => "idle",
            Key::Countdown => "countdown",
            Key::Theme => "theme",
        }
    }

    pub fn read(self, f: &Fragment) -> Option<&str> {
        f.param(self.as_str())
    }

    pub fn write(self, f: &mut Fragment, value: Option<String>) {
        f.set_param(self.as_str(), value);
    }
}

/// Whether the page runs as a kiosk (`mode=kiosk`): no history, an idle reset, a QR code.
pub fn is_kiosk(f: &Fragment) -> bool {
    Key::Mode.read(f) == Some("kiosk")
}

/// The fragment the next person starts from: no answers, the kiosk's or host's settings,
/// and `lang` (a kiosk's first language after a reset; the current one on "Start again").
pub fn fresh(f: &Fragment, lang: Option<String>) -> Fragment {
    let mut clean = Fragment::default();
    for key in Key::SETTINGS {
        key.write(&mut clean, key.read(f).map(str::to_string));
    }
    Key::Lang.write(&mut clean, lang);
    clean
}

/// A result's own fragment, to take away or share: the case and the language, none of the
/// kiosk's or host's settings, and no screen (a complete case opens its result).
pub fn result_fragment(f: &Fragment) -> Fragment {
    let mut own = f.clone();
    for key in Key::SETTINGS.iter().chain(&[Key::Step, Key::From]) {
        key.write(&mut own, None);
    }
    // The date of birth only where the verdict needs it (fingerprints can be due).
    let needed =
        leptos::prelude::untrack(super::loaded).is_none_or(|r| kzvisa_rules::needs(r, &own.case).birth_date.is_some());
    if !needed {
        own.case.birth_date = None;
    }
    own
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_start_keeps_only_the_settings_and_the_language() {
        let f = Fragment::parse(
            "nationality=DE&passport.expires=2031-01-01&mode=kiosk&idle=60&theme=%23112233&lang=ru&step=trip",
        );
        let clean = fresh(&f, Some("kk".into()));
        assert_eq!(clean.to_fragment(), "mode=kiosk&idle=60&theme=%23112233&lang=kk");
        assert_eq!(clean.case, kzvisa_rules::RawCase::default());
    }

    #[test]
    fn a_results_link_has_no_settings_and_no_screen() {
        let f = Fragment::parse("nationality=DE&mode=kiosk&theme=%23112233&lang=ru&step=result&from=check");
        assert_eq!(result_fragment(&f).to_fragment(), "nationality=DE&lang=ru");
    }
}

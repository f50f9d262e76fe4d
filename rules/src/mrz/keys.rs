//! A keyboard-wedge passport reader "types" the MRZ: a burst of key presses a few
//! milliseconds apart, whatever field has focus, or none. [`Keystrokes`] tells such a
//! burst from a person typing by the time between keys alone, and says when a whole MRZ
//! has arrived. It recognises the shape only: the page then checks it with [`super::read`].

use super::{is_mrz, runs, LAYOUTS};

/// What the page does with one key press.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyAction {
    /// Let the browser handle it. A reader's characters pass too: until a burst is long
    /// enough, nothing tells them from a person's.
    Pass,
    /// A line break of a reader's burst (it ends a line of an MRZ's length, or follows a
    /// whole MRZ): the page must `preventDefault()`, so that Tab does not move the focus and
    /// Enter does not submit a form. Any other Tab or Enter passes, however fast it comes
    /// (a form filled by a machine, another kind of scanner).
    Swallow,
    /// A whole MRZ just arrived, its lines joined by `\n`: the page reads it with
    /// [`super::read`], as if it had been typed into the field `mrz`.
    Complete(String),
}

/// The keys of one burst that can matter: the last three lines of an MRZ with a stray
/// character at each end, and their separators, fit with room to spare. Older keys are
/// dropped, so a burst that never ends costs no more than this.
const KEPT: usize = 128;

/// A passport run with no line breaks: some readers send none. Only TD3 (2 × 44) is
/// recognised so, and only when it starts with `P`, the passport's document code, and its
/// second line has a digit (its dates do; a held P key's repeats do not): a run of an ID
/// card (72 or 90 characters) would reach 72, or a passport's 88, before its end, so
/// telling them apart needs the line breaks. A key typed just before such a run, in the
/// same burst, keeps it from being recognised.
const PASSPORT_RUN: usize = 88;

/// Keys the page feeds from `keydown`, one at a time, to recognise a reader's burst.
///
/// Bursts: a key more than `max_gap_ms` after the one before starts a new burst, so a
/// person typing at human speed (80 ms or more between keys) never makes one, whatever
/// they type. Once a burst is a reader's beyond doubt (its first [`ESTABLISHED`] characters
/// came that fast), it survives one pause of up to ten gaps: a busy computer or a reader's
/// USB hiccup can hold a key back, and a person cannot have started such a burst. Modifier keys are ignored; any other named key (Backspace, arrows) ends the
/// burst, since no reader sends one. The page must not feed auto-repeated keys
/// (`KeyboardEvent.repeat`): a held key repeats as fast as a reader types.
#[derive(Debug, Clone)]
pub struct Keystrokes {
    max_gap_ms: f64,
    started_at: Option<f64>,
    /// Characters typed since the burst completed an MRZ, if it did: a line break after at
    /// most two (a reader's suffix) is the reader's own.
    since_completed: Option<usize>,
    /// Characters in the burst, separators not counted.
    chars: usize,
    last_at: f64,
    /// The burst's text not yet recognised: upper-cased ASCII, line breaks as `\n`, and
    /// anything an MRZ cannot hold as a space (all of them separate lines alike).
    text: Vec<u8>,
}

impl Default for Keystrokes {
    /// A burst's keys at most 50 ms apart (readers type in a few, people in 80 or more).
    fn default() -> Self {
        Keystrokes::new(50.0)
    }
}

/// How many characters in a row, each at most the gap after the one before, make a burst a
/// reader's: a person may roll two or three keys that fast, never a dozen.
pub const ESTABLISHED: usize = 12;

/// Keys that only change what other keys type: a reader may press Shift for each letter.
const MODIFIERS: &[&str] = &["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock", "Dead", "Unidentified"];

impl Keystrokes {
    /// A recogniser whose bursts have keys at most `max_gap_ms` apart.
    pub fn new(max_gap_ms: f64) -> Self {
        Keystrokes { max_gap_ms, started_at: None, since_completed: None, chars: 0, last_at: 0.0, text: Vec::new() }
    }

    /// When the current burst's first character was pressed (the page can undo what the
    /// burst typed into a field), or `None` when no burst is under way.
    pub fn burst_started_at(&self) -> Option<f64> {
        self.started_at
    }

    /// Takes one key press: `key` is `KeyboardEvent.key` (`"A"`, `"<"`, `"Enter"`,
    /// `"Tab"`, `"Shift"`), `at_ms` its time stamp. A time that is not finite cannot
    /// belong to a burst: it ends the one under way.
    pub fn key(&mut self, key: &str, at_ms: f64) -> KeyAction {
        if MODIFIERS.contains(&key) {
            return KeyAction::Pass;
        }
        let mut chars = key.chars();
        let character = match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        let separator = matches!(key, "Enter" | "Tab");
        if !at_ms.is_finite() || (character.is_none() && !separator) {
            self.end();
            return KeyAction::Pass;
        }
        let gap = at_ms - self.last_at;
        let pause = if self.chars >= ESTABLISHED { 10.0 * self.max_gap_ms } else { self.max_gap_ms };
        let within = self.started_at.is_some() && (0.0..=pause).contains(&gap);
        if !within {
            self.end();
        }
        self.last_at = at_ms;
        let Some(c) = character else {
            if !within {
                return KeyAction::Pass;
            }
            let ends_line = self.since_completed.is_some_and(|n| n <= 2) || self.line_fits();
            self.push(b'\n');
            return if ends_line { KeyAction::Swallow } else { KeyAction::Pass };
        };
        self.started_at.get_or_insert(at_ms);
        self.since_completed = self.since_completed.map(|n| n + 1);
        self.chars += 1;
        self.push(u8::try_from(c.to_ascii_uppercase()).ok().filter(|&b| is_mrz(b)).unwrap_or(b' '));
        match self.recognised() {
            Some(mrz) => {
                // The burst goes on, so that a reader's closing Enter is swallowed too.
                self.text.clear();
                self.since_completed = Some(0);
                KeyAction::Complete(mrz)
            }
            None => KeyAction::Pass,
        }
    }

    fn end(&mut self) {
        self.started_at = None;
        self.since_completed = None;
        self.chars = 0;
        self.text.clear();
    }

    /// Whether the line being typed is an MRZ line's length: 30, 36 or 44 characters of its
    /// alphabet, or one or two more (a reader's prefix or suffix of the same alphabet).
    fn line_fits(&self) -> bool {
        let line = self.text.rsplit(|&b| b == b'\n').next().unwrap_or_default();
        let longest = line.split(|&b| !is_mrz(b)).map(<[u8]>::len).max().unwrap_or(0);
        LAYOUTS.iter().any(|layout| (layout.width..=layout.width + 2).contains(&longest))
    }

    fn push(&mut self, b: u8) {
        self.text.push(b);
        if self.text.len() > KEPT {
            self.text.drain(..self.text.len() - KEPT);
        }
    }

    /// The MRZ the burst's text ends with, if its last line has just been completed: the
    /// last lines of one of the sizes, the earlier ones possibly with a stray character at
    /// each end (which [`super::read`] then drops), or a passport as one run.
    fn recognised(&self) -> Option<String> {
        // Only when the last key ends a line of one of the lengths: the cheap test first,
        // and never on a separator or a reader's suffix.
        let last = self.text.iter().rev().take_while(|&&b| is_mrz(b)).count();
        if last != PASSPORT_RUN && LAYOUTS.iter().all(|layout| layout.width != last) {
            return None;
        }
        let lines = runs(&self.text);
        let found = LAYOUTS.iter().find_map(|layout| {
            let last = lines.len().checked_sub(layout.lines)?;
            let (earlier, end) = lines[last..].split_at(layout.lines - 1);
            let fits = end[0].len() == layout.width
                && earlier.iter().all(|line| (layout.width..=layout.width + 2).contains(&line.len()));
            fits.then(|| lines[last..].to_vec())
        });
        let found = found.or_else(|| match lines.last() {
            Some(run)
                if run.len() == PASSPORT_RUN
                    && run.starts_with(b"P")
                    && run[PASSPORT_RUN / 2..].iter().any(u8::is_ascii_digit) =>
            {
                Some(vec![&run[..PASSPORT_RUN / 2], &run[PASSPORT_RUN / 2..]])
            }
            _ => None,
        })?;
        Some(found.iter().map(|line| String::from_utf8_lossy(line)).collect::<Vec<_>>().join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The specimen passport of ICAO 9303 Part 4, of Germany (no check digit covers the
    /// nationality), so that `read` takes it.
    const TD3: &str = "P<D<<ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36D<<7408122F1204159ZE184226B<<<<<10";
    const TD1: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    const TD2: &str = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

    /// `text` as keys: a new line as `separator` (none when empty), anything else as the
    /// character itself.
    fn keys<'a>(text: &'a str, separator: &'a str) -> Vec<String> {
        text.chars()
            .filter(|&c| c != '\n' || !separator.is_empty())
            .map(|c| if c == '\n' { separator.to_string() } else { c.to_string() })
            .collect()
    }

    /// What `keys` give, pressed `gap` ms apart from `start`.
    fn press(k: &mut Keystrokes, keys: &[String], start: f64, gap: f64) -> Vec<KeyAction> {
        keys.iter().enumerate().map(|(i, key)| k.key(key, start + gap * i as f64)).collect()
    }

    fn completed(actions: &[KeyAction]) -> Vec<&str> {
        actions
            .iter()
            .filter_map(|a| if let KeyAction::Complete(text) = a { Some(text.as_str()) } else { None })
            .collect()
    }

    fn reads(text: &str) -> bool {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        super::super::read(text, today, crate::data::Rules::builtin().unwrap()).is_ok()
    }

    #[test]
    fn a_reader_is_recognised_whether_it_sends_enter_tab_or_nothing_between_lines() {
        for mrz in [TD3, TD1, TD2] {
            for separator in ["Enter", "Tab", ""] {
                if separator.is_empty() && mrz != TD3 {
                    continue; // only a passport is recognised without line breaks
                }
                let mut k = Keystrokes::default();
                let mut sent = keys(mrz, separator);
                sent.push("Enter".into());
                let actions = press(&mut k, &sent, 1000.0, 4.0);
                assert_eq!(completed(&actions), vec![mrz], "{separator:?}");
                // It completes on the last character, and the reader's Enter after it is swallowed.
                let last = actions.len() - 1;
                assert_eq!(actions[last - 1], KeyAction::Complete(mrz.into()));
                for (key, action) in sent.iter().zip(&actions).filter(|(key, _)| key.len() > 1) {
                    assert_eq!(*action, KeyAction::Swallow, "{key}");
                }
                assert_eq!(k.burst_started_at(), Some(1000.0));
            }
        }
        assert!(reads(TD3));
    }

    #[test]
    fn a_person_typing_is_never_taken_for_a_reader() {
        for gap in [80.0, 51.0, 1000.0] {
            let mut k = Keystrokes::default();
            let actions = press(&mut k, &keys(TD3, "Enter"), 0.0, gap);
            assert!(actions.iter().all(|a| *a == KeyAction::Pass), "{gap}");
        }
        // The longest gap that still belongs to a burst.
        let mut k = Keystrokes::default();
        assert_eq!(completed(&press(&mut k, &keys(TD3, "Enter"), 0.0, 50.0)), vec![TD3]);
        // A few fast keys and Enter (a word and a submit) are not a reader's.
        let mut k = Keystrokes::default();
        assert_eq!(press(&mut k, &keys("abc\n", "Enter"), 0.0, 10.0), vec![KeyAction::Pass; 4]);
        // Nor a form filled by a machine, however fast and long: its Tabs move the focus.
        let mut k = Keystrokes::default();
        let form = keys("10\n12\n2026\n1\n1\n2027\nAIRPORT ALMATY\n", "Tab");
        assert_eq!(press(&mut k, &form, 0.0, 1.0), vec![KeyAction::Pass; form.len()]);
    }

    #[test]
    fn a_readers_burst_survives_one_hiccup_but_a_persons_typing_never_becomes_one() {
        let sent = keys(TD3, "Enter");
        let times: Vec<f64> = (0..sent.len()).map(|i| i as f64 * 5.0 + if i >= 60 { 400.0 } else { 0.0 }).collect();
        let mut k = Keystrokes::default();
        let actions: Vec<KeyAction> = sent.iter().zip(&times).map(|(key, at)| k.key(key, *at)).collect();
        assert_eq!(completed(&actions), vec![TD3], "a 400 ms pause after 60 keys");
        // Eleven fast keys (a person's roll could not be that long) do not make a burst that
        // outlasts a pause.
        let mut k = Keystrokes::default();
        let mut at = 0.0;
        let mut actions = Vec::new();
        for (i, key) in sent.iter().enumerate() {
            at += if i % (ESTABLISHED - 1) == 0 { 120.0 } else { 5.0 };
            actions.push(k.key(key, at));
        }
        assert!(completed(&actions).is_empty());
    }

    #[test]
    fn a_burst_may_start_just_after_a_persons_key() {
        // The person's last key comes 20 ms before the reader's first: it joins the burst,
        // and `read` drops it as a stray character.
        let mut k = Keystrokes::default();
        press(&mut k, &keys("hello", ""), 0.0, 120.0);
        let actions = press(&mut k, &keys(TD3, "Enter"), 500.0, 5.0);
        let got = completed(&actions);
        assert_eq!(got, vec![format!("O{TD3}")]);
        assert!(reads(got[0]));
        assert_eq!(k.burst_started_at(), Some(480.0), "the burst began with the person's last key");
    }

    #[test]
    fn a_readers_prefix_and_suffix_are_left_out() {
        for (before, after) in [("]", "]"), ("@", "#"), ("\u{2}", "\u{3}"), ("", "~")] {
            let mut k = Keystrokes::default();
            let text = TD3.lines().map(|l| format!("{before}{l}{after}")).collect::<Vec<_>>().join("\n");
            let mut sent = keys(&text, "Enter");
            sent.push("Enter".into());
            let actions = press(&mut k, &sent, 0.0, 3.0);
            assert_eq!(completed(&actions), vec![TD3], "{before:?} {after:?}");
            assert_eq!(actions.last(), Some(&KeyAction::Swallow));
        }
        // A person's key, then the reader's prefix: the key is a line of its own, left out.
        let mut k = Keystrokes::default();
        k.key("o", 0.0);
        assert_eq!(completed(&press(&mut k, &keys(&format!("]{TD3}"), "Tab"), 10.0, 3.0)), vec![TD3]);
    }

    #[test]
    fn modifiers_are_ignored_and_other_named_keys_end_a_burst() {
        let mut k = Keystrokes::default();
        let sent: Vec<String> = keys(TD3, "Enter").into_iter().flat_map(|key| ["Shift".to_string(), key]).collect();
        assert_eq!(completed(&press(&mut k, &sent, 0.0, 2.0)), vec![TD3]);

        let mut k = Keystrokes::default();
        let mut sent = keys(TD3, "Enter");
        sent.insert(50, "Backspace".into());
        assert!(completed(&press(&mut k, &sent, 0.0, 2.0)).is_empty());
        assert_eq!(k.burst_started_at(), Some(102.0), "a new burst began after Backspace");
    }

    #[test]
    fn odd_times_and_keys_do_not_panic() {
        let mut k = Keystrokes::default();
        for (key, at) in [
            ("A", f64::NAN),
            ("Enter", f64::INFINITY),
            ("B", f64::NEG_INFINITY),
            ("", 0.0),
            ("é", 1.0),
            ("Ж", 2.0),
            ("Tab", -1e308),
            ("C", 1e308),
        ] {
            assert_eq!(k.key(key, at), KeyAction::Pass, "{key} {at}");
        }
        assert_eq!(k.burst_started_at(), Some(1e308));
        // Time running backwards starts a new burst rather than extending one.
        let mut k = Keystrokes::default();
        let actions: Vec<KeyAction> =
            keys(TD3, "Enter").iter().enumerate().map(|(i, key)| k.key(key, -(i as f64))).collect();
        assert!(completed(&actions).is_empty());
        // An endless burst keeps only its tail; a held P key (were its repeats fed) is no passport.
        let mut k = Keystrokes::default();
        for i in 0..10_000 {
            assert_eq!(k.key("P", f64::from(i)), KeyAction::Pass);
        }
        assert_eq!(k.text.len(), KEPT);
    }
}

//! Any text through the MRZ reader, and key by key through the keystroke recogniser, with
//! time stamps from the text's own bytes.
#![no_main]

use kzvisa_rules::date::parse_iso;
use kzvisa_rules::mrz::{self, KeyAction, Keystrokes};
use kzvisa_rules::Rules;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let rules = Rules::builtin().expect("built-in data");
    let today = parse_iso("2026-03-10").expect("a day");
    if let Err(e) = mrz::read(text, today, rules) {
        assert!(!e.message.is_empty());
    }

    let mut keys = Keystrokes::default();
    let mut at = 0.0;
    for c in text.chars() {
        // The gap before a key, from its character's first byte. ASCII: -2 to 30 ms, so that
        // printable text comes in a reader's burst, and NUL to BEL step back in time.
        // Any other character: 20 to 520 ms, a reader's pace, a person's, a reader's hiccup
        // (which an established burst survives), or a pause that ends any burst.
        let mut utf8 = [0; 4];
        let first = f64::from(c.encode_utf8(&mut utf8).as_bytes()[0]);
        at += if c.is_ascii() { first / 4.0 - 2.0 } else { (first - 192.0) * 10.0 };
        // Control characters stand for the named keys a page sees.
        let key = match c {
            '\n' => "Enter".to_string(),
            '\t' => "Tab".to_string(),
            '\u{8}' => "Backspace".to_string(),
            '\u{10}' => "Shift".to_string(),
            _ => c.to_string(),
        };
        if let KeyAction::Complete(lines) = keys.key(&key, at) {
            // A whole MRZ's shape: lines of its alphabet, for `read` to check.
            assert!(lines.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"<\n".contains(&b)));
            let _ = mrz::read(&lines, today, rules);
        }
    }
});

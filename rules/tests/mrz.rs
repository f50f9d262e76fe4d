//! The MRZ reader on generated documents of every size: what a valid MRZ says comes back,
//! a changed character is caught or changes nothing kept, no text panics, and a reader's
//! keystrokes are told from a person's.

use chrono::NaiveDate;
use kzvisa_rules::date::shift;
use kzvisa_rules::mrz::{read, KeyAction, Keystrokes, Mrz};
use kzvisa_rules::Rules;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::RngAlgorithm;

fn rules() -> &'static Rules {
    Rules::builtin().expect("built-in data")
}

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

/// ICAO 9303 Part 3, 4.9, written again here so that the tests do not trust the code.
fn check_digit(field: &str) -> char {
    let weights = [7, 3, 1];
    let sum: u32 = field
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let value = match b {
                b'0'..=b'9' => u32::from(b - b'0'),
                b'A'..=b'Z' => u32::from(b - b'A') + 10,
                _ => 0,
            };
            value * weights[i % 3]
        })
        .sum();
    char::from(b'0' + (sum % 10) as u8)
}

/// Where a size keeps what is kept, as offsets into its lines written one after another.
struct Size {
    lines: usize,
    width: usize,
    nationality: usize,
    birth: usize,
    expiry: usize,
    composite: usize,
}

const TD3: Size = Size { lines: 2, width: 44, nationality: 54, birth: 57, expiry: 65, composite: 87 };
const TD2: Size = Size { lines: 2, width: 36, nationality: 46, birth: 49, expiry: 57, composite: 71 };
const TD1: Size = Size { lines: 3, width: 30, nationality: 45, birth: 30, expiry: 38, composite: 59 };

/// A valid MRZ, what it must read as, and the day it is read on.
#[derive(Debug, Clone)]
struct Document {
    size: usize,
    lines: Vec<String>,
    today: NaiveDate,
    expected: Mrz,
}

impl Document {
    fn size(&self) -> &'static Size {
        [&TD3, &TD2, &TD1][self.size]
    }

    fn text(&self) -> String {
        self.lines.join("\n")
    }
}

/// Draws characters from a pool of random bytes.
struct Draw(Vec<u8>, usize);

impl Draw {
    fn chars(&mut self, from: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| {
                self.1 += 1;
                char::from(from[usize::from(self.0[self.1 % self.0.len()]) % from.len()])
            })
            .collect()
    }
}

fn pad(text: &str, width: usize) -> String {
    format!("{text:<<width$}")
}

fn yymmdd(date: NaiveDate) -> String {
    date.format("%y%m%d").to_string()
}

/// Every nationality an MRZ may carry, with the case's code for it: the three letters of
/// every country and travel document of the data (ICAO's for the stateless, refugees and
/// organisations), and ICAO's `D` for Germany.
fn nationalities() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = rules().countries.iter().map(|c| (c.alpha3.clone(), c.code.clone())).collect();
    all.push(("D".into(), "DE".into()));
    all
}

prop_compose! {
    /// A valid document of any size: random names, numbers (ID cards' longer than nine
    /// characters too), optional data and dates, every check digit computed.
    fn document()(
        size in 0usize..3,
        (code, nationality) in select(nationalities()),
        today in -20_000i64..20_000,
        age in 0i64..36_000,
        expiry in -18_000i64..18_000,
        short_number in "[A-Z0-9]{1,9}",
        long_number in "[A-Z0-9]{10,13}",
        long in any::<bool>(),
        empty_personal in any::<bool>(),
        pool in prop::collection::vec(any::<u8>(), 64),
    ) -> Document {
        let today = shift(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), today);
        let (birth, expires) = (shift(today, -age), shift(today, expiry));
        let mut draw = Draw(pool, 0);
        let letters = &ALPHABET[..26];
        let name_chars = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ<<<<<";
        let nat = pad(&code, 3);
        let (b, e) = (yymmdd(birth), yymmdd(expires));
        let (bd, ed) = (check_digit(&b), check_digit(&e));
        let sex = draw.chars(b"MFX<", 1);
        let issuer = draw.chars(letters, 3);
        let long = long && size > 0;
        let number = if long { long_number } else { pad(&short_number, 9) };
        // A long number's first nine characters, its check digit's place, and the rest
        // with the check digit, ending with `<`, that starts the optional data.
        let (first, number_digit, rest) = if long {
            (number[..9].to_string(), '<', format!("{}{}<", &number[9..], check_digit(&number)))
        } else {
            (number.clone(), check_digit(&number), String::new())
        };
        let lines = match size {
            0 => {
                let personal = if empty_personal { "<".repeat(14) } else { draw.chars(ALPHABET, 14) };
                let pd = if empty_personal { draw.chars(b"<0", 1) } else { check_digit(&personal).to_string() };
                let composite = check_digit(&format!("{first}{number_digit}{b}{bd}{e}{ed}{personal}{pd}"));
                vec![
                    format!("P{}{issuer}{}", draw.chars(name_chars, 1), draw.chars(name_chars, 39)),
                    format!("{first}{number_digit}{nat}{b}{bd}{sex}{e}{ed}{personal}{pd}{composite}"),
                ]
            }
            1 => {
                let optional = if long { pad(&rest, 7) } else { draw.chars(ALPHABET, 7) };
                let composite = check_digit(&format!("{first}{number_digit}{b}{bd}{e}{ed}{optional}"));
                vec![
                    format!("{}{}{issuer}{}", draw.chars(b"IAC", 1), draw.chars(name_chars, 1), draw.chars(name_chars, 31)),
                    format!("{first}{number_digit}{nat}{b}{bd}{sex}{e}{ed}{optional}{composite}"),
                ]
            }
            _ => {
                let more = draw.chars(ALPHABET, 15);
                let optional = if long { format!("{rest}{more}")[..15].to_string() } else { more };
                let optional2 = draw.chars(ALPHABET, 11);
                let one = format!("{}{}{issuer}{first}{number_digit}{optional}", draw.chars(b"IAC", 1), draw.chars(name_chars, 1));
                let composite = check_digit(&format!("{}{b}{bd}{e}{ed}{optional2}", &one[5..]));
                vec![one, format!("{b}{bd}{sex}{e}{ed}{nat}{optional2}{composite}"), draw.chars(name_chars, 30)]
            }
        };
        Document { size, lines, today, expected: Mrz { nationality, birth_date: birth, expires } }
    }
}

/// An edit that may turn a valid MRZ into anything.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, char),
    Delete(Index),
    Duplicate(Index),
    Separator(Index, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), any::<char>()).prop_map(|(at, c)| Edit::Insert(at, c)),
        (any::<Index>(), select(ALPHABET.to_vec())).prop_map(|(at, c)| Edit::Insert(at, char::from(c))),
        any::<Index>().prop_map(Edit::Delete),
        any::<Index>().prop_map(Edit::Duplicate),
        (any::<Index>(), select(vec!["\n", "\r", "\r\n", "\t", " ", ""])).prop_map(|(at, s)| Edit::Separator(at, s)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    match edit {
        Edit::Insert(at, c) => chars.insert(at.index(chars.len() + 1), *c),
        Edit::Delete(at) if !chars.is_empty() => {
            chars.remove(at.index(chars.len()));
        }
        Edit::Duplicate(at) if !chars.is_empty() => {
            let at = at.index(chars.len());
            chars.insert(at, chars[at]);
        }
        Edit::Separator(at, s) => {
            // Replaces the separator after the chosen line, if any, with another.
            let breaks: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '\n').collect();
            if !breaks.is_empty() {
                let at = breaks[at.index(breaks.len())];
                chars.splice(at..=at, s.chars());
            }
        }
        _ => {}
    }
    chars.into_iter().collect()
}

/// A key for each character, new lines as `separator` (none when empty).
fn keys(text: &str, separator: &str) -> Vec<String> {
    text.chars()
        .filter(|&c| c != '\n' || !separator.is_empty())
        .map(|c| if c == '\n' { separator.to_string() } else { c.to_string() })
        .collect()
}

proptest! {
    // XorShift: the default ChaCha generator, built without optimisation, took most of the time.
    #![proptest_config(ProptestConfig { cases: 10_000, rng_algorithm: RngAlgorithm::XorShift, ..ProptestConfig::default() })]

    #[test]
    fn a_valid_mrz_reads_back(doc in document()) {
        prop_assert_eq!(read(&doc.text(), doc.today, rules()), Ok(doc.expected.clone()), "{}", doc.text());
    }

    #[test]
    fn separators_case_and_spaces_at_the_ends_do_not_matter(
        doc in document(),
        separators in prop::collection::vec(select(vec!["\n", "\r", "\r\n", "\t", " ", "\n\n", " \r\n\t "]), 2),
        lower in any::<bool>(),
        ends in select(vec!["", " ", "\n", "\u{2}", "\u{3}\r\n"]),
    ) {
        let mut text = ends.to_string();
        for (i, line) in doc.lines.iter().enumerate() {
            if i > 0 {
                text.push_str(separators[i - 1]);
            }
            text.push_str(&if lower { line.to_lowercase() } else { line.clone() });
        }
        text.push_str(ends);
        prop_assert_eq!(read(&text, doc.today, rules()), Ok(doc.expected.clone()), "{:?}", text);
    }

    /// Any single character replaced by another of the MRZ's alphabet. What holds:
    /// - In a date, its check digit, or the composite check digit: always refused. A digit
    ///   for another changes the weighted sum by 7, 3 or 1 times 1 to 9, never a multiple
    ///   of 10; a letter or `<` worth the same modulo 10 (`0` and `<`, `5` and `F`) passes
    ///   both check digits but is not a date; a check digit must be a digit.
    /// - In the nationality, which no check digit covers: refused (not a code of the data)
    ///   or read as another country, the dates unchanged.
    /// - Anywhere else (names, document code, issuing state, sex, document number, optional
    ///   data): refused, or read as before. The number and optional data are covered by
    ///   check digits, but a character worth the same modulo 10 (`A` for `0`) slips through
    ///   them: harmless, since nothing of them is kept. The other fields are in no check.
    #[test]
    fn a_changed_character_is_caught_or_changes_nothing_kept(doc in document(), at in any::<Index>(), by in any::<Index>()) {
        let size = doc.size();
        let at = at.index(size.lines * size.width);
        let mut flat: Vec<u8> = doc.lines.concat().into_bytes();
        let others: Vec<u8> = ALPHABET.iter().copied().filter(|&c| c != flat[at]).collect();
        flat[at] = others[by.index(others.len())];
        let text = flat.chunks(size.width).map(|l| String::from_utf8_lossy(l).into_owned()).collect::<Vec<_>>().join("\n");
        let in_field = |start: usize, len: usize| (start..start + len).contains(&at);
        match read(&text, doc.today, rules()) {
            Err(e) => prop_assert!(!e.message.is_empty()),
            Ok(_) if in_field(size.birth, 7) || in_field(size.expiry, 7) || at == size.composite => {
                prop_assert!(false, "a change at {} of a date or the composite was read: {}", at, text);
            }
            Ok(m) if in_field(size.nationality, 3) => {
                prop_assert_eq!((m.birth_date, m.expires), (doc.expected.birth_date, doc.expected.expires));
            }
            Ok(m) => prop_assert_eq!(m, doc.expected.clone(), "{}", text),
        }
    }

    #[test]
    fn no_text_panics(text in any::<String>()) {
        if let Err(e) = read(&text, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), rules()) {
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn no_edited_mrz_panics(doc in document(), edits in prop::collection::vec(edit(), 1..4)) {
        let text = edits.iter().fold(doc.text(), |text, e| apply(&text, e));
        if let Err(e) = read(&text, doc.today, rules()) {
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn a_reader_completes_each_mrz_once(
        doc in document(),
        gaps in prop::collection::vec(0.0f64..=30.0, 16),
        separator in select(vec!["Enter", "Tab", ""]),
        closing_enter in any::<bool>(),
        shift_keys in any::<bool>(),
    ) {
        // Only a passport is recognised without line breaks.
        let separator = if doc.size > 0 && separator.is_empty() { "Enter" } else { separator };
        let mut sent = keys(&doc.text(), separator);
        if closing_enter {
            sent.push("Enter".into());
        }
        let mut k = Keystrokes::default();
        let mut at = 1_000.0;
        let mut completed = Vec::new();
        for (i, key) in sent.iter().enumerate() {
            at += gaps[i % gaps.len()];
            if shift_keys {
                prop_assert_eq!(k.key("Shift", at), KeyAction::Pass);
            }
            match k.key(key, at) {
                KeyAction::Complete(text) => completed.push(text),
                KeyAction::Swallow => prop_assert!(key.len() > 1, "{} swallowed", key),
                KeyAction::Pass => prop_assert!(key.len() == 1, "{} passed", key),
            }
        }
        prop_assert_eq!(&completed, &vec![doc.text()]);
        prop_assert_eq!(read(&completed[0], doc.today, rules()), Ok(doc.expected.clone()));
    }

    #[test]
    fn a_person_is_never_taken_for_a_reader(
        text in prop_oneof![any::<String>(), document().prop_map(|d| d.text())],
        gaps in prop::collection::vec(80.0f64..2_000.0, 16),
    ) {
        let mut k = Keystrokes::default();
        let mut at = 0.0;
        for (i, key) in keys(&text.replace('\t', "\n"), "Enter").iter().enumerate() {
            at += gaps[i % gaps.len()];
            prop_assert_eq!(k.key(key, at), KeyAction::Pass);
        }
    }
}

//! The machine-readable zone of a passport or ID card (ICAO Doc 9303 Parts 3 to 6), read
//! for the three answers it can give the case: nationality, date of birth and expiry.
//!
//! The name, document number and sex are read only as far as the check digits need them
//! and then dropped: the contract keeps nothing else of an MRZ.

mod keys;

use std::fmt;
use std::ops::Range;

use chrono::{Datelike, Months, NaiveDate};

use crate::case::{InputError, InputErrorCode};
use crate::data::Rules;
use crate::date::add_months;

pub use keys::{KeyAction, Keystrokes};

/// What a valid MRZ gives the case: nothing else of the MRZ is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mrz {
    /// The case's nationality: the country's alpha-2 code from the data (`DE`), or `XXA`
    /// for a stateless person or refugee (ICAO's `XXA`, `XXB`, `XXC`).
    pub nationality: String,
    pub birth_date: NaiveDate,
    pub expires: NaiveDate,
}

crate::codes_vocabulary! {
    /// Why an MRZ was refused: stable codes, the page words them. `format`: not 2 lines of
    /// 44, 2 of 36 or 3 of 30 characters of A–Z, 0–9 and `<`; then a check digit that does
    /// not match (`optional_data_check`: a passport's personal number, ID cards have no
    /// such check); then, every check digit holding, a date that is no day (`<<` for an
    /// unknown day or month, `991332`), or a nationality code that is no country of the
    /// data (Utopia's `UTO`, `GBD`, `UNO`). In that order, the order of checking, so that of
    /// several readings of one text the one that got furthest is the one reported.
    MrzErrorCode {
        Format = "format",
        DocumentNumberCheck = "document_number_check",
        BirthDateCheck = "birth_date_check",
        ExpiryCheck = "expiry_check",
        OptionalDataCheck = "optional_data_check",
        CompositeCheck = "composite_check",
        BirthDate = "birth_date",
        Expiry = "expiry",
        UnknownNationality = "unknown_nationality",
    }
}

/// An MRZ refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MrzError {
    pub code: MrzErrorCode,
    /// Plain English for the command line and tests, naming the check that failed.
    pub message: String,
}

impl MrzError {
    fn new(code: MrzErrorCode, message: impl Into<String>) -> Self {
        MrzError { code, message: message.into() }
    }

    /// The error as one of the case's, on the field `mrz`, with a code per check so that
    /// the page can say which one failed.
    pub fn to_input_error(&self) -> InputError {
        use InputErrorCode as I;
        let code = match self.code {
            MrzErrorCode::Format => I::MrzFormat,
            MrzErrorCode::DocumentNumberCheck => I::MrzDocumentNumberCheck,
            MrzErrorCode::BirthDateCheck => I::MrzBirthDateCheck,
            MrzErrorCode::ExpiryCheck => I::MrzExpiryCheck,
            MrzErrorCode::OptionalDataCheck => I::MrzOptionalDataCheck,
            MrzErrorCode::CompositeCheck => I::MrzCompositeCheck,
            MrzErrorCode::BirthDate => I::MrzBirthDate,
            MrzErrorCode::Expiry => I::MrzExpiry,
            MrzErrorCode::UnknownNationality => I::MrzNationality,
        };
        InputError::new("mrz", code, self.message.clone())
    }
}

impl fmt::Display for MrzError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MrzError {}

/// The longest text looked at: an MRZ is at most 90 characters, and this leaves room for
/// any separators and spaces a paste brings while keeping the work on hostile text small.
const MAX_TEXT: usize = 512;

/// Where one size of document keeps its fields, as offsets into its lines written one
/// after another (ICAO 9303 Part 4 for TD3, Part 5 for TD1, Part 6 for TD2).
struct Layout {
    lines: usize,
    width: usize,
    /// The document number's nine characters, then its check digit.
    document: usize,
    /// Where a document number longer than nine characters goes on, ended by its check
    /// digit and a `<`, when its own check digit position holds `<` (TD1 and TD2 only).
    overflow: Option<Range<usize>>,
    nationality: usize,
    /// Six digits, YYMMDD, then the check digit; the same for `expiry`.
    birth: usize,
    expiry: usize,
    /// The personal number's 14 characters, then its check digit (TD3 only).
    optional: Option<usize>,
    /// What the composite check digit covers.
    composite: &'static [Range<usize>],
    composite_digit: usize,
}

/// The three sizes, passports first. A passport line is 44 characters, so no text has
/// lines that fit two sizes; only a one-line run of 90 fits both TD1 and TD3 with a
/// stray character at either end, and the check digits then tell.
const LAYOUTS: [Layout; 3] = [
    Layout {
        lines: 2,
        width: 44,
        document: 44,
        overflow: None,
        nationality: 54,
        birth: 57,
        expiry: 65,
        optional: Some(72),
        composite: &[44..54, 57..64, 65..87],
        composite_digit: 87,
    },
    Layout {
        lines: 2,
        width: 36,
        document: 36,
        overflow: Some(64..71),
        nationality: 46,
        birth: 49,
        expiry: 57,
        optional: None,
        composite: &[36..46, 49..56, 57..71],
        composite_digit: 71,
    },
    Layout {
        lines: 3,
        width: 30,
        document: 5,
        overflow: Some(15..30),
        nationality: 45,
        birth: 30,
        expiry: 38,
        optional: None,
        composite: &[5..30, 30..37, 38..45, 48..59],
        composite_digit: 59,
    },
];

/// Reads an MRZ typed, pasted or sent by a keyboard-wedge reader, with two-digit years
/// read around `today`.
///
/// Forgiving in form, never in content:
/// - Letters are upper-cased (typed by hand).
/// - Every character that cannot be in an MRZ separates lines: CR, LF, Tab, blank lines, a
///   reader's prefix and suffix (STX, ETX, `@`, `#`, `]`), and spaces, since a paste
///   through a one-line field turns line breaks into spaces. A space typed inside a line,
///   for a `<`, so splits it into pieces of the wrong length, and the text is refused:
///   guessing how many `<` it stood for could read a different line.
/// - A line one or two characters too long may carry a stray character of the MRZ's own
///   alphabet at either end (a reader's prefix, a key typed just before the reader's
///   burst): it is read without it too.
/// - One line may hold the whole MRZ (a paste that lost its line breaks).
///
/// Of these readings the first that passes is taken: every check digit, then the dates,
/// then the nationality (looked at only once the check digits hold). When none passes, the error is that of the reading that got
/// furthest, naming the first check that failed in the order of the document.
pub fn read(text: &str, today: NaiveDate, rules: &Rules) -> Result<Mrz, MrzError> {
    if text.len() > MAX_TEXT {
        return Err(MrzError::new(MrzErrorCode::Format, "the text is longer than any MRZ"));
    }
    let upper = text.to_ascii_uppercase();
    let lines = runs(upper.as_bytes());
    let mut furthest: Option<MrzError> = None;
    for layout in &LAYOUTS {
        for reading in readings(layout, &lines) {
            match decode(layout, &reading, today, rules) {
                Ok(mrz) => return Ok(mrz),
                Err(e) if furthest.as_ref().is_none_or(|f| e.code > f.code) => furthest = Some(e),
                Err(_) => {}
            }
        }
    }
    Err(furthest.unwrap_or_else(|| shape_error(&lines)))
}

/// Whether an MRZ may hold `b`: A–Z, 0–9 and the filler `<`.
fn is_mrz(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'<'
}

/// The lines of upper-cased text: its runs of MRZ characters.
fn runs(text: &[u8]) -> Vec<&[u8]> {
    text.split(|b| !is_mrz(*b)).filter(|run| !run.is_empty()).collect()
}

/// The ways `run` can be `width` characters: itself, or without a stray character at
/// its start or its end, or at both.
fn trimmed(run: &[u8], width: usize) -> Vec<&[u8]> {
    match run.len().checked_sub(width) {
        Some(0) => vec![run],
        Some(1) => vec![&run[1..], &run[..width]],
        Some(2) => vec![&run[1..=width]],
        _ => Vec::new(),
    }
}

/// The ways `lines` can be read as `layout`'s lines, each written out as one string:
/// line by line, or as one run holding them all.
fn readings(layout: &Layout, lines: &[&[u8]]) -> Vec<Vec<u8>> {
    match lines {
        [run] => trimmed(run, layout.width * layout.lines).into_iter().map(<[u8]>::to_vec).collect(),
        _ if lines.len() == layout.lines => lines.iter().fold(vec![Vec::new()], |readings, line| {
            let ways = trimmed(line, layout.width);
            readings.iter().flat_map(|done| ways.iter().map(move |way| [done.as_slice(), way].concat())).collect()
        }),
        _ => Vec::new(),
    }
}

fn shape_error(lines: &[&[u8]]) -> MrzError {
    let found = match lines {
        [] => "no MRZ characters".to_string(),
        [one] => format!("1 line of {} characters", one.len()),
        [_, _] | [_, _, _] => {
            let lengths: Vec<String> = lines.iter().map(|l| l.len().to_string()).collect();
            format!("{} lines of {} characters", lines.len(), lengths.join(", "))
        }
        _ => format!("{} lines", lines.len()),
    };
    let message = format!(
        "an MRZ is 2 lines of 44 characters (passport), 2 lines of 36 or 3 lines of 30, of A-Z, 0-9 and < only; \
         found {found}"
    );
    MrzError::new(MrzErrorCode::Format, message)
}

/// Reads `t`, one reading of the text as `layout`: checks in the order of the document,
/// then the dates, then the nationality. `t` is `layout`'s size, of MRZ characters only.
fn decode(layout: &Layout, t: &[u8], today: NaiveDate, rules: &Rules) -> Result<Mrz, MrzError> {
    use MrzErrorCode as E;
    let fail = |code, what: &str| Err(MrzError::new(code, format!("the check digit of {what} does not match")));
    let check = |start: usize, len: usize| holds(&t[start..start + len], t[start + len]);

    if !document_number_holds(layout, t) {
        return fail(E::DocumentNumberCheck, "the document number");
    }
    if !check(layout.birth, 6) {
        return fail(E::BirthDateCheck, "the date of birth");
    }
    if !check(layout.expiry, 6) {
        return fail(E::ExpiryCheck, "the date of expiry");
    }
    if let Some(at) = layout.optional {
        // ICAO allows `<` for the check digit of a personal number left empty.
        let empty = t[at..at + 15].iter().all(|&b| b == b'<');
        if !check(at, 14) && !empty {
            return fail(E::OptionalDataCheck, "the personal number (optional data)");
        }
    }
    let covered: Vec<u8> = layout.composite.iter().flat_map(|r| t[r.clone()].iter().copied()).collect();
    if !holds(&covered, t[layout.composite_digit]) {
        return fail(E::CompositeCheck, "the whole zone (the composite, the last character of the zone)");
    }

    let written = |at: usize| String::from_utf8_lossy(&t[at..at + 6]).into_owned();
    let birth_date = day_up_to(&t[layout.birth..layout.birth + 6], today).ok_or_else(|| {
        let message =
            format!("the date of birth {} (YYMMDD) is not a day in the last hundred years", written(layout.birth));
        MrzError::new(E::BirthDate, message)
    })?;
    let expires = day_up_to(&t[layout.expiry..layout.expiry + 6], add_months(today, 50 * 12)).ok_or_else(|| {
        let message = format!("the date of expiry {} (YYMMDD) is not a day", written(layout.expiry));
        MrzError::new(E::Expiry, message)
    })?;
    let nationality = nationality(&t[layout.nationality..layout.nationality + 3], rules)?;
    Ok(Mrz { nationality, birth_date, expires })
}

/// ICAO 9303 Part 3, 4.9: digits count as themselves, A to Z as 10 to 35, `<` as 0; each
/// value is weighted 7, 3, 1, 7, 3, 1…, and the check digit is the sum modulo 10.
fn check_digit(field: &[u8]) -> u8 {
    let value = |b: u8| match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 0,
    };
    let sum: u32 = field.iter().zip([7, 3, 1].iter().cycle()).map(|(&b, w)| value(b) * w).sum();
    (sum % 10) as u8
}

/// Whether `digit` is the check digit of `field`. Only a digit is: `<` (worth 0) and
/// letters (10 and 20 are worth 0 modulo 10) never stand for one.
fn holds(field: &[u8], digit: u8) -> bool {
    digit == b'0' + check_digit(field)
}

/// The document number's check. A number longer than nine characters (TD1, TD2: Parts 5
/// and 6, 4.2.4) has `<` for its check digit; it goes on in the optional data up to the
/// first `<`, whose last character is the check digit of the whole number.
fn document_number_holds(layout: &Layout, t: &[u8]) -> bool {
    let (number, digit) = (&t[layout.document..layout.document + 9], t[layout.document + 9]);
    match &layout.overflow {
        Some(rest) if digit == b'<' => {
            let rest = &t[rest.clone()];
            let end = rest.iter().position(|&b| b == b'<').unwrap_or(rest.len());
            match rest[..end].split_last() {
                Some((&digit, more)) => holds(&[number, more].concat(), digit),
                None => false,
            }
        }
        _ => holds(number, digit),
    }
}

/// The day written YYMMDD in the hundred years up to `latest`. ICAO leaves the century
/// to the reader; the contract puts a birth date in the hundred years up to today (never
/// in the future) and an expiry in the hundred up to fifty years from today, so a passport
/// that expired last year reads as expired, not as valid for another century.
fn day_up_to(yymmdd: &[u8], latest: NaiveDate) -> Option<NaiveDate> {
    if yymmdd.len() != 6 || !yymmdd.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let two = |i: usize| (yymmdd[i] - b'0') * 10 + (yymmdd[i + 1] - b'0');
    let year = latest.year() - (latest.year() - i32::from(two(0))).rem_euclid(100);
    let earliest = latest.checked_sub_months(Months::new(100 * 12)).unwrap_or(NaiveDate::MIN);
    // The century before when the day is yet to come this year, or does not exist in it
    // (29 February 2100).
    [year, year - 100]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, two(2).into(), two(4).into()))
        .find(|day| earliest < *day && *day <= latest)
}

/// The case's nationality for the MRZ's code: the three letters of a country or travel
/// document of the data (ICAO Doc 9303 Part 3: `XXA` the stateless, `XXB` and `XXC`
/// refugees, `GBN`, `UNO`, `RKS`, ...), or another code ICAO gives one (`D` for Germany).
fn nationality(field: &[u8], rules: &Rules) -> Result<String, MrzError> {
    let written = String::from_utf8_lossy(field);
    let code = written.trim_end_matches('<');
    // Never a two-letter code, as in `DE<`: the zone writes three letters, or ICAO's `D`.
    let found = rules
        .countries
        .iter()
        .find(|c| (code.len() == 3 && c.alpha3 == code) || (code.len() != 2 && c.codes.iter().any(|x| x == code)));
    match found {
        Some(country) => Ok(country.code.clone()),
        None => Err(MrzError::new(
            MrzErrorCode::UnknownNationality,
            format!("the nationality {written} is not a country this check knows"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;
    use MrzErrorCode as E;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn rules() -> &'static Rules {
        Rules::builtin().unwrap()
    }

    fn today() -> NaiveDate {
        d("2026-03-10")
    }

    fn code(text: &str) -> MrzErrorCode {
        read(text, today(), rules()).unwrap_err().code
    }

    fn digit(field: &str) -> char {
        char::from(b'0' + check_digit(field.as_bytes()))
    }

    /// ICAO 9303 Part 4, Appendix A: the TD3 specimen of Utopia.
    const TD3: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    /// Part 5, Appendix A: the TD1 specimen.
    const TD1: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    /// Part 6, Appendix A: the TD2 specimen.
    const TD2: &str = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";
    /// Part 11, Appendix D.2: a TD1 whose document number, D23145890734, has 12 characters.
    const TD1_LONG: &str =
        "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<";
    /// The same number on a TD2 (Part 11's examples).
    const TD2_LONG: &str = "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\nD23145890<UTO3407127M95071227349<<<8";

    /// The passport's second line with every check digit computed: `personal` is 14
    /// characters, and `personal_digit` replaces its check digit when given.
    fn line2(nationality: &str, birth: &str, expiry: &str, personal: &str, personal_digit: Option<char>) -> String {
        let number = "L898902C3";
        let (n, b, e) = (digit(number), digit(birth), digit(expiry));
        let p = personal_digit.unwrap_or_else(|| digit(personal));
        let composite = digit(&format!("{number}{n}{birth}{b}{expiry}{e}{personal}{p}"));
        format!("{number}{n}{nationality}{birth}{b}F{expiry}{e}{personal}{p}{composite}")
    }

    fn passport(nationality: &str, birth: &str, expiry: &str) -> String {
        format!(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n{}",
            line2(nationality, birth, expiry, "ZE184226B<<<<<", None)
        )
    }

    fn mrz(nationality: &str, birth_date: &str, expires: &str) -> Mrz {
        Mrz { nationality: nationality.into(), birth_date: d(birth_date), expires: d(expires) }
    }

    /// Asserts that `text` reads as the specimen's dates, of a German.
    fn german(text: &str) {
        assert_eq!(read(text, today(), rules()), Ok(mrz("DE", "1974-08-12", "2012-04-15")), "{text:?}");
    }

    /// A specimen with another nationality: the second line holds it on every size.
    fn with_nationality(text: &str, code: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let at = if lines.len() == 3 { 15 } else { 10 };
        lines[1].replace_range(at..at + 3, code);
        lines.join("\n")
    }

    #[test]
    fn computes_icao_check_digits() {
        for (field, expected) in [("L898902C3", '6'), ("740812", '2'), ("120415", '9'), ("ZE184226B<<<<<", '1')] {
            assert_eq!(digit(field), expected, "{field}");
        }
        assert_eq!(digit(""), '0');
    }

    #[test]
    fn the_icao_specimens_pass_every_check_and_utopia_is_refused() {
        for text in [TD3, TD1, TD2, TD1_LONG, TD2_LONG] {
            let error = read(text, today(), rules()).unwrap_err();
            assert_eq!(error.code, E::UnknownNationality, "{text}");
            assert!(error.message.contains("UTO"), "{}", error.message);
        }
    }

    #[test]
    fn the_specimens_of_a_real_country_decode() {
        // No check digit covers the nationality, on any size: changing it keeps them all.
        let recomputed = line2("D<<", "740812", "120415", "ZE184226B<<<<<", None);
        assert_eq!(with_nationality(TD3, "D<<").lines().nth(1), Some(recomputed.as_str()));
        for text in [TD3, TD1, TD2] {
            german(&with_nationality(text, "D<<"));
            german(&with_nationality(text, "DEU"));
        }
        for text in [TD1_LONG, TD2_LONG] {
            let french = with_nationality(text, "FRA");
            assert_eq!(read(&french, today(), rules()), Ok(mrz("FR", "1934-07-12", "1995-07-12")));
        }
        let nationality = |code: &str| read(&with_nationality(TD3, code), today(), rules()).map(|m| m.nationality);
        assert_eq!(nationality("KAZ"), Ok("KZ".into()), "Kazakhstan's own passport reads; the case refuses it later");
        for (code, case) in
            [("XXA", "XX"), ("XXB", "XXB"), ("XXC", "XXC"), ("GBN", "GBN"), ("UNO", "UNO"), ("RKS", "XK")]
        {
            assert_eq!(nationality(code), Ok(case.into()), "ICAO's code {code}");
        }
        for unknown in ["UTO", "XAA", "KS<", "DE<", "D<E", "<<<", "123"] {
            let error = nationality(unknown).unwrap_err();
            assert_eq!((error.code, error.message.contains(unknown)), (E::UnknownNationality, true), "{unknown}");
        }
    }

    #[test]
    fn each_check_digit_has_its_own_error_and_the_first_is_reported() {
        let good = passport("D<<", "740812", "120415");
        german(&good);
        german(&good.replacen("2F1", "2M1", 1)); // the sex is in no check, and not kept
                                                 // `good` with characters of its second line changed, read.
        let error = |changes: &[(usize, u8)]| {
            let mut bytes = good.clone().into_bytes();
            for &(at, b) in changes {
                bytes[45 + at] = b;
            }
            read(&String::from_utf8(bytes).unwrap(), today(), rules()).unwrap_err()
        };
        let with = |changes: &[(usize, u8)]| error(changes).code;
        assert_eq!(error(&[(19, b'3')]).message, "the check digit of the date of birth does not match");
        assert_eq!(with(&[(9, b'7')]), E::DocumentNumberCheck);
        assert_eq!(with(&[(9, b'<')]), E::DocumentNumberCheck, "a passport's number cannot overflow");
        assert_eq!(with(&[(19, b'3')]), E::BirthDateCheck);
        assert_eq!(with(&[(27, b'0')]), E::ExpiryCheck);
        assert_eq!(with(&[(42, b'2')]), E::OptionalDataCheck);
        assert_eq!(with(&[(42, b'<')]), E::OptionalDataCheck, "`<` only for an empty personal number");
        assert_eq!(with(&[(43, b'1')]), E::CompositeCheck);
        assert_eq!(with(&[(43, b'<')]), E::CompositeCheck, "`<` is worth 0 but is no digit");
        assert_eq!(with(&[(27, b'0'), (9, b'7'), (43, b'1')]), E::DocumentNumberCheck);
        assert_eq!(with(&[(43, b'1'), (19, b'3')]), E::BirthDateCheck);

        // An ID card's number that overflows must go on in the optional data.
        let td1 = TD1_LONG.replace("<7349<", "<<<<<<");
        assert_eq!(code(&td1.replace("2\nSTEV", "0\nSTEV")), E::DocumentNumberCheck);
        assert_eq!(code(&TD1_LONG.replace("<7349<", "<7348<")), E::DocumentNumberCheck);
        assert_eq!(code(&TD2_LONG.replace("7349<", "7348<")), E::DocumentNumberCheck);
        assert_eq!(code(&TD1.replace("<6\nERIK", "<7\nERIK")), E::CompositeCheck);
        assert_eq!(code(&TD2.replace("<<<6", "<<B6")), E::CompositeCheck, "the optional data is in the composite");
    }

    #[test]
    fn an_empty_personal_number_may_have_a_filler_for_its_check_digit() {
        let empty = "<".repeat(14);
        for mark in ['<', '0'] {
            let text = format!(
                "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\n{}",
                line2("D<<", "740812", "120415", &empty, Some(mark))
            );
            german(&text);
        }
    }

    #[test]
    fn dates_that_are_no_days_are_refused_after_the_checks() {
        assert_eq!(code(&passport("D<<", "991332", "120415")), E::BirthDate);
        assert_eq!(code(&passport("D<<", "7408<<", "120415")), E::BirthDate, "an unknown day");
        assert_eq!(code(&passport("D<<", "740812", "120230")), E::Expiry);
        assert_eq!(code(&passport("UTO", "991332", "120230")), E::BirthDate, "dates before the nationality");
        let error = read(&passport("D<<", "991332", "120415"), today(), rules()).unwrap_err();
        assert!(error.message.contains("991332"), "{}", error.message);
    }

    #[test]
    fn two_digit_years_read_around_today() {
        let dates = |birth: &str, expiry: &str| {
            let mrz = read(&passport("D<<", birth, expiry), today(), rules()).unwrap();
            (mrz.birth_date.to_string(), mrz.expires.to_string())
        };
        // Born this year, today, or on a day of this year still to come (last century).
        assert_eq!(dates("260101", "300101"), ("2026-01-01".into(), "2030-01-01".into()));
        assert_eq!(dates("260310", "300101").0, "2026-03-10");
        assert_eq!(dates("260311", "300101").0, "1926-03-11");
        assert_eq!(dates("990101", "300101").0, "1999-01-01");
        assert_eq!(dates("000229", "300101").0, "2000-02-29");
        // An expiry just past is past; one up to fifty years ahead is ahead; later ones are past.
        assert_eq!(dates("740812", "260309").1, "2026-03-09");
        assert_eq!(dates("740812", "360310").1, "2036-03-10");
        assert_eq!(dates("740812", "760310").1, "2076-03-10");
        assert_eq!(dates("740812", "760311").1, "1976-03-11");
        assert_eq!(dates("740812", "990101").1, "1999-01-01");
        // 29 February of a year with none in the window: no such day.
        let later = d("2061-01-01");
        assert_eq!(day_up_to(b"000229", add_months(later, 600)), None, "2100 has no 29 February, 2000 is too long ago");
        assert_eq!(day_up_to(b"000229", d("2100-02-01")), Some(d("2000-02-29")));
        assert_eq!(day_up_to(b"000229", NaiveDate::MIN), None, "no panic at the ends of the calendar");
        assert_eq!(day_up_to(b"991231", NaiveDate::MAX).map(|d| d.year() % 100), Some(99));
    }

    #[test]
    fn lines_may_be_separated_in_any_way() {
        let [one, two]: [&str; 2] = TD3.lines().collect::<Vec<_>>().try_into().unwrap();
        let (one, two) = (one.replace("UTO", "D<<"), two.replace("UTO", "D<<"));
        for separator in ["\n", "\r", "\r\n", "\t", "\n\n\r\n", " ", "\t \r"] {
            german(&format!("{one}{separator}{two}"));
        }
        german(&format!("  \n{one}  \r\n  {two} \n\n"));
        german(&format!("{one}{two}"));
        german(&format!("{}\n{}", one.to_lowercase(), two.to_ascii_lowercase()));
    }

    #[test]
    fn a_readers_prefix_and_suffix_are_dropped() {
        let [one, two]: [&str; 2] = TD3.lines().collect::<Vec<_>>().try_into().unwrap();
        let (one, two) = (one.replace("UTO", "D<<"), two.replace("UTO", "D<<"));
        for (before, after) in
            [("\u{2}", "\u{3}"), ("@", "#"), ("]", ""), ("", "]"), ("X", ""), ("", "X"), ("7", "<"), ("Q", "Q")]
        {
            german(&format!("{before}{one}{after}\n{before}{two}{after}"));
            german(&format!("{before}{one}\n{two}{after}"));
            german(&format!("{before}{one}{two}{after}"));
        }
        // A stray character of the MRZ's alphabet does not make a bad line good.
        assert_eq!(code(&format!("{one}\nX{}", &two[..43])), E::DocumentNumberCheck);
        assert_eq!(code(&format!("{one}\nXYZ{two}")), E::Format);
    }

    #[test]
    fn anything_else_is_refused_as_format() {
        let [one, two]: [&str; 2] = TD3.lines().collect::<Vec<_>>().try_into().unwrap();
        for text in [
            String::new(),
            "   \n\t".into(),
            format!("{one}\n{two}\n{two}"),
            format!("{one}\n{}", two.replacen('<', " ", 1)),
            format!("{one}\n{}", two.replacen('<', "«", 1)),
            format!("{one}\n{}", &two[..40]),
            format!("{one}\n{two}{}", " ".repeat(MAX_TEXT)),
            "ПАСПОРТ".into(),
        ] {
            let error = read(&text, today(), rules()).unwrap_err();
            assert_eq!(error.code, E::Format, "{text:?}");
            assert!(error.message.starts_with("an MRZ is") || error.message.contains("longer"), "{}", error.message);
        }
        assert!(read(&format!("{one}\n{}", &two[..40]), today(), rules()).unwrap_err().message.contains("44, 40"));
    }

    #[test]
    fn one_run_of_ninety_reads_as_an_id_card_or_a_passport_with_a_prefix_and_a_suffix() {
        let id_card = TD1.replace("UTO<", "FRA<").replace('\n', "");
        assert_eq!(read(&id_card, today(), rules()).map(|m| m.nationality), Ok("FR".into()));
        german(&format!("X{}Y", passport("D<<", "740812", "120415").replace('\n', "")));
    }

    #[test]
    fn an_error_is_the_case_error_of_the_field_mrz() {
        let error = read(TD3, today(), rules()).unwrap_err();
        let input = error.to_input_error();
        assert_eq!(
            (input.field.as_str(), input.code, &input.message),
            ("mrz", InputErrorCode::MrzNationality, &error.message)
        );
        assert_eq!(error.to_string(), error.message);
    }
}

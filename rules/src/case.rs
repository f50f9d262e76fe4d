//! The case: what the traveller tells us. A [`RawCase`] holds the answers as text, as they
//! come from JSON, a URL or a form; [`RawCase::validate`] turns it into a [`Case`] or into
//! one [`InputError`] per problem, each naming its field.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::codes::{EntryPoint, Law, Purpose};
use crate::data::Rules;
use crate::date::{parse_iso, DateError};

/// The most earlier stays a case may list: far more than 180 days can hold, few enough
/// that a hostile case cannot make evaluation slow.
pub const MAX_PREVIOUS_STAYS: usize = 200;

/// The alpha-2 code of Kazakhstan, whose citizens are not foreigners there.
pub const KAZAKHSTAN: &str = "KZ";

crate::codes_vocabulary! {
    /// What is wrong with an answer. Stable codes: the page translates them.
    InputErrorCode {
        Missing = "missing",
        InvalidDate = "invalid_date",
        NoSuchDate = "no_such_date",
        DateOutOfRange = "date_out_of_range",
        UnknownCountry = "unknown_country",
        KazakhstanCitizen = "kazakhstan_citizen",
        UnknownPurpose = "unknown_purpose",
        UnknownEntryPoint = "unknown_entry_point",
        UnknownLaw = "unknown_law",
        NotANumber = "not_a_number",
        NotABoolean = "not_a_boolean",
        ExitBeforeEntry = "exit_before_entry",
        ExpiresBeforeIssued = "expires_before_issued",
        InTheFuture = "in_the_future",
        TooLongAgo = "too_long_ago",
        StayNotBeforeTrip = "stay_not_before_trip",
        TooManyStays = "too_many_stays",
        UnknownField = "unknown_field",
        WrongType = "wrong_type",
        Malformed = "malformed",
        MrzFormat = "mrz_format",
        MrzDocumentNumberCheck = "mrz_document_number_check",
        MrzBirthDateCheck = "mrz_birth_date_check",
        MrzExpiryCheck = "mrz_expiry_check",
        MrzOptionalDataCheck = "mrz_optional_data_check",
        MrzCompositeCheck = "mrz_composite_check",
        MrzBirthDate = "mrz_birth_date",
        MrzExpiry = "mrz_expiry",
        MrzNationality = "mrz_nationality",
        GroupEmpty = "group_empty",
        GroupNotUtf8 = "group_not_utf8",
        GroupNoHeader = "group_no_header",
        GroupMissingColumn = "group_missing_column",
        GroupDuplicateColumn = "group_duplicate_column",
        GroupTooLarge = "group_too_large",
    }
}

/// One problem with the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// The field in the contract's spelling: `trip.exit`, `previous_stays[1].entry`.
    pub field: String,
    pub code: InputErrorCode,
    /// A plain English sentence for the command line; the page words it from `code`.
    pub message: String,
}

impl InputError {
    pub fn new(field: impl Into<String>, code: InputErrorCode, message: impl Into<String>) -> Self {
        InputError { field: field.into(), code, message: message.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every problem with a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputErrors(pub Vec<InputError>);

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::codes::write_lines(f, &self.0)
    }
}

impl std::error::Error for InputErrors {}

/// Passport answers as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawPassport {
    pub expires: Option<String>,
    pub issued: Option<String>,
    pub blank_pages: Option<String>,
    pub condition_ok: Option<String>,
}

/// Trip answers as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawTrip {
    pub entry: Option<String>,
    pub exit: Option<String>,
    pub entry_point: Option<String>,
}

/// An earlier stay as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawStay {
    pub entry: Option<String>,
    pub exit: Option<String>,
}

/// A case as the traveller gave it: every answer as text, nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawCase {
    pub today: Option<String>,
    pub nationality: Option<String>,
    pub purpose: Option<String>,
    pub birth_date: Option<String>,
    pub passport: RawPassport,
    pub trip: RawTrip,
    pub previous_stays: Vec<RawStay>,
    /// The country of a residence permit in a third country.
    pub residence_permit: Option<String>,
    /// The law to apply: `current` (the default) or `core`.
    pub law: Option<String>,
    /// Problems met while reading the text form (unknown fields, wrong types), reported
    /// together with the problems `validate` finds.
    pub read_errors: Vec<InputError>,
}

/// A passport, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passport {
    pub expires: NaiveDate,
    pub issued: Option<NaiveDate>,
    pub blank_pages: Option<u32>,
    pub condition_ok: Option<bool>,
}

/// A trip, checked: `exit` is never before `entry`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trip {
    pub entry: NaiveDate,
    pub exit: NaiveDate,
    pub entry_point: EntryPoint,
}

/// An earlier stay, checked: `exit` is never before `entry`, and it ends before the trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stay {
    pub entry: NaiveDate,
    pub exit: NaiveDate,
}

/// A case the engine can assess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub today: NaiveDate,
    /// Alpha-2 code from the data set's country table.
    pub nationality: String,
    pub purpose: Purpose,
    pub birth_date: Option<NaiveDate>,
    pub passport: Passport,
    pub trip: Trip,
    pub previous_stays: Vec<Stay>,
    /// Alpha-2 code of the country of a residence permit.
    pub residence_permit: Option<String>,
    /// The law applied: the five texts alone, or with the later acts.
    pub law: Law,
}

/// Collects problems while a case is checked.
struct Checker<'r> {
    rules: &'r Rules,
    errors: Vec<InputError>,
}

impl Checker<'_> {
    fn fail(&mut self, field: &str, code: InputErrorCode, message: String) {
        self.errors.push(InputError::new(field, code, message));
    }

    fn required<'v>(&mut self, field: &str, value: &'v Option<String>) -> Option<&'v str> {
        match value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Some(v),
            _ => {
                self.fail(field, InputErrorCode::Missing, "is required".into());
                None
            }
        }
    }

    fn optional(value: &Option<String>) -> Option<&str> {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let (code, message) = match parse_iso(text) {
            Ok(date) => return Some(date),
            Err(DateError::Format) => {
                (InputErrorCode::InvalidDate, format!("`{text}` is not a date: write it as YYYY-MM-DD"))
            }
            Err(DateError::NoSuchDay) => (InputErrorCode::NoSuchDate, format!("{text} does not exist in the calendar")),
            Err(DateError::OutOfRange) => {
                (InputErrorCode::DateOutOfRange, format!("{text} is outside the years 1900 to 2200"))
            }
        };
        self.fail(field, code, message);
        None
    }

    fn required_date(&mut self, field: &str, value: &Option<String>) -> Option<NaiveDate> {
        self.required(field, value).and_then(|t| self.date(field, t))
    }

    fn optional_date(&mut self, field: &str, value: &Option<String>) -> Option<NaiveDate> {
        Self::optional(value).and_then(|t| self.date(field, t))
    }

    fn country(&mut self, field: &str, text: &str) -> Option<String> {
        match self.rules.country(text) {
            Some(c) if c.code == KAZAKHSTAN => {
                let message = "citizens of Kazakhstan are not foreigners there: this check is for other nationalities";
                self.fail(field, InputErrorCode::KazakhstanCitizen, message.into());
                None
            }
            Some(c) => Some(c.code.clone()),
            None => {
                let message = format!(
                    "`{text}` is not a country or travel document code (ISO 3166-1 as DE or DEU, or ICAO's as XXA for stateless, GBN, UNO, RKS)"
                );
                self.fail(field, InputErrorCode::UnknownCountry, message);
                None
            }
        }
    }

    fn choice<T: Copy + fmt::Display>(
        &mut self,
        field: &str,
        text: &str,
        parse: fn(&str) -> Option<T>,
        all: &[T],
        code: InputErrorCode,
    ) -> Option<T> {
        let found = parse(&text.to_ascii_lowercase());
        if found.is_none() {
            let names: Vec<String> = all.iter().map(ToString::to_string).collect();
            self.fail(field, code, format!("`{text}` is not one of {}", names.join(", ")));
        }
        found
    }
}

impl RawCase {
    /// Checks every answer and returns the case, or every problem found.
    pub fn validate(&self, rules: &Rules) -> Result<Case, InputErrors> {
        let mut c = Checker { rules, errors: self.read_errors.clone() };
        use InputErrorCode as E;

        let today = c.required_date("today", &self.today);
        let nationality = c.required("nationality", &self.nationality).and_then(|t| c.country("nationality", t));
        let purpose = c
            .required("purpose", &self.purpose)
            .and_then(|t| c.choice("purpose", t, Purpose::parse, Purpose::ALL, E::UnknownPurpose));
        let law = Checker::optional(&self.law)
            .map(|t| c.choice("law", t, Law::parse, Law::ALL, E::UnknownLaw))
            .unwrap_or(Some(Law::Current));
        let birth_date = c.optional_date("birth_date", &self.birth_date);
        if let (Some(birth), Some(today)) = (birth_date, today) {
            if birth > today {
                c.fail("birth_date", E::InTheFuture, format!("{birth} is after today ({today})"));
            } else if crate::date::days_between(birth, today) > 150 * 366 {
                c.fail("birth_date", E::TooLongAgo, format!("{birth} is more than 150 years before today"));
            }
        }

        let p = &self.passport;
        let expires = c.required_date("passport.expires", &p.expires);
        let issued = c.optional_date("passport.issued", &p.issued);
        if let (Some(issued), Some(today)) = (issued, today) {
            if issued > today {
                c.fail("passport.issued", E::InTheFuture, format!("{issued} is after today ({today})"));
            }
        }
        if let (Some(issued), Some(expires)) = (issued, expires) {
            if expires <= issued {
                c.fail(
                    "passport.expires",
                    E::ExpiresBeforeIssued,
                    format!("{expires} is not after the issue date {issued}"),
                );
            }
        }
        let blank_pages = Checker::optional(&p.blank_pages).and_then(|t| match t.parse::<u32>() {
            Ok(n) if n <= 1000 => Some(n),
            _ => {
                c.fail(
                    "passport.blank_pages",
                    E::NotANumber,
                    format!("`{t}` is not a whole number of pages from 0 to 1000"),
                );
                None
            }
        });
        let condition_ok = Checker::optional(&p.condition_ok).and_then(|t| match t.to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => {
                c.fail("passport.condition_ok", E::NotABoolean, format!("`{t}` is not true or false"));
                None
            }
        });

        let t = &self.trip;
        let entry = c.required_date("trip.entry", &t.entry);
        let exit = c.required_date("trip.exit", &t.exit);
        if let (Some(entry), Some(exit)) = (entry, exit) {
            if exit < entry {
                c.fail("trip.exit", E::ExitBeforeEntry, format!("{exit} is before the entry date {entry}"));
            }
        }
        let entry_point = c
            .required("trip.entry_point", &t.entry_point)
            .and_then(|v| c.choice("trip.entry_point", v, EntryPoint::parse, EntryPoint::ALL, E::UnknownEntryPoint));

        if self.previous_stays.len() > MAX_PREVIOUS_STAYS {
            let message =
                format!("lists {} stays; at most {MAX_PREVIOUS_STAYS} are accepted", self.previous_stays.len());
            c.fail("previous_stays", E::TooManyStays, message);
        }
        let mut previous_stays = Vec::new();
        for (i, s) in self.previous_stays.iter().take(MAX_PREVIOUS_STAYS).enumerate() {
            let field = |part: &str| format!("previous_stays[{i}].{part}");
            let s_entry = c.required_date(&field("entry"), &s.entry);
            let s_exit = c.required_date(&field("exit"), &s.exit);
            let (Some(s_entry), Some(s_exit)) = (s_entry, s_exit) else { continue };
            if s_exit < s_entry {
                c.fail(&field("exit"), E::ExitBeforeEntry, format!("{s_exit} is before this stay's entry {s_entry}"));
            } else if entry.is_some_and(|e| s_exit >= e) {
                let e = entry.unwrap_or(s_exit);
                c.fail(
                    &field("exit"),
                    E::StayNotBeforeTrip,
                    format!("{s_exit} is not before the trip's entry {e}: an earlier stay must end before it"),
                );
            } else {
                previous_stays.push(Stay { entry: s_entry, exit: s_exit });
            }
        }
        let residence_permit =
            Checker::optional(&self.residence_permit).and_then(|t| c.country("residence_permit.country", t));

        match (today, nationality, purpose, expires, entry, exit, entry_point, law) {
            (
                Some(today),
                Some(nationality),
                Some(purpose),
                Some(expires),
                Some(entry),
                Some(exit),
                Some(entry_point),
                Some(law),
            ) if c.errors.is_empty() => Ok(Case {
                today,
                nationality,
                purpose,
                birth_date,
                passport: Passport { expires, issued, blank_pages, condition_ok },
                trip: Trip { entry, exit, entry_point },
                previous_stays,
                residence_permit,
                law,
            }),
            _ => Err(InputErrors(c.errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawCase {
        RawCase {
            today: Some("2026-11-21".into()),
            nationality: Some(" deu ".into()),
            purpose: Some("Tourism".into()),
            passport: RawPassport { expires: Some("2031-01-01".into()), ..RawPassport::default() },
            trip: RawTrip {
                entry: Some("2026-12-01".into()),
                exit: Some("2026-12-01".into()),
                entry_point: Some("LAND".into()),
            },
            ..RawCase::default()
        }
    }

    fn fields(r: Result<Case, InputErrors>) -> Vec<(String, InputErrorCode)> {
        r.err().map(|e| e.0.into_iter().map(|e| (e.field, e.code)).collect()).unwrap_or_default()
    }

    #[test]
    fn codes_and_choices_are_read_leniently() {
        let case = raw().validate(Rules::builtin().unwrap()).unwrap();
        assert_eq!(case.nationality, "DE");
        assert_eq!(case.purpose, Purpose::Tourism);
        assert_eq!(case.trip.entry_point, EntryPoint::Land);
        assert_eq!(case.trip.entry, case.trip.exit, "a one-day stay is allowed");
    }

    #[test]
    fn blank_answers_count_as_missing() {
        let mut r = raw();
        r.purpose = Some("  ".into());
        r.birth_date = Some(String::new());
        assert_eq!(fields(r.validate(Rules::builtin().unwrap())), vec![("purpose".into(), InputErrorCode::Missing)]);
    }

    #[test]
    fn impossible_relations_between_dates_are_errors() {
        let mut r = raw();
        r.birth_date = Some("2027-01-01".into());
        r.passport.issued = Some("2031-01-01".into());
        r.previous_stays = vec![RawStay { entry: Some("2026-11-10".into()), exit: Some("2026-11-01".into()) }];
        let got = fields(r.validate(Rules::builtin().unwrap()));
        assert_eq!(
            got,
            vec![
                ("birth_date".into(), InputErrorCode::InTheFuture),
                ("passport.issued".into(), InputErrorCode::InTheFuture),
                ("passport.expires".into(), InputErrorCode::ExpiresBeforeIssued),
                ("previous_stays[0].exit".into(), InputErrorCode::ExitBeforeEntry),
            ]
        );
    }

    #[test]
    fn too_many_stays_are_refused_without_reading_them_all() {
        let mut r = raw();
        r.previous_stays = vec![RawStay::default(); MAX_PREVIOUS_STAYS + 1];
        let got = fields(r.validate(Rules::builtin().unwrap()));
        assert_eq!(got[0], ("previous_stays".into(), InputErrorCode::TooManyStays));
        assert_eq!(got.len(), 1 + 2 * MAX_PREVIOUS_STAYS, "each read stay misses both dates");
    }

    #[test]
    fn read_errors_are_reported_with_the_rest() {
        let mut r = raw();
        r.read_errors.push(InputError::new("colour", InputErrorCode::UnknownField, "is not a field"));
        r.nationality = Some("KZ".into());
        let got = fields(r.validate(Rules::builtin().unwrap()));
        assert_eq!(
            got,
            vec![
                ("colour".into(), InputErrorCode::UnknownField),
                ("nationality".into(), InputErrorCode::KazakhstanCitizen)
            ]
        );
    }
}

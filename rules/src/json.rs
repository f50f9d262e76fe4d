//! Reading a case from JSON (the command line, fixtures). Types are checked here, field by
//! field, so that a wrong type is reported next to its field like any other problem.

use serde_json::{Map, Value};

use crate::case::{InputError, InputErrorCode, RawCase, RawStay};

/// Reads `text` as a case. Malformed JSON is one error; everything else is left to
/// [`RawCase::validate`], which also reports what was collected here.
pub fn read_case(text: &str) -> Result<RawCase, InputError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| InputError::new("(case)", InputErrorCode::Malformed, format!("not valid JSON: {e}")))?;
    let Value::Object(top) = value else {
        return Err(InputError::new("(case)", InputErrorCode::WrongType, "a case is a JSON object {...}"));
    };
    let mut r = Reader { errors: Vec::new() };
    let mut case = RawCase::default();
    r.known_fields(
        "",
        &top,
        &[
            "today",
            "nationality",
            "purpose",
            "birth_date",
            "passport",
            "trip",
            "previous_stays",
            "residence_permit",
            "law",
        ],
    );
    case.today = r.text("today", top.get("today"));
    case.nationality = r.text("nationality", top.get("nationality"));
    case.purpose = r.text("purpose", top.get("purpose"));
    case.birth_date = r.text("birth_date", top.get("birth_date"));
    case.law = r.text("law", top.get("law"));
    if let Some(p) = r.object("passport", top.get("passport")) {
        r.known_fields("passport.", p, &["expires", "issued", "blank_pages", "condition_ok"]);
        case.passport.expires = r.text("passport.expires", p.get("expires"));
        case.passport.issued = r.text("passport.issued", p.get("issued"));
        case.passport.blank_pages = r.scalar("passport.blank_pages", p.get("blank_pages"));
        case.passport.condition_ok = r.scalar("passport.condition_ok", p.get("condition_ok"));
    }
    if let Some(t) = r.object("trip", top.get("trip")) {
        r.known_fields("trip.", t, &["entry", "exit", "entry_point"]);
        case.trip.entry = r.text("trip.entry", t.get("entry"));
        case.trip.exit = r.text("trip.exit", t.get("exit"));
        case.trip.entry_point = r.text("trip.entry_point", t.get("entry_point"));
    }
    match top.get("previous_stays") {
        None | Some(Value::Null) => {}
        Some(Value::Array(stays)) => {
            for (i, stay) in stays.iter().enumerate() {
                let field = format!("previous_stays[{i}]");
                let Some(s) = r.object(&field, Some(stay)) else {
                    case.previous_stays.push(RawStay::default());
                    continue;
                };
                r.known_fields(&format!("{field}."), s, &["entry", "exit"]);
                case.previous_stays.push(RawStay {
                    entry: r.text(&format!("{field}.entry"), s.get("entry")),
                    exit: r.text(&format!("{field}.exit"), s.get("exit")),
                });
            }
        }
        Some(_) => r.wrong("previous_stays", "a list of {\"entry\": ..., \"exit\": ...}"),
    }
    if let Some(rp) = r.object("residence_permit", top.get("residence_permit")) {
        r.known_fields("residence_permit.", rp, &["country"]);
        case.residence_permit = r.text("residence_permit.country", rp.get("country"));
    }
    case.read_errors = r.errors;
    Ok(case)
}

struct Reader {
    errors: Vec<InputError>,
}

impl Reader {
    fn wrong(&mut self, field: &str, expected: &str) {
        self.errors.push(InputError::new(field, InputErrorCode::WrongType, format!("must be {expected}")));
    }

    fn known_fields(&mut self, prefix: &str, object: &Map<String, Value>, known: &[&str]) {
        for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
            let message = format!("is not a field of the case (expected one of: {})", known.join(", "));
            self.errors.push(InputError::new(format!("{prefix}{key}"), InputErrorCode::UnknownField, message));
        }
    }

    fn text(&mut self, field: &str, value: Option<&Value>) -> Option<String> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.wrong(field, "a string");
                None
            }
        }
    }

    /// A number or boolean, kept as its text; a string is taken as it is.
    fn scalar(&mut self, field: &str, value: Option<&Value>) -> Option<String> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
            Some(_) => {
                self.wrong(field, "a number or true/false");
                None
            }
        }
    }

    fn object<'v>(&mut self, field: &str, value: Option<&'v Value>) -> Option<&'v Map<String, Value>> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                self.wrong(field, "an object {...}");
                None
            }
        }
    }
}

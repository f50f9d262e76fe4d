//! The case in a URL fragment, as the contract gives it:
//! `#nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=...&lang=en`,
//! earlier stays as `previous_stays=2026-07-01..2026-07-30,2026-08-10..2026-09-08`.
//! Reading never fails: every value is kept as it stands, for the validation to name at its field.

use crate::case::{RawCase, RawStay};

/// The case's fields in the order they are written.
const CASE_FIELDS: [&str; 14] = [
    "today",
    "nationality",
    "purpose",
    "birth_date",
    "passport.expires",
    "passport.issued",
    "passport.blank_pages",
    "passport.condition_ok",
    "trip.entry",
    "trip.exit",
    "trip.entry_point",
    "previous_stays",
    "residence_permit.country",
    "law",
];

/// A fragment split into the case and the other parameters (language, display options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fragment {
    pub case: RawCase,
    /// The page's own parameters (language, screen, display), in order, decoded.
    pub params: Vec<(String, String)>,
}

fn slot<'c>(case: &'c mut RawCase, field: &str) -> Option<&'c mut Option<String>> {
    Some(match field {
        "today" => &mut case.today,
        "nationality" => &mut case.nationality,
        "purpose" => &mut case.purpose,
        "birth_date" => &mut case.birth_date,
        "passport.expires" => &mut case.passport.expires,
        "passport.issued" => &mut case.passport.issued,
        "passport.blank_pages" => &mut case.passport.blank_pages,
        "passport.condition_ok" => &mut case.passport.condition_ok,
        "trip.entry" => &mut case.trip.entry,
        "trip.exit" => &mut case.trip.exit,
        "trip.entry_point" => &mut case.trip.entry_point,
        "residence_permit.country" | "residence_permit" => &mut case.residence_permit,
        "law" => &mut case.law,
        _ => return None,
    })
}

/// Decodes `%XX` escapes and `+` as a space; a broken escape is kept as it stands.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters (and `.`, `,` and `:` used in values).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads `2026-07-01..2026-07-30,2026-08-10..2026-09-08`. A part without `..` is an entry
/// date without its exit: the validation then names each at its own field, where the
/// traveller sees what the link held and can correct it, and the text survives being
/// written back into the URL.
fn read_stays(value: &str) -> Vec<RawStay> {
    // Each side trimmed on its own: `A ..` is the entry `A`, as it reads once written back.
    let date = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
    value
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (entry, exit) = part.split_once("..").unwrap_or((part, ""));
            RawStay { entry: date(entry), exit: date(exit) }
        })
        .collect()
}

impl Fragment {
    /// Reads a fragment, with or without its leading `#`. A repeated field keeps its last value.
    pub fn parse(fragment: &str) -> Fragment {
        let mut out = Fragment::default();
        let body = fragment.strip_prefix('#').unwrap_or(fragment);
        for pair in body.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key), decode(value));
            if key == "previous_stays" {
                out.case.previous_stays = read_stays(&value);
            } else if let Some(slot) = slot(&mut out.case, &key) {
                *slot = Some(value).filter(|v| !v.is_empty());
            } else {
                out.set_param(&key, Some(value));
            }
        }
        out
    }

    /// The fragment (without `#`): case fields in the contract's order, then the page's parameters.
    pub fn to_fragment(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        let mut case = self.case.clone();
        for field in CASE_FIELDS {
            if field == "previous_stays" {
                let stays: Vec<String> = case
                    .previous_stays
                    .iter()
                    .map(|s| match (&s.entry, &s.exit) {
                        // An entry alone reads back as one (a `..` after it could join a dot of its own).
                        (Some(entry), None) => entry.clone(),
                        (entry, exit) => {
                            format!("{}..{}", entry.as_deref().unwrap_or(""), exit.as_deref().unwrap_or(""))
                        }
                    })
                    .collect();
                if !stays.is_empty() {
                    pairs.push(format!("previous_stays={}", encode(&stays.join(","))));
                }
            } else if let Some(Some(value)) = slot(&mut case, field).map(|s| s.as_ref()) {
                pairs.push(format!("{field}={}", encode(value)));
            }
        }
        pairs.extend(self.params.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))));
        pairs.join("&")
    }

    /// Removes a case field's answer (`today`, `previous_stays[1].exit`: all earlier stays).
    pub fn clear(&mut self, field: &str) {
        if field.starts_with("previous_stays") {
            self.case.previous_stays.clear();
        } else if let Some(slot) = slot(&mut self.case, field) {
            *slot = None;
        }
    }

    /// The value of one of the page's parameters.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Sets (at the end) or removes one of the page's parameters.
    pub fn set_param(&mut self, key: &str, value: Option<String>) {
        self.params.retain(|(k, _)| k != key);
        if let Some(value) = value {
            self.params.push((key.to_string(), value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTRACT: &str = "#nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty&lang=en";

    #[test]
    fn reads_the_contract_example() {
        let f = Fragment::parse(CONTRACT);
        assert_eq!(f.case.nationality.as_deref(), Some("DE"));
        assert_eq!(f.case.passport.expires.as_deref(), Some("2031-01-01"));
        assert_eq!(f.case.trip.entry_point.as_deref(), Some("airport_almaty"));
        assert_eq!(f.param("lang"), Some("en"));
        assert!(f.case.read_errors.is_empty());
    }

    #[test]
    fn round_trips_every_field() {
        let text = "today=2026-11-21&nationality=XXA&purpose=work&birth_date=2010-02-28&passport.expires=2031-01-01&passport.issued=2021-01-02&passport.blank_pages=3&passport.condition_ok=false&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=land&previous_stays=2026-07-01..2026-07-30,2026-08-10..2026-09-08&residence_permit.country=AE&lang=kk&kiosk=1";
        let f = Fragment::parse(text);
        assert_eq!(f.case.previous_stays.len(), 2);
        assert_eq!(f.case.previous_stays[1].exit.as_deref(), Some("2026-09-08"));
        assert_eq!(f.to_fragment(), text);
        assert_eq!(Fragment::parse(&f.to_fragment()), f);
    }

    #[test]
    fn an_answer_can_be_removed() {
        let mut f = Fragment::parse("today=junk&previous_stays=x,y&residence_permit.country=ZZ&lang=en");
        for field in ["today", "previous_stays[1].entry", "residence_permit.country", "lang"] {
            f.clear(field);
        }
        assert_eq!(f.to_fragment(), "lang=en", "case fields removed, other parameters kept");
    }

    #[test]
    fn tampered_values_are_kept_for_validation_and_never_break_reading() {
        let f = Fragment::parse("#nationality=%3Cscript%3E&trip.exit=%ZZ&previous_stays=2026-01-01,..&&=&purpose");
        assert_eq!(f.case.nationality.as_deref(), Some("<script>"));
        assert_eq!(f.case.trip.exit.as_deref(), Some("%ZZ"));
        assert_eq!(f.case.previous_stays.len(), 2);
        assert_eq!(f.case.previous_stays[0], RawStay { entry: Some("2026-01-01".into()), exit: None });
        assert_eq!(f.case.previous_stays[1], RawStay::default());
        // A space before the `..` belongs to neither date, so the stay reads back the same.
        let spaced = Fragment::parse("previous_stays=2026-01-01%20..%202026-01-05");
        assert_eq!(spaced.case.previous_stays[0].entry.as_deref(), Some("2026-01-01"));
        assert_eq!(spaced.case.previous_stays[0].exit.as_deref(), Some("2026-01-05"));
        assert_eq!(f.case.purpose, None);
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(encode("Кот & <b>"), "%D0%9A%D0%BE%D1%82%20%26%20%3Cb%3E");
    }
}

//! The calendar file (RFC 5545): one all-day event for each dated deadline and step of an
//! assessment, so a traveller's phone reminds them the day before. The engine writes the
//! file's structure; the summaries come from the caller, in the page's language.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::assessment::{Assessment, Deadline, Line};

/// Something an assessment dates: a deadline, or a step of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dated<'a> {
    Deadline(&'a Deadline),
    Step(&'a Line),
}

impl Dated<'_> {
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Dated::Deadline(d) => Some(d.date),
            Dated::Step(s) => s.date,
        }
    }

    /// What the event is about, stable across runs: part of its `UID`.
    fn key(&self) -> String {
        match self {
            Dated::Deadline(d) => format!("deadline-{}", d.code.as_str()),
            Dated::Step(s) => format!("step-{}", s.code),
        }
    }
}

/// One event per action and day, from `today` on: every dated step, and the deadlines no
/// step carries (a step says what to do on its deadline's day), in the assessment's order.
/// A day already past has nothing left to remind of.
pub fn dated(a: &Assessment) -> Vec<Dated<'_>> {
    let steps = || a.steps.iter().filter(|s| s.date.is_some());
    let deadlines = a.deadlines.iter().filter(|d| !steps().any(|s| s.anchor == Some(d.code))).map(Dated::Deadline);
    let all = deadlines.chain(steps().map(Dated::Step));
    all.filter(|item| item.date().is_some_and(|d| d >= a.today)).collect()
}

/// The words of the file, in the page's language.
pub struct Words<'a> {
    /// The language tag of the summaries (`en`, `ru`, `kk`).
    pub lang: &'a str,
    /// The calendar's name, shown by some apps when importing.
    pub name: &'a str,
}

/// Writes the calendar. `summary` words each event; `stamp` is when the file is made, in
/// UTC (the engine never reads the clock). A date-only `DTSTART` starts at local midnight,
/// so the reminder 15 hours before it rings at 9 in the morning the day before: a day's
/// notice at an hour a traveller is awake.
pub fn write(
    a: &Assessment,
    words: &Words<'_>,
    stamp: NaiveDateTime,
    summary: impl Fn(&Dated<'_>) -> String,
) -> String {
    let mut out = String::new();
    let trip = trip_hash(a);
    let lang = words.lang;
    let mut line = |text: &str| fold(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//kzvisa//Kazakhstan entry checker//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(words.name)));
    for item in dated(a) {
        let Some(date) = item.date() else { continue };
        let text = escape(&summary(&item));
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-{}-{trip:016x}@kzvisa", basic(date), item.key()));
        line(&format!(
            "DTSTAMP:{}T{:02}{:02}{:02}Z",
            basic(stamp.date()),
            stamp.hour(),
            stamp.minute(),
            stamp.second()
        ));
        line(&format!("DTSTART;VALUE=DATE:{}", basic(date)));
        line(&format!("DTEND;VALUE=DATE:{}", basic(date.succ_opt().unwrap_or(date))));
        line(&format!("SUMMARY;LANGUAGE={lang}:{text}"));
        line("TRANSP:TRANSPARENT");
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line(&format!("DESCRIPTION;LANGUAGE={lang}:{text}"));
        line("TRIGGER:-PT15H");
        line("END:VALARM");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// A date in the basic form (`20261204`). Written out: chrono's `format` brings its whole
/// format-string machinery into the page.
fn basic(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A stable number for the trip (nationality, purpose, route): events of the same trip
/// keep their `UID`s, so importing the file twice updates rather than duplicates them.
/// FNV-1a: small, and the same on every platform and run.
fn trip_hash(a: &Assessment) -> u64 {
    let text = format!("{}|{}|{}", a.nationality, a.purpose.as_str(), a.route.as_str());
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Escapes a TEXT value (RFC 5545, 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets without splitting a character (RFC 5545,
/// 3.1), and ended with CRLF.
fn fold(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate, url::Fragment, Rules};

    fn assessment() -> Assessment {
        let case = Fragment::parse(
            "today=2026-11-21&nationality=DE&purpose=tourism&passport.expires=2031-01-01\
             &trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty",
        )
        .case;
        evaluate(Rules::builtin().unwrap(), &case).unwrap()
    }

    fn stamp() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap().and_hms_opt(10, 30, 0).unwrap()
    }

    fn calendar(summary: impl Fn(&Dated<'_>) -> String) -> String {
        write(&assessment(), &Words { lang: "ru", name: "Поездка; Казахстан" }, stamp(), summary)
    }

    #[test]
    fn one_all_day_event_per_action_and_day_with_a_reminder_the_day_before() {
        let a = assessment();
        let text = calendar(|d| format!("until {}", d.date().unwrap()));
        let steps: Vec<_> = a.steps.iter().filter(|s| s.date.is_some()).collect();
        // A deadline a step carries is that step's event, not one more.
        let alone = a.deadlines.iter().filter(|d| !steps.iter().any(|s| s.anchor == Some(d.code))).count();
        let expected = alone + steps.len();
        assert!(expected >= 3, "the example has dated steps");
        let days: Vec<String> = dated(&a).iter().map(|d| format!("{:?}{}", d.date(), d.key())).collect();
        let once: std::collections::BTreeSet<&String> = days.iter().collect();
        assert_eq!(once.len(), days.len(), "one event per action and day");
        assert_eq!(text.matches("BEGIN:VEVENT").count(), expected);
        assert_eq!(text.matches("TRIGGER:-PT15H").count(), expected);
        assert!(text.contains("DTSTART;VALUE=DATE:20261204\r\nDTEND;VALUE=DATE:20261205\r\n"));
        assert!(text.contains("SUMMARY;LANGUAGE=ru:until 2026-12-04"));
        assert!(text.contains("DTSTAMP:20261121T103000Z"));
        assert!(text.contains("X-WR-CALNAME:Поездка\\; Казахстан"));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn no_event_for_a_day_already_past() {
        let mut a = assessment();
        a.today = a.deadlines.iter().map(|d| d.date).max().unwrap();
        assert!(dated(&a).iter().all(|d| d.date().is_some_and(|day| day >= a.today)));
        assert!(!dated(&a).is_empty(), "the last day itself is still to come");
    }

    #[test]
    fn uids_are_unique_and_the_same_on_every_export() {
        let text = calendar(|_| "x".into());
        let uids: Vec<&str> = text.lines().filter(|l| l.starts_with("UID:")).collect();
        let unique: std::collections::BTreeSet<&&str> = uids.iter().collect();
        assert_eq!(unique.len(), uids.len());
        assert_eq!(text, calendar(|_| "x".into()));
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let text = calendar(|_| "Қазақстан, ".repeat(20));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY;LANGUAGE=ru:{}", "Қазақстан\\, ".repeat(20))));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne\r\u{7}"), "a\\;b\\,c\\\\d\\ne");
    }
}

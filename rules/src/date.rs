//! Calendar-date helpers: strict ISO parsing and the month arithmetic the law uses.

use chrono::{Datelike, Days, Months, NaiveDate};

/// The earliest and latest years a date may have. Wider than any real case, narrow enough
/// that every day count in the engine stays small and no date arithmetic can overflow.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

/// Why a date string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// The form is right but there is no such day (`2026-02-30`).
    NoSuchDay,
    /// A real day, but outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    OutOfRange,
}

/// Parses `YYYY-MM-DD` exactly: four-digit year, two-digit month and day, nothing else.
pub fn parse_iso(text: &str) -> Result<NaiveDate, DateError> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return Err(DateError::Format);
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let year = num(0..4) as i32;
    let date = NaiveDate::from_ymd_opt(year, num(5..7), num(8..10)).ok_or(DateError::NoSuchDay)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange);
    }
    Ok(date)
}

/// The same calendar day `months` later; where that month is shorter, its last day
/// (the civil-law convention: 30 November + 3 months = 28 or 29 February).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// The day someone born on `birth` reaches `years` of age. Born on 29 February: 28 February
/// in a year without one, the earlier day, so that an age-based duty is never missed.
pub fn anniversary(birth: NaiveDate, years: u32) -> NaiveDate {
    add_months(birth, years.saturating_mul(12))
}

/// `date` plus `days` (negative: minus), saturating at the ends of chrono's range.
pub fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    let moved = if days >= 0 { date.checked_add_days(magnitude) } else { date.checked_sub_days(magnitude) };
    moved.unwrap_or(if days >= 0 { NaiveDate::MAX } else { NaiveDate::MIN })
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// True on Saturday and Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    date.weekday().number_from_monday() >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn parses_only_strict_iso_dates() {
        assert_eq!(parse_iso("2026-12-01"), Ok(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()));
        for bad in ["2026-1-01", "26-12-01", "2026/12/01", "2026-12-01 ", "", "２０２６-12-01", "2026-12-0a"] {
            assert_eq!(parse_iso(bad), Err(DateError::Format), "{bad}");
        }
        assert_eq!(parse_iso("2026-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(parse_iso("2026-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(parse_iso("2026-00-10"), Err(DateError::NoSuchDay));
        assert_eq!(parse_iso("2028-02-29"), Ok(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()));
        assert_eq!(parse_iso("1899-12-31"), Err(DateError::OutOfRange));
        assert_eq!(parse_iso("2201-01-01"), Err(DateError::OutOfRange));
    }

    #[test]
    fn months_keep_the_day_or_clamp_to_month_end() {
        assert_eq!(add_months(d("2026-12-15"), 3), d("2027-03-15"));
        assert_eq!(add_months(d("2026-11-30"), 3), d("2027-02-28"));
        assert_eq!(add_months(d("2027-11-30"), 3), d("2028-02-29"));
        assert_eq!(add_months(d("2026-05-31"), 3), d("2026-08-31"));
    }

    #[test]
    fn leap_day_birthdays_fall_on_28_february() {
        assert_eq!(anniversary(d("2008-02-29"), 16), d("2024-02-29"));
        assert_eq!(anniversary(d("2010-02-28"), 16), d("2026-02-28"));
        assert_eq!(anniversary(d("2012-02-29"), 15), d("2027-02-28"));
    }

    #[test]
    fn shifting_and_counting_agree() {
        assert_eq!(shift(d("2026-12-01"), 29), d("2026-12-30"));
        assert_eq!(shift(d("2026-03-01"), -1), d("2026-02-28"));
        assert_eq!(days_between(d("2026-12-01"), d("2026-12-30")), 29);
        assert!(is_weekend(d("2026-11-21")));
        assert!(!is_weekend(d("2026-11-23")));
    }
}

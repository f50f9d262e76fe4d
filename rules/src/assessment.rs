//! The assessment: the engine's answer, in codes. The page and the command line word it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::codes::{DeadlineCode, IssueCode, Purpose, Route, Severity};

/// The data set an assessment was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesVersion {
    pub version: String,
    pub as_of: NaiveDate,
}

/// Something about the trip the traveller must know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub code: IssueCode,
    pub severity: Severity,
    /// The texts it rests on, by id (`"003"`).
    pub sources: Vec<String>,
    /// The rule or regime id in the data, whose citations give clause and words; none for
    /// what the data say about themselves (their age, the calendar's reach).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// A date the issue is about (the first day over a limit, the latest exit, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// A number of days the issue is about (days present in 180, the stay's length, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// The limit that was passed, in days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// A year the issue is about (a calendar year the data cannot vouch for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// A date by which something must happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub code: DeadlineCode,
    pub date: NaiveDate,
    pub sources: Vec<String>,
    pub rule: String,
    /// False when the working days counted are estimated or outside the calendar data.
    pub confirmed: bool,
}

/// A line of the document list or the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub code: String,
    /// When the step is due, if the law gives a time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    pub sources: Vec<String>,
}

/// The full answer for one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub rules: RulesVersion,
    pub today: NaiveDate,
    pub nationality: String,
    pub purpose: Purpose,
    pub route: Route,
    /// The regime that gives the route, when one does (none: a consular visa).
    pub regime: Option<String>,
    /// Days of the planned stay, entry and exit days both counted.
    pub stay_days: i64,
    /// The longest stay the route allows per entry, when the texts give one.
    pub max_stay_days: Option<u32>,
    pub issues: Vec<Issue>,
    pub deadlines: Vec<Deadline>,
    pub documents: Vec<Line>,
    pub steps: Vec<Line>,
}

impl Assessment {
    /// Whether the trip as planned is allowed (no blocker).
    pub fn allowed(&self) -> bool {
        !self.issues.iter().any(|i| i.severity == Severity::Blocker)
    }

    /// The issue with this code, if raised.
    pub fn issue(&self, code: IssueCode) -> Option<&Issue> {
        self.issues.iter().find(|i| i.code == code)
    }

    /// The date of this deadline, if set.
    pub fn deadline(&self, code: DeadlineCode) -> Option<NaiveDate> {
        self.deadlines.iter().find(|d| d.code == code).map(|d| d.date)
    }
}

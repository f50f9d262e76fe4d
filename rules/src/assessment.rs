//! The assessment: the engine's answer, in codes. The page and the command line word it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::codes::{
    ChoiceCode, Confidence, DeadlineCode, IssueCode, Law, Outlook, Param, Purpose, Route, Severity, YearBasis,
};

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
    /// The window the limit applies in, in days (180 for 90 in 180).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<i64>,
    /// When `rule` names a rule, the `from` of the entry applied: with the id it names
    /// the citations of the law as it stood on the day it was applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_from: Option<NaiveDate>,
}

/// A date by which something must happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub code: DeadlineCode,
    pub date: NaiveDate,
    pub sources: Vec<String>,
    pub rule: String,
    /// The `from` of the rule entry applied, when `rule` names a rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_from: Option<NaiveDate>,
    /// The values counted (working days, days), as the data give them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<Param, i64>,
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
    /// What `date` is: the entry (the step happens on that day) or a deadline (it is done
    /// by that day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<DeadlineCode>,
    pub sources: Vec<String>,
    /// The values of the rule its words name (days, ages), as the data give them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<Param, i64>,
    /// The address of the service it is done at, where the data give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The steps done together at one place share a group (the data's `group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// True when a later act may have replaced it (the sources leave doubt): it is kept, to
    /// be safe, and said to be uncertain.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub uncertain: bool,
}

/// A regime that a later act replaced for this traveller: what the five texts alone give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replaced {
    /// The regime the texts give (none: they give no regime, so a consular visa).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<String>,
    pub route: Route,
    pub sources: Vec<String>,
}

/// What the verdict rests on: the regime (none for the consular visa that applies when no
/// regime does), the texts it cites, and how sure the data are of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Basis {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<String>,
    /// Other regimes that list the traveller for this purpose and apply with it: the
    /// stricter of their limits governs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    /// The date the regime took effect, when a later act gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// What the five texts alone would have given, when a later act replaced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<Replaced>,
    /// True when no text or act in the data covers this nationality: the verdict is the
    /// default of the texts (a visa), not a regime for it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_covered: bool,
}

/// A days-in-window limit: at most `max` days of presence in any `days` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub days: u32,
    pub max: u32,
}

/// What a window or yearly limit leaves for this trip: the days the earlier stays used,
/// the longest stay from the planned entry, and the first day a stay of the planned length
/// fits. Present whenever the regimes applied limit days over a window or a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allowance {
    /// The window limit applied (the strictest, where several apply).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_max_days: Option<u32>,
    /// The yearly limit applied, where it is the strictest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_basis: Option<YearBasis>,
    /// Days of earlier stays in the window that ends on the planned entry day (for a
    /// yearly limit: in the year the entry falls in).
    pub days_used: i64,
    /// The longest stay from the planned entry that keeps every limit (0: none).
    pub longest_stay_days: i64,
    /// The first day on or after the planned entry from which a stay of the planned length
    /// keeps every limit; none when no day can (the stay is longer than a limit allows).
    pub earliest_entry: Option<NaiveDate>,
}

/// A way to make a trip that cannot go as planned, with its figures from the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub code: ChoiceCode,
    /// Its day: the last day to stay (shorten), the first day a trip of this length fits
    /// (later), the last day to apply (extend), the first thing to start for a visa (the
    /// invitation's request, else the application).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Days: the longest stay from the planned entry (shorten).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
    /// The visa's route and regime (visa: e-visa where the nationality and purpose qualify,
    /// else a consular visa).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regime: Option<String>,
    /// For a visa, the dated steps towards it on that route (the invitation, the application).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<Deadline>,
    /// For an e-visa, the address to apply at, where the data give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The steps of the checklist that carry the choice out: those the data give for the
    /// condition the choice answers (extend: a stay over a limit; another entry point: an
    /// e-visa's wrong one), the one the choice's words state first. The page shows them
    /// under the choice, since a trip that cannot go shows no checklist of its own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Line>,
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
    /// The law applied: the five texts alone, or with the later acts.
    pub law: Law,
    pub basis: Basis,
    /// The regime that gives the route, when one does (none: a consular visa).
    pub regime: Option<String>,
    /// Days of the planned stay, entry and exit days both counted.
    pub stay_days: i64,
    /// The longest stay the route allows per entry, when the texts give one.
    pub max_stay_days: Option<u32>,
    /// The days-in-window limit of the regime: at most `max` days in any `days`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowance: Option<Allowance>,
    /// The verdict for the trip as planned.
    pub outlook: Outlook,
    /// What can be done instead, when the trip cannot go as planned (none otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// The next thing to do and its day, when the trip can go (a dated step): never to
    /// travel when it cannot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Line>,
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

//! What every rule family shares while a case is assessed: the data, the case, the route,
//! and the issues raised so far, each with the sources of the rule it comes from.

use chrono::NaiveDate;

use crate::assessment::Issue;
use crate::case::Case;
use crate::codes::{IssueCode, Route, Severity};
use crate::data::model::{Cite, Regime};
use crate::data::Rules;

pub(crate) struct Ctx<'a> {
    pub rules: &'a Rules,
    pub case: &'a Case,
    pub route: Route,
    pub regime: Option<&'a Regime>,
    /// Days of the planned stay, entry and exit both counted.
    pub stay_days: i64,
    pub issues: Vec<Issue>,
}

/// The ids of the texts cited, each once, in order.
pub(crate) fn source_ids(cites: &[Cite]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for c in cites {
        if !ids.contains(&c.doc) {
            ids.push(c.doc.clone());
        }
    }
    ids
}

impl Ctx<'_> {
    /// The citations of a rule (in force on `on`) or of a regime with this id.
    pub fn cites(&self, id: &str, on: NaiveDate) -> &[Cite] {
        self.rules.cites_of(id, on).0
    }

    /// Raises an issue resting on rule or regime `rule` and returns it for details.
    pub fn raise(&mut self, code: IssueCode, severity: Severity, rule: &str, on: NaiveDate) -> &mut Issue {
        let sources = source_ids(self.cites(rule, on));
        self.push(Issue {
            code,
            severity,
            sources,
            rule: Some(rule.into()),
            date: None,
            days: None,
            limit: None,
            year: None,
        })
    }

    /// Raises an issue about the data themselves, which no rule gives.
    pub fn raise_about_data(&mut self, code: IssueCode, severity: Severity) -> &mut Issue {
        self.push(Issue {
            code,
            severity,
            sources: Vec::new(),
            rule: None,
            date: None,
            days: None,
            limit: None,
            year: None,
        })
    }

    fn push(&mut self, issue: Issue) -> &mut Issue {
        self.issues.push(issue);
        let last = self.issues.len() - 1;
        &mut self.issues[last]
    }

    pub fn has(&self, code: IssueCode) -> bool {
        self.issues.iter().any(|i| i.code == code)
    }
}

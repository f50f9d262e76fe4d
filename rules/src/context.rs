//! What every rule family shares while a case is assessed: the data, the case, the route,
//! and the issues raised so far, each with the sources of the rule it comes from.

use chrono::NaiveDate;

use crate::assessment::Issue;
use crate::case::Case;
use crate::codes::{IssueCode, Param, Route, RuleId, Severity, Term};
use crate::data::model::{Cite, Regime, RuleEntry};
use crate::data::Rules;
use crate::regime::Terms;

pub(crate) struct Ctx<'a> {
    pub rules: &'a Rules,
    pub case: &'a Case,
    pub route: Route,
    /// The regimes that give the route (none: a consular visa).
    pub terms: Option<Terms<'a>>,
    /// Days of the planned stay, entry and exit both counted.
    pub stay_days: i64,
    pub issues: Vec<Issue>,
}

/// What an issue or deadline rests on: a dated rule entry, a regime, or one of a regime's
/// terms (a limit, its purposes), which rests on the citations that state it.
#[derive(Clone, Copy)]
pub(crate) enum Ground<'a> {
    Rule(&'a RuleEntry),
    Regime(&'a Regime),
    Term(&'a Regime, Term),
}

impl<'a> Ground<'a> {
    pub fn id(self) -> String {
        match self {
            Ground::Rule(r) => r.id.as_str().to_string(),
            Ground::Regime(g) | Ground::Term(g, _) => g.id.clone(),
        }
    }

    /// The texts it rests on, by id: a term's own citations where the data mark them.
    pub fn sources(self) -> Vec<String> {
        match self {
            Ground::Term(g, term) if g.cites_for(term).next().is_some() => source_ids(g.cites_for(term)),
            _ => source_ids(self.cites()),
        }
    }

    pub fn cites(self) -> &'a [Cite] {
        match self {
            Ground::Rule(r) => &r.cite,
            Ground::Regime(g) | Ground::Term(g, _) => &g.cite,
        }
    }

    /// The `from` of a rule entry: with the id, it names the entry applied.
    pub fn from(self) -> Option<NaiveDate> {
        match self {
            Ground::Rule(r) => Some(r.from),
            Ground::Regime(_) | Ground::Term(..) => None,
        }
    }
}

/// The ids of the texts cited, each once, in order.
pub(crate) fn source_ids<'c>(cites: impl IntoIterator<Item = &'c Cite>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for c in cites {
        if !ids.contains(&c.doc) {
            ids.push(c.doc.clone());
        }
    }
    ids
}

impl<'a> Ctx<'a> {
    /// The entry of rule `id` in force on `on` under the case's law.
    pub fn rule(&self, id: RuleId, on: NaiveDate) -> Option<&'a RuleEntry> {
        self.rules.rule(id, on, self.case.law)
    }

    /// A parameter of the entry of rule `id` in force on `on`, with the entry.
    pub fn param(&self, id: RuleId, name: Param, on: NaiveDate) -> Option<(i64, &'a RuleEntry)> {
        let entry = self.rule(id, on)?;
        entry.params.get(&name).map(|v| (*v, entry))
    }

    /// Raises an issue resting on a rule entry or a regime and returns it for details.
    pub fn raise(&mut self, code: IssueCode, severity: Severity, ground: Ground<'a>) -> &mut Issue {
        self.push(Issue {
            code,
            severity,
            sources: ground.sources(),
            rule: Some(ground.id()),
            date: None,
            days: None,
            limit: None,
            year: None,
            window: None,
            rule_from: ground.from(),
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
            window: None,
            rule_from: None,
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

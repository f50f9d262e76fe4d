//! The flow: one question per screen, in order, asking only what the rules need for this
//! traveller. Which screen shows is derived from the URL: an explicit `step`, else the
//! first question that needs an answer, else the result.

use kzvisa_rules::{InputError, Needs, RawCase, Rules};
use leptos::prelude::{Get, Memo};

/// The engine's word on a case: every problem with its answers, and what it needs asked.
/// The app's memos, a screen's answers and a passport's zone are all checked by it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub errors: Vec<InputError>,
    pub needs: Needs,
}

impl Checked {
    /// `case` (with its `today` filled in) against `rules`.
    pub fn of(rules: &Rules, case: &RawCase) -> Self {
        Checked {
            errors: case.validate(rules).err().map(|e| e.0).unwrap_or_default(),
            needs: kzvisa_rules::needs(rules, case),
        }
    }
}

/// Where the traveller's check is, derived from the URL on every change and never stored
/// apart from it; provided by the app to every screen.
#[derive(Clone, Copy)]
pub struct Flow {
    /// What the case needs asked beyond the fixed questions (and so which screens apply).
    pub needs: Memo<Needs>,
    /// Every problem with the answers so far (validated once per change of the URL).
    pub errors: Memo<Vec<InputError>>,
}

impl Flow {
    /// The question screens that apply to this traveller, in order.
    pub fn questions(&self) -> Vec<Step> {
        questions(self.needs.get())
    }
}

/// The answer a field belongs to: `passport` for `passport.expires`, `previous_stays`
/// for `previous_stays[1].exit`.
pub fn root(field: &str) -> &str {
    field.split(['.', '[']).next().unwrap_or(field)
}

/// A screen of the wizard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Nationality,
    Purpose,
    Passport,
    Trip,
    Details,
    Check,
    Result,
}

/// The question screens in order (the check and result screens follow them).
pub const QUESTIONS: [Step; 5] = [Step::Nationality, Step::Purpose, Step::Passport, Step::Trip, Step::Details];

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Nationality => "nationality",
            Step::Purpose => "purpose",
            Step::Passport => "passport",
            Step::Trip => "trip",
            Step::Details => "details",
            Step::Check => "check",
            Step::Result => "result",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        [Step::Check, Step::Result].into_iter().chain(QUESTIONS).find(|s| s.as_str() == text)
    }

    /// Whether an input error of `field` is answered on this screen.
    pub fn answers(self, field: &str) -> bool {
        let root = root(field);
        match self {
            Step::Nationality => root == "nationality",
            Step::Purpose => root == "purpose",
            Step::Passport => root == "passport",
            Step::Trip => root == "trip",
            Step::Details => matches!(root, "birth_date" | "previous_stays"),
            // Anything else (today, residence_permit, unknown fields) is shown on the check screen.
            Step::Check => !QUESTIONS.iter().any(|q| q.answers(field)),
            Step::Result => false,
        }
    }
}

/// Whether the details screen asks `field` of this traveller: what the engine says the
/// case needs (`kzvisa_rules::needs`), so that only what changes the answer is asked.
fn details_ask(needs: Needs, field: &str) -> bool {
    match root(field) {
        "birth_date" => needs.birth_date.is_some(),
        "previous_stays" => needs.previous_stays,
        _ => false,
    }
}

/// The screen that asks `field` of this traveller, if any does. An answer no screen asks
/// (a link's `today`, or earlier stays where they do not count) can only be removed.
pub fn screen_for(field: &str, needs: Needs) -> Option<Step> {
    questions(needs).into_iter().find(|s| s.answers(field) && (*s != Step::Details || details_ask(needs, field)))
}

/// The question screens that apply, given what the details screen asks.
pub fn questions(needs: Needs) -> Vec<Step> {
    QUESTIONS.into_iter().filter(|s| *s != Step::Details || needs.any()).collect()
}

/// The screen to show while the rules are on their way (src/state/rules.rs): `asked`, else
/// the first question for a traveller who has answered nothing (a link's `today` and `law`
/// are not answers), else the check screen, which waits for them. Once they are here,
/// [`current`] decides.
pub fn before_rules(asked: Option<Step>, case: &RawCase) -> Step {
    let answered = RawCase { today: None, law: None, ..case.clone() } != RawCase::default();
    asked.unwrap_or(if answered { Step::Check } else { Step::Nationality })
}

/// The screen to show: `asked` (the URL's `step`) where it applies, else the first that
/// needs an answer.
pub fn current(asked: Option<Step>, errors: &[InputError], needs: Needs) -> Step {
    if let Some(step) = asked {
        // The details screen only when it applies; the result only for a complete case.
        let shown = match step {
            Step::Details => needs.any(),
            Step::Result => errors.is_empty(),
            _ => true,
        };
        if shown {
            return step;
        }
    }
    if errors.is_empty() {
        return Step::Result;
    }
    // The first screen, in the flow's order, that asks a field in error; the check screen
    // for answers none asks.
    let asked: Vec<Step> = errors.iter().filter_map(|e| screen_for(&e.field, needs)).collect();
    QUESTIONS.into_iter().find(|step| asked.contains(step)).unwrap_or(Step::Check)
}

/// The screen after `step`.
pub fn next(step: Step, applicable: &[Step]) -> Step {
    let at = applicable.iter().position(|s| *s == step);
    at.and_then(|i| applicable.get(i + 1)).copied().unwrap_or(Step::Check)
}

/// Where an answer on `step` leads, and whether the check screen is still to be returned
/// to. A change made from the check screen goes back there, unless it brought a question
/// the details screen did not ask before (a new nationality that gives fingerprints):
/// that question first.
pub fn after_answer(step: Step, from_check: bool, before: Needs, now: Needs) -> (Step, bool) {
    let newly_asked =
        (now.birth_date.is_some() && before.birth_date.is_none()) || (now.previous_stays && !before.previous_stays);
    match (from_check, newly_asked && step != Step::Details) {
        (true, true) => (Step::Details, true),
        (true, false) => (Step::Check, false),
        (false, _) => (next(step, &questions(now)), false),
    }
}

/// The screen before `step`, if any.
pub fn previous(step: Step, applicable: &[Step]) -> Option<Step> {
    match step {
        Step::Result => Some(Step::Check),
        Step::Check => applicable.last().copied(),
        _ => applicable.iter().position(|s| *s == step).and_then(|i| i.checked_sub(1)).map(|i| applicable[i]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kzvisa_rules::{InputError, InputErrorCode};

    #[test]
    fn before_the_rules_a_link_waits_on_the_check_screen_and_no_answer_is_the_first_question() {
        let settings = RawCase { today: Some("2026-11-21".into()), law: Some("core".into()), ..RawCase::default() };
        assert_eq!(before_rules(None, &settings), Step::Nationality);
        let answered = RawCase { purpose: Some("tourism".into()), ..settings };
        assert_eq!(before_rules(None, &answered), Step::Check);
        assert_eq!(before_rules(Some(Step::Result), &answered), Step::Result);
    }

    fn needs(stays: bool, birth_date: bool) -> Needs {
        Needs { previous_stays: stays, birth_date: birth_date.then_some(16), ..Needs::default() }
    }

    #[test]
    fn a_result_is_shown_only_for_a_complete_case() {
        let errors = vec![InputError::new("purpose", InputErrorCode::Missing, "is required")];
        let both = needs(true, true);
        assert_eq!(current(Step::parse("result"), &errors, both), Step::Purpose);
        assert_eq!(current(Step::parse("result"), &[], both), Step::Result);
        let none = Needs::default();
        assert_eq!(current(Step::parse("details"), &[], none), Step::Result, "no details to ask");
        assert_eq!(current(Step::parse("nonsense"), &errors, both), Step::Purpose);
    }

    #[test]
    fn an_answer_no_screen_asks_goes_to_the_check_screen() {
        let stay = vec![InputError::new("previous_stays[0].entry", InputErrorCode::InvalidDate, "not a date")];
        let stays_only = needs(true, false);
        assert_eq!(current(None, &stay, stays_only), Step::Details);
        let birth = vec![InputError::new("birth_date", InputErrorCode::InvalidDate, "not a date")];
        assert_eq!(current(None, &birth, stays_only), Step::Check);
        assert_eq!(current(None, &stay, Needs::default()), Step::Check);
        let today = vec![InputError::new("today", InputErrorCode::InvalidDate, "not a date")];
        assert_eq!(screen_for("today", stays_only), None);
        assert_eq!(current(None, &today, stays_only), Step::Check);
    }

    #[test]
    fn a_change_from_the_check_screen_asks_what_it_newly_needs_then_returns() {
        let (none, birth) = (Needs::default(), needs(false, true));
        let stays = needs(true, false);
        assert_eq!(after_answer(Step::Nationality, true, none, none), (Step::Check, false));
        assert_eq!(after_answer(Step::Nationality, true, stays, birth), (Step::Details, true));
        assert_eq!(after_answer(Step::Details, true, stays, birth), (Step::Check, false));
        assert_eq!(after_answer(Step::Trip, true, birth, none), (Step::Check, false), "a question dropped");
        assert_eq!(after_answer(Step::Trip, false, none, stays), (Step::Details, false));
        assert_eq!(after_answer(Step::Trip, false, none, none), (Step::Check, false));
    }

    #[test]
    fn next_and_previous_follow_the_questions_that_apply() {
        let q = vec![Step::Nationality, Step::Purpose, Step::Passport, Step::Trip];
        assert_eq!(next(Step::Trip, &q), Step::Check);
        assert_eq!(previous(Step::Check, &q), Some(Step::Trip));
        assert_eq!(previous(Step::Nationality, &q), None);
        assert_eq!(previous(Step::Result, &q), Some(Step::Check));
    }
}

//! The flow: one question per screen, in order, asking only what the rules need for this
//! traveller. Which screen shows is derived from the URL: an explicit `step`, else the
//! first question that needs an answer, else the result.

use kzvisa_rules::url::Fragment;
use kzvisa_rules::{InputError, Needs};

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
    Extras,
    Check,
    Result,
}

/// The question screens in order (the check and result screens follow them).
pub const QUESTIONS: [Step; 5] = [Step::Nationality, Step::Purpose, Step::Passport, Step::Trip, Step::Extras];

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Nationality => "nationality",
            Step::Purpose => "purpose",
            Step::Passport => "passport",
            Step::Trip => "trip",
            Step::Extras => "details",
            Step::Check => "check",
            Step::Result => "result",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        [Step::Check, Step::Result].into_iter().chain(QUESTIONS).find(|s| s.as_str() == text)
    }

    /// Whether an input error of `field` is answered on this screen.
    pub fn owns(self, field: &str) -> bool {
        let root = root(field);
        match self {
            Step::Nationality => root == "nationality",
            Step::Purpose => root == "purpose",
            Step::Passport => root == "passport",
            Step::Trip => root == "trip",
            Step::Extras => matches!(root, "birth_date" | "previous_stays"),
            // Anything else (today, residence_permit, unknown fields) is shown on the check screen.
            Step::Check => !QUESTIONS.iter().any(|q| q.owns(field)),
            Step::Result => false,
        }
    }
}

/// What the details screen asks for this traveller: what the engine says the case needs
/// (`kzvisa_rules::needs`), so that only what changes the answer is asked.
pub type Extras = Needs;

/// Whether the details screen asks `field` of this traveller.
fn asks(extras: Extras, field: &str) -> bool {
    match root(field) {
        "birth_date" => extras.birth_date.is_some(),
        "previous_stays" => extras.previous_stays,
        _ => false,
    }
}

/// The screen that asks `field` of this traveller, if any does. An answer no screen asks
/// (a link's `today`, or earlier stays where they do not count) can only be removed.
pub fn asking(field: &str, extras: Extras) -> Option<Step> {
    questions(extras).into_iter().find(|s| s.owns(field) && (*s != Step::Extras || asks(extras, field)))
}

/// The question screens that apply, given what the details screen asks.
pub fn questions(extras: Extras) -> Vec<Step> {
    QUESTIONS.into_iter().filter(|s| *s != Step::Extras || extras.any()).collect()
}

/// The screen to show for this URL.
pub fn current(fragment: &Fragment, errors: &[InputError], extras: Extras) -> Step {
    if let Some(step) = fragment.other("step").and_then(Step::parse) {
        // The details screen only when it applies; the result only for a complete case.
        let shown = match step {
            Step::Extras => extras.any(),
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
    let asked: Vec<Step> = errors.iter().filter_map(|e| asking(&e.field, extras)).collect();
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
pub fn after_answer(step: Step, from_check: bool, before: Extras, now: Extras) -> (Step, bool) {
    let newly_asked =
        (now.birth_date.is_some() && before.birth_date.is_none()) || (now.previous_stays && !before.previous_stays);
    match (from_check, newly_asked && step != Step::Extras) {
        (true, true) => (Step::Extras, true),
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

    fn needs(stays: bool, birth_date: bool) -> Extras {
        Extras { previous_stays: stays, birth_date: birth_date.then_some(16), ..Extras::default() }
    }

    #[test]
    fn a_result_is_shown_only_for_a_complete_case() {
        let f = Fragment::parse("step=result&nationality=DE");
        let errors = vec![InputError::new("purpose", InputErrorCode::Missing, "is required")];
        let both = needs(true, true);
        assert_eq!(current(&f, &errors, both), Step::Purpose);
        assert_eq!(current(&f, &[], both), Step::Result);
        let none = Extras::default();
        assert_eq!(current(&Fragment::parse("step=details"), &[], none), Step::Result, "no details to ask");
        assert_eq!(current(&Fragment::parse("step=nonsense"), &errors, both), Step::Purpose);
    }

    #[test]
    fn an_answer_no_screen_asks_goes_to_the_check_screen() {
        let stay = vec![InputError::new("previous_stays[0].entry", InputErrorCode::InvalidDate, "not a date")];
        let stays_only = needs(true, false);
        assert_eq!(current(&Fragment::default(), &stay, stays_only), Step::Extras);
        let birth = vec![InputError::new("birth_date", InputErrorCode::InvalidDate, "not a date")];
        assert_eq!(current(&Fragment::default(), &birth, stays_only), Step::Check);
        assert_eq!(current(&Fragment::default(), &stay, Extras::default()), Step::Check);
        let today = vec![InputError::new("today", InputErrorCode::InvalidDate, "not a date")];
        assert_eq!(asking("today", stays_only), None);
        assert_eq!(current(&Fragment::default(), &today, stays_only), Step::Check);
    }

    #[test]
    fn a_change_from_the_check_screen_asks_what_it_newly_needs_then_returns() {
        let (none, birth) = (Extras::default(), needs(false, true));
        let stays = needs(true, false);
        assert_eq!(after_answer(Step::Nationality, true, none, none), (Step::Check, false));
        assert_eq!(after_answer(Step::Nationality, true, stays, birth), (Step::Extras, true));
        assert_eq!(after_answer(Step::Extras, true, stays, birth), (Step::Check, false));
        assert_eq!(after_answer(Step::Trip, true, birth, none), (Step::Check, false), "a question dropped");
        assert_eq!(after_answer(Step::Trip, false, none, stays), (Step::Extras, false));
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

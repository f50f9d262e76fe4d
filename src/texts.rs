//! Words for the engine's codes, in the chosen language. Every match is exhaustive over
//! the engine's vocabularies, so a code without a translation does not compile, and
//! leptos_i18n refuses a key missing from any locale. Nothing here is ever parsed as HTML.

use chrono::{Datelike, NaiveDate};
use kzvisa_rules::data::model::{Country, Source};
use kzvisa_rules::Rules;
use kzvisa_rules::{
    Confidence, Deadline, DeadlineCode, EntryPoint, InputErrorCode, Issue, IssueCode, Line, Outlook, Param, Purpose,
    Route, SourceKind,
};

use crate::flow::Step;
use crate::i18n::*;
use crate::plural::Form;

/// What a number counts: each has its plural forms in every language (`counted.*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    Days,
    WorkingDays,
    Years,
    Months,
    Pages,
    Hours,
    Steps,
}

/// Picks the form of a plural key for `n`: `plural!(l, n, counted.days)`.
macro_rules! plural {
    ($l:expr, $n:expr, $($key:ident).+) => {{
        let n = $n;
        match $crate::plural::form($l, n) {
            $crate::plural::Form::One => td_string!($l, $($key).+.one, n = n),
            $crate::plural::Form::Few => td_string!($l, $($key).+.few, n = n),
            $crate::plural::Form::Many => td_string!($l, $($key).+.many, n = n),
            $crate::plural::Form::Other => td_string!($l, $($key).+.other, n = n),
        }
        .to_string()
    }};
}
pub(crate) use plural;

/// The form of a counted noun for `n`: `noun!(l, n, days)` (plain words, no interpolation).
macro_rules! noun {
    ($l:expr, $n:expr, $key:ident) => {
        match $crate::plural::form($l, $n) {
            Form::One => td_string!($l, counted.$key.one),
            Form::Few => td_string!($l, counted.$key.few),
            Form::Many => td_string!($l, counted.$key.many),
            Form::Other => td_string!($l, counted.$key.other),
        }
    };
}

/// A number with what it counts, in the plural form of the language: "30 days", "30 дней".
/// Every language writes the number first, so only the noun is looked up.
pub fn count(l: Locale, noun: Noun, n: i64) -> String {
    let word = match noun {
        Noun::Days => noun!(l, n, days),
        Noun::WorkingDays => noun!(l, n, working_days),
        Noun::Years => noun!(l, n, years),
        Noun::Months => noun!(l, n, months),
        Noun::Pages => noun!(l, n, pages),
        Noun::Hours => noun!(l, n, hours),
        Noun::Steps => noun!(l, n, steps),
    };
    format!("{n} {word}")
}

/// A date as people write it in the language: 1 December 2026, 1 декабря 2026 г., 2026 жылғы 1 желтоқсан.
pub fn date(l: Locale, d: NaiveDate) -> String {
    let month = match d.month() {
        1 => td_string!(l, month.m1),
        2 => td_string!(l, month.m2),
        3 => td_string!(l, month.m3),
        4 => td_string!(l, month.m4),
        5 => td_string!(l, month.m5),
        6 => td_string!(l, month.m6),
        7 => td_string!(l, month.m7),
        8 => td_string!(l, month.m8),
        9 => td_string!(l, month.m9),
        10 => td_string!(l, month.m10),
        11 => td_string!(l, month.m11),
        _ => td_string!(l, month.m12),
    };
    td_string!(l, date.format, day = d.day(), month = month, year = d.year()).to_string()
}

/// A date as the end of a time "until" it: in Kazakh the word before "дейін" takes the
/// dative (2026 жылғы 5 қаңтарға дейін); English and Russian write the date as it stands
/// (their texts say "by …", "до …", and Russian's month is already in the genitive).
pub fn date_until(l: Locale, d: NaiveDate) -> String {
    let written = date(l, d);
    if l == Locale::kk {
        kk_dative(&written)
    } else {
        written
    }
}

/// A date as the day something happens on: in Kazakh in the locative (2026 жылғы
/// 1 желтоқсанда); English's text says "on …", Russian needs no word.
pub fn date_on(l: Locale, d: NaiveDate) -> String {
    let written = date(l, d);
    if l == Locale::kk {
        kk_case(&written, ["да", "де", "та", "те"])
    } else {
        written
    }
}

/// A date as the start of a time "from" it: in Kazakh in the ablative before "бастап" (2027
/// жылғы 3 наурыздан бастап), -нан/-нен after a nasal; English and Russian write it as it
/// stands (their texts say "from …", "с …", the month already in the genitive).
pub fn date_from(l: Locale, d: NaiveDate) -> String {
    let written = date(l, d);
    match l {
        Locale::kk if written.ends_with(['н', 'м', 'ң']) => kk_case(&written, ["нан", "нен", "нан", "нен"]),
        Locale::kk => kk_case(&written, ["дан", "ден", "тан", "тен"]),
        _ => written,
    }
}

/// When a dated step is done: on the day of entry it happens on that day ("on …"); any other
/// is done by its day ("by …").
pub fn step_when(l: Locale, step: &Line) -> Option<String> {
    let d = step.date?;
    Some(if step.anchor == Some(DeadlineCode::Entry) {
        td_string!(l, result.on, date = date_on(l, d)).to_string()
    } else {
        td_string!(l, result.by, date = date_until(l, d)).to_string()
    })
}

/// A Kazakh word with a case ending whose forms are `[back, front, back after a voiceless
/// consonant, front after one]`, as its sounds call for.
fn kk_case(word: &str, [back, front, back_voiceless, front_voiceless]: [&str; 4]) -> String {
    let last_vowel = word.chars().rev().find(|c| "аәеиоөұүыіэюяё".contains(*c));
    let is_front = last_vowel.is_some_and(|v| "әеиөүіэ".contains(v));
    let voiceless = word.chars().last().is_some_and(|c| "кқпстфхцчшщ".contains(c));
    let ending = match (voiceless, is_front) {
        (false, false) => back,
        (false, true) => front,
        (true, false) => back_voiceless,
        (true, true) => front_voiceless,
    };
    format!("{word}{ending}")
}

/// A Kazakh word with the dative ending its sounds call for: -ға/-ге after a vowel or a
/// voiced consonant, -қа/-ке after a voiceless one; back or front by the word's last vowel.
fn kk_dative(word: &str) -> String {
    kk_case(word, ["ға", "ге", "қа", "ке"])
}

/// A screen by its heading, to name it (in the list of problems, in the window's title).
pub fn screen(l: Locale, step: Step) -> &'static str {
    match step {
        Step::Nationality => td_string!(l, nationality.heading),
        Step::Purpose => td_string!(l, purpose.heading),
        Step::Passport => td_string!(l, passport.heading),
        Step::Trip => td_string!(l, trip.heading),
        Step::Details => td_string!(l, details.heading),
        Step::Check => td_string!(l, check.heading),
        Step::Result => td_string!(l, app.result_title),
    }
}

/// The window's title: the screen, then the service, with "Error:" first while the screen
/// shows errors, as GOV.UK titles its pages.
pub fn page_title(l: Locale, screen: &str, errors: bool) -> String {
    let prefix = if errors { format!("{} ", td_string!(l, app.error_prefix)) } else { String::new() };
    format!("{prefix}{screen} – {}", td_string!(l, app.title))
}

/// A number of days with the plural form of the language.
pub fn days(l: Locale, n: i64) -> String {
    count(l, Noun::Days, n)
}

pub fn country(l: Locale, c: &Country) -> &str {
    match l {
        Locale::en => &c.en,
        Locale::ru => &c.ru,
        Locale::kk => &c.kk,
    }
}

pub fn purpose(l: Locale, p: Purpose) -> &'static str {
    match p {
        Purpose::Tourism => td_string!(l, purpose.tourism),
        Purpose::Business => td_string!(l, purpose.business),
        Purpose::Medical => td_string!(l, purpose.medical),
        Purpose::Private => td_string!(l, purpose.private),
        Purpose::Investment => td_string!(l, purpose.investment),
        Purpose::Work => td_string!(l, purpose.work),
        Purpose::Study => td_string!(l, purpose.study),
        Purpose::Transit => td_string!(l, purpose.transit),
    }
}

pub fn purpose_hint(l: Locale, p: Purpose) -> &'static str {
    match p {
        Purpose::Tourism => td_string!(l, purpose.tourism_hint),
        Purpose::Business => td_string!(l, purpose.business_hint),
        Purpose::Medical => td_string!(l, purpose.medical_hint),
        Purpose::Private => td_string!(l, purpose.private_hint),
        Purpose::Investment => td_string!(l, purpose.investment_hint),
        Purpose::Work => td_string!(l, purpose.work_hint),
        Purpose::Study => td_string!(l, purpose.study_hint),
        Purpose::Transit => td_string!(l, purpose.transit_hint),
    }
}

pub fn entry_point(l: Locale, e: EntryPoint) -> &'static str {
    match e {
        EntryPoint::AirportAstana => td_string!(l, entry_point.airport_astana),
        EntryPoint::AirportAlmaty => td_string!(l, entry_point.airport_almaty),
        EntryPoint::AirportOther => td_string!(l, entry_point.airport_other),
        EntryPoint::Land => td_string!(l, entry_point.land),
        EntryPoint::Rail => td_string!(l, entry_point.rail),
        EntryPoint::Sea => td_string!(l, entry_point.sea),
    }
}

pub fn deadline(l: Locale, d: &Deadline) -> String {
    let v = |p: Param, noun: Noun| count(l, noun, d.params.get(&p).copied().unwrap_or_default());
    match d.code {
        DeadlineCode::Entry => td_string!(l, deadline.entry).to_string(),
        DeadlineCode::HostNotification => {
            td_string!(l, deadline.host_notification, days = v(Param::WorkingDays, Noun::WorkingDays)).to_string()
        }
        DeadlineCode::LatestExit => td_string!(l, deadline.latest_exit).to_string(),
        DeadlineCode::InvitationRequestBy => {
            td_string!(l, deadline.invitation_request_by, days = v(Param::ExtendedCalendarDays, Noun::Days)).to_string()
        }
        DeadlineCode::VisaApplicationBy => {
            td_string!(l, deadline.visa_application_by, days = v(Param::WorkingDays, Noun::WorkingDays)).to_string()
        }
        DeadlineCode::RegistrationBy => {
            td_string!(l, deadline.registration_by, days = v(Param::WithinDays, Noun::Days)).to_string()
        }
    }
}

pub fn input_error(l: Locale, e: InputErrorCode) -> &'static str {
    use InputErrorCode as E;
    match e {
        E::Missing => td_string!(l, error.missing),
        E::InvalidDate => td_string!(l, error.invalid_date),
        E::NoSuchDate => td_string!(l, error.no_such_date),
        E::DateOutOfRange => td_string!(l, error.date_out_of_range),
        E::UnknownCountry => td_string!(l, error.unknown_country),
        E::KazakhstanCitizen => td_string!(l, error.kazakhstan_citizen),
        E::UnknownPurpose => td_string!(l, error.unknown_purpose),
        E::UnknownEntryPoint => td_string!(l, error.unknown_entry_point),
        E::UnknownLaw => td_string!(l, error.unknown_law),
        E::NotANumber => td_string!(l, error.not_a_number),
        E::NotABoolean => td_string!(l, error.not_a_boolean),
        E::ExitBeforeEntry => td_string!(l, error.exit_before_entry),
        E::ExpiresBeforeIssued => td_string!(l, error.expires_before_issued),
        E::InTheFuture => td_string!(l, error.in_the_future),
        E::TooLongAgo => td_string!(l, error.too_long_ago),
        E::StayNotBeforeTrip => td_string!(l, error.stay_not_before_trip),
        E::TooManyStays => td_string!(l, error.too_many_stays),
        E::UnknownField => td_string!(l, error.unknown_field),
        E::WrongType => td_string!(l, error.wrong_type),
        E::Malformed => td_string!(l, error.malformed),
        E::MrzFormat => td_string!(l, error.mrz_format),
        E::MrzDocumentNumberCheck => td_string!(l, error.mrz_document_number_check),
        E::MrzBirthDateCheck => td_string!(l, error.mrz_birth_date_check),
        E::MrzExpiryCheck => td_string!(l, error.mrz_expiry_check),
        E::MrzOptionalDataCheck => td_string!(l, error.mrz_optional_data_check),
        E::MrzCompositeCheck => td_string!(l, error.mrz_composite_check),
        E::MrzBirthDate => td_string!(l, error.mrz_birth_date),
        E::MrzExpiry => td_string!(l, error.mrz_expiry),
        E::MrzNationality => td_string!(l, error.mrz_nationality),
        E::GroupEmpty => td_string!(l, error.group_empty),
        E::GroupNotUtf8 => td_string!(l, error.group_not_utf8),
        E::GroupNoHeader => td_string!(l, error.group_no_header),
        E::GroupMissingColumn => td_string!(l, error.group_missing_column),
        E::GroupDuplicateColumn => td_string!(l, error.group_duplicate_column),
        E::GroupTooLarge => td_string!(l, error.group_too_large),
    }
}

/// An issue in words, with the date, days and limits the engine applied filled in
/// (`purpose`: the traveller's, for the issues that name it), and the act that `rules`
/// name for the issues that name one ("the agreement with China does not cover study").
pub fn issue_in(l: Locale, i: &Issue, purpose: Purpose, rules: &Rules) -> String {
    match i.code {
        IssueCode::VisaFreeNotForPurpose => {
            let act = act_of(l, rules, &i.sources).unwrap_or_else(|| td_string!(l, result.rules_word).to_string());
            td_string!(l, issue.visa_free_not_for_purpose, act = act, purpose = self::purpose(l, purpose)).to_string()
        }
        _ => issue(l, i, purpose),
    }
}

/// An issue in words, as [`issue_in`], with "these rules" for the act an issue names.
pub fn issue(l: Locale, i: &Issue, purpose: Purpose) -> String {
    use IssueCode as C;
    let when = i.date.map(|d| date(l, d)).unwrap_or_default();
    // For the texts that say by when ("… дейін" in Kazakh).
    let until = i.date.map(|d| date_until(l, d)).unwrap_or_default();
    let n = |noun, v: Option<i64>| count(l, noun, v.unwrap_or_default());
    let (days, limit, window) = (n(Noun::Days, i.days), n(Noun::Days, i.limit), n(Noun::Days, i.window));
    let year = i.year.unwrap_or_default();
    match i.code {
        C::PassportExpired => td_string!(l, issue.passport_expired, date = when).to_string(),
        C::PassportValidityShort => {
            td_string!(l, issue.passport_validity_short, date = until, months = n(Noun::Months, i.limit)).to_string()
        }
        C::PassportBlankPages => td_string!(l, issue.passport_blank_pages, pages = n(Noun::Pages, i.limit)).to_string(),
        C::PassportCondition => td_string!(l, issue.passport_condition).to_string(),
        C::EVisaEntryPoint => td_string!(l, issue.e_visa_entry_point).to_string(),
        C::StayOver30Days => td_string!(l, issue.stay_over_30_days, days = days, limit = limit).to_string(),
        C::StayOverMaxStay => td_string!(l, issue.stay_over_max_stay, days = days, limit = limit).to_string(),
        C::StayOver90In180 => {
            td_string!(l, issue.stay_over_90_in_180, date = when, days = days, limit = limit, window = window)
                .to_string()
        }
        C::StayOverWindow => {
            td_string!(l, issue.stay_over_window, date = when, days = days, limit = limit, window = window).to_string()
        }
        C::StayOverYearLimit => {
            td_string!(l, issue.stay_over_year_limit, date = when, days = days, limit = limit).to_string()
        }
        C::FingerprintsRequired => {
            td_string!(l, issue.fingerprints_required, age = n(Noun::Years, i.limit)).to_string()
        }
        C::PassportBlankPagesUnknown => {
            td_string!(l, issue.passport_blank_pages_unknown, pages = n(Noun::Pages, i.limit)).to_string()
        }
        C::PassportConditionUnknown => td_string!(l, issue.passport_condition_unknown).to_string(),
        C::BirthDateMissing => td_string!(l, issue.birth_date_missing, age = n(Noun::Years, i.limit)).to_string(),
        C::VisaFreeNotForPurpose => {
            let act = td_string!(l, result.rules_word);
            td_string!(l, issue.visa_free_not_for_purpose, act = act, purpose = self::purpose(l, purpose)).to_string()
        }
        C::NationalityNotListed => td_string!(l, issue.nationality_not_listed).to_string(),
        C::ListEntryDoubtful => td_string!(l, issue.list_entry_doubtful).to_string(),
        C::TemporaryResidencePermitNeeded => {
            td_string!(l, issue.temporary_residence_permit_needed, days = days, limit = limit).to_string()
        }
        C::InvitationTimeShort => td_string!(l, issue.invitation_time_short, date = until, limit = limit).to_string(),
        C::VisaProcessingTimeShort => {
            let limit = n(Noun::WorkingDays, i.limit);
            td_string!(l, issue.visa_processing_time_short, date = until, limit = limit).to_string()
        }
        C::EntryDatePassed => td_string!(l, issue.entry_date_passed, date = when).to_string(),
        C::RulesMayBeOutdated => td_string!(l, issue.rules_may_be_outdated, date = until).to_string(),
        C::CalendarUnconfirmed => td_string!(l, issue.calendar_unconfirmed, year = year).to_string(),
        C::CalendarEstimated => td_string!(l, issue.calendar_estimated, year = year).to_string(),
        C::EVisaStayNotStated => td_string!(l, issue.e_visa_stay_not_stated).to_string(),
        C::EVisaEntryPointUnconfirmed => td_string!(l, issue.e_visa_entry_point_unconfirmed).to_string(),
        C::DocumentNotCovered => td_string!(l, issue.document_not_covered).to_string(),
        C::ChangeAdopted => {
            td_string!(l, issue.change_adopted, date = date_on(l, i.date.unwrap_or_default())).to_string()
        }
    }
}

/// An outlook's icon and words, the same in a single result and a group's row: said in
/// words and by an icon, never by colour alone.
pub fn outlook(o: Outlook) -> (&'static str, fn(Locale) -> &'static str) {
    match o {
        Outlook::AsPlanned => ("✓", |l| td_string!(l, result.outlook_ok)),
        Outlook::FirstDo => ("!", |l| td_string!(l, result.outlook_first)),
        Outlook::NotAsPlanned => ("✕", |l| td_string!(l, result.outlook_not)),
    }
}

/// How a route is named inside a sentence.
pub fn route(l: Locale, r: Route) -> &'static str {
    match r {
        Route::VisaFree => td_string!(l, route.visa_free),
        Route::EVisa => td_string!(l, route.e_visa),
        Route::ConsularVisa => td_string!(l, route.consular_visa),
    }
}

/// How sure the data are of a source, for travellers.
pub fn confidence(l: Locale, c: Confidence) -> &'static str {
    match c {
        Confidence::Core => td_string!(l, confidence.core),
        Confidence::Official => td_string!(l, confidence.official),
        Confidence::Reported => td_string!(l, confidence.reported),
    }
}

/// A text by the short name the data give it in the page's language (the five texts), else
/// by its kind, number and date: "Government resolution No. 1146 of 31 December 2022". The
/// full title stays in the text's own language, in "About these rules".
pub fn act(l: Locale, s: &Source) -> String {
    if let Some(names) = &s.names {
        return match l {
            Locale::en => &names.en,
            Locale::ru => &names.ru,
            Locale::kk => &names.kk,
        }
        .clone();
    }
    let kind = match s.kind {
        SourceKind::Seed => td_string!(l, act.seed),
        SourceKind::Treaty => td_string!(l, act.treaty),
        SourceKind::Law => td_string!(l, act.law),
        SourceKind::Code => td_string!(l, act.code),
        SourceKind::GovernmentResolution => td_string!(l, act.government_resolution),
        SourceKind::MinistryOrder => td_string!(l, act.ministry_order),
        SourceKind::OfficialPage => td_string!(l, act.official_page),
        SourceKind::Standard => td_string!(l, act.standard),
        SourceKind::Report => td_string!(l, act.report),
    };
    let mut name = kind.to_string();
    if let Some(number) = &s.number {
        name = format!("{name} {}", td_string!(l, act.number, number = number.as_str()));
    }
    if let Some(signed) = s.signed {
        name = format!("{name} {}", td_string!(l, act.of, date = date(l, signed)));
    }
    name
}

/// The act that sources (ids) name, for a sentence: the first that is an act, or the act a
/// report is about.
pub fn act_of(l: Locale, rules: &Rules, ids: &[String]) -> Option<String> {
    ids.iter().filter_map(|id| rules.source(id)).find_map(|s| match (s.kind, &s.about) {
        (SourceKind::Report, Some(about)) => rules.source(about).map(|a| act(l, a)),
        (SourceKind::Report, None) => None,
        _ => Some(act(l, s)),
    })
}

/// A document of the list. Codes come from data: one an operator added without a
/// translation is shown as its code rather than hidden.
pub fn document(l: Locale, code: &str) -> String {
    let text = match code {
        "passport" => td_string!(l, document.passport),
        "e_visa_printout" => td_string!(l, document.e_visa_printout),
        "invitation_number" => td_string!(l, document.invitation_number),
        "visa_application_form" => td_string!(l, document.visa_application_form),
        "photo_35x45" => td_string!(l, document.photo_35x45),
        "invitation_number_and_date" => td_string!(l, document.invitation_number_and_date),
        "consular_fee_receipt" => td_string!(l, document.consular_fee_receipt),
        "category_documents" => td_string!(l, document.category_documents),
        "internship_petition" => td_string!(l, document.internship_petition),
        "residence_permit" => td_string!(l, document.residence_permit),
        "investment_body_request" => td_string!(l, document.investment_body_request),
        "employment_contract" => td_string!(l, document.employment_contract),
        other => return other.replace('_', " "),
    };
    text.to_string()
}

/// Steps done together at one place, by their group's code in the data, with how many.
pub fn step_group(l: Locale, code: &str, steps: i64) -> String {
    let count = count(l, Noun::Steps, steps);
    match code {
        "apply_on_portal" => td_string!(l, step_group.apply_on_portal, steps = count).to_string(),
        "at_the_mission" => td_string!(l, step_group.at_the_mission, steps = count).to_string(),
        "if_passport_lost_or_replaced" => {
            td_string!(l, step_group.if_passport_lost_or_replaced, steps = count).to_string()
        }
        other => format!("{} ({count})", other.replace('_', " ")),
    }
}

/// A step of the checklist, with the values of the rule its words name; codes come from
/// data, as for documents.
pub fn step(l: Locale, line: &Line) -> String {
    let v = |p: Param, noun: Noun| count(l, noun, line.params.get(&p).copied().unwrap_or_default());
    let text = match line.code.as_str() {
        "get_invitation" => td_string!(l, step.get_invitation),
        "invitation_approval" => {
            let (approval, extended) =
                (v(Param::ApprovalWorkingDays, Noun::WorkingDays), v(Param::ExtendedCalendarDays, Noun::Days));
            let decision = v(Param::DecisionWorkingDays, Noun::WorkingDays);
            return td_string!(
                l,
                step.invitation_approval,
                approval = approval,
                extended = extended,
                decision = decision
            )
            .to_string();
        }
        "register_on_portal" => td_string!(l, step.register_on_portal),
        "confirm_invitation_on_portal" => td_string!(l, step.confirm_invitation_on_portal),
        "enter_invitation_and_passport" => td_string!(l, step.enter_invitation_and_passport),
        "verify_e_visa_data" => td_string!(l, step.verify_e_visa_data),
        "pay_fee_online" => td_string!(l, step.pay_fee_online),
        "print_e_visa" => td_string!(l, step.print_e_visa),
        "find_mission" => td_string!(l, step.find_mission),
        "mission_assigned" => td_string!(l, step.mission_assigned),
        "find_mission_residence_permit" => td_string!(l, step.find_mission_residence_permit),
        "work_visa_c3_place" => td_string!(l, step.work_visa_c3_place),
        "submit_application" => td_string!(l, step.submit_application),
        "give_fingerprints" => {
            return td_string!(l, step.give_fingerprints, age = v(Param::MinAgeYears, Noun::Years)).to_string()
        }
        "pay_consular_fee" => td_string!(l, step.pay_consular_fee),
        "collect_visa" => {
            return td_string!(l, step.collect_visa, days = v(Param::WorkingDays, Noun::WorkingDays)).to_string()
        }
        "check_visa_for_corrections" => td_string!(l, step.check_visa_for_corrections),
        "fly_to_astana_or_almaty" => td_string!(l, step.fly_to_astana_or_almaty),
        "present_e_visa_at_airport" => td_string!(l, step.present_e_visa_at_airport),
        "present_e_visa_at_an_international_airport" => {
            td_string!(l, step.present_e_visa_at_an_international_airport)
        }
        "sign_employment_contract" => td_string!(l, step.sign_employment_contract),
        "get_household_work_permit" => td_string!(l, step.get_household_work_permit),
        "get_work_residence_permit" => td_string!(l, step.get_work_residence_permit),
        "give_fingerprints_for_permit" => {
            return td_string!(l, step.give_fingerprints_for_permit, age = v(Param::MinAgeYears, Noun::Years))
                .to_string()
        }
        "cross_at_international_checkpoint" => td_string!(l, step.cross_at_international_checkpoint),
        "carry_passport" => td_string!(l, step.carry_passport),
        "carry_passport_and_e_visa" => td_string!(l, step.carry_passport_and_e_visa),
        "host_notifies_migration_service" => {
            let days = v(Param::WorkingDays, Noun::WorkingDays);
            return td_string!(l, step.host_notifies_migration_service, days = days).to_string();
        }
        "register_online" => {
            return td_string!(l, step.register_online, days = v(Param::WithinDays, Noun::Days)).to_string()
        }
        "host_arranges_residence_permit" => td_string!(l, step.host_arranges_residence_permit),
        "apply_for_extension_visa" => {
            let (business, investor) = (v(Param::BusinessMaxDays, Noun::Days), v(Param::InvestorMaxDays, Noun::Days));
            return td_string!(l, step.apply_for_extension_visa, business = business, investor = investor).to_string();
        }
        "apply_for_travel_authorisation" => {
            let (hours, valid) = (v(Param::HoursBefore, Noun::Hours), v(Param::ValidDays, Noun::Days));
            return td_string!(l, step.apply_for_travel_authorisation, hours = hours, valid = valid).to_string();
        }
        "leave_by_latest_exit" => td_string!(l, step.leave_by_latest_exit),
        "leave_through_astana_or_almaty" => td_string!(l, step.leave_through_astana_or_almaty),
        "leave_through_an_international_airport" => td_string!(l, step.leave_through_an_international_airport),
        "leave_by_visa_end" => td_string!(l, step.leave_by_visa_end),
        "new_e_visa_if_passport_replaced" => td_string!(l, step.new_e_visa_if_passport_replaced),
        "if_passport_lost" => td_string!(l, step.if_passport_lost),
        other => return other.replace('_', " "),
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::rules;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_five_texts_go_by_their_names_in_the_page_language_and_acts_by_kind_and_number() {
        let source = |id: &str| rules().source(id).unwrap();
        assert_eq!(act(Locale::ru, source("003")), "Регистрация иностранных граждан и безвизовый режим");
        assert_eq!(act(Locale::kk, source("003")), "Шетел азаматтарын тіркеу және визасыз режим");
        for l in [Locale::en, Locale::ru, Locale::kk] {
            for id in ["000", "001", "002", "003", "004"] {
                assert!(!act(l, source(id)).is_empty(), "{id} has a name in {l:?}");
            }
        }
        let code = act(Locale::en, source("labour-code"));
        assert!(code.contains("414-V") && code.contains("2015"), "{code}");
    }

    #[test]
    fn kazakh_dates_take_the_dative_before_deyin() {
        let months = [
            "қаңтарға",
            "ақпанға",
            "наурызға",
            "сәуірге",
            "мамырға",
            "маусымға",
            "шілдеге",
            "тамызға",
            "қыркүйекке",
            "қазанға",
            "қарашаға",
            "желтоқсанға",
        ];
        for (m, dative) in (1..=12).zip(months) {
            assert_eq!(date_until(Locale::kk, d(2027, m, 5)), format!("2027 жылғы 5 {dative}"));
        }
        assert_eq!(date_on(Locale::kk, d(2026, 12, 1)), "2026 жылғы 1 желтоқсанда");
        assert_eq!(date_on(Locale::kk, d(2026, 9, 1)), "2026 жылғы 1 қыркүйекте");
        assert_eq!(date_on(Locale::kk, d(2026, 7, 1)), "2026 жылғы 1 шілдеде");
        assert_eq!(date_from(Locale::kk, d(2027, 3, 3)), "2027 жылғы 3 наурыздан");
        assert_eq!(date_from(Locale::kk, d(2027, 2, 3)), "2027 жылғы 3 ақпаннан");
        assert_eq!(date_from(Locale::kk, d(2027, 9, 3)), "2027 жылғы 3 қыркүйектен");
        assert_eq!(date_from(Locale::kk, d(2027, 7, 3)), "2027 жылғы 3 шілдеден");
        assert_eq!(date_until(Locale::en, d(2027, 1, 5)), "5 January 2027");
        assert_eq!(date_until(Locale::ru, d(2027, 1, 5)), "5 января 2027 г.");
    }

    /// Every Kazakh text that says "… дейін" after a date, with every date of a year: the
    /// date is in the dative.
    #[test]
    fn no_kazakh_text_puts_a_bare_month_before_deyin() {
        // result.by, three of a blocked trip's choices (result.choice_*) and the four issues
        // below. Another is a new text to give date_until.
        assert_eq!(include_str!("../locales/kk.json").matches("{{ date }} дейін").count(), 8);
        let bare = [
            "қаңтар ",
            "ақпан ",
            "наурыз ",
            "сәуір ",
            "мамыр ",
            "маусым ",
            "шілде ",
            "тамыз ",
            "қыркүйек ",
            "қазан ",
            "қараша ",
            "желтоқсан ",
        ];
        for code in [
            IssueCode::PassportValidityShort,
            IssueCode::InvitationTimeShort,
            IssueCode::VisaProcessingTimeShort,
            IssueCode::RulesMayBeOutdated,
        ] {
            for m in 1..=12 {
                let i = Issue {
                    code,
                    severity: kzvisa_rules::Severity::Warning,
                    sources: vec![],
                    rule: None,
                    date: Some(d(2027, m, 5)),
                    days: Some(3),
                    limit: Some(3),
                    year: None,
                    window: None,
                    rule_from: None,
                };
                let text = issue(Locale::kk, &i, Purpose::Tourism);
                assert!(bare.iter().all(|b| !text.contains(&format!("{b}дейін"))), "{text}");
            }
        }
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        assert_eq!(date(Locale::en, d(2026, 12, 1)), "1 December 2026");
        assert_eq!(date(Locale::ru, d(2026, 12, 1)), "1 декабря 2026 г.");
        assert_eq!(date(Locale::kk, d(2026, 12, 1)), "2026 жылғы 1 желтоқсан");
    }

    /// A traveller's case, assessed as the page would.
    fn assess(nationality: &str, purpose: &str, entry: &str, exit: &str) -> kzvisa_rules::Assessment {
        let mut c = kzvisa_rules::RawCase {
            today: Some("2026-11-22".into()),
            nationality: Some(nationality.into()),
            purpose: Some(purpose.into()),
            ..Default::default()
        };
        c.passport.expires = Some("2036-01-01".into());
        c.trip.entry = Some(entry.into());
        c.trip.exit = Some(exit.into());
        c.trip.entry_point = Some("airport_almaty".into());
        kzvisa_rules::evaluate(rules(), &c).unwrap()
    }

    #[test]
    fn the_numbers_in_the_words_are_the_ones_the_engine_applied() {
        // India: 14 days per entry, 42 in 180 (Resolution No. 464), not the texts' 30 and 90.
        let a = assess("IN", "tourism", "2026-12-01", "2026-12-20");
        let over = a.issue(IssueCode::StayOverMaxStay).unwrap();
        assert_eq!(
            issue(Locale::en, over, a.purpose),
            "Your stay of 20 days is longer than the 14 days allowed without a visa."
        );
        assert_eq!(issue(Locale::ru, over, a.purpose), "Срок пребывания (20 дней) превышает безвизовый срок: 14 дней.");
        assert_eq!(
            issue(Locale::kk, over, a.purpose),
            "Болу мерзімі (20 күн) визасыз рұқсат етілген мерзімнен асады: 14 күн."
        );
        // The host's notification: the step names the working days the rule gives.
        let b = assess("US", "work", "2026-12-01", "2026-12-20");
        let collect = b.steps.iter().find(|s| s.code == "collect_visa").unwrap();
        assert_eq!(step(Locale::en, collect), "Collect your visa: it takes at most 5 working days from applying");
        assert_eq!(step(Locale::ru, collect), "Получите визу: срок оформления после подачи — не более 5 рабочих дней");
        let approval = b.steps.iter().find(|s| s.code == "invitation_approval").unwrap();
        assert!(
            step(Locale::ru, approval).contains("3 рабочих дня")
                && step(Locale::ru, approval).contains("1 рабочий день")
        );
    }

    #[test]
    fn day_counts_take_the_plural_form_of_the_language() {
        assert_eq!(days(Locale::en, 1), "1 day");
        assert_eq!(days(Locale::en, 30), "30 days");
        assert_eq!(days(Locale::ru, 1), "1 день");
        assert_eq!(days(Locale::ru, 2), "2 дня");
        assert_eq!(days(Locale::ru, 5), "5 дней");
        assert_eq!(days(Locale::ru, 21), "21 день");
        assert_eq!(days(Locale::kk, 30), "30 күн");
        assert_eq!(count(Locale::ru, Noun::WorkingDays, 21), "21 рабочий день");
        assert_eq!(count(Locale::ru, Noun::Years, 16), "16 лет");
        assert_eq!(count(Locale::ru, Noun::Pages, 2), "2 чистые страницы");
        assert_eq!(count(Locale::en, Noun::Hours, 1), "1 hour");
        assert_eq!(count(Locale::kk, Noun::Months, 3), "3 ай");
    }

    #[test]
    fn a_date_at_the_end_of_a_sentence_ends_it_once() {
        // Russian dates end in "г.", which also closes the sentence: never "г..".
        let when = d(2026, 12, 1);
        for l in [Locale::en, Locale::ru, Locale::kk] {
            let mut texts = vec![
                td_string!(l, result.rules, version = "1", date = date(l, when)).to_string(),
                td_string!(l, result.assessed, date = date(l, when)).to_string(),
                td_string!(l, result.by, date = date(l, when)).to_string(),
            ];
            for code in IssueCode::ALL {
                let sample = Issue {
                    code: *code,
                    severity: kzvisa_rules::Severity::Info,
                    sources: vec![],
                    rule: None,
                    date: Some(when),
                    days: Some(31),
                    limit: Some(30),
                    year: Some(2027),
                    window: Some(180),
                    rule_from: None,
                };
                texts.push(issue(l, &sample, Purpose::Work));
            }
            for text in texts {
                assert!(!text.contains(".."), "{l:?}: {text}");
            }
        }
    }

    #[test]
    fn every_document_and_step_in_the_data_has_words_in_every_language() {
        let rules = rules();
        for l in [Locale::en, Locale::ru, Locale::kk] {
            for item in &rules.documents {
                assert_ne!(document(l, &item.code), item.code.replace('_', " "), "document {} ({l:?})", item.code);
            }
            for item in &rules.steps {
                let line = Line {
                    code: item.code.clone(),
                    date: None,
                    anchor: None,
                    sources: vec![],
                    params: Default::default(),
                    link: None,
                    group: None,
                    uncertain: false,
                };
                assert_ne!(step(l, &line), item.code.replace('_', " "), "step {} ({l:?})", item.code);
            }
        }
    }
}

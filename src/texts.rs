//! Words for the engine's codes, in the chosen language. Every match is exhaustive over
//! the engine's vocabularies, so a code without a translation does not compile, and
//! leptos_i18n refuses a key missing from any locale. Nothing here is ever parsed as HTML.

use chrono::{Datelike, NaiveDate};
use kzvisa_rules::data::model::Country;
use kzvisa_rules::{DeadlineCode, EntryPoint, InputErrorCode, Issue, IssueCode, Purpose};

use crate::i18n::*;

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

/// A number of days with the plural form of the language.
pub fn days(l: Locale, n: i64) -> String {
    td_string!(l, days, count = i32::try_from(n).unwrap_or(i32::MAX)).to_string()
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

pub fn deadline(l: Locale, d: DeadlineCode) -> &'static str {
    match d {
        DeadlineCode::Entry => td_string!(l, deadline.entry),
        DeadlineCode::HostNotification => td_string!(l, deadline.host_notification),
        DeadlineCode::LatestExit => td_string!(l, deadline.latest_exit),
        DeadlineCode::InvitationRequestBy => td_string!(l, deadline.invitation_request_by),
        DeadlineCode::VisaApplicationBy => td_string!(l, deadline.visa_application_by),
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
    }
}

/// An issue in words, with its date, days and limits filled in.
pub fn issue(l: Locale, i: &Issue) -> String {
    use IssueCode as C;
    let when = i.date.map(|d| date(l, d)).unwrap_or_default();
    let days = i.days.unwrap_or_default();
    let limit = i.limit.unwrap_or_default();
    let year = i.year.unwrap_or_default();
    match i.code {
        C::PassportExpired => td_string!(l, issue.passport_expired, date = when).to_string(),
        C::PassportValidityShort => td_string!(l, issue.passport_validity_short, date = when).to_string(),
        C::PassportBlankPages => td_string!(l, issue.passport_blank_pages, limit = limit).to_string(),
        C::PassportCondition => td_string!(l, issue.passport_condition).to_string(),
        C::EVisaEntryPoint => td_string!(l, issue.e_visa_entry_point).to_string(),
        C::StayOver30Days => td_string!(l, issue.stay_over_30_days, days = days, limit = limit).to_string(),
        C::StayOverMaxStay => td_string!(l, issue.stay_over_max_stay, days = days, limit = limit).to_string(),
        C::StayOver90In180 => {
            td_string!(l, issue.stay_over_90_in_180, date = when, days = days, limit = limit).to_string()
        }
        C::FingerprintsRequired => td_string!(l, issue.fingerprints_required, limit = limit).to_string(),
        C::PassportBlankPagesUnknown => td_string!(l, issue.passport_blank_pages_unknown, limit = limit).to_string(),
        C::PassportConditionUnknown => td_string!(l, issue.passport_condition_unknown).to_string(),
        C::BirthDateMissing => td_string!(l, issue.birth_date_missing, limit = limit).to_string(),
        C::VisaFreeNotForPurpose => td_string!(l, issue.visa_free_not_for_purpose).to_string(),
        C::NationalityNotListed => td_string!(l, issue.nationality_not_listed).to_string(),
        C::ListEntryDoubtful => td_string!(l, issue.list_entry_doubtful).to_string(),
        C::TemporaryResidencePermitNeeded => {
            td_string!(l, issue.temporary_residence_permit_needed, days = days, limit = limit).to_string()
        }
        C::InvitationTimeShort => td_string!(l, issue.invitation_time_short, date = when).to_string(),
        C::VisaProcessingTimeShort => td_string!(l, issue.visa_processing_time_short, date = when).to_string(),
        C::EntryDatePassed => td_string!(l, issue.entry_date_passed, date = when).to_string(),
        C::RulesMayBeOutdated => td_string!(l, issue.rules_may_be_outdated, date = when).to_string(),
        C::CalendarUnconfirmed => td_string!(l, issue.calendar_unconfirmed, year = year).to_string(),
        C::CalendarEstimated => td_string!(l, issue.calendar_estimated, year = year).to_string(),
        C::EVisaStayNotStated => td_string!(l, issue.e_visa_stay_not_stated).to_string(),
    }
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
        other => return other.replace('_', " "),
    };
    text.to_string()
}

/// A step of the checklist; codes come from data, as for documents.
pub fn step(l: Locale, code: &str) -> String {
    let text = match code {
        "get_invitation" => td_string!(l, step.get_invitation),
        "invitation_approval" => td_string!(l, step.invitation_approval),
        "register_on_portal" => td_string!(l, step.register_on_portal),
        "confirm_invitation_on_portal" => td_string!(l, step.confirm_invitation_on_portal),
        "enter_invitation_and_passport" => td_string!(l, step.enter_invitation_and_passport),
        "verify_e_visa_data" => td_string!(l, step.verify_e_visa_data),
        "pay_fee_online" => td_string!(l, step.pay_fee_online),
        "print_e_visa" => td_string!(l, step.print_e_visa),
        "find_mission" => td_string!(l, step.find_mission),
        "find_mission_residence_permit" => td_string!(l, step.find_mission_residence_permit),
        "work_visa_c3_place" => td_string!(l, step.work_visa_c3_place),
        "submit_application" => td_string!(l, step.submit_application),
        "give_fingerprints" => td_string!(l, step.give_fingerprints),
        "pay_consular_fee" => td_string!(l, step.pay_consular_fee),
        "collect_visa" => td_string!(l, step.collect_visa),
        "check_visa_for_corrections" => td_string!(l, step.check_visa_for_corrections),
        "fly_to_astana_or_almaty" => td_string!(l, step.fly_to_astana_or_almaty),
        "present_e_visa_at_airport" => td_string!(l, step.present_e_visa_at_airport),
        "cross_at_international_checkpoint" => td_string!(l, step.cross_at_international_checkpoint),
        "carry_passport" => td_string!(l, step.carry_passport),
        "carry_passport_and_e_visa" => td_string!(l, step.carry_passport_and_e_visa),
        "host_notifies_migration_service" => td_string!(l, step.host_notifies_migration_service),
        "host_arranges_residence_permit" => td_string!(l, step.host_arranges_residence_permit),
        "apply_for_extension_visa" => td_string!(l, step.apply_for_extension_visa),
        "leave_by_latest_exit" => td_string!(l, step.leave_by_latest_exit),
        "leave_through_astana_or_almaty" => td_string!(l, step.leave_through_astana_or_almaty),
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
    fn dates_read_naturally_in_each_language() {
        assert_eq!(date(Locale::en, d(2026, 12, 1)), "1 December 2026");
        assert_eq!(date(Locale::ru, d(2026, 12, 1)), "1 декабря 2026 г.");
        assert_eq!(date(Locale::kk, d(2026, 12, 1)), "2026 жылғы 1 желтоқсан");
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
                };
                texts.push(issue(l, &sample));
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
                assert_ne!(step(l, &item.code), item.code.replace('_', " "), "step {} ({l:?})", item.code);
            }
        }
    }
}

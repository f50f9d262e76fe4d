//! The closed vocabularies shared by cases, data and assessments. Their snake_case
//! spellings are the contract (`case-format.md`); serde, `parse` and `as_str` all use them.

/// Writes each item on a line of its own: how lists of problems are shown.
pub(crate) fn write_lines<T: std::fmt::Display>(f: &mut std::fmt::Formatter<'_>, items: &[T]) -> std::fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

#[macro_export]
#[doc(hidden)]
macro_rules! codes_vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The contract's spelling.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value spelled `text` exactly, if any.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

crate::codes_vocabulary! {
    /// Why the traveller comes.
    Purpose {
        Tourism = "tourism", Business = "business", Medical = "medical", Private = "private",
        Investment = "investment", Work = "work", Study = "study", Transit = "transit",
    }
}

crate::codes_vocabulary! {
    /// Where the traveller crosses the border.
    EntryPoint {
        AirportAstana = "airport_astana", AirportAlmaty = "airport_almaty",
        AirportOther = "airport_other", Land = "land", Rail = "rail", Sea = "sea",
    }
}

crate::codes_vocabulary! {
    /// The way in: without a visa, with an e-visa, or with a visa from a mission.
    Route { VisaFree = "visa_free", EVisa = "e_visa", ConsularVisa = "consular_visa" }
}

impl Route {
    /// Routes on which a visa is obtained.
    pub fn is_visa(self) -> bool {
        !matches!(self, Route::VisaFree)
    }
}

crate::codes_vocabulary! {
    /// How much an issue matters: blockers first.
    Severity { Blocker = "blocker", Warning = "warning", Info = "info" }
}

crate::codes_vocabulary! {
    /// A condition a document or step may depend on (documents.toml, steps.toml `when`).
    Condition {
        FingerprintsDue = "fingerprints_due",
        StayOverPermitLimit = "stay_over_permit_limit",
        OverStayLimit = "over_stay_limit",
        HasResidencePermit = "has_residence_permit",
        NoResidencePermit = "no_residence_permit",
        EVisaEntryPointWrong = "e_visa_entry_point_wrong",
        NationalityNotListed = "nationality_not_listed",
    }
}

crate::codes_vocabulary! {
    /// A dated moment a step can be due on (steps.toml `date`), and the deadlines.
    DeadlineCode {
        Entry = "entry",
        HostNotification = "host_notification",
        LatestExit = "latest_exit",
        InvitationRequestBy = "invitation_request_by",
        VisaApplicationBy = "visa_application_by",
    }
}

crate::codes_vocabulary! {
    /// Every issue an assessment can raise. The first eight are the contract's.
    IssueCode {
        PassportExpired = "passport_expired",
        PassportValidityShort = "passport_validity_short",
        PassportBlankPages = "passport_blank_pages",
        PassportCondition = "passport_condition",
        EVisaEntryPoint = "e_visa_entry_point",
        StayOver30Days = "stay_over_30_days",
        StayOver90In180 = "stay_over_90_in_180",
        FingerprintsRequired = "fingerprints_required",
        StayOverMaxStay = "stay_over_max_stay",
        PassportBlankPagesUnknown = "passport_blank_pages_unknown",
        PassportConditionUnknown = "passport_condition_unknown",
        BirthDateMissing = "birth_date_missing",
        VisaFreeNotForPurpose = "visa_free_not_for_purpose",
        NationalityNotListed = "nationality_not_listed",
        ListEntryDoubtful = "list_entry_doubtful",
        TemporaryResidencePermitNeeded = "temporary_residence_permit_needed",
        InvitationTimeShort = "invitation_time_short",
        VisaProcessingTimeShort = "visa_processing_time_short",
        EntryDatePassed = "entry_date_passed",
        RulesMayBeOutdated = "rules_may_be_outdated",
        CalendarUnconfirmed = "calendar_unconfirmed",
        CalendarEstimated = "calendar_estimated",
        EVisaStayNotStated = "e_visa_stay_not_stated",
    }
}

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
        RegistrationDue = "registration_due",
        TravelAuthorisationOffered = "travel_authorisation_offered",
        StayLimited = "stay_limited",
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
        RegistrationBy = "registration_by",
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
        StayOverWindow = "stay_over_window",
        StayOverYearLimit = "stay_over_year_limit",
        ChangeAdopted = "change_adopted",
        EVisaEntryPointUnconfirmed = "e_visa_entry_point_unconfirmed",
        DocumentNotCovered = "document_not_covered",
    }
}

crate::codes_vocabulary! {
    /// What the verdict says of the trip as planned: it may go (only this is green), it may
    /// once something is done first (a visa), or not as planned.
    Outlook { AsPlanned = "as_planned", FirstDo = "first_do", NotAsPlanned = "not_as_planned" }
}

crate::codes_vocabulary! {
    /// A way to make a trip that cannot go as planned: end the stay earlier, come later,
    /// extend the stay in Kazakhstan, get the visa that fits, renew the passport, enter
    /// elsewhere, or ask a mission when no text says more.
    ChoiceCode {
        Shorten = "shorten", Later = "later", Extend = "extend", Visa = "visa",
        RenewPassport = "renew_passport", ChangeEntryPoint = "change_entry_point", AskMission = "ask_mission",
    }
}

crate::codes_vocabulary! {
    /// Which law a case is assessed under: the five texts alone, or with every later act.
    Law { Current = "current", Core = "core" }
}

// The vocabulary macro cannot mark a default variant, so it is written out.
#[allow(clippy::derivable_impls)]
impl Default for Law {
    fn default() -> Self {
        Law::Current
    }
}

crate::codes_vocabulary! {
    /// How sure the data are of a source: one of the five texts, an act or government page
    /// seen, or an act known from reports (the page then tells the traveller to confirm).
    /// Ordered from the least sure, so that the least of several is their `min`.
    Confidence { Reported = "reported", Official = "official", Core = "core" }
}

crate::codes_vocabulary! {
    /// What kind of text a source is.
    SourceKind {
        Seed = "seed", Treaty = "treaty", Law = "law", Code = "code",
        GovernmentResolution = "government_resolution", MinistryOrder = "ministry_order",
        OfficialPage = "official_page", Standard = "standard", Report = "report",
    }
}

crate::codes_vocabulary! {
    /// What a nationality code names: a state, or a travel document of no state's (a
    /// stateless person's, a refugee's, an organisation's, one of a state Kazakhstan does
    /// not recognise).
    CountryKind {
        State = "state", Stateless = "stateless", Refugee = "refugee",
        Unrecognised = "unrecognised", Document = "document",
    }
}

// The vocabulary macro cannot mark a default variant, so it is written out.
#[allow(clippy::derivable_impls)]
impl Default for CountryKind {
    fn default() -> Self {
        CountryKind::State
    }
}

crate::codes_vocabulary! {
    /// Which of a regime's terms a citation states, so that each limit and purpose is
    /// shown with the words it rests on.
    Term {
        Purposes = "purposes", MaxStay = "max_stay", Window = "window", Year = "year",
        Stay = "stay", InForce = "in_force", EntryPoints = "entry_points", Countries = "countries",
    }
}

crate::codes_vocabulary! {
    /// Where a regime's purposes come from: its text names them (or the purposes it
    /// excludes), or no text does and the protective reading lists them (the doubt says so).
    PurposesBasis { Text = "text", Protective = "protective" }
}

crate::codes_vocabulary! {
    /// What bounds a stay that no number of days bounds: an employment contract's term (an
    /// EAEU worker), or a permit issued in Kazakhstan.
    StayBasis { Contract = "contract", Permit = "permit" }
}

crate::codes_vocabulary! {
    /// How a regime counts the days of a year: each calendar year, or years that start
    /// on the first entry (and then on the first entry after each year ends).
    YearBasis { Calendar = "calendar", FirstEntry = "first_entry" }
}

crate::codes_vocabulary! {
    /// The rules the engine reads from rules.toml. A rule the code names is one of these,
    /// so a misspelt rule is a compile error, and one the data misspell is a data error.
    RuleId {
        VisaRequired = "visa_required",
        PassportValidForStay = "passport_valid_for_stay",
        PassportValidityAfterVisa = "passport_validity_after_visa",
        PassportBlankPages = "passport_blank_pages",
        PassportCondition = "passport_condition",
        Fingerprints = "fingerprints",
        HostNotification = "host_notification",
        TemporaryResidencePermit = "temporary_residence_permit",
        InvitationApproval = "invitation_approval",
        ConsularProcessing = "consular_processing",
        ExtensionVisa = "extension_visa",
        Registration = "registration",
        TravelAuthorisation = "travel_authorisation",
        FingerprintsInKazakhstan = "fingerprints_in_kazakhstan",
    }
}

crate::codes_vocabulary! {
    /// The parameters rules carry: whole numbers, named for what they count.
    Param {
        Months = "months",
        MinPages = "min_pages",
        MinAgeYears = "min_age_years",
        WorkingDays = "working_days",
        OverDays = "over_days",
        ApprovalWorkingDays = "approval_working_days",
        ExtendedCalendarDays = "extended_calendar_days",
        DecisionWorkingDays = "decision_working_days",
        AfterLateApprovalWorkingDays = "after_late_approval_working_days",
        BusinessMaxDays = "business_max_days",
        InvestorMaxDays = "investor_max_days",
        WithinDays = "within_days",
        AfterDays = "after_days",
        HoursBefore = "hours_before",
        ValidDays = "valid_days",
    }
}

impl RuleId {
    /// The parameters every entry of the rule must carry: no more, no fewer.
    pub const fn params(self) -> &'static [Param] {
        use Param as P;
        match self {
            RuleId::PassportValidityAfterVisa => &[P::Months],
            RuleId::PassportBlankPages => &[P::MinPages],
            RuleId::Fingerprints | RuleId::FingerprintsInKazakhstan => &[P::MinAgeYears],
            RuleId::HostNotification => &[P::WorkingDays],
            RuleId::TemporaryResidencePermit => &[P::OverDays],
            RuleId::InvitationApproval => &[P::ApprovalWorkingDays, P::ExtendedCalendarDays, P::DecisionWorkingDays],
            RuleId::ConsularProcessing => &[P::WorkingDays, P::AfterLateApprovalWorkingDays],
            RuleId::ExtensionVisa => &[P::BusinessMaxDays, P::InvestorMaxDays],
            RuleId::Registration => &[P::WithinDays],
            RuleId::TravelAuthorisation => &[P::HoursBefore, P::ValidDays],
            RuleId::VisaRequired | RuleId::PassportValidForStay | RuleId::PassportCondition => &[],
        }
    }

    /// Whether the engine needs an entry of this rule in every data set (the later acts'
    /// rules are optional: the five texts alone must still assess).
    pub const fn required(self) -> bool {
        !matches!(
            self,
            RuleId::Registration
                | RuleId::TravelAuthorisation
                | RuleId::ExtensionVisa
                | RuleId::FingerprintsInKazakhstan
        )
    }
}

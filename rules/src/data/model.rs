//! The shape of the data files. These structs are also the engine's runtime model: a
//! file that parses and validates is used as it is. Unknown keys are refused.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serialize};

use crate::codes::{
    Condition, Confidence, CountryKind, DeadlineCode, EntryPoint, Param, Purpose, PurposesBasis, Route, RuleId,
    SourceKind, StayBasis, Term, YearBasis,
};
use crate::date::{parse_iso, DateError};

fn date_message(text: &str, err: DateError) -> String {
    match err {
        DateError::Format => format!("`{text}` is not a date of the form YYYY-MM-DD"),
        DateError::NoSuchDay => format!("`{text}` is not a day of the calendar"),
        DateError::OutOfRange => format!("`{text}` is outside the years the engine handles"),
    }
}

fn iso<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    parse_iso(&text).map_err(|e| de::Error::custom(date_message(&text, e)))
}

fn opt_iso<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| parse_iso(&text).map_err(|e| de::Error::custom(date_message(&text, e))))
        .transpose()
}

/// A citation: which text, where in it, and the words the rule rests on.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub doc: String,
    pub clause: String,
    /// The words as the text gives them, in their own language.
    pub quote: String,
    /// The quote's language where it is not its text's: an English report of a Russian
    /// act, or an act's in-force note in Kazakh.
    #[serde(default)]
    pub lang: Option<String>,
    /// The quote translated into the app's languages, never into its own; the page shows
    /// it beside the quote, marked as a translation.
    #[serde(default)]
    pub en: Option<String>,
    #[serde(default)]
    pub ru: Option<String>,
    #[serde(default)]
    pub kk: Option<String>,
    /// Which of a regime's terms these words state (a regime's limits and purposes are
    /// each shown with the citations that state them).
    #[serde(default)]
    pub supports: Vec<Term>,
}

/// Of a text's forms in the app's languages (English, Russian, Kazakh), the one in `lang`.
fn in_app_language<'a>(lang: &str, [en, ru, kk]: [Option<&'a str>; 3]) -> Option<&'a str> {
    match lang {
        "en" => en,
        "ru" => ru,
        "kk" => kk,
        _ => None,
    }
}

impl Cite {
    /// The quote's translation into an app language (`en`, `ru`, `kk`), if the data give one.
    pub fn translation(&self, lang: &str) -> Option<&str> {
        in_app_language(lang, [self.en.as_deref(), self.ru.as_deref(), self.kk.as_deref()]).filter(|t| !t.is_empty())
    }
}

/// A doubt the data record about an entry: the English, and the Russian and Kazakh where
/// the data give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doubt<'a> {
    pub en: &'a str,
    pub ru: Option<&'a str>,
    pub kk: Option<&'a str>,
}

impl<'a> Doubt<'a> {
    fn of(en: &'a Option<String>, ru: &'a Option<String>, kk: &'a Option<String>) -> Option<Self> {
        Some(Doubt { en: en.as_deref()?, ru: ru.as_deref(), kk: kk.as_deref() })
    }

    /// In a language (`en`, `ru`, `kk`), if the data give it in that language.
    pub fn in_language(&self, lang: &str) -> Option<&'a str> {
        in_app_language(lang, [Some(self.en), self.ru, self.kk])
    }
}

impl RuleEntry {
    pub fn doubt(&self) -> Option<Doubt<'_>> {
        Doubt::of(&self.doubt, &self.doubt_ru, &self.doubt_kk)
    }
}

impl Item {
    pub fn doubt(&self) -> Option<Doubt<'_>> {
        Doubt::of(&self.doubt, &self.doubt_ru, &self.doubt_kk)
    }
}

/// sources.toml `[meta]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: String,
    #[serde(deserialize_with = "iso")]
    pub reviewed: NaiveDate,
    #[serde(deserialize_with = "iso")]
    pub vouched_until: NaiveDate,
}

/// A host where a text read is `official`: a state publication, legal database or
/// government site (a subdomain counts as its host). Read anywhere else, it is `reported`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialHost {
    pub host: String,
    /// What is published there.
    pub what: String,
}

/// A name in each of the app's languages.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub en: String,
    pub ru: String,
    pub kk: String,
}

/// A text rules may cite: one of the five seed texts (`file`), or a later act with its
/// public source, dates and how sure we are of it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    /// For a report (`kind = "report"`), the act it reports on, when that act has an entry
    /// of its own: an act has one id, and its reports point to it.
    #[serde(default)]
    pub about: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    pub language: String,
    pub title: String,
    /// A short name for travellers, in each language (the title is in the act's language).
    #[serde(default)]
    pub names: Option<Names>,
    /// The act's number, as it is cited.
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub signed: Option<NaiveDate>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub in_force: Option<NaiveDate>,
    /// Where the text, or the report of it, can be read.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    /// The day the source was last read.
    #[serde(default, deserialize_with = "opt_iso")]
    pub seen: Option<NaiveDate>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<String>,
}

impl Source {
    /// Whether this is one of the five core texts.
    pub fn is_core(&self) -> bool {
        self.confidence == Confidence::Core
    }
}

/// Where texts disagree or are silent, and the reading applied.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    pub id: String,
    pub sources: Vec<String>,
    /// The states it is about, where it is about states (codes of countries.toml): an
    /// independent data set that disagrees with the data for a state is answered here.
    #[serde(default)]
    pub countries: Vec<String>,
    pub text: String,
    pub reading: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourcesFile {
    pub meta: Meta,
    #[serde(default)]
    pub official_host: Vec<OfficialHost>,
    pub source: Vec<Source>,
    #[serde(default)]
    pub discrepancy: Vec<Discrepancy>,
}

/// One dated entry of a rule's parameters.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    pub id: RuleId,
    #[serde(deserialize_with = "iso")]
    pub from: NaiveDate,
    #[serde(default, deserialize_with = "opt_iso")]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub params: BTreeMap<Param, i64>,
    /// The regimes the rule is limited to (none: every traveller).
    #[serde(default)]
    pub regimes: Vec<String>,
    pub cite: Vec<Cite>,
    #[serde(default)]
    pub doubt: Option<String>,
    /// The doubt in Russian and in Kazakh, for the page in those languages.
    #[serde(default)]
    pub doubt_ru: Option<String>,
    #[serde(default)]
    pub doubt_kk: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RulesFile {
    pub rule: Vec<RuleEntry>,
}

/// A state on a regime's list, with the line it has in each text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListedCountry {
    pub code: String,
    pub lines: BTreeMap<String, String>,
    /// The days the state is on the list, where they differ from the regime's (a state
    /// added to a list later, or taken off it when a treaty replaced the list for it).
    #[serde(default, deserialize_with = "opt_iso")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub to: Option<NaiveDate>,
    /// Set when the entry is uncertain: such an entry is not applied.
    #[serde(default)]
    pub doubt: Option<String>,
}

/// The latest day an act is in force by, when its exact day is not known: from its own
/// text (ten days after first publication, say) and the latest day it can have been
/// published. Until then the act is adopted but not applied (the protective reading).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InForceBy {
    #[serde(deserialize_with = "iso")]
    pub date: NaiveDate,
    /// How the date follows from the sources, in English, Russian and Kazakh.
    pub reason: String,
    #[serde(default)]
    pub reason_ru: Option<String>,
    #[serde(default)]
    pub reason_kk: Option<String>,
}

impl InForceBy {
    pub fn reason(&self) -> Doubt<'_> {
        Doubt { en: &self.reason, ru: self.reason_ru.as_deref(), kk: self.reason_kk.as_deref() }
    }
}

/// A way in for a list of nationalities and purposes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    pub id: String,
    pub route: Route,
    /// The purposes the regime covers.
    pub purposes: Vec<Purpose>,
    /// Purposes its text excludes: where several regimes list a state, one that excludes a
    /// purpose keeps the others from covering it (the stricter reading).
    #[serde(default)]
    pub excludes: Vec<Purpose>,
    /// Whether the text names the purposes (a citation `supports` them) or the protective
    /// reading lists them where no text does.
    #[serde(default = "purposes_from_text")]
    pub purposes_basis: PurposesBasis,
    /// Regimes this one replaces for the states it lists (an act that moved a state from
    /// one list to another), from its day in force, under law=current.
    #[serde(default)]
    pub replaces: Vec<String>,
    /// The day the act takes effect: where its exact day is not known, the day it was
    /// adopted, with `in_force_by` the latest day it is in force.
    #[serde(deserialize_with = "iso")]
    pub from: NaiveDate,
    #[serde(default)]
    pub in_force_by: Option<InForceBy>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub max_stay_days: Option<u32>,
    /// What bounds the stay where no number of days does (visa_free without max_stay_days).
    #[serde(default)]
    pub stay_basis: Option<StayBasis>,
    #[serde(default)]
    pub window_days: Option<u32>,
    #[serde(default)]
    pub window_max_days: Option<u32>,
    /// At most this many days of presence in a year, counted as `year_basis` says.
    #[serde(default)]
    pub year_max_days: Option<u32>,
    #[serde(default)]
    pub year_basis: Option<YearBasis>,
    #[serde(default)]
    pub entry_points: Vec<EntryPoint>,
    /// Entry points an official page names but other sources do not confirm: an e-visa
    /// holder may enter there, and is told to confirm first.
    #[serde(default)]
    pub entry_points_unconfirmed: Vec<EntryPoint>,
    /// The regime whose list of states this one applies to, in place of a list of its own
    /// (an act that changed a regime's terms but not its states).
    #[serde(default)]
    pub countries_from: Option<String>,
    pub cite: Vec<Cite>,
    #[serde(default)]
    pub doubt: Option<String>,
    /// The doubt in Russian and in Kazakh, for the page in those languages.
    #[serde(default)]
    pub doubt_ru: Option<String>,
    #[serde(default)]
    pub doubt_kk: Option<String>,
    #[serde(default)]
    pub countries: Vec<ListedCountry>,
}

fn purposes_from_text() -> PurposesBasis {
    PurposesBasis::Text
}

impl Regime {
    pub fn doubt(&self) -> Option<Doubt<'_>> {
        Doubt::of(&self.doubt, &self.doubt_ru, &self.doubt_kk)
    }

    /// The first day the regime is applied: the day it is in force by, when only that is
    /// certain, else the day it took effect.
    pub fn applies_from(&self) -> NaiveDate {
        self.in_force_by.as_ref().map_or(self.from, |b| b.date.max(self.from))
    }

    /// Whether the regime is applied on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.applies_from() <= date && self.to.is_none_or(|to| date <= to)
    }

    /// Whether on `date` the regime is adopted but not yet certainly in force.
    pub fn pending(&self, date: NaiveDate) -> bool {
        self.from <= date && date < self.applies_from()
    }

    /// The citations that state one of its terms.
    pub fn cites_for(&self, term: Term) -> impl Iterator<Item = &Cite> {
        self.cite.iter().filter(move |c| c.supports.contains(&term))
    }

    /// The state's entry in the regime's own list on `date` (see [`Rules::listing`] for a
    /// regime that takes its states from another).
    pub fn listing(&self, code: &str, date: NaiveDate) -> Option<&ListedCountry> {
        self.countries
            .iter()
            .find(|c| c.code == code && c.from.is_none_or(|f| f <= date) && c.to.is_none_or(|t| date <= t))
    }
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegimesFile {
    pub regime: Vec<Regime>,
}

/// A document or step of the checklist.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: String,
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// The regimes the item is for (none: any).
    #[serde(default)]
    pub regimes: Vec<String>,
    /// The rule whose parameters (in force on the day the item is dated by, or `today`)
    /// the item's words name.
    #[serde(default)]
    pub rule: Option<RuleId>,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub date: Option<DeadlineCode>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub to: Option<NaiveDate>,
    /// Steps this one is not listed beside: a later act replaced it with them.
    #[serde(default)]
    pub replaced_by: Vec<String>,
    /// Steps beside which it may no longer apply (a later act may have replaced it; the
    /// sources leave doubt): it is kept, the protective step, and said to be uncertain.
    #[serde(default)]
    pub doubted_by: Vec<String>,
    /// The address of the service the step is done at (a portal), for a link.
    #[serde(default)]
    pub link: Option<String>,
    /// The steps done together at one place (a portal, a mission) share a group: the page
    /// lists them as one line that opens.
    #[serde(default)]
    pub group: Option<String>,
    pub cite: Vec<Cite>,
    #[serde(default)]
    pub doubt: Option<String>,
    /// The doubt in Russian and in Kazakh, for the page in those languages.
    #[serde(default)]
    pub doubt_ru: Option<String>,
    #[serde(default)]
    pub doubt_kk: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentsFile {
    pub document: Vec<Item>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StepsFile {
    pub step: Vec<Item>,
}

/// calendar.toml `[meta]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarMeta {
    pub cite: Vec<Cite>,
}

/// A public holiday on a fixed day of the year (`date = "MM-DD"`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub id: String,
    pub date: String,
    /// Whether a Saturday or Sunday holiday moves its day off to the next working day.
    pub moves: bool,
    #[serde(default)]
    pub from_year: Option<i32>,
    #[serde(default)]
    pub to_year: Option<i32>,
    #[serde(default)]
    pub doubt: Option<String>,
}

/// A government transfer: a weekday off in exchange for a weekend working day.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    #[serde(deserialize_with = "iso")]
    pub day_off: NaiveDate,
    #[serde(deserialize_with = "iso")]
    pub working_day: NaiveDate,
}

/// What is set for one year: Kurban Ait and the transfers.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct YearEntry {
    pub year: i32,
    #[serde(deserialize_with = "iso")]
    pub kurban_ait: NaiveDate,
    /// False while the date is an astronomical estimate, not the announced one.
    pub kurban_ait_confirmed: bool,
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// False while the government may still announce transfers for the year.
    pub transfers_confirmed: bool,
    pub cite: Vec<Cite>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CalendarFile {
    pub meta: CalendarMeta,
    pub holiday: Vec<Holiday>,
    #[serde(default)]
    pub year: Vec<YearEntry>,
}

/// A nationality a case can give: an ISO 3166-1 country, or a travel document of no ISO
/// country (ICAO Doc 9303 Part 3: the stateless, refugees, the British classes, the UN and
/// other organisations, Kosovo).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// What a case and a regime use: ISO's alpha-2, or for a document without one its
    /// ICAO code (`XX` stays the stateless person's).
    pub code: String,
    /// ISO's or ICAO's three letters, as a passport's machine-readable zone writes them.
    pub alpha3: String,
    /// Other codes that name it (ICAO's `D` for Germany, `KS` for Kosovo).
    #[serde(default)]
    pub codes: Vec<String>,
    pub en: String,
    pub ru: String,
    pub kk: String,
    /// What people also type for it, in English, Russian or Kazakh ("UK", "Holland", "США",
    /// "АҚШ"): short, common, former and official names and endonyms, each naming this
    /// country only. For the app's search; a case's nationality is a code, so
    /// [`Rules::country`](crate::Rules::country) does not read them.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub kind: CountryKind,
    /// What the sources say of Kazakhstan and this state or document (its recognition, a
    /// convention it is party to), with the source, for a traveller no regime covers.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_ru: Option<String>,
    #[serde(default)]
    pub note_kk: Option<String>,
    #[serde(default)]
    pub note_source: Option<String>,
}

impl Country {
    pub fn note(&self) -> Option<Doubt<'_>> {
        Doubt::of(&self.note, &self.note_ru, &self.note_kk)
    }

    /// Whether `code` (any case) names it: its code, its three letters or another code.
    pub fn named(&self, code: &str) -> bool {
        [&self.code, &self.alpha3].into_iter().chain(&self.codes).any(|c| c.eq_ignore_ascii_case(code))
    }
}

/// Where the country table comes from (countries.toml `[meta]`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountriesMeta {
    pub source: String,
    pub generator: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountriesFile {
    pub meta: CountriesMeta,
    pub country: Vec<Country>,
}

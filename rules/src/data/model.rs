//! The shape of the data files. These structs are also the engine's runtime model: a
//! file that parses and validates is used as it is. Unknown keys are refused.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serialize};

use crate::codes::{Condition, DeadlineCode, EntryPoint, Purpose, Route};
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
    pub quote: String,
}

/// sources.toml `[meta]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: String,
    #[serde(deserialize_with = "iso")]
    pub as_of: NaiveDate,
    #[serde(deserialize_with = "iso")]
    pub reviewed: NaiveDate,
    #[serde(deserialize_with = "iso")]
    pub vouched_until: NaiveDate,
}

/// A text rules may cite.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    #[serde(default)]
    pub file: Option<String>,
    pub language: String,
    pub title: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// Where texts disagree or are silent, and the reading applied.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    pub id: String,
    pub sources: Vec<String>,
    pub text: String,
    pub reading: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourcesFile {
    pub meta: Meta,
    pub source: Vec<Source>,
    #[serde(default)]
    pub discrepancy: Vec<Discrepancy>,
}

/// One dated entry of a rule's parameters.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    pub id: String,
    #[serde(deserialize_with = "iso")]
    pub from: NaiveDate,
    #[serde(default, deserialize_with = "opt_iso")]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub params: BTreeMap<String, i64>,
    pub cite: Vec<Cite>,
    #[serde(default)]
    pub doubt: Option<String>,
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
    /// Set when the entry is uncertain: such an entry is not applied.
    #[serde(default)]
    pub doubt: Option<String>,
}

/// A way in for a list of nationalities and purposes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    pub id: String,
    pub route: Route,
    pub purposes: Vec<Purpose>,
    #[serde(deserialize_with = "iso")]
    pub from: NaiveDate,
    #[serde(default, deserialize_with = "opt_iso")]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub max_stay_days: Option<u32>,
    #[serde(default)]
    pub window_days: Option<u32>,
    #[serde(default)]
    pub window_max_days: Option<u32>,
    #[serde(default)]
    pub entry_points: Vec<EntryPoint>,
    pub cite: Vec<Cite>,
    #[serde(default)]
    pub doubt: Option<String>,
    pub countries: Vec<ListedCountry>,
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
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub date: Option<DeadlineCode>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "opt_iso")]
    pub to: Option<NaiveDate>,
    pub cite: Vec<Cite>,
    #[serde(default)]
    pub doubt: Option<String>,
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

/// A nationality that can be entered: ISO 3166-1, or XXA for a stateless person.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub en: String,
    pub ru: String,
    pub kk: String,
    #[serde(default)]
    pub stateless: bool,
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

//! The law as data: loading the TOML files, validating them, and looking things up.

pub mod model;
mod validate;

use std::fmt;

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::codes::{Confidence, Law, Param, RuleId};
use model::{
    CalendarFile, CountriesFile, CountriesMeta, Country, Discrepancy, DocumentsFile, Item, Meta, Regime, RegimesFile,
    RuleEntry, RulesFile, Source, SourcesFile, StepsFile,
};

/// The files of a data set, in the order they are read.
#[cfg(feature = "toml")]
pub const FILES: [&str; 7] =
    ["sources.toml", "countries.toml", "rules.toml", "regimes.toml", "documents.toml", "steps.toml", "calendar.toml"];

/// The data set compiled into the engine.
#[cfg(feature = "toml")]
pub const BUILTIN: [(&str, &str); 7] = [
    ("sources.toml", include_str!("../../data/sources.toml")),
    ("countries.toml", include_str!("../../data/countries.toml")),
    ("rules.toml", include_str!("../../data/rules.toml")),
    ("regimes.toml", include_str!("../../data/regimes.toml")),
    ("documents.toml", include_str!("../../data/documents.toml")),
    ("steps.toml", include_str!("../../data/steps.toml")),
    ("calendar.toml", include_str!("../../data/calendar.toml")),
];

/// One problem in a data set: the file, the entry when there is one, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub entry: Option<String>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{}: {}: {}", self.file, entry, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem found in a data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::codes::write_lines(f, &self.0)
    }
}

impl std::error::Error for DataErrors {}

/// A loaded, validated data set: everything the engine knows of the law.
#[derive(Debug, Clone)]
pub struct Rules {
    pub meta: Meta,
    pub official_hosts: Vec<model::OfficialHost>,
    pub sources: Vec<Source>,
    pub discrepancies: Vec<Discrepancy>,
    pub countries_meta: CountriesMeta,
    pub countries: Vec<Country>,
    pub rules: Vec<RuleEntry>,
    pub regimes: Vec<Regime>,
    pub documents: Vec<Item>,
    pub steps: Vec<Item>,
    pub calendar: Calendar,
}

#[cfg(feature = "toml")]
fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str, errors: &mut Vec<DataError>) -> Option<T> {
    toml::from_str(text)
        .map_err(|e| {
            errors.push(DataError { file: name.into(), entry: None, message: e.to_string().trim_end().into() })
        })
        .ok()
}

/// A data set as parsed, before it is checked: what the binary form holds.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct DataSet {
    sources: SourcesFile,
    countries: CountriesFile,
    rules: RulesFile,
    regimes: RegimesFile,
    documents: DocumentsFile,
    steps: StepsFile,
    calendar: CalendarFile,
}

/// How much of the legal text a page carries besides the rules themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageText {
    /// The traveller's check: the clauses, the marks of doubts and the acts' names and
    /// addresses in its code; the quotes and their translations, the words of the doubts and
    /// the acts' titles in [`PageData::words`], which the page loads once its first question
    /// is shown.
    Deferred,
    /// None of them: the group check shows verdicts only.
    None,
}

/// A page's copy of a data set: what its code embeds, and the words it loads beside it
/// (empty for [`PageText::None`]). [`Rules::from_checked_binary_with_words`] joins them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageData {
    pub rules: Vec<u8>,
    pub words: Vec<u8>,
}

/// The words a page loads after its first question, in the order [`DataSet::visit_words`]
/// visits their fields.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Words(Vec<Option<String>>);

/// A field of the words: a text every entry has, or one it may have.
enum Word<'a> {
    Text(&'a mut String),
    Maybe(&'a mut Option<String>),
}

impl DataSet {
    /// Visits every field of the words, always in the same order: for each entry of the
    /// rules, regimes, documents and steps, its citations' quotes and their translations,
    /// then the words of its doubt (and a regime's reasons for its day in force); the
    /// calendar's citations; each source's title; each country's note. What a
    /// page needs before the words arrive is not among them: a citation's text and clause,
    /// the mark of a doubt (an entry in doubt is not applied), the acts' names and addresses.
    fn visit_words(&mut self, visit: &mut dyn FnMut(Word<'_>)) {
        fn cites(cites: &mut [model::Cite], visit: &mut dyn FnMut(Word<'_>)) {
            for c in cites {
                visit(Word::Text(&mut c.quote));
                for t in [&mut c.en, &mut c.ru, &mut c.kk] {
                    visit(Word::Maybe(t));
                }
            }
        }
        fn doubt(
            doubt: &mut Option<String>,
            ru: &mut Option<String>,
            kk: &mut Option<String>,
            visit: &mut dyn FnMut(Word<'_>),
        ) {
            if let Some(en) = doubt {
                visit(Word::Text(en));
            }
            visit(Word::Maybe(ru));
            visit(Word::Maybe(kk));
        }
        for r in &mut self.rules.rule {
            cites(&mut r.cite, visit);
            doubt(&mut r.doubt, &mut r.doubt_ru, &mut r.doubt_kk, visit);
        }
        for g in &mut self.regimes.regime {
            cites(&mut g.cite, visit);
            doubt(&mut g.doubt, &mut g.doubt_ru, &mut g.doubt_kk, visit);
            if let Some(by) = &mut g.in_force_by {
                visit(Word::Text(&mut by.reason));
                visit(Word::Maybe(&mut by.reason_ru));
                visit(Word::Maybe(&mut by.reason_kk));
            }
        }
        for i in self.documents.document.iter_mut().chain(&mut self.steps.step) {
            cites(&mut i.cite, visit);
            doubt(&mut i.doubt, &mut i.doubt_ru, &mut i.doubt_kk, visit);
        }
        cites(&mut self.calendar.meta.cite, visit);
        for s in &mut self.sources.source {
            visit(Word::Text(&mut s.title));
        }
        for c in &mut self.countries.country {
            doubt(&mut c.note, &mut c.note_ru, &mut c.note_kk, visit);
        }
    }

    /// Moves the words out, leaving their fields empty.
    #[cfg(feature = "toml")]
    fn take_words(&mut self) -> Words {
        let mut words = Vec::new();
        self.visit_words(&mut |w| {
            words.push(match w {
                Word::Text(t) => Some(std::mem::take(t)),
                Word::Maybe(t) => t.take(),
            })
        });
        Words(words)
    }

    /// Puts back words [`DataSet::take_words`] took from this same data set, refusing any
    /// that do not fit it field for field.
    fn put_words(&mut self, words: Words) -> Result<(), DataErrors> {
        let mut words = words.0.into_iter();
        let mut fits = true;
        self.visit_words(&mut |w| match (w, words.next()) {
            (Word::Text(t), Some(Some(word))) => *t = word,
            (Word::Maybe(t), Some(word)) => *t = word,
            _ => fits = false,
        });
        if fits && words.next().is_none() {
            Ok(())
        } else {
            Err(DataErrors(vec![DataError {
                file: "(binary words)".into(),
                entry: None,
                message: "the words do not fit these rules".into(),
            }]))
        }
    }

    /// Empties all the legal text, keeping what the engine reads: a doubt still marks its
    /// entry (an entry in doubt is not applied), a citation its source.
    #[cfg(feature = "toml")]
    fn drop_legal_text(&mut self) {
        self.take_words();
        let rules = self.rules.rule.iter_mut().flat_map(|r| &mut r.cite);
        let regimes = self.regimes.regime.iter_mut().flat_map(|g| &mut g.cite);
        let items = self.documents.document.iter_mut().chain(&mut self.steps.step).flat_map(|i| &mut i.cite);
        for c in rules.chain(regimes).chain(items).chain(&mut self.calendar.meta.cite) {
            c.clause.clear();
        }
        for s in &mut self.sources.source {
            (s.names, s.url) = (None, None);
        }
    }
}

/// Parses the TOML files of a data set; every name in [`FILES`] must be given once.
#[cfg(feature = "toml")]
fn parse_files(files: &[(&str, &str)]) -> Result<DataSet, DataErrors> {
    let mut errors = Vec::new();
    for (name, _) in files {
        if !FILES.contains(name) {
            errors.push(DataError { file: (*name).into(), entry: None, message: "not a file of a data set".into() });
        }
    }
    let text = |name: &str, errors: &mut Vec<DataError>| match files.iter().filter(|f| f.0 == name).count() {
        1 => files.iter().find(|f| f.0 == name).map(|f| f.1),
        n => {
            let message = if n == 0 { "missing from the data set" } else { "given more than once" };
            errors.push(DataError { file: name.into(), entry: None, message: message.into() });
            None
        }
    };
    macro_rules! load {
        ($name:literal, $ty:ty) => {
            text($name, &mut errors).and_then(|t| parse::<$ty>($name, t, &mut errors))
        };
    }
    let sources = load!("sources.toml", SourcesFile);
    let countries = load!("countries.toml", CountriesFile);
    let rules = load!("rules.toml", RulesFile);
    let regimes = load!("regimes.toml", RegimesFile);
    let documents = load!("documents.toml", DocumentsFile);
    let steps = load!("steps.toml", StepsFile);
    let calendar = load!("calendar.toml", CalendarFile);
    match (sources, countries, rules, regimes, documents, steps, calendar) {
        (Some(sources), Some(countries), Some(rules), Some(regimes), Some(documents), Some(steps), Some(calendar))
            if errors.is_empty() =>
        {
            Ok(DataSet { sources, countries, rules, regimes, documents, steps, calendar })
        }
        _ => Err(DataErrors(errors)),
    }
}

fn binary_error(e: &postcard::Error) -> DataErrors {
    DataErrors(vec![DataError { file: "(binary data set)".into(), entry: None, message: e.to_string() }])
}

impl Rules {
    /// Checks a parsed data set and builds what the engine uses from it.
    fn from_data_set(set: DataSet) -> Result<Rules, DataErrors> {
        let loaded = Rules::assemble(set);
        let errors = validate::check(&loaded);
        if errors.is_empty() {
            Ok(loaded)
        } else {
            Err(DataErrors(errors))
        }
    }

    /// Builds what the engine uses from a data set, without checking it.
    fn assemble(set: DataSet) -> Rules {
        Rules {
            meta: set.sources.meta,
            official_hosts: set.sources.official_host,
            sources: set.sources.source,
            discrepancies: set.sources.discrepancy,
            countries_meta: set.countries.meta,
            countries: set.countries.country,
            rules: set.rules.rule,
            regimes: set.regimes.regime,
            documents: set.documents.document,
            steps: set.steps.step,
            calendar: Calendar::new(set.calendar),
        }
    }

    /// Loads a data set from `(file name, contents)` pairs; every name in [`FILES`] must be
    /// given once. All problems are reported, each naming its file and entry.
    #[cfg(feature = "toml")]
    pub fn from_files(files: &[(&str, &str)]) -> Result<Rules, DataErrors> {
        Rules::from_data_set(parse_files(files)?)
    }

    /// Checks TOML files as [`Rules::from_files`] does and encodes them in the compact
    /// binary form that [`Rules::from_binary`] reads: the web app embeds it, so that the
    /// browser neither parses TOML nor carries a TOML parser.
    #[cfg(feature = "toml")]
    pub fn encode_files(files: &[(&str, &str)]) -> Result<Vec<u8>, DataErrors> {
        let bytes = postcard::to_allocvec(&parse_files(files)?).map_err(|e| binary_error(&e))?;
        Rules::from_binary(&bytes)?; // the same checks, on what will be shipped
        Ok(bytes)
    }

    /// Like [`Rules::encode_files`], for a page: the same checks, then what a page never
    /// shows is left out of the bytes it carries (the research notes on sources, their
    /// publishers, the discrepancies, the lines each list gives a state and the words of a
    /// state's doubt), and the words are put apart or dropped as `text` says. `kzvisa rules`
    /// shows all of it.
    #[cfg(feature = "toml")]
    pub fn encode_files_for_page(files: &[(&str, &str)], text: PageText) -> Result<PageData, DataErrors> {
        Rules::from_files(files)?;
        let mut set = parse_files(files)?;
        for source in &mut set.sources.source {
            (source.note, source.publisher) = (None, None);
        }
        set.sources.official_host.clear();
        set.sources.discrepancy.clear();
        // A state's entry in doubt is not applied: the page needs the mark, not its words.
        for regime in &mut set.regimes.regime {
            for country in &mut regime.countries {
                country.lines.clear();
                country.doubt.iter_mut().for_each(String::clear);
            }
        }
        set.countries.meta = CountriesMeta { source: String::new(), generator: String::new() };
        // The first question reads the names people type from a table of its own (the web
        // app's build writes it): the rules need only the codes.
        for country in &mut set.countries.country {
            country.aliases.clear();
        }
        let words = match text {
            PageText::Deferred => postcard::to_allocvec(&set.take_words()).map_err(|e| binary_error(&e))?,
            PageText::None => {
                set.drop_legal_text();
                Vec::new()
            }
        };
        Ok(PageData { rules: postcard::to_allocvec(&set).map_err(|e| binary_error(&e))?, words })
    }

    /// Loads a data set encoded by [`Rules::encode_files`], checking it again.
    pub fn from_binary(bytes: &[u8]) -> Result<Rules, DataErrors> {
        Rules::from_data_set(postcard::from_bytes(bytes).map_err(|e| binary_error(&e))?)
    }

    /// Loads bytes that [`Rules::encode_files`] produced, without checking them again. For
    /// a program that embeds bytes its build has checked (the web app): the checks and their
    /// messages then stay out of its code. Bytes that do not decode are still refused.
    pub fn from_checked_binary(bytes: &[u8]) -> Result<Rules, DataErrors> {
        Ok(Rules::assemble(postcard::from_bytes(bytes).map_err(|e| binary_error(&e))?))
    }

    /// Loads a page's rules ([`PageData::rules`]) with the words it loaded beside them
    /// ([`PageData::words`]), without checking them again, as
    /// [`Rules::from_checked_binary`]. Words that do not decode, or do not fit these rules
    /// field for field (from another build), are refused.
    pub fn from_checked_binary_with_words(rules: &[u8], words: &[u8]) -> Result<Rules, DataErrors> {
        let mut set: DataSet = postcard::from_bytes(rules).map_err(|e| binary_error(&e))?;
        set.put_words(postcard::from_bytes(words).map_err(|e| binary_error(&e))?)?;
        Ok(Rules::assemble(set))
    }

    /// The data set compiled into the engine, loaded once.
    #[cfg(feature = "toml")]
    pub fn builtin() -> Result<&'static Rules, &'static DataErrors> {
        static BUILT: std::sync::OnceLock<Result<Rules, DataErrors>> = std::sync::OnceLock::new();
        BUILT.get_or_init(|| Rules::from_files(&BUILTIN)).as_ref()
    }

    /// The country or travel document with this code, in any case: its own, its three
    /// letters, or another code that names it.
    pub fn country(&self, code: &str) -> Option<&Country> {
        let code = code.trim();
        if code.is_empty() {
            return None;
        }
        self.countries.iter().find(|c| c.named(code))
    }

    /// Whether every text `cites` name is one of the five core texts.
    pub fn is_core(&self, cites: &[model::Cite]) -> bool {
        cites.iter().all(|c| self.source(&c.doc).is_some_and(Source::is_core))
    }

    /// The least confidence of the texts `cites` name.
    pub fn confidence(&self, cites: &[model::Cite]) -> Confidence {
        cites.iter().filter_map(|c| self.source(&c.doc)).map(|s| s.confidence).min().unwrap_or(Confidence::Core)
    }

    /// Whether an entry resting on `cites` is part of the law applied: under `law=core`
    /// only what the five texts say.
    pub fn applies(&self, law: Law, cites: &[model::Cite]) -> bool {
        law == Law::Current || self.is_core(cites)
    }

    /// The entry of rule `id` in force on `date` under `law`. Where a later act and a core
    /// text both give one, the later act's applies (it came after the texts).
    pub fn rule(&self, id: RuleId, date: NaiveDate, law: Law) -> Option<&RuleEntry> {
        self.rules
            .iter()
            .filter(|r| r.id == id && r.from <= date && r.to.is_none_or(|to| date <= to))
            .filter(|r| self.applies(law, &r.cite))
            .max_by_key(|r| !self.is_core(&r.cite))
    }

    /// The citations and recorded doubt behind an id an assessment names: the entry of a
    /// rule that came into force on `from` (as the assessment records it), a regime, or a
    /// document or step code.
    pub fn cites_of(&self, id: &str, from: Option<NaiveDate>) -> (&[model::Cite], Option<model::Doubt<'_>>) {
        let rule = RuleId::parse(id).and_then(|id| {
            let mut entries = self.rules.iter().filter(|r| r.id == id);
            match from {
                Some(from) => entries.find(|r| r.from == from),
                None => entries.next(),
            }
        });
        if let Some(rule) = rule {
            return (&rule.cite, rule.doubt());
        }
        if let Some(regime) = self.regime(id) {
            return (&regime.cite, regime.doubt());
        }
        match self.documents.iter().chain(&self.steps).find(|i| i.code == id) {
            Some(item) => (&item.cite, item.doubt()),
            None => (&[], None),
        }
    }

    /// A parameter of rule `id` in force on `date` under `law`.
    pub fn param(&self, id: RuleId, name: Param, date: NaiveDate, law: Law) -> Option<i64> {
        self.rule(id, date, law)?.params.get(&name).copied()
    }

    /// The state's entry on `date` in the list a regime applies to: its own, or the one it
    /// takes from another regime (`countries_from`).
    pub fn listing<'a>(&'a self, regime: &'a Regime, code: &str, date: NaiveDate) -> Option<&'a model::ListedCountry> {
        match &regime.countries_from {
            Some(id) => self.regime(id)?.listing(code, date),
            None => regime.listing(code, date),
        }
    }

    /// The day the newest entry of the data takes effect (a rule's, a regime's, a state's
    /// place on a list, a document's or step's): the law the data hold is as of that day.
    pub fn as_of(&self) -> NaiveDate {
        let rules = self.rules.iter().map(|e| e.from);
        let regimes = self.regimes.iter().map(Regime::applies_from);
        let listed = self.regimes.iter().flat_map(|g| g.countries.iter().filter_map(|c| c.from));
        let items = self.documents.iter().chain(&self.steps).filter_map(|i| i.from);
        rules.chain(regimes).chain(listed).chain(items).max().unwrap_or(self.meta.reviewed)
    }

    /// The regime with this id.
    pub fn regime(&self, id: &str) -> Option<&Regime> {
        self.regimes.iter().find(|g| g.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The language of a citation's quote: its own where the data give it, else its text's.
    pub fn quote_language<'a>(&'a self, cite: &'a model::Cite) -> Option<&'a str> {
        cite.lang.as_deref().or_else(|| self.source(&cite.doc).map(|s| s.language.as_str()))
    }
}

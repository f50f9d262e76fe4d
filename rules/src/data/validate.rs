//! Checks a parsed data set for what serde cannot: references, dates, uniqueness and the
//! parameters each rule must carry. Every problem names its file and entry.

use std::collections::BTreeSet;

use chrono::Datelike;

use super::model::{Cite, Item, Regime};
use super::{DataError, Rules};
use crate::calendar::month_day;
use crate::codes::{Confidence, CountryKind, Param, PurposesBasis, Route, RuleId, SourceKind, Term};
use crate::date::is_weekend;

/// The largest value a parameter may take: day counts beyond this are data errors.
const MAX_PARAM: i64 = 3660;

struct Checker<'a> {
    rules: &'a Rules,
    errors: Vec<DataError>,
}

impl Checker<'_> {
    fn fail(&mut self, file: &str, entry: impl Into<String>, message: impl Into<String>) {
        self.errors.push(DataError { file: file.into(), entry: Some(entry.into()), message: message.into() });
    }

    fn cites(&mut self, file: &str, entry: &str, cites: &[Cite]) {
        if cites.is_empty() {
            self.fail(file, entry, "has no `cite`: every rule must name the text it rests on");
        }
        for cite in cites {
            if self.rules.source(&cite.doc).is_none() {
                self.fail(file, entry, format!("cites unknown source `{}` (not in sources.toml)", cite.doc));
            }
            if cite.quote.trim().is_empty() || cite.clause.trim().is_empty() {
                self.fail(file, entry, format!("cites `{}` with an empty clause or quote", cite.doc));
            }
            // A translation sits beside the quote: never into the quote's own language, never empty.
            let language = self.rules.quote_language(cite);
            for (lang, text) in [("en", &cite.en), ("ru", &cite.ru), ("kk", &cite.kk)] {
                match text {
                    Some(_) if language == Some(lang) => self.fail(
                        file,
                        entry,
                        format!("cites `{}` with a translation into `{lang}`, the quote's own language", cite.doc),
                    ),
                    Some(t) if t.trim().is_empty() => {
                        self.fail(file, entry, format!("cites `{}` with an empty `{lang}` translation", cite.doc))
                    }
                    _ => {}
                }
            }
            if cite
                .lang
                .as_deref()
                .is_some_and(|l| !(2..=3).contains(&l.len()) || !l.bytes().all(|b| b.is_ascii_lowercase()))
            {
                self.fail(file, entry, format!("cites `{}` with a `lang` that is not a language code", cite.doc));
            }
        }
    }

    fn dates(&mut self, file: &str, entry: &str, from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) {
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                self.fail(file, entry, format!("`to` {to} is before `from` {from}"));
            }
        }
    }

    fn unique<'s>(&mut self, file: &str, what: &str, ids: impl IntoIterator<Item = &'s str>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.fail(file, format!("{what} \"{id}\""), "appears more than once");
            }
        }
    }

    fn sources(&mut self) {
        let r = self.rules;
        self.unique("sources.toml", "source", r.sources.iter().map(|s| s.id.as_str()));
        for s in &r.sources {
            let entry = format!("source \"{}\"", s.id);
            // A seed text is the core; anything else is a later act and says where it was read.
            if s.file.is_some() != (s.confidence == Confidence::Core) {
                self.fail("sources.toml", &entry, "a seed text (`file`) has confidence core, and only it");
            }
            if s.confidence != Confidence::Core && (s.url.is_none() || s.seen.is_none()) {
                self.fail("sources.toml", &entry, "a later act needs `url` and `seen`: where and when it was read");
            }
            // One written rule for how sure a source is: where it was read.
            if let Some(url) = &s.url {
                let official = s.kind != SourceKind::Report && official_host(&r.official_hosts, url);
                let wanted = if official { Confidence::Official } else { Confidence::Reported };
                if s.confidence != Confidence::Core && s.confidence != wanted {
                    let message = format!(
                        "confidence is `{wanted}`: a text read at a state publication, legal database or government site \
                         ([[official_host]]) is official, anything else (and any report) reported; this one was read at {url}"
                    );
                    self.fail("sources.toml", &entry, message);
                }
            }
            match (&s.about, s.kind) {
                (Some(act), SourceKind::Report) => {
                    if r.source(act).is_none_or(|a| a.kind == SourceKind::Report) {
                        self.fail(
                            "sources.toml",
                            &entry,
                            format!("`about` names `{act}`, which is not an act in sources.toml"),
                        );
                    }
                }
                (Some(_), _) => self.fail("sources.toml", &entry, "only a report names the act it is `about`"),
                (None, _) => {}
            }
            if let (Some(signed), Some(in_force)) = (s.signed, s.in_force) {
                if in_force < signed {
                    self.fail("sources.toml", &entry, "`in_force` is before `signed`");
                }
            }
        }
        if r.meta.vouched_until < r.as_of() {
            let message = format!("`vouched_until` is before {}, the day the newest entry takes effect", r.as_of());
            self.fail("sources.toml", "meta", message);
        }
        // Two entries for one text: one id per act, and each report of it points to it.
        let urls: Vec<&str> = r.sources.iter().filter_map(|s| s.url.as_deref()).collect();
        self.unique("sources.toml", "url", urls);
        for d in &r.discrepancies {
            for c in d.countries.iter().filter(|c| r.country(c).is_none()) {
                self.fail("sources.toml", format!("discrepancy \"{}\"", d.id), format!("names unknown country `{c}`"));
            }
            for s in &d.sources {
                if r.source(s).is_none() {
                    self.fail(
                        "sources.toml",
                        format!("discrepancy \"{}\"", d.id),
                        format!("names unknown source `{s}`"),
                    );
                }
            }
        }
    }

    fn countries(&mut self) {
        let r = self.rules;
        for c in &r.countries {
            let entry = format!("country \"{}\"", c.code);
            let upper = |s: &str, n: std::ops::RangeInclusive<usize>| {
                n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
            };
            // A state has ISO's two letters; a document of no state may have only ICAO's three.
            let code_len = if c.kind == CountryKind::State { 2..=2 } else { 2..=3 };
            if !upper(&c.code, code_len) || !upper(&c.alpha3, 3..=3) || !c.codes.iter().all(|x| upper(x, 1..=3)) {
                self.fail(
                    "countries.toml",
                    &entry,
                    "`code` is 2 capital letters (3 for a document of no state), `alpha3` 3, `codes` 1 to 3",
                );
            }
            if [&c.en, &c.ru, &c.kk].iter().any(|n| n.trim().is_empty()) {
                self.fail("countries.toml", &entry, "needs a name in en, ru and kk");
            }
            self.translations("countries.toml", &entry, [&c.note, &c.note_ru, &c.note_kk]);
            if c.note.is_some() != c.note_source.is_some()
                || c.note_source.as_ref().is_some_and(|s| r.source(s).is_none())
            {
                self.fail("countries.toml", &entry, "a `note` names its `note_source`, a source in sources.toml");
            }
        }
        // A code names one country or document, whichever of its codes it is.
        let names = r.countries.iter().flat_map(|c| [&c.code, &c.alpha3].into_iter().chain(&c.codes));
        let mut seen = BTreeSet::new();
        for name in names {
            if !seen.insert(name.as_str()) && r.countries.iter().filter(|c| c.named(name)).count() > 1 {
                self.fail("countries.toml", format!("code \"{name}\""), "names more than one country or document");
            }
        }
        // An alias names its country only: it is no other country's code, name or alias, in
        // any case and with ё read as е, as the app's search compares them.
        let fold = |s: &str| s.trim().to_lowercase().replace('ё', "е");
        let mut owners = std::collections::BTreeMap::<String, BTreeSet<&str>>::new();
        for c in &r.countries {
            let words = [&c.code, &c.alpha3, &c.en, &c.ru, &c.kk].into_iter().chain(&c.codes).chain(&c.aliases);
            for word in words {
                owners.entry(fold(word)).or_default().insert(&c.code);
            }
        }
        for c in &r.countries {
            for alias in &c.aliases {
                let others = owners.get(&fold(alias)).map_or(0, |o| o.len() - 1);
                if alias.trim().is_empty() || others > 0 {
                    self.fail(
                        "countries.toml",
                        format!("country \"{}\": alias \"{alias}\"", c.code),
                        "an alias is not blank, and is no other country's code, name or alias",
                    );
                }
            }
        }
    }

    fn rule_entries(&mut self) {
        let r = self.rules;
        for id in RuleId::ALL.iter().filter(|id| id.required()) {
            if !r.rules.iter().any(|e| e.id == *id && r.is_core(&e.cite)) {
                self.fail(
                    "rules.toml",
                    format!("rule \"{id}\""),
                    "is missing: the engine needs it from the core texts",
                );
            }
        }
        for (i, e) in r.rules.iter().enumerate() {
            let entry = format!("rule \"{}\" (from {})", e.id, e.from);
            let given: BTreeSet<Param> = e.params.keys().copied().collect();
            let wanted: BTreeSet<Param> = e.id.params().iter().copied().collect();
            if given != wanted {
                let names = |set: &BTreeSet<Param>| set.iter().map(|p| p.as_str()).collect::<Vec<_>>();
                let message = format!("params must be exactly {:?}, found {:?}", names(&wanted), names(&given));
                self.fail("rules.toml", &entry, message);
            }
            for regime in &e.regimes {
                if r.regime(regime).is_none() {
                    self.fail("rules.toml", &entry, format!("names unknown regime `{regime}`"));
                }
            }
            if let Some((name, v)) = e.params.iter().find(|(_, v)| !(0..=MAX_PARAM).contains(*v)) {
                self.fail("rules.toml", &entry, format!("param `{name}` = {v} is outside 0..={MAX_PARAM}"));
            }
            self.dates("rules.toml", &entry, Some(e.from), e.to);
            self.cites("rules.toml", &entry, &e.cite);
            self.translations("rules.toml", &entry, [&e.doubt, &e.doubt_ru, &e.doubt_kk]);
            // A later act's entry may overlap a core text's: it replaces it (law=current),
            // and the core entry still answers under law=core.
            let overlaps = r.rules[..i].iter().any(|o| {
                o.id == e.id
                    && r.is_core(&o.cite) == r.is_core(&e.cite)
                    && o.from <= e.to.unwrap_or(chrono::NaiveDate::MAX)
                    && e.from <= o.to.unwrap_or(chrono::NaiveDate::MAX)
            });
            if overlaps {
                self.fail("rules.toml", entry, "overlaps in time with another entry of the same rule");
            }
        }
    }

    fn regimes(&mut self) {
        let r = self.rules;
        self.unique("regimes.toml", "regime", r.regimes.iter().map(|g| g.id.as_str()));
        for g in &r.regimes {
            let entry = format!("regime \"{}\"", g.id);
            if RuleId::parse(&g.id).is_some() {
                self.fail("regimes.toml", &entry, "has the id of a rule in rules.toml");
            }
            self.dates("regimes.toml", &entry, Some(g.from), g.to);
            self.cites("regimes.toml", &entry, &g.cite);
            self.translations("regimes.toml", &entry, [&g.doubt, &g.doubt_ru, &g.doubt_kk]);
            if g.purposes.is_empty() {
                self.fail("regimes.toml", &entry, "lists no purposes");
            }
            self.regime_terms(g, &entry);
            match g.route {
                Route::ConsularVisa => self.fail(
                    "regimes.toml",
                    &entry,
                    "route consular_visa is what applies when no regime does; use visa_free or e_visa",
                ),
                Route::VisaFree => {
                    if g.max_stay_days == Some(0) {
                        self.fail("regimes.toml", &entry, "a visa_free regime needs max_stay_days of at least 1");
                    }
                    if !g.entry_points.is_empty() || !g.entry_points_unconfirmed.is_empty() {
                        self.fail("regimes.toml", &entry, "entry_points apply to e_visa regimes only");
                    }
                }
                Route::EVisa => {
                    if g.entry_points.is_empty() {
                        self.fail("regimes.toml", &entry, "an e_visa regime needs entry_points");
                    }
                }
            }
            if g.max_stay_days.is_some_and(|d| i64::from(d) > MAX_PARAM) {
                self.fail("regimes.toml", &entry, format!("max_stay_days is over {MAX_PARAM}"));
            }
            if g.year_max_days.is_some() != g.year_basis.is_some() || g.year_max_days.is_some_and(|d| d == 0 || d > 366)
            {
                self.fail("regimes.toml", &entry, "year_max_days (1 to 366) and year_basis go together");
            }
            match (g.window_days, g.window_max_days) {
                (None, None) => {}
                (Some(w), Some(m)) if m >= 1 && m <= w && i64::from(w) <= MAX_PARAM => {}
                _ => self.fail(
                    "regimes.toml",
                    &entry,
                    "window_days and window_max_days go together, with 1 <= window_max_days <= window_days",
                ),
            }
            self.unique("regimes.toml", &format!("{entry}: country"), g.countries.iter().map(|c| c.code.as_str()));
            for c in &g.countries {
                if r.countries.iter().all(|k| k.code != c.code) {
                    self.fail(
                        "regimes.toml",
                        format!("{entry}: country \"{}\"", c.code),
                        "is not an alpha-2 code in countries.toml",
                    );
                }
                self.dates("regimes.toml", &format!("{entry}: country \"{}\"", c.code), c.from, c.to);
                if c.lines.is_empty() {
                    self.fail(
                        "regimes.toml",
                        format!("{entry}: country \"{}\"", c.code),
                        "needs `lines`: where the text lists it",
                    );
                }
                for doc in c.lines.keys() {
                    if r.source(doc).is_none() {
                        self.fail(
                            "regimes.toml",
                            format!("{entry}: country \"{}\"", c.code),
                            format!("lines name unknown source `{doc}`"),
                        );
                    }
                }
            }
        }
    }

    /// Each limit and purpose rests on the words that state it; the references and dates
    /// of the later-act fields hold.
    fn regime_terms(&mut self, g: &Regime, entry: &str) {
        let r = self.rules;
        let file = "regimes.toml";
        let stated = |term: Term| g.cites_for(term).next().is_some();
        let mut needs = |term: Term, what: &str, set: bool| {
            if set && !stated(term) {
                let message = format!("sets {what} but no citation `supports` \"{term}\": each term needs its words");
                self.errors.push(DataError { file: file.into(), entry: Some(entry.into()), message });
            }
        };
        needs(Term::MaxStay, "max_stay_days", g.max_stay_days.is_some());
        needs(Term::Window, "a window", g.window_days.is_some());
        needs(Term::Year, "year_max_days", g.year_max_days.is_some());
        needs(Term::Stay, "stay_basis", g.stay_basis.is_some());
        needs(Term::InForce, "in_force_by", g.in_force_by.is_some());
        let from_text = g.purposes_basis == PurposesBasis::Text;
        needs(Term::Purposes, "purposes read from the text", from_text || !g.excludes.is_empty());
        if !from_text && g.doubt.is_none() {
            self.fail(file, entry, "purposes_basis = \"protective\" needs a `doubt` that says why no text names them");
        }
        if let Some(p) = g.excludes.iter().find(|p| g.purposes.contains(p)) {
            self.fail(file, entry, format!("both covers and excludes `{p}`"));
        }
        if let Some(by) = &g.in_force_by {
            if by.date < g.from {
                self.fail(file, entry, format!("in_force_by {} is before `from` {}", by.date, g.from));
            }
            if by.reason.trim().is_empty() {
                self.fail(file, entry, "in_force_by needs a `reason`: how the date follows from the sources");
            }
        }
        if g.route == Route::VisaFree && g.max_stay_days.is_none() && g.stay_basis.is_none() {
            self.fail(file, entry, "a visa_free regime needs max_stay_days of at least 1, or a stay_basis");
        }
        for id in g.replaces.iter().chain(&g.countries_from) {
            if r.regime(id).is_none_or(|o| o.id == g.id) {
                self.fail(file, entry, format!("names `{id}`, which is not another regime"));
            }
        }
        if g.countries_from.is_some() != g.countries.is_empty() {
            self.fail(file, entry, "lists its states in `countries`, or takes them from one regime (`countries_from`)");
        }
        if g.entry_points_unconfirmed.iter().any(|p| g.entry_points.contains(p)) {
            self.fail(file, entry, "an entry point is both confirmed and unconfirmed");
        }
    }

    /// A doubt's Russian and Kazakh translate its English: neither stands without it.
    fn translations(&mut self, file: &str, entry: &str, [en, ru, kk]: [&Option<String>; 3]) {
        if en.is_none() && (ru.is_some() || kk.is_some()) {
            self.fail(file, entry, "has `doubt_ru` or `doubt_kk` without the `doubt` they translate");
        }
    }

    fn items(&mut self, file: &str, what: &str, items: &[Item], dated: bool) {
        self.unique(file, what, items.iter().map(|i| i.code.as_str()));
        for item in items {
            let entry = format!("{what} \"{}\"", item.code);
            if item.code.is_empty()
                || !item.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                self.fail(file, &entry, "codes are lower_snake_case");
            }
            for regime in &item.regimes {
                if self.rules.regime(regime).is_none() {
                    self.fail(file, &entry, format!("names unknown regime `{regime}`"));
                }
            }
            for other in item.replaced_by.iter().chain(&item.doubted_by) {
                if items.iter().all(|i| &i.code != other) {
                    self.fail(file, &entry, format!("names `{other}`, which is not an entry of this file"));
                }
            }
            if !dated && item.date.is_some() {
                self.fail(file, &entry, "documents have no `date`");
            }
            self.dates(file, &entry, item.from, item.to);
            self.cites(file, &entry, &item.cite);
            self.translations(file, &entry, [&item.doubt, &item.doubt_ru, &item.doubt_kk]);
        }
    }

    fn calendar(&mut self) {
        let cal = &self.rules.calendar;
        let file = "calendar.toml";
        self.cites(file, "meta", &cal.cite);
        for h in &cal.holidays {
            if month_day(&h.date).is_none() {
                self.fail(
                    file,
                    format!("holiday \"{}\"", h.id),
                    format!("date `{}` is not a day of the form MM-DD", h.date),
                );
            }
        }
        let mut years = BTreeSet::new();
        for y in &cal.years {
            let entry = format!("year {}", y.year);
            if !years.insert(y.year) {
                self.fail(file, &entry, "appears more than once");
            }
            self.cites(file, &entry, &y.cite);
            if y.kurban_ait.year() != y.year {
                self.fail(file, &entry, "kurban_ait is not in this year");
            }
            for t in &y.transfers {
                if t.day_off.year() != y.year || is_weekend(t.day_off) {
                    self.fail(file, &entry, format!("transfer day_off {} must be a weekday of this year", t.day_off));
                }
                // Usually a Saturday or Sunday; sometimes the weekday that a weekend holiday's
                // day off would have moved to (2020: Monday 11 May, for Friday 8 May).
                if (t.working_day - t.day_off).num_days().abs() > 31 {
                    let message =
                        format!("transfer working_day {} is more than a month from its day off", t.working_day);
                    self.fail(file, &entry, message);
                }
            }
        }
    }
}

/// Whether `url` was read at one of `hosts` (or a subdomain of one).
fn official_host(hosts: &[super::model::OfficialHost], url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default().trim_end_matches('.');
    hosts.iter().any(|h| host == h.host || host.strip_suffix(h.host.as_str()).is_some_and(|sub| sub.ends_with('.')))
}

/// Every problem in `rules` that parsing alone could not find.
pub(crate) fn check(rules: &Rules) -> Vec<DataError> {
    let mut c = Checker { rules, errors: Vec::new() };
    c.sources();
    c.countries();
    c.rule_entries();
    c.regimes();
    c.items("documents.toml", "document", &rules.documents, false);
    c.items("steps.toml", "step", &rules.steps, true);
    c.calendar();
    c.errors
}

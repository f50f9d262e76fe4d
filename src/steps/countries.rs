//! Finding a country as a traveller types it: by its English, Russian or Kazakh name, by
//! what people also call it ("UK", "Holland", "США", "АҚШ") or by any of its codes,
//! forgiving of case and of ё, the stateless included, Kazakhstan left out.

use crate::i18n::Locale;

/// A country as the first question lists it: its codes, its names in the three languages and
/// its aliases. The build writes the list from the checked data (build.rs), because the first
/// question is asked before the rules are decoded (src/lazy.rs); a test holds it to the
/// rules' own.
#[derive(Debug, PartialEq, Eq)]
pub struct Listed {
    pub code: &'static str,
    pub alpha3: &'static str,
    pub en: &'static str,
    pub ru: &'static str,
    pub kk: &'static str,
    /// Its other codes (ICAO's `D` for Germany, `KS` for Kosovo), apart by `|`.
    others: &'static str,
    /// What people also type for it, apart by `|`.
    aliases: &'static str,
}

/// The items of a field of the table, apart by `|` (none when it is empty).
fn items(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split('|').filter(|item| !item.is_empty())
}

impl Listed {
    pub fn name(&self, l: Locale) -> &'static str {
        match l {
            Locale::en => self.en,
            Locale::ru => self.ru,
            Locale::kk => self.kk,
        }
    }

    /// Every code that names it: its own, its three letters, and its others.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> {
        [self.code, self.alpha3].into_iter().chain(items(self.others))
    }

    /// Its names, then its aliases.
    fn names(&self) -> impl Iterator<Item = &'static str> {
        [self.en, self.ru, self.kk].into_iter().chain(items(self.aliases))
    }
}

/// Every country of the data, in the data's order: a line each, its codes, names, other codes
/// and aliases apart by tabs (build.rs).
static TABLE: &str = include!(concat!(env!("OUT_DIR"), "/countries.rs"));

fn countries() -> &'static [Listed] {
    static LIST: std::sync::OnceLock<Vec<Listed>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        TABLE
            .lines()
            .filter_map(|line| {
                let mut field = line.split('\t');
                Some(Listed {
                    code: field.next()?,
                    alpha3: field.next()?,
                    en: field.next()?,
                    ru: field.next()?,
                    kk: field.next()?,
                    others: field.next()?,
                    aliases: field.next()?,
                })
            })
            .collect()
    })
}

/// The country with this code (any of its codes), in any case, as `Rules::country` reads it.
pub fn find(code: &str) -> Option<&'static Listed> {
    let code = code.trim();
    countries().iter().find(|c| !code.is_empty() && c.codes().any(|x| x.eq_ignore_ascii_case(code)))
}

/// Lower case, with ё read as е, for forgiving comparison.
fn fold(text: &str) -> String {
    text.trim().chars().map(lower).collect()
}

/// One letter in lower case (ё as е), for the scripts country names and queries are written in:
/// Latin (with Latin-1 and Latin Extended-A accents) and Cyrillic (Kazakh letters
/// included). Written out because `str::to_lowercase` brings all of Unicode's case tables
/// into the bundle (12 KB); a test checks this against it on every letter of those blocks.
fn lower(c: char) -> char {
    let u = u32::from(c);
    let even = u % 2 == 0;
    let lowered = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        // İ: `to_lowercase` gives i and a combining dot; a search wants the i.
        0x130 => u32::from('i'),
        // Blocks where each capital is followed by its small letter...
        0x100..=0x137 | 0x14A..=0x177 | 0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => u + 1,
        // ... or preceded by it.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if !even => u + 1,
        0x178 => 0xFF,
        0x4C0 => 0x4CF,
        _ => u,
    };
    match char::from_u32(lowered) {
        Some('ё') => 'е',
        lowered => lowered.unwrap_or(c),
    }
}

/// A country's codes, and its names and aliases, folded.
struct Folded {
    codes: Vec<String>,
    names: Vec<String>,
}

/// Every country but Kazakhstan (its citizens are not foreigners there), with its codes,
/// names and aliases folded once, so that a keystroke only compares.
static INDEX: std::sync::OnceLock<Vec<(&'static Listed, Folded)>> = std::sync::OnceLock::new();

fn index() -> &'static [(&'static Listed, Folded)] {
    INDEX.get_or_init(|| {
        countries()
            .iter()
            .filter(|c| c.code != "KZ")
            .map(|c| (c, Folded { codes: c.codes().map(fold).collect(), names: c.names().map(fold).collect() }))
            .collect()
    })
}

/// Folds the names once the browser is idle after the first screen is drawn, so that a slow
/// phone's first keystroke only compares (50 ms less at CPU 4x).
pub fn prepare() {
    if INDEX.get().is_none() {
        leptos::prelude::request_idle_callback(|| {
            index();
        });
    }
}

/// How well a country's codes, names and aliases match a query, best first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Match {
    /// One of its codes, whole (`DE`, `DEU`, and `D` as German passports write it; `RKS`,
    /// `XK` and `KS` for Kosovo; ICAO's `GBN` or `UNO` for a travel document).
    Code,
    /// A name or an alias, whole.
    Name,
    /// The start of a name or an alias.
    NameStart,
    /// The start of a code.
    CodeStart,
    /// A part of a name or an alias.
    NamePart,
    /// A name or an alias, or its start, with a typo or two.
    Typo,
}

/// How many typos a query of `len` letters may have and still find a name: none below
/// four letters (too many names are that close), one up to six, two beyond.
fn typos_allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// The optimal string alignment distance (Damerau-Levenshtein, each letter edited once):
/// a swap of two neighbours counts as one typo, as a hand makes it.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![(0..=b.len()).collect::<Vec<_>>(); a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// Whether `name` or its start is within the typos a query allows.
fn near(query: &[char], name: &str) -> bool {
    let allowed = typos_allowed(query.len());
    let name: Vec<char> = name.chars().collect();
    allowed > 0
        && (query.len().saturating_sub(allowed)..=query.len() + allowed)
            .filter(|&k| k <= name.len())
            .any(|k| distance(query, &name[..k]) <= allowed)
}

/// How a country matches the folded query `q`, if it does.
fn how(q: &str, Folded { codes, names }: &Folded) -> Option<(Match, usize)> {
    // Within a kind of match, the shortest first: "Инд" finds Индия before Индонезия.
    let shortest = |among: &[String], test: &dyn Fn(&String) -> bool| {
        among.iter().filter(|n| test(n)).map(|n| n.chars().count()).min()
    };
    if codes.iter().any(|c| c == q) {
        return Some((Match::Code, 0));
    }
    if let Some(len) = shortest(names, &|n| n == q) {
        return Some((Match::Name, len));
    }
    if let Some(len) = shortest(names, &|n| n.starts_with(q)) {
        return Some((Match::NameStart, len));
    }
    if let Some(len) = shortest(codes, &|c| c.starts_with(q)) {
        return Some((Match::CodeStart, len));
    }
    if let Some(len) = shortest(names, &|n| n.contains(q)) {
        return Some((Match::NamePart, len));
    }
    let chars: Vec<char> = q.chars().collect();
    shortest(names, &|n| near(&chars, n)).map(|len| (Match::Typo, len))
}

/// The countries matching `query`, best first: the one it is a code of, a whole name or
/// alias, the start of a name or alias, the start of a code, a part of a name or alias, then
/// a name or alias with a typo; within each, the shortest, then the table's order. A code
/// selects the country that has it: beside it, only names and codes that start with the
/// query are listed (the traveller may be typing one), not those that merely hold its
/// letters ("RKS" is Kosovo's, not the Turks and Caicos Islands').
pub fn search(query: &str) -> Vec<&'static Listed> {
    ranked(query).into_iter().map(|(_, c)| c).collect()
}

fn ranked(query: &str) -> Vec<(Match, &'static Listed)> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(Match, usize, usize, &'static Listed)> = index()
        .iter()
        .enumerate()
        .filter_map(|(i, (c, folded))| how(&q, folded).map(|(m, len)| (m, len, i, *c)))
        .collect();
    if found.iter().any(|(m, ..)| *m == Match::Code) {
        found.retain(|(m, ..)| *m <= Match::CodeStart);
    }
    // An insertion sort, already in the table's order: a few hundred names at most, and the
    // library's sorts would add 2.5 KB to the page.
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 && (found[j - 1].0, found[j - 1].1) > (found[j].0, found[j].1) {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    found.into_iter().map(|(m, _, _, c)| (m, c)).collect()
}

/// What the traveller meant by typing `query` without picking from the list: the one
/// country the text is, whole, a code, a name or an alias of ("D" and "DEU" are Germany, so
/// are "Germany" and "Deutschland"). `None` otherwise: the start of a name ("Germ"), a part
/// or a typo is offered in the list, never taken unasked, and "Korea" or "Congo" asks which:
/// guessing could tell someone they may travel when they may not.
pub fn typed_choice(query: &str) -> Option<&'static Listed> {
    let q = fold(query);
    let mut exact = index().iter().filter(|(_, Folded { codes, names })| codes.contains(&q) || names.contains(&q));
    match (exact.next(), exact.next()) {
        (Some((only, _)), None) => Some(*only),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{search, typed_choice};

    fn codes(q: &str) -> Vec<&'static str> {
        search(q).iter().map(|c| c.code).collect()
    }

    fn taken(q: &str) -> Option<&'static str> {
        typed_choice(q).map(|c| c.code)
    }

    #[test]
    fn a_code_selects_only_the_country_that_has_it_and_comes_first() {
        // The hint's own example: Germany's code, before Denmark, whose name starts with it.
        assert_eq!(codes("DE")[..2], ["DE", "DK"]);
        assert_eq!(codes("de")[..2], ["DE", "DK"], "in any case");
        assert_eq!(codes("D")[0], "DE", "ICAO's code on German passports");
        assert_eq!(codes("DEU")[0], "DE");
        // Kosovo's passport code is Kosovo's only: no longer the Turks and Caicos Islands,
        // whose name merely holds the letters.
        assert_eq!(codes("RKS"), ["XK"]);
        assert_eq!(codes("rks"), ["XK"]);
        assert_eq!(codes("XK")[0], "XK");
        assert_eq!(codes("KS")[0], "XK");
        for (code, document) in [("GBN", "GBN"), ("uno", "UNO"), ("XXB", "XXB"), ("XXA", "XX"), ("UNK", "UNK")] {
            assert_eq!(codes(code)[0], document, "ICAO's code {code}");
        }
        // After the country a code names, the names and codes that start with it.
        let gb = codes("GB");
        assert_eq!(gb[0], "GB");
        for document in ["GBD", "GBN", "GBO", "GBP", "GBS"] {
            assert!(gb.contains(&document), "{document} in {gb:?}");
        }
        assert_eq!(codes("ukr")[0], "UA");
    }

    #[test]
    fn the_names_people_use_find_their_country_in_every_language() {
        for (query, code) in [
            ("UK", "GB"),
            ("uk", "GB"),
            ("U.K.", "GB"),
            ("Britain", "GB"),
            ("Great Britain", "GB"),
            ("England", "GB"),
            ("Scotland", "GB"),
            ("Wales", "GB"),
            ("Northern Ireland", "GB"),
            ("Великобритания", "GB"),
            ("Англия", "GB"),
            ("Ұлыбритания", "GB"),
            ("USA", "US"),
            ("US", "US"),
            ("America", "US"),
            ("United States of America", "US"),
            ("США", "US"),
            ("сша", "US"),
            ("Штаты", "US"),
            ("Соединенные Штаты Америки", "US"),
            ("АҚШ", "US"),
            ("Holland", "NL"),
            ("Голландия", "NL"),
            ("South Korea", "KR"),
            ("Korea, South", "KR"),
            ("Южная Корея", "KR"),
            ("Оңтүстік Корея", "KR"),
            ("North Korea", "KP"),
            ("КНДР", "KP"),
            ("Russia", "RU"),
            ("Россия", "RU"),
            ("Ресей", "RU"),
            ("UAE", "AE"),
            ("ОАЭ", "AE"),
            ("БАӘ", "AE"),
            ("Czech Republic", "CZ"),
            ("Чехия", "CZ"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("Burma", "MM"),
            ("Myanmar", "MM"),
            ("Ivory Coast", "CI"),
            ("Swaziland", "SZ"),
            ("Macedonia", "MK"),
            ("Vatican", "VA"),
            ("Deutschland", "DE"),
            ("Kirghizia", "KG"),
            ("Киргизия", "KG"),
            ("Кыргызстан", "KG"),
            ("Belorussia", "BY"),
            ("Белоруссия", "BY"),
            ("Hong Kong", "HK"),
            ("Stateless", "XX"),
        ] {
            assert_eq!(codes(query).first(), Some(&code), "{query} lists {code} first");
            assert_eq!(taken(query), Some(code), "{query} + Enter is {code}");
        }
        assert_eq!(codes("UK")[..2], ["GB", "UA"], "the United Kingdom, then Ukraine, which starts with it");
        assert_eq!(codes("Deutchland")[0], "DE", "an alias forgives a typo as a name does");
    }

    #[test]
    fn names_come_before_codes_and_the_closest_name_first() {
        assert_eq!(codes("Инд")[..2], ["IN", "ID"], "Индия before Индонезия");
        assert_eq!(codes("india")[0], "IN");
        assert_eq!(codes("Niger")[0], "NE", "a whole name before the names it starts");
        assert_eq!(codes("Guinea")[0], "GN");
        assert!(codes("Guinea").contains(&"GQ"), "and the names that hold it");
    }

    #[test]
    fn a_typo_or_two_still_finds_the_country_in_every_language() {
        assert_eq!(codes("Germny")[0], "DE");
        assert_eq!(codes("Gemrany")[0], "DE", "two letters swapped");
        assert_eq!(codes("Kazakstan"), Vec::<&str>::new(), "Kazakhstan is never listed");
        assert_eq!(codes("Герамния")[0], "DE");
        assert_eq!(codes("Германя")[0], "DE");
        assert_eq!(codes("Францыя")[0], "FR");
        assert_eq!(codes("Өзбекстн")[0], "UZ");
        assert_eq!(codes("Ggg"), Vec::<&str>::new(), "three letters allow no typo");
        assert_eq!(taken("Germny"), None, "a typo is offered, never taken unasked");
    }

    #[test]
    fn finds_by_code_and_by_name_in_every_language() {
        assert_eq!(codes("deu")[0], "DE");
        assert_eq!(codes("Germ")[0], "DE");
        assert_eq!(codes("герм")[0], "DE");
        assert_eq!(codes("Герман")[0], "DE");
        assert!(codes("Түркия").contains(&"TR"));
        assert_eq!(codes("xxa")[0], "XX");
        assert!(codes("stateless").contains(&"XX"));
        assert!(codes("без гражд").contains(&"XX"));
    }

    #[test]
    fn lower_case_agrees_with_unicode_on_latin_and_cyrillic() {
        use super::{fold, lower};
        for c in
            (0..0x180).chain(0x400..0x530).filter_map(char::from_u32).filter(|c| *c != 'İ' && *c != 'ё' && *c != 'Ё')
        {
            let mut unicode = c.to_lowercase();
            assert_eq!(Some(lower(c)), unicode.next(), "{c} U+{:04X}", u32::from(c));
        }
        for c in super::countries() {
            for name in c.names().chain(c.codes()) {
                assert_eq!(fold(name), name.trim().to_lowercase().replace('ё', "е"), "{name}");
            }
        }
        assert_eq!(fold(" ЁЛКА İstanbul "), "елка istanbul");
    }

    #[test]
    fn the_list_is_the_rules_countries_in_their_order() {
        // The built-in data: the page's rules leave the aliases out, the table has them.
        let rules = &kzvisa_rules::Rules::builtin().unwrap().countries;
        assert_eq!(super::countries().len(), rules.len());
        for (listed, c) in super::countries().iter().zip(rules) {
            assert_eq!(
                [listed.code, listed.alpha3, listed.en, listed.ru, listed.kk],
                [&c.code, &c.alpha3, &c.en, &c.ru, &c.kk]
            );
            assert_eq!(listed.codes().skip(2).collect::<Vec<_>>(), c.codes, "{}", c.code);
            assert_eq!(super::items(listed.aliases).collect::<Vec<_>>(), c.aliases, "{}", c.code);
        }
        assert!(rules.iter().map(|c| c.aliases.len()).sum::<usize>() > 250, "the aliases are in the table");
        for code in ["de", "DEU", "D", " kz ", "XXA", "xk", "RKS", "KS", "gbn", "UK", "", "Germany"] {
            assert_eq!(
                super::find(code).map(|c| c.code),
                crate::state::rules().country(code).map(|c| c.code.as_str()),
                "{code:?}"
            );
        }
    }

    #[test]
    fn every_code_and_alias_is_taken_as_its_own_country() {
        for c in super::countries().iter().filter(|c| c.code != "KZ") {
            for word in c.codes().chain(super::items(c.aliases)) {
                assert_eq!(taken(word), Some(c.code), "{word}");
                assert_eq!(taken(&word.to_lowercase()), Some(c.code), "{word} in lower case");
                assert_eq!(codes(word)[0], c.code, "{word} lists {} first", c.code);
            }
        }
    }

    #[test]
    fn a_typed_answer_is_taken_only_when_it_names_one_country() {
        assert_eq!(taken("DEU"), Some("DE"));
        assert_eq!(taken("de"), Some("DE"));
        assert_eq!(taken(" D "), Some("DE"), "the code German passports carry");
        assert!(codes("D").contains(&"DE"), "and the list offers it");
        assert_eq!(taken("Niger"), Some("NE"), "a full name, though Nigeria starts with it");
        assert_eq!(taken("гвинея"), Some("GN"));
        assert_eq!(taken("Germany"), Some("DE"));
        assert_eq!(taken("Германия"), Some("DE"));
        for (code, document) in [("GBD", "GBD"), ("uno", "UNO"), ("XXB", "XXB"), ("RKS", "XK"), ("XK", "XK")] {
            assert_eq!(taken(code), Some(document), "ICAO's code {code} names its travel document");
        }
        // The start of a name, a part of one or a typo is listed to pick from, never taken:
        // "Germ" finds Germany first (and Bermuda, a typo away), and asks.
        assert_eq!(codes("Germ")[0], "DE");
        for doubt in
            ["Germ", "Герм", "Holl", "Britai", "Korea", "Корея", "Congo", "Sud", "Virgin", "Germny", "qqqq", ""]
        {
            assert_eq!(taken(doubt), None, "{doubt}");
        }
        assert_eq!(taken("KZ"), None, "Kazakhstan is not a nationality to check");
    }

    #[test]
    fn kazakhstan_and_nonsense_find_nothing() {
        assert!(codes("Kazakhstan").is_empty());
        assert!(codes("qqqq").is_empty());
        assert!(codes("  ").is_empty());
    }
}

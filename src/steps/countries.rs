//! Finding a country as a traveller types it: by its English, Russian or Kazakh name or by
//! its code, forgiving of case and of ё, the stateless included, Kazakhstan left out.

use crate::i18n::Locale;

/// A country as the first question lists it: its codes and its names in the three languages.
/// The build writes the list from the checked data (build.rs), because the first question is
/// asked before the rules are decoded (src/lazy.rs); a test holds it to the rules' own.
#[derive(Debug, PartialEq, Eq)]
pub struct Listed {
    pub code: &'static str,
    pub alpha3: &'static str,
    pub en: &'static str,
    pub ru: &'static str,
    pub kk: &'static str,
}

impl Listed {
    pub fn name(&self, l: Locale) -> &'static str {
        match l {
            Locale::en => self.en,
            Locale::ru => self.ru,
            Locale::kk => self.kk,
        }
    }
}

/// Every country of the data, in the data's order: a line each, its codes and names apart
/// by tabs (build.rs).
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
                })
            })
            .collect()
    })
}

/// The country with this alpha-2 or alpha-3 code, in any case (as `Rules::country`).
pub fn find(code: &str) -> Option<&'static Listed> {
    let code = code.trim();
    let pick: fn(&Listed) -> &str = match code.len() {
        2 => |c| c.code,
        3 => |c| c.alpha3,
        _ => return None,
    };
    countries().iter().find(|c| pick(c).eq_ignore_ascii_case(code))
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

/// Every country but Kazakhstan (its citizens are not foreigners there), with its codes
/// and names folded once, so that a keystroke only compares.
static INDEX: std::sync::OnceLock<Vec<(&'static Listed, [String; 5])>> = std::sync::OnceLock::new();

fn index() -> &'static [(&'static Listed, [String; 5])] {
    INDEX.get_or_init(|| {
        countries()
            .iter()
            .filter(|c| c.code != "KZ")
            .map(|c| (c, [fold(c.code), fold(c.alpha3), fold(c.en), fold(c.ru), fold(c.kk)]))
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

/// Passports write Germany's code as `D` (ICAO Doc 9303, part 3), not `DEU`: a passport
/// reader types it so. The other codes ICAO adds (British nationals of other kinds, the
/// UN, refugees) are not the same nationality in the texts, so they find nothing by code.
fn icao_alias(folded: &str) -> Option<&'static str> {
    (folded == "d").then_some("de")
}

/// How well a country's names and codes match a query, best first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Match {
    /// A name, whole.
    Name,
    /// The start of a name.
    NameStart,
    /// A code (`DE`, `DEU`, `D`).
    Code,
    /// A part of a name.
    NamePart,
    /// A name, or its start, with a typo or two.
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
fn how(q: &str, [a2, a3, names @ ..]: &[String; 5]) -> Option<(Match, usize)> {
    // Within a kind of match, the shortest name first: "Инд" finds Индия before Индонезия.
    let shortest = |test: &dyn Fn(&String) -> bool| names.iter().filter(|n| test(n)).map(|n| n.chars().count()).min();
    if let Some(len) = shortest(&|n| *n == q) {
        return Some((Match::Name, len));
    }
    if let Some(len) = shortest(&|n| n.starts_with(q)) {
        return Some((Match::NameStart, len));
    }
    if *a2 == q || *a3 == q || icao_alias(q) == Some(a2.as_str()) {
        return Some((Match::Code, 0));
    }
    if let Some(len) = shortest(&|n| n.contains(q)) {
        return Some((Match::NamePart, len));
    }
    let chars: Vec<char> = q.chars().collect();
    shortest(&|n| near(&chars, n)).map(|len| (Match::Typo, len))
}

/// The countries matching `query`, best first: a whole name, the start of a name, a code, a
/// part of a name, then a name with a typo; within each, the shortest name, then the
/// table's order.
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

/// What the traveller meant by typing `query` without picking from the list: a country
/// named exactly by its code or a full name, or the only one matching without a typo.
/// `None` when in doubt ("Korea", "Congo", a typo): guessing could tell someone they may
/// travel when they may not.
pub fn typed_choice(query: &str) -> Option<&'static Listed> {
    let q = fold(query);
    let exact = index().iter().find(|(_, names)| names.contains(&q) || icao_alias(&q) == Some(names[0].as_str()));
    let sure: Vec<&'static Listed> =
        ranked(query).into_iter().filter(|(m, _)| *m != Match::Typo).map(|(_, c)| c).collect();
    let only = match sure.as_slice() {
        [only] => Some(*only),
        _ => None,
    };
    exact.map(|(c, _)| *c).or(only)
}

#[cfg(test)]
mod tests {
    use super::search;

    fn codes(q: &str) -> Vec<&'static str> {
        search(q).iter().map(|c| c.code).collect()
    }

    #[test]
    fn names_come_before_codes_and_the_closest_name_first() {
        assert_eq!(codes("Инд")[..2], ["IN", "ID"], "Индия before Индонезия");
        assert_eq!(codes("india")[0], "IN");
        // "de" starts Denmark's name and is Germany's code: the name first, the code next.
        assert_eq!(codes("de")[..2], ["DK", "DE"]);
        assert_eq!(codes("Niger")[0], "NE", "a whole name before the names it starts");
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
        assert_eq!(super::typed_choice("Germny"), None, "a typo is offered, never taken unasked");
    }

    #[test]
    fn finds_by_code_and_by_name_in_every_language() {
        assert_eq!(codes("deu")[0], "DE");
        assert!(codes("DE").contains(&"DE"));
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
            for name in [c.en, c.ru, c.kk, c.code, c.alpha3] {
                assert_eq!(fold(name), name.trim().to_lowercase().replace('ё', "е"), "{name}");
            }
        }
        assert_eq!(fold(" ЁЛКА İstanbul "), "елка istanbul");
    }

    #[test]
    fn the_list_is_the_rules_countries_in_their_order() {
        let rules = &crate::state::rules().countries;
        assert_eq!(super::countries().len(), rules.len());
        for (listed, c) in super::countries().iter().zip(rules) {
            assert_eq!(
                [listed.code, listed.alpha3, listed.en, listed.ru, listed.kk],
                [&c.code, &c.alpha3, &c.en, &c.ru, &c.kk]
            );
        }
        for code in ["de", "DEU", " kz ", "XXA"] {
            assert_eq!(super::find(code).map(|c| c.code), crate::state::rules().country(code).map(|c| c.code.as_str()));
        }
        assert_eq!(super::find("D"), None, "a code of two or three letters, as the rules read it");
    }

    #[test]
    fn a_typed_answer_is_taken_only_when_it_names_one_country() {
        let taken = |q: &str| super::typed_choice(q).map(|c| c.code);
        assert_eq!(taken("DEU"), Some("DE"));
        assert_eq!(taken("de"), Some("DE"));
        assert_eq!(taken("D"), Some("DE"), "the code German passports carry");
        assert!(codes("D").contains(&"DE"), "and the list offers it");
        assert_eq!(taken("Niger"), Some("NE"), "a full name, though Nigeria starts with it");
        assert_eq!(taken("гвинея"), Some("GN"));
        assert_eq!(taken("Germ"), Some("DE"), "the only match");
        for (code, document) in [("GBD", "GBD"), ("uno", "UNO"), ("XXB", "XXB"), ("RKS", "XK"), ("XK", "XK")] {
            assert_eq!(taken(code), Some(document), "ICAO's code {code} names its travel document");
        }
        for doubt in ["Korea", "Корея", "Congo", "Sud", "Virgin", "qqqq", ""] {
            assert_eq!(taken(doubt), None, "{doubt}");
        }
    }

    #[test]
    fn kazakhstan_and_nonsense_find_nothing() {
        assert!(codes("Kazakhstan").is_empty());
        assert!(codes("qqqq").is_empty());
        assert!(codes("  ").is_empty());
    }
}

//! Finding a country as a traveller types it: by its English, Russian or Kazakh name or by
//! its code, forgiving of case and of ё, the stateless included, Kazakhstan left out.

use kzvisa_rules::data::model::Country;

use crate::state::rules;

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
fn index() -> &'static [(&'static Country, [String; 5])] {
    static INDEX: std::sync::OnceLock<Vec<(&'static Country, [String; 5])>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        rules()
            .countries
            .iter()
            .filter(|c| c.alpha2 != "KZ")
            .map(|c| (c, [fold(&c.alpha2), fold(&c.alpha3), fold(&c.en), fold(&c.ru), fold(&c.kk)]))
            .collect()
    })
}

/// Passports write Germany's code as `D` (ICAO Doc 9303, part 3), not `DEU`: a passport
/// reader types it so. The other codes ICAO adds (British nationals of other kinds, the
/// UN, refugees) are not the same nationality in the texts, so they find nothing by code.
fn icao_alias(folded: &str) -> Option<&'static str> {
    (folded == "d").then_some("de")
}

/// What the traveller meant by typing `query` without picking from the list: a country
/// named exactly by its code or a full name, or the only one matching. `None` when in
/// doubt ("Korea", "Congo"): guessing could tell someone they may travel when they may not.
pub fn typed_choice(query: &str) -> Option<&'static Country> {
    let q = fold(query);
    let exact = index().iter().find(|(_, names)| names.contains(&q) || icao_alias(&q) == Some(names[0].as_str()));
    exact.map(|(c, _)| *c).or_else(|| match search(query).as_slice() {
        [only] => Some(*only),
        _ => None,
    })
}

/// The countries matching `query`, best first: an exact code, then names that start with
/// the query, then names that contain it; within each, in the table's order.
pub fn search(query: &str) -> Vec<&'static Country> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let rank = |[a2, a3, names @ ..]: &[String; 5]| {
        if *a2 == q || *a3 == q || icao_alias(&q) == Some(a2.as_str()) {
            Some(0)
        } else if names.iter().any(|n| n.starts_with(&q)) {
            Some(1)
        } else if names.iter().any(|n| n.contains(&q)) {
            Some(2)
        } else {
            None
        }
    };
    let ranked: Vec<(u8, &'static Country)> =
        index().iter().filter_map(|(c, folded)| rank(folded).map(|r| (r, *c))).collect();
    (0..3).flat_map(|r| ranked.iter().filter(move |(rank, _)| *rank == r).map(|(_, c)| *c)).collect()
}

#[cfg(test)]
mod tests {
    use super::search;

    fn codes(q: &str) -> Vec<&'static str> {
        search(q).iter().map(|c| c.alpha2.as_str()).collect()
    }

    #[test]
    fn finds_by_code_and_by_name_in_every_language() {
        assert_eq!(codes("deu")[0], "DE");
        assert_eq!(codes("DE")[0], "DE");
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
        for c in crate::state::rules().countries.iter() {
            for name in [&c.en, &c.ru, &c.kk, &c.alpha2, &c.alpha3] {
                assert_eq!(fold(name), name.trim().to_lowercase().replace('ё', "е"), "{name}");
            }
        }
        assert_eq!(fold(" ЁЛКА İstanbul "), "елка istanbul");
    }

    #[test]
    fn a_typed_answer_is_taken_only_when_it_names_one_country() {
        let taken = |q: &str| super::typed_choice(q).map(|c| c.alpha2.as_str());
        assert_eq!(taken("DEU"), Some("DE"));
        assert_eq!(taken("de"), Some("DE"));
        assert_eq!(taken("D"), Some("DE"), "the code German passports carry");
        assert_eq!(codes("D")[0], "DE");
        assert_eq!(taken("Niger"), Some("NE"), "a full name, though Nigeria starts with it");
        assert_eq!(taken("гвинея"), Some("GN"));
        assert_eq!(taken("Germ"), Some("DE"), "the only match");
        for doubt in ["Korea", "Корея", "Congo", "Sud", "Virgin", "GBD", "UNO", "XXB", "qqqq", ""] {
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

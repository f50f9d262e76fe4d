//! Every state on every list gets its route for every purpose. The expected codes are
//! typed here from the seed texts, independently of regimes.toml, so a slip in the data
//! (a wrong code, a lost entry) fails this test.

use chrono::NaiveDate;
use kzvisa_rules::regime::{regimes_for, route_for};
use kzvisa_rules::{Law, Purpose, Route, Rules};

/// 003: the 45 visa-free states, in the text's order.
const VISA_FREE: &str = "AU US AT BE BG AE DE GR DK NZ JP IL IE IS ES IT CA CY KR LV LT LU HU MY MT MX MC NL NO PL PT RO SG SK SI TR GB FI FR HR CZ CL CH SE EE";
/// 004 Annex 1: the 117 states of the tourist e-visa, in the Russian text's order.
const ANNEX_1: &str = "DZ AO AD AG AW BS BD BB BH BZ BJ BO BW BN BF BI BT VU VA VE VN GA GY HT GM GH GT GN GW HN GD DJ DM DO ZM ZW IN ID KH CM QA KE KI KP CN CO KM CG CR CI CU KW LA LS LR LB LI MU MR MG MO MK MW ML MV MA MH FM MZ MM NA NR NP NE NG NI OM PW PA PG PY PE RW SV WS SM ST SA SZ SC SN VC KN LC SR SL TH TZ TG TO TT TV TN TM UG UY FO FJ PH CF TD ME LK ER ET ZA JM";
/// 004 Annex 2: the business and medical e-visa, less no. 13 "Virgin Islands" (doubtful).
const ANNEX_2: &str = "BS BM BI HN GL ID QA KW LA MO MA VA VN HT KH CU MK NI OM RS ZA ME";

fn entry() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn expected(code: &str, purpose: Purpose) -> Route {
    let on = |list: &str| list.split(' ').any(|c| c == code);
    match purpose {
        p if on(VISA_FREE) && p != Purpose::Work => Route::VisaFree,
        Purpose::Tourism if on(ANNEX_1) => Route::EVisa,
        Purpose::Business | Purpose::Medical if on(ANNEX_2) => Route::EVisa,
        _ => Route::ConsularVisa,
    }
}

#[test]
fn the_lists_have_the_lengths_the_texts_give() {
    assert_eq!(VISA_FREE.split(' ').count(), 45);
    assert_eq!(ANNEX_1.split(' ').count(), 117);
    assert_eq!(ANNEX_2.split(' ').count(), 22);
    let rules = Rules::builtin().unwrap();
    let applied = |id: &str| {
        rules.regimes.iter().find(|g| g.id == id).unwrap().countries.iter().filter(|c| c.doubt.is_none()).count()
    };
    assert_eq!(applied("visa_free_30"), 45);
    assert_eq!(applied("e_visa_tourist"), 117);
    assert_eq!(applied("e_visa_business_medical"), 22);
}

#[test]
fn every_nationality_gets_the_route_of_its_lists_for_every_purpose() {
    let rules = Rules::builtin().unwrap();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for country in rules.countries.iter().filter(|c| c.code != "KZ") {
        for &purpose in Purpose::ALL {
            let got = route_for(rules, &country.code, purpose, entry(), Law::Core);
            if got != expected(&country.code, purpose) {
                wrong.push(format!("{} {purpose}: {got}, expected {}", country.code, expected(&country.code, purpose)));
            }
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        273 * 8,
        "every ISO country but Kazakhstan, and every travel document of ICAO Doc 9303, for 8 purposes"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_english_annexes_lost_entries_but_contradict_nothing() {
    let rules = Rules::builtin().unwrap();
    let tourist = rules.regimes.iter().find(|g| g.id == "e_visa_tourist").unwrap();
    let with_english = tourist.countries.iter().filter(|c| c.lines.contains_key("001")).count();
    assert_eq!(with_english, 94, "001 keeps 94 of the 117 Annex 1 lines");
    assert!(tourist.countries.iter().all(|c| c.lines.contains_key("004")), "004 lists every entry");
    let business = rules.regimes.iter().find(|g| g.id == "e_visa_business_medical").unwrap();
    assert_eq!(
        business.countries.iter().filter(|c| c.lines.contains_key("001")).count(),
        15,
        "001 keeps Annex 2 nos. 10-23 (13 for VG and VI)"
    );
}

#[test]
fn regimes_do_not_apply_before_they_take_effect() {
    let rules = Rules::builtin().unwrap();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(route_for(rules, "IN", Purpose::Tourism, day(2018, 12, 31), Law::Core), Route::ConsularVisa);
    assert_eq!(route_for(rules, "IN", Purpose::Tourism, day(2019, 1, 1), Law::Core), Route::EVisa);
    assert_eq!(route_for(rules, "DE", Purpose::Tourism, day(2020, 1, 10), Law::Core), Route::ConsularVisa);
    assert_eq!(route_for(rules, "DE", Purpose::Tourism, day(2020, 1, 11), Law::Core), Route::VisaFree);
}

/// Two independent data sets of entry requirements (`fixtures/passport-index/`, one line
/// per passport: days without a visa, e-visa or visa required) agree with the data for a
/// tourist on their own day, or the data say why not: a discrepancy names the state.
#[test]
fn where_an_independent_data_set_disagrees_the_data_say_why() {
    let rules = Rules::builtin().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/passport-index");
    let answered = |code: &str| rules.discrepancies.iter().any(|d| d.countries.iter().any(|c| c == code));
    let mut unanswered = Vec::new();
    let mut compared = 0;
    for (file, day) in [("kz-2025-01-12.csv", "2025-01-12"), ("kz-2026-02-18.csv", "2026-02-18")] {
        let entry = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        for line in text.lines().skip(1) {
            let mut cells = line.split(',');
            let (Some(code), Some(_), Some(requirement)) = (cells.next(), cells.next(), cells.next()) else { continue };
            if requirement == "-1" {
                continue;
            }
            let regimes = regimes_for(rules, code, Purpose::Tourism, entry, Law::Current);
            let route = regimes.first().map_or(Route::ConsularVisa, |g| g.route);
            let days = regimes.iter().filter_map(|g| g.max_stay_days).min();
            let agrees = match requirement {
                "e-visa" => route == Route::EVisa,
                "visa required" => route == Route::ConsularVisa,
                "visa free" => route == Route::VisaFree,
                n => route == Route::VisaFree && n.parse::<u32>().ok() == days,
            };
            compared += 1;
            if !agrees && !answered(code) {
                unanswered.push(format!("{file}: {code} {requirement}, the data give {route} {days:?}"));
            }
        }
    }
    assert_eq!(compared, 2 * 198, "every passport but Kazakhstan's, in both data sets");
    assert!(unanswered.is_empty(), "no discrepancy names these states:\n{}", unanswered.join("\n"));
}

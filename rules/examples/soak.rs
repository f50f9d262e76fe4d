//! A soak run, outside the test command: millions of generated inputs through the engine
//! and through each of the four decoders (URL fragment, JSON case, MRZ, group CSV), every
//! one under `catch_unwind`, to back the promise that nothing panics on any input.
//!
//! Inputs are random text, or valid inputs (written here from generated cases) edited at
//! random: the edits reach the decoders' deep paths, which random text rarely does.
//!
//! Usage: `scripts/soak [--cases N] [--seed S]`. N inputs per part (default 1,000,000);
//! S seeds the generator (default: from the clock, printed so that a run can be repeated).
//! Exit status 1 when anything panicked. It must be built with `panic = "unwind"`, which
//! the release profile is not: `scripts/soak` overrides it.

use std::cell::RefCell;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDate;
use kzvisa_rules::case::RawStay;
use kzvisa_rules::date::shift;
use kzvisa_rules::group::{self, Column};
use kzvisa_rules::url::Fragment;
use kzvisa_rules::{evaluate, json, mrz, EntryPoint, Law, Purpose, RawCase, Rules};
use serde_json::json;

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, and good enough to pick test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (> 0); the modulo bias is far below what matters here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low) as usize) as i64
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters that try a decoder's handling of text: multi-byte ones, NUL, a line
/// separator, a byte-order mark, a combining accent, and letters whose case changes length.
const UNICODE: &[&str] = &["é", "Ж", "😀", "\0", "\u{2028}", "\u{FEFF}", "İ", "ß", "\u{0301}"];

/// What text is made of: a token of the decoder's own syntax most often, else a random byte
/// (not always UTF-8: the CSV reader takes bytes) or a character from [`UNICODE`].
fn unit(rng: &mut Rng, tokens: &[&str]) -> Vec<u8> {
    match rng.below(10) {
        0..6 => rng.pick(tokens).as_bytes().to_vec(),
        6..8 => vec![rng.next() as u8],
        _ => rng.pick(UNICODE).as_bytes().to_vec(),
    }
}

fn random_text(rng: &mut Rng, tokens: &[&str], max_units: usize) -> Vec<u8> {
    (0..rng.below(max_units + 1)).flat_map(|_| unit(rng, tokens)).collect()
}

/// Edits `bytes` one to four times: insertions, deletions, substitutions, a span
/// duplicated elsewhere, a truncation (rarer, as it throws the most away).
fn mutate(rng: &mut Rng, mut bytes: Vec<u8>, tokens: &[&str]) -> Vec<u8> {
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(9) {
            0 | 1 => {
                bytes.splice(at..at, unit(rng, tokens));
            }
            2 | 3 => {
                bytes.drain(at..(at + 1 + rng.below(4)).min(bytes.len()));
            }
            4 | 5 => {
                bytes.splice(at..(at + 1).min(bytes.len()), unit(rng, tokens));
            }
            6 | 7 => {
                let span = bytes[at..(at + 1 + rng.below(16)).min(bytes.len())].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, span);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

/// Bytes shown as escaped text in the report.
struct Bytes(Vec<u8>);

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

/// What the generators draw on: the data's country codes, and day 0 of the soak's dates.
struct Gen {
    /// Every code of the data, as a case may name a country or travel document.
    codes: Vec<String>,
    /// The codes an MRZ may carry: three letters, and ICAO's `D<<` for Germany.
    mrz_codes: Vec<String>,
    epoch: NaiveDate,
}

impl Gen {
    fn new(rules: &Rules) -> Gen {
        let codes = rules.countries.iter().flat_map(|c| [c.code.clone(), c.alpha3.clone()]).collect();
        let mut mrz_codes: Vec<String> = rules.countries.iter().map(|c| c.alpha3.clone()).collect();
        mrz_codes.push("D<<".into());
        Gen { codes, mrz_codes, epoch: NaiveDate::from_ymd_opt(2020, 1, 1).expect("a day") }
    }

    fn day(&self, offset: i64) -> NaiveDate {
        shift(self.epoch, offset)
    }

    /// A case around 2020 to 2030 that is mostly valid; per case a share of its fields
    /// (none, some, or all) is replaced by garbage or left out.
    fn raw_case(&self, rng: &mut Rng) -> RawCase {
        let today = rng.range(0, 3653);
        let entry = today + rng.range(-30, 400);
        let iso = |offset: i64| Some(self.day(offset).to_string());
        let mut c = RawCase {
            today: iso(today),
            nationality: Some(rng.pick(&self.codes).clone()),
            purpose: Some(rng.pick(Purpose::ALL).as_str().into()),
            birth_date: rng.percent(50).then(|| self.day(today - rng.range(0, 36_600)).to_string()),
            residence_permit: rng.percent(10).then(|| rng.pick(&self.codes).clone()),
            law: rng.percent(50).then(|| rng.pick(Law::ALL).as_str().into()),
            ..RawCase::default()
        };
        c.passport.expires = iso(entry + rng.range(-200, 3650));
        c.passport.issued = rng.percent(30).then(|| self.day(today - rng.range(0, 3650)).to_string());
        c.passport.blank_pages = rng.percent(30).then(|| rng.range(0, 12).to_string());
        c.passport.condition_ok = rng.percent(30).then(|| rng.pick(&["true", "false"]).to_string());
        c.trip.entry = iso(entry);
        c.trip.exit = iso(entry + rng.range(-5, 120));
        c.trip.entry_point = Some(rng.pick(EntryPoint::ALL).as_str().into());
        // Earlier stays before the trip; rarely more than the case may list.
        let stays = if rng.percent(1) { rng.below(300) } else { rng.below(5) };
        c.previous_stays = (0..stays)
            .map(|_| {
                let exit = entry - rng.range(1, 400);
                RawStay { entry: iso(exit - rng.range(0, 60)), exit: iso(exit) }
            })
            .collect();
        let share = *rng.pick(&[0, 0, 5, 25, 100]);
        for slot in slots(&mut c) {
            if rng.percent(share) {
                *slot = garbage(rng);
            }
        }
        c
    }

    /// A case's link, as the app writes it.
    fn fragment(&self, rng: &mut Rng) -> Vec<u8> {
        let params = vec![("lang".to_string(), rng.pick(&["en", "ru", "kk"]).to_string())];
        Fragment { case: self.raw_case(rng), params }.to_fragment().into_bytes()
    }

    /// A case as a JSON file, with numbers and booleans where the contract allows them.
    fn json(&self, rng: &mut Rng) -> Vec<u8> {
        let c = self.raw_case(rng);
        let p = &c.passport;
        let pages =
            p.blank_pages.as_deref().and_then(|t| t.parse::<u32>().ok()).map_or(json!(p.blank_pages), |n| json!(n));
        let ok =
            p.condition_ok.as_deref().and_then(|t| t.parse::<bool>().ok()).map_or(json!(p.condition_ok), |b| json!(b));
        let stays: Vec<_> = c.previous_stays.iter().map(|s| json!({ "entry": s.entry, "exit": s.exit })).collect();
        json!({
            "today": c.today, "nationality": c.nationality, "purpose": c.purpose, "birth_date": c.birth_date,
            "law": c.law, "residence_permit": { "country": c.residence_permit },
            "passport": { "expires": p.expires, "issued": p.issued, "blank_pages": pages, "condition_ok": ok },
            "trip": { "entry": c.trip.entry, "exit": c.trip.exit, "entry_point": c.trip.entry_point },
            "previous_stays": stays,
        })
        .to_string()
        .into_bytes()
    }

    /// A valid MRZ of any size read on `today`, its lines separated as a paste or a reader would.
    fn mrz(&self, rng: &mut Rng, today: NaiveDate) -> Vec<u8> {
        let chars =
            |rng: &mut Rng, from: &[u8], n: usize| -> String { (0..n).map(|_| char::from(*rng.pick(from))).collect() };
        let (alnum, name) = (b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ<<<<");
        let checked = |field: String| format!("{field}{}", check_digit(&field));
        let yymmdd = |day: NaiveDate| checked(day.format("%y%m%d").to_string());
        let number = checked(chars(rng, alnum, 9));
        let nationality = rng.pick(&self.mrz_codes).clone();
        let birth = yymmdd(shift(today, -rng.range(0, 36_500)));
        let expiry = yymmdd(shift(today, rng.range(-3650, 3650)));
        let (sex, issuer) = (chars(rng, b"MFX<", 1), chars(rng, &alnum[..26], 3));
        let lines = match rng.below(3) {
            // TD3, a passport: 2 lines of 44.
            0 => {
                let personal = checked(chars(rng, alnum, 14));
                let composite = check_digit(&format!("{number}{birth}{expiry}{personal}"));
                let one = format!("P<{issuer}{}", chars(rng, name, 39));
                vec![one, format!("{number}{nationality}{birth}{sex}{expiry}{personal}{composite}")]
            }
            // TD2: 2 lines of 36.
            1 => {
                let optional = chars(rng, alnum, 7);
                let composite = check_digit(&format!("{number}{birth}{expiry}{optional}"));
                let one = format!("I<{issuer}{}", chars(rng, name, 31));
                vec![one, format!("{number}{nationality}{birth}{sex}{expiry}{optional}{composite}")]
            }
            // TD1: 3 lines of 30.
            _ => {
                let (optional, more) = (chars(rng, alnum, 15), chars(rng, alnum, 11));
                let composite = check_digit(&format!("{number}{optional}{birth}{expiry}{more}"));
                vec![
                    format!("I<{issuer}{number}{optional}"),
                    format!("{birth}{sex}{expiry}{nationality}{more}{composite}"),
                    chars(rng, name, 30),
                ]
            }
        };
        lines.join(*rng.pick(&["\n", "\n", "\r\n", " ", ""])).into_bytes()
    }

    /// A group's file: the required columns and some others in any order, a column the
    /// check does not know, either separator and line end, quotes where needed and at random.
    fn csv(&self, rng: &mut Rng) -> Vec<u8> {
        let (sep, eol) = (*rng.pick(&[',', ';']), *rng.pick(&["\n", "\r\n"]));
        let mut columns: Vec<Option<Column>> =
            Column::ALL.iter().filter(|c| Column::REQUIRED.contains(c) || rng.percent(50)).map(|c| Some(*c)).collect();
        if rng.percent(20) {
            columns.push(None); // a `phone` column, ignored
        }
        for i in (1..columns.len()).rev() {
            columns.swap(i, rng.below(i + 1));
        }
        let cell = |rng: &mut Rng, text: &str| {
            if text.contains([sep, '"', '\r', '\n']) || rng.percent(10) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text.to_string()
            }
        };
        let header: Vec<String> = columns.iter().map(|c| cell(rng, c.map_or("phone", Column::as_str))).collect();
        let mut out = if rng.percent(20) { "\u{FEFF}".to_string() } else { String::new() };
        out += &(header.join(&sep.to_string()) + eol);
        for _ in 0..rng.below(8) {
            let c = self.raw_case(rng);
            let stays: Vec<String> = c
                .previous_stays
                .iter()
                .map(|s| format!("{}..{}", s.entry.as_deref().unwrap_or(""), s.exit.as_deref().unwrap_or("")))
                .collect();
            let row: Vec<String> = columns
                .iter()
                .map(|column| {
                    let text = match column {
                        Some(Column::Name) => Some("Aigerim \"Aika\" Nurlanovna".to_string()),
                        Some(Column::Nationality) => c.nationality.clone(),
                        Some(Column::BirthDate) => c.birth_date.clone(),
                        Some(Column::PassportExpires) => c.passport.expires.clone(),
                        Some(Column::PassportIssued) => c.passport.issued.clone(),
                        Some(Column::PassportBlankPages) => c.passport.blank_pages.clone(),
                        Some(Column::PassportConditionOk) => c.passport.condition_ok.clone(),
                        Some(Column::PreviousStays) => Some(stays.join(",")),
                        None => Some("+7 701 000 00 00".to_string()),
                    };
                    cell(rng, text.as_deref().unwrap_or(""))
                })
                .collect();
            out += &(row.join(&sep.to_string()) + eol);
        }
        out.into_bytes()
    }
}

/// Nothing, a date that is nearly right (no such day, out of range), or any text.
fn garbage(rng: &mut Rng) -> Option<String> {
    const TOKENS: &[&str] = &["0", "1", "9", "-", "a", "Z", " ", "\t", "true", "DE", "2026-"];
    match rng.below(4) {
        0 => None,
        1 => Some(format!("{}-{:02}-{:02}", rng.range(1890, 2215), rng.range(0, 14), rng.range(0, 33))),
        _ => Some(String::from_utf8_lossy(&random_text(rng, TOKENS, 12)).into_owned()),
    }
}

/// Every answer of a case, earlier stays included, to be overwritten with garbage.
fn slots(c: &mut RawCase) -> impl Iterator<Item = &mut Option<String>> {
    let (p, t) = (&mut c.passport, &mut c.trip);
    [&mut c.today, &mut c.nationality, &mut c.purpose, &mut c.birth_date, &mut c.residence_permit, &mut c.law]
        .into_iter()
        .chain([&mut p.expires, &mut p.issued, &mut p.blank_pages, &mut p.condition_ok])
        .chain([&mut t.entry, &mut t.exit, &mut t.entry_point])
        .chain(c.previous_stays.iter_mut().flat_map(|s| [&mut s.entry, &mut s.exit]))
}

/// ICAO 9303 Part 3, 4.9, written independently of the reader: `0`–`9` as themselves,
/// `A`–`Z` as 10–35, `<` as 0, weighted 7, 3, 1 in turn, the sum modulo 10.
fn check_digit(field: &str) -> char {
    let value = |b: u8| match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 0,
    };
    let sum: u32 = field.bytes().zip([7, 3, 1].iter().cycle()).map(|(b, w)| value(b) * w).sum();
    char::from(b'0' + (sum % 10) as u8)
}

/// A decoder's input: random text one time in five, a valid input one in ten, otherwise a
/// valid input edited.
fn decoder_input(rng: &mut Rng, tokens: &[&str], valid: impl FnOnce(&mut Rng) -> Vec<u8>) -> Vec<u8> {
    match rng.below(10) {
        0 | 1 => random_text(rng, tokens, 120),
        2 => valid(rng),
        _ => {
            let bytes = valid(rng);
            mutate(rng, bytes, tokens)
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

thread_local! {
    /// The message of the last panic, left by the silent hook for the soak loop to collect.
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// One part's figures.
struct Part {
    name: &'static str,
    inputs: usize,
    accepted: usize,
    panics: usize,
    time: Duration,
    /// The first few panics: the input, then the message.
    examples: Vec<(String, String)>,
}

/// Runs `cases` inputs from `generate` through `run` (true when the input was accepted).
fn soak<I: fmt::Debug>(
    name: &'static str,
    cases: usize,
    rng: &mut Rng,
    mut generate: impl FnMut(&mut Rng) -> I,
    run: impl Fn(&I) -> bool,
) -> Part {
    let mut part = Part { name, inputs: cases, accepted: 0, panics: 0, time: Duration::ZERO, examples: Vec::new() };
    let start = Instant::now();
    for _ in 0..cases {
        let input = generate(rng);
        match panic::catch_unwind(AssertUnwindSafe(|| run(&input))) {
            Ok(accepted) => part.accepted += usize::from(accepted),
            Err(_) => {
                part.panics += 1;
                if part.examples.len() < 5 {
                    let message = PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
                    part.examples.push((format!("{input:?}"), message));
                }
            }
        }
    }
    part.time = start.elapsed();
    eprintln!("  {name}: done in {:.1} s", part.time.as_secs_f64());
    part
}

fn args() -> Result<(usize, u64), String> {
    let clock = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    let (mut cases, mut seed) = (1_000_000, clock);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = |v: &str| v.replace('_', "").parse::<u64>().map_err(|e| format!("{flag} {v}: {e}"));
        match flag.as_str() {
            "--cases" => cases = number(&value)? as usize,
            "--seed" => seed = number(&value)?,
            _ => return Err(format!("unknown argument {flag}; usage: soak [--cases N] [--seed S]")),
        }
    }
    Ok((cases, seed))
}

fn main() -> ExitCode {
    if cfg!(panic = "abort") {
        eprintln!("soak: built with panic = \"abort\" (the release profile), so no panic could be caught;");
        eprintln!("run scripts/soak, or add --config 'profile.release.panic=\"unwind\"' to cargo run");
        return ExitCode::from(2);
    }
    let (cases, seed) = match args() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("soak: {message}");
            return ExitCode::from(2);
        }
    };
    let rules = Rules::builtin().expect("built-in data");
    let g = Gen::new(rules);
    // Each part draws from its own stream, so that changing one part's generator leaves
    // the others' inputs for a seed as they were.
    let mut master = Rng(seed);
    let mut stream = || Rng(master.next());
    // Silent: the message is kept for the report, one line.
    panic::set_hook(Box::new(|info| PANIC.with(|p| *p.borrow_mut() = Some(info.to_string().replace('\n', " ")))));
    eprintln!("soak: {cases} inputs per part, seed {seed}");

    let today = |rng: &mut Rng| g.day(rng.range(0, 3653));
    // The trip every group takes: valid, so that a file is assessed as the page would.
    let trip = Fragment::parse(
        "today=2026-11-21&purpose=tourism&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty",
    )
    .case;
    let parts = [
        soak("engine", cases, &mut stream(), |rng| g.raw_case(rng), |case| evaluate(rules, case).is_ok()),
        soak(
            "url",
            cases,
            &mut stream(),
            |rng| {
                text(&decoder_input(rng, &["&", "=", "%", "%2", "+", "#", "..", ",", "today=", "0"], |r| g.fragment(r)))
            },
            |input| evaluate(rules, &Fragment::parse(input).case).is_ok(),
        ),
        soak(
            "json",
            cases,
            &mut stream(),
            |rng| {
                text(&decoder_input(rng, &["{", "}", "[", "]", "\"", ":", ",", "\\u", "null", "1e999", "0"], |r| {
                    g.json(r)
                }))
            },
            |input| json::read_case(input).is_ok_and(|case| evaluate(rules, &case).is_ok()),
        ),
        soak(
            "mrz",
            cases,
            &mut stream(),
            |rng| {
                let day = today(rng);
                (
                    text(&decoder_input(rng, &["<", "<<", "\n", "\r\n", " ", "A", "P<", "0", "9"], |r| g.mrz(r, day))),
                    day,
                )
            },
            |(input, day)| mrz::read(input, *day, rules).is_ok(),
        ),
        soak(
            "csv",
            cases,
            &mut stream(),
            |rng| {
                Bytes(decoder_input(rng, &[",", ";", "\"", "\r", "\n", "\u{FEFF}", "..", "nationality", "0"], |r| {
                    g.csv(r)
                }))
            },
            |input| group::read_csv(&input.0).is_ok_and(|table| group::assess(rules, &trip, &table).is_ok()),
        ),
    ];

    println!("seed {seed}, {cases} inputs per part");
    println!("{:<8} {:>10} {:>7} {:>10} {:>10} {:>9}", "part", "inputs", "panics", "accepted", "refused", "time");
    for p in &parts {
        let time = format!("{:.1} s", p.time.as_secs_f64());
        println!(
            "{:<8} {:>10} {:>7} {:>10} {:>10} {time:>9}",
            p.name,
            p.inputs,
            p.panics,
            p.accepted,
            p.inputs - p.accepted
        );
    }
    let mut panicked = false;
    for p in parts.iter().filter(|p| p.panics > 0) {
        panicked = true;
        println!("\n{}: {} panics; the first:", p.name, p.panics);
        for (input, message) in &p.examples {
            println!("  {message}\n    input: {input}");
        }
    }
    if panicked {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

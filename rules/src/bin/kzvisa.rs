//! `kzvisa`: check cases against Kazakhstan's entry rules from the command line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kzvisa_rules::data::FILES;
use kzvisa_rules::group::{self, export_csv, read_csv, Column, Outcome};
use kzvisa_rules::regime::route_for;
use kzvisa_rules::url::{encode, Fragment};
use kzvisa_rules::{evaluate, json, Law, Purpose, RawCase, Route, Rules, KAZAKHSTAN};

const USAGE: &str = "\
Usage:
  kzvisa check FILE...     assess cases (JSON files; - reads standard input)
  kzvisa rules             the data set: version, dates, sources, discrepancies
  kzvisa countries         every nationality with the route each purpose gets
  kzvisa group FILE.csv    assess a group on one shared trip: a traveller per row
                           (- reads standard input)

Options:
  --rules DIR      use the data files in DIR (any of them; the rest are built in)
  --json           rules, countries: print JSON instead of text
  --lang en|ru|kk  countries: names in this language (default en)
  --date YYYY-MM-DD  countries: routes for an entry on this date (default today)
  --law current|core check, countries, group: the five texts and every later act in
                   force (current, the default), or the five texts alone (core); for
                   check, in place of the case's own `law`
  --purpose P  --entry YYYY-MM-DD  --exit YYYY-MM-DD  --entry-point EP
                   group: the shared trip (all required)
  --today YYYY-MM-DD group: the date the group is assessed on (default today)
  --format csv|jsonl group: the verdicts as CSV (the default) or a JSON line per row

One case prints its assessment as JSON. Several print one JSON line each:
{\"file\": ..., \"assessment\": ...} or {\"file\": ..., \"errors\": [...]}.
A case with no `today` is assessed on the local date.

A group's CSV has a header row and the columns nationality, birth_date, passport.expires
and optionally name, passport.issued, passport.blank_pages, passport.condition_ok,
previous_stays (2026-07-01..2026-07-30,2026-08-10..2026-09-08), comma or semicolon
separated, in UTF-8. It prints
line,name,nationality,route,allowed,blockers,latest_exit,error,outlook,next,next_date
as CSV, or JSON lines
{\"line\": ..., \"name\": ..., \"assessment\": ...} or {..., \"errors\": [...]}; each problem
in a row is also a line on standard error, which never shows a name.

Exit status: 0 assessed (blockers included); 2 a case or a group's row has input errors,
the shared trip is invalid, or a usage error; 3 the data set is invalid.";

/// Writes to standard output. A closed pipe (`kzvisa countries | head`) ends the program
/// quietly instead of panicking as `print!` would.
fn write_out(text: &str) {
    if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("kzvisa: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// Prints a line to standard output, as [`write_out`] does.
macro_rules! say {
    ($($arg:tt)*) => {
        write_out(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// The options that give `group` its shared trip, with the case field each one sets.
const TRIP_OPTIONS: [(&str, &str); 5] = [
    ("--purpose", "purpose"),
    ("--entry", "trip.entry"),
    ("--exit", "trip.exit"),
    ("--entry-point", "trip.entry_point"),
    ("--today", "today"),
];

/// How `group` prints its verdicts.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Jsonl,
}

impl Format {
    fn parse(text: &str) -> Option<Format> {
        match text {
            "csv" => Some(Format::Csv),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

struct Options {
    command: String,
    files: Vec<String>,
    rules_dir: Option<PathBuf>,
    json: bool,
    lang: String,
    date: Option<String>,
    law: Option<Law>,
    /// `group`'s shared trip: (case field, value) from [`TRIP_OPTIONS`].
    trip: Vec<(&'static str, String)>,
    format: Format,
}

/// The value of an option that takes one of a few words.
fn choice<T>(option: &str, text: &str, parse: fn(&str) -> Option<T>, allowed: &str) -> Result<T, String> {
    parse(text).ok_or(format!("{option} must be {allowed}, not {text}"))
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut it = args.into_iter();
    let command = it.next().ok_or("no command given")?;
    let mut o = Options {
        command,
        files: Vec::new(),
        rules_dir: None,
        json: false,
        lang: "en".into(),
        date: None,
        law: None,
        trip: Vec::new(),
        format: Format::Csv,
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--rules" => o.rules_dir = Some(value("--rules")?.into()),
            "--json" => o.json = true,
            "--lang" => o.lang = value("--lang")?,
            "--date" => o.date = Some(value("--date")?),
            "--law" => o.law = Some(choice("--law", &value("--law")?, Law::parse, "current or core")?),
            "--format" => o.format = choice("--format", &value("--format")?, Format::parse, "csv or jsonl")?,
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with("--") => match TRIP_OPTIONS.iter().find(|(option, _)| *option == a) {
                Some((option, field)) => o.trip.push((field, value(option)?)),
                None => return Err(format!("unknown option {a}")),
            },
            _ => o.files.push(arg),
        }
    }
    if !["en", "ru", "kk"].contains(&o.lang.as_str()) {
        return Err(format!("--lang must be en, ru or kk, not {}", o.lang));
    }
    Ok(o)
}

/// The built-in data set, with any file found in `dir` in place of its built-in text.
fn load_rules(dir: Option<&Path>) -> Result<Rules, String> {
    let Some(dir) = dir else {
        return Rules::builtin().cloned().map_err(|e| e.to_string());
    };
    if !dir.is_dir() {
        return Err(format!("{}: not a directory", dir.display()));
    }
    let mut texts = Vec::new();
    for (name, builtin) in kzvisa_rules::data::BUILTIN {
        let path = dir.join(name);
        let text = if path.exists() {
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?
        } else {
            builtin.to_string()
        };
        texts.push((name, text));
    }
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Rules::from_files(&files).map_err(|e| format!("{e}\n(data set in {}; files: {})", dir.display(), FILES.join(", ")))
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

/// An input file as messages name it.
fn label(file: &str) -> &str {
    if file == "-" {
        "standard input"
    } else {
        file
    }
}

fn read_bytes(file: &str) -> Result<Vec<u8>, String> {
    let read = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(file)
    };
    read.map_err(|e| format!("{}: {e}", label(file)))
}

fn read_input(file: &str) -> Result<String, String> {
    String::from_utf8(read_bytes(file)?).map_err(|e| format!("{}: not UTF-8 text: {e}", label(file)))
}

fn check(rules: &Rules, files: &[String], law: Option<Law>) -> ExitCode {
    if files.is_empty() {
        eprintln!("kzvisa check: name a case file, or - for standard input");
        return ExitCode::from(2);
    }
    let many = files.len() > 1;
    let mut failed = false;
    for file in files {
        let outcome = read_input(file).and_then(|text| {
            let mut case = json::read_case(&text).map_err(|e| e.to_string())?;
            case.today.get_or_insert_with(today);
            if let Some(law) = law {
                case.law = Some(law.as_str().into());
            }
            Ok(evaluate(rules, &case))
        });
        let prefix = if many { format!("{file}: ") } else { String::new() };
        match outcome {
            Ok(Ok(assessment)) if many => {
                say!("{}", serde_json::json!({ "file": file, "assessment": assessment }));
            }
            Ok(Ok(assessment)) => match serde_json::to_string_pretty(&assessment) {
                Ok(text) => say!("{text}"),
                Err(e) => {
                    eprintln!("kzvisa: {e}");
                    failed = true;
                }
            },
            Ok(Err(errors)) => {
                failed = true;
                for e in &errors.0 {
                    eprintln!("{prefix}{e}");
                }
                if many {
                    say!("{}", serde_json::json!({ "file": file, "errors": errors }));
                }
            }
            Err(message) => {
                failed = true;
                eprintln!("{prefix}{message}");
                if many {
                    say!(
                        "{}",
                        serde_json::json!({ "file": file, "errors": [{ "field": "(case)", "message": message }] })
                    );
                }
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `group`'s shared trip as a case. The options carry the case's own field names, so the
/// URL's reader, which knows every field, fills them in.
fn shared_trip(o: &Options) -> RawCase {
    let pairs: Vec<String> = o.trip.iter().map(|(field, value)| format!("{field}={}", encode(value))).collect();
    let mut shared = Fragment::parse(&pairs.join("&")).case;
    shared.today.get_or_insert_with(today);
    shared.law = o.law.map(|law| law.as_str().into());
    shared
}

/// The option a problem with the shared trip is about.
fn option_for(field: &str) -> &str {
    TRIP_OPTIONS.iter().find(|(_, f)| *f == field).map_or(field, |(option, _)| option)
}

fn outcome_json(o: &Outcome) -> serde_json::Value {
    match &o.result {
        Ok(assessment) => serde_json::json!({ "line": o.line, "name": o.name, "assessment": assessment }),
        Err(errors) => {
            let errors: Vec<serde_json::Value> = errors
                .iter()
                .map(|e| serde_json::json!({ "column": e.column, "code": e.code, "message": e.message }))
                .collect();
            serde_json::json!({ "line": o.line, "name": o.name, "errors": errors })
        }
    }
}

fn group(rules: &Rules, o: &Options) -> ExitCode {
    let [file] = o.files.as_slice() else {
        eprintln!("kzvisa group: name one CSV file, or - for standard input");
        return ExitCode::from(2);
    };
    let table = match read_bytes(file).and_then(|bytes| read_csv(&bytes).map_err(|e| format!("{}: {e}", label(file)))) {
        Ok(table) => table,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if !table.ignored.is_empty() {
        let known: Vec<&str> = Column::ALL.iter().map(|c| c.as_str()).collect();
        eprintln!(
            "{}: ignored the columns {} (those read: {})",
            label(file),
            table.ignored.join(", "),
            known.join(", ")
        );
    }
    let outcomes = match group::assess(rules, &shared_trip(o), &table) {
        Ok(outcomes) => outcomes,
        Err(errors) => {
            for e in &errors.0 {
                eprintln!("{}: {}", option_for(&e.field), e.message);
            }
            return ExitCode::from(2);
        }
    };
    match o.format {
        Format::Csv => write_out(&export_csv(&outcomes)),
        Format::Jsonl => outcomes.iter().for_each(|outcome| say!("{}", outcome_json(outcome))),
    }
    // Row errors name line and column, never the traveller.
    let mut failed = false;
    for e in outcomes.iter().filter_map(|outcome| outcome.result.as_ref().err()).flatten() {
        eprintln!("{e}");
        failed = true;
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn show_rules(rules: &Rules, as_json: bool) {
    let m = &rules.meta;
    if as_json {
        let value = serde_json::json!({
            "version": m.version, "as_of": rules.as_of(), "reviewed": m.reviewed, "vouched_until": m.vouched_until,
            "sources": rules.sources, "discrepancies": rules.discrepancies, "countries": rules.countries_meta,
            "rules": rules.rules, "regimes": rules.regimes, "calendar_years": rules.calendar.years,
        });
        say!("{value:#}");
        return;
    }
    say!(
        "kzvisa rules {} (as of {}, reviewed {}, vouched until {})",
        m.version,
        rules.as_of(),
        m.reviewed,
        m.vouched_until
    );
    say!("\nThe five texts (the core, law=core):");
    for s in rules.sources.iter().filter(|s| s.is_core()) {
        say!("  {:<13} [{}] {}", s.id, s.language, s.title);
        if let Some(note) = &s.note {
            say!("  {:<13} note: {note}", "");
        }
    }
    say!("\nLater acts and other sources (law=current), with their date in force and confidence:");
    for s in rules.sources.iter().filter(|s| !s.is_core()) {
        let date = |d: Option<chrono::NaiveDate>| d.map_or("unknown".to_string(), |d| d.to_string());
        say!("  {} [{}, {}] {}", s.id, s.kind, s.confidence, s.title);
        say!(
            "      number {}, signed {}, in force {}; {} ({}, seen {})",
            s.number.as_deref().unwrap_or("none"),
            date(s.signed),
            date(s.in_force),
            s.url.as_deref().unwrap_or("no address"),
            s.publisher.as_deref().unwrap_or("publisher not recorded"),
            date(s.seen)
        );
        if let Some(note) = &s.note {
            say!("      note: {note}");
        }
    }
    say!("\nRegimes:");
    for g in &rules.regimes {
        let applied = g.countries.iter().filter(|c| c.doubt.is_none()).count();
        let layer = if rules.is_core(&g.cite) { "core" } else { "later act" };
        let to = g.to.map_or("(open)".to_string(), |d| d.to_string());
        let purposes: Vec<&str> = g.purposes.iter().map(|p| p.as_str()).collect();
        say!(
            "  {:<26} {:<9} {:<9} {} states, from {} to {to}; purposes: {}",
            g.id,
            g.route.as_str(),
            layer,
            applied,
            g.from,
            purposes.join(", ")
        );
    }
    say!("\nRules:");
    for r in &rules.rules {
        let docs: Vec<&str> = r.cite.iter().map(|c| c.doc.as_str()).collect();
        let params: Vec<String> = r.params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        say!("  {:<30} from {} {:<28} [{}]", r.id, r.from, params.join(" "), docs.join(", "));
    }
    say!(
        "\nCalendar years: {}",
        rules
            .calendar
            .years
            .iter()
            .map(|y| format!(
                "{}{}",
                y.year,
                if y.kurban_ait_confirmed && y.transfers_confirmed { "" } else { " (estimated)" }
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    say!("Countries: {} ({})", rules.countries.len(), rules.countries_meta.source);
    say!("\nWhere the texts disagree or are silent:");
    for d in &rules.discrepancies {
        say!("  {} [{}]\n    {}\n    Reading: {}", d.id, d.sources.join(", "), d.text, d.reading);
    }
}

fn show_countries(rules: &Rules, o: &Options) -> ExitCode {
    let date_text = o.date.clone().unwrap_or_else(today);
    let Ok(date) = kzvisa_rules::date::parse_iso(&date_text) else {
        eprintln!("--date: `{date_text}` is not a date of the form YYYY-MM-DD");
        return ExitCode::from(2);
    };
    let short = |r: Route| match r {
        Route::VisaFree => "free",
        Route::EVisa => "e-visa",
        Route::ConsularVisa => "visa",
    };
    let mut rows = Vec::new();
    let law = o.law.unwrap_or_default();
    if !o.json {
        let head: Vec<String> = Purpose::ALL.iter().map(|p| format!("{:<10}", p.as_str())).collect();
        say!("routes for an entry on {date}, law={law} (free = visa_free, e-visa = e_visa, visa = consular_visa)");
        say!("{:<3} {:<4} {:<36} {}", "a2", "a3", "name", head.join(" ").trim_end());
    }
    for c in rules.countries.iter().filter(|c| c.code != KAZAKHSTAN) {
        let name = match o.lang.as_str() {
            "ru" => &c.ru,
            "kk" => &c.kk,
            _ => &c.en,
        };
        let routes: Vec<Route> = Purpose::ALL.iter().map(|p| route_for(rules, &c.code, *p, date, law)).collect();
        if o.json {
            let by_purpose: serde_json::Map<String, serde_json::Value> =
                Purpose::ALL.iter().zip(&routes).map(|(p, r)| (p.as_str().into(), r.as_str().into())).collect();
            rows.push(serde_json::json!({ "code": c.code, "alpha3": c.alpha3, "name": name, "routes": by_purpose }));
        } else {
            let cells: Vec<String> = routes.iter().map(|r| format!("{:<10}", short(*r))).collect();
            let name: String = name.chars().take(36).collect();
            let pad = 36usize.saturating_sub(name.chars().count());
            say!("{:<3} {:<4} {name}{} {}", c.code, c.alpha3, " ".repeat(pad), cells.join(" ").trim_end());
        }
    }
    if o.json {
        say!("{:#}", serde_json::json!({ "date": date, "countries": rows }));
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1).collect()) {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("kzvisa: {message}\n");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if message.is_empty() { 0 } else { 2 });
        }
    };
    let rules = match load_rules(options.rules_dir.as_deref()) {
        Ok(rules) => rules,
        Err(message) => {
            eprintln!("kzvisa: the data set is invalid:\n{message}");
            return ExitCode::from(3);
        }
    };
    match options.command.as_str() {
        "check" => check(&rules, &options.files, options.law),
        "rules" => {
            show_rules(&rules, options.json);
            ExitCode::SUCCESS
        }
        "countries" => show_countries(&rules, &options),
        "group" => group(&rules, &options),
        other => {
            eprintln!("kzvisa: unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

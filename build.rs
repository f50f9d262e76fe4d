//! Generates the `i18n` module from `locales/{en,ru,kk}.json` (leptos_i18n): a key missing
//! from a locale, or an unknown one, is a build error. And checks the rules data
//! (`rules/data/*.toml`) and embeds them in compact binary form: the browser neither
//! parses TOML nor carries a TOML parser, and invalid data fail the build.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

/// The keys of a locale file, plural forms (`_one`, `_few`, `_many`, `_other`) folded into
/// their key.
fn keys(value: &serde_json::Value, prefix: &str, out: &mut std::collections::BTreeSet<String>) {
    if let Some(map) = value.as_object() {
        for (k, v) in map {
            let k = ["_one", "_few", "_many", "_other"].iter().find_map(|s| k.strip_suffix(s)).unwrap_or(k);
            keys(v, &format!("{prefix}{k}."), out);
        }
    } else {
        out.insert(prefix.trim_end_matches('.').to_string());
    }
}

/// leptos_i18n only warns about a key missing from a locale (and shows English instead):
/// here every locale must have exactly the keys of English, the authority.
fn check_locales() -> Result<(), Box<dyn Error>> {
    let read = |lang: &str| -> Result<std::collections::BTreeSet<String>, Box<dyn Error>> {
        let text = std::fs::read_to_string(format!("locales/{lang}.json"))?;
        let mut out = std::collections::BTreeSet::new();
        keys(&serde_json::from_str(&text)?, "", &mut out);
        Ok(out)
    };
    let english = read("en")?;
    for lang in ["ru", "kk"] {
        let other = read(lang)?;
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        if !missing.is_empty() || !extra.is_empty() {
            return Err(format!("locales/{lang}.json: missing keys {missing:?}, keys not in en.json {extra:?}").into());
        }
    }
    Ok(())
}

/// A text of operator.toml in each language, in the order of `operator::Text` (en, ru, kk).
fn texts_of(table: &toml::Table, key: &str, file: &str) -> Result<[String; 3], Box<dyn Error>> {
    let texts = table.get(key).and_then(|v| v.as_table()).ok_or(format!("{file}: [{key}] is missing"))?;
    let text = |lang: &str| -> Result<String, Box<dyn Error>> {
        match texts.get(lang).and_then(|v| v.as_str()).map(str::trim) {
            Some(t) if !t.is_empty() => Ok(t.to_string()),
            _ => Err(format!("{file}: [{key}] has no {lang} text").into()),
        }
    };
    Ok([text("en")?, text("ru")?, text("kk")?])
}

/// Who runs this copy (operator.toml, or the file `KZVISA_OPERATOR` names), checked and
/// written as Rust constants: an operator edits a file, not code.
fn operator(out_dir: &std::path::Path) -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-env-changed=KZVISA_OPERATOR");
    let file = std::env::var("KZVISA_OPERATOR").unwrap_or_else(|_| "operator.toml".to_string());
    println!("cargo::rerun-if-changed={file}");
    let table: toml::Table = std::fs::read_to_string(&file)
        .map_err(|e| format!("{file}: {e}"))?
        .parse()
        .map_err(|e| format!("{file}: {e}"))?;
    let known = ["name", "contact", "logo", "privacy", "accessibility"];
    if let Some(key) = table.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(format!("{file}: unknown key {key} (known: {known:?})").into());
    }
    let plain = |key: &str| table.get(key).and_then(|v| v.as_str()).unwrap_or("").trim().to_string();
    let logo = plain("logo");
    if !logo.is_empty() && (!logo.starts_with("public/") || logo.contains("..") || !PathBuf::from(&logo).is_file()) {
        return Err(format!("{file}: logo {logo:?} is not a file in public/").into());
    }
    let code = format!(
        "pub const NAME: Text = {:?};\npub const CONTACT: &str = {:?};\npub const LOGO: &str = {:?};\npub const PRIVACY: Text = {:?};\npub const ACCESSIBILITY: Text = {:?};\n",
        texts_of(&table, "name", &file)?,
        plain("contact"),
        logo,
        texts_of(&table, "privacy", &file)?,
        texts_of(&table, "accessibility", &file)?,
    );
    std::fs::write(out_dir.join("operator.rs"), code)?;
    Ok(())
}

/// The countries of the checked data, in their order (`countries.rs`): the first question
/// lists them before the rules are decoded, which the traveller's page leaves to a module
/// of its own (src/lazy.rs). One string, a line per country: its code, three letters and
/// names, its other codes, and its aliases, apart by tabs, the codes and the aliases each
/// apart by `|`: a table of `&str`s would add its pointers to the page.
fn countries(files: &[(&str, &str)], out_dir: &std::path::Path) -> Result<(), Box<dyn Error>> {
    let rules = kzvisa_rules::Rules::from_files(files).map_err(|e| e.to_string())?;
    let mut table = String::new();
    for c in &rules.countries {
        let lists = [&c.codes, &c.aliases];
        if [&c.code, &c.alpha3, &c.en, &c.ru, &c.kk]
            .into_iter()
            .chain(lists.into_iter().flatten())
            .any(|f| f.contains(['\t', '\n']))
        {
            return Err(format!("countries.toml: {} has a tab or a line break in a name", c.code).into());
        }
        if lists.into_iter().flatten().any(|f| f.is_empty() || f.contains('|')) {
            return Err(format!("countries.toml: {} has an empty code or alias, or one with a `|`", c.code).into());
        }
        let fields = [&c.code, &c.alpha3, &c.en, &c.ru, &c.kk, &c.codes.join("|"), &c.aliases.join("|")];
        table += &fields.map(String::as_str).join("\t");
        table.push('\n');
    }
    std::fs::write(out_dir.join("countries.rs"), format!("{table:?}"))?;
    Ok(())
}

/// FNV-1a, 64 bits: a name for a file by its contents (not a defence: the host is trusted).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn main() -> Result<(), Box<dyn Error>> {
    check_locales()?;
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    // The traveller's page is split into modules after the build (src/lazy.rs,
    // xtask/src/wasm.rs), which reads where each function and datum is used from the
    // linker's relocations.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=kzvisa-web=--emit-relocs");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // `interpolate_display`: texts with values are also built as plain strings (`td_string!`),
    // so code-to-text mapping stays in plain functions that are tested natively.
    let config = Config::new("en")?
        .add_locale("ru")?
        .add_locale("kk")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(config)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;

    // An operator's data folder (`KZVISA_RULES_DIR`): each file found there replaces the
    // built-in one, as `kzvisa --rules DIR` does, so a build carries the operator's law
    // without any change to the code.
    println!("cargo::rerun-if-env-changed=KZVISA_RULES_DIR");
    let dir = std::env::var_os("KZVISA_RULES_DIR").map(PathBuf::from);
    let mut texts = Vec::new();
    for (name, builtin) in kzvisa_rules::data::BUILTIN {
        let own = dir.as_ref().map(|d| d.join(name)).filter(|p| p.exists());
        let path = own.clone().unwrap_or_else(|| PathBuf::from("rules/data").join(name));
        println!("cargo::rerun-if-changed={}", path.display());
        let text = match own {
            Some(p) => std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?,
            None => builtin.to_string(),
        };
        texts.push((name, text));
    }
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    // The traveller's check carries the words of the law (quotes, doubts, titles) in a file
    // of its own, fetched once its first question is shown (src/state/words.rs); the group
    // check (feature `group-page`) shows verdicts, not the texts behind them.
    let text = match std::env::var_os("CARGO_FEATURE_GROUP_PAGE") {
        Some(_) => kzvisa_rules::PageText::None,
        None => kzvisa_rules::PageText::Deferred,
    };
    let page = kzvisa_rules::Rules::encode_files_for_page(&files, text).map_err(|e| e.to_string())?;
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(out_dir.join("rules.bin"), &page.rules)?;
    // Named by its contents, so that a host may cache it for good, and a page never joins
    // its rules to another build's words. `page-files.txt` names it for the build (xtask),
    // which serves it beside the page.
    let words = if page.words.is_empty() {
        String::new()
    } else {
        let name = format!("words-{:016x}.bin", fnv1a(&page.words));
        std::fs::write(out_dir.join(&name), &page.words)?;
        name
    };
    std::fs::write(out_dir.join("page-files.txt"), format!("{words}\n"))?;
    println!("cargo::rustc-env=KZVISA_WORDS={words}");
    // The page fetches them with this integrity: words that are not this build's (a stale or
    // tampered cache between the host and the page) are refused, as the modules are.
    let integrity = if words.is_empty() {
        String::new()
    } else {
        use base64::Engine;
        use sha2::Digest;
        format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&page.words)))
    };
    println!("cargo::rustc-env=KZVISA_WORDS_INTEGRITY={integrity}");
    countries(&files, &out_dir)?;
    operator(&out_dir)?;
    Ok(())
}

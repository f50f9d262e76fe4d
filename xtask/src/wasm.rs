//! Stages 2 and 3: the traveller's wasm split at the split points of src/lazy.rs, then each
//! page's main module bound to its JS glue by wasm-bindgen. Both run as libraries: the
//! splitter of Leptos's `wasm_split` (wasm_split_cli_support) and wasm-bindgen's own
//! (wasm-bindgen-cli-support), whose version is the one the app links.

use crate::Result;

/// The traveller's wasm, split: the main module (still to be bound), the modules only some
/// screens need, and the loader the main module imports to fetch them.
pub struct Split {
    pub main: Vec<u8>,
    /// Each module's file name as the loader fetches it (`split_rules.wasm`,
    /// `chunk_4.wasm`), and its bytes.
    pub modules: Vec<(String, Vec<u8>)>,
    /// The loader, which imports the glue as `./{glue}`.
    pub loader: String,
}

/// Splits `wasm`; the main module will import the loader as `./{loader}`, and the loader
/// the main module's glue as `./{glue}`.
pub fn split(wasm: &[u8], glue: &str, loader: &str) -> Result<Split> {
    let work = temp("split")?;
    let (main_out, link_name, main_module) = (work.join("main.wasm"), format!("./{loader}"), format!("./{glue}"));
    let mut options = wasm_split_cli_support::Options::new(wasm);
    options.output_dir = &work;
    options.main_out_path = &main_out;
    options.link_name = &link_name;
    options.main_module = &main_module;
    let done = wasm_split_cli_support::transform(options).map_err(|e| format!("{e:#}"))?;
    let mut modules = Vec::new();
    for path in &done.split_modules {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).ok_or("a module with no name")?;
        modules.push((name, std::fs::read(path)?));
    }
    modules.sort();
    let split = Split { main: std::fs::read(&main_out)?, modules, loader: std::fs::read_to_string(work.join(loader))? };
    std::fs::remove_dir_all(&work)?;
    if split.modules.is_empty() {
        return Err("the traveller's wasm has no split points (src/lazy.rs)".into());
    }
    Ok(split)
}

/// A main module bound to its JS glue.
pub struct Bound {
    pub js: String,
    pub wasm: Vec<u8>,
}

/// Binds `wasm` for the web. `stem` names the module its imports come from (each import
/// carries it, so it is the page's short name, not the file's); `split`: the main module of
/// a split, whose exports the other modules link to (so none is dropped).
pub fn bind(wasm: Vec<u8>, stem: &str, split: bool) -> Result<Bound> {
    let work = temp("bind")?;
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen.input_bytes(stem, wasm).web(true).map_err(|e| format!("{e:#}"))?.typescript(false);
    if split {
        bindgen.keep_lld_exports(true).demangle(false);
    }
    bindgen.generate(&work).map_err(|e| format!("{e:#}"))?;
    if work.join("snippets").exists() {
        return Err("the glue imports JS snippets, which the build does not serve".into());
    }
    let bound = Bound {
        js: std::fs::read_to_string(work.join(format!("{stem}.js")))?,
        wasm: std::fs::read(work.join(format!("{stem}_bg.wasm")))?,
    };
    std::fs::remove_dir_all(&work)?;
    Ok(bound)
}

/// An empty working folder of this run.
fn temp(what: &str) -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("kzvisa-{what}-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// The loader with each module fetched under its name in the build and with its integrity
/// pinned, so that code that is not this build's (a stale or tampered cache between the host
/// and the page) is refused. The splitter writes each fetch as `new URL("./{module}",
/// import.meta.url)`, the form it documents for a build that renames the files.
pub fn relocate(loader: &str, module: &str, file: &crate::dist::File) -> Result<String> {
    let call = format!("fetch(new URL(\"./{module}\", import.meta.url))");
    if !loader.contains(&call) {
        return Err(format!("the loader does not fetch {module} as {call}").into());
    }
    let pinned =
        format!("fetch(new URL(\"./{}\", import.meta.url), {{ integrity: \"{}\" }})", file.name, file.integrity);
    Ok(loader.replace(&call, &pinned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_is_fetched_under_its_name_with_its_integrity() {
        let loader =
            "const a = makeLoad(() => { const src = fetch(new URL(\"./split_rules.wasm\", import.meta.url)); });";
        let file = crate::dist::File { name: "split_rules-0123.wasm".into(), integrity: "sha384-x".into() };
        let moved = relocate(loader, "split_rules.wasm", &file).unwrap();
        assert!(
            moved.contains("fetch(new URL(\"./split_rules-0123.wasm\", import.meta.url), { integrity: \"sha384-x\" })")
        );
        assert!(relocate(loader, "chunk_4.wasm", &file).is_err(), "a module the loader does not fetch is an error");
    }

    #[test]
    fn a_wasm_with_no_split_points_is_refused() {
        assert!(split(b"not a wasm", "glue.js", "split.js").is_err());
    }
}

//! The build of kzvisa's two pages, the traveller's check (index.html) and the group check
//! (group/index.html), from Cargo's wasm to the files a host serves. Read [`build`] top to
//! bottom: each stage is named, takes what the ones before it made, and says its name in
//! its error.
//!
//! ```text
//! cargo xtask build [--release] [--dist DIR]   build into DIR (default: dist)
//! cargo xtask compress DIR                     the .br and .gz of a build again
//! ```
//!
//! A development build is the same without wasm-opt, minifying, the first question's copy
//! and the compressed copies. Nothing here needs a browser or the network: the tools are
//! Cargo's, two libraries (the splitter, wasm-bindgen) and two npm programs (wasm-opt,
//! esbuild) that scripts/lib.sh installs.

mod cargo;
mod compress;
mod dist;
mod npm;
mod page;
mod scripts;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dist::{digest, Dist, File};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: cargo xtask build [--release] [--dist DIR] | cargo xtask compress DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let done = match args.first().map(String::as_str) {
        Some("build") => options(&args[1..]).and_then(|o| build(&o)),
        Some("compress") if args.len() == 2 => compress::compress(Path::new(&args[1])),
        _ => Err(USAGE.into()),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What `build` was asked for.
struct Options {
    /// The workspace: where Cargo.toml, the templates and the assets are.
    root: PathBuf,
    release: bool,
    dist: PathBuf,
    /// The copy of the first question for index.html, if this build has one.
    first_screen: Option<PathBuf>,
}

fn options(args: &[String]) -> Result<Options> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().ok_or("xtask is not in a workspace")?.to_path_buf();
    let (mut release, mut dist) = (false, root.join("dist"));
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--release" => release = true,
            "--dist" => dist = args.next().ok_or(USAGE)?.into(),
            other => return Err(format!("{other}? {USAGE}").into()),
        }
    }
    // The committed copy shows the built-in operator (its footer names who runs the page):
    // an operator's build takes its own copy (KZVISA_FIRST_SCREEN), else starts blank.
    let first_screen = match (std::env::var_os("KZVISA_FIRST_SCREEN"), std::env::var_os("KZVISA_OPERATOR")) {
        (Some(own), _) => Some(PathBuf::from(own)),
        (None, None) => Some(root.join("web/first-screen.html")),
        (None, Some(_)) => {
            eprintln!("xtask: an operator's build without KZVISA_FIRST_SCREEN: index.html draws no first question");
            None
        }
    };
    Ok(Options { root, release, dist, first_screen: first_screen.filter(|_| release) })
}

/// Runs one stage: its name is said as it starts, with its time when it ends, and leads
/// its error.
fn stage<T>(name: &str, run: impl FnOnce() -> Result<T>) -> Result<T> {
    eprintln!("xtask: {name}");
    let started = Instant::now();
    let made = run().map_err(|e| format!("{name}: {e}"))?;
    eprintln!("xtask: {name}: done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(made)
}

/// A page's code as the build serves it: the glue, the main wasm, and for the traveller's
/// page the split's loader and modules.
struct Code {
    glue: File,
    wasm: File,
    loader: Option<File>,
}

fn build(o: &Options) -> Result<()> {
    let read = |path: &str| std::fs::read_to_string(o.root.join(path)).map_err(|e| format!("{path}: {e}"));
    let optimise = |wasm: Vec<u8>| if o.release { npm::optimise(&o.root, &wasm) } else { Ok(wasm) };
    let minify = |code: String, css: bool| if o.release { npm::minify(&o.root, &code, css) } else { Ok(code) };

    // Built beside DIST, which it replaces only once every stage is done.
    let staging = o.dist.with_extension("building");
    let site = Dist::create(&staging)?;
    let group = Dist::create(&staging.join("group"))?;

    let traveller_built =
        stage("build the traveller's page (cargo)", || cargo::build(&o.root, "kzvisa-web", &[], o.release))?;
    let group_built =
        stage("build the group page (cargo)", || cargo::build(&o.root, "kzvisa-group", &["group-page"], o.release))?;

    // The names of the traveller's glue and loader come from its wasm before the split, since
    // each imports the other.
    let raw = std::fs::read(&traveller_built.wasm)?;
    let stem = format!("kzvisa-web-{}", digest(&raw));
    let (glue_name, loader_name) = (format!("{stem}.js"), format!("split-{}.js", digest(&raw)));
    let split = stage("split the traveller's wasm at src/lazy.rs's split points", || {
        wasm::split(&raw, &glue_name, &loader_name)
    })?;
    let bound = stage("bind the traveller's main module", || wasm::bind(split.main, "kzvisa-web", true))?;
    let group_raw = std::fs::read(&group_built.wasm)?;
    let group_stem = format!("kzvisa-group-{}", digest(&group_raw));
    let group_bound = stage("bind the group page", || wasm::bind(group_raw, "kzvisa-group", false))?;

    let traveller = stage("optimise and write the traveller's code", || {
        let mut loader = split.loader;
        for (module, bytes) in split.modules {
            let file = site.put_named(module.trim_end_matches(".wasm"), ".wasm", &optimise(bytes)?)?;
            loader = wasm::relocate(&loader, &module, &file)?;
        }
        Ok(Code {
            glue: site.put(&glue_name, minify(bound.js, false)?.as_bytes())?,
            wasm: site.put(&format!("{stem}_bg.wasm"), &optimise(bound.wasm)?)?,
            loader: Some(site.put(&loader_name, minify(loader, false)?.as_bytes())?),
        })
    })?;
    let group_code = stage("optimise and write the group page's code", || {
        Ok(Code {
            glue: group.put(&format!("{group_stem}.js"), minify(group_bound.js, false)?.as_bytes())?,
            wasm: group.put(&format!("{group_stem}_bg.wasm"), &optimise(group_bound.wasm)?)?,
            loader: None,
        })
    })?;

    stage("copy the words of the law and public/", || {
        for file in &traveller_built.served {
            let name = file.file_name().ok_or("a served file with no name")?.to_string_lossy();
            site.put(&name, &std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?)?;
        }
        site.copy_dir(&o.root.join("public"), "public")
    })?;

    let css = minify(read("style/main.css")?, true)?;
    let boot = read("web/boot.js")?;
    let index = read("index.html")?;
    stage("write the pages", || {
        let shell_script = match &o.first_screen {
            Some(_) => Some(site.put_named("shell", ".js", minify(read("web/shell.js")?, false)?.as_bytes())?),
            None => None,
        };
        let shell = match &o.first_screen {
            Some(path) => Some(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?),
            None => None,
        };
        let shell = shell.as_deref().map(str::trim);
        for (dist, code, worker, template, shell) in [
            (&site, &traveller, "./sw.js", &index, shell),
            (&group, &group_code, "../sw.js", &read("group.html")?, None),
        ] {
            let start = scripts::boot(&boot, &code.glue.name, &code.wasm.name, worker)?;
            let head = page::Head {
                css: &dist.put_named("main", ".css", css.as_bytes())?,
                shell_script: shell.and(shell_script.as_ref()),
                boot: &dist.put_named("boot", ".js", minify(start, false)?.as_bytes())?,
                modules: [Some(&code.glue), code.loader.as_ref()].into_iter().flatten().collect(),
                wasm: &code.wasm,
            };
            // The group page embeds where the traveller's does: one allow-list, index.html's.
            let html = page::page(template, &head, shell, Some(&page::embed_origins(&index)?))?;
            dist.put("index.html", html.as_bytes())?;
        }
        Ok(())
    })?;

    stage("write the service worker", || {
        let mut files = Vec::new();
        for name in site.files()? {
            let bytes = std::fs::read(site.dir.join(&name))?;
            files.push((name, bytes));
        }
        site.put("sw.js", scripts::worker(&read("web/sw.js")?, &files)?.as_bytes())
    })?;

    if o.release {
        stage("compress", || compress::compress(&site.dir))?;
    }
    if o.dist.exists() {
        std::fs::remove_dir_all(&o.dist).map_err(|e| format!("{}: {e}", o.dist.display()))?;
    }
    std::fs::rename(&staging, &o.dist)?;
    eprintln!("xtask: built {}", o.dist.display());
    Ok(())
}

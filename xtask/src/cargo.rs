//! Stage 1: Cargo builds a page's wasm. The paths come from Cargo's own messages
//! (`--message-format=json`): the artifact of the page's binary, and the folder its
//! package's build script wrote to (the files the page serves beside its code, build.rs).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::Result;

/// A page's binary, as Cargo built it.
pub struct Built {
    /// The wasm, linked with its relocations (build.rs), before any binding.
    pub wasm: PathBuf,
    /// The files build.rs wrote for the page to serve (`page-files.txt` names them).
    pub served: Vec<PathBuf>,
}

/// Builds `bin` for the browser, with `features`.
pub fn build(root: &Path, bin: &str, features: &[&str], release: bool) -> Result<Built> {
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo.current_dir(root).args(["build", "--target", "wasm32-unknown-unknown", "--bin", bin]);
    cargo.args(["--message-format", "json-render-diagnostics"]);
    if release {
        cargo.arg("--release");
    }
    if !features.is_empty() {
        cargo.args(["--features", &features.join(",")]);
    }
    // Cargo's diagnostics go to the terminal as they come; its messages are read here.
    let mut child = cargo.stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn()?;
    let stdout = child.stdout.take().ok_or("no output from cargo")?;
    let mut wasm = None;
    let mut out_dirs: Vec<(String, PathBuf)> = Vec::new();
    let mut package = None;
    for line in BufReader::new(stdout).lines() {
        let message: Value = serde_json::from_str(&line?)?;
        match message["reason"].as_str() {
            Some("build-script-executed") => {
                let (id, dir) = (message["package_id"].as_str(), message["out_dir"].as_str());
                if let (Some(id), Some(dir)) = (id, dir) {
                    out_dirs.push((id.to_string(), dir.into()));
                }
            }
            Some("compiler-artifact") if message["target"]["name"] == bin => {
                let files = message["filenames"].as_array().into_iter().flatten();
                wasm = files.filter_map(Value::as_str).find(|f| f.ends_with(".wasm")).map(PathBuf::from);
                package = message["package_id"].as_str().map(str::to_string);
            }
            _ => {}
        }
    }
    if !child.wait()?.success() {
        return Err(format!("cargo could not build {bin}").into());
    }
    let wasm = wasm.ok_or_else(|| format!("cargo named no wasm for {bin}"))?;
    let package = package.ok_or_else(|| format!("cargo named no package for {bin}"))?;
    let out_dir = out_dirs
        .into_iter()
        .rev()
        .find(|(id, _)| *id == package)
        .map(|(_, dir)| dir)
        .ok_or_else(|| format!("cargo ran no build script for {bin}'s package"))?;
    let list = std::fs::read_to_string(out_dir.join("page-files.txt"))
        .map_err(|e| format!("{}: {e} (build.rs writes it)", out_dir.join("page-files.txt").display()))?;
    let served = list.lines().filter(|l| !l.is_empty()).map(|name| out_dir.join(name)).collect();
    Ok(Built { wasm, served })
}

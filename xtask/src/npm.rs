//! The two tools the build takes from npm (installed by scripts/lib.sh, pinned by
//! package-lock.json): Binaryen's wasm-opt, and esbuild's minifier for the JS and CSS.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Result;

/// The npm package's program: node_modules/.bin first, else the PATH.
fn program(root: &Path, name: &str) -> PathBuf {
    let local = root.join("node_modules/.bin").join(name);
    if local.exists() {
        local
    } else {
        name.into()
    }
}

/// Runs `name` with `args`, `input` on its standard input, and returns its output.
fn run(root: &Path, name: &str, args: &[&str], input: &[u8]) -> Result<Vec<u8>> {
    let mut child = Command::new(program(root, name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{name}: {e} (scripts/lib.sh installs it: npm ci)"))?;
    let mut stdin = child.stdin.take().ok_or("no input")?;
    let input = input.to_vec();
    // Written from a thread of its own, so that a large input never waits on a full output.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let done = child.wait_with_output()?;
    writer.join().map_err(|_| format!("{name}: its input could not be written"))??;
    if !done.status.success() {
        return Err(format!("{name} {}: {}", args.join(" "), String::from_utf8_lossy(&done.stderr)).into());
    }
    Ok(done.stdout)
}

/// The wasm made as small as wasm-opt can (`-Oz`).
pub fn optimise(root: &Path, wasm: &[u8]) -> Result<Vec<u8>> {
    // wasm-opt reads and writes files: through a temporary folder.
    let dir = std::env::temp_dir().join(format!("kzvisa-opt-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let (input, output) = (dir.join("in.wasm"), dir.join("out.wasm"));
    std::fs::write(&input, wasm)?;
    let (from, to) = (input.to_string_lossy().to_string(), format!("--output={}", output.display()));
    run(root, "wasm-opt", &["-Oz", &from, &to], &[])?;
    let optimised = std::fs::read(&output)?;
    std::fs::remove_dir_all(&dir)?;
    Ok(optimised)
}

/// A script (an ES module) or a stylesheet, minified by esbuild.
pub fn minify(root: &Path, code: &str, css: bool) -> Result<String> {
    let args: &[&str] = if css { &["--loader=css", "--minify"] } else { &["--format=esm", "--minify"] };
    Ok(String::from_utf8(run(root, "esbuild", args, code.as_bytes())?)?)
}

//! The scripts the build writes from web/'s templates: each page's start-up script
//! (web/boot.js) and the service worker (web/sw.js), their placeholders filled in.

use crate::dist::digest;
use crate::Result;

/// `template` with each `(placeholder, value)` put in; a placeholder it lacks is an error,
/// so a template and the build cannot drift apart unnoticed.
pub fn fill(template: &str, values: &[(&str, &str)]) -> Result<String> {
    let mut text = template.to_string();
    for (placeholder, value) in values {
        if !text.contains(placeholder) {
            return Err(format!("the template has no {placeholder}").into());
        }
        text = text.replace(placeholder, value);
    }
    Ok(text)
}

/// A page's start-up script: its glue and wasm (names in the page's folder), and the
/// service worker's address from that folder.
pub fn boot(template: &str, glue: &str, wasm: &str, worker: &str) -> Result<String> {
    fill(template, &[("__GLUE__", &format!("./{glue}")), ("__WASM__", &format!("./{wasm}")), ("__WORKER__", worker)])
}

/// The service worker for `files` (every file of the build, with their bytes): it precaches
/// them under a version that is the hash of them all.
pub fn worker(template: &str, files: &[(String, Vec<u8>)]) -> Result<String> {
    let mut all = Vec::new();
    for (name, bytes) in files {
        all.extend_from_slice(name.as_bytes());
        all.extend_from_slice(bytes);
    }
    let names: Vec<String> = files.iter().map(|(name, _)| format!("{name:?}")).collect();
    fill(
        template,
        &[("'__VERSION__'", &format!("{:?}", digest(&all))), ("__PRECACHE__", &format!("[{}]", names.join(",")))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_the_template_lacks_is_an_error() {
        assert_eq!(fill("a __X__ b", &[("__X__", "1")]).unwrap(), "a 1 b");
        assert!(fill("a b", &[("__X__", "1")]).is_err());
    }

    #[test]
    fn the_worker_precaches_every_file_under_a_version_of_them_all() {
        let template = "const VERSION = '__VERSION__'; const PRECACHE = __PRECACHE__;";
        let files = vec![("index.html".to_string(), b"<p>".to_vec()), ("a.js".to_string(), b"1".to_vec())];
        let one = worker(template, &files).unwrap();
        assert!(one.contains("const PRECACHE = [\"index.html\",\"a.js\"];"));
        let changed = vec![("index.html".to_string(), b"<p>".to_vec()), ("a.js".to_string(), b"2".to_vec())];
        assert_ne!(one, worker(template, &changed).unwrap(), "a changed file changes the version");
    }
}

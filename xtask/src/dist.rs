//! The folder a build writes, and how its files are named: by their contents, so that a
//! host may cache them for good (deploy/nginx/), and with the Subresource Integrity value a
//! page pins each one by.

use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::Result;

/// The first 16 hex digits of the SHA-256 of `bytes`: a file's name by its contents.
pub fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The Subresource Integrity value of `bytes`.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// A file of the build: its name in its folder and its integrity.
#[derive(Clone)]
pub struct File {
    pub name: String,
    pub integrity: String,
}

/// A folder of the build (the site's root, or `group/`).
pub struct Dist {
    pub dir: PathBuf,
}

impl Dist {
    /// An empty folder at `dir`.
    pub fn create(dir: &Path) -> Result<Dist> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(dir)?;
        Ok(Dist { dir: dir.to_path_buf() })
    }

    /// Writes `bytes` as `name`.
    pub fn put(&self, name: &str, bytes: &[u8]) -> Result<File> {
        std::fs::write(self.dir.join(name), bytes).map_err(|e| format!("{name}: {e}"))?;
        Ok(File { name: name.to_string(), integrity: sri(bytes) })
    }

    /// Writes `bytes` as `{stem}-{digest}{ext}`.
    pub fn put_named(&self, stem: &str, ext: &str, bytes: &[u8]) -> Result<File> {
        self.put(&format!("{stem}-{}{ext}", digest(bytes)), bytes)
    }

    /// Copies the folder `from` into this one as `name`.
    pub fn copy_dir(&self, from: &Path, name: &str) -> Result<()> {
        copy_tree(from, &self.dir.join(name))
    }

    /// Every file under the folder, as paths relative to it with `/`, sorted.
    pub fn files(&self) -> Result<Vec<String>> {
        let mut found = Vec::new();
        walk(&self.dir, &self.dir, &mut found)?;
        found.sort();
        Ok(found)
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, found)?;
        } else {
            let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
            found.push(relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_integrity_are_those_of_the_contents() {
        assert_eq!(digest(b"kzvisa"), digest(b"kzvisa"));
        assert_ne!(digest(b"kzvisa"), digest(b"kzvisA"));
        assert_eq!(digest(b"").len(), 16);
        // The SHA-384 of nothing, as browsers check it.
        assert_eq!(sri(b""), "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
    }
}

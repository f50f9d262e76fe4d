//! The last stage: a .br (brotli 11) and a .gz (gzip 9) beside each text and wasm file of a
//! build, where they are smaller. The host sends them as they are (deploy/nginx/kzvisa.conf),
//! so nothing is compressed per request. `cargo xtask compress DIST` runs it alone, after a
//! built file was edited by hand: else the host goes on sending the old copy.

use std::io::Write;
use std::path::Path;

use crate::dist::Dist;
use crate::Result;

const COMPRESSIBLE: [&str; 8] = ["html", "js", "css", "wasm", "bin", "webmanifest", "json", "svg"];

/// Writes the compressed copies of every compressible file under `dir`.
pub fn compress(dir: &Path) -> Result<()> {
    let dist = Dist { dir: dir.to_path_buf() };
    for file in dist.files()? {
        let ext = file.rsplit('.').next().unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let path = dir.join(&file);
        let data = std::fs::read(&path)?;
        for (ext, packed) in [("br", brotli(&data)?), ("gz", gzip(&data)?)] {
            let target =
                path.with_file_name(format!("{}.{ext}", path.file_name().unwrap_or_default().to_string_lossy()));
            if packed.len() < data.len() {
                std::fs::write(target, packed)?;
            } else if target.exists() {
                std::fs::remove_file(target)?;
            }
        }
    }
    Ok(())
}

fn brotli(data: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        // Quality 11, a window of 2^22 bytes: brotli's defaults for its best.
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(data)?;
    }
    Ok(out)
}

fn gzip(data: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    Ok(encoder.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_copies_read_back_as_the_file() {
        use std::io::Read;
        let text = "kzvisa ".repeat(200).into_bytes();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip(&text).unwrap()[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::Decompressor::new(&brotli(&text).unwrap()[..], 4096).read_to_end(&mut back).unwrap();
        assert_eq!(back, text);
    }
}

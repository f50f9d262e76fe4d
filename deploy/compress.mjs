// Writes a .br (brotli 11) and a .gz (gzip 9) beside each text and wasm file of a build, where
// they are smaller: the host sends them as they are (deploy/nginx/kzvisa.conf), so nothing is
// compressed per request. The release build runs it (tools/postbuild.mjs); run it again after
// editing a built file by hand, or the host goes on sending the old copy.
//
// Usage: node deploy/compress.mjs DIST
import { readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|css|wasm|bin|webmanifest|json|svg)$/;

/** Every file under `dir`, as paths relative to it. */
export function filesOf(dir) {
  const found = [];
  const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : found.push(relative(dir, join(d, f)))));
  walk(dir);
  return found;
}

export function compress(dir) {
  for (const file of filesOf(dir).filter((f) => COMPRESSIBLE.test(f))) {
    const path = join(dir, file);
    const data = readFileSync(path);
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    const gz = gzipSync(data, { level: 9 });
    for (const [ext, packed] of [['br', br], ['gz', gz]]) {
      if (packed.length < data.length) writeFileSync(`${path}.${ext}`, packed);
      else rmSync(`${path}.${ext}`, { force: true });
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) compress(process.argv[2] ?? 'dist');

// Trunk post-build hook: locks the page down.
// - Moves Trunk's inline start-up script into a file of its own (named by its hash), so
//   the Content Security Policy needs no inline script at all.
// - Adds the policy to index.html: scripts and styles from the app's own origin only,
//   WebAssembly compilation allowed ('wasm-unsafe-eval'), nothing else, no network but to
//   the app's own origin (for its files), no forms sent anywhere, no plugins, no <base>.
// - Fails the build if any inline script or style is left.
// - Writes the service worker (tools/sw.js) with every file of the build to precache and a
//   version that is the hash of them all, and appends its registration to the start-up.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = fileURLToPath(new URL('.', import.meta.url));

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('postbuild: no TRUNK_STAGING_DIR and no directory given');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

html = html.replace(/<script type="module">([\s\S]*?)<\/script>/, (_, code) => {
  const body = `${code.trim()}\n\n${readFileSync(join(tools, 'register-sw.js'), 'utf8')}`;
  const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  return `<script type="module" src="./${name}"></script>`;
});
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);

if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) throw new Error('postbuild: an inline script is left in index.html');
if (/<style[\s>]|\sstyle="/.test(html)) throw new Error('postbuild: an inline style is left in index.html');
if (!html.includes('Content-Security-Policy')) throw new Error('postbuild: the policy was not added');
writeFileSync(file, html);

// Every file of the build, then the worker named by their hash.
const files = [];
const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(relative(dir, join(d, f)))));
walk(dir);
const precache = files.filter((f) => f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const f of precache) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const worker = readFileSync(join(tools, 'sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(precache));
writeFileSync(join(dir, 'sw.js'), worker);

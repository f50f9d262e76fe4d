// Trunk post-build hook: locks the page down.
// - Moves Trunk's inline start-up script into a file of its own (named by its hash), so
//   the Content Security Policy needs no inline script at all.
// - Adds the policy to index.html: scripts and styles from the app's own origin only,
//   WebAssembly compilation allowed ('wasm-unsafe-eval'), nothing else, no network but to
//   the app's own origin (for its files), no forms sent anywhere, no plugins, no <base>.
// - Fails the build if any inline script or style is left.
// - Builds the group check (group.html) into `group/`: a page of its own, so that its code is
//   not in the traveller's first load; it takes index.html's embed allow-list, so the
//   operator sets that in one place.
// - Copies the words of the law, which the app fetches after its first question, into the
//   build, and splits the code of the screens after it into modules of their own
//   (tools/split.mjs).
// - Writes the service worker (tools/sw.js) with every file of the build to precache and a
//   version that is the hash of them all, and appends its registration to the start-up.
// - In a release build, minifies the JS and CSS (esbuild), puts the first question in
//   index.html for the page to show while the app loads (tools/prerender.mjs), and writes a
//   .br and a .gz beside each text and wasm file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { compress, filesOf } from '../deploy/compress.mjs';
import { CHROMIUM, prerender, withShell } from './prerender.mjs';
import { split, withIntegrity } from './split.mjs';

const tools = fileURLToPath(new URL('.', import.meta.url));

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('postbuild: no TRUNK_STAGING_DIR and no directory given');
// This hook also runs for the group page's own build, inside the traveller's.
const groupBuild = process.env.KZVISA_PAGE === 'group';

if (!groupBuild) {
  const out = mkdtempSync(join(tmpdir(), 'kzvisa-group-'));
  const profile = process.env.TRUNK_PROFILE === 'release' ? ['--release'] : [];
  const built = spawnSync('trunk', ['build', ...profile, '--dist', out, 'group.html'], {
    cwd: process.env.TRUNK_SOURCE_DIR ?? process.cwd(),
    env: { ...process.env, KZVISA_PAGE: 'group' },
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('postbuild: the group page did not build');
  cpSync(out, join(dir, 'group'), { recursive: true });
  rmSync(out, { recursive: true, force: true });
}

const release = process.env.TRUNK_PROFILE === 'release';
const cargoTarget = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? process.cwd(), 'target');

// The words of the law the app fetches once its first question is shown (build.rs names
// the file by its contents and writes it beside the rules it embeds; src/state/words.rs).
for (const wasm of readdirSync(dir).filter((f) => f.endsWith('.wasm'))) {
  const name = readFileSync(join(dir, wasm), 'latin1').match(/words-[0-9a-f]{16}\.bin/)?.[0];
  if (!name) continue;
  const builds = join(cargoTarget, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'build');
  const found = readdirSync(builds).map((d) => join(builds, d, 'out', name)).find(existsSync);
  if (!found) throw new Error(`postbuild: ${wasm} names ${name}, which the build did not write`);
  cpSync(found, join(dir, name));
}

const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

// The screens after the first question in wasm modules of their own (src/lazy.rs).
if (!groupBuild) html = split(dir, html, { release, target: cargoTarget });

/** esbuild's minified form of a script (an ES module) or a stylesheet. */
const minified = (code, css) => transformSync(code, css ? { loader: 'css', minify: true } : { format: 'esm', minify: true }).code;

// A release build carries its JS glue and stylesheet minified (Trunk's own minifier cannot
// read the glue), and index.html the integrity hashes of the minified files.
if (release) {
  for (const name of readdirSync(dir).filter((f) => /\.(js|css)$/.test(f))) {
    const code = minified(readFileSync(join(dir, name), 'utf8'), name.endsWith('.css'));
    writeFileSync(join(dir, name), code);
    html = withIntegrity(html, name, code);
  }
}

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
  // The one service worker sits at the root of the app, above the group page.
  const register = readFileSync(join(tools, 'register-sw.js'), 'utf8').replace("'./sw.js'", groupBuild ? "'../sw.js'" : "'./sw.js'");
  const source = `${code.trim()}\n\n${register}`;
  const body = release ? minified(source) : source;
  const name = `boot-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  return `<script type="module" src="./${name}"></script>`;
});
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);

// A release build of the traveller's page draws its first question from the HTML alone while
// the app loads (tools/prerender.mjs): the copy in each language, and the script, run before
// the page is drawn, that picks one (tools/shell.js).
// Without Chromium (an operator building elsewhere) the page starts blank, as a development
// build does; scripts/serve, scripts/test and CI install it.
if (release && !groupBuild && !existsSync(CHROMIUM)) console.warn(`postbuild: no ${CHROMIUM}, so index.html does not draw the first question`);
if (release && !groupBuild && existsSync(CHROMIUM)) {
  writeFileSync(file, html);
  const script = minified(readFileSync(join(tools, 'shell.js'), 'utf8'));
  const name = `shell-${createHash('sha256').update(script).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), script);
  html = withShell(html, await prerender(dir)).replace(/(<link rel="stylesheet"[^>]*>)/, `$1\n    <script src="./${name}"></script>`);
}

if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) throw new Error('postbuild: an inline script is left in index.html');
if (/<style[\s>]|\sstyle="/.test(html)) throw new Error('postbuild: an inline style is left in index.html');
if (!html.includes('Content-Security-Policy')) throw new Error('postbuild: the policy was not added');
writeFileSync(file, html);
if (groupBuild) process.exit(0);

// The group page embeds where the traveller's does.
const origins = /<meta name="kzvisa-embed-origins" content="[^"]*" \/>/;
const groupFile = join(dir, 'group', 'index.html');
writeFileSync(groupFile, readFileSync(groupFile, 'utf8').replace(origins, html.match(origins)[0]));

// Every file of the build, then the worker named by their hash.
const precache = filesOf(dir).filter((f) => f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const f of precache) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const worker = readFileSync(join(tools, 'sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(precache));
writeFileSync(join(dir, 'sw.js'), worker);

// A release build is served as it is: a .br and a .gz beside each text and wasm file.
if (release) compress(dir);

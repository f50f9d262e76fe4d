// Splits the traveller's wasm into modules at the split points of src/lazy.rs, so that the
// first load carries only the first question's code (run by tools/postbuild.mjs).
//
// Trunk builds, binds and optimises one wasm; a split has to come between the build and the
// binding. So this takes Cargo's own output (linked with its relocations, build.rs), splits
// it with wasm-split-cli (the splitter of Leptos's `#[lazy]`, installed by scripts/lib.sh),
// binds the main module with wasm-bindgen as Trunk did (its exports kept for the other
// modules to link to), optimises each module as Trunk would, and puts them in the build in
// place of Trunk's files, each new file named by its contents:
// - `<name>_bg.wasm` and `<name>.js`: the main module and its glue, under Trunk's names;
// - `split_<point>-<hash>.wasm`: the code only one split point reaches; `chunk_<n>-<hash>.wasm`
//   the code several share;
// - `split-<hash>.js`: the loader the main module imports, which fetches those modules
//   (from the app's own folder, so the service worker answers offline, each with its
//   integrity pinned) and links them to it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The module the split points' imports name until the splitter links them (wasm_split). */
const PLACEHOLDER = '__wasm_split_placeholder__';

// Their output is shown when they fail: wasm-opt warns of every module's name section.
const run = (command, args) => {
  const done = spawnSync(command, args, { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`split: ${command} ${args.join(' ')} failed\n${done.stdout ?? ''}${done.stderr ?? done.error ?? ''}`);
};

const named = (base, ext, bytes) => `${base}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;

/** The Subresource Integrity value of `bytes`. */
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `html` with the integrity hash of the file `name` (in the tag that links it) made `bytes`'. */
export function withIntegrity(html, name, bytes) {
  return html.replace(new RegExp(`(href="\\./${name.replaceAll('.', '\\.')}"[^>]*? integrity=")sha384-[^"]+"`), `$1${sri(bytes)}"`);
}

/**
 * Splits the wasm Trunk put in `dir` (`target` is Cargo's target folder), and returns `html`
 * (the build's index.html) with the new files' integrity hashes and the loader preloaded
 * beside the glue.
 */
export function split(dir, html, { release, target }) {
  const glue = readdirSync(dir).find((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes(PLACEHOLDER));
  if (!glue) throw new Error('split: the build has no split points (src/lazy.rs)');
  const stem = glue.replace(/\.js$/, '');
  // Trunk's hash is a number in hex, as long as it comes (15 digits one time in 16).
  const bin = stem.replace(/-[0-9a-f]+$/, '');
  const raw = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${bin}.wasm`);

  const work = mkdtempSync(join(tmpdir(), 'kzvisa-split-'));
  try {
    const parts = join(work, 'parts');
    run('wasm-split-cli', [raw, parts]);
    run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', '--no-demangle', `--out-dir=${work}`, `--out-name=${stem}`, join(parts, 'main.wasm')]);
    rmSync(join(parts, 'main.wasm'));
    const modules = readdirSync(parts).filter((f) => f.endsWith('.wasm'));
    if (release) for (const w of [`${stem}_bg.wasm`, ...modules.map((m) => join('parts', m))]) run('wasm-opt', ['-Oz', join(work, w), `--output=${join(work, w)}`]);

    // The loader, with the modules' and the glue's names in it, then named by its contents.
    let loader = readFileSync(join(parts, '__wasm_split.js'), 'utf8');
    if (!loader.includes('"./main.js"')) throw new Error('split: the loader does not import the glue as ./main.js');
    loader = loader.replace('"./main.js"', `"./${glue}"`);
    for (const module of modules) {
      const bytes = readFileSync(join(parts, module));
      const name = named(module.replace(/\.wasm$/, ''), '.wasm', bytes);
      writeFileSync(join(dir, name), bytes);
      // Fetched with its integrity pinned, as index.html pins the main module's: code that is
      // not this build's (a stale or tampered cache between the host and the page) is refused.
      const call = `fetch(new URL("./${module}", import.meta.url))`;
      if (!loader.includes(call)) throw new Error(`split: the loader does not fetch ${module} as ${call}`);
      loader = loader.replaceAll(call, `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri(bytes)}" })`);
    }
    const loaderName = named('split', '.js', loader);
    writeFileSync(join(dir, loaderName), loader);

    const code = readFileSync(join(work, `${stem}.js`), 'utf8');
    // Only where the glue imports it: the wasm's imports keep the module's first name.
    const linked = code.replace(/( from\s*)(["'])\.\/__wasm_split\.js\2/g, `$1"./${loaderName}"`);
    if (linked === code) throw new Error('split: the glue does not import the loader');
    writeFileSync(join(dir, glue), linked);
    copyFileSync(join(work, `${stem}_bg.wasm`), join(dir, `${stem}_bg.wasm`));

    // The loader is imported by the glue: preloaded beside it, it costs no round trip more.
    const preload = html.match(new RegExp(`<link rel="modulepreload" href="\\./${glue.replaceAll('.', '\\.')}"[^>]*>`))?.[0];
    if (!preload) throw new Error(`split: index.html does not preload ${glue}`);
    html = html.replace(preload, `${preload}\n    ${preload.replace(glue, loaderName)}`);
    for (const name of [glue, loaderName, `${stem}_bg.wasm`]) html = withIntegrity(html, name, readFileSync(join(dir, name)));
    return html;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

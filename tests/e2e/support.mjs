// Shared set-up for the browser tests: the built app served by nginx with the production
// configuration (deploy/nginx/), a plain server for other sites' pages, Debian's Chromium
// driven by playwright-core, axe-core, and a record of console errors and network requests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { extname, join, normalize, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { start } from '../../deploy/nginx/serve.mjs';

/** The app's texts in each language, as the page shows them: `LOCALES.ru.result.share`. */
export const LOCALES = Object.fromEntries(['en', 'ru', 'kk'].map((l) => [l, JSON.parse(readFileSync(new URL(`../../locales/${l}.json`, import.meta.url), 'utf8'))]));

export const DIST = process.env.KZVISA_DIST ?? 'dist';

/** Every file under `dir`, as paths relative to it. */
export function filesOf(dir) {
  const found = [];
  const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : found.push(relative(dir, join(d, f)))));
  walk(dir);
  return found;
}

/** Writes a build's .br and .gz copies again, as an operator who edits a built file must. */
export function compress(dir) {
  const done = spawnSync('cargo', ['xtask', 'compress', dir], { stdio: 'inherit' });
  if (done.status !== 0) throw new Error(`cargo xtask compress ${dir} failed`);
}

/**
 * Serves the build in `dir` as a host would: nginx with deploy/nginx/kzvisa.conf, at the root
 * (`url`) and under a sub-path (`subUrl`); `setDir` switches to another build (an update).
 */
export async function serve(dir = DIST) {
  return start(dir);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

/**
 * Serves plain files on loopback, with no headers but their types: another site's pages (a
 * host that embeds the app), or the app on a host that sends no security headers.
 */
export async function serveSite(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A page that records console errors and failed or unexpected requests. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  return page;
}

/** Waits until the app has rendered a screen, and the traveller's page has its words of the
 * law and the code of its later screens, or knows it cannot have them (src/state/words.rs,
 * src/lazy.rs). */
export async function ready(page) {
  await page.waitForSelector('main[data-step] h1', { timeout: 15000 });
  await page.waitForFunction(() => !['words', 'parts'].some((k) => document.documentElement.dataset[k] === 'loading'), null, { timeout: 15000 });
}

/** Where the words of the law stand: `loading`, `ready` or `failed` (none on the group page). */
export async function words(page) {
  return page.evaluate(() => document.documentElement.dataset.words ?? null);
}

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Runs axe-core (WCAG 2.x A and AA rules) and returns the violations, described. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays on.
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function step(page) {
  return page.getAttribute('main', 'data-step');
}

/** Types a date into the three fields of a date input, by keyboard. */
export async function typeDate(page, field, day, month, year) {
  const id = field.replace(/[^A-Za-z0-9_]+/g, '-');
  await page.focus(`#${id}-day`);
  await page.keyboard.type(String(day));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(month));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(year));
}

/** Presses Tab until `selector` has the focus, as a keyboard user would. */
export async function tabTo(page, selector) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
}


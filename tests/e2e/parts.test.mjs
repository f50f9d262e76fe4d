// The rules and the screens after the first question come in wasm modules of their own
// (src/lazy.rs, xtask/src/wasm.rs): the first load carries the first question's code only, and
// the page fetches the rest once, unasked, after that question is painted. A screen whose
// code is still on its way says so and takes the focus when it arrives; one whose code cannot
// be had says so, and tries again on request. An answer given before the rules have come is
// taken when they come.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, ready, axe, DIST, LOCALES } from './support.mjs';
import { td3, scan } from './mrz.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const locale = (lang) => LOCALES[lang].app;
const [app, appRu] = [locale('en'), locale('ru')];
const MODULE = /\/((?:split|chunk)_\w+)-[0-9a-f]{16}\.wasm$/;
const modules = readdirSync(DIST).filter((f) => MODULE.test(`/${f}`));
const parts = (page) => page.evaluate(() => document.documentElement.dataset.parts ?? null);
const RULES = /\/split_rules-[0-9a-f]{16}\.wasm$/;
const QUESTIONS = /\/split_questions-[0-9a-f]{16}\.wasm$/;

/** Holds back the files `pattern` matches until the returned function is called. */
async function holdBack(page, pattern) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(pattern, async (route) => { await gate; await route.continue(); });
  return release;
}

/** Lets `pattern`'s files through again and presses the `failed` note's button by keyboard:
 * the next question shows, with the focus on its heading. */
async function retryByKeyboard(page, failed, pattern) {
  await page.unroute(pattern);
  await failed.locator('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('main[data-step="purpose"] h1#main-heading');
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
}

/** Answers the first question, as a traveller would. */
async function answerFirst(page) {
  await page.fill('#nationality', 'Peru');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
}

test('the first question needs none of the later modules, which come once, unasked, after its paint', async () => {
  assert.deepEqual(modules.map((f) => f.match(/^(\w+)-/)[1]).filter((n) => n.startsWith('split_')).sort(), ['split_questions', 'split_result', 'split_rules']);
  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const release = await holdBack(page, MODULE);
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await page.waitForSelector('main[data-step="nationality"] h1');
  assert.equal(await parts(page), 'loading');
  // The first question works while the later screens' code is held back.
  await page.fill('#nationality', 'Per');
  await page.locator('#nationality-matches button').first().waitFor();
  release();
  await ready(page);
  assert.equal(await parts(page), 'ready');
  for (const f of modules) assert.equal(requests.filter((u) => u.endsWith(`/${f}`)).length, 1, `${f}, once`);
  const first = requests.findIndex((u) => MODULE.test(u));
  assert.ok(requests.slice(0, first).some((u) => /_bg\.wasm$/.test(u)), 'after the main module');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a screen whose code is on its way says so, then shows with the focus on its heading', async () => {
  const page = await openPage(browser);
  const release = await holdBack(page, QUESTIONS);
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await page.waitForSelector('main[data-step="nationality"] h1');
  await answerFirst(page);
  const note = page.locator('main .part-loading[role="status"]');
  await note.waitFor();
  assert.equal(await note.textContent(), app.part_loading);
  release();
  await page.waitForSelector('main h1#main-heading');
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
  assert.equal(await note.count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a screen whose code cannot be had says so, and tries again on request', async () => {
  const page = await openPage(browser, { serviceWorkers: 'block' });
  await page.route(QUESTIONS, (route) => route.abort());
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await ready(page);
  assert.equal(await parts(page), 'failed');
  await answerFirst(page);
  const failed = page.locator('main .part-failed[role="alert"]');
  await failed.waitFor();
  assert.equal(await failed.locator('p').textContent(), app.part_failed);
  assert.deepEqual(await axe(page), []);
  await retryByKeyboard(page, failed, QUESTIONS);
  assert.equal(await failed.count(), 0);
  // The loader says why in the console: the aborted requests, nothing else.
  assert.deepEqual(page.consoleErrors.filter((e) => !/net::ERR_FAILED|Failed to fetch/.test(e)), []);
  await page.context().close();
});

test('the first answer, given before the rules have come, is taken when they come', async () => {
  const page = await openPage(browser);
  const release = await holdBack(page, RULES);
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await page.waitForSelector('main[data-step="nationality"] h1');
  await page.fill('#nationality', 'Peru');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('main').dataset.step), 'nationality', 'waits for the rules');
  assert.equal(await page.locator('.part-failed').count(), 0);
  release();
  await page.waitForSelector('main[data-step="purpose"] h1#main-heading');
  assert.match(page.url(), /nationality=PE/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('rules that cannot be had are said on the first question, and its answer is taken on a retry', async () => {
  const page = await openPage(browser, { serviceWorkers: 'block' });
  await page.route(RULES, (route) => route.abort());
  await page.goto(`${server.url}#lang=ru&today=2026-11-21`);
  await ready(page);
  assert.equal(await parts(page), 'failed');
  await page.fill('#nationality', 'Перу');
  await page.keyboard.press('Enter');
  const failed = page.locator('main .part-failed[role="alert"]');
  await failed.waitFor();
  assert.equal(await failed.locator('p').textContent(), appRu.part_failed);
  assert.equal(await page.evaluate(() => document.querySelector('main').dataset.step), 'nationality');
  assert.deepEqual(await axe(page), []);
  await retryByKeyboard(page, failed, RULES);
  assert.match(page.url(), /nationality=PE/);
  assert.equal(await failed.count(), 0);
  assert.deepEqual(page.consoleErrors.filter((e) => !/net::ERR_FAILED|Failed to fetch/.test(e)), []);
  await page.context().close();
});

test('a link opened before the rules have come shows its screen once they are here', async () => {
  const page = await openPage(browser);
  const release = await holdBack(page, RULES);
  // A whole case without a step: which screen it needs is known only from the rules.
  await page.goto(`${server.url}#lang=en&today=2026-11-21&nationality=DE&purpose=tourism&passport.expires=2031-01-01&trip.entry=2026-12-01&trip.exit=2026-12-20&trip.entry_point=airport_almaty`);
  const note = page.locator('main .part-loading[role="status"]');
  await note.waitFor();
  release();
  await page.waitForSelector('main[data-step="result"] h1#main-heading');
  assert.equal(await note.count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a passport scanned before the rules have come is read when they come', async () => {
  const page = await openPage(browser);
  const release = await holdBack(page, RULES);
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await page.waitForSelector('main[data-step="nationality"] h1');
  await scan(page, td3());
  await page.waitForTimeout(300);
  assert.ok(!decodeURIComponent(page.url()).includes('nationality='), 'nothing read yet');
  release();
  await page.waitForFunction(() => document.querySelector('main').dataset.step === 'purpose');
  const hash = decodeURIComponent(new URL(page.url()).hash);
  for (const kept of ['nationality=DE', 'birth_date=1990-05-01', 'passport.expires=2031-01-01']) assert.ok(hash.includes(kept), hash);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a module whose bytes are not the build\'s is refused, and its screen says so', async () => {
  const page = await openPage(browser, { serviceWorkers: 'block' });
  const file = modules.find((f) => f.startsWith('split_questions-'));
  // Still a valid module (one more custom section, named "x"): only its integrity differs.
  const altered = Buffer.concat([readFileSync(join(DIST, file)), Buffer.from([0, 2, 1, 0x78])]);
  await page.route(new RegExp(`/${file}$`), (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: altered }));
  await page.goto(`${server.url}#lang=en&today=2026-11-21`);
  await ready(page);
  assert.equal(await parts(page), 'failed');
  await answerFirst(page);
  await page.locator('main .part-failed[role="alert"]').waitFor();
  assert.ok(page.consoleErrors.some((e) => /integrity|digest/i.test(e)), page.consoleErrors.join('\n'));
  await page.context().close();
});

// The first question drawn by index.html while the app loads (web/first-screen.html, which
// tools/gen/first-screen.mjs writes): the app's own first screen, in the language the app
// will speak, inert, and replaced by the app without a pixel moving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready } from './support.mjs';
import { LANGUAGES, firstScreen } from '../../tools/gen/first-screen.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens `hash` with the wasm held back until the returned function is called. */
async function heldBack(page, hash) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(`${server.url}${hash}`);
  return release;
}

/** Where each visible heading, paragraph, label, field and button is drawn. */
const boxes = (page) => page.evaluate(() => [...document.querySelectorAll('h1, p, label, input, textarea, button')]
  .filter((e) => e.getClientRects().length)
  .map((e) => { const r = e.getBoundingClientRect(); return `${e.tagName} ${e.textContent.slice(0, 30)} ${r.x},${r.y},${r.width},${r.height}`; }));

test('the copy is the app\'s own first screen in each language: web/first-screen.html has not drifted from it', async () => {
  const committed = readFileSync(new URL('../../web/first-screen.html', import.meta.url), 'utf8');
  for (const lang of LANGUAGES) {
    const page = await openPage(browser);
    await page.goto(`${server.url}#lang=${lang}`);
    const drawn = `<div lang="${lang}">${await firstScreen(page)}</div>`;
    assert.ok(committed.includes(drawn), `${lang}: the app's first screen is not the copy in web/first-screen.html: run node tools/gen/first-screen.mjs dist`);
    await page.context().close();
  }
});

test('while the app loads, the first question shows in its language, inert, and the app takes its place without a shift', async () => {
  for (const lang of ['en', 'ru', 'kk']) {
    const page = await openPage(browser, { viewport: { width: 412, height: 823 } });
    const release = await heldBack(page, `#lang=${lang}`);
    const shown = page.locator(`#kzvisa-shell > [lang="${lang}"] h1`);
    await shown.waitFor();
    assert.equal(await page.locator('#kzvisa-shell h1:visible').count(), 1, 'one language shown');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.getAttribute('#kzvisa-shell', 'aria-hidden'), 'true');
    assert.equal(await page.evaluate(() => document.getElementById('kzvisa-shell').inert), true, 'nothing in it can be used');
    assert.equal(await page.locator('#kzvisa-shell [id], #kzvisa-shell [data-step]').count(), 0, 'no id or hook the app or tests use');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'no focus inside');
    const before = await boxes(page);
    await page.evaluate(() => { window.shifted = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifted += e.value; }).observe({ type: 'layout-shift', buffered: true }); });
    release();
    await ready(page);
    assert.equal(await page.$('#kzvisa-shell'), null, 'gone once the app is mounted');
    assert.deepEqual(await boxes(page), before, `${lang}: the app draws the same page`);
    assert.equal(await page.evaluate(() => window.shifted), 0, 'no layout shift');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  }
});

test('with no language in the address the copy follows the browser\'s, and none shows for another screen', async () => {
  const kazakh = await openPage(browser, { locale: 'kk-KZ' });
  await heldBack(kazakh, '');
  await kazakh.locator('#kzvisa-shell > [lang="kk"] h1').waitFor();
  await kazakh.context().close();
  for (const hash of ['#lang=en&mode=kiosk', '#nationality=DE&lang=en', '#today=2026-11-21']) {
    const page = await openPage(browser);
    const release = await heldBack(page, hash);
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.locator('#kzvisa-shell h1:visible').count(), 0, `${hash}: no first question drawn`);
    release();
    await ready(page);
    await page.context().close();
  }
});
